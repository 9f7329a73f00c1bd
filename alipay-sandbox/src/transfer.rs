//! Transfers to Alipay accounts (`alipay.fund.trans.uni.transfer`), their query
//! (`alipay.fund.trans.common.query`) and the balance query (`alipay.fund.account.query`).
//!
//! The merchant pays: its balance goes straight to the payee's, so a transfer is `SUCCESS` at
//! once and no money is ever in flight. The request arrives already validated by the
//! generated rules (see `rules`); what is checked here is what only the books know.
//!
//! Facts (the `alipay.fund.trans.uni.transfer` doc page, listed in the API index
//! <https://opendocs.alipay.com/apis>, and the Java SDK's
//! `alipay-sdk-java-all .../domain/AlipayFundTransUniTransferModel.java` / `Participant.java`):
//! * `TRANS_ACCOUNT_NO_PWD` pays at least 0.10 (`EXCEED_LIMIT_SM_MIN_AMOUNT` below),
//!   `STD_RED_PACKET` at least 0.01;
//! * the payee is `identity` + `identity_type` (`ALIPAY_USER_ID`, `ALIPAY_LOGON_ID`,
//!   `ALIPAY_OPEN_ID`); with a logon id the `name` is required and must be the holder's real
//!   name (`PAYEE_USER_INFO_ERROR`); nobody with that identity: `PAYEE_NOT_EXIST`;
//! * the merchant's short balance: `BALANCE_IS_NOT_ENOUGH`, the code of the doc page's error
//!   table (it also lists `PAYER_BALANCE_NOT_ENOUGH` with the same meaning, answered by other
//!   channels);
//! * `out_biz_no` makes the call idempotent: the same request answers the first answer again
//!   and pays once; another request on the same `out_biz_no` is refused with
//!   `DUPLICATE_OUT_BIZ_NO` (*chosen*: the error table has no code for it);
//! * a restricted payee: `PAYEE_ACCOUNT_STATUS_ERROR` (*chosen*, same reason); common.query
//!   finding nothing: `ORDER_NOT_EXIST`, account.query an unknown user: `ACCOUNT_NOT_EXIST`
//!   (*chosen*: their tables list only `SYSTEM_ERROR`).

use alipay_apis::fund::TransUniTransferErrorCode;

use crate::Reply;
use crate::ledger::{Ledger, date8, yuan};

/// The real names of the demo users (ALIPAY_LOGON_ID payees must be named by them). Users
/// added later have no recorded name, and any `name` is accepted for them.
pub const DEMO_REAL_NAMES: [(&str, &str); 3] = [
    ("2088102138117431", "沙箱爱丽丝"),
    ("2088102138117432", "沙箱鲍勃"),
    ("2088102138117433", "沙箱卡萝尔"),
];

/// The product codes and their smallest amount in fen.
const PRODUCTS: [(&str, u64); 2] = [("TRANS_ACCOUNT_NO_PWD", 10), ("STD_RED_PACKET", 1)];

/// One transfer, as the books keep it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// 32 digits.
    pub order_id: String,
    /// 32 digits.
    pub pay_fund_order_id: String,
    pub out_biz_no: String,
    pub product_code: String,
    pub biz_scene: String,
    pub order_title: Option<String>,
    pub remark: Option<String>,
    pub amount: u64,
    pub payer_user_id: String,
    pub payee_user_id: String,
    pub status: String,
    /// `yyyy-MM-dd HH:mm:ss`.
    pub trans_date: String,
    pub app_id: String,
}

/// A uni.transfer request, as the rules hand it over (validated).
#[derive(Debug, Clone)]
pub struct TransferOrder<'a> {
    pub out_biz_no: &'a str,
    pub amount: u64,
    pub product_code: &'a str,
    /// `DIRECT_TRANSFER` when absent.
    pub biz_scene: Option<&'a str>,
    pub order_title: Option<&'a str>,
    pub identity: &'a str,
    pub identity_type: &'a str,
    pub name: Option<&'a str>,
    pub remark: Option<&'a str>,
    /// The whole request (its `Debug`), for the idempotency check.
    pub fingerprint: String,
}

