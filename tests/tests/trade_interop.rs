//! The official SDKs against our sandbox on the trade family (当面付, app and page payments,
//! refunds), over real HTTP on loopback; the buyer's side is the sandbox's cashier routes.
//!
//! * Python (`alipay-sdk-python` 3.7.1411, `tests/interop/trade_python.py`):
//!   `DefaultAlipayClient.execute` with the SDK's typed `AlipayTradePrecreateRequest` +
//!   `AlipayTradePrecreateModel` (then the buyer scans the `qr_code` at `POST /cashier/scan`),
//!   `AlipayTradeQueryRequest`, `AlipayTradeRefundRequest` (partial, then the same
//!   `out_request_no` again: `fund_change` `N`, nothing moves), `AlipayTradeFastpayRefundQueryRequest`,
//!   `AlipayTradePayRequest` with a payment code from `POST /cashier/payment-code`,
//!   `AlipayTradeCancelRequest`, `AlipayTradeCreateRequest` + `AlipayTradeCloseRequest`. The
//!   sandbox accepting a call is the sandbox verifying the SDK's signature; `execute` returning
//!   is the SDK verifying the sandbox's.
//! * Node (`alipay-sdk` 4.14.0): `sdk.exec` for precreate -> scan -> query -> refund ->
//!   fastpay.refund.query (`tests/interop/sandbox_exec.mjs`); `sdk.sdkExecute` of
//!   `alipay.trade.app.pay`, the order string paid at `POST /cashier/app-pay`; `sdk.pageExecute`
//!   of `alipay.trade.page.pay`, GET (the URL opened as a browser would, the cashier page's
//!   form submitted, the signed synchronous return checked with `checkNotifySignV2`) and POST
//!   (the auto-submitting form submitted as a browser would) (`tests/interop/trade_sdk.mjs`).
//!   Python's `sdk_execute` / `page_execute` (GET and POST) the same way. The app.pay and
//!   page.pay `notify_url`s get their `trade_status_sync`, which Node verifies.
//! * Python in GBK and with `RSA` (SHA-1) signatures: precreate, query, refund; the GBK
//!   notifications decoded and verified in GBK.
//! * Notifications: the `trade_status_sync` POSTs of a scanned precreate and of a refund, as
//!   received by a loopback endpoint, verified by Node's `checkNotifySignV2` and by the Python
//!   SDK's `SignatureUtils.get_sign_content` + `verify_with_rsa`; a tampered one is refused by
//!   both.
//!
//! Every test asserts the ledger too: money moved exactly, total unchanged. The SDK processes
//! run with `TZ=CST-8` (they stamp `timestamp` in local time; see `sandbox_interop.rs`).
//! Run: `cargo test -p alipay-tests --test trade_interop`.

use std::process::Command;
use std::thread;
use std::time::Duration;

use alipay_core::{AppPublicKey, GatewayPrivateKey};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS, Ledger, Trade, TradeStatus};
use alipay_testkit::{NotifyEndpoint, http};
use alipay_tests::{node_interop_dir, python_sdk, run_ok, testdata_text, workspace_root};
use serde_json::{Value, json};

const APP_ID: &str = "2021000000000001";
const PRECREATE: &str = "alipay.trade.precreate";
const QUERY: &str = "alipay.trade.query";
const REFUND: &str = "alipay.trade.refund";
const REFUND_QUERY: &str = "alipay.trade.fastpay.refund.query";
const PAY: &str = "alipay.trade.pay";
const CREATE: &str = "alipay.trade.create";
const CLOSE: &str = "alipay.trade.close";
const CANCEL: &str = "alipay.trade.cancel";
const APP_PAY: &str = "alipay.trade.app.pay";
const PAGE_PAY: &str = "alipay.trade.page.pay";
/// UTC+8 (Beijing, no DST) as a POSIX TZ rule: needs no tz database on the machine.
const BEIJING: &str = "CST-8";

// ---------------------------------------------------------------------------------------------
// the sandbox, in-process

struct Gateway {
    // Dropped first: stop accepting before the runtime goes.
    sandbox: Sandbox,
    runtime: tokio::runtime::Runtime,
}

impl Gateway {
    fn start() -> Gateway {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let config = SandboxConfig::new(
            APP_ID,
            AppPublicKey::from_text(&testdata_text("app_public_spki.pem")).expect("app key"),
            GatewayPrivateKey::from_text(&testdata_text("gateway_private_pkcs8.pem"))
                .expect("gateway key"),
        );
        let addr = "127.0.0.1:0".parse().expect("loopback address");
        let sandbox = runtime
            .block_on(start(config, addr))
            .expect("start the sandbox gateway");
        Gateway { sandbox, runtime }
    }

    fn url(&self) -> &str {
        &self.sandbox.gateway_url
    }

    /// `http://127.0.0.1:PORT` + `path`.
    fn route(&self, path: &str) -> String {
        format!("http://{}{path}", self.sandbox.local_addr)
    }

    fn ledger<R>(&self, f: impl FnOnce(&Ledger) -> R) -> R {
        self.sandbox.with_ledger(f)
    }

    fn balance(&self, user_id: &str) -> u64 {
        self.ledger(|l| l.balance(user_id))
            .unwrap_or_else(|| panic!("no sandbox account {user_id}"))
    }

    fn total(&self) -> u128 {
        self.ledger(Ledger::total_money)
    }

    fn trade(&self, out_trade_no: &str) -> Trade {
        self.ledger(|l| l.trade_by_out_trade_no(out_trade_no).cloned())
            .unwrap_or_else(|| panic!("the sandbox has no trade {out_trade_no}"))
    }

    /// The buyer's side: a JSON POST to a cashier route, which must answer 200.
    fn cashier(&self, path: &str, body: &Value) -> Value {
        let answer = self.runtime.block_on(http::send(
            http::Method::POST,
            &self.route(path),
            &[("content-type", "application/json")],
            body.to_string().as_bytes(),
        ));
        assert_eq!(
            answer.status,
            http::StatusCode::OK,
            "POST {path} {body}: {}",
            answer.text()
        );
        answer.json()
    }

