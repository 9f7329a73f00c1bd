//! The generated APIs: builders, validation of every rule of the specs, biz_content.

use alipay_apis::fund::{
    AuthOrderVoucherCreate, CouponOperationQuery, CouponOrderDisburse,
    CouponOrderDisburseErrorCode, CouponOrderDisburseRequest,
};
use alipay_apis::marketing::VoucherSend;
use alipay_apis::{Api, BizError, Handling, UserId, amount, pay_timeout};

fn violations(r: Result<(), BizError>) -> Vec<String> {
    match r {
        Ok(()) => vec![],
        Err(BizError::Invalid(v)) => v.iter().map(ToString::to_string).collect(),
        Err(BizError::Malformed(m)) => vec![format!("MALFORMED {m}")],
    }
}

#[test]
fn builder_builds_and_serialises_in_spec_order() {
    let r = CouponOrderDisburseRequest::builder()
        .out_order_no("o1")
        .out_request_no("r1")
        .order_title("红包打款")
        .amount(amount!("8.8"))
        .deduct_auth_no("2014031600002001260000001024")
        .payee_user_id(UserId::parse("2088102138117431").unwrap())
        .pay_timeout(pay_timeout!("30m"))
        .build();
    assert_eq!(r.validate(), Ok(()));
    assert_eq!(
        r.biz_content(),
        r#"{"out_order_no":"o1","deduct_auth_no":"2014031600002001260000001024","out_request_no":"r1","order_title":"红包打款","amount":"8.80","payee_user_id":"2088102138117431","pay_timeout":"30m"}"#
    );
    // The JSON round-trips through the validator.
    assert_eq!(
        violations(CouponOrderDisburse::validate_biz_content(&r.biz_content())),
        Vec::<String>::new()
    );
}

#[test]
fn every_violation_is_reported_at_once() {
    let v = violations(CouponOrderDisburse::validate_biz_content(
        r#"{"out_order_no":"  ","out_request_no":"r","order_title":"红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包","amount":"0.001","pay_timeout":"169h","extra_param":"[1]"}"#,
    ));
    assert_eq!(v.len(), 7, "{v:#?}");
    let all = v.join("\n");
    for expected in [
        "out_order_no: required",
        "order_title: max_len (at most 100 gbk_byte, got 104)",
        "amount: grammar",
        "pay_timeout: range",
        "extra_param: json_object",
        "deduct_auth_no|deduct_out_order_no: one_of",
        "payee_user_id|payee_logon_id: one_of",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in\n{all}");
    }
}

#[test]
fn amounts_follow_the_documented_rules() {
    let base = |amount: &str| {
        format!(
            r#"{{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":{amount},"deduct_auth_no":"a","payee_user_id":"2088102138117431"}}"#
        )
    };
    for ok in ["\"0.01\"", "\"100000000.00\"", "100.00", "5", "\"0.1\""] {
        assert_eq!(
            violations(CouponOrderDisburse::validate_biz_content(&base(ok))),
            Vec::<String>::new(),
            "{ok}"
        );
    }
    for bad in [
        "\"0.00\"",
        "\"100000000.01\"",
        "\"1.\"",
        "\".5\"",
        "1e2",
        "\"-1\"",
        "\" 1\"",
        "\"１\"",
        "0.001",
    ] {
        assert!(
            !violations(CouponOrderDisburse::validate_biz_content(&base(bad))).is_empty(),
            "{bad}"
        );
    }
}

