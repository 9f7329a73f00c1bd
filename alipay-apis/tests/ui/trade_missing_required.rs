use alipay_apis::amount;
use alipay_apis::trade::{PagePayProductCode, PagePayRequest, RefundRequest};

fn page_pay_without_total_amount() {
    let _ = PagePayRequest::builder()
        .out_trade_no("20150320010101001")
        .subject("Iphone6 16G")
        .product_code(PagePayProductCode::FastInstantTradePay)
        .build();
}

fn refund_without_trade_ids() {
    let _ = RefundRequest::builder().refund_amount(amount!("1.00")).build();
}

fn main() {}
