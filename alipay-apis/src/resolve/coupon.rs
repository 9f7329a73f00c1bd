//! The red-packet money movements resolve through `alipay.fund.coupon.operation.query`:
//! `client.call(&request).retry(policy).exactly_once()` on a disburse, agreement.pay or
//! refund request sends it with retries and, if the outcome is still unknown, queries the
//! operation by its `out_request_no` (see [`Resolution`](crate::Resolution) for what each
//! answer allows).
//!
//! Disburse and agreement.pay are looked up by `out_order_no` + `out_request_no`. A refund
//! request carries no `out_order_no`, so it is looked up by `auth_no` + `out_request_no`; the
//! query's doc page pairs ids as auth_no/operation_id and out_order_no/out_request_no and does
//! not say whether this mixed pair works, so a refusal of it leaves the result Unknown, not
//! NotDone, unless it is a signed "does not exist".

use alipay_core::resolve::{QueryVerdict, Resolve};

use crate::fund::{
    CouponOperationQueryRequest, CouponOperationQueryResponse,
    CouponOperationQueryResponseStatus as QueryStatus, CouponOrderAgreementPayRequest,
    CouponOrderAgreementPayResponse, CouponOrderDisburseRequest, CouponOrderDisburseResponse,
    CouponOrderRefundRequest, CouponOrderRefundResponse,
};

/// The verdict of the query's answer on the operation numbered `out_request_no`; the fields
/// the call's answer shares with the query's (ids, amount, status, gmt_trans) carry over,
/// `code`/`msg` are the query's.
macro_rules! judge {
    ($answer:expr, $out_request_no:expr, $response:ident) => {{
        let a: CouponOperationQueryResponse = $answer;
        // An answer about another operation says nothing about this one.
        if a.out_request_no
            .as_deref()
            .is_some_and(|no| no != $out_request_no)
        {
            return QueryVerdict::Unknown;
        }
        match a.status {
            Some(QueryStatus::Success) => QueryVerdict::Done($response {
                status: a.status.as_ref().map(|s| s.as_str().into()),
                code: a.code,
                msg: a.msg,
                auth_no: a.auth_no,
                out_order_no: a.out_order_no,
                operation_id: a.operation_id,
                out_request_no: a.out_request_no,
                amount: a.amount,
                gmt_trans: a.gmt_trans,
                ..Default::default()
            }),
            Some(QueryStatus::Closed) => QueryVerdict::Closed,
            _ => QueryVerdict::Unknown,
        }
    }};
}

impl Resolve for CouponOrderDisburseRequest {
    type Query = CouponOperationQueryRequest;

    fn query(&self) -> CouponOperationQueryRequest {
        CouponOperationQueryRequest::builder()
            .out_order_no(self.out_order_no.clone())
            .out_request_no(self.out_request_no.clone())
            .build()
    }

    fn judge(
        &self,
        answer: CouponOperationQueryResponse,
    ) -> QueryVerdict<CouponOrderDisburseResponse> {
        judge!(answer, &self.out_request_no, CouponOrderDisburseResponse)
    }
}

impl Resolve for CouponOrderAgreementPayRequest {
    type Query = CouponOperationQueryRequest;

    fn query(&self) -> CouponOperationQueryRequest {
        CouponOperationQueryRequest::builder()
            .out_order_no(self.out_order_no.clone())
            .out_request_no(self.out_request_no.clone())
            .build()
    }

    fn judge(
        &self,
        answer: CouponOperationQueryResponse,
    ) -> QueryVerdict<CouponOrderAgreementPayResponse> {
        judge!(
            answer,
            &self.out_request_no,
            CouponOrderAgreementPayResponse
        )
    }
}

impl Resolve for CouponOrderRefundRequest {
    type Query = CouponOperationQueryRequest;

    fn query(&self) -> CouponOperationQueryRequest {
        CouponOperationQueryRequest::builder()
            .auth_no(self.auth_no.clone())
            .out_request_no(self.out_request_no.clone())
            .build()
    }

    fn judge(
        &self,
        answer: CouponOperationQueryResponse,
    ) -> QueryVerdict<CouponOrderRefundResponse> {
        judge!(answer, &self.out_request_no, CouponOrderRefundResponse)
    }
}
