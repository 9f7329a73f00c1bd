use super::*;
use crate::error::Outcome;
use std::future::Future;
use std::sync::Mutex;
use std::time::Instant;
// `raw` knows no alipay-core type and `FakeGateway` is used through its URL only, so the
// second copy of alipay-core that alipay-testkit links does not meet this one's types.
use alipay_testkit::raw::{self, RawServer};
use alipay_testkit::{FakeGateway, Reply};
use tokio::net::TcpStream;

fn run<F: Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

fn transport(config: TransportConfig) -> HttpTransport {
    HttpTransport::new(config).expect("transport")
}

fn quick() -> TransportConfig {
    TransportConfig {
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(5),
        ..TransportConfig::default()
    }
}

/// A fake gateway answering every request with `reply`.
fn answering(reply: Reply) -> (Gateway, FakeGateway) {
    let fake = FakeGateway::start(move |_| reply.clone());
    (Gateway::new(&fake.url()).expect("gateway"), fake)
}

fn gateway_at(addr: std::net::SocketAddr) -> Gateway {
    Gateway::new(&format!("http://{addr}/gateway.do")).expect("gateway")
}

fn transport_error(e: Error) -> TransportError {
    match e {
        Error::Transport(t) => t,
        other => panic!("expected a transport error, got {other:?}"),
    }
}

