use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;
use std::time::Duration;

use super::*;
use crate::charset::Charset;
use crate::keys::GatewayPrivateKey;
use crate::notify::sign_notification;

const GATEWAY_KEY: &str = include_str!("../../../testdata/gateway_private_pkcs8.pem");
const GATEWAY_PUBLIC: &str = include_str!("../../../testdata/gateway_public_spki.pem");
const APP_ID: &str = "2021000000000001";

fn public() -> AlipayPublicKey {
    AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap()
}

fn receiver() -> NotifyReceiver {
    NotifyReceiver::new(public(), APP_ID)
}

fn signed(params: &[(&str, &str)]) -> Vec<u8> {
    let key = GatewayPrivateKey::from_text(GATEWAY_KEY).unwrap();
    sign_notification(params.iter().copied(), &key, SignType::Rsa2, Charset::Utf8)
        .unwrap()
        .into_bytes()
}

fn body(notify_id: &str) -> Vec<u8> {
    signed(&[
        ("notify_id", notify_id),
        ("notify_type", "fund_auth_pay"),
        ("notify_time", "2024-01-02 12:05:06"),
        ("app_id", APP_ID),
        ("out_order_no", "20240102001"),
        ("amount", "8.88"),
    ])
}

/// A handler counting how often it ran.
fn counting(count: &AtomicUsize) -> impl FnOnce(&Notification) -> Result<(), String> + '_ {
    move |n| {
        assert_eq!(n.get("out_order_no"), Some("20240102001"));
        count.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

#[test]
fn a_new_notification_is_processed_once_and_duplicates_are_acknowledged() {
    let r = receiver();
    let b = body("n-1");
    let count = AtomicUsize::new(0);
    let first = r.handle(&b, counting(&count));
    assert!(
        matches!(&first, Handled::Processed(c) if c.notify_id == "n-1" && !c.already_recorded && c.store_error.is_none())
    );
    assert_eq!(first.answer(), "success");
    for _ in 0..3 {
        let again = r.handle(&b, counting(&count));
        assert!(
            matches!(&again, Handled::Duplicate { notify_id } if notify_id == "n-1"),
            "{again:?}"
        );
        assert_eq!(again.answer(), "success");
    }
    assert_eq!(count.load(Ordering::SeqCst), 1);
    // Another notification is new.
    assert!(matches!(
        r.handle(&body("n-2"), counting(&count)),
        Handled::Processed(_)
    ));
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[test]
fn only_commit_marks_seen() {
    let r = receiver();
    let b = body("n-1");
    let receipt = r.receive(&b);
    assert_eq!(receipt.notify_id(), Some("n-1"));
    assert_eq!(receipt.answer(), "fail", "uncommitted answers fail");
    let Receipt::New(pending) = receipt else {
        panic!("{receipt:?}")
    };
    assert_eq!(pending.notification().get("amount"), Some("8.88"));
    let raw: Notification = pending.parse().unwrap();
    assert_eq!(raw.notify_id(), Some("n-1"));

    // While it is being processed, a second delivery is deferred, not processed.
    let second = r.receive(&b);
    assert!(
        matches!(
            &second,
            Receipt::Retry {
                cause: RetryCause::InFlight,
                ..
            }
        ),
        "{second:?}"
    );
    assert_eq!(second.answer(), "fail");

    // Dropped without commit (a crash in the handler): the next delivery is new again.
    drop(pending);
    let Receipt::New(pending) = r.receive(&b) else {
        panic!("an uncommitted notification must be processed again")
    };
    assert_eq!(pending.abandon(), "fail");
    let Receipt::New(pending) = r.receive(&b) else {
        panic!("an abandoned notification must be processed again")
    };
    let committed = pending.commit();
    assert_eq!(committed.answer(), "success");
    let after = r.receive(&b);
    assert!(matches!(after, Receipt::Duplicate { .. }), "{after:?}");
    assert_eq!(after.answer(), "success");
}

#[test]
fn a_failed_processing_answers_fail_and_the_retry_is_processed() {
    let r = receiver();
    let b = body("n-1");
    let failed = r.handle(&b, |_| Err("database down"));
    assert!(
        matches!(&failed, Handled::Failed { notify_id, error: "database down" } if notify_id == "n-1")
    );
    assert_eq!(failed.answer(), "fail");

    // A panicking handler records nothing either.
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = r.handle(&b, |_| -> Result<(), ()> { panic!("handler bug") });
    }));
    assert!(panicked.is_err());

    let count = AtomicUsize::new(0);
    let retry = r.handle(&b, counting(&count));
    assert!(matches!(retry, Handled::Processed(_)), "{retry:?}");
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

