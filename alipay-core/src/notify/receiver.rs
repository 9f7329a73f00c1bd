//! Receiving: verify, de-duplicate by `notify_id`, hand out once, answer.

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::NOTIFY_ACK;
use crate::client::AlipayClient;
use crate::error::Error;
use crate::keys::AlipayPublicKey;
use crate::notify::verify::{self as notify, Notification, NotifyCheck};
use crate::sign::SignType;

/// The body to answer a notification that was not processed: Alipay delivers it again.
pub const NOTIFY_FAIL: &str = "fail";

/// What a [`SeenNotifications`] store reports when it cannot answer (a database down, ...).
pub type StoreError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The typed view of a verified notification, implemented by every generated `*Notify` type
/// (e.g. `alipay_apis::fund::CouponOrderDisburseNotify`).
pub trait FromNotification: Sized {
    /// Amounts, datetimes, numbers and enums are read into their types, texts kept as sent;
    /// empty values are absent; parameters the type does not know are ignored. A value that does
    /// not fit its type (an amount `"1.2.3"`) is a [`NotifyParseError`]: the signature verified,
    /// so it is Alipay's notification, but not one this SDK can act on. Answer it with
    /// [`NOTIFY_FAIL`] (or not at all) and look at it: do not ship on a guess.
    fn from_notification(notification: &Notification) -> Result<Self, NotifyParseError>;
}

impl FromNotification for Notification {
    fn from_notification(notification: &Notification) -> Result<Self, NotifyParseError> {
        Ok(notification.clone())
    }
}

/// A verified notification whose parameter `field` does not fit its documented type.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NotifyParseError {
    /// The parameter's name, e.g. `total_amount`.
    pub field: String,
    /// What is wrong with its value.
    pub message: String,
}

impl fmt::Display for NotifyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "notification parameter `{}`: {}",
            self.field, self.message
        )
    }
}

impl std::error::Error for NotifyParseError {}

/// The value of the parameter `name` read as a `T` (absent or empty: `None`); used by the
/// generated `*Notify` types.
#[doc(hidden)]
pub fn __notify_field<T: crate::wire::FromWire>(
    n: &Notification,
    name: &str,
) -> Result<Option<T>, NotifyParseError> {
    let w = match n.get(name) {
        Some(v) => crate::wire::Wire::Str(v.to_string()),
        None => crate::wire::Wire::Null,
    };
    <Option<T> as crate::wire::FromWire>::from_wire(&w).map_err(|e| NotifyParseError {
        field: name.to_string(),
        message: e.message,
    })
}

/// The `notify_id`s that have been processed.
///
/// [`MemorySeen`] is the bounded in-process default. Records made here come *after* the
/// application's processing, so with several instances, or a crash between the effect and the
/// record, a notification can be processed twice: a deployment with several instances uses a
/// [`ClaimStore`](super::ClaimStore) with [`NotifyReceiver::handle_in`] instead (the claim, the
/// effect and the record in one transaction; PostgreSQL ships as `notify::postgres`, feature
/// `postgres`; any other database implements the trait). Keep ids at least as long as Alipay
/// retries (about a day).
pub trait SeenNotifications: Send + Sync {
    /// Whether `notify_id` has been recorded as processed.
    fn contains(&self, notify_id: &str) -> Result<bool, StoreError>;

    /// Records `notify_id` as processed; `true` when it was not recorded before.
    fn insert_if_absent(&self, notify_id: &str) -> Result<bool, StoreError>;
}

impl<S: SeenNotifications + ?Sized> SeenNotifications for Arc<S> {
    fn contains(&self, notify_id: &str) -> Result<bool, StoreError> {
        (**self).contains(notify_id)
    }

    fn insert_if_absent(&self, notify_id: &str) -> Result<bool, StoreError> {
        (**self).insert_if_absent(notify_id)
    }
}

/// The in-memory [`SeenNotifications`]: at most `capacity` ids, the oldest recorded forgotten
/// first (FIFO), so memory stays bounded whatever arrives. An id forgotten and then delivered
/// again is processed again: size it for the notifications of a day (Alipay's retry window).
pub struct MemorySeen {
    capacity: usize,
    inner: Mutex<MemoryInner>,
}

