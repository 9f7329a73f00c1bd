//! Every API of the Python SDK through the importer, the writer and the spec checker.
//!
//! `cargo run --release -p alipay-import --example py_catalogue -- SDK_DIR [PREFIX] [--out DIR]`
//!
//! For each request class (whose method starts with PREFIX, when given): `python::import`, then
//! `write::spec_text` (shared types named) and `write::types_text`, then `alipay_spec`'s
//! `parse_types` and `parse_spec_with` on that text. Prints the counts and one line per failure
//! kind with an example. With `--out`, the specs that pass are written there with one merged
//! `_types.toml` (`alipay_import::fit_types` renames a type whose name another API's type took).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use alipay_import::fit_types;
use alipay_import::python::Sdk;
use alipay_import::write::{SharedTypes, spec_text, types_text};
use alipay_import::{Draft, SharedType};

/// A checker message with quoted names and numbers blanked: its kind.
fn kind_of(message: &str) -> String {
    let mut out = String::new();
    let mut in_quote = false;
    for c in message.chars() {
        match c {
            '"' if !in_quote => {
                in_quote = true;
                out.push_str("\"_");
            }
            '"' => {
                in_quote = false;
                out.push('"');
            }
            _ if in_quote => {}
            c if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            c => out.push(c),
        }
    }
    out.chars().take(110).collect()
}

struct Tally {
    kinds: BTreeMap<String, (usize, String)>,
}

impl Tally {
    fn add(&mut self, kind: String, example: String) {
        self.kinds.entry(kind).or_insert((0, example)).0 += 1;
    }
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let out_dir = match args.iter().position(|a| a == "--out") {
        Some(i) if i + 1 < args.len() => {
            let dir = PathBuf::from(args.remove(i + 1));
            args.remove(i);
            Some(dir)
        }
        _ => None,
    };
    let (Some(dir), prefix) = (args.first(), args.get(1).cloned().unwrap_or_default()) else {
        eprintln!("usage: py_catalogue SDK_DIR [METHOD_PREFIX] [--out DIR]");
        return ExitCode::FAILURE;
    };
    let sdk = match Sdk::open(&PathBuf::from(dir)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let classes = match sdk.request_classes() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let (mut selected, mut imported, mut passed) = (0, 0, 0);
    let mut import_failures = Tally {
        kinds: BTreeMap::new(),
    };
    let mut check_failures = Tally {
        kinds: BTreeMap::new(),
    };
    let mut passing: Vec<Draft> = Vec::new();
    for class in &classes {
        let method = match sdk.method_of(class) {
            Ok(Some(m)) => m,
            Ok(None) => {
                import_failures.add("no method in the request class".into(), class.clone());
                continue;
            }
            Err(e) => {
                import_failures.add(e.kind().into(), e.to_string());
                continue;
            }
        };
        if !method.starts_with(&prefix) {
            continue;
        }
        selected += 1;
        let draft = match sdk.import(&method) {
            Ok(d) => d,
            Err(e) => {
                import_failures.add(e.kind().into(), format!("{method}: {e}"));
                continue;
            }
        };
        imported += 1;
        let types = match alipay_spec::parse_types("_types.toml", &types_text(&draft.types)) {
            Ok(t) => t,
            Err(errors) => {
                for e in errors.iter().take(1) {
                    check_failures.add(
                        format!("_types.toml: {}", kind_of(&e.message)),
                        format!("{method}: {e}"),
                    );
                }
                continue;
            }
        };
        let file = format!("{method}.toml");
        match alipay_spec::parse_spec_with(&file, &spec_text(&draft, SharedTypes::Named), &types) {
            Ok(_) => {
                passed += 1;
                if out_dir.is_some() {
                    passing.push(draft);
                }
            }
            Err(errors) => {
                for e in errors.iter().take(1) {
                    check_failures.add(kind_of(&e.message), format!("{method}: {e}"));
                }
            }
        }
    }
    println!("request classes: {}", classes.len());
    if !prefix.is_empty() {
        println!("with methods starting {prefix}: {selected}");
    }
    println!("imported: {imported}");
    println!("pass the spec checker: {passed}");
    println!("time: {:.1} s", started.elapsed().as_secs_f64());
    for (kind, (n, example)) in &import_failures.kinds {
        println!("import failure {kind}: {n}, e.g. {example}");
    }
    for (kind, (n, example)) in &check_failures.kinds {
        println!("checker failure \"{kind}\": {n}, e.g. {example}");
    }
    if let Some(out) = out_dir {
        return write_dir(&out, &mut passing);
    }
    ExitCode::SUCCESS
}

/// Writes the specs with one `_types.toml`, each draft's types fitted to those written before.
fn write_dir(out: &PathBuf, drafts: &mut [Draft]) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let mut types: Vec<SharedType> = Vec::new();
    let mut renamed = 0;
    for d in drafts.iter_mut() {
        let names: Vec<String> = d.types.iter().map(|t| t.name.clone()).collect();
        types.extend(fit_types(d, &types));
        renamed += d
            .types
            .iter()
            .zip(&names)
            .filter(|(t, n)| t.name != **n)
            .count();
        let path = out.join(format!("{}.toml", d.method));
        if let Err(e) = std::fs::write(&path, spec_text(d, SharedTypes::Named)) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let path = out.join("_types.toml");
    if let Err(e) = std::fs::write(&path, types_text(&types)) {
        eprintln!("{}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    println!(
        "written to {}: {} specs, {} shared types ({renamed} renamed to fit the others)",
        out.display(),
        drafts.len(),
        types.len()
    );
    // the directory as the derive reads it: `_types.toml` first, then every spec with it
    match alipay_spec::load_dir(out) {
        Ok(specs) => {
            println!(
                "the directory passes the spec checker: {} specs",
                specs.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            println!(
                "the directory fails the spec checker: {} errors",
                errors.len()
            );
            for e in errors.iter().take(5) {
                println!("  {e}");
            }
            ExitCode::FAILURE
        }
    }
}
