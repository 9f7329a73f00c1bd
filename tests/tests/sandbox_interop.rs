//! The official SDKs against our sandbox gateway, over real HTTP on loopback.
//!
//! Each test starts `alipay_sandbox::server` in-process (a tokio runtime owned by the test),
//! registered with the committed test app key, answering with the committed gateway key.
//! Then the official SDKs talk to it as they would to `openapi.alipay.com`:
//!
//! * Node (`alipay-sdk` 4.14.0, `tests/interop/sandbox_exec.mjs`): `sdk.exec(method,
//!   { bizContent, notifyUrl }, { validateSign: true })` for agreement.pay, disburse, refund of
//!   the remainder and operation.query of each operation. The sandbox accepting the call is
//!   the sandbox verifying Node's signature; Node returning the node is Node verifying the
//!   sandbox's. Asserted: what Node returned *and* the ledger afterwards (money moved exactly,
//!   total unchanged). Negatives: Node with the wrong `alipayPublicKey` throws on the answer
//!   (while the sandbox did apply the call), Node signing with the wrong key is answered
//!   `isv.invalid-signature`, Node on a UTC clock is answered `isv.invalid-timestamp`.
//! * Node `exec` in certificate mode (`appCertContent`, `alipayPublicCertContent`,
//!   `alipayRootCertContent` = the sandbox's certificates): Node's own SN computation agrees
//!   with the sandbox's (the call succeeds), and a foreign root is refused
//!   `isv.invalid-alipay-root-cert-sn`.
//! * Node `checkNotifySignV2` / `checkNotifySign` (`tests/interop/sandbox_notify.mjs`) on the
//!   raw notification bodies the sandbox POSTed to a loopback listener of this test: true
//!   for the real ones, false for a tampered one and for the wrong key.
//! * Python (`alipay-sdk-python` 3.7.1411, `tests/interop/sandbox_python.py`):
//!   `DefaultAlipayClient.execute` with the SDK's own `AlipayFundCouponOrder*Request` /
//!   `*Model` / `*Response` classes, same story. The SDK as shipped cannot reach a gateway
//!   on any port but 80/443 (`WebUtils.get_http_connection` drops the port, then crashes
//!   concatenating it); the test asserts that, and the script replaces that one function
//!   by a copy that keeps the port (explained in the script).
//!
//! Both SDKs stamp `timestamp` in process-local time, so their processes
//! run with `TZ=CST-8` (UTC+8 as a POSIX rule, no tz database needed): a merchant server
//! in China. Missing `node`/`npm`/`python3` fail the tests with instructions, like
//! `node_interop.rs` (shared setup in `alipay_tests`). Run:
//! `cargo test -p alipay-tests --test sandbox_interop`.

use std::collections::BTreeMap;
use std::process::Command;
use std::thread;
use std::time::Duration;

use alipay_core::{AppPublicKey, GatewayPrivateKey};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{
    DEMO_MERCHANT, DEMO_USERS, Ledger, OperationType, RedPacket, SandboxCertificates, Status,
};
use alipay_testkit::{Notification, NotifyEndpoint};
use alipay_tests::{node_interop_dir, python_sdk, run_ok, testdata_text, workspace_root};
use serde_json::{Value, json};

const APP_ID: &str = "2021000000000001";
const PAY: &str = "alipay.fund.coupon.order.agreement.pay";
const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
const REFUND: &str = "alipay.fund.coupon.order.refund";
const QUERY: &str = "alipay.fund.coupon.operation.query";
/// UTC+8 (Beijing, no DST) as a POSIX TZ rule: needs no tz database on the machine.
const BEIJING: &str = "CST-8";

// ---------------------------------------------------------------------------------------------
// the sandbox, in-process

/// A running sandbox and the runtime serving it (the SDK processes are driven from the test
/// thread while the runtime's workers answer them).
struct Gateway {
    // Dropped first: stop accepting before the runtime goes.
    sandbox: Sandbox,
    _runtime: tokio::runtime::Runtime,
}

impl Gateway {
    fn start() -> Gateway {
        Gateway::start_with(false)
    }

