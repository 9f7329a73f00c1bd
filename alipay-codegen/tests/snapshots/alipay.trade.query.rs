/// `alipay.trade.query` (统一收单交易查询): Query the state and amounts of one trade by trade_no or out_trade_no.
///
/// Official doc: <https://docs.open.alipay.com/api_1/alipay.trade.query>. Called with `execute` (an HTTPS call to the gateway). Build it with [`QueryRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `trade_no`, `out_trade_no`: at least 1; when several are set, the first of trade_no > out_trade_no wins.
/// - `poll_after_unknown` (advice): After a pay answered 10003 or an unknown outcome: query every 5 s for 30 s (the F2F demo); a precreate trade is ACQ.TRADE_NOT_EXIST until scanned.
///
/// Example `biz_content`:
/// ```json
/// {"trade_no":"2013112011001004330000121536"}
/// ```
#[doc(alias = "alipay.trade.query")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct QueryRequest {
    /// `out_trade_no`: 订单支付时传入的商户订单号,和支付宝交易号不能同时为空。 trade_no,out_trade_no如果同时存在优先取trade_no\
    /// type `string`; one-of group `trade`; at most 64 characters; example `20150320010101001`; not stated by the doc: len_unit. The merchant's order number of the pay call.
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `trade_no`: 支付宝交易号，和商户订单号不能同时为空\
    /// type `string`; one-of group `trade`; at most 64 characters; example `2013112011001004330000121536`; not stated by the doc: len_unit. Alipay's trade number. Wins over out_trade_no when both are sent.
    pub trade_no: ::std::option::Option<::std::string::String>,
    /// `query_options`: 查询选项，商户传入该参数可定制本接口同步响应额外返回的信息字段，数组格式。\
    /// type `array`; optional; example `["trade_settle_info"]`. An array of strings, e.g. ["trade_settle_info"] — not a comma-separated string. The set of options is open (包括但不限于), so items are not an enum.
    pub query_options: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}
/// Typestate markers of [`QueryRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod query_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.trade.query was not set"; out_trade_no,
        trade_no
    );
    /// Satisfied when one-of group `trade` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `trade` of alipay.trade.query is empty: set at least 1 of `trade_no`, `out_trade_no`",
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
/// Builder of [`QueryRequest`]: `build()` compiles only when every required field and one-of group of `alipay.trade.query` is set.
#[must_use = "call build() to get the value"]
pub struct QueryRequestBuilder<
    S0 = query_fields::out_trade_no,
    S1 = query_fields::trade_no,
