//! Transfers, pre-authorisation, bills and OAuth over real HTTP: the typed requests of
//! `alipay-apis` signed by the real client code, answered by the sandbox gateway, parsed into
//! the typed responses and errors. Every case checks that the sandbox's money is conserved.
//! Transfers require certificate mode: those calls are signed with the sandbox's app and root
//! certificate SNs (which the gateway checks) and their answers verified with its Alipay
//! certificate, as a certificate-mode client does.

use std::path::Path;
use std::time::Duration;

use alipay_apis::Api;
use alipay_apis::data::DataserviceBillDownloadurlQueryRequest;
use alipay_apis::fund::{
    AccountQueryRequest, AuthOperationCancelRequest, AuthOperationDetailQueryRequest,
    AuthOrderAppFreezeRequest, AuthOrderFreezeRequest, AuthOrderUnfreezeRequest,
    TransCommonQueryRequest, TransUniTransferRequest,
};
use alipay_apis::system::OauthTokenRequest;
use alipay_apis::user::InfoShareRequest;
use alipay_core::api::parse_response;
use alipay_core::protocol::{CertSns, NotifyCheck, RequestSigner, Timestamp, verify_notification};
use alipay_core::{
    AlipayCertificate, AlipayClient, AlipayPublicKey, AlipayRootCertificate, Amount,
    AppCertificate, AppPrivateKey, AppPublicKey, Call, Charset, Error, Gateway, GatewayPrivateKey,
};
use alipay_sandbox::certs::SandboxCertificates;
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS};
use alipay_testkit::NotifyEndpoint;
use alipay_testkit::http::{Answer, Method, StatusCode, send};
use serde_json::{Value, json};

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";
const ALICE: &str = DEMO_USERS[0].0;
const BOB: &str = DEMO_USERS[1].0;
const BOB_LOGON: &str = DEMO_USERS[1].1;
const CAROL: &str = DEMO_USERS[2].0;
const NOBODY: &str = "2088999999999999";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

fn app_public() -> AppPublicKey {
    AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap()
}

/// The test app, with certificate mode's certificates (`certificates`).
fn config(certificates: SandboxCertificates) -> SandboxConfig {
    let mut c = SandboxConfig::new(
        APP_ID,
        app_public(),
        GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
    );
    c.certificates = Some(certificates);
    c
}

