//! `client.call(..).retry(policy)` over real HTTP on loopback, against the test kit's fake gateway, which verifies our
//! signatures, signs its answers with the test gateway key, counts requests and records every
//! `biz_content` it received: the same request is re-sent only on transient failures.

use std::time::Duration;

use alipay_core::AlipayClient;
use alipay_core::Call;
use alipay_core::Gateway;
use alipay_core::RetryPolicy;
use alipay_core::api::{Api, ExecuteApi, Handling, Mode, Violations};
use alipay_core::{Error, Outcome};
use alipay_testkit::{FakeGateway, Reply, keys, raw};

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

/// Answer this response node, signed with the test gateway key.
fn answer(node: &'static str) -> Reply {
    Reply::node(node)
}

/// Every request the gateway received, verified parameters included.
struct Log(FakeGateway);

impl Log {
    /// How many requests arrived; every one of them must carry our valid signature.
    fn count(&self) -> usize {
        let all = self.0.requests();
        for r in &all {
            assert_eq!(
                r.verified,
                Some(true),
                "request signature does not verify: {}",
                r.sign_content
            );
        }
        all.len()
    }
    fn biz_contents(&self) -> Vec<String> {
        self.0
            .requests()
            .iter()
            .map(|r| r.biz_content().unwrap().to_owned())
            .collect()
    }
}

/// HTTP/1.1 on 127.0.0.1 (keep-alive), verifying every request's signature; `script` says
/// what to do with the n-th request (0-based).
fn fake_gateway(script: impl Fn(usize) -> Reply + Send + Sync + 'static) -> (Gateway, Log) {
    let gw = FakeGateway::builder()
        .verify(keys::app_public())
        .start(move |r| script(r.index));
    (gw.gateway(), Log(gw))
}

fn client(gateway: Gateway) -> AlipayClient {
    AlipayClient::builder(keys::APP_ID, keys::app_private(), keys::alipay_public())
        .gateway(gateway)
        .build()
        .unwrap()
}

fn fast(max_attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(max_attempts)
        .initial_backoff(Duration::from_millis(2))
        .max_backoff(Duration::from_millis(10))
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
    let (gw, log) = fake_gateway(|n| answer(if n < 3 { UNKNOWN_20000 } else { SUCCESS }));
    let r = client(gw)
        .call(&Disburse)
        .retry(fast(4))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status.as_deref(), Some("SUCCESS"));
    assert_eq!(r.out_request_no.as_deref(), Some("r-1"));
    assert_eq!(log.count(), 4);
    assert_all_identical(&log);
}

#[tokio::test]
async fn processing_10003_is_resent_then_succeeds() {
    let (gw, log) = fake_gateway(|n| answer(if n == 0 { PROCESSING_10003 } else { SUCCESS }));
    let a = client(gw)
        .call(&call())
        .retry(fast(4))
        .send()
        .await
        .unwrap();
    assert_eq!(a.node, SUCCESS);
    assert_eq!(log.count(), 2);
    assert_all_identical(&log);
}

#[tokio::test]
async fn dropped_connection_is_resent_then_succeeds() {
    let (gw, log) = fake_gateway(|n| {
        if n == 0 {
            Reply::drop_connection()
        } else {
            answer(SUCCESS)
        }
    });
    let c = client(gw);
    // Without retry the drop is an Unknown outcome: the request reached the gateway.
    let e = c.call(&call()).send().await.unwrap_err();
    assert_eq!(e.outcome(), Outcome::Unknown, "{e}");
    assert!(matches!(e, Error::Transport(_)), "{e}");

    let (gw, log2) = fake_gateway(|n| {
        if n == 0 {
            Reply::drop_connection()
        } else {
            answer(SUCCESS)
        }
    });
    let a = client(gw)
        .call(&call())
        .retry(fast(4))
        .send()
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
    let (gw, log) = fake_gateway(|n| {
        if n == 0 {
            Reply::node(SUCCESS).forged()
        } else {
            answer(SUCCESS)
        }
    });
    let a = client(gw)
        .call(&call())
        .retry(fast(4))
        .send()
        .await
        .unwrap();
    assert_eq!(a.node, SUCCESS);
    assert_eq!(log.count(), 2);
    assert_all_identical(&log);
}

