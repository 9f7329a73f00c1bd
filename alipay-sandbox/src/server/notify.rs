//! Notifications: signed with the gateway key, POSTed to `notify_url` until it answers
//! `success`.

use std::collections::BTreeMap;
use std::time::Duration;

use alipay_core::gateway::sign_notification;
use alipay_core::protocol::Timestamp;
use alipay_core::{Charset, GatewayPrivateKey, SignType};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioExecutor;

use crate::NotifyEvent;

/// A notify_id shaped like Alipay's (34 lowercase hex characters, e.g.
/// `91722adff935e8cfa58b3aabf4dead6ibe`), unique across restarts: it carries the journal
/// sequence number of the command that raised the event and the event's index in it.
pub(super) fn notify_id(seq: u64, index: usize) -> String {
    // A scramble so consecutive ids do not look consecutive (merchants must not parse them).
    let x = crate::faults::splitmix64(seq);
    format!("{x:016x}{seq:016x}{:02x}", index & 0xff)
}

/// How a notification is signed: the key (the gateway key, or in certificate mode the
/// current Alipay certificate's), and the charset its bytes are in (`encoding`) and the one
/// it declares (`declared`; they differ only under the `gbk` fault).
pub(super) struct Signing<'a> {
    pub key: &'a GatewayPrivateKey,
    pub sign_type: SignType,
    pub encoding: Charset,
    pub declared: Charset,
}

/// The signed form of one notification.
pub(super) fn body(event: &NotifyEvent, notify_id: &str, signing: &Signing<'_>) -> Option<String> {
    let now = Timestamp::now();
    let mut map: BTreeMap<String, String> = event.fields.iter().cloned().collect();
    let own = [
        ("notify_type", event.notify_type.clone()),
        ("app_id", event.app_id.clone()),
        ("notify_id", notify_id.to_owned()),
        ("notify_time", now.as_str().to_owned()),
        ("charset", signing.declared.as_str().to_owned()),
        ("version", "1.0".to_owned()),
    ];
    for (k, v) in own {
        map.entry(k.to_owned()).or_insert(v);
    }
    sign_notification(&map, signing.key, signing.sign_type, signing.encoding).ok()
}

/// POSTs `body` to `url` in the background, retrying until it answers `success`.
pub(super) fn deliver(url: String, body: String, charset: Charset) {
    let Ok(uri) = url.parse::<hyper::Uri>() else {
        return;
    };
    if uri.scheme_str() != Some("http") {
        return;
    }
    tokio::spawn(async move {
        let client = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .build_http::<Full<Bytes>>();
        let mut delay = Duration::from_millis(100);
        for attempt in 0..5 {
            if attempt > 0 {
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
            let Ok(req) = Request::post(uri.clone())
                .header(
                    hyper::header::CONTENT_TYPE,
                    format!(
                        "application/x-www-form-urlencoded;charset={}",
                        charset.as_str()
                    ),
                )
                .body(Full::new(Bytes::from(body.clone())))
            else {
                return;
            };
            let sent = tokio::time::timeout(Duration::from_secs(5), async {
                let resp = client.request(req).await.ok()?;
                let bytes = resp.into_body().collect().await.ok()?.to_bytes();
                Some(bytes)
            })
            .await;
            if let Ok(Some(answer)) = sent
                && &answer[..] == b"success"
            {
                return;
            }
        }
    });
}