>(
    (S0, S1),
    (::std::option::Option<::std::vec::Vec<::std::string::String>>,),
);
::alipay_core::__wire_struct!(
    QueryRequest { out_trade_no = "out_trade_no", trade_no = "trade_no", query_options =
    "query_options" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use query_fields as __f;
    use QueryRequestBuilder as __B;
    impl QueryRequest {
        ///The rules of `alipay.trade.query` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.trade.query",
                &[
                    __F::new("out_trade_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("trade_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("query_options", __Ty::Array(&__Ty::Text)),
                ],
            )
            .groups(&[__a::Group::new(&["trade_no", "out_trade_no"], 1)]);
        /// A builder with nothing set.
        pub fn builder() -> QueryRequestBuilder {
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
        /// Sets [`out_trade_no`](QueryRequest::out_trade_no).
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
        /// Sets [`trade_no`](QueryRequest::trade_no).
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
        /// Sets [`query_options`](QueryRequest::query_options).
        pub fn query_options(
            mut self,
            value: ::std::vec::Vec<::std::string::String>,
        ) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> QueryRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            (S1, S0): __f::group_trade,
        {
            let ((s0, s1), (query_options,)) = (self.0, self.1);
            QueryRequest {
                out_trade_no: __t::Slot::into_option(s0),
                trade_no: __t::Slot::into_option(s1),
                query_options,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `trade_status` of `QueryResponse`; unknown values are kept."] pub enum
    QueryResponseTradeStatus { #[doc = " `WAIT_BUYER_PAY`"] WaitBuyerPay =
    "WAIT_BUYER_PAY", #[doc = " `TRADE_CLOSED`"] TradeClosed = "TRADE_CLOSED", #[doc =
    " `TRADE_SUCCESS`"] TradeSuccess = "TRADE_SUCCESS", #[doc = " `TRADE_FINISHED`"]
    TradeFinished = "TRADE_FINISHED" }
);
/// The answer of `alipay.trade.query` (`alipay_trade_query_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct QueryResponse {
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
    /// `buyer_logon_id` (string): 买家支付宝账号
    pub buyer_logon_id: ::std::option::Option<::std::string::String>,
    /// `trade_status` (enum): 交易状态：WAIT_BUYER_PAY（交易创建，等待买家付款）、TRADE_CLOSED（未付款交易超时关闭，或支付完成后全额退款）、TRADE_SUCCESS（交易支付成功）、TRADE_FINISHED（交易结束，不可退款）\
    /// TRADE_SUCCESS: paid, refundable. TRADE_FINISHED: paid, no refund possible. TRADE_CLOSED: unpaid timeout or fully refunded.
    pub trade_status: ::std::option::Option<QueryResponseTradeStatus>,
    /// `total_amount` (amount): 交易的订单金额，单位为元，两位小数。该参数的值为支付时传入的total_amount
    pub total_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `buyer_pay_amount` (amount): 买家实付金额，单位为元，两位小数。该金额代表该笔交易买家实际支付的金额，不包含商户折扣等金额
    pub buyer_pay_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `point_amount` (amount): 积分支付的金额，单位为元，两位小数。该金额代表该笔交易中用户使用积分支付的金额，比如集分宝或者支付宝实时优惠等
    pub point_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `invoice_amount` (amount): 交易中用户支付的可开具发票的金额，单位为元，两位小数。该金额代表该笔交易中可以给用户开具发票的金额
    pub invoice_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `receipt_amount` (amount): 实收金额，单位为元，两位小数。该金额为本笔交易，商户账户能够实际收到的金额
    pub receipt_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `send_pay_date` (datetime): 本次交易打款给卖家的时间
    pub send_pay_date: ::std::option::Option<::alipay_core::DateTime>,
    /// `store_id` (string): 商户门店编号
    pub store_id: ::std::option::Option<::std::string::String>,
    /// `terminal_id` (string): 商户机具终端编号
    pub terminal_id: ::std::option::Option<::std::string::String>,
    /// `fund_bill_list` (array): 交易支付使用的资金渠道。 只有在签约中指定需要返回资金明细，或者入参的query_options中指定时才返回该字段信息。
    pub fund_bill_list: ::std::option::Option<::std::vec::Vec<TradeFundBill>>,
    /// `store_name` (string): 请求交易支付中的商户店铺的名称
    pub store_name: ::std::option::Option<::std::string::String>,
    /// `buyer_user_id` (user_id): 买家在支付宝的用户id
    pub buyer_user_id: ::std::option::Option<::std::string::String>,
    /// `buyer_open_id` (string): 买家支付宝用户唯一标识
    pub buyer_open_id: ::std::option::Option<::std::string::String>,
    /// `discount_amount` (amount): 平台优惠金额。单位：元。
    pub discount_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `mdiscount_amount` (amount): 商家优惠金额。单位：元。
    pub mdiscount_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `passback_params` (string): 公用回传参数。 返回支付时传入的passback_params参数信息
    pub passback_params: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read QueryResponse { code = "code", msg = "msg", sub_code = "sub_code", sub_msg =
    "sub_msg", trade_no = "trade_no", out_trade_no = "out_trade_no", buyer_logon_id =
    "buyer_logon_id", trade_status = "trade_status", total_amount = "total_amount",
    buyer_pay_amount = "buyer_pay_amount", point_amount = "point_amount", invoice_amount
    = "invoice_amount", receipt_amount = "receipt_amount", send_pay_date =
    "send_pay_date", store_id = "store_id", terminal_id = "terminal_id", fund_bill_list =
    "fund_bill_list", store_name = "store_name", buyer_user_id = "buyer_user_id",
    buyer_open_id = "buyer_open_id", discount_amount = "discount_amount",
    mdiscount_amount = "mdiscount_amount", passback_params = "passback_params" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.trade.query`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum QueryErrorCode { #[doc = " `ACQ.SYSTEM_ERROR`: 系统错误 (`retry_same`)"]
    AcqSystemError = "ACQ.SYSTEM_ERROR" => (RetrySame, "系统错误",
    "请使用相同的参数再次调用"), #[doc =
    " `ACQ.INVALID_PARAMETER`: 参数无效 (`fix_request`)"] AcqInvalidParameter =
    "ACQ.INVALID_PARAMETER" => (FixRequest, "参数无效",
    "检查请求参数，修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_NOT_EXIST`: 交易不存在 (`query_then_decide`)"] #[doc = ""] #[doc =
    " Not (yet) a trade: a precreate order before the scan, or a pay that never arrived. Query again until the order's timeout, then treat it as not paid."]
    AcqTradeNotExist = "ACQ.TRADE_NOT_EXIST" => (QueryThenDecide, "交易不存在",
    "检查传入的交易号是否正确，请修改后重新发起请求") }
);
impl Query {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!("specs/alipay.trade.query.toml");
    /// The API name.
    pub const METHOD: &'static str = "alipay.trade.query";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Query the state and amounts of one trade by trade_no or out_trade_no.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        QueryRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for QueryRequest {
    const METHOD: &'static str = "alipay.trade.query";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_trade_query_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = QueryRequest::RULES;
    type Response = QueryResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        QueryErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for QueryRequest {}
