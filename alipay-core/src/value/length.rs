//! How long a text is: in characters or in GB18030 (GBK) bytes, and the max-length check.

use std::fmt;

use encoding_rs::{EncoderResult, GB18030};

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
    /// The unit the limit is counted in.
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

#[cfg(test)]
mod tests;
