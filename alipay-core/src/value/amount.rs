//! [`Amount`]: yuan held exactly as fen, and its grammar (the [`amount!`](crate::amount)
//! literal is in the parent module, with the other compile-time literals).

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use alipay_spec::grammar::amount::{self as grammar, AmountSyntaxError};

/// Fen written as yuan (`x.yy`), for totals wider than an [`Amount`] (a `u128` of fen); what
/// [`Amount`]'s `Display` writes.
pub use alipay_spec::grammar::Yuan;

/// An amount of yuan (CNY), held exactly as a whole number of **fen** (`u64`, 1 yuan = 100
/// fen), so `8.88` is `888` and no value ever passes through a float.
///
/// Grammar: `^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$` in ASCII: `5`, `0.1` and `0.10`
/// are fine; `1.`, `.5`, `01`, `+1`, `1e2`, `1,000`, ` 1` and `１` are not.
///
/// | constructor | grammar | range |
/// | --- | --- | --- |
/// | [`Amount::parse`] (fund APIs) | yes | [0.01, 100000000.00] |
/// | [`Amount::parse_unbounded`] (responses, notifications) | yes | any value ≥ 0 |
/// | [`Amount::parse_voucher`] (`alipay.marketing.voucher.send`) | yes | ≤ 10 characters as sent (≤ 9999999.99) |
/// | [`Amount::from_fen`] | - | any |
///
/// Range checks are also available on their own ([`Amount::check_fund_range`],
/// [`Amount::check_voucher`]), so a value from anywhere can be validated later.
///
/// `Display` and `Serialize` write `"x.yy"` (always 2 decimals, as a JSON **string**: a float
/// serializer would turn `100.00` into `100.0`). `Deserialize` (serde_json only) reads a JSON
/// string or a JSON number exactly, from its literal text, with the unbounded grammar.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(u64);

/// Why a text is not a valid [`Amount`]. `Display` states the rule that was broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AmountError {
    /// `""`.
    Empty,
    /// A space, tab, newline or other Unicode whitespace anywhere (values are never trimmed).
    Whitespace,
    /// `+1`, `-1`.
    Sign,
    /// `1e2`, `1E-2`.
    Exponent,
    /// `1,000`, `1_000`, `1'000`, `1，000`.
    Separator,
    /// `１` (U+FF10..U+FF19).
    FullWidthDigit,
    /// Any other non-ASCII character.
    NonAscii,
    /// Some other ASCII character (`abc`, `NaN`, `$1`).
    NotANumber,
    /// `.5`.
    MissingIntegerPart,
    /// `1.`.
    MissingFraction,
    /// `1.2.3`.
    MultiplePoints,
    /// `01`, `00.5`.
    LeadingZero,
    /// `0.001`.
    TooManyDecimals,
    /// Below 0.01 (fund APIs).
    BelowMinimum,
    /// Above 100000000.00 (fund APIs).
    AboveMaximum,
    /// More than 10 characters once written with 2 decimals (voucher.send: above 9999999.99).
    VoucherTooLong,
    /// More fen than a `u64` holds (only [`Amount::parse_unbounded`]; the bounded parsers
    /// report their maximum instead).
    Overflow,
}

impl AmountError {
    /// The rule that was broken, as a static text (also used by the compile-time check of
    /// [`amount!`](crate::amount)).
    pub const fn message(self) -> &'static str {
        match self {
            AmountError::Empty => "empty",
            AmountError::Whitespace => "whitespace is not allowed",
            AmountError::Sign => "no sign allowed (no + or -)",
            AmountError::Exponent => "no exponent allowed (write 100, not 1e2)",
            AmountError::Separator => "no digit group separators allowed (write 1000, not 1,000)",
            AmountError::FullWidthDigit => "full-width digits are not allowed (use ASCII 0-9)",
            AmountError::NonAscii => "only ASCII digits and one point are allowed",
            AmountError::NotANumber => "not a decimal number",
            AmountError::MissingIntegerPart => "a digit is needed before the point (0.5, not .5)",
            AmountError::MissingFraction => "a digit is needed after the point (1 or 1.0, not 1.)",
            AmountError::MultiplePoints => "at most one decimal point",
            AmountError::LeadingZero => "no leading zeros (1 or 0.5, not 01 or 00.5)",
            AmountError::TooManyDecimals => "at most 2 decimals",
            AmountError::BelowMinimum => "below the minimum 0.01",
            AmountError::AboveMaximum => "above the maximum 100000000.00",
            AmountError::VoucherTooLong => {
                "at most 10 characters when written with 2 decimals (at most 9999999.99)"
            }
            AmountError::Overflow => "too large",
        }
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for AmountError {}

/// The grammar's complaint as an [`AmountError`].
const fn syntax_error(e: AmountSyntaxError) -> AmountError {
    match e {
        AmountSyntaxError::Empty => AmountError::Empty,
        AmountSyntaxError::Whitespace => AmountError::Whitespace,
        AmountSyntaxError::Sign => AmountError::Sign,
        AmountSyntaxError::Exponent => AmountError::Exponent,
        AmountSyntaxError::Separator => AmountError::Separator,
        AmountSyntaxError::FullWidthDigit => AmountError::FullWidthDigit,
        AmountSyntaxError::NonAscii => AmountError::NonAscii,
        AmountSyntaxError::NotANumber => AmountError::NotANumber,
        AmountSyntaxError::MissingIntegerPart => AmountError::MissingIntegerPart,
        AmountSyntaxError::MissingFraction => AmountError::MissingFraction,
        AmountSyntaxError::MultiplePoints => AmountError::MultiplePoints,
        AmountSyntaxError::LeadingZero => AmountError::LeadingZero,
        AmountSyntaxError::TooManyDecimals => AmountError::TooManyDecimals,
        AmountSyntaxError::Overflow => AmountError::Overflow,
    }
}

impl Amount {
    /// 0.00.
    pub const ZERO: Amount = Amount(0);
    /// The fund APIs' minimum, 0.01.
    pub const FUND_MIN: Amount = Amount(1);
    /// The fund APIs' maximum, 100000000.00.
    pub const FUND_MAX: Amount = Amount(10_000_000_000);
    /// voucher.send's largest amount: `#.00` within its max length 10.
    pub const VOUCHER_MAX: Amount = Amount(999_999_999);
    /// voucher.send's max length.
    pub const VOUCHER_MAX_LEN: usize = 10;

