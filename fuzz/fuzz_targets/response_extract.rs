//! Response extraction and verification on arbitrary input: never a panic, and whenever
//! `extract` accepts a body, the node it returns is exactly what a JSON parser finds there.
//!
//! Run (not part of CI): `cd fuzz && cargo +nightly fuzz run response_extract`.
#![no_main]

use std::sync::LazyLock;

use alipay_core::protocol::{ResponseCheck, extract_response, verify_response};
use alipay_core::{AlipayPublicKey, Charset, EncryptKey, SignType};
use libfuzzer_sys::fuzz_target;

static KEY: LazyLock<AlipayPublicKey> = LazyLock::new(|| {
    AlipayPublicKey::from_text(include_str!(
        "../../alipay-core/testdata/gateway_public_spki.pem"
    ))
    .expect("test key")
});
static AES: LazyLock<EncryptKey> =
    LazyLock::new(|| EncryptKey::from_base64("aa4BtZ4tspm2wnXLb1ThQA==").expect("test key"));

const METHOD: &str = "alipay.trade.pay";

fuzz_target!(|data: &[u8]| {
    let Some((&flags, body)) = data.split_first() else {
        return;
    };
    let check = ResponseCheck {
        alipay_public_key: &KEY,
        alipay_cert_sn: (flags & 1 != 0).then_some("0e45f1d7a6c2b8e4c0f2b1a3d5e7f901"),
        sign_type: if flags & 2 != 0 {
            SignType::Rsa
        } else {
            SignType::Rsa2
        },
        charset: if flags & 4 != 0 {
            Charset::Gbk
        } else {
            Charset::Utf8
        },
        encrypt_key: (flags & 8 != 0).then_some(&*AES),
    };
    if let Ok(r) = verify_response(body, METHOD, &check) {
        let _ = r.into_result();
    }

    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let Ok(env) = extract_response(text, METHOD) else {
        return;
    };
    // Differential oracle: serde_json agrees on the node's value (its only refusal may be
    // its nesting limit, one level lower than the node's own).
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(whole) => {
            let node: serde_json::Value = serde_json::from_str(env.node).expect("node is JSON");
            assert_eq!(whole.get(env.node_name), Some(&node));
            assert_eq!(env.encrypted, node.is_string());
        }
        Err(e) => assert!(e.to_string().contains("recursion limit"), "{e}: {text:?}"),
    }
});
