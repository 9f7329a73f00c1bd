//! A valid spec parses into exactly the expected model; directory loading.

use std::path::Path;

use alipay_spec::{
    ApiSpec, ErrorCode, Execution, Field, FieldType, Handling, LenUnit, Location, MaxLen, Notify,
    NotifyType, OneOfGroup, ParamsIn, Range, Required, Rule, RuleKind, Scalar, load_dir,
    parse_spec,
};

const MINIMAL: &str = r#"# a comment
schema = "alipay-spec/2"
method = "alipay.demo.pay"
name_zh = "演示支付"
summary = "A demo."
doc_url = "https://example.invalid/doc"
execution = "sdk_execute"
notify_url = true
return_url = false
response_node = "alipay_demo_pay_response"
completeness = "complete"
sources = ["S0", "JAVA"]

[[request]]
name = "order_title"
type = "string"
required = "yes"
max_len = 100
len_unit = "gbk_byte"
inferred = ["len_unit"]

[[request]]
name = "amount"
type = "amount"
required = "yes"
range = { min = "0.01", max = "100000000.00", scale = 2 }
example = "100.00"

[[request]]
name = "pay_timeout"
type = "pay_timeout"
required = "no"
max_len = 5
len_unit = "char"
pattern = "^[1-9][0-9]*[mhd]$"
range = { min = "1m", max = "15d" }
default = "15m"

[[request]]
name = "auth_no"
type = "string"
required = "one_of"
one_of = "order"

[[request]]
name = "out_order_no"
type = "string"
required = "one_of"
one_of = "order"

[[request_sdk_only]]
name = "memo"
type = "string"
required = "no"

[[one_of]]
id = "order"
fields = ["auth_no", "out_order_no"]
min = 1
precedence = ["auth_no", "out_order_no"]
doc = "不能同时为空"
inferred = ["precedence"]

[[rule]]
id = "pairing"
kind = "advisory"
doc = "auth_no goes with operation_id"

[[response]]
name = "status"
type = "enum"
required = "yes"
values = ["INIT", "SUCCESS", "CLOSED"]

[[response]]
name = "gmt_trans"
type = "datetime"
required = "no"
format = "yyyy-MM-dd HH:mm:ss"

[[error]]
code = "MONEY_NOT_ENOUGH"
msg = "红包金额不足"
solution = "请降低金额"
handling = "fix_request"
note = "amount > remaining"
source = "S0"

[notify]
documented = true
source = "S0"

[[notify.types]]
name = "fund_auth_pay"
doc = "资金授权支付成功"
default_on = true

[[notify.fields]]
name = "auth_no"
type = "string"
required = "no"
"#;

