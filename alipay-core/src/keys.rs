//! Keys, one type per role, so an Alipay public key can never be passed where the app's
//! private key belongs (the most common integration failure).
//!
//! Every constructor accepts PEM (`PRIVATE KEY`, `RSA PRIVATE KEY`, `PUBLIC KEY`,
//! `RSA PUBLIC KEY`) and the bare base64 the Alipay key tool and console show, and detects the
//! encoding from the DER itself (so a PKCS#8 body under an `RSA PRIVATE KEY` label, as Node
//! users often produce, still loads). Anything else is a [`KeyError`] naming the role and what
//! was found. Keys are parsed once, here; signing never re-parses.

use std::fmt;
use std::sync::Arc;

use base64::Engine;
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};
use zeroize::Zeroizing;

use crate::crypto;
use crate::error::{KeyError, KeyRole};
use crate::sign::SignType;

/// Base64 as Alipay and the official SDKs write it: standard alphabet, padded.
pub(crate) const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// Lenient decoding for keys and certificates typed or pasted by people: padding optional.
const B64_LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

/// One PEM block or the bare base64, decoded.
pub(crate) struct Block {
    pub(crate) label: Option<String>,
    pub(crate) der: Zeroizing<Vec<u8>>,
}

/// Splits key or certificate text into DER blocks: every PEM block in order, or, without any
/// `-----BEGIN` line, the whole text as bare base64.
pub(crate) fn decode_blocks(role: KeyRole, text: &str) -> Result<Vec<Block>, KeyError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(KeyError::new(role, "the key text is empty"));
    }
    if !text.contains("-----BEGIN") {
        if text.contains("-----END") {
            return Err(KeyError::new(
                role,
                "truncated PEM: an -----END line without its -----BEGIN line",
            ));
        }
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '"')
            .collect();
        let der = B64_LENIENT.decode(compact.as_bytes()).map_err(|e| {
            KeyError::new(
                role,
                format!("neither PEM nor base64 ({e}); expected PEM or the bare base64 from the Alipay console"),
            )
        })?;
        return Ok(vec![Block {
            label: None,
            der: Zeroizing::new(der),
        }]);
    }
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + "-----BEGIN ".len()..];
        let Some(label_end) = after.find("-----") else {
            return Err(KeyError::new(
                role,
                "truncated PEM: unterminated BEGIN line",
            ));
        };
        let label = after[..label_end].trim().to_string();
        let body_and_rest = &after[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = body_and_rest.find(&end_marker) else {
            return Err(KeyError::new(
                role,
                format!("truncated PEM: \"-----BEGIN {label}-----\" has no matching END line"),
            ));
        };
        let body = &body_and_rest[..end];
        if body.contains("Proc-Type:") || label == "ENCRYPTED PRIVATE KEY" {
            return Err(KeyError::new(
                role,
                "found a password-protected key; decrypt it first (openssl pkcs8 -topk8 -nocrypt)",
            ));
        }
        let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        let der = B64_LENIENT.decode(compact.as_bytes()).map_err(|e| {
            KeyError::new(
                role,
                format!("the base64 inside \"{label}\" is corrupt or truncated ({e})"),
            )
        })?;
        blocks.push(Block {
            label: Some(label),
            der: Zeroizing::new(der),
        });
        rest = &body_and_rest[end + end_marker.len()..];
    }
    Ok(blocks)
}

/// What a DER blob turned out to be.
enum Material {
    Private {
        key: Box<RsaPrivateKey>,
        pkcs8: bool,
    },
    Public(RsaPublicKey),
    Certificate,
    Other(String),
}

