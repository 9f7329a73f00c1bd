use alipay_macros::AlipayApi;

#[derive(AlipayApi)]
#[alipay(spec = "specs/cycle/alipay.test.cycle.toml")]
pub struct Cycle;

fn main() {}
