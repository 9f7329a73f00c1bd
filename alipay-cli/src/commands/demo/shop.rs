//! The shop story (统一收单): a QR code paid by a scan, a partial refund and its query, a
//! barcode payment the buyer confirms on the phone (resolved exactly once), page.pay through
//! the cashier, a transfer in certificate mode, the day's bill reconciled with the ledger and
//! a certificate rotation survived. Every money figure is compared with the sandbox's ledger.

use std::time::Duration;

use alipay_apis::data::{
    DataserviceBillDownloadurlQueryBillType, DataserviceBillDownloadurlQueryRequest,
};
use alipay_apis::fund::{
    TransCommonQueryRequest, TransUniTransferProductCode, TransUniTransferRequest,
};
use alipay_apis::trade::{
    FastpayRefundQueryRequest, PagePayProductCode, PagePayRequest, PayRequest, PrecreateRequest,
    RefundRequest,
};
use alipay_apis::types::{Participant, ParticipantIdentityType};
use alipay_apis::{Amount, Patience, Resolution, RetryPolicy};
use alipay_core::protocol::Timestamp;
use alipay_core::value::Yuan;
use alipay_core::{
    AlipayCertificate, AlipayClient, AlipayRootCertificate, AppCertificate, AppPrivateKey, Charset,
    Gateway,
};
use alipay_sandbox::{DEMO_MERCHANT, DEMO_USERS};
use serde_json::{Value, json};

use super::{APP_ID, Demo, OpenedBy, fail, form_encode, http, http_get_html};

/// The barcode buyer the story creates: confirms every barcode payment on the phone.
const PHONE_BUYER: (&str, &str) = ("2088000000000901", "dave@example.com");
/// What the story mints: the phone buyer's opening balance.
const MINTED: Amount = Amount::from_fen(20_000);

/// The shop story; returns the money it minted.
pub(super) async fn story(demo: &mut Demo) -> Result<Amount, String> {
    println!(
        "the shop (统一收单): QR code, refund, barcode, page.pay, transfer, bill, certificates"
    );
    let merchant_at_start = balance(demo, DEMO_MERCHANT)?;
    qr_code(demo).await?;
    refund(demo).await?;
    barcode(demo).await?;
    page_pay(demo).await?;
    let (certified, sn) = transfer(demo).await?;
    bill(demo, merchant_at_start).await?;
    rotation(demo, &certified, &sn).await?;
    Ok(MINTED)
}

/// A balance in the sandbox's ledger.
fn balance(demo: &Demo, user_id: &str) -> Result<Amount, String> {
    demo.sandbox
        .with_ledger(|l| l.balance(user_id))
        .map(Amount::from_fen)
        .ok_or_else(|| format!("no account {user_id} in the sandbox"))
}

/// Fails unless `who`'s balance moved from `before` by exactly `delta` fen (signed).
fn expect_moved(demo: &Demo, who: &str, before: Amount, delta: i64) -> Result<Amount, String> {
    let now = balance(demo, who)?;
    let moved = i128::from(now.fen()) - i128::from(before.fen());
    if moved != i128::from(delta) {
        return Err(format!(
            "the sandbox disagrees: {who} went from {before} to {now}, expected a change of {}",
            signed_yuan(i128::from(delta))
        ));
    }
    Ok(now)
}

fn signed_yuan(fen: i128) -> String {
    let sign = if fen < 0 { "-" } else { "+" };
    format!("{sign}{}", Yuan(fen.unsigned_abs()))
}

/// Fails unless the answer carried exactly `expected`.
fn expect_amount(what: &str, got: Option<Amount>, expected: Amount) -> Result<(), String> {
    if got == Some(expected) {
        Ok(())
    } else {
        Err(format!(
            "{what}: expected {expected}, the sandbox answered {}",
            got.map_or("nothing".to_owned(), |a| a.to_string())
        ))
    }
}

