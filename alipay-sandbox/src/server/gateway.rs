//! The gateway's checks of one call (public parameters, charset, signature and timestamp, with the gateway's public result codes),
//! then the call applied to the books and its answer signed.

use std::collections::BTreeMap;
use std::time::Duration;

use alipay_core::EncryptKey;
use alipay_core::gateway::{sign_encrypted_response, sign_error_response, sign_response};
use alipay_core::html::escape as html_escape;
use alipay_core::protocol::Timestamp;
use alipay_core::protocol::sign_content;
use alipay_core::{Charset, SignType};
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

/// A call that passed every check.
pub(super) struct Call<'a> {
    answer: Answer<'a>,
    pub app_id: String,
    pub method: String,
    pub biz_content: String,
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
        }
    }
}

/// Whether a call came in certificate mode. Until the gateway checks certificates, the
/// presence of `app_cert_sn` (what every SDK in certificate mode sends) decides.
fn certificate_mode(params: &BTreeMap<String, String>) -> bool {
    params.contains_key("app_cert_sn")
}

/// The raw value of `charset` in a form (ASCII, so readable before decoding).
fn raw_charset(form: &[u8]) -> Option<String> {
    form.split(|&b| b == b'&').find_map(|pair| {
        let rest = pair.strip_prefix(b"charset=")?;
        Some(String::from_utf8_lossy(rest).replace('+', " "))
    })
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
}

impl Answer<'_> {
    /// The ledger's node, encrypted when the request was.
    fn business(&self, node: &str) -> Answered {
        if let (Some(method), Some(aes)) = (&self.method, self.encrypt) {
            let key = &self.state.gateway_key;
            if let Ok(bytes) =
                sign_encrypted_response(method, node, aes, key, self.sign_type, self.charset, None)
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
        if self.state.log_calls {
            log_answer(self.method.as_deref(), node);
        }
        let key = &self.state.gateway_key;
        let signed = match &self.method {
            Some(m) => sign_response(m, node, key, self.sign_type, self.charset, None),
            None => sign_error_response(node, key, self.sign_type, self.charset, None),
        };
        // The node is always an object we built; only an unencodable character could fail,
        // and then the UTF-8 error answer is sent instead.
        let bytes = signed
            .or_else(|_| sign_error_response(node, key, self.sign_type, Charset::Utf8, None))
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

/// Checks a call like the live gateway; `Err` is the refusal to send.
pub(super) fn check<'a>(state: &'a State, query: &[u8], body: &[u8]) -> Result<Call<'a>, Answered> {
    let mut a = Answer {
        state,
        method: None,
        sign_type: SignType::Rsa2,
        charset: Charset::Utf8,
        encrypt: None,
    };
    let declared = raw_charset(body).or_else(|| raw_charset(query));
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

    let Some(app_id) = params.get("app_id").cloned() else {
        return Err(a.error("40001", "isv.missing-app-id", "缺少appId参数"));
    };
    let Some(app_key) = state.apps.get(&app_id) else {
        return Err(a.error("40002", "isv.invalid-app-id", "无效的AppID参数"));
    };
    let Some(method) = params.get("method").cloned() else {
        return Err(a.error("40001", "isv.missing-method", "缺少方法名参数"));
    };
    if !known_method(&method) {
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
        certificate_mode: certificate_mode(&params),
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
        notify_url: params.remove("notify_url"),
        return_url: params.remove("return_url"),
    })
}

/// Applies a checked call (unless the fault refuses it first) and signs the answer.
pub(super) fn run(state: &State, call: &Call<'_>, fault: Fault) -> Answered {
    let a = &call.answer;
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
        for (i, event) in events {
            let id = notify::notify_id(seq, i);
            if let Some(body) = notify::body(state, event, &id, a.sign_type, a.charset) {
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
    fn the_quoted_sign_string_is_html_escaped() {
        assert_eq!(
            html_escape(r#"a=1&b={"x":"<y>"}"#),
            "a=1&amp;b={&quot;x&quot;:&quot;&lt;y&gt;&quot;}"
        );
    }
}