#[test]
fn tampered_notifications_are_rejected_and_not_marked() {
    let r = receiver();
    let b = String::from_utf8(body("n-1")).unwrap();
    let tampered = b.replace("8.88", "88.88");
    let receipt = r.receive(tampered.as_bytes());
    let Receipt::Rejected(Error::Signature(_)) = &receipt else {
        panic!("{receipt:?}")
    };
    assert_eq!(receipt.answer(), "fail");
    assert_eq!(receipt.notify_id(), None);
    let count = AtomicUsize::new(0);
    let h = r.handle(tampered.as_bytes(), counting(&count));
    assert!(matches!(h, Handled::Rejected(_)));
    assert_eq!(h.answer(), "fail");
    assert_eq!(count.load(Ordering::SeqCst), 0);
    // The genuine one, same notify_id, is still new.
    assert!(matches!(
        r.handle(b.as_bytes(), counting(&count)),
        Handled::Processed(_)
    ));
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

#[test]
fn other_apps_and_unidentifiable_notifications_are_rejected() {
    let r = receiver();
    let other_app = signed(&[("notify_id", "n-1"), ("app_id", "2021000000000002")]);
    let receipt = r.receive(&other_app);
    assert!(
        matches!(&receipt, Receipt::Rejected(e) if e.to_string().contains("app_id")),
        "{receipt:?}"
    );
    assert_eq!(receipt.answer(), "fail");

    for no_id in [
        signed(&[("app_id", APP_ID)]),
        signed(&[("notify_id", " "), ("app_id", APP_ID)]),
    ] {
        let receipt = r.receive(&no_id);
        assert!(
            matches!(&receipt, Receipt::Rejected(e) if e.to_string().contains("notify_id")),
            "{receipt:?}"
        );
    }

    // A receiver built from a NotifyCheck verifies the same way.
    let key = public();
    let lenient = NotifyReceiver::from_check(&NotifyCheck {
        alipay_public_key: &key,
        sign_type: None,
        app_id: None,
    });
    assert!(matches!(lenient.receive(&other_app), Receipt::New(_)));
}

#[test]
fn a_receiver_for_a_client_uses_its_key_and_app_id() {
    let app_key = crate::keys::AppPrivateKey::from_text(include_str!(
        "../../../testdata/app_private_pkcs8.pem"
    ))
    .unwrap();
    let client = AlipayClient::builder(APP_ID, app_key, public())
        .build()
        .unwrap();
    let r = NotifyReceiver::for_client(&client);
    assert!(format!("{r:?}").contains(APP_ID));
    assert!(matches!(r.receive(&body("n-1")), Receipt::New(_)));
    let other_app = signed(&[("notify_id", "n-2"), ("app_id", "2021000000000002")]);
    assert!(matches!(r.receive(&other_app), Receipt::Rejected(_)));
}

#[test]
fn concurrent_identical_deliveries_are_processed_exactly_once() {
    const THREADS: usize = 8;
    let r = receiver();
    let b = body("n-concurrent");
    let count = AtomicUsize::new(0);
    let barrier = Barrier::new(THREADS);
    let answers = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                barrier.wait();
                // Like Alipay: deliver again until answered success.
                for _ in 0..1000 {
                    let handled = r.handle(&b, |_| -> Result<(), ()> {
                        count.fetch_add(1, Ordering::SeqCst);
                        thread::sleep(Duration::from_millis(20));
                        Ok(())
                    });
                    if handled.answer() == "success" {
                        answers.lock().unwrap().push(handled);
                        return;
                    }
                    assert!(matches!(handled, Handled::Retry { .. }), "{handled:?}");
                    thread::sleep(Duration::from_millis(1));
                }
                panic!("never answered success");
            });
        }
    });
    assert_eq!(count.load(Ordering::SeqCst), 1);
    let answers = answers.into_inner().unwrap();
    assert_eq!(answers.len(), THREADS);
    let processed = answers
        .iter()
        .filter(|h| matches!(h, Handled::Processed(_)))
        .count();
    assert_eq!(processed, 1);
}