/// POSTs JSON to a sandbox route; the answer as JSON, or why not.
async fn post_json(demo: &Demo, path: &str, body: &Value) -> Result<Value, String> {
    let answer = http(
        "POST",
        &format!("{}{path}", demo.cashier),
        Some(("application/json", body.to_string().as_bytes())),
    )
    .await?;
    if answer.status != 200 {
        return Err(format!("{path}: HTTP {} {}", answer.status, answer.text()));
    }
    serde_json::from_slice(&answer.body).map_err(|e| format!("{path}: not JSON: {e}"))
}

fn open_order(demo: &Demo, out_trade_no: &str, total: Amount, opened_by: OpenedBy) {
    demo.orders
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(out_trade_no.to_owned(), (total, opened_by));
}

/// Waits for the trade notification of `out_trade_no` that `wanted` picks; the endpoint has
/// verified it and made the merchant checks.
async fn trade_notification(
    demo: &mut Demo,
    step: &str,
    out_trade_no: &str,
    wanted: impl Fn(&alipay_core::notify::Notification) -> bool,
) -> Result<(), String> {
    let n = demo
        .notifications
        .wait_for(&format!("trade_status_sync for {out_trade_no}"), |n| {
            n.notify_type() == Some("trade_status_sync")
                && n.get("out_trade_no") == Some(out_trade_no)
                && wanted(n)
        })
        .await?;
    println!(
        "{step} notification trade_status_sync {out_trade_no} {} total {}{} (verified; merchant checks passed: out_trade_no, total_amount, seller_id, app_id; answered success)",
        n.get("trade_status").unwrap_or("-"),
        n.get("total_amount").unwrap_or("-"),
        n.get("refund_fee")
            .map(|r| format!(", refund_fee {r}"))
            .unwrap_or_default(),
    );
    Ok(())
}

const QR_ORDER: &str = "shop_qr_1";
const QR_TOTAL: Amount = Amount::from_fen(8_888);
const REFUNDED: Amount = Amount::from_fen(2_000);

/// Step 1: A QR code (precreate), scanned by a buyer; the notification checked.
async fn qr_code(demo: &mut Demo) -> Result<(), String> {
    let (buyer, buyer_logon) = (DEMO_USERS[0].0, DEMO_USERS[0].1);
    let (buyer_before, merchant_before) = (balance(demo, buyer)?, balance(demo, DEMO_MERCHANT)?);
    open_order(demo, QR_ORDER, QR_TOTAL, OpenedBy::Precreate);
    let code = demo
        .client
        .execute(
            &PrecreateRequest::builder()
                .out_trade_no(QR_ORDER)
                .total_amount(QR_TOTAL)
                .subject("咖啡豆 1kg")
                .build(),
        )
        .await
        .map_err(fail("trade.precreate"))?;
    let qr_code = code.qr_code.unwrap_or_default();
    println!("[s1] precreate    {QR_ORDER} {QR_TOTAL} -> QR code {qr_code}");
    let paid = post_json(
        demo,
        "/cashier/scan",
        &json!({"qr_code": qr_code, "buyer_user_id": buyer}),
    )
    .await?;
    println!(
        "[s1] scan         {buyer_logon} scanned it (POST /cashier/scan) -> {} {}",
        paid["trade_status"].as_str().unwrap_or("-"),
        paid["trade_no"].as_str().unwrap_or("-")
    );
    trade_notification(demo, "[s1]", QR_ORDER, |n| {
        n.get("trade_status") == Some("TRADE_SUCCESS") && n.get("refund_fee").is_none()
    })
    .await?;
    let fen = i64::try_from(QR_TOTAL.fen()).unwrap_or(i64::MAX);
    expect_moved(demo, buyer, buyer_before, -fen)?;
    expect_moved(demo, DEMO_MERCHANT, merchant_before, fen)?;
    println!(
        "[s1] ledger       {buyer_logon} -{QR_TOTAL}, merchant +{QR_TOTAL}: as the sandbox says"
    );
    Ok(())
}

