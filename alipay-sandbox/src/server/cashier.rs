//! The user's side over HTTP: a simulated Alipay cashier.
//!
//! * A page.pay call reaching `/gateway.do` from a browser (following `page_execute_url`, or
//!   submitting `page_execute_form`, with an `Accept` that names `text/html`) passes the
//!   gateway's checks, opens the pending order and is answered with an HTML cashier page
//!   whose form POSTs to `/cashier/pay`.
//! * `/cashier/pay` pays it and redirects to the call's `return_url` with a signed
//!   synchronous return.
//! * `/cashier/app-pay` takes an app.pay order string (what `sdk_execute` returns), checks it
//!   like the gateway, opens the order and pays it in one go.
//! * `/cashier/scan` is a user scanning a voucher.create QR code; the `fund_auth_freeze`
//!   notification goes to the voucher.create call's `notify_url`.
//!
//! Every change goes through the journaled [`Books`](crate::Books) helpers.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::TimedBody;
use alipay_core::gateway::sign_notification;
use alipay_core::html::escape;
use alipay_core::protocol::Timestamp;
use alipay_core::{Charset, SignType};
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Method, Request, Response, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::admin::{Refused, error, json_response, ledger_status, read_body};
use super::gateway::{self, Answered, Call};
use super::{State, notify, trade_cashier};
use crate::ledger::{Account, LedgerError, RedPacket, Status, yuan};
use crate::{NotifyEvent, Reply};

/// The page API whose calls to `/gateway.do` get the cashier page.
pub(super) const PAGE_PAY: &str = "alipay.fund.coupon.order.page.pay";
const APP_PAY: &str = "alipay.fund.coupon.order.app.pay";
const TRADE_APP_PAY: &str = "alipay.trade.app.pay";
const VOUCHER_CREATE: &str = "alipay.fund.auth.order.voucher.create";
/// `method` of the signed synchronous return (like `alipay.trade.page.pay.return`).
const PAGE_PAY_RETURN: &str = "alipay.fund.coupon.order.page.pay.return";

/// What the cashier remembers between calls, in memory only (lost on restart: returns are
/// then signed RSA2 / utf-8 and voucher scans notify nobody).
#[derive(Default)]
pub(super) struct Memory {
    inner: Mutex<Remembered>,
}

#[derive(Default)]
struct Remembered {
    /// page.pay orders by `out_order_no`: how their synchronous return is signed.
    pages: BTreeMap<String, Signing>,
    /// voucher.create orders by `out_order_no`: the call's `notify_url` and signing.
    vouchers: BTreeMap<String, (String, Signing)>,
}

/// The `sign_type` and `charset` of the call that created an order, and whether it came in
/// certificate mode (its notifications are then signed with the current Alipay
/// certificate's key).
#[derive(Clone, Copy, Default)]
struct Signing {
    sign_type: SignType,
    charset: Charset,
    cert_mode: bool,
}

