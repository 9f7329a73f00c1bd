//! The JSON the gateway sees, as a value: [`Wire`]. Numbers keep their literal text (an
//! amount `100.00` or a number `0.1` is never a float), objects keep their member order and
//! duplicate members (the [`rules`](crate::rules) engine reports them).
//!
//! Generated types convert to it ([`ToWire`]: `biz_content`, top-level parameters, the input
//! of [`rules`](crate::rules)) and from it ([`FromWire`]: `from_biz_content`, responses).
//!
//! ```
//! use alipay_core::wire::{FromWire, Wire, WireObject};
//! use alipay_core::Amount;
//!
//! let w = Wire::parse(r#"{"amount":100.00,"n":1e2,"s":"红包"}"#).unwrap();
//! assert_eq!(w.to_json(), r#"{"amount":100.00,"n":1e2,"s":"红包"}"#);
//! let o = w.object().unwrap();
//! assert_eq!(o.field::<Amount>("amount").unwrap().fen(), 10_000);
//! assert_eq!(o.field::<Option<String>>("missing").unwrap(), None);
//!
//! let mut out = WireObject::new();
//! out.put("out_order_no", "o1");
//! out.put("remark", ""); // an empty string is absent: dropped
//! out.put("amount", &Amount::from_fen(880));
//! assert_eq!(Wire::from(out).to_json(), r#"{"out_order_no":"o1","amount":"8.80"}"#);
//! ```

use std::fmt;

use crate::value::{Amount, JsonObjectText, PayTimeout, UserId};

/// A JSON value with exact numbers and ordered members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wire {
    /// `null` (also what an absent optional field turns into).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as its literal JSON text (`100.00`, `5`, `-1`, `1e2`).
    Number(String),
    /// A string. (Not `String`: see [`Ty::Text`](crate::rules::Ty::Text).)
    Str(String),
    /// An array.
    Array(Vec<Wire>),
    /// An object.
    Object(WireObject),
}

/// The members of a JSON object, in order (duplicates kept).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WireObject(pub Vec<(String, Wire)>);

/// Why a [`Wire`] value does not fit a type: the path of the member (`fund_bill_list[0].amount`)
/// and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError {
    /// The member's path, empty for the value itself.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl WireError {
    /// An error of the value itself (empty path).
    pub fn new(message: impl Into<String>) -> WireError {
        WireError {
            path: String::new(),
            message: message.into(),
        }
    }

    /// The same error one level up: `name` prefixed to the path (`a`, `a.b`, `a[2].b`).
    pub fn within(mut self, name: &str) -> WireError {
        self.path = join_path(name, &self.path);
        self
    }

    /// The same error inside item `index` of an array: `[index]` prefixed to the path.
    pub fn at_index(mut self, index: usize) -> WireError {
        self.path = join_path(&format!("[{index}]"), &self.path);
        self
    }
}

