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
        // The reader of the output went away (`| head`): nothing more to say, as ripgrep does.
        // Only a write the command returned as it is (`tulis!`): a broken pipe inside another
        // error (a database connection, output that had to reach someone) is a failure.
        Err(e)
            if e.chain().next().is_some_and(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("galat: {}", pesan(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, joined as `{:#}` does, with the operating system's common file
/// errors said in Indonesian rather than in its English.
fn pesan(e: &anyhow::Error) -> String {
    e.chain()
        .map(|c| match c.downcast_ref::<std::io::Error>() {
            Some(io) => sinergi::berkas::pesan_io(io),
            None => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}
