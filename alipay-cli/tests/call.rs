//! `alipay call` end to end: the real binary against the sandbox gateway over loopback HTTP,
//! and against alipay-testkit's fake gateway for the outcomes the sandbox does not give on
//! demand (a dropped connection, a held one, a signed 20000). Exit codes: 0 success, 1 refused or
//! unverifiable, 2 local error (nothing sent), 3 outcome unknown.

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use alipay_core::{AppPublicKey, GatewayPrivateKey};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS};
use alipay_testkit::{FakeGateway, Reply};
use serde_json::Value;
use tokio::runtime::Runtime;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";
const PAY: &str = "alipay.fund.coupon.order.agreement.pay";
const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
const UNKNOWN: &str = "outcome unknown: query alipay.fund.coupon.operation.query with the same out_request_no or retry the same request";

fn data(name: &str) -> String {
    format!("{TESTDATA}/{name}")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap()
}

/// The sandbox gateway, served by a runtime that lives as long as the test holds it.
struct Gateway {
    sandbox: Sandbox,
    _runtime: Runtime,
}

impl Gateway {
    fn start() -> Gateway {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let config = SandboxConfig::new(
            APP_ID,
            AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap(),
            GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
        );
        let sandbox = runtime
            .block_on(start(config, "127.0.0.1:0".parse().unwrap()))
            .unwrap();
        Gateway {
            sandbox,
            _runtime: runtime,
        }
    }

    fn url(&self) -> &str {
        &self.sandbox.gateway_url
    }

    /// The whole ledger, to prove that nothing happened.
    fn ledger(&self) -> String {
        self.sandbox.with_ledger(|l| format!("{l:?}"))
    }

    fn balance(&self, user_id: &str) -> u64 {
        self.sandbox.with_ledger(|l| l.balance(user_id)).unwrap()
    }
}

/// The keys a call is made with.
struct Keys {
    private: &'static str,
    alipay_public: &'static str,
}

const GOOD: Keys = Keys {
    private: "app_private_pkcs1.pem",
    alipay_public: "gateway_public_spki.pem",
};

fn alipay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("spawn alipay")
}

fn call_with(keys: &Keys, gateway: &str, method: &str, biz: &str, extra: &[&str]) -> Output {
    let private = data(keys.private);
    let public = data(keys.alipay_public);
    let mut args = vec![
        "call",
        method,
        "--biz",
        biz,
        "--gateway",
        gateway,
        "--app-id",
        APP_ID,
        "--private-key",
        &private,
        "--alipay-public-key",
        &public,
    ];
    args.extend(extra);
    alipay(&args)
}

fn call(gateway: &str, method: &str, biz: &str) -> Output {
    call_with(&GOOD, gateway, method, biz, &[])
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts the exit code and returns stdout as the one JSON object it must be.
fn node(o: &Output, code: i32) -> Value {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e}): {}", stdout(o)))
}

/// Asserts the exit code, that stdout is empty, and returns stderr.
fn nothing_printed(o: &Output, code: i32) -> String {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
    assert_eq!(stdout(o), "", "nothing may be printed as an answer");
    stderr(o)
}

fn pay_biz(order: &str, amount: &str) -> String {
    format!(
        r#"{{"out_order_no":"{order}","out_request_no":"{order}-1","order_title":"红包","amount":"{amount}"}}"#
    )
}

fn disburse_biz(auth_no: &str, order: &str, amount: &str) -> String {
    format!(
        r#"{{"out_order_no":"{order}","out_request_no":"{order}-1","order_title":"红包打款","amount":"{amount}","deduct_auth_no":"{auth_no}","payee_user_id":"{}"}}"#,
        DEMO_USERS[0].0
    )
}

/// Funds a red packet of 10.00 with `alipay call`; returns its auth_no.
fn pay(gw: &Gateway, order: &str) -> String {
    let paid = node(&call(gw.url(), PAY, &pay_biz(order, "10.00")), 0);
    paid["auth_no"].as_str().expect("auth_no").to_owned()
}

