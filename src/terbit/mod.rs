//! Issuing: a draft version frozen as a numbered document. The number comes from each signing
//! village's register, the PDF carries a QR code to its public verification page, and the PDF
//! itself, its SHA-256 and who issued it are kept. Issued documents are never edited: a
//! correction is a new document that names the one it replaces; revoking marks it revoked.

mod arsip;
pub mod nomor;

pub use arsip::{baca, berlaku_menurut_jenis, cabut, cocokkan, daftar, pdf, sidik};

use std::future::Future;

use base64::Engine;
use serde::Serialize;
use serde_json::Value;

use crate::desa;
use crate::dokumen::{DokumenError, GalatIsian, jalur};
use crate::konten::Kolom;
use crate::simpan::{self, GalatSimpan, Gudang};
use crate::wilayah;
use nomor::Register;

/// The number of one signing village.
#[derive(Debug, Clone, Serialize)]
pub struct NomorDesa {
    pub kode_desa: String,
    pub nama_desa: String,
    pub register: String,
    pub tahun: i64,
    pub urut: i64,
    /// As printed.
    pub nomor: String,
}

/// An issued document as its verification page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Terbitan {
    pub kode: String,
    pub jenis: String,
    pub judul: String,
    pub kode_desa: String,
    /// The document's date (YYYY-MM-DD).
    pub tanggal: String,
    pub diterbitkan: i64,
    pub diterbitkan_oleh: String,
    pub sha256: String,
    pub menggantikan: Option<String>,
    /// Issued documents that name this one as the one they replace.
    pub digantikan_oleh: Vec<String>,
    pub dicabut: Option<i64>,
    pub alasan_cabut: Option<String>,
    pub nomor: Vec<NomorDesa>,
}