/// `outer` followed by `inner` (`a` + `b` = `a.b`, `a` + `[2].b` = `a[2].b`).
fn join_path(outer: &str, inner: &str) -> String {
    if inner.is_empty() {
        outer.to_string()
    } else if inner.starts_with('[') {
        format!("{outer}{inner}")
    } else {
        format!("{outer}.{inner}")
    }
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for WireError {}

/// A value that becomes JSON on the wire.
pub trait ToWire {
    /// The JSON value. An absent optional is [`Wire::Null`].
    fn to_wire(&self) -> Wire;
}

/// A value read back from JSON.
pub trait FromWire: Sized {
    /// The value of `w`; [`Wire::Null`] stands for an absent member.
    fn from_wire(w: &Wire) -> Result<Self, WireError>;
}

// ---------------------------------------------------------------------------------------------
// Wire
// ---------------------------------------------------------------------------------------------

/// The deepest nesting [`Wire::parse`] accepts, serde_json's recursion limit: deeper text is an
/// error, never a stack overflow.
const MAX_DEPTH: usize = 128;

/// How much of a value's JSON text messages quote.
const QUOTE_CHARS: usize = 64;

impl Wire {
    /// Parses JSON text exactly: numbers keep their literal text, members their order,
    /// duplicate member names are kept. Syntax errors are serde_json's messages (`expected
    /// value at line 1 column 1`); nesting deeper than serde_json's recursion limit (128) is an
    /// error, never a stack overflow. A `\u` escape of a lone surrogate is an error.
    pub fn parse(json: &str) -> Result<Wire, String> {
        // One pass on the way that matters: this parser keeps what serde_json would lose
        // (number texts, duplicates) and is at least as strict. Only text it refuses is read
        // again, by serde_json, so that a syntax error reads like every other JSON error here.
        let mut p = Parser {
            text: json,
            pos: 0,
            depth: 0,
        };
        p.skip_ws();
        let parsed = p.value().and_then(|value| {
            p.skip_ws();
            if p.pos == json.len() {
                Ok(value)
            } else {
                Err(p.error("trailing characters"))
            }
        });
        parsed.map_err(
            |ours| match serde_json::from_str::<serde::de::IgnoredAny>(json) {
                Err(theirs) => theirs.to_string(),
                Ok(_) => ours,
            },
        )
    }

    /// [`Wire::parse`], and the value must be an object (`expected a JSON object, found an
    /// array`).
    pub fn parse_object(json: &str) -> Result<Wire, String> {
        let value = Wire::parse(json)?;
        match value {
            Wire::Object(_) => Ok(value),
            other => Err(format!("expected a JSON object, found {}", other.kind())),
        }
    }

    /// `null`, `a boolean`, `a number`, `a string`, `an array` or `an object`.
    pub fn kind(&self) -> &'static str {
        match self {
            Wire::Null => "null",
            Wire::Bool(_) => "a boolean",
            Wire::Number(_) => "a number",
            Wire::Str(_) => "a string",
            Wire::Array(_) => "an array",
            Wire::Object(_) => "an object",
        }
    }

    /// Compact JSON: numbers verbatim, strings escaped as serde_json does, members in order.
    /// (A [`Wire::Number`] built by hand is written as given, valid JSON or not.)
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Wire::Null => out.push_str("null"),
            Wire::Bool(true) => out.push_str("true"),
            Wire::Bool(false) => out.push_str("false"),
            Wire::Number(n) => out.push_str(n),
            Wire::Str(s) => write_json_string(out, s),
            Wire::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Wire::Object(o) => o.write_json(out),
        }
    }

    /// The JSON text, at most 64 characters of it (`...` marks a cut): for messages.
    pub fn quoted(&self) -> String {
        shorten(&self.to_json())
    }

    /// The members, or an error naming what the value is instead.
    pub fn object(&self) -> Result<&WireObject, WireError> {
        match self {
            Wire::Object(o) => Ok(o),
            other => Err(WireError::new(format!(
                "expected a JSON object, found {}",
                other.kind()
            ))),
        }
    }

    /// `null` or the empty string `""`: both count as absent.
    pub fn is_absent(&self) -> bool {
        match self {
            Wire::Null => true,
            Wire::Str(s) => s.is_empty(),
            _ => false,
        }
    }
}

impl fmt::Display for Wire {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

/// At most [`QUOTE_CHARS`] characters of `text`, with `...` when cut.
pub(crate) fn shorten(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_string(),
    }
}

