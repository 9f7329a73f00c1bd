//! The exactly-once resolvers over real HTTP on loopback: a fake gateway scripted per method
//! (disburse / refund keep failing or answer; `alipay.fund.coupon.operation.query` says what
//! happened), signing its answers with the test gateway key.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alipay_apis::alipay_core::client::AlipayClient;
use alipay_apis::alipay_core::gateway::sign_response;
use alipay_apis::alipay_core::retry::RetryPolicy;
use alipay_apis::alipay_core::transport::Gateway;
use alipay_apis::alipay_core::{Charset, Error, GatewayPrivateKey, Outcome, SignType};
use alipay_apis::fund::{
    CouponOrderDisburseRequest, CouponOrderDisburseResponseStatus, CouponOrderRefundRequest,
};
use alipay_apis::resolve::{
    DisburseResolution, NotDoneReason, Resolution, disburse_exactly_once, refund_exactly_once,
};
use alipay_apis::{AlipayPublicKey, AppPrivateKey, UserId, amount};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
const REFUND: &str = "alipay.fund.coupon.order.refund";
const QUERY: &str = "alipay.fund.coupon.operation.query";

const DISBURSE_OK: &str = r#"{"code":"10000","msg":"Success","auth_no":"2014031600002001260000001024","out_order_no":"o-1","operation_id":"20161012405744018102","out_request_no":"r-1","amount":"8.88","status":"SUCCESS","gmt_trans":"2024-01-02 10:00:00"}"#;
const UNKNOWN_20000: &str =
    r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error"}"#;
const MONEY_NOT_ENOUGH: &str = r#"{"code":"40004","msg":"Business Failed","sub_code":"MONEY_NOT_ENOUGH","sub_msg":"余额不足"}"#;
const QUERY_SUCCESS: &str = r#"{"code":"10000","msg":"Success","auth_no":"2014031600002001260000001024","out_order_no":"o-1","operation_id":"20161012405744018102","out_request_no":"r-1","operation_type":"PAY","amount":"8.88","status":"SUCCESS","gmt_trans":"2024-01-02 10:00:00"}"#;
const QUERY_REFUND_SUCCESS: &str = r#"{"code":"10000","msg":"Success","auth_no":"2014031600002001260000001024","out_request_no":"refund-1","operation_type":"REFUND","amount":"1.00","status":"SUCCESS"}"#;
const QUERY_CLOSED: &str = r#"{"code":"10000","msg":"Success","out_order_no":"o-1","out_request_no":"r-1","status":"CLOSED"}"#;
const QUERY_INIT: &str = r#"{"code":"10000","msg":"Success","out_order_no":"o-1","out_request_no":"r-1","status":"INIT"}"#;
const QUERY_NOT_FOUND: &str = r#"{"code":"40004","msg":"Business Failed","sub_code":"ORDER_NOT_EXIST","sub_msg":"操作流水不存在"}"#;

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

/// The answer node for a request of `method`, the n-th (0-based) of that method.
type Script = Arc<dyn Fn(&str, usize) -> &'static str + Send + Sync>;

/// Every request received: (method, biz_content).
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<(String, String)>>>);

impl Log {
    fn of(&self, method: &str) -> Vec<String> {
        let log = self.0.lock().unwrap();
        log.iter()
            .filter(|(m, _)| m == method)
            .map(|(_, b)| b.clone())
            .collect()
    }
}

async fn fake_gateway(script: Script) -> (Gateway, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let key = GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap();
    let log = Log::default();
    let server_log = log.clone();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let (script, key, log) = (script.clone(), key.clone(), server_log.clone());
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
                    let method = params["method"].clone();
                    let n = {
                        let mut log = log.0.lock().unwrap();
                        log.push((method.clone(), params["biz_content"].clone()));
                        log.iter().filter(|(m, _)| *m == method).count() - 1
                    };
                    let node = script(&method, n);
                    let answer =
                        sign_response(&method, node, &key, SignType::Rsa2, Charset::Utf8, None)
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

fn fast() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(2),
        max_backoff: Duration::from_millis(10),
        multiplier: 2,
    }
}

fn disburse() -> CouponOrderDisburseRequest {
    CouponOrderDisburseRequest::builder()
        .out_order_no("o-1")
        .out_request_no("r-1")
        .order_title("红包打款")
        .amount(amount!("8.88"))
        .deduct_auth_no("2014031600002001260000001024")
        .payee_user_id(UserId::parse("2088102138117431").unwrap())
        .build()
}

/// Disburse keeps answering 20000; the query answers `query`.
async fn unknown_disburse_then(query: &'static str) -> (Result<DisburseResolution, Error>, Log) {
    let (gw, log) = fake_gateway(Arc::new(
        move |m, _| {
            if m == QUERY { query } else { UNKNOWN_20000 }
        },
    ))
    .await;
    let r = disburse_exactly_once(&client(gw), &disburse(), &fast()).await;
    (r, log)
}

fn assert_same_request_resent(log: &Log, method: &str, times: usize) {
    let sent = log.of(method);
    assert_eq!(sent.len(), times, "{sent:?}");
    assert!(sent.iter().all(|b| *b == sent[0]), "{sent:?}");
}

