//! The buyer's side of the trade family (`alipay.trade.*`) over HTTP, and where its
//! `trade_status_sync` notifications go.
//!
//! * page.pay / wap.pay from a browser: the cashier page, whose form POSTs to `/cashier/pay`
//!   (`out_trade_no`, `buyer_user_id`); paying redirects to the call's `return_url` with the
//!   signed synchronous return (`method=alipay.trade.page.pay.return`, resp. `wap`).
//! * `POST /cashier/scan {"qr_code","buyer_user_id"}` pays a precreated trade.
//! * `POST /cashier/payment-code {"buyer_user_id"}` -> `{"auth_code"}` for `alipay.trade.pay`.
//! * `POST /cashier/confirm {"out_trade_no","buyer_user_id"}` completes a `trade.pay` that
//!   answered `10003`.
//! * `POST /cashier/trade-pay {"trade_no","buyer_user_id"}` pays a `trade.create` order.
//! * `/cashier/app-pay` pays `alipay.trade.app.pay` order strings too.
//!
//! Notifications go to the `notify_url` of the call that opened the trade (kept in the
//! journaled ledger, so they survive a restart), signed with that call's `sign_type` and
//! charset, whichever call or buyer action raised them.

use std::collections::BTreeMap;

use alipay_core::gateway::sign_notification;
use alipay_core::html::escape;
use alipay_core::protocol::Timestamp;
use alipay_core::{Charset, SignType};
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Response, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::admin::{Refused, error, json_response, parse_json};
use super::cashier::{html_page, is_web_url, location, payer_options, reply_error, reply_refusal};
use super::gateway::Call;
use super::{State, notify};
use crate::NotifyEvent;
use crate::ledger::{LedgerError, yuan};
use crate::trade::{BuyerAction, Trade, TradeProduct};

/// The page APIs whose browser calls get the cashier page.
pub(super) fn is_page(method: &str) -> bool {
    matches!(method, "alipay.trade.page.pay" | "alipay.trade.wap.pay")
}

/// Sends trade notifications (with their index in the command that raised them) to the
/// trade's own `notify_url`.
pub(super) fn notify_trade_events(state: &State, seq: u64, events: Vec<(usize, &NotifyEvent)>) {
    for (i, event) in events {
        let Some(out_trade_no) = event.get("out_trade_no") else {
            continue;
        };
        let target = state.books(|b| {
            b.ledger()
                .trade_by_out_trade_no(out_trade_no)
                .map(|t| t.notify.clone())
        });
        let Some(target) = target else { continue };
        let Some(url) = target.url else { continue };
        let sign_type: SignType = target.sign_type.parse().unwrap_or_default();
        let charset: Charset = target.charset.parse().unwrap_or_default();
        let id = notify::notify_id(seq, i);
        let key = state.signing_key(target.cert_mode);
        let signing = notify::Signing {
            key: &key,
            sign_type,
            encoding: charset,
            declared: charset,
        };
        if let Some(body) = notify::body(event, &id, &signing) {
            notify::deliver(url, body, charset);
        }
    }
}

/// What the buyer's side answers about a trade.
fn trade_json(t: &Trade) -> Value {
    json!({
        "trade_no": t.trade_no,
        "out_trade_no": t.out_trade_no,
        "trade_status": t.status.as_str(),
        "total_amount": yuan(t.total),
        "buyer_user_id": t.buyer_user_id,
        "notify_url": t.notify.url,
    })
}

/// Journals a buyer's payment, sends its notification, answers the trade.
fn buyer_pays(
    state: &State,
    action: BuyerAction,
    key: &str,
    buyer_user_id: &str,
) -> Result<Trade, LedgerError> {
    let now = Timestamp::now();
    let (seq, event) = state.books(|b| b.buyer_pays(action, key, buyer_user_id, now.as_str()))?;
    notify_trade_events(state, seq, vec![(0, &event)]);
    let out_trade_no = event.get("out_trade_no").unwrap_or_default();
    state
        .books(|b| b.ledger().trade_by_out_trade_no(out_trade_no).cloned())
        .ok_or_else(|| LedgerError::UnknownOrder(out_trade_no.to_owned()))
}

