//! A certificate downloaded after a rotation (`alipay.open.app.alipaycert.download`) comes
//! from the network: checking its chain against the real Alipay root bundle must refuse
//! garbage with an error, never a panic.
#![no_main]

use alipay_core::AlipayRootCertificate;
use libfuzzer_sys::fuzz_target;

const ROOT: &[u8] = include_bytes!("../../alipay-core/testdata/alipay-certs/alipayRootCert.crt");

fuzz_target!(|data: &[u8]| {
    let Ok(root) = AlipayRootCertificate::from_bytes(ROOT) else {
        return;
    };
    let _ = root.verify_chain(data);
});
