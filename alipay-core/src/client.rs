//! The client: one application's identity, Alipay's, a gateway and a pooled HTTP connection.
//!
//! A client cannot be built without a way to verify Alipay (its public key or its
//! certificates), so no answer is ever used unverified.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, RwLock};

use base64::Engine;

use crate::aes::EncryptKey;
use crate::api::{Api, ExecuteApi, PageExecuteApi, SdkExecuteApi};
use crate::call::{CallBuilder, Callable};
use crate::cert::{AlipayCertificate, AlipayRootCertificate, AppCertificate};
use crate::charset::Charset;
use crate::error::{Error, SignatureError, SignatureFailure};
use crate::keys::{AlipayPublicKey, AppPrivateKey, B64};
use crate::notify::{self, Notification, NotifyCheck};
use crate::request::{Call, CertSns, RequestSigner, SignedRequest};
use crate::response::{self, ResponseCheck, VerifiedResponse};
use crate::sign::SignType;
use crate::transport::{Gateway, HttpTransport, TransportConfig};

/// How answers from Alipay are authenticated.
#[derive(Clone)]
enum AlipayTrust {
    /// Public-key mode: Alipay's public key ("支付宝公钥").
    PublicKey(AlipayPublicKey),
    /// Certificate mode: responses must carry the SN of a trusted certificate and verify with
    /// its key. Shared by the clones of a client.
    Certificate(Arc<CertificateTrust>),
}

/// The method that serves an Alipay certificate by SN (certificate rotation).
const CERT_DOWNLOAD: &str = "alipay.open.app.alipaycert.download";

/// Certificate mode's trust: the configured Alipay certificate, the root bundle that vouches
/// for rotated ones, and the rotated ones already downloaded and checked.
struct CertificateTrust {
    configured: AlipayCertificate,
    root: AlipayRootCertificate,
    /// By SN: certificates fetched with `alipay.open.app.alipaycert.download` that chained to
    /// `root`. Only ever grows; a poisoned lock still holds only checked certificates.
    downloaded: RwLock<BTreeMap<String, AlipayCertificate>>,
}

impl CertificateTrust {
    /// The trusted certificate with this SN, if any.
    fn get(&self, sn: &str) -> Option<AlipayCertificate> {
        if self.configured.sn() == sn {
            return Some(self.configured.clone());
        }
        self.downloaded
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(sn)
            .cloned()
    }

    /// Every trusted certificate, the configured one first.
    fn all(&self) -> Vec<AlipayCertificate> {
        let downloaded = self.downloaded.read().unwrap_or_else(|e| e.into_inner());
        std::iter::once(self.configured.clone())
            .chain(downloaded.values().cloned())
            .collect()
    }

    fn trust(&self, cert: AlipayCertificate) {
        self.downloaded
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(cert.sn().to_string(), cert);
    }
}

impl AlipayTrust {
    fn key(&self) -> &AlipayPublicKey {
        match self {
            AlipayTrust::PublicKey(k) => k,
            AlipayTrust::Certificate(c) => c.configured.public_key(),
        }
    }

    fn cert_sn(&self) -> Option<&str> {
        match self {
            AlipayTrust::PublicKey(_) => None,
            AlipayTrust::Certificate(c) => Some(c.configured.sn()),
        }
    }
}

/// The SN of a response signed under a certificate this client does not trust yet.
fn unknown_cert_sn(e: &Error) -> Option<&str> {
    match e {
        Error::Signature(SignatureError {
            failure: SignatureFailure::CertSnMismatch { found, .. },
            ..
        }) => Some(found),
        _ => None,
    }
}

fn untrusted(sn: &str, reason: impl Into<String>) -> Error {
    Error::Signature(SignatureError::new(
        SignatureFailure::UntrustedCertificate {
            sn: sn.to_string(),
            reason: reason.into(),
        },
    ))
}

/// The verified, successful (`code` 10000) answer of an untyped [`Call`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Answer {
    /// The response node as JSON text, exactly as verified (decrypted when encrypted).
    pub node: String,
    /// The gateway's `trace_id` header, for support tickets.
    pub trace_id: Option<String>,
}

/// Configures an [`AlipayClient`].
pub struct ClientBuilder {
    signer: RequestSigner,
    trust: AlipayTrust,
    gateway: Gateway,
    transport: TransportConfig,
    notify_url: Option<String>,
    return_url: Option<String>,
}

impl ClientBuilder {
    /// The gateway to call; production by default.
    pub fn gateway(mut self, gateway: Gateway) -> Self {
        self.gateway = gateway;
        self
    }

    /// RSA2 by default.
    pub fn sign_type(mut self, sign_type: SignType) -> Self {
        self.signer = self.signer.sign_type(sign_type);
        self
    }

