//! What the PostgreSQL claim store costs a notify endpoint (not a test; `harness = false`):
//!
//! ```sh
//! cargo bench -p alipay-tests --bench notify_store
//! ```
//!
//! Starts the test kit's throwaway PostgreSQL server, then measures
//!
//! * **throughput**: `N` distinct signed notifications POSTed over 32 concurrent client
//!   connections straight to one `notify-instance` process, then to three (the connections
//!   spread round-robin over them), each instance on `PgClaims` with one INSERT as its
//!   business effect; notifications per second, from the first request to the last answer;
//! * **latency**: in this process, one notification at a time, `NotifyReceiver::handle` with
//!   the default `MemorySeen`, `handle_in` with `MemoryClaims`, and `handle_in` with
//!   `PgClaims` (the handler one INSERT through the claim's transaction); p50 and p99.
//!
//! Environment: `NOTIFY_BENCH_N` (default 3000) notifications per throughput run,
//! `NOTIFY_BENCH_LATENCY_N` (default 2000) per latency series.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alipay_core::notify::postgres::{PgClaims, PgTransaction, pool};
use alipay_core::notify::{Handled, MemoryClaims, Notification, NotifyReceiver};
use alipay_core::{Charset, SignType};
use alipay_testkit::keys;
use alipay_testkit::postgres::TestPostgres;
use alipay_tests::NotifyInstances;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioIo;

const CONNECTIONS: usize = 32;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `n` signed notifications with the ids `{prefix}-0` ….
fn bodies(prefix: &str, n: usize) -> Vec<Bytes> {
    let key = keys::gateway_private();
    (0..n)
        .map(|i| {
            let id = format!("{prefix}-{i}");
            let out_trade_no = format!("B{prefix}{i}");
            let body = alipay_core::gateway::sign_notification(
                [
                    ("notify_id", id.as_str()),
                    ("notify_type", "trade_status_sync"),
                    ("notify_time", "2026-12-02 12:05:06"),
                    ("app_id", keys::APP_ID),
                    ("out_trade_no", out_trade_no.as_str()),
                    ("trade_status", "TRADE_SUCCESS"),
                    ("total_amount", "10.00"),
                ],
                &key,
                SignType::Rsa2,
                Charset::Utf8,
            )
            .expect("signed");
            Bytes::from(body)
        })
        .collect()
}