    /// With certificate mode's certificates (a root CA, an Alipay certificate and the test
    /// app's certificate) when `certificates`.
    fn start_with(certificates: bool) -> Gateway {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let mut config = SandboxConfig::new(
            APP_ID,
            AppPublicKey::from_text(&testdata_text("app_public_spki.pem")).expect("app key"),
            GatewayPrivateKey::from_text(&testdata_text("gateway_private_pkcs8.pem"))
                .expect("gateway key"),
        );
        if certificates {
            config.certificates =
                Some(SandboxCertificates::generate(&config.apps).expect("certificates"));
        }
        let addr = "127.0.0.1:0".parse().expect("loopback address");
        let sandbox = runtime
            .block_on(start(config, addr))
            .expect("start the sandbox gateway");
        Gateway {
            sandbox,
            _runtime: runtime,
        }
    }

    fn url(&self) -> &str {
        &self.sandbox.gateway_url
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

    fn packet(&self, auth_no: &str) -> RedPacket {
        self.ledger(|l| l.red_packet(auth_no).cloned())
            .unwrap_or_else(|| panic!("the sandbox has no red packet {auth_no}"))
    }

    fn packet_by_order(&self, out_order_no: &str) -> Option<RedPacket> {
        self.ledger(|l| l.red_packet_by_out_order_no(out_order_no).cloned())
    }

    /// `(type, status, amount, payee)` of every operation on `auth_no`, in order.
    fn operations(&self, auth_no: &str) -> Vec<(OperationType, Status, u64, Option<String>)> {
        self.ledger(|l| {
            l.operations()
                .iter()
                .filter(|op| op.auth_no == auth_no)
                .map(|op| {
                    (
                        op.operation_type,
                        op.status,
                        op.amount,
                        op.payee_user_id.clone(),
                    )
                })
                .collect()
        })
    }
}

/// The demo balances and total before anything happened.
struct Before {
    merchant: u64,
    users: BTreeMap<&'static str, u64>,
    total: u128,
}

impl Before {
    fn take(gw: &Gateway) -> Before {
        let before = Before {
            merchant: gw.balance(DEMO_MERCHANT),
            users: DEMO_USERS
                .iter()
                .map(|(id, ..)| (*id, gw.balance(id)))
                .collect(),
            total: gw.total(),
        };
        assert!(
            before.merchant >= 100_000,
            "the demo merchant needs money for these tests"
        );
        before
    }
}

// ---------------------------------------------------------------------------------------------
// a loopback endpoint for notifications

/// One POST the sandbox made to the endpoint.
#[derive(Debug, Clone)]
struct Received {
    request_line: String,
    content_type: String,
    body: String,
}

impl Received {
    /// Fails on a request without `Content-Length` or with a body that is not UTF-8.
    fn from(n: &Notification) -> Received {
        assert!(
            n.headers.contains_key("content-length"),
            "bad notification request: no Content-Length: {n:?}"
        );
        Received {
            request_line: n.request_line(),
            content_type: n.content_type().to_owned(),
            body: String::from_utf8(n.body.to_vec())
                .expect("bad notification request: body is not UTF-8"),
        }
    }
}

/// The merchant's endpoint (alipay-testkit's, on hyper): records every request and answers
/// `success` (what makes the sandbox stop retrying).
fn notify_listener() -> NotifyEndpoint {
    NotifyEndpoint::builder().path("/alipay/notify").start()
}

/// Waits until `n` requests arrived (at most 10 s) and returns them.
fn wait_for(listener: &NotifyEndpoint, n: usize) -> Vec<Received> {
    listener
        .wait_for(n, Duration::from_secs(10))
        .iter()
        .map(Received::from)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Node

/// Runs `tests/interop/<script>` with `job` on stdin, the process clock in `tz`.
fn node_in(tz: &str, script: &str, job: &Value) -> Value {
    let dir = node_interop_dir();
    let stdout = run_ok(
        Command::new("node")
            .arg(dir.join(script))
            .current_dir(dir)
            .env("TZ", tz),
        job.to_string().as_bytes(),
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{script} printed invalid JSON ({e}):\n{stdout}"))
}

/// `new AlipaySdk(config)` for the sandbox: the app key pair and the gateway's public key,
/// unless a test swaps one.
fn node_config(gw: &Gateway, private_key: &str, alipay_public_key: &str) -> Value {
    json!({
        "appId": APP_ID,
        "privateKey": testdata_text(private_key),
        "alipayPublicKey": testdata_text(alipay_public_key),
        "gateway": gw.url(),
    })
}

fn node_good_config(gw: &Gateway) -> Value {
    node_config(gw, "app_private_pkcs1.pem", "gateway_public_spki.pem")
}

/// One `sdk.exec(method, { bizContent, notifyUrl? }, { validateSign: true })`.
fn exec_job(config: &Value, method: &str, biz: Value, notify_url: Option<&str>) -> Value {
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
}

/// Runs jobs through `sandbox_exec.mjs` (one Node process, in order).
fn node_exec(jobs: Vec<Value>) -> Vec<Value> {
    let out = node_in(BEIJING, "sandbox_exec.mjs", &Value::Array(jobs));
    out.as_array().expect("an array of outcomes").clone()
}

fn node_exec_one(job: Value) -> Value {
    node_exec(vec![job]).remove(0)
}

/// The node `exec` resolved to, which must say `10000`.
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

fn text<'a>(v: &'a Value, name: &str) -> &'a str {
    v[name]
        .as_str()
        .unwrap_or_else(|| panic!("no string {name:?} in {v}"))
}

// ---------------------------------------------------------------------------------------------
// Node exec in certificate mode

#[test]
fn node_sdk_in_certificate_mode_agrees_with_the_sandboxs_certificates() {
    // The Node SDK computes app_cert_sn and alipay_root_cert_sn from the sandbox's PEM files
    // with its own code (`getSN`); the sandbox accepting the call means both computed the
    // same SNs, and Node returning the node means it verified the answer with the key of the
    // sandbox's Alipay certificate.
    let gw = Gateway::start_with(true);
    let pem = |f: fn(&SandboxCertificates) -> String| {
        gw.sandbox.with_certificates(f).expect("certificates")
    };
    let config = json!({
        "appId": APP_ID,
        "privateKey": testdata_text("app_private_pkcs1.pem"),
        "appCertContent": pem(|c| c.app_certificate_pem(APP_ID).unwrap_or_default().to_owned()),
        "alipayPublicCertContent": pem(|c| c.alipay_certificate_pem().to_owned()),
        "alipayRootCertContent": pem(|c| c.root_certificate_pem().to_owned()),
        "gateway": gw.url(),
    });
    let biz = |order: &str| {
        json!({
            "out_order_no": order,
            "out_request_no": format!("{order}-1"),
            "order_title": "证书模式 红包",
            "amount": "10.00",
        })
    };
    let pay = node_exec_one(exec_job(&config, PAY, biz("NODE-CERT-1"), None));
    let pay = node_success(&pay, "Node agreement.pay in certificate mode");
    assert_eq!(pay["status"], "SUCCESS");

    // A wrong root bundle: Node sends its SN, the sandbox refuses it, signed in certificate
    // mode, and Node (which verifies with the Alipay certificate's key) reports the refusal.
    let other = SandboxCertificates::generate(&[]).expect("certificates");
    let mut wrong_root = config.clone();
    wrong_root["alipayRootCertContent"] = other.root_certificate_pem().into();
    let refused = node_exec_one(exec_job(&wrong_root, PAY, biz("NODE-CERT-2"), None));
    assert_eq!(
        refused["result"]["subCode"], "isv.invalid-alipay-root-cert-sn",
        "{refused}"
    );
}

// ---------------------------------------------------------------------------------------------
// 1. Node exec: the red packet, end to end

#[test]
fn node_sdk_pays_disburses_refunds_and_queries_through_the_sandbox() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let alice = DEMO_USERS[0].0;
    let config = node_good_config(&gw);