#[test]
fn agreement_pay_prints_the_verified_node() {
    let gw = Gateway::start();
    let merchant = gw.balance(DEMO_MERCHANT);
    let out = call(gw.url(), PAY, &pay_biz("P1", "10.00"));
    let paid = node(&out, 0);
    assert_eq!(stderr(&out), "");
    assert_eq!(paid["code"], "10000");
    assert_eq!(paid["amount"], "10.00");
    assert!(
        paid["auth_no"].as_str().is_some_and(|a| !a.is_empty()),
        "{paid}"
    );
    assert_eq!(gw.balance(DEMO_MERCHANT), merchant - 1000);
}

#[test]
fn a_disbursement_over_the_remainder_is_exit_1_with_the_node() {
    let gw = Gateway::start();
    let auth_no = pay(&gw, "P2");
    let alice = gw.balance(DEMO_USERS[0].0);

    // From a file this time, with a trailing line break as an editor leaves it.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("biz.json");
    std::fs::write(&file, disburse_biz(&auth_no, "D2", "20.00") + "\n").unwrap();
    let private = data(GOOD.private);
    let public = data(GOOD.alipay_public);
    let out = alipay(&[
        "call",
        DISBURSE,
        "--biz-file",
        file.to_str().unwrap(),
        "--gateway",
        gw.url(),
        "--app-id",
        APP_ID,
        "--private-key",
        &private,
        "--alipay-public-key",
        &public,
    ]);
    let refused = node(&out, 1);
    assert_eq!(refused["code"], "40004");
    assert_eq!(refused["sub_code"], "MONEY_NOT_ENOUGH");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one-line explanation: {err}");
    assert!(err.contains("MONEY_NOT_ENOUGH"), "{err}");
    assert_eq!(gw.balance(DEMO_USERS[0].0), alice);

    // The rest of the packet can still be disbursed.
    let ok = node(
        &call(gw.url(), DISBURSE, &disburse_biz(&auth_no, "D3", "3.50")),
        0,
    );
    assert_eq!(ok["code"], "10000");
    assert_eq!(gw.balance(DEMO_USERS[0].0), alice + 350);
}

#[test]
fn an_invalid_biz_content_is_exit_2_and_nothing_is_sent() {
    let gw = Gateway::start();
    let before = gw.ledger();
    let biz = r#"{"out_order_no":"P3","out_request_no":"P3-1","amount":"0.001"}"#;
    let err = nothing_printed(&call(gw.url(), PAY, biz), 2);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with("order_title: required")),
        "{err}"
    );
    assert!(lines.iter().any(|l| l.starts_with("amount: ")), "{err}");
    assert!(err.contains("nothing was sent"), "{err}");
    assert_eq!(gw.ledger(), before, "the sandbox saw a call");

    // Not JSON at all.
    let err = nothing_printed(&call(gw.url(), PAY, "{"), 2);
    assert!(err.contains("not a JSON object"), "{err}");
    assert_eq!(gw.ledger(), before);
}

#[test]
fn a_response_that_does_not_verify_is_exit_1_and_marked_unverified() {
    let gw = Gateway::start();
    // The app's own public key instead of the gateway's.
    let keys = Keys {
        private: GOOD.private,
        alipay_public: "app_public_spki.pem",
    };
    let out = call_with(&keys, gw.url(), PAY, &pay_biz("P4", "10.00"), &[]);
    let err = nothing_printed(&out, 1);
    assert!(err.contains("UNVERIFIED"), "{err}");
    assert!(err.contains("signature"), "{err}");
    assert!(err.contains("outcome of the call is unknown"), "{err}");
}

#[test]
fn a_request_signed_with_the_wrong_app_key_is_refused_by_the_gateway() {
    let gw = Gateway::start();
    let before = gw.ledger();
    let keys = Keys {
        private: "gateway_private_pkcs8.pem",
        alipay_public: GOOD.alipay_public,
    };
    let out = call_with(&keys, gw.url(), PAY, &pay_biz("P5", "10.00"), &[]);
    let refused = node(&out, 1);
    assert_eq!(refused["code"], "40002");
    assert_eq!(refused["sub_code"], "isv.invalid-signature");
    let err = stderr(&out);
    assert!(err.contains("--private-key"), "{err}");
    assert_eq!(gw.ledger(), before);
}

