//! The sandbox gateway over real HTTP/1.1 on loopback: checks every call like the live
//! gateway (public parameters, charset, signature, timestamp; its public result codes), runs it through the
//! [`Ledger`] and answers with a response signed by the gateway key. Notifications go to the
//! call's `notify_url` in the background.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use alipay_core::protocol::generate_app_key_pair;
//! use alipay_core::{AppPublicKey, GatewayPrivateKey};
//! use alipay_sandbox::server::{SandboxConfig, start};
//! // The app's public key (as registered in the console) and the sandbox gateway's own key.
//! let (app, gateway) = (generate_app_key_pair()?, generate_app_key_pair()?);
//! let config = SandboxConfig::new(
//!     "2021000000000001",
//!     AppPublicKey::from_text(&app.public_pem)?,
//!     GatewayPrivateKey::from_text(&gateway.private_pem)?,
//! );
//! let sandbox = start(config, "127.0.0.1:0".parse()?).await?;
//! println!("{}", sandbox.gateway_url);
//! let before = sandbox.with_ledger(|l| l.balance(alipay_sandbox::DEMO_USERS[0].0));
//! sandbox.with_books(|b| b.fund(alipay_sandbox::DEMO_USERS[0].0, 10_000))?;
//! let after = sandbox.with_ledger(|l| l.balance(alipay_sandbox::DEMO_USERS[0].0));
//! assert_eq!(after, before.map(|fen| fen + 10_000));
//! # Ok(()) }
//! ```
//!
//! ## Checks, in order
//!
//! Parameters are the query merged with an `application/x-www-form-urlencoded` body, decoded
//! in the declared charset; GET with everything in the query is accepted.
//!
//! 0. A parameter sent twice (twice in the query, twice in the body, or once in each; empty
//!    copies count): `40002 isv.invalid-parameter`, `sub_msg` naming it, under
//!    `error_response`, signed like every refusal. Executing one copy while another was
//!    signed or logged is how a tampered form slips through.
//! 1. `charset` missing (from the query and the body): `40001 isv.missing-charset`, `sub_msg`
//!    saying the live gateway does not default to UTF-8 (it fails the signature, hinting
//!    请确认charset参数放在了URL查询); not `utf-8`/`GBK` (or bytes not valid in it):
//!    `40002 isv.invalid-charset`.
//! 2. `app_id` missing: `40001 isv.missing-app-id`; unknown: `40002 isv.invalid-app-id`.
//! 3. `method` missing: `40001 isv.missing-method`; not one the ledger serves:
//!    `40002 isv.invalid-method` (both under `error_response`; every later refusal is in the
//!    method's own node).
//! 4. `version` missing: `40001 isv.missing-version`; not `1.0`: `40002 isv.invalid-parameter`.
//! 5. `sign_type` missing / not `RSA2`/`RSA`: `isv.missing-signature-type` /
//!    `isv.invalid-signature-type`.
//! 6. `sign` missing: `40001 isv.missing-signature`.
//! 7. `timestamp` missing, not `yyyy-MM-dd HH:mm:ss`, or further than `max_clock_skew` from
//!    now in UTC+8: `40002 isv.invalid-timestamp`.
//! 8. Certificate mode (the call carries `app_cert_sn` or `alipay_root_cert_sn`): `app_cert_sn`
//!    not the SN of the app's certificate (or no [`SandboxConfig::certificates`]):
//!    `40002 isv.app-cert-not-exist`; `alipay_root_cert_sn` not the root's:
//!    `40002 isv.invalid-alipay-root-cert-sn`. A call in certificate mode is answered in it
//!    from its first refusal on: signed with the current Alipay certificate's key, with
//!    `alipay_cert_sn`; its notifications are signed with that key too.
//! 9. The signature (every non-empty parameter but `sign`, sorted, charset bytes) checked with
//!    the app's public key under the declared `sign_type`: `40002 isv.invalid-signature`,
//!    `sub_msg` quoting the gateway's sign string like the live gateway.
//! 10. `encrypt_type` (signed over the ciphertext, then decrypted): not
//!     `AES`: `40002 isv.decryption-error-not-valid-encrypt-type`; the app has no key in
//!     [`SandboxConfig::encrypt_keys`]: `isv.decryption-error-not-valid-encrypt-key`; the
//!     ciphertext does not decrypt: `isv.invalid-encrypt`. The answer of an encrypted call is
//!     encrypted with the same key (gateway refusals and injected faults stay plain).
//!
//! 10. The money-out APIs (`alipay.fund.trans.uni.transfer`, `alipay.fund.trans.common.query`,
//!     `alipay.fund.account.query`) need certificate mode, as on Alipay: a call without
//!     `app_cert_sn` is answered `40002 isv.missing-app-cert-sn` in the method's node (a call
//!     that names certificates has had its serial numbers checked above).
//!
//! `alipay.system.oauth.token` reads its parameters (`grant_type`, `code`, `refresh_token`)
//! from the form, and `alipay.user.info.share` the public `auth_token`, as Alipay does.
//!
//! Responses are signed with the request's `sign_type` and charset (RSA2 / utf-8 when those
//! are themselves invalid).
//!
//! `alipay.open.app.alipaycert.download` (`{"alipay_cert_sn"}` → `alipay_cert_content`, the
//! base64 of the PEM) is answered by the gateway itself for every Alipay certificate it
//! issued; `POST /admin/rotate-alipay-cert` issues a new one (see [`crate::certs`]).
//!
//! HTTPS: with [`SandboxConfig::tls`] (a self-signed certificate from `SandboxTls::generate`)
//! the gateway speaks only `https`; clients trust
//! [`Sandbox::tls_certificate_pem`] through `TransportConfig::extra_roots`.
//!
//! With [`SandboxConfig::log_calls`] each answer is logged on stderr, and a refused timestamp
//! says how far off it was (8 hours means the client stamped UTC).
//!
//! ## Connections
//!
//! [`SandboxConfig::limits`] ([`ConnectionLimits`]): a connection whose request headers are
//! not complete `header_read_timeout` (10 s) after their first byte, or idle (no request under
//! way) for `idle_timeout` (30 s), is closed; a body not complete `body_read_timeout` (30 s)
//! after its headers fails to read, and the refusal closes the connection. Beyond
//! `max_connections` (512) a new connection is answered `503` with a short body and closed
//! (over `https`: closed).
//!
//! ## Faults
//!
//! [`SandboxConfig::faults`] (a [`FaultPlan`]) decides, after the checks above pass, whether
//! the call is refused with `20000` before being applied, applied and answered `20000` or
//! `10003`, applied and its connection dropped, applied and answered late, or applied and
//! answered `20000` GBK-encoded under `charset=utf-8` with its notifications GBK-encoded too.
//!
//! ## State
//!
//! With [`SandboxConfig::state_dir`] every change is committed to the journal of
//! [`Books`] before it is applied and answered, so the ledger survives a restart and a
//! `kill -9`. Notifications still being retried when the process dies are not re-sent.
//!
//! ## Notifications
//!
//! For each [`NotifyEvent`](crate::NotifyEvent) of a call that carried an `http://`
//! `notify_url`, a task POSTs the signed form (`notify_id`, `notify_time`, `notify_type`,
//! `app_id`, `charset`, `version`, the event's fields) until the endpoint answers exactly
//! `success`: 8 deliveries on Alipay's schedule (re-sent 4m, 10m, 10m, 1h, 2h, 6h, 15h after
//! the previous try) with one Alipay minute compressed into 25 ms (re-sends after 100 ms,
//! 250 ms, 250 ms, 1.5 s, 3 s, 9 s, 22.5 s). The reply never waits for it.
//! `https` URLs are not delivered. Trade notifications (`trade_status_sync`, when a trade becomes
//! `TRADE_SUCCESS`, `TRADE_FINISHED` or `TRADE_CLOSED`, and after each refund) go to the
//! `notify_url` of the call that opened the trade, signed with that call's `sign_type` and
//! charset, whichever call or cashier action raised them; that target is journaled with the
//! trade, so it survives a restart. A `notify_id` is 34 hex characters like Alipay's, one per
//! event and unique across restarts (it carries the journal sequence number).
//!
//! ## Admin and cashier
//!
//! Besides `/gateway.do`, the operator's and the user's side, kept out of reach of web pages:
//!
//! * every request whose `Host` is not a loopback name or address or the listen address (any
//!   IP literal when listening on every interface) is refused `421` (DNS rebinding);
//! * `/admin/` and `/cashier/` refuse a cross-site `Origin` (or `Sec-Fetch-Site: cross-site`)
//!   with `403`, and their JSON POST routes (all but `/cashier/pay` and `/cashier/app-pay`)
//!   a `Content-Type` other than `application/json` with `415` (a page can POST `text/plain`
//!   across origins, never JSON without a preflight);
//! * the HTML cashier's form carries `cashier_token`, derived from the gateway key and the
//!   order number ([`Sandbox::cashier_token`]); `/cashier/pay` without it is `403`;
//! * with [`SandboxConfig::admin_token`] (required to listen off loopback) every `/admin/`
//!   request needs `Authorization: Bearer <token>` (`401`).
//!
//! Every change goes through the journaled
//! [`Books`] helpers, so it survives a restart with a state directory. Amounts are `"x.yy"`
//! JSON strings both ways (JSON numbers are refused); bodies are limited to 1 MiB (413).
//!
//! | route | what |
//! | --- | --- |
//! | `GET /admin/ledger` | merchant, users, red packets, operations, freezes, templates, vouchers, trades, trade refunds, `total_money` |
//! | `GET /admin/users/{user_id}` | one user: `user_id`, `logon_id`, `taobao_nick`, `balance`, `restricted` |
//! | `POST /admin/users` | `{"user_id","logon_id","taobao_nick"?,"balance"?,"confirm_on_phone"?}`: adds (and funds) a user; `confirm_on_phone` makes their `trade.pay` answer `10003` until `/cashier/confirm` (the user's JSON then says `"confirm_on_phone": true`) |
//! | `POST /admin/users/{user_id}/fund` | `{"amount":"10.00"}` (> 0): mints money; answers the user |
//! | `POST /admin/users/{user_id}/restrict` | `{"restricted":true}` |
//! | `POST /admin/templates` | `{"template_id","name","budget"?,"default_amount"?,"expired"?}` |
//! | `POST /admin/rotate-alipay-cert` | a new Alipay certificate (new key, same root), current at once: `{"alipay_cert_sn","previous_alipay_cert_sn","alipay_cert_pem"}`; 404 without certificate mode |
//! | page.pay at `/gateway.do` from a browser (`Accept` names `text/html`) | after the checks above (no faults are injected), opens the pending order and answers an HTML cashier page whose form POSTs to `/cashier/pay`; a refused check still answers the signed JSON refusal, and a client that does not ask for HTML gets the signed JSON node of the pending order as before |
//! | `POST /cashier/pay` | form `out_order_no`, `payer_user_id`, `return_url`?: pays; 302 to `return_url` with a signed synchronous return (`app_id`, `method` `alipay.fund.coupon.order.page.pay.return`, `version`, `timestamp`, `out_order_no`, `auth_no`, `amount`, `status`, `charset`, `sign_type`, `sign`: check it with `verify_notification`), else an HTML "paid" page |
//! | `POST /cashier/app-pay?payer_user_id=…` | body: the app.pay order string of `sdk_execute`, checked like a gateway call (signature, app, timestamp); opens and pays the order: `{"out_order_no","auth_no","status","amount","payer_user_id"}` |
//! | `POST /cashier/scan` | `{"qr_code","buyer_user_id"}`: scans a precreated trade's `qr_code` (pays it: `{"trade_no","out_trade_no","trade_status","total_amount","buyer_user_id","notify_url"}`) or a voucher.create `code_value` (freezes: the `fund_auth_freeze` fields, POSTed to that voucher.create call's `notify_url`); the older `{"out_order_no","payer_user_id"}` of a voucher still works |
//! | `POST /cashier/payment-code` | `{"buyer_user_id"}`: `{"auth_code","buyer_user_id"}`, a one-time payment code (18 digits starting `28`) for `alipay.trade.pay`; used or unknown: `ACQ.PAYMENT_AUTH_CODE_INVALID` |
//! | `POST /cashier/confirm` | `{"out_trade_no","buyer_user_id"}`: the buyer confirms on the phone a `trade.pay` that answered `10003` (buyers added with `"confirm_on_phone": true`); answers the trade like `/cashier/scan` |
//! | `POST /cashier/trade-pay` | `{"trade_no","buyer_user_id"}`: pays a `trade.create` order (only its `buyer_id`, when it named one: 403 otherwise) |
//! | page.pay / wap.pay of `alipay.trade.*` from a browser | the cashier page; its form POSTs `out_trade_no`, `buyer_user_id` to `/cashier/pay`, which pays and answers 302 to the call's `return_url` with the signed synchronous return (`method` `alipay.trade.page.pay.return` / `alipay.trade.wap.pay.return`, `app_id`, `auth_app_id`, `version`, `timestamp`, `out_trade_no`, `trade_no`, `total_amount`, `seller_id`, `charset`, `sign_type`, `sign`) |
//! | `POST /cashier/app-pay?payer_user_id=…` with an `alipay.trade.app.pay` order string | opens and pays the trade; answers it like `/cashier/scan` |
//! | `POST /admin/trades/{out_trade_no}/finish` | a paid trade's refund period is over: `TRADE_FINISHED` (notified); answers the trade |
//! | `POST /cashier/app-pay?payer_user_id=…` with an `alipay.fund.auth.order.app.freeze` order string | the buyer confirms the online pre-authorisation: the amount is frozen from their balance (`{"out_order_no","auth_no","operation_id","status","amount","payer_user_id"}`; the same order string again freezes nothing more; a refusal is 400 with `code`/`sub_code`/`sub_msg`); `fund_auth_freeze` is POSTed to the order string's `notify_url` |
//! | `POST /cashier/authorize` | `{"buyer_user_id","scope"?}` (`auth_user`, the default, or `auth_base`): the user agrees to share their account with the app: `{"auth_code","scope"}`, good once for `alipay.system.oauth.token`; unknown user 404, unknown scope 400 |
//! | `GET /bill/download?token=…` | what a `bill_download_url` of `alipay.data.dataservice.bill.downloadurl.query` points at, for 30 seconds: `application/zip` (stored) of the day's or month's bill, GBK CSV files in Alipay's trade-bill layout built from the books when fetched (see [`crate::bill`]); unknown or older than 30 s: 404 |
//!
//! Refusals: admin and JSON cashier routes answer `{"error": "..."}`, `/cashier/pay` an HTML
//! page with the error. Ledger refusals map to 404 (unknown user or order), 409 (taken user
//! id or logon id, template id, already paid, `UNIQUE_VIOLATION`), 403 (restricted payer,
//! `PAYER_USER_STATUS_LIMIT`), 402 (`MONEY_NOT_ENOUGH`), 503 (state directory failed) and
//! 400 (the rest, bad JSON, bad amounts, bad signatures). The cashier's memory of page.pay
//! signing and voucher `notify_url`s is not journaled: after a restart returns are signed
//! RSA2 / utf-8 and scans of vouchers created before it are not notified. app.pay and
//! page.pay payments send no notification (the ledger emits none for them).

