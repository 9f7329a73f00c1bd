/// `alipay.fund.auth.order.unfreeze` (资金授权解冻接口): Unfreeze all or part of the funds a pre-authorisation froze.
///
/// Official doc: <https://opendocs.alipay.com/apis/api_28/alipay.fund.auth.order.unfreeze>. Called with `execute` (an HTTPS call to the gateway). Build it with [`AuthOrderUnfreezeRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `amount_within_rest` (checked by Alipay): The amount cannot exceed what is still frozen (the order's rest_amount, see alipay.fund.auth.operation.detail.query); only Alipay knows it.
///
/// Example `biz_content`:
/// ```json
/// {"auth_no":"2014070800002001550000014417","out_request_no":"8077735255938032","amount":"0.01","remark":"2015年4月15日以后的入场费解冻","extra_param":"{\"unfreezeBizInfo\":\"{\\\"bizComplete\\\":\\\"true\\\"}\"}"}
/// ```
#[doc(alias = "alipay.fund.auth.order.unfreeze")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AuthOrderUnfreezeRequest {
    /// `auth_no`: 支付宝资金授权订单号。\
    /// type `string`; required; at most 64 characters; example `2014070800002001550000014417`.
    pub auth_no: ::std::string::String,
    /// `out_request_no`: 解冻请求流水号。 如果是针对同一笔授权单不同的解冻请求，如第一次解冻1元，第二次解冻2元，则解冻请求流水号必须不重复； 如果是针对同一笔解冻请求的多次发起，则需要保证每次发起，解冻请求流水号和解冻金额都相同\
    /// type `string`; required; at most 64 characters; example `8077735255938032`. The idempotency key of the unfreeze: re-sending the same out_request_no with the same amount unfreezes once.
    pub out_request_no: ::std::string::String,
    /// `amount`: 本次操作解冻的金额，单位为：元（人民币），精确到小数点后两位。 取值范围：[0.01,100000000.00]\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `0.01`.
    pub amount: ::alipay_core::Amount,
    /// `remark`: 商户对本次解冻操作的附言描述\
    /// type `string`; required; at most 100 GBK bytes (ASCII 1, 汉字 2); example `2015年4月15日以后的入场费解冻`; not stated by the doc: len_unit.
    pub remark: ::std::string::String,
    /// `extra_param`: 解冻扩展信息。map<string, string>的json格式，目前支持如下key： unfreezeBizInfo：由芝麻消费，当前支持value如下： "bizComplete":"true"——标识本次解冻用户已履约，true表示信用单履约完结\
    /// type `json`; optional; example `{"unfreezeBizInfo":"{\"bizComplete\":\"true\"}"}`.
    pub extra_param: ::std::option::Option<::alipay_core::JsonObjectText>,
}
/// Typestate markers of [`AuthOrderUnfreezeRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod auth_order_unfreeze_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.auth.order.unfreeze was not set";
        auth_no, out_request_no, amount, remark
    );
}
/// Builder of [`AuthOrderUnfreezeRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.auth.order.unfreeze` is set.
#[must_use = "call build() to get the value"]
pub struct AuthOrderUnfreezeRequestBuilder<
    S0 = auth_order_unfreeze_fields::auth_no,
    S1 = auth_order_unfreeze_fields::out_request_no,
    S2 = auth_order_unfreeze_fields::amount,
    S3 = auth_order_unfreeze_fields::remark,
