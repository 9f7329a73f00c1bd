//! The gateway side of the transfer, pre-authorisation, bill and user APIs: parse the
//! request, apply the gateway's own conditions (certificate mode, top-level parameters), hand
//! the values to the books ([`crate::transfer`], [`crate::preauth`], [`crate::bill`],
//! [`crate::oauth`]).

use alipay_apis::data::DataserviceBillDownloadurlQueryRequest;
use alipay_apis::fund::{
    AccountQueryRequest, AuthOperationCancelRequest, AuthOperationDetailQueryRequest,
    AuthOrderAppFreezeRequest, AuthOrderFreezeRequest, AuthOrderUnfreezeRequest,
    TransCommonQueryRequest, TransUniTransferRequest,
};
use alipay_apis::system::OauthTokenRequest;
use alipay_core::api::BizError;

use crate::preauth::{FreezeRequest, OperationRef};
use crate::transfer::TransferOrder;
use crate::{CallContext, Ledger, Reply};

pub(crate) const UNI_TRANSFER: &str = "alipay.fund.trans.uni.transfer";
pub(crate) const COMMON_QUERY: &str = "alipay.fund.trans.common.query";
pub(crate) const ACCOUNT_QUERY: &str = "alipay.fund.account.query";
pub(crate) const FREEZE: &str = "alipay.fund.auth.order.freeze";
pub(crate) const APP_FREEZE: &str = "alipay.fund.auth.order.app.freeze";
pub(crate) const UNFREEZE: &str = "alipay.fund.auth.order.unfreeze";
pub(crate) const DETAIL_QUERY: &str = "alipay.fund.auth.operation.detail.query";
pub(crate) const CANCEL: &str = "alipay.fund.auth.operation.cancel";
pub(crate) const BILL_URL: &str = "alipay.data.dataservice.bill.downloadurl.query";
pub(crate) const OAUTH_TOKEN: &str = "alipay.system.oauth.token";
pub(crate) const USER_INFO: &str = "alipay.user.info.share";

/// The ones that only read (not journaled); app.freeze at `/gateway.do` is only refused.
pub(crate) const READ_ONLY: [&str; 5] = [
    COMMON_QUERY,
    ACCOUNT_QUERY,
    DETAIL_QUERY,
    USER_INFO,
    APP_FREEZE,
];

/// Money-out APIs Alipay serves only to calls signed in certificate mode.
const CERTIFICATE_ONLY: [&str; 3] = [UNI_TRANSFER, COMMON_QUERY, ACCOUNT_QUERY];

/// A public-key-mode call to a certificate-only API, refused like the gateway does
/// (`40002 isv.missing-app-cert-sn`, as merchants report it in yansongda/pay issues #325 and
/// #378; the sub_msg is the sandbox's).
fn certificate_required() -> Reply {
    Reply::invalid_parameter_with(
        "isv.missing-app-cert-sn",
        "缺少应用公钥证书序列号app_cert_sn：资金支出类接口必须使用公钥证书模式",
    )
}

/// A validation failure as the gateway's 40002 (the client's own generated rules).
fn invalid(e: BizError) -> Reply {
    Reply::invalid_parameter(&e.to_string())
}

