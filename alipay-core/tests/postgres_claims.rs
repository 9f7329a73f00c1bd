//! `notify::postgres::PgClaims` on a real PostgreSQL server (started by the test kit, installed
//! by `scripts/setup-postgres.sh` when missing): the claim answers, the handler's writes
//! committing with the record or not at all, concurrent deliveries to several receivers, stale
//! claims, the migration.

use std::sync::Arc;
use std::time::Duration;

use alipay_core::notify::postgres::{PgClaims, PgTransaction, pool};
use alipay_core::notify::{Claim, ClaimStore, Handled, NotifyReceiver, RetryCause};
use alipay_core::{Charset, SignType};
use alipay_testkit::keys;
use alipay_testkit::postgres::TestPostgres;

const APP_ID: &str = "2021000000000001";

fn server() -> TestPostgres {
    match TestPostgres::start() {
        Ok(pg) => pg,
        Err(e) => panic!("a throwaway PostgreSQL server: {e}"),
    }
}

fn body(notify_id: &str, out_trade_no: &str) -> Vec<u8> {
    alipay_core::gateway::sign_notification(
        [
            ("notify_id", notify_id),
            ("notify_type", "trade_status_sync"),
            ("notify_time", "2024-01-02 12:05:06"),
            ("app_id", APP_ID),
            ("out_trade_no", out_trade_no),
            ("trade_status", "TRADE_SUCCESS"),
        ],
        &keys::gateway_private(),
        SignType::Rsa2,
        Charset::Utf8,
    )
    .unwrap()
    .into_bytes()
}

fn receiver() -> NotifyReceiver {
    NotifyReceiver::new(keys::alipay_public(), APP_ID)
}

async fn store(pg: &TestPostgres) -> PgClaims {
    let claims = PgClaims::new(pool(&pg.config(), 16).unwrap());
    claims.migrate().await.unwrap();
    claims
        .pool()
        .get()
        .await
        .unwrap()
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS effects (out_trade_no text NOT NULL, notify_id text NOT NULL)",
        )
        .await
        .unwrap();
    claims
}

/// The business effect: one row per processing, no unique constraint (a second processing
/// would show as a second row).
async fn record(
    n: &alipay_core::notify::Notification,
    tx: &mut PgTransaction,
) -> Result<(), String> {
    tx.client()
        .execute(
            "INSERT INTO effects (out_trade_no, notify_id) VALUES ($1, $2)",
            &[&n.get("out_trade_no"), &n.get("notify_id")],
        )
        .await
        .map(drop)
        .map_err(|e| e.to_string())
}

async fn effects(claims: &PgClaims, out_trade_no: &str) -> i64 {
    claims
        .pool()
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM effects WHERE out_trade_no = $1",
            &[&out_trade_no],
        )
        .await
        .unwrap()
        .get(0)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn a_claim_is_busy_while_held_processed_after_commit_and_free_after_a_rollback() {
    let pg = server();
    runtime().block_on(async {
        let claims = store(&pg).await;
        let Claim::Claimed(first) = claims.claim("n-1").await.unwrap() else {
            panic!("a new id is claimed")
        };
        assert!(matches!(claims.claim("n-1").await.unwrap(), Claim::Busy));
        // another id is independent
        let Claim::Claimed(other) = claims.claim("n-2").await.unwrap() else {
            panic!("another id is claimed")
        };
        drop(other); // rolled back: n-2 free again, nothing recorded
        assert!(!claims.is_processed("n-2").await.unwrap());
        assert!(matches!(
            claims.claim("n-2").await.unwrap(),
            Claim::Claimed(_)
        ));
        claims.commit(first).await.unwrap();
        assert!(claims.is_processed("n-1").await.unwrap());
        assert!(matches!(
            claims.claim("n-1").await.unwrap(),
            Claim::Processed
        ));
    });
}

#[test]
fn the_handlers_writes_commit_with_the_record_or_not_at_all() {
    let pg = server();
    runtime().block_on(async {
        let claims = store(&pg).await;
        let r = receiver();
        // the handler writes, then fails: its write is rolled back, the id not recorded
        let failed = r
            .handle_in(&claims, &body("n-fail", "T-fail"), async |n, tx| {
                record(n, tx).await?;
                Err::<(), String>("the order is locked".into())
            })
            .await;
        assert!(matches!(failed, Handled::Failed { .. }));
        assert_eq!(failed.answer(), "fail");
        assert_eq!(effects(&claims, "T-fail").await, 0);
        assert!(!claims.is_processed("n-fail").await.unwrap());
        // the handler's future dropped half-way (a timeout, a client gone): the same
        let cancelled = tokio::time::timeout(
            Duration::from_millis(200),
            r.handle_in(&claims, &body("n-fail", "T-fail"), async |n, tx| {
                record(n, tx).await?;
                tokio::time::sleep(Duration::from_secs(30)).await;
                Ok::<(), String>(())
            }),
        )
        .await;
        assert!(cancelled.is_err());
        assert_eq!(effects(&claims, "T-fail").await, 0);
        // Alipay's next delivery is processed, once
        let ok = r
            .handle_in(&claims, &body("n-fail", "T-fail"), record)
            .await;
        assert!(matches!(ok, Handled::Processed(_)), "{ok:?}");
        assert_eq!(ok.answer(), "success");
        let again = r
            .handle_in(&claims, &body("n-fail", "T-fail"), record)
            .await;
        assert!(matches!(again, Handled::Duplicate { .. }));
        assert_eq!(again.answer(), "success");
        assert_eq!(effects(&claims, "T-fail").await, 1);
    });
}

