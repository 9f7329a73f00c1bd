//! One module per subcommand.

pub mod call;
pub mod cert;
pub mod demo;
pub mod import;
pub mod keygen;
pub mod sandbox;
pub mod sign;
pub mod spec;
pub mod validate;
pub mod verify;

use std::path::Path;

use alipay_core::AlipayCertificate;
use alipay_core::AlipayPublicKey;

use crate::Failure;
use crate::input;

/// What `--alipay-public-key` resolved to: a bare key, or Alipay's public-key certificate
/// (certificate mode: responses must then also carry its SN).
pub struct AlipayTrust {
    pub key: AlipayPublicKey,
    pub cert_sn: Option<String>,
}

pub fn alipay_trust(path: &Path) -> Result<AlipayTrust, Failure> {
    let text = input::key_file("--alipay-public-key", path)?;
    if text.contains("-----BEGIN CERTIFICATE") {
        let cert = AlipayCertificate::from_pem(&text).map_err(|e| Failure::Usage(e.to_string()))?;
        return Ok(AlipayTrust {
            key: cert.public_key().clone(),
            cert_sn: Some(cert.sn().to_string()),
        });
    }
    match AlipayPublicKey::from_text(&text) {
        Ok(key) => Ok(AlipayTrust { key, cert_sn: None }),
        Err(key_err) => {
            match AlipayCertificate::from_bytes(&std::fs::read(path).unwrap_or_default()) {
                // A DER certificate.
                Ok(cert) => Ok(AlipayTrust {
                    key: cert.public_key().clone(),
                    cert_sn: Some(cert.sn().to_string()),
                }),
                Err(_) => Err(Failure::Usage(key_err.to_string())),
            }
        }
    }
}

pub fn usage(e: impl std::fmt::Display) -> Failure {
    Failure::Usage(e.to_string())
}

/// The compiled-in spec of an API, parsed again (with the shipped shared types, which the
/// specs may name) for what `ApiInfo` does not carry: fields, rules, where the params travel.
pub fn compiled_spec(api: &alipay_apis::ApiInfo) -> Result<alipay_spec::ApiSpec, Failure> {
    let joined = |errs: Vec<alipay_spec::SpecError>| {
        Failure::Usage(
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    let types = alipay_spec::parse_types("specs/_types.toml", alipay_apis::types::TYPES_TOML)
        .map_err(joined)?;
    alipay_spec::parse_spec_with(&format!("specs/{}.toml", api.method), api.spec_toml, &types)
        .map_err(joined)
}
