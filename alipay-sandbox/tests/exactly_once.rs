//! `alipay.trade.pay` exactly once against the sandbox: a buyer who confirms payments on the
//! phone (`"confirm_on_phone": true`) makes the payment answer `10003`; the client polls
//! `alipay.trade.query` (the official face-to-face flow) and, if the buyer never confirms,
//! calls the payment off with `alipay.trade.cancel`. Then refunds and pre-auth freezes whose
//! answers the sandbox withholds (fault plans): resolved by their queries. The money is
//! checked to the fen.

use std::time::Duration;

use alipay_apis::fund::{AuthOrderFreezeAuthCodeType, AuthOrderFreezeRequest};
use alipay_apis::trade::{PayRequest, RefundRequest};
use alipay_apis::{NotDoneReason, Patience, Resolution, amount};
use alipay_core::{
    AlipayClient, AlipayPublicKey, AppPrivateKey, AppPublicKey, Gateway, GatewayPrivateKey,
    RetryPolicy,
};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS, FaultPlan, TradeStatus};
use alipay_testkit::http::{Answer, Method, StatusCode, send};
use serde_json::{Value, json};

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";
const PHONE: &str = "2088000000000555";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

async fn sandbox() -> Sandbox {
    sandbox_with_faults("").await
}

/// A sandbox injecting the faults of `plan` (empty: none).
async fn sandbox_with_faults(plan: &str) -> Sandbox {
    let mut config = SandboxConfig::new(
        APP_ID,
        AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap(),
        GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
    );
    if !plan.is_empty() {
        config.faults = FaultPlan::parse(plan, 1).unwrap();
    }
    start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap()
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

async fn post_json(sb: &Sandbox, path: &str, body: Value) -> Answer {
    let url = format!("http://{}{path}", sb.local_addr);
    let body = body.to_string();
    send(
        Method::POST,
        &url,
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
    .await
}

/// Adds the buyer who confirms on the phone, with 50.00; a payment code of theirs.
async fn phone_buyer_code(sb: &Sandbox) -> String {
    let user = json!({"user_id": PHONE, "logon_id": "phone@sandbox.test", "balance": "50.00",
                      "confirm_on_phone": true});
    assert_eq!(
        post_json(sb, "/admin/users", user).await.status,
        StatusCode::OK
    );
    let code = post_json(sb, "/cashier/payment-code", json!({"buyer_user_id": PHONE})).await;
    assert_eq!(code.status, StatusCode::OK);
    code.json()["auth_code"].as_str().unwrap().to_owned()
}

async fn payment_code(sb: &Sandbox, buyer: &str) -> String {
    let code = post_json(sb, "/cashier/payment-code", json!({"buyer_user_id": buyer})).await;
    assert_eq!(code.status, StatusCode::OK);
    code.json()["auth_code"].as_str().unwrap().to_owned()
}

fn pay(out_trade_no: &str, auth_code: &str) -> PayRequest {
    PayRequest::builder()
        .out_trade_no(out_trade_no)
        .total_amount(amount!("20.00"))
        .subject("条码支付")
        .auth_code(auth_code)
        .build()
}

fn balance(sb: &Sandbox, user: &str) -> u64 {
    sb.with_ledger(|l| l.balance(user)).unwrap()
}

fn status(sb: &Sandbox, out_trade_no: &str) -> Option<TradeStatus> {
    sb.with_ledger(|l| l.trade_by_out_trade_no(out_trade_no).map(|t| t.status))
}

fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(2)
        .initial_backoff(Duration::from_millis(5))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_payment_confirmed_during_the_polling_is_done() {
    let sb = sandbox().await;
    let c = client(&sb);
    let code = phone_buyer_code(&sb).await;
    let (merchant, total) = (
        balance(&sb, DEMO_MERCHANT),
        sb.with_ledger(|l| l.total_money()),
    );

    // The buyer confirms while the client polls.
    let confirm = {
        let url = format!("http://{}/cashier/confirm", sb.local_addr);
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let body = json!({"out_trade_no": "EO1", "buyer_user_id": PHONE}).to_string();
            send(
                Method::POST,
                &url,
                &[("content-type", "application/json")],
                body.as_bytes(),
            )
            .await
            .status
        })
    };
    let r = c
        .call(&pay("EO1", &code))
        .retry(fast())
        .patience(Patience::new(30, Duration::from_millis(100)))
        .exactly_once_or_cancel()
        .await;
    assert_eq!(confirm.await.unwrap(), StatusCode::OK);
    let Ok(Resolution::Done(paid)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(paid.out_trade_no.as_deref(), Some("EO1"));
    assert_eq!(paid.total_amount, Some(amount!("20.00")));
    assert!(paid.trade_no.is_some());
    assert_eq!(status(&sb, "EO1"), Some(TradeStatus::Success));
    assert_eq!(balance(&sb, PHONE), 3_000);
    assert_eq!(balance(&sb, DEMO_MERCHANT), merchant + 2_000);
    assert_eq!(sb.with_ledger(|l| l.total_money()), total);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_payment_never_confirmed_is_cancelled_and_takes_no_money() {
    let sb = sandbox().await;
    let c = client(&sb);
    let code = phone_buyer_code(&sb).await;
    let (merchant, total) = (
        balance(&sb, DEMO_MERCHANT),
        sb.with_ledger(|l| l.total_money()),
    );

    let r = c
        .call(&pay("EO2", &code))
        .retry(fast())
        .patience(Patience::new(3, Duration::from_millis(50)))
        .exactly_once_or_cancel()
        .await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Cancelled))),
        "{r:?}"
    );
    assert_eq!(status(&sb, "EO2"), Some(TradeStatus::Closed));
    // Too late to confirm: the trade is closed, nothing was taken.
    let late = post_json(
        &sb,
        "/cashier/confirm",
        json!({"out_trade_no": "EO2", "buyer_user_id": PHONE}),
    )
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.text());
    assert_eq!(balance(&sb, PHONE), 5_000);
    assert_eq!(balance(&sb, DEMO_MERCHANT), merchant);
    assert_eq!(sb.with_ledger(|l| l.total_money()), total);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_payment_without_confirmation_is_done_at_once() {
    // A buyer who does not confirm on the phone: 10000, no query, no cancel.
    let sb = sandbox().await;
    let c = client(&sb);
    let buyer = alipay_sandbox::DEMO_USERS[0].0;
    let code = post_json(
        &sb,
        "/cashier/payment-code",
        json!({"buyer_user_id": buyer}),
    )
    .await;
    let code = code.json()["auth_code"].as_str().unwrap().to_owned();
    let before = balance(&sb, buyer);
    let r = c
        .call(&pay("EO3", &code))
        .retry(fast())
        .exactly_once_or_cancel()
        .await;
    assert!(matches!(r, Ok(Resolution::Done(_))), "{r:?}");
    assert_eq!(balance(&sb, buyer), before - 2_000);
}

