//! The business rules and error codes of the specs through `Ledger::handle`.

use alipay_sandbox::{DEMO_MERCHANT, DEMO_TEMPLATE, DEMO_USERS, Ledger, Reply, Template};
use serde_json::json;

const APP: &str = "2021000000000000";
const NOW: &str = "2026-11-22 10:00:00";
const PAY: &str = "alipay.fund.coupon.order.agreement.pay";
const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
const REFUND: &str = "alipay.fund.coupon.order.refund";
const QUERY: &str = "alipay.fund.coupon.operation.query";
const VOUCHER_CREATE: &str = "alipay.fund.auth.order.voucher.create";
const VOUCHER_SEND: &str = "alipay.marketing.voucher.send";

const ALICE: &str = DEMO_USERS[0].0;
const BOB: &str = DEMO_USERS[1].0;
const BOB_LOGON: &str = DEMO_USERS[1].1;
const CAROL: &str = DEMO_USERS[2].0;

fn call(l: &mut Ledger, method: &str, biz: serde_json::Value) -> Reply {
    l.handle(APP, method, &biz.to_string(), NOW)
}

fn assert_ok(r: &Reply) {
    assert_eq!(r.code(), "10000", "{}", r.node);
    assert_eq!(r.node["msg"], "Success");
}

fn assert_biz(r: &Reply, sub_code: &str) {
    assert_eq!(r.code(), "40004", "{}", r.node);
    assert_eq!(r.node["msg"], "Business Failed");
    assert_eq!(r.sub_code(), Some(sub_code), "{}", r.node);
    assert!(!r.sub_msg().unwrap_or("").is_empty());
    assert!(r.events.is_empty());
}

fn pay(l: &mut Ledger, out_order_no: &str, amount: &str) -> Reply {
    call(
        l,
        PAY,
        json!({"out_order_no": out_order_no, "out_request_no": format!("{out_order_no}-r"),
               "order_title": "红包", "amount": amount}),
    )
}

fn disburse_by_auth(l: &mut Ledger, auth_no: &str, no: &str, payee: &str, amount: &str) -> Reply {
    call(
        l,
        DISBURSE,
        json!({"out_order_no": no, "out_request_no": format!("{no}-r"), "order_title": "红包打款",
               "amount": amount, "deduct_auth_no": auth_no, "payee_user_id": payee}),
    )
}

fn refund(l: &mut Ledger, auth_no: &str, no: &str, amount: &str) -> Reply {
    call(
        l,
        REFUND,
        json!({"auth_no": auth_no, "out_request_no": no, "amount": amount, "remark": "红包退款"}),
    )
}

