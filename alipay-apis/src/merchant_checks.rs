//! The merchant's checks on a verified `trade_status_sync` notification, as one call.
//!
//! A valid signature proves Alipay sent the notification, not that it is about one of *your*
//! orders: Alipay's notification page (异步通知说明, <https://opendocs.alipay.com/open/270/105902>)
//! asks the merchant, before acting, to check that `out_trade_no` is one of its orders, that
//! `total_amount` is that order's amount, that `seller_id` (or `seller_email`) is its own and
//! that `app_id` is its own. [`PrecreateNotify::check`](crate::trade::PrecreateNotify::check) (and the same `check` on the other
//! trade notifications) makes all four and lists every difference. (A value that does not fit
//! its type, such as an amount `"1.2.3"`, is refused earlier, when the notification is typed:
//! `NotifyParseError`.)
//!
//! ```
//! use alipay_apis::trade::{ExpectedOrder, Field, PrecreateNotify};
//! use alipay_apis::amount;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // What the merchant endpoint received, verified and typed (here filled in by hand;
//! // `Pending::parse` or `PrecreateNotify::from_notification` make it from the request).
//! let mut notification = PrecreateNotify::default();
//! notification.app_id = Some("2021000000000001".into());
//! notification.out_trade_no = Some("shop-order-1".into());
//! notification.seller_id = Some("2088000000000001".into());
//! notification.total_amount = Some(amount!("88.80"));
//!
//! let order = ExpectedOrder {
//!     out_trade_no: "shop-order-1",
//!     total_amount: amount!("88.80"),
//!     seller_id: "2088000000000001",
//!     app_id: "2021000000000001",
//! };
//! notification.check(&order)?;
//!
//! // The same notification is not about an order of 8.88.
//! let other = ExpectedOrder { total_amount: amount!("8.88"), ..order };
//! let mismatch = notification.check(&other).unwrap_err();
//! assert_eq!(mismatch.fields(), vec![Field::TotalAmount]);
//! assert_eq!(
//!     mismatch.to_string(),
//!     "the notification is not about this order: total_amount 88.80, expected 8.88"
//! );
//! # Ok(()) }
//! ```

use std::fmt;

use alipay_core::Amount;

/// What the merchant knows of its own order and account, to compare with a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpectedOrder<'a> {
    /// The merchant's order number: the notification's `out_trade_no` must be this one.
    pub out_trade_no: &'a str,
    /// The order's amount: the notification's `total_amount` must equal it (in fen).
    pub total_amount: Amount,
    /// The merchant's Alipay user id (2088…): the notification's `seller_id` must be it.
    /// Alipay allows `seller_email` instead; a notification that carries no `seller_id`
    /// cannot be checked against an id and is a mismatch.
    pub seller_id: &'a str,
    /// The merchant's app: the notification's `app_id` must be it.
    pub app_id: &'a str,
}

/// The fields the merchant checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// `out_trade_no`.
    OutTradeNo,
    /// `total_amount`.
    TotalAmount,
    /// `seller_id`.
    SellerId,
    /// `app_id`.
    AppId,
}

impl Field {
    /// The notification's parameter name.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::OutTradeNo => "out_trade_no",
            Field::TotalAmount => "total_amount",
            Field::SellerId => "seller_id",
            Field::AppId => "app_id",
        }
    }
}

/// One checked field that is not what the merchant expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Which field.
    pub field: Field,
    /// What the merchant expected, as text (amounts with two decimals).
    pub expected: String,
    /// What the notification carried (amounts with two decimals); `None` when it did not
    /// carry the field.
    pub received: Option<String>,
}

/// A verified notification that is not about the merchant's order: every field that differs,
/// in the order out_trade_no, total_amount, seller_id, app_id. Do not act on it (still answer
/// `success` if the signature was valid: Alipay would only resend it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    differences: Vec<Difference>,
}

impl Mismatch {
    /// Every field that differs (at least one).
    pub fn differences(&self) -> &[Difference] {
        &self.differences
    }

