//! Notifications: signed with the gateway key (or the current Alipay certificate's key in
//! certificate mode), POSTed to `notify_url` on Alipay's re-send schedule until it answers
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

/// Alipay re-sends a notification that was not answered `success` 7 times, these many
/// minutes after the previous try: 8 deliveries in about 25 hours (the notification page of
/// the trade family, https://opendocs.alipay.com/open/270/105902, "4m,10m,10m,1h,2h,6h,15h").
const RESEND_AFTER_MINUTES: [u64; 7] = [4, 10, 10, 60, 120, 360, 900];

/// The sandbox keeps that schedule's shape on a compressed clock, one Alipay minute in 25 ms
/// (first re-send after 100 ms, the last about 37 s after the first try), so tests see the
/// re-sends without waiting a day.
const MS_PER_ALIPAY_MINUTE: u64 = 25;

/// The wait before delivery `attempt` (1 = the first re-send).
fn resend_delay(attempt: usize) -> Duration {
    let minutes = RESEND_AFTER_MINUTES
        .get(attempt.saturating_sub(1))
        .copied()
        .unwrap_or(0);
    Duration::from_millis(minutes * MS_PER_ALIPAY_MINUTE)
}

/// POSTs `body` to `url` in the background, re-sending on Alipay's schedule (compressed)
/// until it answers `success`.
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
        for attempt in 0..=RESEND_AFTER_MINUTES.len() {
            if attempt > 0 {
                tokio::time::sleep(resend_delay(attempt)).await;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resends_follow_alipays_schedule_compressed() {
        let delays: Vec<u64> = (1..=7)
            .map(|a| resend_delay(a).as_millis() as u64)
            .collect();
        assert_eq!(delays, [100, 250, 250, 1500, 3000, 9000, 22500]);
        // 8 deliveries in all, as Alipay makes in 25 hours.
        assert_eq!(RESEND_AFTER_MINUTES.len() + 1, 8);
        assert_eq!(RESEND_AFTER_MINUTES.iter().sum::<u64>(), 1464); // 24 h 24 min
    }
}