/// Step 2: A partial refund by out_request_no, and its query.
async fn refund(demo: &mut Demo) -> Result<(), String> {
    let (buyer, buyer_logon) = (DEMO_USERS[0].0, DEMO_USERS[0].1);
    let buyer_before = balance(demo, buyer)?;
    let request_no = format!("{QR_ORDER}_r1");
    let refunded = demo
        .client
        .execute(
            &RefundRequest::builder()
                .out_trade_no(QR_ORDER)
                .refund_amount(REFUNDED)
                .out_request_no(request_no.as_str())
                .refund_reason("少发一袋")
                .build(),
        )
        .await
        .map_err(fail("trade.refund"))?;
    expect_amount("trade.refund refund_fee", refunded.refund_fee, REFUNDED)?;
    println!(
        "[s2] refund       {REFUNDED} of {QR_ORDER} (out_request_no {request_no}) -> refund_fee {REFUNDED}, fund_change {}",
        refunded.fund_change.as_ref().map_or("-", |f| f.as_str())
    );
    let found = demo
        .client
        .execute(
            &FastpayRefundQueryRequest::builder()
                .out_trade_no(QR_ORDER)
                .out_request_no(request_no.as_str())
                .build(),
        )
        .await
        .map_err(fail("fastpay.refund.query"))?;
    expect_amount("refund.query refund_amount", found.refund_amount, REFUNDED)?;
    let status = found.refund_status.as_ref().map_or("-", |s| s.as_str());
    if status != "REFUND_SUCCESS" {
        return Err(format!("fastpay.refund.query: refund_status {status}"));
    }
    println!("[s2] refund.query {request_no}: {status} {REFUNDED}");
    trade_notification(demo, "[s2]", QR_ORDER, |n| {
        n.get("out_biz_no") == Some(request_no.as_str())
    })
    .await?;
    let fen = i64::try_from(REFUNDED.fen()).unwrap_or(i64::MAX);
    expect_moved(demo, buyer, buyer_before, fen)?;
    println!("[s2] ledger       {buyer_logon} +{REFUNDED} back: as the sandbox says");
    Ok(())
}

const BAR_ORDER: &str = "shop_bar_1";
const BAR_TOTAL: Amount = Amount::from_fen(3_600);

