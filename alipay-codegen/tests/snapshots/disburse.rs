impl Disburse {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "../specs/alipay.fund.coupon.order.disburse.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.coupon.order.disburse";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Pay part of a red packet to a payee's Alipay balance (the user claims the red packet).";
    /// Checks a `biz_content` JSON object against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        DisburseRequest::from_biz_content(json).map(|_| ())
    }
}
/// `alipay.fund.coupon.order.disburse` (红包打款接口): Pay part of a red packet to a payee's Alipay balance (the user claims the red packet).
///
/// Build it with [`DisburseRequest::builder`]; required fields and one-of groups are checked when compiling.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DisburseRequest {
    /// `out_order_no`: 商户的授权资金订单号
    /// 同一商户不同的订单,商户授权资金订单号不能重复
    ///
    /// type `string`; required: yes; max 64 char; example `8077735255938023`.
    ///
    /// Unique per merchant (server-side). Must differ from the pay order's out_order_no (ALY-711128).
    pub out_order_no: ::std::string::String,
    /// `deduct_auth_no`: 发放红包时产生的支付宝资金订单号。deduct_auth_no与下面的deduct_out_order_no不能同时为空,二者都存在时,以deduct_auth_no为准。为了保证支付的高效,建议商户传入deduct_auth_no。
    ///
    /// type `string`; required: one_of; max 64 char; example `2014031600002001260000001024`.
    ///
    /// The auth_no returned by the pay API (app.pay / page.pay / agreement.pay). Recommended over deduct_out_order_no.
    pub deduct_auth_no: ::std::option::Option<::std::string::String>,
    /// `deduct_out_order_no`: 发放红包时的商户授权资金订单号。deduct_out_order_no与上面的deduct_auth_no不能同时为空,二者都存在时,以deduct_auth_no为准。为了保证支付的高效,建议商户传入deduct_auth_no。
    ///
    /// type `string`; required: one_of; max 64 char; example `8077735255937028`.
    ///
    /// The out_order_no the merchant used in the pay API.
    pub deduct_out_order_no: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 商户本次资金操作的请求流水号
    /// 同一商户每次不同的资金操作请求,商户请求流水号不要重复
    ///
    /// type `string`; required: yes; max 64 char; example `8077735255634078`.
    ///
    /// Unique per fund operation (server-side). Reuse it only to retry the same operation (10003/20000/SYSTEM_ERROR).
    pub out_request_no: ::std::string::String,
    /// `order_title`: 业务订单的简单描述,如商品名称等
    /// 长度不超过100个字母或50个汉字
    ///
    /// type `string`; required: yes; max 100 gbk_byte; example `红包打款`; inferred: len_unit.
    ///
    /// Characters outside GBK (emoji, rare CJK) are 4 bytes in GB18030; how the server counts them is unknown.
    pub order_title: ::std::string::String,
    /// `amount`: 需要支付的金额,单位为:元(人民币),精确到小数点后两位
    /// 取值范围:[0.01,100000000.00]
    ///
    /// type `amount`; required: yes; range [0.01, 100000000.00]; example `100.00`.
    ///
    /// The sum of disbursements must not exceed the red packet's remaining amount (MONEY_NOT_ENOUGH, server-side). S0's example sends a JSON number; the SDK sends a string with exactly 2 decimals.
    pub amount: ::alipay_core::Amount,
    /// `payee_user_id`: 收款方的支付宝唯一用户号,以2088开头的16位纯数字组成
    ///
    /// type `user_id`; required: one_of; max 32 char; example `2088102138117431`.
    ///
    /// 16 ASCII digits starting with 2088 (the user_id type); the pattern is stricter than max_len 32. Recommended over payee_logon_id (S3: 建议使用Uid方式).
    pub payee_user_id: ::std::option::Option<::alipay_core::UserId>,
    /// `payee_logon_id`: 收款方的支付宝登录号,形式为手机号或邮箱等
    ///
    /// type `string`; required: one_of; max 100 char; example `alitest@alipay.com`; inferred: len_unit.
    pub payee_logon_id: ::std::option::Option<::std::string::String>,
    /// `pay_timeout`: 该笔订单允许的最晚付款时间,逾期将关闭该笔订单
    /// 取值范围:1m~7d。m-分钟,h-小时,d-天。 该参数数值不接受小数点, 如 1.5h,可转换为90m,如果为空,默认1h
    ///
    /// type `pay_timeout`; required: no; max 5 char; range 1m~7d; server default `1h` (never sent by the SDK); example `1h`.
    ///
    /// Both max_len and range apply: 10080m (= 7d) is in range but 6 characters, so it is rejected; write 7d (apis.md 6.3). The default is the server's; the SDK never sends it.
    pub pay_timeout: ::std::option::Option<::alipay_core::PayTimeout>,
    /// `extra_param`: 业务扩展参数,用于商户的特定业务信息的传递,json格式
    ///
    /// type `json`; required: no; max 300 char; example `{"merchantExt":"key=value"}`.
    ///
    /// A string holding JSON text, so it is double-encoded inside biz_content. An object is expected (every example is one; inferred, apis.md 3.5).
    pub extra_param: ::std::option::Option<::alipay_core::value::JsonObjectText>,
}
/// Typestate markers of [`DisburseRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types)]
pub mod disburse_fields {
    /// Marks wire field `out_order_no` in the builder's state.
    pub enum out_order_no {}
    /// Marks wire field `deduct_auth_no` in the builder's state.
    pub enum deduct_auth_no {}
    /// Marks wire field `deduct_out_order_no` in the builder's state.
    pub enum deduct_out_order_no {}
    /// Marks wire field `out_request_no` in the builder's state.
    pub enum out_request_no {}
    /// Marks wire field `order_title` in the builder's state.
    pub enum order_title {}
    /// Marks wire field `amount` in the builder's state.
    pub enum amount {}
    /// Marks wire field `payee_user_id` in the builder's state.
    pub enum payee_user_id {}
    /// Marks wire field `payee_logon_id` in the builder's state.
    pub enum payee_logon_id {}
    /// Satisfied when one-of group `deduct` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `deduct` of alipay.fund.coupon.order.disburse is empty: set at least 1 of `deduct_auth_no`, `deduct_out_order_no`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: deduct_auth_no > deduct_out_order_no"
    )]
    #[allow(non_camel_case_types)]
    pub trait group_deduct {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_deduct
    for (
        ::alipay_core::api::typestate::Set<deduct_auth_no, T0>,
        ::alipay_core::api::typestate::Unset<deduct_out_order_no>,
    ) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_deduct
    for (
        ::alipay_core::api::typestate::Unset<deduct_auth_no>,
        ::alipay_core::api::typestate::Set<deduct_out_order_no, T1>,
    ) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_deduct
    for (
        ::alipay_core::api::typestate::Set<deduct_auth_no, T0>,
        ::alipay_core::api::typestate::Set<deduct_out_order_no, T1>,
    ) {}
    /// Satisfied when one-of group `payee` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `payee` of alipay.fund.coupon.order.disburse is empty: set at least 1 of `payee_user_id`, `payee_logon_id`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: payee_user_id > payee_logon_id"
    )]
    #[allow(non_camel_case_types)]
    pub trait group_payee {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_payee
    for (
        ::alipay_core::api::typestate::Set<payee_user_id, T0>,
        ::alipay_core::api::typestate::Unset<payee_logon_id>,
    ) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_payee
    for (
        ::alipay_core::api::typestate::Unset<payee_user_id>,
        ::alipay_core::api::typestate::Set<payee_logon_id, T1>,
    ) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_payee
    for (
        ::alipay_core::api::typestate::Set<payee_user_id, T0>,
        ::alipay_core::api::typestate::Set<payee_logon_id, T1>,
    ) {}
}
#[doc(hidden)]
#[derive(Default)]
pub struct __DisburseRequestOptional {
    pay_timeout: ::std::option::Option<::alipay_core::PayTimeout>,
    extra_param: ::std::option::Option<::alipay_core::value::JsonObjectText>,
}
/// Builder of [`DisburseRequest`]: setters named after the wire fields; `build()` compiles only when every required field and one-of group of `alipay.fund.coupon.order.disburse` is set.
#[must_use = "call build() to get the request"]
pub struct DisburseRequestBuilder<
    S0 = ::alipay_core::api::typestate::Unset<disburse_fields::out_order_no>,
    S1 = ::alipay_core::api::typestate::Unset<disburse_fields::deduct_auth_no>,
    S2 = ::alipay_core::api::typestate::Unset<disburse_fields::deduct_out_order_no>,
    S3 = ::alipay_core::api::typestate::Unset<disburse_fields::out_request_no>,
    S4 = ::alipay_core::api::typestate::Unset<disburse_fields::order_title>,
    S5 = ::alipay_core::api::typestate::Unset<disburse_fields::amount>,
    S6 = ::alipay_core::api::typestate::Unset<disburse_fields::payee_user_id>,
    S7 = ::alipay_core::api::typestate::Unset<disburse_fields::payee_logon_id>,
