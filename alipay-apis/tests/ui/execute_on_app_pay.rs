use alipay_apis::alipay_core::client::AlipayClient;
use alipay_apis::fund::AppPayRequest;

async fn send(client: &AlipayClient, request: &AppPayRequest) {
    // app.pay is an sdk_execute API: its result is an order string, not a server call.
    let _ = client.execute(request).await;
}

fn main() {}
