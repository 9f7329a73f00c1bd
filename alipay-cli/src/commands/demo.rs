//! `alipay demo`: the red-packet story against the embedded sandbox gateway, over real HTTP
//! on loopback, with freshly generated keys and no configuration.

use std::time::Duration;

use alipay_apis::fund::{
    AuthOrderVoucherCreateRequest, CouponOperationQueryRequest, CouponOrderAgreementPayRequest,
    CouponOrderAppPayRequest, CouponOrderDisburseRequest, CouponOrderPagePayRequest,
    CouponOrderRefundRequest,
};
use alipay_apis::marketing::VoucherSendRequest;
use alipay_apis::{Amount, UserId, amount};
use alipay_core::AlipayClient;
use alipay_core::Gateway;
use alipay_core::notify::{Handled, NotifyReceiver};
use alipay_core::protocol::generate_app_key_pair;
use alipay_core::{AppPrivateKey, AppPublicKey, Error, GatewayPrivateKey};
use alipay_sandbox::server::{SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_TEMPLATE, DEMO_USERS};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{ACCEPT, CONTENT_TYPE, HOST};
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

use crate::Failure;

const APP_ID: &str = "2021000000000001";

/// Run the red-packet flow against an embedded sandbox gateway (no configuration, loopback only).
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_: Args) -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Rejected(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(story()).map_err(Failure::Rejected)
}

fn fail(step: &str) -> impl Fn(Error) -> String + '_ {
    move |e| format!("{step}: {e}")
}

fn user(i: usize) -> Result<UserId, String> {
    UserId::parse(DEMO_USERS[i].0).map_err(|e| e.to_string())
}

/// The wire value of an optional response enum.
fn name<E: AsWire>(value: &Option<E>) -> &str {
    value.as_ref().map(AsWire::wire).unwrap_or("-")
}

trait AsWire {
    fn wire(&self) -> &str;
}

macro_rules! as_wire {
    ($($t:ty),*) => { $(impl AsWire for $t { fn wire(&self) -> &str { self.as_str() } })* };
}

as_wire!(
    alipay_apis::fund::CouponOrderAgreementPayResponseStatus,
    alipay_apis::fund::CouponOrderRefundResponseStatus,
    alipay_apis::fund::CouponOperationQueryResponseStatus,
    alipay_apis::fund::CouponOperationQueryResponseOperationType,
    alipay_apis::fund::AuthOrderVoucherCreateResponseCodeType
);

fn show(amount: Option<Amount>) -> String {
    amount.map(|a| a.to_string()).unwrap_or_else(|| "-".into())
}

