//! `alipay sandbox`: the offline gateway as a server, for clients in any language.
//!
//! When it is ready it prints exactly one JSON line on stdout (where the gateway is, which
//! keys and certificates to use, the sandbox accounts), then serves until SIGINT or SIGTERM.
//! Everything else goes to stderr.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use alipay_core::protocol::generate_app_key_pair;
use alipay_core::{AppPublicKey, GatewayPrivateKey};
use alipay_sandbox::ledger::yuan;
use alipay_sandbox::server::{ConnectionLimits, SandboxConfig, SandboxTls, start};
use alipay_sandbox::{FaultPlan, Ledger, SandboxCertificates};
use serde_json::json;

use crate::Failure;
use crate::input;

/// The app id of the app the sandbox makes when no `--app` is given.
const DEFAULT_APP_ID: &str = "2021000000000001";
const GATEWAY_KEY: &str = "sandbox_gateway_private_key.pem";
const ALIPAY_PUBLIC_KEY: &str = "alipay_public_key.pem";
/// With `--tls`: the self-signed certificate clients trust, and its key.
const TLS_CERTIFICATE: &str = "sandbox_ca.pem";
const TLS_KEY: &str = "sandbox_tls_private_key.pem";

/// Serve the sandbox gateway until SIGINT/SIGTERM; print one JSON line when ready.
#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on, e.g. 127.0.0.1:8080 (port 0 picks a free one).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    /// A registered app and the file of its public key (repeatable). Without any, the
    /// sandbox makes an app and its key pair and prints the private key's path.
    #[arg(long = "app", value_name = "APP_ID=APP_PUBLIC_KEY_FILE")]
    apps: Vec<String>,
    /// Keep the ledger (and the generated keys) in this directory: it survives a restart,
    /// and a committed operation survives kill -9.
    #[arg(long, value_name = "DIR")]
    state_dir: Option<PathBuf>,
    /// Faults to inject, e.g. `before=10%,after=10%,busy=5%,drop=5%,delay=5%@300ms` or
    /// `disburse:after=20%;query:before=5%`.
    #[arg(long, value_name = "SPEC")]
    faults: Option<String>,
    /// Seed deciding which calls get faults (same seed, same requests: same faults).
    #[arg(long, value_name = "N", default_value_t = 0)]
    seed: u64,
    /// Serve HTTPS with a self-signed certificate for localhost, 127.0.0.1 and ::1, written
    /// as sandbox_ca.pem beside the keys (kept in --state-dir) and printed as `ca_cert_file`:
    /// make clients trust it (never turn verification off).
    #[arg(long)]
    tls: bool,
    /// How far a request's timestamp may be from Beijing time (e.g. 600s, 10m, 9h). SDKs stamp
    /// the machine's local time: on a UTC machine either run them with TZ=Asia/Shanghai or
    /// allow 9h here.
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_skew)]
    max_clock_skew: std::time::Duration,
    /// Do not log each call on stderr.
    #[arg(long)]
    quiet: bool,
    /// Close a connection whose request headers are not complete this long after their first
    /// byte (headers sent a byte at a time included), e.g. 10s, 500ms.
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_timeout)]
    header_timeout: std::time::Duration,
    /// Refuse a request whose body has not fully arrived this long after its headers (a body
    /// shorter than its Content-Length); the answer closes the connection.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_timeout)]
    body_timeout: std::time::Duration,
    /// Close a connection with no request under way (just accepted, or kept alive after an
    /// answer) after this long.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_timeout)]
    idle_timeout: std::time::Duration,
    /// Require `Authorization: Bearer TOKEN` on every /admin/ request. Required when
    /// --listen is not a loopback address.
    #[arg(long, value_name = "TOKEN")]
    admin_token: Option<String>,
    /// Connections served at once; one more is answered 503 and closed (https: closed).
    #[arg(long, value_name = "N", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..))]
    max_connections: u32,
}

pub fn run(a: Args) -> Result<(), Failure> {
    if !a.listen.ip().is_loopback() && a.admin_token.as_deref().is_none_or(str::is_empty) {
        return Err(Failure::Usage(format!(
            "--listen {} is not a loopback address: give --admin-token TOKEN (the admin routes \
             mint money; admin requests then need Authorization: Bearer TOKEN)",
            a.listen
        )));
    }
    let faults = match &a.faults {
        Some(spec) => FaultPlan::parse(spec, a.seed).map_err(super::usage)?,
        None => FaultPlan::none(),
    };
    // Without a state directory the keys live in a temporary one, removed on exit.
    let (key_dir, temporary) = match &a.state_dir {
        Some(dir) => (dir.clone(), false),
        None => (
            std::env::temp_dir().join(format!("alipay-sandbox-{}", std::process::id())),
            true,
        ),
    };
    std::fs::create_dir_all(&key_dir)
        .map_err(|e| Failure::Usage(format!("{}: {e}", key_dir.display())))?;
    let result = serve(a, faults, &key_dir);
    if temporary {
        let _ = std::fs::remove_dir_all(&key_dir);
    }
    result
}

