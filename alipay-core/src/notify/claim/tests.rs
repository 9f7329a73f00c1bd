use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use super::*;
use crate::SignType;
use crate::charset::Charset;
use crate::keys::{AlipayPublicKey, GatewayPrivateKey};
use crate::notify::sign_notification;

const GATEWAY_KEY: &str = include_str!("../../../testdata/gateway_private_pkcs8.pem");
const GATEWAY_PUBLIC: &str = include_str!("../../../testdata/gateway_public_spki.pem");
const APP_ID: &str = "2021000000000001";

fn instance() -> NotifyReceiver {
    NotifyReceiver::new(AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap(), APP_ID)
}

fn body(notify_id: &str) -> Vec<u8> {
    let key = GatewayPrivateKey::from_text(GATEWAY_KEY).unwrap();
    sign_notification(
        [
            ("notify_id", notify_id),
            ("notify_type", "trade_status_sync"),
            ("notify_time", "2024-01-02 12:05:06"),
            ("app_id", APP_ID),
            ("out_trade_no", "T1"),
        ],
        &key,
        SignType::Rsa2,
        Charset::Utf8,
    )
    .unwrap()
    .into_bytes()
}

/// A second implementation, as "another database" would write one: the handler's writes are
/// buffered in the transaction and applied with the record at commit, atomically.
#[derive(Default, Clone)]
struct Ledger {
    claims: MemoryClaims,
    effects: Arc<Mutex<Vec<String>>>,
    fail_commits: Arc<AtomicBool>,
}

struct LedgerTx {
    claim: MemoryClaim,
    writes: Vec<String>,
}

impl ClaimStore for Ledger {
    type Tx = LedgerTx;

    async fn claim(&self, notify_id: &str) -> Result<Claim<LedgerTx>, StoreError> {
        Ok(match self.claims.claim(notify_id).await? {
            Claim::Claimed(claim) => Claim::Claimed(LedgerTx {
                claim,
                writes: Vec::new(),
            }),
            Claim::Processed => Claim::Processed,
            Claim::Busy => Claim::Busy,
        })
    }

    async fn commit(&self, tx: LedgerTx) -> Result<(), StoreError> {
        if self.fail_commits.load(Ordering::SeqCst) {
            return Err("the database went away".into());
        }
        self.effects.lock().unwrap().extend(tx.writes);
        self.claims.commit(tx.claim).await
    }
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .unwrap()
}

#[test]
fn the_effect_and_the_record_commit_together_and_duplicates_are_acknowledged() {
    rt().block_on(async {
        let store = Ledger::default();
        let r = instance();
        let first = r
            .handle_in(
                &store,
                &body("n-1"),
                async |n: &Notification, tx: &mut LedgerTx| {
                    tx.writes
                        .push(format!("paid {}", n.get("out_trade_no").unwrap_or("")));
                    Ok::<(), String>(())
                },
            )
            .await;
        assert!(matches!(&first, Handled::Processed(c) if c.notify_id == "n-1"));
        assert_eq!(first.answer(), "success");
        let again = r
            .handle_in(
                &store,
                &body("n-1"),
                async |_: &Notification, _: &mut LedgerTx| {
                    unreachable!("a processed notification is not processed again")
                },
            )
            .await;
        assert!(matches!(again, Handled::<String>::Duplicate { .. }));
        assert_eq!(again.answer(), "success");
        assert_eq!(*store.effects.lock().unwrap(), ["paid T1"]);
    });
}

#[test]
fn a_failure_rolls_the_effect_back_and_the_next_delivery_is_processed() {
    rt().block_on(async {
        let store = Ledger::default();
        let r = instance();
        let failed = r
            .handle_in(
                &store,
                &body("n-2"),
                async |_: &Notification, tx: &mut LedgerTx| {
                    tx.writes.push("half".into());
                    Err("the warehouse is down")
                },
            )
            .await;
        assert!(matches!(failed, Handled::Failed { .. }));
        assert_eq!(failed.answer(), "fail");
        assert!(store.effects.lock().unwrap().is_empty());
        // A failed commit: nothing recorded, answered fail, processed at the next delivery.
        store.fail_commits.store(true, Ordering::SeqCst);
        let lost = r
            .handle_in(
                &store,
                &body("n-2"),
                async |_: &Notification, tx: &mut LedgerTx| {
                    tx.writes.push("lost".into());
                    Ok::<(), String>(())
                },
            )
            .await;
        assert!(matches!(
            lost,
            Handled::Retry {
                cause: RetryCause::Store(_),
                ..
            }
        ));
        assert_eq!(lost.answer(), "fail");
        store.fail_commits.store(false, Ordering::SeqCst);
        let done = r
            .handle_in(
                &store,
                &body("n-2"),
                async |_: &Notification, tx: &mut LedgerTx| {
                    tx.writes.push("whole".into());
                    Ok::<(), String>(())
                },
            )
            .await;
        assert_eq!(done.answer(), "success");
        assert_eq!(*store.effects.lock().unwrap(), ["whole"]);
    });
}

