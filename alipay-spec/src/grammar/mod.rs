//! The grammars of the value types, written once for the spec checker (range bounds in spec
//! files) and for `alipay-core` (`Amount`, `PayTimeout`), which depends on this crate without
//! its `spec-files` feature: this module is plain `core`/`std` code with no dependency, and
//! every parser is a `const fn` so that `amount!`/`pay_timeout!` literals are checked at
//! compile time.
//!
//! Each parser returns the exact value or the first rule the text breaks, as a plain enum;
//! `alipay-core`'s error types put each rule into words.

pub mod amount;
pub mod pay_timeout;
mod scan;

pub use amount::{AmountSyntaxError, WrittenAmount, Yuan, parse_amount};
pub use pay_timeout::{PayTimeoutSyntaxError, parse_timeout_minutes};
