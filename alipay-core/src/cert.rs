//! Public-key-certificate mode (公钥证书模式): the three certificates and their SNs.
//!
//! In certificate mode every request carries `app_cert_sn` (the SN of the app's certificate,
//! [`AppCertificate`]) and `alipay_root_cert_sn` (of Alipay's root bundle,
//! [`AlipayRootCertificate`]); responses carry `alipay_cert_sn`, the SN of the certificate whose
//! key signed them ([`AlipayCertificate`], which also holds that key).
//!
//! **SN** = lowercase hex MD5 of the issuer's distinguished name, written exactly as Java's
//! `X500Principal.getName()` writes it (RFC 2253 form), followed by the serial number in decimal.
//! That is what Alipay's Java SDK (`AntCertificationUtil.getCertSN`) and gateway compute, so it
//! is reproduced here rule for rule (checked against JDK 17 and 25, see
//! `testdata/synthetic-certs/README.md`):
//!
//! * RDNs in reverse encoding order, joined by `,`; the values of a multi-valued RDN in encoding
//!   order, joined by `+`; no spaces.
//! * Keywords `CN C L ST O OU STREET DC UID`; every other attribute type (emailAddress,
//!   serialNumber, ...) as its dotted OID with the value as `#` + lowercase hex of its DER.
//! * String values (Printable, T61, IA5, General, BMP, UTF8String) read as UTF-8, with
//!   `, = + < > # ; " \` escaped by a backslash wherever they occur, NUL as `\00`, and leading or
//!   trailing spaces and CRs escaped; any other value type as `#` + hex of its DER.
//! * The serial as Java's `BigInteger` prints it (a malformed negative serial keeps its `-`).
//!
//! The **root SN** joins with `_`, in file order, the SNs of the bundle's certificates whose
//! signature algorithm is in the PKCS#1 RSA family (OID under `1.2.840.113549.1.1`, including
//! RSASSA-PSS); SM2 and ECDSA roots are skipped by their algorithm OID alone, before they are
//! parsed, so an unusual encoding in one of them never fails the bundle.

use std::fmt;
use std::sync::Arc;

use md5::{Digest, Md5};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::der::Decode;
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::{RsaPrivateKey, RsaPublicKey};
use x509_parser::asn1_rs::Class;
use x509_parser::certificate::X509Certificate;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};
use zeroize::Zeroizing;

use crate::crypto;
use crate::error::{KeyError, KeyRole};
use crate::keys::{AlipayPublicKey, AppPublicKey, Block, decode_blocks};

/// DER content of the OID `1.2.840.113549.1.1` (pkcs-1): every RSA signature algorithm is under it.
const PKCS1_ARC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01];
/// `rsaEncryption`, the only key algorithm RSA2 certificate mode can use.
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";

/// The application's public-key certificate (`appCertPublicKey_<app_id>.crt`): its SN is sent
/// as `app_cert_sn` with every request.
#[derive(Clone)]
pub struct AppCertificate {
    info: CertInfo,
    public_key: AppPublicKey,
}

/// Alipay's public-key certificate (`alipayCertPublicKey_RSA2.crt`): its key verifies responses
/// and notifications, and its SN is the `alipay_cert_sn` responses must carry.
#[derive(Clone)]
pub struct AlipayCertificate {
    info: CertInfo,
    public_key: AlipayPublicKey,
}

/// Alipay's root bundle (`alipayRootCert.crt`): its SN is sent as `alipay_root_cert_sn`.
#[derive(Clone)]
pub struct AlipayRootCertificate {
    sn: String,
    /// The subject CNs of the certificates that make up the SN, in file order.
    counted: Vec<Option<String>>,
}

/// What the SN and messages need from one certificate.
#[derive(Clone)]
struct CertInfo {
    sn: String,
    issuer: String,
    serial: String,
    subject_cn: Option<String>,
    der: Arc<[u8]>,
}

