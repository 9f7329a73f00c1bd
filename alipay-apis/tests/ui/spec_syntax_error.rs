use alipay_macros::AlipayApi;

#[derive(AlipayApi)]
#[alipay(spec = "specs/alipay.test.syntax.toml")]
pub struct Syntax;

fn main() {}
