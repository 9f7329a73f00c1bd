//! `alipay validate`: a `biz_content` checked with the generated validators of its API.

use std::path::PathBuf;

use alipay_apis::BizError;

use crate::Failure;

/// Check a biz_content JSON against every rule of the API's spec.
#[derive(clap::Args)]
pub struct Args {
    /// The API, e.g. alipay.fund.coupon.order.disburse.
    method: String,
    /// The biz_content JSON.
    #[arg(
        long,
        value_name = "JSON",
        conflicts_with = "biz_file",
        required_unless_present = "biz_file"
    )]
    biz: Option<String>,
    /// A file holding the biz_content JSON.
    #[arg(long, value_name = "FILE")]
    biz_file: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<(), Failure> {
    let Some(api) = alipay_apis::find(&a.method) else {
        let known: Vec<&str> = alipay_apis::registry().iter().map(|e| e.method).collect();
        return Err(Failure::Usage(format!(
            "unknown method {:?}; known: {}",
            a.method,
            known.join(", ")
        )));
    };
    let json = match (a.biz, a.biz_file) {
        (Some(j), _) => j,
        (None, Some(f)) => std::fs::read_to_string(&f)
            .map_err(|e| Failure::Usage(format!("--biz-file {}: {e}", f.display())))?,
        (None, None) => return Err(Failure::Usage("give --biz or --biz-file".into())),
    };
    match (api.validate)(&json) {
        Ok(()) => {
            println!("ok");
            Ok(())
        }
        Err(BizError::Malformed(m)) => Err(Failure::Usage(format!(
            "biz_content is not a JSON object: {m}"
        ))),
        Err(BizError::Invalid(v)) => {
            for violation in v.iter() {
                println!("{violation}");
            }
            Err(Failure::Silent(1))
        }
    }
}
