//! `alipay cert-sn`: the SN of a certificate (`app_cert_sn`, `alipay_cert_sn`) or of Alipay's
//! root bundle (`alipay_root_cert_sn`).

use std::path::PathBuf;

use alipay_core::{AlipayRootCertificate, AppCertificate};

use crate::Failure;

/// Print a certificate's SN, or with --root the root bundle's SN.
#[derive(clap::Args)]
pub struct Args {
    /// The file is Alipay's root certificate bundle (alipayRootCert.crt).
    #[arg(long)]
    root: bool,
    /// The certificate file (PEM or DER).
    file: PathBuf,
}

pub fn run(a: Args) -> Result<(), Failure> {
    let bytes =
        std::fs::read(&a.file).map_err(|e| Failure::Usage(format!("{}: {e}", a.file.display())))?;
    let sn = if a.root {
        AlipayRootCertificate::from_bytes(&bytes).map(|c| c.sn().to_string())
    } else {
        AppCertificate::from_bytes(&bytes).map(|c| c.sn().to_string())
    };
    match sn {
        Ok(sn) => {
            println!("{sn}");
            Ok(())
        }
        Err(e) => Err(Failure::Rejected(format!("{}: {e}", a.file.display()))),
    }
}
