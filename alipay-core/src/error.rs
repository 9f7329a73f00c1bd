//! One error type for every failure, sorted by what the caller should do about it.
//!
//! The most important distinction for a payment SDK is [`Outcome`]: whether the business
//! operation certainly did not happen (fix and resend), or may have happened (re-send the *same*
//! request, or query, and never create a second one).

use std::fmt;
use std::time::Duration;

use crate::api::Violations;

// The errors of parsing a business value, named here with the other errors.
pub use crate::dates::FormatError;
pub use crate::value::{AmountError, JsonObjectTextError, PayTimeoutError, UserIdError};

/// What is known about the business operation after an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing reached Alipay: fix the cause, then send (a new request is safe).
    NotSent,
    /// Alipay answered and refused the request: the operation did not happen.
    Rejected,
    /// The operation may or may not have happened. Re-send the *same* request (same
    /// `out_request_no` / `out_biz_no`) or query it; never create a new one.
    Unknown,
}

/// Every error of a call, sorted by what the caller should do about it: [`Error::outcome`]
/// says whether the operation may have happened, [`Error::hint`] what to do next.
///
/// The messages are short; the advice is in [`Error::hint`] (and in each variant's docs):
///
/// ```
/// use alipay_core::{Error, Outcome};
/// fn report(e: &Error) -> String {
///     format!("{e} ({})", e.hint())
/// }
/// # let e = Error::Config(alipay_core::error::ConfigError::Other("x".into()));
/// # assert_eq!(e.outcome(), Outcome::NotSent);
/// # assert!(report(&e).contains("nothing was sent"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client is misconfigured (keys, certificates, URL). Nothing was sent: fix the
    /// client configuration.
    #[error("configuration error: {0}")]
    Config(#[from] ConfigError),

    /// The request broke rules of its API's spec; every broken rule, each with its field path.
    /// Nothing was sent: fix the request.
    #[error("invalid request: {0}")]
    Violations(Violations),

    /// The request was refused locally for another reason (e.g. a character the charset
    /// cannot encode). Nothing was sent: fix the request.
    #[error("invalid request: {0}")]
    InvalidRequest(String),

    /// The HTTP exchange failed; [`TransportError::maybe_sent`] says whether the request may
    /// have reached Alipay.
    #[error("{0}")]
    Transport(#[from] TransportError),

    /// No complete answer within the configured time. After a connect timeout nothing was
    /// sent; otherwise the outcome is unknown.
    #[error("timed out after {after:?} while {phase}")]
    #[non_exhaustive]
    Timeout {
        /// Connecting, or waiting for the answer.
        phase: TimeoutPhase,
        /// The limit that ran out.
        after: Duration,
    },

    /// The answer could not be authenticated, so nothing in it may be trusted; if it was a
    /// response, the outcome is unknown.
    #[error("{0}")]
    Signature(#[from] SignatureError),

    /// The answer was authentic (or an unsigned gateway error) but malformed. The outcome is
    /// unknown: query before retrying with the same request.
    #[error("malformed gateway response: {0}")]
    Response(String),

    /// The gateway refused the call (public codes 20001, 40001, 40002, 40006, ...): the
    /// operation did not happen. Fix the request or configuration named by `sub_code`.
    #[error("gateway refused the call: {0}")]
    Gateway(Box<ApiError>),

    /// The API refused the business operation (code 40004, see `sub_code` and the API's
    /// error-code table, e.g. `DisburseRequest::error_info`).
    #[error("business failure: {0}")]
    Business(Box<ApiError>),

    /// Code 20000 or 10003: Alipay could not say whether the operation happened. Re-send the
    /// same request (same `out_request_no`) or query it; never create a new one.
    #[error("unknown outcome: {0}")]
    UnknownOutcome(Box<ApiError>),
}

impl Error {
    /// Whether the operation may have happened; see [`Outcome`].
    pub fn outcome(&self) -> Outcome {
        match self {
            Error::Config(_) | Error::Violations(_) | Error::InvalidRequest(_) => Outcome::NotSent,
            Error::Transport(t) if !t.maybe_sent => Outcome::NotSent,
            Error::Timeout {
                phase: TimeoutPhase::Connect,
                ..
            } => Outcome::NotSent,
            Error::Gateway(_) | Error::Business(_) => Outcome::Rejected,
            Error::Transport(_)
            | Error::Timeout { .. }
            | Error::Signature(_)
            | Error::Response(_)
            | Error::UnknownOutcome(_) => Outcome::Unknown,
        }
    }

    /// What to do about this error, in one sentence.
    pub fn hint(&self) -> &'static str {
        match self {
            Error::Config(_) => "fix the client configuration; nothing was sent",
            Error::Violations(_) | Error::InvalidRequest(_) => "fix the request; nothing was sent",
            Error::Gateway(_) => {
                "the call was refused and did not happen: fix the request or configuration named by sub_code"
            }
            Error::Business(_) => {
                "the operation was refused: see the API's sub_code table for how to handle it"
            }
            Error::Signature(_) => {
                "do not trust this answer; if it was a response, the outcome is unknown: query before retrying with the same request"
            }
            Error::Response(_) => {
                "the outcome is unknown: query before retrying with the same request"
            }
            _ => match self.outcome() {
                Outcome::NotSent => "nothing was sent; retrying is safe",
                _ => {
                    "the outcome is unknown: re-send the same request (same out_request_no) or query it; never create a new one"
                }
            },
        }
    }

    /// The gateway's `code`/`sub_code` when the error came from an answer of the gateway.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Gateway(e) | Error::Business(e) | Error::UnknownOutcome(e) => Some(e),
            _ => None,
        }
    }

    /// Every broken rule, when the request was refused for breaking its spec's rules.
    pub fn violations(&self) -> Option<&Violations> {
        match self {
            Error::Violations(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn invalid(msg: impl Into<String>) -> Self {
        Error::InvalidRequest(msg.into())
    }
}

impl From<Violations> for Error {
    fn from(v: Violations) -> Self {
        Error::Violations(v)
    }
}

/// The phase of an exchange that timed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutPhase {
    /// Establishing the TCP/TLS connection: nothing was sent.
    Connect,
    /// Sending the request or waiting for the whole answer.
    Exchange,
}

impl fmt::Display for TimeoutPhase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutPhase::Connect => "connecting",
            TimeoutPhase::Exchange => "waiting for the gateway's answer",
        })
    }
}

