// An empty one-of group of an inline object (`store_info`) does not compile.
alipay_apis::specs!(dir = "../nested/specs");

fn main() {
    let _store = TradePrecreateStoreInfo::builder().terminal_id("t1").build();
}
