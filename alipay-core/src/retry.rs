//! Re-sending the *same* request after a transient failure, and nothing else.
//!
//! This is what keeps a merchant from paying twice. Alipay is idempotent on the merchant's
//! request number (`out_request_no`, `out_biz_no`, ...): sending the same `biz_content` again
//! can never create a second operation, while a new request number can. So
//! `client.call(&request).retry(policy).send()` ([`CallBuilder::retry`]) validates and builds
//! the call **once** and re-sends exactly that `biz_content` (only `timestamp` and `sign` are
//! fresh on every attempt).
//!
//! Which errors are retried ([`is_retryable`]):
//!
//! | error | outcome | retried | why |
//! | --- | --- | --- | --- |
//! | [`Error::UnknownOutcome`] (20000, 10003) | Unknown | yes | Alipay's own advice: re-send the same request |
//! | [`Error::Timeout`] (connect or exchange) | NotSent / Unknown | yes | transient; the same request is safe either way |
//! | [`Error::Transport`] (refused, reset, dropped, HTTP ≠ 200) | NotSent / Unknown | yes | transient; same request |
//! | [`Error::Signature`]: mismatch, missing, not base64, malformed | Unknown | yes | an unverifiable answer may be a corrupted or forged one; re-sending the same request is safe and may get an authentic answer |
//! | [`Error::Signature`]: certificate SN, algorithm, sign type | Unknown | no | configuration: every answer will fail the same way; returned at once so it is fixed sooner |
//! | [`Error::Response`] (authentic but malformed answer) | Unknown | no | the gateway answered; the same request gets the same answer. Query instead |
//! | [`Error::Business`] whose `sub_code` the API's spec marks `retry_same` (disburse's `SYSTEM_ERROR`: 请使用相同的参数再次调用) | Rejected | yes, typed calls only | the spec's own handling hint: repeat with identical parameters |
//! | [`Error::Gateway`], any other [`Error::Business`] | Rejected | **never** | Alipay refused the request; fix it |
//! | [`Error::Violations`], [`Error::InvalidRequest`], [`Error::Config`] | NotSent | **never** | not transient; nothing was sent |
//!
//! Unknown is never turned into success or failure: when attempts run out the error returned
//! still says Unknown. And once an attempt *may* have reached Alipay, a later refusal or
//! unsent attempt does not prove the operation did not happen (a refusal such as
//! `UNIQUE_VIOLATION` or `ORDER_ALREADY_FINISH` may be the first attempt's doing), so the
//! error returned is then that earlier Unknown one; [`CallBuilder::send_with_report`] keeps
//! every attempt's error.
//!
//! Backoff is exponential and deterministic: no random jitter, so tests and logs are
//! reproducible. Many processes retrying the same outage in lock-step is the price; give each
//! instance its own `initial_backoff` if that matters. Nothing is printed.

use std::time::Duration;

#[cfg(doc)]
use crate::call::CallBuilder;
use crate::error::{Error, Outcome, SignatureFailure};

/// How often and how patiently to re-send the same request: 4 attempts in all, waiting
/// 200 ms, 400 ms, 800 ms between them (doubling, at most 5 s) by default.
///
/// ```
/// use std::time::Duration;
/// let policy = alipay_core::RetryPolicy::default()
///     .max_attempts(6)
///     .initial_backoff(Duration::from_millis(50));
/// assert_eq!(policy.backoff(3), Duration::from_millis(200));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    multiplier: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            multiplier: 2,
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Attempts in all, the first included (0 is treated as 1). Default 4.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts;
        self
    }

    /// The wait before the second attempt. Default 200 ms.
    pub fn initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The upper bound of any wait. Default 5 s.
    pub fn max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// Each wait is the previous one times this (1 = constant). Default 2.
    pub fn multiplier(mut self, factor: u32) -> Self {
        self.multiplier = factor;
        self
    }

    /// The wait after failed attempt `attempt` (1-based):
    /// `min(initial_backoff * multiplier^(attempt-1), max_backoff)`.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let mut wait = self.initial_backoff.min(self.max_backoff);
        for _ in 1..attempt {
            wait = wait
                .checked_mul(self.multiplier)
                .unwrap_or(self.max_backoff)
                .min(self.max_backoff);
            if wait == self.max_backoff {
                break;
            }
        }
        wait
    }

    pub(crate) fn attempts(&self) -> u32 {
        self.max_attempts.max(1)
    }
}

