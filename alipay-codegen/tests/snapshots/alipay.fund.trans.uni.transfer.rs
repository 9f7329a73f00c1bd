::alipay_core::__wire_enum!(
    closed #[doc = " Values of `product_code` of `TransUniTransfer`."] pub enum
    TransUniTransferProductCode { #[doc = " `TRANS_ACCOUNT_NO_PWD`"] TransAccountNoPwd =
    "TRANS_ACCOUNT_NO_PWD", #[doc = " `STD_RED_PACKET`"] StdRedPacket = "STD_RED_PACKET"
    }
);
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `biz_scene` of `TransUniTransfer`."] pub enum
    TransUniTransferBizScene { #[doc = " `DIRECT_TRANSFER`"] DirectTransfer =
    "DIRECT_TRANSFER", #[doc = " `PERSONAL_COLLECTION`"] PersonalCollection =
    "PERSONAL_COLLECTION" }
);
/// `alipay.fund.trans.uni.transfer` (单笔转账接口): Transfer from the merchant's Alipay balance to an Alipay account, or pay out a cash red packet.
///
/// Official doc: <https://opendocs.alipay.com/apis/api_28/alipay.fund.trans.uni.transfer>. Called with `execute` (an HTTPS call to the gateway). Build it with [`TransUniTransferRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `certificate_mode` (checked by Alipay): Alipay accepts this money-out API only from apps in public-key-certificate mode (app_cert_sn and alipay_root_cert_sn sent); a key-mode client is refused by the gateway, not by this check.
/// - `red_packet_sub_biz_scene` (checked by Alipay): Red packets (STD_RED_PACKET, B2C or C2C) must send business_params with sub_biz_scene = REDPACKET ("红包业务必传"); the value sits inside a JSON text the rules do not open.
///
/// Example `biz_content`:
/// ```json
/// {"out_biz_no":"201806300001","trans_amount":"23.00","product_code":"TRANS_ACCOUNT_NO_PWD","biz_scene":"DIRECT_TRANSFER","order_title":"201905代发","original_order_id":"20190620110075000006640000063056","remark":"201905代发","business_params":"{\"payer_show_name_use_alias\":\"true\"}"}
/// ```
#[doc(alias = "alipay.fund.trans.uni.transfer")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TransUniTransferRequest {
    /// `out_biz_no`: 商家侧唯一订单号，由商家自定义。对于不同转账请求，商家需保证该订单号在自身系统唯一。\
    /// type `string`; required; at most 64 characters; example `201806300001`. The idempotency key: the same out_biz_no re-sent transfers at most once.
    pub out_biz_no: ::std::string::String,
    /// `trans_amount`: 订单总金额，单位为元，精确到小数点后两位，STD_RED_PACKET产品取值范围[0.01,100000000]； TRANS_ACCOUNT_NO_PWD产品取值范围[0.1,100000000]\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; range [0.10, 100000000.00] yuan when `product_code` is TRANS_ACCOUNT_NO_PWD; range [0.01, 100000000.00] yuan when `product_code` is STD_RED_PACKET; example `23.00`.
    pub trans_amount: ::alipay_core::Amount,
    /// `product_code`: 业务产品码， 单笔无密转账到支付宝账户固定为: TRANS_ACCOUNT_NO_PWD； 收发现金红包固定为: STD_RED_PACKET；\
    /// type `enum`; required; example `TRANS_ACCOUNT_NO_PWD`.
    pub product_code: TransUniTransferProductCode,
    /// `biz_scene`: 描述特定的业务场景，可传的参数如下： DIRECT_TRANSFER：单笔无密转账到支付宝，B2C现金红包; PERSONAL_COLLECTION：C2C现金红包-领红包\
    /// type `enum`; optional; example `DIRECT_TRANSFER`. The doc page's request example pairs DIRECT_TRANSFER with TRANS_ACCOUNT_NO_PWD.
    pub biz_scene: ::std::option::Option<TransUniTransferBizScene>,
    /// `order_title`: 转账业务的标题，用于在支付宝用户的账单里显示\
    /// type `string`; optional; at most 128 characters; example `201905代发`; not stated by the doc: len_unit.
    pub order_title: ::std::option::Option<::std::string::String>,
    /// `original_order_id`: 原支付宝业务单号。\
    /// type `string`; optional; at most 64 characters; example `20190620110075000006640000063056`; not stated by the doc: max_len, len_unit. Red-packet flows only (C2C collection refers to the original order).
    pub original_order_id: ::std::option::Option<::std::string::String>,
    /// `payee_info`: 收款方信息\
    /// type `Participant`; required. identity + identity_type; name is required for ALIPAY_LOGON_ID (see the shared type).
    pub payee_info: Participant,
    /// `remark`: 业务备注\
    /// type `string`; optional; at most 200 characters; example `201905代发`; not stated by the doc: len_unit.
    pub remark: ::std::option::Option<::std::string::String>,
    /// `business_params`: 转账业务请求的扩展参数，支持传入的扩展参数如下： sub_biz_scene 子业务场景，红包业务必传，C2C现金红包、B2C现金红包均需传入，取值REDPACKET\
    /// type `json`; optional; example `{"payer_show_name_use_alias":"true"}`. A string holding a JSON object, e.g. {"sub_biz_scene":"REDPACKET"} for red packets; the doc page's request example sends {"payer_show_name_use_alias":"true"} (show the merchant's alias to the payee).
    pub business_params: ::std::option::Option<::alipay_core::JsonObjectText>,
}
/// Typestate markers of [`TransUniTransferRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod trans_uni_transfer_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.fund.trans.uni.transfer was not set";
        out_biz_no, trans_amount, product_code, payee_info
    );
}
/// Builder of [`TransUniTransferRequest`]: `build()` compiles only when every required field and one-of group of `alipay.fund.trans.uni.transfer` is set.
#[must_use = "call build() to get the value"]
pub struct TransUniTransferRequestBuilder<
    S0 = trans_uni_transfer_fields::out_biz_no,
    S1 = trans_uni_transfer_fields::trans_amount,
    S2 = trans_uni_transfer_fields::product_code,
    S3 = trans_uni_transfer_fields::payee_info,
