//! Buyers' one-time payment codes (付款码): what a shop scans for `alipay.trade.pay` and
//! `alipay.fund.auth.order.freeze`. Stand-in with the signatures of the trade branch's
//! (`sandbox-trade`), which replaces this file when merged. A code is 18 digits starting `28` (bar codes are 16–24
//! digits starting 25–30, per the `auth_code` text of the Java SDK's
//! `AlipayTradePayModel.java`), belongs to one user and is spent by the first call it pays.

use crate::ledger::{Ledger, LedgerError};
use crate::oauth::mix;

impl Ledger {
    /// Issues a one-time payment code for `user_id` (what the buyer's phone shows).
    pub fn issue_payment_code(&mut self, user_id: &str) -> Result<String, LedgerError> {
        match self.account(user_id) {
            None => return Err(LedgerError::UnknownUser(user_id.to_owned())),
            Some(a) if a.restricted => {
                return Err(LedgerError::PayerRestricted(user_id.to_owned()));
            }
            Some(_) => {}
        }
        let seq = self.next_seq();
        let code = format!("28{:016}", mix(seq) % 10_000_000_000_000_000);
        self.payment_codes.insert(code.clone(), user_id.to_owned());
        Ok(code)
    }

    /// Whose unspent code `auth_code` is.
    pub(crate) fn payment_code_owner(&self, auth_code: &str) -> Option<&str> {
        self.payment_codes.get(auth_code).map(String::as_str)
    }

    /// Spends a payment code: its owner, or [`LedgerError::UnknownOrder`] when the code was
    /// never issued or is spent.
    pub fn redeem_payment_code(&mut self, auth_code: &str) -> Result<String, LedgerError> {
        self.payment_codes
            .remove(auth_code)
            .ok_or_else(|| LedgerError::UnknownOrder(auth_code.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DEMO_USERS;

    #[test]
    fn codes_are_one_time_and_shaped_like_bar_codes() {
        let mut l = Ledger::with_demo_data();
        let code = l.issue_payment_code(DEMO_USERS[0].0).unwrap();
        assert_eq!(code.len(), 18);
        assert!(code.starts_with("28") && code.bytes().all(|b| b.is_ascii_digit()));
        let other = l.issue_payment_code(DEMO_USERS[0].0).unwrap();
        assert_ne!(code, other);
        assert_eq!(l.redeem_payment_code(&code).as_deref(), Ok(DEMO_USERS[0].0));
        assert!(l.redeem_payment_code(&code).is_err());
        assert!(l.issue_payment_code("2088999999999999").is_err());
    }
}
