//! Asynchronous notifications, verified over the raw
//! `application/x-www-form-urlencoded` body exactly as it was POSTed:
//!
//! 1. form-decode once (`+` is a space, `%XX` bytes in the notification's `charset`);
//! 2. drop `sign` and `sign_type`, keep every other parameter, empty values included;
//! 3. sort by name, join `name=value` with `&`, values raw;
//! 4. verify the charset bytes with the Alipay public key.
//!
//! When that fails and the body declares a `sign_type`, the content with `sign_type` kept is
//! tried too (the Java SDK's `rsaCheckV2`, used by message-style notifications).
//!
//! Only then are the decoded parameters handed out. Decoding twice (the Node SDK's
//! `checkNotifySign`) breaks values containing `%`; a parameter given twice is refused because
//! the verified value and the value the application reads could differ.

use std::collections::BTreeMap;

use base64::Engine;

use crate::charset::Charset;
use crate::error::{Error, SignatureError, SignatureFailure};
#[cfg(any(test, feature = "gateway"))]
use crate::keys::GatewayPrivateKey;
use crate::keys::{AlipayPublicKey, B64};
use crate::sign::{SignType, sign_content};

/// What a notification is checked against.
#[derive(Debug, Clone, Copy)]
pub struct NotifyCheck<'a> {
    /// Alipay's public key, which signs notifications.
    pub alipay_public_key: &'a AlipayPublicKey,
    /// The sign type the application is configured for. `Some`: a notification declaring
    /// another `sign_type` is refused. `None`: the notification's own `sign_type` decides
    /// (RSA2 when absent).
    pub sign_type: Option<SignType>,
    /// When set, a notification for another `app_id` is refused.
    pub app_id: Option<&'a str>,
}

/// A notification whose signature verified: its decoded parameters, `sign` and
/// `sign_type` removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    params: BTreeMap<String, String>,
}

impl Notification {
    /// The decoded value of `name`; empty values are present as `""`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// All parameters, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The decoded parameters, by name.
    pub fn into_params(self) -> BTreeMap<String, String> {
        self.params
    }

    /// `notify_id`: Alipay resends a notification with the same id until it gets
    /// [`crate::NOTIFY_ACK`]; use it to process each notification once.
    pub fn notify_id(&self) -> Option<&str> {
        self.get("notify_id")
    }

    /// `notify_type` (or `msg_method` for message-style notifications).
    pub fn notify_type(&self) -> Option<&str> {
        self.get("notify_type").or_else(|| self.get("msg_method"))
    }
}

