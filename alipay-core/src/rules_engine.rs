//! The one interpreter of [`rules`](crate::rules) tables over [`Wire`] values. Its messages
//! are the product's validation messages (`<path>: <rule> (<detail>)`); the module
//! documentation of [`rules`](crate::rules) lists them.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use regex_lite::Regex;

use crate::api::Violations;
use crate::rules::{FieldRule, ObjectRules, Presence, Range, Then, Ty, When};
use crate::value::{Amount, JsonObjectText, PayTimeout, UserId};
use crate::wire::{Scaled, Wire, WireObject, shorten};

/// Objects and arrays nested deeper than this (through recursive tables) are not followed.
const MAX_DEPTH: usize = 128;

/// Checks `value` against `rules`; member paths start with `prefix` (`""` at the top level,
/// `payee_info.` or `goods_detail[1].` when nested).
pub(crate) fn check_object(rules: &ObjectRules, value: &Wire, prefix: &str, v: &mut Violations) {
    let path = prefix.strip_suffix('.').unwrap_or(prefix);
    object(rules, value, path, 0, v);
}

/// Checks one member's value (`Wire::Null` when missing) against its rule: presence, type,
/// and the value's rules. Conditional rules never hold here (there are no siblings).
pub(crate) fn check_value(field: &FieldRule, value: &Wire, path: &str, v: &mut Violations) {
    member(field, Some(value), &WireObject::default(), path, 0, v);
}

/// `a` + `b` = `a.b`; the top level has an empty path.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn object(rules: &ObjectRules, value: &Wire, path: &str, depth: usize, v: &mut Violations) {
    let Wire::Object(members) = value else {
        v.push(
            path,
            "type",
            format!("must be a JSON object, got {}", value.quoted()),
        );
        return;
    };
    if depth > MAX_DEPTH {
        v.push(
            path,
            "depth",
            format!("nested more than {MAX_DEPTH} levels deep"),
        );
        return;
    }

    for field in rules.fields {
        let field_path = join(path, field.name);
        let mut count = 0usize;
        let mut last = None;
        for (name, w) in &members.0 {
            if name == field.name {
                count += 1;
                last = Some(w);
            }
        }
        if count > 1 {
            v.push(
                field_path.as_str(),
                "duplicate",
                format!("given {count} times"),
            );
        }
        member(field, last, members, &field_path, depth, v);
    }

    for group in rules.groups {
        let present = group
            .fields
            .iter()
            .filter(|name| {
                let rule = rules.fields.iter().find(|f| f.name == **name);
                members
                    .get(name)
                    .is_some_and(|w| !is_absent(rule.map(|f| &f.ty), w))
            })
            .count();
        if present < usize::from(group.min) {
            let prefix = if path.is_empty() {
                String::new()
            } else {
                format!("{path}.")
            };
            v.push(
                format!("{prefix}{}", group.fields.join("|")),
                "one_of",
                format!(
                    "at least {} of {} must be non-empty, got {present}",
                    group.min,
                    group.fields.join(", ")
                ),
            );
        }
    }

    let mut reported = HashSet::new();
    for (name, _) in &members.0 {
        if rules.fields.iter().any(|f| f.name == name) || !reported.insert(name.as_str()) {
            continue;
        }
        let detail = if path.is_empty() {
            "not a field of this API".to_string()
        } else {
            format!("not a field of {}", rules.name)
        };
        v.push(join(path, name), "unknown_field", detail);
    }
}

/// Absent: missing, `null`, `""`, or an empty array for an array field.
fn is_absent(ty: Option<&Ty>, w: &Wire) -> bool {
    w.is_absent() || matches!((ty, w), (Some(Ty::Array(_)), Wire::Array(items)) if items.is_empty())
}

/// Empty or only whitespace: a string that does not count for a required field.
fn is_blank(w: &Wire) -> bool {
    matches!(w, Wire::Str(s) if s.trim().is_empty())
}

/// The sibling's text when `when` holds (`Some("PRE_AUTH")`).
fn holds<'a>(when: &When, siblings: &'a WireObject) -> Option<&'a str> {
    let text = match siblings.get(when.field)? {
        Wire::Str(s) if !s.is_empty() => s.as_str(),
        Wire::Number(t) => t.as_str(),
        _ => return None,
    };
    when.equals.contains(&text).then_some(text)
}

/// ` (when <field> is <value>)`.
fn when_suffix(when: &When, value: &str) -> String {
    format!(" (when {} is {})", when.field, shorten(value))
}

/// The range in force and, for a conditional one, the suffix naming its condition.
fn effective_range(field: &FieldRule, siblings: &WireObject) -> (Option<Range>, String) {
    for c in field.conditionals {
        if let Then::Range(r) = c.then
            && let Some(value) = holds(&c.when, siblings)
        {
            return (Some(r), when_suffix(&c.when, value));
        }
    }
    (field.range, String::new())
}

/// The values in force and, for a conditional set, the suffix naming its condition.
fn effective_values(field: &FieldRule, siblings: &WireObject) -> (&'static [&'static str], String) {
    for c in field.conditionals {
        if let Then::Values(values) = c.then
            && let Some(value) = holds(&c.when, siblings)
        {
            return (values, when_suffix(&c.when, value));
        }
    }
    (field.values, String::new())
}

