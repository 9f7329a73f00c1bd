//! `AlipayClient::execute` end to end over real HTTP on loopback, against a minimal gateway
//! that checks our request signature the way Alipay does and signs its answers with the test
//! gateway key. (The full sandbox gateway is a later crate; this pins the core's behaviour.)

use std::collections::BTreeMap;
use std::sync::Arc;

use alipay_core::client::{AlipayClient, ClientBuilder};
use alipay_core::gateway::{sign_encrypted_response, sign_response};
use alipay_core::request::Call;
use alipay_core::transport::Gateway;
use alipay_core::{
    AlipayCertificate, AlipayPublicKey, AlipayRootCertificate, AppCertificate, AppPrivateKey,
    AppPublicKey, Charset, EncryptKey, Error, GatewayPrivateKey, Outcome, SignType, sign,
};
use base64::Engine;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");
const METHOD: &str = "alipay.fund.coupon.operation.query";
const AES_KEY: &str = "aa4BtZ4tspm2wnXLb1ThQA==";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

/// What the fake gateway answers, given the verified request parameters.
type Reply = Arc<dyn Fn(&BTreeMap<String, String>) -> Vec<u8> + Send + Sync>;

/// Serves HTTP/1.1 on 127.0.0.1 (keep-alive), verifying every request's signature with the
/// app public key; a bad signature gets the gateway's `isv.invalid-signature` answer.
async fn fake_gateway(reply: Reply) -> Gateway {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app_public = AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let (reply, app_public) = (reply.clone(), app_public.clone());
            tokio::spawn(async move {
                let mut buf = Vec::new();
                loop {
                    // One request: headers, then Content-Length bytes.
                    let head_end = loop {
                        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                            break i + 4;
                        }
                        let mut chunk = [0u8; 4096];
                        match sock.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    };
                    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
                    let len: usize = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap())
                        })
                        .unwrap_or(0);
                    while buf.len() < head_end + len {
                        let mut chunk = [0u8; 4096];
                        let n = sock.read(&mut chunk).await.unwrap();
                        buf.extend_from_slice(&chunk[..n]);
                    }
                    let body = buf[head_end..head_end + len].to_vec();
                    buf.drain(..head_end + len);
                    let target = head.split_whitespace().nth(1).unwrap().to_string();
                    let query = target.split_once('?').map(|(_, q)| q).unwrap_or("");
                    let charset = if head.contains("charset=GBK") {
                        Charset::Gbk
                    } else {
                        Charset::Utf8
                    };
                    let mut params: BTreeMap<String, String> = BTreeMap::new();
                    params.extend(charset.form_decode(query.as_bytes()).unwrap());
                    params.extend(charset.form_decode(&body).unwrap());
                    let answer = match verify_request(&params, charset, &app_public) {
                        Ok(()) => reply(&params),
                        Err(content) => invalid_signature(&params, &content),
                    };
                    let resp = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json;charset={}\r\ntrace_id: 0b1f2e3d\r\ncontent-length: {}\r\n\r\n",
                        charset.as_str(),
                        answer.len()
                    );
                    sock.write_all(resp.as_bytes()).await.unwrap();
                    sock.write_all(&answer).await.unwrap();
                }
            });
        }
    });
    Gateway::new(&format!("http://{addr}/gateway.do")).unwrap()
}

