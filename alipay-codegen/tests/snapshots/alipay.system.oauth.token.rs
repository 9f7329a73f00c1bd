::alipay_core::__wire_enum!(
    closed #[doc = " Values of `grant_type` of `OauthToken`."] pub enum
    OauthTokenGrantType { #[doc = " `authorization_code`"] AuthorizationCode =
    "authorization_code", #[doc = " `refresh_token`"] RefreshToken = "refresh_token" }
);
/// `alipay.system.oauth.token` (换取授权访问令牌): Exchange a user's authorisation code, or a refresh token, for an access token.
///
/// Official doc: <https://opendocs.alipay.com/apis/api_9/alipay.system.oauth.token>. Called with `execute` (an HTTPS call to the gateway). Build it with [`OauthTokenRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `code` is required when `grant_type` is authorization_code.
/// - `refresh_token` is required when `grant_type` is refresh_token.
/// - `one_credential` (advice): Send code with authorization_code and refresh_token with refresh_token, not the other ("为 refresh_token 时不填" / "为 authorization_code 时不填"): the extra one is not refused here, Alipay ignores or refuses it.
///
/// Example `biz_content`:
/// ```json
/// {"grant_type":"authorization_code"}
/// ```
#[doc(alias = "alipay.system.oauth.token")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OauthTokenRequest {
    /// `grant_type`: 授权方式。支持： 1.authorization_code，表示换取使用用户授权码code换取授权令牌access_token。 2.refresh_token，表示使用refresh_token刷新获取新授权令牌。\
    /// type `enum`; required; example `authorization_code`.
    pub grant_type: OauthTokenGrantType,
    /// `code`: 授权码，用户对应用授权后得到。本参数在 grant_type 为 authorization_code 时必填；为 refresh_token 时不填。\
    /// type `string`; required when `grant_type` is authorization_code; example `4b203fe6c11548bcabd8da5bb087a83b`. The auth_code the authorisation page returned to the app (valid once, for a short time).
    pub code: ::std::option::Option<::std::string::String>,
    /// `refresh_token`: 刷新令牌，上次换取访问令牌时得到。本参数在 grant_type 为 authorization_code 时不填；为 refresh_token 时必填，且该值来源于此接口的返回值 app_refresh_token（即至少需要通过 grant_type=authorization_code 调用此接口一次才能获取）。\
    /// type `string`; required when `grant_type` is refresh_token; example `201208134b203fe6c11548bcabd8da5bb087a83b`.
    pub refresh_token: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`OauthTokenRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod oauth_token_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.system.oauth.token was not set"; grant_type
    );
}
/// Builder of [`OauthTokenRequest`]: `build()` compiles only when every required field and one-of group of `alipay.system.oauth.token` is set.
#[must_use = "call build() to get the value"]
pub struct OauthTokenRequestBuilder<S0 = oauth_token_fields::grant_type>(
    (S0,),
    (
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
    ),
);
::alipay_core::__wire_struct!(
    OauthTokenRequest { grant_type = "grant_type", code = "code", refresh_token =
    "refresh_token" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use oauth_token_fields as __f;
    use OauthTokenRequestBuilder as __B;
    impl OauthTokenRequest {
        ///The rules of `alipay.system.oauth.token` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.system.oauth.token",
                &[
                    __F::new("grant_type", __Ty::Enum)
                        .required()
                        .values(&["authorization_code", "refresh_token"]),
                    __F::new("code", __Ty::Text)
                        .conditionals(
                            &[
                                __a::Conditional {
                                    when: __a::When {
                                        field: "grant_type",
                                        equals: &["authorization_code"],
                                    },
                                    then: __a::Then::Required,
                                },
                            ],
                        ),
                    __F::new("refresh_token", __Ty::Text)
                        .conditionals(
                            &[
                                __a::Conditional {
                                    when: __a::When {
                                        field: "grant_type",
                                        equals: &["refresh_token"],
                                    },
                                    then: __a::Then::Required,
                                },
                            ],
                        ),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> OauthTokenRequestBuilder {
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
    impl<S0> __B<S0> {
        /// Sets [`grant_type`](OauthTokenRequest::grant_type).
        pub fn grant_type(
            self,
            value: OauthTokenGrantType,
        ) -> __B<__t::Set<__f::grant_type, OauthTokenGrantType>>
        where
            S0: __t::IsUnset,
        {
            let (_,) = self.0;
            __B((__t::Set::new(value),), self.1)
        }
        /// Sets [`code`](OauthTokenRequest::code).
        pub fn code(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`refresh_token`](OauthTokenRequest::refresh_token).
        pub fn refresh_token(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> OauthTokenRequest
        where
            S0: __f::Required<OauthTokenGrantType>,
        {
            let ((s0,), (code, refresh_token)) = (self.0, self.1);
            OauthTokenRequest {
                grant_type: __t::IsSet::into_value(s0),
                code,
                refresh_token,
            }
        }
    }
};
/// The answer of `alipay.system.oauth.token` (`alipay_system_oauth_token_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OauthTokenResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `user_id` (string): 支付宝用户的唯一标识。以2088开头的16位数字。\
    /// Absent for apps that receive open_id instead.
    pub user_id: ::std::option::Option<::std::string::String>,
    /// `open_id` (string): 支付宝用户唯一标识
    pub open_id: ::std::option::Option<::std::string::String>,
    /// `access_token` (string): 访问令牌。通过该令牌调用需要授权类接口\
    /// A credential: pass it as auth_token to alipay.user.info.share; never log it.
    pub access_token: ::std::option::Option<::std::string::String>,
    /// `expires_in` (integer): 访问令牌的有效时间，单位是秒。\
    /// Parsed from a JSON number or a string (the Java model keeps a string).
    pub expires_in: ::std::option::Option<i64>,
    /// `refresh_token` (string): 刷新令牌。通过该令牌可以刷新access_token
    pub refresh_token: ::std::option::Option<::std::string::String>,
    /// `re_expires_in` (integer): 刷新令牌的有效时间，单位是秒。
    pub re_expires_in: ::std::option::Option<i64>,
    /// `auth_start` (datetime): 授权token开始时间，作为有效期计算的起点
    pub auth_start: ::std::option::Option<::alipay_core::DateTime>,
    /// `union_id` (string): union_id是支付宝用户在开放平台的唯一标识符，在配置应用分组后会返回该值。 同一用户的union_id在同一分组内应用保持一致。
    pub union_id: ::std::option::Option<::std::string::String>,
    /// `auth_token_type` (string): 令牌类型，permanent表示返回的access_token和refresh_token永久有效，非永久令牌不返回该字段
    pub auth_token_type: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read OauthTokenResponse { code = "code", msg = "msg", sub_code = "sub_code", sub_msg
    = "sub_msg", user_id = "user_id", open_id = "open_id", access_token = "access_token",
    expires_in = "expires_in", refresh_token = "refresh_token", re_expires_in =
    "re_expires_in", auth_start = "auth_start", union_id = "union_id", auth_token_type =
    "auth_token_type" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.system.oauth.token`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum OauthTokenErrorCode { #[doc =
    " `isv.code-invalid`: 授权码code无效 (`user_action`)"] #[doc = ""] #[doc =
    " The code is used, expired or belongs to another app. Not the page's verbatim text."]
    IsvCodeInvalid = "isv.code-invalid" => (UserAction, "授权码code无效",
    "重新引导用户授权，获取新的授权码"), #[doc =
    " `isv.refresh-token-invalid`: 刷新令牌refresh_token无效 (`user_action`)"]
    #[doc = ""] #[doc = " Not the page's verbatim text."] IsvRefreshTokenInvalid =
    "isv.refresh-token-invalid" => (UserAction, "刷新令牌refresh_token无效",
    "重新引导用户授权") }
);
impl OauthToken {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.system.oauth.token.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.system.oauth.token";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Exchange a user's authorisation code, or a refresh token, for an access token.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        OauthTokenRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for OauthTokenRequest {
    const METHOD: &'static str = "alipay.system.oauth.token";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_system_oauth_token_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::TopLevel;
    const RULES: &'static ::alipay_core::rules::ObjectRules = OauthTokenRequest::RULES;
    type Response = OauthTokenResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        OauthTokenErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for OauthTokenRequest {}
