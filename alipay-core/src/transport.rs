//! HTTP: one `POST <gateway>?<query>` with a form body, over a pooled keep-alive connection.
//!
//! What matters most here is telling apart failures that certainly sent nothing from failures
//! after which the gateway may have acted on the request (see [`crate::Outcome`]):
//!
//! * DNS, refused connections, TLS handshake failures and the connect timeout happen before any
//!   byte of the request leaves: [`Outcome::NotSent`](crate::Outcome::NotSent).
//! * Anything after a connection was handed the request (reset, early EOF, a truncated or
//!   oversized body, a status other than 200, the overall timeout) may follow a request the
//!   gateway processed: [`Outcome::Unknown`](crate::Outcome::Unknown).
//!
//! Requests are never re-sent automatically, not even hyper's "unstarted request on a reused
//! connection" retry: a POST resent by an HTTP layer can pay twice (the Node SDK's
//! `socketErrorRetry` does exactly that).

use std::fmt;
use std::io;
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::header::{ACCEPT, CONTENT_TYPE, HeaderValue, USER_AGENT};
use http::{Method, Request, Uri};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Body as _;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::{HttpConnector, capture_connection};
use hyper_util::rt::{TokioExecutor, TokioTimer};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject as _;

use crate::charset::Charset;
use crate::error::{ConfigError, Error, TimeoutPhase, TransportError};

/// The `User-Agent` sent with every request.
const USER_AGENT_VALUE: &str = concat!("alipay-rs/", env!("CARGO_PKG_VERSION"));

/// How many characters of a non-200 body are quoted in the error.
const STATUS_BODY_SNIPPET_CHARS: usize = 200;

/// How many bytes of a non-200 body are read at most (the rest is dropped with the connection).
const STATUS_BODY_READ_BYTES: usize = 4 * 1024;

/// A validated gateway URL: `https://` to any host, or `http://` to a loopback host (a local
/// sandbox); no user info, no fragment and no query string (the request parameters are added
/// by the SDK).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Gateway {
    url: String,
}

impl Gateway {
    /// Validates a gateway URL, normally ending in `/gateway.do`.
    pub fn new(url: &str) -> Result<Gateway, ConfigError> {
        let fail = |reason: &str| ConfigError::Url {
            url: url.to_owned(),
            reason: reason.to_owned(),
        };
        // `http::Uri` silently drops a fragment, so look for it first.
        if url.contains('#') {
            return Err(fail("a gateway URL has no fragment (#...)"));
        }
        if url.contains('?') {
            return Err(fail(
                "a gateway URL has no query string: the SDK adds the request parameters itself",
            ));
        }
        let uri: Uri = url
            .parse()
            .map_err(|e| fail(&format!("not a valid URL: {e}")))?;
        let Some(scheme) = uri.scheme_str() else {
            return Err(fail(
                "no scheme: write the full URL, e.g. https://openapi.alipay.com/gateway.do",
            ));
        };
        let scheme = scheme.to_ascii_lowercase();
        let Some(authority) = uri.authority() else {
            return Err(fail("no host"));
        };
        if authority.as_str().contains('@') {
            return Err(fail(
                "a gateway URL has no user info (user@): Alipay authenticates by signature",
            ));
        }
        let host = authority.host();
        if host.is_empty() {
            return Err(fail("no host"));
        }
        match scheme.as_str() {
            "https" => {}
            "http" if is_loopback(host) => {}
            "http" => {
                return Err(fail(
                    "plain http is only allowed to a loopback host (127.0.0.0/8, ::1, localhost), \
                     e.g. a local sandbox; use https",
                ));
            }
            other => {
                return Err(fail(&format!(
                    "unsupported scheme {other:?}: use https (or http to a loopback host)"
                )));
            }
        }
        let path = uri.path_and_query().map_or("", |p| p.path());
        Ok(Gateway {
            url: format!("{scheme}://{authority}{path}"),
        })
    }

    /// Alipay's production gateway, [`crate::PRODUCTION_GATEWAY`].
    pub fn production() -> Gateway {
        Gateway {
            url: crate::PRODUCTION_GATEWAY.to_owned(),
        }
    }

    /// Alipay's online sandbox gateway, [`crate::SANDBOX_GATEWAY`].
    pub fn sandbox() -> Gateway {
        Gateway {
            url: crate::SANDBOX_GATEWAY.to_owned(),
        }
    }

    /// The URL, without query string.
    pub fn as_str(&self) -> &str {
        &self.url
    }
}

fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") || host.eq_ignore_ascii_case("localhost.") {
        return true;
    }
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl Default for Gateway {
    /// The production gateway.
    fn default() -> Self {
        Gateway::production()
    }
}

impl fmt::Debug for Gateway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Gateway").field(&self.url).finish()
    }
}

impl fmt::Display for Gateway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

impl FromStr for Gateway {
    type Err = ConfigError;

    fn from_str(s: &str) -> Result<Self, ConfigError> {
        Gateway::new(s)
    }
}

/// Timeouts and limits of the HTTP transport.
///
/// ```
/// use std::time::Duration;
/// let config = alipay_core::TransportConfig::default()
///     .connect_timeout(Duration::from_millis(500))
///     .timeout(Duration::from_secs(5));
/// # let _ = config;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TransportConfig {
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) max_response_bytes: usize,
    pub(crate) pool_idle_timeout: Duration,
    pub(crate) extra_roots: Vec<RootCertificate>,
}

impl Default for TransportConfig {
    fn default() -> Self {
        TransportConfig {
            connect_timeout: Duration::from_secs(3),
            timeout: Duration::from_secs(15),
            max_response_bytes: 4 * 1024 * 1024,
            pool_idle_timeout: Duration::from_secs(30),
            extra_roots: Vec::new(),
        }
    }
}

impl TransportConfig {
    /// Time allowed to establish the TCP connection (default 3 s, like the Java SDK). When the
    /// gateway's name resolves to several addresses it is shared between them. A TLS handshake
    /// that hangs is covered by `timeout` and still reported as a connect timeout.
    pub fn connect_timeout(mut self, limit: Duration) -> Self {
        self.connect_timeout = limit;
        self
    }

    /// Time allowed for the whole exchange: connecting, sending and reading the full answer
    /// (default 15 s, like the Python and Java SDKs).
    pub fn timeout(mut self, limit: Duration) -> Self {
        self.timeout = limit;
        self
    }

    /// Largest answer accepted (default 4 MiB); a larger one is an error.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// How long an idle connection is kept for reuse (default 30 s, below the usual server
    /// keep-alive timeouts so that a connection the server is about to close is rarely picked).
    /// Zero disables connection reuse.
    pub fn pool_idle_timeout(mut self, limit: Duration) -> Self {
        self.pool_idle_timeout = limit;
        self
    }

    /// A root certificate trusted in addition to Mozilla's (none by default): for a gateway
    /// behind a private CA, or the local sandbox's self-signed certificate (`alipay sandbox
    /// --tls`). It is checked by [`HttpTransport::new`]. Certificates are always verified:
    /// there is deliberately no way to turn verification off; trust the certificate instead.
    pub fn extra_root(mut self, root: RootCertificate) -> Self {
        self.extra_roots.push(root);
        self
    }
}

/// A root certificate to trust besides Mozilla's, for [`TransportConfig::extra_root`]: a
/// private CA, or the local sandbox's self-signed certificate. Never a way around
/// verification: the gateway's certificate must still chain to it and name the gateway's host.
#[derive(Clone, PartialEq, Eq)]
pub struct RootCertificate(RootSource);

#[derive(Clone, PartialEq, Eq)]
enum RootSource {
    Pem(String),
    Der(Vec<u8>),
}

impl RootCertificate {
    /// One or more `-----BEGIN CERTIFICATE-----` blocks (every one is trusted; other blocks
    /// and text around them are ignored), e.g. the `ca_cert_file` written by
    /// `alipay sandbox --tls`. Checked by [`HttpTransport::new`]: no certificate block, or a
    /// block that is not a certificate, is an error there.
    pub fn from_pem(pem: impl Into<String>) -> RootCertificate {
        RootCertificate(RootSource::Pem(pem.into()))
    }

    /// One DER-encoded certificate. Checked by [`HttpTransport::new`].
    pub fn from_der(der: impl Into<Vec<u8>>) -> RootCertificate {
        RootCertificate(RootSource::Der(der.into()))
    }

    /// The DER certificates, or why there are none.
    fn certificates(&self) -> Result<Vec<CertificateDer<'static>>, String> {
        match &self.0 {
            RootSource::Der(der) => Ok(vec![CertificateDer::from(der.clone())]),
            RootSource::Pem(pem) => {
                let certs = CertificateDer::pem_slice_iter(pem.as_bytes())
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| format!("unreadable PEM: {e}"))?;
                if certs.is_empty() {
                    return Err(
                        "no -----BEGIN CERTIFICATE----- block in the PEM (a key is not a \
                         certificate)"
                            .into(),
                    );
                }
                Ok(certs)
            }
        }
    }
}