/// `s` as a JSON string, escaped exactly as `serde_json::to_string` does.
fn write_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            0x08 => Some("\\b"),
            0x0C => Some("\\f"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0x00..=0x1F => Some(""),
            _ => None,
        };
        let Some(escape) = escape else { continue };
        // Escaped bytes are ASCII: `i` and `i + 1` are character boundaries.
        out.push_str(s.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// The tree builder behind [`Wire::parse`]. It runs after serde_json accepted the text, but
/// checks everything again itself (never indexes out of bounds, bounded depth).
struct Parser<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn error(&self, what: &str) -> String {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        format!("{what} at line {line} column {column}")
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &str, value: Wire) -> Result<Wire, String> {
        if self
            .text
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word))
        {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn value(&mut self) -> Result<Wire, String> {
        match self.peek() {
            Some(b'n') => self.literal("null", Wire::Null),
            Some(b't') => self.literal("true", Wire::Bool(true)),
            Some(b'f') => self.literal("false", Wire::Bool(false)),
            Some(b'"') => self.string().map(Wire::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.enter()?;
                self.pos += 1;
                let mut items = Vec::new();
                self.skip_ws();
                if !self.eat(b']') {
                    loop {
                        self.skip_ws();
                        items.push(self.value()?);
                        self.skip_ws();
                        if self.eat(b',') {
                            continue;
                        }
                        if self.eat(b']') {
                            break;
                        }
                        return Err(self.error("expected `,` or `]`"));
                    }
                }
                self.depth -= 1;
                Ok(Wire::Array(items))
            }
            Some(b'{') => {
                self.enter()?;
                self.pos += 1;
                let mut members = Vec::new();
                self.skip_ws();
                if !self.eat(b'}') {
                    loop {
                        self.skip_ws();
                        if self.peek() != Some(b'"') {
                            return Err(self.error("key must be a string"));
                        }
                        let name = self.string()?;
                        self.skip_ws();
                        if !self.eat(b':') {
                            return Err(self.error("expected `:`"));
                        }
                        self.skip_ws();
                        let value = self.value()?;
                        members.push((name, value));
                        self.skip_ws();
                        if self.eat(b',') {
                            continue;
                        }
                        if self.eat(b'}') {
                            break;
                        }
                        return Err(self.error("expected `,` or `}`"));
                    }
                }
                self.depth -= 1;
                Ok(Wire::Object(WireObject(members)))
            }
            Some(_) => Err(self.error("expected value")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.error("recursion limit exceeded"))
        } else {
            Ok(())
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Wire, String> {
        let start = self.pos;
        self.eat(b'-');
        let first = self.peek();
        let int = self.digits();
        if int == 0 || (int > 1 && first == Some(b'0')) {
            return Err(self.error("invalid number"));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.error("invalid number"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        match self.text.get(start..self.pos) {
            Some(t) => Ok(Wire::Number(t.to_string())),
            None => Err(self.error("invalid number")),
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("EOF while parsing a string"))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error("invalid escape"));
        }
        let v = u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))?;
        self.pos += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, String> {
        // At the opening quote.
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.error("EOF while parsing a string"));
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let cp = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            match char::from_u32(cp) {
                                Some(c) => out.push(c),
                                None => {
                                    return Err(
                                        self.error("unexpected end of hex escape (lone surrogate)")
                                    );
                                }
                            }
                        }
                        _ => return Err(self.error("invalid escape")),
                    }
                    run = self.pos;
                }
                0x00..=0x1F => {
                    return Err(self.error(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                _ => self.pos += 1,
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// WireObject
// ---------------------------------------------------------------------------------------------

impl WireObject {
    /// No members.
    pub fn new() -> WireObject {
        WireObject(Vec::new())
    }

    /// Appends `name` unless the value is absent (`null` or `""`): the official SDKs drop
    /// empty values, so an empty string counts as absent everywhere.
    pub fn put<T: ToWire + ?Sized>(&mut self, name: &str, value: &T) {
        let w = value.to_wire();
        if !w.is_absent() {
            self.0.push((name.to_string(), w));
        }
    }

    /// The value of the last member named `name`.
    pub fn get(&self, name: &str) -> Option<&Wire> {
        self.0.iter().rev().find(|(n, _)| n == name).map(|(_, w)| w)
    }

    /// Member `name` as a `T` (an absent member is read from [`Wire::Null`], so `Option<T>`
    /// fields may be missing); an error's path starts with `name`.
    pub fn field<T: FromWire>(&self, name: &str) -> Result<T, WireError> {
        T::from_wire(self.get(name).unwrap_or(&Wire::Null)).map_err(|e| e.within(name))
    }

    /// The members whose names are not in `known`, in order (responses keep unknown fields).
    pub fn unknown(&self, known: &[&str]) -> WireObject {
        WireObject(
            self.0
                .iter()
                .filter(|(n, _)| !known.contains(&n.as_str()))
                .cloned()
                .collect(),
        )
    }

    /// Top-level form parameters: strings as they are, numbers as their text, booleans
    /// `true`/`false`, objects and arrays as their JSON text. `null` and `""` are skipped.
    pub fn to_params(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(_, w)| !w.is_absent())
            .map(|(n, w)| {
                let text = match w {
                    Wire::Str(s) => s.clone(),
                    Wire::Number(t) => t.clone(),
                    other => other.to_json(),
                };
                (n.clone(), text)
            })
            .collect()
    }

    /// The members, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Wire)> {
        self.0.iter().map(|(n, w)| (n.as_str(), w))
    }

    /// The number of members (duplicates counted).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No members.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (i, (name, value)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_json_string(out, name);
            out.push(':');
            value.write_json(out);
        }
        out.push('}');
    }
}

