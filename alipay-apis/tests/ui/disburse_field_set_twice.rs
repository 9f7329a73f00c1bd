use alipay_apis::fund::DisburseRequest;

fn main() {
    let _ = DisburseRequest::builder().out_order_no("o").out_order_no("o2");
}