const ALICE: &str = DEMO_USERS[0].0;

#[tokio::test(flavor = "multi_thread")]
async fn a_payment_answered_10003_after_it_was_applied_is_done_once() {
    // `busy`: every trade.pay is applied, then answered 10003.
    let sb = sandbox_with_faults("alipay.trade.pay:busy=100%").await;
    let c = client(&sb);
    let code = payment_code(&sb, ALICE).await;
    let before = balance(&sb, ALICE);
    let r = c
        .call(&pay("EO4", &code))
        .retry(fast())
        .exactly_once_or_cancel()
        .await;
    assert!(matches!(r, Ok(Resolution::Done(_))), "{r:?}");
    assert_eq!(status(&sb, "EO4"), Some(TradeStatus::Success));
    assert_eq!(balance(&sb, ALICE), before - 2_000, "paid once");
}

fn refund(amount: alipay_apis::Amount, out_request_no: &str) -> RefundRequest {
    RefundRequest::builder()
        .out_trade_no("EO5")
        .refund_amount(amount)
        .out_request_no(out_request_no)
        .build()
}

#[tokio::test(flavor = "multi_thread")]
async fn refunds_whose_answers_are_lost_are_resolved_by_the_refund_query() {
    // Refund R1 is applied and its connection dropped every time; R2 never reaches the books.
    let sb = sandbox_with_faults("alipay.trade.refund:drop=100%").await;
    let c = client(&sb);
    let code = payment_code(&sb, ALICE).await;
    let paid = c.call(&pay("EO5", &code)).exactly_once().await;
    assert!(matches!(paid, Ok(Resolution::Done(_))), "{paid:?}");
    let (alice, total) = (balance(&sb, ALICE), sb.with_ledger(|l| l.total_money()));

    let r = c
        .call(&refund(amount!("5.00"), "EO5R1"))
        .retry(fast())
        .exactly_once()
        .await;
    let Ok(Resolution::Done(done)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(done.out_trade_no.as_deref(), Some("EO5"));
    assert_eq!(balance(&sb, ALICE), alice + 500, "refunded once");
    let applied = sb.with_ledger(|l| {
        l.trade_refunds()
            .iter()
            .filter(|r| r.out_request_no == "EO5R1")
            .count()
    });
    assert_eq!(applied, 1);
    assert_eq!(sb.with_ledger(|l| l.total_money()), total);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refund_that_never_arrived_stays_unknown() {
    let sb = sandbox_with_faults("alipay.trade.refund:before=100%").await;
    let c = client(&sb);
    let code = payment_code(&sb, ALICE).await;
    let paid = c.call(&pay("EO5", &code)).exactly_once().await;
    assert!(matches!(paid, Ok(Resolution::Done(_))), "{paid:?}");
    let alice = balance(&sb, ALICE);
    let r = c
        .call(&refund(amount!("5.00"), "EO5R2"))
        .retry(fast())
        .patience(Patience::new(2, Duration::from_millis(20)))
        .exactly_once()
        .await;
    // The query finds no refund: re-send the same out_request_no later (never a new one).
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
    assert_eq!(balance(&sb, ALICE), alice);
}

fn freeze(code: &str, order: &str) -> AuthOrderFreezeRequest {
    AuthOrderFreezeRequest::builder()
        .auth_code(code)
        .auth_code_type(AuthOrderFreezeAuthCodeType::BarCode)
        .out_order_no(order)
        .out_request_no(format!("{order}F"))
        .order_title("押金")
        .amount(amount!("30.00"))
        .build()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_freeze_whose_answer_is_lost_is_resolved_by_the_detail_query() {
    let sb = sandbox_with_faults("alipay.fund.auth.order.freeze:after=100%").await;
    let c = client(&sb);
    let code = payment_code(&sb, ALICE).await;
    let (alice, total) = (balance(&sb, ALICE), sb.with_ledger(|l| l.total_money()));
    let r = c
        .call(&freeze(&code, "EO6"))
        .retry(fast())
        .exactly_once_or_cancel()
        .await;
    let Ok(Resolution::Done(frozen)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(frozen.out_request_no.as_deref(), Some("EO6F"));
    assert_eq!(frozen.amount, Some(amount!("30.00")));
    assert!(frozen.auth_no.is_some());
    assert_eq!(balance(&sb, ALICE), alice - 3_000, "frozen once");
    assert_eq!(sb.with_ledger(|l| l.total_money()), total);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_freeze_that_never_arrived_is_not_found() {
    let sb = sandbox_with_faults("alipay.fund.auth.order.freeze:before=100%").await;
    let c = client(&sb);
    let code = payment_code(&sb, ALICE).await;
    let alice = balance(&sb, ALICE);
    let r = c
        .call(&freeze(&code, "EO7"))
        .retry(fast())
        .exactly_once_or_cancel()
        .await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::NotFound { .. }))),
        "{r:?}"
    );
    assert_eq!(balance(&sb, ALICE), alice);
}
