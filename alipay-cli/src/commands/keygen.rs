//! `alipay keygen`: a new RSA-2048 application key pair.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use alipay_core::protocol::generate_app_key_pair;

use crate::Failure;

/// Generate an RSA-2048 app key pair: PKCS#8 + SPKI PEM, and the bare base64 forms the
/// Alipay console asks for.
#[derive(clap::Args)]
pub struct Args {
    /// Directory to write the keys into (created if missing; existing keys are never overwritten).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

const FILES: [&str; 4] = [
    "app_private_key.pem",
    "app_private_key.txt",
    "app_public_key.pem",
    "app_public_key.txt",
];

pub fn run(a: Args) -> Result<(), Failure> {
    std::fs::create_dir_all(&a.out)
        .map_err(|e| Failure::Usage(format!("--out {}: {e}", a.out.display())))?;
    if let Some(existing) = FILES.iter().map(|f| a.out.join(f)).find(|p| p.exists()) {
        return Err(Failure::Usage(format!(
            "{} already exists; refusing to overwrite a key",
            existing.display()
        )));
    }
    let pair = generate_app_key_pair().map_err(|e| Failure::Rejected(e.to_string()))?;
    write(&a.out, FILES[0], pair.private_pem.as_bytes(), true)?;
    write(
        &a.out,
        FILES[1],
        format!("{}\n", &*pair.private_base64).as_bytes(),
        true,
    )?;
    write(&a.out, FILES[2], pair.public_pem.as_bytes(), false)?;
    write(
        &a.out,
        FILES[3],
        format!("{}\n", pair.public_base64).as_bytes(),
        false,
    )?;
    println!(
        "wrote {} (PKCS#8 PEM, keep secret)",
        a.out.join(FILES[0]).display()
    );
    println!(
        "wrote {} (PKCS#8 bare base64, keep secret)",
        a.out.join(FILES[1]).display()
    );
    println!("wrote {} (SPKI PEM)", a.out.join(FILES[2]).display());
    println!(
        "wrote {} (paste into the Alipay console as the app public key)",
        a.out.join(FILES[3]).display()
    );
    Ok(())
}

fn write(dir: &Path, name: &str, data: &[u8], secret: bool) -> Result<(), Failure> {
    let path = dir.join(name);
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    opts.open(&path)
        .and_then(|mut f| f.write_all(data))
        .map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))
}
