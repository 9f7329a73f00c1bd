/// `alipay.fund.auth.operation.detail.query` (资金授权操作查询接口): Query one operation (freeze, unfreeze, pay) of a pre-authorisation order.
///
/// Official doc: <https://opendocs.alipay.com/apis/api_28/alipay.fund.auth.operation.detail.query>. Called with `execute` (an HTTPS call to the gateway). Build it with [`AuthOperationDetailQueryRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `auth_no`, `out_order_no`: at least 1; when several are set, the first of auth_no > out_order_no wins.
/// - one of `operation_id`, `out_request_no`: at least 1; when several are set, the first of operation_id > out_request_no wins.
/// - `pairs` (advice): The identifiers go in pairs ("配对使用"): auth_no with operation_id (Alipay's numbers), out_order_no with out_request_no (the merchant's). Mixing them (auth_no with out_request_no) passes both groups but is not what the docs describe.
///
/// Example `biz_content`:
/// ```json
/// {"auth_no":"2014070800002001550000014417","operation_id":"20161012405744018102","operation_type":"FREEZE"}
/// ```
#[doc(alias = "alipay.fund.auth.operation.detail.query")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AuthOperationDetailQueryRequest {
    /// `auth_no`: 支付宝授权资金订单号。 与商户的授权资金订单号不能同时为空，二者都传入时，以支付宝资金授权订单号为准，该参数与支付宝授权资金操作流水号配对使用。\
    /// type `string`; one-of group `order`; at most 64 characters; example `2014070800002001550000014417`.
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no`: 商户的授权资金订单号。 与支付宝的授权资金订单号不能同时为空，二者都传入时，以支付宝的授权资金订单号为准，该参数与商户的授权资金操作流水号配对使用。 该值与资金冻结时 out_order_no一致。\
    /// type `string`; one-of group `order`; at most 64 characters; example `8077735255938023`.
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id`: 支付宝的授权资金操作流水号。 与商户的授权资金操作流水号不能同时为空，二者都传入时，以支付宝的授权资金操作流水号为准，该参数与支付宝授权资金订单号配对使用。\
    /// type `string`; one-of group `operation`; at most 64 characters; example `20161012405744018102`.
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 商户的授权资金操作流水号。 与支付宝的授权资金操作流水号不能同时为空，二者都传入时，以支付宝的授权资金操作流水号为准，该参数与商户的授权资金订单号配对使用。 查询冻结明细时，该值与发起冻结操作时传入的out_request_no一致； 查询解冻明细时，该值与发起解冻操作时传入的out_request_no一致； 查询支付明细时，该值与发起转支付操作时传入的out_trade_no一致。\
    /// type `string`; one-of group `operation`; at most 64 characters; example `8077735255938032`.
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `operation_type`: 需要查询的授权资金操作类型。 未传入本参数时，如果仅查询出单笔明细则直接返回，如果查询出多笔则优先返回冻结明细、无冻结明细时返回解冻明细； 当传入本参数时，则严格按照该操作类型返回对应明细\
    /// type `string`; optional; at most 20 characters; example `FREEZE`; not stated by the doc: max_len, len_unit. FREEZE, UNFREEZE or PAY.
    pub operation_type: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`AuthOperationDetailQueryRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod auth_operation_detail_query_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.auth.operation.detail.query was not set";
        auth_no, out_order_no, operation_id, out_request_no
    );
    /// Satisfied when one-of group `order` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `order` of alipay.fund.auth.operation.detail.query is empty: set at least 1 of `auth_no`, `out_order_no`",
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
        message = "one-of group `operation` of alipay.fund.auth.operation.detail.query is empty: set at least 1 of `operation_id`, `out_request_no`",
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
/// Builder of [`AuthOperationDetailQueryRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.auth.operation.detail.query` is set.
#[must_use = "call build() to get the value"]
pub struct AuthOperationDetailQueryRequestBuilder<
    S0 = auth_operation_detail_query_fields::auth_no,
    S1 = auth_operation_detail_query_fields::out_order_no,
    S2 = auth_operation_detail_query_fields::operation_id,
    S3 = auth_operation_detail_query_fields::out_request_no,
>(
    (S0, S1, S2, S3),
    (::std::option::Option<::std::string::String>,),
);
::alipay_core::__wire_struct!(
    AuthOperationDetailQueryRequest { auth_no = "auth_no", out_order_no = "out_order_no",
    operation_id = "operation_id", out_request_no = "out_request_no", operation_type =
    "operation_type" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use auth_operation_detail_query_fields as __f;
    use AuthOperationDetailQueryRequestBuilder as __B;
    impl AuthOperationDetailQueryRequest {
        ///The rules of `alipay.fund.auth.operation.detail.query` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.auth.operation.detail.query",
                &[
                    __F::new("auth_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("out_order_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("operation_id", __Ty::Text).one_of(1).max_chars(64),
                    __F::new("out_request_no", __Ty::Text).one_of(1).max_chars(64),
                    __F::new("operation_type", __Ty::Text).max_chars(20),
                ],
            )
            .groups(
                &[
                    __a::Group::new(&["auth_no", "out_order_no"], 1),
                    __a::Group::new(&["operation_id", "out_request_no"], 1),
                ],
            );
        /// A builder with nothing set.
        pub fn builder() -> AuthOperationDetailQueryRequestBuilder {
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
    impl<S0, S1, S2, S3> __B<S0, S1, S2, S3> {
        /// Sets [`auth_no`](AuthOperationDetailQueryRequest::auth_no).
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
        /// Sets [`out_order_no`](AuthOperationDetailQueryRequest::out_order_no).
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
        /// Sets [`operation_id`](AuthOperationDetailQueryRequest::operation_id).
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
        /// Sets [`out_request_no`](AuthOperationDetailQueryRequest::out_request_no).
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
        /// Sets [`operation_type`](AuthOperationDetailQueryRequest::operation_type).
        pub fn operation_type(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> AuthOperationDetailQueryRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            S2: __t::Slot<String>,
            S3: __t::Slot<String>,
            (S0, S1): __f::group_order,
            (S2, S3): __f::group_operation,
        {
            let ((s0, s1, s2, s3), (operation_type,)) = (self.0, self.1);
            AuthOperationDetailQueryRequest {
                auth_no: __t::Slot::into_option(s0),
                out_order_no: __t::Slot::into_option(s1),
                operation_id: __t::Slot::into_option(s2),
                out_request_no: __t::Slot::into_option(s3),
                operation_type,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc =
    " `order_status` of `AuthOperationDetailQueryResponse`; unknown values are kept."]
    pub enum AuthOperationDetailQueryResponseOrderStatus { #[doc = " `INIT`"] Init =
    "INIT", #[doc = " `AUTHORIZED`"] Authorized = "AUTHORIZED", #[doc = " `FINISH`"]
    Finish = "FINISH", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " `status` of `AuthOperationDetailQueryResponse`; unknown values are kept."] pub enum
    AuthOperationDetailQueryResponseStatus { #[doc = " `INIT`"] Init = "INIT", #[doc =
    " `SUCCESS`"] Success = "SUCCESS", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
/// The answer of `alipay.fund.auth.operation.detail.query` (`alipay_fund_auth_operation_detail_query_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AuthOperationDetailQueryResponse {
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
    /// `order_status` (enum): 授权单状态：INIT（初始状态：已创建未授权）、AUTHORIZED（已授权状态：授权成功，可以进行转支付或解冻操作）、FINISH（完成状态：转支付完成且无剩余冻结资金）、CLOSED（关闭状态：授权未完成超时关闭或冻结资金全额解冻）
    pub order_status: ::std::option::Option<AuthOperationDetailQueryResponseOrderStatus>,
    /// `total_freeze_amount` (amount): 订单累计的冻结金额，单位为：元（人民币）
    pub total_freeze_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `rest_amount` (amount): 订单当前剩余冻结金额，单位为：元（人民币）。
    pub rest_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `total_pay_amount` (amount): 订单累计用于支付的金额，单位为：元（人民币）
    pub total_pay_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `order_title` (string): 业务订单的简单描述，如商品名称等
    pub order_title: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string): 支付宝资金操作流水号
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户资金操作的请求流水号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `amount` (amount): 该笔资金操作流水operation_id对应的操作金额，单位为：元（人民币）
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `operation_type` (string): 支付宝资金操作类型，表示当前查询到的这笔明细的操作类型。
    pub operation_type: ::std::option::Option<::std::string::String>,
    /// `status` (enum): 资金操作流水的状态， 目前支持：  INIT：初始 SUCCESS：成功 CLOSED：关闭
    pub status: ::std::option::Option<AuthOperationDetailQueryResponseStatus>,
    /// `remark` (string): 商户对本次操作的附言描述，长度不超过100个字母或50个汉字
    pub remark: ::std::option::Option<::std::string::String>,
    /// `gmt_create` (datetime): 资金授权单据操作流水创建时间， 格式：YYYY-MM-DD HH:MM:SS
    pub gmt_create: ::std::option::Option<::alipay_core::DateTime>,
    /// `gmt_trans` (datetime): 支付宝账务处理成功时间， 格式：YYYY-MM-DD HH:MM:SS
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// `payer_user_id` (string): 付款方支付宝账号对应的支付宝唯一用户号，以2088开头的16位纯数字组成
    pub payer_user_id: ::std::option::Option<::std::string::String>,
    /// `payer_logon_id` (string): 付款方支付宝账号（Email或手机号），仅作展示使用，默认会加“*”号处理
    pub payer_logon_id: ::std::option::Option<::std::string::String>,
    /// `pre_auth_type` (string): 预授权类型，信用预授权情况下值为 CREDIT_AUTH，表示该笔预授权为信用预授权，实际没有冻结用户资金；其它情况均不返回该字段。
    pub pre_auth_type: ::std::option::Option<::std::string::String>,
    /// `extra_param` (string): 商户请求创建预授权订单时传入的扩展参数，仅返回商户自定义的扩展信息（merchantExt）
    pub extra_param: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read AuthOperationDetailQueryResponse { code = "code", msg = "msg", sub_code =
    "sub_code", sub_msg = "sub_msg", auth_no = "auth_no", out_order_no = "out_order_no",
    order_status = "order_status", total_freeze_amount = "total_freeze_amount",
    rest_amount = "rest_amount", total_pay_amount = "total_pay_amount", order_title =
    "order_title", operation_id = "operation_id", out_request_no = "out_request_no",
    amount = "amount", operation_type = "operation_type", status = "status", remark =
    "remark", gmt_create = "gmt_create", gmt_trans = "gmt_trans", payer_user_id =
    "payer_user_id", payer_logon_id = "payer_logon_id", pre_auth_type = "pre_auth_type",
    extra_param = "extra_param" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.auth.operation.detail.query`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum AuthOperationDetailQueryErrorCode { #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`retry_same`)"] #[doc = ""] #[doc =
    " A query changes nothing: repeating it is always safe. Not the page's verbatim text."]
    SystemError = "SYSTEM_ERROR" => (RetrySame, "系统繁忙",
    "稍后使用相同的参数重新查询") }
);
impl AuthOperationDetailQuery {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.auth.operation.detail.query.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.auth.operation.detail.query";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Query one operation (freeze, unfreeze, pay) of a pre-authorisation order.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        AuthOperationDetailQueryRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for AuthOperationDetailQueryRequest {
    const METHOD: &'static str = "alipay.fund.auth.operation.detail.query";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_auth_operation_detail_query_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = AuthOperationDetailQueryRequest::RULES;
    type Response = AuthOperationDetailQueryResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        AuthOperationDetailQueryErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for AuthOperationDetailQueryRequest {}
