//! `AlipayClient::execute` end to end over real HTTP on loopback, against the test kit's fake
//! gateway, which checks our request signature the way Alipay does (a bad one is answered
//! `isv.invalid-signature`) and signs its answers with the test gateway key. (The full sandbox
//! gateway is a later crate; this pins the core's behaviour.)

use alipay_core::Call;
use alipay_core::Gateway;
use alipay_core::{
    AlipayCertificate, AlipayRootCertificate, AppCertificate, AppPrivateKey, Charset, EncryptKey,
    Error, Outcome, SignType,
};
use alipay_core::{AlipayClient, ClientBuilder};
use alipay_testkit::{FakeGateway, GatewayRequest, Reply, keys};

const METHOD: &str = "alipay.fund.coupon.operation.query";
const CERT_DOWNLOAD: &str = "alipay.open.app.alipaycert.download";
const AES_KEY: &str = "aa4BtZ4tspm2wnXLb1ThQA==";

/// Serves HTTP/1.1 on 127.0.0.1 (keep-alive), verifying every request's signature with the
/// app public key (a bad signature gets the gateway's `isv.invalid-signature` answer, quoting
/// its sign content), sending `trace_id: 0b1f2e3d`; `reply` answers the verified requests.
fn fake_gateway(
    reply: impl Fn(&GatewayRequest) -> Reply + Send + Sync + 'static,
) -> (Gateway, FakeGateway) {
    let gw = FakeGateway::builder()
        .verify(keys::app_public())
        .trace_id("0b1f2e3d")
        .start(reply);
    (gw.gateway(), gw)
}

fn client(gateway: Gateway) -> ClientBuilder {
    AlipayClient::builder(keys::APP_ID, keys::app_private(), keys::alipay_public()).gateway(gateway)
}

/// Answers every verified request with `node`, signed (RSA2, UTF-8) with the test gateway key.
fn answer_with(node: &'static str) -> impl Fn(&GatewayRequest) -> Reply + Send + Sync {
    move |_| Reply::node(node)
}

