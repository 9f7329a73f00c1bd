//! The trade family: a barcode payment (`alipay.trade.pay`) and a refund
//! (`alipay.trade.refund`).
//!
//! **Payment** — the official face-to-face flow (当面付 quick start,
//! <https://opendocs.alipay.com/open/194/105170>, and its demo; the `alipay.trade.pay` page,
//! <https://opendocs.alipay.com/apis/api_1/alipay.trade.pay>): `10000` is paid; `10003` means
//! the buyer is confirming the payment on the phone, and `20000` or no answer means nobody
//! knows. In both cases the merchant polls `alipay.trade.query` by the `out_trade_no` (every
//! 5 seconds for 30 seconds): `TRADE_SUCCESS` / `TRADE_FINISHED` paid, `TRADE_CLOSED` closed,
//! `WAIT_BUYER_PAY` still waiting. Still not paid at the end: `alipay.trade.cancel`, which
//! closes an unpaid trade and refunds a paid one in full, unless it answers `retry_flag` `Y`
//! (cancel again).
//!
//! Re-sending the same `alipay.trade.pay` (what the retry layer does after `10003` / `20000`)
//! is harmless: Alipay keys the trade by `out_trade_no` and never charges it twice; while the
//! buyer confirms it answers `10003` again, once paid it answers the payment (or
//! `ACQ.TRADE_HAS_SUCCESS`, which after an unknown attempt is resolved by the query).
//!
//! **Refund** — the `alipay.trade.refund` and `alipay.trade.fastpay.refund.query` pages
//! (<https://opendocs.alipay.com/apis/api_1/alipay.trade.refund>,
//! <https://opendocs.alipay.com/apis/api_1/alipay.trade.fastpay.refund.query>): a refund is
//! identified by its `out_request_no` (the `out_trade_no` when it was sent without one); the
//! same refund re-sent refunds once. The query answers `refund_status` `REFUND_SUCCESS` when
//! the refund was made; without `refund_status` the refund was not received, failed, or is
//! not visible yet ("查询不到退款记录时请稍后再重试查询"; query no sooner than 10 s after the
//! refund), and the documented way out is to re-send the refund with the **same**
//! `out_request_no`. So an absent `refund_status` is [`QueryVerdict::Pending`]: asked again
//! 10 s later, then left `Unknown`, which tells the caller exactly that (re-send with the
//! same number, never a new one). It is not `Closed`: a new `out_request_no` could refund
//! twice if the first is still in flight.

use std::time::Duration;

use alipay_core::resolve::{Cancel, Patience, QueryVerdict, Resolve};

use super::same;
use crate::trade::{
    CancelRequest, CancelResponse, CancelResponseRetryFlag, FastpayRefundQueryRequest,
    FastpayRefundQueryResponse, FastpayRefundQueryResponseRefundStatus as RefundStatus, PayRequest,
    PayResponse, QueryRequest, QueryResponse, QueryResponseTradeStatus as TradeStatus,
    RefundRequest, RefundResponse,
};

/// The face-to-face flow's polling: every 5 seconds for 30 seconds.
const FACE_TO_FACE: Patience = Patience::new(6, Duration::from_secs(5));

impl Resolve for PayRequest {
    type Query = QueryRequest;

    fn query(&self) -> QueryRequest {
        QueryRequest::builder()
            .out_trade_no(self.out_trade_no.clone())
            .build()
    }

    fn judge(&self, a: QueryResponse) -> QueryVerdict<PayResponse> {
        // A trade with another number or amount is not the one this payment opens.
        if !same(a.out_trade_no.as_deref(), &self.out_trade_no)
            || a.total_amount.is_some_and(|t| t != self.total_amount)
        {
            return QueryVerdict::Unknown;
        }
        match a.trade_status {
            Some(TradeStatus::TradeSuccess | TradeStatus::TradeFinished) => {
                QueryVerdict::Done(PayResponse {
                    code: a.code,
                    msg: a.msg,
                    trade_no: a.trade_no,
                    out_trade_no: a.out_trade_no,
                    buyer_logon_id: a.buyer_logon_id,
                    total_amount: a.total_amount,
                    receipt_amount: a.receipt_amount,
                    buyer_pay_amount: a.buyer_pay_amount,
                    point_amount: a.point_amount,
                    invoice_amount: a.invoice_amount,
                    gmt_payment: a.send_pay_date,
                    fund_bill_list: a.fund_bill_list,
                    store_name: a.store_name,
                    buyer_user_id: a.buyer_user_id,
                    buyer_open_id: a.buyer_open_id,
                    ..Default::default()
                })
            }
            Some(TradeStatus::TradeClosed) => QueryVerdict::Closed,
            Some(TradeStatus::WaitBuyerPay) => QueryVerdict::Pending,
            _ => QueryVerdict::Unknown,
        }
    }