#[tokio::test]
async fn call_success_is_done_without_query() {
    let (gw, log) = fake_gateway(Arc::new(|m, n| {
        assert_ne!(m, QUERY);
        if n == 0 { UNKNOWN_20000 } else { DISBURSE_OK }
    }))
    .await;
    let r = disburse_exactly_once(&client(gw), &disburse(), &fast())
        .await
        .unwrap();
    let Resolution::Done(resp) = r else {
        panic!("{r:?}")
    };
    assert_eq!(
        resp.status,
        Some(CouponOrderDisburseResponseStatus::Success)
    );
    assert_same_request_resent(&log, DISBURSE, 2);
}

#[tokio::test]
async fn unknown_then_query_success_is_done() {
    let (r, log) = unknown_disburse_then(QUERY_SUCCESS).await;
    let Ok(Resolution::Done(resp)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(
        resp.status,
        Some(CouponOrderDisburseResponseStatus::Success)
    );
    assert_eq!(resp.operation_id.as_deref(), Some("20161012405744018102"));
    assert_eq!(resp.out_request_no.as_deref(), Some("r-1"));
    assert_eq!(resp.amount, Some(amount!("8.88")));
    // Every disburse attempt was the same request; one query, by the merchant's ids.
    assert_same_request_resent(&log, DISBURSE, 3);
    let queries = log.of(QUERY);
    assert_eq!(queries.len(), 1);
    let q: serde_json::Value = serde_json::from_str(&queries[0]).unwrap();
    assert_eq!(q["out_order_no"], "o-1");
    assert_eq!(q["out_request_no"], "r-1");
}

#[tokio::test]
async fn unknown_then_operation_not_found_is_not_done() {
    let (r, log) = unknown_disburse_then(QUERY_NOT_FOUND).await;
    let Ok(Resolution::NotDone(reason)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(
        reason,
        NotDoneReason::NotFound {
            sub_code: "ORDER_NOT_EXIST".into()
        }
    );
    // A 40004 to the query is a definite answer: asked once.
    assert_eq!(log.of(QUERY).len(), 1);
}

#[tokio::test]
async fn unknown_then_closed_is_not_done() {
    let (r, _) = unknown_disburse_then(QUERY_CLOSED).await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Closed))),
        "{r:?}"
    );
}

#[tokio::test]
async fn unknown_then_query_unknown_stays_unknown() {
    let (r, log) = unknown_disburse_then(UNKNOWN_20000).await;
    let Ok(Resolution::Unknown(e)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(e.outcome(), Outcome::Unknown);
    assert!(
        matches!(&e, Error::UnknownOutcome(a) if a.code == "20000"),
        "{e}"
    );
    assert_same_request_resent(&log, DISBURSE, 3);
    assert_same_request_resent(&log, QUERY, 3);
}

#[tokio::test]
async fn unknown_then_query_init_stays_unknown() {
    let (r, _) = unknown_disburse_then(QUERY_INIT).await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
}

#[tokio::test]
async fn business_refusal_is_an_error_without_query() {
    let (gw, log) = fake_gateway(Arc::new(|_, _| MONEY_NOT_ENOUGH)).await;
    let e = disburse_exactly_once(&client(gw), &disburse(), &fast())
        .await
        .unwrap_err();
    assert_eq!(e.outcome(), Outcome::Rejected, "{e}");
    assert_eq!(log.of(DISBURSE).len(), 1);
    assert!(log.of(QUERY).is_empty());
}

#[tokio::test]
async fn refusal_after_unknown_is_resolved_by_query() {
    // The first attempt may have moved the money; the refusal of the second proves nothing.
    let (gw, log) = fake_gateway(Arc::new(|m, n| match (m, n) {
        (QUERY, _) => QUERY_SUCCESS,
        (_, 0) => UNKNOWN_20000,
        _ => MONEY_NOT_ENOUGH,
    }))
    .await;
    let r = disburse_exactly_once(&client(gw), &disburse(), &fast()).await;
    assert!(matches!(r, Ok(Resolution::Done(_))), "{r:?}");
    assert_eq!(log.of(DISBURSE).len(), 2);
    assert_eq!(log.of(QUERY).len(), 1);
}

fn refund() -> CouponOrderRefundRequest {
    CouponOrderRefundRequest::builder()
        .auth_no("2014031600002001260000001024")
        .out_request_no("refund-1")
        .amount(amount!("1.00"))
        .remark("退回")
        .build()
}

#[tokio::test]
async fn refund_unknown_then_query_success_is_done() {
    let (gw, log) = fake_gateway(Arc::new(|m, _| {
        if m == QUERY {
            QUERY_REFUND_SUCCESS
        } else {
            UNKNOWN_20000
        }
    }))
    .await;
    let r = refund_exactly_once(&client(gw), &refund(), &fast()).await;
    let Ok(Resolution::Done(resp)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(resp.out_request_no.as_deref(), Some("refund-1"));
    assert_eq!(resp.amount, Some(amount!("1.00")));
    assert_same_request_resent(&log, REFUND, 3);
    let q: serde_json::Value = serde_json::from_str(&log.of(QUERY)[0]).unwrap();
    assert_eq!(q["auth_no"], "2014031600002001260000001024");
    assert_eq!(q["out_request_no"], "refund-1");
}

#[tokio::test]
async fn query_answer_about_another_operation_stays_unknown() {
    // SUCCESS, but for out_request_no r-1, not refund-1.
    let (gw, _) = fake_gateway(Arc::new(|m, _| {
        if m == QUERY {
            QUERY_SUCCESS
        } else {
            UNKNOWN_20000
        }
    }))
    .await;
    let r = refund_exactly_once(&client(gw), &refund(), &fast()).await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
}
