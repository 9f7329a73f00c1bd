//! The v2 spec constructs, proven on specs written for the tests (`nested/specs/`): arrays of
//! shared objects, shared and inline objects, integers, a timeout with `1c`, datetimes,
//! `required_if`, ranges and enums that depend on another field, top-level parameters, an API
//! without business parameters, and nested typed responses.

alipay_apis::specs!(dir = "nested/specs");

use alipay_apis::Call;
use alipay_apis::alipay_core::api::{Api, parse_response};
use alipay_apis::{BizError, DateTime, PayTimeout, amount};
use proptest::prelude::*;

fn violations(r: Result<(), BizError>) -> Vec<String> {
    match r {
        Ok(()) => vec![],
        Err(BizError::Invalid(v)) => v.iter().map(ToString::to_string).collect(),
        Err(BizError::Malformed(m)) => vec![format!("MALFORMED {m}")],
    }
}

fn goods(id: &str, quantity: i64, price: &str) -> GoodsDetail {
    GoodsDetail::builder()
        .goods_id(id)
        .goods_name("苹果")
        .quantity(quantity)
        .price(alipay_apis::Amount::parse_unbounded(price).unwrap())
        .build()
}

#[test]
fn nested_requests_build_and_serialise_exactly() {
    let r = TradePrecreateRequest::builder()
        .out_trade_no("T_1")
        .total_amount(amount!("88.8"))
        .subject("水果")
        .goods_detail(vec![goods("g1", 2, "40"), goods("g2", 1, "8.80")])
        .extend_params(
            ExtendParams::builder()
                .hb_fq_num(ExtendParamsHbFqNum::V3)
                .build(),
        )
        .query_options(vec![TradePrecreateQueryOptions::FundBillList])
        .timeout_express(PayTimeout::TODAY)
        .time_expire(DateTime::parse("2024-02-29 23:59:59").unwrap())
        .store_info(TradePrecreateStoreInfo::builder().store_id("S1").build())
        .build();
    assert_eq!(r.validate(), Ok(()));
    assert_eq!(
        r.biz_content(),
        r#"{"out_trade_no":"T_1","total_amount":"88.80","subject":"水果","goods_detail":[{"goods_id":"g1","goods_name":"苹果","quantity":2,"price":"40.00"},{"goods_id":"g2","goods_name":"苹果","quantity":1,"price":"8.80"}],"extend_params":{"hb_fq_num":"3"},"query_options":["fund_bill_list"],"timeout_express":"1c","time_expire":"2024-02-29 23:59:59","store_info":{"store_id":"S1"}}"#
    );
    // The JSON reads back to the same request.
    assert_eq!(
        TradePrecreateRequest::from_biz_content(&r.biz_content()),
        Ok(r)
    );
}

#[test]
fn every_nested_violation_is_reported_with_its_path() {
    let v = violations(TradePrecreate::validate_biz_content(
        r#"{"out_trade_no":"T 1","total_amount":"1.00","subject":"s",
            "goods_detail":[{"goods_id":"g","goods_name":"n","quantity":1,"price":"1.00"},
                            {"goods_id":"g","quantity":"2","price":"1000000.00","colour":"red"}],
            "extend_params":{"hb_fq_num":"4"},
            "query_options":["fund_bill_list","fund_bill_list","x"],
            "timeout_express":"2c",
            "time_expire":"2023-02-29 10:00:00",
            "store_info":{"terminal_id":"t"}}"#,
    ));
    let expected = [
        "out_trade_no: pattern (must match ^[A-Za-z0-9_]+$)",
        "goods_detail[1].goods_name: required (must be set and not blank)",
        "goods_detail[1].quantity: type (must be a JSON integer, got \"2\")",
        "goods_detail[1].price: range (must be within [0.00, 999999.99], got 1000000.00)",
        "goods_detail[1].colour: unknown_field (not a field of GoodsDetail)",
        "extend_params.hb_fq_num: enum (\"4\" is not one of 3, 6, 12)",
        "query_options: max_items (at most 2 items, got 3)",
        "query_options[2]: enum (\"x\" is not one of trade_settle_info, fund_bill_list)",
        "time_expire: format",
        "store_info.alipay_store_id|store_id: one_of (at least 1 of alipay_store_id, store_id must be non-empty, got 0)",
        "timeout_express: grammar",
    ];
    let all = v.join("\n");
    for e in expected {
        assert!(all.contains(e), "missing {e:?} in\n{all}");
    }
    assert_eq!(v.len(), expected.len(), "{all}");
}

