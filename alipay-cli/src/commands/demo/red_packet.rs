//! The red-packet story (收发现金红包): fund, disburse, refund, query, notifications, a
//! pre-authorisation code, a voucher, and the two client-side APIs.

use std::time::Duration;

use alipay_apis::fund::{
    AuthOrderVoucherCreateRequest, CouponOperationQueryRequest, CouponOrderAgreementPayRequest,
    CouponOrderAppPayRequest, CouponOrderDisburseRequest, CouponOrderPagePayRequest,
    CouponOrderRefundRequest,
};
use alipay_apis::marketing::VoucherSendRequest;
use alipay_apis::{Amount, UserId, amount};
use alipay_core::Error;
use alipay_sandbox::{DEMO_TEMPLATE, DEMO_USERS};

use super::{Demo, fail, form_encode, http, http_get_html};

fn user(i: usize) -> Result<UserId, String> {
    UserId::parse(DEMO_USERS[i].0).map_err(|e| e.to_string())
}

/// The wire value of an optional response enum.
fn name<E: AsWire>(value: &Option<E>) -> &str {
    value.as_ref().map(AsWire::wire).unwrap_or("-")
}

trait AsWire {
    fn wire(&self) -> &str;
}

macro_rules! as_wire {
    ($($t:ty),*) => { $(impl AsWire for $t { fn wire(&self) -> &str { self.as_str() } })* };
}

as_wire!(
    alipay_apis::fund::CouponOrderAgreementPayResponseStatus,
    alipay_apis::fund::CouponOrderRefundResponseStatus,
    alipay_apis::fund::CouponOperationQueryResponseStatus,
    alipay_apis::fund::CouponOperationQueryResponseOperationType,
    alipay_apis::fund::AuthOrderVoucherCreateResponseCodeType
);

fn show(amount: Option<Amount>) -> String {
    amount.map(|a| a.to_string()).unwrap_or_else(|| "-".into())
}

