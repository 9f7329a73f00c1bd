//! The sandbox's books: accounts, red packets, operations, fund-auth freezes, voucher templates
//! and issued vouchers. Every amount is integer fen (`u64`); money only moves between the
//! places [`Ledger::total_money`] sums, so business calls never create or destroy it.

use std::collections::BTreeMap;
use std::fmt;

use crate::Reply;

/// A sandbox Alipay account (a user, or the merchant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// `2088` + 12 digits.
    pub user_id: String,
    /// Phone or e-mail the user logs on with.
    pub logon_id: String,
    /// Taobao nickname (voucher.send's `taobao_nick`), if any.
    pub taobao_nick: Option<String>,
    /// Available balance in fen.
    pub balance: u64,
    /// A restricted account (账户受限): `PAYEE_USER_STATUS_LIMIT` as a payee,
    /// `PAYER_USER_STATUS_LIMIT` when paying an order or scanning, `USER_STATUS_ERROR` for
    /// voucher.send.
    pub restricted: bool,
}

/// State of a red packet (a fund-auth order) or of one operation on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Created, not paid yet (app.pay / page.pay before the cashier pays it; a voucher
    /// before the scan).
    Init,
    /// Paid / done.
    Success,
    /// Closed: a red packet after its first refund accepts no more disbursements.
    Closed,
}

impl Status {
    /// The wire value: `INIT`, `SUCCESS`, `CLOSED`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Init => "INIT",
            Status::Success => "SUCCESS",
            Status::Closed => "CLOSED",
        }
    }
}

/// What an operation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationType {
    /// The sender's money went into the red packet (app.pay / page.pay / agreement.pay), or
    /// into a fund-auth freeze (voucher.create scan). The docs list only PAY/REFUND for the
    /// red packet; the fund-auth vocabulary (`FREEZE`, voucher.create's notify) is used so a
    /// query can tell the funding apart from a payout.
    Freeze,
    /// A disbursement: part of the red packet paid to a payee (`fund_auth_pay`).
    Pay,
    /// Part of the remainder returned to the sender.
    Refund,
}

impl OperationType {
    /// The wire value: `FREEZE`, `PAY`, `REFUND`.
    pub fn as_str(self) -> &'static str {
        match self {
            OperationType::Freeze => "FREEZE",
            OperationType::Pay => "PAY",
            OperationType::Refund => "REFUND",
        }
    }
}

/// A red packet: the money a sender put aside, paid out by disbursements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedPacket {
    pub auth_no: String,
    pub out_order_no: String,
    /// The pay call's `out_request_no`.
    pub out_request_no: String,
    pub order_title: String,
    /// The app that created it (timeout refunds would notify it).
    pub app_id: String,
    /// Who paid; `None` while an app.pay / page.pay order is unpaid.
    pub payer_user_id: Option<String>,
    pub total: u64,
    pub remaining: u64,
    pub refunded: u64,
    pub status: Status,
    pub gmt_create: String,
    pub extra_param: Option<String>,
}

/// One fund operation (funding, disbursement or refund) on a red packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    pub operation_id: String,
    pub auth_no: String,
    /// The operation's own order number: the red packet's for funding and refunds, the
    /// disburse call's `out_order_no` for disbursements.
    pub out_order_no: String,
    pub out_request_no: String,
    pub operation_type: OperationType,
    pub status: Status,
    pub amount: u64,
    pub gmt_create: String,
    pub gmt_trans: Option<String>,
    pub order_title: Option<String>,
    pub remark: Option<String>,
    pub extra_param: Option<String>,
    pub payer_user_id: Option<String>,
    pub payee_user_id: Option<String>,
}

/// A voucher.create order: a QR code that freezes `amount` of whoever scans it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freeze {
    pub auth_no: String,
    pub operation_id: String,
    pub out_order_no: String,
    pub out_request_no: String,
    pub order_title: String,
    pub amount: u64,
    pub payee_user_id: Option<String>,
    /// Set by the scan.
    pub payer_user_id: Option<String>,
    /// `Init` until scanned, then `Success` (the amount is frozen).
    pub status: Status,
    pub gmt_create: String,
    pub gmt_trans: Option<String>,
    pub app_id: String,
}

