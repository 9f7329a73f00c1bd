//! The gateway's checks of one call (public parameters, charset, signature and timestamp, with the gateway's public result codes),
//! then the call applied to the books and its answer signed.

use std::collections::BTreeMap;
use std::time::Duration;

use alipay_core::gateway::{sign_encrypted_response, sign_error_response, sign_response};
use alipay_core::html::escape as html_escape;
use alipay_core::protocol::Timestamp;
use alipay_core::protocol::sign_content;
use alipay_core::{Charset, EncryptKey, GatewayPrivateKey, SignType};
use base64::Engine;
use serde_json::json;
use time::macros::{format_description, offset};
use time::{OffsetDateTime, PrimitiveDateTime};

use super::{State, fund, known_method, notify};
use crate::CallContext;
use crate::faults::Fault;
use crate::store::Command;
use crate::trade::TRADE_STATUS_SYNC;
use crate::{Delivery, TRADE_METHODS};

/// The charset text for the `Content-Type`, and the signed response body.
pub(super) type Answered = (String, Vec<u8>);

/// The method that serves the Alipay certificates the gateway issued, by SN. Answered by the
/// gateway itself (the ledger never sees it).
pub(super) const CERT_DOWNLOAD: &str = "alipay.open.app.alipaycert.download";

/// A call that passed every check.
pub(super) struct Call<'a> {
    answer: Answer<'a>,
    pub app_id: String,
    pub method: String,
    pub biz_content: String,
    /// Whether the call came in certificate mode (`app_cert_sn` and `alipay_root_cert_sn`,
    /// both right): its answer and notifications are signed with the current Alipay
    /// certificate's key and carry `alipay_cert_sn`. Alipay requires certificate mode for
    /// money-out APIs such as `alipay.fund.trans.uni.transfer`: refuse those when `false`.
    pub cert_mode: bool,
    /// Certificate mode and the top-level business parameters.
    pub context: CallContext,
    notify_url: Option<String>,
    return_url: Option<String>,
}

impl Call<'_> {
    /// What a trade opened by this call needs for its notifications and return.
    pub(super) fn delivery(&self) -> Delivery {
        Delivery {
            notify_url: self.notify_url.clone(),
            return_url: self.return_url.clone(),
            sign_type: self.answer.sign_type.as_str().to_owned(),
            charset: self.answer.charset.as_str().to_owned(),
            cert_mode: self.cert_mode,
        }
    }
}

impl Call<'_> {
    /// The key that signs this call's answer and notifications (in certificate mode the
    /// current Alipay certificate's), and the `alipay_cert_sn` to name.
    pub(super) fn answer_signer(&self) -> (&GatewayPrivateKey, Option<&str>) {
        self.answer.signer()
    }
}

/// The raw value of `charset` in a form (ASCII, so readable before decoding).
fn raw_charset(form: &[u8]) -> Option<String> {
    form.split(|&b| b == b'&').find_map(|pair| {
        let rest = pair.strip_prefix(b"charset=")?;
        Some(String::from_utf8_lossy(rest).replace('+', " "))
    })
}

/// The first parameter name that occurs more than once in the query and the body together
/// (a name in the query and again in the body counts): names are percent-decoded (`+` as a
/// space) and compared as bytes, so `%73ign` is `sign`. Empty values count too.
fn duplicate_name(query: &[u8], body: &[u8]) -> Option<String> {
    let mut seen = std::collections::BTreeSet::new();
    for pair in [query, body]
        .into_iter()
        .flat_map(|part| part.split(|&b| b == b'&'))
        .filter(|pair| !pair.is_empty())
    {
        let raw = pair.split(|&b| b == b'=').next().unwrap_or_default();
        let name = percent_decode(raw);
        if !seen.insert(name.clone()) {
            return Some(String::from_utf8_lossy(&name).into_owned());
        }
    }
    None
}

