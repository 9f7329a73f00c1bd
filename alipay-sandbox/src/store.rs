//! The sandbox's books: the [`Ledger`] plus, with a state directory, a durable journal of
//! every command that changed it.
//!
//! The ledger is deterministic: the same commands (each carrying its own `now`) in the same
//! order give the same accounts, the same `auth_no`s and the same stored replies. So the
//! state directory keeps the *commands*, not the ledger: each one is committed to an embedded
//! database ([redb], ACID, copy-on-write) **before** it is applied and before anything is
//! answered, and opening the directory replays them onto the base ledger. A command whose
//! answer was never sent (the process was killed after the commit) is still applied after a
//! restart: for the client that is a call whose outcome it does not know, which is exactly
//! what it was, and querying or re-sending the same request resolves it.
//!
//! Reads (`alipay.fund.coupon.operation.query`, [`Books::ledger`]) are not journaled.
//!
//! [redb]: https://docs.rs/redb

use std::path::{Path, PathBuf};

use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};

use crate::ledger::{Ledger, LedgerError, Template};
use crate::trade::BuyerAction;
use crate::trade_api::Delivery;
use crate::{CallContext, NotifyEvent, Reply};

/// `sequence number -> command as JSON`.
const JOURNAL: TableDefinition<u64, &[u8]> = TableDefinition::new("journal");
/// `format` and `base` of the journal.
const META: TableDefinition<&str, &str> = TableDefinition::new("meta");
const FORMAT: &str = "alipay-sandbox-journal/1";
/// The file inside the state directory.
pub const DATABASE_FILE: &str = "ledger.redb";

/// Everything that changes the ledger, as journaled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    /// An API call that passed the gateway's checks ([`Ledger::handle`]).
    Call {
        app_id: String,
        method: String,
        biz_content: String,
        now: String,
    },
    /// An API call with its gateway context ([`Ledger::handle_in`]): certificate mode or
    /// top-level parameters. Plain calls are journaled as [`Command::Call`].
    CallIn {
        app_id: String,
        method: String,
        biz_content: String,
        now: String,
        context: CallContext,
    },
    /// A buyer confirmed an app.freeze order string in the app ([`Ledger::app_freeze`]).
    AppFreeze {
        app_id: String,
        biz_content: String,
        payer_user_id: String,
        now: String,
    },
    /// A user agreed to share their account with the app ([`Ledger::authorize`]).
    Authorize {
        user_id: String,
        scope: String,
        now: String,
    },
    /// The cashier received an app.pay order string or a page.pay form
    /// ([`Ledger::create_pending_order`]).
    CreatePendingOrder {
        app_id: String,
        method: String,
        biz_content: String,
        now: String,
    },
    /// A user paid a pending order ([`Ledger::pay_order`]).
    PayOrder {
        out_order_no: String,
        payer_user_id: String,
        now: String,
    },
    /// A user scanned a voucher.create QR code ([`Ledger::scan_voucher`]).
    ScanVoucher {
        out_order_no: String,
        payer_user_id: String,
        now: String,
    },
    AddUser {
        user_id: String,
        logon_id: String,
        taobao_nick: Option<String>,
    },
    Fund {
        user_id: String,
        fen: u64,
    },
    Restrict {
        user_id: String,
        restricted: bool,
    },
    AddTemplate {
        template_id: String,
        name: String,
        budget: Option<u64>,
        default_amount: Option<u64>,
        expired: bool,
    },
    /// A trade-family API call, with what its notifications and return need
    /// ([`Ledger::handle_trade`]).
    TradeCall {
        app_id: String,
        method: String,
        biz_content: String,
        now: String,
        notify_url: Option<String>,
        return_url: Option<String>,
        sign_type: String,
        charset: String,
        /// Absent in journals written before certificate mode: public-key mode.
        #[serde(default)]
        cert_mode: bool,
    },
    /// A buyer's app showed a one-time payment code ([`Ledger::issue_payment_code`]).
    IssuePaymentCode {
        user_id: String,
    },
    /// [`Ledger::set_confirm_on_phone`].
    ConfirmOnPhone {
        user_id: String,
        confirm: bool,
    },
    /// A buyer paid a trade ([`Ledger::buyer_pays`]).
    BuyerPays {
        action: BuyerAction,
        key: String,
        buyer_user_id: String,
        now: String,
    },
    /// The refund period of a paid trade ended ([`Ledger::finish_trade`]).
    FinishTrade {
        out_trade_no: String,
    },
}