macro_rules! single_certificate_common {
    ($name:ident, $role:expr) => {
        impl $name {
            /// Loads the certificate from PEM text (any line length, CRLF or LF) or the bare base64
            /// of its DER. The text must hold exactly one certificate.
            pub fn from_pem(text: &str) -> Result<Self, KeyError> {
                Self::load(text_blocks($role, text)?)
            }

            /// Loads the certificate from the bytes of a `.crt` file: PEM text or one DER
            /// certificate.
            pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
                Self::load(byte_blocks($role, bytes)?)
            }

            fn load(blocks: Vec<Block>) -> Result<Self, KeyError> {
                let (info, key) = load_single($role, &blocks)?;
                Ok($name {
                    info,
                    public_key: key,
                })
            }

            /// The certificate SN: 32 lowercase hex digits.
            pub fn sn(&self) -> &str {
                &self.info.sn
            }

            /// The subject's common name, if the subject has one.
            pub fn subject_cn(&self) -> Option<&str> {
                self.info.subject_cn.as_deref()
            }

            /// The issuer's name as Java's `X500Principal.getName()` writes it: the first half
            /// of what the SN hashes.
            pub fn issuer(&self) -> &str {
                &self.info.issuer
            }

            /// The serial number in decimal: the second half of what the SN hashes.
            pub fn serial_number(&self) -> &str {
                &self.info.serial
            }

            /// The certificate as DER.
            pub fn der(&self) -> &[u8] {
                &self.info.der
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("sn", &self.info.sn)
                    .field("subject_cn", &self.info.subject_cn)
                    .finish()
            }
        }
    };
}

single_certificate_common!(AppCertificate, KeyRole::AppCertificate);
single_certificate_common!(AlipayCertificate, KeyRole::AlipayCertificate);

impl AppCertificate {
    /// The application's public key inside the certificate (what Alipay verifies requests with).
    pub fn public_key(&self) -> AppPublicKey {
        self.public_key.clone()
    }
}

impl AlipayCertificate {
    /// Alipay's public key inside the certificate: verifies responses and notifications.
    pub fn public_key(&self) -> &AlipayPublicKey {
        &self.public_key
    }
}

/// Builds the role's key type from the certificate's SubjectPublicKeyInfo (already known to be
/// `rsaEncryption`).
trait FromCertKey: Sized {
    fn from_cert_spki(spki: &[u8]) -> Result<Self, KeyError>;
}

impl FromCertKey for AppPublicKey {
    fn from_cert_spki(spki: &[u8]) -> Result<Self, KeyError> {
        RsaPublicKey::from_public_key_der(spki)
            .map(|k| AppPublicKey(crypto::PublicKey::new(k)))
            .map_err(|e| {
                KeyError::new(
                    KeyRole::AppCertificate,
                    format!("the certificate's RSA public key is malformed ({e})"),
                )
            })
    }
}

impl FromCertKey for AlipayPublicKey {
    fn from_cert_spki(spki: &[u8]) -> Result<Self, KeyError> {
        AlipayPublicKey::from_spki_der(spki)
    }
}

impl AlipayRootCertificate {
    /// Loads the root bundle from PEM text (blocks with or without blank lines between them,
    /// CRLF or LF) or the bare base64 of one DER certificate.
    pub fn from_pem(text: &str) -> Result<Self, KeyError> {
        load_root(&text_blocks(KeyRole::AlipayRootCertificate, text)?)
    }

    /// Loads the root bundle from the bytes of `alipayRootCert.crt`: PEM text, or one DER
    /// certificate.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        load_root(&byte_blocks(KeyRole::AlipayRootCertificate, bytes)?)
    }

    /// The root SN (`alipay_root_cert_sn`): the SNs of the RSA-family certificates, in file
    /// order, joined with `_`.
    pub fn sn(&self) -> &str {
        &self.sn
    }
}

impl fmt::Debug for AlipayRootCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AlipayRootCertificate")
            .field("sn", &self.sn)
            .field("subject_cns", &self.counted)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Loading

