//! The operator's side over HTTP: JSON endpoints under `/admin/` to read the ledger and to
//! add, fund and restrict users and add voucher templates, and to rotate certificate mode's
//! Alipay certificate. Every change goes through the
//! journaled [`Books`](crate::Books) helpers, so it survives a restart with a state
//! directory. Meant for loopback; see the module docs of `server` for what keeps web pages out
//! (Host, Origin, `Content-Type: application/json`) and for the admin token.
//!
//! Amounts are `"x.yy"` JSON strings both ways (a JSON number is refused, never read as a
//! float); refusals answer `{"error": "..."}` with a 4xx status.

use super::TimedBody;
use alipay_core::Amount;
use alipay_core::value::Yuan;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::{Method, Request, Response, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::{MAX_BODY, State};
use crate::ledger::{Account, Freeze, LedgerError, Operation, RedPacket, Template, Voucher, yuan};

/// Serves one `/admin/...` request.
pub(super) async fn serve(state: &State, req: Request<TimedBody>) -> Response<Full<Bytes>> {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let segments: Vec<&str> = path
        .trim_start_matches("/admin/")
        .trim_end_matches('/')
        .split('/')
        .collect();
    let (want, route) = match segments.as_slice() {
        ["ledger"] => (Method::GET, Route::Ledger),
        ["users"] => (Method::POST, Route::AddUser),
        ["users", id] => (Method::GET, Route::User(id.to_string())),
        ["users", id, "fund"] => (Method::POST, Route::Fund(id.to_string())),
        ["users", id, "restrict"] => (Method::POST, Route::Restrict(id.to_string())),
        ["templates"] => (Method::POST, Route::AddTemplate),
        ["trades", out_trade_no, "finish"] => {
            (Method::POST, Route::FinishTrade(out_trade_no.to_string()))
        }
        ["rotate-alipay-cert"] => (Method::POST, Route::RotateAlipayCert),
        _ => {
            return error(
                StatusCode::NOT_FOUND,
                &format!(
                    "no admin route {path}; try GET /admin/ledger, POST /admin/users, \
                     GET /admin/users/{{user_id}}, POST /admin/users/{{user_id}}/fund, \
                     POST /admin/users/{{user_id}}/restrict, POST /admin/templates, \
                     POST /admin/trades/{{out_trade_no}}/finish, \
                     POST /admin/rotate-alipay-cert"
                ),
            );
        }
    };
    if method != want {
        return error(
            StatusCode::METHOD_NOT_ALLOWED,
            &format!("{path} answers {want} only, not {method}"),
        );
    }
    let body = match read_body(req).await {
        Ok(b) => b,
        Err(refused) => return refused.json(),
    };
    let answered =
        match route {
            Route::Ledger => Ok(state
                .books(|b| super::trade_cashier::with_trades(ledger_json(b.ledger()), b.ledger()))),
            Route::FinishTrade(out_trade_no) => super::trade_cashier::finish(state, &out_trade_no),
            Route::User(id) => state.books(|b| user_answer(b.ledger(), &id)),
            Route::AddUser => add_user(state, &body),
            Route::Fund(id) => fund(state, &id, &body),
            Route::Restrict(id) => restrict(state, &id, &body),
            Route::AddTemplate => add_template(state, &body),
            Route::RotateAlipayCert => rotate_alipay_cert(state),
        };
    match answered {
        Ok(value) => json_response(StatusCode::OK, &value),
        Err(refused) => refused.json(),
    }
}

enum Route {
    Ledger,
    User(String),
    AddUser,
    Fund(String),
    Restrict(String),
    AddTemplate,
    FinishTrade(String),
    RotateAlipayCert,
}

/// `POST /admin/rotate-alipay-cert`: a new Alipay certificate (new key, same root), current
/// from now on: `{"alipay_cert_sn": new SN, "previous_alipay_cert_sn", "alipay_cert_pem"}`.
/// 404 when certificate mode is off, 503 when the state directory cannot be written.
fn rotate_alipay_cert(state: &State) -> Result<Value, Refused> {
    let previous = state.certs.as_ref().map(|c| {
        c.lock()
            .unwrap_or_else(|e| e.into_inner())
            .alipay_cert_sn()
            .to_owned()
    });
    let sn = super::rotate(state).map_err(|e| {
        let status = if previous.is_none() {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        Refused::new(status, e.to_string())
    })?;
    let pem = state.certs.as_ref().map(|c| {
        c.lock()
            .unwrap_or_else(|e| e.into_inner())
            .alipay_certificate_pem()
            .to_owned()
    });
    Ok(json!({
        "alipay_cert_sn": sn,
        "previous_alipay_cert_sn": previous,
        "alipay_cert_pem": pem,
    }))
}

/// The JSON to answer with 200, or the refusal.
type Answer = Result<Value, Refused>;

/// A refusal: its status and what is wrong.
#[derive(Debug)]
pub(super) struct Refused {
    pub status: StatusCode,
    pub message: String,
}

impl Refused {
    pub(super) fn new(status: StatusCode, message: impl Into<String>) -> Refused {
        Refused {
            status,
            message: message.into(),
        }
    }

    /// A refusal of the ledger, with [`ledger_status`].
    pub(super) fn ledger(e: &LedgerError) -> Refused {
        Refused::new(ledger_status(e), e.to_string())
    }

    /// `{"error": message}` with the status.
    pub(super) fn json(self) -> Response<Full<Bytes>> {
        error(self.status, &self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    user_id: String,
    logon_id: String,
    #[serde(default)]
    taobao_nick: Option<String>,
    #[serde(default)]
    balance: Option<String>,
    /// Their `alipay.trade.pay` payments wait for a confirmation on the phone (`10003`).
    #[serde(default)]
    confirm_on_phone: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FundBody {
    amount: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RestrictBody {
    restricted: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewTemplate {
    template_id: String,
    name: String,
    #[serde(default)]
    budget: Option<String>,
    #[serde(default)]
    default_amount: Option<String>,
    #[serde(default)]
    expired: bool,
}

fn add_user(state: &State, body: &[u8]) -> Answer {
    let new: NewUser = parse_json(body)?;
    if new.logon_id.is_empty() {
        return Err(Refused::new(
            StatusCode::BAD_REQUEST,
            "logon_id must not be empty",
        ));
    }
    let balance = new
        .balance
        .as_deref()
        .map(|text| amount("balance", text, false))
        .transpose()?;
    state.books(|b| {
        if b.ledger().account(&new.user_id).is_some() {
            return Err(Refused::new(
                StatusCode::CONFLICT,
                LedgerError::BadUser(new.user_id.clone()).to_string(),
            ));
        }
        if let Some(other) = b.ledger().accounts().find(|a| a.logon_id == new.logon_id) {
            return Err(Refused::new(
                StatusCode::CONFLICT,
                format!(
                    "logon_id {} is already used by {}",
                    new.logon_id, other.user_id
                ),
            ));
        }
        b.add_user(&new.user_id, &new.logon_id, new.taobao_nick.as_deref())
            .map_err(|e| Refused::ledger(&e))?;
        if let Some(fen) = balance.map(Amount::fen).filter(|&f| f > 0) {
            b.fund(&new.user_id, fen).map_err(|e| Refused::ledger(&e))?;
        }
        if new.confirm_on_phone {
            b.set_confirm_on_phone(&new.user_id, true)
                .map_err(|e| Refused::ledger(&e))?;
        }
        user_answer(b.ledger(), &new.user_id)
    })
}

fn fund(state: &State, user_id: &str, body: &[u8]) -> Answer {
    let FundBody { amount: text } = parse_json(body)?;
    let fen = amount("amount", &text, true)?.fen();
    state.books(|b| {
        b.fund(user_id, fen).map_err(|e| Refused::ledger(&e))?;
        user_answer(b.ledger(), user_id)
    })
}

fn restrict(state: &State, user_id: &str, body: &[u8]) -> Answer {
    let RestrictBody { restricted } = parse_json(body)?;
    state.books(|b| {
        b.restrict(user_id, restricted)
            .map_err(|e| Refused::ledger(&e))?;
        user_answer(b.ledger(), user_id)
    })
}

fn add_template(state: &State, body: &[u8]) -> Answer {
    let new: NewTemplate = parse_json(body)?;
    if new.template_id.is_empty() {
        return Err(Refused::new(
            StatusCode::BAD_REQUEST,
            "template_id must not be empty",
        ));
    }
    let budget = new
        .budget
        .as_deref()
        .map(|t| amount("budget", t, false))
        .transpose()?;
    let default_amount = new
        .default_amount
        .as_deref()
        .map(|t| amount("default_amount", t, true))
        .transpose()?;
    let template = Template {
        template_id: new.template_id,
        name: new.name,
        budget: budget.map(Amount::fen),
        default_amount: default_amount.map(Amount::fen),
        expired: new.expired,
    };
    let id = template.template_id.clone();
    state.books(|b| {
        b.add_template(template).map_err(|e| Refused::ledger(&e))?;
        match b.ledger().template(&id) {
            Some(t) => Ok(template_json(t)),
            None => Err(Refused::ledger(&LedgerError::Storage(format!(
                "template {id} was not kept"
            )))),
        }
    })
}

fn user_answer(ledger: &crate::Ledger, user_id: &str) -> Answer {
    match ledger.account(user_id) {
        Some(a) => {
            let mut user = account_json(a);
            // Only for the buyers who have it, so the answer is unchanged for everyone else.
            if ledger.confirms_on_phone(user_id)
                && let Some(map) = user.as_object_mut()
            {
                map.insert("confirm_on_phone".into(), json!(true));
            }
            Ok(user)
        }
        None => Err(Refused::ledger(&LedgerError::UnknownUser(
            user_id.to_owned(),
        ))),
    }
}

/// An amount field: the `"x.yy"` grammar (at most 2 decimals, no sign, no exponent);
/// `positive` refuses zero.
fn amount(field: &str, text: &str, positive: bool) -> Result<Amount, Refused> {
    let bad = |why: &str| {
        Refused::new(
            StatusCode::BAD_REQUEST,
            format!("{field} {text:?} is not a valid amount: {why}"),
        )
    };
    let parsed = Amount::parse_unbounded(text).map_err(|e| bad(e.message()))?;
    if positive && parsed.fen() == 0 {
        return Err(bad("it must be greater than 0.00"));
    }
    Ok(parsed)
}

pub(super) fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Refused> {
    serde_json::from_slice(body).map_err(|e| {
        Refused::new(
            StatusCode::BAD_REQUEST,
            format!("bad JSON body: {e} (amounts are \"x.yy\" strings)"),
        )
    })
}

/// 404 for what does not exist, 409 for a state conflict, 403 for a restricted payer, 402
/// for a short balance, 503 when the state directory failed, 400 for the rest.
pub(super) fn ledger_status(e: &LedgerError) -> StatusCode {
    match e {
        LedgerError::UnknownUser(_) | LedgerError::UnknownOrder(_) => StatusCode::NOT_FOUND,
        LedgerError::AlreadyPaid(_)
        | LedgerError::DuplicateTemplate(_)
        | LedgerError::TradeClosed(_)
        | LedgerError::TradeStatus { .. } => StatusCode::CONFLICT,
        LedgerError::PayerRestricted(_) | LedgerError::NotTheBuyer { .. } => StatusCode::FORBIDDEN,
        LedgerError::MoneyNotEnough { .. } => StatusCode::PAYMENT_REQUIRED,
        LedgerError::Storage(_) => StatusCode::SERVICE_UNAVAILABLE,
        LedgerError::BadUser(_)
        | LedgerError::PayerPayeeEqual(_)
        | LedgerError::Overflow
        | LedgerError::PaymentCodeInvalid(_)
        | LedgerError::BadScope(_) => StatusCode::BAD_REQUEST,
    }
}

/// The body, at most [`MAX_BODY`] bytes (413 beyond, 400 when unreadable).
pub(super) async fn read_body(req: Request<TimedBody>) -> Result<Bytes, Refused> {
    match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(b) => Ok(b.to_bytes()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => Err(Refused::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {MAX_BODY} bytes"),
        )),
        Err(e) => Err(Refused::new(
            StatusCode::BAD_REQUEST,
            format!("unreadable body: {e}"),
        )),
    }
}

/// `{"error": message}` with `status`.
pub(super) fn error(status: StatusCode, message: &str) -> Response<Full<Bytes>> {
    json_response(status, &json!({ "error": message }))
}

pub(super) fn json_response(status: StatusCode, value: &Value) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(value.to_string())));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json;charset=utf-8"),
    );
    resp
}

fn account_json(a: &Account) -> Value {
    json!({
        "user_id": a.user_id,
        "logon_id": a.logon_id,
        "taobao_nick": a.taobao_nick,
        "balance": yuan(a.balance),
        "restricted": a.restricted,
    })
}

fn red_packet_json(p: &RedPacket) -> Value {
    json!({
        "auth_no": p.auth_no,
        "out_order_no": p.out_order_no,
        "out_request_no": p.out_request_no,
        "order_title": p.order_title,
        "app_id": p.app_id,
        "payer": p.payer_user_id,
        "total": yuan(p.total),
        "remaining": yuan(p.remaining),
        "refunded": yuan(p.refunded),
        "status": p.status.as_str(),
        "gmt_create": p.gmt_create,
    })
}

fn operation_json(o: &Operation) -> Value {
    json!({
        "operation_id": o.operation_id,
        "auth_no": o.auth_no,
        "out_order_no": o.out_order_no,
        "out_request_no": o.out_request_no,
        "operation_type": o.operation_type.as_str(),
        "status": o.status.as_str(),
        "amount": yuan(o.amount),
        "gmt_create": o.gmt_create,
        "gmt_trans": o.gmt_trans,
        "payer_user_id": o.payer_user_id,
        "payee_user_id": o.payee_user_id,
    })
}

fn freeze_json(f: &Freeze) -> Value {
    json!({
        "auth_no": f.auth_no,
        "operation_id": f.operation_id,
        "out_order_no": f.out_order_no,
        "out_request_no": f.out_request_no,
        "order_title": f.order_title,
        "amount": yuan(f.amount),
        "payee_user_id": f.payee_user_id,
        "payer_user_id": f.payer_user_id,
        "status": f.status.as_str(),
        "gmt_create": f.gmt_create,
        "gmt_trans": f.gmt_trans,
        "app_id": f.app_id,
    })
}

fn template_json(t: &Template) -> Value {
    json!({
        "template_id": t.template_id,
        "name": t.name,
        "budget": t.budget.map(yuan),
        "default_amount": t.default_amount.map(yuan),
        "expired": t.expired,
    })
}

fn voucher_json(v: &Voucher) -> Value {
    json!({
        "voucher_id": v.voucher_id,
        "template_id": v.template_id,
        "user_id": v.user_id,
        "out_biz_no": v.out_biz_no,
        "amount": yuan(v.amount),
        "memo": v.memo,
    })
}

/// The whole ledger: the merchant, the other accounts, red packets, operations, freezes,
/// templates, vouchers and `total_money`.
fn ledger_json(l: &crate::Ledger) -> Value {
    let merchant = l.account(l.merchant_id()).map(account_json);
    json!({
        "merchant": merchant,
        "users": l.accounts().filter(|a| a.user_id != l.merchant_id()).map(account_json).collect::<Vec<_>>(),
        "red_packets": l.red_packets().map(red_packet_json).collect::<Vec<_>>(),
        "operations": l.operations().iter().map(operation_json).collect::<Vec<_>>(),
        "freezes": l.freezes().map(freeze_json).collect::<Vec<_>>(),
        "templates": l.templates().map(template_json).collect::<Vec<_>>(),
        "vouchers": l.vouchers().iter().map(voucher_json).collect::<Vec<_>>(),
        "transfers": super::fund::transfers_json(l),
        "auth_orders": super::fund::auth_orders_json(l),
        "total_money": Yuan(l.total_money()).to_string(),
    })
}
