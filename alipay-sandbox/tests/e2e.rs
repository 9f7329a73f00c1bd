//! End to end: the real client (`AlipayClient`, typed requests of `alipay-apis`) against the
//! sandbox gateway over HTTP on loopback, for each of the 8 APIs: the success path and every
//! business error the sandbox implements, with the typed error (`Error::Business`, the API's
//! `<Name>ErrorCode` and its handling) and the money moved to the fen.
//!
//! Most of it is tables of [`Case`]s run by one driver ([`Env::run`]): each case names a
//! request and what it must get, a success with fields and the balances it moves, or a
//! refusal that changes nothing in the books; every case ends by checking that the ledger's
//! total money did not change, and every failing case is reported by its name. Stateful
//! scenarios (replays, a restriction lifted, a cashier paying) are sequences of the same
//! cases.
//!
//! app.pay and page.pay are not sent by the server: their order string and form are checked
//! the way the sandbox's cashier would (parameters, the app's signature, `biz_content`), then
//! handed to [`Books::create_pending_order`] and paid with [`Books::pay_order`].
//!
//! [`Books::create_pending_order`]: alipay_sandbox::Books::create_pending_order
//! [`Books::pay_order`]: alipay_sandbox::Books::pay_order

use std::fmt::Debug;
use std::panic::{AssertUnwindSafe, catch_unwind};

