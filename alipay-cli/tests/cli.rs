//! The `alipay` command's contract: output shapes and exit codes (0 ok, 1 rejected, 2 usage
//! or key error), on real keys, certificates and signed bodies. No input may make it panic.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use alipay_core::gateway::sign_response;
use alipay_core::notify::sign_notification;
use alipay_core::{AppPublicKey, Charset, GatewayPrivateKey, SignType};
use base64::Engine;
use serde_json::Value;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");

fn data(name: &str) -> String {
    format!("{TESTDATA}/{name}")
}

fn alipay(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn alipay");
    if let Some(input) = stdin {
        // The command may exit (rejecting its arguments) before reading stdin: a broken
        // pipe here is not the test's verdict, the exit code and output are.
        let _ = child.stdin.take().unwrap().write_all(input);
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("one JSON object on stdout")
}

const BASE: [&str; 6] = [
    "sign",
    "--app-id",
    "2021000000000001",
    "--method",
    "alipay.fund.coupon.order.disburse",
    "--timestamp",
];

fn sign(extra: &[&str]) -> Output {
    let key = data("app_private_pkcs8.pem");
    let mut args: Vec<&str> = BASE.to_vec();
    args.push("2024-01-02 12:05:06");
    args.extend(["--private-key", key.as_str()]);
    args.extend(extra);
    alipay(&args, None)
}

#[test]
fn sign_prints_exactly_the_signed_parameters() {
    let out = json(&sign(&[
        "--biz-content",
        r#"{"out_order_no":"o1","amount":"8.88","title":"红包 A&B=1+1"}"#,
        "--param",
        "notify_url=https://m.example.com/n?a=1&b=2",
    ]));
    assert_eq!(
        out["sign_content"],
        r#"app_id=2021000000000001&biz_content={"out_order_no":"o1","amount":"8.88","title":"红包 A&B=1+1"}&charset=utf-8&method=alipay.fund.coupon.order.disburse&notify_url=https://m.example.com/n?a=1&b=2&sign_type=RSA2&timestamp=2024-01-02 12:05:06&version=1.0"#
    );
    let params = out["params"].as_object().unwrap();
    let names: Vec<&str> = params.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "app_id",
            "biz_content",
            "charset",
            "method",
            "notify_url",
            "sign",
            "sign_type",
            "timestamp",
            "version"
        ]
    );
    assert_eq!(params["sign"], out["sign"]);
    assert!(out.get("output").is_none(), "execute mode has no output");

    let public =
        AppPublicKey::from_text(&std::fs::read_to_string(data("app_public_spki.pem")).unwrap())
            .unwrap();
    let sig = base64::engine::general_purpose::STANDARD
        .decode(out["sign"].as_str().unwrap())
        .unwrap();
    assert!(public.verify(
        SignType::Rsa2,
        out["sign_content"].as_str().unwrap().as_bytes(),
        &sig
    ));
}

#[test]
fn every_key_format_gives_the_same_signature() {
    let reference = json(&sign(&["--biz-content", "{}"]))["sign"].clone();
    for f in ["app_private_pkcs1.pem", "app_private_pkcs8.pem"] {
        let key = data(f);
        let mut args: Vec<&str> = BASE.to_vec();
        args.extend([
            "2024-01-02 12:05:06",
            "--private-key",
            key.as_str(),
            "--biz-content",
            "{}",
        ]);
        assert_eq!(json(&alipay(&args, None))["sign"], reference, "{f}");
    }
    // Bare base64 and DER files.
    let dir = tempfile::tempdir().unwrap();
    let pem = std::fs::read_to_string(data("app_private_pkcs8.pem")).unwrap();
    let bare: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(&bare)
        .unwrap();
    for (name, bytes) in [("bare.txt", bare.into_bytes()), ("key.der", der)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let mut args: Vec<&str> = BASE.to_vec();
        let p = path.to_str().unwrap();
        args.extend([
            "2024-01-02 12:05:06",
            "--private-key",
            p,
            "--biz-content",
            "{}",
        ]);
        assert_eq!(json(&alipay(&args, None))["sign"], reference, "{name}");
    }
}

