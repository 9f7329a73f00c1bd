use super::*;
use proptest::prelude::*;

#[test]
fn user_id_table() {
    let cases: &[(&str, Result<&str, UserIdError>)] = &[
        ("2088102000275795", Ok("2088102000275795")),
        ("2088000000000000", Ok("2088000000000000")),
        ("", Err(UserIdError::Empty)),
        ("208810200027579", Err(UserIdError::WrongLength(15))),
        ("20881020002757951", Err(UserIdError::WrongLength(17))),
        ("1088102000275795", Err(UserIdError::WrongPrefix)),
        (
            "２０８８102000275795",
            Err(UserIdError::NonAsciiDigit('２')),
        ),
        ("2088١٠٢000275795", Err(UserIdError::NonAsciiDigit('١'))),
        ("2088۱02000275795", Err(UserIdError::NonAsciiDigit('۱'))),
        (" 2088102000275795", Err(UserIdError::InvalidCharacter(' '))),
        ("2088102000275795 ", Err(UserIdError::InvalidCharacter(' '))),
        ("2088-10200027579", Err(UserIdError::InvalidCharacter('-'))),
        ("2088a02000275795", Err(UserIdError::InvalidCharacter('a'))),
    ];
    for (text, want) in cases {
        let got = UserId::parse(text);
        assert_eq!(
            got.as_ref().map(UserId::as_str).map_err(|e| *e),
            *want,
            "UserId::parse({text:?})"
        );
    }
    let id = UserId::parse("2088102000275795").unwrap();
    assert_eq!(id.to_string(), "2088102000275795");
    assert_eq!(serde_json::to_string(&id).unwrap(), "\"2088102000275795\"");
    assert_eq!(
        serde_json::from_str::<UserId>("\"2088102000275795\"").unwrap(),
        id
    );
    assert!(serde_json::from_str::<UserId>("\"2088\"").is_err());
    assert!(serde_json::from_str::<UserId>("2088102000275795").is_err());
    assert_eq!(
        UserId::parse("２０８８102000275795")
            .unwrap_err()
            .to_string(),
        "only ASCII digits 0-9 are allowed, found '２' (U+FF12)"
    );
}

proptest! {

    #[test]
    fn prop_user_id_round_trip(tail in "[0-9]{12}") {
        let text = format!("2088{tail}");
        let id = UserId::parse(&text).unwrap();
        prop_assert_eq!(id.as_str(), text.as_str());
        let json = serde_json::to_string(&id).unwrap();
        prop_assert_eq!(serde_json::from_str::<UserId>(&json).unwrap(), id);
    }
}
