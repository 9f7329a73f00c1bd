//! Bills: `alipay.data.dataservice.bill.downloadurl.query` answers a `bill_download_url`
//! valid 30 seconds; a GET on it serves a zip of GBK CSV files built from the books.
//!
//! The layout is Alipay's trade bill (业务明细) as public reconciliation code on GitHub reads
//! and recreates it (Java, Go and PHP readers that skip the `#` header lines, take the line
//! after `#----…业务明细列表----…` as the column header, stop at `#----…业务明细列表结束…` and read
//! 商家实收 in the 13th column; test fixtures that rebuild the file with its totals lines):
//!
//! ```text
//! #支付宝业务明细查询
//! #账号：[2088000000000001]
//! #起始日期：[2026年12月02日 00:00:00]   终止日期：[2026年12月03日 00:00:00]
//! #-----------------------------------------业务明细列表----------------------------------------
//! 支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,...,订单金额（元）,商家实收（元）,...,备注
//! <one line per trade, refund or transfer>
//! #-----------------------------------------业务明细列表结束------------------------------------
//! #交易合计：N笔，商家实收共X元，商家优惠共0.00元
//! #退款合计：M笔，商家实收退款共-Y元，商家优惠退款共0.00元
//! #导出时间：[2026年12月03日 09:00:00]
//! ```
//!
//! Lines end with CRLF; the files are `<pid><yyyyMMdd>_业务明细.csv` and
//! `<pid><yyyyMMdd>_业务明细(汇总).csv` in a stored zip. The sandbox adds transfers (业务类型
//! `转账`, 商家实收 negative: money out) and a `#转账合计` line, which Alipay's trade bill does
//! not have. `bill_type` `signcustomer` (the account bill, 账务明细) gets the same lines under
//! 账务明细 titles (a simplification: Alipay's account bill has its own columns). Unlike Alipay, today's bill is served too (with what happened so far), so a test
//! can reconcile what it just did; a date after today is `isp.bill_not_exist`.

use std::collections::BTreeMap;

use time::Date;

use crate::Reply;
use crate::faults::splitmix64 as mix;
use crate::ledger::{Ledger, beijing_time, yuan};

/// Seconds a download URL is good for.
pub const LINK_SECONDS: i64 = 30;
/// The path the download URLs point at (the server puts its own address in front).
pub const DOWNLOAD_PATH: &str = "/bill/download";

/// What a download URL stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillLink {
    pub bill_type: String,
    /// `yyyy-MM-dd` or `yyyy-MM`.
    pub bill_date: String,
    /// When the URL was issued (`yyyy-MM-dd HH:mm:ss`, UTC+8 like every `now`).
    pub issued: String,
}

/// One line of the bill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillRow {
    /// 支付宝交易号 (trade_no, or the transfer's order_id).
    pub alipay_no: String,
    /// 商户订单号.
    pub out_no: String,
    /// 业务类型: `交易`, `退款`, `转账`.
    pub kind: &'static str,
    pub subject: String,
    pub created: String,
    pub finished: String,
    /// 对方账户.
    pub counterpart: String,
    /// 订单金额（元）, fen, negative for refunds.
    pub order_amount: i128,
    /// 商家实收（元）, fen: what the merchant's balance gained (negative: paid out).
    pub received: i128,
    /// 退款批次号/请求号.
    pub request_no: String,
    pub remark: String,
}

/// `"x.yy"` of signed fen.
fn signed_yuan(fen: i128) -> String {
    let text = yuan(u64::try_from(fen.unsigned_abs()).unwrap_or(u64::MAX));
    if fen < 0 { format!("-{text}") } else { text }
}

/// A CSV field, quoted when it must be.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// `2026年12月02日 00:00:00` of a `yyyy-MM-dd HH:mm:ss`.
fn chinese_time(t: &str) -> String {
    let (date, clock) = t.split_once(' ').unwrap_or((t, "00:00:00"));
    let mut parts = date.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) => format!("{y}年{m}月{d}日 {clock}"),
        _ => t.to_owned(),
    }
}