use std::collections::BTreeMap;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alipay_core::EncryptKey;
use alipay_core::{AppPublicKey, GatewayPrivateKey};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::certs::SandboxCertificates;
use crate::faults::{Fault, FaultPlan};
use crate::store::Books;
use crate::{Ledger, METHODS, TRADE_METHODS};

mod admin;
mod cashier;
mod conn;
mod fund;
mod gateway;
mod guard;
mod notify;
mod tls;
mod trade_cashier;

pub use conn::ConnectionLimits;
use conn::TimedBody;
pub use tls::SandboxTls;

/// The largest request body accepted.
const MAX_BODY: usize = 1 << 20;

/// What the sandbox gateway knows.
pub struct SandboxConfig {
    /// Registered applications: `app_id` and the public key its requests verify with.
    pub apps: Vec<(String, AppPublicKey)>,
    /// Signs responses and notifications (the client's `AlipayPublicKey` is its public half).
    pub gateway_key: GatewayPrivateKey,
    /// The starting ledger (with a state directory: the base its journal is replayed onto,
    /// which must be the same at every start).
    pub ledger: Ledger,
    /// How far a request's `timestamp` may be from now (UTC+8).
    pub max_clock_skew: Duration,
    /// Faults to inject (none by default).
    pub faults: FaultPlan,
    /// Where the journal lives; `None` keeps everything in memory.
    pub state_dir: Option<PathBuf>,
    /// Apps that use AES content encryption (`encrypt_type=AES`), with their key.
    pub encrypt_keys: Vec<(String, EncryptKey)>,
    /// Serve HTTPS with this certificate instead of plain HTTP (the default, `None`).
    pub tls: Option<SandboxTls>,
    /// Write one line per gateway call to stderr (method, answer code, injected fault, and a
    /// hint when a timestamp is refused). Off by default; `alipay sandbox` turns it on.
    pub log_calls: bool,
    /// Certificate mode: the root CA, the Alipay certificate and the apps' certificates
    /// (`None` by default: a call in certificate mode is then refused
    /// `isv.app-cert-not-exist`). Public-key-mode calls are answered with
    /// [`SandboxConfig::gateway_key`] either way. With a state directory, load them with
    /// [`SandboxCertificates::load_or_generate`] from it, so that a rotation survives a
    /// restart (`alipay sandbox` does).
    pub certificates: Option<SandboxCertificates>,
    /// Header-read, body-read and keep-alive idle timeouts, and the cap on concurrent
    /// connections ([`ConnectionLimits::default`]).
    pub limits: ConnectionLimits,
    /// When set, every `/admin/` request needs `Authorization: Bearer <token>` (401
    /// otherwise). Required to listen on an address that is not loopback ([`start`] refuses
    /// without it). `None` by default.
    pub admin_token: Option<String>,
}

