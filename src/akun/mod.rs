//! Accounts and access: who may sign in (admin of a kabupaten, operator of a village), their
//! passwords (argon2id), sessions and personal API tokens (`sesi`), and the one place that
//! decides who may read or write a village's data (`izin`).

pub mod izin;
pub mod sesi;

use std::fmt;
use std::str::FromStr;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use serde::Serialize;
use sqlx::Row;

use crate::simpan::{self, GalatSimpan, Gudang};
use crate::wilayah;

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Peran {
    /// A kabupaten's DPMD: all its villages and the DPMD's records.
    Admin,
    /// One village: its profile, drafts and documents.
    Operator,
}

impl Peran {
    pub fn nama(self) -> &'static str {
        match self {
            Peran::Admin => "admin",
            Peran::Operator => "operator",
        }
    }
}

impl FromStr for Peran {
    type Err = GalatAkun;
    fn from_str(s: &str) -> Result<Peran, GalatAkun> {
        match s.trim() {
            "admin" => Ok(Peran::Admin),
            "operator" => Ok(Peran::Operator),
            lain => Err(GalatAkun::Tidak(format!(
                "peran `{lain}` tidak dikenal; pilih admin atau operator"
            ))),
        }
    }
}

impl fmt::Display for Peran {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.nama())
    }
}

/// A signed-in (or listed) account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pengguna {
    pub id: String,
    pub nama: String,
    pub peran: Peran,
    /// The kabupaten (`32.05`) of an admin, the village (`32.05.03.2001`) of an operator.
    pub kode_wilayah: String,
    pub aktif: bool,
}