/// The gateway's check: sign content of everything but `sign`, charset bytes, app public key.
fn verify_request(
    params: &BTreeMap<String, String>,
    charset: Charset,
    key: &AppPublicKey,
) -> Result<(), String> {
    let content = sign::sign_content(
        params
            .iter()
            .filter(|(k, _)| *k != "sign")
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let sig = base64::engine::general_purpose::STANDARD
        .decode(&params["sign"])
        .map_err(|_| content.clone())?;
    let st: SignType = params["sign_type"].parse().unwrap();
    if key.verify(st, &charset.encode(&content).unwrap(), &sig) {
        Ok(())
    } else {
        Err(content)
    }
}

fn gateway_key() -> GatewayPrivateKey {
    GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap()
}

fn invalid_signature(params: &BTreeMap<String, String>, content: &str) -> Vec<u8> {
    let node = serde_json::json!({
        "code": "40002",
        "msg": "Invalid Arguments",
        "sub_code": "isv.invalid-signature",
        "sub_msg": format!("验签出错，网关生成的验签字符串为：{content}"),
    })
    .to_string();
    sign_response(
        &params["method"],
        &node,
        &gateway_key(),
        SignType::Rsa2,
        Charset::Utf8,
        None,
    )
    .unwrap()
}

fn client(gateway: Gateway) -> ClientBuilder {
    AlipayClient::builder(
        "2021000000000001",
        AppPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(gateway)
}

fn answer_with(node: &'static str) -> Reply {
    Arc::new(move |p| {
        sign_response(
            &p["method"],
            node,
            &gateway_key(),
            SignType::Rsa2,
            Charset::Utf8,
            None,
        )
        .unwrap()
    })
}

fn query() -> Call {
    Call::new(METHOD)
        .biz_content(r#"{"out_request_no":"r-001","title":"红包 &=+ 查询"}"#)
        .notify_url("https://m.example.com/n")
}

#[tokio::test]
async fn success_is_verified_then_returned_with_trace_id() {
    let node = r#"{"code":"10000","msg":"Success","status":"SUCCESS","amount":"8.88","memo":"{\"sign\":\"}"}"#;
    let c = client(fake_gateway(answer_with(node)).await)
        .build()
        .unwrap();
    let a = c.execute_call(&query()).await.unwrap();
    assert_eq!(a.node, node);
    assert_eq!(a.trace_id.as_deref(), Some("0b1f2e3d"));
    // The pooled connection serves the next call too.
    assert_eq!(c.execute_call(&query()).await.unwrap().node, node);
}

#[tokio::test]
async fn verdicts_map_to_outcomes() {
    let business = r#"{"code":"40004","msg":"Business Failed","sub_code":"MONEY_NOT_ENOUGH","sub_msg":"余额不足"}"#;
    let c = client(fake_gateway(answer_with(business)).await)
        .build()
        .unwrap();
    let e = c.execute_call(&query()).await.unwrap_err();
    assert!(
        matches!(&e, Error::Business(a) if a.sub_code.as_deref() == Some("MONEY_NOT_ENOUGH") && a.verified),
        "{e}"
    );
    assert_eq!(e.outcome(), Outcome::Rejected);

    let unknown =
        r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error"}"#;
    let c = client(fake_gateway(answer_with(unknown)).await)
        .build()
        .unwrap();
    let e = c.execute_call(&query()).await.unwrap_err();
    assert!(matches!(e, Error::UnknownOutcome(_)), "{e}");
    assert_eq!(e.outcome(), Outcome::Unknown);

    let unsigned: Reply = Arc::new(|_| {
        br#"{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}}"#.to_vec()
    });
    let c = client(fake_gateway(unsigned).await).build().unwrap();
    let e = c.execute_call(&query()).await.unwrap_err();
    assert!(
        matches!(&e, Error::Gateway(a) if !a.verified && a.sub_code.as_deref() == Some("isv.invalid-app-id")),
        "{e}"
    );
}

#[tokio::test]
async fn a_forged_answer_is_never_success() {
    let forged: Reply = Arc::new(|p| {
        let other = GatewayPrivateKey::from_text(&read("app_private_pkcs8.pem")).unwrap();
        let node = r#"{"code":"10000","msg":"Success"}"#;
        sign_response(
            &p["method"],
            node,
            &other,
            SignType::Rsa2,
            Charset::Utf8,
            None,
        )
        .unwrap()
    });
    let c = client(fake_gateway(forged).await).build().unwrap();
    let e = c.execute_call(&query()).await.unwrap_err();
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
    let c = AlipayClient::builder(
        "2021000000000001",
        AppPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(fake_gateway(answer_with(r#"{"code":"10000","msg":"Success"}"#)).await)
    .build()
    .unwrap();
    let e = c.execute_call(&query()).await.unwrap_err();
    let expected = c.sign(&query()).unwrap();
    let Error::Gateway(a) = &e else { panic!("{e}") };
    assert_eq!(a.sub_code.as_deref(), Some("isv.invalid-signature"));
    // The timestamp may have ticked between the two signings; compare up to it.
    let quoted = a.sub_msg.as_deref().unwrap();
    let prefix = expected.sign_content().split("&timestamp=").next().unwrap();
    assert!(quoted.contains(prefix), "{quoted}");

    // GBK, SHA-1 and AES all pass the gateway's check and come back verified.
    let echo: Reply = Arc::new(|p| {
        let charset: Charset = p["charset"].parse().unwrap();
        let st: SignType = p["sign_type"].parse().unwrap();
        if p.get("encrypt_type").map(String::as_str) == Some("AES") {
            let key = EncryptKey::from_base64(AES_KEY).unwrap();
            let plain = serde_json::json!({"code":"10000","msg":"Success","echo":key.decrypt(&p["biz_content"]).unwrap()}).to_string();
            return sign_encrypted_response(
                &p["method"],
                &plain,
                &key,
                &gateway_key(),
                st,
                charset,
                None,
            )
            .unwrap();
        }
        let node = serde_json::json!({"code":"10000","msg":"Success","echo":p.get("biz_content")})
            .to_string();
        sign_response(&p["method"], &node, &gateway_key(), st, charset, None).unwrap()
    });
    let gw = fake_gateway(echo).await;
    let expected_echo = query().biz_content.unwrap();
    let gbk = client(gw.clone()).charset(Charset::Gbk).build().unwrap();
    let node: serde_json::Value =
        serde_json::from_str(&gbk.execute_call(&query()).await.unwrap().node).unwrap();
    assert_eq!(node["echo"], expected_echo.as_str());
    let sha1 = client(gw.clone()).sign_type(SignType::Rsa).build().unwrap();
    assert!(sha1.execute_call(&query()).await.is_ok());
    let aes = client(gw)
        .encrypt_key(EncryptKey::from_base64(AES_KEY).unwrap())
        .build()
        .unwrap();
    let node: serde_json::Value =
        serde_json::from_str(&aes.execute_call(&query()).await.unwrap().node).unwrap();
    assert_eq!(node["echo"], expected_echo.as_str());
}

#[tokio::test]
async fn certificate_mode_end_to_end() {
    let certs = |f: &str| read(&format!("synthetic-certs/{f}"));
    let alipay_cert = AlipayCertificate::from_pem(&certs("alipayCertPublicKey_RSA2.crt")).unwrap();
    let sn = alipay_cert.sn().to_string();
    let reply: Reply = Arc::new(move |p| {
        assert_eq!(p["app_cert_sn"], "b8f587915aa19d3c55608fc9fe3fd985");
        assert_eq!(
            p["alipay_root_cert_sn"],
            "18c9add242c8afa3e115caaff6ff3444_1c34b07e0d5d698ca0f6c7f1cdfd137d_1958d64758c1164d26720978c74c8d92"
        );
        let cert_sn = if p["biz_content"].contains("rotated") {
            "00000000000000000000000000000000"
        } else {
            sn.as_str()
        };
        let node = r#"{"code":"10000","msg":"Success"}"#;
        sign_response(
            &p["method"],
            node,
            &gateway_key(),
            SignType::Rsa2,
            Charset::Utf8,
            Some(cert_sn),
        )
        .unwrap()
    });
    let c = AlipayClient::builder_with_certificates(
        "2021000000000001",
        AppPrivateKey::from_text(&read("app_private_pkcs8.pem")).unwrap(),
        &AppCertificate::from_pem(&certs("appCertPublicKey_2021000000000001.crt")).unwrap(),
        alipay_cert,
        &AlipayRootCertificate::from_pem(&certs("alipayRootCert.crt")).unwrap(),
    )
    .gateway(fake_gateway(reply).await)
    .build()
    .unwrap();
    assert!(c.execute_call(&query()).await.is_ok());
    let e = c
        .execute_call(&Call::new(METHOD).biz_content(r#"{"x":"rotated"}"#))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("alipaycert.download"), "{e}");
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
    let reply: Reply = Arc::new(|p| {
        // The API takes no notify_url, so the client's default is not sent.
        assert!(!p.contains_key("notify_url"));
        assert_eq!(
            p["biz_content"],
            r#"{"auth_no":"2014","operation_id":"op1"}"#
        );
        let node = r#"{"code":"10000","msg":"Success","status":"SUCCESS","amount":"8.88"}"#;
        sign_response(
            &p["method"],
            node,
            &gateway_key(),
            SignType::Rsa2,
            Charset::Utf8,
            None,
        )
        .unwrap()
    });
    let c = client(fake_gateway(reply).await)
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

    // Invalid requests never leave the process.
    let e = c
        .execute(&OperationQuery {
            auth_no: String::new(),
            operation_id: "op1".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(e.outcome(), Outcome::NotSent);
    assert!(
        e.to_string().contains("auth_no|out_order_no: one_of"),
        "{e}"
    );
}
