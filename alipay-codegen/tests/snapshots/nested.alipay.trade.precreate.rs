::alipay_core::__wire_enum!(
    closed #[doc = " Values of `query_options` of `TradePrecreate`."] pub enum
    TradePrecreateQueryOptions { #[doc = " `trade_settle_info`"] TradeSettleInfo =
    "trade_settle_info", #[doc = " `fund_bill_list`"] FundBillList = "fund_bill_list" }
);
/// `store_info`: an object of `TradePrecreate`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TradePrecreateStoreInfo {
    /// `store_id`\
    /// type `string`; one-of group `store`; at most 32 characters.
    pub store_id: ::std::option::Option<::std::string::String>,
    /// `alipay_store_id`\
    /// type `string`; one-of group `store`; at most 32 characters.
    pub alipay_store_id: ::std::option::Option<::std::string::String>,
    /// `terminal_id`\
    /// type `string`; optional; at most 32 characters.
    pub terminal_id: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`TradePrecreateStoreInfoBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod trade_precreate_store_info_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of `store_info` of alipay.trade.precreate was not set";
        store_id, alipay_store_id
    );
    /// Satisfied when one-of group `store` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `store` of `store_info` of alipay.trade.precreate is empty: set at least 1 of `store_id`, `alipay_store_id`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: alipay_store_id > store_id"
    )]
    pub trait group_store {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_store for (Set<store_id, T0>, alipay_store_id) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_store for (store_id, Set<alipay_store_id, T1>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_store for (Set<store_id, T0>, Set<alipay_store_id, T1>) {}
}
/// Builder of [`TradePrecreateStoreInfo`]: `build()` compiles only when every required field and one-of group of `store_info` is set.
#[must_use = "call build() to get the value"]
pub struct TradePrecreateStoreInfoBuilder<
    S0 = trade_precreate_store_info_fields::store_id,
    S1 = trade_precreate_store_info_fields::alipay_store_id,
>(
    (S0, S1),
    (::std::option::Option<::std::string::String>,),
);
::alipay_core::__wire_struct!(
    TradePrecreateStoreInfo { store_id = "store_id", alipay_store_id = "alipay_store_id",
    terminal_id = "terminal_id" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use trade_precreate_store_info_fields as __f;
    use TradePrecreateStoreInfoBuilder as __B;
    impl TradePrecreateStoreInfo {
        ///The rules of `store_info` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "store_info",
                &[
                    __F::new("store_id", __Ty::Text).one_of(0).max_chars(32),
                    __F::new("alipay_store_id", __Ty::Text).one_of(0).max_chars(32),
                    __F::new("terminal_id", __Ty::Text).max_chars(32),
                ],
            )
            .groups(&[__a::Group::new(&["alipay_store_id", "store_id"], 1)]);
        /// A builder with nothing set.
        pub fn builder() -> TradePrecreateStoreInfoBuilder {
            __B(__f::START, (::std::option::Option::None,))
        }
        /// Every rule of the spec this value breaks, at once.
        pub fn validate(
            &self,
        ) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
            Self::RULES.check(&__a::ToWire::to_wire(self))
        }
    }
    impl<S0, S1> __B<S0, S1> {
        /// Sets [`store_id`](TradePrecreateStoreInfo::store_id).
        pub fn store_id(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::store_id, String>, S1>
        where
            S0: __t::IsUnset,
        {
            let (_, s1) = self.0;
            __B((__t::Set::new(value.into()), s1), self.1)
        }
        /// Sets [`alipay_store_id`](TradePrecreateStoreInfo::alipay_store_id).
        pub fn alipay_store_id(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::alipay_store_id, String>>
        where
            S1: __t::IsUnset,
        {
            let (s0, _) = self.0;
            __B((s0, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`terminal_id`](TradePrecreateStoreInfo::terminal_id).
        pub fn terminal_id(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> TradePrecreateStoreInfo
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            (S0, S1): __f::group_store,
        {
            let ((s0, s1), (terminal_id,)) = (self.0, self.1);
            TradePrecreateStoreInfo {
                store_id: __t::Slot::into_option(s0),
                alipay_store_id: __t::Slot::into_option(s1),
                terminal_id,
            }
        }
    }
};
/// `alipay.trade.precreate` (统一收单线下交易预创建): A QR code for the buyer to scan (test fixture).
///
/// Called with `execute` (an HTTPS call to the gateway). Build it with [`TradePrecreateRequest::builder`]; required fields and one-of groups are checked when compiling.
#[doc(alias = "alipay.trade.precreate")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TradePrecreateRequest {
    /// `out_trade_no`\
    /// type `string`; required; at most 64 characters; pattern `^[A-Za-z0-9_]+$`.
    pub out_trade_no: ::std::string::String,
    /// `total_amount`\
    /// type `amount`; required; range [0.01, 100000000.00] yuan.
    pub total_amount: ::alipay_core::Amount,
    /// `subject`\
    /// type `string`; required; at most 256 characters.
    pub subject: ::std::string::String,
    /// `goods_detail`\
    /// type `array`; optional; at most 3 items.
    pub goods_detail: ::std::option::Option<::std::vec::Vec<GoodsDetail>>,
    /// `extend_params`\
    /// type `ExtendParams`; optional.
    pub extend_params: ::std::option::Option<ExtendParams>,
    /// `query_options`\
    /// type `array`; optional; at most 2 items.
    pub query_options: ::std::option::Option<
        ::std::vec::Vec<TradePrecreateQueryOptions>,
    >,
    /// `timeout_express`\
    /// type `pay_timeout`; optional; at most 5 characters; range 1m~15d.
    pub timeout_express: ::std::option::Option<::alipay_core::PayTimeout>,
    /// `time_expire`\
    /// type `datetime`; optional.
    pub time_expire: ::std::option::Option<::alipay_core::DateTime>,
    /// `store_info`\
    /// type `object`; optional.
    pub store_info: ::std::option::Option<TradePrecreateStoreInfo>,
}
/// Typestate markers of [`TradePrecreateRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod trade_precreate_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.trade.precreate was not set"; out_trade_no,
        total_amount, subject
    );
}
/// Builder of [`TradePrecreateRequest`]: `build()` compiles only when every required field and one-of group of `alipay.trade.precreate` is set.
#[must_use = "call build() to get the value"]
pub struct TradePrecreateRequestBuilder<
    S0 = trade_precreate_fields::out_trade_no,
    S1 = trade_precreate_fields::total_amount,
    S2 = trade_precreate_fields::subject,
