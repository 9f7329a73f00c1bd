// Without `domain`, `specs!` names each API after its method without `alipay.`: these two
// would both be `ZhimaDemoGet`.
alipay_apis::specs!(dir = "specs/clash");

fn main() {}
