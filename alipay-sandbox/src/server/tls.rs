//! Optional HTTPS for the sandbox gateway: a certificate (normally self-signed, made by
//! [`SandboxTls::generate`]) and the TLS side of [`super::start`]'s accept loop.

use std::fmt;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::{Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject as _;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::server::TlsStream;

/// How long a new connection has to send its first byte and finish the TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The sandbox's TLS identity, for [`super::SandboxConfig::tls`]: a certificate chain and its
/// private key (TLS 1.2 and 1.3, ring). Clients trust it through
/// [`SandboxTls::certificate_pem`] (with the SDK: `TransportConfig::extra_roots` and
/// `RootCertificate::from_pem`); nothing needs to turn certificate verification off.
#[derive(Clone)]
pub struct SandboxTls {
    certificate_pem: String,
    private_key_pem: String,
    config: Arc<rustls::ServerConfig>,
}

impl SandboxTls {
    /// A fresh self-signed certificate (ECDSA P-256, valid for `localhost`, `127.0.0.1` and
    /// `::1`, no expiry to speak of), a new key each time.
    pub fn generate() -> Result<SandboxTls, io::Error> {
        let names = vec![
            "localhost".to_owned(),
            "127.0.0.1".to_owned(),
            "::1".to_owned(),
        ];
        let key = rcgen::KeyPair::generate().map_err(io::Error::other)?;
        let mut params = rcgen::CertificateParams::new(names).map_err(io::Error::other)?;
        params.distinguished_name = rcgen::DistinguishedName::new();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "alipay-rs sandbox (self-signed)");
        let cert = params.self_signed(&key).map_err(io::Error::other)?;
        let key_der = key.serialize_der();
        SandboxTls::build(
            pem("CERTIFICATE", cert.der()),
            pem("PRIVATE KEY", &key_der),
            vec![cert.der().clone()],
            PrivateKeyDer::Pkcs8(key_der.into()),
        )
    }

    /// An existing certificate chain (PEM, leaf first: what clients verify against the
    /// gateway URL's host, e.g. `127.0.0.1`) and its private key (PEM: PKCS#8, PKCS#1 or
    /// SEC1). Errors are [`io::ErrorKind::InvalidInput`].
    pub fn from_pem(certificate_pem: &str, private_key_pem: &str) -> Result<SandboxTls, io::Error> {
        let invalid = |what: String| io::Error::new(io::ErrorKind::InvalidInput, what);
        let chain = CertificateDer::pem_slice_iter(certificate_pem.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| invalid(format!("sandbox TLS certificate: {e}")))?;
        if chain.is_empty() {
            return Err(invalid(
                "sandbox TLS certificate: no -----BEGIN CERTIFICATE----- block".into(),
            ));
        }
        let key = PrivateKeyDer::from_pem_slice(private_key_pem.as_bytes())
            .map_err(|e| invalid(format!("sandbox TLS private key: {e}")))?;
        SandboxTls::build(
            certificate_pem.to_owned(),
            private_key_pem.to_owned(),
            chain,
            key,
        )
    }

    fn build(
        certificate_pem: String,
        private_key_pem: String,
        chain: Vec<CertificateDer<'static>>,
        key: PrivateKeyDer<'static>,
    ) -> Result<SandboxTls, io::Error> {
        let invalid = |e: rustls::Error| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("sandbox TLS: {e}"))
        };
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
            .map_err(invalid)?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(invalid)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(SandboxTls {
            certificate_pem,
            private_key_pem,
            config: Arc::new(config),
        })
    }

    /// The certificate (chain) to trust, PEM.
    pub fn certificate_pem(&self) -> &str {
        &self.certificate_pem
    }

    /// The private key (PEM), to keep the certificate across restarts: store it where only
    /// you can read it and load both with [`SandboxTls::from_pem`].
    pub fn private_key_pem(&self) -> &str {
        &self.private_key_pem
    }

    pub(super) fn acceptor(&self) -> TlsAcceptor {
        TlsAcceptor::from(self.config.clone())
    }
}

/// RFC 7468 text: base64 lines of 64 characters between the labels.
fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine as _;
    let text = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in text.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

impl fmt::Debug for SandboxTls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxTls")
            .field("certificate_pem", &self.certificate_pem)
            .finish_non_exhaustive()
    }
}

/// Completes the TLS handshake of an accepted connection. A client speaking plain HTTP (its
/// first byte is not a TLS handshake record) is answered `400` naming the `https://` URL, and
/// `None` is returned, as for a failed or stalled handshake.
pub(super) async fn accept(
    acceptor: TlsAcceptor,
    stream: TcpStream,
    https_url: Arc<str>,
) -> Option<TlsStream<TcpStream>> {
    let mut first = [0u8; 1];
    match tokio::time::timeout(HANDSHAKE_TIMEOUT, stream.peek(&mut first)).await {
        Ok(Ok(1)) => {}
        _ => return None,
    }
    // 0x16: a TLS handshake record (the ClientHello).
    if first[0] != 0x16 {
        let service = hyper::service::service_fn(move |_req| {
            let text = format!("this sandbox gateway speaks https: use {https_url}\n");
            async move {
                let mut resp = Response::new(Full::new(Bytes::from(text)));
                *resp.status_mut() = StatusCode::BAD_REQUEST;
                Ok::<_, std::convert::Infallible>(resp)
            }
        });
        let _ = tokio::time::timeout(
            HANDSHAKE_TIMEOUT,
            hyper::server::conn::http1::Builder::new()
                .keep_alive(false)
                .serve_connection(TokioIo::new(stream), service),
        )
        .await;
        return None;
    }
    tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream))
        .await
        .ok()?
        .ok()
}
