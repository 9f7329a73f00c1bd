// A new spec file changes the directory: rerun so `specs!` picks it up. (Edits of existing
// specs are tracked by the `include_str!` the macro emits for each.)
fn main() {
    println!("cargo::rerun-if-changed=../specs");
}
