//! The trade family's API calls (`alipay.trade.*`) on the [`Ledger`]: request checks, the
//! state machine's business errors (`ACQ.*`), answers and `trade_status_sync` events.
//!
//! Facts from the official docs (opendocs.alipay.com, `alipay.trade.*` pages) and the Java
//! SDK's models (`alipay-sdk-java-all`, `AlipayTrade*Model.java`): `out_trade_no` max 64,
//! `total_amount` in [0.01, 100000000], `subject` max 256, `body` max 128; `trade_no` wins
//! over `out_trade_no`; a refund's `out_request_no` identifies it (a replay answers the first
//! answer with `fund_change` `N`); `close` only closes unpaid trades; `cancel` closes an
//! unpaid trade (`action` `close`) and refunds a paid one in full (`action` `refund`).

use alipay_core::Amount;
use serde_json::{Map, Value, json};

use crate::Reply;
use crate::ledger::{Ledger, mask_logon, yuan};
use crate::trade::{NotifyTarget, Trade, TradeProduct, TradeRefund, TradeStatus};

const PAGE_PAY: &str = "alipay.trade.page.pay";
const WAP_PAY: &str = "alipay.trade.wap.pay";
const APP_PAY: &str = "alipay.trade.app.pay";
const PAY: &str = "alipay.trade.pay";
const PRECREATE: &str = "alipay.trade.precreate";
const CREATE: &str = "alipay.trade.create";
const QUERY: &str = "alipay.trade.query";
const REFUND: &str = "alipay.trade.refund";
const REFUND_QUERY: &str = "alipay.trade.fastpay.refund.query";
const CLOSE: &str = "alipay.trade.close";
const CANCEL: &str = "alipay.trade.cancel";
const ORDERINFO_SYNC: &str = "alipay.trade.orderinfo.sync";

/// The trade methods the sandbox serves.
pub const METHODS: [&str; 12] = [
    PAGE_PAY,
    WAP_PAY,
    APP_PAY,
    PAY,
    PRECREATE,
    CREATE,
    QUERY,
    REFUND,
    REFUND_QUERY,
    CLOSE,
    CANCEL,
    ORDERINFO_SYNC,
];

/// Whether `method` only reads (not journaled).
pub(crate) fn is_read(method: &str) -> bool {
    matches!(method, QUERY | REFUND_QUERY | ORDERINFO_SYNC)
}

/// What the call that opens a trade says about its notifications and return: its
/// `notify_url`, `return_url`, `sign_type` and `charset` (public parameters, outside
/// `biz_content`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Delivery {
    pub notify_url: Option<String>,
    pub return_url: Option<String>,
    pub sign_type: String,
    pub charset: String,
}

impl Ledger {
    /// Applies one trade-family call. [`Ledger::handle`] reaches it too, with no
    /// [`Delivery`].
    pub fn handle_trade(
        &mut self,
        app_id: &str,
        method: &str,
        biz_content: &str,
        now: &str,
        delivery: &Delivery,
    ) -> Reply {
        let biz = match Biz::parse(biz_content) {
            Ok(b) => b,
            Err(r) => return r,
        };
        match method {
            PAGE_PAY | WAP_PAY | APP_PAY | PAY | PRECREATE | CREATE => {
                open(self, app_id, method, &biz, now, delivery)
            }
            QUERY => query(self, &biz),
            REFUND => refund(self, &biz, now),
            REFUND_QUERY => refund_query(self, &biz),
            CLOSE => close(self, &biz, now),
            CANCEL => cancel(self, &biz, now),
            ORDERINFO_SYNC => orderinfo_sync(self, &biz),
            _ => Reply::error(
                "40002",
                "Invalid Arguments",
                "isv.invalid-method",
                "不存在的方法名",
            ),
        }
    }
}

// ---- Request reading -------------------------------------------------------------------------

/// A `biz_content` object, read field by field; every broken rule is collected and answered
/// at once as `40002 isv.invalid-parameter`.
struct Biz {
    map: Map<String, Value>,
    broken: std::cell::RefCell<Vec<String>>,
}

