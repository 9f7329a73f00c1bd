//! Programs that must not compile (and one that must), with the diagnostics a user sees checked in (`ui/*.stderr`).
//! Regenerate after reviewing a change with `TRYBUILD=overwrite cargo test -p alipay-apis --test ui`.

#[test]
fn compile_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    // Adding an API is adding a spec file: this program uses the types of a spec that nothing
    // else declares.
    t.pass("tests/new_api/*.rs");
}
