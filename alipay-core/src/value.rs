//! Value types shared by the generated APIs: amounts, `pay_timeout`,
//! Alipay user ids, the length units of text fields and `extra_param` JSON text.
//!
//! Every type is validated on construction and never trims or rewrites what the caller wrote,
//! except [`Amount`], which is a number of fen and is always sent with exactly 2 decimals.
//! Optional fields and one-of groups treat an empty string as absent: that decision belongs to
//! the generated code, which calls these parsers only for non-empty values.
//!
//! Literals can be checked at compile time with [`amount!`](crate::amount) and
//! [`pay_timeout!`](crate::pay_timeout):
//!
//! ```
//! use alipay_core::value::{Amount, PayTimeout};
//! use alipay_core::{amount, pay_timeout};
//!
//! const RED_PACKET: Amount = amount!("8.88");
//! assert_eq!(RED_PACKET.fen(), 888);
//! assert_eq!(RED_PACKET.to_string(), "8.88");
//! assert_eq!(amount!("100").to_string(), "100.00");
//!
//! let timeout: PayTimeout = pay_timeout!("90m");
//! assert_eq!(timeout.as_str(), "90m");
//! assert_eq!(timeout.minutes(), 90);
//! assert!(timeout.check_range(1, PayTimeout::MINUTES_7D).is_ok());
//! ```
//!
//! A literal that breaks a rule does not compile:
//!
//! ```compile_fail
//! let _ = alipay_core::amount!("0.001"); // amount "0.001": at most 2 decimals
//! ```
//!
//! ```compile_fail
//! let _ = alipay_core::pay_timeout!("1.5h"); // pay_timeout "1.5h": no decimals ...
//! ```

use std::fmt;
use std::str::FromStr;

use encoding_rs::{EncoderResult, GB18030};
use serde::de::{Error as _, IgnoredAny};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

pub use crate::dates::{Date, DateTime, FormatError, Month};
pub use crate::number::Number;

// ---------------------------------------------------------------------------------------------
// const helpers (byte loops: const fn cannot use iterators)
// ---------------------------------------------------------------------------------------------

/// The byte at `i`, or 0 past the end (never panics).
const fn byte_at(b: &[u8], i: usize) -> u32 {
    if i < b.len() { b[i] as u32 } else { 0 }
}

/// The code point whose UTF-8 sequence starts at `i` (`b` comes from a `&str`).
const fn code_point_at(b: &[u8], i: usize) -> u32 {
    let c0 = byte_at(b, i);
    if c0 < 0x80 {
        c0
    } else if c0 < 0xE0 {
        ((c0 & 0x1F) << 6) | (byte_at(b, i + 1) & 0x3F)
    } else if c0 < 0xF0 {
        ((c0 & 0x0F) << 12) | ((byte_at(b, i + 1) & 0x3F) << 6) | (byte_at(b, i + 2) & 0x3F)
    } else {
        ((c0 & 0x07) << 18)
            | ((byte_at(b, i + 1) & 0x3F) << 12)
            | ((byte_at(b, i + 2) & 0x3F) << 6)
            | (byte_at(b, i + 3) & 0x3F)
    }
}

