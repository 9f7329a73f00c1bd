//! The operator's side (`/admin/...`) and the user's side (the simulated cashier) of the
//! sandbox over real HTTP on loopback, with the real client: admin users and money, page.pay
//! through the browser cashier, app.pay order strings, voucher scans, refusals, and a
//! restart on the same state directory.

use std::path::Path;
use std::time::Duration;

use alipay_apis::fund::{
    AuthOrderVoucherCreateRequest, CouponOperationQueryRequest, CouponOrderAppPayRequest,
    CouponOrderPagePayRequest,
};
use alipay_apis::{Amount, UserId, amount};
use alipay_core::AlipayClient;
use alipay_core::Call;
use alipay_core::Gateway;
use alipay_core::{AlipayPublicKey, AppPrivateKey, AppPublicKey, Charset, GatewayPrivateKey};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS};
use alipay_testkit::NotifyEndpoint;
use alipay_testkit::http::{Answer, Method, StatusCode, send};
use serde_json::{Value, json};

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";
const ALICE: &str = DEMO_USERS[0].0;
const BOB: &str = DEMO_USERS[1].0;
const CAROL: &str = DEMO_USERS[2].0;
const DAVE: &str = "2088000000000777";
const RETURN_URL: &str = "http://127.0.0.1:9/return?from=page&x=<1>";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

fn config() -> SandboxConfig {
    SandboxConfig::new(
        APP_ID,
        AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap(),
        GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
    )
}

