//! `alipay call`: one server call, validated against its spec, signed, sent exactly once and
//! verified; the verified response node is printed on stdout.
//!
//! Exit codes: 0 success (code 10000); 1 refused (a business or gateway error, printed on
//! stdout when it was signed) or a response whose signature does not verify; 2 a local error,
//! nothing was sent; 3 the outcome is unknown (20000, 10003, a timeout or a dropped connection
//! after the request may have left). Never retries: re-sending a payment is the user's call.

use std::path::PathBuf;
use std::time::Duration;

use alipay_apis::{ApiInfo, BizError, Mode};
use alipay_core::Call;
use alipay_core::protocol::HttpTransport;
use alipay_core::protocol::RequestSigner;
use alipay_core::protocol::{ResponseCheck, verify_response};
use alipay_core::wire::Wire;
use alipay_core::{AlipayPublicKey, AppPrivateKey, Charset, Error, Outcome, SignType};
use alipay_core::{Gateway, RootCertificate, TransportConfig};

use super::usage;
use crate::{Failure, input};

/// What to do when the outcome of a sent call is unknown.
const UNKNOWN: &str = "outcome unknown: query alipay.fund.coupon.operation.query with the same \
                       out_request_no or retry the same request";

/// Send one server call and print its verified response node as JSON (exit 0 on code 10000,
/// 1 refused or unverifiable, 2 local error and nothing sent, 3 outcome unknown).
#[derive(clap::Args)]
pub struct Args {
    /// The API, e.g. alipay.fund.coupon.order.agreement.pay (server-call APIs only).
    method: String,
    /// The biz_content JSON, checked against the API's spec, then sent and signed verbatim.
    /// For an API whose parameters are top-level form fields (alipay.system.oauth.token) the
    /// same JSON object gives them; an API without business parameters takes `{}`.
    #[arg(
        long,
        value_name = "JSON",
        conflicts_with = "biz_file",
        required_unless_present = "biz_file"
    )]
    biz: Option<String>,
    /// A file holding the biz_content JSON (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    biz_file: Option<String>,
    /// The gateway, e.g. https://openapi.alipay.com/gateway.do.
    // `--help` text (clap reads the doc comment): the URL stays bare there.
    #[allow(rustdoc::bare_urls)]
    #[arg(long, value_name = "URL")]
    gateway: String,
    #[arg(long, value_name = "ID")]
    app_id: String,
    /// The app private key: PEM (PKCS#1 or PKCS#8) or bare base64.
    #[arg(long, value_name = "FILE")]
    private_key: PathBuf,
    /// Alipay's public key (支付宝公钥): PEM or bare base64. Responses must verify with it.
    #[arg(long, value_name = "FILE")]
    alipay_public_key: PathBuf,
    #[arg(long, default_value = "RSA2", value_parser = ["RSA2", "RSA"])]
    sign_type: String,
    /// utf-8 or GBK.
    #[arg(long, default_value = "utf-8")]
    charset: String,
    /// Sent as the public auth_token parameter: a user's access token (the `access_token`
    /// answered by alipay.system.oauth.token), e.g. for alipay.user.info.share.
    #[arg(long, value_name = "TOKEN")]
    auth_token: Option<String>,
    /// Sent as the call's notify_url.
    #[arg(long, value_name = "URL")]
    notify_url: Option<String>,
    /// Time allowed for the whole exchange (default 15).
    #[arg(long, value_name = "N")]
    timeout_secs: Option<u64>,
    /// A root certificate (PEM) trusted besides Mozilla's, e.g. the `ca_cert_file` of
    /// `alipay sandbox --tls`.
    #[arg(long, value_name = "FILE")]
    ca_cert: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<(), Failure> {
    let api = server_api(&a.method)?;
    let biz = biz_content(&a)?;
    match (api.validate)(&biz) {
        Ok(()) => {}
        Err(BizError::Malformed(m)) => {
            return Err(Failure::Usage(format!(
                "biz_content is not a JSON object: {m}; nothing was sent"
            )));
        }
        Err(BizError::Invalid(v)) => {
            for violation in v.iter() {
                eprintln!("{violation}");
            }
            return Err(Failure::Usage(format!(
                "biz_content breaks {} rule(s) of {}; nothing was sent",
                v.iter().count(),
                a.method
            )));
        }
    }

    let sign_type: SignType = a.sign_type.parse().map_err(usage)?;
    let charset: Charset = a.charset.parse().map_err(usage)?;
    let private_key = AppPrivateKey::from_text(&input::key_file("--private-key", &a.private_key)?)
        .map_err(usage)?;
    let public_text = input::key_file("--alipay-public-key", &a.alipay_public_key)?;
    if public_text.contains("-----BEGIN CERTIFICATE") {
        return Err(Failure::Usage(format!(
            "--alipay-public-key {} is a certificate; `alipay call` speaks public-key mode only: \
             give Alipay's public key (支付宝公钥)",
            a.alipay_public_key.display()
        )));
    }
    let alipay_key = AlipayPublicKey::from_text(&public_text).map_err(usage)?;
    let gateway = Gateway::new(&a.gateway).map_err(usage)?;
    let mut config = TransportConfig::default();
    if let Some(secs) = a.timeout_secs {
        let timeout = Duration::from_secs(secs);
        config = config
            .timeout(timeout)
            .connect_timeout(Duration::from_secs(3).min(timeout));
    }
    if let Some(path) = &a.ca_cert {
        let pem = std::fs::read_to_string(path)
            .map_err(|e| Failure::Usage(format!("--ca-cert {}: {e}", path.display())))?;
        config = config.extra_root(RootCertificate::from_pem(pem));
    }
    // One call: no connection is kept for a second one.
    let config = config.pool_idle_timeout(Duration::ZERO);
    let transport = HttpTransport::new(config).map_err(usage)?;

    // Where the checked parameters travel: biz_content, top-level form fields
    // (alipay.system.oauth.token), or nowhere (alipay.user.info.share: public ones only).
    let call = Call::new(a.method.as_str());
    let mut call = match super::compiled_spec(&api)?.params {
        alipay_spec::ParamsIn::BizContent => call.biz_content(biz),
        alipay_spec::ParamsIn::TopLevel => match Wire::parse(&biz) {
            Ok(Wire::Object(members)) => members
                .to_params()
                .into_iter()
                .fold(call, |call, (name, value)| call.param(name, value)),
            _ => {
                return Err(Failure::Usage(
                    "the parameters are not a JSON object; nothing was sent".into(),
                ));
            }
        },
        alipay_spec::ParamsIn::None => call,
    };
    if let Some(token) = a.auth_token {
        call = call.auth_token(token);
    }
    if let Some(url) = a.notify_url {
        call = call.notify_url(url);
    }
    let signer = RequestSigner::new(a.app_id, private_key)
        .sign_type(sign_type)
        .charset(charset);
    let request = signer.sign(&call).map_err(usage)?;
    let (query, body) = request.http_parts().map_err(usage)?;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Usage(format!("cannot start the async runtime: {e}")))?;
    // Exactly one send: `post_form` never retries.
    let answer = runtime
        .block_on(transport.post_form(&gateway, &query, body, request.charset()))
        .map_err(refused)?;

    let check = ResponseCheck {
        alipay_public_key: &alipay_key,
        alipay_cert_sn: None,
        sign_type,
        charset,
        encrypt_key: None,
    };
    let verified = verify_response(&answer.body, &a.method, &check).map_err(|e| {
        if matches!(e, Error::Signature(_)) {
            eprintln!(
                "alipay: UNVERIFIED response (its signature does not verify; do not trust it): {}",
                one_line(&String::from_utf8_lossy(&answer.body))
            );
        }
        refused(e)
    })?;
    let node = verified.into_result().map_err(refused)?;
    println!("{node}");
    Ok(())
}

