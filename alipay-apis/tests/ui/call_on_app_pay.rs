use alipay_apis::AlipayClient;
use alipay_apis::fund::CouponOrderAppPayRequest;

async fn send(client: &AlipayClient, request: &CouponOrderAppPayRequest) {
    // The call builder sends server calls only: app.pay's result is a signed order string.
    let _ = client.call(request).send().await;
}

fn main() {}
