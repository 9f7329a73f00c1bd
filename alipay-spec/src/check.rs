//! Phase 2: semantic checks over the spanned tree, then lowering into the [`crate::model`].
//!
//! Everything that relates two values is checked here: the file name and `method`, `method`
//! and `response_node`, `max_len` and `len_unit`, a field's type and its `range` / `values`,
//! `required = "one_of"` and the `[[one_of]]` groups (both ways), duplicates per section.
//! The model is built only when the whole file is free of errors.

use std::collections::HashMap;

use crate::ast::{
    RawCommon, RawField, RawGroup, RawRange, RawRequired, RawSpec, Section, Slot, Sp,
};
use crate::error::Ctxt;
use crate::model::{
    ApiSpec, CommonSpec, ErrorCode, Field, FieldType, Location, MaxLen, Notify, NotifyType,
    OneOfGroup, Range, Required, ResultCode, Rule, SCHEMA,
};

/// The file name without directories and without `.toml`.
pub(crate) fn file_stem(file: &str) -> &str {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.strip_suffix(".toml").unwrap_or(base)
}

/// The response node an API's reply uses: the method with `.` → `_`, plus `_response`.
pub fn expected_response_node(method: &str) -> String {
    format!("{}_response", method.replace('.', "_"))
}

/// Checks an API spec; returns the model when the file has no error at all.
pub(crate) fn check_api(cx: &mut Ctxt, raw: &RawSpec, file: &str) -> Option<ApiSpec> {
    check_schema(cx, &raw.schema);
    if let Some(method) = raw.method.get() {
        let stem = file_stem(file);
        if method.v != stem {
            cx.error(
                method.loc,
                format!(
                    "method \"{}\" does not match the file name (expected \"{stem}\")",
                    method.v
                ),
            );
        }
        if let Some(node) = raw.response_node.get() {
            let expected = expected_response_node(&method.v);
            if node.v != expected {
                cx.error(
                    node.loc,
                    format!(
                        "response_node \"{}\" does not match the method (expected \"{expected}\")",
                        node.v
                    ),
                );
            }
        }
    }

    let request = check_fields(cx, &raw.request);
    let request_sdk_only = check_fields(cx, &raw.request_sdk_only);
    let response = check_fields(cx, &raw.response);
    let one_of = check_groups(cx, &raw.one_of, &raw.request);
    let rules = raw
        .rules
        .iter()
        .map(|r| {
            let id = r.id.get()?;
            Some(Rule {
                id: id.v.clone(),
                kind: *r.kind.value()?,
                doc: r.doc.string()?,
                source: r.source.string(),
                location: id.loc,
            })
        })
        .collect::<Vec<_>>();
    no_duplicates(cx, raw.rules.iter().map(|r| &r.id), "rule");
    let errors = raw
        .errors
        .iter()
        .map(|e| {
            let code = e.code.get()?;
            Some(ErrorCode {
                code: code.v.clone(),
                msg: e.msg.string()?,
                solution: e.solution.string()?,
                handling: *e.handling.value()?,
                note: e.note.string(),
                source: e.source.string(),
                location: code.loc,
            })
        })
        .collect::<Vec<_>>();
    no_duplicates(cx, raw.errors.iter().map(|e| &e.code), "error code");
    let notify = raw.notify.as_ref().map(|n| {
        no_duplicates(cx, n.types.iter().map(|t| &t.name), "notify type");
        let types = n
            .types
            .iter()
            .map(|t| {
                Some(NotifyType {
                    name: t.name.string()?,
                    doc: t.doc.string(),
                    default_on: *t.default_on.value()?,
                })
            })
            .collect::<Option<Vec<_>>>();
        let fields = check_fields(cx, &n.fields);
        Some(Notify {
            documented: *n.documented.value()?,
            note: n.note.string(),
            source: n.source.string(),
            types: types?,
            fields: fields?,
        })
    });

    if cx.has_errors() {
        return None;
    }
    Some(ApiSpec {
        method: raw.method.string()?,
        name_zh: raw.name_zh.string()?,
        summary: raw.summary.string()?,
        doc_url: raw.doc_url.string(),
        execution: *raw.execution.value()?,
        notify_url: *raw.notify_url.value()?,
        return_url: *raw.return_url.value()?,
        response_node: raw.response_node.string()?,
        completeness: raw.completeness.string()?,
        sources: raw.sources.strings()?,
        request: request?,
        request_sdk_only: request_sdk_only?,
        one_of: one_of?,
        rules: rules.into_iter().collect::<Option<_>>()?,
        response: response?,
        errors: errors.into_iter().collect::<Option<_>>()?,
        notify: match notify {
            Some(n) => Some(n?),
            None => None,
        },
        file: file.to_owned(),
    })
}

