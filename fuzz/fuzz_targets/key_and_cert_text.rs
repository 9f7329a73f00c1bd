//! Keys and certificates are pasted by people and read from files: every loader must refuse
//! garbage with an error, never a panic.
#![no_main]

use alipay_core::{AlipayCertificate, AlipayPublicKey, AlipayRootCertificate, AppCertificate, AppPrivateKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = AlipayCertificate::from_bytes(data);
    let _ = AppCertificate::from_bytes(data);
    let _ = AlipayRootCertificate::from_bytes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = AppPrivateKey::from_text(text);
        let _ = AlipayPublicKey::from_text(text);
    }
});
