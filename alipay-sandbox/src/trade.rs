//! The trade family's books (`alipay.trade.*`): trades and their state machine, refunds, the
//! buyers' one-time payment codes and the buyers who confirm payments on their phone.
//!
//! A trade is `WAIT_BUYER_PAY` until a buyer pays it, then `TRADE_SUCCESS` (refundable),
//! then `TRADE_FINISHED` (the refund period is over: [`Ledger::finish_trade`]) or
//! `TRADE_CLOSED` (closed unpaid, or refunded in full). Paying moves the total from the
//! buyer's balance to the seller's (the merchant's) at once, refunds move it back, so trades
//! hold no money of their own and [`Ledger::total_money`] needs no term for them.
//!
//! Everything here is deterministic (ids and codes come from the ledger's sequence), so the
//! journal replays it; the server calls it through [`Books`](crate::Books).

use std::collections::{BTreeMap, BTreeSet};

use crate::NotifyEvent;
use crate::ledger::{Ledger, LedgerError, mask_logon, yuan};
use crate::trade_expiry;

/// `trade_status` of the trade family (query, notifications).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TradeStatus {
    /// Created, not paid.
    WaitBuyerPay,
    /// Paid; refunds are possible.
    Success,
    /// Paid and no longer refundable.
    Finished,
    /// Closed unpaid, or refunded in full.
    Closed,
}

impl TradeStatus {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            TradeStatus::WaitBuyerPay => "WAIT_BUYER_PAY",
            TradeStatus::Success => "TRADE_SUCCESS",
            TradeStatus::Finished => "TRADE_FINISHED",
            TradeStatus::Closed => "TRADE_CLOSED",
        }
    }
}

/// Which API opened a trade: it decides how the buyer pays it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TradeProduct {
    /// `alipay.trade.page.pay`: the cashier page (`/cashier/pay`).
    Page,
    /// `alipay.trade.wap.pay`: the cashier page too.
    Wap,
    /// `alipay.trade.app.pay`: the order string (`/cashier/app-pay`).
    App,
    /// `alipay.trade.pay`: the buyer's payment code, at once or confirmed on the phone.
    BarCode,
    /// `alipay.trade.precreate`: a QR code the buyer scans (`/cashier/scan`).
    Precreate,
    /// `alipay.trade.create`: paid by the buyer in the mini program (`/cashier/trade-pay`).
    Create,
}

impl TradeProduct {
    /// The method that opens this kind of trade.
    pub fn method(self) -> &'static str {
        match self {
            TradeProduct::Page => "alipay.trade.page.pay",
            TradeProduct::Wap => "alipay.trade.wap.pay",
            TradeProduct::App => "alipay.trade.app.pay",
            TradeProduct::BarCode => "alipay.trade.pay",
            TradeProduct::Precreate => "alipay.trade.precreate",
            TradeProduct::Create => "alipay.trade.create",
        }
    }
}

/// Where a trade's `trade_status_sync` notifications go, and how they are signed (the
/// `notify_url`, `sign_type` and `charset` of the call that opened it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NotifyTarget {
    pub url: Option<String>,
    pub sign_type: String,
    pub charset: String,
    /// The opening call came in certificate mode (signed with the current Alipay
    /// certificate's key then).
    pub cert_mode: bool,
}

/// One trade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trade {
    /// Alipay's number: `yyyyMMdd` + `22` + 18 digits (28, like `2013112011001004330000121536`).
    pub trade_no: String,
    pub out_trade_no: String,
    pub app_id: String,
    pub product: TradeProduct,
    pub subject: String,
    pub body: Option<String>,
    pub total: u64,
    /// The buyer: set by the payment, or by `create`'s `buyer_id`, or by a `trade.pay`
    /// waiting for the buyer's confirmation.
    pub buyer_user_id: Option<String>,
    pub seller_id: String,
    pub status: TradeStatus,
    /// Refunded so far, fen.
    pub refunded: u64,
    pub gmt_create: String,
    pub gmt_payment: Option<String>,
    pub gmt_close: Option<String>,
    /// `false` for a precreated trade nobody scanned yet: it does not exist for `query`.
    pub visible: bool,
    /// precreate's `qr_code`.
    pub qr_code: Option<String>,
    pub passback_params: Option<String>,
    pub notify: NotifyTarget,
    /// page.pay / wap.pay: where the cashier sends the buyer back.
    pub return_url: Option<String>,
    /// The request's business content (method, amount, subject, body, buyer), to tell a
    /// re-sent order from a different one under the same `out_trade_no`.
    pub(crate) content: String,
    /// trade.pay's payment code: the same request re-sent gets the same answer.
    pub(crate) auth_code: Option<String>,
    /// When the payment window ends (Beijing time): unpaid by then, the trade closes
    /// (see `trade_expiry`).
    pub expires: Option<String>,
}

