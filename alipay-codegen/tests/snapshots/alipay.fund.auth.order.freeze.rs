::alipay_core::__wire_enum!(
    closed #[doc = " Values of `auth_code_type` of `AuthOrderFreeze`."] pub enum
    AuthOrderFreezeAuthCodeType { #[doc = " `bar_code`"] BarCode = "bar_code", #[doc =
    " `security_code`"] SecurityCode = "security_code" }
);
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `product_code` of `AuthOrderFreeze`."] pub enum
    AuthOrderFreezeProductCode { #[doc = " `PRE_AUTH`"] PreAuth = "PRE_AUTH", #[doc =
    " `PRE_AUTH_ONLINE`"] PreAuthOnline = "PRE_AUTH_ONLINE" }
);
/// `alipay.fund.auth.order.freeze` (资金预授权冻结接口): Freeze funds of a user who shows their payment code (barcode pre-authorisation).
///
/// Official doc: <https://opendocs.alipay.com/apis/api_28/alipay.fund.auth.order.freeze>. Called with `execute` (an HTTPS call to the gateway). Build it with [`AuthOrderFreezeRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `payee_user_id`, `payee_logon_id`: at least 1; when several are set, the first of payee_user_id > payee_logon_id wins; applies only when the merchant wants the user to be able to pay with Huabei (花呗) (checked by Alipay only).
/// - `payee_user_id` is required only in some cases (see the field).
/// - `payee_logon_id` is required only in some cases (see the field).
/// - `same_request_same_answer` (advice): A repeated freeze with the same out_order_no and out_request_no is the same operation; when its outcome is unknown (SYSTEM_ERROR, a timeout), query it with alipay.fund.auth.operation.detail.query and, if still unknown, cancel it with alipay.fund.auth.operation.cancel.
///
/// Example `biz_content`:
/// ```json
/// {"auth_code":"28763443825664394","auth_code_type":"bar_code","out_order_no":"8077735255938023","out_request_no":"8077735255938032","order_title":"预授权冻结","amount":"0.01","pay_timeout":"2d","extra_param":"{\"category\":\"RENT_PHONE\",\"serviceId\":\"2020042800000000000001450466\"}","product_code":"PRE_AUTH","scene_code":"HOTEL"}
/// ```
#[doc(alias = "alipay.fund.auth.order.freeze")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AuthOrderFreezeRequest {
    /// `auth_code`: 用户付款码。 1.条码场景：25~30开头的长度为16~24位的数字，实际字符串长度以开发者获取的付款码长度为准； 2.刷脸场景： 1）fp开头的35位字符串； 2）300-700字符的随机字符串； 注：刷脸场景考虑到未来可能拓展更多格式，建议外围不必做规则拦截，由支付宝统一做有效性校验\
    /// type `string`; required; at most 700 characters; example `28763443825664394`. No pattern: the javadoc asks callers not to check the code's format (Alipay checks it).
    pub auth_code: ::std::string::String,
    /// `auth_code_type`: 付款码类型。 1.条码场景：bar_code 2.刷脸场景：security_code\
    /// type `enum`; required; example `bar_code`.
    pub auth_code_type: AuthOrderFreezeAuthCodeType,
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
    /// `product_code`: 销售产品码。 当面资金预授权固定为 PRE_AUTH\
    /// type `enum`; optional; example `PRE_AUTH`. PRE_AUTH for in-store (barcode) pre-auth; PRE_AUTH_ONLINE is accepted by the doc page for online pre-auth products.
    pub product_code: ::std::option::Option<AuthOrderFreezeProductCode>,
    /// `scene_code`: 场景码。 刷脸场景下传入HOTEL，其他情况下无需传入\
    /// type `string`; optional; at most 64 characters; example `HOTEL`; not stated by the doc: max_len, len_unit.
    pub scene_code: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`AuthOrderFreezeRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod auth_order_freeze_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.auth.order.freeze was not set";
        auth_code, auth_code_type, out_order_no, out_request_no, order_title, amount
    );
}
/// Builder of [`AuthOrderFreezeRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.auth.order.freeze` is set.
#[must_use = "call build() to get the value"]
pub struct AuthOrderFreezeRequestBuilder<
    S0 = auth_order_freeze_fields::auth_code,
    S1 = auth_order_freeze_fields::auth_code_type,
    S2 = auth_order_freeze_fields::out_order_no,
    S3 = auth_order_freeze_fields::out_request_no,
    S4 = auth_order_freeze_fields::order_title,
    S5 = auth_order_freeze_fields::amount,
>(
    (S0, S1, S2, S3, S4, S5),
    (
        ::std::option::Option<::alipay_core::UserId>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::alipay_core::PayTimeout>,
        ::std::option::Option<::alipay_core::JsonObjectText>,
        ::std::option::Option<AuthOrderFreezeProductCode>,
        ::std::option::Option<::std::string::String>,
    ),
);
::alipay_core::__wire_struct!(
    AuthOrderFreezeRequest { auth_code = "auth_code", auth_code_type = "auth_code_type",
    out_order_no = "out_order_no", out_request_no = "out_request_no", order_title =
    "order_title", amount = "amount", payee_user_id = "payee_user_id", payee_logon_id =
    "payee_logon_id", pay_timeout = "pay_timeout", extra_param = "extra_param",
    product_code = "product_code", scene_code = "scene_code" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use auth_order_freeze_fields as __f;
    use AuthOrderFreezeRequestBuilder as __B;
    impl AuthOrderFreezeRequest {
        ///The rules of `alipay.fund.auth.order.freeze` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.auth.order.freeze",
                &[
                    __F::new("auth_code", __Ty::Text).required().max_chars(700),
                    __F::new("auth_code_type", __Ty::Enum)
                        .required()
                        .values(&["bar_code", "security_code"]),
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
                        .values(&["PRE_AUTH", "PRE_AUTH_ONLINE"]),
                    __F::new("scene_code", __Ty::Text).max_chars(64),
                    __F::new("business_params", __Ty::Json).values(&[]),
                    __F::new("terminal_params", __Ty::Json).values(&[]),
                    __F::new("trans_currency", __Ty::Text).values(&[]),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> AuthOrderFreezeRequestBuilder {
            __B(
                __f::START,
                (
                    ::std::option::Option::None,
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
    impl<S0, S1, S2, S3, S4, S5> __B<S0, S1, S2, S3, S4, S5> {
        /// Sets [`auth_code`](AuthOrderFreezeRequest::auth_code).
        pub fn auth_code(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::auth_code, String>, S1, S2, S3, S4, S5>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3, s4, s5) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3, s4, s5), self.1)
        }
        /// Sets [`auth_code_type`](AuthOrderFreezeRequest::auth_code_type).
        pub fn auth_code_type(
            self,
            value: AuthOrderFreezeAuthCodeType,
        ) -> __B<
            S0,
            __t::Set<__f::auth_code_type, AuthOrderFreezeAuthCodeType>,
            S2,
            S3,
            S4,
            S5,
        >
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3, s4, s5) = self.0;
            __B((s0, __t::Set::new(value), s2, s3, s4, s5), self.1)
        }
        /// Sets [`out_order_no`](AuthOrderFreezeRequest::out_order_no).
        pub fn out_order_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::out_order_no, String>, S3, S4, S5>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3, s4, s5) = self.0;
            __B((s0, s1, __t::Set::new(value.into()), s3, s4, s5), self.1)
        }
        /// Sets [`out_request_no`](AuthOrderFreezeRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, __t::Set<__f::out_request_no, String>, S4, S5>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _, s4, s5) = self.0;
            __B((s0, s1, s2, __t::Set::new(value.into()), s4, s5), self.1)
        }
        /// Sets [`order_title`](AuthOrderFreezeRequest::order_title).
        pub fn order_title(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, S3, __t::Set<__f::order_title, String>, S5>
        where
            S4: __t::IsUnset,
        {
            let (s0, s1, s2, s3, _, s5) = self.0;
            __B((s0, s1, s2, s3, __t::Set::new(value.into()), s5), self.1)
        }
        /// Sets [`amount`](AuthOrderFreezeRequest::amount).
        pub fn amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, S1, S2, S3, S4, __t::Set<__f::amount, ::alipay_core::Amount>>
        where
            S5: __t::IsUnset,
        {
            let (s0, s1, s2, s3, s4, _) = self.0;
            __B((s0, s1, s2, s3, s4, __t::Set::new(value)), self.1)
        }
        /// Sets [`payee_user_id`](AuthOrderFreezeRequest::payee_user_id).
        pub fn payee_user_id(mut self, value: ::alipay_core::UserId) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`payee_logon_id`](AuthOrderFreezeRequest::payee_logon_id).
        pub fn payee_logon_id(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`pay_timeout`](AuthOrderFreezeRequest::pay_timeout).
        pub fn pay_timeout(mut self, value: ::alipay_core::PayTimeout) -> Self {
            self.1.2 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`extra_param`](AuthOrderFreezeRequest::extra_param).
        pub fn extra_param(mut self, value: ::alipay_core::JsonObjectText) -> Self {
            self.1.3 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`product_code`](AuthOrderFreezeRequest::product_code).
        pub fn product_code(mut self, value: AuthOrderFreezeProductCode) -> Self {
            self.1.4 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`scene_code`](AuthOrderFreezeRequest::scene_code).
        pub fn scene_code(mut self, value: impl Into<String>) -> Self {
            self.1.5 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> AuthOrderFreezeRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<AuthOrderFreezeAuthCodeType>,
            S2: __f::Required<String>,
            S3: __f::Required<String>,
            S4: __f::Required<String>,
            S5: __f::Required<::alipay_core::Amount>,
        {
            let (
                (s0, s1, s2, s3, s4, s5),
                (
                    payee_user_id,
                    payee_logon_id,
                    pay_timeout,
                    extra_param,
                    product_code,
                    scene_code,
                ),
            ) = (self.0, self.1);
            AuthOrderFreezeRequest {
                auth_code: __t::IsSet::into_value(s0),
                auth_code_type: __t::IsSet::into_value(s1),
                out_order_no: __t::IsSet::into_value(s2),
                out_request_no: __t::IsSet::into_value(s3),
                order_title: __t::IsSet::into_value(s4),
                amount: __t::IsSet::into_value(s5),
                payee_user_id,
                payee_logon_id,
                pay_timeout,
                extra_param,
                product_code,
                scene_code,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `AuthOrderFreezeResponse`; unknown values are kept."] pub
    enum AuthOrderFreezeResponseStatus { #[doc = " `INIT`"] Init = "INIT", #[doc =
    " `SUCCESS`"] Success = "SUCCESS", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
/// The answer of `alipay.fund.auth.order.freeze` (`alipay_fund_auth_order_freeze_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AuthOrderFreezeResponse {
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
    /// `out_order_no` (string): 商户的授权资金订单号
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string): 支付宝的资金操作流水号
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户本次资金操作的请求流水号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `amount` (amount): 本次操作冻结的金额，单位为：元（人民币），精确到小数点后两位
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 资金预授权明细的状态 目前支持：   INIT：初始 SUCCESS: 成功 CLOSED：关闭\
    /// INIT: the user has not confirmed yet (e.g. a password is asked on the phone); query until SUCCESS or CLOSED.
    pub status: ::std::option::Option<AuthOrderFreezeResponseStatus>,
    /// `gmt_trans` (datetime): 资金授权成功时间 格式：YYYY-MM-DD HH:MM:SS
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// `payer_user_id` (string): 付款方支付宝用户号
    pub payer_user_id: ::std::option::Option<::std::string::String>,
    /// `payer_logon_id` (string): 付款方支付宝账号（Email或手机号）
    pub payer_logon_id: ::std::option::Option<::std::string::String>,
    /// `payer_open_id` (string): 支付宝openId，用户（userId）在应用（appId）下的唯一用户标识。
    pub payer_open_id: ::std::option::Option<::std::string::String>,
    /// `pre_auth_type` (string): 预授权类型，目前支持 CREDIT_AUTH(信用预授权); 商户可根据该标识来判断该笔预授权的类型，当返回值为"CREDIT_AUTH"表明该笔预授权为信用预授权，没有真实冻结资金；当返回值为空或者不为"CREDIT_AUTH"则表明该笔预授权为普通资金预授权，会冻结用户资金。
    pub pre_auth_type: ::std::option::Option<::std::string::String>,
    /// `credit_amount` (amount): 本次冻结操作中信用冻结金额，单位为：元（人民币），精确到小数点后两位
    pub credit_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `fund_amount` (amount): 本次冻结操作中自有资金冻结金额，单位为：元（人民币），精确到小数点后两位
    pub fund_amount: ::std::option::Option<::alipay_core::Amount>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read AuthOrderFreezeResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", auth_no = "auth_no", out_order_no = "out_order_no", operation_id
    = "operation_id", out_request_no = "out_request_no", amount = "amount", status =
    "status", gmt_trans = "gmt_trans", payer_user_id = "payer_user_id", payer_logon_id =
    "payer_logon_id", payer_open_id = "payer_open_id", pre_auth_type = "pre_auth_type",
    credit_amount = "credit_amount", fund_amount = "fund_amount" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.auth.order.freeze`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum AuthOrderFreezeErrorCode { #[doc =
    " `ILLEGAL_ARGUMENT`: 预授权发码参数异常或参数缺失 (`fix_request`)"]
    IllegalArgument = "ILLEGAL_ARGUMENT" => (FixRequest,
    "预授权发码参数异常或参数缺失",
    "检查请求参数,修改后重新发起请求"), #[doc =
    " `UNIQUE_VIOLATION`: 授权失败,商户订单号重复,请收银员取消本笔订单并重新授权 (`new_out_order_no`)"]
    UniqueViolation = "UNIQUE_VIOLATION" => (NewOutOrderNo,
    "授权失败,商户订单号重复,请收银员取消本笔订单并重新授权",
    "更换商户的授权资金订单号后,重新发起请求"), #[doc =
    " `PAYER_USER_STATUS_LIMIT`: 授权失败,顾客账户暂时无法支付,建议顾客使用其他方式付款 (`user_action`)"]
    PayerUserStatusLimit = "PAYER_USER_STATUS_LIMIT" => (UserAction,
    "授权失败,顾客账户暂时无法支付,建议顾客使用其他方式付款",
    "买家支付宝账户受限,请登录支付宝认证升级,详情咨询95188"),
    #[doc =
    " `PAYEE_USER_STATUS_LIMIT`: 发码失败,收款方账号异常 (`user_action`)"]
    PayeeUserStatusLimit = "PAYEE_USER_STATUS_LIMIT" => (UserAction,
    "发码失败,收款方账号异常",
    "卖家支付宝账户受限,请登录支付宝认证升级,详情咨询95188"),
    #[doc =
    " `ORDER_ALREADY_FINISH`: 授权失败,本笔授权订单已经完结,无法再进行资金操作 (`new_out_order_no`)"]
    OrderAlreadyFinish = "ORDER_ALREADY_FINISH" => (NewOutOrderNo,
    "授权失败,本笔授权订单已经完结,无法再进行资金操作",
    "更换商家授权资金订单号后,重新发起请求"), #[doc =
    " `ORDER_ALREADY_CLOSED`: 授权失败,本笔授权订单已关闭 (`new_out_order_no`)"]
    OrderAlreadyClosed = "ORDER_ALREADY_CLOSED" => (NewOutOrderNo,
    "授权失败,本笔授权订单已关闭",
    "更换商户授权资金订单号后,重新发起请求"), #[doc =
    " `FREEZE_ALREADY_SUCCESS`: 授权失败,授权订单已经冻结成功,请勿重复授权 (`query_then_decide`)"]
    FreezeAlreadySuccess = "FREEZE_ALREADY_SUCCESS" => (QueryThenDecide,
    "授权失败,授权订单已经冻结成功,请勿重复授权",
    "确认该笔预授权信息是否为当前付款方的,如果是则认为授权成功,如果不是则更换商家授权资金订单号后,重新发起请求"),
    #[doc =
    " `MONEY_NOT_ENOUGH`: 授权失败,顾客余额不足,建议顾客充值完成后再进行付款 (`user_action`)"]
    MoneyNotEnough = "MONEY_NOT_ENOUGH" => (UserAction,
    "授权失败,顾客余额不足,建议顾客充值完成后再进行付款",
    "买家绑定新的银行卡或者支付宝余额有钱后再发起支付"), #[doc =
    " `ERROR_BALANCE_PAYMENT_DISABLE`: 授权失败,顾客余额支付功能开关关闭,请用户打开余额支付功能开关 (`user_action`)"]
    ErrorBalancePaymentDisable = "ERROR_BALANCE_PAYMENT_DISABLE" => (UserAction,
    "授权失败,顾客余额支付功能开关关闭,请用户打开余额支付功能开关",
    "用户打开余额支付开关后,再重新进行支付"), #[doc =
    " `PAYER_PAYEE_EQUAL`: 授权失败,收付款方信息不能相同 (`fix_request`)"]
    PayerPayeeEqual = "PAYER_PAYEE_EQUAL" => (FixRequest,
    "授权失败,收付款方信息不能相同",
    "请商家基于业务诉求更换付款方或收款方信息"), #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`query_then_decide`)"] #[doc = ""] #[doc =
    " Query with alipay.fund.auth.operation.detail.query (same out_order_no / out_request_no), then decide."]
    SystemError = "SYSTEM_ERROR" => (QueryThenDecide, "系统繁忙",
    "请立即调用查询订单API,查询当前订单的状态,并根据订单状态决定下一步的操作")
    }
);
impl AuthOrderFreeze {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.auth.order.freeze.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.auth.order.freeze";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Freeze funds of a user who shows their payment code (barcode pre-authorisation).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        AuthOrderFreezeRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for AuthOrderFreezeRequest {
    const METHOD: &'static str = "alipay.fund.auth.order.freeze";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_auth_order_freeze_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = AuthOrderFreezeRequest::RULES;
    type Response = AuthOrderFreezeResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        AuthOrderFreezeErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for AuthOrderFreezeRequest {}
