//! `alipay.system.*`: OAuth (`alipay.system.oauth.token`, whose parameters are top-level form
//! fields), one per `specs/alipay.system.*.toml` file.

alipay_macros::specs!(dir = "../specs", domain = "system", types = "crate::types");