impl From<WireObject> for Wire {
    fn from(o: WireObject) -> Wire {
        Wire::Object(o)
    }
}

impl fmt::Display for WireObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_json(&mut out);
        f.write_str(&out)
    }
}

// ---------------------------------------------------------------------------------------------
// Scaled amounts
// ---------------------------------------------------------------------------------------------

/// An amount written with exactly `.1` decimals (0, 1 or 2): the text of a field whose range
/// has that scale (`"100"`, `"100.5"`). Only values that have at most that many decimals are
/// scaled (the rules engine reports the others); one that has more is written with 2 decimals
/// rather than lose money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scaled(pub Amount, pub u8);

impl Scaled {
    /// The text: `yuan`, `yuan.d` or `yuan.dd`.
    pub fn text(&self) -> String {
        let fen = self.0.fen();
        let (yuan, cents) = (fen / 100, fen % 100);
        match self.1 {
            0 if cents == 0 => yuan.to_string(),
            1 if cents % 10 == 0 => format!("{yuan}.{}", cents / 10),
            _ => self.0.to_string(),
        }
    }
}

impl fmt::Display for Scaled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl ToWire for Scaled {
    fn to_wire(&self) -> Wire {
        Wire::Str(self.text())
    }
}

// ---------------------------------------------------------------------------------------------
// ToWire / FromWire for the common types
// ---------------------------------------------------------------------------------------------

fn missing() -> WireError {
    WireError::new("missing")
}

impl<T: ToWire + ?Sized> ToWire for &T {
    fn to_wire(&self) -> Wire {
        (**self).to_wire()
    }
}

impl<T: ToWire + ?Sized> ToWire for Box<T> {
    fn to_wire(&self) -> Wire {
        (**self).to_wire()
    }
}

impl<T: FromWire> FromWire for Box<T> {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        T::from_wire(w).map(Box::new)
    }
}

impl ToWire for Wire {
    fn to_wire(&self) -> Wire {
        self.clone()
    }
}

impl FromWire for Wire {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        Ok(w.clone())
    }
}

impl ToWire for WireObject {
    fn to_wire(&self) -> Wire {
        Wire::Object(self.clone())
    }
}

/// Any object (an absent member is an empty object is not assumed: `null` is "missing").
impl FromWire for WireObject {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        match w {
            Wire::Null => Err(missing()),
            other => other.object().cloned(),
        }
    }
}

impl ToWire for str {
    fn to_wire(&self) -> Wire {
        Wire::Str(self.to_string())
    }
}

impl ToWire for String {
    fn to_wire(&self) -> Wire {
        Wire::Str(self.clone())
    }
}

