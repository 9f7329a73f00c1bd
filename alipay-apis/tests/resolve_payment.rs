//! Exactly once for the trade family, transfers and pre-auth freezes, over real HTTP on
//! loopback: a fake gateway (alipay-testkit's `FakeGateway`) scripted per method and per
//! attempt, signing its answers with the test gateway key. Each resolver's branches: done,
//! closed, pending then done, pending until patience ends (then cancelled where the API can be
//! called off), a cancel that asks to be retried, not found, an answer about another operation.

use std::time::Duration;

use alipay_apis::alipay_core::resolve::{Cancel, Resolve};
use alipay_apis::fund::{
    AuthOrderFreezeAuthCodeType, AuthOrderFreezeRequest, AuthOrderFreezeResponseStatus,
    TransUniTransferBizScene, TransUniTransferProductCode, TransUniTransferRequest,
    TransUniTransferResponseStatus,
};
use alipay_apis::trade::{PayRequest, RefundRequest};
use alipay_apis::types::{Participant, ParticipantIdentityType};
use alipay_apis::{
    AlipayClient, Error, NotDoneReason, Outcome, Patience, Resolution, RetryPolicy, amount,
};
use alipay_testkit::{FakeGateway, Reply, keys};
use serde_json::Value;

const PAY: &str = "alipay.trade.pay";
const TRADE_QUERY: &str = "alipay.trade.query";
const TRADE_CANCEL: &str = "alipay.trade.cancel";
const REFUND: &str = "alipay.trade.refund";
const REFUND_QUERY: &str = "alipay.trade.fastpay.refund.query";
const TRANSFER: &str = "alipay.fund.trans.uni.transfer";
const TRANSFER_QUERY: &str = "alipay.fund.trans.common.query";
const FREEZE: &str = "alipay.fund.auth.order.freeze";
const FREEZE_QUERY: &str = "alipay.fund.auth.operation.detail.query";
const FREEZE_CANCEL: &str = "alipay.fund.auth.operation.cancel";

const UNKNOWN_20000: &str =
    r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error"}"#;
const CONFIRMING_10003: &str = r#"{"code":"10003","msg":" order success pay inprocess","trade_no":"2026120222001400001","out_trade_no":"T_1","buyer_logon_id":"ali***@example.com","total_amount":"88.88"}"#;
const SYSTEM_ERROR: &str = r#"{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误"}"#;

const TRADE_SUCCESS: &str = r#"{"code":"10000","msg":"Success","trade_no":"2026120222001400001","out_trade_no":"T_1","buyer_logon_id":"ali***@example.com","trade_status":"TRADE_SUCCESS","total_amount":"88.88","receipt_amount":"88.88","buyer_pay_amount":"88.88","send_pay_date":"2026-12-02 10:00:05","buyer_user_id":"2088102138117431","fund_bill_list":[{"fund_channel":"ALIPAYACCOUNT","amount":"88.88"}]}"#;
const TRADE_WAITING: &str = r#"{"code":"10000","msg":"Success","trade_no":"2026120222001400001","out_trade_no":"T_1","buyer_logon_id":"ali***@example.com","trade_status":"WAIT_BUYER_PAY","total_amount":"88.88"}"#;
const TRADE_CLOSED: &str = r#"{"code":"10000","msg":"Success","trade_no":"2026120222001400001","out_trade_no":"T_1","buyer_logon_id":"ali***@example.com","trade_status":"TRADE_CLOSED","total_amount":"88.88"}"#;
const OTHER_TRADE_SUCCESS: &str = r#"{"code":"10000","msg":"Success","trade_no":"2026120222001400009","out_trade_no":"T_9","buyer_logon_id":"ali***@example.com","trade_status":"TRADE_SUCCESS","total_amount":"88.88"}"#;
const TRADE_NOT_EXIST: &str = r#"{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}"#;
const CANCEL_CLOSED: &str = r#"{"code":"10000","msg":"Success","trade_no":"2026120222001400001","out_trade_no":"T_1","retry_flag":"N","action":"close"}"#;
const CANCEL_RETRY: &str =
    r#"{"code":"10000","msg":"Success","out_trade_no":"T_1","retry_flag":"Y"}"#;

