//! The rules engine, rule by rule, with its exact messages; nested objects, arrays, groups,
//! conditionals, unknown and duplicate members; hostile input never panics.

use alipay_core::api::{BizError, Violations};
use alipay_core::rules::{
    Conditional, FieldRule, Group, LenUnit, ObjectRules, Range, Then, Ty, When, check_value,
};
use alipay_core::wire::Wire;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/// alipay.fund.coupon.order.disburse as the generator writes it.
static DISBURSE: ObjectRules = ObjectRules::new(
    "alipay.fund.coupon.order.disburse",
    &[
        FieldRule::new("out_order_no", Ty::Text)
            .required()
            .max_len(64, LenUnit::Char),
        FieldRule::new("deduct_auth_no", Ty::Text)
            .one_of(0)
            .max_len(64, LenUnit::Char),
        FieldRule::new("deduct_out_order_no", Ty::Text)
            .one_of(0)
            .max_len(64, LenUnit::Char),
        FieldRule::new("out_request_no", Ty::Text)
            .required()
            .max_len(64, LenUnit::Char),
        FieldRule::new("order_title", Ty::Text)
            .required()
            .max_len(100, LenUnit::GbkByte),
        FieldRule::new("amount", Ty::Amount)
            .required()
            .amount_range(1, 10_000_000_000, 2),
        FieldRule::new("payee_user_id", Ty::UserId)
            .one_of(1)
            .max_len(32, LenUnit::Char),
        FieldRule::new("payee_logon_id", Ty::Text)
            .one_of(1)
            .max_len(100, LenUnit::Char),
        FieldRule::new("pay_timeout", Ty::PayTimeout)
            .max_len(5, LenUnit::Char)
            .range(Range::Minutes {
                min: 1,
                max: 10_080,
                min_text: "1m",
                max_text: "7d",
            }),
        FieldRule::new("extra_param", Ty::Json).max_len(300, LenUnit::Char),
    ],
)
.groups(&[
    Group {
        fields: &["deduct_auth_no", "deduct_out_order_no"],
        min: 1,
    },
    Group {
        fields: &["payee_user_id", "payee_logon_id"],
        min: 1,
    },
]);

static ADDRESS: ObjectRules = ObjectRules::new(
    "Address",
    &[
        FieldRule::new("city", Ty::Text)
            .required()
            .max_len(8, LenUnit::GbkByte),
        FieldRule::new("zip", Ty::Text).pattern("^[0-9]{6}$"),
        FieldRule::new("phone", Ty::Text).one_of(0),
        FieldRule::new("email", Ty::Text).one_of(0),
    ],
)
.groups(&[Group {
    fields: &["phone", "email"],
    min: 1,
}]);

static PAYEE: ObjectRules = ObjectRules::new(
    "PayeeInfo",
    &[
        FieldRule::new("identity", Ty::UserId).required(),
        FieldRule::new("address", Ty::Object(&ADDRESS)).required(),
    ],
);

static GOODS: ObjectRules = ObjectRules::new(
    "GoodsDetail",
    &[
        FieldRule::new("goods_id", Ty::Text).required(),
        FieldRule::new("price", Ty::Amount)
            .required()
            .amount_range(1, 1_000_000, 2),
        FieldRule::new("quantity", Ty::Integer).range(Range::Integer { min: 1, max: 99 }),
    ],
);

const MODE_B: When = When {
    field: "mode",
    equals: &["B", "C"],
};

