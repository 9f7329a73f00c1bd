//! What both chaos tests (`chaos.rs`, red packets; `chaos_trade.rs`, trades) share: the
//! client with short timeouts, the committed test keys, and the `alipay sandbox` process that
//! one of their runs kills with SIGKILL and restarts from its state directory.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use alipay_core::{AlipayClient, AlipayPublicKey, AppPrivateKey, Gateway, TransportConfig};
use serde_json::Value;

/// The app every chaos run registers.
pub const APP_ID: &str = "2021000000000001";

/// A client of `gateway` whose timeout (1 s) is shorter than the injected delays (1.5 s): a
/// delay is a timeout after the request was sent, an unknown outcome.
pub fn client(gateway: &str, key: AppPrivateKey, alipay: AlipayPublicKey) -> AlipayClient {
    AlipayClient::builder(APP_ID, key, alipay)
        .gateway(Gateway::new(gateway).unwrap())
        .transport(
            TransportConfig::default()
                .connect_timeout(Duration::from_millis(500))
                .timeout(Duration::from_secs(1)),
        )
        .build()
        .unwrap()
}

/// A committed test key of alipay-core/testdata.
pub fn testdata(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../alipay-core/testdata/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The `alipay sandbox` process, and the JSON line it printed.
pub struct Server {
    pub child: Child,
    pub ready: Value,
}

/// Starts `alipay sandbox` on `listen` with `state_dir`, the fault plan `faults` and `seed`,
/// and waits for its ready line.
pub fn spawn_sandbox(state_dir: &Path, listen: &str, faults: &str, seed: u64) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(["sandbox", "--listen", listen, "--faults", faults, "--quiet"])
        .args(["--seed", &seed.to_string()])
        .arg("--state-dir")
        .arg(state_dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn alipay sandbox");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let ready: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
    Server { child, ready }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