const REFUND_DONE: &str = r#"{"code":"10000","msg":"Success","trade_no":"2026120222001400001","out_trade_no":"T_1","out_request_no":"T_1_R1","total_amount":"88.88","refund_amount":"10.00","refund_status":"REFUND_SUCCESS","gmt_refund_pay":"2026-12-02 11:00:00"}"#;
const REFUND_ABSENT: &str = r#"{"code":"10000","msg":"Success"}"#;
const REFUND_OTHER: &str = r#"{"code":"10000","msg":"Success","out_trade_no":"T_1","out_request_no":"T_1_R2","refund_amount":"10.00","refund_status":"REFUND_SUCCESS"}"#;
const REFUND_OTHER_AMOUNT: &str = r#"{"code":"10000","msg":"Success","out_trade_no":"T_1","out_request_no":"T_1_R1","refund_amount":"5.00","refund_status":"REFUND_SUCCESS"}"#;

const TRANSFER_SUCCESS: &str = r#"{"code":"10000","msg":"Success","order_id":"20261202110070000006380000250621","pay_fund_order_id":"20261202110070001506380000251556","out_biz_no":"B_1","trans_amount":"23.00","status":"SUCCESS","pay_date":"2026-12-02 10:00:00"}"#;
const TRANSFER_DEALING: &str = r#"{"code":"10000","msg":"Success","out_biz_no":"B_1","trans_amount":"23.00","status":"DEALING"}"#;
const TRANSFER_FAIL: &str = r#"{"code":"10000","msg":"Success","out_biz_no":"B_1","trans_amount":"23.00","status":"FAIL","error_code":"PAYEE_NOT_EXIST","fail_reason":"收款方不存在"}"#;
const TRANSFER_OTHER: &str = r#"{"code":"10000","msg":"Success","out_biz_no":"B_2","trans_amount":"23.00","status":"SUCCESS"}"#;
const TRANSFER_NOT_EXIST: &str = r#"{"code":"40004","msg":"Business Failed","sub_code":"ORDER_NOT_EXIST","sub_msg":"转账订单不存在"}"#;

const FREEZE_SUCCESS: &str = r#"{"code":"10000","msg":"Success","auth_no":"2026120210002001660000000001","out_order_no":"F_1","operation_id":"20261202000000001","out_request_no":"F_1_1","amount":"100.00","operation_type":"FREEZE","status":"SUCCESS","gmt_trans":"2026-12-02 10:00:00","payer_user_id":"2088102138117431"}"#;
const FREEZE_INIT: &str = r#"{"code":"10000","msg":"Success","auth_no":"2026120210002001660000000001","out_order_no":"F_1","operation_id":"20261202000000001","out_request_no":"F_1_1","amount":"100.00","operation_type":"FREEZE","status":"INIT"}"#;
const FREEZE_CLOSED: &str = r#"{"code":"10000","msg":"Success","auth_no":"2026120210002001660000000001","out_order_no":"F_1","operation_id":"20261202000000001","out_request_no":"F_1_1","amount":"100.00","operation_type":"FREEZE","status":"CLOSED"}"#;
const FREEZE_OTHER: &str = r#"{"code":"10000","msg":"Success","auth_no":"2026120210002001660000000001","out_order_no":"F_1","operation_id":"20261202000000002","out_request_no":"F_1_2","amount":"100.00","operation_type":"FREEZE","status":"SUCCESS"}"#;
const FREEZE_NOT_EXIST: &str = r#"{"code":"40004","msg":"Business Failed","sub_code":"AUTH_ORDER_NOT_EXIST","sub_msg":"授权单不存在"}"#;
const FREEZE_CANCELLED: &str = r#"{"code":"10000","msg":"Success","auth_no":"2026120210002001660000000001","out_order_no":"F_1","operation_id":"20261202000000001","out_request_no":"F_1_1","action":"close"}"#;