fn serve(a: Args, faults: FaultPlan, key_dir: &Path) -> Result<(), Failure> {
    let gateway_key = gateway_key(key_dir)?;
    let alipay_public_key_file = key_dir.join(ALIPAY_PUBLIC_KEY);
    write_file(
        &alipay_public_key_file,
        gateway_key.public_key().to_pem().as_bytes(),
        false,
    )?;

    let mut apps = Vec::new();
    let mut printed_apps = Vec::new();
    for entry in &a.apps {
        let (app_id, file) = entry.split_once('=').ok_or_else(|| {
            Failure::Usage(format!(
                "--app {entry:?}: expected APP_ID=APP_PUBLIC_KEY_FILE"
            ))
        })?;
        let text = input::key_file("--app", Path::new(file))?;
        let key = AppPublicKey::from_text(&text).map_err(super::usage)?;
        apps.push((app_id.to_owned(), key));
        printed_apps.push(json!({"app_id": app_id, "private_key_file": null}));
    }
    if apps.is_empty() {
        let (key, private_key_file) = generated_app(key_dir)?;
        apps.push((DEFAULT_APP_ID.to_owned(), key));
        printed_apps.push(json!({
            "app_id": DEFAULT_APP_ID,
            "private_key_file": private_key_file.display().to_string(),
        }));
    }
    // Certificate mode: the root CA and the certificates, kept (with their keys) in
    // certificates.json of the key directory, and written as the files Alipay's console
    // hands out. The Alipay certificate file is the current one at start; after
    // POST /admin/rotate-alipay-cert clients download the new one by themselves.
    let certificates = SandboxCertificates::load_or_generate(key_dir, &apps)
        .map_err(|e| Failure::Rejected(e.to_string()))?;
    let cert_files = certificates
        .write_files(key_dir)
        .map_err(|e| Failure::Rejected(e.to_string()))?;
    for printed in &mut printed_apps {
        let file = printed["app_id"]
            .as_str()
            .and_then(|id| cert_files.apps.get(id))
            .map(|f| f.display().to_string());
        printed["app_cert_file"] = json!(file);
    }
    let tls = if a.tls {
        Some(sandbox_tls(key_dir)?)
    } else {
        None
    };
    if !a.listen.ip().is_loopback() {
        eprintln!(
            "alipay sandbox: listening on {} — the admin endpoints need the admin token; the gateway and the cashier need none: keep it off shared networks",
            a.listen
        );
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::Rejected(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(async move {
        let mut config = SandboxConfig::new(DEFAULT_APP_ID, apps[0].1.clone(), gateway_key);
        config.apps = apps;
        config.faults = faults;
        config.max_clock_skew = a.max_clock_skew;
        config.admin_token = a.admin_token.clone();
        config.limits = ConnectionLimits {
            header_read_timeout: a.header_timeout,
            body_read_timeout: a.body_timeout,
            idle_timeout: a.idle_timeout,
            max_connections: a.max_connections as usize,
        };
        config.log_calls = !a.quiet;
        config.state_dir = a.state_dir.clone();
        config.certificates = Some(certificates);
        config.ledger = Ledger::with_demo_data();
        let ca_cert_file = tls.as_ref().map(|(_, file)| file.display().to_string());
        config.tls = tls.map(|(tls, _)| tls);
        let sandbox = start(config, a.listen)
            .await
            .map_err(|e| Failure::Usage(format!("cannot start the sandbox: {e}")))?;
        let mut gateway = sandbox.gateway_url.clone();
        if sandbox.local_addr.ip().is_unspecified() {
            let scheme = if ca_cert_file.is_some() {
                "https"
            } else {
                "http"
            };
            gateway = format!(
                "{scheme}://127.0.0.1:{}/gateway.do",
                sandbox.local_addr.port()
            );
        }
        let ready = sandbox.with_ledger(|l| {
            let merchant = l.merchant_id().to_owned();
            let users: Vec<_> = l
                .accounts()
                .filter(|acc| acc.user_id != merchant)
                .map(|acc| {
                    json!({
                        "user_id": acc.user_id,
                        "logon_id": acc.logon_id,
                        "balance": yuan(acc.balance),
                    })
                })
                .collect();
            // Written field by field to keep the documented order.
            let merchant = json!({
                "user_id": merchant,
                "balance": yuan(l.balance(&merchant).unwrap_or(0)),
            });
            // `ca_cert_file` only with --tls.
            let ca_cert_file = ca_cert_file
                .as_ref()
                .map(|file| format!(r#","ca_cert_file":{}"#, json!(file)))
                .unwrap_or_default();
            format!(
                r#"{{"gateway":{},"alipay_public_key_file":{},"alipay_root_cert_file":{},"alipay_cert_file":{}{},"apps":{},"merchant":{},"users":{}}}"#,
                json!(gateway),
                json!(alipay_public_key_file.display().to_string()),
                json!(cert_files.root.display().to_string()),
                json!(cert_files.alipay.display().to_string()),
                ca_cert_file,
                json!(printed_apps),
                merchant,
                json!(users),
            )
        });
        // Listen for SIGTERM before saying ready: a caller may send it as soon as it has read
        // the line, and the default action (death without cleanup) must not win that race.
        let stop = shutdown_signal();
        // The one line on stdout; a caller reads it and knows the sandbox is accepting.
        println!("{ready}");
        stop.await;
        eprintln!("alipay sandbox: stopping");
        sandbox.shutdown();
        Ok(())
    })
}

/// The gateway key: kept in the state directory so clients' Alipay public key stays valid
/// across restarts.
fn gateway_key(dir: &Path) -> Result<GatewayPrivateKey, Failure> {
    let path = dir.join(GATEWAY_KEY);
    if path.exists() {
        let text = input::key_file("the sandbox gateway key", &path)?;
        return GatewayPrivateKey::from_text(&text).map_err(super::usage);
    }
    let pair = generate_app_key_pair().map_err(super::usage)?;
    write_file(&path, pair.private_pem.as_bytes(), true)?;
    GatewayPrivateKey::from_text(&pair.private_pem).map_err(super::usage)
}

/// The TLS certificate and its file, reused from the state directory like the gateway key so
/// that clients keep trusting it across restarts.
fn sandbox_tls(dir: &Path) -> Result<(SandboxTls, PathBuf), Failure> {
    let certificate = dir.join(TLS_CERTIFICATE);
    let key = dir.join(TLS_KEY);
    if certificate.exists() && key.exists() {
        let read = |path: &Path| {
            std::fs::read_to_string(path)
                .map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))
        };
        let tls = SandboxTls::from_pem(&read(&certificate)?, &read(&key)?).map_err(|e| {
            Failure::Usage(format!(
                "{e} (in {}; delete {TLS_CERTIFICATE} and {TLS_KEY} to make new ones)",
                dir.display()
            ))
        })?;
        return Ok((tls, certificate));
    }
    let tls = SandboxTls::generate()
        .map_err(|e| Failure::Usage(format!("cannot make the TLS certificate: {e}")))?;
    write_file(&key, tls.private_key_pem().as_bytes(), true)?;
    write_file(&certificate, tls.certificate_pem().as_bytes(), false)?;
    Ok((tls, certificate))
}

/// The generated app's public key and its private key file (reused from the state dir).
fn generated_app(dir: &Path) -> Result<(AppPublicKey, PathBuf), Failure> {
    let private = dir.join(format!("app_{DEFAULT_APP_ID}_private_key.pem"));
    let public = dir.join(format!("app_{DEFAULT_APP_ID}_public_key.pem"));
    if private.exists() && public.exists() {
        let text = input::key_file("the generated app public key", &public)?;
        return Ok((
            AppPublicKey::from_text(&text).map_err(super::usage)?,
            private,
        ));
    }
    let pair = generate_app_key_pair().map_err(super::usage)?;
    write_file(&private, pair.private_pem.as_bytes(), true)?;
    write_file(&public, pair.public_pem.as_bytes(), false)?;
    Ok((
        AppPublicKey::from_text(&pair.public_pem).map_err(super::usage)?,
        private,
    ))
}

fn write_file(path: &Path, bytes: &[u8], secret: bool) -> Result<(), Failure> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    use std::io::Write;
    options
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))
}

