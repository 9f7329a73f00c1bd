::alipay_core::__wire_enum!(
    closed #[doc = " Values of `identity_type` of `Participant`."] pub enum
    ParticipantIdentityType { #[doc = " `ALIPAY_USER_ID`"] AlipayUserId =
    "ALIPAY_USER_ID", #[doc = " `ALIPAY_LOGON_ID`"] AlipayLogonId = "ALIPAY_LOGON_ID",
    #[doc = " `ALIPAY_OPEN_ID`"] AlipayOpenId = "ALIPAY_OPEN_ID" }
);
/// `Participant`: 转账的收、付款参与方
///
/// A shared request type; build it with [`Participant::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Participant {
    /// `identity`: 参与方的唯一标识\
    /// type `string`; required; at most 100 characters; example `2088123412341234`; not stated by the doc: len_unit. The Alipay user id (2088…), the logon id (email or mobile) or the open id, as identity_type says.
    pub identity: ::std::string::String,
    /// `identity_type`: 参与方的标识类型，目前支持如下类型： 1、ALIPAY_USER_ID 支付宝的会员ID 2、ALIPAY_LOGON_ID：支付宝登录号，支持邮箱和手机号格式 3、ALIPAY_OPEN_ID：支付宝openid\
    /// type `enum`; required; example `ALIPAY_USER_ID`. The Java javadoc also lists EXPRESS_DC_STFA (对公快捷银行卡), a bank-card identity of another product; the uni.transfer doc table allows these three only.
    pub identity_type: ParticipantIdentityType,
    /// `name`: 参与方真实姓名，如果非空，将校验收款支付宝账号姓名一致性。当identity_type=ALIPAY_LOGON_ID时，本字段必填。\
    /// type `string`; required when `identity_type` is ALIPAY_LOGON_ID; at most 128 characters; example `黄龙国际有限公司`; not stated by the doc: len_unit. Alipay checks it against the account's real name when given (PAYEE_USER_INFO_ERROR when it does not match).
    pub name: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`ParticipantBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod participant_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of shared type `Participant` was not set"; identity,
        identity_type
    );
}
/// Builder of [`Participant`]: `build()` compiles only when every required field and one-of group of `Participant` is set.
#[must_use = "call build() to get the value"]
pub struct ParticipantBuilder<
    S0 = participant_fields::identity,
    S1 = participant_fields::identity_type,
>(
    (S0, S1),
    (::std::option::Option<::std::string::String>,),
);
::alipay_core::__wire_struct!(
    Participant { identity = "identity", identity_type = "identity_type", name = "name" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use participant_fields as __f;
    use ParticipantBuilder as __B;
    impl Participant {
        ///The rules of `Participant` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "Participant",
                &[
                    __F::new("identity", __Ty::Text).required().max_chars(100),
                    __F::new("identity_type", __Ty::Enum)
                        .required()
                        .values(
                            &["ALIPAY_USER_ID", "ALIPAY_LOGON_ID", "ALIPAY_OPEN_ID"],
                        ),
                    __F::new("name", __Ty::Text)
                        .max_chars(128)
                        .conditionals(
                            &[
                                __a::Conditional {
                                    when: __a::When {
                                        field: "identity_type",
                                        equals: &["ALIPAY_LOGON_ID"],
                                    },
                                    then: __a::Then::Required,
                                },
                            ],
                        ),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> ParticipantBuilder {
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
    impl<S0, S1> __B<S0, S1> {
        /// Sets [`identity`](Participant::identity).
        pub fn identity(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::identity, String>, S1>
        where
            S0: __t::IsUnset,
        {
            let (_, s1) = self.0;
            __B((__t::Set::new(value.into()), s1), self.1)
        }
        /// Sets [`identity_type`](Participant::identity_type).
        pub fn identity_type(
            self,
            value: ParticipantIdentityType,
        ) -> __B<S0, __t::Set<__f::identity_type, ParticipantIdentityType>>
        where
            S1: __t::IsUnset,
        {
            let (s0, _) = self.0;
            __B((s0, __t::Set::new(value)), self.1)
        }
        /// Sets [`name`](Participant::name).
        pub fn name(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> Participant
        where
            S0: __f::Required<String>,
            S1: __f::Required<ParticipantIdentityType>,
        {
            let ((s0, s1), (name,)) = (self.0, self.1);
            Participant {
                identity: __t::IsSet::into_value(s0),
                identity_type: __t::IsSet::into_value(s1),
                name,
            }
        }
    }
};