    // agreement.pay from the merchant (no payer_user_id: the app's own PID pays).
    let pay = node_exec_one(exec_job(
        &config,
        PAY,
        json!({
            "out_order_no": "NODE-P-001",
            "out_request_no": "NODE-P-001-1",
            "order_title": "Node 红包 & test",
            "amount": "10.00",
        }),
        None,
    ));
    let pay = node_success(&pay, "Node agreement.pay");
    // The SDK camelCases the keys of what it returns (config.camelcase, default true).
    assert_eq!(pay["amount"], "10.00");
    assert_eq!(pay["status"], "SUCCESS");
    assert_eq!(pay["outOrderNo"], "NODE-P-001");
    assert_eq!(pay["outRequestNo"], "NODE-P-001-1");
    let auth_no = text(pay, "authNo").to_string();
    let pay_operation_id = text(pay, "operationId").to_string();
    let packet = gw.packet(&auth_no);
    assert_eq!(
        (packet.total, packet.remaining, packet.status),
        (1000, 1000, Status::Success)
    );
    assert_eq!(packet.out_order_no, "NODE-P-001");
    assert_eq!(
        packet.order_title, "Node 红包 & test",
        "title changed on the way"
    );
    assert_eq!(packet.app_id, APP_ID);
    assert_eq!(packet.payer_user_id.as_deref(), Some(DEMO_MERCHANT));
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant - 1000);

    // disburse 3.50 of it to alice.
    let disburse = node_exec_one(exec_job(
        &config,
        DISBURSE,
        json!({
            "out_order_no": "NODE-D-001",
            "out_request_no": "NODE-D-001-1",
            "order_title": "红包打款",
            "amount": "3.50",
            "deduct_auth_no": auth_no,
            "payee_user_id": alice,
        }),
        None,
    ));
    let disburse = node_success(&disburse, "Node disburse");
    assert_eq!(disburse["amount"], "3.50");
    assert_eq!(disburse["status"], "SUCCESS");
    assert_eq!(disburse["authNo"], auth_no.as_str());
    assert_eq!(disburse["outOrderNo"], "NODE-D-001");
    let disburse_operation_id = text(disburse, "operationId").to_string();
    assert_eq!(gw.balance(alice), before.users[alice] + 350);
    assert_eq!(gw.packet(&auth_no).remaining, 650);

    // refund the remainder to the merchant.
    let refund = node_exec_one(exec_job(
        &config,
        REFUND,
        json!({
            "auth_no": auth_no,
            "out_request_no": "NODE-R-001",
            "amount": "6.50",
            "remark": "退回剩余",
        }),
        None,
    ));
    let refund = node_success(&refund, "Node refund");
    assert_eq!(refund["amount"], "6.50");
    assert_eq!(refund["status"], "SUCCESS");
    assert_eq!(refund["outOrderNo"], "NODE-P-001");
    let refund_operation_id = text(refund, "operationId").to_string();
    let packet = gw.packet(&auth_no);
    assert_eq!(
        (packet.remaining, packet.refunded, packet.status),
        (0, 650, Status::Closed)
    );

    // operation.query of each operation, one Node process; by out_request_no, and the
    // disbursement also by its own out_order_no and operation_id.
    let q = |biz: Value| exec_job(&config, QUERY, biz, None);
    let queries = node_exec(vec![
        q(json!({"auth_no": auth_no, "out_request_no": "NODE-P-001-1"})),
        q(json!({"auth_no": auth_no, "out_request_no": "NODE-D-001-1"})),
        q(json!({"out_order_no": "NODE-D-001", "operation_id": disburse_operation_id})),
        q(json!({"out_order_no": "NODE-P-001", "out_request_no": "NODE-R-001"})),
    ]);
    let expected = [
        ("FREEZE", "10.00", &pay_operation_id, "NODE-P-001"),
        ("PAY", "3.50", &disburse_operation_id, "NODE-D-001"),
        ("PAY", "3.50", &disburse_operation_id, "NODE-D-001"),
        ("REFUND", "6.50", &refund_operation_id, "NODE-P-001"),
    ];
    for (i, (outcome, (kind, amount, operation_id, out_order_no))) in
        queries.iter().zip(expected).enumerate()
    {
        let what = format!("Node operation.query #{i} ({kind})");
        let node = node_success(outcome, &what);
        assert_eq!(node["operationType"], kind, "{what}: {node}");
        assert_eq!(node["amount"], amount, "{what}: {node}");
        assert_eq!(node["status"], "SUCCESS", "{what}: {node}");
        assert_eq!(node["authNo"], auth_no.as_str(), "{what}: {node}");
        assert_eq!(node["operationId"], operation_id.as_str(), "{what}: {node}");
        assert_eq!(node["outOrderNo"], out_order_no, "{what}: {node}");
        // Asked after the refund: every query tells the packet's refunded total.
        assert_eq!(node["totalPayRefundAmount"], "6.50", "{what}: {node}");
    }
    assert_eq!(queries[1]["result"]["payeeUserId"], alice);
    assert_eq!(queries[0]["result"]["payerUserId"], DEMO_MERCHANT);

    // The ledger afterwards: the merchant paid exactly what alice got, nothing else moved.
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant - 350);
    assert_eq!(gw.balance(alice), before.users[alice] + 350);
    for (id, balance) in &before.users {
        if *id != alice {
            assert_eq!(gw.balance(id), *balance, "{id}'s balance moved");
        }
    }
    assert_eq!(gw.total(), before.total, "money was created or destroyed");
    assert_eq!(
        gw.operations(&auth_no),
        vec![
            (OperationType::Freeze, Status::Success, 1000, None),
            (
                OperationType::Pay,
                Status::Success,
                350,
                Some(alice.to_string())
            ),
            (OperationType::Refund, Status::Success, 650, None),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// 1b. Node exec: what must fail

#[test]
fn node_sdk_and_sandbox_refuse_each_others_wrong_keys_and_clocks() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let pay_biz = |no: &str| {
        json!({
            "out_order_no": no,
            "out_request_no": format!("{no}-1"),
            "order_title": "红包",
            "amount": "1.00",
        })
    };

    // Node trusting the wrong Alipay key (the app's own public key): the sandbox verified
    // Node's signature and applied the call, then Node refuses its answer. The merchant
    // learns the outcome only by asking again (operation.query, with the right key).
    let wrong_trust = node_config(&gw, "app_private_pkcs1.pem", "app_public_spki.pem");
    let outcome = node_exec_one(exec_job(&wrong_trust, PAY, pay_biz("NODE-BADKEY-1"), None));
    let error = &outcome["error"];
    assert_eq!(
        error["name"], "AlipayRequestError",
        "Node accepted an answer signed by a key it does not trust: {outcome}"
    );
    let message = text(error, "message");
    assert!(
        message.contains("验签失败"),
        "not a signature failure: {message}"
    );
    let packet = gw
        .packet_by_order("NODE-BADKEY-1")
        .expect("the sandbox applied the call Node then rejected");
    assert_eq!((packet.total, packet.status), (100, Status::Success));
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant - 100);
    let query = node_exec_one(exec_job(
        &node_good_config(&gw),
        QUERY,
        json!({"out_order_no": "NODE-BADKEY-1", "out_request_no": "NODE-BADKEY-1-1"}),
        None,
    ));
    let query = node_success(&query, "Node operation.query after the rejected answer");
    assert_eq!(query["operationType"], "FREEZE");
    assert_eq!(query["authNo"], packet.auth_no.as_str());

    // Node signing with a key that is not the app's (the gateway's private key): the sandbox
    // answers isv.invalid-signature in the method's node, signed, so Node (right Alipay
    // key, validateSign) accepts the refusal and hands it back; nothing moves.
    let wrong_sign = node_config(&gw, "gateway_private_pkcs1.pem", "gateway_public_spki.pem");
    let outcome = node_exec_one(exec_job(&wrong_sign, PAY, pay_biz("NODE-BADSIG-1"), None));
    let refused = &outcome["result"];
    assert_eq!(refused["code"], "40002", "{outcome}");
    assert_eq!(refused["subCode"], "isv.invalid-signature", "{outcome}");
    let sub_msg = text(refused, "subMsg");
    assert!(
        sub_msg.contains(&format!("app_id={APP_ID}"))
            && sub_msg.contains(&format!("method={PAY}"))
            && sub_msg.contains("biz_content={"),
        "the refusal should quote the gateway's sign string: {sub_msg}"
    );
    assert!(gw.packet_by_order("NODE-BADSIG-1").is_none());

    // Node on a machine whose clock is in UTC: it stamps local time, 8 hours behind Beijing,
    // and the sandbox refuses it. (The official SDK has no time-zone setting.)
    let outcome = node_in(
        "UTC",
        "sandbox_exec.mjs",
        &exec_job(&node_good_config(&gw), PAY, pay_biz("NODE-UTC-1"), None),
    );
    let refused = &outcome["result"];
    assert_eq!(refused["code"], "40002", "{outcome}");
    assert_eq!(refused["subCode"], "isv.invalid-timestamp", "{outcome}");
    assert!(gw.packet_by_order("NODE-UTC-1").is_none());

    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant - 100);
    assert_eq!(gw.total(), before.total);
}

