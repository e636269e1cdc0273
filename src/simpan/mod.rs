//! Storage: the one place that owns the database. SQLite under the data folder by default
//! (`data/sinergi.db`, WAL), PostgreSQL when a URL is given (several `serve` replicas); the same
//! migrations, embedded in the binary, and the same queries (sqlx's `Any` driver, `$1`
//! placeholders, portable SQL) for both.

pub mod cadangan;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

/// Where the data lives.
#[derive(Debug, Clone)]
pub enum Sumber {
    /// A folder holding `sinergi.db` (created on first use).
    Folder(PathBuf),
    /// A `postgres://…` URL.
    Url(String),
}

/// The database file inside a data folder.
pub const NAMA_BERKAS: &str = "sinergi.db";

#[derive(Debug, thiserror::Error)]
pub enum GalatSimpan {
    #[error("folder data {0} tidak dapat dibuat: {io}", io = crate::berkas::pesan_io(.1))]
    Folder(PathBuf, std::io::Error),
    #[error("basis data {0} tidak dapat dibuka: {1}")]
    Sambung(String, sqlx::Error),
    #[error(
        "basis data memakai skema versi {ada}, lebih baru daripada yang dikenal program ini \
         ({dikenal}); pakai Sinergi versi yang lebih baru"
    )]
    SkemaBaru { ada: i64, dikenal: i64 },
    #[error("migrasi skema basis data gagal: {0}")]
    Migrasi(#[from] sqlx::migrate::MigrateError),
    #[error("basis data: {0}")]
    Kueri(#[from] sqlx::Error),
    #[error("{0}")]
    Lain(String),
}

static MIGRASI: sqlx::migrate::Migrator = sqlx::migrate!("src/simpan/migrasi");

/// The open database.
#[derive(Clone)]
pub struct Gudang {
    pool: AnyPool,
    /// The SQLite file, when that is the backend.
    berkas: Option<PathBuf>,
}

impl std::fmt::Debug for Gudang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.berkas {
            Some(b) => write!(f, "Gudang(SQLite {})", b.display()),
            None => f.write_str("Gudang(PostgreSQL)"),
        }
    }
}

/// A URL with its password left out, for messages.
fn tanpa_sandi(url: &str) -> String {
    match (url.split_once("://"), url.rfind('@')) {
        (Some((skema, sisa)), Some(at)) if at > skema.len() + 3 => {
            let (kredensial, host) = sisa.split_at(at - skema.len() - 3);
            let pengguna = kredensial.split(':').next().unwrap_or("");
            format!("{skema}://{pengguna}:***{host}")
        }
        _ => url.to_string(),
    }
}

impl Gudang {
    /// Opens (creating if needed) the database and brings its schema up to date. A schema newer
    /// than this binary knows is refused.
    pub async fn buka(sumber: &Sumber) -> Result<Gudang, GalatSimpan> {
        sqlx::any::install_default_drivers();
        let (url, berkas) = match sumber {
            Sumber::Folder(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| GalatSimpan::Folder(dir.clone(), e))?;
                let berkas = std::path::absolute(dir.join(NAMA_BERKAS))
                    .map_err(|e| GalatSimpan::Folder(dir.clone(), e))?;
                (
                    format!("sqlite://{}?mode=rwc", berkas.display()),
                    Some(berkas),
                )
            }
            Sumber::Url(u) => (u.clone(), None),
        };
        let tampil = tanpa_sandi(&url);
        let opsi = AnyConnectOptions::from_str(&url)
            .map_err(|e| GalatSimpan::Sambung(tampil.clone(), e))?;
        let sqlite = berkas.is_some();
        let pool = AnyPoolOptions::new()
            // SQLite serializes writers anyway; a few readers beside one writer is plenty.
            .max_connections(if sqlite { 4 } else { 10 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // WAL: readers never wait for the writer. FULL: an answered save is on
                        // disk. busy_timeout: writers queue instead of failing.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(opsi)
            .await
            .map_err(|e| GalatSimpan::Sambung(tampil.clone(), e))?;
        let g = Gudang { pool, berkas };
        g.migrasi().await?;
        Ok(g)
    }

    async fn migrasi(&self) -> Result<(), GalatSimpan> {
        let dikenal = MIGRASI.iter().map(|m| m.version).max().unwrap_or(0);
        // The migrations table exists once any migration ran; a version above ours means a
        // newer binary wrote this database.
        let ada: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = TRUE")
                .fetch_one(&self.pool)
                .await
                .ok()
                .flatten();
        if let Some(ada) = ada
            && ada > dikenal
        {
            return Err(GalatSimpan::SkemaBaru { ada, dikenal });
        }
        MIGRASI.run(&self.pool).await?;
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The SQLite file, or None on PostgreSQL.
    pub fn berkas_sqlite(&self) -> Option<&Path> {
        self.berkas.as_deref()
    }

    /// The highest schema version this binary knows.
    pub fn versi_skema() -> i64 {
        MIGRASI.iter().map(|m| m.version).max().unwrap_or(0)
    }

    pub async fn tutup(&self) {
        self.pool.close().await;
    }
}

/// Now, in Unix seconds.
pub fn sekarang() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `n` random bytes as lowercase hex: ids and tokens.
pub fn acak(n: usize) -> Result<String, GalatSimpan> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b).map_err(|e| GalatSimpan::Lain(format!("sumber acak: {e}")))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_left_out_of_messages() {
        assert_eq!(
            tanpa_sandi("postgres://sinergi:rahasia@db:5432/sinergi"),
            "postgres://sinergi:***@db:5432/sinergi"
        );
        assert_eq!(tanpa_sandi("sqlite:///x/y.db"), "sqlite:///x/y.db");
    }

    #[tokio::test]
    async fn a_new_folder_gets_a_migrated_database_and_a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let g = Gudang::buka(&Sumber::Folder(dir.path().join("data")))
            .await
            .expect("opens");
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pengguna")
            .fetch_one(g.pool())
            .await
            .expect("table exists");
        assert_eq!(n, 0);
        // Pretend a newer binary migrated it.
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
             VALUES (9999, 'masa depan', CURRENT_TIMESTAMP, TRUE, X'00', 0)",
        )
        .execute(g.pool())
        .await
        .expect("insert");
        g.tutup().await;
        let e = Gudang::buka(&Sumber::Folder(dir.path().join("data")))
            .await
            .expect_err("refused");
        assert!(e.to_string().contains("versi 9999"), "{e}");
    }
}