impl Biz {
    fn parse(text: &str) -> Result<Biz, Reply> {
        match serde_json::from_str::<Value>(if text.is_empty() { "{}" } else { text }) {
            Ok(Value::Object(map)) => Ok(Biz {
                map,
                broken: Default::default(),
            }),
            _ => Err(Reply::invalid_parameter("biz_content is not a JSON object")),
        }
    }

    fn broke(&self, why: String) {
        self.broken.borrow_mut().push(why);
    }

    /// A text (a JSON string, or a number written as text); empty counts as absent.
    fn text(&self, name: &str, max: usize) -> Option<String> {
        let text = match self.map.get(name)? {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Null => return None,
            other => {
                self.broke(format!("{name} must be a string, not {other}"));
                return None;
            }
        };
        if text.is_empty() {
            return None;
        }
        if text.chars().count() > max {
            self.broke(format!("{name} is longer than {max} characters"));
        }
        Some(text)
    }

    fn required(&self, name: &str, max: usize) -> String {
        let text = self.text(name, max);
        if text.is_none() {
            self.broke(format!("{name} is required"));
        }
        text.unwrap_or_default()
    }

    /// A price in yuan, in [0.01, 100000000]: fen.
    fn amount(&self, name: &str) -> u64 {
        let Some(text) = self.text(name, 12) else {
            self.broke(format!("{name} is required"));
            return 0;
        };
        match Amount::parse(&text) {
            Ok(a) if (1..=10_000_000_000).contains(&a.fen()) => a.fen(),
            _ => {
                self.broke(format!(
                    "{name} must be a price in [0.01, 100000000] with at most 2 decimals, not {text:?}"
                ));
                0
            }
        }
    }

    /// `trade_no` (wins) or `out_trade_no`: one is required.
    fn trade_key(&self) -> (Option<String>, Option<String>) {
        let trade_no = self.text("trade_no", 64);
        let out_trade_no = self.text("out_trade_no", 64);
        if trade_no.is_none() && out_trade_no.is_none() {
            self.broke("one of trade_no and out_trade_no is required".to_owned());
        }
        (trade_no, out_trade_no)
    }

    /// The collected violations as the gateway's refusal.
    fn finish(&self) -> Result<(), Reply> {
        let broken = self.broken.borrow();
        if broken.is_empty() {
            Ok(())
        } else {
            Err(Reply::invalid_parameter(&broken.join("; ")))
        }
    }
}

/// A business refusal with the docs' wording.
fn fail(sub_code: &str) -> Reply {
    let msg = match sub_code {
        "ACQ.TRADE_NOT_EXIST" => "交易不存在",
        "ACQ.TRADE_STATUS_ERROR" => "交易状态不合法",
        "ACQ.TRADE_HAS_SUCCESS" => "交易已被支付",
        "ACQ.TRADE_HAS_CLOSE" => "交易已经关闭",
        "ACQ.TRADE_HAS_FINISHED" => "交易已结束",
        "ACQ.CONTEXT_INCONSISTENT" => "交易信息被篡改",
        "ACQ.BUYER_BALANCE_NOT_ENOUGH" => "买家余额不足",
        "ACQ.BUYER_ENABLE_STATUS_FORBID" => "买家状态非法",
        "ACQ.PAYMENT_AUTH_CODE_INVALID" => "付款码无效",
        "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" => "退款金额超限",
        "ACQ.DISCORDANT_REPEAT_REQUEST" => "请求信息不一致",
        "ACQ.SELLER_BALANCE_NOT_ENOUGH" => "卖家余额不足",
        "ACQ.INVALID_PARAMETER" => "参数无效",
        _ => "系统错误",
    };
    Reply::business_failed(sub_code, msg)
}

fn node(fields: Vec<(&str, Value)>) -> Value {
    let mut map = Map::new();
    map.insert("code".into(), "10000".into());
    map.insert("msg".into(), "Success".into());
    for (k, v) in fields {
        map.insert(k.to_owned(), v);
    }
    Value::Object(map)
}

