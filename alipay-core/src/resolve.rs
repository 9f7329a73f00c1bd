//! Exactly once: send a money movement and, when its outcome is unknown, ask Alipay what
//! became of it, instead of guessing.
//!
//! An API whose operations can be looked up implements [`Resolve`] (its query, and what the
//! query's answer says); [`CallBuilder::exactly_once`](crate::CallBuilder::exactly_once) then
//! sends it with retries and, if the outcome is still unknown afterwards (20000/10003,
//! timeouts, lost answers), sends the query with the same policy:
//!
//! | what happened | result |
//! | --- | --- |
//! | the call succeeded | `Ok(Resolution::Done(response))` |
//! | the call failed and no attempt can have reached Alipay, or Alipay refused it and no earlier attempt may have reached it | `Err(error)`: the operation did not happen; `error.outcome()` is `NotSent` or `Rejected` |
//! | unknown, the query says it succeeded | `Ok(Resolution::Done(response))`, filled from the query's answer |
//! | unknown, the query says it was closed, or a signed "does not exist" refusal (`sub_code` containing `NOT_EXIST`) | `Ok(Resolution::NotDone(reason))` |
//! | the call succeeded but its answer says the operation is still in progress ([`Resolve::in_progress`]) | looked up like an unknown outcome |
//! | unknown, the query says it is still in progress (a barcode payment the buyer is confirming on the phone) | the query is asked again, as the API's [`Patience`] says; then as the last answer says |
//! | unknown, and the query fails, says anything else, or answers about another operation | `Ok(Resolution::Unknown(error))` |
//!
//! Some operations can be called off when they stay unknown ([`Cancel`]):
//! [`CallBuilder::exactly_once_or_cancel`](crate::CallBuilder::exactly_once_or_cancel) then
//! sends the cancel instead of leaving the result unknown, as Alipay's face-to-face payment
//! flow prescribes for `alipay.trade.pay` (query for up to 30 seconds, then
//! `alipay.trade.cancel`, which closes an unpaid trade and refunds a paid one):
//!
//! | after the query | result |
//! | --- | --- |
//! | done, closed, does not exist | as above |
//! | still unknown, the cancel succeeded | `Ok(Resolution::NotDone(NotDoneReason::Cancelled))` |
//! | still unknown, the cancel failed or could not say | `Ok(Resolution::Unknown(error))`: the cancel's error, or the call's when the cancel answered but did not confirm |
//!
//! Nothing here ever creates a new request number (`out_request_no`, `out_biz_no`): that
//! decision stays with the caller, and [`Resolution`] says when it is allowed.

use std::future::Future;
use std::time::Duration;

use crate::api::{Api, ExecuteApi};
use crate::error::{ApiError, Error, Outcome};

/// An API whose operations can be looked up after an unknown outcome.
pub trait Resolve: ExecuteApi {
    /// The API that looks the operation up, e.g. `alipay.fund.coupon.operation.query`.
    type Query: ExecuteApi;

    /// The query for this request's operation (same merchant request number).
    fn query(&self) -> Self::Query;

    /// What the query's successful answer says about this request's operation. An answer
    /// about another operation must be [`QueryVerdict::Unknown`].
    fn judge(&self, answer: <Self::Query as Api>::Response) -> QueryVerdict<Self::Response>;

    /// How often to ask again while the query says [`QueryVerdict::Pending`]; ask once unless
    /// the API says otherwise. [`CallBuilder::patience`](crate::CallBuilder::patience)
    /// overrides it per call.
    fn patience(&self) -> Patience {
        Patience::once()
    }

    /// Whether a successful answer leaves the operation still in progress (a barcode freeze
    /// answered `10000` with `status` `INIT` while the payer confirms on the phone): it is then
    /// looked up like an unknown outcome instead of being `Done`. No answer is, unless the
    /// API says so.
    fn in_progress(&self, response: &Self::Response) -> bool {
        let _ = response;
        false
    }
}

/// An operation that can be called off when its outcome stays unknown: the cancel either
/// undoes it (a paid barcode trade is refunded in full) or makes sure it never happens (an
/// unpaid one is closed).
pub trait Cancel: Resolve {
    /// The API that calls the operation off, e.g. `alipay.trade.cancel`.
    type Cancel: ExecuteApi;

    /// The cancel for this request's operation (same merchant numbers).
    fn cancel(&self) -> Self::Cancel;

    /// Whether the cancel's successful answer confirms the operation is called off (for
    /// `alipay.trade.cancel`: not when it asks to be retried, `retry_flag = "Y"`).
    fn called_off(&self, answer: &<Self::Cancel as Api>::Response) -> bool;
}

/// How long to wait for an operation that is still in progress: ask the query up to
/// `queries` times, `interval` apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Patience {
    queries: u32,
    interval: Duration,
}

impl Patience {
    /// Ask once (what an API without a pending state needs).
    pub const fn once() -> Patience {
        Patience {
            queries: 1,
            interval: Duration::ZERO,
        }
    }

    /// Ask up to `queries` times (at least once), `interval` apart.
    pub const fn new(queries: u32, interval: Duration) -> Patience {
        Patience {
            queries: if queries == 0 { 1 } else { queries },
            interval,
        }
    }

    /// How many times the query is asked at most.
    pub const fn queries(&self) -> u32 {
        self.queries
    }

    /// The wait between two queries.
    pub const fn interval(&self) -> Duration {
        self.interval
    }
}

/// What a query's successful answer says about an operation.
#[derive(Debug)]
pub enum QueryVerdict<R> {
    /// It succeeded; the call's response as filled from the query's answer.
    Done(R),
    /// It was closed: no money moved, and none will.
    Closed,
    /// It is still in progress and will end by itself (a trade waiting for the buyer): ask
    /// again later.
    Pending,
    /// The answer cannot say (about another operation, or a state it does not know).
    Unknown,
}