/// POSTs every body once over `CONNECTIONS` keep-alive connections (connection `k` to
/// `targets[k % len]`); the elapsed time. Every answer must be `success`.
async fn blast(targets: &[SocketAddr], bodies: Arc<Vec<Bytes>>) -> Duration {
    let mut senders = Vec::new();
    for k in 0..CONNECTIONS {
        let target = targets[k % targets.len()];
        let stream = tokio::net::TcpStream::connect(target)
            .await
            .expect("connect");
        stream.set_nodelay(true).expect("nodelay");
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .expect("handshake");
        tokio::spawn(conn);
        senders.push((target, sender));
    }
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let tasks: Vec<_> = senders
        .into_iter()
        .map(|(target, mut sender)| {
            let (next, bodies) = (Arc::clone(&next), Arc::clone(&bodies));
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(body) = bodies.get(i) else { return };
                    let req = Request::post(format!("http://{target}/notify"))
                        .header(
                            hyper::header::CONTENT_TYPE,
                            "application/x-www-form-urlencoded;charset=utf-8",
                        )
                        .body(Full::new(body.clone()))
                        .expect("request");
                    sender.ready().await.expect("connection ready");
                    let resp = sender.send_request(req).await.expect("answer");
                    let answer = resp.into_body().collect().await.expect("body").to_bytes();
                    assert_eq!(&answer[..], b"success", "notification {i}");
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("sender");
    }
    start.elapsed()
}

struct Percentiles {
    p50: Duration,
    p99: Duration,
    mean: Duration,
}

fn percentiles(mut samples: Vec<Duration>) -> Percentiles {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
    let total: Duration = samples.iter().sum();
    Percentiles {
        p50: at(0.50),
        p99: at(0.99),
        mean: total / samples.len() as u32,
    }
}

fn us(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

async fn insert(n: &Notification, tx: &mut PgTransaction) -> Result<(), String> {
    tx.client()
        .execute(
            "INSERT INTO bench_effects (notify_id, out_trade_no) VALUES ($1, $2)",
            &[&n.get("notify_id"), &n.get("out_trade_no")],
        )
        .await
        .map(drop)
        .map_err(|e| e.to_string())
}

fn processed<E: std::fmt::Debug>(h: &Handled<E>) {
    assert!(matches!(h, Handled::Processed(_)), "{h:?}");
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument (a filter) is ignored.
    let n = env_usize("NOTIFY_BENCH_N", 3000);
    let latency_n = env_usize("NOTIFY_BENCH_LATENCY_N", 2000);
    let pg = TestPostgres::start().expect("a throwaway PostgreSQL server");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    eprintln!("signing {} notifications…", 3 * n + 3 * latency_n + 400);
    let warm = Arc::new(bodies("warm", 200));
    let one = Arc::new(bodies("one", n));
    let three = Arc::new(bodies("three", n));
    let lat_memory = bodies("mem", latency_n);
    let lat_claims = bodies("claims", latency_n);
    let lat_pg = bodies("pg", latency_n);
    let lat_warm = bodies("latwarm", 200);

    let (t1, t3) = runtime.block_on(async {
        let mut instances = NotifyInstances::new(env!("CARGO_BIN_EXE_notify-instance"));
        let a = instances.start(&pg.config(), 16, "a", &[]);
        blast(&[a], Arc::clone(&warm)).await;
        let t1 = blast(&[a], one).await;
        drop(instances);
        let mut instances = NotifyInstances::new(env!("CARGO_BIN_EXE_notify-instance"));
        let targets: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|name| instances.start(&pg.config(), 16, name, &[]))
            .collect();
        let t3 = blast(&targets, three).await;
        (t1, t3)
    });

    let (memory, claims_mem, pg_lat) = runtime.block_on(async {
        // the default receiver: verify, MemorySeen, a handler that does nothing
        let receiver = NotifyReceiver::new(keys::alipay_public(), keys::APP_ID);
        for b in &lat_warm {
            let _ = receiver.handle(b, |_| Ok::<(), ()>(()));
        }
        let mut memory = Vec::with_capacity(latency_n);
        for b in &lat_memory {
            let start = Instant::now();
            let h = receiver.handle(b, |_| Ok::<(), ()>(()));
            memory.push(start.elapsed());
            processed(&h);
        }
        // handle_in with the in-process claim store
        let store = MemoryClaims::default();
        let receiver = NotifyReceiver::new(keys::alipay_public(), keys::APP_ID);
        let mut claims_mem = Vec::with_capacity(latency_n);
        for b in &lat_claims {
            let start = Instant::now();
            let h = receiver
                .handle_in(&store, b, async |_, _| Ok::<(), ()>(()))
                .await;
            claims_mem.push(start.elapsed());
            processed(&h);
        }
        // handle_in with PgClaims, the handler one INSERT in the claim's transaction
        let claims = PgClaims::new(pool(&pg.config(), 4).expect("pool"));
        claims.migrate().await.expect("migrate");
        claims
            .pool()
            .get()
            .await
            .expect("connection")
            .batch_execute(
                "CREATE TABLE IF NOT EXISTS bench_effects (notify_id text NOT NULL, \
                 out_trade_no text NOT NULL)",
            )
            .await
            .expect("effects table");
        let receiver = NotifyReceiver::new(keys::alipay_public(), keys::APP_ID);
        for b in &lat_warm {
            let _ = receiver.handle_in(&claims, b, insert).await;
        }
        let mut pg_lat = Vec::with_capacity(latency_n);
        for b in &lat_pg {
            let start = Instant::now();
            let h = receiver.handle_in(&claims, b, insert).await;
            pg_lat.push(start.elapsed());
            processed(&h);
        }
        (memory, claims_mem, pg_lat)
    });

    let per_sec = |t: Duration| n as f64 / t.as_secs_f64();
    println!();
    println!("throughput: {n} distinct notifications, {CONNECTIONS} client connections");
    println!();
    println!("| instances | time | notifications/s |");
    println!("| --- | --- | --- |");
    println!("| 1 | {:.2} s | {:.0} |", t1.as_secs_f64(), per_sec(t1));
    println!("| 3 | {:.2} s | {:.0} |", t3.as_secs_f64(), per_sec(t3));
    println!();
    println!("latency: {latency_n} notifications one at a time, in process");
    println!();
    println!("| store | p50 | p99 | mean |");
    println!("| --- | --- | --- | --- |");
    let (m, c, p) = (
        percentiles(memory),
        percentiles(claims_mem),
        percentiles(pg_lat),
    );
    for (name, s) in [
        ("`handle`, default `MemorySeen`", &m),
        ("`handle_in`, `MemoryClaims`", &c),
        ("`handle_in`, `PgClaims` + one INSERT", &p),
    ] {
        println!(
            "| {name} | {} | {} | {} |",
            us(s.p50),
            us(s.p99),
            us(s.mean)
        );
    }
    println!(
        "| added by PostgreSQL (PgClaims − MemorySeen) | {} | {} | {} |",
        us(p.p50.saturating_sub(m.p50)),
        us(p.p99.saturating_sub(m.p99)),
        us(p.mean.saturating_sub(m.mean)),
    );
}
