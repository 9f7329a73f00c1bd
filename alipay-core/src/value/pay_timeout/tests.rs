use super::*;
use proptest::prelude::*;

use PayTimeoutError as PE;

#[test]
fn pay_timeout_parse_table() {
    let cases: &[(&str, Result<u32, PayTimeoutError>)] = &[
        ("1m", Ok(1)),
        ("30m", Ok(30)),
        ("90m", Ok(90)),
        ("1h", Ok(60)),
        ("2d", Ok(2880)),
        ("7d", Ok(10_080)),
        ("168h", Ok(10_080)),
        ("169h", Ok(10_140)),
        ("15d", Ok(21_600)),
        ("360h", Ok(21_600)),
        ("9999m", Ok(9999)),
        ("9999d", Ok(9999 * 1440)),
        ("10080m", Err(PE::TooLong)),
        ("21600m", Err(PE::TooLong)),
        ("99999d", Err(PE::TooLong)),
        ("1H", Err(PE::UppercaseUnit)),
        ("1M", Err(PE::UppercaseUnit)),
        ("1.5h", Err(PE::Decimal)),
        ("1,5h", Err(PE::Decimal)),
        (".5h", Err(PE::Decimal)),
        ("0m", Err(PE::Zero)),
        ("0d", Err(PE::Zero)),
        ("01m", Err(PE::LeadingZero)),
        ("00m", Err(PE::LeadingZero)),
        ("1c", Err(PE::UnknownUnit)),
        ("1s", Err(PE::UnknownUnit)),
        ("", Err(PE::Empty)),
        ("30", Err(PE::MissingUnit)),
        ("m", Err(PE::MissingNumber)),
        ("H", Err(PE::MissingNumber)),
        ("abc", Err(PE::InvalidCharacter)),
        (" 1m", Err(PE::Whitespace)),
        ("1m ", Err(PE::Whitespace)),
        ("1 m", Err(PE::Whitespace)),
        ("1h30m", Err(PE::TrailingCharacters)),
        ("1mm", Err(PE::TrailingCharacters)),
        ("-1m", Err(PE::InvalidCharacter)),
        ("+1m", Err(PE::InvalidCharacter)),
        ("１m", Err(PE::InvalidCharacter)),
        ("1ｍ", Err(PE::InvalidCharacter)),
    ];
    for (text, want) in cases {
        let got = PayTimeout::parse(text).map(|t| t.minutes());
        assert_eq!(&got, want, "PayTimeout::parse({text:?})");
        if let Ok(t) = PayTimeout::parse(text) {
            assert_eq!(t.as_str(), *text);
            assert_eq!(t.to_string(), *text);
        }
    }
}

#[test]
fn pay_timeout_ranges_compare_minutes() {
    let seven = (PayTimeout::MIN_MINUTES, PayTimeout::MINUTES_7D);
    let fifteen = (PayTimeout::MIN_MINUTES, PayTimeout::MINUTES_15D);
    let check =
        |text: &str, (min, max): (u32, u32)| PayTimeout::parse(text).unwrap().check_range(min, max);
    assert_eq!(check("168h", seven), Ok(()));
    assert_eq!(check("7d", seven), Ok(()));
    assert_eq!(check("1m", seven), Ok(()));
    assert_eq!(
        check("169h", seven),
        Err(PE::OutOfRange {
            minutes: 10_140,
            min: 1,
            max: 10_080
        })
    );
    assert!(check("8d", seven).is_err());
    assert_eq!(check("360h", fifteen), Ok(()));
    assert_eq!(check("15d", fifteen), Ok(()));
    assert!(check("361h", fifteen).is_err());
    assert!(check("16d", fifteen).is_err());
    assert_eq!(
        check("169h", seven).unwrap_err().to_string(),
        "10140 minutes is outside the allowed range 1m to 7d (1 to 10080 minutes)"
    );
}

#[test]
fn pay_timeout_serde() {
    let t = PayTimeout::parse("90m").unwrap();
    assert_eq!(serde_json::to_string(&t).unwrap(), "\"90m\"");
    assert_eq!(serde_json::from_str::<PayTimeout>("\"90m\"").unwrap(), t);
    assert_eq!(format!("{t:?}"), "PayTimeout(\"90m\")");
    let e = serde_json::from_str::<PayTimeout>("\"1.5h\"").unwrap_err();
    assert!(e.to_string().contains("no decimals"), "{e}");
    assert!(serde_json::from_str::<PayTimeout>("90").is_err());
    assert_eq!("2d".parse::<PayTimeout>().unwrap().minutes(), 2880);
}

proptest! {

    #[test]
    fn prop_pay_timeout_round_trip(n in 1u32..=99_999, unit in "[mhd]") {
        let text = format!("{n}{unit}");
        let per_unit = match unit.as_str() { "m" => 1, "h" => 60, _ => 1440 };
        match PayTimeout::parse(&text) {
            Ok(t) => {
                prop_assert!(text.len() <= 5);
                prop_assert_eq!(t.as_str(), text.as_str());
                prop_assert_eq!(t.to_string(), text.clone());
                prop_assert_eq!(t.minutes(), n * per_unit);
                let json = serde_json::to_string(&t).unwrap();
                prop_assert_eq!(serde_json::from_str::<PayTimeout>(&json).unwrap(), t);
            }
            Err(e) => {
                prop_assert!(text.len() > 5);
                prop_assert_eq!(e, PE::TooLong);
            }
        }
    }

    #[test]
    fn prop_pay_timeout_agrees_with_reference_grammar(text in "[0-9.mhdMHc ]{0,7}|\\PC{0,6}") {
        let b = text.as_bytes();
        let want = !b.is_empty()
            && b.len() <= 5
            && matches!(b[b.len() - 1], b'm' | b'h' | b'd')
            && b.len() >= 2
            && b[0] != b'0'
            && b[..b.len() - 1].iter().all(u8::is_ascii_digit);
        prop_assert_eq!(PayTimeout::parse(&text).is_ok(), want, "{:?}", text);
    }
}
