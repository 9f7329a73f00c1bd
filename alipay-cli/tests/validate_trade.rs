//! `alipay validate METHOD --biz JSON` decides every documented request rule of the trade
//! family (alipay.trade.*): for each API a minimal valid biz_content, one with every optional
//! field set, and one case per rule (missing, too long, out of range, bad timeout, missing
//! one-of, enum outside, bad array item, ...), each checked for its exit code and the one
//! violation it reports (`path: rule`).

use std::process::{Command, Output};

use serde_json::{Value, json};

/// (label, the patch applied to the API's valid biz, the expected answer: `ok` or `path: rule`).
type Case = (&'static str, Value, &'static str);

struct Api {
    method: &'static str,
    valid: Value,
    /// Every optional field the spec keeps, valid together.
    full: Value,
    /// An order-creating API: the shared creation rules apply too.
    creates: bool,
    cases: Vec<Case>,
}

fn long(n: usize, c: char) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// `base` with `patch`'s members set (a top-level `null` removes the member).
fn patched(base: &Value, patch: &Value) -> Value {
    let mut o = base.as_object().cloned().unwrap_or_default();
    for (k, v) in patch.as_object().into_iter().flatten() {
        if v.is_null() {
            o.remove(k);
        } else {
            o.insert(k.clone(), v.clone());
        }
    }
    Value::Object(o)
}

fn validate(method: &str, biz: &Value) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(["validate", method, "--biz", &biz.to_string()])
        .output()
        .expect("run alipay")
}

/// `ok` (exit 0), or the one violation's `path: rule` (exit 1); anything else is reported.
fn verdict(method: &str, biz: &Value) -> Result<String, String> {
    let o = validate(method, biz);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let lines: Vec<&str> = out.lines().collect();
    match (o.status.code(), lines.as_slice()) {
        (Some(0), ["ok"]) => Ok("ok".into()),
        (Some(1), [line]) => Ok(line.split(" (").next().unwrap_or(line).to_string()),
        (code, _) => Err(format!(
            "exit {code:?}, stdout {out:?}, stderr {:?}",
            String::from_utf8_lossy(&o.stderr)
        )),
    }
}

