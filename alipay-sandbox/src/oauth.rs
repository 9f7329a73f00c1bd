//! User authorisation: the buyer agreeing on the cashier (`POST /cashier/authorize`) gives an
//! `auth_code`; `alipay.system.oauth.token` exchanges it (or a refresh token) for an access
//! token; `alipay.user.info.share` reads the user's public profile with it.
//!
//! Facts (doc pages of `alipay.system.oauth.token` and `alipay.user.info.share`, API index
//! <https://opendocs.alipay.com/apis>; the Java SDK's `AlipaySystemOauthTokenResponse.java`):
//! the parameters are top-level (`grant_type` `authorization_code` | `refresh_token`, `code`,
//! `refresh_token`); the success answer has `user_id`, `open_id`, `access_token`,
//! `expires_in`, `refresh_token`, `re_expires_in`, `auth_start` and **no** `code`; a bad or
//! used code is `40002 isv.code-invalid` (signed under `error_response`, see the server), a
//! bad refresh token `isv.refresh-token-invalid`, an expired one `isv.refresh-token-time-out`,
//! an unknown grant `isv.grant-type-invalid`;
//! user.info.share with a bad token answers `20001 aop.invalid-auth-token`, an expired one
//! `20001 aop.auth-token-time-out` (public error codes page, `PUBERR` in docs/sources.md).
//! Access tokens live 15 days and refresh tokens 30 (`expires_in` 1296000, `re_expires_in`
//! 2592000: *chosen*, long enough for manual testing; the doc's example shows 3600 for both,
//! and the answer says which applies, as on Alipay). An `auth_code` is good once (the sandbox
//! gives it no expiry), a refresh token once (the new answer carries a new one).

use std::collections::BTreeMap;

use serde_json::json;

use crate::Reply;
use crate::faults::splitmix64 as mix;
use crate::ledger::{Ledger, LedgerError, beijing_time};
use crate::transfer::open_id_of;

/// Seconds an access token lives.
pub const ACCESS_TOKEN_SECONDS: i64 = 1_296_000;
/// Seconds a refresh token lives.
pub const REFRESH_TOKEN_SECONDS: i64 = 2_592_000;
/// The scopes the cashier grants.
pub const SCOPES: [&str; 2] = ["auth_user", "auth_base"];

/// What a code or token stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub user_id: String,
    pub scope: String,
    /// `yyyy-MM-dd HH:mm:ss` when it was issued.
    pub issued: String,
}

/// Codes and tokens.
#[derive(Debug, Clone, Default)]
pub struct OAuthBook {
    codes: BTreeMap<String, Grant>,
    access: BTreeMap<String, Grant>,
    refresh: BTreeMap<String, Grant>,
}

fn seconds_between(from: &str, to: &str) -> Option<i64> {
    Some((beijing_time(to)? - beijing_time(from)?).whole_seconds())
}

/// Whether a grant issued at `issued` is still alive at `now` (an unreadable time counts as
/// expired).
fn alive(issued: &str, now: &str, lifetime: i64) -> bool {
    seconds_between(issued, now).is_some_and(|s| s < lifetime)
}

fn invalid(sub_code: &str, sub_msg: &str) -> Reply {
    Reply::error("40002", "Invalid Arguments", sub_code, sub_msg)
}

impl Ledger {
    /// The user agreed on the cashier: a one-time `auth_code` for `scope`.
    pub fn authorize(
        &mut self,
        user_id: &str,
        scope: &str,
        now: &str,
    ) -> Result<String, LedgerError> {
        if self.account(user_id).is_none() || user_id == self.merchant_id {
            return Err(LedgerError::UnknownUser(user_id.to_owned()));
        }
        if !SCOPES.contains(&scope) {
            return Err(LedgerError::BadScope(scope.to_owned()));
        }
        let seq = self.next_seq();
        let code = format!("{:016x}{:016x}", mix(seq), mix(!seq));
        self.oauth.codes.insert(
            code.clone(),
            Grant {
                user_id: user_id.to_owned(),
                scope: scope.to_owned(),
                issued: now.to_owned(),
            },
        );
        Ok(code)
    }

    fn issue_tokens(&mut self, grant: &Grant, now: &str) -> Reply {
        let seq = self.next_seq();
        let access = format!("authusrB{:016x}{:016x}", mix(seq), mix(seq ^ 0xA5A5));
        let refresh = format!("authusrB{:016x}{:016x}", mix(!seq), mix(seq ^ 0x5A5A));
        let fresh = Grant {
            issued: now.to_owned(),
            ..grant.clone()
        };
        self.oauth.access.insert(access.clone(), fresh.clone());
        self.oauth.refresh.insert(refresh.clone(), fresh);
        Reply {
            node: json!({
                "user_id": grant.user_id,
                "open_id": open_id_of(&grant.user_id),
                "access_token": access,
                "expires_in": ACCESS_TOKEN_SECONDS,
                "refresh_token": refresh,
                "re_expires_in": REFRESH_TOKEN_SECONDS,
                "auth_start": now,
            }),
            events: Vec::new(),
        }
    }