fn answer(fields: Vec<(&str, Value)>) -> Reply {
    Reply {
        node: node(fields),
        events: Vec::new(),
    }
}

/// The trade of a request: `trade_no` wins. Precreated trades nobody scanned are not found
/// (only `cancel` sees them).
fn find<'l>(ledger: &'l Ledger, biz: &Biz, with_unscanned: bool) -> Result<&'l Trade, Reply> {
    let (trade_no, out_trade_no) = biz.trade_key();
    biz.finish()?;
    let trade = match (&trade_no, &out_trade_no) {
        (Some(no), _) => ledger.trade(no),
        (None, Some(out)) => ledger.trade_by_out_trade_no(out),
        (None, None) => None,
    };
    trade
        .filter(|t| t.visible || with_unscanned)
        .ok_or_else(|| fail("ACQ.TRADE_NOT_EXIST"))
}

// ---- Opening trades --------------------------------------------------------------------------

fn product_of(method: &str) -> TradeProduct {
    match method {
        PAGE_PAY => TradeProduct::Page,
        WAP_PAY => TradeProduct::Wap,
        APP_PAY => TradeProduct::App,
        PAY => TradeProduct::BarCode,
        PRECREATE => TradeProduct::Precreate,
        _ => TradeProduct::Create,
    }
}