async fn sandbox() -> Sandbox {
    let certs = SandboxCertificates::generate(&[(APP_ID.to_owned(), app_public())]).unwrap();
    start(config(certs), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

/// A sandbox on `dir` (its certificates kept there too), waiting for the previous one's
/// database lock to go.
async fn sandbox_in(dir: &Path) -> Sandbox {
    let mut last = None;
    for _ in 0..100 {
        let certs =
            SandboxCertificates::load_or_generate(dir, &[(APP_ID.to_owned(), app_public())])
                .unwrap();
        let mut c = config(certs);
        c.state_dir = Some(dir.to_owned());
        match start(c, "127.0.0.1:0".parse().unwrap()).await {
            Ok(sb) => return sb,
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("cannot reopen {}: {last:?}", dir.display());
}

fn app_key() -> AppPrivateKey {
    AppPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap()
}

/// The public-key-mode client.
fn client(sb: &Sandbox) -> AlipayClient {
    AlipayClient::builder(
        APP_ID,
        app_key(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(Gateway::new(&sb.gateway_url).unwrap())
    .build()
    .unwrap()
}

fn form_encode<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<u8> {
    let enc = |t: &str| Charset::Utf8.form_encode(t).unwrap();
    let pairs: Vec<String> = pairs
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    pairs.join("&").into_bytes()
}

/// The certificate-mode client of the sandbox's certificates.
fn cert_client(sb: &Sandbox) -> AlipayClient {
    let (root, alipay, app) = sb
        .with_certificates(|c| {
            (
                c.root_certificate_pem().to_owned(),
                c.alipay_certificate_pem().to_owned(),
                c.app_certificate_pem(APP_ID).map(str::to_owned),
            )
        })
        .expect("the test sandbox has certificates");
    AlipayClient::builder_with_certificates(
        APP_ID,
        app_key(),
        &AppCertificate::from_pem(&app.expect("an app certificate")).unwrap(),
        AlipayCertificate::from_pem(&alipay).unwrap(),
        &AlipayRootCertificate::from_pem(&root).unwrap(),
    )
    .gateway(Gateway::new(&sb.gateway_url).unwrap())
    .build()
    .unwrap()
}

/// Signs `call` (with the sandbox's certificate SNs when `cert`), POSTs it, verifies the
/// answer (with the Alipay certificate when `cert`).
async fn post(sb: &Sandbox, call: &Call, method: &str, cert: bool) -> Result<String, Error> {
    let mut signer = RequestSigner::new(APP_ID, app_key());
    if cert {
        let sns = sb
            .with_certificates(|c| CertSns {
                app_cert_sn: c.app_cert_sn(APP_ID).unwrap_or_default().to_owned(),
                alipay_root_cert_sn: c.root_cert_sn().to_owned(),
            })
            .expect("the test sandbox has certificates");
        signer = signer.cert_sns(sns);
    }
    let signed = signer.sign(call)?;
    let body = form_encode(signed.params().iter());
    let content_type = [(
        "content-type",
        "application/x-www-form-urlencoded;charset=utf-8",
    )];
    let answer = send(Method::POST, &sb.gateway_url, &content_type, &body).await;
    let verifier = if cert { cert_client(sb) } else { client(sb) };
    verifier
        .verify_response(method, &answer.body)?
        .into_result()
}

/// A typed request sent in certificate mode (`cert`) or public-key mode.
async fn call<A: Api>(sb: &Sandbox, req: &A, cert: bool) -> Result<A::Response, Error> {
    let node = post(
        sb,
        &Call::new(A::METHOD).biz_content(req.biz_content()),
        A::METHOD,
        cert,
    )
    .await?;
    parse_response::<A>(&node)
}

fn req<A: FromBiz>(biz: Value) -> A {
    A::from_biz(&biz.to_string())
}

/// The generated `from_biz_content` of each request type, behind one name.
trait FromBiz: Sized {
    fn from_biz(json: &str) -> Self;
}
macro_rules! from_biz {
    ($($t:ty),*) => {$(impl FromBiz for $t {
        fn from_biz(json: &str) -> Self { <$t>::from_biz_content(json).unwrap_or_else(|e| panic!("{e}: {json}")) }
    })*};
}
from_biz!(
    TransUniTransferRequest,
    TransCommonQueryRequest,
    AccountQueryRequest,
    AuthOrderFreezeRequest,
    AuthOrderUnfreezeRequest,
    AuthOperationDetailQueryRequest,
    AuthOperationCancelRequest,
    DataserviceBillDownloadurlQueryRequest,
    OauthTokenRequest,
    AuthOrderAppFreezeRequest
);

/// `e` is a signed refusal with `code` and `sub_code`.
#[track_caller]
fn refused(e: &Error, code: &str, sub_code: &str) {
    let a = e
        .api_error()
        .unwrap_or_else(|| panic!("expected {code} {sub_code}, got {e}"));
    assert_eq!(
        (a.code.as_str(), a.sub_code.as_deref()),
        (code, Some(sub_code)),
        "{e}"
    );
    assert!(a.verified, "{e}");
    assert!(!a.sub_msg.as_deref().unwrap_or_default().is_empty(), "{e}");
}

fn money(sb: &Sandbox) -> u128 {
    sb.with_ledger(|l| l.total_money())
}

fn balance(sb: &Sandbox, user: &str) -> u64 {
    sb.with_ledger(|l| l.balance(user)).unwrap()
}

fn fen(a: &Option<Amount>) -> u64 {
    a.map(|a| a.fen()).unwrap_or_else(|| panic!("no amount"))
}

fn transfer(no: &str, amount: &str, identity: &str, kind: &str) -> TransUniTransferRequest {
    req(json!({
        "out_biz_no": no, "trans_amount": amount, "product_code": "TRANS_ACCOUNT_NO_PWD",
        "biz_scene": "DIRECT_TRANSFER", "order_title": "佣金",
        "payee_info": {"identity": identity, "identity_type": kind},
    }))
}

fn named(no: &str, amount: &str, logon: &str, name: &str) -> TransUniTransferRequest {
    req(json!({
        "out_biz_no": no, "trans_amount": amount, "product_code": "TRANS_ACCOUNT_NO_PWD",
        "payee_info": {"identity": logon, "identity_type": "ALIPAY_LOGON_ID", "name": name},
    }))
}

#[tokio::test(flavor = "multi_thread")]
async fn transfers_need_certificate_mode_pay_once_and_refuse_like_alipay() {
    let sb = sandbox().await;
    let total = money(&sb);
    let (merchant, bob) = (balance(&sb, DEMO_MERCHANT), balance(&sb, BOB));

    // Public-key mode: refused before anything moves.
    let e = call(&sb, &transfer("T1", "12.34", BOB, "ALIPAY_USER_ID"), false)
        .await
        .unwrap_err();
    refused(&e, "40002", "isv.missing-app-cert-sn");
    assert_eq!(balance(&sb, BOB), bob);

    let ok = call(&sb, &transfer("T1", "12.34", BOB, "ALIPAY_USER_ID"), true)
        .await
        .unwrap();
    assert_eq!(ok.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
    assert_eq!(ok.out_biz_no.as_deref(), Some("T1"));
    let order_id = ok.order_id.clone().unwrap();
    assert_eq!(order_id.len(), 32);
    assert!(ok.trans_date.is_some());
    // The same request again: the same answer, paid once.
    let again = call(&sb, &transfer("T1", "12.34", BOB, "ALIPAY_USER_ID"), true)
        .await
        .unwrap();
    assert_eq!(again.order_id.as_deref(), Some(order_id.as_str()));
    assert_eq!(balance(&sb, BOB), bob + 1_234);
    assert_eq!(balance(&sb, DEMO_MERCHANT), merchant - 1_234);
    assert_eq!(money(&sb), total);

    #[rustfmt::skip]
    let cases: [(&str, TransUniTransferRequest, &str, &str); 5] = [
        ("same out_biz_no, other content", transfer("T1", "1.00", BOB, "ALIPAY_USER_ID"), "40004", "DUPLICATE_OUT_BIZ_NO"),
        ("nobody has the user id", transfer("T2", "1.00", NOBODY, "ALIPAY_USER_ID"), "40004", "PAYEE_NOT_EXIST"),
        ("nobody has the logon id", named("T3", "1.00", "nobody@x.test", "某人"), "40004", "PAYEE_NOT_EXIST"),
        ("the name does not match", named("T4", "1.00", BOB_LOGON, "别人"), "40004", "PAYEE_USER_INFO_ERROR"),
        ("more than the merchant has", transfer("T6", "99999.00", BOB, "ALIPAY_USER_ID"), "40004", "BALANCE_IS_NOT_ENOUGH"),
    ];
    for (name, r, code, sub_code) in cases {
        let before = (balance(&sb, BOB), balance(&sb, DEMO_MERCHANT));
        match call(&sb, &r, true).await {
            Ok(resp) => panic!("{name}: accepted {resp:?}"),
            Err(e) => refused(&e, code, sub_code),
        }
        assert_eq!(
            (balance(&sb, BOB), balance(&sb, DEMO_MERCHANT)),
            before,
            "{name}"
        );
        assert_eq!(money(&sb), total, "{name}");
    }
    // Under 0.10 without password: the typed request refuses to be built; a raw call gets
    // the business code of the error table.
    let low = json!({"out_biz_no": "T5", "trans_amount": "0.09", "product_code": "TRANS_ACCOUNT_NO_PWD", "payee_info": {"identity": BOB, "identity_type": "ALIPAY_USER_ID"}});
    assert!(TransUniTransferRequest::from_biz_content(&low.to_string()).is_err());
    let raw = Call::new(TransUniTransferRequest::METHOD).biz_content(low.to_string());
    let e = post(&sb, &raw, TransUniTransferRequest::METHOD, true)
        .await
        .unwrap_err();
    refused(&e, "40004", "EXCEED_LIMIT_SM_MIN_AMOUNT");
    // A logon id without the name breaks the generated rules: the gateway's 40002.
    let nameless = json!({"out_biz_no": "T7", "trans_amount": "1.00", "product_code": "TRANS_ACCOUNT_NO_PWD", "payee_info": {"identity": BOB_LOGON, "identity_type": "ALIPAY_LOGON_ID"}});
    let raw = Call::new(TransUniTransferRequest::METHOD).biz_content(nameless.to_string());
    let e = post(&sb, &raw, TransUniTransferRequest::METHOD, true)
        .await
        .unwrap_err();
    refused(&e, "40002", "isv.invalid-parameter");
    assert_eq!(money(&sb), total);
    // The right name pays; STD_RED_PACKET goes down to 0.01.
    call(&sb, &named("T8", "0.10", BOB_LOGON, "沙箱鲍勃"), true)
        .await
        .unwrap();
    let red: TransUniTransferRequest = req(
        json!({"out_biz_no": "T9", "trans_amount": "0.01", "product_code": "STD_RED_PACKET", "biz_scene": "DIRECT_TRANSFER", "payee_info": {"identity": CAROL, "identity_type": "ALIPAY_USER_ID"}}),
    );
    call(&sb, &red, true).await.unwrap();
    assert_eq!(money(&sb), total);

    // common.query by order_id, then by out_biz_no + product_code + biz_scene.
    let by_id: TransCommonQueryRequest = req(json!({"order_id": order_id}));
    let q = call(&sb, &by_id, true).await.unwrap();
    assert_eq!(
        (q.out_biz_no.as_deref(), fen(&q.trans_amount)),
        (Some("T1"), 1_234)
    );
    assert_eq!(q.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
    let by_no: TransCommonQueryRequest = req(
        json!({"out_biz_no": "T9", "product_code": "STD_RED_PACKET", "biz_scene": "DIRECT_TRANSFER"}),
    );
    assert_eq!(fen(&call(&sb, &by_no, true).await.unwrap().trans_amount), 1);
    let missing: TransCommonQueryRequest = req(
        json!({"out_biz_no": "T2", "product_code": "TRANS_ACCOUNT_NO_PWD", "biz_scene": "DIRECT_TRANSFER"}),
    );
    refused(
        &call(&sb, &missing, true).await.unwrap_err(),
        "40004",
        "ORDER_NOT_EXIST",
    );
    refused(
        &call(&sb, &by_id, false).await.unwrap_err(),
        "40002",
        "isv.missing-app-cert-sn",
    );

    // account.query: available and frozen.
    let acc: AccountQueryRequest =
        req(json!({"alipay_user_id": BOB, "account_type": "ACCTRANS_ACCOUNT"}));
    let a = call(&sb, &acc, true).await.unwrap();
    assert_eq!(fen(&a.available_amount), balance(&sb, BOB));
    assert_eq!(fen(&a.freeze_amount), 0);
    let nobody: AccountQueryRequest =
        req(json!({"alipay_user_id": NOBODY, "account_type": "ACCTRANS_ACCOUNT"}));
    refused(
        &call(&sb, &nobody, true).await.unwrap_err(),
        "40004",
        "ACCOUNT_NOT_EXIST",
    );
}

fn freeze(code: &str, order: &str, amount: &str) -> AuthOrderFreezeRequest {
    req(json!({
        "auth_code": code, "auth_code_type": "bar_code", "out_order_no": order,
        "out_request_no": format!("{order}_F"), "order_title": "押金", "amount": amount,
        "product_code": "PRE_AUTH",
    }))
}

fn unfreeze(auth_no: &str, request: &str, amount: &str) -> AuthOrderUnfreezeRequest {
    req(json!({"auth_no": auth_no, "out_request_no": request, "amount": amount, "remark": "归还"}))
}

fn detail(order: &str, request: &str) -> AuthOperationDetailQueryRequest {
    req(json!({"out_order_no": order, "out_request_no": request}))
}

#[tokio::test(flavor = "multi_thread")]
async fn payment_code_freeze_unfreeze_detail_and_cancel() {
    let sb = sandbox().await;
    let total = money(&sb);
    let alice = balance(&sb, ALICE);
    // The buyer's app shows a one-time payment code.
    let url = format!("http://{}/cashier/payment-code", sb.local_addr);
    let body = json!({"buyer_user_id": ALICE}).to_string();
    let shown = send(
        Method::POST,
        &url,
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
    .await;
    assert_eq!(shown.status, StatusCode::OK);
    let code = shown.json()["auth_code"].as_str().unwrap().to_owned();

    let f = call(&sb, &freeze(&code, "P1", "100.00"), false)
        .await
        .unwrap();
    assert_eq!(f.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
    assert_eq!(f.payer_user_id.as_deref(), Some(ALICE));
    let auth_no = f.auth_no.clone().unwrap();
    assert_eq!(balance(&sb, ALICE), alice - 10_000);
    assert_eq!(money(&sb), total, "frozen money stays in total_money");
    // The same request replays; the code is spent for any other.
    let again = call(&sb, &freeze(&code, "P1", "100.00"), false)
        .await
        .unwrap();
    assert_eq!(again.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(balance(&sb, ALICE), alice - 10_000);
    let e = call(&sb, &freeze(&code, "P2", "1.00"), false)
        .await
        .unwrap_err();
    refused(&e, "40004", "PAYMENT_AUTH_CODE_INVALID");
    let acc: AccountQueryRequest =
        req(json!({"alipay_user_id": ALICE, "account_type": "ACCTRANS_ACCOUNT"}));
    assert_eq!(
        fen(&call(&sb, &acc, true).await.unwrap().freeze_amount),
        10_000
    );

    // Partial unfreeze, replayed once, conflicting, too much.
    let u = call(&sb, &unfreeze(&auth_no, "U1", "30.00"), false)
        .await
        .unwrap();
    assert_eq!(fen(&u.amount), 3_000);
    call(&sb, &unfreeze(&auth_no, "U1", "30.00"), false)
        .await
        .unwrap();
    assert_eq!(balance(&sb, ALICE), alice - 7_000);
    refused(
        &call(&sb, &unfreeze(&auth_no, "U1", "10.00"), false)
            .await
            .unwrap_err(),
        "40004",
        "UNIQUE_VIOLATION",
    );
    refused(
        &call(&sb, &unfreeze(&auth_no, "U2", "70.01"), false)
            .await
            .unwrap_err(),
        "40004",
        "UNFREEZE_AMOUNT_EXCEED",
    );
    refused(
        &call(
            &sb,
            &unfreeze("2026120200002000000000000999", "U", "1.00"),
            false,
        )
        .await
        .unwrap_err(),
        "40004",
        "AUTH_ORDER_NOT_EXIST",
    );
    assert_eq!(money(&sb), total);

    let d = call(&sb, &detail("P1", "U1"), false).await.unwrap();
    assert_eq!(d.operation_type.as_deref(), Some("UNFREEZE"));
    assert_eq!(
        (fen(&d.rest_amount), fen(&d.total_freeze_amount)),
        (7_000, 10_000)
    );
    assert_eq!(
        d.order_status.as_ref().map(|s| s.as_str()),
        Some("AUTHORIZED")
    );
    call(&sb, &unfreeze(&auth_no, "U3", "70.00"), false)
        .await
        .unwrap();
    let d = call(&sb, &detail("P1", "P1_F"), false).await.unwrap();
    assert_eq!(d.operation_type.as_deref(), Some("FREEZE"));
    assert_eq!(d.order_status.as_ref().map(|s| s.as_str()), Some("FINISH"));
    refused(
        &call(&sb, &unfreeze(&auth_no, "U4", "1.00"), false)
            .await
            .unwrap_err(),
        "40004",
        "ORDER_ALREADY_FINISH",
    );
    refused(
        &call(&sb, &detail("P1", "nope"), false).await.unwrap_err(),
        "40004",
        "AUTH_OPERATION_NOT_EXIST",
    );
    assert_eq!(balance(&sb, ALICE), alice);

    // Short balance leaves the code usable; a freeze whose outcome is unknown is cancelled.
    let code = sb.with_books(|b| b.issue_payment_code(CAROL)).unwrap();
    refused(
        &call(&sb, &freeze(&code, "P3", "10.01"), false)
            .await
            .unwrap_err(),
        "40004",
        "MONEY_NOT_ENOUGH",
    );
    let carol = balance(&sb, CAROL);
    call(&sb, &freeze(&code, "P3", "10.00"), false)
        .await
        .unwrap();
    assert_eq!(balance(&sb, CAROL), carol - 1_000);
    let cancel: AuthOperationCancelRequest =
        req(json!({"out_order_no": "P3", "out_request_no": "P3_F", "remark": "结果未知"}));
    let c = call(&sb, &cancel, false).await.unwrap();
    assert_eq!(c.action.as_ref().map(|a| a.as_str()), Some("unfreeze"));
    assert_eq!(balance(&sb, CAROL), carol);
    assert_eq!(
        call(&sb, &cancel, false)
            .await
            .unwrap()
            .action
            .as_ref()
            .map(|a| a.as_str()),
        Some("close")
    );
    let d = call(&sb, &detail("P3", "P3_F"), false).await.unwrap();
    assert_eq!(d.order_status.as_ref().map(|s| s.as_str()), Some("CLOSED"));
    assert_eq!(money(&sb), total);
}

/// One CSV line's cells (quoted cells may hold commas; `""` is a quote).
fn cells(line: &str) -> Vec<String> {
    let (mut out, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    out.push(cell);
    out
}

/// The rows of a bill's detail file: (业务类型, 商家实收 in fen).
fn bill_rows(csv: &str) -> Vec<(String, i128)> {
    let lines: Vec<&str> = csv.split("\r\n").collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("支付宝交易号,"))
        .expect("header line");
    lines[start + 1..]
        .iter()
        .take_while(|l| !l.starts_with('#'))
        .map(|l| {
            let cells = cells(l);
            assert_eq!(cells.len(), 25, "{l}");
            let text = cells[12].as_str();
            let (sign, digits) = text.strip_prefix('-').map_or((1, text), |d| (-1, d));
            let fen = i128::from(Amount::parse(digits).unwrap().fen());
            (cells[2].clone(), sign * fen)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn todays_bill_downloads_unzips_and_sums_to_the_ledger() {
    let sb = sandbox().await;
    let merchant = balance(&sb, DEMO_MERCHANT);
    for (no, amount, to) in [
        ("B1", "1.50", BOB),
        ("B2", "20.00", CAROL),
        ("B3", "0.35", ALICE),
    ] {
        call(&sb, &transfer(no, amount, to, "ALIPAY_USER_ID"), true)
            .await
            .unwrap();
    }
    // A bar-code trade of 30.00 and a partial refund of 5.00 (the trade family, untyped).
    let code = sb.with_books(|b| b.issue_payment_code(ALICE)).unwrap();
    let pay = json!({"out_trade_no": "BT1", "scene": "bar_code", "auth_code": code, "subject": "咖啡,大杯", "total_amount": "30.00"});
    post(
        &sb,
        &Call::new("alipay.trade.pay").biz_content(pay.to_string()),
        "alipay.trade.pay",
        false,
    )
    .await
    .unwrap();
    let refund = json!({"out_trade_no": "BT1", "refund_amount": "5.00", "out_request_no": "BR1"});
    post(
        &sb,
        &Call::new("alipay.trade.refund").biz_content(refund.to_string()),
        "alipay.trade.refund",
        false,
    )
    .await
    .unwrap();
    let now = Timestamp::now();
    let today = &now.as_str()[..10];
    let q: DataserviceBillDownloadurlQueryRequest =
        req(json!({"bill_type": "trade", "bill_date": today}));
    let url = call(&sb, &q, false)
        .await
        .unwrap()
        .bill_download_url
        .unwrap();
    assert!(
        url.starts_with(&format!("http://{}/bill/download?", sb.local_addr)),
        "{url}"
    );

    let zip = send(Method::GET, &url, &[], b"").await;
    assert_eq!(zip.status, StatusCode::OK);
    assert_eq!(zip.header("content-type"), "application/zip");
    let files = alipay_sandbox::zip::read_stored_zip(&zip.body).expect("a stored zip");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let stamp = today.replace('-', "");
    assert_eq!(
        names,
        [
            format!("{DEMO_MERCHANT}{stamp}_业务明细.csv"),
            format!("{DEMO_MERCHANT}{stamp}_业务明细(汇总).csv")
        ]
    );
    let (csv, _, bad) = encoding_rs::GBK.decode(&files[0].1);
    assert!(!bad, "GBK");
    assert!(csv.starts_with("#支付宝业务明细查询\r\n#账号：["), "{csv}");
    assert!(csv.contains("业务明细列表结束"), "{csv}");
    let rows = bill_rows(&csv);
    let mut kinds: Vec<&str> = rows.iter().map(|(kind, _)| kind.as_str()).collect();
    kinds.sort_unstable();
    assert_eq!(kinds, ["交易", "转账", "转账", "转账", "退款"], "{csv}");
    let received: i128 = rows.iter().map(|(_, fen)| fen).sum();
    assert_eq!(
        received,
        i128::from(balance(&sb, DEMO_MERCHANT)) - i128::from(merchant)
    );
    assert_eq!(received, -2_185 + 3_000 - 500);
    assert!(
        csv.contains("#交易合计：1笔，商家实收共30.00元，商家优惠共0.00元\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("#退款合计：1笔，商家实收退款共-5.00元，商家优惠退款共0.00元\r\n"),
        "{csv}"
    );
    assert!(csv.contains("#转账合计：3笔，转出共-21.85元\r\n"), "{csv}");

    let tomorrow_ish: DataserviceBillDownloadurlQueryRequest =
        req(json!({"bill_type": "trade", "bill_date": "2999-01-01"}));
    refused(
        &call(&sb, &tomorrow_ish, false).await.unwrap_err(),
        "40004",
        "isp.bill_not_exist",
    );
    let gone = send(
        Method::GET,
        &format!("http://{}/bill/download?token=nope", sb.local_addr),
        &[],
        b"",
    )
    .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
}

async fn authorize(sb: &Sandbox, body: &str) -> Answer {
    let url = format!("http://{}/cashier/authorize", sb.local_addr);
    send(
        Method::POST,
        &url,
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
    .await
}

/// `alipay.user.info.share` with the typed client and the public `auth_token`.
async fn user_info(
    sb: &Sandbox,
    token: &str,
) -> Result<alipay_apis::user::InfoShareResponse, Error> {
    let share = InfoShareRequest::builder().build();
    client(sb).call(&share).auth_token(token).send().await
}

#[tokio::test(flavor = "multi_thread")]
async fn authorize_token_user_info_and_refresh() {
    let sb = sandbox().await;
    let total = money(&sb);
    let c = client(&sb);
    let a = authorize(
        &sb,
        &json!({"buyer_user_id": ALICE, "scope": "auth_user"}).to_string(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    let code = a.json()["auth_code"].as_str().unwrap().to_owned();

    let grant: OauthTokenRequest = req(json!({"grant_type": "authorization_code", "code": code}));
    let t = c.execute(&grant).await.unwrap();
    assert_eq!(t.code, None, "no code on success");
    assert_eq!(t.user_id.as_deref(), Some(ALICE));
    assert_eq!(t.expires_in, Some(1_296_000));
    let (access, refresh) = (
        t.access_token.clone().unwrap(),
        t.refresh_token.clone().unwrap(),
    );
    refused(
        &c.execute(&grant).await.unwrap_err(),
        "40002",
        "isv.code-invalid",
    );

    let me = user_info(&sb, &access).await.unwrap();
    assert_eq!(me.user_id.as_deref(), Some(ALICE));
    assert_eq!(me.nick_name.as_deref(), Some(DEMO_USERS[0].2));
    refused(
        &user_info(&sb, "authusrBnope").await.unwrap_err(),
        "20001",
        "aop.invalid-auth-token",
    );

    let again: OauthTokenRequest =
        req(json!({"grant_type": "refresh_token", "refresh_token": refresh}));
    let r = c.execute(&again).await.unwrap();
    let access2 = r.access_token.clone().unwrap();
    assert_ne!(access2, access);
    assert_eq!(
        user_info(&sb, &access2).await.unwrap().user_id.as_deref(),
        Some(ALICE)
    );
    refused(
        &c.execute(&again).await.unwrap_err(),
        "40002",
        "isv.refresh-token-invalid",
    );

    // The cashier's refusals are JSON.
    let unknown = authorize(&sb, &json!({"buyer_user_id": NOBODY}).to_string()).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.json()["error"].is_string());
    let scope = authorize(
        &sb,
        &json!({"buyer_user_id": ALICE, "scope": "all"}).to_string(),
    )
    .await;
    assert_eq!(scope.status, StatusCode::BAD_REQUEST);
    assert_eq!(money(&sb), total);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restart_replays_transfers_freezes_and_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let (total, access, auth_no, bob) = {
        let sb = sandbox_in(dir.path()).await;
        call(&sb, &transfer("R1", "5.00", BOB, "ALIPAY_USER_ID"), true)
            .await
            .unwrap();
        let code = sb.with_books(|b| b.issue_payment_code(ALICE)).unwrap();
        let f = call(&sb, &freeze(&code, "RP", "8.00"), false)
            .await
            .unwrap();
        let a = authorize(&sb, &json!({"buyer_user_id": BOB}).to_string()).await;
        let grant: OauthTokenRequest =
            req(json!({"grant_type": "authorization_code", "code": a.json()["auth_code"]}));
        let t = client(&sb).execute(&grant).await.unwrap();
        (
            money(&sb),
            t.access_token.unwrap(),
            f.auth_no.unwrap(),
            balance(&sb, BOB),
        )
    };
    let sb = sandbox_in(dir.path()).await;
    assert_eq!(money(&sb), total);
    assert_eq!(balance(&sb, BOB), bob);
    // The replayed books answer the same: the transfer is not paid twice, the freeze is there,
    // the token still works.
    let again = call(&sb, &transfer("R1", "5.00", BOB, "ALIPAY_USER_ID"), true)
        .await
        .unwrap();
    assert_eq!(again.out_biz_no.as_deref(), Some("R1"));
    assert_eq!(balance(&sb, BOB), bob);
    call(&sb, &unfreeze(&auth_no, "RU", "8.00"), false)
        .await
        .unwrap();
    assert_eq!(
        user_info(&sb, &access).await.unwrap().user_id.as_deref(),
        Some(BOB)
    );
    assert_eq!(money(&sb), total);
}

async fn app_pay(sb: &Sandbox, payer: &str, order_string: &str) -> Answer {
    let url = format!(
        "http://{}/cashier/app-pay?payer_user_id={payer}",
        sb.local_addr
    );
    let form = [("content-type", "application/x-www-form-urlencoded")];
    send(Method::POST, &url, &form, order_string.as_bytes()).await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_app_freeze_order_string_confirmed_in_the_app_freezes_once() {
    let sb = sandbox().await;
    let (total, bob) = (money(&sb), balance(&sb, BOB));
    let endpoint = NotifyEndpoint::start();
    let c = AlipayClient::builder(
        APP_ID,
        app_key(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(Gateway::new(&sb.gateway_url).unwrap())
    .notify_url(endpoint.url())
    .build()
    .unwrap();
    let order: AuthOrderAppFreezeRequest = req(json!({
        "out_order_no": "AF1", "out_request_no": "AF1_F", "order_title": "租车押金",
        "amount": "200.00", "product_code": "PRE_AUTH_ONLINE",
    }));
    let order_string = c.sdk_execute(&order).unwrap();
    let a = app_pay(&sb, BOB, &order_string).await;
    assert_eq!(
        a.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&a.body)
    );
    let paid = a.json();
    assert_eq!(
        (paid["status"].as_str(), paid["amount"].as_str()),
        (Some("SUCCESS"), Some("200.00"))
    );
    assert_eq!(balance(&sb, BOB), bob - 20_000);
    // The freeze is notified to the order string's notify_url, signed by the gateway.
    let body = tokio::time::timeout(Duration::from_secs(5), endpoint.next_body())
        .await
        .expect("a notification within 5 s");
    let key = AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap();
    let check = NotifyCheck {
        alipay_public_key: &key,
        sign_type: None,
        app_id: Some(APP_ID),
    };
    let n = verify_notification(&body, &check).unwrap();
    assert_eq!(n.notify_type(), Some("fund_auth_freeze"));
    assert_eq!(n.get("auth_no"), paid["auth_no"].as_str());
    assert_eq!(
        (n.get("amount"), n.get("payer_user_id")),
        (Some("200.00"), Some(BOB))
    );
    // The same order string again changes nothing.
    assert_eq!(
        app_pay(&sb, BOB, &order_string).await.json()["auth_no"],
        paid["auth_no"]
    );
    assert_eq!(balance(&sb, BOB), bob - 20_000);
    // The merchant sees it like any freeze, and unfreezes it.
    let d = call(&sb, &detail("AF1", "AF1_F"), false).await.unwrap();
    assert_eq!(d.payer_user_id.as_deref(), Some(BOB));
    let auth_no = paid["auth_no"].as_str().unwrap();
    call(&sb, &unfreeze(auth_no, "AF1_U", "200.00"), false)
        .await
        .unwrap();
    assert_eq!(balance(&sb, BOB), bob);

    // Too much for the payer: a 400 with the business code, nothing moved.
    let big: AuthOrderAppFreezeRequest = req(json!({
        "out_order_no": "AF2", "out_request_no": "AF2_F", "order_title": "押金",
        "amount": "20000.00", "product_code": "PRE_AUTH_ONLINE",
    }));
    let short = app_pay(&sb, CAROL, &c.sdk_execute(&big).unwrap()).await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST);
    assert_eq!(short.json()["sub_code"], "MONEY_NOT_ENOUGH");
    // Posted to /gateway.do by a server, it is not served (an app API).
    let e = post(
        &sb,
        &Call::new(AuthOrderAppFreezeRequest::METHOD).biz_content(order.biz_content()),
        AuthOrderAppFreezeRequest::METHOD,
        false,
    )
    .await
    .unwrap_err();
    refused(&e, "40002", "isv.invalid-method");
    assert_eq!(money(&sb), total);
}
