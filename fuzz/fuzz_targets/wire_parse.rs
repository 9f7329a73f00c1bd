//! `Wire::parse` on arbitrary text: never a panic; whatever it accepts, `to_json` writes text
//! that parses back to the same value (numbers, member order and duplicates kept exactly), and
//! serde_json agrees that the text is JSON.
//!
//! Run (not part of CI): `cd fuzz && cargo +nightly fuzz run wire_parse`.
#![no_main]

use alipay_core::wire::Wire;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = Wire::parse(text) else {
        return;
    };
    assert!(
        serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok(),
        "accepted what serde_json refuses: {text:?}"
    );
    let json = value.to_json();
    let again = Wire::parse(&json).expect("to_json output parses");
    assert_eq!(again, value, "{text:?} -> {json:?}");
    assert_eq!(again.to_json(), json);
    let _ = Wire::parse_object(text);
});
