//! The spanned syntax tree between [`parse`](crate::parse) and [`check`](crate::check).
//!
//! [`parse`](crate::parse) fills it from the TOML document, reporting what can be seen key by
//! key (syntax, unknown and missing keys, value types, unknown enum-like words); every value
//! keeps its [`Location`] so [`check`](crate::check) can point at it. Type names (`type`,
//! `items`) are kept as written: whether a name is a shared type is only known to the check.

use crate::model::{
    Execution, Handling, LenUnit, Location, ParamsIn, ResultHandling, RuleKind, Side,
};

/// A value and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sp<T> {
    pub(crate) v: T,
    pub(crate) loc: Location,
}

/// A key's value as read: absent, present but unusable (already reported), or good.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Slot<T> {
    Absent,
    Bad,
    Good(Sp<T>),
}

impl<T> Slot<T> {
    pub(crate) fn get(&self) -> Option<&Sp<T>> {
        match self {
            Slot::Good(sp) => Some(sp),
            Slot::Absent | Slot::Bad => None,
        }
    }

    /// The value, if good.
    pub(crate) fn value(&self) -> Option<&T> {
        self.get().map(|sp| &sp.v)
    }

    /// `true` unless the key is absent (a bad value still counts as given).
    pub(crate) fn is_present(&self) -> bool {
        !matches!(self, Slot::Absent)
    }
}

impl Slot<String> {
    pub(crate) fn string(&self) -> Option<String> {
        self.value().cloned()
    }
}

impl Slot<Vec<Sp<String>>> {
    pub(crate) fn strings(&self) -> Option<Vec<String>> {
        self.value()
            .map(|items| items.iter().map(|s| s.v.clone()).collect())
    }
}

/// `required` as written (the group id is in [`RawField::one_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawRequired {
    Yes,
    No,
    OneOf,
    Conditional,
}

impl RawRequired {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RawRequired::Yes => "yes",
            RawRequired::No => "no",
            RawRequired::OneOf => "one_of",
            RawRequired::Conditional => "conditional",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawSpec {
    pub(crate) schema: Slot<String>,
    pub(crate) method: Slot<String>,
    pub(crate) name_zh: Slot<String>,
    pub(crate) summary: Slot<String>,
    pub(crate) doc_url: Slot<String>,
    pub(crate) execution: Slot<Execution>,
    pub(crate) notify_url: Slot<bool>,
    pub(crate) return_url: Slot<bool>,
    pub(crate) params: Slot<ParamsIn>,
    pub(crate) response_node: Slot<String>,
    pub(crate) completeness: Slot<String>,
    pub(crate) sources: Slot<Vec<Sp<String>>>,
    pub(crate) request: Vec<RawField>,
    pub(crate) request_sdk_only: Vec<RawField>,
    pub(crate) one_of: Vec<RawGroup>,
    pub(crate) rules: Vec<RawRule>,
    pub(crate) response: Vec<RawField>,
    pub(crate) errors: Vec<RawError>,
    pub(crate) notify: Option<RawNotify>,
}

/// One field table, at any depth.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawField {
    /// Where the table starts (its `[[...]]` header or `{`).
    pub(crate) loc: Location,
    pub(crate) name: Slot<String>,
    /// The type word as written (a builtin or the name of a shared type).
    pub(crate) ty: Slot<String>,
    pub(crate) required: Slot<RawRequired>,
    pub(crate) one_of: Slot<String>,
    pub(crate) required_if: Slot<RawCondition>,
    /// The item type word of an array, as written.
    pub(crate) items: Slot<String>,
    pub(crate) max_items: Slot<i64>,
    pub(crate) max_len: Slot<i64>,
    pub(crate) len_unit: Slot<LenUnit>,
    pub(crate) pattern: Slot<String>,
    pub(crate) range: Slot<RawRange>,
    pub(crate) range_if: Slot<Vec<RawRangeIf>>,
    pub(crate) default: Slot<String>,
    pub(crate) values: Slot<Vec<Sp<String>>>,
    pub(crate) values_if: Slot<Vec<RawValuesIf>>,
    pub(crate) allow_1c: Slot<bool>,
    pub(crate) format: Slot<String>,
    /// The members of an object (or of an array's object items).
    pub(crate) fields: Slot<Vec<RawField>>,
    /// The one-of groups among [`RawField::fields`].
    pub(crate) one_of_groups: Slot<Vec<RawGroup>>,
    pub(crate) doc: Slot<String>,
    pub(crate) note: Slot<String>,
    pub(crate) example: Slot<String>,
    pub(crate) source: Slot<String>,
    pub(crate) inferred: Slot<Vec<Sp<String>>>,
}

