//! The sandbox's certificate authority for public-key-certificate mode (公钥证书模式).
//!
//! Like Alipay, the sandbox has a root CA (RSA-2048, `sha256WithRSAEncryption`: the client's
//! `alipay_root_cert_sn` only counts RSA-family roots), an "Alipay public-key certificate"
//! for the key that signs its certificate-mode answers and notifications, issued by that
//! root, and one app public-key certificate per registered app, also issued by the root, for
//! the app's own public key. A client loads the three as it would load
//! `alipayRootCert.crt`, `alipayCertPublicKey_RSA2.crt` and `appCertPublicKey_<app_id>.crt`.
//!
//! [`SandboxCertificates::rotate`] issues a new Alipay certificate for a new key under the
//! same root (what Alipay does when its certificate is renewed); every certificate ever
//! issued stays downloadable with `alipay.open.app.alipaycert.download`.
//!
//! Certificates are made with rcgen (ring backend, signing with the root's RSA key given as
//! PKCS#8); RSA keys are generated with alipay-core's `generate_app_key_pair` (the `rsa`
//! crate). With a state directory everything, the private keys included, is kept in
//! `certificates.json` there (written whole and renamed into place after every change), so a
//! restart keeps the root, the current Alipay certificate and the app certificates.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use alipay_core::{AlipayCertificate, AlipayRootCertificate, AppCertificate, AppPublicKey};
use alipay_core::{GatewayPrivateKey, protocol::generate_app_key_pair};
use base64::Engine as _;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_RSA_SHA256, PublicKeyData, SignatureAlgorithm,
};
use serde::{Deserialize, Serialize};
use tokio_rustls::rustls::pki_types::PrivatePkcs8KeyDer;
use zeroize::Zeroizing;

/// The file in the state directory.
pub const CERTIFICATES_FILE: &str = "certificates.json";
/// The format of [`CERTIFICATES_FILE`].
const FORMAT: &str = "alipay-sandbox-certificates/1";

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// One Alipay public-key certificate and the key it certifies.
#[derive(Clone)]
struct Issued {
    sn: String,
    pem: String,
    key: GatewayPrivateKey,
    key_pem: Zeroizing<String>,
}

/// The sandbox's root CA, its Alipay certificates (the last one current) and the apps'
/// certificates. Debug shows SNs only.
pub struct SandboxCertificates {
    root_key_pkcs8: Zeroizing<Vec<u8>>,
    root_pem: String,
    root_sn: String,
    alipay: Vec<Issued>,
    /// `app_id` -> (certificate PEM, SN).
    apps: BTreeMap<String, (String, String)>,
    /// Where [`CERTIFICATES_FILE`] is kept, if anywhere.
    dir: Option<PathBuf>,
}

/// What [`CERTIFICATES_FILE`] holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    root_key_pkcs8: String,
    root_pem: String,
    alipay: Vec<StoredAlipay>,
    apps: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize)]
struct StoredAlipay {
    pem: String,
    key_pem: String,
}

fn other(e: impl fmt::Display) -> io::Error {
    io::Error::other(format!("sandbox certificates: {e}"))
}

/// The root's name: also the issuer name of every certificate it signs.
fn root_params() -> CertificateParams {
    let mut params = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CountryName, "CN");
    dn.push(DnType::OrganizationName, "alipay-rs sandbox");
    dn.push(DnType::OrganizationalUnitName, "Certification Authority");
    dn.push(DnType::CommonName, "alipay-rs Sandbox Root CA");
    params.distinguished_name = dn;
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params
}

/// A serial number no other certificate of this root has: the time in nanoseconds (positive,
/// 63 bits), bumped past the serials already used.
fn fresh_serial(used: u64) -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    (nanos & (u64::MAX >> 1)).max(used + 1)
}

/// Ten years from a day ago: a client whose clock is a little behind still accepts it.
fn leaf_params(dn: DistinguishedName, serial: u64) -> CertificateParams {
    let now = time::OffsetDateTime::now_utc();
    let mut params = CertificateParams::default();
    params.distinguished_name = dn;
    params.serial_number = Some(serial.into());
    params.not_before = now - time::Duration::days(1);
    params.not_after = now + time::Duration::days(3650);
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params
}