impl Trade {
    /// What is left to refund, fen.
    pub fn refundable(&self) -> u64 {
        self.total.saturating_sub(self.refunded)
    }
}

/// One refund of a trade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TradeRefund {
    pub trade_no: String,
    pub out_trade_no: String,
    /// The refund's key (the `out_trade_no` when the request had none).
    pub out_request_no: String,
    pub amount: u64,
    pub reason: Option<String>,
    pub gmt_refund: String,
}

/// A buyer's one-time payment code (付款码).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentCode {
    /// 18 digits starting `28` (the bar-code range is 16-24 digits starting 25-30).
    pub auth_code: String,
    pub user_id: String,
    pub used: bool,
}

/// The trade family's part of the [`Ledger`].
#[derive(Debug, Clone, Default)]
pub struct TradeBook {
    pub(crate) trades: BTreeMap<String, Trade>,
    /// `out_trade_no` -> `trade_no`.
    pub(crate) by_out_trade_no: BTreeMap<String, String>,
    pub(crate) refunds: Vec<TradeRefund>,
    pub(crate) codes: BTreeMap<String, PaymentCode>,
    /// Buyers whose `trade.pay` waits for their confirmation on the phone (answers `10003`).
    pub(crate) confirm_on_phone: BTreeSet<String>,
}

/// How a buyer pays a trade on the buyer's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyerAction {
    /// Scans a precreated QR code (the key is the `qr_code`).
    Scan,
    /// Confirms on the phone a `trade.pay` that answered `10003` (the key is `out_trade_no`).
    Confirm,
    /// Pays a created, page, wap or app trade (the key is `trade_no`).
    TradePay,
}

impl Ledger {
    /// A trade by `trade_no`.
    pub fn trade(&self, trade_no: &str) -> Option<&Trade> {
        self.trades.trades.get(trade_no)
    }

    /// A trade by the merchant's `out_trade_no`.
    pub fn trade_by_out_trade_no(&self, out_trade_no: &str) -> Option<&Trade> {
        let trade_no = self.trades.by_out_trade_no.get(out_trade_no)?;
        self.trades.trades.get(trade_no)
    }

    /// Every trade, by `trade_no`.
    pub fn trades(&self) -> impl Iterator<Item = &Trade> {
        self.trades.trades.values()
    }

    /// Every trade refund, oldest first.
    pub fn trade_refunds(&self) -> &[TradeRefund] {
        &self.trades.refunds
    }

    /// Whether `user_id`'s `trade.pay` payments wait for a confirmation on the phone.
    pub fn confirms_on_phone(&self, user_id: &str) -> bool {
        self.trades.confirm_on_phone.contains(user_id)
    }

    /// Makes `user_id` confirm `trade.pay` payments on the phone (or stop doing so).
    pub fn set_confirm_on_phone(
        &mut self,
        user_id: &str,
        confirm: bool,
    ) -> Result<(), LedgerError> {
        if self.account(user_id).is_none() {
            return Err(LedgerError::UnknownUser(user_id.to_owned()));
        }
        if confirm {
            self.trades.confirm_on_phone.insert(user_id.to_owned());
        } else {
            self.trades.confirm_on_phone.remove(user_id);
        }
        Ok(())
    }

    /// A new one-time payment code for `user_id` (what the buyer's app shows the cashier):
    /// 18 digits starting `28`.
    pub fn issue_payment_code(&mut self, user_id: &str) -> Result<String, LedgerError> {
        if self.account(user_id).is_none() {
            return Err(LedgerError::UnknownUser(user_id.to_owned()));
        }
        // Scrambled so codes cannot be guessed from the previous one; unique by construction
        // of the loop.
        let code = loop {
            let seq = self.next_seq();
            let digits = crate::faults::splitmix64(seq) % 10_000_000_000_000_000;
            let code = format!("28{digits:016}");
            if !self.trades.codes.contains_key(&code) {
                break code;
            }
        };
        self.trades.codes.insert(
            code.clone(),
            PaymentCode {
                auth_code: code.clone(),
                user_id: user_id.to_owned(),
                used: false,
            },
        );
        Ok(code)
    }