    /// `alipay.system.oauth.token`.
    pub(crate) fn oauth_token(
        &mut self,
        grant_type: &str,
        code: Option<&str>,
        refresh_token: Option<&str>,
        now: &str,
    ) -> Reply {
        match grant_type {
            "authorization_code" => match code.and_then(|c| self.oauth.codes.remove(c)) {
                Some(grant) => self.issue_tokens(&grant, now),
                None => invalid("isv.code-invalid", "授权码code无效"),
            },
            "refresh_token" => {
                let Some(grant) = refresh_token.and_then(|t| self.oauth.refresh.remove(t)) else {
                    return invalid("isv.refresh-token-invalid", "刷新令牌refresh_token无效");
                };
                if !alive(&grant.issued, now, REFRESH_TOKEN_SECONDS) {
                    return invalid("isv.refresh-token-time-out", "刷新令牌refresh_token过期");
                }
                // The old access tokens of this grant stay valid until they expire.
                self.issue_tokens(&grant, now)
            }
            _ => invalid("isv.grant-type-invalid", "grant_type参数不正确"),
        }
    }

    /// `alipay.user.info.share`: the public profile of the token's user.
    pub(crate) fn user_info(&self, auth_token: Option<&str>, now: &str) -> Reply {
        let token_error = |sub_code: &str, sub_msg: &str| {
            Reply::error("20001", "Insufficient Token Permissions", sub_code, sub_msg)
        };
        let Some(grant) = auth_token.and_then(|t| self.oauth.access.get(t)) else {
            return token_error("aop.invalid-auth-token", "无效的访问令牌");
        };
        if !alive(&grant.issued, now, ACCESS_TOKEN_SECONDS) {
            return token_error("aop.auth-token-time-out", "访问令牌已过期");
        }
        if grant.scope != "auth_user" {
            return Reply::error(
                "40006",
                "Insufficient Permissions",
                "isv.insufficient-user-permissions",
                "用户未授权auth_user",
            );
        }
        let Some(account) = self.account(&grant.user_id) else {
            return token_error("aop.invalid-auth-token", "无效的访问令牌");
        };
        let nick = account
            .taobao_nick
            .clone()
            .unwrap_or_else(|| crate::ledger::mask_logon(&account.logon_id));
        Reply::success(vec![
            ("user_id", account.user_id.clone()),
            ("open_id", open_id_of(&account.user_id)),
            ("nick_name", nick),
            (
                "avatar",
                format!("https://sandbox.invalid/avatar/{}.png", account.user_id),
            ),
            ("user_type", "2".to_owned()),
            (
                "user_status",
                if account.restricted { "Q" } else { "T" }.to_owned(),
            ),
            ("is_certified", "T".to_owned()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DEMO_USERS;

    const NOW: &str = "2026-12-02 10:00:00";
    const ALICE: &str = DEMO_USERS[0].0;

    #[test]
    fn code_to_token_to_profile_and_refresh() {
        let mut l = Ledger::with_demo_data();
        let code = l.authorize(ALICE, "auth_user", NOW).unwrap();
        let t = l.oauth_token("authorization_code", Some(&code), None, NOW);
        assert_eq!(t.node.get("code"), None, "no code on success: {}", t.node);
        assert_eq!(t.node["user_id"], ALICE);
        assert_eq!(t.node["expires_in"], ACCESS_TOKEN_SECONDS);
        let access = t.node["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let refresh = t.node["refresh_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        // The code is good once.
        let again = l.oauth_token("authorization_code", Some(&code), None, NOW);
        assert_eq!(again.sub_code(), Some("isv.code-invalid"));
        let me = l.user_info(Some(&access), NOW);
        assert_eq!(me.field("user_id"), Some(ALICE));
        assert_eq!(me.field("nick_name"), Some(DEMO_USERS[0].2));
        assert_eq!(
            l.user_info(Some("nope"), NOW).sub_code(),
            Some("aop.invalid-auth-token")
        );
        assert_eq!(
            l.user_info(Some(&access), "2026-12-17 10:00:00").sub_code(),
            Some("aop.auth-token-time-out")
        );
        let r = l.oauth_token("refresh_token", None, Some(&refresh), "2026-12-20 10:00:00");
        let access2 = r.node["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert_ne!(access2, access);
        assert!(
            l.user_info(Some(&access2), "2026-12-20 10:00:01")
                .is_success()
        );
        // A refresh token is good once too.
        assert_eq!(
            l.oauth_token("refresh_token", None, Some(&refresh), NOW)
                .sub_code(),
            Some("isv.refresh-token-invalid")
        );
        assert_eq!(
            l.oauth_token("password", None, None, NOW).sub_code(),
            Some("isv.grant-type-invalid")
        );
    }

    #[test]
    fn base_scope_and_bad_users() {
        let mut l = Ledger::with_demo_data();
        let code = l.authorize(ALICE, "auth_base", NOW).unwrap();
        let t = l.oauth_token("authorization_code", Some(&code), None, NOW);
        let access = t.node["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert_eq!(l.user_info(Some(&access), NOW).code(), "40006");
        assert!(l.authorize("2088999999999999", "auth_user", NOW).is_err());
        assert!(l.authorize(ALICE, "everything", NOW).is_err());
    }
}