#[test]
fn red_packet_story_conserves_money() {
    let mut l = Ledger::with_demo_data();
    let total = l.total_money();
    let merchant = l.balance(DEMO_MERCHANT).unwrap_or(0);

    let paid = pay(&mut l, "P1", "10.00");
    assert_ok(&paid);
    assert_eq!(paid.field("amount"), Some("10.00"));
    assert_eq!(paid.field("status"), Some("SUCCESS"));
    assert_eq!(paid.field("gmt_trans"), Some(NOW));
    let auth_no = paid.field("auth_no").unwrap_or_default().to_owned();
    assert_eq!(auth_no.len(), 28);
    assert_eq!(l.balance(DEMO_MERCHANT), Some(merchant - 1000));
    assert_eq!(l.total_money(), total);

    // 1: by auth_no and user id.
    let d1 = disburse_by_auth(&mut l, &auth_no, "D1", ALICE, "3.00");
    assert_ok(&d1);
    assert_eq!(d1.field("auth_no"), Some(auth_no.as_str()));
    assert_eq!(d1.field("out_order_no"), Some("D1"));
    assert_eq!(d1.field("amount"), Some("3.00"));
    assert_eq!(l.balance(ALICE), Some(DEMO_USERS[0].3 + 300));
    assert_eq!(l.total_money(), total);
    let [event] = d1.events.as_slice() else {
        panic!("one event expected: {:?}", d1.events)
    };
    assert_eq!(event.notify_type, "fund_auth_pay");
    assert_eq!(event.app_id, APP);
    assert_eq!(event.get("operation_type"), Some("PAY"));
    assert_eq!(event.get("amount"), Some("3.00"));
    assert_eq!(event.get("payee_user_id"), Some(ALICE));
    assert_eq!(event.get("payee_logon_id"), Some("ali***@sandbox.test"));
    assert_eq!(event.get("operation_id"), d1.field("operation_id"));

    // 2: by out_order_no and logon id (amount as a JSON number).
    let d2 = call(
        &mut l,
        DISBURSE,
        json!({"out_order_no": "D2", "out_request_no": "D2-r", "order_title": "红包打款",
               "amount": 2.5, "deduct_out_order_no": "P1", "payee_logon_id": BOB_LOGON}),
    );
    assert_ok(&d2);
    assert_eq!(d2.field("amount"), Some("2.50"));
    assert_eq!(l.balance(BOB), Some(DEMO_USERS[1].3 + 250));
    assert_eq!(l.total_money(), total);

    // 3: deduct_auth_no wins over a wrong deduct_out_order_no; payee_user_id wins too.
    let d3 = call(
        &mut l,
        DISBURSE,
        json!({"out_order_no": "D3", "out_request_no": "D3-r", "order_title": "红包打款",
               "amount": "4.00", "deduct_auth_no": auth_no, "deduct_out_order_no": "nope",
               "payee_user_id": CAROL, "payee_logon_id": BOB_LOGON}),
    );
    assert_ok(&d3);
    assert_eq!(l.balance(CAROL), Some(DEMO_USERS[2].3 + 400));
    assert_eq!(l.red_packet(&auth_no).map(|p| p.remaining), Some(50));
    assert_eq!(l.total_money(), total);

    // 4: more than the 0.50 left.
    let d4 = disburse_by_auth(&mut l, &auth_no, "D4", ALICE, "1.00");
    assert_biz(&d4, "MONEY_NOT_ENOUGH");
    assert_eq!(d4.sub_msg(), Some("本次打款的金额超过剩余金额"));
    assert_eq!(l.total_money(), total);

    // Over-refund, then the remainder.
    assert_biz(&refund(&mut l, &auth_no, "R0", "0.51"), "MONEY_NOT_ENOUGH");
    let r = refund(&mut l, &auth_no, "R1", "0.50");
    assert_ok(&r);
    assert_eq!(r.field("out_order_no"), Some("P1"));
    assert_eq!(l.balance(DEMO_MERCHANT), Some(merchant - 950));
    assert_eq!(l.red_packet(&auth_no).map(|p| p.remaining), Some(0));
    assert_eq!(l.total_money(), total);
    let [event] = r.events.as_slice() else {
        panic!("one event expected: {:?}", r.events)
    };
    assert_eq!(event.notify_type, "fund_stdtrustee_refund.success");
    assert_eq!(event.get("operation_type"), Some("REFUND"));
    assert_eq!(event.get("payer_user_id"), Some(DEMO_MERCHANT));
    assert_eq!(event.get("amount"), Some("0.50"));

    // Closed after the refund.
    assert_biz(
        &disburse_by_auth(&mut l, &auth_no, "D5", ALICE, "0.01"),
        "ORDER_ALREADY_CLOSED",
    );
    assert_biz(&refund(&mut l, &auth_no, "R2", "0.01"), "MONEY_NOT_ENOUGH");
    assert_eq!(l.total_money(), total);

    // Every operation, by either id pair.
    let expected = [
        (&paid, "P1", "P1-r", "FREEZE", "10.00"),
        (&d1, "D1", "D1-r", "PAY", "3.00"),
        (&d2, "D2", "D2-r", "PAY", "2.50"),
        (&d3, "D3", "D3-r", "PAY", "4.00"),
        (&r, "P1", "R1", "REFUND", "0.50"),
    ];
    for (reply, out_order_no, out_request_no, op_type, amount) in expected {
        let operation_id = reply.field("operation_id").unwrap_or_default();
        let by_ids = call(
            &mut l,
            QUERY,
            json!({"auth_no": auth_no, "operation_id": operation_id}),
        );
        assert_ok(&by_ids);
        assert_eq!(by_ids.field("operation_type"), Some(op_type));
        assert_eq!(by_ids.field("amount"), Some(amount));
        assert_eq!(by_ids.field("status"), Some("SUCCESS"));
        assert_eq!(by_ids.field("out_request_no"), Some(out_request_no));
        assert_eq!(by_ids.field("total_pay_refund_amount"), Some("0.50"));
        let by_merchant_ids = call(
            &mut l,
            QUERY,
            json!({"out_order_no": out_order_no, "out_request_no": out_request_no}),
        );
        assert_eq!(by_merchant_ids, by_ids);
        // The red packet's out_order_no finds the disbursements too.
        let by_packet = call(
            &mut l,
            QUERY,
            json!({"out_order_no": "P1", "out_request_no": out_request_no}),
        );
        assert_eq!(by_packet, by_ids);
    }
    let d1_query = call(
        &mut l,
        QUERY,
        json!({"auth_no": auth_no, "operation_id": d1.field("operation_id")}),
    );
    assert_eq!(d1_query.field("payee_user_id"), Some(ALICE));
    assert_eq!(d1_query.field("payer_user_id"), Some(DEMO_MERCHANT));
    assert_eq!(d1_query.field("order_title"), Some("红包打款"));
    // auth_no / operation_id win over wrong merchant ids.
    let winning = call(
        &mut l,
        QUERY,
        json!({"auth_no": auth_no, "out_order_no": "nope",
               "operation_id": d1.field("operation_id"), "out_request_no": "nope"}),
    );
    assert_eq!(winning, d1_query);
    assert_biz(
        &call(
            &mut l,
            QUERY,
            json!({"auth_no": "404", "operation_id": "1"}),
        ),
        "AUTH_ORDER_NOT_EXIST",
    );
    assert_biz(
        &call(
            &mut l,
            QUERY,
            json!({"auth_no": auth_no, "out_request_no": "404"}),
        ),
        "AUTH_OPERATION_NOT_EXIST",
    );
    assert_eq!(l.total_money(), total);
}

