//! # alipay-core
//!
//! The runtime every generated Alipay API stands on: keys, the sign content, signing,
//! sending, response and notification verification, certificate mode, AES content encryption,
//! and the app/page order strings. Each rule of the wire protocol lives in one module:
//!
//! | rule | module |
//! | --- | --- |
//! | key formats and roles | [`keys`] |
//! | which bytes are signed (charset) | [`charset`] |
//! | sign content, `sign_type` | [`sign`] |
//! | `timestamp` (UTC+8) | [`timestamp`] |
//! | parameter set, query/body split, sdk/page execute | [`request`] |
//! | response extraction and verification | [`response`] |
//! | notifications | [`notify`] |
//! | the notify endpoint: verify, de-duplicate, answer | [`notify_receiver`] |
//! | certificate SNs | [`cert`] |
//! | AES content encryption | [`aes`] |
//! | HTTP | [`transport`] |
//! | what a generated API is to the client | [`api`] |
//! | the rules of business parameters, and their one engine | [`rules`] |
//! | JSON with exact numbers (biz_content, responses) | [`wire`] |
//! | dates, months and times as Alipay writes them | [`dates`] |
//! | exact decimal numbers | [`number`] |
//! | the client tying it together | [`client`] |
//! | the gateway's side (sandbox, tests) | [`gateway`] |

// Library code never unwraps what a user or the network sent; tests may.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod aes;
pub mod api;
pub mod cert;
pub mod charset;
pub mod client;
mod crypto;
pub mod dates;
pub mod error;
pub mod gateway;
#[doc(hidden)]
pub mod html;
pub mod keys;
pub mod notify;
pub mod notify_receiver;
pub mod number;
pub mod request;
pub mod response;
pub mod retry;
pub mod rules;
mod rules_engine;
pub mod sign;
pub mod timestamp;
pub mod transport;
pub mod value;
pub mod wire;

pub use crate::aes::EncryptKey;
pub use crate::cert::{AlipayCertificate, AlipayRootCertificate, AppCertificate};
pub use crate::charset::Charset;
pub use crate::crypto::BACKEND as CRYPTO_BACKEND;
pub use crate::dates::{Date, DateTime, Month};
pub use crate::error::{ApiError, Error, Outcome};
pub use crate::keys::{AlipayPublicKey, AppPrivateKey, AppPublicKey, GatewayPrivateKey};
pub use crate::number::Number;
pub use crate::sign::{Params, SignType};
pub use crate::timestamp::Timestamp;
pub use crate::value::{Amount, PayTimeout, UserId};

/// The production gateway.
pub const PRODUCTION_GATEWAY: &str = "https://openapi.alipay.com/gateway.do";
/// Alipay's online sandbox gateway (openapi-sandbox.dl.alipaydev.com).
pub const SANDBOX_GATEWAY: &str = "https://openapi-sandbox.dl.alipaydev.com/gateway.do";
/// The `version` parameter: always `1.0`.
pub const API_VERSION: &str = "1.0";
/// The body a notification endpoint must answer once it has verified and handled a notification.
pub const NOTIFY_ACK: &str = "success";
