//! Responses: find the signed text in the raw body, verify
//! it, decrypt it, and sort the gateway's verdict into success or an [`Error`].
//!
//! The signed text is *exactly* the characters of the response node's value as they appear in
//! the body (the Java SDK's `getSignSourceData`), never a re-serialisation. [`extract`] finds it
//! with a real scan of the top-level JSON object (string-aware, escapes by backslash parity,
//! nested braces and brackets), which is strict where the Java SDK is lenient: a duplicated
//! member, trailing garbage or an unterminated string is refused instead of guessed at.
//!
//! [`verify`] then applies the Java SDK's rule of when to verify (its `checkResponseSign`, described
//! in `docs/protocol.md`, "Responses: extraction and verification"): a body with a
//! `sign` is always verified, with exactly the configured hash; a body without one is only
//! accepted as an *unverified gateway error*, never as a success.

use std::borrow::Cow;

use base64::Engine;
use serde::de::IgnoredAny;
use serde_json::Value;

use crate::aes::EncryptKey;
use crate::charset::Charset;
use crate::error::{ApiError, Error, SignatureError, SignatureFailure};
use crate::keys::{AlipayPublicKey, B64};
use crate::sign::SignType;

/// The node the gateway answers in when it refuses a call before reaching the API.
pub const ERROR_RESPONSE: &str = "error_response";

/// The response node of `method`: `alipay.trade.pay` → `alipay_trade_pay_response`.
pub fn root_node_name(method: &str) -> String {
    format!("{}_response", method.replace('.', "_"))
}

/// The parts of a response body that verification needs, borrowed from the decoded body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope<'a> {
    /// `<method>_response`, or `error_response` when the method's node is absent.
    pub node_name: &'a str,
    /// The signed text: the node's value exactly as in the body; an object from `{` to the
    /// matching `}`, or, for an AES-encrypted node, the string *including* its quotes.
    pub node: &'a str,
    /// Whether the node is a string (AES ciphertext) rather than an object.
    pub encrypted: bool,
    /// The top-level `sign`, JSON-decoded (`\/` becomes `/`). `None` when absent, `null` or
    /// empty (an empty `sign` signs nothing, as in the Java SDK).
    pub sign: Option<String>,
    /// The top-level `alipay_cert_sn` (certificate mode), JSON-decoded; `None` when absent,
    /// `null` or empty.
    pub alipay_cert_sn: Option<String>,
}

fn malformed(why: impl Into<String>) -> SignatureError {
    SignatureError::new(SignatureFailure::Malformed(why.into()))
}

/// One member of the top-level object.
struct Member<'a> {
    /// The name as written between the quotes.
    raw_name: &'a str,
    /// The name JSON-decoded (equal to `raw_name` unless it contains escapes).
    name: Cow<'a, str>,
    /// The exact text of the value.
    value: &'a str,
}