use alipay_apis::fund::{
    AuthOrderVoucherCreateErrorCode as FreezeCode, AuthOrderVoucherCreateRequest,
    CouponOperationQueryErrorCode as QueryCode, CouponOperationQueryRequest,
    CouponOrderAgreementPayErrorCode as PayCode, CouponOrderAgreementPayRequest,
    CouponOrderAppPayRequest, CouponOrderDisburseErrorCode as DisburseCode,
    CouponOrderDisburseRequest, CouponOrderPagePayRequest,
    CouponOrderRefundErrorCode as RefundCode, CouponOrderRefundRequest,
};
use alipay_apis::marketing::{VoucherSendErrorCode as SendCode, VoucherSendRequest};
use alipay_apis::{Amount, Api, Handling, UserId, amount};
use alipay_core::api::parse_response;
use alipay_core::protocol::{Params, Timestamp};
use alipay_core::{
    AlipayClient, AlipayPublicKey, ApiError, AppPrivateKey, AppPublicKey, Call, Charset,
    ClientBuilder, Error, Gateway, GatewayPrivateKey, Outcome, SignType,
};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{
    Account, DEMO_MERCHANT, DEMO_TEMPLATE, DEMO_USERS, Freeze, Ledger, LedgerError, Operation,
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
/// Well-formed, but no red packet has it.
const NO_PACKET: &str = "2099010100002000000000000009";
/// A restricted account (账户受限) holding 100.00.
const DAN: &str = "2088000000000077";
const DAN_LOGON: &str = "dan@sandbox.test";
const DAN_NICK: &str = "dan_tb";
/// An account holding `u64::MAX` fen: any credit to it would overflow.
const WHALE: &str = "2088000000000099";

const PLAIN_TEMPLATE: &str = "20260101000730010040000000PL";
const EXPIRED_TEMPLATE: &str = "20260101000730010040000000EX";
const NO_DEFAULT_TEMPLATE: &str = "20260101000730010040000000ND";
const SMALL_TEMPLATE: &str = "20260101000730010040000000SM";

const FIX: Option<Handling> = Some(Handling::FixRequest);
const USER: Option<Handling> = Some(Handling::UserAction);
const NEW_ORDER: Option<Handling> = Some(Handling::NewOutOrderNo);

// ---------------------------------------------------------------------------------------------
// Setup (the helpers of tests/http.rs, plus a ledger prepared before the gateway starts).
// ---------------------------------------------------------------------------------------------

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

fn app_public() -> AppPublicKey {
    AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap()
}

fn builder_with(sandbox: &Sandbox, app_id: &str, key_file: &str) -> ClientBuilder {
    let gateway_public = AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap();
    AlipayClient::builder(
        app_id,
        AppPrivateKey::from_text(&read(key_file)).unwrap(),
        gateway_public,
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

/// The demo ledger plus [`DAN`] (restricted), [`WHALE`] and four templates: budget-less
/// ([`PLAIN_TEMPLATE`]), expired, without a default face value, and small (10.00, default
/// 6.00).
fn world(l: &mut Ledger) {
    l.add_user(DAN, DAN_LOGON, Some(DAN_NICK)).unwrap();
    l.fund(DAN, 10_000).unwrap();
    l.restrict(DAN, true).unwrap();
    l.add_user(WHALE, "whale@sandbox.test", None).unwrap();
    l.fund(WHALE, u64::MAX).unwrap();
    let template = |id: &str, budget, default_amount, expired| Template {
        template_id: id.to_owned(),
        name: id.to_owned(),
        budget,
        default_amount,
        expired,
    };
    for t in [
        template(PLAIN_TEMPLATE, None, None, false),
        template(EXPIRED_TEMPLATE, Some(10_000), Some(100), true),
        template(NO_DEFAULT_TEMPLATE, Some(10_000), None, false),
        template(SMALL_TEMPLATE, Some(1_000), Some(600), false),
    ] {
        l.add_template(t).unwrap();
    }
}

/// Everything in the ledger a call could change.
#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    accounts: Vec<Account>,
    packets: Vec<RedPacket>,
    operations: Vec<Operation>,
    templates: Vec<Template>,
    vouchers: Vec<Voucher>,
    freezes: Vec<Freeze>,
}

/// A sandbox gateway on 127.0.0.1:0, the client of its one app, and the money it holds.
struct Env {
    sb: Sandbox,
    c: AlipayClient,
    total: u128,
}

impl Env {
    /// The [`world`] ledger, changed by nothing else.
    async fn new() -> Env {
        let mut config = SandboxConfig::new(
            APP_ID,
            app_public(),
            GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
        );
        world(&mut config.ledger);
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

    /// The operation of `kind` whose own `out_order_no` / `out_request_no` is `key`.
    fn operation(&self, kind: OperationType, key: &str) -> Operation {
        let op = self.operations().into_iter().find(|o| {
            o.operation_type == kind && (o.out_order_no == key || o.out_request_no == key)
        });
        op.unwrap_or_else(|| panic!("no {kind:?} operation {key}"))
    }

    fn freeze(&self, order: &str) -> Option<Freeze> {
        self.sb.with_ledger(|l| l.freeze(order).cloned())
    }

    fn budget(&self, template: &str) -> Option<u64> {
        self.sb
            .with_ledger(|l| l.template(template).map(|t| t.budget))
            .unwrap()
    }

    fn books(&self) -> Snapshot {
        self.sb.with_ledger(|l| Snapshot {
            accounts: l.accounts().cloned().collect(),
            packets: l.red_packets().cloned().collect(),
            operations: l.operations().to_vec(),
            templates: l.templates().cloned().collect(),
            vouchers: l.vouchers().to_vec(),
            freezes: l.freezes().cloned().collect(),
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

    /// A disbursement or refund that must succeed; its node.
    async fn ok(&self, req: impl Into<Req>) -> Value {
        self.check(case("setup", req, Expect::Any)).await
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

fn text(node: &Value, name: &str) -> String {
    node[name]
        .as_str()
        .unwrap_or_else(|| panic!("no {name} in {node}"))
        .to_owned()
}

// ---------------------------------------------------------------------------------------------
// Requests.
// ---------------------------------------------------------------------------------------------

fn agreement(order: &str, amount: Amount) -> CouponOrderAgreementPayRequest {
    CouponOrderAgreementPayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("红包")
        .amount(amount)
        .build()
}

fn agreement_from(order: &str, amount: Amount, payer: &str) -> CouponOrderAgreementPayRequest {
    let mut r = agreement(order, amount);
    r.payer_user_id = Some(uid(payer));
    r
}

/// A disbursement, `order` / `order-1`, to nobody from no packet yet: `.deduct_*` and
/// `.payee_*` are set by the caller (or by [`disburse`]).
fn disbursement(order: &str, amount: Amount) -> CouponOrderDisburseRequest {
    let mut r = disburse(NO_PACKET, order, amount, NOBODY);
    r.deduct_auth_no = None;
    r.payee_user_id = None;
    r
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

/// Sets optional fields of a request: `with!(request, field = value, ...)`.
macro_rules! with {
    ($r:expr, $($f:ident = $v:expr),* $(,)?) => {{ let mut r = $r; $(r.$f = Some($v.into());)* r }};
}

/// Sets required fields of a request: `set!(request, field = value, ...)`.
macro_rules! set {
    ($r:expr, $($f:ident = $v:expr),* $(,)?) => {{ let mut r = $r; $(r.$f = $v.into();)* r }};
}

fn refund(auth_no: &str, out_request_no: &str, amount: Amount) -> CouponOrderRefundRequest {
    CouponOrderRefundRequest::builder()
        .auth_no(auth_no)
        .out_request_no(out_request_no)
        .amount(amount)
        .remark("红包退回")
        .build()
}

fn query(order: &str, request_no: &str) -> CouponOperationQueryRequest {
    CouponOperationQueryRequest::builder()
        .out_order_no(order)
        .out_request_no(request_no)
        .build()
}

fn query_auth(auth_no: &str, out_request_no: &str) -> CouponOperationQueryRequest {
    CouponOperationQueryRequest::builder()
        .auth_no(auth_no)
        .out_request_no(out_request_no)
        .build()
}

fn query_op(auth_no: &str, operation_id: &str) -> CouponOperationQueryRequest {
    CouponOperationQueryRequest::builder()
        .auth_no(auth_no)
        .operation_id(operation_id)
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

fn voucher_create(order: &str, amount: Amount, payee: &str) -> AuthOrderVoucherCreateRequest {
    with!(voucher(order, amount), payee_user_id = uid(payee))
}

/// A voucher.create without payee.
fn voucher(order: &str, amount: Amount) -> AuthOrderVoucherCreateRequest {
    AuthOrderVoucherCreateRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("预授权发码")
        .amount(amount)
        .build()
}

/// A voucher.send to nobody yet: `user_id` / `login_id` / `taobao_nick` set by the caller.
fn send(template: &str, out_biz_no: &str) -> VoucherSendRequest {
    let mut r = send_to(template, out_biz_no, NOBODY);
    r.user_id = None;
    r
}

fn send_to(template: &str, out_biz_no: &str, user: &str) -> VoucherSendRequest {
    VoucherSendRequest::builder()
        .template_id(template)
        .out_biz_no(out_biz_no)
        .user_id(uid(user))
        .build()
}

fn send_amount(template: &str, out_biz_no: &str, user: &str, amount: Amount) -> VoucherSendRequest {
    with!(send_to(template, out_biz_no, user), amount = amount)
}

// ---------------------------------------------------------------------------------------------
// Tables: a case is a request and what it must get; `Env::run` runs a table.
// ---------------------------------------------------------------------------------------------

/// A request of a table: typed (answered with its typed response, written back to JSON so a
/// table names its fields), or untyped.
enum Req {
    Pay(CouponOrderAgreementPayRequest),
    Disburse(CouponOrderDisburseRequest),
    Refund(CouponOrderRefundRequest),
    Query(CouponOperationQueryRequest),
    Freeze(AuthOrderVoucherCreateRequest),
    Send(VoucherSendRequest),
    Raw(Call),
}

macro_rules! req {
    ($($v:ident($t:ty)),* $(,)?) => {$(impl From<$t> for Req { fn from(r: $t) -> Req { Req::$v(r) } })*};
}

req!(
    Pay(CouponOrderAgreementPayRequest),
    Disburse(CouponOrderDisburseRequest),
    Refund(CouponOrderRefundRequest),
    Query(CouponOperationQueryRequest),
    Freeze(AuthOrderVoucherCreateRequest),
    Send(VoucherSendRequest),
    Raw(Call),
);

/// A typed request, validated and signed like `execute` does, sent as its [`Call`]; the
/// verified node, which must decode as the API's typed response.
async fn typed<A: Api>(c: &AlipayClient, r: &A) -> Result<Value, Error> {
    let answer = c.call(&Call::for_api(r)?).send().await?;
    if let Err(e) = parse_response::<A>(&answer.node) {
        panic!("the typed response does not decode: {e}")
    }
    Ok(serde_json::from_str(&answer.node).unwrap())
}

impl Req {
    async fn send(&self, c: &AlipayClient) -> Result<Value, Error> {
        match self {
            Req::Pay(r) => typed(c, r).await,
            Req::Disburse(r) => typed(c, r).await,
            Req::Refund(r) => typed(c, r).await,
            Req::Query(r) => typed(c, r).await,
            Req::Freeze(r) => typed(c, r).await,
            Req::Send(r) => typed(c, r).await,
            Req::Raw(call) => {
                let answer = c.call(call).send().await?;
                Ok(serde_json::from_str(&answer.node).unwrap())
            }
        }
    }
}

/// What a field of a success must be.
enum Want {
    Is(String),
    Present,
    Absent,
    Len(usize),
}

fn is(value: impl ToString) -> Want {
    Want::Is(value.to_string())
}

impl Want {
    #[track_caller]
    fn check(&self, node: &Value, name: &str) {
        let got = node.get(name).filter(|v| !v.is_null());
        match self {
            Want::Is(v) => assert_eq!(got.and_then(Value::as_str), Some(v.as_str()), "{name}"),
            Want::Present => assert!(got.is_some(), "{name} missing"),
            Want::Absent => assert!(got.is_none(), "{name} present"),
            Want::Len(n) => assert_eq!(
                got.and_then(Value::as_str).map(str::len),
                Some(*n),
                "{name}"
            ),
        }
    }
}

/// What a case must get.
enum Expect {
    /// `10000 Success` with these fields; the balances moved by exactly these fen, every other
    /// unchanged (`Some`), or nothing in the books changed (`None`: a replay, a query).
    Ok(Vec<(&'static str, Want)>, Option<Vec<(&'static str, i128)>>),
    /// Success, money moved anywhere (a setup step).
    Any,
    /// A refusal, checked by the closure; nothing in the books changed.
    Err(Box<dyn Fn(&Error)>),
}

/// Success moving exactly `moves` (user, fen).
fn moved(moves: &[(&'static str, i128)]) -> Expect {
    Expect::Ok(Vec::new(), Some(moves.to_vec()))
}

/// Success changing nothing in the books.
fn unchanged() -> Expect {
    Expect::Ok(Vec::new(), None)
}

impl Expect {
    fn with(mut self, name: &'static str, want: Want) -> Expect {
        if let Expect::Ok(fields, _) = &mut self {
            fields.push((name, want));
        }
        self
    }
}

/// A verified 40004 with the API's typed `code`, and its `handling`.
fn biz<C: Code + 'static>(code: C, handling: Option<Handling>) -> Expect {
    Expect::Err(Box::new(move |e| {
        refused(e, &code, handling);
    }))
}

/// A verified 40004 with a `sub_code` not in the API's table (kept as sent, no handling) and
/// exactly this `sub_msg`.
fn kept<C: Code + 'static>(code: C, sub_msg: &'static str) -> Expect {
    Expect::Err(Box::new(move |e| {
        let a = refused(e, &code, None);
        assert_eq!(a.sub_msg.as_deref(), Some(sub_msg));
    }))
}

/// A verified gateway refusal `code` / `sub_code` whose `sub_msg` passes `msg`.
fn gateway(code: &'static str, sub_code: &'static str, msg: fn(&str) -> bool) -> Expect {
    Expect::Err(Box::new(move |e| {
        let a = gateway_refused(e, code, sub_code);
        let sub_msg = a.sub_msg.as_deref().unwrap_or_default();
        assert!(msg(sub_msg), "sub_msg: {sub_msg}");
    }))
}

fn refused_by(check: impl Fn(&Error) + 'static) -> Expect {
    Expect::Err(Box::new(check))
}

struct Case {
    name: &'static str,
    req: Req,
    expect: Expect,
    client: Option<AlipayClient>,
}

fn case(name: &'static str, req: impl Into<Req>, expect: Expect) -> Case {
    Case {
        name,
        req: req.into(),
        expect,
        client: None,
    }
}

impl Case {
    /// Sent by another client.
    fn via(mut self, client: &AlipayClient) -> Case {
        self.client = Some(client.clone());
        self
    }
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    match (p.downcast_ref::<String>(), p.downcast_ref::<&str>()) {
        (Some(s), _) => s.clone(),
        (_, Some(s)) => (*s).to_owned(),
        _ => "panic".to_owned(),
    }
}

impl Env {
    /// Sends `case` and judges the reply: its node (`Null` for a refusal), or what failed.
    async fn attempt(&self, case: &Case) -> Result<Value, String> {
        let before = self.books();
        let reply = case.req.send(case.client.as_ref().unwrap_or(&self.c)).await;
        let judged = catch_unwind(AssertUnwindSafe(|| {
            self.judge(&case.expect, &before, reply)
        }));
        judged.map_err(|p| panic_text(&*p))
    }

    /// One case of a sequence; its node.
    async fn check(&self, case: Case) -> Value {
        match self.attempt(&case).await {
            Ok(node) => node,
            Err(m) => panic!("case `{}` failed: {m}", case.name),
        }
    }

    /// A table, in order; every failing case is reported by its name. The nodes.
    async fn run(&self, cases: Vec<Case>) -> Vec<Value> {
        let (mut nodes, mut failed) = (Vec::new(), Vec::new());
        for case in &cases {
            match self.attempt(case).await {
                Ok(node) => nodes.push(node),
                Err(m) => {
                    failed.push(format!("  {}: {m}", case.name));
                    nodes.push(Value::Null);
                }
            }
        }
        let n = cases.len();
        assert!(
            failed.is_empty(),
            "{} of {n} cases failed:\n{}",
            failed.len(),
            failed.join("\n")
        );
        nodes
    }

    fn judge(&self, expect: &Expect, before: &Snapshot, reply: Result<Value, Error>) -> Value {
        let node = match (expect, reply) {
            (Expect::Ok(fields, moves), Ok(node)) => {
                assert_eq!(node["code"], "10000", "{node}");
                assert_eq!(node["msg"], "Success", "{node}");
                for (name, want) in fields {
                    want.check(&node, name);
                }
                let after = self.books();
                match moves {
                    None => assert_eq!(&after, before, "the books changed"),
                    Some(moves) => {
                        for a in &after.accounts {
                            let was = before.accounts.iter().find(|b| b.user_id == a.user_id);
                            let was = was.map_or(0, |b| b.balance);
                            let moved = moves.iter().find(|m| m.0 == a.user_id).map_or(0, |m| m.1);
                            let (now, was) = (i128::from(a.balance), i128::from(was));
                            assert_eq!(now - was, moved, "balance of {}", a.user_id);
                        }
                    }
                }
                node
            }
            (Expect::Any, Ok(node)) => {
                assert_eq!(node["code"], "10000", "{node}");
                node
            }
            (Expect::Err(check), Err(e)) => {
                check(&e);
                assert_eq!(self.books(), *before, "a refusal changed the books");
                Value::Null
            }
            (Expect::Err(_), Ok(node)) => panic!("expected a refusal, got {node}"),
            (_, Err(e)) => panic!("expected success, got {e}"),
        };
        self.conserved();
        node
    }
}

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
    PayCode,
    DisburseCode,
    RefundCode,
    QueryCode,
    FreezeCode,
    SendCode
);

/// `e` is a verified `40004 Business Failed` whose `sub_code` is `expected`, which the API's
/// `ErrorCode::of` reads back as `expected` with `handling`; a documented code answers with
/// its documented meaning as `sub_msg`. Returns the gateway's verdict.
#[track_caller]
fn refused<C: Code>(e: &Error, expected: &C, handling: Option<Handling>) -> ApiError {
    let Error::Business(a) = e else {
        panic!("expected 40004 {}, got {e}", expected.wire())
    };
    assert_eq!(a.code, "40004", "{e}");
    assert_eq!(a.msg, "Business Failed", "{e}");
    assert_eq!(a.sub_code.as_deref(), Some(expected.wire()), "{e}");
    assert!(a.verified, "the refusal must be signed: {e}");
    assert_eq!(e.outcome(), Outcome::Rejected);
    assert_eq!(e.api_error(), Some(&**a));
    assert_eq!(C::of(e).as_ref(), Some(expected));
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
async fn agreement_pay_table() {
    let env = Env::new().await;
    let paid = env
        .check(case(
            "the merchant pays by default",
            agreement("P1", amount!("10.00")),
            moved(&[(DEMO_MERCHANT, -1000)])
                .with("out_order_no", is("P1"))
                .with("out_request_no", is("P1-1"))
                .with("amount", is("10.00"))
                .with("status", is("SUCCESS"))
                .with("gmt_trans", Want::Present)
                .with("auth_no", Want::Len(28))
                .with("operation_id", Want::Len(19)),
        ))
        .await;
    let (auth_no, operation_id) = (text(&paid, "auth_no"), text(&paid, "operation_id"));
    let packet = env.packet(&auth_no);
    assert_eq!(packet.out_order_no, "P1");
    assert_eq!(packet.app_id, APP_ID);
    assert_eq!(packet.payer_user_id.as_deref(), Some(DEMO_MERCHANT));
    let amounts = (packet.total, packet.remaining, packet.refunded);
    assert_eq!(amounts, (1000, 1000, 0));
    assert_eq!(packet.status, Status::Success);
    let ops = env.operations();
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].operation_type, OperationType::Freeze);
    assert_eq!(ops[0].operation_id, operation_id);

    assert_eq!(env.balance(CAROL), 1000);
    let replayed = || {
        unchanged()
            .with("auth_no", is(&auth_no))
            .with("operation_id", is(&operation_id))
    };
    // agreement.pay has no documented error table: the codes are kept as sent.
    let other = |code: &str| PayCode::Other(code.into());
    env.run(vec![
        case(
            "a named payer pays",
            agreement_from("P2", amount!("12.34"), ALICE),
            moved(&[(ALICE, -1234)]),
        ),
        case(
            "an unknown payer",
            agreement_from("P3", amount!("1.00"), NOBODY),
            kept(other("PAYER_NOT_EXIST"), "付款方支付宝账户不存在"),
        ),
        case(
            "over the payer's balance",
            agreement_from("P4", amount!("10.01"), CAROL),
            kept(other("MONEY_NOT_ENOUGH"), "付款方余额不足"),
        ),
        // A refusal is not remembered: the same out_order_no, fixed, goes through.
        case(
            "the whole balance, under the refused order number",
            agreement_from("P4", amount!("10.00"), CAROL),
            moved(&[(CAROL, -1000)]).with("amount", is("10.00")),
        ),
        case(
            "a restricted payer",
            agreement_from("P5", amount!("1.00"), DAN),
            biz(other("PAYER_USER_STATUS_LIMIT"), None),
        ),
        case(
            "replayed",
            agreement("P1", amount!("10.00")),
            replayed().with("amount", is("10.00")),
        ),
        // The same content written differently ("10" is 10.00) is the same request.
        case(
            "replayed, written differently",
            Call::new(AGREEMENT_PAY).biz_content(
                r#"{"out_order_no":"P1","out_request_no":"P1-1","order_title":"红包","amount":"10"}"#,
            ),
            replayed(),
        ),
        case(
            "the same order number, other content",
            agreement("P1", amount!("10.01")),
            kept(other("UNIQUE_VIOLATION"), "下单失败,商户订单号重复"),
        ),
    ])
    .await;
    let p2 = env
        .sb
        .with_ledger(|l| l.red_packet_by_out_order_no("P2").cloned())
        .unwrap();
    assert_eq!(p2.payer_user_id.as_deref(), Some(ALICE));
    assert_eq!(p2.remaining, 1234);
    assert_eq!(env.balance(CAROL), 0);
    // P1, P2, P4: the replays opened nothing.
    assert_eq!(env.sb.with_ledger(|l| l.red_packets().count()), 3);
}

// =============================================================================================
// alipay.fund.coupon.order.disburse
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn disburse_table() {
    let env = Env::new().await;
    let mut p = Vec::new();
    for order in ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"] {
        p.push(env.pay(order, amount!("10.00")).await);
    }
    let unpaid = env.pending_app_order("A1", amount!("8.00"));
    let not_exist = || biz(DisburseCode::AuthOrderNotExist, FIX);
    let payee_not_exist = || biz(DisburseCode::PayeeNotExist, FIX);
    let unique = || biz(DisburseCode::UniqueViolation, NEW_ORDER);
    let not_enough = || biz(DisburseCode::MoneyNotEnough, FIX);
    let nodes = env
        .run(vec![
            case(
                "by deduct_auth_no",
                disburse(&p[0], "D1", amount!("3.50"), ALICE),
                moved(&[(ALICE, 350)])
                    .with("auth_no", is(&p[0]))
                    .with("out_order_no", is("D1"))
                    .with("out_request_no", is("D1-1"))
                    .with("amount", is("3.50"))
                    .with("status", is("SUCCESS"))
                    .with("gmt_trans", Want::Present)
                    .with("operation_id", Want::Len(19)),
            ),
            case(
                "by deduct_out_order_no, to a logon id",
                with!(
                    disbursement("D2", amount!("0.01")),
                    deduct_out_order_no = "P2",
                    payee_logon_id = BOB_LOGON
                ),
                moved(&[(BOB, 1)]).with("auth_no", is(&p[1])),
            ),
            case(
                "deduct_auth_no wins over deduct_out_order_no",
                with!(
                    disburse(&p[2], "D3", amount!("4.00"), ALICE),
                    deduct_out_order_no = "P8"
                ),
                moved(&[(ALICE, 400)]).with("auth_no", is(&p[2])),
            ),
            case(
                "an unknown deduct_auth_no does not fall back to deduct_out_order_no",
                with!(
                    disburse(
                        "20990101000020000000000000099",
                        "D4",
                        amount!("1.00"),
                        ALICE
                    ),
                    deduct_out_order_no = "P8"
                ),
                not_exist(),
            ),
            case(
                "an unknown deduct_auth_no",
                disburse(NO_PACKET, "D4", amount!("1.00"), ALICE),
                not_exist(),
            ),
            case(
                "an unknown deduct_out_order_no",
                with!(
                    disbursement("D4", amount!("1.00")),
                    deduct_out_order_no = "NO-SUCH-ORDER",
                    payee_user_id = uid(ALICE)
                ),
                not_exist(),
            ),
            case(
                "a disbursement's own order number is not a packet",
                with!(
                    disbursement("D4", amount!("1.00")),
                    deduct_out_order_no = "D1",
                    payee_user_id = uid(ALICE)
                ),
                not_exist(),
            ),
            case(
                "an unknown payee_user_id",
                disburse(&p[3], "D4", amount!("1.00"), NOBODY),
                payee_not_exist(),
            ),
            case(
                "an unknown payee_logon_id",
                with!(
                    disbursement("D4", amount!("1.00")),
                    deduct_auth_no = p[3].as_str(),
                    payee_logon_id = "nobody@sandbox.test"
                ),
                payee_not_exist(),
            ),
            case(
                "an unknown payee_user_id does not fall back to a valid logon id",
                with!(
                    disburse(&p[3], "D4", amount!("1.00"), NOBODY),
                    payee_logon_id = BOB_LOGON
                ),
                payee_not_exist(),
            ),
            case(
                "a known payee_user_id is paid when the logon id names someone else",
                with!(
                    disburse(&p[3], "D5", amount!("1.00"), ALICE),
                    payee_logon_id = BOB_LOGON
                ),
                moved(&[(ALICE, 100)]),
            ),
            case(
                "over the remainder",
                disburse(&p[4], "D6", amount!("10.01"), ALICE),
                not_enough(),
            ),
            case(
                "the whole remainder, under the refused order number",
                disburse(&p[4], "D6", amount!("10.00"), ALICE),
                moved(&[(ALICE, 1000)]),
            ),
            case(
                "then not one fen more",
                disburse(&p[4], "D7", amount!("0.01"), ALICE),
                not_enough(),
            ),
            case(
                "an order number reused with another amount",
                disburse(&p[0], "D1", amount!("3.51"), ALICE),
                unique(),
            ),
            case(
                "a request number reused on the same packet under a new order number",
                set!(
                    disburse(&p[0], "D8", amount!("3.50"), ALICE),
                    out_request_no = "D1-1"
                ),
                unique(),
            ),
            // One namespace of order numbers (ALY-711128).
            case(
                "the red packet's own order number",
                disburse(&p[0], "P1", amount!("1.00"), ALICE),
                unique(),
            ),
            case(
                "a disbursement",
                disburse(&p[5], "D9", amount!("3.00"), ALICE),
                moved(&[(ALICE, 300)]),
            ),
            case(
                "a refund closes the packet",
                refund(&p[5], "R9", amount!("2.00")),
                moved(&[(DEMO_MERCHANT, 200)]),
            ),
            case(
                "from a closed packet",
                disburse(&p[5], "D10", amount!("1.00"), ALICE),
                biz(DisburseCode::OrderAlreadyClosed, NEW_ORDER),
            ),
            case(
                "that would overflow the payee",
                disburse(&p[6], "D11", amount!("0.01"), WHALE),
                biz(DisburseCode::SystemError, Some(Handling::RetrySame)),
            ),
        ])
        .await;
    let remaining = |i: usize| env.packet(&p[i]).remaining;
    assert_eq!(
        (0..5).map(remaining).collect::<Vec<_>>(),
        [650, 999, 600, 900, 0]
    );
    assert_eq!(remaining(7), 1000);
    assert_eq!(env.packet(&p[5]).status, Status::Closed);
    assert_eq!(remaining(5), 500);
    let op = env.operation(OperationType::Pay, "D1");
    assert_eq!(
        Some(op.operation_id.as_str()),
        nodes[0]["operation_id"].as_str()
    );
    assert_eq!(op.payee_user_id.as_deref(), Some(ALICE));
    assert_eq!(op.payer_user_id.as_deref(), Some(DEMO_MERCHANT));
    assert_eq!(op.amount, 350);

    // Retried with the same parameters once the whale has spent a little, it goes through.
    let overflowing = disburse(&p[6], "D11", amount!("0.01"), WHALE);
    env.ok(agreement_from("W1", amount!("1.00"), WHALE)).await;
    env.check(case("retried", overflowing, moved(&[(WHALE, 1)])))
        .await;
    assert_eq!(env.balance(WHALE), u64::MAX - 100 + 1);
    assert_eq!(remaining(6), 999);

    // A restricted payee: once the user has acted, the very same request goes through.
    let request = disburse(&p[3], "D12", amount!("2.00"), DAN);
    let limited = biz(DisburseCode::PayeeUserStatusLimit, USER);
    env.check(case("a restricted payee", request.clone(), limited))
        .await;
    env.sb.with_books(|b| b.restrict(DAN, false)).unwrap();
    let lifted = moved(&[(DAN, 200)]);
    env.check(case("the restriction lifted", request, lifted))
        .await;
    assert_eq!(remaining(3), 700);

    // An unpaid order; paid by bob at the cashier, the same disbursement goes through.
    let request = disburse(&unpaid, "D13", amount!("1.00"), ALICE);
    let unpaid_refused = biz(DisburseCode::IllegalStatus, Some(Handling::QueryThenDecide));
    env.check(case("an unpaid order", request.clone(), unpaid_refused))
        .await;
    let bob = env.balance(BOB);
    env.sb
        .with_books(|b| b.pay_order("A1", BOB, &now()))
        .unwrap();
    assert_eq!(env.balance(BOB), bob - 800);
    let paid = moved(&[(ALICE, 100)]);
    env.check(case("the order paid", request, paid)).await;
    assert_eq!(env.packet(&unpaid).remaining, 700);
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_replayed_moves_money_once() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let request = disburse(&auth_no, "D1", amount!("2.50"), ALICE);
    let first = env
        .check(case("first", request.clone(), moved(&[(ALICE, 250)])))
        .await;
    let replay = |name| {
        let same = unchanged()
            .with("operation_id", is(text(&first, "operation_id")))
            .with("gmt_trans", is(text(&first, "gmt_trans")))
            .with("amount", is("2.50"));
        case(name, request.clone(), same)
    };
    env.run(vec![replay("second"), replay("third")]).await;
    assert_eq!(env.packet(&auth_no).remaining, 750);
}

// =============================================================================================
// alipay.fund.coupon.order.refund
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn refund_table() {
    let env = Env::new().await;
    let alices = env
        .check(case(
            "alice pays",
            agreement_from("P1", amount!("10.00"), ALICE),
            Expect::Any,
        ))
        .await;
    let alices = text(&alices, "auth_no");
    env.ok(disburse(&alices, "D1", amount!("3.00"), BOB)).await;
    let p2 = env.pay("P2", amount!("10.00")).await;
    env.ok(disburse(&p2, "D2", amount!("3.00"), ALICE)).await;
    let p3 = env.pay("P3", amount!("10.00")).await;
    env.ok(disburse(&p3, "D3", amount!("1.00"), ALICE)).await;
    let unpaid = env.pending_app_order("A1", amount!("5.00"));
    // Not in refund's error table (chosen to match disburse): kept as sent, no handling.
    let other = |code: &str| RefundCode::Other(code.into());
    let unique = || biz(RefundCode::UniqueViolation, Some(Handling::NewOutRequestNo));
    let nodes = env
        .run(vec![
            case(
                "the payer gets the refund",
                refund(&alices, "R1", amount!("2.00")),
                moved(&[(ALICE, 200)])
                    .with("auth_no", is(&alices))
                    .with("out_order_no", is("P1"))
                    .with("out_request_no", is("R1"))
                    .with("amount", is("2.00"))
                    .with("status", is("SUCCESS"))
                    .with("operation_id", Want::Present)
                    .with("gmt_trans", Want::Present),
            ),
            // Further refunds of the rest are allowed; the payer gets every fen back.
            case(
                "the rest, refunded again",
                refund(&alices, "R2", amount!("5.00")),
                moved(&[(ALICE, 500)]).with("amount", is("5.00")),
            ),
            case(
                "over the remainder",
                refund(&p2, "R3", amount!("7.01")),
                kept(other("MONEY_NOT_ENOUGH"), "退款金额超过红包剩余金额"),
            ),
            case(
                "the whole remainder, under the refused request number",
                refund(&p2, "R3", amount!("7.00")),
                moved(&[(DEMO_MERCHANT, 700)]),
            ),
            case(
                "an unknown red packet",
                refund(NO_PACKET, "R4", amount!("1.00")),
                kept(
                    other("AUTH_ORDER_NOT_EXIST"),
                    "入参有误,导致红包对应的订单不存在",
                ),
            ),
            case(
                "an unpaid order",
                refund(&unpaid, "R5", amount!("1.00")),
                kept(other("ILLEGAL_STATUS"), "订单状态非法"),
            ),
            case(
                "a refund",
                refund(&p3, "R6", amount!("4.00")),
                moved(&[(DEMO_MERCHANT, 400)]),
            ),
            case(
                "a request number reused with another amount",
                refund(&p3, "R6", amount!("4.01")),
                unique(),
            ),
            case(
                "a disbursement's request number on the same packet",
                refund(&p3, "D3-1", amount!("1.00")),
                unique(),
            ),
        ])
        .await;
    let packet = env.packet(&alices);
    assert_eq!(packet.status, Status::Closed);
    assert_eq!((packet.remaining, packet.refunded), (0, 700));
    let refunds: Vec<_> = env
        .operations()
        .into_iter()
        .filter(|op| op.operation_type == OperationType::Refund && op.auth_no == alices)
        .map(|op| (op.out_request_no, op.amount, op.payer_user_id))
        .collect();
    let alice = Some(ALICE.to_owned());
    let expected = [
        ("R1".to_owned(), 200, alice.clone()),
        ("R2".to_owned(), 500, alice),
    ];
    assert_eq!(refunds, expected);
    assert_eq!(env.packet(&p2).remaining, 0);

    let replay = unchanged()
        .with("operation_id", is(text(&nodes[6], "operation_id")))
        .with("amount", is("4.00"));
    env.check(case("replayed", refund(&p3, "R6", amount!("4.00")), replay))
        .await;
    assert_eq!(env.packet(&p3).remaining, 500);
}

#[tokio::test(flavor = "multi_thread")]
async fn refund_that_would_overflow_the_payer_is_system_error() {
    let mut env = Env::new().await;
    let paid = env
        .check(case(
            "the whale pays",
            agreement_from("P1", amount!("10.00"), WHALE),
            Expect::Any,
        ))
        .await;
    let auth_no = text(&paid, "auth_no");
    // The operator tops the whale up to the maximum again.
    assert_eq!(env.sb.with_books(|b| b.fund(WHALE, 1000)), Ok(u64::MAX));
    env.total += 1000;
    let system = kept(RefundCode::Other("SYSTEM_ERROR".into()), "系统繁忙");
    env.check(case(
        "overflowing",
        refund(&auth_no, "R1", amount!("0.01")),
        system,
    ))
    .await;
    assert_eq!(env.packet(&auth_no).status, Status::Success);
}

// =============================================================================================
// alipay.fund.coupon.operation.query
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn query_table() {
    let env = Env::new().await;
    let paid = env
        .check(case("pay", agreement("P1", amount!("10.00")), Expect::Any))
        .await;
    let (auth_no, pay_op) = (text(&paid, "auth_no"), text(&paid, "operation_id"));
    let d = env
        .ok(disburse(&auth_no, "D1", amount!("3.00"), ALICE))
        .await;
    let d_op = text(&d, "operation_id");
    let r = env.ok(refund(&auth_no, "R1", amount!("2.00"))).await;
    let r_op = text(&r, "operation_id");
    let second = env.pay("P2", amount!("10.00")).await;
    let other_op = env
        .ok(disburse(&second, "D2", amount!("1.00"), ALICE))
        .await;
    let other_op = text(&other_op, "operation_id");
    assert_ne!(ALICE_LOGON, "ali***@sandbox.test");
    let no_order = || {
        kept(
            QueryCode::Other("AUTH_ORDER_NOT_EXIST".into()),
            "红包对应的订单不存在",
        )
    };
    let no_op = || {
        kept(
            QueryCode::Other("AUTH_OPERATION_NOT_EXIST".into()),
            "红包资金操作流水不存在",
        )
    };
    env.run(vec![
        case(
            "the funding, by auth_no + operation_id",
            query_op(&auth_no, &pay_op),
            unchanged()
                .with("auth_no", is(&auth_no))
                .with("out_order_no", is("P1"))
                .with("operation_id", is(&pay_op))
                .with("out_request_no", is("P1-1"))
                .with("operation_type", is("FREEZE"))
                .with("amount", is("10.00"))
                .with("status", is("SUCCESS"))
                .with("order_title", is("红包"))
                .with("payer_user_id", is(DEMO_MERCHANT))
                .with("payer_logon_id", is("mer***@sandbox.test"))
                .with("payee_user_id", Want::Absent)
                .with("total_pay_refund_amount", is("2.00")),
        ),
        case(
            "the disbursement, by its own out_order_no + out_request_no",
            query("D1", "D1-1"),
            unchanged()
                .with("auth_no", is(&auth_no))
                .with("out_order_no", is("D1"))
                .with("operation_id", is(&d_op))
                .with("operation_type", is("PAY"))
                .with("amount", is("3.00"))
                .with("order_title", is("红包打款"))
                .with("payee_user_id", is(ALICE))
                .with("payee_logon_id", is("ali***@sandbox.test")),
        ),
        case(
            "the refund, by the packet's out_order_no + out_request_no",
            query("P1", "R1"),
            unchanged()
                .with("operation_id", is(&r_op))
                .with("operation_type", is("REFUND"))
                .with("amount", is("2.00"))
                .with("remark", is("红包退回"))
                .with("payer_user_id", is(DEMO_MERCHANT)),
        ),
        case(
            "auth_no and operation_id win",
            with!(
                query_op(&auth_no, &d_op),
                out_order_no = "P2",
                out_request_no = "P1-1"
            ),
            unchanged()
                .with("auth_no", is(&auth_no))
                .with("operation_id", is(&d_op))
                .with("operation_type", is("PAY"))
                .with("amount", is("3.00")),
        ),
        case(
            "an unknown auth_no",
            query_auth(NO_PACKET, "P1-1"),
            no_order(),
        ),
        case(
            "an unknown out_order_no",
            query("NO-SUCH-ORDER", "P1-1"),
            no_order(),
        ),
        case(
            "an unknown operation_id",
            query_op(&auth_no, "20990101000000000099"),
            no_op(),
        ),
        case(
            "an unknown out_request_no",
            query("P1", "NO-SUCH-REQUEST"),
            no_op(),
        ),
        case(
            "an operation of another red packet",
            query_op(&auth_no, &other_op),
            no_op(),
        ),
    ])
    .await;
}

// =============================================================================================
// alipay.fund.auth.order.voucher.create (+ the scan)
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_then_a_scan_freezes_the_scanners_money() {
    let env = Env::new().await;
    // Creating the code moves no money.
    let v = env
        .check(case(
            "a code for bob",
            voucher_create("F1", amount!("20.00"), BOB),
            moved(&[])
                .with("out_order_no", is("F1"))
                .with("out_request_no", is("F1-1"))
                .with("code_type", is("qrCode")),
        ))
        .await;
    let freeze = env.freeze("F1").unwrap();
    let code_value = format!("https://qr.sandbox.alipay-rs.test/fz{}", freeze.auth_no);
    assert_eq!(v["code_value"].as_str(), Some(code_value.as_str()));
    assert!(text(&v, "code_url").contains(&freeze.auth_no));
    assert_eq!(freeze.status, Status::Init);
    assert_eq!(freeze.amount, 2000);
    assert_eq!(freeze.payee_user_id.as_deref(), Some(BOB));
    assert_eq!(freeze.app_id, APP_ID);

    let alice = env.balance(ALICE);
    let event = env
        .sb
        .with_books(|b| b.scan_voucher("F1", ALICE, &now()))
        .unwrap();
    assert_eq!(event.notify_type, "fund_auth_freeze");
    assert_eq!(event.app_id, APP_ID);
    let fields = [
        ("auth_no", freeze.auth_no.as_str()),
        ("out_order_no", "F1"),
        ("operation_type", "FREEZE"),
        ("amount", "20.00"),
        ("status", "SUCCESS"),
        ("payer_user_id", ALICE),
        ("payer_logon_id", "ali***@sandbox.test"),
        ("payee_user_id", BOB),
        ("rest_amount", "20.00"),
    ];
    for (name, value) in fields {
        assert_eq!(event.get(name), Some(value), "{name}");
    }
    assert_eq!(env.balance(ALICE), alice - 2000);
    let freeze = env.freeze("F1").unwrap();
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
async fn voucher_create_table() {
    let env = Env::new().await;
    env.pay("P1", amount!("10.00")).await;
    let payee_not_exist = || biz(FreezeCode::PayeeNotExist, FIX);
    let limited = || biz(FreezeCode::PayeeUserStatusLimit, USER);
    let unique = || biz(FreezeCode::UniqueViolation, NEW_ORDER);
    let nodes = env
        .run(vec![
            case(
                "without payee",
                voucher("F1", amount!("600.00")),
                moved(&[]),
            ),
            case(
                "for bob",
                voucher_create("F2", amount!("1.00"), BOB),
                moved(&[]),
            ),
            case(
                "a code",
                voucher_create("F3", amount!("20.00"), BOB),
                moved(&[]),
            ),
            case(
                "an unknown payee_user_id",
                voucher_create("F4", amount!("1.00"), NOBODY),
                payee_not_exist(),
            ),
            case(
                "an unknown payee_logon_id",
                with!(
                    voucher("F5", amount!("1.00")),
                    payee_logon_id = "nobody@sandbox.test"
                ),
                payee_not_exist(),
            ),
            case(
                "an unknown payee_user_id does not fall back to a valid logon id",
                with!(
                    voucher_create("F6", amount!("1.00"), NOBODY),
                    payee_logon_id = BOB_LOGON
                ),
                payee_not_exist(),
            ),
            case(
                "a restricted payee_user_id",
                voucher_create("F7", amount!("1.00"), DAN),
                limited(),
            ),
            case(
                "a restricted payee_logon_id",
                with!(voucher("F8", amount!("1.00")), payee_logon_id = DAN_LOGON),
                limited(),
            ),
            case(
                "an order number reused with another amount",
                voucher_create("F3", amount!("20.01"), BOB),
                unique(),
            ),
            // One namespace of order numbers.
            case(
                "the red packet's order number",
                voucher_create("P1", amount!("20.00"), BOB),
                unique(),
            ),
        ])
        .await;
    let replay = unchanged()
        .with("code_value", is(text(&nodes[2], "code_value")))
        .with("code_url", is(text(&nodes[2], "code_url")));
    let request = voucher_create("F3", amount!("20.00"), BOB);
    env.check(case("replayed", request, replay)).await;
    for order in ["F4", "F5", "F6", "F7", "F8", "P1"] {
        assert!(env.freeze(order).is_none(), "{order}");
    }
    assert_eq!(env.freeze("F1").map(|f| f.payee_user_id), Some(None));
    assert_eq!(env.freeze("F3").map(|f| f.amount), Some(2000));

    // Scans the ledger refuses: (order, scanner, error).
    let before = env.books();
    let scans = [
        // Bob has 500.00.
        (
            "F1",
            BOB,
            LedgerError::MoneyNotEnough {
                user_id: BOB.into(),
                needed: 60_000,
                balance: 50_000,
            },
        ),
        ("F1", DAN, LedgerError::PayerRestricted(DAN.into())),
        ("F2", BOB, LedgerError::PayerPayeeEqual(BOB.into())),
        (
            "NO-SUCH",
            ALICE,
            LedgerError::UnknownOrder("NO-SUCH".into()),
        ),
    ];
    for (order, who, error) in scans {
        let scanned = env.sb.with_books(|b| b.scan_voucher(order, who, &now()));
        assert_eq!(scanned.map(|_| ()), Err(error), "{order} scanned by {who}");
    }
    assert_eq!(env.books(), before);
    assert_eq!(env.freeze("F1").map(|f| f.status), Some(Status::Init));
    env.conserved();
}

// =============================================================================================
// alipay.marketing.voucher.send
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_table() {
    let env = Env::new().await;
    assert_eq!(env.budget(DEMO_TEMPLATE), Some(100_000));
    let nodes = env
        .run(vec![
            case(
                "the default face value, by user_id",
                send_to(DEMO_TEMPLATE, "V1", CAROL),
                moved(&[(CAROL, 500)])
                    .with("voucher_id", Want::Len(28))
                    .with("user_id", is(CAROL)),
            ),
            case(
                "an explicit amount, by login_id",
                with!(
                    send(DEMO_TEMPLATE, "V2"),
                    login_id = ALICE_LOGON,
                    amount = amount!("8.88"),
                    memo = "感谢参与"
                ),
                moved(&[(ALICE, 888)]).with("user_id", is(ALICE)),
            ),
            case(
                "by taobao_nick",
                with!(send(DEMO_TEMPLATE, "V3"), taobao_nick = BOB_NICK),
                moved(&[(BOB, 500)]).with("user_id", is(BOB)),
            ),
        ])
        .await;
    assert_eq!(env.budget(DEMO_TEMPLATE), Some(100_000 - 500 - 888 - 500));
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
    assert_eq!(vouchers[0].voucher_id, text(&nodes[0], "voucher_id"));

    let user_not_exist = || biz(SendCode::UserNotExist, FIX);
    let invalid = || biz(SendCode::InvalidParameter, FIX);
    // Not in voucher.send's error table (chosen): kept as sent.
    let budget = || {
        kept(
            SendCode::Other("MONEY_NOT_ENOUGH".into()),
            "红包模板预算不足",
        )
    };
    let nobody_logon = "nobody@sandbox.test";
    let templates = env.books().templates;
    let plain = moved(&[]).with("voucher_id", Want::Present);
    env.check(case(
        "an ordinary template moves no money",
        send_to(PLAIN_TEMPLATE, "V1", ALICE),
        plain,
    ))
    .await;
    assert_eq!(env.books().templates, templates);
    let nodes = env
        .run(vec![
            case(
                "an unknown template",
                send_to("20260101000730010040000000NO", "V4", ALICE),
                biz(SendCode::TemplateNotExist, FIX),
            ),
            case(
                "an expired template",
                send_to(EXPIRED_TEMPLATE, "V4", ALICE),
                biz(SendCode::TemplateExpired, FIX),
            ),
            case(
                "an unknown user_id",
                send_to(DEMO_TEMPLATE, "V4", NOBODY),
                user_not_exist(),
            ),
            case(
                "an unknown login_id",
                with!(send(DEMO_TEMPLATE, "V5"), login_id = nobody_logon),
                user_not_exist(),
            ),
            case(
                "an unknown taobao_nick",
                with!(send(DEMO_TEMPLATE, "V6"), taobao_nick = "nobody_tb"),
                user_not_exist(),
            ),
            // user_id > login_id > taobao_nick, with no fallback from an unknown user_id ...
            case(
                "an unknown user_id does not fall back",
                with!(
                    send_to(DEMO_TEMPLATE, "V7", NOBODY),
                    login_id = ALICE_LOGON,
                    taobao_nick = BOB_NICK
                ),
                user_not_exist(),
            ),
            // ... nor from an unknown login_id.
            case(
                "an unknown login_id does not fall back",
                with!(
                    send(DEMO_TEMPLATE, "V8"),
                    login_id = nobody_logon,
                    taobao_nick = BOB_NICK
                ),
                user_not_exist(),
            ),
            case(
                "a known user_id wins over the others",
                with!(send_to(DEMO_TEMPLATE, "V9", CAROL), login_id = ALICE_LOGON),
                moved(&[(CAROL, 500)]).with("user_id", is(CAROL)),
            ),
            case(
                "a restricted user_id",
                send_to(DEMO_TEMPLATE, "V10", DAN),
                biz(SendCode::UserStatusError, USER),
            ),
            case(
                "a restricted taobao_nick",
                with!(send(DEMO_TEMPLATE, "V11"), taobao_nick = DAN_NICK),
                biz(SendCode::UserStatusError, USER),
            ),
            case(
                "an amount on an ordinary template",
                send_amount(PLAIN_TEMPLATE, "V2", ALICE, amount!("1.00")),
                invalid(),
            ),
            case(
                "no amount on a red-packet template without a default",
                send_to(NO_DEFAULT_TEMPLATE, "V2", ALICE),
                invalid(),
            ),
            case(
                "fixed with an amount",
                send_amount(NO_DEFAULT_TEMPLATE, "V2", ALICE, amount!("0.01")),
                moved(&[(ALICE, 1)]),
            ),
            // Budget 10.00, default 6.00: the first default goes through, the second does not fit.
            case(
                "the default within the budget",
                send_to(SMALL_TEMPLATE, "V1", ALICE),
                moved(&[(ALICE, 600)]),
            ),
            case(
                "the default over the budget",
                send_to(SMALL_TEMPLATE, "V2", ALICE),
                budget(),
            ),
            case(
                "an amount over the budget",
                send_amount(SMALL_TEMPLATE, "V3", ALICE, amount!("4.01")),
                budget(),
            ),
            case(
                "exactly the rest of the budget",
                send_amount(SMALL_TEMPLATE, "V3", ALICE, amount!("4.00")),
                moved(&[(ALICE, 400)]),
            ),
            case(
                "a voucher",
                send_amount(DEMO_TEMPLATE, "R1", ALICE, amount!("2.00")),
                moved(&[(ALICE, 200)]),
            ),
            case(
                "an out_biz_no reused with another amount",
                send_amount(DEMO_TEMPLATE, "R1", ALICE, amount!("2.01")),
                kept(
                    SendCode::Other("UNIQUE_VIOLATION".into()),
                    "同一模板的外部业务号已用于不同的发券请求",
                ),
            ),
            case(
                "an out_biz_no reused for another user",
                send_amount(DEMO_TEMPLATE, "R1", BOB, amount!("2.00")),
                kept(
                    SendCode::Other("UNIQUE_VIOLATION".into()),
                    "同一模板的外部业务号已用于不同的发券请求",
                ),
            ),
            // The key is template_id + out_biz_no.
            case(
                "another template may use the out_biz_no",
                send_amount(NO_DEFAULT_TEMPLATE, "R1", ALICE, amount!("1.00")),
                moved(&[(ALICE, 100)]),
            ),
            case(
                "that would overflow the user",
                send_to(DEMO_TEMPLATE, "V12", WHALE),
                biz(SendCode::SystemError, Some(Handling::RetrySame)),
            ),
        ])
        .await;
    let plain = env.sb.with_ledger(|l| {
        let v = l
            .vouchers()
            .iter()
            .find(|v| v.template_id == PLAIN_TEMPLATE);
        v.map(|v| v.amount)
    });
    assert_eq!(plain, Some(0));
    assert_eq!(env.budget(PLAIN_TEMPLATE), None);
    assert_eq!(env.budget(NO_DEFAULT_TEMPLATE), Some(10_000 - 1 - 100));
    assert_eq!(env.budget(SMALL_TEMPLATE), Some(0));
    let replay = unchanged().with("voucher_id", is(text(&nodes[17], "voucher_id")));
    let request = send_amount(DEMO_TEMPLATE, "R1", ALICE, amount!("2.00"));
    env.check(case("replayed", request, replay)).await;
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
    let common = [
        ("method", method),
        ("app_id", APP_ID),
        ("charset", "utf-8"),
        ("version", "1.0"),
        ("sign_type", "RSA2"),
    ];
    for (name, value) in common {
        assert_eq!(params.get(name), Some(value), "{name}");
    }
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
    // A `biz_content` with one field changed no longer verifies under the same signature.
    let mut tampered = params.clone();
    let biz = params.get("biz_content").unwrap();
    let changed = biz.replace("\"amount\":\"", "\"amount\":\"1");
    assert_ne!(changed, biz);
    tampered.set("biz_content", changed);
    assert!(!app_public().verify(SignType::Rsa2, tampered.sign_content().as_bytes(), &sign));
    params
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

/// The pending order `node` is `status`, `out_order_no`, `amount`; its auth_no.
#[track_caller]
fn pending(node: &Value, order: &str, amount: &str) -> String {
    assert_eq!(node["status"], "INIT");
    assert_eq!(node["out_order_no"], order);
    assert_eq!(node["amount"], amount);
    text(node, "auth_no")
}

/// A cashier pays `order` as `payer`, who is debited `fen`.
fn pay_at_cashier(env: &Env, order: &str, payer: &str, fen: u64) {
    let was = env.balance(payer);
    env.sb
        .with_books(|b| b.pay_order(order, payer, &now()))
        .unwrap();
    assert_eq!(env.balance(payer), was - fen);
    env.conserved();
}

/// The query of a paid order.
fn paid_freeze(auth_no: &str, amount: &str, payer: &str) -> Expect {
    unchanged()
        .with("auth_no", is(auth_no))
        .with("operation_type", is("FREEZE"))
        .with("status", is("SUCCESS"))
        .with("amount", is(amount))
        .with("payer_user_id", is(payer))
        .with("gmt_trans", Want::Present)
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
    let biz = request.biz_content();
    assert_eq!(params.get("biz_content"), Some(biz.as_str()));
    assert_eq!(params.get("notify_url"), Some("http://127.0.0.1:9/notify"));
    // app.pay takes no return_url.
    assert_eq!(params.get("return_url"), None);

    let before = env.books();
    let node = open_at_cashier(&env, &params);
    let auth_no = pending(&node, "A1", "6.66");
    let packet = env.packet(&auth_no);
    let state = (packet.status, packet.total, packet.remaining);
    assert_eq!(state, (Status::Init, 666, 0));
    assert_eq!(packet.payer_user_id, None);
    assert_eq!(env.books().accounts, before.accounts);
    env.conserved();

    // The cashier receiving the same order string again opens nothing new.
    assert_eq!(open_at_cashier(&env, &params), node);
    assert_eq!(env.sb.with_ledger(|l| l.red_packets().count()), 1);

    // Before paying, the query tells INIT.
    let init = unchanged()
        .with("status", is("INIT"))
        .with("payer_user_id", Want::Absent);
    env.check(case("query before paying", query("A1", "A1-1"), init))
        .await;
    pay_at_cashier(&env, "A1", ALICE, 666);
    let paid = paid_freeze(&auth_no, "6.66", ALICE);
    env.check(case("query after paying", query("A1", "A1-1"), paid))
        .await;

    // The paid red packet is disbursed like any other.
    let request = with!(
        disbursement("D1", amount!("6.66")),
        deduct_out_order_no = "A1",
        payee_user_id = uid(BOB)
    );
    env.check(case("disbursed", request, moved(&[(BOB, 666)])))
        .await;
    assert_eq!(env.packet(&auth_no).remaining, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn app_pay_orders_the_cashier_refuses() {
    let env = Env::new().await;
    env.pending_app_order("A1", amount!("10.01"));
    env.pending_app_order("A2", amount!("1.00"));
    let before = env.books();
    let pay = |order: &str, who: &str| env.sb.with_books(|b| b.pay_order(order, who, &now()));
    // (order, payer, error)
    let refusals = [
        // Carol has 10.00: the order stays unpaid.
        (
            "A1",
            CAROL,
            LedgerError::MoneyNotEnough {
                user_id: CAROL.into(),
                needed: 1001,
                balance: 1000,
            },
        ),
        (
            "NO-SUCH",
            ALICE,
            LedgerError::UnknownOrder("NO-SUCH".into()),
        ),
        ("A2", DAN, LedgerError::PayerRestricted(DAN.into())),
    ];
    for (order, who, error) in refusals {
        assert_eq!(
            pay(order, who).map(|_| ()),
            Err(error),
            "{order} paid by {who}"
        );
    }
    assert_eq!(env.books(), before);

    // Paid once only.
    pay_at_cashier(&env, "A1", ALICE, 1001);
    assert_eq!(
        pay("A1", BOB).map(|_| ()),
        Err(LedgerError::AlreadyPaid("A1".into()))
    );
    assert_eq!(env.balance(BOB), DEMO_USERS[1].3);

    // (method, biz_content, code, sub_code)
    let other = app_order("A1", amount!("10.02")).biz_content();
    let page = page_order("A1", amount!("10.01")).biz_content();
    let opened = [
        // Another order under the same out_order_no is refused; so is page.pay reusing it.
        (APP_PAY, other.as_str(), "40004", "UNIQUE_VIOLATION"),
        (PAGE_PAY, page.as_str(), "40004", "UNIQUE_VIOLATION"),
        // A broken biz_content is the gateway's 40002.
        (
            APP_PAY,
            r#"{"out_order_no":"A3"}"#,
            "40002",
            "isv.invalid-parameter",
        ),
    ];
    for (method, biz, code, sub_code) in opened {
        let reply = env
            .sb
            .with_books(|b| b.create_pending_order(APP_ID, method, biz, &now()));
        assert_eq!(
            (reply.code(), reply.sub_code()),
            (code, Some(sub_code)),
            "{biz}"
        );
    }
    assert_eq!(env.sb.with_ledger(|l| l.red_packets().count()), 2);
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
    let (gateway, query_string) = action.split_once('?').unwrap();
    assert_eq!(gateway, env.sb.gateway_url);
    let mut pairs = decode_pairs(query_string);
    pairs.extend(inputs);
    let params = cashier_accepts(pairs, PAGE_PAY);
    let biz = request.biz_content();
    assert_eq!(params.get("biz_content"), Some(biz.as_str()));
    let return_url = "http://127.0.0.1:9/return?from=page&x=<1>";
    assert_eq!(params.get("return_url"), Some(return_url));
    assert_eq!(params.get("notify_url"), Some("http://127.0.0.1:9/notify"));

    let auth_no = pending(&open_at_cashier(&env, &params), "W1", "8.88");
    pay_at_cashier(&env, "W1", BOB, 888);
    let by_keys = query_auth(&auth_no, "W1-1");
    let paid = paid_freeze(&auth_no, "8.88", BOB);
    env.check(case("query after paying", by_keys, paid)).await;
    assert_eq!(env.packet(&auth_no).remaining, 888);

    // Refunded in full to bob.
    let refunded = moved(&[(BOB, 888)]);
    env.check(case(
        "refunded",
        refund(&auth_no, "W1-R", amount!("8.88")),
        refunded,
    ))
    .await;
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
    let (gateway, query_string) = url.split_once('?').unwrap();
    assert_eq!(gateway, env.sb.gateway_url);
    let params = cashier_accepts(decode_pairs(query_string), PAGE_PAY);

    // The URL GET from the sandbox gateway itself, which checks it like a call.
    let body = http_get(&url).await;
    let verified = c.verify_response(PAGE_PAY, &body).unwrap();
    let node: Value = serde_json::from_str(&verified.into_result().unwrap()).unwrap();
    let auth_no = pending(&node, "W1", "1.23");
    // ... and the same order handed to the cashier is the same pending order.
    assert_eq!(open_at_cashier(&env, &params), node);
    assert_eq!(env.sb.with_ledger(|l| l.red_packets().count()), 1);

    pay_at_cashier(&env, "W1", CAROL, 123);
    let paid = paid_freeze(&auth_no, "1.23", CAROL);
    env.check(case("query after paying", query("W1", "W1-1"), paid))
        .await;
}

// =============================================================================================
// Gateway refusals (the call never reaches the ledger) and local ones (nothing is sent).
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn gateway_and_local_refusals() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", amount!("10.00")).await;
    let wrong = client_with(&env.sb, APP_ID, "gateway_private_pkcs8.pem");
    let stranger = client_with(&env.sb, "2021000000009999", "app_private_pkcs1.pem");
    let long_title = set!(
        disburse(&auth_no, "D1", amount!("1.00"), ALICE),
        order_title = "红".repeat(101)
    );
    let invalid = |msg: fn(&str) -> bool| gateway("40002", "isv.invalid-parameter", msg);
    let three_decimals = format!(
        r#"{{"out_order_no":"D2","out_request_no":"D2-1","order_title":"t","amount":"0.001","deduct_auth_no":"{auth_no}"}}"#
    );
    let query_call = Call::new("alipay.fund.coupon.operation.query")
        .biz_content(r#"{"out_order_no":"P1","out_request_no":"P1-1"}"#);
    env.run(vec![
        case(
            "a typed request breaking a rule is refused before sending",
            long_title.clone(),
            refused_by(|e| {
                let Error::Violations(v) = e else {
                    panic!("expected violations, got {e}")
                };
                assert!(v.iter().any(|v| v.field == "order_title" && v.rule == "max_len"), "{e}");
                assert_eq!(e.outcome(), Outcome::NotSent);
            }),
        ),
        // The same biz_content sent untyped: the gateway applies the same rule.
        case(
            "the same biz_content sent untyped",
            Call::new(DISBURSE).biz_content(long_title.biz_content()),
            refused_by(|e| {
                let a = gateway_refused(e, "40002", "isv.invalid-parameter");
                assert_eq!(a.msg, "Invalid Arguments");
                assert!(a.sub_msg.as_deref().unwrap().contains("order_title"), "{a}");
                // No typed business code for a gateway refusal.
                assert_eq!(DisburseCode::of(e), None);
            }),
        ),
        // Every violation is listed: an amount with three decimals, a missing one-of group.
        case(
            "every violation listed",
            Call::new(DISBURSE).biz_content(three_decimals),
            invalid(|m| m.contains("amount") && m.contains("payee_user_id")),
        ),
        case(
            "JSON but not an object",
            Call::new(DISBURSE).biz_content(r#"["D3",1]"#),
            invalid(|_| true),
        ),
        // Not JSON at all: even the untyped path refuses to sign it.
        case(
            "not JSON",
            Call::new(DISBURSE).biz_content("not json"),
            refused_by(|e| {
                assert!(matches!(e, Error::InvalidRequest(_)), "{e}");
                assert_eq!(e.outcome(), Outcome::NotSent);
            }),
        ),
        case(
            "signed with another key",
            Call::for_api(&agreement("P2", amount!("10.00"))).unwrap(),
            refused_by(|e| {
                let a = gateway_refused(e, "40002", "isv.invalid-signature");
                let prefix = "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：";
                assert!(a.sub_msg.as_deref().unwrap().starts_with(prefix), "{a}");
                assert_eq!(PayCode::of(e), None);
            }),
        )
        .via(&wrong),
        case(
            "a query signed with another key",
            query_call,
            gateway("40002", "isv.invalid-signature", |_| true),
        )
        .via(&wrong),
        case(
            "an unknown app",
            agreement("P2", amount!("10.00")),
            gateway("40002", "isv.invalid-app-id", |m| m == "无效的AppID参数"),
        )
        .via(&stranger),
        case(
            "a method the sandbox does not serve",
            Call::new("alipay.trade.pay").biz_content("{}"),
            gateway("40002", "isv.invalid-method", |m| m == "不存在的方法名"),
        ),
    ])
    .await;
}
