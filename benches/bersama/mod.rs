//! What the benchmarks share: starting the real `sinergi serve` on an ephemeral port.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Starts `sinergi serve` from `akar` with `args` before `serve`; returns the process and its
/// base URL (`http://127.0.0.1:PORT`).
pub fn mulai_server(akar: &Path, args: &[&std::ffi::OsStr]) -> std::io::Result<(Child, String)> {
    // Its own data folder (the SQLite database), never the repository's.
    let data = tempfile::Builder::new()
        .prefix("sinergi-bench-data")
        .tempdir()?
        .keep();
    let mut server = Command::new(env!("CARGO_BIN_EXE_sinergi"))
        .current_dir(akar)
        .args(args)
        .arg("--data")
        .arg(&data)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = server.stderr.take().expect("stderr is piped");
    let (kirim, terima) = std::sync::mpsc::channel();
    // Read to the end, so the server never writes into a closed pipe.
    std::thread::spawn(move || {
        for baris in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(i) = baris.find("http://") {
                let _ = kirim.send(
                    baris[i..]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_string(),
                );
            }
        }
    });
    let alamat = terima
        .recv_timeout(std::time::Duration::from_secs(300))
        .map_err(|_| std::io::Error::other("sinergi serve did not say where it listens"))?;
    Ok((server, alamat))
}
