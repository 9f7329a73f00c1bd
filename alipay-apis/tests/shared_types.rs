//! Shared types are generated once and named from elsewhere: `types!` in one module, then
//! `specs!(..., types = "...")` and `#[derive(AlipayApi)] #[alipay(types = "...")]` in others
//! use that one `GoodsDetail`.

mod shared {
    alipay_apis::types!(dir = "nested/specs");
}

mod apis {
    alipay_apis::specs!(dir = "nested/specs", types = "crate::shared");
}

mod one {
    #[derive(alipay_apis::AlipayApi)]
    #[alipay(
        spec = "nested/specs/alipay.trade.precreate.toml",
        types = "crate::shared"
    )]
    pub struct Precreate;
}

use alipay_apis::{Api, amount};

fn goods() -> shared::GoodsDetail {
    shared::GoodsDetail::builder()
        .goods_id("g1")
        .goods_name("苹果")
        .quantity(3)
        .price(amount!("1.50"))
        .build()
}

#[test]
fn one_shared_type_serves_every_api_that_names_it() {
    let from_specs = apis::TradePrecreateRequest::builder()
        .out_trade_no("T1")
        .total_amount(amount!("4.50"))
        .subject("s")
        .goods_detail(vec![goods()])
        .build();
    let from_derive = one::PrecreateRequest::builder()
        .out_trade_no("T1")
        .total_amount(amount!("4.50"))
        .subject("s")
        .goods_detail(vec![goods()])
        .build();
    assert_eq!(from_specs.biz_content(), from_derive.biz_content());
    assert_eq!(
        from_derive.biz_content(),
        r#"{"out_trade_no":"T1","total_amount":"4.50","subject":"s","goods_detail":[{"goods_id":"g1","goods_name":"苹果","quantity":3,"price":"1.50"}]}"#
    );
    assert_eq!(goods().validate(), Ok(()));
    assert_eq!(one::Precreate::METHOD, "alipay.trade.precreate");
    assert_eq!(
        <one::PrecreateRequest as Api>::RULES,
        <apis::TradePrecreateRequest as Api>::RULES
    );
}
