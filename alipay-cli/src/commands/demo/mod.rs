//! `alipay demo`: two stories against the embedded sandbox gateway, over real HTTP on
//! loopback, with freshly generated keys and certificates and no configuration: the red packet
//! ([`red_packet`]) and the shop ([`shop`]: QR code, refund, barcode, page.pay, a transfer in
//! certificate mode, the day's bill, a certificate rotation). Every money figure is checked
//! against the sandbox; the demo fails with the first disagreement.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alipay_apis::Amount;
use alipay_apis::trade::{ExpectedOrder, PagePayNotify, PayNotify, PrecreateNotify};
use alipay_core::notify::{Handled, Notification, NotifyParseError, NotifyReceiver};
use alipay_core::protocol::generate_app_key_pair;
use alipay_core::value::Yuan;
use alipay_core::{AlipayClient, AppPrivateKey, AppPublicKey, Error, Gateway, GatewayPrivateKey};
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_sandbox::{DEMO_MERCHANT, SandboxCertificates};
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

mod red_packet;
mod shop;

const APP_ID: &str = "2021000000000001";

/// Run the red-packet and shop stories against an embedded sandbox gateway (no
/// configuration, loopback only).
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

/// What both stories share: the sandbox, the merchant's client and notify endpoint.
struct Demo {
    sandbox: Sandbox,
    /// The public-key-mode client (notify_url and return_url set).
    client: AlipayClient,
    /// The merchant's app private key, for the certificate-mode client of the shop story.
    app_key_pem: String,
    /// `http://127.0.0.1:PORT`: the simulated cashier and admin routes.
    cashier: String,
    return_url: String,
    notifications: Notifications,
    /// The shop's orders, which the notify endpoint checks trade notifications against.
    orders: Orders,
}

async fn story() -> Result<(), String> {
    println!(
        "alipay-rs demo: the cash red packet (收发现金红包), then a shop, against a local sandbox gateway\n"
    );

    // Keys: a fresh app key pair, and the sandbox gateway's own key.
    let app = generate_app_key_pair().map_err(|e| e.to_string())?;
    let gateway = generate_app_key_pair().map_err(|e| e.to_string())?;
    let app_key = AppPrivateKey::from_text(&app.private_pem).map_err(|e| e.to_string())?;
    let app_public = AppPublicKey::from_text(&app.public_pem).map_err(|e| e.to_string())?;
    let gateway_key =
        GatewayPrivateKey::from_text(&gateway.private_pem).map_err(|e| e.to_string())?;
    let alipay_public = gateway_key.public_key();
    // Certificate mode (the shop's transfer): a root CA, an Alipay certificate and the app's.
    let certificates = SandboxCertificates::generate(&[(APP_ID.to_owned(), app_public.clone())])
        .map_err(|e| format!("cannot make the sandbox's certificates: {e}"))?;
    println!(
        "[keys]    app key pair, sandbox gateway key and certificates (root, Alipay, app) generated (RSA-2048)"
    );

    // The sandbox gateway and a notify endpoint, both on loopback.
    let mut config = SandboxConfig::new(APP_ID, app_public, gateway_key);
    config.certificates = Some(certificates);
    let sandbox = start(
        config,
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
    let orders = Orders::default();
    let notifications = serve_notifications(listener, client.clone(), orders.clone());
    println!("[notify]  merchant notify endpoint at {notify_url}\n");
    let before = sandbox.with_ledger(|l| l.total_money());

    let mut demo = Demo {
        sandbox,
        client,
        app_key_pem: app.private_pem.to_string(),
        cashier,
        return_url,
        notifications,
        orders,
    };
    red_packet::story(&mut demo).await?;
    println!();
    let minted = shop::story(&mut demo).await?;

    // The ledger.
    let sandbox = demo.sandbox;
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
    // Money only appears when the demo mints it (the shop's new buyer's opening balance).
    if after != before + u128::from(minted.fen()) {
        return Err(format!(
            "money was not conserved: {before} fen before, {minted} yuan minted, {after} fen after"
        ));
    }
    println!(
        "  total money conserved: {} yuan before, {} after ({minted} minted for the shop's new buyer)",
        Yuan(before),
        Yuan(after),
    );
    sandbox.shutdown();
    println!(
        "\ndone: every answer and notification was verified (the sandbox gateway's key, or its Alipay certificate)."
    );
    Ok(())
}

/// The API that opened a shop order, whose typed notification the endpoint parses.
#[derive(Debug, Clone, Copy)]
enum OpenedBy {
    Precreate,
    Pay,
    PagePay,
}

/// The shop's orders by out_trade_no: their amount and the API that opened them.
type Orders = Arc<Mutex<BTreeMap<String, (Amount, OpenedBy)>>>;

/// The merchant's checks on a verified `trade_status_sync` notification: one of our orders,
/// its amount, our seller id and app id.
fn merchant_checks(n: &Notification, orders: &Orders) -> Result<(), String> {
    let out_trade_no = n.get("out_trade_no").unwrap_or_default();
    let order = orders
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(out_trade_no)
        .copied();
    let Some((total_amount, opened_by)) = order else {
        return Err(format!("out_trade_no {out_trade_no:?} is not one of ours"));
    };
    let expected = ExpectedOrder {
        out_trade_no,
        total_amount,
        seller_id: DEMO_MERCHANT,
        app_id: APP_ID,
    };
    // A value that does not fit its type (an amount "1.2.3") is refused before the checks.
    let unreadable = |e: NotifyParseError| format!("{out_trade_no}: {e}");
    let checked = match opened_by {
        OpenedBy::Precreate => PrecreateNotify::from_notification(n)
            .map_err(unreadable)?
            .check(&expected),
        OpenedBy::Pay => PayNotify::from_notification(n)
            .map_err(unreadable)?
            .check(&expected),
        OpenedBy::PagePay => PagePayNotify::from_notification(n)
            .map_err(unreadable)?
            .check(&expected),
    };
    checked.map_err(|m| m.to_string())
}

/// The verdicts of the notify endpoint, in arrival order; notifications can arrive in any
/// order, so the stories wait for the one they expect and keep the others.
struct Notifications {
    rx: mpsc::Receiver<Received>,
    held: VecDeque<Received>,
}

impl Notifications {
    /// The next verdict (a held one first).
    async fn recv(&mut self) -> Option<Received> {
        match self.held.pop_front() {
            Some(held) => Some(held),
            None => self.rx.recv().await,
        }
    }

    /// The first notification that `wanted` picks (up to 5 seconds), keeping the others; a
    /// notification that failed verification or the merchant checks fails the demo.
    async fn wait_for(
        &mut self,
        what: &str,
        wanted: impl Fn(&Notification) -> bool,
    ) -> Result<Notification, String> {
        if let Some(i) = self.held.iter().position(|r| r.as_ref().is_ok_and(&wanted))
            && let Some(Ok(n)) = self.held.remove(i)
        {
            return Ok(n);
        }
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Ok(Some(Ok(n))) if wanted(&n) => return Ok(n),
                Ok(Some(Ok(n))) => self.held.push_back(Ok(n)),
                Ok(Some(Err(e))) => return Err(format!("a notification was refused: {e}")),
                Ok(None) | Err(_) => return Err(format!("no {what} notification within 5 s")),
            }
        }
    }
}

