//! Random sequences of trade calls and buyer actions (bar-code payments, QR scans, created
//! orders paid, refunds, cancels, closes, replays) never create or destroy money, never refund
//! more than was paid, and the merchant holds exactly what its trades kept.

use alipay_sandbox::ledger::yuan;
use alipay_sandbox::{BuyerAction, DEMO_MERCHANT, DEMO_USERS, Delivery, Ledger, TradeStatus};
use proptest::prelude::*;
use serde_json::{Value, json};

const APP: &str = "2021000000000001";
const NOW: &str = "2026-11-22 10:00:00";

#[derive(Debug, Clone)]
enum Step {
    BarCode { buyer: usize, no: u8, fen: u64 },
    Precreate { no: u8, fen: u64 },
    Scan { no: u8, buyer: usize },
    Create { buyer: usize, no: u8, fen: u64 },
    TradePay { no: u8, buyer: usize },
    Refund { no: u8, req: u8, fen: u64 },
    Cancel { no: u8 },
    Close { no: u8 },
    Replay { back: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3usize, 0..6u8, 1..3_000u64).prop_map(|(buyer, no, fen)| Step::BarCode {
            buyer,
            no,
            fen
        }),
        (0..6u8, 1..3_000u64).prop_map(|(no, fen)| Step::Precreate { no, fen }),
        (0..6u8, 0..3usize).prop_map(|(no, buyer)| Step::Scan { no, buyer }),
        (0..3usize, 0..6u8, 1..3_000u64).prop_map(|(buyer, no, fen)| Step::Create {
            buyer,
            no,
            fen
        }),
        (0..6u8, 0..3usize).prop_map(|(no, buyer)| Step::TradePay { no, buyer }),
        (0..6u8, 0..3u8, 1..2_000u64).prop_map(|(no, req, fen)| Step::Refund { no, req, fen }),
        (0..6u8).prop_map(|no| Step::Cancel { no }),
        (0..6u8).prop_map(|no| Step::Close { no }),
        (0..6usize).prop_map(|back| Step::Replay { back }),
    ]
}

fn call(l: &mut Ledger, method: &str, biz: &Value) -> alipay_sandbox::Reply {
    l.handle_trade(APP, method, &biz.to_string(), NOW, &Delivery::default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn trades_conserve_money(steps in prop::collection::vec(step(), 1..40)) {
        let mut l = Ledger::with_demo_data();
        let total = l.total_money();
        let merchant = l.balance(DEMO_MERCHANT).unwrap_or(0);
        let mut sent: Vec<(&'static str, Value)> = Vec::new();
        for s in steps {
            let (method, biz) = match s {
                Step::BarCode { buyer, no, fen } => {
                    let code = l.issue_payment_code(DEMO_USERS[buyer].0).unwrap();
                    ("alipay.trade.pay", json!({"out_trade_no": format!("B{no}"), "total_amount": yuan(fen), "subject": "s", "auth_code": code}))
                }
                Step::Precreate { no, fen } => ("alipay.trade.precreate", json!({"out_trade_no": format!("Q{no}"), "total_amount": yuan(fen), "subject": "s"})),
                Step::Create { buyer, no, fen } => ("alipay.trade.create", json!({"out_trade_no": format!("C{no}"), "total_amount": yuan(fen), "subject": "s", "buyer_id": DEMO_USERS[buyer].0})),
                Step::Scan { no, buyer } => {
                    let qr = l.trade_by_out_trade_no(&format!("Q{no}")).and_then(|t| t.qr_code.clone());
                    if let Some(qr) = qr {
                        let _ = l.buyer_pays(BuyerAction::Scan, &qr, DEMO_USERS[buyer].0, NOW);
                    }
                    continue;
                }
                Step::TradePay { no, buyer } => {
                    let trade_no = l.trade_by_out_trade_no(&format!("C{no}")).map(|t| t.trade_no.clone());
                    if let Some(trade_no) = trade_no {
                        let _ = l.buyer_pays(BuyerAction::TradePay, &trade_no, DEMO_USERS[buyer].0, NOW);
                    }
                    continue;
                }
                Step::Refund { no, req, fen } => {
                    let prefix = ["B", "Q", "C"][usize::from(no % 3)];
                    ("alipay.trade.refund", json!({"out_trade_no": format!("{prefix}{no}"), "refund_amount": yuan(fen), "out_request_no": format!("R{req}")}))
                }
                Step::Cancel { no } => ("alipay.trade.cancel", json!({"out_trade_no": format!("{}{no}", ["B", "Q", "C"][usize::from(no % 3)])})),
                Step::Close { no } => ("alipay.trade.close", json!({"out_trade_no": format!("{}{no}", ["C", "Q", "B"][usize::from(no % 3)])})),
                Step::Replay { back } => match sent.iter().rev().nth(back) {
                    Some(previous) => {
                        let balances: Vec<u64> = l.accounts().map(|a| a.balance).collect();
                        let (method, biz) = previous.clone();
                        let out = biz["out_trade_no"].as_str().unwrap_or_default();
                        let was_paid = l.trade_by_out_trade_no(out).is_some_and(|t| t.gmt_payment.is_some());
                        let r = call(&mut l, method, &biz);
                        prop_assert_eq!(l.total_money(), total);
                        // A replayed refund, or a payment of a paid trade, moves nothing.
                        if r.field("fund_change") == Some("N") || method == "alipay.trade.pay" && was_paid {
                            let after: Vec<u64> = l.accounts().map(|a| a.balance).collect();
                            prop_assert_eq!(after, balances);
                        }
                        continue;
                    }
                    None => continue,
                },
            };
            let r = call(&mut l, method, &biz);
            prop_assert!(matches!(r.code(), "10000" | "40004"), "{}", r.node);
            sent.push((method, biz));
            prop_assert_eq!(l.total_money(), total);
        }
        // The merchant holds what its trades kept; nothing refunded beyond the total.
        let mut kept = 0u64;
        for t in l.trades() {
            prop_assert!(t.refunded <= t.total);
            let paid = t.gmt_payment.is_some();
            if paid {
                kept += t.total - t.refunded;
            }
            if t.status == TradeStatus::Closed && paid {
                prop_assert_eq!(t.refunded, t.total);
            }
            prop_assert_eq!(paid, t.status != TradeStatus::WaitBuyerPay && (t.status != TradeStatus::Closed || t.refunded > 0));
        }
        prop_assert_eq!(l.balance(DEMO_MERCHANT), Some(merchant + kept));
        prop_assert_eq!(l.total_money(), total);
    }
}