impl SandboxConfig {
    /// One app, the demo ledger, 10 minutes of clock skew, no faults, in memory.
    pub fn new(
        app_id: impl Into<String>,
        app_key: AppPublicKey,
        gateway_key: GatewayPrivateKey,
    ) -> Self {
        SandboxConfig {
            apps: vec![(app_id.into(), app_key)],
            gateway_key,
            ledger: Ledger::with_demo_data(),
            max_clock_skew: Duration::from_secs(600),
            faults: FaultPlan::none(),
            state_dir: None,
            encrypt_keys: Vec::new(),
            tls: None,
            log_calls: false,
            certificates: None,
            limits: ConnectionLimits::default(),
            admin_token: None,
        }
    }
}

struct State {
    apps: BTreeMap<String, AppPublicKey>,
    gateway_key: GatewayPrivateKey,
    books: Arc<Mutex<Books>>,
    encrypt_keys: BTreeMap<String, EncryptKey>,
    max_clock_skew: Duration,
    log_calls: bool,
    faults: Mutex<FaultPlan>,
    /// Counts calls that passed the checks (`calls`) and faults injected, by kind.
    injected: Mutex<BTreeMap<&'static str, u64>>,
    /// What the cashier remembers (page.pay signing, voucher.create notify URLs).
    cashier: cashier::Memory,
    /// `http://127.0.0.1:PORT` (or `https://`): the prefix of the URLs the sandbox hands out.
    base_url: String,
    /// Certificate mode's certificates (rotated by `POST /admin/rotate-alipay-cert`).
    certs: Option<Mutex<SandboxCertificates>>,
    limits: ConnectionLimits,
    /// The address listened on (a `Host` naming it is this sandbox).
    listen_ip: std::net::IpAddr,
    admin_token: Option<String>,
}

