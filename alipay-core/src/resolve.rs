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
//! | unknown, and the query fails, says anything else, or answers about another operation | `Ok(Resolution::Unknown(error))` |
//!
//! Nothing here ever creates a new request number (`out_request_no`, `out_biz_no`): that
//! decision stays with the caller, and [`Resolution`] says when it is allowed.

use std::future::Future;

use crate::api::{Api, ExecuteApi};
use crate::error::{Error, Outcome};

/// An API whose operations can be looked up after an unknown outcome.
pub trait Resolve: ExecuteApi {
    /// The API that looks the operation up, e.g. `alipay.fund.coupon.operation.query`.
    type Query: ExecuteApi;

    /// The query for this request's operation (same merchant request number).
    fn query(&self) -> Self::Query;

    /// What the query's successful answer says about this request's operation. An answer
    /// about another operation must be [`QueryVerdict::Unknown`].
    fn judge(&self, answer: <Self::Query as Api>::Response) -> QueryVerdict<Self::Response>;
}

/// What a query's successful answer says about an operation.
#[derive(Debug)]
pub enum QueryVerdict<R> {
    /// It succeeded; the call's response as filled from the query's answer.
    Done(R),
    /// It was closed: no money moved, and none will.
    Closed,
    /// The answer cannot say (still processing, or about another operation).
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
}

/// The one mechanism: `sent` is the outcome of sending `request` with retries; `query` sends
/// a query (with the same policy) when that outcome is unknown.
pub(crate) async fn resolve<A, F, Fut>(
    request: &A,
    sent: Result<A::Response, Error>,
    query: F,
) -> Result<Resolution<A::Response>, Error>
where
    A: Resolve,
    F: FnOnce(A::Query) -> Fut,
    Fut: Future<Output = Result<<A::Query as Api>::Response, Error>>,
{
    let unknown = match sent {
        Ok(response) => return Ok(Resolution::Done(response)),
        Err(e) if e.outcome() == Outcome::Unknown => e,
        // NotSent or Rejected with no earlier attempt that may have reached Alipay (a retried
        // send reports Unknown otherwise): the operation did not happen.
        Err(e) => return Err(e),
    };
    Ok(match query(request.query()).await {
        Ok(answer) => match request.judge(answer) {
            QueryVerdict::Done(response) => Resolution::Done(response),
            QueryVerdict::Closed => Resolution::NotDone(NotDoneReason::Closed),
            QueryVerdict::Unknown => Resolution::Unknown(unknown),
        },
        Err(Error::Business(refusal)) if refusal.verified => {
            match refusal.sub_code.as_deref().filter(|s| is_not_found(s)) {
                Some(sub_code) => Resolution::NotDone(NotDoneReason::NotFound {
                    sub_code: sub_code.to_string(),
                }),
                None => Resolution::Unknown(unknown),
            }
        }
        Err(_) => Resolution::Unknown(unknown),
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
