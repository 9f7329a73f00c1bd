//! Pre-authorisation (资金预授权): `alipay.fund.auth.order.freeze` with a buyer's payment
//! code, `unfreeze`, `operation.detail.query` and `operation.cancel`.
//!
//! Frozen money leaves the buyer's balance and stays in the order until it is unfrozen back,
//! so it is still counted by [`Ledger::total_money`]. Facts: the doc pages of
//! `alipay.fund.auth.order.freeze` / `.unfreeze` / `alipay.fund.auth.operation.detail.query` /
//! `.cancel` (API index <https://opendocs.alipay.com/apis>) and the Java SDK's
//! `AlipayFundAuthOrderFreezeModel.java` etc.: order status `AUTHORIZED` (money frozen),
//! `FINISH` (all of it unfrozen or paid), `CLOSED` (cancelled); operation types `FREEZE`,
//! `UNFREEZE`; cancel answers `action` `close` (nothing was frozen) or `unfreeze` (the money
//! went back). A freeze notifies `fund_auth_freeze` (the fields of the voucher.create scan's
//! notification) to the call's `notify_url` (app.freeze: the order string's).

use alipay_apis::fund::{AuthOrderFreezeErrorCode, AuthOrderUnfreezeErrorCode};

use crate::ledger::{Ledger, mask_logon, yuan};
use crate::{NotifyEvent, Reply};

/// A pre-authorisation order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthOrder {
    /// 28 digits.
    pub auth_no: String,
    pub out_order_no: String,
    pub order_title: String,
    pub payer_user_id: String,
    pub payee_user_id: String,
    /// `AUTHORIZED`, `FINISH`, `CLOSED`.
    pub status: &'static str,
    pub total_freeze: u64,
    pub total_unfreeze: u64,
    pub app_id: String,
    pub operations: Vec<AuthOperation>,
}

impl AuthOrder {
    /// Still frozen, in fen.
    pub fn rest(&self) -> u64 {
        self.total_freeze.saturating_sub(self.total_unfreeze)
    }
}

/// One operation on a pre-authorisation order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthOperation {
    pub operation_id: String,
    pub out_request_no: String,
    /// `FREEZE`, `UNFREEZE`.
    pub operation_type: &'static str,
    pub amount: u64,
    /// `SUCCESS`, or `CLOSED` for a cancelled freeze.
    pub status: &'static str,
    pub remark: Option<String>,
    pub gmt_create: String,
}

/// A freeze request (validated by the generated rules).
#[derive(Debug, Clone)]
pub struct FreezeRequest<'a> {
    /// The buyer's payment code (`alipay.fund.auth.order.freeze`); unused when
    /// `payer_user_id` is set.
    pub auth_code: &'a str,
    /// The buyer who confirmed an `alipay.fund.auth.order.app.freeze` order string in the app.
    pub payer_user_id: Option<&'a str>,
    pub out_order_no: &'a str,
    pub out_request_no: &'a str,
    pub order_title: &'a str,
    pub amount: u64,
    pub payee_user_id: Option<&'a str>,
    pub fingerprint: String,
}

/// The order and operation a query or cancel names.
#[derive(Debug, Clone, Copy)]
pub struct OperationRef<'a> {
    pub auth_no: Option<&'a str>,
    pub out_order_no: Option<&'a str>,
    pub operation_id: Option<&'a str>,
    pub out_request_no: Option<&'a str>,
}

