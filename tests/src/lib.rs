//! Helpers shared by the workspace-level tests in `tests/`:
//!
//! * [`alipay_bin`]: the `alipay` binary of the `alipay-cli` package (built on demand: a bin
//!   of another package has no `CARGO_BIN_EXE_*` here);
//! * [`node_interop_dir`] / [`run_node`]: the official Node SDK (`alipay-sdk`, pinned in
//!   `tests/interop/package-lock.json`), installed with `npm ci` the first time it is needed;
//! * [`python_sdk`]: a venv (under the target directory) with the official Python SDK
//!   (`alipay-sdk-python`), installed with pip the first time it is needed;
//! * [`run`]: run a command with some stdin and capture everything;
//! * [`testdata`]: the test keys of `alipay-core/testdata`.
//!
//! Missing tools (node, npm, cargo) are test failures with a clear message, never skips.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, SystemTime};

/// The exact `alipay-sdk` version the interop tests run against (also pinned in
/// `tests/interop/package.json` and its lock file).
pub const NODE_SDK_VERSION: &str = "4.14.0";

/// The workspace root (the directory holding the workspace `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .expect("the tests crate lives inside the workspace")
        .to_path_buf()
}

/// A file of `alipay-core/testdata` (test-only keys).
pub fn testdata(name: &str) -> PathBuf {
    workspace_root()
        .join("alipay-core")
        .join("testdata")
        .join(name)
}

/// Reads a file of `alipay-core/testdata` as text.
pub fn testdata_text(name: &str) -> String {
    let path = testdata(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// What a finished command produced.
#[derive(Debug)]
pub struct Output {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Output {
    /// The exit code (`-1` when killed by a signal).
    pub fn code(&self) -> i32 {
        self.status.code().unwrap_or(-1)
    }

    /// stdout as UTF-8 (panics otherwise).
    pub fn stdout_text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// stderr, lossily decoded (for messages).
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Runs `cmd` with `stdin` as its standard input and captures stdout and stderr.
/// Panics (naming the program) if it cannot be started.
pub fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start `{program}`: {e}"));
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // Feed stdin from another thread so a child that writes a lot before reading cannot
    // deadlock against us; a child that exits without reading is not an error.
    let writer = thread::spawn(move || match pipe.write_all(&input) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    });
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("waiting for `{program}`: {e}"));
    writer
        .join()
        .expect("stdin writer thread")
        .unwrap_or_else(|e| panic!("writing stdin of `{program}`: {e}"));
    Output {
        status: out.status,
        stdout: out.stdout,
        stderr: out.stderr,
    }
}

/// Runs `cmd` and panics with its stderr unless it exits 0; returns stdout as text.
pub fn run_ok(cmd: &mut Command, stdin: &[u8]) -> String {
    let description = describe(cmd);
    let out = run(cmd, stdin);
    assert!(
        out.status.success(),
        "`{description}` failed ({}):\n{}",
        out.status,
        out.stderr_text()
    );
    out.stdout_text()
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        s.push(' ');
        s.push_str(&arg.to_string_lossy());
    }
    s
}

// ---------------------------------------------------------------------------------------------
// target directory, the `alipay` binary

/// `target/<profile>`: the directory of the running test executable's `deps/`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("path of the test executable");
    let deps = exe.parent().expect("test executable has a directory");
    let dir = if deps.file_name() == Some(OsStr::new("deps")) {
        deps.parent().expect("deps/ has a parent")
    } else {
        deps
    };
    dir.to_path_buf()
}

/// A scratch directory under the target directory (`target/tmp/alipay-tests`), shared by all
/// test processes of this workspace.
pub fn scratch_dir() -> PathBuf {
    let profile = profile_dir();
    let target = profile.parent().unwrap_or(&profile);
    let dir = target.join("tmp").join("alipay-tests");
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    dir
}

/// The target directory the running tests were built in (`CARGO_TARGET_DIR` or `target/`).
pub fn target_dir() -> PathBuf {
    let profile = profile_dir();
    profile.parent().unwrap_or(&profile).to_path_buf()
}

