// A new spec file changes the directory: rerun so `specs!` picks it up. (Edits of existing
// specs are tracked by the `include_str!` the macro emits for each.) `specs` is the package's
// own directory: in the repository a symlink to the top-level `specs/` (the one place specs
// are edited), in the published package a copy of it.
fn main() {
    println!("cargo::rerun-if-changed=specs");
}