/// A cursor over the decoded body. Structural characters are ASCII, so scanning the UTF-8
/// bytes of a `&str` is exact: no byte of a multi-byte character can look like `"`, `\`,
/// `{` or `}` (which is also why a GBK body is decoded before it is scanned).
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), SignatureError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(what))
        }
    }

    fn unexpected(&self, what: &str) -> SignatureError {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => malformed(format!("expected {what} at byte {}, found {c:?}", self.pos)),
            None => malformed(format!("expected {what}, found the end of the body")),
        }
    }

    fn slice(&self, start: usize) -> Result<&'a str, SignatureError> {
        self.text
            .get(start..self.pos)
            .ok_or_else(|| malformed("internal scanner error"))
    }

    /// A string starting at the current `"`; returns it with its quotes. A `\` escapes the
    /// next character, so a quote ends the string exactly when preceded by an even run of
    /// backslashes.
    fn string(&mut self) -> Result<&'a str, SignatureError> {
        let start = self.pos;
        self.expect(b'"', "'\"'")?;
        loop {
            match self.peek() {
                None => return Err(malformed(format!("unterminated string at byte {start}"))),
                Some(b'"') => {
                    self.pos += 1;
                    return self.slice(start);
                }
                Some(b'\\') => self.pos += 2,
                Some(_) => self.pos += 1,
            }
        }
    }

    /// An object or array starting at the current `{` or `[`, to its matching closer.
    /// Iterative, so deep nesting cannot overflow the stack.
    fn compound(&mut self) -> Result<&'a str, SignatureError> {
        let start = self.pos;
        let mut closers = Vec::new();
        loop {
            match self.peek() {
                None => {
                    return Err(malformed(format!(
                        "unterminated object or array starting at byte {start}"
                    )));
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'{') => {
                    closers.push(b'}');
                    self.pos += 1;
                }
                Some(b'[') => {
                    closers.push(b']');
                    self.pos += 1;
                }
                Some(c @ (b'}' | b']')) => {
                    if closers.pop() != Some(c) {
                        return Err(malformed(format!(
                            "unbalanced {:?} at byte {}",
                            c as char, self.pos
                        )));
                    }
                    self.pos += 1;
                    if closers.is_empty() {
                        return self.slice(start);
                    }
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Any JSON value; its exact text. Only its extent is found here; its grammar is checked
    /// by the caller.
    fn value(&mut self) -> Result<&'a str, SignatureError> {
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'{' | b'[') => self.compound(),
            _ => {
                let start = self.pos;
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.pos += 1;
                }
                if self.pos == start {
                    return Err(self.unexpected("a value"));
                }
                self.slice(start)
            }
        }
    }
}

/// The members of the top-level object, each value checked to be valid JSON.
fn top_level_members(body: &str) -> Result<Vec<Member<'_>>, SignatureError> {
    let mut sc = Scanner { text: body, pos: 0 };
    sc.skip_ws();
    if sc.peek() != Some(b'{') {
        return Err(malformed("the body is not a JSON object"));
    }
    sc.pos += 1;
    sc.skip_ws();
    let mut members = Vec::new();
    if sc.peek() == Some(b'}') {
        sc.pos += 1;
    } else {
        loop {
            sc.skip_ws();
            if sc.peek() != Some(b'"') {
                return Err(sc.unexpected("a member name"));
            }
            let quoted = sc.string()?;
            let raw_name = quoted.get(1..quoted.len() - 1).unwrap_or_default();
            let name = if raw_name.bytes().any(|b| b == b'\\' || b < 0x20) {
                Cow::Owned(
                    serde_json::from_str::<String>(quoted)
                        .map_err(|e| malformed(format!("member name {quoted}: {e}")))?,
                )
            } else {
                Cow::Borrowed(raw_name)
            };
            sc.skip_ws();
            sc.expect(b':', "':'")?;
            sc.skip_ws();
            let value = sc.value()?;
            serde_json::from_str::<IgnoredAny>(value)
                .map_err(|e| malformed(format!("the value of {name:?} is not valid JSON: {e}")))?;
            if members.iter().any(|m: &Member<'_>| m.name == name) {
                return Err(malformed(format!(
                    "the member {name:?} appears more than once (检测到响应报文中有重复的{name})"
                )));
            }
            members.push(Member {
                raw_name,
                name,
                value,
            });
            sc.skip_ws();
            match sc.peek() {
                Some(b',') => sc.pos += 1,
                Some(b'}') => {
                    sc.pos += 1;
                    break;
                }
                _ => return Err(sc.unexpected("',' or '}'")),
            }
        }
    }
    sc.skip_ws();
    if sc.pos != body.len() {
        return Err(sc.unexpected("the end of the body after the top-level object"));
    }
    Ok(members)
}

