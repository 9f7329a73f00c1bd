//! Transfers (`alipay.fund.trans.uni.transfer`) and pre-authorisation freezes
//! (`alipay.fund.auth.order.freeze`).
//!
//! **Transfer** — the `alipay.fund.trans.uni.transfer` and `alipay.fund.trans.common.query`
//! pages (<https://opendocs.alipay.com/apis/api_28/alipay.fund.trans.uni.transfer>,
//! <https://opendocs.alipay.com/apis/api_28/alipay.fund.trans.common.query>): a transfer is
//! identified by its `out_biz_no` (re-sent with the same one, it moves the money once), and
//! looked up by `out_biz_no` + `product_code` + `biz_scene`. The query's `status`: `SUCCESS`
//! done; `FAIL` and `CLOSED` did not move money; `REFUND` (a transfer sent back, e.g. by the
//! receiving bank) moved it back, so for the caller it is closed as well; `DEALING` and
//! `WAIT_PAY` are still in progress. The docs give no polling schedule for those, and
//! arrival can take until the next day, so it is asked once by default (then `Unknown`:
//! query again later with the same `out_biz_no`); `CallBuilder::patience` waits longer.
//!
//! **Freeze** — the `alipay.fund.auth.order.freeze`, `alipay.fund.auth.operation.detail.query`
//! and `alipay.fund.auth.operation.cancel` pages
//! (<https://opendocs.alipay.com/apis/api_28/alipay.fund.auth.order.freeze> and the same
//! address with each method): a barcode freeze answers `status` `SUCCESS`, or `INIT` while
//! the payer confirms on the phone; the operation is looked up by `out_order_no` +
//! `out_request_no` (`SUCCESS` frozen, `CLOSED` closed, `INIT` waiting: asked again like a
//! face-to-face payment, 6 times 5 s apart); one whose outcome stays unknown is called off with
//! `alipay.fund.auth.operation.cancel` (same numbers, a `remark`), which closes it or
//! unfreezes what it froze. A freeze that itself answers `10000` with `status` `INIT` (the
//! payer has not confirmed yet) is in progress: it is looked up the same way, and called off
//! by `exactly_once_or_cancel` when it stays `INIT`.

use std::time::Duration;

use alipay_core::resolve::{Cancel, Patience, QueryVerdict, Resolve};

use super::same;
use crate::fund::{
    AuthOperationCancelRequest, AuthOperationCancelResponse, AuthOperationDetailQueryRequest,
    AuthOperationDetailQueryResponse, AuthOperationDetailQueryResponseStatus as OperationStatus,
    AuthOrderFreezeRequest, AuthOrderFreezeResponse, AuthOrderFreezeResponseStatus,
    TransCommonQueryBizScene, TransCommonQueryProductCode, TransCommonQueryRequest,
    TransCommonQueryResponse, TransCommonQueryResponseStatus as TransferStatus,
    TransUniTransferBizScene, TransUniTransferProductCode, TransUniTransferRequest,
    TransUniTransferResponse,
};

impl Resolve for TransUniTransferRequest {
    type Query = TransCommonQueryRequest;

    fn query(&self) -> TransCommonQueryRequest {
        let product_code = match self.product_code {
            TransUniTransferProductCode::TransAccountNoPwd => {
                TransCommonQueryProductCode::TransAccountNoPwd
            }
            TransUniTransferProductCode::StdRedPacket => TransCommonQueryProductCode::StdRedPacket,
        };
        // A transfer sent without biz_scene is a DIRECT_TRANSFER (the scene of single
        // transfers to an Alipay account, and the only other one is C2C red packets).
        let biz_scene = match self.biz_scene {
            None | Some(TransUniTransferBizScene::DirectTransfer) => {
                TransCommonQueryBizScene::DirectTransfer
            }
            Some(TransUniTransferBizScene::PersonalCollection) => {
                TransCommonQueryBizScene::PersonalCollection
            }
        };
        TransCommonQueryRequest::builder()
            .out_biz_no(self.out_biz_no.clone())
            .product_code(product_code)
            .biz_scene(biz_scene)
            .build()
    }