fn query() -> Call {
    Call::new(METHOD)
        .biz_content(r#"{"out_request_no":"r-001","title":"红包 &=+ 查询"}"#)
        .notify_url("https://m.example.com/n")
}

#[tokio::test]
async fn success_is_verified_then_returned_with_trace_id() {
    let node = r#"{"code":"10000","msg":"Success","status":"SUCCESS","amount":"8.88","memo":"{\"sign\":\"}"}"#;
    let (gw, fake) = fake_gateway(answer_with(node));
    let c = client(gw).build().unwrap();
    let a = c.call(&query()).send().await.unwrap();
    assert_eq!(a.node, node);
    assert_eq!(a.trace_id.as_deref(), Some("0b1f2e3d"));
    // The pooled connection serves the next call too.
    assert_eq!(c.call(&query()).send().await.unwrap().node, node);
    assert_eq!(fake.connections(), 1);
    assert!(fake.requests().iter().all(|r| r.verified == Some(true)));
}

#[tokio::test]
async fn verdicts_map_to_outcomes() {
    let business = r#"{"code":"40004","msg":"Business Failed","sub_code":"MONEY_NOT_ENOUGH","sub_msg":"余额不足"}"#;
    let (gw, _fake) = fake_gateway(answer_with(business));
    let c = client(gw).build().unwrap();
    let e = c.call(&query()).send().await.unwrap_err();
    assert!(
        matches!(&e, Error::Business(a) if a.sub_code.as_deref() == Some("MONEY_NOT_ENOUGH") && a.verified),
        "{e}"
    );
    assert_eq!(e.outcome(), Outcome::Rejected);

    let unknown =
        r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error"}"#;
    let (gw, _fake) = fake_gateway(answer_with(unknown));
    let c = client(gw).build().unwrap();
    let e = c.call(&query()).send().await.unwrap_err();
    assert!(matches!(e, Error::UnknownOutcome(_)), "{e}");
    assert_eq!(e.outcome(), Outcome::Unknown);

    let (gw, _fake) = fake_gateway(|_| {
        Reply::raw(
            r#"{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}}"#,
        )
    });
    let c = client(gw).build().unwrap();
    let e = c.call(&query()).send().await.unwrap_err();
    assert!(
        matches!(&e, Error::Gateway(a) if !a.verified && a.sub_code.as_deref() == Some("isv.invalid-app-id")),
        "{e}"
    );
}

#[tokio::test]
async fn a_forged_answer_is_never_success() {
    // Signed with the app's own key, which is not the gateway's.
    let (gw, _fake) = fake_gateway(|_| Reply::node(r#"{"code":"10000","msg":"Success"}"#).forged());
    let c = client(gw).build().unwrap();
    let e = c.call(&query()).send().await.unwrap_err();
    let Error::Signature(s) = &e else {
        panic!("{e}")
    };
    assert_eq!(
        s.checked.as_deref(),
        Some(r#"{"code":"10000","msg":"Success"}"#)
    );
    assert!(s.key.as_deref().unwrap().starts_with("Alipay public key"));
    assert_eq!(e.outcome(), Outcome::Unknown);
}

#[tokio::test]
async fn the_gateway_accepts_our_signature_in_every_mode() {
    // Signed with a key the gateway does not know: refused, quoting the gateway's own sign
    // string, which matches ours.
    let (gw, fake) = fake_gateway(answer_with(r#"{"code":"10000","msg":"Success"}"#));
    let c = AlipayClient::builder(
        keys::APP_ID,
        AppPrivateKey::from_text(&keys::text("gateway_private_pkcs8.pem")).unwrap(),
        keys::alipay_public(),
    )
    .gateway(gw)
    .build()
    .unwrap();
    let e = c.call(&query()).send().await.unwrap_err();
    let expected = c.sign(&query()).unwrap();
    let Error::Gateway(a) = &e else { panic!("{e}") };
    assert_eq!(a.sub_code.as_deref(), Some("isv.invalid-signature"));
    assert_eq!(fake.requests()[0].verified, Some(false));
    // The timestamp may have ticked between the two signings; compare up to it.
    let quoted = a.sub_msg.as_deref().unwrap();
    let prefix = expected.sign_content().split("&timestamp=").next().unwrap();
    assert!(quoted.contains(prefix), "{quoted}");

    // GBK, SHA-1 and AES all pass the gateway's check and come back verified.
    let (gw, fake) = fake_gateway(|r| {
        let charset: Charset = r.param("charset").unwrap().parse().unwrap();
        let st: SignType = r.param("sign_type").unwrap().parse().unwrap();
        if r.param("encrypt_type") == Some("AES") {
            let key = EncryptKey::from_base64(AES_KEY).unwrap();
            let plain = serde_json::json!({"code":"10000","msg":"Success","echo":key.decrypt(r.biz_content().unwrap()).unwrap()}).to_string();
            return Reply::encrypted(&plain, key).sign_type(st).charset(charset);
        }
        let node =
            serde_json::json!({"code":"10000","msg":"Success","echo":r.biz_content()}).to_string();
        Reply::node(&node).sign_type(st).charset(charset)
    });
    let expected_echo = query().biz_content.unwrap();
    let gbk = client(gw.clone()).charset(Charset::Gbk).build().unwrap();
    let node: serde_json::Value =
        serde_json::from_str(&gbk.call(&query()).send().await.unwrap().node).unwrap();
    assert_eq!(node["echo"], expected_echo.as_str());
    let sha1 = client(gw.clone()).sign_type(SignType::Rsa).build().unwrap();
    assert!(sha1.call(&query()).send().await.is_ok());
    let aes = client(gw)
        .encrypt_key(EncryptKey::from_base64(AES_KEY).unwrap())
        .build()
        .unwrap();
    let node: serde_json::Value =
        serde_json::from_str(&aes.call(&query()).send().await.unwrap().node).unwrap();
    assert_eq!(node["echo"], expected_echo.as_str());
    let seen = fake.requests();
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|r| r.verified == Some(true)));
    assert_eq!(seen[0].charset, Charset::Gbk);
}

#[tokio::test]
async fn certificate_mode_end_to_end() {
    let certs = |f: &str| keys::text(&format!("synthetic-certs/{f}"));
    let alipay_cert = AlipayCertificate::from_pem(&certs("alipayCertPublicKey_RSA2.crt")).unwrap();
    let sn = alipay_cert.sn().to_string();
    let (gw, fake) = fake_gateway(move |r| {
        let cert_sn = if r.biz_content().unwrap().contains("rotated") {
            "00000000000000000000000000000000"
        } else {
            sn.as_str()
        };
        Reply::node(r#"{"code":"10000","msg":"Success"}"#).cert_sn(cert_sn)
    });
    let c = AlipayClient::builder_with_certificates(
        keys::APP_ID,
        AppPrivateKey::from_text(&keys::text("app_private_pkcs8.pem")).unwrap(),
        &AppCertificate::from_pem(&certs("appCertPublicKey_2021000000000001.crt")).unwrap(),
        alipay_cert,
        &AlipayRootCertificate::from_pem(&certs("alipayRootCert.crt")).unwrap(),
    )
    .gateway(gw)
    .build()
    .unwrap();
    assert!(c.call(&query()).send().await.is_ok());
    let e = c
        .call(&Call::new(METHOD).biz_content(r#"{"x":"rotated"}"#))
        .send()
        .await
        .unwrap_err();
    // The unknown SN made the client ask for that certificate, which this script does not
    // serve: refused, never trusted.
    assert!(e.to_string().contains("alipaycert.download"), "{e}");
    assert!(e.to_string().contains("no alipay_cert_content"), "{e}");
    assert_eq!(fake.count(), 3);
    assert_eq!(
        fake.requests_of(CERT_DOWNLOAD)[0].biz_json()["alipay_cert_sn"],
        "00000000000000000000000000000000"
    );
    for r in fake.requests() {
        assert_eq!(
            r.param("app_cert_sn"),
            Some("b8f587915aa19d3c55608fc9fe3fd985")
        );
        assert_eq!(
            r.param("alipay_root_cert_sn"),
            Some(
                "18c9add242c8afa3e115caaff6ff3444_1c34b07e0d5d698ca0f6c7f1cdfd137d_1958d64758c1164d26720978c74c8d92"
            )
        );
    }
}

fn synthetic(f: &str) -> String {
    keys::text(&format!("synthetic-certs/{f}"))
}

/// A client in certificate mode under the synthetic root whose configured Alipay certificate
/// is the real one (another key than the test gateway's): every answer of the fake gateway,
/// signed with the test gateway key, names a certificate the client has to download.
fn rotating_client(gateway: Gateway, root: &str) -> AlipayClient {
    AlipayClient::builder_with_certificates(
        keys::APP_ID,
        keys::app_private(),
        &AppCertificate::from_pem(&synthetic("appCertPublicKey_2021000000000001.crt")).unwrap(),
        AlipayCertificate::from_pem(&keys::text("alipay-certs/alipayCertPublicKey_RSA2.crt"))
            .unwrap(),
        &AlipayRootCertificate::from_pem(root).unwrap(),
    )
    .gateway(gateway)
    .build()
    .unwrap()
}

/// Answers the download of `served` (base64 of its PEM, as Alipay does) and every other call
/// with success; every answer names `served`'s SN.
fn serving(served: String) -> impl Fn(&GatewayRequest) -> Reply + Send + Sync {
    use base64::Engine;
    let sn = AlipayCertificate::from_pem(&served)
        .map(|c| c.sn().to_string())
        .or_else(|_| AppCertificate::from_pem(&served).map(|c| c.sn().to_string()))
        .unwrap();
    let content = base64::engine::general_purpose::STANDARD.encode(served.as_bytes());
    move |r| {
        let node = if r.param("method") == Some(CERT_DOWNLOAD) {
            assert_eq!(r.biz_json()["alipay_cert_sn"], sn.as_str());
            format!(r#"{{"code":"10000","msg":"Success","alipay_cert_content":"{content}"}}"#)
        } else {
            r#"{"code":"10000","msg":"Success","status":"SUCCESS"}"#.to_owned()
        };
        Reply::node(&node).cert_sn(&sn)
    }
}

#[tokio::test]
async fn a_rotated_certificate_that_chains_is_downloaded_once_and_trusted_by_clones() {
    let (gw, fake) = fake_gateway(serving(synthetic("alipayCertPublicKey_RSA2.crt")));
    let c = rotating_client(gw, &synthetic("alipayRootCert.crt"));
    let a = c.call(&query()).send().await.unwrap();
    assert!(a.node.contains("SUCCESS"));
    assert_eq!(fake.requests_of(CERT_DOWNLOAD).len(), 1);
    // Trusted from now on, by this client and its clones: no second download.
    let clone = c.clone();
    assert!(clone.call(&query()).send().await.is_ok());
    assert_eq!(fake.requests_of(CERT_DOWNLOAD).len(), 1);
    assert_eq!(fake.count(), 3);
    // A notification signed with the rotated key verifies too (it names no certificate).
    let body = alipay_core::gateway::sign_notification(
        [("notify_id", "n1"), ("app_id", keys::APP_ID)],
        &keys::gateway_private(),
        SignType::Rsa2,
        Charset::Utf8,
    )
    .unwrap();
    assert_eq!(
        clone
            .verify_notification(body.as_bytes())
            .unwrap()
            .notify_id(),
        Some("n1")
    );
}

#[tokio::test]
async fn a_rotated_certificate_that_does_not_chain_is_refused_and_never_trusted() {
    // The synthetic app certificate: a real certificate with a real SN, but issued by a CA
    // that is not in the root bundle.
    let (gw, fake) = fake_gateway(serving(synthetic("appCertPublicKey_2021000000000001.crt")));
    let c = rotating_client(gw, &synthetic("alipayRootCert.crt"));
    for round in 1..=2 {
        let e = c.call(&query()).send().await.unwrap_err();
        match &e {
            Error::Signature(s) => assert!(
                matches!(
                    s.failure,
                    alipay_core::error::SignatureFailure::UntrustedCertificate { .. }
                ),
                "{e}"
            ),
            other => panic!("expected an untrusted certificate, got {other:?}"),
        }
        assert!(e.to_string().contains("does not chain"), "{e}");
        assert!(e.to_string().contains("alipayRootCert.crt"), "{e}");
        // Never trusted: the next call asks again.
        assert_eq!(fake.requests_of(CERT_DOWNLOAD).len(), round);
    }
    // The Alipay certificate itself chains, but not to the real root bundle.
    let (gw, _fake) = fake_gateway(serving(synthetic("alipayCertPublicKey_RSA2.crt")));
    let c = rotating_client(gw, &keys::text("alipay-certs/alipayRootCert.crt"));
    let e = c.call(&query()).send().await.unwrap_err();
    assert!(e.to_string().contains("does not chain"), "{e}");
}

#[tokio::test]
async fn a_failed_download_leaves_the_outcome_of_the_call_unknown() {
    // The business call was answered (under a certificate the client does not know); the
    // download is refused as a business failure. The call's outcome is unknown, not
    // "rejected": the refusal was the download's, not the call's.
    let sn = AlipayCertificate::from_pem(&synthetic("alipayCertPublicKey_RSA2.crt"))
        .unwrap()
        .sn()
        .to_string();
    let (gw, fake) = fake_gateway(move |r| {
        let node = if r.param("method") == Some(CERT_DOWNLOAD) {
            r#"{"code":"40004","msg":"Business Failed","sub_code":"CERT_NOT_EXIST","sub_msg":"x"}"#
        } else {
            r#"{"code":"10000","msg":"Success","status":"SUCCESS"}"#
        };
        Reply::node(node).cert_sn(&sn)
    });
    let c = rotating_client(gw, &synthetic("alipayRootCert.crt"));
    let e = c.call(&query()).send().await.unwrap_err();
    assert_eq!(e.outcome(), Outcome::Unknown, "{e}");
    assert!(
        e.to_string().contains("unverified sub_code CERT_NOT_EXIST"),
        "{e}"
    );
    assert_eq!(fake.requests_of(CERT_DOWNLOAD).len(), 1);
}

/// What the macro generates for an `execute` API, written by hand.
struct OperationQuery {
    auth_no: String,
    operation_id: String,
}

#[derive(Debug)]
struct OperationQueryResponse {
    status: Option<String>,
    amount: Option<String>,
}

impl alipay_core::wire::FromWire for OperationQueryResponse {
    fn from_wire(w: &alipay_core::wire::Wire) -> Result<Self, alipay_core::wire::WireError> {
        let o = w.object()?;
        Ok(OperationQueryResponse {
            status: o.field("status")?,
            amount: o.field("amount")?,
        })
    }
}

impl alipay_core::wire::ToWire for OperationQuery {
    fn to_wire(&self) -> alipay_core::wire::Wire {
        let mut o = alipay_core::wire::WireObject::default();
        o.put("auth_no", &self.auth_no);
        o.put("operation_id", &self.operation_id);
        o.into()
    }
}

impl alipay_core::api::Api for OperationQuery {
    const METHOD: &'static str = METHOD;
    const MODE: alipay_core::api::Mode = alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_coupon_operation_query_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const RULES: &'static alipay_core::rules::ObjectRules =
        &alipay_core::rules::ObjectRules::new(METHOD, &[]);
    type Response = OperationQueryResponse;

    fn validate(&self) -> Result<(), alipay_core::api::Violations> {
        let mut v = alipay_core::api::Violations::default();
        if self.auth_no.is_empty() {
            v.push(
                "auth_no|out_order_no",
                "one_of",
                "at least one must be non-empty",
            );
        }
        v.into_result()
    }

    fn biz_content(&self) -> String {
        serde_json::json!({"auth_no": self.auth_no, "operation_id": self.operation_id}).to_string()
    }
}

impl alipay_core::api::ExecuteApi for OperationQuery {}

#[tokio::test]
async fn typed_execute_validates_sends_and_parses() {
    let (gw, fake) = fake_gateway(|_| {
        Reply::node(r#"{"code":"10000","msg":"Success","status":"SUCCESS","amount":"8.88"}"#)
    });
    let c = client(gw)
        .notify_url("https://m.example.com/notify")
        .build()
        .unwrap();
    let r = c
        .execute(&OperationQuery {
            auth_no: "2014".into(),
            operation_id: "op1".into(),
        })
        .await
        .unwrap();
    assert_eq!(r.status.as_deref(), Some("SUCCESS"));
    assert_eq!(r.amount.as_deref(), Some("8.88"));
    let sent = &fake.requests()[0];
    // The API takes no notify_url, so the client's default is not sent.
    assert_eq!(sent.param("notify_url"), None);
    assert_eq!(
        sent.biz_content(),
        Some(r#"{"auth_no":"2014","operation_id":"op1"}"#)
    );

    // Invalid requests never leave the process.
    let e = c
        .execute(&OperationQuery {
            auth_no: String::new(),
            operation_id: "op1".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(e.outcome(), Outcome::NotSent);
    assert_eq!(fake.count(), 1);
    assert!(
        e.to_string().contains("auth_no|out_order_no: one_of"),
        "{e}"
    );
}

#[tokio::test]
async fn the_call_builder_adds_app_auth_token_and_overrides_notify_url() {
    let node = r#"{"code":"10000","msg":"Success"}"#;
    let (gw, fake) = fake_gateway(answer_with(node));
    let c = client(gw)
        .notify_url("https://m.example.com/default")
        .build()
        .unwrap();
    c.call(&query())
        .app_auth_token("202401BB0123")
        .notify_url("https://m.example.com/this-call")
        .send()
        .await
        .unwrap();
    // An untyped call keeps its own parameters unless the builder overrides them.
    c.call(&query()).send().await.unwrap();
    let sent = fake.requests();
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|r| r.verified == Some(true)));
    assert_eq!(
        sent[0].params.get("app_auth_token").map(String::as_str),
        Some("202401BB0123")
    );
    assert_eq!(
        sent[0].params.get("notify_url").map(String::as_str),
        Some("https://m.example.com/this-call")
    );
    assert_eq!(sent[1].params.get("app_auth_token"), None);
    assert_eq!(
        sent[1].params.get("notify_url").map(String::as_str),
        Some("https://m.example.com/n")
    );
}
