//! What keeps a web page (or a DNS-rebound name) from driving the sandbox: the `Host` must be
//! this sandbox (421), the admin and cashier routes refuse a cross-site `Origin` (403), their
//! JSON routes need `Content-Type: application/json` (415, which a page cannot send across
//! origins without a preflight the sandbox never answers), the admin routes need the admin
//! token when one is set (401), and the HTML cashier's form carries a per-order token.

use std::net::IpAddr;

use alipay_core::SignType;
use bytes::Bytes;
use http_body_util::Full;
use hyper::{HeaderMap, Method, Response, StatusCode};

use super::State;
use super::admin::error;

/// `host` (a `Host` header or the host of an `Origin`, with or without port) names this
/// sandbox: a loopback name or address, the listen address, or any IP literal when listening
/// on every interface. A DNS name other than `localhost` never does (DNS rebinding).
pub(super) fn is_own_host(state: &State, host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => host,
        }
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if name == "localhost" || name.ends_with(".localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => {
            let listen = state.listen_ip;
            ip.is_loopback() || ip == listen || listen.is_unspecified()
        }
        Err(_) => false,
    }
}

/// The refusal of a request that must not be served, if any (checked before routing).
pub(super) fn refuse(
    state: &State,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
) -> Option<Response<Full<Bytes>>> {
    let header = |name: hyper::header::HeaderName| {
        headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).trim().to_owned())
    };
    if let Some(host) = header(hyper::header::HOST)
        && !is_own_host(state, &host)
    {
        return Some(error(
            StatusCode::MISDIRECTED_REQUEST,
            &format!(
                "Host {host:?} is not this sandbox: use its listen address or a loopback name \
                 (a foreign Host is how a web page reaches a local server through DNS rebinding)"
            ),
        ));
    }
    let admin = path.starts_with("/admin/");
    if !admin && !path.starts_with("/cashier/") {
        return None;
    }
    let origin = header(hyper::header::ORIGIN);
    let cross_site = match origin.as_deref() {
        None => false,
        Some(origin) => {
            let host = origin
                .split_once("://")
                .map(|(_, rest)| rest.split('/').next().unwrap_or(""))
                .unwrap_or("");
            host.is_empty() || !is_own_host(state, host)
        }
    };
    let fetch_site = headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"cross-site"));
    if cross_site || fetch_site {
        return Some(error(
            StatusCode::FORBIDDEN,
            &format!(
                "cross-site request refused (Origin {}): the admin and cashier routes answer \
                 this sandbox's own pages and programs only",
                origin.as_deref().unwrap_or("-")
            ),
        ));
    }
    if admin && let Some(token) = &state.admin_token {
        let expected = format!("Bearer {token}");
        let given = headers
            .get(hyper::header::AUTHORIZATION)
            .map(|v| v.as_bytes())
            .unwrap_or_default();
        if !constant_time_eq(given, expected.as_bytes()) {
            let mut resp = error(
                StatusCode::UNAUTHORIZED,
                "the admin routes need Authorization: Bearer <the --admin-token>",
            );
            resp.headers_mut().insert(
                hyper::header::WWW_AUTHENTICATE,
                hyper::header::HeaderValue::from_static("Bearer realm=\"alipay sandbox admin\""),
            );
            return Some(resp);
        }
    }
    // The HTML cashier's form and the app.pay order string are not JSON.
    let json_route = !matches!(path, "/cashier/pay" | "/cashier/app-pay");
    if json_route && method == Method::POST {
        let content_type = header(hyper::header::CONTENT_TYPE).unwrap_or_default();
        let media = content_type.split(';').next().unwrap_or("").trim();
        if !media.eq_ignore_ascii_case("application/json") {
            return Some(error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                &format!(
                    "{path} takes Content-Type: application/json, not {:?} (a web page can \
                     post text/plain across origins; it cannot post JSON without a preflight)",
                    content_type
                ),
            ));
        }
    }
    None
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The token the HTML cashier's form carries for order `order_no` (an `out_order_no` or an
/// `out_trade_no`), checked when the form is submitted: derived from the gateway key
/// (deterministic RSA signature), so it survives a restart with a state directory and a web
/// page that cannot read the cashier page cannot forge it.
pub(crate) fn cashier_token(state: &State, order_no: &str) -> String {
    let signature = state.gateway_key.sign(
        SignType::Rsa2,
        format!("alipay-sandbox cashier form\n{order_no}").as_bytes(),
    );
    signature
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(32)
        .collect()
}
