/// `alipay.fund.auth.operation.cancel` (资金授权撤销接口): Cancel a freeze whose outcome is unknown: closed if it did not happen, unfrozen if it did.
///
/// Official doc: <https://opendocs.alipay.com/apis/api_28/alipay.fund.auth.operation.cancel>. Called with `execute` (an HTTPS call to the gateway). Build it with [`AuthOperationCancelRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `auth_no`, `out_order_no`: at least 1; when several are set, the first of auth_no > out_order_no wins.
/// - one of `operation_id`, `out_request_no`: at least 1; when several are set, the first of operation_id > out_request_no wins.
/// - `pairs` (advice): The identifiers go in pairs ("配对使用"): auth_no with operation_id (Alipay's numbers), out_order_no with out_request_no (the merchant's). Mixing them (auth_no with out_request_no) passes both groups but is not what the docs describe.
/// - `only_for_unknown_freezes` (advice): Meant for a freeze whose outcome is unknown (no answer, SYSTEM_ERROR): query first with alipay.fund.auth.operation.detail.query, cancel when the freeze is still not known to have succeeded. A successful freeze the merchant no longer wants is unfrozen with alipay.fund.auth.order.unfreeze.
///
/// Example `biz_content`:
/// ```json
/// {"auth_no":"2014070800002001550000014417","operation_id":"20161012405744018102","remark":"授权撤销"}
/// ```
#[doc(alias = "alipay.fund.auth.operation.cancel")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AuthOperationCancelRequest {
    /// `auth_no`: 支付宝授权资金订单号。 与商户的授权资金订单号不能同时为空，二者都传入时，以支付宝资金授权订单号为准，该参数与支付宝授权资金操作流水号配对使用。\
    /// type `string`; one-of group `order`; at most 64 characters; example `2014070800002001550000014417`.
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no`: 商户的授权资金订单号。 与支付宝的授权资金订单号不能同时为空，二者都传入时，以支付宝的授权资金订单号为准，该参数与商户的授权资金操作流水号配对使用。 该值与资金冻结时 out_order_no一致。\
    /// type `string`; one-of group `order`; at most 64 characters; example `8077735255938023`.
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id`: 支付宝的授权资金操作流水号。 与商户的授权资金操作流水号不能同时为空，二者都传入时，以支付宝的授权资金操作流水号为准，该参数与支付宝授权资金订单号配对使用。\
    /// type `string`; one-of group `operation`; at most 64 characters; example `20161012405744018102`.
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 商户的授权资金操作流水号。 与支付宝的授权资金操作流水号不能同时为空，二者都传入时，以支付宝的授权资金操作流水号为准，该参数与商户的授权资金订单号配对使用。 该值与资金冻结时out_request_no一致\
    /// type `string`; one-of group `operation`; at most 64 characters; example `8077735255938032`.
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `remark`: 商户对本次撤销操作的附言描述。 长度不超过100个字母或50个汉字。\
    /// type `string`; required; at most 100 GBK bytes (ASCII 1, 汉字 2); example `授权撤销`.
    pub remark: ::std::string::String,
}
/// Typestate markers of [`AuthOperationCancelRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod auth_operation_cancel_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.auth.operation.cancel was not set";
        auth_no, out_order_no, operation_id, out_request_no, remark
    );
    /// Satisfied when one-of group `order` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `order` of alipay.fund.auth.operation.cancel is empty: set at least 1 of `auth_no`, `out_order_no`",
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
        message = "one-of group `operation` of alipay.fund.auth.operation.cancel is empty: set at least 1 of `operation_id`, `out_request_no`",
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
/// Builder of [`AuthOperationCancelRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.auth.operation.cancel` is set.
#[must_use = "call build() to get the value"]
pub struct AuthOperationCancelRequestBuilder<
    S0 = auth_operation_cancel_fields::auth_no,
    S1 = auth_operation_cancel_fields::out_order_no,
    S2 = auth_operation_cancel_fields::operation_id,
    S3 = auth_operation_cancel_fields::out_request_no,
    S4 = auth_operation_cancel_fields::remark,