/// Checks `_common.toml`; returns the model when the file has no error at all.
pub(crate) fn check_common(cx: &mut Ctxt, raw: &RawCommon, file: &str) -> Option<CommonSpec> {
    check_schema(cx, &raw.schema);
    let public_request = check_fields(cx, &raw.public_request);
    let public_response = check_fields(cx, &raw.public_response);
    no_duplicates(cx, raw.result_codes.iter().map(|r| &r.code), "result code");
    let result_codes = raw
        .result_codes
        .iter()
        .map(|r| {
            let code = r.code.get()?;
            Some(ResultCode {
                code: code.v.clone(),
                meaning: r.meaning.string()?,
                handling: *r.handling.value()?,
                source: r.source.string(),
                location: code.loc,
            })
        })
        .collect::<Option<Vec<_>>>();
    if cx.has_errors() {
        return None;
    }
    Some(CommonSpec {
        public_request: public_request?,
        public_response: public_response?,
        result_codes: result_codes?,
        file: file.to_owned(),
    })
}

fn check_schema(cx: &mut Ctxt, schema: &Slot<String>) {
    if let Some(s) = schema.get()
        && s.v != SCHEMA
    {
        cx.error(
            s.loc,
            format!("unknown schema \"{}\" (expected \"{SCHEMA}\")", s.v),
        );
    }
}

/// Reports every repeated value after its first occurrence.
fn no_duplicates<'r>(cx: &mut Ctxt, items: impl Iterator<Item = &'r Slot<String>>, what: &str) {
    let mut first: HashMap<&str, Location> = HashMap::new();
    for item in items {
        if let Some(sp) = item.get() {
            if let Some(at) = first.get(sp.v.as_str()) {
                cx.error(
                    sp.loc,
                    format!("duplicate {what} \"{}\" (first at line {})", sp.v, at.line),
                );
            } else {
                first.insert(&sp.v, sp.loc);
            }
        }
    }
}

/// Checks one section's fields (each field, then duplicate names).
fn check_fields(cx: &mut Ctxt, fields: &[RawField]) -> Option<Vec<Field>> {
    let checked: Vec<Option<Field>> = fields.iter().map(|f| check_field(cx, f)).collect();
    no_duplicates(cx, fields.iter().map(|f| &f.name), "field");
    checked.into_iter().collect()
}