    /// UTF-8 by default.
    pub fn charset(mut self, charset: Charset) -> Self {
        self.signer = self.signer.charset(charset);
        self
    }

    /// AES content encryption of `biz_content` and responses.
    pub fn encrypt_key(mut self, key: EncryptKey) -> Self {
        self.signer = self.signer.encrypt_key(key);
        self
    }

    /// Timeouts and limits of the HTTP exchange.
    pub fn transport(mut self, config: TransportConfig) -> Self {
        self.transport = config;
        self
    }

    /// The `notify_url` sent with every typed call whose API takes one.
    pub fn notify_url(mut self, url: impl Into<String>) -> Self {
        self.notify_url = Some(url.into());
        self
    }

    /// The `return_url` sent with every typed page call whose API takes one.
    pub fn return_url(mut self, url: impl Into<String>) -> Self {
        self.return_url = Some(url.into());
        self
    }

    /// The client; fails only when the transport cannot be set up (e.g. an unreadable extra
    /// root certificate).
    pub fn build(self) -> Result<AlipayClient, Error> {
        Ok(AlipayClient {
            transport: HttpTransport::new(self.transport)?,
            signer: self.signer,
            trust: self.trust,
            gateway: self.gateway,
            notify_url: self.notify_url,
            return_url: self.return_url,
        })
    }
}

/// A client of the Alipay OpenAPI gateway. Cheap to clone; share one per application.
#[derive(Clone)]
pub struct AlipayClient {
    signer: RequestSigner,
    trust: AlipayTrust,
    gateway: Gateway,
    transport: HttpTransport,
    notify_url: Option<String>,
    return_url: Option<String>,
}

impl fmt::Debug for AlipayClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AlipayClient")
            .field("app_id", &self.signer.app_id())
            .field("gateway", &self.gateway.as_str())
            .field("sign_type", &self.signer.get_sign_type())
            .field("alipay", &self.trust.key().describe())
            .field("alipay_cert_sn", &self.trust.cert_sn())
            .finish_non_exhaustive()
    }
}

impl AlipayClient {
    /// Public-key mode: the app's private key and Alipay's public key.
    pub fn builder(
        app_id: impl Into<String>,
        app_private_key: AppPrivateKey,
        alipay_public_key: AlipayPublicKey,
    ) -> ClientBuilder {
        ClientBuilder {
            signer: RequestSigner::new(app_id, app_private_key),
            trust: AlipayTrust::PublicKey(alipay_public_key),
            gateway: Gateway::production(),
            transport: TransportConfig::default(),
            notify_url: None,
            return_url: None,
        }
    }

    /// Certificate mode (公钥证书模式): every call carries `app_cert_sn` and
    /// `alipay_root_cert_sn`; every answer must carry the SN of a trusted Alipay certificate.
    ///
    /// **Rotation.** An answer naming another SN (Alipay rotated its certificate) makes the
    /// client fetch that certificate once with `alipay.open.app.alipaycert.download`, check
    /// that it chains to `alipay_root_certificate`
    /// ([`AlipayRootCertificate::verify_chain`]), trust it from then on (in a cache shared by
    /// the clones of this client) and verify the answer with it. A certificate that does not
    /// chain is refused ([`SignatureFailure::UntrustedCertificate`]) and never trusted.
    pub fn builder_with_certificates(
        app_id: impl Into<String>,
        app_private_key: AppPrivateKey,
        app_certificate: &AppCertificate,
        alipay_certificate: AlipayCertificate,
        alipay_root_certificate: &AlipayRootCertificate,
    ) -> ClientBuilder {
        let sns = CertSns {
            app_cert_sn: app_certificate.sn().to_string(),
            alipay_root_cert_sn: alipay_root_certificate.sn().to_string(),
        };
        ClientBuilder {
            signer: RequestSigner::new(app_id, app_private_key).cert_sns(sns),
            trust: AlipayTrust::Certificate(Arc::new(CertificateTrust {
                configured: alipay_certificate,
                root: alipay_root_certificate.clone(),
                downloaded: RwLock::new(BTreeMap::new()),
            })),
            gateway: Gateway::production(),
            transport: TransportConfig::default(),
            notify_url: None,
            return_url: None,
        }
    }

    /// This application's `app_id`.
    pub fn app_id(&self) -> &str {
        self.signer.app_id()
    }

    /// The gateway this client calls.
    pub fn gateway(&self) -> &Gateway {
        &self.gateway
    }

    /// Signs an untyped call without sending it: the way to an order string
    /// ([`SignedRequest::sdk_order_string`]) or a page form ([`SignedRequest::page_form`]) of
    /// an API that has no spec. Server calls are sent with [`AlipayClient::call`].
    pub fn sign(&self, call: &Call) -> Result<SignedRequest, Error> {
        self.signer.sign(call)
    }

