//! End to end: the real client (`AlipayClient`, typed requests of `alipay-apis`) against the
//! sandbox gateway over loopback HTTP, for the 8 APIs: the success path and every business error
//! the sandbox implements, with the typed error (`Error::Business`, `<Name>ErrorCode`, handling)
//! and the money moved to the fen. Tables of [`Case`]s run by [`Env::run`]: a success moving
//! exactly the given balances ([`ok!`]) or a refusal changing nothing in the books ([`biz`],
//! [`kept`], [`gateway`]); every case checks the ledger's total money and fails by its name.
//! app.pay / page.pay are checked like the sandbox's cashier would, then opened with
//! `Books::create_pending_order` and paid with `Books::pay_order`.

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
use alipay_apis::{Amount, Api, Handling, UserId};
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

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";
const APP_PAY: &str = "alipay.fund.coupon.order.app.pay";
const PAGE_PAY: &str = "alipay.fund.coupon.order.page.pay";
const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
const AGREEMENT_PAY: &str = "alipay.fund.coupon.order.agreement.pay";
const NOTIFY_URL: &str = "http://127.0.0.1:9/notify";
const RETURN_URL: &str = "http://127.0.0.1:9/return?from=page&x=<1>";

const ALICE: &str = DEMO_USERS[0].0;
const ALICE_LOGON: &str = DEMO_USERS[0].1;
const BOB: &str = DEMO_USERS[1].0;
const BOB_LOGON: &str = DEMO_USERS[1].1;
const BOB_NICK: &str = DEMO_USERS[1].2;
const CAROL: &str = DEMO_USERS[2].0;
const NOBODY: &str = "2088999999999999"; // well-formed (`2088` + 12 digits), no account has it
const NOBODY_LOGON: &str = "nobody@sandbox.test";
const NO_PACKET: &str = "2099010100002000000000000009"; // well-formed, no red packet has it
const DAN: &str = "2088000000000077"; // a restricted account (账户受限) holding 100.00
const DAN_LOGON: &str = "dan@sandbox.test";
const DAN_NICK: &str = "dan_tb";
const WHALE: &str = "2088000000000099"; // holds `u64::MAX` fen: any credit would overflow

const PLAIN_TEMPLATE: &str = "20260101000730010040000000PL";
const EXPIRED_TEMPLATE: &str = "20260101000730010040000000EX";
const NO_DEFAULT_TEMPLATE: &str = "20260101000730010040000000ND";
const SMALL_TEMPLATE: &str = "20260101000730010040000000SM";
const FIX: Option<Handling> = Some(Handling::FixRequest);
const USER: Option<Handling> = Some(Handling::UserAction);
const NEW_ORDER: Option<Handling> = Some(Handling::NewOutOrderNo);
const RETRY: Option<Handling> = Some(Handling::RetrySame);

// ---- Setup (the helpers of tests/http.rs, plus a ledger prepared before the gateway starts).
fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}
fn app_public() -> AppPublicKey {
    AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap()
}
fn builder_with(sandbox: &Sandbox, app_id: &str, key_file: &str) -> ClientBuilder {
    let gateway_public = AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap();
    let key = AppPrivateKey::from_text(&read(key_file)).unwrap();
    AlipayClient::builder(app_id, key, gateway_public)
        .gateway(Gateway::new(&sandbox.gateway_url).unwrap())
}
fn client_with(sandbox: &Sandbox, app_id: &str, key_file: &str) -> AlipayClient {
    builder_with(sandbox, app_id, key_file).build().unwrap()
}
fn uid(id: &str) -> UserId {
    UserId::parse(id).unwrap()
}
/// A fund amount, checked like `amount!` does.
fn yuan(text: &str) -> Amount {
    Amount::parse(text).unwrap()
}
fn now() -> String {
    Timestamp::now().as_str().to_owned()
}
fn text(node: &Value, name: &str) -> String {
    let value = node[name].as_str().map(str::to_owned);
    value.unwrap_or_else(|| panic!("no {name} in {node}"))
}

/// The demo ledger plus [`DAN`] (restricted), [`WHALE`] and four templates: budget-less
/// ([`PLAIN_TEMPLATE`]), expired, without a default face value, small (10.00, default 6.00).
fn world(l: &mut Ledger) {
    l.add_user(DAN, DAN_LOGON, Some(DAN_NICK)).unwrap();
    l.fund(DAN, 10_000).unwrap();
    l.restrict(DAN, true).unwrap();
    l.add_user(WHALE, "whale@sandbox.test", None).unwrap();
    l.fund(WHALE, u64::MAX).unwrap();
    #[rustfmt::skip]
    let templates = [
        (PLAIN_TEMPLATE,      None,         None,      false),
        (EXPIRED_TEMPLATE,    Some(10_000), Some(100), true),
        (NO_DEFAULT_TEMPLATE, Some(10_000), None,      false),
        (SMALL_TEMPLATE,      Some(1_000),  Some(600), false),
    ];
    for (id, budget, default_amount, expired) in templates {
        #[rustfmt::skip]
        let t = Template { template_id: id.to_owned(), name: id.to_owned(), budget, default_amount, expired };
        l.add_template(t).unwrap();
    }
}

/// Everything in the ledger a call could change.
#[derive(Debug, Clone, PartialEq)]
#[rustfmt::skip]
struct Snapshot {
    accounts: Vec<Account>, packets: Vec<RedPacket>, operations: Vec<Operation>,
    templates: Vec<Template>, vouchers: Vec<Voucher>, freezes: Vec<Freeze>,
}
/// A sandbox gateway on 127.0.0.1:0, the client of its one app, and the money it holds.
#[rustfmt::skip]
struct Env { sb: Sandbox, c: AlipayClient, total: u128 }
#[rustfmt::skip]
impl Env {
    /// The [`world`] ledger, changed by nothing else.
    async fn new() -> Env {
        let gateway_key = GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap();
        let mut config = SandboxConfig::new(APP_ID, app_public(), gateway_key);
        world(&mut config.ledger);
        let sb = start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
        let c = client_with(&sb, APP_ID, "app_private_pkcs1.pem");
        let total = sb.with_ledger(|l| l.total_money());
        Env { sb, c, total }
    }
    fn balance(&self, user_id: &str) -> u64 {
        self.sb.with_ledger(|l| l.balance(user_id)).unwrap_or_else(|| panic!("no account {user_id}"))
    }
    fn packet(&self, auth_no: &str) -> RedPacket {
        let packet = self.sb.with_ledger(|l| l.red_packet(auth_no).cloned());
        packet.unwrap_or_else(|| panic!("no red packet {auth_no}"))
    }
    fn packets(&self) -> usize { self.sb.with_ledger(|l| l.red_packets().count()) }
    fn operations(&self) -> Vec<Operation> { self.sb.with_ledger(|l| l.operations().to_vec()) }
    /// The operation of `kind` whose own `out_order_no` / `out_request_no` is `key`.
    fn operation(&self, kind: OperationType, key: &str) -> Operation {
        let mut ops = self.operations().into_iter();
        let op = ops.find(|o| o.operation_type == kind && (o.out_order_no == key || o.out_request_no == key));
        op.unwrap_or_else(|| panic!("no {kind:?} operation {key}"))
    }
    fn freeze(&self, order: &str) -> Option<Freeze> { self.sb.with_ledger(|l| l.freeze(order).cloned()) }
    fn budget(&self, template: &str) -> Option<u64> {
        self.sb.with_ledger(|l: &Ledger| l.template(template).map(|t| t.budget)).unwrap()
    }
    fn books(&self) -> Snapshot {
        self.sb.with_ledger(|l| Snapshot {
            accounts: l.accounts().cloned().collect(), packets: l.red_packets().cloned().collect(),
            operations: l.operations().to_vec(), templates: l.templates().cloned().collect(),
            vouchers: l.vouchers().to_vec(), freezes: l.freezes().cloned().collect(),
        })
    }
    /// The ledger holds exactly the money it held after the setup.
    #[track_caller]
    fn conserved(&self) {
        assert_eq!(self.sb.with_ledger(|l| l.total_money()), self.total, "total money changed");
    }
    /// agreement.pay of `amount` from the merchant, `order` / `order-1`; the auth_no.
    async fn pay(&self, order: &str, amount: &str) -> String {
        let paid = self.c.execute(&agreement(order, amount)).await.unwrap();
        assert_eq!(paid.code.as_deref(), Some("10000"));
        paid.auth_no.expect("auth_no")
    }
    /// A disbursement or refund that must succeed; its node.
    async fn ok(&self, req: impl Into<Req>) -> Value { self.check(case("setup", req, Expect::Any)).await }
    /// An unpaid app.pay order, as the cashier opens it; its auth_no.
    fn pending_app_order(&self, order: &str, amount: &str) -> String {
        let reply = self.open(APP_PAY, &app_order(order, amount).biz_content());
        assert_eq!(reply.code(), "10000", "{}", reply.node);
        assert_eq!(reply.field("status"), Some("INIT"));
        reply.field("auth_no").expect("auth_no").to_owned()
    }
    /// The cashier opens a pending order of `method` with `biz`.
    fn open(&self, method: &str, biz: &str) -> alipay_sandbox::Reply {
        let at = now();
        self.sb.with_books(|b| b.create_pending_order(APP_ID, method, biz, &at))
    }
}

