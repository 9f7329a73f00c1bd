//! Reading files and standard input for the commands.

use std::io::Read;
use std::path::Path;

use alipay_core::protocol::der_to_text;

use crate::Failure;

/// Reads a key or certificate file as text; a binary (DER) file becomes bare base64, which
/// every key constructor accepts.
pub fn key_file(flag: &str, path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Usage(format!("{flag} {}: {e}", path.display())))?;
    Ok(match std::str::from_utf8(&bytes) {
        Ok(text) if !text.contains('\0') => text.to_string(),
        _ => der_to_text(&bytes),
    })
}

/// Reads FILE, or standard input for `-`. A trailing line break (as left by `echo` or an
/// editor) is dropped: no form body or JSON answer ends with a raw one that matters.
pub fn body(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Usage(format!("reading standard input: {e}")))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| Failure::Usage(format!("{path}: {e}")))?;
    }
    while matches!(bytes.last(), Some(b'\n' | b'\r')) {
        bytes.pop();
    }
    Ok(bytes)
}
