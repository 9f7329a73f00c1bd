// The generated type of a spec file nobody declared anywhere else.
alipay_macros::specs!(dir = "specs", domain = "demo");

use alipay_core::api::{Api, Handling};
use alipay_core::{UserId, amount};

fn main() {
    let request = GreetingSendRequest::builder()
        .to_user_id(UserId::parse("2088102138117431").unwrap())
        .text("你好ab")
        .gift(amount!("8.88"))
        .build();
    assert_eq!(request.validate(), Ok(()));
    assert_eq!(
        request.biz_content(),
        r#"{"to_user_id":"2088102138117431","text":"你好ab","gift":"8.88"}"#
    );
    assert_eq!(<GreetingSendRequest as Api>::METHOD, "alipay.demo.greeting.send");
    assert_eq!(APIS.len(), 1);
    // Rules from the spec: 10 GBK bytes, gift at most 8.88.
    let too_much = GreetingSend::validate_biz_content(
        r#"{"to_user_id":"2088102138117431","text":"你好你好你好","gift":"9.00"}"#,
    );
    assert_eq!(
        too_much.unwrap_err().to_string(),
        "text: max_len (at most 10 gbk_byte, got 12); gift: range (must be within [0.01, 8.88], got 9.00)"
    );
    assert_eq!(
        GreetingSendErrorCode::from_sub_code("USER_ASLEEP").handling(),
        Some(Handling::RetrySame)
    );
}