/// A top-level string member: decoded; `None` when absent, `null` or empty.
fn string_member(members: &[Member<'_>], name: &str) -> Result<Option<String>, SignatureError> {
    let Some(m) = members.iter().find(|m| m.name == name) else {
        return Ok(None);
    };
    let decoded = serde_json::from_str::<Option<String>>(m.value)
        .map_err(|_| malformed(format!("\"{name}\" is not a string")))?;
    Ok(decoded.filter(|s| !s.is_empty()))
}

/// Finds the response node of `method` in `body`, its exact text (what the gateway signed),
/// and the top-level `sign` and `alipay_cert_sn`.
///
/// The node is `<method with '.'→'_'>_response`, or `error_response` when that is absent
/// (the method's node wins when both are present, as in the Java SDK). Everything else about
/// the body must be well-formed JSON: a body that is not one object, a member that appears
/// twice, trailing characters or an unterminated string are [`SignatureFailure::Malformed`].
pub fn extract<'a>(body: &'a str, method: &str) -> Result<Envelope<'a>, SignatureError> {
    let members = top_level_members(body)?;
    let root = root_node_name(method);
    let node = members
        .iter()
        .find(|m| m.name == root)
        .or_else(|| members.iter().find(|m| m.name == ERROR_RESPONSE))
        .ok_or_else(|| {
            let names: Vec<&str> = members.iter().map(|m| m.name.as_ref()).collect();
            malformed(format!(
                "neither \"{root}\" nor \"{ERROR_RESPONSE}\" is present (members: {}); was the \
                 response of another method passed?",
                names.join(", ")
            ))
        })?;
    if node.raw_name != node.name {
        return Err(malformed(format!(
            "the response node's name is written with escapes ({:?})",
            node.raw_name
        )));
    }
    let encrypted = match node.value.as_bytes().first() {
        Some(b'{') => false,
        Some(b'"') => true,
        _ => {
            return Err(malformed(format!(
                "\"{}\" is neither an object nor an encrypted string",
                node.name
            )));
        }
    };
    Ok(Envelope {
        node_name: node.raw_name,
        node: node.value,
        encrypted,
        sign: string_member(&members, "sign")?,
        alipay_cert_sn: string_member(&members, "alipay_cert_sn")?,
    })
}

/// What a response is checked against: the client's view of Alipay.
#[derive(Debug, Clone, Copy)]
pub struct ResponseCheck<'a> {
    /// Alipay's public key (in certificate mode, the Alipay certificate's key).
    pub alipay_public_key: &'a AlipayPublicKey,
    /// Certificate mode: the SN of the configured Alipay certificate, which every signed
    /// response must name in `alipay_cert_sn`. `None` in public-key mode.
    pub alipay_cert_sn: Option<&'a str>,
    /// The request's `sign_type`; only its hash is accepted.
    pub sign_type: SignType,
    /// The request's charset: the body is decoded, and the signed text encoded, with it.
    pub charset: Charset,
    /// The AES content-encryption key, when the request was encrypted.
    pub encrypt_key: Option<&'a EncryptKey>,
}

impl ResponseCheck<'_> {
    fn failure(&self, failure: SignatureFailure, checked: Option<String>) -> Error {
        Error::Signature(SignatureError {
            failure,
            key: Some(self.alipay_public_key.describe()),
            checked,
        })
    }

    /// Whether `signature` signs `text` (charset-encoded) with `sign_type`'s hash.
    fn signs(&self, sign_type: SignType, text: &str, signature: &[u8]) -> Result<bool, Error> {
        let bytes = self.charset.encode(text).map_err(|e| {
            self.failure(
                SignatureFailure::Malformed(format!(
                    "the response node cannot be re-encoded in {}: {e}",
                    self.charset
                )),
                Some(text.to_string()),
            )
        })?;
        Ok(self.alipay_public_key.verify(sign_type, &bytes, signature))
    }
}

/// A response whose signature verified (or, for the fields' sake, the node of one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedResponse {
    /// `<method>_response` or `error_response`.
    pub node_name: String,
    /// The node's JSON text exactly as verified; the decrypted plaintext when it was encrypted.
    pub node: String,
    /// Whether a signature verified (always `true` for what [`verify`] returns).
    pub signed: bool,
    /// Whether the node was AES-encrypted (and has been decrypted).
    pub encrypted: bool,
}

impl VerifiedResponse {
    /// The node's JSON text when the call succeeded (`code` 10000 without `sub_code`);
    /// otherwise the gateway's verdict as an [`Error`]: `UnknownOutcome` for 20000/10003,
    /// `Business` for 40004, `Gateway` for any other code, `Response` when there is no code.
    pub fn into_result(self) -> Result<String, Error> {
        classify(&self.node, self.signed)?;
        Ok(self.node)
    }
}

