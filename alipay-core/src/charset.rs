//! The request `charset`: which bytes are signed, sent and verified.
//!
//! UTF-8 and GBK. Unlike the Node SDK (which signs UTF-8 whatever it declares), GBK requests
//! sign and send GBK bytes, like the Java and Python SDKs.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use encoding_rs::GBK;

use crate::error::Error;

/// The charset of a request, its signature and its response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Charset {
    /// `utf-8` (the default).
    #[default]
    Utf8,
    /// `GBK`: requests are signed and sent as GBK bytes.
    Gbk,
}

impl Charset {
    /// The value sent as the `charset` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Charset::Utf8 => "utf-8",
            Charset::Gbk => "GBK",
        }
    }

    /// Encodes text into the bytes that are signed and sent. A character GBK cannot represent
    /// is an error (never a silent `?` or HTML entity, which would be signed as such).
    pub fn encode(self, text: &str) -> Result<Cow<'_, [u8]>, Error> {
        match self {
            Charset::Utf8 => Ok(Cow::Borrowed(text.as_bytes())),
            Charset::Gbk => {
                if text.is_ascii() {
                    return Ok(Cow::Borrowed(text.as_bytes()));
                }
                let (bytes, _, unmappable) = GBK.encode(text);
                if unmappable {
                    let bad = text
                        .chars()
                        .find(|c| {
                            let mut buf = [0u8; 4];
                            GBK.encode(c.encode_utf8(&mut buf)).2
                        })
                        .unwrap_or('\u{fffd}');
                    return Err(Error::invalid(format!(
                        "character {bad:?} (U+{:04X}) cannot be encoded in GBK; use charset utf-8",
                        bad as u32
                    )));
                }
                Ok(bytes)
            }
        }
    }

    /// Decodes bytes received in this charset. Malformed input is an error: a signature over
    /// bytes that do not round-trip could not be checked faithfully.
    pub fn decode(self, bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
        match self {
            Charset::Utf8 => std::str::from_utf8(bytes)
                .map(Cow::Borrowed)
                .map_err(|e| Error::Response(format!("body is not valid UTF-8: {e}"))),
            Charset::Gbk => GBK
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| Error::Response("body is not valid GBK".into())),
        }
    }

    /// `application/x-www-form-urlencoded` encoding of one value in this charset
    /// (space as `+`, like every official SDK's HTTP body).
    pub fn form_encode(self, text: &str) -> Result<String, Error> {
        let bytes = self.encode(text)?;
        Ok(form_urlencoded::byte_serialize(&bytes).collect())
    }

    /// Splits a form body into decoded `(name, value)` pairs: `+` is a space, `%XX` a byte,
    /// the bytes decoded once in this charset. Empty values are kept.
    pub fn form_decode(self, body: &[u8]) -> Result<Vec<(String, String)>, Error> {
        let mut out = Vec::new();
        for pair in body.split(|&b| b == b'&') {
            if pair.is_empty() {
                continue;
            }
            let (name, value) = match pair.iter().position(|&b| b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &[][..]),
            };
            out.push((self.form_decode_one(name)?, self.form_decode_one(value)?));
        }
        Ok(out)
    }

    fn form_decode_one(self, raw: &[u8]) -> Result<String, Error> {
        let plus_as_space: Vec<u8> = raw
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        let bytes: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
        match self {
            Charset::Utf8 => String::from_utf8(bytes)
                .map_err(|_| Error::invalid("form value is not valid UTF-8 after decoding")),
            Charset::Gbk => GBK
                .decode_without_bom_handling_and_without_replacement(&bytes)
                .map(Cow::into_owned)
                .ok_or_else(|| Error::invalid("form value is not valid GBK after decoding")),
        }
    }
}

impl fmt::Display for Charset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Charset {
    type Err = Error;

    /// Accepts the spellings the gateway accepts (`utf-8`, `UTF-8`, `utf8`, `GBK`, `gbk`).
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Charset::Utf8),
            "gbk" => Ok(Charset::Gbk),
            _ => Err(Error::invalid(format!(
                "unsupported charset {s:?}: use utf-8 or GBK"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_encodes_chinese_as_two_bytes() {
        assert_eq!(
            &*Charset::Gbk.encode("中文").unwrap(),
            &[0xd6, 0xd0, 0xce, 0xc4]
        );
        assert_eq!(Charset::Gbk.form_encode("中 文").unwrap(), "%D6%D0+%CE%C4");
    }

    #[test]
    fn gbk_refuses_what_it_cannot_represent() {
        let e = Charset::Gbk.encode("红包🧧").unwrap_err();
        assert!(e.to_string().contains("U+1F9E7"), "{e}");
    }

    #[test]
    fn form_decode_is_single_pass_and_keeps_empties() {
        let pairs = Charset::Utf8
            .form_decode(b"a=100%25&b=&c=%E4%B8%AD+x&d=%2520")
            .unwrap();
        assert_eq!(
            pairs,
            vec![
                ("a".into(), "100%".into()),
                ("b".into(), "".into()),
                ("c".into(), "中 x".into()),
                ("d".into(), "%20".into()),
            ]
        );
        let gbk = Charset::Gbk.form_decode(b"s=%D6%D0%CE%C4").unwrap();
        assert_eq!(gbk[0].1, "中文");
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        assert!(Charset::Utf8.form_decode(b"a=%FF").is_err());
        assert!(Charset::Utf8.decode(&[0xff, 0xfe]).is_err());
        assert!(Charset::Gbk.decode(&[0x81]).is_err());
        // Truncated percent escapes are taken literally, as WHATWG does.
        assert_eq!(Charset::Utf8.form_decode(b"a=%4").unwrap()[0].1, "%4");
    }
}