fn open(
    ledger: &mut Ledger,
    app_id: &str,
    method: &str,
    biz: &Biz,
    now: &str,
    delivery: &Delivery,
) -> Reply {
    let product = product_of(method);
    let out_trade_no = biz.required("out_trade_no", 64);
    let total = biz.amount("total_amount");
    let subject = biz.required("subject", 256);
    let body = biz.text("body", 128);
    let passback_params = biz.text("passback_params", 512);
    let product_code = biz.text("product_code", 64);
    let required_product = match product {
        TradeProduct::Page => Some("FAST_INSTANT_TRADE_PAY"),
        TradeProduct::Wap => Some("QUICK_WAP_WAY"),
        _ => None,
    };
    if let Some(code) = required_product
        && product_code.as_deref() != Some(code)
    {
        biz.broke(format!("product_code must be {code}"));
    }
    let auth_code = (product == TradeProduct::BarCode).then(|| biz.required("auth_code", 64));
    let buyer_id = if product == TradeProduct::Create {
        let id = biz.text("buyer_id", 28);
        if let Some(id) = &id
            && alipay_core::UserId::parse(id).is_err()
        {
            biz.broke(format!("buyer_id must be 2088 + 12 digits, not {id:?}"));
        }
        if id.is_none() && biz.text("buyer_open_id", 128).is_none() {
            biz.broke("one of buyer_id and buyer_open_id is required".to_owned());
        }
        id
    } else {
        None
    };
    if let Err(r) = biz.finish() {
        return r;
    }
    let content = format!("{method}|{total}|{subject}|{body:?}|{buyer_id:?}");

    if let Some(existing) = ledger.trade_by_out_trade_no(&out_trade_no) {
        if existing.content != content {
            return fail("ACQ.CONTEXT_INCONSISTENT");
        }
        return match existing.status {
            TradeStatus::Success | TradeStatus::Finished => {
                // The same trade.pay re-sent (same payment code): the same answer, paid once.
                if product == TradeProduct::BarCode && existing.auth_code == auth_code {
                    answer(pay_fields(ledger, existing))
                } else {
                    fail("ACQ.TRADE_HAS_SUCCESS")
                }
            }
            TradeStatus::Closed => fail("ACQ.TRADE_HAS_CLOSE"),
            TradeStatus::WaitBuyerPay => Reply {
                node: opened_node(ledger, existing),
                events: Vec::new(),
            },
        };
    }

    let mut buyer = buyer_id;
    if let Some(code) = &auth_code {
        let Some(owner) = ledger.payment_code_owner(code).map(str::to_owned) else {
            return fail("ACQ.PAYMENT_AUTH_CODE_INVALID");
        };
        let Some(account) = ledger.account(&owner) else {
            return fail("ACQ.PAYMENT_AUTH_CODE_INVALID");
        };
        if account.restricted {
            return fail("ACQ.BUYER_ENABLE_STATUS_FORBID");
        }
        if account.balance < total {
            return fail("ACQ.BUYER_BALANCE_NOT_ENOUGH");
        }
        if !ledger.can_credit(ledger.merchant_id(), total) {
            return fail("ACQ.SYSTEM_ERROR");
        }
        if ledger.redeem_payment_code(code).is_err() {
            return fail("ACQ.PAYMENT_AUTH_CODE_INVALID");
        }
        buyer = Some(owner);
    }
    let trade_no = ledger.new_trade_no(now);
    let qr_code = (product == TradeProduct::Precreate)
        .then(|| format!("https://qr.sandbox.alipay-rs.test/bax{trade_no}"));
    let trade = Trade {
        trade_no: trade_no.clone(),
        out_trade_no,
        app_id: app_id.to_owned(),
        product,
        subject,
        body,
        total,
        buyer_user_id: buyer.clone(),
        seller_id: ledger.merchant_id().to_owned(),
        status: TradeStatus::WaitBuyerPay,
        refunded: 0,
        gmt_create: now.to_owned(),
        gmt_payment: None,
        gmt_close: None,
        visible: product != TradeProduct::Precreate,
        qr_code,
        passback_params,
        notify: NotifyTarget {
            url: delivery.notify_url.clone(),
            sign_type: delivery.sign_type.clone(),
            charset: delivery.charset.clone(),
        },
        return_url: delivery.return_url.clone(),
        content,
        auth_code,
    };
    ledger.insert_trade(trade);
    if let (TradeProduct::BarCode, Some(buyer)) = (product, buyer) {
        if ledger.confirms_on_phone(&buyer) {
            // The buyer confirms on the phone (/cashier/confirm): the merchant polls query.
            return match ledger.trade(&trade_no) {
                Some(t) => Reply {
                    node: opened_node(ledger, t),
                    events: Vec::new(),
                },
                None => fail("ACQ.SYSTEM_ERROR"),
            };
        }
        let event = match ledger.settle(&trade_no, &buyer, now) {
            Ok(event) => event,
            // Checked above; a refusal here would be a sandbox bug, answered as one.
            Err(_) => return fail("ACQ.SYSTEM_ERROR"),
        };
        let fields = ledger.trade(&trade_no).map(|t| pay_fields(ledger, t));
        return match fields {
            Some(fields) => Reply {
                node: node(fields),
                events: vec![event],
            },
            None => fail("ACQ.SYSTEM_ERROR"),
        };
    }
    match ledger.trade(&trade_no) {
        Some(t) => Reply {
            node: opened_node(ledger, t),
            events: Vec::new(),
        },
        None => fail("ACQ.SYSTEM_ERROR"),
    }
}

/// The answer of the call that opened an unpaid trade.
fn opened_node(ledger: &Ledger, t: &Trade) -> Value {
    match t.product {
        TradeProduct::Precreate => node(vec![
            ("out_trade_no", json!(t.out_trade_no)),
            ("qr_code", json!(t.qr_code)),
        ]),
        // 10003: paid once the buyer confirms (no sub_code, like the gateway's).
        TradeProduct::BarCode => {
            let buyer = t.buyer_user_id.clone().unwrap_or_default();
            json!({
                "code": "10003",
                "msg": " order success pay inprocess",
                "trade_no": t.trade_no,
                "out_trade_no": t.out_trade_no,
                "buyer_logon_id": mask_logon(&ledger.logon_of(&buyer)),
                "buyer_user_id": buyer,
                "total_amount": yuan(t.total),
            })
        }
        _ => node(vec![
            ("out_trade_no", json!(t.out_trade_no)),
            ("trade_no", json!(t.trade_no)),
            ("total_amount", json!(yuan(t.total))),
            ("seller_id", json!(t.seller_id)),
        ]),
    }
}