/// The checks local to one field; the lowered field when they all pass.
fn check_field(cx: &mut Ctxt, f: &RawField) -> Option<Field> {
    let errors_before = cx.error_count();
    let ty = f.ty.value().copied();

    // max_len + len_unit
    if let Some(m) = f.max_len.get() {
        if m.v <= 0 {
            cx.error(
                m.loc,
                format!("max_len must be a positive integer, found {}", m.v),
            );
        } else if u32::try_from(m.v).is_err() {
            cx.error(
                m.loc,
                format!("max_len {} is too large (at most {})", m.v, u32::MAX),
            );
        }
        if !f.len_unit.is_present() {
            cx.error(
                m.loc,
                "max_len needs len_unit (expected one of: char, gbk_byte)",
            );
        }
    }
    if let Some(u) = f.len_unit.get()
        && !f.max_len.is_present()
    {
        cx.error(u.loc, "len_unit is only allowed together with max_len");
    }

    // pattern
    if let Some(p) = f.pattern.get()
        && let Err(e) = regex_lite::Regex::new(&p.v)
    {
        cx.error(p.loc, format!("pattern \"{}\" does not compile: {e}", p.v));
    }

    // range
    let range = match (f.range.get(), ty) {
        (Some(r), Some(ty)) => check_range(cx, &r.v, r.loc, ty),
        _ => None,
    };

    // values
    match (ty, f.values.get()) {
        (Some(FieldType::Enum), Some(values)) => {
            if values.v.is_empty() {
                cx.error(
                    values.loc,
                    "values must not be empty (expected the closed set of an enum)",
                );
            }
            let mut seen: Vec<&str> = Vec::new();
            for v in &values.v {
                if seen.contains(&v.v.as_str()) {
                    cx.error(v.loc, format!("duplicate value \"{}\" in values", v.v));
                } else {
                    seen.push(&v.v);
                }
            }
        }
        (Some(FieldType::Enum), None) => {
            if !f.values.is_present()
                && let Some(t) = f.ty.get()
            {
                cx.error(
                    t.loc,
                    "type \"enum\" needs values (expected values = [...], the closed set of allowed values)",
                );
            }
        }
        (Some(other), Some(values)) => {
            cx.error(
                values.loc,
                format!(
                    "values is only allowed on enum fields (this field is type \"{}\")",
                    other.as_str()
                ),
            );
        }
        _ => {}
    }

    // required + one_of
    if let Some(req) = f.required.get() {
        match req.v {
            RawRequired::OneOf => {
                if f.section != Section::Request {
                    cx.error(
                        req.loc,
                        format!(
                            "required = \"one_of\" is only allowed in [[request]], not in {} (one_of groups are made of request fields)",
                            f.section.header()
                        ),
                    );
                } else if !f.one_of.is_present() {
                    cx.error(
                        req.loc,
                        "required = \"one_of\" needs a one_of key naming the group",
                    );
                }
            }
            other => {
                if let Some(g) = f.one_of.get() {
                    cx.error(
                        g.loc,
                        format!(
                            "one_of is only allowed with required = \"one_of\" (found required = \"{}\")",
                            other.as_str()
                        ),
                    );
                }
            }
        }
    }

    if cx.error_count() != errors_before {
        return None;
    }
    let name = f.name.get()?;
    let required = match f.required.value()? {
        RawRequired::Yes => Required::Yes,
        RawRequired::No => Required::No,
        RawRequired::OneOf => Required::OneOf(f.one_of.string()?),
        RawRequired::Conditional => Required::Conditional,
    };
    let max_len = match f.max_len.get() {
        Some(m) => Some(MaxLen {
            value: u32::try_from(m.v).ok()?,
            unit: *f.len_unit.value()?,
        }),
        None => None,
    };
    if f.range.is_present() && range.is_none() {
        return None;
    }
    Some(Field {
        name: name.v.clone(),
        ty: ty?,
        required,
        max_len,
        pattern: f.pattern.string(),
        range,
        default: f.default.string(),
        values: if f.values.is_present() {
            f.values.strings()?
        } else {
            Vec::new()
        },
        format: f.format.string(),
        doc: f.doc.string(),
        note: f.note.string(),
        example: f.example.string(),
        source: f.source.string(),
        inferred: if f.inferred.is_present() {
            f.inferred.strings()?
        } else {
            Vec::new()
        },
        location: name.loc,
    })
}

