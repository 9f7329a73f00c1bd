//! `alipay.user.*`: the authorising user's profile (`alipay.user.info.share`, sent with the
//! public `auth_token` parameter), one per `specs/alipay.user.*.toml` file.

alipay_macros::specs!(dir = "../specs", domain = "user", types = "crate::types");