#[derive(Default)]
struct MemoryInner {
    ids: HashSet<Arc<str>>,
    order: VecDeque<Arc<str>>,
}

impl MemorySeen {
    /// The capacity of [`MemorySeen::default`]: a few megabytes at most.
    pub const DEFAULT_CAPACITY: usize = 100_000;

    /// A store remembering at most `capacity` ids (at least one).
    pub fn new(capacity: usize) -> Self {
        MemorySeen {
            capacity: capacity.max(1),
            inner: Mutex::new(MemoryInner::default()),
        }
    }

    /// How many `notify_id`s it remembers at most.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// How many ids are remembered now.
    pub fn len(&self) -> usize {
        self.lock().ids.len()
    }

    /// Whether it remembers none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> MutexGuard<'_, MemoryInner> {
        // The set stays consistent whatever panicked while holding the lock.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for MemorySeen {
    fn default() -> Self {
        MemorySeen::new(MemorySeen::DEFAULT_CAPACITY)
    }
}

impl fmt::Debug for MemorySeen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemorySeen")
            .field("capacity", &self.capacity)
            .field("len", &self.len())
            .finish()
    }
}

impl SeenNotifications for MemorySeen {
    fn contains(&self, notify_id: &str) -> Result<bool, StoreError> {
        Ok(self.lock().ids.contains(notify_id))
    }

    fn insert_if_absent(&self, notify_id: &str) -> Result<bool, StoreError> {
        let mut inner = self.lock();
        if inner.ids.contains(notify_id) {
            return Ok(false);
        }
        while inner.order.len() >= self.capacity {
            match inner.order.pop_front() {
                Some(oldest) => {
                    inner.ids.remove(&oldest);
                }
                None => break,
            }
        }
        let id: Arc<str> = Arc::from(notify_id);
        inner.ids.insert(Arc::clone(&id));
        inner.order.push_back(id);
        Ok(true)
    }
}

/// How notifications are verified.
#[derive(Clone)]
enum Verifier {
    Client(Box<AlipayClient>),
    Check {
        alipay_public_key: AlipayPublicKey,
        sign_type: Option<SignType>,
        app_id: Option<String>,
    },
}

impl Verifier {
    fn verify(&self, body: &[u8]) -> Result<Notification, Error> {
        match self {
            Verifier::Client(client) => client.verify_notification(body),
            Verifier::Check {
                alipay_public_key,
                sign_type,
                app_id,
            } => notify::verify_notification(
                body,
                &NotifyCheck {
                    alipay_public_key,
                    sign_type: *sign_type,
                    app_id: app_id.as_deref(),
                },
            ),
        }
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verifier::Client(client) => f.debug_tuple("Client").field(client).finish(),
            Verifier::Check {
                alipay_public_key,
                sign_type,
                app_id,
            } => f
                .debug_struct("Check")
                .field("alipay_public_key", &alipay_public_key.describe())
                .field("sign_type", sign_type)
                .field("app_id", app_id)
                .finish(),
        }
    }
}

/// The `notify_id`s being processed right now in this process.
type InFlight = Arc<Mutex<HashSet<String>>>;

fn lock_in_flight(set: &InFlight) -> MutexGuard<'_, HashSet<String>> {
    set.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Verifies, de-duplicates and answers notifications; see the [module docs](crate::notify).
///
/// Cheap to clone: clones share the store and the in-flight set. Keep one per application.
#[derive(Clone)]
pub struct NotifyReceiver {
    verifier: Verifier,
    store: Arc<dyn SeenNotifications>,
    in_flight: InFlight,
}

impl fmt::Debug for NotifyReceiver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NotifyReceiver")
            .field("verifier", &self.verifier)
            .field("in_flight", &lock_in_flight(&self.in_flight).len())
            .finish_non_exhaustive()
    }
}

impl NotifyReceiver {
    /// Verifies with `client`'s settings ([`AlipayClient::verify_notification`]: its Alipay
    /// key, its `sign_type`, its `app_id`); remembers ids in a default [`MemorySeen`].
    pub fn for_client(client: &AlipayClient) -> Self {
        Self::with_verifier(Verifier::Client(Box::new(client.clone())))
    }

