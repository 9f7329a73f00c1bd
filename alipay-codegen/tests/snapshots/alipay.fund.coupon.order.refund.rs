/// `alipay.fund.coupon.order.refund` (红包退回接口): Refund the unclaimed remainder of a red packet to its sender.
///
/// Official doc: <https://docs.open.alipay.com/api_5/alipay.fund.coupon.order.refund>. Called with `execute` (an HTTPS call to the gateway). Build it with [`CouponOrderRefundRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `new_out_request_no_per_refund` (advice): Every refund needs a new out_request_no (not the pay API's, not an earlier refund's); a repeat fails with UNIQUE_VIOLATION. Only a retry of the same refund after 10003/20000 reuses it.
/// - `amount_within_remaining` (checked by Alipay): amount must not exceed what remains of the red packet (pay amount minus disbursements and earlier refunds); the client cannot see the remainder.
///
/// Example `biz_content`:
/// ```json
/// {"auth_no":"2014070800002001550000014417","out_request_no":"8077735255634078","amount":"10.00","remark":"红包退款"}
/// ```
#[doc(alias = "alipay.fund.coupon.order.refund")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CouponOrderRefundRequest {
    /// `auth_no`: 支付宝的资金授权订单号,即之前发红包时产生的支付宝订单号\
    /// type `string`; required; at most 64 characters; example `2014070800002001550000014417`. The auth_no returned by the pay API (app.pay / page.pay / agreement.pay).
    pub auth_no: ::std::string::String,
    /// `out_request_no`: 商户本次资金操作的请求流水号 同一商户每次不同的资金操作请求,商户请求流水号不要重复\
    /// type `string`; required; at most 64 characters; example `8077735255634078`. A new value for every refund, never the pay API's; reuse it only to retry the same refund after an unknown outcome.
    pub out_request_no: ::std::string::String,
    /// `amount`: 需要退款的金额,单位为:元(人民币),精确到小数点后两位 取值范围:[0.01,100000000.00]\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `10.00`. Must not exceed the red packet's remaining balance (checked by the server; over-refunding fails with 40004, sub_code not captured).
    pub amount: ::alipay_core::Amount,
    /// `remark`: 商户对本次退款操作的附言描述,长度不超过100个字母或50个汉字\
    /// type `string`; required; at most 100 GBK bytes (ASCII 1, 汉字 2); example `红包退款`; not stated by the doc: len_unit. Required (必选), unlike most remark fields.
    pub remark: ::std::string::String,
}
/// Typestate markers of [`CouponOrderRefundRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod coupon_order_refund_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.coupon.order.refund was not set";
        auth_no, out_request_no, amount, remark
    );
}
/// Builder of [`CouponOrderRefundRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.coupon.order.refund` is set.
#[must_use = "call build() to get the value"]
pub struct CouponOrderRefundRequestBuilder<
    S0 = coupon_order_refund_fields::auth_no,
    S1 = coupon_order_refund_fields::out_request_no,
    S2 = coupon_order_refund_fields::amount,
    S3 = coupon_order_refund_fields::remark,