/// What a paid trade.pay (and query) answer with.
fn pay_fields(ledger: &Ledger, t: &Trade) -> Vec<(&'static str, Value)> {
    let buyer = t.buyer_user_id.clone().unwrap_or_default();
    let paid = yuan(t.total);
    vec![
        ("trade_no", json!(t.trade_no)),
        ("out_trade_no", json!(t.out_trade_no)),
        (
            "buyer_logon_id",
            json!(mask_logon(&ledger.logon_of(&buyer))),
        ),
        ("buyer_user_id", json!(buyer)),
        ("total_amount", json!(paid)),
        ("receipt_amount", json!(paid)),
        ("buyer_pay_amount", json!(paid)),
        ("point_amount", json!(yuan(0))),
        ("invoice_amount", json!(paid)),
        ("gmt_payment", json!(t.gmt_payment)),
        (
            "fund_bill_list",
            json!([{"fund_channel": "ALIPAYACCOUNT", "amount": paid}]),
        ),
    ]
}

// ---- Reading trades --------------------------------------------------------------------------

fn query(ledger: &Ledger, biz: &Biz) -> Reply {
    let t = match find(ledger, biz, false) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let mut fields = vec![
        ("trade_no", json!(t.trade_no)),
        ("out_trade_no", json!(t.out_trade_no)),
        ("trade_status", json!(t.status.as_str())),
        ("total_amount", json!(yuan(t.total))),
        ("subject", json!(t.subject)),
    ];
    if let Some(buyer) = &t.buyer_user_id {
        fields.push(("buyer_user_id", json!(buyer)));
        fields.push(("buyer_logon_id", json!(mask_logon(&ledger.logon_of(buyer)))));
    }
    if let Some(paid_at) = &t.gmt_payment {
        let paid = yuan(t.total);
        fields.extend([
            ("buyer_pay_amount", json!(paid)),
            ("receipt_amount", json!(paid)),
            ("point_amount", json!(yuan(0))),
            ("invoice_amount", json!(paid)),
            ("send_pay_date", json!(paid_at)),
            (
                "fund_bill_list",
                json!([{"fund_channel": "ALIPAYACCOUNT", "amount": paid}]),
            ),
        ]);
    }
    answer(fields)
}

fn refund_query(ledger: &Ledger, biz: &Biz) -> Reply {
    let out_request_no = biz.required("out_request_no", 64);
    let t = match find(ledger, biz, false) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let found = ledger
        .trade_refunds()
        .iter()
        .find(|r| r.trade_no == t.trade_no && r.out_request_no == out_request_no);
    // Not found: success without refund_status (the docs: not refunded, or not yet).
    let Some(r) = found else {
        return answer(Vec::new());
    };
    let mut fields = vec![
        ("trade_no", json!(t.trade_no)),
        ("out_trade_no", json!(t.out_trade_no)),
        ("out_request_no", json!(r.out_request_no)),
        ("total_amount", json!(yuan(t.total))),
        ("refund_amount", json!(yuan(r.amount))),
        ("refund_status", json!("REFUND_SUCCESS")),
        ("gmt_refund_pay", json!(r.gmt_refund)),
    ];
    if let Some(reason) = &r.reason {
        fields.push(("refund_reason", json!(reason)));
    }
    answer(fields)
}

fn orderinfo_sync(ledger: &Ledger, biz: &Biz) -> Reply {
    biz.required("trade_no", 64);
    biz.required("out_request_no", 64);
    biz.required("biz_type", 64);
    let t = match find(ledger, biz, false) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let mut fields = vec![
        ("trade_no", json!(t.trade_no)),
        ("out_trade_no", json!(t.out_trade_no)),
    ];
    if let Some(buyer) = &t.buyer_user_id {
        fields.push(("buyer_user_id", json!(buyer)));
    }
    answer(fields)
}

// ---- Changing trades -------------------------------------------------------------------------