#[test]
fn concurrent_deliveries_to_three_receivers_are_processed_once() {
    let pg = server();
    runtime().block_on(async {
        let claims = store(&pg).await;
        // three receivers: three instances' in-process state, one database
        let receivers = Arc::new([receiver(), receiver(), receiver()]);
        let mut tasks = Vec::new();
        for id in 0..20 {
            for copy in 0..6 {
                let (claims, receivers) = (claims.clone(), receivers.clone());
                tasks.push(tokio::spawn(async move {
                    let b = body(&format!("n-{id}"), &format!("T-{id}"));
                    let r = &receivers[copy % 3];
                    r.handle_in(&claims, &b, async |n, tx| {
                        record(n, tx).await?;
                        // a handler that takes a while, so the copies overlap
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok::<(), String>(())
                    })
                    .await
                }));
            }
        }
        let mut processed = 0;
        let mut busy = 0;
        for t in tasks {
            match t.await.unwrap() {
                Handled::Processed(_) => processed += 1,
                Handled::Retry {
                    cause: RetryCause::HeldElsewhere | RetryCause::InFlight,
                    ..
                } => busy += 1,
                Handled::Duplicate { .. } => {}
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(processed, 20);
        assert!(busy > 0, "the copies overlapped");
        for id in 0..20 {
            assert_eq!(effects(&claims, &format!("T-{id}")).await, 1, "T-{id}");
        }
    });
}

#[test]
fn a_stale_claim_expires_and_its_late_commit_fails() {
    let pg = server();
    runtime().block_on(async {
        let claims = store(&pg).await.claim_ttl(Duration::from_secs(1));
        let Claim::Claimed(hung) = claims.claim("n-hung").await.unwrap() else {
            panic!("claimed")
        };
        assert!(matches!(claims.claim("n-hung").await.unwrap(), Claim::Busy));
        // the instance hangs longer than the time to live: the server ends its session
        tokio::time::sleep(Duration::from_millis(2500)).await;
        let Claim::Claimed(next) = claims.claim("n-hung").await.unwrap() else {
            panic!("the stale claim is gone")
        };
        assert!(claims.commit(hung).await.is_err());
        claims.commit(next).await.unwrap();
        assert!(claims.is_processed("n-hung").await.unwrap());
    });
}

#[test]
fn a_claim_whose_connection_dies_is_released_at_once() {
    let pg = server();
    runtime().block_on(async {
        let claims = store(&pg).await;
        let Claim::Claimed(tx) = claims.claim("n-crash").await.unwrap() else {
            panic!("claimed")
        };
        tx.client()
            .execute("INSERT INTO effects VALUES ('T-crash', 'n-crash')", &[])
            .await
            .unwrap();
        let pid: i32 = tx
            .client()
            .query_one("SELECT pg_backend_pid()", &[])
            .await
            .unwrap()
            .get(0);
        // what a SIGKILLed instance's closed socket does to its backend
        let admin = claims.pool().get().await.unwrap();
        admin
            .execute("SELECT pg_terminate_backend($1)", &[&pid])
            .await
            .unwrap();
        assert!(matches!(
            claims.claim("n-crash").await.unwrap(),
            Claim::Claimed(_)
        ));
        assert_eq!(effects(&claims, "T-crash").await, 0);
        assert!(claims.commit(tx).await.is_err());
    });
}

#[test]
fn the_migration_is_idempotent_concurrent_and_prefixed() {
    let pg = server();
    runtime().block_on(async {
        let p = pool(&pg.config(), 8).unwrap();
        let shop = PgClaims::new(p.clone())
            .table_prefix("shop_")
            .unwrap()
            .column_prefix("ali_")
            .unwrap();
        assert_eq!(shop.table(), "shop_notify_processed");
        let runs: Vec<_> = (0..4)
            .map(|_| {
                let shop = shop.clone();
                tokio::spawn(async move { shop.migrate().await })
            })
            .collect();
        for r in runs {
            r.await.unwrap().unwrap();
        }
        shop.migrate().await.unwrap();
        let columns: Vec<String> = p
            .get()
            .await
            .unwrap()
            .query(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_name = 'shop_notify_processed' ORDER BY ordinal_position",
                &[],
            )
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(columns, ["ali_notify_id", "ali_processed_at"]);
        // two stores, two tables: the same id is claimed in each
        let plain = PgClaims::new(p);
        plain.migrate().await.unwrap();
        let Claim::Claimed(a) = shop.claim("n-x").await.unwrap() else {
            panic!()
        };
        let Claim::Claimed(b) = plain.claim("n-x").await.unwrap() else {
            panic!()
        };
        shop.commit(a).await.unwrap();
        plain.commit(b).await.unwrap();
        assert!(
            PgClaims::new(pool(&pg.config(), 1).unwrap())
                .table_prefix("Robert'); DROP TABLE")
                .is_err()
        );
    });
}

#[test]
fn a_handler_that_ignores_a_failed_statement_is_not_acknowledged() {
    // A statement of the handler failed (here: a unique violation the handler treats as
    // "already done") and the handler returned Ok: PostgreSQL has aborted the transaction, and
    // its COMMIT would silently be a ROLLBACK. The claim must not answer `success` then:
    // nothing was recorded, the next delivery must be processed.
    let pg = server();
    runtime().block_on(async {
        let claims = store(&pg).await;
        claims
            .pool()
            .get()
            .await
            .unwrap()
            .batch_execute("CREATE TABLE orders (out_trade_no text PRIMARY KEY)")
            .await
            .unwrap();
        let r = receiver();
        let swallowed = r
            .handle_in(&claims, &body("n-abort", "T-abort"), async |n, tx| {
                record(n, tx).await?;
                for _ in 0..2 {
                    // the second INSERT fails; the handler ignores it
                    let _ = tx
                        .client()
                        .execute("INSERT INTO orders VALUES ('T-abort')", &[])
                        .await;
                }
                Ok::<(), String>(())
            })
            .await;
        assert_eq!(swallowed.answer(), "fail", "{swallowed:?}");
        assert!(!claims.is_processed("n-abort").await.unwrap());
        assert_eq!(effects(&claims, "T-abort").await, 0);
        // the next delivery is processed, once
        let ok = r
            .handle_in(&claims, &body("n-abort", "T-abort"), record)
            .await;
        assert!(matches!(ok, Handled::Processed(_)), "{ok:?}");
        assert!(claims.is_processed("n-abort").await.unwrap());
        assert_eq!(effects(&claims, "T-abort").await, 1);
    });
}

#[test]
fn a_handler_that_ends_the_transaction_itself_is_not_acknowledged_as_processed_now() {
    let pg = server();
    runtime().block_on(async {
        let claims = store(&pg).await;
        let r = receiver();
        // ROLLBACK by the handler: its effect and the claim are gone; answered `fail`, and the
        // next delivery is processed once
        let rolled = r
            .handle_in(&claims, &body("n-rb", "T-rb"), async |n, tx| {
                record(n, tx).await?;
                tx.client()
                    .batch_execute("ROLLBACK")
                    .await
                    .map_err(|e| e.to_string())
            })
            .await;
        assert_eq!(rolled.answer(), "fail", "{rolled:?}");
        assert_eq!(effects(&claims, "T-rb").await, 0);
        assert!(!claims.is_processed("n-rb").await.unwrap());
        let ok = r.handle_in(&claims, &body("n-rb", "T-rb"), record).await;
        assert!(matches!(ok, Handled::Processed(_)), "{ok:?}");
        assert_eq!(effects(&claims, "T-rb").await, 1);
        // COMMIT by the handler: effect and record committed together (consistent), but this
        // delivery is answered `fail`; the next one finds it processed
        let committed = r
            .handle_in(&claims, &body("n-c", "T-c"), async |n, tx| {
                record(n, tx).await?;
                tx.client()
                    .batch_execute("COMMIT")
                    .await
                    .map_err(|e| e.to_string())
            })
            .await;
        assert_eq!(committed.answer(), "fail", "{committed:?}");
        assert_eq!(effects(&claims, "T-c").await, 1);
        let again = r.handle_in(&claims, &body("n-c", "T-c"), record).await;
        assert!(matches!(again, Handled::Duplicate { .. }), "{again:?}");
        assert_eq!(effects(&claims, "T-c").await, 1);
    });
}

#[test]
fn a_claim_with_every_connection_held_errs_after_the_pool_wait_instead_of_hanging() {
    let pg = server();
    runtime().block_on(async {
        let claims = PgClaims::new(pool(&pg.config(), 1).unwrap());
        claims.migrate().await.unwrap();
        let Claim::Claimed(held) = claims.claim("n-1").await.unwrap() else {
            panic!("claimed")
        };
        let started = std::time::Instant::now();
        assert!(claims.claim("n-2").await.is_err());
        let waited = started.elapsed();
        assert!(
            waited >= alipay_core::notify::postgres::POOL_WAIT && waited < Duration::from_secs(15),
            "{waited:?}"
        );
        claims.commit(held).await.unwrap();
        assert!(matches!(
            claims.claim("n-2").await.unwrap(),
            Claim::Claimed(_)
        ));
    });
}
