//! The register of village legal products (Buku Peraturan di Desa, after Permendagri 111/2014):
//! per village, its Peraturan Desa, Peraturan Bersama Kepala Desa, Peraturan Kepala Desa and
//! Keputusan Kepala Desa — those issued through Sinergi (entered when issued) and those made
//! elsewhere (recorded by hand, so the numbering goes on after them).

use base64::Engine;
use serde::Serialize;
use sqlx::Row;

use crate::simpan::{self, GalatSimpan, Gudang};
use crate::terbit::nomor::{self, Register};

/// One legal product.
#[derive(Debug, Clone, Serialize)]
pub struct ProdukHukum {
    pub id: String,
    pub kode_desa: String,
    /// A register slug: `perdes`, `peraturan-bersama`, `peraturan-kepala-desa`,
    /// `keputusan-kepala-desa`.
    pub jenis: String,
    pub nomor: String,
    pub tahun: i64,
    pub judul: String,
    pub tanggal_penetapan: Option<String>,
    pub tanggal_pengundangan: Option<String>,
    /// Lembaran Desa / Berita Desa number.
    pub nomor_lembaran: Option<String>,
    /// `berlaku`, `diubah`, `dicabut`.
    pub status: String,
    pub diubah_dengan: Option<String>,
    pub dicabut_dengan: Option<String>,
    /// The issued document, when issued through Sinergi.
    pub kode_dokumen: Option<String>,
    pub ada_pdf: bool,
    pub publik: bool,
    pub dicatat: i64,
    pub dicatat_oleh: String,
}

/// Statuses a legal product may have.
pub const STATUS: [&str; 3] = ["berlaku", "diubah", "dicabut"];