fn refund(ledger: &mut Ledger, biz: &Biz, now: &str) -> Reply {
    let amount = biz.amount("refund_amount");
    let out_request_no = biz.text("out_request_no", 64);
    let reason = biz.text("refund_reason", 256);
    let t = match find(ledger, biz, false) {
        Ok(t) => t.clone(),
        Err(r) => return r,
    };
    let out_request_no = out_request_no.unwrap_or_else(|| t.out_trade_no.clone());
    let key = format!("refund|{}|{out_request_no}", t.trade_no);
    match ledger.replay(&key, &amount.to_string()) {
        Ok(Some(mut first)) => {
            first["fund_change"] = json!("N");
            return Reply {
                node: first,
                events: Vec::new(),
            };
        }
        Ok(None) => {}
        Err(()) => return fail("ACQ.DISCORDANT_REPEAT_REQUEST"),
    }
    match t.status {
        TradeStatus::Success => {}
        TradeStatus::WaitBuyerPay => return fail("ACQ.TRADE_STATUS_ERROR"),
        TradeStatus::Closed => return fail("ACQ.TRADE_HAS_CLOSE"),
        TradeStatus::Finished => return fail("ACQ.TRADE_HAS_FINISHED"),
    }
    if amount > t.refundable() {
        return fail("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");
    }
    let buyer = t.buyer_user_id.clone().unwrap_or_default();
    if ledger.balance(&t.seller_id).unwrap_or(0) < amount {
        return fail("ACQ.SELLER_BALANCE_NOT_ENOUGH");
    }
    if !ledger.can_credit(&buyer, amount) || ledger.debit(&t.seller_id, amount).is_err() {
        return fail("ACQ.SYSTEM_ERROR");
    }
    ledger.credit(&buyer, amount);
    let record = TradeRefund {
        trade_no: t.trade_no.clone(),
        out_trade_no: t.out_trade_no.clone(),
        out_request_no,
        amount,
        reason,
        gmt_refund: now.to_owned(),
    };
    let Some(updated) = ledger.trade_mut(&t.trade_no) else {
        return fail("ACQ.SYSTEM_ERROR");
    };
    updated.refunded += amount;
    if updated.refunded == updated.total {
        updated.status = TradeStatus::Closed;
        updated.gmt_close = Some(now.to_owned());
    }
    let updated = updated.clone();
    let event = ledger.trade_event(&updated, Some(&record));
    ledger.trades.refunds.push(record);
    let reply = Reply {
        node: node(vec![
            ("trade_no", json!(updated.trade_no)),
            ("out_trade_no", json!(updated.out_trade_no)),
            (
                "buyer_logon_id",
                json!(mask_logon(&ledger.logon_of(&buyer))),
            ),
            ("buyer_user_id", json!(buyer)),
            ("fund_change", json!("Y")),
            ("refund_fee", json!(yuan(updated.refunded))),
            ("gmt_refund_pay", json!(now)),
        ]),
        events: vec![event],
    };
    ledger.remember(&[key], &amount.to_string(), &reply);
    reply
}

fn close(ledger: &mut Ledger, biz: &Biz, now: &str) -> Reply {
    biz.text("operator_id", 28);
    let t = match find(ledger, biz, false) {
        Ok(t) => t.clone(),
        Err(r) => return r,
    };
    if t.status != TradeStatus::WaitBuyerPay {
        return fail("ACQ.TRADE_STATUS_ERROR");
    }
    let events = close_unpaid(ledger, &t.trade_no, now);
    Reply {
        node: node(vec![
            ("trade_no", json!(t.trade_no)),
            ("out_trade_no", json!(t.out_trade_no)),
        ]),
        events,
    }
}

/// Closes an unpaid trade; the `TRADE_CLOSED` notification unless nobody ever saw it (an
/// unscanned precreate).
fn close_unpaid(ledger: &mut Ledger, trade_no: &str, now: &str) -> Vec<crate::NotifyEvent> {
    let Some(t) = ledger.trade_mut(trade_no) else {
        return Vec::new();
    };
    t.status = TradeStatus::Closed;
    t.gmt_close = Some(now.to_owned());
    let t = t.clone();
    if t.visible {
        vec![ledger.trade_event(&t, None)]
    } else {
        Vec::new()
    }
}

