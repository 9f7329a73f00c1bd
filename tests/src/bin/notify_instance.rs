//! `notify-instance`: one instance of a merchant's notify endpoint, for the multi-instance test
//! (`tests/tests/notify_instances.rs`) and the benchmark (`tests/benches/notify_store.rs`).
//!
//! ```text
//! notify-instance --pg CONFIG --pool N --name NAME [--handler-ms MS]
//!                 [--hang-on OUT_TRADE_NO --marker FILE] [--app-id ID] [--alipay-public-key PEM]
//! ```
//!
//! It listens on `127.0.0.1:0` and prints `listening PORT` on stdout (its only line there),
//! once its tables exist. Every POST body goes through [`NotifyReceiver::handle_in`] with a
//! [`PgClaims`] store on a pool of `N` connections of its own; the handler writes one row into
//! `effects` (no unique constraint: a second processing would show as a second row) through
//! the claim's transaction, sleeps `--handler-ms`, and, for the `out_trade_no` of `--hang-on`,
//! creates `--marker` (when it does not exist yet) and then hangs forever: the test kills the
//! process there, after its effect row was written and before the commit. The answer's body is
//! [`Handled::answer`]; each delivery's outcome (`processed`, `duplicate`, `busy`, `failed`,
//! `rejected`) is written into `answers` on a connection of another pool once the answer is
//! decided, before it is sent (an answer a client saw is in the table).

use std::convert::Infallible;
use std::io::{ErrorKind, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use alipay_core::AlipayPublicKey;
use alipay_core::notify::postgres::deadpool_postgres::Pool;
use alipay_core::notify::postgres::{PgClaims, PgTransaction, pool};
use alipay_core::notify::{Handled, Notification, NotifyReceiver, RetryCause};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The sandbox's demo app and the committed gateway key (`alipay-core/testdata`).
const DEFAULT_APP_ID: &str = "2021000000000001";
const DEFAULT_KEY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../alipay-core/testdata/gateway_public_spki.pem"
);

/// A notification body is a few kilobytes; anything far larger is refused unread.
const MAX_BODY: usize = 256 * 1024;

const USAGE: &str = "usage: notify-instance --pg CONFIG --pool N --name NAME [--handler-ms MS] \
                     [--hang-on OUT_TRADE_NO --marker FILE] [--app-id ID] [--alipay-public-key PEM]";

