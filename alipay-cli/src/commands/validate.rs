//! `alipay validate`: business parameters checked against every rule of an API's spec, the
//! compiled-in one (`alipay validate METHOD`) or a spec file (`alipay validate --spec FILE`);
//! both run the one rule engine of `alipay_core::rules`, so they print the same lines.

use std::path::{Path, PathBuf};

use alipay_apis::BizError;

use crate::Failure;

/// Check business parameters (one JSON object, wherever the API sends them) against every
/// rule of the API's spec.
#[derive(clap::Args)]
pub struct Args {
    /// The API, e.g. alipay.fund.coupon.order.disburse (not with --spec).
    #[arg(required_unless_present = "spec", conflicts_with = "spec")]
    method: Option<String>,
    /// A spec file that is not compiled in (its directory's `_types.toml` is read too).
    #[arg(long, value_name = "FILE")]
    spec: Option<PathBuf>,
    /// The business parameters as one JSON object.
    #[arg(
        long,
        value_name = "JSON",
        conflicts_with = "biz_file",
        required_unless_present = "biz_file"
    )]
    biz: Option<String>,
    /// A file holding the business parameters.
    #[arg(long, value_name = "FILE")]
    biz_file: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<(), Failure> {
    let json = match (&a.biz, &a.biz_file) {
        (Some(j), _) => j.clone(),
        (None, Some(f)) => std::fs::read_to_string(f)
            .map_err(|e| Failure::Usage(format!("--biz-file {}: {e}", f.display())))?,
        (None, None) => return Err(Failure::Usage("give --biz or --biz-file".into())),
    };
    let result = match (&a.method, &a.spec) {
        (_, Some(file)) => {
            let (spec, types) = load_spec(file, false)?;
            crate::spec_rules::rules_of(&spec, &types)
                .check_json(&json)
                .map(|_| ())
        }
        (Some(method), None) => {
            let Some(api) = alipay_apis::find(method) else {
                let known: Vec<&str> = alipay_apis::registry().iter().map(|e| e.method).collect();
                return Err(Failure::Usage(format!(
                    "unknown method {method:?}; known: {}",
                    known.join(", ")
                )));
            };
            (api.validate)(&json)
        }
        (None, None) => return Err(Failure::Usage("give METHOD or --spec FILE".into())),
    };
    match result {
        Ok(()) => {
            println!("ok");
            Ok(())
        }
        Err(BizError::Malformed(m)) => Err(Failure::Usage(format!(
            "the business parameters are not a JSON object: {m}"
        ))),
        Err(BizError::Invalid(v)) => {
            for violation in v.iter() {
                println!("{violation}");
            }
            Err(Failure::Silent(1))
        }
    }
}

/// A spec file and the shared types of its directory; every mistake reported (exit 2).
/// Loads one spec file with its directory's `_types.toml`. `in_spec_dir`: the file must also be
/// named after its method, as in a spec directory the derive reads (`alipay spec check`); a
/// draft validated by path (`alipay validate --spec draft.toml`) need not be.
pub fn load_spec(
    file: &Path,
    in_spec_dir: bool,
) -> Result<(alipay_spec::ApiSpec, alipay_spec::TypesSpec), Failure> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let text = std::fs::read_to_string(file)
        .map_err(|e| Failure::Usage(format!("--spec {}: {e}", file.display())))?;
    let joined = |errs: Vec<alipay_spec::SpecError>| {
        Failure::Usage(
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    let types = alipay_spec::load_types(dir).map_err(joined)?;
    let shown = file.display().to_string();
    let spec = if in_spec_dir {
        alipay_spec::parse_spec_with(&shown, &text, &types)
    } else {
        alipay_spec::parse_loose_spec_with(&shown, &text, &types)
    }
    .map_err(joined)?;
    Ok((spec, types))
}
