/// `alipay.fund.coupon.order.page.pay` (红包页面支付接口): Build the signed browser form or URL with which the user pays (sends) a red packet on the Alipay PC cashier.
///
/// Official doc: <http://developer.alibaba.com/docs/api.htm?apiId=1548&docType=4>. Called with `page_execute` (a signed form or URL for the browser). Build it with [`CouponOrderPagePayRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `outcome_by_notify_or_query` (advice): page_execute gets no JSON reply: treat the return_url visit as a hint only and decide on the verified notify_url notification or on alipay.fund.coupon.operation.query (status SUCCESS).
/// - `unique_ids` (advice): out_order_no must be unique per merchant and out_request_no unique per fund operation ("需要保证不重复"); both are checked by the server.
///
/// Example `biz_content`:
/// ```json
/// {"out_order_no":"8077735255938023","out_request_no":"8077735255634078","order_title":"红包页面支付接口发送红包","amount":"0.03","pay_timeout":"1h","extra_param":"{\"merchantExt\":\"key=value\"}"}
/// ```
#[doc(alias = "alipay.fund.coupon.order.page.pay")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CouponOrderPagePayRequest {
    /// `out_order_no`: 商户的授权资金订单号 同一商户不同的订单,商户授权资金订单号不能重复\
    /// type `string`; required; at most 64 characters; example `8077735255938023`. Unique per merchant (server-side). Reused later as disburse's deduct_out_order_no.
    pub out_order_no: ::std::string::String,
    /// `out_request_no`: 商户本次资金操作的请求流水号 同一商户每次不同的资金操作请求,商户请求流水号不要重复\
    /// type `string`; required; at most 64 characters; example `8077735255634078`. Unique per fund operation (server-side).
    pub out_request_no: ::std::string::String,
    /// `order_title`: 业务订单的简单描述,如商品名称等 长度不超过100个字母或50个汉字\
    /// type `string`; required; at most 100 GBK bytes (ASCII 1, 汉字 2); example `红包页面支付接口发送红包`; not stated by the doc: len_unit.
    pub order_title: ::std::string::String,
    /// `amount`: 需要支付的金额，单位为：元（人民币），精确到小数点后两位 取值范围：[0.01,100000000.00]\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `0.03`; not stated by the doc: required. The red packet's total. Sent as a string with exactly 2 decimals (the SDK models type it String).
    pub amount: ::alipay_core::Amount,
    /// `pay_timeout`: 该笔订单允许的最晚付款时间，逾期将关闭该笔订单 取值范围：1m～7d。m-分钟，h-小时，d-天。 该参数数值不接受小数点， 如 1.5h，可转换为90m，如果为空，默认1h\
    /// type `pay_timeout`; optional; at most 5 characters; range 1m~7d; server default `1h` (never sent by the SDK); example `1h`; not stated by the doc: max_len. Both max_len and range apply: 10080m (= 7d) is rejected for length; write 7d. The default is the server's; the SDK never sends it.
    pub pay_timeout: ::std::option::Option<::alipay_core::PayTimeout>,
    /// `extra_param`: 业务扩展参数，用于商户的特定业务信息的传递，json格式\
    /// type `json`; optional; at most 300 characters; example `{"merchantExt":"key=value"}`; not stated by the doc: max_len, example. A string holding JSON text, double-encoded inside biz_content. An object is expected (inferred). merchantExt orderExpiredTime takes effect on agreement.pay only.
    pub extra_param: ::std::option::Option<::alipay_core::JsonObjectText>,
}
/// Typestate markers of [`CouponOrderPagePayRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod coupon_order_page_pay_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.coupon.order.page.pay was not set";
        out_order_no, out_request_no, order_title, amount
    );
}
/// Builder of [`CouponOrderPagePayRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.coupon.order.page.pay` is set.
#[must_use = "call build() to get the value"]
pub struct CouponOrderPagePayRequestBuilder<
    S0 = coupon_order_page_pay_fields::out_order_no,
    S1 = coupon_order_page_pay_fields::out_request_no,
    S2 = coupon_order_page_pay_fields::order_title,
    S3 = coupon_order_page_pay_fields::amount,
