use alipay_apis::amount;
use alipay_apis::fund::CouponOrderDisburseRequest;

fn missing_out_order_no() {
    let _ = CouponOrderDisburseRequest::builder()
        .out_request_no("r")
        .order_title("t")
        .amount(amount!("1.00"))
        .deduct_auth_no("a")
        .payee_logon_id("p@example.com")
        .build();
}

fn missing_out_request_no() {
    let _ = CouponOrderDisburseRequest::builder()
        .out_order_no("o")
        .order_title("t")
        .amount(amount!("1.00"))
        .deduct_auth_no("a")
        .payee_logon_id("p@example.com")
        .build();
}

fn missing_order_title() {
    let _ = CouponOrderDisburseRequest::builder()
        .out_order_no("o")
        .out_request_no("r")
        .amount(amount!("1.00"))
        .deduct_auth_no("a")
        .payee_logon_id("p@example.com")
        .build();
}

fn missing_amount() {
    let _ = CouponOrderDisburseRequest::builder()
        .out_order_no("o")
        .out_request_no("r")
        .order_title("t")
        .deduct_auth_no("a")
        .payee_logon_id("p@example.com")
        .build();
}

fn main() {}