/// Identifies DER by structure, not by label. Truncation is reported as such.
fn classify(der: &[u8]) -> Material {
    if let Ok(key) = RsaPrivateKey::from_pkcs8_der(der) {
        return Material::Private {
            key: Box::new(key),
            pkcs8: true,
        };
    }
    if let Ok(key) = RsaPrivateKey::from_pkcs1_der(der) {
        return Material::Private {
            key: Box::new(key),
            pkcs8: false,
        };
    }
    if let Ok(key) = RsaPublicKey::from_public_key_der(der) {
        return Material::Public(key);
    }
    if let Ok(key) = RsaPublicKey::from_pkcs1_der(der) {
        return Material::Public(key);
    }
    if x509_parser::parse_x509_certificate(der).is_ok() {
        return Material::Certificate;
    }
    if let Some(what) = non_rsa_kind(der) {
        return Material::Other(what);
    }
    Material::Other(match der_declared_len(der) {
        Some(declared) if declared > der.len() => format!(
            "truncated data: the DER header announces {declared} bytes but only {} are present",
            der.len()
        ),
        _ => format!(
            "{} bytes that are not an RSA key or a certificate",
            der.len()
        ),
    })
}

/// Recognises well-formed keys of other algorithms, to say so instead of "corrupt".
fn non_rsa_kind(der: &[u8]) -> Option<String> {
    use rsa::pkcs8::der::Decode;
    if let Ok(info) = rsa::pkcs8::PrivateKeyInfo::from_der(der) {
        return Some(format!(
            "a non-RSA private key (algorithm {}); Alipay keys are RSA",
            info.algorithm.oid
        ));
    }
    if let Ok(spki) = rsa::pkcs8::spki::SubjectPublicKeyInfoRef::from_der(der) {
        return Some(format!(
            "a non-RSA public key (algorithm {}); Alipay keys are RSA",
            spki.algorithm.oid
        ));
    }
    None
}

/// Total length a DER SEQUENCE header announces, if the header itself is readable.
fn der_declared_len(der: &[u8]) -> Option<usize> {
    if der.len() < 2 || der[0] != 0x30 {
        return None;
    }
    let first = der[1] as usize;
    if first < 0x80 {
        return Some(2 + first);
    }
    let n = first & 0x7f;
    if n == 0 || n > 4 || der.len() < 2 + n {
        return None;
    }
    let len = der[2..2 + n]
        .iter()
        .fold(0usize, |acc, &b| (acc << 8) | b as usize);
    Some(2 + n + len)
}

fn single_block(role: KeyRole, text: &str) -> Result<Block, KeyError> {
    let mut blocks = decode_blocks(role, text)?;
    match blocks.len() {
        0 => Err(KeyError::new(role, "no PEM block found")),
        1 => Ok(blocks.remove(0)),
        n => Err(KeyError::new(
            role,
            format!("found {n} PEM blocks (a bundle?); expected exactly one key"),
        )),
    }
}

fn load_private(role: KeyRole, text: &str) -> Result<crypto::PrivateKey, KeyError> {
    let block = single_block(role, text)?;
    match classify(&block.der) {
        Material::Private { key, pkcs8 } => {
            if key.size() * 8 < 1024 {
                return Err(KeyError::new(
                    role,
                    format!("RSA key of {} bits is too small", key.size() * 8),
                ));
            }
            Ok(crypto::PrivateKey::new(&block.der, pkcs8, *key))
        }
        Material::Public(_) => Err(KeyError::new(
            role,
            "found a public key where the private key belongs (swapped keys?)",
        )),
        Material::Certificate => Err(KeyError::new(
            role,
            "found a certificate where the private key belongs",
        )),
        Material::Other(what) => Err(KeyError::new(role, format!("found {what}"))),
    }
}

fn load_public(role: KeyRole, text: &str) -> Result<crypto::PublicKey, KeyError> {
    let block = single_block(role, text)?;
    match classify(&block.der) {
        Material::Public(key) => Ok(crypto::PublicKey::new(key)),
        Material::Private { .. } => Err(KeyError::new(
            role,
            "found a private key where a public key belongs (swapped keys?); never share a private key",
        )),
        Material::Certificate => Err(KeyError::new(
            role,
            "found a certificate; load it as a certificate (certificate mode) instead",
        )),
        Material::Other(what) => Err(KeyError::new(role, format!("found {what}"))),
    }
}

/// A short, non-secret identification of a public key for messages: the part of the SPKI
/// base64 that differs between keys, and a SHA-256 fingerprint.
fn describe_public(role: KeyRole, key: &crypto::PublicKey) -> String {
    let b64 = B64.encode(key.spki_der());
    // RSA SPKIs share a 44-character prefix; what follows identifies the key to a human
    // comparing it with the console.
    let middle = b64.get(44..60).unwrap_or(&b64);
    let tail = b64.get(b64.len().saturating_sub(14)..).unwrap_or("");
    format!(
        "{role} {middle}…{tail} (RSA-{}, sha256 {})",
        key.bits(),
        &crypto::sha256_hex(key.spki_der())[..16]
    )
}