static ORDER: ObjectRules = ObjectRules::new(
    "alipay.demo.order",
    &[
        FieldRule::new("mode", Ty::Enum).values(&["A", "B", "C"]),
        FieldRule::new("payee_info", Ty::Object(&PAYEE)),
        FieldRule::new("goods_detail", Ty::Array(&Ty::Object(&GOODS))).max_items(3),
        FieldRule::new("tags", Ty::Array(&Ty::Enum))
            .values(&["X", "Y"])
            .max_len(1, LenUnit::Char)
            .max_items(2),
        FieldRule::new("notes", Ty::Array(&Ty::Text)).required(),
        FieldRule::new("reason", Ty::Text).conditionals(&[Conditional {
            when: MODE_B,
            then: Then::Required,
        }]),
        FieldRule::new("total", Ty::Amount)
            .amount_range(100, 10_000, 0)
            .conditionals(&[Conditional {
                when: MODE_B,
                then: Then::Range(Range::Fen {
                    min: 1,
                    max: 500,
                    scale: 1,
                }),
            }]),
        FieldRule::new("channel", Ty::Enum)
            .values(&["PAY", "REFUND"])
            .conditionals(&[Conditional {
                when: When {
                    field: "mode",
                    equals: &["C"],
                },
                then: Then::Values(&["PAY"]),
            }]),
        FieldRule::new("count", Ty::Integer)
            .range(Range::Integer { min: 0, max: 10 })
            .conditionals(&[Conditional {
                when: When {
                    field: "level",
                    equals: &["2"],
                },
                then: Then::Range(Range::Integer { min: 5, max: 6 }),
            }]),
        FieldRule::new("level", Ty::Integer),
        FieldRule::new("ratio", Ty::Number).max_len(4, LenUnit::Char),
        FieldRule::new("flag", Ty::Boolean),
        FieldRule::new("day", Ty::Date),
        FieldRule::new("month", Ty::Month),
        FieldRule::new("at", Ty::Datetime),
        FieldRule::new("timeout", Ty::PayTimeout)
            .allow_1c()
            .range(Range::Minutes {
                min: 1,
                max: 21_600,
                min_text: "1m",
                max_text: "15d",
            }),
        FieldRule::new("bad_pattern", Ty::Text).pattern("(unclosed"),
    ],
);

const ORDER_BASE: &str = r#""notes":["n"]"#;

/// The violation lines of `json` against `rules`.
fn lines(rules: &'static ObjectRules, json: &str) -> Vec<String> {
    match rules.check_json(json) {
        Ok(_) => vec![],
        Err(BizError::Invalid(v)) => v.iter().map(ToString::to_string).collect(),
        Err(BizError::Malformed(m)) => vec![format!("MALFORMED {m}")],
    }
}

/// ORDER with `members` added to a valid base.
fn order(members: &str) -> Vec<String> {
    let sep = if members.is_empty() { "" } else { "," };
    lines(&ORDER, &format!("{{{ORDER_BASE}{sep}{members}}}"))
}

#[track_caller]
fn order_is(members: &str, expected: &[&str]) {
    assert_eq!(order(members), expected, "{members}");
}

fn disburse(member: &str) -> Vec<String> {
    let base = r#""out_order_no":"o1","out_request_no":"r1","order_title":"t","amount":"1.00","deduct_auth_no":"a","payee_user_id":"2088102138117431""#;
    let sep = if member.is_empty() { "" } else { "," };
    lines(&DISBURSE, &format!("{{{base}{sep}{member}}}"))
}

#[track_caller]
fn disburse_is(member: &str, expected: &[&str]) {
    assert_eq!(disburse(member), expected, "{member}");
}

// ---------------------------------------------------------------------------------------------
// Today's messages
// ---------------------------------------------------------------------------------------------

#[test]
fn every_violation_is_reported_at_once_with_todays_texts() {
    let v = lines(
        &DISBURSE,
        r#"{"out_order_no":"  ","out_request_no":"r","order_title":"红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包","amount":"0.001","pay_timeout":"169h","extra_param":"[1]","out_order_No":"x"}"#,
    );
    assert_eq!(
        v,
        [
            "out_order_no: required (must be set and not blank)",
            "order_title: max_len (at most 100 gbk_byte, got 104)",
            "amount: grammar (invalid amount \"0.001\": at most 2 decimals)",
            "pay_timeout: range (must be within 1m~7d, got 169h (10140 minutes))",
            "extra_param: json_object (must be a JSON object ({...}), found a JSON array)",
            "deduct_auth_no|deduct_out_order_no: one_of (at least 1 of deduct_auth_no, deduct_out_order_no must be non-empty, got 0)",
            "payee_user_id|payee_logon_id: one_of (at least 1 of payee_user_id, payee_logon_id must be non-empty, got 0)",
            "out_order_No: unknown_field (not a field of this API)",
        ]
    );
}

#[test]
fn a_valid_request_passes_and_comes_back() {
    let json = r#"{"out_order_no":"o1","deduct_auth_no":"a","out_request_no":"r1","order_title":"红包","amount":100.00,"payee_user_id":"2088102138117431","pay_timeout":"7d","extra_param":{"a":[1,2.50]}}"#;
    let w = DISBURSE.check_json(json).unwrap();
    assert_eq!(w.to_json(), json);
    assert_eq!(DISBURSE.check(&w), Ok(()));
}

