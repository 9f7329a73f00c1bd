use alipay_macros::AlipayApi;

#[derive(AlipayApi)]
#[alipay(spec = "specs/alipay.test.nested_mistakes.toml")]
pub struct NestedMistakes;

fn main() {}