impl Pengguna {
    /// "Admin Kabupaten Garut", "Operator Desa Sukamaju".
    pub fn keterangan(&self) -> String {
        match self.peran {
            Peran::Admin => format!(
                "Admin {}",
                wilayah::kabupaten(&self.kode_wilayah)
                    .map(|k| k.nama)
                    .unwrap_or_else(|| self.kode_wilayah.clone())
            ),
            Peran::Operator => format!(
                "Operator {}",
                wilayah::desa(&self.kode_wilayah)
                    .map(|d| format!("Desa {}", d.nama))
                    .unwrap_or_else(|| self.kode_wilayah.clone())
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GalatAkun {
    /// Something about the request is not acceptable; the message says what.
    #[error("{0}")]
    Tidak(String),
    #[error("nama pengguna atau kata sandi salah")]
    SalahMasuk,
    #[error("terlalu banyak percobaan masuk; coba lagi dalam {0} menit")]
    TerlaluSering(i64),
    #[error(transparent)]
    Simpan(#[from] GalatSimpan),
}

impl From<sqlx::Error> for GalatAkun {
    fn from(e: sqlx::Error) -> Self {
        GalatAkun::Simpan(GalatSimpan::Kueri(e))
    }
}

/// Shortest password accepted.
pub const SANDI_MIN: usize = 10;

fn nama_sah(nama: &str) -> bool {
    (3..=40).contains(&nama.len())
        && nama
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

fn hash(sandi: &str) -> Result<String, GalatAkun> {
    let mut garam = [0u8; 16];
    getrandom::fill(&mut garam).map_err(|e| GalatAkun::Tidak(format!("sumber acak: {e}")))?;
    let garam = SaltString::encode_b64(&garam)
        .map_err(|e| GalatAkun::Tidak(format!("garam sandi: {e}")))?;
    Argon2::default()
        .hash_password(sandi.as_bytes(), &garam)
        .map(|h| h.to_string())
        .map_err(|e| GalatAkun::Tidak(format!("hash sandi: {e}")))
}

/// A hash to check unknown names against.
static HASH_KOSONG: std::sync::LazyLock<Option<String>> =
    std::sync::LazyLock::new(|| hash("sinergi-tidak-ada").ok());

fn cocok(sandi: &str, tersimpan: &str) -> bool {
    PasswordHash::new(tersimpan).is_ok_and(|h| {
        Argon2::default()
            .verify_password(sandi.as_bytes(), &h)
            .is_ok()
    })
}

/// A one-time password to hand to a new user: 16 characters without look-alikes.
pub fn sandi_acak() -> Result<String, GalatAkun> {
    const HURUF: &[u8] = b"abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| GalatAkun::Tidak(format!("sumber acak: {e}")))?;
    Ok(b.iter()
        .map(|x| HURUF[usize::from(*x) % HURUF.len()] as char)
        .collect())
}

fn dari_baris(r: &sqlx::any::AnyRow) -> Result<Pengguna, GalatAkun> {
    Ok(Pengguna {
        id: r.try_get("id")?,
        nama: r.try_get("nama")?,
        peran: r.try_get::<String, _>("peran")?.parse()?,
        kode_wilayah: r.try_get("kode_wilayah")?,
        aktif: r.try_get::<i64, _>("aktif")? != 0,
    })
}

/// Creates an account. An admin belongs to a kabupaten (`--kabupaten 32.05`), an operator to a
/// village (`--desa 32.05.03.2001`); both codes must be Kemendagri codes.
pub async fn tambah(
    g: &Gudang,
    nama: &str,
    peran: Peran,
    kode_wilayah: &str,
    sandi: &str,
) -> Result<Pengguna, GalatAkun> {
    let nama = nama.trim().to_lowercase();
    if !nama_sah(&nama) {
        return Err(GalatAkun::Tidak(format!(
            "nama pengguna `{nama}` harus 3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung"
        )));
    }
    let kode = kode_wilayah.trim();
    match peran {
        Peran::Admin if wilayah::kabupaten(kode).is_none() => {
            return Err(GalatAkun::Tidak(format!(
                "kode kabupaten `{kode}` tidak ada dalam kode wilayah Kemendagri (mis. 32.05)"
            )));
        }
        Peran::Operator if wilayah::desa(kode).is_none() => {
            return Err(GalatAkun::Tidak(format!(
                "kode desa `{kode}` tidak ada dalam kode wilayah Kemendagri (mis. 32.05.03.2001)"
            )));
        }
        _ => {}
    }
    if sandi.chars().count() < SANDI_MIN {
        return Err(GalatAkun::Tidak(format!(
            "kata sandi paling sedikit {SANDI_MIN} karakter"
        )));
    }
    let ada: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pengguna WHERE nama = $1")
        .bind(&nama)
        .fetch_one(g.pool())
        .await?;
    if ada > 0 {
        return Err(GalatAkun::Tidak(format!(
            "nama pengguna `{nama}` sudah dipakai"
        )));
    }
    let p = Pengguna {
        id: simpan::acak(16)?,
        nama,
        peran,
        kode_wilayah: kode.to_string(),
        aktif: true,
    };
    sqlx::query(
        "INSERT INTO pengguna (id, nama, peran, kode_wilayah, hash_sandi, aktif, dibuat) \
         VALUES ($1, $2, $3, $4, $5, 1, $6)",
    )
    .bind(&p.id)
    .bind(&p.nama)
    .bind(p.peran.nama())
    .bind(&p.kode_wilayah)
    .bind(hash(sandi)?)
    .bind(simpan::sekarang())
    .execute(g.pool())
    .await?;
    Ok(p)
}

/// Every account, by name.
pub async fn daftar(g: &Gudang) -> Result<Vec<Pengguna>, GalatAkun> {
    let baris =
        sqlx::query("SELECT id, nama, peran, kode_wilayah, aktif FROM pengguna ORDER BY nama")
            .fetch_all(g.pool())
            .await?;
    baris.iter().map(dari_baris).collect()
}

/// The account with this id, active or not.
pub async fn dengan_id(g: &Gudang, id: &str) -> Result<Option<Pengguna>, GalatAkun> {
    let baris =
        sqlx::query("SELECT id, nama, peran, kode_wilayah, aktif FROM pengguna WHERE id = $1")
            .bind(id)
            .fetch_optional(g.pool())
            .await?;
    baris.as_ref().map(dari_baris).transpose()
}

/// Deactivates an account: it can no longer sign in, and its sessions and tokens stop working.
pub async fn nonaktifkan(g: &Gudang, nama: &str) -> Result<(), GalatAkun> {
    let nama = nama.trim().to_lowercase();
    let mut tx = g.pool().begin().await?;
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM pengguna WHERE nama = $1")
        .bind(&nama)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(id) = id else {
        return Err(GalatAkun::Tidak(format!("pengguna `{nama}` tidak ada")));
    };
    sqlx::query("UPDATE pengguna SET aktif = 0 WHERE id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sesi WHERE pengguna_id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE token_api SET dicabut = $1 WHERE pengguna_id = $2 AND dicabut IS NULL")
        .bind(simpan::sekarang())
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes an account's password (after checking the old one).
pub async fn ganti_sandi(
    g: &Gudang,
    p: &Pengguna,
    lama: &str,
    baru: &str,
) -> Result<(), GalatAkun> {
    let tersimpan: String = sqlx::query_scalar("SELECT hash_sandi FROM pengguna WHERE id = $1")
        .bind(&p.id)
        .fetch_one(g.pool())
        .await?;
    if !cocok(lama, &tersimpan) {
        return Err(GalatAkun::Tidak("kata sandi lama salah".into()));
    }
    if baru.chars().count() < SANDI_MIN {
        return Err(GalatAkun::Tidak(format!(
            "kata sandi baru paling sedikit {SANDI_MIN} karakter"
        )));
    }
    sqlx::query("UPDATE pengguna SET hash_sandi = $1 WHERE id = $2")
        .bind(hash(baru)?)
        .bind(&p.id)
        .execute(g.pool())
        .await?;
    Ok(())
}

/// Failed sign-ins counted over this window.
const JENDELA_MASUK: i64 = 15 * 60;
/// Failures allowed per account, and per address, within the window.
const BATAS_GAGAL_AKUN: i64 = 5;
const BATAS_GAGAL_ALAMAT: i64 = 20;

/// Checks a name and password. Failures are counted per account and per address; past the
/// limit, even the right password waits until the window has passed.
pub async fn masuk(
    g: &Gudang,
    nama: &str,
    sandi: &str,
    alamat: &str,
) -> Result<Pengguna, GalatAkun> {
    let nama = nama.trim().to_lowercase();
    let kini = simpan::sekarang();
    let kunci_akun = format!("akun:{nama}");
    let kunci_alamat = format!("alamat:{alamat}");
    sqlx::query("DELETE FROM percobaan_masuk WHERE waktu < $1")
        .bind(kini - JENDELA_MASUK)
        .execute(g.pool())
        .await?;
    for (kunci, batas) in [
        (&kunci_akun, BATAS_GAGAL_AKUN),
        (&kunci_alamat, BATAS_GAGAL_ALAMAT),
    ] {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM percobaan_masuk WHERE kunci = $1")
            .bind(kunci)
            .fetch_one(g.pool())
            .await?;
        if n >= batas {
            let tertua: Option<i64> =
                sqlx::query_scalar("SELECT MIN(waktu) FROM percobaan_masuk WHERE kunci = $1")
                    .bind(kunci)
                    .fetch_one(g.pool())
                    .await?;
            let sisa = tertua.unwrap_or(kini) + JENDELA_MASUK - kini;
            return Err(GalatAkun::TerlaluSering((sisa + 59) / 60));
        }
    }
    let baris = sqlx::query(
        "SELECT id, nama, peran, kode_wilayah, aktif, hash_sandi FROM pengguna WHERE nama = $1",
    )
    .bind(&nama)
    .fetch_optional(g.pool())
    .await?;
    let hasil = match &baris {
        Some(r) => {
            let tersimpan: String = r.try_get("hash_sandi")?;
            let p = dari_baris(r)?;
            (p.aktif && cocok(sandi, &tersimpan)).then_some(p)
        }
        None => {
            // The same work as a real check, so timing does not tell which names exist.
            if let Some(h) = HASH_KOSONG.as_deref() {
                let _ = cocok(sandi, h);
            }
            None
        }
    };
    match hasil {
        Some(p) => {
            sqlx::query("DELETE FROM percobaan_masuk WHERE kunci = $1")
                .bind(&kunci_akun)
                .execute(g.pool())
                .await?;
            Ok(p)
        }
        None => {
            for kunci in [&kunci_akun, &kunci_alamat] {
                sqlx::query("INSERT INTO percobaan_masuk (kunci, waktu) VALUES ($1, $2)")
                    .bind(kunci)
                    .bind(kini)
                    .execute(g.pool())
                    .await?;
            }
            Err(GalatAkun::SalahMasuk)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simpan::Sumber;

    async fn gudang() -> (tempfile::TempDir, Gudang) {
        let dir = tempfile::tempdir().expect("tempdir");
        let g = Gudang::buka(&Sumber::Folder(dir.path().to_path_buf()))
            .await
            .expect("db");
        (dir, g)
    }

    #[tokio::test]
    async fn accounts_are_checked_when_created() {
        let (_d, g) = gudang().await;
        for (nama, peran, kode, sandi, harap) in [
            (
                "Asep!",
                Peran::Operator,
                "32.05.03.2001",
                "sandi-panjang-1",
                "nama pengguna",
            ),
            (
                "asep",
                Peran::Operator,
                "32.05",
                "sandi-panjang-1",
                "kode desa",
            ),
            (
                "asep",
                Peran::Admin,
                "32.05.03.2001",
                "sandi-panjang-1",
                "kode kabupaten",
            ),
            (
                "asep",
                Peran::Operator,
                "32.05.03.2001",
                "pendek",
                "paling sedikit",
            ),
        ] {
            let e = tambah(&g, nama, peran, kode, sandi).await.expect_err(harap);
            assert!(e.to_string().contains(harap), "{e}");
        }
        tambah(
            &g,
            "asep",
            Peran::Operator,
            "32.05.03.2001",
            "sandi-panjang-1",
        )
        .await
        .expect("created");
        let e = tambah(&g, "asep", Peran::Admin, "32.05", "sandi-panjang-2")
            .await
            .expect_err("duplicate");
        assert!(e.to_string().contains("sudah dipakai"), "{e}");
        assert_eq!(daftar(&g).await.expect("list").len(), 1);
    }

    #[tokio::test]
    async fn sign_in_checks_the_password_and_limits_attempts() {
        let (_d, g) = gudang().await;
        tambah(&g, "dpmd", Peran::Admin, "32.05", "sandi-benar-123")
            .await
            .expect("created");
        assert!(
            masuk(&g, "dpmd", "sandi-benar-123", "10.0.0.1")
                .await
                .is_ok()
        );
        for _ in 0..BATAS_GAGAL_AKUN {
            assert!(matches!(
                masuk(&g, "dpmd", "salah", "10.0.0.1").await,
                Err(GalatAkun::SalahMasuk)
            ));
        }
        // Past the limit, even the right password waits.
        assert!(matches!(
            masuk(&g, "dpmd", "sandi-benar-123", "10.0.0.2").await,
            Err(GalatAkun::TerlaluSering(_))
        ));
        // A deactivated account cannot sign in.
        tambah(
            &g,
            "ops",
            Peran::Operator,
            "32.05.03.2001",
            "sandi-benar-456",
        )
        .await
        .expect("created");
        nonaktifkan(&g, "ops").await.expect("deactivated");
        assert!(matches!(
            masuk(&g, "ops", "sandi-benar-456", "10.0.0.3").await,
            Err(GalatAkun::SalahMasuk)
        ));
    }
}