/// Unicode `White_Space` (what `char::is_whitespace` accepts).
const fn is_whitespace(cp: u32) -> bool {
    matches!(
        cp,
        0x09..=0x0D
            | 0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

const fn is_ascii_digit(b: u32) -> bool {
    b >= b'0' as u32 && b <= b'9' as u32
}

// ---------------------------------------------------------------------------------------------
// Amount
// ---------------------------------------------------------------------------------------------

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

/// What is wrong with the character starting at byte `i` of an amount.
const fn amount_char_error(b: &[u8], i: usize) -> AmountError {
    let cp = code_point_at(b, i);
    if is_whitespace(cp) {
        AmountError::Whitespace
    } else if matches!(cp, 0x2B | 0x2D | 0x2212 | 0xFF0B | 0xFF0D) {
        AmountError::Sign
    } else if (cp == b'e' as u32 || cp == b'E' as u32)
        && i > 0
        && (is_ascii_digit(byte_at(b, i - 1)) || byte_at(b, i - 1) == b'.' as u32)
    {
        AmountError::Exponent
    } else if matches!(cp, 0x2C | 0x5F | 0x27 | 0x066C | 0xFF0C) {
        AmountError::Separator
    } else if cp >= 0xFF10 && cp <= 0xFF19 {
        AmountError::FullWidthDigit
    } else if cp >= 0x80 {
        AmountError::NonAscii
    } else {
        AmountError::NotANumber
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
        let b = text.as_bytes();
        let len = b.len();
        if len == 0 {
            return Err(AmountError::Empty);
        }
        // Characters first: the most specific complaint for ` 1`, `-1`, `1e2`, `１`.
        let mut points = 0usize;
        let mut i = 0;
        while i < len {
            let c = b[i];
            if c == b'.' {
                points += 1;
            } else if !c.is_ascii_digit() {
                return Err(amount_char_error(b, i));
            }
            i += 1;
        }
        if points > 1 {
            return Err(AmountError::MultiplePoints);
        }
        // Then the structure: integer part, point, fraction.
        let mut int_len = 0;
        while int_len < len && b[int_len] != b'.' {
            int_len += 1;
        }
        if int_len == 0 {
            return Err(AmountError::MissingIntegerPart);
        }
        let has_point = int_len < len;
        let frac_len = if has_point { len - int_len - 1 } else { 0 };
        if has_point && frac_len == 0 {
            return Err(AmountError::MissingFraction);
        }
        if int_len > 1 && b[0] == b'0' {
            return Err(AmountError::LeadingZero);
        }
        if frac_len > 2 {
            return Err(AmountError::TooManyDecimals);
        }
        // The value, exactly, with overflow checks.
        let mut yuan: u64 = 0;
        let mut i = 0;
        while i < int_len {
            let digit = (b[i] - b'0') as u64;
            yuan = match yuan.checked_mul(10) {
                Some(v) => match v.checked_add(digit) {
                    Some(v) => v,
                    None => return Err(AmountError::Overflow),
                },
                None => return Err(AmountError::Overflow),
            };
            i += 1;
        }
        let mut fen: u64 = 0;
        if frac_len >= 1 {
            fen += (b[int_len + 1] - b'0') as u64 * 10;
        }
        if frac_len == 2 {
            fen += (b[int_len + 2] - b'0') as u64;
        }
        match yuan.checked_mul(100) {
            Some(v) => match v.checked_add(fen) {
                Some(v) => Ok(Amount(v)),
                None => Err(AmountError::Overflow),
            },
            None => Err(AmountError::Overflow),
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
        if f.width().is_none() && f.precision().is_none() {
            write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
        } else {
            f.pad(&format!("{}.{:02}", self.0 / 100, self.0 % 100))
        }
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

// ---------------------------------------------------------------------------------------------
// PayTimeout
// ---------------------------------------------------------------------------------------------

/// A `pay_timeout` value: a positive integer without leading zero followed by a
/// lowercase unit `m`, `h` or `d` (`30m`, `2h`, `7d`), at most 5 characters. The text is kept
/// exactly as given (`90m` stays `90m`); [`PayTimeout::minutes`] is its length in minutes,
/// which [`PayTimeout::check_range`] compares with an API's range (1m~7d for disburse and the
/// pay APIs, 1m~15d for voucher.create).
///
/// `10080m` equals 7d but is 6 characters long, so it is rejected: write `7d`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PayTimeout {
    text: [u8; PayTimeout::MAX_LEN],
    len: u8,
    minutes: u32,
}

/// Why a text is not a valid [`PayTimeout`], or why it is outside an API's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PayTimeoutError {
    /// `""`.
    Empty,
    /// Whitespace anywhere (` 1m`, `1m `).
    Whitespace,
    /// `1.5h` (the doc: write `90m`).
    Decimal,
    /// `m`: no number before the unit.
    MissingNumber,
    /// `30`: no unit.
    MissingUnit,
    /// `1H`, `1M`, `1D`.
    UppercaseUnit,
    /// `1c`, `1s`, `1w`.
    UnknownUnit,
    /// `0m`.
    Zero,
    /// `01m`.
    LeadingZero,
    /// `1h30m`, `1mm`: something after the unit.
    TrailingCharacters,
    /// Any other character (`-1m`, `１m`).
    InvalidCharacter,
    /// More than 5 characters (`10080m`: write `7d`).
    TooLong,
    /// Valid, but outside the API's range (all in minutes).
    OutOfRange { minutes: u32, min: u32, max: u32 },
}

impl PayTimeoutError {
    /// The rule that was broken, as a static text (also used by the compile-time check of
    /// [`pay_timeout!`](crate::pay_timeout)).
    pub const fn message(self) -> &'static str {
        match self {
            PayTimeoutError::Empty => "empty",
            PayTimeoutError::Whitespace => "whitespace is not allowed",
            PayTimeoutError::Decimal => "no decimals (write 90m, not 1.5h)",
            PayTimeoutError::MissingNumber => "a number is needed before the unit",
            PayTimeoutError::MissingUnit => "a unit is needed after the number (m, h or d)",
            PayTimeoutError::UppercaseUnit => "the unit must be lowercase (m, h or d)",
            PayTimeoutError::UnknownUnit => "the unit must be m, h or d",
            PayTimeoutError::Zero => "must be at least 1 (0 is not allowed)",
            PayTimeoutError::LeadingZero => "no leading zeros (1m, not 01m)",
            PayTimeoutError::TrailingCharacters => {
                "nothing may follow the unit (one number and one unit: 90m, not 1h30m)"
            }
            PayTimeoutError::InvalidCharacter => {
                "only ASCII digits followed by one unit m, h or d are allowed"
            }
            PayTimeoutError::TooLong => "at most 5 characters (write 7d, not 10080m)",
            PayTimeoutError::OutOfRange { .. } => "outside the allowed range",
        }
    }
}

/// `10080` → `7d`, `120` → `2h`, `90` → `90m`.
fn fmt_minutes(minutes: u32) -> String {
    if minutes != 0 && minutes.is_multiple_of(1440) {
        format!("{}d", minutes / 1440)
    } else if minutes != 0 && minutes.is_multiple_of(60) {
        format!("{}h", minutes / 60)
    } else {
        format!("{minutes}m")
    }
}

impl fmt::Display for PayTimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PayTimeoutError::OutOfRange { minutes, min, max } => write!(
                f,
                "{minutes} minutes is outside the allowed range {} to {} ({min} to {max} minutes)",
                fmt_minutes(min),
                fmt_minutes(max)
            ),
            other => f.write_str(other.message()),
        }
    }
}