/// The gateway's verdict on a call (`code`, `msg`, `sub_code`, `sub_msg`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The public code: `40004` business failure, `20000` unknown, `40002` invalid parameter...
    pub code: String,
    /// The public code's message.
    pub msg: String,
    /// The API's own code, e.g. `MONEY_NOT_ENOUGH`, `isv.invalid-signature`.
    pub sub_code: Option<String>,
    /// What the sub_code means, in Alipay's words.
    pub sub_msg: Option<String>,
    /// `true` when the body carried a signature that verified; `false` for an unsigned
    /// `error_response`, which cannot be authenticated and is only ever treated as a failure.
    pub verified: bool,
    /// The response node as received (decrypted when encrypted), for logs and diagnosis.
    pub body: String,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code={} msg={}", self.code, self.msg)?;
        if let Some(s) = &self.sub_code {
            write!(f, " sub_code={s}")?;
        }
        if let Some(s) = &self.sub_msg {
            write!(f, " sub_msg={s}")?;
        }
        if !self.verified {
            f.write_str(" [unsigned]")?;
        }
        Ok(())
    }
}

/// A failure of the HTTP exchange itself.
#[derive(Debug, thiserror::Error)]
#[error("transport error: {message} ({})", if self.maybe_sent {
    "the request may have reached Alipay"
} else {
    "nothing was sent"
})]
#[non_exhaustive]
pub struct TransportError {
    /// What failed.
    pub message: String,
    /// `false` only when the failure happened before any byte of the request left.
    pub maybe_sent: bool,
    #[source]
    /// The underlying I/O, TLS or HTTP error.
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// A response or notification that failed authentication.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", self.render())]
#[non_exhaustive]
pub struct SignatureError {
    /// What did not verify.
    pub failure: SignatureFailure,
    /// Which key was used, e.g. `Alipay public key …hoVesfcGvUv1… (sha256 3f2a…)`.
    pub key: Option<String>,
    /// The exact text whose signature was checked.
    pub checked: Option<String>,
}

impl SignatureError {
    pub(crate) fn new(failure: SignatureFailure) -> Self {
        SignatureError {
            failure,
            key: None,
            checked: None,
        }
    }

