//! `alipay.data.*`: bills (对账单), one per `specs/alipay.data.*.toml` file.

alipay_macros::specs!(dir = "../specs", domain = "data", types = "crate::types");