/// A voucher template (marketing.voucher.send).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub template_id: String,
    pub name: String,
    /// `Some` for a red-packet (cash) template: issuing pays the voucher's amount from this
    /// budget (fen) to the user's balance. `None`: an ordinary voucher, no money moves and an
    /// `amount` in the request is refused.
    pub budget: Option<u64>,
    /// The face value (fen) used when the request names no amount (red-packet templates).
    pub default_amount: Option<u64>,
    /// An expired template answers `TEMPLATE_EXPIRED`.
    pub expired: bool,
}

/// A voucher issued to a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voucher {
    pub voucher_id: String,
    pub template_id: String,
    pub user_id: String,
    pub out_biz_no: String,
    /// Fen paid to the user (red-packet templates), 0 otherwise.
    pub amount: u64,
    pub memo: Option<String>,
}

/// A stored successful reply, for idempotent replays: the request's fingerprint and the
/// node that was answered.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stored {
    pub fingerprint: String,
    pub node: serde_json::Value,
}

/// Why an admin helper (the user's or the operator's side, not an API call) refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LedgerError {
    /// No account has this user id.
    UnknownUser(String),
    /// The user id is already taken, or is not `2088` + 12 digits.
    BadUser(String),
    /// No pending order / voucher with this `out_order_no`.
    UnknownOrder(String),
    /// The order was already paid (or the voucher scanned): `FREEZE_ALREADY_SUCCESS`.
    AlreadyPaid(String),
    /// The payer's balance is short: `MONEY_NOT_ENOUGH`.
    MoneyNotEnough {
        user_id: String,
        needed: u64,
        balance: u64,
    },
    /// The payer's (or scanner's) account is restricted: `PAYER_USER_STATUS_LIMIT`.
    PayerRestricted(String),
    /// The scanner is the voucher's payee: `PAYER_PAYEE_EQUAL`.
    PayerPayeeEqual(String),
    /// A balance would exceed `u64::MAX` fen.
    Overflow,
    /// The template id is already taken.
    DuplicateTemplate(String),
    /// The state directory could not record the change, so it was not made.
    Storage(String),
    /// An OAuth scope the cashier does not grant (`auth_user`, `auth_base`).
    BadScope(String),
    /// A payment code that is unknown or already used (`ACQ.PAYMENT_AUTH_CODE_INVALID` for
    /// the trade family).
    PaymentCodeInvalid(String),
    /// The trade (by `out_trade_no`) is closed: `ACQ.TRADE_HAS_CLOSE`.
    TradeClosed(String),
    /// The trade was created for another buyer.
    NotTheBuyer { trade_no: String, user_id: String },
    /// The trade is not in a state that allows this.
    TradeStatus {
        out_trade_no: String,
        status: &'static str,
    },
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerError::UnknownUser(u) => {
                write!(f, "no sandbox account {u}; add it with add_user")
            }
            LedgerError::BadUser(u) => write!(
                f,
                "cannot add user {u}: the id must be 2088 + 12 digits and not taken yet"
            ),
            LedgerError::UnknownOrder(o) => write!(f, "no pending order out_order_no={o}"),
            LedgerError::AlreadyPaid(o) => {
                write!(f, "order {o} is already paid (FREEZE_ALREADY_SUCCESS)")
            }
            LedgerError::MoneyNotEnough {
                user_id,
                needed,
                balance,
            } => write!(
                f,
                "{user_id} has {} but {} is needed (MONEY_NOT_ENOUGH); fund the account first",
                yuan(*balance),
                yuan(*needed)
            ),
            LedgerError::PayerRestricted(u) => {
                write!(f, "{u} is restricted (PAYER_USER_STATUS_LIMIT)")
            }
            LedgerError::PayerPayeeEqual(u) => {
                write!(f, "{u} cannot pay its own voucher (PAYER_PAYEE_EQUAL)")
            }
            LedgerError::Overflow => f.write_str("a balance would overflow"),
            LedgerError::DuplicateTemplate(t) => write!(f, "template {t} already exists"),
            LedgerError::Storage(why) => write!(f, "not recorded: {why}"),
            LedgerError::BadScope(s) => {
                write!(f, "unknown scope {s:?}: use auth_user or auth_base")
            }
            LedgerError::PaymentCodeInvalid(code) => write!(
                f,
                "payment code {code} is unknown or already used (ACQ.PAYMENT_AUTH_CODE_INVALID); \
                 get a new one from POST /cashier/payment-code"
            ),
            LedgerError::TradeClosed(o) => write!(f, "trade {o} is closed (ACQ.TRADE_HAS_CLOSE)"),
            LedgerError::NotTheBuyer { trade_no, user_id } => {
                write!(
                    f,
                    "trade {trade_no} was created for another buyer than {user_id}"
                )
            }
            LedgerError::TradeStatus {
                out_trade_no,
                status,
            } => write!(
                f,
                "trade {out_trade_no} is {status} (ACQ.TRADE_STATUS_ERROR)"
            ),
        }
    }
}

