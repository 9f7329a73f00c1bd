//! One gateway call: the parameter set, signing it, and the three ways it leaves the SDK: an
//! HTTP POST whose public parameters travel in the URL query and the rest in the form body
//! (the Node SDK's split), the order string an app hands to the Alipay app (`sdk_execute`),
//! and a browser GET URL or auto-submitting form (`page_execute`).

use std::fmt::Write as _;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

use crate::aes::EncryptKey;
use crate::charset::Charset;
use crate::error::Error;
use crate::html::escape as html_escape;
use crate::keys::AppPrivateKey;
use crate::sign::{Params, SignType};
use crate::timestamp::Timestamp;

/// Parameters that travel in the URL query; everything else goes in the form body
/// (the Node SDK's `formatUrl` list; the gateway merges both).
pub const QUERY_PARAMS: [&str; 15] = [
    "app_id",
    "method",
    "format",
    "charset",
    "sign_type",
    "sign",
    "timestamp",
    "version",
    "notify_url",
    "return_url",
    "auth_token",
    "app_auth_token",
    "app_cert_sn",
    "alipay_root_cert_sn",
    "ws_service_url",
];

/// Parameters the signer sets itself; a call may not supply them.
const RESERVED: [&str; 11] = [
    "app_id",
    "method",
    "charset",
    "sign_type",
    "timestamp",
    "version",
    "sign",
    "biz_content",
    "encrypt_type",
    "app_cert_sn",
    "alipay_root_cert_sn",
];

/// `encodeURIComponent`: everything but `A-Za-z0-9-_.!~*'()` is escaped (space as `%20`).
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// The certificate-mode parameters (`app_cert_sn`, `alipay_root_cert_sn`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertSns {
    /// The SN of the app's public-key certificate (`app_cert_sn`).
    pub app_cert_sn: String,
    /// The SN of Alipay's root certificate chain (`alipay_root_cert_sn`).
    pub alipay_root_cert_sn: String,
}

/// The application's signing identity: everything that is the same for every call.
#[derive(Debug, Clone)]
pub struct RequestSigner {
    app_id: String,
    key: AppPrivateKey,
    sign_type: SignType,
    charset: Charset,
    cert_sns: Option<CertSns>,
    encrypt_key: Option<EncryptKey>,
}

impl RequestSigner {
    /// A signer for `app_id` with RSA2 and UTF-8.
    pub fn new(app_id: impl Into<String>, key: AppPrivateKey) -> Self {
        RequestSigner {
            app_id: app_id.into(),
            key,
            sign_type: SignType::Rsa2,
            charset: Charset::Utf8,
            cert_sns: None,
            encrypt_key: None,
        }
    }

    /// RSA2 by default.
    pub fn sign_type(mut self, sign_type: SignType) -> Self {
        self.sign_type = sign_type;
        self
    }

    /// UTF-8 by default.
    pub fn charset(mut self, charset: Charset) -> Self {
        self.charset = charset;
        self
    }

    /// Certificate mode: send `app_cert_sn` and `alipay_root_cert_sn` with every call.
    pub fn cert_sns(mut self, sns: CertSns) -> Self {
        self.cert_sns = Some(sns);
        self
    }

    /// Encrypt `biz_content` with AES (`encrypt_type=AES`) before signing.
    pub fn encrypt_key(mut self, key: EncryptKey) -> Self {
        self.encrypt_key = Some(key);
        self
    }

    /// The `app_id` of every call.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// The configured sign type.
    pub(crate) fn get_sign_type(&self) -> SignType {
        self.sign_type
    }

    /// The configured charset.
    pub(crate) fn get_charset(&self) -> Charset {
        self.charset
    }

    /// The AES key, when content encryption is on.
    pub(crate) fn get_encrypt_key(&self) -> Option<&EncryptKey> {
        self.encrypt_key.as_ref()
    }