    /// Verifies RSA2 notifications for `app_id` with Alipay's public key; remembers ids in a
    /// default [`MemorySeen`].
    pub fn new(alipay_public_key: AlipayPublicKey, app_id: impl Into<String>) -> Self {
        Self::with_verifier(Verifier::Check {
            alipay_public_key,
            sign_type: Some(SignType::Rsa2),
            app_id: Some(app_id.into()),
        })
    }

    /// Verifies against `check` (copied); remembers ids in a default [`MemorySeen`].
    pub fn from_check(check: &NotifyCheck<'_>) -> Self {
        Self::with_verifier(Verifier::Check {
            alipay_public_key: check.alipay_public_key.clone(),
            sign_type: check.sign_type,
            app_id: check.app_id.map(str::to_string),
        })
    }

    fn with_verifier(verifier: Verifier) -> Self {
        NotifyReceiver {
            verifier,
            store: Arc::new(MemorySeen::default()),
            in_flight: InFlight::default(),
        }
    }

    /// Remembers processed ids in `store` instead (your database, or a [`MemorySeen`] of
    /// another capacity; pass an `Arc` to keep a handle on it).
    pub fn with_store(mut self, store: impl SeenNotifications + 'static) -> Self {
        self.store = Arc::new(store);
        self
    }

    /// Verifies `raw_body` exactly as POSTed and says what to do with it; see [`Receipt`].
    /// Never marks anything seen: only [`Pending::commit`] does.
    pub fn receive(&self, raw_body: &[u8]) -> Receipt {
        let (notification, guard) = match self.verify_and_hold(raw_body) {
            Ok(held) => held,
            Err(NotHeld::Rejected(e)) => return Receipt::Rejected(e),
            Err(NotHeld::InFlight(notify_id)) => {
                return Receipt::Retry {
                    notify_id,
                    cause: RetryCause::InFlight,
                };
            }
        };
        match self.store.contains(&guard.notify_id) {
            Ok(false) => Receipt::New(Pending {
                notification,
                store: Arc::clone(&self.store),
                guard,
            }),
            Ok(true) => Receipt::Duplicate {
                notify_id: guard.notify_id.clone(),
            },
            Err(e) => Receipt::Retry {
                notify_id: guard.notify_id.clone(),
                cause: RetryCause::Store(e),
            },
        }
    }

    /// [`receive`](Self::receive), then `process` a new notification: commit when it returns
    /// `Ok`, leave it unrecorded (answer `fail`, Alipay redelivers) when it returns `Err` or
    /// panics. Answer the client with [`Handled::answer`].
    pub fn handle<E>(
        &self,
        raw_body: &[u8],
        process: impl FnOnce(&Notification) -> Result<(), E>,
    ) -> Handled<E> {
        match self.claim(raw_body) {
            Ok(pending) => {
                let result = process(pending.notification());
                Handled::finish(pending, result)
            }
            Err(settled) => settled,
        }
    }

    /// [`handle`](Self::handle) with an async `process`. Dropping the future before it
    /// completes leaves the notification unrecorded.
    pub async fn handle_async<E>(
        &self,
        raw_body: &[u8],
        process: impl AsyncFnOnce(&Notification) -> Result<(), E>,
    ) -> Handled<E> {
        match self.claim(raw_body) {
            Ok(pending) => {
                let result = process(pending.notification()).await;
                Handled::finish(pending, result)
            }
            Err(settled) => settled,
        }
    }

    /// Verifies `raw_body` and claims its `notify_id` within this process (released when the
    /// guard drops), or says what to answer: rejected, or in flight here already.
    pub(super) fn verify_and_hold(
        &self,
        raw_body: &[u8],
    ) -> Result<(Notification, InFlightGuard), NotHeld> {
        let notification = self.verifier.verify(raw_body).map_err(NotHeld::Rejected)?;
        let notify_id = match notification.notify_id() {
            Some(id) if !id.trim().is_empty() => id.to_string(),
            _ => {
                return Err(NotHeld::Rejected(Error::invalid(
                    "the notification carries no notify_id, so it cannot be de-duplicated; \
                     verify it with verify_notification and de-duplicate it yourself",
                )));
            }
        };
        // Claim the id first, then ask the store: a delivery that commits in between is then
        // either still in flight (Retry) or already recorded (Duplicate), never missed.
        let mut set = lock_in_flight(&self.in_flight);
        if !set.insert(notify_id.clone()) {
            return Err(NotHeld::InFlight(notify_id));
        }
        drop(set);
        Ok((
            notification,
            InFlightGuard {
                set: Arc::clone(&self.in_flight),
                notify_id,
            },
        ))
    }

