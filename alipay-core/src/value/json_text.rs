//! [`JsonObjectText`]: the verbatim text of a JSON object (`extra_param`).

use std::fmt;
use std::str::FromStr;

use serde::de::{Error as _, IgnoredAny};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use super::length::{LengthUnit, TooLong};

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

    /// The JSON text, exactly as given.
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

#[cfg(test)]
mod tests;
