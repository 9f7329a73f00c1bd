//! The gateway side of the transfer, pre-authorisation, bill and user APIs: parse the
//! request, apply the gateway's own conditions (certificate mode, top-level parameters), hand
//! the values to the books ([`crate::transfer`], [`crate::preauth`], [`crate::bill`],
//! [`crate::oauth`]).

use alipay_core::Amount;
use serde::Deserialize;

use crate::preauth::{FreezeRequest, OperationRef};
use crate::transfer::TransferOrder;
use crate::{CallContext, Ledger, Reply};

pub(crate) const UNI_TRANSFER: &str = "alipay.fund.trans.uni.transfer";
pub(crate) const COMMON_QUERY: &str = "alipay.fund.trans.common.query";
pub(crate) const ACCOUNT_QUERY: &str = "alipay.fund.account.query";
pub(crate) const FREEZE: &str = "alipay.fund.auth.order.freeze";
pub(crate) const UNFREEZE: &str = "alipay.fund.auth.order.unfreeze";
pub(crate) const DETAIL_QUERY: &str = "alipay.fund.auth.operation.detail.query";
pub(crate) const CANCEL: &str = "alipay.fund.auth.operation.cancel";
pub(crate) const BILL_URL: &str = "alipay.data.dataservice.bill.downloadurl.query";
pub(crate) const OAUTH_TOKEN: &str = "alipay.system.oauth.token";
pub(crate) const USER_INFO: &str = "alipay.user.info.share";

/// The methods of this module, in the order of the crate's `METHODS`.
pub(crate) const FUND_METHODS: [&str; 10] = [
    UNI_TRANSFER,
    COMMON_QUERY,
    ACCOUNT_QUERY,
    FREEZE,
    UNFREEZE,
    DETAIL_QUERY,
    CANCEL,
    BILL_URL,
    OAUTH_TOKEN,
    USER_INFO,
];

/// The ones that only read (not journaled).
pub(crate) const READ_ONLY: [&str; 4] = [COMMON_QUERY, ACCOUNT_QUERY, DETAIL_QUERY, USER_INFO];

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

fn parse<T: for<'de> Deserialize<'de>>(biz: &str) -> Result<T, Reply> {
    serde_json::from_str(biz).map_err(|e| Reply::invalid_parameter(&format!("biz_content: {e}")))
}

/// An amount in [0.01, 100000000].
fn fen(field: &str, amount: Amount) -> Result<u64, Reply> {
    let fen = amount.fen();
    if (1..=10_000_000_000).contains(&fen) {
        Ok(fen)
    } else {
        Err(Reply::invalid_parameter(&format!(
            "{field}: 取值范围[0.01,100000000]"
        )))
    }
}

fn within(field: &str, text: &str, max: usize) -> Result<(), Reply> {
    if text.is_empty() || text.chars().count() > max {
        return Err(Reply::invalid_parameter(&format!("{field}: 长度1~{max}")));
    }
    Ok(())
}

