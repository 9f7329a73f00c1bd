//! One function per API: validate with the generated rules, check idempotency, apply the
//! business rules and error codes of the specs (`[[error]]`, `[[rule]]`) to the [`Ledger`],
//! answer like Alipay.

use alipay_apis::fund::{
    AuthOrderVoucherCreateErrorCode, AuthOrderVoucherCreateRequest, CouponOperationQueryRequest,
    CouponOrderAgreementPayRequest, CouponOrderAppPayRequest, CouponOrderDisburseErrorCode,
    CouponOrderDisburseRequest, CouponOrderPagePayRequest, CouponOrderRefundErrorCode,
    CouponOrderRefundRequest,
};
use alipay_apis::marketing::{VoucherSendErrorCode, VoucherSendRequest};
use alipay_core::api::BizError;

use crate::ledger::{
    Freeze, Ledger, Operation, OperationType, RedPacket, Status, Voucher, mask_logon, yuan,
};
use crate::{NotifyEvent, Reply};

const AGREEMENT_PAY: &str = "alipay.fund.coupon.order.agreement.pay";
const APP_PAY: &str = "alipay.fund.coupon.order.app.pay";
const PAGE_PAY: &str = "alipay.fund.coupon.order.page.pay";
const DISBURSE: &str = "alipay.fund.coupon.order.disburse";
const REFUND: &str = "alipay.fund.coupon.order.refund";
const VOUCHER_CREATE: &str = "alipay.fund.auth.order.voucher.create";
const VOUCHER_SEND: &str = "alipay.marketing.voucher.send";

/// The spec's text for `code` in `method`'s error table, else `fallback`.
fn fail(method: &str, code: &str, fallback: &str) -> Reply {
    let documented = match method {
        DISBURSE => CouponOrderDisburseErrorCode::from_sub_code(code).meaning(),
        REFUND => CouponOrderRefundErrorCode::from_sub_code(code).meaning(),
        VOUCHER_CREATE => AuthOrderVoucherCreateErrorCode::from_sub_code(code).meaning(),
        VOUCHER_SEND => VoucherSendErrorCode::from_sub_code(code).meaning(),
        _ => None,
    };
    Reply::business_failed(code, documented.unwrap_or(fallback))
}

/// A validation failure as the gateway's 40002.
fn invalid(e: BizError) -> Reply {
    Reply::invalid_parameter(&e.to_string())
}

fn replayed(node: serde_json::Value) -> Reply {
    Reply {
        node,
        events: Vec::new(),
    }
}

/// An optional text that is present and not empty (an empty string counts as absent).
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

fn order_key(out_order_no: &str) -> String {
    format!("order|{out_order_no}")
}

fn req_key(auth_no: &str, out_request_no: &str) -> String {
    format!("req|{auth_no}|{out_request_no}")
}

/// Checks `key`: a stored reply with the same content is replayed, other content conflicts.
fn idempotent(
    ledger: &Ledger,
    method: &str,
    key: &str,
    fingerprint: &str,
    conflict_msg: &str,
) -> Option<Reply> {
    match ledger.replay(key, fingerprint) {
        Ok(Some(node)) => Some(replayed(node)),
        Ok(None) => None,
        Err(()) => Some(fail(method, "UNIQUE_VIOLATION", conflict_msg)),
    }
}

/// The fields common to the three pay APIs.
struct PayOrder<'a> {
    app_id: &'a str,
    method: &'a str,
    fingerprint: String,
    out_order_no: &'a str,
    out_request_no: &'a str,
    order_title: &'a str,
    amount: u64,
    extra_param: Option<String>,
}

pub(crate) fn agreement_pay(ledger: &mut Ledger, app_id: &str, biz: &str, now: &str) -> Reply {
    let req = match CouponOrderAgreementPayRequest::from_biz_content(biz) {
        Ok(r) => r,
        Err(e) => return invalid(e),
    };
    let payer = req
        .payer_user_id
        .as_ref()
        .map(|u| u.as_str().to_owned())
        .unwrap_or_else(|| ledger.merchant_id().to_owned());
    let order = PayOrder {
        app_id,
        method: AGREEMENT_PAY,
        fingerprint: format!("{AGREEMENT_PAY}:{req:?}"),
        out_order_no: &req.out_order_no,
        out_request_no: &req.out_request_no,
        order_title: &req.order_title,
        amount: req.amount.fen(),
        extra_param: req.extra_param.as_ref().map(|e| e.as_str().to_owned()),
    };
    open_packet(ledger, order, Some(&payer), now)
}

