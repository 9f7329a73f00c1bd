//! The transfer, pre-authorisation, bill, OAuth, user and certificate APIs as generated from
//! their specs: each request built and serialised exactly (biz_content, or the top-level form
//! fields of `alipay.system.oauth.token`), each documented answer parsed, and the calls with
//! special shapes (no `code` in a success, the public `auth_token`) sent through a fake gateway.

use alipay_apis::alipay_core::api::parse_response;
use alipay_apis::data::{
    DataserviceBillDownloadurlQueryBillType, DataserviceBillDownloadurlQueryRequest,
};
use alipay_apis::fund::{
    AccountQueryRequest, AuthOperationCancelRequest, AuthOperationCancelResponseAction,
    AuthOperationDetailQueryRequest, AuthOperationDetailQueryResponseOrderStatus,
    AuthOrderAppFreezeProductCode, AuthOrderAppFreezeRequest, AuthOrderFreezeAuthCodeType,
    AuthOrderFreezeProductCode, AuthOrderFreezeRequest, AuthOrderFreezeResponseStatus,
    AuthOrderUnfreezeRequest, TransCommonQueryRequest, TransUniTransfer, TransUniTransferErrorCode,
    TransUniTransferProductCode, TransUniTransferRequest, TransUniTransferResponseStatus,
};
use alipay_apis::open::AppAlipaycertDownloadRequest;
use alipay_apis::system::{OauthToken, OauthTokenGrantType, OauthTokenRequest};
use alipay_apis::types::{Participant, ParticipantIdentityType};
use alipay_apis::user::{InfoShareRequest, InfoShareResponseGender};
use alipay_apis::{
    AlipayClient, Api, BizError, Call, Error, Handling, UserId, amount, pay_timeout,
};
use alipay_testkit::{FakeGateway, Reply, keys};

fn violations(r: Result<(), BizError>) -> Vec<String> {
    match r {
        Ok(()) => vec![],
        Err(BizError::Invalid(v)) => v.iter().map(ToString::to_string).collect(),
        Err(BizError::Malformed(m)) => vec![format!("MALFORMED {m}")],
    }
}

fn transfer() -> TransUniTransferRequest {
    TransUniTransferRequest::builder()
        .out_biz_no("201806300001")
        .trans_amount(amount!("23.00"))
        .product_code(TransUniTransferProductCode::TransAccountNoPwd)
        .payee_info(
            Participant::builder()
                .identity("alipay@example.com")
                .identity_type(ParticipantIdentityType::AlipayLogonId)
                .name("黄龙国际有限公司")
                .build(),
        )
        .biz_scene(alipay_apis::fund::TransUniTransferBizScene::DirectTransfer)
        .order_title("201905代发")
        .build()
}

#[test]
fn uni_transfer_serialises_in_spec_order_and_parses_its_answer() {
    let r = transfer();
    assert_eq!(r.validate(), Ok(()));
    assert_eq!(
        r.biz_content(),
        r#"{"out_biz_no":"201806300001","trans_amount":"23.00","product_code":"TRANS_ACCOUNT_NO_PWD","biz_scene":"DIRECT_TRANSFER","order_title":"201905代发","payee_info":{"identity":"alipay@example.com","identity_type":"ALIPAY_LOGON_ID","name":"黄龙国际有限公司"}}"#
    );
    // The documented answer.
    let a = parse_response::<TransUniTransferRequest>(
        r#"{"code":"10000","msg":"Success","out_biz_no":"201808080001","order_id":"20190801110070000006380000250621","pay_fund_order_id":"20190801110070001506380000251556","status":"SUCCESS","trans_date":"2019-08-21 00:00:00"}"#,
    )
    .unwrap();
    assert_eq!(a.status, Some(TransUniTransferResponseStatus::Success));
    assert_eq!(
        a.order_id.as_deref(),
        Some("20190801110070000006380000250621")
    );
    assert_eq!(
        a.trans_date.map(|d| d.to_string()).as_deref(),
        Some("2019-08-21 00:00:00")
    );
}