    fn judge(&self, a: TransCommonQueryResponse) -> QueryVerdict<TransUniTransferResponse> {
        if !same(a.out_biz_no.as_deref(), &self.out_biz_no)
            || a.trans_amount.is_some_and(|t| t != self.trans_amount)
        {
            return QueryVerdict::Unknown;
        }
        match a.status {
            Some(TransferStatus::Success) => QueryVerdict::Done(TransUniTransferResponse {
                code: a.code,
                msg: a.msg,
                out_biz_no: a.out_biz_no,
                order_id: a.order_id,
                pay_fund_order_id: a.pay_fund_order_id,
                status: a.status.as_ref().map(|s| s.as_str().into()),
                trans_date: a.pay_date,
                amount: a.trans_amount,
                ..Default::default()
            }),
            Some(TransferStatus::Fail | TransferStatus::Closed | TransferStatus::Refund) => {
                QueryVerdict::Closed
            }
            Some(TransferStatus::Dealing | TransferStatus::WaitPay) => QueryVerdict::Pending,
            _ => QueryVerdict::Unknown,
        }
    }
}

/// What a freeze called off by the exactly-once helper says (the cancel requires a remark).
const CANCEL_REMARK: &str = "冻结结果未知，撤销";

impl Resolve for AuthOrderFreezeRequest {
    type Query = AuthOperationDetailQueryRequest;

    fn query(&self) -> AuthOperationDetailQueryRequest {
        AuthOperationDetailQueryRequest::builder()
            .out_order_no(self.out_order_no.clone())
            .out_request_no(self.out_request_no.clone())
            .build()
    }

    fn judge(&self, a: AuthOperationDetailQueryResponse) -> QueryVerdict<AuthOrderFreezeResponse> {
        let about_us = same(a.out_order_no.as_deref(), &self.out_order_no)
            && same(a.out_request_no.as_deref(), &self.out_request_no)
            && a.amount.is_none_or(|x| x == self.amount)
            && a.operation_type
                .as_deref()
                .is_none_or(|t| t.eq_ignore_ascii_case("FREEZE"));
        if !about_us {
            return QueryVerdict::Unknown;
        }
        match a.status {
            Some(OperationStatus::Success) => QueryVerdict::Done(AuthOrderFreezeResponse {
                code: a.code,
                msg: a.msg,
                auth_no: a.auth_no,
                out_order_no: a.out_order_no,
                operation_id: a.operation_id,
                out_request_no: a.out_request_no,
                amount: a.amount,
                status: a.status.as_ref().map(|s| s.as_str().into()),
                gmt_trans: a.gmt_trans,
                payer_user_id: a.payer_user_id,
                payer_logon_id: a.payer_logon_id,
                pre_auth_type: a.pre_auth_type,
                ..Default::default()
            }),
            Some(OperationStatus::Closed) => QueryVerdict::Closed,
            Some(OperationStatus::Init) => QueryVerdict::Pending,
            _ => QueryVerdict::Unknown,
        }
    }

    fn patience(&self) -> Patience {
        Patience::new(6, Duration::from_secs(5))
    }

    fn in_progress(&self, response: &AuthOrderFreezeResponse) -> bool {
        response.status == Some(AuthOrderFreezeResponseStatus::Init)
    }
}

impl Cancel for AuthOrderFreezeRequest {
    type Cancel = AuthOperationCancelRequest;

    fn cancel(&self) -> AuthOperationCancelRequest {
        AuthOperationCancelRequest::builder()
            .out_order_no(self.out_order_no.clone())
            .out_request_no(self.out_request_no.clone())
            .remark(CANCEL_REMARK)
            .build()
    }

    fn called_off(&self, a: &AuthOperationCancelResponse) -> bool {
        // A successful answer about this operation: closed, or unfrozen (`action`), or
        // nothing left to undo.
        same(a.out_order_no.as_deref(), &self.out_order_no)
            && same(a.out_request_no.as_deref(), &self.out_request_no)
    }
}