/// What is known about one money movement after sending it and, if needed, querying it.
#[derive(Debug)]
#[must_use]
pub enum Resolution<R> {
    /// The operation succeeded (the call's own answer, or the query said so). Record it; do
    /// not send it again (sending the same request again would be harmless, a new request
    /// number would move the money twice).
    Done(R),
    /// Alipay says the operation did not succeed, as of the query: it is closed, or Alipay
    /// has no record of it. No money moved. Re-send later with the **same** request number
    /// (it can never move money twice). Only for [`NotDoneReason::Closed`] is a new request
    /// number also safe; for "does not exist", the first request could still be in flight.
    NotDone(NotDoneReason),
    /// Still unknown: the call kept failing without an answer and the query could not say
    /// either. The money may or may not have moved. Try again later (resolve again, or
    /// query) with the **same** request number; never a new one. The error is the call's
    /// last Unknown error.
    Unknown(Error),
}

/// Why a [`Resolution::NotDone`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotDoneReason {
    /// The query said the operation is closed.
    Closed,
    /// The query was refused with a signed business error saying the operation does not
    /// exist (a `sub_code` containing `NOT_EXIST`); that `sub_code` is kept.
    NotFound {
        /// The refusal's `sub_code`, e.g. `ORDER_NOT_EXIST`.
        sub_code: String,
    },
    /// The outcome stayed unknown and the operation was called off ([`Cancel`]): it did not
    /// happen, or it was undone in full (a paid trade refunded). A new request number is safe.
    Cancelled,
}

/// The one mechanism: `sent` is the outcome of sending `request` with retries; `query` sends
/// a query (with the same policy) when that outcome is unknown, again while it says the
/// operation is pending, as `patience` allows.
pub(crate) async fn resolve<A, F, Fut>(
    request: &A,
    sent: Result<A::Response, Error>,
    patience: Patience,
    query: F,
) -> Result<Resolution<A::Response>, Error>
where
    A: Resolve,
    F: Fn(A::Query) -> Fut,
    Fut: Future<Output = Result<<A::Query as Api>::Response, Error>>,
{
    let unknown = match sent {
        Ok(response) if request.in_progress(&response) => in_progress_error(),
        Ok(response) => return Ok(Resolution::Done(response)),
        Err(e) if e.outcome() == Outcome::Unknown => e,
        // NotSent or Rejected with no earlier attempt that may have reached Alipay (a retried
        // send reports Unknown otherwise): the operation did not happen.
        Err(e) => return Err(e),
    };
    for asked in 1..=patience.queries() {
        let verdict = match query(request.query()).await {
            Ok(answer) => request.judge(answer),
            Err(Error::Business(refusal)) if refusal.verified => {
                return Ok(
                    match refusal.sub_code.as_deref().filter(|s| is_not_found(s)) {
                        Some(sub_code) => Resolution::NotDone(NotDoneReason::NotFound {
                            sub_code: sub_code.to_string(),
                        }),
                        None => Resolution::Unknown(unknown),
                    },
                );
            }
            Err(_) => return Ok(Resolution::Unknown(unknown)),
        };
        match verdict {
            QueryVerdict::Done(response) => return Ok(Resolution::Done(response)),
            QueryVerdict::Closed => return Ok(Resolution::NotDone(NotDoneReason::Closed)),
            QueryVerdict::Unknown => return Ok(Resolution::Unknown(unknown)),
            QueryVerdict::Pending if asked < patience.queries() => {
                tokio::time::sleep(patience.interval()).await;
            }
            QueryVerdict::Pending => {}
        }
    }
    Ok(Resolution::Unknown(unknown))
}

/// What a still-in-progress success stays as when the queries cannot settle it: an unknown
/// outcome (the money may yet move).
fn in_progress_error() -> Error {
    Error::UnknownOutcome(Box::new(ApiError {
        code: "10000".to_owned(),
        msg: "Success".to_owned(),
        sub_code: None,
        sub_msg: Some("answered, but the operation is still in progress".to_owned()),
        verified: true,
        body: String::new(),
    }))
}

/// [`resolve`], then, when the result is still unknown, the cancel sent by `cancel`.
pub(crate) async fn resolve_or_cancel<A, C, CFut>(
    request: &A,
    resolved: Result<Resolution<A::Response>, Error>,
    cancel: C,
) -> Result<Resolution<A::Response>, Error>
where
    A: Cancel,
    C: FnOnce(A::Cancel) -> CFut,
    CFut: Future<Output = Result<<A::Cancel as Api>::Response, Error>>,
{
    let unknown = match resolved? {
        Resolution::Unknown(error) => error,
        settled => return Ok(settled),
    };
    Ok(match cancel(request.cancel()).await {
        Ok(answer) if request.called_off(&answer) => Resolution::NotDone(NotDoneReason::Cancelled),
        Ok(_) => Resolution::Unknown(unknown),
        Err(error) => Resolution::Unknown(error),
    })
}

/// `ORDER_NOT_EXIST`, `AUTH_ORDER_NOT_EXIST`, `OPERATION_NOT_EXIST`, `ACQ.TRADE_NOT_EXIST`...
fn is_not_found(sub_code: &str) -> bool {
    sub_code.to_ascii_uppercase().contains("NOT_EXIST")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_sub_codes() {
        assert!(is_not_found("ORDER_NOT_EXIST"));
        assert!(is_not_found("ACQ.TRADE_NOT_EXIST"));
        assert!(!is_not_found("SYSTEM_ERROR"));
    }
}
