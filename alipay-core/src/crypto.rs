//! RSA primitives behind the key types: which library signs and verifies.
//!
//! * RSA2 (SHA256withRSA) signing and all verification: `ring` (constant-time), or `aws-lc-rs`
//!   with the `aws-lc` feature. Both expose the same API, so one alias switches them.
//! * RSA (SHA1withRSA) signing, and keys ring refuses (under 2048 bits): the `rsa` crate, with
//!   blinding. `rsa` carries the Marvin timing advisory (RUSTSEC-2023-0071), so it is never used
//!   for RSA2 with a key ring accepts.

#[cfg(feature = "aws-lc")]
use aws_lc_rs as backend;
#[cfg(not(feature = "aws-lc"))]
use ring as backend;

use backend::signature::{self, RsaKeyPair, UnparsedPublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha256};

use crate::sign::SignType;

/// Name of the library that signs RSA2 by default in this build.
pub const BACKEND: &str = if cfg!(feature = "aws-lc") {
    "aws-lc-rs"
} else {
    "ring"
};

/// A parsed RSA private key, ready to sign.
pub(crate) struct PrivateKey {
    /// The constant-time signer, when the backend accepts the key (2048..=8192 bits).
    fast: Option<RsaKeyPair>,
    /// Pure-Rust key: SHA-1 signing and keys the backend refuses.
    rustcrypto: RsaPrivateKey,
    public: PublicKey,
}

impl PrivateKey {
    /// `der` is PKCS#8 when `pkcs8`, else PKCS#1; `rustcrypto` is the same key already parsed.
    pub(crate) fn new(der: &[u8], pkcs8: bool, rustcrypto: RsaPrivateKey) -> Self {
        let fast = if pkcs8 {
            RsaKeyPair::from_pkcs8(der).ok()
        } else {
            RsaKeyPair::from_der(der).ok()
        };
        let public = PublicKey::new(rustcrypto.to_public_key());
        PrivateKey {
            fast,
            rustcrypto,
            public,
        }
    }

    pub(crate) fn public(&self) -> &PublicKey {
        &self.public
    }

    pub(crate) fn bits(&self) -> usize {
        self.rustcrypto.size() * 8
    }

    /// PKCS#1 v1.5 signature of `message` with the hash of `sign_type`.
    pub(crate) fn sign(&self, sign_type: SignType, message: &[u8]) -> Vec<u8> {
        match (sign_type, &self.fast) {
            (SignType::Rsa2, Some(pair)) => {
                let mut sig = vec![0u8; pair.public_modulus_len_compat()];
                // `sign` only fails for a wrong-sized output buffer, sized right above.
                if pair
                    .sign(
                        &signature::RSA_PKCS1_SHA256,
                        &backend::rand::SystemRandom::new(),
                        message,
                        &mut sig,
                    )
                    .is_ok()
                {
                    return sig;
                }
                self.sign_rustcrypto(sign_type, message)
            }
            _ => self.sign_rustcrypto(sign_type, message),
        }
    }

    /// The pure-Rust path, blinded. Public for benchmarks through [`crate::keys`] only.
    pub(crate) fn sign_rustcrypto(&self, sign_type: SignType, message: &[u8]) -> Vec<u8> {
        let mut rng = rsa::rand_core::OsRng;
        let result = match sign_type {
            SignType::Rsa2 => self.rustcrypto.sign_with_rng(
                &mut rng,
                Pkcs1v15Sign::new::<Sha256>(),
                &Sha256::digest(message),
            ),
            SignType::Rsa => self.rustcrypto.sign_with_rng(
                &mut rng,
                Pkcs1v15Sign::new::<Sha1>(),
                &Sha1::digest(message),
            ),
        };
        // Signing with a validated private key and a correctly sized digest cannot fail; the
        // rsa crate only errors on a key too small for the DigestInfo, refused at load time.
        result.unwrap_or_default()
    }
}

trait ModulusLen {
    fn public_modulus_len_compat(&self) -> usize;
}