/// Whether re-sending the *same* request after `error` is both safe and useful; see the
/// module docs for the table.
pub fn is_retryable(error: &Error) -> bool {
    match error {
        Error::UnknownOutcome(_) | Error::Timeout { .. } | Error::Transport(_) => true,
        Error::Signature(s) => matches!(
            s.failure,
            SignatureFailure::Mismatch
                | SignatureFailure::Missing
                | SignatureFailure::NotBase64
                | SignatureFailure::Malformed(_)
        ),
        Error::Response(_)
        | Error::Gateway(_)
        | Error::Business(_)
        | Error::Violations(_)
        | Error::InvalidRequest(_)
        | Error::Config(_) => false,
    }
}

/// Every attempt of a retried call ([`CallBuilder::send_with_report`]).
#[derive(Debug)]
#[non_exhaustive]
pub struct RetryReport<T> {
    /// The last attempt's result.
    pub result: Result<T, Error>,
    /// The errors of the attempts before the last one, oldest first.
    pub earlier: Vec<Error>,
}

impl<T> RetryReport<T> {
    /// Attempts made (at least 1).
    pub fn attempts(&self) -> u32 {
        u32::try_from(self.earlier.len())
            .unwrap_or(u32::MAX)
            .saturating_add(1)
    }

    /// Whether any attempt before the last one may have reached Alipay.
    pub fn earlier_unknown(&self) -> bool {
        self.earlier.iter().any(|e| e.outcome() == Outcome::Unknown)
    }

    /// The answer, or the error that tells the truth about the operation: the last error if
    /// it is Unknown or no earlier attempt may have reached Alipay; otherwise the latest
    /// earlier Unknown error (a refusal after an attempt that may have succeeded proves
    /// nothing).
    pub fn into_result(self) -> Result<T, Error> {
        match self.result {
            Ok(v) => Ok(v),
            Err(last) if last.outcome() == Outcome::Unknown => Err(last),
            Err(last) => Err(self
                .earlier
                .into_iter()
                .rev()
                .find(|e| e.outcome() == Outcome::Unknown)
                .unwrap_or(last)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ApiError, SignatureError, TimeoutPhase, TransportError};

    fn api_error(code: &str) -> Box<ApiError> {
        Box::new(ApiError {
            code: code.into(),
            msg: String::new(),
            sub_code: None,
            sub_msg: None,
            verified: true,
            body: String::new(),
        })
    }

    #[test]
    fn backoff_grows_and_caps() {
        let p = RetryPolicy::default();
        let ms = |n| p.backoff(n).as_millis();
        assert_eq!(
            [ms(1), ms(2), ms(3), ms(4), ms(5), ms(6)],
            [200, 400, 800, 1600, 3200, 5000]
        );
        assert_eq!(p.backoff(u32::MAX), Duration::from_secs(5));
        let huge = p
            .initial_backoff(Duration::MAX)
            .multiplier(u32::MAX)
            .max_backoff(Duration::MAX);
        assert_eq!(huge.backoff(3), Duration::MAX);
        assert_eq!(RetryPolicy::none().attempts(), 1);
        let zero = RetryPolicy::default().max_attempts(0);
        assert_eq!(zero.attempts(), 1);
    }

    #[test]
    fn only_transient_errors_retry() {
        assert!(is_retryable(&Error::UnknownOutcome(api_error("20000"))));
        assert!(is_retryable(&Error::Timeout {
            phase: TimeoutPhase::Exchange,
            after: Duration::from_secs(1)
        }));
        assert!(is_retryable(&Error::Transport(TransportError {
            message: "reset".into(),
            maybe_sent: true,
            source: None
        })));
        assert!(is_retryable(&Error::Signature(SignatureError::new(
            SignatureFailure::Mismatch
        ))));
        assert!(!is_retryable(&Error::Signature(SignatureError::new(
            SignatureFailure::CertSnMissing
        ))));
        assert!(!is_retryable(&Error::Business(api_error("40004"))));
        assert!(!is_retryable(&Error::Gateway(api_error("40002"))));
        assert!(!is_retryable(&Error::InvalidRequest("x".into())));
        assert!(!is_retryable(&Error::Response("x".into())));
    }

    #[test]
    fn a_refusal_after_an_unknown_attempt_stays_unknown() {
        let r: RetryReport<()> = RetryReport {
            result: Err(Error::Business(api_error("40004"))),
            earlier: vec![Error::UnknownOutcome(api_error("20000"))],
        };
        assert_eq!(r.attempts(), 2);
        assert!(r.earlier_unknown());
        assert_eq!(r.into_result().unwrap_err().outcome(), Outcome::Unknown);
        let r: RetryReport<()> = RetryReport {
            result: Err(Error::Business(api_error("40004"))),
            earlier: vec![],
        };
        assert_eq!(r.into_result().unwrap_err().outcome(), Outcome::Rejected);
    }
}