/// A `Command` for cargo (`$CARGO` when set) with the environment a shell has.
///
/// Cargo runs tests with the test package's own variables set (CARGO_PKG_VERSION_*,
/// CARGO_MANIFEST_DIR, ...). Build scripts that watch them (ring's does) would see a change,
/// and a build from a test and the next plain `cargo build` would rebuild each other's
/// dependencies every time: those variables are removed.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    for (name, _) in std::env::vars_os() {
        let Some(name) = name.to_str() else { continue };
        let set_by_cargo_for_tests = name.starts_with("CARGO_PKG_")
            || name.starts_with("CARGO_BIN_EXE_")
            || matches!(
                name,
                "CARGO_MANIFEST_DIR"
                    | "CARGO_MANIFEST_PATH"
                    | "CARGO_CRATE_NAME"
                    | "CARGO_BIN_NAME"
                    | "CARGO_PRIMARY_PACKAGE"
                    | "CARGO_TARGET_TMPDIR"
                    | "CARGO_RUSTC_CURRENT_DIR"
                    | "OUT_DIR"
            );
        if set_by_cargo_for_tests {
            cmd.env_remove(name);
        }
    }
    cmd
}

fn exe_name(stem: &str) -> String {
    format!("{stem}{}", std::env::consts::EXE_SUFFIX)
}

/// The `alipay` binary of `alipay-cli`.
///
/// `ALIPAY_BIN` overrides the lookup. Otherwise, once per test process, this runs
/// `cargo build -p alipay-cli` (`$CARGO` when set, same profile as the tests) so the binary
/// next to the test executable (`target/<profile>/alipay`) is never stale, then returns it.
/// If that build fails but an older binary exists, the older binary is used with a warning
/// on stderr (the build error is then the workspace's, and `cargo build` reports it).
pub fn alipay_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(path) = std::env::var_os("ALIPAY_BIN") {
            let path = PathBuf::from(path);
            assert!(
                path.is_file(),
                "ALIPAY_BIN={} is not a file",
                path.display()
            );
            return path;
        }
        let profile = profile_dir();
        let bin = profile.join(exe_name("alipay"));
        let mut cmd = cargo();
        cmd.arg("build")
            .arg("-p")
            .arg("alipay-cli")
            .arg("--bin")
            .arg("alipay")
            .arg("--manifest-path")
            .arg(workspace_root().join("Cargo.toml"));
        match profile.file_name().and_then(OsStr::to_str) {
            Some("debug") | None => {}
            Some("release") => {
                cmd.arg("--release");
            }
            Some(other) => {
                cmd.arg("--profile").arg(other);
            }
        }
        let out = run(&mut cmd, b"");
        if !out.status.success() {
            assert!(
                bin.is_file(),
                "`{}` failed and there is no {}:\n{}",
                describe(&cmd),
                bin.display(),
                out.stderr_text()
            );
            eprintln!(
                "warning: `{}` failed; using the existing {} which may be stale",
                describe(&cmd),
                bin.display()
            );
        }
        assert!(
            bin.is_file(),
            "`{}` succeeded but {} does not exist (unusual target layout? set ALIPAY_BIN)",
            describe(&cmd),
            bin.display()
        );
        bin
    })
}

/// A `Command` for the `alipay` binary.
pub fn alipay() -> Command {
    Command::new(alipay_bin())
}

// ---------------------------------------------------------------------------------------------
// Node