#[test]
fn identical_replay_returns_the_same_reply_without_moving_money() {
    let mut l = Ledger::with_demo_data();
    let first = pay(&mut l, "P1", "10.00");
    let again = pay(&mut l, "P1", "10.00");
    assert_eq!(first.node, again.node);
    let merchant = l.balance(DEMO_MERCHANT);
    let total = l.total_money();
    let auth_no = first.field("auth_no").unwrap_or_default().to_owned();

    let d = disburse_by_auth(&mut l, &auth_no, "D1", ALICE, "3.00");
    assert_ok(&d);
    let alice = l.balance(ALICE);
    // The same content written differently (a number, keys reordered) is the same request.
    let replay = call(
        &mut l,
        DISBURSE,
        json!({"payee_user_id": ALICE, "deduct_auth_no": auth_no, "amount": 3,
               "order_title": "红包打款", "out_request_no": "D1-r", "out_order_no": "D1"}),
    );
    assert_eq!(replay.node, d.node);
    assert!(replay.events.is_empty(), "no second notification");
    assert_eq!(l.balance(ALICE), alice);
    assert_eq!(l.red_packet(&auth_no).map(|p| p.remaining), Some(700));

    let r = refund(&mut l, &auth_no, "R1", "1.00");
    assert_ok(&r);
    let merchant_after = l.balance(DEMO_MERCHANT);
    assert_eq!(refund(&mut l, &auth_no, "R1", "1.00").node, r.node);
    assert_eq!(l.balance(DEMO_MERCHANT), merchant_after);
    assert_eq!(merchant_after, merchant.map(|m| m + 100));
    assert_eq!(l.total_money(), total);
    assert_eq!(l.operations().len(), 3);
}

