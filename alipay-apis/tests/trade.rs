//! The generated trade APIs (alipay.trade.*): each request built with its builder serialises
//! to the expected biz_content; documented answers parse exactly (amounts to the fen, statuses
//! as enums, datetimes); a trade_status_sync notification is typed, and a malformed value in
//! it is an error, not a panic.

use alipay_apis::alipay_core::api::parse_response;
use alipay_apis::trade::*;
use alipay_apis::types::{ExtendParams, ExtendParamsHbFqNum, GoodsDetail, SettleInfo, SubMerchant};
use alipay_apis::{Amount, Api, DateTime, UserId, amount, pay_timeout};

fn goods(id: &str, quantity: i64, price: Amount) -> GoodsDetail {
    GoodsDetail::builder()
        .goods_id(id)
        .goods_name("ipad")
        .quantity(quantity)
        .price(price)
        .build()
}

/// Every request is valid, serialises to `json`, and reads back to itself.
macro_rules! check {
    ($request:expr, $ty:ident, $json:expr) => {{
        let r = $request;
        assert_eq!(r.validate(), Ok(()));
        assert_eq!(r.biz_content(), $json);
        assert_eq!($ty::from_biz_content(&r.biz_content()), Ok(r));
    }};
}

#[test]
fn order_creating_requests_serialise_as_documented() {
    check!(
        PagePayRequest::builder()
            .out_trade_no("20150320010101001")
            .total_amount(amount!("88.8"))
            .subject("Iphone6 16G")
            .product_code(PagePayProductCode::FastInstantTradePay)
            .qr_pay_mode(PagePayQrPayMode::V4)
            .qrcode_width(100)
            .goods_detail(vec![
                goods("apple-01", 2, amount!("40")),
                goods("apple-02", 1, amount!("8.80"))
            ])
            .timeout_express(alipay_apis::PayTimeout::TODAY)
            .extend_params(
                ExtendParams::builder()
                    .hb_fq_num(ExtendParamsHbFqNum::V3)
                    .build()
            )
            .query_options(vec!["hyb_amount".into()])
            .build(),
        PagePayRequest,
        r#"{"out_trade_no":"20150320010101001","total_amount":"88.80","subject":"Iphone6 16G","product_code":"FAST_INSTANT_TRADE_PAY","qr_pay_mode":"4","qrcode_width":100,"goods_detail":[{"goods_id":"apple-01","goods_name":"ipad","quantity":2,"price":"40.00"},{"goods_id":"apple-02","goods_name":"ipad","quantity":1,"price":"8.80"}],"timeout_express":"1c","extend_params":{"hb_fq_num":"3"},"query_options":["hyb_amount"]}"#
    );
    check!(
        WapPayRequest::builder()
            .out_trade_no("T_2")
            .total_amount(amount!("0.01"))
            .subject("s")
            .product_code(WapPayProductCode::QuickWapWay)
            .quit_url("https://m.example.com/cart")
            .timeout_express(pay_timeout!("5m"))
            .build(),
        WapPayRequest,
        r#"{"out_trade_no":"T_2","total_amount":"0.01","subject":"s","product_code":"QUICK_WAP_WAY","quit_url":"https://m.example.com/cart","timeout_express":"5m"}"#
    );
    check!(
        AppPayRequest::builder()
            .out_trade_no("T_3")
            .total_amount(amount!("100000000"))
            .subject("s")
            .time_expire(DateTime::parse("2016-12-31 10:05:01").unwrap())
            .build(),
        AppPayRequest,
        r#"{"out_trade_no":"T_3","total_amount":"100000000.00","subject":"s","time_expire":"2016-12-31 10:05:01"}"#
    );
    check!(
        PayRequest::builder()
            .out_trade_no("T_4")
            .total_amount(amount!("88.88"))
            .subject("s")
            .scene(PayScene::BarCode)
            .auth_code("28763443825664394")
            .seller_id(UserId::parse("2088102146225135").unwrap())
            .discountable_amount(amount!("80"))
            .undiscountable_amount(amount!("8.88"))
            .sub_merchant(
                SubMerchant::builder()
                    .merchant_id("2088000603999128")
                    .build()
            )
            .build(),
        PayRequest,
        r#"{"out_trade_no":"T_4","total_amount":"88.88","subject":"s","scene":"bar_code","auth_code":"28763443825664394","seller_id":"2088102146225135","discountable_amount":"80.00","undiscountable_amount":"8.88","sub_merchant":{"merchant_id":"2088000603999128"}}"#
    );
    check!(
        PrecreateRequest::builder()
            .out_trade_no("T_5")
            .total_amount(amount!("1"))
            .subject("s")
            .settle_info(
                SettleInfo::builder()
                    .settle_detail_infos(vec![
                        alipay_apis::types::SettleInfoSettleDetailInfos::builder()
                            .trans_in_type(alipay_apis::types::SettleInfoSettleDetailInfosTransInType::DefaultSettle)
                            .amount(amount!("1"))
                            .build(),
                    ])
                    .build()
            )
            .build(),
        PrecreateRequest,
        r#"{"out_trade_no":"T_5","total_amount":"1.00","subject":"s","settle_info":{"settle_detail_infos":[{"trans_in_type":"defaultSettle","amount":"1.00"}]}}"#
    );
    check!(
        CreateRequest::builder()
            .out_trade_no("T_6")
            .total_amount(amount!("1"))
            .subject("s")
            .buyer_open_id("074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5")
            .product_code("JSAPI_PAY")
            .build(),
        CreateRequest,
        r#"{"out_trade_no":"T_6","total_amount":"1.00","subject":"s","product_code":"JSAPI_PAY","buyer_open_id":"074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5"}"#
    );
}