fn some(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

/// The reply of one of [`FUND_METHODS`]; `None` for any other method.
pub(crate) fn handle(
    ledger: &mut Ledger,
    app_id: &str,
    method: &str,
    biz: &str,
    context: &CallContext,
    now: &str,
) -> Option<Reply> {
    // The crate's METHODS after the red-packet family are this module's.
    if !crate::METHODS[crate::RED_PACKET_METHODS..].contains(&method) {
        return None;
    }
    if CERTIFICATE_ONLY.contains(&method) && !context.certificate_mode {
        return Some(certificate_required());
    }
    let reply = match method {
        UNI_TRANSFER => uni_transfer(ledger, app_id, biz, now),
        COMMON_QUERY => TransCommonQueryRequest::from_biz_content(biz)
            .map_err(invalid)
            .map(|q| {
                ledger.transfer_query(
                    some(&q.order_id).or(some(&q.pay_fund_order_id)),
                    some(&q.out_biz_no),
                    q.product_code.as_ref().map(|p| p.as_str()),
                    q.biz_scene.as_ref().map(|b| b.as_str()),
                )
            }),
        ACCOUNT_QUERY => AccountQueryRequest::from_biz_content(biz)
            .map_err(invalid)
            .map(|q| ledger.account_query(q.alipay_user_id.as_str())),
        FREEZE => freeze(ledger, app_id, biz, now),
        // An app API: its order string reaches Alipay from the buyer's app (here:
        // `POST /cashier/app-pay`, [`Ledger::app_freeze`]), not from the merchant's server.
        APP_FREEZE => Err(Reply::error(
            "40002",
            "Invalid Arguments",
            "isv.invalid-method",
            "alipay.fund.auth.order.app.freeze 是APP接口：订单串由支付宝客户端提交（沙箱：POST /cashier/app-pay）",
        )),
        UNFREEZE => unfreeze(ledger, biz, now),
        DETAIL_QUERY => AuthOperationDetailQueryRequest::from_biz_content(biz)
            .map_err(invalid)
            .map(|q| {
                ledger.preauth_detail(&OperationRef {
                    auth_no: some(&q.auth_no),
                    out_order_no: some(&q.out_order_no),
                    operation_id: some(&q.operation_id),
                    out_request_no: some(&q.out_request_no),
                })
            }),
        CANCEL => AuthOperationCancelRequest::from_biz_content(biz)
            .map_err(invalid)
            .map(|q| {
                let ids = OperationRef {
                    auth_no: some(&q.auth_no),
                    out_order_no: some(&q.out_order_no),
                    operation_id: some(&q.operation_id),
                    out_request_no: some(&q.out_request_no),
                };
                ledger.preauth_cancel(&ids, &q.remark)
            }),
        BILL_URL => DataserviceBillDownloadurlQueryRequest::from_biz_content(biz)
            .map_err(invalid)
            .map(|q| ledger.bill_link(q.bill_type.as_str(), &q.bill_date, now)),
        OAUTH_TOKEN => {
            // Top-level parameters, validated with the same generated rules.
            let fields: serde_json::Map<String, serde_json::Value> =
                ["grant_type", "code", "refresh_token"]
                    .iter()
                    .filter_map(|&k| context.param(k).map(|v| (k.to_owned(), v.into())))
                    .collect();
            OauthTokenRequest::from_biz_content(&serde_json::Value::Object(fields).to_string())
                .map_err(invalid)
                .map(|q| {
                    ledger.oauth_token(
                        q.grant_type.as_str(),
                        some(&q.code),
                        some(&q.refresh_token),
                        now,
                    )
                })
        }
        USER_INFO => Ok(ledger.user_info(context.param("auth_token"), now)),
        _ => return None,
    };
    Some(reply.unwrap_or_else(|refused| refused))
}

/// `TRANS_ACCOUNT_NO_PWD` under 0.10 (but at least 0.01). The generated rules refuse it on
/// the client; a request that still arrives (an SDK without those rules) gets what Alipay's
/// error table gives, the business `EXCEED_LIMIT_SM_MIN_AMOUNT`, not the gateway's 40002.
fn under_the_no_password_floor(biz: &str) -> bool {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(biz) else {
        return false;
    };
    let amount = match &value["trans_amount"] {
        serde_json::Value::String(s) => alipay_core::Amount::parse(s).ok(),
        serde_json::Value::Number(n) => alipay_core::Amount::parse(&n.to_string()).ok(),
        _ => None,
    };
    value["product_code"] == "TRANS_ACCOUNT_NO_PWD" && amount.is_some_and(|a| a.fen() < 10)
}

fn uni_transfer(ledger: &mut Ledger, app_id: &str, biz: &str, now: &str) -> Result<Reply, Reply> {
    if under_the_no_password_floor(biz) {
        return Err(crate::transfer::refused("EXCEED_LIMIT_SM_MIN_AMOUNT"));
    }
    let req = TransUniTransferRequest::from_biz_content(biz).map_err(invalid)?;
    let payee = &req.payee_info;
    let order = TransferOrder {
        out_biz_no: &req.out_biz_no,
        amount: req.trans_amount.fen(),
        product_code: req.product_code.as_str(),
        biz_scene: req.biz_scene.as_ref().map(|b| b.as_str()),
        order_title: some(&req.order_title),
        identity: &payee.identity,
        identity_type: payee.identity_type.as_str(),
        name: some(&payee.name),
        remark: some(&req.remark),
        fingerprint: format!("{UNI_TRANSFER}:{req:?}"),
    };
    Ok(ledger.transfer(app_id, &order, now))
}

fn freeze(ledger: &mut Ledger, app_id: &str, biz: &str, now: &str) -> Result<Reply, Reply> {
    let req = AuthOrderFreezeRequest::from_biz_content(biz).map_err(invalid)?;
    let payee = match (&req.payee_user_id, some(&req.payee_logon_id)) {
        (Some(id), _) => Some(id.as_str().to_owned()),
        (None, Some(logon)) => match ledger.user_by_logon(logon) {
            Some(a) => Some(a.user_id.clone()),
            None => return Ok(crate::preauth::refused("PAYEE_NOT_EXIST")),
        },
        (None, None) => None,
    };
    let request = FreezeRequest {
        auth_code: &req.auth_code,
        payer_user_id: None,
        out_order_no: &req.out_order_no,
        out_request_no: &req.out_request_no,
        order_title: &req.order_title,
        amount: req.amount.fen(),
        payee_user_id: payee.as_deref(),
        fingerprint: format!("{FREEZE}:{req:?}"),
    };
    Ok(ledger.preauth_freeze(app_id, &request, now))
}

fn unfreeze(ledger: &mut Ledger, biz: &str, now: &str) -> Result<Reply, Reply> {
    let req = AuthOrderUnfreezeRequest::from_biz_content(biz).map_err(invalid)?;
    let fingerprint = format!("{UNFREEZE}:{req:?}");
    Ok(ledger.preauth_unfreeze(
        &req.auth_no,
        &req.out_request_no,
        req.amount.fen(),
        &req.remark,
        &fingerprint,
        now,
    ))
}

impl Ledger {
    /// The buyer `payer_user_id` confirmed an `alipay.fund.auth.order.app.freeze` order string
    /// (its `biz_content`) in the app: validated with the generated rules, then frozen from
    /// the buyer's balance like a payment-code freeze (same idempotency on `out_order_no`).
    pub fn app_freeze(&mut self, app_id: &str, biz: &str, payer_user_id: &str, now: &str) -> Reply {
        let req = match AuthOrderAppFreezeRequest::from_biz_content(biz) {
            Ok(r) => r,
            Err(e) => return invalid(e),
        };
        let payee = match (&req.payee_user_id, some(&req.payee_logon_id)) {
            (Some(id), _) => Some(id.as_str().to_owned()),
            (None, Some(logon)) => match self.user_by_logon(logon) {
                Some(a) => Some(a.user_id.clone()),
                None => return crate::preauth::refused("PAYEE_NOT_EXIST"),
            },
            (None, None) => None,
        };
        let request = FreezeRequest {
            auth_code: "",
            payer_user_id: Some(payer_user_id),
            out_order_no: &req.out_order_no,
            out_request_no: &req.out_request_no,
            order_title: &req.order_title,
            amount: req.amount.fen(),
            payee_user_id: payee.as_deref(),
            fingerprint: format!("{APP_FREEZE}:{payer_user_id}:{req:?}"),
        };
        self.preauth_freeze(app_id, &request, now)
    }
}