/// Presence, then the value.
fn member(
    field: &FieldRule,
    value: Option<&Wire>,
    siblings: &WireObject,
    path: &str,
    depth: usize,
    v: &mut Violations,
) {
    let value = value.unwrap_or(&Wire::Null);
    let absent = is_absent(Some(&field.ty), value);
    let missing = absent || is_blank(value);
    if field.presence == Presence::Required {
        if missing {
            let detail = match value {
                Wire::Array(_) => "must have at least one item",
                _ => "must be set and not blank",
            };
            v.push(path, "required", detail);
            return;
        }
    } else if missing {
        let condition = field.conditionals.iter().find_map(|c| match c.then {
            Then::Required => holds(&c.when, siblings).map(|value| (c.when.field, value)),
            _ => None,
        });
        if let Some((sibling, value)) = condition {
            v.push(
                path,
                "required",
                format!("must be set when {sibling} is {}", shorten(value)),
            );
            return;
        }
        if absent {
            return;
        }
    }
    present(field, &field.ty, value, siblings, path, depth, true, v);
}

/// A present value of type `ty` (the field's type, or an array's item type).
#[allow(clippy::too_many_arguments)]
fn present(
    field: &FieldRule,
    ty: &Ty,
    value: &Wire,
    siblings: &WireObject,
    path: &str,
    depth: usize,
    outermost: bool,
    v: &mut Violations,
) {
    match ty {
        Ty::Object(rules) => object(rules, value, path, depth + 1, v),
        Ty::Array(item) => {
            let Wire::Array(items) = value else {
                v.push(
                    path,
                    "type",
                    format!("must be a JSON array, got {}", value.quoted()),
                );
                return;
            };
            if depth > MAX_DEPTH {
                v.push(
                    path,
                    "depth",
                    format!("nested more than {MAX_DEPTH} levels deep"),
                );
                return;
            }
            if outermost
                && let Some(max) = field.max_items
                && items.len() > max as usize
            {
                v.push(
                    path,
                    "max_items",
                    format!("at most {max} items, got {}", items.len()),
                );
            }
            for (i, w) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                if w.is_absent() {
                    v.push(item_path, "required", "must be set and not blank");
                } else {
                    present(field, item, w, siblings, &item_path, depth + 1, false, v);
                }
            }
        }
        scalar => {
            if let Some(text) = scalar_value(field, scalar, value, siblings, path, v) {
                text_rules(field, scalar, &text, path, v);
            }
        }
    }
}

/// The text of a value that is neither an object nor an array, checked against its type,
/// grammar, range and values; `None` when its type or grammar is wrong (nothing more to
/// check) or it has no text (booleans).
fn scalar_value(
    field: &FieldRule,
    ty: &Ty,
    value: &Wire,
    siblings: &WireObject,
    path: &str,
    v: &mut Violations,
) -> Option<String> {
    let not_string = |rule: &'static str, v: &mut Violations| {
        v.push(
            path,
            rule,
            format!("must be a JSON string, got {}", value.quoted()),
        );
        None
    };
    match ty {
        Ty::Text => match value {
            Wire::Str(s) => Some(s.clone()),
            _ => not_string("type", v),
        },
        Ty::Amount => amount(field, value, siblings, path, v),
        Ty::PayTimeout => {
            let Wire::Str(s) = value else {
                return not_string("grammar", v);
            };
            let parsed = if field.allow_1c {
                PayTimeout::parse_allowing_1c(s)
            } else {
                PayTimeout::parse(s)
            };
            let t = match parsed {
                Ok(t) => t,
                Err(e) => {
                    v.push(
                        path,
                        "grammar",
                        format!("pay_timeout {:?}: {e}", shorten(s)),
                    );
                    return None;
                }
            };
            let (range, suffix) = effective_range(field, siblings);
            if let Some(Range::Minutes {
                min,
                max,
                min_text,
                max_text,
            }) = range
            {
                let m = t.minutes();
                if !t.is_today() && (m < min || m > max) {
                    v.push(
                        path,
                        "range",
                        format!(
                            "must be within {min_text}~{max_text}, got {t} ({m} minutes){suffix}"
                        ),
                    );
                }
            }
            Some(s.clone())
        }
        Ty::UserId => {
            let Wire::Str(s) = value else {
                return not_string("grammar", v);
            };
            match UserId::parse(s) {
                Ok(_) => Some(s.clone()),
                Err(e) => {
                    v.push(path, "grammar", format!("user id {:?}: {e}", shorten(s)));
                    None
                }
            }
        }
        Ty::Json => {
            let text = match value {
                Wire::Str(s) => s.clone(),
                other => other.to_json(),
            };
            match JsonObjectText::parse(text) {
                Ok(j) => Some(j.into_string()),
                Err(e) => {
                    v.push(path, "json_object", e.to_string());
                    None
                }
            }
        }
        Ty::Enum => {
            let Wire::Str(s) = value else {
                return not_string("enum", v);
            };
            let (values, suffix) = effective_values(field, siblings);
            if !values.is_empty() && !values.contains(&s.as_str()) {
                v.push(
                    path,
                    "enum",
                    format!(
                        "{:?} is not one of {}{suffix}",
                        shorten(s),
                        values.join(", ")
                    ),
                );
                return None;
            }
            Some(s.clone())
        }
        Ty::Integer => {
            let n = match value {
                Wire::Number(t) if is_integer(t) => t.parse::<i64>().ok(),
                _ => None,
            };
            let Some(n) = n else {
                v.push(
                    path,
                    "type",
                    format!("must be a JSON integer, got {}", value.quoted()),
                );
                return None;
            };
            let (range, suffix) = effective_range(field, siblings);
            if let Some(Range::Integer { min, max }) = range
                && (n < min || n > max)
            {
                v.push(
                    path,
                    "range",
                    format!("must be within [{min}, {max}], got {n}{suffix}"),
                );
            }
            Some(n.to_string())
        }
        Ty::Number => match value {
            Wire::Number(t) if crate::number::is_decimal(t) => Some(t.clone()),
            _ => {
                v.push(
                    path,
                    "type",
                    format!(
                        "must be a JSON number in decimal notation, got {}",
                        value.quoted()
                    ),
                );
                None
            }
        },
        Ty::Boolean => {
            if !matches!(value, Wire::Bool(_)) {
                v.push(
                    path,
                    "type",
                    format!("must be true or false, got {}", value.quoted()),
                );
            }
            None
        }
        Ty::Date | Ty::Month | Ty::Datetime => {
            let Wire::Str(s) = value else {
                return not_string("format", v);
            };
            let checked = match ty {
                Ty::Date => crate::dates::Date::parse(s).map(|_| ()),
                Ty::Month => crate::dates::Month::parse(s).map(|_| ()),
                _ => crate::dates::DateTime::parse(s).map(|_| ()),
            };
            match checked {
                Ok(()) => Some(s.clone()),
                Err(e) => {
                    v.push(path, "format", e.to_string());
                    None
                }
            }
        }
        // Objects and arrays are handled by `present`.
        Ty::Object(_) | Ty::Array(_) => None,
    }
}

