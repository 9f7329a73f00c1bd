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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportConfig {
    /// Time allowed to establish the TCP connection (default 3 s, like the Java SDK). When the
    /// gateway's name resolves to several addresses it is shared between them. A TLS handshake
    /// that hangs is covered by `timeout` and still reported as a connect timeout.
    pub connect_timeout: Duration,
    /// Time allowed for the whole exchange: connecting, sending and reading the full answer
    /// (default 15 s, like the Python and Java SDKs).
    pub timeout: Duration,
    /// Largest answer accepted (default 4 MiB); a larger one is an error.
    pub max_response_bytes: usize,
    /// How long an idle connection is kept for reuse (default 30 s, below the usual server
    /// keep-alive timeouts so that a connection the server is about to close is rarely picked).
    /// Zero disables connection reuse.
    pub pool_idle_timeout: Duration,
    /// Root certificates trusted in addition to Mozilla's (default none): for a gateway behind
    /// a private CA, or the local sandbox's self-signed certificate (`alipay sandbox --tls`).
    /// They are checked by [`HttpTransport::new`]. Certificates are always verified: there is
    /// deliberately no way to turn verification off; trust the certificate instead.
    pub extra_roots: Vec<RootCertificate>,
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

/// A root certificate to trust besides Mozilla's, for [`TransportConfig::extra_roots`]: a
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
/// [`TransportConfig::extra_roots`]).
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
mod tests {
    use super::*;
    use crate::error::Outcome;
    use std::future::Future;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;
    use tokio::net::{TcpListener, TcpStream};

    // tokio's `io-util` feature is not enabled: read and write with the readiness API.
    async fn read_some(stream: &TcpStream, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            stream.readable().await?;
            match stream.try_read(buf) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                other => return other,
            }
        }
    }

    async fn write_all(stream: &TcpStream, mut data: &[u8]) -> io::Result<()> {
        while !data.is_empty() {
            stream.writable().await?;
            match stream.try_write(data) {
                Ok(n) => data = &data[n..],
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn run<F: Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime")
            .block_on(f)
    }

    fn transport(config: TransportConfig) -> HttpTransport {
        HttpTransport::new(config).expect("transport")
    }

    fn quick() -> TransportConfig {
        TransportConfig {
            connect_timeout: Duration::from_secs(2),
            timeout: Duration::from_secs(5),
            ..TransportConfig::default()
        }
    }

    /// Serves every accepted connection with `handler`; returns the address and a counter of
    /// accepted connections.
    async fn serve<F, Fut>(handler: F) -> (std::net::SocketAddr, Arc<AtomicUsize>)
    where
        F: Fn(TcpStream) -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = accepted.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(handler(stream));
            }
        });
        (addr, accepted)
    }

    /// Reads one request (head and `Content-Length` body); `None` at EOF.
    async fn read_request(stream: &mut TcpStream) -> Option<(String, Vec<u8>)> {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let n = read_some(stream, &mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8(buf[..head_end].to_vec()).expect("ascii head");
        let len: usize = head
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().expect("length"))
            })
            .unwrap_or(0);
        let mut body = buf[head_end..].to_vec();
        while body.len() < len {
            let n = read_some(stream, &mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            body.extend_from_slice(&chunk[..n]);
        }
        Some((head, body))
    }

    fn response(status: &str, extra_headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nContent-Type: text/html;charset=utf-8\r\n{extra_headers}\r\n",
            body.len()
        )
        .into_bytes();
        out.extend_from_slice(body);
        out
    }

    /// A server answering every request on every connection with `answer`.
    async fn answering(answer: Vec<u8>) -> (Gateway, Arc<AtomicUsize>) {
        let answer = Arc::new(answer);
        let (addr, accepted) = serve(move |mut stream| {
            let answer = answer.clone();
            async move {
                while read_request(&mut stream).await.is_some() {
                    if write_all(&stream, &answer).await.is_err() {
                        return;
                    }
                }
            }
        })
        .await;
        (gateway_at(addr), accepted)
    }

    fn gateway_at(addr: std::net::SocketAddr) -> Gateway {
        Gateway::new(&format!("http://{addr}/gateway.do")).expect("gateway")
    }

    fn transport_error(e: Error) -> TransportError {
        match e {
            Error::Transport(t) => t,
            other => panic!("expected a transport error, got {other:?}"),
        }
    }

    #[test]
    fn gateway_accepts_https_and_loopback_http() {
        for ok in [
            "http://127.0.0.1:8080/gateway.do",
            "http://127.1.2.3/gateway.do",
            "http://localhost",
            "http://LOCALHOST:8080/gateway.do",
            "http://[::1]:1/",
            "https://openapi.alipay.com/gateway.do",
            "HTTPS://example.com:8443/gateway.do",
        ] {
            let g = Gateway::new(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert!(g.as_str().starts_with("http"), "{g}");
        }
        assert_eq!(
            Gateway::new("HTTPS://example.com:8443/gateway.do")
                .expect("ok")
                .as_str(),
            "https://example.com:8443/gateway.do"
        );
        assert_eq!(
            "http://127.0.0.1:8080/gateway.do"
                .parse::<Gateway>()
                .expect("ok")
                .to_string(),
            "http://127.0.0.1:8080/gateway.do"
        );
    }

    #[test]
    fn gateway_rejects_remote_http_other_schemes_queries_userinfo_fragments() {
        for (bad, why) in [
            ("http://example.com/gateway.do", "loopback"),
            ("http://10.0.0.1/gateway.do", "loopback"),
            ("http://localhost.example.com/", "loopback"),
            ("ftp://127.0.0.1/gateway.do", "scheme"),
            ("ws://openapi.alipay.com/gateway.do", "scheme"),
            (
                "https://openapi.alipay.com/gateway.do?charset=utf-8",
                "query",
            ),
            ("https://openapi.alipay.com/gateway.do?", "query"),
            ("https://user:pw@openapi.alipay.com/gateway.do", "user info"),
            ("https://openapi.alipay.com/gateway.do#x", "fragment"),
            ("openapi.alipay.com/gateway.do", ""),
            ("/gateway.do", ""),
            ("", ""),
            ("https://open api.alipay.com/", "valid URL"),
        ] {
            match Gateway::new(bad) {
                Err(ConfigError::Url { url, reason }) => {
                    assert_eq!(url, bad);
                    assert!(reason.contains(why), "{bad}: {reason}");
                }
                other => panic!("{bad:?} accepted: {other:?}"),
            }
        }
    }

    #[test]
    fn gateway_constants_are_valid() {
        assert_eq!(
            Gateway::new(crate::PRODUCTION_GATEWAY).expect("production"),
            Gateway::production()
        );
        assert_eq!(
            Gateway::new(crate::SANDBOX_GATEWAY).expect("sandbox"),
            Gateway::sandbox()
        );
        assert_eq!(Gateway::default(), Gateway::production());
        assert_eq!(
            format!("{:?}", Gateway::production()),
            "Gateway(\"https://openapi.alipay.com/gateway.do\")"
        );
    }

    #[test]
    fn transport_config_defaults_and_validation() {
        let c = TransportConfig::default();
        assert_eq!(c.connect_timeout, Duration::from_secs(3));
        assert_eq!(c.timeout, Duration::from_secs(15));
        assert_eq!(c.max_response_bytes, 4 << 20);
        let zero = TransportConfig {
            timeout: Duration::ZERO,
            ..TransportConfig::default()
        };
        let e = HttpTransport::new(zero).expect_err("zero timeout");
        assert_eq!(e.outcome(), Outcome::NotSent);
        // Building needs no runtime.
        let t = transport(TransportConfig::default());
        assert!(format!("{t:?}").contains("HttpTransport"));
    }

    #[test]
    fn extra_roots_are_checked_when_the_transport_is_built() {
        let with = |root: RootCertificate| {
            HttpTransport::new(TransportConfig {
                extra_roots: vec![root],
                ..TransportConfig::default()
            })
        };
        let message = |e: Error| match e {
            Error::Config(ConfigError::Other(m)) => m,
            other => panic!("expected a configuration error, got {other:?}"),
        };
        assert!(TransportConfig::default().extra_roots.is_empty());

        // A key is not a certificate.
        let key = include_str!("../testdata/app_public_spki.pem");
        let m = message(with(RootCertificate::from_pem(key)).expect_err("a key"));
        assert!(m.contains("extra_roots[0]"), "{m}");
        assert!(m.contains("no -----BEGIN CERTIFICATE----- block"), "{m}");
        let m = message(with(RootCertificate::from_pem("")).expect_err("empty"));
        assert!(m.contains("no -----BEGIN CERTIFICATE----- block"), "{m}");

        // A CERTIFICATE block that holds no certificate.
        let garbage = "-----BEGIN CERTIFICATE-----\nAAECAwQFBgcICQ==\n-----END CERTIFICATE-----\n";
        let m = message(with(RootCertificate::from_pem(garbage)).expect_err("garbage"));
        assert!(m.contains("not a usable root certificate"), "{m}");
        let m = message(with(RootCertificate::from_der(vec![1, 2, 3])).expect_err("DER garbage"));
        assert!(m.contains("RootCertificate(DER, 3 bytes)"), "{m}");

        // Real certificates, alone or several in one PEM.
        let root = include_str!("../testdata/synthetic-certs/root-sha256.crt");
        with(RootCertificate::from_pem(root)).expect("a root certificate");
        let chain = include_str!("../testdata/alipay-certs/alipayRootCert.crt");
        with(RootCertificate::from_pem(chain)).expect("a PEM chain");
    }

    #[test]
    fn outside_a_runtime_is_an_error_not_a_panic() {
        let t = transport(quick());
        let gateway = Gateway::production();
        let fut = t.post_form(&gateway, "", Vec::new(), Charset::Utf8);
        // Poll it once without a tokio runtime.
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut fut = std::pin::pin!(fut);
        match fut.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(Err(e)) => assert_eq!(e.outcome(), Outcome::NotSent),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn request_line_headers_and_gbk_body_arrive_exactly() {
        run(async {
            let (tx, rx) = tokio::sync::oneshot::channel();
            let tx = Arc::new(Mutex::new(Some(tx)));
            let (addr, _) = serve(move |mut stream| {
                let tx = tx.clone();
                async move {
                    let request = read_request(&mut stream).await.expect("request");
                    if let Some(tx) = tx.lock().expect("lock").take() {
                        let _ = tx.send(request);
                    }
                    let _ = write_all(&stream, &response("200 OK", "", b"{}")).await;
                }
            })
            .await;
            let query = "method=alipay.trade.query&charset=GBK&timestamp=2024-01-02+12%3A05%3A06&sign=a%2Bb%3D";
            // "biz_content=中文" with the GBK bytes raw (not even percent-encoded).
            let body = [b"biz_content=".as_slice(), &[0xd6, 0xd0, 0xce, 0xc4]].concat();
            transport(quick())
                .post_form(&gateway_at(addr), query, body.clone(), Charset::Gbk)
                .await
                .expect("answer");
            let (head, received) = rx.await.expect("request seen");
            assert_eq!(received, body);
            let mut lines = head.lines();
            assert_eq!(
                lines.next(),
                Some(format!("POST /gateway.do?{query} HTTP/1.1").as_str())
            );
            let headers: Vec<(String, String)> = lines
                .filter_map(|l| l.split_once(':'))
                .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_owned()))
                .collect();
            let get = |name: &str| {
                headers
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str())
            };
            assert_eq!(
                get("content-type"),
                Some("application/x-www-form-urlencoded;charset=GBK")
            );
            assert_eq!(get("accept"), Some("application/json"));
            assert_eq!(get("user-agent"), Some(USER_AGENT_VALUE));
            assert!(USER_AGENT_VALUE.starts_with("alipay-rs/"));
            assert_eq!(get("host"), Some(addr.to_string().as_str()));
            assert_eq!(get("content-length"), Some("16"));
        });
    }

    #[test]
    fn utf8_content_type_names_utf8() {
        run(async {
            let (tx, rx) = tokio::sync::oneshot::channel();
            let tx = Arc::new(Mutex::new(Some(tx)));
            let (addr, _) = serve(move |mut stream| {
                let tx = tx.clone();
                async move {
                    let request = read_request(&mut stream).await.expect("request");
                    if let Some(tx) = tx.lock().expect("lock").take() {
                        let _ = tx.send(request);
                    }
                    let _ = write_all(&stream, &response("200 OK", "", b"{}")).await;
                }
            })
            .await;
            transport(quick())
                .post_form(&gateway_at(addr), "a=1", b"b=2".to_vec(), Charset::Utf8)
                .await
                .expect("answer");
            let (head, body) = rx.await.expect("request seen");
            assert!(
                head.to_ascii_lowercase()
                    .contains("content-type: application/x-www-form-urlencoded;charset=utf-8\r\n"),
                "{head}"
            );
            assert_eq!(body, b"b=2");
        });
    }

    #[test]
    fn ok_answer_returns_body_and_trace_id() {
        run(async {
            let body = br#"{"alipay_trade_query_response":{"code":"10000"},"sign":"x"}"#;
            let (gateway, _) = answering(response(
                "200 OK",
                "trace_id: 0b8c4f2917000000000000000000\r\n",
                body,
            ))
            .await;
            let answer = transport(quick())
                .post_form(&gateway, "a=1", b"b=2".to_vec(), Charset::Utf8)
                .await
                .expect("answer");
            assert_eq!(answer.status, 200);
            assert_eq!(
                answer.trace_id.as_deref(),
                Some("0b8c4f2917000000000000000000")
            );
            assert_eq!(&answer.body[..], &body[..]);

            let (gateway, _) = answering(response("200 OK", "", b"")).await;
            let answer = transport(quick())
                .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect("answer");
            assert_eq!(answer.trace_id, None);
            assert!(answer.body.is_empty());
        });
    }

    #[test]
    fn keep_alive_reuses_one_connection() {
        run(async {
            let (gateway, accepted) = answering(response("200 OK", "", b"{}")).await;
            let t = transport(quick());
            for i in 0..3 {
                let answer = t
                    .post_form(&gateway, &format!("n={i}"), Vec::new(), Charset::Utf8)
                    .await
                    .expect("answer");
                assert_eq!(&answer.body[..], b"{}");
            }
            // A clone shares the pool.
            t.clone()
                .post_form(&gateway, "n=3", Vec::new(), Charset::Utf8)
                .await
                .expect("answer");
            assert_eq!(accepted.load(Ordering::SeqCst), 1);
        });
    }

    #[test]
    fn zero_pool_idle_timeout_disables_reuse() {
        run(async {
            let (gateway, accepted) = answering(response("200 OK", "", b"{}")).await;
            let t = transport(TransportConfig {
                pool_idle_timeout: Duration::ZERO,
                ..quick()
            });
            for _ in 0..2 {
                t.post_form(&gateway, "", Vec::new(), Charset::Utf8)
                    .await
                    .expect("answer");
            }
            assert_eq!(accepted.load(Ordering::SeqCst), 2);
        });
    }

    #[test]
    fn non_200_status_is_maybe_sent_with_status_and_body_start() {
        run(async {
            let (gateway, _) = answering(response(
                "502 Bad Gateway",
                "",
                b"<html>upstream down</html>",
            ))
            .await;
            let e = transport(quick())
                .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("502");
            assert_eq!(e.outcome(), Outcome::Unknown);
            let t = transport_error(e);
            assert!(t.maybe_sent);
            assert!(t.message.contains("HTTP 502 Bad Gateway"), "{}", t.message);
            assert!(
                t.message.contains("<html>upstream down</html>"),
                "{}",
                t.message
            );

            let long = "x".repeat(10_000);
            let (gateway, _) =
                answering(response("500 Internal Server Error", "", long.as_bytes())).await;
            let t = transport_error(
                transport(quick())
                    .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
                    .await
                    .expect_err("500"),
            );
            assert!(t.maybe_sent);
            assert!(t.message.contains(&"x".repeat(200)));
            assert!(!t.message.contains(&"x".repeat(201)), "{}", t.message);
        });
    }

    #[test]
    fn closed_without_answer_is_maybe_sent() {
        run(async {
            let (addr, _) = serve(|mut stream| async move {
                let _ = read_request(&mut stream).await;
                drop(stream);
            })
            .await;
            let e = transport(quick())
                .post_form(&gateway_at(addr), "a=1", b"b=2".to_vec(), Charset::Utf8)
                .await
                .expect_err("closed");
            assert_eq!(e.outcome(), Outcome::Unknown);
            assert!(transport_error(e).maybe_sent);
        });
    }

    #[test]
    fn eof_mid_body_is_maybe_sent() {
        run(async {
            let (addr, _) = serve(|mut stream| async move {
                let _ = read_request(&mut stream).await;
                let _ = write_all(
                    &stream,
                    b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"alipay",
                )
                .await;
                drop(stream);
            })
            .await;
            let e = transport(quick())
                .post_form(&gateway_at(addr), "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("truncated");
            let t = transport_error(e);
            assert!(t.maybe_sent);
            assert!(t.message.contains("reading the answer"), "{}", t.message);
        });
    }

    #[test]
    fn silent_server_times_out_in_exchange_phase() {
        run(async {
            let (addr, _) = serve(|mut stream| async move {
                let _ = read_request(&mut stream).await;
                std::future::pending::<()>().await;
                drop(stream);
            })
            .await;
            let t = transport(TransportConfig {
                timeout: Duration::from_millis(300),
                ..quick()
            });
            let start = Instant::now();
            let e = t
                .post_form(&gateway_at(addr), "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("timeout");
            let elapsed = start.elapsed();
            assert!(
                elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(3),
                "{elapsed:?}"
            );
            assert!(
                matches!(
                    e,
                    Error::Timeout {
                        phase: TimeoutPhase::Exchange,
                        after
                    } if after == Duration::from_millis(300)
                ),
                "{e:?}"
            );
            assert_eq!(e.outcome(), Outcome::Unknown);
        });
    }

    #[test]
    fn slow_body_is_covered_by_the_overall_timeout() {
        run(async {
            let (addr, _) = serve(|mut stream| async move {
                let _ = read_request(&mut stream).await;
                let _ = write_all(&stream, b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{").await;
                std::future::pending::<()>().await;
                drop(stream);
            })
            .await;
            let t = transport(TransportConfig {
                timeout: Duration::from_millis(300),
                ..quick()
            });
            let e = t
                .post_form(&gateway_at(addr), "", Vec::new(), Charset::Utf8)
                .await
                .expect_err("timeout");
            assert!(
                matches!(
                    e,
                    Error::Timeout {
                        phase: TimeoutPhase::Exchange,
                        ..
                    }
                ),
                "{e:?}"
            );
        });
    }

    #[test]
    fn connection_refused_is_not_sent() {
        run(async {
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let addr = listener.local_addr().expect("addr");
            drop(listener);
            let e = transport(quick())
                .post_form(&gateway_at(addr), "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("refused");
            assert_eq!(e.outcome(), Outcome::NotSent);
            let t = transport_error(e);
            assert!(!t.maybe_sent);
            assert!(t.message.contains("could not connect"), "{}", t.message);
            assert!(t.source.is_some());
        });
    }

    #[test]
    fn connect_timeout_is_not_sent() {
        run(async {
            let t = transport(TransportConfig {
                connect_timeout: Duration::from_millis(200),
                timeout: Duration::from_secs(5),
                ..TransportConfig::default()
            });
            let gateway = Gateway::new("https://10.255.255.1:81/gateway.do").expect("gateway");
            let start = Instant::now();
            let e = t
                .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("unroutable");
            assert!(
                start.elapsed() < Duration::from_secs(3),
                "{:?}",
                start.elapsed()
            );
            // Without a route the OS may refuse at once instead of letting the connect time out.
            match &e {
                Error::Timeout {
                    phase: TimeoutPhase::Connect,
                    after,
                } => assert_eq!(*after, Duration::from_millis(200)),
                Error::Transport(t) => assert!(!t.maybe_sent),
                other => panic!("unexpected {other:?}"),
            }
            assert_eq!(e.outcome(), Outcome::NotSent);
        });
    }

    #[test]
    fn connect_timeout_on_a_full_backlog_is_a_connect_timeout() {
        // A listener that never accepts, its accept queue filled: Linux drops further SYNs,
        // so the next connect hangs until the connect timeout.
        run(async {
            let socket = tokio::net::TcpSocket::new_v4().expect("socket");
            socket
                .bind("127.0.0.1:0".parse().expect("addr"))
                .expect("bind");
            let listener = socket.listen(0).expect("listen");
            let addr = listener.local_addr().expect("addr");
            let mut fillers = Vec::new();
            let mut full = false;
            for _ in 0..16 {
                match tokio::time::timeout(Duration::from_millis(200), TcpStream::connect(addr))
                    .await
                {
                    Ok(Ok(stream)) => fillers.push(stream),
                    _ => {
                        full = true;
                        break;
                    }
                }
            }
            if !full {
                eprintln!("the accept queue never filled up on this system; skipped");
                return;
            }
            let t = transport(TransportConfig {
                connect_timeout: Duration::from_millis(200),
                timeout: Duration::from_secs(5),
                ..TransportConfig::default()
            });
            let start = Instant::now();
            let e = t
                .post_form(&gateway_at(addr), "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("backlog full");
            assert!(
                start.elapsed() < Duration::from_secs(3),
                "{:?}",
                start.elapsed()
            );
            assert!(
                matches!(
                    e,
                    Error::Timeout {
                        phase: TimeoutPhase::Connect,
                        after
                    } if after == Duration::from_millis(200)
                ),
                "{e:?}"
            );
            assert_eq!(e.outcome(), Outcome::NotSent);
            drop((listener, fillers));
        });
    }

    #[test]
    fn tls_handshake_failure_is_not_sent() {
        run(async {
            // Answers the ClientHello with plain HTTP.
            let (addr, _) = serve(|stream| async move {
                let mut buf = [0u8; 1024];
                let _ = read_some(&stream, &mut buf).await;
                let _ = write_all(&stream, &response("400 Bad Request", "", b"")).await;
            })
            .await;
            let gateway = Gateway::new(&format!("https://{addr}/gateway.do")).expect("gateway");
            let e = transport(quick())
                .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("not TLS");
            assert_eq!(e.outcome(), Outcome::NotSent, "{e:?}");
        });
    }

    #[test]
    fn hanging_tls_handshake_times_out_as_connect() {
        run(async {
            let (addr, _) = serve(|stream| async move {
                std::future::pending::<()>().await;
                drop(stream);
            })
            .await;
            let gateway = Gateway::new(&format!("https://{addr}/gateway.do")).expect("gateway");
            let t = transport(TransportConfig {
                timeout: Duration::from_millis(300),
                ..quick()
            });
            let e = t
                .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("hang");
            assert!(
                matches!(
                    e,
                    Error::Timeout {
                        phase: TimeoutPhase::Connect,
                        ..
                    }
                ),
                "{e:?}"
            );
            assert_eq!(e.outcome(), Outcome::NotSent);
        });
    }

    #[test]
    fn oversized_answer_is_an_error() {
        run(async {
            let config = TransportConfig {
                max_response_bytes: 1024,
                ..quick()
            };
            // Announced by Content-Length.
            let (gateway, _) = answering(response("200 OK", "", &[b'x'; 2048])).await;
            let t = transport_error(
                transport(config.clone())
                    .post_form(&gateway, "", Vec::new(), Charset::Utf8)
                    .await
                    .expect_err("too large"),
            );
            assert!(t.maybe_sent);
            assert!(
                t.message.contains("max_response_bytes (1024"),
                "{}",
                t.message
            );

            // Chunked, without a length.
            let mut chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
            for _ in 0..4 {
                chunked.extend_from_slice(b"200\r\n");
                chunked.extend_from_slice(&[b'y'; 512]);
                chunked.extend_from_slice(b"\r\n");
            }
            chunked.extend_from_slice(b"0\r\n\r\n");
            let (gateway, _) = answering(chunked).await;
            let t = transport_error(
                transport(config.clone())
                    .post_form(&gateway, "", Vec::new(), Charset::Utf8)
                    .await
                    .expect_err("too large"),
            );
            assert!(t.maybe_sent);
            assert!(t.message.contains("max_response_bytes"), "{}", t.message);

            // Exactly the limit is fine.
            let (gateway, _) = answering(response("200 OK", "", &[b'z'; 1024])).await;
            let answer = transport(config)
                .post_form(&gateway, "", Vec::new(), Charset::Utf8)
                .await
                .expect("at the limit");
            assert_eq!(answer.body.len(), 1024);
        });
    }

    #[test]
    fn a_request_is_never_sent_twice() {
        // The server answers the first request of each connection with keep-alive, then
        // closes the connection without reading on. Whatever the client does with the next
        // request (fresh connection, or an error), the server must never see a request twice.
        run(async {
            let seen = Arc::new(Mutex::new(Vec::<String>::new()));
            let log = seen.clone();
            let (addr, _) = serve(move |mut stream| {
                let log = log.clone();
                async move {
                    if let Some((head, _)) = read_request(&mut stream).await {
                        let line = head.lines().next().unwrap_or_default().to_owned();
                        log.lock().expect("lock").push(line);
                        let _ = write_all(&stream, &response("200 OK", "", b"{}")).await;
                    }
                    drop(stream);
                }
            })
            .await;
            let gateway = gateway_at(addr);
            let t = transport(quick());
            for i in 0..20 {
                let _ = t
                    .post_form(&gateway, &format!("n={i}"), Vec::new(), Charset::Utf8)
                    .await;
            }
            let seen = seen.lock().expect("lock").clone();
            let mut unique = seen.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), seen.len(), "{seen:?}");
        });
    }

    #[test]
    fn invalid_query_characters_are_refused_before_sending() {
        run(async {
            let e = transport(quick())
                .post_form(
                    &Gateway::new("http://127.0.0.1:1/gateway.do").expect("gateway"),
                    "a=b c",
                    Vec::new(),
                    Charset::Utf8,
                )
                .await
                .expect_err("space in query");
            assert!(matches!(e, Error::InvalidRequest(_)), "{e:?}");
        });
    }
}