#[test]
fn required() {
    for absent in ["", r#""out_order_no":null"#, r#""out_order_no":"""#] {
        let base = r#""out_request_no":"r","order_title":"t","amount":"1","deduct_auth_no":"a","payee_logon_id":"x""#;
        let sep = if absent.is_empty() { "" } else { "," };
        assert_eq!(
            lines(&DISBURSE, &format!("{{{base}{sep}{absent}}}")),
            ["out_order_no: required (must be set and not blank)"],
            "{absent}"
        );
    }
    let ws = disburse(r#""out_order_no":" \t\u3000""#);
    assert_eq!(
        ws,
        [
            "out_order_no: duplicate (given 2 times)",
            "out_order_no: required (must be set and not blank)"
        ]
    );
    // Values are never trimmed: surrounding spaces are kept and fine.
    assert_eq!(
        lines(
            &DISBURSE,
            r#"{"out_order_no":" o1 ","out_request_no":"r","order_title":"t","amount":"1","deduct_auth_no":"a","payee_logon_id":"x"}"#
        ),
        Vec::<String>::new()
    );
    // A whitespace-only amount is blank too.
    assert_eq!(
        lines(
            &DISBURSE,
            r#"{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":" ","deduct_auth_no":"a","payee_logon_id":"x"}"#
        ),
        ["amount: required (must be set and not blank)"]
    );
    // Required arrays need an item.
    assert_eq!(
        lines(&ORDER, r#"{"notes":[]}"#),
        ["notes: required (must have at least one item)"]
    );
    assert_eq!(
        lines(&ORDER, r#"{"notes":null}"#),
        ["notes: required (must be set and not blank)"]
    );
    assert_eq!(
        lines(&ORDER, r#"{}"#),
        ["notes: required (must be set and not blank)"]
    );
}

#[test]
fn types() {
    disburse_is(
        r#""payee_logon_id":12"#,
        &["payee_logon_id: type (must be a JSON string, got 12)"],
    );
    disburse_is(
        r#""payee_logon_id":{"a":1}"#,
        &[r#"payee_logon_id: type (must be a JSON string, got {"a":1})"#],
    );
    order_is(
        r#""notes":"n""#,
        &[
            "notes: duplicate (given 2 times)",
            r#"notes: type (must be a JSON array, got "n")"#,
        ],
    );
    order_is(
        r#""payee_info":[1]"#,
        &["payee_info: type (must be a JSON object, got [1])"],
    );
    order_is(
        r#""flag":"true""#,
        &[r#"flag: type (must be true or false, got "true")"#],
    );
    order_is(r#""flag":false"#, &[]);
    order_is(
        r#""ratio":1e2"#,
        &["ratio: type (must be a JSON number in decimal notation, got 1e2)"],
    );
    order_is(
        r#""ratio":"1.5""#,
        &[r#"ratio: type (must be a JSON number in decimal notation, got "1.5")"#],
    );
    order_is(r#""ratio":-0.5"#, &[]);
    order_is(
        r#""ratio":10.25"#,
        &["ratio: max_len (at most 4 char, got 5)"],
    );
    for bad in ["1.0", "1e1", "\"5\"", "true", "99999999999999999999", "01"] {
        // `01` is not JSON at all.
        let got = order(&format!(r#""level":{bad}"#));
        if bad == "01" {
            assert!(got[0].starts_with("MALFORMED "), "{got:?}");
        } else {
            assert_eq!(
                got,
                [format!("level: type (must be a JSON integer, got {bad})")],
                "{bad}"
            );
        }
    }
    order_is(r#""level":-9223372036854775808"#, &[]);
}

#[test]
fn long_values_are_quoted_shortened() {
    let long = "x".repeat(100);
    let got = disburse(&format!(r#""payee_logon_id":["{long}"]"#));
    assert_eq!(
        got,
        [format!(
            "payee_logon_id: type (must be a JSON string, got [\"{}...)",
            "x".repeat(62)
        )]
    );
}

#[test]
fn amounts() {
    disburse_is(
        r#""amount":1e2"#,
        &[
            "amount: duplicate (given 2 times)",
            "amount: grammar (invalid amount 1e2: no exponent allowed (write 100, not 1e2))",
        ],
    );
    let one = |a: &str| {
        lines(
            &DISBURSE,
            &format!(
                r#"{{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":{a},"deduct_auth_no":"a","payee_logon_id":"x"}}"#
            ),
        )
    };
    assert_eq!(
        one("true"),
        ["amount: grammar (expected an amount (a JSON string or number), found true)"]
    );
    assert_eq!(
        one("-1"),
        ["amount: grammar (invalid amount -1: no sign allowed (no + or -))"]
    );
    assert_eq!(
        one(r#""１""#),
        [
            "amount: grammar (invalid amount \"１\": full-width digits are not allowed (use ASCII 0-9))"
        ]
    );
    assert_eq!(
        one(r#""0.00""#),
        ["amount: range (must be within [0.01, 100000000.00], got 0.00)"]
    );
    assert_eq!(
        one("100000000.01"),
        ["amount: range (must be within [0.01, 100000000.00], got 100000000.01)"]
    );
    assert_eq!(
        one(r#""99999999999999999999999""#),
        ["amount: grammar (invalid amount \"99999999999999999999999\": too large)"]
    );
    for ok in ["100.00", "5", "0.1", r#""0.10""#, r#""100000000""#] {
        assert_eq!(one(ok), Vec::<String>::new(), "{ok}");
    }
}

#[test]
fn amount_scale_and_conditional_ranges() {
    // Base: [1.00, 100.00], whole yuan.
    order_is(r#""total":"5""#, &[]);
    order_is(r#""total":50"#, &[]);
    order_is(
        r#""total":"5.5""#,
        &["total: scale (at most 0 decimals, got 5.5)"],
    );
    order_is(
        r#""total":5.00"#,
        &["total: scale (at most 0 decimals, got 5.00)"],
    );
    order_is(
        r#""total":"101""#,
        &["total: range (must be within [1.00, 100.00], got 101.00)"],
    );
    // mode B: [0.01, 5.00], one decimal.
    order_is(r#""mode":"B","reason":"r","total":"4.5""#, &[]);
    order_is(
        r#""mode":"B","reason":"r","total":"4.55""#,
        &["total: scale (at most 1 decimals, got 4.55)"],
    );
    order_is(
        r#""mode":"B","reason":"r","total":"50""#,
        &["total: range (must be within [0.01, 5.00], got 50.00 (when mode is B))"],
    );
    // The condition is false: the base range.
    order_is(r#""mode":"A","total":"50""#, &[]);
    order_is(
        r#""mode":"A","total":"4.5""#,
        &["total: scale (at most 0 decimals, got 4.5)"],
    );
}

#[test]
fn pay_timeouts() {
    disburse_is(
        r#""pay_timeout":"1.5h""#,
        &["pay_timeout: grammar (pay_timeout \"1.5h\": no decimals (write 90m, not 1.5h))"],
    );
    disburse_is(
        r#""pay_timeout":"1c""#,
        &["pay_timeout: grammar (pay_timeout \"1c\": the unit must be m, h or d)"],
    );
    disburse_is(
        r#""pay_timeout":"10080m""#,
        &[
            "pay_timeout: grammar (pay_timeout \"10080m\": at most 5 characters (write 7d, not 10080m))",
        ],
    );
    disburse_is(
        r#""pay_timeout":90"#,
        &["pay_timeout: grammar (must be a JSON string, got 90)"],
    );
    disburse_is(r#""pay_timeout":"""#, &[]);
    disburse_is(r#""pay_timeout":"7d""#, &[]);
    // 1c where allowed, and outside any range.
    order_is(r#""timeout":"1c""#, &[]);
    order_is(r#""timeout":"15d""#, &[]);
    order_is(
        r#""timeout":"16d""#,
        &["timeout: range (must be within 1m~15d, got 16d (23040 minutes))"],
    );
    order_is(
        r#""timeout":"2c""#,
        &["timeout: grammar (pay_timeout \"2c\": the unit must be m, h or d)"],
    );
}

#[test]
fn user_ids_and_json_text() {
    disburse_is(
        r#""payee_user_id":"2088""#,
        &[
            "payee_user_id: duplicate (given 2 times)",
            "payee_user_id: grammar (user id \"2088\": must be 16 digits (2088 and 12 more), found 4)",
        ],
    );
    disburse_is(
        r#""payee_logon_id":"x","payee_user_id":2088102138117431"#,
        &[
            "payee_user_id: duplicate (given 2 times)",
            "payee_user_id: grammar (must be a JSON string, got 2088102138117431)",
        ],
    );
    disburse_is(r#""extra_param":"{\"merchantExt\":\"key=value\"}""#, &[]);
    disburse_is(r#""extra_param":{"merchantExt":"key=value"}"#, &[]);
    disburse_is(
        r#""extra_param":5"#,
        &["extra_param: json_object (must be a JSON object ({...}), found a JSON number)"],
    );
    disburse_is(
        r#""extra_param":"not json""#,
        &["extra_param: json_object (not valid JSON (expected ident at line 1 column 2))"],
    );
    let long = format!(r#"{{"k":"{}"}}"#, "x".repeat(300));
    disburse_is(
        &format!(r#""extra_param":{}"#, serde_json::to_string(&long).unwrap()),
        &["extra_param: max_len (at most 300 char, got 308)"],
    );
    // An object's text is measured compact, as sent.
    disburse_is(
        &format!(r#""extra_param":{{ "k" : "{}" }}"#, "x".repeat(292)),
        &[],
    );
}

#[test]
fn enums_and_conditional_values() {
    order_is(
        r#""channel":"FOO""#,
        &[r#"channel: enum ("FOO" is not one of PAY, REFUND)"#],
    );
    order_is(
        r#""channel":1"#,
        &["channel: enum (must be a JSON string, got 1)"],
    );
    order_is(r#""channel":"REFUND""#, &[]);
    order_is(r#""mode":"A","channel":"REFUND""#, &[]);
    order_is(
        r#""mode":"C","reason":"r","channel":"REFUND""#,
        &[r#"channel: enum ("REFUND" is not one of PAY (when mode is C))"#],
    );
    order_is(
        r#""mode":"D""#,
        &[r#"mode: enum ("D" is not one of A, B, C)"#],
    );
}

#[test]
fn conditional_required_and_integer_ranges() {
    order_is(
        r#""mode":"B""#,
        &["reason: required (must be set when mode is B)"],
    );
    order_is(
        r#""mode":"C","reason":"  ""#,
        &["reason: required (must be set when mode is C)"],
    );
    order_is(r#""mode":"A""#, &[]);
    order_is(r#""mode":"""#, &[]);
    order_is(r#""mode":"B","reason":"r""#, &[]);
    // Integer ranges, plain and conditional on a number's text.
    order_is(r#""count":10"#, &[]);
    order_is(
        r#""count":11"#,
        &["count: range (must be within [0, 10], got 11)"],
    );
    order_is(
        r#""level":2,"count":7"#,
        &["count: range (must be within [5, 6], got 7 (when level is 2))"],
    );
    order_is(r#""level":3,"count":7"#, &[]);
    order_is(r#""level":2,"count":5"#, &[]);
}

#[test]
fn lengths_and_patterns() {
    order_is(
        r#""payee_info":{"identity":"2088102138117431","address":{"city":"北京市区","zip":"12345","phone":"1"}}"#,
        &["payee_info.address.zip: pattern (must match ^[0-9]{6}$)"],
    );
    order_is(
        r#""payee_info":{"identity":"2088102138117431","address":{"city":"北京市海淀","zip":"123456","phone":"1"}}"#,
        &["payee_info.address.city: max_len (at most 8 gbk_byte, got 10)"],
    );
    order_is(
        r#""bad_pattern":"x""#,
        &["bad_pattern: pattern (must match (unclosed)"],
    );
    disburse_is(
        &format!(r#""payee_logon_id":"{}""#, "红".repeat(101)),
        &["payee_logon_id: max_len (at most 100 char, got 101)"],
    );
}

#[test]
fn dates() {
    order_is(
        r#""day":"2024-02-29","month":"2024-02","at":"2024-02-29 23:59:59""#,
        &[],
    );
    order_is(
        r#""day":"2023-02-29""#,
        &[r#"day: format (must be yyyy-MM-dd, got "2023-02-29" (no such day))"#],
    );
    order_is(
        r#""month":"2024-13""#,
        &[r#"month: format (must be yyyy-MM, got "2024-13" (no such month))"#],
    );
    order_is(
        r#""at":"2024-01-01 24:00:00""#,
        &[
            r#"at: format (must be yyyy-MM-dd HH:mm:ss, got "2024-01-01 24:00:00" (the hour must be 00-23))"#,
        ],
    );
    order_is(
        r#""at":"2024-01-01T00:00:00""#,
        &[r#"at: format (must be yyyy-MM-dd HH:mm:ss, got "2024-01-01T00:00:00")"#],
    );
    order_is(
        r#""day":20240101"#,
        &["day: format (must be a JSON string, got 20240101)"],
    );
}

// ---------------------------------------------------------------------------------------------
// Nesting, arrays, groups, unknown and duplicate members
// ---------------------------------------------------------------------------------------------

#[test]
fn nested_objects_three_levels_deep() {
    order_is(
        r#""payee_info":{"identity":"2088102138117431","address":{"city":"北京","email":"e"}}"#,
        &[],
    );
    order_is(
        r#""payee_info":{"identity":"1","address":{"zip":"1","extra":1,"extra":2},"x":null}"#,
        &[
            "payee_info.identity: grammar (user id \"1\": must be 16 digits (2088 and 12 more), found 1)",
            "payee_info.address.city: required (must be set and not blank)",
            "payee_info.address.zip: pattern (must match ^[0-9]{6}$)",
            "payee_info.address.phone|email: one_of (at least 1 of phone, email must be non-empty, got 0)",
            "payee_info.address.extra: unknown_field (not a field of Address)",
            "payee_info.x: unknown_field (not a field of PayeeInfo)",
        ],
    );
    order_is(
        r#""payee_info":{"identity":"2088102138117431","address":"北京"}"#,
        &[r#"payee_info.address: type (must be a JSON object, got "北京")"#],
    );
    order_is(
        r#""payee_info":{}"#,
        &[
            "payee_info.identity: required (must be set and not blank)",
            "payee_info.address: required (must be set and not blank)",
        ],
    );
}

#[test]
fn arrays_of_objects_and_scalars() {
    order_is(
        r#""goods_detail":[{"goods_id":"g","price":"1.00"},{"goods_id":"","price":"0.001","quantity":100,"name":"n"},null,""]"#,
        &[
            "goods_detail: max_items (at most 3 items, got 4)",
            "goods_detail[1].goods_id: required (must be set and not blank)",
            "goods_detail[1].price: grammar (invalid amount \"0.001\": at most 2 decimals)",
            "goods_detail[1].quantity: range (must be within [1, 99], got 100)",
            "goods_detail[1].name: unknown_field (not a field of GoodsDetail)",
            "goods_detail[2]: required (must be set and not blank)",
            "goods_detail[3]: required (must be set and not blank)",
        ],
    );
    order_is(
        r#""goods_detail":[{"goods_id":"g","price":"10001.00"}]"#,
        &["goods_detail[0].price: range (must be within [0.01, 10000.00], got 10001.00)"],
    );
    order_is(
        r#""goods_detail":[[]]"#,
        &["goods_detail[0]: type (must be a JSON object, got [])"],
    );
    // An optional empty array is absent.
    order_is(r#""goods_detail":[]"#, &[]);
    order_is(
        r#""tags":["X","Z","YY"]"#,
        &[
            "tags: max_items (at most 2 items, got 3)",
            r#"tags[1]: enum ("Z" is not one of X, Y)"#,
            r#"tags[2]: enum ("YY" is not one of X, Y)"#,
        ],
    );
    order_is(
        r#""notes":[1,"ok",null]"#,
        &[
            "notes: duplicate (given 2 times)",
            "notes[0]: type (must be a JSON string, got 1)",
            "notes[2]: required (must be set and not blank)",
        ],
    );
}

#[test]
fn unknown_and_duplicate_members() {
    order_is(
        r#""zz":1,"mode":"A","zz":2,"mode":"X","aa":null"#,
        &[
            "mode: duplicate (given 2 times)",
            r#"mode: enum ("X" is not one of A, B, C)"#,
            "zz: unknown_field (not a field of this API)",
            "aa: unknown_field (not a field of this API)",
        ],
    );
}

#[test]
fn top_level_shapes() {
    assert_eq!(
        lines(&ORDER, "[1]"),
        ["MALFORMED expected a JSON object, found an array"]
    );
    assert_eq!(
        lines(&ORDER, "{"),
        ["MALFORMED EOF while parsing an object at line 1 column 1"]
    );
    assert_eq!(
        ORDER.check(&Wire::Null).unwrap_err().to_string(),
        ": type (must be a JSON object, got null)"
    );
    let mut v = Violations::default();
    ORDER.check_into(&Wire::Bool(true), "a[1].", &mut v);
    assert_eq!(
        v.to_string(),
        "a[1]: type (must be a JSON object, got true)"
    );
}

#[test]
fn check_value_alone() {
    let rule = FieldRule::new("amount", Ty::Amount)
        .required()
        .amount_range(1, 100, 2);
    let check = |w: Wire| {
        let mut v = Violations::default();
        check_value(&rule, &w, "x.amount", &mut v);
        v.to_string()
    };
    assert_eq!(check(Wire::Str("0.5".into())), "");
    assert_eq!(
        check(Wire::Null),
        "x.amount: required (must be set and not blank)"
    );
    assert_eq!(
        check(Wire::Number("2".into())),
        "x.amount: range (must be within [0.01, 1.00], got 2.00)"
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile input
// ---------------------------------------------------------------------------------------------

#[test]
fn hostile_input_never_panics() {
    let deep_array = format!("{{\"notes\":{}{}}}", "[".repeat(5000), "]".repeat(5000));
    assert!(lines(&ORDER, &deep_array)[0].starts_with("MALFORMED recursion limit exceeded"));
    let deep_object = format!("{}{}", "{\"payee_info\":".repeat(200), "}".repeat(200));
    assert!(lines(&ORDER, &deep_object)[0].starts_with("MALFORMED "));
    // Just within the parser's limit: checked, not followed further than the tables go.
    let nested = format!(
        "{{\"notes\":[\"n\"],\"payee_info\":{}1{}}}",
        "{\"a\":".repeat(100),
        "}".repeat(100)
    );
    let v = lines(&ORDER, &nested);
    assert_eq!(v.len(), 3, "{v:?}");
    let huge = "9".repeat(10_000);
    for field in ["level", "total", "ratio", "count", "day", "timeout", "mode"] {
        let v = order(&format!(r#""{field}":{huge}"#));
        assert_eq!(v.len(), 1, "{field}: {v:?}");
        assert!(v[0].len() < 300, "{field}: {v:?}");
        let v = order(&format!(r#""{field}":"{huge}""#));
        assert!(v.len() <= 1, "{field}: {v:?}");
        assert!(v.iter().all(|l| l.len() < 300), "{field}: {v:?}");
    }
    for bad in [
        r#"{"notes":["\ud800"]}"#,
        r#"{"notes":["\udc00x"]}"#,
        r#"{"notes":["\ud800\u0041"]}"#,
        r#"{"notes":["\uZZZZ"]}"#,
        "{\"notes\":[\"\u{0}\"]}",
        r#"{"notes":["n"]} {}"#,
        r#"{"notes":["n"],}"#,
        "{\"notes\":[\"n\"]\u{feff}}",
    ] {
        assert!(lines(&ORDER, bad)[0].starts_with("MALFORMED "), "{bad}");
    }
    // Escaped surrogate pairs are fine.
    assert_eq!(
        lines(&ORDER, r#"{"notes":["\ud83d\ude00"]}"#),
        Vec::<String>::new()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_any_text_checks_without_panicking(text in "\\PC{0,64}") {
        let _ = ORDER.check_json(&text);
        let _ = DISBURSE.check_json(&text);
    }

    #[test]
    fn prop_json_like_text_checks_without_panicking(
        text in r#"[{}\[\]",:0-9.eE+\-a-z \\u]{0,48}"#
    ) {
        let _ = ORDER.check_json(&text);
    }

    #[test]
    fn prop_members_of_any_shape_check_without_panicking(
        name in "(mode|payee_info|goods_detail|tags|notes|reason|total|channel|count|level|ratio|flag|day|month|at|timeout|bad_pattern|zz)",
        value in r#"(null|true|"|""|-?[0-9]{1,25}(\.[0-9]{1,3})?([eE][0-9]{1,3})?|"[0-9a-zA-Z .:-]{0,20}"|\[\]|\{\}|\["X",null,1\]|\{"identity":"2088102138117431","address":\{\}\}|\[\{"goods_id":1,"price":"1"\}\])"#,
    ) {
        let json = format!(r#"{{"notes":["n"],"{name}":{value}}}"#);
        if let Err(BizError::Invalid(v)) = ORDER.check_json(&json) {
            for line in v.iter() {
                prop_assert!(!line.rule.is_empty());
            }
        }
    }
}
