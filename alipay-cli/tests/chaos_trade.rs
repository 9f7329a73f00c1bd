//! Chaos for the trade family: 1050 barcode payments (`alipay.trade.pay` with one-time
//! payment codes) and a partial refund of each paid one (`alipay.trade.refund`), through the
//! exactly-once helpers, against a sandbox that injects faults of every kind into over 30% of
//! the calls. One payment in 25 comes from a buyer who would confirm on the phone and never
//! does: `exactly_once_or_cancel` polls `alipay.trade.query`, then cancels it. Then an audit of
//! the ledger: every trade paid exactly once (or closed unpaid), every refund applied exactly
//! once, balances to the fen, no money lost or created. Once in-process, once with the
//! `alipay sandbox` process killed with SIGKILL in the middle and restarted from its
//! `--state-dir`.
//!
//! The figures are printed (`cargo test -p alipay-cli --test chaos_trade -- --nocapture`).

mod chaos_kit;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use alipay_apis::trade::{PayRequest, RefundRequest};
use alipay_apis::{Amount, Error, NotDoneReason, Patience, Resolution};
use alipay_core::{AlipayClient, AlipayPublicKey, AppPrivateKey, Outcome, RetryPolicy};
use alipay_sandbox::server::{SandboxConfig, start};
use alipay_sandbox::{Books, DEMO_MERCHANT, DEMO_USERS, FaultPlan, Ledger, TradeStatus};
use alipay_testkit::http::{Method, StatusCode, send};
use serde_json::{Value, json};

use chaos_kit::{APP_ID, client, spawn_sandbox, testdata};

/// About 37% of payments and refunds, 10% of cancels and 7% of queries get a fault (over 30%
/// of all calls); every kind appears. The delay is longer than the client's timeout.
const FAULTS: &str = "alipay.trade.pay:before=9%,after=9%,busy=7%,drop=8%,delay=4%@1500ms;\
                      alipay.trade.refund:before=9%,after=9%,busy=6%,drop=8%,delay=4%@1500ms;\
                      alipay.trade.cancel:after=5%,drop=5%;\
                      alipay.trade.query:before=4%,drop=3%;\
                      alipay.trade.fastpay.refund.query:before=4%,drop=3%";
/// 1008 paid (and refunded in part), 42 never confirmed.
const TRADES: usize = 1050;
const CONCURRENCY: usize = 16;
/// A buyer whose payments wait for a confirmation on the phone that never comes.
const PHONE: &str = "2088000000000777";
/// What the phone buyer is given when added (100.00), in fen: the only money minted.
const PHONE_BALANCE: u64 = 10_000;

fn amount_of(i: usize) -> u64 {
    // 0.02 .. 1.00, deterministic (alice and bob can pay them all).
    2 + (i as u64 * 37) % 99
}

/// The partial refund of trade `i` (about half, at least 0.01).
fn refund_of(i: usize) -> u64 {
    amount_of(i) / 2
}

fn is_phone(i: usize) -> bool {
    i % 25 == 7
}

fn buyer_of(i: usize) -> &'static str {
    if is_phone(i) {
        PHONE
    } else {
        DEMO_USERS[i % 2].0
    }
}

fn out_trade_no(i: usize) -> String {
    format!("CT{i:04}")
}

fn out_request_no(i: usize) -> String {
    format!("CT{i:04}R1")
}

fn policy() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(4)
        .initial_backoff(Duration::from_millis(5))
        .max_backoff(Duration::from_millis(100))
}

/// The buyer's confirmation is awaited briefly (the official flow waits 30 s).
fn patience() -> Patience {
    Patience::new(2, Duration::from_millis(20))
}

