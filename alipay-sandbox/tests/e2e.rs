//! End to end: the real client (`AlipayClient`, typed requests of `alipay-apis`) against the
//! sandbox gateway over HTTP on loopback, for each of the 8 APIs: the success path and every
//! business error the sandbox implements, with the typed error (`Error::Business`, the API's
//! `<Name>ErrorCode` and its handling) and the money moved to the fen. Every test ends by
//! checking that the ledger's total money did not change.
//!
//! app.pay and page.pay are not sent by the server: their order string and form are checked
//! the way the sandbox's cashier would (parameters, the app's signature, `biz_content`), then
//! handed to [`Books::create_pending_order`] and paid with [`Books::pay_order`].
//!
//! [`Books::create_pending_order`]: alipay_sandbox::Books::create_pending_order
//! [`Books::pay_order`]: alipay_sandbox::Books::pay_order

use std::fmt::Debug;

use alipay_apis::fund::{
    AuthOrderVoucherCreateErrorCode, AuthOrderVoucherCreateRequest, CouponOperationQueryErrorCode,
    CouponOperationQueryRequest, CouponOperationQueryResponse, CouponOrderAgreementPayErrorCode,
    CouponOrderAgreementPayRequest, CouponOrderAppPayRequest, CouponOrderDisburseErrorCode,
    CouponOrderDisburseRequest, CouponOrderDisburseResponse, CouponOrderPagePayRequest,
    CouponOrderRefundErrorCode, CouponOrderRefundRequest, CouponOrderRefundResponse,
};
use alipay_apis::marketing::{VoucherSendErrorCode, VoucherSendRequest};
use alipay_apis::{Amount, Api, Handling, UserId, amount};
use alipay_core::client::{AlipayClient, ClientBuilder};
use alipay_core::request::Call;
use alipay_core::transport::Gateway;
use alipay_core::{
    AlipayPublicKey, ApiError, AppPrivateKey, AppPublicKey, Charset, Error, GatewayPrivateKey,
    Outcome, Params, SignType, Timestamp,
};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{
    Account, DEMO_MERCHANT, DEMO_TEMPLATE, DEMO_USERS, Ledger, LedgerError, Operation,
    OperationType, RedPacket, Status, Template, Voucher,
};
use base64::Engine;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";

const APP_PAY: &str = "alipay.fund.coupon.order.app.pay";
const PAGE_PAY: &str = "alipay.fund.coupon.order.page.pay";
const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
const AGREEMENT_PAY: &str = "alipay.fund.coupon.order.agreement.pay";

const ALICE: &str = DEMO_USERS[0].0;
const ALICE_LOGON: &str = DEMO_USERS[0].1;
const BOB: &str = DEMO_USERS[1].0;
const BOB_LOGON: &str = DEMO_USERS[1].1;
const BOB_NICK: &str = DEMO_USERS[1].2;
const CAROL: &str = DEMO_USERS[2].0;
/// Well-formed (`2088` + 12 digits) but no sandbox account has it.
const NOBODY: &str = "2088999999999999";

// ---------------------------------------------------------------------------------------------
// Setup (the helpers of tests/http.rs, plus a ledger prepared before the gateway starts).
// ---------------------------------------------------------------------------------------------

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

fn gateway_public() -> AlipayPublicKey {
    AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap()
}

fn app_public() -> AppPublicKey {
    AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap()
}

fn builder_with(sandbox: &Sandbox, app_id: &str, key_file: &str) -> ClientBuilder {
    AlipayClient::builder(
        app_id,
        AppPrivateKey::from_text(&read(key_file)).unwrap(),
        gateway_public(),
    )
    .gateway(Gateway::new(&sandbox.gateway_url).unwrap())
}

fn client_with(sandbox: &Sandbox, app_id: &str, key_file: &str) -> AlipayClient {
    builder_with(sandbox, app_id, key_file).build().unwrap()
}

fn uid(id: &str) -> UserId {
    UserId::parse(id).unwrap()
}

fn now() -> String {
    Timestamp::now().as_str().to_owned()
}

/// Everything in the ledger a call could change.
#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    accounts: Vec<Account>,
    packets: Vec<RedPacket>,
    operations: Vec<Operation>,
    templates: Vec<Template>,
    vouchers: Vec<Voucher>,
}

/// A sandbox gateway on 127.0.0.1:0, the client of its one app, and the money it holds.
struct Env {
    sb: Sandbox,
    c: AlipayClient,
    total: u128,
}

impl Env {
    /// The demo ledger.
    async fn new() -> Env {
        Env::with(|_| {}).await
    }

    /// The demo ledger changed by `setup` (with the ledger's own admin helpers) before the
    /// gateway starts; the total money is taken after the setup.
    async fn with(setup: impl FnOnce(&mut Ledger)) -> Env {
        let mut config = SandboxConfig::new(
            APP_ID,
            app_public(),
            GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
        );
        setup(&mut config.ledger);
        let sb = start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
        let c = client_with(&sb, APP_ID, "app_private_pkcs1.pem");
        let total = sb.with_ledger(|l| l.total_money());
        Env { sb, c, total }
    }

    fn balance(&self, user_id: &str) -> u64 {
        self.sb
            .with_ledger(|l| l.balance(user_id))
            .unwrap_or_else(|| panic!("no account {user_id}"))
    }

    fn packet(&self, auth_no: &str) -> RedPacket {
        self.sb
            .with_ledger(|l| l.red_packet(auth_no).cloned())
            .unwrap_or_else(|| panic!("no red packet {auth_no}"))
    }

    fn operations(&self) -> Vec<Operation> {
        self.sb.with_ledger(|l| l.operations().to_vec())
    }

    fn books(&self) -> Snapshot {
        self.sb.with_ledger(|l| Snapshot {
            accounts: l.accounts().cloned().collect(),
            packets: l.red_packets().cloned().collect(),
            operations: l.operations().to_vec(),
            templates: l.templates().cloned().collect(),
            vouchers: l.vouchers().to_vec(),
        })
    }

    /// The ledger holds exactly the money it held after the setup.
    #[track_caller]
    fn conserved(&self) {
        assert_eq!(
            self.sb.with_ledger(|l| l.total_money()),
            self.total,
            "total money changed"
        );
    }

    /// agreement.pay of `amount` from the merchant, `order` / `order-1`; the auth_no.
    async fn pay(&self, order: &str, amount: Amount) -> String {
        let paid = self.c.execute(&agreement(order, amount)).await.unwrap();
        assert_eq!(paid.code.as_deref(), Some("10000"));
        paid.auth_no.expect("auth_no")
    }

    async fn disburse(&self, request: &CouponOrderDisburseRequest) -> CouponOrderDisburseResponse {
        self.c.execute(request).await.unwrap()
    }

    async fn refund(&self, request: &CouponOrderRefundRequest) -> CouponOrderRefundResponse {
        self.c.execute(request).await.unwrap()
    }

    async fn query(&self, request: &CouponOperationQueryRequest) -> CouponOperationQueryResponse {
        self.c.execute(request).await.unwrap()
    }

    /// An unpaid app.pay order, as the cashier opens it; its auth_no.
    fn pending_app_order(&self, order: &str, amount: Amount) -> String {
        let biz = app_order(order, amount).biz_content();
        let reply = self
            .sb
            .with_books(|b| b.create_pending_order(APP_ID, APP_PAY, &biz, &now()));
        assert_eq!(reply.code(), "10000", "{}", reply.node);
        assert_eq!(reply.field("status"), Some("INIT"));
        reply.field("auth_no").expect("auth_no").to_owned()
    }
}

fn agreement(order: &str, amount: Amount) -> CouponOrderAgreementPayRequest {
    CouponOrderAgreementPayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包")
        .amount(amount)
        .build()
}

fn agreement_from(order: &str, amount: Amount, payer: &str) -> CouponOrderAgreementPayRequest {
    CouponOrderAgreementPayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包")
        .amount(amount)
        .payer_user_id(uid(payer))
        .build()
}

/// A disbursement of red packet `auth_no` to `payee` (a user id), `order` / `order-1`.
fn disburse(auth_no: &str, order: &str, amount: Amount, payee: &str) -> CouponOrderDisburseRequest {
    CouponOrderDisburseRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包打款")
        .amount(amount)
        .deduct_auth_no(auth_no)
        .payee_user_id(uid(payee))
        .build()
}

fn refund(auth_no: &str, out_request_no: &str, amount: Amount) -> CouponOrderRefundRequest {
    CouponOrderRefundRequest::builder()
        .auth_no(auth_no)
        .out_request_no(out_request_no)
        .amount(amount)
        .remark("红包退回")
        .build()
}

fn app_order(order: &str, amount: Amount) -> CouponOrderAppPayRequest {
    CouponOrderAppPayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("App红包")
        .amount(amount)
        .build()
}

fn page_order(order: &str, amount: Amount) -> CouponOrderPagePayRequest {
    CouponOrderPagePayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("网页红包")
        .amount(amount)
        .build()
}

fn send_to(template: &str, out_biz_no: &str, user: &str) -> VoucherSendRequest {
    VoucherSendRequest::builder()
        .template_id(template)
        .out_biz_no(out_biz_no)
        .user_id(uid(user))
        .build()
}

fn send_amount(template: &str, out_biz_no: &str, user: &str, amount: Amount) -> VoucherSendRequest {
    VoucherSendRequest::builder()
        .template_id(template)
        .out_biz_no(out_biz_no)
        .user_id(uid(user))
        .amount(amount)
        .build()
}

fn status<T: AsWire>(value: &Option<T>) -> Option<&str> {
    value.as_ref().map(AsWire::wire)
}

/// The wire text of a generated response enum.
trait AsWire {
    fn wire(&self) -> &str;
}

macro_rules! as_wire {
    ($($t:ty),* $(,)?) => { $(impl AsWire for $t { fn wire(&self) -> &str { self.as_str() } })* };
}

as_wire!(
    alipay_apis::fund::CouponOrderAgreementPayResponseStatus,
    alipay_apis::fund::CouponOrderDisburseResponseStatus,
    alipay_apis::fund::CouponOrderRefundResponseStatus,
    alipay_apis::fund::CouponOperationQueryResponseStatus,
    alipay_apis::fund::CouponOperationQueryResponseOperationType,
    alipay_apis::fund::AuthOrderVoucherCreateResponseCodeType,
    String,
);

