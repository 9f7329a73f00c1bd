//! `alipay.marketing.*`: vouchers, one per `specs/alipay.marketing.*.toml` file.

alipay_macros::specs!(
    dir = "../specs",
    domain = "marketing",
    types = "crate::types"
);