fn creation_cases() -> Vec<Case> {
    vec![
        (
            "out_trade_no missing",
            json!({"out_trade_no": null}),
            "out_trade_no: required",
        ),
        (
            "out_trade_no too long",
            json!({"out_trade_no": long(65, '1')}),
            "out_trade_no: max_len",
        ),
        (
            "out_trade_no other characters",
            json!({"out_trade_no": "2015-0320"}),
            "out_trade_no: pattern",
        ),
        (
            "total_amount missing",
            json!({"total_amount": null}),
            "total_amount: required",
        ),
        (
            "total_amount below 0.01",
            json!({"total_amount": "0.00"}),
            "total_amount: range",
        ),
        (
            "total_amount above 100000000",
            json!({"total_amount": "100000000.01"}),
            "total_amount: range",
        ),
        (
            "total_amount 3 decimals",
            json!({"total_amount": "88.888"}),
            "total_amount: grammar",
        ),
        (
            "subject missing",
            json!({"subject": null}),
            "subject: required",
        ),
        (
            "subject too long",
            json!({"subject": long(257, 'x')}),
            "subject: max_len",
        ),
        (
            "body too long",
            json!({"body": long(129, 'x')}),
            "body: max_len",
        ),
        (
            "timeout_express decimal",
            json!({"timeout_express": "1.5h"}),
            "timeout_express: grammar",
        ),
        (
            "timeout_express above 15d",
            json!({"timeout_express": "16d"}),
            "timeout_express: range",
        ),
        (
            "timeout_express zero",
            json!({"timeout_express": "0m"}),
            "timeout_express: grammar",
        ),
        (
            "timeout_express other unit",
            json!({"timeout_express": "2c"}),
            "timeout_express: grammar",
        ),
        (
            "timeout_express uppercase",
            json!({"timeout_express": "1H"}),
            "timeout_express: grammar",
        ),
        (
            "time_expire not a datetime",
            json!({"time_expire": "2016-12-31 25:00:00"}),
            "time_expire: format",
        ),
        (
            "goods_detail not an array",
            json!({"goods_detail": {"goods_id": "apple-01", "goods_name": "ipad", "quantity": 1, "price": "2000.00"}}),
            "goods_detail: type",
        ),
        (
            "goods_detail item without goods_name",
            json!({"goods_detail": [{"goods_id": "apple-01", "goods_name": null, "quantity": 1, "price": "2000.00"}]}),
            "goods_detail[0].goods_name: required",
        ),
        (
            "goods_detail item goods_id too long",
            json!({"goods_detail": [{"goods_id": long(65, 'x'), "goods_name": "ipad", "quantity": 1, "price": "2000.00"}]}),
            "goods_detail[0].goods_id: max_len",
        ),
        (
            "goods_detail item quantity not an integer",
            json!({"goods_detail": [{"goods_id": "apple-01", "goods_name": "ipad", "quantity": 1.5, "price": "2000.00"}]}),
            "goods_detail[0].quantity: type",
        ),
        (
            "goods_detail item quantity zero",
            json!({"goods_detail": [{"goods_id": "apple-01", "goods_name": "ipad", "quantity": 0, "price": "2000.00"}]}),
            "goods_detail[0].quantity: range",
        ),
        (
            "goods_detail item price 9+ characters",
            json!({"goods_detail": [{"goods_id": "apple-01", "goods_name": "ipad", "quantity": 1, "price": "1000000.00"}]}),
            "goods_detail[0].price: range",
        ),
        (
            "goods_detail item show_url too long",
            json!({"goods_detail": [{"goods_id": "apple-01", "goods_name": "ipad", "quantity": 1, "price": "2000.00", "show_url": long(401, 'x')}]}),
            "goods_detail[0].show_url: max_len",
        ),
        (
            "extend_params hb_fq_num outside",
            json!({"extend_params": {"hb_fq_num": "4"}}),
            "extend_params.hb_fq_num: enum",
        ),
        (
            "extend_params hb_fq_seller_percent outside",
            json!({"extend_params": {"hb_fq_seller_percent": "50"}}),
            "extend_params.hb_fq_seller_percent: enum",
        ),
        (
            "extend_params sys_service_provider_id too long",
            json!({"extend_params": {"sys_service_provider_id": long(65, 'x')}}),
            "extend_params.sys_service_provider_id: max_len",
        ),
        (
            "extend_params specified_seller_name too long",
            json!({"extend_params": {"specified_seller_name": long(33, 'x')}}),
            "extend_params.specified_seller_name: max_len",
        ),
        (
            "settle_info two details",
            json!({"settle_info": {"settle_detail_infos": [{"trans_in_type": "defaultSettle", "amount": "1.00"}, {"trans_in_type": "defaultSettle", "amount": "1.00"}]}}),
            "settle_info.settle_detail_infos: max_items",
        ),
        (
            "settle_info trans_in missing for userId",
            json!({"settle_info": {"settle_detail_infos": [{"trans_in_type": "userId", "amount": "1.00"}]}}),
            "settle_info.settle_detail_infos[0].trans_in: required",
        ),
        (
            "query_options comma string",
            json!({"query_options": "a,b"}),
            "query_options: type",
        ),
        (
            "query_options item not a string",
            json!({"query_options": [1]}),
            "query_options[0]: type",
        ),
    ]
}