/// Checks a `range` against the field's type; the lowered range when it is valid.
fn check_range(cx: &mut Ctxt, r: &RawRange, loc: Location, ty: FieldType) -> Option<Range> {
    match ty {
        FieldType::Amount => {
            let scale = match r.scale.get() {
                Some(s) if (0..=2).contains(&s.v) => u8::try_from(s.v).ok(),
                Some(s) => {
                    cx.error(
                        s.loc,
                        format!("range scale {} is out of range (expected 0, 1 or 2)", s.v),
                    );
                    None
                }
                None => {
                    if !r.scale.is_present() {
                        cx.error(
                            loc,
                            "missing required key \"scale\" in range (an amount range needs scale, 0 to 2)",
                        );
                    }
                    None
                }
            };
            let min = amount_bound(cx, "min", &r.min, scale);
            let max = amount_bound(cx, "max", &r.max, scale);
            let (min, max, scale) = (min?, max?, scale?);
            if min.0 > max.0 {
                cx.error(
                    min.1.loc,
                    format!("range min {} is above max {}", min.1.v, max.1.v),
                );
                return None;
            }
            Some(Range::Amount {
                min_fen: min.0,
                max_fen: max.0,
                scale,
            })
        }
        FieldType::PayTimeout => {
            if let Some(s) = r.scale.get() {
                cx.error(
                    s.loc,
                    "range scale is only allowed on amount fields (a pay_timeout range has min and max)",
                );
            }
            let min = timeout_bound(cx, "min", &r.min);
            let max = timeout_bound(cx, "max", &r.max);
            let (min, max) = (min?, max?);
            if min.0 > max.0 {
                cx.error(
                    min.1.loc,
                    format!("range min {} is above max {}", min.1.v, max.1.v),
                );
                return None;
            }
            if r.scale.is_present() {
                return None;
            }
            Some(Range::PayTimeout {
                min_minutes: min.0,
                max_minutes: max.0,
                min: min.1.v.clone(),
                max: max.1.v.clone(),
            })
        }
        other => {
            cx.error(
                loc,
                format!(
                    "range is only allowed on amount and pay_timeout fields (this field is type \"{}\")",
                    other.as_str()
                ),
            );
            None
        }
    }
}

/// One end of an amount range, in fen.
fn amount_bound<'s>(
    cx: &mut Ctxt,
    which: &str,
    slot: &'s Slot<String>,
    scale: Option<u8>,
) -> Option<(u64, &'s Sp<String>)> {
    let s = slot.get()?;
    let Some((fen, decimals)) = parse_amount(&s.v) else {
        cx.error(
            s.loc,
            format!(
                "range {which} \"{}\" is not an amount (expected a decimal with at most 2 decimals, e.g. \"0.01\")",
                s.v
            ),
        );
        return None;
    };
    if let Some(scale) = scale
        && decimals > scale
    {
        cx.error(
            s.loc,
            format!(
                "range {which} \"{}\" has {decimals} decimals, more than scale {scale}",
                s.v
            ),
        );
        return None;
    }
    Some((fen, s))
}

/// One end of a pay_timeout range, in minutes.
fn timeout_bound<'s>(
    cx: &mut Ctxt,
    which: &str,
    slot: &'s Slot<String>,
) -> Option<(u32, &'s Sp<String>)> {
    let s = slot.get()?;
    match parse_timeout_minutes(&s.v) {
        Some(m) => Some((m, s)),
        None => {
            cx.error(
                s.loc,
                format!(
                    "range {which} \"{}\" is not a timeout (expected <integer><m|h|d>, e.g. \"90m\" or \"7d\")",
                    s.v
                ),
            );
            None
        }
    }
}

/// Parses a plain decimal `^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$` into fen and its number of
/// decimals; `None` when it is not one or does not fit in `u64` fen.
pub fn parse_amount(s: &str) -> Option<(u64, u8)> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    let yuan: u64 = int.parse().ok()?;
    let (cents, decimals) = match frac {
        None => (0, 0),
        Some(f) if digits(f) && f.len() <= 2 => {
            let n: u64 = f.parse().ok()?;
            if f.len() == 1 { (n * 10, 1) } else { (n, 2) }
        }
        Some(_) => return None,
    };
    Some((yuan.checked_mul(100)?.checked_add(cents)?, decimals))
}

