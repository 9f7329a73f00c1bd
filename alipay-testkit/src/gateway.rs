//! [`FakeGateway`]: a scripted Alipay gateway over real HTTP on loopback.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alipay_core::gateway::{sign_encrypted_response, sign_error_response, sign_response};
use alipay_core::protocol::sign_content;
use alipay_core::{AppPublicKey, Charset, EncryptKey, Gateway, GatewayPrivateKey, SignType};
use base64::Engine;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use hyper::{HeaderMap, Method, Response, StatusCode, Version};

use crate::keys;
use crate::server::{DropConnection, Handled, Handler, Server};

/// One request as the fake gateway received it.
#[derive(Debug, Clone)]
pub struct GatewayRequest {
    /// The API method (the `method` parameter); empty when there is none.
    pub method: String,
    /// The n-th (0-based) request of this API method.
    pub nth: usize,
    /// The n-th (0-based) request of any method.
    pub index: usize,
    /// The HTTP method (`POST` from every client of ours).
    pub http_method: Method,
    /// The request target: path and query (`/gateway.do?charset=utf-8&...`).
    pub target: String,
    /// The HTTP version.
    pub version: Version,
    /// The request headers.
    pub headers: HeaderMap,
    /// The raw request body.
    pub body: Bytes,
    /// The charset the parameters were decoded in (the `Content-Type`'s `charset`, else the
    /// `charset` parameter, else UTF-8).
    pub charset: Charset,
    /// The query and body parameters, decoded (a body parameter wins over a query one of the
    /// same name); empty if they could not be decoded in `charset`.
    pub params: BTreeMap<String, String>,
    /// Whether our request signature verified: `None` unless the gateway was asked to verify
    /// ([`FakeGatewayBuilder::verify`]).
    pub verified: Option<bool>,
    /// The gateway's sign content of the parameters (everything but `sign`, sorted).
    pub sign_content: String,
}

impl GatewayRequest {
    /// A decoded parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// The decoded `biz_content` parameter.
    pub fn biz_content(&self) -> Option<&str> {
        self.param("biz_content")
    }

    /// The `biz_content` parsed as JSON; panics if it is missing or not JSON.
    pub fn biz_json(&self) -> serde_json::Value {
        let biz = self.biz_content().expect("the request has a biz_content");
        serde_json::from_str(biz).unwrap_or_else(|e| panic!("biz_content is not JSON ({e}): {biz}"))
    }

    /// The raw body, lossily as text.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A request header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// What the fake gateway answers to one request.
///
/// A response node is signed by default with the test gateway key ([`keys::gateway_private`]),
/// `RSA2`, UTF-8, under `<method>_response`; `Content-Type: application/json;charset=<charset>`,
/// status 200.
///
/// ```
/// use alipay_testkit::Reply;
///
/// let _ = Reply::node(r#"{"code":"10000","msg":"Success"}"#);
/// let _ = Reply::node(r#"{"code":"10000","msg":"Success"}"#).forged();
/// let _ = Reply::raw("<html>upstream down</html>").status(502);
/// let _ = Reply::drop_connection().delay(std::time::Duration::from_millis(50));
/// ```
#[derive(Clone)]
pub struct Reply {
    what: What,
    status: u16,
    headers: Vec<(String, String)>,
    delay: Option<Duration>,
}

#[derive(Clone)]
enum What {
    Node(Node),
    Raw(Bytes),
    Drop,
}

#[derive(Clone)]
struct Node {
    json: String,
    under: Under,
    key: Option<GatewayPrivateKey>,
    sign_type: SignType,
    charset: Charset,
    cert_sn: Option<String>,
}

#[derive(Clone)]
enum Under {
    Method,
    Error,
    Encrypted(EncryptKey),
}

impl Reply {
    fn with(what: What) -> Reply {
        Reply {
            what,
            status: 200,
            headers: Vec::new(),
            delay: None,
        }
    }

