//! The alipay-rs spec language (`alipay-spec/2`) as a plain library.
//!
//! Each Alipay OpenAPI is declared once in `specs/<method>.toml`; object types several APIs
//! share are declared once in `specs/_types.toml`. This crate turns such files into a checked,
//! typed [`ApiSpec`] (and [`TypesSpec`]); the derive macro (`alipay-macros`) uses it at compile
//! time and the CLI at run time, so both see the same rules and the same errors.
//!
//! # Pipeline
//!
//! ```text
//! text ──parse──▶ spanned tree ──check──▶ ApiSpec / TypesSpec / CommonSpec
//!         │                       │
//!         └──── Vec<SpecError> ◀──┘   (all mistakes of the file, in file order)
//! ```
//!
//! 1. **parse**: the TOML is read with `toml`'s span-preserving parser. Syntax errors, unknown
//!    keys, missing required keys, values of the wrong TOML type and unknown words for
//!    `required`, `len_unit`, `execution`, `params`, `side`, `handling` and `kind` are reported
//!    here, at every nesting level (`[[request.fields]]`, `required_if = { ... }`, ...).
//! 2. **check**: relations between values: `method` against the file name, `response_node`
//!    against `method`, type names against the builtins and the shared types (and their
//!    sides), `max_len`/`len_unit`, `range`, `values`, `format`, `items`, `max_items`,
//!    `allow_1c` and `fields` against the field type, conditions (`required_if`, `range_if`,
//!    `values_if`) against the sibling fields they name, patterns (compiled with `regex-lite`,
//!    the engine of the generated validators), one-of groups against their members both ways
//!    (per object), duplicates per object, cycles among shared types.
//!
//! Both phases report into one collector and carry on, so a file with five mistakes gets five
//! errors at once. Each [`SpecError`] displays as `file:line:col: message`, the position being
//! that of the offending key or value (1-based, columns in characters). The model is returned
//! only for a file without any error.
//!
//! ```
//! let types = alipay_spec::parse_types("specs/_types.toml", r#"
//! schema = "alipay-spec/2"
//!
//! [[type]]
//! name = "GoodsDetail"
//!
//! [[type.fields]]
//! name = "goods_id"
//! type = "string"
//! required = "yes"
//! "#).unwrap();
//!
//! let text = r#"
//! schema = "alipay-spec/2"
//! method = "alipay.demo.pay"
//! name_zh = "演示"
//! summary = "A demo."
//! execution = "execute"
//! notify_url = false
//! return_url = false
//! response_node = "alipay_demo_pay_response"
//! completeness = "complete"
//! sources = ["S0"]
//!
//! [[request]]
//! name = "amount"
//! type = "amount"
//! required = "yes"
//! range = { min = "0.01", max = "100.00", scale = 2 }
//!
//! [[request]]
//! name = "goods_detail"
//! type = "array"
//! items = "GoodsDetail"
//! required = "no"
//! "#;
//! let spec = alipay_spec::parse_spec_with("specs/alipay.demo.pay.toml", text, &types).unwrap();
//! assert!(spec.request_field("amount").unwrap().is_required());
//!
//! let errors = alipay_spec::parse_spec_with(
//!     "specs/alipay.demo.pay.toml",
//!     &text.replace("\"amount\"\nr", "\"money\"\nr"),
//!     &types,
//! )
//! .unwrap_err();
//! assert_eq!(
//!     errors[0].to_string(),
//!     "specs/alipay.demo.pay.toml:15:8: unknown type \"money\" (expected a builtin: string, \
//!      amount, integer, number, boolean, date, month, datetime, pay_timeout, user_id, json, \
//!      enum, object, array; or a shared type: GoodsDetail)"
//! );
//! ```

#![warn(missing_docs)]

#[cfg(feature = "spec-files")]
mod ast;
#[cfg(feature = "spec-files")]
mod check;
#[cfg(feature = "spec-files")]
mod error;
pub mod grammar;
#[cfg(feature = "spec-files")]
pub mod model;
#[cfg(feature = "spec-files")]
mod parse;

#[cfg(feature = "spec-files")]
use std::path::Path;