impl Command {
    /// The command of a gateway call: [`Command::Call`] for a plain one (so journals of
    /// plain calls read the same as before), [`Command::CallIn`] otherwise.
    pub fn for_call(
        app_id: &str,
        method: &str,
        biz_content: &str,
        context: &CallContext,
        now: &str,
    ) -> Command {
        let (app_id, method, biz_content, now) = (
            app_id.to_owned(),
            method.to_owned(),
            biz_content.to_owned(),
            now.to_owned(),
        );
        if context.is_plain() {
            Command::Call {
                app_id,
                method,
                biz_content,
                now,
            }
        } else {
            Command::CallIn {
                app_id,
                method,
                biz_content,
                now,
                context: context.clone(),
            }
        }
    }

    /// Whether applying it can change the ledger (queries cannot, and are not journaled).
    fn writes(&self) -> bool {
        match self {
            Command::Call { method, .. } | Command::CallIn { method, .. } => {
                method != "alipay.fund.coupon.operation.query"
                    && !crate::fund_rules::READ_ONLY.contains(&method.as_str())
            }
            Command::TradeCall { method, .. } => !crate::trade_api::is_read(method),
            _ => true,
        }
    }
}

/// What a command did: for a [`Command::Call`] the reply (always `Ok`); for the user's and
/// the operator's side the [`LedgerError`] when it was refused. `Ok` replies of those carry a
/// small node (`{"balance": ...}` for funding) and the notifications to send.
pub type Outcome = Result<Reply, LedgerError>;

/// Why the state directory cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("state directory {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "state database {path}: {detail} (is another sandbox using this --state-dir? one process per directory)"
    )]
    Database { path: PathBuf, detail: String },
    #[error(
        "state database {path} was written by {found:?}, this sandbox reads {FORMAT:?}; use a new --state-dir"
    )]
    Format { path: PathBuf, found: String },
    #[error("state database {path}: journal entry {seq} is unreadable: {detail}")]
    Corrupt {
        path: PathBuf,
        seq: u64,
        detail: String,
    },
}

struct Journal {
    db: Database,
    path: PathBuf,
}

/// The ledger, journaled when opened on a state directory.
pub struct Books {
    ledger: Ledger,
    journal: Option<Journal>,
    /// Commands journaled (or, in memory, applied) so far: the next one's sequence number.
    next_seq: u64,
    /// Set when a journal write failed: the in-memory state can no longer be trusted to match
    /// the disk, so every further write is refused.
    broken: Option<String>,
}

impl std::fmt::Debug for Books {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Books")
            .field("state", &self.journal.as_ref().map(|j| &j.path))
            .field("commands", &self.next_seq)
            .finish_non_exhaustive()
    }
}

impl Books {
    /// Books kept only in memory (lost with the process).
    pub fn in_memory(ledger: Ledger) -> Books {
        Books {
            ledger,
            journal: None,
            next_seq: 0,
            broken: None,
        }
    }

