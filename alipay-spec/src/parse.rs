//! Phase 1: TOML text → spanned syntax tree ([`crate::ast`]).
//!
//! Reports what can be seen one key at a time: TOML syntax errors, unknown keys, missing
//! required keys, values of the wrong TOML type, and unknown words for the enum-like keys
//! (`required`, `len_unit`, `execution`, `params`, `side`, `handling`, `kind`). Type names
//! (`type`, `items`) and relations between values are left to [`crate::check`], which knows
//! the shared types.

use std::ops::Range as ByteRange;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::ast::{
    RawBound, RawCommon, RawCondition, RawError, RawField, RawGroup, RawNamedType, RawNotify,
    RawNotifyType, RawRange, RawRangeIf, RawRequired, RawResultCode, RawRule, RawSpec, RawTypes,
    RawValuesIf, Slot, Sp,
};
use crate::error::{Ctxt, LineIndex};
use crate::model::{
    Execution, Handling, LenUnit, Location, ParamsIn, ResultHandling, RuleKind, Side,
};

/// Keys allowed at the top level of an API spec.
pub(crate) const TOP_KEYS: &[&str] = &[
    "schema",
    "method",
    "name_zh",
    "summary",
    "doc_url",
    "execution",
    "notify_url",
    "return_url",
    "params",
    "response_node",
    "completeness",
    "sources",
    "request",
    "request_sdk_only",
    "one_of",
    "rule",
    "response",
    "error",
    "notify",
];

/// Keys allowed in a field table (`[[request]]`, `[[response]]`, `[[notify.fields]]`, ...).
pub(crate) const FIELD_KEYS: &[&str] = &[
    "name",
    "type",
    "items",
    "required",
    "one_of",
    "required_if",
    "max_len",
    "len_unit",
    "pattern",
    "range",
    "range_if",
    "values",
    "values_if",
    "max_items",
    "allow_1c",
    "format",
    "default",
    "fields",
    "one_of_groups",
    "doc",
    "note",
    "example",
    "source",
    "inferred",
];

/// Keys allowed in a field's `range` table.
pub(crate) const RANGE_KEYS: &[&str] = &["min", "max", "scale"];

/// Keys allowed in a `required_if` table.
pub(crate) const CONDITION_KEYS: &[&str] = &["field", "equals"];

/// Keys allowed in an element of `range_if`.
pub(crate) const RANGE_IF_KEYS: &[&str] = &["field", "equals", "range"];

/// Keys allowed in an element of `values_if`.
pub(crate) const VALUES_IF_KEYS: &[&str] = &["field", "equals", "values"];

/// Keys allowed in a `[[one_of]]` table (and in `one_of_groups`, `[[type.one_of]]`).
pub(crate) const ONE_OF_KEYS: &[&str] = &[
    "id",
    "fields",
    "min",
    "precedence",
    "enforce",
    "condition",
    "doc",
    "source",
    "inferred",
];

/// Keys allowed in a `[[rule]]` table.
pub(crate) const RULE_KEYS: &[&str] = &["id", "kind", "doc", "source"];

/// Keys allowed in an `[[error]]` table.
pub(crate) const ERROR_KEYS: &[&str] = &["code", "msg", "solution", "handling", "note", "source"];

/// Keys allowed in the `[notify]` table.
pub(crate) const NOTIFY_KEYS: &[&str] = &["documented", "note", "source", "types", "fields"];

/// Keys allowed in a `[[notify.types]]` table.
pub(crate) const NOTIFY_TYPE_KEYS: &[&str] = &["name", "doc", "default_on"];

/// Keys allowed at the top level of `_common.toml`.
pub(crate) const COMMON_KEYS: &[&str] =
    &["schema", "public_request", "public_response", "result_code"];

/// Keys allowed in a `[[result_code]]` table of `_common.toml`.
pub(crate) const RESULT_CODE_KEYS: &[&str] = &["code", "meaning", "handling", "source"];

/// Keys allowed at the top level of `_types.toml`.
pub(crate) const TYPES_KEYS: &[&str] = &["schema", "type"];

/// Keys allowed in a `[[type]]` table of `_types.toml`.
pub(crate) const TYPE_KEYS: &[&str] = &["name", "side", "doc", "source", "fields", "one_of"];