/// Registers for SIGTERM now (SIGINT through `ctrl_c`) and returns the wait for either.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
    async move {
        #[cfg(unix)]
        if let Ok(mut term) = term {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// `600s`, `10m`, `9h`.
/// A timeout: a positive number and ms, s, m or h (500ms, 10s, 1m), at most an hour.
fn parse_timeout(text: &str) -> Result<std::time::Duration, String> {
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: u64 = number.parse().unwrap_or(0);
    let ms = match unit {
        "ms" => Some(n),
        "s" => n.checked_mul(1000),
        "m" => n.checked_mul(60_000),
        "h" => n.checked_mul(3_600_000),
        _ => None,
    };
    ms.filter(|ms| (1..=3_600_000).contains(ms))
        .map(std::time::Duration::from_millis)
        .ok_or_else(|| {
            format!("{text:?}: expected a positive number and ms, s, m or h, at most an hour (500ms, 10s, 1m)")
        })
}

fn parse_skew(text: &str) -> Result<std::time::Duration, String> {
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?}: expected a number and s, m or h (600s, 10m, 9h)"))?;
    let secs = match unit {
        "s" => Some(n),
        "m" => n.checked_mul(60),
        "h" => n.checked_mul(3600),
        _ => None,
    };
    secs.filter(|s| *s <= 7 * 24 * 3600)
        .map(std::time::Duration::from_secs)
        .ok_or_else(|| {
            format!("{text:?}: expected a number and s, m or h, at most a week (600s, 10m, 9h)")
        })
}
