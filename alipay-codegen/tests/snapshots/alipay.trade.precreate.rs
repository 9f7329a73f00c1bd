::alipay_core::__wire_enum!(
    closed #[doc = " Values of `product_code` of `Precreate`."] pub enum
    PrecreateProductCode { #[doc = " `FACE_TO_FACE_PAYMENT`"] FaceToFacePayment =
    "FACE_TO_FACE_PAYMENT" }
);
/// `alipay.trade.precreate` (统一收单线下交易预创建): Create an order and get the QR code the buyer scans to pay it.
///
/// Official doc: <https://docs.open.alipay.com/api_1/alipay.trade.precreate>. Called with `execute` (an HTTPS call to the gateway). Build it with [`PrecreateRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `qr_code_valid_2h` (advice): The QR code is valid at most 2 hours whatever the timeout ("二维码最长有效期是2小时"); the trade itself lives until its timeout.
/// - `not_queryable_before_scan` (advice): Until a buyer scans the code, alipay.trade.query answers ACQ.TRADE_NOT_EXIST: keep polling (or wait for the notification) until the timeout, then close or cancel.
/// - `no_special_chars_in_subject` (advice): subject: "不可使用特殊字符，如 /，=，& 等" — advisory; the client does not reject these characters.
/// - `time_expire_window` (checked by Alipay): time_expire must lie 1m~15d after the moment the server receives the call ("超时时间范围：1m~15d"); time_expire wins over timeout_express when both are sent. The client cannot know the server's clock: not checked.
/// - `amounts_add_up` (checked by Alipay): When total_amount, discountable_amount and undiscountable_amount are all sent: total_amount = discountable_amount + undiscountable_amount ("【订单总金额】=【可打折金额】+【不可打折金额】"). Checked by the server.
/// - `unique_out_trade_no` (advice): out_trade_no must be unique per merchant; the same out_trade_no with different content is refused (ACQ.CONTEXT_INCONSISTENT), a closed one needs a new number (ACQ.TRADE_HAS_CLOSE).
///
/// Example `biz_content`:
/// ```json
/// {"out_trade_no":"20150320010101001","total_amount":"88.88","subject":"Iphone6 16G","product_code":"FACE_TO_FACE_PAYMENT","seller_id":"2088102146225135","discountable_amount":"80.00","undiscountable_amount":"8.88","body":"Iphone6 16G","operator_id":"yx_001","store_id":"NJ_001","terminal_id":"NJ_T_001","time_expire":"2016-12-31 10:05:01","timeout_express":"90m","passback_params":"merchantBizType%3d3C%26merchantBizNo%3d2016010101111"}
/// ```
#[doc(alias = "alipay.trade.precreate")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PrecreateRequest {
    /// `out_trade_no`: 商户订单号。 由商家自定义，64个字符以内，仅支持字母、数字、下划线且需保证在商户端不重复。\
    /// type `string`; required; at most 64 characters; pattern `^[A-Za-z0-9_]+$`; example `20150320010101001`. Unique per merchant (server-side). Reusing one with different content is refused (ACQ.CONTEXT_INCONSISTENT).
    pub out_trade_no: ::std::string::String,
    /// `total_amount`: 订单总金额。 单位为元，精确到小数点后两位，取值范围：[0.01,100000000] 。\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `88.88`. Sent as a string with exactly 2 decimals; never a float.
    pub total_amount: ::alipay_core::Amount,
    /// `subject`: 订单标题。 注意：不可使用特殊字符，如 /，=，& 等。\
    /// type `string`; required; at most 256 characters; example `Iphone6 16G`; not stated by the doc: len_unit. The special-character remark is advisory (rule no_special_chars_in_subject); not rejected client-side.
    pub subject: ::std::string::String,
    /// `product_code`: 产品码。 商家和支付宝签约的产品码。 枚举值（点击查看签约情况）： FACE_TO_FACE_PAYMENT：当面付产品； 默认值为FACE_TO_FACE_PAYMENT。\
    /// type `enum`; optional; server default `FACE_TO_FACE_PAYMENT` (never sent by the SDK); example `FACE_TO_FACE_PAYMENT`.
    pub product_code: ::std::option::Option<PrecreateProductCode>,
    /// `seller_id`: 卖家支付宝用户ID。 当需要指定收款账号时，通过该参数传入，如果该值为空，则默认为商户签约账号对应的支付宝用户ID。 收款账号优先级规则：门店绑定的收款账户>请求传入的seller_id>商户签约账号对应的支付宝用户ID； 注：直付通和机构间联场景下seller_id无需传入或者保持跟pid一致； 如果传入的seller_id与pid不一致，需要联系支付宝小二配置收款关系；\
    /// type `user_id`; optional; example `2088102146225135`.
    pub seller_id: ::std::option::Option<::alipay_core::UserId>,
    /// `discountable_amount`: 可打折金额。 参与优惠计算的金额，单位为元，精确到小数点后两位，取值范围[0.01,100000000]。  如果同时传入了【可打折金额】、【不可打折金额】和【订单总金额】，则必须满足如下条件：【订单总金额】=【可打折金额】+【不可打折金额】。 如果订单金额全部参与优惠计算，则【可打折金额】和【不可打折金额】都无需传入。\
    /// type `amount`; optional; range [0.01, 100000000.00] yuan; example `80.00`. When total, discountable and undiscountable are all sent, total = discountable + undiscountable (rule amounts_add_up; server-side).
    pub discountable_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `undiscountable_amount`: 不可打折金额。 不参与优惠计算的金额，单位为元，精确到小数点后两位，取值范围[0.01,100000000]。  如果同时传入了【可打折金额】、【不可打折金额】和【订单总金额】，则必须满足如下条件：【订单总金额】=【可打折金额】+【不可打折金额】。 如果订单金额全部参与优惠计算，则【可打折金额】和【不可打折金额】都无需传入。\
    /// type `amount`; optional; range [0.01, 100000000.00] yuan; example `8.88`. See discountable_amount.
    pub undiscountable_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `body`: 订单附加信息。 如果请求时传递了该参数，将在异步通知、对账单中原样返回，同时会在商户和用户的pc账单详情中作为交易描述展示\
    /// type `string`; optional; at most 128 characters; example `Iphone6 16G`; not stated by the doc: len_unit.
    pub body: ::std::option::Option<::std::string::String>,
    /// `goods_detail`: 订单包含的商品列表信息.json格式. 其它说明详见：“商品明细说明”\
    /// type `array`; optional. An array of GoodsDetail objects (not a JSON string).
    pub goods_detail: ::std::option::Option<::std::vec::Vec<GoodsDetail>>,
    /// `operator_id`: 商户操作员编号。\
    /// type `string`; optional; at most 28 characters; example `yx_001`; not stated by the doc: len_unit.
    pub operator_id: ::std::option::Option<::std::string::String>,
    /// `store_id`: 商户门店编号。 指商户创建门店时输入的门店编号。\
    /// type `string`; optional; at most 32 characters; example `NJ_001`; not stated by the doc: max_len, len_unit.
    pub store_id: ::std::option::Option<::std::string::String>,
    /// `terminal_id`: 商户机具终端编号。\
    /// type `string`; optional; at most 32 characters; example `NJ_T_001`; not stated by the doc: max_len, len_unit.
    pub terminal_id: ::std::option::Option<::std::string::String>,
    /// `extend_params`: 业务扩展参数\
    /// type `ExtendParams`; optional. An object (not a JSON string).
    pub extend_params: ::std::option::Option<ExtendParams>,
    /// `settle_info`: 描述结算信息，json格式，详见结算参数说明\
    /// type `SettleInfo`; optional. Required in the 直付通 (platform) mode; the client cannot see the merchant's contract, so it is optional here.
    pub settle_info: ::std::option::Option<SettleInfo>,
    /// `sub_merchant`: 二级商户信息。 直付通模式和机构间连模式下必传，其它场景下不需要传入。\
    /// type `SubMerchant`; optional. Required in the 直付通 and 机构间连 modes only (the client cannot see the mode).
    pub sub_merchant: ::std::option::Option<SubMerchant>,
    /// `time_expire`: 订单绝对超时时间。 格式为yyyy-MM-dd HH:mm:ss。 注：time_expire和timeout_express两者只需传入一个或者都不传，如果两者都传，优先使用time_expire。\
    /// type `datetime`; optional; example `2016-12-31 10:05:01`. Beijing time. Wins over timeout_express when both are sent. Its 1m~15d window is relative to the moment the server receives the call, which the client cannot know: documented (rule time_expire_window), not checked.
    pub time_expire: ::std::option::Option<::alipay_core::DateTime>,
    /// `timeout_express`: 订单相对超时时间。 从预下单请求时间开始计算。 该笔订单允许的最晚付款时间，逾期将关闭交易。取值范围：1m～15d。m-分钟，h-小时，d-天，1c-当天（1c-当天的情况下，无论交易何时创建，都在0点关闭）。 该参数数值不接受小数点， 如 1.5h，可转换为 90m。  当面付场景默认值为3h，如需指定，推荐设置5m及以上  注： 1. 二维码最长有效期是2小时，不管该参数传递的值是多少，超过2小时后二维码都将失效不能再进行扫码支付。 2. time_expire和timeout_express两者只需传入一个或者都不传，如果两者都传，优先使用time_expire。\
    /// type `pay_timeout`; optional; at most 6 characters; range 1m~15d; server default `3h` (never sent by the SDK); example `90m`. Range 1m～15d. No decimals: write 90m, not 1.5h. 1c: the order closes at 0:00 today, whenever it was created. Both max_len and range apply. time_expire wins when both are sent. The default is the server's; the SDK never sends it. The doc's max length is 6, but this SDK's pay_timeout value holds at most 5 characters (the red-packet grammar): a 6-character minute count (10000m–21600m) is refused; write it in hours or days where it divides (21600m = 15d).
    pub timeout_express: ::std::option::Option<::alipay_core::PayTimeout>,
    /// `passback_params`: 公用回传参数。 如果请求时传递了该参数，支付宝会在异步通知时将该参数原样返回。\
    /// type `string`; optional; at most 512 characters; example `merchantBizType%3d3C%26merchantBizNo%3d2016010101111`; not stated by the doc: max_len, len_unit. Returned unchanged in the trade_status_sync notification.
    pub passback_params: ::std::option::Option<::std::string::String>,
    /// `query_options`: 返回参数选项。 商户通过传递该参数来定制需要额外返回的信息字段，数组格式。包括但不限于：["hyb_amount","enterprise_pay_info"]\
    /// type `array`; optional; example `["hyb_amount"]`. An array of strings, e.g. ["trade_settle_info"] — not a comma-separated string. The set of options is open (包括但不限于), so items are not an enum.
    pub query_options: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}
