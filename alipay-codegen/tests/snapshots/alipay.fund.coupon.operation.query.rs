/// `alipay.fund.coupon.operation.query` (红包明细查询接口): Query one red-packet fund operation (pay, disburse or refund) by Alipay or merchant ids.
///
/// Official doc: <https://docs.open.alipay.com/api_5/alipay.fund.coupon.operation.query>. Called with `execute` (an HTTPS call to the gateway). Build it with [`CouponOperationQueryRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `auth_no`, `out_order_no`: at least 1; when several are set, the first of auth_no > out_order_no wins.
/// - one of `operation_id`, `out_request_no`: at least 1; when several are set, the first of operation_id > out_request_no wins.
/// - `pairing` (advice): Use the ids in pairs: auth_no with operation_id, out_order_no with out_request_no ("配对使用"). Whether mixed pairs work is undocumented.
/// - `prefer_alipay_ids` (advice): Query by auth_no + operation_id when you have them: "该查询方式效率高,建议尽可能使用该方式"; out_order_no + out_request_no is slow ("效率低,不建议使用").
/// - `resolve_unknown_outcome` (advice): After 10003 / 20000 on a pay, disburse or refund call, query the operation: status SUCCESS means the earlier call succeeded (the red-packet quick-start guide's result-code table, 结果码).
///
/// Example `biz_content`:
/// ```json
/// {"auth_no":"2014021601002000640012345678","operation_id":"20180817587432998602"}
/// ```
#[doc(alias = "alipay.fund.coupon.operation.query")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CouponOperationQueryRequest {
    /// `auth_no`: 支付宝授权资金订单号,与商户的授权资金订单号不能同时为空,二者都存在时,以支付宝资金授权订单号为准,该参数与支付宝授权资金操作流水号配对使用。\
    /// type `string`; one-of group `order`; at most 64 characters; example `2014021601002000640012345678`. Returned by the pay APIs. Pairs with operation_id.
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no`: 商户的授权资金订单号,与支付宝的授权资金订单号不能同时为空,二者都存在时,以支付宝的授权资金订单号为准,该参数与商户的授权资金操作流水号配对使用。\
    /// type `string`; one-of group `order`; at most 64 characters; example `8077735255938023`. Pairs with out_request_no.
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id`: 支付宝的授权资金操作流水号,与商户的授权资金操作流水号不能同时为空,二者都存在时,以支付宝的授权资金操作流水号为准,该参数与支付宝授权资金订单号配对使用。\
    /// type `string`; one-of group `operation`; at most 64 characters; example `20180817587432998602`. Returned by the pay / disburse / refund APIs. Pairs with auth_no.
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 商户的授权资金操作流水号，与支付宝的授权资金操作流水号不能同时为空，二者都存在时，以支付宝的授权资金操作流水号为准，该参数与商户的授权资金订单号配对使用。\
    /// type `string`; one-of group `operation`; at most 64 characters; example `201712271645328`; not stated by the doc: required, max_len. Pairs with out_order_no.
    pub out_request_no: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`CouponOperationQueryRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod coupon_operation_query_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.coupon.operation.query was not set";
        auth_no, out_order_no, operation_id, out_request_no
    );
    /// Satisfied when one-of group `order` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `order` of alipay.fund.coupon.operation.query is empty: set at least 1 of `auth_no`, `out_order_no`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: auth_no > out_order_no"
    )]
    pub trait group_order {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_order for (Set<auth_no, T0>, out_order_no) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_order for (auth_no, Set<out_order_no, T1>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_order for (Set<auth_no, T0>, Set<out_order_no, T1>) {}
    /// Satisfied when one-of group `operation` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `operation` of alipay.fund.coupon.operation.query is empty: set at least 1 of `operation_id`, `out_request_no`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: operation_id > out_request_no"
    )]
    pub trait group_operation {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_operation for (Set<operation_id, T0>, out_request_no) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_operation for (operation_id, Set<out_request_no, T1>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_operation for (Set<operation_id, T0>, Set<out_request_no, T1>) {}
}
/// Builder of [`CouponOperationQueryRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.coupon.operation.query` is set.
#[must_use = "call build() to get the value"]
pub struct CouponOperationQueryRequestBuilder<
    S0 = coupon_operation_query_fields::auth_no,
    S1 = coupon_operation_query_fields::out_order_no,
    S2 = coupon_operation_query_fields::operation_id,
    S3 = coupon_operation_query_fields::out_request_no,
>(
    (S0, S1, S2, S3),
    (),
);
::alipay_core::__wire_struct!(
    CouponOperationQueryRequest { auth_no = "auth_no", out_order_no = "out_order_no",
    operation_id = "operation_id", out_request_no = "out_request_no" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use coupon_operation_query_fields as __f;
    use CouponOperationQueryRequestBuilder as __B;
    impl CouponOperationQueryRequest {
        ///The rules of `alipay.fund.coupon.operation.query` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.coupon.operation.query",
                &[
                    __F::new("auth_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("out_order_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("operation_id", __Ty::Text).one_of(1).max_chars(64),
                    __F::new("out_request_no", __Ty::Text).one_of(1).max_chars(64),
                ],
            )
            .groups(
                &[
                    __a::Group::new(&["auth_no", "out_order_no"], 1),
                    __a::Group::new(&["operation_id", "out_request_no"], 1),
                ],
            );
        /// A builder with nothing set.
        pub fn builder() -> CouponOperationQueryRequestBuilder {
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
        /// Sets [`auth_no`](CouponOperationQueryRequest::auth_no).
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
        /// Sets [`out_order_no`](CouponOperationQueryRequest::out_order_no).
        pub fn out_order_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::out_order_no, String>, S2, S3>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3) = self.0;
            __B((s0, __t::Set::new(value.into()), s2, s3), self.1)
        }
        /// Sets [`operation_id`](CouponOperationQueryRequest::operation_id).
        pub fn operation_id(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::operation_id, String>, S3>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3) = self.0;
            __B((s0, s1, __t::Set::new(value.into()), s3), self.1)
        }
        /// Sets [`out_request_no`](CouponOperationQueryRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, __t::Set<__f::out_request_no, String>>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _) = self.0;
            __B((s0, s1, s2, __t::Set::new(value.into())), self.1)
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> CouponOperationQueryRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            S2: __t::Slot<String>,
            S3: __t::Slot<String>,
            (S0, S1): __f::group_order,
            (S2, S3): __f::group_operation,
        {
            let ((s0, s1, s2, s3), ()) = (self.0, self.1);
            CouponOperationQueryRequest {
                auth_no: __t::Slot::into_option(s0),
                out_order_no: __t::Slot::into_option(s1),
                operation_id: __t::Slot::into_option(s2),
                out_request_no: __t::Slot::into_option(s3),
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc =
    " `operation_type` of `CouponOperationQueryResponse`; unknown values are kept."] pub
    enum CouponOperationQueryResponseOperationType { #[doc = " `PAY`"] Pay = "PAY", #[doc
    = " `REFUND`"] Refund = "REFUND" }
);
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `CouponOperationQueryResponse`; unknown values are kept."]
    pub enum CouponOperationQueryResponseStatus { #[doc = " `INIT`"] Init = "INIT", #[doc
    = " `SUCCESS`"] Success = "SUCCESS", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
/// The answer of `alipay.fund.coupon.operation.query` (`alipay_fund_coupon_operation_query_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CouponOperationQueryResponse {
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
    /// `out_order_no` (string): 商户的授权资金订单号
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string): 支付宝资金操作流水号
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户资金操作的请求流水号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `operation_type` (enum): 支付宝资金操作类型。 目前支持：  PAY：支付 REFUND：退款\
    /// Disburse notifications (fund_auth_pay) carry operation_type PAY, so a disbursement presumably shows as PAY and a refund as REFUND. Keep unknown values rather than failing.
    pub operation_type: ::std::option::Option<CouponOperationQueryResponseOperationType>,
    /// `amount` (amount): 该支付宝操作流水操作金额，单位为：元（人民币）\
    /// Number or string on the wire; accept both.
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 资金操作流水的状态， 目前支持：  INIT：初始 SUCCESS：成功 CLOSED：关闭\
    /// SUCCESS after an unknown outcome means the earlier call succeeded.
    pub status: ::std::option::Option<CouponOperationQueryResponseStatus>,
    /// `gmt_create` (datetime): 资金授权单据操作流水创建时间， 格式：YYYY-MM-DD HH:MM:SS
    pub gmt_create: ::std::option::Option<::alipay_core::DateTime>,
    /// `gmt_trans` (datetime): 支付宝账务处理成功时间， 格式：YYYY-MM-DD HH:MM:SS
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// `order_title` (string): 业务订单的简单描述，如商品名称等
    pub order_title: ::std::option::Option<::std::string::String>,
    /// `remark` (string): 商户对本次操作的附言描述，长度不超过100个字母或50个汉字
    pub remark: ::std::option::Option<::std::string::String>,
    /// `extra_param` (json): 商户请求创建预授权订单时传入的扩展参数（merchantExt, orderExpiredTime）\
    /// The extra_param string the merchant sent with the pay request (JSON text).
    pub extra_param: ::std::option::Option<::std::string::String>,
    /// `payer_logon_id` (string): 付款方支付宝账号（Email或手机号）。仅作展示使用，默认会加“*”号处理\
    /// Masked with *: display only.
    pub payer_logon_id: ::std::option::Option<::std::string::String>,
    /// `payer_user_id` (user_id): 付款方支付宝账号对应的支付宝唯一用户号。 以2088开头的16位纯数字组成。
    pub payer_user_id: ::std::option::Option<::std::string::String>,
    /// `payee_logon_id` (string): 收款方支付宝账号（Email或手机号）。仅作展示使用，默认会加“*”号处理\
    /// Masked with *: display only.
    pub payee_logon_id: ::std::option::Option<::std::string::String>,
    /// `payee_user_id` (user_id): 收款方支付宝账号对应的支付宝唯一用户号。 以2088开头的16位纯数字组成。
    pub payee_user_id: ::std::option::Option<::std::string::String>,
    /// `total_pay_refund_amount` (amount): 红包总退回金额，单位为：元（人民币）\
    /// Can be 0.00 (no range on response amounts).
    pub total_pay_refund_amount: ::std::option::Option<::alipay_core::Amount>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read CouponOperationQueryResponse { code = "code", msg = "msg", sub_code =
    "sub_code", sub_msg = "sub_msg", auth_no = "auth_no", out_order_no = "out_order_no",
    operation_id = "operation_id", out_request_no = "out_request_no", operation_type =
    "operation_type", amount = "amount", status = "status", gmt_create = "gmt_create",
    gmt_trans = "gmt_trans", order_title = "order_title", remark = "remark", extra_param
    = "extra_param", payer_logon_id = "payer_logon_id", payer_user_id = "payer_user_id",
    payee_logon_id = "payee_logon_id", payee_user_id = "payee_user_id",
    total_pay_refund_amount = "total_pay_refund_amount" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.coupon.operation.query`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum CouponOperationQueryErrorCode {}
);
::alipay_core::__wire_enum!(
    open #[doc =
    " The `notify_type`s of `alipay.fund.coupon.operation.query`; unknown types are kept (the docs' own examples use others)."]
    pub enum CouponOperationQueryNotifyType {}
);
/// A verified notification of `alipay.fund.coupon.operation.query`, typed: amounts, datetimes, numbers and enums are read into their types (a value that does not fit is an error of `from_notification`), texts are kept as sent, empty values are absent.
///
/// A synchronous query: notify_url is not a public parameter of this API, and no notification exists.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CouponOperationQueryNotify {
    /// `notify_type`.
    pub notify_type: ::std::option::Option<CouponOperationQueryNotifyType>,
    /// `notify_id`: the same id is resent until answered `success`.
    pub notify_id: ::std::option::Option<::std::string::String>,
    /// `notify_time` (Beijing time).
    pub notify_time: ::std::option::Option<::alipay_core::DateTime>,
    /// `app_id`.
    pub app_id: ::std::option::Option<::std::string::String>,
}
::alipay_core::__notify_struct!(
    CouponOperationQueryNotify, CouponOperationQueryNotifyType {}
);
impl CouponOperationQuery {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.coupon.operation.query.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.coupon.operation.query";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Query one red-packet fund operation (pay, disburse or refund) by Alipay or merchant ids.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        CouponOperationQueryRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for CouponOperationQueryRequest {
    const METHOD: &'static str = "alipay.fund.coupon.operation.query";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_coupon_operation_query_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = CouponOperationQueryRequest::RULES;
    type Response = CouponOperationQueryResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        CouponOperationQueryErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for CouponOperationQueryRequest {}
