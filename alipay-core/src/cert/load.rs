//! Loading: PEM or DER text into certificates, with messages that say what was found instead.

use std::sync::Arc;

use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::der::Decode;
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::{RsaPrivateKey, RsaPublicKey};
use x509_parser::certificate::X509Certificate;
use x509_parser::x509::X509Name;
use zeroize::Zeroizing;

use super::der::{der_declared_len, oid_dotted, signature_algorithm};
use super::sn::{java_big_integer, java_rfc2253_name, sn_of};
use super::{AlipayRootCertificate, CertInfo, FromCertKey};
use crate::error::{KeyError, KeyRole};
use crate::keys::{Block, decode_blocks};

/// DER content of the OID `1.2.840.113549.1.1` (pkcs-1): every RSA signature algorithm is under it.
pub(super) const PKCS1_ARC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01];
/// `rsaEncryption`, the only key algorithm RSA2 certificate mode can use.
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";

/// Splits certificate text into DER blocks, with certificate-specific messages for the common
/// mistakes that [`decode_blocks`] cannot name.
pub(super) fn text_blocks(role: KeyRole, text: &str) -> Result<Vec<Block>, KeyError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(KeyError::new(
            role,
            "the certificate text is empty (expected the content of the .crt file)",
        ));
    }
    if !trimmed.contains("-----") && looks_like_path(trimmed) {
        return Err(KeyError::new(
            role,
            format!("found {trimmed:?}, which looks like a file path; pass the file's content"),
        ));
    }
    decode_blocks(role, text)
}

fn looks_like_path(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    !s.contains('\n')
        && (s.contains('/') || s.contains('\\') || s.contains('.'))
        && [".crt", ".pem", ".cer", ".der"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

/// A DER certificate (starts with a SEQUENCE tag) or PEM text.
pub(super) fn byte_blocks(role: KeyRole, bytes: &[u8]) -> Result<Vec<Block>, KeyError> {
    if bytes.first() == Some(&0x30) {
        return Ok(vec![Block {
            label: None,
            der: Zeroizing::new(bytes.to_vec()),
        }]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text_blocks(role, text),
        Err(_) => Err(KeyError::new(
            role,
            format!(
                "found {} bytes that are neither PEM text (not UTF-8) nor a DER certificate (first byte 0x{:02x}, not 0x30)",
                bytes.len(),
                bytes.first().copied().unwrap_or(0)
            ),
        )),
    }
}

pub(super) fn load_single<K: FromCertKey>(
    role: KeyRole,
    blocks: &[Block],
) -> Result<(CertInfo, K), KeyError> {
    let block = match blocks {
        [] => return Err(KeyError::new(role, "no certificate found")),
        [one] => one,
        several => {
            let certs = several
                .iter()
                .filter(|b| signature_algorithm(&b.der).is_ok())
                .count();
            return Err(KeyError::new(
                role,
                format!(
                    "found {} PEM blocks ({certs} of them certificates), a bundle such as alipayRootCert.crt? Expected exactly one certificate; load the root bundle as AlipayRootCertificate",
                    several.len()
                ),
            ));
        }
    };
    let cert = parse_certificate(role, block, "")?;
    let info = cert_info(role, &cert, &block.der, "")?;
    check_rsa_key(role, &cert, &info)?;
    let key = K::from_cert_spki(cert.public_key().raw).map_err(|e| {
        KeyError::new(
            role,
            format!(
                "{} (certificate CN={}, SN {})",
                e.problem,
                info.subject_cn.as_deref().unwrap_or("?"),
                info.sn
            ),
        )
    })?;
    Ok((info, key))
}

pub(super) fn load_root(blocks: &[Block]) -> Result<AlipayRootCertificate, KeyError> {
    let role = KeyRole::AlipayRootCertificate;
    if blocks.is_empty() {
        return Err(KeyError::new(role, "no certificate found"));
    }
    let total = blocks.len();
    let mut sns = Vec::new();
    let mut counted = Vec::new();
    let mut skipped = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let position = format!("certificate {} of {total}: ", i + 1);
        // The algorithm is read from the outer structure alone: non-RSA roots are never parsed.
        let algorithm = signature_algorithm(&block.der).map_err(|why| {
            KeyError::new(
                role,
                format!("{position}{}", describe_non_certificate(block, &why)),
            )
        })?;
        if !algorithm.starts_with(PKCS1_ARC) {
            skipped.push(signature_algorithm_name(algorithm));
            continue;
        }
        let cert = parse_certificate(role, block, &position)?;
        let info = cert_info(role, &cert, &block.der, &position)?;
        sns.push(info.sn);
        counted.push(info.subject_cn);
    }
    if sns.is_empty() {
        return Err(KeyError::new(
            role,
            format!(
                "none of the {total} certificate(s) is signed with an RSA algorithm (found {}), so the root SN would be empty; expected Alipay's root bundle alipayRootCert.crt",
                skipped.join(", ")
            ),
        ));
    }
    Ok(AlipayRootCertificate {
        sn: sns.join("_"),
        counted,
        ders: super::chain::root_ders(blocks).into(),
    })
}

pub(super) fn parse_certificate<'a>(
    role: KeyRole,
    block: &'a Block,
    position: &str,
) -> Result<X509Certificate<'a>, KeyError> {
    match x509_parser::parse_x509_certificate(&block.der) {
        Ok(([], cert)) => Ok(cert),
        Ok((rest, _)) => Err(KeyError::new(
            role,
            format!(
                "{position}{} unexpected bytes after the certificate (several DER certificates in one file? use PEM)",
                rest.len()
            ),
        )),
        Err(e) => Err(KeyError::new(
            role,
            format!(
                "{position}{}",
                describe_non_certificate(block, &e.to_string())
            ),
        )),
    }
}