#[test]
fn local_errors_are_exit_2() {
    // Nothing listens there: each of these must fail before connecting.
    let nowhere = "http://127.0.0.1:9/gateway.do";
    let biz = pay_biz("P6", "10.00");

    let err = nothing_printed(&call(nowhere, "alipay.no.such.method", &biz), 2);
    assert!(err.contains("unknown method"), "{err}");

    for (method, kind) in [
        ("alipay.fund.coupon.order.app.pay", "--mode sdk"),
        ("alipay.fund.coupon.order.page.pay", "--mode page-get"),
    ] {
        let err = nothing_printed(&call(nowhere, method, &biz), 2);
        assert!(err.contains("not a server call"), "{err}");
        assert!(err.contains(kind), "{err}");
    }

    let err = nothing_printed(&call("not a url", PAY, &biz), 2);
    assert!(err.contains("not a url"), "{err}");

    let keys = Keys {
        private: "README.md",
        alipay_public: GOOD.alipay_public,
    };
    let err = nothing_printed(&call_with(&keys, nowhere, PAY, &biz, &[]), 2);
    assert!(err.contains("app private key"), "{err}");

    let keys = Keys {
        private: GOOD.private,
        alipay_public: "no-such-file.pem",
    };
    let err = nothing_printed(&call_with(&keys, nowhere, PAY, &biz, &[]), 2);
    assert!(err.contains("--alipay-public-key"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Fake gateways on loopback
// ---------------------------------------------------------------------------------------------

fn disburse_sample() -> String {
    disburse_biz("2024010222001400000000000001", "D9", "1.00")
}

#[test]
fn a_connection_dropped_after_sending_is_exit_3() {
    let gateway = FakeGateway::start(|_| Reply::drop_connection());
    let err = nothing_printed(&call(&gateway.url(), DISBURSE, &disburse_sample()), 3);
    assert!(err.contains(UNKNOWN), "{err}");
    let requests = gateway.requests();
    let request = &requests[0];
    assert_eq!(request.http_method, "POST");
    assert!(request.target.starts_with("/gateway.do"), "{request:?}");
    assert_eq!(request.method, DISBURSE);
    let biz = request.biz_content().unwrap_or_default();
    assert!(biz.contains("D9-1"), "the request was sent: {request:?}");
}

#[test]
fn a_timeout_after_sending_is_exit_3() {
    // Reads the request, holds it for 3 s, then closes without answering.
    let gateway = FakeGateway::start(|_| Reply::drop_connection().delay(Duration::from_secs(3)));
    let out = call_with(
        &GOOD,
        &gateway.url(),
        DISBURSE,
        &disburse_sample(),
        &["--timeout-secs", "1"],
    );
    let err = nothing_printed(&out, 3);
    assert!(err.contains("timed out"), "{err}");
    assert!(err.contains(UNKNOWN), "{err}");
    assert_eq!(
        gateway.requests()[0].method,
        DISBURSE,
        "the request was sent"
    );
}

#[test]
fn a_signed_20000_is_exit_3_with_the_node() {
    let answer = r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error","sub_msg":"系统繁忙"}"#;
    // Signed with the test gateway key, served as the live gateway serves it.
    let gateway = FakeGateway::start(move |_| {
        Reply::node(answer)
            .header("content-type", "text/html;charset=utf-8")
            .header("connection", "close")
    });
    let out = call(&gateway.url(), DISBURSE, &disburse_sample());
    let unknown = node(&out, 3);
    assert_eq!(unknown["code"], "20000");
    assert_eq!(unknown["sub_code"], "isp.unknow-error");
    let err = stderr(&out);
    assert!(err.contains(UNKNOWN), "{err}");
    assert_eq!(gateway.requests()[0].method, DISBURSE);
}