#[test]
fn conflicting_replay_is_unique_violation() {
    let mut l = Ledger::with_demo_data();
    let auth_no = pay(&mut l, "P1", "10.00")
        .field("auth_no")
        .unwrap_or_default()
        .to_owned();
    let total = l.total_money();
    // Same pay order number, other amount.
    assert_biz(&pay(&mut l, "P1", "9.00"), "UNIQUE_VIOLATION");
    assert_ok(&disburse_by_auth(&mut l, &auth_no, "D1", ALICE, "3.00"));
    // Same disburse order number, other amount / payee.
    let conflict = disburse_by_auth(&mut l, &auth_no, "D1", ALICE, "2.00");
    assert_biz(&conflict, "UNIQUE_VIOLATION");
    assert_eq!(conflict.sub_msg(), Some("下单失败,商户订单号重复"));
    assert_biz(
        &disburse_by_auth(&mut l, &auth_no, "D1", BOB, "3.00"),
        "UNIQUE_VIOLATION",
    );
    // A disbursement cannot reuse the red packet's own order number (ALY-711128).
    assert_biz(
        &disburse_by_auth(&mut l, &auth_no, "P1", ALICE, "1.00"),
        "UNIQUE_VIOLATION",
    );
    // A new order reusing an out_request_no of the same red packet.
    let reuse = call(
        &mut l,
        DISBURSE,
        json!({"out_order_no": "D9", "out_request_no": "D1-r", "order_title": "红包打款",
               "amount": "1.00", "deduct_auth_no": auth_no, "payee_user_id": ALICE}),
    );
    assert_biz(&reuse, "UNIQUE_VIOLATION");
    // A refund reusing a disbursement's out_request_no, or its own with another amount.
    assert_biz(
        &refund(&mut l, &auth_no, "D1-r", "1.00"),
        "UNIQUE_VIOLATION",
    );
    assert_ok(&refund(&mut l, &auth_no, "R1", "1.00"));
    let r = refund(&mut l, &auth_no, "R1", "2.00");
    assert_biz(&r, "UNIQUE_VIOLATION");
    assert_eq!(
        r.sub_msg(),
        Some("退款失败,商户本次资金操作的请求流水号与之前有重复")
    );
    assert_eq!(l.total_money(), total);
}

#[test]
fn validation_failures_use_the_generated_rules() {
    let mut l = Ledger::with_demo_data();
    let total = l.total_money();
    let r = pay(&mut l, "P1", "0.001");
    assert_eq!(r.code(), "40002");
    assert_eq!(r.node["msg"], "Invalid Arguments");
    assert_eq!(r.sub_code(), Some("isv.invalid-parameter"));
    let msg = r.sub_msg().unwrap_or_default();
    assert!(msg.starts_with("amount:"), "{msg}");
    assert!(msg.contains("at most 2 decimals"), "{msg}");

    // Every violation at once, one-of groups included.
    let r = call(
        &mut l,
        DISBURSE,
        json!({"out_order_no": "D1", "order_title": "x", "amount": "100000000.01",
               "payee_user_id": "1234"}),
    );
    assert_eq!(r.sub_code(), Some("isv.invalid-parameter"));
    let msg = r.sub_msg().unwrap_or_default();
    for field in [
        "out_request_no",
        "amount",
        "payee_user_id",
        "deduct_auth_no",
    ] {
        assert!(msg.contains(field), "{field} missing from {msg}");
    }
    let r = l.handle(APP, REFUND, "not json", NOW);
    assert_eq!(r.code(), "40002");
    assert_eq!(r.sub_code(), Some("isv.invalid-parameter"));
    assert!(r.sub_msg().is_some_and(|m| m.contains("JSON")));
    assert_eq!(l.total_money(), total);
    assert!(l.operations().is_empty());
}

#[test]
fn unknown_method_is_invalid_method() {
    let mut l = Ledger::with_demo_data();
    let r = l.handle(APP, "alipay.trade.order.settle", "{}", NOW);
    assert_eq!(
        r.node,
        json!({"code": "40002", "msg": "Invalid Arguments", "sub_code": "isv.invalid-method",
               "sub_msg": "不存在的方法名"})
    );
    let r = l.create_pending_order(APP, DISBURSE, "{}", NOW);
    assert_eq!(r.sub_code(), Some("isv.invalid-method"));
}

#[test]
fn disburse_business_errors() {
    let mut l = Ledger::with_demo_data();
    let total = l.total_money();
    assert_biz(
        &disburse_by_auth(&mut l, "2026000000000000000000000000", "D1", ALICE, "1.00"),
        "AUTH_ORDER_NOT_EXIST",
    );
    let r = call(
        &mut l,
        DISBURSE,
        json!({"out_order_no": "D1", "out_request_no": "D1-r", "order_title": "t",
               "amount": "1.00", "deduct_out_order_no": "missing", "payee_user_id": ALICE}),
    );
    assert_biz(&r, "AUTH_ORDER_NOT_EXIST");
    let auth_no = pay(&mut l, "P1", "10.00")
        .field("auth_no")
        .unwrap_or_default()
        .to_owned();
    assert_biz(
        &disburse_by_auth(&mut l, &auth_no, "D1", "2088999999999999", "1.00"),
        "PAYEE_NOT_EXIST",
    );
    let r = call(
        &mut l,
        DISBURSE,
        json!({"out_order_no": "D1", "out_request_no": "D1-r", "order_title": "t",
               "amount": "1.00", "deduct_auth_no": auth_no, "payee_logon_id": "nobody@x"}),
    );
    assert_biz(&r, "PAYEE_NOT_EXIST");
    // A failed call stores nothing: the same order number works once fixed.
    assert_ok(&disburse_by_auth(&mut l, &auth_no, "D1", ALICE, "1.00"));
    assert_eq!(l.total_money(), total);
}

