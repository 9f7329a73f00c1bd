use super::*;
use crate::value::char_len;

#[test]
fn json_object_text() {
    let text = r#"{"merchantExt":"key=value"}"#;
    let j = JsonObjectText::parse(text).unwrap();
    assert_eq!(j.as_str(), text);
    assert_eq!(
        serde_json::to_string(&j).unwrap(),
        r#""{\"merchantExt\":\"key=value\"}""#
    );
    // Verbatim, whitespace included.
    let spaced = " { \"a\" : 1 } ";
    assert_eq!(JsonObjectText::parse(spaced).unwrap().as_str(), spaced);
    let cases: &[(&str, JsonObjectTextError)] = &[
        ("", JsonObjectTextError::Empty),
        ("  ", JsonObjectTextError::Empty),
        ("[]", JsonObjectTextError::NotAnObject("array")),
        ("\"{}\"", JsonObjectTextError::NotAnObject("string")),
        ("1", JsonObjectTextError::NotAnObject("number")),
        ("true", JsonObjectTextError::NotAnObject("boolean")),
        ("null", JsonObjectTextError::NotAnObject("null")),
    ];
    for (text, want) in cases {
        assert_eq!(
            JsonObjectText::parse(*text).as_ref(),
            Err(want),
            "JsonObjectText::parse({text:?})"
        );
    }
    for bad in ["{", "{} x", "{'a':1}", "merchantExt=1", "{\"a\":1,}"] {
        assert!(
            matches!(
                JsonObjectText::parse(bad),
                Err(JsonObjectTextError::NotJson(_))
            ),
            "{bad}"
        );
    }
    // Max length in characters.
    let fits = format!("{{\"k\":\"{}\"}}", "红".repeat(292));
    assert_eq!(char_len(&fits), 300);
    let fits = JsonObjectText::parse(fits).unwrap();
    assert_eq!(
        fits.check_max_chars(JsonObjectText::EXTRA_PARAM_MAX_CHARS),
        Ok(())
    );
    let over = JsonObjectText::parse(format!("{{\"k\":\"{}\"}}", "a".repeat(293))).unwrap();
    assert_eq!(
        over.check_max_chars(300).unwrap_err().len,
        301,
        "301 characters"
    );
    // Deserialize from the string form and from an object.
    let from_string: JsonObjectText =
        serde_json::from_str(r#""{\"merchantExt\":\"key=value\"}""#).unwrap();
    assert_eq!(from_string.as_str(), text);
    let from_object: JsonObjectText = serde_json::from_str(r#"{"a": [1, 2]}"#).unwrap();
    assert_eq!(from_object.as_str(), r#"{"a": [1, 2]}"#);
    assert!(serde_json::from_str::<JsonObjectText>("\"[1]\"").is_err());
    assert!(serde_json::from_str::<JsonObjectText>("[1]").is_err());
}