impl std::error::Error for LedgerError {}

/// Fen as the wire's `"x.yy"`.
pub fn yuan(fen: u64) -> String {
    alipay_core::Amount::from_fen(fen).to_string()
}

/// The sandbox's state. See the crate docs for the rules its [`Ledger::handle`] applies.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub(crate) accounts: BTreeMap<String, Account>,
    pub(crate) merchant_id: String,
    pub(crate) packets: BTreeMap<String, RedPacket>,
    pub(crate) operations: Vec<Operation>,
    pub(crate) freezes: BTreeMap<String, Freeze>,
    pub(crate) templates: BTreeMap<String, Template>,
    pub(crate) vouchers: Vec<Voucher>,
    /// Idempotency records: `order|<out_order_no>`, `req|<auth_no>|<out_request_no>`,
    /// `voucher|<template_id>|<out_biz_no>`.
    pub(crate) stored: BTreeMap<String, Stored>,
    pub(crate) seq: u64,
    /// Real names by user id (transfer payees named by logon id must match).
    pub(crate) real_names: BTreeMap<String, String>,
    pub(crate) transfers: Vec<crate::transfer::Transfer>,
    /// Pre-authorisation orders by `auth_no`.
    pub(crate) auth_orders: BTreeMap<String, crate::preauth::AuthOrder>,
    pub(crate) oauth: crate::oauth::OAuthBook,
    /// Bill download links by token.
    pub(crate) bill_links: BTreeMap<String, crate::bill::BillLink>,
    /// The trade family (`alipay.trade.*`).
    pub(crate) trades: crate::trade::TradeBook,
}

/// The demo merchant (the PID that owns the app).
pub const DEMO_MERCHANT: &str = "2088000000000001";
/// Demo users: (user id, logon id, taobao nick, balance in fen).
pub const DEMO_USERS: [(&str, &str, &str, u64); 3] = [
    (
        "2088102138117431",
        "alice@sandbox.test",
        "alice_tb",
        100_000,
    ),
    ("2088102138117432", "13800000002", "bob_tb", 50_000),
    ("2088102138117433", "carol@sandbox.test", "carol_tb", 1_000),
];
/// The demo red-packet voucher template.
pub const DEMO_TEMPLATE: &str = "20260101000730010040000000EB";

impl Ledger {
    /// An empty ledger whose merchant is [`DEMO_MERCHANT`] with a zero balance.
    pub fn new() -> Ledger {
        let mut ledger = Ledger {
            merchant_id: DEMO_MERCHANT.to_owned(),
            ..Ledger::default()
        };
        ledger.accounts.insert(
            DEMO_MERCHANT.to_owned(),
            Account {
                user_id: DEMO_MERCHANT.to_owned(),
                logon_id: "merchant@sandbox.test".to_owned(),
                taobao_nick: None,
                balance: 0,
                restricted: false,
            },
        );
        ledger
    }