const HEADER: [&str; 25] = [
    "支付宝交易号",
    "商户订单号",
    "业务类型",
    "商品名称",
    "创建时间",
    "完成时间",
    "门店编号",
    "门店名称",
    "操作员",
    "终端号",
    "对方账户",
    "订单金额（元）",
    "商家实收（元）",
    "支付宝红包（元）",
    "集分宝（元）",
    "支付宝优惠（元）",
    "商家优惠（元）",
    "券核销金额（元）",
    "券名称",
    "商家红包消费金额（元）",
    "卡消费金额（元）",
    "退款批次号/请求号",
    "服务费（元）",
    "分润（元）",
    "备注",
];

/// The first day of the bill and the day after its last, `yyyy-MM-dd`.
fn period(bill_date: &str) -> Option<(Date, Date)> {
    if let Ok(d) = alipay_core::Date::parse(bill_date) {
        let d = d.to_time_date();
        return Some((d, d.next_day()?));
    }
    let first = alipay_core::Month::parse(bill_date)
        .ok()?
        .first_day()
        .to_time_date();
    let next = if first.month() == time::Month::December {
        Date::from_calendar_date(first.year() + 1, time::Month::January, 1).ok()?
    } else {
        Date::from_calendar_date(first.year(), first.month().next(), 1).ok()?
    };
    Some((first, next))
}

fn date_of(t: &str) -> Option<Date> {
    Some(beijing_time(t)?.date())
}

impl Ledger {
    /// `alipay.data.dataservice.bill.downloadurl.query`: registers a download link. The
    /// node's `bill_download_url` is the path; the server puts its address in front.
    pub(crate) fn bill_link(&mut self, bill_type: &str, bill_date: &str, now: &str) -> Reply {
        let Some((first, _)) = period(bill_date) else {
            return Reply::invalid_parameter("bill_date 格式错误: yyyy-MM-dd 或 yyyy-MM");
        };
        if date_of(now).is_none_or(|today| first > today) {
            return Reply::error(
                "40004",
                "Business Failed",
                "isp.bill_not_exist",
                "账单不存在",
            );
        }
        let seq = self.next_seq();
        let token = format!("{:016x}{:016x}", mix(seq), mix(seq.rotate_left(17)));
        self.bill_links.insert(
            token.clone(),
            BillLink {
                bill_type: bill_type.to_owned(),
                bill_date: bill_date.to_owned(),
                issued: now.to_owned(),
            },
        );
        Reply::success(vec![(
            "bill_download_url",
            format!("{DOWNLOAD_PATH}?token={token}"),
        )])
    }

    /// The link of `token` if it is still good at `now`.
    pub fn bill_link_at(&self, token: &str, now: &str) -> Option<&BillLink> {
        let link = self.bill_links.get(token)?;
        let issued = beijing_time(&link.issued)?;
        let now = beijing_time(now)?;
        let age = (now - issued).whole_seconds();
        (0..=LINK_SECONDS).contains(&age).then_some(link)
    }

    /// The bill's lines for `bill_date` (a day or a month), oldest first.
    pub fn bill_rows(&self, bill_date: &str) -> Vec<BillRow> {
        let Some((first, end)) = period(bill_date) else {
            return Vec::new();
        };
        let inside = |t: &str| date_of(t).is_some_and(|d| d >= first && d < end);
        let mut rows = self.trade_bill_rows();
        rows.extend(self.transfers.iter().map(|t| BillRow {
            alipay_no: t.order_id.clone(),
            out_no: t.out_biz_no.clone(),
            kind: "转账",
            subject: t.order_title.clone().unwrap_or_default(),
            created: t.trans_date.clone(),
            finished: t.trans_date.clone(),
            counterpart: crate::ledger::mask_logon(&self.logon_of(&t.payee_user_id)),
            order_amount: -i128::from(t.amount),
            received: -i128::from(t.amount),
            request_no: String::new(),
            remark: t.product_code.clone(),
        }));
        rows.retain(|r| inside(&r.finished));
        rows.sort_by(|a, b| a.finished.cmp(&b.finished));
        rows
    }