    /// Uses up a payment code: the buyer's user id. An unknown or already used code is
    /// [`LedgerError::PaymentCodeInvalid`] (each API maps it to its own code, e.g.
    /// `ACQ.PAYMENT_AUTH_CODE_INVALID`).
    pub fn redeem_payment_code(&mut self, auth_code: &str) -> Result<String, LedgerError> {
        match self.trades.codes.get_mut(auth_code) {
            Some(code) if !code.used => {
                code.used = true;
                Ok(code.user_id.clone())
            }
            _ => Err(LedgerError::PaymentCodeInvalid(auth_code.to_owned())),
        }
    }

    /// Whether `auth_code` is a payment code not used yet (checked before anything is
    /// decided, so a refused payment leaves the code usable).
    pub(crate) fn payment_code_owner(&self, auth_code: &str) -> Option<&str> {
        self.trades
            .codes
            .get(auth_code)
            .filter(|c| !c.used)
            .map(|c| c.user_id.as_str())
    }

    /// A new `trade_no`.
    pub(crate) fn new_trade_no(&mut self, now: &str) -> String {
        let seq = self.next_seq();
        format!("{}22{seq:018}", crate::ledger::date8(now))
    }

    pub(crate) fn insert_trade(&mut self, trade: Trade) {
        self.trades
            .by_out_trade_no
            .insert(trade.out_trade_no.clone(), trade.trade_no.clone());
        self.trades.trades.insert(trade.trade_no.clone(), trade);
    }

    pub(crate) fn trade_mut(&mut self, trade_no: &str) -> Option<&mut Trade> {
        self.trades.trades.get_mut(trade_no)
    }

    /// The buyer's side: pays a trade found by `key` (see [`BuyerAction`]). Returns the
    /// `TRADE_SUCCESS` notification.
    pub fn buyer_pays(
        &mut self,
        action: BuyerAction,
        key: &str,
        buyer_user_id: &str,
        now: &str,
    ) -> Result<NotifyEvent, LedgerError> {
        let unknown = || LedgerError::UnknownOrder(key.to_owned());
        let trade = match action {
            BuyerAction::Scan => self
                .trades
                .trades
                .values()
                .find(|t| t.qr_code.as_deref() == Some(key)),
            BuyerAction::Confirm => self.trade_by_out_trade_no(key),
            BuyerAction::TradePay => self.trade(key),
        }
        .ok_or_else(unknown)?;
        let fits = match action {
            BuyerAction::Scan => trade.product == TradeProduct::Precreate,
            // Only a trade.pay waiting for this very buyer.
            BuyerAction::Confirm => {
                trade.product == TradeProduct::BarCode
                    && trade.buyer_user_id.as_deref() == Some(buyer_user_id)
            }
            BuyerAction::TradePay => !matches!(
                trade.product,
                TradeProduct::Precreate | TradeProduct::BarCode
            ),
        };
        if !fits || !trade.visible && action != BuyerAction::Scan {
            return Err(unknown());
        }
        if action == BuyerAction::TradePay
            && trade
                .buyer_user_id
                .as_deref()
                .is_some_and(|b| b != buyer_user_id)
        {
            return Err(LedgerError::NotTheBuyer {
                trade_no: trade.trade_no.clone(),
                user_id: buyer_user_id.to_owned(),
            });
        }
        // Its window is over: closed, as the next trade call will record (and notify).
        if trade.status == TradeStatus::WaitBuyerPay
            && trade
                .expires
                .as_deref()
                .is_some_and(|end| trade_expiry::is_over(end, now))
        {
            return Err(LedgerError::TradeClosed(trade.out_trade_no.clone()));
        }
        let trade_no = trade.trade_no.clone();
        self.settle(&trade_no, buyer_user_id, now)
    }