impl std::error::Error for PayTimeoutError {}

impl PayTimeout {
    /// The documented max length.
    pub const MAX_LEN: usize = 5;
    /// The smallest value any API accepts: 1m.
    pub const MIN_MINUTES: u32 = 1;
    /// 7d: the maximum of disburse, app.pay, page.pay and agreement.pay.
    pub const MINUTES_7D: u32 = 7 * 24 * 60;
    /// 15d: the maximum of voucher.create.
    pub const MINUTES_15D: u32 = 15 * 24 * 60;

    /// Grammar `^[1-9][0-9]*[mhd]$` and max length 5. The API's range is checked separately
    /// by [`PayTimeout::check_range`].
    pub const fn parse(text: &str) -> Result<PayTimeout, PayTimeoutError> {
        let b = text.as_bytes();
        let len = b.len();
        if len == 0 {
            return Err(PayTimeoutError::Empty);
        }
        let mut digits = 0;
        while digits < len && b[digits].is_ascii_digit() {
            digits += 1;
        }
        if digits == len {
            return Err(PayTimeoutError::MissingUnit);
        }
        let cp = code_point_at(b, digits);
        let unit_error = if is_whitespace(cp) {
            Some(PayTimeoutError::Whitespace)
        } else if cp == b'.' as u32 || cp == b',' as u32 {
            Some(PayTimeoutError::Decimal)
        } else if cp == b'M' as u32 || cp == b'H' as u32 || cp == b'D' as u32 {
            Some(PayTimeoutError::UppercaseUnit)
        } else if cp == b'm' as u32 || cp == b'h' as u32 || cp == b'd' as u32 {
            None
        } else if cp < 0x80 && (cp as u8).is_ascii_alphabetic() {
            Some(PayTimeoutError::UnknownUnit)
        } else {
            Some(PayTimeoutError::InvalidCharacter)
        };
        if let Some(e) = unit_error {
            return Err(match e {
                // `M` alone: a unit (in the wrong case) without a number.
                PayTimeoutError::UppercaseUnit if digits == 0 => PayTimeoutError::MissingNumber,
                // `abc`: not a unit after a number.
                PayTimeoutError::UnknownUnit if digits == 0 => PayTimeoutError::InvalidCharacter,
                e => e,
            });
        }
        if digits == 0 {
            return Err(PayTimeoutError::MissingNumber);
        }
        if digits + 1 < len {
            return Err(if is_whitespace(code_point_at(b, digits + 1)) {
                PayTimeoutError::Whitespace
            } else {
                PayTimeoutError::TrailingCharacters
            });
        }
        if b[0] == b'0' {
            return Err(if digits == 1 {
                PayTimeoutError::Zero
            } else {
                PayTimeoutError::LeadingZero
            });
        }
        if len > PayTimeout::MAX_LEN {
            return Err(PayTimeoutError::TooLong);
        }
        // At most 4 digits here: no overflow.
        let mut number: u32 = 0;
        let mut i = 0;
        while i < digits {
            number = number * 10 + (b[i] - b'0') as u32;
            i += 1;
        }
        let per_unit = match b[digits] {
            b'm' => 1,
            b'h' => 60,
            _ => 1440,
        };
        let mut stored = [0u8; PayTimeout::MAX_LEN];
        let mut i = 0;
        while i < len {
            stored[i] = b[i];
            i += 1;
        }
        Ok(PayTimeout {
            text: stored,
            len: len as u8,
            minutes: number * per_unit,
        })
    }