    /// Opens (or creates) the journal in `dir` and replays it onto `base`, which must be the
    /// same starting ledger every time the directory is opened (the CLI always starts from
    /// [`Ledger::with_demo_data`]).
    pub fn open(dir: &Path, base: Ledger) -> Result<Books, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let path = dir.join(DATABASE_FILE);
        let db_err = |e: &dyn std::fmt::Display| StoreError::Database {
            path: path.clone(),
            detail: e.to_string(),
        };
        let db = Database::create(&path).map_err(|e| db_err(&e))?;
        // Stamp a new database, check an old one.
        let txn = db.begin_write().map_err(|e| db_err(&e))?;
        {
            let mut meta = txn.open_table(META).map_err(|e| db_err(&e))?;
            let found = meta
                .get("format")
                .map_err(|e| db_err(&e))?
                .map(|v| v.value().to_owned());
            match found {
                None => {
                    meta.insert("format", FORMAT).map_err(|e| db_err(&e))?;
                }
                Some(f) if f == FORMAT => {}
                Some(found) => return Err(StoreError::Format { path, found }),
            }
            txn.open_table(JOURNAL).map_err(|e| db_err(&e))?;
        }
        txn.commit().map_err(|e| db_err(&e))?;

        let mut books = Books {
            ledger: base,
            journal: None,
            next_seq: 0,
            broken: None,
        };
        let read = db.begin_read().map_err(|e| db_err(&e))?;
        let table = read.open_table(JOURNAL).map_err(|e| db_err(&e))?;
        for entry in table.iter().map_err(|e| db_err(&e))? {
            let (seq, bytes) = entry.map_err(|e| db_err(&e))?;
            let seq = seq.value();
            let command: Command =
                serde_json::from_slice(bytes.value()).map_err(|e| StoreError::Corrupt {
                    path: path.clone(),
                    seq,
                    detail: e.to_string(),
                })?;
            // Results (and notifications) of replayed commands were delivered before.
            let _ = books.run(&command);
            books.next_seq = seq + 1;
        }
        drop(table);
        drop(read);
        books.journal = Some(Journal { db, path });
        Ok(books)
    }

    /// The ledger, to read.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// Where the journal lives, if anywhere.
    pub fn state_file(&self) -> Option<&Path> {
        self.journal.as_ref().map(|j| j.path.as_path())
    }

    /// How many commands have been applied (journaled ones, with a state directory); the
    /// next command's sequence number.
    pub fn commands(&self) -> u64 {
        self.next_seq
    }

    /// Journals `command` (durably, when there is a state directory), then applies it.
    /// `Err` means it was **not** applied.
    pub fn apply(&mut self, command: &Command) -> Result<(u64, Outcome), String> {
        if !command.writes() {
            return Ok((self.next_seq, self.run(command)));
        }
        if let Some(why) = &self.broken {
            return Err(why.clone());
        }
        let seq = self.next_seq;
        if let Some(journal) = &self.journal
            && let Err(e) = journal.append(seq, command)
        {
            let why = format!(
                "the sandbox's state database failed ({e}); restart it to recover from {}",
                journal.path.display()
            );
            // redb either committed the entry or did not; which one is unknown here, so
            // stop writing until a restart replays what is really on disk.
            self.broken = Some(why.clone());
            return Err(why);
        }
        self.next_seq += 1;
        Ok((seq, self.run(command)))
    }

    fn run(&mut self, command: &Command) -> Outcome {
        let l = &mut self.ledger;
        let done = |events: Vec<NotifyEvent>| Reply {
            node: serde_json::json!({"code": "10000", "msg": "Success"}),
            events,
        };
        match command {
            Command::Call {
                app_id,
                method,
                biz_content,
                now,
            } => Ok(l.handle(app_id, method, biz_content, now)),
            Command::CallIn {
                app_id,
                method,
                biz_content,
                now,
                context,
            } => Ok(l.handle_in(app_id, method, biz_content, context, now)),
            Command::AppFreeze {
                app_id,
                biz_content,
                payer_user_id,
                now,
            } => Ok(l.app_freeze(app_id, biz_content, payer_user_id, now)),
            Command::Authorize {
                user_id,
                scope,
                now,
            } => l.authorize(user_id, scope, now).map(|auth_code| Reply {
                node: serde_json::json!({"code": "10000", "msg": "Success", "auth_code": auth_code}),
                events: Vec::new(),
            }),
            Command::CreatePendingOrder {
                app_id,
                method,
                biz_content,
                now,
            } => Ok(l.create_pending_order(app_id, method, biz_content, now)),
            Command::PayOrder {
                out_order_no,
                payer_user_id,
                now,
            } => l
                .pay_order(out_order_no, payer_user_id, now)
                .map(|()| done(Vec::new())),
            Command::ScanVoucher {
                out_order_no,
                payer_user_id,
                now,
            } => l
                .scan_voucher(out_order_no, payer_user_id, now)
                .map(|event| done(vec![event])),
            Command::AddUser {
                user_id,
                logon_id,
                taobao_nick,
            } => l
                .add_user(user_id, logon_id, taobao_nick.as_deref())
                .map(|()| done(Vec::new())),
            Command::Fund { user_id, fen } => l.fund(user_id, *fen).map(|balance| Reply {
                node: serde_json::json!({"code": "10000", "msg": "Success", "balance": crate::ledger::yuan(balance)}),
                events: Vec::new(),
            }),
            Command::Restrict {
                user_id,
                restricted,
            } => l.restrict(user_id, *restricted).map(|()| done(Vec::new())),
            Command::AddTemplate {
                template_id,
                name,
                budget,
                default_amount,
                expired,
            } => l
                .add_template(Template {
                    template_id: template_id.clone(),
                    name: name.clone(),
                    budget: *budget,
                    default_amount: *default_amount,
                    expired: *expired,
                })
                .map(|()| done(Vec::new())),
            Command::TradeCall {
                app_id,
                method,
                biz_content,
                now,
                notify_url,
                return_url,
                sign_type,
                charset,
                cert_mode,
            } => {
                let delivery = Delivery {
                    notify_url: notify_url.clone(),
                    return_url: return_url.clone(),
                    sign_type: sign_type.clone(),
                    charset: charset.clone(),
                    cert_mode: *cert_mode,
                };
                Ok(l.handle_trade(app_id, method, biz_content, now, &delivery))
            }
            Command::IssuePaymentCode { user_id } => {
                l.issue_payment_code(user_id).map(|auth_code| Reply {
                    node: serde_json::json!({"auth_code": auth_code}),
                    events: Vec::new(),
                })
            }
            Command::ConfirmOnPhone { user_id, confirm } => l
                .set_confirm_on_phone(user_id, *confirm)
                .map(|()| done(Vec::new())),
            Command::BuyerPays {
                action,
                key,
                buyer_user_id,
                now,
            } => l
                .buyer_pays(*action, key, buyer_user_id, now)
                .map(|event| done(vec![event])),
            Command::FinishTrade { out_trade_no } => l
                .finish_trade(out_trade_no)
                .map(|event| done(vec![event])),
        }
    }

    // The ledger's mutating helpers, journaled, with the ledger's own signatures.

    /// [`Ledger::handle`], journaled. A journal failure answers `20000 isp.unknow-error`
    /// without applying the call.
    pub fn handle(&mut self, app_id: &str, method: &str, biz_content: &str, now: &str) -> Reply {
        let command = Command::Call {
            app_id: app_id.to_owned(),
            method: method.to_owned(),
            biz_content: biz_content.to_owned(),
            now: now.to_owned(),
        };
        self.answer(&command)
    }

    /// [`Ledger::handle_in`], journaled (as [`Command::Call`] when the context is plain).
    pub fn handle_in(
        &mut self,
        app_id: &str,
        method: &str,
        biz_content: &str,
        context: &CallContext,
        now: &str,
    ) -> Reply {
        let command = Command::for_call(app_id, method, biz_content, context, now);
        self.answer(&command)
    }

    /// [`Ledger::app_freeze`], journaled.
    pub fn app_freeze(
        &mut self,
        app_id: &str,
        biz_content: &str,
        payer_user_id: &str,
        now: &str,
    ) -> Reply {
        self.answer(&Command::AppFreeze {
            app_id: app_id.to_owned(),
            biz_content: biz_content.to_owned(),
            payer_user_id: payer_user_id.to_owned(),
            now: now.to_owned(),
        })
    }

    /// [`Ledger::authorize`], journaled: the one-time `auth_code`.
    pub fn authorize(
        &mut self,
        user_id: &str,
        scope: &str,
        now: &str,
    ) -> Result<String, LedgerError> {
        let reply = self.admin(Command::Authorize {
            user_id: user_id.to_owned(),
            scope: scope.to_owned(),
            now: now.to_owned(),
        })?;
        reply
            .field("auth_code")
            .map(str::to_owned)
            .ok_or_else(|| LedgerError::UnknownUser(user_id.to_owned()))
    }

    /// [`Ledger::create_pending_order`], journaled.
    pub fn create_pending_order(
        &mut self,
        app_id: &str,
        method: &str,
        biz_content: &str,
        now: &str,
    ) -> Reply {
        let command = Command::CreatePendingOrder {
            app_id: app_id.to_owned(),
            method: method.to_owned(),
            biz_content: biz_content.to_owned(),
            now: now.to_owned(),
        };
        self.answer(&command)
    }

    /// An API call's reply; a journal failure (the call was not applied) answers like the
    /// gateway when the business system is unavailable: `20000 isp.unknow-error`.
    fn answer(&mut self, command: &Command) -> Reply {
        let why = match self.apply(command) {
            Ok((_, Ok(reply))) => return reply,
            Ok((_, Err(e))) => e.to_string(),
            Err(why) => why,
        };
        Reply::error(
            "20000",
            "Service Currently Unavailable",
            "isp.unknow-error",
            &why,
        )
    }

    fn admin(&mut self, command: Command) -> Outcome {
        match self.apply(&command) {
            Ok((_, outcome)) => outcome,
            Err(why) => Err(LedgerError::Storage(why)),
        }
    }

    /// [`Ledger::pay_order`], journaled.
    pub fn pay_order(
        &mut self,
        out_order_no: &str,
        payer_user_id: &str,
        now: &str,
    ) -> Result<(), LedgerError> {
        self.admin(Command::PayOrder {
            out_order_no: out_order_no.to_owned(),
            payer_user_id: payer_user_id.to_owned(),
            now: now.to_owned(),
        })
        .map(drop)
    }

    /// [`Ledger::scan_voucher`], journaled.
    pub fn scan_voucher(
        &mut self,
        out_order_no: &str,
        payer_user_id: &str,
        now: &str,
    ) -> Result<NotifyEvent, LedgerError> {
        let reply = self.admin(Command::ScanVoucher {
            out_order_no: out_order_no.to_owned(),
            payer_user_id: payer_user_id.to_owned(),
            now: now.to_owned(),
        })?;
        reply
            .events
            .into_iter()
            .next()
            .ok_or_else(|| LedgerError::UnknownOrder(out_order_no.to_owned()))
    }

    /// [`Ledger::add_user`], journaled.
    pub fn add_user(
        &mut self,
        user_id: &str,
        logon_id: &str,
        taobao_nick: Option<&str>,
    ) -> Result<(), LedgerError> {
        self.admin(Command::AddUser {
            user_id: user_id.to_owned(),
            logon_id: logon_id.to_owned(),
            taobao_nick: taobao_nick.map(str::to_owned),
        })
        .map(drop)
    }

    /// [`Ledger::fund`], journaled: the new balance in fen.
    pub fn fund(&mut self, user_id: &str, fen: u64) -> Result<u64, LedgerError> {
        self.admin(Command::Fund {
            user_id: user_id.to_owned(),
            fen,
        })?;
        self.ledger
            .balance(user_id)
            .ok_or_else(|| LedgerError::UnknownUser(user_id.to_owned()))
    }

    /// [`Ledger::restrict`], journaled.
    pub fn restrict(&mut self, user_id: &str, restricted: bool) -> Result<(), LedgerError> {
        self.admin(Command::Restrict {
            user_id: user_id.to_owned(),
            restricted,
        })
        .map(drop)
    }

    /// [`Ledger::add_template`], journaled.
    pub fn add_template(&mut self, template: Template) -> Result<(), LedgerError> {
        self.admin(Command::AddTemplate {
            template_id: template.template_id,
            name: template.name,
            budget: template.budget,
            default_amount: template.default_amount,
            expired: template.expired,
        })
        .map(drop)
    }
}

