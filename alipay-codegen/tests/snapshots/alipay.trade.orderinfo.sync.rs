/// `alipay.trade.orderinfo.sync` (支付宝订单信息同步接口): Report what happened to a paid trade outside Alipay (credit authorisation fulfilment).
///
/// Official doc: <https://docs.open.alipay.com/api_1/alipay.trade.orderinfo.sync>. Called with `execute` (an HTTPS call to the gateway). Build it with [`OrderinfoSyncRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Example `biz_content`:
/// ```json
/// {"trade_no":"2018061021001004680073956707","orig_request_no":"HZ01RF001","out_request_no":"HZ01RF001","biz_type":"CREDIT_AUTH","order_biz_info":"{\"status\":\"COMPLETE\"}"}
/// ```
#[doc(alias = "alipay.trade.orderinfo.sync")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrderinfoSyncRequest {
    /// `trade_no`: 支付宝交易号\
    /// type `string`; required; at most 64 characters; example `2018061021001004680073956707`; not stated by the doc: max_len, len_unit.
    pub trade_no: ::std::string::String,
    /// `orig_request_no`: 原始业务请求单号。如对某一次退款进行履约时，该字段传退款时的退款请求号\
    /// type `string`; optional; at most 64 characters; example `HZ01RF001`; not stated by the doc: max_len, len_unit.
    pub orig_request_no: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 外部请求号，商家自定义且保证商家系统中唯一。需要注意的是，支付宝会对外部请求号做幂等控制，如果一笔交易再次使用相同的外部请求号发起请求，订单信息不会更新。\
    /// type `string`; required; at most 64 characters; example `HZ01RF001`; not stated by the doc: max_len, len_unit. Idempotent: the same out_request_no again leaves the order info unchanged.
    pub out_request_no: ::std::string::String,
    /// `biz_type`: 交易信息同步对应的业务类型，具体值与支付宝约定； 信用授权场景下传CREDIT_AUTH 信用代扣场景下传CREDIT_DEDUCT\
    /// type `string`; required; at most 64 characters; example `CREDIT_AUTH`; not stated by the doc: max_len, len_unit. Text, not an enum: the values are agreed with Alipay (具体值与支付宝约定).
    pub biz_type: ::std::string::String,
    /// `order_biz_info`: 商户传入同步信息，具体值要和支付宝约定；用于芝麻信用租车、单次授权等信息同步场景，格式为json格式。 状态枚举如下：  COMPLETE：同步用户已履约 适用场景：发起扣款后，芝麻生成待履约记录，如果用户通过其他方式完成订单支付，请反馈该状态，芝麻将完结待履约记录对用户形成一条良好履约记录；同步该状态时需要同步调用 取消扣款 接口关闭交易订单。  CLOSED： 同步履约已取消 适用场景：发起扣款后，芝麻生成待履约记录，如果发现该笔扣款无效需要取消，请反馈该状态，芝麻将取消用户待履约记录；同步该状态时需要同步调用 取消扣款 接口关闭交易订单。\
    /// type `json`; optional; at most 2048 characters; example `{"status":"COMPLETE"}`; not stated by the doc: max_len, len_unit. JSON text (a string holding an object), e.g. {"status":"COMPLETE"}; double-encoded inside biz_content.
    pub order_biz_info: ::std::option::Option<::alipay_core::JsonObjectText>,
}
/// Typestate markers of [`OrderinfoSyncRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod orderinfo_sync_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.trade.orderinfo.sync was not set"; trade_no,
        out_request_no, biz_type
    );
}
/// Builder of [`OrderinfoSyncRequest`]: `build()` compiles only when every required field and one-of group of `alipay.trade.orderinfo.sync` is set.
#[must_use = "call build() to get the value"]
pub struct OrderinfoSyncRequestBuilder<
    S0 = orderinfo_sync_fields::trade_no,
    S1 = orderinfo_sync_fields::out_request_no,
    S2 = orderinfo_sync_fields::biz_type,
