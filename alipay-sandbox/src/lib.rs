//! # alipay-sandbox
//!
//! The ledger and business rules of the offline Alipay sandbox, as a pure library: no HTTP,
//! no signatures, no clock. A server on top verifies the request, calls [`Ledger::handle`]
//! with the method, the raw `biz_content` and the time, signs the returned response node
//! and POSTs the returned [`NotifyEvent`]s to the call's `notify_url`.
//!
//! ```
//! use alipay_sandbox::Ledger;
//! let mut ledger = Ledger::with_demo_data();
//! let reply = ledger.handle(
//!     "2021000000000000",
//!     "alipay.fund.coupon.order.agreement.pay",
//!     r#"{"out_order_no":"P1","out_request_no":"P1-1","order_title":"红包","amount":"10.00"}"#,
//!     "2026-11-22 10:00:00",
//! );
//! assert_eq!(reply.code(), "10000");
//! assert_eq!(reply.node["amount"], "10.00");
//! ```
//!
//! ## What `handle` answers
//!
//! * **Validation** uses the generated `from_biz_content` of `alipay-apis` (the client's own
//!   rules). Any broken rule, and a `biz_content` that is not a JSON object, answers like the
//!   gateway: `{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-parameter",
//!   "sub_msg":"<every violation, '; '-separated>"}`. The business `ILLEGAL_ARGUMENT` (40004)
//!   is never used for these: the gateway rejects them before the business layer.
//! * **Unknown method**: `40002` / `isv.invalid-method` / `不存在的方法名`.
//! * **Business failures**: `{"code":"40004","msg":"Business Failed","sub_code","sub_msg"}`,
//!   `sub_msg` being the spec's text where the API's error table has the code.
//! * **Success**: `{"code":"10000","msg":"Success",...}` with amounts as `"x.yy"` strings.
//!
//! ## Rules
//!
//! * `agreement.pay` debits `payer_user_id` (or the merchant) and opens a red packet.
//!   Unknown payer: `PAYER_NOT_EXIST` *(the docs have no error table; chosen)*; a restricted
//!   payer: `PAYER_USER_STATUS_LIMIT` *(chosen, as for scans)*; short balance:
//!   `MONEY_NOT_ENOUGH`.
//! * `app.pay` / `page.pay` are SDK/page APIs: [`Ledger::create_pending_order`] (also reached
//!   through `handle`) opens an `INIT` red packet, [`Ledger::pay_order`] is the user paying it
//!   (a restricted payer: `PAYER_USER_STATUS_LIMIT`).
//! * `disburse`: red packet by `deduct_auth_no` (wins) or `deduct_out_order_no`, else
//!   `AUTH_ORDER_NOT_EXIST`; payee by `payee_user_id` (wins) or `payee_logon_id`, else
//!   `PAYEE_NOT_EXIST`; a restricted payee (`Ledger::restrict`) `PAYEE_USER_STATUS_LIMIT`;
//!   unpaid packet `ILLEGAL_STATUS`; after a refund
//!   `ORDER_ALREADY_CLOSED`; over the remainder `MONEY_NOT_ENOUGH`. Emits `fund_auth_pay`.
//! * `refund` returns up to the remainder to the payer and closes the packet to further
//!   disbursements (further refunds of the rest are allowed). Over the remainder:
//!   `MONEY_NOT_ENOUGH` *(the over-refund code was never captured; chosen to match
//!   disburse)*; unknown `auth_no`: `AUTH_ORDER_NOT_EXIST`; unpaid: `ILLEGAL_STATUS`.
//!   Emits `fund_stdtrustee_refund.success`.
//! * `operation.query`: order by `auth_no` (wins) or `out_order_no` (the red packet's, or a
//!   disbursement's own); operation by `operation_id` (wins) or `out_request_no`. Missing
//!   order: `AUTH_ORDER_NOT_EXIST`; missing operation: `AUTH_OPERATION_NOT_EXIST` *(no
//!   error table; chosen)*. Operation types: `FREEZE` (funding), `PAY` (disbursement),
//!   `REFUND`.
//! * `voucher.create` registers a pending freeze (`code_type` `qrCode`); unknown payee
//!   `PAYEE_NOT_EXIST`, restricted payee `PAYEE_USER_STATUS_LIMIT`. [`Ledger::scan_voucher`]
//!   freezes the scanner's money and returns the `fund_auth_freeze` notification.
//! * `voucher.send`: `TEMPLATE_NOT_EXIST`, `TEMPLATE_EXPIRED`, `USER_NOT_EXIST` (user_id >
//!   login_id > taobao_nick, no fallback when a higher one is unknown), `USER_STATUS_ERROR`
//!   (restricted user), `INVALID_PARAMETER` for an amount on a non-red-packet template or
//!   no amount at all on a red-packet template without a default; a red-packet template
//!   pays the amount from its budget to the user (`MONEY_NOT_ENOUGH` when the budget is
//!   short: *chosen*, not in the table).
//!
//! * **Trades** (`alipay.trade.*`, [`Ledger::handle_trade`]): `WAIT_BUYER_PAY` ->
//!   `TRADE_SUCCESS` -> `TRADE_FINISHED` ([`Ledger::finish_trade`]) | `TRADE_CLOSED`. Paying
//!   moves the total from the buyer to the merchant at once, refunds move it back
//!   (`ACQ.SELLER_BALANCE_NOT_ENOUGH` when the merchant is short). `pay` redeems a payment code
//!   ([`Ledger::issue_payment_code`], [`Ledger::redeem_payment_code`]; unknown or used:
//!   `ACQ.PAYMENT_AUTH_CODE_INVALID`), short balance `ACQ.BUYER_BALANCE_NOT_ENOUGH`, a
//!   restricted buyer `ACQ.BUYER_ENABLE_STATUS_FORBID` *(chosen; not in the table)*; a buyer
//!   who confirms on the phone gets `10003` and a `WAIT_BUYER_PAY` trade. The same
//!   `out_trade_no` with other content: `ACQ.CONTEXT_INCONSISTENT`; re-opened after payment:
//!   `ACQ.TRADE_HAS_SUCCESS` (`ACQ.TRADE_HAS_FINISHED`, `ACQ.TRADE_HAS_CLOSE`); the same
//!   `trade.pay` re-sent with the same payment code answers the payment again, paid once.
//!   `precreate`d trades do not exist for `query`/`close`/`refund` (`ACQ.TRADE_NOT_EXIST`) until
//!   scanned ([`Ledger::buyer_pays`]); `cancel` closes them. Refunds: keyed by `out_request_no`
//!   (default the `out_trade_no`), a replay answers the first with `fund_change` `N`, another
//!   amount `ACQ.DISCORDANT_REPEAT_REQUEST`, over the refundable
//!   `ACQ.REFUND_AMT_NOT_EQUAL_TOTAL`, unpaid or closed `ACQ.TRADE_STATUS_ERROR`, finished
//!   `ACQ.TRADE_HAS_FINISHED`; a full refund closes the trade. `close`: unpaid only
//!   (`ACQ.TRADE_STATUS_ERROR`); `cancel`: unpaid -> `action` `close`, paid -> full refund,
//!   `action` `refund`, closed -> no action, finished `ACQ.TRADE_HAS_FINISHED`.
//!   An unpaid trade closes (`TRADE_CLOSED`, notified) when its payment window ends:
//!   `time_expire`, else `timeout_express` (`1c`: midnight), else 15 days (a precreated QR
//!   code: 2 hours); see `trade_expiry`.
//!
//! ## Transfers, pre-authorisation, bills, OAuth
//!
//! Answered with [`Ledger::handle_in`], which also gets the gateway's [`CallContext`]
//! (certificate mode, top-level parameters); the rules and codes are documented in the modules:
//! [`transfer`] (uni.transfer, common.query, account.query: the merchant pays, certificate
//! mode required), [`preauth`] (freeze with a buyer's payment code, unfreeze, detail query,
//! cancel), [`bill`] (download links and the GBK trade-bill zip, written by [`zip`]) and
//! [`oauth`] (`auth_code` from [`Ledger::authorize`], oauth.token, user.info.share). Requests
//! are parsed with the generated types of `alipay-apis`, so a broken rule is the gateway's
//! `40002 isv.invalid-parameter` like for the red-packet APIs.
//!
//! ## Idempotency
//!
//! A request whose key was seen with the same content (the parsed request, so `10` and
//! `"10.00"` are the same) gets the stored node again with no events and no money moved;
//! with different content `40004 UNIQUE_VIOLATION`. Keys: the merchant's `out_order_no` for
//! pay orders, disbursements and voucher.create (one namespace: a disbursement cannot reuse
//! the red packet's order number, ALY-711128); `auth_no` + `out_request_no` for every
//! operation on a red packet (so a refund reusing a disbursement's `out_request_no`
//! conflicts); `template_id` + `out_biz_no` for voucher.send.
//!
//! Only successful replies are stored (a refused call can be retried once fixed). A replay
//! answers the node stored at the time: an app.pay order replayed after
//! [`Ledger::pay_order`] still says `INIT`; operation.query tells the current state.
//!
//! ## Money
//!
//! [`Ledger::total_money`] (balances + red-packet remainders + frozen amounts, pre-authorisation
//! included, + template budgets) only changes through the operator helpers [`Ledger::fund`] and
//! [`Ledger::add_template`].