    /// Closes every `WAIT_BUYER_PAY` trade whose payment window is over at `now`
    /// (`gmt_close` = the window's end); their `TRADE_CLOSED` notifications.
    pub(crate) fn close_overdue(&mut self, now: &str) -> Vec<NotifyEvent> {
        let overdue: Vec<String> = self
            .trades
            .trades
            .values()
            .filter(|t| t.status == TradeStatus::WaitBuyerPay)
            .filter(|t| {
                t.expires
                    .as_deref()
                    .is_some_and(|end| trade_expiry::is_over(end, now))
            })
            .map(|t| t.trade_no.clone())
            .collect();
        let mut events = Vec::new();
        for trade_no in overdue {
            let Some(t) = self.trade_mut(&trade_no) else {
                continue;
            };
            t.status = TradeStatus::Closed;
            t.gmt_close = t.expires.clone();
            let t = t.clone();
            // A precreated code nobody scanned never existed for the merchant: no notice.
            if t.visible {
                events.push(self.trade_event(&t, None));
            }
        }
        events
    }

    /// Moves a `WAIT_BUYER_PAY` trade's total from the buyer to the seller: `TRADE_SUCCESS`.
    pub(crate) fn settle(
        &mut self,
        trade_no: &str,
        buyer_user_id: &str,
        now: &str,
    ) -> Result<NotifyEvent, LedgerError> {
        let trade = self
            .trade(trade_no)
            .ok_or_else(|| LedgerError::UnknownOrder(trade_no.to_owned()))?;
        match trade.status {
            TradeStatus::WaitBuyerPay => {}
            TradeStatus::Closed => {
                return Err(LedgerError::TradeClosed(trade.out_trade_no.clone()));
            }
            _ => return Err(LedgerError::AlreadyPaid(trade.out_trade_no.clone())),
        }
        let (total, seller) = (trade.total, trade.seller_id.clone());
        let buyer = self
            .account(buyer_user_id)
            .ok_or_else(|| LedgerError::UnknownUser(buyer_user_id.to_owned()))?;
        if buyer.restricted {
            return Err(LedgerError::PayerRestricted(buyer_user_id.to_owned()));
        }
        if !self.can_credit(&seller, total) {
            return Err(LedgerError::Overflow);
        }
        self.debit(buyer_user_id, total)?;
        self.credit(&seller, total);
        let Some(t) = self.trade_mut(trade_no) else {
            return Err(LedgerError::UnknownOrder(trade_no.to_owned()));
        };
        t.status = TradeStatus::Success;
        t.buyer_user_id = Some(buyer_user_id.to_owned());
        t.gmt_payment = Some(now.to_owned());
        t.visible = true;
        let t = t.clone();
        Ok(self.trade_event(&t, None))
    }

    /// The operator's side: the refund period of a paid trade is over, `TRADE_FINISHED`.
    /// Returns the notification.
    pub fn finish_trade(&mut self, out_trade_no: &str) -> Result<NotifyEvent, LedgerError> {
        let trade = self
            .trade_by_out_trade_no(out_trade_no)
            .filter(|t| t.visible)
            .ok_or_else(|| LedgerError::UnknownOrder(out_trade_no.to_owned()))?;
        if trade.status != TradeStatus::Success {
            return Err(LedgerError::TradeStatus {
                out_trade_no: out_trade_no.to_owned(),
                status: trade.status.as_str(),
            });
        }
        let trade_no = trade.trade_no.clone();
        let Some(t) = self.trade_mut(&trade_no) else {
            return Err(LedgerError::UnknownOrder(out_trade_no.to_owned()));
        };
        t.status = TradeStatus::Finished;
        let t = t.clone();
        Ok(self.trade_event(&t, None))
    }