#[test]
fn required_if_and_dependent_ranges_and_enums() {
    let base = |payee: &str, amount: &str, product: &str, scene: &str| {
        format!(
            r#"{{"out_biz_no":"b1","trans_amount":"{amount}","product_code":"{product}"{scene},"payee_info":{payee}}}"#
        )
    };
    let logon = r#"{"identity":"a@b.c","identity_type":"ALIPAY_LOGON_ID"}"#;
    let uid = r#"{"identity":"2088102138117431","identity_type":"ALIPAY_USER_ID"}"#;
    assert_eq!(
        violations(FundTransUniTransfer::validate_biz_content(&base(
            logon,
            "1.00",
            "STD_RED_PACKET",
            ""
        ))),
        ["payee_info.name: required (must be set when identity_type is ALIPAY_LOGON_ID)"]
    );
    assert!(
        violations(FundTransUniTransfer::validate_biz_content(&base(
            uid,
            "1.00",
            "STD_RED_PACKET",
            ""
        )))
        .is_empty()
    );
    // 0.05 is fine for a red packet, below the 0.10 minimum of TRANS_ACCOUNT_NO_PWD.
    assert!(
        violations(FundTransUniTransfer::validate_biz_content(&base(
            uid,
            "0.05",
            "STD_RED_PACKET",
            ""
        )))
        .is_empty()
    );
    assert_eq!(
        violations(FundTransUniTransfer::validate_biz_content(&base(
            uid,
            "0.05",
            "TRANS_ACCOUNT_NO_PWD",
            ""
        ))),
        [
            "trans_amount: range (must be within [0.10, 100000000.00], got 0.05 (when product_code is TRANS_ACCOUNT_NO_PWD))"
        ]
    );
    let v = violations(FundTransUniTransfer::validate_biz_content(&base(
        uid,
        "1.00",
        "STD_RED_PACKET",
        r#","biz_scene":"DIRECT_TRANSFER""#,
    )));
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].starts_with("biz_scene: enum"), "{v:?}");

    // The typed request checks the same rules.
    let r = FundTransUniTransferRequest::builder()
        .out_biz_no("b1")
        .trans_amount(amount!("1.00"))
        .product_code(FundTransUniTransferProductCode::TransAccountNoPwd)
        .payee_info(
            FundTransUniTransferPayeeInfo::builder()
                .identity("a@b.c")
                .identity_type(FundTransUniTransferPayeeInfoIdentityType::AlipayLogonId)
                .build(),
        )
        .build();
    assert_eq!(
        r.validate().unwrap_err().to_string(),
        "payee_info.name: required (must be set when identity_type is ALIPAY_LOGON_ID)"
    );
}

#[test]
fn amounts_travel_with_the_spec_scale() {
    let r = FundTransUniTransferRequest::builder()
        .out_biz_no("b1")
        .trans_amount(amount!("1"))
        .product_code(FundTransUniTransferProductCode::StdRedPacket)
        .payee_info(
            FundTransUniTransferPayeeInfo::builder()
                .identity("2088102138117431")
                .identity_type(FundTransUniTransferPayeeInfoIdentityType::AlipayUserId)
                .build(),
        )
        .tip(amount!("5"))
        .build();
    assert_eq!(r.validate(), Ok(()));
    assert!(
        r.biz_content().contains(r#""trans_amount":"1.00""#),
        "{}",
        r.biz_content()
    );
    assert!(
        r.biz_content().contains(r#""tip":"5""#),
        "{}",
        r.biz_content()
    );
    assert_eq!(
        FundTransUniTransferRequest::from_biz_content(&r.biz_content()),
        Ok(r)
    );
    let v = violations(FundTransUniTransfer::validate_biz_content(
        r#"{"out_biz_no":"b","trans_amount":"1","product_code":"STD_RED_PACKET","tip":"5.5","payee_info":{"identity":"2088102138117431","identity_type":"ALIPAY_USER_ID"}}"#,
    ));
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].starts_with("tip: scale"), "{v:?}");
}

