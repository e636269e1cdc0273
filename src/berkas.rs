//! Files named by a user (content, `--data`, an event file, an emblem): read only up to a limit,
//! so a mistaken path to a video or a disk image never fills the memory, and the operating
//! system's errors said in Indonesian.

use std::io::Read;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum GalatBaca {
    #[error("{}", pesan_io(.0))]
    Io(#[from] std::io::Error),
    /// `ukuran` is known for a file, not for a pipe.
    #[error("terlalu besar ({})", terlalu_besar(*.ukuran, *.batas))]
    TerlaluBesar { ukuran: Option<u64>, batas: u64 },
    #[error("isinya bukan teks UTF-8")]
    BukanTeks,
}

/// "1,4 MB; paling besar 1 MB", without the size when it would read as the limit does.
fn terlalu_besar(ukuran: Option<u64>, batas: u64) -> String {
    let batas = besaran(batas);
    match ukuran.map(besaran) {
        Some(u) if u != batas => format!("{u}; paling besar {batas}"),
        _ => format!("paling besar {batas}"),
    }
}

/// The bytes of `path`, at most `batas` of them: a larger file is refused before it is read, a
/// pipe is read only up to the limit.
pub fn baca(path: &Path, batas: u64) -> Result<Vec<u8>, GalatBaca> {
    let berkas = std::fs::File::open(path)?;
    let meta = berkas.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory).into());
    }
    let ukuran = meta.len();
    if meta.is_file() && ukuran > batas {
        return Err(GalatBaca::TerlaluBesar {
            ukuran: Some(ukuran),
            batas,
        });
    }
    let mut isi = Vec::new();
    berkas.take(batas + 1).read_to_end(&mut isi)?;
    if isi.len() as u64 > batas {
        return Err(GalatBaca::TerlaluBesar {
            ukuran: None,
            batas,
        });
    }
    Ok(isi)
}

/// The text of `path`, as [`baca`] reads it; not UTF-8 is an error.
pub fn baca_teks(path: &Path, batas: u64) -> Result<String, GalatBaca> {
    String::from_utf8(baca(path, batas)?).map_err(|_| GalatBaca::BukanTeks)
}

/// A size as people say it: from 0.95 MB on in MB with at most one decimal ("2 MB", "1,4 MB",
/// "1 MB" also for 1,000,000 bytes), below that in KB ("512 KB").
fn besaran(byte: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let persepuluh = (byte as f64 / MB * 10.0).round() as u64;
    if persepuluh >= 10 {
        match persepuluh % 10 {
            0 => format!("{} MB", crate::format::ribuan(persepuluh / 10)),
            d => format!("{},{d} MB", crate::format::ribuan(persepuluh / 10)),
        }
    } else {
        format!("{} KB", byte.div_ceil(1024))
    }
}

/// The common file errors in Indonesian; others keep the system's text.
pub fn pesan_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "berkas atau folder itu tidak ada".into(),
        K::PermissionDenied => "tidak ada izin untuk membukanya".into(),
        K::IsADirectory => "itu folder, bukan berkas".into(),
        K::NotADirectory => "itu bukan folder".into(),
        K::StorageFull => "disk penuh".into(),
        K::ReadOnlyFilesystem => "disk hanya dapat dibaca".into(),
        K::AddrInUse => "alamat itu sudah dipakai program lain".into(),
        K::AddrNotAvailable => "alamat itu bukan milik mesin ini".into(),
        K::InvalidData if e.to_string().contains("UTF-8") => "isinya bukan teks UTF-8".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(besaran(2 * 1024 * 1024), "2 MB");
        assert_eq!(besaran(1_000_000), "1 MB");
        assert_eq!(besaran(1024 * 1024), "1 MB");
        assert_eq!(besaran(512 * 1024), "512 KB");
        assert_eq!(besaran(1500), "2 KB");
        assert_eq!(besaran(1024 * 1024 * 14 / 10), "1,4 MB");
        assert_eq!(besaran(1024 * 1024 * 2000), "2.000 MB");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.md");
        std::fs::write(&p, vec![b'x'; 3 * 1024 * 1024]).expect("write");
        let e = baca_teks(&p, 2 * 1024 * 1024).expect_err("too large");
        assert_eq!(e.to_string(), "terlalu besar (3 MB; paling besar 2 MB)");
        std::fs::write(&p, vec![b'x'; 1024]).expect("write");
        assert_eq!(baca_teks(&p, 1024).expect("at the limit").len(), 1024);
        // Just over the limit reads as the limit: the size is left out.
        std::fs::write(&p, vec![b'x'; 2 * 1024 * 1024 + 10]).expect("write");
        let e = baca_teks(&p, 2 * 1024 * 1024).expect_err("too large");
        assert_eq!(e.to_string(), "terlalu besar (paling besar 2 MB)");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_read_only_up_to_the_limit() {
        // /dev/zero has no size and never ends.
        let e = baca(Path::new("/dev/zero"), 4096).expect_err("too large");
        assert_eq!(e.to_string(), "terlalu besar (paling besar 4 KB)");
    }

    #[test]
    fn errors_are_said_in_indonesian() {
        let dir = tempfile::tempdir().expect("tempdir");
        let biner = dir.path().join("foto.yaml");
        std::fs::write(&biner, [0xff, 0xfe, 0x00]).expect("write");
        for (p, pesan) in [
            (
                dir.path().join("tidak-ada"),
                "berkas atau folder itu tidak ada",
            ),
            (biner, "isinya bukan teks UTF-8"),
            (dir.path().to_path_buf(), "itu folder, bukan berkas"),
        ] {
            let e = baca_teks(&p, 1024).expect_err("unreadable");
            assert_eq!(e.to_string(), pesan, "{}", p.display());
        }
    }
}