    /// `POST /cashier/scan`: `buyer` scans a precreated trade's `qr_code`.
    fn scan(&self, qr_code: &str, buyer: &str) -> Value {
        self.cashier(
            "/cashier/scan",
            &json!({"qr_code": qr_code, "buyer_user_id": buyer}),
        )
    }

    /// `POST /cashier/payment-code`: `buyer` shows a one-time payment code.
    fn payment_code(&self, buyer: &str) -> String {
        let code = self.cashier("/cashier/payment-code", &json!({"buyer_user_id": buyer}));
        text(&code, "auth_code").to_owned()
    }

    /// A browser opening `url` (a page.pay GET URL): must be the cashier page (200, HTML).
    fn browse(&self, url: &str) -> String {
        let page = self.send(http::Method::GET, url, &[("accept", BROWSER_ACCEPT)], b"");
        assert_eq!(
            page.status,
            http::StatusCode::OK,
            "GET {url}: {}",
            page.text()
        );
        page.text()
    }

    /// A browser running the auto-submitting form of a page.pay `pageExecute`/`page_execute`
    /// (POST): every hidden input, entity-decoded, sent form-encoded to the form's action.
    /// Must be the cashier page.
    fn submit(&self, form_html: &str) -> String {
        let action = attribute(form_html, "<form", "action")
            .unwrap_or_else(|| panic!("no <form action> in {form_html}"));
        let mut body = String::new();
        for input in form_html.split("<input").skip(1) {
            let input = format!("<input{input}");
            let (Some(name), Some(value)) = (
                attribute(&input, "<input", "name"),
                attribute(&input, "<input", "value"),
            ) else {
                continue;
            };
            if attribute(&input, "<input", "type").as_deref() != Some("hidden") {
                continue;
            }
            if !body.is_empty() {
                body.push('&');
            }
            body.push_str(&form_encode(&name));
            body.push('=');
            body.push_str(&form_encode(&value));
        }
        let page = self.send(
            http::Method::POST,
            &action,
            &[
                ("accept", BROWSER_ACCEPT),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            body.as_bytes(),
        );
        assert_eq!(
            page.status,
            http::StatusCode::OK,
            "POST {action}: {}",
            page.text()
        );
        page.text()
    }

    /// The buyer chooses to pay on the cashier page (its form: `out_trade_no`,
    /// `buyer_user_id`).
    fn pay_at_cashier(&self, out_trade_no: &str, buyer: &str) -> http::Answer {
        self.send(
            http::Method::POST,
            &self.route("/cashier/pay"),
            &[("content-type", "application/x-www-form-urlencoded")],
            format!(
                "out_trade_no={out_trade_no}&buyer_user_id={buyer}&cashier_token={}",
                self.sandbox.cashier_token(out_trade_no)
            )
            .as_bytes(),
        )
    }

    fn send(
        &self,
        method: http::Method,
        url: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> http::Answer {
        self.runtime
            .block_on(http::send(method, url, headers, body))
    }
}

/// What a browser sends when it navigates.
const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// The `name="..."` attribute of the first `tag` in `html`, with the entities the SDKs'
/// forms use decoded (they escape only `"`; a browser decodes the others too).
fn attribute(html: &str, tag: &str, name: &str) -> Option<String> {
    let start = html.find(tag)?;
    // The element ends at the first `>` outside quotes: the SDKs leave `<` and `>` raw in
    // attribute values, which browsers accept.
    let mut quoted = false;
    let len = html[start..].find(|c: char| {
        if c == '"' {
            quoted = !quoted;
        }
        c == '>' && !quoted
    })?;
    let element = &html[start..start + len];
    let needle = format!(" {name}=\"");
    let from = element.find(&needle)? + needle.len();
    let len = element[from..].find('"')?;
    Some(
        element[from..from + len]
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// `application/x-www-form-urlencoded` as browsers encode UTF-8 form fields.
fn form_encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Checks `html` is the cashier page of `out_trade_no` for `amount`.
fn assert_cashier_page(html: &str, out_trade_no: &str, amount: &str) {
    assert!(
        html.contains(&format!("<dd id=\"out_trade_no\">{out_trade_no}</dd>"))
            && html.contains(&format!("<span id=\"total_amount\">{amount}</span>"))
            && html.contains("action=\"/cashier/pay\""),
        "not the cashier page of {out_trade_no}:\n{html}"
    );
}

/// The balances that matter and the total, before anything happened.
struct Before {
    merchant: u64,
    users: Vec<u64>,
    total: u128,
}

impl Before {
    fn take(gw: &Gateway) -> Before {
        Before {
            merchant: gw.balance(DEMO_MERCHANT),
            users: DEMO_USERS.iter().map(|(id, ..)| gw.balance(id)).collect(),
            total: gw.total(),
        }
    }
}

fn text<'a>(v: &'a Value, name: &str) -> &'a str {
    v[name]
        .as_str()
        .unwrap_or_else(|| panic!("no string {name:?} in {v}"))
}

// ---------------------------------------------------------------------------------------------
// the SDK processes

/// Runs a Node script of `tests/interop` with `job` on stdin, the clock in Beijing.
fn node(script: &str, job: &Value) -> Value {
    let dir = node_interop_dir();
    let stdout = run_ok(
        Command::new("node")
            .arg(dir.join(script))
            .current_dir(dir)
            .env("TZ", BEIJING),
        job.to_string().as_bytes(),
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{script} printed invalid JSON ({e}):\n{stdout}"))
}

fn node_config(gw: &Gateway) -> Value {
    json!({
        "appId": APP_ID,
        "privateKey": testdata_text("app_private_pkcs1.pem"),
        "alipayPublicKey": testdata_text("gateway_public_spki.pem"),
        "gateway": gw.url(),
    })
}

/// `sdk.exec(method, { bizContent, notifyUrl? }, { validateSign: true })`, one Node process
/// for all, in order.
fn node_exec(gw: &Gateway, calls: Vec<(&str, Value, Option<&str>)>) -> Vec<Value> {
    let config = node_config(gw);
    let jobs: Vec<Value> = calls
        .into_iter()
        .map(|(method, biz, notify_url)| {
            let mut params = json!({ "bizContent": biz });
            if let Some(url) = notify_url {
                params["notifyUrl"] = url.into();
            }
            json!({
                "config": config,
                "method": method,
                "params": params,
                "options": { "validateSign": true },
            })
        })
        .collect();
    let out = node("sandbox_exec.mjs", &Value::Array(jobs));
    out.as_array().expect("an array of outcomes").clone()
}

/// What `exec` resolved to (keys camelCased by the SDK), which must say `10000`.
fn node_success<'a>(outcome: &'a Value, what: &str) -> &'a Value {
    assert!(
        outcome.get("error").is_none(),
        "{what}: the Node SDK threw: {}",
        outcome["error"]
    );
    let result = &outcome["result"];
    assert_eq!(result["code"], "10000", "{what}: not a success: {result}");
    assert_eq!(result["msg"], "Success", "{what}: {result}");
    result
}

/// `checkNotifySignV2` (and the older `checkNotifySign`) of raw form bodies, under the
/// gateway's public key.
fn node_check_notify(bodies: &[&str]) -> Vec<Value> {
    let key = testdata_text("gateway_public_spki.pem");
    let jobs: Vec<Value> = bodies
        .iter()
        .map(|body| json!({"alipayPublicKey": key, "body": body}))
        .collect();
    let out = node("sandbox_notify.mjs", &Value::Array(jobs));
    out.as_array().expect("an array of checks").clone()
}

/// Runs `tests/interop/trade_python.py` in the SDK's venv with `jobs`.
fn python(jobs: Vec<Value>) -> Vec<Value> {
    let python = python_sdk();
    let dir = workspace_root().join("tests").join("interop");
    let stdout = run_ok(
        Command::new(python)
            .arg(dir.join("trade_python.py"))
            .current_dir(&dir)
            .env("TZ", BEIJING),
        Value::Array(jobs).to_string().as_bytes(),
    );
    let out: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("trade_python.py printed invalid JSON ({e}):\n{stdout}"));
    out.as_array().expect("an array of outcomes").clone()
}

