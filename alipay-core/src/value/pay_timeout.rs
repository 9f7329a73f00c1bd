//! [`PayTimeout`]: `30m`, `2h`, `7d` (and `1c`) (the [`pay_timeout!`](crate::pay_timeout)
//! literal is in the parent module, with the other compile-time literals).

use std::fmt;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use alipay_spec::grammar::pay_timeout::{self as grammar, PayTimeoutSyntaxError};

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
    OutOfRange {
        /// The timeout, in minutes.
        minutes: u32,
        /// The smallest allowed, in minutes.
        min: u32,
        /// The largest allowed, in minutes.
        max: u32,
    },
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

/// The grammar's complaint as a [`PayTimeoutError`]. Only a text far longer than 5 characters
/// overflows, so `Overflow` is [`PayTimeoutError::TooLong`].
const fn syntax_error(e: PayTimeoutSyntaxError) -> PayTimeoutError {
    match e {
        PayTimeoutSyntaxError::Empty => PayTimeoutError::Empty,
        PayTimeoutSyntaxError::Whitespace => PayTimeoutError::Whitespace,
        PayTimeoutSyntaxError::Decimal => PayTimeoutError::Decimal,
        PayTimeoutSyntaxError::MissingNumber => PayTimeoutError::MissingNumber,
        PayTimeoutSyntaxError::MissingUnit => PayTimeoutError::MissingUnit,
        PayTimeoutSyntaxError::UppercaseUnit => PayTimeoutError::UppercaseUnit,
        PayTimeoutSyntaxError::UnknownUnit => PayTimeoutError::UnknownUnit,
        PayTimeoutSyntaxError::Zero => PayTimeoutError::Zero,
        PayTimeoutSyntaxError::LeadingZero => PayTimeoutError::LeadingZero,
        PayTimeoutSyntaxError::TrailingCharacters => PayTimeoutError::TrailingCharacters,
        PayTimeoutSyntaxError::InvalidCharacter => PayTimeoutError::InvalidCharacter,
        PayTimeoutSyntaxError::Overflow => PayTimeoutError::TooLong,
    }
}

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
        let minutes = match grammar::minutes(text) {
            Ok(m) => m,
            Err(e) => return Err(syntax_error(e)),
        };
        if len > PayTimeout::MAX_LEN {
            return Err(PayTimeoutError::TooLong);
        }
        let mut stored = [0u8; PayTimeout::MAX_LEN];
        let mut i = 0;
        while i < len {
            stored[i] = b[i];
            i += 1;
        }
        Ok(PayTimeout {
            text: stored,
            len: len as u8,
            minutes,
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

#[cfg(test)]
mod tests;
