//! `alipay spec import PAGE.txt` reads whatever text a user pasted: any bytes must give a draft
//! or a `PageError` with a line on the page, never a panic; a draft must always write out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match alipay_import::page::import(&text, "fuzz.txt") {
        Ok(draft) => {
            let _ = alipay_import::write::spec_text(&draft, alipay_import::write::SharedTypes::Inline);
        }
        Err(e) => assert!(e.line >= 1 && e.line <= text.lines().count().max(1)),
    }
});