fn python_config(gw: &Gateway, alipay_public_key: &str) -> Value {
    python_keys(gw, "app_private_pkcs1.pem", alipay_public_key)
}

fn python_keys(gw: &Gateway, app_private_key: &str, alipay_public_key: &str) -> Value {
    json!({
        "serverUrl": gw.url(),
        "appId": APP_ID,
        "appPrivateKey": testdata_text(app_private_key),
        "alipayPublicKey": testdata_text(alipay_public_key),
    })
}

/// One typed `execute` of the Python SDK, under the right keys.
fn py_call(gw: &Gateway, method: &str, biz: Value) -> Value {
    json!({"call": {"config": python_config(gw, "gateway_public_spki.pem"), "method": method, "biz": biz}})
}

/// The parsed response of a verified `execute`.
fn python_answer<'a>(outcome: &'a Value, what: &str) -> &'a Value {
    assert!(
        outcome.get("error").is_none(),
        "{what}: the Python SDK raised: {}",
        outcome["error"]
    );
    // `content` is the text execute verified; the response object is parsed from it.
    let content: Value = serde_json::from_str(text(outcome, "content")).expect("content is JSON");
    assert_eq!(content["code"], outcome["response"]["code"], "{what}");
    &outcome["response"]
}

/// The parsed response of a verified `execute`, which must say `10000`.
fn python_success<'a>(outcome: &'a Value, what: &str) -> &'a Value {
    let response = python_answer(outcome, what);
    assert_eq!(response["code"], "10000", "{what}: {outcome}");
    assert_eq!(response["msg"], "Success", "{what}: {outcome}");
    assert_eq!(outcome["is_success"], true, "{what}: {outcome}");
    response
}

/// A business refusal the SDK verified and parsed: `40004` and `sub_code`.
fn python_refused(outcome: &Value, sub_code: &str, what: &str) {
    let response = python_answer(outcome, what);
    assert_eq!(response["code"], "40004", "{what}: {outcome}");
    assert_eq!(response["sub_code"], sub_code, "{what}: {outcome}");
    assert_eq!(outcome["is_success"], false, "{what}: {outcome}");
}

// ---------------------------------------------------------------------------------------------
// 1. Python, typed requests