>(
    (S0, S1, S2),
    (
        ::std::option::Option<::std::vec::Vec<GoodsDetail>>,
        ::std::option::Option<ExtendParams>,
        ::std::option::Option<::std::vec::Vec<TradePrecreateQueryOptions>>,
        ::std::option::Option<::alipay_core::PayTimeout>,
        ::std::option::Option<::alipay_core::DateTime>,
        ::std::option::Option<TradePrecreateStoreInfo>,
    ),
);
::alipay_core::__wire_struct!(
    TradePrecreateRequest { out_trade_no = "out_trade_no", total_amount = "total_amount",
    subject = "subject", goods_detail = "goods_detail", extend_params = "extend_params",
    query_options = "query_options", timeout_express = "timeout_express", time_expire =
    "time_expire", store_info = "store_info" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use trade_precreate_fields as __f;
    use TradePrecreateRequestBuilder as __B;
    impl TradePrecreateRequest {
        ///The rules of `alipay.trade.precreate` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.trade.precreate",
                &[
                    __F::new("out_trade_no", __Ty::Text)
                        .required()
                        .max_chars(64)
                        .pattern("^[A-Za-z0-9_]+$"),
                    __F::new("total_amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("subject", __Ty::Text).required().max_chars(256),
                    __F::new(
                            "goods_detail",
                            __Ty::Array(&__Ty::Object(GoodsDetail::RULES)),
                        )
                        .max_items(3),
                    __F::new("extend_params", __Ty::Object(ExtendParams::RULES)),
                    __F::new("query_options", __Ty::Array(&__Ty::Enum))
                        .values(&["trade_settle_info", "fund_bill_list"])
                        .max_items(2),
                    __F::new("timeout_express", __Ty::PayTimeout)
                        .max_chars(5)
                        .minutes(1, 21600, "1m", "15d")
                        .allow_1c(),
                    __F::new("time_expire", __Ty::Datetime),
                    __F::new("store_info", __Ty::Object(TradePrecreateStoreInfo::RULES)),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> TradePrecreateRequestBuilder {
            __B(
                __f::START,
                (
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                ),
            )
        }
        /// Every rule of the spec this value breaks, at once.
        pub fn validate(
            &self,
        ) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
            Self::RULES.check(&__a::ToWire::to_wire(self))
        }
        /// Parses and checks the business parameters, reporting every broken rule at once.
        pub fn from_biz_content(
            json: &str,
        ) -> ::std::result::Result<Self, ::alipay_core::api::BizError> {
            let w = Self::RULES.check_json(json)?;
            __a::FromWire::from_wire(&w)
                .map_err(|e| ::alipay_core::api::BizError::Malformed(e.to_string()))
        }
    }
    impl<S0, S1, S2> __B<S0, S1, S2> {
        /// Sets [`out_trade_no`](TradePrecreateRequest::out_trade_no).
        pub fn out_trade_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_trade_no, String>, S1, S2>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2) = self.0;
            __B((__t::Set::new(value.into()), s1, s2), self.1)
        }
        /// Sets [`total_amount`](TradePrecreateRequest::total_amount).
        pub fn total_amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, __t::Set<__f::total_amount, ::alipay_core::Amount>, S2>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2) = self.0;
            __B((s0, __t::Set::new(value), s2), self.1)
        }
        /// Sets [`subject`](TradePrecreateRequest::subject).
        pub fn subject(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::subject, String>>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _) = self.0;
            __B((s0, s1, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`goods_detail`](TradePrecreateRequest::goods_detail).
        pub fn goods_detail(mut self, value: ::std::vec::Vec<GoodsDetail>) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`extend_params`](TradePrecreateRequest::extend_params).
        pub fn extend_params(mut self, value: ExtendParams) -> Self {
            self.1.1 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`query_options`](TradePrecreateRequest::query_options).
        pub fn query_options(
            mut self,
            value: ::std::vec::Vec<TradePrecreateQueryOptions>,
        ) -> Self {
            self.1.2 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`timeout_express`](TradePrecreateRequest::timeout_express).
        pub fn timeout_express(mut self, value: ::alipay_core::PayTimeout) -> Self {
            self.1.3 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`time_expire`](TradePrecreateRequest::time_expire).
        pub fn time_expire(mut self, value: ::alipay_core::DateTime) -> Self {
            self.1.4 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`store_info`](TradePrecreateRequest::store_info).
        pub fn store_info(mut self, value: TradePrecreateStoreInfo) -> Self {
            self.1.5 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> TradePrecreateRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<::alipay_core::Amount>,
            S2: __f::Required<String>,
        {
            let (
                (s0, s1, s2),
                (
                    goods_detail,
                    extend_params,
                    query_options,
                    timeout_express,
                    time_expire,
                    store_info,
                ),
            ) = (self.0, self.1);
            TradePrecreateRequest {
                out_trade_no: __t::IsSet::into_value(s0),
                total_amount: __t::IsSet::into_value(s1),
                subject: __t::IsSet::into_value(s2),
                goods_detail,
                extend_params,
                query_options,
                timeout_express,
                time_expire,
                store_info,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc =
    " `settle_type` of `TradePrecreateResponseSettleInfo`; unknown values are kept."] pub
    enum TradePrecreateResponseSettleInfoSettleType { #[doc = " `DIRECT`"] Direct =
    "DIRECT", #[doc = " `DELAYED`"] Delayed = "DELAYED" }
);
/// `settle_info` of `TradePrecreateResponse`. Every field is optional.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TradePrecreateResponseSettleInfo {
    /// `settle_amount` (amount)
    pub settle_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `settle_type` (enum)
    pub settle_type: ::std::option::Option<TradePrecreateResponseSettleInfoSettleType>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read TradePrecreateResponseSettleInfo { settle_amount = "settle_amount", settle_type
    = "settle_type" }
);
/// The answer of `alipay.trade.precreate` (`alipay_trade_precreate_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TradePrecreateResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `out_trade_no` (string)
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `qr_code` (string)
    pub qr_code: ::std::option::Option<::std::string::String>,
    /// `fund_bill_list` (array)
    pub fund_bill_list: ::std::option::Option<::std::vec::Vec<TradeFundBill>>,
    /// `send_pay_date` (datetime)
    pub send_pay_date: ::std::option::Option<::alipay_core::DateTime>,
    /// `settle_info` (object)
    pub settle_info: ::std::option::Option<TradePrecreateResponseSettleInfo>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read TradePrecreateResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", out_trade_no = "out_trade_no", qr_code = "qr_code",
    fund_bill_list = "fund_bill_list", send_pay_date = "send_pay_date", settle_info =
    "settle_info" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.trade.precreate`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum TradePrecreateErrorCode { #[doc =
    " `ACQ.SYSTEM_ERROR`: 接口返回错误 (`query_then_decide`)"] AcqSystemError =
    "ACQ.SYSTEM_ERROR" => (QueryThenDecide, "接口返回错误",
    "请立即调用查询订单API，查询当前订单的状态") }
);
impl TradePrecreate {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.trade.precreate.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.trade.precreate";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "A QR code for the buyer to scan (test fixture).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        TradePrecreateRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for TradePrecreateRequest {
    const METHOD: &'static str = "alipay.trade.precreate";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_trade_precreate_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = TradePrecreateRequest::RULES;
    type Response = TradePrecreateResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        TradePrecreateErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for TradePrecreateRequest {}
