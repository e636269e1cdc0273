//! Helpers for tests that run the real `sinergi` binary.
#![allow(dead_code)]

mod cetak;
mod formulir;
mod pdf;
/// Only the browser tests drive a browser.
#[cfg(feature = "peramban")]
pub mod peramban;
// Not every test file reads PDFs.
#[allow(unused_imports)]
pub use cetak::*;
#[allow(unused_imports)]
pub use formulir::*;
#[allow(unused_imports)]
pub use pdf::*;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The `sinergi` binary. `DATABASE_URL` is removed from its environment: each test chooses
/// its own storage (a temporary SQLite folder, or a PostgreSQL database of its own).
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sinergi"));
    c.env_remove("DATABASE_URL");
    c
}

/// A PostgreSQL database of its own for one test, dropped afterwards. None without
/// `DATABASE_URL` (set by `.ci/run`, which starts a server).
pub struct PgUji {
    admin: String,
    nama: String,
    /// The URL of the test's own database.
    pub url: String,
}

impl PgUji {
    pub async fn baru(nama: &str) -> Option<PgUji> {
        let admin = std::env::var("DATABASE_URL")
            .ok()
            .filter(|u| u.starts_with("postgres"))?;
        let nama = format!("sinergi_uji_{nama}_{}", std::process::id());
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&admin)
            .await
            .expect("connect to DATABASE_URL");
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {nama}"))
            .execute(&pool)
            .await;
        sqlx::query(&format!("CREATE DATABASE {nama}"))
            .execute(&pool)
            .await
            .expect("create test database");
        pool.close().await;
        let (dasar, _) = admin.rsplit_once('/').expect("URL has a database");
        let url = format!("{dasar}/{nama}");
        Some(PgUji { admin, nama, url })
    }

    pub async fn hapus(self) {
        if let Ok(pool) = sqlx::AnyPool::connect(&self.admin).await {
            let _ = sqlx::query(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.nama
            ))
            .execute(&pool)
            .await;
            pool.close().await;
        }
    }
}

