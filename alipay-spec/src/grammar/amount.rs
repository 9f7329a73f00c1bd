//! The amount grammar `^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$` (ASCII), read exactly into fen
//! (1 yuan = 100 fen), and fen written back as yuan with 2 decimals.

use std::fmt;

use super::scan::{byte_at, code_point_at, is_ascii_digit, is_whitespace};

/// An amount as written: its exact value in fen and how many decimals the text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WrittenAmount {
    /// The value in fen (`8.8` is 880).
    pub fen: u64,
    /// The number of decimals written: 0 (`8`), 1 (`8.8`) or 2 (`8.80`).
    pub decimals: u8,
}

/// The first rule of the grammar a text breaks, most specific first (` 1` is
/// [`AmountSyntaxError::Whitespace`], not a missing digit). `alipay_core::value::AmountError`
/// states each as a message.
///
/// Not `#[non_exhaustive]`, on purpose: `alipay-core` maps every variant, and a new one
/// should not compile there until it has its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmountSyntaxError {
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
    /// More fen than a `u64` holds.
    Overflow,
}

/// What is wrong with the character starting at byte `i` of an amount.
const fn char_error(b: &[u8], i: usize) -> AmountSyntaxError {
    let cp = code_point_at(b, i);
    if is_whitespace(cp) {
        AmountSyntaxError::Whitespace
    } else if matches!(cp, 0x2B | 0x2D | 0x2212 | 0xFF0B | 0xFF0D) {
        AmountSyntaxError::Sign
    } else if (cp == b'e' as u32 || cp == b'E' as u32)
        && i > 0
        && (is_ascii_digit(byte_at(b, i - 1)) || byte_at(b, i - 1) == b'.' as u32)
    {
        AmountSyntaxError::Exponent
    } else if matches!(cp, 0x2C | 0x5F | 0x27 | 0x066C | 0xFF0C) {
        AmountSyntaxError::Separator
    } else if cp >= 0xFF10 && cp <= 0xFF19 {
        AmountSyntaxError::FullWidthDigit
    } else if cp >= 0x80 {
        AmountSyntaxError::NonAscii
    } else {
        AmountSyntaxError::NotANumber
    }
}

/// Reads an amount exactly: the grammar, at most 2 decimals, any value from 0 that fits in
/// `u64` fen. No range: callers apply their own.
pub const fn parse(text: &str) -> Result<WrittenAmount, AmountSyntaxError> {
    let b = text.as_bytes();
    let len = b.len();
    if len == 0 {
        return Err(AmountSyntaxError::Empty);
    }
    // Characters first: the most specific complaint for ` 1`, `-1`, `1e2`, `１`.
    let mut points = 0usize;
    let mut i = 0;
    while i < len {
        let c = b[i];
        if c == b'.' {
            points += 1;
        } else if !c.is_ascii_digit() {
            return Err(char_error(b, i));
        }
        i += 1;
    }
    if points > 1 {
        return Err(AmountSyntaxError::MultiplePoints);
    }
    // Then the structure: integer part, point, fraction.
    let mut int_len = 0;
    while int_len < len && b[int_len] != b'.' {
        int_len += 1;
    }
    if int_len == 0 {
        return Err(AmountSyntaxError::MissingIntegerPart);
    }
    let has_point = int_len < len;
    let frac_len = if has_point { len - int_len - 1 } else { 0 };
    if has_point && frac_len == 0 {
        return Err(AmountSyntaxError::MissingFraction);
    }
    if int_len > 1 && b[0] == b'0' {
        return Err(AmountSyntaxError::LeadingZero);
    }
    if frac_len > 2 {
        return Err(AmountSyntaxError::TooManyDecimals);
    }
    // The value, exactly, with overflow checks.
    let mut yuan: u64 = 0;
    let mut i = 0;
    while i < int_len {
        let digit = (b[i] - b'0') as u64;
        yuan = match yuan.checked_mul(10) {
            Some(v) => match v.checked_add(digit) {
                Some(v) => v,
                None => return Err(AmountSyntaxError::Overflow),
            },
            None => return Err(AmountSyntaxError::Overflow),
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
            Some(v) => Ok(WrittenAmount {
                fen: v,
                decimals: frac_len as u8,
            }),
            None => Err(AmountSyntaxError::Overflow),
        },
        None => Err(AmountSyntaxError::Overflow),
    }
}

/// [`parse`] as `(fen, decimals)`; `None` when the text is not an amount or does not fit in
/// `u64` fen.
pub fn parse_amount(s: &str) -> Option<(u64, u8)> {
    match parse(s) {
        Ok(a) => Some((a.fen, a.decimals)),
        Err(_) => None,
    }
}

/// A number of fen written as yuan with exactly 2 decimals: `Yuan(888)` displays `8.88`,
/// `Yuan(10000)` `100.00`. Width, fill and alignment apply to the whole text. `u128`, so that
/// sums of `u64` amounts can be written too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Yuan(pub u128);

impl fmt::Display for Yuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_none() && f.precision().is_none() {
            write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
        } else {
            f.pad(&format!("{}.{:02}", self.0 / 100, self.0 % 100))
        }
    }
}

#[cfg(test)]
mod tests;