#[test]
fn uni_transfer_rules_follow_the_product_code() {
    // 0.05 is a valid red packet but below the 0.1 minimum of a transfer to an account.
    let red_packet = r#"{"out_biz_no":"b","trans_amount":"0.05","product_code":"STD_RED_PACKET","payee_info":{"identity":"2088123412341234","identity_type":"ALIPAY_USER_ID"}}"#;
    assert_eq!(
        violations(TransUniTransfer::validate_biz_content(red_packet)),
        Vec::<String>::new()
    );
    let no_pwd = red_packet.replace("STD_RED_PACKET", "TRANS_ACCOUNT_NO_PWD");
    assert_eq!(
        violations(TransUniTransfer::validate_biz_content(&no_pwd)),
        [
            "trans_amount: range (must be within [0.10, 100000000.00], got 0.05 (when product_code is TRANS_ACCOUNT_NO_PWD))"
        ]
    );
    // A logon id needs the payee's real name.
    let logon = red_packet.replace("ALIPAY_USER_ID", "ALIPAY_LOGON_ID");
    assert_eq!(
        violations(TransUniTransfer::validate_biz_content(&logon)),
        ["payee_info.name: required (must be set when identity_type is ALIPAY_LOGON_ID)"]
    );
    // The error table's handling reaches the retry policy.
    assert_eq!(
        <TransUniTransferRequest as Api>::handling("SYSTEM_ERROR"),
        Some(Handling::RetrySame)
    );
    assert_eq!(
        <TransUniTransferRequest as Api>::handling("PAYEE_USER_INFO_ERROR"),
        Some(Handling::FixRequest)
    );
    assert_eq!(
        TransUniTransferErrorCode::from("BALANCE_IS_NOT_ENOUGH").handling(),
        Some(Handling::UserAction)
    );
}

#[test]
fn transfer_queries_serialise_and_parse() {
    let q = TransCommonQueryRequest::builder()
        .order_id("20190801110070000006380000250621")
        .build();
    assert_eq!(
        q.biz_content(),
        r#"{"order_id":"20190801110070000006380000250621"}"#
    );
    let a = parse_response::<TransCommonQueryRequest>(
        r#"{"code":"10000","msg":"Success","order_id":"20190801110070000006380000250621","pay_fund_order_id":"20190801110070001506380000251556","out_biz_no":"201808080001","trans_amount":"1.68","status":"SUCCESS","pay_date":"2013-01-01 08:08:08"}"#,
    )
    .unwrap();
    assert_eq!(a.trans_amount.map(|x| x.fen()), Some(168));
    assert_eq!(a.out_biz_no.as_deref(), Some("201808080001"));

    let b = AccountQueryRequest::builder()
        .alipay_user_id(UserId::parse("2088301409188095").unwrap())
        .account_type("ACCTRANS_ACCOUNT")
        .build();
    assert_eq!(
        b.biz_content(),
        r#"{"alipay_user_id":"2088301409188095","account_type":"ACCTRANS_ACCOUNT"}"#
    );
    let a = parse_response::<AccountQueryRequest>(
        r#"{"code":"10000","msg":"Success","available_amount":"26.45","freeze_amount":"11.11"}"#,
    )
    .unwrap();
    assert_eq!(a.available_amount.map(|x| x.fen()), Some(2645));
    assert_eq!(a.freeze_amount.map(|x| x.fen()), Some(1111));
}

