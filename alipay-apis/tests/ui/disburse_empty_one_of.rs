use alipay_apis::amount;
use alipay_apis::fund::CouponOrderDisburseRequest;

fn main() {
    // Neither deduct_auth_no nor deduct_out_order_no.
    let _ = CouponOrderDisburseRequest::builder()
        .out_order_no("o")
        .out_request_no("r")
        .order_title("t")
        .amount(amount!("1.00"))
        .payee_logon_id("p@example.com")
        .build();
}