/// Step 3: A barcode payment the buyer confirms on the phone: 10003, then resolved exactly once
/// while the client polls alipay.trade.query.
async fn barcode(demo: &mut Demo) -> Result<(), String> {
    let (buyer, logon) = PHONE_BUYER;
    post_json(
        demo,
        "/admin/users",
        &json!({"user_id": buyer, "logon_id": logon, "balance": MINTED.to_string(),
                "confirm_on_phone": true}),
    )
    .await?;
    println!(
        "[s3] new buyer    {logon} ({buyer}) with {MINTED}, confirms payments on the phone (POST /admin/users)"
    );
    let code = post_json(
        demo,
        "/cashier/payment-code",
        &json!({"buyer_user_id": buyer}),
    )
    .await?;
    let auth_code = code["auth_code"].as_str().unwrap_or_default().to_owned();
    println!("[s3] payment code {auth_code} shown on {logon}'s phone (POST /cashier/payment-code)");
    let (buyer_before, merchant_before) = (balance(demo, buyer)?, balance(demo, DEMO_MERCHANT)?);
    open_order(demo, BAR_ORDER, BAR_TOTAL, OpenedBy::Pay);
    let pay = PayRequest::builder()
        .out_trade_no(BAR_ORDER)
        .total_amount(BAR_TOTAL)
        .subject("拿铁 x2")
        .auth_code(auth_code)
        .build();
    // Once on its own, to show the answer: the buyer has not confirmed yet.
    match demo
        .client
        .call(&pay)
        .retry(RetryPolicy::none())
        .send()
        .await
    {
        Err(e) if e.api_error().is_some_and(|a| a.code == "10003") => {
            println!(
                "[s3] trade.pay    {BAR_ORDER} {BAR_TOTAL} -> 10003 (waiting for the buyer to confirm on the phone)"
            );
        }
        other => return Err(format!("trade.pay: expected 10003, got {other:?}")),
    }
    // The buyer confirms a little later, while the client polls.
    let confirm_url = format!("{}/cashier/confirm", demo.cashier);
    let confirm_body = json!({"out_trade_no": BAR_ORDER, "buyer_user_id": buyer}).to_string();
    let confirmer = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        http(
            "POST",
            &confirm_url,
            Some(("application/json", confirm_body.as_bytes())),
        )
        .await
    });
    let resolved = demo
        .client
        .call(&pay)
        .retry(
            RetryPolicy::default()
                .max_attempts(2)
                .initial_backoff(Duration::from_millis(50)),
        )
        // Up to 5 s (the official flow waits 30 s): the buyer confirms after 0.3 s, the rest
        // is margin for a loaded machine; the polling ends as soon as the trade is paid.
        .patience(Patience::new(50, Duration::from_millis(100)))
        .exactly_once_or_cancel()
        .await
        .map_err(fail("trade.pay resolve"))?;
    let confirmed = confirmer
        .await
        .map_err(|e| format!("the buyer's phone: {e}"))??;
    if confirmed.status != 200 {
        return Err(format!(
            "/cashier/confirm: HTTP {} {}",
            confirmed.status,
            confirmed.text()
        ));
    }
    let paid = match resolved {
        Resolution::Done(paid) => paid,
        other => return Err(format!("trade.pay: expected Done, resolved {other:?}")),
    };
    expect_amount("trade.pay total_amount", paid.total_amount, BAR_TOTAL)?;
    println!(
        "[s3] confirm      {logon} confirmed on the phone (POST /cashier/confirm) while the client polled alipay.trade.query"
    );
    println!(
        "[s3] resolved     exactly once: Done, trade_no {}, {BAR_TOTAL} paid",
        paid.trade_no.as_deref().unwrap_or("-")
    );
    trade_notification(demo, "[s3]", BAR_ORDER, |n| {
        n.get("trade_status") == Some("TRADE_SUCCESS")
    })
    .await?;
    let fen = i64::try_from(BAR_TOTAL.fen()).unwrap_or(i64::MAX);
    expect_moved(demo, buyer, buyer_before, -fen)?;
    expect_moved(demo, DEMO_MERCHANT, merchant_before, fen)?;
    println!(
        "[s3] ledger       {logon} -{BAR_TOTAL} once, merchant +{BAR_TOTAL}: as the sandbox says"
    );
    Ok(())
}

const PAGE_ORDER: &str = "shop_page_1";
const PAGE_TOTAL: Amount = Amount::from_fen(12_800);

