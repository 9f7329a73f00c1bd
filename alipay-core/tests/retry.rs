//! `execute_with_retry` over real HTTP on loopback, against a fake gateway that verifies our
//! signatures, signs its answers with the test gateway key, counts requests and records every
//! `biz_content` it received: the same request is re-sent only on transient failures.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alipay_core::api::{Api, ExecuteApi, Handling, Mode, Violations};
use alipay_core::client::AlipayClient;
use alipay_core::gateway::sign_response;
use alipay_core::request::Call;
use alipay_core::retry::RetryPolicy;
use alipay_core::transport::Gateway;
use alipay_core::{
    AlipayPublicKey, AppPrivateKey, AppPublicKey, Charset, Error, GatewayPrivateKey, Outcome,
    SignType, sign,
};
use base64::Engine;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");
const METHOD: &str = "alipay.fund.coupon.order.disburse";
const BIZ: &str =
    r#"{"out_order_no":"o-1","out_request_no":"r-1","order_title":"红包 &=+","amount":"8.88"}"#;
const SUCCESS: &str =
    r#"{"code":"10000","msg":"Success","out_request_no":"r-1","status":"SUCCESS","amount":"8.88"}"#;
const UNKNOWN_20000: &str =
    r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error"}"#;
const PROCESSING_10003: &str = r#"{"code":"10003","msg":"处理中"}"#;
const MONEY_NOT_ENOUGH: &str = r#"{"code":"40004","msg":"Business Failed","sub_code":"MONEY_NOT_ENOUGH","sub_msg":"余额不足"}"#;
const SYSTEM_ERROR: &str =
    r#"{"code":"40004","msg":"Business Failed","sub_code":"SYSTEM_ERROR","sub_msg":"系统繁忙"}"#;

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

fn gateway_key() -> GatewayPrivateKey {
    GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap()
}

/// What the fake gateway does with the n-th request (0-based).
enum Action {
    /// Answer this response node, signed with `key`.
    Answer(&'static str, GatewayPrivateKey),
    /// Read the request, then close the connection without answering.
    Drop,
}

fn answer(node: &'static str) -> Action {
    Action::Answer(node, gateway_key())
}

type Script = Arc<dyn Fn(usize) -> Action + Send + Sync>;

/// Every request the gateway received, verified parameters included.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<BTreeMap<String, String>>>>);

impl Log {
    fn count(&self) -> usize {
        self.0.lock().unwrap().len()
    }
    fn biz_contents(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|p| p["biz_content"].clone())
            .collect()
    }
}

/// HTTP/1.1 on 127.0.0.1 (keep-alive); panics on a request whose signature does not verify.
async fn fake_gateway(script: Script) -> (Gateway, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app_public = AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap();
    let log = Log::default();
    let server_log = log.clone();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let (script, app_public, log) =
                (script.clone(), app_public.clone(), server_log.clone());
            tokio::spawn(async move {
                let mut buf = Vec::new();
                loop {
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
                    let mut params: BTreeMap<String, String> = BTreeMap::new();
                    params.extend(Charset::Utf8.form_decode(query.as_bytes()).unwrap());
                    params.extend(Charset::Utf8.form_decode(&body).unwrap());
                    verify_request(&params, &app_public);
                    let n = {
                        let mut log = log.0.lock().unwrap();
                        log.push(params.clone());
                        log.len() - 1
                    };
                    let (node, key) = match script(n) {
                        Action::Drop => return,
                        Action::Answer(node, key) => (node, key),
                    };
                    let answer = sign_response(
                        &params["method"],
                        node,
                        &key,
                        SignType::Rsa2,
                        Charset::Utf8,
                        None,
                    )
                    .unwrap();
                    let resp = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json;charset=utf-8\r\ncontent-length: {}\r\n\r\n",
                        answer.len()
                    );
                    sock.write_all(resp.as_bytes()).await.unwrap();
                    sock.write_all(&answer).await.unwrap();
                }
            });
        }
    });
    (
        Gateway::new(&format!("http://{addr}/gateway.do")).unwrap(),
        log,
    )
}