fn cancel(ledger: &mut Ledger, biz: &Biz, now: &str) -> Reply {
    let t = match find(ledger, biz, true) {
        Ok(t) => t.clone(),
        Err(r) => return r,
    };
    let mut fields = vec![
        ("trade_no", json!(t.trade_no)),
        ("out_trade_no", json!(t.out_trade_no)),
        ("retry_flag", json!("N")),
    ];
    let events = match t.status {
        TradeStatus::WaitBuyerPay => {
            fields.push(("action", json!("close")));
            close_unpaid(ledger, &t.trade_no, now)
        }
        TradeStatus::Success => {
            let amount = t.refundable();
            let buyer = t.buyer_user_id.clone().unwrap_or_default();
            if ledger.balance(&t.seller_id).unwrap_or(0) < amount {
                return fail("ACQ.SELLER_BALANCE_NOT_ENOUGH");
            }
            if !ledger.can_credit(&buyer, amount) || ledger.debit(&t.seller_id, amount).is_err() {
                return fail("ACQ.SYSTEM_ERROR");
            }
            ledger.credit(&buyer, amount);
            let Some(updated) = ledger.trade_mut(&t.trade_no) else {
                return fail("ACQ.SYSTEM_ERROR");
            };
            updated.refunded = updated.total;
            updated.status = TradeStatus::Closed;
            updated.gmt_close = Some(now.to_owned());
            let updated = updated.clone();
            fields.push(("action", json!("refund")));
            fields.push(("gmt_refund_pay", json!(now)));
            fields.push(("refund_settlement_id", json!(updated.trade_no)));
            vec![ledger.trade_event(&updated, None)]
        }
        // Already closed: nothing to do, no action.
        TradeStatus::Closed => Vec::new(),
        TradeStatus::Finished => return fail("ACQ.TRADE_STATUS_ERROR"),
    };
    Reply {
        node: node(fields),
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{DEMO_MERCHANT, DEMO_USERS};

    const APP: &str = "2021000000000001";
    const NOW: &str = "2026-11-22 10:00:00";
    const ALICE: &str = DEMO_USERS[0].0;
    const CAROL: &str = DEMO_USERS[2].0;

    fn call(l: &mut Ledger, method: &str, biz: Value) -> Reply {
        l.handle_trade(APP, method, &biz.to_string(), NOW, &Delivery::default())
    }

    fn sub(r: &Reply) -> &str {
        r.sub_code().unwrap_or(r.code())
    }

    fn barcode(l: &mut Ledger, out: &str, amount: &str, buyer: &str) -> Reply {
        let code = l.issue_payment_code(buyer).unwrap();
        call(
            l,
            PAY,
            json!({"out_trade_no": out, "total_amount": amount, "subject": "s", "auth_code": code, "scene": "bar_code"}),
        )
    }

    #[test]
    fn pay_refund_and_replays_conserve_money() {
        let mut l = Ledger::with_demo_data();
        let money = l.total_money();
        let alice = l.balance(ALICE).unwrap();
        let paid = barcode(&mut l, "P1", "10.00", ALICE);
        assert_eq!(paid.code(), "10000", "{}", paid.node);
        assert_eq!(paid.events.len(), 1);
        assert_eq!(l.balance(ALICE), Some(alice - 1_000));
        let r1 = json!({"out_trade_no": "P1", "refund_amount": "3.00", "out_request_no": "R1"});
        let first = call(&mut l, REFUND, r1.clone());
        assert_eq!(first.field("fund_change"), Some("Y"));
        assert_eq!(first.field("refund_fee"), Some("3.00"));
        let again = call(&mut l, REFUND, r1);
        assert_eq!(again.field("fund_change"), Some("N"));
        assert!(again.events.is_empty());
        assert_eq!(l.balance(ALICE), Some(alice - 700));
        let other = json!({"out_trade_no": "P1", "refund_amount": "4.00", "out_request_no": "R1"});
        assert_eq!(
            sub(&call(&mut l, REFUND, other)),
            "ACQ.DISCORDANT_REPEAT_REQUEST"
        );
        let over = json!({"out_trade_no": "P1", "refund_amount": "7.01", "out_request_no": "R2"});
        assert_eq!(
            sub(&call(&mut l, REFUND, over)),
            "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"
        );
        let rest = json!({"out_trade_no": "P1", "refund_amount": "7.00", "out_request_no": "R3"});
        let closed = call(&mut l, REFUND, rest);
        assert_eq!(closed.events[0].get("trade_status"), Some("TRADE_CLOSED"));
        let q = call(&mut l, QUERY, json!({"out_trade_no": "P1"}));
        assert_eq!(q.field("trade_status"), Some("TRADE_CLOSED"));
        assert_eq!(l.balance(ALICE), Some(alice));
        assert_eq!(l.total_money(), money);
    }

    #[test]
    fn payment_code_and_balance_errors() {
        let mut l = Ledger::with_demo_data();
        let bad = json!({"out_trade_no": "P2", "total_amount": "1.00", "subject": "s", "auth_code": "281234567890123456"});
        assert_eq!(
            sub(&call(&mut l, PAY, bad)),
            "ACQ.PAYMENT_AUTH_CODE_INVALID"
        );
        assert_eq!(
            sub(&barcode(&mut l, "P3", "10.01", CAROL)),
            "ACQ.BUYER_BALANCE_NOT_ENOUGH"
        );
        assert!(l.trade_by_out_trade_no("P3").is_none());
    }

    #[test]
    fn precreate_is_invisible_until_scanned_and_cancel_closes_it() {
        let mut l = Ledger::with_demo_data();
        let pre = json!({"out_trade_no": "Q1", "total_amount": "1.00", "subject": "s"});
        let r = call(&mut l, PRECREATE, pre.clone());
        assert!(
            r.field("qr_code")
                .is_some_and(|q| q.starts_with("https://"))
        );
        assert_eq!(call(&mut l, PRECREATE, pre).node, r.node);
        assert_eq!(
            sub(&call(&mut l, QUERY, json!({"out_trade_no": "Q1"}))),
            "ACQ.TRADE_NOT_EXIST"
        );
        let c = call(&mut l, CANCEL, json!({"out_trade_no": "Q1"}));
        assert_eq!(c.field("action"), Some("close"));
        assert!(c.events.is_empty());
        let changed = json!({"out_trade_no": "Q1", "total_amount": "2.00", "subject": "s"});
        assert_eq!(
            sub(&call(&mut l, PRECREATE, changed)),
            "ACQ.CONTEXT_INCONSISTENT"
        );
    }

    #[test]
    fn cancel_refunds_a_paid_trade_and_close_refuses_it() {
        let mut l = Ledger::with_demo_data();
        let merchant = l.balance(DEMO_MERCHANT).unwrap();
        barcode(&mut l, "P4", "5.00", ALICE);
        assert_eq!(
            sub(&call(&mut l, CLOSE, json!({"out_trade_no": "P4"}))),
            "ACQ.TRADE_STATUS_ERROR"
        );
        let c = call(&mut l, CANCEL, json!({"out_trade_no": "P4"}));
        assert_eq!(c.field("action"), Some("refund"));
        assert_eq!(l.balance(DEMO_MERCHANT), Some(merchant));
        let again = call(&mut l, CANCEL, json!({"out_trade_no": "P4"}));
        assert_eq!(again.field("action"), None);
        assert_eq!(again.code(), "10000");
    }

    #[test]
    fn invalid_requests_are_40002() {
        let mut l = Ledger::with_demo_data();
        let r = call(
            &mut l,
            PRECREATE,
            json!({"total_amount": "0.001", "subject": "s"}),
        );
        assert_eq!(r.code(), "40002");
        let msg = r.sub_msg().unwrap_or("");
        assert!(
            msg.contains("out_trade_no") && msg.contains("total_amount"),
            "{msg}"
        );
        assert_eq!(call(&mut l, QUERY, json!({})).code(), "40002");
        assert!(crate::trade::fund_bill_list(100).contains("ALIPAYACCOUNT"));
    }
}
