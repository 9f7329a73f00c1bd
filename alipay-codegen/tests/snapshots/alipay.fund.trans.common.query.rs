::alipay_core::__wire_enum!(
    closed #[doc = " Values of `product_code` of `TransCommonQuery`."] pub enum
    TransCommonQueryProductCode { #[doc = " `STD_RED_PACKET`"] StdRedPacket =
    "STD_RED_PACKET", #[doc = " `TRANS_ACCOUNT_NO_PWD`"] TransAccountNoPwd =
    "TRANS_ACCOUNT_NO_PWD", #[doc = " `TRANS_BANKCARD_NO_PWD`"] TransBankcardNoPwd =
    "TRANS_BANKCARD_NO_PWD" }
);
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `biz_scene` of `TransCommonQuery`."] pub enum
    TransCommonQueryBizScene { #[doc = " `PERSONAL_PAY`"] PersonalPay = "PERSONAL_PAY",
    #[doc = " `PERSONAL_COLLECTION`"] PersonalCollection = "PERSONAL_COLLECTION", #[doc =
    " `REFUND`"] Refund = "REFUND", #[doc = " `DIRECT_TRANSFER`"] DirectTransfer =
    "DIRECT_TRANSFER" }
);
/// `alipay.fund.trans.common.query` (转账业务单据查询接口): Query one transfer by Alipay's order id or fund order id, or by out_biz_no + product_code + biz_scene.
///
/// Official doc: <https://opendocs.alipay.com/apis/api_28/alipay.fund.trans.common.query>. Called with `execute` (an HTTPS call to the gateway). Build it with [`TransCommonQueryRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - one of `pay_fund_order_id`, `order_id`, `out_biz_no`: at least 1; when several are set, the first of pay_fund_order_id > order_id > out_biz_no wins.
/// - `product_code` is required only in some cases (see the field).
/// - `biz_scene` is required only in some cases (see the field).
/// - `by_out_biz_no` (checked by Alipay): When out_biz_no is sent, product_code and biz_scene are required too ("如果传递了out_biz_no则该字段为必传"): the merchant's number is unique per product and scene only. Not checked before sending: `required_if` names an enum or string value, not a field's presence. A query by order_id or pay_fund_order_id needs neither.
///
/// Example `biz_content`:
/// ```json
/// {"pay_fund_order_id":"20190801110070001506380000251556"}
/// ```
#[doc(alias = "alipay.fund.trans.common.query")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TransCommonQueryRequest {
    /// `product_code`: 销售产品码，商家和支付宝签约的产品码，如果传递了out_biz_no则该字段为必传。可传值如下： STD_RED_PACKET：现金红包 TRANS_ACCOUNT_NO_PWD：单笔无密转账到支付宝账户 TRANS_BANKCARD_NO_PWD：单笔无密转账到银行卡\
    /// type `enum`; required only in some cases; example `TRANS_ACCOUNT_NO_PWD`.
    pub product_code: ::std::option::Option<TransCommonQueryProductCode>,
    /// `biz_scene`: 描述特定的业务场景，如果传递了out_biz_no则该字段为必传。可取的业务场景如下： PERSONAL_PAY：C2C现金红包-发红包； PERSONAL_COLLECTION：C2C现金红包-领红包； REFUND：C2C现金红包-红包退回； DIRECT_TRANSFER：B2C现金红包、单笔无密转账\
    /// type `enum`; required only in some cases; example `DIRECT_TRANSFER`.
    pub biz_scene: ::std::option::Option<TransCommonQueryBizScene>,
    /// `out_biz_no`: 商户转账唯一订单号，发起转账来源方定义的转账单据ID。  本参数和order_id（支付宝转账单据号）、pay_fund_order_id（支付宝支付资金流水号）三者不能同时为空。 当三者同时传入时，将用pay_fund_order_id（支付宝支付资金流水号）进行查询，忽略其余两者； 当本参数和支付宝转账单据号同时提供时，将用支付宝转账单据号进行查询，忽略本参数。\
    /// type `string`; one-of group `which`; at most 64 characters; example `201808080001`.
    pub out_biz_no: ::std::option::Option<::std::string::String>,
    /// `order_id`: 支付宝转账单据号。 本参数和out_biz_no（商户转账唯一订单号）、pay_fund_order_id（支付宝支付资金流水号）三者不能同时为空。  当三者同时传入时，将用pay_fund_order_id（支付宝支付资金流水号）进行查询，忽略其余两者； 当本参数和pay_fund_order_id（支付宝支付资金流水号）同时提供时，将用支付宝支付资金流水号进行查询，忽略本参数；  当本参数和out_biz_no（商户转账唯一订单号）同时提供时，将用本参数进行查询，忽略商户转账唯一订单号。\
    /// type `string`; one-of group `which`; at most 64 characters; example `20190801110070000006380000250621`; not stated by the doc: max_len, len_unit.
    pub order_id: ::std::option::Option<::std::string::String>,
    /// `pay_fund_order_id`: 支付宝支付资金流水号。本参数和支付宝转账单据号、商户转账唯一订单号三者不能同时为空。  当本参数和out_biz_no（商户转账唯一订单号）、order_id（支付宝转账单据号）同时提供时，将用本参数进行查询，忽略其余两者； 当本参数和order_id（支付宝转账单据号）同时提供时，将用本参数进行查询，忽略支付宝转账单据号；  当本参数和out_biz_no（商户转账唯一订单号）同时提供时，将用本参数进行查询，忽略商户转账唯一订单号。\
    /// type `string`; one-of group `which`; at most 64 characters; example `20190801110070001506380000251556`; not stated by the doc: max_len, len_unit.
    pub pay_fund_order_id: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`TransCommonQueryRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod trans_common_query_fields {
    use ::alipay_core::api::typestate::Set;
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.trans.common.query was not set";
        out_biz_no, order_id, pay_fund_order_id
    );
    /// Satisfied when one-of group `which` has a member set.
    #[diagnostic::on_unimplemented(
        message = "one-of group `which` of alipay.fund.trans.common.query is empty: set at least 1 of `pay_fund_order_id`, `order_id`, `out_biz_no`",
        label = "this request leaves a one-of group empty",
        note = "when several are set, the gateway uses the first of: pay_fund_order_id > order_id > out_biz_no"
    )]
    pub trait group_which {}
    #[diagnostic::do_not_recommend]
    impl<T0> group_which for (Set<pay_fund_order_id, T0>, order_id, out_biz_no) {}
    #[diagnostic::do_not_recommend]
    impl<T1> group_which for (pay_fund_order_id, Set<order_id, T1>, out_biz_no) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1> group_which
    for (Set<pay_fund_order_id, T0>, Set<order_id, T1>, out_biz_no) {}
    #[diagnostic::do_not_recommend]
    impl<T2> group_which for (pay_fund_order_id, order_id, Set<out_biz_no, T2>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T2> group_which
    for (Set<pay_fund_order_id, T0>, order_id, Set<out_biz_no, T2>) {}
    #[diagnostic::do_not_recommend]
    impl<T1, T2> group_which
    for (pay_fund_order_id, Set<order_id, T1>, Set<out_biz_no, T2>) {}
    #[diagnostic::do_not_recommend]
    impl<T0, T1, T2> group_which
    for (Set<pay_fund_order_id, T0>, Set<order_id, T1>, Set<out_biz_no, T2>) {}
}
/// Builder of [`TransCommonQueryRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.trans.common.query` is set.
#[must_use = "call build() to get the value"]
pub struct TransCommonQueryRequestBuilder<
    S0 = trans_common_query_fields::out_biz_no,
    S1 = trans_common_query_fields::order_id,
    S2 = trans_common_query_fields::pay_fund_order_id,
>(
    (S0, S1, S2),
    (
        ::std::option::Option<TransCommonQueryProductCode>,
        ::std::option::Option<TransCommonQueryBizScene>,
    ),
);
::alipay_core::__wire_struct!(
    TransCommonQueryRequest { product_code = "product_code", biz_scene = "biz_scene",
    out_biz_no = "out_biz_no", order_id = "order_id", pay_fund_order_id =
    "pay_fund_order_id" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use trans_common_query_fields as __f;
    use TransCommonQueryRequestBuilder as __B;
    impl TransCommonQueryRequest {
        ///The rules of `alipay.fund.trans.common.query` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.fund.trans.common.query",
                &[
                    __F::new("product_code", __Ty::Enum)
                        .values(
                            &[
                                "STD_RED_PACKET",
                                "TRANS_ACCOUNT_NO_PWD",
                                "TRANS_BANKCARD_NO_PWD",
                            ],
                        ),
                    __F::new("biz_scene", __Ty::Enum)
                        .values(
                            &[
                                "PERSONAL_PAY",
                                "PERSONAL_COLLECTION",
                                "REFUND",
                                "DIRECT_TRANSFER",
                            ],
                        ),
                    __F::new("out_biz_no", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("order_id", __Ty::Text).one_of(0).max_chars(64),
                    __F::new("pay_fund_order_id", __Ty::Text).one_of(0).max_chars(64),
                ],
            )
            .groups(
                &[__a::Group::new(&["pay_fund_order_id", "order_id", "out_biz_no"], 1)],
            );
        /// A builder with nothing set.
        pub fn builder() -> TransCommonQueryRequestBuilder {
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
    impl<S0, S1, S2> __B<S0, S1, S2> {
        /// Sets [`out_biz_no`](TransCommonQueryRequest::out_biz_no).
        pub fn out_biz_no(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::out_biz_no, String>, S1, S2>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2) = self.0;
            __B((__t::Set::new(value.into()), s1, s2), self.1)
        }
        /// Sets [`order_id`](TransCommonQueryRequest::order_id).
        pub fn order_id(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::order_id, String>, S2>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2) = self.0;
            __B((s0, __t::Set::new(value.into()), s2), self.1)
        }
        /// Sets [`pay_fund_order_id`](TransCommonQueryRequest::pay_fund_order_id).
        pub fn pay_fund_order_id(
            self,
            value: impl Into<String>,
        ) -> __B<S0, S1, __t::Set<__f::pay_fund_order_id, String>>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _) = self.0;
            __B((s0, s1, __t::Set::new(value.into())), self.1)
        }
        /// Sets [`product_code`](TransCommonQueryRequest::product_code).
        pub fn product_code(mut self, value: TransCommonQueryProductCode) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`biz_scene`](TransCommonQueryRequest::biz_scene).
        pub fn biz_scene(mut self, value: TransCommonQueryBizScene) -> Self {
            self.1.1 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> TransCommonQueryRequest
        where
            S0: __t::Slot<String>,
            S1: __t::Slot<String>,
            S2: __t::Slot<String>,
            (S2, S1, S0): __f::group_which,
        {
            let ((s0, s1, s2), (product_code, biz_scene)) = (self.0, self.1);
            TransCommonQueryRequest {
                out_biz_no: __t::Slot::into_option(s0),
                order_id: __t::Slot::into_option(s1),
                pay_fund_order_id: __t::Slot::into_option(s2),
                product_code,
                biz_scene,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `TransCommonQueryResponse`; unknown values are kept."] pub
    enum TransCommonQueryResponseStatus { #[doc = " `SUCCESS`"] Success = "SUCCESS",
    #[doc = " `WAIT_PAY`"] WaitPay = "WAIT_PAY", #[doc = " `CLOSED`"] Closed = "CLOSED",
    #[doc = " `FAIL`"] Fail = "FAIL", #[doc = " `DEALING`"] Dealing = "DEALING", #[doc =
    " `REFUND`"] Refund = "REFUND" }
);
/// The answer of `alipay.fund.trans.common.query` (`alipay_fund_trans_common_query_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TransCommonQueryResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `order_id` (string): 支付宝转账单据号，查询失败不返回。
    pub order_id: ::std::option::Option<::std::string::String>,
    /// `pay_fund_order_id` (string): 支付宝支付资金流水号，转账失败不返回。
    pub pay_fund_order_id: ::std::option::Option<::std::string::String>,
    /// `out_biz_no` (string): 商户订单号
    pub out_biz_no: ::std::option::Option<::std::string::String>,
    /// `trans_amount` (amount): 付款金额，收银台场景下付款成功后的支付金额，订单状态为SUCCESS才返回，其他状态不返回。付款金额，单位为元，精确到小数点后两位。
    pub trans_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `status` (enum): 转账单据状态。可能出现的状态如下： SUCCESS：转账成功； WAIT_PAY：等待支付； CLOSED：订单超时关闭； FAIL：失败（适用于"单笔转账到银行卡"）； DEALING：处理中（适用于"单笔转账到银行卡"）； REFUND：退票（适用于"单笔转账到银行卡"）； alipay.fund.trans.app.pay涉及的状态： WAIT_PAY、SUCCESS、CLOSED alipay.fund.trans.refund涉及的状态：SUCCESS alipay.fund.trans.uni.transfer涉及的状态：SUCCESS、FAIL、DEALING、REFUND
    pub status: ::std::option::Option<TransCommonQueryResponseStatus>,
    /// `pay_date` (datetime): 支付时间，格式为yyyy-MM-dd HH:mm:ss，转账失败不返回。
    pub pay_date: ::std::option::Option<::alipay_core::DateTime>,
    /// `arrival_time_end` (datetime): 预计到账时间，转账到银行卡专用，格式为yyyy-MM-dd HH:mm:ss，转账受理失败不返回。
    pub arrival_time_end: ::std::option::Option<::alipay_core::DateTime>,
    /// `order_fee` (amount): 预计收费金额（元），转账到银行卡专用，数字格式，精确到小数点后2位，转账失败或转账受理失败不返回。
    pub order_fee: ::std::option::Option<::alipay_core::Amount>,
    /// `error_code` (string): 查询到的订单状态为FAIL失败或REFUND退票时，返回错误代码
    pub error_code: ::std::option::Option<::std::string::String>,
    /// `fail_reason` (string): 查询到的订单状态为FAIL失败或REFUND退票时，返回具体的原因。
    pub fail_reason: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read TransCommonQueryResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", order_id = "order_id", pay_fund_order_id = "pay_fund_order_id",
    out_biz_no = "out_biz_no", trans_amount = "trans_amount", status = "status", pay_date
    = "pay_date", arrival_time_end = "arrival_time_end", order_fee = "order_fee",
    error_code = "error_code", fail_reason = "fail_reason" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.trans.common.query`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum TransCommonQueryErrorCode { #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`retry_same`)"] #[doc = ""] #[doc =
    " A query changes nothing: repeating it is always safe. Not the page's verbatim text."]
    SystemError = "SYSTEM_ERROR" => (RetrySame, "系统繁忙",
    "稍后使用相同的参数重新查询") }
);
impl TransCommonQuery {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.trans.common.query.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.trans.common.query";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Query one transfer by Alipay's order id or fund order id, or by out_biz_no + product_code + biz_scene.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        TransCommonQueryRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for TransCommonQueryRequest {
    const METHOD: &'static str = "alipay.fund.trans.common.query";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_trans_common_query_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = TransCommonQueryRequest::RULES;
    type Response = TransCommonQueryResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        TransCommonQueryErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for TransCommonQueryRequest {}