/// `Ok` for a success, else the error the node's `code`/`sub_code` call for.
fn classify(node: &str, verified: bool) -> Result<(), Error> {
    let value: Value = serde_json::from_str(node)
        .map_err(|e| Error::Response(format!("the response node is not JSON ({e}): {node}")))?;
    let Some(obj) = value.as_object() else {
        return Err(Error::Response(format!(
            "the response node is not a JSON object: {node}"
        )));
    };
    let field = |name: &str| -> Option<String> {
        match obj.get(name)? {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let sub_code = field("sub_code");
    let code = match field("code") {
        Some(code) => code,
        // The official SDKs define success as "no sub_code", and some APIs (e.g.
        // alipay.system.oauth.token) answer success without any `code`.
        None if sub_code.is_none() && verified => return Ok(()),
        None if sub_code.is_none() => {
            return Err(Error::Response(format!(
                "the response node has neither code nor sub_code: {node}"
            )));
        }
        None => String::new(),
    };
    if code == "10000" && sub_code.is_none() {
        return Ok(());
    }
    let api = ApiError {
        msg: field("msg").unwrap_or_default(),
        sub_code,
        sub_msg: field("sub_msg"),
        verified,
        body: node.to_string(),
        code,
    };
    Err(match api.code.as_str() {
        "20000" | "10003" => Error::UnknownOutcome(Box::new(api)),
        "40004" => Error::Business(Box::new(api)),
        _ => Error::Gateway(Box::new(api)),
    })
}

/// Whether an unsigned node is an error reply: a non-empty `sub_code`.
fn has_sub_code(node: &str) -> bool {
    match serde_json::from_str::<Value>(node) {
        Ok(Value::Object(obj)) => match obj.get("sub_code") {
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Number(_)) => true,
            _ => false,
        },
        _ => false,
    }
}

/// `text` with every JSON escape `\/` replaced by `/` (escape-aware: in `\\/` the slash is
/// not escaped and stays), or `None` when there is none. The result means the same JSON.
fn unescape_slashes(text: &str) -> Option<String> {
    if !text.contains("\\/") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('/') => out.push('/'),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    (out != text).then_some(out)
}

/// Verifies `signature` over `node` with the configured hash; returns the text that verified.
fn check_signature<'n>(
    node: &'n str,
    signature: &[u8],
    check: &ResponseCheck<'_>,
) -> Result<Cow<'n, str>, Error> {
    if check.signs(check.sign_type, node, signature)? {
        return Ok(Cow::Borrowed(node));
    }
    // The Java SDK's `checkResponseSign` retry: a proxy or serializer that escapes `/`.
    let unescaped = unescape_slashes(node);
    if let Some(text) = &unescaped
        && check.signs(check.sign_type, text, signature)?
    {
        return Ok(Cow::Owned(text.clone()));
    }
    // Name the cause when it is a valid signature with the weaker hash.
    let sha1 = |text: &str| check.signs(SignType::Rsa, text, signature);
    let weaker = check.sign_type == SignType::Rsa2
        && (sha1(node)? || unescaped.as_deref().map(sha1).transpose()? == Some(true));
    let failure = if weaker {
        SignatureFailure::WrongAlgorithm {
            configured: "RSA2",
            found: "RSA (SHA-1)",
        }
    } else {
        SignatureFailure::Mismatch
    };
    Err(check.failure(failure, Some(node.to_string())))
}

/// The path of a body without `sign`: only ever an error, never a success.
fn unsigned(env: &Envelope<'_>, check: &ResponseCheck<'_>) -> Result<VerifiedResponse, Error> {
    if env.node_name == ERROR_RESPONSE || (!env.encrypted && has_sub_code(env.node)) {
        classify(env.node, false)?;
    }
    // A success (or an error reply claiming code 10000) without a signature.
    Err(check.failure(SignatureFailure::Missing, None))
}