>(
    (S0, S1, S2, S3),
    (
        ::std::option::Option<::alipay_core::PayTimeout>,
        ::std::option::Option<::alipay_core::JsonObjectText>,
    ),
);
::alipay_core::__wire_struct!(
    CouponOrderPagePayRequest { out_order_no = "out_order_no", out_request_no =
    "out_request_no", order_title = "order_title", amount = "amount", pay_timeout =
    "pay_timeout", extra_param = "extra_param" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use coupon_order_page_pay_fields as __f;
    use CouponOrderPagePayRequestBuilder as __B;
    impl CouponOrderPagePayRequest {
        ///The rules of `alipay.fund.coupon.order.page.pay` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.coupon.order.page.pay",
                &[
                    __F::new("out_order_no", __Ty::Text).required().max_chars(64),
                    __F::new("out_request_no", __Ty::Text).required().max_chars(64),
                    __F::new("order_title", __Ty::Text).required().max_gbk(100),
                    __F::new("amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("pay_timeout", __Ty::PayTimeout)
                        .max_chars(5)
                        .minutes(1, 10080, "1m", "7d"),
                    __F::new("extra_param", __Ty::Json).max_chars(300),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> CouponOrderPagePayRequestBuilder {
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
    impl<S0, S1, S2, S3> __B<S0, S1, S2, S3> {
        /// Sets [`out_order_no`](CouponOrderPagePayRequest::out_order_no).
        pub fn out_order_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_order_no, String>, S1, S2, S3>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3), self.1)
        }
        /// Sets [`out_request_no`](CouponOrderPagePayRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::out_request_no, String>, S2, S3>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3) = self.0;
            __B((s0, __t::Set::new(value.into()), s2, s3), self.1)
        }
        /// Sets [`order_title`](CouponOrderPagePayRequest::order_title).
        pub fn order_title(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::order_title, String>, S3>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3) = self.0;
            __B((s0, s1, __t::Set::new(value.into()), s3), self.1)
        }
        /// Sets [`amount`](CouponOrderPagePayRequest::amount).
        pub fn amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, S1, S2, __t::Set<__f::amount, ::alipay_core::Amount>>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _) = self.0;
            __B((s0, s1, s2, __t::Set::new(value)), self.1)
        }
        /// Sets [`pay_timeout`](CouponOrderPagePayRequest::pay_timeout).
        pub fn pay_timeout(mut self, value: ::alipay_core::PayTimeout) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`extra_param`](CouponOrderPagePayRequest::extra_param).
        pub fn extra_param(mut self, value: ::alipay_core::JsonObjectText) -> Self {
            self.1.1 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> CouponOrderPagePayRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<String>,
            S2: __f::Required<String>,
            S3: __f::Required<::alipay_core::Amount>,
        {
            let ((s0, s1, s2, s3), (pay_timeout, extra_param)) = (self.0, self.1);
            CouponOrderPagePayRequest {
                out_order_no: __t::IsSet::into_value(s0),
                out_request_no: __t::IsSet::into_value(s1),
                order_title: __t::IsSet::into_value(s2),
                amount: __t::IsSet::into_value(s3),
                pay_timeout,
                extra_param,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `CouponOrderPagePayResponse`; unknown values are kept."]
    pub enum CouponOrderPagePayResponseStatus { #[doc = " `INIT`"] Init = "INIT", #[doc =
    " `SUCCESS`"] Success = "SUCCESS", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
/// The answer of `alipay.fund.coupon.order.page.pay` (`alipay_fund_coupon_order_page_pay_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CouponOrderPagePayResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `auth_no` (string): 支付宝的资金授权订单号\
    /// Pass it to disburse as deduct_auth_no and to refund / query as auth_no. A key output of the red-packet quick-start guide.
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no` (string): 商户的授权资金订单号
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string): 支付宝的资金操作流水号\
    /// The red-packet quick-start guide calls it 支付宝标识本次资金操作的流水号 (a key output); pairs with auth_no in the query API.
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户本次资金操作的请求流水号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `amount` (amount): 本次支付的金额，单位为：元（人民币），精确到小数点后两位\
    /// Number or string on the wire; accept both. A key output of the red-packet quick-start guide.
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 资金预授权明细的状态 目前支持：  INIT：初始 SUCCESS: 成功 CLOSED：关闭\
    /// A key output of the red-packet quick-start guide.
    pub status: ::std::option::Option<CouponOrderPagePayResponseStatus>,
    /// `gmt_trans` (datetime): 资金授权成功时间 格式：YYYY-MM-DD HH:MM:SS\
    /// The Java SDK types it Date.
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read CouponOrderPagePayResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", auth_no = "auth_no", out_order_no = "out_order_no", operation_id
    = "operation_id", out_request_no = "out_request_no", amount = "amount", status =
    "status", gmt_trans = "gmt_trans" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.coupon.order.page.pay`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum CouponOrderPagePayErrorCode {}
);
::alipay_core::__wire_enum!(
    open #[doc =
    " The `notify_type`s of `alipay.fund.coupon.order.page.pay`; unknown types are kept (the docs' own examples use others)."]
    pub enum CouponOrderPagePayNotifyType {}
);
/// A verified notification of `alipay.fund.coupon.order.page.pay`, typed: amounts, datetimes, numbers and enums are read into their types (a value that does not fit is an error of `from_notification`), texts are kept as sent, empty values are absent.
///
/// notify_url is a public parameter of page.pay, but no notify type table was found. Community posts say timeout auto-refunds of the red packet notify the pay API's notify_url (a community post; notify_type fund_stdtrustee_refund.success). Parse unknown notify types leniently.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CouponOrderPagePayNotify {
    /// `notify_type`.
    pub notify_type: ::std::option::Option<CouponOrderPagePayNotifyType>,
    /// `notify_id`: the same id is resent until answered `success`.
    pub notify_id: ::std::option::Option<::std::string::String>,
    /// `notify_time` (Beijing time).
    pub notify_time: ::std::option::Option<::alipay_core::DateTime>,
    /// `app_id`.
    pub app_id: ::std::option::Option<::std::string::String>,
}
::alipay_core::__notify_struct!(
    CouponOrderPagePayNotify, CouponOrderPagePayNotifyType {}
);
impl CouponOrderPagePay {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.coupon.order.page.pay.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.coupon.order.page.pay";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Build the signed browser form or URL with which the user pays (sends) a red packet on the Alipay PC cashier.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        CouponOrderPagePayRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for CouponOrderPagePayRequest {
    const METHOD: &'static str = "alipay.fund.coupon.order.page.pay";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::PageExecute;
    const RESPONSE_NODE: &'static str = "alipay_fund_coupon_order_page_pay_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = true;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = CouponOrderPagePayRequest::RULES;
    type Response = CouponOrderPagePayResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        CouponOrderPagePayErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::PageExecuteApi for CouponOrderPagePayRequest {}
