/// `alipay.fund.coupon.order.disburse` (红包打款接口): Pay part of a red packet to a payee's Alipay balance (the user claims the red packet).
///
/// Official doc: <https://docs.open.alipay.com/api_5/alipay.fund.coupon.order.disburse>. Called with `execute` (an HTTPS call to the gateway). Build it with [`CouponOrderDisburseRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `deduct_auth_no`, `deduct_out_order_no`: at least 1; when several are set, the first of deduct_auth_no > deduct_out_order_no wins.
/// - one of `payee_user_id`, `payee_logon_id`: at least 1; when several are set, the first of payee_user_id > payee_logon_id wins.
/// - `prefer_deduct_auth_no` (advice): Pass deduct_auth_no (the pay API's auth_no) rather than deduct_out_order_no: "为了保证支付的高效,建议商户传入deduct_auth_no".
/// - `prefer_payee_user_id` (advice): Pay by the payee's Alipay UID rather than the logon id: "建议使用Uid方式,可通过账户授权接口获取用户Uid".
/// - `distinct_out_order_no` (advice): out_order_no must be new and must differ from the pay order's out_order_no (the one passed as deduct_out_order_no); a repeat fails with UNIQUE_VIOLATION.
/// - `amount_within_remaining` (checked by Alipay): amount must not exceed what remains of the red packet (pay amount minus earlier disbursements and refunds); otherwise MONEY_NOT_ENOUGH. The client cannot see the remainder.
/// - `rate_limit` (advice): Keep disburse calls under 100 per second.
///
/// Example `biz_content`:
/// ```json
/// {"out_order_no":"8077735255938023","deduct_auth_no":"2014031600002001260000001024","out_request_no":"8077735255634078","order_title":"红包打款","amount":"100.00","payee_user_id":"2088102138117431","pay_timeout":"1h","extra_param":"{\"merchantExt\":\"key=value\"}"}
/// ```
#[doc(alias = "alipay.fund.coupon.order.disburse")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CouponOrderDisburseRequest {
    /// `out_order_no`: 商户的授权资金订单号 同一商户不同的订单,商户授权资金订单号不能重复\
    /// type `string`; required; at most 64 characters; example `8077735255938023`. Unique per merchant (server-side). Must differ from the pay order's out_order_no.
    pub out_order_no: ::std::string::String,
    /// `deduct_auth_no`: 发放红包时产生的支付宝资金订单号。deduct_auth_no与下面的deduct_out_order_no不能同时为空,二者都存在时,以deduct_auth_no为准。为了保证支付的高效,建议商户传入deduct_auth_no。\
    /// type `string`; one-of group `deduct`; at most 64 characters; example `2014031600002001260000001024`. The auth_no returned by the pay API (app.pay / page.pay / agreement.pay). Recommended over deduct_out_order_no.
    pub deduct_auth_no: ::std::option::Option<::std::string::String>,
    /// `deduct_out_order_no`: 发放红包时的商户授权资金订单号。deduct_out_order_no与上面的deduct_auth_no不能同时为空,二者都存在时,以deduct_auth_no为准。为了保证支付的高效,建议商户传入deduct_auth_no。\
    /// type `string`; one-of group `deduct`; at most 64 characters; example `8077735255937028`. The out_order_no the merchant used in the pay API.
    pub deduct_out_order_no: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 商户本次资金操作的请求流水号 同一商户每次不同的资金操作请求,商户请求流水号不要重复\
    /// type `string`; required; at most 64 characters; example `8077735255634078`. Unique per fund operation (server-side). Reuse it only to retry the same operation (10003/20000/SYSTEM_ERROR).
    pub out_request_no: ::std::string::String,
    /// `order_title`: 业务订单的简单描述,如商品名称等 长度不超过100个字母或50个汉字\
    /// type `string`; required; at most 100 GBK bytes (ASCII 1, 汉字 2); example `红包打款`; not stated by the doc: len_unit. Characters outside GBK (emoji, rare CJK) are 4 bytes in GB18030; how the server counts them is unknown.
    pub order_title: ::std::string::String,
    /// `amount`: 需要支付的金额,单位为:元(人民币),精确到小数点后两位 取值范围:[0.01,100000000.00]\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `100.00`. The sum of disbursements must not exceed the red packet's remaining amount (MONEY_NOT_ENOUGH, server-side). The disburse doc page's example sends a JSON number; the SDK sends a string with exactly 2 decimals.
    pub amount: ::alipay_core::Amount,
    /// `payee_user_id`: 收款方的支付宝唯一用户号,以2088开头的16位纯数字组成\
    /// type `user_id`; one-of group `payee`; at most 32 characters; example `2088102138117431`. 16 ASCII digits starting with 2088 (the user_id type); the pattern is stricter than max_len 32. Recommended over payee_logon_id (the red-packet quick-start guide: 建议使用Uid方式).
    pub payee_user_id: ::std::option::Option<::alipay_core::UserId>,
    /// `payee_logon_id`: 收款方的支付宝登录号,形式为手机号或邮箱等\
    /// type `string`; one-of group `payee`; at most 100 characters; example `alitest@alipay.com`; not stated by the doc: len_unit.
    pub payee_logon_id: ::std::option::Option<::std::string::String>,
    /// `pay_timeout`: 该笔订单允许的最晚付款时间,逾期将关闭该笔订单 取值范围:1m~7d。m-分钟,h-小时,d-天。 该参数数值不接受小数点, 如 1.5h,可转换为90m,如果为空,默认1h\
    /// type `pay_timeout`; optional; at most 5 characters; range 1m~7d; server default `1h` (never sent by the SDK); example `1h`. Both max_len and range apply: 10080m (= 7d) is in range but 6 characters, so it is rejected; write 7d. The default is the server's; the SDK never sends it.
    pub pay_timeout: ::std::option::Option<::alipay_core::PayTimeout>,
    /// `extra_param`: 业务扩展参数,用于商户的特定业务信息的传递,json格式\
    /// type `json`; optional; at most 300 characters; example `{"merchantExt":"key=value"}`. A string holding JSON text, so it is double-encoded inside biz_content. An object is expected (every example is one; inferred).
    pub extra_param: ::std::option::Option<::alipay_core::JsonObjectText>,
}
/// Typestate markers of [`CouponOrderDisburseRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod coupon_order_disburse_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.coupon.order.disburse was not set";
        out_order_no, deduct_auth_no, deduct_out_order_no, out_request_no, order_title,
        amount, payee_user_id, payee_logon_id
    );
    /// Satisfied when one-of group `deduct` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `deduct` of alipay.fund.coupon.order.disburse is empty: set at least 1 of `deduct_auth_no`, `deduct_out_order_no`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: deduct_auth_no > deduct_out_order_no"
    )]
    pub trait group_deduct {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_deduct for (Set<deduct_auth_no, T0>, deduct_out_order_no) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_deduct for (deduct_auth_no, Set<deduct_out_order_no, T1>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_deduct
    for (Set<deduct_auth_no, T0>, Set<deduct_out_order_no, T1>) {}
    /// Satisfied when one-of group `payee` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `payee` of alipay.fund.coupon.order.disburse is empty: set at least 1 of `payee_user_id`, `payee_logon_id`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: payee_user_id > payee_logon_id"
    )]
    pub trait group_payee {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_payee for (Set<payee_user_id, T0>, payee_logon_id) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_payee for (payee_user_id, Set<payee_logon_id, T1>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_payee for (Set<payee_user_id, T0>, Set<payee_logon_id, T1>) {}
}
/// Builder of [`CouponOrderDisburseRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.coupon.order.disburse` is set.
#[must_use = "call build() to get the value"]
pub struct CouponOrderDisburseRequestBuilder<
    S0 = coupon_order_disburse_fields::out_order_no,
    S1 = coupon_order_disburse_fields::deduct_auth_no,
    S2 = coupon_order_disburse_fields::deduct_out_order_no,
    S3 = coupon_order_disburse_fields::out_request_no,
    S4 = coupon_order_disburse_fields::order_title,
    S5 = coupon_order_disburse_fields::amount,
    S6 = coupon_order_disburse_fields::payee_user_id,
    S7 = coupon_order_disburse_fields::payee_logon_id,
>(
    (S0, S1, S2, S3, S4, S5, S6, S7),
    (
        ::std::option::Option<::alipay_core::PayTimeout>,
        ::std::option::Option<::alipay_core::JsonObjectText>,
    ),
);
::alipay_core::__wire_struct!(
    CouponOrderDisburseRequest { out_order_no = "out_order_no", deduct_auth_no =
    "deduct_auth_no", deduct_out_order_no = "deduct_out_order_no", out_request_no =
    "out_request_no", order_title = "order_title", amount = "amount", payee_user_id =
    "payee_user_id", payee_logon_id = "payee_logon_id", pay_timeout = "pay_timeout",
    extra_param = "extra_param" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use coupon_order_disburse_fields as __f;
    use CouponOrderDisburseRequestBuilder as __B;
    impl CouponOrderDisburseRequest {
        ///The rules of `alipay.fund.coupon.order.disburse` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.coupon.order.disburse",
                &[
                    __F::new("out_order_no", __Ty::Text).required().max_chars(64),
                    __F::new("deduct_auth_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("deduct_out_order_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("out_request_no", __Ty::Text).required().max_chars(64),
                    __F::new("order_title", __Ty::Text).required().max_gbk(100),
                    __F::new("amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                    __F::new("payee_user_id", __Ty::UserId).one_of(1).max_chars(32),
                    __F::new("payee_logon_id", __Ty::Text).one_of(1).max_chars(100),
                    __F::new("pay_timeout", __Ty::PayTimeout)
                        .max_chars(5)
                        .minutes(1, 10080, "1m", "7d"),
                    __F::new("extra_param", __Ty::Json).max_chars(300),
                ],
            )
            .groups(
                &[
                    __a::Group::new(&["deduct_auth_no", "deduct_out_order_no"], 1),
                    __a::Group::new(&["payee_user_id", "payee_logon_id"], 1),
                ],
            );
        /// A builder with nothing set.
        pub fn builder() -> CouponOrderDisburseRequestBuilder {
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
    impl<S0, S1, S2, S3, S4, S5, S6, S7> __B<S0, S1, S2, S3, S4, S5, S6, S7> {
        /// Sets [`out_order_no`](CouponOrderDisburseRequest::out_order_no).
        pub fn out_order_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_order_no, String>, S1, S2, S3, S4, S5, S6, S7>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3, s4, s5, s6, s7) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3, s4, s5, s6, s7), self.1)
        }
        /// Sets [`deduct_auth_no`](CouponOrderDisburseRequest::deduct_auth_no).
        pub fn deduct_auth_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::deduct_auth_no, String>, S2, S3, S4, S5, S6, S7>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3, s4, s5, s6, s7) = self.0;
            __B((s0, __t::Set::new(value.into()), s2, s3, s4, s5, s6, s7), self.1)
        }
        /// Sets [`deduct_out_order_no`](CouponOrderDisburseRequest::deduct_out_order_no).
        pub fn deduct_out_order_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::deduct_out_order_no, String>, S3, S4, S5, S6, S7>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3, s4, s5, s6, s7) = self.0;
            __B((s0, s1, __t::Set::new(value.into()), s3, s4, s5, s6, s7), self.1)
        }
        /// Sets [`out_request_no`](CouponOrderDisburseRequest::out_request_no).
        pub fn out_request_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, __t::Set<__f::out_request_no, String>, S4, S5, S6, S7>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _, s4, s5, s6, s7) = self.0;
            __B((s0, s1, s2, __t::Set::new(value.into()), s4, s5, s6, s7), self.1)
        }
        /// Sets [`order_title`](CouponOrderDisburseRequest::order_title).
        pub fn order_title(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, S3, __t::Set<__f::order_title, String>, S5, S6, S7>
        where
            S4: __t::IsUnset,
        {
            let (s0, s1, s2, s3, _, s5, s6, s7) = self.0;
            __B((s0, s1, s2, s3, __t::Set::new(value.into()), s5, s6, s7), self.1)
        }
        /// Sets [`amount`](CouponOrderDisburseRequest::amount).
        pub fn amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<
            S0,
            S1,
            S2,
            S3,
            S4,
            __t::Set<__f::amount, ::alipay_core::Amount>,
            S6,
            S7,
        >
        where
            S5: __t::IsUnset,
        {
            let (s0, s1, s2, s3, s4, _, s6, s7) = self.0;
            __B((s0, s1, s2, s3, s4, __t::Set::new(value), s6, s7), self.1)
        }
        /// Sets [`payee_user_id`](CouponOrderDisburseRequest::payee_user_id).
        pub fn payee_user_id(
            self,
            value: ::alipay_core::UserId,
        ) -> __B<
            S0,
            S1,
            S2,
            S3,
            S4,
            S5,
            __t::Set<__f::payee_user_id, ::alipay_core::UserId>,
            S7,
        >
        where
            S6: __t::IsUnset,
        {
            let (s0, s1, s2, s3, s4, s5, _, s7) = self.0;
            __B((s0, s1, s2, s3, s4, s5, __t::Set::new(value), s7), self.1)
        }
        /// Sets [`payee_logon_id`](CouponOrderDisburseRequest::payee_logon_id).
        pub fn payee_logon_id(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, S3, S4, S5, S6, __t::Set<__f::payee_logon_id, String>>
        where
            S7: __t::IsUnset,
        {
            let (s0, s1, s2, s3, s4, s5, s6, _) = self.0;
            __B((s0, s1, s2, s3, s4, s5, s6, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`pay_timeout`](CouponOrderDisburseRequest::pay_timeout).
        pub fn pay_timeout(mut self, value: ::alipay_core::PayTimeout) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`extra_param`](CouponOrderDisburseRequest::extra_param).
        pub fn extra_param(mut self, value: ::alipay_core::JsonObjectText) -> Self {
            self.1.1 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> CouponOrderDisburseRequest
        where
            S0: __f::Required<String>,
            S1: __t::Slot<String>,
            S2: __t::Slot<String>,
            S3: __f::Required<String>,
            S4: __f::Required<String>,
            S5: __f::Required<::alipay_core::Amount>,
            S6: __t::Slot<::alipay_core::UserId>,
            S7: __t::Slot<String>,
            (S1, S2): __f::group_deduct,
            (S6, S7): __f::group_payee,
        {
            let ((s0, s1, s2, s3, s4, s5, s6, s7), (pay_timeout, extra_param)) = (
                self.0,
                self.1,
            );
            CouponOrderDisburseRequest {
                out_order_no: __t::IsSet::into_value(s0),
                deduct_auth_no: __t::Slot::into_option(s1),
                deduct_out_order_no: __t::Slot::into_option(s2),
                out_request_no: __t::IsSet::into_value(s3),
                order_title: __t::IsSet::into_value(s4),
                amount: __t::IsSet::into_value(s5),
                payee_user_id: __t::Slot::into_option(s6),
                payee_logon_id: __t::Slot::into_option(s7),
                pay_timeout,
                extra_param,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `CouponOrderDisburseResponse`; unknown values are kept."]
    pub enum CouponOrderDisburseResponseStatus { #[doc = " `INIT`"] Init = "INIT", #[doc
    = " `SUCCESS`"] Success = "SUCCESS", #[doc = " `CLOSED`"] Closed = "CLOSED" }
);
/// The answer of `alipay.fund.coupon.order.disburse` (`alipay_fund_coupon_order_disburse_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CouponOrderDisburseResponse {
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
    /// `amount` (amount): 本次支付的金额,单位为:元(人民币),精确到小数点后两位\
    /// The disburse doc page says Price, max length 11; amounts carry no max_len and response amounts no range. The disburse doc page's example is a JSON number (100.00), live replies use a string; accept both.
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 资金预授权明细的状态 目前支持: INIT:初始 SUCCESS: 成功 CLOSED:关闭
    pub status: ::std::option::Option<CouponOrderDisburseResponseStatus>,
    /// `gmt_trans` (datetime): 资金授权成功时间 格式:YYYY-MM-DD HH:MM:SS
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read CouponOrderDisburseResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", auth_no = "auth_no", out_order_no = "out_order_no", operation_id
    = "operation_id", out_request_no = "out_request_no", amount = "amount", status =
    "status", gmt_trans = "gmt_trans" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.coupon.order.disburse`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum CouponOrderDisburseErrorCode { #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`retry_same`)"] #[doc = ""] #[doc =
    " Here: retry with the same parameters (same out_request_no). voucher.create's SYSTEM_ERROR says query first."]
    SystemError = "SYSTEM_ERROR" => (RetrySame, "系统繁忙",
    "请使用相同的参数再次调用"), #[doc =
    " `EXIST_FORBIDDEN_WORD`: 下单失败,订单信息中包含违禁词,请修改订单信息 (`fix_request`)"]
    ExistForbiddenWord = "EXIST_FORBIDDEN_WORD" => (FixRequest,
    "下单失败,订单信息中包含违禁词,请修改订单信息",
    "修改订单信息后,重新发起请求"), #[doc =
    " `UNIQUE_VIOLATION`: 下单失败,商户订单号重复 (`new_out_order_no`)"]
    UniqueViolation = "UNIQUE_VIOLATION" => (NewOutOrderNo,
    "下单失败,商户订单号重复",
    "更换商户的授权资金订单号后,重新发起请求"), #[doc =
    " `ILLEGAL_ARGUMENT`: 参数有误 (`fix_request`)"] IllegalArgument =
    "ILLEGAL_ARGUMENT" => (FixRequest, "参数有误",
    "请求参数有错,重新检查请求后,再重新发起"), #[doc =
    " `ILLEGAL_STATUS`: 订单状态非法 (`query_then_decide`)"] IllegalStatus =
    "ILLEGAL_STATUS" => (QueryThenDecide, "订单状态非法",
    "根据商户授权单号查询对应的支付宝交易信息,查看交易状态"),
    #[doc =
    " `MONEY_NOT_ENOUGH`: 本次打款的金额超过剩余金额 (`fix_request`)"] #[doc
    = ""] #[doc =
    " Here: amount exceeds the red packet's remaining amount. In voucher.create the same code means the payer's balance is short."]
    MoneyNotEnough = "MONEY_NOT_ENOUGH" => (FixRequest,
    "本次打款的金额超过剩余金额", "修改打款金额"), #[doc =
    " `PAYEE_NOT_EXIST`: 收款方支付宝账户不存在 (`fix_request`)"]
    PayeeNotExist = "PAYEE_NOT_EXIST" => (FixRequest,
    "收款方支付宝账户不存在", "检查是否收款方支付宝uid有误"),
    #[doc = " `PAYEE_USER_STATUS_LIMIT`: 收款方支付宝账户受限 (`user_action`)"]
    PayeeUserStatusLimit = "PAYEE_USER_STATUS_LIMIT" => (UserAction,
    "收款方支付宝账户受限",
    "收款方支付宝账户受限,请登录支付宝认证升级,详情咨询95188"),
    #[doc =
    " `ACCESS_FORBIDDEN`: 支付失败,对应商户没有权限使用该产品 (`merchant_contract`)"]
    AccessForbidden = "ACCESS_FORBIDDEN" => (MerchantContract,
    "支付失败,对应商户没有权限使用该产品",
    "商户对应合同可能已到期,请重新签约"), #[doc =
    " `AUTH_ORDER_NOT_EXIST`: 入参有误,导致红包对应的订单不存在 (`fix_request`)"]
    #[doc = ""] #[doc =
    " deduct_auth_no / deduct_out_order_no does not name an existing red packet."]
    AuthOrderNotExist = "AUTH_ORDER_NOT_EXIST" => (FixRequest,
    "入参有误,导致红包对应的订单不存在",
    "入参中,发放红包时产生的支付宝资金订单号或商户订单号是否传入有误,导致找不到红包数据"),
    #[doc =
    " `ORDER_ALREADY_FINISH`: 本笔支付订单已经完结,无法再进行资金操作 (`new_out_order_no`)"]
    OrderAlreadyFinish = "ORDER_ALREADY_FINISH" => (NewOutOrderNo,
    "本笔支付订单已经完结,无法再进行资金操作",
    "更换商户授权资金订单号后,重新发起请求"), #[doc =
    " `ORDER_ALREADY_CLOSED`: 支付失败,本笔支付订单已关闭 (`new_out_order_no`)"]
    OrderAlreadyClosed = "ORDER_ALREADY_CLOSED" => (NewOutOrderNo,
    "支付失败,本笔支付订单已关闭",
    "更换商户授权资金订单号后,重新发起请求") }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " The `notify_type`s of `alipay.fund.coupon.order.disburse`; unknown types are kept (the docs' own examples use others)."]
    pub enum CouponOrderDisburseNotifyType { #[doc = " `fund_auth_pay`"] FundAuthPay =
    "fund_auth_pay", #[doc = " `fund_auth_pay.closed`"] FundAuthPayClosed =
    "fund_auth_pay.closed", #[doc = " `fund_auth_pay.init`"] FundAuthPayInit =
    "fund_auth_pay.init" }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " `operation_type` of `CouponOrderDisburseNotify`; unknown values are kept."] pub
    enum CouponOrderDisburseNotifyOperationType { #[doc = " `PAY`"] Pay = "PAY", #[doc =
    " `REFUND`"] Refund = "REFUND" }
);
/// A verified notification of `alipay.fund.coupon.order.disburse`, typed: amounts, datetimes, numbers and enums are read into their types (a value that does not fit is an error of `from_notification`), texts are kept as sent, empty values are absent.
///
/// Sent to this call's notify_url. Common notify parameters: notify_type, notify_id, notify_time, sign_type, sign. All fields are String and optional in the disburse doc page, with no max length.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CouponOrderDisburseNotify {
    /// `notify_type`.
    pub notify_type: ::std::option::Option<CouponOrderDisburseNotifyType>,
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
    /// `operation_id` (string): 支付宝资金操作流水号
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no` (string): 商户资金操作流水号
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `operation_type` (enum): 资金操作类型,支持【PAY,REFUND】
    pub operation_type: ::std::option::Option<CouponOrderDisburseNotifyOperationType>,
    /// `amount` (amount): 本次操作金额\
    /// String in the disburse doc page; parsed as an amount (number or string).
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 本次资金操作流水状态,支持【INIT,SUCCESS,CLOSED】
    pub status: ::std::option::Option<CouponOrderDisburseResponseStatus>,
    /// `gmt_create` (datetime): 操作创建时间
    pub gmt_create: ::std::option::Option<::alipay_core::DateTime>,
    /// `gmt_trans` (datetime): 操作处理完成时间
    pub gmt_trans: ::std::option::Option<::alipay_core::DateTime>,
    /// `payee_logon_id` (string): 收款方支付宝登录号
    pub payee_logon_id: ::std::option::Option<::std::string::String>,
    /// `payee_user_id` (user_id): 收款方支付宝账号UID
    pub payee_user_id: ::std::option::Option<::std::string::String>,
}
::alipay_core::__notify_struct!(
    CouponOrderDisburseNotify, CouponOrderDisburseNotifyType { auth_no = "auth_no",
    out_order_no = "out_order_no", operation_id = "operation_id", out_request_no =
    "out_request_no", operation_type = "operation_type", amount = "amount", status =
    "status", gmt_create = "gmt_create", gmt_trans = "gmt_trans", payee_logon_id =
    "payee_logon_id", payee_user_id = "payee_user_id" }
);
impl CouponOrderDisburse {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.coupon.order.disburse.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.coupon.order.disburse";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Pay part of a red packet to a payee's Alipay balance (the user claims the red packet).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        CouponOrderDisburseRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for CouponOrderDisburseRequest {
    const METHOD: &'static str = "alipay.fund.coupon.order.disburse";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_coupon_order_disburse_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = CouponOrderDisburseRequest::RULES;
    type Response = CouponOrderDisburseResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        CouponOrderDisburseErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for CouponOrderDisburseRequest {}