    /// An amount of `fen` hundredths of a yuan (no range check).
    pub const fn from_fen(fen: u64) -> Amount {
        Amount(fen)
    }

    /// The amount in fen.
    pub const fn fen(self) -> u64 {
        self.0
    }

    /// Grammar and at most 2 decimals, any value from 0 up (zero allowed): for responses and
    /// notifications (`"0.00"` for an empty remainder). The only range error is
    /// [`AmountError::Overflow`].
    pub const fn parse_unbounded(text: &str) -> Result<Amount, AmountError> {
        match grammar::parse(text) {
            Ok(a) => Ok(Amount(a.fen)),
            Err(e) => Err(syntax_error(e)),
        }
    }

    /// A fund API amount: grammar, at most 2 decimals, within [0.01, 100000000.00]. The
    /// documented max length 11 is not applied: the range governs.
    pub const fn parse(text: &str) -> Result<Amount, AmountError> {
        match Amount::parse_unbounded(text) {
            Ok(a) => a.check_fund_range(),
            Err(AmountError::Overflow) => Err(AmountError::AboveMaximum),
            Err(e) => Err(e),
        }
    }

    /// A voucher.send amount (`#.00`, max length 10, no documented range): grammar, at most 2
    /// decimals, and at most 10 characters as sent, i.e. with exactly 2 decimals (so
    /// `12345678.9`, sent as `12345678.90`, is too long). Zero is allowed.
    pub const fn parse_voucher(text: &str) -> Result<Amount, AmountError> {
        match Amount::parse_unbounded(text) {
            Ok(a) => a.check_voucher(),
            Err(AmountError::Overflow) => Err(AmountError::VoucherTooLong),
            Err(e) => Err(e),
        }
    }

    /// `Ok(self)` when within the fund APIs' range [0.01, 100000000.00].
    pub const fn check_fund_range(self) -> Result<Amount, AmountError> {
        if self.0 < Amount::FUND_MIN.0 {
            Err(AmountError::BelowMinimum)
        } else if self.0 > Amount::FUND_MAX.0 {
            Err(AmountError::AboveMaximum)
        } else {
            Ok(self)
        }
    }

    /// `Ok(self)` when the value fits voucher.send's `#.00` with max length 10.
    pub const fn check_voucher(self) -> Result<Amount, AmountError> {
        if self.0 > Amount::VOUCHER_MAX.0 {
            Err(AmountError::VoucherTooLong)
        } else {
            Ok(self)
        }
    }

    /// For `#[serde(default, deserialize_with = "Amount::deserialize_optional")]` on response
    /// fields: JSON `null` and `""` are `None`, anything else as [`Amount`]'s `Deserialize`.
    pub fn deserialize_optional<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Amount>, D::Error> {
        let Some(raw) = Option::<Box<RawValue>>::deserialize(deserializer)? else {
            return Ok(None);
        };
        if raw.get() == "\"\"" {
            return Ok(None);
        }
        amount_from_json(raw.get())
            .map(Some)
            .map_err(D::Error::custom)
    }
}

/// The type of amounts in responses and notifications: [`Amount`], whose `Deserialize` is the
/// unbounded grammar (any exact value ≥ 0 with at most 2 decimals, `"0.00"` included). A reply
/// is not checked against a request's range. `""` is an error with this type; use
/// `#[serde(default, deserialize_with = "Amount::deserialize_optional")]` to read it as `None`.
pub type ResponseAmount = Amount;

/// An amount from the literal JSON text of a string or a number.
fn amount_from_json(raw: &str) -> Result<Amount, String> {
    let parsed = match raw.as_bytes().first() {
        Some(b'"') => {
            let text = serde_json::from_str::<String>(raw).map_err(|e| e.to_string())?;
            Amount::parse_unbounded(&text)
        }
        Some(b'-' | b'0'..=b'9') => Amount::parse_unbounded(raw),
        _ => {
            return Err(format!(
                "expected an amount (a JSON string or number), found {raw}"
            ));
        }
    };
    parsed.map_err(|e| format!("invalid amount {raw}: {e}"))
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Yuan(u128::from(self.0)), f)
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({self})")
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads the literal text of the JSON value (`Box<RawValue>`), so `100.00`, `0.1`, `5` and
/// `"8.88"` are read exactly and `1e2`, `-1` and `0.001` are rejected. Works with
/// `serde_json::from_str`/`from_slice`/`from_reader`; through a `serde_json::Value` the number
/// has already been rounded to an `f64` (and `#[serde(flatten)]`/untagged enums, which buffer
/// values, cannot produce a `RawValue` at all).
impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        amount_from_json(raw.get()).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests;
