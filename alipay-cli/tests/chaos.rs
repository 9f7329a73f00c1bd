//! Chaos: 1000 disbursements through the retry policy against a sandbox that injects faults
//! of every kind into at least 30% of the calls; then an audit of the ledger: every
//! out_request_no paid exactly once, no money lost or created. Once in-process, once with the
//! `alipay sandbox` process killed with SIGKILL in the middle and restarted from its
//! `--state-dir`.
//!
//! The figures are printed (`cargo test -p alipay-cli --test chaos -- --nocapture`).

mod chaos_kit;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use alipay_apis::Resolution;
use alipay_apis::fund::{CouponOrderAgreementPayRequest, CouponOrderDisburseRequest};
use alipay_apis::{Amount, UserId};
use alipay_core::AlipayClient;
use alipay_core::RetryPolicy;
use alipay_core::{AlipayPublicKey, AppPrivateKey, Outcome};
use alipay_sandbox::server::{SandboxConfig, start};
use alipay_sandbox::{Books, DEMO_USERS, FaultPlan, Ledger, OperationType, Status};
use serde_json::Value;

use chaos_kit::{APP_ID, client, spawn_sandbox, testdata};

/// 40% of disbursements and 15% of queries get a fault (over 30% of all calls); every kind
/// appears. The delay is
/// longer than the client's timeout, so it is a timeout after the request was sent.
const FAULTS: &str = "disburse:before=9%,after=9%,busy=8%,drop=9%,delay=5%@1500ms;\
                      query:before=5%,after=3%,drop=4%,delay=3%@1500ms";
const DISBURSEMENTS: usize = 1000;
const CONCURRENCY: usize = 16;

fn amount_of(i: usize) -> u64 {
    // 0.01 .. 3.00, deterministic.
    1 + (i as u64 * 37) % 300
}

fn payee_of(i: usize) -> &'static str {
    DEMO_USERS[i % DEMO_USERS.len()].0
}

fn policy() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(4)
        .initial_backoff(Duration::from_millis(5))
        .max_backoff(Duration::from_millis(100))
}

/// Opens a red packet big enough for every disbursement; returns its auth_no.
async fn fund_packet(c: &AlipayClient) -> String {
    let total: u64 = (0..DISBURSEMENTS).map(amount_of).sum();
    let request = CouponOrderAgreementPayRequest::builder()
        .out_order_no("CHAOS-PACKET")
        .out_request_no("CHAOS-PACKET-1")
        .order_title("chaos")
        .amount(Amount::from_fen(total))
        .build();
    // The pay call itself goes through the same exactly-once path.
    loop {
        match c.call(&request).retry(policy()).exactly_once().await {
            Ok(Resolution::Done(r)) => return r.auth_no.expect("auth_no"),
            Ok(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            Err(e) if e.outcome() == Outcome::NotSent => {
                tokio::time::sleep(Duration::from_millis(50)).await
            }
            Err(e) => panic!("funding refused: {e}"),
        }
    }
}

#[derive(Default)]
struct Figures {
    rounds: AtomicU32,
    unknown_rounds: AtomicU32,
    not_done_rounds: AtomicU32,
    not_sent_rounds: AtomicU32,
}

/// Disburses everything, each request re-resolved with the same out_request_no until done.
/// `during` runs concurrently (the restart).
async fn disburse_all(c: AlipayClient, auth_no: String) -> (Arc<Figures>, Duration) {
    let started = Instant::now();
    let figures = Arc::new(Figures::default());
    let next = Arc::new(AtomicU32::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let (c, auth_no, figures, next) =
            (c.clone(), auth_no.clone(), figures.clone(), next.clone());
        workers.spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                if i >= DISBURSEMENTS {
                    return;
                }
                let request = CouponOrderDisburseRequest::builder()
                    .out_order_no(format!("CHAOS-D{i:04}"))
                    .out_request_no(format!("CHAOS-D{i:04}-1"))
                    .order_title("chaos payout")
                    .amount(Amount::from_fen(amount_of(i)))
                    .deduct_auth_no(auth_no.as_str())
                    .payee_user_id(UserId::parse(payee_of(i)).unwrap())
                    .build();
                let mut round = 0;
                loop {
                    round += 1;
                    assert!(round <= 60, "CHAOS-D{i:04} unresolved after 60 rounds");
                    figures.rounds.fetch_add(1, Ordering::Relaxed);
                    match c.call(&request).retry(policy()).exactly_once().await {
                        Ok(Resolution::Done(r)) => {
                            assert_eq!(r.amount, Some(Amount::from_fen(amount_of(i))));
                            break;
                        }
                        // Same out_request_no again: it can never pay twice.
                        Ok(Resolution::NotDone(_)) => {
                            figures.not_done_rounds.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok(Resolution::Unknown(_)) => {
                            figures.unknown_rounds.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(e) if e.outcome() == Outcome::NotSent => {
                            figures.not_sent_rounds.fetch_add(1, Ordering::Relaxed);
                            tokio::time::sleep(Duration::from_millis(20)).await;
                        }
                        Err(e) => panic!("CHAOS-D{i:04} refused: {e}"),
                    }
                }
            }
        });
    }
    while let Some(done) = workers.join_next().await {
        done.unwrap();
    }
    (figures, started.elapsed())
}