/// `tests/interop`: the Node scripts and the pinned `alipay-sdk`.
///
/// Once per test process: checks that `node` and `npm` exist (panics with instructions
/// otherwise) and runs `npm ci --no-audit --no-fund` there unless `node_modules` already
/// holds `alipay-sdk` [`NODE_SDK_VERSION`] from a completed install. The check and the
/// install happen under a cross-process lock (an exclusive `mkdir` in [`scratch_dir`]) so
/// parallel test binaries never race on `node_modules`.
pub fn node_interop_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = workspace_root().join("tests").join("interop");
        require_tool("node", "Node.js >= 18");
        require_tool("npm", "npm (ships with Node.js)");
        let _lock = DirLock::acquire(&scratch_dir().join("npm-install.lock"));
        if !node_sdk_installed(&dir) {
            let mut cmd = Command::new("npm");
            cmd.args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir);
            let out = run(&mut cmd, b"");
            assert!(
                out.status.success(),
                "`npm ci --no-audit --no-fund` in {} failed ({}); the interop tests need the \
                 npm registry (or a populated npm cache) to install alipay-sdk {NODE_SDK_VERSION}:\n{}\n{}",
                dir.display(),
                out.status,
                out.stderr_text(),
                String::from_utf8_lossy(&out.stdout)
            );
            assert!(
                node_sdk_installed(&dir),
                "`npm ci` succeeded but {} does not hold alipay-sdk {NODE_SDK_VERSION}",
                dir.join("node_modules").display()
            );
        }
        dir
    })
}

/// A completed install of the pinned SDK: npm writes `node_modules/.package-lock.json` at the
/// end of `npm ci`.
fn node_sdk_installed(dir: &Path) -> bool {
    let modules = dir.join("node_modules");
    if !modules.join(".package-lock.json").is_file() {
        return false;
    }
    let Ok(manifest) = fs::read_to_string(modules.join("alipay-sdk").join("package.json")) else {
        return false;
    };
    manifest.contains(&format!("\"version\": \"{NODE_SDK_VERSION}\""))
}

/// Panics with install instructions unless `program --version` runs and exits 0.
pub fn require_tool(program: &str, what: &str) {
    let ok = Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(
        ok,
        "`{program}` was not found or does not run: the interop tests compare our output with \
         the official SDKs and need {what} on PATH. Install it (Debian: `apt-get install \
         nodejs npm python3-venv`) and re-run; these tests never skip."
    );
}

/// Runs `tests/interop/<script>` with `job` (JSON text) on stdin and returns its stdout.
pub fn run_node(script: &str, job: &str) -> String {
    let dir = node_interop_dir();
    let mut cmd = Command::new("node");
    cmd.arg(dir.join(script)).current_dir(dir);
    run_ok(&mut cmd, job.as_bytes())
}

// ---------------------------------------------------------------------------------------------
// Python

/// The exact `alipay-sdk-python` version the interop tests run against, with its
/// dependencies: `rsa` and `pyasn1` for `SignatureUtils`, and `pycryptodome`, which
/// `DefaultAlipayClient` imports at load time (its `EncryptUtils` does
/// `from Crypto.Cipher import AES`) even when nothing is encrypted.
pub const PYTHON_SDK_REQUIREMENTS: [&str; 4] = [
    "alipay-sdk-python==3.7.1411",
    "rsa==4.9.1",
    "pyasn1==0.6.5",
    "pycryptodome==3.23.0",
];

/// The Python interpreter of a venv holding the official Python SDK.
///
/// Once per test process, under a cross-process lock: creates
/// `<target>/tmp/alipay-tests/python-sdk` with `python3 -m venv` and installs
/// [`PYTHON_SDK_REQUIREMENTS`] with pip (`--no-deps`, every dependency pinned there),
/// unless a completed install is there already.
/// Missing `python3` or an unreachable package index fails the test with a clear message.
pub fn python_sdk() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        require_tool("python3", "CPython 3 with the venv module");
        let venv = scratch_dir().join("python-sdk");
        let python = if cfg!(windows) {
            venv.join("Scripts").join("python.exe")
        } else {
            venv.join("bin").join("python")
        };
        let marker = venv.join("installed.txt");
        let wanted = PYTHON_SDK_REQUIREMENTS.join("\n");
        let _lock = DirLock::acquire(&scratch_dir().join("python-sdk.lock"));
        if fs::read_to_string(&marker).ok().as_deref() != Some(wanted.as_str()) {
            let _ = fs::remove_dir_all(&venv);
            run_ok(
                Command::new("python3").arg("-m").arg("venv").arg(&venv),
                b"",
            );
            let mut pip = Command::new(&python);
            pip.args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg("--no-deps")
            .args(PYTHON_SDK_REQUIREMENTS);
            let out = run(&mut pip, b"");
            assert!(
                out.status.success(),
                "installing {} into {} failed ({}); the Python interop test needs PyPI:\n{}",
                PYTHON_SDK_REQUIREMENTS.join(" "),
                venv.display(),
                out.status,
                out.stderr_text()
            );
            fs::write(&marker, &wanted)
                .unwrap_or_else(|e| panic!("writing {}: {e}", marker.display()));
        }
        python
    })
}