/// `-?(0|[1-9][0-9]*)`.
fn is_integer(t: &str) -> bool {
    let digits = t.strip_prefix('-').unwrap_or(t);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !(digits.len() > 1 && digits.starts_with('0'))
}

/// An amount: grammar, scale, range; its text as sent (with the range's scale).
fn amount(
    field: &FieldRule,
    value: &Wire,
    siblings: &WireObject,
    path: &str,
    v: &mut Violations,
) -> Option<String> {
    let raw = match value {
        Wire::Str(s) => s,
        Wire::Number(t) => t,
        other => {
            v.push(
                path,
                "grammar",
                format!(
                    "expected an amount (a JSON string or number), found {}",
                    other.quoted()
                ),
            );
            return None;
        }
    };
    let a = match Amount::parse_unbounded(raw) {
        Ok(a) => a,
        Err(e) => {
            v.push(
                path,
                "grammar",
                format!("invalid amount {}: {e}", value.quoted()),
            );
            return None;
        }
    };
    let (range, suffix) = effective_range(field, siblings);
    let scale = match range {
        Some(Range::Fen { scale, .. }) => scale.min(2),
        _ => 2,
    };
    let decimals = raw.split_once('.').map_or(0, |(_, f)| f.len());
    if decimals > usize::from(scale) {
        v.push(
            path,
            "scale",
            format!("at most {scale} decimals, got {raw}"),
        );
    }
    if let Some(Range::Fen { min, max, .. }) = range
        && (a.fen() < min || a.fen() > max)
    {
        v.push(
            path,
            "range",
            format!(
                "must be within [{}, {}], got {a}{suffix}",
                Amount::from_fen(min),
                Amount::from_fen(max)
            ),
        );
    }
    Some(Scaled(a, scale).text())
}

/// `max_len` on the text as sent, then `pattern` (strings).
fn text_rules(field: &FieldRule, ty: &Ty, text: &str, path: &str, v: &mut Violations) {
    if let Some((max, unit)) = field.max_len {
        let (len, unit) = (unit.measure(text), unit.name());
        if len > max as usize {
            v.push(path, "max_len", format!("at most {max} {unit}, got {len}"));
        }
    }
    if let (Some(source), Ty::Text) = (field.pattern, ty)
        && !pattern_matches(source, text)
    {
        v.push(path, "pattern", format!("must match {source}"));
    }
}

/// Whether `text` matches `source`, compiled once per process (a pattern that does not
/// compile matches nothing).
fn pattern_matches(source: &'static str, text: &str) -> bool {
    type Cache = Mutex<HashMap<&'static str, Option<Arc<Regex>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let re = {
        let mut cache = CACHE
            .get_or_init(Cache::default)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        cache
            .entry(source)
            .or_insert_with(|| Regex::new(source).ok().map(Arc::new))
            .clone()
    };
    re.is_some_and(|re| re.is_match(text))
}