/// Verifies a raw response body of `method` and returns its authenticated node.
///
/// * With a `sign`: in certificate mode, the body's `alipay_cert_sn` must be the configured
///   one; then the signature must verify over the charset bytes of the node's exact text with
///   the configured hash (retrying once with `\/` unescaped, as the Java SDK does). A SHA-1
///   signature under RSA2 is refused as [`SignatureFailure::WrongAlgorithm`]. An encrypted
///   node is verified as ciphertext (quotes included), then decrypted.
/// * Without a `sign`: an `error_response`, or a node with a non-empty `sub_code`, is
///   returned as the gateway's error with `verified: false`; anything else is
///   [`SignatureFailure::Missing`]. An unsigned body is never a success.
///
/// The result still has to be classified with [`VerifiedResponse::into_result`].
pub fn verify(
    body: &[u8],
    method: &str,
    check: &ResponseCheck<'_>,
) -> Result<VerifiedResponse, Error> {
    let text = check.charset.decode(body)?;
    let env = extract(&text, method)?;
    let Some(sign) = env.sign.as_deref() else {
        return unsigned(&env, check);
    };
    if let Some(expected) = check.alipay_cert_sn {
        match env.alipay_cert_sn.as_deref() {
            None => return Err(check.failure(SignatureFailure::CertSnMissing, None)),
            Some(found) if found != expected => {
                return Err(check.failure(
                    SignatureFailure::CertSnMismatch {
                        expected: expected.to_string(),
                        found: found.to_string(),
                    },
                    None,
                ));
            }
            Some(_) => {}
        }
    }
    let signature = B64
        .decode(sign)
        .map_err(|_| check.failure(SignatureFailure::NotBase64, Some(env.node.to_string())))?;
    let verified = check_signature(env.node, &signature, check)?;
    let node = if env.encrypted {
        decrypt_node(&verified, check.encrypt_key)?
    } else {
        verified.into_owned()
    };
    Ok(VerifiedResponse {
        node_name: env.node_name.to_string(),
        node,
        signed: true,
        encrypted: env.encrypted,
    })
}