// ---------------------------------------------------------------------------------------------
// 2. Node checkNotifySignV2 on what the sandbox POSTed

#[test]
fn node_verifies_the_notifications_the_sandbox_posts() {
    let gw = Gateway::start();
    let listener = notify_listener();
    let config = node_good_config(&gw);
    let bob = DEMO_USERS[1].0;

    let pay = node_exec_one(exec_job(
        &config,
        PAY,
        json!({
            "out_order_no": "NODE-N-001",
            "out_request_no": "NODE-N-001-1",
            "order_title": "通知 红包",
            "amount": "5.00",
        }),
        Some(listener.url()),
    ));
    let auth_no = text(node_success(&pay, "Node agreement.pay"), "authNo").to_string();
    // notify_url reaches the sandbox in the URL query (Node's formatUrl); disburse and refund
    // each emit one notification.
    let outcomes = node_exec(vec![
        exec_job(
            &config,
            DISBURSE,
            json!({
                "out_order_no": "NODE-N-D1",
                "out_request_no": "NODE-N-D1-1",
                "order_title": "打款",
                "amount": "1.25",
                "deduct_out_order_no": "NODE-N-001",
                "payee_user_id": bob,
            }),
            Some(listener.url()),
        ),
        exec_job(
            &config,
            REFUND,
            json!({
                "auth_no": auth_no,
                "out_request_no": "NODE-N-R1",
                "amount": "3.75",
                "remark": "退回",
            }),
            Some(listener.url()),
        ),
    ]);
    node_success(&outcomes[0], "Node disburse");
    node_success(&outcomes[1], "Node refund");

    let mut received = wait_for(&listener, 2);
    received.sort_by_key(|r| r.body.contains("fund_stdtrustee_refund"));
    for r in &received {
        assert_eq!(r.request_line, "POST /alipay/notify HTTP/1.1");
        assert!(
            r.content_type
                .starts_with("application/x-www-form-urlencoded"),
            "notification Content-Type {:?}",
            r.content_type
        );
    }
    let (paid, refunded) = (&received[0].body, &received[1].body);
    let tampered = paid.replacen("amount=1.25", "amount=9.25", 1);
    assert_ne!(&tampered, paid, "no amount=1.25 in {paid}");

    let gateway_public = testdata_text("gateway_public_spki.pem");
    let job = |key: &str, body: &str| json!({"alipayPublicKey": key, "body": body});
    let checks = node_in(
        BEIJING,
        "sandbox_notify.mjs",
        &json!([
            job(&gateway_public, paid),
            job(&gateway_public, refunded),
            job(&gateway_public, &tampered),
            job(&testdata_text("app_public_spki.pem"), paid),
        ]),
    );
    let checks = checks.as_array().expect("an array of checks");

    for (check, body) in checks[..2].iter().zip([paid, refunded]) {
        assert_eq!(
            check["v2"], true,
            "Node checkNotifySignV2 rejects the sandbox's notification:\n{body}\n{check}"
        );
        assert_eq!(
            check["v1"], true,
            "Node checkNotifySign rejects the sandbox's notification:\n{body}\n{check}"
        );
        let data = &check["postData"];
        assert_eq!(data["app_id"], APP_ID);
        assert_eq!(data["auth_no"], auth_no.as_str());
        assert_eq!(data["sign_type"], "RSA2");
        assert_eq!(data["charset"], "utf-8");
        assert_eq!(data["version"], "1.0");
        assert_eq!(data["status"], "SUCCESS");
        assert!(!text(data, "notify_id").is_empty());
        assert!(!text(data, "sign").is_empty());
    }
    let paid_data = &checks[0]["postData"];
    assert_eq!(paid_data["notify_type"], "fund_auth_pay");
    assert_eq!(paid_data["operation_type"], "PAY");
    assert_eq!(paid_data["amount"], "1.25");
    assert_eq!(paid_data["out_order_no"], "NODE-N-D1");
    assert_eq!(paid_data["out_request_no"], "NODE-N-D1-1");
    assert_eq!(paid_data["payee_user_id"], bob);
    let refund_data = &checks[1]["postData"];
    assert_eq!(refund_data["notify_type"], "fund_stdtrustee_refund.success");
    assert_eq!(refund_data["operation_type"], "REFUND");
    assert_eq!(refund_data["amount"], "3.75");
    assert_eq!(refund_data["out_order_no"], "NODE-N-001");
    assert_eq!(refund_data["out_request_no"], "NODE-N-R1");
    assert_eq!(refund_data["payer_user_id"], DEMO_MERCHANT);
    assert_ne!(paid_data["notify_id"], refund_data["notify_id"]);

    assert_eq!(checks[2]["postData"]["amount"], "9.25");
    assert_eq!(
        (&checks[2]["v2"], &checks[2]["v1"]),
        (&Value::Bool(false), &Value::Bool(false)),
        "Node accepts a notification whose amount was changed: {}",
        checks[2]
    );
    assert_eq!(
        (&checks[3]["v2"], &checks[3]["v1"]),
        (&Value::Bool(false), &Value::Bool(false)),
        "Node accepts the sandbox's notification under another key: {}",
        checks[3]
    );

    // Exactly these two: agreement.pay notifies nothing, and each was acknowledged the
    // first time (the listener answers `success`), so none was re-sent.
    thread::sleep(Duration::from_millis(300));
    assert_eq!(listener.count(), 2, "a notification was re-sent");
}

