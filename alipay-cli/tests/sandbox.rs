//! `alipay sandbox`'s contract: exactly one JSON line on stdout when ready (gateway, Alipay
//! public key file, certificate files, apps, merchant, users), then serving until SIGTERM/SIGINT (exit 0); keys
//! and ledger kept in `--state-dir`; bad flags exit 2.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alipay_apis::amount;
use alipay_apis::fund::{CouponOperationQueryRequest, CouponOrderAgreementPayRequest};
use alipay_core::AlipayClient;
use alipay_core::Gateway;
use alipay_core::{
    AlipayCertificate, AlipayPublicKey, AlipayRootCertificate, AppCertificate, AppPrivateKey,
};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS};
use serde_json::Value;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");

struct Running {
    child: Child,
    ready: Value,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(args: &[&str]) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alipay"))
        .arg("sandbox")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn alipay sandbox");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let ready = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
    // Nothing else may ever appear on stdout.
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = out.read_to_string(&mut rest);
        assert!(rest.is_empty(), "more on stdout: {rest:?}");
    });
    Running { child, ready }
}

fn terminate(mut running: Running) -> std::process::ExitStatus {
    let pid = running.child.id().to_string();
    let status = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = running.child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn text(v: &Value) -> String {
    std::fs::read_to_string(v.as_str().expect("a path")).unwrap()
}

fn client(ready: &Value, app: usize, key: AppPrivateKey) -> AlipayClient {
    AlipayClient::builder(
        ready["apps"][app]["app_id"].as_str().unwrap(),
        key,
        AlipayPublicKey::from_text(&text(&ready["alipay_public_key_file"])).unwrap(),
    )
    .gateway(Gateway::new(ready["gateway"].as_str().unwrap()).unwrap())
    .build()
    .unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

async fn pay(c: &AlipayClient, order: &str) -> String {
    let paid = c
        .execute(
            &CouponOrderAgreementPayRequest::builder()
                .out_order_no(order)
                .out_request_no(format!("{order}-1"))
                .order_title("红包")
                .amount(amount!("10.00"))
                .build(),
        )
        .await
        .unwrap();
    paid.auth_no.unwrap()
}

#[test]
fn prints_one_json_line_serves_and_stops_on_sigterm() {
    let running = spawn(&["--listen", "127.0.0.1:0"]);
    let ready = running.ready.clone();
    let keys: Vec<&str> = ready
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "gateway",
            "alipay_public_key_file",
            "alipay_root_cert_file",
            "alipay_cert_file",
            "apps",
            "merchant",
            "users"
        ],
        "{ready}"
    );
    assert!(
        ready["gateway"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:")
    );
    assert!(ready["gateway"].as_str().unwrap().ends_with("/gateway.do"));
    assert_eq!(ready["merchant"]["user_id"], DEMO_MERCHANT);
    assert_eq!(ready["merchant"]["balance"], "10000.00");
    let users = ready["users"].as_array().unwrap();
    assert_eq!(users.len(), DEMO_USERS.len());
    for (user, (id, logon, _, fen)) in users.iter().zip(DEMO_USERS) {
        assert_eq!(user["user_id"], id);
        assert_eq!(user["logon_id"], logon);
        assert_eq!(user["balance"], alipay_sandbox::ledger::yuan(fen).as_str());
    }
    // The app it made: its private key file works against the gateway it printed.
    let apps = ready["apps"].as_array().unwrap();
    assert_eq!(apps.len(), 1);
    let key_file = apps[0]["private_key_file"].as_str().unwrap().to_owned();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "private key readable by others: {mode:o}");
    }
    let c = client(
        &ready,
        0,
        AppPrivateKey::from_text(&std::fs::read_to_string(&key_file).unwrap()).unwrap(),
    );
    runtime().block_on(pay(&c, "CLI-1"));

    let status = terminate(running);
    assert_eq!(status.code(), Some(0));
    // Without --state-dir the generated keys were temporary.
    assert!(!Path::new(&key_file).exists());
}