/// `application/x-www-form-urlencoded` decoding of one name (`+` is a space; a broken `%`
/// escape is kept as is).
fn percent_decode(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < raw.len() => match (hex(raw[i + 1]), hex(raw[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn parse_charset(text: &str) -> Option<Charset> {
    match text.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => Some(Charset::Utf8),
        "gbk" => Some(Charset::Gbk),
        _ => None,
    }
}

/// How to answer: in the method's node or `error_response`, signed how.
#[derive(Clone)]
struct Answer<'a> {
    state: &'a State,
    method: Option<String>,
    sign_type: SignType,
    charset: Charset,
    /// The app's AES key when the request was encrypted: the method's node is then answered
    /// encrypted too (gateway-level refusals stay plain).
    encrypt: Option<&'a EncryptKey>,
    /// Certificate mode: the current Alipay certificate's key and SN, which sign every
    /// answer to the call (refusals included) and its notifications.
    cert: Option<(GatewayPrivateKey, String)>,
}

impl Answer<'_> {
    /// The key that signs, and the `alipay_cert_sn` to name.
    fn signer(&self) -> (&GatewayPrivateKey, Option<&str>) {
        match &self.cert {
            Some((key, sn)) => (key, Some(sn)),
            None => (&self.state.gateway_key, None),
        }
    }

    /// The ledger's node, encrypted when the request was.
    fn business(&self, node: &str) -> Answered {
        if let (Some(method), Some(aes)) = (&self.method, self.encrypt) {
            let (key, sn) = self.signer();
            if let Ok(bytes) =
                sign_encrypted_response(method, node, aes, key, self.sign_type, self.charset, sn)
            {
                if self.state.log_calls {
                    log_answer(Some(method), node);
                }
                return (self.charset.as_str().to_owned(), bytes);
            }
        }
        self.node(node)
    }

    fn node(&self, node: &str) -> Answered {
        self.node_in(node, self.charset)
    }

    /// The node signed and encoded in `encoding`, labelled with the call's charset (they
    /// differ only for the `gbk` fault).
    fn node_in(&self, node: &str, encoding: Charset) -> Answered {
        if self.state.log_calls {
            log_answer(self.method.as_deref(), node);
        }
        let (key, sn) = self.signer();
        let signed = match &self.method {
            Some(m) => sign_response(m, node, key, self.sign_type, encoding, sn),
            None => sign_error_response(node, key, self.sign_type, encoding, sn),
        };
        // The node is always an object we built; only an unencodable character could fail,
        // and then the UTF-8 error answer is sent instead.
        let bytes = signed
            .or_else(|_| sign_error_response(node, key, self.sign_type, Charset::Utf8, sn))
            .unwrap_or_default();
        (self.charset.as_str().to_owned(), bytes)
    }

    fn error(&self, code: &str, sub_code: &str, sub_msg: &str) -> Answered {
        let msg = match code {
            "40001" => "Missing Required Arguments",
            "20000" => "Service Currently Unavailable",
            _ => "Invalid Arguments",
        };
        let node = json!({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg});
        self.node(&node.to_string())
    }
}

/// The live gateway's `isv.invalid-signature` text, followed by its sign string, which it
/// HTML-escapes (`&` arrives as `&amp;`: the example in the Node SDK's `exec` docs).
pub(super) const INVALID_SIGNATURE: &str =
    "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：";

/// The refusal of a call without `charset`. The live gateway does not read such a call as
/// UTF-8: it fails its signature with the hint 请确认charset参数放在了URL查询 (merchants
/// report it); the sandbox names the cause instead *(code and sub_code chosen)*.
const MISSING_CHARSET: &str = "缺少charset参数，请确认charset参数放在了URL查询 \
     (missing charset: the live gateway does not default to UTF-8; send charset=utf-8 or \
     charset=GBK in the URL query)";

/// Checks a call like the live gateway; `Err` is the refusal to send.
pub(super) fn check<'a>(state: &'a State, query: &[u8], body: &[u8]) -> Result<Call<'a>, Answered> {
    let mut a = Answer {
        state,
        method: None,
        sign_type: SignType::Rsa2,
        charset: Charset::Utf8,
        encrypt: None,
        cert: None,
    };
    // A parameter sent twice (in the query, the body, or one copy in each) is refused once
    // the answer's charset and signing are known: the gateway would otherwise have to pick
    // one copy, and the copy checked need not be the copy executed. A duplicated `charset`
    // is not read at all (the refusal is then in utf-8).
    let duplicate = duplicate_name(query, body);
    let declared = match duplicate.as_deref() {
        Some("charset") => None,
        _ => raw_charset(body).or_else(|| raw_charset(query)),
    };
    if let Some(text) = &declared {
        match parse_charset(text) {
            Some(c) => a.charset = c,
            None => return Err(a.error("40002", "isv.invalid-charset", "字符集错误")),
        }
    }
    let mut params: BTreeMap<String, String> = BTreeMap::new();
    for part in [query, body] {
        match a.charset.form_decode(part) {
            Ok(pairs) => params.extend(pairs),
            Err(_) => return Err(a.error("40002", "isv.invalid-charset", "字符集错误")),
        }
    }
    params.retain(|_, v| !v.is_empty());
    if let Some(st) = params.get("sign_type").and_then(|s| s.parse().ok()) {
        a.sign_type = st;
    }
    // A call in certificate mode is answered in it, refusals included (an answer without
    // alipay_cert_sn would fail the client's check before it could read the refusal).
    let cert_mode =
        params.contains_key("app_cert_sn") || params.contains_key("alipay_root_cert_sn");
    if cert_mode && let Some(certs) = &state.certs {
        a.cert = Some(certs.lock().unwrap_or_else(|e| e.into_inner()).signer());
    }
    if let Some(name) = duplicate {
        return Err(a.error(
            "40002",
            "isv.invalid-parameter",
            &format!("参数无效: {name} 重复出现 (duplicate parameter {name})"),
        ));
    }
    if declared.is_none() {
        return Err(a.error("40001", "isv.missing-charset", MISSING_CHARSET));
    }

    let Some(app_id) = params.get("app_id").cloned() else {
        return Err(a.error("40001", "isv.missing-app-id", "缺少appId参数"));
    };
    let Some(app_key) = state.apps.get(&app_id) else {
        return Err(a.error("40002", "isv.invalid-app-id", "无效的AppID参数"));
    };
    let Some(method) = params.get("method").cloned() else {
        return Err(a.error("40001", "isv.missing-method", "缺少方法名参数"));
    };
    if !known_method(&method) && method != CERT_DOWNLOAD {
        return Err(a.error("40002", "isv.invalid-method", "不存在的方法名"));
    }
    a.method = Some(method.clone());
    match params.get("version").map(String::as_str) {
        None => return Err(a.error("40001", "isv.missing-version", "缺少版本参数")),
        Some("1.0") => {}
        Some(_) => return Err(a.error("40002", "isv.invalid-parameter", "参数无效: version")),
    }
    let sign_type: SignType = match params.get("sign_type") {
        None => return Err(a.error("40001", "isv.missing-signature-type", "缺少签名类型参数")),
        Some(t) => match t.parse() {
            Ok(t) => t,
            Err(_) => return Err(a.error("40002", "isv.invalid-signature-type", "无效的签名类型")),
        },
    };
    let Some(sign) = params.get("sign").cloned() else {
        return Err(a.error("40001", "isv.missing-signature", "缺少签名参数"));
    };
    let fresh = params
        .get("timestamp")
        .and_then(|t| within_skew(t, state.max_clock_skew));
    if fresh != Some(true) {
        if state.log_calls {
            eprintln!(
                "sandbox: {}",
                timestamp_hint(params.get("timestamp").map(String::as_str))
            );
        }
        return Err(a.error("40002", "isv.invalid-timestamp", "非法的时间戳参数"));
    }
    if cert_mode {
        check_cert_sns(state, &app_id, &params)
            .map_err(|(code, sub_code, sub_msg)| a.error(code, sub_code, sub_msg))?;
    }
    let content = sign_content(
        params
            .iter()
            .filter(|(k, _)| k.as_str() != "sign")
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let verified = match (
        base64::engine::general_purpose::STANDARD.decode(sign.as_bytes()),
        a.charset.encode(&content),
    ) {
        (Ok(sig), Ok(message)) => app_key.verify(sign_type, &message, &sig),
        _ => false,
    };
    if !verified {
        return Err(a.error(
            "40002",
            "isv.invalid-signature",
            &format!("{INVALID_SIGNATURE}{}", html_escape(&content)),
        ));
    }

    let mut biz_content = params.get("biz_content").cloned().unwrap_or_default();
    // Signed over the ciphertext, then decrypted.
    if let Some(encrypt_type) = params.get("encrypt_type") {
        if encrypt_type != "AES" {
            return Err(a.error(
                "40002",
                "isv.decryption-error-not-valid-encrypt-type",
                "解密出错, 不支持的加密算法",
            ));
        }
        let Some(aes) = state.encrypt_keys.get(&app_id) else {
            return Err(a.error(
                "40002",
                "isv.decryption-error-not-valid-encrypt-key",
                "解密出错, 未配置加密密钥或加密密钥格式错误",
            ));
        };
        biz_content = match aes.decrypt(&biz_content) {
            Ok(plain) => plain,
            Err(_) => return Err(a.error("40002", "isv.invalid-encrypt", "解密异常")),
        };
        a.encrypt = Some(aes);
    }
    let context = CallContext {
        // Checked above: both serial numbers name the sandbox's certificates.
        certificate_mode: cert_mode,
        params: CallContext::PARAMS
            .iter()
            .filter_map(|&k| params.get(k).map(|v| (k.to_owned(), v.clone())))
            .collect(),
    };
    Ok(Call {
        answer: a,
        app_id,
        method,
        biz_content,
        context,
        cert_mode,
        notify_url: params.remove("notify_url"),
        return_url: params.remove("return_url"),
    })
}

