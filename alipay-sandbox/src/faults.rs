//! Faults injected on request, so a client's retry logic can be proven against the sandbox.
//!
//! A plan is a list of rules, `;`-separated; each names a method (or none: every method) and
//! the share of its calls that get each fault:
//!
//! ```text
//! before=10%,after=10%,busy=5%,drop=5%,delay=5%@300ms        every method
//! disburse:after=20%,drop=10%;query:before=5%                two methods (short or full names)
//! trade.pay:after=30%;trade.refund:drop=10%                  the trade family
//! ```
//!
//! | kind | what the sandbox does | what the client can know |
//! |---|---|---|
//! | `before` | answers `20000 isp.unknow-error` **without** applying the call | outcome unknown |
//! | `after` | applies the call, then answers `20000 isp.unknow-error` | outcome unknown |
//! | `busy` | applies the call, then answers `10003 业务处理中` (it finished inside Alipay after the gateway gave up waiting) | outcome unknown |
//! | `drop` | applies the call, then closes the connection without an answer | outcome unknown |
//! | `delay` | applies the call and answers normally, `@duration` late (default 200 ms) | a timeout if the client gives up first |
//! | `gbk` | applies the call, then answers `20000 aop.unknow-error 系统繁忙` **GBK-encoded** (signed over the GBK bytes) although the call said `charset=utf-8`, and sends the call's notifications GBK-encoded under `charset=utf-8` too: what the live gateway was seen doing (smartwalle/alipay PR #257) | outcome unknown; the client must read GBK |
//!
//! A short name is looked up among the red-packet methods first (`query` is
//! `alipay.fund.coupon.operation.query`), then the trade family (`trade.query`). A method's own
//! rule replaces the rule without a method. Shares of one rule add up to at
//! most 100%.
//!
//! **Deterministic**: the fault of a call is a hash of the seed, the method, the exact
//! `biz_content` and how many times that same request was seen before, so a run with the
//! same seed and the same requests gets the same faults whatever the interleaving of
//! concurrent calls. A retry (same `biz_content`) draws again.

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use crate::METHODS;

/// What happens to one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answered normally.
    None,
    /// `20000` without applying.
    UnavailableBefore,
    /// Applied, then `20000`.
    UnavailableAfter,
    /// Applied, then `10003`.
    InProgress,
    /// Applied, then the connection is closed without an answer.
    Drop,
    /// Applied and answered this late.
    Delay(Duration),
    /// Applied, then `20000 aop.unknow-error 系统繁忙` in GBK under `charset=utf-8`; its
    /// notifications GBK-encoded under `charset=utf-8` too.
    GbkBusy,
}

impl Fault {
    /// Whether the call is applied to the ledger.
    pub fn applies(self) -> bool {
        self != Fault::UnavailableBefore
    }

    /// The short name used in plans and reports.
    pub fn name(self) -> &'static str {
        match self {
            Fault::None => "none",
            Fault::UnavailableBefore => "before",
            Fault::UnavailableAfter => "after",
            Fault::InProgress => "busy",
            Fault::Drop => "drop",
            Fault::Delay(_) => "delay",
            Fault::GbkBusy => "gbk",
        }
    }
}

/// Shares of one rule, in per-ten-thousand of calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shares {
    pub before: u32,
    pub after: u32,
    pub busy: u32,
    pub drop: u32,
    pub delay: u32,
    pub delay_by: Duration,
    pub gbk: u32,
}

impl Shares {
    fn total(&self) -> u32 {
        self.before + self.after + self.busy + self.drop + self.delay + self.gbk
    }

    fn pick(&self, draw: u32) -> Fault {
        let mut edge = 0;
        for (share, fault) in [
            (self.before, Fault::UnavailableBefore),
            (self.after, Fault::UnavailableAfter),
            (self.busy, Fault::InProgress),
            (self.drop, Fault::Drop),
            (self.delay, Fault::Delay(self.delay_by)),
            (self.gbk, Fault::GbkBusy),
        ] {
            edge += share;
            if draw < edge {
                return fault;
            }
        }
        Fault::None
    }
}