/// Step 4: page.pay through the cashier, with the signed synchronous return verified.
async fn page_pay(demo: &mut Demo) -> Result<(), String> {
    let (buyer, buyer_logon) = (DEMO_USERS[1].0, DEMO_USERS[1].1);
    let (buyer_before, merchant_before) = (balance(demo, buyer)?, balance(demo, DEMO_MERCHANT)?);
    open_order(demo, PAGE_ORDER, PAGE_TOTAL, OpenedBy::PagePay);
    let page = PagePayRequest::builder()
        .out_trade_no(PAGE_ORDER)
        .total_amount(PAGE_TOTAL)
        .subject("手冲壶")
        .product_code(PagePayProductCode::FastInstantTradePay)
        .build();
    let url = demo
        .client
        .page_execute_url(&page)
        .map_err(fail("trade.page.pay"))?;
    let cashier_page = http_get_html(&url).await?;
    if cashier_page.status != 200 || !cashier_page.text().contains("/cashier/pay") {
        return Err(format!(
            "trade.page.pay: no cashier page (HTTP {})",
            cashier_page.status
        ));
    }
    println!(
        "[s4] page.pay     {PAGE_ORDER} {PAGE_TOTAL}: the browser follows the URL ({} chars) to the cashier page",
        url.len()
    );
    let pay_form = format!(
        "out_trade_no={PAGE_ORDER}&buyer_user_id={}&cashier_token={}",
        form_encode(buyer),
        super::cashier_token(&cashier_page.text())
    );
    let clicked = http(
        "POST",
        &format!("{}/cashier/pay", demo.cashier),
        Some(("application/x-www-form-urlencoded", pay_form.as_bytes())),
    )
    .await?;
    let location = clicked.header("location").unwrap_or_default();
    if clicked.status != 302 || !location.starts_with(&demo.return_url) {
        return Err(format!(
            "trade.page.pay: the cashier did not redirect to return_url (HTTP {} {})",
            clicked.status,
            clicked.text()
        ));
    }
    // The synchronous return is signed like a notification: verify before trusting it.
    let query = location.split_once('?').map(|(_, q)| q).unwrap_or("");
    let back = demo
        .client
        .verify_notification(query.as_bytes())
        .map_err(|e| format!("trade.page.pay return: {e}"))?;
    let returned = back
        .get("total_amount")
        .and_then(|t| Amount::parse_unbounded(t).ok());
    if back.get("out_trade_no") != Some(PAGE_ORDER) || returned != Some(PAGE_TOTAL) {
        return Err(format!(
            "trade.page.pay return: not this order: {:?} {:?}",
            back.get("out_trade_no"),
            back.get("total_amount")
        ));
    }
    println!(
        "[s4] page.pay     {buyer_logon} clicked Pay; redirected to return_url, signed return verified: {} {PAGE_ORDER} {PAGE_TOTAL}",
        back.get("method").unwrap_or("-")
    );
    trade_notification(demo, "[s4]", PAGE_ORDER, |n| {
        n.get("trade_status") == Some("TRADE_SUCCESS")
    })
    .await?;
    let fen = i64::try_from(PAGE_TOTAL.fen()).unwrap_or(i64::MAX);
    expect_moved(demo, buyer, buyer_before, -fen)?;
    expect_moved(demo, DEMO_MERCHANT, merchant_before, fen)?;
    println!(
        "[s4] ledger       {buyer_logon} -{PAGE_TOTAL}, merchant +{PAGE_TOTAL}: as the sandbox says"
    );
    Ok(())
}

const TRANSFER_NO: &str = "shop_transfer_1";
const TRANSFERRED: Amount = Amount::from_fen(1_500);

/// The certificate-mode client: the sandbox's app certificate, Alipay certificate and root.
fn certificate_client(demo: &Demo) -> Result<AlipayClient, String> {
    let (app_cert, alipay_cert, root) = demo
        .sandbox
        .with_certificates(|c| {
            (
                c.app_certificate_pem(APP_ID).map(str::to_owned),
                c.alipay_certificate_pem().to_owned(),
                c.root_certificate_pem().to_owned(),
            )
        })
        .ok_or("the sandbox has no certificates")?;
    let app_cert = app_cert.ok_or("the sandbox issued no certificate for the app")?;
    AlipayClient::builder_with_certificates(
        APP_ID,
        AppPrivateKey::from_text(&demo.app_key_pem).map_err(|e| e.to_string())?,
        &AppCertificate::from_pem(&app_cert).map_err(|e| e.to_string())?,
        AlipayCertificate::from_pem(&alipay_cert).map_err(|e| e.to_string())?,
        &AlipayRootCertificate::from_pem(&root).map_err(|e| e.to_string())?,
    )
    .gateway(Gateway::new(&demo.sandbox.gateway_url).map_err(|e| e.to_string())?)
    .build()
    .map_err(|e| e.to_string())
}

