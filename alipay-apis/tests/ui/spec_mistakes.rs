use alipay_macros::AlipayApi;

#[derive(AlipayApi)]
#[alipay(spec = "specs/alipay.test.mistakes.toml")]
pub struct Mistakes;

fn main() {}
