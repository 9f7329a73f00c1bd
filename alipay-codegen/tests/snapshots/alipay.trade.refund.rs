/// `alipay.trade.refund` (统一收单交易退款接口): Refund a paid trade in full or in part, once per out_request_no.
///
/// Official doc: <https://docs.open.alipay.com/api_1/alipay.trade.refund>. Called with `execute` (an HTTPS call to the gateway). Build it with [`RefundRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `trade_no`, `out_trade_no`: at least 1; when several are set, the first of trade_no > out_trade_no wins.
/// - `out_request_no` is required only in some cases (see the field).
/// - `partial_refund_needs_out_request_no` (checked by Alipay): "如需部分退款，则此参数必传": a refund_amount below the trade's amount needs out_request_no. The client does not know the trade's amount: not checked (the server answers ACQ.REFUND_AMT_NOT_EQUAL_TOTAL).
/// - `same_out_request_no_refunds_once` (advice): Retrying with the same out_request_no refunds once (the answer repeats the first, fund_change = N); the same out_request_no with a different refund is refused (ACQ.DISCORDANT_REPEAT_REQUEST). Retry with the same out_request_no; check with alipay.trade.fastpay.refund.query.
///
/// Example `biz_content`:
/// ```json
/// {"trade_no":"2013112011001004330000121536","refund_amount":"200.12","refund_reason":"正常退款","operator_id":"yx_001","store_id":"NJ_001","terminal_id":"NJ_T_001"}
/// ```
#[doc(alias = "alipay.trade.refund")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RefundRequest {
    /// `out_trade_no`: 商户订单号。 订单支付时传入的商户订单号，商家自定义且保证商家系统中唯一。与支付宝交易号 trade_no 不能同时为空。\
    /// type `string`; one-of group `trade`; at most 64 characters; example `20150320010101001`; not stated by the doc: len_unit. The merchant's order number of the pay call.
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `trade_no`: 支付宝交易号。 和商户订单号 out_trade_no 不能同时为空，两者同时存在时，优先取值trade_no\
    /// type `string`; one-of group `trade`; at most 64 characters; example `2013112011001004330000121536`; not stated by the doc: len_unit. Alipay's trade number. Wins over out_trade_no when both are sent.
    pub trade_no: ::std::option::Option<::std::string::String>,
    /// `refund_amount`: 退款金额。 需要退款的金额，该金额不能大于订单金额，单位为元，支持两位小数。 注：如果正向交易使用了营销，该退款金额包含营销金额，支付宝会按业务规则分配营销和买家自有资金分别退多少，默认优先退买家的自有资金。如交易总金额100元，用户支付时使用了80元自有资金和20元无资金流的营销券，商家实际收款80元。如果首次请求退款60元，则60元全部从商家收款资金扣除退回给用户自有资产；如果再请求退款40元，则从商家收款资金扣除20元退回用户资产以及把20元的营销券退回给用户（券是否可再使用取决于券的规则配置）。\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `200.12`; not stated by the doc: range. At most the amount not yet refunded (server-side: ACQ.REFUND_AMT_NOT_EQUAL_TOTAL).
    pub refund_amount: ::alipay_core::Amount,
    /// `refund_reason`: 退款原因说明。 商家自定义，将在会在商户和用户的pc退款账单详情中展示\
    /// type `string`; optional; at most 256 characters; example `正常退款`; not stated by the doc: len_unit.
    pub refund_reason: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 退款请求号。 标识一次退款请求，需要保证在交易号下唯一，如需部分退款，则此参数必传。 注：针对同一次退款请求，如果调用接口失败或异常了，重试时需要保证退款请求号不能变更，防止该笔交易重复退款。支付宝会保证同样的退款请求号多次请求只会退一次。\
    /// type `string`; required only in some cases; at most 64 characters; example `HZ01RF001`; not stated by the doc: max_len, len_unit. Required for a partial refund (the client cannot know the trade's amount: rule partial_refund_needs_out_request_no). Always sending one is what makes retries safe.
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `operator_id`: 商户的操作员编号\
    /// type `string`; optional; at most 30 characters; example `yx_001`; not stated by the doc: max_len, len_unit.
    pub operator_id: ::std::option::Option<::std::string::String>,
    /// `store_id`: 商户门店编号。 指商户创建门店时输入的门店编号。\
    /// type `string`; optional; at most 32 characters; example `NJ_001`; not stated by the doc: max_len, len_unit.
    pub store_id: ::std::option::Option<::std::string::String>,
    /// `terminal_id`: 商户机具终端编号。\
    /// type `string`; optional; at most 32 characters; example `NJ_T_001`; not stated by the doc: max_len, len_unit.
    pub terminal_id: ::std::option::Option<::std::string::String>,
    /// `goods_detail`: 退款包含的商品列表信息，Json格式。\
    /// type `array`; optional. An array of GoodsDetail objects (not a JSON string).
    pub goods_detail: ::std::option::Option<::std::vec::Vec<GoodsDetail>>,
    /// `query_options`: 查询选项。 商户通过上送该参数来定制同步需要额外返回的信息字段，数组格式。\
    /// type `array`; optional; example `["refund_detail_item_list"]`. An array of strings, e.g. ["trade_settle_info"] — not a comma-separated string. The set of options is open (包括但不限于), so items are not an enum.
    pub query_options: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}