fn verify_request(params: &BTreeMap<String, String>, key: &AppPublicKey) {
    let content = sign::sign_content(
        params
            .iter()
            .filter(|(k, _)| *k != "sign")
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let sig = base64::engine::general_purpose::STANDARD
        .decode(&params["sign"])
        .unwrap();
    let st: SignType = params["sign_type"].parse().unwrap();
    assert!(
        key.verify(st, &Charset::Utf8.encode(&content).unwrap(), &sig),
        "request signature does not verify: {content}"
    );
}

fn client(gateway: Gateway) -> AlipayClient {
    AlipayClient::builder(
        "2021000000000001",
        AppPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(gateway)
    .build()
    .unwrap()
}

fn fast(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        initial_backoff: Duration::from_millis(2),
        max_backoff: Duration::from_millis(10),
        multiplier: 2,
    }
}

fn call() -> Call {
    Call::new(METHOD).biz_content(BIZ)
}

/// A hand-written typed API, as the derive would generate it.
struct Disburse;

#[derive(Debug)]
struct DisburseAnswer {
    status: Option<String>,
    out_request_no: Option<String>,
}

impl alipay_core::wire::FromWire for DisburseAnswer {
    fn from_wire(w: &alipay_core::wire::Wire) -> Result<Self, alipay_core::wire::WireError> {
        let o = w.object()?;
        Ok(DisburseAnswer {
            status: o.field("status")?,
            out_request_no: o.field("out_request_no")?,
        })
    }
}

impl alipay_core::wire::ToWire for Disburse {
    fn to_wire(&self) -> alipay_core::wire::Wire {
        alipay_core::wire::Wire::parse(BIZ).unwrap_or(alipay_core::wire::Wire::Null)
    }
}

impl Api for Disburse {
    const METHOD: &'static str = METHOD;
    const MODE: Mode = Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_fund_coupon_order_disburse_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const RULES: &'static alipay_core::rules::ObjectRules =
        &alipay_core::rules::ObjectRules::new(METHOD, &[]);
    type Response = DisburseAnswer;

    fn validate(&self) -> Result<(), Violations> {
        Ok(())
    }

    fn biz_content(&self) -> String {
        BIZ.to_string()
    }

    // As the disburse spec's error table says.
    fn handling(sub_code: &str) -> Option<Handling> {
        match sub_code {
            "SYSTEM_ERROR" => Some(Handling::RetrySame),
            "MONEY_NOT_ENOUGH" => Some(Handling::FixRequest),
            _ => None,
        }
    }
}

impl ExecuteApi for Disburse {}

fn assert_all_identical(log: &Log) {
    let all = log.biz_contents();
    assert!(all.iter().all(|b| b == BIZ), "{all:?}");
}

#[tokio::test]
async fn unknown_20000_is_resent_byte_identical_until_success() {
    let (gw, log) = fake_gateway(Arc::new(|n| {
        answer(if n < 3 { UNKNOWN_20000 } else { SUCCESS })
    }))
    .await;
    let r = client(gw)
        .execute_with_retry(&Disburse, &fast(4))
        .await
        .unwrap();
    assert_eq!(r.status.as_deref(), Some("SUCCESS"));
    assert_eq!(r.out_request_no.as_deref(), Some("r-1"));
    assert_eq!(log.count(), 4);
    assert_all_identical(&log);
}

#[tokio::test]
async fn processing_10003_is_resent_then_succeeds() {
    let (gw, log) = fake_gateway(Arc::new(|n| {
        answer(if n == 0 { PROCESSING_10003 } else { SUCCESS })
    }))
    .await;
    let a = client(gw)
        .execute_call_with_retry(&call(), &fast(4))
        .await
        .unwrap();
    assert_eq!(a.node, SUCCESS);
    assert_eq!(log.count(), 2);
    assert_all_identical(&log);
}

#[tokio::test]
async fn dropped_connection_is_resent_then_succeeds() {
    let (gw, log) = fake_gateway(Arc::new(|n| {
        if n == 0 {
            Action::Drop
        } else {
            answer(SUCCESS)
        }
    }))
    .await;
    let c = client(gw);
    // Without retry the drop is an Unknown outcome: the request reached the gateway.
    let e = c.execute_call(&call()).await.unwrap_err();
    assert_eq!(e.outcome(), Outcome::Unknown, "{e}");
    assert!(matches!(e, Error::Transport(_)), "{e}");

    let (gw, log2) = fake_gateway(Arc::new(|n| {
        if n == 0 {
            Action::Drop
        } else {
            answer(SUCCESS)
        }
    }))
    .await;
    let a = client(gw)
        .execute_call_with_retry(&call(), &fast(4))
        .await
        .unwrap();
    assert_eq!(a.node, SUCCESS);
    assert_eq!(log.count(), 1);
    assert_eq!(log2.count(), 2);
    assert_all_identical(&log2);
}

#[tokio::test]
async fn unverifiable_answer_is_resent_then_succeeds() {
    // The first answer is signed with a key that is not Alipay's: Unknown, and re-sending the
    // same request is safe.
    let (gw, log) = fake_gateway(Arc::new(|n| {
        if n == 0 {
            Action::Answer(
                SUCCESS,
                GatewayPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap(),
            )
        } else {
            answer(SUCCESS)
        }
    }))
    .await;
    let a = client(gw)
        .execute_call_with_retry(&call(), &fast(4))
        .await
        .unwrap();
    assert_eq!(a.node, SUCCESS);
    assert_eq!(log.count(), 2);
    assert_all_identical(&log);
}

#[tokio::test]
async fn business_failure_is_sent_exactly_once() {
    let (gw, log) = fake_gateway(Arc::new(|_| answer(MONEY_NOT_ENOUGH))).await;
    let e = client(gw)
        .execute_with_retry(&Disburse, &fast(4))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Business(a) if a.sub_code.as_deref() == Some("MONEY_NOT_ENOUGH")),
        "{e}"
    );
    assert_eq!(e.outcome(), Outcome::Rejected);
    assert_eq!(log.count(), 1);
}

