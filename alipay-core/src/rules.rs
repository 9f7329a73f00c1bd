//! The rules of an API's business parameters as data, and the one engine that enforces them.
//!
//! Every spec becomes static tables ([`ObjectRules`] of [`FieldRule`]s, one-of groups and
//! conditional rules); the generated code holds only those tables. [`ObjectRules::check`]
//! interprets them over a [`Wire`] value, at every level of nesting, and reports every broken
//! rule at once with the field's path (`goods_detail[1].price: range (...)`). The typed
//! requests validate through it (their `validate()` is `RULES.check(&self.to_wire())`),
//! `from_biz_content` and the sandbox validate JSON text through it, and `alipay validate
//! --spec` builds the same tables from a spec file at run time, so compiled and run-time
//! validation cannot disagree.
//!
//! The tables are built with `const fn`s so a generated table reads like the spec:
//!
//! ```
//! use alipay_core::rules::{FieldRule, ObjectRules, Ty, LenUnit};
//! const RULES: &ObjectRules = &ObjectRules::new(
//!     "alipay.demo.pay",
//!     &[
//!         FieldRule::new("out_order_no", Ty::Text).required().max_len(64, LenUnit::Char),
//!         FieldRule::new("amount", Ty::Amount).required().amount_range(1, 10_000_000_000, 2),
//!     ],
//! );
//! let json = r#"{"out_order_no":"o1","amount":"0.001"}"#;
//! let v = RULES.check_json(json).unwrap_err();
//! assert_eq!(v.to_string(), "amount: grammar (invalid amount \"0.001\": at most 2 decimals)");
//! ```
//!
//! # What the engine checks, and its messages
//!
//! Each broken rule is one [`Violation`](crate::api::Violation), displayed `<path>: <rule>
//! (<detail>)`. Paths are `name` at the top level, `a.b` in nested objects and `a[0].b` in
//! arrays (0-based). An object's fields are checked in table order, then its one-of groups,
//! then its unknown members; every level is checked the same way.
//!
//! A member is *absent* when it is missing, `null` or `""` (and, for an array field, `[]`).
//! A member given twice is reported, and its last occurrence is checked. A required value that
//! is a string of whitespace only is missing too (values are never trimmed otherwise). A value
//! of the wrong JSON type or grammar gets one violation and no further checks; a well-formed
//! one is then checked against its range, values, `max_len` (on the text as sent: an amount
//! written with its range's scale, a JSON object field as compact JSON) and `pattern`.
//!
//! | rule | broken when | detail |
//! | --- | --- | --- |
//! | `duplicate` | a member is given more than once | `given 2 times` |
//! | `required` | a required member is absent or blank | `must be set and not blank`; an empty required array: `must have at least one item`; a [`Then::Required`] whose condition holds: `must be set when mode is B` |
//! | `type` | the JSON type is wrong (string, integer, number, boolean, object, array) | `must be a JSON string, got 12` (`JSON integer`, `JSON number in decimal notation`, `true or false`, `JSON object`, `JSON array`) |
//! | `grammar` | an amount, pay_timeout or user id is malformed | `invalid amount "0.001": at most 2 decimals`, `invalid amount 1e2: no exponent allowed (write 100, not 1e2)`, `expected an amount (a JSON string or number), found true`, `pay_timeout "1.5h": no decimals (write 90m, not 1.5h)`, `user id "2088": must be 16 digits (2088 and 12 more), found 4`; not a string: `must be a JSON string, got 90` |
//! | `json_object` | a JSON field is not an object (or a string holding one) | `must be a JSON object ({...}), found a JSON array`, `not valid JSON (<serde_json's message>)` |
//! | `enum` | a value is not one of the field's values | `"FOO" is not one of PAY, REFUND`, with ` (when mode is C)` when a [`Then::Values`] applies; not a string: `must be a JSON string, got 1` |
//! | `format` | a date, month or datetime is malformed | `must be yyyy-MM-dd, got "2024-02-30" (no such day)`; not a string: `must be a JSON string, got 20240101` |
//! | `scale` | an amount has more decimals (as written) than its range's scale 0 or 1 | `at most 0 decimals, got 5.00` |
//! | `range` | an amount, timeout or integer is out of its range | `must be within [0.01, 100000000.00], got 0.00`, `must be within 1m~7d, got 169h (10140 minutes)`, `must be within [1, 99], got 100`, with ` (when mode is B)` when a [`Then::Range`] applies; `1c` has no range |
//! | `max_len` | the text as sent is too long | `at most 100 gbk_byte, got 104`, `at most 64 char, got 65` |
//! | `pattern` | a string does not match (a pattern that does not compile matches nothing) | `must match ^[0-9]{6}$` |
//! | `max_items` | an array has too many items | `at most 3 items, got 4` |
//! | `one_of` | fewer group members than `min` are present (path `a\|b`, `payee_info.a\|b`) | `at least 1 of a, b must be non-empty, got 0` |
//! | `unknown_field` | a member is not in the table | `not a field of this API` (top level), `not a field of <ObjectRules::name>` (nested) |
//! | `depth` | values nest more than 128 levels through recursive tables | `nested more than 128 levels deep` |
//!
//! A JSON value quoted in a detail is its compact JSON text, at most 64 characters (`...`
//! marks a cut); quoted strings are cut the same way. An array item that is `null` or `""` is
//! `name[i]: required (must be set and not blank)`.