fn page_pay() -> Api {
    Api {
        method: "alipay.trade.page.pay",
        valid: json!({"out_trade_no": "20150320010101001", "total_amount": "88.88", "subject": "Iphone6 16G", "product_code": "FAST_INSTANT_TRADE_PAY"}),
        full: json!({"qr_pay_mode": "4", "qrcode_width": 100, "goods_detail": [{"goods_id": "apple-01", "goods_name": "ipad", "quantity": 1, "price": "2000.00"}, {"goods_id": "apple-02", "goods_name": "ipad", "quantity": 1, "price": "2000.00", "alipay_goods_id": "20010001", "goods_category": "34543238", "categories_tree": "1|2", "body": "b", "show_url": "http://x"}], "time_expire": "2016-12-31 10:05:01", "timeout_express": "1c", "extend_params": {"sys_service_provider_id": "2088511833207846", "hb_fq_num": "3", "hb_fq_seller_percent": "100", "specified_seller_name": "s", "card_type": "S0JP0000"}, "settle_info": {"settle_detail_infos": [{"trans_in_type": "userId", "trans_in": "2088111111111111", "amount": "88.88"}], "settle_period_time": "7d"}, "body": "b", "passback_params": "p", "integration_type": "PCWEB", "goods_type": "1", "query_options": ["hyb_amount", "enterprise_pay_info"]}),
        creates: true,
        cases: vec![
            (
                "product_code missing",
                json!({"product_code": null}),
                "product_code: required",
            ),
            (
                "product_code outside",
                json!({"product_code": "QUICK_WAP_WAY"}),
                "product_code: enum",
            ),
            (
                "qr_pay_mode outside",
                json!({"qr_pay_mode": "5"}),
                "qr_pay_mode: enum",
            ),
            (
                "qrcode_width zero",
                json!({"qrcode_width": 0}),
                "qrcode_width: range",
            ),
            (
                "qrcode_width text",
                json!({"qrcode_width": "100"}),
                "qrcode_width: type",
            ),
            (
                "integration_type outside",
                json!({"integration_type": "APP"}),
                "integration_type: enum",
            ),
            (
                "goods_type outside",
                json!({"goods_type": "2"}),
                "goods_type: enum",
            ),
        ],
    }
}

fn wap_pay() -> Api {
    Api {
        method: "alipay.trade.wap.pay",
        valid: json!({"out_trade_no": "20150320010101001", "total_amount": "88.88", "subject": "Iphone6 16G", "product_code": "QUICK_WAP_WAY"}),
        full: json!({"quit_url": "http://www.taobao.com/product/113714.html", "timeout_express": "5m", "goods_type": "0"}),
        creates: true,
        cases: vec![
            (
                "product_code missing",
                json!({"product_code": null}),
                "product_code: required",
            ),
            (
                "timeout_express below 5m",
                json!({"timeout_express": "4m"}),
                "timeout_express: range",
            ),
            (
                "quit_url too long",
                json!({"quit_url": long(401, 'x')}),
                "quit_url: max_len",
            ),
        ],
    }
}

fn app_pay() -> Api {
    Api {
        method: "alipay.trade.app.pay",
        valid: json!({"out_trade_no": "20150320010101001", "total_amount": "88.88", "subject": "Iphone6 16G"}),
        full: json!({"product_code": "CYCLE_PAY_AUTH", "agreement_sign_params": {"personal_product_code": "CYCLE_PAY_AUTH_P", "sign_scene": "INDUSTRY|DIGITAL_MEDIA", "external_agreement_no": "test20190701"}, "timeout_express": "15d"}),
        creates: true,
        cases: vec![
            (
                "product_code outside",
                json!({"product_code": "QUICK_WAP_WAY"}),
                "product_code: enum",
            ),
            (
                "timeout_express below 5m",
                json!({"timeout_express": "4m"}),
                "timeout_express: range",
            ),
            (
                "CYCLE_PAY_AUTH without agreement_sign_params",
                json!({"product_code": "CYCLE_PAY_AUTH", "agreement_sign_params": null}),
                "agreement_sign_params: required",
            ),
            (
                "agreement_sign_params without personal_product_code",
                json!({"product_code": "CYCLE_PAY_AUTH", "agreement_sign_params": {"sign_scene": "x"}}),
                "agreement_sign_params.personal_product_code: required",
            ),
            (
                "external_agreement_no other characters",
                json!({"product_code": "CYCLE_PAY_AUTH", "agreement_sign_params": {"personal_product_code": "P", "external_agreement_no": "a_1"}}),
                "agreement_sign_params.external_agreement_no: pattern",
            ),
        ],
    }
}

