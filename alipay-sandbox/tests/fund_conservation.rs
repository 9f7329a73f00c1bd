//! Random sequences of transfers, pre-authorisation freezes, unfreezes, cancels and replays
//! never create or destroy money, never overdraw, and replays never move money.

use alipay_sandbox::ledger::yuan;
use alipay_sandbox::{CallContext, DEMO_MERCHANT, DEMO_USERS, Ledger};
use proptest::prelude::*;
use serde_json::{Value, json};

const NOW: &str = "2026-12-02 10:00:00";

#[derive(Debug, Clone)]
enum Step {
    Transfer { payee: usize, no: u8, fen: u64 },
    Freeze { payer: usize, no: u8, fen: u64 },
    Unfreeze { order: u8, no: u8, fen: u64 },
    Cancel { order: u8 },
    Replay { back: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..4usize, 0..6u8, 1..400_000u64).prop_map(|(payee, no, fen)| Step::Transfer {
            payee,
            no,
            fen
        }),
        (0..3usize, 0..4u8, 1..60_000u64).prop_map(|(payer, no, fen)| Step::Freeze {
            payer,
            no,
            fen
        }),
        (0..4u8, 0..4u8, 1..30_000u64).prop_map(|(order, no, fen)| Step::Unfreeze {
            order,
            no,
            fen
        }),
        (0..4u8).prop_map(|order| Step::Cancel { order }),
        (0..6usize).prop_map(|back| Step::Replay { back }),
    ]
}

fn user(i: usize) -> &'static str {
    DEMO_USERS.get(i).map_or(DEMO_MERCHANT, |u| u.0)
}

fn balances(l: &Ledger) -> Vec<u64> {
    let mut ids: Vec<&str> = DEMO_USERS.iter().map(|u| u.0).collect();
    ids.push(DEMO_MERCHANT);
    ids.iter().map(|id| l.balance(id).unwrap_or(0)).collect()
}

fn certificate() -> CallContext {
    CallContext {
        certificate_mode: true,
        ..CallContext::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn money_is_conserved(steps in proptest::collection::vec(step(), 1..40)) {
        let mut l = Ledger::with_demo_data();
        let total = l.total_money();
        let mut sent: Vec<(&'static str, Value)> = Vec::new();
        for s in steps {
            let (method, biz) = match s {
                Step::Transfer { payee, no, fen } => ("alipay.fund.trans.uni.transfer", json!({
                    "out_biz_no": format!("T{no}"), "trans_amount": yuan(fen.max(10)),
                    "product_code": "TRANS_ACCOUNT_NO_PWD",
                    "payee_info": {"identity": user(payee), "identity_type": "ALIPAY_USER_ID"},
                })),
                Step::Freeze { payer, no, fen } => {
                    let code = l.issue_payment_code(user(payer)).unwrap_or_default();
                    ("alipay.fund.auth.order.freeze", json!({
                        "auth_code": code, "auth_code_type": "bar_code",
                        "out_order_no": format!("F{no}"), "out_request_no": format!("F{no}_F"),
                        "order_title": "押金", "amount": yuan(fen),
                    }))
                }
                Step::Unfreeze { order, no, fen } => {
                    let auth_no = l.auth_orders().find(|o| o.out_order_no == format!("F{order}"))
                        .map_or_else(|| "missing".to_owned(), |o| o.auth_no.clone());
                    ("alipay.fund.auth.order.unfreeze", json!({"auth_no": auth_no,
                        "out_request_no": format!("U{no}"), "amount": yuan(fen), "remark": "归还"}))
                }
                Step::Cancel { order } => ("alipay.fund.auth.operation.cancel", json!({
                    "out_order_no": format!("F{order}"), "out_request_no": format!("F{order}_F"),
                    "remark": "撤销",
                })),
                Step::Replay { back } => {
                    let Some((method, biz)) = sent.iter().rev().nth(back).cloned() else {
                        continue;
                    };
                    let biz = biz.to_string();
                    let first = l.handle_in("app", method, &biz, &certificate(), NOW);
                    let after_first = balances(&l);
                    let again = l.handle_in("app", method, &biz, &certificate(), NOW);
                    // Cancel answers `close` the second time; everything else repeats itself.
                    if method != "alipay.fund.auth.operation.cancel" {
                        prop_assert_eq!(&again.node, &first.node);
                    }
                    prop_assert_eq!(balances(&l), after_first);
                    prop_assert_eq!(l.total_money(), total);
                    continue;
                }
            };
            l.handle_in("app", method, &biz.to_string(), &certificate(), NOW);
            sent.push((method, biz));
            prop_assert_eq!(l.total_money(), total);
            let frozen: u64 = DEMO_USERS.iter().map(|u| l.frozen_of(u.0)).sum();
            prop_assert_eq!(frozen, l.preauth_frozen());
        }
    }
}
