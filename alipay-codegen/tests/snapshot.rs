//! The generated code of every shipped spec (and of the nested test specs of `alipay-apis`),
//! checked in so reviewers can read what the macro emits and see it stay small.
//! Regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p alipay-codegen --test snapshot`.
//!
//! The shipped specs' snapshots are `tests/snapshots/<method>.rs`, the nested test specs'
//! `tests/snapshots/nested/<method>.rs` (both directories have an `alipay.trade.precreate`).

use std::path::Path;

use alipay_codegen::TypesPath;
use proc_macro2::{Ident, Span};

fn pretty(tokens: proc_macro2::TokenStream) -> String {
    let parsed: syn::File = syn::parse2(tokens).expect("generated code parses");
    prettyplease::unparse(&parsed)
}

/// Compares `code` with `tests/snapshots/<name>.rs` (or writes it with UPDATE_SNAPSHOTS=1);
/// `name` may start with a subdirectory (`nested/...`).
fn check(name: &str, code: &str) -> Result<(), String> {
    let snapshot = format!("{}/tests/snapshots/{name}.rs", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snapshot, code).expect("write snapshot");
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    if expected == code {
        Ok(())
    } else {
        Err(format!("{name}: generated code changed"))
    }
}

/// Every spec of `dir`, named as `specs!` names them (`alipay.fund.coupon.order.disburse` ->
/// `CouponOrderDisburse` with domain `fund`), and the directory's shared types; snapshot names
/// start with `prefix` (a subdirectory of `tests/snapshots/`, or empty).
fn snapshot_dir(dir: &Path, strip: usize, prefix: &str) -> Vec<String> {
    let types = alipay_spec::load_types(dir).expect("valid shared types");
    let specs = alipay_spec::load_dir(dir).expect("valid specs");
    let mut failures = Vec::new();
    let mut sizes = Vec::new();
    for spec in &specs {
        let name: String = spec
            .method
            .split('.')
            .skip(strip)
            .map(|p| p[..1].to_ascii_uppercase() + &p[1..])
            .collect();
        let target = Ident::new(&name, Span::call_site());
        let code = pretty(alipay_codegen::expand(
            spec,
            &target,
            &format!("specs/{}.toml", spec.method),
            &TypesPath::default(),
        ));
        sizes.push(format!(
            "{:<42} {:>5} lines",
            spec.method,
            code.lines().count()
        ));
        failures.extend(check(&format!("{prefix}{}", spec.method), &code).err());
    }
    if !types.types.is_empty() {
        let code = pretty(alipay_codegen::expand_types(&types, ""));
        sizes.push(format!(
            "{:<42} {:>5} lines",
            "_types",
            code.lines().count()
        ));
        failures.extend(check(&format!("{prefix}_types"), &code).err());
    }
    // `cargo test -p alipay-codegen --test snapshot -- --nocapture` prints the sizes.
    println!("{}", sizes.join("\n"));
    failures
}

#[test]
fn every_shipped_spec_generates_its_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let failures = snapshot_dir(&dir, 2, "");
    assert!(
        failures.is_empty(),
        "{failures:#?}\nreview the change and run with UPDATE_SNAPSHOTS=1 to accept"
    );
}

#[test]
fn the_nested_test_specs_generate_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../alipay-apis/tests/nested/specs");
    let failures = snapshot_dir(&dir, 1, "nested/");
    assert!(
        failures.is_empty(),
        "{failures:#?}\nreview the change and run with UPDATE_SNAPSHOTS=1 to accept"
    );
}

/// The disburse snapshot stays lean: data plus one interpreter, not code per rule. (510: its
/// notification's operation_type is a typed enum of its own since notify fields are typed.)
#[test]
fn disburse_stays_small() {
    let file = format!(
        "{}/tests/snapshots/alipay.fund.coupon.order.disburse.rs",
        env!("CARGO_MANIFEST_DIR")
    );
    let lines = std::fs::read_to_string(file)
        .expect("snapshot")
        .lines()
        .count();
    assert!(
        lines <= 510,
        "disburse generates {lines} lines (at most 510)"
    );
}

/// Generated rustdoc carries the API's documentation, not our provenance: no `sources`, no
/// `source = "..."`, and none of the internal source ids of `docs/sources.md` (`S0`, `JAVA`,
/// `ALY-711128`, `TOP-1548`, ...), which a reader of docs.rs cannot open.
#[test]
fn generated_docs_cite_no_internal_source_ids() {
    let dir = format!("{}/tests/snapshots", env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let files = |d: &str| {
        std::fs::read_dir(d)
            .expect("snapshots")
            .map(|e| e.expect("entry").path())
    };
    let nested = format!("{dir}/nested");
    for path in files(&dir).chain(files(&nested)).filter(|p| p.is_file()) {
        let text = std::fs::read_to_string(&path).expect("snapshot");
        for (n, line) in text.lines().enumerate() {
            let doc = line.trim_start();
            if !(doc.starts_with("///") || doc.contains("#[doc")) {
                continue;
            }
            let internal = |w: &str| {
                let b = w.as_bytes();
                (b.len() == 2 && b[0] == b'S' && b[1].is_ascii_digit())
                    || ["ALY-", "TOP-", "DOC-"].iter().any(|p| w.starts_with(p))
                    || matches!(w, "JAVA" | "PY" | "NPM" | "PUBERR" | "sources")
            };
            let words = doc.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'));
            if words.clone().any(internal) || doc.contains("source =") {
                found.push(format!("{}:{}: {doc}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
