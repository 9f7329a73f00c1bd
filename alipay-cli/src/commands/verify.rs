//! `alipay verify-response` and `alipay verify-notify`.

use std::path::PathBuf;

use alipay_core::protocol::{NotifyCheck, verify_notification};
use alipay_core::protocol::{ResponseCheck, verify_response as verify};
use alipay_core::{Charset, EncryptKey, SignType};
use serde_json::{Map, Value};

use super::{alipay_trust, usage};
use crate::{Failure, input};

/// Verify a gateway response body; print the verified response node.
#[derive(clap::Args)]
pub struct ResponseArgs {
    /// The API the response answers, e.g. alipay.fund.coupon.order.disburse.
    #[arg(long)]
    method: String,
    /// Alipay's public key (PEM or bare base64) or its public-key certificate.
    #[arg(long, value_name = "FILE")]
    alipay_public_key: PathBuf,
    #[arg(long, default_value = "RSA2", value_parser = ["RSA2", "RSA"])]
    sign_type: String,
    #[arg(long, default_value = "utf-8")]
    charset: String,
    /// AES content-encryption key (base64) for encrypted responses.
    #[arg(long, value_name = "BASE64")]
    encrypt_key: Option<String>,
    /// The raw response body; `-` for standard input.
    #[arg(default_value = "-")]
    file: String,
}

pub fn run_response(a: ResponseArgs) -> Result<(), Failure> {
    let sign_type: SignType = a.sign_type.parse().map_err(usage)?;
    let charset: Charset = a.charset.parse().map_err(usage)?;
    let trust = alipay_trust(&a.alipay_public_key)?;
    let encrypt_key = a
        .encrypt_key
        .as_deref()
        .map(EncryptKey::from_base64)
        .transpose()
        .map_err(usage)?;
    let body = input::body(&a.file)?;
    let check = ResponseCheck {
        alipay_public_key: &trust.key,
        alipay_cert_sn: trust.cert_sn.as_deref(),
        sign_type,
        charset,
        encrypt_key: encrypt_key.as_ref(),
    };
    match verify(&body, &a.method, &check) {
        Ok(v) => {
            println!("{}", v.node);
            Ok(())
        }
        Err(e) => Err(Failure::Rejected(e.to_string())),
    }
}

/// Verify an asynchronous notification (the raw form body); print its parameters.
#[derive(clap::Args)]
pub struct NotifyArgs {
    /// Alipay's public key (PEM or bare base64) or its public-key certificate.
    #[arg(long, value_name = "FILE")]
    alipay_public_key: PathBuf,
    /// Require this sign_type (default: the notification's own, RSA2 when absent).
    #[arg(long, value_parser = ["RSA2", "RSA"])]
    sign_type: Option<String>,
    /// Require this app_id.
    #[arg(long)]
    app_id: Option<String>,
    /// The raw application/x-www-form-urlencoded body; `-` for standard input.
    #[arg(default_value = "-")]
    file: String,
}

pub fn run_notify(a: NotifyArgs) -> Result<(), Failure> {
    let sign_type = a
        .sign_type
        .as_deref()
        .map(str::parse::<SignType>)
        .transpose()
        .map_err(usage)?;
    let trust = alipay_trust(&a.alipay_public_key)?;
    let body = input::body(&a.file)?;
    let check = NotifyCheck {
        alipay_public_key: &trust.key,
        sign_type,
        app_id: a.app_id.as_deref(),
    };
    match verify_notification(&body, &check) {
        Ok(n) => {
            let params: Map<String, Value> = n
                .iter()
                .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
                .collect();
            println!("{}", Value::Object(params));
            Ok(())
        }
        Err(e) => Err(Failure::Rejected(e.to_string())),
    }
}
