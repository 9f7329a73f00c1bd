use alipay_apis::AlipayClient;
use alipay_apis::fund::CouponOrderAppPayRequest;

async fn send(client: &AlipayClient, request: &CouponOrderAppPayRequest) {
    // app.pay is an sdk_execute API: its result is an order string, not a server call.
    let _ = client.execute(request).await;
}

fn main() {}
