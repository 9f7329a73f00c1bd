::alipay_core::__wire_enum!(
    closed #[doc = " Values of `product_code` of `FundTransUniTransfer`."] pub enum
    FundTransUniTransferProductCode { #[doc = " `TRANS_ACCOUNT_NO_PWD`"]
    TransAccountNoPwd = "TRANS_ACCOUNT_NO_PWD", #[doc = " `STD_RED_PACKET`"] StdRedPacket
    = "STD_RED_PACKET" }
);
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `biz_scene` of `FundTransUniTransfer`."] pub enum
    FundTransUniTransferBizScene { #[doc = " `DIRECT_TRANSFER`"] DirectTransfer =
    "DIRECT_TRANSFER", #[doc = " `PERSONAL_COLLECTION`"] PersonalCollection =
    "PERSONAL_COLLECTION" }
);
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `identity_type` of `FundTransUniTransferPayeeInfo`."] pub
    enum FundTransUniTransferPayeeInfoIdentityType { #[doc = " `ALIPAY_USER_ID`"]
    AlipayUserId = "ALIPAY_USER_ID", #[doc = " `ALIPAY_LOGON_ID`"] AlipayLogonId =
    "ALIPAY_LOGON_ID", #[doc = " `ALIPAY_OPEN_ID`"] AlipayOpenId = "ALIPAY_OPEN_ID" }
);
/// `payee_info`: an object of `FundTransUniTransfer`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FundTransUniTransferPayeeInfo {
    /// `identity`\
    /// type `string`; required; at most 100 characters.
    pub identity: ::std::string::String,
    /// `identity_type`\
    /// type `enum`; required.
    pub identity_type: FundTransUniTransferPayeeInfoIdentityType,
    /// `name`\
    /// type `string`; required when `identity_type` is ALIPAY_LOGON_ID; at most 128 characters.
    pub name: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`FundTransUniTransferPayeeInfoBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod fund_trans_uni_transfer_payee_info_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of `payee_info` of alipay.fund.trans.uni.transfer was not set";
        identity, identity_type
    );
}
/// Builder of [`FundTransUniTransferPayeeInfo`]: `build()` compiles only when every required field and one-of group of `payee_info` is set.
#[must_use = "call build() to get the value"]
pub struct FundTransUniTransferPayeeInfoBuilder<
    S0 = fund_trans_uni_transfer_payee_info_fields::identity,
    S1 = fund_trans_uni_transfer_payee_info_fields::identity_type,
>(
    (S0, S1),
    (::std::option::Option<::std::string::String>,),
);
::alipay_core::__wire_struct!(
    FundTransUniTransferPayeeInfo { identity = "identity", identity_type =
    "identity_type", name = "name" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use fund_trans_uni_transfer_payee_info_fields as __f;
    use FundTransUniTransferPayeeInfoBuilder as __B;
    impl FundTransUniTransferPayeeInfo {
        ///The rules of `payee_info` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "payee_info",
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
        pub fn builder() -> FundTransUniTransferPayeeInfoBuilder {
            __B(__f::START, (::std::option::Option::None,))
        }
        /// Every rule of the spec this value breaks, at once.
        pub fn validate(
            &self,
        ) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
            Self::RULES.check(&__a::ToWire::to_wire(self))
        }
    }
    impl<S0, S1> __B<S0, S1> {
        /// Sets [`identity`](FundTransUniTransferPayeeInfo::identity).
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
        /// Sets [`identity_type`](FundTransUniTransferPayeeInfo::identity_type).
        pub fn identity_type(
            self,
            value: FundTransUniTransferPayeeInfoIdentityType,
        ) -> __B<
            S0,
            __t::Set<__f::identity_type, FundTransUniTransferPayeeInfoIdentityType>,
        >
        where
            S1: __t::IsUnset,
        {
            let (s0, _) = self.0;
            __B((s0, __t::Set::new(value)), self.1)
        }
        /// Sets [`name`](FundTransUniTransferPayeeInfo::name).
        pub fn name(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> FundTransUniTransferPayeeInfo
        where
            S0: __f::Required<String>,
            S1: __f::Required<FundTransUniTransferPayeeInfoIdentityType>,
        {
            let ((s0, s1), (name,)) = (self.0, self.1);
            FundTransUniTransferPayeeInfo {
                identity: __t::IsSet::into_value(s0),
                identity_type: __t::IsSet::into_value(s1),
                name,
            }
        }
    }
};
/// `alipay.fund.trans.uni.transfer` (单笔转账接口): Transfer to an Alipay account (test fixture).
///
/// Called with `execute` (an HTTPS call to the gateway). Build it with [`FundTransUniTransferRequest::builder`]; required fields and one-of groups are checked when compiling.
#[doc(alias = "alipay.fund.trans.uni.transfer")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FundTransUniTransferRequest {
    /// `out_biz_no`\
    /// type `string`; required; at most 64 characters.
    pub out_biz_no: ::std::string::String,
    /// `trans_amount`\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; range [0.10, 100000000.00] yuan when `product_code` is TRANS_ACCOUNT_NO_PWD.
    pub trans_amount: ::alipay_core::Amount,
    /// `product_code`\
    /// type `enum`; required.
    pub product_code: FundTransUniTransferProductCode,
    /// `biz_scene`\
    /// type `enum`; optional.
    pub biz_scene: ::std::option::Option<FundTransUniTransferBizScene>,
    /// `payee_info`\
    /// type `object`; required.
    pub payee_info: FundTransUniTransferPayeeInfo,
    /// `tip`\
    /// type `amount`; optional; range [1.00, 100.00] yuan. A made-up whole-yuan amount: proves a spec's scale reaches the wire.
    pub tip: ::std::option::Option<::alipay_core::Amount>,
    /// `remark`\
    /// type `string`; optional; at most 200 characters.
    pub remark: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`FundTransUniTransferRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod fund_trans_uni_transfer_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.trans.uni.transfer was not set";
        out_biz_no, trans_amount, product_code, payee_info
    );
}
/// Builder of [`FundTransUniTransferRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.trans.uni.transfer` is set.
#[must_use = "call build() to get the value"]
pub struct FundTransUniTransferRequestBuilder<
    S0 = fund_trans_uni_transfer_fields::out_biz_no,
    S1 = fund_trans_uni_transfer_fields::trans_amount,
    S2 = fund_trans_uni_transfer_fields::product_code,
    S3 = fund_trans_uni_transfer_fields::payee_info,