#[derive(Debug, thiserror::Error)]
pub enum GalatRegister {
    /// Field problems, as (field, message).
    #[error("isian tidak valid")]
    Isian(Vec<(String, String)>),
    #[error("{0}")]
    Tidak(String),
    #[error(transparent)]
    Simpan(#[from] GalatSimpan),
}

impl From<sqlx::Error> for GalatRegister {
    fn from(e: sqlx::Error) -> Self {
        GalatRegister::Simpan(GalatSimpan::Kueri(e))
    }
}

/// What a hand-recorded legal product says.
#[derive(Debug, Clone, Default)]
pub struct Catatan {
    pub jenis: String,
    /// The number as printed; its sequence is read from it when it is a plain number.
    pub nomor: String,
    pub tahun: i64,
    pub judul: String,
    pub tanggal_penetapan: String,
    pub tanggal_pengundangan: String,
    pub nomor_lembaran: String,
    pub publik: bool,
    /// The PDF of the signed document, if uploaded.
    pub pdf: Option<Vec<u8>>,
}

const KOLOM: &str = "id, kode_desa, jenis, nomor, tahun, judul, tanggal_penetapan, tanggal_pengundangan, \
    nomor_lembaran, status, diubah_dengan, dicabut_dengan, kode_dokumen, CASE WHEN pdf IS NULL THEN 0 ELSE 1 END AS ada_pdf, \
    publik, dicatat, dicatat_oleh";

fn dari_baris(r: &sqlx::any::AnyRow) -> Result<ProdukHukum, sqlx::Error> {
    Ok(ProdukHukum {
        id: r.try_get("id")?,
        kode_desa: r.try_get("kode_desa")?,
        jenis: r.try_get("jenis")?,
        nomor: r.try_get("nomor")?,
        tahun: r.try_get("tahun")?,
        judul: r.try_get("judul")?,
        tanggal_penetapan: r.try_get("tanggal_penetapan")?,
        tanggal_pengundangan: r.try_get("tanggal_pengundangan")?,
        nomor_lembaran: r.try_get("nomor_lembaran")?,
        status: r.try_get("status")?,
        diubah_dengan: r.try_get("diubah_dengan")?,
        dicabut_dengan: r.try_get("dicabut_dengan")?,
        kode_dokumen: r.try_get("kode_dokumen")?,
        ada_pdf: r.try_get::<i64, _>("ada_pdf")? != 0,
        publik: r.try_get::<i64, _>("publik")? != 0,
        dicatat: r.try_get("dicatat")?,
        dicatat_oleh: r.try_get("dicatat_oleh")?,
    })
}

impl Catatan {
    fn periksa(&self) -> Vec<(String, String)> {
        let mut m = Vec::new();
        match Register::dari_slug(&self.jenis) {
            Some(r) if r.produk_hukum() => {}
            _ => m.push((
                "jenis".into(),
                "pilih Peraturan Desa, Peraturan Bersama Kepala Desa, Peraturan Kepala Desa atau Keputusan Kepala Desa".into(),
            )),
        }
        if self.nomor.trim().is_empty() || self.nomor.chars().count() > 40 {
            m.push((
                "nomor".into(),
                "isi nomor (paling banyak 40 karakter)".into(),
            ));
        }
        if !(1945..=2100).contains(&self.tahun) {
            m.push(("tahun".into(), "tahun empat angka, 1945–2100".into()));
        }
        if self.judul.trim().is_empty() || self.judul.chars().count() > 300 {
            m.push((
                "judul".into(),
                "isi judul (paling banyak 300 karakter)".into(),
            ));
        }
        for (k, v) in [
            ("tanggal_penetapan", &self.tanggal_penetapan),
            ("tanggal_pengundangan", &self.tanggal_pengundangan),
        ] {
            if !v.trim().is_empty() && crate::format::urai_tanggal(v).is_none() {
                m.push((k.into(), "tanggal yang ada, ditulis TTTT-BB-HH".into()));
            }
        }
        if self.nomor_lembaran.chars().count() > 40 {
            m.push(("nomor_lembaran".into(), "paling banyak 40 karakter".into()));
        }
        if let Some(b) = &self.pdf
            && (!b.starts_with(b"%PDF") || b.len() > 2_000_000)
        {
            m.push(("pdf".into(), "berkas PDF, paling besar 2 MB".into()));
        }
        m
    }
}

fn atau_null(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Records a legal product made outside Sinergi; its number moves the village's register on,
/// so the next issued document does not take it again.
pub async fn catat(
    g: &Gudang,
    kode_desa: &str,
    c: &Catatan,
    oleh: &str,
) -> Result<ProdukHukum, GalatRegister> {
    let masalah = c.periksa();
    if !masalah.is_empty() {
        return Err(GalatRegister::Isian(masalah));
    }
    let register = Register::dari_slug(&c.jenis)
        .ok_or_else(|| GalatRegister::Tidak("jenis tidak dikenal".into()))?;
    let urut: Option<i64> = c.nomor.trim().parse().ok();
    let id = simpan::acak(12)?;
    let mut tx = g.pool().begin().await?;
    if let Some(u) = urut {
        let tahun = i32::try_from(c.tahun).map_err(|_| GalatRegister::Tidak("tahun".into()))?;
        nomor::catat_luar(&mut tx, kode_desa, register, tahun, u).await?;
    }
    sqlx::query(
        "INSERT INTO produk_hukum (id, kode_desa, jenis, nomor, urut, tahun, judul, tanggal_penetapan, \
         tanggal_pengundangan, nomor_lembaran, status, pdf, publik, dicatat, dicatat_oleh) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'berlaku', $11, $12, $13, $14)",
    )
    .bind(&id)
    .bind(kode_desa)
    .bind(register.slug())
    .bind(c.nomor.trim())
    .bind(urut)
    .bind(c.tahun)
    .bind(c.judul.trim())
    .bind(atau_null(&c.tanggal_penetapan))
    .bind(atau_null(&c.tanggal_pengundangan))
    .bind(atau_null(&c.nomor_lembaran))
    .bind(
        c.pdf
            .as_ref()
            .map(|b| base64::engine::general_purpose::STANDARD.encode(b)),
    )
    .bind(i64::from(c.publik))
    .bind(simpan::sekarang())
    .bind(oleh)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    baca(g, &id)
        .await?
        .ok_or_else(|| GalatRegister::Tidak("catatan tidak terbaca".into()))
}

pub async fn baca(g: &Gudang, id: &str) -> Result<Option<ProdukHukum>, GalatRegister> {
    let r = sqlx::query(&format!("SELECT {KOLOM} FROM produk_hukum WHERE id = $1"))
        .bind(id)
        .fetch_optional(g.pool())
        .await?;
    Ok(r.as_ref().map(dari_baris).transpose()?)
}

/// A village's register, by year and number (newest year first).
pub async fn daftar(g: &Gudang, kode_desa: &str) -> Result<Vec<ProdukHukum>, GalatRegister> {
    let baris = sqlx::query(&format!(
        "SELECT {KOLOM} FROM produk_hukum WHERE kode_desa = $1 ORDER BY tahun DESC, jenis, urut, nomor"
    ))
    .bind(kode_desa)
    .fetch_all(g.pool())
    .await?;
    Ok(baris.iter().map(dari_baris).collect::<Result<_, _>>()?)
}

/// Changes an entry's status (`diubah` / `dicabut` name the product that changed or revoked it)
/// and whether it is published.
pub async fn ubah_status(
    g: &Gudang,
    id: &str,
    status: &str,
    oleh_produk: Option<&str>,
    publik: bool,
) -> Result<(), GalatRegister> {
    if !STATUS.contains(&status) {
        return Err(GalatRegister::Isian(vec![(
            "status".into(),
            "pilih berlaku, diubah atau dicabut".into(),
        )]));
    }
    let tautan = oleh_produk.map(str::trim).filter(|s| !s.is_empty());
    if let Some(t) = tautan
        && t.chars().count() > 200
    {
        return Err(GalatRegister::Isian(vec![(
            "oleh".into(),
            "paling banyak 200 karakter".into(),
        )]));
    }
    let (diubah, dicabut) = match status {
        "diubah" => (tautan, None),
        "dicabut" => (None, tautan),
        _ => (None, None),
    };
    sqlx::query(
        "UPDATE produk_hukum SET status = $1, diubah_dengan = $2, dicabut_dengan = $3, publik = $4 WHERE id = $5",
    )
    .bind(status)
    .bind(diubah)
    .bind(dicabut)
    .bind(i64::from(publik))
    .bind(id)
    .execute(g.pool())
    .await?;
    Ok(())
}

/// The PDF of an entry: the issued document's, or the uploaded one.
pub async fn pdf(g: &Gudang, id: &str) -> Result<Option<Vec<u8>>, GalatRegister> {
    let r = sqlx::query("SELECT pdf, kode_dokumen FROM produk_hukum WHERE id = $1")
        .bind(id)
        .fetch_optional(g.pool())
        .await?;
    let Some(r) = r else { return Ok(None) };
    if let Some(b) = r.try_get::<Option<String>, _>("pdf")? {
        return Ok(base64::engine::general_purpose::STANDARD.decode(b).ok());
    }
    match r.try_get::<Option<String>, _>("kode_dokumen")? {
        Some(k) => Ok(crate::terbit::pdf(g, &k).await?),
        None => Ok(None),
    }
}

/// Entries whose title or number holds every word of `q`, among the villages whose codes start
/// with one of `lingkup` (a village code, or a kabupaten code followed by `.`), plus published
/// entries anywhere when `publik`.
pub async fn cari(
    g: &Gudang,
    q: &str,
    lingkup: &[String],
    publik: bool,
    batas: i64,
) -> Result<Vec<ProdukHukum>, GalatRegister> {
    let kata: Vec<String> = q
        .split_whitespace()
        .take(8)
        .map(|k| k.to_lowercase())
        .filter(|k| k.chars().count() >= 2)
        .collect();
    if kata.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = format!("SELECT {KOLOM} FROM produk_hukum WHERE (");
    let mut ikat: Vec<String> = Vec::new();
    let mut syarat = Vec::new();
    for l in lingkup {
        ikat.push(format!("{l}%"));
        syarat.push(format!("kode_desa LIKE ${}", ikat.len()));
    }
    if publik {
        syarat.push("publik = 1".into());
    }
    if syarat.is_empty() {
        return Ok(Vec::new());
    }
    sql.push_str(&syarat.join(" OR "));
    sql.push(')');
    for k in &kata {
        ikat.push(format!("%{k}%"));
        let n = ikat.len();
        sql.push_str(&format!(
            " AND (LOWER(judul) LIKE ${n} OR LOWER(nomor) LIKE ${n})"
        ));
    }
    sql.push_str(&format!(" ORDER BY tahun DESC, dicatat DESC LIMIT {batas}"));
    let mut kueri = sqlx::query(&sql);
    for i in &ikat {
        kueri = kueri.bind(i);
    }
    let baris = kueri.fetch_all(g.pool()).await?;
    Ok(baris.iter().map(dari_baris).collect::<Result<_, _>>()?)
}

/// The register as CSV (UTF-8, a header row), for spreadsheets.
pub fn csv(daftar: &[ProdukHukum]) -> Result<Vec<u8>, GalatRegister> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let e = |e: csv::Error| GalatRegister::Tidak(format!("CSV: {e}"));
    w.write_record([
        "Jenis",
        "Nomor",
        "Tahun",
        "Judul",
        "Tanggal penetapan",
        "Tanggal pengundangan",
        "Nomor Lembaran/Berita Desa",
        "Status",
        "Diubah dengan",
        "Dicabut dengan",
        "Kode verifikasi",
    ])
    .map_err(e)?;
    for p in daftar {
        let label = Register::dari_slug(&p.jenis)
            .map(Register::label)
            .unwrap_or("");
        w.write_record([
            label,
            &p.nomor,
            &p.tahun.to_string(),
            &p.judul,
            p.tanggal_penetapan.as_deref().unwrap_or(""),
            p.tanggal_pengundangan.as_deref().unwrap_or(""),
            p.nomor_lembaran.as_deref().unwrap_or(""),
            &p.status,
            p.diubah_dengan.as_deref().unwrap_or(""),
            p.dicabut_dengan.as_deref().unwrap_or(""),
            p.kode_dokumen.as_deref().unwrap_or(""),
        ])
        .map_err(e)?;
    }
    w.into_inner()
        .map_err(|e| GalatRegister::Tidak(format!("CSV: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simpan::Sumber;

    #[tokio::test]
    async fn recorded_products_move_the_numbering_on_and_are_found() {
        let dir = tempfile::tempdir().expect("tempdir");
        let g = Gudang::buka(&Sumber::Folder(dir.path().to_path_buf()))
            .await
            .expect("db");
        let c = Catatan {
            jenis: "perdes".into(),
            nomor: "4".into(),
            tahun: 2025,
            judul: "Anggaran Pendapatan dan Belanja Desa".into(),
            ..Default::default()
        };
        catat(&g, "32.05.03.2001", &c, "ops")
            .await
            .expect("recorded");
        let mut tx = g.pool().begin().await.expect("tx");
        let n = nomor::ambil(&mut tx, "32.05.03.2001", Register::Perdes, 2025)
            .await
            .expect("next");
        tx.rollback().await.expect("rollback");
        assert_eq!(n, 5, "the register goes on after the recorded number");
        let salah = Catatan {
            jenis: "surat".into(),
            tahun: 1800,
            ..Default::default()
        };
        match catat(&g, "32.05.03.2001", &salah, "ops").await {
            Err(GalatRegister::Isian(m)) => {
                let kolom: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
                assert!(
                    ["jenis", "nomor", "tahun", "judul"]
                        .iter()
                        .all(|k| kolom.contains(k))
                );
            }
            lain => panic!("{lain:?}"),
        }
        let ketemu = cari(&g, "anggaran desa", &["32.05.03.2001".into()], false, 10)
            .await
            .expect("search");
        assert_eq!(ketemu.len(), 1);
        assert!(
            cari(&g, "anggaran", &["32.05.03.2002".into()], false, 10)
                .await
                .expect("search")
                .is_empty(),
            "private to its village"
        );
        let csv = String::from_utf8(csv(&ketemu).expect("csv")).expect("utf8");
        assert!(csv.contains("Peraturan Desa,4,2025,Anggaran"), "{csv}");
    }
}