#[test]
fn python_sdk_typed_trade_requests_through_the_sandbox() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let (alice, bob) = (DEMO_USERS[0].0, DEMO_USERS[1].0);

    // precreate: the QR code; the trade is nobody's yet.
    let pre = python(vec![py_call(
        &gw,
        PRECREATE,
        json!({"out_trade_no": "PY_T_001", "total_amount": "10.00", "subject": "Python 当面付 & 测试"}),
    )]);
    let pre = python_success(&pre[0], "Python precreate");
    assert_eq!(pre["out_trade_no"], "PY_T_001");
    let qr_code = text(pre, "qr_code").to_owned();
    assert_eq!(gw.trade("PY_T_001").status, TradeStatus::WaitBuyerPay);
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant);

    // alice scans it.
    let scanned = gw.scan(&qr_code, alice);
    assert_eq!(scanned["trade_status"], "TRADE_SUCCESS", "{scanned}");
    assert_eq!(scanned["total_amount"], "10.00");
    let trade_no = text(&scanned, "trade_no").to_owned();
    assert_eq!(gw.balance(alice), before.users[0] - 1000);
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant + 1000);

    let refund = json!({
        "out_trade_no": "PY_T_001",
        "refund_amount": "3.00",
        "out_request_no": "PY_T_001_R1",
        "refund_reason": "部分退款",
    });
    let steps = python(vec![
        py_call(&gw, QUERY, json!({"out_trade_no": "PY_T_001"})),
        py_call(&gw, REFUND, refund.clone()),
        py_call(&gw, REFUND, refund),
        py_call(
            &gw,
            REFUND_QUERY,
            json!({"trade_no": trade_no, "out_request_no": "PY_T_001_R1"}),
        ),
        py_call(&gw, QUERY, json!({"out_trade_no": "PY_T_NOPE"})),
        py_call(&gw, CLOSE, json!({"trade_no": trade_no})),
        // The right call, the wrong Alipay key: the SDK refuses the answer.
        json!({"call": {
            "config": python_config(&gw, "app_public_spki.pem"),
            "method": QUERY,
            "biz": {"trade_no": trade_no},
        }}),
        // Signed with a key that is not the app's: the sandbox refuses it (signed, so the
        // SDK verifies the refusal and hands it back); nothing moves.
        json!({"call": {
            "config": python_keys(&gw, "gateway_private_pkcs1.pem", "gateway_public_spki.pem"),
            "method": REFUND,
            "biz": {"trade_no": trade_no, "refund_amount": "1.00", "out_request_no": "PY_T_001_R2"},
        }}),
    ]);

    let query = python_success(&steps[0], "Python query");
    assert_eq!(query["trade_no"], trade_no.as_str());
    assert_eq!(query["out_trade_no"], "PY_T_001");
    assert_eq!(query["trade_status"], "TRADE_SUCCESS");
    assert_eq!(query["total_amount"], "10.00");
    assert_eq!(query["buyer_user_id"], alice);
    assert_eq!(query["buyer_pay_amount"], "10.00");

    let first = python_success(&steps[1], "Python refund");
    assert_eq!(first["fund_change"], "Y");
    assert_eq!(first["refund_fee"], "3.00");
    assert_eq!(first["trade_no"], trade_no.as_str());
    assert_eq!(first["buyer_user_id"], alice);
    let again = python_success(&steps[2], "Python refund, same out_request_no");
    assert_eq!(
        again["fund_change"], "N",
        "a replayed refund moved money? {again}"
    );
    assert_eq!(again["refund_fee"], "3.00");
    assert_eq!(again["trade_no"], trade_no.as_str());

    let refunded = python_success(&steps[3], "Python fastpay.refund.query");
    assert_eq!(refunded["out_request_no"], "PY_T_001_R1");
    assert_eq!(refunded["refund_amount"], "3.00");
    assert_eq!(refunded["total_amount"], "10.00");
    assert_eq!(refunded["refund_status"], "REFUND_SUCCESS");
    assert_eq!(refunded["refund_reason"], "部分退款");

    python_refused(
        &steps[4],
        "ACQ.TRADE_NOT_EXIST",
        "Python query of an unknown trade",
    );
    python_refused(
        &steps[5],
        "ACQ.TRADE_STATUS_ERROR",
        "Python close of a paid trade",
    );

    let error = &steps[6]["error"];
    assert_eq!(
        error["type"], "ResponseException",
        "the Python SDK accepted an answer under the wrong key: {}",
        steps[6]
    );
    assert!(
        text(error, "message").contains("response sign verify failed"),
        "{error}"
    );

    let forged = python_answer(&steps[7], "Python refund signed with the wrong key");
    assert_eq!(forged["code"], "40002", "{}", steps[7]);
    assert_eq!(forged["sub_code"], "isv.invalid-signature", "{}", steps[7]);

    let trade = gw.trade("PY_T_001");
    assert_eq!((trade.refunded, trade.status), (300, TradeStatus::Success));
    assert_eq!(gw.balance(alice), before.users[0] - 700);
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant + 700);

    // trade.pay with bob's payment code, then cancel (a paid trade: refunded in full); a
    // created trade closed; an unscanned precreate cancelled.
    let code = gw.payment_code(bob);
    assert!(
        code.len() == 18 && code.starts_with("28"),
        "payment code {code}"
    );
    let pay_biz = json!({
        "out_trade_no": "PY_T_002",
        "scene": "bar_code",
        "auth_code": code,
        "total_amount": "5.50",
        "subject": "条码支付",
    });
    let steps = python(vec![
        py_call(&gw, PAY, pay_biz),
        py_call(&gw, QUERY, json!({"out_trade_no": "PY_T_002"})),
    ]);
    let paid = python_success(&steps[0], "Python trade.pay");
    assert_eq!(paid["out_trade_no"], "PY_T_002");
    assert_eq!(paid["total_amount"], "5.50");
    assert_eq!(paid["buyer_user_id"], bob);
    assert_eq!(
        paid["fund_bill_list"],
        json!([{"fund_channel": "ALIPAYACCOUNT", "amount": "5.50"}])
    );
    let queried = python_success(&steps[1], "Python query after trade.pay");
    assert_eq!(queried["trade_status"], "TRADE_SUCCESS");
    assert_eq!(gw.balance(bob), before.users[1] - 550);

    // The code is spent: a second payment with it is refused, nothing moves.
    let steps = python(vec![
        py_call(
            &gw,
            PAY,
            json!({
                "out_trade_no": "PY_T_003",
                "scene": "bar_code",
                "auth_code": code,
                "total_amount": "1.00",
                "subject": "再刷一次",
            }),
        ),
        py_call(&gw, CANCEL, json!({"out_trade_no": "PY_T_002"})),
        py_call(
            &gw,
            CREATE,
            json!({"out_trade_no": "PY_T_004", "total_amount": "2.00", "subject": "小程序", "buyer_id": bob}),
        ),
        py_call(&gw, CLOSE, json!({"out_trade_no": "PY_T_004"})),
        py_call(
            &gw,
            PRECREATE,
            json!({"out_trade_no": "PY_T_005", "total_amount": "1.00", "subject": "没人扫"}),
        ),
        py_call(&gw, CANCEL, json!({"out_trade_no": "PY_T_005"})),
        py_call(&gw, QUERY, json!({"out_trade_no": "PY_T_004"})),
    ]);
    python_refused(
        &steps[0],
        "ACQ.PAYMENT_AUTH_CODE_INVALID",
        "Python trade.pay with a used code",
    );
    let cancelled = python_success(&steps[1], "Python cancel of a paid trade");
    assert_eq!(cancelled["action"], "refund");
    assert_eq!(cancelled["retry_flag"], "N");
    assert_eq!(cancelled["out_trade_no"], "PY_T_002");
    let created = python_success(&steps[2], "Python trade.create");
    assert_eq!(created["out_trade_no"], "PY_T_004");
    let created_no = text(created, "trade_no").to_owned();
    let closed = python_success(&steps[3], "Python close");
    assert_eq!(closed["trade_no"], created_no.as_str());
    let cancelled = python_success(&steps[5], "Python cancel of an unscanned precreate");
    assert_eq!(cancelled["action"], "close");
    let queried = python_success(&steps[6], "Python query of the closed trade");
    assert_eq!(queried["trade_status"], "TRADE_CLOSED");

    assert_eq!(gw.trade("PY_T_002").status, TradeStatus::Closed);
    assert_eq!(gw.trade("PY_T_004").status, TradeStatus::Closed);
    assert_eq!(gw.trade("PY_T_005").status, TradeStatus::Closed);
    let refused = gw.ledger(|l| l.trade_by_out_trade_no("PY_T_003").map(|t| t.status));
    assert_ne!(refused, Some(TradeStatus::Success), "a spent code paid");
    // Money: alice paid 10.00 and got 3.00 back; bob paid 5.50 and got it all back.
    assert_eq!(gw.balance(alice), before.users[0] - 700);
    assert_eq!(gw.balance(bob), before.users[1]);
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant + 700);
    assert_eq!(gw.total(), before.total, "money was created or destroyed");
}