/// A fake gateway answering `script(method, nth)` (nth: 0-based, per method).
fn gateway(
    script: impl Fn(&str, usize) -> &'static str + Send + Sync + 'static,
) -> (AlipayClient, FakeGateway) {
    let gw = FakeGateway::start(move |r| Reply::node(script(&r.method, r.nth)));
    let client = AlipayClient::builder(keys::APP_ID, keys::app_private(), keys::alipay_public())
        .gateway(gw.gateway())
        .build()
        .unwrap();
    (client, gw)
}

/// The biz_content of every request of `method`, parsed, in order.
fn sent(gw: &FakeGateway, method: &str) -> Vec<Value> {
    gw.requests_of(method)
        .iter()
        .map(|r| r.biz_json())
        .collect()
}

fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(3)
        .initial_backoff(Duration::from_millis(2))
        .max_backoff(Duration::from_millis(10))
}

/// A short patience for the tests: `queries` times, 5 ms apart.
fn brief(queries: u32) -> Patience {
    Patience::new(queries, Duration::from_millis(5))
}

// ---- alipay.trade.pay ---------------------------------------------------------------------

fn pay() -> PayRequest {
    PayRequest::builder()
        .out_trade_no("T_1")
        .total_amount(amount!("88.88"))
        .subject("条码支付")
        .auth_code("283456789012345678")
        .build()
}

#[test]
fn pay_waits_like_the_face_to_face_flow_and_cancels_by_out_trade_no() {
    assert_eq!(pay().patience(), Patience::new(6, Duration::from_secs(5)));
    assert_eq!(pay().cancel().out_trade_no.as_deref(), Some("T_1"));
}

#[tokio::test]
async fn pay_10003_then_paid_is_done_filled_from_the_query() {
    let (client, gw) = gateway(|m, _| match m {
        PAY => CONFIRMING_10003,
        TRADE_QUERY => TRADE_SUCCESS,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&pay())
        .retry(fast())
        .patience(brief(3))
        .exactly_once_or_cancel()
        .await;
    let Ok(Resolution::Done(paid)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(paid.trade_no.as_deref(), Some("2026120222001400001"));
    assert_eq!(paid.total_amount, Some(amount!("88.88")));
    assert_eq!(paid.receipt_amount, Some(amount!("88.88")));
    assert_eq!(paid.buyer_user_id.as_deref(), Some("2088102138117431"));
    assert!(paid.gmt_payment.is_some());
    assert_eq!(paid.fund_bill_list.as_ref().map(Vec::len), Some(1));
    // 10003 is an unknown outcome: the retry layer re-sent the same payment (harmless: the
    // same out_trade_no), then one query by out_trade_no; no cancel.
    let pays = sent(&gw, PAY);
    assert_eq!(pays.len(), 3);
    assert!(pays.iter().all(|p| *p == pays[0]));
    assert_eq!(
        sent(&gw, TRADE_QUERY),
        vec![serde_json::json!({"out_trade_no": "T_1"})]
    );
    assert!(sent(&gw, TRADE_CANCEL).is_empty());
}

#[tokio::test]
async fn pay_confirmed_during_the_polling_is_done() {
    let (client, gw) = gateway(|m, n| match (m, n) {
        (PAY, _) => CONFIRMING_10003,
        (TRADE_QUERY, 0 | 1) => TRADE_WAITING,
        (TRADE_QUERY, _) => TRADE_SUCCESS,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&pay())
        .patience(brief(6))
        .exactly_once_or_cancel()
        .await;
    assert!(matches!(r, Ok(Resolution::Done(_))), "{r:?}");
    assert_eq!(sent(&gw, PAY).len(), 1);
    assert_eq!(sent(&gw, TRADE_QUERY).len(), 3);
    assert!(sent(&gw, TRADE_CANCEL).is_empty());
}

#[tokio::test]
async fn pay_never_confirmed_is_cancelled_after_the_patience() {
    let (client, gw) = gateway(|m, _| match m {
        PAY => CONFIRMING_10003,
        TRADE_QUERY => TRADE_WAITING,
        TRADE_CANCEL => CANCEL_CLOSED,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&pay())
        .patience(brief(4))
        .exactly_once_or_cancel()
        .await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Cancelled))),
        "{r:?}"
    );
    assert_eq!(sent(&gw, TRADE_QUERY).len(), 4);
    assert_eq!(
        sent(&gw, TRADE_CANCEL),
        vec![serde_json::json!({"out_trade_no": "T_1"})]
    );
}