    /// `1c`: the order closes at midnight today (Beijing time) whenever it was created. Only
    /// some APIs accept it ([`PayTimeout::parse_allowing_1c`]); [`PayTimeout::parse`] rejects
    /// it. It has no length in minutes: [`PayTimeout::minutes`] is 0 and
    /// [`PayTimeout::check_range`] always accepts it.
    pub const TODAY: PayTimeout = PayTimeout {
        text: [b'1', b'c', 0, 0, 0],
        len: 2,
        minutes: 0,
    };

    /// [`PayTimeout::parse`], and `1c` ([`PayTimeout::TODAY`]) too: for the APIs that accept
    /// it.
    pub const fn parse_allowing_1c(text: &str) -> Result<PayTimeout, PayTimeoutError> {
        let b = text.as_bytes();
        if b.len() == 2 && b[0] == b'1' && b[1] == b'c' {
            Ok(PayTimeout::TODAY)
        } else {
            PayTimeout::parse(text)
        }
    }

    /// Whether this is `1c` ([`PayTimeout::TODAY`]).
    pub const fn is_today(&self) -> bool {
        self.len == 2 && self.text[1] == b'c'
    }

    /// The duration in minutes (`2h` → 120); 0 for `1c`, which has no fixed length.
    pub const fn minutes(&self) -> u32 {
        self.minutes
    }

    /// The text exactly as given.
    pub const fn as_str(&self) -> &str {
        match self.text.split_at_checked(self.len as usize) {
            Some((text, _)) => match std::str::from_utf8(text) {
                Ok(s) => s,
                Err(_) => "",
            },
            None => "",
        }
    }