    /// A `trade_status_sync` notification about `trade` as it is now; `refund` adds the
    /// refund's `out_biz_no`, `refund_fee` and `gmt_refund`.
    pub(crate) fn trade_event(&self, t: &Trade, refund: Option<&TradeRefund>) -> NotifyEvent {
        let seller_logon = self.logon_of(&t.seller_id);
        let mut fields = vec![
            ("trade_no", t.trade_no.clone()),
            ("out_trade_no", t.out_trade_no.clone()),
        ];
        if let Some(r) = refund {
            fields.push(("out_biz_no", r.out_request_no.clone()));
        }
        if let Some(buyer) = &t.buyer_user_id {
            fields.push(("buyer_id", buyer.clone()));
            fields.push(("buyer_logon_id", mask_logon(&self.logon_of(buyer))));
        }
        fields.extend([
            ("seller_id", t.seller_id.clone()),
            ("seller_email", mask_logon(&seller_logon)),
            ("trade_status", t.status.as_str().to_owned()),
            ("total_amount", yuan(t.total)),
        ]);
        if t.gmt_payment.is_some() {
            let paid = yuan(t.total);
            fields.extend([
                ("receipt_amount", paid.clone()),
                ("invoice_amount", paid.clone()),
                ("buyer_pay_amount", paid.clone()),
                ("point_amount", yuan(0)),
            ]);
        }
        if t.refunded > 0 {
            fields.push(("refund_fee", yuan(t.refunded)));
        }
        fields.push(("subject", t.subject.clone()));
        if let Some(body) = &t.body {
            fields.push(("body", body.clone()));
        }
        fields.push(("gmt_create", t.gmt_create.clone()));
        if let Some(p) = &t.gmt_payment {
            fields.push(("gmt_payment", p.clone()));
        }
        if let Some(r) = refund {
            fields.push(("gmt_refund", r.gmt_refund.clone()));
        }
        if let Some(c) = &t.gmt_close {
            fields.push(("gmt_close", c.clone()));
        }
        if t.gmt_payment.is_some() {
            fields.push(("fund_bill_list", fund_bill_list(t.total)));
        }
        if let Some(p) = &t.passback_params {
            fields.push(("passback_params", p.clone()));
        }
        NotifyEvent::new(TRADE_STATUS_SYNC, &t.app_id, fields)
    }
}

/// `notify_type` of the trade family's notifications.
pub const TRADE_STATUS_SYNC: &str = "trade_status_sync";

