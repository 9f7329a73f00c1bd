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
        Some(Range::Amount { min: "0.01".into(), max: "100.00".into(), scale: 2 })
    );
    assert_eq!(d.request[1].max_len, None);
    assert_eq!(d.request[1].example, "1.00");
    assert_eq!(d.one_of.len(), 1);
    assert_eq!(d.one_of[0].precedence, ["b_id", "a_id"]);
    assert_eq!(d.request[2].required, Required::OneOf(d.one_of[0].id.clone()));
    assert_eq!(d.response[0].values, ["INIT", "SUCCESS"]);
    assert_eq!(d.errors[0].handling, "retry_same");
}

#[test]
fn a_guide_page_is_refused_with_the_methods_it_names() {
    let e = import("文档中心\n快速接入\n4.1 红包无线支付接口(alipay.fund.coupon.order.app.pay)\n", "g.txt")
        .unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.message.contains("not an API reference page"), "{e}");
    assert!(e.message.contains("alipay.fund.coupon.order.app.pay"), "{e}");
}

#[test]
fn a_page_without_request_parameters_is_refused_at_the_title() {
    let e = import("alipay.demo.x.y (演示)\n\n说明\n", "p.txt").unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.message.contains("请求参数"), "{e}");
}