/// A plan that cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultPlanError(String);

impl fmt::Display for FaultPlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bad fault plan: {} (expected e.g. `before=10%,after=10%,busy=5%,drop=5%,delay=5%@300ms` or `disburse:after=20%;query:before=5%`)",
            self.0
        )
    }
}

impl std::error::Error for FaultPlanError {}

/// Which faults to inject, and the seed that decides which calls get them.
#[derive(Debug, Default)]
pub struct FaultPlan {
    seed: u64,
    default: Option<Shares>,
    per_method: Vec<(&'static str, Shares)>,
    /// Times each request (method + biz_content hash) was seen.
    seen: HashMap<u64, u32>,
}

impl FaultPlan {
    /// No faults.
    pub fn none() -> FaultPlan {
        FaultPlan::default()
    }

    /// Parses a plan (see the module docs).
    pub fn parse(text: &str, seed: u64) -> Result<FaultPlan, FaultPlanError> {
        let mut plan = FaultPlan {
            seed,
            ..FaultPlan::default()
        };
        for rule in text.split(';').map(str::trim).filter(|r| !r.is_empty()) {
            let (method, list) = match rule.split_once(':') {
                // `delay=5%@1:00` is not a thing; a ':' before any '=' names a method.
                Some((m, rest)) if !m.contains('=') => (Some(m.trim()), rest),
                _ => (None, rule),
            };
            let shares = parse_shares(list)?;
            match method {
                None | Some("*") => {
                    if plan.default.is_some() {
                        return Err(FaultPlanError("two rules for every method".into()));
                    }
                    plan.default = Some(shares);
                }
                Some(name) => {
                    let full = resolve_method(name)?;
                    if plan.per_method.iter().any(|(m, _)| *m == full) {
                        return Err(FaultPlanError(format!("two rules for {full}")));
                    }
                    plan.per_method.push((full, shares));
                }
            }
        }
        Ok(plan)
    }

    /// Whether any fault can happen.
    pub fn is_active(&self) -> bool {
        self.default.is_some_and(|s| s.total() > 0)
            || self.per_method.iter().any(|(_, s)| s.total() > 0)
    }

    /// The rule that applies to `method`.
    pub fn shares(&self, method: &str) -> Option<Shares> {
        self.per_method
            .iter()
            .find(|(m, _)| *m == method)
            .map(|(_, s)| *s)
            .or(self.default)
    }

    /// The fault for this call (counts it as seen).
    pub fn decide(&mut self, method: &str, biz_content: &str) -> Fault {
        let Some(shares) = self.shares(method) else {
            return Fault::None;
        };
        if shares.total() == 0 {
            return Fault::None;
        }
        let request = fnv1a(&[method.as_bytes(), b"\0", biz_content.as_bytes()]);
        let attempt = self.seen.entry(request).or_insert(0);
        *attempt += 1;
        let draw = splitmix64(self.seed ^ request ^ u64::from(*attempt).rotate_left(32));
        shares.pick((draw % 10_000) as u32)
    }
}

fn resolve_method(name: &str) -> Result<&'static str, FaultPlanError> {
    // The red-packet family is searched first, so the short names it always had (`query`,
    // `refund`) keep their meaning now that later families also end in them; then the other
    // fund/data/system/user methods; then the trade family (`trade.query`, `trade.refund`).
    let (red_packets, later) = METHODS.split_at(crate::RED_PACKET_METHODS);
    let find = |methods: &[&'static str]| -> Vec<&'static str> {
        methods
            .iter()
            .copied()
            .filter(|m| *m == name || m.ends_with(&format!(".{name}")))
            .collect()
    };
    let mut matches = find(red_packets);
    if matches.is_empty() {
        matches = find(later);
    }
    if matches.is_empty() {
        matches = find(&crate::TRADE_METHODS);
    }
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(FaultPlanError(format!(
            "unknown method {name:?}; known: {}, {}",
            METHODS.join(", "),
            crate::TRADE_METHODS.join(", ")
        ))),
        _ => Err(FaultPlanError(format!(
            "{name:?} names several methods: {}",
            matches.join(", ")
        ))),
    }
}