    fn signed(json: &str, under: Under) -> Reply {
        Reply::with(What::Node(Node {
            json: json.to_owned(),
            under,
            key: None,
            sign_type: SignType::Rsa2,
            charset: Charset::Utf8,
            cert_sn: None,
        }))
    }

    /// The response node `json` (one JSON object), signed under `<method>_response`.
    pub fn node(json: &str) -> Reply {
        Reply::signed(json, Under::Method)
    }

    /// A gateway-level refusal: `json` signed under `error_response`.
    pub fn error(json: &str) -> Reply {
        Reply::signed(json, Under::Error)
    }

    /// The node `json` AES-encrypted with `key`, then signed (encrypt, then sign).
    pub fn encrypted(json: &str, key: EncryptKey) -> Reply {
        Reply::signed(json, Under::Encrypted(key))
    }

    /// `body` exactly as given, unsigned (`Content-Type: application/json;charset=utf-8`
    /// unless [`Reply::header`] says otherwise).
    pub fn raw(body: impl Into<Bytes>) -> Reply {
        Reply::with(What::Raw(body.into()))
    }

    /// Reads the request, then closes the connection without answering.
    pub fn drop_connection() -> Reply {
        Reply::with(What::Drop)
    }

    fn node_mut(&mut self) -> &mut Node {
        match &mut self.what {
            What::Node(n) => n,
            _ => panic!("only a signed node has a key, a sign type, a charset or a cert SN"),
        }
    }

    /// Signs with `key` instead of the test gateway key.
    pub fn signed_with(mut self, key: GatewayPrivateKey) -> Reply {
        self.node_mut().key = Some(key);
        self
    }

    /// Signs with a key that is not the gateway's ([`keys::forger_private`]): the signature
    /// does not verify with [`keys::alipay_public`].
    pub fn forged(self) -> Reply {
        self.signed_with(keys::forger_private())
    }

    /// Signs with `sign_type` (default `RSA2`).
    pub fn sign_type(mut self, sign_type: SignType) -> Reply {
        self.node_mut().sign_type = sign_type;
        self
    }

    /// Encodes and signs in `charset` (default UTF-8).
    pub fn charset(mut self, charset: Charset) -> Reply {
        self.node_mut().charset = charset;
        self
    }

    /// Adds `alipay_cert_sn` (certificate mode).
    pub fn cert_sn(mut self, sn: &str) -> Reply {
        self.node_mut().cert_sn = Some(sn.to_owned());
        self
    }

    /// Answers with this HTTP status instead of 200.
    pub fn status(mut self, status: u16) -> Reply {
        self.status = status;
        self
    }

    /// Sets a response header (replacing the default `Content-Type` or the gateway's
    /// `trace_id` of the same name).
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Waits this long before answering (or dropping the connection).
    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = Some(delay);
        self
    }
}

type Script = Arc<dyn Fn(&GatewayRequest) -> Reply + Send + Sync>;

/// Configures a [`FakeGateway`].
pub struct FakeGatewayBuilder {
    verify: Option<AppPublicKey>,
    trace_id: Option<String>,
}

impl FakeGatewayBuilder {
    /// Verifies every request's signature with `app_public` the way Alipay does (the sign
    /// content of every parameter but `sign`, in the request's charset); the result is in
    /// [`GatewayRequest::verified`]. A request that does not verify is answered the gateway's
    /// signed `40002 isv.invalid-signature`, quoting the gateway's sign content, without
    /// asking the script.
    pub fn verify(mut self, app_public: AppPublicKey) -> FakeGatewayBuilder {
        self.verify = Some(app_public);
        self
    }

    /// Sends a `trace_id` header with every answer.
    pub fn trace_id(mut self, trace_id: &str) -> FakeGatewayBuilder {
        self.trace_id = Some(trace_id.to_owned());
        self
    }

