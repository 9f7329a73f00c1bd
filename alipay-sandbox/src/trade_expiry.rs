//! When an unpaid trade closes by itself. Alipay closes a `WAIT_BUYER_PAY` trade when its
//! payment window ends (`TRADE_CLOSED`, notified): `time_expire` (an absolute Beijing time)
//! wins over `timeout_express` (`90m`, `2h`, `15d`, or `1c`: midnight after the day it was
//! opened), as the trade family's doc pages say. Without either, the sandbox *chooses* the
//! longest window the docs allow, 15 days, and 2 hours for a precreated QR code (the doc
//! page of `alipay.trade.precreate`: the `qr_code` is valid for at most 2 hours).
//!
//! The ledger closes overdue trades lazily, before each trade call and each buyer action,
//! with `gmt_close` = the end of the window (so whichever call notices it, replays agree).

use alipay_core::DateTime;
use serde_json::Value;
use time::Duration;

use crate::ledger::beijing_time;
use crate::trade::TradeProduct;

/// The end of the payment window of a trade opened at `now` (Beijing `yyyy-MM-dd HH:mm:ss`)
/// by `biz_content` (already checked by the request's rules); `None` if `now` does not read.
pub(crate) fn deadline(biz_content: &str, product: TradeProduct, now: &str) -> Option<String> {
    let opened = beijing_time(now)?;
    let biz: Value = serde_json::from_str(biz_content).unwrap_or_default();
    let text = |k: &str| biz.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
    if let Some(at) = text("time_expire").and_then(|t| DateTime::parse(t).ok()) {
        return Some(at.as_str().to_owned());
    }
    let end = match text("timeout_express").and_then(relative) {
        Some(Window::After(d)) => opened.checked_add(d)?,
        Some(Window::Midnight) => opened.date().next_day()?.with_hms(0, 0, 0).ok()?,
        None if product == TradeProduct::Precreate => opened.checked_add(Duration::hours(2))?,
        None => opened.checked_add(Duration::days(15))?,
    };
    DateTime::from_primitive(end)
        .ok()
        .map(|t| t.as_str().to_owned())
}

/// Whether a window ending at `deadline` is over at `now` (both in the same fixed-width
/// format, so the text order is the time order).
pub(crate) fn is_over(deadline: &str, now: &str) -> bool {
    now >= deadline
}

enum Window {
    After(Duration),
    Midnight,
}

/// `<n>m`, `<n>h`, `<n>d` or `1c`.
fn relative(text: &str) -> Option<Window> {
    if text == "1c" {
        return Some(Window::Midnight);
    }
    let (number, unit) = text.split_at(text.len().checked_sub(1)?);
    let n: i64 = number.parse().ok()?;
    Some(Window::After(match unit {
        "m" => Duration::minutes(n),
        "h" => Duration::hours(n),
        "d" => Duration::days(n),
        _ => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2024-01-02 23:10:00";

    #[test]
    fn windows() {
        let d = |biz: &str, p| deadline(biz, p, NOW).unwrap();
        assert_eq!(
            d(r#"{"timeout_express":"90m"}"#, TradeProduct::BarCode),
            "2024-01-03 00:40:00"
        );
        assert_eq!(
            d(r#"{"timeout_express":"2h"}"#, TradeProduct::Page),
            "2024-01-03 01:10:00"
        );
        assert_eq!(
            d(r#"{"timeout_express":"15d"}"#, TradeProduct::Page),
            "2024-01-17 23:10:00"
        );
        assert_eq!(
            d(r#"{"timeout_express":"1c"}"#, TradeProduct::Page),
            "2024-01-03 00:00:00"
        );
        // time_expire wins.
        assert_eq!(
            d(
                r#"{"timeout_express":"1m","time_expire":"2024-01-05 10:00:00"}"#,
                TradeProduct::Page
            ),
            "2024-01-05 10:00:00"
        );
        assert_eq!(d("{}", TradeProduct::Precreate), "2024-01-03 01:10:00");
        assert_eq!(d("{}", TradeProduct::Page), "2024-01-17 23:10:00");
        assert_eq!(deadline("{}", TradeProduct::Page, "not a time"), None);
    }

    #[test]
    fn over_at_the_deadline() {
        assert!(!is_over("2024-01-03 00:40:00", "2024-01-03 00:39:59"));
        assert!(is_over("2024-01-03 00:40:00", "2024-01-03 00:40:00"));
    }
}