/// A refusal: the spec's text where freeze's or unfreeze's error table has the code, else the
/// sandbox's. Codes in neither table are *chosen*: `PAYMENT_AUTH_CODE_INVALID` (an unknown or
/// spent payment code, named like the trade family's `ACQ.` code), `AUTH_ORDER_NOT_EXIST` and
/// `AUTH_OPERATION_NOT_EXIST` (as the red-packet query), `UNFREEZE_AMOUNT_EXCEED` (more than
/// is still frozen), `PAYEE_NOT_EXIST` (an unknown `payee_logon_id`), `PAYER_NOT_EXIST` (an
/// app.freeze paid by an unknown user).
pub(crate) fn refused(code: &str) -> Reply {
    let documented = AuthOrderFreezeErrorCode::from_sub_code(code)
        .meaning()
        .or_else(|| AuthOrderUnfreezeErrorCode::from_sub_code(code).meaning());
    let text = documented.unwrap_or(match code {
        "PAYMENT_AUTH_CODE_INVALID" => "支付授权码无效",
        "AUTH_ORDER_NOT_EXIST" => "授权单不存在",
        "AUTH_OPERATION_NOT_EXIST" => "授权操作不存在",
        "UNFREEZE_AMOUNT_EXCEED" => "解冻金额超过可解冻金额",
        "PAYEE_NOT_EXIST" => "收款方账户不存在",
        "PAYER_NOT_EXIST" => "付款方账户不存在",
        _ => "业务处理失败",
    });
    Reply::business_failed(code, text)
}

impl Ledger {
    /// Every pre-authorisation order, by `auth_no`.
    pub fn auth_orders(&self) -> impl Iterator<Item = &AuthOrder> {
        self.auth_orders.values()
    }

    /// Money frozen by pre-authorisation, all payers, in fen.
    pub fn preauth_frozen(&self) -> u64 {
        self.auth_orders.values().map(AuthOrder::rest).sum()
    }

    pub(crate) fn preauth_frozen_of(&self, user_id: &str) -> u64 {
        self.auth_orders
            .values()
            .filter(|o| o.payer_user_id == user_id)
            .map(AuthOrder::rest)
            .sum()
    }

    fn auth_order_key(&self, r: &OperationRef<'_>) -> Option<String> {
        match (r.auth_no, r.out_order_no) {
            (Some(no), _) => self.auth_orders.contains_key(no).then(|| no.to_owned()),
            (None, Some(out)) => self
                .auth_orders
                .values()
                .find(|o| o.out_order_no == out)
                .map(|o| o.auth_no.clone()),
            (None, None) => None,
        }
    }