#[test]
fn pre_authorisation_requests_serialise_and_parse() {
    let f = AuthOrderFreezeRequest::builder()
        .auth_code("28763443825664394")
        .auth_code_type(AuthOrderFreezeAuthCodeType::BarCode)
        .out_order_no("8077735255938023")
        .out_request_no("8077735255938032")
        .order_title("预授权冻结")
        .amount(amount!("0.01"))
        .product_code(AuthOrderFreezeProductCode::PreAuth)
        .pay_timeout(pay_timeout!("2d"))
        .build();
    assert_eq!(f.validate(), Ok(()));
    assert_eq!(
        f.biz_content(),
        r#"{"auth_code":"28763443825664394","auth_code_type":"bar_code","out_order_no":"8077735255938023","out_request_no":"8077735255938032","order_title":"预授权冻结","amount":"0.01","pay_timeout":"2d","product_code":"PRE_AUTH"}"#
    );
    let a = parse_response::<AuthOrderFreezeRequest>(
        r#"{"code":"10000","msg":"Success","auth_no":"2014070800002001550000014417","out_order_no":"8077735255938023","operation_id":"20161012405744018102","out_request_no":"8077735255938032","amount":"100.00","status":"SUCCESS","gmt_trans":"2018-06-30 10:52:12","payer_user_id":"2088102000275885"}"#,
    )
    .unwrap();
    assert_eq!(a.status, Some(AuthOrderFreezeResponseStatus::Success));
    assert_eq!(a.auth_no.as_deref(), Some("2014070800002001550000014417"));

    let app = AuthOrderAppFreezeRequest::builder()
        .out_order_no("8077735255938023")
        .out_request_no("8077735255938032")
        .order_title("预授权冻结")
        .amount(amount!("0.01"))
        .product_code(AuthOrderAppFreezeProductCode::PreAuthOnline)
        .build();
    assert_eq!(
        app.biz_content(),
        r#"{"out_order_no":"8077735255938023","out_request_no":"8077735255938032","order_title":"预授权冻结","amount":"0.01","product_code":"PRE_AUTH_ONLINE"}"#
    );

    let u = AuthOrderUnfreezeRequest::builder()
        .auth_no("2014070800002001550000014417")
        .out_request_no("unfreeze-1")
        .amount(amount!("0.01"))
        .remark("2015年4月15日以后的入场费解冻")
        .build();
    assert_eq!(
        u.biz_content(),
        r#"{"auth_no":"2014070800002001550000014417","out_request_no":"unfreeze-1","amount":"0.01","remark":"2015年4月15日以后的入场费解冻"}"#
    );
    assert_eq!(
        <AuthOrderUnfreezeRequest as Api>::handling("SYSTEM_ERROR"),
        Some(Handling::RetrySame)
    );

    let d = AuthOperationDetailQueryRequest::builder()
        .out_order_no("8077735255938023")
        .out_request_no("8077735255938032")
        .build();
    assert_eq!(
        d.biz_content(),
        r#"{"out_order_no":"8077735255938023","out_request_no":"8077735255938032"}"#
    );
    let a = parse_response::<AuthOperationDetailQueryRequest>(
        r#"{"code":"10000","msg":"Success","auth_no":"2014070800002001550000014417","out_order_no":"8077735255938023","order_status":"AUTHORIZED","total_freeze_amount":"100.00","rest_amount":"70.00","total_pay_amount":"30.00","operation_id":"20161012405744018102","out_request_no":"8077735255938032","amount":"100.00","operation_type":"FREEZE","status":"SUCCESS","gmt_create":"2018-06-30 10:52:11","gmt_trans":"2018-06-30 10:52:12"}"#,
    )
    .unwrap();
    assert_eq!(
        a.order_status,
        Some(AuthOperationDetailQueryResponseOrderStatus::Authorized)
    );
    assert_eq!(a.rest_amount.map(|x| x.fen()), Some(7000));

    let c = AuthOperationCancelRequest::builder()
        .auth_no("2014070800002001550000014417")
        .operation_id("20161012405744018102")
        .remark("授权撤销")
        .build();
    assert_eq!(
        c.biz_content(),
        r#"{"auth_no":"2014070800002001550000014417","operation_id":"20161012405744018102","remark":"授权撤销"}"#
    );
    let a = parse_response::<AuthOperationCancelRequest>(
        r#"{"code":"10000","msg":"Success","auth_no":"2014070800002001550000014417","out_order_no":"8077735255938023","operation_id":"20161012405744018102","out_request_no":"8077735255938032","action":"unfreeze"}"#,
    )
    .unwrap();
    assert_eq!(a.action, Some(AuthOperationCancelResponseAction::Unfreeze));
}

#[test]
fn bill_and_certificate_requests_serialise_and_parse() {
    let b = DataserviceBillDownloadurlQueryRequest::builder()
        .bill_type(DataserviceBillDownloadurlQueryBillType::Trade)
        .bill_date("2016-04")
        .build();
    assert_eq!(b.validate(), Ok(()));
    assert_eq!(
        b.biz_content(),
        r#"{"bill_type":"trade","bill_date":"2016-04"}"#
    );
    let a = parse_response::<DataserviceBillDownloadurlQueryRequest>(
        r#"{"code":"10000","msg":"Success","bill_download_url":"http://dwbillcenter.alipay.com/downloadBillFile.resource?bizType=X&userId=X&fileType=X&bizDates=X&downloadFileName=X&fileId=X"}"#,
    )
    .unwrap();
    assert!(
        a.bill_download_url
            .unwrap()
            .starts_with("http://dwbillcenter.alipay.com/")
    );

    let c = AppAlipaycertDownloadRequest::builder()
        .alipay_cert_sn("52c63a2a6a0d3e1e7b0a2bd7b3d3f1c8")
        .build();
    assert_eq!(
        c.biz_content(),
        r#"{"alipay_cert_sn":"52c63a2a6a0d3e1e7b0a2bd7b3d3f1c8"}"#
    );
    let a = parse_response::<AppAlipaycertDownloadRequest>(
        r#"{"code":"10000","msg":"Success","alipay_cert_content":"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"}"#,
    )
    .unwrap();
    assert_eq!(
        a.alipay_cert_content.as_deref(),
        Some("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t")
    );
}

