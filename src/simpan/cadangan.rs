//! Backup and restore of the SQLite database. `VACUUM INTO` writes a consistent copy of the
//! database as of one moment, while the server goes on reading and writing it (SQLite's own
//! snapshot copy; everything Sinergi keeps, PDFs included, is in that one file).

use std::path::Path;

use super::{GalatSimpan, Gudang, NAMA_BERKAS, Sumber};

/// Writes a consistent copy of the database to `tujuan`, which must not exist yet.
pub async fn cadangkan(g: &Gudang, tujuan: &Path) -> Result<(), GalatSimpan> {
    if g.berkas_sqlite().is_none() {
        return Err(GalatSimpan::Lain(
            "cadangan hanya untuk basis data SQLite; untuk PostgreSQL pakai pg_dump".into(),
        ));
    }
    if tujuan.exists() {
        return Err(GalatSimpan::Lain(format!(
            "{} sudah ada; pilih nama berkas lain",
            tujuan.display()
        )));
    }
    let jalur = std::path::absolute(tujuan)
        .map_err(|e| GalatSimpan::Lain(format!("{}: {e}", tujuan.display())))?;
    let teks = jalur.to_str().ok_or_else(|| {
        GalatSimpan::Lain(format!("{}: nama berkas harus UTF-8", jalur.display()))
    })?;
    // A literal, not a parameter: SQLite takes the file name of VACUUM INTO as an expression,
    // and quotes inside the name are doubled.
    let sql = format!("VACUUM INTO '{}'", teks.replace('\'', "''"));
    sqlx::query(&sql).execute(g.pool()).await?;
    Ok(())
}

/// Restores backup `sumber` into data folder `dir`, which must be empty (or not exist): the
/// copy is checked by opening it (and migrating it to this binary's schema) before it takes
/// the database's place.
pub async fn pulihkan(sumber: &Path, dir: &Path) -> Result<(), GalatSimpan> {
    let kosong = match std::fs::read_dir(dir) {
        Ok(mut isi) => isi.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(GalatSimpan::Folder(dir.to_path_buf(), e)),
    };
    if !kosong {
        return Err(GalatSimpan::Lain(format!(
            "folder data {} tidak kosong; pulihkan ke folder kosong agar data yang ada tidak tertimpa",
            dir.display()
        )));
    }
    let mut kepala = [0u8; 16];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(sumber)
            .map_err(|e| GalatSimpan::Lain(format!("{}: {e}", sumber.display())))?;
        f.read_exact(&mut kepala).map_err(|_| {
            GalatSimpan::Lain(format!(
                "{} bukan berkas cadangan Sinergi",
                sumber.display()
            ))
        })?;
    }
    if &kepala != b"SQLite format 3\0" {
        return Err(GalatSimpan::Lain(format!(
            "{} bukan berkas cadangan Sinergi (bukan basis data SQLite)",
            sumber.display()
        )));
    }
    let sementara = dir.join(".pemulihan");
    std::fs::create_dir_all(&sementara).map_err(|e| GalatSimpan::Folder(sementara.clone(), e))?;
    let salinan = sementara.join(NAMA_BERKAS);
    std::fs::copy(sumber, &salinan).map_err(|e| GalatSimpan::Folder(salinan.clone(), e))?;
    let periksa = async {
        let g = Gudang::buka(&Sumber::Folder(sementara.clone())).await?;
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pengguna")
            .fetch_one(g.pool())
            .await?;
        // Fold the WAL back into the file before it moves.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(g.pool())
            .await?;
        g.tutup().await;
        Ok::<i64, GalatSimpan>(n)
    };
    match periksa.await {
        Ok(_) => {
            std::fs::rename(&salinan, dir.join(NAMA_BERKAS))
                .map_err(|e| GalatSimpan::Folder(dir.to_path_buf(), e))?;
            let _ = std::fs::remove_dir_all(&sementara);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&sementara);
            Err(e)
        }
    }
}