pub(super) async fn story(demo: &mut Demo) -> Result<(), String> {
    let client = demo.client.clone();
    let (cashier, return_url) = (demo.cashier.clone(), demo.return_url.clone());
    let notifications = &mut demo.notifications;
    // 1. The merchant funds a red packet of 10.00 under its no-password agreement.
    let paid = client
        .execute(
            &CouponOrderAgreementPayRequest::builder()
                .out_order_no("demo-packet-1")
                .out_request_no("demo-packet-1-pay")
                .order_title("新春红包")
                .amount(amount!("10.00"))
                .build(),
        )
        .await
        .map_err(fail("agreement.pay"))?;
    let auth_no = paid.auth_no.clone().unwrap_or_default();
    println!(
        "[1] agreement.pay  10.00 from the merchant -> red packet auth_no {auth_no}, status {}",
        name(&paid.status)
    );

    // 2. Disburse to three users; a fourth disbursement asks for more than is left.
    let shares = [amount!("3.00"), amount!("2.50"), amount!("1.50")];
    let mut operations = Vec::new();
    for (i, share) in shares.into_iter().enumerate() {
        let order = format!("demo-disburse-{}", i + 1);
        let r = client
            .execute(
                &CouponOrderDisburseRequest::builder()
                    .out_order_no(order.as_str())
                    .out_request_no(format!("{order}-1"))
                    .order_title("红包打款")
                    .amount(share)
                    .deduct_auth_no(auth_no.as_str())
                    .payee_user_id(user(i)?)
                    .build(),
            )
            .await
            .map_err(fail("disburse"))?;
        println!(
            "[2] disburse       {share} to {} ({}) -> operation {}",
            DEMO_USERS[i].1,
            DEMO_USERS[i].0,
            r.operation_id.as_deref().unwrap_or("-")
        );
        operations.push((order.clone(), format!("{order}-1")));
    }
    let too_much = client
        .execute(
            &CouponOrderDisburseRequest::builder()
                .out_order_no("demo-disburse-4")
                .out_request_no("demo-disburse-4-1")
                .order_title("红包打款")
                .amount(amount!("5.00"))
                .deduct_auth_no(auth_no.as_str())
                .payee_user_id(user(0)?)
                .build(),
        )
        .await;
    match too_much {
        Err(e @ Error::Business(_)) => println!(
            "[3] disburse       5.00 with 3.00 left -> refused as expected: {}",
            e.api_error().map(|a| a.to_string()).unwrap_or_default()
        ),
        other => return Err(format!("expected MONEY_NOT_ENOUGH, got {other:?}")),
    }

    // 3. Refund the remainder to the merchant.
    let refund = client
        .execute(
            &CouponOrderRefundRequest::builder()
                .auth_no(auth_no.as_str())
                .out_request_no("demo-refund-1")
                .amount(amount!("3.00"))
                .remark("红包退回")
                .build(),
        )
        .await
        .map_err(fail("refund"))?;
    println!(
        "[4] refund         {} of the remainder back to the merchant -> status {}",
        show(refund.amount),
        name(&refund.status)
    );
    operations.push(("demo-packet-1".into(), "demo-refund-1".into()));

    // 4. Query every operation by the merchant's own ids.
    for (out_order_no, out_request_no) in &operations {
        let q = client
            .execute(
                &CouponOperationQueryRequest::builder()
                    .out_order_no(out_order_no.as_str())
                    .out_request_no(out_request_no.as_str())
                    .build(),
            )
            .await
            .map_err(fail("operation.query"))?;
        println!(
            "[5] query          {out_request_no}: {} {} {}",
            name(&q.operation_type),
            show(q.amount),
            name(&q.status)
        );
    }

    // 5. The notifications the sandbox POSTed, verified by the merchant endpoint.
    let mut received = 0;
    while received < 4 {
        match tokio::time::timeout(Duration::from_secs(5), notifications.recv()).await {
            Ok(Some(Ok(n))) => {
                received += 1;
                println!(
                    "[6] notification   {} {} {} (verified, processed once per notify_id, answered success)",
                    n.notify_type().unwrap_or("-"),
                    n.get("out_request_no").unwrap_or("-"),
                    n.get("amount").unwrap_or("-")
                );
            }
            Ok(Some(Err(e))) => return Err(format!("a notification failed verification: {e}")),
            Ok(None) | Err(_) => break,
        }
    }
    if received < 4 {
        return Err(format!("expected 4 notifications, received {received}"));
    }

    // 6. A pre-authorisation QR code, scanned by a user (simulated).
    let code = client
        .execute(
            &AuthOrderVoucherCreateRequest::builder()
                .out_order_no("demo-freeze-1")
                .out_request_no("demo-freeze-1-1")
                .order_title("预授权发码")
                .amount(amount!("20.00"))
                .build(),
        )
        .await
        .map_err(fail("voucher.create"))?;
    println!(
        "[7] voucher.create 20.00 -> {} {}",
        name(&code.code_type),
        code.code_value.as_deref().unwrap_or("-")
    );
    // The user's phone scanning the code: the sandbox's simulated cashier.
    let scan_body = format!(
        r#"{{"out_order_no":"demo-freeze-1","payer_user_id":"{}"}}"#,
        DEMO_USERS[1].0
    );
    let scanned = http(
        "POST",
        &format!("{cashier}/cashier/scan"),
        Some(("application/json", scan_body.as_bytes())),
    )
    .await?;
    if scanned.status != 200 {
        return Err(format!("scan: HTTP {} {}", scanned.status, scanned.text()));
    }
    println!(
        "[7] scan           {} scanned the code (POST /cashier/scan): 20.00 frozen",
        DEMO_USERS[1].1
    );
    match tokio::time::timeout(Duration::from_secs(5), notifications.recv()).await {
        Ok(Some(Ok(n))) => println!(
            "[7] notification   {} {} {} (verified, processed once per notify_id, answered success)",
            n.notify_type().unwrap_or("-"),
            n.get("out_order_no").unwrap_or("-"),
            n.get("amount").unwrap_or("-")
        ),
        Ok(Some(Err(e))) => return Err(format!("a notification failed verification: {e}")),
        Ok(None) | Err(_) => return Err("no fund_auth_freeze notification after the scan".into()),
    }

    // 7. A voucher from a red-packet template.
    let voucher = client
        .execute(
            &VoucherSendRequest::builder()
                .template_id(DEMO_TEMPLATE)
                .out_biz_no("demo-voucher-1")
                .user_id(user(2)?)
                .build(),
        )
        .await
        .map_err(fail("voucher.send"))?;
    println!(
        "[8] voucher.send   template {DEMO_TEMPLATE} to {} -> voucher {}",
        DEMO_USERS[2].1,
        voucher.voucher_id.as_deref().unwrap_or("-")
    );

    // 8. The two client-side APIs: an order string for the app, a form for the browser.
    let order_string = client
        .sdk_execute(
            &CouponOrderAppPayRequest::builder()
                .out_order_no("demo-app-1")
                .out_request_no("demo-app-1-1")
                .order_title("App红包")
                .amount(amount!("6.66"))
                .build(),
        )
        .map_err(fail("app.pay"))?;
    println!(
        "[9] app.pay        order string for the Alipay app ({} chars): {}...",
        order_string.len(),
        &order_string.chars().take(72).collect::<String>()
    );
    // The Alipay app paying it: the order string goes to the simulated cashier.
    let paid = http(
        "POST",
        &format!(
            "{cashier}/cashier/app-pay?payer_user_id={}",
            DEMO_USERS[0].0
        ),
        Some(("application/x-www-form-urlencoded", order_string.as_bytes())),
    )
    .await?;
    if paid.status != 200 {
        return Err(format!("app.pay: HTTP {} {}", paid.status, paid.text()));
    }
    println!(
        "[9] app.pay        {} paid it in the app (POST /cashier/app-pay): {}",
        DEMO_USERS[0].1,
        paid.text()
    );
    let page = CouponOrderPagePayRequest::builder()
        .out_order_no("demo-page-1")
        .out_request_no("demo-page-1-1")
        .order_title("网页红包")
        .amount(amount!("8.88"))
        .build();
    let form = client.page_execute_form(&page).map_err(fail("page.pay"))?;
    let url = client.page_execute_url(&page).map_err(fail("page.pay"))?;
    println!(
        "[9] page.pay       auto-submitting form ({} bytes), or a GET URL ({} chars), to the gateway",
        form.len(),
        url.len()
    );
    // A browser following it gets the cashier page, whose Pay button posts to /cashier/pay.
    let cashier_page = http_get_html(&url).await?;
    if cashier_page.status != 200 || !cashier_page.text().contains("/cashier/pay") {
        return Err(format!(
            "page.pay: no cashier page (HTTP {})",
            cashier_page.status
        ));
    }
    let pay_form = format!(
        "out_order_no=demo-page-1&payer_user_id={}&return_url={}&cashier_token={}",
        DEMO_USERS[1].0,
        form_encode(&return_url),
        super::cashier_token(&cashier_page.text())
    );
    let clicked = http(
        "POST",
        &format!("{cashier}/cashier/pay"),
        Some(("application/x-www-form-urlencoded", pay_form.as_bytes())),
    )
    .await?;
    let location = clicked.header("location").unwrap_or_default();
    if clicked.status != 302 || !location.starts_with(&return_url) {
        return Err(format!(
            "page.pay: the cashier did not redirect to return_url (HTTP {})",
            clicked.status
        ));
    }
    // The synchronous return is signed like a notification: verify before trusting it.
    let query = location.split_once('?').map(|(_, q)| q).unwrap_or("");
    let back = client
        .verify_notification(query.as_bytes())
        .map_err(|e| format!("page.pay return: {e}"))?;
    println!(
        "[9] page.pay       {} clicked Pay on the cashier page; redirected to return_url, signed return verified: {} {}",
        DEMO_USERS[1].1,
        back.get("out_order_no").unwrap_or("-"),
        back.get("status").unwrap_or("-")
    );
    for order in ["demo-app-1", "demo-page-1"] {
        let q = client
            .execute(
                &CouponOperationQueryRequest::builder()
                    .out_order_no(order)
                    .out_request_no(format!("{order}-1"))
                    .build(),
            )
            .await
            .map_err(fail("operation.query"))?;
        println!(
            "[9] query          {order}-1: {} {} {}",
            name(&q.operation_type),
            show(q.amount),
            name(&q.status)
        );
    }

    Ok(())
}