/// The certificate-mode parameters against the certificates the sandbox issued. The live
/// gateway's codes: an `app_cert_sn` that is not the app's certificate is
/// `isv.app-cert-not-exist` 应用公钥证书不存在 (quoted in alipay/alipay-sdk-nodejs-all
/// issue #56 and yansongda/pay issue #405); a wrong `alipay_root_cert_sn` is
/// `invalid-alipay-root-cert-sn` 无效支付宝根证书序列号 (yansongda/pay issue #491; answered
/// here with the `isv.` prefix every other gateway sub_code has). A sandbox without
/// certificates has no app certificate at all.
fn check_cert_sns(
    state: &State,
    app_id: &str,
    params: &BTreeMap<String, String>,
) -> Result<(), (&'static str, &'static str, &'static str)> {
    const NO_APP_CERT: (&str, &str, &str) =
        ("40002", "isv.app-cert-not-exist", "应用公钥证书不存在");
    let Some(certs) = &state.certs else {
        return Err(NO_APP_CERT);
    };
    let certs = certs.lock().unwrap_or_else(|e| e.into_inner());
    let app_sn = params.get("app_cert_sn").map(String::as_str);
    if app_sn.is_none() || app_sn != certs.app_cert_sn(app_id) {
        return Err(NO_APP_CERT);
    }
    if params.get("alipay_root_cert_sn").map(String::as_str) != Some(certs.root_cert_sn()) {
        return Err((
            "40002",
            "isv.invalid-alipay-root-cert-sn",
            "无效支付宝根证书序列号",
        ));
    }
    Ok(())
}