/// One end of a `range`: a string (amount, pay_timeout) or a TOML integer (integer).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawBound {
    Str(String),
    Int(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawRange {
    pub(crate) min: Slot<RawBound>,
    pub(crate) max: Slot<RawBound>,
    pub(crate) scale: Slot<i64>,
}

/// `{ field = "...", equals = ... }` (also the condition part of `range_if` / `values_if`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawCondition {
    /// Where the inline table starts.
    pub(crate) loc: Location,
    pub(crate) field: Slot<String>,
    /// One string is read as a one-element list.
    pub(crate) equals: Slot<Vec<Sp<String>>>,
}

/// One element of `range_if`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawRangeIf {
    pub(crate) when: RawCondition,
    pub(crate) range: Slot<RawRange>,
}

/// One element of `values_if`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawValuesIf {
    pub(crate) when: RawCondition,
    pub(crate) values: Slot<Vec<Sp<String>>>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawGroup {
    pub(crate) loc: Location,
    pub(crate) id: Slot<String>,
    pub(crate) fields: Slot<Vec<Sp<String>>>,
    pub(crate) min: Slot<i64>,
    pub(crate) precedence: Slot<Vec<Sp<String>>>,
    pub(crate) enforce: Slot<bool>,
    pub(crate) condition: Slot<String>,
    pub(crate) doc: Slot<String>,
    pub(crate) source: Slot<String>,
    pub(crate) inferred: Slot<Vec<Sp<String>>>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawRule {
    pub(crate) id: Slot<String>,
    pub(crate) kind: Slot<RuleKind>,
    pub(crate) doc: Slot<String>,
    pub(crate) source: Slot<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawError {
    pub(crate) code: Slot<String>,
    pub(crate) msg: Slot<String>,
    pub(crate) solution: Slot<String>,
    pub(crate) handling: Slot<Handling>,
    pub(crate) note: Slot<String>,
    pub(crate) source: Slot<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawNotify {
    pub(crate) documented: Slot<bool>,
    pub(crate) note: Slot<String>,
    pub(crate) source: Slot<String>,
    pub(crate) types: Vec<RawNotifyType>,
    pub(crate) fields: Vec<RawField>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawNotifyType {
    pub(crate) name: Slot<String>,
    pub(crate) doc: Slot<String>,
    pub(crate) default_on: Slot<bool>,
}

/// `_common.toml`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawCommon {
    pub(crate) schema: Slot<String>,
    pub(crate) public_request: Vec<RawField>,
    pub(crate) public_response: Vec<RawField>,
    pub(crate) result_codes: Vec<RawResultCode>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawResultCode {
    pub(crate) code: Slot<String>,
    pub(crate) meaning: Slot<String>,
    pub(crate) handling: Slot<ResultHandling>,
    pub(crate) source: Slot<String>,
}

/// `_types.toml`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawTypes {
    pub(crate) schema: Slot<String>,
    pub(crate) types: Vec<RawNamedType>,
}

/// One `[[type]]` of `_types.toml`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawNamedType {
    /// Where the `[[type]]` table starts.
    pub(crate) loc: Location,
    pub(crate) name: Slot<String>,
    pub(crate) side: Slot<Side>,
    pub(crate) doc: Slot<String>,
    pub(crate) source: Slot<String>,
    pub(crate) fields: Vec<RawField>,
    pub(crate) one_of: Vec<RawGroup>,
}