#[tokio::test]
async fn a_business_code_the_spec_says_to_repeat_is_resent_identical() {
    let (gw, log) = fake_gateway(Arc::new(|n| {
        answer(if n < 2 { SYSTEM_ERROR } else { SUCCESS })
    }))
    .await;
    let r = client(gw.clone())
        .execute_with_retry(&Disburse, &fast(4))
        .await
        .unwrap();
    assert_eq!(r.status.as_deref(), Some("SUCCESS"));
    assert_eq!(log.count(), 3);
    assert_all_identical(&log);

    // Untyped calls have no spec to ask: a business refusal is never re-sent.
    let (gw, log) = fake_gateway(Arc::new(|_| answer(SYSTEM_ERROR))).await;
    let e = client(gw)
        .execute_call_with_retry(&call(), &fast(4))
        .await
        .unwrap_err();
    assert!(matches!(&e, Error::Business(_)), "{e}");
    assert_eq!(log.count(), 1);
}

#[tokio::test]
async fn a_repeated_business_code_that_never_clears_is_returned_as_refused() {
    let (gw, log) = fake_gateway(Arc::new(|_| answer(SYSTEM_ERROR))).await;
    let e = client(gw)
        .execute_with_retry(&Disburse, &fast(3))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Business(a) if a.sub_code.as_deref() == Some("SYSTEM_ERROR")),
        "{e}"
    );
    assert_eq!(e.outcome(), Outcome::Rejected);
    assert_eq!(log.count(), 3);
}

#[tokio::test]
async fn exhausted_attempts_return_the_unknown_error() {
    let (gw, log) = fake_gateway(Arc::new(|_| answer(UNKNOWN_20000))).await;
    let c = client(gw);
    let e = c.execute_with_retry(&Disburse, &fast(3)).await.unwrap_err();
    assert!(
        matches!(&e, Error::UnknownOutcome(a) if a.code == "20000"),
        "{e}"
    );
    assert_eq!(e.outcome(), Outcome::Unknown);
    assert_eq!(log.count(), 3);
    assert_all_identical(&log);

    let report = c.execute_call_with_retry_report(&call(), &fast(2)).await;
    assert_eq!(report.attempts(), 2);
    assert!(report.earlier_unknown());
    assert_eq!(log.count(), 5);
}

#[tokio::test]
async fn refusal_after_an_unknown_attempt_stays_unknown() {
    // The first attempt may have moved the money; the refusal of the second proves nothing.
    let (gw, log) = fake_gateway(Arc::new(|n| {
        answer(if n == 0 {
            UNKNOWN_20000
        } else {
            MONEY_NOT_ENOUGH
        })
    }))
    .await;
    let c = client(gw);
    let report = c.execute_call_with_retry_report(&call(), &fast(4)).await;
    assert_eq!(report.attempts(), 2);
    assert!(matches!(&report.result, Err(Error::Business(_))));
    let e = report.into_result().unwrap_err();
    assert!(matches!(&e, Error::UnknownOutcome(_)), "{e}");
    assert_eq!(log.count(), 2);
}

#[tokio::test]
async fn no_retry_policy_sends_once() {
    let (gw, log) = fake_gateway(Arc::new(|_| answer(UNKNOWN_20000))).await;
    let e = client(gw)
        .execute_call_with_retry(&call(), &RetryPolicy::none())
        .await
        .unwrap_err();
    assert_eq!(e.outcome(), Outcome::Unknown);
    assert_eq!(log.count(), 1);
}

#[tokio::test]
async fn invalid_request_is_never_sent() {
    let (gw, log) = fake_gateway(Arc::new(|_| answer(SUCCESS))).await;
    let e = client(gw)
        .execute_call_with_retry(&Call::new(""), &fast(4))
        .await
        .unwrap_err();
    assert_eq!(e.outcome(), Outcome::NotSent, "{e}");
    assert_eq!(log.count(), 0);
}

#[tokio::test]
async fn refused_connection_is_retried_and_stays_not_sent() {
    // Nothing listens: every attempt fails before a byte leaves.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let c = client(Gateway::new(&format!("http://{addr}/gateway.do")).unwrap());
    let report = c.execute_call_with_retry_report(&call(), &fast(3)).await;
    assert_eq!(report.attempts(), 3);
    let e = report.into_result().unwrap_err();
    assert_eq!(e.outcome(), Outcome::NotSent, "{e}");
}
