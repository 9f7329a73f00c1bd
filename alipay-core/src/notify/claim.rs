//! Exactly-once processing across instances: the claim on a `notify_id`, the business effect and
//! the record that it was processed commit in one transaction, or not at all.
//!
//! Alipay delivers a notification until an endpoint answers `success` (4m, 10m, 10m, 1h, 2h, 6h,
//! 15h after the first try), and a merchant's endpoint often runs on several instances behind a
//! load balancer. [`SeenNotifications`](super::SeenNotifications) records ids after processing,
//! so two instances can both process one delivery and a crash between the effect and the record
//! processes it again. A [`ClaimStore`] closes both gaps: [`NotifyReceiver::handle_in`] claims
//! the id in a transaction, hands that transaction to the handler for its own writes, and
//! commits the record with them.
//!
//! [`MemoryClaims`] is the single-process store (tests, one instance). The PostgreSQL store is
//! `alipay_core::notify::postgres` (feature `postgres`); another database implements the trait
//! with the same three answers.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use super::receiver::{Committed, Handled, NotHeld, RetryCause, StoreError};
use super::{Notification, NotifyReceiver};

/// A store that claims a `notify_id` inside a transaction of its own.
///
/// The contract, which the receiver relies on:
/// * [`claim`](Self::claim) answers at once, never waiting for another instance:
///   [`Claim::Processed`] when a commit for the id exists, [`Claim::Busy`] while another
///   transaction holds it, otherwise [`Claim::Claimed`] with an open transaction that holds it;
/// * dropping the transaction without [`commit`](Self::commit) rolls back everything written in
///   it and releases the claim, and so does the death of the process holding it (within a
///   bounded time the store documents);
/// * [`commit`](Self::commit) records the id as processed together with everything the handler
///   wrote; when it returns an error nothing of it may be visible later unless the commit did
///   happen, in which case the next delivery finds [`Claim::Processed`].
pub trait ClaimStore: Send + Sync {
    /// The transaction a claim lives in; the handler writes its business effect through it.
    type Tx: Send;

    /// Opens a transaction and claims `notify_id` in it.
    fn claim(
        &self,
        notify_id: &str,
    ) -> impl Future<Output = Result<Claim<Self::Tx>, StoreError>> + Send;

    /// Records the claimed id as processed and commits, with everything written in `tx`.
    fn commit(&self, tx: Self::Tx) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// What [`ClaimStore::claim`] found.
pub enum Claim<T> {
    /// The id is ours until `T` is committed or dropped: process the notification in `T`.
    Claimed(T),
    /// Already processed (by any instance): answer `success`, do nothing.
    Processed,
    /// Another transaction holds the id right now: answer `fail`, Alipay delivers it again.
    Busy,
}

impl<T> fmt::Debug for Claim<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Claim::Claimed(_) => "Claimed",
            Claim::Processed => "Processed",
            Claim::Busy => "Busy",
        })
    }
}

impl NotifyReceiver {
    /// Verifies `raw_body`, claims its `notify_id` in `store` and runs `process` with the claim's
    /// transaction; the business effect `process` writes through it and the record that the
    /// notification was processed commit together. Answer with [`Handled::answer`]:
    ///
    /// * processed and committed now, or committed before: `success`;
    /// * held by another instance right now, the store failing, `process` failing (or
    ///   panicking, or its future dropped) or the commit failing: `fail`, nothing recorded, and
    ///   Alipay's next delivery is processed.
    pub async fn handle_in<S: ClaimStore, E>(
        &self,
        store: &S,
        raw_body: &[u8],
        process: impl AsyncFnOnce(&Notification, &mut S::Tx) -> Result<(), E>,
    ) -> Handled<E> {
        // Verification and the in-process claim (concurrent deliveries to this instance never
        // reach the store twice) are the receiver's usual ones.
        let (notification, guard) = match self.verify_and_hold(raw_body) {
            Ok(held) => held,
            Err(NotHeld::Rejected(e)) => return Handled::Rejected(e),
            Err(NotHeld::InFlight(notify_id)) => {
                return Handled::Retry {
                    notify_id,
                    cause: RetryCause::InFlight,
                };
            }
        };
        let notify_id = guard.notify_id().to_string();
        let mut tx = match store.claim(&notify_id).await {
            Ok(Claim::Claimed(tx)) => tx,
            Ok(Claim::Processed) => return Handled::Duplicate { notify_id },
            Ok(Claim::Busy) => {
                return Handled::Retry {
                    notify_id,
                    cause: RetryCause::HeldElsewhere,
                };
            }
            Err(e) => {
                return Handled::Retry {
                    notify_id,
                    cause: RetryCause::Store(e),
                };
            }
        };
        if let Err(error) = process(&notification, &mut tx).await {
            drop(tx);
            return Handled::Failed { notify_id, error };
        }
        match store.commit(tx).await {
            Ok(()) => Handled::Processed(Committed {
                notify_id,
                already_recorded: false,
                store_error: None,
            }),
            Err(e) => Handled::Retry {
                notify_id,
                cause: RetryCause::Store(e),
            },
        }
    }
}