/// Verifies a notification body as POSTed and returns its decoded parameters.
pub fn verify_notification(body: &[u8], check: &NotifyCheck) -> Result<Notification, Error> {
    let malformed = |why: String| SignatureError::new(SignatureFailure::Malformed(why));
    let declared_charset = declared_charset(body)?;
    // GBK bytes under `charset=utf-8` (seen from the live gateway, smartwalle/alipay PR #257):
    // the values are read as GBK, and the signature is checked over their GBK bytes, which
    // are the bytes received (a value that does not re-encode to them fails the check).
    let (charset, pairs) = match declared_charset.form_decode(body) {
        Ok(pairs) => (declared_charset, pairs),
        Err(e) if declared_charset == Charset::Utf8 => match Charset::Gbk.form_decode(body) {
            Ok(pairs) => (Charset::Gbk, pairs),
            Err(_) => return Err(e),
        },
        Err(e) => return Err(e),
    };
    let mut params = BTreeMap::new();
    for (name, value) in pairs {
        if params.contains_key(&name) {
            return Err(malformed(format!("parameter {name:?} appears more than once")).into());
        }
        params.insert(name, value);
    }
    let sign = match params.remove("sign") {
        Some(s) if !s.is_empty() => s,
        _ => return Err(SignatureError::new(SignatureFailure::Missing).into()),
    };
    let declared = params.remove("sign_type");
    let sign_type = match (declared.as_deref(), check.sign_type) {
        (None | Some(""), configured) => configured.unwrap_or_default(),
        (Some(found), configured) => {
            let found_type: SignType = found
                .parse()
                .map_err(|_| malformed(format!("unsupported sign_type {found:?}")))?;
            if let Some(c) = configured.filter(|c| *c != found_type) {
                return Err(SignatureError::new(SignatureFailure::SignTypeMismatch {
                    configured: c.as_str().into(),
                    found: found.into(),
                })
                .into());
            }
            found_type
        }
    };
    let content = sign_content(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let failed = |failure| SignatureError {
        failure,
        key: Some(check.alipay_public_key.describe()),
        checked: Some(content.clone()),
    };
    let signature = B64
        .decode(sign.trim())
        .map_err(|_| failed(SignatureFailure::NotBase64))?;
    let verifies = |text: &str| -> Result<bool, Error> {
        Ok(check
            .alipay_public_key
            .verify(sign_type, &charset.encode(text)?, &signature))
    };
    if !verifies(&content)? {
        // The Java SDK's rsaCheckV2 (and the Node SDK's fallback) keep `sign_type` in the
        // content, as some message-style notifications are signed. Same key, so no weaker.
        let v2 = declared.as_deref().filter(|d| !d.is_empty()).map(|d| {
            let mut with_type = params.clone();
            with_type.insert("sign_type".into(), d.into());
            sign_content(with_type.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        });
        if !v2.as_deref().map(verifies).transpose()?.unwrap_or(false) {
            return Err(failed(SignatureFailure::Mismatch).into());
        }
    }
    if let (Some(expected), Some(found)) = (check.app_id, params.get("app_id"))
        && expected != found
    {
        return Err(Error::invalid(format!(
            "notification is for app_id {found}, this application is {expected}; ignore it"
        )));
    }
    Ok(Notification { params })
}

/// The `charset` a notification declares about itself (ASCII, so readable before decoding).
fn declared_charset(body: &[u8]) -> Result<Charset, Error> {
    let declared = body
        .split(|&b| b == b'&')
        .find_map(|pair| pair.strip_prefix(b"charset="));
    match declared {
        None | Some(b"") => Ok(Charset::Utf8),
        Some(raw) => {
            let text = Charset::Utf8
                .form_decode(&[b"c=", raw].concat())?
                .pop()
                .map(|(_, v)| v)
                .unwrap_or_default();
            text.parse().map_err(|_| {
                SignatureError::new(SignatureFailure::Malformed(format!(
                    "notification declares unsupported charset {text:?}"
                )))
                .into()
            })
        }
    }
}

/// The gateway's side: signs a notification the way Alipay does and returns the form body to
/// POST. `sign_type` and `charset` are added; every other parameter, empty ones included, is
/// signed as given.
#[cfg(any(test, feature = "gateway"))]
pub fn sign_notification<K, V>(
    params: impl IntoIterator<Item = (K, V)>,
    key: &GatewayPrivateKey,
    sign_type: SignType,
    charset: Charset,
) -> Result<String, Error>
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut map = BTreeMap::new();
    for (k, v) in params {
        let (k, v) = (k.as_ref(), v.as_ref());
        if k == "sign" || k == "sign_type" {
            continue;
        }
        if map.insert(k.to_string(), v.to_string()).is_some() {
            return Err(Error::invalid(format!("parameter {k:?} given twice")));
        }
    }
    map.entry("charset".into())
        .or_insert_with(|| charset.as_str().into());
    let content = sign_content(map.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let sign = key.sign(sign_type, &charset.encode(&content)?);
    map.insert("sign".into(), sign);
    map.insert("sign_type".into(), sign_type.as_str().into());
    let mut body = String::new();
    for (k, v) in &map {
        if !body.is_empty() {
            body.push('&');
        }
        body.push_str(&charset.form_encode(k)?);
        body.push('=');
        body.push_str(&charset.form_encode(v)?);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GATEWAY_KEY: &str = include_str!("../../testdata/gateway_private_pkcs8.pem");
    const GATEWAY_PUBLIC: &str = include_str!("../../testdata/gateway_public_spki.pem");
    const OTHER_PUBLIC: &str = include_str!("../../testdata/app_public_spki.pem");

    fn sample() -> Vec<(&'static str, &'static str)> {
        vec![
            ("notify_id", "2024010200222120506001"),
            ("notify_type", "fund_coupon_order_changed"),
            ("app_id", "2021000000000001"),
            ("auth_app_id", "2021000000000001"),
            ("gmt_create", "2024-01-02 12:05:06"),
            ("out_order_no", "order 100% + done&x=1"),
            ("remark", ""),
            ("title", "红包到账"),
            (
                "fund_bill_list",
                r#"[{"amount":"88.88","fundChannel":"ALIPAYACCOUNT"}]"#,
            ),
            ("version", "1.0"),
        ]
    }

    fn check(key: &AlipayPublicKey) -> NotifyCheck<'_> {
        NotifyCheck {
            alipay_public_key: key,
            sign_type: Some(SignType::Rsa2),
            app_id: Some("2021000000000001"),
        }
    }

    #[test]
    fn gbk_bytes_under_charset_utf8_are_read_as_gbk_and_verified() {
        // The live gateway was seen sending GBK notifications that say charset=utf-8
        // (smartwalle/alipay PR #257): the body declares utf-8, its bytes and signature are GBK.
        let key = GatewayPrivateKey::from_text(GATEWAY_KEY).unwrap();
        let public = AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap();
        let mut params = sample();
        params.push(("charset", "utf-8"));
        let body = sign_notification(params, &key, SignType::Rsa2, Charset::Gbk).unwrap();
        assert!(
            body.contains("charset=utf-8") && body.contains("%BA%EC"),
            "{body}"
        );
        let n = verify_notification(body.as_bytes(), &check(&public)).unwrap();
        assert_eq!(n.get("title"), Some("红包到账"));
        // Altered, it fails like any notification.
        let forged = body.replace("%BA%EC", "%BA%ED");
        assert!(verify_notification(forged.as_bytes(), &check(&public)).is_err());
    }

    #[test]
    fn genuine_notifications_verify_and_decode_once() {
        let key = GatewayPrivateKey::from_text(GATEWAY_KEY).unwrap();
        let public = AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap();
        for charset in [Charset::Utf8, Charset::Gbk] {
            let body = sign_notification(sample(), &key, SignType::Rsa2, charset).unwrap();
            let n = verify_notification(body.as_bytes(), &check(&public)).unwrap();
            assert_eq!(n.get("out_order_no"), Some("order 100% + done&x=1"));
            assert_eq!(n.get("remark"), Some(""), "empty values are kept");
            assert_eq!(n.get("title"), Some("红包到账"));
            assert_eq!(n.get("sign"), None);
            assert_eq!(n.get("sign_type"), None);
            assert_eq!(n.notify_type(), Some("fund_coupon_order_changed"));
        }
    }

    #[test]
    fn forged_notifications_are_rejected() {
        let key = GatewayPrivateKey::from_text(GATEWAY_KEY).unwrap();
        let public = AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap();
        let body = sign_notification(sample(), &key, SignType::Rsa2, Charset::Utf8).unwrap();

        let tampered = body.replace("88.88", "99.99");
        let e = verify_notification(tampered.as_bytes(), &check(&public)).unwrap_err();
        let Error::Signature(s) = &e else {
            panic!("{e}")
        };
        assert_eq!(s.failure, SignatureFailure::Mismatch);
        assert!(s.checked.as_deref().unwrap().contains("99.99"));
        assert!(s.key.as_deref().unwrap().starts_with("Alipay public key"));

        let other = AlipayPublicKey::from_text(OTHER_PUBLIC).unwrap();
        assert!(verify_notification(body.as_bytes(), &check(&other)).is_err());

        let unsigned: String = body
            .split('&')
            .filter(|p| !p.starts_with("sign="))
            .collect::<Vec<_>>()
            .join("&");
        assert!(verify_notification(unsigned.as_bytes(), &check(&public)).is_err());

        let dup = format!("{body}&out_order_no=other");
        assert!(verify_notification(dup.as_bytes(), &check(&public)).is_err());

        // A notification for another application is refused even when genuine.
        let mut c = check(&public);
        c.app_id = Some("2021000000000002");
        assert!(verify_notification(body.as_bytes(), &c).is_err());

        // A SHA-1 notification while RSA2 is configured.
        let sha1 = sign_notification(sample(), &key, SignType::Rsa, Charset::Utf8).unwrap();
        assert!(verify_notification(sha1.as_bytes(), &check(&public)).is_err());
        let mut lenient = check(&public);
        lenient.sign_type = None;
        assert!(verify_notification(sha1.as_bytes(), &lenient).is_ok());
    }

    #[test]
    fn v2_notifications_with_sign_type_in_the_content_verify() {
        let key = GatewayPrivateKey::from_text(GATEWAY_KEY).unwrap();
        let public = AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap();
        let mut params: BTreeMap<String, String> = sample()
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        params.insert("charset".into(), "utf-8".into());
        params.insert("sign_type".into(), "RSA2".into());
        let content = sign_content(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let sign = key.sign(SignType::Rsa2, content.as_bytes());
        let body = params
            .iter()
            .chain([(&"sign".to_string(), &sign)])
            .map(|(k, v)| format!("{k}={}", Charset::Utf8.form_encode(v).unwrap()))
            .collect::<Vec<_>>()
            .join("&");
        assert!(verify_notification(body.as_bytes(), &check(&public)).is_ok());
        let tampered = body.replace("88.88", "98.88");
        assert!(verify_notification(tampered.as_bytes(), &check(&public)).is_err());
    }

    #[test]
    fn garbage_never_panics() {
        let public = AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap();
        for body in [
            &b""[..],
            b"&&&",
            b"sign=",
            b"sign=%%%",
            b"charset=koi8&sign=AAAA",
            b"a=%FF&sign=AAAA",
            b"=&=&sign=AAAA",
        ] {
            assert!(verify_notification(body, &check(&public)).is_err());
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn never_panics_on_arbitrary_bodies(body in proptest::collection::vec(any::<u8>(), 0..512)) {
                let public = AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap();
                let _ = verify_notification(&body, &check(&public));
            }

            #[test]
            fn signed_notifications_round_trip(
                params in proptest::collection::btree_map(
                    "[a-z_]{1,10}",
                    proptest::string::string_regex("[ -~\\u4e00-\\u4e2f红包]{0,30}").unwrap(),
                    0..10,
                ),
                gbk in any::<bool>(),
            ) {
                let key = GatewayPrivateKey::from_text(GATEWAY_KEY).unwrap();
                let public = AlipayPublicKey::from_text(GATEWAY_PUBLIC).unwrap();
                let charset = if gbk { Charset::Gbk } else { Charset::Utf8 };
                let mut params = params;
                params.remove("sign");
                params.remove("sign_type");
                params.insert("app_id".into(), "2021000000000001".into());
                params.remove("charset");
                let body = sign_notification(&params, &key, SignType::Rsa2, charset).unwrap();
                let n = verify_notification(body.as_bytes(), &check(&public)).unwrap();
                params.insert("charset".into(), charset.as_str().into());
                prop_assert_eq!(n.into_params(), params);
            }
        }
    }
}
