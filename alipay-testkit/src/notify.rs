//! [`NotifyEndpoint`]: a merchant's notify endpoint on loopback.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{HeaderMap, Method, Response, StatusCode, Version};
use tokio::sync::watch;

use crate::server::{DropConnection, Handler, Server};

/// One request the endpoint received.
#[derive(Debug, Clone)]
pub struct Notification {
    /// The HTTP method.
    pub method: Method,
    /// Path and query.
    pub target: String,
    /// The HTTP version.
    pub version: Version,
    /// The request headers.
    pub headers: HeaderMap,
    /// The raw body.
    pub body: Bytes,
}

impl Notification {
    /// `POST /notify HTTP/1.1`.
    pub fn request_line(&self) -> String {
        format!("{} {} {:?}", self.method, self.target, self.version)
    }

    /// The `Content-Type` header, or `""`.
    pub fn content_type(&self) -> &str {
        self.headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The body as UTF-8; panics if it is not.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.to_vec()).expect("a UTF-8 notification body")
    }
}

/// Configures a [`NotifyEndpoint`].
pub struct NotifyEndpointBuilder {
    path: String,
    answer: String,
    status: u16,
}

impl NotifyEndpointBuilder {
    /// The path of [`NotifyEndpoint::url`] (default `/notify`; every path is served).
    pub fn path(mut self, path: &str) -> NotifyEndpointBuilder {
        self.path = path.to_owned();
        self
    }

    /// The body of every answer (default `success`, which ends Alipay's re-sending).
    pub fn answer(mut self, body: &str) -> NotifyEndpointBuilder {
        self.answer = body.to_owned();
        self
    }

    /// The status of every answer (default 200).
    pub fn status(mut self, status: u16) -> NotifyEndpointBuilder {
        self.status = status;
        self
    }

    /// Starts serving on `127.0.0.1`.
    pub fn start(self) -> NotifyEndpoint {
        let inbox = Arc::new(Inbox {
            list: Mutex::new(Vec::new()),
            arrived: Condvar::new(),
            count: watch::Sender::new(0),
        });
        let (sink, answer, status) = (inbox.clone(), Bytes::from(self.answer), self.status);
        let handler: Handler = Arc::new(move |req| {
            let (sink, answer) = (sink.clone(), answer.clone());
            Box::pin(async move {
                let (parts, body) = req.into_parts();
                let body = body.collect().await.map_err(|_| DropConnection)?.to_bytes();
                sink.push(Notification {
                    method: parts.method,
                    target: parts
                        .uri
                        .path_and_query()
                        .map(|p| p.as_str().to_owned())
                        .unwrap_or_else(|| parts.uri.to_string()),
                    version: parts.version,
                    headers: parts.headers,
                    body,
                });
                let mut response = Response::new(Full::new(answer));
                *response.status_mut() = StatusCode::from_u16(status).expect("an HTTP status");
                response
                    .headers_mut()
                    .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                Ok(response)
            })
        });
        let server = Server::start("notify endpoint", handler);
        NotifyEndpoint {
            url: format!("http://{}{}", server.addr, self.path),
            _server: server,
            inbox,
            taken: AtomicUsize::new(0),
        }
    }
}

struct Inbox {
    list: Mutex<Vec<Notification>>,
    arrived: Condvar,
    count: watch::Sender<usize>,
}

impl Inbox {
    fn push(&self, n: Notification) {
        let mut list = self.list.lock().unwrap_or_else(|e| e.into_inner());
        list.push(n);
        self.count.send_replace(list.len());
        self.arrived.notify_all();
    }
}

/// A merchant's notify endpoint on loopback: records every request and answers `success`
/// (configurable), serving until dropped.
///
/// ```
/// use alipay_testkit::NotifyEndpoint;
///
/// let endpoint = NotifyEndpoint::start();
/// assert!(endpoint.url().ends_with("/notify"));
/// assert_eq!(endpoint.count(), 0);
/// // In an async test: `let body = endpoint.next_body().await;`
/// // in a synchronous one: `let all = endpoint.wait_for(2, Duration::from_secs(10));`
/// ```
pub struct NotifyEndpoint {
    url: String,
    _server: Server,
    inbox: Arc<Inbox>,
    taken: AtomicUsize,
}

impl NotifyEndpoint {
    /// An endpoint at `/notify` answering `success`.
    pub fn start() -> NotifyEndpoint {
        NotifyEndpoint::builder().start()
    }

    /// Path `/notify`, answer `success`, status 200.
    pub fn builder() -> NotifyEndpointBuilder {
        NotifyEndpointBuilder {
            path: "/notify".to_owned(),
            answer: "success".to_owned(),
            status: 200,
        }
    }

    /// The URL to give as `notify_url`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request received so far.
    pub fn received(&self) -> Vec<Notification> {
        self.inbox
            .list
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// How many requests were received.
    pub fn count(&self) -> usize {
        self.inbox
            .list
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }

    /// The next request not yet returned by `next`/`next_body`, waiting for it (no timeout:
    /// wrap it in `tokio::time::timeout`).
    pub async fn next(&self) -> Notification {
        let i = self.taken.fetch_add(1, Ordering::SeqCst);
        let mut count = self.inbox.count.subscribe();
        count
            .wait_for(|n| *n > i)
            .await
            .expect("the inbox lives as long as the endpoint");
        self.inbox.list.lock().unwrap_or_else(|e| e.into_inner())[i].clone()
    }

    /// The body of [`NotifyEndpoint::next`].
    pub async fn next_body(&self) -> Vec<u8> {
        self.next().await.body.to_vec()
    }

    /// Blocks until `n` requests arrived (for synchronous tests) and returns them all;
    /// panics after `timeout`.
    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Notification> {
        let deadline = Instant::now() + timeout;
        let mut got = self.inbox.list.lock().unwrap_or_else(|e| e.into_inner());
        while got.len() < n {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "{} request(s) to {} within {timeout:?}, {n} expected",
                got.len(),
                self.url
            );
            got = self
                .inbox
                .arrived
                .wait_timeout(got, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        got.clone()
    }
}
