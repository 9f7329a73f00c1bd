use alipay_apis::system::OauthTokenRequest;

// grant_type is required: the code alone does not say which grant is asked for.
fn missing_grant_type() {
    let _ = OauthTokenRequest::builder()
        .code("4b203fe6c11548bcabd8da5bb087a83b")
        .build();
}

fn main() {}