fn pem(label: &str, der: &[u8]) -> String {
    let text = B64.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in text.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

impl SandboxCertificates {
    /// A new root CA, a first Alipay certificate (for a new key) and a certificate for each
    /// app's public key. Generates two RSA-2048 keys (well under a second with optimised
    /// dependencies).
    pub fn generate(apps: &[(String, AppPublicKey)]) -> Result<SandboxCertificates, io::Error> {
        let root_pair = generate_app_key_pair().map_err(other)?;
        let root_key_pkcs8 = Zeroizing::new(
            B64.decode(root_pair.private_base64.as_bytes())
                .map_err(other)?,
        );
        let root_key = root_signing_key(&root_key_pkcs8)?;
        let mut params = root_params();
        params.serial_number = Some(fresh_serial(0).into());
        let now = time::OffsetDateTime::now_utc();
        params.not_before = now - time::Duration::days(1);
        params.not_after = now + time::Duration::days(7300);
        let root = params.self_signed(&root_key).map_err(other)?;
        let root_pem = pem("CERTIFICATE", root.der());
        let root_sn = AlipayRootCertificate::from_pem(&root_pem)
            .map_err(other)?
            .sn()
            .to_owned();
        let mut certs = SandboxCertificates {
            root_key_pkcs8,
            root_pem,
            root_sn,
            alipay: Vec::new(),
            apps: BTreeMap::new(),
            dir: None,
        };
        certs.rotate_in_memory()?;
        for (app_id, key) in apps {
            certs.issue_app(app_id, key)?;
        }
        Ok(certs)
    }

    /// Loads [`CERTIFICATES_FILE`] from `dir`, or generates the certificates and writes it.
    /// Apps registered since are issued a certificate (and the file rewritten).
    pub fn load_or_generate(
        dir: &Path,
        apps: &[(String, AppPublicKey)],
    ) -> Result<SandboxCertificates, io::Error> {
        let path = dir.join(CERTIFICATES_FILE);
        let mut certs = match std::fs::read(&path) {
            Ok(bytes) => {
                Self::from_stored(&bytes).map_err(|e| other(format!("{}: {e}", path.display())))?
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Self::generate(&[])?,
            Err(e) => return Err(other(format!("{}: {e}", path.display()))),
        };
        certs.dir = Some(dir.to_owned());
        for (app_id, key) in apps {
            let same_key = certs
                .apps
                .get(app_id)
                .and_then(|(pem, _)| AppCertificate::from_pem(pem).ok())
                .is_some_and(|c| c.public_key().spki_der() == key.spki_der());
            if !same_key {
                certs.issue_app(app_id, key)?;
            }
        }
        certs.save()?;
        Ok(certs)
    }

    fn from_stored(bytes: &[u8]) -> Result<SandboxCertificates, io::Error> {
        let stored: Stored = serde_json::from_slice(bytes).map_err(other)?;
        if stored.format != FORMAT {
            return Err(other(format!(
                "written as {:?}, this sandbox reads {FORMAT:?}",
                stored.format
            )));
        }
        let root_key_pkcs8 = Zeroizing::new(
            B64.decode(stored.root_key_pkcs8.as_bytes())
                .map_err(other)?,
        );
        root_signing_key(&root_key_pkcs8)?;
        let root_sn = AlipayRootCertificate::from_pem(&stored.root_pem)
            .map_err(other)?
            .sn()
            .to_owned();
        let mut alipay = Vec::new();
        for a in stored.alipay {
            let sn = AlipayCertificate::from_pem(&a.pem)
                .map_err(other)?
                .sn()
                .to_owned();
            let key = GatewayPrivateKey::from_text(&a.key_pem).map_err(other)?;
            alipay.push(Issued {
                sn,
                pem: a.pem,
                key,
                key_pem: Zeroizing::new(a.key_pem),
            });
        }
        if alipay.is_empty() {
            return Err(other("no Alipay certificate"));
        }
        let mut apps = BTreeMap::new();
        for (app_id, pem) in stored.apps {
            let sn = AppCertificate::from_pem(&pem)
                .map_err(other)?
                .sn()
                .to_owned();
            apps.insert(app_id, (pem, sn));
        }
        Ok(SandboxCertificates {
            root_key_pkcs8,
            root_pem: stored.root_pem,
            root_sn,
            alipay,
            apps,
            dir: None,
        })
    }

    /// Writes [`CERTIFICATES_FILE`] (when there is a state directory): whole, then renamed
    /// into place, so a crash leaves the old file or the new one.
    fn save(&self) -> Result<(), io::Error> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let stored = Stored {
            format: FORMAT.to_owned(),
            root_key_pkcs8: B64.encode(&*self.root_key_pkcs8),
            root_pem: self.root_pem.clone(),
            alipay: self
                .alipay
                .iter()
                .map(|a| StoredAlipay {
                    pem: a.pem.clone(),
                    key_pem: a.key_pem.to_string(),
                })
                .collect(),
            apps: self
                .apps
                .iter()
                .map(|(id, (pem, _))| (id.clone(), pem.clone()))
                .collect(),
        };
        let text = Zeroizing::new(serde_json::to_vec_pretty(&stored).map_err(other)?);
        let path = dir.join(CERTIFICATES_FILE);
        let tmp = dir.join(format!("{CERTIFICATES_FILE}.tmp"));
        std::fs::write(&tmp, &*text)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| other(format!("{}: {e}", path.display())))
    }

    /// Issues (or re-issues) the certificate of `app_id` for `key`.
    fn issue_app(&mut self, app_id: &str, key: &AppPublicKey) -> Result<(), io::Error> {
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CountryName, "CN");
        dn.push(DnType::OrganizationName, "alipay-rs sandbox merchant");
        dn.push(DnType::OrganizationalUnitName, "Alipay");
        dn.push(DnType::CommonName, format!("2088000000000000-{app_id}"));
        let pem = self.issue(dn, key.spki_der())?;
        let sn = AppCertificate::from_pem(&pem)
            .map_err(other)?
            .sn()
            .to_owned();
        self.apps.insert(app_id.to_owned(), (pem, sn));
        Ok(())
    }

    /// A certificate for the public key `spki` (DER), signed by the root.
    fn issue(&self, dn: DistinguishedName, spki: &[u8]) -> Result<String, io::Error> {
        let used = self
            .alipay
            .iter()
            .filter_map(|a| AlipayCertificate::from_pem(&a.pem).ok())
            .filter_map(|c| c.serial_number().parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        let params = leaf_params(dn, fresh_serial(used));
        let public = RsaPublicKey::from_spki(spki)?;
        let root_key = root_signing_key(&self.root_key_pkcs8)?;
        let issuer = Issuer::new(root_params(), &root_key);
        let cert = params.signed_by(&public, &issuer).map_err(other)?;
        Ok(pem("CERTIFICATE", cert.der()))
    }

    fn rotate_in_memory(&mut self) -> Result<String, io::Error> {
        let pair = generate_app_key_pair().map_err(other)?;
        let key = GatewayPrivateKey::from_text(&pair.private_pem).map_err(other)?;
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CountryName, "CN");
        dn.push(DnType::OrganizationName, "alipay-rs sandbox");
        dn.push(DnType::OrganizationalUnitName, "Alipay");
        dn.push(
            DnType::CommonName,
            format!("alipay-rs sandbox gateway {}", self.alipay.len() + 1),
        );
        let pem = self.issue(dn, key.public_key().spki_der())?;
        let sn = AlipayCertificate::from_pem(&pem)
            .map_err(other)?
            .sn()
            .to_owned();
        self.alipay.push(Issued {
            sn: sn.clone(),
            pem,
            key,
            key_pem: Zeroizing::new(pair.private_pem.to_string()),
        });
        Ok(sn)
    }

    /// Issues a new Alipay public-key certificate for a new key under the same root and makes
    /// it current: certificate-mode answers and notifications are signed with the new key and
    /// carry its SN from now on. Saved before it is used. Returns the new SN.
    pub fn rotate(&mut self) -> Result<String, io::Error> {
        let sn = self.rotate_in_memory()?;
        if let Err(e) = self.save() {
            self.alipay.pop();
            return Err(e);
        }
        Ok(sn)
    }

    /// The root certificate (PEM): the client's `alipayRootCert.crt`.
    pub fn root_certificate_pem(&self) -> &str {
        &self.root_pem
    }

    /// The root SN requests must carry as `alipay_root_cert_sn`.
    pub fn root_cert_sn(&self) -> &str {
        &self.root_sn
    }

    fn current(&self) -> &Issued {
        // `generate` and `from_stored` never leave the list empty.
        &self.alipay[self.alipay.len() - 1]
    }

    /// The current Alipay public-key certificate (PEM): the client's
    /// `alipayCertPublicKey_RSA2.crt`.
    pub fn alipay_certificate_pem(&self) -> &str {
        &self.current().pem
    }

    /// The current Alipay certificate's SN, which answers carry as `alipay_cert_sn`.
    pub fn alipay_cert_sn(&self) -> &str {
        &self.current().sn
    }

    /// Any Alipay certificate this sandbox issued (PEM), by SN.
    pub fn alipay_certificate_by_sn(&self, sn: &str) -> Option<&str> {
        self.alipay
            .iter()
            .find(|a| a.sn == sn)
            .map(|a| a.pem.as_str())
    }

    /// The certificate of `app_id` (PEM): the client's `appCertPublicKey_<app_id>.crt`.
    pub fn app_certificate_pem(&self, app_id: &str) -> Option<&str> {
        self.apps.get(app_id).map(|(pem, _)| pem.as_str())
    }

    /// The SN requests of `app_id` must carry as `app_cert_sn`.
    pub fn app_cert_sn(&self, app_id: &str) -> Option<&str> {
        self.apps.get(app_id).map(|(_, sn)| sn.as_str())
    }

    /// The current signing key and its certificate's SN.
    pub(crate) fn signer(&self) -> (GatewayPrivateKey, String) {
        let current = self.current();
        (current.key.clone(), current.sn.clone())
    }

    /// Writes `alipayRootCert.crt`, `alipayCertPublicKey_RSA2.crt` and
    /// `appCertPublicKey_<app_id>.crt` into `dir` (the names of the files Alipay's console
    /// hands out) and returns their paths: root, Alipay, then the apps' by `app_id`.
    pub fn write_files(&self, dir: &Path) -> Result<CertificateFiles, io::Error> {
        let write = |name: String, text: &str| -> Result<PathBuf, io::Error> {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(|e| other(format!("{}: {e}", path.display())))?;
            Ok(path)
        };
        let mut apps = BTreeMap::new();
        for (app_id, (pem, _)) in &self.apps {
            apps.insert(
                app_id.clone(),
                write(format!("appCertPublicKey_{app_id}.crt"), pem)?,
            );
        }
        Ok(CertificateFiles {
            root: write("alipayRootCert.crt".into(), &self.root_pem)?,
            alipay: write(
                "alipayCertPublicKey_RSA2.crt".into(),
                self.alipay_certificate_pem(),
            )?,
            apps,
        })
    }
}