> {
    __slot0: S0,
    __slot1: S1,
    __slot2: S2,
    __slot3: S3,
    __slot4: S4,
    __slot5: S5,
    __slot6: S6,
    __slot7: S7,
    __optional: __DisburseRequestOptional,
}
impl DisburseRequest {
    /// A builder with nothing set.
    pub fn builder() -> DisburseRequestBuilder {
        DisburseRequestBuilder {
            __slot0: ::std::default::Default::default(),
            __slot1: ::std::default::Default::default(),
            __slot2: ::std::default::Default::default(),
            __slot3: ::std::default::Default::default(),
            __slot4: ::std::default::Default::default(),
            __slot5: ::std::default::Default::default(),
            __slot6: ::std::default::Default::default(),
            __slot7: ::std::default::Default::default(),
            __optional: ::std::default::Default::default(),
        }
    }
    /// Every rule of the spec this request breaks, at once.
    pub fn validate(&self) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
        let mut v = ::alipay_core::api::Violations::default();
        {
            ::alipay_core::api::__private::required_text(
                &mut v,
                "out_order_no",
                (&self.out_order_no),
            );
            ::alipay_core::api::__private::max_len(
                &mut v,
                "out_order_no",
                (&self.out_order_no).as_str(),
                64usize,
                false,
            );
        }
        if let ::std::option::Option::Some(x) = &self.deduct_auth_no {
            if !x.is_empty() {
                ::alipay_core::api::__private::max_len(
                    &mut v,
                    "deduct_auth_no",
                    x.as_str(),
                    64usize,
                    false,
                );
            }
        }
        if let ::std::option::Option::Some(x) = &self.deduct_out_order_no {
            if !x.is_empty() {
                ::alipay_core::api::__private::max_len(
                    &mut v,
                    "deduct_out_order_no",
                    x.as_str(),
                    64usize,
                    false,
                );
            }
        }
        {
            ::alipay_core::api::__private::required_text(
                &mut v,
                "out_request_no",
                (&self.out_request_no),
            );
            ::alipay_core::api::__private::max_len(
                &mut v,
                "out_request_no",
                (&self.out_request_no).as_str(),
                64usize,
                false,
            );
        }
        {
            ::alipay_core::api::__private::required_text(
                &mut v,
                "order_title",
                (&self.order_title),
            );
            ::alipay_core::api::__private::max_len(
                &mut v,
                "order_title",
                (&self.order_title).as_str(),
                100usize,
                true,
            );
        }
        {
            ::alipay_core::api::__private::amount_range(
                &mut v,
                "amount",
                (&self.amount),
                1u64,
                10000000000u64,
            );
        }
        if let ::std::option::Option::Some(x) = &self.payee_user_id {
            if true {
                ::alipay_core::api::__private::max_len(
                    &mut v,
                    "payee_user_id",
                    x.as_str(),
                    32usize,
                    false,
                );
            }
        }
        if let ::std::option::Option::Some(x) = &self.payee_logon_id {
            if !x.is_empty() {
                ::alipay_core::api::__private::max_len(
                    &mut v,
                    "payee_logon_id",
                    x.as_str(),
                    100usize,
                    false,
                );
            }
        }
        if let ::std::option::Option::Some(x) = &self.pay_timeout {
            if true {
                ::alipay_core::api::__private::max_len(
                    &mut v,
                    "pay_timeout",
                    x.as_str(),
                    5usize,
                    false,
                );
                ::alipay_core::api::__private::pay_timeout_range(
                    &mut v,
                    "pay_timeout",
                    x,
                    (1u32, "1m"),
                    (10080u32, "7d"),
                );
            }
        }
        if let ::std::option::Option::Some(x) = &self.extra_param {
            if true {
                ::alipay_core::api::__private::max_len(
                    &mut v,
                    "extra_param",
                    x.as_str(),
                    300usize,
                    false,
                );
            }
        }
        ::alipay_core::api::__private::one_of(
            &mut v,
            &[
                (
                    "deduct_auth_no",
                    self.deduct_auth_no.as_ref().is_some_and(|x| !x.is_empty()),
                ),
                (
                    "deduct_out_order_no",
                    self.deduct_out_order_no.as_ref().is_some_and(|x| !x.is_empty()),
                ),
            ],
            1usize,
        );
        ::alipay_core::api::__private::one_of(
            &mut v,
            &[
                ("payee_user_id", self.payee_user_id.as_ref().is_some_and(|x| true)),
                (
                    "payee_logon_id",
                    self.payee_logon_id.as_ref().is_some_and(|x| !x.is_empty()),
                ),
            ],
            1usize,
        );
        v.into_result()
    }
    /// Parses and checks a `biz_content` JSON object (amounts read exactly), reporting
    /// every broken rule at once.
    pub fn from_biz_content(
        json: &str,
    ) -> ::std::result::Result<Self, ::alipay_core::api::BizError> {
        let j = ::alipay_core::api::__private::BizFields::parse(json)?;
        let mut v = ::alipay_core::api::Violations::default();
        let out_order_no = j.text(&mut v, "out_order_no", true);
        let deduct_auth_no = j.text(&mut v, "deduct_auth_no", false);
        let deduct_out_order_no = j.text(&mut v, "deduct_out_order_no", false);
        let out_request_no = j.text(&mut v, "out_request_no", true);
        let order_title = j.text(&mut v, "order_title", true);
        let amount = j.typed::<::alipay_core::Amount>(&mut v, "amount", true, "grammar");
        let payee_user_id = j
            .typed::<::alipay_core::UserId>(&mut v, "payee_user_id", false, "grammar");
        let payee_logon_id = j.text(&mut v, "payee_logon_id", false);
        let pay_timeout = j
            .typed::<::alipay_core::PayTimeout>(&mut v, "pay_timeout", false, "grammar");
        let extra_param = j
            .typed::<
                ::alipay_core::value::JsonObjectText,
            >(&mut v, "extra_param", false, "json_object");
        if let ::std::option::Option::Some(x) = &out_order_no {
            ::alipay_core::api::__private::required_text(&mut v, "out_order_no", x);
            ::alipay_core::api::__private::max_len(
                &mut v,
                "out_order_no",
                x.as_str(),
                64usize,
                false,
            );
        }
        if let ::std::option::Option::Some(x) = &deduct_auth_no {
            ::alipay_core::api::__private::max_len(
                &mut v,
                "deduct_auth_no",
                x.as_str(),
                64usize,
                false,
            );
        }
        if let ::std::option::Option::Some(x) = &deduct_out_order_no {
            ::alipay_core::api::__private::max_len(
                &mut v,
                "deduct_out_order_no",
                x.as_str(),
                64usize,
                false,
            );
        }
        if let ::std::option::Option::Some(x) = &out_request_no {
            ::alipay_core::api::__private::required_text(&mut v, "out_request_no", x);
            ::alipay_core::api::__private::max_len(
                &mut v,
                "out_request_no",
                x.as_str(),
                64usize,
                false,
            );
        }
        if let ::std::option::Option::Some(x) = &order_title {
            ::alipay_core::api::__private::required_text(&mut v, "order_title", x);
            ::alipay_core::api::__private::max_len(
                &mut v,
                "order_title",
                x.as_str(),
                100usize,
                true,
            );
        }
        if let ::std::option::Option::Some(x) = &amount {
            ::alipay_core::api::__private::amount_range(
                &mut v,
                "amount",
                x,
                1u64,
                10000000000u64,
            );
        }
        if let ::std::option::Option::Some(x) = &payee_user_id {
            ::alipay_core::api::__private::max_len(
                &mut v,
                "payee_user_id",
                x.as_str(),
                32usize,
                false,
            );
        }
        if let ::std::option::Option::Some(x) = &payee_logon_id {
            ::alipay_core::api::__private::max_len(
                &mut v,
                "payee_logon_id",
                x.as_str(),
                100usize,
                false,
            );
        }
        if let ::std::option::Option::Some(x) = &pay_timeout {
            ::alipay_core::api::__private::max_len(
                &mut v,
                "pay_timeout",
                x.as_str(),
                5usize,
                false,
            );
            ::alipay_core::api::__private::pay_timeout_range(
                &mut v,
                "pay_timeout",
                x,
                (1u32, "1m"),
                (10080u32, "7d"),
            );
        }
        if let ::std::option::Option::Some(x) = &extra_param {
            ::alipay_core::api::__private::max_len(
                &mut v,
                "extra_param",
                x.as_str(),
                300usize,
                false,
            );
        }
        ::alipay_core::api::__private::one_of(
            &mut v,
            &[
                ("deduct_auth_no", j.present("deduct_auth_no")),
                ("deduct_out_order_no", j.present("deduct_out_order_no")),
            ],
            1usize,
        );
        ::alipay_core::api::__private::one_of(
            &mut v,
            &[
                ("payee_user_id", j.present("payee_user_id")),
                ("payee_logon_id", j.present("payee_logon_id")),
            ],
            1usize,
        );
        j.unknown(
            &mut v,
            &[
                "out_order_no",
                "deduct_auth_no",
                "deduct_out_order_no",
                "out_request_no",
                "order_title",
                "amount",
                "payee_user_id",
                "payee_logon_id",
                "pay_timeout",
                "extra_param",
            ],
        );
        let (
            ::std::option::Option::Some(out_order_no),
            ::std::option::Option::Some(out_request_no),
            ::std::option::Option::Some(order_title),
            ::std::option::Option::Some(amount),
        ) = (out_order_no, out_request_no, order_title, amount) else {
            return ::std::result::Result::Err(::alipay_core::api::BizError::Invalid(v));
        };
        if !v.is_empty() {
            return ::std::result::Result::Err(::alipay_core::api::BizError::Invalid(v));
        }
        ::std::result::Result::Ok(DisburseRequest {
            out_order_no,
            deduct_auth_no,
            deduct_out_order_no,
            out_request_no,
            order_title,
            amount,
            payee_user_id,
            payee_logon_id,
            pay_timeout,
            extra_param,
        })
    }
}
impl<
    S0,
    S1,
    S2,
    S3,
    S4,
    S5,
    S6,
    S7,
