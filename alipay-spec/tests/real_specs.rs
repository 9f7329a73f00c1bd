//! The real spec files in `specs/` all parse (with the directory's shared types), and carry the
//! documented facts of each API.

use std::path::Path;

use alipay_spec::{
    ApiSpec, Execution, FieldType, Handling, LenUnit, MaxLen, ParamsIn, Range, Required, Scalar,
};

const SPECS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs");

fn load() -> Vec<ApiSpec> {
    match alipay_spec::load_dir(Path::new(SPECS)) {
        Ok(specs) => specs,
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{} error(s) in specs/:\n{}", lines.len(), lines.join("\n"));
        }
    }
}

fn spec<'s>(specs: &'s [ApiSpec], method: &str) -> &'s ApiSpec {
    specs
        .iter()
        .find(|s| s.method == method)
        .unwrap_or_else(|| panic!("no spec for {method}"))
}

#[test]
fn all_shipped_apis_parse_without_errors() {
    let specs = load();
    let methods: Vec<&str> = specs.iter().map(|s| s.method.as_str()).collect();
    // The red packet, the trade family, transfers, pre-authorisation, bills, OAuth, user
    // info and the certificate download, sorted by method.
    assert_eq!(
        methods,
        [
            "alipay.data.dataservice.bill.downloadurl.query",
            "alipay.fund.account.query",
            "alipay.fund.auth.operation.cancel",
            "alipay.fund.auth.operation.detail.query",
            "alipay.fund.auth.order.app.freeze",
            "alipay.fund.auth.order.freeze",
            "alipay.fund.auth.order.unfreeze",
            "alipay.fund.auth.order.voucher.create",
            "alipay.fund.coupon.operation.query",
            "alipay.fund.coupon.order.agreement.pay",
            "alipay.fund.coupon.order.app.pay",
            "alipay.fund.coupon.order.disburse",
            "alipay.fund.coupon.order.page.pay",
            "alipay.fund.coupon.order.refund",
            "alipay.fund.trans.common.query",
            "alipay.fund.trans.uni.transfer",
            "alipay.marketing.voucher.send",
            "alipay.open.app.alipaycert.download",
            "alipay.system.oauth.token",
            "alipay.trade.app.pay",
            "alipay.trade.cancel",
            "alipay.trade.close",
            "alipay.trade.create",
            "alipay.trade.fastpay.refund.query",
            "alipay.trade.orderinfo.sync",
            "alipay.trade.page.pay",
            "alipay.trade.pay",
            "alipay.trade.precreate",
            "alipay.trade.query",
            "alipay.trade.refund",
            "alipay.trade.wap.pay",
            "alipay.user.info.share",
        ]
    );
}

#[test]
fn execution_modes_and_public_parameters() {
    let specs = load();
    let mode = |m: &str| {
        let s = spec(&specs, m);
        (s.execution, s.notify_url, s.return_url)
    };
    assert_eq!(
        mode("alipay.fund.coupon.order.app.pay"),
        (Execution::SdkExecute, true, false)
    );
    assert_eq!(
        mode("alipay.fund.coupon.order.page.pay"),
        (Execution::PageExecute, true, true)
    );
    assert_eq!(
        mode("alipay.fund.coupon.order.disburse"),
        (Execution::Execute, true, false)
    );
    assert_eq!(
        mode("alipay.fund.coupon.operation.query"),
        (Execution::Execute, false, false)
    );
    assert_eq!(
        mode("alipay.marketing.voucher.send"),
        (Execution::Execute, false, false)
    );
    for s in &specs {
        // Only OAuth and the user profile send no biz_content.
        let params = match s.method.as_str() {
            "alipay.system.oauth.token" => ParamsIn::TopLevel,
            "alipay.user.info.share" => ParamsIn::None,
            _ => ParamsIn::BizContent,
        };
        assert_eq!(s.params, params, "{}", s.method);
        assert_eq!(
            s.response_node,
            alipay_spec::expected_response_node(&s.method)
        );
        assert!(
            s.file.ends_with(&format!("{}.toml", s.method)),
            "{}",
            s.file
        );
    }
}

#[test]
fn disburse_facts() {
    let specs = load();
    let d = spec(&specs, "alipay.fund.coupon.order.disburse");

    let deduct = d.one_of_group("deduct").expect("group deduct");
    assert_eq!(
        deduct.precedence.first().map(String::as_str),
        Some("deduct_auth_no")
    );
    assert_eq!(deduct.fields.len(), 2);
    assert_eq!(deduct.min, 1);
    assert!(deduct.enforce);
    let payee = d.one_of_group("payee").expect("group payee");
    assert_eq!(payee.fields, ["payee_user_id", "payee_logon_id"]);
    let ids: Vec<&str> = d.one_of.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["deduct", "payee"]);
    for g in &d.one_of {
        for f in &g.fields {
            assert_eq!(
                d.request_field(f).map(|f| &f.required),
                Some(&Required::OneOf(g.id.clone()))
            );
        }
    }

    let money = d.error("MONEY_NOT_ENOUGH").expect("MONEY_NOT_ENOUGH");
    assert!(!money.msg.is_empty() && !money.solution.is_empty());
    assert_eq!(
        d.error("SYSTEM_ERROR").map(|e| e.handling),
        Some(Handling::RetrySame)
    );

    let amount = d.request_field("amount").expect("amount");
    assert_eq!(amount.ty, FieldType::Scalar(Scalar::Amount));
    assert!(amount.is_required());
    assert_eq!(amount.max_len, None);
    assert_eq!(
        amount.range,
        Some(Range::Amount {
            min_fen: 1,
            max_fen: 10_000_000_000,
            scale: 2
        })
    );
    let title = d.request_field("order_title").expect("order_title");
    assert_eq!(
        title.max_len,
        Some(MaxLen {
            value: 100,
            unit: LenUnit::GbkByte
        })
    );
    let timeout = d.request_field("pay_timeout").expect("pay_timeout");
    assert!(matches!(
        timeout.range,
        Some(Range::PayTimeout {
            min_minutes: 1,
            max_minutes: 10_080,
            ..
        })
    ));
    assert_eq!(timeout.default.as_deref(), Some("1h"));
    assert_eq!(
        d.request_field("payee_user_id").map(|f| &f.ty),
        Some(&FieldType::Scalar(Scalar::UserId))
    );

    let notify = d.notify.as_ref().expect("[notify]");
    assert!(notify.documented);
    let on: Vec<(&str, bool)> = notify
        .types
        .iter()
        .map(|t| (t.name.as_str(), t.default_on))
        .collect();
    assert!(on.contains(&("fund_auth_pay", true)), "{on:?}");
}

