//! `alipay.trade.*`: the trade family (统一收单): pay by browser, phone, app, barcode and QR code,
//! then query, refund, close and cancel; one per `specs/alipay.trade.*.toml` file.

alipay_macros::specs!(dir = "../specs", domain = "trade", types = "crate::types");

pub use crate::merchant_checks::{Difference, ExpectedOrder, Field, Mismatch};