/// Parses a timeout `^[1-9][0-9]*[mhd]$` into minutes; `None` when it is not one or does
/// not fit in `u32` minutes.
pub fn parse_timeout_minutes(s: &str) -> Option<u32> {
    let unit = s.chars().last()?;
    let per = match unit {
        'm' => 1u32,
        'h' => 60,
        'd' => 1440,
        _ => return None,
    };
    let num = s.strip_suffix(unit)?;
    if num.is_empty() || num.starts_with('0') || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    num.parse::<u32>().ok()?.checked_mul(per)
}

/// Checks the `[[one_of]]` groups against the request fields, both ways.
fn check_groups(
    cx: &mut Ctxt,
    groups: &[RawGroup],
    request: &[RawField],
) -> Option<Vec<OneOfGroup>> {
    let errors_before = cx.error_count();
    no_duplicates(cx, groups.iter().map(|g| &g.id), "one_of group");

    // request fields by name (first occurrence; duplicates are reported elsewhere)
    let mut fields: HashMap<&str, &RawField> = HashMap::new();
    for f in request {
        if let Some(n) = f.name.value() {
            fields.entry(n.as_str()).or_insert(f);
        }
    }

    for g in groups {
        let id = g.id.value().map_or("?", String::as_str);
        let enforce = g.enforce.value().copied().unwrap_or(true);
        let Some(members) = g.fields.get() else {
            continue;
        };
        if members.v.len() < 2 {
            cx.error(
                members.loc,
                format!(
                    "one_of group \"{id}\" has {} field{} (expected at least 2)",
                    members.v.len(),
                    if members.v.len() == 1 { "" } else { "s" }
                ),
            );
        }
        let mut seen: Vec<&str> = Vec::new();
        for m in &members.v {
            if seen.contains(&m.v.as_str()) {
                cx.error(
                    m.loc,
                    format!("one_of group \"{id}\" lists \"{}\" twice", m.v),
                );
                continue;
            }
            seen.push(&m.v);
            let Some(field) = fields.get(m.v.as_str()) else {
                cx.error(
                    m.loc,
                    format!(
                        "one_of group \"{id}\" names \"{}\", which is not a request field",
                        m.v
                    ),
                );
                continue;
            };
            let Some(req) = field.required.value() else {
                continue;
            };
            if *req == RawRequired::OneOf && field.one_of.get().is_none() {
                // a missing or unusable `one_of` key is reported on the field already
                continue;
            }
            let in_group =
                *req == RawRequired::OneOf && field.one_of.value().map(String::as_str) == Some(id);
            if enforce && !in_group {
                cx.error(
                    m.loc,
                    format!(
                        "one_of group \"{id}\" names \"{}\", which is not marked required = \"one_of\" with one_of = \"{id}\"",
                        m.v
                    ),
                );
            } else if !enforce && !in_group && *req != RawRequired::Conditional {
                cx.error(
                    m.loc,
                    format!(
                        "one_of group \"{id}\" (enforce = false) names \"{}\", which is neither required = \"conditional\" nor one_of = \"{id}\"",
                        m.v
                    ),
                );
            }
        }
        if let Some(min) = g.min.get()
            && members.v.len() >= 2
        {
            let len = i64::try_from(members.v.len()).unwrap_or(i64::MAX);
            if min.v < 1 || min.v > len {
                cx.error(
                    min.loc,
                    format!(
                        "min {} is out of range (expected 1 to {len}, the number of fields)",
                        min.v
                    ),
                );
            }
        }
        if let Some(prec) = g.precedence.get() {
            let mut seen: Vec<&str> = Vec::new();
            for p in &prec.v {
                if seen.contains(&p.v.as_str()) {
                    cx.error(p.loc, format!("precedence lists \"{}\" twice", p.v));
                } else if !members.v.iter().any(|m| m.v == p.v) {
                    cx.error(
                        p.loc,
                        format!(
                            "precedence names \"{}\", which is not in the fields of one_of group \"{id}\"",
                            p.v
                        ),
                    );
                }
                seen.push(&p.v);
            }
            let names: Vec<&str> = members.v.iter().map(|m| m.v.as_str()).collect();
            for m in &names {
                if !seen.contains(m) {
                    cx.error(
                        prec.loc,
                        format!(
                            "precedence is missing \"{m}\" (expected a permutation of fields: {})",
                            names.join(", ")
                        ),
                    );
                }
            }
        }
    }

    // the other way: every field with required = "one_of" names a group that lists it
    for f in request {
        let (Some(RawRequired::OneOf), Some(g)) = (f.required.value(), f.one_of.get()) else {
            continue;
        };
        let name = f.name.value().map_or("?", String::as_str);
        match groups.iter().find(|gr| gr.id.value() == Some(&g.v)) {
            None => {
                let ids: Vec<&str> = groups
                    .iter()
                    .filter_map(|gr| gr.id.value().map(String::as_str))
                    .collect();
                let expected = if ids.is_empty() {
                    "there is no [[one_of]] group".to_owned()
                } else {
                    format!("expected one of: {}", ids.join(", "))
                };
                cx.error(
                    g.loc,
                    format!(
                        "field \"{name}\" names one_of group \"{}\", which is not defined ({expected})",
                        g.v
                    ),
                );
            }
            Some(group) => {
                if let Some(members) = group.fields.value()
                    && !members.iter().any(|m| m.v == name)
                {
                    cx.error(
                        g.loc,
                        format!(
                            "field \"{name}\" names one_of group \"{}\", whose fields do not list it",
                            g.v
                        ),
                    );
                }
            }
        }
    }

    if cx.error_count() != errors_before {
        return None;
    }
    groups
        .iter()
        .map(|g| {
            let id = g.id.get()?;
            Some(OneOfGroup {
                id: id.v.clone(),
                fields: g.fields.strings()?,
                min: u32::try_from(*g.min.value()?).ok()?,
                precedence: g.precedence.strings()?,
                enforce: g.enforce.value().copied().unwrap_or(true),
                condition: g.condition.string(),
                doc: g.doc.string(),
                source: g.source.string(),
                inferred: if g.inferred.is_present() {
                    g.inferred.strings()?
                } else {
                    Vec::new()
                },
                location: id.loc,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("0.01"), Some((1, 2)));
        assert_eq!(parse_amount("100000000.00"), Some((10_000_000_000, 2)));
        assert_eq!(parse_amount("5"), Some((500, 0)));
        assert_eq!(parse_amount("0.1"), Some((10, 1)));
        for bad in [
            "", ".5", "5.", "01", "0.001", "-1", "1e3", "1.2.3", " 1", "１",
        ] {
            assert_eq!(parse_amount(bad), None, "{bad:?}");
        }
        assert_eq!(parse_amount("999999999999999999999"), None);
    }

    #[test]
    fn timeouts() {
        assert_eq!(parse_timeout_minutes("1m"), Some(1));
        assert_eq!(parse_timeout_minutes("7d"), Some(10080));
        assert_eq!(parse_timeout_minutes("15d"), Some(21600));
        assert_eq!(parse_timeout_minutes("168h"), Some(10080));
        for bad in ["", "m", "0m", "01h", "1.5h", "1c", "1M", "5", "９m", "红m"] {
            assert_eq!(parse_timeout_minutes(bad), None, "{bad:?}");
        }
        assert_eq!(parse_timeout_minutes("4294967295d"), None);
    }

    #[test]
    fn stems() {
        assert_eq!(file_stem("specs/a.b.toml"), "a.b");
        assert_eq!(file_stem("C:\\x\\a.b.toml"), "a.b");
        assert_eq!(file_stem("a.b"), "a.b");
        assert_eq!(expected_response_node("a.b.c"), "a_b_c_response");
    }
}