// ---------------------------------------------------------------------------------------------
// Typed business errors.
// ---------------------------------------------------------------------------------------------

/// The generated `<Name>ErrorCode` enums, behind one interface.
trait Code: PartialEq + Debug + Sized {
    fn of(e: &Error) -> Option<Self>;
    fn wire(&self) -> &str;
    fn meaning(&self) -> Option<&'static str>;
    fn handling(&self) -> Option<Handling>;
}

macro_rules! code {
    ($($t:ty),* $(,)?) => {$(
        impl Code for $t {
            fn of(e: &Error) -> Option<Self> { <$t>::of(e) }
            fn wire(&self) -> &str { self.as_str() }
            fn meaning(&self) -> Option<&'static str> { <$t>::meaning(self) }
            fn handling(&self) -> Option<Handling> { <$t>::handling(self) }
        }
    )*};
}

code!(
    CouponOrderAgreementPayErrorCode,
    CouponOrderDisburseErrorCode,
    CouponOrderRefundErrorCode,
    CouponOperationQueryErrorCode,
    AuthOrderVoucherCreateErrorCode,
    VoucherSendErrorCode,
);

/// `e` is a verified `40004 Business Failed` whose `sub_code` is `expected`, which the API's
/// `ErrorCode::of` reads back as `expected` with `handling`; a documented code answers with
/// its documented meaning as `sub_msg`. Returns the gateway's verdict.
#[track_caller]
fn refused<C: Code>(e: &Error, expected: C, handling: Option<Handling>) -> ApiError {
    let Error::Business(a) = e else {
        panic!("expected 40004 {}, got {e}", expected.wire())
    };
    assert_eq!(a.code, "40004", "{e}");
    assert_eq!(a.msg, "Business Failed", "{e}");
    assert_eq!(a.sub_code.as_deref(), Some(expected.wire()), "{e}");
    assert!(a.verified, "the refusal must be signed: {e}");
    assert_eq!(e.outcome(), Outcome::Rejected);
    assert_eq!(e.api_error(), Some(&**a));
    assert_eq!(C::of(e).as_ref(), Some(&expected));
    assert_eq!(expected.handling(), handling, "{}", expected.wire());
    let sub_msg = a.sub_msg.as_deref().unwrap_or_default();
    match expected.meaning() {
        Some(meaning) => assert_eq!(sub_msg, meaning),
        None => assert!(!sub_msg.is_empty(), "{e}"),
    }
    (**a).clone()
}

/// `e` is a verified gateway refusal (`Error::Gateway`) with `code` and `sub_code`.
#[track_caller]
fn gateway_refused(e: &Error, code: &str, sub_code: &str) -> ApiError {
    let Error::Gateway(a) = e else {
        panic!("expected {code} {sub_code}, got {e}")
    };
    assert_eq!(a.code, code, "{e}");
    assert_eq!(a.sub_code.as_deref(), Some(sub_code), "{e}");
    assert!(a.verified, "{e}");
    assert_eq!(e.outcome(), Outcome::Rejected);
    (**a).clone()
}