impl State {
    fn books<R>(&self, f: impl FnOnce(&mut Books) -> R) -> R {
        let mut guard = self.books.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }

    /// The key that signs what follows a call made in certificate mode (`cert_mode`) or not:
    /// notifications and signed synchronous returns. In certificate mode the current Alipay
    /// certificate's key (after a rotation, the new one), else the gateway key.
    fn signing_key(&self, cert_mode: bool) -> std::borrow::Cow<'_, GatewayPrivateKey> {
        let current = cert_mode
            .then(|| {
                let certs = self.certs.as_ref()?;
                Some(certs.lock().unwrap_or_else(|e| e.into_inner()).signer().0)
            })
            .flatten();
        match current {
            Some(key) => std::borrow::Cow::Owned(key),
            None => std::borrow::Cow::Borrowed(&self.gateway_key),
        }
    }
}

/// A running sandbox gateway. Dropping it (or [`Sandbox::shutdown`]) stops accepting
/// connections.
pub struct Sandbox {
    /// `http://127.0.0.1:PORT/gateway.do`, or `https://` with [`SandboxConfig::tls`].
    pub gateway_url: String,
    pub local_addr: SocketAddr,
    tls_certificate_pem: Option<String>,
    state: Arc<State>,
    accept: JoinHandle<()>,
}