/// The API named `method`, which must be a server call.
fn server_api(method: &str) -> Result<ApiInfo, Failure> {
    let Some(api) = alipay_apis::find(method) else {
        let known: Vec<&str> = alipay_apis::registry()
            .iter()
            .filter(|e| e.mode == Mode::Execute)
            .map(|e| e.method)
            .collect();
        return Err(Failure::Usage(format!(
            "unknown method {method:?}; server calls known: {}",
            known.join(", ")
        )));
    };
    match api.mode {
        Mode::Execute => Ok(api),
        Mode::SdkExecute => Err(Failure::Usage(format!(
            "{method} is an app-pay API (sdk_execute), not a server call: its signed order \
             string is handed to the Alipay app, nothing is sent to the gateway; make it with \
             `alipay sign --method {method} --mode sdk`"
        ))),
        Mode::PageExecute => Err(Failure::Usage(format!(
            "{method} is a page API (page_execute), not a server call: the user's browser is \
             sent to the gateway with a signed URL or form; make it with \
             `alipay sign --method {method} --mode page-get` (or page-post)"
        ))),
    }
}

fn biz_content(a: &Args) -> Result<String, Failure> {
    match (&a.biz, &a.biz_file) {
        (Some(json), _) => Ok(json.clone()),
        (None, Some(file)) => String::from_utf8(input::body(file)?)
            .map_err(|_| Failure::Usage(format!("--biz-file {file}: not UTF-8 text"))),
        (None, None) => Err(Failure::Usage("give --biz or --biz-file".into())),
    }
}

/// The failure of a call that did not succeed; prints what is known about it.
fn refused(e: Error) -> Failure {
    match &e {
        // Refused by the gateway or the API: the operation did not happen.
        Error::Gateway(api) | Error::Business(api) => {
            show_node(&api.body, api.verified);
            let mut msg = with_hint(&e);
            if api.sub_code.as_deref() == Some("isv.invalid-signature") {
                msg.push_str(
                    "; the gateway could not verify the request's signature: --private-key is \
                     not the key whose public half is registered for --app-id (or --sign-type \
                     differs)",
                );
            }
            Failure::Rejected(msg)
        }
        Error::UnknownOutcome(api) => {
            show_node(&api.body, api.verified);
            eprintln!("alipay: {}", one_line(&e.to_string()));
            Failure::Unknown(UNKNOWN.into())
        }
        // The answer cannot be authenticated: never a success, never shown as valid.
        Error::Signature(_) => Failure::Rejected(format!(
            "response rejected: {} (the outcome of the call is unknown: {UNKNOWN})",
            one_line(&e.to_string())
        )),
        _ => match e.outcome() {
            Outcome::NotSent => Failure::Usage(with_hint(&e)),
            Outcome::Rejected => Failure::Rejected(with_hint(&e)),
            Outcome::Unknown => {
                eprintln!("alipay: {}", one_line(&e.to_string()));
                Failure::Unknown(UNKNOWN.into())
            }
        },
    }
}

/// The error on one line, with what to do about it.
fn with_hint(e: &Error) -> String {
    one_line(&format!("{e} ({})", e.hint()))
}

/// A signed node goes to stdout as the answer; an unsigned one only to stderr, marked.
fn show_node(node: &str, verified: bool) {
    if verified {
        println!("{node}");
    } else {
        eprintln!(
            "alipay: UNVERIFIED response (unsigned, cannot be authenticated): {}",
            one_line(node)
        );
    }
}

fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
