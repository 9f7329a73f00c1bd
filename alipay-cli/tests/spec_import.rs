//! `alipay spec import`: the command's contract (stdout, exit codes, `PAGE:LINE` messages, --out)
//! and the path a user takes: import a page, save the draft under any name, validate with it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn alipay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alipay"))
        .args(args)
        .output()
        .unwrap()
}

fn page(method: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../alipay-import/tests/pages/{method}.txt"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_page_prints_a_draft_that_validate_uses_at_once() {
    let out = alipay(&[
        "spec",
        "import",
        page("alipay.fund.coupon.order.disburse").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let draft = text(&out.stdout);
    assert!(
        draft.contains("method = \"alipay.fund.coupon.order.disburse\""),
        "{draft}"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.toml");
    std::fs::write(&file, &draft).unwrap();
    let spec = file.to_str().unwrap();
    let ok = alipay(&[
        "validate",
        "--spec",
        spec,
        "--biz",
        r#"{"out_order_no":"o1","deduct_auth_no":"a1","out_request_no":"r1","order_title":"红包","amount":"1.00","payee_user_id":"2088102138117431"}"#,
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}{}",
        text(&ok.stdout),
        text(&ok.stderr)
    );
    let bad = alipay(&[
        "validate",
        "--spec",
        spec,
        "--biz",
        r#"{"out_order_no":"o1","out_request_no":"r1","order_title":"红包","amount":"0.001"}"#,
    ]);
    assert_eq!(
        bad.status.code(),
        Some(1),
        "{}{}",
        text(&bad.stdout),
        text(&bad.stderr)
    );
    let said = text(&bad.stdout) + &text(&bad.stderr);
    for what in ["amount", "deduct", "payee"] {
        assert!(said.contains(what), "{what} not named in:\n{said}");
    }
    // The same file passes `spec check` once it is named after its method.
    let named = dir.path().join("alipay.fund.coupon.order.disburse.toml");
    std::fs::rename(&file, &named).unwrap();
    let check = alipay(&["spec", "check", named.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
}

#[test]
fn an_unreadable_page_is_exit_1_with_its_file_and_line() {
    let guide = page("red-packet-quick-start");
    let out = alipay(&["spec", "import", guide.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("{}:1: not an API reference page", guide.display())),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.txt");
    std::fs::write(
        &broken,
        "alipay.demo.thing.create (演示)\n\n请求参数\n\n参数 类型 是否必填 最大长度 描述 示例值\nx String 64 无必填列 abc\n",
    )
    .unwrap();
    let out = alipay(&["spec", "import", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("{}:6: ", broken.display())),
        "{err}"
    );
    assert!(err.contains("是否必填"), "{err}");
}

#[test]
fn usage_errors_are_exit_2() {
    for args in [
        vec!["spec", "import"],
        vec!["spec", "import", "/no/such/page.txt"],
        vec!["spec", "import", "x.txt", "--page", "y.txt"],
    ] {
        let out = alipay(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn out_writes_the_spec_file_and_never_overwrites_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let p = page("alipay.marketing.voucher.send");
    let first = alipay(&["spec", "import", p.to_str().unwrap(), "--out", d]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let spec = dir.path().join("alipay.marketing.voucher.send.toml");
    assert!(spec.exists());
    let check = alipay(&["spec", "check", spec.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let again = alipay(&["spec", "import", p.to_str().unwrap(), "--out", d]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("exists"));
}

/// Hand-written snippets in the Python SDK's layout (not the SDK's files).
fn python_sdk() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../alipay-import/tests/fixtures/pysdk")
}

#[test]
fn python_sdk_drafts_share_one_types_file_and_pass_the_checker() {
    let sdk = python_sdk();
    let sdk = sdk.to_str().unwrap();
    // to stdout: one self-contained spec, marked as structure without rules
    let out = alipay(&["spec", "import", "--python-sdk", sdk, "alipay.trade.pay"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("method = \"alipay.trade.pay\""));

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    for method in ["alipay.trade.pay", "alipay.demo.tree.create"] {
        let out = alipay(&["spec", "import", "--python-sdk", sdk, method, "--out", d]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    // a type edited by hand is kept; the next import names its own copy apart and says so
    let types = dir.path().join("_types.toml");
    let edited = std::fs::read_to_string(&types).unwrap().replacen(
        "name = \"ExtendParams\"",
        "name = \"ExtendParams\"\ndoc = \"edited by hand\"",
        1,
    );
    std::fs::write(&types, edited).unwrap();
    std::fs::remove_file(dir.path().join("alipay.trade.pay.toml")).unwrap();
    let out = alipay(&[
        "spec",
        "import",
        "--python-sdk",
        sdk,
        "alipay.trade.pay",
        "--out",
        d,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("this draft's is ExtendParamsIn"));
    assert!(
        std::fs::read_to_string(&types)
            .unwrap()
            .contains("edited by hand")
    );

    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_owned())
        .collect();
    files.sort();
    let mut args = vec!["spec", "check"];
    args.extend(files.iter().map(String::as_str));
    let check = alipay(&args);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    assert_eq!(text(&check.stdout).lines().count(), 3);

    // an API the SDK does not have is a usage error
    let out = alipay(&["spec", "import", "--python-sdk", sdk, "alipay.no.such.api"]);
    assert_eq!(out.status.code(), Some(2));
}
