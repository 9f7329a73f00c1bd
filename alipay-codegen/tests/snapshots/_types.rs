/// `GoodsDetail`: 商品列表信息
///
/// A shared request type; build it with [`GoodsDetail::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GoodsDetail {
    /// `goods_id`: 商品的编号，该参数传入支付券上绑定商品goods_id, 倘若无支付券需要消费，该字段传入商品最小粒度的商品ID（如：若商品有sku粒度，则传商户sku粒度的ID）\
    /// type `string`; required; at most 64 characters; example `apple-01`; not stated by the doc: len_unit.
    pub goods_id: ::std::string::String,
    /// `alipay_goods_id`: 支付宝定义的统一商品编号\
    /// type `string`; optional; at most 32 characters; example `20010001`; not stated by the doc: len_unit.
    pub alipay_goods_id: ::std::option::Option<::std::string::String>,
    /// `goods_name`: 商品名称\
    /// type `string`; required; at most 256 characters; example `ipad`; not stated by the doc: len_unit.
    pub goods_name: ::std::string::String,
    /// `quantity`: 商品数量\
    /// type `integer`; required; at most 10 characters; range [1, 9999999999]; example `1`; not stated by the doc: range. A JSON number (the official Java SDK types it Long; the doc's type is Number, max length 10 digits).
    pub quantity: i64,
    /// `price`: 商品单价，单位为元\
    /// type `amount`; required; range [0.00, 999999.99] yuan; example `2000.00`; not stated by the doc: range. The doc's type is Price with max length 9: with the 2 decimals an amount is sent with, 9 characters reach 999999.99, so the range states the length.
    pub price: ::alipay_core::Amount,
    /// `goods_category`: 商品类目\
    /// type `string`; optional; at most 24 characters; example `34543238`; not stated by the doc: len_unit.
    pub goods_category: ::std::option::Option<::std::string::String>,
    /// `categories_tree`: 商品类目树，从商品类目根节点到叶子节点的类目id组成，类目id值使用|分割\
    /// type `string`; optional; at most 128 characters; example `124868003|126232002|126252004`; not stated by the doc: len_unit.
    pub categories_tree: ::std::option::Option<::std::string::String>,
    /// `body`: 商品描述信息\
    /// type `string`; optional; at most 1000 characters; example `特价手机`; not stated by the doc: max_len, len_unit.
    pub body: ::std::option::Option<::std::string::String>,
    /// `show_url`: 商品的展示地址\
    /// type `string`; optional; at most 400 characters; example `http://www.alipay.com/xxx.jpg`; not stated by the doc: len_unit.
    pub show_url: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`GoodsDetailBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod goods_detail_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of shared type `GoodsDetail` was not set"; goods_id,
        goods_name, quantity, price
    );
}
/// Builder of [`GoodsDetail`]: `build()` compiles only when every required field and one-of group of `GoodsDetail` is set.
#[must_use = "call build() to get the value"]
pub struct GoodsDetailBuilder<
    S0 = goods_detail_fields::goods_id,
    S1 = goods_detail_fields::goods_name,
    S2 = goods_detail_fields::quantity,
    S3 = goods_detail_fields::price,
>(
    (S0, S1, S2, S3),
    (
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
    ),
);
::alipay_core::__wire_struct!(
    GoodsDetail { goods_id = "goods_id", alipay_goods_id = "alipay_goods_id", goods_name
    = "goods_name", quantity = "quantity", price = "price", goods_category =
    "goods_category", categories_tree = "categories_tree", body = "body", show_url =
    "show_url" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use goods_detail_fields as __f;
    use GoodsDetailBuilder as __B;
    impl GoodsDetail {
        ///The rules of `GoodsDetail` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "GoodsDetail",
                &[
                    __F::new("goods_id", __Ty::Text).required().max_chars(64),
                    __F::new("alipay_goods_id", __Ty::Text).max_chars(32),
                    __F::new("goods_name", __Ty::Text).required().max_chars(256),
                    __F::new("quantity", __Ty::Integer)
                        .required()
                        .max_chars(10)
                        .integer_range(1, 9999999999),
                    __F::new("price", __Ty::Amount)
                        .required()
                        .amount_range(0, 99999999, 2),
                    __F::new("goods_category", __Ty::Text).max_chars(24),
                    __F::new("categories_tree", __Ty::Text).max_chars(128),
                    __F::new("body", __Ty::Text).max_chars(1000),
                    __F::new("show_url", __Ty::Text).max_chars(400),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> GoodsDetailBuilder {
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
        /// Sets [`goods_id`](GoodsDetail::goods_id).
        pub fn goods_id(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::goods_id, String>, S1, S2, S3>
        where
            S0: __t::IsUnset,
        {
            let (_, s1, s2, s3) = self.0;
            __B((__t::Set::new(value.into()), s1, s2, s3), self.1)
        }
        /// Sets [`goods_name`](GoodsDetail::goods_name).
        pub fn goods_name(
            self,
            value: impl Into<String>,
        ) -> __B<S0, __t::Set<__f::goods_name, String>, S2, S3>
        where
            S1: __t::IsUnset,
        {
            let (s0, _, s2, s3) = self.0;
            __B((s0, __t::Set::new(value.into()), s2, s3), self.1)
        }
        /// Sets [`quantity`](GoodsDetail::quantity).
        pub fn quantity(
            self,
            value: i64,
        ) -> __B<S0, S1, __t::Set<__f::quantity, i64>, S3>
        where
            S2: __t::IsUnset,
        {
            let (s0, s1, _, s3) = self.0;
            __B((s0, s1, __t::Set::new(value), s3), self.1)
        }
        /// Sets [`price`](GoodsDetail::price).
        pub fn price(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, S1, S2, __t::Set<__f::price, ::alipay_core::Amount>>
        where
            S3: __t::IsUnset,
        {
            let (s0, s1, s2, _) = self.0;
            __B((s0, s1, s2, __t::Set::new(value)), self.1)
        }
        /// Sets [`alipay_goods_id`](GoodsDetail::alipay_goods_id).
        pub fn alipay_goods_id(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`goods_category`](GoodsDetail::goods_category).
        pub fn goods_category(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`categories_tree`](GoodsDetail::categories_tree).
        pub fn categories_tree(mut self, value: impl Into<String>) -> Self {
            self.1.2 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`body`](GoodsDetail::body).
        pub fn body(mut self, value: impl Into<String>) -> Self {
            self.1.3 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`show_url`](GoodsDetail::show_url).
        pub fn show_url(mut self, value: impl Into<String>) -> Self {
            self.1.4 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> GoodsDetail
        where
            S0: __f::Required<String>,
            S1: __f::Required<String>,
            S2: __f::Required<i64>,
            S3: __f::Required<::alipay_core::Amount>,
        {
            let (
                (s0, s1, s2, s3),
                (alipay_goods_id, goods_category, categories_tree, body, show_url),
            ) = (self.0, self.1);
            GoodsDetail {
                goods_id: __t::IsSet::into_value(s0),
                goods_name: __t::IsSet::into_value(s1),
                quantity: __t::IsSet::into_value(s2),
                price: __t::IsSet::into_value(s3),
                alipay_goods_id,
                goods_category,
                categories_tree,
                body,
                show_url,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `hb_fq_num` of `ExtendParams`."] pub enum
    ExtendParamsHbFqNum { #[doc = " `3`"] V3 = "3", #[doc = " `6`"] V6 = "6", #[doc =
    " `12`"] V12 = "12" }
);
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `hb_fq_seller_percent` of `ExtendParams`."] pub enum
    ExtendParamsHbFqSellerPercent { #[doc = " `0`"] V0 = "0", #[doc = " `100`"] V100 =
    "100" }
);
/// `ExtendParams`: 业务扩展参数
///
/// A shared request type; build it with [`ExtendParams::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ExtendParams {
    /// `sys_service_provider_id`: 系统商编号 该参数作为系统商返佣数据提取的依据，请填写系统商签约协议的PID\
    /// type `string`; optional; at most 64 characters; example `2088511833207846`; not stated by the doc: len_unit.
    pub sys_service_provider_id: ::std::option::Option<::std::string::String>,
    /// `hb_fq_num`: 使用花呗分期要进行的分期数\
    /// type `enum`; optional; example `3`. A string on the wire ("3", not 3).
    pub hb_fq_num: ::std::option::Option<ExtendParamsHbFqNum>,
    /// `hb_fq_seller_percent`: 使用花呗分期需要卖家承担的手续费比例的百分值，传入100代表100%\
    /// type `enum`; optional; example `100`. 0: the buyer pays the instalment fee; 100: the seller does. A string on the wire.
    pub hb_fq_seller_percent: ::std::option::Option<ExtendParamsHbFqSellerPercent>,
    /// `specified_seller_name`: 特殊场景下，允许商户指定交易展示的卖家名称\
    /// type `string`; optional; at most 32 characters; example `XXX的跨境小铺`; not stated by the doc: len_unit.
    pub specified_seller_name: ::std::option::Option<::std::string::String>,
    /// `card_type`: 卡类型\
    /// type `string`; optional; at most 32 characters; example `S0JP0000`; not stated by the doc: max_len, len_unit.
    pub card_type: ::std::option::Option<::std::string::String>,
}
/// Typestate markers of [`ExtendParamsBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod extend_params_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of shared type `ExtendParams` was not set";
    );
}
/// Builder of [`ExtendParams`]: `build()` compiles only when every required field and one-of group of `ExtendParams` is set.
#[must_use = "call build() to get the value"]
pub struct ExtendParamsBuilder(
    (),
    (
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<ExtendParamsHbFqNum>,
        ::std::option::Option<ExtendParamsHbFqSellerPercent>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
    ),
);
::alipay_core::__wire_struct!(
    ExtendParams { sys_service_provider_id = "sys_service_provider_id", hb_fq_num =
    "hb_fq_num", hb_fq_seller_percent = "hb_fq_seller_percent", specified_seller_name =
    "specified_seller_name", card_type = "card_type" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use extend_params_fields as __f;
    use ExtendParamsBuilder as __B;
    impl ExtendParams {
        ///The rules of `ExtendParams` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "ExtendParams",
                &[
                    __F::new("sys_service_provider_id", __Ty::Text).max_chars(64),
                    __F::new("hb_fq_num", __Ty::Enum).values(&["3", "6", "12"]),
                    __F::new("hb_fq_seller_percent", __Ty::Enum).values(&["0", "100"]),
                    __F::new("specified_seller_name", __Ty::Text).max_chars(32),
                    __F::new("card_type", __Ty::Text).max_chars(32),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> ExtendParamsBuilder {
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
    impl __B {
        /// Sets [`sys_service_provider_id`](ExtendParams::sys_service_provider_id).
        pub fn sys_service_provider_id(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`hb_fq_num`](ExtendParams::hb_fq_num).
        pub fn hb_fq_num(mut self, value: ExtendParamsHbFqNum) -> Self {
            self.1.1 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`hb_fq_seller_percent`](ExtendParams::hb_fq_seller_percent).
        pub fn hb_fq_seller_percent(
            mut self,
            value: ExtendParamsHbFqSellerPercent,
        ) -> Self {
            self.1.2 = ::std::option::Option::Some(value);
            self
        }
        /// Sets [`specified_seller_name`](ExtendParams::specified_seller_name).
        pub fn specified_seller_name(mut self, value: impl Into<String>) -> Self {
            self.1.3 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`card_type`](ExtendParams::card_type).
        pub fn card_type(mut self, value: impl Into<String>) -> Self {
            self.1.4 = ::std::option::Option::Some(value.into());
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> ExtendParams {
            let (
                (),
                (
                    sys_service_provider_id,
                    hb_fq_num,
                    hb_fq_seller_percent,
                    specified_seller_name,
                    card_type,
                ),
            ) = (self.0, self.1);
            ExtendParams {
                sys_service_provider_id,
                hb_fq_num,
                hb_fq_seller_percent,
                specified_seller_name,
                card_type,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `trans_in_type` of `SettleInfoSettleDetailInfos`."] pub
    enum SettleInfoSettleDetailInfosTransInType { #[doc = " `cardAliasNo`"] CardAliasNo =
    "cardAliasNo", #[doc = " `userId`"] UserId = "userId", #[doc = " `loginName`"]
    LoginName = "loginName", #[doc = " `defaultSettle`"] DefaultSettle = "defaultSettle"
    }
);
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `settle_entity_type` of `SettleInfoSettleDetailInfos`."]
    pub enum SettleInfoSettleDetailInfosSettleEntityType { #[doc = " `SecondMerchant`"]
    SecondMerchant = "SecondMerchant", #[doc = " `Store`"] Store = "Store" }
);
/// `SettleInfo.settle_detail_infos[]`: an object of `SettleInfo`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SettleInfoSettleDetailInfos {
    /// `trans_in_type`: 结算收款方的账户类型。\
    /// type `enum`; required; example `cardAliasNo`. The four types named by trans_in's doc text.
    pub trans_in_type: SettleInfoSettleDetailInfosTransInType,
    /// `trans_in`: 结算收款方。当结算收款方类型是cardAliasNo时，本参数为用户在支付宝绑定的卡编号；结算收款方类型是userId时，本参数为用户的支付宝账号对应的支付宝唯一用户号，以2088开头的纯16位数字；当结算收款方类型是loginName时，本参数为用户的支付宝登录号；当结算收款方类型是defaultSettle时，本参数不能传值，保持为空。\
    /// type `string`; required when `trans_in_type` is cardAliasNo or userId or loginName; at most 64 characters; example `A0001`; not stated by the doc: max_len, len_unit. Required for every trans_in_type except defaultSettle (where it must stay empty).
    pub trans_in: ::std::option::Option<::std::string::String>,
    /// `summary_dimension`: 结算汇总维度，按照这个维度汇总成批次结算，由商户指定。  目前需要和结算收款方账户类型为cardAliasNo配合使用\
    /// type `string`; optional; at most 64 characters; example `A0001`; not stated by the doc: max_len, len_unit.
    pub summary_dimension: ::std::option::Option<::std::string::String>,
    /// `settle_entity_id`: 结算主体标识。当结算主体类型为SecondMerchant时，为二级商户的SecondMerchantID；当结算主体类型为Store时，为门店的外标。\
    /// type `string`; optional; at most 64 characters; example `2088xxxxx;ST_0001`; not stated by the doc: max_len, len_unit.
    pub settle_entity_id: ::std::option::Option<::std::string::String>,
    /// `settle_entity_type`: 结算主体类型。\
    /// type `enum`; optional; example `SecondMerchant`. The two types named by settle_entity_id's doc text.
    pub settle_entity_type: ::std::option::Option<
        SettleInfoSettleDetailInfosSettleEntityType,
    >,
    /// `amount`: 结算的金额，单位为元。在创建订单和支付接口时必须和交易金额相同。在结算确认接口时必须等于交易金额减去已退款金额。直付通账期模式下，如使用部分结算能力、传递了actual_amount字段，则忽略本字段的校验、可不传。\
    /// type `amount`; required; range [0.01, 100000000.00] yuan; example `0.1`; not stated by the doc: range. Must equal the trade's total_amount (server-side check).
    pub amount: ::alipay_core::Amount,
}
/// Typestate markers of [`SettleInfoSettleDetailInfosBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod settle_info_settle_detail_infos_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of `SettleInfo.settle_detail_infos[]` of shared type `SettleInfo` was not set";
        trans_in_type, amount
    );
}
/// Builder of [`SettleInfoSettleDetailInfos`]: `build()` compiles only when every required field and one-of group of `SettleInfo.settle_detail_infos[]` is set.
#[must_use = "call build() to get the value"]
pub struct SettleInfoSettleDetailInfosBuilder<
    S0 = settle_info_settle_detail_infos_fields::trans_in_type,
    S1 = settle_info_settle_detail_infos_fields::amount,
>(
    (S0, S1),
    (
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<::std::string::String>,
        ::std::option::Option<SettleInfoSettleDetailInfosSettleEntityType>,
    ),
);
::alipay_core::__wire_struct!(
    SettleInfoSettleDetailInfos { trans_in_type = "trans_in_type", trans_in = "trans_in",
    summary_dimension = "summary_dimension", settle_entity_id = "settle_entity_id",
    settle_entity_type = "settle_entity_type", amount = "amount" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use settle_info_settle_detail_infos_fields as __f;
    use SettleInfoSettleDetailInfosBuilder as __B;
    impl SettleInfoSettleDetailInfos {
        ///The rules of `SettleInfo.settle_detail_infos[]` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "SettleInfo.settle_detail_infos[]",
                &[
                    __F::new("trans_in_type", __Ty::Enum)
                        .required()
                        .values(
                            &["cardAliasNo", "userId", "loginName", "defaultSettle"],
                        ),
                    __F::new("trans_in", __Ty::Text)
                        .max_chars(64)
                        .conditionals(
                            &[
                                __a::Conditional {
                                    when: __a::When {
                                        field: "trans_in_type",
                                        equals: &["cardAliasNo", "userId", "loginName"],
                                    },
                                    then: __a::Then::Required,
                                },
                            ],
                        ),
                    __F::new("summary_dimension", __Ty::Text).max_chars(64),
                    __F::new("settle_entity_id", __Ty::Text).max_chars(64),
                    __F::new("settle_entity_type", __Ty::Enum)
                        .values(&["SecondMerchant", "Store"]),
                    __F::new("amount", __Ty::Amount)
                        .required()
                        .amount_range(1, 10000000000, 2),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> SettleInfoSettleDetailInfosBuilder {
            __B(
                __f::START,
                (
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
    }
    impl<S0, S1> __B<S0, S1> {
        /// Sets [`trans_in_type`](SettleInfoSettleDetailInfos::trans_in_type).
        pub fn trans_in_type(
            self,
            value: SettleInfoSettleDetailInfosTransInType,
        ) -> __B<
            __t::Set<__f::trans_in_type, SettleInfoSettleDetailInfosTransInType>,
            S1,
        >
        where
            S0: __t::IsUnset,
        {
            let (_, s1) = self.0;
            __B((__t::Set::new(value), s1), self.1)
        }
        /// Sets [`amount`](SettleInfoSettleDetailInfos::amount).
        pub fn amount(
            self,
            value: ::alipay_core::Amount,
        ) -> __B<S0, __t::Set<__f::amount, ::alipay_core::Amount>>
        where
            S1: __t::IsUnset,
        {
            let (s0, _) = self.0;
            __B((s0, __t::Set::new(value)), self.1)
        }
        /// Sets [`trans_in`](SettleInfoSettleDetailInfos::trans_in).
        pub fn trans_in(mut self, value: impl Into<String>) -> Self {
            self.1.0 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`summary_dimension`](SettleInfoSettleDetailInfos::summary_dimension).
        pub fn summary_dimension(mut self, value: impl Into<String>) -> Self {
            self.1.1 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`settle_entity_id`](SettleInfoSettleDetailInfos::settle_entity_id).
        pub fn settle_entity_id(mut self, value: impl Into<String>) -> Self {
            self.1.2 = ::std::option::Option::Some(value.into());
            self
        }
        /// Sets [`settle_entity_type`](SettleInfoSettleDetailInfos::settle_entity_type).
        pub fn settle_entity_type(
            mut self,
            value: SettleInfoSettleDetailInfosSettleEntityType,
        ) -> Self {
            self.1.3 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> SettleInfoSettleDetailInfos
        where
            S0: __f::Required<SettleInfoSettleDetailInfosTransInType>,
            S1: __f::Required<::alipay_core::Amount>,
        {
            let (
                (s0, s1),
                (trans_in, summary_dimension, settle_entity_id, settle_entity_type),
            ) = (self.0, self.1);
            SettleInfoSettleDetailInfos {
                trans_in_type: __t::IsSet::into_value(s0),
                amount: __t::IsSet::into_value(s1),
                trans_in,
                summary_dimension,
                settle_entity_id,
                settle_entity_type,
            }
        }
    }
};
/// `SettleInfo`: 描述结算信息，json格式。
///
/// A shared request type; build it with [`SettleInfo::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SettleInfo {
    /// `settle_detail_infos`: 结算详细信息，json数组，目前只支持一条。\
    /// type `array`; required; at most 1 items. Items are the official SDKs' SettleDetailInfo objects.
    pub settle_detail_infos: ::std::vec::Vec<SettleInfoSettleDetailInfos>,
    /// `settle_period_time`: 该笔订单的超期自动确认结算时间，到达期限后，将自动确认结算。此字段只在签约账期结算模式时有效。取值范围：1d～365d。d-天。 该参数数值不接受小数点。\
    /// type `pay_timeout`; optional; range 1d~365d; example `7d`. Only days are meant ("d-天"); the pay_timeout grammar also reads 1440m as 1d, which the range accepts.
    pub settle_period_time: ::std::option::Option<::alipay_core::PayTimeout>,
}
/// Typestate markers of [`SettleInfoBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod settle_info_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of shared type `SettleInfo` was not set";
        settle_detail_infos
    );
}
/// Builder of [`SettleInfo`]: `build()` compiles only when every required field and one-of group of `SettleInfo` is set.
#[must_use = "call build() to get the value"]
pub struct SettleInfoBuilder<S0 = settle_info_fields::settle_detail_infos>(
    (S0,),
    (::std::option::Option<::alipay_core::PayTimeout>,),
);
::alipay_core::__wire_struct!(
    SettleInfo { settle_detail_infos = "settle_detail_infos", settle_period_time =
    "settle_period_time" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use settle_info_fields as __f;
    use SettleInfoBuilder as __B;
    impl SettleInfo {
        ///The rules of `SettleInfo` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "SettleInfo",
                &[
                    __F::new(
                            "settle_detail_infos",
                            __Ty::Array(
                                &__Ty::Object(SettleInfoSettleDetailInfos::RULES),
                            ),
                        )
                        .required()
                        .max_items(1),
                    __F::new("settle_period_time", __Ty::PayTimeout)
                        .minutes(1440, 525600, "1d", "365d"),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> SettleInfoBuilder {
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
    impl<S0> __B<S0> {
        /// Sets [`settle_detail_infos`](SettleInfo::settle_detail_infos).
        pub fn settle_detail_infos(
            self,
            value: ::std::vec::Vec<SettleInfoSettleDetailInfos>,
        ) -> __B<
            __t::Set<
                __f::settle_detail_infos,
                ::std::vec::Vec<SettleInfoSettleDetailInfos>,
            >,
        >
        where
            S0: __t::IsUnset,
        {
            let (_,) = self.0;
            __B((__t::Set::new(value),), self.1)
        }
        /// Sets [`settle_period_time`](SettleInfo::settle_period_time).
        pub fn settle_period_time(mut self, value: ::alipay_core::PayTimeout) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> SettleInfo
        where
            S0: __f::Required<::std::vec::Vec<SettleInfoSettleDetailInfos>>,
        {
            let ((s0,), (settle_period_time,)) = (self.0, self.1);
            SettleInfo {
                settle_detail_infos: __t::IsSet::into_value(s0),
                settle_period_time,
            }
        }
    }
};
::alipay_core::__wire_enum!(
    closed #[doc = " Values of `merchant_type` of `SubMerchant`."] pub enum
    SubMerchantMerchantType { #[doc = " `alipay`"] Alipay = "alipay" }
);
/// `SubMerchant`: 二级商户信息
///
/// A shared request type; build it with [`SubMerchant::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SubMerchant {
    /// `merchant_id`: 支付宝二级商户编号。 间连受理商户的支付宝商户编号，通过间连商户入驻接口后由支付宝生成。 直付通和机构间连业务场景下必传。\
    /// type `string`; required; at most 16 characters; example `2088000603999128`; not stated by the doc: max_len, len_unit.
    pub merchant_id: ::std::string::String,
    /// `merchant_type`: 二级商户编号类型。 枚举值： alipay:支付宝分配的间联商户编号； 目前仅支持alipay，默认可以不传。\
    /// type `enum`; optional; example `alipay`.
    pub merchant_type: ::std::option::Option<SubMerchantMerchantType>,
}
/// Typestate markers of [`SubMerchantBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod sub_merchant_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of shared type `SubMerchant` was not set"; merchant_id
    );
}
/// Builder of [`SubMerchant`]: `build()` compiles only when every required field and one-of group of `SubMerchant` is set.
#[must_use = "call build() to get the value"]
pub struct SubMerchantBuilder<S0 = sub_merchant_fields::merchant_id>(
    (S0,),
    (::std::option::Option<SubMerchantMerchantType>,),
);
::alipay_core::__wire_struct!(
    SubMerchant { merchant_id = "merchant_id", merchant_type = "merchant_type" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use sub_merchant_fields as __f;
    use SubMerchantBuilder as __B;
    impl SubMerchant {
        ///The rules of `SubMerchant` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "SubMerchant",
                &[
                    __F::new("merchant_id", __Ty::Text).required().max_chars(16),
                    __F::new("merchant_type", __Ty::Enum).values(&["alipay"]),
                ],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> SubMerchantBuilder {
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
    impl<S0> __B<S0> {
        /// Sets [`merchant_id`](SubMerchant::merchant_id).
        pub fn merchant_id(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::merchant_id, String>>
        where
            S0: __t::IsUnset,
        {
            let (_,) = self.0;
            __B((__t::Set::new(value.into()),), self.1)
        }
        /// Sets [`merchant_type`](SubMerchant::merchant_type).
        pub fn merchant_type(mut self, value: SubMerchantMerchantType) -> Self {
            self.1.0 = ::std::option::Option::Some(value);
            self
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> SubMerchant
        where
            S0: __f::Required<String>,
        {
            let ((s0,), (merchant_type,)) = (self.0, self.1);
            SubMerchant {
                merchant_id: __t::IsSet::into_value(s0),
                merchant_type,
            }
        }
    }
};
/// `TradeFundBill`: 交易支付的渠道属性
///
/// A shared response type: every field optional, unknown members kept.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TradeFundBill {
    /// `fund_channel` (string): 交易使用的资金渠道，详见 支付渠道列表\
    /// E.g. ALIPAYACCOUNT, PCREDIT, BANKCARD, POINT, COUPON. An open set: kept as text.
    pub fund_channel: ::std::option::Option<::std::string::String>,
    /// `amount` (amount): 该支付工具类型所使用的金额
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// `real_amount` (amount): 渠道实际付款金额
    pub real_amount: ::std::option::Option<::alipay_core::Amount>,
    /// `fund_type` (string): 渠道所使用的资金类型,目前只在资金渠道(fund_channel)是银行卡渠道(BANKCARD)的情况下才返回该信息
    pub fund_type: ::std::option::Option<::std::string::String>,
    /// `bank_code` (string): 银行卡支付时的银行代码
    pub bank_code: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read TradeFundBill { fund_channel = "fund_channel", amount = "amount", real_amount =
    "real_amount", fund_type = "fund_type", bank_code = "bank_code" }
);
