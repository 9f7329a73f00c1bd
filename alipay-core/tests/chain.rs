//! `AlipayRootCertificate::verify_chain` on chains issued here with rcgen: a root, an
//! intermediate CA and an Alipay certificate, as Alipay's real one is issued by the
//! intermediate "Class 2 R1" that `alipayRootCert.crt` does not contain.

use alipay_core::protocol::generate_app_key_pair;
use alipay_core::{AlipayRootCertificate, GatewayPrivateKey, SignType};
use base64::Engine;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_RSA_SHA256,
};
use rustls::pki_types::PrivatePkcs8KeyDer;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// A fresh RSA-2048 key: rcgen's signer and the same key as the SDK loads it.
fn rsa_key() -> (KeyPair, GatewayPrivateKey) {
    let pair = generate_app_key_pair().unwrap();
    let der = B64.decode(pair.private_base64.as_bytes()).unwrap();
    let signer =
        KeyPair::from_pkcs8_der_and_sign_algo(&PrivatePkcs8KeyDer::from(der), &PKCS_RSA_SHA256)
            .unwrap();
    (
        signer,
        GatewayPrivateKey::from_text(&pair.private_pem).unwrap(),
    )
}

fn params(cn: &str, ca: bool, serial: u64) -> CertificateParams {
    let mut p = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CountryName, "CN");
    dn.push(DnType::OrganizationName, "alipay-rs chain test");
    dn.push(DnType::CommonName, cn);
    p.distinguished_name = dn;
    p.serial_number = Some(serial.into());
    if ca {
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.key_usages = vec![KeyUsagePurpose::KeyCertSign];
    }
    p
}

fn pem(der: &[u8]) -> String {
    format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        B64.encode(der)
    )
}

struct Chain {
    root: String,
    intermediate: String,
    leaf: String,
    leaf_key: GatewayPrivateKey,
    /// Same names as the intermediate, another key, not signed by the root: a forgery.
    forged_intermediate: String,
    /// The leaf as the forged intermediate signs it.
    forged_leaf: String,
}

fn chain() -> Chain {
    let (root_key, _) = rsa_key();
    let (ca_key, _) = rsa_key();
    let (leaf_signer, leaf_key) = rsa_key();
    let (forger, _) = rsa_key();
    let root_params = params("Test Root R1", true, 1);
    let root = root_params.self_signed(&root_key).unwrap();
    let root_issuer = Issuer::new(root_params.clone(), &root_key);
    let ca_params = params("Test Class 2 R1", true, 2);
    let intermediate = ca_params.signed_by(&ca_key, &root_issuer).unwrap();
    let ca_issuer = Issuer::new(ca_params.clone(), &ca_key);
    let leaf = params("alipay test gateway", false, 3)
        .signed_by(&leaf_signer, &ca_issuer)
        .unwrap();
    // The forger's "intermediate": the right name and the root's name as issuer, but its
    // own key, and signed with it instead of the root's.
    let forged = ca_params
        .signed_by(&forger, &Issuer::new(root_params, &forger))
        .unwrap();
    let forged_issuer = Issuer::new(ca_params, &forger);
    let forged_leaf = params("alipay test gateway", false, 4)
        .signed_by(&leaf_signer, &forged_issuer)
        .unwrap();
    Chain {
        root: pem(root.der()),
        intermediate: pem(intermediate.der()),
        leaf: pem(leaf.der()),
        leaf_key,
        forged_intermediate: pem(forged.der()),
        forged_leaf: pem(forged_leaf.der()),
    }
}

#[test]
fn a_chain_through_an_intermediate_is_trusted_and_broken_ones_are_not() {
    let c = chain();
    let root = AlipayRootCertificate::from_pem(&c.root).unwrap();

    // Alipay certificate first, then its intermediate (as the download serves them).
    let trusted = root
        .verify_chain(format!("{}{}", c.leaf, c.intermediate).as_bytes())
        .unwrap();
    assert_eq!(trusted.subject_cn(), Some("alipay test gateway"));
    let sig = B64
        .decode(c.leaf_key.sign(SignType::Rsa2, b"answer"))
        .unwrap();
    assert!(trusted.public_key().verify(SignType::Rsa2, b"answer", &sig));

    // In any order: the Alipay certificate is the one that issued none of the others.
    let reversed = root
        .verify_chain(format!("{}{}", c.intermediate, c.leaf).as_bytes())
        .unwrap();
    assert_eq!(reversed.sn(), trusted.sn());

    // Without the intermediate it does not chain.
    let e = root.verify_chain(c.leaf.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("Test Class 2 R1"), "{e}");
    // A forged intermediate (right name, wrong key): its signature fails at the root.
    let e = root
        .verify_chain(format!("{}{}", c.forged_leaf, c.forged_intermediate).as_bytes())
        .unwrap_err();
    assert!(e.to_string().contains("does not verify"), "{e}");
    // The genuine leaf with the forged intermediate: the leaf's signature fails.
    let e = root
        .verify_chain(format!("{}{}", c.leaf, c.forged_intermediate).as_bytes())
        .unwrap_err();
    assert!(e.to_string().contains("does not verify"), "{e}");
    // Another root refuses the genuine chain.
    let other = chain();
    let other_root = AlipayRootCertificate::from_pem(&other.root).unwrap();
    assert!(
        other_root
            .verify_chain(format!("{}{}", c.leaf, c.intermediate).as_bytes())
            .is_err()
    );
}
