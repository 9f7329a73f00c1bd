//! `alipay spec list` and `alipay spec show`: the specs compiled into this build, for humans.

use alipay_spec::{ApiSpec, Required};

use crate::Failure;

#[derive(clap::Subcommand)]
pub enum Args {
    /// Every API: method, execution mode, summary.
    List,
    /// One API's fields, types, rules and error codes.
    Show {
        /// e.g. alipay.fund.coupon.order.disburse
        method: String,
    },
    /// Check spec files with the real parser (with their directory's `_types.toml`): every
    /// mistake as `file:line:col: message`; exit 1 when there is one.
    Check {
        /// The spec files.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Draft a spec from an Alipay doc page (saved as text), from the official Python SDK's
    /// classes, or both; see docs/spec-import.md.
    Import(super::import::Args),
}

pub fn run(a: Args) -> Result<(), Failure> {
    match a {
        Args::List => {
            for e in alipay_apis::registry() {
                println!("{:<42} {:<13} {}", e.method, e.mode.as_str(), e.summary);
            }
            Ok(())
        }
        Args::Show { method } => {
            let Some(e) = alipay_apis::find(&method) else {
                return Err(Failure::Usage(format!(
                    "unknown method {method:?}; see `alipay spec list`"
                )));
            };
            let spec = super::compiled_spec(&e)?;
            print!("{}", render(&spec));
            Ok(())
        }
        Args::Import(a) => super::import::run(a),
        Args::Check { files } => {
            let mut bad = false;
            for file in &files {
                // `specs/*.toml` includes the shared types: check them as what they are
                if file.file_name().is_some_and(|n| n == "_types.toml") {
                    let dir = file.parent().unwrap_or(std::path::Path::new("."));
                    match alipay_spec::load_types(dir) {
                        Ok(t) => println!("ok {} ({} shared types)", file.display(), t.types.len()),
                        Err(errs) => {
                            bad = true;
                            errs.iter().for_each(|e| println!("{e}"));
                        }
                    }
                    continue;
                }
                match crate::commands::validate::load_spec(file, true) {
                    Ok((spec, _)) => println!("ok {} ({})", file.display(), spec.method),
                    Err(Failure::Usage(m)) => {
                        bad = true;
                        println!("{m}");
                    }
                    Err(other) => return Err(other),
                }
            }
            if bad { Err(Failure::Silent(1)) } else { Ok(()) }
        }
    }
}

fn render(s: &ApiSpec) -> String {
    let mut out = format!(
        "{} ({})\n{}\nexecution: {}   notify_url: {}   return_url: {}\n\nrequest ({}):\n",
        s.method,
        s.name_zh,
        s.summary,
        s.execution.as_str(),
        if s.notify_url { "yes" } else { "no" },
        if s.return_url { "yes" } else { "no" },
        s.params.as_str(),
    );
    render_fields(&mut out, &s.request, "  ");
    for g in &s.one_of {
        out.push_str(&format!(
            "  one_of {}: at least {} of {} (wins: {}){}\n",
            g.id,
            g.min,
            g.fields.join(", "),
            g.precedence.join(" > "),
            if g.enforce {
                ""
            } else {
                " [not enforced client-side]"
            }
        ));
    }
    out.push_str("\nresponse:\n");
    for f in &s.response {
        out.push_str(&format!("  {:<22} {}\n", f.name, f.ty.as_str()));
    }
    if !s.errors.is_empty() {
        out.push_str("\nerror codes (sub_code):\n");
        for e in &s.errors {
            out.push_str(&format!(
                "  {:<34} {:<18} {}\n",
                e.code,
                e.handling.as_str(),
                e.msg
            ));
        }
    }
    out
}

/// One line per field, nested members indented under their object.
fn render_fields(out: &mut String, fields: &[alipay_spec::Field], indent: &str) {
    for f in fields {
        let required = match &f.required {
            Required::OneOf(g) => format!("one_of {g}"),
            r => r.as_str().to_string(),
        };
        let mut rules = Vec::new();
        if let Some(c) = &f.required_if {
            rules.push(format!("required if {} = {}", c.field, c.equals.join("|")));
        }
        if let Some(m) = &f.max_len {
            rules.push(format!("max {} {}", m.value, m.unit.as_str()));
        }
        if let Some(r) = &f.range {
            rules.push(r.to_string());
        }
        for r in &f.range_if {
            rules.push(format!(
                "{} if {} = {}",
                r.range,
                r.when.field,
                r.when.equals.join("|")
            ));
        }
        if !f.values.is_empty() {
            rules.push(f.values.join("|"));
        }
        if let Some(p) = &f.pattern {
            rules.push(format!("/{p}/"));
        }
        if let Some(n) = f.max_items {
            rules.push(format!("<= {n} items"));
        }
        let ty = match &f.ty {
            alipay_spec::FieldType::Array(item) => format!("{}[]", item.as_str()),
            t => t.as_str().to_string(),
        };
        out.push_str(&format!(
            "{indent}{:<22} {:<12} {:<16} {}\n",
            f.name,
            ty,
            required,
            rules.join("; ")
        ));
        if let alipay_spec::FieldType::Object(def) = f.ty.item() {
            render_fields(out, &def.fields, &format!("{indent}  "));
        }
    }
}
