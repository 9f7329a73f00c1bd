use super::*;
use crate::cert::der::{der_header, signature_algorithm};
use crate::cert::load::PKCS1_ARC;
use crate::keys::decode_blocks;
use crate::keys::{B64, pem_wrap};
use crate::sign::SignType;
use base64::Engine;

const REAL_APP: &str =
    include_str!("../../testdata/alipay-certs/appCertPublicKey_2021001161683774.crt");
const REAL_ALIPAY: &str = include_str!("../../testdata/alipay-certs/alipayCertPublicKey_RSA2.crt");
const REAL_ROOT: &str = include_str!("../../testdata/alipay-certs/alipayRootCert.crt");

const SYN_APP: &str =
    include_str!("../../testdata/synthetic-certs/appCertPublicKey_2021000000000001.crt");
const SYN_ALIPAY: &str =
    include_str!("../../testdata/synthetic-certs/alipayCertPublicKey_RSA2.crt");
const SYN_ROOT: &str = include_str!("../../testdata/synthetic-certs/alipayRootCert.crt");
const SYN_ROOT_EC: &str = include_str!("../../testdata/synthetic-certs/root-ec.crt");
const SYN_ROOT_PSS: &str = include_str!("../../testdata/synthetic-certs/root-pss.crt");

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
        "../../testdata/gateway_private_pkcs8.pem"
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
        TEST_APP_PRIVATE_PKCS1, TEST_APP_PRIVATE_PKCS8, TEST_APP_PUBLIC_PKCS1, TEST_APP_PUBLIC_SPKI,
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

mod chain {
    use super::*;

    /// 2030-01-01T00:00:00Z: inside the synthetic certificates' and the real roots' dates.
    const IN_2030: i64 = 1_893_456_000;
    /// 2021-01-01T00:00:00Z: inside the real Alipay certificate's dates (2020-05 to 2022-05).
    const IN_2021: i64 = 1_609_459_200;

    fn root_blocks(bundle: &str) -> Vec<String> {
        decode_blocks(KeyRole::AlipayRootCertificate, bundle)
            .unwrap()
            .iter()
            .map(|b| pem_wrap("CERTIFICATE", &b.der))
            .collect()
    }

    #[test]
    fn the_synthetic_alipay_certificate_chains_to_its_root() {
        let root = AlipayRootCertificate::from_pem(SYN_ROOT).unwrap();
        let cert = root
            .verify_chain_at(SYN_ALIPAY.as_bytes(), IN_2030)
            .unwrap();
        assert_eq!(cert.sn(), "24e3c3cc382f460928971becf41627c9");
        // The trusted certificate carries the key of the gateway's test key pair.
        let gateway = crate::keys::GatewayPrivateKey::from_text(include_str!(
            "../../testdata/gateway_private_pkcs8.pem"
        ))
        .unwrap();
        let sig = B64.decode(gateway.sign(SignType::Rsa2, b"x")).unwrap();
        assert!(cert.public_key().verify(SignType::Rsa2, b"x", &sig));
    }

    #[test]
    fn real_alipay_roots_verify_their_own_real_signatures() {
        // Known answer with Alipay's real roots: each RSA root of alipayRootCert.crt is
        // self-signed, so it "chains" to the bundle through its real signature (RSA-SHA256
        // for Ant Financial R1, RSA-SHA1 for iTrusChina G3).
        let root = AlipayRootCertificate::from_pem(REAL_ROOT).unwrap();
        let blocks = root_blocks(REAL_ROOT);
        let r1 = root.verify_chain_at(blocks[1].as_bytes(), IN_2030).unwrap();
        assert_eq!(
            r1.subject_cn(),
            Some("Ant Financial Certification Authority R1")
        );
        let g3 = root.verify_chain_at(blocks[3].as_bytes(), IN_2021).unwrap();
        assert_eq!(g3.subject_cn(), Some("iTrusChina Class 2 Root CA - G3"));
    }

    #[test]
    fn a_real_root_with_a_broken_signature_is_refused() {
        let root = AlipayRootCertificate::from_pem(REAL_ROOT).unwrap();
        let blocks = decode_blocks(KeyRole::AlipayRootCertificate, REAL_ROOT).unwrap();
        let mut der = blocks[1].der.to_vec();
        let last = der.len() - 1;
        der[last] ^= 1;
        let e = root.verify_chain_at(&der, IN_2030).unwrap_err();
        assert!(e.to_string().contains("does not verify"), "{e}");
    }

    #[test]
    fn the_real_alipay_certificate_needs_its_intermediate() {
        // alipayCertPublicKey_RSA2.crt is issued by "Class 2 R1", an intermediate CA that is
        // not in alipayRootCert.crt: alone it does not chain, and is not trusted.
        let root = AlipayRootCertificate::from_pem(REAL_ROOT).unwrap();
        let e = root
            .verify_chain_at(REAL_ALIPAY.as_bytes(), IN_2021)
            .unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("Ant Financial Certification Authority Class 2 R1"),
            "{text}"
        );
        assert!(text.contains("not trusted"), "{text}");
    }

    #[test]
    fn a_certificate_of_another_root_is_refused() {
        let real = AlipayRootCertificate::from_pem(REAL_ROOT).unwrap();
        let e = real
            .verify_chain_at(SYN_ALIPAY.as_bytes(), IN_2030)
            .unwrap_err();
        assert!(e.to_string().contains("alipay-rs Test Root SHA256"), "{e}");
        let synthetic = AlipayRootCertificate::from_pem(SYN_ROOT).unwrap();
        assert!(
            synthetic
                .verify_chain_at(REAL_ALIPAY.as_bytes(), IN_2021)
                .is_err()
        );
        // Issued by the odd CA, which is not a root of the bundle.
        assert!(
            synthetic
                .verify_chain_at(SYN_APP.as_bytes(), IN_2030)
                .is_err()
        );
    }

    #[test]
    fn a_self_signed_certificate_outside_the_bundle_is_refused() {
        let real = AlipayRootCertificate::from_pem(REAL_ROOT).unwrap();
        let blocks = root_blocks(SYN_ROOT);
        // root-sha256.crt: self-signed, a perfectly good signature, but not Alipay's root.
        let e = real
            .verify_chain_at(blocks[2].as_bytes(), IN_2030)
            .unwrap_err();
        assert!(e.to_string().contains("neither a root"), "{e}");
    }

    #[test]
    fn dates_are_checked() {
        let root = AlipayRootCertificate::from_pem(SYN_ROOT).unwrap();
        // 2050: after the synthetic certificate's notAfter (2046).
        let e = root
            .verify_chain_at(SYN_ALIPAY.as_bytes(), 2_524_608_000)
            .unwrap_err();
        assert!(e.to_string().contains("is valid from"), "{e}");
        // 2020: before its notBefore (2026).
        assert!(
            root.verify_chain_at(SYN_ALIPAY.as_bytes(), IN_2021)
                .is_err()
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let root = AlipayRootCertificate::from_pem(SYN_ROOT).unwrap();
        assert!(root.verify_chain_at(b"", IN_2030).is_err());
        assert!(root.verify_chain_at(b"\x30\x82\xff\xff", IN_2030).is_err());
        assert!(root.verify_chain_at(b"not a certificate", IN_2030).is_err());
    }
}
