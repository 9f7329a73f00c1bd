//! Fitting a draft's shared types into a directory that already has some.
//!
//! A draft names each class after the SDK, per API: `GoodsDetail` is a response-side type in
//! `alipay.trade.query` and a request-side one in `alipay.trade.pay`. One `_types.toml` holds
//! one type per name: a type equal to one already there (same SDK class, side and fields) takes
//! that one's name; a type whose name is taken by a different type is renamed (`Out` for the
//! response side, `In` for the request side, then a number). The draft's fields follow.

use std::collections::{HashMap, HashSet};

use crate::model::{Draft, Field, SharedType, Ty};

/// Renames the draft's types that clash with `existing` (same name, different type) and
/// returns the draft's types `existing` does not hold yet, in the draft's order (a type before
/// the types naming it), ready to append.
pub fn fit_types(draft: &mut Draft, existing: &[SharedType]) -> Vec<SharedType> {
    let mut taken: HashSet<String> = existing.iter().map(|t| t.name.clone()).collect();
    taken.extend(draft.types.iter().map(|t| t.name.clone()));
    let mut renames: HashMap<String, String> = HashMap::new();
    let mut new = Vec::new();
    for t in &mut draft.types {
        // the types it names come earlier and are already renamed
        rename_fields(&mut t.fields, &renames);
        // the same class on the same side, already there (under its own name, else another)
        let equal = existing
            .iter()
            .filter(|e| e.source == t.source && same_but_name(e, t))
            .min_by_key(|e| e.name != t.name);
        if let Some(e) = equal {
            if e.name != t.name {
                renames.insert(t.name.clone(), e.name.clone());
                t.name = e.name.clone();
            }
            continue;
        }
        if existing.iter().any(|e| e.name == t.name) {
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
