use super::*;

#[test]
fn amounts() {
    assert_eq!(parse_amount("0.01"), Some((1, 2)));
    assert_eq!(parse_amount("100000000.00"), Some((10_000_000_000, 2)));
    assert_eq!(parse_amount("5"), Some((500, 0)));
    assert_eq!(parse_amount("0.1"), Some((10, 1)));
    for bad in [
        "", ".5", "5.", "01", "0.001", "-1", "1e3", "1.2.3", " 1", "１",
    ] {
        assert_eq!(parse_amount(bad), None, "{bad:?}");
    }
    assert_eq!(parse_amount("999999999999999999999"), None);
}

#[test]
fn syntax_errors_name_the_first_rule_broken() {
    assert_eq!(parse(" 1"), Err(AmountSyntaxError::Whitespace));
    assert_eq!(parse("1e2"), Err(AmountSyntaxError::Exponent));
    assert_eq!(parse("1.2.3"), Err(AmountSyntaxError::MultiplePoints));
    assert_eq!(parse("0.001"), Err(AmountSyntaxError::TooManyDecimals));
    assert_eq!(
        parse("184467440737095516.16"),
        Err(AmountSyntaxError::Overflow)
    );
    assert_eq!(
        parse("184467440737095516.15"),
        Ok(WrittenAmount {
            fen: u64::MAX,
            decimals: 2
        })
    );
}

#[test]
fn yuan_has_two_decimals() {
    assert_eq!(Yuan(888).to_string(), "8.88");
    assert_eq!(Yuan(0).to_string(), "0.00");
    assert_eq!(Yuan(10_000).to_string(), "100.00");
    assert_eq!(Yuan(5).to_string(), "0.05");
    assert_eq!(
        Yuan(u128::from(u64::MAX) * 3).to_string(),
        "553402322211286548.45"
    );
    assert_eq!(format!("[{:>7}]", Yuan(888)), "[   8.88]");
}