/// A transfer refused: the spec's text where uni.transfer's error table has the code, else
/// the sandbox's (for the *chosen* codes).
pub(crate) fn refused(code: &str) -> Reply {
    let documented = TransUniTransferErrorCode::from_sub_code(code).meaning();
    let text = documented.unwrap_or(match code {
        "ORDER_NOT_EXIST" => "转账订单不存在",
        "ACCOUNT_NOT_EXIST" => "账户不存在",
        "PAYEE_ACCOUNT_STATUS_ERROR" => "收款方账户状态异常",
        "DUPLICATE_OUT_BIZ_NO" => "商户订单号重复，且请求参数与原请求不一致",
        _ => "业务处理失败",
    });
    Reply::business_failed(code, text)
}

/// The deterministic `open_id` of a user (`ALIPAY_OPEN_ID` payees, oauth.token's `open_id`):
/// the sandbox serves one app family, so one id per user is enough.
pub fn open_id_of(user_id: &str) -> String {
    format!("074aSBX{}", user_id.trim_start_matches("2088"))
}

impl Ledger {
    /// A user's real name, if recorded.
    pub fn real_name(&self, user_id: &str) -> Option<&str> {
        self.real_names.get(user_id).map(String::as_str)
    }

    /// Every transfer, oldest first.
    pub fn transfers(&self) -> &[Transfer] {
        &self.transfers
    }

    fn payee_of(&self, identity: &str, identity_type: &str) -> Option<String> {
        let found = match identity_type {
            "ALIPAY_USER_ID" => self.account(identity),
            "ALIPAY_LOGON_ID" => self.user_by_logon(identity),
            "ALIPAY_OPEN_ID" => self.accounts().find(|a| open_id_of(&a.user_id) == identity),
            _ => None,
        };
        found
            .filter(|a| a.user_id != self.merchant_id)
            .map(|a| a.user_id.clone())
    }

    /// `alipay.fund.trans.uni.transfer`: the merchant pays `order.amount` to the payee.
    pub(crate) fn transfer(&mut self, app_id: &str, order: &TransferOrder<'_>, now: &str) -> Reply {
        let key = format!("transfer|{}", order.out_biz_no);
        match self.replay(&key, &order.fingerprint) {
            Ok(Some(node)) => {
                return Reply {
                    node,
                    events: Vec::new(),
                };
            }
            Ok(None) => {}
            Err(()) => return refused("DUPLICATE_OUT_BIZ_NO"),
        }
        let floor = PRODUCTS
            .iter()
            .find(|(p, _)| *p == order.product_code)
            .map_or(1, |(_, fen)| *fen);
        if order.amount < floor {
            return refused("EXCEED_LIMIT_SM_MIN_AMOUNT");
        }
        let Some(payee) = self.payee_of(order.identity, order.identity_type) else {
            return refused("PAYEE_NOT_EXIST");
        };
        if order.identity_type == "ALIPAY_LOGON_ID"
            && let (Some(given), Some(real)) = (order.name, self.real_name(&payee))
            && given != real
        {
            return refused("PAYEE_USER_INFO_ERROR");
        }
        if self.account(&payee).is_some_and(|a| a.restricted) {
            return refused("PAYEE_ACCOUNT_STATUS_ERROR");
        }
        let payer = self.merchant_id.clone();
        if !self.can_credit(&payee, order.amount) || self.debit(&payer, order.amount).is_err() {
            return refused("BALANCE_IS_NOT_ENOUGH");
        }
        self.credit(&payee, order.amount);
        let seq = self.next_seq();
        let date = date8(now);
        let transfer = Transfer {
            order_id: format!("{date}110070000{seq:015}"),
            pay_fund_order_id: format!("{date}110070001{seq:015}"),
            out_biz_no: order.out_biz_no.to_owned(),
            product_code: order.product_code.to_owned(),
            biz_scene: order.biz_scene.unwrap_or("DIRECT_TRANSFER").to_owned(),
            order_title: order.order_title.map(str::to_owned),
            remark: order.remark.map(str::to_owned),
            amount: order.amount,
            payer_user_id: payer,
            payee_user_id: payee,
            status: "SUCCESS".to_owned(),
            trans_date: now.to_owned(),
            app_id: app_id.to_owned(),
        };
        let reply = Reply::success(vec![
            ("out_biz_no", transfer.out_biz_no.clone()),
            ("order_id", transfer.order_id.clone()),
            ("pay_fund_order_id", transfer.pay_fund_order_id.clone()),
            ("status", transfer.status.clone()),
            ("trans_date", transfer.trans_date.clone()),
        ]);
        self.transfers.push(transfer);
        self.remember(&[key], &order.fingerprint, &reply);
        reply
    }