const REQUIRED_WORDS: [RawRequired; 4] = [
    RawRequired::Yes,
    RawRequired::No,
    RawRequired::OneOf,
    RawRequired::Conditional,
];
const LEN_UNITS: [LenUnit; 2] = [LenUnit::Char, LenUnit::GbkByte];
const RULE_KINDS: [RuleKind; 2] = [RuleKind::Conditional, RuleKind::Advisory];
const SIDES: [Side; 2] = [Side::Request, Side::Response];
const RESULT_HANDLINGS: [ResultHandling; 6] = [
    ResultHandling::Success,
    ResultHandling::RetrySameOrQuery,
    ResultHandling::FixRequest,
    ResultHandling::FixCredentials,
    ResultHandling::PerSubCode,
    ResultHandling::MerchantContract,
];

/// Whether a key must be present.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Required,
    Optional,
}
use Need::{Optional, Required};

/// A table being read: its entries, where it starts, and how messages name it.
struct Tbl<'d, 'i> {
    map: &'d DeTable<'i>,
    loc: Location,
    /// `"in [[request]]"`, `"at the top level"`, ...
    what: String,
}

impl<'d, 'i> Tbl<'d, 'i> {
    fn lookup(&self, key: &str) -> Option<&'d Spanned<DeValue<'i>>> {
        self.map
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }
}

struct Parser<'a> {
    cx: &'a mut Ctxt,
    ix: LineIndex<'a>,
}

/// Parses the TOML text; on a syntax error reports every error the TOML parser found and
/// returns `None`.
fn parse_toml<'i>(
    cx: &mut Ctxt,
    ix: &LineIndex<'_>,
    text: &'i str,
) -> Option<Spanned<DeTable<'i>>> {
    let (doc, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(doc);
    }
    let mut seen = Vec::new();
    for e in errors {
        let loc = ix.location(e.span().map_or(0, |s| s.start));
        let message = format!("invalid TOML: {}", e.message());
        if !seen.contains(&(loc, message.clone())) {
            seen.push((loc, message.clone()));
            cx.error(loc, message);
        }
    }
    None
}

/// Reads an API spec. `None` only when the text is not TOML (already reported).
pub(crate) fn parse_api(cx: &mut Ctxt, text: &str) -> Option<RawSpec> {
    let ix = LineIndex::new(text);
    let doc = parse_toml(cx, &ix, text)?;
    let mut p = Parser { cx, ix };
    let root = p.root(&doc, TOP_KEYS);
    Some(RawSpec {
        schema: p.str(&root, "schema", Required),
        method: p.str(&root, "method", Required),
        name_zh: p.str(&root, "name_zh", Required),
        summary: p.str(&root, "summary", Required),
        doc_url: p.str(&root, "doc_url", Optional),
        execution: p.word(&root, "execution", Required, &Execution::ALL, |e| {
            e.as_str()
        }),
        notify_url: p.bool(&root, "notify_url", Required),
        return_url: p.bool(&root, "return_url", Required),
        params: p.word(&root, "params", Optional, &ParamsIn::ALL, |w| w.as_str()),
        response_node: p.str(&root, "response_node", Required),
        completeness: p.str(&root, "completeness", Required),
        sources: p.strs(&root, "sources", Required),
        request: p.fields(&root, "request", "[[request]]"),
        request_sdk_only: p.fields(&root, "request_sdk_only", "[[request_sdk_only]]"),
        one_of: p
            .tables(&root, "one_of", "[[one_of]]", ONE_OF_KEYS)
            .iter()
            .map(|t| p.group(t))
            .collect(),
        rules: p
            .tables(&root, "rule", "[[rule]]", RULE_KEYS)
            .iter()
            .map(|t| RawRule {
                id: p.str(t, "id", Required),
                kind: p.word(t, "kind", Required, &RULE_KINDS, |k| k.as_str()),
                doc: p.str(t, "doc", Required),
                source: p.str(t, "source", Optional),
            })
            .collect(),
        response: p.fields(&root, "response", "[[response]]"),
        errors: p
            .tables(&root, "error", "[[error]]", ERROR_KEYS)
            .iter()
            .map(|t| RawError {
                code: p.str(t, "code", Required),
                msg: p.str(t, "msg", Required),
                solution: p.str(t, "solution", Required),
                handling: p.word(t, "handling", Required, &Handling::ALL, |h| h.as_str()),
                note: p.str(t, "note", Optional),
                source: p.str(t, "source", Optional),
            })
            .collect(),
        notify: p.notify(&root),
    })
}