    /// `Ok` when `min_minutes <= minutes <= max_minutes` (e.g. `1, PayTimeout::MINUTES_7D`).
    /// Always `Ok` for `1c`: ranges do not apply to it.
    pub const fn check_range(
        &self,
        min_minutes: u32,
        max_minutes: u32,
    ) -> Result<(), PayTimeoutError> {
        if self.is_today() {
            Ok(())
        } else if self.minutes < min_minutes || self.minutes > max_minutes {
            Err(PayTimeoutError::OutOfRange {
                minutes: self.minutes,
                min: min_minutes,
                max: max_minutes,
            })
        } else {
            Ok(())
        }
    }
}

impl FromStr for PayTimeout {
    type Err = PayTimeoutError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PayTimeout::parse(s)
    }
}

impl fmt::Display for PayTimeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for PayTimeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PayTimeout({:?})", self.as_str())
    }
}

impl Serialize for PayTimeout {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for PayTimeout {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PayTimeout::parse(&text).map_err(|e| D::Error::custom(format!("pay_timeout {text:?}: {e}")))
    }
}

// ---------------------------------------------------------------------------------------------
// UserId
// ---------------------------------------------------------------------------------------------

/// An Alipay user id: `2088` followed by 12 ASCII digits, 16 characters.
/// Full-width and other Unicode digits are rejected (a Unicode `\d` would accept them).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UserId([u8; UserId::LEN]);

/// Why a text is not a valid [`UserId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UserIdError {
    /// `""`.
    Empty,
    /// A digit that is not ASCII (`２０８８…`, `٢٠٨٨…`).
    NonAsciiDigit(char),
    /// Anything else that is not a digit (letters, whitespace, `-`).
    InvalidCharacter(char),
    /// Not 16 digits.
    WrongLength(usize),
    /// 16 digits not starting with `2088`.
    WrongPrefix,
}

impl fmt::Display for UserIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            UserIdError::Empty => f.write_str("empty"),
            UserIdError::NonAsciiDigit(c) => write!(
                f,
                "only ASCII digits 0-9 are allowed, found {c:?} (U+{:04X})",
                c as u32
            ),
            UserIdError::InvalidCharacter(c) => {
                write!(f, "only digits are allowed, found {c:?}")
            }
            UserIdError::WrongLength(n) => {
                write!(f, "must be 16 digits (2088 and 12 more), found {n}")
            }
            UserIdError::WrongPrefix => f.write_str("must start with 2088"),
        }
    }
}

impl std::error::Error for UserIdError {}

impl UserId {
    /// The length of every user id.
    pub const LEN: usize = 16;

    /// `^2088[0-9]{12}$` in ASCII.
    pub fn parse(text: &str) -> Result<UserId, UserIdError> {
        if text.is_empty() {
            return Err(UserIdError::Empty);
        }
        if let Some(c) = text.chars().find(|c| !c.is_ascii_digit()) {
            return Err(if c.is_numeric() {
                UserIdError::NonAsciiDigit(c)
            } else {
                UserIdError::InvalidCharacter(c)
            });
        }
        let bytes: [u8; UserId::LEN] = text
            .as_bytes()
            .try_into()
            .map_err(|_| UserIdError::WrongLength(text.len()))?;
        if !bytes.starts_with(b"2088") {
            return Err(UserIdError::WrongPrefix);
        }
        Ok(UserId(bytes))
    }

    /// The 16 digits.
    pub const fn as_str(&self) -> &str {
        match std::str::from_utf8(&self.0) {
            Ok(s) => s,
            Err(_) => "",
        }
    }
}

impl FromStr for UserId {
    type Err = UserIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UserId::parse(s)
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UserId({:?})", self.as_str())
    }
}

impl Serialize for UserId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for UserId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        UserId::parse(&text).map_err(|e| D::Error::custom(format!("user id {text:?}: {e}")))
    }
}

// ---------------------------------------------------------------------------------------------
// Lengths
// ---------------------------------------------------------------------------------------------