    /// The merchant with 10 000.00, the three [`DEMO_USERS`] and the red-packet template
    /// [`DEMO_TEMPLATE`] (budget 1 000.00, default face value 5.00).
    pub fn with_demo_data() -> Ledger {
        let mut ledger = Ledger::new();
        if let Some(m) = ledger.accounts.get_mut(DEMO_MERCHANT) {
            m.balance = 1_000_000;
        }
        for (id, name) in crate::transfer::DEMO_REAL_NAMES {
            ledger.real_names.insert(id.to_owned(), name.to_owned());
        }
        for (id, logon, nick, balance) in DEMO_USERS {
            ledger.accounts.insert(
                id.to_owned(),
                Account {
                    user_id: id.to_owned(),
                    logon_id: logon.to_owned(),
                    taobao_nick: Some(nick.to_owned()),
                    balance,
                    restricted: false,
                },
            );
        }
        ledger.templates.insert(
            DEMO_TEMPLATE.to_owned(),
            Template {
                template_id: DEMO_TEMPLATE.to_owned(),
                name: "现金红包".to_owned(),
                budget: Some(100_000),
                default_amount: Some(500),
                expired: false,
            },
        );
        ledger
    }

    /// The merchant's user id (the payer of agreement.pay without `payer_user_id`).
    pub fn merchant_id(&self) -> &str {
        &self.merchant_id
    }

    /// Adds a user with a zero balance.
    pub fn add_user(
        &mut self,
        user_id: &str,
        logon_id: &str,
        taobao_nick: Option<&str>,
    ) -> Result<(), LedgerError> {
        if alipay_core::UserId::parse(user_id).is_err() || self.accounts.contains_key(user_id) {
            return Err(LedgerError::BadUser(user_id.to_owned()));
        }
        self.accounts.insert(
            user_id.to_owned(),
            Account {
                user_id: user_id.to_owned(),
                logon_id: logon_id.to_owned(),
                taobao_nick: taobao_nick.map(str::to_owned),
                balance: 0,
                restricted: false,
            },
        );
        Ok(())
    }

    /// Adds `fen` to an account (the operator minting sandbox money: the only way besides
    /// [`Ledger::add_template`] that `total_money` grows).
    pub fn fund(&mut self, user_id: &str, fen: u64) -> Result<u64, LedgerError> {
        let account = self
            .accounts
            .get_mut(user_id)
            .ok_or_else(|| LedgerError::UnknownUser(user_id.to_owned()))?;
        account.balance = account
            .balance
            .checked_add(fen)
            .ok_or(LedgerError::Overflow)?;
        Ok(account.balance)
    }

    /// Restricts an account (or lifts the restriction).
    pub fn restrict(&mut self, user_id: &str, restricted: bool) -> Result<(), LedgerError> {
        let account = self
            .accounts
            .get_mut(user_id)
            .ok_or_else(|| LedgerError::UnknownUser(user_id.to_owned()))?;
        account.restricted = restricted;
        Ok(())
    }

    /// An account's balance in fen.
    pub fn balance(&self, user_id: &str) -> Option<u64> {
        self.accounts.get(user_id).map(|a| a.balance)
    }