    /// `alipay.fund.auth.order.freeze`: redeems the payment code and freezes the amount.
    pub(crate) fn preauth_freeze(
        &mut self,
        app_id: &str,
        req: &FreezeRequest<'_>,
        now: &str,
    ) -> Reply {
        let key = format!("preauth|{}", req.out_order_no);
        match self.replay(&key, &req.fingerprint) {
            Ok(Some(node)) => {
                return Reply {
                    node,
                    events: Vec::new(),
                };
            }
            Ok(None) => {}
            Err(()) => return refused("UNIQUE_VIOLATION"),
        }
        // Checked before the code is spent, so a refused call leaves the code usable.
        let owner = match req.payer_user_id {
            Some(user) => Some(user.to_owned()),
            None => self.payment_code_owner(req.auth_code).map(str::to_owned),
        };
        let Some(payer) = owner else {
            return refused("PAYMENT_AUTH_CODE_INVALID");
        };
        if req.payee_user_id == Some(payer.as_str()) {
            return refused("PAYER_PAYEE_EQUAL");
        }
        match self.account(&payer) {
            Some(a) if a.restricted => return refused("PAYER_USER_STATUS_LIMIT"),
            Some(a) if a.balance < req.amount => return refused("MONEY_NOT_ENOUGH"),
            Some(_) => {}
            None if req.payer_user_id.is_some() => return refused("PAYER_NOT_EXIST"),
            None => return refused("PAYMENT_AUTH_CODE_INVALID"),
        }
        let spent = req.payer_user_id.is_some() || self.redeem_payment_code(req.auth_code).is_ok();
        if !spent || self.debit(&payer, req.amount).is_err() {
            return refused("PAYMENT_AUTH_CODE_INVALID");
        }
        let auth_no = self.new_auth_no(now);
        let operation_id = self.new_operation_id(now);
        let payee = req.payee_user_id.unwrap_or(&self.merchant_id).to_owned();
        let payer_logon = mask_logon(&self.logon_of(&payer));
        self.auth_orders.insert(
            auth_no.clone(),
            AuthOrder {
                auth_no: auth_no.clone(),
                out_order_no: req.out_order_no.to_owned(),
                order_title: req.order_title.to_owned(),
                payer_user_id: payer.clone(),
                payee_user_id: payee,
                status: "AUTHORIZED",
                total_freeze: req.amount,
                total_unfreeze: 0,
                app_id: app_id.to_owned(),
                operations: vec![AuthOperation {
                    operation_id: operation_id.clone(),
                    out_request_no: req.out_request_no.to_owned(),
                    operation_type: "FREEZE",
                    amount: req.amount,
                    status: "SUCCESS",
                    remark: None,
                    gmt_create: now.to_owned(),
                }],
            },
        );
        let event = NotifyEvent::new(
            "fund_auth_freeze",
            app_id,
            vec![
                ("auth_no", auth_no.clone()),
                ("out_order_no", req.out_order_no.to_owned()),
                ("operation_id", operation_id.clone()),
                ("out_request_no", req.out_request_no.to_owned()),
                ("operation_type", "FREEZE".to_owned()),
                ("amount", yuan(req.amount)),
                ("status", "SUCCESS".to_owned()),
                ("gmt_create", now.to_owned()),
                ("gmt_trans", now.to_owned()),
                ("payer_logon_id", payer_logon.clone()),
                ("payer_user_id", payer.clone()),
                ("total_freeze_amount", yuan(req.amount)),
                ("total_unfreeze_amount", yuan(0)),
                ("total_pay_amount", yuan(0)),
                ("rest_amount", yuan(req.amount)),
            ],
        );
        let mut reply = Reply::success(vec![
            ("auth_no", auth_no),
            ("out_order_no", req.out_order_no.to_owned()),
            ("operation_id", operation_id),
            ("out_request_no", req.out_request_no.to_owned()),
            ("amount", yuan(req.amount)),
            ("status", "SUCCESS".to_owned()),
            ("payer_user_id", payer),
            ("payer_logon_id", payer_logon),
            ("gmt_trans", now.to_owned()),
            ("fund_amount", yuan(req.amount)),
            ("credit_amount", yuan(0)),
        ]);
        self.remember(&[key], &req.fingerprint, &reply);
        // Stored without it: a replay notifies nobody.
        reply.events.push(event);
        reply
    }

    /// `alipay.fund.auth.order.unfreeze`: returns `amount` of the rest to the payer.
    pub(crate) fn preauth_unfreeze(
        &mut self,
        auth_no: &str,
        out_request_no: &str,
        amount: u64,
        remark: &str,
        fingerprint: &str,
        now: &str,
    ) -> Reply {
        let key = format!("preauth-req|{auth_no}|{out_request_no}");
        match self.replay(&key, fingerprint) {
            Ok(Some(node)) => {
                return Reply {
                    node,
                    events: Vec::new(),
                };
            }
            Ok(None) => {}
            Err(()) => return refused("UNIQUE_VIOLATION"),
        }
        let Some(order) = self.auth_orders.get(auth_no) else {
            return refused("AUTH_ORDER_NOT_EXIST");
        };
        match order.status {
            "CLOSED" => return refused("ORDER_ALREADY_CLOSED"),
            "FINISH" => return refused("ORDER_ALREADY_FINISH"),
            _ => {}
        }
        if amount > order.rest() {
            return refused("UNFREEZE_AMOUNT_EXCEED");
        }
        let payer = order.payer_user_id.clone();
        let out_order_no = order.out_order_no.clone();
        if !self.can_credit(&payer, amount) {
            return refused("UNFREEZE_AMOUNT_EXCEED");
        }
        let operation_id = self.new_operation_id(now);
        self.credit(&payer, amount);
        if let Some(order) = self.auth_orders.get_mut(auth_no) {
            order.total_unfreeze += amount;
            if order.rest() == 0 {
                order.status = "FINISH";
            }
            order.operations.push(AuthOperation {
                operation_id: operation_id.clone(),
                out_request_no: out_request_no.to_owned(),
                operation_type: "UNFREEZE",
                amount,
                status: "SUCCESS",
                remark: Some(remark.to_owned()),
                gmt_create: now.to_owned(),
            });
        }
        let reply = Reply::success(vec![
            ("auth_no", auth_no.to_owned()),
            ("out_order_no", out_order_no),
            ("operation_id", operation_id),
            ("out_request_no", out_request_no.to_owned()),
            ("amount", yuan(amount)),
            ("status", "SUCCESS".to_owned()),
            ("gmt_trans", now.to_owned()),
            ("fund_amount", yuan(amount)),
            ("credit_amount", yuan(0)),
        ]);
        self.remember(&[key], fingerprint, &reply);
        reply
    }