/// Decrypts a verified, quoted ciphertext into the node's JSON text.
fn decrypt_node(quoted: &str, key: Option<&EncryptKey>) -> Result<String, Error> {
    let Some(key) = key else {
        return Err(Error::Response(
            "the response is AES-encrypted but no encryption key is configured; configure the \
             content-encryption key (接口内容加密密钥) from the Alipay console"
                .into(),
        ));
    };
    let ciphertext: String = serde_json::from_str(quoted)
        .map_err(|e| Error::Response(format!("the encrypted node is not a JSON string: {e}")))?;
    let plain = key.decrypt(&ciphertext)?;
    match serde_json::from_str::<Value>(&plain) {
        Ok(Value::Object(_)) => Ok(plain),
        _ => Err(Error::Response(
            "the decrypted response is not a JSON object (wrong encryption key?)".into(),
        )),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::gateway;
    use crate::keys::GatewayPrivateKey;

    const GATEWAY_PRIVATE: &str = include_str!("../testdata/gateway_private_pkcs8.pem");
    const GATEWAY_PUBLIC: &str = include_str!("../testdata/gateway_public_spki.pem");
    const WRONG_PUBLIC: &str = include_str!("../testdata/app_public_spki.pem");
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
        gateway::sign_response(METHOD, node, &signer(), SignType::Rsa2, Charset::Utf8, None)
            .unwrap()
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
            gateway::sign_error_response(node, &signer(), SignType::Rsa2, Charset::Utf8, None)
                .unwrap();
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
        assert!(
            matches!(verify(body, METHOD, &check(&key)), Err(Error::Gateway(e)) if !e.verified)
        );
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
        let body =
            gateway::sign_response(METHOD, node, &signer(), SignType::Rsa2, Charset::Gbk, None)
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
        // Read as UTF-8, the body is not even text.
        assert!(matches!(
            verify(&body, METHOD, &check(&key)),
            Err(Error::Response(_))
        ));
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
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod proptests {
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::tests::{alipay_key, check, signer};
    use super::*;
    use crate::gateway;
    use crate::keys::GatewayPrivateKey;

    static SIGNER: LazyLock<GatewayPrivateKey> = LazyLock::new(signer);
    static KEY: LazyLock<AlipayPublicKey> = LazyLock::new(alipay_key);

    /// Strings heavy in what breaks naive extractors.
    fn tricky() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("{".to_string()),
                Just("}".to_string()),
                Just("[".to_string()),
                Just("]".to_string()),
                Just("\"".to_string()),
                Just("\\".to_string()),
                Just("\\\"".to_string()),
                Just("\\/".to_string()),
                Just("/".to_string()),
                Just("\"sign\":\"".to_string()),
                Just("alipay_trade_pay_response".to_string()),
                Just("error_response".to_string()),
                Just("中文乗亄亇".to_string()),
                Just("🧧".to_string()),
                Just("\n\t ".to_string()),
                "[a-z:, ]{0,4}",
                any::<char>().prop_map(String::from),
            ],
            0..10,
        )
        .prop_map(|parts| parts.concat())
    }

    fn node_of(a: &str, b: &str, pretty: bool) -> String {
        let value = serde_json::json!({
            "code": "10000",
            "msg": "Success",
            "a": a,
            "nested": {"sign": b, "alipay_trade_pay_response": [a, {"b": b}]},
        });
        if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        }
    }

    fn ws() -> impl Strategy<Value = String> {
        "[ \t\r\n]{0,3}"
    }

    proptest! {
        #[test]
        fn extract_never_panics_on_strings(s in "\\PC{0,200}") {
            let _ = extract(&s, "alipay.trade.pay");
        }

        #[test]
        fn extract_never_panics_on_json_like_text(s in "[{}\\[\\]\":,\\\\ a-z_0-9]{0,80}") {
            let _ = extract(&s, "a");
            let _ = extract(&format!("{{\"a_response\":{s}"), "a");
        }

        #[test]
        fn verify_never_panics_on_bytes(body in prop::collection::vec(any::<u8>(), 0..300), gbk in any::<bool>()) {
            let c = ResponseCheck {
                charset: if gbk { Charset::Gbk } else { Charset::Utf8 },
                ..check(&KEY)
            };
            let _ = verify(&body, "alipay.trade.pay", &c);
        }

        #[test]
        fn signed_bodies_verify_to_the_exact_node(a in tricky(), b in tricky(), pretty in any::<bool>(), gbk in any::<bool>()) {
            let node = node_of(&a, &b, pretty);
            let charset = if gbk { Charset::Gbk } else { Charset::Utf8 };
            // GBK cannot carry every character; the signer refuses those, as it must.
            let Ok(body) = gateway::sign_response("alipay.trade.pay", &node, &SIGNER, SignType::Rsa2, charset, None) else {
                prop_assert!(gbk);
                return Ok(());
            };
            let c = ResponseCheck { charset, ..check(&KEY) };
            let r = verify(&body, "alipay.trade.pay", &c).unwrap();
            prop_assert_eq!(&r.node, &node);
            prop_assert_eq!(r.into_result().unwrap(), node);
        }

        #[test]
        fn whitespace_between_tokens_does_not_change_the_verdict(
            a in tricky(),
            w in prop::collection::vec(ws(), 12),
            sign_first in any::<bool>(),
            wrong_key in any::<bool>(),
        ) {
            let node = node_of(&a, "x", false);
            let sig = SIGNER.sign(SignType::Rsa2, node.as_bytes());
            let member_node = format!("\"alipay_trade_pay_response\"{}:{}{node}", w[2], w[3]);
            let member_sign = format!("\"sign\"{}:{}\"{sig}\"", w[4], w[5]);
            let (first, second) = if sign_first { (member_sign, member_node) } else { (member_node, member_sign) };
            let body = format!("{}{{{}{first}{},{}{second}{}}}{}", w[0], w[1], w[6], w[7], w[8], w[9]);
            let wrong = AlipayPublicKey::from_text(include_str!("../testdata/app_public_spki.pem")).unwrap();
            let key = if wrong_key { &wrong } else { &*KEY };
            match verify(body.as_bytes(), "alipay.trade.pay", &check(key)) {
                Ok(r) => {
                    prop_assert!(!wrong_key);
                    prop_assert_eq!(r.node, node);
                }
                Err(Error::Signature(e)) => {
                    prop_assert!(wrong_key);
                    prop_assert_eq!(e.failure, SignatureFailure::Mismatch);
                    prop_assert_eq!(e.checked, Some(node));
                }
                Err(e) => prop_assert!(false, "unexpected {e}"),
            }
        }
    }
}