>(
    (S0, S1, S2, S3),
    (
        ::std::option::Option<FundTransUniTransferBizScene>,
        ::std::option::Option<::alipay_core::Amount>,
        ::std::option::Option<::std::string::String>,
    ),
);
::alipay_core::__wire_struct!(
    FundTransUniTransferRequest { out_biz_no = "out_biz_no", trans_amount =
    "trans_amount", product_code = "product_code", biz_scene = "biz_scene", payee_info =
    "payee_info", tip = "tip" as 0, remark = "remark" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use fund_trans_uni_transfer_fields as __f;
    use FundTransUniTransferRequestBuilder as __B;
    impl FundTransUniTransferRequest {
        ///The rules of `alipay.fund.trans.uni.transfer` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.trans.uni.transfer",
                &[
                    __F::new("out_biz_no", __Ty::Text).required().max_chars(64),
                    __F::new("trans_amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2)
                        .conditionals(
                            &[
                                __a::Conditional {
                                    when: __a::When {
                                        field: "product_code",
                                        equals: &["TRANS_ACCOUNT_NO_PWD"],
                                    },
                                    then: __a::Then::Range(__a::Range::Fen {
                                        min: 10,
                                        max: 10000000000,
                                        scale: 2,
                                    }),
                                },
                            ],
                        ),
                    __F::new("product_code", __Ty::Enum)
                        .required()
                        .values(&["TRANS_ACCOUNT_NO_PWD", "STD_RED_PACKET"]),
                    __F::new("biz_scene", __Ty::Enum)
                        .values(&["DIRECT_TRANSFER", "PERSONAL_COLLECTION"])
                        .conditionals(
                            &[
                                __a::Conditional {
                                    when: __a::When {
                                        field: "product_code",
                                        equals: &["STD_RED_PACKET"],
                                    },
                                    then: __a::Then::Values(&["PERSONAL_COLLECTION"]),
                                },
                            ],
                        ),
                    __F::new(
                            "payee_info",
                            __Ty::Object(FundTransUniTransferPayeeInfo::RULES),
                        )
                        .required(),
                    __F::new("tip", __Ty::Amount).amount_range(100, 10000, 0),
                    __F::new("remark", __Ty::Text).max_chars(200),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> FundTransUniTransferRequestBuilder {
            __B(
                __f::START,
                (
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
    impl<S0, S1, S2, S3> __B<S0, S1, S2, S3> {
        /// Sets [`out_biz_no`](FundTransUniTransferRequest::out_biz_no).
        pub fn out_biz_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_biz_no, String>, S1, S2, S3>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3), self.1)
        }
        /// Sets [`trans_amount`](FundTransUniTransferRequest::trans_amount).
        pub fn trans_amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, __t::Set<__f::trans_amount, ::alipay_core::Amount>, S2, S3>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3) = self.0;
            __B((s0, __t::Set::new(value), s2, s3), self.1)
        }
        /// Sets [`product_code`](FundTransUniTransferRequest::product_code).
        pub fn product_code(
            self,
            value: FundTransUniTransferProductCode,
        ) -> __B<
            S0,
            S1,
            __t::Set<__f::product_code, FundTransUniTransferProductCode>,
            S3,
        >
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3) = self.0;
            __B((s0, s1, __t::Set::new(value), s3), self.1)
        }
        /// Sets [`payee_info`](FundTransUniTransferRequest::payee_info).
        pub fn payee_info(
            self,
            value: FundTransUniTransferPayeeInfo,
        ) -> __B<S0, S1, S2, __t::Set<__f::payee_info, FundTransUniTransferPayeeInfo>>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _) = self.0;
            __B((s0, s1, s2, __t::Set::new(value)), self.1)
        }
        /// Sets [`biz_scene`](FundTransUniTransferRequest::biz_scene).
        pub fn biz_scene(mut self, value: FundTransUniTransferBizScene) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`tip`](FundTransUniTransferRequest::tip).
        pub fn tip(mut self, value: ::alipay_core::Amount) -> Self {
            self.1.1 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`remark`](FundTransUniTransferRequest::remark).
        pub fn remark(mut self, value: impl Into<String>) -> Self {
            self.1.2 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> FundTransUniTransferRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<::alipay_core::Amount>,
            S2: __f::Required<FundTransUniTransferProductCode>,
            S3: __f::Required<FundTransUniTransferPayeeInfo>,
        {
            let ((s0, s1, s2, s3), (biz_scene, tip, remark)) = (self.0, self.1);
            FundTransUniTransferRequest {
                out_biz_no: __t::IsSet::into_value(s0),
                trans_amount: __t::IsSet::into_value(s1),
                product_code: __t::IsSet::into_value(s2),
                payee_info: __t::IsSet::into_value(s3),
                biz_scene,
                tip,
                remark,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `FundTransUniTransferResponse`; unknown values are kept."]
    pub enum FundTransUniTransferResponseStatus { #[doc = " `SUCCESS`"] Success =
    "SUCCESS", #[doc = " `FAIL`"] Fail = "FAIL", #[doc = " `DEALING`"] Dealing =
    "DEALING", #[doc = " `REFUND`"] Refund = "REFUND" }
);
/// The answer of `alipay.fund.trans.uni.transfer` (`alipay_fund_trans_uni_transfer_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct FundTransUniTransferResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `order_id` (string)
    pub order_id: ::std::option::Option<::std::string::String>,
    /// `status` (enum)
    pub status: ::std::option::Option<FundTransUniTransferResponseStatus>,
    /// `trans_date` (datetime)
    pub trans_date: ::std::option::Option<::alipay_core::DateTime>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read FundTransUniTransferResponse { code = "code", msg = "msg", sub_code =
    "sub_code", sub_msg = "sub_msg", order_id = "order_id", status = "status", trans_date
    = "trans_date" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.trans.uni.transfer`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum FundTransUniTransferErrorCode { #[doc =
    " `PAYEE_USER_INFO_ERROR`: 收款用户姓名或其它信息不匹配 (`fix_request`)"]
    PayeeUserInfoError = "PAYEE_USER_INFO_ERROR" => (FixRequest,
    "收款用户姓名或其它信息不匹配", "核对收款方信息") }
);
impl FundTransUniTransfer {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.trans.uni.transfer.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.trans.uni.transfer";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Transfer to an Alipay account (test fixture).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        FundTransUniTransferRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for FundTransUniTransferRequest {
    const METHOD: &'static str = "alipay.fund.trans.uni.transfer";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_trans_uni_transfer_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = FundTransUniTransferRequest::RULES;
    type Response = FundTransUniTransferResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        FundTransUniTransferErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for FundTransUniTransferRequest {}
