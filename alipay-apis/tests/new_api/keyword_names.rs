// Without `domain`, every spec of the directory: `zhima.*` too, named without `alipay.`; wire
// names that are Rust keywords become `r#type` and, where a raw identifier is not allowed,
// `self_`.
alipay_macros::specs!(dir = "specs");

use alipay_core::api::Api;

fn main() {
    let request = ZhimaDemoMirrorQueryRequest::builder()
        .self_("me")
        .r#type("x")
        .build();
    assert_eq!(request.validate(), Ok(()));
    assert_eq!(request.biz_content(), r#"{"self":"me","type":"x"}"#);
    assert_eq!(
        ZhimaDemoMirrorQuery::validate_biz_content(r#"{"self":"too long a name"}"#)
            .unwrap_err()
            .to_string(),
        "self: max_len (at most 8 char, got 15)"
    );
    let methods: Vec<&str> = APIS.iter().map(|a| a.method).collect();
    assert_eq!(methods, ["alipay.demo.greeting.send", "zhima.demo.mirror.query"]);
    let _ = DemoGreetingSend;
}