> DisburseRequestBuilder<S0, S1, S2, S3, S4, S5, S6, S7> {
    /// `out_order_no`: 商户的授权资金订单号
    /// 同一商户不同的订单,商户授权资金订单号不能重复
    ///
    /// type `string`; required: yes; max 64 char; example `8077735255938023`.
    ///
    /// Unique per merchant (server-side). Must differ from the pay order's out_order_no (ALY-711128).
    pub fn out_order_no(
        self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> DisburseRequestBuilder<
        ::alipay_core::api::typestate::Set<
            disburse_fields::out_order_no,
            ::std::string::String,
        >,
        S1,
        S2,
        S3,
        S4,
        S5,
        S6,
        S7,
    >
    where
        S0: ::alipay_core::api::typestate::IsUnset,
    {
        DisburseRequestBuilder {
            __slot0: ::alipay_core::api::typestate::Set::new(value.into()),
            __slot1: self.__slot1,
            __slot2: self.__slot2,
            __slot3: self.__slot3,
            __slot4: self.__slot4,
            __slot5: self.__slot5,
            __slot6: self.__slot6,
            __slot7: self.__slot7,
            __optional: self.__optional,
        }
    }
    /// `deduct_auth_no`: 发放红包时产生的支付宝资金订单号。deduct_auth_no与下面的deduct_out_order_no不能同时为空,二者都存在时,以deduct_auth_no为准。为了保证支付的高效,建议商户传入deduct_auth_no。
    ///
    /// type `string`; required: one_of; max 64 char; example `2014031600002001260000001024`.
    ///
    /// The auth_no returned by the pay API (app.pay / page.pay / agreement.pay). Recommended over deduct_out_order_no.
    pub fn deduct_auth_no(
        self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> DisburseRequestBuilder<
        S0,
        ::alipay_core::api::typestate::Set<
            disburse_fields::deduct_auth_no,
            ::std::string::String,
        >,
        S2,
        S3,
        S4,
        S5,
        S6,
        S7,
    >
    where
        S1: ::alipay_core::api::typestate::IsUnset,
    {
        DisburseRequestBuilder {
            __slot0: self.__slot0,
            __slot1: ::alipay_core::api::typestate::Set::new(value.into()),
            __slot2: self.__slot2,
            __slot3: self.__slot3,
            __slot4: self.__slot4,
            __slot5: self.__slot5,
            __slot6: self.__slot6,
            __slot7: self.__slot7,
            __optional: self.__optional,
        }
    }
    /// `deduct_out_order_no`: 发放红包时的商户授权资金订单号。deduct_out_order_no与上面的deduct_auth_no不能同时为空,二者都存在时,以deduct_auth_no为准。为了保证支付的高效,建议商户传入deduct_auth_no。
    ///
    /// type `string`; required: one_of; max 64 char; example `8077735255937028`.
    ///
    /// The out_order_no the merchant used in the pay API.
    pub fn deduct_out_order_no(
        self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> DisburseRequestBuilder<
        S0,
        S1,
        ::alipay_core::api::typestate::Set<
            disburse_fields::deduct_out_order_no,
            ::std::string::String,
        >,
        S3,
        S4,
        S5,
        S6,
        S7,
    >
    where
        S2: ::alipay_core::api::typestate::IsUnset,
    {
        DisburseRequestBuilder {
            __slot0: self.__slot0,
            __slot1: self.__slot1,
            __slot2: ::alipay_core::api::typestate::Set::new(value.into()),
            __slot3: self.__slot3,
            __slot4: self.__slot4,
            __slot5: self.__slot5,
            __slot6: self.__slot6,
            __slot7: self.__slot7,
            __optional: self.__optional,
        }
    }
    /// `out_request_no`: 商户本次资金操作的请求流水号
    /// 同一商户每次不同的资金操作请求,商户请求流水号不要重复
    ///
    /// type `string`; required: yes; max 64 char; example `8077735255634078`.
    ///
    /// Unique per fund operation (server-side). Reuse it only to retry the same operation (10003/20000/SYSTEM_ERROR).
    pub fn out_request_no(
        self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> DisburseRequestBuilder<
        S0,
        S1,
        S2,
        ::alipay_core::api::typestate::Set<
            disburse_fields::out_request_no,
            ::std::string::String,
        >,
        S4,
        S5,
        S6,
        S7,
    >
    where
        S3: ::alipay_core::api::typestate::IsUnset,
    {
        DisburseRequestBuilder {
            __slot0: self.__slot0,
            __slot1: self.__slot1,
            __slot2: self.__slot2,
            __slot3: ::alipay_core::api::typestate::Set::new(value.into()),
            __slot4: self.__slot4,
            __slot5: self.__slot5,
            __slot6: self.__slot6,
            __slot7: self.__slot7,
            __optional: self.__optional,
        }
    }
    /// `order_title`: 业务订单的简单描述,如商品名称等
    /// 长度不超过100个字母或50个汉字
    ///
    /// type `string`; required: yes; max 100 gbk_byte; example `红包打款`; inferred: len_unit.
    ///
    /// Characters outside GBK (emoji, rare CJK) are 4 bytes in GB18030; how the server counts them is unknown.
    pub fn order_title(
        self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> DisburseRequestBuilder<
        S0,
        S1,
        S2,
        S3,
        ::alipay_core::api::typestate::Set<
            disburse_fields::order_title,
            ::std::string::String,
        >,
        S5,
        S6,
        S7,
    >
    where
        S4: ::alipay_core::api::typestate::IsUnset,
    {
        DisburseRequestBuilder {
            __slot0: self.__slot0,
            __slot1: self.__slot1,
            __slot2: self.__slot2,
            __slot3: self.__slot3,
            __slot4: ::alipay_core::api::typestate::Set::new(value.into()),
            __slot5: self.__slot5,
            __slot6: self.__slot6,
            __slot7: self.__slot7,
            __optional: self.__optional,
        }
    }
    /// `amount`: 需要支付的金额,单位为:元(人民币),精确到小数点后两位
    /// 取值范围:[0.01,100000000.00]
    ///
    /// type `amount`; required: yes; range [0.01, 100000000.00]; example `100.00`.
    ///
    /// The sum of disbursements must not exceed the red packet's remaining amount (MONEY_NOT_ENOUGH, server-side). S0's example sends a JSON number; the SDK sends a string with exactly 2 decimals.
    pub fn amount(
        self,
        value: ::alipay_core::Amount,
    ) -> DisburseRequestBuilder<
        S0,
        S1,
        S2,
        S3,
        S4,
        ::alipay_core::api::typestate::Set<
            disburse_fields::amount,
            ::alipay_core::Amount,
        >,
        S6,
        S7,
    >
    where
        S5: ::alipay_core::api::typestate::IsUnset,
    {
        DisburseRequestBuilder {
            __slot0: self.__slot0,
            __slot1: self.__slot1,
            __slot2: self.__slot2,
            __slot3: self.__slot3,
            __slot4: self.__slot4,
            __slot5: ::alipay_core::api::typestate::Set::new(value),
            __slot6: self.__slot6,
            __slot7: self.__slot7,
            __optional: self.__optional,
        }
    }
    /// `payee_user_id`: 收款方的支付宝唯一用户号,以2088开头的16位纯数字组成
    ///
    /// type `user_id`; required: one_of; max 32 char; example `2088102138117431`.
    ///
    /// 16 ASCII digits starting with 2088 (the user_id type); the pattern is stricter than max_len 32. Recommended over payee_logon_id (S3: 建议使用Uid方式).
    pub fn payee_user_id(
        self,
        value: ::alipay_core::UserId,
    ) -> DisburseRequestBuilder<
        S0,
        S1,
        S2,
        S3,
        S4,
        S5,
        ::alipay_core::api::typestate::Set<
            disburse_fields::payee_user_id,
            ::alipay_core::UserId,
        >,
        S7,
    >
    where
        S6: ::alipay_core::api::typestate::IsUnset,
    {
        DisburseRequestBuilder {
            __slot0: self.__slot0,
            __slot1: self.__slot1,
            __slot2: self.__slot2,
            __slot3: self.__slot3,
            __slot4: self.__slot4,
            __slot5: self.__slot5,
            __slot6: ::alipay_core::api::typestate::Set::new(value),
            __slot7: self.__slot7,
            __optional: self.__optional,
        }
    }
    /// `payee_logon_id`: 收款方的支付宝登录号,形式为手机号或邮箱等
    ///
    /// type `string`; required: one_of; max 100 char; example `alitest@alipay.com`; inferred: len_unit.
    pub fn payee_logon_id(
        self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> DisburseRequestBuilder<
        S0,
        S1,
        S2,
        S3,
        S4,
        S5,
        S6,
        ::alipay_core::api::typestate::Set<
            disburse_fields::payee_logon_id,
            ::std::string::String,
        >,
    >
    where
        S7: ::alipay_core::api::typestate::IsUnset,
    {
        DisburseRequestBuilder {
            __slot0: self.__slot0,
            __slot1: self.__slot1,
            __slot2: self.__slot2,
            __slot3: self.__slot3,
            __slot4: self.__slot4,
            __slot5: self.__slot5,
            __slot6: self.__slot6,
            __slot7: ::alipay_core::api::typestate::Set::new(value.into()),
            __optional: self.__optional,
        }
    }
    /// `pay_timeout`: 该笔订单允许的最晚付款时间,逾期将关闭该笔订单
    /// 取值范围:1m~7d。m-分钟,h-小时,d-天。 该参数数值不接受小数点, 如 1.5h,可转换为90m,如果为空,默认1h
    ///
    /// type `pay_timeout`; required: no; max 5 char; range 1m~7d; server default `1h` (never sent by the SDK); example `1h`.
    ///
    /// Both max_len and range apply: 10080m (= 7d) is in range but 6 characters, so it is rejected; write 7d (apis.md 6.3). The default is the server's; the SDK never sends it.
    pub fn pay_timeout(mut self, value: ::alipay_core::PayTimeout) -> Self {
        self.__optional.pay_timeout = ::std::option::Option::Some(value);
        self
    }
    /// `extra_param`: 业务扩展参数,用于商户的特定业务信息的传递,json格式
    ///
    /// type `json`; required: no; max 300 char; example `{"merchantExt":"key=value"}`.
    ///
    /// A string holding JSON text, so it is double-encoded inside biz_content. An object is expected (every example is one; inferred, apis.md 3.5).
    pub fn extra_param(mut self, value: ::alipay_core::value::JsonObjectText) -> Self {
        self.__optional.extra_param = ::std::option::Option::Some(value);
        self
    }
    /// The request. Compiles only when every required field and enforced one-of group is set.
    pub fn build(self) -> DisburseRequest
    where
        S0: ::alipay_core::api::typestate::IsSet<::std::string::String>,
        S1: ::alipay_core::api::typestate::Slot<::std::string::String>,
        S2: ::alipay_core::api::typestate::Slot<::std::string::String>,
        S3: ::alipay_core::api::typestate::IsSet<::std::string::String>,
        S4: ::alipay_core::api::typestate::IsSet<::std::string::String>,
        S5: ::alipay_core::api::typestate::IsSet<::alipay_core::Amount>,
        S6: ::alipay_core::api::typestate::Slot<::alipay_core::UserId>,
        S7: ::alipay_core::api::typestate::Slot<::std::string::String>,
        (S1, S2): disburse_fields::group_deduct,
        (S6, S7): disburse_fields::group_payee,
    {
        let o = self.__optional;
        DisburseRequest {
            out_order_no: ::alipay_core::api::typestate::IsSet::into_value(self.__slot0),
            deduct_auth_no: ::alipay_core::api::typestate::Slot::into_option(
                self.__slot1,
            ),
            deduct_out_order_no: ::alipay_core::api::typestate::Slot::into_option(
                self.__slot2,
            ),
            out_request_no: ::alipay_core::api::typestate::IsSet::into_value(
                self.__slot3,
            ),
            order_title: ::alipay_core::api::typestate::IsSet::into_value(self.__slot4),
            amount: ::alipay_core::api::typestate::IsSet::into_value(self.__slot5),
            payee_user_id: ::alipay_core::api::typestate::Slot::into_option(
                self.__slot6,
            ),
            payee_logon_id: ::alipay_core::api::typestate::Slot::into_option(
                self.__slot7,
            ),
            pay_timeout: o.pay_timeout,
            extra_param: o.extra_param,
        }
    }
}
impl ::alipay_core::api::Api for DisburseRequest {
    const METHOD: &'static str = "alipay.fund.coupon.order.disburse";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_coupon_order_disburse_response";
    const NOTIFY_URL: bool = true;
    const RETURN_URL: bool = false;
    type Response = DisburseResponse;
    fn validate(&self) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
        DisburseRequest::validate(self)
    }
    fn biz_content(&self) -> ::std::string::String {
        let mut o = ::alipay_core::api::__private::JsonObject::default();
        o.field("out_order_no", &self.out_order_no);
        if let ::std::option::Option::Some(x) = &self.deduct_auth_no {
            if !x.is_empty() {
                o.field("deduct_auth_no", x);
            }
        }
        if let ::std::option::Option::Some(x) = &self.deduct_out_order_no {
            if !x.is_empty() {
                o.field("deduct_out_order_no", x);
            }
        }
        o.field("out_request_no", &self.out_request_no);
        o.field("order_title", &self.order_title);
        o.field("amount", &self.amount);
        if let ::std::option::Option::Some(x) = &self.payee_user_id {
            if true {
                o.field("payee_user_id", x);
            }
        }
        if let ::std::option::Option::Some(x) = &self.payee_logon_id {
            if !x.is_empty() {
                o.field("payee_logon_id", x);
            }
        }
        if let ::std::option::Option::Some(x) = &self.pay_timeout {
            if true {
                o.field("pay_timeout", x);
            }
        }
        if let ::std::option::Option::Some(x) = &self.extra_param {
            if true {
                o.field("extra_param", x);
            }
        }
        o.finish()
    }
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        DisburseErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for DisburseRequest {}
/// `status` of `alipay.fund.coupon.order.disburse`; unknown values are kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DisburseResponseStatus {
    /// `INIT`
    Init,
    /// `SUCCESS`
    Success,
    /// `CLOSED`
    Closed,
    /// A value this SDK does not know yet, kept as sent.
    Other(::std::string::String),
}
impl DisburseResponseStatus {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            DisburseResponseStatus::Init => "INIT",
            DisburseResponseStatus::Success => "SUCCESS",
            DisburseResponseStatus::Closed => "CLOSED",
            DisburseResponseStatus::Other(s) => s.as_str(),
        }
    }
}
impl ::std::convert::From<&str> for DisburseResponseStatus {
    fn from(s: &str) -> Self {
        match s {
            "INIT" => DisburseResponseStatus::Init,
            "SUCCESS" => DisburseResponseStatus::Success,
            "CLOSED" => DisburseResponseStatus::Closed,
            other => DisburseResponseStatus::Other(other.to_string()),
        }
    }
}
impl<'de> ::alipay_core::api::__private::serde::Deserialize<'de>
for DisburseResponseStatus {
    fn deserialize<D: ::alipay_core::api::__private::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        let s = <::std::string::String as ::alipay_core::api::__private::serde::Deserialize>::deserialize(
            d,
        )?;
        ::std::result::Result::Ok(DisburseResponseStatus::from(s.as_str()))
    }
}
/// The answer of `alipay.fund.coupon.order.disburse` (`alipay_fund_coupon_order_disburse_response`). Every field is optional: error replies carry none.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::alipay_core::api::__private::serde::Deserialize
)]
#[serde(crate = "::alipay_core::api::__private::serde")]
#[non_exhaustive]
pub struct DisburseResponse {
    /// `code`: `10000` on success.
    #[serde(default)]
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    #[serde(default)]
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    #[serde(default)]
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    #[serde(default)]
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `auth_no`: 支付宝的资金授权订单号
    ///
    /// type `string`; required: yes; max 64 char; example `2014070800002001550000014417`.
    #[serde(default, rename = "auth_no")]
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no`: 商户的授权资金订单号
    ///
    /// type `string`; required: yes; max 64 char; example `4977164666634053`.
    #[serde(default, rename = "out_order_no")]
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id`: 支付宝的资金操作流水号
    ///
    /// type `string`; required: yes; max 64 char; example `2014070800032850551`.
    #[serde(default, rename = "operation_id")]
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 商户本次资金操作的请求流水号
    ///
    /// type `string`; required: yes; max 64 char; example `2014070700166653`.
    #[serde(default, rename = "out_request_no")]
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `amount`: 本次支付的金额,单位为:元(人民币),精确到小数点后两位
    ///
    /// type `amount`; required: yes; example `100.00`.
    ///
    /// S0 says Price, max length 11; amounts carry no max_len (apis.md 6.2) and response amounts no range. S0's example is a JSON number (100.00), live replies use a string; accept both.
    #[serde(
        default,
        rename = "amount",
        deserialize_with = "::alipay_core::Amount::deserialize_optional"
    )]
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status`: 资金预授权明细的状态
    /// 目前支持: INIT:初始
    /// SUCCESS: 成功
    /// CLOSED:关闭
    ///
    /// type `enum`; required: yes; max 20 char; example `SUCCESS`.
    #[serde(default, rename = "status")]
    pub status: ::std::option::Option<DisburseResponseStatus>,
    /// `gmt_trans`: 资金授权成功时间
    /// 格式:YYYY-MM-DD HH:MM:SS
    ///
    /// type `datetime`; required: yes; max 20 char; example `2014-09-15 11:23:04`.
    #[serde(default, rename = "gmt_trans")]
    pub gmt_trans: ::std::option::Option<::std::string::String>,
}
/// The business error codes (`sub_code`) of `alipay.fund.coupon.order.disburse`, with the documented handling. Unknown codes are kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DisburseErrorCode {
    /// `SYSTEM_ERROR`: 系统繁忙
    ///
    /// 请使用相同的参数再次调用 (handling: `retry_same`)
    ///
    /// Here: retry with the same parameters (same out_request_no). voucher.create's SYSTEM_ERROR says query first.
    SystemError,
    /// `EXIST_FORBIDDEN_WORD`: 下单失败,订单信息中包含违禁词,请修改订单信息
    ///
    /// 修改订单信息后,重新发起请求 (handling: `fix_request`)
    ExistForbiddenWord,
    /// `UNIQUE_VIOLATION`: 下单失败,商户订单号重复
    ///
    /// 更换商户的授权资金订单号后,重新发起请求 (handling: `new_out_order_no`)
    UniqueViolation,
    /// `ILLEGAL_ARGUMENT`: 参数有误
    ///
    /// 请求参数有错,重新检查请求后,再重新发起 (handling: `fix_request`)
    IllegalArgument,
    /// `ILLEGAL_STATUS`: 订单状态非法
    ///
    /// 根据商户授权单号查询对应的支付宝交易信息,查看交易状态 (handling: `query_then_decide`)
    IllegalStatus,
    /// `MONEY_NOT_ENOUGH`: 本次打款的金额超过剩余金额
    ///
    /// 修改打款金额 (handling: `fix_request`)
    ///
    /// Here: amount exceeds the red packet's remaining amount. In voucher.create the same code means the payer's balance is short.
    MoneyNotEnough,
    /// `PAYEE_NOT_EXIST`: 收款方支付宝账户不存在
    ///
    /// 检查是否收款方支付宝uid有误 (handling: `fix_request`)
    PayeeNotExist,
    /// `PAYEE_USER_STATUS_LIMIT`: 收款方支付宝账户受限
    ///
    /// 收款方支付宝账户受限,请登录支付宝认证升级,详情咨询95188 (handling: `user_action`)
    PayeeUserStatusLimit,
    /// `ACCESS_FORBIDDEN`: 支付失败,对应商户没有权限使用该产品
    ///
    /// 商户对应合同可能已到期,请重新签约 (handling: `merchant_contract`)
    AccessForbidden,
    /// `AUTH_ORDER_NOT_EXIST`: 入参有误,导致红包对应的订单不存在
    ///
    /// 入参中,发放红包时产生的支付宝资金订单号或商户订单号是否传入有误,导致找不到红包数据 (handling: `fix_request`)
    ///
    /// deduct_auth_no / deduct_out_order_no does not name an existing red packet.
    AuthOrderNotExist,
    /// `ORDER_ALREADY_FINISH`: 本笔支付订单已经完结,无法再进行资金操作
    ///
    /// 更换商户授权资金订单号后,重新发起请求 (handling: `new_out_order_no`)
    OrderAlreadyFinish,
    /// `ORDER_ALREADY_CLOSED`: 支付失败,本笔支付订单已关闭
    ///
    /// 更换商户授权资金订单号后,重新发起请求 (handling: `new_out_order_no`)
    OrderAlreadyClosed,
    /// A code the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl DisburseErrorCode {
    /// The code of a `sub_code`.
    pub fn from_sub_code(code: &str) -> Self {
        match code {
            "SYSTEM_ERROR" => DisburseErrorCode::SystemError,
            "EXIST_FORBIDDEN_WORD" => DisburseErrorCode::ExistForbiddenWord,
            "UNIQUE_VIOLATION" => DisburseErrorCode::UniqueViolation,
            "ILLEGAL_ARGUMENT" => DisburseErrorCode::IllegalArgument,
            "ILLEGAL_STATUS" => DisburseErrorCode::IllegalStatus,
            "MONEY_NOT_ENOUGH" => DisburseErrorCode::MoneyNotEnough,
            "PAYEE_NOT_EXIST" => DisburseErrorCode::PayeeNotExist,
            "PAYEE_USER_STATUS_LIMIT" => DisburseErrorCode::PayeeUserStatusLimit,
            "ACCESS_FORBIDDEN" => DisburseErrorCode::AccessForbidden,
            "AUTH_ORDER_NOT_EXIST" => DisburseErrorCode::AuthOrderNotExist,
            "ORDER_ALREADY_FINISH" => DisburseErrorCode::OrderAlreadyFinish,
            "ORDER_ALREADY_CLOSED" => DisburseErrorCode::OrderAlreadyClosed,
            other => DisburseErrorCode::Other(other.to_string()),
        }
    }
    /// The business error code of an error from this API, if it is one.
    pub fn of(error: &::alipay_core::Error) -> ::std::option::Option<Self> {
        match error {
            ::alipay_core::Error::Business(e) => {
                e.sub_code.as_deref().map(Self::from_sub_code)
            }
            _ => ::std::option::Option::None,
        }
    }
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            DisburseErrorCode::SystemError => "SYSTEM_ERROR",
            DisburseErrorCode::ExistForbiddenWord => "EXIST_FORBIDDEN_WORD",
            DisburseErrorCode::UniqueViolation => "UNIQUE_VIOLATION",
            DisburseErrorCode::IllegalArgument => "ILLEGAL_ARGUMENT",
            DisburseErrorCode::IllegalStatus => "ILLEGAL_STATUS",
            DisburseErrorCode::MoneyNotEnough => "MONEY_NOT_ENOUGH",
            DisburseErrorCode::PayeeNotExist => "PAYEE_NOT_EXIST",
            DisburseErrorCode::PayeeUserStatusLimit => "PAYEE_USER_STATUS_LIMIT",
            DisburseErrorCode::AccessForbidden => "ACCESS_FORBIDDEN",
            DisburseErrorCode::AuthOrderNotExist => "AUTH_ORDER_NOT_EXIST",
            DisburseErrorCode::OrderAlreadyFinish => "ORDER_ALREADY_FINISH",
            DisburseErrorCode::OrderAlreadyClosed => "ORDER_ALREADY_CLOSED",
            DisburseErrorCode::Other(s) => s.as_str(),
        }
    }
    /// What the code means (the doc's text).
    pub fn meaning(&self) -> ::std::option::Option<&'static str> {
        match self {
            DisburseErrorCode::SystemError => ::std::option::Option::Some("系统繁忙"),
            DisburseErrorCode::ExistForbiddenWord => {
                ::std::option::Option::Some(
                    "下单失败,订单信息中包含违禁词,请修改订单信息",
                )
            }
            DisburseErrorCode::UniqueViolation => {
                ::std::option::Option::Some("下单失败,商户订单号重复")
            }
            DisburseErrorCode::IllegalArgument => {
                ::std::option::Option::Some("参数有误")
            }
            DisburseErrorCode::IllegalStatus => {
                ::std::option::Option::Some("订单状态非法")
            }
            DisburseErrorCode::MoneyNotEnough => {
                ::std::option::Option::Some("本次打款的金额超过剩余金额")
            }
            DisburseErrorCode::PayeeNotExist => {
                ::std::option::Option::Some("收款方支付宝账户不存在")
            }
            DisburseErrorCode::PayeeUserStatusLimit => {
                ::std::option::Option::Some("收款方支付宝账户受限")
            }
            DisburseErrorCode::AccessForbidden => {
                ::std::option::Option::Some(
                    "支付失败,对应商户没有权限使用该产品",
                )
            }
            DisburseErrorCode::AuthOrderNotExist => {
                ::std::option::Option::Some(
                    "入参有误,导致红包对应的订单不存在",
                )
            }
            DisburseErrorCode::OrderAlreadyFinish => {
                ::std::option::Option::Some(
                    "本笔支付订单已经完结,无法再进行资金操作",
                )
            }
            DisburseErrorCode::OrderAlreadyClosed => {
                ::std::option::Option::Some("支付失败,本笔支付订单已关闭")
            }
            DisburseErrorCode::Other(_) => ::std::option::Option::None,
        }
    }
    /// The documented solution.
    pub fn solution(&self) -> ::std::option::Option<&'static str> {
        match self {
            DisburseErrorCode::SystemError => {
                ::std::option::Option::Some("请使用相同的参数再次调用")
            }
            DisburseErrorCode::ExistForbiddenWord => {
                ::std::option::Option::Some("修改订单信息后,重新发起请求")
            }
            DisburseErrorCode::UniqueViolation => {
                ::std::option::Option::Some(
                    "更换商户的授权资金订单号后,重新发起请求",
                )
            }
            DisburseErrorCode::IllegalArgument => {
                ::std::option::Option::Some(
                    "请求参数有错,重新检查请求后,再重新发起",
                )
            }
            DisburseErrorCode::IllegalStatus => {
                ::std::option::Option::Some(
                    "根据商户授权单号查询对应的支付宝交易信息,查看交易状态",
                )
            }
            DisburseErrorCode::MoneyNotEnough => {
                ::std::option::Option::Some("修改打款金额")
            }
            DisburseErrorCode::PayeeNotExist => {
                ::std::option::Option::Some("检查是否收款方支付宝uid有误")
            }
            DisburseErrorCode::PayeeUserStatusLimit => {
                ::std::option::Option::Some(
                    "收款方支付宝账户受限,请登录支付宝认证升级,详情咨询95188",
                )
            }
            DisburseErrorCode::AccessForbidden => {
                ::std::option::Option::Some(
                    "商户对应合同可能已到期,请重新签约",
                )
            }
            DisburseErrorCode::AuthOrderNotExist => {
                ::std::option::Option::Some(
                    "入参中,发放红包时产生的支付宝资金订单号或商户订单号是否传入有误,导致找不到红包数据",
                )
            }
            DisburseErrorCode::OrderAlreadyFinish => {
                ::std::option::Option::Some(
                    "更换商户授权资金订单号后,重新发起请求",
                )
            }
            DisburseErrorCode::OrderAlreadyClosed => {
                ::std::option::Option::Some(
                    "更换商户授权资金订单号后,重新发起请求",
                )
            }
            DisburseErrorCode::Other(_) => ::std::option::Option::None,
        }
    }
    /// How to handle it.
    pub fn handling(&self) -> ::std::option::Option<::alipay_core::api::Handling> {
        match self {
            DisburseErrorCode::SystemError => {
                ::std::option::Option::Some(::alipay_core::api::Handling::RetrySame)
            }
            DisburseErrorCode::ExistForbiddenWord => {
                ::std::option::Option::Some(::alipay_core::api::Handling::FixRequest)
            }
            DisburseErrorCode::UniqueViolation => {
                ::std::option::Option::Some(::alipay_core::api::Handling::NewOutOrderNo)
            }
            DisburseErrorCode::IllegalArgument => {
                ::std::option::Option::Some(::alipay_core::api::Handling::FixRequest)
            }
            DisburseErrorCode::IllegalStatus => {
                ::std::option::Option::Some(
                    ::alipay_core::api::Handling::QueryThenDecide,
                )
            }
            DisburseErrorCode::MoneyNotEnough => {
                ::std::option::Option::Some(::alipay_core::api::Handling::FixRequest)
            }
            DisburseErrorCode::PayeeNotExist => {
                ::std::option::Option::Some(::alipay_core::api::Handling::FixRequest)
            }
            DisburseErrorCode::PayeeUserStatusLimit => {
                ::std::option::Option::Some(::alipay_core::api::Handling::UserAction)
            }
            DisburseErrorCode::AccessForbidden => {
                ::std::option::Option::Some(
                    ::alipay_core::api::Handling::MerchantContract,
                )
            }
            DisburseErrorCode::AuthOrderNotExist => {
                ::std::option::Option::Some(::alipay_core::api::Handling::FixRequest)
            }
            DisburseErrorCode::OrderAlreadyFinish => {
                ::std::option::Option::Some(::alipay_core::api::Handling::NewOutOrderNo)
            }
            DisburseErrorCode::OrderAlreadyClosed => {
                ::std::option::Option::Some(::alipay_core::api::Handling::NewOutOrderNo)
            }
            DisburseErrorCode::Other(_) => ::std::option::Option::None,
        }
    }
}
/// The `notify_type`s of `alipay.fund.coupon.order.disburse`; unknown types are kept (the docs' own examples use others).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DisburseNotifyType {
    /// `fund_auth_pay`
    FundAuthPay,
    /// `fund_auth_pay.closed`
    FundAuthPayClosed,
    /// `fund_auth_pay.init`
    FundAuthPayInit,
    /// A value this SDK does not know yet, kept as sent.
    Other(::std::string::String),
}
impl DisburseNotifyType {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            DisburseNotifyType::FundAuthPay => "fund_auth_pay",
            DisburseNotifyType::FundAuthPayClosed => "fund_auth_pay.closed",
            DisburseNotifyType::FundAuthPayInit => "fund_auth_pay.init",
            DisburseNotifyType::Other(s) => s.as_str(),
        }
    }
}
impl ::std::convert::From<&str> for DisburseNotifyType {
    fn from(s: &str) -> Self {
        match s {
            "fund_auth_pay" => DisburseNotifyType::FundAuthPay,
            "fund_auth_pay.closed" => DisburseNotifyType::FundAuthPayClosed,
            "fund_auth_pay.init" => DisburseNotifyType::FundAuthPayInit,
            other => DisburseNotifyType::Other(other.to_string()),
        }
    }
}
impl<'de> ::alipay_core::api::__private::serde::Deserialize<'de> for DisburseNotifyType {
    fn deserialize<D: ::alipay_core::api::__private::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        let s = <::std::string::String as ::alipay_core::api::__private::serde::Deserialize>::deserialize(
            d,
        )?;
        ::std::result::Result::Ok(DisburseNotifyType::from(s.as_str()))
    }
}
/// A verified notification of `alipay.fund.coupon.order.disburse`, typed. Values are kept as sent.
///
/// Sent to this call's notify_url (ALY-711128). Common notify parameters: notify_type, notify_id, notify_time, sign_type, sign. All fields are String and optional in S0, with no max length.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct DisburseNotify {
    /// `notify_type`.
    pub notify_type: ::std::option::Option<DisburseNotifyType>,
    /// `notify_id`: the same id is resent until answered `success`.
    pub notify_id: ::std::option::Option<::std::string::String>,
    /// `notify_time`.
    pub notify_time: ::std::option::Option<::std::string::String>,
    /// `app_id`.
    pub app_id: ::std::option::Option<::std::string::String>,
    /// `auth_no`: 支付宝资金授权订单号
    ///
    /// type `string`; required: no.
    pub auth_no: ::std::option::Option<::std::string::String>,
    /// `out_order_no`: 商户的资金授权订单号
    ///
    /// type `string`; required: no.
    pub out_order_no: ::std::option::Option<::std::string::String>,
    /// `operation_id`: 支付宝资金操作流水号
    ///
    /// type `string`; required: no.
    pub operation_id: ::std::option::Option<::std::string::String>,
    /// `out_request_no`: 商户资金操作流水号
    ///
    /// type `string`; required: no.
    pub out_request_no: ::std::option::Option<::std::string::String>,
    /// `operation_type`: 资金操作类型,支持【PAY,REFUND】
    ///
    /// type `enum`; required: no.
    pub operation_type: ::std::option::Option<::std::string::String>,
    /// `amount`: 本次操作金额
    ///
    /// type `amount`; required: no.
    ///
    /// String in S0; parsed as an amount (number or string).
    pub amount: ::std::option::Option<::std::string::String>,
    /// `status`: 本次资金操作流水状态,支持【INIT,SUCCESS,CLOSED】
    ///
    /// type `enum`; required: no.
    pub status: ::std::option::Option<::std::string::String>,
    /// `gmt_create`: 操作创建时间
    ///
    /// type `datetime`; required: no; inferred: format.
    pub gmt_create: ::std::option::Option<::std::string::String>,
    /// `gmt_trans`: 操作处理完成时间
    ///
    /// type `datetime`; required: no; inferred: format.
    pub gmt_trans: ::std::option::Option<::std::string::String>,
    /// `payee_logon_id`: 收款方支付宝登录号
    ///
    /// type `string`; required: no.
    pub payee_logon_id: ::std::option::Option<::std::string::String>,
    /// `payee_user_id`: 收款方支付宝账号UID
    ///
    /// type `user_id`; required: no; inferred: pattern.
    pub payee_user_id: ::std::option::Option<::std::string::String>,
}
impl DisburseNotify {
    /// The typed view of a notification whose signature verified.
    pub fn from_notification(n: &::alipay_core::notify::Notification) -> Self {
        let get = |k: &str| n.get(k).map(::std::string::ToString::to_string);
        DisburseNotify {
            notify_type: n.get("notify_type").map(DisburseNotifyType::from),
            notify_id: get("notify_id"),
            notify_time: get("notify_time"),
            app_id: get("app_id"),
            auth_no: get("auth_no"),
            out_order_no: get("out_order_no"),
            operation_id: get("operation_id"),
            out_request_no: get("out_request_no"),
            operation_type: get("operation_type"),
            amount: get("amount"),
            status: get("status"),
            gmt_create: get("gmt_create"),
            gmt_trans: get("gmt_trans"),
            payee_logon_id: get("payee_logon_id"),
            payee_user_id: get("payee_user_id"),
        }
    }
}
impl ::alipay_core::notify_receiver::FromNotification for DisburseNotify {
    fn from_notification(n: &::alipay_core::notify::Notification) -> Self {
        DisburseNotify::from_notification(n)
    }
}
