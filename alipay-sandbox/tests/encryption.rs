//! AES content encryption and GBK against the sandbox gateway, over real HTTP: the sandbox
//! verifies the signature over the ciphertext, decrypts, and answers encrypted; GBK requests
//! are decoded and answered in GBK.

use alipay_apis::amount;
use alipay_apis::fund::CouponOrderAgreementPayRequest;
use alipay_core::AlipayClient;
use alipay_core::Call;
use alipay_core::EncryptKey;
use alipay_core::protocol::HttpTransport;
use alipay_core::protocol::RequestSigner;
use alipay_core::{
    AlipayPublicKey, AppPrivateKey, AppPublicKey, Charset, Error, GatewayPrivateKey,
};
use alipay_core::{Gateway, TransportConfig};
use alipay_sandbox::DEMO_MERCHANT;
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
const APP_ID: &str = "2021000000000001";
const AES_KEY: &str = "aa4BtZ4tspm2wnXLb1ThQA==";
const PAY: &str = "alipay.fund.coupon.order.agreement.pay";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{TESTDATA}/{name}")).unwrap()
}

async fn sandbox(with_key: bool) -> Sandbox {
    let mut config = SandboxConfig::new(
        APP_ID,
        AppPublicKey::from_text(&read("app_public_spki.pem")).unwrap(),
        GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
    );
    if with_key {
        config.encrypt_keys = vec![(APP_ID.into(), EncryptKey::from_base64(AES_KEY).unwrap())];
    }
    start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap()
}

fn app_key() -> AppPrivateKey {
    AppPrivateKey::from_text(&read("app_private_pkcs1.pem")).unwrap()
}

fn client(sb: &Sandbox, charset: Charset, aes: bool) -> AlipayClient {
    let mut b = AlipayClient::builder(
        APP_ID,
        app_key(),
        AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
    )
    .gateway(Gateway::new(&sb.gateway_url).unwrap())
    .charset(charset);
    if aes {
        b = b.encrypt_key(EncryptKey::from_base64(AES_KEY).unwrap());
    }
    b.build().unwrap()
}

fn pay(order: &str) -> CouponOrderAgreementPayRequest {
    CouponOrderAgreementPayRequest::builder()
        .out_order_no(order)
        .out_request_no(format!("{order}-1"))
        .order_title("新年红包·恭喜发财")
        .amount(amount!("8.88"))
        .build()
}

/// The raw body the sandbox answers to a signed request.
async fn raw(sb: &Sandbox, charset: Charset, aes: bool, biz: &str) -> String {
    let mut signer = RequestSigner::new(APP_ID, app_key()).charset(charset);
    if aes {
        signer = signer.encrypt_key(EncryptKey::from_base64(AES_KEY).unwrap());
    }
    let signed = signer.sign(&Call::new(PAY).biz_content(biz)).unwrap();
    let (query, body) = signed.http_parts().unwrap();
    let transport = HttpTransport::new(TransportConfig::default()).unwrap();
    let answer = transport
        .post_form(
            &Gateway::new(&sb.gateway_url).unwrap(),
            &query,
            body,
            charset,
        )
        .await
        .unwrap();
    charset.decode(&answer.body).unwrap().into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_encrypted_call_is_decrypted_applied_and_answered_encrypted() {
    let sb = sandbox(true).await;
    let before = sb.with_ledger(|l| l.balance(DEMO_MERCHANT)).unwrap();
    let paid = client(&sb, Charset::Utf8, true)
        .execute(&pay("AES-1"))
        .await
        .unwrap();
    assert_eq!(paid.amount, Some(amount!("8.88")));
    let auth_no = paid.auth_no.unwrap();
    sb.with_ledger(|l| {
        assert_eq!(l.balance(DEMO_MERCHANT), Some(before - 888));
        assert_eq!(
            l.red_packet(&auth_no).unwrap().order_title,
            "新年红包·恭喜发财"
        );
    });

    // On the wire the node is a quoted ciphertext, not JSON.
    let body = raw(
        &sb,
        Charset::Utf8,
        true,
        r#"{"out_order_no":"AES-2","out_request_no":"AES-2-1","order_title":"t","amount":"1.00"}"#,
    )
    .await;
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    let node = value[format!("{}_response", PAY.replace('.', "_"))]
        .as_str()
        .unwrap_or_else(|| panic!("not encrypted: {body}"));
    let plain = EncryptKey::from_base64(AES_KEY)
        .unwrap()
        .decrypt(node)
        .unwrap();
    assert!(plain.contains(r#""code":"10000""#), "{plain}");
}

#[tokio::test(flavor = "multi_thread")]
async fn encryption_refusals_use_the_public_codes() {
    // No key registered for the app.
    let sb = sandbox(false).await;
    let e = client(&sb, Charset::Utf8, true)
        .execute(&pay("AES-3"))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Gateway(a) if a.sub_code.as_deref() == Some("isv.decryption-error-not-valid-encrypt-key")),
        "{e}"
    );
    // A ciphertext made with another key does not decrypt.
    let sb = sandbox(true).await;
    let mut signer = RequestSigner::new(APP_ID, app_key())
        .encrypt_key(EncryptKey::from_base64("bb4BtZ4tspm2wnXLb1ThQA==").unwrap());
    signer = signer.charset(Charset::Utf8);
    let signed = signer
        .sign(&Call::new(PAY).biz_content(r#"{"out_order_no":"X"}"#))
        .unwrap();
    let (query, body) = signed.http_parts().unwrap();
    let answer = HttpTransport::new(TransportConfig::default())
        .unwrap()
        .post_form(
            &Gateway::new(&sb.gateway_url).unwrap(),
            &query,
            body,
            Charset::Utf8,
        )
        .await
        .unwrap();
    let text = String::from_utf8(answer.body.to_vec()).unwrap();
    assert!(
        text.contains("isv.invalid-encrypt") || text.contains("isv.invalid-parameter"),
        "{text}"
    );
    assert_eq!(sb.with_ledger(|l| l.red_packets().count()), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn gbk_requests_are_decoded_and_answered_in_gbk() {
    let sb = sandbox(true).await;
    let paid = client(&sb, Charset::Gbk, false)
        .execute(&pay("GBK-1"))
        .await
        .unwrap();
    let auth_no = paid.auth_no.unwrap();
    assert_eq!(
        sb.with_ledger(|l| l.red_packet(&auth_no).unwrap().order_title.clone()),
        "新年红包·恭喜发财"
    );
    // GBK and AES together.
    let paid = client(&sb, Charset::Gbk, true)
        .execute(&pay("GBK-2"))
        .await
        .unwrap();
    assert_eq!(paid.amount, Some(amount!("8.88")));
    // The raw answer is GBK bytes that decode to the Chinese sub_msg of a refusal.
    let body = raw(
        &sb,
        Charset::Gbk,
        false,
        r#"{"out_order_no":"GBK-1","out_request_no":"GBK-1-1","order_title":"不同的内容","amount":"8.88"}"#,
    )
    .await;
    assert!(body.contains("UNIQUE_VIOLATION"), "{body}");
}
