//! `alipay.fund.*`: the cash red packet (收发现金红包) and fund-authorisation APIs.

use alipay_macros::AlipayApi;

/// `alipay.fund.coupon.order.app.pay` (红包无线支付接口): the order string for the Alipay app.
#[derive(AlipayApi)]
#[alipay(spec = "../../specs/alipay.fund.coupon.order.app.pay.toml")]
pub struct AppPay;

/// `alipay.fund.coupon.order.page.pay` (红包页面支付接口): a browser form or URL.
#[derive(AlipayApi)]
#[alipay(spec = "../../specs/alipay.fund.coupon.order.page.pay.toml")]
pub struct PagePay;

/// `alipay.fund.coupon.order.agreement.pay` (红包协议支付接口): pay under a no-password agreement.
#[derive(AlipayApi)]
#[alipay(spec = "../../specs/alipay.fund.coupon.order.agreement.pay.toml")]
pub struct AgreementPay;

/// `alipay.fund.coupon.order.disburse` (红包打款接口): pay part of a red packet to a user.
#[derive(AlipayApi)]
#[alipay(spec = "../../specs/alipay.fund.coupon.order.disburse.toml")]
pub struct Disburse;

/// `alipay.fund.coupon.order.refund` (红包退回接口): return the remainder to the sender.
#[derive(AlipayApi)]
#[alipay(spec = "../../specs/alipay.fund.coupon.order.refund.toml")]
pub struct Refund;

/// `alipay.fund.coupon.operation.query` (红包明细查询接口): one red-packet operation.
#[derive(AlipayApi)]
#[alipay(spec = "../../specs/alipay.fund.coupon.operation.query.toml")]
pub struct OperationQuery;

/// `alipay.fund.auth.order.voucher.create` (资金授权发码接口): a QR code for a fund freeze.
#[derive(AlipayApi)]
#[alipay(spec = "../../specs/alipay.fund.auth.order.voucher.create.toml")]
pub struct AuthVoucherCreate;
