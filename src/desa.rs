//! Village profiles, kept per Kemendagri code: what every document form would otherwise ask
//! again (office address, kepala desa and SK, sekretaris desa, ketua BPD, emblem, letterhead)
//! and how the village numbers its documents. Names of the village and the areas it lies in come
//! from the official codes, not from the profile.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::dokumen::gambar;
use crate::simpan::{self, GalatSimpan, Gudang};
use crate::wilayah::{self, Desa};

/// An office holder as documents print them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pejabat {
    /// As the office writes it, with titles and degrees where it uses them.
    pub nama: String,
    /// Titles and degrees kept apart, for documents that print names without them.
    pub gelar: String,
    /// Number and date of the decree that appointed them ("SK Bupati Garut Nomor …").
    pub sk_pengangkatan: String,
}

/// How one register numbers its documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AturNomor {
    /// With tokens `{nomor}`, `{nomor:03}`, `{kode_klasifikasi}`, `{kode_desa}`,
    /// `{bulan_romawi}`, `{tahun}`; empty = the register's default.
    pub format: String,
    /// The classification code of the office's records (Permendagri 83/2022), when the format
    /// uses `{kode_klasifikasi}`.
    pub kode_klasifikasi: String,
}

/// What a village keeps about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profil {
    pub alamat_kantor: String,
    pub telepon: String,
    pub surel: String,
    pub kepala_desa: Pejabat,
    pub sekretaris_desa: Pejabat,
    pub ketua_bpd: Pejabat,
    /// Lines of the letterhead under the emblem, top to bottom.
    pub kop: Vec<String>,
    /// Per register (`perdes`, `surat`, …).
    pub nomor: BTreeMap<String, AturNomor>,
}