/// The tables of the test's merchant: its business effect and the answers it gave.
const SCHEMA: &str = "BEGIN;
SELECT pg_advisory_xact_lock(hashtext('notify-instance schema'));
CREATE TABLE IF NOT EXISTS effects (
    notify_id    text NOT NULL,
    notify_type  text,
    out_trade_no text,
    trade_status text,
    refund_fee   text,
    out_biz_no   text,
    instance     text NOT NULL,
    written_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE IF NOT EXISTS answers (
    notify_id   text,
    instance    text NOT NULL,
    outcome     text NOT NULL,
    answered_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMIT;";

struct Args {
    pg: String,
    pool: usize,
    name: String,
    handler_ms: u64,
    hang_on: Option<String>,
    marker: Option<PathBuf>,
    app_id: String,
    key: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut pg = None;
    let mut pool = None;
    let mut name = None;
    let mut handler_ms = 0;
    let mut hang_on = None;
    let mut marker = None;
    let mut app_id = DEFAULT_APP_ID.to_owned();
    let mut key = PathBuf::from(DEFAULT_KEY);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--pg" => pg = Some(value()?),
            "--pool" => {
                let v = value()?;
                pool = Some(
                    v.parse::<usize>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| format!("--pool {v}: a number of connections > 0"))?,
                );
            }
            "--name" => name = Some(value()?),
            "--handler-ms" => {
                let v = value()?;
                handler_ms = v
                    .parse()
                    .map_err(|_| format!("--handler-ms {v}: milliseconds"))?;
            }
            "--hang-on" => hang_on = Some(value()?),
            "--marker" => marker = Some(PathBuf::from(value()?)),
            "--app-id" => app_id = value()?,
            "--alipay-public-key" => key = PathBuf::from(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if hang_on.is_some() != marker.is_some() {
        return Err("--hang-on and --marker go together".to_owned());
    }
    Ok(Args {
        pg: pg.ok_or("--pg is required")?,
        pool: pool.ok_or("--pool is required")?,
        name: name.ok_or("--name is required")?,
        handler_ms,
        hang_on,
        marker,
        app_id,
        key,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("notify-instance: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("notify-instance: a runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let name = args.name.clone();
    match runtime.block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("notify-instance {name}: {e}");
            ExitCode::FAILURE
        }
    }
}

struct Instance {
    receiver: NotifyReceiver,
    claims: PgClaims,
    answers: Pool,
    name: String,
    handler: Duration,
    hang_on: Option<(String, PathBuf)>,
}

async fn serve(args: Args) -> Result<(), BoxError> {
    let key_text =
        std::fs::read_to_string(&args.key).map_err(|e| format!("{}: {e}", args.key.display()))?;
    let key = AlipayPublicKey::from_text(&key_text)?;
    let claims = PgClaims::new(pool(&args.pg, args.pool)?);
    claims.migrate().await?;
    let answers = pool(&args.pg, 2)?;
    answers.get().await?.batch_execute(SCHEMA).await?;
    let instance = Arc::new(Instance {
        receiver: NotifyReceiver::new(key, args.app_id),
        claims,
        answers,
        name: args.name,
        handler: Duration::from_millis(args.handler_ms),
        hang_on: args.hang_on.zip(args.marker),
    });

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening {port}")?;
        out.flush()?;
    }
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // out of file descriptors and the like: wait a little, keep serving
                eprintln!("notify-instance {}: accept: {e}", instance.name);
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let instance = Arc::clone(&instance);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let instance = Arc::clone(&instance);
                async move { Ok::<_, Infallible>(instance.answer(req).await) }
            });
            // a client going away mid-request is its business
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

fn text(status: StatusCode, body: &'static str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from_static(body.as_bytes())));
    *response.status_mut() = status;
    response
}

impl Instance {
    async fn answer(&self, req: Request<Incoming>) -> Response<Full<Bytes>> {
        if req.method() != Method::POST {
            return text(StatusCode::METHOD_NOT_ALLOWED, "POST a notification");
        }
        let body = match Limited::new(req.into_body(), MAX_BODY).collect().await {
            Ok(b) => b.to_bytes(),
            Err(_) => return text(StatusCode::BAD_REQUEST, "fail"),
        };
        let handled = self
            .receiver
            .handle_in(&self.claims, &body, async |n, tx| self.effect(n, tx).await)
            .await;
        let (notify_id, outcome) = match &handled {
            Handled::Processed(c) => (Some(c.notify_id.as_str()), "processed"),
            Handled::Duplicate { notify_id } => (Some(notify_id.as_str()), "duplicate"),
            Handled::Retry {
                notify_id,
                cause: RetryCause::InFlight | RetryCause::HeldElsewhere,
            } => (Some(notify_id.as_str()), "busy"),
            Handled::Retry { notify_id, cause } => {
                eprintln!("notify-instance {}: {notify_id}: {cause}", self.name);
                (Some(notify_id.as_str()), "failed")
            }
            Handled::Failed { notify_id, error } => {
                eprintln!(
                    "notify-instance {}: {notify_id}: handler: {error}",
                    self.name
                );
                (Some(notify_id.as_str()), "failed")
            }
            Handled::Rejected(e) => {
                eprintln!("notify-instance {}: rejected: {e}", self.name);
                (None, "rejected")
            }
        };
        if let Err(e) = self.record(notify_id, outcome).await {
            eprintln!(
                "notify-instance {}: recording {outcome} of {notify_id:?}: {e}",
                self.name
            );
        }
        text(StatusCode::OK, handled.answer())
    }

    /// The business effect, in the claim's transaction.
    async fn effect(&self, n: &Notification, tx: &mut PgTransaction) -> Result<(), BoxError> {
        tx.client()
            .execute(
                "INSERT INTO effects (notify_id, notify_type, out_trade_no, trade_status, \
                 refund_fee, out_biz_no, instance) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    &n.get("notify_id"),
                    &n.notify_type(),
                    &n.get("out_trade_no"),
                    &n.get("trade_status"),
                    &n.get("refund_fee"),
                    &n.get("out_biz_no"),
                    &self.name,
                ],
            )
            .await?;
        if !self.handler.is_zero() {
            tokio::time::sleep(self.handler).await;
        }
        if let Some((out_trade_no, marker)) = &self.hang_on
            && n.get("out_trade_no") == Some(out_trade_no.as_str())
        {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(marker)
            {
                Ok(mut file) => {
                    let _ = writeln!(file, "{}", self.name);
                    drop(file);
                    eprintln!(
                        "notify-instance {}: {out_trade_no} written, not committed; hanging",
                        self.name
                    );
                    std::future::pending::<()>().await;
                }
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
                Err(e) => return Err(format!("{}: {e}", marker.display()).into()),
            }
        }
        Ok(())
    }

    async fn record(&self, notify_id: Option<&str>, outcome: &str) -> Result<(), BoxError> {
        let conn = self.answers.get().await?;
        let statement = conn
            .prepare_cached(
                "INSERT INTO answers (notify_id, instance, outcome) VALUES ($1, $2, $3)",
            )
            .await?;
        conn.execute(&statement, &[&notify_id, &self.name, &outcome])
            .await?;
        Ok(())
    }
}
