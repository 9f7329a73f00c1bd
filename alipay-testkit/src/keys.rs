//! The committed test keys (`alipay-core/testdata/`): `app_*` plays the merchant
//! application, `gateway_*` plays Alipay's gateway. They protect nothing.
//!
//! ```
//! use alipay_testkit::keys;
//!
//! let client = alipay_core::AlipayClient::builder(
//!     keys::APP_ID,
//!     keys::app_private(),
//!     keys::alipay_public(),
//! );
//! assert!(keys::path("app_private_pkcs1.pem").exists());
//! # let _ = client;
//! ```

use std::path::PathBuf;

use alipay_core::{AlipayPublicKey, AppPrivateKey, AppPublicKey, GatewayPrivateKey};

/// The app id the tests (and the sandbox's demo merchant) use.
pub const APP_ID: &str = "2021000000000001";

/// The directory of the test keys and certificates.
pub fn testdata_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../alipay-core/testdata"
    ))
}

/// The path of a file in `alipay-core/testdata/` (for tools that take key files).
pub fn path(name: &str) -> PathBuf {
    testdata_dir().join(name)
}

/// The text of a file in `alipay-core/testdata/`; panics if it cannot be read.
pub fn text(name: &str) -> String {
    let p = path(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The app's private key (`app_private_pkcs1.pem`), what the merchant signs requests with.
pub fn app_private() -> AppPrivateKey {
    AppPrivateKey::from_text(&text("app_private_pkcs1.pem")).expect("app private key")
}

/// The app's public key (`app_public_spki.pem`), what the gateway verifies requests with.
pub fn app_public() -> AppPublicKey {
    AppPublicKey::from_text(&text("app_public_spki.pem")).expect("app public key")
}

/// The gateway's public key (`gateway_public_spki.pem`): the "Alipay public key" a client
/// verifies answers and notifications with.
pub fn alipay_public() -> AlipayPublicKey {
    AlipayPublicKey::from_text(&text("gateway_public_spki.pem")).expect("alipay public key")
}

/// The gateway's private key (`gateway_private_pkcs8.pem`), what the fake gateway and the
/// sandbox sign answers and notifications with.
pub fn gateway_private() -> GatewayPrivateKey {
    GatewayPrivateKey::from_text(&text("gateway_private_pkcs8.pem")).expect("gateway private key")
}

/// A key that is *not* the gateway's (the app's own, `app_private_pkcs8.pem`): answers
/// signed with it are forged for a client that trusts [`alipay_public`].
pub fn forger_private() -> GatewayPrivateKey {
    GatewayPrivateKey::from_text(&text("app_private_pkcs8.pem")).expect("forger key")
}
