//! The client side of HTTP for tests that talk to a server as a browser, a phone or an
//! operator would (the sandbox's cashier and admin endpoints, page URLs): one request with a
//! fresh hyper client, so no connection outlives the call.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! use alipay_testkit::{NotifyEndpoint, http};
//! let endpoint = NotifyEndpoint::start();
//! let answer = http::send(http::Method::POST, &endpoint.url(), &[], b"a=1").await;
//! assert_eq!(answer.status, http::StatusCode::OK);
//! assert_eq!(answer.text(), "success");
//! # }
//! ```

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
pub use hyper::{HeaderMap, Method, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// A whole answer.
#[derive(Debug, Clone)]
pub struct Answer {
    /// Its status.
    pub status: StatusCode,
    /// Its headers.
    pub headers: HeaderMap,
    /// Its body.
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as UTF-8 text (panics otherwise: a test helper).
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }

    /// The body as JSON (panics, showing the body, otherwise).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    /// A header's value, or "" when absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// One HTTP/1.1 request (plain `http://` only) and its whole answer.
pub async fn send(method: Method, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let mut req = Request::builder().method(method).uri(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let resp = client
        .request(
            req.body(Full::new(Bytes::copy_from_slice(body)))
                .expect("a valid request"),
        )
        .await
        .unwrap_or_else(|e| panic!("{url}: {e}"));
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp
        .into_body()
        .collect()
        .await
        .unwrap_or_else(|e| panic!("{url}: {e}"))
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

/// A GET without a body.
pub async fn get(url: &str) -> Answer {
    send(Method::GET, url, &[], b"").await
}
