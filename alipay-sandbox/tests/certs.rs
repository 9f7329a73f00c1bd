//! Certificate mode end to end over real HTTP: the real client in certificate mode against the
//! sandbox's certificate authority, the admin rotating the Alipay certificate (the client
//! downloads the new one with `alipay.open.app.alipaycert.download`, checks its chain and
//! verifies with it), the gateway's certificate-SN refusals, and the `gbk` fault (an error
//! answer and a notification GBK-encoded although the call said utf-8).

use std::time::Duration;

use alipay_apis::fund::{
    AuthOrderVoucherCreateRequest, CouponOrderAgreementPayRequest, CouponOrderDisburseRequest,
};
use alipay_apis::{UserId, amount};
use alipay_core::error::SignatureFailure;
use alipay_core::{
    AlipayCertificate, AlipayClient, AlipayPublicKey, AlipayRootCertificate, AppCertificate,
    AppPrivateKey, AppPublicKey, Call, Error, Gateway, GatewayPrivateKey,
};
use alipay_sandbox::server::{LocalSandbox, SandboxConfig, start, start_local};
use alipay_sandbox::{DEMO_USERS, FaultPlan, SandboxCertificates};
use alipay_testkit::{NotifyEndpoint, http};
use base64::Engine;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const CERT_DOWNLOAD: &str = "alipay.open.app.alipaycert.download";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

/// A client of `local` in certificate mode, with `root` as its root bundle and `app_cert` as
/// its app certificate (the sandbox's own unless a test says otherwise).
fn cert_client(local: &LocalSandbox, root: &str, app_cert: &str) -> AlipayClient {
    AlipayClient::builder_with_certificates(
        local.app_id(),
        AppPrivateKey::from_text(local.app_private_key_pem()).unwrap(),
        &AppCertificate::from_pem(app_cert).unwrap(),
        AlipayCertificate::from_pem(&local.alipay_certificate_pem()).unwrap(),
        &AlipayRootCertificate::from_pem(root).unwrap(),
    )
    .gateway(Gateway::new(local.gateway_url()).unwrap())
    .build()
    .unwrap()
}

fn client(local: &LocalSandbox) -> AlipayClient {
    cert_client(
        local,
        local.alipay_root_certificate_pem(),
        local.app_certificate_pem(),
    )
}

fn pay_request(order: &str) -> CouponOrderAgreementPayRequest {
    CouponOrderAgreementPayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包")
        .amount(amount!("10.00"))
        .build()
}

fn disburse_request(auth_no: &str, order: &str, payee: &str) -> CouponOrderDisburseRequest {
    CouponOrderDisburseRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包打款")
        .amount(amount!("1.00"))
        .deduct_auth_no(auth_no)
        .payee_user_id(UserId::parse(payee).unwrap())
        .build()
}

/// Calls that passed the gateway's checks so far (the certificate download is one).
fn calls(local: &LocalSandbox) -> u64 {
    local
        .sandbox
        .faults_injected()
        .get("calls")
        .copied()
        .unwrap_or(0)
}

async fn rotate(local: &LocalSandbox) -> serde_json::Value {
    let url = local
        .gateway_url()
        .replace("/gateway.do", "/admin/rotate-alipay-cert");
    let json = [("content-type", "application/json")];
    let answer = http::send(http::Method::POST, &url, &json, b"{}").await;
    assert_eq!(answer.status, http::StatusCode::OK, "{}", answer.text());
    answer.json()
}

fn gateway_sub_code(e: &Error) -> Option<&str> {
    match e {
        Error::Gateway(api) if api.verified => api.sub_code.as_deref(),
        _ => None,
    }
}