#[test]
fn agreement_pay_payer_rules() {
    let mut l = Ledger::with_demo_data();
    let total = l.total_money();
    let body = |payer: &str, amount: &str, no: &str| {
        json!({"out_order_no": no, "out_request_no": "r", "order_title": "红包",
               "amount": amount, "payer_user_id": payer})
    };
    assert_biz(
        &call(&mut l, PAY, body(CAROL, "10.01", "P1")),
        "MONEY_NOT_ENOUGH",
    );
    assert_biz(
        &call(&mut l, PAY, body("2088999999999999", "1.00", "P1")),
        "PAYER_NOT_EXIST",
    );
    assert_ok(&call(&mut l, PAY, body(CAROL, "10.00", "P1")));
    assert_eq!(l.balance(CAROL), Some(0));
    assert_eq!(l.total_money(), total);
}

#[test]
fn app_pay_order_is_init_until_paid() {
    let mut l = Ledger::with_demo_data();
    let total = l.total_money();
    let biz = json!({"out_order_no": "A1", "out_request_no": "A1-r", "order_title": "红包",
                     "amount": "6.00"})
    .to_string();
    let r = l.handle(APP, "alipay.fund.coupon.order.app.pay", &biz, NOW);
    assert_ok(&r);
    assert_eq!(r.field("status"), Some("INIT"));
    let auth_no = r.field("auth_no").unwrap_or_default().to_owned();
    assert_biz(
        &disburse_by_auth(&mut l, &auth_no, "D1", ALICE, "1.00"),
        "ILLEGAL_STATUS",
    );
    assert_biz(&refund(&mut l, &auth_no, "R1", "1.00"), "ILLEGAL_STATUS");
    assert!(l.pay_order("A1", "2088999999999999", NOW).is_err());
    assert!(l.pay_order("nope", BOB, NOW).is_err());
    assert_eq!(l.total_money(), total);
    assert_eq!(l.pay_order("A1", BOB, NOW), Ok(()));
    assert!(l.pay_order("A1", BOB, NOW).is_err(), "paid twice");
    assert_eq!(l.balance(BOB), Some(DEMO_USERS[1].3 - 600));
    assert_eq!(l.total_money(), total);
    let q = call(
        &mut l,
        QUERY,
        json!({"out_order_no": "A1", "out_request_no": "A1-r"}),
    );
    assert_eq!(q.field("status"), Some("SUCCESS"));
    assert_eq!(q.field("payer_user_id"), Some(BOB));
    assert_ok(&disburse_by_auth(&mut l, &auth_no, "D1", ALICE, "6.00"));
    assert_eq!(l.total_money(), total);

    let page = l.create_pending_order(APP, "alipay.fund.coupon.order.page.pay", "{}", NOW);
    assert_eq!(page.sub_code(), Some("isv.invalid-parameter"));
}