/// Runs `tests/interop/<script>` with the [`python_sdk`] interpreter and `job` on stdin.
pub fn run_python_sdk(script: &str, job: &str) -> String {
    let python = python_sdk();
    let dir = workspace_root().join("tests").join("interop");
    let mut cmd = Command::new(python);
    cmd.arg(dir.join(script)).current_dir(&dir);
    run_ok(&mut cmd, job.as_bytes())
}

// ---------------------------------------------------------------------------------------------
// cross-process lock

/// An exclusive lock held while a directory we created exists; removed on drop (also on
/// panic). A lock older than `DirLock::STALE` (ten minutes) is considered left by a killed process.
pub struct DirLock(PathBuf);

impl DirLock {
    const STALE: Duration = Duration::from_secs(600);

    pub fn acquire(path: &Path) -> DirLock {
        let mut waited = Duration::ZERO;
        loop {
            match fs::create_dir(path) {
                Ok(()) => return DirLock(path.to_path_buf()),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let age = fs::metadata(path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| SystemTime::now().duration_since(t).ok());
                    if age.is_some_and(|age| age > Self::STALE) {
                        eprintln!("removing stale lock {}", path.display());
                        let _ = fs::remove_dir(path);
                        continue;
                    }
                    assert!(
                        waited < Self::STALE,
                        "gave up waiting for lock {}",
                        path.display()
                    );
                    let step = Duration::from_millis(100);
                    thread::sleep(step);
                    waited += step;
                }
                Err(e) => panic!("creating lock {}: {e}", path.display()),
            }
        }
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = fs::remove_dir(&self.0);
    }
}

/// `notify-instance` processes (this package's binary: pass `env!("CARGO_BIN_EXE_notify-instance")`,
/// which only tests and benches see), for the multi-instance test and the notify-store
/// benchmark; killed (SIGKILL) and reaped however the caller ends.
pub struct NotifyInstances {
    exe: PathBuf,
    children: Vec<(String, std::process::Child)>,
}

impl NotifyInstances {
    pub fn new(exe: impl Into<PathBuf>) -> Self {
        NotifyInstances {
            exe: exe.into(),
            children: Vec::new(),
        }
    }

    /// Starts `notify-instance --pg PG --pool POOL --name NAME EXTRA...` and returns the address
    /// it printed (`listening PORT`, its first line, awaited for at most 30 s on a thread, so
    /// that a stuck instance fails in time).
    pub fn start(
        &mut self,
        pg_config: &str,
        pool: usize,
        name: &str,
        extra: &[&str],
    ) -> std::net::SocketAddr {
        use std::io::BufRead;
        let mut child = Command::new(&self.exe)
            .args([
                "--pg",
                pg_config,
                "--pool",
                &pool.to_string(),
                "--name",
                name,
            ])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("notify-instance {name}: {e}"));
        let stdout = child.stdout.take();
        self.children.push((name.to_owned(), child));
        let (tx, rx) = std::sync::mpsc::channel();
        thread::spawn(move || {
            let mut line = String::new();
            if let Some(stdout) = stdout {
                let _ = io::BufReader::new(stdout).read_line(&mut line);
            }
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("notify-instance {name}: no `listening PORT` in 30 s"));
        let port: u16 = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("notify-instance {name} printed {line:?}"));
        std::net::SocketAddr::from(([127, 0, 0, 1], port))
    }

    /// SIGKILLs the instance `name` and reaps it.
    pub fn kill(&mut self, name: &str) {
        let i = self
            .children
            .iter()
            .position(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no instance {name}"));
        let (_, mut child) = self.children.remove(i);
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "{name} was killed: {status}");
    }
}

impl Drop for NotifyInstances {
    fn drop(&mut self) {
        for (_, child) in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
