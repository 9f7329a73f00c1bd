//! Random sequences of pay orders, disbursements, refunds and replays never create or destroy
//! money, never overdraw, and replays never move money.

use alipay_sandbox::ledger::yuan;
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS, Ledger, OperationType, Status};
use proptest::prelude::*;
use serde_json::json;

const NOW: &str = "2026-11-22 10:00:00";

#[derive(Debug, Clone)]
enum Step {
    Pay {
        payer: usize,
        no: u8,
        fen: u64,
    },
    Disburse {
        packet: u8,
        payee: usize,
        no: u8,
        fen: u64,
        by_auth: bool,
    },
    Refund {
        packet: u8,
        no: u8,
        fen: u64,
    },
    Replay {
        back: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..4usize, 0..4u8, 1..3_000u64).prop_map(|(payer, no, fen)| Step::Pay { payer, no, fen }),
        (0..4u8, 0..3usize, 0..8u8, 1..800u64, any::<bool>()).prop_map(
            |(packet, payee, no, fen, by_auth)| Step::Disburse {
                packet,
                payee,
                no,
                fen,
                by_auth
            }
        ),
        (0..4u8, 0..4u8, 1..1_500u64).prop_map(|(packet, no, fen)| Step::Refund {
            packet,
            no,
            fen
        }),
        (0..6usize).prop_map(|back| Step::Replay { back }),
    ]
}

fn payer_id(i: usize) -> &'static str {
    DEMO_USERS.get(i).map_or(DEMO_MERCHANT, |u| u.0)
}

/// Every account's balance, for "replays move nothing".
fn balances(l: &Ledger) -> Vec<u64> {
    let mut ids: Vec<&str> = DEMO_USERS.iter().map(|u| u.0).collect();
    ids.push(DEMO_MERCHANT);
    ids.iter().map(|id| l.balance(id).unwrap_or(0)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn money_is_conserved(steps in proptest::collection::vec(step(), 1..40)) {
        let mut l = Ledger::with_demo_data();
        let total = l.total_money();
        let mut sent: Vec<(&'static str, String)> = Vec::new();
        for s in steps {
            let (method, biz) = match s {
                Step::Pay { payer, no, fen } => {
                    let mut biz = json!({"out_order_no": format!("P{no}"),
                        "out_request_no": format!("P{no}-r"), "order_title": "红包",
                        "amount": yuan(fen)});
                    if payer < DEMO_USERS.len() {
                        biz["payer_user_id"] = json!(payer_id(payer));
                    }
                    ("alipay.fund.coupon.order.agreement.pay", biz)
                }
                Step::Disburse { packet, payee, no, fen, by_auth } => {
                    let mut biz = json!({"out_order_no": format!("D{no}"),
                        "out_request_no": format!("D{no}-r"), "order_title": "打款",
                        "amount": yuan(fen), "payee_user_id": payer_id(payee)});
                    let pay_no = format!("P{packet}");
                    match l.red_packet_by_out_order_no(&pay_no) {
                        Some(p) if by_auth => biz["deduct_auth_no"] = json!(p.auth_no),
                        _ => biz["deduct_out_order_no"] = json!(pay_no),
                    }
                    ("alipay.fund.coupon.order.disburse", biz)
                }
                Step::Refund { packet, no, fen } => {
                    let auth_no = l
                        .red_packet_by_out_order_no(&format!("P{packet}"))
                        .map_or_else(|| "missing".to_owned(), |p| p.auth_no.clone());
                    ("alipay.fund.coupon.order.refund", json!({"auth_no": auth_no,
                        "out_request_no": format!("R{no}"), "amount": yuan(fen),
                        "remark": "退回"}))
                }
                Step::Replay { back } => {
                    let Some((method, biz)) = sent.iter().rev().nth(back).cloned() else {
                        continue;
                    };
                    let first = l.handle("app", method, &biz, NOW);
                    let after_first = balances(&l);
                    let ops = l.operations().len();
                    let again = l.handle("app", method, &biz, NOW);
                    // Whatever the first outcome, repeating it at once changes nothing.
                    prop_assert_eq!(&again.node, &first.node);
                    if again.is_success() {
                        prop_assert!(again.events.is_empty(), "a replay sends no notification");
                    }
                    prop_assert_eq!(balances(&l), after_first);
                    prop_assert_eq!(l.operations().len(), ops);
                    prop_assert_eq!(l.total_money(), total);
                    continue;
                }
            };
            let biz = biz.to_string();
            let reply = l.handle("app", method, &biz, NOW);
            prop_assert!(
                matches!(reply.code(), "10000" | "40004"),
                "unexpected {}", reply.node
            );
            sent.push((method, biz));
            prop_assert_eq!(l.total_money(), total);
        }
        // Every red packet adds up: remaining + paid out + refunded = total.
        let ops = l.operations();
        let mut auth_nos: Vec<String> = ops.iter().map(|o| o.auth_no.clone()).collect();
        auth_nos.dedup();
        for auth_no in auth_nos {
            let Some(p) = l.red_packet(&auth_no) else {
                return Err(TestCaseError::fail(format!("operation on unknown packet {auth_no}")));
            };
            let sum = |t: OperationType| -> u64 {
                ops.iter()
                    .filter(|o| o.auth_no == auth_no && o.operation_type == t)
                    .map(|o| o.amount)
                    .sum()
            };
            prop_assert_eq!(p.remaining + sum(OperationType::Pay) + sum(OperationType::Refund), p.total);
            prop_assert_eq!(p.refunded, sum(OperationType::Refund));
            prop_assert_eq!(p.status == Status::Closed, p.refunded > 0);
        }
    }

    /// A successful call repeated verbatim later (after other traffic) replays exactly.
    #[test]
    fn late_replays_replay(fens in proptest::collection::vec(1..500u64, 1..10)) {
        let mut l = Ledger::with_demo_data();
        let paid = l.handle("app", "alipay.fund.coupon.order.agreement.pay",
            r#"{"out_order_no":"P","out_request_no":"P-r","order_title":"t","amount":"100.00"}"#, NOW);
        prop_assert!(paid.is_success());
        let mut done = Vec::new();
        for (i, fen) in fens.iter().enumerate() {
            let biz = json!({"out_order_no": format!("D{i}"), "out_request_no": format!("D{i}-r"),
                "order_title": "t", "amount": yuan(*fen), "deduct_out_order_no": "P",
                "payee_user_id": DEMO_USERS[i % 3].0}).to_string();
            let r = l.handle("app", "alipay.fund.coupon.order.disburse", &biz, NOW);
            prop_assert!(r.is_success(), "{}", r.node);
            done.push((biz, r));
        }
        let before = balances(&l);
        let total = l.total_money();
        for (biz, r) in &done {
            let again = l.handle("app", "alipay.fund.coupon.order.disburse", biz, NOW);
            prop_assert_eq!(&again.node, &r.node);
            prop_assert!(again.events.is_empty());
        }
        prop_assert_eq!(balances(&l), before);
        prop_assert_eq!(l.total_money(), total);
    }
}
