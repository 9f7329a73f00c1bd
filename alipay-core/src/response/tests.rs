use super::*;
use crate::gateway;
use crate::keys::GatewayPrivateKey;

const GATEWAY_PRIVATE: &str = include_str!("../../testdata/gateway_private_pkcs8.pem");
const GATEWAY_PUBLIC: &str = include_str!("../../testdata/gateway_public_spki.pem");
const WRONG_PUBLIC: &str = include_str!("../../testdata/app_public_spki.pem");
const AES_KEY: &str = "aa4BtZ4tspm2wnXLb1ThQA==";
const METHOD: &str = "alipay.trade.pay";
const SUCCESS: &str =
    r#"{"code":"10000","msg":"Success","trade_no":"2024010222001","total_amount":"88.88"}"#;

pub(super) fn signer() -> GatewayPrivateKey {
    GatewayPrivateKey::from_text(GATEWAY_PRIVATE).unwrap()
}

pub(super) fn alipay_key() -> AlipayPublicKey {
    AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap()
}

pub(super) fn check(key: &AlipayPublicKey) -> ResponseCheck<'_> {
    ResponseCheck {
        alipay_public_key: key,
        alipay_cert_sn: None,
        sign_type: SignType::Rsa2,
        charset: Charset::Utf8,
        encrypt_key: None,
    }
}

fn signed(node: &str) -> Vec<u8> {
    gateway::sign_response(METHOD, node, &signer(), SignType::Rsa2, Charset::Utf8, None).unwrap()
}