#[test]
fn another_instance_holding_the_claim_makes_the_delivery_retry() {
    let rt = rt();
    let store = Ledger::default();
    let (a, b) = (instance(), instance());
    let started = Arc::new(tokio::sync::Notify::new());
    let release = Arc::new(tokio::sync::Notify::new());
    let holder = {
        let (store, started, release) = (store.clone(), started.clone(), release.clone());
        rt.spawn(async move {
            a.handle_in(
                &store,
                &body("n-3"),
                async |_: &Notification, tx: &mut LedgerTx| {
                    started.notify_one();
                    release.notified().await;
                    tx.writes.push("once".into());
                    Ok::<(), String>(())
                },
            )
            .await
            .answer()
        })
    };
    rt.block_on(async {
        started.notified().await;
        let busy = b
            .handle_in(
                &store,
                &body("n-3"),
                async |_: &Notification, _: &mut LedgerTx| {
                    unreachable!("held by the other instance")
                },
            )
            .await;
        assert!(matches!(
            busy,
            Handled::<String>::Retry {
                cause: RetryCause::HeldElsewhere,
                ..
            }
        ));
        assert_eq!(busy.answer(), "fail");
        release.notify_one();
        assert_eq!(holder.await.unwrap(), "success");
        let later = b
            .handle_in(
                &store,
                &body("n-3"),
                async |_: &Notification, _: &mut LedgerTx| {
                    unreachable!("processed by the other instance")
                },
            )
            .await;
        assert!(matches!(later, Handled::<String>::Duplicate { .. }));
        assert_eq!(*store.effects.lock().unwrap(), ["once"]);
    });
}

#[test]
fn a_panicking_or_cancelled_handler_releases_the_claim() {
    let rt = rt();
    let store = Ledger::default();
    let r = instance();
    let (s2, r2) = (store.clone(), r.clone());
    let panicked = rt.block_on(rt.spawn(async move {
        r2.handle_in(
            &s2,
            &body("n-4"),
            async |_: &Notification, _: &mut LedgerTx| -> Result<(), String> {
                panic!("the handler crashed")
            },
        )
        .await
        .answer()
    }));
    assert!(panicked.is_err());
    let (s3, r3) = (store.clone(), r.clone());
    rt.block_on(async move {
        let cancelled = tokio::time::timeout(
            Duration::from_millis(20),
            r3.handle_in(
                &s3,
                &body("n-4"),
                async |_: &Notification, _: &mut LedgerTx| {
                    tokio::time::sleep(Duration::from_secs(60)).await;
                    Ok::<(), String>(())
                },
            ),
        )
        .await;
        assert!(cancelled.is_err());
    });
    let ran = AtomicUsize::new(0);
    let done = rt.block_on(r.handle_in(
        &store,
        &body("n-4"),
        async |_: &Notification, tx: &mut LedgerTx| {
            ran.fetch_add(1, Ordering::SeqCst);
            tx.writes.push("after the crash".into());
            Ok::<(), String>(())
        },
    ));
    assert_eq!(done.answer(), "success");
    assert_eq!(ran.load(Ordering::SeqCst), 1);
    assert_eq!(*store.effects.lock().unwrap(), ["after the crash"]);
}

#[test]
fn memory_claims_stay_bounded() {
    rt().block_on(async {
        let store = MemoryClaims::new(2);
        for id in ["a", "b", "c"] {
            let Ok(Claim::Claimed(tx)) = store.claim(id).await else {
                panic!("new id")
            };
            store.commit(tx).await.unwrap();
        }
        assert!(!store.is_processed("a"));
        assert!(store.is_processed("b") && store.is_processed("c"));
        assert!(matches!(store.claim("c").await, Ok(Claim::Processed)));
    });
}
