use super::*;
use proptest::prelude::*;

use AmountError as AE;

#[test]
fn amount_parse_fund_table() {
    let cases: &[(&str, Result<u64, AmountError>)] = &[
        ("0.01", Ok(1)),
        ("5", Ok(500)),
        ("0.1", Ok(10)),
        ("0.10", Ok(10)),
        ("8.88", Ok(888)),
        ("100.00", Ok(10_000)),
        ("99999999.99", Ok(9_999_999_999)),
        ("100000000", Ok(10_000_000_000)),
        ("100000000.00", Ok(10_000_000_000)),
        ("100000000.01", Err(AE::AboveMaximum)),
        ("999999999999999999999999", Err(AE::AboveMaximum)),
        ("0", Err(AE::BelowMinimum)),
        ("0.00", Err(AE::BelowMinimum)),
        ("0.001", Err(AE::TooManyDecimals)),
        ("1.000", Err(AE::TooManyDecimals)),
        ("1.", Err(AE::MissingFraction)),
        (".5", Err(AE::MissingIntegerPart)),
        (".", Err(AE::MissingIntegerPart)),
        ("1.2.3", Err(AE::MultiplePoints)),
        ("+1", Err(AE::Sign)),
        ("-1", Err(AE::Sign)),
        ("1e2", Err(AE::Exponent)),
        ("1.5E3", Err(AE::Exponent)),
        (" 1", Err(AE::Whitespace)),
        ("1 ", Err(AE::Whitespace)),
        ("1\u{3000}", Err(AE::Whitespace)),
        ("1\u{a0}", Err(AE::Whitespace)),
        ("１", Err(AE::FullWidthDigit)),
        ("1．5", Err(AE::NonAscii)),
        ("١", Err(AE::NonAscii)),
        ("1,000", Err(AE::Separator)),
        ("1_000", Err(AE::Separator)),
        ("1，000", Err(AE::Separator)),
        ("00.5", Err(AE::LeadingZero)),
        ("01", Err(AE::LeadingZero)),
        ("", Err(AE::Empty)),
        ("abc", Err(AE::NotANumber)),
        ("NaN", Err(AE::NotANumber)),
        ("inf", Err(AE::NotANumber)),
        ("e", Err(AE::NotANumber)),
        ("$1", Err(AE::NotANumber)),
        ("0x10", Err(AE::NotANumber)),
    ];
    for (text, want) in cases {
        let got = Amount::parse(text).map(Amount::fen);
        assert_eq!(&got, want, "Amount::parse({text:?})");
    }
}

#[test]
fn amount_parse_unbounded_table() {
    let cases: &[(&str, Result<u64, AmountError>)] = &[
        ("0", Ok(0)),
        ("0.00", Ok(0)),
        ("0.0", Ok(0)),
        ("100000000.01", Ok(10_000_000_001)),
        ("184467440737095516.15", Ok(u64::MAX)),
        ("184467440737095516.16", Err(AE::Overflow)),
        ("1844674407370955162", Err(AE::Overflow)),
        ("99999999999999999999999", Err(AE::Overflow)),
        ("0.001", Err(AE::TooManyDecimals)),
        ("-0.01", Err(AE::Sign)),
        ("01", Err(AE::LeadingZero)),
    ];
    for (text, want) in cases {
        let got = Amount::parse_unbounded(text).map(Amount::fen);
        assert_eq!(&got, want, "Amount::parse_unbounded({text:?})");
    }
}

#[test]
fn amount_voucher_table() {
    let cases: &[(&str, Result<u64, AmountError>)] = &[
        ("9.99", Ok(999)),
        ("9.9", Ok(990)),
        ("0", Ok(0)),
        ("9999999.99", Ok(999_999_999)),
        // Sent as "10000000.00" (11 characters).
        ("10000000", Err(AE::VoucherTooLong)),
        // 10 characters as written, 11 as sent ("12345678.90").
        ("12345678.9", Err(AE::VoucherTooLong)),
        ("99999999999999999999999", Err(AE::VoucherTooLong)),
        ("0.001", Err(AE::TooManyDecimals)),
        ("1.", Err(AE::MissingFraction)),
    ];
    for (text, want) in cases {
        let got = Amount::parse_voucher(text).map(Amount::fen);
        assert_eq!(&got, want, "Amount::parse_voucher({text:?})");
    }
    assert_eq!(
        Amount::VOUCHER_MAX.to_string().len(),
        Amount::VOUCHER_MAX_LEN
    );
    assert_eq!(
        Amount::from_fen(999_999_999 + 1).check_voucher(),
        Err(AE::VoucherTooLong)
    );
}

#[test]
fn amount_range_checks_are_separate() {
    assert_eq!(Amount::ZERO.check_fund_range(), Err(AE::BelowMinimum));
    assert_eq!(Amount::FUND_MIN.check_fund_range(), Ok(Amount::FUND_MIN));
    assert_eq!(Amount::FUND_MAX.check_fund_range(), Ok(Amount::FUND_MAX));
    assert_eq!(
        Amount::from_fen(Amount::FUND_MAX.fen() + 1).check_fund_range(),
        Err(AE::AboveMaximum)
    );
}