use crate::api::{BizError, Violations};
use crate::wire::Wire;

/// The unit of a maximum length: the value types' own [`LengthUnit`](crate::value::LengthUnit).
pub use crate::value::LengthUnit as LenUnit;

/// The value type of a field (of each item, for an array).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// A JSON string. (Not `String`: a public item of that name would make rustc spell
    /// `std::string::String` in full in every diagnostic of a crate that sees it.)
    Text,
    /// Yuan, exact: a JSON string or number in the amount grammar, at most `scale` decimals
    /// (see [`FieldRule::amount_range`]).
    Amount,
    /// A JSON integer number (`i64`).
    Integer,
    /// A JSON number in decimal notation, kept exactly.
    Number,
    /// JSON `true` / `false`.
    Boolean,
    /// A JSON string `yyyy-MM-dd` naming a real day.
    Date,
    /// A JSON string `yyyy-MM`.
    Month,
    /// A JSON string `yyyy-MM-dd HH:mm:ss` naming a real time.
    Datetime,
    /// A relative timeout `<n><m|h|d>` (and `1c` with [`FieldRule::allow_1c`]).
    PayTimeout,
    /// An Alipay user id (`2088` and 12 digits).
    UserId,
    /// A JSON string holding a JSON object's text (or the object itself).
    Json,
    /// A JSON string, one of [`FieldRule::values`].
    Enum,
    /// A JSON object following these rules.
    Object(&'static ObjectRules),
    /// A JSON array whose items have this type; the field's scalar rules apply to each item.
    Array(&'static Ty),
}

/// Whether a field must be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Must be present and not blank (an array: at least one item).
    Required,
    /// May be absent.
    Optional,
    /// Member of the object's one-of group with this index in [`ObjectRules::groups`].
    OneOf(u8),
}

/// An inclusive range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    /// Amounts, in fen, and the maximum number of decimals.
    Fen {
        /// Smallest, in fen.
        min: u64,
        /// Largest, in fen.
        max: u64,
        /// At most this many decimals (0..=2).
        scale: u8,
    },
    /// Timeouts, in minutes, with the bounds as written in the spec (for messages).
    Minutes {
        /// Smallest, in minutes.
        min: u32,
        /// Largest, in minutes.
        max: u32,
        /// The smallest as written, e.g. `1m`.
        min_text: &'static str,
        /// The largest as written, e.g. `15d`.
        max_text: &'static str,
    },
    /// Integers.
    Integer {
        /// Smallest.
        min: i64,
        /// Largest.
        max: i64,
    },
}

/// "While sibling field `field` is one of `equals`".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// Wire name of a field of the same object.
    pub field: &'static str,
    /// The values that make the condition hold.
    pub equals: &'static [&'static str],
}

/// What holds while a [`When`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// The field is required.
    Required,
    /// This range replaces the field's range.
    Range(Range),
    /// These values replace the field's values.
    Values(&'static [&'static str]),
}

/// A conditional rule of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conditional {
    /// The condition.
    pub when: When,
    /// What it implies.
    pub then: Then,
}

/// The rules of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldRule {
    /// Wire name.
    pub name: &'static str,
    /// Value type.
    pub ty: Ty,
    /// Required, optional or one-of member.
    pub presence: Presence,
    /// Maximum length of the text as sent (of each item).
    pub max_len: Option<(u32, LenUnit)>,
    /// A regex (of each item); compiled once per process.
    pub pattern: Option<&'static str>,
    /// Range (of each item).
    pub range: Option<Range>,
    /// Allowed values of an enum (of each item).
    pub values: &'static [&'static str],
    /// Conditional rules, in spec order (for ranges and values the first that holds wins).
    pub conditionals: &'static [Conditional],
    /// At most this many items (arrays).
    pub max_items: Option<u32>,
    /// `1c` accepted (pay_timeout).
    pub allow_1c: bool,
}

impl FieldRule {
    /// An optional field without rules beyond its type.
    pub const fn new(name: &'static str, ty: Ty) -> FieldRule {
        FieldRule {
            name,
            ty,
            presence: Presence::Optional,
            max_len: None,
            pattern: None,
            range: None,
            values: &[],
            conditionals: &[],
            max_items: None,
            allow_1c: false,
        }
    }

    /// Must be present and not blank.
    pub const fn required(mut self) -> FieldRule {
        self.presence = Presence::Required;
        self
    }