#[cfg(feature = "spec-files")]
pub use check::expected_response_node;
#[cfg(feature = "spec-files")]
pub use error::SpecError;
pub use grammar::{parse_amount, parse_timeout_minutes};
#[cfg(feature = "spec-files")]
pub use model::{
    ApiSpec, CommonSpec, Condition, ErrorCode, Execution, Field, FieldType, Handling, LenUnit,
    Location, MaxLen, NamedType, Notify, NotifyType, ObjectDef, OneOfGroup, ParamsIn, Range,
    RangeIf, Required, ResultCode, ResultHandling, Rule, RuleKind, SCHEMA, Scalar, Side, TypesSpec,
    ValuesIf,
};

#[cfg(feature = "spec-files")]
use error::Ctxt;

/// Parses and checks one API spec that names no shared type:
/// [`parse_spec_with`] and an empty [`TypesSpec`].
#[cfg(feature = "spec-files")]
pub fn parse_spec(file_name: &str, text: &str) -> Result<ApiSpec, Vec<SpecError>> {
    parse_spec_with(file_name, text, &TypesSpec::default())
}

/// Parses and checks one API spec; the shared type names in it resolve against `types`
/// (the directory's checked `_types.toml`, see [`load_types`]).
///
/// `file_name` is used in error messages as given (e.g. `specs/<method>.toml`); its last
/// path component without `.toml` must equal the spec's `method`. Returns every mistake of
/// the file, in file order, when there is any.
#[cfg(feature = "spec-files")]
pub fn parse_spec_with(
    file_name: &str,
    text: &str,
    types: &TypesSpec,
) -> Result<ApiSpec, Vec<SpecError>> {
    parse_and_check(file_name, text, types, true)
}

/// [`parse_spec_with`] for a spec file that lives outside a spec directory, such as a draft
/// from `alipay spec import` saved as `draft.toml`: every check except that the file is named
/// after `method` (the rule the derive needs to find an API's file, which does not apply to
/// one file given by path).
#[cfg(feature = "spec-files")]
pub fn parse_loose_spec_with(
    file_name: &str,
    text: &str,
    types: &TypesSpec,
) -> Result<ApiSpec, Vec<SpecError>> {
    parse_and_check(file_name, text, types, false)
}

/// `named_after_method`: the file's name must be `<method>.toml`.
#[cfg(feature = "spec-files")]
fn parse_and_check(
    file_name: &str,
    text: &str,
    types: &TypesSpec,
    named_after_method: bool,
) -> Result<ApiSpec, Vec<SpecError>> {
    let mut cx = Ctxt::new(file_name);
    let spec = parse::parse_api(&mut cx, text)
        .and_then(|raw| check::check_api(&mut cx, &raw, file_name, types, named_after_method));
    finish(cx, spec)
}

/// Parses and checks a shared types file (`_types.toml`): its `[[type]]` tables, each
/// checked like an object, plus unique PascalCase names, sides and cycles.
#[cfg(feature = "spec-files")]
pub fn parse_types(file_name: &str, text: &str) -> Result<TypesSpec, Vec<SpecError>> {
    let mut cx = Ctxt::new(file_name);
    let types = parse::parse_types(&mut cx, text)
        .and_then(|raw| check::check_types(&mut cx, &raw, file_name));
    finish(cx, types)
}

/// Parses and checks `_common.toml` (public parameters and gateway result codes).
#[cfg(feature = "spec-files")]
pub fn parse_common(file_name: &str, text: &str) -> Result<CommonSpec, Vec<SpecError>> {
    let mut cx = Ctxt::new(file_name);
    let spec = parse::parse_common(&mut cx, text)
        .and_then(|raw| check::check_common(&mut cx, &raw, file_name));
    finish(cx, spec)
}

/// Loads every API spec in `dir`: first the shared types of `dir/_types.toml` (see
/// [`load_types`]), then the `*.toml` files whose name does not start with `_`, sorted by
/// file name, each parsed with those types.
///
/// Errors are those of all files together; each names its file as `dir` joined with the file
/// name. A file or directory that cannot be read is reported at line 1, column 1. When
/// `_types.toml` has mistakes, only they are reported (the specs naming its types would
/// only repeat them).
#[cfg(feature = "spec-files")]
pub fn load_dir(dir: &Path) -> Result<Vec<ApiSpec>, Vec<SpecError>> {
    load_dir_labelled(dir, &|name| dir.join(name).display().to_string()).map(|(_, specs)| specs)
}

