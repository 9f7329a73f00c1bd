//! [`UserId`]: `2088` and 12 more ASCII digits.

use std::fmt;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

#[cfg(test)]
mod tests;