pub(crate) fn pending_pay(
    ledger: &mut Ledger,
    app_id: &str,
    method: &str,
    biz: &str,
    now: &str,
) -> Reply {
    // app.pay and page.pay carry the same fields in two generated types.
    macro_rules! pending_order {
        ($request:ty, $method:expr) => {
            match <$request>::from_biz_content(biz) {
                Ok(req) => {
                    let order = PayOrder {
                        app_id,
                        method: $method,
                        fingerprint: format!("{}:{req:?}", $method),
                        out_order_no: &req.out_order_no,
                        out_request_no: &req.out_request_no,
                        order_title: &req.order_title,
                        amount: req.amount.fen(),
                        extra_param: req.extra_param.as_ref().map(|e| e.as_str().to_owned()),
                    };
                    open_packet(ledger, order, None, now)
                }
                Err(e) => invalid(e),
            }
        };
    }
    match method {
        APP_PAY => pending_order!(CouponOrderAppPayRequest, APP_PAY),
        PAGE_PAY => pending_order!(CouponOrderPagePayRequest, PAGE_PAY),
        _ => Reply::error(
            "40002",
            "Invalid Arguments",
            "isv.invalid-method",
            "不存在的方法名",
        ),
    }
}

/// Opens a red packet; `payer` debits at once (agreement.pay), `None` leaves it `INIT`.
fn open_packet(ledger: &mut Ledger, order: PayOrder<'_>, payer: Option<&str>, now: &str) -> Reply {
    let okey = order_key(order.out_order_no);
    if let Some(r) = idempotent(
        ledger,
        order.method,
        &okey,
        &order.fingerprint,
        "下单失败,商户订单号重复",
    ) {
        return r;
    }
    if let Some(payer) = payer {
        let Some(balance) = ledger.balance(payer) else {
            return fail(order.method, "PAYER_NOT_EXIST", "付款方支付宝账户不存在");
        };
        if ledger.account(payer).is_some_and(|a| a.restricted) {
            return fail(
                order.method,
                "PAYER_USER_STATUS_LIMIT",
                "付款方账户状态受限",
            );
        }
        if balance < order.amount {
            return fail(order.method, "MONEY_NOT_ENOUGH", "付款方余额不足");
        }
        if ledger.debit(payer, order.amount).is_err() {
            return fail(order.method, "MONEY_NOT_ENOUGH", "付款方余额不足");
        }
    }
    let auth_no = ledger.new_auth_no(now);
    let operation_id = ledger.new_operation_id(now);
    let status = if payer.is_some() {
        Status::Success
    } else {
        Status::Init
    };
    ledger.packets.insert(
        auth_no.clone(),
        RedPacket {
            auth_no: auth_no.clone(),
            out_order_no: order.out_order_no.to_owned(),
            out_request_no: order.out_request_no.to_owned(),
            order_title: order.order_title.to_owned(),
            app_id: order.app_id.to_owned(),
            payer_user_id: payer.map(str::to_owned),
            total: order.amount,
            remaining: if payer.is_some() { order.amount } else { 0 },
            refunded: 0,
            status,
            gmt_create: now.to_owned(),
            extra_param: order.extra_param.clone(),
        },
    );
    let gmt_trans = payer.map(|_| now.to_owned());
    ledger.operations.push(Operation {
        operation_id: operation_id.clone(),
        auth_no: auth_no.clone(),
        out_order_no: order.out_order_no.to_owned(),
        out_request_no: order.out_request_no.to_owned(),
        operation_type: OperationType::Freeze,
        status,
        amount: order.amount,
        gmt_create: now.to_owned(),
        gmt_trans: gmt_trans.clone(),
        order_title: Some(order.order_title.to_owned()),
        remark: None,
        extra_param: order.extra_param,
        payer_user_id: payer.map(str::to_owned),
        payee_user_id: None,
    });
    let mut fields = vec![
        ("auth_no", auth_no.clone()),
        ("out_order_no", order.out_order_no.to_owned()),
        ("operation_id", operation_id),
        ("out_request_no", order.out_request_no.to_owned()),
        ("amount", yuan(order.amount)),
        ("status", status.as_str().to_owned()),
    ];
    if let Some(t) = gmt_trans {
        fields.push(("gmt_trans", t));
    }
    let reply = Reply::success(fields);
    let keys = [okey, req_key(&auth_no, order.out_request_no)];
    ledger.remember(&keys, &order.fingerprint, &reply);
    reply
}

