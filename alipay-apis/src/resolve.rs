//! Exactly-once red-packet money movements: send, and when the outcome is unknown, find out.
//!
//! [`disburse_exactly_once`], [`agreement_pay_exactly_once`] and [`refund_exactly_once`]
//! each send their request with [`AlipayClient::execute_with_retry`] (the *same*
//! `biz_content`, so the same `out_request_no`, on every attempt). If the outcome is still
//! unknown afterwards (20000/10003, timeouts, lost answers: the gateway's "unknown outcome" codes), they ask
//! `alipay.fund.coupon.operation.query` for that operation, with the same policy, and turn
//! the answer into a [`Resolution`]:
//!
//! | what happened | result |
//! | --- | --- |
//! | the call succeeded | `Ok(Resolution::Done(response))` |
//! | the call failed and no attempt can have reached Alipay, or Alipay refused it and no earlier attempt may have reached it | `Err(error)`: the operation did not happen; `error.outcome()` is `NotSent` or `Rejected` |
//! | unknown, query says `SUCCESS` | `Ok(Resolution::Done(response))`, the response filled from the query's answer (ids, amount, status, gmt_trans) |
//! | unknown, query says `CLOSED`, or a signed "does not exist" refusal | `Ok(Resolution::NotDone(reason))` |
//! | unknown, and the query fails, says `INIT` or anything else, or answers about another `out_request_no` | `Ok(Resolution::Unknown(error))` |
//!
//! Nothing here ever creates a new `out_request_no`: that decision stays with the caller and
//! [`Resolution`] says when it is allowed.

use alipay_core::api::ExecuteApi;
use alipay_core::client::AlipayClient;
use alipay_core::retry::RetryPolicy;
use alipay_core::{Error, Outcome};

use crate::fund::{
    CouponOperationQueryRequest, CouponOperationQueryResponse,
    CouponOperationQueryResponseStatus as QueryStatus, CouponOrderAgreementPayRequest,
    CouponOrderAgreementPayResponse, CouponOrderDisburseRequest, CouponOrderDisburseResponse,
    CouponOrderRefundRequest, CouponOrderRefundResponse,
};

/// What is known about one money movement after sending it and, if needed, querying it.
#[derive(Debug)]
#[must_use]
pub enum Resolution<R> {
    /// The operation succeeded (the call's own answer, or the query said `SUCCESS`). Record
    /// it; do not send it again (sending the same request again would be harmless, a new
    /// `out_request_no` would move the money twice).
    Done(R),
    /// Alipay says the operation did not succeed, as of the query: it is `CLOSED`, or Alipay
    /// has no record of it. No money moved. Re-send later with the **same**
    /// `out_request_no` (it can never move money twice). Only for `CLOSED` is a new
    /// `out_request_no` also safe; for "does not exist", the first request could still be in
    /// flight, so keep the same one.
    NotDone(NotDoneReason),
    /// Still unknown: the call kept failing without an answer and the query could not say
    /// either (it failed, or the operation is still `INIT`). The money may or may not have
    /// moved. Try again later (call this again, or query) with the **same**
    /// `out_request_no`; never a new one. The error is the call's last Unknown error.
    Unknown(Error),
}

/// Why a [`Resolution::NotDone`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotDoneReason {
    /// The query answered `status = CLOSED`.
    Closed,
    /// The query was refused with a signed business error saying the operation does not
    /// exist (a `sub_code` containing `NOT_EXIST`); the error's `sub_code` is kept.
    NotFound { sub_code: String },
}

/// The outcome of `alipay.fund.coupon.order.disburse`.
pub type DisburseResolution = Resolution<CouponOrderDisburseResponse>;
/// The outcome of `alipay.fund.coupon.order.agreement.pay`.
pub type AgreementPayResolution = Resolution<CouponOrderAgreementPayResponse>;
/// The outcome of `alipay.fund.coupon.order.refund`.
pub type RefundResolution = Resolution<CouponOrderRefundResponse>;

/// Disburses a red packet (打款) at most once, resolving an unknown outcome by querying
/// `out_order_no` + `out_request_no`. See [`Resolution`] for what each result allows.
pub async fn disburse_exactly_once(
    client: &AlipayClient,
    request: &CouponOrderDisburseRequest,
    policy: &RetryPolicy,
) -> Result<DisburseResolution, Error> {
    let query = || {
        CouponOperationQueryRequest::builder()
            .out_order_no(request.out_order_no.clone())
            .out_request_no(request.out_request_no.clone())
            .build()
    };
    resolve(client, request, &request.out_request_no, query, policy).await
}