    /// The trades (paid ones, at their payment time) and refunds of the trade family.
    fn trade_bill_rows(&self) -> Vec<BillRow> {
        let buyer = |t: &crate::Trade| {
            t.buyer_user_id
                .as_deref()
                .map(|b| crate::ledger::mask_logon(&self.logon_of(b)))
                .unwrap_or_default()
        };
        let mut rows: Vec<BillRow> = self
            .trades()
            .filter_map(|t| {
                let paid = t.gmt_payment.clone()?;
                Some(BillRow {
                    alipay_no: t.trade_no.clone(),
                    out_no: t.out_trade_no.clone(),
                    kind: "交易",
                    subject: t.subject.clone(),
                    created: t.gmt_create.clone(),
                    finished: paid,
                    counterpart: buyer(t),
                    order_amount: i128::from(t.total),
                    received: i128::from(t.total),
                    request_no: String::new(),
                    remark: t.body.clone().unwrap_or_default(),
                })
            })
            .collect();
        rows.extend(self.trade_refunds().iter().map(|r| {
            let trade = self.trade(&r.trade_no);
            BillRow {
                alipay_no: r.trade_no.clone(),
                out_no: r.out_trade_no.clone(),
                kind: "退款",
                subject: trade.map(|t| t.subject.clone()).unwrap_or_default(),
                created: trade.map(|t| t.gmt_create.clone()).unwrap_or_default(),
                finished: r.gmt_refund.clone(),
                counterpart: trade.map(buyer).unwrap_or_default(),
                order_amount: -i128::from(r.amount),
                received: -i128::from(r.amount),
                request_no: r.out_request_no.clone(),
                remark: r.reason.clone().unwrap_or_default(),
            }
        }));
        rows
    }

