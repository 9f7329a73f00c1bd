/// `alipay.trade.cancel` (统一收单交易撤销接口): Undo a trade whose outcome is unknown: closed if unpaid, refunded in full if paid.
///
/// Official doc: <https://docs.open.alipay.com/api_1/alipay.trade.cancel>. Called with `execute` (an HTTPS call to the gateway). Build it with [`CancelRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `trade_no`, `out_trade_no`: at least 1; when several are set, the first of trade_no > out_trade_no wins.
/// - `retry_while_flag_y` (advice): retry_flag = Y: call cancel again with the same ids; N: final.
///
/// Example `biz_content`:
/// ```json
/// {"trade_no":"2013112011001004330000121536"}
/// ```
#[doc(alias = "alipay.trade.cancel")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CancelRequest {
    /// `out_trade_no`: 原支付请求的商户订单号,和支付宝交易号不能同时为空\
    /// type `string`; one-of group `trade`; at most 64 characters; example `20150320010101001`; not stated by the doc: len_unit. The merchant's order number of the pay call.
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `trade_no`: 支付宝交易号，和商户订单号不能同时为空\
    /// type `string`; one-of group `trade`; at most 64 characters; example `2013112011001004330000121536`; not stated by the doc: len_unit. Alipay's trade number. Wins over out_trade_no when both are sent.
    pub trade_no: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`CancelRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod cancel_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.trade.cancel was not set"; out_trade_no,
        trade_no
    );
    /// Satisfied when one-of group `trade` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `trade` of alipay.trade.cancel is empty: set at least 1 of `trade_no`, `out_trade_no`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: trade_no > out_trade_no"
    )]
    pub trait group_trade {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_trade for (Set<trade_no, T0>, out_trade_no) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_trade for (trade_no, Set<out_trade_no, T1>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_trade for (Set<trade_no, T0>, Set<out_trade_no, T1>) {}
}
/// Builder of [`CancelRequest`]: `build()` compiles only when every required field and one-of group of `alipay.trade.cancel` is set.
#[must_use = "call build() to get the value"]
pub struct CancelRequestBuilder<
    S0 = cancel_fields::out_trade_no,
    S1 = cancel_fields::trade_no,
>(
    (S0, S1),
    (),
);
::alipay_core::__wire_struct!(
    CancelRequest { out_trade_no = "out_trade_no", trade_no = "trade_no" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use cancel_fields as __f;
    use CancelRequestBuilder as __B;
    impl CancelRequest {
        ///The rules of `alipay.trade.cancel` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.trade.cancel",
                &[
                    __F::new("out_trade_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("trade_no", __Ty::Text).one_of(0).max_chars(64),
                ],
            )
            .groups(&[__a::Group::new(&["trade_no", "out_trade_no"], 1)]);
        /// A builder with nothing set.
        pub fn builder() -> CancelRequestBuilder {
            __B(__f::START, ())
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
    impl<S0, S1> __B<S0, S1> {
        /// Sets [`out_trade_no`](CancelRequest::out_trade_no).
        pub fn out_trade_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_trade_no, String>, S1>
        where
            S0: __t::IsUnset,
        {
            let (_, s1) = self.0;
            __B((__t::Set::new(value.into()), s1), self.1)
        }
        /// Sets [`trade_no`](CancelRequest::trade_no).
        pub fn trade_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::trade_no, String>>
        where
            S1: __t::IsUnset,
        {
            let (s0, _) = self.0;
            __B((s0, __t::Set::new(value.into())), self.1)
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> CancelRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            (S1, S0): __f::group_trade,
        {
            let ((s0, s1), ()) = (self.0, self.1);
            CancelRequest {
                out_trade_no: __t::Slot::into_option(s0),
                trade_no: __t::Slot::into_option(s1),
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `retry_flag` of `CancelResponse`; unknown values are kept."] pub enum
    CancelResponseRetryFlag { #[doc = " `Y`"] Y = "Y", #[doc = " `N`"] N = "N" }
);
::alipay_core::__wire_enum!(
    open #[doc = " `action` of `CancelResponse`; unknown values are kept."] pub enum
    CancelResponseAction { #[doc = " `close`"] Close = "close", #[doc = " `refund`"]
    Refund = "refund" }
);
/// The answer of `alipay.trade.cancel` (`alipay_trade_cancel_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CancelResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `trade_no` (string): 支付宝交易号; 当发生交易关闭或交易退款时返回；
    pub trade_no: ::std::option::Option<::std::string::String>,
    /// `out_trade_no` (string): 商户订单号
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `retry_flag` (enum): 是否需要重试
    pub retry_flag: ::std::option::Option<CancelResponseRetryFlag>,
    /// `action` (enum): 本次撤销触发的交易动作,接口调用成功且交易存在时返回。可能的返回值： close：交易未支付，触发关闭交易动作，无退款； refund：交易已支付，触发交易退款动作； 未返回：未查询到交易，或接口调用失败；
    pub action: ::std::option::Option<CancelResponseAction>,
    /// `gmt_refund_pay` (datetime): 当撤销产生了退款时，返回退款时间；  只在银行间联交易场景下返回该信息；
    pub gmt_refund_pay: ::std::option::Option<::alipay_core::DateTime>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read CancelResponse { code = "code", msg = "msg", sub_code = "sub_code", sub_msg =
    "sub_msg", trade_no = "trade_no", out_trade_no = "out_trade_no", retry_flag =
    "retry_flag", action = "action", gmt_refund_pay = "gmt_refund_pay" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.trade.cancel`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum CancelErrorCode { #[doc =
    " `ACQ.SYSTEM_ERROR`: 系统错误 (`retry_same`)"] AcqSystemError =
    "ACQ.SYSTEM_ERROR" => (RetrySame, "系统错误",
    "请使用相同的参数再次调用"), #[doc =
    " `ACQ.INVALID_PARAMETER`: 参数无效 (`fix_request`)"] AcqInvalidParameter =
    "ACQ.INVALID_PARAMETER" => (FixRequest, "参数无效",
    "检查请求参数，修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_HAS_FINISHED`: 交易已经完结 (`fix_request`)"] #[doc = ""] #[doc =
    " A finished trade cannot be cancelled or refunded."] AcqTradeHasFinished =
    "ACQ.TRADE_HAS_FINISHED" => (FixRequest, "交易已经完结",
    "该交易已经完结，请确认交易状态"), #[doc =
    " `ACQ.SELLER_BALANCE_NOT_ENOUGH`: 卖家余额不足 (`retry_same`)"] #[doc = ""]
    #[doc = " Top up the merchant account, then cancel again."] AcqSellerBalanceNotEnough
    = "ACQ.SELLER_BALANCE_NOT_ENOUGH" => (RetrySame, "卖家余额不足",
    "商户支付宝账户充值后重新发起退款即可") }
);
impl Cancel {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!("specs/alipay.trade.cancel.toml");
    /// The API name.
    pub const METHOD: &'static str = "alipay.trade.cancel";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Undo a trade whose outcome is unknown: closed if unpaid, refunded in full if paid.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        CancelRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for CancelRequest {
    const METHOD: &'static str = "alipay.trade.cancel";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_trade_cancel_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = CancelRequest::RULES;
    type Response = CancelResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        CancelErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for CancelRequest {}