    /// Every account (the merchant included), by user id.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.accounts.values()
    }

    /// Every red packet, by auth_no.
    pub fn red_packets(&self) -> impl Iterator<Item = &RedPacket> {
        self.packets.values()
    }

    /// Every voucher template, by id.
    pub fn templates(&self) -> impl Iterator<Item = &Template> {
        self.templates.values()
    }

    /// An account.
    pub fn account(&self, user_id: &str) -> Option<&Account> {
        self.accounts.get(user_id)
    }

    /// Adds a voucher template (its budget is new sandbox money).
    pub fn add_template(&mut self, template: Template) -> Result<(), LedgerError> {
        if self.templates.contains_key(&template.template_id) {
            return Err(LedgerError::DuplicateTemplate(template.template_id));
        }
        self.templates
            .insert(template.template_id.clone(), template);
        Ok(())
    }

    /// A voucher template.
    pub fn template(&self, template_id: &str) -> Option<&Template> {
        self.templates.get(template_id)
    }

    /// A red packet by `auth_no`.
    pub fn red_packet(&self, auth_no: &str) -> Option<&RedPacket> {
        self.packets.get(auth_no)
    }

    /// A red packet by the merchant's `out_order_no`.
    pub fn red_packet_by_out_order_no(&self, out_order_no: &str) -> Option<&RedPacket> {
        self.packets
            .values()
            .find(|p| p.out_order_no == out_order_no)
    }

    /// Every operation, oldest first.
    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    /// A voucher.create order by `out_order_no`.
    pub fn freeze(&self, out_order_no: &str) -> Option<&Freeze> {
        self.freezes.get(out_order_no)
    }

    /// Every voucher.create order, by `out_order_no`.
    pub fn freezes(&self) -> impl Iterator<Item = &Freeze> {
        self.freezes.values()
    }

    /// Issued vouchers, oldest first.
    pub fn vouchers(&self) -> &[Voucher] {
        &self.vouchers
    }

    /// All money in the sandbox, in fen: account balances + red-packet remainders + frozen
    /// amounts (voucher.create scans and pre-authorisations) + template budgets. Constant across every [`Ledger::handle`] call,
    /// [`Ledger::pay_order`] and [`Ledger::scan_voucher`].
    pub fn total_money(&self) -> u128 {
        let accounts: u128 = self.accounts.values().map(|a| u128::from(a.balance)).sum();
        let packets: u128 = self.packets.values().map(|p| u128::from(p.remaining)).sum();
        let frozen: u128 = self
            .freezes
            .values()
            .filter(|f| f.status == Status::Success)
            .map(|f| u128::from(f.amount))
            .sum();
        let budgets: u128 = self
            .templates
            .values()
            .filter_map(|t| t.budget)
            .map(u128::from)
            .sum();
        accounts + packets + frozen + budgets + u128::from(self.preauth_frozen())
    }

    /// The user's side of app.pay / page.pay: the order string of `out_order_no` was paid by
    /// `payer_user_id` at `now`. Debits the payer, opens the red packet (`SUCCESS`). A
    /// restricted payer is refused ([`LedgerError::PayerRestricted`]).
    pub fn pay_order(
        &mut self,
        out_order_no: &str,
        payer_user_id: &str,
        now: &str,
    ) -> Result<(), LedgerError> {
        let auth_no = self
            .red_packet_by_out_order_no(out_order_no)
            .map(|p| p.auth_no.clone())
            .ok_or_else(|| LedgerError::UnknownOrder(out_order_no.to_owned()))?;
        let packet = self
            .packets
            .get(&auth_no)
            .ok_or_else(|| LedgerError::UnknownOrder(out_order_no.to_owned()))?;
        if packet.status != Status::Init {
            return Err(LedgerError::AlreadyPaid(out_order_no.to_owned()));
        }
        let total = packet.total;
        if self
            .accounts
            .get(payer_user_id)
            .is_some_and(|a| a.restricted)
        {
            return Err(LedgerError::PayerRestricted(payer_user_id.to_owned()));
        }
        self.debit(payer_user_id, total)?;
        if let Some(p) = self.packets.get_mut(&auth_no) {
            p.payer_user_id = Some(payer_user_id.to_owned());
            p.remaining = total;
            p.status = Status::Success;
        }
        for op in self.operations.iter_mut() {
            if op.auth_no == auth_no && op.operation_type == OperationType::Freeze {
                op.status = Status::Success;
                op.gmt_trans = Some(now.to_owned());
                op.payer_user_id = Some(payer_user_id.to_owned());
            }
        }
        Ok(())
    }

    /// The user's side of voucher.create: `payer_user_id` scanned the QR code of
    /// `out_order_no` at `now`; the amount moves from the payer's balance into the freeze.
    /// Returns the `fund_auth_freeze` notification.
    pub fn scan_voucher(
        &mut self,
        out_order_no: &str,
        payer_user_id: &str,
        now: &str,
    ) -> Result<crate::NotifyEvent, LedgerError> {
        let freeze = self
            .freezes
            .get(out_order_no)
            .ok_or_else(|| LedgerError::UnknownOrder(out_order_no.to_owned()))?;
        if freeze.status != Status::Init {
            return Err(LedgerError::AlreadyPaid(out_order_no.to_owned()));
        }
        if freeze.payee_user_id.as_deref() == Some(payer_user_id) {
            return Err(LedgerError::PayerPayeeEqual(payer_user_id.to_owned()));
        }
        let amount = freeze.amount;
        if self
            .accounts
            .get(payer_user_id)
            .is_some_and(|a| a.restricted)
        {
            return Err(LedgerError::PayerRestricted(payer_user_id.to_owned()));
        }
        self.debit(payer_user_id, amount)?;
        let payer_logon = self.logon_of(payer_user_id);
        let Some(f) = self.freezes.get_mut(out_order_no) else {
            return Err(LedgerError::UnknownOrder(out_order_no.to_owned()));
        };
        f.status = Status::Success;
        f.payer_user_id = Some(payer_user_id.to_owned());
        f.gmt_trans = Some(now.to_owned());
        let f = f.clone();
        let payee_logon = f.payee_user_id.as_deref().map(|p| self.logon_of(p));
        let mut fields = vec![
            ("auth_no", f.auth_no.clone()),
            ("out_order_no", f.out_order_no.clone()),
            ("operation_id", f.operation_id.clone()),
            ("out_request_no", f.out_request_no.clone()),
            ("operation_type", OperationType::Freeze.as_str().to_owned()),
            ("amount", yuan(f.amount)),
            ("status", Status::Success.as_str().to_owned()),
            ("gmt_create", f.gmt_create.clone()),
            ("gmt_trans", now.to_owned()),
            ("payer_logon_id", mask_logon(&payer_logon)),
            ("payer_user_id", payer_user_id.to_owned()),
            ("total_freeze_amount", yuan(f.amount)),
            ("total_unfreeze_amount", yuan(0)),
            ("total_pay_amount", yuan(0)),
            ("rest_amount", yuan(f.amount)),
        ];
        if let (Some(id), Some(logon)) = (&f.payee_user_id, payee_logon) {
            fields.push(("payee_user_id", id.clone()));
            fields.push(("payee_logon_id", mask_logon(&logon)));
        }
        Ok(crate::NotifyEvent::new(
            "fund_auth_freeze",
            &f.app_id,
            fields,
        ))
    }

    pub(crate) fn debit(&mut self, user_id: &str, fen: u64) -> Result<(), LedgerError> {
        let account = self
            .accounts
            .get_mut(user_id)
            .ok_or_else(|| LedgerError::UnknownUser(user_id.to_owned()))?;
        if account.balance < fen {
            return Err(LedgerError::MoneyNotEnough {
                user_id: user_id.to_owned(),
                needed: fen,
                balance: account.balance,
            });
        }
        account.balance -= fen;
        Ok(())
    }

    /// Whether `fen` can be credited to `user_id` without overflow.
    pub(crate) fn can_credit(&self, user_id: &str, fen: u64) -> bool {
        self.accounts
            .get(user_id)
            .is_some_and(|a| a.balance.checked_add(fen).is_some())
    }

    /// Credits an account; callers check [`Ledger::can_credit`] first.
    pub(crate) fn credit(&mut self, user_id: &str, fen: u64) {
        if let Some(a) = self.accounts.get_mut(user_id) {
            a.balance = a.balance.saturating_add(fen);
        }
    }

    pub(crate) fn logon_of(&self, user_id: &str) -> String {
        self.accounts
            .get(user_id)
            .map(|a| a.logon_id.clone())
            .unwrap_or_default()
    }

    pub(crate) fn user_by_logon(&self, logon_id: &str) -> Option<&Account> {
        self.accounts.values().find(|a| a.logon_id == logon_id)
    }

    pub(crate) fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// A new `auth_no` (28 digits, like `2014031600002001260000001024`).
    pub(crate) fn new_auth_no(&mut self, now: &str) -> String {
        let seq = self.next_seq();
        format!("{}0000200{:013}", date8(now), seq)
    }

    /// A new `operation_id` (19 digits, like `2014070800032850551`).
    pub(crate) fn new_operation_id(&mut self, now: &str) -> String {
        let seq = self.next_seq();
        format!("{}{:011}", date8(now), seq)
    }

    /// A new `voucher_id` (28 characters).
    pub(crate) fn new_voucher_id(&mut self, now: &str) -> String {
        let seq = self.next_seq();
        format!("{}{:020}", date8(now), seq)
    }
}