impl ModulusLen for RsaKeyPair {
    #[cfg(not(feature = "aws-lc"))]
    fn public_modulus_len_compat(&self) -> usize {
        self.public().modulus_len()
    }
    #[cfg(feature = "aws-lc")]
    fn public_modulus_len_compat(&self) -> usize {
        self.public_modulus_len()
    }
}

/// A parsed RSA public key: PKCS#1 `RSAPublicKey` DER, the form the backend verifies with.
#[derive(Clone)]
pub(crate) struct PublicKey {
    pkcs1_der: Vec<u8>,
    spki_der: Vec<u8>,
    bits: usize,
}

impl PublicKey {
    pub(crate) fn new(key: RsaPublicKey) -> Self {
        use rsa::pkcs1::EncodeRsaPublicKey;
        use rsa::pkcs8::EncodePublicKey;
        let bits = key.size() * 8;
        // Encoding a valid in-memory key cannot fail.
        let pkcs1_der = key
            .to_pkcs1_der()
            .map(|d| d.as_bytes().to_vec())
            .unwrap_or_default();
        let spki_der = key
            .to_public_key_der()
            .map(|d| d.as_bytes().to_vec())
            .unwrap_or_default();
        PublicKey {
            pkcs1_der,
            spki_der,
            bits,
        }
    }

    pub(crate) fn spki_der(&self) -> &[u8] {
        &self.spki_der
    }

    pub(crate) fn bits(&self) -> usize {
        self.bits
    }

    /// Whether `signature` is a PKCS#1 v1.5 signature of `message` with exactly the hash of
    /// `sign_type` (a SHA-1 signature never passes as RSA2).
    pub(crate) fn verify(&self, sign_type: SignType, message: &[u8], signature: &[u8]) -> bool {
        let alg: &dyn signature::VerificationAlgorithm = match sign_type {
            SignType::Rsa2 => &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
            SignType::Rsa => &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
        };
        UnparsedPublicKey::new(alg, &self.pkcs1_der)
            .verify(message, signature)
            .is_ok()
    }

    /// Pure-Rust verification, for benchmarks and cross-checks.
    pub(crate) fn verify_rustcrypto(
        &self,
        sign_type: SignType,
        message: &[u8],
        signature: &[u8],
    ) -> bool {
        use rsa::pkcs1::DecodeRsaPublicKey;
        let Ok(key) = RsaPublicKey::from_pkcs1_der(&self.pkcs1_der) else {
            return false;
        };
        match sign_type {
            SignType::Rsa2 => key
                .verify(
                    Pkcs1v15Sign::new::<Sha256>(),
                    &Sha256::digest(message),
                    signature,
                )
                .is_ok(),
            SignType::Rsa => key
                .verify(
                    Pkcs1v15Sign::new::<Sha1>(),
                    &Sha1::digest(message),
                    signature,
                )
                .is_ok(),
        }
    }
}

/// SHA-256 of `data`, hex, for key fingerprints in messages.
pub(crate) fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `signature` is `issuer_pkcs1`'s (PKCS#1 `RSAPublicKey` DER) PKCS#1 v1.5 signature
/// of a certificate's to-be-signed bytes under the signature algorithm `oid` (dotted). Only
/// the RSA algorithms of Alipay's roots are known; any other is `false`.
pub(crate) fn verify_certificate_signature(
    oid: &str,
    issuer_pkcs1: &[u8],
    tbs: &[u8],
    signature: &[u8],
) -> bool {
    let alg: &dyn signature::VerificationAlgorithm = match oid {
        "1.2.840.113549.1.1.11" => &signature::RSA_PKCS1_2048_8192_SHA256,
        "1.2.840.113549.1.1.12" => &signature::RSA_PKCS1_2048_8192_SHA384,
        "1.2.840.113549.1.1.13" => &signature::RSA_PKCS1_2048_8192_SHA512,
        // The RSA-SHA1 root still in alipayRootCert.crt.
        "1.2.840.113549.1.1.5" => &signature::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY,
        _ => return false,
    };
    UnparsedPublicKey::new(alg, issuer_pkcs1)
        .verify(tbs, signature)
        .is_ok()
}
