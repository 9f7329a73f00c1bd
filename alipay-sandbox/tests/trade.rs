//! The trade family (`alipay.trade.*`) end to end: the real client (signed requests, verified
//! answers) against the sandbox over loopback HTTP, the buyer's side over its JSON cashier
//! routes, the notifications received by a merchant endpoint and verified with the client.
//! Every step checks the money: balances to the fen and the ledger's total.

use std::path::Path;
use std::time::Duration;

use alipay_core::notify::Notification;
use alipay_core::{
    AlipayClient, AlipayPublicKey, AppPrivateKey, AppPublicKey, Call, Charset, Error, Gateway,
    GatewayPrivateKey,
};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS};
use alipay_testkit::NotifyEndpoint;
use alipay_testkit::http::{Answer, Method, StatusCode, send};
use serde_json::{Value, json};

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";
const ALICE: &str = DEMO_USERS[0].0;
const BOB: &str = DEMO_USERS[1].0;
const CAROL: &str = DEMO_USERS[2].0;
const PHONE: &str = "2088000000000555"; // confirms trade.pay on the phone
const RETURN_URL: &str = "http://127.0.0.1:9/return?from=page";

const PAY: &str = "alipay.trade.pay";
const PRECREATE: &str = "alipay.trade.precreate";
const CREATE: &str = "alipay.trade.create";
const QUERY: &str = "alipay.trade.query";
const REFUND: &str = "alipay.trade.refund";
const REFUND_QUERY: &str = "alipay.trade.fastpay.refund.query";
const CLOSE: &str = "alipay.trade.close";
const CANCEL: &str = "alipay.trade.cancel";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

fn config() -> SandboxConfig {
    SandboxConfig::new(
        APP_ID,
        AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap(),
        GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
    )
}