>(
    (S0, S1, S2, S3),
    (
        ::std::option::Option<TransUniTransferBizScene>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::alipay_core::JsonObjectText>,
    ),
);
::alipay_core::__wire_struct!(
    TransUniTransferRequest { out_biz_no = "out_biz_no", trans_amount = "trans_amount",
    product_code = "product_code", biz_scene = "biz_scene", order_title = "order_title",
    original_order_id = "original_order_id", payee_info = "payee_info", remark =
    "remark", business_params = "business_params" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use trans_uni_transfer_fields as __f;
    use TransUniTransferRequestBuilder as __B;
    impl TransUniTransferRequest {
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
                                __a::Conditional {
                                    when: __a::When {
                                        field: "product_code",
                                        equals: &["STD_RED_PACKET"],
                                    },
                                    then: __a::Then::Range(__a::Range::Fen {
                                        min: 1,
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
                        .values(&["DIRECT_TRANSFER", "PERSONAL_COLLECTION"]),
                    __F::new("order_title", __Ty::Text).max_chars(128),
                    __F::new("original_order_id", __Ty::Text).max_chars(64),
                    __F::new("payee_info", __Ty::Object(Participant::RULES)).required(),
                    __F::new("remark", __Ty::Text).max_chars(200),
                    __F::new("business_params", __Ty::Json),
                    __F::new("passback_params", __Ty::Text).values(&[]),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> TransUniTransferRequestBuilder {
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
        /// Sets [`out_biz_no`](TransUniTransferRequest::out_biz_no).
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
        /// Sets [`trans_amount`](TransUniTransferRequest::trans_amount).
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
        /// Sets [`product_code`](TransUniTransferRequest::product_code).
        pub fn product_code(
            self,
            value: TransUniTransferProductCode,
        ) -> __B<S0, S1, __t::Set<__f::product_code, TransUniTransferProductCode>, S3>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3) = self.0;
            __B((s0, s1, __t::Set::new(value), s3), self.1)
        }
        /// Sets [`payee_info`](TransUniTransferRequest::payee_info).
        pub fn payee_info(
            self,
            value: Participant,
        ) -> __B<S0, S1, S2, __t::Set<__f::payee_info, Participant>>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _) = self.0;
            __B((s0, s1, s2, __t::Set::new(value)), self.1)
        }
        /// Sets [`biz_scene`](TransUniTransferRequest::biz_scene).
        pub fn biz_scene(mut self, value: TransUniTransferBizScene) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`order_title`](TransUniTransferRequest::order_title).
        pub fn order_title(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`original_order_id`](TransUniTransferRequest::original_order_id).
        pub fn original_order_id(mut self, value: impl Into<String>) -> Self {
            self.1.2 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`remark`](TransUniTransferRequest::remark).
        pub fn remark(mut self, value: impl Into<String>) -> Self {
            self.1.3 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`business_params`](TransUniTransferRequest::business_params).
        pub fn business_params(mut self, value: ::alipay_core::JsonObjectText) -> Self {
            self.1.4 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> TransUniTransferRequest
        where
            S0: __f::Required<String>,
            S1: __f::Required<::alipay_core::Amount>,
            S2: __f::Required<TransUniTransferProductCode>,
            S3: __f::Required<Participant>,
        {
            let (
                (s0, s1, s2, s3),
                (biz_scene, order_title, original_order_id, remark, business_params),
            ) = (self.0, self.1);
            TransUniTransferRequest {
                out_biz_no: __t::IsSet::into_value(s0),
                trans_amount: __t::IsSet::into_value(s1),
                product_code: __t::IsSet::into_value(s2),
                payee_info: __t::IsSet::into_value(s3),
                biz_scene,
                order_title,
                original_order_id,
                remark,
                business_params,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    open #[doc = " `status` of `TransUniTransferResponse`; unknown values are kept."] pub
    enum TransUniTransferResponseStatus { #[doc = " `SUCCESS`"] Success = "SUCCESS",
    #[doc = " `FAIL`"] Fail = "FAIL", #[doc = " `DEALING`"] Dealing = "DEALING", #[doc =
    " `REFUND`"] Refund = "REFUND" }
);
/// The answer of `alipay.fund.trans.uni.transfer` (`alipay_fund_trans_uni_transfer_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TransUniTransferResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `out_biz_no` (string): 商户订单号
    pub out_biz_no: ::std::option::Option<::std::string::String>,
    /// `order_id` (string): 支付宝转账订单号
    pub order_id: ::std::option::Option<::std::string::String>,
    /// `pay_fund_order_id` (string): 支付宝支付资金流水号
    pub pay_fund_order_id: ::std::option::Option<::std::string::String>,
    /// `status` (enum): 转账单据状态。 SUCCESS（该笔转账交易成功）：成功； FAIL：失败（具体失败原因请参见error_code以及fail_reason返回值）； DEALING：处理中（转账到支付宝账户不涉及）； REFUND：退票（转账到支付宝账户不涉及）；
    pub status: ::std::option::Option<TransUniTransferResponseStatus>,
    /// `trans_date` (datetime): 订单支付时间，格式为yyyy-MM-dd HH:mm:ss
    pub trans_date: ::std::option::Option<::alipay_core::DateTime>,
    /// `amount` (amount): 转账金额，单位为元，默认为空，特殊场景提供。
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `settle_serial_no` (string): 金融机构发起签约类、支付类、差错类业务时，应为每笔业务分配唯一的交易流水号。\
    /// 31 characters: date (8) + sequence (16) + reserved (1) + control (6), per the javadoc.
    pub settle_serial_no: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read TransUniTransferResponse { code = "code", msg = "msg", sub_code = "sub_code",
    sub_msg = "sub_msg", out_biz_no = "out_biz_no", order_id = "order_id",
    pay_fund_order_id = "pay_fund_order_id", status = "status", trans_date =
    "trans_date", amount = "amount", settle_serial_no = "settle_serial_no" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.fund.trans.uni.transfer`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum TransUniTransferErrorCode { #[doc =
    " `PAYEE_NOT_EXIST`: 收款账号不存在 (`fix_request`)"] #[doc = ""] #[doc =
    " Not verbatim (see above)."] PayeeNotExist = "PAYEE_NOT_EXIST" => (FixRequest,
    "收款账号不存在",
    "核实收款方账号（identity / identity_type）后重新发起"), #[doc =
    " `PAYEE_USER_INFO_ERROR`: 收款方姓名或其他信息不匹配 (`fix_request`)"]
    #[doc = ""] #[doc =
    " The name sent does not match the account's real name. Not verbatim (see above)."]
    PayeeUserInfoError = "PAYEE_USER_INFO_ERROR" => (FixRequest,
    "收款方姓名或其他信息不匹配",
    "核实收款方真实姓名（payee_info.name）后重新发起"), #[doc =
    " `BALANCE_IS_NOT_ENOUGH`: 付款方余额不足 (`user_action`)"] #[doc = ""] #[doc
    =
    " The merchant's (payer's) balance is short: top up, then repeat with the same out_biz_no. Not verbatim (see above)."]
    BalanceIsNotEnough = "BALANCE_IS_NOT_ENOUGH" => (UserAction, "付款方余额不足",
    "付款方账户充值后重新发起"), #[doc =
    " `PAYER_BALANCE_NOT_ENOUGH`: 付款方余额不足 (`user_action`)"] #[doc = ""]
    #[doc =
    " The same meaning as BALANCE_IS_NOT_ENOUGH, answered by other channels. Not verbatim (see above)."]
    PayerBalanceNotEnough = "PAYER_BALANCE_NOT_ENOUGH" => (UserAction,
    "付款方余额不足", "付款方账户充值后重新发起"), #[doc =
    " `EXCEED_LIMIT_SM_MIN_AMOUNT`: 单笔最低转账金额0.1元 (`fix_request`)"]
    #[doc = ""] #[doc =
    " Below TRANS_ACCOUNT_NO_PWD's minimum; the range_if of trans_amount catches it before sending. Not verbatim (see above)."]
    ExceedLimitSmMinAmount = "EXCEED_LIMIT_SM_MIN_AMOUNT" => (FixRequest,
    "单笔最低转账金额0.1元",
    "转账金额调整为不低于0.1元后重新发起"), #[doc =
    " `SYSTEM_ERROR`: 系统繁忙 (`retry_same`)"] #[doc = ""] #[doc =
    " The outcome is unknown: never treat it as failed. Re-send with the same out_biz_no (it transfers once) or query. Not verbatim (see above)."]
    SystemError = "SYSTEM_ERROR" => (RetrySame, "系统繁忙",
    "使用相同的out_biz_no重新发起请求，或调用alipay.fund.trans.common.query查询该笔转账的结果")
    }
);
impl TransUniTransfer {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.fund.trans.uni.transfer.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.fund.trans.uni.transfer";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Transfer from the merchant's Alipay balance to an Alipay account, or pay out a cash red packet.";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        TransUniTransferRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for TransUniTransferRequest {
    const METHOD: &'static str = "alipay.fund.trans.uni.transfer";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_trans_uni_transfer_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = TransUniTransferRequest::RULES;
    type Response = TransUniTransferResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        TransUniTransferErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for TransUniTransferRequest {}
