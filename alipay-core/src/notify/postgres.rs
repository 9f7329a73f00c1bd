//! The [`ClaimStore`] on PostgreSQL (feature `postgres`): exactly-once notification processing
//! for a merchant whose notify endpoint runs on several instances sharing one database.
//!
//! ```no_run
//! # async fn run(body: &[u8], receiver: alipay_core::notify::NotifyReceiver) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
//! use alipay_core::notify::postgres::{PgClaims, pool};
//!
//! let claims = PgClaims::new(pool("host=db user=shop dbname=shop", 16)?);
//! claims.migrate().await?; // at start-up, on every instance: idempotent
//! let handled = receiver
//!     .handle_in(&claims, body, async |n, tx| {
//!         // the business effect, in the transaction that also records the notify_id
//!         tx.client()
//!             .execute(
//!                 "UPDATE orders SET paid = true WHERE out_trade_no = $1",
//!                 &[&n.get("out_trade_no")],
//!             )
//!             .await
//!             .map(drop)
//!     })
//!     .await;
//! let answer = handled.answer(); // the HTTP body: `success` or `fail`
//! # let _ = answer; Ok(()) }
//! ```
//!
//! ## How a claim works
//!
//! One pooled connection per notification, one transaction on it:
//!
//! 1. `BEGIN`, with `statement_timeout` and `idle_in_transaction_session_timeout` set to the
//!    claim's time to live ([`PgClaims::claim_ttl`], 60 s by default);
//! 2. `pg_try_advisory_xact_lock(hashtext(table), hashtext(notify_id))`: a lock that never
//!    waits. Taken by another transaction: [`Claim::Busy`], the delivery is answered `fail`
//!    and Alipay delivers it again later (its first re-send is 4 minutes after the first try);
//! 3. `INSERT INTO table (notify_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING txid_current()`: no row
//!    means an earlier transaction committed the id, [`Claim::Processed`]; a row means the id is
//!    ours, [`Claim::Claimed`] with the open transaction ([`PgTransaction`]);
//! 4. the handler writes its effect through [`PgTransaction::client`]; `COMMIT` makes the
//!    effect and the id visible together.
//!
//! The primary key is the last guard: even a transaction that somehow passed the lock could not
//! commit an id twice.
//!
//! **Stale claims.** A claim is a transaction, so it ends with its connection: an instance that
//! crashes or is killed closes its sockets and PostgreSQL rolls the transaction back at once
//! (lock released, nothing written). An instance that hangs, or whose host vanished without
//! closing anything, is cut off by the server after the time to live: a statement running
//! longer, or a transaction idle longer, ends its session. Keep the handler's own work well
//! under it; its time is the time the notification stays busy for the other instances.
//!
//! **A failed handler** (or a panic, or its future dropped) drops the [`PgTransaction`]
//! without a commit; the connection is then closed rather than returned to the pool, which
//! makes PostgreSQL roll back, since a rollback cannot be awaited in `Drop`.
//! The commit first checks that the claim's transaction is still the open one. A handler that
//! returns `Ok` after one of its statements failed (an error it ignored) left the transaction
//! aborted, and PostgreSQL would turn the `COMMIT` into a silent rollback; a handler that sent
//! `COMMIT` or `ROLLBACK` itself ended the claim early. Either way the commit fails and the
//! delivery is answered `fail` (after a handler's own `COMMIT` the next delivery finds the id
//! processed, since the record was written in the same transaction as the effect).
//!
//! ## Schema
//!
//! [`PgClaims::migrate`] runs [`PgClaims::migration`], which is safe to run any number of
//! times, from several instances at once (it takes a transaction-scoped advisory lock first):
//!
//! ```sql
//! CREATE TABLE IF NOT EXISTS alipay_notify_processed (
//!     notify_id    text        PRIMARY KEY,
//!     processed_at timestamptz NOT NULL DEFAULT now()
//! );
//! ```
//!
//! [`PgClaims::table_prefix`] replaces `alipay_` in the table's name, and
//! [`PgClaims::column_prefix`] puts a prefix before both columns' names.
//!
//! ## Why tokio-postgres and deadpool-postgres
//!
//! They speak the PostgreSQL protocol in Rust on the tokio runtime the SDK already uses (no
//! libpq, no C build, no second runtime), add about twenty small crates, and leave TLS to the
//! user (`NoTls` by default; a user on a remote database builds the pool with their own
//! connector and hands it to [`PgClaims::new`]). sqlx would bring its macros, its own pool and
//! drivers for databases we do not use; diesel-async a query builder. The store needs four
//! statements.

use std::fmt;
use std::time::Duration;

pub use deadpool_postgres;
pub use tokio_postgres;

use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};

use super::claim::{Claim, ClaimStore};
use super::receiver::StoreError;