async fn sandbox() -> Sandbox {
    start(config(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

/// A sandbox journaling to `dir` (retried while the previous one still holds the database).
async fn sandbox_in(dir: &Path) -> Sandbox {
    for _ in 0..100 {
        let mut c = config();
        c.state_dir = Some(dir.to_owned());
        if let Ok(sb) = start(c, "127.0.0.1:0".parse().unwrap()).await {
            return sb;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("cannot reopen {}", dir.display());
}

fn client(sb: &Sandbox) -> AlipayClient {
    AlipayClient::builder(
        APP_ID,
        AppPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(Gateway::new(&sb.gateway_url).unwrap())
    .build()
    .unwrap()
}

fn url(sb: &Sandbox, path: &str) -> String {
    format!("http://{}{path}", sb.local_addr)
}

async fn post_json(sb: &Sandbox, path: &str, body: Value) -> Answer {
    let body = body.to_string();
    let headers = [("content-type", "application/json")];
    send(Method::POST, &url(sb, path), &headers, body.as_bytes()).await
}

/// A JSON answer that must be 200.
fn ok(a: Answer) -> Value {
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    a.json()
}

/// The `error` of a refusal with `status`.
fn refused(a: Answer, status: StatusCode) -> String {
    assert_eq!(a.status, status, "{}", a.text());
    a.json()["error"].as_str().unwrap().to_owned()
}

fn balance(sb: &Sandbox, user: &str) -> u64 {
    sb.with_ledger(|l| l.balance(user)).unwrap()
}

fn total(sb: &Sandbox) -> u128 {
    sb.with_ledger(|l| l.total_money())
}

/// A verified call's node (`10000`), or the verified refusal's node.
async fn call(c: &AlipayClient, method: &str, biz: Value) -> Value {
    call_notified(c, method, biz, None).await
}

async fn call_notified(c: &AlipayClient, method: &str, biz: Value, notify: Option<&str>) -> Value {
    let request = Call::new(method).biz_content(biz.to_string());
    let mut sending = c.call(&request);
    if let Some(url) = notify {
        sending = sending.notify_url(url);
    }
    match sending.send().await {
        Ok(answer) => serde_json::from_str(&answer.node).unwrap(),
        Err(Error::Business(e) | Error::UnknownOutcome(e)) => {
            assert!(e.verified, "an unverified answer: {e:?}");
            json!({"code": e.code, "msg": e.msg, "sub_code": e.sub_code, "sub_msg": e.sub_msg})
        }
        Err(other) => panic!("{method}: {other:?}"),
    }
}

#[track_caller]
fn sub_code(node: &Value, expected: &str) {
    assert_eq!(node["code"], "40004", "{node}");
    assert_eq!(node["sub_code"], expected, "{node}");
}

#[track_caller]
fn success(node: &Value) {
    assert_eq!(node["code"], "10000", "{node}");
}

async fn payment_code(sb: &Sandbox, buyer: &str) -> String {
    let a = ok(post_json(sb, "/cashier/payment-code", json!({"buyer_user_id": buyer})).await);
    a["auth_code"].as_str().unwrap().to_owned()
}

fn bar_code(out: &str, amount: &str, auth_code: &str) -> Value {
    json!({"out_trade_no": out, "total_amount": amount, "subject": "条码支付",
           "scene": "bar_code", "auth_code": auth_code})
}

/// The next notification, verified with the client.
async fn notified(c: &AlipayClient, endpoint: &NotifyEndpoint) -> Notification {
    let body = tokio::time::timeout(Duration::from_secs(5), endpoint.next_body())
        .await
        .expect("a notification within 5 s");
    c.verify_notification(&body).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn bar_code_payment_refunds_and_their_notifications() {
    let sb = sandbox().await;
    let c = client(&sb);
    let endpoint = NotifyEndpoint::start();
    let (t0, alice, merchant) = (total(&sb), balance(&sb, ALICE), balance(&sb, DEMO_MERCHANT));

    let code = payment_code(&sb, ALICE).await;
    assert_eq!(code.len(), 18);
    assert!(code.starts_with("28"));
    let paid = call_notified(
        &c,
        PAY,
        bar_code("T1", "10.00", &code),
        Some(endpoint.url()),
    )
    .await;
    success(&paid);
    assert_eq!(paid["buyer_user_id"], ALICE);
    assert_eq!(paid["total_amount"], "10.00");
    assert_eq!(paid["fund_bill_list"][0]["fund_channel"], "ALIPAYACCOUNT");
    let trade_no = paid["trade_no"].as_str().unwrap().to_owned();
    assert_eq!(trade_no.len(), 28);
    assert_eq!(balance(&sb, ALICE), alice - 1_000);
    assert_eq!(balance(&sb, DEMO_MERCHANT), merchant + 1_000);
    assert_eq!(total(&sb), t0);

    // The merchant's checks of the docs: its out_trade_no, amount, seller and app.
    let n = notified(&c, &endpoint).await;
    assert_eq!(n.notify_type(), Some("trade_status_sync"));
    assert_eq!(n.get("trade_status"), Some("TRADE_SUCCESS"));
    assert_eq!(n.get("out_trade_no"), Some("T1"));
    assert_eq!(n.get("trade_no"), Some(trade_no.as_str()));
    assert_eq!(n.get("total_amount"), Some("10.00"));
    assert_eq!(n.get("seller_id"), Some(DEMO_MERCHANT));
    assert_eq!(n.get("app_id"), Some(APP_ID));
    assert_eq!(n.get("buyer_id"), Some(ALICE));
    assert!(n.get("gmt_payment").is_some() && n.get("notify_id").is_some());

    // The same request re-sent (the retry layer): the same answer, paid once.
    let again = call(&c, PAY, bar_code("T1", "10.00", &code)).await;
    assert_eq!(again["trade_no"], trade_no.as_str());
    assert_eq!(balance(&sb, ALICE), alice - 1_000);
    // Paid again with a new code; other content; a used code; short balance.
    let fresh = payment_code(&sb, ALICE).await;
    sub_code(
        &call(&c, PAY, bar_code("T1", "10.00", &fresh)).await,
        "ACQ.TRADE_HAS_SUCCESS",
    );
    sub_code(
        &call(&c, PAY, bar_code("T1", "11.00", &fresh)).await,
        "ACQ.CONTEXT_INCONSISTENT",
    );
    sub_code(
        &call(&c, PAY, bar_code("T2", "1.00", &code)).await,
        "ACQ.PAYMENT_AUTH_CODE_INVALID",
    );
    let carol = payment_code(&sb, CAROL).await;
    sub_code(
        &call(&c, PAY, bar_code("T3", "10.01", &carol)).await,
        "ACQ.BUYER_BALANCE_NOT_ENOUGH",
    );
    // The refused payment left carol's code usable.
    success(&call(&c, PAY, bar_code("T3", "10.00", &carol)).await);
    assert_eq!(balance(&sb, CAROL), 0);
    assert_eq!(total(&sb), t0);

    // A partial refund, replayed, changed, too big.
    let r1 = json!({"out_trade_no": "T1", "refund_amount": "3.00", "out_request_no": "R1"});
    let first = call(&c, REFUND, r1.clone()).await;
    success(&first);
    assert_eq!(first["fund_change"], "Y");
    assert_eq!(first["refund_fee"], "3.00");
    let n = notified(&c, &endpoint).await;
    assert_eq!(n.get("trade_status"), Some("TRADE_SUCCESS"));
    assert_eq!(n.get("refund_fee"), Some("3.00"));
    assert_eq!(n.get("out_biz_no"), Some("R1"));
    assert!(n.get("gmt_refund").is_some());
    let replay = call(&c, REFUND, r1).await;
    assert_eq!(replay["fund_change"], "N");
    assert_eq!(replay["refund_fee"], "3.00");
    assert_eq!(balance(&sb, ALICE), alice - 700);
    let changed = json!({"trade_no": trade_no, "refund_amount": "4.00", "out_request_no": "R1"});
    sub_code(
        &call(&c, REFUND, changed).await,
        "ACQ.DISCORDANT_REPEAT_REQUEST",
    );
    let over = json!({"out_trade_no": "T1", "refund_amount": "7.01", "out_request_no": "R2"});
    sub_code(
        &call(&c, REFUND, over).await,
        "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
    );
    assert_eq!(total(&sb), t0);

    // fastpay.refund.query: found, and not found (no refund_status).
    let q = call(
        &c,
        REFUND_QUERY,
        json!({"out_trade_no": "T1", "out_request_no": "R1"}),
    )
    .await;
    assert_eq!(q["refund_status"], "REFUND_SUCCESS");
    assert_eq!(q["refund_amount"], "3.00");
    let q = call(
        &c,
        REFUND_QUERY,
        json!({"out_trade_no": "T1", "out_request_no": "R9"}),
    )
    .await;
    success(&q);
    assert!(q.get("refund_status").is_none(), "{q}");

    // The rest: TRADE_CLOSED, notified; nothing left to refund.
    let rest = json!({"out_trade_no": "T1", "refund_amount": "7.00", "out_request_no": "R3"});
    assert_eq!(call(&c, REFUND, rest).await["refund_fee"], "10.00");
    let n = notified(&c, &endpoint).await;
    assert_eq!(n.get("trade_status"), Some("TRADE_CLOSED"));
    assert!(n.get("gmt_close").is_some());
    let q = call(&c, QUERY, json!({"out_trade_no": "T1"})).await;
    assert_eq!(q["trade_status"], "TRADE_CLOSED");
    let more = json!({"out_trade_no": "T1", "refund_amount": "0.01", "out_request_no": "R4"});
    sub_code(&call(&c, REFUND, more).await, "ACQ.TRADE_STATUS_ERROR");
    assert_eq!(balance(&sb, ALICE), alice);
    assert_eq!(balance(&sb, DEMO_MERCHANT), merchant + 1_000);
    assert_eq!(total(&sb), t0);
}

#[tokio::test(flavor = "multi_thread")]
async fn precreate_scan_query_close_and_voucher_codes() {
    let sb = sandbox().await;
    let c = client(&sb);
    let t0 = total(&sb);
    let bob = balance(&sb, BOB);

    let pre = json!({"out_trade_no": "Q1", "total_amount": "2.50", "subject": "扫码"});
    let answer = call(&c, PRECREATE, pre.clone()).await;
    success(&answer);
    let qr = answer["qr_code"].as_str().unwrap().to_owned();
    assert!(answer.get("trade_no").is_none(), "{answer}");
    // Not a trade until scanned.
    sub_code(
        &call(&c, QUERY, json!({"out_trade_no": "Q1"})).await,
        "ACQ.TRADE_NOT_EXIST",
    );
    sub_code(
        &call(&c, CLOSE, json!({"out_trade_no": "Q1"})).await,
        "ACQ.TRADE_NOT_EXIST",
    );
    assert_eq!(call(&c, PRECREATE, pre).await["qr_code"], qr.as_str());

    let scanned = ok(post_json(
        &sb,
        "/cashier/scan",
        json!({"qr_code": qr, "buyer_user_id": BOB}),
    )
    .await);
    assert_eq!(scanned["trade_status"], "TRADE_SUCCESS");
    let q = call(&c, QUERY, json!({"out_trade_no": "Q1"})).await;
    assert_eq!(q["trade_status"], "TRADE_SUCCESS");
    assert_eq!(q["buyer_user_id"], BOB);
    assert_eq!(q["total_amount"], "2.50");
    assert!(q["send_pay_date"].is_string(), "{q}");
    assert_eq!(balance(&sb, BOB), bob - 250);
    // Scanned twice; an unknown code; a paid trade is not closed.
    let e = refused(
        post_json(
            &sb,
            "/cashier/scan",
            json!({"qr_code": qr, "buyer_user_id": ALICE}),
        )
        .await,
        StatusCode::CONFLICT,
    );
    assert!(e.contains("Q1"), "{e}");
    refused(
        post_json(
            &sb,
            "/cashier/scan",
            json!({"qr_code": "https://x/none", "buyer_user_id": ALICE}),
        )
        .await,
        StatusCode::NOT_FOUND,
    );
    sub_code(
        &call(&c, CLOSE, json!({"out_trade_no": "Q1"})).await,
        "ACQ.TRADE_STATUS_ERROR",
    );

    // An unscanned precreate cancelled: closed, its code no longer pays.
    let q2 = call(
        &c,
        PRECREATE,
        json!({"out_trade_no": "Q2", "total_amount": "1.00", "subject": "s"}),
    )
    .await;
    let cancelled = call(&c, CANCEL, json!({"out_trade_no": "Q2"})).await;
    assert_eq!(cancelled["action"], "close");
    assert_eq!(cancelled["retry_flag"], "N");
    let q2_code = q2["qr_code"].as_str().unwrap();
    refused(
        post_json(
            &sb,
            "/cashier/scan",
            json!({"qr_code": q2_code, "buyer_user_id": ALICE}),
        )
        .await,
        StatusCode::CONFLICT,
    );
    sub_code(
        &call(
            &c,
            PRECREATE,
            json!({"out_trade_no": "Q2", "total_amount": "1.00", "subject": "s"}),
        )
        .await,
        "ACQ.TRADE_HAS_CLOSE",
    );

    // voucher.create codes still scan at the same route, with the same body.
    let voucher = json!({"out_order_no": "F1", "out_request_no": "F1-1", "order_title": "发码",
                         "amount": "3.00", "payee_user_id": BOB});
    let v = call(&c, "alipay.fund.auth.order.voucher.create", voucher).await;
    let code_value = v["code_value"].as_str().unwrap();
    let frozen = ok(post_json(
        &sb,
        "/cashier/scan",
        json!({"qr_code": code_value, "buyer_user_id": ALICE}),
    )
    .await);
    assert_eq!(frozen["notify_type"], "fund_auth_freeze");
    assert_eq!(frozen["amount"], "3.00");
    assert_eq!(total(&sb), t0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_buyer_confirming_on_the_phone_gets_10003_then_pays() {
    let sb = sandbox().await;
    let c = client(&sb);
    let endpoint = NotifyEndpoint::start();
    let user = json!({"user_id": PHONE, "logon_id": "phone@sandbox.test", "balance": "50.00",
                      "confirm_on_phone": true});
    let added = ok(post_json(&sb, "/admin/users", user).await);
    assert_eq!(added["confirm_on_phone"], true);
    let t0 = total(&sb);

    let code = payment_code(&sb, PHONE).await;
    let pending = call_notified(
        &c,
        PAY,
        bar_code("P1", "20.00", &code),
        Some(endpoint.url()),
    )
    .await;
    assert_eq!(pending["code"], "10003", "{pending}");
    assert_eq!(balance(&sb, PHONE), 5_000);
    let q = call(&c, QUERY, json!({"out_trade_no": "P1"})).await;
    assert_eq!(q["trade_status"], "WAIT_BUYER_PAY");
    // Re-sent while waiting: still 10003, nothing paid.
    assert_eq!(
        call(&c, PAY, bar_code("P1", "20.00", &code)).await["code"],
        "10003"
    );

    let wrong = post_json(
        &sb,
        "/cashier/confirm",
        json!({"out_trade_no": "P1", "buyer_user_id": ALICE}),
    )
    .await;
    refused(wrong, StatusCode::NOT_FOUND);
    let confirmed = ok(post_json(
        &sb,
        "/cashier/confirm",
        json!({"out_trade_no": "P1", "buyer_user_id": PHONE}),
    )
    .await);
    assert_eq!(confirmed["trade_status"], "TRADE_SUCCESS");
    let q = call(&c, QUERY, json!({"out_trade_no": "P1"})).await;
    assert_eq!(q["trade_status"], "TRADE_SUCCESS");
    assert_eq!(balance(&sb, PHONE), 3_000);
    let n = notified(&c, &endpoint).await;
    assert_eq!(n.get("trade_status"), Some("TRADE_SUCCESS"));
    assert_eq!(n.get("out_trade_no"), Some("P1"));
    // Confirmed twice: already paid.
    refused(
        post_json(
            &sb,
            "/cashier/confirm",
            json!({"out_trade_no": "P1", "buyer_user_id": PHONE}),
        )
        .await,
        StatusCode::CONFLICT,
    );

    // The official F2F flow when the buyer never confirms: cancel closes it.
    let code = payment_code(&sb, PHONE).await;
    assert_eq!(
        call(&c, PAY, bar_code("P2", "1.00", &code)).await["code"],
        "10003"
    );
    assert_eq!(
        call(&c, CANCEL, json!({"out_trade_no": "P2"})).await["action"],
        "close"
    );
    let q = call(&c, QUERY, json!({"out_trade_no": "P2"})).await;
    assert_eq!(q["trade_status"], "TRADE_CLOSED");
    refused(
        post_json(
            &sb,
            "/cashier/confirm",
            json!({"out_trade_no": "P2", "buyer_user_id": PHONE}),
        )
        .await,
        StatusCode::CONFLICT,
    );
    assert_eq!(balance(&sb, PHONE), 3_000);
    assert_eq!(total(&sb), t0);
}

#[tokio::test(flavor = "multi_thread")]
async fn create_trade_pay_cancel_finish_and_seller_balance() {
    let sb = sandbox().await;
    let c = client(&sb);
    let t0 = total(&sb);
    let (bob, carol) = (balance(&sb, BOB), balance(&sb, CAROL));

    let created = call(&c, CREATE, json!({"out_trade_no": "C1", "total_amount": "12.00", "subject": "小程序", "buyer_id": BOB})).await;
    success(&created);
    let trade_no = created["trade_no"].as_str().unwrap().to_owned();
    assert_eq!(
        call(&c, QUERY, json!({"trade_no": trade_no})).await["trade_status"],
        "WAIT_BUYER_PAY"
    );
    // Only the buyer it was created for pays it.
    refused(
        post_json(
            &sb,
            "/cashier/trade-pay",
            json!({"trade_no": trade_no, "buyer_user_id": ALICE}),
        )
        .await,
        StatusCode::FORBIDDEN,
    );
    let paid = ok(post_json(
        &sb,
        "/cashier/trade-pay",
        json!({"trade_no": trade_no, "buyer_user_id": BOB}),
    )
    .await);
    assert_eq!(paid["trade_status"], "TRADE_SUCCESS");
    assert_eq!(balance(&sb, BOB), bob - 1_200);
    refused(
        post_json(
            &sb,
            "/cashier/trade-pay",
            json!({"trade_no": trade_no, "buyer_user_id": BOB}),
        )
        .await,
        StatusCode::CONFLICT,
    );
    // Cancel of a paid trade refunds it in full.
    let cancelled = call(&c, CANCEL, json!({"trade_no": trade_no})).await;
    assert_eq!(cancelled["action"], "refund");
    assert_eq!(balance(&sb, BOB), bob);
    assert_eq!(
        call(&c, QUERY, json!({"out_trade_no": "C1"})).await["trade_status"],
        "TRADE_CLOSED"
    );
    // Cancelled again: nothing to do.
    let again = call(&c, CANCEL, json!({"trade_no": trade_no})).await;
    success(&again);
    assert!(again.get("action").is_none(), "{again}");

    // A short balance at trade-pay changes nothing; close of the unpaid trade.
    let c2 = call(
        &c,
        CREATE,
        json!({"out_trade_no": "C2", "total_amount": "10.01", "subject": "s", "buyer_id": CAROL}),
    )
    .await;
    let c2_no = c2["trade_no"].as_str().unwrap().to_owned();
    refused(
        post_json(
            &sb,
            "/cashier/trade-pay",
            json!({"trade_no": c2_no, "buyer_user_id": CAROL}),
        )
        .await,
        StatusCode::PAYMENT_REQUIRED,
    );
    assert_eq!(balance(&sb, CAROL), carol);
    let closed = call(&c, CLOSE, json!({"out_trade_no": "C2"})).await;
    assert_eq!(closed["trade_no"], c2_no.as_str());
    assert_eq!(
        call(&c, QUERY, json!({"out_trade_no": "C2"})).await["trade_status"],
        "TRADE_CLOSED"
    );
    sub_code(
        &call(&c, CLOSE, json!({"out_trade_no": "C2"})).await,
        "ACQ.TRADE_STATUS_ERROR",
    );
    refused(
        post_json(
            &sb,
            "/cashier/trade-pay",
            json!({"trade_no": c2_no, "buyer_user_id": CAROL}),
        )
        .await,
        StatusCode::CONFLICT,
    );

    // A paid trade whose refund period ended: TRADE_FINISHED, no refund.
    let c3 = call(
        &c,
        CREATE,
        json!({"out_trade_no": "C3", "total_amount": "5.00", "subject": "s", "buyer_id": ALICE}),
    )
    .await;
    let c3_no = c3["trade_no"].as_str().unwrap();
    ok(post_json(
        &sb,
        "/cashier/trade-pay",
        json!({"trade_no": c3_no, "buyer_user_id": ALICE}),
    )
    .await);
    // The merchant spends all but 4.99 (a red packet): the seller cannot refund 5.00.
    let merchant = balance(&sb, DEMO_MERCHANT);
    let spend = format!("{}.{:02}", (merchant - 499) / 100, (merchant - 499) % 100);
    let spent = call(&c, "alipay.fund.coupon.order.agreement.pay",
        json!({"out_order_no": "SPEND", "out_request_no": "SPEND-1", "order_title": "t", "amount": spend})).await;
    success(&spent);
    let refund = json!({"out_trade_no": "C3", "refund_amount": "5.00", "out_request_no": "R1"});
    sub_code(
        &call(&c, REFUND, refund.clone()).await,
        "ACQ.SELLER_BALANCE_NOT_ENOUGH",
    );
    sub_code(
        &call(&c, CANCEL, json!({"out_trade_no": "C3"})).await,
        "ACQ.SELLER_BALANCE_NOT_ENOUGH",
    );
    let finished = ok(post_json(&sb, "/admin/trades/C3/finish", json!({})).await);
    assert_eq!(finished["trade_status"], "TRADE_FINISHED");
    sub_code(&call(&c, REFUND, refund).await, "ACQ.TRADE_HAS_FINISHED");
    refused(
        post_json(&sb, "/admin/trades/C3/finish", json!({})).await,
        StatusCode::CONFLICT,
    );
    sub_code(
        &call(&c, CANCEL, json!({"out_trade_no": "C3"})).await,
        "ACQ.TRADE_HAS_FINISHED",
    );
    let c3_again =
        json!({"out_trade_no": "C3", "total_amount": "5.00", "subject": "s", "buyer_id": ALICE});
    sub_code(&call(&c, CREATE, c3_again).await, "ACQ.TRADE_HAS_FINISHED");
    let sync = json!({"trade_no": c3_no, "out_request_no": "S1", "biz_type": "CREDIT_AUTH"});
    let synced = call(&c, "alipay.trade.orderinfo.sync", sync).await;
    assert_eq!(synced["out_trade_no"], "C3");
    assert_eq!(synced["buyer_user_id"], ALICE);
    let unknown = json!({"trade_no": "2026010122000000000000000099", "out_request_no": "S1", "biz_type": "CREDIT_AUTH"});
    sub_code(
        &call(&c, "alipay.trade.orderinfo.sync", unknown).await,
        "ACQ.TRADE_NOT_EXIST",
    );
    let ledger = ok(send(Method::GET, &url(&sb, "/admin/ledger"), &[], b"").await);
    assert_eq!(ledger["trades"].as_array().map(Vec::len), Some(3));
    assert_eq!(total(&sb), t0);
}

/// The browser following a signed page call to the gateway, asking for HTML.
async fn open_cashier(sb: &Sandbox, c: &AlipayClient, request: &Call) -> Answer {
    let signed = c.sign(request).unwrap();
    let (query, body) = signed.http_parts().unwrap();
    let headers = [
        ("content-type", "application/x-www-form-urlencoded"),
        ("accept", "text/html,*/*;q=0.8"),
    ];
    send(
        Method::POST,
        &format!("{}?{query}", sb.gateway_url),
        &headers,
        &body,
    )
    .await
}

fn form_encode(pairs: &[(&str, &str)]) -> Vec<u8> {
    let enc = |s: &str| Charset::Utf8.form_encode(s).unwrap();
    let parts: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    parts.join("&").into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn page_pay_through_the_cashier_with_a_signed_return() {
    let sb = sandbox().await;
    let c = client(&sb);
    let endpoint = NotifyEndpoint::start();
    let (t0, alice) = (total(&sb), balance(&sb, ALICE));
    let biz = json!({"out_trade_no": "W1", "total_amount": "8.88", "subject": "网页 <b>&",
                     "product_code": "FAST_INSTANT_TRADE_PAY"});
    let request = Call::new("alipay.trade.page.pay")
        .biz_content(biz.to_string())
        .notify_url(endpoint.url())
        .return_url(RETURN_URL);
    let page = open_cashier(&sb, &c, &request).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let html = page.text();
    assert!(html.contains("网页 &lt;b&gt;&amp;"), "{html}");
    assert!(
        html.contains("<span id=\"total_amount\">8.88</span>"),
        "{html}"
    );
    assert!(
        html.contains("name=\"out_trade_no\" value=\"W1\""),
        "{html}"
    );
    assert_eq!(
        call(&c, QUERY, json!({"out_trade_no": "W1"})).await["trade_status"],
        "WAIT_BUYER_PAY"
    );

    let paid = send(
        Method::POST,
        &url(&sb, "/cashier/pay"),
        &[("content-type", "application/x-www-form-urlencoded")],
        &form_encode(&[
            ("out_trade_no", "W1"),
            ("buyer_user_id", ALICE),
            ("cashier_token", &sb.cashier_token("W1")),
        ]),
    )
    .await;
    assert_eq!(paid.status, StatusCode::FOUND, "{}", paid.text());
    let location = paid.header("location").to_owned();
    let signed = location
        .strip_prefix(&format!("{RETURN_URL}&"))
        .unwrap_or_else(|| panic!("{location}"));
    let ret = c.verify_notification(signed.as_bytes()).unwrap();
    assert_eq!(ret.get("method"), Some("alipay.trade.page.pay.return"));
    assert_eq!(ret.get("out_trade_no"), Some("W1"));
    assert_eq!(ret.get("total_amount"), Some("8.88"));
    assert_eq!(ret.get("seller_id"), Some(DEMO_MERCHANT));
    assert_eq!(ret.get("auth_app_id"), Some(APP_ID));
    let trade_no = sb.with_ledger(|l| l.trade_by_out_trade_no("W1").map(|t| t.trade_no.clone()));
    assert_eq!(ret.get("trade_no").map(str::to_owned), trade_no);
    let n = notified(&c, &endpoint).await;
    assert_eq!(n.get("trade_status"), Some("TRADE_SUCCESS"));
    assert_eq!(n.get("subject"), Some("网页 <b>&"));
    assert_eq!(balance(&sb, ALICE), alice - 888);
    assert_eq!(total(&sb), t0);

    // wap.pay requires its product code (40002 before any trade exists).
    let wap = Call::new("alipay.trade.wap.pay").biz_content(
        json!({"out_trade_no": "W2", "total_amount": "1.00", "subject": "s"}).to_string(),
    );
    assert_eq!(
        open_cashier(&sb, &c, &wap).await.status,
        StatusCode::BAD_REQUEST
    );
    assert!(sb.with_ledger(|l| l.trade_by_out_trade_no("W2").is_none()));
    // With it: the same cashier, and the wap return.
    let wap = Call::new("alipay.trade.wap.pay")
        .biz_content(
            json!({"out_trade_no": "W2", "total_amount": "1.00", "subject": "s",
                   "product_code": "QUICK_WAP_WAY", "quit_url": "http://127.0.0.1:9/quit"})
            .to_string(),
        )
        .return_url(RETURN_URL);
    assert_eq!(open_cashier(&sb, &c, &wap).await.status, StatusCode::OK);
    let paid = send(
        Method::POST,
        &url(&sb, "/cashier/pay"),
        &[("content-type", "application/x-www-form-urlencoded")],
        &form_encode(&[
            ("out_trade_no", "W2"),
            ("buyer_user_id", BOB),
            ("cashier_token", &sb.cashier_token("W2")),
        ]),
    )
    .await;
    assert_eq!(paid.status, StatusCode::FOUND, "{}", paid.text());
    let location = paid.header("location").to_owned();
    let signed = location.strip_prefix(&format!("{RETURN_URL}&")).unwrap();
    let ret = c.verify_notification(signed.as_bytes()).unwrap();
    assert_eq!(ret.get("method"), Some("alipay.trade.wap.pay.return"));
    assert_eq!(ret.get("total_amount"), Some("1.00"));
    // Paid already: the cashier refuses a second payment.
    let again = send(
        Method::POST,
        &url(&sb, "/cashier/pay"),
        &[("content-type", "application/x-www-form-urlencoded")],
        &form_encode(&[
            ("out_trade_no", "W2"),
            ("buyer_user_id", BOB),
            ("cashier_token", &sb.cashier_token("W2")),
        ]),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(total(&sb), t0);
}

#[tokio::test(flavor = "multi_thread")]
async fn app_pay_order_string_paid_at_the_cashier() {
    let sb = sandbox().await;
    let c = client(&sb);
    let endpoint = NotifyEndpoint::start();
    let (t0, bob) = (total(&sb), balance(&sb, BOB));
    let request = Call::new("alipay.trade.app.pay")
        .biz_content(
            json!({"out_trade_no": "A1", "total_amount": "3.21", "subject": "App"}).to_string(),
        )
        .notify_url(endpoint.url());
    let order_string = c.sign(&request).unwrap().sdk_order_string().unwrap();
    let paid = send(
        Method::POST,
        &url(&sb, &format!("/cashier/app-pay?payer_user_id={BOB}")),
        &[("content-type", "application/x-www-form-urlencoded")],
        order_string.as_bytes(),
    )
    .await;
    let paid = ok(paid);
    assert_eq!(paid["trade_status"], "TRADE_SUCCESS");
    assert_eq!(paid["total_amount"], "3.21");
    assert_eq!(balance(&sb, BOB), bob - 321);
    let n = notified(&c, &endpoint).await;
    assert_eq!(n.get("out_trade_no"), Some("A1"));
    assert_eq!(n.get("trade_status"), Some("TRADE_SUCCESS"));
    assert_eq!(
        call(&c, QUERY, json!({"out_trade_no": "A1"})).await["buyer_user_id"],
        BOB
    );
    assert_eq!(total(&sb), t0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restart_keeps_trades_refunds_and_payment_codes() {
    let dir = tempfile::tempdir().unwrap();
    let endpoint = NotifyEndpoint::start();
    let (alice, code, t0) = {
        let sb = sandbox_in(dir.path()).await;
        let c = client(&sb);
        let alice = balance(&sb, ALICE);
        let used = payment_code(&sb, ALICE).await;
        success(&call(&c, PAY, bar_code("S1", "4.00", &used)).await);
        let r = json!({"out_trade_no": "S1", "refund_amount": "1.00", "out_request_no": "R1"});
        assert_eq!(call(&c, REFUND, r).await["fund_change"], "Y");
        call(
            &c,
            PRECREATE,
            json!({"out_trade_no": "S2", "total_amount": "1.00", "subject": "s"}),
        )
        .await;
        // A trade.pay waiting for the buyer's phone when the sandbox stops.
        let user = json!({"user_id": PHONE, "logon_id": "phone@sandbox.test", "balance": "9.00",
                          "confirm_on_phone": true});
        ok(post_json(&sb, "/admin/users", user).await);
        let phone_code = payment_code(&sb, PHONE).await;
        let pending = call_notified(
            &c,
            PAY,
            bar_code("S4", "2.00", &phone_code),
            Some(endpoint.url()),
        )
        .await;
        assert_eq!(pending["code"], "10003");
        (alice, used, total(&sb))
    };
    let sb = sandbox_in(dir.path()).await;
    let c = client(&sb);
    assert_eq!(total(&sb), t0);
    assert_eq!(balance(&sb, ALICE), alice - 300);
    // Confirmed after the restart: paid, and notified where the pay call asked.
    let confirm = json!({"out_trade_no": "S4", "buyer_user_id": PHONE});
    ok(post_json(&sb, "/cashier/confirm", confirm).await);
    let n = notified(&c, &endpoint).await;
    assert_eq!(n.get("out_trade_no"), Some("S4"));
    assert_eq!(n.get("trade_status"), Some("TRADE_SUCCESS"));
    assert_eq!(balance(&sb, PHONE), 700);
    assert_eq!(total(&sb), t0);
    let q = call(&c, QUERY, json!({"out_trade_no": "S1"})).await;
    assert_eq!(q["trade_status"], "TRADE_SUCCESS");
    let r = json!({"out_trade_no": "S1", "refund_amount": "1.00", "out_request_no": "R1"});
    assert_eq!(call(&c, REFUND, r).await["fund_change"], "N");
    sub_code(
        &call(&c, PAY, bar_code("S3", "1.00", &code)).await,
        "ACQ.PAYMENT_AUTH_CODE_INVALID",
    );
    sub_code(
        &call(&c, QUERY, json!({"out_trade_no": "S2"})).await,
        "ACQ.TRADE_NOT_EXIST",
    );
    assert_eq!(balance(&sb, ALICE), alice - 300);
}

/// The typed client of `alipay-apis` (builders, typed responses, typed error codes) on the
/// flow a shop runs: bar-code pay, query, partial refund and its query, cancel; precreate and
/// create; every answer parses into the generated response type.
#[tokio::test(flavor = "multi_thread")]
async fn the_typed_client_reads_every_answer() {
    use alipay_apis::trade::{
        CancelRequest, CreateRequest, FastpayRefundQueryRequest, PayRequest, PrecreateRequest,
        QueryRequest, RefundErrorCode, RefundRequest,
    };
    use alipay_apis::{Amount, UserId};
    let sb = sandbox().await;
    let c = client(&sb);
    let (t0, alice) = (total(&sb), balance(&sb, ALICE));
    let yuan = |t: &str| Amount::parse(t).unwrap();

    let code = payment_code(&sb, ALICE).await;
    let pay = PayRequest::builder()
        .out_trade_no("TY1")
        .total_amount(yuan("6.00"))
        .subject("typed")
        .auth_code(code)
        .build();
    let paid = c.execute(&pay).await.unwrap();
    assert_eq!(paid.code.as_deref(), Some("10000"));
    assert_eq!(paid.total_amount, Some(yuan("6.00")));
    assert_eq!(paid.buyer_user_id.as_deref(), Some(ALICE));
    let trade_no = paid.trade_no.clone().unwrap();
    // Re-sent by a retrying client: the same trade, paid once.
    assert_eq!(
        c.execute(&pay).await.unwrap().trade_no,
        Some(trade_no.clone())
    );
    assert_eq!(balance(&sb, ALICE), alice - 600);

    let q = c
        .execute(&QueryRequest::builder().trade_no(trade_no.clone()).build())
        .await
        .unwrap();
    assert_eq!(q.trade_status.unwrap().as_str(), "TRADE_SUCCESS");
    assert_eq!(q.buyer_pay_amount, Some(yuan("6.00")));
    assert!(q.send_pay_date.is_some());

    let refund = RefundRequest::builder()
        .out_trade_no("TY1")
        .refund_amount(yuan("2.00"))
        .out_request_no("TY1-R1")
        .build();
    let r = c.execute(&refund).await.unwrap();
    assert_eq!(r.fund_change.unwrap().as_str(), "Y");
    assert_eq!(r.refund_fee, Some(yuan("2.00")));
    assert_eq!(
        c.execute(&refund)
            .await
            .unwrap()
            .fund_change
            .unwrap()
            .as_str(),
        "N"
    );
    let over = RefundRequest::builder()
        .out_trade_no("TY1")
        .refund_amount(yuan("4.01"))
        .out_request_no("TY1-R2")
        .build();
    match c.execute(&over).await {
        Err(Error::Business(e)) => assert_eq!(
            RefundErrorCode::from_sub_code(e.sub_code.as_deref().unwrap_or("")),
            RefundErrorCode::AcqRefundAmtNotEqualTotal
        ),
        other => panic!("{other:?}"),
    }
    let rq = FastpayRefundQueryRequest::builder()
        .out_trade_no("TY1")
        .out_request_no("TY1-R1")
        .build();
    let found = c.execute(&rq).await.unwrap();
    assert_eq!(found.refund_status.unwrap().as_str(), "REFUND_SUCCESS");
    assert_eq!(found.refund_amount, Some(yuan("2.00")));
    let cancelled = c
        .execute(&CancelRequest::builder().out_trade_no("TY1").build())
        .await
        .unwrap();
    assert_eq!(cancelled.action.unwrap().as_str(), "refund");
    assert_eq!(balance(&sb, ALICE), alice);

    let pre = PrecreateRequest::builder()
        .out_trade_no("TY2")
        .total_amount(yuan("1.00"))
        .subject("qr")
        .build();
    assert!(c.execute(&pre).await.unwrap().qr_code.is_some());
    let create = CreateRequest::builder()
        .out_trade_no("TY3")
        .total_amount(yuan("1.00"))
        .subject("mini")
        .buyer_id(UserId::parse(BOB).unwrap())
        .build();
    assert!(c.execute(&create).await.unwrap().trade_no.is_some());
    assert_eq!(total(&sb), t0);
}

/// The retry layer against injected faults (applied then 20000, applied then 10003, applied
/// then the connection dropped, refused before applying): trade.pay and refund re-sent
/// byte-identical pay and refund at most once each, and every answer names the one trade.
#[tokio::test(flavor = "multi_thread")]
async fn retried_payments_and_refunds_move_money_once() {
    use alipay_apis::Amount;
    use alipay_apis::trade::{PayRequest, RefundRequest};
    use alipay_core::RetryPolicy;
    use alipay_sandbox::FaultPlan;
    let mut config = config();
    config.faults = FaultPlan::parse(
        "alipay.trade.pay:after=20%,busy=10%,drop=10%,before=5%;\
         trade.refund:after=20%,drop=10%,before=5%",
        7,
    )
    .unwrap();
    let sb = start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let c = client(&sb);
    let (t0, alice) = (total(&sb), balance(&sb, ALICE));
    let policy = RetryPolicy::default()
        .max_attempts(10)
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5));
    const N: u32 = 20;
    for i in 0..N {
        let code = payment_code(&sb, ALICE).await;
        let out = format!("RT{i}");
        let pay = PayRequest::builder()
            .out_trade_no(out.clone())
            .total_amount(Amount::from_fen(100))
            .subject("retry")
            .auth_code(code)
            .build();
        let paid = c.call(&pay).retry(policy.clone()).send().await;
        let trade_no =
            sb.with_ledger(|l| l.trade_by_out_trade_no(&out).map(|t| t.trade_no.clone()));
        match paid {
            Ok(answer) => assert_eq!(answer.trade_no, trade_no, "{out}"),
            Err(e) => panic!("{out}: still unknown after 10 attempts: {e:?}"),
        }
        let refund = RefundRequest::builder()
            .out_trade_no(out.clone())
            .refund_amount(Amount::from_fen(40))
            .out_request_no(format!("{out}-R"))
            .build();
        let refunded = c.call(&refund).retry(policy.clone()).send().await.unwrap();
        assert_eq!(refunded.refund_fee, Some(Amount::from_fen(40)), "{out}");
        assert_eq!(total(&sb), t0);
    }
    // Each trade paid 1.00 once and got 0.40 back once.
    assert_eq!(balance(&sb, ALICE), alice - u64::from(N) * 60);
    assert_eq!(sb.with_ledger(|l| l.trade_refunds().len()), N as usize);
    let injected = sb.faults_injected();
    assert!(
        injected.get("after").copied().unwrap_or(0) > 0,
        "{injected:?}"
    );
}