/// Every disbursement paid exactly once, with its amount, to its payee; the packet's books
/// balance; no money created or destroyed. Returns a printable summary.
fn audit(ledger: &Ledger, auth_no: &str, money_before: u128, balances_before: &[u64]) -> String {
    assert_eq!(
        ledger.total_money(),
        money_before,
        "money created or destroyed"
    );
    let mut paid: HashMap<&str, Vec<u64>> = HashMap::new();
    for op in ledger.operations() {
        if op.operation_type == OperationType::Pay && op.status == Status::Success {
            assert_eq!(op.auth_no, auth_no);
            paid.entry(op.out_request_no.as_str())
                .or_default()
                .push(op.amount);
        }
    }
    let mut to_payee: BTreeMap<&str, u64> = BTreeMap::new();
    for i in 0..DISBURSEMENTS {
        let key = format!("CHAOS-D{i:04}-1");
        let amounts = paid.get(key.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        assert_eq!(amounts, [amount_of(i)], "{key} paid {amounts:?}");
        *to_payee.entry(payee_of(i)).or_default() += amount_of(i);
    }
    assert_eq!(paid.len(), DISBURSEMENTS, "operations nobody asked for");
    for (n, (user, ..)) in DEMO_USERS.iter().enumerate() {
        assert_eq!(
            ledger.balance(user),
            Some(balances_before[n] + to_payee[user]),
            "{user}'s balance"
        );
    }
    let packet = ledger.red_packet(auth_no).expect("the red packet");
    let total: u64 = (0..DISBURSEMENTS).map(amount_of).sum();
    assert_eq!((packet.total, packet.remaining), (total, 0));
    format!(
        "{} out_request_nos paid exactly once, {} paid out, money {} fen before and after",
        paid.len(),
        alipay_sandbox::ledger::yuan(total),
        money_before
    )
}

fn report(name: &str, figures: &Figures, elapsed: Duration, faults: &str, audit: &str) {
    println!(
        "chaos[{name}]: {DISBURSEMENTS} disbursements in {:.1} s, {} exactly-once rounds \
         ({} unknown, {} not done, {} not sent){faults}; {audit}",
        elapsed.as_secs_f64(),
        figures.rounds.load(Ordering::Relaxed),
        figures.unknown_rounds.load(Ordering::Relaxed),
        figures.not_done_rounds.load(Ordering::Relaxed),
        figures.not_sent_rounds.load(Ordering::Relaxed),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_disbursements_through_faults_pay_each_exactly_once() {
    let gateway_key =
        alipay_core::GatewayPrivateKey::from_text(&testdata("gateway_private_pkcs8.pem")).unwrap();
    let mut config = SandboxConfig::new(
        APP_ID,
        alipay_core::AppPublicKey::from_text(&testdata("app_public_spki.pem")).unwrap(),
        gateway_key,
    );
    config.faults = FaultPlan::parse(FAULTS, 20261122).unwrap();
    let sandbox = start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let c = client(
        &sandbox.gateway_url,
        AppPrivateKey::from_text(&testdata("app_private_pkcs1.pem")).unwrap(),
        AlipayPublicKey::from_text(&testdata("gateway_public_spki.pem")).unwrap(),
    );
    let money_before = sandbox.with_ledger(Ledger::total_money);
    let balances: Vec<u64> = sandbox.with_ledger(|l| {
        DEMO_USERS
            .iter()
            .map(|(u, ..)| l.balance(u).unwrap())
            .collect()
    });

    let auth_no = fund_packet(&c).await;
    let (figures, elapsed) = disburse_all(c, auth_no.clone()).await;

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
    let summary = sandbox.with_ledger(|l| audit(l, &auth_no, money_before, &balances));
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
async fn a_sandbox_killed_mid_run_restarts_from_its_state_dir_and_nothing_is_paid_twice() {
    let dir = tempfile::tempdir().unwrap();
    let first = spawn_sandbox(dir.path(), "127.0.0.1:0", FAULTS, 7);
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
    let base = Ledger::with_demo_data();
    let money_before = base.total_money();
    let balances: Vec<u64> = DEMO_USERS
        .iter()
        .map(|(u, ..)| base.balance(u).unwrap())
        .collect();

    let auth_no = fund_packet(&c).await;
    let run = tokio::spawn(disburse_all(c, auth_no.clone()));

    // Let a third of the run happen, then SIGKILL, wait, restart on the same address.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mut first = first;
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    let killed_at = Instant::now();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let second = spawn_sandbox(dir.path(), &listen, FAULTS, 7);
    assert_eq!(second.ready["gateway"], gateway.as_str());
    let restarted_after = killed_at.elapsed();

    let (figures, elapsed) = run.await.unwrap();
    // Stop the server, then audit what is durably in the state directory.
    drop(second);
    let books = Books::open(dir.path(), Ledger::with_demo_data()).unwrap();
    let summary = audit(books.ledger(), &auth_no, money_before, &balances);
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