impl fmt::Debug for RootCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            RootSource::Pem(pem) => write!(f, "RootCertificate(PEM, {} bytes)", pem.len()),
            RootSource::Der(der) => write!(f, "RootCertificate(DER, {} bytes)", der.len()),
        }
    }
}

/// The gateway's answer to a successful (HTTP 200) exchange, not yet verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpAnswer {
    /// The HTTP status (always 200: any other status is an error).
    pub status: u16,
    /// The `trace_id` response header, for support tickets.
    pub trace_id: Option<String>,
    /// The body, exactly as received.
    pub body: Bytes,
}

/// A pooled HTTP/1.1 client (TLS 1.2 and 1.3, Mozilla's roots from `webpki-roots` plus
/// [`TransportConfig::extra_root`]).
///
/// Cheap to clone: clones share the connection pool. Works on any tokio runtime with IO and
/// time enabled, current-thread included.
#[derive(Clone)]
pub struct HttpTransport {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
    config: TransportConfig,
}

impl fmt::Debug for HttpTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpTransport")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl HttpTransport {
    /// Builds the client. Needs no runtime; requests must run inside a tokio runtime.
    pub fn new(config: TransportConfig) -> Result<Self, Error> {
        for (name, value) in [
            ("connect_timeout", config.connect_timeout),
            ("timeout", config.timeout),
        ] {
            if value.is_zero() {
                return Err(ConfigError::Other(format!(
                    "transport {name} is zero: every request would time out"
                ))
                .into());
            }
        }
        if config.max_response_bytes == 0 {
            return Err(ConfigError::Other(
                "transport max_response_bytes is zero: no answer would fit".into(),
            )
            .into());
        }

        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(config.connect_timeout));
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls_config(&config.extra_roots)?)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);

        let mut builder = Client::builder(TokioExecutor::new());
        builder
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(config.pool_idle_timeout)
            // Never re-send a request on another connection behind the caller's back.
            .retry_canceled_requests(false);
        if config.pool_idle_timeout.is_zero() {
            builder.pool_max_idle_per_host(0);
        }
        Ok(HttpTransport {
            client: builder.build(https),
            config,
        })
    }

    /// The configuration this transport was built with.
    pub fn config(&self) -> &TransportConfig {
        &self.config
    }

    /// `POST <gateway>?<query>` with `body` (already form-encoded in `charset`), returning the
    /// answer if the status is 200. Never retries.
    pub async fn post_form(
        &self,
        gateway: &Gateway,
        query: &str,
        body: Vec<u8>,
        charset: Charset,
    ) -> Result<HttpAnswer, Error> {
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(ConfigError::Other(
                "the HTTP transport must run inside a tokio runtime (with IO and time enabled)"
                    .into(),
            )
            .into());
        }
        let url = if query.is_empty() {
            gateway.as_str().to_owned()
        } else {
            format!("{gateway}?{query}")
        };
        let uri: Uri = url
            .parse()
            .map_err(|e| Error::invalid(format!("the request URL cannot be sent: {e}")))?;

        let mut request = Request::new(Full::new(Bytes::from(body)));
        *request.method_mut() = Method::POST;
        *request.uri_mut() = uri;
        let headers = request.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(match charset {
                Charset::Utf8 => "application/x-www-form-urlencoded;charset=utf-8",
                Charset::Gbk => "application/x-www-form-urlencoded;charset=GBK",
            }),
        );
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));

        // Set by hyper-util once a connection has been handed the request: until then, nothing
        // has been sent, whatever phase the overall timeout interrupts.
        let connection = capture_connection(&mut request);
        match tokio::time::timeout(self.config.timeout, self.exchange(gateway, request)).await {
            Ok(result) => result,
            Err(_elapsed) => {
                let connected = connection.connection_metadata().is_some();
                Err(Error::Timeout {
                    phase: if connected {
                        TimeoutPhase::Exchange
                    } else {
                        TimeoutPhase::Connect
                    },
                    after: self.config.timeout,
                })
            }
        }
    }

    async fn exchange(
        &self,
        gateway: &Gateway,
        request: Request<Full<Bytes>>,
    ) -> Result<HttpAnswer, Error> {
        let response = self
            .client
            .request(request)
            .await
            .map_err(|e| self.send_error(gateway, e))?;
        let status = response.status();
        let trace_id = response
            .headers()
            .get("trace_id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.into_body();

        if status != http::StatusCode::OK {
            let snippet = read_snippet(body).await;
            let reason = status
                .canonical_reason()
                .map(|r| format!(" {r}"))
                .unwrap_or_default();
            return Err(maybe_sent(
                format!(
                    "{gateway} answered HTTP {}{reason} instead of 200; body: {snippet}",
                    status.as_u16()
                ),
                None,
            ));
        }

        let max = self.config.max_response_bytes;
        let too_large = || {
            maybe_sent(
                format!(
                    "the answer from {gateway} is larger than max_response_bytes ({max} bytes)"
                ),
                None,
            )
        };
        if usize::try_from(body.size_hint().lower()).map_or(true, |len| len > max) {
            return Err(too_large());
        }
        let body = match Limited::new(body, max).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => return Err(too_large()),
            Err(e) => {
                return Err(maybe_sent(
                    format!(
                        "reading the answer from {gateway} failed: {}",
                        describe(e.as_ref())
                    ),
                    Some(e),
                ));
            }
        };
        Ok(HttpAnswer {
            status: status.as_u16(),
            trace_id,
            body,
        })
    }

    fn send_error(&self, gateway: &Gateway, e: hyper_util::client::legacy::Error) -> Error {
        if e.is_connect() {
            // hyper-util turns its TCP connect timeout into `io::ErrorKind::TimedOut`; the OS's
            // own connect timeout (ETIMEDOUT) has the same kind. Either way nothing was sent.
            if chain_has_timed_out(&e) {
                return Error::Timeout {
                    phase: TimeoutPhase::Connect,
                    after: self.config.connect_timeout,
                };
            }
            return Error::Transport(TransportError {
                message: format!("could not connect to {gateway}: {}", describe_sources(&e)),
                maybe_sent: false,
                source: Some(Box::new(e)),
            });
        }
        let message = format!(
            "the connection to {gateway} failed during the exchange: {}",
            describe_sources(&e)
        );
        maybe_sent(message, Some(Box::new(e)))
    }
}

