//! The sign content: every sent parameter except `sign`, sorted by
//! name, `name=value` joined by `&`, raw values, encoded in the request charset.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// `sign_type`: the hash under RSASSA-PKCS1-v1_5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum SignType {
    /// SHA256withRSA, the default everywhere.
    #[default]
    Rsa2,
    /// SHA1withRSA, legacy.
    Rsa,
}

impl SignType {
    /// `RSA2` or `RSA`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignType::Rsa2 => "RSA2",
            SignType::Rsa => "RSA",
        }
    }

    /// The name of the algorithm, for messages.
    pub fn algorithm(self) -> &'static str {
        match self {
            SignType::Rsa2 => "SHA256withRSA (RSA2)",
            SignType::Rsa => "SHA1withRSA (RSA)",
        }
    }
}

impl fmt::Display for SignType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SignType {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "RSA2" => Ok(SignType::Rsa2),
            "RSA" => Ok(SignType::Rsa),
            _ => Err(Error::invalid(format!(
                "unsupported sign_type {s:?}: use RSA2 or RSA"
            ))),
        }
    }
}

/// The parameters of one gateway call, kept sorted by name: the order of the sign content.
///
/// Empty values are never stored, so they are neither signed nor sent (the Java SDK's rule;
/// it makes every official SDK's variant agree).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Params(BTreeMap<String, String>);

/// Parameters that are credentials: a user's OAuth tokens and code, an ISV's merchant token.
/// Their values never reach logs through `Debug`.
const SECRET_PARAMS: [&str; 4] = ["auth_token", "app_auth_token", "code", "refresh_token"];

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| {
                let shown = if SECRET_PARAMS.contains(&k.as_str()) {
                    "<redacted>"
                } else {
                    v.as_str()
                };
                (k, shown)
            }))
            .finish()
    }
}

impl Params {
    /// No parameters.
    pub fn new() -> Self {
        Params::default()
    }

    /// Sets `name` to `value`, replacing an earlier value; an empty value removes the name.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let (name, value) = (name.into(), value.into());
        if value.is_empty() {
            self.0.remove(&name);
        } else {
            self.0.insert(name, value);
        }
    }

    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// Whether `name` is set.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// Removes `name`, returning its value.
    pub fn remove(&mut self, name: &str) -> Option<String> {
        self.0.remove(name)
    }

    /// All parameters, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// How many parameters are set.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text that is signed: every parameter except `sign`, sorted, raw values.
    pub fn sign_content(&self) -> String {
        sign_content(self.iter().filter(|(k, _)| *k != "sign"))
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut p = Params::new();
        for (k, v) in iter {
            p.set(k, v);
        }
        p
    }
}

/// `name=value` pairs, already sorted by name, joined with `&`. Values are raw: no escaping,
/// so `&` and `=` inside values stay as they are (the gateway builds the same string).
pub fn sign_content<'a>(sorted: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (i, (k, v)) in sorted.enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocol_example_sign_content() {
        // identical for the Node and Python SDKs.
        let p: Params = [
            ("timestamp", "2024-01-02 12:05:06"),
            ("app_id", "2021000000000001"),
            ("method", "alipay.trade.precreate"),
            ("format", "json"),
            ("charset", "utf-8"),
            ("sign_type", "RSA2"),
            ("version", "1.0"),
            ("notify_url", "https://example.com/alipay/notify?a=1&b=2"),
            (
                "biz_content",
                r#"{"out_trade_no":"20240102120506001","total_amount":"88.88","subject":"测试订单 Test&Order=1+1"}"#,
            ),
            ("sign", "ignored"),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            p.sign_content(),
            r#"app_id=2021000000000001&biz_content={"out_trade_no":"20240102120506001","total_amount":"88.88","subject":"测试订单 Test&Order=1+1"}&charset=utf-8&format=json&method=alipay.trade.precreate&notify_url=https://example.com/alipay/notify?a=1&b=2&sign_type=RSA2&timestamp=2024-01-02 12:05:06&version=1.0"#
        );
    }

    #[test]
    fn empty_values_are_neither_signed_nor_sent() {
        let mut p = Params::new();
        p.set("notify_url", "");
        p.set("a", "1");
        p.set("a", "");
        assert!(p.is_empty());
        assert_eq!(p.sign_content(), "");
    }

    #[test]
    fn sign_type_round_trips_and_rejects_others() {
        assert_eq!("RSA2".parse::<SignType>().unwrap(), SignType::Rsa2);
        assert_eq!("RSA".parse::<SignType>().unwrap(), SignType::Rsa);
        assert!("rsa2".parse::<SignType>().is_err());
        assert!("SM2".parse::<SignType>().is_err());
    }
}
