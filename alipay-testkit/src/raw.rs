//! Sockets and hand-made bytes: only for tests where the bytes on the wire are the point and
//! hyper cannot express the case (a body cut short, a half answer that never ends, a server
//! that never answers or closes after one answer on a keep-alive connection, a non-TLS
//! answer to a ClientHello, a chunked body of a given shape). Everything else uses
//! [`FakeGateway`](crate::FakeGateway) or [`NotifyEndpoint`](crate::NotifyEndpoint).
//!
//! Unlike those, a [`RawServer`] runs on the caller's tokio runtime (it lives as long as the
//! runtime does), and nothing here knows alipay-core's types, so a crate's own unit tests can
//! use it without a second copy of that crate's types getting in the way.
//!
//! ```
//! use alipay_testkit::raw::{self, RawServer};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! // Answers the first request with half a body, then never writes again.
//! let server = RawServer::serve(|mut stream| async move {
//!     let _ = raw::read_request(&mut stream).await;
//!     let _ = raw::write_all(&mut stream, b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{").await;
//!     std::future::pending::<()>().await;
//! })
//! .await;
//! let answer = raw::exchange(server.addr(), b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", std::time::Duration::from_millis(100)).await;
//! assert!(answer.starts_with(b"HTTP/1.1 200 OK"));
//! # });
//! ```

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A loopback TCP server handing every accepted connection to a handler, on the caller's
/// runtime.
pub struct RawServer {
    addr: SocketAddr,
    accepted: Arc<AtomicUsize>,
}

impl RawServer {
    /// Serves every accepted connection with `handler` (each on a task of its own).
    pub async fn serve<F, Fut>(handler: F) -> RawServer
    where
        F: Fn(TcpStream) -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("listener address");
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = accepted.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(handler(stream));
            }
        });
        RawServer { addr, accepted }
    }

    /// Answers every request of every connection with exactly `answer` (keep-alive).
    pub async fn answering(answer: impl Into<Vec<u8>>) -> RawServer {
        let answer = Arc::new(answer.into());
        RawServer::serve(move |mut stream| {
            let answer = answer.clone();
            async move {
                while read_request(&mut stream).await.is_some() {
                    if write_all(&mut stream, &answer).await.is_err() {
                        return;
                    }
                }
            }
        })
        .await
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://<addr>/gateway.do`.
    pub fn url(&self) -> String {
        format!("http://{}/gateway.do", self.addr)
    }

    /// How many connections were accepted.
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }
}

/// One request as bytes: the head (request line and headers, up to the blank line) and the
/// `Content-Length` body.
#[derive(Debug, Clone)]
pub struct RawRequest {
    /// Request line and headers, with their `\r\n`s and the final blank line.
    pub head: String,
    /// The body.
    pub body: Vec<u8>,
}

impl RawRequest {
    /// The request line (`POST /gateway.do?... HTTP/1.1`).
    pub fn request_line(&self) -> &str {
        self.head.lines().next().unwrap_or("")
    }

    /// The value of the first header `name` (case-insensitive), trimmed.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Reads one request (head, then `Content-Length` bytes of body); `None` at EOF or on an
/// error. Bytes after the body (a pipelined request) are not read.
pub async fn read_request(stream: &mut TcpStream) -> Option<RawRequest> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    // Byte by byte up to the blank line, so nothing of the body or a next request is taken.
    while !buf.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte).await {
            Ok(1) => buf.push(byte[0]),
            _ => return None,
        }
    }
    let head = String::from_utf8(buf).ok()?;
    let request = RawRequest {
        head,
        body: Vec::new(),
    };
    let len: usize = request
        .header("content-length")
        .map(|v| v.parse().expect("a Content-Length"))
        .unwrap_or(0);
    let mut body = vec![0; len];
    stream.read_exact(&mut body).await.ok()?;
    Some(RawRequest { body, ..request })
}

/// Writes all of `bytes`.
pub async fn write_all(stream: &mut TcpStream, bytes: &[u8]) -> io::Result<()> {
    stream.write_all(bytes).await?;
    stream.flush().await
}

/// Reads what arrives, once (up to `buf.len()` bytes); 0 at EOF.
pub async fn read_some(stream: &mut TcpStream, buf: &mut [u8]) -> io::Result<usize> {
    stream.read(buf).await
}

/// An HTTP/1.1 answer: `HTTP/1.1 <status>`, `Content-Length`,
/// `Content-Type: text/html;charset=utf-8`, then `extra_headers` (each ending in `\r\n`),
/// then `body`.
pub fn response(status: &str, extra_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nContent-Type: text/html;charset=utf-8\r\n{extra_headers}\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// A loopback address nothing listens on (bound, then released).
pub fn unused_addr() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("listener address")
}

/// The client side: connects to `addr`, writes `bytes`, and returns what arrives until the
/// server closes or nothing came for `idle`.
pub async fn exchange(addr: SocketAddr, bytes: &[u8], idle: Duration) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    write_all(&mut stream, bytes)
        .await
        .expect("write the request");
    let mut out = Vec::new();
    let mut chunk = [0u8; 4096];
    while let Ok(Ok(n)) = tokio::time::timeout(idle, stream.read(&mut chunk)).await {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&chunk[..n]);
    }
    out
}