fn pay() -> Api {
    Api {
        method: "alipay.trade.pay",
        valid: json!({"out_trade_no": "20150320010101001", "total_amount": "88.88", "subject": "Iphone6 16G", "scene": "bar_code", "auth_code": "28763443825664394"}),
        full: json!({"product_code": "FACE_TO_FACE_PAYMENT", "seller_id": "2088102146225135", "discountable_amount": "80.00", "undiscountable_amount": "8.88", "operator_id": "yx_001", "store_id": "NJ_001", "terminal_id": "NJ_T_001", "sub_merchant": {"merchant_id": "2088000603999128", "merchant_type": "alipay"}, "timeout_express": "90m", "query_options": ["fund_bill_list"]}),
        creates: true,
        cases: vec![
            (
                "scene outside",
                json!({"scene": "wave_code"}),
                "scene: enum",
            ),
            (
                "auth_code missing with a scene",
                json!({"auth_code": null}),
                "auth_code: required",
            ),
            (
                "auth_code too short",
                json!({"auth_code": "2876344382566"}),
                "auth_code: pattern",
            ),
            (
                "auth_code prefix 31",
                json!({"auth_code": "31763443825664394"}),
                "auth_code: pattern",
            ),
            (
                "auth_code face id too short",
                json!({"scene": "security_code", "auth_code": "fp123"}),
                "auth_code: pattern",
            ),
            (
                "product_code outside",
                json!({"product_code": "QUICK_WAP_WAY"}),
                "product_code: enum",
            ),
            (
                "seller_id not a user id",
                json!({"seller_id": "2088123"}),
                "seller_id: grammar",
            ),
            (
                "discountable_amount zero",
                json!({"discountable_amount": "0.00"}),
                "discountable_amount: range",
            ),
            (
                "undiscountable_amount above",
                json!({"undiscountable_amount": "100000000.01"}),
                "undiscountable_amount: range",
            ),
            (
                "operator_id too long",
                json!({"operator_id": long(29, 'x')}),
                "operator_id: max_len",
            ),
            (
                "sub_merchant without merchant_id",
                json!({"sub_merchant": {"merchant_type": "alipay"}}),
                "sub_merchant.merchant_id: required",
            ),
            (
                "sub_merchant merchant_type outside",
                json!({"sub_merchant": {"merchant_id": "2088000603999128", "merchant_type": "isv"}}),
                "sub_merchant.merchant_type: enum",
            ),
        ],
    }
}

fn precreate() -> Api {
    Api {
        method: "alipay.trade.precreate",
        valid: json!({"out_trade_no": "20150320010101001", "total_amount": "88.88", "subject": "Iphone6 16G"}),
        full: json!({"timeout_express": "2h", "goods_detail": [{"goods_id": "apple-01", "goods_name": "ipad", "quantity": 1, "price": "2000.00"}]}),
        creates: true,
        cases: vec![
            (
                "timeout_express 6 characters",
                json!({"timeout_express": "10080m"}),
                "timeout_express: grammar",
            ),
            (
                "store_id too long",
                json!({"store_id": long(33, 'x')}),
                "store_id: max_len",
            ),
        ],
    }
}

fn create() -> Api {
    Api {
        method: "alipay.trade.create",
        valid: json!({"out_trade_no": "20150320010101001", "total_amount": "88.88", "subject": "Iphone6 16G", "buyer_id": "2088102146225135"}),
        full: json!({"buyer_open_id": "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5", "product_code": "JSAPI_PAY"}),
        creates: true,
        cases: vec![
            (
                "no buyer",
                json!({"buyer_id": null, "buyer_open_id": null}),
                "buyer_id|buyer_open_id: one_of",
            ),
            (
                "buyer_id not a user id",
                json!({"buyer_id": "2088123"}),
                "buyer_id: grammar",
            ),
            (
                "buyer_open_id too long",
                json!({"buyer_id": null, "buyer_open_id": long(129, 'x')}),
                "buyer_open_id: max_len",
            ),
        ],
    }
}

fn query() -> Api {
    Api {
        method: "alipay.trade.query",
        valid: json!({"out_trade_no": "20150320010101001"}),
        full: json!({"trade_no": "2014112611001004680073956707", "query_options": ["trade_settle_info", "fund_bill_list"]}),
        creates: false,
        cases: vec![
            (
                "neither id",
                json!({"trade_no": null, "out_trade_no": null}),
                "trade_no|out_trade_no: one_of",
            ),
            (
                "both ids empty",
                json!({"trade_no": "", "out_trade_no": ""}),
                "trade_no|out_trade_no: one_of",
            ),
            (
                "trade_no too long",
                json!({"trade_no": long(65, '1')}),
                "trade_no: max_len",
            ),
            (
                "out_trade_no too long",
                json!({"out_trade_no": long(65, '1')}),
                "out_trade_no: max_len",
            ),
            (
                "query_options a string",
                json!({"query_options": "trade_settle_info"}),
                "query_options: type",
            ),
        ],
    }
}