/// A village's profile as stored, with its official identity.
#[derive(Debug, Clone, Serialize)]
pub struct ProfilDesa {
    pub desa: Desa,
    pub profil: Profil,
    /// The emblem as a data URL (PNG or JPEG), checked when saved.
    pub lambang: Option<String>,
    /// Unix seconds; none when never saved.
    pub diubah: Option<i64>,
    pub diubah_oleh: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum GalatProfil {
    #[error("kode desa `{0}` tidak ada dalam kode wilayah Kemendagri")]
    TidakAda(String),
    /// Field problems, each with its field's name.
    #[error("profil tidak valid")]
    Isian(Vec<(String, String)>),
    #[error(transparent)]
    Simpan(#[from] GalatSimpan),
}

impl From<sqlx::Error> for GalatProfil {
    fn from(e: sqlx::Error) -> Self {
        GalatProfil::Simpan(GalatSimpan::Kueri(e))
    }
}

/// Characters a profile text may hold.
const BATAS_TEKS: usize = 300;

impl Profil {
    /// Every problem, as (field, message).
    pub fn periksa(&self) -> Vec<(String, String)> {
        let mut m = Vec::new();
        let mut teks = |kunci: &str, v: &str| {
            if v.chars().count() > BATAS_TEKS {
                m.push((
                    kunci.to_string(),
                    format!("paling banyak {BATAS_TEKS} karakter"),
                ));
            }
        };
        teks("alamat_kantor", &self.alamat_kantor);
        teks("telepon", &self.telepon);
        teks("surel", &self.surel);
        for (n, p) in [
            ("kepala_desa", &self.kepala_desa),
            ("sekretaris_desa", &self.sekretaris_desa),
            ("ketua_bpd", &self.ketua_bpd),
        ] {
            teks(&format!("{n}.nama"), &p.nama);
            teks(&format!("{n}.gelar"), &p.gelar);
            teks(&format!("{n}.sk_pengangkatan"), &p.sk_pengangkatan);
        }
        if self.kop.len() > 6 {
            m.push(("kop".into(), "paling banyak 6 baris".into()));
        }
        for (i, k) in self.kop.iter().enumerate() {
            if k.chars().count() > 120 {
                m.push((format!("kop[{i}]"), "paling banyak 120 karakter".into()));
            }
        }
        if !self.surel.is_empty() && !self.surel.contains('@') {
            m.push(("surel".into(), "alamat surel harus memuat @".into()));
        }
        for (register, a) in &self.nomor {
            if let Err(e) = crate::terbit::nomor::periksa_format(&a.format) {
                m.push((format!("nomor.{register}.format"), e));
            }
        }
        m
    }
}

/// The profile of village `kode`: the stored one, or an empty one beside the official identity.
pub async fn baca(g: &Gudang, kode: &str) -> Result<ProfilDesa, GalatProfil> {
    let desa = wilayah::desa(kode).ok_or_else(|| GalatProfil::TidakAda(kode.to_string()))?;
    let baris =
        sqlx::query("SELECT data, lambang, diubah, diubah_oleh FROM profil_desa WHERE kode = $1")
            .bind(&desa.kode)
            .fetch_optional(g.pool())
            .await?;
    Ok(match baris {
        Some(r) => ProfilDesa {
            profil: serde_json::from_str(&r.try_get::<String, _>("data")?).unwrap_or_default(),
            lambang: r.try_get("lambang")?,
            diubah: Some(r.try_get("diubah")?),
            diubah_oleh: Some(r.try_get("diubah_oleh")?),
            desa,
        },
        None => ProfilDesa {
            desa,
            profil: Profil::default(),
            lambang: None,
            diubah: None,
            diubah_oleh: None,
        },
    })
}

/// What to do with the emblem when saving.
pub enum Lambang {
    Tetap,
    Hapus,
    /// A new one, as a data URL.
    Baru(String),
}

/// Saves village `kode`'s profile (checked first; nothing is saved when a field is wrong).
pub async fn simpan(
    g: &Gudang,
    kode: &str,
    profil: &Profil,
    lambang: Lambang,
    oleh: &str,
) -> Result<(), GalatProfil> {
    let desa = wilayah::desa(kode).ok_or_else(|| GalatProfil::TidakAda(kode.to_string()))?;
    let mut masalah = profil.periksa();
    let lambang = match lambang {
        Lambang::Baru(url) => match gambar::baca_data_url(&url) {
            Ok(_) => Lambang::Baru(url),
            Err(e) => {
                masalah.push(("lambang".into(), e.to_string()));
                Lambang::Tetap
            }
        },
        lain => lain,
    };
    if !masalah.is_empty() {
        return Err(GalatProfil::Isian(masalah));
    }
    let data = serde_json::to_string(profil).map_err(|e| GalatSimpan::Lain(e.to_string()))?;
    let kini = simpan::sekarang();
    let mut tx = g.pool().begin().await?;
    sqlx::query(
        "INSERT INTO profil_desa (kode, data, lambang, diubah, diubah_oleh) VALUES ($1, $2, NULL, $3, $4) \
         ON CONFLICT (kode) DO UPDATE SET data = $2, diubah = $3, diubah_oleh = $4",
    )
    .bind(&desa.kode)
    .bind(&data)
    .bind(kini)
    .bind(oleh)
    .execute(&mut *tx)
    .await?;
    match lambang {
        Lambang::Tetap => {}
        Lambang::Hapus => {
            sqlx::query("UPDATE profil_desa SET lambang = NULL WHERE kode = $1")
                .bind(&desa.kode)
                .execute(&mut *tx)
                .await?;
        }
        Lambang::Baru(url) => {
            sqlx::query("UPDATE profil_desa SET lambang = $1 WHERE kode = $2")
                .bind(url)
                .bind(&desa.kode)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Codes of the villages of kabupaten `kode` that have a saved profile.
pub async fn berprofil(g: &Gudang, kode_kabupaten: &str) -> Result<Vec<String>, GalatProfil> {
    let pola = format!("{kode_kabupaten}.%");
    let kode: Vec<String> = sqlx::query_scalar("SELECT kode FROM profil_desa WHERE kode LIKE $1")
        .bind(pola)
        .fetch_all(g.pool())
        .await?;
    Ok(kode)
}

/// Fills the empty fields of a document form from village profiles, by the fields' names: a
/// `desa` group (once, or one row per village), `kabupaten`, `kepala_desa`, `sekretaris_desa`,
/// `ketua_bpd`, `lambang`. Fields the form does not have are left alone; values already typed
/// are kept.
pub fn isi_formulir(
    formulir: &[crate::konten::Kolom],
    data: &mut serde_json::Value,
    profil: &[ProfilDesa],
) {
    use crate::dokumen::jalur;
    use crate::konten::JenisKolom;
    use serde_json::Value;
    let Some(pertama) = profil.first() else {
        return;
    };
    let mut isi = |jalur_: &str, nilai: &str| {
        if nilai.trim().is_empty() {
            return;
        }
        let Ok(j) = jalur::urai_jalur(formulir, jalur_, false) else {
            return;
        };
        let kosong = match jalur::ambil(data, &j) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            _ => false,
        };
        if kosong {
            jalur::pasang(data, &j, Value::String(nilai.to_string()));
        }
    };
    let desa_berulang = formulir
        .iter()
        .any(|k| k.nama == "desa" && k.jenis == JenisKolom::Grup && k.ulang);
    for (i, p) in profil.iter().enumerate() {
        let awal = if desa_berulang {
            format!("desa[{i}]")
        } else if i == 0 {
            "desa".to_string()
        } else {
            break;
        };
        isi(&format!("{awal}.kode"), &p.desa.kode);
        isi(&format!("{awal}.nama"), &p.desa.nama);
        isi(&format!("{awal}.kecamatan"), &p.desa.kecamatan);
        isi(&format!("{awal}.alamat_kantor"), &p.profil.alamat_kantor);
        isi(&format!("{awal}.kepala_desa"), &p.profil.kepala_desa.nama);
        isi(
            &format!("{awal}.sekretaris_desa"),
            &p.profil.sekretaris_desa.nama,
        );
    }
    let pr = &pertama.profil;
    isi("kabupaten.nama", pertama.desa.nama_kabupaten());
    isi(
        "kabupaten.jenis",
        if pertama.desa.di_kota() {
            "kota"
        } else {
            "kabupaten"
        },
    );
    for (n, pj) in [
        ("kepala_desa", &pr.kepala_desa),
        ("sekretaris_desa", &pr.sekretaris_desa),
        ("ketua_bpd", &pr.ketua_bpd),
    ] {
        isi(&format!("{n}.nama"), &pj.nama);
        isi(&format!("{n}.gelar"), &pj.gelar);
        isi(&format!("{n}.sk_pengangkatan"), &pj.sk_pengangkatan);
    }
    if let Some(l) = &pertama.lambang {
        isi("lambang", l);
    }
}
