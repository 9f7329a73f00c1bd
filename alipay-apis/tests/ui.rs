//! Programs that must not compile, with the diagnostics a user sees checked in (`ui/*.stderr`).
//! Regenerate after reviewing a change with `TRYBUILD=overwrite cargo test -p alipay-apis --test ui`.

#[test]
fn compile_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
