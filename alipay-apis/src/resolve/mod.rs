//! Exactly once for the money movements of this crate: each implements
//! [`Resolve`](alipay_core::resolve::Resolve) (its query, and what the query's answer says)
//! and, where Alipay offers a way to call it off, [`Cancel`](alipay_core::resolve::Cancel).
//! `client.call(&request).retry(policy).exactly_once()` (or `.exactly_once_or_cancel()`)
//! then sends it and, if the outcome is still unknown, asks Alipay instead of guessing:
//!
//! | request | query | cancel | pending (asked again) |
//! | --- | --- | --- | --- |
//! | red-packet disburse, agreement.pay, refund | `alipay.fund.coupon.operation.query` | — | — |
//! | `alipay.trade.pay` | `alipay.trade.query` | `alipay.trade.cancel` | `WAIT_BUYER_PAY`: 6 queries 5 s apart |
//! | `alipay.trade.refund` | `alipay.trade.fastpay.refund.query` | — | no `refund_status` yet: 2 queries 10 s apart |
//! | `alipay.fund.trans.uni.transfer` | `alipay.fund.trans.common.query` | — | `DEALING`, `WAIT_PAY`: asked once |
//! | `alipay.fund.auth.order.freeze` | `alipay.fund.auth.operation.detail.query` | `alipay.fund.auth.operation.cancel` | `INIT`: 6 queries 5 s apart |

#[cfg(feature = "fund")]
mod coupon;
#[cfg(feature = "fund")]
mod fund;
#[cfg(feature = "trade")]
mod trade;

/// Whether an answer's identifier (absent, or equal to ours) can be about our operation.
fn same(answered: Option<&str>, ours: &str) -> bool {
    answered.is_none_or(|a| a == ours)
}