    fn patience(&self) -> Patience {
        FACE_TO_FACE
    }
}

impl Cancel for PayRequest {
    type Cancel = CancelRequest;

    fn cancel(&self) -> CancelRequest {
        CancelRequest::builder()
            .out_trade_no(self.out_trade_no.clone())
            .build()
    }

    fn called_off(&self, a: &CancelResponse) -> bool {
        // `retry_flag` is always answered; only `N` says the cancel is done (an absent flag
        // confirms nothing).
        same(a.out_trade_no.as_deref(), &self.out_trade_no)
            && a.retry_flag == Some(CancelResponseRetryFlag::N)
    }
}

impl RefundRequest {
    /// The number the refund is known by: its `out_request_no`, else the trade's
    /// `out_trade_no` (what Alipay files a refund sent without one under).
    fn refund_number(&self) -> Option<&str> {
        self.out_request_no
            .as_deref()
            .or(self.out_trade_no.as_deref())
    }
}

impl Resolve for RefundRequest {
    type Query = FastpayRefundQueryRequest;

    fn query(&self) -> FastpayRefundQueryRequest {
        // A refund by trade_no without out_request_no has a number only Alipay knows (the
        // trade's out_trade_no); the trade_no stands in and `judge` never trusts the answer.
        let number = self
            .refund_number()
            .or(self.trade_no.as_deref())
            .unwrap_or_default();
        let query = FastpayRefundQueryRequest::builder();
        match (&self.trade_no, &self.out_trade_no) {
            (Some(trade_no), _) => query
                .trade_no(trade_no.clone())
                .out_request_no(number)
                .build(),
            (None, out_trade_no) => query
                .out_trade_no(out_trade_no.clone().unwrap_or_default())
                .out_request_no(number)
                .build(),
        }
    }

    fn judge(&self, a: FastpayRefundQueryResponse) -> QueryVerdict<RefundResponse> {
        let Some(number) = self.refund_number() else {
            return QueryVerdict::Unknown;
        };
        let about_us = same(a.out_request_no.as_deref(), number)
            && self
                .out_trade_no
                .as_deref()
                .is_none_or(|o| same(a.out_trade_no.as_deref(), o))
            && self
                .trade_no
                .as_deref()
                .is_none_or(|t| same(a.trade_no.as_deref(), t));
        if !about_us {
            return QueryVerdict::Unknown;
        }
        match a.refund_status {
            // A refund of another amount under this number is not this refund (Alipay
            // refuses that one with ACQ.DISCORDANT_REPEAT_REQUEST).
            Some(RefundStatus::RefundSuccess)
                if a.refund_amount.is_none_or(|r| r == self.refund_amount) =>
            {
                // `fund_change` and the cumulative `refund_fee` are the refund call's own;
                // the query does not give them, so they stay empty.
                QueryVerdict::Done(RefundResponse {
                    code: a.code,
                    msg: a.msg,
                    trade_no: a.trade_no,
                    out_trade_no: a.out_trade_no,
                    gmt_refund_pay: a.gmt_refund_pay,
                    refund_detail_item_list: a.refund_detail_item_list,
                    ..Default::default()
                })
            }
            // Not received, failed, or not visible yet: ask again later (see the module docs).
            None => QueryVerdict::Pending,
            Some(_) => QueryVerdict::Unknown,
        }
    }

    fn patience(&self) -> Patience {
        // Now, and once more after the 10 seconds the query's page asks for.
        Patience::new(2, Duration::from_secs(10))
    }
}