/// Reads `_common.toml`. `None` only when the text is not TOML (already reported).
pub(crate) fn parse_common(cx: &mut Ctxt, text: &str) -> Option<RawCommon> {
    let ix = LineIndex::new(text);
    let doc = parse_toml(cx, &ix, text)?;
    let mut p = Parser { cx, ix };
    let root = p.root(&doc, COMMON_KEYS);
    Some(RawCommon {
        schema: p.str(&root, "schema", Required),
        public_request: p.fields(&root, "public_request", "[[public_request]]"),
        public_response: p.fields(&root, "public_response", "[[public_response]]"),
        result_codes: p
            .tables(&root, "result_code", "[[result_code]]", RESULT_CODE_KEYS)
            .iter()
            .map(|t| RawResultCode {
                code: p.str(t, "code", Required),
                meaning: p.str(t, "meaning", Required),
                handling: p.word(t, "handling", Required, &RESULT_HANDLINGS, |h| h.as_str()),
                source: p.str(t, "source", Optional),
            })
            .collect(),
    })
}

/// Reads `_types.toml`. `None` only when the text is not TOML (already reported).
pub(crate) fn parse_types(cx: &mut Ctxt, text: &str) -> Option<RawTypes> {
    let ix = LineIndex::new(text);
    let doc = parse_toml(cx, &ix, text)?;
    let mut p = Parser { cx, ix };
    let root = p.root(&doc, TYPES_KEYS);
    Some(RawTypes {
        schema: p.str(&root, "schema", Required),
        types: p
            .tables(&root, "type", "[[type]]", TYPE_KEYS)
            .iter()
            .map(|t| RawNamedType {
                loc: t.loc,
                name: p.str(t, "name", Required),
                side: p.word(t, "side", Optional, &SIDES, |s| s.as_str()),
                doc: p.str(t, "doc", Optional),
                source: p.str(t, "source", Optional),
                fields: p.fields(t, "fields", "[[type.fields]]"),
                one_of: p
                    .tables(t, "one_of", "[[type.one_of]]", ONE_OF_KEYS)
                    .iter()
                    .map(|g| p.group(g))
                    .collect(),
            })
            .collect(),
    })
}

/// `[[request]]` + `fields` → `[[request.fields]]`.
fn child_header(header: &str, key: &str) -> String {
    format!("{}.{key}]]", header.strip_suffix("]]").unwrap_or(header))
}

