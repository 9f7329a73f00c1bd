/// `alipay.user.info.share` (支付宝会员授权信息查询接口): The profile of the user who authorised the app (auth_token = the OAuth access token).
///
/// Official doc: <https://opendocs.alipay.com/apis/api_2/alipay.user.info.share>. Called with `execute` (an HTTPS call to the gateway). Build it with [`InfoShareRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `auth_token` (checked by Alipay): The call needs the public parameter auth_token, the access_token answered by alipay.system.oauth.token (call(...).auth_token(token)). Without it Alipay answers 20001 (aop.invalid-auth-token).
#[doc(alias = "alipay.user.info.share")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct InfoShareRequest {}
/// Typestate markers of [`InfoShareRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod info_share_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.user.info.share was not set";
    );
}
/// Builder of [`InfoShareRequest`]: `build()` compiles only when every required field and one-of group of `alipay.user.info.share` is set.
#[must_use = "call build() to get the value"]
pub struct InfoShareRequestBuilder((), ());
::alipay_core::__wire_struct!(InfoShareRequest {});
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use info_share_fields as __f;
    use InfoShareRequestBuilder as __B;
    impl InfoShareRequest {
        ///The rules of `alipay.user.info.share` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.user.info.share",
                &[],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> InfoShareRequestBuilder {
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
        pub fn build(self) -> InfoShareRequest {
            let ((), ()) = (self.0, self.1);
            InfoShareRequest {}
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `gender` of `InfoShareResponse`; unknown values are kept."] pub enum
    InfoShareResponseGender { #[doc = " `F`"] F = "F", #[doc = " `M`"] M = "M" }
);
::alipay_core::__wire_enum!(
    open #[doc = " `user_type` of `InfoShareResponse`; unknown values are kept."] pub
    enum InfoShareResponseUserType { #[doc = " `1`"] V1 = "1", #[doc = " `2`"] V2 = "2" }
);
::alipay_core::__wire_enum!(
    open #[doc = " `user_status` of `InfoShareResponse`; unknown values are kept."] pub
    enum InfoShareResponseUserStatus { #[doc = " `Q`"] Q = "Q", #[doc = " `T`"] T = "T",
    #[doc = " `B`"] B = "B", #[doc = " `W`"] W = "W" }
);
::alipay_core::__wire_enum!(
    open #[doc = " `is_certified` of `InfoShareResponse`; unknown values are kept."] pub
    enum InfoShareResponseIsCertified { #[doc = " `T`"] T = "T", #[doc = " `F`"] F = "F"
    }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " `is_student_certified` of `InfoShareResponse`; unknown values are kept."] pub enum
    InfoShareResponseIsStudentCertified { #[doc = " `T`"] T = "T", #[doc = " `F`"] F =
    "F" }
);
/// The answer of `alipay.user.info.share` (`alipay_user_info_share_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct InfoShareResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `user_id` (string): 支付宝用户的userId。
    pub user_id: ::std::option::Option<::std::string::String>,
    /// `open_id` (string): 支付宝用户的openId。
    pub open_id: ::std::option::Option<::std::string::String>,
    /// `avatar` (string): 用户头像地址。 注意：如果没有数据（用户未设置）时不会返回该信息，请做好容错。
    pub avatar: ::std::option::Option<::std::string::String>,
    /// `nick_name` (string): 用户昵称。 注意：如果没有数据（用户未设置）时不会返回该信息，请做好容错。
    pub nick_name: ::std::option::Option<::std::string::String>,
    /// `province` (string): 省份名称。
    pub province: ::std::option::Option<::std::string::String>,
    /// `city` (string): 市名称。
    pub city: ::std::option::Option<::std::string::String>,
    /// `gender` (enum): 性别。枚举值如下： F：女性； M：男性。
    pub gender: ::std::option::Option<InfoShareResponseGender>,
    /// `user_type` (enum): 用户类型（1/2） 1代表公司账户2代表个人账户
    pub user_type: ::std::option::Option<InfoShareResponseUserType>,
    /// `user_status` (enum): 用户状态（Q/T/B/W）。 Q代表快速注册用户 T代表正常用户 B代表被冻结账户 W代表已注册，未激活的账户
    pub user_status: ::std::option::Option<InfoShareResponseUserStatus>,
    /// `is_certified` (enum): 是否通过实名认证。T是通过 F是没有实名认证。
    pub is_certified: ::std::option::Option<InfoShareResponseIsCertified>,
    /// `is_student_certified` (enum): 是否是学生
    pub is_student_certified: ::std::option::Option<InfoShareResponseIsStudentCertified>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read InfoShareResponse { code = "code", msg = "msg", sub_code = "sub_code", sub_msg =
    "sub_msg", user_id = "user_id", open_id = "open_id", avatar = "avatar", nick_name =
    "nick_name", province = "province", city = "city", gender = "gender", user_type =
    "user_type", user_status = "user_status", is_certified = "is_certified",
    is_student_certified = "is_student_certified" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.user.info.share`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum InfoShareErrorCode {}
);
impl InfoShare {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.user.info.share.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.user.info.share";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "The profile of the user who authorised the app (auth_token = the OAuth access token).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        InfoShareRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for InfoShareRequest {
    const METHOD: &'static str = "alipay.user.info.share";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_user_info_share_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::None;
    const RULES: &'static ::alipay_core::rules::ObjectRules = InfoShareRequest::RULES;
    type Response = InfoShareResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        InfoShareErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for InfoShareRequest {}
