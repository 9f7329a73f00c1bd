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

mod chain;
mod der;
mod load;
mod sn;

use std::fmt;
use std::sync::Arc;

use rsa::RsaPublicKey;
use rsa::pkcs8::DecodePublicKey;

use crate::crypto;
use crate::error::{KeyError, KeyRole};
use crate::keys::{AlipayPublicKey, AppPublicKey, Block};

use load::{byte_blocks, load_root, load_single, text_blocks};

#[allow(unused_imports)]
pub(crate) use sn::cert_sn;

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
    /// Every certificate of the bundle (DER), the issuers a downloaded certificate may chain
    /// to.
    ders: Arc<[Vec<u8>]>,
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