/// A pool of `max_size` connections to the database `config` names, in libpq's key/value or
/// URL form (`host=127.0.0.1 port=5432 user=shop dbname=shop`, `postgresql://shop@db/shop`),
/// without TLS. For TLS, build a [`Pool`] with a connector of your choice instead.
///
/// A claim waits at most [`POOL_WAIT`] for a free connection (all of them held by handlers)
/// and for a new one to connect; then the store errs and the delivery is answered `fail`, so
/// Alipay delivers it again, rather than the request hanging until Alipay gives up on it.
pub fn pool(config: &str, max_size: usize) -> Result<Pool, StoreError> {
    let pg: tokio_postgres::Config = config.parse()?;
    let manager = Manager::from_config(
        pg,
        tokio_postgres::NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Ok(Pool::builder(manager)
        .max_size(max_size)
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .wait_timeout(Some(POOL_WAIT))
        .create_timeout(Some(POOL_WAIT))
        .build()?)
}

/// How long [`pool`]'s pools wait for a connection.
pub const POOL_WAIT: Duration = Duration::from_secs(5);

/// The notification claim store on PostgreSQL: see the [module docs](self).
#[derive(Clone)]
pub struct PgClaims {
    pool: Pool,
    table: String,
    id_column: String,
    at_column: String,
    ttl: Duration,
}

impl fmt::Debug for PgClaims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // the pool's status only: its configuration holds the database password
        f.debug_struct("PgClaims")
            .field("table", &self.table)
            .field("claim_ttl", &self.ttl)
            .field("pool", &self.pool.status())
            .finish()
    }
}

/// A table or column prefix that is not a plain lower-case SQL identifier part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "prefix {0:?}: use at most 32 of a-z, 0-9 and _, not starting with a digit (it becomes part of an SQL name)"
)]
pub struct PrefixError(String);

fn check_prefix(prefix: &str) -> Result<(), PrefixError> {
    let ok = prefix.len() <= 32
        && !prefix.starts_with(|c: char| c.is_ascii_digit())
        && prefix
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(PrefixError(prefix.to_owned()))
    }
}

impl PgClaims {
    /// The store on `pool`, with the table `alipay_notify_processed` and a 60 s claim time to
    /// live. Run [`migrate`](Self::migrate) before the first claim.
    pub fn new(pool: Pool) -> Self {
        PgClaims {
            pool,
            table: "alipay_notify_processed".to_owned(),
            id_column: "notify_id".to_owned(),
            at_column: "processed_at".to_owned(),
            ttl: Duration::from_secs(60),
        }
    }

    /// The table is `<prefix>notify_processed` (`alipay_` by default; `""` allowed).
    pub fn table_prefix(mut self, prefix: &str) -> Result<Self, PrefixError> {
        check_prefix(prefix)?;
        self.table = format!("{prefix}notify_processed");
        Ok(self)
    }

    /// The columns are `<prefix>notify_id` and `<prefix>processed_at` (no prefix by default).
    pub fn column_prefix(mut self, prefix: &str) -> Result<Self, PrefixError> {
        check_prefix(prefix)?;
        self.id_column = format!("{prefix}notify_id");
        self.at_column = format!("{prefix}processed_at");
        Ok(self)
    }

    /// How long a claim may live: a statement of the claim's transaction running longer, or
    /// the transaction idle longer, ends its session on the server (rolled back, claim
    /// released). At least 1 s. Keep it under Alipay's first re-send (4 minutes), so that the
    /// re-send of a notification whose instance hung finds it free.
    pub fn claim_ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl.max(Duration::from_secs(1));
        self
    }

    /// The table's name.
    pub fn table(&self) -> &str {
        &self.table
    }

    /// The pool the store uses (the handler's transaction is one of its connections).
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The schema, as SQL: idempotent, and serialised between instances migrating at once.
    pub fn migration(&self) -> String {
        let (t, id, at) = (&self.table, &self.id_column, &self.at_column);
        format!(
            "BEGIN;\n\
             SELECT pg_advisory_xact_lock(hashtext('alipay-rs migration'));\n\
             CREATE TABLE IF NOT EXISTS \"{t}\" (\n    \
                 \"{id}\" text PRIMARY KEY,\n    \
                 \"{at}\" timestamptz NOT NULL DEFAULT now()\n\
             );\n\
             COMMIT;\n"
        )
    }

    /// Creates the table unless it exists ([`migration`](Self::migration)).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let conn = self.pool.get().await?;
        let mut held = Held(Some(conn));
        held.client()?.batch_execute(&self.migration()).await?;
        held.release();
        Ok(())
    }

    /// Whether `notify_id` was committed as processed (for operations and tests).
    pub async fn is_processed(&self, notify_id: &str) -> Result<bool, StoreError> {
        let conn = self.pool.get().await?;
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM \"{}\" WHERE \"{}\" = $1)",
            self.table, self.id_column
        );
        let row = conn.query_one(&sql, &[&notify_id]).await?;
        Ok(row.try_get(0)?)
    }

    /// The claim; `Claimed` carries the transaction's id.
    async fn try_claim(&self, held: &mut Held, notify_id: &str) -> Result<Claim<i64>, StoreError> {
        let client = held.client()?;
        let ttl = self.ttl.as_millis();
        client
            .batch_execute(&format!(
                "BEGIN; SET LOCAL statement_timeout = {ttl}; \
                 SET LOCAL idle_in_transaction_session_timeout = {ttl}"
            ))
            .await?;
        let lock = client
            .prepare_cached("SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2))")
            .await?;
        let locked: bool = client
            .query_one(&lock, &[&self.table, &notify_id])
            .await?
            .try_get(0)?;
        if !locked {
            return Ok(Claim::Busy);
        }
        let insert = client
            .prepare_cached(&format!(
                "INSERT INTO \"{}\" (\"{}\") VALUES ($1) ON CONFLICT DO NOTHING \
                 RETURNING txid_current()",
                self.table, self.id_column
            ))
            .await?;
        Ok(match client.query_opt(&insert, &[&notify_id]).await? {
            Some(row) => Claim::Claimed(row.try_get(0)?),
            None => Claim::Processed,
        })
    }
}

