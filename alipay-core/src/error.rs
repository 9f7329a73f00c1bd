//! One error type for every failure, sorted by what the caller should do about it.
//!
//! The most important distinction for a payment SDK is [`Outcome`]: whether the business
//! operation certainly did not happen (fix and resend), or may have happened (re-send the *same*
//! request, or query, and never create a second one).

use std::fmt;
use std::time::Duration;

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

/// Every error alipay-core returns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client is misconfigured (keys, certificates, URL). Nothing was sent.
    #[error("configuration error: {0} (fix the client configuration; nothing was sent)")]
    Config(#[from] ConfigError),

    /// The request was refused locally before signing or sending. Nothing was sent.
    #[error("invalid request: {0} (fix the request; nothing was sent)")]
    InvalidRequest(String),

    /// The HTTP exchange failed.
    #[error("{0}")]
    Transport(#[from] TransportError),

    /// No complete answer within the configured time.
    #[error(
        "timed out after {after:?} while {phase} ({})",
        if matches!(phase, TimeoutPhase::Connect) {
            "nothing was sent; retrying is safe"
        } else {
            "the outcome is unknown: re-send the same request or query it, never create a new one"
        }
    )]
    Timeout {
        phase: TimeoutPhase,
        after: Duration,
    },

    /// The answer could not be authenticated, so nothing in it may be trusted.
    #[error("{0}")]
    Signature(#[from] SignatureError),

    /// The answer was authentic (or an unsigned gateway error) but malformed.
    #[error(
        "malformed gateway response: {0} (the outcome is unknown: query before retrying with the same request)"
    )]
    Response(String),

    /// The gateway refused the call (public codes 20001, 40001, 40002, 40006, ...):
    /// the operation did not happen.
    #[error("gateway refused the call: {0} (fix the request or configuration named by sub_code)")]
    Gateway(Box<ApiError>),

    /// The API refused the business operation (code 40004, see `sub_code`).
    #[error("business failure: {0} (see the API's sub_code table for how to handle it)")]
    Business(Box<ApiError>),

    /// Code 20000 or 10003: Alipay could not say whether the operation happened.
    #[error(
        "unknown outcome: {0} (re-send the same request with the same out_request_no, or query it; never create a new one)"
    )]
    UnknownOutcome(Box<ApiError>),
}

impl Error {
    /// Whether the operation may have happened; see [`Outcome`].
    pub fn outcome(&self) -> Outcome {
        match self {
            Error::Config(_) | Error::InvalidRequest(_) => Outcome::NotSent,
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

    /// The gateway's `code`/`sub_code` when the error came from an answer of the gateway.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Gateway(e) | Error::Business(e) | Error::UnknownOutcome(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn invalid(msg: impl Into<String>) -> Self {
        Error::InvalidRequest(msg.into())
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
pub struct ApiError {
    pub code: String,
    pub msg: String,
    pub sub_code: Option<String>,
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
    "the request may have reached Alipay: re-send the same request or query it, never create a new one"
} else {
    "nothing was sent; retrying is safe"
})]
pub struct TransportError {
    pub message: String,
    /// `false` only when the failure happened before any byte of the request left.
    pub maybe_sent: bool,
    #[source]
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// A response or notification that failed authentication.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", self.render())]
pub struct SignatureError {
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
        s.push_str(
            " (do not trust this answer; if it was a response, the outcome is unknown: query before retrying)",
        );
        s
    }
}

/// Why a signature check failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureFailure {
    #[error("the signature does not match (wrong Alipay public key, or the body was altered)")]
    Mismatch,
    #[error(
        "the signature is a valid {found} signature but {configured} is configured; weaker algorithms are refused"
    )]
    WrongAlgorithm {
        configured: &'static str,
        found: &'static str,
    },
    #[error("a successful response carries no `sign`")]
    Missing,
    #[error("`sign` is not valid base64")]
    NotBase64,
    #[error("the body is not a gateway response: {0}")]
    Malformed(String),
    #[error(
        "response signed with Alipay certificate SN {found}, but the configured one is {expected}; download the new certificate with alipay.open.app.alipaycert.download"
    )]
    CertSnMismatch { expected: String, found: String },
    #[error("certificate mode is configured but the response carries no alipay_cert_sn")]
    CertSnMissing,
    #[error("notification sign_type is {found} but {configured} is configured")]
    SignTypeMismatch { configured: String, found: String },
}

/// A configuration problem: a key, certificate or setting that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error("gateway URL {url:?}: {reason}")]
    Url { url: String, reason: String },
    #[error("{0}")]
    Other(String),
}

/// Which key or certificate a [`KeyError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRole {
    AppPrivateKey,
    AppPublicKey,
    AlipayPublicKey,
    GatewayPrivateKey,
    AppCertificate,
    AlipayCertificate,
    AlipayRootCertificate,
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
pub struct KeyError {
    pub role: KeyRole,
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
        assert!(e.to_string().contains("never create a new one"));
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