#[test]
fn follow_up_requests_serialise_as_documented() {
    check!(
        QueryRequest::builder()
            .out_trade_no("20150320010101001")
            .query_options(vec!["trade_settle_info".into()])
            .build(),
        QueryRequest,
        r#"{"out_trade_no":"20150320010101001","query_options":["trade_settle_info"]}"#
    );
    check!(
        RefundRequest::builder()
            .trade_no("2014112611001004680073956707")
            .refund_amount(amount!("200.12"))
            .out_request_no("HZ01RF001")
            .refund_reason("正常退款")
            .build(),
        RefundRequest,
        r#"{"trade_no":"2014112611001004680073956707","refund_amount":"200.12","refund_reason":"正常退款","out_request_no":"HZ01RF001"}"#
    );
    check!(
        FastpayRefundQueryRequest::builder()
            .out_trade_no("20150320010101001")
            .out_request_no("HZ01RF001")
            .build(),
        FastpayRefundQueryRequest,
        r#"{"out_trade_no":"20150320010101001","out_request_no":"HZ01RF001"}"#
    );
    check!(
        CloseRequest::builder()
            .trade_no("2013112611001004680073956707")
            .operator_id("YX01")
            .build(),
        CloseRequest,
        r#"{"trade_no":"2013112611001004680073956707","operator_id":"YX01"}"#
    );
    check!(
        CancelRequest::builder()
            .out_trade_no("20150320010101001")
            .build(),
        CancelRequest,
        r#"{"out_trade_no":"20150320010101001"}"#
    );
    check!(
        OrderinfoSyncRequest::builder()
            .trade_no("2018061021001004680073956707")
            .out_request_no("HZ01RF001")
            .biz_type("CREDIT_AUTH")
            .build(),
        OrderinfoSyncRequest,
        r#"{"trade_no":"2018061021001004680073956707","out_request_no":"HZ01RF001","biz_type":"CREDIT_AUTH"}"#
    );
}

#[test]
fn a_built_request_still_meets_the_value_rules() {
    // The builder checks presence; validate() checks the values (here a face-pay scene with a
    // barcode, and a 4m timeout below the wireless floor).
    let r = PayRequest::builder()
        .out_trade_no("T")
        .total_amount(amount!("1"))
        .subject("s")
        .scene(PayScene::BarCode)
        .auth_code("1234")
        .build();
    let v = r.validate().unwrap_err().to_string();
    assert!(v.contains("auth_code: pattern"), "{v}");
    let r = WapPayRequest::builder()
        .out_trade_no("T")
        .total_amount(amount!("1"))
        .subject("s")
        .product_code(WapPayProductCode::QuickWapWay)
        .timeout_express(pay_timeout!("4m"))
        .build();
    let v = r.validate().unwrap_err().to_string();
    assert!(v.contains("timeout_express: range"), "{v}");
}

