//! Notifications at scale: three `notify-instance` processes (one merchant endpoint, three
//! instances) on one PostgreSQL database, fed by the sandbox through a fan-out proxy that
//! forwards every delivery to all three at once and injects extra copies. Every notification
//! the sandbox sends must be processed exactly once: one effect row, one `processed` answer.
//! Then an instance SIGKILLed in the middle of its handler: its write vanishes, another
//! instance processes the re-sent notification once.
//!
//! The PostgreSQL server is the test kit's throwaway one (`scripts/setup-postgres.sh` installs
//! it when missing); the sandbox runs in the test's process.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use alipay_core::notify::postgres::deadpool_postgres::Pool;
use alipay_core::notify::postgres::pool;
use alipay_core::{
    AlipayClient, AlipayPublicKey, AppPrivateKey, AppPublicKey, Call, Gateway, GatewayPrivateKey,
};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_testkit::http::{Method, StatusCode, send};
use alipay_testkit::postgres::TestPostgres;
use alipay_tests::NotifyInstances;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};
use serde_json::{Value, json};

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";

/// How long the proxy waits for the instances' answers to one delivery (the sandbox gives up
/// on an answer after 5 s).
const PROXY_DEADLINE: Duration = Duration::from_secs(2);

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

// ---- processes ---------------------------------------------------------------------------

fn database() -> TestPostgres {
    TestPostgres::start().unwrap_or_else(|e| panic!("a throwaway PostgreSQL server: {e}"))
}

// ---- the fan-out proxy -------------------------------------------------------------------

/// The `notify_url`: forwards each delivery to every instance at once (and, for a share of
/// them, once more after a short random delay), answers `success` when an instance did.
struct Proxy {
    targets: RwLock<Vec<SocketAddr>>,
    client: Client<HttpConnector, Full<Bytes>>,
    /// The share of deliveries forwarded a second time, in percent.
    duplicate_percent: u64,
    /// The `notify_id`s the sandbox delivered, and how many deliveries it made.
    seen: Mutex<HashSet<String>>,
    deliveries: AtomicU64,
    injected: AtomicU64,
    /// Deliveries answered `fail`: after every instance answered something else, or when the
    /// deadline passed first. The first happens when an extra copy sent with a delay near 0
    /// reaches an instance together with the original and gets processed there: the original
    /// is answered `busy` by that instance (in flight) and by the others (held elsewhere), and
    /// the sandbox re-sends it, to be answered `duplicate`: Alipay's own re-send at work.
    failed_all: AtomicU64,
    failed_deadline: AtomicU64,
    /// Forwards started and not finished (the extra copies included).
    in_flight: AtomicUsize,
    random: AtomicU64,
}

