//! `Wire`: exact parsing and writing (property tests), and the conversions of the value types.

use alipay_core::value::{Date, DateTime, JsonObjectText, Month, Number};
use alipay_core::wire::{FromWire, Scaled, ToWire, Wire, WireError, WireObject};
use alipay_core::{Amount, PayTimeout, UserId};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Exactness
// ---------------------------------------------------------------------------------------------

#[test]
fn numbers_keep_their_text() {
    for n in [
        "100.00",
        "1e2",
        "1E+2",
        "-1.5e-7",
        "-0",
        "0",
        "0.10",
        "123456789012345678901234567890",
        "-9223372036854775809",
        "18446744073709551616",
    ] {
        let w = Wire::parse(n).unwrap();
        assert_eq!(w, Wire::Number(n.to_string()));
        assert_eq!(w.to_json(), n);
        assert_eq!(w.to_string(), n);
    }
    let o = Wire::parse(r#"{"a": 100.00, "b" :[ 1e2 , -0 ]}"#).unwrap();
    assert_eq!(o.to_json(), r#"{"a":100.00,"b":[1e2,-0]}"#);
    assert_eq!(
        o.object().unwrap().field::<Amount>("a").unwrap(),
        Amount::from_fen(10_000)
    );
    for bad in ["01", "1.", ".5", "+1", "1e", "-", "NaN", "Infinity", "0x10"] {
        assert!(Wire::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn objects_keep_order_and_duplicates() {
    let w = Wire::parse(r#"{"z":1,"a":2,"z":3}"#).unwrap();
    let o = w.object().unwrap();
    let names: Vec<&str> = o.iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["z", "a", "z"]);
    assert_eq!(o.get("z"), Some(&Wire::Number("3".into())));
    assert_eq!(o.get("y"), None);
    assert_eq!(w.to_json(), r#"{"z":1,"a":2,"z":3}"#);
    assert_eq!(
        o.unknown(&["a"]).0,
        vec![
            ("z".to_string(), Wire::Number("1".into())),
            ("z".to_string(), Wire::Number("3".into()))
        ]
    );
}

#[test]
fn parse_object_and_object() {
    assert_eq!(
        Wire::parse_object("[]").unwrap_err(),
        "expected a JSON object, found an array"
    );
    assert_eq!(
        Wire::parse_object("\"x\"").unwrap_err(),
        "expected a JSON object, found a string"
    );
    assert_eq!(
        Wire::parse_object("null").unwrap_err(),
        "expected a JSON object, found null"
    );
    assert_eq!(
        Wire::parse_object("{").unwrap_err(),
        "EOF while parsing an object at line 1 column 1"
    );
    assert_eq!(
        Wire::Number("1".into()).object().unwrap_err().to_string(),
        "expected a JSON object, found a number"
    );
    assert!(Wire::Null.is_absent());
    assert!(Wire::Str(String::new()).is_absent());
    assert!(!Wire::Str(" ".into()).is_absent());
    assert!(!Wire::Array(vec![]).is_absent());
}

#[test]
fn syntax_errors_are_serde_jsons() {
    assert_eq!(
        Wire::parse("").unwrap_err(),
        "EOF while parsing a value at line 1 column 0"
    );
    assert_eq!(
        Wire::parse("{} x").unwrap_err(),
        "trailing characters at line 1 column 4"
    );
    assert_eq!(
        Wire::parse(r#""\ud83d\ude00""#).unwrap(),
        Wire::Str("😀".into())
    );
    assert_eq!(
        Wire::parse(r#""a\"\\\/\b\f\n\r\t""#).unwrap(),
        Wire::Str("a\"\\/\u{8}\u{c}\n\r\t".into())
    );
}

#[test]
fn hostile_text_is_an_error_not_a_crash() {
    for text in [
        "[".repeat(1_000_000),
        "{\"a\":".repeat(100_000),
        format!("{}1{}", "[".repeat(129), "]".repeat(129)),
        r#""\ud800""#.to_string(),
        r#""\ud800\ud800""#.to_string(),
        r#""\udfff""#.to_string(),
        r#""\u12""#.to_string(),
        "\"\\".to_string(),
        "\"abc".to_string(),
        "tru".to_string(),
        "\u{feff}{}".to_string(),
    ] {
        assert!(Wire::parse(&text).is_err(), "{:.40}", text);
    }
    // Within serde_json's limit.
    let ok = format!("{}1{}", "[".repeat(120), "]".repeat(120));
    assert_eq!(Wire::parse(&ok).unwrap().to_json(), ok);
}

// ---------------------------------------------------------------------------------------------
// WireObject
// ---------------------------------------------------------------------------------------------

#[test]
fn put_drops_absent_values() {
    let mut o = WireObject::new();
    o.put("a", "x");
    o.put("b", "");
    o.put("c", &None::<String>);
    o.put("d", &Some(5u32));
    o.put("e", &Amount::from_fen(880));
    o.put("f", &true);
    o.put("g", &vec![Scaled(Amount::from_fen(500), 0)]);
    o.put("h", &String::from("y"));
    assert_eq!(
        Wire::from(o.clone()).to_json(),
        r#"{"a":"x","d":5,"e":"8.80","f":true,"g":["5"],"h":"y"}"#
    );
    assert_eq!(o.to_string(), Wire::from(o.clone()).to_json());
    assert_eq!(o.len(), 6);
}

#[test]
fn to_params() {
    let w = Wire::parse(
        r#"{"s":"a b","n":1.50,"t":true,"f":false,"o":{"k":[1,"v"]},"a":[],"z":null,"e":""}"#,
    )
    .unwrap();
    let params = w.object().unwrap().to_params();
    let want: Vec<(String, String)> = [
        ("s", "a b"),
        ("n", "1.50"),
        ("t", "true"),
        ("f", "false"),
        ("o", r#"{"k":[1,"v"]}"#),
        ("a", "[]"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(params, want);
}

// ---------------------------------------------------------------------------------------------
// FromWire
// ---------------------------------------------------------------------------------------------

#[derive(Debug, PartialEq)]
struct Item {
    amount: Amount,
    note: Option<String>,
}

impl FromWire for Item {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        let o = w.object()?;
        Ok(Item {
            amount: o.field("amount")?,
            note: o.field("note")?,
        })
    }
}

#[test]
fn field_errors_carry_paths() {
    let w = Wire::parse(
        r#"{"items":[{"amount":"1"},{"amount":2,"note":""},{"amount":"0.001"}],"n":"x"}"#,
    )
    .unwrap();
    let o = w.object().unwrap();
    assert_eq!(
        o.field::<Vec<Item>>("items").unwrap_err().to_string(),
        "items[2].amount: invalid amount \"0.001\": at most 2 decimals"
    );
    let two: Vec<Item> =
        Vec::from_wire(&Wire::parse(r#"[{"amount":"1"},{"amount":2,"note":""}]"#).unwrap())
            .unwrap();
    assert_eq!(
        two,
        [
            Item {
                amount: Amount::from_fen(100),
                note: None
            },
            Item {
                amount: Amount::from_fen(200),
                note: None
            }
        ]
    );
    assert_eq!(
        o.field::<Vec<Vec<u32>>>("missing").unwrap_err().to_string(),
        "missing: missing"
    );
    let nested = Wire::parse(r#"{"a":[[1],[2,"x"]]}"#).unwrap();
    assert_eq!(
        nested
            .object()
            .unwrap()
            .field::<Vec<Vec<u32>>>("a")
            .unwrap_err()
            .to_string(),
        "a[1][1]: expected an integer (u32), found \"x\""
    );
    assert_eq!(o.field::<Option<Vec<Item>>>("missing").unwrap(), None);
    assert_eq!(
        o.field::<Item>("n").unwrap_err().to_string(),
        "n: expected a JSON object, found a string"
    );
}

#[test]
fn lenient_scalars() {
    let w = |t: &str| Wire::parse(t).unwrap();
    assert_eq!(String::from_wire(&w("\"s\"")).unwrap(), "s");
    assert_eq!(String::from_wire(&w("12.50")).unwrap(), "12.50");
    assert_eq!(String::from_wire(&w("true")).unwrap(), "true");
    assert_eq!(
        String::from_wire(&w("null")).unwrap_err().message,
        "missing"
    );
    assert!(String::from_wire(&w("[1]")).is_err());
    assert_eq!(Option::<String>::from_wire(&w("\"\"")).unwrap(), None);
    assert_eq!(String::from_wire(&w("\"\"")).unwrap(), "");
    assert!(bool::from_wire(&w("true")).unwrap());
    assert!(!bool::from_wire(&w("\"false\"")).unwrap());
    assert!(bool::from_wire(&w("1")).is_err());
    assert_eq!(i64::from_wire(&w("-5")).unwrap(), -5);
    assert_eq!(i64::from_wire(&w("\"42\"")).unwrap(), 42);
    assert_eq!(
        u64::from_wire(&w("18446744073709551615")).unwrap(),
        u64::MAX
    );
    assert_eq!(
        u32::from_wire(&w("4294967296")).unwrap_err().message,
        "expected an integer (u32), found 4294967296 (out of range)"
    );
    assert!(u32::from_wire(&w("-1")).is_err());
    assert!(i64::from_wire(&w("1.0")).is_err());
    assert!(i64::from_wire(&w("1e2")).is_err());
    assert!(i64::from_wire(&w("\"+1\"")).is_err());
    assert_eq!(Wire::from_wire(&w("[1]")).unwrap(), w("[1]"));
}

#[test]
fn value_types() {
    let w = |t: &str| Wire::parse(t).unwrap();
    assert_eq!(Amount::from_wire(&w("100.00")).unwrap().fen(), 10_000);
    assert_eq!(Amount::from_wire(&w("\"0.00\"")).unwrap().fen(), 0);
    assert_eq!(
        Amount::from_wire(&w("1e2")).unwrap_err().message,
        "invalid amount 1e2: no exponent allowed (write 100, not 1e2)"
    );
    assert_eq!(
        Amount::from_wire(&w("true")).unwrap_err().message,
        "expected an amount (a JSON string or number), found true"
    );
    assert_eq!(Amount::from_fen(5).to_wire(), Wire::Str("0.05".into()));

    assert_eq!(
        PayTimeout::from_wire(&w("\"90m\"")).unwrap(),
        PayTimeout::parse("90m").unwrap()
    );
    assert!(PayTimeout::from_wire(&w("\"1c\"")).unwrap().is_today());
    assert_eq!(
        PayTimeout::from_wire(&w("\"1.5h\"")).unwrap_err().message,
        "pay_timeout \"1.5h\": no decimals (write 90m, not 1.5h)"
    );
    assert_eq!(PayTimeout::TODAY.to_wire(), Wire::Str("1c".into()));

    let id = UserId::parse("2088102138117431").unwrap();
    assert_eq!(UserId::from_wire(&w("\"2088102138117431\"")).unwrap(), id);
    assert_eq!(UserId::from_wire(&w("2088102138117431")).unwrap(), id);
    assert_eq!(
        UserId::from_wire(&w("\"2088\"")).unwrap_err().message,
        "user id \"2088\": must be 16 digits (2088 and 12 more), found 4"
    );
    assert_eq!(id.to_wire(), Wire::Str("2088102138117431".into()));

    let j = JsonObjectText::from_wire(&w(r#"{"a": [1, 2.50]}"#)).unwrap();
    assert_eq!(j.as_str(), r#"{"a":[1,2.50]}"#);
    let j = JsonObjectText::from_wire(&w(r#""{\"a\": 1}""#)).unwrap();
    assert_eq!(j.as_str(), r#"{"a": 1}"#);
    assert_eq!(j.to_wire(), Wire::Str(r#"{"a": 1}"#.into()));
    assert!(JsonObjectText::from_wire(&w("[1]")).is_err());

    assert_eq!(
        Date::from_wire(&w("\"2024-02-29\"")).unwrap(),
        Date::parse("2024-02-29").unwrap()
    );
    assert_eq!(
        Date::from_wire(&w("\"2023-02-29\"")).unwrap_err().message,
        r#"must be yyyy-MM-dd, got "2023-02-29" (no such day)"#
    );
    assert!(Month::from_wire(&w("\"2024-02\"")).is_ok());
    assert!(DateTime::from_wire(&w("\"2024-02-29 00:00:00\"")).is_ok());
    assert!(DateTime::from_wire(&w("20240229")).is_err());

    let n = Number::from_wire(&w("12.50")).unwrap();
    assert_eq!(n.as_str(), "12.50");
    assert_eq!(n.to_wire(), Wire::Number("12.50".into()));
    assert_eq!(Number::from_wire(&w("\"-3\"")).unwrap().as_str(), "-3");
    assert!(Number::from_wire(&w("1e2")).is_err());
}

#[test]
fn scaled_amounts() {
    let s = |fen, scale| Scaled(Amount::from_fen(fen), scale).to_wire();
    assert_eq!(s(10_000, 0), Wire::Str("100".into()));
    assert_eq!(s(10_050, 1), Wire::Str("100.5".into()));
    assert_eq!(s(10_050, 2), Wire::Str("100.50".into()));
    // Not exact at that scale: 2 decimals rather than lose money.
    assert_eq!(s(10_050, 0), Wire::Str("100.50".into()));
    assert_eq!(s(10_001, 1), Wire::Str("100.01".into()));
}

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

fn number_text() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,12})?([eE][+-]?[0-9]{1,3})?"
}

fn wire() -> impl Strategy<Value = Wire> {
    let leaf = prop_oneof![
        Just(Wire::Null),
        any::<bool>().prop_map(Wire::Bool),
        number_text().prop_map(Wire::Number),
        any::<String>().prop_map(Wire::Str),
        "[\\x00-\\x1f\"\\\\/a\u{7f}\u{2028}红😀]{0,8}".prop_map(Wire::Str),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Wire::Array),
            prop::collection::vec(("[a-c]{0,2}|\\PC{0,4}", inner), 0..6)
                .prop_map(|m| Wire::Object(WireObject(m))),
        ]
    })
}

/// The JSON text of `w` with `ws` between every two tokens.
fn spaced(w: &Wire, ws: &str) -> String {
    match w {
        Wire::Array(items) => {
            let inner: Vec<String> = items.iter().map(|i| spaced(i, ws)).collect();
            format!("[{ws}{}{ws}]", inner.join(&format!("{ws},{ws}")))
        }
        Wire::Object(o) => {
            let inner: Vec<String> = o
                .iter()
                .map(|(n, v)| {
                    format!(
                        "{}{ws}:{ws}{}",
                        serde_json::to_string(n).unwrap(),
                        spaced(v, ws)
                    )
                })
                .collect();
            format!("{{{ws}{}{ws}}}", inner.join(&format!("{ws},{ws}")))
        }
        other => other.to_json(),
    }
}

proptest! {
    #[test]
    fn prop_round_trip(w in wire()) {
        let json = w.to_json();
        prop_assert_eq!(Wire::parse(&json).unwrap(), w.clone());
        // Valid JSON to an independent parser (serde_json::Value refuses numbers beyond f64,
        // `0.1e310`; the grammar is all that counts here).
        prop_assert!(serde_json::from_str::<serde::de::IgnoredAny>(&json).is_ok());
        prop_assert_eq!(w.to_string(), json);
    }

    #[test]
    fn prop_whitespace_is_ignored(w in wire(), ws in "[ \t\n\r]{0,3}") {
        let text = format!("{ws}{}{ws}", spaced(&w, &ws));
        prop_assert_eq!(Wire::parse(&text).unwrap(), w);
    }

    #[test]
    fn prop_strings_escape_like_serde_json(s in any::<String>()) {
        let w = Wire::Str(s.clone());
        prop_assert_eq!(w.to_json(), serde_json::to_string(&s).unwrap());
        // And serde_json's escapes (including \u for every character) read back.
        let escaped: String = s
            .encode_utf16()
            .map(|u| format!("\\u{u:04x}"))
            .collect();
        prop_assert_eq!(Wire::parse(&format!("\"{escaped}\"")).unwrap(), w);
    }

    #[test]
    fn prop_numbers_are_exact(n in number_text()) {
        let w = Wire::parse(&n).unwrap();
        prop_assert_eq!(w.to_json(), n.clone());
        let amount = Amount::from_wire(&w).ok();
        prop_assert_eq!(amount, Amount::parse_unbounded(&n).ok());
    }

    #[test]
    fn prop_parse_agrees_with_serde_json_on_validity(text in r#"[\[\]{}",:0-9.eE+\-a-z \\]{0,24}"#) {
        let ours = Wire::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        // serde_json::Value refuses numbers beyond f64 (`1e999`), which are kept as text here.
        let valid = match &theirs {
            Ok(_) => true,
            Err(e) => {
                e.to_string().starts_with("number out of range")
                    && serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok()
            }
        };
        prop_assert_eq!(ours.is_ok(), valid, "{:?}", text);
        if let (Ok(w), Ok(v)) = (ours, theirs) {
            // Same structure, modulo number texts: compare through serde_json.
            let reread: serde_json::Value = serde_json::from_str(&w.to_json()).unwrap();
            prop_assert_eq!(reread, v);
        }
    }
}
