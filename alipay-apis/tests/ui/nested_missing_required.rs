// Required fields of nested objects are compile errors too, at every level.
alipay_apis::specs!(dir = "../nested/specs");

fn main() {
    // A shared type: `goods_name` of GoodsDetail (`goods_detail[].goods_name`).
    let _goods = GoodsDetail::builder()
        .goods_id("g1")
        .quantity(1)
        .price(alipay_apis::amount!("1.00"))
        .build();

    // An inline object: `payee_info.identity_type`.
    let _payee = FundTransUniTransferPayeeInfo::builder()
        .identity("2088102138117431")
        .build();
}
