/// `alipay.trade.fastpay.refund.query` (统一收单交易退款查询): Check whether one refund (by out_request_no) of a trade succeeded.
///
/// Official doc: <https://docs.open.alipay.com/api_1/alipay.trade.fastpay.refund.query>. Called with `execute` (an HTTPS call to the gateway). Build it with [`FastpayRefundQueryRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `trade_no`, `out_trade_no`: at least 1; when several are set, the first of trade_no > out_trade_no wins.
/// - `query_10s_after_refund` (advice): Query at least 10 s after the refund call; an absent refund_status means not found or not (yet) refunded, not a failure.
///
/// Example `biz_content`:
/// ```json
/// {"trade_no":"2013112011001004330000121536","out_request_no":"HZ01RF001"}
/// ```
#[doc(alias = "alipay.trade.fastpay.refund.query")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FastpayRefundQueryRequest {
    /// `out_trade_no`: 商户订单号。 订单支付时传入的商户订单号,和支付宝交易号不能同时为空。 trade_no,out_trade_no如果同时存在优先取trade_no\
    /// type `string`; one-of group `trade`; at most 64 characters; example `20150320010101001`; not stated by the doc: len_unit. The merchant's order number of the pay call.
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `trade_no`: 支付宝交易号。 和商户订单号不能同时为空\
    /// type `string`; one-of group `trade`; at most 64 characters; example `2013112011001004330000121536`; not stated by the doc: len_unit. Alipay's trade number. Wins over out_trade_no when both are sent.
    pub trade_no: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 退款请求号。 请求退款接口时，传入的退款请求号，如果在退款请求时未传入，则该值为创建交易时的商户订单号。\
    /// type `string`; required; at most 64 characters; example `HZ01RF001`; not stated by the doc: len_unit. The refund's out_request_no; the out_trade_no when the refund was sent without one.
    pub out_request_no: ::std::string::String,
    /// `query_options`: 查询选项，商户通过上送该参数来定制同步需要额外返回的信息字段，数组格式。枚举支持： refund_detail_item_list：本次退款使用的资金渠道； gmt_refund_pay：退款执行成功的时间； deposit_back_info：银行卡冲退信息；\
    /// type `array`; optional; example `["gmt_refund_pay"]`. An array of strings, e.g. ["trade_settle_info"] — not a comma-separated string. The set of options is open (包括但不限于), so items are not an enum.
    pub query_options: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}
/// Typestate markers of [`FastpayRefundQueryRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod fastpay_refund_query_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.trade.fastpay.refund.query was not set";
        out_trade_no, trade_no, out_request_no
    );
    /// Satisfied when one-of group `trade` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `trade` of alipay.trade.fastpay.refund.query is empty: set at least 1 of `trade_no`, `out_trade_no`",
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
/// Builder of [`FastpayRefundQueryRequest`]: `build()` compiles only when every required field and one-of group of `alipay.trade.fastpay.refund.query` is set.
#[must_use = "call build() to get the value"]
pub struct FastpayRefundQueryRequestBuilder<
    S0 = fastpay_refund_query_fields::out_trade_no,
    S1 = fastpay_refund_query_fields::trade_no,
    S2 = fastpay_refund_query_fields::out_request_no,