    /// The names of the fields that differ.
    pub fn fields(&self) -> Vec<Field> {
        self.differences.iter().map(|d| d.field).collect()
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the notification is not about this order: ")?;
        for (i, d) in self.differences.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            match &d.received {
                Some(received) => write!(
                    f,
                    "{} {received}, expected {}",
                    d.field.as_str(),
                    d.expected
                )?,
                None => write!(f, "{} missing, expected {}", d.field.as_str(), d.expected)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for Mismatch {}

/// The four checks over the notification's fields as sent.
fn check_fields(
    out_trade_no: Option<&str>,
    total_amount: Option<Amount>,
    seller_id: Option<&str>,
    app_id: Option<&str>,
    expected: &ExpectedOrder<'_>,
) -> Result<(), Mismatch> {
    let mut differences = Vec::new();
    let mut compare = |field: Field, received: Option<String>, expected: String, same: bool| {
        if !same {
            differences.push(Difference {
                field,
                expected,
                received,
            });
        }
    };
    compare(
        Field::OutTradeNo,
        out_trade_no.map(str::to_owned),
        expected.out_trade_no.to_owned(),
        out_trade_no == Some(expected.out_trade_no),
    );
    // Exactly, in fen (a text that is no amount never got this far: NotifyParseError).
    compare(
        Field::TotalAmount,
        total_amount.map(|a| a.to_string()),
        expected.total_amount.to_string(),
        total_amount == Some(expected.total_amount),
    );
    compare(
        Field::SellerId,
        seller_id.map(str::to_owned),
        expected.seller_id.to_owned(),
        seller_id == Some(expected.seller_id),
    );
    compare(
        Field::AppId,
        app_id.map(str::to_owned),
        expected.app_id.to_owned(),
        app_id == Some(expected.app_id),
    );
    if differences.is_empty() {
        Ok(())
    } else {
        Err(Mismatch { differences })
    }
}

/// `check` on each trade API's typed `trade_status_sync` notification (the generator makes
/// one per spec that declares it; their checked fields are the same).
macro_rules! merchant_checks {
    ($($notify:ty),* $(,)?) => {$(
        impl $notify {
            /// The merchant's checks before acting on this notification: `out_trade_no`,
            /// `total_amount` (exactly, in fen), `seller_id` and `app_id` against
            /// `expected`; [`Mismatch`] lists every field that differs. See
            /// [`crate::trade::ExpectedOrder`].
            pub fn check(&self, expected: &ExpectedOrder<'_>) -> Result<(), Mismatch> {
                check_fields(
                    self.out_trade_no.as_deref(),
                    self.total_amount,
                    self.seller_id.as_deref(),
                    self.app_id.as_deref(),
                    expected,
                )
            }
        }
    )*};
}

merchant_checks!(
    crate::trade::PrecreateNotify,
    crate::trade::PayNotify,
    crate::trade::CreateNotify,
    crate::trade::PagePayNotify,
    crate::trade::WapPayNotify,
    crate::trade::AppPayNotify,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trade::{PagePayNotify, PrecreateNotify};
    use alipay_core::amount;

    const ORDER: ExpectedOrder<'static> = ExpectedOrder {
        out_trade_no: "shop-1",
        total_amount: Amount::from_fen(8_888),
        seller_id: "2088000000000001",
        app_id: "2021000000000001",
    };

    fn notification(overrides: &[(&str, Option<&str>)]) -> PrecreateNotify {
        let mut n = PrecreateNotify {
            out_trade_no: Some("shop-1".into()),
            total_amount: Some(Amount::from_fen(8_888)),
            seller_id: Some("2088000000000001".into()),
            app_id: Some("2021000000000001".into()),
            ..PrecreateNotify::default()
        };
        for (key, value) in overrides {
            let value = value.map(str::to_owned);
            match *key {
                "out_trade_no" => n.out_trade_no = value,
                "total_amount" => {
                    n.total_amount = value.map(|text| match Amount::parse_unbounded(&text) {
                        Ok(a) => a,
                        Err(e) => panic!("test amount {text:?}: {e}"),
                    })
                }
                "seller_id" => n.seller_id = value,
                "app_id" => n.app_id = value,
                other => panic!("not a checked field: {other}"),
            }
        }
        n
    }

    fn fields(n: &PrecreateNotify) -> Vec<Field> {
        n.check(&ORDER)
            .err()
            .map(|m| m.fields())
            .unwrap_or_default()
    }

    #[test]
    fn the_merchants_own_order_passes() {
        assert_eq!(notification(&[]).check(&ORDER), Ok(()));
    }

    #[test]
    fn another_out_trade_no_differs() {
        let n = notification(&[("out_trade_no", Some("shop-2"))]);
        let m = n.check(&ORDER).unwrap_err();
        assert_eq!(m.fields(), vec![Field::OutTradeNo]);
        assert_eq!(m.differences()[0].received.as_deref(), Some("shop-2"));
        assert_eq!(m.differences()[0].expected, "shop-1");
    }

    #[test]
    fn amounts_compare_exactly_in_fen() {
        let n = notification(&[("total_amount", Some("88.8"))]);
        let order = ExpectedOrder {
            total_amount: amount!("88.80"),
            ..ORDER
        };
        assert_eq!(n.check(&order), Ok(()));
        for other in ["88.87", "88.89", "8888", "0.01"] {
            let n = notification(&[("total_amount", Some(other))]);
            assert_eq!(fields(&n), vec![Field::TotalAmount], "{other}");
        }
    }

    #[test]
    fn another_seller_differs() {
        let n = notification(&[("seller_id", Some("2088000000000002"))]);
        assert_eq!(fields(&n), vec![Field::SellerId]);
    }

    #[test]
    fn another_app_differs() {
        let n = notification(&[("app_id", Some("2021000000000002"))]);
        assert_eq!(fields(&n), vec![Field::AppId]);
    }

    #[test]
    fn missing_fields_differ_and_say_so() {
        let n = notification(&[("seller_id", None), ("out_trade_no", None)]);
        let m = n.check(&ORDER).unwrap_err();
        assert_eq!(m.fields(), vec![Field::OutTradeNo, Field::SellerId]);
        assert_eq!(m.differences()[1].received, None);
        assert_eq!(
            m.to_string(),
            "the notification is not about this order: out_trade_no missing, expected shop-1; \
             seller_id missing, expected 2088000000000001"
        );
    }

    #[test]
    fn every_difference_is_listed_in_order() {
        let n = notification(&[
            ("app_id", Some("x")),
            ("seller_id", Some("y")),
            ("total_amount", Some("1.00")),
            ("out_trade_no", Some("z")),
        ]);
        assert_eq!(
            fields(&n),
            vec![
                Field::OutTradeNo,
                Field::TotalAmount,
                Field::SellerId,
                Field::AppId
            ]
        );
    }

    #[test]
    fn other_trade_notifications_check_the_same() {
        let n = PagePayNotify {
            out_trade_no: Some("shop-1".into()),
            total_amount: Some(Amount::from_fen(8_888)),
            seller_id: Some("2088000000000001".into()),
            app_id: Some("2021000000000001".into()),
            ..PagePayNotify::default()
        };
        assert_eq!(n.check(&ORDER), Ok(()));
        let n = PagePayNotify { app_id: None, ..n };
        assert_eq!(
            n.check(&ORDER).err().map(|m| m.fields()),
            Some(vec![Field::AppId])
        );
    }
}