    /// `alipay.fund.trans.common.query`: by `order_id` (wins), else `out_biz_no` (with the
    /// product code and scene it was made with).
    pub(crate) fn transfer_query(
        &self,
        order_id: Option<&str>,
        out_biz_no: Option<&str>,
        product_code: Option<&str>,
        biz_scene: Option<&str>,
    ) -> Reply {
        let found = match (order_id, out_biz_no) {
            (Some(id), _) => self.transfers.iter().find(|t| t.order_id == id),
            (None, Some(no)) => self.transfers.iter().find(|t| {
                t.out_biz_no == no
                    && product_code.is_none_or(|p| p == t.product_code)
                    && biz_scene.is_none_or(|s| s == t.biz_scene)
            }),
            (None, None) => None,
        };
        let Some(t) = found else {
            return refused("ORDER_NOT_EXIST");
        };
        Reply::success(vec![
            ("order_id", t.order_id.clone()),
            ("pay_fund_order_id", t.pay_fund_order_id.clone()),
            ("out_biz_no", t.out_biz_no.clone()),
            ("trans_amount", yuan(t.amount)),
            ("status", t.status.clone()),
            ("pay_date", t.trans_date.clone()),
            ("arrival_time_end", t.trans_date.clone()),
            ("order_fee", yuan(0)),
        ])
    }

    /// Money of `user_id` frozen by fund-auth (pre-authorisation freezes and scanned
    /// voucher.create codes), in fen.
    pub fn frozen_of(&self, user_id: &str) -> u64 {
        let vouchers: u64 = self
            .freezes
            .values()
            .filter(|f| {
                f.status == crate::Status::Success && f.payer_user_id.as_deref() == Some(user_id)
            })
            .map(|f| f.amount)
            .sum();
        vouchers.saturating_add(self.preauth_frozen_of(user_id))
    }

    /// `alipay.fund.account.query`: the available balance and the frozen amount.
    pub(crate) fn account_query(&self, user_id: &str) -> Reply {
        let Some(balance) = self.balance(user_id) else {
            return refused("ACCOUNT_NOT_EXIST");
        };
        Reply::success(vec![
            ("available_amount", yuan(balance)),
            ("freeze_amount", yuan(self.frozen_of(user_id))),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DEMO_MERCHANT, DEMO_USERS};

    const NOW: &str = "2026-12-02 10:00:00";

    fn order<'a>(no: &'a str, fen: u64, identity: &'a str, kind: &'a str) -> TransferOrder<'a> {
        TransferOrder {
            out_biz_no: no,
            amount: fen,
            product_code: "TRANS_ACCOUNT_NO_PWD",
            biz_scene: Some("DIRECT_TRANSFER"),
            order_title: Some("佣金"),
            identity,
            identity_type: kind,
            name: None,
            remark: None,
            fingerprint: format!("{no}|{fen}|{identity}|{kind}"),
        }
    }

    #[test]
    fn pays_once_per_out_biz_no_and_conserves_money() {
        let mut l = Ledger::with_demo_data();
        let total = l.total_money();
        let (alice, merchant) = (l.balance(DEMO_USERS[0].0), l.balance(DEMO_MERCHANT));
        let r = l.transfer(
            "app",
            &order("T1", 1_234, DEMO_USERS[0].0, "ALIPAY_USER_ID"),
            NOW,
        );
        assert_eq!(r.code(), "10000", "{:?}", r.node);
        assert_eq!(r.field("status"), Some("SUCCESS"));
        assert_eq!(r.field("order_id").map(str::len), Some(32));
        let again = l.transfer(
            "app",
            &order("T1", 1_234, DEMO_USERS[0].0, "ALIPAY_USER_ID"),
            NOW,
        );
        assert_eq!(again.node, r.node);
        assert_eq!(l.balance(DEMO_USERS[0].0), alice.map(|b| b + 1_234));
        assert_eq!(l.balance(DEMO_MERCHANT), merchant.map(|b| b - 1_234));
        let other = l.transfer(
            "app",
            &order("T1", 999, DEMO_USERS[0].0, "ALIPAY_USER_ID"),
            NOW,
        );
        assert_eq!(other.sub_code(), Some("DUPLICATE_OUT_BIZ_NO"));
        assert_eq!(l.total_money(), total);
        assert_eq!(l.transfers().len(), 1);
    }

