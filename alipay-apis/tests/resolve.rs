//! The exactly-once resolvers over real HTTP on loopback: a fake gateway scripted per method
//! (disburse / refund keep failing or answer; `alipay.fund.coupon.operation.query` says what
//! happened), signing its answers with the test gateway key (alipay-testkit's `FakeGateway`).

use std::time::Duration;

use alipay_apis::alipay_core::AlipayClient;
use alipay_apis::alipay_core::Gateway;
use alipay_apis::alipay_core::RetryPolicy;
use alipay_apis::alipay_core::{Error, Outcome};
use alipay_apis::fund::{
    CouponOrderDisburseRequest, CouponOrderDisburseResponseStatus, CouponOrderRefundRequest,
};
use alipay_apis::{NotDoneReason, Resolution, UserId, amount};
use alipay_testkit::{FakeGateway, Reply, keys};

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

/// Every request received, per method.
struct Log(FakeGateway);

impl Log {
    /// The `biz_content` of every request of `method`, in order.
    fn of(&self, method: &str) -> Vec<String> {
        self.0
            .requests_of(method)
            .iter()
            .map(|r| r.biz_content().unwrap().to_owned())
            .collect()
    }
}

/// `script` gives the answer node for a request of `method`, the n-th (0-based) of that
/// method; the node is signed with the test gateway key.
fn fake_gateway(
    script: impl Fn(&str, usize) -> &'static str + Send + Sync + 'static,
) -> (Gateway, Log) {
    let gw = FakeGateway::start(move |r| Reply::node(script(&r.method, r.nth)));
    (gw.gateway(), Log(gw))
}

fn client(gateway: Gateway) -> AlipayClient {
    AlipayClient::builder(keys::APP_ID, keys::app_private(), keys::alipay_public())
        .gateway(gateway)
        .build()
        .unwrap()
}

fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(3)
        .initial_backoff(Duration::from_millis(2))
        .max_backoff(Duration::from_millis(10))
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
async fn unknown_disburse_then(
    query: &'static str,
) -> (
    Result<Resolution<alipay_apis::fund::CouponOrderDisburseResponse>, Error>,
    Log,
) {
    let (gw, log) = fake_gateway(move |m, _| if m == QUERY { query } else { UNKNOWN_20000 });
    let r = client(gw)
        .call(&disburse())
        .retry(fast())
        .exactly_once()
        .await;
    (r, log)
}

fn assert_same_request_resent(log: &Log, method: &str, times: usize) {
    let sent = log.of(method);
    assert_eq!(sent.len(), times, "{sent:?}");
    assert!(sent.iter().all(|b| *b == sent[0]), "{sent:?}");
}

#[tokio::test]
async fn call_success_is_done_without_query() {
    let (gw, log) = fake_gateway(|m, n| {
        assert_ne!(m, QUERY);
        if n == 0 { UNKNOWN_20000 } else { DISBURSE_OK }
    });
    let r = client(gw)
        .call(&disburse())
        .retry(fast())
        .exactly_once()
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
    assert!(log.of(QUERY).is_empty());
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
    let (gw, log) = fake_gateway(|_, _| MONEY_NOT_ENOUGH);
    let e = client(gw)
        .call(&disburse())
        .retry(fast())
        .exactly_once()
        .await
        .unwrap_err();
    assert_eq!(e.outcome(), Outcome::Rejected, "{e}");
    assert_eq!(log.of(DISBURSE).len(), 1);
    assert!(log.of(QUERY).is_empty());
}

#[tokio::test]
async fn refusal_after_unknown_is_resolved_by_query() {
    // The first attempt may have moved the money; the refusal of the second proves nothing.
    let (gw, log) = fake_gateway(|m, n| match (m, n) {
        (QUERY, _) => QUERY_SUCCESS,
        (_, 0) => UNKNOWN_20000,
        _ => MONEY_NOT_ENOUGH,
    });
    let r = client(gw)
        .call(&disburse())
        .retry(fast())
        .exactly_once()
        .await;
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
    let (gw, log) = fake_gateway(|m, _| {
        if m == QUERY {
            QUERY_REFUND_SUCCESS
        } else {
            UNKNOWN_20000
        }
    });
    let r = client(gw)
        .call(&refund())
        .retry(fast())
        .exactly_once()
        .await;
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
    let (gw, _log) = fake_gateway(|m, _| {
        if m == QUERY {
            QUERY_SUCCESS
        } else {
            UNKNOWN_20000
        }
    });
    let r = client(gw)
        .call(&refund())
        .retry(fast())
        .exactly_once()
        .await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
}

#[tokio::test]
async fn an_isv_call_queries_with_the_same_app_auth_token() {
    let (gw, log) = fake_gateway(|method, _| match method {
        DISBURSE => UNKNOWN_20000,
        _ => QUERY_SUCCESS,
    });
    let r = client(gw)
        .call(&disburse())
        .retry(fast())
        .app_auth_token("202401BB0123")
        .exactly_once()
        .await;
    assert!(matches!(r, Ok(Resolution::Done(_))), "{r:?}");
    let sent = log.0.requests();
    assert!(sent.iter().any(|r| r.method == QUERY));
    assert!(
        sent.iter()
            .all(|r| r.params.get("app_auth_token").map(String::as_str) == Some("202401BB0123")),
        "every attempt and the query carry the merchant's token"
    );
}
