use super::*;
use crate::cert::der::oid_dotted;
use x509_parser::prelude::FromDer;

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
                0x00, 0x80, 0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x18, 0x29, 0x3a, 0x4b, 0x5c,
                0x6d, 0x7e, 0x8f,
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
