//! The sandbox gateway over real HTTP on loopback, driven by the real client and the
//! generated typed requests.

use std::time::Duration;

use alipay_apis::fund::{
    CouponOperationQueryRequest, CouponOrderAgreementPayRequest, CouponOrderDisburseRequest,
};
use alipay_apis::{UserId, amount};
use alipay_core::AlipayClient;
use alipay_core::Call;
use alipay_core::Gateway;
use alipay_core::protocol::{NotifyCheck, verify_notification};
use alipay_core::{
    AlipayPublicKey, AppPrivateKey, AppPublicKey, Error, GatewayPrivateKey, protocol::Timestamp,
};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS};
use alipay_testkit::NotifyEndpoint;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

async fn sandbox() -> Sandbox {
    let config = SandboxConfig::new(
        APP_ID,
        AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap(),
        GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
    );
    start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap()
}

fn gateway_public() -> AlipayPublicKey {
    AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap()
}

fn client_with(sandbox: &Sandbox, app_id: &str, key_file: &str) -> AlipayClient {
    AlipayClient::builder(
        app_id,
        AppPrivateKey::from_text(&read(key_file)).unwrap(),
        gateway_public(),
    )
    .gateway(Gateway::new(&sandbox.gateway_url).unwrap())
    .build()
    .unwrap()
}

fn client(sandbox: &Sandbox) -> AlipayClient {
    client_with(sandbox, APP_ID, "app_private_pkcs1.pem")
}

fn alice() -> &'static str {
    DEMO_USERS[0].0
}

/// Funds a red packet of 10.00 from the merchant; returns its auth_no.
async fn pay(c: &AlipayClient, order: &str) -> String {
    let request = CouponOrderAgreementPayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包")
        .amount(amount!("10.00"))
        .build();
    let paid = c.execute(&request).await.unwrap();
    assert_eq!(paid.code.as_deref(), Some("10000"));
    paid.auth_no.expect("auth_no")
}

fn disburse(auth_no: &str, order: &str, amount: alipay_core::Amount) -> CouponOrderDisburseRequest {
    CouponOrderDisburseRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包打款")
        .amount(amount)
        .deduct_auth_no(auth_no)
        .payee_user_id(UserId::parse(alice()).unwrap())
        .build()
}

#[tokio::test]
async fn pay_disburse_then_query() {
    let sb = sandbox().await;
    let c = client(&sb);
    let merchant_before = sb.with_ledger(|l| l.balance(DEMO_MERCHANT)).unwrap();
    let alice_before = sb.with_ledger(|l| l.balance(alice())).unwrap();

    let auth_no = pay(&c, "P1").await;
    let d = c
        .execute(&disburse(&auth_no, "D1", amount!("3.50")))
        .await
        .unwrap();
    assert_eq!(d.code.as_deref(), Some("10000"));
    let operation_id = d.operation_id.expect("operation_id");

    let q = c
        .execute(
            &CouponOperationQueryRequest::builder()
                .auth_no(auth_no.as_str())
                .operation_id(operation_id.as_str())
                .build(),
        )
        .await
        .unwrap();
    assert_eq!(q.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(q.operation_id.as_deref(), Some(operation_id.as_str()));
    assert_eq!(q.operation_type.as_ref().map(|t| t.as_str()), Some("PAY"));

    assert_eq!(
        sb.with_ledger(|l| l.balance(DEMO_MERCHANT)),
        Some(merchant_before - 1000)
    );
    assert_eq!(
        sb.with_ledger(|l| l.balance(alice())),
        Some(alice_before + 350)
    );
}

#[tokio::test]
async fn disbursing_more_than_the_packet_holds_is_money_not_enough() {
    let sb = sandbox().await;
    let c = client(&sb);
    let auth_no = pay(&c, "P2").await;
    let e = c
        .execute(&disburse(&auth_no, "D2", amount!("10.01")))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Business(a) if a.sub_code.as_deref() == Some("MONEY_NOT_ENOUGH") && a.verified),
        "{e}"
    );
}

