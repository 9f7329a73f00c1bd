//! A user's crate outside the workspace builds against the *packaged* crates and makes a real
//! typed call with an API of its own spec file.
//!
//! 1. `cargo package --no-verify` of the crates a user needs ([`PACKAGES`]), into
//!    `<target>/packaged-user/cargo-package/package/*.crate`; each `.crate` is unpacked into
//!    `<target>/packaged-user/crates/<name>/` (only when it changed, so repeated runs are
//!    incremental). Anything the packages leave out (a spec directory outside the package, a
//!    file not in git) fails here as it would for a user of crates.io.
//! 2. `tests/fixtures/user-crate/` (its `Cargo.toml.in`, `src/`, `examples/`, and `specs/`, the
//!    user's own spec files: a flat API, a nested one and their shared types) is mirrored into `<target>/packaged-user/user-crate/`, a crate with a
//!    `[workspace]` of its own whose `[patch.crates-io]` points every alipay-rs crate at its
//!    unpacked copy. The workspace's `Cargo.lock` is copied in so the same versions are used,
//!    and it is built with `cargo build --offline` into `<target>/packaged-user/target`.
//!    `cargo check --example missing_required` must fail with the compile error of the user's
//!    own shared type (a required field left unset).
//! 3. The sandbox gateway runs in this test's process; the user's program gets its URL, the
//!    app id and the key files through environment variables, checks its nested API (builders,
//!    validation with paths, exact JSON, a typed nested response) and its flat request type
//!    against its specs, calls `alipay.fund.coupon.order.agreement.pay` (a method the sandbox knows; an
//!    unknown one is answered `40002 isv.invalid-method`) and prints the verified, typed answer,
//!    which is checked here together with the sandbox's ledger.
//!
//! Run: `cargo test -p alipay-tests --test packaged`. The first run builds the packages'
//! dependencies once more (another target directory); later runs rebuild only what changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use alipay_core::{AppPublicKey, GatewayPrivateKey};
use alipay_sandbox::Status;
use alipay_sandbox::server::{Sandbox, SandboxConfig, start};
use alipay_tests::{
    DirLock, cargo, run, run_ok, scratch_dir, target_dir, testdata, testdata_text, workspace_root,
};

/// The crates a user's build needs, in dependency order.
const PACKAGES: [&str; 5] = [
    "alipay-core",
    "alipay-spec",
    "alipay-codegen",
    "alipay-macros",
    "alipay-apis",
];

/// Every crate of the workspace has the workspace's version.
const VERSION: &str = env!("CARGO_PKG_VERSION");

const APP_ID: &str = "2021000000000001";

#[test]
fn a_user_crate_builds_against_the_packages_and_calls_the_gateway() {
    let root = target_dir().join("packaged-user");
    // Two runs of this test (two `cargo test`s) must not rewrite the same files at once.
    let _lock = DirLock::acquire(&scratch_dir().join("packaged-user.lock"));
    let crates = package_and_unpack(&root);
    let user = write_user_crate(&root, &crates);
    let program = build(&root, &user);
    compile_errors_of_the_users_spec(&root, &user);

    let gateway = Gateway::start();
    let out_order_no = "PACKAGED-USER-1";
    let mut cmd = Command::new(&program);
    cmd.env("ALIPAY_GATEWAY", &gateway.sandbox.gateway_url)
        .env("ALIPAY_APP_ID", APP_ID)
        .env(
            "ALIPAY_APP_PRIVATE_KEY_FILE",
            testdata("app_private_pkcs8.pem"),
        )
        .env(
            "ALIPAY_PUBLIC_KEY_FILE",
            testdata("gateway_public_spki.pem"),
        )
        .env("OUT_ORDER_NO", out_order_no);
    let out = run(&mut cmd, b"");
    assert!(
        out.status.success(),
        "the user's program {} failed ({}):\nstderr:\n{}\nstdout:\n{}",
        program.display(),
        out.status,
        out.stderr_text(),
        String::from_utf8_lossy(&out.stdout)
    );
    let printed: BTreeMap<String, String> = out
        .stdout_text()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let field = |name: &str| {
        printed.get(name).map(String::as_str).unwrap_or_else(|| {
            panic!(
                "the user's program printed no `{name}=`; it printed:\n{}",
                out.stdout_text()
            )
        })
    };
    assert_eq!(field("code"), "10000");
    assert_eq!(field("amount"), "12.30");
    assert_eq!(field("status"), "SUCCESS");

    // The call really happened: the sandbox opened that red packet.
    let packet = gateway
        .sandbox
        .with_ledger(|l| l.red_packet_by_out_order_no(out_order_no).cloned())
        .unwrap_or_else(|| panic!("the sandbox has no red packet {out_order_no}"));
    assert_eq!(field("auth_no"), packet.auth_no);
    assert_eq!((packet.total, packet.status), (1230, Status::Success));
}