#[test]
fn sign_modes_produce_their_outputs() {
    let sdk = json(&sign(&[
        "--biz-content",
        "{\"a\":\"b c\"}",
        "--mode",
        "sdk",
    ]));
    let s = sdk["output"].as_str().unwrap();
    assert!(s.starts_with("method=alipay.fund.coupon.order.disburse&app_id=2021000000000001&charset=utf-8&version=1.0&sign_type=RSA2&timestamp=2024-01-02%2012%3A05%3A06&biz_content=%7B%22a%22%3A%22b%20c%22%7D&sign="), "{s}");

    let get = json(&sign(&[
        "--mode",
        "page-get",
        "--gateway",
        "http://127.0.0.1:8080/gateway.do",
    ]));
    assert!(
        get["output"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:8080/gateway.do?method=")
    );

    let post = json(&sign(&[
        "--biz-content",
        "{\"q\":\"\\\"<&>\"}",
        "--mode",
        "page-post",
    ]));
    let html = post["output"].as_str().unwrap();
    assert!(
        html.contains(
            r#"name="biz_content" value="{&quot;q&quot;:&quot;\&quot;&lt;&amp;&gt;&quot;}""#
        ),
        "{html}"
    );
}

#[test]
fn certificate_mode_and_encryption_add_their_parameters() {
    let app = data("alipay-certs/appCertPublicKey_2021001161683774.crt");
    let root = data("alipay-certs/alipayRootCert.crt");
    let out = json(&sign(&["--app-cert", &app, "--alipay-root-cert", &root]));
    assert_eq!(
        out["params"]["app_cert_sn"],
        "866efef280dec9137a87d047ac446315"
    );
    assert_eq!(
        out["params"]["alipay_root_cert_sn"],
        "687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6"
    );
    assert!(
        out["sign_content"]
            .as_str()
            .unwrap()
            .contains("&app_cert_sn=866efef280dec9137a87d047ac446315&")
    );

    let enc = json(&sign(&[
        "--biz-content",
        "{\"a\":1}",
        "--encrypt-key",
        "aa4BtZ4tspm2wnXLb1ThQA==",
    ]));
    assert_eq!(enc["params"]["encrypt_type"], "AES");
    assert_ne!(enc["params"]["biz_content"], "{\"a\":1}");
}

#[test]
fn usage_and_key_errors_exit_2() {
    let public = data("app_public_spki.pem");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["sign"], "required"),
        (vec!["--param", "novalue"], "NAME=VALUE"),
        (vec!["--charset", "latin1"], "charset"),
        (vec!["--sign-type", "SM2"], "SM2"),
        (vec!["--biz-content", "{oops"], "JSON"),
        (vec!["--param", "sign=x"], "sign"),
        (vec!["--encrypt-key", "xyz"], "AES"),
        (
            vec!["--gateway", "http://example.com/gateway.do"],
            "loopback",
        ),
    ];
    for (extra, expect) in cases {
        let o = if extra == ["sign"] {
            alipay(&extra, None)
        } else {
            sign(&extra)
        };
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(expect), "{extra:?}: {}", stderr(&o));
    }
    let mut args: Vec<&str> = BASE.to_vec();
    args.extend(["2024-01-02 12:05:06", "--private-key", public.as_str()]);
    let o = alipay(&args, None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("app private key: found a public key"),
        "{}",
        stderr(&o)
    );
    args.truncate(BASE.len());
    args.extend(["2024-1-2", "--private-key", "/nonexistent/key.pem"]);
    assert_eq!(alipay(&args, None).status.code(), Some(2));
}

fn gateway_key() -> GatewayPrivateKey {
    GatewayPrivateKey::from_text(
        &std::fs::read_to_string(data("gateway_private_pkcs8.pem")).unwrap(),
    )
    .unwrap()
}