    /// Starts serving on `127.0.0.1`, answering what `script` says.
    pub fn start(
        self,
        script: impl Fn(&GatewayRequest) -> Reply + Send + Sync + 'static,
    ) -> FakeGateway {
        let state = Arc::new(State {
            script: Arc::new(script),
            verify: self.verify,
            trace_id: self.trace_id,
            log: Mutex::new(Vec::new()),
        });
        let s = state.clone();
        let handler: Handler = Arc::new(move |req| {
            let s = s.clone();
            Box::pin(async move { s.handle(req).await })
        });
        let server = Server::start("fake gateway", handler);
        FakeGateway { server, state }
    }
}

struct State {
    script: Script,
    verify: Option<AppPublicKey>,
    trace_id: Option<String>,
    log: Mutex<Vec<GatewayRequest>>,
}

/// A scripted Alipay gateway on loopback (HTTP/1.1, keep-alive), serving until dropped.
///
/// ```
/// use alipay_testkit::{FakeGateway, Reply, keys};
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let gw = FakeGateway::builder()
///     .verify(keys::app_public())
///     .start(|req| match (req.method.as_str(), req.nth) {
///         (_, 0) => Reply::node(r#"{"code":"20000","msg":"Service Currently Unavailable"}"#),
///         _ => Reply::node(r#"{"code":"10000","msg":"Success"}"#),
///     });
/// let client = alipay_core::AlipayClient::builder(keys::APP_ID, keys::app_private(), keys::alipay_public())
///     .gateway(gw.gateway())
///     .build()
///     .unwrap();
/// let call = alipay_core::Call::new("alipay.fund.coupon.operation.query").biz_content(r#"{"auth_no":"1"}"#);
/// assert!(client.call(&call).send().await.is_err());
/// assert!(client.call(&call).send().await.is_ok());
/// assert_eq!(gw.count(), 2);
/// assert!(gw.requests().iter().all(|r| r.verified == Some(true)));
/// # });
/// ```
pub struct FakeGateway {
    server: Server,
    state: Arc<State>,
}

impl FakeGateway {
    /// A gateway that does not verify requests and sends no `trace_id`.
    pub fn builder() -> FakeGatewayBuilder {
        FakeGatewayBuilder {
            verify: None,
            trace_id: None,
        }
    }

    /// `FakeGateway::builder().start(script)`.
    pub fn start(script: impl Fn(&GatewayRequest) -> Reply + Send + Sync + 'static) -> FakeGateway {
        FakeGateway::builder().start(script)
    }

    /// `http://127.0.0.1:<port>/gateway.do`.
    pub fn url(&self) -> String {
        format!("http://{}/gateway.do", self.server.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> std::net::SocketAddr {
        self.server.addr
    }

    /// [`FakeGateway::url`] as a client's [`Gateway`].
    pub fn gateway(&self) -> Gateway {
        Gateway::new(&self.url()).expect("a loopback gateway URL")
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<GatewayRequest> {
        self.state
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The requests of API method `method`, in order.
    pub fn requests_of(&self, method: &str) -> Vec<GatewayRequest> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method)
            .collect()
    }

    /// How many requests were received.
    pub fn count(&self) -> usize {
        self.state
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }

    /// How many connections were accepted.
    pub fn connections(&self) -> usize {
        self.server.connections.load(Ordering::SeqCst)
    }
}

impl State {
    async fn handle(&self, req: hyper::Request<hyper::body::Incoming>) -> Handled {
        let (parts, body) = req.into_parts();
        let body = body.collect().await.map_err(|_| DropConnection)?.to_bytes();
        let target = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| parts.uri.to_string());
        let query = target.split_once('?').map(|(_, q)| q).unwrap_or("");
        let charset = charset_of(&parts.headers, query);
        let params: BTreeMap<String, String> = match (
            charset.form_decode(query.as_bytes()),
            charset.form_decode(&body),
        ) {
            (Ok(q), Ok(b)) => q.into_iter().chain(b).collect(),
            _ => BTreeMap::new(),
        };
        let content = sign_content(
            params
                .iter()
                .filter(|(k, _)| *k != "sign")
                .map(|(k, v)| (k.as_str(), v.as_str())),
        );
        let verified = self
            .verify
            .as_ref()
            .map(|key| verify(&params, &content, charset, key));
        let method = params.get("method").cloned().unwrap_or_default();
        let request = {
            let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
            let request = GatewayRequest {
                nth: log.iter().filter(|r| r.method == method).count(),
                index: log.len(),
                method,
                http_method: parts.method,
                target,
                version: parts.version,
                headers: parts.headers,
                body,
                charset,
                params,
                verified,
                sign_content: content,
            };
            log.push(request.clone());
            request
        };
        let reply = if verified == Some(false) {
            invalid_signature(&request)
        } else {
            (self.script)(&request)
        };
        if let Some(delay) = reply.delay {
            tokio::time::sleep(delay).await;
        }
        let (body, charset) = match reply.what {
            What::Drop => return Err(DropConnection),
            What::Raw(bytes) => (Ok(bytes), Charset::Utf8),
            What::Node(node) => (sign(&request.method, &node).map(Bytes::from), node.charset),
        };
        let (status, body) = match body {
            Ok(body) => (reply.status, body),
            Err(e) => (
                500,
                Bytes::from(format!("the fake gateway could not sign: {e}")),
            ),
        };
        let mut response = Response::new(Full::new(body));
        *response.status_mut() = StatusCode::from_u16(status).expect("an HTTP status");
        let headers = response.headers_mut();
        let content_type = format!("application/json;charset={}", charset.as_str());
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_str(&content_type).expect("ascii"),
        );
        if let Some(trace_id) = &self.trace_id {
            headers.insert(
                "trace_id",
                HeaderValue::from_str(trace_id).expect("a header value"),
            );
        }
        for (name, value) in &reply.headers {
            headers.insert(
                HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
                HeaderValue::from_str(value).expect("a header value"),
            );
        }
        Ok(response)
    }
}