// ---------------------------------------------------------------------------------------------
// packages

/// Packages [`PACKAGES`] and unpacks each into `<root>/crates/<name>`; returns that directory.
///
/// A package is unpacked again only when its `.crate` differs from the one unpacked last time
/// (kept as `<root>/crates/<name>.crate`). The unpacked files get the current time, not the
/// archive's fixed one, so that cargo sees a changed package as changed.
fn package_and_unpack(root: &Path) -> PathBuf {
    let package_target = root.join("cargo-package");
    let mut cmd = cargo();
    cmd.arg("package")
        .arg("--manifest-path")
        .arg(workspace_root().join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&package_target)
        // The user's build below is the verification; `--allow-dirty` packages the working
        // tree as it is (uncommitted changes included) so the test also runs during a change.
        .args(["--no-verify", "--allow-dirty", "--offline", "--quiet"]);
    for name in PACKAGES {
        cmd.arg("-p").arg(name);
    }
    run_ok(&mut cmd, b"");

    let crates = root.join("crates");
    create_dir(&crates);
    for name in PACKAGES {
        let file = package_target
            .join("package")
            .join(format!("{name}-{VERSION}.crate"));
        let bytes = fs::read(&file).unwrap_or_else(|e| {
            panic!(
                "`cargo package` succeeded but {} cannot be read: {e}",
                file.display()
            )
        });
        let unpacked = crates.join(name);
        let last = crates.join(format!("{name}.crate"));
        if unpacked.is_dir() && fs::read(&last).ok().as_deref() == Some(&bytes[..]) {
            continue;
        }
        let staging = crates.join(format!("{name}.unpacking"));
        remove_dir(&staging);
        create_dir(&staging);
        // `-m`: the files get the current time (GNU tar and bsdtar alike).
        let mut tar = Command::new("tar");
        tar.arg("-xzmf").arg(&file).arg("-C").arg(&staging);
        run_ok(&mut tar, b"");
        remove_dir(&unpacked);
        let top = staging.join(format!("{name}-{VERSION}"));
        fs::rename(&top, &unpacked)
            .unwrap_or_else(|e| panic!("{} has no {name}-{VERSION}/ ({e})", file.display()));
        remove_dir(&staging);
        write(&last, &bytes);
    }
    crates
}

// ---------------------------------------------------------------------------------------------
// the user's crate

/// Mirrors `tests/fixtures/user-crate` into `<root>/user-crate` (`Cargo.toml.in` becomes
/// `Cargo.toml` with `@CRATES@` replaced) and copies the workspace's `Cargo.lock` there.
fn write_user_crate(root: &Path, crates: &Path) -> PathBuf {
    let fixture = workspace_root()
        .join("tests")
        .join("fixtures")
        .join("user-crate");
    let user = root.join("user-crate");
    create_dir(&user);
    let crates_text = crates
        .to_str()
        .expect("the target directory's path is UTF-8")
        .replace('\\', "/");
    let manifest = read_text(&fixture.join("Cargo.toml.in")).replace("@CRATES@", &crates_text);
    write_if_changed(&user.join("Cargo.toml"), manifest.as_bytes());
    for dir in ["src", "specs", "examples"] {
        mirror(&fixture.join(dir), &user.join(dir));
    }
    // The versions the workspace builds with, all in the local registry cache already: cargo
    // drops what the user's crate does not use and adds nothing (the build is `--offline`).
    let lock = fs::read(workspace_root().join("Cargo.lock")).expect("the workspace's Cargo.lock");
    write(&user.join("Cargo.lock"), &lock);
    user
}

