//! Sessions (a cookie for the browser) and personal API tokens. Only a SHA-256 of each token is
//! stored; a stolen database copy does not let anyone in. Every session carries its own CSRF
//! token, which every state-changing form must send back.

use sha2::{Digest, Sha256};
use sqlx::Row;

use super::{GalatAkun, Pengguna};
use crate::simpan::{self, Gudang};

/// How long a session lasts after signing in.
pub const UMUR_SESI: i64 = 12 * 60 * 60;
/// The cookie that carries the session token.
pub const NAMA_KUKI: &str = "sinergi_sesi";
/// Personal tokens start with this, so they are recognisable in logs and configuration.
pub const AWALAN_TOKEN: &str = "snrg_";

fn sidik(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A signed-in browser.
#[derive(Debug, Clone)]
pub struct Sesi {
    pub pengguna: Pengguna,
    /// The token forms send back (`_csrf`).
    pub csrf: String,
}

/// Starts a session; returns the cookie's token and the session.
pub async fn buat(g: &Gudang, p: &Pengguna) -> Result<(String, Sesi), GalatAkun> {
    let token = simpan::acak(32)?;
    let csrf = simpan::acak(24)?;
    let kini = simpan::sekarang();
    sqlx::query("DELETE FROM sesi WHERE kedaluwarsa < $1")
        .bind(kini)
        .execute(g.pool())
        .await?;
    sqlx::query(
        "INSERT INTO sesi (hash_token, pengguna_id, csrf, dibuat, kedaluwarsa) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(sidik(&token))
    .bind(&p.id)
    .bind(&csrf)
    .bind(kini)
    .bind(kini + UMUR_SESI)
    .execute(g.pool())
    .await?;
    Ok((
        token,
        Sesi {
            pengguna: p.clone(),
            csrf,
        },
    ))
}

/// The session of a cookie token, if it is current and its account active.
pub async fn baca(g: &Gudang, token: &str) -> Result<Option<Sesi>, GalatAkun> {
    let baris = sqlx::query(
        "SELECT p.id, p.nama, p.peran, p.kode_wilayah, p.aktif, s.csrf FROM sesi s \
         JOIN pengguna p ON p.id = s.pengguna_id \
         WHERE s.hash_token = $1 AND s.kedaluwarsa > $2 AND p.aktif = 1",
    )
    .bind(sidik(token))
    .bind(simpan::sekarang())
    .fetch_optional(g.pool())
    .await?;
    let Some(r) = baris else { return Ok(None) };
    Ok(Some(Sesi {
        pengguna: super::dari_baris(&r)?,
        csrf: r.try_get("csrf")?,
    }))
}

/// Ends a session (signing out).
pub async fn hapus(g: &Gudang, token: &str) -> Result<(), GalatAkun> {
    sqlx::query("DELETE FROM sesi WHERE hash_token = $1")
        .bind(sidik(token))
        .execute(g.pool())
        .await?;
    Ok(())
}

/// A personal API token, as listed on the account page (never the token itself).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TokenApi {
    pub nama: String,
    /// The first characters, to tell tokens apart.
    pub awalan: String,
    pub dibuat: i64,
    pub dicabut: Option<i64>,
}

/// Creates a personal token for `p`; the token is shown once and only its hash is kept.
pub async fn buat_token(g: &Gudang, p: &Pengguna, nama: &str) -> Result<String, GalatAkun> {
    let nama = nama.trim();
    if nama.is_empty() || nama.chars().count() > 60 {
        return Err(GalatAkun::Tidak(
            "beri token nama 1–60 karakter, mis. `skrip laporan`".into(),
        ));
    }
    let token = format!("{AWALAN_TOKEN}{}", simpan::acak(24)?);
    sqlx::query(
        "INSERT INTO token_api (hash_token, pengguna_id, nama, awalan, dibuat) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(sidik(&token))
    .bind(&p.id)
    .bind(nama)
    .bind(&token[..AWALAN_TOKEN.len() + 6])
    .bind(simpan::sekarang())
    .execute(g.pool())
    .await?;
    Ok(token)
}

/// The account a personal token belongs to, if the token is valid.
pub async fn baca_token(g: &Gudang, token: &str) -> Result<Option<Pengguna>, GalatAkun> {
    if !token.starts_with(AWALAN_TOKEN) {
        return Ok(None);
    }
    let baris = sqlx::query(
        "SELECT p.id, p.nama, p.peran, p.kode_wilayah, p.aktif FROM token_api t \
         JOIN pengguna p ON p.id = t.pengguna_id \
         WHERE t.hash_token = $1 AND t.dicabut IS NULL AND p.aktif = 1",
    )
    .bind(sidik(token))
    .fetch_optional(g.pool())
    .await?;
    baris.as_ref().map(super::dari_baris).transpose()
}

/// The tokens of `p`, newest first.
pub async fn daftar_token(g: &Gudang, p: &Pengguna) -> Result<Vec<TokenApi>, GalatAkun> {
    let baris = sqlx::query(
        "SELECT nama, awalan, dibuat, dicabut FROM token_api WHERE pengguna_id = $1 ORDER BY dibuat DESC",
    )
    .bind(&p.id)
    .fetch_all(g.pool())
    .await?;
    baris
        .iter()
        .map(|r| {
            Ok(TokenApi {
                nama: r.try_get("nama")?,
                awalan: r.try_get("awalan")?,
                dibuat: r.try_get("dibuat")?,
                dicabut: r.try_get("dicabut")?,
            })
        })
        .collect()
}

/// Revokes `p`'s token that starts with `awalan`.
pub async fn cabut_token(g: &Gudang, p: &Pengguna, awalan: &str) -> Result<(), GalatAkun> {
    sqlx::query(
        "UPDATE token_api SET dicabut = $1 WHERE pengguna_id = $2 AND awalan = $3 AND dicabut IS NULL",
    )
    .bind(simpan::sekarang())
    .bind(&p.id)
    .bind(awalan)
    .execute(g.pool())
    .await?;
    Ok(())
}

/// Whether `dikirim` is the session's CSRF token (compared without early exit).
pub fn csrf_sah(sesi: &Sesi, dikirim: &str) -> bool {
    let a = sesi.csrf.as_bytes();
    let b = dikirim.as_bytes();
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