>(
    (S0, S1, S2),
    (::std::option::Option<::std::vec::Vec<::std::string::String>>,),
);
::alipay_core::__wire_struct!(
    FastpayRefundQueryRequest { out_trade_no = "out_trade_no", trade_no = "trade_no",
    out_request_no = "out_request_no", query_options = "query_options" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use fastpay_refund_query_fields as __f;
    use FastpayRefundQueryRequestBuilder as __B;
    impl FastpayRefundQueryRequest {
        ///The rules of `alipay.trade.fastpay.refund.query` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.trade.fastpay.refund.query",
                &[
                    __F::new("out_trade_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("trade_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("out_request_no", __Ty::Text).required().max_chars(64),
                    __F::new("query_options", __Ty::Array(&__Ty::Text)),
                ],
            )
            .groups(&[__a::Group::new(&["trade_no", "out_trade_no"], 1)]);
        /// A builder with nothing set.
        pub fn builder() -> FastpayRefundQueryRequestBuilder {
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
    impl<S0, S1, S2> __B<S0, S1, S2> {
        /// Sets [`out_trade_no`](FastpayRefundQueryRequest::out_trade_no).
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
        /// Sets [`trade_no`](FastpayRefundQueryRequest::trade_no).
        pub fn trade_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::trade_no, String>, S2>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2) = self.0;
            __B((s0, __t::Set::new(value.into()), s2), self.1)
        }
        /// Sets [`out_request_no`](FastpayRefundQueryRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::out_request_no, String>>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _) = self.0;
            __B((s0, s1, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`query_options`](FastpayRefundQueryRequest::query_options).
        pub fn query_options(
            mut self,
            value: ::std::vec::Vec<::std::string::String>,
        ) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> FastpayRefundQueryRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            S2: __f::Required<String>,
            (S1, S0): __f::group_trade,
        {
            let ((s0, s1, s2), (query_options,)) = (self.0, self.1);
            FastpayRefundQueryRequest {
                out_trade_no: __t::Slot::into_option(s0),
                trade_no: __t::Slot::into_option(s1),
                out_request_no: __t::IsSet::into_value(s2),
                query_options,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc =
    " `refund_status` of `FastpayRefundQueryResponse`; unknown values are kept."] pub
    enum FastpayRefundQueryResponseRefundStatus { #[doc = " `REFUND_SUCCESS`"]
    RefundSuccess = "REFUND_SUCCESS" }
);
/// The answer of `alipay.trade.fastpay.refund.query` (`alipay_trade_fastpay_refund_query_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct FastpayRefundQueryResponse {
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
    /// `out_trade_no` (string): 创建交易传入的商户订单号
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 本笔退款对应的退款请求号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `total_amount` (amount): 该笔退款所对应的交易的订单金额。单位：元。
    pub total_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `refund_amount` (amount): 本次退款请求，对应的退款金额。单位：元。
    pub refund_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `refund_status` (enum): 退款状态。枚举值： REFUND_SUCCESS 退款处理成功； 未返回该字段表示退款请求未收到或者退款失败； 注：如果退款查询发起时间早于退款时间，或者间隔退款发起时间太短，可能出现退款查询时还没处理成功，后面又处理成功的情况，建议商户在退款发起后间隔10秒以上再发起退款查询请求。\
    /// Absent: not found or not refunded (yet).
    pub refund_status: ::std::option::Option<FastpayRefundQueryResponseRefundStatus>,
    /// `gmt_refund_pay` (datetime): 退款时间。默认不返回该信息，需要在入参的query_options中指定"gmt_refund_pay"值时才返回该字段信息。
    pub gmt_refund_pay: ::std::option::Option<::alipay_core::DateTime>,
    /// `refund_reason` (string): 发起退款时，传入的退款原因
    pub refund_reason: ::std::option::Option<::std::string::String>,
    /// `refund_detail_item_list` (array): 本次退款使用的资金渠道； 默认不返回该信息，需要在入参的query_options中指定"refund_detail_item_list"值时才返回该字段信息。
    pub refund_detail_item_list: ::std::option::Option<::std::vec::Vec<TradeFundBill>>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read FastpayRefundQueryResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", trade_no = "trade_no", out_trade_no = "out_trade_no",
    out_request_no = "out_request_no", total_amount = "total_amount", refund_amount =
    "refund_amount", refund_status = "refund_status", gmt_refund_pay = "gmt_refund_pay",
    refund_reason = "refund_reason", refund_detail_item_list = "refund_detail_item_list"
    }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.trade.fastpay.refund.query`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum FastpayRefundQueryErrorCode { #[doc =
    " `ACQ.SYSTEM_ERROR`: 系统错误 (`retry_same`)"] AcqSystemError =
    "ACQ.SYSTEM_ERROR" => (RetrySame, "系统错误",
    "请使用相同的参数再次调用"), #[doc =
    " `ACQ.INVALID_PARAMETER`: 参数无效 (`fix_request`)"] AcqInvalidParameter =
    "ACQ.INVALID_PARAMETER" => (FixRequest, "参数无效",
    "检查请求参数，修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_NOT_EXIST`: 交易不存在 (`fix_request`)"] #[doc = ""] #[doc =
    " Check trade_no / out_trade_no."] AcqTradeNotExist = "ACQ.TRADE_NOT_EXIST" =>
    (FixRequest, "交易不存在",
    "检查传入的交易号是否正确，请修改后重新发起请求") }
);
impl FastpayRefundQuery {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.trade.fastpay.refund.query.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.trade.fastpay.refund.query";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Check whether one refund (by out_request_no) of a trade succeeded.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        FastpayRefundQueryRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for FastpayRefundQueryRequest {
    const METHOD: &'static str = "alipay.trade.fastpay.refund.query";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_trade_fastpay_refund_query_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = FastpayRefundQueryRequest::RULES;
    type Response = FastpayRefundQueryResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        FastpayRefundQueryErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for FastpayRefundQueryRequest {}