// ---------------------------------------------------------------------------------------------
// 3. Python DefaultAlipayClient.execute

/// Runs `tests/interop/sandbox_python.py` in the SDK's venv with `job` on stdin.
fn python_exec(job: &Value) -> Value {
    let python = python_sdk();
    let dir = workspace_root().join("tests").join("interop");
    let stdout = run_ok(
        Command::new(python)
            .arg(dir.join("sandbox_python.py"))
            .current_dir(&dir)
            .env("TZ", BEIJING),
        job.to_string().as_bytes(),
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("sandbox_python.py printed invalid JSON ({e}):\n{stdout}"))
}

fn python_config(gw: &Gateway, alipay_public_key: &str) -> Value {
    json!({
        "serverUrl": gw.url(),
        "appId": APP_ID,
        "appPrivateKey": testdata_text("app_private_pkcs1.pem"),
        "alipayPublicKey": testdata_text(alipay_public_key),
    })
}

fn python_job(config: &Value, method: &str, biz: Value) -> Value {
    json!({"config": config, "fixPort": true, "method": method, "biz": biz})
}

/// The parsed response of a verified `execute`, which must say `10000`.
fn python_success<'a>(outcome: &'a Value, what: &str) -> &'a Value {
    assert!(
        outcome.get("error").is_none(),
        "{what}: the Python SDK raised: {}",
        outcome["error"]
    );
    let response = &outcome["response"];
    assert_eq!(response["code"], "10000", "{what}: {outcome}");
    assert_eq!(response["msg"], "Success", "{what}: {outcome}");
    assert_eq!(outcome["is_success"], true, "{what}: {outcome}");
    // `content` is the text execute verified; the response object is parsed from it.
    let content: Value = serde_json::from_str(text(outcome, "content")).expect("content is JSON");
    assert_eq!(content["code"], "10000");
    response
}