#[tokio::test]
async fn business_failure_is_sent_exactly_once() {
    let (gw, log) = fake_gateway(|_| answer(MONEY_NOT_ENOUGH));
    let e = client(gw)
        .call(&Disburse)
        .retry(fast(4))
        .send()
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
    let (gw, log) = fake_gateway(|n| answer(if n < 2 { SYSTEM_ERROR } else { SUCCESS }));
    let r = client(gw.clone())
        .call(&Disburse)
        .retry(fast(4))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status.as_deref(), Some("SUCCESS"));
    assert_eq!(log.count(), 3);
    assert_all_identical(&log);

    // Untyped calls have no spec to ask: a business refusal is never re-sent.
    let (gw, log) = fake_gateway(|_| answer(SYSTEM_ERROR));
    let e = client(gw)
        .call(&call())
        .retry(fast(4))
        .send()
        .await
        .unwrap_err();
    assert!(matches!(&e, Error::Business(_)), "{e}");
    assert_eq!(log.count(), 1);
}

#[tokio::test]
async fn a_repeated_business_code_that_never_clears_is_returned_as_refused() {
    let (gw, log) = fake_gateway(|_| answer(SYSTEM_ERROR));
    let e = client(gw)
        .call(&Disburse)
        .retry(fast(3))
        .send()
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
    let (gw, log) = fake_gateway(|_| answer(UNKNOWN_20000));
    let c = client(gw);
    let e = c.call(&Disburse).retry(fast(3)).send().await.unwrap_err();
    assert!(
        matches!(&e, Error::UnknownOutcome(a) if a.code == "20000"),
        "{e}"
    );
    assert_eq!(e.outcome(), Outcome::Unknown);
    assert_eq!(log.count(), 3);
    assert_all_identical(&log);

    let report = c.call(&call()).retry(fast(2)).send_with_report().await;
    assert_eq!(report.attempts(), 2);
    assert!(report.earlier_unknown());
    assert_eq!(log.count(), 5);
}

#[tokio::test]
async fn refusal_after_an_unknown_attempt_stays_unknown() {
    // The first attempt may have moved the money; the refusal of the second proves nothing.
    let (gw, log) = fake_gateway(|n| {
        answer(if n == 0 {
            UNKNOWN_20000
        } else {
            MONEY_NOT_ENOUGH
        })
    });
    let c = client(gw);
    let report = c.call(&call()).retry(fast(4)).send_with_report().await;
    assert_eq!(report.attempts(), 2);
    assert!(matches!(&report.result, Err(Error::Business(_))));
    let e = report.into_result().unwrap_err();
    assert!(matches!(&e, Error::UnknownOutcome(_)), "{e}");
    assert_eq!(log.count(), 2);
}

#[tokio::test]
async fn no_retry_policy_sends_once() {
    let (gw, log) = fake_gateway(|_| answer(UNKNOWN_20000));
    let e = client(gw)
        .call(&call())
        .retry(RetryPolicy::none())
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.outcome(), Outcome::Unknown);
    assert_eq!(log.count(), 1);
}

#[tokio::test]
async fn invalid_request_is_never_sent() {
    let (gw, log) = fake_gateway(|_| answer(SUCCESS));
    let e = client(gw)
        .call(&Call::new(""))
        .retry(fast(4))
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.outcome(), Outcome::NotSent, "{e}");
    assert_eq!(log.count(), 0);
}

#[tokio::test]
async fn refused_connection_is_retried_and_stays_not_sent() {
    // Nothing listens: every attempt fails before a byte leaves.
    let addr = raw::unused_addr();
    let c = client(Gateway::new(&format!("http://{addr}/gateway.do")).unwrap());
    let report = c.call(&call()).retry(fast(3)).send_with_report().await;
    assert_eq!(report.attempts(), 3);
    let e = report.into_result().unwrap_err();
    assert_eq!(e.outcome(), Outcome::NotSent, "{e}");
}