#[test]
fn registered_apps_use_their_own_keys() {
    let running = spawn(&[
        "--app",
        &format!("2021000000000042={TESTDATA}/app_public_spki.pem"),
    ]);
    let ready = &running.ready;
    assert_eq!(ready["apps"][0]["app_id"], "2021000000000042");
    assert_eq!(ready["apps"][0]["private_key_file"], Value::Null);
    let key = std::fs::read_to_string(format!("{TESTDATA}/app_private_pkcs1.pem")).unwrap();
    let c = client(ready, 0, AppPrivateKey::from_text(&key).unwrap());
    runtime().block_on(pay(&c, "CLI-2"));
    assert_eq!(terminate(running).code(), Some(0));
}

#[test]
fn state_dir_keeps_keys_and_ledger_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().to_str().unwrap();
    let first = spawn(&["--state-dir", state]);
    let ready = first.ready.clone();
    let key_file = ready["apps"][0]["private_key_file"]
        .as_str()
        .unwrap()
        .to_owned();
    let key = std::fs::read_to_string(&key_file).unwrap();
    let rt = runtime();
    let auth_no = rt.block_on(pay(
        &client(&ready, 0, AppPrivateKey::from_text(&key).unwrap()),
        "CLI-3",
    ));

    // A second process on the same directory is refused while the first runs.
    let second = Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(["sandbox", "--state-dir", state])
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("one process per directory"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );

    // SIGKILL: no graceful shutdown at all.
    let mut first = first;
    first.child.kill().unwrap();
    first.child.wait().unwrap();

    let again = spawn(&["--state-dir", state]);
    let ready2 = &again.ready;
    assert_eq!(ready2["apps"][0]["private_key_file"], key_file.as_str());
    assert_eq!(
        text(&ready2["alipay_public_key_file"]),
        text(&ready["alipay_public_key_file"]),
        "the gateway key is kept"
    );
    assert_eq!(ready2["merchant"]["balance"], "9990.00");
    let c = client(ready2, 0, AppPrivateKey::from_text(&key).unwrap());
    let found = rt
        .block_on(
            c.execute(
                &CouponOperationQueryRequest::builder()
                    .out_order_no("CLI-3")
                    .out_request_no("CLI-3-1")
                    .build(),
            ),
        )
        .unwrap();
    assert_eq!(found.auth_no.as_deref(), Some(auth_no.as_str()));
    assert_eq!(terminate(again).code(), Some(0));
}