pub(crate) fn disburse(ledger: &mut Ledger, app_id: &str, biz: &str, now: &str) -> Reply {
    let req = match CouponOrderDisburseRequest::from_biz_content(biz) {
        Ok(r) => r,
        Err(e) => return invalid(e),
    };
    let fingerprint = format!("{DISBURSE}:{req:?}");
    let okey = order_key(&req.out_order_no);
    if let Some(r) = idempotent(ledger, DISBURSE, &okey, &fingerprint, "") {
        return r;
    }
    let packet = match (given(&req.deduct_auth_no), given(&req.deduct_out_order_no)) {
        (Some(auth_no), _) => ledger.red_packet(auth_no),
        (None, Some(out_order_no)) => ledger.red_packet_by_out_order_no(out_order_no),
        (None, None) => None,
    };
    let Some(packet) = packet.cloned() else {
        return fail(DISBURSE, "AUTH_ORDER_NOT_EXIST", "");
    };
    let rkey = req_key(&packet.auth_no, &req.out_request_no);
    if ledger.stored.contains_key(&rkey) {
        return fail(
            DISBURSE,
            "UNIQUE_VIOLATION",
            "商户本次资金操作的请求流水号与之前有重复",
        );
    }
    let payee = match (&req.payee_user_id, given(&req.payee_logon_id)) {
        (Some(id), _) => ledger.account(id.as_str()),
        (None, Some(logon)) => ledger.user_by_logon(logon),
        (None, None) => None,
    };
    let Some(payee) = payee.cloned() else {
        return fail(DISBURSE, "PAYEE_NOT_EXIST", "");
    };
    if payee.restricted {
        return fail(DISBURSE, "PAYEE_USER_STATUS_LIMIT", "");
    }
    match packet.status {
        Status::Init => return fail(DISBURSE, "ILLEGAL_STATUS", ""),
        Status::Closed => return fail(DISBURSE, "ORDER_ALREADY_CLOSED", ""),
        Status::Success => {}
    }
    let amount = req.amount.fen();
    if amount > packet.remaining {
        return fail(DISBURSE, "MONEY_NOT_ENOUGH", "");
    }
    if !ledger.can_credit(&payee.user_id, amount) {
        return fail(DISBURSE, "SYSTEM_ERROR", "");
    }
    if let Some(p) = ledger.packets.get_mut(&packet.auth_no) {
        p.remaining -= amount;
    }
    ledger.credit(&payee.user_id, amount);
    let operation_id = ledger.new_operation_id(now);
    ledger.operations.push(Operation {
        operation_id: operation_id.clone(),
        auth_no: packet.auth_no.clone(),
        out_order_no: req.out_order_no.clone(),
        out_request_no: req.out_request_no.clone(),
        operation_type: OperationType::Pay,
        status: Status::Success,
        amount,
        gmt_create: now.to_owned(),
        gmt_trans: Some(now.to_owned()),
        order_title: Some(req.order_title.clone()),
        remark: None,
        extra_param: req.extra_param.as_ref().map(|e| e.as_str().to_owned()),
        payer_user_id: packet.payer_user_id.clone(),
        payee_user_id: Some(payee.user_id.clone()),
    });
    let mut reply = Reply::success(vec![
        ("auth_no", packet.auth_no.clone()),
        ("out_order_no", req.out_order_no.clone()),
        ("operation_id", operation_id.clone()),
        ("out_request_no", req.out_request_no.clone()),
        ("amount", yuan(amount)),
        ("status", Status::Success.as_str().to_owned()),
        ("gmt_trans", now.to_owned()),
    ]);
    ledger.remember(&[okey, rkey], &fingerprint, &reply);
    reply.events.push(NotifyEvent::new(
        "fund_auth_pay",
        app_id,
        vec![
            ("auth_no", packet.auth_no),
            ("out_order_no", req.out_order_no),
            ("operation_id", operation_id),
            ("out_request_no", req.out_request_no),
            ("operation_type", OperationType::Pay.as_str().to_owned()),
            ("amount", yuan(amount)),
            ("status", Status::Success.as_str().to_owned()),
            ("gmt_create", now.to_owned()),
            ("gmt_trans", now.to_owned()),
            ("payee_logon_id", mask_logon(&payee.logon_id)),
            ("payee_user_id", payee.user_id),
        ],
    ));
    reply
}

