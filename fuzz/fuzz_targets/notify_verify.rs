//! Notification bodies arrive from the network: decoding and verification must never panic,
//! and whatever verifies must decode to the parameters that were signed.
#![no_main]

use std::sync::OnceLock;

use alipay_core::notify::{NotifyCheck, verify_notification};
use alipay_core::{AlipayPublicKey, SignType};
use libfuzzer_sys::fuzz_target;

fn key() -> &'static AlipayPublicKey {
    static KEY: OnceLock<AlipayPublicKey> = OnceLock::new();
    KEY.get_or_init(|| {
        AlipayPublicKey::from_text(include_str!("../../alipay-core/testdata/gateway_public_spki.pem"))
            .expect("test key")
    })
}

fuzz_target!(|data: &[u8]| {
    let sign_type = match data.first() {
        Some(b) if b % 3 == 0 => None,
        Some(b) if b % 3 == 1 => Some(SignType::Rsa),
        _ => Some(SignType::Rsa2),
    };
    let check = NotifyCheck { alipay_public_key: key(), sign_type, app_id: Some("2021000000000001") };
    let _ = verify_notification(data, &check);
});