/// `alipay.open.app.alipaycert.download`: `{"alipay_cert_sn": ...}` answered with
/// `alipay_cert_content`, the base64 of the certificate's PEM (what the Java SDK decodes).
/// Unknown SN: `40004 CERT_NOT_EXIST` *(chosen: the real code is not documented publicly)*.
fn download(state: &State, a: &Answer<'_>, biz_content: &str) -> Answered {
    let sn = serde_json::from_str::<serde_json::Value>(biz_content)
        .ok()
        .and_then(|v| v.get("alipay_cert_sn")?.as_str().map(str::to_owned));
    let Some(sn) = sn.filter(|s| !s.is_empty()) else {
        return a.error(
            "40002",
            "isv.missing-parameter",
            "缺少必选参数: alipay_cert_sn",
        );
    };
    let pem = state.certs.as_ref().and_then(|certs| {
        certs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .alipay_certificate_by_sn(&sn)
            .map(str::to_owned)
    });
    match pem {
        Some(pem) => a.business(
            &json!({
                "code": "10000",
                "msg": "Success",
                "alipay_cert_content": base64::engine::general_purpose::STANDARD.encode(pem),
            })
            .to_string(),
        ),
        None => a.node(
            &json!({
                "code": "40004",
                "msg": "Business Failed",
                "sub_code": "CERT_NOT_EXIST",
                "sub_msg": "证书不存在",
            })
            .to_string(),
        ),
    }
}

