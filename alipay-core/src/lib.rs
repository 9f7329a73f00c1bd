//! # alipay-core
//!
//! The runtime every generated Alipay API stands on: the client that validates, signs, sends
//! and verifies ([`AlipayClient`]), retries that never pay twice ([`RetryPolicy`],
//! [`Resolution`]), the keys and certificates that cannot be swapped, money that is never a
//! float ([`Amount`]), and notifications checked and handled once ([`notify`]).
//!
//! Most users depend on `alipay-apis`, which re-exports what is here next to the typed APIs.
//!
//! | layer | where |
//! | --- | --- |
//! | the client, calls, retries, exactly-once resolution | [`AlipayClient`], [`CallBuilder`], [`RetryPolicy`], [`resolve`] |
//! | errors and what to do about them | [`Error`], [`Error::outcome`], [`Error::hint`], [`error`] |
//! | keys, certificates, charset, sign type, AES | [`AppPrivateKey`], [`AlipayPublicKey`], [`AlipayCertificate`], [`Charset`], [`SignType`], [`EncryptKey`] |
//! | business values | [`Amount`], [`PayTimeout`], [`UserId`], [`Date`], [`DateTime`], [`Month`], [`Number`] |
//! | what a generated API is | [`api`] |
//! | notifications | [`notify`] |
//! | the protocol's building blocks (signing without sending, checking bodies obtained elsewhere) | [`protocol`] |
//! | the gateway's side, for the sandbox and tests (cargo feature `gateway`) | `gateway` |
//!
//! The rules of the wire protocol, one per module, are described in the repository's
//! `docs/protocol.md` with their official sources.
//!
//! ```
//! use alipay_core::{AlipayClient, AlipayPublicKey, AppPrivateKey, Gateway};
//! # let app_private_key_pem = include_str!("../testdata/app_private_pkcs8.pem");
//! # let alipay_public_key_pem = include_str!("../testdata/gateway_public_spki.pem");
//! let client = AlipayClient::builder(
//!     "2021000000000001",
//!     AppPrivateKey::from_text(app_private_key_pem)?,
//!     AlipayPublicKey::from_text(alipay_public_key_pem)?, // 支付宝公钥, not the app's own
//! )
//! .gateway(Gateway::production())
//! .notify_url("https://merchant.example.com/alipay/notify")
//! .build()?;
//! assert_eq!(client.app_id(), "2021000000000001");
//! # Ok::<(), alipay_core::Error>(())
//! ```

#![warn(missing_docs)]
// Library code never unwraps what a user or the network sent; tests may.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod aes;
pub mod api;
mod call;
mod cert;
mod charset;
mod client;
mod crypto;
mod dates;
pub mod error;
#[cfg(any(test, feature = "gateway"))]
pub mod gateway;
#[doc(hidden)]
pub mod html;
mod keys;
pub mod notify;
mod number;
pub mod protocol;
mod request;
pub mod resolve;
mod response;
pub mod retry;
#[doc(hidden)]
pub mod rules;
mod rules_engine;
mod sign;
mod timestamp;
mod transport;
pub mod value;
#[doc(hidden)]
pub mod wire;

pub use crate::aes::EncryptKey;
pub use crate::call::{CallBuilder, Callable};
pub use crate::cert::{AlipayCertificate, AlipayRootCertificate, AppCertificate};
pub use crate::charset::Charset;
pub use crate::client::{AlipayClient, Answer, ClientBuilder};
pub use crate::crypto::BACKEND as CRYPTO_BACKEND;
pub use crate::dates::{Date, DateTime, Month};
pub use crate::error::{ApiError, Error, Outcome};
#[cfg(any(test, feature = "gateway"))]
pub use crate::keys::GatewayPrivateKey;
pub use crate::keys::{AlipayPublicKey, AppPrivateKey, AppPublicKey};
pub use crate::number::Number;
pub use crate::request::Call;
pub use crate::resolve::{NotDoneReason, Patience, Resolution};
pub use crate::retry::{RetryPolicy, RetryReport};
pub use crate::sign::SignType;
pub use crate::transport::{Gateway, RootCertificate, TransportConfig};
pub use crate::value::{Amount, JsonObjectText, PayTimeout, UserId};

/// The production gateway.
pub const PRODUCTION_GATEWAY: &str = "https://openapi.alipay.com/gateway.do";
/// Alipay's online sandbox gateway (openapi-sandbox.dl.alipaydev.com).
pub const SANDBOX_GATEWAY: &str = "https://openapi-sandbox.dl.alipaydev.com/gateway.do";
/// The `version` parameter: always `1.0`.
pub(crate) const API_VERSION: &str = "1.0";
/// The body a notification endpoint must answer once it has verified and handled a notification.
pub const NOTIFY_ACK: &str = "success";