pub mod bill;
pub mod certs;
pub mod faults;
mod fund_rules;
pub mod ledger;
pub mod oauth;
pub mod preauth;
mod rules;
pub mod server;
pub mod store;
pub mod trade;
mod trade_api;
mod trade_expiry;
pub mod transfer;
pub mod zip;

use serde_json::{Map, Value};

pub use certs::SandboxCertificates;
pub use faults::{Fault, FaultPlan, FaultPlanError};
pub use ledger::{
    Account, DEMO_MERCHANT, DEMO_TEMPLATE, DEMO_USERS, Freeze, Ledger, LedgerError, Operation,
    OperationType, RedPacket, Status, Template, Voucher,
};
pub use store::{Books, Command, StoreError};
pub use trade::{
    BuyerAction, NotifyTarget, PaymentCode, Trade, TradeProduct, TradeRefund, TradeStatus,
};
pub use trade_api::{Delivery, METHODS as TRADE_METHODS};

/// How many of [`METHODS`] (the first ones) are the red-packet family; the rest are those of
/// transfers, pre-authorisation, bills, OAuth and user info (`fund_rules`).
pub(crate) const RED_PACKET_METHODS: usize = 8;

/// The methods [`Ledger::handle`] knows.
pub const METHODS: [&str; 19] = [
    "alipay.fund.coupon.order.app.pay",
    "alipay.fund.coupon.order.page.pay",
    "alipay.fund.coupon.order.agreement.pay",
    "alipay.fund.coupon.order.disburse",
    "alipay.fund.coupon.order.refund",
    "alipay.fund.coupon.operation.query",
    "alipay.fund.auth.order.voucher.create",
    "alipay.marketing.voucher.send",
    "alipay.fund.trans.uni.transfer",
    "alipay.fund.trans.common.query",
    "alipay.fund.account.query",
    "alipay.fund.auth.order.freeze",
    "alipay.fund.auth.order.app.freeze",
    "alipay.fund.auth.order.unfreeze",
    "alipay.fund.auth.operation.detail.query",
    "alipay.fund.auth.operation.cancel",
    "alipay.data.dataservice.bill.downloadurl.query",
    "alipay.system.oauth.token",
    "alipay.user.info.share",
];

