::alipay_core::__wire_enum!(
    closed #[doc = " Values of `product_code` of `AuthOrderAppFreeze`."] pub enum
    AuthOrderAppFreezeProductCode { #[doc = " `PRE_AUTH_ONLINE`"] PreAuthOnline =
    "PRE_AUTH_ONLINE" }
);
/// `alipay.fund.auth.order.app.freeze` (线上资金授权冻结接口): Build the order string with which the Alipay app freezes a user's funds (online pre-authorisation).
///
/// Official doc: <https://opendocs.alipay.com/apis/api_28/alipay.fund.auth.order.app.freeze>. Called with `sdk_execute` (a signed order string for the Alipay app). Build it with [`AuthOrderAppFreezeRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `payee_user_id`, `payee_logon_id`: at least 1; when several are set, the first of payee_user_id > payee_logon_id wins; applies only when the merchant wants the user to be able to pay with Huabei (花呗) (checked by Alipay only).
/// - `payee_user_id` is required only in some cases (see the field).
/// - `payee_logon_id` is required only in some cases (see the field).
/// - `outcome_by_query` (advice): The order string is only handed to the Alipay app: whether the user froze the funds is learnt from the notification (fund_auth_freeze) or by alipay.fund.auth.operation.detail.query with the same out_order_no and out_request_no; the app-side result alone is not proof.
///
/// Example `biz_content`:
/// ```json
/// {"out_order_no":"8077735255938023","out_request_no":"8077735255938032","order_title":"预授权冻结","amount":"0.01","pay_timeout":"2d","extra_param":"{\"category\":\"RENT_PHONE\",\"serviceId\":\"2020042800000000000001450466\"}","product_code":"PRE_AUTH_ONLINE","scene_code":"ONLINE_AUTH_COMMON_SCENE"}
/// ```
#[doc(alias = "alipay.fund.auth.order.app.freeze")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AuthOrderAppFreezeRequest {
    /// `out_order_no`: 商户授权资金订单号。 商家自定义需保证在商户端不重复。仅支持字母、数字、下划线。\
    /// type `string`; required; at most 64 characters; pattern `^[A-Za-z0-9_]+$`; example `8077735255938023`.
    pub out_order_no: ::std::string::String,
    /// `out_request_no`: 商户本次资金操作的请求流水号，用于标示请求流水的唯一性。 可与out_order_no相同，仅支持字母、数字、下划线。\
    /// type `string`; required; at most 64 characters; pattern `^[A-Za-z0-9_]+$`; example `8077735255938032`.
    pub out_request_no: ::std::string::String,
    /// `order_title`: 订单标题。 业务订单的简单描述，如商品名称等\
    /// type `string`; required; at most 100 characters; example `预授权冻结`; not stated by the doc: len_unit.
    pub order_title: ::std::string::String,
    /// `amount`: 需要冻结的金额，单位为：元（人民币），精确到小数点后两位。 取值范围：[0.01,100000000.00]\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `0.01`.
    pub amount: ::alipay_core::Amount,
    /// `payee_user_id`: 收款账户的支付宝用户号。 以2088开头的16位纯数字，如果传入则会校验该账号是否具备当前商户收款权限，如果商户希望用户能够使用花呗，则用户号(payee_user_id)和登录号(payee_logon_id)两者必须传入其一\
    /// type `user_id`; required only in some cases; example `2088102000275795`.
    pub payee_user_id: ::std::option::Option<::alipay_core::UserId>,
    /// `payee_logon_id`: 收款账户的支付宝登录号（email或手机号）。 如果传入则会校验该登录号对应的账号是否具备当前商户收款权限，如果商户希望用户能够使用花呗，则用户号(payee_user_id)和登录号(payee_logon_id)两者必须传入其一\
    /// type `string`; required only in some cases; at most 100 characters; example `159****5620`; not stated by the doc: max_len, len_unit.
    pub payee_logon_id: ::std::option::Option<::std::string::String>,
    /// `pay_timeout`: 预授权订单相对超时时间，从商户请求时间开始计算。 预授权订单允许的最晚授权时间，逾期将关闭该笔订单。取值范围：1m～15d。m-分钟，h-小时，d-天。 该参数数值不接受小数点， 如 1.5h，可转换为90m。 默认为15m。\
    /// type `pay_timeout`; optional; range 1m~15d; server default `15m` (never sent by the SDK); example `2d`.
    pub pay_timeout: ::std::option::Option<::alipay_core::PayTimeout>,
    /// `extra_param`: 业务扩展参数，用于特定业务信息的传递，json格式。 1、category，信用类目，信用预授权场景必传； 2、serviceId，信用服务ID：信用预授权场景必传。 3、creditExtInfo，信用参数，可选，如有需要请与芝麻约定后传入\
    /// type `json`; optional; example `{"category":"RENT_PHONE","serviceId":"2020042800000000000001450466"}`. The javadoc's links are left out of the doc text. Credit (Zhima) pre-auth needs category and serviceId inside.
    pub extra_param: ::std::option::Option<::alipay_core::JsonObjectText>,
    /// `product_code`: 销售产品码。 支付宝预授权产品固定为 PRE_AUTH_ONLINE\
    /// type `enum`; required; example `PRE_AUTH_ONLINE`.
    pub product_code: AuthOrderAppFreezeProductCode,
    /// `scene_code`: 场景码，用于区分预授权不同业务场景。如：当面预授权通用场景（O2O_AUTH_COMMON_SCENE）、支付宝预授权通用场景（ONLINE_AUTH_COMMON_SCENE）、境外当面预授权通用场景（OVERSEAS_O2O_AUTH_COMMON_SCENE）、境外支付预授权通用场景（OVERSEAS_ONLINE_AUTH_COMMON_SCENE）等\
    /// type `string`; optional; at most 64 characters; example `ONLINE_AUTH_COMMON_SCENE`; not stated by the doc: max_len, len_unit.
    pub scene_code: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`AuthOrderAppFreezeRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod auth_order_app_freeze_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.auth.order.app.freeze was not set";
        out_order_no, out_request_no, order_title, amount, product_code
    );
}
/// Builder of [`AuthOrderAppFreezeRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.auth.order.app.freeze` is set.
#[must_use = "call build() to get the value"]
pub struct AuthOrderAppFreezeRequestBuilder<
    S0 = auth_order_app_freeze_fields::out_order_no,
    S1 = auth_order_app_freeze_fields::out_request_no,
    S2 = auth_order_app_freeze_fields::order_title,
    S3 = auth_order_app_freeze_fields::amount,
    S4 = auth_order_app_freeze_fields::product_code,
>(
    (S0, S1, S2, S3, S4),
    (
        ::std::option::Option<::alipay_core::UserId>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::alipay_core::PayTimeout>,
        ::std::option::Option<::alipay_core::JsonObjectText>,
        ::std::option::Option<::std::string::String>,
    ),
);
::alipay_core::__wire_struct!(
    AuthOrderAppFreezeRequest { out_order_no = "out_order_no", out_request_no =
    "out_request_no", order_title = "order_title", amount = "amount", payee_user_id =
    "payee_user_id", payee_logon_id = "payee_logon_id", pay_timeout = "pay_timeout",
    extra_param = "extra_param", product_code = "product_code", scene_code = "scene_code"
    }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use auth_order_app_freeze_fields as __f;
    use AuthOrderAppFreezeRequestBuilder as __B;
    impl AuthOrderAppFreezeRequest {
        ///The rules of `alipay.fund.auth.order.app.freeze` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.auth.order.app.freeze",
                &[
                    __F::new("out_order_no", __Ty::Text)
                        .required()
                        .max_chars(64)
                        .pattern("^[A-Za-z0-9_]+$"),
                    __F::new("out_request_no", __Ty::Text)
                        .required()
                        .max_chars(64)
                        .pattern("^[A-Za-z0-9_]+$"),
                    __F::new("order_title", __Ty::Text).required().max_chars(100),
                    __F::new("amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("payee_user_id", __Ty::UserId),
                    __F::new("payee_logon_id", __Ty::Text).max_chars(100),
                    __F::new("pay_timeout", __Ty::PayTimeout)
                        .minutes(1, 21600, "1m", "15d"),
                    __F::new("extra_param", __Ty::Json),
                    __F::new("product_code", __Ty::Enum)
                        .required()
                        .values(&["PRE_AUTH_ONLINE"]),
                    __F::new("scene_code", __Ty::Text).max_chars(64),
                    __F::new("business_params", __Ty::Json).values(&[]),
                    __F::new("deposit_product_mode", __Ty::Enum)
                        .values(&["POSTPAY", "POSTPAY_UNCERTAIN", "DEPOSIT_ONLY"]),
                    __F::new("trans_currency", __Ty::Text).values(&[]),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> AuthOrderAppFreezeRequestBuilder {
            __B(
                __f::START,
                (
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
    impl<S0, S1, S2, S3, S4> __B<S0, S1, S2, S3, S4> {
        /// Sets [`out_order_no`](AuthOrderAppFreezeRequest::out_order_no).
        pub fn out_order_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_order_no, String>, S1, S2, S3, S4>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3, s4) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3, s4), self.1)
        }
        /// Sets [`out_request_no`](AuthOrderAppFreezeRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::out_request_no, String>, S2, S3, S4>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3, s4) = self.0;
            __B((s0, __t::Set::new(value.into()), s2, s3, s4), self.1)
        }
        /// Sets [`order_title`](AuthOrderAppFreezeRequest::order_title).
        pub fn order_title(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::order_title, String>, S3, S4>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3, s4) = self.0;
            __B((s0, s1, __t::Set::new(value.into()), s3, s4), self.1)
        }
        /// Sets [`amount`](AuthOrderAppFreezeRequest::amount).
        pub fn amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, S1, S2, __t::Set<__f::amount, ::alipay_core::Amount>, S4>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _, s4) = self.0;
            __B((s0, s1, s2, __t::Set::new(value), s4), self.1)
        }
        /// Sets [`product_code`](AuthOrderAppFreezeRequest::product_code).
        pub fn product_code(
            self,
            value: AuthOrderAppFreezeProductCode,
        ) -> __B<
            S0,
            S1,
            S2,
            S3,
            __t::Set<__f::product_code, AuthOrderAppFreezeProductCode>,
        >
        where
            S4: __t::IsUnset,
        {
            let (s0, s1, s2, s3, _) = self.0;
            __B((s0, s1, s2, s3, __t::Set::new(value)), self.1)
        }
        /// Sets [`payee_user_id`](AuthOrderAppFreezeRequest::payee_user_id).
        pub fn payee_user_id(mut self, value: ::alipay_core::UserId) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`payee_logon_id`](AuthOrderAppFreezeRequest::payee_logon_id).
        pub fn payee_logon_id(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`pay_timeout`](AuthOrderAppFreezeRequest::pay_timeout).
        pub fn pay_timeout(mut self, value: ::alipay_core::PayTimeout) -> Self {
            self.1.2 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`extra_param`](AuthOrderAppFreezeRequest::extra_param).
        pub fn extra_param(mut self, value: ::alipay_core::JsonObjectText) -> Self {
            self.1.3 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`scene_code`](AuthOrderAppFreezeRequest::scene_code).
        pub fn scene_code(mut self, value: impl Into<String>) -> Self {
            self.1.4 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> AuthOrderAppFreezeRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<String>,
            S2: __f::Required<String>,
            S3: __f::Required<::alipay_core::Amount>,
            S4: __f::Required<AuthOrderAppFreezeProductCode>,
        {
            let (
                (s0, s1, s2, s3, s4),
                (payee_user_id, payee_logon_id, pay_timeout, extra_param, scene_code),
            ) = (self.0, self.1);
            AuthOrderAppFreezeRequest {
                out_order_no: __t::IsSet::into_value(s0),
                out_request_no: __t::IsSet::into_value(s1),
                order_title: __t::IsSet::into_value(s2),
                amount: __t::IsSet::into_value(s3),
                product_code: __t::IsSet::into_value(s4),
                payee_user_id,
                payee_logon_id,
                pay_timeout,
                extra_param,
                scene_code,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `AuthOrderAppFreezeResponse`; unknown values are kept."]
    pub enum AuthOrderAppFreezeResponseStatus { #[doc = " `INIT`"] Init = "INIT", #[doc =
    " `SUCCESS`"] Success = "SUCCESS", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
/// The answer of `alipay.fund.auth.order.app.freeze` (`alipay_fund_auth_order_app_freeze_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AuthOrderAppFreezeResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `auth_no` (string): 支付宝的资金授权订单号
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string): 支付宝的资金操作流水号
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `status` (enum): 资金预授权明细的状态
    pub status: ::std::option::Option<AuthOrderAppFreezeResponseStatus>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read AuthOrderAppFreezeResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", auth_no = "auth_no", operation_id = "operation_id", status =
    "status" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.auth.order.app.freeze`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum AuthOrderAppFreezeErrorCode {}
);
impl AuthOrderAppFreeze {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.auth.order.app.freeze.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.auth.order.app.freeze";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Build the order string with which the Alipay app freezes a user's funds (online pre-authorisation).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        AuthOrderAppFreezeRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for AuthOrderAppFreezeRequest {
    const METHOD: &'static str = "alipay.fund.auth.order.app.freeze";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::SdkExecute;
    const RESPONSE_NODE: &'static str = "alipay_fund_auth_order_app_freeze_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = AuthOrderAppFreezeRequest::RULES;
    type Response = AuthOrderAppFreezeResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        AuthOrderAppFreezeErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::SdkExecuteApi for AuthOrderAppFreezeRequest {}