/// [`load_dir`] for a caller that shows the files under another directory name than their
/// path, and wants the shared types too: each error names its file `{shown_dir}/{file name}`
/// (the derive macro writes `specs/<method>.toml` wherever the directory is). A directory
/// that cannot be read is still named by its path.
#[cfg(feature = "spec-files")]
pub fn load_dir_shown_as(
    dir: &Path,
    shown_dir: &str,
) -> Result<(TypesSpec, Vec<ApiSpec>), Vec<SpecError>> {
    load_dir_labelled(dir, &|name| format!("{shown_dir}/{name}"))
}

/// [`load_dir`], each file named in errors as `label(file name)`.
#[cfg(feature = "spec-files")]
fn load_dir_labelled(
    dir: &Path,
    label: &dyn Fn(&str) -> String,
) -> Result<(TypesSpec, Vec<ApiSpec>), Vec<SpecError>> {
    let types = load_types_labelled(dir, label)?;
    let mut errors = Vec::new();
    let mut specs = Vec::new();
    for path in spec_files(dir, &mut errors) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = label(&name);
        match std::fs::read_to_string(&path) {
            Ok(text) => match parse_spec_with(&file, &text, &types) {
                Ok(spec) => specs.push(spec),
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(io_error(&file, "cannot read the spec file", &e)),
        }
    }
    if errors.is_empty() {
        Ok((types, specs))
    } else {
        Err(errors)
    }
}

/// Loads `dir/_common.toml`.
#[cfg(feature = "spec-files")]
pub fn load_common(dir: &Path) -> Result<CommonSpec, Vec<SpecError>> {
    let path = dir.join("_common.toml");
    let file = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => parse_common(&file, &text),
        Err(e) => Err(vec![io_error(&file, "cannot read the file", &e)]),
    }
}

/// Loads `dir/_types.toml`, the shared types of the specs in `dir`; an empty [`TypesSpec`]
/// (whose `file` is that path) when the file does not exist.
#[cfg(feature = "spec-files")]
pub fn load_types(dir: &Path) -> Result<TypesSpec, Vec<SpecError>> {
    load_types_labelled(dir, &|name| dir.join(name).display().to_string())
}

/// [`load_types`], the file named `{shown_dir}/_types.toml` in errors (see
/// [`load_dir_shown_as`]).
#[cfg(feature = "spec-files")]
pub fn load_types_shown_as(dir: &Path, shown_dir: &str) -> Result<TypesSpec, Vec<SpecError>> {
    load_types_labelled(dir, &|name| format!("{shown_dir}/{name}"))
}

/// [`load_types`], the file named in errors as `label("_types.toml")`.
#[cfg(feature = "spec-files")]
fn load_types_labelled(
    dir: &Path,
    label: &dyn Fn(&str) -> String,
) -> Result<TypesSpec, Vec<SpecError>> {
    let path = dir.join("_types.toml");
    let file = label("_types.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => parse_types(&file, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(TypesSpec {
            types: Vec::new(),
            file,
        }),
        Err(e) => Err(vec![io_error(&file, "cannot read the file", &e)]),
    }
}

/// The API spec files of `dir`, sorted; problems reading the directory go to `errors`.
#[cfg(feature = "spec-files")]
fn spec_files(dir: &Path, errors: &mut Vec<SpecError>) -> Vec<std::path::PathBuf> {
    let dir_name = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(io_error(&dir_name, "cannot read the spec directory", &e));
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.ends_with(".toml") && !name.starts_with('_') && path.is_file() {
                    files.push(path);
                }
            }
            Err(e) => errors.push(io_error(&dir_name, "cannot read the spec directory", &e)),
        }
    }
    files.sort();
    files
}

#[cfg(feature = "spec-files")]
fn io_error(file: &str, what: &str, e: &std::io::Error) -> SpecError {
    SpecError::new(file, Location { line: 1, col: 1 }, format!("{what}: {e}"))
}

#[cfg(feature = "spec-files")]
fn finish<T>(cx: Ctxt, value: Option<T>) -> Result<T, Vec<SpecError>> {
    match value {
        Some(v) if !cx.has_errors() => Ok(v),
        _ => {
            let file = cx.file().to_owned();
            let mut errors = cx.into_errors();
            if errors.is_empty() {
                // Unreachable when the checks are complete; never return Err(vec![]).
                errors.push(SpecError::new(
                    file,
                    Location { line: 1, col: 1 },
                    "internal error: the spec is incomplete but no mistake was reported",
                ));
            }
            Err(errors)
        }
    }
}
