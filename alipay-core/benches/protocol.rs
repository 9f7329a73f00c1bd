//! One full request signing (parameter set, sign content, charset, RSA, base64) and one
//! response verification (extraction, RSA verify, parse), with ring (or aws-lc-rs under the
//! `aws-lc` feature); and the bare RSA2 operations with that backend and with the pure-Rust
//! `rsa` crate. Results: BENCHMARKS.md.

use alipay_core::Call;
use alipay_core::gateway::sign_response;
use alipay_core::protocol::RequestSigner;
use alipay_core::protocol::{ResponseCheck, verify_response as verify};
use alipay_core::{
    AlipayPublicKey, AppPrivateKey, Charset, GatewayPrivateKey, SignType, protocol::Timestamp,
};
use base64::Engine;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const APP_KEY: &str = include_str!("../testdata/app_private_pkcs8.pem");
const GATEWAY_KEY: &str = include_str!("../testdata/gateway_private_pkcs8.pem");
const GATEWAY_PUBLIC: &str = include_str!("../testdata/gateway_public_spki.pem");
const METHOD: &str = "alipay.fund.coupon.order.disburse";

fn call() -> Call {
    Call::new(METHOD)
        .biz_content(r#"{"out_order_no":"20240102120506001","out_request_no":"20240102120506001","order_title":"现金红包发放","amount":"88.88","payee_user_id":"2088102000000001","payer_user_id":"2088102000000002","pay_timeout":"30m","remark":"春节红包"}"#)
        .notify_url("https://merchant.example.com/alipay/notify")
        .timestamp(Timestamp::parse("2024-01-02 12:05:06").unwrap_or_else(|_| Timestamp::now()))
}

fn bench(c: &mut Criterion) {
    let key = AppPrivateKey::from_text(APP_KEY).expect("test key");
    let signer = RequestSigner::new("2021000000000001", key.clone());
    let call = call();

    c.bench_function(
        &format!("sign_request/{}", alipay_core::CRYPTO_BACKEND),
        |b| b.iter(|| black_box(signer.sign(black_box(&call)).expect("sign"))),
    );
    let content = signer.sign(&call).expect("sign").sign_content().to_string();
    c.bench_function(&format!("rsa2_sign/{}", alipay_core::CRYPTO_BACKEND), |b| {
        b.iter(|| black_box(key.sign(SignType::Rsa2, black_box(content.as_bytes()))))
    });
    c.bench_function("rsa2_sign/rsa-crate", |b| {
        b.iter(|| {
            black_box(key.sign_with_rustcrypto(SignType::Rsa2, black_box(content.as_bytes())))
        })
    });

    let gateway = GatewayPrivateKey::from_text(GATEWAY_KEY).expect("test key");
    let public = AlipayPublicKey::from_text(GATEWAY_PUBLIC).expect("test key");
    let node = r#"{"code":"10000","msg":"Success","out_order_no":"20240102120506001","order_no":"2024010211010000001","status":"SUCCESS","amount":"88.88","gmt_trans":"2024-01-02 12:05:07"}"#;
    let body =
        sign_response(METHOD, node, &gateway, SignType::Rsa2, Charset::Utf8, None).expect("sign");
    let check = ResponseCheck {
        alipay_public_key: &public,
        alipay_cert_sn: None,
        sign_type: SignType::Rsa2,
        charset: Charset::Utf8,
        encrypt_key: None,
    };
    c.bench_function(
        &format!("verify_response/{}", alipay_core::CRYPTO_BACKEND),
        |b| b.iter(|| black_box(verify(black_box(&body), METHOD, &check).expect("verify"))),
    );
    let sig = base64::engine::general_purpose::STANDARD
        .decode(gateway.sign(SignType::Rsa2, node.as_bytes()))
        .expect("b64");
    c.bench_function(
        &format!("rsa2_verify/{}", alipay_core::CRYPTO_BACKEND),
        |b| b.iter(|| black_box(public.verify(SignType::Rsa2, node.as_bytes(), black_box(&sig)))),
    );
    c.bench_function("rsa2_verify/rsa-crate", |b| {
        b.iter(|| {
            black_box(public.verify_with_rustcrypto(
                SignType::Rsa2,
                node.as_bytes(),
                black_box(&sig),
            ))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