/// Splits certificate text into DER blocks, with certificate-specific messages for the common
/// mistakes that [`decode_blocks`] cannot name.
fn text_blocks(role: KeyRole, text: &str) -> Result<Vec<Block>, KeyError> {
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
fn byte_blocks(role: KeyRole, bytes: &[u8]) -> Result<Vec<Block>, KeyError> {
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

fn load_single<K: FromCertKey>(role: KeyRole, blocks: &[Block]) -> Result<(CertInfo, K), KeyError> {
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

fn load_root(blocks: &[Block]) -> Result<AlipayRootCertificate, KeyError> {
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
    })
}

fn parse_certificate<'a>(
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

/// Total length the outer DER header announces, if readable.
fn der_declared_len(der: &[u8]) -> Option<usize> {
    let (_, header_len, content_len) = der_header(der)?;
    Some(header_len + content_len)
}

/// `(tag, header length, content length)` of the DER element at the start of `der`; definite
/// lengths only, single-byte tags only (enough for a certificate's outer structure).
fn der_header(der: &[u8]) -> Option<(u8, usize, usize)> {
    let tag = *der.first()?;
    let first = *der.get(1)? as usize;
    if first < 0x80 {
        return Some((tag, 2, first));
    }
    let n = first & 0x7f;
    if n == 0 || n > 4 {
        return None;
    }
    let bytes = der.get(2..2 + n)?;
    let len = bytes.iter().fold(0usize, |acc, &b| (acc << 8) | b as usize);
    Some((tag, 2 + n, len))
}

/// Splits off one complete DER element: `(tag, content, rest)`.
fn der_element(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (tag, header, len) = der_header(der)?;
    let end = header.checked_add(len)?;
    let content = der.get(header..end)?;
    Some((tag, content, der.get(end..)?))
}

/// The DER content of the certificate's outer `signatureAlgorithm` OID, read from the
/// Certificate SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue } without parsing
/// the to-be-signed part.
fn signature_algorithm(der: &[u8]) -> Result<&[u8], String> {
    const SEQUENCE: u8 = 0x30;
    let (tag, body, rest) = der_element(der)
        .ok_or_else(|| "the outer DER element is unreadable or truncated".to_string())?;
    if tag != SEQUENCE {
        return Err("it does not start with a SEQUENCE".to_string());
    }
    if !rest.is_empty() {
        return Err(format!(
            "{} unexpected bytes after the certificate (several DER certificates in one file? use PEM)",
            rest.len()
        ));
    }
    let (tag, _tbs, body) =
        der_element(body).ok_or_else(|| "unreadable tbsCertificate".to_string())?;
    if tag != SEQUENCE {
        return Err("no tbsCertificate SEQUENCE".to_string());
    }
    let (tag, algorithm, body) =
        der_element(body).ok_or_else(|| "unreadable signatureAlgorithm".to_string())?;
    if tag != SEQUENCE {
        return Err("no signatureAlgorithm SEQUENCE".to_string());
    }
    let (tag, signature, body) =
        der_element(body).ok_or_else(|| "unreadable signatureValue".to_string())?;
    if tag != 0x03 || signature.is_empty() || !body.is_empty() {
        return Err("no signatureValue BIT STRING at the end".to_string());
    }
    match der_element(algorithm) {
        Some((0x06, oid, _)) if !oid.is_empty() => Ok(oid),
        _ => Err("the signatureAlgorithm has no OID".to_string()),
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

fn cert_info(
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

fn common_name(name: &X509Name<'_>) -> Option<String> {
    name.iter_common_name()
        .next()
        .map(|cn| String::from_utf8_lossy(cn.attr_value().data).into_owned())
}

// ---------------------------------------------------------------------------------------------
// The SN, as Java computes it

/// `hex(md5(utf8(issuer + serial)))`.
fn sn_of(issuer: &str, serial: &str) -> String {
    let mut md5 = Md5::new();
    md5.update(issuer.as_bytes());
    md5.update(serial.as_bytes());
    md5.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The certificate SN of one DER certificate, for callers holding raw DER (e.g. a certificate
/// downloaded with `alipay.open.app.alipaycert.download`).
#[allow(dead_code)]
pub(crate) fn cert_sn(role: KeyRole, der: &[u8]) -> Result<String, KeyError> {
    let block = Block {
        label: None,
        der: Zeroizing::new(der.to_vec()),
    };
    let cert = parse_certificate(role, &block, "")?;
    Ok(cert_info(role, &cert, der, "")?.sn)
}

/// The name as JDK's `X500Principal.getName()` (RFC 2253) writes it.
fn java_rfc2253_name(name: &X509Name<'_>) -> String {
    let rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(java_rfc2253_ava)
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(",")
}

/// JDK `AVA.toRFC2253String`.
fn java_rfc2253_ava(ava: &AttributeTypeAndValue<'_>) -> String {
    let oid = oid_dotted(ava.attr_type().as_bytes());
    let keyword = match oid.as_str() {
        "2.5.4.3" => "CN",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.9" => "STREET",
        "0.9.2342.19200300.100.1.25" => "DC",
        "0.9.2342.19200300.100.1.1" => "UID",
        _ => oid.as_str(),
    };
    let value = ava.attr_value();
    // Java's `DerValue.tag` is the whole identifier octet: universal, primitive string types.
    let is_string = value.class() == Class::Universal
        && !value.header.is_constructed()
        && matches!(value.tag().0, 0x0c | 0x13 | 0x14 | 0x16 | 0x1b | 0x1e);
    if keyword.starts_with(|c: char| c.is_ascii_digit()) || !is_string {
        let der = encode_der(
            value.class() as u8,
            value.header.is_constructed(),
            value.tag().0,
            value.data,
        );
        let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
        format!("{keyword}=#{hex}")
    } else {
        format!("{keyword}={}", java_rfc2253_value(value.data))
    }
}

/// The string branch of JDK `AVA.toRFC2253String`: bytes read as UTF-8 whatever the string type
/// (JDK 8 to 21; JDK 25 decodes BMPString and T61String by type, which Alipay's CAs never use).
fn java_rfc2253_value(data: &[u8]) -> String {
    let mut chars = Vec::with_capacity(data.len());
    for c in String::from_utf8_lossy(data).chars() {
        match c {
            ',' | '=' | '+' | '<' | '>' | '#' | ';' | '"' | '\\' => chars.extend(['\\', c]),
            '\0' => chars.extend(['\\', '0', '0']),
            c => chars.push(c),
        }
    }
    let blank = |c: &&char| **c == ' ' || **c == '\r';
    let lead = chars.iter().take_while(blank).count();
    let trail_start = chars.len() - chars.iter().rev().take_while(blank).count();
    let mut out = String::with_capacity(chars.len() + 4);
    for (i, c) in chars.into_iter().enumerate() {
        if i < lead || i >= trail_start {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// DER identifier and minimal length octets followed by `content`.
fn encode_der(class: u8, constructed: bool, tag: u32, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 8);
    let first = (class << 6) | if constructed { 0x20 } else { 0 };
    if tag < 31 {
        out.push(first | tag as u8);
    } else {
        out.push(first | 0x1f);
        let mut groups = vec![(tag & 0x7f) as u8];
        let mut rest = tag >> 7;
        while rest > 0 {
            groups.push(0x80 | (rest & 0x7f) as u8);
            rest >>= 7;
        }
        out.extend(groups.iter().rev());
    }
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// The dotted form of a DER OID's content, arcs of any size (as Java's `ObjectIdentifier`).
fn oid_dotted(content: &[u8]) -> String {
    let mut arcs: Vec<Vec<u32>> = Vec::new();
    let mut current: Vec<u32> = Vec::new();
    for &b in content {
        current.push(u32::from(b & 0x7f));
        if b & 0x80 == 0 {
            arcs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        arcs.push(current); // truncated last arc: shown as read
    }
    let mut out = Vec::with_capacity(arcs.len() + 1);
    for (i, groups) in arcs.iter().enumerate() {
        if i == 0 {
            // The first subidentifier packs two arcs: 40 * first + second.
            let value = groups.iter().try_fold(0u128, |acc, g| {
                acc.checked_mul(128)?.checked_add(u128::from(*g))
            });
            match value {
                Some(v) if v < 80 => {
                    out.push((v / 40).to_string());
                    out.push((v % 40).to_string());
                }
                Some(v) => {
                    out.push("2".into());
                    out.push((v - 80).to_string());
                }
                None => {
                    out.push("2".into());
                    out.push(format!("?{}", decimal(groups.iter().copied(), 128)));
                }
            }
        } else {
            out.push(decimal(groups.iter().copied(), 128));
        }
    }
    out.join(".")
}

/// Java `new BigInteger(bytes).toString()`: two's complement, big-endian. `None` when empty.
fn java_big_integer(bytes: &[u8]) -> Option<String> {
    let first = *bytes.first()?;
    if first & 0x80 == 0 {
        return Some(decimal(bytes.iter().map(|b| u32::from(*b)), 256));
    }
    // Negative: magnitude = two's complement (invert, add one).
    let mut magnitude: Vec<u8> = bytes.iter().map(|b| !b).collect();
    for b in magnitude.iter_mut().rev() {
        let (v, overflow) = b.overflowing_add(1);
        *b = v;
        if !overflow {
            break;
        }
    }
    Some(format!(
        "-{}",
        decimal(magnitude.iter().map(|b| u32::from(*b)), 256)
    ))
}

/// Decimal digits of the unsigned number whose big-endian digits in base `radix` are given.
fn decimal(digits: impl IntoIterator<Item = u32>, radix: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = Vec::new(); // little-endian, base 10^9
    for d in digits {
        let mut carry = u64::from(d);
        for limb in limbs.iter_mut() {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    let mut out = match limbs.last() {
        Some(top) => top.to_string(),
        None => return "0".into(),
    };
    for limb in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{limb:09}"));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::keys::{B64, pem_wrap};
    use crate::sign::SignType;
    use base64::Engine;
    use x509_parser::prelude::FromDer;

    const REAL_APP: &str =
        include_str!("../testdata/alipay-certs/appCertPublicKey_2021001161683774.crt");
    const REAL_ALIPAY: &str = include_str!("../testdata/alipay-certs/alipayCertPublicKey_RSA2.crt");
    const REAL_ROOT: &str = include_str!("../testdata/alipay-certs/alipayRootCert.crt");

    const SYN_APP: &str =
        include_str!("../testdata/synthetic-certs/appCertPublicKey_2021000000000001.crt");
    const SYN_ALIPAY: &str =
        include_str!("../testdata/synthetic-certs/alipayCertPublicKey_RSA2.crt");
    const SYN_ROOT: &str = include_str!("../testdata/synthetic-certs/alipayRootCert.crt");
    const SYN_ROOT_EC: &str = include_str!("../testdata/synthetic-certs/root-ec.crt");
    const SYN_ROOT_PSS: &str = include_str!("../testdata/synthetic-certs/root-pss.crt");

    /// Computed independently: JDK 17 and 25 (`tools/CertSn.java`) and Python
    /// (`tools/expected_sn.py`); see testdata/synthetic-certs/README.md.
    const SYN_ROOT_SN: &str = "18c9add242c8afa3e115caaff6ff3444_1c34b07e0d5d698ca0f6c7f1cdfd137d_1958d64758c1164d26720978c74c8d92";

    #[test]
    fn real_app_cert_sn_is_the_known_answer() {
        let c = AppCertificate::from_pem(REAL_APP).unwrap();
        assert_eq!(c.sn(), "866efef280dec9137a87d047ac446315");
        assert_eq!(
            c.issuer(),
            "CN=Ant Financial Certification Authority Class 1 R1,OU=Certification Authority,O=Ant Financial,C=CN"
        );
        assert_eq!(c.subject_cn(), Some("2088831204659217-2021001161683774"));
    }

    #[test]
    fn real_alipay_cert_sn_and_public_key_are_the_known_answers() {
        let c = AlipayCertificate::from_pem(REAL_ALIPAY).unwrap();
        assert_eq!(c.sn(), "7513daaaa48aa3ba2e4018d84402479c");
        assert_eq!(
            c.public_key().to_base64(),
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhoVesfcGvUv1XvUndmX0rmSZ/2posJBCooySbSVFpV79RtHMzrVz2aKkC3WvOXeT5iNeQK4mK8gp3vNkWrHTkQGx5BcmkeO1WS384CQde7dAS0gmxeFs5bs+cCQqV2A2c2R9/5rJMtFtp1Ot/rIiMBUn6Ei0UoztM7AneavqQEzSwYlCKNhPFFtHCiz7u4O5R9CIyvUmYr+zpem2HXBN9ygPAZ0aXBQipGbc45+G07ZCNsmY4hV/Igya1aBf+Ye8p10Ew8uBBri0sIknhSC2LqKKy2IH1fO6q1d1jhN240QRHvbpRNv60kAfZsEulBASBrCMBi49NiJyr5nre7SNywIDAQAB"
        );
        // The same certificate as DER bytes and as bare base64.
        let der = c.der().to_vec();
        assert_eq!(AlipayCertificate::from_bytes(&der).unwrap().sn(), c.sn());
        assert_eq!(
            AlipayCertificate::from_pem(&B64.encode(&der)).unwrap().sn(),
            c.sn()
        );
        assert_eq!(cert_sn(KeyRole::AlipayCertificate, &der).unwrap(), c.sn());
    }

    #[test]
    fn real_root_bundle_counts_only_rsa_roots_in_file_order() {
        let r = AlipayRootCertificate::from_pem(REAL_ROOT).unwrap();
        assert_eq!(
            r.sn(),
            "687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6"
        );
        assert_eq!(
            AlipayRootCertificate::from_bytes(REAL_ROOT.as_bytes())
                .unwrap()
                .sn(),
            r.sn()
        );
    }

    #[test]
    fn synthetic_root_bundle_counts_pss_sha256_sha1_and_skips_ecdsa() {
        let r = AlipayRootCertificate::from_pem(SYN_ROOT).unwrap();
        assert_eq!(r.sn(), SYN_ROOT_SN);
        let shown = format!("{r:?}");
        assert!(
            shown.contains("Root PSS") && !shown.contains("ECDSA"),
            "{shown}"
        );
        // One certificate alone, as PEM and as DER.
        let pss = AlipayRootCertificate::from_pem(SYN_ROOT_PSS).unwrap();
        assert_eq!(pss.sn(), &SYN_ROOT_SN[..32]);
        let der = B64
            .decode(
                SYN_ROOT_PSS
                    .lines()
                    .filter(|l| !l.starts_with("-----"))
                    .collect::<String>(),
            )
            .unwrap();
        assert_eq!(
            AlipayRootCertificate::from_bytes(&der).unwrap().sn(),
            pss.sn()
        );
    }

    #[test]
    fn root_skips_non_rsa_certificates_before_parsing_them() {
        // Wreck the inside of the ECDSA root's tbsCertificate, keeping the outer structure:
        // it must be skipped on its signature algorithm alone.
        let blocks = decode_blocks(KeyRole::AlipayRootCertificate, SYN_ROOT).unwrap();
        let mut text = String::new();
        for b in &blocks {
            let mut der = b.der.to_vec();
            if signature_algorithm(&der).map(|o| o.starts_with(PKCS1_ARC)) == Ok(false) {
                let (_, outer_header, _) = der_header(&der).unwrap();
                let (_, tbs_header, tbs_len) = der_header(&der[outer_header..]).unwrap();
                let start = outer_header + tbs_header;
                der[start..start + tbs_len].fill(0xff);
                assert!(x509_parser::parse_x509_certificate(&der).is_err());
            }
            text.push_str(&pem_wrap("CERTIFICATE", &der));
        }
        assert_eq!(
            AlipayRootCertificate::from_pem(&text).unwrap().sn(),
            SYN_ROOT_SN
        );

        let e = AlipayRootCertificate::from_pem(SYN_ROOT_EC).unwrap_err();
        assert_eq!(e.role, KeyRole::AlipayRootCertificate);
        assert!(
            e.to_string().contains("none of the 1 certificate(s)")
                && e.to_string()
                    .contains("ECDSA-with-SHA256 (1.2.840.10045.4.3.2)"),
            "{e}"
        );
    }

    #[test]
    fn synthetic_app_cert_with_odd_issuer_matches_java() {
        let c = AppCertificate::from_pem(SYN_APP).unwrap();
        // Exactly what JDK 17 and 25 print for getIssuerX500Principal().getName(): the
        // multi-valued RDN in encoding order, '=' and '#' escaped anywhere, leading and
        // trailing spaces escaped, emailAddress and serialNumber as OID=#hex.
        assert_eq!(
            c.issuer(),
            r#"2.5.4.5=#1305534e2d3432,1.2.840.113549.1.9.1=#160e6361406578616d706c652e636f6d,CN=\ Odd CA 测试\ ,OU=\#hash a\\b,OU=Payments+UID=ops,O=Example\, Inc. \+ Co\; \"Pay\" \<Test\>\=x,L=Hang Zhou,ST=Zhe Jiang,C=CN,DC=example,DC=com"#
        );
        // 0x80a1b2c3d4e5f60718293a4b5c6d7e8f, DER-encoded with a leading 0x00.
        assert_eq!(c.serial_number(), "170980769038983307186601892902341541519");
        assert_eq!(c.sn(), "b8f587915aa19d3c55608fc9fe3fd985");
        assert_eq!(c.subject_cn(), Some("2021000000000001"));
        let expected =
            crate::keys::AppPublicKey::from_text(crate::keys::tests::TEST_APP_PUBLIC_SPKI).unwrap();
        assert_eq!(c.public_key().to_base64(), expected.to_base64());
    }

    #[test]
    fn synthetic_alipay_cert_key_is_the_test_gateway_key() {
        let c = AlipayCertificate::from_pem(SYN_ALIPAY).unwrap();
        assert_eq!(c.sn(), "24e3c3cc382f460928971becf41627c9");
        assert_eq!(c.serial_number(), "12648430");
        let gateway = crate::keys::GatewayPrivateKey::from_text(include_str!(
            "../testdata/gateway_private_pkcs8.pem"
        ))
        .unwrap();
        let sig = B64.decode(gateway.sign(SignType::Rsa2, b"a=1")).unwrap();
        assert!(c.public_key().verify(SignType::Rsa2, b"a=1", &sig));
    }

    #[test]
    fn crlf_and_unseparated_pem_blocks_load() {
        for (text, sn) in [
            (
                REAL_ROOT,
                "687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6",
            ),
            (SYN_ROOT, SYN_ROOT_SN),
        ] {
            let crlf = text.replace('\n', "\r\n");
            let packed: String = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| format!("{l}\r\n"))
                .collect();
            // END and BEGIN on the same line, and a UTF-8 BOM.
            let glued = format!(
                "\u{feff}{}",
                text.replace("-----\n-----BEGIN", "----------BEGIN")
            );
            for variant in [crlf, packed, glued] {
                let r = AlipayRootCertificate::from_pem(&variant)
                    .unwrap_or_else(|e| panic!("{e}: {variant:?}"));
                assert_eq!(r.sn(), sn);
                assert_eq!(
                    AlipayRootCertificate::from_bytes(variant.as_bytes())
                        .unwrap()
                        .sn(),
                    sn
                );
            }
        }
        let crlf = REAL_APP.replace('\n', "\r\n");
        assert_eq!(
            AppCertificate::from_bytes(crlf.as_bytes()).unwrap().sn(),
            "866efef280dec9137a87d047ac446315"
        );
    }

    #[test]
    fn wrong_material_in_a_certificate_slot_says_what_was_found() {
        use crate::keys::tests::{
            TEST_APP_PRIVATE_PKCS1, TEST_APP_PRIVATE_PKCS8, TEST_APP_PUBLIC_PKCS1,
            TEST_APP_PUBLIC_SPKI,
        };
        for key in [TEST_APP_PRIVATE_PKCS8, TEST_APP_PRIVATE_PKCS1] {
            let e = AppCertificate::from_pem(key).unwrap_err();
            assert_eq!(e.role, KeyRole::AppCertificate);
            assert!(e.to_string().contains("found an RSA private key"), "{e}");
            let e = AlipayRootCertificate::from_pem(key).unwrap_err();
            assert!(
                e.to_string().starts_with(
                    "Alipay root certificate: certificate 1 of 1: found an RSA private key"
                ),
                "{e}"
            );
        }
        for key in [TEST_APP_PUBLIC_SPKI, TEST_APP_PUBLIC_PKCS1] {
            let e = AlipayCertificate::from_pem(key).unwrap_err();
            assert_eq!(e.role, KeyRole::AlipayCertificate);
            assert!(e.to_string().contains("found a public key"), "{e}");
        }
        // A bundle where one certificate belongs.
        let e = AppCertificate::from_pem(REAL_ROOT).unwrap_err();
        assert!(
            e.to_string()
                .contains("found 4 PEM blocks (4 of them certificates)")
                && e.to_string().contains("AlipayRootCertificate"),
            "{e}"
        );
        // A non-RSA certificate.
        let e = AlipayCertificate::from_pem(SYN_ROOT_EC).unwrap_err();
        assert!(
            e.to_string()
                .contains("holds an EC (curve 1.2.840.10045.3.1.7) public key"),
            "{e}"
        );
        // A private key inside a root bundle.
        let mixed = format!("{SYN_ROOT_PSS}{TEST_APP_PRIVATE_PKCS8}");
        let e = AlipayRootCertificate::from_pem(&mixed).unwrap_err();
        assert!(
            e.to_string()
                .contains("certificate 2 of 2: found an RSA private key"),
            "{e}"
        );
        // Truncated certificate.
        let der = AlipayCertificate::from_pem(REAL_ALIPAY)
            .unwrap()
            .der()
            .to_vec();
        let e = AlipayCertificate::from_bytes(&der[..der.len() / 2]).unwrap_err();
        assert!(e.to_string().contains("truncated certificate"), "{e}");
        let e = AlipayRootCertificate::from_bytes(&der[..der.len() / 2]).unwrap_err();
        assert!(e.to_string().contains("truncated certificate"), "{e}");
        // Two DER certificates back to back.
        let twice = [der.clone(), der.clone()].concat();
        let e = AlipayCertificate::from_bytes(&twice).unwrap_err();
        assert!(e.to_string().contains("unexpected bytes after"), "{e}");
        // A file path instead of the content.
        let e = AppCertificate::from_pem("/etc/alipay/appCertPublicKey_2021.crt").unwrap_err();
        assert!(e.to_string().contains("looks like a file path"), "{e}");
        // Junk never panics and always names the role.
        for junk in [
            "",
            "  \r\n",
            "hello",
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
            "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----",
            "MA==",
            "MAA=",
        ] {
            assert!(AppCertificate::from_pem(junk).is_err(), "{junk:?}");
            let e = AlipayRootCertificate::from_pem(junk).unwrap_err();
            assert!(
                e.to_string().starts_with("Alipay root certificate: "),
                "{e}"
            );
        }
        for junk in [
            &b""[..],
            b"\x30",
            b"\x30\x80",
            b"\xff\xfe\x00",
            b"\x30\x84\xff\xff\xff\xff",
        ] {
            assert!(AlipayCertificate::from_bytes(junk).is_err(), "{junk:?}");
            assert!(AlipayRootCertificate::from_bytes(junk).is_err(), "{junk:?}");
        }
    }

    #[test]
    fn debug_shows_only_sn_and_subject_cn() {
        let c = AlipayCertificate::from_pem(SYN_ALIPAY).unwrap();
        assert_eq!(
            format!("{c:?}"),
            r#"AlipayCertificate { sn: "24e3c3cc382f460928971becf41627c9", subject_cn: Some("alipay-rs test gateway") }"#
        );
        let a = AppCertificate::from_pem(SYN_APP).unwrap().clone();
        assert_eq!(
            format!("{a:?}"),
            r#"AppCertificate { sn: "b8f587915aa19d3c55608fc9fe3fd985", subject_cn: Some("2021000000000001") }"#
        );
    }

    /// Names built by hand (`tools/names.py`) with the exact text JDK 17 prints for
    /// `new X500Principal(der).getName()` (`tools/NameOf.java`). JDK 25 differs only for the
    /// BMPString (`O=AB`) and T61String (`L=café`) cases, which it decodes by type.
    const JDK_NAME_CASES: &[(&str, &str)] = &[
        (
            "301b310b300906035504061302434e310c300a06035504031203313233",
            "CN=#1203313233,C=CN",
        ),
        ("300f310d300b060355040a1e0400410042", "O=\\00A\\00B"),
        ("300d310b3009060355040b0c022020", "OU=\\ \\ "),
        (
            "301b310b300906035504030c02610d310c300a06035504030c03780079",
            "CN=x\\00y,CN=a\\\r",
        ),
        ("300f310d300b06035504071404636166e9", "L=caf\u{fffd}"),
        ("300d310b300906035504061a02434e", "C=#1a02434e"),
        (
            "3021310a300806038837010c017631133011060c2a03828080808080808080000c0177",
            "1.2.3.18446744073709551616=#0c0177,2.999.1=#0c0176",
        ),
        (
            "30163114300806035504030c016230080603550406130161",
            "CN=b+C=a",
        ),
        ("300f310d300b06035504031c0400000041", "CN=#1c0400000041"),
        (
            "3011310f300d06035504030c06fffe6f6be282",
            "CN=\u{fffd}\u{fffd}ok\u{fffd}",
        ),
        (
            "302b31123010060a0992268993f22c640119160223783115301306035504090c0c2031204d61696e2053742020",
            "STREET=\\ 1 Main St\\ \\ ,DC=\\#x",
        ),
        (
            "30173115301306035504030c0c0d20613d622c20632b64200d",
            "CN=\\\r\\ a\\=b\\, c\\+d\\ \\\r",
        ),
        ("3000", ""),
        ("300e310c300a0603550408a0030c0178", "ST=#a0030c0178"),
        (
            "30343132303006035504030c29e694afe4bb98e5ae9d28e4b8ade59bbd29e7bd91e7bb9ce68a80e69cafe69c89e99990e585ace58fb8",
            "CN=支付宝(中国)网络技术有限公司",
        ),
        (
            "30163114301206035504030c0b74616209686572650a6e6c",
            "CN=tab\there\nnl",
        ),
    ];

    #[test]
    fn issuer_names_are_written_as_jdk_writes_them() {
        for (hex, expected) in JDK_NAME_CASES {
            let der: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect();
            let (rest, name) = X509Name::from_der(&der).unwrap();
            assert!(rest.is_empty());
            assert_eq!(java_rfc2253_name(&name), *expected, "{hex}");
        }
    }

    #[test]
    fn serial_numbers_are_printed_as_java_big_integers() {
        for (bytes, expected) in [
            (&[0x00][..], "0"),
            (&[0x01], "1"),
            (&[0x7f], "127"),
            (&[0x00, 0x80], "128"),
            (&[0x01, 0x00], "256"),
            (&[0xff], "-1"),
            (&[0x80], "-128"),
            (&[0xff, 0x7f], "-129"),
            (
                &[0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
                "-9223372036854775808",
            ),
            (
                &[
                    0x00, 0x80, 0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x18, 0x29, 0x3a, 0x4b,
                    0x5c, 0x6d, 0x7e, 0x8f,
                ],
                "170980769038983307186601892902341541519",
            ),
        ] {
            assert_eq!(
                java_big_integer(bytes).as_deref(),
                Some(expected),
                "{bytes:02x?}"
            );
        }
        assert_eq!(java_big_integer(&[]), None);
        assert_eq!(
            oid_dotted(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a]),
            "1.2.840.113549.1.1.10"
        );
        assert_eq!(oid_dotted(&[0x88, 0x37, 0x01]), "2.999.1");
    }
}