#[tokio::test]
async fn pay_still_waiting_without_cancel_stays_unknown() {
    let (client, gw) = gateway(|m, _| match m {
        PAY => CONFIRMING_10003,
        TRADE_QUERY => TRADE_WAITING,
        _ => panic!("{m}"),
    });
    let r = client.call(&pay()).patience(brief(2)).exactly_once().await;
    let Ok(Resolution::Unknown(e)) = r else {
        panic!("{r:?}")
    };
    assert!(
        matches!(&e, Error::UnknownOutcome(a) if a.code == "10003"),
        "{e}"
    );
    assert_eq!(sent(&gw, TRADE_QUERY).len(), 2);
}

#[tokio::test]
async fn pay_cancel_asking_for_a_retry_stays_unknown() {
    let (client, gw) = gateway(|m, _| match m {
        PAY => UNKNOWN_20000,
        TRADE_QUERY => TRADE_WAITING,
        TRADE_CANCEL => CANCEL_RETRY,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&pay())
        .patience(brief(2))
        .exactly_once_or_cancel()
        .await;
    let Ok(Resolution::Unknown(e)) = r else {
        panic!("{r:?}")
    };
    // The cancel answered but did not confirm: the payment's own unknown error.
    assert_eq!(e.outcome(), Outcome::Unknown);
    assert_eq!(sent(&gw, TRADE_CANCEL).len(), 1);
}

#[tokio::test]
async fn pay_cancel_failing_stays_unknown() {
    let (client, _gw) = gateway(|m, _| match m {
        PAY | TRADE_QUERY => UNKNOWN_20000,
        TRADE_CANCEL => SYSTEM_ERROR,
        _ => panic!("{m}"),
    });
    let r = client.call(&pay()).exactly_once_or_cancel().await;
    let Ok(Resolution::Unknown(e)) = r else {
        panic!("{r:?}")
    };
    assert!(
        matches!(&e, Error::Business(b) if b.sub_code.as_deref() == Some("ACQ.SYSTEM_ERROR")),
        "{e}"
    );
}

#[tokio::test]
async fn pay_closed_is_not_done_without_cancel() {
    let (client, gw) = gateway(|m, _| match m {
        PAY => UNKNOWN_20000,
        TRADE_QUERY => TRADE_CLOSED,
        _ => panic!("{m}"),
    });
    let r = client.call(&pay()).exactly_once_or_cancel().await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Closed))),
        "{r:?}"
    );
    assert!(sent(&gw, TRADE_CANCEL).is_empty());
}

#[tokio::test]
async fn pay_not_found_is_not_done() {
    let (client, _gw) = gateway(|m, _| match m {
        PAY => UNKNOWN_20000,
        TRADE_QUERY => TRADE_NOT_EXIST,
        _ => panic!("{m}"),
    });
    let r = client.call(&pay()).exactly_once_or_cancel().await;
    let Ok(Resolution::NotDone(NotDoneReason::NotFound { sub_code })) = r else {
        panic!("{r:?}")
    };
    assert_eq!(sub_code, "ACQ.TRADE_NOT_EXIST");
}