#[derive(Debug, thiserror::Error)]
pub enum GalatTerbit {
    /// The data does not fit the form (or the numbering needs a setting).
    #[error("isian tidak valid ({} masalah)", .0.len())]
    Isian(Vec<GalatIsian>),
    #[error("{0}")]
    Tidak(String),
    #[error("dokumen tidak dapat disusun: {0}")]
    Dokumen(DokumenError),
    #[error(transparent)]
    Simpan(#[from] GalatSimpan),
}

impl From<sqlx::Error> for GalatTerbit {
    fn from(e: sqlx::Error) -> Self {
        GalatTerbit::Simpan(GalatSimpan::Kueri(e))
    }
}

/// How a document type is numbered: its register, and the field that receives the number —
/// one field, or a field in each row of a repeated group (`desa[].nomor_peraturan`: each
/// signing village's own number).
#[derive(Debug, Clone)]
pub struct Penomoran {
    pub register: Register,
    pub kolom: String,
}

/// What to issue.
pub struct Penerbitan<'a> {
    pub jenis: &'a str,
    pub judul_jenis: &'a str,
    pub formulir: &'a [Kolom],
    pub penomoran: Option<&'a Penomoran>,
    /// The form data as saved.
    pub data: &'a Value,
    /// The signing villages, in the order of the form's rows (one for most documents).
    pub desa: &'a [String],
    pub draf: Option<(&'a str, i64)>,
    pub menggantikan: Option<&'a str>,
    pub oleh: &'a str,
    /// Today in the villages' time zone (YYYY-MM-DD), when the data names no date.
    pub hari_ini: &'a str,
}

/// The QR code and address printed on an issued document.
#[derive(Debug, Clone, Serialize)]
pub struct Verifikasi {
    pub kode: String,
    pub url: String,
    /// The QR code as SVG (vector), drawn by the layout.
    pub svg: String,
}

/// The QR code of `url` as SVG.
pub fn qr_svg(url: &str) -> Result<String, GalatTerbit> {
    let kode = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| GalatTerbit::Tidak(format!("kode QR: {e}")))?;
    Ok(kode
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

/// The document's own date: the first date the form gives for signing or enactment.
fn tanggal_dokumen(data: &Value, cadangan: &str) -> String {
    let kandidat = [
        "/tanggal_penetapan",
        "/penandatanganan/tanggal",
        "/tanggal",
        "/tanggal_surat",
        "/laporan/tanggal",
        "/musyawarah/tanggal",
    ];
    kandidat
        .iter()
        .filter_map(|p| data.pointer(p).and_then(Value::as_str))
        .find(|s| crate::format::urai_tanggal(s).is_some())
        .unwrap_or(cadangan)
        .to_string()
}

/// Puts the numbers into the data: the numbered field, once or per row.
fn isi_nomor(
    formulir: &[Kolom],
    data: &mut Value,
    kolom: &str,
    nomor: &[String],
) -> Result<(), GalatTerbit> {
    let tidak = |e: String| GalatTerbit::Tidak(format!("penomoran `{kolom}`: {e}"));
    match kolom.split_once("[].") {
        Some((grup, anak)) => {
            for (i, n) in nomor.iter().enumerate() {
                let j = jalur::urai_jalur(formulir, &format!("{grup}[{i}].{anak}"), false)
                    .map_err(tidak)?;
                jalur::pasang(data, &j, Value::String(n.clone()));
            }
        }
        None => {
            let j = jalur::urai_jalur(formulir, kolom, false).map_err(tidak)?;
            jalur::pasang(
                data,
                &j,
                Value::String(nomor.first().cloned().unwrap_or_default()),
            );
        }
    }
    Ok(())
}

/// Issues a document: takes the numbers, renders it with its QR code (through `render`), and
/// stores it — all in one transaction, so a failed render gives the numbers back.
pub async fn terbitkan<F, Fut>(
    g: &Gudang,
    p: Penerbitan<'_>,
    url_verifikasi: impl Fn(&str) -> String,
    render: F,
) -> Result<Terbitan, GalatTerbit>
where
    F: FnOnce(Value, Verifikasi) -> Fut,
    Fut: Future<Output = Result<Vec<u8>, DokumenError>>,
{
    let Some(pemilik) = p.desa.first() else {
        return Err(GalatTerbit::Tidak(
            "pilih desa yang menerbitkan dokumen ini".into(),
        ));
    };
    let mut desa_ = Vec::new();
    for kode in p.desa {
        let d = wilayah::desa(kode)
            .ok_or_else(|| GalatTerbit::Tidak(format!("kode desa `{kode}` tidak dikenal")))?;
        desa_.push(d);
    }
    // The villages named in the form must be the villages that number and sign it.
    let nama_di_isian: Vec<(String, Option<&str>)> = match p.data.get("desa") {
        Some(Value::Array(baris)) => baris
            .iter()
            .enumerate()
            .map(|(i, b)| {
                (
                    format!("desa[{i}].nama"),
                    b.get("nama").and_then(Value::as_str),
                )
            })
            .collect(),
        Some(d) => vec![("desa.nama".into(), d.get("nama").and_then(Value::as_str))],
        None => Vec::new(),
    };
    let mut salah_nama = Vec::new();
    for ((jalur_, nama), d) in nama_di_isian.iter().zip(&desa_) {
        if let Some(n) = nama
            && !n.trim().eq_ignore_ascii_case(d.nama.trim())
        {
            salah_nama.push(GalatIsian {
                jalur: jalur_.clone(),
                pesan: format!(
                    "isian menyebut Desa {}, padahal dokumen ini diterbitkan untuk Desa {} ({});                      samakan nama desanya (tombol \"Isi kolom kosong dari profil desa\" mengisi nama resmi)",
                    n.trim(),
                    d.nama,
                    d.kode
                ),
            });
        }
    }
    if !salah_nama.is_empty() {
        return Err(GalatTerbit::Isian(salah_nama));
    }
    let tanggal = tanggal_dokumen(p.data, p.hari_ini);
    let tgl = crate::format::urai_tanggal(&tanggal)
        .ok_or_else(|| GalatTerbit::Tidak(format!("tanggal `{tanggal}` tidak sah")))?;
    let kode = simpan::acak(8)?;
    let kini = simpan::sekarang();
    let mut data = p.data.clone();
    // Each village's numbering settings, read before the transaction: inside it, the one
    // connection it holds is all this issue may use.
    let mut atur_nomor = Vec::new();
    if let Some(pn) = p.penomoran {
        for d in &desa_ {
            let profil = desa::baca(g, &d.kode)
                .await
                .map_err(|e| GalatTerbit::Tidak(e.to_string()))?;
            atur_nomor.push(
                profil
                    .profil
                    .nomor
                    .get(pn.register.slug())
                    .cloned()
                    .unwrap_or_default(),
            );
        }
    }
    let mut tx = g.pool().begin().await?;
    let mut nomor_desa = Vec::new();
    if let Some(pn) = p.penomoran {
        for (d, atur) in desa_.iter().zip(&atur_nomor) {
            let urut = nomor::ambil(&mut tx, &d.kode, pn.register, tgl.year()).await?;
            let dicetak = nomor::susun(
                pn.register,
                &atur.format,
                &nomor::Isi {
                    urut,
                    tahun: tgl.year(),
                    bulan: u8::from(tgl.month()),
                    kode_desa: &d.kode,
                    kode_klasifikasi: &atur.kode_klasifikasi,
                },
            )
            .map_err(|e| {
                GalatTerbit::Isian(vec![GalatIsian {
                    jalur: pn.kolom.clone(),
                    pesan: format!("Desa {}: {e}", d.nama),
                }])
            })?;
            nomor_desa.push(NomorDesa {
                kode_desa: d.kode.clone(),
                nama_desa: d.nama.clone(),
                register: pn.register.slug().to_string(),
                tahun: i64::from(tgl.year()),
                urut,
                nomor: dicetak,
            });
        }
        let dicetak: Vec<String> = nomor_desa.iter().map(|n| n.nomor.clone()).collect();
        isi_nomor(p.formulir, &mut data, &pn.kolom, &dicetak)?;
    }
    let url = url_verifikasi(&kode);
    let verifikasi = Verifikasi {
        svg: qr_svg(&url)?,
        kode: kode.clone(),
        url,
    };
    let pdf = match render(data.clone(), verifikasi).await {
        Ok(b) => b,
        Err(DokumenError::Isian(g)) => return Err(GalatTerbit::Isian(g)),
        Err(e) => return Err(GalatTerbit::Dokumen(e)),
    };
    let sha = sidik(&pdf);
    let judul = format!(
        "{} — {}",
        p.judul_jenis,
        crate::draf::judul_dari(&data, &format!("Desa {}", desa_[0].nama))
    );
    sqlx::query(
        "INSERT INTO dokumen_terbit (kode, jenis, judul, kode_desa, draf_id, versi, data, sha256, pdf, tanggal, \
         diterbitkan, diterbitkan_oleh, menggantikan) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&kode)
    .bind(p.jenis)
    .bind(&judul)
    .bind(pemilik)
    .bind(p.draf.map(|d| d.0.to_string()))
    .bind(p.draf.map(|d| d.1))
    .bind(serde_json::to_string(&data).map_err(|e| GalatSimpan::Lain(e.to_string()))?)
    .bind(&sha)
    .bind(base64::engine::general_purpose::STANDARD.encode(&pdf))
    .bind(&tanggal)
    .bind(kini)
    .bind(p.oleh)
    .bind(p.menggantikan)
    .execute(&mut *tx)
    .await?;
    for n in &nomor_desa {
        sqlx::query(
            "INSERT INTO nomor_dokumen (kode_dokumen, kode_desa, register, tahun, urut, nomor) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&kode)
        .bind(&n.kode_desa)
        .bind(&n.register)
        .bind(n.tahun)
        .bind(n.urut)
        .bind(&n.nomor)
        .execute(&mut *tx)
        .await?;
        if p.penomoran.is_some_and(|pn| pn.register.produk_hukum()) {
            // The register's "tentang": the subject of the regulation, and the cooperation's
            // own title where the form gives one.
            let mut tentang = p
                .judul_jenis
                .split_once(" tentang ")
                .map(|(_, t)| t.to_string())
                .unwrap_or_else(|| p.judul_jenis.to_string());
            if let Some(j) = data.get("judul_kerja_sama").and_then(Value::as_str) {
                tentang = format!("{tentang} — {}", j.trim());
            }
            let diundangkan = data
                .get("tanggal_pengundangan")
                .and_then(Value::as_str)
                .filter(|s| crate::format::urai_tanggal(s).is_some());
            sqlx::query(
                "INSERT INTO produk_hukum (id, kode_desa, jenis, nomor, urut, tahun, judul, tanggal_penetapan, \
                 tanggal_pengundangan, status, kode_dokumen, publik, dicatat, dicatat_oleh) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $12, 'berlaku', $9, 0, $10, $11)",
            )
            .bind(simpan::acak(12)?)
            .bind(&n.kode_desa)
            .bind(&n.register)
            .bind(&n.nomor)
            .bind(n.urut)
            .bind(n.tahun)
            .bind(&tentang)
            .bind(&tanggal)
            .bind(&kode)
            .bind(kini)
            .bind(p.oleh)
            .bind(diundangkan)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    baca(g, &kode)
        .await?
        .ok_or_else(|| GalatTerbit::Tidak("dokumen yang baru diterbitkan tidak terbaca".into()))
}