#[test]
fn python_sdk_in_gbk_and_with_rsa_signatures_through_the_sandbox() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let listener = NotifyEndpoint::builder().path("/gbk/notify").start();
    let carol = DEMO_USERS[2].0;
    let mut gbk = python_config(&gw, "gateway_public_spki.pem");
    gbk["charset"] = "GBK".into();
    let mut rsa = python_config(&gw, "gateway_public_spki.pem");
    rsa["signType"] = "RSA".into();
    let subject = "GBK 当面付：咖啡（大杯）";

    let pre = python(vec![json!({"call": {
        "config": gbk,
        "method": PRECREATE,
        "biz": {"out_trade_no": "PY_GBK_001", "total_amount": "3.20", "subject": subject},
        "notifyUrl": listener.url(),
    }})]);
    let pre = python_success(&pre[0], "Python precreate in GBK");
    gw.scan(text(pre, "qr_code"), carol);
    assert_eq!(
        gw.trade("PY_GBK_001").subject,
        subject,
        "subject changed on the way"
    );

    let steps = python(vec![
        json!({"call": {"config": gbk, "method": QUERY, "biz": {"out_trade_no": "PY_GBK_001"}}}),
        json!({"call": {"config": rsa, "method": QUERY, "biz": {"out_trade_no": "PY_GBK_001"}}}),
        json!({"call": {
            "config": rsa,
            "method": REFUND,
            "biz": {"out_trade_no": "PY_GBK_001", "refund_amount": "3.20", "refund_reason": "全额退款"},
        }}),
    ]);
    for (i, what) in ["Python query in GBK", "Python query with RSA"]
        .into_iter()
        .enumerate()
    {
        let query = python_success(&steps[i], what);
        assert_eq!(query["subject"], subject, "{what}");
        assert_eq!(query["trade_status"], "TRADE_SUCCESS", "{what}");
        assert_eq!(query["buyer_user_id"], carol, "{what}");
    }
    let refund = python_success(&steps[2], "Python refund with RSA");
    assert_eq!(refund["fund_change"], "Y");
    assert_eq!(refund["refund_fee"], "3.20");
    assert_eq!(gw.trade("PY_GBK_001").status, TradeStatus::Closed);

    // The trade's notifications are signed in the charset of the call that opened it (GBK):
    // the scan (TRADE_SUCCESS) and the full refund (TRADE_CLOSED).
    let mut received: Vec<Vec<u8>> = listener
        .wait_for(2, Duration::from_secs(10))
        .iter()
        .map(|n| n.body.to_vec())
        .collect();
    received.sort_by_key(|body| body.windows(11).any(|w| w == b"refund_fee="));
    let bodies: Vec<String> = received
        .iter()
        .map(|b| String::from_utf8(b.clone()).expect("a form body is ASCII (percent-encoded)"))
        .collect();
    let key = testdata_text("gateway_public_spki.pem");
    let checks = python(
        bodies
            .iter()
            .map(|body| json!({"verify": {"alipayPublicKey": key, "body": body}}))
            .collect(),
    );
    for (check, status) in checks.iter().zip(["TRADE_SUCCESS", "TRADE_CLOSED"]) {
        assert_eq!(
            check["verified"], true,
            "Python refuses a GBK notification: {check}"
        );
        let data = &check["params"];
        assert_eq!(data["charset"], "GBK");
        assert_eq!(data["subject"], subject);
        assert_eq!(data["trade_status"], status);
    }
    assert_eq!(checks[1]["params"]["refund_fee"], "3.20");

    assert_eq!(gw.balance(carol), before.users[2]);
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant);
    assert_eq!(gw.total(), before.total);
}

// ---------------------------------------------------------------------------------------------
// 2. Node: exec, sdkExecute (app.pay), pageExecute (page.pay)