/// A body around `node_in_body` whose `sign` signs `signed_text` (to tamper or escape).
fn forged(node_in_body: &str, signed_text: &str, sign_type: SignType) -> Vec<u8> {
    let sign = signer().sign(sign_type, signed_text.as_bytes());
    format!(r#"{{"alipay_trade_pay_response":{node_in_body},"sign":"{sign}"}}"#).into_bytes()
}

fn signature_failure(r: Result<VerifiedResponse, Error>) -> SignatureError {
    match r {
        Err(Error::Signature(e)) => e,
        other => panic!("expected a signature error, got {other:?}"),
    }
}

// ---- extract ------------------------------------------------------------------------

#[test]
fn extract_handles_whitespace_and_newlines() {
    let body = "\r\n {\n\t\"alipay_trade_pay_response\" \n:\r\n {\"code\" : \"10000\"\n}\n ,\n\"sign\"\t:\t\"c2ln\" \n}\n\n";
    let env = extract(body, METHOD).unwrap();
    assert_eq!(env.node_name, "alipay_trade_pay_response");
    assert_eq!(env.node, "{\"code\" : \"10000\"\n}");
    assert_eq!(env.sign.as_deref(), Some("c2ln"));
    assert!(!env.encrypted);
    assert_eq!(env.alipay_cert_sn, None);
}

#[test]
fn extract_ignores_braces_and_sign_inside_strings() {
    let node = r#"{"code":"10000","msg":"}{ \"sign\":\"x\" }","n":{"a":[{"b":"]"}],"sign":"inner"},"alipay_trade_pay_response":"{"}"#;
    let body = format!(r#"{{"alipay_trade_pay_response":{node},"sign":"b3V0ZXI="}}"#);
    let env = extract(&body, METHOD).unwrap();
    assert_eq!(env.node, node);
    assert_eq!(env.sign.as_deref(), Some("b3V0ZXI="));
}

#[test]
fn extract_handles_escaped_quotes_and_backslash_runs() {
    // `\\` ends on an even run (the quote closes), `\\\"` on an odd one (it does not).
    let node = r#"{"a":"\\","b":"\\\"}","c":"\"","d":"\\\\"}"#;
    let body = format!(r#"{{"sign":"cw==","alipay_trade_pay_response":{node}}}"#);
    assert_eq!(extract(&body, METHOD).unwrap().node, node);
}

#[test]
fn extract_reads_cert_sn_and_sign_before_the_node() {
    let body = r#"{"sign":"YWJj\/ZA==","alipay_cert_sn":"f8d4b0e5a0c1","alipay_trade_pay_response":{"code":"10000"}}"#;
    let env = extract(body, METHOD).unwrap();
    assert_eq!(env.node, r#"{"code":"10000"}"#);
    // JSON-decoded: `\/` is `/`.
    assert_eq!(env.sign.as_deref(), Some("YWJj/ZA=="));
    assert_eq!(env.alipay_cert_sn.as_deref(), Some("f8d4b0e5a0c1"));
}

#[test]
fn extract_keeps_unicode_and_finds_encrypted_nodes() {
    let node = r#"{"subject":"测试订单 🧧 \u4e2d","x":"é"}"#;
    let body = format!(r#"{{"alipay_trade_pay_response":{node},"sign":""}}"#);
    let env = extract(&body, METHOD).unwrap();
    assert_eq!(env.node, node);
    assert_eq!(env.sign, None, "an empty sign is no sign");
    let env = extract(
        r#"{"alipay_trade_pay_response":"q+/Zz==","sign":"x"}"#,
        METHOD,
    )
    .unwrap();
    assert!(env.encrypted);
    assert_eq!(env.node, r#""q+/Zz==""#);
}

#[test]
fn extract_falls_back_to_error_response_and_prefers_the_method_node() {
    let body = r#"{"error_response":{"code":"40002"},"sign":"x"}"#;
    let env = extract(body, METHOD).unwrap();
    assert_eq!(
        (env.node_name, env.node),
        ("error_response", r#"{"code":"40002"}"#)
    );
    let body =
        r#"{"error_response":{"code":"40002"},"alipay_trade_pay_response":{"code":"10000"}}"#;
    assert_eq!(
        extract(body, METHOD).unwrap().node_name,
        "alipay_trade_pay_response"
    );
}

#[test]
fn extract_rejects_duplicate_nodes() {
    for body in [
        r#"{"alipay_trade_pay_response":{"code":"10000"},"alipay_trade_pay_response":{"code":"40004"},"sign":"x"}"#,
        r#"{"alipay_trade_pay_response":{},"alipay_trade_pay_\u0072esponse":{},"sign":"x"}"#,
        r#"{"alipay_trade_pay_response":{},"sign":"x","sign":"y"}"#,
    ] {
        let e = extract(body, METHOD).unwrap_err();
        assert!(
            matches!(&e.failure, SignatureFailure::Malformed(m) if m.contains("more than once")),
            "{e}"
        );
    }
}

#[test]
fn extract_rejects_malformed_bodies() {
    for body in [
        "",
        "   ",
        "[]",
        "\"alipay_trade_pay_response\"",
        "{}",
        r#"{"alipay_trade_query_response":{"code":"10000"},"sign":"x"}"#,
        r#"{"alipay_trade_pay_response":{"code":"10000"},"sign":"x"}garbage"#,
        r#"{"alipay_trade_pay_response":{"code":"10000"},"sign":"x"}}"#,
        r#"{"alipay_trade_pay_response":{"code":"10000"},"sign":"x"#,
        r#"{"alipay_trade_pay_response":{"code":"10000\"},"sign":"x"}"#,
        r#"{"alipay_trade_pay_response":{"code":["10000"}},"sign":"x"}"#,
        r#"{"alipay_trade_pay_response":{"code":"10000"},}"#,
        r#"{"alipay_trade_pay_response" {"code":"10000"}}"#,
        r#"{"alipay_trade_pay_response":{"code":10000,}}"#,
        r#"{"alipay_trade_pay_response":{"code":"\x"}}"#,
        r#"{"alipay_trade_pay_response":null,"sign":"x"}"#,
        r#"{"alipay_trade_pay_response":42}"#,
        r#"{"alipay_trade_pay_response":{},"sign":42}"#,
        r#"{"alipay_trade_pay_response":{},"sign":tru}"#,
        r#"{"alipay_trade_pay_response":{},"alipay_cert_sn":["x"]}"#,
        r#"{"alipay_trade_pay_\u0072esponse":{},"sign":"x"}"#,
        r#"{alipay_trade_pay_response:{}}"#,
        "{\"alipay_trade_pay_response\":{\"a\":\"raw\ttab\"}}",
    ] {
        let e = extract(body, METHOD).unwrap_err();
        assert!(
            matches!(e.failure, SignatureFailure::Malformed(_)),
            "{body}: {e}"
        );
    }
}

// ---- verify: signatures -------------------------------------------------------------

#[test]
fn signed_success_verifies_and_yields_the_exact_node() {
    let key = alipay_key();
    let r = verify(&signed(SUCCESS), METHOD, &check(&key)).unwrap();
    assert_eq!(
        r,
        VerifiedResponse {
            node_name: "alipay_trade_pay_response".into(),
            node: SUCCESS.into(),
            signed: true,
            encrypted: false,
        }
    );
    assert_eq!(r.into_result().unwrap(), SUCCESS);
}

#[test]
fn signed_error_response_verifies_and_is_a_verified_gateway_error() {
    let node = r#"{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"无效的AppID参数"}"#;
    let body =
        gateway::sign_error_response(node, &signer(), SignType::Rsa2, Charset::Utf8, None).unwrap();
    let key = alipay_key();
    let r = verify(&body, METHOD, &check(&key)).unwrap();
    assert_eq!(r.node_name, "error_response");
    match r.into_result() {
        Err(Error::Gateway(e)) => {
            assert!(e.verified);
            assert_eq!(e.code, "40002");
            assert_eq!(e.sub_code.as_deref(), Some("isv.invalid-app-id"));
            assert_eq!(e.sub_msg.as_deref(), Some("无效的AppID参数"));
            assert_eq!(e.body, node);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unsigned_error_response_is_an_unverified_gateway_error() {
    let body = br#"{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature","sub_msg":"bad"}}"#;
    let key = alipay_key();
    match verify(body, METHOD, &check(&key)) {
        Err(Error::Gateway(e)) => {
            assert!(!e.verified);
            assert_eq!(e.code, "40002");
            assert_eq!(e.sub_code.as_deref(), Some("isv.invalid-signature"));
            assert!(Error::Gateway(e).to_string().contains("[unsigned]"));
        }
        other => panic!("{other:?}"),
    }
    // An empty sign (seen on error_response) counts as no sign.
    let body = br#"{"error_response":{"code":"40001","msg":"Missing Required Arguments","sub_code":"isv.missing-app-id"},"sign":""}"#;
    assert!(matches!(verify(body, METHOD, &check(&key)), Err(Error::Gateway(e)) if !e.verified));
}

#[test]
fn unsigned_method_node_error_with_sub_code_is_an_unverified_error() {
    let body = r#"{"alipay_trade_pay_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}}"#;
    let key = alipay_key();
    match verify(body.as_bytes(), METHOD, &check(&key)) {
        Err(Error::Business(e)) => {
            assert!(!e.verified);
            assert_eq!(e.sub_code.as_deref(), Some("ACQ.TRADE_NOT_EXIST"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn success_without_sign_is_missing() {
    let key = alipay_key();
    for body in [
        format!(r#"{{"alipay_trade_pay_response":{SUCCESS}}}"#),
        format!(r#"{{"alipay_trade_pay_response":{SUCCESS},"sign":null}}"#),
        // An error node with an empty sub_code, or claiming success, is no error.
        r#"{"alipay_trade_pay_response":{"code":"40004","sub_code":""}}"#.to_string(),
        r#"{"error_response":{"code":"10000","msg":"Success"}}"#.to_string(),
        r#"{"alipay_trade_pay_response":"q+/Zz=="}"#.to_string(),
    ] {
        let e = signature_failure(verify(body.as_bytes(), METHOD, &check(&key)));
        assert_eq!(e.failure, SignatureFailure::Missing, "{body}");
        assert_eq!(e.key, Some(key.describe()));
    }
}

#[test]
fn sha1_signature_under_rsa2_is_wrong_algorithm() {
    let key = alipay_key();
    let body = forged(SUCCESS, SUCCESS, SignType::Rsa);
    let e = signature_failure(verify(&body, METHOD, &check(&key)));
    assert_eq!(
        e.failure,
        SignatureFailure::WrongAlgorithm {
            configured: "RSA2",
            found: "RSA (SHA-1)"
        }
    );
    assert_eq!(e.checked.as_deref(), Some(SUCCESS));
    // Also when the body escapes `/`.
    let plain = r#"{"code":"10000","msg":"Success","url":"https://example.com/a"}"#;
    let body = forged(&plain.replace('/', "\\/"), plain, SignType::Rsa);
    let e = signature_failure(verify(&body, METHOD, &check(&key)));
    assert!(matches!(e.failure, SignatureFailure::WrongAlgorithm { .. }));
}

#[test]
fn rsa_config_accepts_sha1_and_refuses_sha256() {
    let key = alipay_key();
    let rsa = ResponseCheck {
        sign_type: SignType::Rsa,
        ..check(&key)
    };
    let body = forged(SUCCESS, SUCCESS, SignType::Rsa);
    assert_eq!(verify(&body, METHOD, &rsa).unwrap().node, SUCCESS);
    let body = forged(SUCCESS, SUCCESS, SignType::Rsa2);
    assert_eq!(
        signature_failure(verify(&body, METHOD, &rsa)).failure,
        SignatureFailure::Mismatch
    );
}

#[test]
fn tampering_one_character_is_a_mismatch_naming_the_checked_text() {
    let key = alipay_key();
    let tampered = SUCCESS.replace("88.88", "88.89");
    let body = String::from_utf8(signed(SUCCESS))
        .unwrap()
        .replace("88.88", "88.89");
    let e = signature_failure(verify(body.as_bytes(), METHOD, &check(&key)));
    assert_eq!(e.failure, SignatureFailure::Mismatch);
    assert_eq!(e.checked.as_deref(), Some(tampered.as_str()));
    assert_eq!(e.key, Some(key.describe()));
    assert!(e.to_string().contains(&tampered));
}

#[test]
fn a_wrong_key_is_a_mismatch_naming_the_key() {
    let wrong = AlipayPublicKey::from_text(WRONG_PUBLIC).unwrap();
    let e = signature_failure(verify(&signed(SUCCESS), METHOD, &check(&wrong)));
    assert_eq!(e.failure, SignatureFailure::Mismatch);
    assert_eq!(e.key, Some(wrong.describe()));
    assert_ne!(wrong.describe(), alipay_key().describe());
}

#[test]
fn invalid_base64_sign_is_not_base64() {
    let key = alipay_key();
    let body = format!(r#"{{"alipay_trade_pay_response":{SUCCESS},"sign":"not base64!"}}"#);
    let e = signature_failure(verify(body.as_bytes(), METHOD, &check(&key)));
    assert_eq!(e.failure, SignatureFailure::NotBase64);
}

#[test]
fn escaped_slashes_are_retried_unescaped() {
    let key = alipay_key();
    let plain = r#"{"code":"10000","msg":"Success","url":"https://example.com/a/b"}"#;
    let escaped = plain.replace('/', "\\/");
    let r = verify(
        &forged(&escaped, plain, SignType::Rsa2),
        METHOD,
        &check(&key),
    )
    .unwrap();
    // The text that verified, which means the same JSON.
    assert_eq!(r.node, plain);
    let value = |s: &str| serde_json::from_str::<Value>(s).unwrap();
    assert_eq!(value(&r.node), value(&escaped));
}

#[test]
fn the_slash_retry_never_changes_what_the_json_means() {
    // Signed: "p":"a\/b" (the value a/b). Body: "p":"a\\/b" (the value a\/b). A plain
    // text replace of `\/` (the Java SDK's) would accept the altered value.
    let key = alipay_key();
    let signed_text = r#"{"code":"10000","msg":"Success","p":"a\/b"}"#;
    let in_body = r#"{"code":"10000","msg":"Success","p":"a\\/b"}"#;
    assert_eq!(in_body.replace("\\/", "/"), signed_text);
    let e = signature_failure(verify(
        &forged(in_body, signed_text, SignType::Rsa2),
        METHOD,
        &check(&key),
    ));
    assert_eq!(e.failure, SignatureFailure::Mismatch);
    assert_eq!(unescape_slashes(r#""\\\/""#).as_deref(), Some(r#""\\/""#));
}

// ---- verify: AES --------------------------------------------------------------------

fn encrypted_body(aes: &EncryptKey) -> Vec<u8> {
    gateway::sign_encrypted_response(
        METHOD,
        SUCCESS,
        aes,
        &signer(),
        SignType::Rsa2,
        Charset::Utf8,
        None,
    )
    .unwrap()
}

#[test]
fn aes_response_verifies_the_quoted_ciphertext_then_decrypts() {
    let aes = EncryptKey::from_base64(AES_KEY).unwrap();
    let body = encrypted_body(&aes);
    let text = String::from_utf8(body.clone()).unwrap();
    let env = extract(&text, METHOD).unwrap();
    assert!(env.encrypted && env.node.starts_with('"') && env.node.ends_with('"'));
    // The signature covers the quotes.
    let signature = B64.decode(env.sign.as_deref().unwrap()).unwrap();
    let key = alipay_key();
    assert!(key.verify(SignType::Rsa2, env.node.as_bytes(), &signature));
    assert!(!key.verify(
        SignType::Rsa2,
        env.node.trim_matches('"').as_bytes(),
        &signature
    ));

    let c = ResponseCheck {
        encrypt_key: Some(&aes),
        ..check(&key)
    };
    let r = verify(&body, METHOD, &c).unwrap();
    assert!(r.encrypted && r.signed);
    assert_eq!(r.node, SUCCESS);
    assert_eq!(r.into_result().unwrap(), SUCCESS);
}

#[test]
fn aes_with_a_wrong_or_missing_key_is_an_error() {
    let aes = EncryptKey::from_base64(AES_KEY).unwrap();
    let body = encrypted_body(&aes);
    let key = alipay_key();
    let other = EncryptKey::from_base64("AAAAAAAAAAAAAAAAAAAAAA==").unwrap();
    let c = ResponseCheck {
        encrypt_key: Some(&other),
        ..check(&key)
    };
    assert!(matches!(verify(&body, METHOD, &c), Err(Error::Response(_))));
    match verify(&body, METHOD, &check(&key)) {
        Err(Error::Response(m)) => assert!(m.contains("configure"), "{m}"),
        other => panic!("{other:?}"),
    }
    // Tampered ciphertext fails the signature before any decryption.
    let text = String::from_utf8(body).unwrap();
    let env = extract(&text, METHOD).unwrap();
    let flipped = if env.node.contains("\"A") {
        "\"B"
    } else {
        "\"A"
    };
    let tampered = text.replacen(&env.node[..2], flipped, 1);
    let c = ResponseCheck {
        encrypt_key: Some(&aes),
        ..check(&key)
    };
    let e = signature_failure(verify(tampered.as_bytes(), METHOD, &c));
    assert_eq!(e.failure, SignatureFailure::Mismatch);
}

#[test]
fn aes_configured_accepts_a_plain_object_reply() {
    // The gateway answers "could not decrypt" errors unencrypted.
    let aes = EncryptKey::from_base64(AES_KEY).unwrap();
    let node = r#"{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-encrypt","sub_msg":"解密异常"}"#;
    let key = alipay_key();
    let c = ResponseCheck {
        encrypt_key: Some(&aes),
        ..check(&key)
    };
    let r = verify(&signed(node), METHOD, &c).unwrap();
    assert!(!r.encrypted);
    assert!(matches!(r.into_result(), Err(Error::Gateway(e)) if e.verified));
}

// ---- verify: charset and certificate mode -------------------------------------------

#[test]
fn gbk_body_with_chinese_verifies_over_gbk_bytes() {
    // 乗 is 81 5C, 亄 81 7B, 亇 81 7D in GBK: a byte scanner would see `\`, `{` and `}`.
    let node = r#"{"code":"10000","msg":"Success","subject":"中文测试 乗亄亇","x":"乗"}"#;
    let body = gateway::sign_response(METHOD, node, &signer(), SignType::Rsa2, Charset::Gbk, None)
        .unwrap();
    assert!(body.windows(2).any(|w| w == [0x81, 0x5c]));
    let key = alipay_key();
    let gbk = ResponseCheck {
        charset: Charset::Gbk,
        ..check(&key)
    };
    let r = verify(&body, METHOD, &gbk).unwrap();
    assert_eq!(r.node, node);
    // The signature is over GBK bytes, not UTF-8.
    let text = Charset::Gbk.decode(&body).unwrap();
    let env = extract(&text, METHOD).unwrap();
    let signature = B64.decode(env.sign.as_deref().unwrap()).unwrap();
    assert!(!key.verify(SignType::Rsa2, node.as_bytes(), &signature));
    // Not valid UTF-8: under a UTF-8 call it is read as the GBK it is (the live gateway
    // answers some calls so) and verified over the same bytes.
    assert_eq!(verify(&body, METHOD, &check(&key)).unwrap().node, node);
}

#[test]
fn certificate_mode_checks_alipay_cert_sn() {
    let key = alipay_key();
    let sn = "0e45f1d7a6c2b8e4c0f2b1a3d5e7f901";
    let cert = ResponseCheck {
        alipay_cert_sn: Some(sn),
        ..check(&key)
    };
    let body = |cert_sn| {
        gateway::sign_response(
            METHOD,
            SUCCESS,
            &signer(),
            SignType::Rsa2,
            Charset::Utf8,
            cert_sn,
        )
        .unwrap()
    };
    assert_eq!(
        verify(&body(Some(sn)), METHOD, &cert).unwrap().node,
        SUCCESS
    );
    let e = signature_failure(verify(&body(Some("1111")), METHOD, &cert));
    assert_eq!(
        e.failure,
        SignatureFailure::CertSnMismatch {
            expected: sn.into(),
            found: "1111".into()
        }
    );
    let e = signature_failure(verify(&body(None), METHOD, &cert));
    assert_eq!(e.failure, SignatureFailure::CertSnMissing);
    // Public-key mode ignores it.
    assert!(verify(&body(Some("1111")), METHOD, &check(&key)).is_ok());
}

// ---- into_result --------------------------------------------------------------------

fn result_of(node: &str) -> Result<String, Error> {
    let key = alipay_key();
    verify(&signed(node), METHOD, &check(&key))
        .unwrap()
        .into_result()
}

#[test]
fn code_20000_and_10003_are_unknown_outcomes() {
    for node in [
        r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error"}"#,
        r#"{"code":"10003","msg":"业务处理中"}"#,
    ] {
        match result_of(node) {
            Err(e @ Error::UnknownOutcome(_)) => {
                assert_eq!(e.outcome(), crate::error::Outcome::Unknown);
                assert!(e.api_error().unwrap().verified);
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn code_40004_is_business() {
    let node = r#"{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}"#;
    match result_of(node) {
        Err(Error::Business(e)) => {
            assert_eq!(e.sub_code.as_deref(), Some("ACQ.TRADE_NOT_EXIST"));
            assert_eq!(e.body, node);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn other_codes_and_shapes() {
    assert!(matches!(
        result_of(r#"{"code":"20001","msg":"Insufficient Token Permissions","sub_code":"aop.invalid-app-auth-token"}"#),
        Err(Error::Gateway(e)) if e.code == "20001"
    ));
    // A sub_code turns even 10000 into a failure.
    assert!(matches!(
        result_of(r#"{"code":"10000","sub_code":"x"}"#),
        Err(Error::Gateway(_))
    ));
    // Numbers are tolerated.
    assert!(result_of(r#"{"code":10000,"msg":"Success"}"#).is_ok());
    assert!(
        matches!(result_of(r#"{"code":40004,"sub_code":"X"}"#), Err(Error::Business(e)) if e.code == "40004")
    );
    // No code and no sub_code: success, as in the official SDKs (oauth.token answers so).
    assert!(result_of(r#"{"access_token":"t","user_id":"2088"}"#).is_ok());
    assert!(result_of(r#"{"code":"","msg":"Success"}"#).is_ok());
    // No code but a sub_code: a failure.
    assert!(matches!(
        result_of(r#"{"sub_code":"isv.x","sub_msg":"y"}"#),
        Err(Error::Gateway(e)) if e.code.is_empty() && e.sub_code.as_deref() == Some("isv.x")
    ));
}

// ---- GBK answers to UTF-8 calls ---------------------------------------------------------

#[test]
fn a_gbk_error_answer_to_a_utf8_call_is_read_as_gbk_and_verified_over_its_bytes() {
    // What the live gateway was seen doing (smartwalle/alipay PR #257).
    let node = r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"aop.unknow-error","sub_msg":"系统繁忙"}"#;
    let body = gateway::sign_response(METHOD, node, &signer(), SignType::Rsa2, Charset::Gbk, None)
        .unwrap();
    assert!(std::str::from_utf8(&body).is_err(), "the body must be GBK");
    let key = alipay_key();
    let verified = verify(&body, METHOD, &check(&key)).unwrap();
    assert_eq!(verified.node, node);
    match verified.into_result() {
        Err(Error::UnknownOutcome(api)) => {
            assert_eq!(api.sub_msg.as_deref(), Some("系统繁忙"));
            assert!(api.verified);
        }
        other => panic!("expected 20000, got {other:?}"),
    }
    // Unsigned, it is still read right (an unverified gateway error).
    let unsigned = Charset::Gbk
        .encode(&format!(r#"{{"error_response":{node}}}"#))
        .unwrap()
        .into_owned();
    match verify(&unsigned, METHOD, &check(&key)) {
        Err(Error::UnknownOutcome(api)) => assert_eq!(api.sub_msg.as_deref(), Some("系统繁忙")),
        other => panic!("expected 20000, got {other:?}"),
    }
}

#[test]
fn a_gbk_body_with_an_altered_byte_still_fails_the_signature() {
    let node = r#"{"code":"10000","msg":"Success","title":"红包到账"}"#;
    let mut body =
        gateway::sign_response(METHOD, node, &signer(), SignType::Rsa2, Charset::Gbk, None)
            .unwrap();
    // 红 is BA EC in GBK; B A ED is 罕: still valid GBK, another text.
    let at = body.windows(2).position(|w| w == [0xba, 0xec]).unwrap();
    body[at + 1] = 0xed;
    let key = alipay_key();
    let e = signature_failure(verify(&body, METHOD, &check(&key)));
    assert_eq!(e.failure, SignatureFailure::Mismatch);
}

#[test]
fn bytes_that_are_neither_utf8_nor_round_tripping_gbk_are_refused() {
    let key = alipay_key();
    let body = b"{\"error_response\":{\"code\":\"20000\",\"sub_msg\":\"\xff\xff\"}}";
    assert!(matches!(
        verify(body, METHOD, &check(&key)),
        Err(Error::Response(_))
    ));
}
