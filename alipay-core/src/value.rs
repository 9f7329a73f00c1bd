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
mod pay_timeout;
mod user_id;

pub use crate::dates::{Date, DateTime, FormatError, Month};
pub use crate::number::Number;
pub use amount::{Amount, AmountError};
// For the generated code, the rule engine and the sandbox: not part of the documented API.
#[doc(hidden)]
pub use amount::{ResponseAmount, Yuan};
pub use json_text::{JsonObjectText, JsonObjectTextError};
#[doc(hidden)]
pub use length::{LengthUnit, TooLong, char_len, gbk_len};
pub use pay_timeout::{PayTimeout, PayTimeoutError};
pub use user_id::{UserId, UserIdError};

// ---------------------------------------------------------------------------------------------
// Compile-time literals
// ---------------------------------------------------------------------------------------------

const LITERAL_MESSAGE_CAP: usize = 192;
const LITERAL_TEXT_CAP: usize = 64;

/// `{kind} "{text}": {rule}` in a fixed buffer (the text shortened to 64 bytes, at a character
/// boundary, with `...`). Returns the buffer and the length used.
const fn literal_message(kind: &str, text: &str, rule: &str) -> ([u8; LITERAL_MESSAGE_CAP], usize) {
    let mut buf = [0u8; LITERAL_MESSAGE_CAP];
    let mut n = 0;
    n = push_bytes(&mut buf, n, kind.as_bytes(), usize::MAX);
    n = push_bytes(&mut buf, n, b" \"", usize::MAX);
    let t = text.as_bytes();
    let mut cut = t.len();
    if cut > LITERAL_TEXT_CAP {
        cut = LITERAL_TEXT_CAP;
        // Back to the start of a character (continuation bytes are 0b10xxxxxx).
        while cut > 0 && (t[cut] & 0xC0) == 0x80 {
            cut -= 1;
        }
    }
    n = push_bytes(&mut buf, n, t, cut);
    if cut < t.len() {
        n = push_bytes(&mut buf, n, b"...", usize::MAX);
    }
    n = push_bytes(&mut buf, n, b"\": ", usize::MAX);
    n = push_bytes(&mut buf, n, rule.as_bytes(), usize::MAX);
    (buf, n)
}

/// Appends up to `limit` bytes of `src` at `at`, as far as the buffer allows.
const fn push_bytes(
    buf: &mut [u8; LITERAL_MESSAGE_CAP],
    mut at: usize,
    src: &[u8],
    limit: usize,
) -> usize {
    let mut i = 0;
    while i < src.len() && i < limit && at < LITERAL_MESSAGE_CAP {
        buf[at] = src[i];
        at += 1;
        i += 1;
    }
    at
}

/// Panics with `{kind} "{text}": {rule}`. Only ever evaluated at compile time, by
/// [`amount!`](crate::amount) and [`pay_timeout!`](crate::pay_timeout).
// The intended exception to the no-panic rule: a const-eval panic is how a bad literal
// becomes a compile error.
#[allow(clippy::panic)]
const fn literal_panic(kind: &str, text: &str, rule: &'static str) -> ! {
    let (buf, len) = literal_message(kind, text, rule);
    // The rules are ASCII; a message cut inside the 192-byte buffer can only lose its
    // rule's tail, never split a character of the (already shortened) text.
    match buf.split_at_checked(len) {
        Some((msg, _)) => match std::str::from_utf8(msg) {
            Ok(msg) => panic!("{}", msg),
            Err(_) => panic!("{}", rule),
        },
        None => panic!("{}", rule),
    }
}

/// The expansion of [`amount!`](crate::amount): the fund amount, or a panic, which in the
/// macro's `const` is a compile error (`amount "0.001": at most 2 decimals`). Not for direct
/// use: at run time call [`Amount::parse`], which returns an error instead.
#[doc(hidden)]
pub const fn __amount_literal_or_compile_error(text: &str) -> Amount {
    match Amount::parse(text) {
        Ok(a) => a,
        Err(e) => literal_panic("amount", text, e.message()),
    }
}

/// A fund [`Amount`](crate::value::Amount) checked at compile time: grammar, at most 2
/// decimals, within [0.01, 100000000.00].
///
/// ```
/// use alipay_core::amount;
/// use alipay_core::value::Amount;
///
/// const MIN: Amount = amount!("0.01");
/// assert_eq!(MIN, Amount::FUND_MIN);
/// assert_eq!(amount!("8.8").to_string(), "8.80");
/// ```
///
/// ```compile_fail
/// let _ = alipay_core::amount!("100000000.01"); // amount "100000000.01": above the maximum ...
/// ```
#[macro_export]
macro_rules! amount {
    ($text:expr $(,)?) => {{
        const AMOUNT: $crate::value::Amount =
            $crate::value::__amount_literal_or_compile_error($text);
        AMOUNT
    }};
}

/// The expansion of [`pay_timeout!`](crate::pay_timeout); see
/// [`__amount_literal_or_compile_error`]. Grammar and max length only: the API's range is
/// checked by `validate()`.
#[doc(hidden)]
pub const fn __pay_timeout_literal_or_compile_error(text: &str) -> PayTimeout {
    match PayTimeout::parse(text) {
        Ok(t) => t,
        Err(e) => literal_panic("pay_timeout", text, e.message()),
    }
}

/// A [`PayTimeout`](crate::value::PayTimeout) checked at compile time: grammar and max
/// length 5 (the API's range is checked when the request is validated).
///
/// ```
/// use alipay_core::pay_timeout;
///
/// assert_eq!(pay_timeout!("7d").minutes(), 10080);
/// ```
///
/// ```compile_fail
/// let _ = alipay_core::pay_timeout!("10080m"); // pay_timeout "10080m": at most 5 characters ...
/// ```
#[macro_export]
macro_rules! pay_timeout {
    ($text:expr $(,)?) => {{
        const PAY_TIMEOUT: $crate::value::PayTimeout =
            $crate::value::__pay_timeout_literal_or_compile_error($text);
        PAY_TIMEOUT
    }};
}

#[cfg(test)]
mod tests;
