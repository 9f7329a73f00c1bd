//! Connections that never finish: the header-read, body-read and keep-alive idle timeouts,
//! and the cap on concurrent connections.
//!
//! Each connection has a watchdog that knows its phase: *idle* (accepted, or its last answer
//! returned; no byte of a next request yet), *head* (the first byte of a request arrived,
//! its headers are not complete) or *busy* (the service runs). Idle longer than
//! [`ConnectionLimits::idle_timeout`] or in the head phase longer than
//! [`ConnectionLimits::header_read_timeout`] (headers sent a byte at a time included), the
//! connection is closed. A body not received within
//! [`ConnectionLimits::body_read_timeout`] of the headers fails to read (the route answers
//! its "unreadable body" refusal) and the answer closes the connection.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::Notify;
use tokio::time::{Instant, Sleep};

/// Bounds on what one client can hold: how long a connection may take to send its headers and
/// its body, how long it may stay idle between requests, and how many may be open at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// From the first byte of a request to the end of its headers (default 10 s).
    pub header_read_timeout: Duration,
    /// From the end of the headers to the end of the body (default 30 s).
    pub body_read_timeout: Duration,
    /// A connection with no request under way: from its accept, or from its last answer, to
    /// the first byte of its next request (default 30 s).
    pub idle_timeout: Duration,
    /// Connections open at once (default 512). One more is answered `503` with a short body
    /// and closed (an `https` one is closed).
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(30),
            max_connections: 512,
        }
    }
}

#[derive(Clone, Copy)]
enum Phase {
    Idle(Instant),
    Head(Instant),
    Busy,
}

/// One connection's phase, shared by its IO, its service and its watchdog.
pub(super) struct Watch {
    phase: Mutex<Phase>,
    changed: Notify,
    /// Set when a body read timed out: the answer closes the connection.
    close: std::sync::atomic::AtomicBool,
}

impl Watch {
    pub(super) fn new() -> Arc<Watch> {
        Arc::new(Watch {
            phase: Mutex::new(Phase::Idle(Instant::now())),
            changed: Notify::new(),
            close: false.into(),
        })
    }

    fn set(&self, f: impl FnOnce(Phase) -> Phase) {
        let mut phase = self.phase.lock().unwrap_or_else(|e| e.into_inner());
        *phase = f(*phase);
        drop(phase);
        self.changed.notify_one();
    }

    /// The service was called: the headers are complete.
    pub(super) fn busy(&self) {
        self.set(|_| Phase::Busy);
    }

    /// The service answered: the connection waits for its next request.
    pub(super) fn idle(&self) {
        self.set(|_| Phase::Idle(Instant::now()));
    }

    /// Bytes arrived: an idle connection starts a request head.
    fn read_some(&self) {
        let idle = matches!(
            *self.phase.lock().unwrap_or_else(|e| e.into_inner()),
            Phase::Idle(_)
        );
        if idle {
            self.set(|p| match p {
                Phase::Idle(_) => Phase::Head(Instant::now()),
                other => other,
            });
        }
    }

    /// Whether the answer must close the connection (its body timed out).
    pub(super) fn must_close(&self) -> bool {
        self.close.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Resolves when the connection has been idle or reading headers for too long.
    pub(super) async fn expired(&self, limits: ConnectionLimits) {
        loop {
            let notified = self.changed.notified();
            let phase = *self.phase.lock().unwrap_or_else(|e| e.into_inner());
            let deadline = match phase {
                Phase::Idle(t) => Some(t + limits.idle_timeout),
                Phase::Head(t) => Some(t + limits.header_read_timeout),
                Phase::Busy => None,
            };
            match deadline {
                Some(d) if Instant::now() >= d => return,
                Some(d) => {
                    tokio::select! {
                        _ = tokio::time::sleep_until(d) => {}
                        _ = notified => {}
                    }
                }
                None => notified.await,
            }
        }
    }
}

/// The connection's stream, telling its [`Watch`] when bytes arrive.
pub(super) struct Watched<T> {
    pub(super) inner: T,
    pub(super) watch: Arc<Watch>,
}

impl<T: AsyncRead + Unpin> AsyncRead for Watched<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.watch.read_some();
        }
        polled
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Watched<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }
}

/// A request body that fails once `body_read_timeout` has passed since the headers.
pub(crate) struct TimedBody {
    inner: Incoming,
    deadline: Pin<Box<Sleep>>,
    watch: Arc<Watch>,
    timeout: Duration,
}

impl TimedBody {
    pub(super) fn new(inner: Incoming, timeout: Duration, watch: Arc<Watch>) -> TimedBody {
        TimedBody {
            inner,
            deadline: Box::pin(tokio::time::sleep(timeout)),
            watch,
            timeout,
        }
    }
}

/// The error of a body that did not arrive in time.
#[derive(Debug)]
pub(crate) struct BodyTimeout(Duration);

impl std::fmt::Display for BodyTimeout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the body did not arrive within {:?} (body-read timeout)",
            self.0
        )
    }
}

impl std::error::Error for BodyTimeout {}

impl Body for TimedBody {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if let Poll::Ready(frame) = Pin::new(&mut self.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|f| f.map_err(Into::into)));
        }
        if self.deadline.as_mut().poll(cx).is_ready() {
            self.watch
                .close
                .store(true, std::sync::atomic::Ordering::Relaxed);
            return Poll::Ready(Some(Err(Box::new(BodyTimeout(self.timeout)))));
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The answer to a connection over the cap: `503` with a short body, then closed.
pub(super) async fn refuse(mut stream: TcpStream) {
    const BODY: &str =
        "too many connections: the sandbox serves at most --max-connections at once; retry later\n";
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n\
         content-length: {}\r\nconnection: close\r\nretry-after: 1\r\n\r\n{BODY}",
        BODY.len()
    );
    let write = async {
        stream.write_all(answer.as_bytes()).await?;
        stream.shutdown().await
    };
    let _ = tokio::time::timeout(Duration::from_secs(2), write).await;
}