/// Step 5: a transfer in certificate mode; the certificate-mode client and the Alipay
/// certificate's SN it was built with.
async fn transfer(demo: &mut Demo) -> Result<(AlipayClient, String), String> {
    let (payee, payee_logon) = (DEMO_USERS[2].0, DEMO_USERS[2].1);
    let certified = certificate_client(demo)?;
    let sn = demo
        .sandbox
        .with_certificates(|c| c.alipay_cert_sn().to_owned())
        .unwrap_or_default();
    let (payee_before, merchant_before) = (balance(demo, payee)?, balance(demo, DEMO_MERCHANT)?);
    let sent = certified
        .execute(
            &TransUniTransferRequest::builder()
                .out_biz_no(TRANSFER_NO)
                .trans_amount(TRANSFERRED)
                .product_code(TransUniTransferProductCode::TransAccountNoPwd)
                .payee_info(
                    Participant::builder()
                        .identity(payee)
                        .identity_type(ParticipantIdentityType::AlipayUserId)
                        .build(),
                )
                .order_title("供应商结算")
                .build(),
        )
        .await
        .map_err(fail("fund.trans.uni.transfer"))?;
    let status = sent.status.as_ref().map_or("-", |s| s.as_str());
    if status != "SUCCESS" {
        return Err(format!("fund.trans.uni.transfer: status {status}"));
    }
    let fen = i64::try_from(TRANSFERRED.fen()).unwrap_or(i64::MAX);
    expect_moved(demo, payee, payee_before, fen)?;
    expect_moved(demo, DEMO_MERCHANT, merchant_before, -fen)?;
    println!(
        "[s5] transfer     {TRANSFERRED} to {payee_logon} in certificate mode (app_cert_sn, alipay_root_cert_sn sent; answer verified with Alipay certificate {sn}) -> {status}, order {}",
        sent.order_id.as_deref().unwrap_or("-")
    );
    println!(
        "[s5] ledger       {payee_logon} +{TRANSFERRED}, merchant -{TRANSFERRED}: as the sandbox says"
    );
    Ok((certified, sn))
}