fn paid_json(paid: Result<Trade, LedgerError>) -> Response<Full<Bytes>> {
    match paid {
        Ok(t) => json_response(StatusCode::OK, &trade_json(&t)),
        Err(e) => Refused::ledger(&e).json(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PaymentCodeBody {
    buyer_user_id: String,
}

/// `POST /cashier/payment-code {"buyer_user_id"}` -> `{"auth_code","buyer_user_id"}`.
pub(super) fn payment_code(state: &State, body: &[u8]) -> Response<Full<Bytes>> {
    let asked: PaymentCodeBody = match parse_json(body) {
        Ok(b) => b,
        Err(refused) => return refused.json(),
    };
    match state.books(|b| b.issue_payment_code(&asked.buyer_user_id)) {
        Ok(code) => json_response(
            StatusCode::OK,
            &json!({"auth_code": code, "buyer_user_id": asked.buyer_user_id}),
        ),
        Err(e) => Refused::ledger(&e).json(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfirmBody {
    out_trade_no: String,
    buyer_user_id: String,
}

/// `POST /cashier/confirm {"out_trade_no","buyer_user_id"}`.
pub(super) fn confirm(state: &State, body: &[u8]) -> Response<Full<Bytes>> {
    match parse_json::<ConfirmBody>(body) {
        Ok(c) => paid_json(buyer_pays(
            state,
            BuyerAction::Confirm,
            &c.out_trade_no,
            &c.buyer_user_id,
        )),
        Err(refused) => refused.json(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TradePayBody {
    trade_no: String,
    buyer_user_id: String,
}

/// `POST /cashier/trade-pay {"trade_no","buyer_user_id"}`.
pub(super) fn trade_pay(state: &State, body: &[u8]) -> Response<Full<Bytes>> {
    match parse_json::<TradePayBody>(body) {
        Ok(p) => paid_json(buyer_pays(
            state,
            BuyerAction::TradePay,
            &p.trade_no,
            &p.buyer_user_id,
        )),
        Err(refused) => refused.json(),
    }
}

/// `/cashier/scan` of a precreated trade's `qr_code`; `None` when no trade has this code
/// (the caller then tries voucher codes).
pub(super) fn scan(
    state: &State,
    qr_code: &str,
    buyer_user_id: &str,
) -> Option<Response<Full<Bytes>>> {
    let known = state.books(|b| {
        b.ledger()
            .trades()
            .any(|t| t.qr_code.as_deref() == Some(qr_code))
    });
    known.then(|| paid_json(buyer_pays(state, BuyerAction::Scan, qr_code, buyer_user_id)))
}

/// `/cashier/app-pay` with an `alipay.trade.app.pay` order string: opens the trade with the
/// order string's `notify_url`, then `payer` pays it.
pub(super) fn app_pay(state: &State, call: &Call<'_>, payer: &str) -> Response<Full<Bytes>> {
    let now = Timestamp::now();
    let (_, reply) = state.books(|b| {
        b.handle_trade(
            &call.app_id,
            &call.method,
            &call.biz_content,
            now.as_str(),
            &call.delivery(),
        )
    });
    if !reply.is_success() {
        let (status, text) = reply_refusal(&reply);
        return reply_error(status, &text, &reply);
    }
    let trade_no = reply.field("trade_no").unwrap_or_default().to_owned();
    paid_json(buyer_pays(state, BuyerAction::TradePay, &trade_no, payer))
}

// ---- page.pay / wap.pay ------------------------------------------------------------------------

/// A page.pay / wap.pay call from a browser that passed the gateway's checks: opens the trade
/// (the same call again opens nothing new) and answers the cashier page.
pub(super) fn page(state: &State, call: &Call<'_>) -> Response<Full<Bytes>> {
    let now = Timestamp::now();
    let opened = state.books(|b| {
        let (_, reply) = b.handle_trade(
            &call.app_id,
            &call.method,
            &call.biz_content,
            now.as_str(),
            &call.delivery(),
        );
        if !reply.is_success() {
            return Err(reply);
        }
        let l = b.ledger();
        let trade = reply.field("trade_no").and_then(|no| l.trade(no)).cloned();
        let users: Vec<_> = l
            .accounts()
            .filter(|a| a.user_id != l.merchant_id())
            .cloned()
            .collect();
        Ok((trade, users))
    });
    let (trade, users) = match opened {
        Ok((Some(t), users)) => (t, users),
        Ok((None, _)) => {
            return html_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Cashier error",
                "<p>The trade was opened but cannot be found in the ledger.</p>",
            );
        }
        Err(reply) => {
            let (status, text) = reply_refusal(&reply);
            return html_page(
                status,
                "Order refused",
                &format!("<p class=\"error\">{}</p>", escape(&text)),
            );
        }
    };
    let options = payer_options(&users);
    let body = format!(
        "<p class=\"title\">{subject}</p>\n\
         <p class=\"amount\">¥ <span id=\"total_amount\">{amount}</span></p>\n\
         <dl>\n<dt>out_trade_no</dt><dd id=\"out_trade_no\">{out_trade_no}</dd>\n\
         <dt>trade_no</dt><dd id=\"trade_no\">{trade_no}</dd>\n\
         <dt>app_id</dt><dd>{app_id}</dd>\n</dl>\n\
         <form id=\"pay\" method=\"POST\" action=\"/cashier/pay\" accept-charset=\"utf-8\">\n\
         <input type=\"hidden\" name=\"out_trade_no\" value=\"{out_trade_no}\"/>\n\
         <input type=\"hidden\" name=\"cashier_token\" value=\"{token}\"/>\n\
         <label>Pay as <select name=\"buyer_user_id\">\n{options}</select></label>\n\
         <button type=\"submit\">Pay</button>\n</form>",
        subject = escape(&trade.subject),
        amount = yuan(trade.total),
        out_trade_no = escape(&trade.out_trade_no),
        trade_no = escape(&trade.trade_no),
        app_id = escape(&trade.app_id),
        token = super::guard::cashier_token(state, &trade.out_trade_no),
    );
    html_page(StatusCode::OK, "Alipay sandbox cashier", &body)
}

/// `/cashier/pay` of a page.pay / wap.pay trade (the form has `out_trade_no`): pays, then
/// redirects to the trade's `return_url` with the signed synchronous return, or shows a
/// "paid" page when the call had none.
pub(super) fn pay_page(state: &State, form: &BTreeMap<String, String>) -> Response<Full<Bytes>> {
    let field = |name: &str| form.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let out_trade_no = field("out_trade_no").unwrap_or_default();
    let Some(buyer) = field("buyer_user_id").or_else(|| field("payer_user_id")) else {
        return html_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "<p class=\"error\">out_trade_no and buyer_user_id are required.</p>",
        );
    };
    let trade_no = state.books(|b| {
        b.ledger()
            .trade_by_out_trade_no(out_trade_no)
            .filter(|t| matches!(t.product, TradeProduct::Page | TradeProduct::Wap))
            .map(|t| t.trade_no.clone())
    });
    let paid = match trade_no {
        Some(no) => buyer_pays(state, BuyerAction::TradePay, &no, buyer),
        None => Err(LedgerError::UnknownOrder(out_trade_no.to_owned())),
    };
    let trade = match paid {
        Ok(t) => t,
        Err(e) => {
            return html_page(
                super::admin::ledger_status(&e),
                "Payment refused",
                &format!("<p class=\"error\">{}</p>", escape(&e.to_string())),
            );
        }
    };
    let Some(url) = trade.return_url.as_deref().filter(|u| is_web_url(u)) else {
        return html_page(
            StatusCode::OK,
            "Paid",
            &format!(
                "<p>Paid {} for {} (out_trade_no <span id=\"out_trade_no\">{}</span>, trade_no \
                 <span id=\"trade_no\">{}</span>, trade_status <span id=\"trade_status\">{}</span>).</p>",
                yuan(trade.total),
                escape(&trade.subject),
                escape(&trade.out_trade_no),
                escape(&trade.trade_no),
                trade.status.as_str(),
            ),
        );
    };
    match signed_return(state, &trade) {
        Ok(query) => {
            let sep = if url.contains('?') { '&' } else { '?' };
            let mut resp = Response::new(Full::new(Bytes::new()));
            *resp.status_mut() = StatusCode::FOUND;
            match hyper::header::HeaderValue::from_str(&location(&format!("{url}{sep}{query}"))) {
                Ok(v) => {
                    resp.headers_mut().insert(hyper::header::LOCATION, v);
                    resp
                }
                Err(_) => error(
                    StatusCode::BAD_REQUEST,
                    "paid, but the return_url cannot be a Location header",
                ),
            }
        }
        Err(why) => html_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Paid, cannot sign the return",
            &format!("<p class=\"error\">Paid, but {}</p>", escape(&why)),
        ),
    }
}

/// The synchronous return of the official docs (page.pay "同步通知参数"): `out_trade_no`,
/// `trade_no`, `total_amount`, `seller_id`, `auth_app_id`, `app_id`, `method`, `charset`,
/// `version`, `timestamp`, signed like a notification so `verify_notification` checks it.
fn signed_return(state: &State, t: &Trade) -> Result<String, String> {
    let method = format!("{}.return", t.product.method());
    let sign_type: SignType = t.notify.sign_type.parse().unwrap_or_default();
    let charset: Charset = t.notify.charset.parse().unwrap_or_default();
    let params = [
        ("app_id", t.app_id.clone()),
        ("auth_app_id", t.app_id.clone()),
        ("method", method),
        ("version", "1.0".to_owned()),
        ("timestamp", Timestamp::now().as_str().to_owned()),
        ("out_trade_no", t.out_trade_no.clone()),
        ("trade_no", t.trade_no.clone()),
        ("total_amount", yuan(t.total)),
        ("seller_id", t.seller_id.clone()),
    ];
    // Signed like the page.pay call's answer would be (certificate mode: the Alipay
    // certificate's key).
    let key = state.signing_key(t.notify.cert_mode);
    sign_notification(params, &key, sign_type, charset).map_err(|e| e.to_string())
}

// ---- admin -------------------------------------------------------------------------------------

/// `POST /admin/trades/{out_trade_no}/finish`: the refund period of a paid trade is over
/// (`TRADE_FINISHED`, notified).
pub(super) fn finish(state: &State, out_trade_no: &str) -> Result<Value, Refused> {
    let (seq, event) = state
        .books(|b| b.finish_trade(out_trade_no))
        .map_err(|e| Refused::ledger(&e))?;
    notify_trade_events(state, seq, vec![(0, &event)]);
    state
        .books(|b| {
            b.ledger()
                .trade_by_out_trade_no(out_trade_no)
                .map(trade_json)
        })
        .ok_or_else(|| Refused::ledger(&LedgerError::UnknownOrder(out_trade_no.to_owned())))
}

/// `/admin/ledger` plus `trades` and `trade_refunds`.
pub(super) fn with_trades(mut ledger_json: Value, l: &crate::Ledger) -> Value {
    let trades: Vec<Value> = l
        .trades()
        .map(|t| {
            json!({
                "trade_no": t.trade_no,
                "out_trade_no": t.out_trade_no,
                "app_id": t.app_id,
                "method": t.product.method(),
                "subject": t.subject,
                "total_amount": yuan(t.total),
                "refunded": yuan(t.refunded),
                "trade_status": t.status.as_str(),
                "buyer_user_id": t.buyer_user_id,
                "seller_id": t.seller_id,
                "scanned": t.visible,
                "qr_code": t.qr_code,
                "gmt_create": t.gmt_create,
                "gmt_payment": t.gmt_payment,
                "gmt_close": t.gmt_close,
            })
        })
        .collect();
    let refunds: Vec<Value> = l
        .trade_refunds()
        .iter()
        .map(|r| {
            json!({
                "trade_no": r.trade_no,
                "out_trade_no": r.out_trade_no,
                "out_request_no": r.out_request_no,
                "refund_amount": yuan(r.amount),
                "refund_reason": r.reason,
                "gmt_refund_pay": r.gmt_refund,
            })
        })
        .collect();
    if let Some(map) = ledger_json.as_object_mut() {
        map.insert("trades".into(), json!(trades));
        map.insert("trade_refunds".into(), json!(refunds));
    }
    ledger_json
}