/// Builds the user's crate; returns its program.
fn build(root: &Path, user: &Path) -> PathBuf {
    let target = root.join("target");
    let mut cmd = cargo();
    cmd.arg("build")
        .arg("--offline")
        .arg("--manifest-path")
        .arg(user.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target);
    let out = run(&mut cmd, b"");
    assert!(
        out.status.success(),
        "the user's crate {} does not build against the packaged crates ({}); its files come \
         from tests/fixtures/user-crate:\n{}",
        user.display(),
        out.status,
        out.stderr_text()
    );
    let program = target
        .join("debug")
        .join(format!("packaged-user{}", std::env::consts::EXE_SUFFIX));
    assert!(
        program.is_file(),
        "`cargo build` succeeded but {} does not exist",
        program.display()
    );
    program
}

/// `examples/missing_required.rs` leaves a required field of the user's own shared type unset:
/// `cargo check` must refuse it with the message naming the field and the type.
fn compile_errors_of_the_users_spec(root: &Path, user: &Path) {
    let mut cmd = cargo();
    cmd.arg("check")
        .arg("--offline")
        .arg("--manifest-path")
        .arg(user.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(root.join("target"))
        .args(["--example", "missing_required", "--color", "never"]);
    let out = run(&mut cmd, b"");
    let stderr = out.stderr_text();
    assert!(
        !out.status.success(),
        "examples/missing_required.rs of the user's crate compiled:\n{stderr}"
    );
    assert!(
        // rustc names the field by its path (`shared::goods_detail_fields::goods_name`) when
        // another `GoodsDetail` (alipay_apis::types) is in the dependency graph.
        stderr.contains("goods_name` of shared type `GoodsDetail` was not set"),
        "not the expected compile error:\n{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// the gateway

/// The sandbox gateway, served by a runtime of this test while the user's program runs.
struct Gateway {
    // Dropped first: stop accepting before the runtime goes.
    sandbox: Sandbox,
    _runtime: tokio::runtime::Runtime,
}

impl Gateway {
    fn start() -> Gateway {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let config = SandboxConfig::new(
            APP_ID,
            AppPublicKey::from_text(&testdata_text("app_public_spki.pem")).expect("app key"),
            GatewayPrivateKey::from_text(&testdata_text("gateway_private_pkcs8.pem"))
                .expect("gateway key"),
        );
        let addr = "127.0.0.1:0".parse().expect("loopback address");
        let sandbox = runtime
            .block_on(start(config, addr))
            .expect("start the sandbox gateway");
        Gateway {
            sandbox,
            _runtime: runtime,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// files

/// Makes `to` hold exactly the files of `from` (recursively), rewriting only changed files so
/// that cargo rebuilds only when something changed.
fn mirror(from: &Path, to: &Path) {
    create_dir(to);
    let mut wanted = Vec::new();
    for entry in read_dir(from) {
        let name = entry.file_name();
        let (source, dest) = (entry.path(), to.join(&name));
        if source.is_dir() {
            mirror(&source, &dest);
        } else {
            let bytes =
                fs::read(&source).unwrap_or_else(|e| panic!("reading {}: {e}", source.display()));
            if dest.is_dir() {
                remove_dir(&dest);
            }
            write_if_changed(&dest, &bytes);
        }
        wanted.push(name);
    }
    for entry in read_dir(to) {
        if !wanted.contains(&entry.file_name()) {
            let path = entry.path();
            if path.is_dir() {
                remove_dir(&path);
            } else {
                fs::remove_file(&path)
                    .unwrap_or_else(|e| panic!("removing {}: {e}", path.display()));
            }
        }
    }
}

fn read_dir(dir: &Path) -> Vec<fs::DirEntry> {
    fs::read_dir(dir)
        .and_then(|entries| entries.collect())
        .unwrap_or_else(|e| panic!("listing {}: {e}", dir.display()))
}

fn read_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}

fn write_if_changed(path: &Path, bytes: &[u8]) {
    if fs::read(path).ok().as_deref() != Some(bytes) {
        write(path, bytes);
    }
}

fn create_dir(dir: &Path) {
    fs::create_dir_all(dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
}

fn remove_dir(dir: &Path) {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            panic!("removing {}: {e}", dir.display())
        }
        _ => {}
    }
}