#[test]
fn python_sdk_pays_disburses_refunds_and_queries_through_the_sandbox() {
    let gw = Gateway::start();
    let before = Before::take(&gw);
    let carol = DEMO_USERS[2].0;
    let config = python_config(&gw, "gateway_public_spki.pem");
    let pay_biz = json!({
        "out_order_no": "PY-P-001",
        "out_request_no": "PY-P-001-1",
        "order_title": "Python 红包",
        "amount": "20.00",
    });

    // As shipped, the SDK cannot reach a gateway on a non-default port (see the script):
    // nothing is sent, nothing moves.
    let mut as_shipped = python_job(&config, PAY, pay_biz.clone());
    as_shipped["fixPort"] = false.into();
    let outcome = python_exec(&as_shipped);
    assert_eq!(
        outcome["error"]["type"],
        "TypeError",
        "alipay-sdk-python now reaches a gateway on port {}? Drop the port fix in \
         sandbox_python.py: {outcome}",
        gw.sandbox.local_addr.port()
    );
    assert!(
        text(&outcome["error"], "message").contains("can only concatenate str"),
        "{outcome}"
    );
    assert!(gw.packet_by_order("PY-P-001").is_none());

    let pay = python_exec(&python_job(&config, PAY, pay_biz));
    let pay = python_success(&pay, "Python agreement.pay");
    assert_eq!(pay["amount"], "20.00");
    assert_eq!(pay["status"], "SUCCESS");
    assert_eq!(pay["out_order_no"], "PY-P-001");
    let auth_no = text(pay, "auth_no").to_string();
    let packet = gw.packet(&auth_no);
    assert_eq!(
        (packet.total, packet.remaining, packet.status),
        (2000, 2000, Status::Success)
    );
    assert_eq!(packet.order_title, "Python 红包");
    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant - 2000);

    let steps = python_exec(&json!([
        python_job(
            &config,
            DISBURSE,
            json!({
                "out_order_no": "PY-D-001",
                "out_request_no": "PY-D-001-1",
                "order_title": "红包打款",
                "amount": "7.77",
                "deduct_auth_no": auth_no,
                "payee_user_id": carol,
            }),
        ),
        python_job(
            &config,
            REFUND,
            json!({
                "auth_no": auth_no,
                "out_request_no": "PY-R-001",
                "amount": "12.23",
                "remark": "退回剩余",
            }),
        ),
        python_job(
            &config,
            QUERY,
            json!({"auth_no": auth_no, "out_request_no": "PY-P-001-1"}),
        ),
        python_job(
            &config,
            QUERY,
            json!({"auth_no": auth_no, "out_request_no": "PY-D-001-1"}),
        ),
        python_job(
            &config,
            QUERY,
            json!({"auth_no": auth_no, "out_request_no": "PY-R-001"}),
        ),
        // The right call, the wrong Alipay key: the SDK refuses the answer.
        python_job(
            &python_config(&gw, "app_public_spki.pem"),
            QUERY,
            json!({"auth_no": auth_no, "out_request_no": "PY-R-001"}),
        ),
    ]));
    let steps = steps.as_array().expect("an array of outcomes");

    let disburse = python_success(&steps[0], "Python disburse");
    assert_eq!(disburse["amount"], "7.77");
    assert_eq!(disburse["status"], "SUCCESS");
    assert_eq!(disburse["auth_no"], auth_no.as_str());
    let refund = python_success(&steps[1], "Python refund");
    assert_eq!(refund["amount"], "12.23");
    assert_eq!(refund["status"], "SUCCESS");

    for (outcome, (kind, amount)) in
        steps[2..5]
            .iter()
            .zip([("FREEZE", "20.00"), ("PAY", "7.77"), ("REFUND", "12.23")])
    {
        let what = format!("Python operation.query ({kind})");
        let node = python_success(outcome, &what);
        assert_eq!(node["operation_type"], kind, "{what}: {node}");
        assert_eq!(node["amount"], amount, "{what}: {node}");
        assert_eq!(node["status"], "SUCCESS", "{what}: {node}");
        assert_eq!(node["total_pay_refund_amount"], "12.23", "{what}: {node}");
    }
    assert_eq!(steps[3]["response"]["payee_user_id"], carol);

    let error = &steps[5]["error"];
    assert_eq!(
        error["type"], "ResponseException",
        "the Python SDK accepted an answer under the wrong key: {}",
        steps[5]
    );
    assert!(
        text(error, "message").contains("response sign verify failed"),
        "{error}"
    );

    assert_eq!(gw.balance(DEMO_MERCHANT), before.merchant - 777);
    assert_eq!(gw.balance(carol), before.users[carol] + 777);
    assert_eq!(gw.total(), before.total, "money was created or destroyed");
    let packet = gw.packet(&auth_no);
    assert_eq!(
        (packet.remaining, packet.refunded, packet.status),
        (0, 1223, Status::Closed)
    );
    assert_eq!(
        gw.operations(&auth_no),
        vec![
            (OperationType::Freeze, Status::Success, 2000, None),
            (
                OperationType::Pay,
                Status::Success,
                777,
                Some(carol.to_string())
            ),
            (OperationType::Refund, Status::Success, 1223, None),
        ]
    );
}
