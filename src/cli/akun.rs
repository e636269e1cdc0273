//! The commands that work on stored data: accounts, backup, restore.

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use sinergi::akun::{self, Peran};
use sinergi::simpan::{Gudang, Sumber, cadangan};

use super::argumen::PenggunaPerintah;
use super::perintah::Folder;

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("runtime tokio")
}

/// `sinergi pengguna tambah|daftar|nonaktif`
pub fn pengguna(f: &Folder, p: PenggunaPerintah) -> Result<ExitCode> {
    let rt = runtime()?;
    rt.block_on(async {
        let g = Gudang::buka(&f.sumber()).await?;
        match p {
            PenggunaPerintah::Tambah {
                nama,
                peran,
                kabupaten,
                desa,
                sandi_stdin,
            } => {
                let peran: Peran = peran.parse()?;
                let kode = match (peran, kabupaten, desa) {
                    (Peran::Admin, Some(k), None) => k,
                    (Peran::Operator, None, Some(d)) => d,
                    (Peran::Admin, ..) => {
                        anyhow::bail!("admin memerlukan --kabupaten KODE (mis. 32.05)")
                    }
                    (Peran::Operator, ..) => {
                        anyhow::bail!("operator memerlukan --desa KODE (mis. 32.05.03.2001)")
                    }
                };
                let (sandi, cetak) = if sandi_stdin {
                    let mut baris = String::new();
                    std::io::stdin()
                        .lock()
                        .read_line(&mut baris)
                        .context("kata sandi dari stdin tidak terbaca")?;
                    (baris.trim_end_matches(['\n', '\r']).to_string(), false)
                } else {
                    (akun::sandi_acak()?, true)
                };
                let p = akun::tambah(&g, &nama, peran, &kode, &sandi).await?;
                // The one-time password exists only in this output: if it cannot be written,
                // the command fails and says so rather than ending quietly.
                let laporan = || -> Result<()> {
                    tulis!("Akun dibuat: {} ({})", p.nama, p.keterangan());
                    if cetak {
                        tulis!("Kata sandi sekali pakai: {sandi}");
                        tulis!(
                            "Berikan kepada pemiliknya; ia dapat menggantinya di halaman /akun."
                        );
                    }
                    Ok(())
                };
                laporan().with_context(|| {
                    format!(
                        "akun {nama} sudah dibuat, tetapi kata sandinya tidak dapat ditulis ke \
                         keluaran; nonaktifkan dengan `sinergi pengguna nonaktif {nama}` lalu \
                         buat akun lain"
                    )
                })?;
            }
            PenggunaPerintah::Daftar => {
                for p in akun::daftar(&g).await? {
                    tulis!(
                        "{:<24} {:<9} {:<16} {}{}",
                        p.nama,
                        p.peran,
                        p.kode_wilayah,
                        p.keterangan(),
                        if p.aktif { "" } else { " (nonaktif)" }
                    );
                }
            }
            PenggunaPerintah::Nonaktif { nama } => {
                akun::nonaktifkan(&g, &nama).await?;
                tulis!("Akun {nama} dinonaktifkan.");
            }
        }
        g.tutup().await;
        Ok(ExitCode::SUCCESS)
    })
}

/// `sinergi cadangan --out FILE`
pub fn cadangan(f: &Folder, out: &Path) -> Result<ExitCode> {
    let rt = runtime()?;
    rt.block_on(async {
        let g = Gudang::buka(&f.sumber()).await?;
        cadangan::cadangkan(&g, out).await?;
        g.tutup().await;
        tulis!("Cadangan ditulis: {}", out.display());
        Ok(ExitCode::SUCCESS)
    })
}

/// `sinergi pulihkan FILE`
pub fn pulihkan(f: &Folder, berkas: &Path) -> Result<ExitCode> {
    if let Sumber::Url(_) = f.sumber() {
        anyhow::bail!(
            "pulihkan hanya ke folder data SQLite (--data DIR); untuk PostgreSQL pakai pg_restore"
        );
    }
    let rt = runtime()?;
    rt.block_on(cadangan::pulihkan(berkas, &f.data))?;
    tulis!("Dipulihkan ke {}", f.data.display());
    Ok(ExitCode::SUCCESS)
}
