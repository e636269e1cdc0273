//! Reading the archive of issued documents: by code, by file (byte for byte), per village; and
//! revoking one (it stays on record).

use base64::Engine;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::{GalatTerbit, NomorDesa, Terbitan};
use crate::simpan::{self, GalatSimpan, Gudang};
use crate::wilayah;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The SHA-256 of a file, as stored.
pub fn sidik(pdf: &[u8]) -> String {
    hex(&Sha256::digest(pdf))
}

/// An issued document by its verification code.
pub async fn baca(g: &Gudang, kode: &str) -> Result<Option<Terbitan>, GalatSimpan> {
    let Some(r) = sqlx::query(
        "SELECT kode, jenis, judul, kode_desa, tanggal, diterbitkan, diterbitkan_oleh, sha256, menggantikan, \
         dicabut, alasan_cabut FROM dokumen_terbit WHERE kode = $1",
    )
    .bind(kode)
    .fetch_optional(g.pool())
    .await?
    else {
        return Ok(None);
    };
    let nomor = sqlx::query(
        "SELECT kode_desa, register, tahun, urut, nomor FROM nomor_dokumen WHERE kode_dokumen = $1 ORDER BY kode_desa",
    )
    .bind(kode)
    .fetch_all(g.pool())
    .await?
    .iter()
    .map(|n| {
        let kode_desa: String = n.try_get("kode_desa")?;
        Ok(NomorDesa {
            nama_desa: wilayah::desa(&kode_desa).map(|d| d.nama).unwrap_or_default(),
            kode_desa,
            register: n.try_get("register")?,
            tahun: n.try_get("tahun")?,
            urut: n.try_get("urut")?,
            nomor: n.try_get("nomor")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let digantikan_oleh: Vec<String> = sqlx::query_scalar(
        "SELECT kode FROM dokumen_terbit WHERE menggantikan = $1 ORDER BY diterbitkan",
    )
    .bind(kode)
    .fetch_all(g.pool())
    .await?;
    Ok(Some(Terbitan {
        kode: r.try_get("kode")?,
        jenis: r.try_get("jenis")?,
        judul: r.try_get("judul")?,
        kode_desa: r.try_get("kode_desa")?,
        tanggal: r.try_get("tanggal")?,
        diterbitkan: r.try_get("diterbitkan")?,
        diterbitkan_oleh: r.try_get("diterbitkan_oleh")?,
        sha256: r.try_get("sha256")?,
        menggantikan: r.try_get("menggantikan")?,
        digantikan_oleh,
        dicabut: r.try_get("dicabut")?,
        alasan_cabut: r.try_get("alasan_cabut")?,
        nomor,
    }))
}

/// The issued PDF of `kode`.
pub async fn pdf(g: &Gudang, kode: &str) -> Result<Option<Vec<u8>>, GalatSimpan> {
    let b: Option<String> = sqlx::query_scalar("SELECT pdf FROM dokumen_terbit WHERE kode = $1")
        .bind(kode)
        .fetch_optional(g.pool())
        .await?;
    b.map(|s| {
        base64::engine::general_purpose::STANDARD
            .decode(s)
            .map_err(|e| GalatSimpan::Lain(format!("PDF tersimpan rusak: {e}")))
    })
    .transpose()
}

/// The issued document a file is, byte for byte, if any.
pub async fn cocokkan(g: &Gudang, berkas: &[u8]) -> Result<Option<Terbitan>, GalatSimpan> {
    let kode: Option<String> =
        sqlx::query_scalar("SELECT kode FROM dokumen_terbit WHERE sha256 = $1")
            .bind(sidik(berkas))
            .fetch_optional(g.pool())
            .await?;
    match kode {
        Some(k) => baca(g, &k).await,
        None => Ok(None),
    }
}

/// Revokes an issued document (it stays on record, marked revoked with the date and reason).
pub async fn cabut(g: &Gudang, kode: &str, oleh: &str, alasan: &str) -> Result<(), GalatTerbit> {
    let alasan = alasan.trim();
    if alasan.is_empty() || alasan.chars().count() > 500 {
        return Err(GalatTerbit::Tidak(
            "tuliskan alasan pencabutan (1–500 karakter)".into(),
        ));
    }
    let mut tx = g.pool().begin().await?;
    let n = sqlx::query(
        "UPDATE dokumen_terbit SET dicabut = $1, dicabut_oleh = $2, alasan_cabut = $3 WHERE kode = $4 AND dicabut IS NULL",
    )
    .bind(simpan::sekarang())
    .bind(oleh)
    .bind(alasan)
    .bind(kode)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(GalatTerbit::Tidak(
            "dokumen tidak ada atau sudah dicabut".into(),
        ));
    }
    sqlx::query("UPDATE produk_hukum SET status = 'dicabut' WHERE kode_dokumen = $1")
        .bind(kode)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The issued documents with these codes, in their order.
async fn baca_semua(g: &Gudang, kode: Vec<String>) -> Result<Vec<Terbitan>, GalatSimpan> {
    let mut hasil = Vec::new();
    for k in kode {
        if let Some(t) = baca(g, &k).await? {
            hasil.push(t);
        }
    }
    Ok(hasil)
}

/// The issued documents of a village (as signer), newest first.
pub async fn daftar(g: &Gudang, kode_desa: &str) -> Result<Vec<Terbitan>, GalatSimpan> {
    let kode: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT d.kode FROM dokumen_terbit d LEFT JOIN nomor_dokumen n ON n.kode_dokumen = d.kode \
         WHERE n.kode_desa = $1 OR d.kode_desa = $1",
    )
    .bind(kode_desa)
    .fetch_all(g.pool())
    .await?;
    let mut hasil = baca_semua(g, kode).await?;
    hasil.sort_by(|a, b| b.diterbitkan.cmp(&a.diterbitkan).then(a.kode.cmp(&b.kode)));
    Ok(hasil)
}

/// Issued documents of one type that still stand (not revoked, not replaced), newest first, at
/// most `batas`: what the public sees of the documents meant to be published, such as offers.
pub async fn berlaku_menurut_jenis(
    g: &Gudang,
    jenis: &str,
    batas: i64,
) -> Result<Vec<Terbitan>, GalatSimpan> {
    let kode: Vec<String> = sqlx::query_scalar(&format!(
        "SELECT d.kode FROM dokumen_terbit d WHERE d.jenis = $1 AND d.dicabut IS NULL \
         AND NOT EXISTS (SELECT 1 FROM dokumen_terbit p WHERE p.menggantikan = d.kode) \
         ORDER BY d.diterbitkan DESC, d.kode LIMIT {batas}"
    ))
    .bind(jenis)
    .fetch_all(g.pool())
    .await?;
    baca_semua(g, kode).await
}