#[test]
fn the_documented_query_answer_parses_exactly() {
    // The example answer of the alipay.trade.query doc page (numbers as JSON numbers there).
    let r = parse_response::<QueryRequest>(
        r#"{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248","buyer_logon_id":"159****5620","trade_status":"TRADE_CLOSED","total_amount":88.88,"buyer_pay_amount":8.88,"point_amount":10,"invoice_amount":12.11,"send_pay_date":"2014-11-27 15:45:57","receipt_amount":"15.25","store_id":"NJ_S_001","terminal_id":"NJ_T_001","fund_bill_list":[{"fund_channel":"ALIPAYACCOUNT","amount":10,"real_amount":11.21}],"store_name":"证大五道口店","buyer_user_id":"2088101117955611"}"#,
    )
    .unwrap();
    assert_eq!(r.trade_status, Some(QueryResponseTradeStatus::TradeClosed));
    assert_eq!(r.total_amount.map(|a| a.fen()), Some(8888));
    assert_eq!(r.buyer_pay_amount.map(|a| a.fen()), Some(888));
    assert_eq!(r.point_amount.map(|a| a.fen()), Some(1000));
    assert_eq!(r.receipt_amount.map(|a| a.fen()), Some(1525));
    assert_eq!(
        r.send_pay_date,
        Some(DateTime::parse("2014-11-27 15:45:57").unwrap())
    );
    let bills = r.fund_bill_list.unwrap();
    assert_eq!(bills.len(), 1);
    assert_eq!(bills[0].fund_channel.as_deref(), Some("ALIPAYACCOUNT"));
    assert_eq!(bills[0].amount.map(|a| a.fen()), Some(1000));
    assert_eq!(bills[0].real_amount.map(|a| a.fen()), Some(1121));
    // A status Alipay adds later is kept, not refused.
    let later = parse_response::<QueryRequest>(r#"{"trade_status":"TRADE_PENDING"}"#).unwrap();
    assert_eq!(
        later.trade_status,
        Some(QueryResponseTradeStatus::Other("TRADE_PENDING".into()))
    );
}

#[test]
fn refund_cancel_and_precreate_answers_parse() {
    let r = parse_response::<RefundRequest>(
        r#"{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248","buyer_logon_id":"159****5620","fund_change":"N","refund_fee":88.88,"gmt_refund_pay":"2014-11-27 15:45:57","buyer_user_id":"2088101117955611"}"#,
    )
    .unwrap();
    assert_eq!(r.fund_change, Some(RefundResponseFundChange::N));
    assert_eq!(r.refund_fee.map(|a| a.fen()), Some(8888));
    let c = parse_response::<CancelRequest>(
        r#"{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248","retry_flag":"N","action":"close"}"#,
    )
    .unwrap();
    assert_eq!(c.action, Some(CancelResponseAction::Close));
    assert_eq!(c.retry_flag, Some(CancelResponseRetryFlag::N));
    let p = parse_response::<PrecreateRequest>(
        r#"{"code":"10000","msg":"Success","out_trade_no":"6141161365682511","qr_code":"https://qr.alipay.com/bavh4wjlxf12tper3a"}"#,
    )
    .unwrap();
    assert_eq!(
        p.qr_code.as_deref(),
        Some("https://qr.alipay.com/bavh4wjlxf12tper3a")
    );
    // The trade family's business codes carry the documented handling.
    use alipay_apis::Handling;
    assert_eq!(
        <PayRequest as Api>::handling("ACQ.SYSTEM_ERROR"),
        Some(Handling::QueryThenDecide)
    );
    assert_eq!(
        <RefundRequest as Api>::handling("ACQ.DISCORDANT_REPEAT_REQUEST"),
        Some(Handling::NewOutRequestNo)
    );
    assert_eq!(
        <PayRequest as Api>::handling("ACQ.TRADE_HAS_CLOSE"),
        Some(Handling::NewOutOrderNo)
    );
}

mod notification {
    use super::*;
    use alipay_apis::alipay_core::notify::{NotifyCheck, sign_notification, verify_notification};
    use alipay_apis::alipay_core::{AlipayPublicKey, Charset, GatewayPrivateKey, SignType};
    use alipay_apis::{NotifyReceiver, Receipt};

    fn keys() -> (GatewayPrivateKey, AlipayPublicKey) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../alipay-core/testdata");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
        (
            GatewayPrivateKey::from_text(&read("gateway_private_pkcs8.pem")).unwrap(),
            AlipayPublicKey::from_text(&read("gateway_public_spki.pem")).unwrap(),
        )
    }

    /// A trade_status_sync notification after a partial refund (the documented fields).
    fn params(total_amount: &'static str) -> Vec<(&'static str, &'static str)> {
        vec![
            ("notify_time", "2024-01-02 12:05:06"),
            ("notify_type", "trade_status_sync"),
            ("notify_id", "ac05099524730693a8b330c5ecf72da9786"),
            ("app_id", "2014072300007148"),
            ("auth_app_id", "2014072300007148"),
            ("charset", "utf-8"),
            ("version", "1.0"),
            ("trade_no", "2013112011001004330000121536"),
            ("out_trade_no", "6823789339978248"),
            ("out_biz_no", "HZRF001"),
            ("buyer_id", "2088102122524333"),
            ("seller_id", "2088101106499364"),
            ("trade_status", "TRADE_SUCCESS"),
            ("total_amount", total_amount),
            ("receipt_amount", "15.00"),
            ("buyer_pay_amount", "13.88"),
            ("refund_fee", "2.58"),
            ("subject", "当面付交易"),
            ("gmt_create", "2015-04-27 15:45:57"),
            ("gmt_payment", "2015-04-27 15:45:57"),
            ("gmt_refund", "2015-04-28 15:45:57.320"),
            (
                "fund_bill_list",
                r#"[{"amount":"15.00","fundChannel":"ALIPAYACCOUNT"}]"#,
            ),
            ("passback_params", "merchantBizType%3d3C"),
        ]
    }

    fn verified(
        total_amount: &'static str,
    ) -> (String, alipay_apis::Notification, AlipayPublicKey) {
        let (key, public) = keys();
        let body =
            sign_notification(params(total_amount), &key, SignType::Rsa2, Charset::Utf8).unwrap();
        let check = NotifyCheck {
            alipay_public_key: &public,
            sign_type: None,
            app_id: None,
        };
        let n = verify_notification(body.as_bytes(), &check).unwrap();
        (body, n, public)
    }

    #[test]
    fn trade_status_sync_is_typed() {
        let (_, n, _) = verified("20.00");
        let t = PayNotify::from_notification(&n).unwrap();
        assert_eq!(t.notify_type, Some(PayNotifyType::TradeStatusSync));
        assert_eq!(
            t.notify_time,
            Some(DateTime::parse("2024-01-02 12:05:06").unwrap())
        );
        assert_eq!(t.trade_status, Some(PayNotifyTradeStatus::TradeSuccess));
        assert_eq!(t.total_amount.map(|a| a.fen()), Some(2000));
        assert_eq!(t.receipt_amount.map(|a| a.fen()), Some(1500));
        assert_eq!(t.refund_fee.map(|a| a.fen()), Some(258));
        assert_eq!(
            t.gmt_payment,
            Some(DateTime::parse("2015-04-27 15:45:57").unwrap())
        );
        // gmt_refund carries milliseconds (yyyy-MM-dd HH:mm:ss.S): kept as text.
        assert_eq!(t.gmt_refund.as_deref(), Some("2015-04-28 15:45:57.320"));
        assert_eq!(t.out_biz_no.as_deref(), Some("HZRF001"));
        assert_eq!(t.auth_app_id.as_deref(), Some("2014072300007148"));
        assert_eq!(t.invoice_amount, None);
        // The same type for every API whose notify_url applies.
        let page = PagePayNotify::from_notification(&n).unwrap();
        assert_eq!(page.total_amount, t.total_amount);
    }

    #[test]
    fn a_malformed_value_is_an_error_the_receiver_reports() {
        let (body, n, public) = verified("20.001");
        let e = PayNotify::from_notification(&n).unwrap_err();
        assert_eq!(e.field, "total_amount");
        assert!(e.to_string().contains("total_amount"), "{e}");
        // Through the receiver: parse reports it; nothing is committed, so Alipay sends it again.
        let receiver = NotifyReceiver::from_check(&NotifyCheck {
            alipay_public_key: &public,
            sign_type: None,
            app_id: None,
        });
        let Receipt::New(pending) = receiver.receive(body.as_bytes()) else {
            panic!("a genuine notification is new")
        };
        assert_eq!(pending.parse::<PayNotify>().map(|_| ()), Err(e));
    }
}
