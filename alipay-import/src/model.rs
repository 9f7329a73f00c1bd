//! The draft: what an import knows about one API before it is written out as a spec.
//!
//! Every attribute an import had to guess carries the reason in [`Field::inferred`] (or in a
//! [`Guessed`]); the writer turns each into an `inferred = [...]` entry and a `#` comment, the way
//! the hand-written specs mark what no source states.

// The spec language's own enums: a draft says "yes", "gbk_byte", "page_execute" in the words the
// checker reads.
pub use alipay_spec::model::{Execution, LenUnit, ParamsIn as Params, Required};

/// One API, as read from a doc page, from the Python SDK, or from both.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// `alipay.trade.pay`.
    pub method: String,
    /// The Chinese title of the doc page (`交易支付接口`); empty when unknown.
    pub name_zh: String,
    /// The doc page's description paragraph, verbatim.
    pub doc: String,
    pub execution: Guessed<Execution>,
    pub notify_url: Guessed<bool>,
    pub return_url: Guessed<bool>,
    pub params: Guessed<Params>,
    /// Business request fields, in the page's (or the SDK's) order.
    pub request: Vec<Field>,
    /// The one-of groups of the top-level request fields.
    pub one_of: Vec<OneOfGroup>,
    pub response: Vec<Field>,
    pub errors: Vec<ErrorCode>,
    pub notify: Option<Notify>,
    /// Shared types the fields name (`Ty::Shared`): written to `_types.toml`, not to the spec.
    pub types: Vec<SharedType>,
    /// Where the facts come from, one line each (`doc page alipay.trade.pay.txt`, ...).
    pub origins: Vec<String>,
    /// Things the reader of the draft must know (written as `#` comments at the top).
    pub remarks: Vec<String>,
}

/// A value and, when it was guessed, why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Guessed<T> {
    pub value: T,
    /// `None`: stated by the source. `Some(why)`: guessed.
    pub inferred: Option<String>,
}

impl<T> Guessed<T> {
    pub fn stated(value: T) -> Self {
        Guessed {
            value,
            inferred: None,
        }
    }
    pub fn guess(value: T, why: impl Into<String>) -> Self {
        Guessed {
            value,
            inferred: Some(why.into()),
        }
    }
}

/// One field of a request, a response, an object or a notification.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Field {
    pub name: String,
    pub ty: Ty,
    pub required: Required,
    pub max_len: Option<u64>,
    pub len_unit: Option<LenUnit>,
    pub values: Vec<String>,
    pub range: Option<Range>,
    pub allow_1c: bool,
    pub format: Option<String>,
    pub default: Option<String>,
    pub doc: String,
    pub example: String,
    /// Members of an object, or of the objects of an array.
    pub fields: Vec<Field>,
    /// One-of groups among `fields` (request side only).
    pub one_of_groups: Vec<OneOfGroup>,
    /// Attributes guessed, each with its reason: `("len_unit", "no unit given; char assumed")`.
    pub inferred: Vec<(String, String)>,
    /// Remarks for the reader (English), written as the field's `note`.
    pub notes: Vec<String>,
    /// Where the field was read: `page line 42`, `Python SDK AlipayTradePayModel`.
    pub source: String,
}

impl Field {
    pub fn infer(&mut self, attr: &str, why: impl Into<String>) {
        let why = why.into();
        match self.inferred.iter_mut().find(|(a, _)| a == attr) {
            Some(slot) => slot.1 = why,
            None => self.inferred.push((attr.to_owned(), why)),
        }
    }
    pub fn is_inferred(&self, attr: &str) -> bool {
        self.inferred.iter().any(|(a, _)| a == attr)
    }
    pub fn unmark(&mut self, attr: &str) {
        self.inferred.retain(|(a, _)| a != attr);
    }
}

/// A field's type, in the spec language's words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Ty {
    #[default]
    String,
    Amount,
    Integer,
    Number,
    Boolean,
    Date,
    Month,
    DateTime,
    PayTimeout,
    UserId,
    Json,
    Enum,
    Object,
    /// An array of the boxed item type (never itself an array).
    Array(Box<Ty>),
    /// A shared type of `_types.toml`.
    Shared(String),
}

impl Ty {
    /// The spelling of a scalar or `object` (`array`/shared types are spelled by the writer).
    pub fn word(&self) -> &str {
        match self {
            Ty::String => "string",
            Ty::Amount => "amount",
            Ty::Integer => "integer",
            Ty::Number => "number",
            Ty::Boolean => "boolean",
            Ty::Date => "date",
            Ty::Month => "month",
            Ty::DateTime => "datetime",
            Ty::PayTimeout => "pay_timeout",
            Ty::UserId => "user_id",
            Ty::Json => "json",
            Ty::Enum => "enum",
            Ty::Object => "object",
            Ty::Array(_) => "array",
            Ty::Shared(name) => name,
        }
    }
    /// The type each value has: the item type of an array, else itself.
    pub fn value(&self) -> &Ty {
        match self {
            Ty::Array(item) => item,
            other => other,
        }
    }
    pub fn has_members(&self) -> bool {
        matches!(self.value(), Ty::Object)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Range {
    /// Decimal strings, inclusive; `scale` = most decimals.
    Amount {
        min: String,
        max: String,
        scale: u32,
    },
    /// `1m` .. `15d`, inclusive.
    Timeout {
        min: String,
        max: String,
    },
    Integer {
        min: i64,
        max: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OneOfGroup {
    pub id: String,
    pub fields: Vec<String>,
    pub min: u32,
    /// The first non-empty one wins on the server.
    pub precedence: Vec<String>,
    /// `false`: the condition is not the client's to check (documented only).
    pub enforce: bool,
    /// The page's sentence stating the rule, verbatim.
    pub doc: String,
    pub inferred: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorCode {
    pub code: String,
    pub msg: String,
    pub solution: String,
    /// `retry_same`, `query_then_decide`, ... (always a guess from `solution`).
    pub handling: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notify {
    pub types: Vec<NotifyType>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NotifyType {
    pub name: String,
    pub doc: String,
    pub default_on: bool,
}

/// An object type several fields (or APIs) share, written to `_types.toml`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SharedType {
    pub name: String,
    /// `true`: response side (received; every field optional).
    pub response_side: bool,
    pub doc: String,
    pub fields: Vec<Field>,
    /// Where it comes from: `Python SDK alipay/aop/api/domain/GoodsDetail.py`.
    pub source: String,
}