async fn post_json(base: &str, path: &str, body: Value) -> Value {
    let a = send(
        Method::POST,
        &format!("{base}{path}"),
        &[("content-type", "application/json")],
        body.to_string().as_bytes(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.text());
    a.json()
}

/// Adds the phone buyer, then one payment code per trade (journaled, so they survive a
/// restart), fetched `CONCURRENCY` at a time.
async fn prepare(base: &str) -> Arc<Vec<String>> {
    let phone = json!({"user_id": PHONE, "logon_id": "phone@chaos.test", "balance": "100.00",
                       "confirm_on_phone": true});
    post_json(base, "/admin/users", phone).await;
    let mut codes = vec![String::new(); TRADES];
    for chunk in (0..TRADES).collect::<Vec<_>>().chunks(CONCURRENCY) {
        let mut fetch = tokio::task::JoinSet::new();
        for &i in chunk {
            let base = base.to_owned();
            fetch.spawn(async move {
                let body = json!({"buyer_user_id": buyer_of(i)});
                let a = post_json(&base, "/cashier/payment-code", body).await;
                (i, a["auth_code"].as_str().unwrap().to_owned())
            });
        }
        while let Some(done) = fetch.join_next().await {
            let (i, code) = done.unwrap();
            codes[i] = code;
        }
    }
    Arc::new(codes)
}

#[derive(Default)]
struct Figures {
    /// Requests handled so far (the restart waits for a share of them).
    started: AtomicU32,
    pay_rounds: AtomicU32,
    refund_rounds: AtomicU32,
    unknown_rounds: AtomicU32,
    not_done_rounds: AtomicU32,
    not_sent_rounds: AtomicU32,
    cancelled: AtomicU32,
}

impl Figures {
    fn count(counter: &AtomicU32) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// How a phone buyer's payment ended.
fn closed_unpaid(r: &Result<Resolution<alipay_apis::trade::PayResponse>, Error>) -> bool {
    match r {
        Ok(Resolution::NotDone(NotDoneReason::Cancelled | NotDoneReason::Closed)) => true,
        // The cancel's answer was lost in an earlier round: the same payment again is refused.
        Err(Error::Business(b)) => b.sub_code.as_deref() == Some("ACQ.TRADE_HAS_CLOSE"),
        _ => false,
    }
}

/// Pays trade `i` exactly once (re-resolved with the same out_trade_no until settled).
async fn pay_one(c: &AlipayClient, figures: &Figures, i: usize, auth_code: &str) {
    let request = PayRequest::builder()
        .out_trade_no(out_trade_no(i))
        .total_amount(Amount::from_fen(amount_of(i)))
        .subject("chaos")
        .auth_code(auth_code)
        .build();
    for _round in 0..60 {
        Figures::count(&figures.pay_rounds);
        let call = c.call(&request).retry(policy()).patience(patience());
        let r = if is_phone(i) {
            call.exactly_once_or_cancel().await
        } else {
            call.exactly_once().await
        };
        if is_phone(i) && closed_unpaid(&r) {
            Figures::count(&figures.cancelled);
            return;
        }
        match r {
            Ok(Resolution::Done(paid)) if !is_phone(i) => {
                assert_eq!(paid.total_amount, Some(Amount::from_fen(amount_of(i))));
                return;
            }
            Ok(Resolution::NotDone(NotDoneReason::NotFound { .. })) => {
                Figures::count(&figures.not_done_rounds)
            }
            Ok(Resolution::Unknown(_)) => Figures::count(&figures.unknown_rounds),
            Err(e) if e.outcome() == Outcome::NotSent => {
                Figures::count(&figures.not_sent_rounds);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            other => panic!("{} ended {other:?}", out_trade_no(i)),
        }
    }
    panic!("{} unresolved after 60 rounds", out_trade_no(i));
}

/// Refunds part of trade `i` exactly once (the same out_request_no until done).
async fn refund_one(c: &AlipayClient, figures: &Figures, i: usize) {
    let request = RefundRequest::builder()
        .out_trade_no(out_trade_no(i))
        .refund_amount(Amount::from_fen(refund_of(i)))
        .out_request_no(out_request_no(i))
        .build();
    for _round in 0..60 {
        Figures::count(&figures.refund_rounds);
        match c
            .call(&request)
            .retry(policy())
            .patience(patience())
            .exactly_once()
            .await
        {
            Ok(Resolution::Done(_)) => return,
            Ok(Resolution::NotDone(NotDoneReason::NotFound { .. })) => {
                Figures::count(&figures.not_done_rounds)
            }
            Ok(Resolution::Unknown(_)) => Figures::count(&figures.unknown_rounds),
            Err(e) if e.outcome() == Outcome::NotSent => {
                Figures::count(&figures.not_sent_rounds);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            other => panic!("{} ended {other:?}", out_request_no(i)),
        }
    }
    panic!("{} unresolved after 60 rounds", out_request_no(i));
}

/// Pays every trade and refunds part of each paid one, `CONCURRENCY` at a time.
async fn run(c: AlipayClient, codes: Arc<Vec<String>>, figures: Arc<Figures>) -> Duration {
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let (c, codes, figures) = (c.clone(), codes.clone(), figures.clone());
        workers.spawn(async move {
            loop {
                let i = figures.started.fetch_add(1, Ordering::Relaxed) as usize;
                if i >= TRADES {
                    return;
                }
                pay_one(&c, &figures, i, &codes[i]).await;
                if !is_phone(i) {
                    refund_one(&c, &figures, i).await;
                }
            }
        });
    }
    while let Some(done) = workers.join_next().await {
        done.unwrap();
    }
    started.elapsed()
}

/// Every trade paid exactly once with its amount by its buyer (the phone buyer's closed
/// unpaid), every refund applied exactly once, the balances and the total money right.
/// `before` is the ledger before the phone buyer was added.
fn audit(ledger: &Ledger, before: &Ledger) -> String {
    assert_eq!(
        ledger.total_money(),
        before.total_money() + u128::from(PHONE_BALANCE),
        "money created or destroyed"
    );
    let mut refunds: HashMap<&str, Vec<u64>> = HashMap::new();
    for r in ledger.trade_refunds() {
        refunds
            .entry(r.out_request_no.as_str())
            .or_default()
            .push(r.amount);
    }
    let mut moved: HashMap<&str, i64> = HashMap::new();
    let (mut paid, mut refunded, mut closed) = (0u64, 0u64, 0usize);
    for i in 0..TRADES {
        let no = out_trade_no(i);
        let t = ledger
            .trade_by_out_trade_no(&no)
            .unwrap_or_else(|| panic!("{no} missing"));
        assert_eq!(t.total, amount_of(i), "{no}");
        assert_eq!(t.buyer_user_id.as_deref(), Some(buyer_of(i)), "{no}");
        if is_phone(i) {
            // Never confirmed: closed by the cancel, nothing taken.
            assert_eq!(t.status, TradeStatus::Closed, "{no}");
            assert_eq!((t.gmt_payment.as_deref(), t.refunded), (None, 0), "{no}");
            closed += 1;
            continue;
        }
        assert_eq!(t.status, TradeStatus::Success, "{no}");
        assert_eq!(t.refunded, refund_of(i), "{no} refunded");
        let key = out_request_no(i);
        let applied = refunds.get(key.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        assert_eq!(applied, [refund_of(i)], "{key} applied {applied:?}");
        *moved.entry(buyer_of(i)).or_default() -= (amount_of(i) - refund_of(i)) as i64;
        paid += amount_of(i);
        refunded += refund_of(i);
    }
    assert_eq!(
        ledger
            .trades()
            .filter(|t| t.out_trade_no.starts_with("CT"))
            .count(),
        TRADES,
        "trades nobody asked for"
    );
    assert_eq!(refunds.len(), TRADES - closed, "refunds nobody asked for");
    for (user, ..) in DEMO_USERS.iter().chain([&(PHONE, "", "", 0)]) {
        let change = moved.get(user).copied().unwrap_or(0);
        let was = before.balance(user).unwrap_or(PHONE_BALANCE) as i64;
        assert_eq!(
            ledger.balance(user).map(|b| b as i64),
            Some(was + change),
            "{user}'s balance"
        );
    }
    let merchant = before.balance(DEMO_MERCHANT).unwrap_or(0);
    assert_eq!(
        ledger.balance(DEMO_MERCHANT),
        Some(merchant + paid - refunded),
        "the merchant's balance"
    );
    format!(
        "{} trades paid exactly once ({}), {closed} closed unpaid, {} refunds applied exactly \
         once ({}), money {} fen before and after",
        TRADES - closed,
        alipay_sandbox::ledger::yuan(paid),
        refunds.len(),
        alipay_sandbox::ledger::yuan(refunded),
        ledger.total_money()
    )
}

fn report(name: &str, figures: &Figures, elapsed: Duration, faults: &str, audit: &str) {
    let n = |c: &AtomicU32| c.load(Ordering::Relaxed);
    println!(
        "chaos-trade[{name}]: {TRADES} trades + refunds in {:.1} s, {} pay and {} refund \
         exactly-once rounds ({} unknown, {} not done, {} not sent, {} cancelled){faults}; {audit}",
        elapsed.as_secs_f64(),
        n(&figures.pay_rounds),
        n(&figures.refund_rounds),
        n(&figures.unknown_rounds),
        n(&figures.not_done_rounds),
        n(&figures.not_sent_rounds),
        n(&figures.cancelled),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_trades_and_refunds_through_faults_move_money_exactly_once() {
    let gateway_key =
        alipay_core::GatewayPrivateKey::from_text(&testdata("gateway_private_pkcs8.pem")).unwrap();
    let mut config = SandboxConfig::new(
        APP_ID,
        alipay_core::AppPublicKey::from_text(&testdata("app_public_spki.pem")).unwrap(),
        gateway_key,
    );
    config.faults = FaultPlan::parse(FAULTS, 20261202).unwrap();
    let sandbox = start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let c = client(
        &sandbox.gateway_url,
        AppPrivateKey::from_text(&testdata("app_private_pkcs1.pem")).unwrap(),
        AlipayPublicKey::from_text(&testdata("gateway_public_spki.pem")).unwrap(),
    );
    let before = sandbox.with_ledger(Clone::clone);
    let codes = prepare(&format!("http://{}", sandbox.local_addr)).await;

    let figures = Arc::new(Figures::default());
    let elapsed = run(c, codes, figures.clone()).await;

    let faults = sandbox.faults_injected();
    for kind in ["before", "after", "busy", "drop", "delay"] {
        assert!(
            faults.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} fault: {faults:?}"
        );
    }
    let calls = faults["calls"];
    let injected: u64 = faults
        .iter()
        .filter(|(k, _)| **k != "calls")
        .map(|(_, n)| n)
        .sum();
    assert!(
        injected * 100 >= 30 * calls,
        "only {injected} faults in {calls} calls"
    );
    let summary = sandbox.with_ledger(|l| audit(l, &before));
    report(
        "in-process",
        &figures,
        elapsed,
        &format!(
            ", {injected} faults in {calls} gateway calls ({:.0}%) {faults:?}",
            injected as f64 * 100.0 / calls as f64
        ),
        &summary,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sandbox_killed_mid_run_restarts_and_no_trade_or_refund_moves_money_twice() {
    let dir = tempfile::tempdir().unwrap();
    let first = spawn_sandbox(dir.path(), "127.0.0.1:0", FAULTS, 11);
    let gateway = first.ready["gateway"].as_str().unwrap().to_owned();
    let listen = gateway
        .trim_start_matches("http://")
        .trim_end_matches("/gateway.do")
        .to_owned();
    let read = |key: &Value| std::fs::read_to_string(key.as_str().unwrap()).unwrap();
    let app_key =
        AppPrivateKey::from_text(&read(&first.ready["apps"][0]["private_key_file"])).unwrap();
    let alipay_key =
        AlipayPublicKey::from_text(&read(&first.ready["alipay_public_key_file"])).unwrap();
    let c = client(&gateway, app_key, alipay_key);
    // The base ledger every start replays onto.
    let before = Ledger::with_demo_data();
    let codes = prepare(&format!("http://{listen}")).await;

    let figures = Arc::new(Figures::default());
    let running = tokio::spawn(run(c, codes, figures.clone()));

    // Let a third of the trades start, then SIGKILL, wait, restart on the same address.
    while (figures.started.load(Ordering::Relaxed) as usize) < TRADES / 3 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let mut first = first;
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    let killed_at = Instant::now();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let second = spawn_sandbox(dir.path(), &listen, FAULTS, 11);
    assert_eq!(second.ready["gateway"], gateway.as_str());
    let restarted_after = killed_at.elapsed();

    let elapsed = running.await.unwrap();
    // Stop the server, then audit what is durably in the state directory.
    drop(second);
    let books = Books::open(dir.path(), Ledger::with_demo_data()).unwrap();
    let summary = audit(books.ledger(), &before);
    report(
        &format!(
            "kill -9 + restart after {:.1} s",
            restarted_after.as_secs_f64()
        ),
        &figures,
        elapsed,
        "",
        &summary,
    );
    assert!(
        figures.not_sent_rounds.load(Ordering::Relaxed) > 0,
        "the restart was never noticed: kill it earlier"
    );
}
