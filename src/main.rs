//! The `sinergi` command: parses the arguments and runs the command they name (see `cli`).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "sinergi=info,warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let perintah = match cli::urai() {
        Ok(c) => c,
        Err(kode) => return kode,
    };
    match cli::jalankan(perintah) {
        Ok(kode) => kode,
        Err(e) => {
            eprintln!("galat: {e:#}");
            ExitCode::FAILURE
        }
    }
}