#[tokio::test]
async fn pay_answer_about_another_trade_stays_unknown_then_is_cancelled() {
    let (client, gw) = gateway(|m, _| match m {
        PAY => UNKNOWN_20000,
        TRADE_QUERY => OTHER_TRADE_SUCCESS,
        TRADE_CANCEL => CANCEL_CLOSED,
        _ => panic!("{m}"),
    });
    let r = client.call(&pay()).exactly_once().await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
    // Asked once: the answer is definite, just not about this trade.
    assert_eq!(sent(&gw, TRADE_QUERY).len(), 1);
    let r = client.call(&pay()).exactly_once_or_cancel().await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Cancelled))),
        "{r:?}"
    );
}

// ---- alipay.trade.refund ------------------------------------------------------------------

fn refund() -> RefundRequest {
    RefundRequest::builder()
        .out_trade_no("T_1")
        .refund_amount(amount!("10.00"))
        .out_request_no("T_1_R1")
        .build()
}

#[tokio::test]
async fn refund_unknown_then_refunded_is_done() {
    let (client, gw) = gateway(|m, _| match m {
        REFUND => UNKNOWN_20000,
        REFUND_QUERY => REFUND_DONE,
        _ => panic!("{m}"),
    });
    let r = client.call(&refund()).retry(fast()).exactly_once().await;
    let Ok(Resolution::Done(done)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(done.trade_no.as_deref(), Some("2026120222001400001"));
    assert!(done.gmt_refund_pay.is_some());
    // What only the refund call answers is not made up.
    assert_eq!(done.refund_fee, None);
    assert_eq!(done.fund_change, None);
    let refunds = sent(&gw, REFUND);
    assert_eq!(refunds.len(), 3);
    assert!(refunds.iter().all(|p| *p == refunds[0]));
    assert_eq!(
        sent(&gw, REFUND_QUERY),
        vec![serde_json::json!({"out_trade_no": "T_1", "out_request_no": "T_1_R1"})]
    );
}

#[tokio::test]
async fn refund_not_visible_yet_then_refunded_is_done() {
    let (client, gw) = gateway(|m, n| match (m, n) {
        (REFUND, _) => UNKNOWN_20000,
        (REFUND_QUERY, 0) => REFUND_ABSENT,
        (REFUND_QUERY, _) => REFUND_DONE,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&refund())
        .patience(brief(2))
        .exactly_once()
        .await;
    assert!(matches!(r, Ok(Resolution::Done(_))), "{r:?}");
    assert_eq!(sent(&gw, REFUND_QUERY).len(), 2);
}

#[tokio::test]
async fn refund_never_visible_stays_unknown() {
    let (client, gw) = gateway(|m, _| match m {
        REFUND => UNKNOWN_20000,
        REFUND_QUERY => REFUND_ABSENT,
        _ => panic!("{m}"),
    });
    assert_eq!(
        refund().patience(),
        Patience::new(2, Duration::from_secs(10))
    );
    let r = client
        .call(&refund())
        .patience(brief(3))
        .exactly_once()
        .await;
    // Not Closed: only the same out_request_no may be sent again.
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
    assert_eq!(sent(&gw, REFUND_QUERY).len(), 3);
}

#[tokio::test]
async fn refund_query_about_another_refund_or_amount_stays_unknown() {
    for other in [REFUND_OTHER, REFUND_OTHER_AMOUNT] {
        let (client, _gw) = gateway(move |m, _| match m {
            REFUND => UNKNOWN_20000,
            REFUND_QUERY => other,
            _ => panic!("{m}"),
        });
        let r = client.call(&refund()).exactly_once().await;
        assert!(matches!(r, Ok(Resolution::Unknown(_))), "{other}: {r:?}");
    }
}

#[tokio::test]
async fn refund_of_unknown_trade_is_not_found() {
    let (client, _gw) = gateway(|m, _| match m {
        REFUND => UNKNOWN_20000,
        REFUND_QUERY => TRADE_NOT_EXIST,
        _ => panic!("{m}"),
    });
    let r = client.call(&refund()).exactly_once().await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::NotFound { .. }))),
        "{r:?}"
    );
}