async fn story() -> Result<(), String> {
    println!(
        "alipay-rs demo: the cash red packet (收发现金红包) against a local sandbox gateway\n"
    );

    // 1. Keys: a fresh app key pair, and the sandbox gateway's own key.
    let app = generate_app_key_pair().map_err(|e| e.to_string())?;
    let gateway = generate_app_key_pair().map_err(|e| e.to_string())?;
    let app_key = AppPrivateKey::from_text(&app.private_pem).map_err(|e| e.to_string())?;
    let app_public = AppPublicKey::from_text(&app.public_pem).map_err(|e| e.to_string())?;
    let gateway_key =
        GatewayPrivateKey::from_text(&gateway.private_pem).map_err(|e| e.to_string())?;
    let alipay_public = gateway_key.public_key();
    println!("[keys]    app key pair and sandbox gateway key generated (RSA-2048)");

    // 2. The sandbox gateway and a notify endpoint, both on loopback.
    let sandbox = start(
        SandboxConfig::new(APP_ID, app_public, gateway_key),
        "127.0.0.1:0"
            .parse()
            .map_err(|_| "bad address".to_string())?,
    )
    .await
    .map_err(|e| format!("cannot start the sandbox: {e}"))?;
    println!("[sandbox] gateway listening at {}", sandbox.gateway_url);
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("notify endpoint: {e}"))?;
    let notify_url = format!(
        "http://{}/alipay/notify",
        listener.local_addr().map_err(|e| e.to_string())?
    );

    let cashier = sandbox
        .gateway_url
        .trim_end_matches("/gateway.do")
        .to_owned();
    let return_url = notify_url.replace("/alipay/notify", "/alipay/return");
    let client = AlipayClient::builder(APP_ID, app_key, alipay_public)
        .gateway(Gateway::new(&sandbox.gateway_url).map_err(|e| e.to_string())?)
        .notify_url(&notify_url)
        .return_url(&return_url)
        .build()
        .map_err(|e| e.to_string())?;
    let mut notifications = serve_notifications(listener, client.clone());
    println!("[notify]  merchant notify endpoint at {notify_url}\n");
    let before = sandbox.with_ledger(|l| l.total_money());

    // 3. The merchant funds a red packet of 10.00 under its no-password agreement.
    let paid = client
        .execute(
            &CouponOrderAgreementPayRequest::builder()
                .out_order_no("demo-packet-1")
                .out_request_no("demo-packet-1-pay")
                .order_title("新春红包")
                .amount(amount!("10.00"))
                .build(),
        )
        .await
        .map_err(fail("agreement.pay"))?;
    let auth_no = paid.auth_no.clone().unwrap_or_default();
    println!(
        "[1] agreement.pay  10.00 from the merchant -> red packet auth_no {auth_no}, status {}",
        name(&paid.status)
    );

    // 4. Disburse to three users; a fourth disbursement asks for more than is left.
    let shares = [amount!("3.00"), amount!("2.50"), amount!("1.50")];
    let mut operations = Vec::new();
    for (i, share) in shares.into_iter().enumerate() {
        let order = format!("demo-disburse-{}", i + 1);
        let r = client
            .execute(
                &CouponOrderDisburseRequest::builder()
                    .out_order_no(order.as_str())
                    .out_request_no(format!("{order}-1"))
                    .order_title("红包打款")
                    .amount(share)
                    .deduct_auth_no(auth_no.as_str())
                    .payee_user_id(user(i)?)
                    .build(),
            )
            .await
            .map_err(fail("disburse"))?;
        println!(
            "[2] disburse       {share} to {} ({}) -> operation {}",
            DEMO_USERS[i].1,
            DEMO_USERS[i].0,
            r.operation_id.as_deref().unwrap_or("-")
        );
        operations.push((order.clone(), format!("{order}-1")));
    }
    let too_much = client
        .execute(
            &CouponOrderDisburseRequest::builder()
                .out_order_no("demo-disburse-4")
                .out_request_no("demo-disburse-4-1")
                .order_title("红包打款")
                .amount(amount!("5.00"))
                .deduct_auth_no(auth_no.as_str())
                .payee_user_id(user(0)?)
                .build(),
        )
        .await;
    match too_much {
        Err(e @ Error::Business(_)) => println!(
            "[3] disburse       5.00 with 3.00 left -> refused as expected: {}",
            e.api_error().map(|a| a.to_string()).unwrap_or_default()
        ),
        other => return Err(format!("expected MONEY_NOT_ENOUGH, got {other:?}")),
    }

    // 5. Refund the remainder to the merchant.
    let refund = client
        .execute(
            &CouponOrderRefundRequest::builder()
                .auth_no(auth_no.as_str())
                .out_request_no("demo-refund-1")
                .amount(amount!("3.00"))
                .remark("红包退回")
                .build(),
        )
        .await
        .map_err(fail("refund"))?;
    println!(
        "[4] refund         {} of the remainder back to the merchant -> status {}",
        show(refund.amount),
        name(&refund.status)
    );
    operations.push(("demo-packet-1".into(), "demo-refund-1".into()));

    // 6. Query every operation by the merchant's own ids.
    for (out_order_no, out_request_no) in &operations {
        let q = client
            .execute(
                &CouponOperationQueryRequest::builder()
                    .out_order_no(out_order_no.as_str())
                    .out_request_no(out_request_no.as_str())
                    .build(),
            )
            .await
            .map_err(fail("operation.query"))?;
        println!(
            "[5] query          {out_request_no}: {} {} {}",
            name(&q.operation_type),
            show(q.amount),
            name(&q.status)
        );
    }

    // 7. The notifications the sandbox POSTed, verified by the merchant endpoint.
    let mut received = 0;
    while received < 4 {
        match tokio::time::timeout(Duration::from_secs(5), notifications.recv()).await {
            Ok(Some(Ok(n))) => {
                received += 1;
                println!(
                    "[6] notification   {} {} {} (verified, processed once per notify_id, answered success)",
                    n.notify_type().unwrap_or("-"),
                    n.get("out_request_no").unwrap_or("-"),
                    n.get("amount").unwrap_or("-")
                );
            }
            Ok(Some(Err(e))) => return Err(format!("a notification failed verification: {e}")),
            Ok(None) | Err(_) => break,
        }
    }
    if received < 4 {
        return Err(format!("expected 4 notifications, received {received}"));
    }

    // 8. A pre-authorisation QR code, scanned by a user (simulated).
    let code = client
        .execute(
            &AuthOrderVoucherCreateRequest::builder()
                .out_order_no("demo-freeze-1")
                .out_request_no("demo-freeze-1-1")
                .order_title("预授权发码")
                .amount(amount!("20.00"))
                .build(),
        )
        .await
        .map_err(fail("voucher.create"))?;
    println!(
        "[7] voucher.create 20.00 -> {} {}",
        name(&code.code_type),
        code.code_value.as_deref().unwrap_or("-")
    );
    // The user's phone scanning the code: the sandbox's simulated cashier.
    let scan_body = format!(
        r#"{{"out_order_no":"demo-freeze-1","payer_user_id":"{}"}}"#,
        DEMO_USERS[1].0
    );
    let scanned = http(
        "POST",
        &format!("{cashier}/cashier/scan"),
        Some(("application/json", scan_body.as_bytes())),
    )
    .await?;
    if scanned.status != 200 {
        return Err(format!("scan: HTTP {} {}", scanned.status, scanned.text()));
    }
    println!(
        "[7] scan           {} scanned the code (POST /cashier/scan): 20.00 frozen",
        DEMO_USERS[1].1
    );
    match tokio::time::timeout(Duration::from_secs(5), notifications.recv()).await {
        Ok(Some(Ok(n))) => println!(
            "[7] notification   {} {} {} (verified, processed once per notify_id, answered success)",
            n.notify_type().unwrap_or("-"),
            n.get("out_order_no").unwrap_or("-"),
            n.get("amount").unwrap_or("-")
        ),
        Ok(Some(Err(e))) => return Err(format!("a notification failed verification: {e}")),
        Ok(None) | Err(_) => return Err("no fund_auth_freeze notification after the scan".into()),
    }

    // 9. A voucher from a red-packet template.
    let voucher = client
        .execute(
            &VoucherSendRequest::builder()
                .template_id(DEMO_TEMPLATE)
                .out_biz_no("demo-voucher-1")
                .user_id(user(2)?)
                .build(),
        )
        .await
        .map_err(fail("voucher.send"))?;
    println!(
        "[8] voucher.send   template {DEMO_TEMPLATE} to {} -> voucher {}",
        DEMO_USERS[2].1,
        voucher.voucher_id.as_deref().unwrap_or("-")
    );

    // 10. The two client-side APIs: an order string for the app, a form for the browser.
    let order_string = client
        .sdk_execute(
            &CouponOrderAppPayRequest::builder()
                .out_order_no("demo-app-1")
                .out_request_no("demo-app-1-1")
                .order_title("App红包")
                .amount(amount!("6.66"))
                .build(),
        )
        .map_err(fail("app.pay"))?;
    println!(
        "[9] app.pay        order string for the Alipay app ({} chars): {}...",
        order_string.len(),
        &order_string.chars().take(72).collect::<String>()
    );
    // The Alipay app paying it: the order string goes to the simulated cashier.
    let paid = http(
        "POST",
        &format!(
            "{cashier}/cashier/app-pay?payer_user_id={}",
            DEMO_USERS[0].0
        ),
        Some(("application/x-www-form-urlencoded", order_string.as_bytes())),
    )
    .await?;
    if paid.status != 200 {
        return Err(format!("app.pay: HTTP {} {}", paid.status, paid.text()));
    }
    println!(
        "[9] app.pay        {} paid it in the app (POST /cashier/app-pay): {}",
        DEMO_USERS[0].1,
        paid.text()
    );
    let page = CouponOrderPagePayRequest::builder()
        .out_order_no("demo-page-1")
        .out_request_no("demo-page-1-1")
        .order_title("网页红包")
        .amount(amount!("8.88"))
        .build();
    let form = client.page_execute_form(&page).map_err(fail("page.pay"))?;
    let url = client.page_execute_url(&page).map_err(fail("page.pay"))?;
    println!(
        "[9] page.pay       auto-submitting form ({} bytes), or a GET URL ({} chars), to the gateway",
        form.len(),
        url.len()
    );
    // A browser following it gets the cashier page, whose Pay button posts to /cashier/pay.
    let cashier_page = http_get_html(&url).await?;
    if cashier_page.status != 200 || !cashier_page.text().contains("/cashier/pay") {
        return Err(format!(
            "page.pay: no cashier page (HTTP {})",
            cashier_page.status
        ));
    }
    let pay_form = format!(
        "out_order_no=demo-page-1&payer_user_id={}&return_url={}",
        DEMO_USERS[1].0,
        form_encode(&return_url)
    );
    let clicked = http(
        "POST",
        &format!("{cashier}/cashier/pay"),
        Some(("application/x-www-form-urlencoded", pay_form.as_bytes())),
    )
    .await?;
    let location = clicked.header("location").unwrap_or_default();
    if clicked.status != 302 || !location.starts_with(&return_url) {
        return Err(format!(
            "page.pay: the cashier did not redirect to return_url (HTTP {})",
            clicked.status
        ));
    }
    // The synchronous return is signed like a notification: verify before trusting it.
    let query = location.split_once('?').map(|(_, q)| q).unwrap_or("");
    let back = client
        .verify_notification(query.as_bytes())
        .map_err(|e| format!("page.pay return: {e}"))?;
    println!(
        "[9] page.pay       {} clicked Pay on the cashier page; redirected to return_url, signed return verified: {} {}",
        DEMO_USERS[1].1,
        back.get("out_order_no").unwrap_or("-"),
        back.get("status").unwrap_or("-")
    );
    for order in ["demo-app-1", "demo-page-1"] {
        let q = client
            .execute(
                &CouponOperationQueryRequest::builder()
                    .out_order_no(order)
                    .out_request_no(format!("{order}-1"))
                    .build(),
            )
            .await
            .map_err(fail("operation.query"))?;
        println!(
            "[9] query          {order}-1: {} {} {}",
            name(&q.operation_type),
            show(q.amount),
            name(&q.status)
        );
    }

    // 11. The ledger.
    println!("\nledger (integer fen, shown in yuan):");
    let (after, lines) = sandbox.with_ledger(|l| {
        let mut lines = Vec::new();
        for a in l.accounts() {
            let who = if a.user_id == DEMO_MERCHANT {
                "merchant"
            } else {
                a.logon_id.as_str()
            };
            lines.push(format!(
                "  {:<22} {:<20} {:>12}",
                a.user_id,
                who,
                Amount::from_fen(a.balance).to_string()
            ));
        }
        (l.total_money(), lines)
    });
    for line in lines {
        println!("{line}");
    }
    if after != before {
        return Err(format!(
            "money was not conserved: {before} fen before, {after} after"
        ));
    }
    println!(
        "  total money conserved: {} yuan before and after",
        Amount::from_fen(after as u64)
    );
    sandbox.shutdown();
    println!("\ndone: every answer was verified with the sandbox gateway's public key.");
    Ok(())
}