fn field(name: &str, ty: FieldType, required: Required, line: u32) -> Field {
    Field {
        name: name.to_owned(),
        ty,
        required,
        required_if: None,
        max_len: None,
        pattern: None,
        range: None,
        range_if: Vec::new(),
        values_if: Vec::new(),
        max_items: None,
        allow_1c: false,
        default: None,
        values: Vec::new(),
        format: None,
        doc: None,
        note: None,
        example: None,
        source: None,
        inferred: Vec::new(),
        location: Location { line, col: 8 },
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn minimal_valid_spec_parses_into_the_expected_model() {
    let spec = match parse_spec("specs/alipay.demo.pay.toml", MINIMAL) {
        Ok(spec) => spec,
        Err(e) => panic!("{e:?}"),
    };
    let expected = ApiSpec {
        method: "alipay.demo.pay".to_owned(),
        name_zh: "演示支付".to_owned(),
        summary: "A demo.".to_owned(),
        doc_url: Some("https://example.invalid/doc".to_owned()),
        execution: Execution::SdkExecute,
        notify_url: true,
        return_url: false,
        params: ParamsIn::BizContent,
        response_node: "alipay_demo_pay_response".to_owned(),
        completeness: "complete".to_owned(),
        sources: strings(&["S0", "JAVA"]),
        request: vec![
            Field {
                max_len: Some(MaxLen {
                    value: 100,
                    unit: LenUnit::GbkByte,
                }),
                inferred: strings(&["len_unit"]),
                ..field(
                    "order_title",
                    FieldType::Scalar(Scalar::String),
                    Required::Yes,
                    15,
                )
            },
            Field {
                range: Some(Range::Amount {
                    min_fen: 1,
                    max_fen: 10_000_000_000,
                    scale: 2,
                }),
                example: Some("100.00".to_owned()),
                ..field(
                    "amount",
                    FieldType::Scalar(Scalar::Amount),
                    Required::Yes,
                    23,
                )
            },
            Field {
                max_len: Some(MaxLen {
                    value: 5,
                    unit: LenUnit::Char,
                }),
                pattern: Some("^[1-9][0-9]*[mhd]$".to_owned()),
                range: Some(Range::PayTimeout {
                    min_minutes: 1,
                    max_minutes: 21_600,
                    min: "1m".to_owned(),
                    max: "15d".to_owned(),
                }),
                default: Some("15m".to_owned()),
                ..field(
                    "pay_timeout",
                    FieldType::Scalar(Scalar::PayTimeout),
                    Required::No,
                    30,
                )
            },
            field(
                "auth_no",
                FieldType::Scalar(Scalar::String),
                Required::OneOf("order".to_owned()),
                40,
            ),
            field(
                "out_order_no",
                FieldType::Scalar(Scalar::String),
                Required::OneOf("order".to_owned()),
                46,
            ),
        ],
        request_sdk_only: vec![field(
            "memo",
            FieldType::Scalar(Scalar::String),
            Required::No,
            52,
        )],
        one_of: vec![OneOfGroup {
            id: "order".to_owned(),
            fields: strings(&["auth_no", "out_order_no"]),
            min: 1,
            precedence: strings(&["auth_no", "out_order_no"]),
            enforce: true,
            condition: None,
            doc: Some("不能同时为空".to_owned()),
            source: None,
            inferred: strings(&["precedence"]),
            location: Location { line: 57, col: 6 },
        }],
        rules: vec![Rule {
            id: "pairing".to_owned(),
            kind: RuleKind::Advisory,
            doc: "auth_no goes with operation_id".to_owned(),
            source: None,
            location: Location { line: 65, col: 6 },
        }],
        response: vec![
            Field {
                values: strings(&["INIT", "SUCCESS", "CLOSED"]),
                ..field("status", FieldType::Scalar(Scalar::Enum), Required::Yes, 70)
            },
            Field {
                format: Some("yyyy-MM-dd HH:mm:ss".to_owned()),
                ..field(
                    "gmt_trans",
                    FieldType::Scalar(Scalar::Datetime),
                    Required::No,
                    76,
                )
            },
        ],
        errors: vec![ErrorCode {
            code: "MONEY_NOT_ENOUGH".to_owned(),
            msg: "红包金额不足".to_owned(),
            solution: "请降低金额".to_owned(),
            handling: Handling::FixRequest,
            note: Some("amount > remaining".to_owned()),
            source: Some("S0".to_owned()),
            location: Location { line: 82, col: 8 },
        }],
        notify: Some(Notify {
            documented: true,
            note: None,
            source: Some("S0".to_owned()),
            types: vec![NotifyType {
                name: "fund_auth_pay".to_owned(),
                doc: Some("资金授权支付成功".to_owned()),
                default_on: true,
            }],
            fields: vec![field(
                "auth_no",
                FieldType::Scalar(Scalar::String),
                Required::No,
                99,
            )],
        }),
        file: "specs/alipay.demo.pay.toml".to_owned(),
    };
    assert_eq!(spec, expected);

    // helpers the generator uses
    assert_eq!(spec.execution.as_str(), "sdk_execute");
    assert_eq!(spec.errors[0].handling.as_str(), "fix_request");
    assert!(
        spec.request_field("order_title")
            .is_some_and(Field::is_required)
    );
    assert!(
        !spec
            .request_field("auth_no")
            .is_some_and(Field::is_required)
    );
    assert_eq!(
        spec.request_field("auth_no").and_then(Field::one_of_group),
        Some("order")
    );
    assert!(spec.request_field("status").is_none());
    assert!(spec.response_field("status").is_some());
    assert!(spec.one_of_group("order").is_some());
    assert!(spec.error("MONEY_NOT_ENOUGH").is_some());
}

#[test]
fn optional_tables_may_be_absent() {
    let text = MINIMAL
        .split("\n[[request]]")
        .next()
        .unwrap_or_default()
        .replace("doc_url = \"https://example.invalid/doc\"\n", "");
    let spec = match parse_spec("alipay.demo.pay.toml", &text) {
        Ok(spec) => spec,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(spec.doc_url, None);
    assert!(spec.request.is_empty() && spec.one_of.is_empty() && spec.errors.is_empty());
    assert_eq!(spec.notify, None);
}

#[test]
fn load_dir_skips_underscore_files_and_reports_every_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"));
    };
    write("alipay.demo.pay.toml", MINIMAL);
    write("_common.toml", "this is not = = toml");
    write("README.md", "# not a spec");
    let specs = load_dir(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(specs.len(), 1);
    assert_eq!(
        specs[0].file,
        dir.path()
            .join("alipay.demo.pay.toml")
            .display()
            .to_string()
    );

    write(
        "alipay.demo.a.toml",
        &MINIMAL.replace("type = \"enum\"", "type = \"enumeration\""),
    );
    write(
        "alipay.demo.b.toml",
        &MINIMAL.replace("alipay.demo.pay", "alipay.demo.b"),
    );
    write("alipay.demo.c.toml", "schema = [");
    let errors: Vec<String> = load_dir(dir.path())
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect();
    let at = |name: &str| dir.path().join(name).display().to_string();
    assert_eq!(
        errors,
        [
            format!(
                "{}:3:10: method \"alipay.demo.pay\" does not match the file name (expected \"alipay.demo.a\")",
                at("alipay.demo.a.toml")
            ),
            format!(
                "{}:71:8: unknown type \"enumeration\" (expected a builtin: string, amount, integer, number, boolean, date, month, datetime, pay_timeout, user_id, json, enum, object, array; or a shared type: none declared)",
                at("alipay.demo.a.toml")
            ),
            format!(
                "{}:10:17: response_node \"alipay_demo_pay_response\" does not match the method (expected \"alipay_demo_b_response\")",
                at("alipay.demo.b.toml")
            ),
            format!(
                "{}:1:11: invalid TOML: unclosed array, expected `]`",
                at("alipay.demo.c.toml")
            ),
        ]
    );
}

#[test]
fn load_dir_on_a_missing_directory() {
    let missing = Path::new("/nonexistent/alipay-specs");
    let errors = load_dir(missing).err().unwrap_or_default();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .to_string()
            .starts_with("/nonexistent/alipay-specs:1:1: cannot read the spec directory: "),
        "{errors:?}"
    );
}