type Received = Result<alipay_core::notify::Notification, String>;

/// A minimal merchant notify endpoint built on [`NotifyReceiver`], served by hyper: verifies
/// each `POST /alipay/notify` exactly as received (signature, sign_type, app_id), makes the
/// merchant checks on `trade_status_sync` ([`merchant_checks`]), processes each notify_id
/// once (a redelivery is answered `success` without processing it again) and hands every
/// verdict out.
fn serve_notifications(
    listener: TcpListener,
    client: AlipayClient,
    orders: Orders,
) -> Notifications {
    let (tx, rx) = mpsc::channel(32);
    let receiver = NotifyReceiver::for_client(&client);
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let (tx, receiver, orders) = (tx.clone(), receiver.clone(), orders.clone());
            let service = service_fn(move |req| {
                let (tx, receiver, orders) = (tx.clone(), receiver.clone(), orders.clone());
                async move { Ok::<_, hyper::Error>(notify(req, &receiver, &orders, &tx).await) }
            });
            tokio::spawn(async move {
                // A peer that goes away mid-request is its own problem.
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(sock), service)
                    .await;
            });
        }
    });
    Notifications {
        rx,
        held: VecDeque::new(),
    }
}

/// The answer to one request of the notify endpoint.
async fn notify(
    req: Request<Incoming>,
    receiver: &NotifyReceiver,
    orders: &Orders,
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
        // A trade notification that fails the merchant checks is not acted on (the demo
        // reports it); it is still answered `success`, as Alipay would only resend it.
        let verdict = if n.notify_type() == Some("trade_status_sync") {
            merchant_checks(n, orders).map(|()| n.clone())
        } else {
            Ok(n.clone())
        };
        tx.try_send(verdict)
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

/// The value of the hidden `cashier_token` input of a cashier page (what the browser submits
/// with the form).
fn cashier_token(html: &str) -> String {
    const INPUT: &str = "name=\"cashier_token\" value=\"";
    html.split_once(INPUT)
        .and_then(|(_, rest)| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
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
