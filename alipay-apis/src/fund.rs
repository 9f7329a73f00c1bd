//! `alipay.fund.*`: the cash red packet (收发现金红包) and fund-authorisation APIs, one per
//! `specs/alipay.fund.*.toml` file.

alipay_macros::specs!(dir = "../specs", domain = "fund", types = "crate::types");
