//! Imports APIs from the Python SDK and prints what came out.
//!
//! `cargo run -p alipay-import --example py_import -- SDK_DIR alipay.trade.pay` prints one draft;
//! with no method, every request class is imported and the failures are counted by kind.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use alipay_import::python::Sdk;
use alipay_import::{Draft, Field, Ty};

fn ty(t: &Ty) -> String {
    match t {
        Ty::Array(item) => format!("[{}]", ty(item)),
        other => other.word().to_owned(),
    }
}

fn print_fields(fields: &[Field]) {
    for f in fields {
        println!("    {}: {}", f.name, ty(&f.ty));
    }
}

fn print_draft(d: &Draft) {
    println!(
        "method {} ({:?}, params {:?})",
        d.method, d.execution.value, d.params.value
    );
    println!(
        "  notify_url {} return_url {}",
        d.notify_url.value, d.return_url.value
    );
    println!("  request:");
    print_fields(&d.request);
    println!("  response:");
    print_fields(&d.response);
    for t in &d.types {
        println!(
            "  type {} ({}, {}):",
            t.name,
            if t.response_side {
                "response"
            } else {
                "request"
            },
            t.source
        );
        print_fields(&t.fields);
    }
    for o in &d.origins {
        println!("  origin: {o}");
    }
    for r in &d.remarks {
        println!("  remark: {r}");
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: py_import SDK_DIR [METHOD]");
        return ExitCode::FAILURE;
    };
    let sdk = match Sdk::open(&PathBuf::from(dir)) {
        Ok(sdk) => sdk,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(method) = args.next() {
        return match sdk.import(&method) {
            Ok(draft) => {
                print_draft(&draft);
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        };
    }
    let classes = match sdk.request_classes() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut ok = 0;
    let mut remarks: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut failures: BTreeMap<&'static str, (usize, String)> = BTreeMap::new();
    for class in &classes {
        let method = match sdk.method_of(class) {
            Ok(Some(m)) => m,
            Ok(None) => {
                let slot = failures.entry("no_method").or_insert((0, class.clone()));
                slot.0 += 1;
                continue;
            }
            Err(e) => {
                let slot = failures.entry(e.kind()).or_insert((0, e.to_string()));
                slot.0 += 1;
                continue;
            }
        };
        match sdk.import(&method) {
            Ok(draft) => {
                ok += 1;
                for r in &draft.remarks {
                    // the remark's words with names (capitalised, dotted) blanked: its kind
                    let kind = r
                        .split(' ')
                        .map(|w| {
                            if w.starts_with(char::is_uppercase) || w.contains('.') {
                                "_"
                            } else {
                                w
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    let slot = remarks.entry(kind).or_insert((0, format!("{method}: {r}")));
                    slot.0 += 1;
                }
            }
            Err(e) => {
                let slot = failures
                    .entry(e.kind())
                    .or_insert((0, format!("{method}: {e}")));
                slot.0 += 1;
            }
        }
    }
    println!("request classes: {}", classes.len());
    println!("imported: {ok}");
    for (kind, (n, example)) in &failures {
        println!("failed {kind}: {n}, e.g. {example}");
    }
    for (kind, (n, example)) in &remarks {
        println!("remark \"{kind}\": {n}, e.g. {example}");
    }
    ExitCode::SUCCESS
}