/// Applies a checked call (unless the fault refuses it first) and signs the answer. The
/// certificate download is answered here, without the ledger (and without faults).
pub(super) fn run(state: &State, call: &Call<'_>, fault: Fault) -> Answered {
    let a = &call.answer;
    if call.method == CERT_DOWNLOAD {
        return download(state, a, &call.biz_content);
    }
    if !fault.applies() {
        return a.error(
            "20000",
            "isp.unknow-error",
            "服务暂不可用（业务系统不可用）",
        );
    }
    let now = Timestamp::now().as_str().to_owned();
    let command = if TRADE_METHODS.contains(&call.method.as_str()) {
        let d = call.delivery();
        Command::TradeCall {
            app_id: call.app_id.clone(),
            method: call.method.clone(),
            biz_content: call.biz_content.clone(),
            now,
            notify_url: d.notify_url,
            return_url: d.return_url,
            sign_type: d.sign_type,
            charset: d.charset,
            cert_mode: d.cert_mode,
        }
    } else {
        Command::for_call(
            &call.app_id,
            &call.method,
            &call.biz_content,
            &call.context,
            &now,
        )
    };
    let (seq, mut reply) = match state.books(|b| b.apply(&command)) {
        Ok((seq, Ok(reply))) => (seq, reply),
        Ok((_, Err(e))) => return a.error("20000", "isp.unknow-error", &e.to_string()),
        Err(why) => return a.error("20000", "isp.unknow-error", &why),
    };
    fund::absolute_bill_url(state, &call.method, &mut reply.node);
    // Trade notifications go where the trade's opening call asked, whichever call raised them.
    let (trade_events, events): (Vec<_>, Vec<_>) = reply
        .events
        .iter()
        .enumerate()
        .partition(|(_, e)| e.notify_type == TRADE_STATUS_SYNC);
    super::trade_cashier::notify_trade_events(state, seq, trade_events);
    if let Some(url) = &call.notify_url {
        // Under the gbk fault: GBK bytes, while the body and its Content-Type say utf-8.
        let encoding = match fault {
            Fault::GbkBusy => Charset::Gbk,
            _ => a.charset,
        };
        let (key, _) = a.signer();
        for (i, event) in events {
            let id = notify::notify_id(seq, i);
            let signing = notify::Signing {
                key,
                sign_type: a.sign_type,
                encoding,
                declared: a.charset,
            };
            if let Some(body) = notify::body(event, &id, &signing) {
                notify::deliver(url.clone(), body, a.charset);
            }
        }
    }
    match fault {
        Fault::UnavailableAfter => a.error(
            "20000",
            "isp.unknow-error",
            "服务暂不可用（业务系统不可用）",
        ),
        // 10003 carries no sub_code.
        Fault::InProgress => a.node(&json!({"code": "10003", "msg": "业务处理中"}).to_string()),
        // The call said utf-8; the answer comes GBK-encoded, labelled utf-8 all the same.
        Fault::GbkBusy => a.node_in(
            &json!({"code": "20000", "msg": "Service Currently Unavailable",
                    "sub_code": "aop.unknow-error", "sub_msg": "系统繁忙"})
            .to_string(),
            Charset::Gbk,
        ),
        // oauth.token's refusals come under `error_response`, as Alipay answers them.
        _ if fund::refused_in_error_response(&call.method, &reply.node) => {
            let plain = Answer {
                method: None,
                ..a.clone()
            };
            plain.node(&reply.node.to_string())
        }
        _ => a.business(&reply.node.to_string()),
    }
}

/// One stderr line per answer: `sandbox: <method> -> <code> [<sub_code>]`.
fn log_answer(method: Option<&str>, node: &str) {
    let value: serde_json::Value = serde_json::from_str(node).unwrap_or_default();
    let field = |k: &str| value.get(k).and_then(|v| v.as_str()).unwrap_or("");
    eprintln!(
        "sandbox: {} -> {} {} {}",
        method.unwrap_or("-"),
        field("code"),
        field("sub_code"),
        field("sub_msg").chars().take(80).collect::<String>()
    );
}