#[test]
fn node_sdk_exec_trade_flow_through_the_sandbox() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let alice = DEMO_USERS[0].0;

    let pre = node_exec(
        &gw,
        vec![(
            PRECREATE,
            json!({"out_trade_no": "NODE_T_001", "total_amount": "12.34", "subject": "Node 当面付"}),
            None,
        )],
    );
    let pre = node_success(&pre[0], "Node precreate");
    assert_eq!(pre["outTradeNo"], "NODE_T_001");
    let scanned = gw.scan(text(pre, "qrCode"), alice);
    let trade_no = text(&scanned, "trade_no").to_owned();

    let steps = node_exec(
        &gw,
        vec![
            (QUERY, json!({"trade_no": trade_no}), None),
            (
                REFUND,
                json!({"trade_no": trade_no, "refund_amount": "2.34", "out_request_no": "NODE_T_001_R1"}),
                None,
            ),
            (
                REFUND,
                json!({"trade_no": trade_no, "refund_amount": "2.34", "out_request_no": "NODE_T_001_R1"}),
                None,
            ),
            (
                REFUND_QUERY,
                json!({"out_trade_no": "NODE_T_001", "out_request_no": "NODE_T_001_R1"}),
                None,
            ),
        ],
    );
    let query = node_success(&steps[0], "Node query");
    assert_eq!(query["tradeStatus"], "TRADE_SUCCESS");
    assert_eq!(query["totalAmount"], "12.34");
    assert_eq!(query["buyerUserId"], alice);
    assert_eq!(query["outTradeNo"], "NODE_T_001");
    let refund = node_success(&steps[1], "Node refund");
    assert_eq!(refund["fundChange"], "Y");
    assert_eq!(refund["refundFee"], "2.34");
    let again = node_success(&steps[2], "Node refund replayed");
    assert_eq!(again["fundChange"], "N");
    assert_eq!(again["refundFee"], "2.34");
    let refunded = node_success(&steps[3], "Node fastpay.refund.query");
    assert_eq!(refunded["refundAmount"], "2.34");
    assert_eq!(refunded["refundStatus"], "REFUND_SUCCESS");
    assert_eq!(refunded["outRequestNo"], "NODE_T_001_R1");
    assert_eq!(refunded["tradeNo"], trade_no.as_str());

    assert_eq!(gw.balance(alice), before.users[0] - 1000);
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant + 1000);
    assert_eq!(gw.total(), before.total);
}

#[test]
fn node_sdk_app_pay_order_string_and_page_pay_url_and_form_are_paid_at_the_cashier() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let (alice, bob) = (DEMO_USERS[0].0, DEMO_USERS[1].0);
    let return_url = "http://127.0.0.1:9/shop/return?from=alipay";
    let listener = NotifyEndpoint::builder().path("/alipay/notify").start();

    let built = node(
        "trade_sdk.mjs",
        &json!([
            {
                "kind": "sdkExecute",
                "config": node_config(&gw),
                "method": APP_PAY,
                "params": {
                    "bizContent": {
                        "out_trade_no": "NODE_APP_001",
                        "total_amount": "8.88",
                        "subject": "App 支付",
                        "product_code": "QUICK_MSECURITY_PAY",
                    },
                    "notifyUrl": listener.url(),
                },
            },
            {
                "kind": "pageExecute",
                "config": node_config(&gw),
                "method": PAGE_PAY,
                "httpMethod": "GET",
                "params": {
                    "bizContent": {
                        "out_trade_no": "NODE_PAGE_001",
                        "total_amount": "66.60",
                        "subject": "电脑网站 & 支付",
                        "product_code": "FAST_INSTANT_TRADE_PAY",
                    },
                    "returnUrl": return_url,
                    "notifyUrl": listener.url(),
                },
            },
            {
                "kind": "pageExecute",
                "config": node_config(&gw),
                "method": PAGE_PAY,
                "httpMethod": "POST",
                "params": {"bizContent": {
                    "out_trade_no": "NODE_PAGE_002",
                    "total_amount": "1.23",
                    "subject": "表单 \"POST\" <支付>",
                    "product_code": "FAST_INSTANT_TRADE_PAY",
                }},
            },
        ]),
    );
    let order_string = text(&built[0], "result").to_owned();
    let page_url = text(&built[1], "result").to_owned();
    let page_form = text(&built[2], "result").to_owned();
    assert!(
        order_string.contains("method=alipay.trade.app.pay"),
        "{order_string}"
    );
    assert!(page_url.starts_with(gw.url()), "{page_url}");

    // The app hands the order string to the Alipay client; bob pays.
    let answer = gw.send(
        http::Method::POST,
        &gw.route(&format!("/cashier/app-pay?payer_user_id={bob}")),
        &[("content-type", "text/plain")],
        order_string.as_bytes(),
    );
    assert_eq!(answer.status, http::StatusCode::OK, "{}", answer.text());
    let paid = answer.json();
    assert_eq!(paid["out_trade_no"], "NODE_APP_001");
    assert_eq!(paid["trade_status"], "TRADE_SUCCESS");
    assert_eq!(paid["total_amount"], "8.88");
    assert_eq!(paid["buyer_user_id"], bob);
    assert_eq!(gw.balance(bob), before.users[1] - 888);
    // The same order string again is refused: the trade is paid already.
    let again = gw.send(
        http::Method::POST,
        &gw.route(&format!("/cashier/app-pay?payer_user_id={bob}")),
        &[("content-type", "text/plain")],
        order_string.as_bytes(),
    );
    assert_eq!(again.status, http::StatusCode::CONFLICT, "{}", again.text());
    assert_eq!(again.json()["sub_code"], "ACQ.TRADE_HAS_SUCCESS");
    assert_eq!(gw.balance(bob), before.users[1] - 888);

    // The browser opens the page.pay URL: the cashier page of that trade.
    assert_cashier_page(&gw.browse(&page_url), "NODE_PAGE_001", "66.60");
    let trade = gw.trade("NODE_PAGE_001");
    assert_eq!(trade.status, TradeStatus::WaitBuyerPay);
    assert_eq!(trade.subject, "电脑网站 & 支付");

    // alice pays on it: 302 to return_url with the signed synchronous return.
    let submitted = gw.pay_at_cashier("NODE_PAGE_001", alice);
    assert_eq!(
        submitted.status,
        http::StatusCode::FOUND,
        "{}",
        submitted.text()
    );
    let location = submitted.header("location").to_owned();
    let query = location
        .strip_prefix("http://127.0.0.1:9/shop/return?from=alipay&")
        .unwrap_or_else(|| panic!("not a redirect to return_url: {location}"));
    // The merchant's page sees `from` too (its own); the signed part is the rest.
    let checks = node_check_notify(&[
        query,
        &query.replacen("total_amount=66.60", "total_amount=0.66", 1),
    ]);
    assert_eq!(
        checks[0]["v2"], true,
        "checkNotifySignV2 refuses the return: {}",
        checks[0]
    );
    let data = &checks[0]["postData"];
    assert_eq!(data["method"], "alipay.trade.page.pay.return");
    assert_eq!(data["out_trade_no"], "NODE_PAGE_001");
    assert_eq!(data["total_amount"], "66.60");
    assert_eq!(data["app_id"], APP_ID);
    assert_eq!(data["trade_no"], trade.trade_no.as_str());
    assert_eq!(
        checks[1]["postData"]["total_amount"], "0.66",
        "tampering missed"
    );
    assert_eq!(
        checks[1]["v2"], false,
        "a tampered return passes: {}",
        checks[1]
    );

    let trade = gw.trade("NODE_PAGE_001");
    assert_eq!(trade.status, TradeStatus::Success);
    assert_eq!(trade.buyer_user_id.as_deref(), Some(alice));

    // The POST form (what pageExecute gives by default): the browser submits it, gets the
    // cashier page; without a return_url, paying shows the "paid" page.
    assert_cashier_page(&gw.submit(&page_form), "NODE_PAGE_002", "1.23");
    assert_eq!(gw.trade("NODE_PAGE_002").subject, "表单 \"POST\" <支付>");
    let paid = gw.pay_at_cashier("NODE_PAGE_002", alice);
    assert_eq!(paid.status, http::StatusCode::OK, "{}", paid.text());
    assert!(
        paid.text()
            .contains("<span id=\"trade_status\">TRADE_SUCCESS</span>"),
        "{}",
        paid.text()
    );
    assert_eq!(gw.trade("NODE_PAGE_002").status, TradeStatus::Success);

    // The app.pay and the page.pay (GET) carried a notify_url: one trade_status_sync each,
    // which Node verifies; the POST form had none.
    let mut bodies: Vec<String> = listener
        .wait_for(2, Duration::from_secs(10))
        .iter()
        .map(|n| n.text())
        .collect();
    bodies.sort_by_key(|body| body.contains("NODE_PAGE_001"));
    let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
    let checks = node_check_notify(&bodies);
    for (check, (out_trade_no, amount, buyer)) in checks.iter().zip([
        ("NODE_APP_001", "8.88", bob),
        ("NODE_PAGE_001", "66.60", alice),
    ]) {
        assert_eq!(check["v2"], true, "Node refuses the notification: {check}");
        let data = &check["postData"];
        assert_eq!(data["notify_type"], "trade_status_sync", "{check}");
        assert_eq!(data["trade_status"], "TRADE_SUCCESS", "{check}");
        assert_eq!(data["out_trade_no"], out_trade_no, "{check}");
        assert_eq!(data["total_amount"], amount, "{check}");
        assert_eq!(data["buyer_id"], buyer, "{check}");
    }
    thread::sleep(Duration::from_millis(300));
    assert_eq!(listener.count(), 2, "unexpected notifications");

    assert_eq!(gw.balance(alice), before.users[0] - 6660 - 123);
    assert_eq!(
        gw.balance(DEMO_MERCHANT),
        before.merchant + 888 + 6660 + 123
    );
    assert_eq!(gw.total(), before.total);
}