/// What the gateway knows of a call besides `app_id`, `method` and `biz_content`: whether it
/// was signed in certificate mode, and the business parameters some APIs take at the top
/// level (`grant_type`, `code`, `refresh_token` of oauth.token; `auth_token`).
#[derive(Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallContext {
    /// The call carried certificate-mode parameters (money-out APIs require it).
    #[serde(default)]
    pub certificate_mode: bool,
    /// Top-level business parameters, by name.
    #[serde(default)]
    pub params: std::collections::BTreeMap<String, String>,
}

impl CallContext {
    /// The top-level parameters the ledger reads.
    pub const PARAMS: [&'static str; 4] = ["grant_type", "code", "refresh_token", "auth_token"];

    /// A top-level parameter, if sent and not empty.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Nothing beyond a plain public-key call.
    pub fn is_plain(&self) -> bool {
        !self.certificate_mode && self.params.is_empty()
    }
}

impl std::fmt::Debug for CallContext {
    /// Codes and tokens are credentials: only their names are shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallContext")
            .field("certificate_mode", &self.certificate_mode)
            .field("params", &self.params.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// The answer to one call: the `<method>_response` node, and the notifications to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// `{"code":"10000","msg":"Success",...}` or an error node.
    pub node: Value,
    /// Notifications for the server to POST to the call's `notify_url` (empty on replays).
    pub events: Vec<NotifyEvent>,
}

impl Reply {
    /// `code` of the node (`""` if missing).
    pub fn code(&self) -> &str {
        self.node.get("code").and_then(Value::as_str).unwrap_or("")
    }

    /// `sub_code` of the node, if any.
    pub fn sub_code(&self) -> Option<&str> {
        self.node.get("sub_code").and_then(Value::as_str)
    }

    /// `sub_msg` of the node, if any.
    pub fn sub_msg(&self) -> Option<&str> {
        self.node.get("sub_msg").and_then(Value::as_str)
    }

    /// Whether `code` is `10000`.
    pub fn is_success(&self) -> bool {
        self.code() == "10000"
    }