#[derive(Debug, Deserialize)]
struct Participant {
    identity: String,
    identity_type: String,
    #[serde(default)]
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
struct UniTransfer {
    out_biz_no: String,
    trans_amount: Amount,
    product_code: String,
    #[serde(default)]
    biz_scene: Option<String>,
    #[serde(default)]
    order_title: Option<String>,
    payee_info: Participant,
    #[serde(default)]
    remark: Option<String>,
}

#[derive(Debug, Deserialize)]
struct CommonQuery {
    #[serde(default)]
    order_id: Option<String>,
    #[serde(default)]
    out_biz_no: Option<String>,
    #[serde(default)]
    product_code: Option<String>,
    #[serde(default)]
    biz_scene: Option<String>,
}

#[derive(Debug, Deserialize)]
struct AccountQuery {
    alipay_user_id: String,
}

#[derive(Debug, Deserialize)]
struct Freeze {
    auth_code: String,
    auth_code_type: String,
    out_order_no: String,
    out_request_no: String,
    order_title: String,
    amount: Amount,
    #[serde(default)]
    payee_user_id: Option<String>,
    #[serde(default)]
    product_code: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Unfreeze {
    auth_no: String,
    out_request_no: String,
    amount: Amount,
    remark: String,
}

#[derive(Debug, Deserialize)]
struct OperationIds {
    #[serde(default)]
    auth_no: Option<String>,
    #[serde(default)]
    out_order_no: Option<String>,
    #[serde(default)]
    operation_id: Option<String>,
    #[serde(default)]
    out_request_no: Option<String>,
    #[serde(default)]
    remark: Option<String>,
}

#[derive(Debug, Deserialize)]
struct BillQuery {
    bill_type: String,
    bill_date: String,
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
    if !FUND_METHODS.contains(&method) {
        return None;
    }
    if CERTIFICATE_ONLY.contains(&method) && !context.certificate_mode {
        return Some(certificate_required());
    }
    let reply = match method {
        UNI_TRANSFER => uni_transfer(ledger, app_id, biz, now),
        COMMON_QUERY => parse::<CommonQuery>(biz).map(|q| {
            if some(&q.order_id).is_none() && some(&q.out_biz_no).is_none() {
                return Reply::invalid_parameter("order_id 与 out_biz_no 不能同时为空");
            }
            ledger.transfer_query(
                some(&q.order_id),
                some(&q.out_biz_no),
                some(&q.product_code),
                some(&q.biz_scene),
            )
        }),
        ACCOUNT_QUERY => {
            parse::<AccountQuery>(biz).map(|q| ledger.account_query(&q.alipay_user_id))
        }
        FREEZE => freeze(ledger, app_id, biz, now),
        UNFREEZE => unfreeze(ledger, biz, now),
        DETAIL_QUERY | CANCEL => operation(ledger, method, biz),
        BILL_URL => parse::<BillQuery>(biz).map(|q| {
            if !matches!(q.bill_type.as_str(), "trade" | "signcustomer") {
                return Reply::invalid_parameter("bill_type: trade 或 signcustomer");
            }
            ledger.bill_link(&q.bill_type, &q.bill_date, now)
        }),
        OAUTH_TOKEN => Ok(ledger.oauth_token(
            context.param("grant_type").unwrap_or_default(),
            context.param("code"),
            context.param("refresh_token"),
            now,
        )),
        USER_INFO => Ok(ledger.user_info(context.param("auth_token"), now)),
        _ => return None,
    };
    Some(reply.unwrap_or_else(|refused| refused))
}

fn uni_transfer(ledger: &mut Ledger, app_id: &str, biz: &str, now: &str) -> Result<Reply, Reply> {
    let req: UniTransfer = parse(biz)?;
    within("out_biz_no", &req.out_biz_no, 64)?;
    let amount = fen("trans_amount", req.trans_amount)?;
    if !matches!(
        req.product_code.as_str(),
        "TRANS_ACCOUNT_NO_PWD" | "STD_RED_PACKET"
    ) {
        return Err(Reply::invalid_parameter(
            "product_code: TRANS_ACCOUNT_NO_PWD 或 STD_RED_PACKET",
        ));
    }
    if let Some(scene) = some(&req.biz_scene)
        && !matches!(scene, "DIRECT_TRANSFER" | "PERSONAL_COLLECTION")
    {
        return Err(Reply::invalid_parameter(
            "biz_scene: DIRECT_TRANSFER 或 PERSONAL_COLLECTION",
        ));
    }
    let payee = &req.payee_info;
    within("payee_info.identity", &payee.identity, 100)?;
    if !matches!(
        payee.identity_type.as_str(),
        "ALIPAY_USER_ID" | "ALIPAY_LOGON_ID" | "ALIPAY_OPEN_ID"
    ) {
        return Err(Reply::invalid_parameter("payee_info.identity_type"));
    }
    if payee.identity_type == "ALIPAY_LOGON_ID" && some(&payee.name).is_none() {
        return Err(Reply::invalid_parameter(
            "payee_info.name: identity_type 为 ALIPAY_LOGON_ID 时必填",
        ));
    }
    let order = TransferOrder {
        out_biz_no: &req.out_biz_no,
        amount,
        product_code: &req.product_code,
        biz_scene: some(&req.biz_scene),
        order_title: some(&req.order_title),
        identity: &payee.identity,
        identity_type: &payee.identity_type,
        name: some(&payee.name),
        remark: some(&req.remark),
        fingerprint: format!("{UNI_TRANSFER}:{req:?}"),
    };
    Ok(ledger.transfer(app_id, &order, now))
}

fn freeze(ledger: &mut Ledger, app_id: &str, biz: &str, now: &str) -> Result<Reply, Reply> {
    let req: Freeze = parse(biz)?;
    within("out_order_no", &req.out_order_no, 64)?;
    within("out_request_no", &req.out_request_no, 64)?;
    within("order_title", &req.order_title, 100)?;
    if !matches!(req.auth_code_type.as_str(), "bar_code" | "security_code") {
        return Err(Reply::invalid_parameter(
            "auth_code_type: bar_code 或 security_code",
        ));
    }
    if let Some(p) = some(&req.product_code)
        && !matches!(p, "PRE_AUTH" | "PRE_AUTH_ONLINE")
    {
        return Err(Reply::invalid_parameter(
            "product_code: PRE_AUTH 或 PRE_AUTH_ONLINE",
        ));
    }
    let request = FreezeRequest {
        auth_code: &req.auth_code,
        out_order_no: &req.out_order_no,
        out_request_no: &req.out_request_no,
        order_title: &req.order_title,
        amount: fen("amount", req.amount)?,
        payee_user_id: some(&req.payee_user_id),
        fingerprint: format!("{FREEZE}:{req:?}"),
    };
    Ok(ledger.preauth_freeze(app_id, &request, now))
}

fn unfreeze(ledger: &mut Ledger, biz: &str, now: &str) -> Result<Reply, Reply> {
    let req: Unfreeze = parse(biz)?;
    within("remark", &req.remark, 100)?;
    let amount = fen("amount", req.amount)?;
    let fingerprint = format!("{UNFREEZE}:{req:?}");
    Ok(ledger.preauth_unfreeze(
        &req.auth_no,
        &req.out_request_no,
        amount,
        &req.remark,
        &fingerprint,
        now,
    ))
}

fn operation(ledger: &mut Ledger, method: &str, biz: &str) -> Result<Reply, Reply> {
    let req: OperationIds = parse(biz)?;
    let ids = OperationRef {
        auth_no: some(&req.auth_no),
        out_order_no: some(&req.out_order_no),
        operation_id: some(&req.operation_id),
        out_request_no: some(&req.out_request_no),
    };
    if ids.auth_no.is_none() && ids.out_order_no.is_none() {
        return Err(Reply::invalid_parameter(
            "auth_no 与 out_order_no 不能同时为空",
        ));
    }
    if ids.operation_id.is_none() && ids.out_request_no.is_none() {
        return Err(Reply::invalid_parameter(
            "operation_id 与 out_request_no 不能同时为空",
        ));
    }
    if method == CANCEL {
        let Some(remark) = some(&req.remark) else {
            return Err(Reply::invalid_parameter("remark: 必填"));
        };
        return Ok(ledger.preauth_cancel(&ids, remark));
    }
    Ok(ledger.preauth_detail(&ids))
}