impl Sandbox {
    /// With [`SandboxConfig::tls`], the certificate clients must trust (PEM).
    pub fn tls_certificate_pem(&self) -> Option<&str> {
        self.tls_certificate_pem.as_deref()
    }

    /// Reads the ledger (under its lock: keep it short, never across an await).
    pub fn with_ledger<R>(&self, f: impl FnOnce(&Ledger) -> R) -> R {
        self.state.books(|b| f(b.ledger()))
    }

    /// Changes the ledger through [`Books`], whose helpers are journaled like API calls (the
    /// user's and the operator's side: paying orders, scanning vouchers, funding accounts).
    pub fn with_books<R>(&self, f: impl FnOnce(&mut Books) -> R) -> R {
        self.state.books(f)
    }

    /// How many calls passed the gateway's checks (`calls`) and how many faults of each kind
    /// (`before`, `after`, `busy`, `drop`, `delay`) were injected into them.
    pub fn faults_injected(&self) -> BTreeMap<&'static str, u64> {
        self.state
            .injected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Reads the certificates of certificate mode (`None` without
    /// [`SandboxConfig::certificates`]), under their lock: keep it short.
    pub fn with_certificates<R>(&self, f: impl FnOnce(&SandboxCertificates) -> R) -> Option<R> {
        let certs = self.state.certs.as_ref()?;
        Some(f(&certs.lock().unwrap_or_else(|e| e.into_inner())))
    }

    /// Issues a new Alipay public-key certificate (new key, same root) and makes it current,
    /// like `POST /admin/rotate-alipay-cert`; returns its SN. Refused without
    /// [`SandboxConfig::certificates`].
    pub fn rotate_alipay_certificate(&self) -> Result<String, io::Error> {
        rotate(&self.state)
    }

    /// The token the HTML cashier's form for order `order_no` (an `out_order_no` or an
    /// `out_trade_no`) carries as `cashier_token`, for programs that submit `/cashier/pay`
    /// without reading the page (a browser gets it in the form).
    pub fn cashier_token(&self, order_no: &str) -> String {
        guard::cashier_token(&self.state, order_no)
    }

    /// Stops accepting connections. Calls in flight finish; with a state directory,
    /// everything answered is on disk already.
    pub fn shutdown(self) {
        self.accept.abort();
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// Binds `addr` (use port 0 for any) and serves the gateway until the [`Sandbox`] is dropped.
/// With a state directory, its journal is replayed first (errors as [`io::ErrorKind::Other`]
/// naming the directory).
pub async fn start(config: SandboxConfig, addr: SocketAddr) -> Result<Sandbox, io::Error> {
    if !addr.ip().is_loopback() && config.admin_token.as_deref().is_none_or(str::is_empty) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "listening on {addr}, which is not loopback, needs an admin token \
                 (SandboxConfig::admin_token, --admin-token): anyone who reaches it could mint money"
            ),
        ));
    }
    let books = match &config.state_dir {
        Some(dir) => Books::open(dir, config.ledger).map_err(io::Error::other)?,
        None => Books::in_memory(config.ledger),
    };
    let listener = TcpListener::bind(addr).await?;
    let local_addr = listener.local_addr()?;
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let gateway_url = format!("{scheme}://{local_addr}/gateway.do");
    let tls_certificate_pem = config.tls.as_ref().map(|t| t.certificate_pem().to_owned());
    let acceptor = config.tls.as_ref().map(SandboxTls::acceptor);
    let https_url: Arc<str> = gateway_url.as_str().into();
    let state = Arc::new(State {
        apps: config.apps.into_iter().collect(),
        gateway_key: config.gateway_key,
        books: Arc::new(Mutex::new(books)),
        encrypt_keys: config.encrypt_keys.into_iter().collect(),
        max_clock_skew: config.max_clock_skew,
        log_calls: config.log_calls,
        faults: Mutex::new(config.faults),
        injected: Mutex::new(BTreeMap::new()),
        cashier: cashier::Memory::default(),
        base_url: format!("{scheme}://{local_addr}"),
        certs: config.certificates.map(Mutex::new),
        limits: config.limits,
        listen_ip: local_addr.ip(),
        admin_token: config.admin_token,
    });
    let serving = state.clone();
    let limits = config.limits;
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let accept = tokio::spawn(async move {
        loop {
            let (stream, _) = match listener.accept().await {
                Ok(s) => s,
                Err(_) => {
                    // Out of descriptors and the like: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let Ok(permit) = permits.clone().try_acquire_owned() else {
                // Over the cap: answered and closed at once, never left hanging.
                if acceptor.is_none() {
                    tokio::spawn(conn::refuse(stream));
                }
                continue;
            };
            let state = serving.clone();
            let (acceptor, https_url) = (acceptor.clone(), https_url.clone());
            tokio::spawn(async move {
                let _permit = permit;
                let watch = conn::Watch::new();
                let watching = watch.clone();
                let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                    let (state, watch) = (state.clone(), watching.clone());
                    async move {
                        watch.busy();
                        let timeout = state.limits.body_read_timeout;
                        let req = req.map(|body| TimedBody::new(body, timeout, watch.clone()));
                        let mut answer = serve(&state, req).await;
                        if watch.must_close()
                            && let Ok(resp) = &mut answer
                        {
                            resp.headers_mut().insert(
                                hyper::header::CONNECTION,
                                hyper::header::HeaderValue::from_static("close"),
                            );
                        }
                        watch.idle();
                        answer
                    }
                });
                let mut http = hyper::server::conn::http1::Builder::new();
                http.keep_alive(true);
                let served = async {
                    // An injected `drop` ends the connection here, with no answer written.
                    let _ = match acceptor {
                        None => {
                            let io = conn::Watched {
                                inner: stream,
                                watch: watch.clone(),
                            };
                            http.serve_connection(TokioIo::new(io), service).await
                        }
                        Some(acceptor) => {
                            let handshake = tls::accept(acceptor, stream, https_url);
                            let tls = tokio::time::timeout(limits.header_read_timeout, handshake);
                            match tls.await {
                                Ok(Some(stream)) => {
                                    let io = conn::Watched {
                                        inner: stream,
                                        watch: watch.clone(),
                                    };
                                    http.serve_connection(TokioIo::new(io), service).await
                                }
                                _ => return,
                            }
                        }
                    };
                };
                // Idle or reading headers too long: dropping the connection closes it.
                tokio::select! {
                    _ = served => {}
                    _ = watch.expired(limits) => {}
                }
            });
        }
    });
    Ok(Sandbox {
        gateway_url,
        local_addr,
        tls_certificate_pem,
        state,
        accept,
    })
}