/// Step 7: The Alipay certificate rotated: the next call is still verified (the client downloads
/// the new certificate, checks that it chains to the root, trusts it).
async fn rotation(demo: &mut Demo, certified: &AlipayClient, sn: &str) -> Result<(), String> {
    // The admin replaces the Alipay certificate; the client only knows the old one.
    let rotated = post_json(demo, "/admin/rotate-alipay-cert", &json!({})).await?;
    let new_sn = rotated["alipay_cert_sn"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    if new_sn.is_empty() || new_sn == sn {
        return Err(format!(
            "rotate-alipay-cert: no new certificate ({rotated})"
        ));
    }
    println!(
        "[s7] rotation     Alipay certificate {sn} -> {new_sn} (POST /admin/rotate-alipay-cert)"
    );
    // Gateway calls that passed its checks (the certificate download is one).
    let calls = || {
        demo.sandbox
            .faults_injected()
            .get("calls")
            .copied()
            .unwrap_or(0)
    };
    let calls_before = calls();
    let q = certified
        .execute(
            &TransCommonQueryRequest::builder()
                .out_biz_no(TRANSFER_NO)
                .build(),
        )
        .await
        .map_err(fail("fund.trans.common.query after the rotation"))?;
    expect_amount(
        "trans.common.query trans_amount",
        q.trans_amount,
        TRANSFERRED,
    )?;
    // The query and, before the client could verify its answer, the certificate download.
    let gateway_calls = calls() - calls_before;
    if gateway_calls != 2 {
        return Err(format!(
            "after the rotation: {gateway_calls} gateway calls, expected the query and the certificate download"
        ));
    }
    println!(
        "[s7] trans.query  {TRANSFER_NO}: {} {TRANSFERRED}, answered under {new_sn}: downloaded (alipay.open.app.alipaycert.download), chained to the root, trusted, verified",
        q.status.as_ref().map_or("-", |s| s.as_str())
    );
    Ok(())
}

/// Step 6: The day's bill: its URL, the zip (stored, GBK CSV), its rows summed and compared with
/// the merchant's balance since the shop opened.
async fn bill(demo: &mut Demo, merchant_at_start: Amount) -> Result<(), String> {
    let now = Timestamp::now();
    let today = now.as_str().get(..10).unwrap_or_default().to_owned();
    let answer = demo
        .client
        .execute(
            &DataserviceBillDownloadurlQueryRequest::builder()
                .bill_type(DataserviceBillDownloadurlQueryBillType::Trade)
                .bill_date(today.as_str())
                .build(),
        )
        .await
        .map_err(fail("bill.downloadurl.query"))?;
    let url = answer.bill_download_url.unwrap_or_default();
    let zip = http("GET", &url, None).await?;
    if zip.status != 200 {
        return Err(format!("bill download: HTTP {} {}", zip.status, zip.text()));
    }
    let files = alipay_sandbox::zip::read_stored_zip(&zip.body)
        .ok_or("bill download: not a stored zip (or a CRC does not match)")?;
    let (name, bytes) = files.first().ok_or("bill download: an empty zip")?;
    let csv = Charset::Gbk
        .decode(bytes)
        .map_err(|e| format!("bill {name}: not GBK: {e}"))?;
    let mut rows = bill_rows(&csv)?;
    // Rows of the same second come in no fixed order: shown sorted.
    rows.sort();
    let received: i128 = rows.iter().map(|(_, fen)| fen).sum();
    let merchant_now = balance(demo, DEMO_MERCHANT)?;
    let moved = i128::from(merchant_now.fen()) - i128::from(merchant_at_start.fen());
    println!(
        "[s6] bill         {today}: {} bytes of zip, {} files; {name}: {} rows ({})",
        zip.body.len(),
        files.len(),
        rows.len(),
        rows.iter()
            .map(|(kind, fen)| format!("{kind} {}", signed_yuan(*fen)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if received != moved {
        return Err(format!(
            "the bill disagrees with the ledger: the merchant received {} by the bill, {} by the ledger",
            signed_yuan(received),
            signed_yuan(moved)
        ));
    }
    println!(
        "[s6] reconciled   the bill's 商家实收 sum {} = the merchant's balance change in the ledger",
        signed_yuan(received)
    );
    Ok(())
}

/// One CSV line's cells (quoted cells may hold commas and doubled quotes).
fn cells(line: &str) -> Vec<String> {
    let (mut out, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    out.push(cell);
    out
}

/// The detail rows of a trade bill: (业务类型, 商家实收 in signed fen). The rows follow the
/// header line (支付宝交易号,…) and end at the next `#` line; 商家实收 is the 13th column.
fn bill_rows(csv: &str) -> Result<Vec<(String, i128)>, String> {
    let lines: Vec<&str> = csv.split("\r\n").collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("支付宝交易号,"))
        .ok_or("the bill has no header line")?;
    let mut rows = Vec::new();
    for line in lines[start + 1..]
        .iter()
        .take_while(|l| !l.starts_with('#'))
    {
        let cells = cells(line);
        let (Some(kind), Some(text)) = (cells.get(2), cells.get(12)) else {
            return Err(format!("a bill line with {} cells: {line}", cells.len()));
        };
        let (sign, digits) = text
            .strip_prefix('-')
            .map_or((1, text.as_str()), |d| (-1, d));
        let fen = Amount::parse_unbounded(digits)
            .map_err(|e| format!("商家实收 {text:?}: {e}"))?
            .fen();
        rows.push((kind.clone(), sign * i128::from(fen)));
    }
    Ok(rows)
}
