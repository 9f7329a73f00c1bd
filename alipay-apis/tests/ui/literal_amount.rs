use alipay_apis::amount;

fn main() {
    let _ = amount!("0.001");
}