>(
    (S0, S1, S2),
    (
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::alipay_core::JsonObjectText>,
    ),
);
::alipay_core::__wire_struct!(
    OrderinfoSyncRequest { trade_no = "trade_no", orig_request_no = "orig_request_no",
    out_request_no = "out_request_no", biz_type = "biz_type", order_biz_info =
    "order_biz_info" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use orderinfo_sync_fields as __f;
    use OrderinfoSyncRequestBuilder as __B;
    impl OrderinfoSyncRequest {
        ///The rules of `alipay.trade.orderinfo.sync` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.trade.orderinfo.sync",
                &[
                    __F::new("trade_no", __Ty::Text).required().max_chars(64),
                    __F::new("orig_request_no", __Ty::Text).max_chars(64),
                    __F::new("out_request_no", __Ty::Text).required().max_chars(64),
                    __F::new("biz_type", __Ty::Text).required().max_chars(64),
                    __F::new("order_biz_info", __Ty::Json).max_chars(2048),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> OrderinfoSyncRequestBuilder {
            __B(__f::START, (::std::option::Option::None, ::std::option::Option::None))
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
        /// Sets [`trade_no`](OrderinfoSyncRequest::trade_no).
        pub fn trade_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::trade_no, String>, S1, S2>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2) = self.0;
            __B((__t::Set::new(value.into()), s1, s2), self.1)
        }
        /// Sets [`out_request_no`](OrderinfoSyncRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::out_request_no, String>, S2>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2) = self.0;
            __B((s0, __t::Set::new(value.into()), s2), self.1)
        }
        /// Sets [`biz_type`](OrderinfoSyncRequest::biz_type).
        pub fn biz_type(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::biz_type, String>>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _) = self.0;
            __B((s0, s1, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`orig_request_no`](OrderinfoSyncRequest::orig_request_no).
        pub fn orig_request_no(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`order_biz_info`](OrderinfoSyncRequest::order_biz_info).
        pub fn order_biz_info(mut self, value: ::alipay_core::JsonObjectText) -> Self {
            self.1.1 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> OrderinfoSyncRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<String>,
            S2: __f::Required<String>,
        {
            let ((s0, s1, s2), (orig_request_no, order_biz_info)) = (self.0, self.1);
            OrderinfoSyncRequest {
                trade_no: __t::IsSet::into_value(s0),
                out_request_no: __t::IsSet::into_value(s1),
                biz_type: __t::IsSet::into_value(s2),
                orig_request_no,
                order_biz_info,
            }
        }
    }
};
/// The answer of `alipay.trade.orderinfo.sync` (`alipay_trade_orderinfo_sync_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrderinfoSyncResponse {
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
    /// `buyer_user_id` (user_id): 买家支付宝用户号，以2088开头的16位纯数字组成
    pub buyer_user_id: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read OrderinfoSyncResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", trade_no = "trade_no", out_trade_no = "out_trade_no",
    buyer_user_id = "buyer_user_id" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.trade.orderinfo.sync`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum OrderinfoSyncErrorCode { #[doc =
    " `ACQ.SYSTEM_ERROR`: 系统错误 (`retry_same`)"] AcqSystemError =
    "ACQ.SYSTEM_ERROR" => (RetrySame, "系统错误",
    "请使用相同的参数再次调用"), #[doc =
    " `ACQ.INVALID_PARAMETER`: 参数无效 (`fix_request`)"] AcqInvalidParameter =
    "ACQ.INVALID_PARAMETER" => (FixRequest, "参数无效",
    "检查请求参数，修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_NOT_EXIST`: 交易不存在 (`fix_request`)"] AcqTradeNotExist =
    "ACQ.TRADE_NOT_EXIST" => (FixRequest, "交易不存在",
    "检查传入的交易号是否正确，请修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_STATUS_ERROR`: 交易状态不合法 (`query_then_decide`)"]
    AcqTradeStatusError = "ACQ.TRADE_STATUS_ERROR" => (QueryThenDecide,
    "交易状态不合法", "检查当前交易的状态是否合法") }
);
impl OrderinfoSync {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.trade.orderinfo.sync.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.trade.orderinfo.sync";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Report what happened to a paid trade outside Alipay (credit authorisation fulfilment).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        OrderinfoSyncRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for OrderinfoSyncRequest {
    const METHOD: &'static str = "alipay.trade.orderinfo.sync";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_trade_orderinfo_sync_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = OrderinfoSyncRequest::RULES;
    type Response = OrderinfoSyncResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        OrderinfoSyncErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for OrderinfoSyncRequest {}