pub(crate) fn refund(ledger: &mut Ledger, app_id: &str, biz: &str, now: &str) -> Reply {
    let req = match CouponOrderRefundRequest::from_biz_content(biz) {
        Ok(r) => r,
        Err(e) => return invalid(e),
    };
    let fingerprint = format!("{REFUND}:{req:?}");
    let Some(packet) = ledger.red_packet(&req.auth_no).cloned() else {
        return fail(
            REFUND,
            "AUTH_ORDER_NOT_EXIST",
            "入参有误,导致红包对应的订单不存在",
        );
    };
    let rkey = req_key(&packet.auth_no, &req.out_request_no);
    if let Some(r) = idempotent(ledger, REFUND, &rkey, &fingerprint, "") {
        return r;
    }
    let Some(payer) = packet.payer_user_id.clone() else {
        return fail(REFUND, "ILLEGAL_STATUS", "订单状态非法");
    };
    if packet.status == Status::Init {
        return fail(REFUND, "ILLEGAL_STATUS", "订单状态非法");
    }
    let amount = req.amount.fen();
    if amount > packet.remaining {
        return fail(REFUND, "MONEY_NOT_ENOUGH", "退款金额超过红包剩余金额");
    }
    if !ledger.can_credit(&payer, amount) {
        return fail(REFUND, "SYSTEM_ERROR", "系统繁忙");
    }
    if let Some(p) = ledger.packets.get_mut(&packet.auth_no) {
        p.remaining -= amount;
        p.refunded += amount;
        p.status = Status::Closed;
    }
    ledger.credit(&payer, amount);
    let operation_id = ledger.new_operation_id(now);
    ledger.operations.push(Operation {
        operation_id: operation_id.clone(),
        auth_no: packet.auth_no.clone(),
        out_order_no: packet.out_order_no.clone(),
        out_request_no: req.out_request_no.clone(),
        operation_type: OperationType::Refund,
        status: Status::Success,
        amount,
        gmt_create: now.to_owned(),
        gmt_trans: Some(now.to_owned()),
        order_title: None,
        remark: Some(req.remark.clone()),
        extra_param: None,
        payer_user_id: Some(payer.clone()),
        payee_user_id: None,
    });
    let mut reply = Reply::success(vec![
        ("auth_no", packet.auth_no.clone()),
        ("out_order_no", packet.out_order_no.clone()),
        ("operation_id", operation_id.clone()),
        ("out_request_no", req.out_request_no.clone()),
        ("amount", yuan(amount)),
        ("status", Status::Success.as_str().to_owned()),
        ("gmt_trans", now.to_owned()),
    ]);
    ledger.remember(&[rkey], &fingerprint, &reply);
    let payer_logon = ledger.logon_of(&payer);
    reply.events.push(NotifyEvent::new(
        "fund_stdtrustee_refund.success",
        app_id,
        vec![
            ("auth_no", packet.auth_no),
            ("out_order_no", packet.out_order_no),
            ("operation_id", operation_id),
            ("out_request_no", req.out_request_no),
            ("operation_type", OperationType::Refund.as_str().to_owned()),
            ("amount", yuan(amount)),
            ("status", Status::Success.as_str().to_owned()),
            ("gmt_create", now.to_owned()),
            ("gmt_trans", now.to_owned()),
            ("payer_logon_id", mask_logon(&payer_logon)),
            ("payer_user_id", payer),
        ],
    ));
    reply
}

