use alipay_apis::amount;
use alipay_apis::fund::{TransUniTransferProductCode, TransUniTransferRequest};
use alipay_apis::types::Participant;

// Who is paid is required.
fn missing_payee_info() {
    let _ = TransUniTransferRequest::builder()
        .out_biz_no("201806300001")
        .trans_amount(amount!("0.10"))
        .product_code(TransUniTransferProductCode::TransAccountNoPwd)
        .build();
}

// The payee's identity type is required inside the shared Participant type.
fn missing_identity_type() {
    let _ = Participant::builder().identity("2088123412341234").build();
}

fn main() {}