fn parse_shares(list: &str) -> Result<Shares, FaultPlanError> {
    let mut shares = Shares {
        delay_by: Duration::from_millis(200),
        ..Shares::default()
    };
    for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let (kind, value) = item
            .split_once('=')
            .ok_or_else(|| FaultPlanError(format!("{item:?} has no `=`")))?;
        let (share, delay) = match value.split_once('@') {
            Some((s, d)) => (s, Some(d)),
            None => (value, None),
        };
        let share = parse_share(share.trim())?;
        let slot = match kind.trim() {
            "before" => &mut shares.before,
            "after" => &mut shares.after,
            "busy" | "10003" => &mut shares.busy,
            "drop" => &mut shares.drop,
            "delay" => &mut shares.delay,
            "gbk" => &mut shares.gbk,
            other => {
                return Err(FaultPlanError(format!(
                    "unknown fault {other:?} (before, after, busy, drop, delay, gbk)"
                )));
            }
        };
        *slot = share;
        if let Some(d) = delay {
            if kind.trim() != "delay" {
                return Err(FaultPlanError(format!(
                    "only delay takes @duration: {item:?}"
                )));
            }
            shares.delay_by = parse_duration(d.trim())?;
        }
    }
    if shares.total() > 10_000 {
        return Err(FaultPlanError(format!(
            "shares add up to more than 100%: {list:?}"
        )));
    }
    Ok(shares)
}

/// `10%`, `2.5%` or `0.1`, in per-ten-thousand.
fn parse_share(text: &str) -> Result<u32, FaultPlanError> {
    let bad = || FaultPlanError(format!("{text:?} is not a share (10%, 2.5% or 0.1)"));
    let (number, scale) = match text.strip_suffix('%') {
        Some(n) => (n, 100.0),
        None => (text, 10_000.0),
    };
    let value: f64 = number.parse().map_err(|_| bad())?;
    if !(0.0..=10_000.0 / scale).contains(&value) {
        return Err(bad());
    }
    // A configuration share, not money: rounding to 0.01% is fine.
    Ok((value * scale).round() as u32)
}

/// `300ms`, `2s`.
fn parse_duration(text: &str) -> Result<Duration, FaultPlanError> {
    let bad = || FaultPlanError(format!("{text:?} is not a duration (300ms, 2s)"));
    if let Some(ms) = text.strip_suffix("ms") {
        return ms.parse().map(Duration::from_millis).map_err(|_| bad());
    }
    if let Some(s) = text.strip_suffix('s') {
        return s.parse().map(Duration::from_secs).map_err(|_| bad());
    }
    Err(bad())
}

fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// A 64-bit mixer (SplitMix64's finaliser): fault draws and scrambled notify_ids.
pub(crate) fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
    const QUERY: &str = "alipay.fund.coupon.operation.query";

    #[test]
    fn parses_every_kind_and_method_rules() {
        let plan = FaultPlan::parse(
            "before=10%,after=0.1,busy=5%,drop=2.5%,delay=5%@1s; disburse:after=20%",
            7,
        )
        .unwrap();
        let all = plan.shares(QUERY).unwrap();
        assert_eq!(
            (all.before, all.after, all.busy, all.drop, all.delay),
            (1000, 1000, 500, 250, 500)
        );
        assert_eq!(all.delay_by, Duration::from_secs(1));
        let d = plan.shares(DISBURSE).unwrap();
        assert_eq!((d.before, d.after), (0, 2000));
        assert!(plan.is_active());
    }

    #[test]
    fn short_names_prefer_the_red_packet_then_the_trade_family() {
        let plan =
            FaultPlan::parse("query:before=1%;trade.query:after=2%;trade.pay:drop=3%", 0).unwrap();
        assert_eq!(plan.shares(QUERY).map(|s| s.before), Some(100));
        assert_eq!(
            plan.shares("alipay.trade.query").map(|s| s.after),
            Some(200)
        );
        assert_eq!(plan.shares("alipay.trade.pay").map(|s| s.drop), Some(300));
    }

    #[test]
    fn refuses_bad_plans_with_the_reason() {
        for (plan, why) in [
            ("before=60%,after=50%", "more than 100%"),
            ("explode=1%", "unknown fault"),
            ("nosuch:before=1%", "unknown method"),
            ("pay:before=1%", "several methods"),
            ("before", "no `=`"),
            ("before=-1%", "not a share"),
            ("after=1%@2s", "only delay"),
            ("delay=1%@2h", "not a duration"),
            ("before=1%;after=1%", "two rules"),
        ] {
            let err = FaultPlan::parse(plan, 0).unwrap_err().to_string();
            assert!(err.contains(why), "{plan}: {err}");
        }
    }

    #[test]
    fn same_seed_same_faults_whatever_the_order() {
        let requests: Vec<String> = (0..200).map(|i| format!(r#"{{"n":{i}}}"#)).collect();
        let spec = "before=10%,after=10%,busy=10%,drop=10%,delay=10%@1ms";
        let mut a = FaultPlan::parse(spec, 42).unwrap();
        let forward: Vec<Fault> = requests.iter().map(|r| a.decide(DISBURSE, r)).collect();
        let mut b = FaultPlan::parse(spec, 42).unwrap();
        let mut backward: Vec<Fault> = requests
            .iter()
            .rev()
            .map(|r| b.decide(DISBURSE, r))
            .collect();
        backward.reverse();
        assert_eq!(forward, backward);
        let mut c = FaultPlan::parse(spec, 43).unwrap();
        let other: Vec<Fault> = requests.iter().map(|r| c.decide(DISBURSE, r)).collect();
        assert_ne!(forward, other);
    }

    #[test]
    fn shares_are_respected_and_retries_draw_again() {
        let mut plan = FaultPlan::parse("before=30%,drop=20%", 1).unwrap();
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for i in 0..10_000 {
            *counts
                .entry(plan.decide(DISBURSE, &i.to_string()).name())
                .or_default() += 1;
        }
        let before = counts["before"];
        let drop = counts["drop"];
        assert!((2700..3300).contains(&before), "{counts:?}");
        assert!((1700..2300).contains(&drop), "{counts:?}");
        assert_eq!(counts.get("after"), None);
        // The same request retried gets independent draws.
        let retries: Vec<Fault> = (0..50).map(|_| plan.decide(DISBURSE, "same")).collect();
        assert!(retries.contains(&Fault::None) && retries.contains(&Fault::UnavailableBefore));
    }

    #[test]
    fn gbk_is_a_fault_kind() {
        let mut plan = FaultPlan::parse("disburse:gbk=100%", 3).unwrap();
        assert_eq!(
            plan.shares("alipay.fund.coupon.order.disburse")
                .unwrap()
                .gbk,
            10_000
        );
        let fault = plan.decide("alipay.fund.coupon.order.disburse", "{}");
        assert_eq!(fault, Fault::GbkBusy);
        assert!(fault.applies());
        assert_eq!(fault.name(), "gbk");
        assert!(plan.decide("alipay.fund.coupon.order.refund", "{}") == Fault::None);
    }

    #[test]
    fn no_plan_no_faults() {
        let mut plan = FaultPlan::none();
        assert!(!plan.is_active());
        assert_eq!(plan.decide(DISBURSE, "{}"), Fault::None);
        let mut only_query = FaultPlan::parse("query:before=100%", 0).unwrap();
        assert_eq!(only_query.decide(DISBURSE, "{}"), Fault::None);
        assert_eq!(only_query.decide(QUERY, "{}"), Fault::UnavailableBefore);
    }
}