/// How a value is named in "found ..." messages.
fn describe(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a datetime",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl<'a> Parser<'a> {
    fn loc(&self, span: ByteRange<usize>) -> Location {
        self.ix.location(span.start)
    }

    fn root<'d, 'i>(&mut self, doc: &'d Spanned<DeTable<'i>>, allowed: &[&str]) -> Tbl<'d, 'i> {
        let t = Tbl {
            map: doc.get_ref(),
            loc: Location { line: 1, col: 1 },
            what: "at the top level".to_owned(),
        };
        self.unknown_keys(&t, allowed);
        t
    }

    /// Reports every key of `t` not in `allowed`.
    fn unknown_keys(&mut self, t: &Tbl<'_, '_>, allowed: &[&str]) {
        for (k, _) in t.map.iter() {
            let key: &str = k.get_ref().as_ref();
            if !allowed.contains(&key) {
                let loc = self.loc(k.span());
                self.cx.error(
                    loc,
                    format!(
                        "unknown key \"{key}\" {} (expected one of: {})",
                        t.what,
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    /// The value of `key`, reporting it when required and absent.
    fn value<'d, 'i>(
        &mut self,
        t: &Tbl<'d, 'i>,
        key: &str,
        need: Need,
    ) -> Option<&'d Spanned<DeValue<'i>>> {
        let v = t.lookup(key);
        if v.is_none() && need == Required {
            self.cx
                .error(t.loc, format!("missing required key \"{key}\" {}", t.what));
        }
        v
    }

    fn wrong_type(&mut self, key: &str, expected: &str, v: &Spanned<DeValue<'_>>) {
        let loc = self.loc(v.span());
        self.cx.error(
            loc,
            format!(
                "\"{key}\" must be {expected}, found {}",
                describe(v.get_ref())
            ),
        );
    }

    fn str(&mut self, t: &Tbl<'_, '_>, key: &str, need: Need) -> Slot<String> {
        let Some(v) = self.value(t, key, need) else {
            return Slot::Absent;
        };
        match v.get_ref() {
            DeValue::String(s) => Slot::Good(Sp {
                v: s.to_string(),
                loc: self.loc(v.span()),
            }),
            _ => {
                self.wrong_type(key, "a string", v);
                Slot::Bad
            }
        }
    }

    fn bool(&mut self, t: &Tbl<'_, '_>, key: &str, need: Need) -> Slot<bool> {
        let Some(v) = self.value(t, key, need) else {
            return Slot::Absent;
        };
        match v.get_ref() {
            DeValue::Boolean(b) => Slot::Good(Sp {
                v: *b,
                loc: self.loc(v.span()),
            }),
            _ => {
                self.wrong_type(key, "a boolean (true or false)", v);
                Slot::Bad
            }
        }
    }

    fn int(&mut self, t: &Tbl<'_, '_>, key: &str, need: Need) -> Slot<i64> {
        let Some(v) = self.value(t, key, need) else {
            return Slot::Absent;
        };
        let loc = self.loc(v.span());
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Slot::Good(Sp { v: n, loc }),
                Err(_) => {
                    self.cx
                        .error(loc, format!("\"{key}\" is too large for an integer: {i}"));
                    Slot::Bad
                }
            },
            _ => {
                self.wrong_type(key, "an integer", v);
                Slot::Bad
            }
        }
    }

    /// An array of strings; every non-string element is reported.
    fn strs(&mut self, t: &Tbl<'_, '_>, key: &str, need: Need) -> Slot<Vec<Sp<String>>> {
        let Some(v) = self.value(t, key, need) else {
            return Slot::Absent;
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(key, "an array of strings", v);
            return Slot::Bad;
        };
        let mut out = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Sp {
                    v: s.to_string(),
                    loc: self.loc(item.span()),
                }),
                other => {
                    ok = false;
                    let loc = self.loc(item.span());
                    self.cx.error(
                        loc,
                        format!(
                            "\"{key}\" must be an array of strings, found {} in it",
                            describe(other)
                        ),
                    );
                }
            }
        }
        if ok {
            Slot::Good(Sp {
                v: out,
                loc: self.loc(v.span()),
            })
        } else {
            Slot::Bad
        }
    }

    /// A string that must be one of `choices` (spelled by `name`).
    fn word<E: Copy>(
        &mut self,
        t: &Tbl<'_, '_>,
        key: &str,
        need: Need,
        choices: &[E],
        name: fn(E) -> &'static str,
    ) -> Slot<E> {
        match self.str(t, key, need) {
            Slot::Good(s) => match choices.iter().copied().find(|c| name(*c) == s.v) {
                Some(c) => Slot::Good(Sp { v: c, loc: s.loc }),
                None => {
                    let expected: Vec<&str> = choices.iter().map(|c| name(*c)).collect();
                    self.cx.error(
                        s.loc,
                        format!(
                            "unknown {key} \"{}\" (expected one of: {})",
                            s.v,
                            expected.join(", ")
                        ),
                    );
                    Slot::Bad
                }
            },
            Slot::Bad => Slot::Bad,
            Slot::Absent => Slot::Absent,
        }
    }

    /// A sub-table (`[notify]`, `range = { ... }`), its unknown keys reported.
    fn table<'d, 'i>(
        &mut self,
        t: &Tbl<'d, 'i>,
        key: &str,
        what: &str,
        allowed: &[&str],
    ) -> Slot<Tbl<'d, 'i>> {
        let Some(v) = self.value(t, key, Optional) else {
            return Slot::Absent;
        };
        let DeValue::Table(map) = v.get_ref() else {
            self.wrong_type(key, "a table", v);
            return Slot::Bad;
        };
        let sub = Tbl {
            map,
            loc: self.loc(v.span()),
            what: format!("in {what}"),
        };
        self.unknown_keys(&sub, allowed);
        Slot::Good(Sp {
            loc: sub.loc,
            v: sub,
        })
    }

    /// An array of tables (`[[request]]`), each element's unknown keys reported.
    fn tables<'d, 'i>(
        &mut self,
        t: &Tbl<'d, 'i>,
        key: &str,
        header: &str,
        allowed: &[&str],
    ) -> Vec<Tbl<'d, 'i>> {
        match self.tables_slot(t, key, header, header, allowed) {
            Slot::Good(sp) => sp.v,
            Slot::Bad | Slot::Absent => Vec::new(),
        }
    }

    /// An array of tables, its elements named `what` in messages about their keys and the
    /// whole spelled `shape` when it is not an array of tables. Elements that are not tables
    /// are reported and left out.
    fn tables_slot<'d, 'i>(
        &mut self,
        t: &Tbl<'d, 'i>,
        key: &str,
        what: &str,
        shape: &str,
        allowed: &[&str],
    ) -> Slot<Vec<Tbl<'d, 'i>>> {
        let Some(v) = self.value(t, key, Optional) else {
            return Slot::Absent;
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(key, &format!("an array of tables ({shape})"), v);
            return Slot::Bad;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(map) => {
                    let sub = Tbl {
                        map,
                        loc: self.loc(item.span()),
                        what: format!("in {what}"),
                    };
                    self.unknown_keys(&sub, allowed);
                    out.push(sub);
                }
                other => {
                    let loc = self.loc(item.span());
                    self.cx.error(
                        loc,
                        format!(
                            "\"{key}\" must be an array of tables ({shape}), found {} in it",
                            describe(other)
                        ),
                    );
                }
            }
        }
        Slot::Good(Sp {
            v: out,
            loc: self.loc(v.span()),
        })
    }

    /// A string or an array of strings (`equals`); one string reads as a one-element list.
    fn str_or_strs(&mut self, t: &Tbl<'_, '_>, key: &str, need: Need) -> Slot<Vec<Sp<String>>> {
        let Some(v) = self.value(t, key, need) else {
            return Slot::Absent;
        };
        match v.get_ref() {
            DeValue::String(s) => {
                let loc = self.loc(v.span());
                Slot::Good(Sp {
                    v: vec![Sp {
                        v: s.to_string(),
                        loc,
                    }],
                    loc,
                })
            }
            DeValue::Array(_) => self.strs(t, key, need),
            _ => {
                self.wrong_type(key, "a string or an array of strings", v);
                Slot::Bad
            }
        }
    }

    /// One end of a range: a string (amount, pay_timeout) or an integer (integer).
    fn bound(&mut self, t: &Tbl<'_, '_>, key: &str) -> Slot<RawBound> {
        let Some(v) = self.value(t, key, Required) else {
            return Slot::Absent;
        };
        match v.get_ref() {
            DeValue::String(s) => Slot::Good(Sp {
                v: RawBound::Str(s.to_string()),
                loc: self.loc(v.span()),
            }),
            DeValue::Integer(_) => match self.int(t, key, Required) {
                Slot::Good(n) => Slot::Good(Sp {
                    v: RawBound::Int(n.v),
                    loc: n.loc,
                }),
                Slot::Bad => Slot::Bad,
                Slot::Absent => Slot::Absent,
            },
            _ => {
                self.wrong_type(
                    key,
                    "a string (amount, pay_timeout) or an integer (integer)",
                    v,
                );
                Slot::Bad
            }
        }
    }

    /// A `range = { min, max, scale }` table under `key` of `t`.
    fn range(&mut self, t: &Tbl<'_, '_>, key: &str) -> Slot<RawRange> {
        match self.table(t, key, "range", RANGE_KEYS) {
            Slot::Good(r) => Slot::Good(Sp {
                loc: r.loc,
                v: RawRange {
                    min: self.bound(&r.v, "min"),
                    max: self.bound(&r.v, "max"),
                    scale: self.int(&r.v, "scale", Optional),
                },
            }),
            Slot::Bad => Slot::Bad,
            Slot::Absent => Slot::Absent,
        }
    }

    /// The `field` and `equals` keys of a condition table.
    fn condition(&mut self, t: &Tbl<'_, '_>) -> RawCondition {
        RawCondition {
            loc: t.loc,
            field: self.str(t, "field", Required),
            equals: self.str_or_strs(t, "equals", Required),
        }
    }

    fn fields(&mut self, t: &Tbl<'_, '_>, key: &str, header: &str) -> Vec<RawField> {
        self.tables(t, key, header, FIELD_KEYS)
            .iter()
            .map(|f| self.field(f, header))
            .collect()
    }

    /// One field table; `header` names its array of tables (`[[request.fields]]`).
    fn field(&mut self, t: &Tbl<'_, '_>, header: &str) -> RawField {
        let members = child_header(header, "fields");
        let groups = child_header(header, "one_of_groups");
        RawField {
            loc: t.loc,
            name: self.str(t, "name", Required),
            ty: self.str(t, "type", Required),
            items: self.str(t, "items", Optional),
            required: self.word(t, "required", Required, &REQUIRED_WORDS, |r| r.as_str()),
            one_of: self.str(t, "one_of", Optional),
            required_if: match self.table(t, "required_if", "required_if", CONDITION_KEYS) {
                Slot::Good(c) => Slot::Good(Sp {
                    loc: c.loc,
                    v: self.condition(&c.v),
                }),
                Slot::Bad => Slot::Bad,
                Slot::Absent => Slot::Absent,
            },
            max_len: self.int(t, "max_len", Optional),
            len_unit: self.word(t, "len_unit", Optional, &LEN_UNITS, |u| u.as_str()),
            pattern: self.str(t, "pattern", Optional),
            range: self.range(t, "range"),
            range_if: match self.tables_slot(
                t,
                "range_if",
                "range_if",
                "range_if = [{ field = ..., equals = ..., range = { ... } }]",
                RANGE_IF_KEYS,
            ) {
                Slot::Good(items) => Slot::Good(Sp {
                    loc: items.loc,
                    v: items
                        .v
                        .iter()
                        .map(|c| RawRangeIf {
                            when: self.condition(c),
                            range: match self.range(c, "range") {
                                Slot::Absent => {
                                    self.cx
                                        .error(c.loc, "missing required key \"range\" in range_if");
                                    Slot::Bad
                                }
                                r => r,
                            },
                        })
                        .collect(),
                }),
                Slot::Bad => Slot::Bad,
                Slot::Absent => Slot::Absent,
            },
            default: self.str(t, "default", Optional),
            values: self.strs(t, "values", Optional),
            values_if: match self.tables_slot(
                t,
                "values_if",
                "values_if",
                "values_if = [{ field = ..., equals = ..., values = [...] }]",
                VALUES_IF_KEYS,
            ) {
                Slot::Good(items) => Slot::Good(Sp {
                    loc: items.loc,
                    v: items
                        .v
                        .iter()
                        .map(|c| RawValuesIf {
                            when: self.condition(c),
                            values: self.strs(c, "values", Required),
                        })
                        .collect(),
                }),
                Slot::Bad => Slot::Bad,
                Slot::Absent => Slot::Absent,
            },
            max_items: self.int(t, "max_items", Optional),
            allow_1c: self.bool(t, "allow_1c", Optional),
            format: self.str(t, "format", Optional),
            fields: match self.tables_slot(t, "fields", &members, &members, FIELD_KEYS) {
                Slot::Good(items) => Slot::Good(Sp {
                    loc: items.loc,
                    v: items.v.iter().map(|f| self.field(f, &members)).collect(),
                }),
                Slot::Bad => Slot::Bad,
                Slot::Absent => Slot::Absent,
            },
            one_of_groups: match self.tables_slot(t, "one_of_groups", &groups, &groups, ONE_OF_KEYS)
            {
                Slot::Good(items) => Slot::Good(Sp {
                    loc: items.loc,
                    v: items.v.iter().map(|g| self.group(g)).collect(),
                }),
                Slot::Bad => Slot::Bad,
                Slot::Absent => Slot::Absent,
            },
            doc: self.str(t, "doc", Optional),
            note: self.str(t, "note", Optional),
            example: self.str(t, "example", Optional),
            source: self.str(t, "source", Optional),
            inferred: self.strs(t, "inferred", Optional),
        }
    }

    fn group(&mut self, t: &Tbl<'_, '_>) -> RawGroup {
        RawGroup {
            loc: t.loc,
            id: self.str(t, "id", Required),
            fields: self.strs(t, "fields", Required),
            min: self.int(t, "min", Required),
            precedence: self.strs(t, "precedence", Required),
            enforce: self.bool(t, "enforce", Optional),
            condition: self.str(t, "condition", Optional),
            doc: self.str(t, "doc", Optional),
            source: self.str(t, "source", Optional),
            inferred: self.strs(t, "inferred", Optional),
        }
    }

    fn notify(&mut self, root: &Tbl<'_, '_>) -> Option<RawNotify> {
        let Slot::Good(n) = self.table(root, "notify", "[notify]", NOTIFY_KEYS) else {
            return None;
        };
        let n = n.v;
        Some(RawNotify {
            documented: self.bool(&n, "documented", Required),
            note: self.str(&n, "note", Optional),
            source: self.str(&n, "source", Optional),
            types: self
                .tables(&n, "types", "[[notify.types]]", NOTIFY_TYPE_KEYS)
                .iter()
                .map(|t| RawNotifyType {
                    name: self.str(t, "name", Required),
                    doc: self.str(t, "doc", Optional),
                    default_on: self.bool(t, "default_on", Required),
                })
                .collect(),
            fields: self.fields(&n, "fields", "[[notify.fields]]"),
        })
    }
}
