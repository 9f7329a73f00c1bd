//! `alipay.marketing.*`: vouchers.

use alipay_macros::AlipayApi;

/// `alipay.marketing.voucher.send` (发券接口): issue a voucher from a template to a user.
#[derive(AlipayApi)]
#[alipay(spec = "../../specs/alipay.marketing.voucher.send.toml")]
pub struct VoucherSend;