/// The length in bytes of the GB18030 encoding (the docs' "100 个字母或 50 个汉字",
/// 100 letters or 50 Chinese characters): ASCII 1, GBK characters (Chinese, full-width punctuation) 2, characters
/// outside GBK (emoji, rare CJK) 4. U+E5E5, the one code point encoding_rs's GB18030 encoder
/// refuses (WHATWG), counts 4.
pub fn gbk_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    let mut encoder = GB18030.new_encoder();
    let mut buf = [0u8; 512];
    let mut rest = s;
    let mut total = 0;
    loop {
        let (result, read, written) =
            encoder.encode_from_utf8_without_replacement(rest, &mut buf, true);
        total += written;
        rest = rest.get(read..).unwrap_or("");
        match result {
            EncoderResult::InputEmpty => return total,
            EncoderResult::OutputFull => {}
            EncoderResult::Unmappable(_) => total += 4,
        }
    }
}

/// The length in Unicode scalar values (`chars`).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The unit a text field's max length counts in (the spec drafts' `len_unit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LengthUnit {
    /// Unicode scalar values ([`char_len`]): fields whose doc gives no unit.
    #[default]
    Char,
    /// GB18030 bytes ([`gbk_len`]): `order_title`, `remark`.
    GbkByte,
}

/// A text longer than its field allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TooLong {
    /// The measured length.
    pub len: usize,
    /// The field's max length.
    pub max: usize,
    pub unit: LengthUnit,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            LengthUnit::Char => "characters",
            LengthUnit::GbkByte => "GBK bytes (a Chinese character counts 2)",
        };
        write!(f, "at most {} {unit}, found {}", self.max, self.len)
    }
}

impl std::error::Error for TooLong {}

impl LengthUnit {
    /// The length of `s` in this unit.
    pub fn measure(self, s: &str) -> usize {
        match self {
            LengthUnit::Char => char_len(s),
            LengthUnit::GbkByte => gbk_len(s),
        }
    }

    /// `Ok` when `s` measures at most `max`.
    pub fn check_max(self, s: &str, max: usize) -> Result<(), TooLong> {
        let len = self.measure(s);
        if len > max {
            Err(TooLong {
                len,
                max,
                unit: self,
            })
        } else {
            Ok(())
        }
    }

    /// The spec drafts' name: `char` or `gbk_byte`.
    pub const fn name(self) -> &'static str {
        match self {
            LengthUnit::Char => "char",
            LengthUnit::GbkByte => "gbk_byte",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JsonObjectText
// ---------------------------------------------------------------------------------------------

/// JSON text that parses as a JSON object, kept verbatim (`extra_param`).
///
/// It is serialized as a JSON **string** holding that text, as in the doc example
/// `"extra_param":"{\"merchantExt\":\"key=value\"}"`. It deserializes from such a string or
/// from an object (whose text is kept as received).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct JsonObjectText(String);

/// Why a text is not a JSON object.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonObjectTextError {
    /// `""` (optional fields treat it as absent before getting here).
    Empty,
    /// Not valid JSON (serde_json's message).
    NotJson(String),
    /// Valid JSON of another kind (`array`, `string`, `number`, `boolean`, `null`).
    NotAnObject(&'static str),
}

impl fmt::Display for JsonObjectTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonObjectTextError::Empty => f.write_str("empty"),
            JsonObjectTextError::NotJson(e) => write!(f, "not valid JSON ({e})"),
            JsonObjectTextError::NotAnObject(kind) => {
                write!(f, "must be a JSON object ({{...}}), found a JSON {kind}")
            }
        }
    }
}

impl std::error::Error for JsonObjectTextError {}

impl JsonObjectText {
    /// `extra_param`'s max length, in characters.
    pub const EXTRA_PARAM_MAX_CHARS: usize = 300;

    /// Checks that `text` is a JSON object and keeps it verbatim.
    pub fn parse(text: impl Into<String>) -> Result<JsonObjectText, JsonObjectTextError> {
        let text = text.into();
        let first = text
            .bytes()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
        let Some(first) = first else {
            return Err(JsonObjectTextError::Empty);
        };
        serde_json::from_str::<IgnoredAny>(&text)
            .map_err(|e| JsonObjectTextError::NotJson(e.to_string()))?;
        match first {
            b'{' => Ok(JsonObjectText(text)),
            b'[' => Err(JsonObjectTextError::NotAnObject("array")),
            b'"' => Err(JsonObjectTextError::NotAnObject("string")),
            b't' | b'f' => Err(JsonObjectTextError::NotAnObject("boolean")),
            b'n' => Err(JsonObjectTextError::NotAnObject("null")),
            _ => Err(JsonObjectTextError::NotAnObject("number")),
        }
    }

