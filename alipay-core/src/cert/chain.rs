//! Does a downloaded Alipay certificate chain to the configured root bundle?
//!
//! What Alipay's Java SDK does before it trusts a certificate fetched with
//! `alipay.open.app.alipaycert.download` (`AntCertificationUtil.isTrusted`): the text may hold
//! the Alipay certificate followed by intermediate CAs; each certificate must be issued by the
//! next one (issuer name = that one's subject, signature verifying with its key) and the last
//! by one of the root bundle's certificates; every certificate on the way, the root included,
//! must be within its validity dates.
//!
//! Implemented with what the crate already has: `x509-parser` reads the certificates (the
//! to-be-signed bytes, the signature algorithm and value, names, dates) and the crypto
//! backend (`ring`, or `aws-lc-rs`) verifies the RSA PKCS#1 v1.5 signatures. Only RSA issuers
//! are followed (SHA-256/384/512, and SHA-1 for the old RSA root Alipay still ships): RSA2
//! certificate mode has no other kind, and an SM2 or ECDSA root is never an issuer here.

use x509_parser::certificate::X509Certificate;
use x509_parser::time::ASN1Time;

use super::load::{byte_blocks, common_name, load_single, parse_certificate};
use super::sn::java_rfc2253_name;
use super::{AlipayCertificate, AlipayRootCertificate};
use crate::crypto;
use crate::error::{KeyError, KeyRole};
use crate::keys::Block;

/// The longest chain followed (leaf, intermediates, root): Alipay's is three.
const MAX_DEPTH: usize = 6;

impl AlipayRootCertificate {
    /// Checks that `certificate` (PEM or DER: Alipay's public-key certificate and optionally
    /// its intermediate CAs, in any order, as `alipay.open.app.alipaycert.download` serves it)
    /// chains to this root bundle and is valid now, and returns it ready to verify answers.
    ///
    /// A certificate that does not chain (another root, a self-signed certificate, a broken
    /// signature) or is outside its validity dates is refused with a [`KeyError`] saying why.
    pub fn verify_chain(&self, certificate: &[u8]) -> Result<AlipayCertificate, KeyError> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        self.verify_chain_at(certificate, now)
    }

    /// [`AlipayRootCertificate::verify_chain`] at `unix_time` (seconds) instead of now: for
    /// known-answer tests with certificates that have since expired.
    pub fn verify_chain_at(
        &self,
        certificate: &[u8],
        unix_time: i64,
    ) -> Result<AlipayCertificate, KeyError> {
        let role = KeyRole::AlipayCertificate;
        let blocks = byte_blocks(role, certificate)?;
        if blocks.is_empty() {
            return Err(KeyError::new(role, "no certificate found"));
        }
        let at = ASN1Time::from_timestamp(unix_time)
            .map_err(|e| KeyError::new(role, format!("unusable check time: {e}")))?;
        let mut chain = Vec::with_capacity(blocks.len());
        for (i, block) in blocks.iter().enumerate() {
            chain.push(parse_certificate(
                role,
                block,
                &format!("certificate {} of {}: ", i + 1, blocks.len()),
            )?);
        }
        let roots: Vec<X509Certificate<'_>> = self
            .ders
            .iter()
            .filter_map(|der| match x509_parser::parse_x509_certificate(der) {
                Ok(([], cert)) => Some(cert),
                _ => None,
            })
            .collect();
        // The Alipay certificate is the one that issued none of the others (the Java SDK
        // sorts the chain the same way), so the order of the blocks does not matter.
        let leaf = (0..chain.len())
            .find(|&i| !(0..chain.len()).any(|j| j != i && issued_by(&chain[j], &chain[i])))
            .unwrap_or(0);
        walk(&chain, leaf, &roots, at).map_err(|why| {
            KeyError::new(
                role,
                format!(
                    "the certificate (CN={}) does not chain to the configured Alipay root certificate (SN {}): {why}; it is not trusted",
                    chain.get(leaf).and_then(|c| common_name(c.subject())).unwrap_or_else(|| "?".into()),
                    self.sn
                ),
            )
        })?;
        let (info, key) = load_single(role, &blocks[leaf..=leaf])?;
        Ok(AlipayCertificate {
            info,
            public_key: key,
        })
    }
}

/// Follows issuers from `chain[leaf]` to a root: `Ok` when one is reached.
fn walk(
    chain: &[X509Certificate<'_>],
    leaf: usize,
    roots: &[X509Certificate<'_>],
    at: ASN1Time,
) -> Result<(), String> {
    let Some(mut current) = chain.get(leaf) else {
        return Err("no certificate".into());
    };
    for _ in 0..MAX_DEPTH {
        check_dates(current, at)?;
        if let Some(root) = roots.iter().find(|r| issued_by(current, r)) {
            check_dates(root, at)?;
            return if signed_by(current, root) {
                Ok(())
            } else {
                Err(format!(
                    "the signature of {} does not verify with the key of root {}",
                    describe(current),
                    describe(root)
                ))
            };
        }
        let Some(issuer) = chain
            .iter()
            .find(|c| !std::ptr::eq(*c, current) && issued_by(current, c))
        else {
            return Err(format!(
                "{} is issued by {:?}, which is neither a root of the bundle nor among the certificates given",
                describe(current),
                java_rfc2253_name(current.issuer())
            ));
        };
        if !signed_by(current, issuer) {
            return Err(format!(
                "the signature of {} does not verify with the key of its issuer {}",
                describe(current),
                describe(issuer)
            ));
        }
        current = issuer;
    }
    Err(format!("no root reached within {MAX_DEPTH} certificates"))
}

/// Whether `issuer`'s subject is `cert`'s issuer: the same DER, or the same name as Java
/// prints it (what its `X500Principal.equals` compares).
fn issued_by(cert: &X509Certificate<'_>, issuer: &X509Certificate<'_>) -> bool {
    cert.issuer().as_raw() == issuer.subject().as_raw()
        || java_rfc2253_name(cert.issuer()) == java_rfc2253_name(issuer.subject())
}

/// Whether `cert`'s signature verifies with `issuer`'s RSA key.
fn signed_by(cert: &X509Certificate<'_>, issuer: &X509Certificate<'_>) -> bool {
    let spki = issuer.public_key();
    if spki.algorithm.algorithm.to_id_string() != "1.2.840.113549.1.1.1" {
        return false;
    }
    crypto::verify_certificate_signature(
        &cert.signature_algorithm.algorithm.to_id_string(),
        &spki.subject_public_key.data,
        cert.tbs_certificate.as_ref(),
        &cert.signature_value.data,
    )
}

fn check_dates(cert: &X509Certificate<'_>, at: ASN1Time) -> Result<(), String> {
    if cert.validity().is_valid_at(at) {
        Ok(())
    } else {
        Err(format!(
            "{} is valid from {} to {}, not at {}",
            describe(cert),
            cert.validity().not_before,
            cert.validity().not_after,
            at
        ))
    }
}

fn describe(cert: &X509Certificate<'_>) -> String {
    format!(
        "CN={}",
        common_name(cert.subject()).unwrap_or_else(|| "?".into())
    )
}

/// Keeps the DER of every certificate of a root bundle, for [`walk`].
pub(super) fn root_ders(blocks: &[Block]) -> Vec<Vec<u8>> {
    blocks.iter().map(|b| b.der.to_vec()).collect()
}
