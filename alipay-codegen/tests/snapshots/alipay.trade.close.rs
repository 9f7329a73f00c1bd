/// `alipay.trade.close` (统一收单交易关闭接口): Close an unpaid trade so that it can no longer be paid.
///
/// Official doc: <https://docs.open.alipay.com/api_1/alipay.trade.close>. Called with `execute` (an HTTPS call to the gateway). Build it with [`CloseRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `trade_no`, `out_trade_no`: at least 1; when several are set, the first of trade_no > out_trade_no wins.
/// - `only_unpaid` (checked by Alipay): Only a trade in WAIT_BUYER_PAY can be closed (the server answers ACQ.TRADE_STATUS_ERROR otherwise).
///
/// Example `biz_content`:
/// ```json
/// {"trade_no":"2013112011001004330000121536","operator_id":"yx_001"}
/// ```
#[doc(alias = "alipay.trade.close")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CloseRequest {
    /// `out_trade_no`: 订单支付时传入的商户订单号,和支付宝交易号不能同时为空。 trade_no,out_trade_no如果同时存在优先取trade_no\
    /// type `string`; one-of group `trade`; at most 64 characters; example `20150320010101001`; not stated by the doc: len_unit. The merchant's order number of the pay call.
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `trade_no`: 该交易在支付宝系统中的交易流水号。最短 16 位，最长 64 位。和out_trade_no不能同时为空，如果同时传了 out_trade_no和 trade_no，则以 trade_no为准。\
    /// type `string`; one-of group `trade`; at most 64 characters; pattern `^.{16,}$`; example `2013112011001004330000121536`; not stated by the doc: len_unit. Alipay's trade number: at least 16 and at most 64 characters (this API's doc). Wins over out_trade_no when both are sent.
    pub trade_no: ::std::option::Option<::std::string::String>,
    /// `operator_id`: 商家操作员编号 id，由商家自定义。\
    /// type `string`; optional; at most 28 characters; example `yx_001`; not stated by the doc: len_unit.
    pub operator_id: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`CloseRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod close_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.trade.close was not set"; out_trade_no,
        trade_no
    );
    /// Satisfied when one-of group `trade` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `trade` of alipay.trade.close is empty: set at least 1 of `trade_no`, `out_trade_no`",
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
/// Builder of [`CloseRequest`]: `build()` compiles only when every required field and one-of group of `alipay.trade.close` is set.
#[must_use = "call build() to get the value"]
pub struct CloseRequestBuilder<
    S0 = close_fields::out_trade_no,
    S1 = close_fields::trade_no,
>(
    (S0, S1),
    (::std::option::Option<::std::string::String>,),
);
::alipay_core::__wire_struct!(
    CloseRequest { out_trade_no = "out_trade_no", trade_no = "trade_no", operator_id =
    "operator_id" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use close_fields as __f;
    use CloseRequestBuilder as __B;
    impl CloseRequest {
        ///The rules of `alipay.trade.close` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.trade.close",
                &[
                    __F::new("out_trade_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("trade_no", __Ty::Text)
                        .one_of(0)
                        .max_chars(64)
                        .pattern("^.{16,}$"),
                    __F::new("operator_id", __Ty::Text).max_chars(28),
                ],
            )
            .groups(&[__a::Group::new(&["trade_no", "out_trade_no"], 1)]);
        /// A builder with nothing set.
        pub fn builder() -> CloseRequestBuilder {
            __B(__f::START, (::std::option::Option::None,))
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
        /// Sets [`out_trade_no`](CloseRequest::out_trade_no).
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
        /// Sets [`trade_no`](CloseRequest::trade_no).
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
        /// Sets [`operator_id`](CloseRequest::operator_id).
        pub fn operator_id(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> CloseRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            (S1, S0): __f::group_trade,
        {
            let ((s0, s1), (operator_id,)) = (self.0, self.1);
            CloseRequest {
                out_trade_no: __t::Slot::into_option(s0),
                trade_no: __t::Slot::into_option(s1),
                operator_id,
            }
        }
    }
};
/// The answer of `alipay.trade.close` (`alipay_trade_close_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CloseResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `trade_no` (string): 支付宝交易号
    pub trade_no: ::std::option::Option<::std::string::String>,
    /// `out_trade_no` (string): 商户订单号
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read CloseResponse { code = "code", msg = "msg", sub_code = "sub_code", sub_msg =
    "sub_msg", trade_no = "trade_no", out_trade_no = "out_trade_no" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.trade.close`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum CloseErrorCode { #[doc = " `ACQ.SYSTEM_ERROR`: 系统错误 (`retry_same`)"]
    AcqSystemError = "ACQ.SYSTEM_ERROR" => (RetrySame, "系统错误",
    "请使用相同的参数再次调用"), #[doc =
    " `ACQ.INVALID_PARAMETER`: 参数无效 (`fix_request`)"] AcqInvalidParameter =
    "ACQ.INVALID_PARAMETER" => (FixRequest, "参数无效",
    "检查请求参数，修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_NOT_EXIST`: 交易不存在 (`fix_request`)"] AcqTradeNotExist =
    "ACQ.TRADE_NOT_EXIST" => (FixRequest, "交易不存在",
    "检查传入的交易号是否正确，请修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_STATUS_ERROR`: 交易状态不合法 (`query_then_decide`)"] #[doc = ""]
    #[doc =
    " Not WAIT_BUYER_PAY: query; a paid trade is refunded or cancelled, not closed."]
    AcqTradeStatusError = "ACQ.TRADE_STATUS_ERROR" => (QueryThenDecide,
    "交易状态不合法", "检查当前交易的状态是否合法") }
);
impl Close {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!("specs/alipay.trade.close.toml");
    /// The API name.
    pub const METHOD: &'static str = "alipay.trade.close";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Close an unpaid trade so that it can no longer be paid.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        CloseRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for CloseRequest {
    const METHOD: &'static str = "alipay.trade.close";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_trade_close_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = CloseRequest::RULES;
    type Response = CloseResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        CloseErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for CloseRequest {}
