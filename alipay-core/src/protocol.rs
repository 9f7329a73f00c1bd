//! The wire protocol's building blocks, for tools that work below the client: signing a
//! call without sending it, checking a response or a notification obtained elsewhere, one
//! HTTP exchange without retries, key generation. The `alipay` command's `sign`,
//! `verify-response`, `verify-notify`, `call` and `keygen` are made of these.
//!
//! Ordinary work does not need them: [`AlipayClient`](crate::AlipayClient) signs, sends and
//! verifies, and [`NotifyReceiver`](crate::notify::NotifyReceiver) checks notifications.
//! Each rule of the protocol lives in one module of this crate; `docs/protocol.md` in the
//! repository describes them, with the official sources:
//!
//! | rule | module |
//! | --- | --- |
//! | key formats and roles | `src/keys.rs` |
//! | which bytes are signed (charset) | `src/charset.rs` |
//! | sign content, `sign_type` | `src/sign.rs` |
//! | `timestamp` (UTC+8) | `src/timestamp.rs` |
//! | parameter set, query/body split, sdk/page execute | `src/request.rs` |
//! | response extraction and verification | `src/response.rs` |
//! | notifications | `src/notify/` |
//! | certificate SNs | `src/cert/` |
//! | AES content encryption | `src/aes.rs` |
//! | HTTP | `src/transport.rs` |
//!
//! ```
//! use alipay_core::protocol::{RequestSigner, sign_content};
//! use alipay_core::{AppPrivateKey, Call};
//! # let key = AppPrivateKey::from_text(include_str!("../testdata/app_private_pkcs8.pem")).unwrap();
//! let signed = RequestSigner::new("2021000000000001", key)
//!     .sign(&Call::new("alipay.fund.coupon.operation.query").biz_content(r#"{"auth_no":"1"}"#))
//!     .unwrap();
//! // The sign content is every non-empty parameter but `sign`, sorted, joined with `&`.
//! assert!(signed.sign_content().starts_with("app_id=2021000000000001&biz_content="));
//! assert_eq!(sign_content([("a", "1"), ("b", "2")].into_iter()), "a=1&b=2");
//! ```

pub use crate::keys::{GeneratedKeyPair, der_to_text, generate_app_key_pair};
pub use crate::notify::{NotifyCheck, verify_notification};
pub use crate::request::{CertSns, RequestSigner, SignedRequest};
pub use crate::response::{ResponseCheck, VerifiedResponse, verify as verify_response};
pub use crate::sign::{Params, sign_content};
pub use crate::timestamp::Timestamp;
pub use crate::transport::{HttpAnswer, HttpTransport};

/// The `version` parameter: always `1.0`.
pub const API_VERSION: &str = crate::API_VERSION;

#[doc(hidden)]
pub use crate::response::extract as extract_response;