// ---- Requests, with the usual defaults.
/// The builder of request `T` for `amount`, `order` / `order-1`, titled `title`, with these
/// setters called: `ordered!(T = title, order, amount; setter(value), ...)`; built.
macro_rules! ordered {
    ($t:ty = $title:literal, $order:expr, $amount:expr $(; $($f:ident($v:expr)),*)?) => {{
        let r = <$t>::builder().out_order_no($order).out_request_no(format!("{}-1", $order));
        r.order_title($title).amount(yuan($amount))$($(.$f($v))*)?.build()
    }};
}
/// Sets optional (`with!`) or required (`set!`) fields of a request: `with!(request; field: value, ...)`.
macro_rules! with {
    ($r:expr; $($f:ident: $v:expr),* $(,)?) => {{ let mut r = $r; $(r.$f = Some($v.into());)* r }};
}
macro_rules! set {
    ($r:expr; $($f:ident: $v:expr),* $(,)?) => {{ let mut r = $r; $(r.$f = $v.into();)* r }};
}
fn agreement(order: &str, amount: &str) -> CouponOrderAgreementPayRequest {
    ordered!(CouponOrderAgreementPayRequest = "红包", order, amount)
}
fn app_order(order: &str, amount: &str) -> CouponOrderAppPayRequest {
    ordered!(CouponOrderAppPayRequest = "App红包", order, amount)
}
fn page_order(order: &str, amount: &str) -> CouponOrderPagePayRequest {
    ordered!(CouponOrderPagePayRequest = "网页红包", order, amount)
}
/// A voucher.create without payee.
fn voucher(order: &str, amount: &str) -> AuthOrderVoucherCreateRequest {
    ordered!(AuthOrderVoucherCreateRequest = "预授权发码", order, amount)
}
/// A disbursement of red packet `auth_no` to `payee` (a user id).
fn disburse(auth_no: &str, order: &str, amount: &str, to: &str) -> CouponOrderDisburseRequest {
    ordered!(CouponOrderDisburseRequest = "红包打款", order, amount; deduct_auth_no(auth_no), payee_user_id(uid(to)))
}
/// A disbursement to nobody from no packet yet: `.deduct_*` and `.payee_*` set by the caller.
fn disbursement(order: &str, amount: &str) -> CouponOrderDisburseRequest {
    let mut r = disburse(NO_PACKET, order, amount, NOBODY);
    (r.deduct_auth_no, r.payee_user_id) = (None, None);
    r
}
fn agreement_from(order: &str, amount: &str, payer: &str) -> CouponOrderAgreementPayRequest {
    with!(agreement(order, amount); payer_user_id: uid(payer))
}
fn voucher_to(order: &str, amount: &str, payee: &str) -> AuthOrderVoucherCreateRequest {
    with!(voucher(order, amount); payee_user_id: uid(payee))
}
fn refund(auth_no: &str, out_request_no: &str, amount: &str) -> CouponOrderRefundRequest {
    let r = CouponOrderRefundRequest::builder().auth_no(auth_no);
    let r = r.out_request_no(out_request_no).amount(yuan(amount));
    r.remark("红包退回").build()
}
/// An operation.query by `order` (`out_order_no`) / `request_no` (`out_request_no`).
fn query(order: &str, request_no: &str) -> CouponOperationQueryRequest {
    let r = CouponOperationQueryRequest::builder().out_request_no(request_no);
    r.out_order_no(order).build()
}
fn query_auth(auth_no: &str, request_no: &str) -> CouponOperationQueryRequest {
    let r = CouponOperationQueryRequest::builder().out_request_no(request_no);
    r.auth_no(auth_no).build()
}
fn query_op(auth_no: &str, operation_id: &str) -> CouponOperationQueryRequest {
    let r = CouponOperationQueryRequest::builder().auth_no(auth_no);
    r.operation_id(operation_id).build()
}
/// A voucher.send to nobody yet: `user_id` / `login_id` / `taobao_nick` set by the caller.
fn send(template: &str, out_biz_no: &str) -> VoucherSendRequest {
    set!(send_to(template, out_biz_no, NOBODY); user_id: None::<UserId>)
}
fn send_to(template: &str, out_biz_no: &str, user: &str) -> VoucherSendRequest {
    let r = VoucherSendRequest::builder().template_id(template);
    r.out_biz_no(out_biz_no).user_id(uid(user)).build()
}
fn send_amount(template: &str, out_biz_no: &str, to: &str, amount: &str) -> VoucherSendRequest {
    with!(send_to(template, out_biz_no, to); amount: yuan(amount))
}

// ---- Tables: a case is a request and what it must get; `Env::run` runs a table.
/// A typed request, validated and signed like `execute` does, sent as its [`Call`]; the
/// verified node, which must decode as the API's typed response.
async fn typed<A: Api>(c: &AlipayClient, r: &A) -> Result<Value, Error> {
    let answer = c.call(&Call::for_api(r)?).send().await?;
    if let Err(e) = parse_response::<A>(&answer.node) {
        panic!("the typed response does not decode: {e}")
    }
    Ok(serde_json::from_str(&answer.node).unwrap())
}
async fn untyped(c: &AlipayClient, call: &Call) -> Result<Value, Error> {
    let answer = c.call(call).send().await?;
    Ok(serde_json::from_str(&answer.node).unwrap())
}
/// `Req`, a request of a table: typed (answered with its typed response, written back to JSON
/// so a table names its fields), or untyped (`Raw`).
macro_rules! req {
    ($($v:ident($t:ty)),* $(,)?) => {
        enum Req { $($v($t),)* Raw(Call) }
        $(impl From<$t> for Req { fn from(r: $t) -> Req { Req::$v(r) } })*
        impl From<Call> for Req { fn from(call: Call) -> Req { Req::Raw(call) } }
        impl Req {
            async fn send(&self, c: &AlipayClient) -> Result<Value, Error> {
                match self { $(Req::$v(r) => typed(c, r).await,)* Req::Raw(call) => untyped(c, call).await }
            }
        }
    };
}
req! {
    Pay(CouponOrderAgreementPayRequest), Disburse(CouponOrderDisburseRequest),
    Refund(CouponOrderRefundRequest), Query(CouponOperationQueryRequest),
    Freeze(AuthOrderVoucherCreateRequest), Send(VoucherSendRequest),
}

/// What a field of a success must be: a value (from a `&str` or `String`), [`SET`], [`UNSET`]
/// or [`len`].
#[rustfmt::skip]
enum Want { Is(String), Present, Absent, Len(usize) }
const SET: Want = Want::Present;
const UNSET: Want = Want::Absent;
#[rustfmt::skip]
fn len(n: usize) -> Want { Want::Len(n) }
macro_rules! is {
    ($($t:ty),*) => {$(impl From<$t> for Want { fn from(v: $t) -> Want { Want::Is(v.to_string()) } })*};
}
is!(&str, &String, String);
impl Want {
    #[track_caller]
    fn check(&self, node: &Value, name: &str) {
        let got = node.get(name).filter(|v| !v.is_null());
        let text = got.and_then(Value::as_str);
        match self {
            Want::Is(v) => assert_eq!(text, Some(v.as_str()), "{name}"),
            Want::Present => assert!(got.is_some(), "{name} missing"),
            Want::Absent => assert!(got.is_none(), "{name} present"),
            Want::Len(n) => assert_eq!(text.map(str::len), Some(*n), "{name}"),
        }
    }
}