#[tokio::test]
async fn a_replayed_disbursement_moves_money_once() {
    let sb = sandbox().await;
    let c = client(&sb);
    let auth_no = pay(&c, "P3").await;
    let alice_before = sb.with_ledger(|l| l.balance(alice())).unwrap();
    let request = disburse(&auth_no, "D3", amount!("2.00"));
    let first = c.execute(&request).await.unwrap();
    let second = c.execute(&request).await.unwrap();
    assert_eq!(first.operation_id, second.operation_id);
    assert_eq!(
        sb.with_ledger(|l| l.balance(alice())),
        Some(alice_before + 200)
    );
}

fn query_call() -> Call {
    Call::new("alipay.fund.coupon.operation.query")
        .biz_content(r#"{"out_order_no":"nope","out_request_no":"nope-1"}"#)
}

#[tokio::test]
async fn a_request_signed_with_another_key_is_refused() {
    let sb = sandbox().await;
    let c = client_with(&sb, APP_ID, "gateway_private_pkcs8.pem");
    let e = c.call(&query_call()).send().await.unwrap_err();
    let Error::Gateway(a) = &e else { panic!("{e}") };
    assert_eq!(a.sub_code.as_deref(), Some("isv.invalid-signature"));
    assert!(a.verified);
    let expected = c.sign(&query_call()).unwrap();
    let sub_msg = a.sub_msg.as_deref().unwrap_or("");
    let prefix =
        "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：";
    assert!(sub_msg.starts_with(prefix), "{sub_msg}");
    // Quoted HTML-escaped, like the live gateway.
    let quoted = sub_msg
        .trim_start_matches(prefix)
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    assert!(!sub_msg.contains("&timestamp="), "not escaped: {sub_msg}");
    // The timestamp differs between the two signings; everything else matches.
    let strip = |s: &str| {
        s.split('&')
            .filter(|p| !p.starts_with("timestamp="))
            .collect::<Vec<_>>()
            .join("&")
    };
    assert_eq!(strip(&quoted), strip(expected.sign_content()));
}

#[tokio::test]
async fn an_unknown_app_id_is_refused() {
    let sb = sandbox().await;
    let c = client_with(&sb, "2021000000009999", "app_private_pkcs1.pem");
    let e = c.call(&query_call()).send().await.unwrap_err();
    assert!(
        matches!(&e, Error::Gateway(a) if a.sub_code.as_deref() == Some("isv.invalid-app-id") && a.verified),
        "{e}"
    );
}

#[tokio::test]
async fn a_stale_timestamp_is_refused() {
    let sb = sandbox().await;
    let c = client(&sb);
    let call = query_call().timestamp(Timestamp::parse("2020-01-01 00:00:00").unwrap());
    let e = c.call(&call).send().await.unwrap_err();
    assert!(
        matches!(&e, Error::Gateway(a) if a.sub_code.as_deref() == Some("isv.invalid-timestamp") && a.verified),
        "{e}"
    );
}

#[tokio::test]
async fn a_disbursement_notification_is_delivered_signed() {
    let sb = sandbox().await;
    let c = client(&sb);
    let auth_no = pay(&c, "P4").await;
    // A merchant endpoint answering `success`.
    let endpoint = NotifyEndpoint::start();
    let request = disburse(&auth_no, "D4", amount!("1.00"));
    let call = Call::for_api(&request).unwrap().notify_url(endpoint.url());
    c.call(&call).send().await.unwrap();

    let body = tokio::time::timeout(Duration::from_secs(5), endpoint.next_body())
        .await
        .expect("a notification within 5 s");
    let key = gateway_public();
    let n = verify_notification(
        &body,
        &NotifyCheck {
            alipay_public_key: &key,
            sign_type: None,
            app_id: Some(APP_ID),
        },
    )
    .unwrap();
    assert_eq!(n.notify_type(), Some("fund_auth_pay"));
    assert_eq!(n.get("auth_no"), Some(auth_no.as_str()));
    assert_eq!(n.get("out_order_no"), Some("D4"));
    assert!(n.notify_id().is_some());
}