    /// `Ok` when the text has at most `max` characters
    /// ([`JsonObjectText::EXTRA_PARAM_MAX_CHARS`] for `extra_param`).
    pub fn check_max_chars(&self, max: usize) -> Result<(), TooLong> {
        LengthUnit::Char.check_max(&self.0, max)
    }

    /// The text as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl FromStr for JsonObjectText {
    type Err = JsonObjectTextError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        JsonObjectText::parse(s)
    }
}

impl fmt::Display for JsonObjectText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for JsonObjectText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JsonObjectText({:?})", self.0)
    }
}

impl Serialize for JsonObjectText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// From a JSON string holding an object's text, or from an object itself (serde_json only).
impl<'de> Deserialize<'de> for JsonObjectText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = if raw.get().starts_with('"') {
            serde_json::from_str::<String>(raw.get()).map_err(D::Error::custom)?
        } else {
            raw.get().to_string()
        };
        JsonObjectText::parse(text).map_err(D::Error::custom)
    }
}

// ---------------------------------------------------------------------------------------------
// Compile-time literals
// ---------------------------------------------------------------------------------------------

const LITERAL_MESSAGE_CAP: usize = 192;
const LITERAL_TEXT_CAP: usize = 64;

/// `{kind} "{text}": {rule}` in a fixed buffer (the text shortened to 64 bytes, at a character
/// boundary, with `...`). Returns the buffer and the length used.
const fn literal_message(kind: &str, text: &str, rule: &str) -> ([u8; LITERAL_MESSAGE_CAP], usize) {
    let mut buf = [0u8; LITERAL_MESSAGE_CAP];
    let mut n = 0;
    n = push_bytes(&mut buf, n, kind.as_bytes(), usize::MAX);
    n = push_bytes(&mut buf, n, b" \"", usize::MAX);
    let t = text.as_bytes();
    let mut cut = t.len();
    if cut > LITERAL_TEXT_CAP {
        cut = LITERAL_TEXT_CAP;
        // Back to the start of a character (continuation bytes are 0b10xxxxxx).
        while cut > 0 && (t[cut] & 0xC0) == 0x80 {
            cut -= 1;
        }
    }
    n = push_bytes(&mut buf, n, t, cut);
    if cut < t.len() {
        n = push_bytes(&mut buf, n, b"...", usize::MAX);
    }
    n = push_bytes(&mut buf, n, b"\": ", usize::MAX);
    n = push_bytes(&mut buf, n, rule.as_bytes(), usize::MAX);
    (buf, n)
}

/// Appends up to `limit` bytes of `src` at `at`, as far as the buffer allows.
const fn push_bytes(
    buf: &mut [u8; LITERAL_MESSAGE_CAP],
    mut at: usize,
    src: &[u8],
    limit: usize,
) -> usize {
    let mut i = 0;
    while i < src.len() && i < limit && at < LITERAL_MESSAGE_CAP {
        buf[at] = src[i];
        at += 1;
        i += 1;
    }
    at
}

/// Panics with `{kind} "{text}": {rule}`. Only ever evaluated at compile time, by
/// [`amount!`](crate::amount) and [`pay_timeout!`](crate::pay_timeout).
// The intended exception to the no-panic rule: a const-eval panic is how a bad literal
// becomes a compile error.
#[allow(clippy::panic)]
const fn literal_panic(kind: &str, text: &str, rule: &'static str) -> ! {
    let (buf, len) = literal_message(kind, text, rule);
    // The rules are ASCII; a message cut inside the 192-byte buffer can only lose its
    // rule's tail, never split a character of the (already shortened) text.
    match buf.split_at_checked(len) {
        Some((msg, _)) => match std::str::from_utf8(msg) {
            Ok(msg) => panic!("{}", msg),
            Err(_) => panic!("{}", rule),
        },
        None => panic!("{}", rule),
    }
}