pub(crate) fn query(ledger: &Ledger, biz: &str) -> Reply {
    const QUERY: &str = "alipay.fund.coupon.operation.query";
    let req = match CouponOperationQueryRequest::from_biz_content(biz) {
        Ok(r) => r,
        Err(e) => return invalid(e),
    };
    let packet = match (given(&req.auth_no), given(&req.out_order_no)) {
        (Some(auth_no), _) => ledger.red_packet(auth_no),
        (None, Some(out_order_no)) => {
            ledger.red_packet_by_out_order_no(out_order_no).or_else(|| {
                ledger
                    .operations
                    .iter()
                    .find(|op| op.out_order_no == out_order_no)
                    .and_then(|op| ledger.red_packet(&op.auth_no))
            })
        }
        (None, None) => None,
    };
    let Some(packet) = packet else {
        return fail(QUERY, "AUTH_ORDER_NOT_EXIST", "红包对应的订单不存在");
    };
    let mut ops = ledger
        .operations
        .iter()
        .filter(|op| op.auth_no == packet.auth_no);
    let op = match (given(&req.operation_id), given(&req.out_request_no)) {
        (Some(id), _) => ops.find(|op| op.operation_id == id),
        (None, Some(no)) => ops.find(|op| op.out_request_no == no),
        (None, None) => None,
    };
    let Some(op) = op else {
        return fail(QUERY, "AUTH_OPERATION_NOT_EXIST", "红包资金操作流水不存在");
    };
    let mut fields = vec![
        ("auth_no", op.auth_no.clone()),
        ("out_order_no", op.out_order_no.clone()),
        ("operation_id", op.operation_id.clone()),
        ("out_request_no", op.out_request_no.clone()),
        ("operation_type", op.operation_type.as_str().to_owned()),
        ("amount", yuan(op.amount)),
        ("status", op.status.as_str().to_owned()),
        ("gmt_create", op.gmt_create.clone()),
    ];
    let optional = [
        ("gmt_trans", op.gmt_trans.clone()),
        ("order_title", op.order_title.clone()),
        ("remark", op.remark.clone()),
        ("extra_param", op.extra_param.clone()),
    ];
    fields.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    if let Some(payer) = &op.payer_user_id {
        fields.push(("payer_user_id", payer.clone()));
        fields.push(("payer_logon_id", mask_logon(&ledger.logon_of(payer))));
    }
    if let Some(payee) = &op.payee_user_id {
        fields.push(("payee_user_id", payee.clone()));
        fields.push(("payee_logon_id", mask_logon(&ledger.logon_of(payee))));
    }
    fields.push(("total_pay_refund_amount", yuan(packet.refunded)));
    Reply::success(fields)
}

pub(crate) fn voucher_create(ledger: &mut Ledger, app_id: &str, biz: &str, now: &str) -> Reply {
    let req = match AuthOrderVoucherCreateRequest::from_biz_content(biz) {
        Ok(r) => r,
        Err(e) => return invalid(e),
    };
    let fingerprint = format!("{VOUCHER_CREATE}:{req:?}");
    let okey = order_key(&req.out_order_no);
    if let Some(r) = idempotent(ledger, VOUCHER_CREATE, &okey, &fingerprint, "") {
        return r;
    }
    let payee = match (&req.payee_user_id, given(&req.payee_logon_id)) {
        (Some(id), _) => match ledger.account(id.as_str()) {
            Some(a) => Some(a),
            None => return fail(VOUCHER_CREATE, "PAYEE_NOT_EXIST", ""),
        },
        (None, Some(logon)) => match ledger.user_by_logon(logon) {
            Some(a) => Some(a),
            None => return fail(VOUCHER_CREATE, "PAYEE_NOT_EXIST", ""),
        },
        (None, None) => None,
    };
    if payee.is_some_and(|a| a.restricted) {
        return fail(VOUCHER_CREATE, "PAYEE_USER_STATUS_LIMIT", "");
    }
    let payee = payee.map(|a| a.user_id.clone());
    let auth_no = ledger.new_auth_no(now);
    let operation_id = ledger.new_operation_id(now);
    ledger.freezes.insert(
        req.out_order_no.clone(),
        Freeze {
            auth_no: auth_no.clone(),
            operation_id,
            out_order_no: req.out_order_no.clone(),
            out_request_no: req.out_request_no.clone(),
            order_title: req.order_title.clone(),
            amount: req.amount.fen(),
            payee_user_id: payee,
            payer_user_id: None,
            status: Status::Init,
            gmt_create: now.to_owned(),
            gmt_trans: None,
            app_id: app_id.to_owned(),
        },
    );
    let reply = Reply::success(vec![
        ("out_order_no", req.out_order_no.clone()),
        ("out_request_no", req.out_request_no.clone()),
        ("code_type", "qrCode".to_owned()),
        (
            "code_value",
            format!("https://qr.sandbox.alipay-rs.test/fz{auth_no}"),
        ),
        (
            "code_url",
            format!("https://mobilecodec.sandbox.alipay-rs.test/show.htm?code=fz{auth_no}"),
        ),
    ]);
    ledger.remember(&[okey], &fingerprint, &reply);
    reply
}