    /// Builds and signs the parameter set of `call`: exactly `app_id, method, charset,
    /// sign_type, timestamp, version`, `biz_content` when given (encrypted when an encrypt key
    /// is set, with `encrypt_type=AES`), the certificate SNs in certificate mode, and the
    /// call's own parameters. Empty values are dropped (neither signed nor sent).
    pub fn sign(&self, call: &Call) -> Result<SignedRequest, Error> {
        if self.app_id.trim().is_empty() {
            return Err(Error::invalid("app_id is empty"));
        }
        if call.method.is_empty() || !call.method.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::invalid(format!(
                "method {:?} is not an API name such as alipay.fund.coupon.order.disburse",
                call.method
            )));
        }
        let mut params = Params::new();
        for (name, value) in call.params.iter() {
            if RESERVED.contains(&name) {
                return Err(Error::invalid(format!(
                    "parameter {name} is set by the SDK and cannot be supplied by the call"
                )));
            }
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic() && b != b'=') {
                return Err(Error::invalid(format!("invalid parameter name {name:?}")));
            }
            params.set(name, value);
        }
        params.set("app_id", self.app_id.as_str());
        params.set("method", call.method.as_str());
        params.set("charset", self.charset.as_str());
        params.set("sign_type", self.sign_type.as_str());
        let timestamp = call.timestamp.clone().unwrap_or_else(Timestamp::now);
        params.set("timestamp", timestamp.as_str());
        params.set("version", crate::API_VERSION);
        if let Some(sns) = &self.cert_sns {
            params.set("app_cert_sn", sns.app_cert_sn.as_str());
            params.set("alipay_root_cert_sn", sns.alipay_root_cert_sn.as_str());
        }
        if let Some(biz) = call.biz_content.as_deref().filter(|b| !b.is_empty()) {
            if let Err(e) = serde_json::from_str::<&serde_json::value::RawValue>(biz) {
                return Err(Error::invalid(format!(
                    "biz_content is not valid JSON: {e}"
                )));
            }
            match &self.encrypt_key {
                Some(key) => {
                    params.set("biz_content", key.encrypt(biz));
                    params.set("encrypt_type", "AES");
                }
                None => params.set("biz_content", biz),
            }
        }
        let sign_content = params.sign_content();
        let sign = self
            .key
            .sign(self.sign_type, &self.charset.encode(&sign_content)?);
        params.set("sign", sign);
        Ok(SignedRequest {
            params,
            sign_content,
            charset: self.charset,
        })
    }
}

/// One call before signing.
#[derive(Debug, Clone, Default)]
pub struct Call {
    /// The API name, e.g. `alipay.fund.coupon.order.disburse`.
    pub method: String,
    /// The business parameters as JSON text, sent and signed exactly as given.
    pub biz_content: Option<String>,
    /// Other parameters: `notify_url`, `return_url`, `app_auth_token`, API-specific ones.
    pub params: Params,
    /// The `timestamp` to send; now (UTC+8) when `None`.
    pub timestamp: Option<Timestamp>,
}

impl Call {
    /// A call of `method` with no parameters yet.
    pub fn new(method: impl Into<String>) -> Self {
        Call {
            method: method.into(),
            ..Call::default()
        }
    }

    /// The business parameters as JSON text, sent and signed exactly as given.
    pub fn biz_content(mut self, json: impl Into<String>) -> Self {
        self.biz_content = Some(json.into());
        self
    }

    /// Any other parameter, sent and signed.
    pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.set(name, value);
        self
    }

    /// The `timestamp` to send instead of now (UTC+8).
    pub fn timestamp(mut self, timestamp: Timestamp) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// Where Alipay POSTs the asynchronous notifications of this call.
    pub fn notify_url(self, url: impl Into<String>) -> Self {
        self.param("notify_url", url)
    }

    /// Where the browser returns after a page call.
    pub fn return_url(self, url: impl Into<String>) -> Self {
        self.param("return_url", url)
    }

    /// Calls on behalf of a merchant who authorised this (ISV) application.
    pub fn app_auth_token(self, token: impl Into<String>) -> Self {
        self.param("app_auth_token", token)
    }

    /// Calls with a user's authorisation: the `access_token` of `alipay.system.oauth.token`
    /// (e.g. for `alipay.user.info.share`).
    pub fn auth_token(self, token: impl Into<String>) -> Self {
        self.param("auth_token", token)
    }
}

/// A signed parameter set, ready to leave in one of its three forms.
#[derive(Debug, Clone)]
pub struct SignedRequest {
    params: Params,
    sign_content: String,
    charset: Charset,
}

impl SignedRequest {
    /// Every parameter that is sent, `sign` included.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The exact text that was signed (before charset encoding).
    pub fn sign_content(&self) -> &str {
        &self.sign_content
    }

    /// The `sign` parameter.
    pub fn sign(&self) -> &str {
        self.params.get("sign").unwrap_or_default()
    }

    /// The `method` parameter.
    pub fn method(&self) -> &str {
        self.params.get("method").unwrap_or_default()
    }

    /// The charset of the bytes sent and signed.
    pub fn charset(&self) -> Charset {
        self.charset
    }