/// The sandbox pays everything from the balance: one `ALIPAYACCOUNT` entry (the JSON text
/// notifications carry; `fundChannel` is the notification's spelling).
pub(crate) fn fund_bill_list(fen: u64) -> String {
    serde_json::json!([{"amount": yuan(fen), "fundChannel": "ALIPAYACCOUNT"}]).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{DEMO_MERCHANT, DEMO_USERS};

    const NOW: &str = "2026-11-22 10:00:00";
    /// The end of the test trades' payment window.
    const LATER: &str = "2026-11-22 12:00:00";
    const ALICE: &str = DEMO_USERS[0].0;
    const CAROL: &str = DEMO_USERS[2].0;

    fn trade(l: &mut Ledger, out: &str, product: TradeProduct, total: u64) -> String {
        let trade_no = l.new_trade_no(NOW);
        l.insert_trade(Trade {
            trade_no: trade_no.clone(),
            out_trade_no: out.to_owned(),
            app_id: "2021000000000001".to_owned(),
            product,
            subject: "s".to_owned(),
            body: None,
            total,
            buyer_user_id: None,
            seller_id: DEMO_MERCHANT.to_owned(),
            status: TradeStatus::WaitBuyerPay,
            refunded: 0,
            gmt_create: NOW.to_owned(),
            gmt_payment: None,
            gmt_close: None,
            visible: product != TradeProduct::Precreate,
            qr_code: (product == TradeProduct::Precreate).then(|| format!("qr-{out}")),
            passback_params: None,
            notify: NotifyTarget::default(),
            return_url: None,
            content: String::new(),
            auth_code: None,
            expires: Some(LATER.to_owned()),
        });
        trade_no
    }

    #[test]
    fn payment_codes_are_one_time_and_shaped_like_bar_codes() {
        let mut l = Ledger::with_demo_data();
        let a = l.issue_payment_code(ALICE).unwrap();
        let b = l.issue_payment_code(ALICE).unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 18);
        assert!(
            a.starts_with("28") && a.bytes().all(|c| c.is_ascii_digit()),
            "{a}"
        );
        assert_eq!(l.payment_code_owner(&a), Some(ALICE));
        assert_eq!(l.redeem_payment_code(&a), Ok(ALICE.to_owned()));
        assert_eq!(
            l.redeem_payment_code(&a),
            Err(LedgerError::PaymentCodeInvalid(a.clone()))
        );
        assert!(l.redeem_payment_code("280000000000000000").is_err());
        assert!(matches!(
            l.issue_payment_code("2088999999999999"),
            Err(LedgerError::UnknownUser(_))
        ));
    }

    #[test]
    fn paying_moves_the_total_to_the_seller_once() {
        let mut l = Ledger::with_demo_data();
        let money = l.total_money();
        let (alice, merchant) = (l.balance(ALICE), l.balance(DEMO_MERCHANT));
        let no = trade(&mut l, "T1", TradeProduct::Create, 1_234);
        assert_eq!(no.len(), 28);
        let event = l
            .buyer_pays(BuyerAction::TradePay, &no, ALICE, NOW)
            .unwrap();
        assert_eq!(event.get("trade_status"), Some("TRADE_SUCCESS"));
        assert_eq!(event.get("total_amount"), Some("12.34"));
        assert_eq!(event.get("buyer_id"), Some(ALICE));
        assert_eq!(l.balance(ALICE), alice.map(|b| b - 1_234));
        assert_eq!(l.balance(DEMO_MERCHANT), merchant.map(|b| b + 1_234));
        assert_eq!(
            l.buyer_pays(BuyerAction::TradePay, &no, ALICE, NOW),
            Err(LedgerError::AlreadyPaid("T1".into()))
        );
        assert_eq!(l.total_money(), money);
    }

    #[test]
    fn a_short_balance_changes_nothing() {
        let mut l = Ledger::with_demo_data();
        let no = trade(&mut l, "T2", TradeProduct::Create, 1_001);
        assert!(matches!(
            l.buyer_pays(BuyerAction::TradePay, &no, CAROL, NOW),
            Err(LedgerError::MoneyNotEnough { .. })
        ));
        assert_eq!(
            l.trade(&no).map(|t| t.status),
            Some(TradeStatus::WaitBuyerPay)
        );
        assert_eq!(l.balance(CAROL), Some(1_000));
    }

    #[test]
    fn a_precreated_trade_is_paid_only_by_scanning_its_code() {
        let mut l = Ledger::with_demo_data();
        let no = trade(&mut l, "Q1", TradeProduct::Precreate, 100);
        assert!(
            l.buyer_pays(BuyerAction::TradePay, &no, ALICE, NOW)
                .is_err()
        );
        assert!(!l.trade(&no).is_some_and(|t| t.visible));
        l.buyer_pays(BuyerAction::Scan, "qr-Q1", ALICE, NOW)
            .unwrap();
        assert!(l.trade(&no).is_some_and(|t| t.visible));
        assert_eq!(
            l.finish_trade("Q1")
                .map(|e| e.get("trade_status").map(str::to_owned)),
            Ok(Some("TRADE_FINISHED".to_owned()))
        );
        assert!(l.finish_trade("Q1").is_err());
    }

    #[test]
    fn only_the_waiting_buyer_confirms() {
        let mut l = Ledger::with_demo_data();
        let no = trade(&mut l, "B1", TradeProduct::BarCode, 100);
        if let Some(t) = l.trade_mut(&no) {
            t.buyer_user_id = Some(ALICE.to_owned());
        }
        assert!(
            l.buyer_pays(BuyerAction::Confirm, "B1", CAROL, NOW)
                .is_err()
        );
        assert!(l.buyer_pays(BuyerAction::Confirm, "B1", ALICE, NOW).is_ok());
    }

    #[test]
    fn an_unpaid_trade_closes_when_its_window_ends() {
        let mut l = Ledger::with_demo_data();
        let money = l.total_money();
        let no = trade(&mut l, "T9", TradeProduct::Create, 500);
        assert!(l.close_overdue("2026-11-22 11:59:59").is_empty());
        // The buyer comes too late: refused, nothing moves (the next trade call closes it).
        assert!(matches!(
            l.buyer_pays(BuyerAction::TradePay, &no, ALICE, LATER),
            Err(LedgerError::TradeClosed(_))
        ));
        let events = l.close_overdue("2026-11-22 13:00:00");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].get("trade_status"), Some("TRADE_CLOSED"));
        let t = l.trade(&no).unwrap();
        assert_eq!(t.status, TradeStatus::Closed);
        assert_eq!(
            t.gmt_close.as_deref(),
            Some(LATER),
            "closed at the window's end"
        );
        // Once only; a paid trade never closes by itself.
        assert!(l.close_overdue("2026-11-23 00:00:00").is_empty());
        let paid = trade(&mut l, "T10", TradeProduct::Create, 500);
        l.buyer_pays(BuyerAction::TradePay, &paid, ALICE, NOW)
            .unwrap();
        assert!(l.close_overdue("2026-12-31 00:00:00").is_empty());
        assert_eq!(l.total_money(), money);
    }
}