type Received = Result<alipay_core::notify::Notification, String>;

/// A minimal merchant notify endpoint built on [`NotifyReceiver`], served by hyper: verifies
/// each `POST /alipay/notify` exactly as received (signature, sign_type, app_id), processes
/// each notify_id once (a redelivery is answered `success` without processing it again) and
/// hands every verdict out.
fn serve_notifications(listener: TcpListener, client: AlipayClient) -> mpsc::Receiver<Received> {
    let (tx, rx) = mpsc::channel(16);
    let receiver = NotifyReceiver::for_client(&client);
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let (tx, receiver) = (tx.clone(), receiver.clone());
            let service = service_fn(move |req| {
                let (tx, receiver) = (tx.clone(), receiver.clone());
                async move { Ok::<_, hyper::Error>(notify(req, &receiver, &tx).await) }
            });
            tokio::spawn(async move {
                // A peer that goes away mid-request is its own problem.
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(sock), service)
                    .await;
            });
        }
    });
    rx
}

/// The answer to one request of the notify endpoint.
async fn notify(
    req: Request<Incoming>,
    receiver: &NotifyReceiver,
    tx: &mpsc::Sender<Received>,
) -> Response<Full<Bytes>> {
    if req.uri().path() != "/alipay/notify" {
        return plain(StatusCode::NOT_FOUND, "not found");
    }
    if req.method() != Method::POST {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "POST only");
    }
    // Notifications are a few KB; a body over 64 KiB is not one.
    let body = match Limited::new(req.into_body(), 64 * 1024).collect().await {
        Ok(body) => body.to_bytes(),
        Err(_) => return plain(StatusCode::BAD_REQUEST, "unreadable or oversized body"),
    };
    let handled = receiver.handle(&body, |n| {
        tx.try_send(Ok(n.clone()))
            .map_err(|_| "the demo stopped listening")
    });
    if let Handled::Rejected(e) = &handled {
        let _ = tx.try_send(Err(e.to_string()));
    }
    plain(StatusCode::OK, handled.answer())
}

fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/plain;charset=utf-8"),
    );
    response
}

/// An HTTP answer, as the demo's browser and phone see it.
struct Fetched {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Fetched {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    }
}

/// A one-shot HTTP/1.1 request on loopback (the user's side of the demo; the SDK's own
/// transport is for calls to the gateway).
async fn http(method: &str, url: &str, body: Option<(&str, &[u8])>) -> Result<Fetched, String> {
    request(method, url, body, "*/*").await
}

/// A browser's GET.
async fn http_get_html(url: &str) -> Result<Fetched, String> {
    request("GET", url, None, "text/html,application/xhtml+xml").await
}

async fn request(
    method: &str,
    url: &str,
    body: Option<(&str, &[u8])>,
    accept: &str,
) -> Result<Fetched, String> {
    let uri: hyper::Uri = url.parse().map_err(|e| format!("{url}: {e}"))?;
    if uri.scheme_str() != Some("http") {
        return Err(format!("not an http URL: {url}"));
    }
    let host = uri
        .authority()
        .ok_or_else(|| format!("no host in {url}"))?
        .as_str()
        .to_owned();
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    let sock = TcpStream::connect(&host)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(sock))
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    tokio::spawn(connection);
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(HOST, &host)
        .header(ACCEPT, accept);
    let payload = match body {
        Some((content_type, bytes)) => {
            req = req.header(CONTENT_TYPE, content_type);
            Bytes::copy_from_slice(bytes)
        }
        None => Bytes::new(),
    };
    let req = req
        .body(Full::new(payload))
        .map_err(|e| format!("{url}: {e}"))?;
    let response = sender
        .send_request(req)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("{url}: {e}"))?
        .to_bytes()
        .to_vec();
    Ok(Fetched {
        status,
        headers,
        body,
    })
}

fn form_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