/// A Beijing `yyyy-MM-dd HH:mm:ss` (the ledger's `now`, a stored time) as a calendar time,
/// read by the SDK's own `DateTime`; `None` if it is not one.
pub(crate) fn beijing_time(text: &str) -> Option<time::PrimitiveDateTime> {
    alipay_core::DateTime::parse(text)
        .ok()
        .map(|t| t.to_primitive())
}

/// `yyyyMMdd` from `yyyy-MM-dd HH:mm:ss`; `00000000` if `now` is not shaped like that.
pub(crate) fn date8(now: &str) -> String {
    let digits: String = now.chars().take(10).filter(char::is_ascii_digit).collect();
    if digits.len() == 8 {
        digits
    } else {
        "00000000".to_owned()
    }
}

/// Masks a logon id like the query reply does: `ali***@sandbox.test`, `138****0002`.
pub fn mask_logon(logon: &str) -> String {
    let chars: Vec<char> = logon.chars().collect();
    if let Some(at) = chars.iter().position(|&c| c == '@') {
        let keep = at.min(3);
        let name: String = chars[..keep].iter().collect();
        let domain: String = chars[at..].iter().collect();
        format!("{name}***{domain}")
    } else if chars.len() > 7 {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
    } else {
        let head: String = chars.iter().take(1).collect();
        format!("{head}***")
    }
}

