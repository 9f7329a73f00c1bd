use super::*;

#[test]
fn timeouts() {
    assert_eq!(parse_timeout_minutes("1m"), Some(1));
    assert_eq!(parse_timeout_minutes("7d"), Some(10080));
    assert_eq!(parse_timeout_minutes("15d"), Some(21600));
    assert_eq!(parse_timeout_minutes("168h"), Some(10080));
    assert_eq!(parse_timeout_minutes("10080m"), Some(10080));
    for bad in ["", "m", "0m", "01h", "1.5h", "1c", "1M", "5", "９m", "红m"] {
        assert_eq!(parse_timeout_minutes(bad), None, "{bad:?}");
    }
    assert_eq!(parse_timeout_minutes("4294967295d"), None);
    assert_eq!(minutes("4294967295d"), Err(PayTimeoutSyntaxError::Overflow));
    assert_eq!(
        minutes("99999999999m"),
        Err(PayTimeoutSyntaxError::Overflow)
    );
}