/// The trade family's helpers, journaled.
impl Books {
    /// [`Ledger::handle_trade`], journaled; the journal sequence number (for `notify_id`s)
    /// and the reply. A journal failure answers `20000 isp.unknow-error` unapplied.
    pub fn handle_trade(
        &mut self,
        app_id: &str,
        method: &str,
        biz_content: &str,
        now: &str,
        delivery: &Delivery,
    ) -> (u64, Reply) {
        let command = Command::TradeCall {
            app_id: app_id.to_owned(),
            method: method.to_owned(),
            biz_content: biz_content.to_owned(),
            now: now.to_owned(),
            notify_url: delivery.notify_url.clone(),
            return_url: delivery.return_url.clone(),
            sign_type: delivery.sign_type.clone(),
            charset: delivery.charset.clone(),
            cert_mode: delivery.cert_mode,
        };
        let seq = self.next_seq;
        (seq, self.answer(&command))
    }

    /// [`Ledger::issue_payment_code`], journaled.
    pub fn issue_payment_code(&mut self, user_id: &str) -> Result<String, LedgerError> {
        let reply = self.admin(Command::IssuePaymentCode {
            user_id: user_id.to_owned(),
        })?;
        reply
            .field("auth_code")
            .map(str::to_owned)
            .ok_or_else(|| LedgerError::UnknownUser(user_id.to_owned()))
    }