/// Says what a block that is not a readable certificate is, for the error message.
fn describe_non_certificate(block: &Block, why: &str) -> String {
    let der: &[u8] = &block.der;
    if RsaPrivateKey::from_pkcs8_der(der).is_ok() || RsaPrivateKey::from_pkcs1_der(der).is_ok() {
        return "found an RSA private key, not a certificate (never share or upload a private key; the certificate is the .crt file issued by Alipay)".into();
    }
    if let Ok(info) = rsa::pkcs8::PrivateKeyInfo::from_der(der) {
        return format!(
            "found a private key (algorithm {}), not a certificate (never share a private key)",
            info.algorithm.oid
        );
    }
    if RsaPublicKey::from_public_key_der(der).is_ok() || RsaPublicKey::from_pkcs1_der(der).is_ok() {
        return "found a public key, not a certificate (a bare key is for public-key mode; certificate mode needs the .crt file)".into();
    }
    if let Ok(spki) = rsa::pkcs8::spki::SubjectPublicKeyInfoRef::from_der(der) {
        return format!(
            "found a public key (algorithm {}), not a certificate",
            spki.algorithm.oid
        );
    }
    match block.label.as_deref() {
        Some(l) if l.contains("CERTIFICATE REQUEST") => {
            return "found a certificate signing request (CSR), not a certificate: upload it in the Alipay console and load the certificate Alipay issues".into();
        }
        Some(l) if !l.contains("CERTIFICATE") => {
            return format!("found a PEM block labelled {l:?}, not a certificate ({why})");
        }
        _ => {}
    }
    match der_declared_len(der) {
        Some(declared) if declared > der.len() => format!(
            "truncated certificate: its DER header announces {declared} bytes but only {} are present",
            der.len()
        ),
        _ => format!(
            "not a readable X.509 certificate: {why} ({} bytes)",
            der.len()
        ),
    }
}

/// A readable name for a skipped root's signature algorithm, for messages.
fn signature_algorithm_name(oid: &[u8]) -> String {
    let dotted = oid_dotted(oid);
    let name = match dotted.as_str() {
        "1.2.156.10197.1.501" => "SM2-with-SM3",
        "1.2.840.10045.4.3.2" => "ECDSA-with-SHA256",
        "1.2.840.10045.4.3.3" => "ECDSA-with-SHA384",
        "1.2.840.10045.4.3.4" => "ECDSA-with-SHA512",
        "1.3.101.112" => "Ed25519",
        _ => return dotted,
    };
    format!("{name} ({dotted})")
}

pub(super) fn cert_info(
    role: KeyRole,
    cert: &X509Certificate<'_>,
    der: &[u8],
    position: &str,
) -> Result<CertInfo, KeyError> {
    let issuer = java_rfc2253_name(cert.issuer());
    let serial = java_big_integer(cert.raw_serial()).ok_or_else(|| {
        KeyError::new(
            role,
            format!("{position}the certificate's serial number is empty"),
        )
    })?;
    Ok(CertInfo {
        sn: sn_of(&issuer, &serial),
        issuer,
        serial,
        subject_cn: common_name(cert.subject()),
        der: Arc::from(der),
    })
}

/// Refuses a certificate whose key is not `rsaEncryption`, naming the key type it has instead.
fn check_rsa_key(
    role: KeyRole,
    cert: &X509Certificate<'_>,
    info: &CertInfo,
) -> Result<(), KeyError> {
    let spki = cert.public_key();
    let algorithm = spki.algorithm.algorithm.to_id_string();
    let cn = info.subject_cn.as_deref().unwrap_or("?");
    if algorithm != RSA_ENCRYPTION {
        let curve = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.as_oid().ok())
            .map(|o| o.to_id_string());
        let kind = match (algorithm.as_str(), curve.as_deref()) {
            (_, Some("1.2.156.10197.1.301")) => "an SM2".to_string(),
            ("1.2.840.10045.2.1", Some(c)) => format!("an EC (curve {c})"),
            ("1.2.840.113549.1.1.10", _) => "an RSASSA-PSS-only".to_string(),
            (other, _) => format!("a non-RSA ({other})"),
        };
        return Err(KeyError::new(
            role,
            format!(
                "the certificate (CN={cn}, SN {}) holds {kind} public key; RSA2 certificate mode needs an RSA certificate",
                info.sn
            ),
        ));
    }
    Ok(())
}

pub(super) fn common_name(name: &X509Name<'_>) -> Option<String> {
    name.iter_common_name()
        .next()
        .map(|cn| String::from_utf8_lossy(cn.attr_value().data).into_owned())
}
