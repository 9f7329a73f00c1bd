use alipay_apis::pay_timeout;

fn main() {
    let _ = pay_timeout!("1.5h");
}
