//! `alipay validate METHOD` (the generated, compiled-in validator) and `alipay validate --spec
//! FILE` (the same spec read at run time) must agree, line for line and exit code for exit
//! code, on a corpus of cases for every shipped spec: the one rule engine serves both.
//!
//! The corpus is derived from each spec so it follows the specs as they change: a valid object
//! built from the fields' examples, then, per field, the field missing, empty, blank, of the
//! wrong JSON type, too long, out of range, not in its enum, and unknown members, and some
//! malformed texts.

use std::path::{Path, PathBuf};
use std::process::Command;

use alipay_core::Amount;
use alipay_spec::{ApiSpec, Field, FieldType, Range, Scalar};
use serde_json::{Map, Value, json};

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

/// A valid value for a field, from its example when it has one.
fn valid(f: &Field) -> Value {
    let scalar = match &f.ty {
        FieldType::Scalar(s) => *s,
        _ => return Value::Null,
    };
    match scalar {
        Scalar::Amount => json!(match &f.range {
            Some(Range::Amount { min_fen, .. }) => Amount::from_fen(*min_fen).to_string(),
            _ => "1.00".to_string(),
        }),
        Scalar::PayTimeout => json!("30m"),
        Scalar::UserId => json!("2088102138117431"),
        Scalar::Json => json!("{\"k\":\"v\"}"),
        Scalar::Enum => json!(f.values.first().cloned().unwrap_or_default()),
        Scalar::Integer => json!(1),
        Scalar::Number => json!(1),
        Scalar::Boolean => json!(true),
        Scalar::Date => json!("2024-02-29"),
        Scalar::Month => json!("2024-02"),
        Scalar::Datetime => json!("2024-02-29 23:59:59"),
        Scalar::String => json!(
            f.example
                .clone()
                .filter(|e| e.len() <= 16)
                .unwrap_or_else(|| "x".into())
        ),
    }
}

/// Every case of one spec: (label, JSON text).
fn corpus(spec: &ApiSpec) -> Vec<(String, String)> {
    let mut base = Map::new();
    for f in &spec.request {
        let v = valid(f);
        if !v.is_null() {
            base.insert(f.name.clone(), v);
        }
    }
    let mut cases = vec![
        (
            "all fields".to_string(),
            Value::Object(base.clone()).to_string(),
        ),
        ("empty object".to_string(), "{}".to_string()),
        ("not an object".to_string(), "[1]".to_string()),
        ("malformed".to_string(), "{\"a\":".to_string()),
        ("unknown member".to_string(), {
            let mut o = base.clone();
            o.insert("colour".into(), json!("red"));
            Value::Object(o).to_string()
        }),
    ];
    for f in &spec.request {
        let mut with = |label: &str, v: Option<Value>| {
            let mut o = base.clone();
            match v {
                Some(v) => o.insert(f.name.clone(), v),
                None => o.remove(&f.name),
            };
            cases.push((format!("{} {label}", f.name), Value::Object(o).to_string()));
        };
        with("missing", None);
        with("null", Some(Value::Null));
        with("empty", Some(json!("")));
        with("blank", Some(json!("   ")));
        with("number", Some(json!(12)));
        with("object", Some(json!({"a": 1})));
        with("array", Some(json!(["a"])));
        with("very long", Some(json!("红".repeat(400))));
        with("bad amount", Some(json!("0.001")));
        with("big amount", Some(json!("100000000.01")));
        with("zero amount", Some(json!(0)));
        with("exponent", Some(json!(1e2)));
        with("timeout 1c", Some(json!("1c")));
        with("timeout 16d", Some(json!("16d")));
        with("timeout 1.5h", Some(json!("1.5h")));
        with("fullwidth uid", Some(json!("２０８８102138117431")));
        with("not in enum", Some(json!("NOPE")));
        with("json array text", Some(json!("[1]")));
    }
    cases
}

fn run(args: &[&str]) -> (Option<i32>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(args)
        .output()
        .expect("run alipay");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

#[test]
fn compiled_and_spec_file_validation_agree_on_every_case() {
    let specs = alipay_spec::load_dir(&specs_dir()).expect("valid specs");
    assert_eq!(specs.len(), 20);
    let mut compared = 0;
    let mut disagreements = Vec::new();
    let mut violations_seen = 0;
    for spec in &specs {
        let file = specs_dir().join(format!("{}.toml", spec.method));
        let file = file.to_str().expect("utf-8 path");
        for (label, biz) in corpus(spec) {
            let compiled = run(&["validate", &spec.method, "--biz", &biz]);
            let from_file = run(&["validate", "--spec", file, "--biz", &biz]);
            if compiled.0 == Some(1) {
                violations_seen += compiled.1.lines().count();
            }
            if compiled != from_file {
                disagreements.push(format!(
                    "{} / {label}: {biz}\n  compiled: {compiled:?}\n  --spec:   {from_file:?}",
                    spec.method
                ));
            }
            compared += 1;
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    // The corpus is not trivially valid: it exercises most rules.
    assert!(compared > 800, "{compared} cases");
    assert!(violations_seen > 500, "{violations_seen} violations");
}

#[test]
fn spec_files_outside_the_build_validate_nested_rules() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../alipay-apis/tests/nested/specs");
    let file = dir.join("alipay.fund.trans.uni.transfer.toml");
    let (code, out) = run(&[
        "validate",
        "--spec",
        file.to_str().unwrap(),
        "--biz",
        r#"{"out_biz_no":"b","trans_amount":"0.05","product_code":"TRANS_ACCOUNT_NO_PWD","payee_info":{"identity":"a@b.c","identity_type":"ALIPAY_LOGON_ID"}}"#,
    ]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(
        out,
        "trans_amount: range (must be within [0.10, 100000000.00], got 0.05 (when product_code is TRANS_ACCOUNT_NO_PWD))\npayee_info.name: required (must be set when identity_type is ALIPAY_LOGON_ID)\n"
    );

    let (code, out) = run(&["spec", "check", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with("ok "), "{out}");
}