/// Where [`SandboxCertificates::write_files`] wrote the certificates.
#[derive(Debug, Clone)]
pub struct CertificateFiles {
    /// `alipayRootCert.crt`.
    pub root: PathBuf,
    /// `alipayCertPublicKey_RSA2.crt` (the current Alipay certificate when written).
    pub alipay: PathBuf,
    /// `appCertPublicKey_<app_id>.crt`, by `app_id`.
    pub apps: BTreeMap<String, PathBuf>,
}

/// An RSA public key for rcgen: the PKCS#1 `RSAPublicKey` inside a SubjectPublicKeyInfo.
/// (rcgen parses SPKI only with its `x509-parser` feature; this is the one field it needs.)
struct RsaPublicKey(Vec<u8>);

impl RsaPublicKey {
    fn from_spki(spki: &[u8]) -> Result<RsaPublicKey, io::Error> {
        // SEQUENCE { AlgorithmIdentifier, BIT STRING { 0 unused bits, RSAPublicKey } }
        let (_, outer, _) = der_element(spki).ok_or_else(|| other("malformed public key"))?;
        let (_, _, rest) = der_element(outer).ok_or_else(|| other("malformed public key"))?;
        match der_element(rest) {
            Some((0x03, [0, pkcs1 @ ..], _)) => Ok(RsaPublicKey(pkcs1.to_vec())),
            _ => Err(other("malformed public key")),
        }
    }
}