/// Typestate markers of [`PrecreateRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod precreate_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.trade.precreate was not set"; out_trade_no,
        total_amount, subject
    );
}
/// Builder of [`PrecreateRequest`]: `build()` compiles only when every required field and one-of group of `alipay.trade.precreate` is set.
#[must_use = "call build() to get the value"]
pub struct PrecreateRequestBuilder<
    S0 = precreate_fields::out_trade_no,
    S1 = precreate_fields::total_amount,
    S2 = precreate_fields::subject,
>(
    (S0, S1, S2),
    (
        ::std::option::Option<PrecreateProductCode>,
        ::std::option::Option<::alipay_core::UserId>,
        ::std::option::Option<::alipay_core::Amount>,
        ::std::option::Option<::alipay_core::Amount>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::vec::Vec<GoodsDetail>>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<ExtendParams>,
        ::std::option::Option<SettleInfo>,
        ::std::option::Option<SubMerchant>,
        ::std::option::Option<::alipay_core::DateTime>,
        ::std::option::Option<::alipay_core::PayTimeout>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    ),
);
::alipay_core::__wire_struct!(
    PrecreateRequest { out_trade_no = "out_trade_no", total_amount = "total_amount",
    subject = "subject", product_code = "product_code", seller_id = "seller_id",
    discountable_amount = "discountable_amount", undiscountable_amount =
    "undiscountable_amount", body = "body", goods_detail = "goods_detail", operator_id =
    "operator_id", store_id = "store_id", terminal_id = "terminal_id", extend_params =
    "extend_params", settle_info = "settle_info", sub_merchant = "sub_merchant",
    time_expire = "time_expire", timeout_express = "timeout_express", passback_params =
    "passback_params", query_options = "query_options" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use precreate_fields as __f;
    use PrecreateRequestBuilder as __B;
    impl PrecreateRequest {
        ///The rules of `alipay.trade.precreate` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.trade.precreate",
                &[
                    __F::new("out_trade_no", __Ty::Text)
                        .required()
                        .max_chars(64)
                        .pattern("^[A-Za-z0-9_]+$"),
                    __F::new("total_amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("subject", __Ty::Text).required().max_chars(256),
                    __F::new("product_code", __Ty::Enum)
                        .values(&["FACE_TO_FACE_PAYMENT"]),
                    __F::new("seller_id", __Ty::UserId),
                    __F::new("discountable_amount", __Ty::Amount)
                        .amount_range(1, 10000000000, 2),
                    __F::new("undiscountable_amount", __Ty::Amount)
                        .amount_range(1, 10000000000, 2),
                    __F::new("body", __Ty::Text).max_chars(128),
                    __F::new(
                        "goods_detail",
                        __Ty::Array(&__Ty::Object(GoodsDetail::RULES)),
                    ),
                    __F::new("operator_id", __Ty::Text).max_chars(28),
                    __F::new("store_id", __Ty::Text).max_chars(32),
                    __F::new("terminal_id", __Ty::Text).max_chars(32),
                    __F::new("extend_params", __Ty::Object(ExtendParams::RULES)),
                    __F::new("settle_info", __Ty::Object(SettleInfo::RULES)),
                    __F::new("sub_merchant", __Ty::Object(SubMerchant::RULES)),
                    __F::new("time_expire", __Ty::Datetime),
                    __F::new("timeout_express", __Ty::PayTimeout)
                        .max_chars(6)
                        .minutes(1, 21600, "1m", "15d")
                        .allow_1c(),
                    __F::new("passback_params", __Ty::Text).max_chars(512),
                    __F::new("query_options", __Ty::Array(&__Ty::Text)),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> PrecreateRequestBuilder {
            __B(
                __f::START,
                (
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
                    ::std::option::Option::None,
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
    impl<S0, S1, S2> __B<S0, S1, S2> {
        /// Sets [`out_trade_no`](PrecreateRequest::out_trade_no).
        pub fn out_trade_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_trade_no, String>, S1, S2>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2) = self.0;
            __B((__t::Set::new(value.into()), s1, s2), self.1)
        }
        /// Sets [`total_amount`](PrecreateRequest::total_amount).
        pub fn total_amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, __t::Set<__f::total_amount, ::alipay_core::Amount>, S2>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2) = self.0;
            __B((s0, __t::Set::new(value), s2), self.1)
        }
        /// Sets [`subject`](PrecreateRequest::subject).
        pub fn subject(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::subject, String>>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _) = self.0;
            __B((s0, s1, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`product_code`](PrecreateRequest::product_code).
        pub fn product_code(mut self, value: PrecreateProductCode) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`seller_id`](PrecreateRequest::seller_id).
        pub fn seller_id(mut self, value: ::alipay_core::UserId) -> Self {
            self.1.1 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`discountable_amount`](PrecreateRequest::discountable_amount).
        pub fn discountable_amount(mut self, value: ::alipay_core::Amount) -> Self {
            self.1.2 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`undiscountable_amount`](PrecreateRequest::undiscountable_amount).
        pub fn undiscountable_amount(mut self, value: ::alipay_core::Amount) -> Self {
            self.1.3 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`body`](PrecreateRequest::body).
        pub fn body(mut self, value: impl Into<String>) -> Self {
            self.1.4 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`goods_detail`](PrecreateRequest::goods_detail).
        pub fn goods_detail(mut self, value: ::std::vec::Vec<GoodsDetail>) -> Self {
            self.1.5 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`operator_id`](PrecreateRequest::operator_id).
        pub fn operator_id(mut self, value: impl Into<String>) -> Self {
            self.1.6 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`store_id`](PrecreateRequest::store_id).
        pub fn store_id(mut self, value: impl Into<String>) -> Self {
            self.1.7 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`terminal_id`](PrecreateRequest::terminal_id).
        pub fn terminal_id(mut self, value: impl Into<String>) -> Self {
            self.1.8 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`extend_params`](PrecreateRequest::extend_params).
        pub fn extend_params(mut self, value: ExtendParams) -> Self {
            self.1.9 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`settle_info`](PrecreateRequest::settle_info).
        pub fn settle_info(mut self, value: SettleInfo) -> Self {
            self.1.10 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`sub_merchant`](PrecreateRequest::sub_merchant).
        pub fn sub_merchant(mut self, value: SubMerchant) -> Self {
            self.1.11 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`time_expire`](PrecreateRequest::time_expire).
        pub fn time_expire(mut self, value: ::alipay_core::DateTime) -> Self {
            self.1.12 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`timeout_express`](PrecreateRequest::timeout_express).
        pub fn timeout_express(mut self, value: ::alipay_core::PayTimeout) -> Self {
            self.1.13 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`passback_params`](PrecreateRequest::passback_params).
        pub fn passback_params(mut self, value: impl Into<String>) -> Self {
            self.1.14 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`query_options`](PrecreateRequest::query_options).
        pub fn query_options(
            mut self,
            value: ::std::vec::Vec<::std::string::String>,
        ) -> Self {
            self.1.15 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> PrecreateRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<::alipay_core::Amount>,
            S2: __f::Required<String>,
        {
            let (
                (s0, s1, s2),
                (
                    product_code,
                    seller_id,
                    discountable_amount,
                    undiscountable_amount,
                    body,
                    goods_detail,
                    operator_id,
                    store_id,
                    terminal_id,
                    extend_params,
                    settle_info,
                    sub_merchant,
                    time_expire,
                    timeout_express,
                    passback_params,
                    query_options,
                ),
            ) = (self.0, self.1);
            PrecreateRequest {
                out_trade_no: __t::IsSet::into_value(s0),
                total_amount: __t::IsSet::into_value(s1),
                subject: __t::IsSet::into_value(s2),
                product_code,
                seller_id,
                discountable_amount,
                undiscountable_amount,
                body,
                goods_detail,
                operator_id,
                store_id,
                terminal_id,
                extend_params,
                settle_info,
                sub_merchant,
                time_expire,
                timeout_express,
                passback_params,
                query_options,
            }
        }
    }
};
/// The answer of `alipay.trade.precreate` (`alipay_trade_precreate_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct PrecreateResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `out_trade_no` (string): 商户订单号
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `qr_code` (string): 当前预下单请求生成的二维码码串，有效时间2小时，可以用二维码生成工具根据该码串值生成对应的二维码
    pub qr_code: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read PrecreateResponse { code = "code", msg = "msg", sub_code = "sub_code", sub_msg =
    "sub_msg", out_trade_no = "out_trade_no", qr_code = "qr_code" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.trade.precreate`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum PrecreateErrorCode { #[doc =
    " `ACQ.SYSTEM_ERROR`: 系统错误 (`retry_same`)"] AcqSystemError =
    "ACQ.SYSTEM_ERROR" => (RetrySame, "系统错误",
    "请使用相同的参数再次调用"), #[doc =
    " `ACQ.INVALID_PARAMETER`: 参数无效 (`fix_request`)"] AcqInvalidParameter =
    "ACQ.INVALID_PARAMETER" => (FixRequest, "参数无效",
    "检查请求参数，修改后重新发起请求"), #[doc =
    " `ACQ.TRADE_HAS_SUCCESS`: 交易已被支付 (`query_then_decide`)"] #[doc = ""]
    #[doc = " Already paid: query the trade and treat it as paid if it is this buyer's."]
    AcqTradeHasSuccess = "ACQ.TRADE_HAS_SUCCESS" => (QueryThenDecide,
    "交易已被支付",
    "确认该笔交易信息是否为当前买家的，如果是则认为交易付款成功，如果不是则更换商家订单号后，重新发起请求"),
    #[doc = " `ACQ.TRADE_HAS_CLOSE`: 交易已经关闭 (`new_out_order_no`)"] #[doc =
    ""] #[doc = " A new out_trade_no."] AcqTradeHasClose = "ACQ.TRADE_HAS_CLOSE" =>
    (NewOutOrderNo, "交易已经关闭",
    "更换商家订单号后，重新发起请求"), #[doc =
    " `ACQ.TRADE_HAS_FINISHED`: 交易已经完结 (`query_then_decide`)"]
    AcqTradeHasFinished = "ACQ.TRADE_HAS_FINISHED" => (QueryThenDecide,
    "交易已经完结", "该交易已经完结，请确认交易状态"), #[doc =
    " `ACQ.CONTEXT_INCONSISTENT`: 交易信息被篡改 (`new_out_order_no`)"] #[doc =
    ""] #[doc = " The same out_trade_no was sent before with different content."]
    AcqContextInconsistent = "ACQ.CONTEXT_INCONSISTENT" => (NewOutOrderNo,
    "交易信息被篡改", "更换商家订单号后，重新发起请求"), #[doc =
    " `ACQ.TOTAL_FEE_EXCEED`: 订单总金额超过限额 (`fix_request`)"]
    AcqTotalFeeExceed = "ACQ.TOTAL_FEE_EXCEED" => (FixRequest,
    "订单总金额超过限额", "修改订单金额再发起请求") }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " The `notify_type`s of `alipay.trade.precreate`; unknown types are kept (the docs' own examples use others)."]
    pub enum PrecreateNotifyType { #[doc = " `trade_status_sync`"] TradeStatusSync =
    "trade_status_sync" }
);
::alipay_core::__wire_enum!(
    open #[doc = " `trade_status` of `PrecreateNotify`; unknown values are kept."] pub
    enum PrecreateNotifyTradeStatus { #[doc = " `WAIT_BUYER_PAY`"] WaitBuyerPay =
    "WAIT_BUYER_PAY", #[doc = " `TRADE_CLOSED`"] TradeClosed = "TRADE_CLOSED", #[doc =
    " `TRADE_SUCCESS`"] TradeSuccess = "TRADE_SUCCESS", #[doc = " `TRADE_FINISHED`"]
    TradeFinished = "TRADE_FINISHED" }
);
/// A verified notification of `alipay.trade.precreate`, typed: amounts, datetimes, numbers and enums are read into their types (a value that does not fit is an error of `from_notification`), texts are kept as sent, empty values are absent.
///
/// Form-encoded POST to the call's notify_url, signed like every notification (verified before it is typed). Sent when the trade becomes TRADE_SUCCESS, TRADE_FINISHED or TRADE_CLOSED, and after refunds (partial: TRADE_SUCCESS with refund_fee, gmt_refund and out_biz_no = the refund's out_request_no; full: TRADE_CLOSED). Before acting, check that out_trade_no is yours, total_amount equals the order's, seller_id (or seller_email) and app_id are yours; then answer success. Unanswered notifications are resent after 4m, 10m, 10m, 1h, 2h, 6h, 15h (8 in 25 h). The signature (sign) is consumed by the verification and not repeated here.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct PrecreateNotify {
    /// `notify_type`.
    pub notify_type: ::std::option::Option<PrecreateNotifyType>,
    /// `notify_id`: the same id is resent until answered `success`.
    pub notify_id: ::std::option::Option<::std::string::String>,
    /// `notify_time` (Beijing time).
    pub notify_time: ::std::option::Option<::alipay_core::DateTime>,
    /// `app_id`.
    pub app_id: ::std::option::Option<::std::string::String>,
    /// `auth_app_id` (string): 开发者的 app_id，在服务商调用的场景下为授权方的 app_id。\
    /// The authorising merchant's app_id when a service provider called on its behalf (app_auth_token); otherwise equal to app_id. Listed by the doc page's parameter table.
    pub auth_app_id: ::std::option::Option<::std::string::String>,
    /// `charset` (string): 编码格式，如utf-8、gbk、gb2312等
    pub charset: ::std::option::Option<::std::string::String>,
    /// `version` (string): 调用的接口版本，固定为：1.0
    pub version: ::std::option::Option<::std::string::String>,
    /// `sign_type` (string): 商户生成签名字符串所使用的签名算法类型，目前支持RSA2和RSA，推荐使用RSA2
    pub sign_type: ::std::option::Option<::std::string::String>,
    /// `trade_no` (string): 支付宝交易凭证号
    pub trade_no: ::std::option::Option<::std::string::String>,
    /// `out_trade_no` (string): 原支付请求的商户订单号\
    /// Check that it is one of yours before acting.
    pub out_trade_no: ::std::option::Option<::std::string::String>,
    /// `out_biz_no` (string): 商户业务ID，主要是退款通知中返回退款申请的流水号\
    /// After a refund: the refund's out_request_no.
    pub out_biz_no: ::std::option::Option<::std::string::String>,
    /// `buyer_id` (string): 买家支付宝账号对应的支付宝唯一用户号。以2088开头的纯16位数字
    pub buyer_id: ::std::option::Option<::std::string::String>,
    /// `buyer_logon_id` (string): 买家支付宝账号
    pub buyer_logon_id: ::std::option::Option<::std::string::String>,
    /// `seller_id` (string): 卖家支付宝用户号\
    /// Check that it is yours (or seller_email) before acting.
    pub seller_id: ::std::option::Option<::std::string::String>,
    /// `seller_email` (string): 卖家支付宝账号
    pub seller_email: ::std::option::Option<::std::string::String>,
    /// `trade_status` (enum): 交易目前所处的状态\
    /// Notified for TRADE_SUCCESS, TRADE_FINISHED and TRADE_CLOSED (WAIT_BUYER_PAY is not notified by default). After a partial refund TRADE_SUCCESS with refund_fee; after a full refund TRADE_CLOSED.
    pub trade_status: ::std::option::Option<PrecreateNotifyTradeStatus>,
    /// `total_amount` (amount): 本次交易支付的订单金额，单位为人民币（元）\
    /// Check that it equals the order's amount before acting.
    pub total_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `receipt_amount` (amount): 商家在交易中实际收到的款项，单位为人民币（元）
    pub receipt_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `invoice_amount` (amount): 用户在交易中支付的可开发票的金额
    pub invoice_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `buyer_pay_amount` (amount): 用户在交易中支付的金额
    pub buyer_pay_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `point_amount` (amount): 使用集分宝支付的金额
    pub point_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `refund_fee` (amount): 退款通知中，返回总退款金额，单位为元，支持两位小数\
    /// Cumulative refunded amount (refund notifications).
    pub refund_fee: ::std::option::Option<::alipay_core::Amount>,
    /// `subject` (string): 商品的标题/交易标题/订单标题/订单关键字等，是请求时对应的参数，原样通知回来
    pub subject: ::std::option::Option<::std::string::String>,
    /// `body` (string): 该订单的备注、描述、明细等。对应请求时的body参数，原样通知回来
    pub body: ::std::option::Option<::std::string::String>,
    /// `gmt_create` (datetime): 该笔交易创建的时间。格式为yyyy-MM-dd HH:mm:ss
    pub gmt_create: ::std::option::Option<::alipay_core::DateTime>,
    /// `gmt_payment` (datetime): 该笔交易的买家付款时间。格式为yyyy-MM-dd HH:mm:ss
    pub gmt_payment: ::std::option::Option<::alipay_core::DateTime>,
    /// `gmt_refund` (string): 该笔交易的退款时间。格式为yyyy-MM-dd HH:mm:ss.S\
    /// The doc's format carries a fraction (yyyy-MM-dd HH:mm:ss.S), so it is kept as text, not parsed as a datetime.
    pub gmt_refund: ::std::option::Option<::std::string::String>,
    /// `gmt_close` (datetime): 该笔交易结束时间。格式为yyyy-MM-dd HH:mm:ss
    pub gmt_close: ::std::option::Option<::alipay_core::DateTime>,
    /// `fund_bill_list` (string): 支付成功的各个渠道金额信息\
    /// JSON text of an array of {fundChannel, amount} (a form field, not parsed further here).
    pub fund_bill_list: ::std::option::Option<::std::string::String>,
    /// `passback_params` (string): 公共回传参数，如果请求时传递了该参数，则返回给商户时会在异步通知时将该参数原样返回。本参数必须进行UrlEncode之后才可以发送给支付宝
    pub passback_params: ::std::option::Option<::std::string::String>,
    /// `voucher_detail_list` (string): 本交易支付时所使用的所有优惠券信息\
    /// JSON text of an array (a form field, not parsed further here).
    pub voucher_detail_list: ::std::option::Option<::std::string::String>,
}
::alipay_core::__notify_struct!(
    PrecreateNotify, PrecreateNotifyType { auth_app_id = "auth_app_id", charset =
    "charset", version = "version", sign_type = "sign_type", trade_no = "trade_no",
    out_trade_no = "out_trade_no", out_biz_no = "out_biz_no", buyer_id = "buyer_id",
    buyer_logon_id = "buyer_logon_id", seller_id = "seller_id", seller_email =
    "seller_email", trade_status = "trade_status", total_amount = "total_amount",
    receipt_amount = "receipt_amount", invoice_amount = "invoice_amount",
    buyer_pay_amount = "buyer_pay_amount", point_amount = "point_amount", refund_fee =
    "refund_fee", subject = "subject", body = "body", gmt_create = "gmt_create",
    gmt_payment = "gmt_payment", gmt_refund = "gmt_refund", gmt_close = "gmt_close",
    fund_bill_list = "fund_bill_list", passback_params = "passback_params",
    voucher_detail_list = "voucher_detail_list" }
);
impl Precreate {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.trade.precreate.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.trade.precreate";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Create an order and get the QR code the buyer scans to pay it.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        PrecreateRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for PrecreateRequest {
    const METHOD: &'static str = "alipay.trade.precreate";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_trade_precreate_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = PrecreateRequest::RULES;
    type Response = PrecreateResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        PrecreateErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for PrecreateRequest {}
