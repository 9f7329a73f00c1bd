//! The sandbox gateway over HTTPS with its generated self-signed certificate, driven by the
//! real client trusting that certificate through `TransportConfig::extra_root`.

use std::time::Duration;

use alipay_apis::amount;
use alipay_apis::fund::CouponOrderAgreementPayRequest;
use alipay_core::AlipayClient;
use alipay_core::{
    AlipayPublicKey, AppPrivateKey, AppPublicKey, Error, GatewayPrivateKey, Outcome,
};
use alipay_core::{Gateway, RootCertificate, TransportConfig};
use alipay_sandbox::DEMO_MERCHANT;
use alipay_sandbox::server::{Sandbox, SandboxConfig, SandboxTls, start};

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";

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

async fn tls_sandbox() -> Sandbox {
    let config = SandboxConfig {
        tls: Some(SandboxTls::generate().unwrap()),
        ..config()
    };
    start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap()
}

/// The real client at `gateway`, trusting `roots` besides Mozilla's.
fn client(gateway: &str, roots: Vec<RootCertificate>) -> AlipayClient {
    AlipayClient::builder(
        APP_ID,
        AppPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(Gateway::new(gateway).unwrap())
    .transport(
        roots.into_iter().fold(
            TransportConfig::default()
                .connect_timeout(Duration::from_secs(2))
                .timeout(Duration::from_secs(10)),
            TransportConfig::extra_root,
        ),
    )
    .build()
    .unwrap()
}

fn trusting(sandbox: &Sandbox) -> Vec<RootCertificate> {
    let pem = sandbox
        .tls_certificate_pem()
        .expect("a TLS sandbox has a certificate");
    vec![RootCertificate::from_pem(pem)]
}

fn pay_request(order: &str) -> CouponOrderAgreementPayRequest {
    CouponOrderAgreementPayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包")
        .amount(amount!("10.00"))
        .build()
}

fn merchant_balance(sandbox: &Sandbox) -> u64 {
    sandbox
        .with_ledger(|l| l.balance(DEMO_MERCHANT))
        .expect("merchant")
}

#[tokio::test]
async fn agreement_pay_over_https_with_the_certificate_trusted() {
    let sb = tls_sandbox().await;
    let port = sb.local_addr.port();
    assert_eq!(
        sb.gateway_url,
        format!("https://127.0.0.1:{port}/gateway.do")
    );
    let pem = sb.tls_certificate_pem().unwrap();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{pem}");
    assert!(!pem.contains("PRIVATE KEY"), "{pem}");

    let before = merchant_balance(&sb);
    let c = client(&sb.gateway_url, trusting(&sb));
    let paid = c.execute(&pay_request("TLS1")).await.unwrap();
    assert_eq!(paid.code.as_deref(), Some("10000"));
    assert!(paid.auth_no.is_some());
    // The same connection is reused for a second call.
    let again = c.execute(&pay_request("TLS2")).await.unwrap();
    assert_eq!(again.code.as_deref(), Some("10000"));
    assert_eq!(merchant_balance(&sb), before - 2000);

    // The certificate names `localhost` too.
    let by_name = client(
        &format!("https://localhost:{port}/gateway.do"),
        trusting(&sb),
    );
    let paid = by_name.execute(&pay_request("TLS3")).await.unwrap();
    assert_eq!(paid.code.as_deref(), Some("10000"));
}

fn assert_certificate_refused(e: &Error) {
    let Error::Transport(t) = e else {
        panic!("expected a transport error, got {e:?}")
    };
    assert!(!t.maybe_sent, "{e}");
    assert_eq!(e.outcome(), Outcome::NotSent);
    assert!(t.message.to_lowercase().contains("certificate"), "{e}");
}

#[tokio::test]
async fn without_the_certificate_trusted_nothing_is_sent() {
    let sb = tls_sandbox().await;
    let before = merchant_balance(&sb);

    let e = client(&sb.gateway_url, Vec::new())
        .execute(&pay_request("TLS4"))
        .await
        .unwrap_err();
    assert_certificate_refused(&e);

    // Trusting another sandbox's certificate is no better.
    let other = SandboxTls::generate().unwrap();
    let e = client(
        &sb.gateway_url,
        vec![RootCertificate::from_pem(other.certificate_pem())],
    )
    .execute(&pay_request("TLS5"))
    .await
    .unwrap_err();
    assert_certificate_refused(&e);

    assert_eq!(merchant_balance(&sb), before);
    assert_eq!(sb.faults_injected().get("calls").copied().unwrap_or(0), 0);
}

#[tokio::test]
async fn plain_http_to_the_tls_port_is_refused() {
    let sb = tls_sandbox().await;
    let port = sb.local_addr.port();
    let before = merchant_balance(&sb);

    let e = client(
        &format!("http://127.0.0.1:{port}/gateway.do"),
        trusting(&sb),
    )
    .execute(&pay_request("TLS6"))
    .await
    .unwrap_err();
    let Error::Transport(t) = &e else {
        panic!("expected a transport error, got {e:?}")
    };
    assert!(t.message.contains("HTTP 400"), "{e}");
    assert!(t.message.contains("speaks https"), "{e}");
    assert_eq!(merchant_balance(&sb), before);

    // The answer names the https URL.
    // Plain HTTP bytes to the TLS port: the bytes on the wire are the point.
    let answer = alipay_testkit::raw::exchange(
        sb.local_addr,
        b"GET /gateway.do HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        Duration::from_secs(5),
    )
    .await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
    assert!(answer.contains(&sb.gateway_url), "{answer}");
}

#[tokio::test]
async fn plain_http_stays_the_default() {
    let sb = start(config(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    assert!(sb.gateway_url.starts_with("http://127.0.0.1:"));
    assert_eq!(sb.tls_certificate_pem(), None);
    let c = client(&sb.gateway_url, Vec::new());
    let paid = c.execute(&pay_request("PLAIN1")).await.unwrap();
    assert_eq!(paid.code.as_deref(), Some("10000"));
}

#[test]
fn certificates_of_ones_own_and_bad_input() {
    let key = read("app_private_pkcs8.pem");
    let e = SandboxTls::from_pem("not a certificate", &key).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    assert!(
        e.to_string().contains("no -----BEGIN CERTIFICATE-----"),
        "{e}"
    );

    let generated = SandboxTls::generate().unwrap();
    // A certificate with a key that is not its own.
    let e = SandboxTls::from_pem(generated.certificate_pem(), &key).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    let e = SandboxTls::from_pem(generated.certificate_pem(), "").unwrap_err();
    assert!(e.to_string().contains("private key"), "{e}");

    // A generated certificate and key load back (kept across restarts).
    let again =
        SandboxTls::from_pem(generated.certificate_pem(), generated.private_key_pem()).unwrap();
    assert_eq!(again.certificate_pem(), generated.certificate_pem());
    assert!(generated.private_key_pem().contains("PRIVATE KEY"));

    // Two generated certificates differ, and Debug shows no key.
    let other = SandboxTls::generate().unwrap();
    assert_ne!(generated.certificate_pem(), other.certificate_pem());
    assert!(!format!("{generated:?}").contains("PRIVATE"));
}