/// Lenient, for responses: a JSON string, or a number or boolean as its text.
impl FromWire for String {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        match w {
            Wire::Str(s) => Ok(s.clone()),
            Wire::Number(t) => Ok(t.clone()),
            Wire::Bool(b) => Ok(b.to_string()),
            Wire::Null => Err(missing()),
            other => Err(WireError::new(format!(
                "expected a JSON string, found {}",
                other.quoted()
            ))),
        }
    }
}

impl ToWire for bool {
    fn to_wire(&self) -> Wire {
        Wire::Bool(*self)
    }
}

/// `true`/`false`, or the strings `"true"`/`"false"` (responses).
impl FromWire for bool {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        match w {
            Wire::Bool(b) => Ok(*b),
            Wire::Str(s) if s == "true" => Ok(true),
            Wire::Str(s) if s == "false" => Ok(false),
            Wire::Null => Err(missing()),
            other => Err(WireError::new(format!(
                "expected true or false, found {}",
                other.quoted()
            ))),
        }
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl ToWire for $t {
            fn to_wire(&self) -> Wire {
                Wire::Number(self.to_string())
            }
        }

        /// A JSON integer, or a string holding one (responses); no sign `+`, no decimals.
        impl FromWire for $t {
            fn from_wire(w: &Wire) -> Result<Self, WireError> {
                let text = match w {
                    Wire::Number(t) | Wire::Str(t) => t,
                    Wire::Null => return Err(missing()),
                    other => {
                        return Err(WireError::new(format!(
                            "expected an integer, found {}",
                            other.quoted()
                        )));
                    }
                };
                if text.starts_with('+') {
                    return Err(WireError::new(format!(
                        "expected an integer, found {}",
                        w.quoted()
                    )));
                }
                text.parse::<$t>().map_err(|e| {
                    let why = match e.kind() {
                        std::num::IntErrorKind::PosOverflow
                        | std::num::IntErrorKind::NegOverflow => " (out of range)",
                        _ => "",
                    };
                    WireError::new(format!(
                        "expected an integer ({}), found {}{why}",
                        stringify!($t),
                        w.quoted()
                    ))
                })
            }
        }
    )*};
}

integers!(i64, u32, u64);

impl<T: ToWire> ToWire for Option<T> {
    fn to_wire(&self) -> Wire {
        match self {
            Some(t) => t.to_wire(),
            None => Wire::Null,
        }
    }
}

/// `null` and `""` are `None`.
impl<T: FromWire> FromWire for Option<T> {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        if w.is_absent() {
            Ok(None)
        } else {
            T::from_wire(w).map(Some)
        }
    }
}

impl<T: ToWire> ToWire for [T] {
    fn to_wire(&self) -> Wire {
        Wire::Array(self.iter().map(ToWire::to_wire).collect())
    }
}

impl<T: ToWire> ToWire for Vec<T> {
    fn to_wire(&self) -> Wire {
        self.as_slice().to_wire()
    }
}

/// A JSON array; an item's error path starts with `[i]`.
impl<T: FromWire> FromWire for Vec<T> {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        match w {
            Wire::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| T::from_wire(item).map_err(|e| e.at_index(i)))
                .collect(),
            Wire::Null => Err(missing()),
            other => Err(WireError::new(format!(
                "expected a JSON array, found {}",
                other.quoted()
            ))),
        }
    }
}

/// The text of a JSON string, or of a number when `numbers` (for error messages: the value's
/// JSON text otherwise).
fn string_text(w: &Wire, numbers: bool) -> Result<&str, WireError> {
    match w {
        Wire::Str(s) => Ok(s),
        Wire::Number(t) if numbers => Ok(t),
        Wire::Null => Err(missing()),
        other => Err(WireError::new(format!(
            "must be a JSON string, got {}",
            other.quoted()
        ))),
    }
}

impl ToWire for Amount {
    /// `"x.yy"`.
    fn to_wire(&self) -> Wire {
        Wire::Str(self.to_string())
    }
}

