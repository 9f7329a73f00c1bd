//! The `pay_timeout` grammar `^[1-9][0-9]*[mhd]$`, read into minutes. The documented max
//! length (5 characters) and `1c` are `alipay-core`'s `PayTimeout` rules, on top of this one;
//! a spec file's range bounds only need the grammar.

use super::scan::{code_point_at, is_whitespace};

/// The first rule of the grammar a text breaks. `alipay_core::value::PayTimeoutError` states
/// each as a message.
///
/// Not `#[non_exhaustive]`, on purpose: `alipay-core` maps every variant, and a new one
/// should not compile there until it has its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayTimeoutSyntaxError {
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
    /// Grammatical, but more minutes than a `u32` holds.
    Overflow,
}

/// Reads a timeout into minutes (`2h` is 120): the grammar only, any length.
pub const fn minutes(text: &str) -> Result<u32, PayTimeoutSyntaxError> {
    let b = text.as_bytes();
    let len = b.len();
    if len == 0 {
        return Err(PayTimeoutSyntaxError::Empty);
    }
    let mut digits = 0;
    while digits < len && b[digits].is_ascii_digit() {
        digits += 1;
    }
    if digits == len {
        return Err(PayTimeoutSyntaxError::MissingUnit);
    }
    let cp = code_point_at(b, digits);
    let unit_error = if is_whitespace(cp) {
        Some(PayTimeoutSyntaxError::Whitespace)
    } else if cp == b'.' as u32 || cp == b',' as u32 {
        Some(PayTimeoutSyntaxError::Decimal)
    } else if cp == b'M' as u32 || cp == b'H' as u32 || cp == b'D' as u32 {
        Some(PayTimeoutSyntaxError::UppercaseUnit)
    } else if cp == b'm' as u32 || cp == b'h' as u32 || cp == b'd' as u32 {
        None
    } else if cp < 0x80 && (cp as u8).is_ascii_alphabetic() {
        Some(PayTimeoutSyntaxError::UnknownUnit)
    } else {
        Some(PayTimeoutSyntaxError::InvalidCharacter)
    };
    if let Some(e) = unit_error {
        return Err(match e {
            // `M` alone: a unit (in the wrong case) without a number.
            PayTimeoutSyntaxError::UppercaseUnit if digits == 0 => {
                PayTimeoutSyntaxError::MissingNumber
            }
            // `abc`: not a unit after a number.
            PayTimeoutSyntaxError::UnknownUnit if digits == 0 => {
                PayTimeoutSyntaxError::InvalidCharacter
            }
            e => e,
        });
    }
    if digits == 0 {
        return Err(PayTimeoutSyntaxError::MissingNumber);
    }
    if digits + 1 < len {
        return Err(if is_whitespace(code_point_at(b, digits + 1)) {
            PayTimeoutSyntaxError::Whitespace
        } else {
            PayTimeoutSyntaxError::TrailingCharacters
        });
    }
    if b[0] == b'0' {
        return Err(if digits == 1 {
            PayTimeoutSyntaxError::Zero
        } else {
            PayTimeoutSyntaxError::LeadingZero
        });
    }
    let mut number: u32 = 0;
    let mut i = 0;
    while i < digits {
        number = match number.checked_mul(10) {
            Some(v) => match v.checked_add((b[i] - b'0') as u32) {
                Some(v) => v,
                None => return Err(PayTimeoutSyntaxError::Overflow),
            },
            None => return Err(PayTimeoutSyntaxError::Overflow),
        };
        i += 1;
    }
    let per_unit = match b[digits] {
        b'm' => 1,
        b'h' => 60,
        _ => 1440,
    };
    match number.checked_mul(per_unit) {
        Some(m) => Ok(m),
        None => Err(PayTimeoutSyntaxError::Overflow),
    }
}

/// [`minutes`], `None` when the text is not a timeout or does not fit in `u32` minutes.
pub fn parse_timeout_minutes(s: &str) -> Option<u32> {
    minutes(s).ok()
}

#[cfg(test)]
mod tests;
