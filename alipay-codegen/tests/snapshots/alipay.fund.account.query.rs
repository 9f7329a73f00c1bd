/// `alipay.fund.account.query` (支付宝资金账户资产查询接口): Query the available and frozen balance of an Alipay account.
///
/// Official doc: <https://opendocs.alipay.com/apis/api_28/alipay.fund.account.query>. Called with `execute` (an HTTPS call to the gateway). Build it with [`AccountQueryRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Example `biz_content`:
/// ```json
/// {"alipay_user_id":"2088301409188095","account_type":"ACCTRANS_ACCOUNT"}
/// ```
#[doc(alias = "alipay.fund.account.query")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AccountQueryRequest {
    /// `alipay_user_id`: 支付宝会员 id。\
    /// type `user_id`; required; example `2088301409188095`. The account to query, usually the merchant's own (2088 + 12 digits).
    pub alipay_user_id: ::alipay_core::UserId,
    /// `account_type`: 查询的账号类型，查询余额账户值为ACCTRANS_ACCOUNT。必填。\
    /// type `string`; required; at most 64 characters; example `ACCTRANS_ACCOUNT`; not stated by the doc: max_len, len_unit.
    pub account_type: ::std::string::String,
}
/// Typestate markers of [`AccountQueryRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod account_query_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.account.query was not set";
        alipay_user_id, account_type
    );
}
/// Builder of [`AccountQueryRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.account.query` is set.
#[must_use = "call build() to get the value"]
pub struct AccountQueryRequestBuilder<
    S0 = account_query_fields::alipay_user_id,
    S1 = account_query_fields::account_type,
>(
    (S0, S1),
    (),
);
::alipay_core::__wire_struct!(
    AccountQueryRequest { alipay_user_id = "alipay_user_id", account_type =
    "account_type" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use account_query_fields as __f;
    use AccountQueryRequestBuilder as __B;
    impl AccountQueryRequest {
        ///The rules of `alipay.fund.account.query` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.account.query",
                &[
                    __F::new("alipay_user_id", __Ty::UserId).required(),
                    __F::new("account_type", __Ty::Text).required().max_chars(64),
                    __F::new("alipay_open_id", __Ty::Text).values(&[]),
                    __F::new("account_product_code", __Ty::Text).values(&[]),
                    __F::new("account_scene_code", __Ty::Text).values(&[]),
                    __F::new("merchant_user_id", __Ty::Text).values(&[]),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> AccountQueryRequestBuilder {
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
    impl<S0, S1> __B<S0, S1> {
        /// Sets [`alipay_user_id`](AccountQueryRequest::alipay_user_id).
        pub fn alipay_user_id(
            self,
            value: ::alipay_core::UserId,
        ) -> __B<__t::Set<__f::alipay_user_id, ::alipay_core::UserId>, S1>
        where
            S0: __t::IsUnset,
        {
            let (_, s1) = self.0;
            __B((__t::Set::new(value), s1), self.1)
        }
        /// Sets [`account_type`](AccountQueryRequest::account_type).
        pub fn account_type(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::account_type, String>>
        where
            S1: __t::IsUnset,
        {
            let (s0, _) = self.0;
            __B((s0, __t::Set::new(value.into())), self.1)
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> AccountQueryRequest
        where
            S0: __f::Required<::alipay_core::UserId>,
            S1: __f::Required<String>,
        {
            let ((s0, s1), ()) = (self.0, self.1);
            AccountQueryRequest {
                alipay_user_id: __t::IsSet::into_value(s0),
                account_type: __t::IsSet::into_value(s1),
            }
        }
    }
};
/// The answer of `alipay.fund.account.query` (`alipay_fund_account_query_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AccountQueryResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `available_amount` (amount): 账户可用余额，单位元，精确到小数点后两位。
    pub available_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `freeze_amount` (amount): 当前支付宝账户的实时冻结余额
    pub freeze_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `total_amount` (amount): 支付宝账户的余额总数，仅当查询日终余额明细时返回。单位：元
    pub total_amount: ::std::option::Option<::alipay_core::Amount>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read AccountQueryResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", available_amount = "available_amount", freeze_amount =
    "freeze_amount", total_amount = "total_amount" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.account.query`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum AccountQueryErrorCode { #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`retry_same`)"] #[doc = ""] #[doc =
    " A query changes nothing: repeating it is always safe. Not the page's verbatim text."]
    SystemError = "SYSTEM_ERROR" => (RetrySame, "系统繁忙",
    "稍后使用相同的参数重新查询") }
);
impl AccountQuery {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.account.query.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.account.query";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Query the available and frozen balance of an Alipay account.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        AccountQueryRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for AccountQueryRequest {
    const METHOD: &'static str = "alipay.fund.account.query";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_account_query_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = AccountQueryRequest::RULES;
    type Response = AccountQueryResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        AccountQueryErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for AccountQueryRequest {}