#[tokio::test]
async fn a_rotated_certificate_is_downloaded_checked_and_trusted() {
    let local = start_local().await.unwrap();
    let c = client(&local);
    let first_sn = local
        .sandbox
        .with_certificates(|certs| certs.alipay_cert_sn().to_owned())
        .unwrap();

    let auth_no = c
        .execute(&pay_request("C1"))
        .await
        .unwrap()
        .auth_no
        .unwrap();
    assert_eq!(calls(&local), 1);

    let rotated = rotate(&local).await;
    let new_sn = rotated["alipay_cert_sn"].as_str().unwrap().to_owned();
    assert_eq!(rotated["previous_alipay_cert_sn"], first_sn.as_str());
    assert_ne!(new_sn, first_sn);

    // The next call is answered under the new certificate: the client downloads it (one more
    // call), checks it against the root, and the answer verifies.
    let endpoint = NotifyEndpoint::start();
    let disburse = Call::for_api(&disburse_request(&auth_no, "C2", DEMO_USERS[0].0))
        .unwrap()
        .notify_url(endpoint.url());
    c.call(&disburse).send().await.unwrap();
    assert_eq!(calls(&local), 3);
    // Trusted from now on, by clones too: no second download.
    let clone = c.clone();
    clone.execute(&pay_request("C3")).await.unwrap();
    assert_eq!(calls(&local), 4);

    // The notification of the disbursement is signed with the new key, names no certificate,
    // and verifies with the certificate the client downloaded.
    let body = tokio::time::timeout(Duration::from_secs(5), endpoint.next_body())
        .await
        .expect("a notification within 5 s");
    let n = clone.verify_notification(&body).unwrap();
    assert_eq!(n.notify_type(), Some("fund_auth_pay"));
    // So does a client configured with the new certificate; one configured with the old one
    // that has not downloaded the new one does not.
    assert!(client(&local).verify_notification(&body).is_ok());
    let stale = AlipayClient::builder_with_certificates(
        local.app_id(),
        AppPrivateKey::from_text(local.app_private_key_pem()).unwrap(),
        &AppCertificate::from_pem(local.app_certificate_pem()).unwrap(),
        AlipayCertificate::from_pem(rotated_away(&local, &first_sn).as_str()).unwrap(),
        &AlipayRootCertificate::from_pem(local.alipay_root_certificate_pem()).unwrap(),
    )
    .build()
    .unwrap();
    assert!(stale.verify_notification(&body).is_err());

    // What the download serves is the certificate, base64 of its PEM, under the root; a root
    // that is not the sandbox's refuses it.
    let served = local
        .sandbox
        .with_certificates(|certs| certs.alipay_certificate_by_sn(&new_sn).map(str::to_owned))
        .flatten()
        .unwrap();
    let root = AlipayRootCertificate::from_pem(local.alipay_root_certificate_pem()).unwrap();
    assert_eq!(root.verify_chain(served.as_bytes()).unwrap().sn(), new_sn);
    let foreign = SandboxCertificates::generate(&[]).unwrap();
    let foreign_root = AlipayRootCertificate::from_pem(foreign.root_certificate_pem()).unwrap();
    let e = foreign_root.verify_chain(served.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("does not chain"), "{e}");

    // Public-key mode is not affected by the rotation.
    let public = AlipayClient::builder(
        local.app_id(),
        AppPrivateKey::from_text(local.app_private_key_pem()).unwrap(),
        AlipayPublicKey::from_text(local.alipay_public_key_pem()).unwrap(),
    )
    .gateway(Gateway::new(local.gateway_url()).unwrap())
    .build()
    .unwrap();
    public.execute(&pay_request("C4")).await.unwrap();
}

/// The PEM of the first certificate, which a rotation made not current.
fn rotated_away(local: &LocalSandbox, sn: &str) -> String {
    local
        .sandbox
        .with_certificates(|certs| certs.alipay_certificate_by_sn(sn).map(str::to_owned))
        .flatten()
        .unwrap()
}