    /// [`Ledger::set_confirm_on_phone`], journaled.
    pub fn set_confirm_on_phone(
        &mut self,
        user_id: &str,
        confirm: bool,
    ) -> Result<(), LedgerError> {
        self.admin(Command::ConfirmOnPhone {
            user_id: user_id.to_owned(),
            confirm,
        })
        .map(drop)
    }

    /// [`Ledger::buyer_pays`], journaled: the journal sequence number and the
    /// `TRADE_SUCCESS` notification.
    pub fn buyer_pays(
        &mut self,
        action: BuyerAction,
        key: &str,
        buyer_user_id: &str,
        now: &str,
    ) -> Result<(u64, NotifyEvent), LedgerError> {
        let seq = self.next_seq;
        let reply = self.admin(Command::BuyerPays {
            action,
            key: key.to_owned(),
            buyer_user_id: buyer_user_id.to_owned(),
            now: now.to_owned(),
        })?;
        let event = reply.events.into_iter().next();
        event
            .map(|e| (seq, e))
            .ok_or_else(|| LedgerError::UnknownOrder(key.to_owned()))
    }

    /// [`Ledger::finish_trade`], journaled: the sequence number and the notification.
    pub fn finish_trade(&mut self, out_trade_no: &str) -> Result<(u64, NotifyEvent), LedgerError> {
        let seq = self.next_seq;
        let reply = self.admin(Command::FinishTrade {
            out_trade_no: out_trade_no.to_owned(),
        })?;
        let event = reply.events.into_iter().next();
        event
            .map(|e| (seq, e))
            .ok_or_else(|| LedgerError::UnknownOrder(out_trade_no.to_owned()))
    }
}