#[test]
fn the_memory_store_is_bounded() {
    let seen = MemorySeen::new(3);
    for id in ["a", "b", "c", "d", "e"] {
        assert!(seen.insert_if_absent(id).unwrap());
        assert!(!seen.insert_if_absent(id).unwrap());
        assert!(seen.len() <= 3);
    }
    assert_eq!(seen.len(), 3);
    assert!(!seen.contains("a").unwrap() && !seen.contains("b").unwrap());
    assert!(seen.contains("c").unwrap() && seen.contains("e").unwrap());
    assert_eq!(MemorySeen::new(0).capacity(), 1);
    assert!(MemorySeen::default().is_empty());

    // Through a receiver: a forgotten id is processed again, a remembered one is not.
    let store = Arc::new(MemorySeen::new(2));
    let r = receiver().with_store(Arc::clone(&store));
    let count = AtomicUsize::new(0);
    for id in ["x", "y", "z"] {
        assert!(matches!(
            r.handle(&body(id), counting(&count)),
            Handled::Processed(_)
        ));
    }
    assert_eq!(store.len(), 2);
    assert!(matches!(
        r.handle(&body("z"), counting(&count)),
        Handled::Duplicate { .. }
    ));
    assert!(matches!(
        r.handle(&body("x"), counting(&count)),
        Handled::Processed(_)
    ));
    assert_eq!(count.load(Ordering::SeqCst), 4);
}

/// A store whose database is down.
struct Down;

impl SeenNotifications for Down {
    fn contains(&self, _: &str) -> Result<bool, StoreError> {
        Err("connection refused".into())
    }

    fn insert_if_absent(&self, _: &str) -> Result<bool, StoreError> {
        Err("connection refused".into())
    }
}

/// A store that can look up but not write.
struct ReadOnly;

impl SeenNotifications for ReadOnly {
    fn contains(&self, _: &str) -> Result<bool, StoreError> {
        Ok(false)
    }

    fn insert_if_absent(&self, _: &str) -> Result<bool, StoreError> {
        Err("read-only replica".into())
    }
}

#[test]
fn store_failures_defer_before_processing_and_acknowledge_after() {
    let b = body("n-1");
    let count = AtomicUsize::new(0);
    let down = receiver().with_store(Down);
    let h = down.handle(&b, counting(&count));
    let Handled::Retry {
        cause: RetryCause::Store(e),
        ..
    } = &h
    else {
        panic!("{h:?}")
    };
    assert_eq!(e.to_string(), "connection refused");
    assert_eq!(h.answer(), "fail");
    assert_eq!(count.load(Ordering::SeqCst), 0);

    let read_only = receiver().with_store(ReadOnly);
    let h = read_only.handle(&b, counting(&count));
    let Handled::Processed(c) = &h else {
        panic!("{h:?}")
    };
    assert!(c.store_error.is_some());
    assert_eq!(h.answer(), "success", "processed, so Alipay may stop");
    // The in-flight claim was released.
    assert!(matches!(
        read_only.handle(&b, counting(&count)),
        Handled::Processed(_)
    ));
}

#[test]
fn a_typed_view_is_parsed_from_the_verified_notification() {
    #[derive(Debug, PartialEq)]
    struct Typed {
        out_order_no: Option<String>,
        amount: Option<String>,
    }
    impl FromNotification for Typed {
        fn from_notification(n: &Notification) -> Result<Self, NotifyParseError> {
            Ok(Typed {
                out_order_no: n.get("out_order_no").map(str::to_string),
                amount: n.get("amount").map(str::to_string),
            })
        }
    }
    let Receipt::New(pending) = receiver().receive(&body("n-1")) else {
        panic!()
    };
    assert_eq!(
        pending.parse::<Typed>(),
        Ok(Typed {
            out_order_no: Some("20240102001".into()),
            amount: Some("8.88".into()),
        })
    );
    let _ = pending.commit();
}