#[tokio::test]
async fn a_client_with_another_root_is_refused_and_trusts_nothing() {
    let local = start_local().await.unwrap();
    let foreign = SandboxCertificates::generate(&[]).unwrap();
    let c = cert_client(
        &local,
        foreign.root_certificate_pem(),
        local.app_certificate_pem(),
    );
    // Before a rotation: the refusal is signed with the certificate the client has.
    let e = c.execute(&pay_request("F1")).await.unwrap_err();
    assert_eq!(
        gateway_sub_code(&e),
        Some("isv.invalid-alipay-root-cert-sn"),
        "{e}"
    );
    // After one: the refusal names a certificate the client does not know; its download is
    // refused too, so nothing is trusted, the answer is not used and the outcome is unknown.
    rotate(&local).await;
    let e = c.execute(&pay_request("F2")).await.unwrap_err();
    assert!(
        matches!(&e, Error::Signature(s) if matches!(s.failure, SignatureFailure::UntrustedCertificate { .. })),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("unverified sub_code isv.invalid-alipay-root-cert-sn"),
        "{e}"
    );
    assert_eq!(e.outcome(), alipay_core::Outcome::Unknown);
    let e = c.execute(&pay_request("F3")).await.unwrap_err();
    assert!(matches!(&e, Error::Signature(_)), "{e}");
}

#[tokio::test]
async fn a_wrong_app_certificate_is_refused_like_the_gateway() {
    let local = start_local().await.unwrap();
    let other_app_cert = read("synthetic-certs/appCertPublicKey_2021000000000001.crt");
    let c = cert_client(&local, local.alipay_root_certificate_pem(), &other_app_cert);
    let e = c.execute(&pay_request("W1")).await.unwrap_err();
    assert_eq!(gateway_sub_code(&e), Some("isv.app-cert-not-exist"), "{e}");
    // A sandbox without certificates has no app certificate at all.
    let config = SandboxConfig::new(
        local.app_id(),
        AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap(),
        GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
    );
    let bare = start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let certs = SandboxCertificates::generate(&[]).unwrap();
    let c = AlipayClient::builder_with_certificates(
        local.app_id(),
        AppPrivateKey::from_text(&read("app_private_pkcs8.pem")).unwrap(),
        &AppCertificate::from_pem(&other_app_cert).unwrap(),
        AlipayCertificate::from_pem(certs.alipay_certificate_pem()).unwrap(),
        &AlipayRootCertificate::from_pem(certs.root_certificate_pem()).unwrap(),
    )
    .gateway(Gateway::new(&bare.gateway_url).unwrap())
    .build()
    .unwrap();
    let e = c.execute(&pay_request("W2")).await.unwrap_err();
    // Signed with the gateway key and no alipay_cert_sn: certificate mode cannot verify it.
    assert!(matches!(&e, Error::Signature(_)), "{e}");
    assert_eq!(bare.faults_injected().get("calls"), None);
}

