/// `alipay.marketing.voucher.send` (发券接口): Issue a voucher from a voucher template to an Alipay user.
///
/// Called with `execute` (an HTTPS call to the gateway). Build it with [`VoucherSendRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `login_id`, `taobao_nick`, `user_id`: at least 1; when several are set, the first of user_id > login_id > taobao_nick wins.
/// - `amount` is required only in some cases (see the field).
/// - `amount_red_packet_only` (checked by Alipay): amount is required when the template is a red-packet (红包) template and must be absent for every other template: "红包发放时填写,其它情形不能填". The client cannot see the template kind.
/// - `idempotent_out_biz_no` (advice): template_id + out_biz_no identify one business operation ("相同template_id和out_biz_no认为是同一次业务"): retry with the same pair after an unknown outcome; use a new out_biz_no for a new voucher.
///
/// Example `biz_content`:
/// ```json
/// {"template_id":"20140601000730010040000000EB","user_id":"2088302001456115","out_biz_no":"2016122814164328aadaee_1aee_4","memo":"优酷3个月兑换券"}
/// ```
#[doc(alias = "alipay.marketing.voucher.send")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct VoucherSendRequest {
    /// `template_id`: 券模板ID\
    /// type `string`; required; at most 28 characters; example `20140601000730010040000000EB`.
    pub template_id: ::std::string::String,
    /// `login_id`: 支付宝登录ID,手机或邮箱 。user_id, login_id, taobao_nick不能同时为空,优先级依次降低\
    /// type `string`; one-of group `user`; at most 128 characters; example `13196215350`; not stated by the doc: len_unit.
    pub login_id: ::std::option::Option<::std::string::String>,
    /// `taobao_nick`: 淘宝昵称 。user_id, login_id, taobao_nick不能同时为空,优先级依次降低\
    /// type `string`; one-of group `user`; at most 128 characters; example `yue54333`; not stated by the doc: len_unit.
    pub taobao_nick: ::std::option::Option<::std::string::String>,
    /// `user_id`: 支付宝用户ID 。user_id, login_id, taobao_nick不能同时为空,优先级依次降低\
    /// type `user_id`; one-of group `user`; at most 16 characters; example `2088302001456115`; not stated by the doc: pattern.
    pub user_id: ::std::option::Option<::alipay_core::UserId>,
    /// `out_biz_no`: 外部业务订单号,用于幂等控制,相同template_id和out_biz_no认为是同一次业务\
    /// type `string`; required; at most 64 characters; example `2016122814164328aadaee_1aee_4`. Idempotency key: the same template_id + out_biz_no is the same business operation, so reuse it to retry after SYSTEM_ERROR / 20000.
    pub out_biz_no: ::std::string::String,
    /// `amount`: 券金额。浮点数,格式为#.00,单位是元。红包发放时填写,其它情形不能填\
    /// type `amount`; required only in some cases; at most 10 characters; example `9.99`. Only for red-packet templates, and forbidden for all others (rule amount_red_packet_only); the client cannot know the template kind. The voucher.send doc page calls it 可选 and gives no range. The voucher.send doc page's example sends a JSON number (9.99); the SDK sends a string with exactly 2 decimals.
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `memo`: 发券备注\
    /// type `string`; optional; at most 128 characters; example `优酷3个月兑换券`; not stated by the doc: len_unit.
    pub memo: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`VoucherSendRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod voucher_send_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.marketing.voucher.send was not set";
        template_id, login_id, taobao_nick, user_id, out_biz_no
    );
    /// Satisfied when one-of group `user` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `user` of alipay.marketing.voucher.send is empty: set at least 1 of `login_id`, `taobao_nick`, `user_id`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: user_id > login_id > taobao_nick"
    )]
    pub trait group_user {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_user for (Set<login_id, T0>, taobao_nick, user_id) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_user for (login_id, Set<taobao_nick, T1>, user_id) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_user for (Set<login_id, T0>, Set<taobao_nick, T1>, user_id) {}
    #[diagnostic::do_not_recommend]
    impl<T2> group_user for (login_id, taobao_nick, Set<user_id, T2>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T2> group_user for (Set<login_id, T0>, taobao_nick, Set<user_id, T2>) {}
    #[diagnostic::do_not_recommend]
    impl<T1, T2> group_user for (login_id, Set<taobao_nick, T1>, Set<user_id, T2>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1, T2> group_user
    for (Set<login_id, T0>, Set<taobao_nick, T1>, Set<user_id, T2>) {}
}
/// Builder of [`VoucherSendRequest`]: `build()` compiles only when every required field and one-of group of `alipay.marketing.voucher.send` is set.
#[must_use = "call build() to get the value"]
pub struct VoucherSendRequestBuilder<
    S0 = voucher_send_fields::template_id,
    S1 = voucher_send_fields::login_id,
    S2 = voucher_send_fields::taobao_nick,
    S3 = voucher_send_fields::user_id,
    S4 = voucher_send_fields::out_biz_no,
>(
    (S0, S1, S2, S3, S4),
    (
        ::std::option::Option<::alipay_core::Amount>,
        ::std::option::Option<::std::string::String>,
    ),
);
::alipay_core::__wire_struct!(
    VoucherSendRequest { template_id = "template_id", login_id = "login_id", taobao_nick
    = "taobao_nick", user_id = "user_id", out_biz_no = "out_biz_no", amount = "amount",
    memo = "memo" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use voucher_send_fields as __f;
    use VoucherSendRequestBuilder as __B;
    impl VoucherSendRequest {
        ///The rules of `alipay.marketing.voucher.send` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.marketing.voucher.send",
                &[
                    __F::new("template_id", __Ty::Text).required().max_chars(28),
                    __F::new("login_id", __Ty::Text).one_of(0).max_chars(128),
                    __F::new("taobao_nick", __Ty::Text).one_of(0).max_chars(128),
                    __F::new("user_id", __Ty::UserId).one_of(0).max_chars(16),
                    __F::new("out_biz_no", __Ty::Text).required().max_chars(64),
                    __F::new("amount", __Ty::Amount).max_chars(10),
                    __F::new("memo", __Ty::Text).max_chars(128),
                    __F::new("open_id", __Ty::Text).values(&[]),
                    __F::new("extend_info", __Ty::Json).values(&[]),
                ],
            )
            .groups(&[__a::Group::new(&["user_id", "login_id", "taobao_nick"], 1)]);
        /// A builder with nothing set.
        pub fn builder() -> VoucherSendRequestBuilder {
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
    impl<S0, S1, S2, S3, S4> __B<S0, S1, S2, S3, S4> {
        /// Sets [`template_id`](VoucherSendRequest::template_id).
        pub fn template_id(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::template_id, String>, S1, S2, S3, S4>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3, s4) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3, s4), self.1)
        }
        /// Sets [`login_id`](VoucherSendRequest::login_id).
        pub fn login_id(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::login_id, String>, S2, S3, S4>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3, s4) = self.0;
            __B((s0, __t::Set::new(value.into()), s2, s3, s4), self.1)
        }
        /// Sets [`taobao_nick`](VoucherSendRequest::taobao_nick).
        pub fn taobao_nick(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::taobao_nick, String>, S3, S4>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3, s4) = self.0;
            __B((s0, s1, __t::Set::new(value.into()), s3, s4), self.1)
        }
        /// Sets [`user_id`](VoucherSendRequest::user_id).
        pub fn user_id(
            self,
            value: ::alipay_core::UserId,
        ) -> __B<S0, S1, S2, __t::Set<__f::user_id, ::alipay_core::UserId>, S4>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _, s4) = self.0;
            __B((s0, s1, s2, __t::Set::new(value), s4), self.1)
        }
        /// Sets [`out_biz_no`](VoucherSendRequest::out_biz_no).
        pub fn out_biz_no(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, S2, S3, __t::Set<__f::out_biz_no, String>>
        where
            S4: __t::IsUnset,
        {
            let (s0, s1, s2, s3, _) = self.0;
            __B((s0, s1, s2, s3, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`amount`](VoucherSendRequest::amount).
        pub fn amount(mut self, value: ::alipay_core::Amount) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`memo`](VoucherSendRequest::memo).
        pub fn memo(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> VoucherSendRequest
        where
            S0: __f::Required<String>,
            S1: __t::Slot<String>,
            S2: __t::Slot<String>,
            S3: __t::Slot<::alipay_core::UserId>,
            S4: __f::Required<String>,
            (S1, S2, S3): __f::group_user,
        {
            let ((s0, s1, s2, s3, s4), (amount, memo)) = (self.0, self.1);
            VoucherSendRequest {
                template_id: __t::IsSet::into_value(s0),
                login_id: __t::Slot::into_option(s1),
                taobao_nick: __t::Slot::into_option(s2),
                user_id: __t::Slot::into_option(s3),
                out_biz_no: __t::IsSet::into_value(s4),
                amount,
                memo,
            }
        }
    }
};
/// The answer of `alipay.marketing.voucher.send` (`alipay_marketing_voucher_send_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct VoucherSendResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `voucher_id` (string): 券ID
    pub voucher_id: ::std::option::Option<::std::string::String>,
    /// `user_id` (user_id): 支付宝用户ID
    pub user_id: ::std::option::Option<::std::string::String>,
    /// `open_id` (string): 支付宝用户ID\
    /// SDK models only, not in the voucher.send doc page's table; the Java SDK javadoc copies user_id's text.
    pub open_id: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read VoucherSendResponse { code = "code", msg = "msg", sub_code = "sub_code", sub_msg
    = "sub_msg", voucher_id = "voucher_id", user_id = "user_id", open_id = "open_id" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.marketing.voucher.send`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum VoucherSendErrorCode { #[doc =
    " `TEMPLATE_NOT_EXIST`: 模板不存在 (`fix_request`)"] TemplateNotExist =
    "TEMPLATE_NOT_EXIST" => (FixRequest, "模板不存在",
    "请仔细确认指定模板ID是否存在"), #[doc =
    " `TEMPLATE_EXPIRED`: 模板过期 (`fix_request`)"] #[doc = ""] #[doc =
    " The template is no longer valid: use another template."] TemplateExpired =
    "TEMPLATE_EXPIRED" => (FixRequest, "模板过期",
    "查模板状态确认模板是否过期"), #[doc =
    " `USER_NOT_EXIST`: 用户不存在 (`fix_request`)"] UserNotExist = "USER_NOT_EXIST"
    => (FixRequest, "用户不存在",
    "请仔细确认传入支付宝用户ID是否正确"), #[doc =
    " `USER_STATUS_ERROR`: 用户状态不可用 (`user_action`)"] UserStatusError =
    "USER_STATUS_ERROR" => (UserAction, "用户状态不可用",
    "请确认用户状态是否可用"), #[doc =
    " `INVALID_PARAMETER`: 参数有误 (`fix_request`)"] #[doc = ""] #[doc =
    " The fund APIs call this ILLEGAL_ARGUMENT."] InvalidParameter = "INVALID_PARAMETER"
    => (FixRequest, "参数有误", "请检查入参是否符合接口要求"), #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`retry_same`)"] #[doc = ""] #[doc =
    " Listed three times in the voucher.send doc page with identical texts. Retry with the same template_id + out_biz_no (idempotent); contact support if it persists."]
    SystemError = "SYSTEM_ERROR" => (RetrySame, "系统繁忙",
    "1.发起业务重试 2.联系技术支持") }
);
::alipay_core::__wire_enum!(
    open #[doc =
    " The `notify_type`s of `alipay.marketing.voucher.send`; unknown types are kept (the docs' own examples use others)."]
    pub enum VoucherSendNotifyType {}
);
/// A verified notification of `alipay.marketing.voucher.send`, typed: amounts, datetimes, numbers and enums are read into their types (a value that does not fit is an error of `from_notification`), texts are kept as sent, empty values are absent.
///
/// The voucher.send doc page lists no notify_url public parameter and no 触发通知 section: this API sends no asynchronous notification.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct VoucherSendNotify {
    /// `notify_type`.
    pub notify_type: ::std::option::Option<VoucherSendNotifyType>,
    /// `notify_id`: the same id is resent until answered `success`.
    pub notify_id: ::std::option::Option<::std::string::String>,
    /// `notify_time` (Beijing time).
    pub notify_time: ::std::option::Option<::alipay_core::DateTime>,
    /// `app_id`.
    pub app_id: ::std::option::Option<::std::string::String>,
}
::alipay_core::__notify_struct!(VoucherSendNotify, VoucherSendNotifyType {});
impl VoucherSend {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.marketing.voucher.send.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.marketing.voucher.send";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Issue a voucher from a voucher template to an Alipay user.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        VoucherSendRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for VoucherSendRequest {
    const METHOD: &'static str = "alipay.marketing.voucher.send";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_marketing_voucher_send_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = VoucherSendRequest::RULES;
    type Response = VoucherSendResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        VoucherSendErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for VoucherSendRequest {}