/// Returned by the service to make hyper close the connection without answering.
#[derive(Debug)]
struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("injected fault: connection dropped after applying the call")
    }
}

impl std::error::Error for DropConnection {}

fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *resp.status_mut() = status;
    resp
}

async fn serve(
    state: &State,
    req: Request<TimedBody>,
) -> Result<Response<Full<Bytes>>, DropConnection> {
    if let Some(refused) = guard::refuse(state, req.method(), req.uri().path(), req.headers()) {
        return Ok(refused);
    }
    if req.uri().path().starts_with("/admin/") {
        return Ok(admin::serve(state, req).await);
    }
    if let Some(served) = fund::route(req.uri().path()) {
        return Ok(served.serve(state, req).await);
    }
    if req.uri().path().starts_with("/cashier/") {
        return Ok(cashier::serve(state, req).await);
    }
    if req.uri().path() != "/gateway.do" {
        return Ok(plain(StatusCode::NOT_FOUND, "not found"));
    }
    if req.method() != Method::POST && req.method() != Method::GET {
        return Ok(plain(StatusCode::METHOD_NOT_ALLOWED, "use POST or GET"));
    }
    let query = req.uri().query().unwrap_or("").as_bytes().to_vec();
    let browser = cashier::wants_html(req.headers());
    let content_type = req
        .headers()
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let body = match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return Ok(plain(
                StatusCode::BAD_REQUEST,
                "unreadable or oversized body",
            ));
        }
    };
    let form_body = if content_type.is_empty()
        || content_type.starts_with("application/x-www-form-urlencoded")
    {
        &body[..]
    } else {
        &[][..]
    };
    let (charset, bytes) = match gateway::check(state, &query, form_body) {
        Err(refused) => refused,
        Ok(call) if browser && call.method == cashier::PAGE_PAY => {
            return Ok(cashier::page(state, &call, &query, form_body));
        }
        Ok(call) if browser && trade_cashier::is_page(&call.method) => {
            return Ok(trade_cashier::page(state, &call));
        }
        Ok(call) => {
            // The certificate download is the gateway's own: no fault is injected into it.
            let fault = if call.method == gateway::CERT_DOWNLOAD {
                Fault::None
            } else {
                state
                    .faults
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .decide(&call.method, &call.biz_content)
            };
            if state.log_calls && call.cert_mode {
                eprintln!("sandbox: {} in certificate mode", call.method);
            }
            if state.log_calls && fault != Fault::None {
                eprintln!("sandbox: injecting {} into {}", fault.name(), call.method);
            }
            {
                let mut counts = state.injected.lock().unwrap_or_else(|e| e.into_inner());
                *counts.entry("calls").or_default() += 1;
                if fault != Fault::None {
                    *counts.entry(fault.name()).or_default() += 1;
                }
            }
            let answer = gateway::run(state, &call, fault);
            cashier::after_call(state, &call, &query, form_body);
            match fault {
                Fault::Drop => return Err(DropConnection),
                Fault::Delay(d) => tokio::time::sleep(d).await,
                _ => {}
            }
            answer
        }
    };
    let mut resp = Response::new(Full::new(Bytes::from(bytes)));
    if let Ok(v) = format!("application/json;charset={charset}").parse() {
        resp.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    Ok(resp)
}