/// Runs `sinergi ARGS` in the repository (bundled content and templates) and expects success.
pub fn sinergi_ok(args: &[&str]) -> std::process::Output {
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run sinergi");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Renders the example data of document type `jenis` (with extra `render` arguments such as
/// `--kertas f4`) in a temporary folder and returns the PDF.
pub fn pdf_contoh(jenis: &str, ekstra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data.yaml");
    std::fs::write(&data, sinergi_ok(&["dokumen", jenis, "--contoh"]).stdout).expect("write");
    let pdf = dir.path().join("dokumen.pdf");
    let mut args = vec!["render", jenis, "--data"];
    args.push(data.to_str().expect("path"));
    args.push("--out");
    args.push(pdf.to_str().expect("path"));
    args.extend_from_slice(ekstra);
    sinergi_ok(&args);
    std::fs::read(&pdf).expect("the PDF was written")
}

pub fn konten_bawaan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A running `sinergi serve` on an ephemeral port, stopped when dropped.
pub struct Server {
    child: Child,
    pub base: String,
    _index: tempfile::TempDir,
    /// The server's data folder (its SQLite database).
    pub data: tempfile::TempDir,
    /// How the server reaches its storage (`--data DIR` or `--database URL`), for commands
    /// that must work on the same data.
    pub simpanan: Vec<std::ffi::OsString>,
}

impl Server {
    pub fn mulai(content: &Path, ekstra: &[&str]) -> Server {
        let index = tempfile::tempdir().expect("tempdir");
        Server::mulai_dengan_index(content, index, ekstra)
    }

    pub fn mulai_dengan_index(content: &Path, index: tempfile::TempDir, ekstra: &[&str]) -> Server {
        let data = tempfile::tempdir().expect("tempdir");
        Server::mulai_dengan_data(content, index, data, ekstra)
    }

    /// Starts a server on existing index and data folders (to restart one on the same data).
    pub fn mulai_dengan_data(
        content: &Path,
        index: tempfile::TempDir,
        data: tempfile::TempDir,
        ekstra: &[&str],
    ) -> Server {
        let simpanan = vec!["--data".into(), data.path().as_os_str().to_owned()];
        Server::mulai_dengan_simpanan(content, index, data, simpanan, ekstra)
    }

    /// Starts a server on a PostgreSQL database (`PgUji::url`).
    pub fn mulai_postgres(content: &Path, url: &str, ekstra: &[&str]) -> Server {
        let index = tempfile::tempdir().expect("tempdir");
        let data = tempfile::tempdir().expect("tempdir");
        let simpanan = vec!["--database".into(), url.into()];
        Server::mulai_dengan_simpanan(content, index, data, simpanan, ekstra)
    }

    fn mulai_dengan_simpanan(
        content: &Path,
        index: tempfile::TempDir,
        data: tempfile::TempDir,
        simpanan: Vec<std::ffi::OsString>,
        ekstra: &[&str],
    ) -> Server {
        let mut child = bin()
            .arg("--content")
            .arg(content)
            .arg("--index")
            .arg(index.path())
            .args(&simpanan)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(ekstra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start sinergi serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // SINERGI_UJI_LOG=1 shows the server's log (for a failing test).
            let tampil = std::env::var_os("SINERGI_UJI_LOG").is_some();
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tampil {
                    eprintln!("server: {line}");
                }
                if let Some(i) = line.find("http://") {
                    let url = line[i..]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_string();
                    let _ = tx.send(url);
                }
            }
        });
        let batas = Instant::now() + Duration::from_secs(120);
        let base = loop {
            if let Ok(url) = rx.recv_timeout(Duration::from_millis(100)) {
                break url;
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("sinergi serve exited early: {status}");
            }
            assert!(Instant::now() < batas, "server did not start");
        };
        Server {
            child,
            base,
            _index: index,
            data,
            simpanan,
        }
    }

    /// Kills the server outright (SIGKILL: no shutdown of any kind) and hands back its index
    /// and data folders, to start another server on them.
    pub fn bunuh(mut self) -> (tempfile::TempDir, tempfile::TempDir) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let ganti = || tempfile::tempdir().expect("tempdir");
        (
            std::mem::replace(&mut self._index, ganti()),
            std::mem::replace(&mut self.data, ganti()),
        )
    }

    /// Sends SIGTERM (on Unix; kills elsewhere) and waits up to `batas` for the process to
    /// exit; whether it did.
    pub fn berhenti(&mut self, batas: Duration) -> bool {
        #[cfg(unix)]
        {
            let pid = libc::pid_t::try_from(self.child.id()).expect("pid");
            // SAFETY: sending a signal to our own child process.
            unsafe {
                libc::kill(pid, libc::SIGTERM);
            }
        }
        #[cfg(not(unix))]
        let _ = self.child.kill();
        let akhir = Instant::now() + batas;
        while Instant::now() < akhir {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let r = reqwest::get(self.url(path)).await.expect("request");
        let status = r.status().as_u16();
        (status, r.text().await.expect("body"))
    }

    pub async fn json(&self, path: &str) -> (u16, serde_json::Value) {
        let r = reqwest::get(self.url(path)).await.expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.expect("json body"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes `files` (relative path, text) under a fresh temporary folder.
pub fn pohon(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (rel, teks) in files {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, teks).expect("write");
    }
    dir
}

pub const REGULASI_SAH: &str = "---
judul: Undang-Undang Nomor 6 Tahun 2014 tentang Desa
bentuk: Undang-Undang
singkatan_bentuk: UU
nomor: \"6\"
tahun: 2014
tentang: Desa
teu_badan: Indonesia. Pemerintah Pusat
status: berlaku
pasal_kunci:
  - pasal: \"92\"
    ringkasan: Kerja sama antar-Desa dituangkan dalam Peraturan Bersama Kepala Desa.
sumber:
  - https://example.org/uu-6-2014
---
Undang-undang tentang desa.
";