/// The expansion of [`amount!`](crate::amount): the fund amount, or a panic, which in the
/// macro's `const` is a compile error (`amount "0.001": at most 2 decimals`). Not for direct
/// use: at run time call [`Amount::parse`], which returns an error instead.
#[doc(hidden)]
pub const fn __amount_literal_or_compile_error(text: &str) -> Amount {
    match Amount::parse(text) {
        Ok(a) => a,
        Err(e) => literal_panic("amount", text, e.message()),
    }
}

/// The expansion of [`pay_timeout!`](crate::pay_timeout); see
/// [`__amount_literal_or_compile_error`]. Grammar and max length only: the API's range is
/// checked by `validate()`.
#[doc(hidden)]
pub const fn __pay_timeout_literal_or_compile_error(text: &str) -> PayTimeout {
    match PayTimeout::parse(text) {
        Ok(t) => t,
        Err(e) => literal_panic("pay_timeout", text, e.message()),
    }
}

/// A fund [`Amount`](crate::value::Amount) checked at compile time: grammar, at most 2
/// decimals, within [0.01, 100000000.00].
///
/// ```
/// use alipay_core::amount;
/// use alipay_core::value::Amount;
///
/// const MIN: Amount = amount!("0.01");
/// assert_eq!(MIN, Amount::FUND_MIN);
/// assert_eq!(amount!("8.8").to_string(), "8.80");
/// ```
///
/// ```compile_fail
/// let _ = alipay_core::amount!("100000000.01"); // amount "100000000.01": above the maximum ...
/// ```
#[macro_export]
macro_rules! amount {
    ($text:expr $(,)?) => {{
        const AMOUNT: $crate::value::Amount =
            $crate::value::__amount_literal_or_compile_error($text);
        AMOUNT
    }};
}

/// A [`PayTimeout`](crate::value::PayTimeout) checked at compile time: grammar and max
/// length 5 (the API's range is checked when the request is validated).
///
/// ```
/// use alipay_core::pay_timeout;
///
/// assert_eq!(pay_timeout!("7d").minutes(), 10080);
/// ```
///
/// ```compile_fail
/// let _ = alipay_core::pay_timeout!("10080m"); // pay_timeout "10080m": at most 5 characters ...
/// ```
#[macro_export]
macro_rules! pay_timeout {
    ($text:expr $(,)?) => {{
        const PAY_TIMEOUT: $crate::value::PayTimeout =
            $crate::value::__pay_timeout_literal_or_compile_error($text);
        PAY_TIMEOUT
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use AmountError as AE;
    use PayTimeoutError as PE;

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
            let got: Amount = serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("{json} should deserialize: {e}"));
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
        let r: Reply =
            serde_json::from_str(r#"{"amount":100.00,"rest":"0.00","total":""}"#).unwrap();
        assert_eq!(r.amount.fen(), 10_000);
        assert_eq!(r.rest, Some(Amount::ZERO));
        assert_eq!(r.total, None);
        let r: Reply = serde_json::from_str(r#"{"amount":"0.01","rest":null}"#).unwrap();
        assert_eq!((r.amount.fen(), r.rest, r.total), (1, None, None));
        let r: Reply =
            serde_json::from_str(r#"{"amount":"0.01","rest":null,"total":12.5}"#).unwrap();
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
        let check = |text: &str, (min, max): (u32, u32)| {
            PayTimeout::parse(text).unwrap().check_range(min, max)
        };
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

        #[test]
        fn prop_user_id_round_trip(tail in "[0-9]{12}") {
            let text = format!("2088{tail}");
            let id = UserId::parse(&text).unwrap();
            prop_assert_eq!(id.as_str(), text.as_str());
            let json = serde_json::to_string(&id).unwrap();
            prop_assert_eq!(serde_json::from_str::<UserId>(&json).unwrap(), id);
        }
    }
}