impl Ledger {
    /// Stored reply for `key` if its fingerprint matches: `Ok(Some(node))` replays,
    /// `Err(())` is a conflict (same key, different content), `Ok(None)` is new.
    pub(crate) fn replay(
        &self,
        key: &str,
        fingerprint: &str,
    ) -> Result<Option<serde_json::Value>, ()> {
        match self.stored.get(key) {
            Some(s) if s.fingerprint == fingerprint => Ok(Some(s.node.clone())),
            Some(_) => Err(()),
            None => Ok(None),
        }
    }

    pub(crate) fn remember(&mut self, keys: &[String], fingerprint: &str, reply: &Reply) {
        for key in keys {
            self.stored.insert(
                key.clone(),
                Stored {
                    fingerprint: fingerprint.to_owned(),
                    node: reply.node.clone(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_logon_ids() {
        assert_eq!(mask_logon("alice@sandbox.test"), "ali***@sandbox.test");
        assert_eq!(mask_logon("a@b.c"), "a***@b.c");
        assert_eq!(mask_logon("13800000002"), "138****0002");
        assert_eq!(mask_logon("bob"), "b***");
        assert_eq!(mask_logon(""), "***");
    }

    #[test]
    fn ids_have_the_documented_lengths() {
        let mut l = Ledger::new();
        assert_eq!(l.new_auth_no("2026-11-22 10:00:00").len(), 28);
        assert_eq!(l.new_operation_id("2026-11-22 10:00:00").len(), 19);
        assert_eq!(l.new_voucher_id("garbage").len(), 28);
    }

    #[test]
    fn admin_helpers() {
        let mut l = Ledger::with_demo_data();
        let before = l.total_money();
        assert!(l.add_user("2088000000000009", "x@y.z", None).is_ok());
        assert_eq!(
            l.add_user("2088000000000009", "x@y.z", None),
            Err(LedgerError::BadUser("2088000000000009".into()))
        );
        assert!(l.add_user("1234", "x", None).is_err());
        assert_eq!(l.fund("2088000000000009", 123), Ok(123));
        assert_eq!(l.balance("2088000000000009"), Some(123));
        assert_eq!(l.total_money(), before + 123);
        assert!(matches!(
            l.fund("2088999999999999", 1),
            Err(LedgerError::UnknownUser(_))
        ));
        assert!(matches!(
            l.fund("2088000000000009", u64::MAX),
            Err(LedgerError::Overflow)
        ));
    }
}