#[test]
fn amount_display_and_serialize() {
    for (fen, text) in [
        (0, "0.00"),
        (1, "0.01"),
        (10, "0.10"),
        (888, "8.88"),
        (10_000, "100.00"),
        (10_000_000_000, "100000000.00"),
        (u64::MAX, "184467440737095516.15"),
    ] {
        let a = Amount::from_fen(fen);
        assert_eq!(a.to_string(), text);
        assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{text}\""));
    }
    assert_eq!(format!("{:>8}", Amount::from_fen(888)), "    8.88");
    assert_eq!(format!("{:?}", Amount::from_fen(888)), "Amount(8.88)");
    #[derive(Serialize)]
    struct Body {
        amount: Amount,
    }
    let body = Body {
        amount: Amount::parse("100").unwrap(),
    };
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"amount":"100.00"}"#
    );
}

#[test]
fn amount_deserializes_json_numbers_and_strings_exactly() {
    let ok: &[(&str, u64)] = &[
        ("100.00", 10_000),
        ("\"100.00\"", 10_000),
        ("0.1", 10),
        ("5", 500),
        ("\"8.88\"", 888),
        // 0.29 is 0.28999999999999998 as an f64; 0.29 * 100 truncates to 28.
        ("0.29", 29),
        ("1.13", 113),
        ("\"0.00\"", 0),
        ("0", 0),
        // 2^53 + 1 fen: not representable as an f64.
        ("90071992547409.93", 9_007_199_254_740_993),
        // A JSON escape is decoded first.
        ("\"\\u0031.00\"", 100),
        (" 7.5 ", 750),
    ];
    for (json, fen) in ok {
        let got: Amount =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{json} should deserialize: {e}"));
        assert_eq!(got.fen(), *fen, "{json}");
    }
    for bad in [
        "1e2",
        "1E2",
        "-1",
        "0.001",
        "\"0.001\"",
        "\"1e2\"",
        "\"\"",
        "\" 1\"",
        "null",
        "true",
        "{}",
        "[1]",
        "100.0e0",
        "1.",
    ] {
        let got = serde_json::from_str::<Amount>(bad);
        assert!(got.is_err(), "{bad} should be rejected, got {got:?}");
    }
    let e = serde_json::from_str::<Amount>("0.001")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("invalid amount 0.001: at most 2 decimals"),
        "{e}"
    );

    #[derive(Deserialize, Debug)]
    struct Reply {
        amount: Amount,
        rest: Option<Amount>,
        #[serde(default, deserialize_with = "Amount::deserialize_optional")]
        total: Option<Amount>,
    }
    let r: Reply = serde_json::from_str(r#"{"amount":100.00,"rest":"0.00","total":""}"#).unwrap();
    assert_eq!(r.amount.fen(), 10_000);
    assert_eq!(r.rest, Some(Amount::ZERO));
    assert_eq!(r.total, None);
    let r: Reply = serde_json::from_str(r#"{"amount":"0.01","rest":null}"#).unwrap();
    assert_eq!((r.amount.fen(), r.rest, r.total), (1, None, None));
    let r: Reply = serde_json::from_str(r#"{"amount":"0.01","rest":null,"total":12.5}"#).unwrap();
    assert_eq!(r.total, Some(Amount::from_fen(1250)));
    assert!(serde_json::from_str::<Reply>(r#"{"amount":"0.01","total":1e2}"#).is_err());
}

#[test]
fn amount_round_trips_through_serde_json() {
    let a = Amount::parse("1234.5").unwrap();
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(json, "\"1234.50\"");
    assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), a);
}

/// The grammar written independently of the byte loop, for the property tests.
fn reference_amount(text: &str) -> Option<u128> {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let ascii_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !ascii_digits(int) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    let frac = match frac {
        None => "00".to_string(),
        Some(f) if ascii_digits(f) && f.len() <= 2 => format!("{f:0<2}"),
        Some(_) => return None,
    };
    format!("{int}{frac}").parse::<u128>().ok()
}

proptest! {

    #[test]
    fn prop_amount_fund_round_trip(fen in 1u64..=10_000_000_000) {
        let a = Amount::from_fen(fen);
        let text = a.to_string();
        prop_assert_eq!(Amount::parse(&text), Ok(a));
        prop_assert_eq!(serde_json::from_str::<Amount>(&text).unwrap(), a);
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), a);
    }

    #[test]
    fn prop_amount_display_reparses(fen in any::<u64>()) {
        let a = Amount::from_fen(fen);
        prop_assert_eq!(Amount::parse_unbounded(&a.to_string()), Ok(a));
    }

    #[test]
    fn prop_amount_text_parses_exactly(
        int in "(0|[1-9][0-9]{0,11})",
        frac in "(\\.[0-9]{1,2})?",
    ) {
        let text = format!("{int}{frac}");
        let want = reference_amount(&text).unwrap();
        let got = Amount::parse_unbounded(&text).unwrap();
        prop_assert_eq!(u128::from(got.fen()), want);
        // The JSON number with that literal text reads the same.
        prop_assert_eq!(serde_json::from_str::<Amount>(&text).unwrap(), got);
        let in_range = (1..=10_000_000_000u128).contains(&want);
        prop_assert_eq!(Amount::parse(&text).is_ok(), in_range);
    }

    #[test]
    fn prop_amount_agrees_with_reference_grammar(text in "[0-9.eE+, -]{0,8}|\\PC{0,6}") {
        let got = Amount::parse_unbounded(&text).ok().map(|a| u128::from(a.fen()));
        prop_assert_eq!(got, reference_amount(&text));
    }
}
