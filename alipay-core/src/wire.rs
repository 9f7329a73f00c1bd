//! The JSON the gateway sees, as a value: [`Wire`]. Numbers keep their literal text (an
//! amount `100.00` or a number `0.1` is never a float), objects keep their member order.
//!
//! Generated types convert to it ([`ToWire`]: `biz_content`, top-level parameters, the input
//! of [`rules`](crate::rules)) and from it ([`FromWire`]: `from_biz_content`, responses).

use std::fmt;

/// A JSON value with exact numbers and ordered members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wire {
    /// `null` (also what an absent optional field turns into).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as its literal JSON text (`100.00`, `5`, `-1`, `1e2`).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Wire>),
    /// An object.
    Object(WireObject),
}

/// The members of a JSON object, in order.
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