>(
    (S0, S1, S2, S3),
    (),
);
::alipay_core::__wire_struct!(
    CouponOrderRefundRequest { auth_no = "auth_no", out_request_no = "out_request_no",
    amount = "amount", remark = "remark" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use coupon_order_refund_fields as __f;
    use CouponOrderRefundRequestBuilder as __B;
    impl CouponOrderRefundRequest {
        ///The rules of `alipay.fund.coupon.order.refund` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.coupon.order.refund",
                &[
                    __F::new("auth_no", __Ty::Text).required().max_chars(64),
                    __F::new("out_request_no", __Ty::Text).required().max_chars(64),
                    __F::new("amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("remark", __Ty::Text).required().max_gbk(100),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> CouponOrderRefundRequestBuilder {
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
    impl<S0, S1, S2, S3> __B<S0, S1, S2, S3> {
        /// Sets [`auth_no`](CouponOrderRefundRequest::auth_no).
        pub fn auth_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::auth_no, String>, S1, S2, S3>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3), self.1)
        }
        /// Sets [`out_request_no`](CouponOrderRefundRequest::out_request_no).
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
        /// Sets [`amount`](CouponOrderRefundRequest::amount).
        pub fn amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, S1, __t::Set<__f::amount, ::alipay_core::Amount>, S3>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3) = self.0;
            __B((s0, s1, __t::Set::new(value), s3), self.1)
        }
        /// Sets [`remark`](CouponOrderRefundRequest::remark).
        pub fn remark(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, __t::Set<__f::remark, String>>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _) = self.0;
            __B((s0, s1, s2, __t::Set::new(value.into())), self.1)
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> CouponOrderRefundRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<String>,
            S2: __f::Required<::alipay_core::Amount>,
            S3: __f::Required<String>,
        {
            let ((s0, s1, s2, s3), ()) = (self.0, self.1);
            CouponOrderRefundRequest {
                auth_no: __t::IsSet::into_value(s0),
                out_request_no: __t::IsSet::into_value(s1),
                amount: __t::IsSet::into_value(s2),
                remark: __t::IsSet::into_value(s3),
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `CouponOrderRefundResponse`; unknown values are kept."]
    pub enum CouponOrderRefundResponseStatus { #[doc = " `INIT`"] Init = "INIT", #[doc =
    " `SUCCESS`"] Success = "SUCCESS", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
/// The answer of `alipay.fund.coupon.order.refund` (`alipay_fund_coupon_order_refund_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CouponOrderRefundResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `auth_no` (string): 支付宝资金授权订单号
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no` (string): 商户的授权资金订单号\
    /// Absent from the live success body in a community post.
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string): 支付宝资金操作流水号\
    /// A key output of the red-packet quick-start guide.
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户本次资金操作的请求流水号\
    /// Also present in the 40004 UNIQUE_VIOLATION reply of a community post.
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `amount` (amount): 本次操作退款的金额，单位为：元（人民币），精确到小数点后两位，取值范围：[0.01,100000000.00]\
    /// The live reply quotes it as a string ("0.01", a community post); accept number or string. No range is applied to response amounts.
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 资金操作流水的状态 目前支持：  INIT：初始 SUCCESS：成功 CLOSED：关闭\
    /// A key output of the red-packet quick-start guide.
    pub status: ::std::option::Option<CouponOrderRefundResponseStatus>,
    /// `gmt_trans` (datetime): 授权资金退款成功时间，格式：YYYY-MM-DD HH:MM:SS\
    /// The Java SDK types it String here (Date in the other APIs); the doc text gives the same format.
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read CouponOrderRefundResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", auth_no = "auth_no", out_order_no = "out_order_no", operation_id
    = "operation_id", out_request_no = "out_request_no", amount = "amount", status =
    "status", gmt_trans = "gmt_trans" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.coupon.order.refund`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum CouponOrderRefundErrorCode { #[doc =
    " `UNIQUE_VIOLATION`: 退款失败,商户本次资金操作的请求流水号与之前有重复 (`new_out_request_no`)"]
    #[doc = ""] #[doc =
    " Observed, not from an official table: no 解决方案 text exists (empty solution). If the call was a retry of a refund whose outcome was unknown, query it first (alipay.fund.coupon.operation.query): the earlier refund may have succeeded."]
    UniqueViolation = "UNIQUE_VIOLATION" => (NewOutRequestNo,
    "退款失败,商户本次资金操作的请求流水号与之前有重复", "") }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " The `notify_type`s of `alipay.fund.coupon.order.refund`; unknown types are kept (the docs' own examples use others)."]
    pub enum CouponOrderRefundNotifyType { #[doc = " `fund_stdtrustee_refund.success`"]
    FundStdtrusteeRefundSuccess = "fund_stdtrustee_refund.success" }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " `operation_type` of `CouponOrderRefundNotify`; unknown values are kept."] pub enum
    CouponOrderRefundNotifyOperationType { #[doc = " `PAY`"] Pay = "PAY", #[doc =
    " `REFUND`"] Refund = "REFUND" }
);
/// A verified notification of `alipay.fund.coupon.order.refund`, typed: amounts, datetimes, numbers and enums are read into their types (a value that does not fit is an error of `from_notification`), texts are kept as sent, empty values are absent.
///
/// Community source only, not the official page. Every successful refund, full or partial, triggers notify_type=fund_stdtrustee_refund.success to this call's notify_url; timeout auto-refunds notify the pay API's notify_url instead. Field names from the community post example URL; their types are inferred from the sister APIs' notify tables.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CouponOrderRefundNotify {
    /// `notify_type`.
    pub notify_type: ::std::option::Option<CouponOrderRefundNotifyType>,
    /// `notify_id`: the same id is resent until answered `success`.
    pub notify_id: ::std::option::Option<::std::string::String>,
    /// `notify_time` (Beijing time).
    pub notify_time: ::std::option::Option<::alipay_core::DateTime>,
    /// `app_id`.
    pub app_id: ::std::option::Option<::std::string::String>,
    /// `auth_no` (string)
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no` (string)
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string)
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string)
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `operation_type` (enum)
    pub operation_type: ::std::option::Option<CouponOrderRefundNotifyOperationType>,
    /// `amount` (amount)
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum)
    pub status: ::std::option::Option<CouponOrderRefundResponseStatus>,
    /// `gmt_create` (datetime)
    pub gmt_create: ::std::option::Option<::alipay_core::DateTime>,
    /// `gmt_trans` (datetime)
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// `payer_logon_id` (string)\
    /// Presumably masked with * as in the voucher.create doc page's notify.
    pub payer_logon_id: ::std::option::Option<::std::string::String>,
    /// `payer_user_id` (user_id)
    pub payer_user_id: ::std::option::Option<::std::string::String>,
}
::alipay_core::__notify_struct!(
    CouponOrderRefundNotify, CouponOrderRefundNotifyType { auth_no = "auth_no",
    out_order_no = "out_order_no", operation_id = "operation_id", out_request_no =
    "out_request_no", operation_type = "operation_type", amount = "amount", status =
    "status", gmt_create = "gmt_create", gmt_trans = "gmt_trans", payer_logon_id =
    "payer_logon_id", payer_user_id = "payer_user_id" }
);
impl CouponOrderRefund {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.coupon.order.refund.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.coupon.order.refund";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Refund the unclaimed remainder of a red packet to its sender.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        CouponOrderRefundRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for CouponOrderRefundRequest {
    const METHOD: &'static str = "alipay.fund.coupon.order.refund";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_coupon_order_refund_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = CouponOrderRefundRequest::RULES;
    type Response = CouponOrderRefundResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        CouponOrderRefundErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for CouponOrderRefundRequest {}
