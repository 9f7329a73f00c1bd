//! `alipay`: the command-line face of alipay-rs.
//!
//! The protocol commands (`sign`, `verify-response`, `verify-notify`, `cert-sn`, `keygen`) are
//! an exact contract that other tools call: one JSON object or one value on stdout, exit 0 on
//! success, 1 when a signature or certificate is rejected, 2 for usage and key errors.
//! `call` adds 3: the call was sent and its outcome is unknown.

mod commands;
mod input;
mod spec_rules;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Alipay OpenAPI tools: sign requests, verify responses and notifications, certificate SNs, keys.
#[derive(Parser)]
#[command(name = "alipay", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Demo(commands::demo::Args),
    Sandbox(commands::sandbox::Args),
    Call(commands::call::Args),
    Sign(commands::sign::Args),
    VerifyResponse(commands::verify::ResponseArgs),
    VerifyNotify(commands::verify::NotifyArgs),
    CertSn(commands::cert::Args),
    Keygen(commands::keygen::Args),
    Validate(commands::validate::Args),
    /// The API specs compiled into this build.
    #[command(subcommand)]
    Spec(commands::spec::Args),
}

/// How a command failed, which decides the exit code.
pub enum Failure {
    /// A signature, certificate or verification was rejected: exit 1.
    Rejected(String),
    /// Bad usage, unreadable input, or an unusable key: exit 2.
    Usage(String),
    /// A call was sent and its outcome is unknown (it may have happened): exit 3.
    Unknown(String),
    /// The command already printed its verdict: exit with this code.
    Silent(u8),
}

impl Failure {
    fn exit(self) -> ExitCode {
        let (msg, code) = match self {
            Failure::Rejected(m) => (m, 1),
            Failure::Usage(m) => (m, 2),
            Failure::Unknown(m) => (m, 3),
            Failure::Silent(code) => return ExitCode::from(code),
        };
        eprintln!("alipay: {msg}");
        ExitCode::from(code)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(a) => commands::demo::run(a),
        Command::Sandbox(a) => commands::sandbox::run(a),
        Command::Call(a) => commands::call::run(a),
        Command::Sign(a) => commands::sign::run(a),
        Command::VerifyResponse(a) => commands::verify::run_response(a),
        Command::VerifyNotify(a) => commands::verify::run_notify(a),
        Command::CertSn(a) => commands::cert::run(a),
        Command::Keygen(a) => commands::keygen::run(a),
        Command::Validate(a) => commands::validate::run(a),
        Command::Spec(a) => commands::spec::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => f.exit(),
    }
}