    fn render(&self) -> String {
        let mut s = format!("signature check failed: {}", self.failure);
        if let Some(k) = &self.key {
            s.push_str(&format!("; key used: {k}"));
        }
        if let Some(c) = &self.checked {
            s.push_str(&format!("; string checked: {c}"));
        }
        s
    }
}

/// Why a signature check failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureFailure {
    #[error("the signature does not match (wrong Alipay public key, or the body was altered)")]
    /// The signature does not verify with the configured key.
    Mismatch,
    #[error(
        "the signature is a valid {found} signature but {configured} is configured; weaker algorithms are refused"
    )]
    /// A signature of a weaker algorithm than the configured one.
    WrongAlgorithm {
        /// The configured algorithm.
        configured: &'static str,
        /// The algorithm of the signature.
        found: &'static str,
    },
    #[error("a successful response carries no `sign`")]
    /// No `sign` at all.
    Missing,
    #[error("`sign` is not valid base64")]
    /// `sign` is not base64.
    NotBase64,
    #[error("the body is not a gateway response: {0}")]
    /// Not a gateway response at all: what is wrong with it.
    Malformed(String),
    #[error(
        "response signed with Alipay certificate SN {found}, but the configured one is {expected}; download the new certificate with alipay.open.app.alipaycert.download"
    )]
    /// Signed under another Alipay certificate (it was rotated).
    CertSnMismatch {
        /// The configured certificate's SN.
        expected: String,
        /// The SN the response carries.
        found: String,
    },
    #[error(
        "the Alipay certificate SN {sn} (alipay.open.app.alipaycert.download) is not trusted: {reason}; check that the configured alipayRootCert.crt is Alipay's and that the gateway URL is right"
    )]
    /// Certificate mode: a rotated Alipay certificate, downloaded because an answer named
    /// it, that does not chain to the configured root (or was not served right). It is never
    /// trusted, and the answer that named it is not used.
    UntrustedCertificate {
        /// The SN the answer named.
        sn: String,
        /// Why it is not trusted.
        reason: String,
    },
    #[error("certificate mode is configured but the response carries no alipay_cert_sn")]
    /// Certificate mode, but the response names no certificate.
    CertSnMissing,
    #[error("notification sign_type is {found} but {configured} is configured")]
    /// A notification of another sign type than the configured one.
    SignTypeMismatch {
        /// The configured sign type.
        configured: String,
        /// The notification's `sign_type`.
        found: String,
    },
}

/// A configuration problem: a key, certificate or setting that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    #[error("{0}")]
    /// A key or certificate that cannot be used.
    Key(#[from] KeyError),
    #[error("gateway URL {url:?}: {reason}")]
    /// A gateway URL that cannot be used.
    Url {
        /// The URL given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    #[error("{0}")]
    /// Anything else.
    Other(String),
}

/// Which key or certificate a [`KeyError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRole {
    /// The app's private key.
    AppPrivateKey,
    /// The app's public key.
    AppPublicKey,
    /// Alipay's public key (支付宝公钥).
    AlipayPublicKey,
    /// A gateway's private key (sandbox, tests).
    GatewayPrivateKey,
    /// The app's public-key certificate (`appCertPublicKey_<app_id>.crt`).
    AppCertificate,
    /// Alipay's public-key certificate (`alipayCertPublicKey_RSA2.crt`).
    AlipayCertificate,
    /// Alipay's root certificate (`alipayRootCert.crt`).
    AlipayRootCertificate,
    /// The AES content-encryption key.
    EncryptKey,
}

impl fmt::Display for KeyRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyRole::AppPrivateKey => "app private key",
            KeyRole::AppPublicKey => "app public key",
            KeyRole::AlipayPublicKey => "Alipay public key",
            KeyRole::GatewayPrivateKey => "gateway private key",
            KeyRole::AppCertificate => "app public-key certificate",
            KeyRole::AlipayCertificate => "Alipay public-key certificate",
            KeyRole::AlipayRootCertificate => "Alipay root certificate",
            KeyRole::EncryptKey => "AES content-encryption key",
        })
    }
}

/// A key or certificate that could not be loaded, naming which one and what was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{role}: {problem}")]
#[non_exhaustive]
pub struct KeyError {
    /// Which key or certificate.
    pub role: KeyRole,
    /// What was found instead of what was expected.
    pub problem: String,
}

impl KeyError {
    pub(crate) fn new(role: KeyRole, problem: impl Into<String>) -> Self {
        KeyError {
            role,
            problem: problem.into(),
        }
    }
}

impl From<KeyError> for Error {
    fn from(e: KeyError) -> Self {
        Error::Config(ConfigError::Key(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_outcome_codes_are_not_failures() {
        let e = Error::UnknownOutcome(Box::new(ApiError {
            code: "20000".into(),
            msg: "Service Currently Unavailable".into(),
            sub_code: Some("isp.unknow-error".into()),
            sub_msg: None,
            verified: true,
            body: String::new(),
        }));
        assert_eq!(e.outcome(), Outcome::Unknown);
        assert!(e.hint().contains("never create a new one"));
        assert!(!e.to_string().contains("never create"));
    }

    #[test]
    fn connect_failures_are_safe_to_retry() {
        let e = Error::Timeout {
            phase: TimeoutPhase::Connect,
            after: Duration::from_secs(3),
        };
        assert_eq!(e.outcome(), Outcome::NotSent);
        let e = Error::Timeout {
            phase: TimeoutPhase::Exchange,
            after: Duration::from_secs(3),
        };
        assert_eq!(e.outcome(), Outcome::Unknown);
    }
}
