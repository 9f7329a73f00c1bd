//! `alipay.open.*`: the app's platform services (Alipay's public-key certificate download),
//! one per `specs/alipay.open.*.toml` file.

alipay_macros::specs!(dir = "../specs", domain = "open", types = "crate::types");