impl Journal {
    fn append(&self, seq: u64, command: &Command) -> Result<(), String> {
        let bytes = serde_json::to_vec(command).map_err(|e| e.to_string())?;
        let txn = self.db.begin_write().map_err(|e| e.to_string())?;
        {
            let mut table = txn.open_table(JOURNAL).map_err(|e| e.to_string())?;
            table
                .insert(seq, bytes.as_slice())
                .map_err(|e| e.to_string())?;
        }
        // Durability::Immediate (redb's default): on disk when commit returns.
        txn.commit().map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DEMO_MERCHANT, DEMO_USERS};

    const NOW: &str = "2026-11-22 10:00:00";

    fn pay(books: &mut Books, n: u32) -> Reply {
        books.handle(
            "2021000000000001",
            "alipay.fund.coupon.order.agreement.pay",
            &format!(
                r#"{{"out_order_no":"P{n}","out_request_no":"R{n}","order_title":"t","amount":"1.00"}}"#
            ),
            NOW,
        )
    }

    #[test]
    fn reopening_replays_to_the_same_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let (before, money, auth_no) = {
            let mut books = Books::open(dir.path(), Ledger::with_demo_data()).unwrap();
            let r = pay(&mut books, 1);
            assert_eq!(r.code(), "10000");
            pay(&mut books, 2);
            books.fund(DEMO_USERS[0].0, 123).unwrap();
            books.add_user("2088999999999999", "new@x", None).unwrap();
            // A refused admin call is journaled too and refused again on replay.
            assert!(books.fund("2088000000000999", 1).is_err());
            // Queries are not journaled.
            books.handle(
                "2021000000000001",
                "alipay.fund.coupon.operation.query",
                r#"{"out_order_no":"P1","out_request_no":"R1"}"#,
                NOW,
            );
            assert_eq!(books.commands(), 5);
            (
                books.ledger().balance(DEMO_MERCHANT),
                books.ledger().total_money(),
                r.field("auth_no").unwrap().to_owned(),
            )
        };
        let books = Books::open(dir.path(), Ledger::with_demo_data()).unwrap();
        assert_eq!(books.commands(), 5);
        assert_eq!(books.ledger().balance(DEMO_MERCHANT), before);
        assert_eq!(books.ledger().total_money(), money);
        assert!(books.ledger().red_packet(&auth_no).is_some());
        assert_eq!(books.ledger().balance("2088999999999999"), Some(0));
    }

    #[test]
    fn replays_after_reopening_answer_the_stored_reply() {
        let dir = tempfile::tempdir().unwrap();
        let first = {
            let mut books = Books::open(dir.path(), Ledger::with_demo_data()).unwrap();
            pay(&mut books, 7)
        };
        let mut books = Books::open(dir.path(), Ledger::with_demo_data()).unwrap();
        let merchant = books.ledger().balance(DEMO_MERCHANT);
        let again = pay(&mut books, 7);
        assert_eq!(again.node, first.node);
        assert_eq!(books.ledger().balance(DEMO_MERCHANT), merchant);
    }

    #[test]
    fn a_second_process_cannot_open_the_same_directory() {
        let dir = tempfile::tempdir().unwrap();
        let _held = Books::open(dir.path(), Ledger::new()).unwrap();
        let err = Books::open(dir.path(), Ledger::new()).unwrap_err();
        assert!(
            err.to_string().contains("one process per directory"),
            "{err}"
        );
    }

    #[test]
    fn a_foreign_format_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        {
            let db = Database::create(dir.path().join(DATABASE_FILE)).unwrap();
            let txn = db.begin_write().unwrap();
            txn.open_table(META)
                .unwrap()
                .insert("format", "something-else/9")
                .unwrap();
            txn.commit().unwrap();
        }
        let err = Books::open(dir.path(), Ledger::new()).unwrap_err();
        assert!(matches!(err, StoreError::Format { .. }), "{err}");
    }

    #[test]
    fn in_memory_books_count_commands_too() {
        let mut books = Books::in_memory(Ledger::with_demo_data());
        pay(&mut books, 1);
        assert_eq!(books.commands(), 1);
        assert_eq!(books.state_file(), None);
    }
}
