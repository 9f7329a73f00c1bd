//! The drafts `alipay spec import` makes from the three red-packet doc pages
//! (`alipay-import/tests/drafts/`, kept equal to the importer's output by its round-trip test)
//! compile with the derive as they are, and their generated validation decides like the
//! hand-written specs' on the same business parameters.

mod imported {
    alipay_apis::specs!(dir = "../../alipay-import/tests/drafts");
}

use alipay_apis::BizError;

fn verdict(r: Result<(), BizError>) -> Vec<String> {
    match r {
        Ok(()) => vec![],
        Err(BizError::Invalid(v)) => v.iter().map(ToString::to_string).collect(),
        Err(BizError::Malformed(m)) => vec![format!("MALFORMED {m}")],
    }
}

/// Business parameters for each API: valid ones and ones that break each kind of rule.
fn cases(method: &str) -> Vec<&'static str> {
    match method {
        "alipay.fund.coupon.order.disburse" => vec![
            r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包","amount":"1.00","payee_user_id":"2088102138117431"}"#,
            r#"{"out_order_no":"o1","deduct_out_order_no":"d1","out_request_no":"r1","order_title":"红包","amount":"1.00","payee_logon_id":"a@b.c","pay_timeout":"7d","extra_param":"{\"k\":1}"}"#,
            r#"{"out_order_no":"o1","out_request_no":"r1","order_title":"红包","amount":"1.00","payee_user_id":"2088102138117431"}"#,
            r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包","amount":"1.00"}"#,
            r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包","amount":"0.00","payee_user_id":"2088102138117431"}"#,
            r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包","amount":"100000000.01","payee_user_id":"2088102138117431"}"#,
            r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包","amount":"1.00","payee_user_id":"1088102138117431"}"#,
            r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包","amount":"1.00","payee_user_id":"2088102138117431","pay_timeout":"8d"}"#,
            r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包红包","amount":"1.00","payee_user_id":"2088102138117431"}"#,
            r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包","amount":"1.00","payee_user_id":"2088102138117431","extra_param":"not json"}"#,
            r#"{"deduct_auth_no":"a1"}"#,
        ],
        "alipay.fund.auth.order.voucher.create" => vec![
            r#"{"out_order_no":"o1","out_request_no":"r1","order_title":"预授权","amount":"100.00"}"#,
            r#"{"out_order_no":"o1","out_request_no":"r1","order_title":"预授权","amount":"100.00","pay_timeout":"15d","product_code":"PRE_AUTH"}"#,
            r#"{"out_order_no":"o1","out_request_no":"r1","order_title":"预授权","amount":"100.00","product_code":"OTHER"}"#,
            r#"{"out_order_no":"o1","out_request_no":"r1","order_title":"预授权","amount":"100.00","pay_timeout":"16d"}"#,
            r#"{"out_order_no":"o1","order_title":"预授权","amount":"100.00"}"#,
        ],
        "alipay.marketing.voucher.send" => vec![
            r#"{"template_id":"t1","user_id":"2088302001456115","out_biz_no":"b1"}"#,
            r#"{"template_id":"t1","login_id":"13196215350","out_biz_no":"b1","amount":"9.99"}"#,
            r#"{"template_id":"t1","out_biz_no":"b1"}"#,
            r#"{"template_id":"t1","taobao_nick":"n","out_biz_no":"b1","amount":"9.999"}"#,
            r#"{"template_id":"12345678901234567890123456789","taobao_nick":"n","out_biz_no":"b1"}"#,
        ],
        other => panic!("no cases for {other}"),
    }
}

#[test]
fn the_drafts_compile_and_validate_like_the_hand_written_specs() {
    let drafts = imported::APIS;
    assert_eq!(drafts.len(), 3);
    let mut compared = 0;
    for draft in drafts {
        let hand = alipay_apis::find(draft.method).expect("a compiled-in spec");
        assert_eq!(draft.mode, hand.mode, "{}", draft.method);
        let mut refused = 0;
        for json in cases(draft.method) {
            let (d, h) = (verdict((draft.validate)(json)), verdict((hand.validate)(json)));
            assert_eq!(d, h, "{} on {json}", draft.method);
            refused += usize::from(!d.is_empty());
            compared += 1;
        }
        // The cases do exercise the rules: most of them break one.
        assert!(refused >= 2, "{}: only {refused} refusals", draft.method);
    }
    assert_eq!(compared, 21);
}
