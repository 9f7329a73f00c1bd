::alipay_core::__wire_enum!(
    closed #[doc = " Values of `grant_type` of `SystemOauthToken`."] pub enum
    SystemOauthTokenGrantType { #[doc = " `authorization_code`"] AuthorizationCode =
    "authorization_code", #[doc = " `refresh_token`"] RefreshToken = "refresh_token" }
);
/// `alipay.system.oauth.token` (换取授权访问令牌): Exchange an auth code or refresh token for an access token (test fixture).
///
/// Called with `execute` (an HTTPS call to the gateway). Build it with [`SystemOauthTokenRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `code` is required when `grant_type` is authorization_code.
/// - `refresh_token` is required when `grant_type` is refresh_token.
#[doc(alias = "alipay.system.oauth.token")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SystemOauthTokenRequest {
    /// `grant_type`\
    /// type `enum`; required.
    pub grant_type: SystemOauthTokenGrantType,
    /// `code`\
    /// type `string`; required when `grant_type` is authorization_code; at most 40 characters.
    pub code: ::std::option::Option<::std::string::String>,
    /// `refresh_token`\
    /// type `string`; required when `grant_type` is refresh_token; at most 40 characters.
    pub refresh_token: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`SystemOauthTokenRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod system_oauth_token_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.system.oauth.token was not set"; grant_type
    );
}
/// Builder of [`SystemOauthTokenRequest`]: `build()` compiles only when every required field and one-of group of `alipay.system.oauth.token` is set.
#[must_use = "call build() to get the value"]
pub struct SystemOauthTokenRequestBuilder<S0 = system_oauth_token_fields::grant_type>(
    (S0,),
    (
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
    ),
);
::alipay_core::__wire_struct!(
    SystemOauthTokenRequest { grant_type = "grant_type", code = "code", refresh_token =
    "refresh_token" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use system_oauth_token_fields as __f;
    use SystemOauthTokenRequestBuilder as __B;
    impl SystemOauthTokenRequest {
        ///The rules of `alipay.system.oauth.token` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.system.oauth.token",
                &[
                    __F::new("grant_type", __Ty::Enum)
                        .required()
                        .values(&["authorization_code", "refresh_token"]),
                    __F::new("code", __Ty::Text)
                        .max_chars(40)
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
                        .max_chars(40)
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
        pub fn builder() -> SystemOauthTokenRequestBuilder {
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
        /// Sets [`grant_type`](SystemOauthTokenRequest::grant_type).
        pub fn grant_type(
            self,
            value: SystemOauthTokenGrantType,
        ) -> __B<__t::Set<__f::grant_type, SystemOauthTokenGrantType>>
        where
            S0: __t::IsUnset,
        {
            let (_,) = self.0;
            __B((__t::Set::new(value),), self.1)
        }
        /// Sets [`code`](SystemOauthTokenRequest::code).
        pub fn code(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`refresh_token`](SystemOauthTokenRequest::refresh_token).
        pub fn refresh_token(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> SystemOauthTokenRequest
        where
            S0: __f::Required<SystemOauthTokenGrantType>,
        {
            let ((s0,), (code, refresh_token)) = (self.0, self.1);
            SystemOauthTokenRequest {
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
pub struct SystemOauthTokenResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `user_id` (string)
    pub user_id: ::std::option::Option<::std::string::String>,
    /// `access_token` (string)
    pub access_token: ::std::option::Option<::std::string::String>,
    /// `expires_in` (integer)
    pub expires_in: ::std::option::Option<i64>,
    /// `auth_start` (datetime)
    pub auth_start: ::std::option::Option<::alipay_core::DateTime>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read SystemOauthTokenResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", user_id = "user_id", access_token = "access_token", expires_in =
    "expires_in", auth_start = "auth_start" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.system.oauth.token`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum SystemOauthTokenErrorCode {}
);
impl SystemOauthToken {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.system.oauth.token.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.system.oauth.token";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Exchange an auth code or refresh token for an access token (test fixture).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        SystemOauthTokenRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for SystemOauthTokenRequest {
    const METHOD: &'static str = "alipay.system.oauth.token";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_system_oauth_token_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::TopLevel;
    const RULES: &'static ::alipay_core::rules::ObjectRules = SystemOauthTokenRequest::RULES;
    type Response = SystemOauthTokenResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        SystemOauthTokenErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for SystemOauthTokenRequest {}