    /// A new notification to process, or what to answer without processing.
    fn claim<E>(&self, raw_body: &[u8]) -> Result<Pending, Handled<E>> {
        match self.receive(raw_body) {
            Receipt::New(pending) => Ok(pending),
            Receipt::Duplicate { notify_id } => Err(Handled::Duplicate { notify_id }),
            Receipt::Retry { notify_id, cause } => Err(Handled::Retry { notify_id, cause }),
            Receipt::Rejected(e) => Err(Handled::Rejected(e)),
        }
    }
}

/// Why [`NotifyReceiver::verify_and_hold`] holds nothing.
pub(super) enum NotHeld {
    /// Not verified, or without a `notify_id`.
    Rejected(Error),
    /// The same `notify_id` is being processed in this process.
    InFlight(String),
}

/// Releases the in-flight claim on a `notify_id`, however the processing ends.
pub(super) struct InFlightGuard {
    set: InFlight,
    notify_id: String,
}

impl InFlightGuard {
    pub(super) fn notify_id(&self) -> &str {
        &self.notify_id
    }
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        lock_in_flight(&self.set).remove(&self.notify_id);
    }
}

/// What [`NotifyReceiver::receive`] found.
#[derive(Debug)]
#[must_use = "a notification must be answered with Receipt::answer (or Pending::commit)"]
pub enum Receipt {
    /// Verified and not seen before: process it, then [`Pending::commit`]. Until committed
    /// its answer is `fail`.
    New(Pending),
    /// Verified and already processed: answer `success` again, do nothing.
    Duplicate {
        /// The notification's `notify_id`.
        notify_id: String,
    },
    /// Verified, but it cannot be handled now: answer `fail`, Alipay delivers it again.
    Retry {
        /// The notification's `notify_id`.
        notify_id: String,
        /// Why not now.
        cause: RetryCause,
    },
    /// Not verified (signature, `sign_type`, `app_id`, malformed, no `notify_id`): answer
    /// `fail`; nothing was recorded.
    Rejected(Error),
}

impl Receipt {
    /// The exact HTTP body to answer: [`NOTIFY_ACK`] for a duplicate, [`NOTIFY_FAIL`] otherwise
    /// (a [`Receipt::New`] is answered with what [`Pending::commit`] returns).
    pub fn answer(&self) -> &'static str {
        match self {
            Receipt::Duplicate { .. } => NOTIFY_ACK,
            Receipt::New(_) | Receipt::Retry { .. } | Receipt::Rejected(_) => NOTIFY_FAIL,
        }
    }

    /// The verified `notify_id`, unless rejected.
    pub fn notify_id(&self) -> Option<&str> {
        match self {
            Receipt::New(p) => Some(p.notify_id()),
            Receipt::Duplicate { notify_id } | Receipt::Retry { notify_id, .. } => Some(notify_id),
            Receipt::Rejected(_) => None,
        }
    }
}

/// Why a verified notification is deferred to Alipay's next delivery.
#[derive(Debug)]
#[non_exhaustive]
pub enum RetryCause {
    /// Another delivery of the same `notify_id` is being processed now.
    InFlight,
    /// Another instance holds the `notify_id` in its transaction right now
    /// ([`ClaimStore`](super::ClaimStore)).
    HeldElsewhere,
    /// The store could not say whether it was processed, or could not commit.
    Store(StoreError),
}

impl fmt::Display for RetryCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryCause::InFlight => f.write_str("the same notify_id is being processed"),
            RetryCause::HeldElsewhere => {
                f.write_str("another instance is processing the same notify_id")
            }
            RetryCause::Store(e) => write!(f, "the notify_id store failed: {e}"),
        }
    }
}