fn charset_of(headers: &HeaderMap, query: &str) -> Charset {
    let from_header = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| {
            let (_, cs) = ct.split_once("charset=")?;
            cs.split(';').next()?.trim().parse().ok()
        });
    let from_query = || {
        Charset::Utf8
            .form_decode(query.as_bytes())
            .ok()?
            .into_iter()
            .find(|(k, _)| k == "charset")?
            .1
            .parse()
            .ok()
    };
    from_header.or_else(from_query).unwrap_or(Charset::Utf8)
}

fn verify(
    params: &BTreeMap<String, String>,
    content: &str,
    charset: Charset,
    key: &AppPublicKey,
) -> bool {
    let (Some(sign), Some(sign_type)) = (params.get("sign"), params.get("sign_type")) else {
        return false;
    };
    let (Ok(sig), Ok(st)) = (
        base64::engine::general_purpose::STANDARD.decode(sign),
        sign_type.parse::<SignType>(),
    ) else {
        return false;
    };
    charset
        .encode(content)
        .is_ok_and(|bytes| key.verify(st, &bytes, &sig))
}

fn sign(method: &str, node: &Node) -> Result<Vec<u8>, alipay_core::Error> {
    let default_key;
    let key = match &node.key {
        Some(key) => key,
        None => {
            default_key = keys::gateway_private();
            &default_key
        }
    };
    let sn = node.cert_sn.as_deref();
    match &node.under {
        Under::Method => sign_response(method, &node.json, key, node.sign_type, node.charset, sn),
        Under::Error => sign_error_response(&node.json, key, node.sign_type, node.charset, sn),
        Under::Encrypted(aes) => sign_encrypted_response(
            method,
            &node.json,
            aes,
            key,
            node.sign_type,
            node.charset,
            sn,
        ),
    }
}

/// The gateway's answer to a request whose signature does not verify.
fn invalid_signature(request: &GatewayRequest) -> Reply {
    let node = serde_json::json!({
        "code": "40002",
        "msg": "Invalid Arguments",
        "sub_code": "isv.invalid-signature",
        "sub_msg": format!("验签出错，网关生成的验签字符串为：{}", request.sign_content),
    })
    .to_string();
    if request.method.is_empty() {
        Reply::error(&node)
    } else {
        Reply::node(&node)
    }
}
