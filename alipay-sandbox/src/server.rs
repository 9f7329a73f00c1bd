//! The sandbox gateway over real HTTP/1.1 on loopback: checks every call like the live
//! gateway (protocol.md sections 2-4, public codes of section 11), runs it through the
//! [`Ledger`] and answers with a response signed by the gateway key. Notifications go to the
//! call's `notify_url` in the background.
//!
//! ```no_run
//! # async fn demo(config: alipay_sandbox::server::SandboxConfig) -> std::io::Result<()> {
//! let sandbox = alipay_sandbox::server::start(config, "127.0.0.1:0".parse().unwrap()).await?;
//! println!("{}", sandbox.gateway_url);
//! let balance = sandbox.with_ledger(|l| l.balance(alipay_sandbox::DEMO_MERCHANT));
//! # let _ = balance; Ok(()) }
//! ```
//!
//! ## Checks, in order
//!
//! Parameters are the query merged with an `application/x-www-form-urlencoded` body (the body
//! wins), decoded in the declared charset; GET with everything in the query is accepted.
//!
//! 1. `charset` not `utf-8`/`GBK` (or bytes not valid in it): `40002 isv.invalid-charset`.
//! 2. `app_id` missing: `40001 isv.missing-app-id`; unknown: `40002 isv.invalid-app-id`.
//! 3. `method` missing: `40001 isv.missing-method`; not one the ledger serves:
//!    `40002 isv.invalid-method` (both under `error_response`; every later refusal is in the
//!    method's own node).
//! 4. `version` missing: `40001 isv.missing-version`; not `1.0`: `40002 isv.invalid-parameter`.
//! 5. `sign_type` missing / not `RSA2`/`RSA`: `isv.missing-signature-type` /
//!    `isv.invalid-signature-type`.
//! 6. `sign` missing: `40001 isv.missing-signature`.
//! 7. `timestamp` missing, not `yyyy-MM-dd HH:mm:ss`, or further than `max_clock_skew` from
//!    now in UTC+8: `40002 isv.invalid-timestamp`.
//! 8. `encrypt_type` present: `40002 isv.invalid-encrypt-type` (the sandbox has no AES
//!    content encryption yet).
//! 9. The signature (every non-empty parameter but `sign`, sorted, charset bytes) checked with
//!    the app's public key under the declared `sign_type`: `40002 isv.invalid-signature`,
//!    `sub_msg` quoting the gateway's sign string like the live gateway.
//!
//! Responses are signed with the request's `sign_type` and charset (RSA2 / utf-8 when those
//! are themselves invalid).
//!
//! ## Notifications
//!
//! For each [`NotifyEvent`] of a call that carried an `http://` `notify_url`, a task POSTs the
//! signed form (`notify_id`, `notify_time`, `notify_type`, `app_id`, `charset`, `version`,
//! the event's fields) up to 5 times, 100 ms doubling between attempts, until the endpoint
//! answers exactly `success`. The reply never waits for it. `https` URLs are not delivered.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alipay_core::gateway::{sign_error_response, sign_notification, sign_response};
use alipay_core::sign::sign_content;
use alipay_core::{AppPublicKey, Charset, GatewayPrivateKey, SignType, Timestamp};
use base64::Engine;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioExecutor, TokioIo};
use serde_json::json;
use time::macros::{format_description, offset};
use time::{OffsetDateTime, PrimitiveDateTime};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::{Ledger, NotifyEvent};

/// The largest request body accepted.
const MAX_BODY: usize = 1 << 20;

/// The methods the ledger serves; any other is `isv.invalid-method`.
pub const METHODS: [&str; 8] = [
    "alipay.fund.coupon.order.app.pay",
    "alipay.fund.coupon.order.page.pay",
    "alipay.fund.coupon.order.agreement.pay",
    "alipay.fund.coupon.order.disburse",
    "alipay.fund.coupon.order.refund",
    "alipay.fund.coupon.operation.query",
    "alipay.fund.auth.order.voucher.create",
    "alipay.marketing.voucher.send",
];