/// One case of a sequence, `step!(env, name, request, expect)`; its node.
macro_rules! step {
    ($env:expr, $($case:tt)*) => { $env.check(case($($case)*)).await };
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
/// A success: `ok!([(user, fen), ...]; field: want, ...)` moves exactly these balances, every
/// other unchanged; `ok!(same; field: want, ...)` changes nothing in the books.
macro_rules! ok {
    (same $(; $($f:ident: $v:expr),* $(,)?)?) => {
        Expect::Ok(vec![$($((stringify!($f), Want::from($v))),*)?], None)
    };
    ([$($m:expr),* $(,)?] $(; $($f:ident: $v:expr),* $(,)?)?) => {
        Expect::Ok(vec![$($((stringify!($f), Want::from($v))),*)?], Some(vec![$($m),*]))
    };
}
/// A refusal checked by `check`.
fn refused_by(check: impl Fn(&Error) + 'static) -> Expect {
    Expect::Err(Box::new(check))
}
/// A verified 40004 with the API's typed `code`, and its `handling`.
fn biz<C: Code + 'static>(code: C, handling: Option<Handling>) -> Expect {
    refused_by(move |e| _ = refused(e, &code, handling))
}
/// A verified 40004 with a `sub_code` not in the API's table (kept as sent, no handling) and
/// exactly this `sub_msg`.
fn kept<C: Code + 'static>(code: C, sub_msg: &'static str) -> Expect {
    refused_by(move |e| assert_eq!(refused(e, &code, None).sub_msg.as_deref(), Some(sub_msg)))
}
/// A verified gateway refusal `code` / `sub_code` whose `sub_msg` passes `msg`.
#[rustfmt::skip]
fn gateway(code: &'static str, sub_code: &'static str, msg: fn(&str) -> bool) -> Expect {
    refused_by(move |e| {
        let sub_msg = gateway_refused(e, code, sub_code).sub_msg.unwrap_or_default();
        assert!(msg(&sub_msg), "sub_msg: {sub_msg}");
    })
}
#[rustfmt::skip]
struct Case { name: &'static str, req: Req, expect: Expect, client: Option<AlipayClient> }
#[rustfmt::skip]
fn case(name: &'static str, req: impl Into<Req>, expect: Expect) -> Case {
    Case { name, req: req.into(), expect, client: None }
}
#[rustfmt::skip]
impl Case {
    /// Sent by another client.
    fn via(mut self, client: &AlipayClient) -> Case { self.client = Some(client.clone()); self }
}
#[rustfmt::skip]
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    let text = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()));
    text.unwrap_or_else(|| "panic".to_owned())
}
#[rustfmt::skip]
impl Env {
    /// Sends `case` and judges the reply: its node (`Null` for a refusal), or what failed.
    async fn attempt(&self, case: &Case) -> Result<Value, String> {
        let before = self.books();
        let reply = case.req.send(case.client.as_ref().unwrap_or(&self.c)).await;
        let judge = AssertUnwindSafe(|| self.judge(&case.expect, &before, reply));
        catch_unwind(judge).map_err(|p| panic_text(&*p))
    }
    /// One case of a sequence; its node.
    async fn check(&self, case: Case) -> Value {
        self.attempt(&case).await.unwrap_or_else(|m| panic!("case `{}` failed: {m}", case.name))
    }
    /// A table, in order; every failing case is reported by its name. The nodes.
    async fn run(&self, cases: Vec<Case>) -> Vec<Value> {
        let (mut nodes, mut failed) = (Vec::new(), Vec::new());
        for case in &cases {
            let node = self.attempt(case).await;
            nodes.push(node.unwrap_or_else(|m| { failed.push(format!("  {}: {m}", case.name)); Value::Null }));
        }
        let (n, m, failures) = (cases.len(), failed.len(), failed.join("\n"));
        assert!(m == 0, "{m} of {n} cases failed:\n{failures}");
        nodes
    }
    fn judge(&self, expect: &Expect, before: &Snapshot, reply: Result<Value, Error>) -> Value {
        let node = match (expect, reply) {
            (Expect::Ok(fields, moves), Ok(node)) => {
                assert_eq!(node["code"], "10000", "{node}");
                assert_eq!(node["msg"], "Success", "{node}");
                for (name, want) in fields { want.check(&node, name) }
                let after = self.books();
                match moves {
                    None => assert_eq!(&after, before, "the books changed"),
                    Some(moves) => for a in &after.accounts {
                        let was = before.accounts.iter().find(|b| b.user_id == a.user_id).map_or(0, |b| b.balance);
                        let moved = moves.iter().find(|m| m.0 == a.user_id).map_or(0, |m| m.1);
                        assert_eq!(i128::from(a.balance) - i128::from(was), moved, "balance of {}", a.user_id);
                    },
                }
                node
            }
            (Expect::Any, Ok(node)) => { assert_eq!(node["code"], "10000", "{node}"); node }
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

// ---- Typed business errors.
/// The generated `<Name>ErrorCode` enums, behind one interface.
#[rustfmt::skip]
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
code!(PayCode, DisburseCode, RefundCode);
code!(QueryCode, FreezeCode, SendCode);
/// `e` is a verified `40004 Business Failed` whose `sub_code` is `expected`, which the API's
/// `ErrorCode::of` reads back as `expected` with `handling`; a documented code answers with
/// its documented meaning as `sub_msg`. Returns the gateway's verdict.
#[track_caller]
#[rustfmt::skip]
fn refused<C: Code>(e: &Error, expected: &C, handling: Option<Handling>) -> ApiError {
    let Error::Business(a) = e else { panic!("expected 40004 {}, got {e}", expected.wire()) };
    let (code, msg, sub_code) = (a.code.as_str(), a.msg.as_str(), a.sub_code.as_deref());
    assert_eq!((code, msg, sub_code), ("40004", "Business Failed", Some(expected.wire())), "{e}");
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
#[rustfmt::skip]
fn gateway_refused(e: &Error, code: &str, sub_code: &str) -> ApiError {
    let Error::Gateway(a) = e else { panic!("expected {code} {sub_code}, got {e}") };
    assert_eq!((a.code.as_str(), a.sub_code.as_deref()), (code, Some(sub_code)), "{e}");
    assert!(a.verified, "{e}");
    assert_eq!(e.outcome(), Outcome::Rejected);
    (**a).clone()
}

// ---- alipay.fund.coupon.order.agreement.pay
#[tokio::test(flavor = "multi_thread")]
async fn agreement_pay_table() {
    let env = Env::new().await;
    #[rustfmt::skip]
    let first = case("the merchant pays by default", agreement("P1", "10.00"), ok!([(DEMO_MERCHANT, -1000)]; out_order_no: "P1", out_request_no: "P1-1", amount: "10.00", status: "SUCCESS", gmt_trans: SET, auth_no: len(28), operation_id: len(19)));
    let paid = env.check(first).await;
    let (auth_no, operation_id) = (text(&paid, "auth_no"), text(&paid, "operation_id"));
    let p = env.packet(&auth_no);
    let ids = (
        p.out_order_no.as_str(),
        p.app_id.as_str(),
        p.payer_user_id.as_deref(),
    );
    assert_eq!(ids, ("P1", APP_ID, Some(DEMO_MERCHANT)));
    let amounts = (p.total, p.remaining, p.refunded);
    assert_eq!((p.status, amounts), (Status::Success, (1000, 1000, 0)));
    #[rustfmt::skip]
    let ops: Vec<_> = env.operations().into_iter().map(|o| (o.operation_type, o.operation_id)).collect();
    assert_eq!(ops, [(OperationType::Freeze, operation_id.clone())]);
    assert_eq!(env.balance(CAROL), 1000);
    let (a, op) = (&auth_no, &operation_id);
    // The same content written differently ("10" is 10.00) is the same request.
    let written_differently = Call::new(AGREEMENT_PAY).biz_content(
        r#"{"out_order_no":"P1","out_request_no":"P1-1","order_title":"红包","amount":"10"}"#,
    );
    // agreement.pay has no documented error table: the codes are kept as sent.
    let other = |code: &str| PayCode::Other(code.into());
    // A refusal is not remembered: the same out_order_no, fixed, goes through (P4).
    #[rustfmt::skip]
    let cases = vec![
        case("a named payer pays", agreement_from("P2", "12.34", ALICE), ok!([(ALICE, -1234)])),
        case("an unknown payer", agreement_from("P3", "1.00", NOBODY), kept(other("PAYER_NOT_EXIST"), "付款方支付宝账户不存在")),
        case("over the payer's balance", agreement_from("P4", "10.01", CAROL), kept(other("MONEY_NOT_ENOUGH"), "付款方余额不足")),
        case("the whole balance, under the refused order number", agreement_from("P4", "10.00", CAROL), ok!([(CAROL, -1000)]; amount: "10.00")),
        case("a restricted payer", agreement_from("P5", "1.00", DAN), biz(other("PAYER_USER_STATUS_LIMIT"), None)),
        case("replayed", agreement("P1", "10.00"), ok!(same; auth_no: a, operation_id: op, amount: "10.00")),
        case("replayed, written differently", written_differently, ok!(same; auth_no: a, operation_id: op)),
        case("the same order number, other content", agreement("P1", "10.01"), kept(other("UNIQUE_VIOLATION"), "下单失败,商户订单号重复")),
    ];
    env.run(cases).await;
    let p2 = env
        .sb
        .with_ledger(|l| l.red_packet_by_out_order_no("P2").cloned());
    let p2 = p2.unwrap();
    let p2 = (p2.payer_user_id.as_deref(), p2.remaining);
    assert_eq!(p2, (Some(ALICE), 1234));
    assert_eq!(env.balance(CAROL), 0);
    // P1, P2, P4: the replays opened nothing.
    assert_eq!(env.packets(), 3);
}

// ---- alipay.fund.coupon.order.disburse
#[tokio::test(flavor = "multi_thread")]
async fn disburse_table() {
    let env = Env::new().await;
    let mut p = Vec::new();
    for order in ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"] {
        p.push(env.pay(order, "10.00").await);
    }
    let unpaid = env.pending_app_order("A1", "8.00");
    let not_exist = || biz(DisburseCode::AuthOrderNotExist, FIX);
    let payee_not_exist = || biz(DisburseCode::PayeeNotExist, FIX);
    let unique = || biz(DisburseCode::UniqueViolation, NEW_ORDER);
    let not_enough = || biz(DisburseCode::MoneyNotEnough, FIX);
    let (p0, p3) = (p[0].as_str(), p[3].as_str());
    let unknown = "20990101000020000000000000099";
    // The red packet's own order number: one namespace of order numbers (ALY-711128).
    #[rustfmt::skip]
    let cases = vec![
        case("by deduct_auth_no", disburse(p0, "D1", "3.50", ALICE), ok!([(ALICE, 350)]; auth_no: p0, out_order_no: "D1", out_request_no: "D1-1", amount: "3.50", status: "SUCCESS", gmt_trans: SET, operation_id: len(19))),
        case("by deduct_out_order_no, to a logon id", with!(disbursement("D2", "0.01"); deduct_out_order_no: "P2", payee_logon_id: BOB_LOGON), ok!([(BOB, 1)]; auth_no: &p[1])),
        case("deduct_auth_no wins over deduct_out_order_no", with!(disburse(&p[2], "D3", "4.00", ALICE); deduct_out_order_no: "P8"), ok!([(ALICE, 400)]; auth_no: &p[2])),
        case("an unknown deduct_auth_no does not fall back to deduct_out_order_no", with!(disburse(unknown, "D4", "1.00", ALICE); deduct_out_order_no: "P8"), not_exist()),
        case("an unknown deduct_auth_no", disburse(NO_PACKET, "D4", "1.00", ALICE), not_exist()),
        case("an unknown deduct_out_order_no", with!(disbursement("D4", "1.00"); deduct_out_order_no: "NO-SUCH-ORDER", payee_user_id: uid(ALICE)), not_exist()),
        case("a disbursement's own order number is not a packet", with!(disbursement("D4", "1.00"); deduct_out_order_no: "D1", payee_user_id: uid(ALICE)), not_exist()),
        case("an unknown payee_user_id", disburse(p3, "D4", "1.00", NOBODY), payee_not_exist()),
        case("an unknown payee_logon_id", with!(disbursement("D4", "1.00"); deduct_auth_no: p3, payee_logon_id: NOBODY_LOGON), payee_not_exist()),
        case("an unknown payee_user_id does not fall back to a valid logon id", with!(disburse(p3, "D4", "1.00", NOBODY); payee_logon_id: BOB_LOGON), payee_not_exist()),
        case("a known payee_user_id is paid when the logon id names someone else", with!(disburse(p3, "D5", "1.00", ALICE); payee_logon_id: BOB_LOGON), ok!([(ALICE, 100)])),
        case("over the remainder", disburse(&p[4], "D6", "10.01", ALICE), not_enough()),
        case("the whole remainder, under the refused order number", disburse(&p[4], "D6", "10.00", ALICE), ok!([(ALICE, 1000)])),
        case("then not one fen more", disburse(&p[4], "D7", "0.01", ALICE), not_enough()),
        case("an order number reused with another amount", disburse(p0, "D1", "3.51", ALICE), unique()),
        case("a request number reused on the same packet under a new order number", set!(disburse(p0, "D8", "3.50", ALICE); out_request_no: "D1-1"), unique()),
        case("the red packet's own order number", disburse(p0, "P1", "1.00", ALICE), unique()),
        case("a disbursement", disburse(&p[5], "D9", "3.00", ALICE), ok!([(ALICE, 300)])),
        case("a refund closes the packet", refund(&p[5], "R9", "2.00"), ok!([(DEMO_MERCHANT, 200)])),
        case("from a closed packet", disburse(&p[5], "D10", "1.00", ALICE), biz(DisburseCode::OrderAlreadyClosed, NEW_ORDER)),
        case("that would overflow the payee", disburse(&p[6], "D11", "0.01", WHALE), biz(DisburseCode::SystemError, RETRY)),
    ];
    let nodes = env.run(cases).await;
    let remaining = |i: usize| env.packet(&p[i]).remaining;
    let all: Vec<_> = (0..8).map(remaining).collect();
    assert_eq!(all, [650, 999, 600, 900, 0, 500, 1000, 1000]);
    assert_eq!(env.packet(&p[5]).status, Status::Closed);
    let op = env.operation(OperationType::Pay, "D1");
    assert_eq!(op.operation_id, text(&nodes[0], "operation_id"));
    let users = (
        op.payer_user_id.as_deref(),
        op.payee_user_id.as_deref(),
        op.amount,
    );
    assert_eq!(users, (Some(DEMO_MERCHANT), Some(ALICE), 350));
    // Retried with the same parameters once the whale has spent a little, it goes through.
    env.ok(agreement_from("W1", "1.00", WHALE)).await;
    let overflowing = disburse(&p[6], "D11", "0.01", WHALE);
    step!(env, "retried", overflowing, ok!([(WHALE, 1)]));
    assert_eq!(env.balance(WHALE), u64::MAX - 100 + 1);
    assert_eq!(remaining(6), 999);
    // A restricted payee: once the user has acted, the very same request goes through.
    let request = disburse(p3, "D12", "2.00", DAN);
    let limited = biz(DisburseCode::PayeeUserStatusLimit, USER);
    step!(env, "a restricted payee", request.clone(), limited);
    env.sb.with_books(|b| b.restrict(DAN, false)).unwrap();
    step!(env, "the restriction lifted", request, ok!([(DAN, 200)]));
    assert_eq!(remaining(3), 700);
    // An unpaid order; paid by bob at the cashier, the same disbursement goes through.
    let request = disburse(&unpaid, "D13", "1.00", ALICE);
    let unpaid_refused = biz(DisburseCode::IllegalStatus, Some(Handling::QueryThenDecide));
    step!(env, "an unpaid order", request.clone(), unpaid_refused);
    pay_at_cashier(&env, "A1", BOB, 800);
    step!(env, "the order paid", request, ok!([(ALICE, 100)]));
    assert_eq!(env.packet(&unpaid).remaining, 700);
}

#[tokio::test(flavor = "multi_thread")]
async fn disburse_replayed_moves_money_once() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", "10.00").await;
    let request = disburse(&auth_no, "D1", "2.50", ALICE);
    let first = step!(env, "first", request.clone(), ok!([(ALICE, 250)]));
    let (op, at) = (text(&first, "operation_id"), text(&first, "gmt_trans"));
    let same = || ok!(same; operation_id: &op, gmt_trans: &at, amount: "2.50");
    let replay = |name| case(name, request.clone(), same());
    env.run(vec![replay("second"), replay("third")]).await;
    assert_eq!(env.packet(&auth_no).remaining, 750);
}

// ---- alipay.fund.coupon.order.refund
#[tokio::test(flavor = "multi_thread")]
async fn refund_table() {
    let env = Env::new().await;
    let alices = agreement_from("P1", "10.00", ALICE);
    let alices = step!(env, "alice pays", alices, Expect::Any);
    let alices = text(&alices, "auth_no");
    env.ok(disburse(&alices, "D1", "3.00", BOB)).await;
    let p2 = env.pay("P2", "10.00").await;
    env.ok(disburse(&p2, "D2", "3.00", ALICE)).await;
    let p3 = env.pay("P3", "10.00").await;
    env.ok(disburse(&p3, "D3", "1.00", ALICE)).await;
    let unpaid = env.pending_app_order("A1", "5.00");
    // Not in refund's error table (chosen to match disburse): kept as sent, no handling.
    let other = |code: &str| RefundCode::Other(code.into());
    let unique = || biz(RefundCode::UniqueViolation, Some(Handling::NewOutRequestNo));
    // Further refunds of the rest are allowed; the payer gets every fen back.
    #[rustfmt::skip]
    let cases = vec![
        case("the payer gets the refund", refund(&alices, "R1", "2.00"), ok!([(ALICE, 200)]; auth_no: &alices, out_order_no: "P1", out_request_no: "R1", amount: "2.00", status: "SUCCESS", operation_id: SET, gmt_trans: SET)),
        case("the rest, refunded again", refund(&alices, "R2", "5.00"), ok!([(ALICE, 500)]; amount: "5.00")),
        case("over the remainder", refund(&p2, "R3", "7.01"), kept(other("MONEY_NOT_ENOUGH"), "退款金额超过红包剩余金额")),
        case("the whole remainder, under the refused request number", refund(&p2, "R3", "7.00"), ok!([(DEMO_MERCHANT, 700)])),
        case("an unknown red packet", refund(NO_PACKET, "R4", "1.00"), kept(other("AUTH_ORDER_NOT_EXIST"), "入参有误,导致红包对应的订单不存在")),
        case("an unpaid order", refund(&unpaid, "R5", "1.00"), kept(other("ILLEGAL_STATUS"), "订单状态非法")),
        case("a refund", refund(&p3, "R6", "4.00"), ok!([(DEMO_MERCHANT, 400)])),
        case("a request number reused with another amount", refund(&p3, "R6", "4.01"), unique()),
        case("a disbursement's request number on the same packet", refund(&p3, "D3-1", "1.00"), unique()),
    ];
    let nodes = env.run(cases).await;
    let packet = env.packet(&alices);
    assert_eq!(packet.status, Status::Closed);
    assert_eq!((packet.remaining, packet.refunded), (0, 700));
    let ops = env.operations().into_iter();
    let ops = ops.filter(|op| op.operation_type == OperationType::Refund && op.auth_no == alices);
    #[rustfmt::skip]
    let refunds: Vec<_> = ops.map(|op| (op.out_request_no, op.amount, op.payer_user_id)).collect();
    let r = |no: &str, fen| (no.to_owned(), fen, Some(ALICE.to_owned()));
    assert_eq!(refunds, [r("R1", 200), r("R2", 500)]);
    assert_eq!(env.packet(&p2).remaining, 0);
    let op = text(&nodes[6], "operation_id");
    let replay = ok!(same; operation_id: op, amount: "4.00");
    step!(env, "replayed", refund(&p3, "R6", "4.00"), replay);
    assert_eq!(env.packet(&p3).remaining, 500);
}

#[tokio::test(flavor = "multi_thread")]
async fn refund_that_would_overflow_the_payer_is_system_error() {
    let mut env = Env::new().await;
    let paid = agreement_from("P1", "10.00", WHALE);
    let paid = step!(env, "the whale pays", paid, Expect::Any);
    let auth_no = text(&paid, "auth_no");
    // The operator tops the whale up to the maximum again.
    assert_eq!(env.sb.with_books(|b| b.fund(WHALE, 1000)), Ok(u64::MAX));
    env.total += 1000;
    let system = kept(RefundCode::Other("SYSTEM_ERROR".into()), "系统繁忙");
    step!(env, "overflowing", refund(&auth_no, "R1", "0.01"), system);
    assert_eq!(env.packet(&auth_no).status, Status::Success);
}

// ---- alipay.fund.coupon.operation.query
#[tokio::test(flavor = "multi_thread")]
async fn query_table() {
    let env = Env::new().await;
    let paid = step!(env, "pay", agreement("P1", "10.00"), Expect::Any);
    let (a, pay_op) = (&text(&paid, "auth_no"), text(&paid, "operation_id"));
    let d_op = env.ok(disburse(a, "D1", "3.00", ALICE)).await;
    let d_op = text(&d_op, "operation_id");
    let r_op = text(&env.ok(refund(a, "R1", "2.00")).await, "operation_id");
    let second = env.pay("P2", "10.00").await;
    let other_op = env.ok(disburse(&second, "D2", "1.00", ALICE)).await;
    let other_op = text(&other_op, "operation_id");
    assert_ne!(ALICE_LOGON, "ali***@sandbox.test");
    let other = |code: &str| QueryCode::Other(code.into());
    let no_order = || kept(other("AUTH_ORDER_NOT_EXIST"), "红包对应的订单不存在");
    let no_op = || kept(other("AUTH_OPERATION_NOT_EXIST"), "红包资金操作流水不存在");
    let d_op_wins = with!(query_op(a, &d_op); out_order_no: "P2", out_request_no: "P1-1");
    #[rustfmt::skip]
    let cases = vec![
        case("the funding, by auth_no + operation_id", query_op(a, &pay_op), ok!(same; auth_no: a, out_order_no: "P1", operation_id: &pay_op, out_request_no: "P1-1", operation_type: "FREEZE", amount: "10.00", status: "SUCCESS", order_title: "红包", payer_user_id: DEMO_MERCHANT, payer_logon_id: "mer***@sandbox.test", payee_user_id: UNSET, total_pay_refund_amount: "2.00")),
        case("the disbursement, by its own out_order_no + out_request_no", query("D1", "D1-1"), ok!(same; auth_no: a, out_order_no: "D1", operation_id: &d_op, operation_type: "PAY", amount: "3.00", order_title: "红包打款", payee_user_id: ALICE, payee_logon_id: "ali***@sandbox.test")),
        case("the refund, by the packet's out_order_no + out_request_no", query("P1", "R1"), ok!(same; operation_id: &r_op, operation_type: "REFUND", amount: "2.00", remark: "红包退回", payer_user_id: DEMO_MERCHANT)),
        case("auth_no and operation_id win", d_op_wins, ok!(same; auth_no: a, operation_id: &d_op, operation_type: "PAY", amount: "3.00")),
        case("an unknown auth_no",                  query_auth(NO_PACKET, "P1-1"),          no_order()),
        case("an unknown out_order_no",             query("NO-SUCH-ORDER", "P1-1"),         no_order()),
        case("an unknown operation_id",             query_op(a, "20990101000000000099"),    no_op()),
        case("an unknown out_request_no",           query("P1", "NO-SUCH-REQUEST"),         no_op()),
        case("an operation of another red packet",  query_op(a, &other_op),                 no_op()),
    ];
    env.run(cases).await;
}

// ---- alipay.fund.auth.order.voucher.create (+ the scan)
#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_then_a_scan_freezes_the_scanners_money() {
    let env = Env::new().await;
    // Creating the code moves no money.
    let code = ok!([]; out_order_no: "F1", out_request_no: "F1-1", code_type: "qrCode");
    let v = step!(env, "a code for bob", voucher_to("F1", "20.00", BOB), code);
    let freeze = env.freeze("F1").unwrap();
    let code_value = format!("https://qr.sandbox.alipay-rs.test/fz{}", freeze.auth_no);
    assert_eq!(v["code_value"].as_str(), Some(code_value.as_str()));
    assert!(text(&v, "code_url").contains(&freeze.auth_no));
    let state = (
        freeze.status,
        freeze.amount,
        freeze.payee_user_id.as_deref(),
    );
    assert_eq!(state, (Status::Init, 2000, Some(BOB)));
    assert_eq!(freeze.app_id, APP_ID);
    let alice = env.balance(ALICE);
    let scan = |who| env.sb.with_books(|b| b.scan_voucher("F1", who, &now()));
    let event = scan(ALICE).unwrap();
    assert_eq!(event.notify_type, "fund_auth_freeze");
    assert_eq!(event.app_id, APP_ID);
    #[rustfmt::skip]
    let fields = [
        ("auth_no", freeze.auth_no.as_str()), ("out_order_no", "F1"), ("operation_type", "FREEZE"),
        ("amount", "20.00"), ("status", "SUCCESS"), ("payer_user_id", ALICE),
        ("payer_logon_id", "ali***@sandbox.test"), ("payee_user_id", BOB), ("rest_amount", "20.00"),
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
    let again = scan(CAROL).map(|_| ());
    assert_eq!(again, Err(LedgerError::AlreadyPaid("F1".into())));
    assert_eq!(env.balance(ALICE), alice - 2000);
    env.conserved();
}

#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_table() {
    let env = Env::new().await;
    env.pay("P1", "10.00").await;
    let payee_not_exist = || biz(FreezeCode::PayeeNotExist, FIX);
    let limited = || biz(FreezeCode::PayeeUserStatusLimit, USER);
    let unique = || biz(FreezeCode::UniqueViolation, NEW_ORDER);
    // The red packet's order number: one namespace of order numbers.
    #[rustfmt::skip]
    let cases = vec![
        case("without payee", voucher("F1", "600.00"), ok!([])),
        case("for bob", voucher_to("F2", "1.00", BOB), ok!([])),
        case("a code", voucher_to("F3", "20.00", BOB), ok!([])),
        case("an unknown payee_user_id", voucher_to("F4", "1.00", NOBODY), payee_not_exist()),
        case("an unknown payee_logon_id", with!(voucher("F5", "1.00"); payee_logon_id: NOBODY_LOGON), payee_not_exist()),
        case("an unknown payee_user_id does not fall back to a valid logon id", with!(voucher_to("F6", "1.00", NOBODY); payee_logon_id: BOB_LOGON), payee_not_exist()),
        case("a restricted payee_user_id", voucher_to("F7", "1.00", DAN), limited()),
        case("a restricted payee_logon_id", with!(voucher("F8", "1.00"); payee_logon_id: DAN_LOGON), limited()),
        case("an order number reused with another amount", voucher_to("F3", "20.01", BOB), unique()),
        case("the red packet's order number", voucher_to("P1", "20.00", BOB), unique()),
    ];
    let nodes = env.run(cases).await;
    let (value, url) = (text(&nodes[2], "code_value"), text(&nodes[2], "code_url"));
    let request = voucher_to("F3", "20.00", BOB);
    let replay = ok!(same; code_value: value, code_url: url);
    step!(env, "replayed", request, replay);
    for order in ["F4", "F5", "F6", "F7", "F8", "P1"] {
        assert!(env.freeze(order).is_none(), "{order}");
    }
    assert_eq!(env.freeze("F1").map(|f| f.payee_user_id), Some(None));
    assert_eq!(env.freeze("F3").map(|f| f.amount), Some(2000));
    // Scans the ledger refuses: (order, scanner, error); bob has 500.00.
    let before = env.books();
    #[rustfmt::skip]
    let scans = [
        ("F1",      BOB,   LedgerError::MoneyNotEnough { user_id: BOB.into(), needed: 60_000, balance: 50_000 }),
        ("F1",      DAN,   LedgerError::PayerRestricted(DAN.into())),
        ("F2",      BOB,   LedgerError::PayerPayeeEqual(BOB.into())),
        ("NO-SUCH", ALICE, LedgerError::UnknownOrder("NO-SUCH".into())),
    ];
    for (order, who, error) in scans {
        let scanned = env.sb.with_books(|b| b.scan_voucher(order, who, &now()));
        assert_eq!(scanned.map(|_| ()), Err(error), "{order} scanned by {who}");
    }
    assert_eq!(env.books(), before);
    assert_eq!(env.freeze("F1").map(|f| f.status), Some(Status::Init));
    env.conserved();
}

// ---- alipay.marketing.voucher.send
#[tokio::test(flavor = "multi_thread")]
async fn voucher_send_table() {
    let env = Env::new().await;
    assert_eq!(env.budget(DEMO_TEMPLATE), Some(100_000));
    let explicit = with!(send(DEMO_TEMPLATE, "V2"); login_id: ALICE_LOGON, amount: yuan("8.88"));
    #[rustfmt::skip]
    let cases = vec![
        case("the default face value, by user_id", send_to(DEMO_TEMPLATE, "V1", CAROL), ok!([(CAROL, 500)]; voucher_id: len(28), user_id: CAROL)),
        case("an explicit amount, by login_id", with!(explicit; memo: "感谢参与"), ok!([(ALICE, 888)]; user_id: ALICE)),
        case("by taobao_nick", with!(send(DEMO_TEMPLATE, "V3"); taobao_nick: BOB_NICK), ok!([(BOB, 500)]; user_id: BOB)),
    ];
    let nodes = env.run(cases).await;
    assert_eq!(env.budget(DEMO_TEMPLATE), Some(100_000 - 500 - 888 - 500));
    let vouchers = env.sb.with_ledger(|l| l.vouchers().to_vec());
    #[rustfmt::skip]
    let summary: Vec<_> = vouchers.iter().map(|v| (v.out_biz_no.as_str(), v.user_id.as_str(), v.amount)).collect();
    let want = [("V1", CAROL, 500), ("V2", ALICE, 888), ("V3", BOB, 500)];
    assert_eq!(summary, want);
    assert_eq!(vouchers[1].memo.as_deref(), Some("感谢参与"));
    assert_eq!(vouchers[0].voucher_id, text(&nodes[0], "voucher_id"));
    let user_not_exist = || biz(SendCode::UserNotExist, FIX);
    let invalid = || biz(SendCode::InvalidParameter, FIX);
    let restricted = || biz(SendCode::UserStatusError, USER);
    // Not in voucher.send's error table (chosen): kept as sent.
    let other = |code: &str| SendCode::Other(code.into());
    let budget = || kept(other("MONEY_NOT_ENOUGH"), "红包模板预算不足");
    let taken = "同一模板的外部业务号已用于不同的发券请求";
    let reused = || kept(other("UNIQUE_VIOLATION"), taken);
    let templates = env.books().templates;
    let plain = send_to(PLAIN_TEMPLATE, "V1", ALICE);
    let free = ok!([]; voucher_id: SET);
    step!(env, "an ordinary template moves no money", plain, free);
    assert_eq!(env.books().templates, templates);
    let (demo, no_default, small) = (DEMO_TEMPLATE, NO_DEFAULT_TEMPLATE, SMALL_TEMPLATE);
    // user_id > login_id > taobao_nick, with no fallback from an unknown user_id nor from an
    // unknown login_id. SMALL_TEMPLATE: budget 10.00, default 6.00, so the first default goes
    // through, the second does not fit. The out_biz_no key is template_id + out_biz_no.
    #[rustfmt::skip]
    let cases = vec![
        case("an unknown template", send_to("20260101000730010040000000NO", "V4", ALICE), biz(SendCode::TemplateNotExist, FIX)),
        case("an expired template", send_to(EXPIRED_TEMPLATE, "V4", ALICE), biz(SendCode::TemplateExpired, FIX)),
        case("an unknown user_id", send_to(demo, "V4", NOBODY), user_not_exist()),
        case("an unknown login_id", with!(send(demo, "V5"); login_id: NOBODY_LOGON), user_not_exist()),
        case("an unknown taobao_nick", with!(send(demo, "V6"); taobao_nick: "nobody_tb"), user_not_exist()),
        case("an unknown user_id does not fall back", with!(send_to(demo, "V7", NOBODY); login_id: ALICE_LOGON, taobao_nick: BOB_NICK), user_not_exist()),
        case("an unknown login_id does not fall back", with!(send(demo, "V8"); login_id: NOBODY_LOGON, taobao_nick: BOB_NICK), user_not_exist()),
        case("a known user_id wins over the others", with!(send_to(demo, "V9", CAROL); login_id: ALICE_LOGON), ok!([(CAROL, 500)]; user_id: CAROL)),
        case("a restricted user_id", send_to(demo, "V10", DAN), restricted()),
        case("a restricted taobao_nick", with!(send(demo, "V11"); taobao_nick: DAN_NICK), restricted()),
        case("an amount on an ordinary template", send_amount(PLAIN_TEMPLATE, "V2", ALICE, "1.00"), invalid()),
        case("no amount on a red-packet template without a default", send_to(no_default, "V2", ALICE), invalid()),
        case("fixed with an amount", send_amount(no_default, "V2", ALICE, "0.01"), ok!([(ALICE, 1)])),
        case("the default within the budget", send_to(small, "V1", ALICE), ok!([(ALICE, 600)])),
        case("the default over the budget", send_to(small, "V2", ALICE), budget()),
        case("an amount over the budget", send_amount(small, "V3", ALICE, "4.01"), budget()),
        case("exactly the rest of the budget", send_amount(small, "V3", ALICE, "4.00"), ok!([(ALICE, 400)])),
        case("a voucher", send_amount(demo, "R1", ALICE, "2.00"), ok!([(ALICE, 200)])),
        case("an out_biz_no reused with another amount", send_amount(demo, "R1", ALICE, "2.01"), reused()),
        case("an out_biz_no reused for another user", send_amount(demo, "R1", BOB, "2.00"), reused()),
        case("another template may use the out_biz_no", send_amount(no_default, "R1", ALICE, "1.00"), ok!([(ALICE, 100)])),
        case("that would overflow the user", send_to(demo, "V12", WHALE), biz(SendCode::SystemError, RETRY)),
    ];
    let nodes = env.run(cases).await;
    #[rustfmt::skip]
    let plain = env.books().vouchers.into_iter().find(|v| v.template_id == PLAIN_TEMPLATE).map(|v| v.amount);
    assert_eq!(plain, Some(0));
    #[rustfmt::skip]
    let budgets = [(PLAIN_TEMPLATE, None), (NO_DEFAULT_TEMPLATE, Some(10_000 - 1 - 100)), (SMALL_TEMPLATE, Some(0))];
    for (template, budget) in budgets {
        assert_eq!(env.budget(template), budget, "{template}");
    }
    let replay = ok!(same; voucher_id: text(&nodes[17], "voucher_id"));
    let request = send_amount(DEMO_TEMPLATE, "R1", ALICE, "2.00");
    step!(env, "replayed", request, replay);
}

// ---- alipay.fund.coupon.order.app.pay / page.pay: checked like the cashier would, then paid.
/// Percent/form-decodes `a=b&c=d` (UTF-8).
fn decode_pairs(text: &str) -> Vec<(String, String)> {
    Charset::Utf8.form_decode(text.as_bytes()).unwrap()
}
/// What the sandbox's cashier checks before it opens an order: the common parameters, a fresh
/// timestamp and the app's RSA2 signature over every parameter but `sign`. The parameters.
#[track_caller]
#[rustfmt::skip]
fn cashier_accepts(pairs: Vec<(String, String)>, method: &str) -> Params {
    let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    let unique: std::collections::BTreeSet<_> = names.iter().collect();
    assert!(unique.len() == names.len(), "a parameter is repeated: {names:?}");
    let params: Params = pairs.into_iter().collect();
    let common = [("method", method), ("app_id", APP_ID), ("charset", "utf-8"), ("version", "1.0"),
        ("sign_type", "RSA2")];
    for (name, value) in common { assert_eq!(params.get(name), Some(value), "{name}") }
    let sent = Timestamp::parse(params.get("timestamp").expect("timestamp")).unwrap();
    assert_eq!(&sent.as_str()[..10], &Timestamp::now().as_str()[..10]);
    let sign = base64::engine::general_purpose::STANDARD.decode(params.get("sign").expect("sign"));
    let (sign, content) = (sign.unwrap(), params.sign_content());
    let verified = app_public().verify(SignType::Rsa2, content.as_bytes(), &sign);
    assert!(verified, "the app's signature does not verify: {content}");
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
    let reply = env.open(method, params.get("biz_content").unwrap());
    assert_eq!(reply.code(), "10000", "{}", reply.node);
    assert!(reply.events.is_empty());
    reply.node
}
/// The pending order `node` is `INIT`, `out_order_no`, `amount`; its auth_no.
#[track_caller]
#[rustfmt::skip]
fn pending(node: &Value, order: &str, amount: &str) -> String {
    let want = [("status", "INIT"), ("out_order_no", order), ("amount", amount)];
    for (name, want) in want { assert_eq!(node[name], want) }
    text(node, "auth_no")
}
/// A cashier pays `order` as `payer`, who is debited `fen`.
fn pay_at_cashier(env: &Env, order: &str, payer: &str, fen: u64) {
    let was = env.balance(payer);
    let at = now();
    env.sb
        .with_books(|b| b.pay_order(order, payer, &at))
        .unwrap();
    assert_eq!(env.balance(payer), was - fen);
    env.conserved();
}
/// The query of a paid order.
fn paid_freeze(a: &str, amount: &str, payer: &str) -> Expect {
    ok!(same; auth_no: a, operation_type: "FREEZE", status: "SUCCESS", amount: amount,
        payer_user_id: payer, gmt_trans: SET)
}

#[tokio::test(flavor = "multi_thread")]
async fn app_pay_order_string_is_accepted_by_the_cashier_and_paid() {
    let env = Env::new().await;
    let c = builder_with(&env.sb, APP_ID, "app_private_pkcs1.pem").notify_url(NOTIFY_URL);
    let c = c.return_url("http://127.0.0.1:9/return").build().unwrap();
    let request = app_order("A1", "6.66");
    let order_string = c.sdk_execute(&request).unwrap();
    assert!(order_string.starts_with("method=alipay.fund.coupon.order.app.pay&app_id="));
    let params = cashier_accepts(decode_pairs(&order_string), APP_PAY);
    let biz = request.biz_content();
    // app.pay takes no return_url.
    #[rustfmt::skip]
    let want = [("biz_content", Some(biz.as_str())), ("notify_url", Some(NOTIFY_URL)), ("return_url", None)];
    for (name, want) in want {
        assert_eq!(params.get(name), want, "{name}");
    }
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
    assert_eq!(env.packets(), 1);
    // Before paying, the query tells INIT.
    let init = ok!(same; status: "INIT", payer_user_id: UNSET);
    step!(env, "query before paying", query("A1", "A1-1"), init);
    pay_at_cashier(&env, "A1", ALICE, 666);
    let paid = paid_freeze(&auth_no, "6.66", ALICE);
    step!(env, "query after paying", query("A1", "A1-1"), paid);
    // The paid red packet is disbursed like any other.
    let d1 = disbursement("D1", "6.66");
    let d1 = with!(d1; deduct_out_order_no: "A1", payee_user_id: uid(BOB));
    step!(env, "disbursed", d1, ok!([(BOB, 666)]));
    assert_eq!(env.packet(&auth_no).remaining, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn app_pay_orders_the_cashier_refuses() {
    let env = Env::new().await;
    env.pending_app_order("A1", "10.01");
    env.pending_app_order("A2", "1.00");
    let before = env.books();
    let pay = |order: &str, who: &str| env.sb.with_books(|b| b.pay_order(order, who, &now()));
    // (order, payer, error); carol has 10.00: the order stays unpaid.
    #[rustfmt::skip]
    let refusals = [
        ("A1",      CAROL, LedgerError::MoneyNotEnough { user_id: CAROL.into(), needed: 1001, balance: 1000 }),
        ("NO-SUCH", ALICE, LedgerError::UnknownOrder("NO-SUCH".into())),
        ("A2",      DAN,   LedgerError::PayerRestricted(DAN.into())),
    ];
    for (order, who, error) in refusals {
        let paid = pay(order, who).map(|_| ());
        assert_eq!(paid, Err(error), "{order} paid by {who}");
    }
    assert_eq!(env.books(), before);
    // Paid once only.
    pay_at_cashier(&env, "A1", ALICE, 1001);
    let again = pay("A1", BOB).map(|_| ());
    assert_eq!(again, Err(LedgerError::AlreadyPaid("A1".into())));
    assert_eq!(env.balance(BOB), DEMO_USERS[1].3);
    // (method, biz_content, code, sub_code): another order under the same out_order_no is
    // refused, so is page.pay reusing it; a broken biz_content is the gateway's 40002.
    let other = app_order("A1", "10.02").biz_content();
    let page = page_order("A1", "10.01").biz_content();
    #[rustfmt::skip]
    let opened = [
        (APP_PAY,  other.as_str(),            "40004", "UNIQUE_VIOLATION"),
        (PAGE_PAY, page.as_str(),             "40004", "UNIQUE_VIOLATION"),
        (APP_PAY,  r#"{"out_order_no":"A3"}"#, "40002", "isv.invalid-parameter"),
    ];
    for (method, biz, code, sub_code) in opened {
        let reply = env.open(method, biz);
        assert_eq!(reply.code(), code, "{biz}");
        assert_eq!(reply.sub_code(), Some(sub_code), "{biz}");
    }
    assert_eq!(env.packets(), 2);
    env.conserved();
}

/// The `action` and the hidden inputs of an auto-submitting form.
#[rustfmt::skip]
fn parse_form(html: &str) -> (String, Vec<(String, String)>) {
    let unescape = |s: &str| {
        let s = s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
        s.replace("&amp;", "&")
    };
    fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        &tag[start..start + tag[start..].find('"').unwrap()]
    }
    let form = html.split('>').next().unwrap();
    assert!(form.starts_with("<form "), "{html}");
    assert_eq!((attr(form, "method"), attr(form, "accept-charset")), ("POST", "utf-8"));
    let action = unescape(attr(form, "action"));
    let hidden = html.split("<input ").skip(1).filter(|tag| tag.starts_with("type=\"hidden\""));
    let inputs = hidden.map(|tag| (unescape(attr(tag, "name")), unescape(attr(tag, "value")))).collect();
    (action, inputs)
}
fn page_client(env: &Env) -> AlipayClient {
    let c = builder_with(&env.sb, APP_ID, "app_private_pkcs1.pem").notify_url(NOTIFY_URL);
    c.return_url(RETURN_URL).build().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn page_pay_form_is_accepted_by_the_cashier_and_paid() {
    let env = Env::new().await;
    let request = page_order("W1", "8.88");
    let (action, inputs) = parse_form(&page_client(&env).page_execute_form(&request).unwrap());
    let (gateway, query_string) = action.split_once('?').unwrap();
    assert_eq!(gateway, env.sb.gateway_url);
    let mut pairs = decode_pairs(query_string);
    pairs.extend(inputs);
    let params = cashier_accepts(pairs, PAGE_PAY);
    let biz = request.biz_content();
    #[rustfmt::skip]
    let want = [("biz_content", biz.as_str()), ("return_url", RETURN_URL), ("notify_url", NOTIFY_URL)];
    for (name, want) in want {
        assert_eq!(params.get(name), Some(want), "{name}");
    }
    let auth_no = pending(&open_at_cashier(&env, &params), "W1", "8.88");
    pay_at_cashier(&env, "W1", BOB, 888);
    let paid = paid_freeze(&auth_no, "8.88", BOB);
    let by_auth_no = query_auth(&auth_no, "W1-1");
    step!(env, "query after paying", by_auth_no, paid);
    assert_eq!(env.packet(&auth_no).remaining, 888);
    // Refunded in full to bob.
    let refunded = ok!([(BOB, 888)]);
    step!(env, "refunded", refund(&auth_no, "W1-R", "8.88"), refunded);
}

/// A GET of a page URL, not asking for HTML (so the gateway answers the signed JSON node
/// rather than its HTML cashier): the body.
async fn http_get(url: &str) -> Vec<u8> {
    let answer = alipay_testkit::http::get(url).await;
    let status = answer.status;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer.body));
    answer.body
}

#[tokio::test(flavor = "multi_thread")]
async fn page_pay_url_opened_by_the_browser_creates_the_pending_order() {
    let env = Env::new().await;
    let c = page_client(&env);
    let url = c.page_execute_url(&page_order("W1", "1.23")).unwrap();
    let (gateway, query_string) = url.split_once('?').unwrap();
    assert_eq!(gateway, env.sb.gateway_url);
    let params = cashier_accepts(decode_pairs(query_string), PAGE_PAY);
    // The URL GET from the sandbox gateway itself, which checks it like a call.
    let verified = c.verify_response(PAGE_PAY, &http_get(&url).await).unwrap();
    let node: Value = serde_json::from_str(&verified.into_result().unwrap()).unwrap();
    let auth_no = pending(&node, "W1", "1.23");
    // ... and the same order handed to the cashier is the same pending order.
    assert_eq!(open_at_cashier(&env, &params), node);
    assert_eq!(env.packets(), 1);
    pay_at_cashier(&env, "W1", CAROL, 123);
    let paid = paid_freeze(&auth_no, "1.23", CAROL);
    step!(env, "query after paying", query("W1", "W1-1"), paid);
}

// ---- Gateway refusals (the call never reaches the ledger) and local ones (nothing is sent).
/// A typed request breaking a rule: `Error::Violations` naming it, and nothing sent.
#[rustfmt::skip]
fn title_too_long(e: &Error) {
    let Error::Violations(v) = e else { panic!("expected violations, got {e}") };
    let max_len = |v: &alipay_core::api::Violation| v.field == "order_title" && v.rule == "max_len";
    assert!(v.iter().any(max_len), "{e}");
    assert_eq!(e.outcome(), Outcome::NotSent);
}
/// The same rule applied by the gateway: 40002, with no typed business code.
fn title_too_long_at_the_gateway(e: &Error) {
    let a = gateway_refused(e, "40002", "isv.invalid-parameter");
    assert_eq!(a.msg, "Invalid Arguments");
    assert!(a.sub_msg.as_deref().unwrap().contains("order_title"), "{a}");
    assert_eq!(DisburseCode::of(e), None);
}
fn not_signed(e: &Error) {
    assert!(matches!(e, Error::InvalidRequest(_)), "{e}");
    assert_eq!(e.outcome(), Outcome::NotSent);
}
fn wrong_signature(e: &Error) {
    let a = gateway_refused(e, "40002", "isv.invalid-signature");
    let prefix =
        "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：";
    assert!(a.sub_msg.as_deref().unwrap().starts_with(prefix), "{a}");
    assert_eq!(PayCode::of(e), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn gateway_and_local_refusals() {
    let env = Env::new().await;
    let auth_no = env.pay("P1", "10.00").await;
    let wrong = client_with(&env.sb, APP_ID, "gateway_private_pkcs8.pem");
    let stranger = client_with(&env.sb, "2021000000009999", "app_private_pkcs1.pem");
    let long_title = disburse(&auth_no, "D1", "1.00", ALICE);
    let long_title = set!(long_title; order_title: "红".repeat(101));
    let invalid = |msg: fn(&str) -> bool| gateway("40002", "isv.invalid-parameter", msg);
    let three_decimals = format!(
        r#"{{"out_order_no":"D2","out_request_no":"D2-1","order_title":"t","amount":"0.001","deduct_auth_no":"{auth_no}"}}"#
    );
    let disburse_call = |biz: String| Call::new(DISBURSE).biz_content(biz);
    let query_call = Call::new("alipay.fund.coupon.operation.query")
        .biz_content(r#"{"out_order_no":"P1","out_request_no":"P1-1"}"#);
    let signed_wrong = Call::for_api(&agreement("P2", "10.00")).unwrap();
    // The same biz_content sent untyped: the gateway applies the same rule. Every violation is
    // listed (three decimals, a missing one-of group). Not JSON at all: even the untyped path
    // refuses to sign it.
    #[rustfmt::skip]
    let cases = vec![
        case("a typed request breaking a rule is refused before sending", long_title.clone(), refused_by(title_too_long)),
        case("the same biz_content sent untyped", disburse_call(long_title.biz_content()), refused_by(title_too_long_at_the_gateway)),
        case("every violation listed", disburse_call(three_decimals), invalid(|m| m.contains("amount") && m.contains("payee_user_id"))),
        case("JSON but not an object", disburse_call(r#"["D3",1]"#.into()), invalid(|_| true)),
        case("not JSON", disburse_call("not json".into()), refused_by(not_signed)),
        case("signed with another key", signed_wrong, refused_by(wrong_signature)).via(&wrong),
        case("a query signed with another key", query_call, gateway("40002", "isv.invalid-signature", |_| true)).via(&wrong),
        case("an unknown app", agreement("P2", "10.00"), gateway("40002", "isv.invalid-app-id", |m| m == "无效的AppID参数")).via(&stranger),
        case("a method the sandbox does not serve", Call::new("alipay.trade.order.settle").biz_content("{}"), gateway("40002", "isv.invalid-method", |m| m == "不存在的方法名")),
    ];
    env.run(cases).await;
}