impl Memory {
    fn with<R>(&self, f: impl FnOnce(&mut Remembered) -> R) -> R {
        f(&mut self.inner.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Serves one `/cashier/...` request.
pub(super) async fn serve(state: &State, req: Request<TimedBody>) -> Response<Full<Bytes>> {
    let path = req.uri().path().to_owned();
    let known = matches!(
        path.as_str(),
        "/cashier/pay"
            | "/cashier/app-pay"
            | "/cashier/scan"
            | "/cashier/payment-code"
            | "/cashier/confirm"
            | "/cashier/trade-pay"
    );
    if !known {
        return error(
            StatusCode::NOT_FOUND,
            &format!(
                "no cashier route {path}; try POST /cashier/pay, /cashier/app-pay, /cashier/scan, \
                 /cashier/payment-code, /cashier/confirm or /cashier/trade-pay"
            ),
        );
    }
    if req.method() != Method::POST {
        return error(
            StatusCode::METHOD_NOT_ALLOWED,
            &format!("{path} answers POST only, not {}", req.method()),
        );
    }
    match path.as_str() {
        "/cashier/pay" => pay(state, req).await,
        "/cashier/app-pay" => app_pay(state, req).await,
        "/cashier/scan" => scan(state, req).await,
        _ => {
            let body = match read_body(req).await {
                Ok(b) => b,
                Err(refused) => return refused.json(),
            };
            match path.as_str() {
                "/cashier/payment-code" => trade_cashier::payment_code(state, &body),
                "/cashier/confirm" => trade_cashier::confirm(state, &body),
                _ => trade_cashier::trade_pay(state, &body),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// page.pay
// ---------------------------------------------------------------------------------------------

/// Whether the request comes from a browser: its `Accept` names `text/html` (programs that
/// GET a page URL without asking for HTML keep getting the signed JSON node).
pub(super) fn wants_html(headers: &hyper::HeaderMap) -> bool {
    headers
        .get_all(hyper::header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("text/html"))
}

/// A page.pay call that passed the gateway's checks: opens the pending order (a replay of
/// the same call opens nothing new) and answers the cashier page.
pub(super) fn page(
    state: &State,
    call: &Call<'_>,
    query: &[u8],
    body: &[u8],
) -> Response<Full<Bytes>> {
    let params = call_params(query, body);
    let now = Timestamp::now();
    let opened = state.books(|b| {
        let reply =
            b.create_pending_order(&call.app_id, &call.method, &call.biz_content, now.as_str());
        if !reply.is_success() {
            return Err(reply);
        }
        let l = b.ledger();
        let packet = reply
            .field("auth_no")
            .and_then(|a| l.red_packet(a))
            .cloned();
        let users: Vec<Account> = l
            .accounts()
            .filter(|a| a.user_id != l.merchant_id())
            .cloned()
            .collect();
        Ok((packet, users))
    });
    let (packet, users) = match opened {
        Ok((Some(packet), users)) => (packet, users),
        Ok((None, _)) => {
            return html_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Cashier error",
                "<p>The order was opened but cannot be found in the ledger.</p>",
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
    if packet.status != Status::Init {
        return html_page(
            StatusCode::CONFLICT,
            "Already paid",
            &format!(
                "<p class=\"error\">{}</p>",
                escape(&LedgerError::AlreadyPaid(packet.out_order_no.clone()).to_string())
            ),
        );
    }
    state.cashier.with(|m| {
        m.pages
            .insert(packet.out_order_no.clone(), signing_of(&params))
    });
    let return_url = params.get("return_url").map(String::as_str).unwrap_or("");
    let options = payer_options(&users);
    let body = format!(
        "<p class=\"title\">{title}</p>\n\
         <p class=\"amount\">¥ <span id=\"amount\">{amount}</span></p>\n\
         <dl>\n<dt>out_order_no</dt><dd id=\"out_order_no\">{out_order_no}</dd>\n\
         <dt>auth_no</dt><dd id=\"auth_no\">{auth_no}</dd>\n\
         <dt>app_id</dt><dd>{app_id}</dd>\n</dl>\n\
         <form id=\"pay\" method=\"POST\" action=\"/cashier/pay\" accept-charset=\"utf-8\">\n\
         <input type=\"hidden\" name=\"out_order_no\" value=\"{out_order_no}\"/>\n\
         <input type=\"hidden\" name=\"cashier_token\" value=\"{token}\"/>\n\
         <input type=\"hidden\" name=\"return_url\" value=\"{return_url}\"/>\n\
         <label>Pay as <select name=\"payer_user_id\">\n{options}</select></label>\n\
         <button type=\"submit\">Pay</button>\n</form>",
        title = escape(&packet.order_title),
        amount = yuan(packet.total),
        out_order_no = escape(&packet.out_order_no),
        auth_no = escape(&packet.auth_no),
        app_id = escape(&packet.app_id),
        return_url = escape(return_url),
        token = super::guard::cashier_token(state, &packet.out_order_no),
    );
    html_page(StatusCode::OK, "Alipay sandbox cashier", &body)
}

/// The cashier page's choice of payer: one `<option>` per sandbox user (id, logon, balance).
pub(super) fn payer_options(users: &[Account]) -> String {
    let mut options = String::new();
    for u in users {
        options.push_str(&format!(
            "<option value=\"{}\">{} ({}), balance {}{}</option>\n",
            escape(&u.user_id),
            escape(&u.logon_id),
            escape(&u.user_id),
            yuan(u.balance),
            if u.restricted { ", restricted" } else { "" },
        ));
    }
    options
}

/// `POST /cashier/pay` (form: `out_order_no`, `payer_user_id`, optional `return_url`).
async fn pay(state: &State, req: Request<TimedBody>) -> Response<Full<Bytes>> {
    let body = match read_body(req).await {
        Ok(b) => b,
        Err(refused) => {
            return html_page(
                refused.status,
                "Bad request",
                &format!("<p class=\"error\">{}</p>", escape(&refused.message)),
            );
        }
    };
    let Ok(pairs) = Charset::Utf8.form_decode(&body) else {
        return html_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "<p class=\"error\">The form is not valid UTF-8 application/x-www-form-urlencoded.</p>",
        );
    };
    let form: BTreeMap<String, String> = pairs.into_iter().collect();
    // The form of the cashier page carries the order's token: a form posted by another
    // page (which cannot read this one) does not.
    let order_no = form
        .get("out_trade_no")
        .or_else(|| form.get("out_order_no"))
        .map(String::as_str)
        .unwrap_or_default();
    let token = form.get("cashier_token").map(String::as_str);
    if token != Some(super::guard::cashier_token(state, order_no).as_str()) {
        return html_page(
            StatusCode::FORBIDDEN,
            "Stale or foreign form",
            "<p class=\"error\">This form does not carry the cashier page's token for the \
             order (cashier_token): open the cashier page again and pay from it.</p>",
        );
    }
    if form.contains_key("out_trade_no") {
        return trade_cashier::pay_page(state, &form);
    }
    let field = |name: &str| form.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let (Some(out_order_no), Some(payer)) = (field("out_order_no"), field("payer_user_id")) else {
        return html_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "<p class=\"error\">out_order_no and payer_user_id are required.</p>",
        );
    };
    let return_url = field("return_url");
    if let Some(url) = return_url
        && !is_web_url(url)
    {
        return html_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            &format!(
                "<p class=\"error\">return_url {} is not an http(s) URL.</p>",
                escape(url)
            ),
        );
    }
    let now = Timestamp::now();
    let paid = state.books(|b| {
        b.pay_order(out_order_no, payer, now.as_str())?;
        b.ledger()
            .red_packet_by_out_order_no(out_order_no)
            .cloned()
            .ok_or_else(|| LedgerError::UnknownOrder(out_order_no.to_owned()))
    });
    let packet = match paid {
        Ok(p) => p,
        Err(e) => {
            return html_page(
                ledger_status(&e),
                "Payment refused",
                &format!("<p class=\"error\">{}</p>", escape(&e.to_string())),
            );
        }
    };
    let Some(url) = return_url else {
        return html_page(
            StatusCode::OK,
            "Paid",
            &format!(
                "<p>Paid {} for {} (out_order_no <span id=\"out_order_no\">{}</span>, auth_no \
                 <span id=\"auth_no\">{}</span>, status <span id=\"status\">{}</span>).</p>",
                yuan(packet.total),
                escape(&packet.order_title),
                escape(&packet.out_order_no),
                escape(&packet.auth_no),
                packet.status.as_str(),
            ),
        );
    };
    let signing = state
        .cashier
        .with(|m| m.pages.get(out_order_no).copied())
        .unwrap_or_default();
    match signed_return(state, &packet, &now, signing) {
        Ok(query) => {
            let sep = if url.contains('?') { '&' } else { '?' };
            let location = location(&format!("{url}{sep}{query}"));
            let mut resp = Response::new(Full::new(Bytes::new()));
            *resp.status_mut() = StatusCode::FOUND;
            match hyper::header::HeaderValue::from_str(&location) {
                Ok(v) => {
                    resp.headers_mut().insert(hyper::header::LOCATION, v);
                    resp
                }
                Err(_) => html_page(
                    StatusCode::BAD_REQUEST,
                    "Paid, cannot redirect",
                    &format!(
                        "<p>Paid, but return_url {} cannot be a Location header.</p>",
                        escape(url)
                    ),
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

/// The synchronous return's query: `app_id`, `method`, `charset`, `version`, `timestamp`,
/// `out_order_no`, `auth_no`, `amount`, `status`, signed with the gateway key like a
/// notification (so `verify_notification` checks it).
fn signed_return(
    state: &State,
    packet: &RedPacket,
    now: &Timestamp,
    signing: Signing,
) -> Result<String, String> {
    let params = [
        ("app_id", packet.app_id.clone()),
        ("method", PAGE_PAY_RETURN.to_owned()),
        ("version", "1.0".to_owned()),
        ("timestamp", now.as_str().to_owned()),
        ("out_order_no", packet.out_order_no.clone()),
        ("auth_no", packet.auth_no.clone()),
        ("amount", yuan(packet.total)),
        ("status", packet.status.as_str().to_owned()),
    ];
    // Signed like the page.pay call's answer would be (certificate mode: the Alipay
    // certificate's key).
    let key = state.signing_key(signing.cert_mode);
    sign_notification(params, &key, signing.sign_type, signing.charset).map_err(|e| e.to_string())
}

/// `http://` or `https://` (any case) followed by a host, with no control characters.
pub(super) fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(char::is_control)
}

/// `url` as a `Location` value: every byte outside visible ASCII (spaces, non-ASCII
/// characters) percent-encoded.
pub(super) fn location(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for &b in url.as_bytes() {
        if (0x21..=0x7e).contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// app.pay
// ---------------------------------------------------------------------------------------------

/// `POST /cashier/app-pay?payer_user_id=...` with the order string as the body.
async fn app_pay(state: &State, req: Request<TimedBody>) -> Response<Full<Bytes>> {
    let query = req.uri().query().unwrap_or("").to_owned();
    let payer = Charset::Utf8
        .form_decode(query.as_bytes())
        .ok()
        .and_then(|pairs| {
            pairs
                .into_iter()
                .find(|(k, v)| k == "payer_user_id" && !v.is_empty())
        })
        .map(|(_, v)| v);
    let Some(payer) = payer else {
        return error(
            StatusCode::BAD_REQUEST,
            "payer_user_id is required as a query parameter (?payer_user_id=2088...)",
        );
    };
    let body = match read_body(req).await {
        Ok(b) => b,
        Err(refused) => return refused.json(),
    };
    let call = match gateway::check(state, b"", &body) {
        Ok(call) => call,
        Err(answered) => return gateway_refusal(&answered),
    };
    if call.method == TRADE_APP_PAY {
        return trade_cashier::app_pay(state, &call, &payer);
    }
    if call.method == super::fund::APP_FREEZE {
        return super::fund::app_freeze(state, &call, &payer);
    }
    if call.method != APP_PAY {
        return error(
            StatusCode::BAD_REQUEST,
            &format!(
                "this is an order string of {}; /cashier/app-pay pays {APP_PAY} order strings \
                 ({PAGE_PAY} goes to /gateway.do from the browser)",
                call.method
            ),
        );
    }
    let now = Timestamp::now();
    let paid = state.books(|b| {
        let reply =
            b.create_pending_order(&call.app_id, &call.method, &call.biz_content, now.as_str());
        if !reply.is_success() {
            return Err(AppPayRefusal::Order(reply));
        }
        let out_order_no = reply
            .field("auth_no")
            .and_then(|a| b.ledger().red_packet(a))
            .map(|p| p.out_order_no.clone())
            .unwrap_or_default();
        b.pay_order(&out_order_no, &payer, now.as_str())
            .map_err(AppPayRefusal::Payment)?;
        b.ledger()
            .red_packet_by_out_order_no(&out_order_no)
            .cloned()
            .ok_or(AppPayRefusal::Payment(LedgerError::UnknownOrder(
                out_order_no,
            )))
    });
    match paid {
        Ok(p) => json_response(
            StatusCode::OK,
            &json!({
                "out_order_no": p.out_order_no,
                "auth_no": p.auth_no,
                "status": p.status.as_str(),
                "amount": yuan(p.total),
                "payer_user_id": p.payer_user_id,
            }),
        ),
        Err(AppPayRefusal::Order(reply)) => {
            let (status, text) = reply_refusal(&reply);
            reply_error(status, &text, &reply)
        }
        Err(AppPayRefusal::Payment(e)) => Refused::ledger(&e).json(),
    }
}

/// Why an app.pay order string was not paid: the order was refused (its reply), or the
/// payment was.
enum AppPayRefusal {
    Order(Reply),
    Payment(LedgerError),
}

/// The gateway's signed refusal of an order string, as `{"error", "code", "sub_code",
/// "sub_msg"}` with 400.
fn gateway_refusal((charset, bytes): &Answered) -> Response<Full<Bytes>> {
    let charset: Charset = charset.parse().unwrap_or_default();
    let node = charset
        .decode(bytes)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|v| {
            v.as_object()?
                .iter()
                .find(|(k, _)| k.ends_with("_response"))
                .map(|(_, node)| node.clone())
        })
        .unwrap_or(Value::Null);
    let get = |name: &str| node.get(name).and_then(Value::as_str).unwrap_or("");
    json_response(
        StatusCode::BAD_REQUEST,
        &json!({
            "error": format!("the order string was refused: {}: {}", get("sub_code"), get("sub_msg")),
            "code": get("code"),
            "sub_code": get("sub_code"),
            "sub_msg": get("sub_msg"),
        }),
    )
}

/// Status and text for a refused pending order: 400 for invalid arguments, 409 for a
/// business conflict (`UNIQUE_VIOLATION`), 503 when the state directory failed.
pub(super) fn reply_refusal(reply: &Reply) -> (StatusCode, String) {
    let status = match reply.code() {
        "40004" => StatusCode::CONFLICT,
        "20000" => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::BAD_REQUEST,
    };
    let text = format!(
        "{} {}: {}",
        reply.code(),
        reply.sub_code().unwrap_or(""),
        reply.sub_msg().unwrap_or("")
    );
    (status, text)
}

pub(super) fn reply_error(status: StatusCode, text: &str, reply: &Reply) -> Response<Full<Bytes>> {
    json_response(
        status,
        &json!({
            "error": text,
            "code": reply.code(),
            "sub_code": reply.sub_code(),
            "sub_msg": reply.sub_msg(),
        }),
    )
}

// ---------------------------------------------------------------------------------------------
// voucher scan
// ---------------------------------------------------------------------------------------------

/// `{"qr_code","buyer_user_id"}` (a precreated trade's or a voucher's code), or the older
/// `{"out_order_no","payer_user_id"}` of a voucher.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScanBody {
    #[serde(default)]
    qr_code: Option<String>,
    #[serde(default)]
    buyer_user_id: Option<String>,
    #[serde(default)]
    out_order_no: Option<String>,
    #[serde(default)]
    payer_user_id: Option<String>,
}

/// The voucher.create `code_value` prefix (followed by the freeze's `auth_no`).
const VOUCHER_QR_PREFIX: &str = "https://qr.sandbox.alipay-rs.test/fz";

/// `POST /cashier/scan` `{"out_order_no", "payer_user_id"}`.
async fn scan(state: &State, req: Request<TimedBody>) -> Response<Full<Bytes>> {
    let body = match read_body(req).await {
        Ok(b) => b,
        Err(refused) => return refused.json(),
    };
    let asked: ScanBody = match serde_json::from_slice(&body) {
        Ok(s) => s,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                &format!(
                    "bad JSON body: {e} (expected {{\"qr_code\": ..., \"buyer_user_id\": ...}})"
                ),
            );
        }
    };
    let Some(payer) = asked.buyer_user_id.or(asked.payer_user_id) else {
        return error(
            StatusCode::BAD_REQUEST,
            "buyer_user_id (or payer_user_id) is required",
        );
    };
    let out_order_no = match (asked.qr_code, asked.out_order_no) {
        (Some(qr), _) => {
            if let Some(answer) = trade_cashier::scan(state, &qr, &payer) {
                return answer;
            }
            // A voucher.create code: its freeze by auth_no.
            let auth_no = qr.strip_prefix(VOUCHER_QR_PREFIX).unwrap_or_default();
            let found = state.books(|b| {
                b.ledger()
                    .freezes()
                    .find(|f| !auth_no.is_empty() && f.auth_no == auth_no)
                    .map(|f| f.out_order_no.clone())
            });
            match found {
                Some(o) => o,
                None => {
                    return Refused::ledger(&LedgerError::UnknownOrder(qr)).json();
                }
            }
        }
        (None, Some(o)) => o,
        (None, None) => {
            return error(StatusCode::BAD_REQUEST, "qr_code is required");
        }
    };

    let now = Timestamp::now();
    let (seq, scanned) = state.books(|b| {
        // The sequence number the scan is journaled under: a notify_id unique across restarts.
        let seq = b.commands();
        (seq, b.scan_voucher(&out_order_no, &payer, now.as_str()))
    });
    let event = match scanned {
        Ok(event) => event,
        Err(e) => return Refused::ledger(&e).json(),
    };
    let target = state
        .cashier
        .with(|m| m.vouchers.get(&out_order_no).cloned());
    let notified = target.and_then(|(url, signing)| {
        let id = super::notify::notify_id(seq, 0);
        // In certificate mode, the key of the Alipay certificate current at the scan.
        let key = state.signing_key(signing.cert_mode);
        let how = notify::Signing {
            key: &key,
            sign_type: signing.sign_type,
            encoding: signing.charset,
            declared: signing.charset,
        };
        let body = notify::body(&event, &id, &how)?;
        notify::deliver(url.clone(), body, signing.charset);
        Some(url)
    });
    let mut answer = event_json(&event);
    answer.insert("notify_url".into(), json!(notified));
    json_response(StatusCode::OK, &Value::Object(answer))
}

fn event_json(event: &NotifyEvent) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("notify_type".into(), json!(event.notify_type));
    for (k, v) in &event.fields {
        out.insert(k.clone(), json!(v));
    }
    out
}

/// After the gateway ran a call: remembers a voucher.create's `notify_url` for the scan's
/// notification, once the voucher exists for that app.
pub(super) fn after_call(state: &State, call: &Call<'_>, query: &[u8], body: &[u8]) {
    if call.method != VOUCHER_CREATE {
        return;
    }
    let params = call_params(query, body);
    let Some(url) = params.get("notify_url") else {
        return;
    };
    let Some(out_order_no) = serde_json::from_str::<Value>(&call.biz_content)
        .ok()
        .and_then(|v| v.get("out_order_no")?.as_str().map(str::to_owned))
    else {
        return;
    };
    let exists = state.books(|b| {
        b.ledger()
            .freeze(&out_order_no)
            .is_some_and(|f| f.app_id == call.app_id)
    });
    if exists {
        let signing = signing_of(&params);
        state
            .cashier
            .with(|m| m.vouchers.insert(out_order_no, (url.clone(), signing)));
    }
}

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/// The parameters of a call that passed the gateway's checks (query merged with the form
/// body, the body winning, decoded in the declared charset, empty values dropped), for the
/// few the checked call does not carry (`return_url`, `notify_url`, `sign_type`).
fn call_params(query: &[u8], body: &[u8]) -> BTreeMap<String, String> {
    let raw_charset = |form: &[u8]| {
        form.split(|&b| b == b'&').find_map(|pair| {
            let rest = pair.strip_prefix(b"charset=")?;
            Some(String::from_utf8_lossy(rest).into_owned())
        })
    };
    let charset: Charset = raw_charset(body)
        .or_else(|| raw_charset(query))
        .and_then(|c| c.parse().ok())
        .unwrap_or_default();
    let mut params = BTreeMap::new();
    for part in [query, body] {
        if let Ok(pairs) = charset.form_decode(part) {
            params.extend(pairs);
        }
    }
    params.retain(|_, v: &mut String| !v.is_empty());
    params
}

fn signing_of(params: &BTreeMap<String, String>) -> Signing {
    Signing {
        sign_type: params
            .get("sign_type")
            .and_then(|t| t.parse().ok())
            .unwrap_or_default(),
        charset: params
            .get("charset")
            .and_then(|c| c.parse().ok())
            .unwrap_or_default(),
        cert_mode: params.contains_key("app_cert_sn"),
    }
}

/// A whole page; `title` is plain text, `body` HTML whose values are already escaped.
pub(super) fn html_page(status: StatusCode, title: &str, body: &str) -> Response<Full<Bytes>> {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\">\
         <title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n\
         <p class=\"sandbox\">支付宝沙箱 · Alipay sandbox (offline, no real money)</p>\n\
         {body}\n</body>\n</html>\n",
        title = escape(title),
    );
    let mut resp = Response::new(Full::new(Bytes::from(html)));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/html;charset=utf-8"),
    );
    resp
}
