//! `alipay.trade.*`: the trade family (统一收单): pay by browser, phone, app, barcode and QR code,
//! then query, refund, close and cancel; one per `specs/alipay.trade.*.toml` file.

alipay_macros::specs!(dir = "../specs", domain = "trade", types = "crate::types");

pub use crate::merchant_checks::{Difference, ExpectedOrder, Field, Mismatch};

/// The `trade_status_sync` notification, whichever trade API opened the trade: the six
/// order-creating APIs (page.pay, wap.pay, app.pay, pay, precreate, create) declare the same
/// fields, so a merchant endpoint that receives all of them parses each with this one type.
pub type TradeStatusSync = PrecreateNotify;