    /// A field of the node as text.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.node.get(name).and_then(Value::as_str)
    }

    pub(crate) fn success(fields: Vec<(&str, String)>) -> Reply {
        let mut node = Map::new();
        node.insert("code".into(), "10000".into());
        node.insert("msg".into(), "Success".into());
        for (k, v) in fields {
            node.insert(k.to_owned(), Value::String(v));
        }
        Reply {
            node: Value::Object(node),
            events: Vec::new(),
        }
    }

    pub(crate) fn business_failed(sub_code: &str, sub_msg: &str) -> Reply {
        Reply::error("40004", "Business Failed", sub_code, sub_msg)
    }

    pub(crate) fn invalid_parameter_with(sub_code: &str, sub_msg: &str) -> Reply {
        Reply::error("40002", "Invalid Arguments", sub_code, sub_msg)
    }

    pub(crate) fn invalid_parameter(sub_msg: &str) -> Reply {
        Reply::error(
            "40002",
            "Invalid Arguments",
            "isv.invalid-parameter",
            sub_msg,
        )
    }

    pub(crate) fn error(code: &str, msg: &str, sub_code: &str, sub_msg: &str) -> Reply {
        Reply {
            node: serde_json::json!({
                "code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg,
            }),
            events: Vec::new(),
        }
    }
}

/// A notification to send: `notify_type`, the calling app and the business fields (the
/// server adds `notify_id`, `notify_time`, `sign_type`, `sign`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyEvent {
    /// `fund_auth_pay`, `fund_stdtrustee_refund.success`, `fund_auth_freeze`.
    pub notify_type: String,
    pub app_id: String,
    /// Field name and value, in the doc's order.
    pub fields: Vec<(String, String)>,
}

impl NotifyEvent {
    pub(crate) fn new(notify_type: &str, app_id: &str, fields: Vec<(&str, String)>) -> Self {
        NotifyEvent {
            notify_type: notify_type.to_owned(),
            app_id: app_id.to_owned(),
            fields: fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }

    /// A field's value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Ledger {
    /// Applies one API call. `now` is `yyyy-MM-dd HH:mm:ss` (used for `gmt_*` and ids).
    pub fn handle(&mut self, app_id: &str, method: &str, biz_content: &str, now: &str) -> Reply {
        self.handle_in(app_id, method, biz_content, &CallContext::default(), now)
    }

    /// [`Ledger::handle`] with what the gateway knows of the call besides `biz_content`
    /// (certificate mode, top-level parameters).
    pub fn handle_in(
        &mut self,
        app_id: &str,
        method: &str,
        biz_content: &str,
        context: &CallContext,
        now: &str,
    ) -> Reply {
        if let Some(reply) = fund_rules::handle(self, app_id, method, biz_content, context, now) {
            return reply;
        }
        match method {
            "alipay.fund.coupon.order.app.pay" | "alipay.fund.coupon.order.page.pay" => {
                self.create_pending_order(app_id, method, biz_content, now)
            }
            "alipay.fund.coupon.order.agreement.pay" => {
                rules::agreement_pay(self, app_id, biz_content, now)
            }
            "alipay.fund.coupon.order.disburse" => rules::disburse(self, app_id, biz_content, now),
            "alipay.fund.coupon.order.refund" => rules::refund(self, app_id, biz_content, now),
            "alipay.fund.coupon.operation.query" => rules::query(self, biz_content),
            "alipay.fund.auth.order.voucher.create" => {
                rules::voucher_create(self, app_id, biz_content, now)
            }
            "alipay.marketing.voucher.send" => rules::voucher_send(self, biz_content, now),
            m if TRADE_METHODS.contains(&m) => {
                self.handle_trade(app_id, m, biz_content, now, &Delivery::default())
            }
            _ => Reply::error(
                "40002",
                "Invalid Arguments",
                "isv.invalid-method",
                "不存在的方法名",
            ),
        }
    }

    /// The server side of app.pay / page.pay (what the simulated cashier calls when it
    /// receives the order string or form): validates `biz_content` with that API's rules and
    /// opens an `INIT` red packet that [`Ledger::pay_order`] completes. The reply carries
    /// `auth_no`, `operation_id`, `amount` and `status` `INIT`. Any other method answers
    /// `isv.invalid-method`.
    pub fn create_pending_order(
        &mut self,
        app_id: &str,
        method: &str,
        biz_content: &str,
        now: &str,
    ) -> Reply {
        rules::pending_pay(self, app_id, method, biz_content, now)
    }
}
