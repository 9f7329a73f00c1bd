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
    let (text, charset) = decode_body(body, check.charset)?;
    let check = &ResponseCheck { charset, ..*check };
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

/// The body as text, and the charset its bytes are in.
///
/// The live gateway has been seen answering errors (`20000 aop.unknow-error 系统繁忙`) GBK-encoded
/// although the call asked for UTF-8 (smartwalle/alipay PR #257). So a body that is not valid
/// UTF-8 under a UTF-8 call is read as GBK when it is valid GBK **and** re-encodes to exactly
/// the bytes received. That is safe: the signature is then checked over those very bytes
/// (the charset only says how to turn them back into the text handed out), so no decoding
/// choice can make an altered body verify. Valid UTF-8 is always read as UTF-8: a GBK body
/// that happens to be valid UTF-8 still verifies over its raw bytes, only its text would
/// read differently, and Chinese GBK text is almost never valid UTF-8.
pub(crate) fn decode_body(
    body: &[u8],
    declared: Charset,
) -> Result<(Cow<'_, str>, Charset), Error> {
    match declared.decode(body) {
        Ok(text) => Ok((text, declared)),
        Err(e) if declared == Charset::Utf8 => match Charset::Gbk.decode(body) {
            Ok(text) if Charset::Gbk.encode(&text).is_ok_and(|b| *b == *body) => {
                Ok((text, Charset::Gbk))
            }
            _ => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// A string field of the response node of `method`, read **without** verifying anything
/// (decrypted first when the node is encrypted): for the certificate download, whose answer
/// can only be verified once the certificate it carries is checked. `None` when absent or
/// unreadable.
pub(crate) fn unverified_field(
    body: &[u8],
    method: &str,
    field: &str,
    charset: Charset,
    encrypt_key: Option<&EncryptKey>,
) -> Option<String> {
    let (text, _) = decode_body(body, charset).ok()?;
    let env = extract(&text, method).ok()?;
    let node = if env.encrypted {
        decrypt_node(env.node, encrypt_key).ok()?
    } else {
        env.node.to_string()
    };
    match serde_json::from_str::<Value>(&node).ok()?.get(field)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
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
mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod proptests;
