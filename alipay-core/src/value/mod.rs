//! Value types shared by the generated APIs: amounts, `pay_timeout`,
//! Alipay user ids, the length units of text fields and `extra_param` JSON text.
//!
//! Every type is validated on construction and never trims or rewrites what the caller wrote,
//! except [`Amount`], which is a number of fen and is always sent with exactly 2 decimals.
//! Optional fields and one-of groups treat an empty string as absent: that decision belongs to
//! the generated code, which calls these parsers only for non-empty values.
//!
//! Literals can be checked at compile time with [`amount!`](crate::amount) and
//! [`pay_timeout!`](crate::pay_timeout):
//!
//! ```
//! use alipay_core::value::{Amount, PayTimeout};
//! use alipay_core::{amount, pay_timeout};
//!
//! const RED_PACKET: Amount = amount!("8.88");
//! assert_eq!(RED_PACKET.fen(), 888);
//! assert_eq!(RED_PACKET.to_string(), "8.88");
//! assert_eq!(amount!("100").to_string(), "100.00");
//!
//! let timeout: PayTimeout = pay_timeout!("90m");
//! assert_eq!(timeout.as_str(), "90m");
//! assert_eq!(timeout.minutes(), 90);
//! assert!(timeout.check_range(1, PayTimeout::MINUTES_7D).is_ok());
//! ```
//!
//! A literal that breaks a rule does not compile:
//!
//! ```compile_fail
//! let _ = alipay_core::amount!("0.001"); // amount "0.001": at most 2 decimals
//! ```
//!
//! ```compile_fail
//! let _ = alipay_core::pay_timeout!("1.5h"); // pay_timeout "1.5h": no decimals ...
//! ```

mod amount;
mod json_text;
mod length;
mod literal;
mod pay_timeout;
mod scan;
mod user_id;

pub use crate::dates::{Date, DateTime, FormatError, Month};
pub use crate::number::Number;
pub use amount::{__amount_literal_or_compile_error, Amount, AmountError, ResponseAmount};
pub use json_text::{JsonObjectText, JsonObjectTextError};
pub use length::{LengthUnit, TooLong, char_len, gbk_len};
pub use pay_timeout::{__pay_timeout_literal_or_compile_error, PayTimeout, PayTimeoutError};
pub use user_id::{UserId, UserIdError};