#[test]
fn gateway_accepts_https_and_loopback_http() {
    for ok in [
        "http://127.0.0.1:8080/gateway.do",
        "http://127.1.2.3/gateway.do",
        "http://localhost",
        "http://LOCALHOST:8080/gateway.do",
        "http://[::1]:1/",
        "https://openapi.alipay.com/gateway.do",
        "HTTPS://example.com:8443/gateway.do",
    ] {
        let g = Gateway::new(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        assert!(g.as_str().starts_with("http"), "{g}");
    }
    assert_eq!(
        Gateway::new("HTTPS://example.com:8443/gateway.do")
            .expect("ok")
            .as_str(),
        "https://example.com:8443/gateway.do"
    );
    assert_eq!(
        "http://127.0.0.1:8080/gateway.do"
            .parse::<Gateway>()
            .expect("ok")
            .to_string(),
        "http://127.0.0.1:8080/gateway.do"
    );
}

#[test]
fn gateway_rejects_remote_http_other_schemes_queries_userinfo_fragments() {
    for (bad, why) in [
        ("http://example.com/gateway.do", "loopback"),
        ("http://10.0.0.1/gateway.do", "loopback"),
        ("http://localhost.example.com/", "loopback"),
        ("ftp://127.0.0.1/gateway.do", "scheme"),
        ("ws://openapi.alipay.com/gateway.do", "scheme"),
        (
            "https://openapi.alipay.com/gateway.do?charset=utf-8",
            "query",
        ),
        ("https://openapi.alipay.com/gateway.do?", "query"),
        ("https://user:pw@openapi.alipay.com/gateway.do", "user info"),
        ("https://openapi.alipay.com/gateway.do#x", "fragment"),
        ("openapi.alipay.com/gateway.do", ""),
        ("/gateway.do", ""),
        ("", ""),
        ("https://open api.alipay.com/", "valid URL"),
    ] {
        match Gateway::new(bad) {
            Err(ConfigError::Url { url, reason }) => {
                assert_eq!(url, bad);
                assert!(reason.contains(why), "{bad}: {reason}");
            }
            other => panic!("{bad:?} accepted: {other:?}"),
        }
    }
}

#[test]
fn gateway_constants_are_valid() {
    assert_eq!(
        Gateway::new(crate::PRODUCTION_GATEWAY).expect("production"),
        Gateway::production()
    );
    assert_eq!(
        Gateway::new(crate::SANDBOX_GATEWAY).expect("sandbox"),
        Gateway::sandbox()
    );
    assert_eq!(Gateway::default(), Gateway::production());
    assert_eq!(
        format!("{:?}", Gateway::production()),
        "Gateway(\"https://openapi.alipay.com/gateway.do\")"
    );
}

#[test]
fn transport_config_defaults_and_validation() {
    let c = TransportConfig::default();
    assert_eq!(c.connect_timeout, Duration::from_secs(3));
    assert_eq!(c.timeout, Duration::from_secs(15));
    assert_eq!(c.max_response_bytes, 4 << 20);
    let zero = TransportConfig {
        timeout: Duration::ZERO,
        ..TransportConfig::default()
    };
    let e = HttpTransport::new(zero).expect_err("zero timeout");
    assert_eq!(e.outcome(), Outcome::NotSent);
    // Building needs no runtime.
    let t = transport(TransportConfig::default());
    assert!(format!("{t:?}").contains("HttpTransport"));
}

#[test]
fn extra_roots_are_checked_when_the_transport_is_built() {
    let with = |root: RootCertificate| {
        HttpTransport::new(TransportConfig {
            extra_roots: vec![root],
            ..TransportConfig::default()
        })
    };
    let message = |e: Error| match e {
        Error::Config(ConfigError::Other(m)) => m,
        other => panic!("expected a configuration error, got {other:?}"),
    };
    assert!(TransportConfig::default().extra_roots.is_empty());

    // A key is not a certificate.
    let key = include_str!("../../testdata/app_public_spki.pem");
    let m = message(with(RootCertificate::from_pem(key)).expect_err("a key"));
    assert!(m.contains("extra_roots[0]"), "{m}");
    assert!(m.contains("no -----BEGIN CERTIFICATE----- block"), "{m}");
    let m = message(with(RootCertificate::from_pem("")).expect_err("empty"));
    assert!(m.contains("no -----BEGIN CERTIFICATE----- block"), "{m}");

    // A CERTIFICATE block that holds no certificate.
    let garbage = "-----BEGIN CERTIFICATE-----\nAAECAwQFBgcICQ==\n-----END CERTIFICATE-----\n";
    let m = message(with(RootCertificate::from_pem(garbage)).expect_err("garbage"));
    assert!(m.contains("not a usable root certificate"), "{m}");
    let m = message(with(RootCertificate::from_der(vec![1, 2, 3])).expect_err("DER garbage"));
    assert!(m.contains("RootCertificate(DER, 3 bytes)"), "{m}");

    // Real certificates, alone or several in one PEM.
    let root = include_str!("../../testdata/synthetic-certs/root-sha256.crt");
    with(RootCertificate::from_pem(root)).expect("a root certificate");
    let chain = include_str!("../../testdata/alipay-certs/alipayRootCert.crt");
    with(RootCertificate::from_pem(chain)).expect("a PEM chain");
}

#[test]
fn outside_a_runtime_is_an_error_not_a_panic() {
    let t = transport(quick());
    let gateway = Gateway::production();
    let fut = t.post_form(&gateway, "", Vec::new(), Charset::Utf8);
    // Poll it once without a tokio runtime.
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    let mut fut = std::pin::pin!(fut);
    match fut.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(Err(e)) => assert_eq!(e.outcome(), Outcome::NotSent),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn request_line_headers_and_gbk_body_arrive_exactly() {
    run(async {
        let (gateway, fake) = answering(Reply::raw("{}"));
        let query =
            "method=alipay.trade.query&charset=GBK&timestamp=2024-01-02+12%3A05%3A06&sign=a%2Bb%3D";
        // "biz_content=中文" with the GBK bytes raw (not even percent-encoded).
        let body = [b"biz_content=".as_slice(), &[0xd6, 0xd0, 0xce, 0xc4]].concat();
        transport(quick())
            .post_form(&gateway, query, body.clone(), Charset::Gbk)
            .await
            .expect("answer");
        let seen = fake.requests();
        assert_eq!(seen.len(), 1);
        let request = &seen[0];
        assert_eq!(&request.body[..], &body[..]);
        assert_eq!(
            format!(
                "{} {} {:?}",
                request.http_method, request.target, request.version
            ),
            format!("POST /gateway.do?{query} HTTP/1.1")
        );
        let get = |name: &str| request.header(name);
        assert_eq!(
            get("content-type"),
            Some("application/x-www-form-urlencoded;charset=GBK")
        );
        assert_eq!(get("accept"), Some("application/json"));
        assert_eq!(get("user-agent"), Some(USER_AGENT_VALUE));
        assert!(USER_AGENT_VALUE.starts_with("alipay-rs/"));
        assert_eq!(get("host"), Some(fake.addr().to_string().as_str()));
        assert_eq!(get("content-length"), Some("16"));
    });
}

#[test]
fn utf8_content_type_names_utf8() {
    run(async {
        let (gateway, fake) = answering(Reply::raw("{}"));
        transport(quick())
            .post_form(&gateway, "a=1", b"b=2".to_vec(), Charset::Utf8)
            .await
            .expect("answer");
        let request = &fake.requests()[0];
        let content_type = request.header("content-type").unwrap_or_default();
        assert_eq!(
            content_type.to_ascii_lowercase(),
            "application/x-www-form-urlencoded;charset=utf-8",
            "{request:?}"
        );
        assert_eq!(&request.body[..], b"b=2");
    });
}

#[test]
fn ok_answer_returns_body_and_trace_id() {
    run(async {
        let body = br#"{"alipay_trade_query_response":{"code":"10000"},"sign":"x"}"#;
        let (gateway, _fake) =
            answering(Reply::raw(&body[..]).header("trace_id", "0b8c4f2917000000000000000000"));
        let answer = transport(quick())
            .post_form(&gateway, "a=1", b"b=2".to_vec(), Charset::Utf8)
            .await
            .expect("answer");
        assert_eq!(answer.status, 200);
        assert_eq!(
            answer.trace_id.as_deref(),
            Some("0b8c4f2917000000000000000000")
        );
        assert_eq!(&answer.body[..], &body[..]);

        let (gateway, _fake) = answering(Reply::raw(""));
        let answer = transport(quick())
            .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
            .await
            .expect("answer");
        assert_eq!(answer.trace_id, None);
        assert!(answer.body.is_empty());
    });
}

#[test]
fn keep_alive_reuses_one_connection() {
    run(async {
        let (gateway, fake) = answering(Reply::raw("{}"));
        let t = transport(quick());
        for i in 0..3 {
            let answer = t
                .post_form(&gateway, &format!("n={i}"), Vec::new(), Charset::Utf8)
                .await
                .expect("answer");
            assert_eq!(&answer.body[..], b"{}");
        }
        // A clone shares the pool.
        t.clone()
            .post_form(&gateway, "n=3", Vec::new(), Charset::Utf8)
            .await
            .expect("answer");
        assert_eq!(fake.connections(), 1);
    });
}

#[test]
fn zero_pool_idle_timeout_disables_reuse() {
    run(async {
        let (gateway, fake) = answering(Reply::raw("{}"));
        let t = transport(TransportConfig {
            pool_idle_timeout: Duration::ZERO,
            ..quick()
        });
        for _ in 0..2 {
            t.post_form(&gateway, "", Vec::new(), Charset::Utf8)
                .await
                .expect("answer");
        }
        assert_eq!(fake.connections(), 2);
    });
}

#[test]
fn non_200_status_is_maybe_sent_with_status_and_body_start() {
    run(async {
        let (gateway, _fake) = answering(
            Reply::raw("<html>upstream down</html>")
                .status(502)
                .header("content-type", "text/html;charset=utf-8"),
        );
        let e = transport(quick())
            .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
            .await
            .expect_err("502");
        assert_eq!(e.outcome(), Outcome::Unknown);
        let t = transport_error(e);
        assert!(t.maybe_sent);
        assert!(t.message.contains("HTTP 502 Bad Gateway"), "{}", t.message);
        assert!(
            t.message.contains("<html>upstream down</html>"),
            "{}",
            t.message
        );

        let long = "x".repeat(10_000);
        let (gateway, _fake) = answering(
            Reply::raw(long.clone())
                .status(500)
                .header("content-type", "text/html;charset=utf-8"),
        );
        let t = transport_error(
            transport(quick())
                .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
                .await
                .expect_err("500"),
        );
        assert!(t.maybe_sent);
        assert!(t.message.contains(&"x".repeat(200)));
        assert!(!t.message.contains(&"x".repeat(201)), "{}", t.message);
    });
}

#[test]
fn closed_without_answer_is_maybe_sent() {
    run(async {
        let (gateway, fake) = answering(Reply::drop_connection());
        let e = transport(quick())
            .post_form(&gateway, "a=1", b"b=2".to_vec(), Charset::Utf8)
            .await
            .expect_err("closed");
        assert_eq!(e.outcome(), Outcome::Unknown);
        assert!(transport_error(e).maybe_sent);
        assert_eq!(fake.count(), 1, "the request arrived");
    });
}

#[test]
fn eof_mid_body_is_maybe_sent() {
    run(async {
        let server = RawServer::serve(|mut stream| async move {
            let _ = raw::read_request(&mut stream).await;
            let _ = raw::write_all(
                &mut stream,
                b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"alipay",
            )
            .await;
            drop(stream);
        })
        .await;
        let e = transport(quick())
            .post_form(&gateway_at(server.addr()), "a=1", Vec::new(), Charset::Utf8)
            .await
            .expect_err("truncated");
        let t = transport_error(e);
        assert!(t.maybe_sent);
        assert!(t.message.contains("reading the answer"), "{}", t.message);
    });
}

#[test]
fn silent_server_times_out_in_exchange_phase() {
    run(async {
        let server = RawServer::serve(|mut stream| async move {
            let _ = raw::read_request(&mut stream).await;
            std::future::pending::<()>().await;
            drop(stream);
        })
        .await;
        let t = transport(TransportConfig {
            timeout: Duration::from_millis(300),
            ..quick()
        });
        let start = Instant::now();
        let e = t
            .post_form(&gateway_at(server.addr()), "a=1", Vec::new(), Charset::Utf8)
            .await
            .expect_err("timeout");
        let elapsed = start.elapsed();
        assert!(
            elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(3),
            "{elapsed:?}"
        );
        assert!(
            matches!(
                e,
                Error::Timeout {
                    phase: TimeoutPhase::Exchange,
                    after
                } if after == Duration::from_millis(300)
            ),
            "{e:?}"
        );
        assert_eq!(e.outcome(), Outcome::Unknown);
    });
}

#[test]
fn slow_body_is_covered_by_the_overall_timeout() {
    run(async {
        let server = RawServer::serve(|mut stream| async move {
            let _ = raw::read_request(&mut stream).await;
            let _ = raw::write_all(
                &mut stream,
                b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{",
            )
            .await;
            std::future::pending::<()>().await;
            drop(stream);
        })
        .await;
        let t = transport(TransportConfig {
            timeout: Duration::from_millis(300),
            ..quick()
        });
        let e = t
            .post_form(&gateway_at(server.addr()), "", Vec::new(), Charset::Utf8)
            .await
            .expect_err("timeout");
        assert!(
            matches!(
                e,
                Error::Timeout {
                    phase: TimeoutPhase::Exchange,
                    ..
                }
            ),
            "{e:?}"
        );
    });
}

#[test]
fn connection_refused_is_not_sent() {
    run(async {
        let e = transport(quick())
            .post_form(
                &gateway_at(raw::unused_addr()),
                "a=1",
                Vec::new(),
                Charset::Utf8,
            )
            .await
            .expect_err("refused");
        assert_eq!(e.outcome(), Outcome::NotSent);
        let t = transport_error(e);
        assert!(!t.maybe_sent);
        assert!(t.message.contains("could not connect"), "{}", t.message);
        assert!(t.source.is_some());
    });
}

#[test]
fn connect_timeout_is_not_sent() {
    run(async {
        let t = transport(TransportConfig {
            connect_timeout: Duration::from_millis(200),
            timeout: Duration::from_secs(5),
            ..TransportConfig::default()
        });
        let gateway = Gateway::new("https://10.255.255.1:81/gateway.do").expect("gateway");
        let start = Instant::now();
        let e = t
            .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
            .await
            .expect_err("unroutable");
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{:?}",
            start.elapsed()
        );
        // Without a route the OS may refuse at once instead of letting the connect time out.
        match &e {
            Error::Timeout {
                phase: TimeoutPhase::Connect,
                after,
            } => assert_eq!(*after, Duration::from_millis(200)),
            Error::Transport(t) => assert!(!t.maybe_sent),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(e.outcome(), Outcome::NotSent);
    });
}

#[test]
fn connect_timeout_on_a_full_backlog_is_a_connect_timeout() {
    // A listener that never accepts, its accept queue filled: Linux drops further SYNs,
    // so the next connect hangs until the connect timeout.
    run(async {
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        socket
            .bind("127.0.0.1:0".parse().expect("addr"))
            .expect("bind");
        let listener = socket.listen(0).expect("listen");
        let addr = listener.local_addr().expect("addr");
        let mut fillers = Vec::new();
        let mut full = false;
        for _ in 0..16 {
            match tokio::time::timeout(Duration::from_millis(200), TcpStream::connect(addr)).await {
                Ok(Ok(stream)) => fillers.push(stream),
                _ => {
                    full = true;
                    break;
                }
            }
        }
        if !full {
            eprintln!("the accept queue never filled up on this system; skipped");
            return;
        }
        let t = transport(TransportConfig {
            connect_timeout: Duration::from_millis(200),
            timeout: Duration::from_secs(5),
            ..TransportConfig::default()
        });
        let start = Instant::now();
        let e = t
            .post_form(&gateway_at(addr), "a=1", Vec::new(), Charset::Utf8)
            .await
            .expect_err("backlog full");
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{:?}",
            start.elapsed()
        );
        assert!(
            matches!(
                e,
                Error::Timeout {
                    phase: TimeoutPhase::Connect,
                    after
                } if after == Duration::from_millis(200)
            ),
            "{e:?}"
        );
        assert_eq!(e.outcome(), Outcome::NotSent);
        drop((listener, fillers));
    });
}

#[test]
fn tls_handshake_failure_is_not_sent() {
    run(async {
        // Answers the ClientHello with plain HTTP.
        let server = RawServer::serve(|mut stream| async move {
            let mut buf = [0u8; 1024];
            let _ = raw::read_some(&mut stream, &mut buf).await;
            let _ = raw::write_all(&mut stream, &raw::response("400 Bad Request", "", b"")).await;
        })
        .await;
        let gateway =
            Gateway::new(&format!("https://{}/gateway.do", server.addr())).expect("gateway");
        let e = transport(quick())
            .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
            .await
            .expect_err("not TLS");
        assert_eq!(e.outcome(), Outcome::NotSent, "{e:?}");
    });
}

#[test]
fn hanging_tls_handshake_times_out_as_connect() {
    run(async {
        let server = RawServer::serve(|stream| async move {
            std::future::pending::<()>().await;
            drop(stream);
        })
        .await;
        let gateway =
            Gateway::new(&format!("https://{}/gateway.do", server.addr())).expect("gateway");
        let t = transport(TransportConfig {
            timeout: Duration::from_millis(300),
            ..quick()
        });
        let e = t
            .post_form(&gateway, "a=1", Vec::new(), Charset::Utf8)
            .await
            .expect_err("hang");
        assert!(
            matches!(
                e,
                Error::Timeout {
                    phase: TimeoutPhase::Connect,
                    ..
                }
            ),
            "{e:?}"
        );
        assert_eq!(e.outcome(), Outcome::NotSent);
    });
}

#[test]
fn oversized_answer_is_an_error() {
    run(async {
        let config = TransportConfig {
            max_response_bytes: 1024,
            ..quick()
        };
        // Announced by Content-Length.
        let (gateway, _fake) = answering(Reply::raw(vec![b'x'; 2048]));
        let t = transport_error(
            transport(config.clone())
                .post_form(&gateway, "", Vec::new(), Charset::Utf8)
                .await
                .expect_err("too large"),
        );
        assert!(t.maybe_sent);
        assert!(
            t.message.contains("max_response_bytes (1024"),
            "{}",
            t.message
        );

        // Chunked, without a length.
        let mut chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        for _ in 0..4 {
            chunked.extend_from_slice(b"200\r\n");
            chunked.extend_from_slice(&[b'y'; 512]);
            chunked.extend_from_slice(b"\r\n");
        }
        chunked.extend_from_slice(b"0\r\n\r\n");
        let server = RawServer::answering(chunked).await;
        let gateway = gateway_at(server.addr());
        let t = transport_error(
            transport(config.clone())
                .post_form(&gateway, "", Vec::new(), Charset::Utf8)
                .await
                .expect_err("too large"),
        );
        assert!(t.maybe_sent);
        assert!(t.message.contains("max_response_bytes"), "{}", t.message);

        // Exactly the limit is fine.
        let (gateway, _fake) = answering(Reply::raw(vec![b'z'; 1024]));
        let answer = transport(config)
            .post_form(&gateway, "", Vec::new(), Charset::Utf8)
            .await
            .expect("at the limit");
        assert_eq!(answer.body.len(), 1024);
    });
}

#[test]
fn a_request_is_never_sent_twice() {
    // The server answers the first request of each connection with keep-alive, then
    // closes the connection without reading on. Whatever the client does with the next
    // request (fresh connection, or an error), the server must never see a request twice.
    run(async {
        let seen = Arc::new(Mutex::new(Vec::<String>::new()));
        let log = seen.clone();
        let server = RawServer::serve(move |mut stream| {
            let log = log.clone();
            async move {
                if let Some(request) = raw::read_request(&mut stream).await {
                    let line = request.request_line().to_owned();
                    log.lock().expect("lock").push(line);
                    let _ = raw::write_all(&mut stream, &raw::response("200 OK", "", b"{}")).await;
                }
                drop(stream);
            }
        })
        .await;
        let gateway = gateway_at(server.addr());
        let t = transport(quick());
        for i in 0..20 {
            let _ = t
                .post_form(&gateway, &format!("n={i}"), Vec::new(), Charset::Utf8)
                .await;
        }
        let seen = seen.lock().expect("lock").clone();
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "{seen:?}");
    });
}

#[test]
fn invalid_query_characters_are_refused_before_sending() {
    run(async {
        let e = transport(quick())
            .post_form(
                &Gateway::new("http://127.0.0.1:1/gateway.do").expect("gateway"),
                "a=b c",
                Vec::new(),
                Charset::Utf8,
            )
            .await
            .expect_err("space in query");
        assert!(matches!(e, Error::InvalidRequest(_)), "{e:?}");
    });
}