/// Rotates the Alipay certificate. The new RSA key is generated under the certificates' lock
/// (well under a second): calls arriving meanwhile wait, then are answered with the new key.
fn rotate(state: &State) -> Result<String, io::Error> {
    let Some(certs) = &state.certs else {
        return Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "certificate mode is off (no SandboxConfig::certificates)",
        ));
    };
    certs.lock().unwrap_or_else(|e| e.into_inner()).rotate()
}

/// Whether `method` is one the gateway serves.
fn known_method(method: &str) -> bool {
    METHODS.contains(&method) || TRADE_METHODS.contains(&method)
}

/// A sandbox gateway on loopback with a fresh app key pair and gateway key (RSA-2048), one app
/// ([`LocalSandbox::APP_ID`]), the demo ledger and certificate mode's certificates (a fresh
/// root, Alipay certificate and app certificate): what the demo and the documentation's
/// examples start. Dropping it stops the gateway.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let local = alipay_sandbox::server::start_local().await?;
/// assert!(local.gateway_url().starts_with("http://127.0.0.1:"));
/// # Ok(()) }
/// ```
pub struct LocalSandbox {
    /// The running gateway (ledger, books, shutdown).
    pub sandbox: Sandbox,
    app_private_key_pem: zeroize::Zeroizing<String>,
    alipay_public_key_pem: String,
    root_certificate_pem: String,
    app_certificate_pem: String,
}