#[test]
fn bad_flags_exit_2_with_the_reason() {
    for (args, why) in [
        (vec!["--faults", "before=200%"], "bad fault plan"),
        (
            vec!["--app", "no-equals-sign"],
            "APP_ID=APP_PUBLIC_KEY_FILE",
        ),
        (
            vec!["--app", "2021=/nonexistent/key.pem"],
            "/nonexistent/key.pem",
        ),
        (vec!["--listen", "not-an-address"], "not-an-address"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_alipay"))
            .arg("sandbox")
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(why), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn tls_serves_https_with_a_certificate_to_trust() {
    use alipay_core::{Error, Outcome};
    use alipay_core::{RootCertificate, TransportConfig};

    let running = spawn(&["--tls"]);
    let ready = running.ready.clone();
    let keys: Vec<&str> = ready
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "gateway",
            "alipay_public_key_file",
            "alipay_root_cert_file",
            "alipay_cert_file",
            "ca_cert_file",
            "apps",
            "merchant",
            "users"
        ],
        "{ready}"
    );
    let gateway = ready["gateway"].as_str().unwrap();
    assert!(gateway.starts_with("https://127.0.0.1:"), "{gateway}");
    assert!(gateway.ends_with("/gateway.do"), "{gateway}");
    let ca_file = ready["ca_cert_file"].as_str().unwrap().to_owned();
    assert!(ca_file.ends_with("sandbox_ca.pem"), "{ca_file}");
    let pem = text(&ready["ca_cert_file"]);
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{pem}");

    let key_file = ready["apps"][0]["private_key_file"].as_str().unwrap();
    let key = std::fs::read_to_string(key_file).unwrap();
    let with_roots = |roots: Vec<RootCertificate>| {
        AlipayClient::builder(
            ready["apps"][0]["app_id"].as_str().unwrap(),
            AppPrivateKey::from_text(&key).unwrap(),
            AlipayPublicKey::from_text(&text(&ready["alipay_public_key_file"])).unwrap(),
        )
        .gateway(Gateway::new(gateway).unwrap())
        .transport(
            roots
                .into_iter()
                .fold(TransportConfig::default(), TransportConfig::extra_root),
        )
        .build()
        .unwrap()
    };
    let rt = runtime();
    rt.block_on(pay(
        &with_roots(vec![RootCertificate::from_pem(pem.clone())]),
        "CLI-TLS-1",
    ));
    let e = rt
        .block_on(
            with_roots(Vec::new()).execute(
                &CouponOrderAgreementPayRequest::builder()
                    .out_order_no("CLI-TLS-2")
                    .out_request_no("CLI-TLS-2-1")
                    .order_title("红包")
                    .amount(amount!("10.00"))
                    .build(),
            ),
        )
        .unwrap_err();
    assert!(matches!(e, Error::Transport(_)), "{e:?}");
    assert_eq!(e.outcome(), Outcome::NotSent, "{e}");

    assert_eq!(terminate(running).code(), Some(0));
    assert!(
        !Path::new(&ca_file).exists(),
        "the temporary key dir is removed"
    );

    // With a state directory the certificate (and its key) are kept across restarts.
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().to_str().unwrap();
    let first = spawn(&["--tls", "--state-dir", state]);
    let pem = text(&first.ready["ca_cert_file"]);
    assert_eq!(terminate(first).code(), Some(0));
    let again = spawn(&["--tls", "--state-dir", state]);
    assert_eq!(text(&again.ready["ca_cert_file"]), pem);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = dir.path().join("sandbox_tls_private_key.pem");
        let mode = std::fs::metadata(key).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "TLS key readable by others: {mode:o}");
    }
    assert_eq!(terminate(again).code(), Some(0));
}

#[test]
fn certificate_mode_with_the_printed_files_survives_a_rotation_and_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().to_str().unwrap();
    let running = spawn(&["--listen", "127.0.0.1:0", "--state-dir", state]);
    let ready = running.ready.clone();
    let cert_client = |ready: &Value| {
        let app = &ready["apps"][0];
        AlipayClient::builder_with_certificates(
            app["app_id"].as_str().unwrap(),
            AppPrivateKey::from_text(&text(&app["private_key_file"])).unwrap(),
            &AppCertificate::from_pem(&text(&app["app_cert_file"])).unwrap(),
            AlipayCertificate::from_pem(&text(&ready["alipay_cert_file"])).unwrap(),
            &AlipayRootCertificate::from_pem(&text(&ready["alipay_root_cert_file"])).unwrap(),
        )
        .gateway(Gateway::new(ready["gateway"].as_str().unwrap()).unwrap())
        .build()
        .unwrap()
    };
    let rt = runtime();
    let c = cert_client(&ready);
    rt.block_on(pay(&c, "CERT-1"));
    let admin = ready["gateway"]
        .as_str()
        .unwrap()
        .replace("/gateway.do", "/admin/rotate-alipay-cert");
    let rotated = rt.block_on(alipay_testkit::http::send(
        alipay_testkit::http::Method::POST,
        &admin,
        &[("content-type", "application/json")],
        b"{}",
    ));
    assert_eq!(rotated.status, 200, "{}", rotated.text());
    let new_sn = rotated.json()["alipay_cert_sn"]
        .as_str()
        .unwrap()
        .to_owned();
    // The client downloads and trusts the new certificate by itself.
    rt.block_on(pay(&c, "CERT-2"));
    assert!(terminate(running).success());

    // After a restart the rotated certificate is still current, and the files say so.
    let again = spawn(&["--listen", "127.0.0.1:0", "--state-dir", state]);
    let alipay = AlipayCertificate::from_pem(&text(&again.ready["alipay_cert_file"])).unwrap();
    assert_eq!(alipay.sn(), new_sn);
    rt.block_on(pay(&cert_client(&again.ready), "CERT-3"));
}