    /// The Node SDK's parameter order (its `sign()` insertion order), so order strings and
    /// page URLs are byte-identical with it: the common head, the call's own parameters,
    /// then certificate SNs, `encrypt_type`, `biz_content` and `sign`.
    fn node_order(&self) -> Vec<(&str, &str)> {
        const HEAD: [&str; 6] = [
            "method",
            "app_id",
            "charset",
            "version",
            "sign_type",
            "timestamp",
        ];
        const TAIL: [&str; 6] = [
            "app_cert_sn",
            "alipay_root_cert_sn",
            "ws_service_url",
            "encrypt_type",
            "biz_content",
            "sign",
        ];
        let pick = |names: &[&'static str]| -> Vec<(&str, &str)> {
            names
                .iter()
                .filter_map(|n| self.params.get(n).map(|v| (*n, v)))
                .collect()
        };
        let mut out = pick(&HEAD);
        out.extend(
            self.params
                .iter()
                .filter(|(k, _)| !HEAD.contains(k) && !TAIL.contains(k)),
        );
        out.extend(pick(&TAIL));
        out
    }

    /// The POST to the gateway: the URL query (the 15 public parameters the official Node SDK puts there) and the
    /// `application/x-www-form-urlencoded` body (the rest), both encoded in the charset.
    pub fn http_parts(&self) -> Result<(String, Vec<u8>), Error> {
        let (mut query, mut body) = (String::new(), String::new());
        for (k, v) in self.params.iter() {
            let target = if QUERY_PARAMS.contains(&k) {
                &mut query
            } else {
                &mut body
            };
            if !target.is_empty() {
                target.push('&');
            }
            target.push_str(k);
            target.push('=');
            target.push_str(&self.charset.form_encode(v)?);
        }
        Ok((query, body.into_bytes()))
    }

    /// `sdk_execute`: the order string an app hands to the Alipay app
    /// (`name=encodeURIComponent(value)` joined by `&`, in the Node SDK's order).
    pub fn sdk_order_string(&self) -> Result<String, Error> {
        let mut out = String::new();
        for (k, v) in self.node_order() {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            out.push_str(&self.uri_component(v)?);
        }
        Ok(out)
    }

    /// `page_execute` with GET: the URL to redirect the browser to.
    pub fn page_url(&self, gateway: &str) -> Result<String, Error> {
        let (query, rest) = self.split_for_page()?;
        let mut url = gateway.to_string();
        url.push(if gateway.contains('?') { '&' } else { '?' });
        url.push_str(&query);
        for (k, v) in rest {
            let _ = write!(url, "&{k}={}", self.uri_component(v)?);
        }
        Ok(url)
    }

    /// `page_execute` with POST: an HTML form that submits itself to the gateway. The query
    /// parameters go in `action`, the rest in hidden inputs; every attribute value is
    /// HTML-escaped (`&`, `<`, `>`, `"`, `'`), and `accept-charset` makes the browser post in
    /// the signed charset.
    pub fn page_form(&self, gateway: &str) -> Result<String, Error> {
        let (query, rest) = self.split_for_page()?;
        let sep = if gateway.contains('?') { '&' } else { '?' };
        let action = format!("{gateway}{sep}{query}");
        let mut html = format!(
            "<form id=\"alipaysubmit\" name=\"alipaysubmit\" action=\"{}\" method=\"POST\" accept-charset=\"{}\">\n",
            html_escape(&action),
            self.charset.as_str()
        );
        for (k, v) in rest {
            let _ = writeln!(
                html,
                "<input type=\"hidden\" name=\"{}\" value=\"{}\"/>",
                html_escape(k),
                html_escape(v)
            );
        }
        html.push_str("<input type=\"submit\" value=\"ok\" style=\"display:none;\"/>\n</form>\n");
        html.push_str("<script>document.forms['alipaysubmit'].submit();</script>");
        Ok(html)
    }

    /// The query part (form-encoded, like the Node SDK's `URLSearchParams`) and the other
    /// parameters, both in Node order.
    fn split_for_page(&self) -> Result<PageParts<'_>, Error> {
        let mut query = String::new();
        let mut rest = Vec::new();
        for (k, v) in self.node_order() {
            if QUERY_PARAMS.contains(&k) {
                if !query.is_empty() {
                    query.push('&');
                }
                query.push_str(k);
                query.push('=');
                query.push_str(&self.charset.form_encode(v)?);
            } else {
                rest.push((k, v));
            }
        }
        Ok((query, rest))
    }

    fn uri_component(&self, value: &str) -> Result<String, Error> {
        let bytes = self.charset.encode(value)?;
        Ok(percent_encoding::percent_encode(&bytes, URI_COMPONENT).to_string())
    }
}

