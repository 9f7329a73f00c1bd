//! `alipay.fund.*`: the cash red packet (收发现金红包), transfers (单笔转账), fund
//! authorisation (资金预授权) and account balance APIs, one per `specs/alipay.fund.*.toml` file.

alipay_macros::specs!(dir = "../specs", domain = "fund", types = "crate::types");
