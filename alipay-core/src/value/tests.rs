use super::*;
use crate::value::{AmountError as AE, PayTimeoutError as PE};

#[test]
fn literal_macros_in_const_context() {
    const A: Amount = crate::amount!("8.88");
    const T: PayTimeout = crate::pay_timeout!("30m");
    assert_eq!(A.fen(), 888);
    assert_eq!(T.as_str(), "30m");
    assert_eq!(T.minutes(), 30);
    assert_eq!(crate::amount!("100000000.00"), Amount::FUND_MAX);
    assert_eq!(crate::amount!("0.01"), Amount::FUND_MIN);
    // Out of the API's range but grammatical: the literal only checks grammar and length.
    assert_eq!(crate::pay_timeout!("99d").minutes(), 99 * 1440);
}

fn message(kind: &str, text: &str, rule: &str) -> String {
    let (buf, len) = literal_message(kind, text, rule);
    String::from_utf8(buf[..len].to_vec()).unwrap()
}

#[test]
fn literal_panic_messages_name_the_rule() {
    let cases = [
        ("amount", "0.001", AE::TooManyDecimals.message()),
        ("amount", "1.", AE::MissingFraction.message()),
        ("amount", "100000000.01", AE::AboveMaximum.message()),
        ("pay_timeout", "1.5h", PE::Decimal.message()),
        ("pay_timeout", "0m", PE::Zero.message()),
        ("pay_timeout", "10080m", PE::TooLong.message()),
    ];
    for (kind, text, rule) in cases {
        // The const parsers agree with the rule named.
        let got = if kind == "amount" {
            Amount::parse(text).unwrap_err().message()
        } else {
            PayTimeout::parse(text).unwrap_err().message()
        };
        assert_eq!(got, rule);
        assert_eq!(
            message(kind, text, rule),
            format!("{kind} \"{text}\": {rule}")
        );
    }
    assert_eq!(
        message("amount", "0.001", AE::TooManyDecimals.message()),
        "amount \"0.001\": at most 2 decimals"
    );
    // A long literal is shortened at a character boundary.
    let long = "红".repeat(40);
    let m = message("amount", &long, AE::NonAscii.message());
    assert!(
        m.starts_with(&format!("amount \"{}...\": ", "红".repeat(21))),
        "{m}"
    );
    assert!(m.ends_with(AE::NonAscii.message()), "{m}");
}