    /// `alipay.fund.auth.operation.detail.query`.
    pub(crate) fn preauth_detail(&self, r: &OperationRef<'_>) -> Reply {
        let Some(order) = self
            .auth_order_key(r)
            .and_then(|k| self.auth_orders.get(&k))
        else {
            return refused("AUTH_ORDER_NOT_EXIST");
        };
        let op = match (r.operation_id, r.out_request_no) {
            (Some(id), _) => order.operations.iter().find(|o| o.operation_id == id),
            (None, Some(no)) => order.operations.iter().find(|o| o.out_request_no == no),
            (None, None) => None,
        };
        let Some(op) = op else {
            return refused("AUTH_OPERATION_NOT_EXIST");
        };
        let mut fields = vec![
            ("auth_no", order.auth_no.clone()),
            ("out_order_no", order.out_order_no.clone()),
            ("order_status", order.status.to_owned()),
            ("total_freeze_amount", yuan(order.total_freeze)),
            ("rest_amount", yuan(order.rest())),
            ("total_pay_amount", yuan(0)),
            ("order_title", order.order_title.clone()),
            (
                "payer_logon_id",
                mask_logon(&self.logon_of(&order.payer_user_id)),
            ),
            ("payer_user_id", order.payer_user_id.clone()),
            ("operation_id", op.operation_id.clone()),
            ("out_request_no", op.out_request_no.clone()),
            ("amount", yuan(op.amount)),
            ("operation_type", op.operation_type.to_owned()),
            ("status", op.status.to_owned()),
            ("gmt_create", op.gmt_create.clone()),
            ("gmt_trans", op.gmt_create.clone()),
        ];
        if let Some(remark) = &op.remark {
            fields.push(("remark", remark.clone()));
        }
        Reply::success(fields)
    }