pub(crate) fn voucher_send(ledger: &mut Ledger, biz: &str, now: &str) -> Reply {
    let req = match VoucherSendRequest::from_biz_content(biz) {
        Ok(r) => r,
        Err(e) => return invalid(e),
    };
    let fingerprint = format!("{VOUCHER_SEND}:{req:?}");
    let key = format!("voucher|{}|{}", req.template_id, req.out_biz_no);
    if let Some(r) = idempotent(
        ledger,
        VOUCHER_SEND,
        &key,
        &fingerprint,
        "同一模板的外部业务号已用于不同的发券请求",
    ) {
        return r;
    }
    let Some(template) = ledger.template(&req.template_id).cloned() else {
        return fail(VOUCHER_SEND, "TEMPLATE_NOT_EXIST", "");
    };
    if template.expired {
        return fail(VOUCHER_SEND, "TEMPLATE_EXPIRED", "");
    }
    let user = if let Some(id) = &req.user_id {
        ledger.account(id.as_str())
    } else if let Some(login) = given(&req.login_id) {
        ledger.user_by_logon(login)
    } else if let Some(nick) = given(&req.taobao_nick) {
        ledger
            .accounts
            .values()
            .find(|a| a.taobao_nick.as_deref() == Some(nick))
    } else {
        None
    };
    let Some(user) = user else {
        return fail(VOUCHER_SEND, "USER_NOT_EXIST", "");
    };
    if user.restricted {
        return fail(VOUCHER_SEND, "USER_STATUS_ERROR", "");
    }
    let user_id = user.user_id.clone();
    let amount = match (template.budget, req.amount) {
        (None, Some(_)) => {
            return fail(
                VOUCHER_SEND,
                "INVALID_PARAMETER",
                "amount is only allowed for red-packet templates",
            );
        }
        (None, None) => 0,
        (Some(budget), requested) => {
            let Some(fen) = requested.map(|a| a.fen()).or(template.default_amount) else {
                return fail(
                    VOUCHER_SEND,
                    "INVALID_PARAMETER",
                    "a red-packet template without a default amount needs amount",
                );
            };
            if fen > budget {
                return fail(VOUCHER_SEND, "MONEY_NOT_ENOUGH", "红包模板预算不足");
            }
            if !ledger.can_credit(&user_id, fen) {
                return fail(VOUCHER_SEND, "SYSTEM_ERROR", "");
            }
            if let Some(t) = ledger.templates.get_mut(&template.template_id) {
                t.budget = Some(budget - fen);
            }
            ledger.credit(&user_id, fen);
            fen
        }
    };
    let voucher_id = ledger.new_voucher_id(now);
    ledger.vouchers.push(Voucher {
        voucher_id: voucher_id.clone(),
        template_id: req.template_id.clone(),
        user_id: user_id.clone(),
        out_biz_no: req.out_biz_no.clone(),
        amount,
        memo: req.memo.clone(),
    });
    let reply = Reply::success(vec![("voucher_id", voucher_id), ("user_id", user_id)]);
    ledger.remember(&[key], &fingerprint, &reply);
    reply
}