/// A POST to the running sandbox's gateway: `query` in the URL, `body` as the form.
fn post_form(ready: &Value, query: &str, body: &[u8]) -> alipay_testkit::http::Answer {
    let url = format!("{}?{query}", ready["gateway"].as_str().unwrap());
    runtime().block_on(alipay_testkit::http::send(
        alipay_testkit::http::Method::POST,
        &url,
        &[(
            "content-type",
            "application/x-www-form-urlencoded;charset=utf-8",
        )],
        body,
    ))
}

const OPERATION_QUERY: &str = "alipay.fund.coupon.operation.query";

/// The query string and body of a signed [`OPERATION_QUERY`] for `order`, to take apart.
fn signed_query(c: &AlipayClient, order: &str) -> (String, String) {
    let biz = format!(r#"{{"out_order_no":"{order}","out_request_no":"{order}-1"}}"#);
    let signed = c
        .sign(&alipay_core::Call::new(OPERATION_QUERY).biz_content(biz))
        .unwrap();
    let (query, body) = signed.http_parts().unwrap();
    (query, String::from_utf8(body).unwrap())
}

fn own_key(ready: &Value) -> AppPrivateKey {
    AppPrivateKey::from_text(&text(&ready["apps"][0]["private_key_file"])).unwrap()
}

#[test]
fn a_parameter_sent_twice_is_refused_signed_wherever_the_copies_are() {
    use alipay_core::Error;
    let running = spawn(&["--listen", "127.0.0.1:0"]);
    let ready = &running.ready;
    let c = client(ready, 0, own_key(ready));
    let method = OPERATION_QUERY;
    let (query, body) = signed_query(&c, "DUP");
    let pair = |part: &str, name: &str| {
        part.split('&')
            .find(|p| p.starts_with(&format!("{name}=")))
            .unwrap_or_else(|| panic!("{name} in {part}"))
            .to_owned()
    };
    let verdict = |query: &str, body: &str| {
        let answer = post_form(ready, query, body.as_bytes());
        assert_eq!(answer.status, 200, "{}", answer.text());
        let verified = c
            .verify_response(method, &answer.body)
            .unwrap_or_else(|e| panic!("unsigned or badly signed: {e}: {}", answer.text()));
        assert!(verified.signed);
        verified.into_result().unwrap_err()
    };
    // The form as signed is executed (an unknown order: a business refusal).
    let e = verdict(&query, &body);
    assert!(matches!(e, Error::Business(_)), "{e}");

    let cases = [
        (
            "sign",
            format!("{query}&{}", pair(&query, "sign")),
            body.clone(),
        ),
        (
            "app_id",
            format!("{query}&app_id=2021000000000099"),
            body.clone(),
        ),
        (
            "biz_content",
            query.clone(),
            format!("{body}&biz_content=%7B%7D"),
        ),
        (
            "sign",
            query.clone(),
            format!("{body}&{}", pair(&query, "sign")),
        ),
        ("charset", query.clone(), format!("{body}&charset=utf-8")),
        ("timestamp", query.clone(), format!("%74imestamp=x&{body}")),
        ("version", query.clone(), format!("{body}&version=")),
        (
            "method",
            format!("{query}&method={method}"),
            format!("method={method}&{body}"),
        ),
    ];
    for (name, q, b) in cases {
        let e = verdict(&q, &b);
        let Error::Gateway(a) = &e else {
            panic!("{name}: {e}")
        };
        assert_eq!(a.code, "40002", "{name}: {e}");
        assert_eq!(a.sub_code.as_deref(), Some("isv.invalid-parameter"), "{e}");
        let sub_msg = a.sub_msg.as_deref().unwrap_or("");
        assert!(
            sub_msg.contains(&format!("duplicate parameter {name}")),
            "{name}: {sub_msg}"
        );
    }
    // Nothing was executed: still no such operation, and a clean call still works.
    runtime().block_on(pay(&c, "DUP-PAID"));
}

#[test]
fn a_call_without_charset_is_refused_not_read_as_utf8() {
    use alipay_core::Error;
    let running = spawn(&["--listen", "127.0.0.1:0"]);
    let ready = &running.ready;
    let c = client(ready, 0, own_key(ready));
    let method = OPERATION_QUERY;
    let (query, body) = signed_query(&c, "CS");
    let without: Vec<&str> = query
        .split('&')
        .filter(|p| !p.starts_with("charset="))
        .collect();
    assert_eq!(without.len() + 1, query.split('&').count(), "{query}");
    let without = without.join("&");
    let verdict = |query: &str, body: &str| {
        let answer = post_form(ready, query, body.as_bytes());
        assert_eq!(answer.status, 200, "{}", answer.text());
        let verified = c
            .verify_response(method, &answer.body)
            .unwrap_or_else(|e| panic!("unsigned or badly signed: {e}: {}", answer.text()));
        verified.into_result().unwrap_err()
    };
    let e = verdict(&without, &body);
    let Error::Gateway(a) = &e else { panic!("{e}") };
    assert_eq!(a.code, "40001", "{e}");
    assert_eq!(a.sub_code.as_deref(), Some("isv.missing-charset"), "{e}");
    let sub_msg = a.sub_msg.as_deref().unwrap_or("");
    assert!(
        sub_msg.contains("请确认charset参数放在了URL查询"),
        "{sub_msg}"
    );
    assert!(sub_msg.contains("does not default to UTF-8"), "{sub_msg}");
    // A GET with everything in the query but charset: the same.
    let url = format!("{}?{without}&{body}", ready["gateway"].as_str().unwrap());
    let answer = runtime().block_on(alipay_testkit::http::get(&url));
    assert!(
        answer.text().contains("isv.missing-charset"),
        "{}",
        answer.text()
    );
    // charset in the body instead of the query is still read (the signature then verifies:
    // an unknown order, a business refusal).
    let e = verdict(&without, &format!("{body}&charset=utf-8"));
    assert!(matches!(e, Error::Business(_)), "{e}");
    // And the client as shipped sends it.
    runtime().block_on(pay(&c, "CS-PAID"));
}

/// The soft limit on open files (`ulimit -n`), raised to `want` (within the hard limit,
/// with `prlimit`) when lower; what it is afterwards.
#[cfg(target_os = "linux")]
fn raise_open_files(want: u64) -> u64 {
    let soft_hard = || {
        let limits = std::fs::read_to_string("/proc/self/limits").unwrap();
        let line = limits
            .lines()
            .find(|l| l.starts_with("Max open files"))
            .unwrap()
            .to_owned();
        let numbers: Vec<u64> = line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        (numbers[0], numbers.get(1).copied().unwrap_or(numbers[0]))
    };
    let (soft, hard) = soft_hard();
    if soft < want {
        let to = want.min(hard);
        let _ = Command::new("prlimit")
            .args([
                "--pid",
                &std::process::id().to_string(),
                &format!("--nofile={to}:{hard}"),
            ])
            .status();
    }
    soft_hard().0
}

#[test]
fn connections_that_never_finish_are_closed() {
    use std::io::Write;
    use std::net::TcpStream;
    let running = spawn(&[
        "--header-timeout",
        "1s",
        "--body-timeout",
        "1s",
        "--idle-timeout",
        "1s",
    ]);
    let ready = &running.ready;
    let addr = ready["gateway"]
        .as_str()
        .unwrap()
        .trim_start_matches("http://")
        .trim_end_matches("/gateway.do")
        .to_owned();
    let connect = || {
        let s = TcpStream::connect(&addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(8))).unwrap();
        s
    };
    // Until the server closes: everything it wrote, and how long that took.
    let until_closed = |mut s: TcpStream, started: Instant| {
        let mut got = Vec::new();
        s.read_to_end(&mut got)
            .unwrap_or_else(|e| panic!("still open after 8 s: {e}"));
        (
            String::from_utf8_lossy(&got).into_owned(),
            started.elapsed(),
        )
    };

    // An idle connection: closed after the idle timeout, without an answer.
    let started = Instant::now();
    let (said, took) = until_closed(connect(), started);
    assert!(said.is_empty(), "{said}");
    assert!(took < Duration::from_secs(4), "{took:?}");

    // Headers a byte every 100 ms (each byte well within any idle timeout): closed once the
    // header timeout has passed since the first byte.
    let mut slow = connect();
    let started = Instant::now();
    let head = b"GET /admin/ledger HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: ";
    let mut refused_at = None;
    for i in 0..100 {
        let byte = head.get(i).copied().unwrap_or(b'a');
        if slow.write_all(&[byte]).is_err() {
            refused_at = Some(started.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let took = refused_at.expect("the slow headers were read for 10 s");
    assert!(took < Duration::from_secs(4), "{took:?}");

    // A body shorter than its Content-Length: answered after the body timeout, and closed.
    let mut short = connect();
    let started = Instant::now();
    short
        .write_all(
            b"POST /gateway.do HTTP/1.1\r\nhost: 127.0.0.1\r\n\
              content-type: application/x-www-form-urlencoded\r\n\
              content-length: 100\r\n\r\ncharset=utf-8",
        )
        .unwrap();
    let (said, took) = until_closed(short, started);
    assert!(said.starts_with("HTTP/1.1 400"), "{said}");
    assert!(
        said.to_ascii_lowercase().contains("connection: close"),
        "{said}"
    );
    assert!(took >= Duration::from_millis(900), "{took:?}");
    assert!(took < Duration::from_secs(4), "{took:?}");

    // Calls still work, on a kept-alive connection too.
    let c = client(ready, 0, own_key(ready));
    let rt = runtime();
    rt.block_on(pay(&c, "SLOW-1"));
    rt.block_on(pay(&c, "SLOW-2"));
}

#[cfg(target_os = "linux")]
#[test]
fn five_hundred_idle_connections_do_not_stall_a_call_and_the_cap_answers() {
    use std::net::TcpStream;
    let limit = raise_open_files(2048);
    assert!(
        limit >= 1100,
        "this test holds 500 + 60 connections: raise `ulimit -n` (now {limit}) to 2048"
    );
    let running = spawn(&[]);
    let ready = &running.ready;
    let addr = ready["gateway"]
        .as_str()
        .unwrap()
        .trim_start_matches("http://")
        .trim_end_matches("/gateway.do")
        .to_owned();
    let idle: Vec<TcpStream> = (0..500)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    // Let the sandbox accept them all.
    std::thread::sleep(Duration::from_millis(300));
    let c = client(ready, 0, own_key(ready));
    let rt = runtime();
    let started = Instant::now();
    rt.block_on(pay(&c, "IDLE-500"));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "{took:?}");
    drop(idle);
    drop(running);

    // Over the cap: answered 503 and closed at once, not left hanging.
    let running = spawn(&["--max-connections", "50"]);
    let addr = running.ready["gateway"]
        .as_str()
        .unwrap()
        .trim_start_matches("http://")
        .trim_end_matches("/gateway.do")
        .to_owned();
    let held: Vec<TcpStream> = (0..50)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..10 {
        let mut extra = TcpStream::connect(&addr).unwrap();
        extra
            .set_read_timeout(Some(Duration::from_secs(3)))
            .unwrap();
        let mut said = String::new();
        extra
            .read_to_string(&mut said)
            .unwrap_or_else(|e| panic!("left hanging: {e}"));
        assert!(said.starts_with("HTTP/1.1 503"), "{said}");
        assert!(said.contains("too many connections"), "{said}");
    }
    drop(held);
}

#[test]
fn a_web_page_cannot_drive_the_admin_or_the_cashier() {
    use alipay_apis::fund::CouponOrderPagePayRequest;
    use alipay_testkit::http::{Method, send};
    let running = spawn(&[]);
    let ready = &running.ready;
    let gateway = ready["gateway"].as_str().unwrap().to_owned();
    let base = gateway.trim_end_matches("/gateway.do").to_owned();
    let port = base.rsplit(':').next().unwrap().to_owned();
    let user = DEMO_USERS[0].0;
    let rt = runtime();
    let balance = || {
        let a = rt.block_on(alipay_testkit::http::get(&format!(
            "{base}/admin/users/{user}"
        )));
        assert_eq!(a.status, 200, "{}", a.text());
        a.json()["balance"].as_str().unwrap().to_owned()
    };
    let before = balance();
    let fund = format!("{base}/admin/users/{user}/fund");
    let post = |url: &str, headers: &[(&str, &str)], body: &[u8]| {
        rt.block_on(send(Method::POST, url, headers, body))
    };
    let amount = br#"{"amount":"1000.00"}"#;
    // What a page's fetch(..., {mode: "no-cors", body}) sends: text/plain, its Origin.
    let evil = "https://evil.example";
    let cross = [
        ("content-type", "text/plain;charset=UTF-8"),
        ("origin", evil),
    ];
    let a = post(&fund, &cross, amount);
    assert_eq!(a.status, 403, "{}", a.text());
    // Without its Origin (or from a page of the sandbox's own): not JSON, 415.
    for content_type in [
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
    ] {
        let a = post(&fund, &[("content-type", content_type)], amount);
        assert_eq!(a.status, 415, "{content_type}: {}", a.text());
    }
    let a = post(&fund, &[], amount);
    assert_eq!(a.status, 415, "{}", a.text());
    // JSON with a cross-site Origin (had a preflight been answered), or Origin null: 403.
    for origin in [evil, "null", "http://localhost.evil.example:1"] {
        let headers = [("content-type", "application/json"), ("origin", origin)];
        let a = post(&fund, &headers, amount);
        assert_eq!(a.status, 403, "{origin}: {}", a.text());
    }
    // A foreign Host (DNS rebinding: evil.example resolving to 127.0.0.1): 421, on every route.
    for url in [&fund, &gateway, &format!("{base}/cashier/scan")] {
        let headers = [
            ("content-type", "application/json"),
            ("host", "evil.example"),
        ];
        let a = post(url, &headers, amount);
        assert_eq!(a.status, 421, "{url}: {}", a.text());
    }
    assert_eq!(balance(), before, "no money was minted");
    // The sandbox's own origin, a loopback name and no Origin at all still work.
    let localhost = format!("http://localhost:{port}");
    for headers in [
        vec![("content-type", "application/json")],
        vec![
            ("content-type", "application/json"),
            ("origin", base.as_str()),
        ],
        vec![
            ("content-type", "application/json; charset=utf-8"),
            ("origin", localhost.as_str()),
            ("host", &localhost[7..]),
        ],
    ] {
        let a = post(&fund, &headers, br#"{"amount":"1.00"}"#);
        assert_eq!(a.status, 200, "{headers:?}: {}", a.text());
    }
    assert_ne!(balance(), before);

    // The HTML cashier's form carries a per-order token, checked on submit.
    let c = client(ready, 0, own_key(ready));
    let page = CouponOrderPagePayRequest::builder()
        .out_order_no("WEB-1")
        .out_request_no("WEB-1-1")
        .order_title("网页红包")
        .amount(amount!("5.00"))
        .build();
    let url = c.page_execute_url(&page).unwrap();
    let html = rt
        .block_on(send(Method::GET, &url, &[("accept", "text/html")], b""))
        .text();
    let token = html
        .split_once("name=\"cashier_token\" value=\"")
        .and_then(|(_, rest)| rest.split('"').next())
        .unwrap_or_else(|| panic!("no token in the form: {html}"))
        .to_owned();
    assert!(token.len() >= 16, "{token}");
    let pay = format!("{base}/cashier/pay");
    let form = ("content-type", "application/x-www-form-urlencoded");
    let without = format!("out_order_no=WEB-1&payer_user_id={user}");
    for body in [
        without.clone(),
        format!("{without}&cashier_token=0123456789abcdef0123456789abcdef"),
        // Another order's token.
        format!("{without}&cashier_token={}", "x".repeat(token.len())),
    ] {
        let a = post(&pay, &[form], body.as_bytes());
        assert_eq!(a.status, 403, "{body}: {}", a.text());
    }
    // The form posted from another site, token and all: 403 (Origin).
    let with = format!("{without}&cashier_token={token}");
    let a = post(&pay, &[form, ("origin", evil)], with.as_bytes());
    assert_eq!(a.status, 403, "{}", a.text());
    // From the page itself: paid.
    let a = post(&pay, &[form, ("origin", base.as_str())], with.as_bytes());
    assert_eq!(a.status, 200, "{}", a.text());
    assert!(a.text().contains("Paid"), "{}", a.text());
}

#[test]
fn a_sandbox_off_loopback_needs_an_admin_token() {
    use alipay_testkit::http::{Method, send};
    let out = Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(["sandbox", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--admin-token"), "{stderr}");
    assert!(out.stdout.is_empty());

    let running = spawn(&["--listen", "0.0.0.0:0", "--admin-token", "s3cret"]);
    let ready = &running.ready;
    let base = ready["gateway"]
        .as_str()
        .unwrap()
        .trim_end_matches("/gateway.do")
        .to_owned();
    let rt = runtime();
    let ledger = format!("{base}/admin/ledger");
    for auth in [
        None,
        Some("Bearer wrong"),
        Some("s3cret"),
        Some("Basic czNjcmV0"),
    ] {
        let headers: Vec<(&str, &str)> = auth.map(|a| ("authorization", a)).into_iter().collect();
        let a = rt.block_on(send(Method::GET, &ledger, &headers, b""));
        assert_eq!(a.status, 401, "{auth:?}: {}", a.text());
    }
    let bearer = [("authorization", "Bearer s3cret")];
    let a = rt.block_on(send(Method::GET, &ledger, &bearer, b""));
    assert_eq!(a.status, 200, "{}", a.text());
    let fund = format!("{base}/admin/users/{}/fund", DEMO_USERS[0].0);
    let headers = [bearer[0], ("content-type", "application/json")];
    let a = rt.block_on(send(Method::POST, &fund, &headers, br#"{"amount":"1.00"}"#));
    assert_eq!(a.status, 200, "{}", a.text());
    // The gateway itself needs no token.
    rt.block_on(pay(&client(ready, 0, own_key(ready)), "OFF-LOOPBACK-1"));
    // Without a token on loopback the admin routes stay open (the default).
    let local = spawn(&[]);
    let url = local.ready["gateway"]
        .as_str()
        .unwrap()
        .replace("/gateway.do", "/admin/ledger");
    assert_eq!(rt.block_on(alipay_testkit::http::get(&url)).status, 200);
}