/// A verified, new notification, claimed by this delivery until committed or dropped.
///
/// Dropping it uncommitted (an error, a panic, a cancelled future) records nothing: the answer
/// is `fail` and Alipay's next delivery is processed.
#[must_use = "process the notification, then commit() it; dropping it answers fail"]
pub struct Pending {
    notification: Notification,
    store: Arc<dyn SeenNotifications>,
    guard: InFlightGuard,
}

impl fmt::Debug for Pending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pending")
            .field("notification", &self.notification)
            .finish_non_exhaustive()
    }
}

impl Pending {
    /// The verified notification.
    pub fn notification(&self) -> &Notification {
        &self.notification
    }

    /// Its `notify_id`.
    pub fn notify_id(&self) -> &str {
        &self.guard.notify_id
    }

    /// The typed view, e.g. `pending.parse::<CouponOrderDisburseNotify>()`; an error when a
    /// value does not fit its type (then do not commit: the notification is delivered again).
    pub fn parse<T: FromNotification>(&self) -> Result<T, NotifyParseError> {
        T::from_notification(&self.notification)
    }

    /// Call once the notification has been processed: records its `notify_id` and releases
    /// the claim. Answer with [`Committed::answer`] (`success`).
    pub fn commit(self) -> Committed {
        let recorded = self.store.insert_if_absent(&self.guard.notify_id);
        let Pending { guard, .. } = self;
        let notify_id = guard.notify_id.clone();
        drop(guard);
        match recorded {
            Ok(newly) => Committed {
                notify_id,
                already_recorded: !newly,
                store_error: None,
            },
            Err(e) => Committed {
                notify_id,
                already_recorded: false,
                store_error: Some(e),
            },
        }
    }

    /// Gives up on this delivery without recording it; returns [`NOTIFY_FAIL`].
    pub fn abandon(self) -> &'static str {
        NOTIFY_FAIL
    }
}

/// A processed notification.
#[derive(Debug)]
#[non_exhaustive]
pub struct Committed {
    /// The `notify_id` committed.
    pub notify_id: String,
    /// The store already held the id: another instance processed the same notification
    /// concurrently (possible only with a store shared between processes). Worth a log line.
    pub already_recorded: bool,
    /// The store failed to record the id. It was processed all the same, so the answer is
    /// still `success`; a later redelivery may be processed again. Worth a log line.
    pub store_error: Option<StoreError>,
}

impl Committed {
    /// Always [`NOTIFY_ACK`]: the notification was processed, Alipay may stop.
    pub fn answer(&self) -> &'static str {
        NOTIFY_ACK
    }
}

/// What [`NotifyReceiver::handle`] did.
#[derive(Debug)]
#[must_use = "answer the notification with Handled::answer"]
pub enum Handled<E> {
    /// New, processed and committed.
    Processed(Committed),
    /// Already processed before; not processed again.
    Duplicate {
        /// The notification's `notify_id`.
        notify_id: String,
    },
    /// Not processed now; Alipay delivers it again.
    Retry {
        /// The notification's `notify_id`.
        notify_id: String,
        /// Why not now.
        cause: RetryCause,
    },
    /// Refused before processing; see [`Receipt::Rejected`].
    Rejected(Error),
    /// The processing returned an error: nothing recorded, Alipay delivers it again.
    Failed {
        /// The notification's `notify_id`.
        notify_id: String,
        /// What the processing returned.
        error: E,
    },
}

impl<E> Handled<E> {
    fn finish(pending: Pending, result: Result<(), E>) -> Self {
        match result {
            Ok(()) => Handled::Processed(pending.commit()),
            Err(error) => Handled::Failed {
                notify_id: pending.notify_id().to_string(),
                error,
            },
        }
    }

    /// The exact HTTP body to answer: [`NOTIFY_ACK`] when processed now or before,
    /// [`NOTIFY_FAIL`] otherwise.
    pub fn answer(&self) -> &'static str {
        match self {
            Handled::Processed(_) | Handled::Duplicate { .. } => NOTIFY_ACK,
            Handled::Retry { .. } | Handled::Rejected(_) | Handled::Failed { .. } => NOTIFY_FAIL,
        }
    }
}

#[cfg(test)]
mod tests;