#[test]
fn python_sdk_execute_and_page_execute_are_paid_at_the_cashier() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let (alice, bob) = (DEMO_USERS[0].0, DEMO_USERS[1].0);
    let build = |kind: &str, http_method: &str, method: &str, biz: Value| {
        json!({"build": {
            "kind": kind,
            "httpMethod": http_method,
            "config": python_config(&gw, "gateway_public_spki.pem"),
            "method": method,
            "biz": biz,
            "returnUrl": "http://127.0.0.1:9/shop/return",
        }})
    };
    let built = python(vec![
        build(
            "sdk_execute",
            "",
            APP_PAY,
            json!({"out_trade_no": "PY_APP_001", "total_amount": "4.56", "subject": "Python App 支付", "product_code": "QUICK_MSECURITY_PAY"}),
        ),
        build(
            "page_execute",
            "GET",
            PAGE_PAY,
            json!({"out_trade_no": "PY_PAGE_001", "total_amount": "7.89", "subject": "Python 网页 & 支付", "product_code": "FAST_INSTANT_TRADE_PAY"}),
        ),
        build(
            "page_execute",
            "POST",
            PAGE_PAY,
            json!({"out_trade_no": "PY_PAGE_002", "total_amount": "0.10", "subject": "Python \"表单\"", "product_code": "FAST_INSTANT_TRADE_PAY"}),
        ),
    ]);
    let order_string = text(&built[0], "result");
    let page_url = text(&built[1], "result");
    let page_form = text(&built[2], "result");

    let answer = gw.send(
        http::Method::POST,
        &gw.route(&format!("/cashier/app-pay?payer_user_id={bob}")),
        &[("content-type", "text/plain")],
        order_string.as_bytes(),
    );
    assert_eq!(answer.status, http::StatusCode::OK, "{}", answer.text());
    let paid = answer.json();
    assert_eq!(paid["out_trade_no"], "PY_APP_001");
    assert_eq!(paid["trade_status"], "TRADE_SUCCESS");
    assert_eq!(paid["buyer_user_id"], bob);

    assert_cashier_page(&gw.browse(page_url), "PY_PAGE_001", "7.89");
    let returned = gw.pay_at_cashier("PY_PAGE_001", alice);
    assert_eq!(
        returned.status,
        http::StatusCode::FOUND,
        "{}",
        returned.text()
    );
    let location = returned.header("location").to_owned();
    let query = location
        .strip_prefix("http://127.0.0.1:9/shop/return?")
        .unwrap_or_else(|| panic!("not a redirect to return_url: {location}"));
    let verified = python(vec![json!({"verify": {
        "alipayPublicKey": testdata_text("gateway_public_spki.pem"),
        "body": query,
    }})]);
    assert_eq!(verified[0]["verified"], true, "{}", verified[0]);
    assert_eq!(verified[0]["params"]["out_trade_no"], "PY_PAGE_001");
    assert_eq!(verified[0]["params"]["total_amount"], "7.89");

    assert_cashier_page(&gw.submit(page_form), "PY_PAGE_002", "0.10");
    assert_eq!(gw.trade("PY_PAGE_002").subject, "Python \"表单\"");
    let paid = gw.pay_at_cashier("PY_PAGE_002", alice);
    assert_eq!(paid.status, http::StatusCode::FOUND, "{}", paid.text());

    for out_trade_no in ["PY_APP_001", "PY_PAGE_001", "PY_PAGE_002"] {
        assert_eq!(
            gw.trade(out_trade_no).status,
            TradeStatus::Success,
            "{out_trade_no}"
        );
    }
    assert_eq!(gw.balance(bob), before.users[1] - 456);
    assert_eq!(gw.balance(alice), before.users[0] - 789 - 10);
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant + 456 + 789 + 10);
    assert_eq!(gw.total(), before.total);
}