// =============================================================================================
// alipay.fund.coupon.order.agreement.pay
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn agreement_pay_debits_the_merchant_and_opens_a_red_packet() {
    let env = Env::new().await;
    let merchant = env.balance(DEMO_MERCHANT);
    let paid = env
        .c
        .execute(&agreement("P1", amount!("10.00")))
        .await
        .unwrap();
    assert_eq!(paid.code.as_deref(), Some("10000"));
    assert_eq!(paid.msg.as_deref(), Some("Success"));
    assert_eq!(paid.out_order_no.as_deref(), Some("P1"));
    assert_eq!(paid.out_request_no.as_deref(), Some("P1-1"));
    assert_eq!(paid.amount, Some(amount!("10.00")));
    assert_eq!(status(&paid.status), Some("SUCCESS"));
    assert!(paid.gmt_trans.is_some());
    let auth_no = paid.auth_no.unwrap();
    assert_eq!(auth_no.len(), 28);
    assert_eq!(paid.operation_id.as_deref().map(str::len), Some(19));

    assert_eq!(env.balance(DEMO_MERCHANT), merchant - 1000);
    let packet = env.packet(&auth_no);
    assert_eq!(packet.out_order_no, "P1");
    assert_eq!(packet.app_id, APP_ID);
    assert_eq!(packet.payer_user_id.as_deref(), Some(DEMO_MERCHANT));
    assert_eq!(
        (packet.total, packet.remaining, packet.refunded),
        (1000, 1000, 0)
    );
    assert_eq!(packet.status, Status::Success);
    let ops = env.operations();
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].operation_type, OperationType::Freeze);
    assert_eq!(Some(&ops[0].operation_id), paid.operation_id.as_ref());
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn agreement_pay_debits_the_named_payer() {
    let env = Env::new().await;
    let (merchant, alice) = (env.balance(DEMO_MERCHANT), env.balance(ALICE));
    let paid = env
        .c
        .execute(&agreement_from("P1", amount!("12.34"), ALICE))
        .await
        .unwrap();
    let auth_no = paid.auth_no.unwrap();
    assert_eq!(env.balance(ALICE), alice - 1234);
    assert_eq!(env.balance(DEMO_MERCHANT), merchant);
    assert_eq!(env.packet(&auth_no).payer_user_id.as_deref(), Some(ALICE));
    assert_eq!(env.packet(&auth_no).remaining, 1234);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn agreement_pay_from_an_unknown_payer_is_payer_not_exist() {
    let env = Env::new().await;
    let before = env.books();
    let e = env
        .c
        .execute(&agreement_from("P1", amount!("1.00"), NOBODY))
        .await
        .unwrap_err();
    // agreement.pay has no documented error table: the code is kept as sent.
    let a = refused(
        &e,
        CouponOrderAgreementPayErrorCode::Other("PAYER_NOT_EXIST".into()),
        None,
    );
    assert_eq!(a.sub_msg.as_deref(), Some("付款方支付宝账户不存在"));
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn agreement_pay_over_the_payers_balance_is_money_not_enough() {
    let env = Env::new().await;
    assert_eq!(env.balance(CAROL), 1000);
    let before = env.books();
    let e = env
        .c
        .execute(&agreement_from("P1", amount!("10.01"), CAROL))
        .await
        .unwrap_err();
    let a = refused(
        &e,
        CouponOrderAgreementPayErrorCode::Other("MONEY_NOT_ENOUGH".into()),
        None,
    );
    assert_eq!(a.sub_msg.as_deref(), Some("付款方余额不足"));
    assert_eq!(env.books(), before);

    // A refusal is not remembered: the same out_order_no, fixed, goes through; the whole
    // balance can be paid.
    let paid = env
        .c
        .execute(&agreement_from("P1", amount!("10.00"), CAROL))
        .await
        .unwrap();
    assert_eq!(paid.amount, Some(amount!("10.00")));
    assert_eq!(env.balance(CAROL), 0);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn agreement_pay_replays_the_same_order_and_refuses_a_different_one() {
    let env = Env::new().await;
    let merchant = env.balance(DEMO_MERCHANT);
    let request = agreement("P1", amount!("10.00"));
    let first = env.c.execute(&request).await.unwrap();
    let second = env.c.execute(&request).await.unwrap();
    assert_eq!(first.auth_no, second.auth_no);
    assert_eq!(first.operation_id, second.operation_id);
    assert_eq!(second.amount, Some(amount!("10.00")));

    // The same content written differently ("10" is 10.00) is the same request.
    let call = Call::new(AGREEMENT_PAY).biz_content(
        r#"{"out_order_no":"P1","out_request_no":"P1-1","order_title":"红包","amount":"10"}"#,
    );
    let third: Value =
        serde_json::from_str(&env.c.execute_call(&call).await.unwrap().node).unwrap();
    assert_eq!(third["auth_no"].as_str(), first.auth_no.as_deref());
    assert_eq!(
        third["operation_id"].as_str(),
        first.operation_id.as_deref()
    );
    assert_eq!(env.balance(DEMO_MERCHANT), merchant - 1000);
    assert_eq!(env.sb.with_ledger(|l| l.red_packets().count()), 1);

    let before = env.books();
    let e = env
        .c
        .execute(&agreement("P1", amount!("10.01")))
        .await
        .unwrap_err();
    let a = refused(
        &e,
        CouponOrderAgreementPayErrorCode::Other("UNIQUE_VIOLATION".into()),
        None,
    );
    assert_eq!(a.sub_msg.as_deref(), Some("下单失败,商户订单号重复"));
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn agreement_pay_from_a_restricted_payer_is_refused() {
    let env = Env::with(|l| l.restrict(ALICE, true).unwrap()).await;
    let before = env.books();
    let e = env
        .c
        .execute(&agreement_from("P1", amount!("1.00"), ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderAgreementPayErrorCode::Other("PAYER_USER_STATUS_LIMIT".into()),
        None,
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

// =============================================================================================
// alipay.fund.coupon.order.disburse
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn disburse_by_auth_no_pays_the_payee_from_the_red_packet() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let (merchant, alice) = (env.balance(DEMO_MERCHANT), env.balance(ALICE));
    let d = env
        .disburse(&disburse(&auth_no, "D1", amount!("3.50"), ALICE))
        .await;
    assert_eq!(d.code.as_deref(), Some("10000"));
    assert_eq!(d.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(d.out_order_no.as_deref(), Some("D1"));
    assert_eq!(d.out_request_no.as_deref(), Some("D1-1"));
    assert_eq!(d.amount, Some(amount!("3.50")));
    assert_eq!(status(&d.status), Some("SUCCESS"));
    assert!(d.gmt_trans.is_some());
    assert_eq!(d.operation_id.as_deref().map(str::len), Some(19));

    assert_eq!(env.balance(ALICE), alice + 350);
    assert_eq!(env.balance(DEMO_MERCHANT), merchant);
    assert_eq!(env.packet(&auth_no).remaining, 650);
    let op = env.operations().pop().unwrap();
    assert_eq!(op.operation_type, OperationType::Pay);
    assert_eq!(op.out_order_no, "D1");
    assert_eq!(op.payee_user_id.as_deref(), Some(ALICE));
    assert_eq!(op.payer_user_id.as_deref(), Some(DEMO_MERCHANT));
    assert_eq!(op.amount, 350);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_by_out_order_no_to_a_logon_id() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let bob = env.balance(BOB);
    let request = CouponOrderDisburseRequest::builder()
        .out_order_no("D1")
        .out_request_no("D1-1")
        .order_title("红包打款")
        .amount(amount!("0.01"))
        .deduct_out_order_no("P1")
        .payee_logon_id(BOB_LOGON)
        .build();
    let d = env.disburse(&request).await;
    assert_eq!(d.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(env.balance(BOB), bob + 1);
    assert_eq!(env.packet(&auth_no).remaining, 999);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_deduct_auth_no_wins_over_deduct_out_order_no() {
    let env = Env::new().await;
    let first = env.pay("P1", amount!("10.00")).await;
    let second = env.pay("P2", amount!("10.00")).await;
    let request = CouponOrderDisburseRequest::builder()
        .out_order_no("D1")
        .out_request_no("D1-1")
        .order_title("红包打款")
        .amount(amount!("4.00"))
        .deduct_auth_no(first.as_str())
        .deduct_out_order_no("P2")
        .payee_user_id(uid(ALICE))
        .build();
    let d = env.disburse(&request).await;
    assert_eq!(d.auth_no.as_deref(), Some(first.as_str()));
    assert_eq!(env.packet(&first).remaining, 600);
    assert_eq!(env.packet(&second).remaining, 1000);

    // An unknown deduct_auth_no does not fall back to a valid deduct_out_order_no.
    let before = env.books();
    let request = CouponOrderDisburseRequest::builder()
        .out_order_no("D2")
        .out_request_no("D2-1")
        .order_title("红包打款")
        .amount(amount!("1.00"))
        .deduct_auth_no("20990101000020000000000000099")
        .deduct_out_order_no("P2")
        .payee_user_id(uid(ALICE))
        .build();
    let e = env.c.execute(&request).await.unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::AuthOrderNotExist,
        Some(Handling::FixRequest),
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_from_an_unknown_red_packet_is_auth_order_not_exist() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    env.disburse(&disburse(&auth_no, "D1", amount!("1.00"), ALICE))
        .await;
    let before = env.books();

    // By deduct_auth_no.
    let e = env
        .c
        .execute(&disburse(
            "2099010100002000000000000009",
            "D2",
            amount!("1.00"),
            ALICE,
        ))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::AuthOrderNotExist,
        Some(Handling::FixRequest),
    );

    // By deduct_out_order_no: unknown, and a disbursement's own order number (not a packet).
    for deduct in ["NO-SUCH-ORDER", "D1"] {
        let request = CouponOrderDisburseRequest::builder()
            .out_order_no("D3")
            .out_request_no("D3-1")
            .order_title("红包打款")
            .amount(amount!("1.00"))
            .deduct_out_order_no(deduct)
            .payee_user_id(uid(ALICE))
            .build();
        let e = env.c.execute(&request).await.unwrap_err();
        refused(
            &e,
            CouponOrderDisburseErrorCode::AuthOrderNotExist,
            Some(Handling::FixRequest),
        );
    }
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_to_an_unknown_payee_is_payee_not_exist() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let before = env.books();

    let e = env
        .c
        .execute(&disburse(&auth_no, "D1", amount!("1.00"), NOBODY))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::PayeeNotExist,
        Some(Handling::FixRequest),
    );

    let by_logon = CouponOrderDisburseRequest::builder()
        .out_order_no("D2")
        .out_request_no("D2-1")
        .order_title("红包打款")
        .amount(amount!("1.00"))
        .deduct_auth_no(auth_no.as_str())
        .payee_logon_id("nobody@sandbox.test")
        .build();
    let e = env.c.execute(&by_logon).await.unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::PayeeNotExist,
        Some(Handling::FixRequest),
    );

    // payee_user_id wins: an unknown one does not fall back to a valid logon id.
    let both = CouponOrderDisburseRequest::builder()
        .out_order_no("D3")
        .out_request_no("D3-1")
        .order_title("红包打款")
        .amount(amount!("1.00"))
        .deduct_auth_no(auth_no.as_str())
        .payee_user_id(uid(NOBODY))
        .payee_logon_id(BOB_LOGON)
        .build();
    let e = env.c.execute(&both).await.unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::PayeeNotExist,
        Some(Handling::FixRequest),
    );
    assert_eq!(env.books(), before);

    // ... and a known one is paid even when the logon id names someone else.
    let (alice, bob) = (env.balance(ALICE), env.balance(BOB));
    let both = CouponOrderDisburseRequest::builder()
        .out_order_no("D4")
        .out_request_no("D4-1")
        .order_title("红包打款")
        .amount(amount!("1.00"))
        .deduct_auth_no(auth_no.as_str())
        .payee_user_id(uid(ALICE))
        .payee_logon_id(BOB_LOGON)
        .build();
    env.disburse(&both).await;
    assert_eq!((env.balance(ALICE), env.balance(BOB)), (alice + 100, bob));
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_to_a_restricted_payee_is_payee_user_status_limit() {
    let env = Env::with(|l| l.restrict(BOB, true).unwrap()).await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let before = env.books();
    let request = disburse(&auth_no, "D1", amount!("2.00"), BOB);
    let e = env.c.execute(&request).await.unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::PayeeUserStatusLimit,
        Some(Handling::UserAction),
    );
    assert_eq!(env.books(), before);

    // Once the user has acted (restriction lifted), the very same request goes through.
    let bob = env.balance(BOB);
    env.sb.with_books(|b| b.restrict(BOB, false)).unwrap();
    env.disburse(&request).await;
    assert_eq!(env.balance(BOB), bob + 200);
    assert_eq!(env.packet(&auth_no).remaining, 800);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_from_an_unpaid_order_is_illegal_status() {
    let env = Env::new().await;
    let auth_no = env.pending_app_order("A1", amount!("8.00"));
    let before = env.books();
    let request = disburse(&auth_no, "D1", amount!("1.00"), ALICE);
    let e = env.c.execute(&request).await.unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::IllegalStatus,
        Some(Handling::QueryThenDecide),
    );
    assert_eq!(env.books(), before);

    // Paid by bob at the cashier, the same disbursement goes through.
    let (alice, bob) = (env.balance(ALICE), env.balance(BOB));
    env.sb
        .with_books(|b| b.pay_order("A1", BOB, &now()))
        .unwrap();
    env.disburse(&request).await;
    assert_eq!(env.balance(BOB), bob - 800);
    assert_eq!(env.balance(ALICE), alice + 100);
    assert_eq!(env.packet(&auth_no).remaining, 700);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_after_a_refund_is_order_already_closed() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    env.disburse(&disburse(&auth_no, "D1", amount!("3.00"), ALICE))
        .await;
    env.refund(&refund(&auth_no, "R1", amount!("2.00"))).await;
    assert_eq!(env.packet(&auth_no).status, Status::Closed);
    assert_eq!(env.packet(&auth_no).remaining, 500);

    let before = env.books();
    let e = env
        .c
        .execute(&disburse(&auth_no, "D2", amount!("1.00"), ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::OrderAlreadyClosed,
        Some(Handling::NewOutOrderNo),
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_over_the_remainder_is_money_not_enough() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let before = env.books();
    let e = env
        .c
        .execute(&disburse(&auth_no, "D1", amount!("10.01"), ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::MoneyNotEnough,
        Some(Handling::FixRequest),
    );
    assert_eq!(env.books(), before);

    // The whole remainder can go, fixed under the same order number; then not one fen more.
    let alice = env.balance(ALICE);
    env.disburse(&disburse(&auth_no, "D1", amount!("10.00"), ALICE))
        .await;
    assert_eq!(env.balance(ALICE), alice + 1000);
    assert_eq!(env.packet(&auth_no).remaining, 0);
    let before = env.books();
    let e = env
        .c
        .execute(&disburse(&auth_no, "D2", amount!("0.01"), ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::MoneyNotEnough,
        Some(Handling::FixRequest),
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_replayed_moves_money_once() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let alice = env.balance(ALICE);
    let request = disburse(&auth_no, "D1", amount!("2.50"), ALICE);
    let first = env.disburse(&request).await;
    let ops = env.operations().len();
    let second = env.disburse(&request).await;
    let third = env.disburse(&request).await;
    assert_eq!(first.operation_id, second.operation_id);
    assert_eq!(first.operation_id, third.operation_id);
    assert_eq!(first.gmt_trans, third.gmt_trans);
    assert_eq!(third.amount, Some(amount!("2.50")));
    assert_eq!(env.balance(ALICE), alice + 250);
    assert_eq!(env.packet(&auth_no).remaining, 750);
    assert_eq!(env.operations().len(), ops);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_reusing_a_key_with_other_content_is_unique_violation() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    env.disburse(&disburse(&auth_no, "D1", amount!("2.00"), ALICE))
        .await;
    let before = env.books();

    // Same out_order_no, other amount.
    let e = env
        .c
        .execute(&disburse(&auth_no, "D1", amount!("2.01"), ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::UniqueViolation,
        Some(Handling::NewOutOrderNo),
    );

    // Same out_request_no on the same red packet under a new out_order_no.
    let same_request_no = CouponOrderDisburseRequest::builder()
        .out_order_no("D2")
        .out_request_no("D1-1")
        .order_title("红包打款")
        .amount(amount!("2.00"))
        .deduct_auth_no(auth_no.as_str())
        .payee_user_id(uid(ALICE))
        .build();
    let e = env.c.execute(&same_request_no).await.unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::UniqueViolation,
        Some(Handling::NewOutOrderNo),
    );

    // The red packet's own order number (one namespace, ALY-711128).
    let e = env
        .c
        .execute(&disburse(&auth_no, "P1", amount!("1.00"), ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::UniqueViolation,
        Some(Handling::NewOutOrderNo),
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

// =============================================================================================
// alipay.fund.coupon.order.refund
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn refund_returns_the_remainder_to_the_payer_and_closes_the_packet() {
    let env = Env::new().await;
    let paid = env
        .c
        .execute(&agreement_from("P1", amount!("10.00"), ALICE))
        .await
        .unwrap();
    let auth_no = paid.auth_no.unwrap();
    env.disburse(&disburse(&auth_no, "D1", amount!("3.00"), BOB))
        .await;
    let (merchant, alice) = (env.balance(DEMO_MERCHANT), env.balance(ALICE));

    let r = env.refund(&refund(&auth_no, "R1", amount!("2.00"))).await;
    assert_eq!(r.code.as_deref(), Some("10000"));
    assert_eq!(r.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(r.out_order_no.as_deref(), Some("P1"));
    assert_eq!(r.out_request_no.as_deref(), Some("R1"));
    assert_eq!(r.amount, Some(amount!("2.00")));
    assert_eq!(status(&r.status), Some("SUCCESS"));
    assert!(r.operation_id.is_some() && r.gmt_trans.is_some());
    assert_eq!(env.balance(ALICE), alice + 200);
    let packet = env.packet(&auth_no);
    assert_eq!(packet.status, Status::Closed);
    assert_eq!((packet.remaining, packet.refunded), (500, 200));

    // Further refunds of the rest are allowed; the payer gets every fen back, the merchant none.
    let r = env.refund(&refund(&auth_no, "R2", amount!("5.00"))).await;
    assert_eq!(r.amount, Some(amount!("5.00")));
    assert_eq!(env.balance(ALICE), alice + 700);
    assert_eq!(env.balance(DEMO_MERCHANT), merchant);
    let packet = env.packet(&auth_no);
    assert_eq!((packet.remaining, packet.refunded), (0, 700));
    let refunds: Vec<_> = env
        .operations()
        .into_iter()
        .filter(|op| op.operation_type == OperationType::Refund)
        .map(|op| (op.out_request_no, op.amount, op.payer_user_id))
        .collect();
    assert_eq!(
        refunds,
        [
            ("R1".to_owned(), 200, Some(ALICE.to_owned())),
            ("R2".to_owned(), 500, Some(ALICE.to_owned()))
        ]
    );
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn refund_over_the_remainder_is_money_not_enough() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    env.disburse(&disburse(&auth_no, "D1", amount!("3.00"), ALICE))
        .await;
    let before = env.books();
    let e = env
        .c
        .execute(&refund(&auth_no, "R1", amount!("7.01")))
        .await
        .unwrap_err();
    // Not in refund's error table (chosen to match disburse): kept as sent, no handling.
    let a = refused(
        &e,
        CouponOrderRefundErrorCode::Other("MONEY_NOT_ENOUGH".into()),
        None,
    );
    assert_eq!(a.sub_msg.as_deref(), Some("退款金额超过红包剩余金额"));
    assert_eq!(env.books(), before);

    let merchant = env.balance(DEMO_MERCHANT);
    env.refund(&refund(&auth_no, "R1", amount!("7.00"))).await;
    assert_eq!(env.balance(DEMO_MERCHANT), merchant + 700);
    assert_eq!(env.packet(&auth_no).remaining, 0);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn refund_of_an_unknown_red_packet_is_auth_order_not_exist() {
    let env = Env::new().await;
    env.pay("P1", amount!("10.00")).await;
    let before = env.books();
    let e = env
        .c
        .execute(&refund(
            "2099010100002000000000000009",
            "R1",
            amount!("1.00"),
        ))
        .await
        .unwrap_err();
    let a = refused(
        &e,
        CouponOrderRefundErrorCode::Other("AUTH_ORDER_NOT_EXIST".into()),
        None,
    );
    assert_eq!(
        a.sub_msg.as_deref(),
        Some("入参有误,导致红包对应的订单不存在")
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn refund_of_an_unpaid_order_is_illegal_status() {
    let env = Env::new().await;
    let auth_no = env.pending_app_order("A1", amount!("5.00"));
    let before = env.books();
    let e = env
        .c
        .execute(&refund(&auth_no, "R1", amount!("1.00")))
        .await
        .unwrap_err();
    let a = refused(
        &e,
        CouponOrderRefundErrorCode::Other("ILLEGAL_STATUS".into()),
        None,
    );
    assert_eq!(a.sub_msg.as_deref(), Some("订单状态非法"));
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn refund_replayed_moves_money_once_and_a_reused_request_no_is_unique_violation() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    env.disburse(&disburse(&auth_no, "D1", amount!("1.00"), ALICE))
        .await;
    let merchant = env.balance(DEMO_MERCHANT);
    let request = refund(&auth_no, "R1", amount!("4.00"));
    let first = env.refund(&request).await;
    let second = env.refund(&request).await;
    assert_eq!(first.operation_id, second.operation_id);
    assert_eq!(second.amount, Some(amount!("4.00")));
    assert_eq!(env.balance(DEMO_MERCHANT), merchant + 400);
    assert_eq!(env.packet(&auth_no).remaining, 500);

    let before = env.books();
    // Same out_request_no, other amount.
    let e = env
        .c
        .execute(&refund(&auth_no, "R1", amount!("4.01")))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderRefundErrorCode::UniqueViolation,
        Some(Handling::NewOutRequestNo),
    );
    // A disbursement's out_request_no on the same red packet.
    let e = env
        .c
        .execute(&refund(&auth_no, "D1-1", amount!("1.00")))
        .await
        .unwrap_err();
    refused(
        &e,
        CouponOrderRefundErrorCode::UniqueViolation,
        Some(Handling::NewOutRequestNo),
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

// =============================================================================================
// alipay.fund.coupon.operation.query
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn query_finds_each_operation_by_either_pair_of_keys() {
    let env = Env::new().await;
    let paid = env
        .c
        .execute(&agreement("P1", amount!("10.00")))
        .await
        .unwrap();
    let auth_no = paid.auth_no.unwrap();
    let pay_op = paid.operation_id.unwrap();
    let d = env
        .disburse(&disburse(&auth_no, "D1", amount!("3.00"), ALICE))
        .await;
    let d_op = d.operation_id.unwrap();
    let r = env.refund(&refund(&auth_no, "R1", amount!("2.00"))).await;
    let r_op = r.operation_id.unwrap();

    // The funding, by auth_no + operation_id.
    let q = env
        .query(
            &CouponOperationQueryRequest::builder()
                .auth_no(auth_no.as_str())
                .operation_id(pay_op.as_str())
                .build(),
        )
        .await;
    assert_eq!(q.code.as_deref(), Some("10000"));
    assert_eq!(q.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(q.out_order_no.as_deref(), Some("P1"));
    assert_eq!(q.operation_id.as_deref(), Some(pay_op.as_str()));
    assert_eq!(q.out_request_no.as_deref(), Some("P1-1"));
    assert_eq!(status(&q.operation_type), Some("FREEZE"));
    assert_eq!(q.amount, Some(amount!("10.00")));
    assert_eq!(status(&q.status), Some("SUCCESS"));
    assert_eq!(q.order_title.as_deref(), Some("红包"));
    assert_eq!(status(&q.payer_user_id), Some(DEMO_MERCHANT));
    assert_eq!(q.payer_logon_id.as_deref(), Some("mer***@sandbox.test"));
    assert_eq!(q.payee_user_id, None);
    assert_eq!(q.total_pay_refund_amount, Some(amount!("2.00")));

    // The disbursement, by its own out_order_no + out_request_no.
    let q = env
        .query(
            &CouponOperationQueryRequest::builder()
                .out_order_no("D1")
                .out_request_no("D1-1")
                .build(),
        )
        .await;
    assert_eq!(q.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(q.out_order_no.as_deref(), Some("D1"));
    assert_eq!(q.operation_id.as_deref(), Some(d_op.as_str()));
    assert_eq!(status(&q.operation_type), Some("PAY"));
    assert_eq!(q.amount, Some(amount!("3.00")));
    assert_eq!(q.order_title.as_deref(), Some("红包打款"));
    assert_eq!(status(&q.payee_user_id), Some(ALICE));
    assert_eq!(q.payee_logon_id.as_deref(), Some("ali***@sandbox.test"));
    assert_ne!(ALICE_LOGON, "ali***@sandbox.test");

    // The refund, by the packet's out_order_no + out_request_no.
    let q = env
        .query(
            &CouponOperationQueryRequest::builder()
                .out_order_no("P1")
                .out_request_no("R1")
                .build(),
        )
        .await;
    assert_eq!(q.operation_id.as_deref(), Some(r_op.as_str()));
    assert_eq!(status(&q.operation_type), Some("REFUND"));
    assert_eq!(q.amount, Some(amount!("2.00")));
    assert_eq!(q.remark.as_deref(), Some("红包退回"));
    assert_eq!(status(&q.payer_user_id), Some(DEMO_MERCHANT));
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn query_auth_no_and_operation_id_win() {
    let env = Env::new().await;
    let first = env.pay("P1", amount!("10.00")).await;
    env.pay("P2", amount!("20.00")).await;
    let d = env
        .disburse(&disburse(&first, "D1", amount!("1.00"), ALICE))
        .await;
    let d_op = d.operation_id.unwrap();
    let q = env
        .query(
            &CouponOperationQueryRequest::builder()
                .auth_no(first.as_str())
                .out_order_no("P2")
                .operation_id(d_op.as_str())
                .out_request_no("P1-1")
                .build(),
        )
        .await;
    assert_eq!(q.auth_no.as_deref(), Some(first.as_str()));
    assert_eq!(q.operation_id.as_deref(), Some(d_op.as_str()));
    assert_eq!(status(&q.operation_type), Some("PAY"));
    assert_eq!(q.amount, Some(amount!("1.00")));
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn query_of_an_unknown_order_is_auth_order_not_exist() {
    let env = Env::new().await;
    env.pay("P1", amount!("10.00")).await;
    let by_auth_no = CouponOperationQueryRequest::builder()
        .auth_no("2099010100002000000000000009")
        .out_request_no("P1-1")
        .build();
    let by_out_order_no = CouponOperationQueryRequest::builder()
        .out_order_no("NO-SUCH-ORDER")
        .out_request_no("P1-1")
        .build();
    for request in [by_auth_no, by_out_order_no] {
        let e = env.c.execute(&request).await.unwrap_err();
        let a = refused(
            &e,
            CouponOperationQueryErrorCode::Other("AUTH_ORDER_NOT_EXIST".into()),
            None,
        );
        assert_eq!(a.sub_msg.as_deref(), Some("红包对应的订单不存在"));
    }
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn query_of_an_unknown_operation_is_auth_operation_not_exist() {
    let env = Env::new().await;
    let first = env.pay("P1", amount!("10.00")).await;
    let second = env.pay("P2", amount!("10.00")).await;
    let other = env
        .disburse(&disburse(&second, "D2", amount!("1.00"), ALICE))
        .await
        .operation_id
        .unwrap();
    let requests = [
        CouponOperationQueryRequest::builder()
            .auth_no(first.as_str())
            .operation_id("20990101000000000099")
            .build(),
        CouponOperationQueryRequest::builder()
            .out_order_no("P1")
            .out_request_no("NO-SUCH-REQUEST")
            .build(),
        // An operation of another red packet.
        CouponOperationQueryRequest::builder()
            .auth_no(first.as_str())
            .operation_id(other.as_str())
            .build(),
    ];
    for request in requests {
        let e = env.c.execute(&request).await.unwrap_err();
        let a = refused(
            &e,
            CouponOperationQueryErrorCode::Other("AUTH_OPERATION_NOT_EXIST".into()),
            None,
        );
        assert_eq!(a.sub_msg.as_deref(), Some("红包资金操作流水不存在"));
    }
    env.conserved();
}

// =============================================================================================
// alipay.fund.auth.order.voucher.create (+ the scan)
// =============================================================================================

fn voucher_create(order: &str, amount: Amount, payee: &str) -> AuthOrderVoucherCreateRequest {
    AuthOrderVoucherCreateRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("预授权发码")
        .amount(amount)
        .payee_user_id(uid(payee))
        .build()
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_then_a_scan_freezes_the_scanners_money() {
    let env = Env::new().await;
    let before = env.books();
    let v = env
        .c
        .execute(&voucher_create("F1", amount!("20.00"), BOB))
        .await
        .unwrap();
    assert_eq!(v.code.as_deref(), Some("10000"));
    assert_eq!(v.out_order_no.as_deref(), Some("F1"));
    assert_eq!(v.out_request_no.as_deref(), Some("F1-1"));
    assert_eq!(status(&v.code_type), Some("qrCode"));
    let freeze = env.sb.with_ledger(|l| l.freeze("F1").cloned()).unwrap();
    assert_eq!(
        v.code_value.as_deref(),
        Some(format!("https://qr.sandbox.alipay-rs.test/fz{}", freeze.auth_no).as_str())
    );
    assert!(v.code_url.as_deref().unwrap().contains(&freeze.auth_no));
    assert_eq!(freeze.status, Status::Init);
    assert_eq!(freeze.amount, 2000);
    assert_eq!(freeze.payee_user_id.as_deref(), Some(BOB));
    assert_eq!(freeze.app_id, APP_ID);
    // Creating the code moves no money.
    assert_eq!(env.books().accounts, before.accounts);

    let alice = env.balance(ALICE);
    let event = env
        .sb
        .with_books(|b| b.scan_voucher("F1", ALICE, &now()))
        .unwrap();
    assert_eq!(event.notify_type, "fund_auth_freeze");
    assert_eq!(event.app_id, APP_ID);
    assert_eq!(event.get("auth_no"), Some(freeze.auth_no.as_str()));
    assert_eq!(event.get("out_order_no"), Some("F1"));
    assert_eq!(event.get("operation_type"), Some("FREEZE"));
    assert_eq!(event.get("amount"), Some("20.00"));
    assert_eq!(event.get("status"), Some("SUCCESS"));
    assert_eq!(event.get("payer_user_id"), Some(ALICE));
    assert_eq!(event.get("payer_logon_id"), Some("ali***@sandbox.test"));
    assert_eq!(event.get("payee_user_id"), Some(BOB));
    assert_eq!(event.get("rest_amount"), Some("20.00"));
    assert_eq!(env.balance(ALICE), alice - 2000);
    let freeze = env.sb.with_ledger(|l| l.freeze("F1").cloned()).unwrap();
    assert_eq!(freeze.status, Status::Success);
    assert_eq!(freeze.payer_user_id.as_deref(), Some(ALICE));
    // The frozen 20.00 is still in the books.
    env.conserved();

    // Scanned once only.
    assert_eq!(
        env.sb.with_books(|b| b.scan_voucher("F1", CAROL, &now())),
        Err(LedgerError::AlreadyPaid("F1".into()))
    );
    assert_eq!(env.balance(ALICE), alice - 2000);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_without_payee_and_scans_that_are_refused() {
    let env = Env::with(|l| l.restrict(CAROL, true).unwrap()).await;
    let request = AuthOrderVoucherCreateRequest::builder()
        .out_order_no("F1")
        .out_request_no("F1-1")
        .order_title("预授权发码")
        .amount(amount!("600.00"))
        .build();
    env.c.execute(&request).await.unwrap();
    env.c
        .execute(&voucher_create("F2", amount!("1.00"), BOB))
        .await
        .unwrap();
    assert_eq!(
        env.sb
            .with_ledger(|l| l.freeze("F1").map(|f| f.payee_user_id.clone())),
        Some(None)
    );
    let before = env.books();
    let scan = |order: &str, who: &str| env.sb.with_books(|b| b.scan_voucher(order, who, &now()));
    // Bob has 500.00.
    assert_eq!(
        scan("F1", BOB),
        Err(LedgerError::MoneyNotEnough {
            user_id: BOB.into(),
            needed: 60_000,
            balance: 50_000
        })
    );
    assert_eq!(
        scan("F1", CAROL),
        Err(LedgerError::PayerRestricted(CAROL.into()))
    );
    assert_eq!(
        scan("F2", BOB),
        Err(LedgerError::PayerPayeeEqual(BOB.into()))
    );
    assert_eq!(
        scan("NO-SUCH", ALICE),
        Err(LedgerError::UnknownOrder("NO-SUCH".into()))
    );
    assert_eq!(env.books(), before);
    assert_eq!(
        env.sb.with_ledger(|l| l.freeze("F1").map(|f| f.status)),
        Some(Status::Init)
    );
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_for_an_unknown_payee_is_payee_not_exist() {
    let env = Env::new().await;
    let by_logon = AuthOrderVoucherCreateRequest::builder()
        .out_order_no("F2")
        .out_request_no("F2-1")
        .order_title("预授权发码")
        .amount(amount!("1.00"))
        .payee_logon_id("nobody@sandbox.test")
        .build();
    // payee_user_id wins: an unknown one does not fall back to a valid logon id.
    let both = AuthOrderVoucherCreateRequest::builder()
        .out_order_no("F3")
        .out_request_no("F3-1")
        .order_title("预授权发码")
        .amount(amount!("1.00"))
        .payee_user_id(uid(NOBODY))
        .payee_logon_id(BOB_LOGON)
        .build();
    for request in [
        voucher_create("F1", amount!("1.00"), NOBODY),
        by_logon,
        both,
    ] {
        let e = env.c.execute(&request).await.unwrap_err();
        refused(
            &e,
            AuthOrderVoucherCreateErrorCode::PayeeNotExist,
            Some(Handling::FixRequest),
        );
    }
    for order in ["F1", "F2", "F3"] {
        assert!(env.sb.with_ledger(|l| l.freeze(order).is_none()));
    }
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_for_a_restricted_payee_is_payee_user_status_limit() {
    let env = Env::with(|l| l.restrict(BOB, true).unwrap()).await;
    let by_logon = AuthOrderVoucherCreateRequest::builder()
        .out_order_no("F2")
        .out_request_no("F2-1")
        .order_title("预授权发码")
        .amount(amount!("1.00"))
        .payee_logon_id(BOB_LOGON)
        .build();
    for request in [voucher_create("F1", amount!("1.00"), BOB), by_logon] {
        let e = env.c.execute(&request).await.unwrap_err();
        refused(
            &e,
            AuthOrderVoucherCreateErrorCode::PayeeUserStatusLimit,
            Some(Handling::UserAction),
        );
    }
    assert!(env.sb.with_ledger(|l| l.freeze("F1").is_none()));
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_replays_and_refuses_a_reused_order_number() {
    let env = Env::new().await;
    env.pay("P1", amount!("10.00")).await;
    let request = voucher_create("F1", amount!("20.00"), BOB);
    let first = env.c.execute(&request).await.unwrap();
    let second = env.c.execute(&request).await.unwrap();
    assert_eq!(first.code_value, second.code_value);
    assert_eq!(first.code_url, second.code_url);

    let e = env
        .c
        .execute(&voucher_create("F1", amount!("20.01"), BOB))
        .await
        .unwrap_err();
    refused(
        &e,
        AuthOrderVoucherCreateErrorCode::UniqueViolation,
        Some(Handling::NewOutOrderNo),
    );
    // The red packet's order number: one namespace.
    let e = env
        .c
        .execute(&voucher_create("P1", amount!("20.00"), BOB))
        .await
        .unwrap_err();
    refused(
        &e,
        AuthOrderVoucherCreateErrorCode::UniqueViolation,
        Some(Handling::NewOutOrderNo),
    );
    assert_eq!(
        env.sb.with_ledger(|l| l.freeze("F1").map(|f| f.amount)),
        Some(2000)
    );
    assert!(env.sb.with_ledger(|l| l.freeze("P1").is_none()));
    env.conserved();
}

// =============================================================================================
// alipay.marketing.voucher.send
// =============================================================================================

const PLAIN_TEMPLATE: &str = "20260101000730010040000000PL";
const EXPIRED_TEMPLATE: &str = "20260101000730010040000000EX";
const NO_DEFAULT_TEMPLATE: &str = "20260101000730010040000000ND";
const SMALL_TEMPLATE: &str = "20260101000730010040000000SM";

fn templates(l: &mut Ledger) {
    let template = |id: &str, budget, default_amount, expired| Template {
        template_id: id.to_owned(),
        name: id.to_owned(),
        budget,
        default_amount,
        expired,
    };
    l.add_template(template(PLAIN_TEMPLATE, None, None, false))
        .unwrap();
    l.add_template(template(EXPIRED_TEMPLATE, Some(10_000), Some(100), true))
        .unwrap();
    l.add_template(template(NO_DEFAULT_TEMPLATE, Some(10_000), None, false))
        .unwrap();
    l.add_template(template(SMALL_TEMPLATE, Some(1_000), Some(600), false))
        .unwrap();
}

fn budget(env: &Env, template: &str) -> Option<u64> {
    env.sb
        .with_ledger(|l| l.template(template).map(|t| t.budget))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_pays_from_the_template_budget() {
    let env = Env::new().await;
    let (alice, bob, carol) = (env.balance(ALICE), env.balance(BOB), env.balance(CAROL));
    assert_eq!(budget(&env, DEMO_TEMPLATE), Some(100_000));

    // The default face value (5.00), by user_id.
    let v = env
        .c
        .execute(&send_to(DEMO_TEMPLATE, "V1", CAROL))
        .await
        .unwrap();
    assert_eq!(v.code.as_deref(), Some("10000"));
    assert_eq!(v.voucher_id.as_deref().map(str::len), Some(28));
    assert_eq!(status(&v.user_id), Some(CAROL));
    assert_eq!(env.balance(CAROL), carol + 500);

    // An explicit amount, by login_id.
    let by_login = VoucherSendRequest::builder()
        .template_id(DEMO_TEMPLATE)
        .out_biz_no("V2")
        .login_id(ALICE_LOGON)
        .amount(amount!("8.88"))
        .memo("感谢参与")
        .build();
    let v2 = env.c.execute(&by_login).await.unwrap();
    assert_eq!(status(&v2.user_id), Some(ALICE));
    assert_eq!(env.balance(ALICE), alice + 888);

    // By taobao_nick.
    let by_nick = VoucherSendRequest::builder()
        .template_id(DEMO_TEMPLATE)
        .out_biz_no("V3")
        .taobao_nick(BOB_NICK)
        .build();
    let v3 = env.c.execute(&by_nick).await.unwrap();
    assert_eq!(status(&v3.user_id), Some(BOB));
    assert_eq!(env.balance(BOB), bob + 500);

    assert_eq!(budget(&env, DEMO_TEMPLATE), Some(100_000 - 500 - 888 - 500));
    let vouchers = env.sb.with_ledger(|l| l.vouchers().to_vec());
    let summary: Vec<_> = vouchers
        .iter()
        .map(|v| (v.out_biz_no.as_str(), v.user_id.as_str(), v.amount))
        .collect();
    assert_eq!(
        summary,
        [("V1", CAROL, 500), ("V2", ALICE, 888), ("V3", BOB, 500)]
    );
    assert_eq!(vouchers[1].memo.as_deref(), Some("感谢参与"));
    assert_eq!(Some(&vouchers[0].voucher_id), v.voucher_id.as_ref());
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_of_an_ordinary_template_moves_no_money() {
    let env = Env::with(templates).await;
    let before = env.books();
    let v = env
        .c
        .execute(&send_to(PLAIN_TEMPLATE, "V1", ALICE))
        .await
        .unwrap();
    assert!(v.voucher_id.is_some());
    assert_eq!(env.books().accounts, before.accounts);
    assert_eq!(env.books().templates, before.templates);
    assert_eq!(env.sb.with_ledger(|l| l.vouchers()[0].amount), 0);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_of_unknown_or_expired_templates_is_refused() {
    let env = Env::with(templates).await;
    let before = env.books();
    let e = env
        .c
        .execute(&send_to("20260101000730010040000000NO", "V1", ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        VoucherSendErrorCode::TemplateNotExist,
        Some(Handling::FixRequest),
    );
    let e = env
        .c
        .execute(&send_to(EXPIRED_TEMPLATE, "V1", ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        VoucherSendErrorCode::TemplateExpired,
        Some(Handling::FixRequest),
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_to_an_unknown_user_is_user_not_exist() {
    let env = Env::new().await;
    let before = env.books();
    let requests = [
        send_to(DEMO_TEMPLATE, "V1", NOBODY),
        VoucherSendRequest::builder()
            .template_id(DEMO_TEMPLATE)
            .out_biz_no("V2")
            .login_id("nobody@sandbox.test")
            .build(),
        VoucherSendRequest::builder()
            .template_id(DEMO_TEMPLATE)
            .out_biz_no("V3")
            .taobao_nick("nobody_tb")
            .build(),
        // user_id > login_id > taobao_nick, with no fallback from an unknown user_id.
        VoucherSendRequest::builder()
            .template_id(DEMO_TEMPLATE)
            .out_biz_no("V4")
            .user_id(uid(NOBODY))
            .login_id(ALICE_LOGON)
            .taobao_nick(BOB_NICK)
            .build(),
        // ... nor from an unknown login_id.
        VoucherSendRequest::builder()
            .template_id(DEMO_TEMPLATE)
            .out_biz_no("V5")
            .login_id("nobody@sandbox.test")
            .taobao_nick(BOB_NICK)
            .build(),
    ];
    for request in requests {
        let e = env.c.execute(&request).await.unwrap_err();
        refused(
            &e,
            VoucherSendErrorCode::UserNotExist,
            Some(Handling::FixRequest),
        );
    }
    assert_eq!(env.books(), before);

    // A known user_id wins over the others.
    let both = VoucherSendRequest::builder()
        .template_id(DEMO_TEMPLATE)
        .out_biz_no("V6")
        .user_id(uid(CAROL))
        .login_id(ALICE_LOGON)
        .build();
    let v = env.c.execute(&both).await.unwrap();
    assert_eq!(status(&v.user_id), Some(CAROL));
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_to_a_restricted_user_is_user_status_error() {
    let env = Env::with(|l| l.restrict(BOB, true).unwrap()).await;
    let before = env.books();
    let by_nick = VoucherSendRequest::builder()
        .template_id(DEMO_TEMPLATE)
        .out_biz_no("V2")
        .taobao_nick(BOB_NICK)
        .build();
    for request in [send_to(DEMO_TEMPLATE, "V1", BOB), by_nick] {
        let e = env.c.execute(&request).await.unwrap_err();
        refused(
            &e,
            VoucherSendErrorCode::UserStatusError,
            Some(Handling::UserAction),
        );
    }
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_amount_rules_are_invalid_parameter() {
    let env = Env::with(templates).await;
    let before = env.books();
    // An amount on an ordinary template.
    let e = env
        .c
        .execute(&send_amount(PLAIN_TEMPLATE, "V1", ALICE, amount!("1.00")))
        .await
        .unwrap_err();
    refused(
        &e,
        VoucherSendErrorCode::InvalidParameter,
        Some(Handling::FixRequest),
    );
    // No amount on a red-packet template without a default.
    let e = env
        .c
        .execute(&send_to(NO_DEFAULT_TEMPLATE, "V2", ALICE))
        .await
        .unwrap_err();
    refused(
        &e,
        VoucherSendErrorCode::InvalidParameter,
        Some(Handling::FixRequest),
    );
    assert_eq!(env.books(), before);

    // Fixed: with an amount it pays.
    let alice = env.balance(ALICE);
    env.c
        .execute(&send_amount(
            NO_DEFAULT_TEMPLATE,
            "V2",
            ALICE,
            amount!("0.01"),
        ))
        .await
        .unwrap();
    assert_eq!(env.balance(ALICE), alice + 1);
    assert_eq!(budget(&env, NO_DEFAULT_TEMPLATE), Some(9_999));
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_over_the_budget_is_money_not_enough() {
    let env = Env::with(templates).await;
    let alice = env.balance(ALICE);
    // Budget 10.00, default 6.00: the first default goes through, the second does not fit.
    env.c
        .execute(&send_to(SMALL_TEMPLATE, "V1", ALICE))
        .await
        .unwrap();
    assert_eq!(budget(&env, SMALL_TEMPLATE), Some(400));
    let before = env.books();
    for request in [
        send_to(SMALL_TEMPLATE, "V2", ALICE),
        send_amount(SMALL_TEMPLATE, "V3", ALICE, amount!("4.01")),
    ] {
        let e = env.c.execute(&request).await.unwrap_err();
        // Not in voucher.send's error table (chosen): kept as sent.
        let a = refused(
            &e,
            VoucherSendErrorCode::Other("MONEY_NOT_ENOUGH".into()),
            None,
        );
        assert_eq!(a.sub_msg.as_deref(), Some("红包模板预算不足"));
    }
    assert_eq!(env.books(), before);
    // Exactly the rest of the budget.
    env.c
        .execute(&send_amount(SMALL_TEMPLATE, "V3", ALICE, amount!("4.00")))
        .await
        .unwrap();
    assert_eq!(budget(&env, SMALL_TEMPLATE), Some(0));
    assert_eq!(env.balance(ALICE), alice + 1000);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_replays_and_a_reused_out_biz_no_is_unique_violation() {
    let env = Env::with(templates).await;
    let alice = env.balance(ALICE);
    let request = send_amount(DEMO_TEMPLATE, "V1", ALICE, amount!("2.00"));
    let first = env.c.execute(&request).await.unwrap();
    let second = env.c.execute(&request).await.unwrap();
    assert_eq!(first.voucher_id, second.voucher_id);
    assert_eq!(env.balance(ALICE), alice + 200);
    assert_eq!(env.sb.with_ledger(|l| l.vouchers().len()), 1);

    let before = env.books();
    for other in [
        send_amount(DEMO_TEMPLATE, "V1", ALICE, amount!("2.01")),
        send_amount(DEMO_TEMPLATE, "V1", BOB, amount!("2.00")),
    ] {
        let e = env.c.execute(&other).await.unwrap_err();
        let a = refused(
            &e,
            VoucherSendErrorCode::Other("UNIQUE_VIOLATION".into()),
            None,
        );
        assert_eq!(
            a.sub_msg.as_deref(),
            Some("同一模板的外部业务号已用于不同的发券请求")
        );
    }
    assert_eq!(env.books(), before);

    // The key is template_id + out_biz_no: another template may use V1.
    env.c
        .execute(&send_to(SMALL_TEMPLATE, "V1", ALICE))
        .await
        .unwrap();
    assert_eq!(env.balance(ALICE), alice + 200 + 600);
    env.conserved();
}

// =============================================================================================
// alipay.fund.coupon.order.app.pay / page.pay: checked like the cashier would, then paid.
// =============================================================================================

/// Percent/form-decodes `a=b&c=d` (UTF-8).
fn decode_pairs(text: &str) -> Vec<(String, String)> {
    Charset::Utf8.form_decode(text.as_bytes()).unwrap()
}

/// What the sandbox's cashier checks before it opens an order: the common parameters, a
/// fresh timestamp and the app's RSA2 signature over every parameter but `sign`. Returns the
/// parameters.
#[track_caller]
fn cashier_accepts(pairs: Vec<(String, String)>, method: &str) -> Params {
    let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        names.len(),
        "a parameter is repeated: {names:?}"
    );
    let params: Params = pairs.into_iter().collect();
    assert_eq!(params.get("method"), Some(method));
    assert_eq!(params.get("app_id"), Some(APP_ID));
    assert_eq!(params.get("charset"), Some("utf-8"));
    assert_eq!(params.get("version"), Some("1.0"));
    assert_eq!(params.get("sign_type"), Some("RSA2"));
    let sent = Timestamp::parse(params.get("timestamp").expect("timestamp")).unwrap();
    let now = Timestamp::now();
    assert_eq!(&sent.as_str()[..10], &now.as_str()[..10]);
    let sign = base64::engine::general_purpose::STANDARD
        .decode(params.get("sign").expect("sign"))
        .unwrap();
    assert!(
        app_public().verify(SignType::Rsa2, params.sign_content().as_bytes(), &sign),
        "the app's signature does not verify over {}",
        params.sign_content()
    );
    params
}

/// A `biz_content` with one field changed no longer verifies under the same signature.
fn tampered_still_verifies(params: &Params) -> bool {
    let mut tampered = params.clone();
    let biz = params
        .get("biz_content")
        .unwrap()
        .replace("\"amount\":\"", "\"amount\":\"1");
    assert_ne!(Some(biz.as_str()), params.get("biz_content"));
    tampered.set("biz_content", biz);
    let sign = base64::engine::general_purpose::STANDARD
        .decode(params.get("sign").unwrap())
        .unwrap();
    app_public().verify(SignType::Rsa2, tampered.sign_content().as_bytes(), &sign)
}

/// Opens the pending order of an accepted order string / form and returns its reply node.
fn open_at_cashier(env: &Env, params: &Params) -> Value {
    let method = params.get("method").unwrap();
    let biz = params.get("biz_content").unwrap();
    let reply = env
        .sb
        .with_books(|b| b.create_pending_order(APP_ID, method, biz, &now()));
    assert_eq!(reply.code(), "10000", "{}", reply.node);
    assert!(reply.events.is_empty());
    reply.node
}

#[tokio::test(flavor = "multi_thread")]
async fn app_pay_order_string_is_accepted_by_the_cashier_and_paid() {
    let env = Env::new().await;
    let c = builder_with(&env.sb, APP_ID, "app_private_pkcs1.pem")
        .notify_url("http://127.0.0.1:9/notify")
        .return_url("http://127.0.0.1:9/return")
        .build()
        .unwrap();
    let request = app_order("A1", amount!("6.66"));
    let order_string = c.sdk_execute(&request).unwrap();
    assert!(order_string.starts_with("method=alipay.fund.coupon.order.app.pay&app_id="));
    let params = cashier_accepts(decode_pairs(&order_string), APP_PAY);
    assert_eq!(
        params.get("biz_content"),
        Some(request.biz_content().as_str())
    );
    assert_eq!(params.get("notify_url"), Some("http://127.0.0.1:9/notify"));
    // app.pay takes no return_url.
    assert_eq!(params.get("return_url"), None);
    assert!(!tampered_still_verifies(&params));

    let before = env.books();
    let node = open_at_cashier(&env, &params);
    assert_eq!(node["status"], "INIT");
    assert_eq!(node["amount"], "6.66");
    assert_eq!(node["out_order_no"], "A1");
    let auth_no = node["auth_no"].as_str().unwrap().to_owned();
    let packet = env.packet(&auth_no);
    assert_eq!(
        (packet.status, packet.total, packet.remaining),
        (Status::Init, 666, 0)
    );
    assert_eq!(packet.payer_user_id, None);
    assert_eq!(env.books().accounts, before.accounts);
    env.conserved();

    // The cashier receiving the same order string again opens nothing new.
    let again = open_at_cashier(&env, &params);
    assert_eq!(again, node);
    assert_eq!(env.sb.with_ledger(|l| l.red_packets().count()), 1);

    // Before paying, the query tells INIT.
    let by_keys = CouponOperationQueryRequest::builder()
        .out_order_no("A1")
        .out_request_no("A1-1")
        .build();
    let q = env.query(&by_keys).await;
    assert_eq!(status(&q.status), Some("INIT"));
    assert_eq!(q.payer_user_id, None);

    let alice = env.balance(ALICE);
    env.sb
        .with_books(|b| b.pay_order("A1", ALICE, &now()))
        .unwrap();
    assert_eq!(env.balance(ALICE), alice - 666);
    let q = env.query(&by_keys).await;
    assert_eq!(q.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(status(&q.operation_type), Some("FREEZE"));
    assert_eq!(status(&q.status), Some("SUCCESS"));
    assert_eq!(q.amount, Some(amount!("6.66")));
    assert_eq!(status(&q.payer_user_id), Some(ALICE));
    assert!(q.gmt_trans.is_some());

    // The paid red packet is disbursed like any other.
    let bob = env.balance(BOB);
    let request = CouponOrderDisburseRequest::builder()
        .out_order_no("D1")
        .out_request_no("D1-1")
        .order_title("红包打款")
        .amount(amount!("6.66"))
        .deduct_out_order_no("A1")
        .payee_user_id(uid(BOB))
        .build();
    env.disburse(&request).await;
    assert_eq!(env.balance(BOB), bob + 666);
    assert_eq!(env.packet(&auth_no).remaining, 0);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn app_pay_orders_the_cashier_refuses() {
    let env = Env::new().await;
    env.pending_app_order("A1", amount!("10.01"));
    let before = env.books();

    // Carol has 10.00: the order stays unpaid.
    assert_eq!(
        env.sb.with_books(|b| b.pay_order("A1", CAROL, &now())),
        Err(LedgerError::MoneyNotEnough {
            user_id: CAROL.into(),
            needed: 1001,
            balance: 1000
        })
    );
    assert_eq!(
        env.sb.with_books(|b| b.pay_order("NO-SUCH", ALICE, &now())),
        Err(LedgerError::UnknownOrder("NO-SUCH".into()))
    );
    assert_eq!(env.books(), before);

    // Paid once only.
    let alice = env.balance(ALICE);
    env.sb
        .with_books(|b| b.pay_order("A1", ALICE, &now()))
        .unwrap();
    assert_eq!(
        env.sb.with_books(|b| b.pay_order("A1", BOB, &now())),
        Err(LedgerError::AlreadyPaid("A1".into()))
    );
    assert_eq!(env.balance(ALICE), alice - 1001);

    // Another order under the same out_order_no is refused; so is page.pay reusing it.
    let other = app_order("A1", amount!("10.02")).biz_content();
    let reply = env
        .sb
        .with_books(|b| b.create_pending_order(APP_ID, APP_PAY, &other, &now()));
    assert_eq!(
        (reply.code(), reply.sub_code()),
        ("40004", Some("UNIQUE_VIOLATION"))
    );
    let page = page_order("A1", amount!("10.01")).biz_content();
    let reply = env
        .sb
        .with_books(|b| b.create_pending_order(APP_ID, PAGE_PAY, &page, &now()));
    assert_eq!(
        (reply.code(), reply.sub_code()),
        ("40004", Some("UNIQUE_VIOLATION"))
    );
    // A broken biz_content is the gateway's 40002.
    let reply = env.sb.with_books(|b| {
        b.create_pending_order(APP_ID, APP_PAY, r#"{"out_order_no":"A2"}"#, &now())
    });
    assert_eq!(
        (reply.code(), reply.sub_code()),
        ("40002", Some("isv.invalid-parameter"))
    );
    assert_eq!(env.sb.with_ledger(|l| l.red_packets().count()), 1);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn app_pay_order_paid_by_a_restricted_user_is_payer_restricted() {
    let env = Env::with(|l| l.restrict(ALICE, true).unwrap()).await;
    env.pending_app_order("A1", amount!("1.00"));
    let before = env.books();
    assert_eq!(
        env.sb.with_books(|b| b.pay_order("A1", ALICE, &now())),
        Err(LedgerError::PayerRestricted(ALICE.into()))
    );
    assert_eq!(env.books(), before);
    env.conserved();
}

/// The `action` and the hidden inputs of an auto-submitting form.
fn parse_form(html: &str) -> (String, Vec<(String, String)>) {
    fn unescape(s: &str) -> String {
        s.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }
    fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let len = tag[start..].find('"').unwrap();
        &tag[start..start + len]
    }
    let form = html.split('>').next().unwrap();
    assert!(form.starts_with("<form "), "{html}");
    assert_eq!(attr(form, "method"), "POST");
    assert_eq!(attr(form, "accept-charset"), "utf-8");
    let action = unescape(attr(form, "action"));
    let inputs = html
        .split("<input ")
        .skip(1)
        .filter(|tag| tag.starts_with("type=\"hidden\""))
        .map(|tag| (unescape(attr(tag, "name")), unescape(attr(tag, "value"))))
        .collect();
    (action, inputs)
}

fn page_client(env: &Env) -> AlipayClient {
    builder_with(&env.sb, APP_ID, "app_private_pkcs1.pem")
        .notify_url("http://127.0.0.1:9/notify")
        .return_url("http://127.0.0.1:9/return?from=page&x=<1>")
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn page_pay_form_is_accepted_by_the_cashier_and_paid() {
    let env = Env::new().await;
    let c = page_client(&env);
    let request = page_order("W1", amount!("8.88"));
    let form = c.page_execute_form(&request).unwrap();
    let (action, inputs) = parse_form(&form);
    let (gateway, query) = action.split_once('?').unwrap();
    assert_eq!(gateway, env.sb.gateway_url);
    let mut pairs = decode_pairs(query);
    pairs.extend(inputs);
    let params = cashier_accepts(pairs, PAGE_PAY);
    assert_eq!(
        params.get("biz_content"),
        Some(request.biz_content().as_str())
    );
    assert_eq!(
        params.get("return_url"),
        Some("http://127.0.0.1:9/return?from=page&x=<1>")
    );
    assert_eq!(params.get("notify_url"), Some("http://127.0.0.1:9/notify"));
    assert!(!tampered_still_verifies(&params));

    let node = open_at_cashier(&env, &params);
    assert_eq!(node["status"], "INIT");
    assert_eq!(node["amount"], "8.88");
    let auth_no = node["auth_no"].as_str().unwrap().to_owned();

    let bob = env.balance(BOB);
    env.sb
        .with_books(|b| b.pay_order("W1", BOB, &now()))
        .unwrap();
    assert_eq!(env.balance(BOB), bob - 888);
    let q = env
        .query(
            &CouponOperationQueryRequest::builder()
                .auth_no(auth_no.as_str())
                .out_request_no("W1-1")
                .build(),
        )
        .await;
    assert_eq!(status(&q.status), Some("SUCCESS"));
    assert_eq!(status(&q.operation_type), Some("FREEZE"));
    assert_eq!(q.amount, Some(amount!("8.88")));
    assert_eq!(status(&q.payer_user_id), Some(BOB));
    assert_eq!(env.packet(&auth_no).remaining, 888);

    // Refunded in full to bob.
    env.refund(&refund(&auth_no, "W1-R", amount!("8.88"))).await;
    assert_eq!(env.balance(BOB), bob);
    env.conserved();
}

/// A plain HTTP/1.1 GET on loopback of a page URL, not asking for HTML (so the gateway answers
/// the signed JSON node rather than its HTML cashier): the body.
async fn http_get(url: &str) -> Vec<u8> {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut sock = TcpStream::connect(host).await.unwrap();
    let head = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    sock.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    sock.read_to_end(&mut answer).await.unwrap();
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&answer[..end]).to_ascii_lowercase();
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let body = answer[end + 4..].to_vec();
    if let Some(len) = head.lines().find_map(|l| l.strip_prefix("content-length:")) {
        assert_eq!(len.trim().parse::<usize>().unwrap(), body.len());
    }
    body
}

#[tokio::test(flavor = "multi_thread")]
async fn page_pay_url_opened_by_the_browser_creates_the_pending_order() {
    let env = Env::new().await;
    let c = page_client(&env);
    let url = c
        .page_execute_url(&page_order("W1", amount!("1.23")))
        .unwrap();
    let (gateway, query) = url.split_once('?').unwrap();
    assert_eq!(gateway, env.sb.gateway_url);
    let params = cashier_accepts(decode_pairs(query), PAGE_PAY);

    // The URL GET from the sandbox gateway itself, which checks it like a call.
    let body = http_get(&url).await;
    let node = c
        .verify_response(PAGE_PAY, &body)
        .unwrap()
        .into_result()
        .unwrap();
    let node: Value = serde_json::from_str(&node).unwrap();
    assert_eq!(node["status"], "INIT");
    assert_eq!(node["out_order_no"], "W1");
    assert_eq!(node["amount"], "1.23");
    let auth_no = node["auth_no"].as_str().unwrap().to_owned();
    // ... and the same order handed to the cashier is the same pending order.
    assert_eq!(open_at_cashier(&env, &params), node);
    assert_eq!(env.sb.with_ledger(|l| l.red_packets().count()), 1);

    let carol = env.balance(CAROL);
    env.sb
        .with_books(|b| b.pay_order("W1", CAROL, &now()))
        .unwrap();
    assert_eq!(env.balance(CAROL), carol - 123);
    let q = env
        .query(
            &CouponOperationQueryRequest::builder()
                .out_order_no("W1")
                .out_request_no("W1-1")
                .build(),
        )
        .await;
    assert_eq!(q.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(status(&q.status), Some("SUCCESS"));
    assert_eq!(status(&q.payer_user_id), Some(CAROL));
    env.conserved();
}

// =============================================================================================
// SYSTEM_ERROR: a credit that would overflow the payee's u64 balance is refused, not applied.
// =============================================================================================

/// An account holding `u64::MAX` fen: any credit to it would overflow.
const WHALE: &str = "2088000000000099";

fn whale(l: &mut Ledger) {
    l.add_user(WHALE, "whale@sandbox.test", None).unwrap();
    l.fund(WHALE, u64::MAX).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_that_would_overflow_the_payee_is_system_error_and_retried_same() {
    let env = Env::with(whale).await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let before = env.books();
    let request = disburse(&auth_no, "D1", amount!("0.01"), WHALE);
    let e = env.c.execute(&request).await.unwrap_err();
    refused(
        &e,
        CouponOrderDisburseErrorCode::SystemError,
        Some(Handling::RetrySame),
    );
    assert_eq!(env.books(), before);

    // Retried with the same parameters once the whale has spent a little, it goes through.
    env.c
        .execute(&agreement_from("P2", amount!("1.00"), WHALE))
        .await
        .unwrap();
    env.disburse(&request).await;
    assert_eq!(env.balance(WHALE), u64::MAX - 100 + 1);
    assert_eq!(env.packet(&auth_no).remaining, 999);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn refund_that_would_overflow_the_payer_is_system_error() {
    let mut env = Env::with(whale).await;
    let paid = env
        .c
        .execute(&agreement_from("P1", amount!("10.00"), WHALE))
        .await
        .unwrap();
    let auth_no = paid.auth_no.unwrap();
    // The operator tops the whale up to the maximum again.
    assert_eq!(env.sb.with_books(|b| b.fund(WHALE, 1000)), Ok(u64::MAX));
    env.total += 1000;
    let before = env.books();
    let e = env
        .c
        .execute(&refund(&auth_no, "R1", amount!("0.01")))
        .await
        .unwrap_err();
    // Not in refund's error table: kept as sent.
    let a = refused(
        &e,
        CouponOrderRefundErrorCode::Other("SYSTEM_ERROR".into()),
        None,
    );
    assert_eq!(a.sub_msg.as_deref(), Some("系统繁忙"));
    assert_eq!(env.books(), before);
    assert_eq!(env.packet(&auth_no).status, Status::Success);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_that_would_overflow_the_user_is_system_error() {
    let env = Env::with(whale).await;
    let before = env.books();
    let e = env
        .c
        .execute(&send_to(DEMO_TEMPLATE, "V1", WHALE))
        .await
        .unwrap_err();
    refused(
        &e,
        VoucherSendErrorCode::SystemError,
        Some(Handling::RetrySame),
    );
    assert_eq!(env.books(), before);
    assert_eq!(budget(&env, DEMO_TEMPLATE), Some(100_000));
    env.conserved();
}

// =============================================================================================
// Gateway refusals (the call never reaches the ledger)
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn a_biz_content_breaking_a_rule_is_40002_invalid_parameter() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let before = env.books();

    // The typed path refuses it before sending.
    let long_title = "红".repeat(101);
    let typed = CouponOrderDisburseRequest::builder()
        .out_order_no("D1")
        .out_request_no("D1-1")
        .order_title(long_title.as_str())
        .amount(amount!("1.00"))
        .deduct_auth_no(auth_no.as_str())
        .payee_user_id(uid(ALICE))
        .build();
    let e = env.c.execute(&typed).await.unwrap_err();
    assert!(
        matches!(&e, Error::InvalidRequest(m) if m.contains("order_title")),
        "{e}"
    );
    assert_eq!(e.outcome(), Outcome::NotSent);

    // The same biz_content sent untyped: the gateway applies the same rule.
    let call = Call::new(DISBURSE).biz_content(typed.biz_content());
    let e = env.c.execute_call(&call).await.unwrap_err();
    let a = gateway_refused(&e, "40002", "isv.invalid-parameter");
    assert_eq!(a.msg, "Invalid Arguments");
    assert!(a.sub_msg.as_deref().unwrap().contains("order_title"), "{a}");
    // No typed business code for a gateway refusal.
    assert_eq!(CouponOrderDisburseErrorCode::of(&e), None);

    // Every violation is listed; amounts with three decimals, a missing one-of group.
    let biz = format!(
        r#"{{"out_order_no":"D2","out_request_no":"D2-1","order_title":"t","amount":"0.001","deduct_auth_no":"{auth_no}"}}"#
    );
    let e = env
        .c
        .execute_call(&Call::new(DISBURSE).biz_content(biz))
        .await
        .unwrap_err();
    let a = gateway_refused(&e, "40002", "isv.invalid-parameter");
    let sub_msg = a.sub_msg.unwrap();
    assert!(sub_msg.contains("amount"), "{sub_msg}");
    assert!(sub_msg.contains("payee_user_id"), "{sub_msg}");

    // JSON but not an object: the gateway refuses it.
    let e = env
        .c
        .execute_call(&Call::new(DISBURSE).biz_content(r#"["D3",1]"#))
        .await
        .unwrap_err();
    gateway_refused(&e, "40002", "isv.invalid-parameter");
    // Not JSON at all: even the untyped path refuses to sign it.
    let e = env
        .c
        .execute_call(&Call::new(DISBURSE).biz_content("not json"))
        .await
        .unwrap_err();
    assert!(matches!(&e, Error::InvalidRequest(_)), "{e}");
    assert_eq!(e.outcome(), Outcome::NotSent);
    assert_eq!(env.books(), before);
    env.conserved();
}

fn query_call() -> Call {
    Call::new("alipay.fund.coupon.operation.query")
        .biz_content(r#"{"out_order_no":"P1","out_request_no":"P1-1"}"#)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_call_signed_with_another_key_is_invalid_signature() {
    let env = Env::new().await;
    let wrong = client_with(&env.sb, APP_ID, "gateway_private_pkcs8.pem");
    let before = env.books();
    let agreement_call = Call::for_api(&agreement("P1", amount!("10.00"))).unwrap();
    let e = wrong.execute_call(&agreement_call).await.unwrap_err();
    let a = gateway_refused(&e, "40002", "isv.invalid-signature");
    assert!(
        a.sub_msg.as_deref().unwrap().starts_with(
            "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为："
        ),
        "{a}"
    );
    assert_eq!(CouponOrderAgreementPayErrorCode::of(&e), None);
    // Nothing was paid.
    assert_eq!(env.books(), before);
    let e = wrong.execute_call(&query_call()).await.unwrap_err();
    gateway_refused(&e, "40002", "isv.invalid-signature");
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_call_from_an_unknown_app_is_invalid_app_id() {
    let env = Env::new().await;
    let stranger = client_with(&env.sb, "2021000000009999", "app_private_pkcs1.pem");
    let before = env.books();
    let e = stranger
        .execute(&agreement("P1", amount!("10.00")))
        .await
        .unwrap_err();
    let a = gateway_refused(&e, "40002", "isv.invalid-app-id");
    assert_eq!(a.sub_msg.as_deref(), Some("无效的AppID参数"));
    assert_eq!(env.books(), before);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_method_the_sandbox_does_not_serve_is_invalid_method() {
    let env = Env::new().await;
    let e = env
        .c
        .execute_call(&Call::new("alipay.trade.pay").biz_content("{}"))
        .await
        .unwrap_err();
    let a = gateway_refused(&e, "40002", "isv.invalid-method");
    assert_eq!(a.sub_msg.as_deref(), Some("不存在的方法名"));
    env.conserved();
}