/// What the sandbox gateway knows.
pub struct SandboxConfig {
    /// Registered applications: `app_id` and the public key its requests verify with.
    pub apps: Vec<(String, AppPublicKey)>,
    /// Signs responses and notifications (the client's `AlipayPublicKey` is its public half).
    pub gateway_key: GatewayPrivateKey,
    pub ledger: Ledger,
    /// How far a request's `timestamp` may be from now (UTC+8).
    pub max_clock_skew: Duration,
}

impl SandboxConfig {
    /// One app, the demo ledger, 10 minutes of clock skew.
    pub fn new(
        app_id: impl Into<String>,
        app_key: AppPublicKey,
        gateway_key: GatewayPrivateKey,
    ) -> Self {
        SandboxConfig {
            apps: vec![(app_id.into(), app_key)],
            gateway_key,
            ledger: Ledger::with_demo_data(),
            max_clock_skew: Duration::from_secs(600),
        }
    }
}

struct State {
    apps: BTreeMap<String, AppPublicKey>,
    gateway_key: GatewayPrivateKey,
    ledger: Arc<Mutex<Ledger>>,
    max_clock_skew: Duration,
    notify_seq: AtomicU64,
}

/// A running sandbox gateway. Dropping it (or [`Sandbox::shutdown`]) stops accepting
/// connections.
pub struct Sandbox {
    /// `http://127.0.0.1:PORT/gateway.do`.
    pub gateway_url: String,
    pub local_addr: SocketAddr,
    ledger: Arc<Mutex<Ledger>>,
    accept: JoinHandle<()>,
}

impl Sandbox {
    /// Runs `f` on the ledger (under its lock: keep it short, never across an await).
    pub fn with_ledger<R>(&self, f: impl FnOnce(&mut Ledger) -> R) -> R {
        let mut guard = self.ledger.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }

    /// The shared ledger itself.
    pub fn ledger(&self) -> Arc<Mutex<Ledger>> {
        self.ledger.clone()
    }