fn tls_config(extra_roots: &[RootCertificate]) -> Result<rustls::ClientConfig, ConfigError> {
    #[cfg(not(feature = "aws-lc"))]
    let provider = rustls::crypto::ring::default_provider();
    #[cfg(feature = "aws-lc")]
    let provider = rustls::crypto::aws_lc_rs::default_provider();
    let mut roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    for (i, root) in extra_roots.iter().enumerate() {
        let fail = |problem: String| {
            ConfigError::Other(format!(
                "transport extra_roots[{i}] ({root:?}) is not a usable root certificate: {problem}"
            ))
        };
        for cert in root.certificates().map_err(fail)? {
            roots
                .add(cert)
                .map_err(|e| fail(format!("{e} (not a DER X.509 certificate?)")))?;
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(provider))
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| ConfigError::Other(format!("TLS configuration: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

fn maybe_sent(message: String, source: Option<Box<dyn std::error::Error + Send + Sync>>) -> Error {
    Error::Transport(TransportError {
        message,
        maybe_sent: true,
        source,
    })
}

/// The start of a non-200 body, quoted, for the error message. A body that cannot be read is
/// described instead: the status is what matters.
async fn read_snippet(mut body: hyper::body::Incoming) -> String {
    let mut buf = Vec::new();
    let mut failure = None;
    while buf.len() < STATUS_BODY_READ_BYTES {
        match body.frame().await {
            None => break,
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    buf.extend_from_slice(data);
                }
            }
            Some(Err(e)) => {
                failure = Some(e);
                break;
            }
        }
    }
    let text = String::from_utf8_lossy(&buf);
    let mut snippet: String = text.chars().take(STATUS_BODY_SNIPPET_CHARS).collect();
    let truncated = snippet.len() < text.len() || buf.len() >= STATUS_BODY_READ_BYTES;
    if truncated {
        snippet.push('…');
    }
    let mut out = format!("{snippet:?}");
    if let Some(e) = failure {
        out.push_str(&format!(" (reading it failed: {e})"));
    }
    out
}

fn chain_has_timed_out(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(e);
    while let Some(err) = current {
        if err
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::TimedOut)
        {
            return true;
        }
        current = err.source();
    }
    false
}

/// The messages of an error's causes (hyper-util's own message, "client error (Connect)", says
/// little), joined with `: `.
fn describe_sources(e: &(dyn std::error::Error + 'static)) -> String {
    match e.source() {
        Some(source) => describe(source),
        None => e.to_string(),
    }
}

/// An error's message followed by those of its causes, skipping causes a message already quotes.
fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut current = e.source();
    while let Some(err) = current {
        let text = err.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        current = err.source();
    }
    out
}

#[cfg(test)]
mod tests;