    /// The validated call of a typed request, with the client's default `notify_url` /
    /// `return_url` where the API takes them.
    pub(crate) fn call_for<A: Api>(&self, request: &A) -> Result<Call, Error> {
        let mut call = Call::for_api(request)?;
        if let Some(url) = self.notify_url.as_deref().filter(|_| A::NOTIFY_URL) {
            call = call.notify_url(url);
        }
        if let Some(url) = self.return_url.as_deref().filter(|_| A::RETURN_URL) {
            call = call.return_url(url);
        }
        Ok(call)
    }

    /// Validates, signs and sends a typed server call once and returns its typed, verified,
    /// successful answer. Only `execute` APIs are accepted: an app or page API does not
    /// compile. The same as `client.call(request).send()`; [`AlipayClient::call`] adds
    /// retries, a report of every attempt, an ISV's `app_auth_token` and exactly-once
    /// resolution.
    ///
    /// Every other outcome is an [`Error`]; check [`Error::outcome`] before retrying: on
    /// [`Outcome::Unknown`](crate::Outcome::Unknown), re-send the same request (same
    /// `out_request_no`) or query it.
    pub async fn execute<A: ExecuteApi>(&self, request: &A) -> Result<A::Response, Error> {
        self.call(request).send().await
    }

    /// A server call to configure, then send: a typed request of an `execute` API, or an
    /// untyped [`Call`] (any method, your own `biz_content`), answered with the verified node
    /// ([`Answer`]). See [`CallBuilder`].
    pub fn call<'a, R: Callable + ?Sized>(&'a self, request: &'a R) -> CallBuilder<'a, R> {
        CallBuilder::new(self, request)
    }

    /// The order string of a typed app-pay request (`sdk_execute` APIs only), handed to the
    /// Alipay app by the merchant's app; nothing is sent from the server.
    pub fn sdk_execute<A: SdkExecuteApi>(&self, request: &A) -> Result<String, Error> {
        self.signer
            .sign(&self.call_for(request)?)?
            .sdk_order_string()
    }

    /// The browser URL (GET) of a typed page request (`page_execute` APIs only).
    pub fn page_execute_url<A: PageExecuteApi>(&self, request: &A) -> Result<String, Error> {
        self.signer
            .sign(&self.call_for(request)?)?
            .page_url(self.gateway.as_str())
    }

    /// The auto-submitting HTML form (POST) of a typed page request (`page_execute` APIs
    /// only).
    pub fn page_execute_form<A: PageExecuteApi>(&self, request: &A) -> Result<String, Error> {
        self.signer
            .sign(&self.call_for(request)?)?
            .page_form(self.gateway.as_str())
    }

    /// Signs and sends one call once; its verified, successful answer node.
    pub(crate) async fn send(&self, call: &Call) -> Result<Answer, Error> {
        let request = self.signer.sign(call)?;
        let (query, body) = request.http_parts()?;
        let answer = self
            .transport
            .post_form(&self.gateway, &query, body, request.charset())
            .await?;
        let verified = match self.verify_response(request.method(), &answer.body) {
            Err(e) => match unknown_cert_sn(&e) {
                Some(sn) => {
                    // The call was answered: whatever stops the download, the answer stays
                    // unverified and the outcome unknown (never "not sent" or "refused",
                    // which would be the download's own outcome).
                    if let Err(e) = self.download_certificate(sn).await {
                        return Err(match e {
                            Error::Signature(_) => e,
                            other => untrusted(sn, format!("it could not be downloaded ({other})")),
                        });
                    }
                    self.verify_response(request.method(), &answer.body)
                }
                None => Err(e),
            },
            ok => ok,
        };
        Ok(Answer {
            node: verified?.into_result()?,
            trace_id: answer.trace_id,
        })
    }