    /// The bill's CSV files (GBK), named like Alipay's, for `bill_date`, exported at `now`.
    pub fn bill_files(
        &self,
        bill_type: &str,
        bill_date: &str,
        now: &str,
    ) -> Vec<(String, Vec<u8>)> {
        let rows = self.bill_rows(bill_date);
        let pid = &self.merchant_id;
        let (first, end) = period(bill_date).unwrap_or((Date::MIN, Date::MIN));
        let stamp = bill_date.replace('-', "");
        let title = if bill_type == "signcustomer" {
            "账务明细"
        } else {
            "业务明细"
        };
        let head = |what: &str| {
            format!(
                "#支付宝{what}查询\r\n#账号：[{pid}]\r\n#起始日期：[{}]   终止日期：[{}]\r\n",
                chinese_time(&format!("{first} 00:00:00")),
                chinese_time(&format!("{end} 00:00:00")),
            )
        };
        let dashes = "-----------------------------------------";
        let mut detail = head(title);
        detail.push_str(&format!(
            "#{dashes}{title}列表----------------------------------------\r\n"
        ));
        detail.push_str(&HEADER.join(","));
        detail.push_str("\r\n");
        let mut sums: BTreeMap<&str, (u64, i128)> = BTreeMap::new();
        for r in &rows {
            let cells = [
                r.alipay_no.as_str(),
                &r.out_no,
                r.kind,
                &r.subject,
                &r.created,
                &r.finished,
                "",
                "",
                "",
                "",
                &r.counterpart,
                &signed_yuan(r.order_amount),
                &signed_yuan(r.received),
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "",
                "0.00",
                "0.00",
                &r.request_no,
                "0.00",
                "0.00",
                &r.remark,
            ];
            let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
            detail.push_str(&line.join(","));
            detail.push_str("\r\n");
            let sum = sums.entry(r.kind).or_default();
            sum.0 += 1;
            sum.1 += r.received;
        }
        let (trades, refunds, transfers) = (
            sums.get("交易").copied().unwrap_or_default(),
            sums.get("退款").copied().unwrap_or_default(),
            sums.get("转账").copied().unwrap_or_default(),
        );
        detail.push_str(&format!(
            "#{dashes}{title}列表结束------------------------------------\r\n"
        ));
        detail.push_str(&format!(
            "#交易合计：{}笔，商家实收共{}元，商家优惠共0.00元\r\n",
            trades.0,
            signed_yuan(trades.1)
        ));
        detail.push_str(&format!(
            "#退款合计：{}笔，商家实收退款共{}元，商家优惠退款共0.00元\r\n",
            refunds.0,
            signed_yuan(refunds.1)
        ));
        detail.push_str(&format!(
            "#转账合计：{}笔，转出共{}元\r\n",
            transfers.0,
            signed_yuan(transfers.1)
        ));
        let export = format!("#导出时间：[{}]\r\n", chinese_time(now));
        detail.push_str(&export);

        let total: i128 = rows.iter().map(|r| r.received).sum();
        let mut summary = head(&format!("{title}汇总"));
        summary.push_str(&format!(
            "#{dashes}{title}汇总列表----------------------------------------\r\n"
        ));
        summary.push_str(
            "门店编号,门店名称,交易订单总笔数,退款订单总笔数,转账总笔数,商家实收（元）\r\n",
        );
        summary.push_str(&format!(
            "合计,,{},{},{},{}\r\n",
            trades.0,
            refunds.0,
            transfers.0,
            signed_yuan(total)
        ));
        summary.push_str(&format!(
            "#{dashes}{title}汇总列表结束------------------------------------\r\n"
        ));
        summary.push_str(&export);

        let gbk = |text: &str| encoding_rs::GBK.encode(text).0.into_owned();
        vec![
            (format!("{pid}{stamp}_{title}.csv"), gbk(&detail)),
            (format!("{pid}{stamp}_{title}(汇总).csv"), gbk(&summary)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::TransferOrder;
    use crate::{DEMO_MERCHANT, DEMO_USERS};

    fn pay(l: &mut Ledger, no: &str, fen: u64, now: &str) {
        let order = TransferOrder {
            out_biz_no: no,
            amount: fen,
            product_code: "TRANS_ACCOUNT_NO_PWD",
            biz_scene: None,
            order_title: Some("佣金,十二月"),
            identity: DEMO_USERS[1].0,
            identity_type: "ALIPAY_USER_ID",
            name: None,
            remark: None,
            fingerprint: no.to_owned(),
        };
        assert!(l.transfer("app", &order, now).is_success());
    }

    #[test]
    fn a_day_of_transfers_in_alipays_layout() {
        let mut l = Ledger::with_demo_data();
        pay(&mut l, "B1", 1_000, "2026-12-01 23:59:59");
        pay(&mut l, "B2", 250, "2026-12-02 08:00:00");
        pay(&mut l, "B3", 50, "2026-12-02 09:30:00");
        let files = l.bill_files("trade", "2026-12-02", "2026-12-03 09:00:00");
        assert_eq!(files[0].0, format!("{DEMO_MERCHANT}20261202_业务明细.csv"));
        let (text, _, bad) = encoding_rs::GBK.decode(&files[0].1);
        assert!(!bad);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "#支付宝业务明细查询");
        assert_eq!(lines[1], format!("#账号：[{DEMO_MERCHANT}]"));
        assert_eq!(
            lines[2],
            "#起始日期：[2026年12月02日 00:00:00]   终止日期：[2026年12月03日 00:00:00]"
        );
        assert!(lines[4].starts_with("支付宝交易号,商户订单号,业务类型"));
        assert!(
            lines[5].contains(",B2,转账,\"佣金,十二月\","),
            "{}",
            lines[5]
        );
        assert!(lines[5].contains(",-2.50,-2.50,"), "{}", lines[5]);
        assert!(lines[7].contains("业务明细列表结束"));
        assert_eq!(lines[10], "#转账合计：2笔，转出共-3.00元");
        assert_eq!(lines[11], "#导出时间：[2026年12月03日 09:00:00]");
        // A month holds all three.
        assert_eq!(l.bill_rows("2026-12").len(), 3);
        assert_eq!(l.bill_rows("2026-11").len(), 0);
    }

    #[test]
    fn links_live_thirty_seconds_and_future_bills_do_not_exist() {
        let mut l = Ledger::with_demo_data();
        let now = "2026-12-02 10:00:00";
        let r = l.bill_link("trade", "2026-12-02", now);
        let url = r.field("bill_download_url").unwrap_or_default().to_owned();
        let token = url.rsplit('=').next().unwrap_or_default();
        assert!(url.starts_with(DOWNLOAD_PATH));
        assert!(l.bill_link_at(token, "2026-12-02 10:00:30").is_some());
        assert!(l.bill_link_at(token, "2026-12-02 10:00:31").is_none());
        assert!(l.bill_link_at("nope", now).is_none());
        assert_eq!(
            l.bill_link("trade", "2026-12-03", now).sub_code(),
            Some("isp.bill_not_exist")
        );
        assert_eq!(l.bill_link("trade", "2026-13", now).code(), "40002");
        assert!(l.bill_link("trade", "2026-11", now).is_success());
    }
}