    /// Member of the object's one-of group number `group`.
    pub const fn one_of(mut self, group: u8) -> FieldRule {
        self.presence = Presence::OneOf(group);
        self
    }

    /// At most `max` units long.
    pub const fn max_len(mut self, max: u32, unit: LenUnit) -> FieldRule {
        self.max_len = Some((max, unit));
        self
    }

    /// Must match `regex`.
    pub const fn pattern(mut self, regex: &'static str) -> FieldRule {
        self.pattern = Some(regex);
        self
    }

    /// An amount within `[min, max]` fen with at most `scale` decimals.
    pub const fn amount_range(mut self, min: u64, max: u64, scale: u8) -> FieldRule {
        self.range = Some(Range::Fen { min, max, scale });
        self
    }

    /// Any range.
    pub const fn range(mut self, range: Range) -> FieldRule {
        self.range = Some(range);
        self
    }

    /// The values of an enum.
    pub const fn values(mut self, values: &'static [&'static str]) -> FieldRule {
        self.values = values;
        self
    }

    /// Conditional rules.
    pub const fn conditionals(mut self, rules: &'static [Conditional]) -> FieldRule {
        self.conditionals = rules;
        self
    }

    /// At most `max` items.
    pub const fn max_items(mut self, max: u32) -> FieldRule {
        self.max_items = Some(max);
        self
    }

    /// Accept `1c`.
    pub const fn allow_1c(mut self) -> FieldRule {
        self.allow_1c = true;
        self
    }
}

/// A one-of group: at least `min` of `fields` non-empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Member wire names, in precedence order (the first non-empty one wins on the server).
    pub fields: &'static [&'static str],
    /// At least this many.
    pub min: u8,
}

/// The rules of an object: a request, or a nested object type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectRules {
    /// The method or type name (for documentation).
    pub name: &'static str,
    /// The fields, in wire order.
    pub fields: &'static [FieldRule],
    /// The enforced one-of groups.
    pub groups: &'static [Group],
}

impl ObjectRules {
    /// An object without one-of groups.
    pub const fn new(name: &'static str, fields: &'static [FieldRule]) -> ObjectRules {
        ObjectRules {
            name,
            fields,
            groups: &[],
        }
    }

    /// With these one-of groups.
    pub const fn groups(mut self, groups: &'static [Group]) -> ObjectRules {
        self.groups = groups;
        self
    }

    /// Every rule `value` breaks, at every level, with paths; unknown members included.
    pub fn check(&'static self, value: &Wire) -> Result<(), Violations> {
        let mut v = Violations::default();
        crate::rules_engine::check_object(self, value, "", &mut v);
        v.into_result()
    }

    /// Parses `json` (a JSON object; numbers kept exactly) and checks it.
    pub fn check_json(&'static self, json: &str) -> Result<Wire, BizError> {
        let value = Wire::parse_object(json).map_err(BizError::Malformed)?;
        self.check(&value).map_err(BizError::Invalid)?;
        Ok(value)
    }

    /// [`ObjectRules::check`] into `v`, for an object at `prefix` (`""` at the top level,
    /// `payee_info.` or `goods_detail[1].` when nested; unknown members of a nested object are
    /// reported as `not a field of <name>`).
    pub fn check_into(&self, value: &Wire, prefix: &str, v: &mut Violations) {
        crate::rules_engine::check_object(self, value, prefix, v);
    }
}

/// Checks one member on its own: `value` ([`Wire::Null`] when missing) against `field`'s
/// presence, type and value rules, reported at `path`. Its conditional rules do not hold here
/// (they name siblings, and there are none): the base rules apply.
pub fn check_value(field: &FieldRule, value: &Wire, path: &str, v: &mut Violations) {
    crate::rules_engine::check_value(field, value, path, v);
}

/// Shorthands that keep each generated table entry on one line.
impl FieldRule {
    /// At most `max` Unicode scalar values.
    pub const fn max_chars(self, max: u32) -> FieldRule {
        self.max_len(max, LenUnit::Char)
    }

    /// At most `max` GB18030 bytes ("100 个字母或 50 个汉字").
    pub const fn max_gbk(self, max: u32) -> FieldRule {
        self.max_len(max, LenUnit::GbkByte)
    }

    /// A timeout within `[min, max]` minutes, written `min_text`~`max_text` in the spec.
    pub const fn minutes(
        self,
        min: u32,
        max: u32,
        min_text: &'static str,
        max_text: &'static str,
    ) -> FieldRule {
        self.range(Range::Minutes {
            min,
            max,
            min_text,
            max_text,
        })
    }

    /// An integer within `[min, max]`.
    pub const fn integer_range(self, min: i64, max: i64) -> FieldRule {
        self.range(Range::Integer { min, max })
    }
}

impl Group {
    /// At least `min` of `fields` (in precedence order) non-empty.
    pub const fn new(fields: &'static [&'static str], min: u8) -> Group {
        Group { fields, min }
    }
}