    #[test]
    fn refusals() {
        let mut l = Ledger::with_demo_data();
        let total = l.total_money();
        let (bob, bob_logon) = (DEMO_USERS[1].0, DEMO_USERS[1].1);
        let cases: [(TransferOrder<'_>, &str); 5] = [
            (
                order("A", 9, bob, "ALIPAY_USER_ID"),
                "EXCEED_LIMIT_SM_MIN_AMOUNT",
            ),
            (
                order("B", 100, "2088999999999999", "ALIPAY_USER_ID"),
                "PAYEE_NOT_EXIST",
            ),
            (
                order("C", 100, DEMO_MERCHANT, "ALIPAY_USER_ID"),
                "PAYEE_NOT_EXIST",
            ),
            (
                TransferOrder {
                    name: Some("别人"),
                    ..order("D", 100, bob_logon, "ALIPAY_LOGON_ID")
                },
                "PAYEE_USER_INFO_ERROR",
            ),
            (
                order("E", 2_000_000, bob, "ALIPAY_USER_ID"),
                "BALANCE_IS_NOT_ENOUGH",
            ),
        ];
        for (o, code) in cases {
            let r = l.transfer("app", &o, NOW);
            assert_eq!(r.sub_code(), Some(code), "{}", o.out_biz_no);
            assert_eq!(r.code(), "40004");
        }
        // STD_RED_PACKET goes down to 0.01; the right name and an open id pay.
        let red = TransferOrder {
            product_code: "STD_RED_PACKET",
            ..order("F", 1, bob, "ALIPAY_USER_ID")
        };
        assert!(l.transfer("app", &red, NOW).is_success());
        let named = TransferOrder {
            name: Some("沙箱鲍勃"),
            ..order("G", 10, bob_logon, "ALIPAY_LOGON_ID")
        };
        assert!(l.transfer("app", &named, NOW).is_success());
        let open = open_id_of(bob);
        assert!(
            l.transfer("app", &order("H", 10, &open, "ALIPAY_OPEN_ID"), NOW)
                .is_success()
        );
        assert_eq!(l.total_money(), total);
    }

    #[test]
    fn a_restricted_payee_is_refused() {
        let mut l = Ledger::with_demo_data();
        l.restrict(DEMO_USERS[1].0, true).unwrap();
        let r = l.transfer(
            "app",
            &order("R", 100, DEMO_USERS[1].0, "ALIPAY_USER_ID"),
            NOW,
        );
        assert_eq!(r.sub_code(), Some("PAYEE_ACCOUNT_STATUS_ERROR"));
        assert!(l.transfers().is_empty());
    }

    #[test]
    fn queries() {
        let mut l = Ledger::with_demo_data();
        let r = l.transfer(
            "app",
            &order("Q1", 500, DEMO_USERS[2].0, "ALIPAY_USER_ID"),
            NOW,
        );
        let id = r.field("order_id").unwrap_or_default().to_owned();
        let by_id = l.transfer_query(Some(&id), None, None, None);
        assert_eq!(by_id.field("out_biz_no"), Some("Q1"));
        assert_eq!(by_id.field("trans_amount"), Some("5.00"));
        let by_no = l.transfer_query(
            None,
            Some("Q1"),
            Some("TRANS_ACCOUNT_NO_PWD"),
            Some("DIRECT_TRANSFER"),
        );
        assert_eq!(by_no.field("order_id"), Some(id.as_str()));
        let wrong_product = l.transfer_query(None, Some("Q1"), Some("STD_RED_PACKET"), None);
        assert_eq!(wrong_product.sub_code(), Some("ORDER_NOT_EXIST"));
        let acc = l.account_query(DEMO_USERS[2].0);
        assert_eq!(acc.field("available_amount"), Some("15.00"));
        assert_eq!(acc.field("freeze_amount"), Some("0.00"));
        assert_eq!(
            l.account_query("2088999999999999").sub_code(),
            Some("ACCOUNT_NOT_EXIST")
        );
    }
}