#[tokio::test]
async fn a_full_refund_without_out_request_no_is_looked_up_by_out_trade_no() {
    let (client, gw) = gateway(|m, _| match m {
        REFUND => UNKNOWN_20000,
        REFUND_QUERY => REFUND_ABSENT,
        _ => panic!("{m}"),
    });
    let full = RefundRequest::builder()
        .out_trade_no("T_1")
        .refund_amount(amount!("88.88"))
        .build();
    let r = client.call(&full).patience(brief(1)).exactly_once().await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
    assert_eq!(
        sent(&gw, REFUND_QUERY),
        vec![serde_json::json!({"out_trade_no": "T_1", "out_request_no": "T_1"})]
    );
}

// ---- alipay.fund.trans.uni.transfer -------------------------------------------------------

fn transfer(scene: Option<TransUniTransferBizScene>) -> TransUniTransferRequest {
    let payee = Participant::builder()
        .identity("2088102138117431")
        .identity_type(ParticipantIdentityType::AlipayUserId)
        .build();
    let r = TransUniTransferRequest::builder()
        .out_biz_no("B_1")
        .trans_amount(amount!("23.00"))
        .product_code(TransUniTransferProductCode::TransAccountNoPwd)
        .payee_info(payee)
        .order_title("代发");
    match scene {
        Some(s) => r.biz_scene(s).build(),
        None => r.build(),
    }
}

#[tokio::test]
async fn transfer_unknown_then_success_is_done() {
    let (client, gw) = gateway(|m, _| match m {
        TRANSFER => UNKNOWN_20000,
        TRANSFER_QUERY => TRANSFER_SUCCESS,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&transfer(None))
        .retry(fast())
        .exactly_once()
        .await;
    let Ok(Resolution::Done(done)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(done.status, Some(TransUniTransferResponseStatus::Success));
    assert_eq!(
        done.order_id.as_deref(),
        Some("20261202110070000006380000250621")
    );
    assert_eq!(done.amount, Some(amount!("23.00")));
    assert!(done.trans_date.is_some());
    // Looked up by out_biz_no + product_code + biz_scene (DIRECT_TRANSFER when not sent).
    assert_eq!(
        sent(&gw, TRANSFER_QUERY),
        vec![serde_json::json!({
            "out_biz_no": "B_1",
            "product_code": "TRANS_ACCOUNT_NO_PWD",
            "biz_scene": "DIRECT_TRANSFER"
        })]
    );
}

#[tokio::test]
async fn transfer_failed_is_closed() {
    let (client, _gw) = gateway(|m, _| match m {
        TRANSFER => UNKNOWN_20000,
        TRANSFER_QUERY => TRANSFER_FAIL,
        _ => panic!("{m}"),
    });
    let r = client.call(&transfer(None)).exactly_once().await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Closed))),
        "{r:?}"
    );
}