macro_rules! private_key_role {
    ($(#[$doc:meta])* $name:ident, $role:expr, $public:ident) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name(Arc<crypto::PrivateKey>);

        impl $name {
            /// Loads the key from PEM (PKCS#1 or PKCS#8) or bare base64.
            pub fn from_text(text: &str) -> Result<Self, KeyError> {
                load_private($role, text).map(|k| $name(Arc::new(k)))
            }

            /// Signs `message` (the charset-encoded sign content) and returns standard base64.
            pub fn sign(&self, sign_type: SignType, message: &[u8]) -> String {
                B64.encode(self.0.sign(sign_type, message))
            }

            /// Signs with the pure-Rust `rsa` backend regardless of the key, for benchmarks
            /// and cross-checks. Not constant-time (RUSTSEC-2023-0071): do not use in servers.
            #[doc(hidden)]
            pub fn sign_with_rustcrypto(&self, sign_type: SignType, message: &[u8]) -> String {
                B64.encode(self.0.sign_rustcrypto(sign_type, message))
            }

            /// The matching public key.
            pub fn public_key(&self) -> $public {
                $public(self.0.public().clone())
            }

            /// Modulus size in bits.
            pub fn bits(&self) -> usize {
                self.0.bits()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // Only public facts: the private key never reaches a log.
                write!(f, "{}(RSA-{}, public {})", stringify!($name), self.0.bits(),
                    &crypto::sha256_hex(self.0.public().spki_der())[..16])
            }
        }
    };
}

macro_rules! public_key_role {
    ($(#[$doc:meta])* $name:ident, $role:expr) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name(pub(crate) crypto::PublicKey);

        impl $name {
            /// Loads the key from PEM (SPKI `PUBLIC KEY` or PKCS#1 `RSA PUBLIC KEY`) or bare base64.
            pub fn from_text(text: &str) -> Result<Self, KeyError> {
                load_public($role, text).map($name)
            }

            /// Whether `signature` (raw bytes) signs `message` with exactly `sign_type`'s hash.
            pub fn verify(&self, sign_type: SignType, message: &[u8], signature: &[u8]) -> bool {
                self.0.verify(sign_type, message, signature)
            }

            /// Verification with the pure-Rust `rsa` backend, for benchmarks and cross-checks.
            #[doc(hidden)]
            pub fn verify_with_rustcrypto(&self, sign_type: SignType, message: &[u8], signature: &[u8]) -> bool {
                self.0.verify_rustcrypto(sign_type, message, signature)
            }

            /// The key as X.509 SubjectPublicKeyInfo DER.
            pub fn spki_der(&self) -> &[u8] {
                self.0.spki_der()
            }

            /// The bare base64 SPKI, the form the Alipay console shows and asks for.
            pub fn to_base64(&self) -> String {
                B64.encode(self.0.spki_der())
            }

            /// SPKI PEM (`-----BEGIN PUBLIC KEY-----`).
            pub fn to_pem(&self) -> String {
                pem_wrap("PUBLIC KEY", self.0.spki_der())
            }

            /// A non-secret identification for messages and logs.
            pub fn describe(&self) -> String {
                describe_public($role, &self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.describe())
            }
        }
    };
}

private_key_role!(
    /// The application's RSA private key: signs every request. Never printed.
    AppPrivateKey,
    KeyRole::AppPrivateKey,
    AppPublicKey
);
#[cfg(any(test, feature = "gateway"))]
private_key_role!(
    /// The key a gateway signs responses and notifications with. Merchants never hold
    /// Alipay's; the local sandbox and tests use their own (cargo feature `gateway`).
    GatewayPrivateKey,
    KeyRole::GatewayPrivateKey,
    AlipayPublicKey
);
public_key_role!(
    /// The application's public key: what the gateway (or the sandbox) verifies requests with.
    AppPublicKey,
    KeyRole::AppPublicKey
);
public_key_role!(
    /// Alipay's public key ("支付宝公钥"): verifies responses and notifications.
    AlipayPublicKey,
    KeyRole::AlipayPublicKey
);

impl AlipayPublicKey {
    pub(crate) fn from_spki_der(der: &[u8]) -> Result<Self, KeyError> {
        RsaPublicKey::from_public_key_der(der)
            .map(|k| AlipayPublicKey(crypto::PublicKey::new(k)))
            .map_err(|e| {
                KeyError::new(
                    KeyRole::AlipayCertificate,
                    format!("the certificate's public key is not RSA ({e})"),
                )
            })
    }
}

/// A freshly generated RSA-2048 key pair, in every form the Alipay console and SDKs use.
pub struct GeneratedKeyPair {
    /// PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    pub private_pem: Zeroizing<String>,
    /// Bare base64 PKCS#8, what Alipay's key tool outputs.
    pub private_base64: Zeroizing<String>,
    /// SPKI PEM.
    pub public_pem: String,
    /// Bare base64 SPKI: paste this into the Alipay console ("应用公钥").
    pub public_base64: String,
}

impl fmt::Debug for GeneratedKeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GeneratedKeyPair")
            .field("public_base64", &self.public_base64)
            .finish_non_exhaustive()
    }
}