#[test]
fn verify_response_exit_codes() {
    let method = "alipay.fund.coupon.order.disburse";
    let node = r#"{"code":"10000","msg":"Success","out_order_no":"o1","note":"{\"sign\":\"}"}"#;
    let body = sign_response(
        method,
        node,
        &gateway_key(),
        SignType::Rsa2,
        Charset::Utf8,
        None,
    )
    .unwrap();
    let public = data("gateway_public_spki.pem");
    let args = [
        "verify-response",
        "--method",
        method,
        "--alipay-public-key",
        public.as_str(),
    ];
    let ok = alipay(&args, Some(&body));
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert_eq!(String::from_utf8(ok.stdout).unwrap().trim_end(), node);

    let tampered = String::from_utf8(body.clone()).unwrap().replace("o1", "o2");
    let bad = alipay(&args, Some(tampered.as_bytes()));
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("o2"),
        "the checked string is shown: {}",
        stderr(&bad)
    );

    let unsigned = r#"{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"无效的AppID参数"}}"#;
    let e = alipay(&args, Some(unsigned.as_bytes()));
    assert_eq!(e.status.code(), Some(1));
    assert!(
        stderr(&e).contains("40002") && stderr(&e).contains("isv.invalid-app-id"),
        "{}",
        stderr(&e)
    );

    // Wrong key, then garbage: rejected, never a panic.
    let other = data("app_public_spki.pem");
    let o = alipay(
        &[
            "verify-response",
            "--method",
            method,
            "--alipay-public-key",
            &other,
        ],
        Some(&body),
    );
    assert_eq!(o.status.code(), Some(1));
    for junk in [&b""[..], b"\xff\xfe", b"{", b"[]", b"{\"sign\":1}"] {
        let o = alipay(&args, Some(junk));
        assert_eq!(o.status.code(), Some(1), "{junk:?}");
    }
    // A private key where Alipay's public key belongs.
    let private = data("gateway_private_pkcs8.pem");
    let o = alipay(
        &[
            "verify-response",
            "--method",
            method,
            "--alipay-public-key",
            &private,
        ],
        Some(&body),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn verify_notify_exit_codes() {
    let params = [
        ("app_id", "2021000000000001"),
        ("notify_type", "fund_coupon_order_changed"),
        ("memo", ""),
        ("title", "红包 100%"),
    ];
    let body = sign_notification(params, &gateway_key(), SignType::Rsa2, Charset::Utf8).unwrap();
    let public = data("gateway_public_spki.pem");
    let o = alipay(
        &["verify-notify", "--alipay-public-key", &public],
        Some(body.as_bytes()),
    );
    let v = json(&o);
    assert_eq!(v["title"], "红包 100%");
    assert_eq!(v["memo"], "");
    assert!(v.get("sign").is_none() && v.get("sign_type").is_none());

    let forged = body.replace("fund_coupon", "fund_xcoupon");
    let o = alipay(
        &["verify-notify", "--alipay-public-key", &public],
        Some(forged.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn cert_sn_known_answers() {
    let sn = |args: &[&str]| {
        let o = alipay(args, None);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        String::from_utf8(o.stdout).unwrap().trim().to_string()
    };
    assert_eq!(
        sn(&[
            "cert-sn",
            &data("alipay-certs/appCertPublicKey_2021001161683774.crt")
        ]),
        "866efef280dec9137a87d047ac446315"
    );
    assert_eq!(
        sn(&[
            "cert-sn",
            &data("alipay-certs/alipayCertPublicKey_RSA2.crt")
        ]),
        "7513daaaa48aa3ba2e4018d84402479c"
    );
    assert_eq!(
        sn(&[
            "cert-sn",
            "--root",
            &data("alipay-certs/alipayRootCert.crt")
        ]),
        "687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6"
    );
    for not_a_cert in [data("app_private_pkcs8.pem"), data("README.md")] {
        let o = alipay(&["cert-sn", &not_a_cert], None);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(!stderr(&o).is_empty());
    }
}

#[test]
fn keygen_writes_usable_keys_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("keys");
    let o = alipay(&["keygen", "--out", out.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let private = std::fs::read_to_string(out.join("app_private_key.pem")).unwrap();
    assert!(private.starts_with("-----BEGIN PRIVATE KEY-----"));
    let key = alipay_core::AppPrivateKey::from_text(&private).unwrap();
    assert_eq!(key.bits(), 2048);
    let bare = std::fs::read_to_string(out.join("app_private_key.txt")).unwrap();
    let public_bare = std::fs::read_to_string(out.join("app_public_key.txt")).unwrap();
    assert_eq!(
        alipay_core::AppPrivateKey::from_text(&bare)
            .unwrap()
            .public_key()
            .to_base64(),
        public_bare.trim()
    );
    assert!(
        std::fs::read_to_string(out.join("app_public_key.pem"))
            .unwrap()
            .starts_with("-----BEGIN PUBLIC KEY-----")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join("app_private_key.pem"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "private key readable by others");
    }
    let again = alipay(&["keygen", "--out", out.to_str().unwrap()], None);
    assert_ne!(again.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(out.join("app_private_key.pem")).unwrap(),
        private
    );
}

#[test]
fn validate_reports_every_violation_with_exit_codes() {
    let ok = alipay(
        &[
            "validate",
            "alipay.fund.coupon.operation.query",
            "--biz",
            r#"{"auth_no":"a","operation_id":"b"}"#,
        ],
        None,
    );
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&ok.stdout).trim(), "ok");

    let bad = alipay(
        &[
            "validate",
            "alipay.fund.coupon.order.disburse",
            "--biz",
            r#"{"out_order_no":"o","out_request_no":"r","order_title":"t","amount":"0.001","deduct_auth_no":"a","payee_user_id":"2088102138117431","pay_timeout":"10080m"}"#,
        ],
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    let out = String::from_utf8_lossy(&bad.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("amount: grammar ("), "{out}");
    assert!(lines[1].starts_with("pay_timeout: grammar ("), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("biz.json");
    std::fs::write(
        &file,
        r#"{"template_id":"t","out_biz_no":"b","user_id":"2088102138117431"}"#,
    )
    .unwrap();
    let o = alipay(
        &[
            "validate",
            "alipay.marketing.voucher.send",
            "--biz-file",
            file.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    for (args, why) in [
        (
            vec!["validate", "alipay.no.such.method", "--biz", "{}"],
            "unknown method",
        ),
        (
            vec![
                "validate",
                "alipay.fund.coupon.order.disburse",
                "--biz",
                "{oops",
            ],
            "malformed JSON",
        ),
        (
            vec![
                "validate",
                "alipay.fund.coupon.order.disburse",
                "--biz",
                "[1]",
            ],
            "not an object",
        ),
    ] {
        assert_eq!(alipay(&args, None).status.code(), Some(2), "{why}");
    }
}

#[test]
fn spec_list_and_show() {
    let o = alipay(&["spec", "list"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    // One line per compiled-in API.
    assert_eq!(out.lines().count(), alipay_apis::registry().len(), "{out}");
    assert!(
        out.contains("alipay.fund.coupon.order.app.pay           sdk_execute"),
        "{out}"
    );
    assert!(
        out.contains("alipay.system.oauth.token                  execute"),
        "{out}"
    );

    let o = alipay(&["spec", "show", "alipay.fund.coupon.order.disburse"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("one_of deduct: at least 1 of deduct_auth_no, deduct_out_order_no (wins: deduct_auth_no > deduct_out_order_no)"), "{out}");
    assert!(out.contains("MONEY_NOT_ENOUGH"), "{out}");
    // A spec naming a shared type (Participant) is shown with the shipped _types.toml.
    let o = alipay(&["spec", "show", "alipay.fund.trans.uni.transfer"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("payee_info"), "{out}");
    assert!(out.contains("PAYEE_USER_INFO_ERROR"), "{out}");

    // A spec naming shared types (GoodsDetail, TradeFundBill) shows with them.
    let o = alipay(&["spec", "show", "alipay.trade.refund"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("goods_detail"), "{out}");
    assert!(out.contains("ACQ.DISCORDANT_REPEAT_REQUEST"), "{out}");
    assert_eq!(
        alipay(&["spec", "show", "alipay.nope"], None).status.code(),
        Some(2)
    );
}

#[test]
fn demo_runs_the_red_packet_and_shop_stories_over_loopback() {
    let o = alipay(&["demo"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    for step in [
        "[1] agreement.pay  10.00",
        "sub_code=MONEY_NOT_ENOUGH",
        "[4] refund         3.00",
        "[5] query          demo-refund-1: REFUND 3.00 SUCCESS",
        "[6] notification   fund_stdtrustee_refund.success",
        "[7] scan",
        "[8] voucher.send",
        "[7] notification   fund_auth_freeze demo-freeze-1 20.00",
        "[9] app.pay",
        "paid it in the app (POST /cashier/app-pay)",
        "signed return verified: demo-page-1 SUCCESS",
        "[9] query          demo-app-1-1: FREEZE 6.66 SUCCESS",
        "[9] query          demo-page-1-1: FREEZE 8.88 SUCCESS",
        // The shop: every figure below was also compared with the sandbox by the demo itself.
        "[s1] precreate    shop_qr_1 88.88 -> QR code https://",
        "[s1] scan         alice@sandbox.test scanned it (POST /cashier/scan) -> TRADE_SUCCESS",
        "[s1] notification trade_status_sync shop_qr_1 TRADE_SUCCESS total 88.88 (verified; merchant checks passed",
        "[s1] ledger       alice@sandbox.test -88.88, merchant +88.88",
        "[s2] refund       20.00 of shop_qr_1 (out_request_no shop_qr_1_r1) -> refund_fee 20.00, fund_change Y",
        "[s2] refund.query shop_qr_1_r1: REFUND_SUCCESS 20.00",
        "[s2] notification trade_status_sync shop_qr_1 TRADE_SUCCESS total 88.88, refund_fee 20.00",
        "[s2] ledger       alice@sandbox.test +20.00 back",
        "[s3] new buyer    dave@example.com (2088000000000901) with 200.00, confirms payments on the phone",
        "[s3] trade.pay    shop_bar_1 36.00 -> 10003",
        "[s3] confirm      dave@example.com confirmed on the phone (POST /cashier/confirm)",
        "[s3] resolved     exactly once: Done, trade_no ",
        "[s3] notification trade_status_sync shop_bar_1 TRADE_SUCCESS total 36.00",
        "[s3] ledger       dave@example.com -36.00 once, merchant +36.00",
        "signed return verified: alipay.trade.page.pay.return shop_page_1 128.00",
        "[s4] notification trade_status_sync shop_page_1 TRADE_SUCCESS total 128.00",
        "[s4] ledger       13800000002 -128.00, merchant +128.00",
        "[s5] transfer     15.00 to carol@sandbox.test in certificate mode",
        "[s5] ledger       carol@sandbox.test +15.00, merchant -15.00",
        "5 rows (交易 +36.00, 交易 +88.88, 交易 +128.00, 转账 -15.00, 退款 -20.00)",
        "[s6] reconciled   the bill's 商家实收 sum +217.88 = the merchant's balance change in the ledger",
        "(POST /admin/rotate-alipay-cert)",
        "[s7] trans.query  shop_transfer_1: SUCCESS 15.00, answered under ",
        "  2088000000000901       dave@example.com           164.00",
        "total money conserved: ",
        "(200.00 minted for the shop's new buyer)",
    ] {
        assert!(out.contains(step), "missing {step:?} in\n{out}");
    }
    assert_eq!(
        out.matches("(verified, processed once per notify_id, answered success)")
            .count(),
        5,
        "{out}"
    );
    assert_eq!(
        out.matches("merchant checks passed: out_trade_no, total_amount, seller_id, app_id")
            .count(),
        4,
        "{out}"
    );
    // The rotation really changed the certificate the next answer was signed under.
    let sns: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("[s7] rotation"))
        .map(|l| l.split_whitespace().filter(|w| w.len() == 32).collect())
        .unwrap_or_default();
    assert_eq!(sns.len(), 2, "{out}");
    assert_ne!(sns[0], sns[1], "{out}");
    assert!(out.contains(&format!("answered under {}", sns[1])), "{out}");
}
