//! Fitting a draft's shared types into a directory that already has some.
//!
//! A draft names each class after the SDK, per API: `GoodsDetail` is a response-side type in
//! `alipay.trade.query` and a request-side one in `alipay.trade.pay`. One `_types.toml` holds
//! one type per name: a type equal to one already there (same SDK class, side and fields) takes
//! that one's name; a type whose name is taken by a different type is renamed (`Out` for the
//! response side, `In` for the request side, then a number). The draft's fields follow.

use std::collections::{HashMap, HashSet};

use crate::model::{Draft, Field, SharedType, Ty};
use crate::write;

/// Renames the draft's types that clash with `existing` (same name, different type) and
/// returns the draft's types `existing` does not hold yet, in the draft's order (a type before
/// the types naming it), ready to append.
pub fn fit_types(draft: &mut Draft, existing: &[SharedType]) -> Vec<SharedType> {
    let taken = existing.iter().map(|t| t.name.clone()).collect();
    fit(draft, taken, |t| {
        existing
            .iter()
            .filter(|e| e.source == t.source && same_but_name(e, t))
            .min_by_key(|e| e.name != t.name)
            .map(|e| e.name.clone())
    })
}

/// [`fit_types`] against a `_types.toml` as text (what `alipay spec import --out` finds in the
/// directory): a type is equal to one there when the file holds its `[[type]]` table as the
/// writer prints it, but for the name. A table edited by hand (a rule added, say) is no longer
/// equal, so the draft's type gets a new name rather than silently taking the edited one.
pub fn fit_types_to_text(draft: &mut Draft, existing: &str) -> Vec<SharedType> {
    let tables = type_tables(existing);
    let taken = tables.iter().map(|(name, _)| name.clone()).collect();
    let all = draft.types.clone();
    fit(draft, taken, |t| {
        let mut alone = t.clone();
        alone.name.clear();
        let (_, body) = type_tables(&write::types_blocks(&[alone], &all)).pop()?;
        tables
            .iter()
            .filter(|(_, b)| *b == body)
            .min_by_key(|(name, _)| *name != t.name)
            .map(|(name, _)| name.clone())
    })
}

/// The `[[type]]` tables of a `_types.toml`: each one's name and its other lines, trimmed.
fn type_tables(text: &str) -> Vec<(String, String)> {
    let mut tables: Vec<(String, Vec<&str>)> = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed == "[[type]]" {
            tables.push((String::new(), Vec::new()));
            inside = true;
            continue;
        }
        // a table header other than a type's own fields ends the type
        if trimmed.starts_with('[') && !trimmed.starts_with("[[type.") {
            inside = false;
        }
        let Some((name, lines)) = tables.last_mut().filter(|_| inside) else {
            continue;
        };
        match trimmed
            .strip_prefix("name = \"")
            .and_then(|r| r.strip_suffix('"'))
        {
            Some(n) if name.is_empty() && lines.iter().all(|l| l.starts_with('#')) => {
                *name = n.to_owned();
            }
            _ if trimmed.is_empty() => {}
            _ => lines.push(trimmed),
        }
    }
    tables
        .into_iter()
        .map(|(name, lines)| (name, lines.join("\n")))
        .collect()
}

/// The fitting itself: `taken` are the names already in use, `equal` finds the name of a type
/// already there that is equal to the given one (its fields already renamed).
fn fit(
    draft: &mut Draft,
    mut taken: HashSet<String>,
    equal: impl Fn(&SharedType) -> Option<String>,
) -> Vec<SharedType> {
    let existing = taken.clone();
    taken.extend(draft.types.iter().map(|t| t.name.clone()));
    let mut renames: HashMap<String, String> = HashMap::new();
    let mut new = Vec::new();
    for t in &mut draft.types {
        // the types it names come earlier and are already renamed
        rename_fields(&mut t.fields, &renames);
        if let Some(name) = equal(t) {
            if name != t.name {
                renames.insert(t.name.clone(), name.clone());
                t.name = name;
            }
            continue;
        }
        if existing.contains(&t.name) {
            let suffix = if t.response_side { "Out" } else { "In" };
            let mut n = 1;
            let name = loop {
                let candidate = match n {
                    1 => format!("{}{suffix}", t.name),
                    n => format!("{}{suffix}{n}", t.name),
                };
                if !taken.contains(&candidate) {
                    break candidate;
                }
                n += 1;
            };
            taken.insert(name.clone());
            renames.insert(t.name.clone(), name.clone());
            t.name = name;
        }
        new.push(t.clone());
    }
    rename_fields(&mut draft.request, &renames);
    rename_fields(&mut draft.response, &renames);
    new
}

fn same_but_name(a: &SharedType, b: &SharedType) -> bool {
    a.response_side == b.response_side && a.fields == b.fields
}

fn rename_fields(fields: &mut [Field], renames: &HashMap<String, String>) {
    if renames.is_empty() {
        return;
    }
    for f in fields {
        rename_ty(&mut f.ty, renames);
        rename_fields(&mut f.fields, renames);
    }
}

fn rename_ty(ty: &mut Ty, renames: &HashMap<String, String>) {
    match ty {
        Ty::Shared(name) => {
            if let Some(new) = renames.get(name) {
                *name = new.clone();
            }
        }
        Ty::Array(item) => rename_ty(item, renames),
        _ => {}
    }
}