/// Generates a new RSA-2048 application key pair from the operating system's RNG.
pub fn generate_app_key_pair() -> Result<GeneratedKeyPair, KeyError> {
    let fail = |e: &dyn fmt::Display| {
        KeyError::new(
            KeyRole::AppPrivateKey,
            format!("key generation failed: {e}"),
        )
    };
    let key = RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).map_err(|e| fail(&e))?;
    let pkcs8 = key.to_pkcs8_der().map_err(|e| fail(&e))?;
    let spki = key
        .to_public_key()
        .to_public_key_der()
        .map_err(|e| fail(&e))?;
    Ok(GeneratedKeyPair {
        private_pem: Zeroizing::new(pem_wrap("PRIVATE KEY", pkcs8.as_bytes())),
        private_base64: Zeroizing::new(B64.encode(pkcs8.as_bytes())),
        public_pem: pem_wrap("PUBLIC KEY", spki.as_bytes()),
        public_base64: B64.encode(spki.as_bytes()),
    })
}

/// Binary DER as the bare base64 text every key constructor accepts.
pub fn der_to_text(der: &[u8]) -> String {
    B64.encode(der)
}

/// RFC 7468 PEM with 64-column lines.
pub(crate) fn pem_wrap(label: &str, der: &[u8]) -> String {
    let b64 = B64.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A committed 2048-bit test key (PKCS#8 PEM); never used outside tests.
    pub(crate) const TEST_APP_PRIVATE_PKCS8: &str =
        include_str!("../testdata/app_private_pkcs8.pem");
    pub(crate) const TEST_APP_PRIVATE_PKCS1: &str =
        include_str!("../testdata/app_private_pkcs1.pem");
    pub(crate) const TEST_APP_PUBLIC_SPKI: &str = include_str!("../testdata/app_public_spki.pem");
    pub(crate) const TEST_APP_PUBLIC_PKCS1: &str = include_str!("../testdata/app_public_pkcs1.pem");

    fn bare(pem: &str) -> String {
        pem.lines().filter(|l| !l.starts_with("-----")).collect()
    }

    #[test]
    fn every_private_key_format_loads_to_the_same_key() {
        let forms = [
            TEST_APP_PRIVATE_PKCS8.to_string(),
            TEST_APP_PRIVATE_PKCS1.to_string(),
            bare(TEST_APP_PRIVATE_PKCS8),
            bare(TEST_APP_PRIVATE_PKCS1),
            // PKCS#8 body under the PKCS#1 label, as Node users' keys often are.
            TEST_APP_PRIVATE_PKCS8.replace("PRIVATE KEY", "RSA PRIVATE KEY"),
            // CRLF line endings and indentation from a config file.
            TEST_APP_PRIVATE_PKCS1.replace('\n', "\r\n    "),
        ];
        let expected = AppPublicKey::from_text(TEST_APP_PUBLIC_SPKI)
            .unwrap()
            .to_base64();
        for f in &forms {
            let k = AppPrivateKey::from_text(f).unwrap_or_else(|e| panic!("{e}: {f}"));
            assert_eq!(k.public_key().to_base64(), expected);
            assert_eq!(k.bits(), 2048);
        }
    }

    #[test]
    fn every_public_key_format_loads() {
        for f in [
            TEST_APP_PUBLIC_SPKI.to_string(),
            TEST_APP_PUBLIC_PKCS1.to_string(),
            bare(TEST_APP_PUBLIC_SPKI),
            bare(TEST_APP_PUBLIC_PKCS1),
        ] {
            AlipayPublicKey::from_text(&f).unwrap_or_else(|e| panic!("{e}: {f}"));
        }
    }

    #[test]
    fn swapped_and_broken_keys_say_what_was_found() {
        let e = AppPrivateKey::from_text(TEST_APP_PUBLIC_SPKI).unwrap_err();
        assert_eq!(e.role, KeyRole::AppPrivateKey);
        assert!(e.to_string().contains("found a public key"), "{e}");

        let e = AlipayPublicKey::from_text(TEST_APP_PRIVATE_PKCS8).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("Alipay public key: found a private key"),
            "{e}"
        );

        let cert = include_str!("../testdata/alipay-certs/alipayCertPublicKey_RSA2.crt");
        let e = AppPrivateKey::from_text(cert).unwrap_err();
        assert!(e.to_string().contains("certificate"), "{e}");

        let root = include_str!("../testdata/alipay-certs/alipayRootCert.crt");
        let e = AlipayPublicKey::from_text(root).unwrap_err();
        assert!(e.to_string().contains("4 PEM blocks"), "{e}");

        let truncated: String = TEST_APP_PRIVATE_PKCS8
            .lines()
            .take(10)
            .collect::<Vec<_>>()
            .join("\n");
        let e = AppPrivateKey::from_text(&truncated).unwrap_err();
        assert!(e.to_string().contains("truncated PEM"), "{e}");

        let b = bare(TEST_APP_PRIVATE_PKCS8);
        let e = AppPrivateKey::from_text(&b[..b.len() / 2]).unwrap_err();
        assert!(e.to_string().contains("truncated"), "{e}");

        for junk in [
            "",
            "   \n",
            "hello world",
            "-----END PRIVATE KEY-----",
            "ÿÿÿ",
            "=",
            "MIIB",
        ] {
            assert!(AppPrivateKey::from_text(junk).is_err(), "{junk:?}");
            assert!(AlipayPublicKey::from_text(junk).is_err(), "{junk:?}");
        }
    }

    #[test]
    fn debug_never_shows_the_private_key() {
        let k = AppPrivateKey::from_text(TEST_APP_PRIVATE_PKCS8).unwrap();
        let shown = format!("{k:?}");
        assert!(shown.starts_with("AppPrivateKey(RSA-2048"), "{shown}");
        let secret_line = TEST_APP_PRIVATE_PKCS8.lines().nth(5).unwrap();
        assert!(!shown.contains(&secret_line[..20]));
    }

    #[test]
    fn signatures_verify_and_backends_agree() {
        let k = AppPrivateKey::from_text(TEST_APP_PRIVATE_PKCS1).unwrap();
        let p = k.public_key();
        for st in [SignType::Rsa2, SignType::Rsa] {
            let sig = k.sign(st, b"a=1&b=2");
            assert_eq!(sig.len(), 344);
            // PKCS#1 v1.5 is deterministic: both backends produce identical bytes.
            assert_eq!(sig, k.sign_with_rustcrypto(st, b"a=1&b=2"));
            let raw = B64.decode(&sig).unwrap();
            assert!(p.verify(st, b"a=1&b=2", &raw));
            assert!(p.verify_with_rustcrypto(st, b"a=1&b=2", &raw));
            assert!(!p.verify(st, b"a=1&b=3", &raw));
        }
        let sha1 = B64.decode(k.sign(SignType::Rsa, b"x")).unwrap();
        assert!(
            !p.verify(SignType::Rsa2, b"x", &sha1),
            "SHA-1 must not pass as RSA2"
        );
    }
}
