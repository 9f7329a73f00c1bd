/// `GoodsDetail`: 订单包含的商品列表信息
///
/// A shared request type; build it with [`GoodsDetail::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GoodsDetail {
    /// `goods_id`: 商品的编号\
    /// type `string`; required; at most 64 characters.
    pub goods_id: ::std::string::String,
    /// `alipay_goods_id`: 支付宝定义的统一商品编号\
    /// type `string`; optional; at most 32 characters.
    pub alipay_goods_id: ::std::option::Option<::std::string::String>,
    /// `goods_name`: 商品名称\
    /// type `string`; required; at most 256 characters.
    pub goods_name: ::std::string::String,
    /// `quantity`: 商品数量\
    /// type `integer`; required; at most 10 characters; range [1, 9999999999]; not stated by the doc: range.
    pub quantity: i64,
    /// `price`: 商品单价，单位为元\
    /// type `amount`; required; range [0.00, 999999.99] yuan; not stated by the doc: range.
    pub price: ::alipay_core::Amount,
    /// `goods_category`: 商品类目\
    /// type `string`; optional; at most 24 characters.
    pub goods_category: ::std::option::Option<::std::string::String>,
    /// `show_url`: 商品的展示地址\
    /// type `string`; optional; at most 400 characters.
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
    ),
);
::alipay_core::__wire_struct!(
    GoodsDetail { goods_id = "goods_id", alipay_goods_id = "alipay_goods_id", goods_name
    = "goods_name", quantity = "quantity", price = "price", goods_category =
    "goods_category", show_url = "show_url" }
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
        /// Sets [`show_url`](GoodsDetail::show_url).
        pub fn show_url(mut self, value: impl Into<String>) -> Self {
            self.1.2 = ::std::option::Option::Some(value.into());
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
            let ((s0, s1, s2, s3), (alipay_goods_id, goods_category, show_url)) = (
                self.0,
                self.1,
            );
            GoodsDetail {
                goods_id: __t::IsSet::into_value(s0),
                goods_name: __t::IsSet::into_value(s1),
                quantity: __t::IsSet::into_value(s2),
                price: __t::IsSet::into_value(s3),
                alipay_goods_id,
                goods_category,
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
    /// `sys_service_provider_id`: 系统商编号\
    /// type `string`; optional; at most 64 characters.
    pub sys_service_provider_id: ::std::option::Option<::std::string::String>,
    /// `hb_fq_num`: 使用花呗分期要进行的分期数\
    /// type `enum`; optional.
    pub hb_fq_num: ::std::option::Option<ExtendParamsHbFqNum>,
    /// `hb_fq_seller_percent`: 使用花呗分期需要卖家承担的手续费比例的百分值\
    /// type `enum`; optional.
    pub hb_fq_seller_percent: ::std::option::Option<ExtendParamsHbFqSellerPercent>,
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
    ),
);
::alipay_core::__wire_struct!(
    ExtendParams { sys_service_provider_id = "sys_service_provider_id", hb_fq_num =
    "hb_fq_num", hb_fq_seller_percent = "hb_fq_seller_percent" }
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
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> ExtendParams {
            let ((), (sys_service_provider_id, hb_fq_num, hb_fq_seller_percent)) = (
                self.0,
                self.1,
            );
            ExtendParams {
                sys_service_provider_id,
                hb_fq_num,
                hb_fq_seller_percent,
            }
        }
    }
};
/// `TradeFundBill`: 交易支付使用的资金渠道
///
/// A shared response type: every field optional, unknown members kept.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TradeFundBill {
    /// `fund_channel` (string): 交易使用的资金渠道
    pub fund_channel: ::std::option::Option<::std::string::String>,
    /// `amount` (amount): 该支付工具类型所使用的金额
    pub amount: ::std::option::Option<::alipay_core::Amount>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read TradeFundBill { fund_channel = "fund_channel", amount = "amount" }
);
