//! [`Number`]: an exact decimal number kept as its text (`0.1` stays `0.1`, `12.50` stays
//! `12.50`; never a float).
//!
//! ```
//! use alipay_core::Number;
//!
//! let n = Number::parse("-12.50").unwrap();
//! assert_eq!(n.as_str(), "-12.50");
//! assert_eq!(serde_json::to_string(&n).unwrap(), "-12.50");
//! assert_eq!(serde_json::from_str::<Number>("0.10").unwrap().as_str(), "0.10");
//! assert!(Number::parse("1e2").is_err());
//! assert_eq!(Number::from(7i64).as_str(), "7");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::dates::FormatError;

/// An exact decimal number as its text: `-?(0|[1-9][0-9]*)(\.[0-9]+)?` in ASCII (no exponent,
/// no `+`, no leading zeros). Equality compares the text (`1.0` ≠ `1.00`).
///
/// It is serialized as a JSON **number** with exactly this text and deserialized from a JSON
/// number's exact text (serde_json only) or from a JSON string holding one.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Number(String);

impl Number {
    const EXPECTED: &'static str = "a decimal number (no exponent, no +, no leading zeros)";

    /// Checks `text`.
    pub fn parse(text: &str) -> Result<Number, FormatError> {
        if is_decimal(text) {
            Ok(Number(text.to_string()))
        } else {
            Err(FormatError::new(Number::EXPECTED, text, None))
        }
    }

    /// The text exactly as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number's text, exactly as written.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`.
pub(crate) fn is_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && !(int.len() > 1 && int.starts_with('0')) && frac.is_none_or(digits)
}

impl From<i64> for Number {
    fn from(n: i64) -> Number {
        Number(n.to_string())
    }
}

impl From<u32> for Number {
    fn from(n: u32) -> Number {
        Number(n.to_string())
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Number {
        Number(n.to_string())
    }
}

impl FromStr for Number {
    type Err = FormatError;
    fn from_str(s: &str) -> Result<Self, FormatError> {
        Number::parse(s)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number({})", self.0)
    }
}

/// A JSON number with exactly this text (through serde_json's `RawValue`).
impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.clone()).map_err(S::Error::custom)?;
        raw.serialize(serializer)
    }
}

/// From a JSON number's exact text (serde_json only) or a JSON string holding one.
impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        if text.starts_with('"') {
            let s = serde_json::from_str::<String>(text).map_err(D::Error::custom)?;
            Number::parse(&s).map_err(D::Error::custom)
        } else {
            Number::parse(text).map_err(D::Error::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar() {
        for ok in [
            "0",
            "-0",
            "5",
            "-12.50",
            "0.001",
            "123456789012345678901234567890.5",
        ] {
            assert_eq!(Number::parse(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "", "-", "+1", "01", "1.", ".5", "1e2", "1E2", "0x1", " 1", "1 ", "１", "--1", "1.2.3",
            "NaN",
        ] {
            assert!(Number::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            Number::parse("1e2").unwrap_err().to_string(),
            r#"must be a decimal number (no exponent, no +, no leading zeros), got "1e2""#
        );
    }

    #[test]
    fn serde() {
        let n = Number::parse("100.00").unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), "100.00");
        assert_eq!(serde_json::from_str::<Number>("100.00").unwrap(), n);
        assert_eq!(serde_json::from_str::<Number>("\"100.00\"").unwrap(), n);
        assert!(serde_json::from_str::<Number>("1e2").is_err());
        assert!(serde_json::from_str::<Number>("true").is_err());
    }
}