#[test]
fn top_level_parameters_travel_outside_biz_content() {
    let r = SystemOauthTokenRequest::builder()
        .grant_type(SystemOauthTokenGrantType::AuthorizationCode)
        .code("4b203fe6c11548bcabd8da5bb087a83b")
        .build();
    let call = Call::for_api(&r).unwrap();
    assert_eq!(call.biz_content, None);
    assert_eq!(call.params.get("grant_type"), Some("authorization_code"));
    assert_eq!(
        call.params.get("code"),
        Some("4b203fe6c11548bcabd8da5bb087a83b")
    );
    assert_eq!(call.params.get("refresh_token"), None);
    // `--biz` style validation of the same parameters, as one JSON object.
    assert_eq!(
        violations(SystemOauthToken::validate_biz_content(
            r#"{"grant_type":"refresh_token"}"#
        )),
        ["refresh_token: required (must be set when grant_type is refresh_token)"]
    );
    let bad = SystemOauthTokenRequest::builder()
        .grant_type(SystemOauthTokenGrantType::RefreshToken)
        .build();
    assert!(Call::for_api(&bad).is_err());

    // No business parameters at all: only public ones (auth_token) go along.
    let share = UserInfoShareRequest::builder().build();
    let call = Call::for_api(&share).unwrap().param("auth_token", "t");
    assert_eq!(call.biz_content, None);
    assert_eq!(call.params.get("auth_token"), Some("t"));
    assert_eq!(
        <UserInfoShareRequest as Api>::METHOD,
        "alipay.user.info.share"
    );
}

#[test]
fn nested_responses_are_typed_and_keep_what_they_do_not_know() {
    let r = parse_response::<TradePrecreateRequest>(
        r#"{"code":"10000","msg":"Success","out_trade_no":"T_1","qr_code":"https://qr.alipay.com/x",
            "fund_bill_list":[{"fund_channel":"ALIPAYACCOUNT","amount":"88.80"},{"fund_channel":"PCREDIT","amount":1.2,"bank_code":"X"}],
            "send_pay_date":"2024-02-29 12:00:01",
            "settle_info":{"settle_amount":"88.80","settle_type":"LATER"},
            "new_field":{"a":[1,2]}}"#,
    )
    .unwrap();
    let bills = r.fund_bill_list.as_deref().unwrap();
    assert_eq!(bills.len(), 2);
    assert_eq!(bills[1].amount, Some(amount!("1.20")));
    assert_eq!(
        bills[1]
            .unknown
            .get("bank_code")
            .map(ToString::to_string)
            .as_deref(),
        Some("\"X\"")
    );
    assert_eq!(
        r.send_pay_date.as_ref().map(DateTime::as_str),
        Some("2024-02-29 12:00:01")
    );
    let settle = r.settle_info.as_ref().unwrap();
    assert_eq!(
        settle.settle_type,
        Some(TradePrecreateResponseSettleInfoSettleType::Other(
            "LATER".into()
        ))
    );
    assert_eq!(
        r.unknown
            .get("new_field")
            .map(ToString::to_string)
            .as_deref(),
        Some(r#"{"a":[1,2]}"#)
    );

    // An integer that is not one is refused with its path.
    let e =
        parse_response::<SystemOauthTokenRequest>(r#"{"access_token":"a","expires_in":"soon"}"#)
            .unwrap_err()
            .to_string();
    assert!(e.contains("expires_in"), "{e}");
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('Z'),
            Just('9'),
            Just('_'),
            Just('苹'),
            Just('"'),
            Just('\\')
        ],
        1..=max,
    )
    .prop_map(|c| c.into_iter().collect())
}

fn goods_strategy() -> impl Strategy<Value = GoodsDetail> {
    (
        text(64),
        text(256),
        1i64..=9_999_999_999,
        0u64..=99_999_999,
        proptest::option::of(text(24)),
    )
        .prop_map(|(id, name, quantity, fen, category)| {
            let b = GoodsDetail::builder()
                .goods_id(id)
                .goods_name(name)
                .quantity(quantity)
                .price(alipay_apis::Amount::from_fen(fen));
            match category {
                Some(c) => b.goods_category(c).build(),
                None => b.build(),
            }
        })
}

proptest! {
    #[test]
    fn nested_requests_round_trip_through_biz_content(
        out_trade_no in "[A-Za-z0-9_]{1,64}",
        fen in 1u64..=10_000_000_000,
        goods in proptest::collection::vec(goods_strategy(), 0..=3),
        store in proptest::option::of(text(32)),
        minutes in 1u32..=9999,
    ) {
        let b = TradePrecreateRequest::builder()
            .out_trade_no(out_trade_no)
            .total_amount(alipay_apis::Amount::from_fen(fen))
            .subject("s")
            .timeout_express(PayTimeout::parse(&format!("{minutes}m")).unwrap());
        let b = if goods.is_empty() { b } else { b.goods_detail(goods) };
        let r = match store {
            Some(s) => b.store_info(TradePrecreateStoreInfo::builder().alipay_store_id(s).build()).build(),
            None => b.build(),
        };
        prop_assert_eq!(r.validate(), Ok(()));
        prop_assert_eq!(TradePrecreateRequest::from_biz_content(&r.biz_content()), Ok(r));
    }
}
