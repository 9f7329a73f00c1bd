/// `alipay.user.info.share` (支付宝会员授权信息查询接口): The authorising user's profile (test fixture).
///
/// Called with `execute` (an HTTPS call to the gateway). Build it with [`UserInfoShareRequest::builder`]; required fields and one-of groups are checked when compiling.
#[doc(alias = "alipay.user.info.share")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UserInfoShareRequest {}
/// Typestate markers of [`UserInfoShareRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod user_info_share_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.user.info.share was not set";
    );
}
/// Builder of [`UserInfoShareRequest`]: `build()` compiles only when every required field and one-of group of `alipay.user.info.share` is set.
#[must_use = "call build() to get the value"]
pub struct UserInfoShareRequestBuilder((), ());
::alipay_core::__wire_struct!(UserInfoShareRequest {});
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use user_info_share_fields as __f;
    use UserInfoShareRequestBuilder as __B;
    impl UserInfoShareRequest {
        ///The rules of `alipay.user.info.share` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.user.info.share",
                &[],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> UserInfoShareRequestBuilder {
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
    impl __B {
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> UserInfoShareRequest {
            let ((), ()) = (self.0, self.1);
            UserInfoShareRequest {}
        }
    }
};
/// The answer of `alipay.user.info.share` (`alipay_user_info_share_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct UserInfoShareResponse {
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
    /// `nick_name` (string)
    pub nick_name: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read UserInfoShareResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", user_id = "user_id", nick_name = "nick_name" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.user.info.share`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum UserInfoShareErrorCode {}
);
impl UserInfoShare {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.user.info.share.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.user.info.share";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "The authorising user's profile (test fixture).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        UserInfoShareRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for UserInfoShareRequest {
    const METHOD: &'static str = "alipay.user.info.share";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_user_info_share_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::None;
    const RULES: &'static ::alipay_core::rules::ObjectRules = UserInfoShareRequest::RULES;
    type Response = UserInfoShareResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        UserInfoShareErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for UserInfoShareRequest {}
