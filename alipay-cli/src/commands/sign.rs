//! `alipay sign`: the exact parameter set, sign content and signature of one call.

use std::path::PathBuf;

use alipay_core::Call;
use alipay_core::Gateway;
use alipay_core::protocol::Timestamp;
use alipay_core::protocol::{CertSns, RequestSigner};
use alipay_core::{AlipayRootCertificate, AppCertificate};
use alipay_core::{AppPrivateKey, Charset, EncryptKey, SignType};
use clap::ValueEnum;
use serde_json::{Map, Value, json};

use super::usage;
use crate::{Failure, input};

/// Sign one request and print {"sign_content", "sign", "params", "output"} as JSON.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    app_id: String,
    #[arg(long)]
    method: String,
    /// The app private key: PEM (PKCS#1 or PKCS#8) or bare base64.
    #[arg(long, value_name = "FILE")]
    private_key: PathBuf,
    /// biz_content JSON, sent and signed verbatim.
    #[arg(long, value_name = "JSON")]
    biz_content: Option<String>,
    #[arg(long, default_value = "RSA2", value_parser = ["RSA2", "RSA"])]
    sign_type: String,
    #[arg(long, default_value = "utf-8")]
    charset: String,
    /// "YYYY-MM-DD HH:MM:SS"; default: now in UTC+8.
    #[arg(long)]
    timestamp: Option<String>,
    /// An extra parameter (notify_url, return_url, app_auth_token, ...); repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// The app's public-key certificate (certificate mode; needs --alipay-root-cert).
    #[arg(long, value_name = "FILE", requires = "alipay_root_cert")]
    app_cert: Option<PathBuf>,
    /// Alipay's root certificate bundle (certificate mode; needs --app-cert).
    #[arg(long, value_name = "FILE", requires = "app_cert")]
    alipay_root_cert: Option<PathBuf>,
    /// AES content-encryption key (base64): biz_content is encrypted, then signed.
    #[arg(long, value_name = "BASE64")]
    encrypt_key: Option<String>,
    #[arg(long, value_enum, default_value = "execute")]
    mode: Mode,
    /// Gateway for the page modes' URL and form action.
    #[arg(long, value_name = "URL", default_value = alipay_core::PRODUCTION_GATEWAY)]
    gateway: String,
}

#[derive(Clone, Copy, ValueEnum)]
enum Mode {
    /// A server call (no output string).
    Execute,
    /// The order string for the Alipay app (sdk_execute).
    Sdk,
    /// A browser redirect URL (page_execute GET).
    PageGet,
    /// An auto-submitting HTML form (page_execute POST).
    PagePost,
}

pub fn run(a: Args) -> Result<(), Failure> {
    let sign_type: SignType = a.sign_type.parse().map_err(usage)?;
    let charset: Charset = a.charset.parse().map_err(usage)?;
    let key_text = input::key_file("--private-key", &a.private_key)?;
    let key = AppPrivateKey::from_text(&key_text).map_err(usage)?;
    let gateway = Gateway::new(&a.gateway).map_err(usage)?;

    let mut signer = RequestSigner::new(a.app_id, key)
        .sign_type(sign_type)
        .charset(charset);
    if let (Some(app), Some(root)) = (&a.app_cert, &a.alipay_root_cert) {
        let app = AppCertificate::from_pem(&input::key_file("--app-cert", app)?).map_err(usage)?;
        let root = AlipayRootCertificate::from_pem(&input::key_file("--alipay-root-cert", root)?)
            .map_err(usage)?;
        signer = signer.cert_sns(CertSns {
            app_cert_sn: app.sn().to_string(),
            alipay_root_cert_sn: root.sn().to_string(),
        });
    }
    if let Some(k) = &a.encrypt_key {
        signer = signer.encrypt_key(EncryptKey::from_base64(k).map_err(usage)?);
    }

    let mut call = Call::new(a.method);
    call.biz_content = a.biz_content;
    if let Some(t) = &a.timestamp {
        call.timestamp = Some(Timestamp::parse(t).map_err(usage)?);
    }
    for p in &a.params {
        let Some((name, value)) = p.split_once('=') else {
            return Err(Failure::Usage(format!(
                "--param {p:?}: expected NAME=VALUE"
            )));
        };
        if call.params.contains(name) {
            return Err(Failure::Usage(format!("--param {name} given twice")));
        }
        if value.is_empty() {
            eprintln!(
                "alipay: --param {name} is empty and is not sent (empty parameters are never sent or signed)"
            );
        }
        call.params.set(name, value);
    }

    let req = signer.sign(&call).map_err(usage)?;
    let params: Map<String, Value> = req
        .params()
        .iter()
        .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
        .collect();
    let mut out = json!({
        "sign_content": req.sign_content(),
        "sign": req.sign(),
        "params": params,
    });
    let output = match a.mode {
        Mode::Execute => None,
        Mode::Sdk => Some(req.sdk_order_string()),
        Mode::PageGet => Some(req.page_url(gateway.as_str())),
        Mode::PagePost => Some(req.page_form(gateway.as_str())),
    };
    if let Some(o) = output {
        out["output"] = Value::String(o.map_err(usage)?);
    }
    println!("{out}");
    Ok(())
}