async fn sandbox() -> Sandbox {
    start(config(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

/// A sandbox journaling to `dir`. Right after a previous one on the same directory was
/// dropped, its last connections may still hold the database for a moment.
async fn sandbox_in(dir: &Path) -> Sandbox {
    let mut last = None;
    for _ in 0..100 {
        let mut c = config();
        c.state_dir = Some(dir.to_owned());
        match start(c, "127.0.0.1:0".parse().unwrap()).await {
            Ok(sb) => return sb,
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("cannot reopen {}: {last:?}", dir.display());
}

fn client(sb: &Sandbox) -> AlipayClient {
    AlipayClient::builder(
        APP_ID,
        AppPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(Gateway::new(&sb.gateway_url).unwrap())
    .return_url(RETURN_URL)
    .build()
    .unwrap()
}

fn url(sb: &Sandbox, path: &str) -> String {
    format!("http://{}{path}", sb.local_addr)
}

/// The `error` of a JSON refusal, after checking its status.
trait Refused {
    fn refused(&self, status: StatusCode) -> String;
}

impl Refused for Answer {
    fn refused(&self, status: StatusCode) -> String {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        self.json()["error"].as_str().unwrap().to_owned()
    }
}

async fn get(sb: &Sandbox, path: &str) -> Answer {
    send(Method::GET, &url(sb, path), &[], b"").await
}

async fn post_json(sb: &Sandbox, path: &str, body: &str) -> Answer {
    send(
        Method::POST,
        &url(sb, path),
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
    .await
}

/// `"x.yy"` to fen, with the exact grammar.
fn fen(text: &Value) -> u128 {
    let text = text
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {text}"));
    u128::from(Amount::parse_unbounded(text).unwrap().fen())
}

async fn ledger(sb: &Sandbox) -> Value {
    let a = get(sb, "/admin/ledger").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.header("content-type").starts_with("application/json"));
    a.json()
}

async fn total(sb: &Sandbox) -> u128 {
    fen(&ledger(sb).await["total_money"])
}

fn balance(sb: &Sandbox, user: &str) -> u64 {
    sb.with_ledger(|l| l.balance(user)).unwrap()
}

fn form_encode(pairs: &[(&str, &str)]) -> Vec<u8> {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                Charset::Utf8.form_encode(k).unwrap(),
                Charset::Utf8.form_encode(v).unwrap()
            )
        })
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The value of `name="..."` in `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let len = tag[start..].find('"').unwrap();
    &tag[start..start + len]
}

/// The `action` and the hidden inputs of an HTML form (the first one in `html`).
fn parse_form(html: &str) -> (String, Vec<(String, String)>) {
    let form = &html[html.find("<form ").unwrap()..];
    let action = unescape(attr(form, "action"));
    let inputs = form
        .split("<input ")
        .skip(1)
        .filter(|tag| tag.starts_with("type=\"hidden\""))
        .map(|tag| (unescape(attr(tag, "name")), unescape(attr(tag, "value"))))
        .collect();
    (action, inputs)
}

fn page_order(order: &str, amount: Amount) -> CouponOrderPagePayRequest {
    CouponOrderPagePayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("网页红包 <b>&")
        .amount(amount)
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

/// The browser submitting `page_execute_form` to the sandbox gateway: the cashier page.
async fn open_cashier(c: &AlipayClient, request: &CouponOrderPagePayRequest) -> Answer {
    let form = c.page_execute_form(request).unwrap();
    let (action, inputs) = parse_form(&form);
    let pairs: Vec<(&str, &str)> = inputs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    send(
        Method::POST,
        &action,
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
        ],
        &form_encode(&pairs),
    )
    .await
}

/// The cashier page's form submitted (with the order's `cashier_token`, as the page has it).
async fn cashier_pay(sb: &Sandbox, fields: &[(&str, &str)]) -> Answer {
    let order = fields
        .iter()
        .find(|(k, _)| *k == "out_order_no" || *k == "out_trade_no")
        .map(|(_, v)| *v)
        .unwrap_or_default();
    let token = sb.cashier_token(order);
    let mut fields = fields.to_vec();
    fields.push(("cashier_token", &token));
    send(
        Method::POST,
        &url(sb, "/cashier/pay"),
        &[("content-type", "application/x-www-form-urlencoded")],
        &form_encode(&fields),
    )
    .await
}

async fn app_pay(sb: &Sandbox, payer: &str, order_string: &str) -> Answer {
    send(
        Method::POST,
        &url(sb, &format!("/cashier/app-pay?payer_user_id={payer}")),
        &[("content-type", "application/x-www-form-urlencoded")],
        order_string.as_bytes(),
    )
    .await
}

async fn query(c: &AlipayClient, order: &str) -> alipay_apis::fund::CouponOperationQueryResponse {
    c.execute(
        &CouponOperationQueryRequest::builder()
            .out_order_no(order)
            .out_request_no(format!("{order}-1"))
            .build(),
    )
    .await
    .unwrap()
}

// =============================================================================================
// Admin
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn admin_adds_funds_restricts_and_reads_the_ledger() {
    let sb = sandbox().await;
    let before = ledger(&sb).await;
    let t0 = fen(&before["total_money"]);
    assert_eq!(before["merchant"]["user_id"], DEMO_MERCHANT);
    assert_eq!(before["merchant"]["balance"], "10000.00");
    assert_eq!(before["users"].as_array().unwrap().len(), 3);
    assert_eq!(before["users"][0]["user_id"], ALICE);
    assert_eq!(before["users"][0]["balance"], "1000.00");
    for key in ["red_packets", "operations", "freezes", "vouchers"] {
        assert_eq!(before[key], json!([]), "{key}");
    }
    assert_eq!(before["templates"][0]["budget"], "1000.00");
    assert_eq!(before["templates"][0]["default_amount"], "5.00");

    let a = post_json(
        &sb,
        "/admin/users",
        r#"{"user_id":"2088000000000777","logon_id":"dave@sandbox.test","taobao_nick":"dave_tb","balance":"12.34"}"#,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(
        a.json(),
        json!({"user_id": DAVE, "logon_id": "dave@sandbox.test", "taobao_nick": "dave_tb",
               "balance": "12.34", "restricted": false})
    );
    let a = post_json(
        &sb,
        &format!("/admin/users/{DAVE}/fund"),
        r#"{"amount":"10.00"}"#,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(a.json()["balance"], "22.34");
    assert_eq!(balance(&sb, DAVE), 2234);

    // Funding is the only way money grows: exactly by what was minted.
    assert_eq!(total(&sb).await, t0 + 2234);

    let a = post_json(
        &sb,
        &format!("/admin/users/{DAVE}/restrict"),
        r#"{"restricted":true}"#,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["restricted"], true);
    let one = get(&sb, &format!("/admin/users/{DAVE}")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json()["restricted"], true);
    assert_eq!(one.json()["balance"], "22.34");
    assert!(sb.with_ledger(|l| l.account(DAVE).unwrap().restricted));

    // A user without a balance, a template (its budget is new money too).
    let a = post_json(
        &sb,
        "/admin/users",
        r#"{"user_id":"2088000000000778","logon_id":"erin@sandbox.test"}"#,
    )
    .await;
    assert_eq!(a.json()["balance"], "0.00");
    assert_eq!(a.json()["taobao_nick"], Value::Null);
    let a = post_json(
        &sb,
        "/admin/templates",
        r#"{"template_id":"T-1","name":"券","budget":"100.00","default_amount":"5.00"}"#,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(
        a.json(),
        json!({"template_id": "T-1", "name": "券", "budget": "100.00",
               "default_amount": "5.00", "expired": false})
    );
    let a = post_json(
        &sb,
        "/admin/templates",
        r#"{"template_id":"T-2","name":"普通券","budget":null,"default_amount":null,"expired":true}"#,
    )
    .await;
    assert_eq!(a.json()["budget"], Value::Null);
    assert_eq!(a.json()["expired"], true);
    let after = ledger(&sb).await;
    assert_eq!(fen(&after["total_money"]), t0 + 2234 + 10_000);
    assert_eq!(after["users"].as_array().unwrap().len(), 5);
    assert_eq!(after["templates"].as_array().unwrap().len(), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn admin_refuses_bad_inputs_with_what_is_wrong() {
    let sb = sandbox().await;
    let before = ledger(&sb).await;
    let fund = |body: &'static str| {
        let sb = &sb;
        async move { post_json(sb, &format!("/admin/users/{ALICE}/fund"), body).await }
    };

    let e = fund(r#"{"amount":"1.001"}"#)
        .await
        .refused(StatusCode::BAD_REQUEST);
    assert!(
        e.contains("amount \"1.001\"") && e.contains("at most 2 decimals"),
        "{e}"
    );
    let e = fund(r#"{"amount":"-1.00"}"#)
        .await
        .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("no sign allowed"), "{e}");
    let e = fund(r#"{"amount":"0.00"}"#)
        .await
        .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("greater than 0.00"), "{e}");
    let e = fund(r#"{"amount":"1e2"}"#)
        .await
        .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("exponent"), "{e}");
    // A JSON number is never read as a float.
    let e = fund(r#"{"amount":1.5}"#)
        .await
        .refused(StatusCode::BAD_REQUEST);
    assert!(
        e.contains("bad JSON body") && e.contains("expected a string"),
        "{e}"
    );
    let e = fund(r#"{"amount":"1.00","memo":"x"}"#)
        .await
        .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("unknown field `memo`"), "{e}");
    let e = fund("{").await.refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("bad JSON body"), "{e}");

    let e = post_json(
        &sb,
        "/admin/users/2088000000000999/fund",
        r#"{"amount":"1.00"}"#,
    )
    .await
    .refused(StatusCode::NOT_FOUND);
    assert_eq!(
        e,
        "no sandbox account 2088000000000999; add it with add_user"
    );
    let e = get(&sb, "/admin/users/2088000000000999")
        .await
        .refused(StatusCode::NOT_FOUND);
    assert!(e.contains("no sandbox account"), "{e}");
    let e = post_json(
        &sb,
        "/admin/users/2088000000000999/restrict",
        r#"{"restricted":true}"#,
    )
    .await
    .refused(StatusCode::NOT_FOUND);
    assert!(e.contains("no sandbox account"), "{e}");

    let e = post_json(
        &sb,
        "/admin/users",
        r#"{"user_id":"12345","logon_id":"x@y"}"#,
    )
    .await
    .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("2088 + 12 digits"), "{e}");
    let e = post_json(
        &sb,
        "/admin/users",
        &format!(r#"{{"user_id":"{ALICE}","logon_id":"new@y"}}"#),
    )
    .await
    .refused(StatusCode::CONFLICT);
    assert!(e.contains(ALICE), "{e}");
    let e = post_json(
        &sb,
        "/admin/users",
        r#"{"user_id":"2088000000000779","logon_id":"alice@sandbox.test"}"#,
    )
    .await
    .refused(StatusCode::CONFLICT);
    assert!(e.contains("already used by"), "{e}");
    let e = post_json(
        &sb,
        "/admin/users",
        r#"{"user_id":"2088000000000779","logon_id":"z@y","balance":"0.005"}"#,
    )
    .await
    .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("balance \"0.005\""), "{e}");
    let e = post_json(
        &sb,
        "/admin/templates",
        r#"{"template_id":"20260101000730010040000000EB","name":"dup"}"#,
    )
    .await
    .refused(StatusCode::CONFLICT);
    assert!(e.contains("already exists"), "{e}");
    let e = post_json(
        &sb,
        "/admin/templates",
        r#"{"template_id":"T9","name":"n","budget":"abc"}"#,
    )
    .await
    .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("budget \"abc\""), "{e}");

    let e = get(&sb, "/admin/nothing")
        .await
        .refused(StatusCode::NOT_FOUND);
    assert!(e.contains("no admin route"), "{e}");
    let e = post_json(&sb, "/admin/ledger", "{}")
        .await
        .refused(StatusCode::METHOD_NOT_ALLOWED);
    assert!(e.contains("GET"), "{e}");
    let big = vec![b' '; (1 << 20) + 1];
    let a = send(
        Method::POST,
        &url(&sb, &format!("/admin/users/{ALICE}/fund")),
        &[("content-type", "application/json")],
        &big,
    )
    .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);

    // Nothing of that changed the ledger.
    assert_eq!(ledger(&sb).await, before);
}

// =============================================================================================
// page.pay through the cashier
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn page_pay_form_cashier_pay_and_signed_return() {
    let sb = sandbox().await;
    let c = client(&sb);
    let t0 = total(&sb).await;
    let alice = balance(&sb, ALICE);

    let page = open_cashier(&c, &page_order("W1", amount!("8.88"))).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    assert!(page.header("content-type").starts_with("text/html"));
    let html = page.text();
    // Every value printed is escaped.
    assert!(html.contains("网页红包 &lt;b&gt;&amp;"), "{html}");
    assert!(!html.contains("<b>&"), "{html}");
    assert!(html.contains("<span id=\"amount\">8.88</span>"), "{html}");
    assert!(
        html.contains(&format!("<option value=\"{ALICE}\">")),
        "{html}"
    );
    assert!(html.contains("action=\"/cashier/pay\""), "{html}");
    assert!(
        !html.contains(DEMO_MERCHANT),
        "the merchant is no payer: {html}"
    );
    let (action, fields) = parse_form(&html);
    assert_eq!(action, "/cashier/pay");
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(field("out_order_no"), "W1");
    assert_eq!(field("return_url"), RETURN_URL);

    // The order is open and unpaid; opening the cashier again opens nothing new.
    let packet = sb.with_ledger(|l| l.red_packet_by_out_order_no("W1").cloned().unwrap());
    assert_eq!(packet.status.as_str(), "INIT");
    let again = open_cashier(&c, &page_order("W1", amount!("8.88"))).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(sb.with_ledger(|l| l.red_packets().count()), 1);
    assert_eq!(query(&c, "W1").await.status.unwrap().as_str(), "INIT");

    // The user picks alice and presses Pay.
    let paid = cashier_pay(
        &sb,
        &[
            ("out_order_no", "W1"),
            ("payer_user_id", ALICE),
            ("return_url", &field("return_url")),
        ],
    )
    .await;
    assert_eq!(paid.status, StatusCode::FOUND, "{}", paid.text());
    let location = paid.header("location").to_owned();
    let signed = location
        .strip_prefix(&format!("{RETURN_URL}&"))
        .unwrap_or_else(|| panic!("{location}"));
    // The synchronous return is signed by the gateway like a notification.
    let ret = c.verify_notification(signed.as_bytes()).unwrap();
    assert_eq!(
        ret.get("method"),
        Some("alipay.fund.coupon.order.page.pay.return")
    );
    assert_eq!(ret.get("out_order_no"), Some("W1"));
    assert_eq!(ret.get("auth_no"), Some(packet.auth_no.as_str()));
    assert_eq!(ret.get("status"), Some("SUCCESS"));
    assert_eq!(ret.get("amount"), Some("8.88"));
    assert_eq!(ret.get("app_id"), Some(APP_ID));

    // The merchant's server asks the gateway: paid by alice.
    let q = query(&c, "W1").await;
    assert_eq!(q.status.unwrap().as_str(), "SUCCESS");
    assert_eq!(q.operation_type.unwrap().as_str(), "FREEZE");
    assert_eq!(q.amount, Some(amount!("8.88")));
    assert_eq!(q.payer_user_id.as_deref(), Some(ALICE));
    assert_eq!(q.auth_no.as_deref(), Some(packet.auth_no.as_str()));
    assert_eq!(balance(&sb, ALICE), alice - 888);
    let l = ledger(&sb).await;
    assert_eq!(l["red_packets"][0]["remaining"], "8.88");
    assert_eq!(l["red_packets"][0]["payer"], ALICE);
    assert_eq!(l["red_packets"][0]["status"], "SUCCESS");
    assert_eq!(fen(&l["total_money"]), t0);

    // Paying twice, or reopening the paid order, is refused; no money moves.
    let twice = cashier_pay(&sb, &[("out_order_no", "W1"), ("payer_user_id", BOB)]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(twice.text().contains("already paid"), "{}", twice.text());
    let reopened = open_cashier(&c, &page_order("W1", amount!("8.88"))).await;
    assert_eq!(reopened.status, StatusCode::CONFLICT);
    assert_eq!(balance(&sb, ALICE), alice - 888);
    assert_eq!(total(&sb).await, t0);
}

#[tokio::test(flavor = "multi_thread")]
async fn page_pay_url_in_a_browser_then_paid_without_return_url() {
    let sb = sandbox().await;
    let c = client(&sb);
    let url = c
        .page_execute_url(&page_order("W2", amount!("1.23")))
        .unwrap();
    let page = send(Method::GET, &url, &[("accept", "text/html")], b"").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    assert!(page.text().contains("<span id=\"amount\">1.23</span>"));

    let bob = balance(&sb, BOB);
    let paid = cashier_pay(
        &sb,
        &[
            ("out_order_no", "W2"),
            ("payer_user_id", BOB),
            ("return_url", ""),
        ],
    )
    .await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.text());
    assert!(paid.header("content-type").starts_with("text/html"));
    assert!(paid.text().contains("<span id=\"status\">SUCCESS</span>"));
    assert_eq!(balance(&sb, BOB), bob - 123);

    // A page URL whose signature does not match is refused by the gateway's checks.
    let tampered = url.replace("1.23", "0.01");
    assert_ne!(tampered, url);
    let refused = send(Method::GET, &tampered, &[("accept", "text/html")], b"").await;
    assert!(
        String::from_utf8_lossy(&refused.body).contains("isv.invalid-signature"),
        "{}",
        refused.text()
    );
    assert_eq!(sb.with_ledger(|l| l.red_packets().count()), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn cashier_refusals_are_html_pages_and_move_no_money() {
    let sb = sandbox().await;
    let c = client(&sb);
    let t0 = total(&sb).await;
    let page = open_cashier(&c, &page_order("W3", amount!("20.00"))).await;
    assert_eq!(page.status, StatusCode::OK);

    // Carol has 10.00.
    let short = cashier_pay(&sb, &[("out_order_no", "W3"), ("payer_user_id", CAROL)]).await;
    assert_eq!(short.status, StatusCode::PAYMENT_REQUIRED);
    assert!(short.header("content-type").starts_with("text/html"));
    assert!(
        short.text().contains("MONEY_NOT_ENOUGH"),
        "{}",
        short.text()
    );

    // A restricted payer.
    let r = post_json(
        &sb,
        &format!("/admin/users/{BOB}/restrict"),
        r#"{"restricted":true}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let restricted = cashier_pay(&sb, &[("out_order_no", "W3"), ("payer_user_id", BOB)]).await;
    assert_eq!(restricted.status, StatusCode::FORBIDDEN);
    assert!(restricted.text().contains("PAYER_USER_STATUS_LIMIT"));

    let unknown = cashier_pay(&sb, &[("out_order_no", "nope"), ("payer_user_id", ALICE)]).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let missing = cashier_pay(&sb, &[("out_order_no", "W3")]).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    let evil = cashier_pay(
        &sb,
        &[
            ("out_order_no", "W3"),
            ("payer_user_id", ALICE),
            ("return_url", "javascript:alert('<x>')"),
        ],
    )
    .await;
    assert_eq!(evil.status, StatusCode::BAD_REQUEST);
    assert!(
        evil.text()
            .contains("javascript:alert(&#39;&lt;x&gt;&#39;)")
    );
    assert!(!evil.text().contains("<x>"));

    assert_eq!(
        sb.with_ledger(|l| l.red_packet_by_out_order_no("W3").unwrap().status.as_str()),
        "INIT"
    );
    assert_eq!(total(&sb).await, t0);
    assert_eq!(
        get(&sb, "/cashier/pay").await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    assert_eq!(
        get(&sb, "/cashier/nothing").await.status,
        StatusCode::NOT_FOUND
    );
}

// =============================================================================================
// app.pay
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn app_pay_order_string_is_checked_opened_and_paid() {
    let sb = sandbox().await;
    let c = client(&sb);
    let t0 = total(&sb).await;
    let bob = balance(&sb, BOB);
    let order_string = c.sdk_execute(&app_order("A1", amount!("6.00"))).unwrap();

    let a = app_pay(&sb, BOB, &order_string).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let paid = a.json();
    assert_eq!(paid["out_order_no"], "A1");
    assert_eq!(paid["status"], "SUCCESS");
    assert_eq!(paid["amount"], "6.00");
    assert_eq!(paid["payer_user_id"], BOB);
    let auth_no = paid["auth_no"].as_str().unwrap();
    assert_eq!(balance(&sb, BOB), bob - 600);
    let q = query(&c, "A1").await;
    assert_eq!(q.status.unwrap().as_str(), "SUCCESS");
    assert_eq!(q.auth_no.as_deref(), Some(auth_no));
    assert_eq!(q.payer_user_id.as_deref(), Some(BOB));
    assert_eq!(total(&sb).await, t0);

    // The same order string again: already paid.
    let e = app_pay(&sb, BOB, &order_string)
        .await
        .refused(StatusCode::CONFLICT);
    assert!(e.contains("already paid"), "{e}");
    assert_eq!(balance(&sb, BOB), bob - 600);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tampered_order_string_is_refused_and_moves_no_money() {
    let sb = sandbox().await;
    let c = client(&sb);
    let before = ledger(&sb).await;
    let order_string = c.sdk_execute(&app_order("A2", amount!("6.00"))).unwrap();
    let tampered = order_string.replace("6.00", "0.01");
    assert_ne!(tampered, order_string);

    let a = app_pay(&sb, BOB, &tampered).await;
    let e = a.refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("isv.invalid-signature"), "{e}");
    assert_eq!(a.json()["sub_code"], "isv.invalid-signature");
    assert_eq!(ledger(&sb).await, before);

    // A page.pay order string is not an app.pay one; the payer is required.
    let page = c
        .sign(&Call::for_api(&page_order("W9", amount!("1.00"))).unwrap())
        .and_then(|signed| signed.sdk_order_string())
        .unwrap();
    let e = app_pay(&sb, BOB, &page)
        .await
        .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("alipay.fund.coupon.order.app.pay"), "{e}");
    let e = send(
        Method::POST,
        &url(&sb, "/cashier/app-pay"),
        &[],
        order_string.as_bytes(),
    )
    .await
    .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("payer_user_id"), "{e}");
    assert_eq!(ledger(&sb).await, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restricted_payer_cannot_pay_an_app_order() {
    let sb = sandbox().await;
    let c = client(&sb);
    let r = post_json(
        &sb,
        &format!("/admin/users/{ALICE}/restrict"),
        r#"{"restricted":true}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let alice = balance(&sb, ALICE);
    let order_string = c.sdk_execute(&app_order("A3", amount!("1.00"))).unwrap();
    let e = app_pay(&sb, ALICE, &order_string)
        .await
        .refused(StatusCode::FORBIDDEN);
    assert!(e.contains("PAYER_USER_STATUS_LIMIT"), "{e}");
    assert_eq!(balance(&sb, ALICE), alice);
    // The order stays open; once the restriction is lifted it can be paid.
    post_json(
        &sb,
        &format!("/admin/users/{ALICE}/restrict"),
        r#"{"restricted":false}"#,
    )
    .await;
    let a = app_pay(&sb, ALICE, &order_string).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(balance(&sb, ALICE), alice - 100);
}

// =============================================================================================
// Voucher scan
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn voucher_create_then_a_scan_at_the_cashier_notifies() {
    let sb = sandbox().await;
    let c = client(&sb);
    let t0 = total(&sb).await;
    // A merchant endpoint answering `success`.
    let endpoint = NotifyEndpoint::start();
    let notify_url = endpoint.url().to_owned();
    let request = AuthOrderVoucherCreateRequest::builder()
        .out_order_no("F1")
        .out_request_no("F1-1")
        .order_title("预授权发码")
        .amount(amount!("20.00"))
        .payee_user_id(UserId::parse(BOB).unwrap())
        .build();
    c.call(&request)
        .notify_url(notify_url.clone())
        .send()
        .await
        .unwrap();
    let alice = balance(&sb, ALICE);

    let a = post_json(
        &sb,
        "/cashier/scan",
        &format!(r#"{{"out_order_no":"F1","payer_user_id":"{ALICE}"}}"#),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let scanned = a.json();
    assert_eq!(scanned["notify_type"], "fund_auth_freeze");
    assert_eq!(scanned["status"], "SUCCESS");
    assert_eq!(scanned["amount"], "20.00");
    assert_eq!(scanned["payer_user_id"], ALICE);
    assert_eq!(scanned["notify_url"], notify_url.as_str());
    assert_eq!(balance(&sb, ALICE), alice - 2000);
    assert_eq!(total(&sb).await, t0);
    let l = ledger(&sb).await;
    assert_eq!(l["freezes"][0]["status"], "SUCCESS");
    assert_eq!(l["freezes"][0]["amount"], "20.00");

    let body = tokio::time::timeout(Duration::from_secs(5), endpoint.next_body())
        .await
        .expect("a notification within 5 s");
    let n = c.verify_notification(&body).unwrap();
    assert_eq!(n.notify_type(), Some("fund_auth_freeze"));
    assert_eq!(n.get("out_order_no"), Some("F1"));
    assert_eq!(n.get("auth_no"), scanned["auth_no"].as_str());
    assert_eq!(n.get("payer_user_id"), Some(ALICE));

    // Scanned twice, by the payee, an unknown order, a bad body: refused.
    let scan = |body: String| {
        let sb = &sb;
        async move { post_json(sb, "/cashier/scan", &body).await }
    };
    let e = scan(format!(
        r#"{{"out_order_no":"F1","payer_user_id":"{CAROL}"}}"#
    ))
    .await
    .refused(StatusCode::CONFLICT);
    assert!(e.contains("already paid"), "{e}");
    let e = scan(r#"{"out_order_no":"F9","payer_user_id":"2088102138117431"}"#.into())
        .await
        .refused(StatusCode::NOT_FOUND);
    assert!(e.contains("F9"), "{e}");
    let e = scan(r#"{"out_order_no":"F1"}"#.into())
        .await
        .refused(StatusCode::BAD_REQUEST);
    assert!(e.contains("payer_user_id"), "{e}");
    assert_eq!(total(&sb).await, t0);
}

// =============================================================================================
// Restart on the same state directory
// =============================================================================================

#[tokio::test(flavor = "multi_thread")]
async fn admin_money_and_cashier_payments_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (before, auth_no) = {
        let sb = sandbox_in(dir.path()).await;
        let c = client(&sb);
        let a = post_json(
            &sb,
            "/admin/users",
            r#"{"user_id":"2088000000000777","logon_id":"dave@sandbox.test","balance":"50.00"}"#,
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text());
        let a = post_json(
            &sb,
            &format!("/admin/users/{DAVE}/fund"),
            r#"{"amount":"0.01"}"#,
        )
        .await;
        assert_eq!(a.json()["balance"], "50.01");
        let order_string = c.sdk_execute(&app_order("A1", amount!("20.00"))).unwrap();
        let paid = app_pay(&sb, DAVE, &order_string).await;
        assert_eq!(paid.status, StatusCode::OK, "{}", paid.text());
        let page = open_cashier(&c, &page_order("W1", amount!("0.50"))).await;
        assert_eq!(page.status, StatusCode::OK);
        let r = cashier_pay(&sb, &[("out_order_no", "W1"), ("payer_user_id", DAVE)]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let before = ledger(&sb).await;
        let dave = before["users"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["user_id"] == DAVE)
            .unwrap();
        assert_eq!(dave["balance"], "29.51");
        (before, paid.json()["auth_no"].as_str().unwrap().to_owned())
    };

    let sb = sandbox_in(dir.path()).await;
    assert_eq!(ledger(&sb).await, before);
    let dave = get(&sb, &format!("/admin/users/{DAVE}")).await.json();
    assert_eq!(dave["balance"], "29.51");
    let c = client(&sb);
    let q = query(&c, "A1").await;
    assert_eq!(q.status.unwrap().as_str(), "SUCCESS");
    assert_eq!(q.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(q.payer_user_id.as_deref(), Some(DAVE));
    assert_eq!(query(&c, "W1").await.status.unwrap().as_str(), "SUCCESS");
}