/// Why a timestamp was refused, for the operator: SDKs stamp requests with the machine's
/// local time, so a machine on UTC is 8 hours off Beijing time.
fn timestamp_hint(text: Option<&str>) -> String {
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let Some(text) = text else {
        return "refused a call without timestamp (isv.invalid-timestamp)".to_owned();
    };
    let Ok(t) = PrimitiveDateTime::parse(text, format) else {
        return format!(
            "refused timestamp {text:?}: not yyyy-MM-dd HH:mm:ss (isv.invalid-timestamp)"
        );
    };
    let off = OffsetDateTime::now_utc() - t.assume_offset(offset!(+8));
    // Rounded to the minute: the request took a moment to arrive.
    let secs = off.whole_seconds();
    let minutes = (secs + secs.signum() * 30) / 60;
    let mut hint = format!(
        "refused timestamp {text:?}: {}h{:02}m {} Beijing time (isv.invalid-timestamp)",
        minutes.abs() / 60,
        minutes.abs() % 60,
        if minutes > 0 { "behind" } else { "ahead of" }
    );
    if (7 * 60 + 50..=8 * 60 + 10).contains(&minutes) {
        hint.push_str(
            "; the client stamps UTC local time: run it with TZ=Asia/Shanghai, or start the \
             sandbox with --max-clock-skew 9h",
        );
    }
    hint
}

/// `Some(true)` when `text` is a valid timestamp within `skew` of now (UTC+8).
fn within_skew(text: &str, skew: Duration) -> Option<bool> {
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let t = PrimitiveDateTime::parse(text, format)
        .ok()?
        .assume_offset(offset!(+8));
    let diff = (OffsetDateTime::now_utc() - t).unsigned_abs();
    Some(diff <= skew)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(offset_hours: i64) -> String {
        let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
        (OffsetDateTime::now_utc().to_offset(offset!(+8)) + time::Duration::hours(offset_hours))
            .format(format)
            .unwrap()
    }

    #[test]
    fn a_utc_clock_gets_the_timezone_hint() {
        let utc = stamp(-8);
        assert_eq!(within_skew(&utc, Duration::from_secs(600)), Some(false));
        assert_eq!(within_skew(&utc, Duration::from_secs(9 * 3600)), Some(true));
        let hint = timestamp_hint(Some(&utc));
        assert!(hint.contains("8h00m behind"), "{hint}");
        assert!(hint.contains("TZ=Asia/Shanghai"), "{hint}");
        let ahead = timestamp_hint(Some(&stamp(2)));
        assert!(ahead.contains("2h00m ahead of"), "{ahead}");
        assert!(!ahead.contains("TZ="), "{ahead}");
        assert!(timestamp_hint(Some("yesterday")).contains("not yyyy-MM-dd"));
        assert!(timestamp_hint(None).contains("without timestamp"));
    }

    #[test]
    fn duplicate_names_across_query_and_body() {
        assert_eq!(duplicate_name(b"a=1&b=2", b"c=3"), None);
        assert_eq!(duplicate_name(b"a=1&a=2", b""), Some("a".into()));
        assert_eq!(
            duplicate_name(b"", b"sign=x&c=1&sign=y"),
            Some("sign".into())
        );
        assert_eq!(duplicate_name(b"sign=x", b"sign=x"), Some("sign".into()));
        assert_eq!(duplicate_name(b"%73ign=x", b"sign="), Some("sign".into()));
        assert_eq!(duplicate_name(b"a&a", b""), Some("a".into()));
        assert_eq!(duplicate_name(b"a=1&&b=2&", b""), None);
        assert_eq!(percent_decode(b"a+b%2"), b"a b%2");
    }

    #[test]
    fn the_quoted_sign_string_is_html_escaped() {
        assert_eq!(
            html_escape(r#"a=1&b={"x":"<y>"}"#),
            "a=1&amp;b={&quot;x&quot;:&quot;&lt;y&gt;&quot;}"
        );
    }
}