#[tokio::test]
async fn transfer_dealing_then_success_is_done() {
    let (client, gw) = gateway(|m, n| match (m, n) {
        (TRANSFER, _) => UNKNOWN_20000,
        (TRANSFER_QUERY, 0) => TRANSFER_DEALING,
        (TRANSFER_QUERY, _) => TRANSFER_SUCCESS,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&transfer(Some(
            TransUniTransferBizScene::PersonalCollection,
        )))
        .patience(brief(3))
        .exactly_once()
        .await;
    assert!(matches!(r, Ok(Resolution::Done(_))), "{r:?}");
    let queries = sent(&gw, TRANSFER_QUERY);
    assert_eq!(queries.len(), 2);
    assert_eq!(queries[0]["biz_scene"], "PERSONAL_COLLECTION");
}

#[tokio::test]
async fn transfer_dealing_is_asked_once_then_unknown() {
    let (client, gw) = gateway(|m, _| match m {
        TRANSFER => UNKNOWN_20000,
        TRANSFER_QUERY => TRANSFER_DEALING,
        _ => panic!("{m}"),
    });
    let r = client.call(&transfer(None)).exactly_once().await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
    assert_eq!(sent(&gw, TRANSFER_QUERY).len(), 1);
}

#[tokio::test]
async fn transfer_not_found_or_about_another_transfer() {
    let (client, _gw) = gateway(|m, _| match m {
        TRANSFER => UNKNOWN_20000,
        TRANSFER_QUERY => TRANSFER_NOT_EXIST,
        _ => panic!("{m}"),
    });
    let r = client.call(&transfer(None)).exactly_once().await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::NotFound { .. }))),
        "{r:?}"
    );
    let (client, _gw) = gateway(|m, _| match m {
        TRANSFER => UNKNOWN_20000,
        TRANSFER_QUERY => TRANSFER_OTHER,
        _ => panic!("{m}"),
    });
    let r = client.call(&transfer(None)).exactly_once().await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
}

// ---- alipay.fund.auth.order.freeze --------------------------------------------------------

fn freeze() -> AuthOrderFreezeRequest {
    AuthOrderFreezeRequest::builder()
        .auth_code("283456789012345678")
        .auth_code_type(AuthOrderFreezeAuthCodeType::BarCode)
        .out_order_no("F_1")
        .out_request_no("F_1_1")
        .order_title("押金")
        .amount(amount!("100.00"))
        .build()
}

#[tokio::test]
async fn freeze_unknown_then_success_is_done() {
    let (client, gw) = gateway(|m, _| match m {
        FREEZE => UNKNOWN_20000,
        FREEZE_QUERY => FREEZE_SUCCESS,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&freeze())
        .retry(fast())
        .exactly_once_or_cancel()
        .await;
    let Ok(Resolution::Done(done)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(done.status, Some(AuthOrderFreezeResponseStatus::Success));
    assert_eq!(
        done.auth_no.as_deref(),
        Some("2026120210002001660000000001")
    );
    assert_eq!(done.amount, Some(amount!("100.00")));
    assert_eq!(
        sent(&gw, FREEZE_QUERY),
        vec![serde_json::json!({"out_order_no": "F_1", "out_request_no": "F_1_1"})]
    );
    assert!(sent(&gw, FREEZE_CANCEL).is_empty());
}

#[tokio::test]
async fn freeze_closed_is_not_done() {
    let (client, _gw) = gateway(|m, _| match m {
        FREEZE => UNKNOWN_20000,
        FREEZE_QUERY => FREEZE_CLOSED,
        _ => panic!("{m}"),
    });
    let r = client.call(&freeze()).exactly_once_or_cancel().await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Closed))),
        "{r:?}"
    );
}

#[tokio::test]
async fn freeze_confirmed_during_the_polling_is_done() {
    let (client, gw) = gateway(|m, n| match (m, n) {
        (FREEZE, _) => UNKNOWN_20000,
        (FREEZE_QUERY, 0) => FREEZE_INIT,
        (FREEZE_QUERY, _) => FREEZE_SUCCESS,
        _ => panic!("{m}"),
    });
    assert_eq!(
        freeze().patience(),
        Patience::new(6, Duration::from_secs(5))
    );
    let r = client
        .call(&freeze())
        .patience(brief(6))
        .exactly_once_or_cancel()
        .await;
    assert!(matches!(r, Ok(Resolution::Done(_))), "{r:?}");
    assert_eq!(sent(&gw, FREEZE_QUERY).len(), 2);
}