struct ProxyHandle {
    proxy: Arc<Proxy>,
    url: String,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for ProxyHandle {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The `notify_id` of a form body (Alipay's are hex: never percent-encoded).
fn notify_id_of(body: &[u8]) -> Option<String> {
    std::str::from_utf8(body)
        .ok()?
        .split('&')
        .find_map(|pair| pair.strip_prefix("notify_id="))
        .map(str::to_owned)
}

impl Proxy {
    async fn start(targets: Vec<SocketAddr>, duplicate_percent: u64) -> ProxyHandle {
        let mut client = Client::builder(TokioExecutor::new());
        client.pool_max_idle_per_host(64);
        let proxy = Arc::new(Proxy {
            targets: RwLock::new(targets),
            client: client.build_http(),
            duplicate_percent,
            seen: Mutex::new(HashSet::new()),
            deliveries: AtomicU64::new(0),
            injected: AtomicU64::new(0),
            failed_all: AtomicU64::new(0),
            failed_deadline: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
            random: AtomicU64::new(0x5eed),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/notify", listener.local_addr().unwrap());
        let serving = Arc::clone(&proxy);
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let proxy = Arc::clone(&serving);
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| {
                        let proxy = Arc::clone(&proxy);
                        async move { Ok::<_, std::convert::Infallible>(proxy.delivery(req).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        ProxyHandle { proxy, url, task }
    }

    fn random(&self) -> u64 {
        splitmix64(self.random.fetch_add(1, Ordering::Relaxed))
    }

    fn set_targets(&self, targets: Vec<SocketAddr>) {
        *self.targets.write().unwrap() = targets;
    }

    async fn delivery(self: Arc<Self>, req: Request<Incoming>) -> Response<Full<Bytes>> {
        let content_type = req
            .headers()
            .get(hyper::header::CONTENT_TYPE)
            .cloned()
            .unwrap_or(hyper::header::HeaderValue::from_static(
                "application/x-www-form-urlencoded",
            ));
        let Ok(body) = req.into_body().collect().await.map(|b| b.to_bytes()) else {
            return Response::new(Full::new(Bytes::from_static(b"fail")));
        };
        self.deliveries.fetch_add(1, Ordering::Relaxed);
        if let Some(id) = notify_id_of(&body) {
            self.seen.lock().unwrap().insert(id);
        }
        let targets = self.targets.read().unwrap().clone();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        for target in &targets {
            let tx = tx.clone();
            let forward = self
                .clone()
                .forward(*target, body.clone(), content_type.clone());
            // a task of its own: the instance finishes its work whatever this answer does
            tokio::spawn(async move {
                let _ = tx.send(forward.await);
            });
        }
        drop(tx);
        if self.random() % 100 < self.duplicate_percent {
            self.injected.fetch_add(1, Ordering::Relaxed);
            let delay = Duration::from_millis(self.random() % 30);
            let this = Arc::clone(&self);
            this.in_flight.fetch_add(1, Ordering::SeqCst);
            let (body, content_type) = (body.clone(), content_type.clone());
            tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                let copies: Vec<_> = targets
                    .iter()
                    .map(|t| {
                        let forward = this.clone().forward(*t, body.clone(), content_type.clone());
                        tokio::spawn(forward)
                    })
                    .collect();
                for c in copies {
                    let _ = c.await;
                }
                this.in_flight.fetch_sub(1, Ordering::SeqCst);
            });
        }
        let mut success = false;
        let in_time = tokio::time::timeout(PROXY_DEADLINE, async {
            while let Some(answer) = rx.recv().await {
                if answer {
                    success = true;
                    break;
                }
            }
        })
        .await;
        if !success {
            let why = match in_time {
                Ok(()) => &self.failed_all,
                Err(_) => &self.failed_deadline,
            };
            why.fetch_add(1, Ordering::Relaxed);
        }
        let answer: &'static [u8] = if success { b"success" } else { b"fail" };
        Response::new(Full::new(Bytes::from_static(answer)))
    }

    /// POSTs `body` to `target`: whether it answered exactly `success`.
    async fn forward(
        self: Arc<Self>,
        target: SocketAddr,
        body: Bytes,
        content_type: hyper::header::HeaderValue,
    ) -> bool {
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        let sent = async {
            let req = Request::post(format!("http://{target}/notify"))
                .header(hyper::header::CONTENT_TYPE, content_type)
                .body(Full::new(body))
                .ok()?;
            let resp = self.client.request(req).await.ok()?;
            let bytes = resp.into_body().collect().await.ok()?.to_bytes();
            Some(&bytes[..] == b"success")
        };
        // an instance that hangs is cut off after a while (its answer would be lost anyway)
        let ok = tokio::time::timeout(Duration::from_secs(10), sent)
            .await
            .ok()
            .flatten()
            == Some(true);
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        ok
    }

    fn seen(&self) -> BTreeSet<String> {
        self.seen.lock().unwrap().iter().cloned().collect()
    }
}

// ---- the sandbox and the merchant's calls ------------------------------------------------

async fn sandbox() -> Sandbox {
    let config = SandboxConfig::new(
        APP_ID,
        AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap(),
        GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
    );
    start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap()
}

fn client(sb: &Sandbox) -> AlipayClient {
    AlipayClient::builder(
        APP_ID,
        AppPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(Gateway::new(&sb.gateway_url).unwrap())
    .build()
    .unwrap()
}

/// A JSON POST to the sandbox at `base` (`http://addr`) that must answer 200.
async fn post_json(base: &str, path: &str, body: Value) -> Value {
    let url = format!("{base}{path}");
    let body = body.to_string();
    let headers = [("content-type", "application/json")];
    let answer = send(Method::POST, &url, &headers, body.as_bytes()).await;
    assert_eq!(answer.status, StatusCode::OK, "{path}: {}", answer.text());
    answer.json()
}

/// A buyer with `balance` yuan.
async fn add_buyer(base: &str, user_id: &str, balance: &str) {
    post_json(
        base,
        "/admin/users",
        json!({"user_id": user_id, "logon_id": format!("{user_id}@sandbox.test"),
               "balance": balance}),
    )
    .await;
}

/// A call that must succeed (`10000`), with `notify_url`; its node.
async fn call(c: &AlipayClient, method: &str, biz: Value, notify_url: &str) -> Value {
    let request = Call::new(method).biz_content(biz.to_string());
    let answer = c
        .call(&request)
        .notify_url(notify_url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{method} {biz}: {e:?}"));
    let node: Value = serde_json::from_str(&answer.node).unwrap();
    assert_eq!(node["code"], "10000", "{method} {biz}: {node}");
    node
}

/// The merchant's side of the test: the sandbox's address, the client, the `notify_url`.
#[derive(Clone)]
struct Merchant {
    base: String,
    client: AlipayClient,
    notify_url: String,
}

impl Merchant {
    fn new(sb: &Sandbox, notify_url: &str) -> Merchant {
        Merchant {
            base: format!("http://{}", sb.local_addr),
            client: client(sb),
            notify_url: notify_url.to_owned(),
        }
    }

    /// `buyer` pays `fen` for `out_trade_no` with a fresh payment code.
    async fn pay(&self, out_trade_no: &str, buyer: &str, fen: u64) {
        let code = post_json(
            &self.base,
            "/cashier/payment-code",
            json!({"buyer_user_id": buyer}),
        )
        .await;
        let biz = json!({"out_trade_no": out_trade_no, "total_amount": yuan(fen),
                         "subject": "notify at scale", "scene": "bar_code",
                         "auth_code": code["auth_code"]});
        call(&self.client, "alipay.trade.pay", biz, &self.notify_url).await;
    }

    /// Refunds `fen` of `out_trade_no` as `out_request_no`: the trade's refunded total.
    async fn refund(&self, out_trade_no: &str, out_request_no: &str, fen: u64) -> String {
        let biz = json!({"out_trade_no": out_trade_no, "refund_amount": yuan(fen),
                         "out_request_no": out_request_no});
        let node = call(&self.client, "alipay.trade.refund", biz, &self.notify_url).await;
        assert_eq!(node["fund_change"], "Y", "{node}");
        node["refund_fee"].as_str().unwrap().to_owned()
    }
}

fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

// ---- the database ------------------------------------------------------------------------

async fn count(db: &Pool, sql: &str) -> i64 {
    db.get()
        .await
        .unwrap()
        .query_one(sql, &[])
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .get(0)
}

/// Waits until `sql` counts `expected` and the proxy has nothing in flight, for `limit`.
async fn settle(db: &Pool, proxy: &Proxy, sql: &str, expected: i64, limit: Duration) {
    let start = Instant::now();
    loop {
        let now = count(db, sql).await;
        if now == expected && proxy.in_flight.load(Ordering::SeqCst) == 0 {
            // and still so a moment later (a re-send answered in between)
            tokio::time::sleep(Duration::from_millis(300)).await;
            if count(db, sql).await == expected && proxy.in_flight.load(Ordering::SeqCst) == 0 {
                return;
            }
        }
        assert!(
            start.elapsed() < limit,
            "{sql}: {now} after {limit:?}, expected {expected}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `answers` as (outcome → count).
async fn outcomes(db: &Pool, filter: &str) -> BTreeMap<String, i64> {
    let sql = format!("SELECT outcome, count(*) FROM answers {filter} GROUP BY outcome");
    db.get()
        .await
        .unwrap()
        .query(&sql, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

// ---- the tests ---------------------------------------------------------------------------

const TRADES: usize = 2_000;
const BUYERS: usize = 20;
const WORKERS: usize = 32;

/// The refunds of trade `i` of `fen`: one in full (40 %), one partial (20 %), partial then
/// the rest (20 %) or none (40 %). The last refund of a trade refunded in full closes it.
fn refunds_of(i: usize, fen: u64) -> Vec<u64> {
    match i % 5 {
        0 => vec![fen],
        1 => vec![100],
        2 => vec![100, fen - 100],
        _ => Vec::new(),
    }
}

fn amount_of(i: usize) -> u64 {
    1_000 + (i as u64 % 7) * 100
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_instances_process_every_notification_once() {
    let started = Instant::now();
    let pg = database();
    let sb = sandbox().await;
    let mut instances = NotifyInstances::new(env!("CARGO_BIN_EXE_notify-instance"));
    let targets = ["a", "b", "c"]
        .iter()
        .map(|n| instances.start(&pg.config(), 8, n, &["--handler-ms", "3"]))
        .collect();
    let proxy = Proxy::start(targets, 30).await;
    let db = pool(&pg.config(), 4).unwrap();
    let merchant = Merchant::new(&sb, &proxy.url);
    let buyers: Arc<Vec<String>> = Arc::new(
        (0..BUYERS)
            .map(|b| format!("2088{:012}", 500 + b))
            .collect(),
    );
    for b in buyers.iter() {
        add_buyer(&merchant.base, b, "100000.00").await;
    }
    let set_up = started.elapsed();

    // WORKERS at a time: a payment, then its refunds; every call with the proxy as notify_url
    let next = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (next, buyers, merchant) =
                (Arc::clone(&next), Arc::clone(&buyers), merchant.clone());
            tokio::spawn(async move {
                // (out_request_no, out_trade_no, the trade's refunded total after it)
                let mut refunds = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= TRADES {
                        return refunds;
                    }
                    let out_trade_no = format!("T{i:05}");
                    let fen = amount_of(i);
                    merchant.pay(&out_trade_no, &buyers[i % BUYERS], fen).await;
                    for (k, part) in refunds_of(i, fen).into_iter().enumerate() {
                        let out_request_no = format!("{out_trade_no}-R{k}");
                        let total = merchant.refund(&out_trade_no, &out_request_no, part).await;
                        refunds.push((out_request_no, out_trade_no.clone(), total));
                    }
                }
            })
        })
        .collect();
    let mut refunds = BTreeMap::new();
    for w in workers {
        for (out_request_no, out_trade_no, total) in w.await.unwrap() {
            refunds.insert(out_request_no, (out_trade_no, total));
        }
    }
    let driven = started.elapsed();
    let expected = TRADES + refunds.len();
    // the sandbox's books: every payment and refund happened once
    let (paid, refunded) = sb.with_ledger(|l| {
        let paid = (0..TRADES)
            .filter(|i| l.trade_by_out_trade_no(&format!("T{i:05}")).is_some())
            .count();
        (paid, l.trade_refunds().len())
    });
    assert_eq!((paid, refunded), (TRADES, refunds.len()));

    settle(
        &db,
        &proxy.proxy,
        "SELECT count(DISTINCT notify_id) FROM effects",
        expected as i64,
        Duration::from_secs(90),
    )
    .await;
    let settled = started.elapsed();

    // one effect per notification the sandbox sent, and the ids are exactly the ones it sent
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM (SELECT notify_id FROM effects GROUP BY notify_id \
             HAVING count(*) <> 1) twice"
        )
        .await,
        0,
        "a notification processed twice"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM effects").await,
        expected as i64
    );
    let effect_ids: BTreeSet<String> = db
        .get()
        .await
        .unwrap()
        .query("SELECT notify_id FROM effects", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let sent = proxy.proxy.seen();
    assert_eq!(sent.len(), expected, "notifications the sandbox sent");
    assert_eq!(effect_ids, sent);
    assert_eq!(
        count(&db, "SELECT count(*) FROM alipay_notify_processed").await,
        expected as i64
    );

    // per trade: one payment notification, one per refund
    let per_trade: BTreeMap<String, (i64, i64, i64)> = db
        .get()
        .await
        .unwrap()
        .query(
            "SELECT out_trade_no, \
                    count(*) FILTER (WHERE trade_status = 'TRADE_SUCCESS' AND refund_fee IS NULL), \
                    count(*) FILTER (WHERE out_biz_no IS NOT NULL), count(*) \
             FROM effects GROUP BY out_trade_no",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3))))
        .collect();
    assert_eq!(per_trade.len(), TRADES);
    for i in 0..TRADES {
        let n = refunds_of(i, amount_of(i)).len() as i64;
        assert_eq!(
            per_trade.get(&format!("T{i:05}")),
            Some(&(1, n, 1 + n)),
            "T{i:05}: (payment, refunds, all)"
        );
    }
    // per refund: its notification once, with the refunded total the call answered; the one
    // that refunded the whole trade says TRADE_CLOSED
    let per_refund: BTreeMap<String, (i64, String, String, String)> = db
        .get()
        .await
        .unwrap()
        .query(
            "SELECT out_biz_no, count(*), max(out_trade_no), max(refund_fee), max(trade_status) \
             FROM effects WHERE out_biz_no IS NOT NULL GROUP BY out_biz_no",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3), r.get(4))))
        .collect();
    assert_eq!(per_refund.len(), refunds.len());
    for (out_request_no, (out_trade_no, total)) in &refunds {
        let i: usize = out_trade_no[1..].parse().unwrap();
        let closed = *total == yuan(amount_of(i));
        let status = if closed {
            "TRADE_CLOSED"
        } else {
            "TRADE_SUCCESS"
        };
        assert_eq!(
            per_refund.get(out_request_no),
            Some(&(1, out_trade_no.clone(), total.clone(), status.to_owned())),
            "{out_request_no}"
        );
    }

    // the answers: exactly one `processed` per notification, by the instance whose effect
    // committed; the copies overlapped for real (busy) and came after commits (duplicate)
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM (SELECT notify_id FROM answers GROUP BY notify_id \
             HAVING count(*) FILTER (WHERE outcome = 'processed') <> 1) not_once"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM answers a JOIN effects e USING (notify_id) \
             WHERE a.outcome = 'processed' AND a.instance <> e.instance"
        )
        .await,
        0
    );
    let outcomes = outcomes(&db, "").await;
    let of = |o: &str| outcomes.get(o).copied().unwrap_or(0);
    assert_eq!(of("processed"), expected as i64, "{outcomes:?}");
    assert!(of("busy") > 0, "{outcomes:?}");
    assert!(of("duplicate") > 0, "{outcomes:?}");
    assert_eq!(of("failed") + of("rejected"), 0, "{outcomes:?}");
    let by_instance: BTreeMap<String, i64> = db
        .get()
        .await
        .unwrap()
        .query(
            "SELECT instance, count(*) FROM effects GROUP BY instance",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    eprintln!(
        "{TRADES} trades, {} refunds: {expected} notifications, {} deliveries from the sandbox, \
         {} extra copies injected, {} answered fail (no instance said success: {}, too slow: \
         {}); answers {outcomes:?}; processed by {by_instance:?}; set up {set_up:.1?}, calls \
         done {driven:.1?}, all settled {settled:.1?}",
        refunds.len(),
        proxy.proxy.deliveries.load(Ordering::Relaxed),
        proxy.proxy.injected.load(Ordering::Relaxed),
        proxy.proxy.failed_all.load(Ordering::Relaxed)
            + proxy.proxy.failed_deadline.load(Ordering::Relaxed),
        proxy.proxy.failed_all.load(Ordering::Relaxed),
        proxy.proxy.failed_deadline.load(Ordering::Relaxed),
    );
    drop(instances);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_instance_killed_mid_handler_leaves_nothing_and_another_processes_it() {
    let pg = database();
    let sb = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("hung");
    let mut instances = NotifyInstances::new(env!("CARGO_BIN_EXE_notify-instance"));
    let a = instances.start(
        &pg.config(),
        8,
        "a",
        &["--hang-on", "T_kill", "--marker", marker.to_str().unwrap()],
    );
    // A alone first, so that it is the one to claim the notification
    let proxy = Proxy::start(vec![a], 0).await;
    let db = pool(&pg.config(), 4).unwrap();
    let merchant = Merchant::new(&sb, &proxy.url);
    let buyer = "2088000000000600";
    add_buyer(&merchant.base, buyer, "100.00").await;
    merchant.pay("T_kill", buyer, 1_234).await;
    let start = Instant::now();
    while !marker.exists() {
        assert!(start.elapsed() < Duration::from_secs(15), "A never hung");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let sent = proxy.proxy.seen();
    assert_eq!(sent.len(), 1);
    let notify_id = sent.first().unwrap().clone();

    // A's effect row is written in its open transaction, which holds the claim: invisible
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM pg_stat_activity \
             WHERE state = 'idle in transaction' AND query LIKE 'INSERT INTO effects%'"
        )
        .await,
        1,
        "A's transaction, open after its effect"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM effects").await, 0);
    assert_eq!(
        count(&db, "SELECT count(*) FROM alipay_notify_processed").await,
        0
    );

    // B and C join; while A holds the notification they answer busy to the re-sends
    let b = instances.start(&pg.config(), 8, "b", &[]);
    let c = instances.start(&pg.config(), 8, "c", &[]);
    proxy.proxy.set_targets(vec![a, b, c]);
    let busy_elsewhere = format!(
        "SELECT count(*) FROM answers WHERE notify_id = '{notify_id}' \
         AND instance IN ('b', 'c') AND outcome = 'busy'"
    );
    let start = Instant::now();
    while count(&db, &busy_elsewhere).await == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no re-send reached B or C while A held it"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // SIGKILL: its connection closes, PostgreSQL rolls its transaction back
    instances.kill("a");
    settle(
        &db,
        &proxy.proxy,
        "SELECT count(*) FROM effects",
        1,
        Duration::from_secs(45),
    )
    .await;
    let rows: Vec<(String, String)> = db
        .get()
        .await
        .unwrap()
        .query("SELECT notify_id, instance FROM effects", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, notify_id);
    assert!(rows[0].1 == "b" || rows[0].1 == "c", "{rows:?}");
    assert_eq!(
        count(&db, "SELECT count(*) FROM alipay_notify_processed").await,
        1
    );
    let all = outcomes(&db, "").await;
    assert_eq!(all.get("processed"), Some(&1), "{all:?}");
    assert_eq!(all.get("failed").copied().unwrap_or(0), 0, "{all:?}");
    let processed_by: Vec<String> = db
        .get()
        .await
        .unwrap()
        .query(
            "SELECT instance FROM answers WHERE outcome = 'processed'",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(processed_by, [rows[0].1.clone()]);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
        )
        .await,
        0,
        "nothing left open"
    );

    // the two left go on: the next payment is processed once
    merchant.pay("T_after", buyer, 100).await;
    settle(
        &db,
        &proxy.proxy,
        "SELECT count(*) FROM effects",
        2,
        Duration::from_secs(30),
    )
    .await;
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM effects WHERE out_trade_no = 'T_after'"
        )
        .await,
        1
    );
    assert_eq!(proxy.proxy.seen().len(), 2);
    eprintln!(
        "killed A after its effect; {} deliveries from the sandbox; answers {:?}",
        proxy.proxy.deliveries.load(Ordering::Relaxed),
        outcomes(&db, "").await
    );
    drop(instances);
}
