//! `alipay validate METHOD --biz JSON` decides every rule of the transfer, pre-authorisation,
//! bill, OAuth, user and certificate specs: per API one valid object (exit 0, `ok`), then one
//! case per rule, each breaking exactly that rule (exit 1, one line naming the field and the
//! rule). oauth.token's parameters are top-level form fields; `validate` takes them as one
//! JSON object all the same.

use std::process::Command;

use serde_json::{Value, json};

/// A change of the valid object: set the member at a dotted path, or remove it (`None`).
type Change = (&'static str, Option<Value>);

struct Case {
    change: Change,
    /// The one line printed, up to the detail's first words.
    expected: &'static str,
}

fn case(path: &'static str, value: Option<Value>, expected: &'static str) -> Case {
    Case {
        change: (path, value),
        expected,
    }
}

fn apply(base: &Value, (path, value): &Change) -> Value {
    let mut out = base.clone();
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().unwrap_or_default();
    let mut node = &mut out;
    for p in parts {
        node = &mut node[p];
    }
    let Value::Object(members) = node else {
        panic!("{path}: not inside an object");
    };
    match value {
        Some(v) => members.insert(last.to_owned(), v.clone()),
        None => members.remove(last),
    };
    out
}

fn validate(method: &str, biz: &str) -> (Option<i32>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(["validate", method, "--biz", biz])
        .output()
        .expect("run alipay");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

/// The valid object passes; each case prints exactly its one violation.
fn check(method: &str, valid: Value, cases: Vec<Case>) {
    let (code, out) = validate(method, &valid.to_string());
    assert_eq!(
        (code, out.trim()),
        (Some(0), "ok"),
        "{method}: valid object"
    );
    let mut failures = Vec::new();
    for c in &cases {
        let biz = apply(&valid, &c.change).to_string();
        let (code, out) = validate(method, &biz);
        let lines: Vec<&str> = out.lines().collect();
        if code != Some(1) || lines.len() != 1 || !lines[0].starts_with(c.expected) {
            failures.push(format!(
                "{method} {:?}: {biz}\n  expected exit 1 and {:?}\n  got {code:?}: {out}",
                c.change.0, c.expected
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn long(n: usize) -> Option<Value> {
    Some(json!("x".repeat(n)))
}

#[test]
fn uni_transfer() {
    check(
        "alipay.fund.trans.uni.transfer",
        json!({
            "out_biz_no": "201806300001",
            "trans_amount": "0.10",
            "product_code": "TRANS_ACCOUNT_NO_PWD",
            "biz_scene": "DIRECT_TRANSFER",
            "order_title": "201905代发",
            "original_order_id": "20190620110075000006640000063056",
            "payee_info": {"identity": "alipay@example.com", "identity_type": "ALIPAY_LOGON_ID", "name": "黄龙国际有限公司"},
            "remark": "201905代发",
            "business_params": "{\"payer_show_name_use_alias\":\"true\"}"
        }),
        vec![
            case("out_biz_no", None, "out_biz_no: required ("),
            case("out_biz_no", long(65), "out_biz_no: max_len (at most 64"),
            case("trans_amount", None, "trans_amount: required ("),
            case(
                "trans_amount",
                Some(json!("0.09")),
                "trans_amount: range (must be within [0.10, 100000000.00], got 0.09 (when product_code is TRANS_ACCOUNT_NO_PWD))",
            ),
            case(
                "trans_amount",
                Some(json!("100000000.01")),
                "trans_amount: range (must be within [0.10, 100000000.00]",
            ),
            case(
                "trans_amount",
                Some(json!("1.001")),
                "trans_amount: grammar (",
            ),
            case("product_code", None, "product_code: required ("),
            case(
                "product_code",
                Some(json!("FAST_INSTANT_TRADE_PAY")),
                "product_code: enum (\"FAST_INSTANT_TRADE_PAY\" is not one of TRANS_ACCOUNT_NO_PWD, STD_RED_PACKET)",
            ),
            case(
                "biz_scene",
                Some(json!("PERSONAL_PAY")),
                "biz_scene: enum (\"PERSONAL_PAY\" is not one of DIRECT_TRANSFER, PERSONAL_COLLECTION)",
            ),
            case(
                "order_title",
                long(129),
                "order_title: max_len (at most 128",
            ),
            case(
                "original_order_id",
                long(65),
                "original_order_id: max_len (at most 64",
            ),
            case("payee_info", None, "payee_info: required ("),
            case(
                "payee_info.identity",
                None,
                "payee_info.identity: required (",
            ),
            case(
                "payee_info.identity",
                long(101),
                "payee_info.identity: max_len (at most 100",
            ),
            case(
                "payee_info.identity_type",
                None,
                "payee_info.identity_type: required (",
            ),
            case(
                "payee_info.identity_type",
                Some(json!("BANKCARD_NO")),
                "payee_info.identity_type: enum (\"BANKCARD_NO\" is not one of ALIPAY_USER_ID, ALIPAY_LOGON_ID, ALIPAY_OPEN_ID)",
            ),
            case(
                "payee_info.name",
                None,
                "payee_info.name: required (must be set when identity_type is ALIPAY_LOGON_ID)",
            ),
            case(
                "payee_info.name",
                long(129),
                "payee_info.name: max_len (at most 128",
            ),
            case("remark", long(201), "remark: max_len (at most 200"),
            case(
                "business_params",
                Some(json!("[1]")),
                "business_params: json_object (",
            ),
            case(
                "payer_info",
                Some(json!({"identity": "x"})),
                "payer_info: unknown_field (",
            ),
        ],
    );
    // The red packet's own minimum, 0.01, and a user id needs no name.
    let red_packet = json!({
        "out_biz_no": "b", "trans_amount": "0.01", "product_code": "STD_RED_PACKET",
        "payee_info": {"identity": "2088123412341234", "identity_type": "ALIPAY_USER_ID"}
    });
    check(
        "alipay.fund.trans.uni.transfer",
        red_packet,
        vec![case(
            "trans_amount",
            Some(json!("0.00")),
            "trans_amount: range (must be within [0.01, 100000000.00], got 0.00 (when product_code is STD_RED_PACKET))",
        )],
    );
}

#[test]
fn trans_common_query() {
    check(
        "alipay.fund.trans.common.query",
        json!({
            "product_code": "TRANS_ACCOUNT_NO_PWD",
            "biz_scene": "DIRECT_TRANSFER",
            "out_biz_no": "201808080001"
        }),
        vec![
            case(
                "out_biz_no",
                None,
                "pay_fund_order_id|order_id|out_biz_no: one_of (at least 1 of pay_fund_order_id, order_id, out_biz_no must be non-empty, got 0)",
            ),
            case("out_biz_no", long(65), "out_biz_no: max_len (at most 64"),
            case(
                "product_code",
                Some(json!("FAST_INSTANT_TRADE_PAY")),
                "product_code: enum (",
            ),
            case("biz_scene", Some(json!("B2C")), "biz_scene: enum ("),
            case("order_id", long(65), "order_id: max_len (at most 64"),
            case(
                "pay_fund_order_id",
                long(65),
                "pay_fund_order_id: max_len (at most 64",
            ),
        ],
    );
    // Alipay's own numbers alone are enough (product_code / biz_scene only go with out_biz_no).
    check(
        "alipay.fund.trans.common.query",
        json!({"order_id": "20190801110070000006380000250621"}),
        vec![case(
            "order_id",
            Some(json!("")),
            "pay_fund_order_id|order_id|out_biz_no: one_of (",
        )],
    );
}

#[test]
fn account_query() {
    check(
        "alipay.fund.account.query",
        json!({"alipay_user_id": "2088301409188095", "account_type": "ACCTRANS_ACCOUNT"}),
        vec![
            case("alipay_user_id", None, "alipay_user_id: required ("),
            case(
                "alipay_user_id",
                Some(json!("3088301409188095")),
                "alipay_user_id: grammar (",
            ),
            case("account_type", None, "account_type: required ("),
            case(
                "account_type",
                long(65),
                "account_type: max_len (at most 64",
            ),
        ],
    );
}

/// The members freeze and app.freeze share, with the cases of their rules.
fn freeze_cases() -> Vec<Case> {
    vec![
        case("out_order_no", None, "out_order_no: required ("),
        case(
            "out_order_no",
            long(65),
            "out_order_no: max_len (at most 64",
        ),
        case(
            "out_order_no",
            Some(json!("order-1")),
            "out_order_no: pattern (must match ^[A-Za-z0-9_]+$)",
        ),
        case("out_request_no", None, "out_request_no: required ("),
        case(
            "out_request_no",
            Some(json!("req 1")),
            "out_request_no: pattern (",
        ),
        case("order_title", None, "order_title: required ("),
        case(
            "order_title",
            long(101),
            "order_title: max_len (at most 100",
        ),
        case("amount", None, "amount: required ("),
        case(
            "amount",
            Some(json!("0.00")),
            "amount: range (must be within [0.01, 100000000.00]",
        ),
        case("amount", Some(json!("100000000.01")), "amount: range ("),
        case("amount", Some(json!("1.234")), "amount: grammar ("),
        case(
            "payee_user_id",
            Some(json!("208810200027579")),
            "payee_user_id: grammar (user id \"208810200027579\": must be 16 digits",
        ),
        case(
            "payee_logon_id",
            long(101),
            "payee_logon_id: max_len (at most 100",
        ),
        case(
            "pay_timeout",
            Some(json!("16d")),
            "pay_timeout: range (must be within 1m~15d",
        ),
        case("pay_timeout", Some(json!("1.5h")), "pay_timeout: grammar ("),
        case(
            "extra_param",
            Some(json!("not json")),
            "extra_param: json_object (",
        ),
        case("scene_code", long(65), "scene_code: max_len (at most 64"),
    ]
}

#[test]
fn auth_order_freeze() {
    let mut cases = freeze_cases();
    cases.extend([
        case("auth_code", None, "auth_code: required ("),
        case("auth_code", long(701), "auth_code: max_len (at most 700"),
        case("auth_code_type", None, "auth_code_type: required ("),
        case("auth_code_type", Some(json!("qr_code")), "auth_code_type: enum (\"qr_code\" is not one of bar_code, security_code)"),
        case("product_code", Some(json!("FAST_INSTANT_TRADE_PAY")), "product_code: enum (\"FAST_INSTANT_TRADE_PAY\" is not one of PRE_AUTH, PRE_AUTH_ONLINE)"),
    ]);
    check(
        "alipay.fund.auth.order.freeze",
        json!({
            "auth_code": "28763443825664394", "auth_code_type": "bar_code",
            "out_order_no": "8077735255938023", "out_request_no": "8077735255938032",
            "order_title": "预授权冻结", "amount": "0.01",
            "payee_user_id": "2088102000275795", "payee_logon_id": "159****5620",
            "pay_timeout": "15d", "extra_param": "{\"category\":\"RENT_PHONE\"}",
            "product_code": "PRE_AUTH", "scene_code": "HOTEL"
        }),
        cases,
    );
}

#[test]
fn auth_order_app_freeze() {
    let mut cases = freeze_cases();
    cases.extend([
        case("product_code", None, "product_code: required ("),
        case(
            "product_code",
            Some(json!("PRE_AUTH")),
            "product_code: enum (\"PRE_AUTH\" is not one of PRE_AUTH_ONLINE)",
        ),
        case(
            "auth_code",
            Some(json!("28763443825664394")),
            "auth_code: unknown_field (",
        ),
    ]);
    check(
        "alipay.fund.auth.order.app.freeze",
        json!({
            "out_order_no": "8077735255938023", "out_request_no": "8077735255938032",
            "order_title": "预授权冻结", "amount": "0.01",
            "payee_user_id": "2088102000275795", "payee_logon_id": "159****5620",
            "pay_timeout": "1m", "extra_param": "{\"category\":\"RENT_PHONE\"}",
            "product_code": "PRE_AUTH_ONLINE", "scene_code": "ONLINE_AUTH_COMMON_SCENE"
        }),
        cases,
    );
}

#[test]
fn auth_order_unfreeze() {
    check(
        "alipay.fund.auth.order.unfreeze",
        json!({
            "auth_no": "2014070800002001550000014417", "out_request_no": "unfreeze-1",
            "amount": "0.01", "remark": "2015年4月15日以后的入场费解冻",
            "extra_param": "{\"unfreezeBizInfo\":\"{\\\"bizComplete\\\":\\\"true\\\"}\"}"
        }),
        vec![
            case("auth_no", None, "auth_no: required ("),
            case("auth_no", long(65), "auth_no: max_len (at most 64"),
            case("out_request_no", None, "out_request_no: required ("),
            case(
                "out_request_no",
                long(65),
                "out_request_no: max_len (at most 64",
            ),
            case("amount", None, "amount: required ("),
            case(
                "amount",
                Some(json!("0")),
                "amount: range (must be within [0.01, 100000000.00]",
            ),
            case("remark", None, "remark: required ("),
            // 51 汉字 = 102 GBK bytes: "100个字母或50个汉字".
            case(
                "remark",
                Some(json!("解".repeat(51))),
                "remark: max_len (at most 100 gbk_byte, got 102)",
            ),
            case(
                "extra_param",
                Some(json!("[]")),
                "extra_param: json_object (",
            ),
        ],
    );
}

/// detail.query and cancel identify the order and the operation the same way.
fn identifier_cases() -> Vec<Case> {
    vec![
        case(
            "auth_no",
            None,
            "auth_no|out_order_no: one_of (at least 1 of auth_no, out_order_no must be non-empty, got 0)",
        ),
        case(
            "operation_id",
            None,
            "operation_id|out_request_no: one_of (at least 1 of operation_id, out_request_no must be non-empty, got 0)",
        ),
        case("auth_no", long(65), "auth_no: max_len (at most 64"),
        case(
            "operation_id",
            long(65),
            "operation_id: max_len (at most 64",
        ),
        case(
            "out_order_no",
            Some(json!("x".repeat(65))),
            "out_order_no: max_len (at most 64",
        ),
        case(
            "out_request_no",
            Some(json!("x".repeat(65))),
            "out_request_no: max_len (at most 64",
        ),
    ]
}

#[test]
fn auth_operation_detail_query() {
    let mut cases = identifier_cases();
    cases.push(case(
        "operation_type",
        long(21),
        "operation_type: max_len (at most 20",
    ));
    check(
        "alipay.fund.auth.operation.detail.query",
        json!({
            "auth_no": "2014070800002001550000014417",
            "operation_id": "20161012405744018102",
            "operation_type": "FREEZE"
        }),
        cases,
    );
}

#[test]
fn auth_operation_cancel() {
    let mut cases = identifier_cases();
    cases.extend([
        case("remark", None, "remark: required ("),
        case(
            "remark",
            Some(json!("撤".repeat(51))),
            "remark: max_len (at most 100 gbk_byte, got 102)",
        ),
    ]);
    check(
        "alipay.fund.auth.operation.cancel",
        json!({
            "auth_no": "2014070800002001550000014417",
            "operation_id": "20161012405744018102",
            "remark": "授权撤销"
        }),
        cases,
    );
    // The merchant's pair works as well.
    check(
        "alipay.fund.auth.operation.cancel",
        json!({"out_order_no": "8077735255938023", "out_request_no": "8077735255938032", "remark": "x".repeat(100)}),
        vec![case("out_order_no", None, "auth_no|out_order_no: one_of (")],
    );
}

#[test]
fn bill_download_url_query() {
    // A day asks for a daily bill, a month for a monthly one.
    for date in ["2016-04-05", "2016-04"] {
        check(
            "alipay.data.dataservice.bill.downloadurl.query",
            json!({"bill_type": "trade", "bill_date": date}),
            vec![
                case("bill_type", None, "bill_type: required ("),
                case(
                    "bill_type",
                    Some(json!("fund")),
                    "bill_type: enum (\"fund\" is not one of trade, signcustomer, trade_zft_merchant)",
                ),
                case("bill_date", None, "bill_date: required ("),
                case(
                    "bill_date",
                    Some(json!("2016/04/05")),
                    "bill_date: pattern (",
                ),
                case("bill_date", Some(json!("2016-13")), "bill_date: pattern ("),
                case(
                    "bill_date",
                    Some(json!("2016-04-32")),
                    "bill_date: pattern (",
                ),
                case("bill_date", Some(json!("20160405")), "bill_date: pattern ("),
                case("smid", long(65), "smid: max_len (at most 64"),
            ],
        );
    }
}

#[test]
fn oauth_token_top_level_parameters() {
    check(
        "alipay.system.oauth.token",
        json!({"grant_type": "authorization_code", "code": "4b203fe6c11548bcabd8da5bb087a83b"}),
        vec![
            case("grant_type", None, "grant_type: required ("),
            case(
                "grant_type",
                Some(json!("password")),
                "grant_type: enum (\"password\" is not one of authorization_code, refresh_token)",
            ),
            case(
                "code",
                None,
                "code: required (must be set when grant_type is authorization_code)",
            ),
            case(
                "biz_content",
                Some(json!("{}")),
                "biz_content: unknown_field (",
            ),
        ],
    );
    check(
        "alipay.system.oauth.token",
        json!({"grant_type": "refresh_token", "refresh_token": "201208134b203fe6c11548bcabd8da5bb087a83b"}),
        vec![case(
            "refresh_token",
            None,
            "refresh_token: required (must be set when grant_type is refresh_token)",
        )],
    );
}

#[test]
fn user_info_share_takes_no_business_parameters() {
    check(
        "alipay.user.info.share",
        json!({}),
        // auth_token is a public parameter, not a business one.
        vec![case(
            "auth_token",
            Some(json!("t")),
            "auth_token: unknown_field (",
        )],
    );
}

#[test]
fn alipaycert_download() {
    check(
        "alipay.open.app.alipaycert.download",
        json!({"alipay_cert_sn": "52c63a2a6a0d3e1e7b0a2bd7b3d3f1c8"}),
        vec![
            case("alipay_cert_sn", None, "alipay_cert_sn: required ("),
            case(
                "alipay_cert_sn",
                long(65),
                "alipay_cert_sn: max_len (at most 64",
            ),
        ],
    );
}