#[tokio::test]
async fn freeze_answered_init_is_looked_up_until_confirmed() {
    // 10000 with status INIT: the payer still has to confirm; not Done yet.
    let (client, gw) = gateway(|m, n| match (m, n) {
        (FREEZE, _) => FREEZE_INIT,
        (FREEZE_QUERY, 0) => FREEZE_INIT,
        (FREEZE_QUERY, _) => FREEZE_SUCCESS,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&freeze())
        .patience(brief(6))
        .exactly_once_or_cancel()
        .await;
    let Ok(Resolution::Done(done)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(done.status, Some(AuthOrderFreezeResponseStatus::Success));
    assert_eq!(sent(&gw, FREEZE).len(), 1, "an INIT answer is not re-sent");
    assert_eq!(sent(&gw, FREEZE_QUERY).len(), 2);
    assert!(sent(&gw, FREEZE_CANCEL).is_empty());
}

#[tokio::test]
async fn freeze_answered_init_and_never_confirmed_is_cancelled() {
    let (client, gw) = gateway(|m, _| match m {
        FREEZE | FREEZE_QUERY => FREEZE_INIT,
        FREEZE_CANCEL => FREEZE_CANCELLED,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&freeze())
        .patience(brief(3))
        .exactly_once_or_cancel()
        .await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Cancelled))),
        "{r:?}"
    );
    assert_eq!(sent(&gw, FREEZE_QUERY).len(), 3);
    assert_eq!(sent(&gw, FREEZE_CANCEL).len(), 1);
    // Without a cancel, still unknown: the money may yet be frozen.
    let (client, _gw) = gateway(|m, _| match m {
        FREEZE | FREEZE_QUERY => FREEZE_INIT,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&freeze())
        .patience(brief(2))
        .exactly_once()
        .await;
    let Ok(Resolution::Unknown(e)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(e.outcome(), alipay_apis::Outcome::Unknown);
}

#[tokio::test]
async fn freeze_never_confirmed_is_cancelled_with_a_remark() {
    let (client, gw) = gateway(|m, _| match m {
        FREEZE => UNKNOWN_20000,
        FREEZE_QUERY => FREEZE_INIT,
        FREEZE_CANCEL => FREEZE_CANCELLED,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&freeze())
        .patience(brief(3))
        .exactly_once_or_cancel()
        .await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::Cancelled))),
        "{r:?}"
    );
    assert_eq!(sent(&gw, FREEZE_QUERY).len(), 3);
    let cancels = sent(&gw, FREEZE_CANCEL);
    assert_eq!(cancels.len(), 1);
    assert_eq!(cancels[0]["out_order_no"], "F_1");
    assert_eq!(cancels[0]["out_request_no"], "F_1_1");
    assert!(cancels[0]["remark"].as_str().is_some_and(|r| !r.is_empty()));
}

#[tokio::test]
async fn freeze_cancel_failing_stays_unknown() {
    let (client, _gw) = gateway(|m, _| match m {
        FREEZE => UNKNOWN_20000,
        FREEZE_QUERY => FREEZE_INIT,
        FREEZE_CANCEL => UNKNOWN_20000,
        _ => panic!("{m}"),
    });
    let r = client
        .call(&freeze())
        .patience(brief(1))
        .exactly_once_or_cancel()
        .await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
}

#[tokio::test]
async fn freeze_not_found_or_about_another_operation() {
    let (client, gw) = gateway(|m, _| match m {
        FREEZE => UNKNOWN_20000,
        FREEZE_QUERY => FREEZE_NOT_EXIST,
        _ => panic!("{m}"),
    });
    let r = client.call(&freeze()).exactly_once_or_cancel().await;
    assert!(
        matches!(r, Ok(Resolution::NotDone(NotDoneReason::NotFound { .. }))),
        "{r:?}"
    );
    assert!(sent(&gw, FREEZE_CANCEL).is_empty());
    let (client, _gw) = gateway(|m, _| match m {
        FREEZE => UNKNOWN_20000,
        FREEZE_QUERY => FREEZE_OTHER,
        _ => panic!("{m}"),
    });
    let r = client.call(&freeze()).exactly_once().await;
    assert!(matches!(r, Ok(Resolution::Unknown(_))), "{r:?}");
}