    /// `alipay.fund.auth.operation.cancel`: a freeze whose outcome the merchant does not know
    /// is undone: its money goes back (`action` `unfreeze`) and the order closes. A cancelled
    /// order answers `close` again (nothing more to give back).
    pub(crate) fn preauth_cancel(&mut self, r: &OperationRef<'_>, remark: &str) -> Reply {
        let Some(key) = self.auth_order_key(r) else {
            return refused("AUTH_ORDER_NOT_EXIST");
        };
        let Some(order) = self.auth_orders.get(&key) else {
            return refused("AUTH_ORDER_NOT_EXIST");
        };
        let freeze = order.operations.iter().find(|o| {
            o.operation_type == "FREEZE"
                && r.operation_id.is_none_or(|id| id == o.operation_id)
                && r.out_request_no.is_none_or(|no| no == o.out_request_no)
        });
        let Some(freeze) = freeze.cloned() else {
            return refused("AUTH_OPERATION_NOT_EXIST");
        };
        if order.total_unfreeze > 0 && order.status != "CLOSED" {
            // Part of it was already unfrozen: the outcome was known, cancel is not for it.
            return refused("ORDER_ALREADY_FINISH");
        }
        let (rest, payer, out_order_no) = (
            order.rest(),
            order.payer_user_id.clone(),
            order.out_order_no.clone(),
        );
        let action = if rest > 0 && self.can_credit(&payer, rest) {
            self.credit(&payer, rest);
            "unfreeze"
        } else {
            "close"
        };
        if let Some(order) = self.auth_orders.get_mut(&key) {
            order.total_unfreeze += if action == "unfreeze" { rest } else { 0 };
            order.status = "CLOSED";
            for op in order
                .operations
                .iter_mut()
                .filter(|o| o.operation_id == freeze.operation_id)
            {
                op.status = "CLOSED";
                op.remark = Some(remark.to_owned());
            }
        }
        Reply::success(vec![
            ("auth_no", key),
            ("out_order_no", out_order_no),
            ("operation_id", freeze.operation_id),
            ("out_request_no", freeze.out_request_no),
            ("action", action.to_owned()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DEMO_USERS;

    const NOW: &str = "2026-12-02 10:00:00";
    const ALICE: &str = DEMO_USERS[0].0;

    fn freeze<'a>(code: &'a str, no: &'a str, fen: u64) -> FreezeRequest<'a> {
        FreezeRequest {
            auth_code: code,
            payer_user_id: None,
            out_order_no: no,
            out_request_no: no,
            order_title: "押金",
            amount: fen,
            payee_user_id: None,
            fingerprint: format!("{no}|{fen}|{code}"),
        }
    }

    #[test]
    fn freeze_unfreeze_query_and_money() {
        let mut l = Ledger::with_demo_data();
        let total = l.total_money();
        let before = l.balance(ALICE).unwrap_or_default();
        let code = l.issue_payment_code(ALICE).unwrap();
        let r = l.preauth_freeze("app", &freeze(&code, "F1", 10_000), NOW);
        assert_eq!(r.code(), "10000", "{:?}", r.node);
        let auth_no = r.field("auth_no").unwrap_or_default().to_owned();
        assert_eq!(r.events.len(), 1);
        assert_eq!(r.events[0].notify_type, "fund_auth_freeze");
        assert_eq!(r.events[0].get("rest_amount"), Some("100.00"));
        assert_eq!(l.balance(ALICE), Some(before - 10_000));
        assert_eq!(l.frozen_of(ALICE), 10_000);
        assert_eq!(l.total_money(), total);
        // Same request replays; the code is spent for anything else.
        assert_eq!(
            l.preauth_freeze("app", &freeze(&code, "F1", 10_000), NOW)
                .node,
            r.node
        );
        assert_eq!(
            l.preauth_freeze("app", &freeze(&code, "F2", 100), NOW)
                .sub_code(),
            Some("PAYMENT_AUTH_CODE_INVALID")
        );
        let u = l.preauth_unfreeze(&auth_no, "U1", 3_000, "退一部分", "U1|3000", NOW);
        assert!(u.is_success());
        assert_eq!(
            l.preauth_unfreeze(&auth_no, "U1", 3_000, "退一部分", "U1|3000", NOW)
                .node,
            u.node
        );
        assert_eq!(
            l.preauth_unfreeze(&auth_no, "U1", 1_000, "x", "U1|1000", NOW)
                .sub_code(),
            Some("UNIQUE_VIOLATION")
        );
        assert_eq!(
            l.preauth_unfreeze(&auth_no, "U2", 7_001, "x", "U2|7001", NOW)
                .sub_code(),
            Some("UNFREEZE_AMOUNT_EXCEED")
        );
        assert_eq!(l.balance(ALICE), Some(before - 7_000));
        let by = OperationRef {
            auth_no: None,
            out_order_no: Some("F1"),
            operation_id: None,
            out_request_no: Some("U1"),
        };
        let d = l.preauth_detail(&by);
        assert_eq!(d.field("operation_type"), Some("UNFREEZE"));
        assert_eq!(d.field("rest_amount"), Some("70.00"));
        assert_eq!(d.field("order_status"), Some("AUTHORIZED"));
        assert!(
            l.preauth_unfreeze(&auth_no, "U3", 7_000, "全部", "U3|7000", NOW)
                .is_success()
        );
        let d = l.preauth_detail(&OperationRef {
            out_request_no: Some("F1"),
            ..by
        });
        assert_eq!(d.field("order_status"), Some("FINISH"));
        assert_eq!(d.field("operation_type"), Some("FREEZE"));
        assert_eq!(l.balance(ALICE), Some(before));
        assert_eq!(l.total_money(), total);
    }

    #[test]
    fn restricted_payers_and_own_payees_are_refused() {
        let mut l = Ledger::with_demo_data();
        let total = l.total_money();
        let code = l.issue_payment_code(ALICE).unwrap();
        let to_self = FreezeRequest {
            payee_user_id: Some(ALICE),
            ..freeze(&code, "S1", 100)
        };
        assert_eq!(
            l.preauth_freeze("app", &to_self, NOW).sub_code(),
            Some("PAYER_PAYEE_EQUAL")
        );
        l.restrict(ALICE, true).unwrap();
        assert_eq!(
            l.preauth_freeze("app", &freeze(&code, "S2", 100), NOW)
                .sub_code(),
            Some("PAYER_USER_STATUS_LIMIT")
        );
        let app = FreezeRequest {
            payer_user_id: Some("2088999999999999"),
            ..freeze("", "S3", 100)
        };
        assert_eq!(
            l.preauth_freeze("app", &app, NOW).sub_code(),
            Some("PAYER_NOT_EXIST")
        );
        assert_eq!(l.total_money(), total);
        assert_eq!(l.auth_orders().count(), 0);
    }

    #[test]
    fn refusals_and_cancel() {
        let mut l = Ledger::with_demo_data();
        let total = l.total_money();
        let before = l.balance(ALICE).unwrap_or_default();
        assert_eq!(
            l.preauth_freeze("app", &freeze("281234567890123456", "X", 1), NOW)
                .sub_code(),
            Some("PAYMENT_AUTH_CODE_INVALID")
        );
        let code = l.issue_payment_code(ALICE).unwrap();
        assert_eq!(
            l.preauth_freeze("app", &freeze(&code, "X", before + 1), NOW)
                .sub_code(),
            Some("MONEY_NOT_ENOUGH")
        );
        // The refused call did not spend the code.
        let r = l.preauth_freeze("app", &freeze(&code, "C1", 500), NOW);
        assert!(r.is_success());
        let by = OperationRef {
            auth_no: None,
            out_order_no: Some("C1"),
            operation_id: None,
            out_request_no: Some("C1"),
        };
        let c = l.preauth_cancel(&by, "结果未知");
        assert_eq!(c.field("action"), Some("unfreeze"));
        assert_eq!(l.balance(ALICE), Some(before));
        assert_eq!(l.preauth_cancel(&by, "再次").field("action"), Some("close"));
        assert_eq!(l.preauth_detail(&by).field("order_status"), Some("CLOSED"));
        let auth_no = r.field("auth_no").unwrap_or_default();
        assert_eq!(
            l.preauth_unfreeze(auth_no, "U", 1, "x", "U|1", NOW)
                .sub_code(),
            Some("ORDER_ALREADY_CLOSED")
        );
        let nothing = OperationRef {
            out_order_no: Some("nope"),
            ..by
        };
        assert_eq!(
            l.preauth_cancel(&nothing, "x").sub_code(),
            Some("AUTH_ORDER_NOT_EXIST")
        );
        assert_eq!(
            l.preauth_detail(&OperationRef {
                out_request_no: Some("nope"),
                ..by
            })
            .sub_code(),
            Some("AUTH_OPERATION_NOT_EXIST")
        );
        assert_eq!(l.total_money(), total);
    }
}
