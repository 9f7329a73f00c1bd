//! The HTTP side of OAuth and bills: `POST /cashier/authorize` (the user agreeing to share
//! their account) and `GET /bill/download?token=…` (the zip a `bill_download_url` points at).
//! The gateway calls themselves go through `/gateway.do` like every other.

use super::TimedBody;
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Method, Request, Response, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::State;
use super::admin::{Refused, error, json_response, parse_json, read_body};
use super::gateway::Call;
use crate::bill::DOWNLOAD_PATH;
use crate::fund_rules::BILL_URL;
use crate::ledger::{Ledger, yuan};
use alipay_core::protocol::Timestamp;

const AUTHORIZE_PATH: &str = "/cashier/authorize";
pub(super) use crate::fund_rules::APP_FREEZE;

/// A request this module serves.
pub(super) enum Route {
    Authorize,
    Bill,
}

/// Which of this module's routes `path` is, if any.
pub(super) fn route(path: &str) -> Option<Route> {
    match path {
        AUTHORIZE_PATH => Some(Route::Authorize),
        DOWNLOAD_PATH => Some(Route::Bill),
        _ => None,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorizeBody {
    buyer_user_id: String,
    #[serde(default = "default_scope")]
    scope: String,
}

fn default_scope() -> String {
    "auth_user".to_owned()
}

impl Route {
    pub(super) async fn serve(
        self,
        state: &State,
        req: Request<TimedBody>,
    ) -> Response<Full<Bytes>> {
        match self {
            Route::Authorize => authorize(state, req).await.unwrap_or_else(Refused::json),
            Route::Bill => download(state, &req),
        }
    }
}

/// `{"buyer_user_id","scope"?}` -> `{"auth_code"}` (scope `auth_user` by default).
async fn authorize(
    state: &State,
    req: Request<TimedBody>,
) -> Result<Response<Full<Bytes>>, Refused> {
    if req.method() != Method::POST {
        return Err(Refused::new(StatusCode::METHOD_NOT_ALLOWED, "use POST"));
    }
    let body: AuthorizeBody = parse_json(&read_body(req).await?)?;
    let now = Timestamp::now();
    let code = state
        .books(|b| b.authorize(&body.buyer_user_id, &body.scope, now.as_str()))
        .map_err(|e| Refused::ledger(&e))?;
    Ok(json_response(
        StatusCode::OK,
        &json!({ "auth_code": code, "scope": body.scope }),
    ))
}

/// The zip of a bill link still good now; 404 (JSON `error`) otherwise.
fn download(state: &State, req: &Request<TimedBody>) -> Response<Full<Bytes>> {
    if req.method() != Method::GET {
        return error(StatusCode::METHOD_NOT_ALLOWED, "use GET");
    }
    let token = req
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .unwrap_or("");
    let now = Timestamp::now();
    let zip = state.books(|b| {
        let l = b.ledger();
        let link = l.bill_link_at(token, now.as_str())?;
        Some(crate::zip::stored_zip(&l.bill_files(
            &link.bill_type,
            &link.bill_date,
            now.as_str(),
        )))
    });
    match zip {
        Some(Ok(bytes)) => {
            let mut resp = Response::new(Full::new(Bytes::from(bytes)));
            resp.headers_mut().insert(
                hyper::header::CONTENT_TYPE,
                hyper::header::HeaderValue::from_static("application/zip"),
            );
            resp
        }
        Some(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
        None => error(
            StatusCode::NOT_FOUND,
            "no such bill link, or it is older than 30 seconds: query the URL again",
        ),
    }
}

/// An app.freeze order string (checked like a gateway call) confirmed by `payer`:
/// `{"out_order_no","auth_no","operation_id","status","amount","payer_user_id"}`, or the
/// refusal as `{"error","code","sub_code","sub_msg"}` with 400.
pub(super) fn app_freeze(state: &State, call: &Call<'_>, payer: &str) -> Response<Full<Bytes>> {
    let now = Timestamp::now();
    let (seq, reply) = state.books(|b| {
        let seq = b.commands();
        (
            seq,
            b.app_freeze(&call.app_id, &call.biz_content, payer, now.as_str()),
        )
    });
    // The freeze notification goes to the order string's notify_url, signed like its call.
    let delivery = call.delivery();
    if let Some(url) = delivery.notify_url {
        let sign_type = delivery.sign_type.parse().unwrap_or_default();
        let charset = delivery.charset.parse().unwrap_or_default();
        let (key, _) = call.answer_signer();
        let signing = super::notify::Signing {
            key,
            sign_type,
            encoding: charset,
            declared: charset,
        };
        for (i, event) in reply.events.iter().enumerate() {
            let id = super::notify::notify_id(seq, i);
            if let Some(body) = super::notify::body(event, &id, &signing) {
                super::notify::deliver(url.clone(), body, charset);
            }
        }
    }
    if !reply.is_success() {
        let node = &reply.node;
        return json_response(
            StatusCode::BAD_REQUEST,
            &json!({
                "error": format!("{} {}", reply.sub_code().unwrap_or_default(), reply.sub_msg().unwrap_or_default()),
                "code": node["code"], "sub_code": node["sub_code"], "sub_msg": node["sub_msg"],
            }),
        );
    }
    let field = |k: &str| reply.field(k).unwrap_or_default().to_owned();
    json_response(
        StatusCode::OK,
        &json!({
            "out_order_no": field("out_order_no"), "auth_no": field("auth_no"),
            "operation_id": field("operation_id"), "status": field("status"),
            "amount": field("amount"), "payer_user_id": field("payer_user_id"),
        }),
    )
}

/// Whether `node`, the answer to `method`, is signed under `error_response` instead of the
/// method's node: a refused `alipay.system.oauth.token` (its success has no `code`). Alipay
/// answers those like gateway errors, e.g. `{"error_response":{"code":"40002","msg":"Invalid
/// Arguments","sub_code":"isv.code-invalid","sub_msg":"授权码code无效"}}` — the example response
/// in the comments of `exec` in the official Node SDK (npm `alipay-sdk`, `lib/alipay.js`), and
/// what merchants' code handles.
pub(super) fn refused_in_error_response(method: &str, node: &Value) -> bool {
    method == crate::fund_rules::OAUTH_TOKEN && node.get("code").is_some()
}

/// Puts the sandbox's address in front of a bill query's `bill_download_url`.
pub(super) fn absolute_bill_url(state: &State, method: &str, node: &mut Value) {
    if method != BILL_URL {
        return;
    }
    if let Some(url) = node.get_mut("bill_download_url")
        && let Some(path) = url.as_str()
        && path.starts_with('/')
    {
        *url = Value::String(format!("{}{path}", state.base_url));
    }
}

/// The transfers, for `/admin/ledger`.
pub(super) fn transfers_json(l: &Ledger) -> Value {
    l.transfers()
        .iter()
        .map(|t| {
            json!({
                "order_id": t.order_id, "out_biz_no": t.out_biz_no, "product_code": t.product_code,
                "amount": yuan(t.amount), "payer_user_id": t.payer_user_id,
                "payee_user_id": t.payee_user_id, "status": t.status, "trans_date": t.trans_date,
            })
        })
        .collect()
}

/// The pre-authorisation orders, for `/admin/ledger`.
pub(super) fn auth_orders_json(l: &Ledger) -> Value {
    l.auth_orders()
        .map(|o| {
            json!({
                "auth_no": o.auth_no, "out_order_no": o.out_order_no, "status": o.status,
                "payer_user_id": o.payer_user_id, "total_freeze_amount": yuan(o.total_freeze),
                "rest_amount": yuan(o.rest()),
            })
        })
        .collect()
}