/// A page call's URL query and its remaining parameters.
type PageParts<'a> = (String, Vec<(&'a str, &'a str)>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::tests::TEST_APP_PRIVATE_PKCS8;

    fn signer() -> RequestSigner {
        RequestSigner::new(
            "2021000000000001",
            AppPrivateKey::from_text(TEST_APP_PRIVATE_PKCS8).unwrap(),
        )
    }

    fn call() -> Call {
        Call::new("alipay.fund.coupon.order.app.pay")
            .biz_content(r#"{"out_order_no":"o1","amount":"8.88","order_title":"红包 A&B=1+1"}"#)
            .param("notify_url", "https://m.example.com/notify?a=1&b=2")
            .timestamp(Timestamp::parse("2024-01-02 12:05:06").unwrap())
    }

    #[test]
    fn signs_exactly_the_sent_parameters() {
        let req = signer().sign(&call()).unwrap();
        assert_eq!(
            req.sign_content(),
            r#"app_id=2021000000000001&biz_content={"out_order_no":"o1","amount":"8.88","order_title":"红包 A&B=1+1"}&charset=utf-8&method=alipay.fund.coupon.order.app.pay&notify_url=https://m.example.com/notify?a=1&b=2&sign_type=RSA2&timestamp=2024-01-02 12:05:06&version=1.0"#
        );
        let names: Vec<_> = req.params().iter().map(|(k, _)| k).collect();
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
        let public = AppPrivateKey::from_text(TEST_APP_PRIVATE_PKCS8)
            .unwrap()
            .public_key();
        let sig = base64::Engine::decode(&crate::keys::B64, req.sign()).unwrap();
        assert!(public.verify(SignType::Rsa2, req.sign_content().as_bytes(), &sig));
    }

    #[test]
    fn query_body_split_follows_the_node_sdk() {
        let req = signer().sign(&call()).unwrap();
        let (query, body) = req.http_parts().unwrap();
        assert!(query.starts_with("app_id=2021000000000001&charset=utf-8&method=alipay.fund.coupon.order.app.pay&notify_url=https%3A%2F%2Fm.example.com%2Fnotify%3Fa%3D1%26b%3D2&sign="));
        assert!(query.ends_with("&sign_type=RSA2&timestamp=2024-01-02+12%3A05%3A06&version=1.0"));
        let body = String::from_utf8(body).unwrap();
        assert!(body.starts_with("biz_content=%7B%22out_order_no%22"));
        assert!(body.contains("%E7%BA%A2%E5%8C%85+A%26B%3D1%2B1"));
        assert!(
            !body.contains('&'),
            "only biz_content goes in the body: {body}"
        );
    }

    #[test]
    fn gbk_signs_and_sends_gbk_bytes() {
        let s = signer().charset(Charset::Gbk);
        let req = s.sign(&call()).unwrap();
        let public = AppPrivateKey::from_text(TEST_APP_PRIVATE_PKCS8)
            .unwrap()
            .public_key();
        let sig = base64::Engine::decode(&crate::keys::B64, req.sign()).unwrap();
        let gbk = Charset::Gbk.encode(req.sign_content()).unwrap();
        assert!(public.verify(SignType::Rsa2, &gbk, &sig));
        assert!(!public.verify(SignType::Rsa2, req.sign_content().as_bytes(), &sig));
        let (_, body) = req.http_parts().unwrap();
        assert!(
            String::from_utf8(body).unwrap().contains("%BA%EC%B0%FC"),
            "红包 in GBK"
        );
    }

    #[test]
    fn encryption_signs_the_ciphertext() {
        let key = EncryptKey::from_base64("aa4BtZ4tspm2wnXLb1ThQA==").unwrap();
        let req = signer().encrypt_key(key.clone()).sign(&call()).unwrap();
        let ct = req.params().get("biz_content").unwrap();
        assert_eq!(key.decrypt(ct).unwrap(), call().biz_content.unwrap());
        assert!(req.sign_content().contains(&format!("biz_content={ct}&")));
        assert!(req.sign_content().contains("&encrypt_type=AES&"));
    }

    #[test]
    fn refuses_reserved_and_invalid_inputs() {
        let s = signer();
        assert!(s.sign(&call().param("sign", "x")).is_err());
        assert!(s.sign(&call().param("timestamp", "x")).is_err());
        assert!(s.sign(&call().biz_content("{not json")).is_err());
        assert!(s.sign(&Call::new("")).is_err());
        assert!(
            s.charset(Charset::Gbk)
                .sign(&call().biz_content(r#"{"t":"🧧"}"#))
                .is_err()
        );
        // Empty parameters are dropped, not sent.
        let req = signer().sign(&call().param("return_url", "")).unwrap();
        assert!(!req.params().contains("return_url"));
    }

    #[test]
    fn sdk_order_string_uses_node_order_and_uri_component() {
        let req = signer().sign(&call()).unwrap();
        let s = req.sdk_order_string().unwrap();
        assert!(s.starts_with("method=alipay.fund.coupon.order.app.pay&app_id=2021000000000001&charset=utf-8&version=1.0&sign_type=RSA2&timestamp=2024-01-02%2012%3A05%3A06&notify_url=https%3A%2F%2Fm.example.com%2Fnotify%3Fa%3D1%26b%3D2&biz_content=%7B%22out_order_no%22"), "{s}");
        assert!(s.contains("order_title%22%3A%22%E7%BA%A2%E5%8C%85%20A%26B%3D1%2B1%22%7D&sign="));
    }

    #[test]
    fn page_form_escapes_values() {
        let req = signer()
            .sign(&call().biz_content(r#"{"t":"<script>&amp;'x'</script>"}"#))
            .unwrap();
        let html = req.page_form(crate::PRODUCTION_GATEWAY).unwrap();
        assert!(html.contains(r#"value="{&quot;t&quot;:&quot;&lt;script&gt;&amp;amp;&#39;x&#39;&lt;/script&gt;&quot;}""#), "{html}");
        assert!(html.contains("action=\"https://openapi.alipay.com/gateway.do?method=alipay.fund.coupon.order.app.pay&amp;app_id="));
        assert!(!html.contains("<script>&"));
        let url = req.page_url(crate::PRODUCTION_GATEWAY).unwrap();
        assert!(url.starts_with("https://openapi.alipay.com/gateway.do?method=alipay.fund.coupon.order.app.pay&app_id=2021000000000001&charset=utf-8&version=1.0&sign_type=RSA2&timestamp=2024-01-02+12%3A05%3A06&notify_url="));
        assert!(url.contains(
            "&biz_content=%7B%22t%22%3A%22%3Cscript%3E%26amp%3B'x'%3C%2Fscript%3E%22%7D"
        ));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn value() -> impl Strategy<Value = String> {
            // Text GBK can carry: ASCII with the characters that matter, and Chinese.
            proptest::string::string_regex("[ -~\\u4e00-\\u4e2f红包現金]{0,40}").unwrap()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn sign_verify_round_trip(
                params in proptest::collection::btree_map("[a-z_]{1,12}", value(), 0..8),
                biz in value(),
                gbk in any::<bool>(),
                rsa2 in any::<bool>(),
            ) {
                let charset = if gbk { Charset::Gbk } else { Charset::Utf8 };
                let sign_type = if rsa2 { SignType::Rsa2 } else { SignType::Rsa };
                let s = signer().charset(charset).sign_type(sign_type);
                let mut call = Call::new("alipay.fund.coupon.order.disburse")
                    .biz_content(serde_json::json!({ "v": biz }).to_string());
                for (k, v) in &params {
                    if !RESERVED.contains(&k.as_str()) {
                        call = call.param(k.as_str(), v.as_str());
                    }
                }
                let req = s.sign(&call).unwrap();
                // Every sent parameter but sign is in the content, sorted, raw; none is empty.
                let expected = req.params().iter().filter(|(k, _)| *k != "sign")
                    .map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
                prop_assert_eq!(req.sign_content(), expected.as_str());
                prop_assert!(req.params().iter().all(|(_, v)| !v.is_empty()));
                let public = AppPrivateKey::from_text(TEST_APP_PRIVATE_PKCS8).unwrap().public_key();
                let sig = base64::Engine::decode(&crate::keys::B64, req.sign()).unwrap();
                let bytes = charset.encode(req.sign_content()).unwrap();
                prop_assert!(public.verify(sign_type, &bytes, &sig));
                // What is sent decodes back to exactly what was signed.
                let (query, body) = req.http_parts().unwrap();
                let mut sent = charset.form_decode(query.as_bytes()).unwrap();
                sent.extend(charset.form_decode(&body).unwrap());
                sent.sort();
                let signed: Vec<(String, String)> = req.params().iter()
                    .map(|(k, v)| (k.to_string(), v.to_string())).collect();
                prop_assert_eq!(sent, signed);
            }
        }
    }
}
