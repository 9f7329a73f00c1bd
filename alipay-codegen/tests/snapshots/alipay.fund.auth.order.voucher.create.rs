::alipay_core::__wire_enum!(
    closed #[doc = " Values of `product_code` of `AuthOrderVoucherCreate`."] pub enum
    AuthOrderVoucherCreateProductCode { #[doc = " `PRE_AUTH`"] PreAuth = "PRE_AUTH" }
);
/// `alipay.fund.auth.order.voucher.create` (资金授权发码接口): Create a fund-authorisation (pre-auth freeze) QR code that the user scans to freeze funds.
///
/// Called with `execute` (an HTTPS call to the gateway). Build it with [`AuthOrderVoucherCreateRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `payee_user_id`, `payee_logon_id`: at least 1; when several are set, the first of payee_user_id > payee_logon_id wins; applies only when the merchant has the Huabei (花呗) payment channel enabled (checked by Alipay only).
/// - `payee_user_id` is required only in some cases (see the field).
/// - `payee_logon_id` is required only in some cases (see the field).
///
/// Example `biz_content`:
/// ```json
/// {"out_order_no":"8077735255938023","out_request_no":"8077735255938032","order_title":"预授权发码","amount":"100.00","pay_timeout":"2d","extra_param":"{\"merchantExt\":\"value\"}","product_code":"PRE_AUTH"}
/// ```
#[doc(alias = "alipay.fund.auth.order.voucher.create")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AuthOrderVoucherCreateRequest {
    /// `out_order_no`: 商户授权资金订单号,创建后不能修改,需要保证在商户端不重复。\
    /// type `string`; required; at most 64 characters; example `8077735255938023`. The newer Java SDK javadoc adds "仅支持字母、数字、下划线" (letters, digits, underscore only); not in the voucher.create doc page, so not enforced.
    pub out_order_no: ::std::string::String,
    /// `out_request_no`: 商户本次资金操作的请求流水号,用于标示请求流水的唯一性,需要保证在商户端不重复。\
    /// type `string`; required; at most 64 characters; example `8077735255938032`. The newer Java SDK javadoc adds "可与out_order_no相同,仅支持字母、数字、下划线"; the charset rule is not in the voucher.create doc page, so not enforced.
    pub out_request_no: ::std::string::String,
    /// `order_title`: 业务订单的简单描述,如商品名称等 长度不超过100个字母或50个汉字\
    /// type `string`; required; at most 100 GBK bytes (ASCII 1, 汉字 2); example `预授权发码`; not stated by the doc: len_unit.
    pub order_title: ::std::string::String,
    /// `amount`: 需要冻结的金额,单位为:元(人民币),精确到小数点后两位 取值范围:[0.01,100000000.00]\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `100.00`. The amount to freeze. The voucher.create doc page's example sends a JSON number; the SDK sends a string with exactly 2 decimals.
    pub amount: ::alipay_core::Amount,
    /// `payee_user_id`: 收款方的支付宝唯一用户号,以2088开头的16位纯数字组成,如果非空则会在支付时校验交易的的收款方与此是否一致,如果商户有勾选花呗渠道,收款方支付宝登录号(payee_logon_id)和用户号(payee_user_id)不能同时为空。\
    /// type `user_id`; required only in some cases; at most 32 characters; example `2088102000275795`. If given, Alipay checks at payment time that the payee matches. Wins over payee_logon_id when both are given.
    pub payee_user_id: ::std::option::Option<::alipay_core::UserId>,
    /// `payee_logon_id`: 收款方支付宝账号(Email或手机号),如果收款方支付宝登录号(payee_logon_id)和用户号(payee_user_id)同时传递,则以用户号(payee_user_id)为准,如果商户有勾选花呗渠道,收款方支付宝登录号(payee_logon_id)和用户号(payee_user_id)不能同时为空。\
    /// type `string`; required only in some cases; at most 100 characters; example `159****5620`; not stated by the doc: len_unit.
    pub payee_logon_id: ::std::option::Option<::std::string::String>,
    /// `pay_timeout`: 该笔订单允许的最晚付款时间,逾期将关闭该笔订单 取值范围:1m~15d。m-分钟,h-小时,d-天。 该参数数值不接受小数点, 如 1.5h,可转换为90m 如果为空,默认15m\
    /// type `pay_timeout`; optional; at most 5 characters; range 1m~15d; server default `15m` (never sent by the SDK); example `2d`. 1m~15d here, not 7d, and the default is 15m, not 1h. Both max_len and range apply: 21600m (= 15d) is in range but 6 characters, so it is rejected; write 15d. 360h passes.
    pub pay_timeout: ::std::option::Option<::alipay_core::PayTimeout>,
    /// `extra_param`: 业务扩展参数,用于商户的特定业务信息的传递,json格式\
    /// type `json`; optional; at most 300 characters; example `{"merchantExt":"value"}`. A string holding JSON text, so it is double-encoded inside biz_content. An object is expected (inferred). The newer Java SDK javadoc documents keys category / serviceId / creditExtInfo for credit pre-auth.
    pub extra_param: ::std::option::Option<::alipay_core::JsonObjectText>,
    /// `product_code`: 销售产品码,后续新接入预授权当面付的业务,本字段取值固定为PRE_AUTH。\
    /// type `enum`; optional; at most 32 characters; example `PRE_AUTH`. The voucher.create doc page fixes the value to PRE_AUTH for new integrations; older integrations may omit it.
    pub product_code: ::std::option::Option<AuthOrderVoucherCreateProductCode>,
}
/// Typestate markers of [`AuthOrderVoucherCreateRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod auth_order_voucher_create_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.auth.order.voucher.create was not set";
        out_order_no, out_request_no, order_title, amount
    );
}
/// Builder of [`AuthOrderVoucherCreateRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.auth.order.voucher.create` is set.
#[must_use = "call build() to get the value"]
pub struct AuthOrderVoucherCreateRequestBuilder<
    S0 = auth_order_voucher_create_fields::out_order_no,
    S1 = auth_order_voucher_create_fields::out_request_no,
    S2 = auth_order_voucher_create_fields::order_title,
    S3 = auth_order_voucher_create_fields::amount,