impl ClaimStore for PgClaims {
    type Tx = PgTransaction;

    async fn claim(&self, notify_id: &str) -> Result<Claim<PgTransaction>, StoreError> {
        let mut held = Held(Some(self.pool.get().await?));
        // On an error the transaction's state is unknown: `held` closes the connection.
        let found = self.try_claim(&mut held, notify_id).await?;
        match found {
            Claim::Claimed(xid) => Ok(Claim::Claimed(PgTransaction {
                held,
                notify_id: notify_id.to_owned(),
                xid,
            })),
            other => {
                // nothing written: end the transaction and give the connection back
                held.client()?.batch_execute("ROLLBACK").await?;
                held.release();
                Ok(match other {
                    Claim::Busy => Claim::Busy,
                    _ => Claim::Processed,
                })
            }
        }
    }

    async fn commit(&self, mut tx: PgTransaction) -> Result<(), StoreError> {
        // Before the COMMIT, in the same query string (one round trip), a check that the
        // claim's transaction is still the open one:
        // * a statement of the handler failed and the handler returned Ok anyway: the
        //   transaction is aborted, and PostgreSQL would answer COMMIT with a silent ROLLBACK,
        //   acknowledging a notification whose effect and record are gone. The check fails in an
        //   aborted transaction (25P02);
        // * the handler sent COMMIT or ROLLBACK itself: the check runs in a new transaction with
        //   no id, and raises.
        // Either way the COMMIT after it is skipped and the error drops `tx`, which closes the
        // connection (rolled back); the delivery is answered `fail`. (`xid` is our own integer.)
        let xid = tx.xid;
        tx.held
            .client()?
            .batch_execute(&format!(
                "DO $$ BEGIN IF txid_current_if_assigned() IS DISTINCT FROM {xid} THEN \
                 RAISE EXCEPTION 'the claim''s transaction was ended by the handler'; \
                 END IF; END $$; COMMIT"
            ))
            .await?;
        tx.held.release();
        Ok(())
    }
}

/// A claimed notification's open transaction: write the business effect through
/// [`client`](Self::client); the receiver commits it with the `notify_id` record. Do not end
/// the transaction yourself (`COMMIT`, `ROLLBACK`): the claim is the transaction (a delivery
/// whose handler did is answered `fail`).
pub struct PgTransaction {
    held: Held,
    notify_id: String,
    /// The transaction's id (`txid_current()` at the claim), checked before the commit.
    xid: i64,
}

impl PgTransaction {
    /// The connection the transaction is open on.
    pub fn client(&self) -> &tokio_postgres::Client {
        // `Held` is emptied only by `release`, which consumes the transaction's use of it
        match &self.held.0 {
            Some(conn) => conn,
            None => unreachable_client(),
        }
    }

    /// The `notify_id` claimed.
    pub fn notify_id(&self) -> &str {
        &self.notify_id
    }
}

impl fmt::Debug for PgTransaction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgTransaction")
            .field("notify_id", &self.notify_id)
            .finish_non_exhaustive()
    }
}

// A `PgTransaction` always holds its connection until `commit` consumes it; this is the one
// place that would otherwise need a panic, so it is spelled out.
#[cold]
fn unreachable_client() -> &'static tokio_postgres::Client {
    unreachable!("a PgTransaction holds its connection until it is committed")
}

/// A pooled connection in a transaction of ours. Dropped while still held (an error, a failed
/// or cancelled handler), the connection is detached from the pool and closed, so PostgreSQL
/// rolls back whatever it held; [`release`](Held::release) returns it to the pool after the
/// transaction ended normally.
struct Held(Option<Object>);

impl Held {
    fn client(&self) -> Result<&deadpool_postgres::ClientWrapper, StoreError> {
        match &self.0 {
            Some(conn) => Ok(conn),
            None => Err("the claim's connection was already released".into()),
        }
    }

    fn release(&mut self) {
        self.0 = None; // dropping the `Object` returns it to the pool
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Some(conn) = self.0.take() {
            drop(Object::take(conn));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_plain_identifier_parts() {
        for ok in ["", "shop_", "a1_", "x"] {
            assert_eq!(check_prefix(ok), Ok(()), "{ok}");
        }
        for bad in ["1a", "Shop", "a-b", "a\"b", "a;drop", &"a".repeat(33), "é"] {
            assert!(check_prefix(bad).is_err(), "{bad}");
        }
    }
}
