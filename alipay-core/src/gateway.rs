//! The gateway's side of the protocol: the signed bodies Alipay sends, produced with a
//! [`GatewayPrivateKey`]. Used by tests and by the local sandbox; a merchant never needs it.
//!
//! Responses are built the way the gateway builds them: the node's JSON text
//! is placed into the body verbatim and its charset bytes are signed, so what
//! [`crate::response::verify`] checks is exactly what was signed here.

use crate::aes::EncryptKey;
use crate::charset::Charset;
use crate::error::Error;
use crate::keys::GatewayPrivateKey;
use crate::response::{ERROR_RESPONSE, root_node_name};
use crate::sign::SignType;

/// Notifications are signed next to the rule that verifies them.
pub use crate::notify::sign_notification;

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/// A signed response of `method`:
/// `{"<method_underscored>_response":<node_json>[,"alipay_cert_sn":"…"],"sign":"…"}`, encoded
/// in `charset`, the signature covering the charset bytes of `node_json` exactly.
///
/// `node_json` must be one JSON object with no surrounding whitespace; it is not
/// re-serialised. `alipay_cert_sn` is the SN of the signing certificate in certificate mode.
pub fn sign_response(
    method: &str,
    node_json: &str,
    key: &GatewayPrivateKey,
    sign_type: SignType,
    charset: Charset,
    alipay_cert_sn: Option<&str>,
) -> Result<Vec<u8>, Error> {
    check_method(method)?;
    check_object(node_json)?;
    envelope(
        &root_node_name(method),
        node_json,
        key,
        sign_type,
        charset,
        alipay_cert_sn,
    )
}

/// A signed gateway-level refusal: like [`sign_response`], under `error_response`.
pub fn sign_error_response(
    node_json: &str,
    key: &GatewayPrivateKey,
    sign_type: SignType,
    charset: Charset,
    alipay_cert_sn: Option<&str>,
) -> Result<Vec<u8>, Error> {
    check_object(node_json)?;
    envelope(
        ERROR_RESPONSE,
        node_json,
        key,
        sign_type,
        charset,
        alipay_cert_sn,
    )
}

/// A signed AES-encrypted response: the node is the base64 ciphertext of
/// `plaintext_node_json` as a JSON string, and the signature covers it *with* its quotes
/// (encrypt, then sign).
pub fn sign_encrypted_response(
    method: &str,
    plaintext_node_json: &str,
    encrypt_key: &EncryptKey,
    key: &GatewayPrivateKey,
    sign_type: SignType,
    charset: Charset,
    alipay_cert_sn: Option<&str>,
) -> Result<Vec<u8>, Error> {
    check_method(method)?;
    check_object(plaintext_node_json)?;
    // Standard base64 needs no JSON escaping.
    let node = format!("\"{}\"", encrypt_key.encrypt(plaintext_node_json));
    envelope(
        &root_node_name(method),
        &node,
        key,
        sign_type,
        charset,
        alipay_cert_sn,
    )
}

/// Method names are dotted identifiers (`alipay.trade.pay`), so the node name needs no
/// escaping.
fn check_method(method: &str) -> Result<(), Error> {
    if !method.is_empty()
        && method
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
    {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "method {method:?} is not a dotted name like alipay.trade.pay"
        )))
    }
}

/// The node is signed as given, so it must be exactly one JSON object: surrounding
/// whitespace would be signed but not found by the verifier.
fn check_object(node_json: &str) -> Result<(), Error> {
    let shaped = node_json.starts_with('{') && node_json.ends_with('}');
    if shaped && serde_json::from_str::<serde::de::IgnoredAny>(node_json).is_ok() {
        Ok(())
    } else {
        Err(Error::invalid(
            "the response node must be exactly one JSON object, without surrounding whitespace",
        ))
    }
}

fn envelope(
    node_name: &str,
    node: &str,
    key: &GatewayPrivateKey,
    sign_type: SignType,
    charset: Charset,
    alipay_cert_sn: Option<&str>,
) -> Result<Vec<u8>, Error> {
    let sign = key.sign(sign_type, &charset.encode(node)?);
    let mut body = String::with_capacity(node.len() + sign.len() + node_name.len() + 64);
    body.push_str("{\"");
    body.push_str(node_name);
    body.push_str("\":");
    body.push_str(node);
    if let Some(sn) = alipay_cert_sn {
        let sn = serde_json::to_string(sn).map_err(|e| Error::invalid(e.to_string()))?;
        body.push_str(",\"alipay_cert_sn\":");
        body.push_str(&sn);
    }
    body.push_str(",\"sign\":\"");
    body.push_str(&sign);
    body.push_str("\"}");
    Ok(charset.encode(&body)?.into_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const GATEWAY_PRIVATE: &str = include_str!("../testdata/gateway_private_pkcs8.pem");

    fn key() -> GatewayPrivateKey {
        GatewayPrivateKey::from_text(GATEWAY_PRIVATE).unwrap()
    }

    #[test]
    fn gateway_response_shape() {
        let node = r#"{"code":"10000","msg":"Success"}"#;
        let body = sign_response(
            "alipay.trade.query",
            node,
            &key(),
            SignType::Rsa2,
            Charset::Utf8,
            Some("abc123"),
        )
        .unwrap();
        let body = String::from_utf8(body).unwrap();
        let sign = key().sign(SignType::Rsa2, node.as_bytes());
        assert_eq!(
            body,
            format!(
                r#"{{"alipay_trade_query_response":{node},"alipay_cert_sn":"abc123","sign":"{sign}"}}"#
            )
        );
        let body = sign_error_response(node, &key(), SignType::Rsa, Charset::Utf8, None).unwrap();
        assert!(body.starts_with(br#"{"error_response":{"code""#));
    }

    #[test]
    fn gateway_encrypted_node_is_a_quoted_ciphertext() {
        let aes = EncryptKey::from_base64("aa4BtZ4tspm2wnXLb1ThQA==").unwrap();
        let body = sign_encrypted_response(
            "alipay.trade.pay",
            r#"{"code":"10000","msg":"Success"}"#,
            &aes,
            &key(),
            SignType::Rsa2,
            Charset::Utf8,
            None,
        )
        .unwrap();
        let body = String::from_utf8(body).unwrap();
        assert!(
            body.starts_with(r#"{"alipay_trade_pay_response":""#),
            "{body}"
        );
    }

    #[test]
    fn gateway_refuses_what_it_cannot_sign_faithfully() {
        let k = key();
        let sign = |method: &str, node: &str, charset| {
            sign_response(method, node, &k, SignType::Rsa2, charset, None)
        };
        assert!(sign("alipay.trade.pay", r#" {"a":1}"#, Charset::Utf8).is_err());
        assert!(sign("alipay.trade.pay", r#"{"a":1}{}"#, Charset::Utf8).is_err());
        assert!(sign("alipay.trade.pay", r#""text""#, Charset::Utf8).is_err());
        assert!(sign("alipay\"x", r#"{"a":1}"#, Charset::Utf8).is_err());
        assert!(sign("", r#"{"a":1}"#, Charset::Utf8).is_err());
        assert!(sign("alipay.trade.pay", r#"{"a":"🧧"}"#, Charset::Gbk).is_err());
        let gbk = sign("alipay.trade.pay", r#"{"a":"中文"}"#, Charset::Gbk).unwrap();
        assert!(gbk.windows(4).any(|w| w == [0xd6, 0xd0, 0xce, 0xc4]));
    }
}