/// The in-process [`ClaimStore`]: exactly-once within one process, nothing shared between
/// processes, nothing written anywhere (`Tx` is a [`MemoryClaim`] with no data of its own). At
/// most `capacity` processed ids are remembered, the oldest forgotten first.
#[derive(Clone)]
pub struct MemoryClaims {
    inner: Arc<Mutex<ClaimsInner>>,
}

struct ClaimsInner {
    capacity: usize,
    /// `true`: processed; `false`: claimed by a live [`MemoryClaim`].
    ids: HashMap<String, bool>,
    processed_order: VecDeque<String>,
}

impl fmt::Debug for MemoryClaims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = self.lock();
        f.debug_struct("MemoryClaims")
            .field("capacity", &inner.capacity)
            .field("ids", &inner.ids.len())
            .finish()
    }
}

impl Default for MemoryClaims {
    fn default() -> Self {
        Self::new(super::MemorySeen::DEFAULT_CAPACITY)
    }
}

impl MemoryClaims {
    /// A store remembering at most `capacity` processed ids (at least one).
    pub fn new(capacity: usize) -> Self {
        MemoryClaims {
            inner: Arc::new(Mutex::new(ClaimsInner {
                capacity: capacity.max(1),
                ids: HashMap::new(),
                processed_order: VecDeque::new(),
            })),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ClaimsInner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether `notify_id` is recorded as processed.
    pub fn is_processed(&self, notify_id: &str) -> bool {
        self.lock().ids.get(notify_id) == Some(&true)
    }
}

/// A claim of [`MemoryClaims`]; dropping it uncommitted releases the id.
#[derive(Debug)]
pub struct MemoryClaim {
    store: MemoryClaims,
    notify_id: String,
    committed: bool,
}

impl Drop for MemoryClaim {
    fn drop(&mut self) {
        if !self.committed {
            let mut inner = self.store.lock();
            if inner.ids.get(&self.notify_id) == Some(&false) {
                inner.ids.remove(&self.notify_id);
            }
        }
    }
}

impl ClaimStore for MemoryClaims {
    type Tx = MemoryClaim;

    async fn claim(&self, notify_id: &str) -> Result<Claim<MemoryClaim>, StoreError> {
        let mut inner = self.lock();
        Ok(match inner.ids.get(notify_id) {
            Some(true) => Claim::Processed,
            Some(false) => Claim::Busy,
            None => {
                inner.ids.insert(notify_id.to_string(), false);
                Claim::Claimed(MemoryClaim {
                    store: self.clone(),
                    notify_id: notify_id.to_string(),
                    committed: false,
                })
            }
        })
    }

    async fn commit(&self, mut tx: MemoryClaim) -> Result<(), StoreError> {
        let mut inner = self.lock();
        inner.ids.insert(tx.notify_id.clone(), true);
        inner.processed_order.push_back(tx.notify_id.clone());
        while inner.processed_order.len() > inner.capacity {
            if let Some(old) = inner.processed_order.pop_front() {
                inner.ids.remove(&old);
            }
        }
        tx.committed = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
