use alipay_apis::fund::CouponOrderDisburseRequest;

fn main() {
    let _ = CouponOrderDisburseRequest::builder().out_order_no("o").out_order_no("o2");
}