#[test]
fn oauth_token_parameters_are_top_level_form_fields() {
    let r = OauthTokenRequest::builder()
        .grant_type(OauthTokenGrantType::AuthorizationCode)
        .code("4b203fe6c11548bcabd8da5bb087a83b")
        .build();
    let call = Call::for_api(&r).unwrap();
    assert_eq!(call.biz_content, None);
    let params: Vec<(&str, &str)> = call.params.iter().collect();
    assert_eq!(
        params,
        [
            ("code", "4b203fe6c11548bcabd8da5bb087a83b"),
            ("grant_type", "authorization_code")
        ]
    );
    // The code is a credential: Debug of the parameters does not show it.
    assert!(!format!("{call:?}").contains("4b203fe6c11548bcabd8da5bb087a83b"));

    let refresh = OauthTokenRequest::builder()
        .grant_type(OauthTokenGrantType::RefreshToken)
        .refresh_token("201208134b203fe6c11548bcabd8da5bb087a83b")
        .build();
    let call = Call::for_api(&refresh).unwrap();
    assert_eq!(call.params.get("grant_type"), Some("refresh_token"));
    assert_eq!(call.params.get("code"), None);
    // The conditional requirements, as `alipay validate` checks them.
    assert_eq!(
        violations(OauthToken::validate_biz_content(
            r#"{"grant_type":"authorization_code"}"#
        )),
        ["code: required (must be set when grant_type is authorization_code)"]
    );
    assert!(
        Call::for_api(
            &OauthTokenRequest::builder()
                .grant_type(OauthTokenGrantType::RefreshToken)
                .build()
        )
        .is_err()
    );
}

fn client(gw: &FakeGateway) -> AlipayClient {
    AlipayClient::builder(keys::APP_ID, keys::app_private(), keys::alipay_public())
        .gateway(gw.gateway())
        .build()
        .unwrap()
}

/// The documented success of oauth.token has no `code`: a verified node without one is a
/// success, not a malformed answer.
#[tokio::test]
async fn oauth_token_success_without_code_is_accepted() {
    let gw = FakeGateway::start(|_| {
        Reply::node(
            r#"{"user_id":"2088102150477652","access_token":"20120823ac6ffaa4d2d84e7384bf983531473993","expires_in":"3600","refresh_token":"20120823ac6ffdsdf2d84e7384bf983531473993","re_expires_in":3600,"auth_start":"2010-11-11 11:11:11"}"#,
        )
    });
    let r = OauthTokenRequest::builder()
        .grant_type(OauthTokenGrantType::AuthorizationCode)
        .code("4b203fe6c11548bcabd8da5bb087a83b")
        .build();
    let token = client(&gw).execute(&r).await.unwrap();
    assert_eq!(
        token.access_token.as_deref(),
        Some("20120823ac6ffaa4d2d84e7384bf983531473993")
    );
    assert_eq!(token.expires_in, Some(3600), "from a string");
    assert_eq!(token.re_expires_in, Some(3600), "from a number");
    let sent = gw.requests_of("alipay.system.oauth.token");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].param("grant_type"), Some("authorization_code"));
    assert_eq!(
        sent[0].param("code"),
        Some("4b203fe6c11548bcabd8da5bb087a83b")
    );
    assert_eq!(sent[0].biz_content(), None);

    // A refused code comes as error_response, a gateway error.
    let gw = FakeGateway::start(|_| {
        Reply::error(
            r#"{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid","sub_msg":"授权码code无效"}"#,
        )
    });
    match client(&gw).execute(&r).await {
        Err(Error::Gateway(e)) => assert_eq!(e.sub_code.as_deref(), Some("isv.code-invalid")),
        other => panic!("expected a gateway error, got {other:?}"),
    }
}

/// user.info.share has no business parameters: the call carries the public auth_token only.
#[tokio::test]
async fn user_info_share_sends_the_auth_token() {
    let gw = FakeGateway::start(|_| {
        Reply::node(
            r#"{"code":"10000","msg":"Success","user_id":"2088102104794936","avatar":"http://tfsimg.alipay.com/images/partner/T1uIxXXbpXXXXXXXX","province":"安徽省","city":"安庆","nick_name":"支付宝小二","gender":"F"}"#,
        )
    });
    let share = InfoShareRequest::builder().build();
    let me = client(&gw)
        .call(&share)
        .auth_token("20120823ac6ffaa4d2d84e7384bf983531473993")
        .send()
        .await
        .unwrap();
    assert_eq!(me.nick_name.as_deref(), Some("支付宝小二"));
    assert_eq!(me.gender, Some(InfoShareResponseGender::F));
    let sent = gw.requests_of("alipay.user.info.share");
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].param("auth_token"),
        Some("20120823ac6ffaa4d2d84e7384bf983531473993")
    );
    assert_eq!(sent[0].biz_content(), None);
    // The same call as a bare Call, and its Debug hides the token.
    let call = Call::for_api(&share)
        .unwrap()
        .auth_token("20120823ac6ffaa4d2d84e7384bf983531473993");
    assert_eq!(
        call.params.get("auth_token"),
        Some("20120823ac6ffaa4d2d84e7384bf983531473993")
    );
    assert!(!format!("{call:?}").contains("20120823ac6ffaa4d2d84e7384bf983531473993"));
}