    /// Stops accepting connections.
    pub fn shutdown(self) {
        self.accept.abort();
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// Binds `addr` (use port 0 for any) and serves the gateway until the [`Sandbox`] is dropped.
pub async fn start(config: SandboxConfig, addr: SocketAddr) -> Result<Sandbox, io::Error> {
    let listener = TcpListener::bind(addr).await?;
    let local_addr = listener.local_addr()?;
    let ledger = Arc::new(Mutex::new(config.ledger));
    let state = Arc::new(State {
        apps: config.apps.into_iter().collect(),
        gateway_key: config.gateway_key,
        ledger: ledger.clone(),
        max_clock_skew: config.max_clock_skew,
        notify_seq: AtomicU64::new(1),
    });
    let accept = tokio::spawn(async move {
        loop {
            let (stream, _) = match listener.accept().await {
                Ok(s) => s,
                Err(_) => {
                    // Out of descriptors and the like: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let state = state.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |req| {
                    let state = state.clone();
                    async move { Ok::<_, Infallible>(serve(&state, req).await) }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .keep_alive(true)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Ok(Sandbox {
        gateway_url: format!("http://{local_addr}/gateway.do"),
        local_addr,
        ledger,
        accept,
    })
}

fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *resp.status_mut() = status;
    resp
}

async fn serve(state: &State, req: Request<Incoming>) -> Response<Full<Bytes>> {
    if req.uri().path() != "/gateway.do" {
        return plain(StatusCode::NOT_FOUND, "not found");
    }
    if req.method() != Method::POST && req.method() != Method::GET {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "use POST or GET");
    }
    let query = req.uri().query().unwrap_or("").as_bytes().to_vec();
    let content_type = req
        .headers()
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let body = match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return plain(StatusCode::BAD_REQUEST, "unreadable or oversized body"),
    };
    let form_body = if content_type.is_empty()
        || content_type.starts_with("application/x-www-form-urlencoded")
    {
        &body[..]
    } else {
        &[][..]
    };
    let (charset_text, bytes) = answer(state, &query, form_body);
    let mut resp = Response::new(Full::new(Bytes::from(bytes)));
    if let Ok(v) = format!("application/json;charset={charset_text}").parse() {
        resp.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    resp
}

/// The raw value of `charset` in a form (ASCII, so readable before decoding).
fn raw_charset(form: &[u8]) -> Option<String> {
    form.split(|&b| b == b'&').find_map(|pair| {
        let rest = pair.strip_prefix(b"charset=")?;
        Some(String::from_utf8_lossy(rest).replace('+', " "))
    })
}

fn parse_charset(text: &str) -> Option<Charset> {
    match text.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => Some(Charset::Utf8),
        "gbk" => Some(Charset::Gbk),
        _ => None,
    }
}

/// How to answer: in the method's node or `error_response`, signed how.
struct Answer<'a> {
    state: &'a State,
    method: Option<String>,
    sign_type: SignType,
    charset: Charset,
}

impl Answer<'_> {
    fn node(&self, node: &str) -> (String, Vec<u8>) {
        let key = &self.state.gateway_key;
        let signed = match &self.method {
            Some(m) => sign_response(m, node, key, self.sign_type, self.charset, None),
            None => sign_error_response(node, key, self.sign_type, self.charset, None),
        };
        // The node is always an object we built; only an unencodable character could fail,
        // and then the UTF-8 error answer is sent instead.
        let bytes = signed
            .or_else(|_| sign_error_response(node, key, self.sign_type, Charset::Utf8, None))
            .unwrap_or_default();
        (self.charset.as_str().to_owned(), bytes)
    }

    fn error(&self, code: &str, sub_code: &str, sub_msg: &str) -> (String, Vec<u8>) {
        let msg = match code {
            "40001" => "Missing Required Arguments",
            _ => "Invalid Arguments",
        };
        let node = json!({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg});
        self.node(&node.to_string())
    }
}

fn answer(state: &State, query: &[u8], body: &[u8]) -> (String, Vec<u8>) {
    let mut a = Answer {
        state,
        method: None,
        sign_type: SignType::Rsa2,
        charset: Charset::Utf8,
    };
    let declared = raw_charset(body).or_else(|| raw_charset(query));
    if let Some(text) = &declared {
        match parse_charset(text) {
            Some(c) => a.charset = c,
            None => return a.error("40002", "isv.invalid-charset", "字符集错误"),
        }
    }
    let mut params: BTreeMap<String, String> = BTreeMap::new();
    for part in [query, body] {
        match a.charset.form_decode(part) {
            Ok(pairs) => params.extend(pairs),
            Err(_) => return a.error("40002", "isv.invalid-charset", "字符集错误"),
        }
    }
    params.retain(|_, v| !v.is_empty());
    if let Some(st) = params.get("sign_type").and_then(|s| s.parse().ok()) {
        a.sign_type = st;
    }

    let Some(app_id) = params.get("app_id").cloned() else {
        return a.error("40001", "isv.missing-app-id", "缺少appId参数");
    };
    let Some(app_key) = state.apps.get(&app_id) else {
        return a.error("40002", "isv.invalid-app-id", "无效的AppID参数");
    };
    let Some(method) = params.get("method").cloned() else {
        return a.error("40001", "isv.missing-method", "缺少方法名参数");
    };
    if !METHODS.contains(&method.as_str()) {
        return a.error("40002", "isv.invalid-method", "不存在的方法名");
    }
    a.method = Some(method.clone());
    match params.get("version").map(String::as_str) {
        None => return a.error("40001", "isv.missing-version", "缺少版本参数"),
        Some("1.0") => {}
        Some(_) => return a.error("40002", "isv.invalid-parameter", "参数无效: version"),
    }
    let sign_type: SignType = match params.get("sign_type") {
        None => return a.error("40001", "isv.missing-signature-type", "缺少签名类型参数"),
        Some(t) => match t.parse() {
            Ok(t) => t,
            Err(_) => return a.error("40002", "isv.invalid-signature-type", "无效的签名类型"),
        },
    };
    let Some(sign) = params.get("sign").cloned() else {
        return a.error("40001", "isv.missing-signature", "缺少签名参数");
    };
    let fresh = params
        .get("timestamp")
        .and_then(|t| within_skew(t, state.max_clock_skew));
    if fresh != Some(true) {
        return a.error("40002", "isv.invalid-timestamp", "非法的时间戳参数");
    }
    if params.contains_key("encrypt_type") {
        return a.error(
            "40002",
            "isv.invalid-encrypt-type",
            "无效的加密类型（沙箱不支持内容加密）",
        );
    }
    let content = sign_content(
        params
            .iter()
            .filter(|(k, _)| k.as_str() != "sign")
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let verified = match (
        base64::engine::general_purpose::STANDARD.decode(sign.as_bytes()),
        a.charset.encode(&content),
    ) {
        (Ok(sig), Ok(message)) => app_key.verify(sign_type, &message, &sig),
        _ => false,
    };
    if !verified {
        return a.error(
            "40002",
            "isv.invalid-signature",
            &format!("验签出错，网关生成的验签字符串为：{content}"),
        );
    }

    let biz_content = params.get("biz_content").map(String::as_str).unwrap_or("");
    let now = Timestamp::now();
    let reply = {
        let mut ledger = state.ledger.lock().unwrap_or_else(|e| e.into_inner());
        ledger.handle(&app_id, &method, biz_content, now.as_str())
    };
    if let Some(url) = params.get("notify_url") {
        for event in reply.events {
            let seq = state.notify_seq.fetch_add(1, Ordering::Relaxed);
            if let Some(body) = notification_body(state, &event, seq, a.sign_type, a.charset) {
                spawn_delivery(url.clone(), body, a.charset);
            }
        }
    }
    a.node(&reply.node.to_string())
}

/// `Some(true)` when `text` is a valid timestamp within `skew` of now (UTC+8).
fn within_skew(text: &str, skew: Duration) -> Option<bool> {
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let t = PrimitiveDateTime::parse(text, format)
        .ok()?
        .assume_offset(offset!(+8));
    let diff = (OffsetDateTime::now_utc() - t).unsigned_abs();
    Some(diff <= skew)
}

fn notification_body(
    state: &State,
    event: &NotifyEvent,
    seq: u64,
    sign_type: SignType,
    charset: Charset,
) -> Option<String> {
    let now = Timestamp::now();
    let mut map: BTreeMap<String, String> = event.fields.iter().cloned().collect();
    let own = [
        ("notify_type", event.notify_type.clone()),
        ("app_id", event.app_id.clone()),
        ("notify_id", format!("sandbox{seq:016}")),
        ("notify_time", now.as_str().to_owned()),
        ("charset", charset.as_str().to_owned()),
        ("version", "1.0".to_owned()),
    ];
    for (k, v) in own {
        map.entry(k.to_owned()).or_insert(v);
    }
    sign_notification(&map, &state.gateway_key, sign_type, charset).ok()
}

fn spawn_delivery(url: String, body: String, charset: Charset) {
    let Ok(uri) = url.parse::<hyper::Uri>() else {
        return;
    };
    if uri.scheme_str() != Some("http") {
        return;
    }
    tokio::spawn(async move {
        let client = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .build_http::<Full<Bytes>>();
        let mut delay = Duration::from_millis(100);
        for attempt in 0..5 {
            if attempt > 0 {
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
            let Ok(req) = Request::post(uri.clone())
                .header(
                    hyper::header::CONTENT_TYPE,
                    format!(
                        "application/x-www-form-urlencoded;charset={}",
                        charset.as_str()
                    ),
                )
                .body(Full::new(Bytes::from(body.clone())))
            else {
                return;
            };
            let sent = tokio::time::timeout(Duration::from_secs(5), async {
                let resp = client.request(req).await.ok()?;
                let bytes = resp.into_body().collect().await.ok()?.to_bytes();
                Some(bytes)
            })
            .await;
            if let Ok(Some(answer)) = sent
                && &answer[..] == b"success"
            {
                return;
            }
        }
    });
}
