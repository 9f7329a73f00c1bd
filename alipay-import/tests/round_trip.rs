//! Round trip: each doc page of `tests/pages/`, imported, against the hand-written spec of the
//! same API in the repository's `specs/`.
//!
//! Compared: the request, response and notification fields (names and order, at every level),
//! their types, required flags, max lengths with their unit, ranges and enum values; the one-of
//! groups (members, minimum, precedence, enforcement); the error codes. Every difference must be
//! justified in the hand-written spec by a comment line
//!
//! ```toml
//! # import-diff: request.amount required: the page says 可选; "红包发放时填写,其它情形不能填" makes it conditional
//! ```
//!
//! and every such comment must name a difference that still exists. The test prints the
//! figures (fields and rules imported vs. hand-written) with `--nocapture`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use alipay_import::write::{self, SharedTypes};
use alipay_spec::{ApiSpec, Field, FieldType};

const PAGES: &[&str] = &[
    "alipay.fund.coupon.order.disburse",
    "alipay.fund.auth.order.voucher.create",
    "alipay.marketing.voucher.send",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn draft_of(method: &str) -> (String, ApiSpec) {
    let page = root().join(format!("alipay-import/tests/pages/{method}.txt"));
    let text = std::fs::read_to_string(&page).unwrap();
    let draft = alipay_import::page::import(&text, &format!("{method}.txt"))
        .unwrap_or_else(|e| panic!("{}:{e}", page.display()));
    let toml = write::spec_text(&draft, SharedTypes::Inline);
    let spec = alipay_spec::parse_spec(&format!("{method}.toml"), &toml).unwrap_or_else(|errs| {
        panic!(
            "the draft of {method} does not pass the checker:\n{}\n{toml}",
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    (toml, spec)
}

fn hand_written(method: &str) -> (String, ApiSpec) {
    let dir = root().join("specs");
    let types = alipay_spec::load_types(&dir).unwrap();
    let path = dir.join(format!("{method}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let spec = alipay_spec::parse_spec_with(&path.display().to_string(), &text, &types).unwrap();
    (text, spec)
}

fn ty(f: &Field) -> String {
    match &f.ty {
        FieldType::Array(item) => format!("array of {}", item.as_str()),
        other => other.as_str().to_owned(),
    }
}

fn members(f: &Field) -> &[Field] {
    match f.ty.item() {
        FieldType::Object(def) => &def.fields,
        _ => &[],
    }
}

/// Differences between two field lists, as `section.path attribute: draft X, spec Y`.
fn compare_fields(at: &str, draft: &[Field], spec: &[Field], out: &mut Vec<(String, String)>) {
    let dn: Vec<&str> = draft.iter().map(|f| f.name.as_str()).collect();
    let sn: Vec<&str> = spec.iter().map(|f| f.name.as_str()).collect();
    for s in spec {
        if !dn.contains(&s.name.as_str()) {
            out.push((format!("{at}{} missing", s.name), "not in the draft".into()));
        }
    }
    for d in draft {
        let key = format!("{at}{}", d.name);
        let Some(s) = spec.iter().find(|s| s.name == d.name) else {
            out.push((format!("{key} extra"), "not in the spec".into()));
            continue;
        };
        let mut diff = |attr: &str, a: String, b: String| {
            if a != b {
                out.push((format!("{key} {attr}"), format!("draft {a}, spec {b}")));
            }
        };
        diff("type", ty(d), ty(s));
        diff(
            "required",
            d.required.as_str().into(),
            s.required.as_str().into(),
        );
        let len = |f: &Field| {
            f.max_len.map_or("none".into(), |m| {
                format!("{} {}", m.value, m.unit.as_str())
            })
        };
        diff("max_len", len(d), len(s));
        let range = |f: &Field| f.range.as_ref().map_or("none".into(), ToString::to_string);
        diff("range", range(d), range(s));
        diff("values", d.values.join("|"), s.values.join("|"));
        compare_fields(&format!("{key}."), members(d), members(s), out);
    }
    let common_d: Vec<&&str> = dn.iter().filter(|n| sn.contains(n)).collect();
    let common_s: Vec<&&str> = sn.iter().filter(|n| dn.contains(n)).collect();
    if common_d != common_s {
        out.push((format!("{at}* order"), format!("draft {dn:?}, spec {sn:?}")));
    }
}

fn differences(draft: &ApiSpec, spec: &ApiSpec) -> Vec<(String, String)> {
    let mut out = Vec::new();
    compare_fields("request.", &draft.request, &spec.request, &mut out);
    compare_fields("response.", &draft.response, &spec.response, &mut out);
    let notify = |s: &ApiSpec| {
        s.notify
            .as_ref()
            .map(|n| n.fields.clone())
            .unwrap_or_default()
    };
    compare_fields("notify.", &notify(draft), &notify(spec), &mut out);
    for (what, a, b) in [
        (
            "execution",
            draft.execution.as_str(),
            spec.execution.as_str(),
        ),
        ("params", draft.params.as_str(), spec.params.as_str()),
    ] {
        if a != b {
            out.push((what.into(), format!("draft {a}, spec {b}")));
        }
    }
    for (what, a, b) in [
        ("notify_url", draft.notify_url, spec.notify_url),
        ("return_url", draft.return_url, spec.return_url),
    ] {
        if a != b {
            out.push((what.into(), format!("draft {a}, spec {b}")));
        }
    }
    let set = |g: &alipay_spec::OneOfGroup| g.fields.iter().cloned().collect::<BTreeSet<_>>();
    for s in &spec.one_of {
        let key = format!("one_of {}", s.fields.join("+"));
        match draft.one_of.iter().find(|d| set(d) == set(s)) {
            None => out.push((
                format!("{key} missing"),
                "no such group in the draft".into(),
            )),
            Some(d) => {
                if d.min != s.min {
                    out.push((
                        format!("{key} min"),
                        format!("draft {}, spec {}", d.min, s.min),
                    ));
                }
                if d.precedence != s.precedence {
                    out.push((
                        format!("{key} precedence"),
                        format!("draft {:?}, spec {:?}", d.precedence, s.precedence),
                    ));
                }
                if d.enforce != s.enforce {
                    out.push((
                        format!("{key} enforce"),
                        format!("draft {}, spec {}", d.enforce, s.enforce),
                    ));
                }
            }
        }
    }
    for d in &draft.one_of {
        if !spec.one_of.iter().any(|s| set(s) == set(d)) {
            out.push((
                format!("one_of {} extra", d.fields.join("+")),
                "not in the spec".into(),
            ));
        }
    }
    let codes = |s: &ApiSpec| s.errors.iter().map(|e| e.code.clone()).collect::<Vec<_>>();
    let (dc, sc) = (codes(draft), codes(spec));
    for c in &sc {
        if !dc.contains(c) {
            out.push((format!("error {c} missing"), "not in the draft".into()));
        }
    }
    for c in &dc {
        if !sc.contains(c) {
            out.push((format!("error {c} extra"), "not in the spec".into()));
        }
    }
    out
}

/// `# import-diff: KEY: why` lines of a hand-written spec.
fn justified(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("# import-diff: "))
        .filter_map(|l| l.split_once(": "))
        .map(|(k, why)| (k.trim().to_owned(), why.trim().to_owned()))
        .collect()
}

/// Fields at every level, and the rules they carry.
#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    fields: usize,
    required: usize,
    max_len: usize,
    ranges: usize,
    enums: usize,
    groups: usize,
    errors: usize,
}

fn count(spec: &ApiSpec) -> Counts {
    fn walk(fields: &[Field], c: &mut Counts) {
        for f in fields {
            c.fields += 1;
            c.required += usize::from(f.is_required());
            c.max_len += usize::from(f.max_len.is_some());
            c.ranges += usize::from(f.range.is_some());
            c.enums += usize::from(!f.values.is_empty());
            walk(members(f), c);
        }
    }
    let mut c = Counts::default();
    walk(&spec.request, &mut c);
    walk(&spec.response, &mut c);
    if let Some(n) = &spec.notify {
        walk(&n.fields, &mut c);
    }
    c.groups = spec.one_of.len();
    c.errors = spec.errors.len();
    c
}

#[test]
fn every_difference_from_the_hand_written_specs_is_justified() {
    let mut failures = Vec::new();
    let mut total = (0usize, 0usize);
    for method in PAGES {
        let (_, draft) = draft_of(method);
        let (text, spec) = hand_written(method);
        let found = differences(&draft, &spec);
        let said = justified(&text);
        total.0 += found.len();
        let (d, s) = (count(&draft), count(&spec));
        println!("{method}: {} differences", found.len());
        println!("  imported     {d:?}");
        println!("  hand-written {s:?}");
        let agree = draft
            .errors
            .iter()
            .filter(|e| {
                spec.error(&e.code)
                    .is_some_and(|h| h.handling == e.handling)
            })
            .count();
        println!(
            "  error handling guessed as in the spec: {agree} of {}",
            draft.errors.len()
        );
        for (key, what) in &found {
            match said.iter().find(|(k, _)| k == key) {
                Some((_, why)) => println!("  {key}: {what} -- {why}"),
                None => failures.push(format!(
                    "{method}: {key}: {what} (justify it in specs/{method}.toml with `# import-diff: {key}: why`)"
                )),
            }
        }
        for (key, _) in &said {
            if !found.iter().any(|(k, _)| k == key) {
                failures.push(format!(
                    "{method}: `# import-diff: {key}` names no difference any more: remove it"
                ));
            } else {
                total.1 += 1;
            }
        }
    }
    println!("{} differences, {} justified", total.0, total.1);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_guide_page_is_refused_with_its_line_and_the_apis_it_names() {
    let text = std::fs::read_to_string(
        root().join("alipay-import/tests/pages/red-packet-quick-start.txt"),
    )
    .unwrap();
    let e = alipay_import::page::import(&text, "red-packet-quick-start.txt").unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.message.starts_with("not an API reference page"), "{e}");
    for m in [
        "alipay.fund.coupon.order.app.pay",
        "alipay.fund.coupon.order.page.pay",
        "alipay.fund.coupon.order.agreement.pay",
        "alipay.fund.coupon.order.disburse",
        "alipay.fund.coupon.order.refund",
        "alipay.fund.coupon.operation.query",
    ] {
        assert!(e.message.contains(m), "{e}");
    }
    assert!(!e.message.contains("alipay.com,"), "{e}");
}

/// The drafts checked in under `tests/drafts/` (compiled by the derive in the workspace's
/// interop crate) are exactly what the importer prints today. `UPDATE_DRAFTS=1` rewrites them.
#[test]
fn checked_in_drafts_are_what_the_importer_prints() {
    for method in PAGES {
        let (toml, _) = draft_of(method);
        let path = root().join(format!("alipay-import/tests/drafts/{method}.toml"));
        if std::env::var_os("UPDATE_DRAFTS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &toml).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == toml,
            "{} is stale: run `UPDATE_DRAFTS=1 cargo test -p alipay-import --test round_trip`",
            path.display()
        );
    }
}