// ---------------------------------------------------------------------------------------------
// 3. trade_status_sync, verified by both SDKs

#[test]
fn both_sdks_verify_the_trade_notifications_the_sandbox_posts() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let listener = NotifyEndpoint::builder().path("/alipay/notify").start();
    let alice = DEMO_USERS[0].0;

    let pre = node_exec(
        &gw,
        vec![(
            PRECREATE,
            json!({"out_trade_no": "N_T_001", "total_amount": "20.00", "subject": "通知 & 测试"}),
            Some(listener.url()),
        )],
    );
    let pre = node_success(&pre[0], "Node precreate with notify_url");
    let scanned = gw.scan(text(pre, "qrCode"), alice);
    assert_eq!(scanned["notify_url"], listener.url());
    let refund = node_exec(
        &gw,
        vec![(
            REFUND,
            json!({"out_trade_no": "N_T_001", "refund_amount": "5.00", "out_request_no": "N_T_001_R1"}),
            None,
        )],
    );
    node_success(&refund[0], "Node refund");

    let mut received: Vec<String> = listener
        .wait_for(2, Duration::from_secs(10))
        .iter()
        .map(|n| {
            assert_eq!(n.request_line(), "POST /alipay/notify HTTP/1.1");
            assert!(
                n.content_type()
                    .starts_with("application/x-www-form-urlencoded"),
                "{n:?}"
            );
            n.text()
        })
        .collect();
    // The refund's carries refund_fee.
    received.sort_by_key(|body| body.contains("refund_fee="));
    let (paid, refunded) = (received[0].as_str(), received[1].as_str());
    let tampered = paid.replacen("total_amount=20.00", "total_amount=0.20", 1);
    assert_ne!(tampered, paid, "no total_amount=20.00 in {paid}");

    let checks = node_check_notify(&[paid, refunded, &tampered]);
    let gateway_public = testdata_text("gateway_public_spki.pem");
    let verify = |body: &str, key: &str| json!({"verify": {"alipayPublicKey": key, "body": body}});
    let py = python(vec![
        verify(paid, &gateway_public),
        verify(refunded, &gateway_public),
        verify(&tampered, &gateway_public),
        verify(paid, &testdata_text("app_public_spki.pem")),
    ]);

    for (i, body) in [paid, refunded].into_iter().enumerate() {
        assert_eq!(
            checks[i]["v2"], true,
            "Node checkNotifySignV2 refuses:\n{body}\n{}",
            checks[i]
        );
        assert_eq!(
            checks[i]["v1"], true,
            "Node checkNotifySign refuses:\n{body}\n{}",
            checks[i]
        );
        assert_eq!(
            py[i]["verified"], true,
            "Python verify_with_rsa refuses:\n{body}\n{}",
            py[i]
        );
        assert_eq!(
            checks[i]["postData"], py[i]["params"],
            "Node and Python read different forms"
        );
        let data = &py[i]["params"];
        assert_eq!(data["notify_type"], "trade_status_sync");
        assert_eq!(data["app_id"], APP_ID);
        assert_eq!(data["out_trade_no"], "N_T_001");
        assert_eq!(data["trade_status"], "TRADE_SUCCESS");
        assert_eq!(data["total_amount"], "20.00");
        assert_eq!(data["buyer_id"], alice);
        assert_eq!(data["subject"], "通知 & 测试");
        assert_eq!(data["sign_type"], "RSA2");
        assert!(!text(data, "notify_id").is_empty());
    }
    let refund_data = &py[1]["params"];
    assert_eq!(refund_data["refund_fee"], "5.00");
    assert_eq!(refund_data["out_biz_no"], "N_T_001_R1");
    assert!(refund_data.get("gmt_refund").is_some(), "{refund_data}");
    assert_ne!(py[0]["params"]["notify_id"], refund_data["notify_id"]);

    assert_eq!(checks[2]["postData"]["total_amount"], "0.20");
    assert_eq!(
        (&checks[2]["v2"], &checks[2]["v1"]),
        (&Value::Bool(false), &Value::Bool(false)),
        "Node accepts a tampered notification: {}",
        checks[2]
    );
    assert_eq!(
        py[2]["verified"], false,
        "Python accepts a tampered notification: {}",
        py[2]
    );
    assert_eq!(
        py[3]["verified"], false,
        "Python accepts it under another key: {}",
        py[3]
    );

    // Each was acknowledged (`success`) the first time: none re-sent.
    thread::sleep(Duration::from_millis(300));
    assert_eq!(listener.count(), 2, "a notification was re-sent");
    assert_eq!(gw.balance(alice), before.users[0] - 1500);
    assert_eq!(gw.total(), before.total);
}