fn refund() -> Api {
    Api {
        method: "alipay.trade.refund",
        valid: json!({"trade_no": "2014112611001004680073956707", "refund_amount": "200.12", "out_request_no": "HZ01RF001"}),
        full: json!({"out_trade_no": "20150320010101001", "refund_reason": "正常退款", "operator_id": "OP001", "goods_detail": [{"goods_id": "apple-01", "goods_name": "ipad", "quantity": 1, "price": "2000.00"}], "query_options": ["refund_detail_item_list"]}),
        creates: false,
        cases: vec![
            (
                "neither id",
                json!({"trade_no": null, "out_trade_no": null}),
                "trade_no|out_trade_no: one_of",
            ),
            (
                "refund_amount missing",
                json!({"refund_amount": null}),
                "refund_amount: required",
            ),
            (
                "refund_amount zero",
                json!({"refund_amount": "0.00"}),
                "refund_amount: range",
            ),
            (
                "refund_amount 3 decimals",
                json!({"refund_amount": "1.234"}),
                "refund_amount: grammar",
            ),
            (
                "refund_amount above",
                json!({"refund_amount": "100000000.01"}),
                "refund_amount: range",
            ),
            (
                "refund_reason too long",
                json!({"refund_reason": long(257, 'x')}),
                "refund_reason: max_len",
            ),
            (
                "out_request_no too long",
                json!({"out_request_no": long(65, 'x')}),
                "out_request_no: max_len",
            ),
            (
                "operator_id too long",
                json!({"operator_id": long(31, 'x')}),
                "operator_id: max_len",
            ),
            (
                "goods_detail item without price",
                json!({"goods_detail": [{"goods_id": "apple-01", "goods_name": "ipad", "quantity": 1, "price": null}]}),
                "goods_detail[0].price: required",
            ),
        ],
    }
}

fn fastpay_refund_query() -> Api {
    Api {
        method: "alipay.trade.fastpay.refund.query",
        valid: json!({"out_trade_no": "20150320010101001", "out_request_no": "HZ01RF001"}),
        full: json!({"trade_no": "2014112611001004680073956707", "query_options": ["gmt_refund_pay"]}),
        creates: false,
        cases: vec![
            (
                "neither id",
                json!({"trade_no": null, "out_trade_no": null}),
                "trade_no|out_trade_no: one_of",
            ),
            (
                "out_request_no missing",
                json!({"out_request_no": null}),
                "out_request_no: required",
            ),
            (
                "out_request_no too long",
                json!({"out_request_no": long(65, 'x')}),
                "out_request_no: max_len",
            ),
            (
                "query_options comma string",
                json!({"query_options": "gmt_refund_pay,refund_detail_item_list"}),
                "query_options: type",
            ),
        ],
    }
}

fn close() -> Api {
    Api {
        method: "alipay.trade.close",
        valid: json!({"trade_no": "2013112611001004680073956707"}),
        full: json!({"out_trade_no": "20150320010101001", "operator_id": "YX01"}),
        creates: false,
        cases: vec![
            (
                "neither id",
                json!({"trade_no": null, "out_trade_no": null}),
                "trade_no|out_trade_no: one_of",
            ),
            (
                "trade_no shorter than 16",
                json!({"trade_no": "201311261100100"}),
                "trade_no: pattern",
            ),
            (
                "trade_no too long",
                json!({"trade_no": long(65, '1')}),
                "trade_no: max_len",
            ),
            (
                "operator_id too long",
                json!({"operator_id": long(29, 'x')}),
                "operator_id: max_len",
            ),
        ],
    }
}

fn cancel() -> Api {
    Api {
        method: "alipay.trade.cancel",
        valid: json!({"out_trade_no": "20150320010101001"}),
        full: json!({"trade_no": "2014112611001004680073956707"}),
        creates: false,
        cases: vec![
            (
                "neither id",
                json!({"trade_no": null, "out_trade_no": null}),
                "trade_no|out_trade_no: one_of",
            ),
            (
                "out_trade_no too long",
                json!({"out_trade_no": long(65, '1')}),
                "out_trade_no: max_len",
            ),
        ],
    }
}