/// A JSON string or number, exactly ([`Amount::parse_unbounded`]: any value ≥ 0, at most 2
/// decimals).
impl FromWire for Amount {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        let text = match w {
            Wire::Str(s) => s,
            Wire::Number(t) => t,
            Wire::Null => return Err(missing()),
            other => {
                return Err(WireError::new(format!(
                    "expected an amount (a JSON string or number), found {}",
                    other.quoted()
                )));
            }
        };
        Amount::parse_unbounded(text)
            .map_err(|e| WireError::new(format!("invalid amount {}: {e}", w.quoted())))
    }
}

impl ToWire for PayTimeout {
    fn to_wire(&self) -> Wire {
        Wire::Str(self.as_str().to_string())
    }
}

/// A JSON string; `1c` is accepted (whether an API allows it is a rule of the engine).
impl FromWire for PayTimeout {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        let text = string_text(w, false)?;
        PayTimeout::parse_allowing_1c(text)
            .map_err(|e| WireError::new(format!("pay_timeout {text:?}: {e}")))
    }
}

impl ToWire for UserId {
    fn to_wire(&self) -> Wire {
        Wire::Str(self.as_str().to_string())
    }
}

/// A JSON string (or a number's text, responses).
impl FromWire for UserId {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        let text = string_text(w, true)?;
        UserId::parse(text).map_err(|e| WireError::new(format!("user id {text:?}: {e}")))
    }
}

impl ToWire for JsonObjectText {
    /// A JSON string holding the text.
    fn to_wire(&self) -> Wire {
        Wire::Str(self.as_str().to_string())
    }
}

/// A JSON string holding an object's text, or an object (its compact text).
impl FromWire for JsonObjectText {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        let text = match w {
            Wire::Str(s) => s.clone(),
            Wire::Null => return Err(missing()),
            other => other.to_json(),
        };
        JsonObjectText::parse(text).map_err(|e| WireError::new(e.to_string()))
    }
}

macro_rules! text_values {
    ($($t:ty),*) => {$(
        impl ToWire for $t {
            fn to_wire(&self) -> Wire {
                Wire::Str(self.as_str().to_string())
            }
        }

        /// A JSON string.
        impl FromWire for $t {
            fn from_wire(w: &Wire) -> Result<Self, WireError> {
                let text = string_text(w, false)?;
                <$t>::parse(text).map_err(|e| WireError::new(e.to_string()))
            }
        }
    )*};
}

text_values!(
    crate::dates::Date,
    crate::dates::Month,
    crate::dates::DateTime
);

impl ToWire for crate::number::Number {
    /// A JSON number with exactly this text.
    fn to_wire(&self) -> Wire {
        Wire::Number(self.as_str().to_string())
    }
}

/// A JSON number in decimal notation, or a string holding one (responses).
impl FromWire for crate::number::Number {
    fn from_wire(w: &Wire) -> Result<Self, WireError> {
        let text = string_text(w, true)?;
        crate::number::Number::parse(text).map_err(|e| WireError::new(e.to_string()))
    }
}

/// Reads the members of a received object once each, by name; what was not read is
/// [`Reader::rest`], the members a response type keeps as unknown.
pub struct Reader<'a> {
    members: &'a WireObject,
    read: Vec<&'static str>,
}

impl<'a> Reader<'a> {
    /// A reader of `w`, which must be an object.
    pub fn new(w: &'a Wire) -> Result<Reader<'a>, WireError> {
        Ok(Reader {
            members: w.object()?,
            read: Vec::new(),
        })
    }

    /// Member `name` as a `T`, like [`WireObject::field`].
    pub fn take<T: FromWire>(&mut self, name: &'static str) -> Result<T, WireError> {
        self.read.push(name);
        self.members.field(name)
    }

    /// The members not read, in order.
    pub fn rest(&self) -> WireObject {
        self.members.unknown(&self.read)
    }
}