#[test]
fn voucher_create_then_scan_freezes_money() {
    let mut l = Ledger::with_demo_data();
    let total = l.total_money();
    let biz = json!({"out_order_no": "F1", "out_request_no": "F1-r", "order_title": "预授权发码",
                     "amount": "100.00", "payee_user_id": CAROL});
    let r = call(&mut l, VOUCHER_CREATE, biz.clone());
    assert_ok(&r);
    assert_eq!(r.field("code_type"), Some("qrCode"));
    assert!(
        r.field("code_value")
            .is_some_and(|v| v.starts_with("https://"))
    );
    assert!(r.field("code_url").is_some());
    assert_eq!(call(&mut l, VOUCHER_CREATE, biz).node, r.node, "replay");
    let mut other = json!({"out_order_no": "F1", "out_request_no": "F1-r",
                           "order_title": "预授权发码", "amount": "1.00"});
    assert_biz(
        &call(&mut l, VOUCHER_CREATE, other.clone()),
        "UNIQUE_VIOLATION",
    );
    other["out_order_no"] = json!("F2");
    other["payee_logon_id"] = json!("nobody@x");
    assert_biz(&call(&mut l, VOUCHER_CREATE, other), "PAYEE_NOT_EXIST");
    assert_eq!(l.total_money(), total);
    assert_eq!(l.freeze("F1").map(|f| f.status.as_str()), Some("INIT"));

    assert!(l.scan_voucher("F1", CAROL, NOW).is_err(), "payer = payee");
    assert!(l.scan_voucher("F1", "2088999999999999", NOW).is_err());
    assert!(l.scan_voucher("F404", ALICE, NOW).is_err());
    let event = l.scan_voucher("F1", ALICE, "2026-11-22 10:05:00");
    let Ok(event) = event else {
        panic!("scan failed: {event:?}")
    };
    assert_eq!(event.notify_type, "fund_auth_freeze");
    assert_eq!(event.get("operation_type"), Some("FREEZE"));
    assert_eq!(event.get("amount"), Some("100.00"));
    assert_eq!(event.get("payer_user_id"), Some(ALICE));
    assert_eq!(event.get("payee_user_id"), Some(CAROL));
    assert_eq!(event.get("rest_amount"), Some("100.00"));
    assert_eq!(event.get("gmt_trans"), Some("2026-11-22 10:05:00"));
    assert_eq!(l.balance(ALICE), Some(DEMO_USERS[0].3 - 10_000));
    assert_eq!(l.total_money(), total);
    assert!(l.scan_voucher("F1", BOB, NOW).is_err(), "scanned twice");

    // Carol has 10.00: not enough for 100.00.
    let r = call(
        &mut l,
        VOUCHER_CREATE,
        json!({"out_order_no": "F3", "out_request_no": "F3-r", "order_title": "t",
               "amount": "100.00"}),
    );
    assert_ok(&r);
    assert!(matches!(
        l.scan_voucher("F3", CAROL, NOW),
        Err(alipay_sandbox::LedgerError::MoneyNotEnough { .. })
    ));
    assert_eq!(l.total_money(), total);
}

#[test]
fn voucher_send_rules_and_errors() {
    let mut l = Ledger::with_demo_data();
    let total = l.total_money();
    let send = |l: &mut Ledger, biz: serde_json::Value| call(l, VOUCHER_SEND, biz);

    assert_biz(
        &send(
            &mut l,
            json!({"template_id": "nope", "out_biz_no": "b1", "user_id": ALICE}),
        ),
        "TEMPLATE_NOT_EXIST",
    );
    assert_biz(
        &send(
            &mut l,
            json!({"template_id": DEMO_TEMPLATE, "out_biz_no": "b1",
                   "user_id": "2088999999999999", "login_id": BOB_LOGON}),
        ),
        "USER_NOT_EXIST",
    );
    assert_biz(
        &send(
            &mut l,
            json!({"template_id": DEMO_TEMPLATE, "out_biz_no": "b1", "taobao_nick": "ghost"}),
        ),
        "USER_NOT_EXIST",
    );
    // login_id wins over taobao_nick; the template's default 5.00 is paid.
    let r = send(
        &mut l,
        json!({"template_id": DEMO_TEMPLATE, "out_biz_no": "b1", "login_id": BOB_LOGON,
               "taobao_nick": "alice_tb"}),
    );
    assert_ok(&r);
    assert_eq!(r.field("user_id"), Some(BOB));
    assert_eq!(r.field("voucher_id").map(str::len), Some(28));
    assert_eq!(l.balance(BOB), Some(DEMO_USERS[1].3 + 500));
    assert_eq!(l.total_money(), total);
    // Replay and conflict on template_id + out_biz_no.
    let again = send(
        &mut l,
        json!({"template_id": DEMO_TEMPLATE, "out_biz_no": "b1", "login_id": BOB_LOGON,
               "taobao_nick": "alice_tb"}),
    );
    assert_eq!(again.node, r.node);
    assert_eq!(l.balance(BOB), Some(DEMO_USERS[1].3 + 500));
    assert_biz(
        &send(
            &mut l,
            json!({"template_id": DEMO_TEMPLATE, "out_biz_no": "b1", "user_id": ALICE}),
        ),
        "UNIQUE_VIOLATION",
    );
    // taobao_nick alone; an explicit amount.
    let r = send(
        &mut l,
        json!({"template_id": DEMO_TEMPLATE, "out_biz_no": "b2", "taobao_nick": "carol_tb",
               "amount": "9.99"}),
    );
    assert_ok(&r);
    assert_eq!(l.balance(CAROL), Some(DEMO_USERS[2].3 + 999));
    // The budget (1000.00 - 5.00 - 9.99 left) cannot pay 999.99.
    assert_biz(
        &send(
            &mut l,
            json!({"template_id": DEMO_TEMPLATE, "out_biz_no": "b3", "user_id": ALICE,
                   "amount": "999.99"}),
        ),
        "MONEY_NOT_ENOUGH",
    );
    // Ordinary and expired templates.
    for (id, expired) in [("T-PLAIN", false), ("T-OLD", true)] {
        let added = l.add_template(Template {
            template_id: id.into(),
            name: id.into(),
            budget: None,
            default_amount: None,
            expired,
        });
        assert_eq!(added, Ok(()));
    }
    assert_biz(
        &send(
            &mut l,
            json!({"template_id": "T-OLD", "out_biz_no": "b4", "user_id": ALICE}),
        ),
        "TEMPLATE_EXPIRED",
    );
    assert_biz(
        &send(
            &mut l,
            json!({"template_id": "T-PLAIN", "out_biz_no": "b4", "user_id": ALICE,
                   "amount": "1.00"}),
        ),
        "INVALID_PARAMETER",
    );
    let plain = send(
        &mut l,
        json!({"template_id": "T-PLAIN", "out_biz_no": "b4", "user_id": ALICE}),
    );
    assert_ok(&plain);
    assert_eq!(l.balance(ALICE), Some(DEMO_USERS[0].3));
    assert_eq!(l.vouchers().len(), 3);
    assert_eq!(l.total_money(), total);
    // Validation: no user at all.
    let r = send(
        &mut l,
        json!({"template_id": "T-PLAIN", "out_biz_no": "b5"}),
    );
    assert_eq!(r.sub_code(), Some("isv.invalid-parameter"));
}