#[tokio::test]
async fn the_download_method_serves_every_issued_certificate() {
    let local = start_local().await.unwrap();
    let c = client(&local);
    let first = local
        .sandbox
        .with_certificates(|certs| certs.alipay_cert_sn().to_owned())
        .unwrap();
    rotate(&local).await;
    // Asked directly (the client trusts the answer's certificate after its own download).
    let call = Call::new(CERT_DOWNLOAD).biz_content(format!(r#"{{"alipay_cert_sn":"{first}"}}"#));
    let answer = c.call(&call).send().await.unwrap();
    let node: serde_json::Value = serde_json::from_str(&answer.node).unwrap();
    let pem = base64::engine::general_purpose::STANDARD
        .decode(node["alipay_cert_content"].as_str().unwrap())
        .unwrap();
    assert_eq!(
        AlipayCertificate::from_bytes(&pem).unwrap().sn(),
        first.as_str()
    );
    let unknown = Call::new(CERT_DOWNLOAD).biz_content(r#"{"alipay_cert_sn":"00"}"#);
    let e = c.call(&unknown).send().await.unwrap_err();
    assert!(
        matches!(&e, Error::Business(api) if api.sub_code.as_deref() == Some("CERT_NOT_EXIST")),
        "{e}"
    );
}

#[tokio::test]
async fn the_gbk_fault_answers_and_notifies_in_gbk_under_utf8() {
    let app_public = AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap();
    let gateway = GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap();
    let mut config = SandboxConfig::new("2021000000000001", app_public, gateway);
    config.faults = FaultPlan::parse("disburse:gbk=100%", 7).unwrap();
    let sb = start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let c = AlipayClient::builder(
        "2021000000000001",
        AppPrivateKey::from_text(&read("app_private_pkcs8.pem")).unwrap(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(Gateway::new(&sb.gateway_url).unwrap())
    .build()
    .unwrap();
    let auth_no = c
        .execute(&pay_request("G1"))
        .await
        .unwrap()
        .auth_no
        .unwrap();
    // A payee whose (masked) logon id is Chinese, so the notification has GBK bytes.
    let payee = "2088000000000123";
    sb.with_books(|b| b.add_user(payee, "红包用户@sandbox.test", None))
        .unwrap();

    let endpoint = NotifyEndpoint::start();
    let disburse = Call::for_api(&disburse_request(&auth_no, "G2", payee))
        .unwrap()
        .notify_url(endpoint.url());
    let e = c.call(&disburse).send().await.unwrap_err();
    match &e {
        Error::UnknownOutcome(api) => {
            assert_eq!(api.sub_code.as_deref(), Some("aop.unknow-error"));
            assert_eq!(api.sub_msg.as_deref(), Some("系统繁忙"));
            assert!(api.verified, "the GBK answer's signature was checked");
        }
        other => panic!("expected 20000, got {other:?}"),
    }
    assert_eq!(sb.faults_injected().get("gbk"), Some(&1));

    // The call was applied: its notification comes GBK-encoded, saying charset=utf-8.
    let notification = tokio::time::timeout(Duration::from_secs(5), endpoint.next())
        .await
        .expect("a notification within 5 s");
    assert!(
        notification.content_type().contains("charset=utf-8"),
        "{}",
        notification.content_type()
    );
    let body = notification.body.to_vec();
    let text = String::from_utf8(body.clone()).unwrap();
    assert!(text.contains("charset=utf-8"), "{text}");
    // 红包用 in GBK, percent-encoded: not UTF-8 once decoded.
    assert!(text.contains("%BA%EC%B0%FC%D3%C3"), "{text}");
    let n = c.verify_notification(&body).unwrap();
    assert_eq!(n.get("payee_logon_id"), Some("红包用***@sandbox.test"));
    assert_eq!(n.get("out_order_no"), Some("G2"));
    assert_eq!(n.get("auth_no"), Some(auth_no.as_str()));
}

#[tokio::test]
async fn a_voucher_scanned_after_a_rotation_is_notified_under_the_new_certificate() {
    let local = start_local().await.unwrap();
    let c = client(&local);
    let endpoint = NotifyEndpoint::start();
    let request = AuthOrderVoucherCreateRequest::builder()
        .out_order_no("V1")
        .out_request_no("V1-1")
        .order_title("预授权发码")
        .amount(amount!("20.00"))
        .payee_user_id(UserId::parse(DEMO_USERS[1].0).unwrap())
        .build();
    c.call(&request)
        .notify_url(endpoint.url())
        .send()
        .await
        .unwrap();
    let before = local
        .sandbox
        .with_certificates(|certs| certs.alipay_cert_sn().to_owned())
        .unwrap();
    rotate(&local).await;
    let url = local.gateway_url().replace("/gateway.do", "/cashier/scan");
    let body = format!(
        r#"{{"out_order_no":"V1","payer_user_id":"{}"}}"#,
        DEMO_USERS[0].0
    );
    let scanned = http::send(
        http::Method::POST,
        &url,
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
    .await;
    assert_eq!(scanned.status, http::StatusCode::OK, "{}", scanned.text());
    let body = tokio::time::timeout(Duration::from_secs(5), endpoint.next_body())
        .await
        .expect("a notification within 5 s");
    // Signed with the rotated key: a client with the new certificate verifies it, one that
    // knows only the old certificate (and no answer has shown it the new one) does not.
    assert_eq!(
        client(&local)
            .verify_notification(&body)
            .unwrap()
            .notify_type(),
        Some("fund_auth_freeze")
    );
    let stale = AlipayClient::builder_with_certificates(
        local.app_id(),
        AppPrivateKey::from_text(local.app_private_key_pem()).unwrap(),
        &AppCertificate::from_pem(local.app_certificate_pem()).unwrap(),
        AlipayCertificate::from_pem(&rotated_away(&local, &before)).unwrap(),
        &AlipayRootCertificate::from_pem(local.alipay_root_certificate_pem()).unwrap(),
    )
    .build()
    .unwrap();
    assert!(stale.verify_notification(&body).is_err());
    // Nor with the public-key mode's key.
    let public = AlipayClient::builder(
        local.app_id(),
        AppPrivateKey::from_text(local.app_private_key_pem()).unwrap(),
        AlipayPublicKey::from_text(local.alipay_public_key_pem()).unwrap(),
    )
    .build()
    .unwrap();
    assert!(public.verify_notification(&body).is_err());
}

/// A trade opened in certificate mode: its signed synchronous return and its
/// `trade_status_sync` notification are signed with the Alipay certificate's key, so the
/// certificate-mode client verifies them (the public-key gateway key would not).
#[tokio::test(flavor = "multi_thread")]
async fn a_page_pay_in_certificate_mode_returns_and_notifies_under_the_certificate() {
    let local = start_local().await.unwrap();
    let c = client(&local);
    let endpoint = NotifyEndpoint::start();
    let return_url = "https://merchant.example.com/return?x=1";
    let request = Call::new("alipay.trade.page.pay")
        .biz_content(
            r#"{"out_trade_no":"CERT_P1","total_amount":"6.66","subject":"证书","product_code":"FAST_INSTANT_TRADE_PAY"}"#,
        )
        .notify_url(endpoint.url())
        .return_url(return_url);
    // The browser opens the signed page call at the gateway, then pays at the cashier.
    let signed = c.sign(&request).unwrap();
    let (query, body) = signed.http_parts().unwrap();
    let page = http::send(
        http::Method::POST,
        &format!("{}?{query}", local.gateway_url()),
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("accept", "text/html"),
        ],
        &body,
    )
    .await;
    assert_eq!(page.status, http::StatusCode::OK, "{}", page.text());
    let pay_url = local.gateway_url().replace("/gateway.do", "/cashier/pay");
    let form = format!(
        "out_trade_no=CERT_P1&buyer_user_id={}&cashier_token={}",
        DEMO_USERS[0].0,
        local.sandbox.cashier_token("CERT_P1")
    );
    let paid = http::send(
        http::Method::POST,
        &pay_url,
        &[("content-type", "application/x-www-form-urlencoded")],
        form.as_bytes(),
    )
    .await;
    assert_eq!(paid.status, http::StatusCode::FOUND, "{}", paid.text());
    let location = paid.header("location").to_owned();
    let returned = location
        .strip_prefix(&format!("{return_url}&"))
        .unwrap_or_else(|| panic!("{location}"));
    let ret = c.verify_notification(returned.as_bytes()).unwrap();
    assert_eq!(ret.get("method"), Some("alipay.trade.page.pay.return"));
    assert_eq!(ret.get("out_trade_no"), Some("CERT_P1"));

    let body = tokio::time::timeout(Duration::from_secs(5), endpoint.next_body())
        .await
        .expect("a notification within 5 s");
    let n = c.verify_notification(&body).unwrap();
    assert_eq!(n.notify_type(), Some("trade_status_sync"));
    assert_eq!(n.get("trade_status"), Some("TRADE_SUCCESS"));
    // Not under the public-key gateway key.
    let public_key_mode = AlipayClient::builder(
        local.app_id(),
        AppPrivateKey::from_text(local.app_private_key_pem()).unwrap(),
        AlipayPublicKey::from_text(local.alipay_public_key_pem()).unwrap(),
    )
    .build()
    .unwrap();
    assert!(public_key_mode.verify_notification(&body).is_err());
    assert!(
        public_key_mode
            .verify_notification(returned.as_bytes())
            .is_err()
    );
}