fn orderinfo_sync() -> Api {
    Api {
        method: "alipay.trade.orderinfo.sync",
        valid: json!({"trade_no": "2018061021001004680073956707", "out_request_no": "HZ01RF001", "biz_type": "CREDIT_AUTH"}),
        full: json!({"orig_request_no": "HZ01RF001", "order_biz_info": "{\"status\":\"COMPLETE\"}"}),
        creates: false,
        cases: vec![
            (
                "trade_no missing",
                json!({"trade_no": null}),
                "trade_no: required",
            ),
            (
                "out_request_no missing",
                json!({"out_request_no": null}),
                "out_request_no: required",
            ),
            (
                "biz_type missing",
                json!({"biz_type": null}),
                "biz_type: required",
            ),
            (
                "order_biz_info not JSON",
                json!({"order_biz_info": "status=COMPLETE"}),
                "order_biz_info: json_object",
            ),
            (
                "trade_no too long",
                json!({"trade_no": long(65, '1')}),
                "trade_no: max_len",
            ),
        ],
    }
}

fn apis() -> Vec<Api> {
    vec![
        page_pay(),
        wap_pay(),
        app_pay(),
        pay(),
        precreate(),
        create(),
        query(),
        refund(),
        fastpay_refund_query(),
        close(),
        cancel(),
        orderinfo_sync(),
    ]
}

#[test]
fn every_trade_rule_is_decided_by_alipay_validate() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for api in apis() {
        let full = patched(&api.valid, &api.full);
        let shared = if api.creates {
            creation_cases()
        } else {
            Vec::new()
        };
        let all = [
            ("valid", json!({}), "ok"),
            ("every optional field", api.full.clone(), "ok"),
        ]
        .into_iter()
        .chain(shared)
        .chain(api.cases);
        for (label, patch, expected) in all {
            checked += 1;
            let base = if label == "every optional field" {
                &api.valid
            } else {
                &full
            };
            // Rule cases start from the full biz: a violation is found among valid neighbours.
            let biz = patched(base, &patch);
            match verdict(api.method, &biz) {
                Ok(got) if got == expected => {}
                Ok(got) => failures.push(format!(
                    "{} / {label}: expected {expected:?}, got {got:?}",
                    api.method
                )),
                Err(e) => failures.push(format!("{} / {label}: {e}", api.method)),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 250, "{checked} cases");
}

/// The messages say what the rule is, with the documented numbers.
#[test]
fn the_messages_carry_the_documented_limits() {
    let line = |method: &str, biz: Value| {
        String::from_utf8_lossy(&validate(method, &biz).stdout)
            .trim()
            .to_string()
    };
    let order =
        json!({"out_trade_no": "20150320010101001", "total_amount": "88.88", "subject": "s"});
    assert_eq!(
        line(
            "alipay.trade.wap.pay",
            patched(
                &order,
                &json!({"product_code": "QUICK_WAP_WAY", "timeout_express": "4m"})
            )
        ),
        "timeout_express: range (must be within 5m~15d, got 4m (4 minutes))"
    );
    assert_eq!(
        line(
            "alipay.trade.precreate",
            patched(&order, &json!({"timeout_express": "1.5h"}))
        ),
        "timeout_express: grammar (pay_timeout \"1.5h\": no decimals (write 90m, not 1.5h))"
    );
    assert_eq!(
        line(
            "alipay.trade.precreate",
            patched(&order, &json!({"total_amount": "100000000.01"}))
        ),
        "total_amount: range (must be within [0.01, 100000000.00], got 100000000.01)"
    );
    assert_eq!(
        line("alipay.trade.refund", json!({"refund_amount": "1.00"})),
        "trade_no|out_trade_no: one_of (at least 1 of trade_no, out_trade_no must be non-empty, got 0)"
    );
    assert_eq!(
        line(
            "alipay.trade.pay",
            patched(&order, &json!({"scene": "bar_code"}))
        ),
        "auth_code: required (must be set when scene is bar_code)"
    );
    // 1c (closes at midnight) is a timeout of its own; the wireless floor does not apply to it.
    for method in ["alipay.trade.precreate", "alipay.trade.app.pay"] {
        assert_eq!(
            line(method, patched(&order, &json!({"timeout_express": "1c"}))),
            "ok"
        );
    }
}