#[test]
fn restricted_accounts() {
    let mut l = Ledger::with_demo_data();
    let total = l.total_money();
    let auth_no = pay(&mut l, "P1", "10.00")
        .field("auth_no")
        .unwrap_or_default()
        .to_owned();
    assert_eq!(l.restrict(BOB, true), Ok(()));
    assert!(l.restrict("2088999999999999", true).is_err());
    assert_biz(
        &disburse_by_auth(&mut l, &auth_no, "D1", BOB, "1.00"),
        "PAYEE_USER_STATUS_LIMIT",
    );
    assert_biz(
        &call(
            &mut l,
            VOUCHER_CREATE,
            json!({"out_order_no": "F1", "out_request_no": "F1-r", "order_title": "t",
                   "amount": "1.00", "payee_logon_id": BOB_LOGON}),
        ),
        "PAYEE_USER_STATUS_LIMIT",
    );
    assert_biz(
        &call(
            &mut l,
            VOUCHER_SEND,
            json!({"template_id": DEMO_TEMPLATE, "out_biz_no": "b1", "user_id": BOB}),
        ),
        "USER_STATUS_ERROR",
    );
    assert_ok(&call(
        &mut l,
        VOUCHER_CREATE,
        json!({"out_order_no": "F2", "out_request_no": "F2-r", "order_title": "t",
               "amount": "1.00"}),
    ));
    assert_eq!(
        l.scan_voucher("F2", BOB, NOW),
        Err(alipay_sandbox::LedgerError::PayerRestricted(BOB.into()))
    );
    assert_ok(&call(
        &mut l,
        "alipay.fund.coupon.order.app.pay",
        json!({"out_order_no": "A9", "out_request_no": "A9-r", "order_title": "t",
               "amount": "1.00"}),
    ));
    assert_eq!(
        l.pay_order("A9", BOB, NOW),
        Err(alipay_sandbox::LedgerError::PayerRestricted(BOB.into()))
    );
    assert_eq!(l.restrict(BOB, false), Ok(()));
    assert_eq!(l.pay_order("A9", BOB, NOW), Ok(()));
    assert_ok(&disburse_by_auth(&mut l, &auth_no, "D1", BOB, "1.00"));
    assert!(l.scan_voucher("F2", BOB, NOW).is_ok());
    assert_eq!(l.total_money(), total);
}
