//! Whole pages, small and hand-made; the real doc pages are in `tests/`.

use super::*;

const PAGE: &str = "alipay.demo.order.pay (演示支付接口)

演示。

公共参数

公共请求参数:
参数 类型 是否必填 最大长度 描述 示例值
app_id String 32 应用ID 2014072300007148
notify_url String 256 通知地址 http://x
biz_content String - 请求参数的集合

请求参数

参数 类型 是否必填 最大长度 描述 示例值
out_order_no String 必须 64 商户订单号 123
amount Price 必须 11 金额
取值范围:[0.01,100.00]
1.00
a_id String 特殊可选 32 a_id与b_id不能同时为空,二者都存在时,以b_id为准 x
b_id String 特殊可选 32 b_id与a_id不能同时为空 y

响应参数

参数 类型 是否必填 最大长度 描述 示例值
status String 必填 20 状态,取值：INIT、SUCCESS SUCCESS

业务错误码

错误码 错误描述 解决方案
SYSTEM_ERROR 系统繁忙 请使用相同的参数再次调用
";

#[test]
fn a_small_page_reads_whole() {
    let d = import(PAGE, "demo.txt").unwrap();
    assert_eq!(d.method, "alipay.demo.order.pay");
    assert_eq!(d.name_zh, "演示支付接口");
    assert_eq!(d.doc, "演示。");
    assert!(d.notify_url.value && d.notify_url.inferred.is_none());
    assert!(!d.return_url.value);
    assert_eq!(d.params.value, Params::BizContent);
    let names: Vec<&str> = d.request.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["out_order_no", "amount", "a_id", "b_id"]);
    assert_eq!(d.request[1].ty, Ty::Amount);
    assert_eq!(
        d.request[1].range,
        Some(Range::Amount {
            min: "0.01".into(),
            max: "100.00".into(),
            scale: 2
        })
    );
    assert_eq!(d.request[1].max_len, None);
    assert_eq!(d.request[1].example, "1.00");
    assert_eq!(d.one_of.len(), 1);
    assert_eq!(d.one_of[0].precedence, ["b_id", "a_id"]);
    assert_eq!(
        d.request[2].required,
        Required::OneOf(d.one_of[0].id.clone())
    );
    assert_eq!(d.response[0].values, ["INIT", "SUCCESS"]);
    assert_eq!(d.errors[0].handling, "retry_same");
}

#[test]
fn a_guide_page_is_refused_with_the_methods_it_names() {
    let e = import(
        "文档中心\n快速接入\n4.1 红包无线支付接口(alipay.fund.coupon.order.app.pay)\n",
        "g.txt",
    )
    .unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.message.contains("not an API reference page"), "{e}");
    assert!(
        e.message.contains("alipay.fund.coupon.order.app.pay"),
        "{e}"
    );
}

#[test]
fn a_page_without_request_parameters_is_refused_at_the_title() {
    let e = import("alipay.demo.x.y (演示)\n\n说明\n", "p.txt").unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.message.contains("请求参数"), "{e}");
}

/// A page in the doc site's layout with nested parameters in each accepted form; the draft
/// passes the spec checker (the derive's) as it is.
#[test]
fn nested_parameters_make_a_draft_the_checker_accepts() {
    let page = "alipay.demo.trade.precreate (演示预下单)

演示。

请求参数

参数 类型 是否必填 最大长度 描述 示例值
out_trade_no String 必选 64 商户订单号 20150320010101001
total_amount Price 必选 11 订单总金额,单位为元,精确到小数点后两位,取值范围[0.01,100000000] 88.88
goods_detail GoodsDetail[] 可选 - 订单包含的商品列表信息
└ goods_id String 必填 32 商品的编号 apple-01
└ quantity Number 必填 10 商品数量 1
└ price Price 必填 9 商品单价,单位为元 2000
extend_params ExtendParams 可选 - 业务扩展参数
\tsys_service_provider_id String 可选 64 系统商编号 2088511833207846
\thb_fq_num String 可选 5 花呗分期数,取值：3、6、12 3
settle_info SettleInfo 可选 - 描述结算信息
settle_info.settle_detail_infos SettleDetailInfo[] 必填 10 结算详细信息
settle_info.settle_detail_infos.trans_in_type String 必填 64 结算收款方的账户类型。取值：userId、loginName defaultSettle
settle_info.settle_detail_infos.amount Price 必填 9 结算的金额,单位为元 0.1
timeout_express String 可选 6 该笔订单允许的最晚付款时间,取值范围：1m～15d。m-分钟,h-小时,d-天,1c-当天 90m
query_options String[] 可选 1024 返回参数选项 [\"fund_bill_list\"]
seller_id String 可选 28 卖家支付宝用户ID。 如果该值为空,则默认为商户签约账号对应的支付宝用户ID 2088102146225135
store_info StoreInfo 可选 - 门店
StoreInfo
参数 类型 是否必填 最大长度 描述 示例值
store_id String 必填 32 门店编号 NJ_001

响应参数

参数 类型 是否必填 最大长度 描述 示例值
out_trade_no String 必填 64 商户的订单号 6823789339978248
qr_code String 必填 1024 当前预下单请求生成的二维码码串 https://qr.alipay.com/bavh4wjlxf12tper3a
";
    let d = import(page, "demo.txt").unwrap();
    let text = crate::write::spec_text(&d, crate::write::SharedTypes::Inline);
    let spec = alipay_spec::parse_spec("alipay.demo.trade.precreate.toml", &text)
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    let goods = spec.request_field("goods_detail").unwrap();
    assert_eq!(goods.ty.as_str(), "array");
    let alipay_spec::FieldType::Object(def) = goods.ty.item() else {
        panic!("{text}")
    };
    let names: Vec<&str> = def.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["goods_id", "quantity", "price"]);
    assert_eq!(def.fields[1].ty.as_str(), "integer");
    let settle = spec.request_field("settle_info").unwrap();
    let alipay_spec::FieldType::Object(settle) = settle.ty.item() else {
        panic!("{text}")
    };
    let alipay_spec::FieldType::Object(detail) = settle.fields[0].ty.item() else {
        panic!("{text}")
    };
    assert_eq!(detail.fields[0].values, ["userId", "loginName"]);
    let timeout = spec.request_field("timeout_express").unwrap();
    assert!(timeout.allow_1c);
    assert_eq!(timeout.ty.as_str(), "pay_timeout");
    assert_eq!(
        spec.request_field("query_options").unwrap().ty.as_str(),
        "array"
    );
    assert!(spec.request_field("store_info").is_some());
    assert_eq!(spec.response.len(), 2);
}
