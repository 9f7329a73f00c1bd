//! The validation decisions of the value types (amounts, timeouts, user ids, lengths, JSON text), edge by edge, through the same entry point
//! as `alipay validate` (the generated validators found by method name).

use alipay_apis::{BizError, find};

/// `None` when valid, else the violation lines.
fn check(method: &str, biz: &str) -> Option<Vec<String>> {
    let api = find(method).expect("method compiled in");
    match (api.validate)(biz) {
        Ok(()) => None,
        Err(BizError::Invalid(v)) => Some(v.iter().map(ToString::to_string).collect()),
        Err(BizError::Malformed(m)) => panic!("malformed {biz}: {m}"),
    }
}

const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
const CREATE: &str = "alipay.fund.auth.order.voucher.create";
const SEND: &str = "alipay.marketing.voucher.send";
const REFUND: &str = "alipay.fund.coupon.order.refund";
const AGREEMENT: &str = "alipay.fund.coupon.order.agreement.pay";

/// A valid disburse with one member replaced by the raw JSON text `value` (kept verbatim, so
/// number literals reach the validator exactly as written).
fn disburse(field: &str, value: &str) -> String {
    let mut members = vec![
        ("out_order_no", r#""o1""#),
        ("out_request_no", r#""r1""#),
        ("order_title", r#""红包打款""#),
        ("amount", r#""1.00""#),
        ("deduct_auth_no", r#""2014031600002001260000001024""#),
        ("payee_user_id", r#""2088102138117431""#),
    ];
    match members.iter_mut().find(|(k, _)| *k == field) {
        Some(m) => m.1 = value,
        None => members.push((field, value)),
    }
    let body: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("\"{k}\":{v}"))
        .collect();
    format!("{{{}}}", body.join(","))
}

#[track_caller]
fn valid(method: &str, biz: &str) {
    assert_eq!(check(method, biz), None, "{biz}");
}

#[track_caller]
fn invalid(method: &str, biz: &str, expected_start: &str) {
    let v = check(method, biz).unwrap_or_else(|| panic!("accepted: {biz}"));
    assert!(
        v.iter().any(|l| l.starts_with(expected_start)),
        "{biz}: expected {expected_start:?} in {v:?}"
    );
}

#[test]
fn amounts() {
    for ok in [
        r#""0.01""#,
        r#""100000000.00""#,
        r#""5""#,
        r#""0.1""#,
        r#""0.10""#,
        "100.00",
        "5",
        "0.1",
    ] {
        valid(DISBURSE, &disburse("amount", ok));
    }
    for bad in [
        r#""0.00""#,
        r#""0""#,
        r#""100000000.01""#,
        r#""0.001""#,
        r#""1.""#,
        r#"".5""#,
        r#""+1""#,
        r#""-1""#,
        r#""1e2""#,
        r#"" 1""#,
        r#""1 ""#,
        r#""１""#,
        r#""1,000""#,
        r#""01""#,
        "1e2",
        "0.001",
        "-1",
        "true",
        "[]",
    ] {
        let v = check(DISBURSE, &disburse("amount", bad))
            .unwrap_or_else(|| panic!("accepted amount {bad}"));
        assert!(v.iter().all(|l| l.starts_with("amount: ")), "{bad}: {v:?}");
    }
}

#[test]
fn voucher_send_amount_has_no_range_but_two_decimals_and_ten_characters() {
    let biz = |a: &str| {
        format!(
            r#"{{"template_id":"t","out_biz_no":"b","user_id":"2088102138117431","amount":{a}}}"#
        )
    };
    for ok in [r#""9.99""#, r#""9.9""#, r#""9999999.99""#, r#""0.00""#] {
        valid(SEND, &biz(ok));
    }
    invalid(SEND, &biz(r#""9.999""#), "amount: ");
    invalid(SEND, &biz(r#""12345678.9""#), "amount: ");
}

#[test]
fn pay_timeouts_per_api_range() {
    for ok in ["1m", "90m", "168h", "7d"] {
        valid(DISBURSE, &disburse("pay_timeout", &format!("\"{ok}\"")));
    }
    for bad in [
        "169h", "8d", "10080m", "1.5h", "0m", "01m", "1H", "1c", "m", "1", " 1m",
    ] {
        invalid(
            DISBURSE,
            &disburse("pay_timeout", &format!("\"{bad}\"")),
            "pay_timeout: ",
        );
    }
    let create = |t: &str| {
        format!(
            r#"{{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":"1.00","pay_timeout":"{t}"}}"#
        )
    };
    valid(CREATE, &create("15d"));
    valid(CREATE, &create("360h"));
    invalid(CREATE, &create("361h"), "pay_timeout: range");
    invalid(CREATE, &create("21600m"), "pay_timeout: ");
    // An empty string counts as absent: the server default applies.
    valid(DISBURSE, &disburse("pay_timeout", r#""""#));
}

#[test]
fn titles_count_gbk_bytes() {
    valid(
        DISBURSE,
        &disburse("order_title", &format!("\"{}\"", "红".repeat(50))),
    );
    invalid(
        DISBURSE,
        &disburse("order_title", &format!("\"{}\"", "红".repeat(51))),
        "order_title: max_len (at most 100 gbk_byte, got 102)",
    );
    valid(
        DISBURSE,
        &disburse("order_title", &format!("\"{}\"", "a".repeat(100))),
    );
    invalid(
        DISBURSE,
        &disburse("order_title", &format!("\"{}\"", "a".repeat(101))),
        "order_title: max_len",
    );
    let refund = |remark: &str| {
        format!(r#"{{"auth_no":"a","out_request_no":"r","amount":"1.00","remark":"{remark}"}}"#)
    };
    valid(REFUND, &refund(&format!("{}{}", "退".repeat(49), "ab")));
    invalid(
        REFUND,
        &refund(&format!("{}{}", "退".repeat(50), "a")),
        "remark: max_len",
    );
}

#[test]
fn user_ids() {
    for bad in [
        "208810213811743",
        "20881021381174311",
        "1088102138117431",
        "2088１02138117431",
        "2088١٠٢١٣٨١١٧٤٣١",
        "2088 02138117431",
    ] {
        invalid(
            DISBURSE,
            &disburse("payee_user_id", &format!("\"{bad}\"")),
            "payee_user_id: ",
        );
    }
    let agreement = |id: &str| {
        format!(
            r#"{{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":"1.00","payer_user_id":"{id}"}}"#
        )
    };
    valid(AGREEMENT, &agreement("2088102000275795"));
    invalid(
        AGREEMENT,
        &agreement("20881020002757951"),
        "payer_user_id: ",
    );
}

#[test]
fn empty_strings_and_whitespace() {
    // Empty counts as absent in a one-of group, so the group is empty.
    invalid(
        DISBURSE,
        &disburse("deduct_auth_no", r#""""#),
        "deduct_auth_no|deduct_out_order_no: one_of",
    );
    // The other member satisfies it; the first non-empty one wins on the server.
    let both = disburse(
        "deduct_auth_no",
        r#""", "deduct_out_order_no":"8077735255937028""#,
    );
    valid(DISBURSE, &both);
    // A required string that is only whitespace is missing; values are never trimmed.
    invalid(
        DISBURSE,
        &disburse("out_order_no", r#""   ""#),
        "out_order_no: required",
    );
    valid(DISBURSE, &disburse("out_order_no", r#"" o1 ""#));
    invalid(
        DISBURSE,
        &disburse("out_order_no", r#""""#),
        "out_order_no: required",
    );
    invalid(
        DISBURSE,
        &disburse("out_order_no", "null"),
        "out_order_no: required",
    );
    invalid(
        DISBURSE,
        &disburse("out_order_no", "12"),
        "out_order_no: type",
    );
}

#[test]
fn one_of_groups() {
    let send = |extra: &str| format!(r#"{{"template_id":"t","out_biz_no":"b"{extra}}}"#);
    invalid(SEND, &send(""), "user_id|login_id|taobao_nick: one_of");
    valid(SEND, &send(r#","taobao_nick":"yue54333""#));
    valid(
        SEND,
        &send(r#","login_id":"13196215350","taobao_nick":"x""#),
    );
    let query = |biz: &str| check("alipay.fund.coupon.operation.query", biz);
    assert_eq!(query(r#"{"out_order_no":"o","out_request_no":"r"}"#), None);
    assert_eq!(
        query(r#"{"auth_no":"a","out_request_no":"r"}"#),
        None,
        "mixed pairs are advisory only"
    );
    assert_eq!(query(r#"{"operation_id":"x"}"#).map(|v| v.len()), Some(1));
    assert_eq!(query(r#"{}"#).map(|v| v.len()), Some(2));
    // voucher.create's payee pair is not enforced (only with Huabei enabled).
    valid(
        CREATE,
        r#"{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":"1.00"}"#,
    );
}

#[test]
fn extra_param_is_a_json_object_of_at_most_300_characters() {
    valid(
        DISBURSE,
        &disburse("extra_param", r#""{\"merchantExt\":\"key=value\"}""#),
    );
    invalid(
        DISBURSE,
        &disburse("extra_param", r#""[1,2]""#),
        "extra_param: json_object",
    );
    invalid(
        DISBURSE,
        &disburse("extra_param", r#""not json""#),
        "extra_param: json_object",
    );
    let long = format!(r#"{{"k":"{}"}}"#, "x".repeat(300));
    invalid(
        DISBURSE,
        &disburse("extra_param", &serde_json::to_string(&long).unwrap()),
        "extra_param: max_len",
    );
}

#[test]
fn enums_and_unknown_fields() {
    let create = |extra: &str| {
        format!(
            r#"{{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":"1.00"{extra}}}"#
        )
    };
    valid(CREATE, &create(r#","product_code":"PRE_AUTH""#));
    invalid(
        CREATE,
        &create(r#","product_code":"PRE_AUTHX""#),
        "product_code: enum",
    );
    invalid(
        DISBURSE,
        &disburse("out_order_No", r#""x""#),
        "out_order_No: unknown_field",
    );
}