#[test]
fn one_of_groups_and_precedence() {
    // query: one of each pair.
    assert_eq!(
        violations(CouponOperationQuery::validate_biz_content(
            r#"{"auth_no":"a","operation_id":"o"}"#
        )),
        Vec::<String>::new()
    );
    let v = violations(CouponOperationQuery::validate_biz_content(
        r#"{"auth_no":"","out_request_no":"r"}"#,
    ));
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].starts_with("auth_no|out_order_no: one_of"), "{v:?}");
    // voucher.send needs one of user_id > login_id > taobao_nick.
    let v = violations(VoucherSend::validate_biz_content(
        r#"{"template_id":"t","out_biz_no":"b"}"#,
    ));
    assert_eq!(v.len(), 1, "{v:?}");
    // voucher.create's payee pair is not enforced.
    assert_eq!(
        violations(AuthOrderVoucherCreate::validate_biz_content(
            r#"{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":"1.00","pay_timeout":"15d"}"#
        )),
        Vec::<String>::new()
    );
    assert!(!violations(AuthOrderVoucherCreate::validate_biz_content(r#"{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":"1.00","pay_timeout":"16d"}"#)).is_empty());
}

#[test]
fn malformed_json_is_not_a_violation() {
    assert!(matches!(
        CouponOrderDisburse::validate_biz_content("{"),
        Err(BizError::Malformed(_))
    ));
    assert!(matches!(
        CouponOrderDisburse::validate_biz_content("[]"),
        Err(BizError::Malformed(_))
    ));
}

#[test]
fn error_codes_carry_their_handling() {
    let e = CouponOrderDisburseErrorCode::from_sub_code("SYSTEM_ERROR");
    assert_eq!(e.handling(), Some(Handling::RetrySame));
    assert_eq!(
        CouponOrderDisburseErrorCode::from_sub_code("NEW_CODE"),
        CouponOrderDisburseErrorCode::Other("NEW_CODE".into())
    );
    assert_eq!(
        <CouponOrderDisburseRequest as Api>::METHOD,
        "alipay.fund.coupon.order.disburse"
    );
}

#[test]
fn responses_are_lenient_and_exact() {
    use alipay_apis::alipay_core::api::parse_response;
    use alipay_apis::fund::CouponOrderDisburseResponseStatus as Status;
    let r = parse_response::<CouponOrderDisburseRequest>(
        r#"{"code":"10000","msg":"Success","auth_no":"a","amount":100.10,"status":"PROCESSING","unknown_new_field":1}"#,
    )
    .unwrap();
    assert_eq!(
        r.amount.map(|a| a.fen()),
        Some(10010),
        "read exactly, never through f64"
    );
    assert_eq!(r.status, Some(Status::Other("PROCESSING".into())));
    assert_eq!(r.auth_no.as_deref(), Some("a"));
    // An error reply carries no business fields at all.
    let e = parse_response::<CouponOrderDisburseRequest>(
        r#"{"code":"40004","msg":"Business Failed","sub_code":"MONEY_NOT_ENOUGH"}"#,
    )
    .unwrap();
    assert_eq!(e.amount, None);
    assert_eq!(e.sub_code.as_deref(), Some("MONEY_NOT_ENOUGH"));
    let s = parse_response::<CouponOrderDisburseRequest>(r#"{"amount":"0.00","status":"SUCCESS"}"#)
        .unwrap();
    assert_eq!(s.amount.map(|a| a.fen()), Some(0));
    assert_eq!(s.status, Some(Status::Success));
}

#[test]
fn notifications_are_typed() {
    use alipay_apis::alipay_core::notify::{NotifyCheck, sign_notification, verify_notification};
    use alipay_apis::alipay_core::{AlipayPublicKey, Charset, GatewayPrivateKey, SignType};
    use alipay_apis::fund::{CouponOrderDisburseNotify, CouponOrderDisburseNotifyType};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
    let key = GatewayPrivateKey::from_text(
        &std::fs::read_to_string(format!("{dir}/gateway_private_pkcs8.pem")).unwrap(),
    )
    .unwrap();
    let public = AlipayPublicKey::from_text(
        &std::fs::read_to_string(format!("{dir}/gateway_public_spki.pem")).unwrap(),
    )
    .unwrap();
    let body = sign_notification(
        [
            ("notify_type", "fund_auth_pay"),
            ("notify_id", "n1"),
            ("auth_no", "a1"),
            ("amount", "8.88"),
            ("status", "SUCCESS"),
        ],
        &key,
        SignType::Rsa2,
        Charset::Utf8,
    )
    .unwrap();
    let n = verify_notification(
        body.as_bytes(),
        &NotifyCheck {
            alipay_public_key: &public,
            sign_type: None,
            app_id: None,
        },
    )
    .unwrap();
    let typed = CouponOrderDisburseNotify::from_notification(&n).unwrap();
    assert_eq!(
        typed.notify_type,
        Some(CouponOrderDisburseNotifyType::FundAuthPay)
    );
    assert_eq!(typed.auth_no.as_deref(), Some("a1"));
    assert_eq!(typed.amount, Some(alipay_apis::Amount::from_fen(888)));

    // The same through the notify receiver's generic parse (FromNotification).
    use alipay_apis::{NotifyReceiver, Receipt};
    let receiver = NotifyReceiver::from_check(&NotifyCheck {
        alipay_public_key: &public,
        sign_type: None,
        app_id: None,
    });
    let Receipt::New(pending) = receiver.receive(body.as_bytes()) else {
        panic!("a genuine notification is new")
    };
    assert_eq!(pending.parse::<CouponOrderDisburseNotify>(), Ok(typed));
    assert_eq!(pending.commit().answer(), "success");
}

#[test]
fn the_spec_handling_hints_reach_the_api_trait() {
    use alipay_apis::Api;
    use alipay_apis::fund::{AuthOrderVoucherCreateRequest, CouponOrderDisburseRequest};
    assert_eq!(
        <CouponOrderDisburseRequest as Api>::handling("SYSTEM_ERROR"),
        Some(alipay_apis::Handling::RetrySame)
    );
    assert_eq!(
        <CouponOrderDisburseRequest as Api>::handling("MONEY_NOT_ENOUGH"),
        Some(alipay_apis::Handling::FixRequest)
    );
    assert_eq!(
        <CouponOrderDisburseRequest as Api>::handling("NO_SUCH_CODE"),
        None
    );
    // voucher.create's SYSTEM_ERROR says query first, so it is not re-sent blindly.
    assert_eq!(
        <AuthOrderVoucherCreateRequest as Api>::handling("SYSTEM_ERROR"),
        Some(alipay_apis::Handling::QueryThenDecide)
    );
}