/// Typestate markers of [`RefundRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod refund_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.trade.refund was not set"; out_trade_no,
        trade_no, refund_amount
    );
    /// Satisfied when one-of group `trade` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `trade` of alipay.trade.refund is empty: set at least 1 of `trade_no`, `out_trade_no`",
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
/// Builder of [`RefundRequest`]: `build()` compiles only when every required field and one-of group of `alipay.trade.refund` is set.
#[must_use = "call build() to get the value"]
pub struct RefundRequestBuilder<
    S0 = refund_fields::out_trade_no,
    S1 = refund_fields::trade_no,
    S2 = refund_fields::refund_amount,
>(
    (S0, S1, S2),
    (
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::vec::Vec<GoodsDetail>>,
        ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    ),
);
::alipay_core::__wire_struct!(
    RefundRequest { out_trade_no = "out_trade_no", trade_no = "trade_no", refund_amount =
    "refund_amount", refund_reason = "refund_reason", out_request_no = "out_request_no",
    operator_id = "operator_id", store_id = "store_id", terminal_id = "terminal_id",
    goods_detail = "goods_detail", query_options = "query_options" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use refund_fields as __f;
    use RefundRequestBuilder as __B;
    impl RefundRequest {
        ///The rules of `alipay.trade.refund` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.trade.refund",
                &[
                    __F::new("out_trade_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("trade_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("refund_amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("refund_reason", __Ty::Text).max_chars(256),
                    __F::new("out_request_no", __Ty::Text).max_chars(64),
                    __F::new("operator_id", __Ty::Text).max_chars(30),
                    __F::new("store_id", __Ty::Text).max_chars(32),
                    __F::new("terminal_id", __Ty::Text).max_chars(32),
                    __F::new(
                        "goods_detail",
                        __Ty::Array(&__Ty::Object(GoodsDetail::RULES)),
                    ),
                    __F::new("query_options", __Ty::Array(&__Ty::Text)),
                ],
            )
            .groups(&[__a::Group::new(&["trade_no", "out_trade_no"], 1)]);
        /// A builder with nothing set.
        pub fn builder() -> RefundRequestBuilder {
            __B(
                __f::START,
                (
                    ::std::option::Option::None,
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
        /// Sets [`out_trade_no`](RefundRequest::out_trade_no).
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
        /// Sets [`trade_no`](RefundRequest::trade_no).
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
        /// Sets [`refund_amount`](RefundRequest::refund_amount).
        pub fn refund_amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, S1, __t::Set<__f::refund_amount, ::alipay_core::Amount>>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _) = self.0;
            __B((s0, s1, __t::Set::new(value)), self.1)
        }
        /// Sets [`refund_reason`](RefundRequest::refund_reason).
        pub fn refund_reason(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`out_request_no`](RefundRequest::out_request_no).
        pub fn out_request_no(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`operator_id`](RefundRequest::operator_id).
        pub fn operator_id(mut self, value: impl Into<String>) -> Self {
            self.1.2 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`store_id`](RefundRequest::store_id).
        pub fn store_id(mut self, value: impl Into<String>) -> Self {
            self.1.3 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`terminal_id`](RefundRequest::terminal_id).
        pub fn terminal_id(mut self, value: impl Into<String>) -> Self {
            self.1.4 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`goods_detail`](RefundRequest::goods_detail).
        pub fn goods_detail(mut self, value: ::std::vec::Vec<GoodsDetail>) -> Self {
            self.1.5 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`query_options`](RefundRequest::query_options).
        pub fn query_options(
            mut self,
            value: ::std::vec::Vec<::std::string::String>,
        ) -> Self {
            self.1.6 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> RefundRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            S2: __f::Required<::alipay_core::Amount>,
            (S1, S0): __f::group_trade,
        {
            let (
                (s0, s1, s2),
                (
                    refund_reason,
                    out_request_no,
                    operator_id,
                    store_id,
                    terminal_id,
                    goods_detail,
                    query_options,
                ),
            ) = (self.0, self.1);
            RefundRequest {
                out_trade_no: __t::Slot::into_option(s0),
                trade_no: __t::Slot::into_option(s1),
                refund_amount: __t::IsSet::into_value(s2),
                refund_reason,
                out_request_no,
                operator_id,
                store_id,
                terminal_id,
                goods_detail,
                query_options,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `fund_change` of `RefundResponse`; unknown values are kept."] pub enum
    RefundResponseFundChange { #[doc = " `Y`"] Y = "Y", #[doc = " `N`"] N = "N" }
);
/// The answer of `alipay.trade.refund` (`alipay_trade_refund_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct RefundResponse {
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
    /// `buyer_logon_id` (string): 用户的登录id
    pub buyer_logon_id: ::std::option::Option<::std::string::String>,
    /// `fund_change` (enum): 本次退款是否发生了资金变化\
    /// N on a repeated out_request_no (the refund happened before) — not a failure.
    pub fund_change: ::std::option::Option<RefundResponseFundChange>,
    /// `refund_fee` (amount): 退款总金额。单位：元。 指该笔交易累计已经退款成功的金额。
    pub refund_fee: ::std::option::Option<::alipay_core::Amount>,
    /// `gmt_refund_pay` (datetime): 退款支付时间
    pub gmt_refund_pay: ::std::option::Option<::alipay_core::DateTime>,
    /// `refund_detail_item_list` (array): 退款使用的资金渠道。 只有在签约中指定需要返回资金明细，或者入参的query_options中指定时才返回该字段信息。
    pub refund_detail_item_list: ::std::option::Option<::std::vec::Vec<TradeFundBill>>,
    /// `store_name` (string): 交易在支付时候的门店名称
    pub store_name: ::std::option::Option<::std::string::String>,
    /// `buyer_user_id` (user_id): 买家在支付宝的用户id
    pub buyer_user_id: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read RefundResponse { code = "code", msg = "msg", sub_code = "sub_code", sub_msg =
    "sub_msg", trade_no = "trade_no", out_trade_no = "out_trade_no", buyer_logon_id =
    "buyer_logon_id", fund_change = "fund_change", refund_fee = "refund_fee",
    gmt_refund_pay = "gmt_refund_pay", refund_detail_item_list =
    "refund_detail_item_list", store_name = "store_name", buyer_user_id = "buyer_user_id"
    }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.trade.refund`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum RefundErrorCode { #[doc =
    " `ACQ.SYSTEM_ERROR`: 系统错误 (`retry_same`)"] #[doc = ""] #[doc =
    " Retry with the same out_request_no (refunds once), or check with alipay.trade.fastpay.refund.query."]
    AcqSystemError = "ACQ.SYSTEM_ERROR" => (RetrySame, "系统错误",
    "请使用相同的参数再次调用"), #[doc =
    " `ACQ.INVALID_PARAMETER`: 参数无效 (`fix_request`)"] AcqInvalidParameter =
    "ACQ.INVALID_PARAMETER" => (FixRequest, "参数无效",
    "检查请求参数，修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_NOT_EXIST`: 交易不存在 (`fix_request`)"] AcqTradeNotExist =
    "ACQ.TRADE_NOT_EXIST" => (FixRequest, "交易不存在",
    "检查传入的交易号是否正确，请修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_STATUS_ERROR`: 交易状态不合法 (`query_then_decide`)"]
    AcqTradeStatusError = "ACQ.TRADE_STATUS_ERROR" => (QueryThenDecide,
    "交易状态不合法", "检查当前交易的状态是否合法"), #[doc =
    " `ACQ.REFUND_AMT_NOT_EQUAL_TOTAL`: 退款金额超限 (`fix_request`)"] #[doc = ""]
    #[doc =
    " The refund exceeds the amount not yet refunded (or, without out_request_no, differs from the total)."]
    AcqRefundAmtNotEqualTotal = "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" => (FixRequest,
    "退款金额超限",
    "检查退款金额是否正确，重新修改请求后，重新发起退款"), #[doc
    = " `ACQ.DISCORDANT_REPEAT_REQUEST`: 请求信息不一致 (`new_out_request_no`)"]
    #[doc = ""] #[doc =
    " The same out_request_no was sent before with a different refund."]
    AcqDiscordantRepeatRequest = "ACQ.DISCORDANT_REPEAT_REQUEST" => (NewOutRequestNo,
    "请求信息不一致",
    "退款请求号对应的退款信息与本次请求的不一致，请检查后使用新的退款请求号发起退款"),
    #[doc =
    " `ACQ.TRADE_NOT_ALLOW_REFUND`: 当前交易不允许退款 (`merchant_contract`)"]
    AcqTradeNotAllowRefund = "ACQ.TRADE_NOT_ALLOW_REFUND" => (MerchantContract,
    "当前交易不允许退款",
    "检查当前交易的状态是否为交易成功状态以及签约的退款属性是否允许退款，确认后，重新发起请求"),
    #[doc = " `ACQ.SELLER_BALANCE_NOT_ENOUGH`: 卖家余额不足 (`retry_same`)"] #[doc
    = ""] #[doc =
    " Top up the merchant account, then retry with the same out_request_no."]
    AcqSellerBalanceNotEnough = "ACQ.SELLER_BALANCE_NOT_ENOUGH" => (RetrySame,
    "卖家余额不足", "商户支付宝账户充值后重新发起退款即可"),
    #[doc = " `ACQ.TRADE_HAS_FINISHED`: 交易已经完结 (`fix_request`)"] #[doc = ""]
    #[doc = " TRADE_FINISHED: no refund is possible any more."] AcqTradeHasFinished =
    "ACQ.TRADE_HAS_FINISHED" => (FixRequest, "交易已经完结",
    "该交易已经完结，请确认交易状态") }
);
impl Refund {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!("specs/alipay.trade.refund.toml");
    /// The API name.
    pub const METHOD: &'static str = "alipay.trade.refund";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Refund a paid trade in full or in part, once per out_request_no.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        RefundRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for RefundRequest {
    const METHOD: &'static str = "alipay.trade.refund";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_trade_refund_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = RefundRequest::RULES;
    type Response = RefundResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        RefundErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for RefundRequest {}