#[test]
fn voucher_create_pay_timeout_allows_15_days() {
    let specs = load();
    let v = spec(&specs, "alipay.fund.auth.order.voucher.create");
    let timeout = v.request_field("pay_timeout").expect("pay_timeout");
    match &timeout.range {
        Some(Range::PayTimeout {
            min_minutes,
            max_minutes,
            min,
            max,
        }) => {
            assert_eq!((*min_minutes, *max_minutes), (1, 21_600));
            assert_eq!((min.as_str(), max.as_str()), ("1m", "15d"));
        }
        other => panic!("expected a pay_timeout range, found {other:?}"),
    }
    assert_eq!(timeout.default.as_deref(), Some("15m"));

    // the payee pair depends on the merchant's Huabei setting: documented, not enforced
    let payee = v.one_of_group("payee").expect("group payee");
    assert!(!payee.enforce);
    assert!(payee.condition.is_some());
    for f in &payee.fields {
        assert_eq!(
            v.request_field(f).map(|f| &f.required),
            Some(&Required::Conditional)
        );
    }
}

#[test]
fn voucher_send_user_group_precedence() {
    let specs = load();
    let s = spec(&specs, "alipay.marketing.voucher.send");
    let user = s.one_of_group("user").expect("group user");
    assert_eq!(user.precedence, ["user_id", "login_id", "taobao_nick"]);
    assert_eq!(user.min, 1);
}

#[test]
fn query_has_two_enforced_groups() {
    let specs = load();
    let q = spec(&specs, "alipay.fund.coupon.operation.query");
    let groups: Vec<(&str, &str)> = q
        .one_of
        .iter()
        .map(|g| (g.id.as_str(), g.precedence[0].as_str()))
        .collect();
    assert_eq!(
        groups,
        [("order", "auth_no"), ("operation", "operation_id")]
    );
}

#[test]
fn common_file_parses() {
    let common = alipay_spec::load_common(Path::new(SPECS)).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"))
    });
    let names: Vec<&str> = common
        .public_request
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert!(
        names.contains(&"biz_content") && names.contains(&"sign"),
        "{names:?}"
    );
    let codes: Vec<&str> = common
        .result_codes
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert!(
        codes.contains(&"10000") && codes.contains(&"40004"),
        "{codes:?}"
    );
}

/// The transfer, pre-authorisation, bill, OAuth, user and certificate specs: each parses with
/// the shared types and carries the rules their docs state.
#[test]
fn the_payment_core_specs_carry_their_rules() {
    let specs = load();
    for m in [
        "alipay.fund.trans.uni.transfer",
        "alipay.fund.trans.common.query",
        "alipay.fund.account.query",
        "alipay.fund.auth.order.freeze",
        "alipay.fund.auth.order.unfreeze",
        "alipay.fund.auth.order.app.freeze",
        "alipay.fund.auth.operation.detail.query",
        "alipay.fund.auth.operation.cancel",
        "alipay.data.dataservice.bill.downloadurl.query",
        "alipay.system.oauth.token",
        "alipay.user.info.share",
        "alipay.open.app.alipaycert.download",
    ] {
        let s = spec(&specs, m);
        assert!(s.doc_url.is_some(), "{m}: doc_url");
    }
    let transfer = spec(&specs, "alipay.fund.trans.uni.transfer");
    let amount = transfer
        .request
        .iter()
        .find(|f| f.name == "trans_amount")
        .unwrap();
    assert_eq!(amount.range_if.len(), 2, "{:?}", amount.range_if);
    assert_eq!(
        spec(&specs, "alipay.system.oauth.token").params,
        ParamsIn::TopLevel
    );
    assert_eq!(
        spec(&specs, "alipay.user.info.share").params,
        ParamsIn::None
    );
    assert_eq!(
        spec(&specs, "alipay.fund.auth.order.app.freeze").execution,
        Execution::SdkExecute
    );
    let handling = |m: &str, code: &str| {
        spec(&specs, m)
            .errors
            .iter()
            .find(|e| e.code == code)
            .map(|e| e.handling)
    };
    assert_eq!(
        handling("alipay.fund.trans.uni.transfer", "SYSTEM_ERROR"),
        Some(Handling::RetrySame)
    );
    assert_eq!(
        handling("alipay.fund.auth.order.freeze", "SYSTEM_ERROR"),
        Some(Handling::QueryThenDecide)
    );
    let groups: Vec<&str> = spec(&specs, "alipay.fund.auth.operation.cancel")
        .one_of
        .iter()
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(groups, ["order", "operation"]);
}
