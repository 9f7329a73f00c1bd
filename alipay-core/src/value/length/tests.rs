use super::*;
use proptest::prelude::*;

#[test]
fn gbk_and_char_lengths() {
    let cases: &[(&str, usize, usize)] = &[
        ("", 0, 0),
        ("abc", 3, 3),
        ("红包ab", 6, 4),
        ("😀", 4, 1),
        ("，", 2, 1),
        ("预授权发码", 10, 5),
        ("𠀀", 4, 1),
        ("\u{E5E5}", 4, 1),
    ];
    for (text, gbk, chars) in cases {
        assert_eq!(gbk_len(text), *gbk, "gbk_len({text:?})");
        assert_eq!(char_len(text), *chars, "char_len({text:?})");
        assert_eq!(LengthUnit::GbkByte.measure(text), *gbk);
        assert_eq!(LengthUnit::Char.measure(text), *chars);
    }
    // Longer than the encoder's 512-byte buffer.
    let long = "红".repeat(1000) + "a";
    assert_eq!(gbk_len(&long), 2001);
    // 50 Chinese characters fit the 100 budget, 51 do not.
    let fifty = "红".repeat(50);
    assert_eq!(LengthUnit::GbkByte.check_max(&fifty, 100), Ok(()));
    let e = LengthUnit::GbkByte
        .check_max(&(fifty + "a"), 100)
        .unwrap_err();
    assert_eq!(
        e,
        TooLong {
            len: 101,
            max: 100,
            unit: LengthUnit::GbkByte
        }
    );
    assert_eq!(
        e.to_string(),
        "at most 100 GBK bytes (a Chinese character counts 2), found 101"
    );
    assert_eq!(LengthUnit::Char.check_max(&"红".repeat(100), 100), Ok(()));
    assert_eq!(LengthUnit::GbkByte.name(), "gbk_byte");
}

proptest! {

    #[test]
    fn prop_gbk_len_at_least_char_len(text in "\\PC{0,40}") {
        let g = gbk_len(&text);
        let c = char_len(&text);
        prop_assert!(g >= c);
        prop_assert!(g <= 4 * c);
        if text.is_ascii() {
            prop_assert_eq!(g, c);
        }
    }
}