    /// Certificate mode: fetches the Alipay certificate `sn`, checks that it chains to the
    /// configured root and trusts it. The download's own answer is signed with the new key
    /// (the gateway signs with its current certificate), so its content is read first, the
    /// certificate checked, and only then the answer verified with it.
    async fn download_certificate(&self, sn: &str) -> Result<(), Error> {
        let AlipayTrust::Certificate(trust) = &self.trust else {
            return Ok(());
        };
        let biz = serde_json::json!({ "alipay_cert_sn": sn }).to_string();
        let request = self
            .signer
            .sign(&Call::new(CERT_DOWNLOAD).biz_content(biz))?;
        let (query, body) = request.http_parts()?;
        let answer = self
            .transport
            .post_form(&self.gateway, &query, body, request.charset())
            .await?;
        let content = match response::unverified_field(
            &answer.body,
            CERT_DOWNLOAD,
            "alipay_cert_content",
            self.signer.get_charset(),
            self.signer.get_encrypt_key(),
        ) {
            Some(content) => content,
            // An error answer (or garbage): verified like any answer where it can be; the
            // gateway's sub_code is named either way (marked when it could not be verified).
            None => {
                let unverified = response::unverified_field(
                    &answer.body,
                    CERT_DOWNLOAD,
                    "sub_code",
                    self.signer.get_charset(),
                    self.signer.get_encrypt_key(),
                );
                let why = match self
                    .verify_response(CERT_DOWNLOAD, &answer.body)
                    .and_then(VerifiedResponse::into_result)
                {
                    Err(e) if unknown_cert_sn(&e).is_none() => format!("the download failed: {e}"),
                    Err(_) => format!(
                        "the download was refused under that same certificate (unverified sub_code {})",
                        unverified.as_deref().unwrap_or("none")
                    ),
                    Ok(_) => "the download answer has no alipay_cert_content".to_owned(),
                };
                return Err(untrusted(sn, why));
            }
        };
        let pem = B64
            .decode(content.trim())
            .map_err(|_| untrusted(sn, "alipay_cert_content is not base64"))?;
        let cert = trust
            .root
            .verify_chain(&pem)
            .map_err(|e| untrusted(sn, e.problem))?;
        if cert.sn() != sn {
            return Err(untrusted(
                sn,
                format!(
                    "the gateway served the certificate SN {} instead",
                    cert.sn()
                ),
            ));
        }
        let check = self.response_check(cert.public_key(), Some(cert.sn()));
        let verified = match response::verify(&answer.body, CERT_DOWNLOAD, &check) {
            // Signed with a certificate trusted before (the configured one, say).
            Err(e) if unknown_cert_sn(&e).is_some() => {
                self.verify_response(CERT_DOWNLOAD, &answer.body)
            }
            other => other,
        };
        verified?.into_result()?;
        trust.trust(cert);
        Ok(())
    }

    fn response_check<'a>(
        &'a self,
        key: &'a AlipayPublicKey,
        cert_sn: Option<&'a str>,
    ) -> ResponseCheck<'a> {
        ResponseCheck {
            alipay_public_key: key,
            alipay_cert_sn: cert_sn,
            sign_type: self.signer.get_sign_type(),
            charset: self.signer.get_charset(),
            encrypt_key: self.signer.get_encrypt_key(),
        }
    }

    /// Verifies a raw response body of `method` (also for answers obtained elsewhere). In
    /// certificate mode an answer signed under a rotated certificate verifies once the client
    /// has downloaded and trusted it (which [`AlipayClient::call`] does by itself); before
    /// that it is [`SignatureFailure::CertSnMismatch`].
    pub fn verify_response(&self, method: &str, body: &[u8]) -> Result<VerifiedResponse, Error> {
        let first = response::verify(
            body,
            method,
            &self.response_check(self.trust.key(), self.trust.cert_sn()),
        );
        if let (AlipayTrust::Certificate(trust), Err(e)) = (&self.trust, &first)
            && let Some(cert) = unknown_cert_sn(e).and_then(|sn| trust.get(sn))
        {
            return response::verify(
                body,
                method,
                &self.response_check(cert.public_key(), Some(cert.sn())),
            );
        }
        first
    }

    /// Verifies a notification body exactly as POSTed to `notify_url`: its signature, its
    /// `sign_type` against the configured one and its `app_id` against this application's.
    /// Answer [`crate::NOTIFY_ACK`] once it is handled.
    ///
    /// Notifications carry no `alipay_cert_sn`. In certificate mode the signature is checked
    /// with the configured Alipay certificate first, then with every rotated certificate this
    /// client has downloaded and checked against the root (Alipay's Java SDK,
    /// `AlipaySignature.rsaCertCheckV1`, checks only the certificate file it is given, so a
    /// Java merchant replaces the file after a rotation; here a rotation that some call
    /// already saw is enough). A notification signed by a certificate no call has seen yet
    /// fails; it is resent by Alipay, and verifies after the next call.
    pub fn verify_notification(&self, body: &[u8]) -> Result<Notification, Error> {
        let check = |key: &AlipayPublicKey| {
            notify::verify_notification(
                body,
                &NotifyCheck {
                    alipay_public_key: key,
                    sign_type: Some(self.signer.get_sign_type()),
                    app_id: Some(self.signer.app_id()),
                },
            )
        };
        let first = check(self.trust.key());
        let AlipayTrust::Certificate(trust) = &self.trust else {
            return first;
        };
        let mismatch = |r: &Result<Notification, Error>| {
            matches!(
                r,
                Err(Error::Signature(SignatureError {
                    failure: SignatureFailure::Mismatch,
                    ..
                }))
            )
        };
        if !mismatch(&first) {
            return first;
        }
        for cert in trust.all().iter().skip(1) {
            let other = check(cert.public_key());
            if !mismatch(&other) {
                return other;
            }
        }
        first
    }
}