>(
    (S0, S1, S2, S3),
    (
        ::std::option::Option<::alipay_core::UserId>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::alipay_core::PayTimeout>,
        ::std::option::Option<::alipay_core::JsonObjectText>,
        ::std::option::Option<AuthOrderVoucherCreateProductCode>,
    ),
);
::alipay_core::__wire_struct!(
    AuthOrderVoucherCreateRequest { out_order_no = "out_order_no", out_request_no =
    "out_request_no", order_title = "order_title", amount = "amount", payee_user_id =
    "payee_user_id", payee_logon_id = "payee_logon_id", pay_timeout = "pay_timeout",
    extra_param = "extra_param", product_code = "product_code" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use auth_order_voucher_create_fields as __f;
    use AuthOrderVoucherCreateRequestBuilder as __B;
    impl AuthOrderVoucherCreateRequest {
        ///The rules of `alipay.fund.auth.order.voucher.create` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.auth.order.voucher.create",
                &[
                    __F::new("out_order_no", __Ty::Text).required().max_chars(64),
                    __F::new("out_request_no", __Ty::Text).required().max_chars(64),
                    __F::new("order_title", __Ty::Text).required().max_gbk(100),
                    __F::new("amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("payee_user_id", __Ty::UserId).max_chars(32),
                    __F::new("payee_logon_id", __Ty::Text).max_chars(100),
                    __F::new("pay_timeout", __Ty::PayTimeout)
                        .max_chars(5)
                        .minutes(1, 21600, "1m", "15d"),
                    __F::new("extra_param", __Ty::Json).max_chars(300),
                    __F::new("product_code", __Ty::Enum)
                        .max_chars(32)
                        .values(&["PRE_AUTH"]),
                    __F::new("business_params", __Ty::Json).values(&[]),
                    __F::new("deposit_product_mode", __Ty::Enum)
                        .values(&["POSTPAY", "POSTPAY_UNCERTAIN", "DEPOSIT_ONLY"]),
                    __F::new("disable_pay_channels", __Ty::Text).values(&[]),
                    __F::new("enable_pay_channels", __Ty::Text).values(&[]),
                    __F::new("identity_params", __Ty::Json).values(&[]),
                    __F::new("post_payments", __Ty::Json).values(&[]),
                    __F::new("settle_currency", __Ty::Text).values(&[]),
                    __F::new("timeout_express", __Ty::PayTimeout).values(&[]),
                    __F::new("trans_currency", __Ty::Text).values(&[]),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> AuthOrderVoucherCreateRequestBuilder {
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
    impl<S0, S1, S2, S3> __B<S0, S1, S2, S3> {
        /// Sets [`out_order_no`](AuthOrderVoucherCreateRequest::out_order_no).
        pub fn out_order_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_order_no, String>, S1, S2, S3>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3), self.1)
        }
        /// Sets [`out_request_no`](AuthOrderVoucherCreateRequest::out_request_no).
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
        /// Sets [`order_title`](AuthOrderVoucherCreateRequest::order_title).
        pub fn order_title(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::order_title, String>, S3>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3) = self.0;
            __B((s0, s1, __t::Set::new(value.into()), s3), self.1)
        }
        /// Sets [`amount`](AuthOrderVoucherCreateRequest::amount).
        pub fn amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, S1, S2, __t::Set<__f::amount, ::alipay_core::Amount>>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _) = self.0;
            __B((s0, s1, s2, __t::Set::new(value)), self.1)
        }
        /// Sets [`payee_user_id`](AuthOrderVoucherCreateRequest::payee_user_id).
        pub fn payee_user_id(mut self, value: ::alipay_core::UserId) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`payee_logon_id`](AuthOrderVoucherCreateRequest::payee_logon_id).
        pub fn payee_logon_id(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`pay_timeout`](AuthOrderVoucherCreateRequest::pay_timeout).
        pub fn pay_timeout(mut self, value: ::alipay_core::PayTimeout) -> Self {
            self.1.2 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`extra_param`](AuthOrderVoucherCreateRequest::extra_param).
        pub fn extra_param(mut self, value: ::alipay_core::JsonObjectText) -> Self {
            self.1.3 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`product_code`](AuthOrderVoucherCreateRequest::product_code).
        pub fn product_code(mut self, value: AuthOrderVoucherCreateProductCode) -> Self {
            self.1.4 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> AuthOrderVoucherCreateRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<String>,
            S2: __f::Required<String>,
            S3: __f::Required<::alipay_core::Amount>,
        {
            let (
                (s0, s1, s2, s3),
                (payee_user_id, payee_logon_id, pay_timeout, extra_param, product_code),
            ) = (self.0, self.1);
            AuthOrderVoucherCreateRequest {
                out_order_no: __t::IsSet::into_value(s0),
                out_request_no: __t::IsSet::into_value(s1),
                order_title: __t::IsSet::into_value(s2),
                amount: __t::IsSet::into_value(s3),
                payee_user_id,
                payee_logon_id,
                pay_timeout,
                extra_param,
                product_code,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc =
    " `code_type` of `AuthOrderVoucherCreateResponse`; unknown values are kept."] pub
    enum AuthOrderVoucherCreateResponseCodeType { #[doc = " `barCode`"] BarCode =
    "barCode", #[doc = " `qrCode`"] QrCode = "qrCode" }
);
/// The answer of `alipay.fund.auth.order.voucher.create` (`alipay_fund_auth_order_voucher_create_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AuthOrderVoucherCreateResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `out_order_no` (string): 商户的授权资金订单号
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户本次资金操作的请求流水号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `code_type` (enum): 码类型,分为 barCode:条形码 (一维码) 和 qrCode:二维码(qrCode) ; 目前发码只支持 qrCode\
    /// Only qrCode is issued today.
    pub code_type: ::std::option::Option<AuthOrderVoucherCreateResponseCodeType>,
    /// `code_value` (string): 当前发码请求生成的二维码码串,商户端可以利用二维码生成工具根据该码串值生成对应的二维码\
    /// The QR payload; render it as a QR code.
    pub code_value: ::std::option::Option<::std::string::String>,
    /// `code_url` (string): 生成的带有支付宝logo的二维码地址,如:http://mobilecodec.alipay.com/show.htm?code=aeparsv2dknkqf3018556a;商户端通过在末尾追加picSize来指定要显示的图片大小,如 显示1280大小的URL:http://mobilecodec.alipay.com/show.htm?code=aeparsv2dknkqf3018556a&picSize=1280;目前支持的大小有:256, 227, 270, 344, 430, 512, 570, 860, 1280, 1546;\
    /// URL of a QR image with the Alipay logo; append &picSize=N with N in {256, 227, 270, 344, 430, 512, 570, 860, 1280, 1546}.
    pub code_url: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read AuthOrderVoucherCreateResponse { code = "code", msg = "msg", sub_code =
    "sub_code", sub_msg = "sub_msg", out_order_no = "out_order_no", out_request_no =
    "out_request_no", code_type = "code_type", code_value = "code_value", code_url =
    "code_url" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.auth.order.voucher.create`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum AuthOrderVoucherCreateErrorCode { #[doc =
    " `ILLEGAL_ARGUMENT`: 预授权发码参数异常或参数缺失 (`fix_request`)"]
    IllegalArgument = "ILLEGAL_ARGUMENT" => (FixRequest,
    "预授权发码参数异常或参数缺失",
    "检查请求参数,修改后重新发起请求"), #[doc =
    " `UNIQUE_VIOLATION`: 授权失败,商户订单号重复,请收银员取消本笔订单并重新授权 (`new_out_order_no`)"]
    UniqueViolation = "UNIQUE_VIOLATION" => (NewOutOrderNo,
    "授权失败,商户订单号重复,请收银员取消本笔订单并重新授权",
    "更换商户的授权资金订单号后,重新发起请求"), #[doc =
    " `EXIST_FORBIDDEN_WORD`: 发码失败,订单信息中包含违禁词 (`fix_request`)"]
    ExistForbiddenWord = "EXIST_FORBIDDEN_WORD" => (FixRequest,
    "发码失败,订单信息中包含违禁词",
    "修改订单信息后,重新发起请求"), #[doc =
    " `ACCESS_FORBIDDEN`: 发码失败,本商户没有权限使用该产品 (`merchant_contract`)"]
    AccessForbidden = "ACCESS_FORBIDDEN" => (MerchantContract,
    "发码失败,本商户没有权限使用该产品",
    "看下商户签约合同是否已到期"), #[doc =
    " `PAYEE_NOT_EXIST`: 发码失败,收款方账号不存在 (`fix_request`)"]
    PayeeNotExist = "PAYEE_NOT_EXIST" => (FixRequest,
    "发码失败,收款方账号不存在",
    "确认该收款方账号是注册过的支付宝账号"), #[doc =
    " `PAYEE_USER_STATUS_LIMIT`: 发码失败,收款方账号异常 (`user_action`)"]
    #[doc = ""] #[doc = " The payee (seller) account must be upgraded/verified."]
    PayeeUserStatusLimit = "PAYEE_USER_STATUS_LIMIT" => (UserAction,
    "发码失败,收款方账号异常",
    "卖家支付宝账户受限,请登录支付宝认证升级,详情咨询95188"),
    #[doc =
    " `PAYER_USER_STATUS_LIMIT`: 授权失败,顾客账户暂时无法支付,建议顾客使用其他方式付款 (`user_action`)"]
    #[doc = ""] #[doc = " The payer (customer) account is restricted."]
    PayerUserStatusLimit = "PAYER_USER_STATUS_LIMIT" => (UserAction,
    "授权失败,顾客账户暂时无法支付,建议顾客使用其他方式付款",
    "买家支付宝账户受限,请登录支付宝认证升级,详情咨询95188"),
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
    #[doc = ""] #[doc =
    " Check whose freeze it is: if it is the current payer's, treat it as success; otherwise use a new out_order_no."]
    FreezeAlreadySuccess = "FREEZE_ALREADY_SUCCESS" => (QueryThenDecide,
    "授权失败,授权订单已经冻结成功,请勿重复授权",
    "确认该笔预授权信息是否为当前付款方的,如果是则认为授权成功,如果不是则更换商家授权资金订单号后,重新发起请求"),
    #[doc =
    " `ERROR_BALANCE_PAYMENT_DISABLE`: 授权失败,顾客余额支付功能开关关闭,请用户打开余额支付功能开关 (`user_action`)"]
    ErrorBalancePaymentDisable = "ERROR_BALANCE_PAYMENT_DISABLE" => (UserAction,
    "授权失败,顾客余额支付功能开关关闭,请用户打开余额支付功能开关",
    "用户打开余额支付开关后,再重新进行支付"), #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`query_then_decide`)"] #[doc = ""] #[doc =
    " Here: query the order first, then decide. disburse's SYSTEM_ERROR says retry with the same parameters."]
    SystemError = "SYSTEM_ERROR" => (QueryThenDecide, "系统繁忙",
    "请立即调用查询订单API,查询当前订单的状态,并根据订单状态决定下一步的操作"),
    #[doc =
    " `MONEY_NOT_ENOUGH`: 授权失败,顾客余额不足,建议顾客充值完成后再进行付款 (`user_action`)"]
    #[doc = ""] #[doc =
    " Here: the payer's balance is short. In disburse the same code means the amount exceeds the red packet's remainder."]
    MoneyNotEnough = "MONEY_NOT_ENOUGH" => (UserAction,
    "授权失败,顾客余额不足,建议顾客充值完成后再进行付款",
    "买家绑定新的银行卡或者支付宝余额有钱后再发起支付"), #[doc =
    " `NO_PAYMENT_INSTRUMENTS_AVAILABLE`: 授权失败,用户没用可用的支付工具 (`user_action`)"]
    NoPaymentInstrumentsAvailable = "NO_PAYMENT_INSTRUMENTS_AVAILABLE" => (UserAction,
    "授权失败,用户没用可用的支付工具",
    "请用户更换其它付款方式"), #[doc =
    " `PAYER_PAYEE_EQUAL`: 授权失败,收付款方信息不能相同 (`fix_request`)"]
    PayerPayeeEqual = "PAYER_PAYEE_EQUAL" => (FixRequest,
    "授权失败,收付款方信息不能相同",
    "请商家基于业务诉求更换付款方或收款方信息") }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " The `notify_type`s of `alipay.fund.auth.order.voucher.create`; unknown types are kept (the docs' own examples use others)."]
    pub enum AuthOrderVoucherCreateNotifyType { #[doc = " `fund_auth_freeze`"]
    FundAuthFreeze = "fund_auth_freeze", #[doc = " `fund_auth_freeze.closed`"]
    FundAuthFreezeClosed = "fund_auth_freeze.closed", #[doc = " `fund_auth_freeze.init`"]
    FundAuthFreezeInit = "fund_auth_freeze.init" }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " `operation_type` of `AuthOrderVoucherCreateNotify`; unknown values are kept."] pub
    enum AuthOrderVoucherCreateNotifyOperationType { #[doc = " `FREEZE`"] Freeze =
    "FREEZE", #[doc = " `UNFREEZE`"] Unfreeze = "UNFREEZE", #[doc = " `PAY`"] Pay = "PAY"
    }
);
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `AuthOrderVoucherCreateNotify`; unknown values are kept."]
    pub enum AuthOrderVoucherCreateNotifyStatus { #[doc = " `INIT`"] Init = "INIT", #[doc
    = " `SUCCESS`"] Success = "SUCCESS", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
/// A verified notification of `alipay.fund.auth.order.voucher.create`, typed: amounts, datetimes, numbers and enums are read into their types (a value that does not fit is an error of `from_notification`), texts are kept as sent, empty values are absent.
///
/// Sent to this call's notify_url when the user completes (or the order closes) the freeze. Common notify parameters: notify_type, notify_id, notify_time, sign_type, sign. All fields String and optional in the voucher.create doc page.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AuthOrderVoucherCreateNotify {
    /// `notify_type`.
    pub notify_type: ::std::option::Option<AuthOrderVoucherCreateNotifyType>,
    /// `notify_id`: the same id is resent until answered `success`.
    pub notify_id: ::std::option::Option<::std::string::String>,
    /// `notify_time` (Beijing time).
    pub notify_time: ::std::option::Option<::alipay_core::DateTime>,
    /// `app_id`.
    pub app_id: ::std::option::Option<::std::string::String>,
    /// `auth_no` (string): 支付宝资金授权订单号
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no` (string): 商户的资金授权订单号
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id` (string): 支付宝的资金操作流水号
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户资金操作流水号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `operation_type` (enum): 资金操作类型,支持【FREEZE:冻结操作,UNFREEZE:解冻操作,PAY:支付操作】
    pub operation_type: ::std::option::Option<AuthOrderVoucherCreateNotifyOperationType>,
    /// `amount` (amount): 本次操作金额
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 本次资金操作流水状态,支持【INIT:初始状态,SUCCESS:成功,CLOSED:关闭】
    pub status: ::std::option::Option<AuthOrderVoucherCreateNotifyStatus>,
    /// `gmt_create` (datetime): 操作创建时间
    pub gmt_create: ::std::option::Option<::alipay_core::DateTime>,
    /// `gmt_trans` (datetime): 操作处理完成时间
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// `payer_logon_id` (string): 付款方支付宝账号登录号\
    /// Masked with * (see the example).
    pub payer_logon_id: ::std::option::Option<::std::string::String>,
    /// `payer_user_id` (user_id): 付款方支付宝账号UID
    pub payer_user_id: ::std::option::Option<::std::string::String>,
    /// `payee_logon_id` (string): 收款方支付宝账号登录号\
    /// Masked with * (see the example).
    pub payee_logon_id: ::std::option::Option<::std::string::String>,
    /// `payee_user_id` (user_id): 收款方支付宝账号UID
    pub payee_user_id: ::std::option::Option<::std::string::String>,
    /// `total_freeze_amount` (amount): 累计冻结金额
    pub total_freeze_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `total_unfreeze_amount` (amount): 累计解冻金额
    pub total_unfreeze_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `total_pay_amount` (amount): 累计支付金额
    pub total_pay_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `rest_amount` (amount): 剩余冻结金额
    pub rest_amount: ::std::option::Option<::alipay_core::Amount>,
}
::alipay_core::__notify_struct!(
    AuthOrderVoucherCreateNotify, AuthOrderVoucherCreateNotifyType { auth_no = "auth_no",
    out_order_no = "out_order_no", operation_id = "operation_id", out_request_no =
    "out_request_no", operation_type = "operation_type", amount = "amount", status =
    "status", gmt_create = "gmt_create", gmt_trans = "gmt_trans", payer_logon_id =
    "payer_logon_id", payer_user_id = "payer_user_id", payee_logon_id = "payee_logon_id",
    payee_user_id = "payee_user_id", total_freeze_amount = "total_freeze_amount",
    total_unfreeze_amount = "total_unfreeze_amount", total_pay_amount =
    "total_pay_amount", rest_amount = "rest_amount" }
);
impl AuthOrderVoucherCreate {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.auth.order.voucher.create.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.auth.order.voucher.create";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Create a fund-authorisation (pre-auth freeze) QR code that the user scans to freeze funds.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        AuthOrderVoucherCreateRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for AuthOrderVoucherCreateRequest {
    const METHOD: &'static str = "alipay.fund.auth.order.voucher.create";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_auth_order_voucher_create_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = AuthOrderVoucherCreateRequest::RULES;
    type Response = AuthOrderVoucherCreateResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        AuthOrderVoucherCreateErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for AuthOrderVoucherCreateRequest {}
