//! Asynchronous notifications (异步通知): checked over the raw body, handled once.
//!
//! The merchant's notify endpoint: verify, de-duplicate by `notify_id`, hand the notification
//! to the application once, and answer `success` only when it has been processed.
//!
//! Alipay POSTs each notification to `notify_url` and resends it (same `notify_id`) until the
//! answer is exactly [`crate::NOTIFY_ACK`], for about a day. So a notification may arrive
//! several times, twice at once, or again after it was handled. A [`NotifyReceiver`]:
//!
//! 1. verifies the raw body ([`verify_notification`]: signature, `sign_type`,
//!    `app_id`); a body that fails is [`Receipt::Rejected`] and answered [`NOTIFY_FAIL`];
//! 2. answers [`Receipt::Duplicate`] (`success`, nothing to do) for a `notify_id` the
//!    [`SeenNotifications`] store already holds;
//! 3. answers [`Receipt::Retry`] (`fail`) while the same `notify_id` is being processed by
//!    another delivery in this process, so two identical deliveries are never processed at once;
//! 4. otherwise hands out [`Receipt::New`]: a [`Pending`] the application processes and then
//!    [`Pending::commit`]s. Only the commit records the `notify_id` as seen, so a crash, an error
//!    or a panic between receiving and committing leaves it unrecorded, the answer is `fail`, and
//!    Alipay's next delivery is processed.
//!
//! [`NotifyReceiver::handle`] (and [`NotifyReceiver::handle_async`]) wrap the whole sequence
//! around a closure: commit on `Ok`, `fail` on `Err`.
//!
//! ```
//! use alipay_core::notify::{Handled, NotifyReceiver};
//! # use alipay_core::{AlipayPublicKey, Charset, GatewayPrivateKey, SignType};
//! # let alipay_public_key =
//! #     AlipayPublicKey::from_text(include_str!("../../testdata/gateway_public_spki.pem")).unwrap();
//! # let gateway = GatewayPrivateKey::from_text(include_str!("../../testdata/gateway_private_pkcs8.pem")).unwrap();
//! # let body = alipay_core::gateway::sign_notification(
//! #     [("notify_id", "n-1"), ("app_id", "2021000000000001"), ("notify_type", "fund_coupon_order"),
//! #      ("out_order_no", "20240102001")],
//! #     &gateway, SignType::Rsa2, Charset::Utf8,
//! # ).unwrap();
//! // Keep one receiver and share it (cheap to clone); `NotifyReceiver::for_client(&client)`
//! // takes the key and app_id from the client.
//! let receiver = NotifyReceiver::new(alipay_public_key, "2021000000000001");
//! // `body`: the raw POST body, exactly as received.
//! let handled = receiver.handle(body.as_bytes(), |n| -> Result<(), String> {
//!     // A generated API's typed view: `CouponOrderDisburseNotify::from_notification(n)`.
//!     assert_eq!(n.get("out_order_no"), Some("20240102001"));
//!     Ok(())
//! });
//! assert!(matches!(handled, Handled::Processed(_)));
//! assert_eq!(handled.answer(), "success"); // the HTTP body to answer, exactly
//! // Delivered again: not processed twice, answered `success` again.
//! let again = receiver.handle(body.as_bytes(), |_| -> Result<(), String> { unreachable!() });
//! assert!(matches!(again, Handled::Duplicate { .. }));
//! ```
//!
//! **Several instances.** The default store, [`MemorySeen`], and the in-flight set live in one
//! process. Behind a load balancer, use [`NotifyReceiver::handle_in`] with a [`ClaimStore`]:
//! the claim on the `notify_id`, the handler's writes and the record that it was processed
//! commit in one transaction of the shared database, and a notification another instance is
//! processing right now is answered `fail` (Alipay delivers it again). The PostgreSQL store is
//! `notify::postgres::PgClaims` (feature `postgres`); for another database implement
//! [`ClaimStore`] (its contract is in the trait's docs). The business processing should in any
//! case be idempotent on the order number (`out_order_no`, `out_request_no`), as the last line
//! of defence.
//!
//! ## How a notification is verified
//!
//! [`verify_notification`] (which the receiver calls) checks the raw
//! `application/x-www-form-urlencoded` body exactly as it was POSTed:
//!
//! 1. form-decode once (`+` is a space, `%XX` bytes in the notification's `charset`);
//! 2. drop `sign` and `sign_type`, keep every other parameter, empty values included;
//! 3. sort by name, join `name=value` with `&`, values raw;
//! 4. verify the charset bytes with the Alipay public key.
//!
//! When that fails and the body declares a `sign_type`, the content with `sign_type` kept is
//! tried too (the Java SDK's `rsaCheckV2`, used by message-style notifications).
//!
//! Only then are the decoded parameters handed out. Decoding twice (the Node SDK's
//! `checkNotifySign`) breaks values containing `%`; a parameter given twice is refused because
//! the verified value and the value the application reads could differ.

mod claim;
#[cfg(feature = "postgres")]
pub mod postgres;
mod receiver;
mod verify;

pub use claim::{Claim, ClaimStore, MemoryClaim, MemoryClaims};
#[doc(hidden)]
pub use receiver::__notify_field;
pub use receiver::{
    Committed, FromNotification, Handled, MemorySeen, NOTIFY_FAIL, NotifyParseError,
    NotifyReceiver, Pending, Receipt, RetryCause, SeenNotifications, StoreError,
};
#[cfg(any(test, feature = "gateway"))]
pub use verify::sign_notification;
pub use verify::{Notification, NotifyCheck, verify_notification};