impl PublicKeyData for RsaPublicKey {
    fn der_bytes(&self) -> &[u8] {
        &self.0
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        // Writes the key's algorithm as rsaEncryption.
        &PKCS_RSA_SHA256
    }
}

/// `(tag, content, rest)` of the DER element at the start of `der` (definite lengths).
fn der_element(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *der.first()?;
    let first = *der.get(1)? as usize;
    let (header, len) = if first < 0x80 {
        (2, first)
    } else {
        let n = first & 0x7f;
        if n == 0 || n > 4 {
            return None;
        }
        let len = der
            .get(2..2 + n)?
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | b as usize);
        (2 + n, len)
    };
    let end = header.checked_add(len)?;
    Some((tag, der.get(header..end)?, der.get(end..)?))
}

fn root_signing_key(pkcs8: &[u8]) -> Result<KeyPair, io::Error> {
    KeyPair::from_pkcs8_der_and_sign_algo(&PrivatePkcs8KeyDer::from(pkcs8), &PKCS_RSA_SHA256)
        .map_err(other)
}

impl fmt::Debug for SandboxCertificates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxCertificates")
            .field("root_cert_sn", &self.root_sn)
            .field(
                "alipay_cert_sns",
                &self.alipay.iter().map(|a| &a.sn).collect::<Vec<_>>(),
            )
            .field(
                "app_cert_sns",
                &self
                    .apps
                    .iter()
                    .map(|(id, (_, sn))| (id, sn))
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn app() -> (String, AppPublicKey) {
        let pair = generate_app_key_pair().unwrap();
        (
            "2021000000000001".to_owned(),
            AppPublicKey::from_text(&pair.public_pem).unwrap(),
        )
    }

    #[test]
    fn issued_certificates_chain_to_the_root_and_rotation_keeps_the_root() {
        let apps = [app()];
        let mut certs = SandboxCertificates::generate(&apps).unwrap();
        let root = AlipayRootCertificate::from_pem(certs.root_certificate_pem()).unwrap();
        assert_eq!(root.sn(), certs.root_cert_sn());
        let first = root
            .verify_chain(certs.alipay_certificate_pem().as_bytes())
            .unwrap();
        assert_eq!(first.sn(), certs.alipay_cert_sn());
        // The certificate holds the key that signs.
        let (key, sn) = certs.signer();
        assert_eq!(sn, first.sn());
        assert_eq!(key.public_key().spki_der(), first.public_key().spki_der());
        let app_cert =
            AppCertificate::from_pem(certs.app_certificate_pem(&apps[0].0).unwrap()).unwrap();
        assert_eq!(app_cert.public_key().spki_der(), apps[0].1.spki_der());
        assert_eq!(Some(app_cert.sn()), certs.app_cert_sn(&apps[0].0));

        let old = first.sn().to_owned();
        let new = certs.rotate().unwrap();
        assert_ne!(new, old);
        assert_eq!(certs.alipay_cert_sn(), new);
        let rotated = root
            .verify_chain(certs.alipay_certificate_by_sn(&new).unwrap().as_bytes())
            .unwrap();
        assert_ne!(
            rotated.public_key().spki_der(),
            first.public_key().spki_der()
        );
        assert!(certs.alipay_certificate_by_sn(&old).is_some());
        assert!(!format!("{certs:?}").contains("PRIVATE"));
    }

    #[test]
    fn the_state_directory_keeps_the_current_certificate() {
        let dir = tempfile::tempdir().unwrap();
        let apps = [app()];
        let mut certs = SandboxCertificates::load_or_generate(dir.path(), &apps).unwrap();
        let rotated = certs.rotate().unwrap();
        let root_sn = certs.root_cert_sn().to_owned();
        let app_sn = certs.app_cert_sn(&apps[0].0).unwrap().to_owned();
        drop(certs);
        let again = SandboxCertificates::load_or_generate(dir.path(), &apps).unwrap();
        assert_eq!(again.alipay_cert_sn(), rotated);
        assert_eq!(again.root_cert_sn(), root_sn);
        assert_eq!(again.app_cert_sn(&apps[0].0), Some(app_sn.as_str()));
        assert_eq!(again.alipay.len(), 2);
        // A new app key gets a new certificate.
        let other = [app()];
        let renewed = SandboxCertificates::load_or_generate(dir.path(), &other).unwrap();
        assert_ne!(renewed.app_cert_sn(&other[0].0), Some(app_sn.as_str()));
        assert!(SandboxCertificates::from_stored(b"{}").is_err());
    }
}