>(
    (S0, S1, S2, S3),
    (::std::option::Option<::alipay_core::JsonObjectText>,),
);
::alipay_core::__wire_struct!(
    AuthOrderUnfreezeRequest { auth_no = "auth_no", out_request_no = "out_request_no",
    amount = "amount", remark = "remark", extra_param = "extra_param" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use auth_order_unfreeze_fields as __f;
    use AuthOrderUnfreezeRequestBuilder as __B;
    impl AuthOrderUnfreezeRequest {
        ///The rules of `alipay.fund.auth.order.unfreeze` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.auth.order.unfreeze",
                &[
                    __F::new("auth_no", __Ty::Text).required().max_chars(64),
                    __F::new("out_request_no", __Ty::Text).required().max_chars(64),
                    __F::new("amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("remark", __Ty::Text).required().max_gbk(100),
                    __F::new("extra_param", __Ty::Json),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> AuthOrderUnfreezeRequestBuilder {
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
        /// Sets [`auth_no`](AuthOrderUnfreezeRequest::auth_no).
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
        /// Sets [`out_request_no`](AuthOrderUnfreezeRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::out_request_no, String>, S2, S3>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3) = self.0;
            __B((s0, __t::Set::new(value.into()), s2, s3), self.1)
        }
        /// Sets [`amount`](AuthOrderUnfreezeRequest::amount).
        pub fn amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, S1, __t::Set<__f::amount, ::alipay_core::Amount>, S3>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3) = self.0;
            __B((s0, s1, __t::Set::new(value), s3), self.1)
        }
        /// Sets [`remark`](AuthOrderUnfreezeRequest::remark).
        pub fn remark(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, __t::Set<__f::remark, String>>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _) = self.0;
            __B((s0, s1, s2, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`extra_param`](AuthOrderUnfreezeRequest::extra_param).
        pub fn extra_param(mut self, value: ::alipay_core::JsonObjectText) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> AuthOrderUnfreezeRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<String>,
            S2: __f::Required<::alipay_core::Amount>,
            S3: __f::Required<String>,
        {
            let ((s0, s1, s2, s3), (extra_param,)) = (self.0, self.1);
            AuthOrderUnfreezeRequest {
                auth_no: __t::IsSet::into_value(s0),
                out_request_no: __t::IsSet::into_value(s1),
                amount: __t::IsSet::into_value(s2),
                remark: __t::IsSet::into_value(s3),
                extra_param,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `AuthOrderUnfreezeResponse`; unknown values are kept."]
    pub enum AuthOrderUnfreezeResponseStatus { #[doc = " `SUCCESS`"] Success = "SUCCESS"
    }
);
/// The answer of `alipay.fund.auth.order.unfreeze` (`alipay_fund_auth_order_unfreeze_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AuthOrderUnfreezeResponse {
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
    /// `operation_id` (string): 支付宝资金操作流水号
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户本次资金操作的请求流水号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `amount` (amount): 本次操作解冻的金额，单位为：元（人民币），精确到小数点后两位，取值范围：[0.01,100000000.00]
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 资金操作流水的状态 目前支持：SUCCESS：成功
    pub status: ::std::option::Option<AuthOrderUnfreezeResponseStatus>,
    /// `gmt_trans` (datetime): 授权资金解冻成功时间，格式：YYYY-MM-DD HH:MM:SS
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// `credit_amount` (amount): 本次解冻操作中信用解冻金额，单位为：元（人民币），精确到小数点后两位
    pub credit_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `fund_amount` (amount): 本次解冻操作中自有资金解冻金额，单位为：元（人民币），精确到小数点后两位
    pub fund_amount: ::std::option::Option<::alipay_core::Amount>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read AuthOrderUnfreezeResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", auth_no = "auth_no", out_order_no = "out_order_no", operation_id
    = "operation_id", out_request_no = "out_request_no", amount = "amount", status =
    "status", gmt_trans = "gmt_trans", credit_amount = "credit_amount", fund_amount =
    "fund_amount" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.auth.order.unfreeze`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum AuthOrderUnfreezeErrorCode { #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`retry_same`)"] #[doc = ""] #[doc =
    " Safe to repeat: the same out_request_no with the same amount unfreezes once (javadoc of out_request_no). Not the page's verbatim text."]
    SystemError = "SYSTEM_ERROR" => (RetrySame, "系统繁忙",
    "使用相同的out_request_no和金额重新发起解冻"), #[doc =
    " `ILLEGAL_ARGUMENT`: 参数异常或参数缺失 (`fix_request`)"] #[doc = ""] #[doc
    =
    " Restated from the ILLEGAL_ARGUMENT of alipay.fund.auth.order.voucher.create (same product)."]
    IllegalArgument = "ILLEGAL_ARGUMENT" => (FixRequest, "参数异常或参数缺失",
    "检查请求参数,修改后重新发起请求"), #[doc =
    " `ORDER_ALREADY_FINISH`: 授权失败,本笔授权订单已经完结,无法再进行资金操作 (`fix_request`)"]
    #[doc = ""] #[doc =
    " Nothing is frozen any more: the order was fully paid or unfrozen."]
    OrderAlreadyFinish = "ORDER_ALREADY_FINISH" => (FixRequest,
    "授权失败,本笔授权订单已经完结,无法再进行资金操作",
    "更换商家授权资金订单号后,重新发起请求"), #[doc =
    " `ORDER_ALREADY_CLOSED`: 授权失败,本笔授权订单已关闭 (`fix_request`)"]
    #[doc = ""] #[doc = " The order is closed: nothing left to unfreeze."]
    OrderAlreadyClosed = "ORDER_ALREADY_CLOSED" => (FixRequest,
    "授权失败,本笔授权订单已关闭",
    "更换商户授权资金订单号后,重新发起请求") }
);
impl AuthOrderUnfreeze {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.auth.order.unfreeze.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.auth.order.unfreeze";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Unfreeze all or part of the funds a pre-authorisation froze.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        AuthOrderUnfreezeRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for AuthOrderUnfreezeRequest {
    const METHOD: &'static str = "alipay.fund.auth.order.unfreeze";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_auth_order_unfreeze_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = AuthOrderUnfreezeRequest::RULES;
    type Response = AuthOrderUnfreezeResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        AuthOrderUnfreezeErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for AuthOrderUnfreezeRequest {}