#[test]
fn notify_fields_are_read_into_their_types_and_a_malformed_one_is_an_error() {
    let Receipt::New(pending) = receiver().receive(&body("n-typed")) else {
        panic!()
    };
    let n = pending.notification();
    // `amount` is 8.88 in the test body; `notify_time` is no amount.
    assert_eq!(
        __notify_field::<crate::Amount>(n, "amount"),
        Ok(Some(crate::Amount::from_fen(888)))
    );
    assert_eq!(__notify_field::<crate::Amount>(n, "absent"), Ok(None));
    let err = __notify_field::<crate::Amount>(n, "notify_time").unwrap_err();
    assert_eq!(err.field, "notify_time");
    assert!(
        err.to_string()
            .starts_with("notification parameter `notify_time`: "),
        "{err}"
    );
    assert_eq!(
        __notify_field::<crate::DateTime>(n, "notify_time").map(|t| t.map(|t| t.to_string())),
        Ok(Some("2024-01-02 12:05:06".to_string()))
    );
    let _ = pending.commit();
}

#[test]
fn handle_async_commits_on_ok_and_runs_on_a_multi_thread_runtime() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let r = receiver();
    let count = Arc::new(AtomicUsize::new(0));
    let (r2, c2) = (r.clone(), Arc::clone(&count));
    let answers = rt.block_on(async move {
        // Spawned: the future is Send.
        let task = tokio::spawn(async move {
            let b = body("n-async");
            let first = r2
                .handle_async(&b, async |n: &Notification| -> Result<(), String> {
                    tokio::task::yield_now().await;
                    assert_eq!(n.notify_id(), Some("n-async"));
                    c2.fetch_add(1, Ordering::SeqCst);
                    Ok(())
                })
                .await;
            let failed = r2
                .handle_async(&body("n-async-2"), async |_: &Notification| {
                    Err::<(), _>("no")
                })
                .await;
            let again = r2
                .handle_async(&b, async |_: &Notification| -> Result<(), String> {
                    unreachable!("a duplicate is not processed")
                })
                .await;
            (first.answer(), failed.answer(), again.answer())
        });
        task.await.unwrap()
    });
    assert_eq!(answers, ("success", "fail", "success"));
    assert_eq!(count.load(Ordering::SeqCst), 1);
    // The clone shares the store.
    assert!(matches!(
        r.receive(&body("n-async")),
        Receipt::Duplicate { .. }
    ));
    assert!(matches!(r.receive(&body("n-async-2")), Receipt::New(_)));
}

#[test]
fn debug_names_the_key_not_its_material() {
    let r = receiver();
    let text = format!("{r:?}");
    assert!(text.contains("NotifyReceiver") && text.contains("Alipay public key"));
    assert!(text.contains(APP_ID));
    assert!(!text.contains("BEGIN"));
    let Receipt::New(pending) = r.receive(&body("n-1")) else {
        panic!()
    };
    assert!(format!("{pending:?}").contains("n-1"));
    assert!(!format!("{pending:?}").contains("sign"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn arbitrary_bodies_never_panic_and_are_never_recorded(
            body in proptest::collection::vec(any::<u8>(), 0..512),
        ) {
            let store = Arc::new(MemorySeen::new(8));
            let r = receiver().with_store(Arc::clone(&store));
            let receipt = r.receive(&body);
            prop_assert!(matches!(receipt, Receipt::Rejected(_)));
            prop_assert_eq!(receipt.answer(), "fail");
            let handled = r.handle(&body, |_| -> Result<(), ()> { Ok(()) });
            prop_assert_eq!(handled.answer(), "fail");
            prop_assert!(store.is_empty());
        }

        #[test]
        fn mutated_genuine_bodies_never_panic(
            at in any::<prop::sample::Index>(),
            byte in any::<u8>(),
            cut in any::<bool>(),
        ) {
            let mut b = body("n-1");
            let i = at.index(b.len());
            if cut { b.truncate(i) } else { b[i] = byte }
            let store = Arc::new(MemorySeen::new(8));
            let r = receiver().with_store(Arc::clone(&store));
            let receipt = r.receive(&b);
            let verified = !matches!(receipt, Receipt::Rejected(_));
            drop(receipt);
            // Whatever verified (an equivalent encoding) is new; nothing is ever recorded
            // without a commit.
            prop_assert!(store.is_empty());
            if verified {
                prop_assert!(matches!(r.receive(&b), Receipt::New(_)));
            }
        }
    }
}