impl LocalSandbox {
    /// The one app registered.
    pub const APP_ID: &'static str = "2021000000000001";

    /// The app's `app_id`.
    pub fn app_id(&self) -> &str {
        Self::APP_ID
    }

    /// `http://127.0.0.1:PORT/gateway.do`.
    pub fn gateway_url(&self) -> &str {
        &self.sandbox.gateway_url
    }

    /// The app's private key (PKCS#8 PEM), as a merchant keeps it.
    pub fn app_private_key_pem(&self) -> &str {
        &self.app_private_key_pem
    }

    /// The sandbox's "Alipay public key" (SPKI PEM), as the console shows Alipay's.
    pub fn alipay_public_key_pem(&self) -> &str {
        &self.alipay_public_key_pem
    }

    /// Certificate mode: the root certificate (`alipayRootCert.crt`, PEM).
    pub fn alipay_root_certificate_pem(&self) -> &str {
        &self.root_certificate_pem
    }

    /// Certificate mode: the app's certificate (`appCertPublicKey_<app_id>.crt`, PEM).
    pub fn app_certificate_pem(&self) -> &str {
        &self.app_certificate_pem
    }

    /// Certificate mode: the **current** Alipay certificate (`alipayCertPublicKey_RSA2.crt`,
    /// PEM). After a rotation a client configured with an older one downloads the new one by
    /// itself.
    pub fn alipay_certificate_pem(&self) -> String {
        self.sandbox
            .with_certificates(|c| c.alipay_certificate_pem().to_owned())
            .unwrap_or_default()
    }
}

/// Starts a [`LocalSandbox`] on `127.0.0.1`, any free port.
pub async fn start_local() -> Result<LocalSandbox, io::Error> {
    let keys = || alipay_core::protocol::generate_app_key_pair().map_err(io::Error::other);
    let (app, gateway) = (keys()?, keys()?);
    let app_public = AppPublicKey::from_text(&app.public_pem).map_err(io::Error::other)?;
    let gateway_key =
        GatewayPrivateKey::from_text(&gateway.private_pem).map_err(io::Error::other)?;
    let mut config = SandboxConfig::new(LocalSandbox::APP_ID, app_public, gateway_key);
    let certificates = SandboxCertificates::generate(&config.apps)?;
    let root_certificate_pem = certificates.root_certificate_pem().to_owned();
    let app_certificate_pem = certificates
        .app_certificate_pem(LocalSandbox::APP_ID)
        .unwrap_or_default()
        .to_owned();
    config.certificates = Some(certificates);
    let sandbox = start(config, SocketAddr::from(([127, 0, 0, 1], 0))).await?;
    Ok(LocalSandbox {
        sandbox,
        app_private_key_pem: app.private_pem,
        alipay_public_key_pem: gateway.public_pem,
        root_certificate_pem,
        app_certificate_pem,
    })
}
