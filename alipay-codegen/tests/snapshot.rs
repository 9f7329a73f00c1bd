//! The generated code of one spec, checked in so reviewers can read what the macro emits.
//! Regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p alipay-codegen --test snapshot`.

use proc_macro2::{Ident, Span};

#[test]
fn disburse_generated_code() {
    let file = "alipay.fund.coupon.order.disburse.toml";
    let text = std::fs::read_to_string(format!("{}/../specs/{file}", env!("CARGO_MANIFEST_DIR")))
        .expect("spec file");
    let spec = alipay_spec::parse_spec(&format!("specs/{file}"), &text).expect("valid spec");
    let tokens = alipay_codegen::expand(
        &spec,
        &Ident::new("Disburse", Span::call_site()),
        "../specs/alipay.fund.coupon.order.disburse.toml",
    );
    let parsed: syn::File = syn::parse2(tokens).expect("generated code parses");
    let code = prettyplease::unparse(&parsed);
    let snapshot = format!("{}/tests/snapshots/disburse.rs", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snapshot, &code).expect("write snapshot");
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    assert!(
        expected == code,
        "generated code changed; review it and run with UPDATE_SNAPSHOTS=1 to accept"
    );
}

/// Every real spec expands to code that parses; prints the size of each
/// (`cargo test -p alipay-codegen --test snapshot -- --nocapture`).
#[test]
fn every_spec_expands_to_valid_rust() {
    let dir = format!("{}/../specs", env!("CARGO_MANIFEST_DIR"));
    let specs = alipay_spec::load_dir(std::path::Path::new(&dir)).expect("valid specs");
    assert_eq!(specs.len(), 8);
    for spec in &specs {
        let tokens =
            alipay_codegen::expand(spec, &Ident::new("Api", Span::call_site()), "spec.toml");
        let parsed: syn::File = syn::parse2(tokens).expect("generated code parses");
        let lines = prettyplease::unparse(&parsed).lines().count();
        println!("{:<42} {lines:>5} lines", spec.method);
        assert!(lines > 100);
    }
}