>(
    (S0, S1, S2, S3, S4),
    (),
);
::alipay_core::__wire_struct!(
    AuthOperationCancelRequest { auth_no = "auth_no", out_order_no = "out_order_no",
    operation_id = "operation_id", out_request_no = "out_request_no", remark = "remark" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use auth_operation_cancel_fields as __f;
    use AuthOperationCancelRequestBuilder as __B;
    impl AuthOperationCancelRequest {
        ///The rules of `alipay.fund.auth.operation.cancel` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.auth.operation.cancel",
                &[
                    __F::new("auth_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("out_order_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("operation_id", __Ty::Text).one_of(1).max_chars(64),
                    __F::new("out_request_no", __Ty::Text).one_of(1).max_chars(64),
                    __F::new("remark", __Ty::Text).required().max_gbk(100),
                ],
            )
            .groups(
                &[
                    __a::Group::new(&["auth_no", "out_order_no"], 1),
                    __a::Group::new(&["operation_id", "out_request_no"], 1),
                ],
            );
        /// A builder with nothing set.
        pub fn builder() -> AuthOperationCancelRequestBuilder {
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
    impl<S0, S1, S2, S3, S4> __B<S0, S1, S2, S3, S4> {
        /// Sets [`auth_no`](AuthOperationCancelRequest::auth_no).
        pub fn auth_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::auth_no, String>, S1, S2, S3, S4>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3, s4) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3, s4), self.1)
        }
        /// Sets [`out_order_no`](AuthOperationCancelRequest::out_order_no).
        pub fn out_order_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::out_order_no, String>, S2, S3, S4>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3, s4) = self.0;
            __B((s0, __t::Set::new(value.into()), s2, s3, s4), self.1)
        }
        /// Sets [`operation_id`](AuthOperationCancelRequest::operation_id).
        pub fn operation_id(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::operation_id, String>, S3, S4>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3, s4) = self.0;
            __B((s0, s1, __t::Set::new(value.into()), s3, s4), self.1)
        }
        /// Sets [`out_request_no`](AuthOperationCancelRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, __t::Set<__f::out_request_no, String>, S4>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _, s4) = self.0;
            __B((s0, s1, s2, __t::Set::new(value.into()), s4), self.1)
        }
        /// Sets [`remark`](AuthOperationCancelRequest::remark).
        pub fn remark(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, S3, __t::Set<__f::remark, String>>
        where
            S4: __t::IsUnset,
        {
            let (s0, s1, s2, s3, _) = self.0;
            __B((s0, s1, s2, s3, __t::Set::new(value.into())), self.1)
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> AuthOperationCancelRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            S2: __t::Slot<String>,
            S3: __t::Slot<String>,
            S4: __f::Required<String>,
            (S0, S1): __f::group_order,
            (S2, S3): __f::group_operation,
        {
            let ((s0, s1, s2, s3, s4), ()) = (self.0, self.1);
            AuthOperationCancelRequest {
                auth_no: __t::Slot::into_option(s0),
                out_order_no: __t::Slot::into_option(s1),
                operation_id: __t::Slot::into_option(s2),
                out_request_no: __t::Slot::into_option(s3),
                remark: __t::IsSet::into_value(s4),
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `action` of `AuthOperationCancelResponse`; unknown values are kept."]
    pub enum AuthOperationCancelResponseAction { #[doc = " `close`"] Close = "close",
    #[doc = " `unfreeze`"] Unfreeze = "unfreeze" }
);
/// The answer of `alipay.fund.auth.operation.cancel` (`alipay_fund_auth_operation_cancel_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AuthOperationCancelResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `auth_no` (string): 支付宝资金授权订单号。
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no` (string): 商户的授权资金订单号。
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string): 支付宝的冻结操作流水号。
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户的冻结操作流水号 。
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `action` (enum): 本次撤销触发的资金动作 close：关闭冻结明细，无资金解冻 unfreeze：产生了资金解冻
    pub action: ::std::option::Option<AuthOperationCancelResponseAction>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read AuthOperationCancelResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", auth_no = "auth_no", out_order_no = "out_order_no", operation_id
    = "operation_id", out_request_no = "out_request_no", action = "action" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.auth.operation.cancel`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum AuthOperationCancelErrorCode { #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`retry_same`)"] #[doc = ""] #[doc =
    " A cancel of the same operation is the same cancel: repeating it is safe. Not the page's verbatim text."]
    SystemError = "SYSTEM_ERROR" => (RetrySame, "系统繁忙",
    "使用相同的参数重新发起撤销") }
);
impl AuthOperationCancel {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.auth.operation.cancel.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.auth.operation.cancel";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Cancel a freeze whose outcome is unknown: closed if it did not happen, unfrozen if it did.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        AuthOperationCancelRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for AuthOperationCancelRequest {
    const METHOD: &'static str = "alipay.fund.auth.operation.cancel";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_auth_operation_cancel_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = AuthOperationCancelRequest::RULES;
    type Response = AuthOperationCancelResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        AuthOperationCancelErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for AuthOperationCancelRequest {}