/// Pays a red packet under the no-password agreement (协议支付) at most once, resolving an
/// unknown outcome by querying `out_order_no` + `out_request_no`.
pub async fn agreement_pay_exactly_once(
    client: &AlipayClient,
    request: &CouponOrderAgreementPayRequest,
    policy: &RetryPolicy,
) -> Result<AgreementPayResolution, Error> {
    let query = || {
        CouponOperationQueryRequest::builder()
            .out_order_no(request.out_order_no.clone())
            .out_request_no(request.out_request_no.clone())
            .build()
    };
    resolve(client, request, &request.out_request_no, query, policy).await
}

/// Refunds (退回) a red packet at most once, resolving an unknown outcome by querying
/// `auth_no` + `out_request_no` (the refund request carries no `out_order_no`; the query
/// docs pair ids as auth_no/operation_id and out_order_no/out_request_no and do not say
/// whether this mixed pair works, so a refusal of it leaves the result Unknown, not NotDone,
/// unless it is a signed "does not exist").
pub async fn refund_exactly_once(
    client: &AlipayClient,
    request: &CouponOrderRefundRequest,
    policy: &RetryPolicy,
) -> Result<RefundResolution, Error> {
    let query = || {
        CouponOperationQueryRequest::builder()
            .auth_no(request.auth_no.clone())
            .out_request_no(request.out_request_no.clone())
            .build()
    };
    resolve(client, request, &request.out_request_no, query, policy).await
}

/// The shared last step: send with retries; if still unknown, query and decide.
async fn resolve<A, R>(
    client: &AlipayClient,
    request: &A,
    out_request_no: &str,
    query: impl FnOnce() -> CouponOperationQueryRequest,
    policy: &RetryPolicy,
) -> Result<Resolution<R>, Error>
where
    A: ExecuteApi<Response = R>,
    R: query_answer::FromQuery,
{
    let unknown = match client.execute_with_retry(request, policy).await {
        Ok(response) => return Ok(Resolution::Done(response)),
        Err(e) if e.outcome() == Outcome::Unknown => e,
        // NotSent or Rejected with no earlier attempt that may have reached Alipay
        // (execute_with_retry reports Unknown otherwise): the operation did not happen.
        Err(e) => return Err(e),
    };
    Ok(match client.execute_with_retry(&query(), policy).await {
        // An answer about another operation says nothing about this one.
        Ok(answer)
            if answer
                .out_request_no
                .as_deref()
                .is_some_and(|no| no != out_request_no) =>
        {
            Resolution::Unknown(unknown)
        }
        Ok(answer) => match answer.status {
            Some(QueryStatus::Success) => Resolution::Done(R::from_query(answer)),
            Some(QueryStatus::Closed) => Resolution::NotDone(NotDoneReason::Closed),
            _ => Resolution::Unknown(unknown),
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

/// Building a call's response from the query's answer after the query said `SUCCESS`.
mod query_answer {
    use super::*;

    /// A response type that can be filled from `alipay.fund.coupon.operation.query`'s answer.
    pub trait FromQuery {
        fn from_query(answer: CouponOperationQueryResponse) -> Self;
    }

    // The fields the call's answer shares with the query's (ids, amount, status, gmt_trans)
    // carry over; `code`/`msg` are the query's.
    macro_rules! from_query {
        ($($t:ident),*) => {$(
            impl FromQuery for $t {
                fn from_query(a: CouponOperationQueryResponse) -> Self {
                    $t {
                        code: a.code,
                        msg: a.msg,
                        auth_no: a.auth_no,
                        out_order_no: a.out_order_no,
                        operation_id: a.operation_id,
                        out_request_no: a.out_request_no,
                        amount: a.amount,
                        status: a.status.as_ref().map(|s| s.as_str().into()),
                        gmt_trans: a.gmt_trans,
                        ..Default::default()
                    }
                }
            }
        )*};
    }
    from_query!(
        CouponOrderDisburseResponse,
        CouponOrderAgreementPayResponse,
        CouponOrderRefundResponse
    );
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
