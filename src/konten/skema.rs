//! The front-matter schema of each collection: what may be written, and the checks that make an
//! entry trustworthy (fixed vocabularies, dates, sources, quiz answers).

use serde::{Deserialize, Deserializer, Serialize};

pub use super::kolom::{JenisKolom, Kolom};
pub use super::kosakata::{Bidang, JENIS_KERJA_SAMA, STATUS, TAHAP, URAIAN_TAHAP, label_tahap};
pub use super::pesan::{terjemahkan_serde, terjemahkan_sintaks};
pub use crate::dokumen::aturan::{Aturan, AturanMentah};

/// Accepts one string as well as a list (`sumber: https://…`, a rule's `kolom`).
pub(crate) fn satu_atau_banyak<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum SatuAtauBanyak {
        Satu(String),
        Banyak(Vec<String>),
    }
    Ok(match SatuAtauBanyak::deserialize(d)? {
        SatuAtauBanyak::Satu(s) => vec![s],
        SatuAtauBanyak::Banyak(v) => v,
    })
}

/// Accepts `nomor: 6` as well as `nomor: "6"`, since numbers such as "01" or "2/PMK.07" exist.
fn teks_atau_angka<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum TeksAtauAngka {
        Teks(String),
        Angka(u64),
    }
    Ok(match TeksAtauAngka::deserialize(d)? {
        TeksAtauAngka::Teks(s) => s,
        TeksAtauAngka::Angka(n) => n.to_string(),
    })
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PasalKunci {
    #[serde(deserialize_with = "teks_atau_angka")]
    pub pasal: String,
    #[serde(default)]
    pub ayat: Option<String>,
    pub ringkasan: String,
}

/// A legal basis; keys after the JDIHN metadata standard (Permenkumham 8/2019).
/// Missing and unknown keys are reported by the loader, which knows their lines; serde only
/// checks the types here.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Regulasi {
    pub judul: String,
    pub bentuk: String,
    pub singkatan_bentuk: String,
    #[serde(deserialize_with = "teks_atau_angka")]
    pub nomor: String,
    pub tahun: u16,
    pub tentang: String,
    pub teu_badan: String,
    #[serde(default)]
    pub tanggal_penetapan: Option<String>,
    #[serde(default)]
    pub tanggal_pengundangan: Option<String>,
    pub status: String,
    #[serde(default)]
    pub mengubah: Vec<String>,
    #[serde(default)]
    pub diubah_dengan: Vec<String>,
    #[serde(default)]
    pub mencabut: Vec<String>,
    #[serde(default)]
    pub dicabut_dengan: Vec<String>,
    #[serde(default)]
    pub subjek: Vec<String>,
    #[serde(default)]
    pub bidang: Vec<String>,
    #[serde(default)]
    pub pasal_kunci: Vec<PasalKunci>,
    #[serde(deserialize_with = "satu_atau_banyak")]
    pub sumber: Vec<String>,
    #[serde(default)]
    pub catatan: Option<String>,
}

impl Regulasi {
    pub const KUNCI: &[&str] = &[
        "judul",
        "bentuk",
        "singkatan_bentuk",
        "nomor",
        "tahun",
        "tentang",
        "teu_badan",
        "tanggal_penetapan",
        "tanggal_pengundangan",
        "status",
        "mengubah",
        "diubah_dengan",
        "mencabut",
        "dicabut_dengan",
        "subjek",
        "bidang",
        "pasal_kunci",
        "sumber",
        "catatan",
    ];
    pub const WAJIB: &[&str] = &[
        "judul",
        "bentuk",
        "singkatan_bentuk",
        "nomor",
        "tahun",
        "tentang",
        "teu_badan",
        "status",
        "sumber",
    ];

    /// The short designation offices write: "UU 6/2014", "Permendagri 96/2017".
    pub fn sebutan(&self) -> String {
        format!(
            "{} {}/{}",
            self.singkatan_bentuk.trim(),
            self.nomor.trim(),
            self.tahun
        )
    }

    pub fn berlaku(&self) -> bool {
        self.status == "berlaku"
    }

    /// The id of this regulation in the full-text corpus (`uu-6-2014`), when it is a kind the
    /// corpus holds.
    pub fn id_korpus(&self) -> Option<String> {
        let bentuk = match self.singkatan_bentuk.trim().to_lowercase().as_str() {
            "uu" => "uu",
            "pp" => "pp",
            "perppu" => "perppu",
            _ => return None,
        };
        Some(format!("{bentuk}-{}-{}", self.nomor.trim(), self.tahun))
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lokasi {
    #[serde(default)]
    pub desa: Vec<String>,
    #[serde(default)]
    pub kecamatan: Option<String>,
    #[serde(default)]
    pub kabupaten: Option<String>,
    #[serde(default)]
    pub provinsi: Option<String>,
}

impl Lokasi {
    /// "Desa A, Desa B, Kecamatan X, Kabupaten Y, Provinsi" as one line.
    pub fn ringkas(&self) -> String {
        let mut bagian: Vec<String> = Vec::new();
        if !self.desa.is_empty() {
            bagian.push(self.desa.join(", "));
        }
        for b in [&self.kecamatan, &self.kabupaten, &self.provinsi]
            .into_iter()
            .flatten()
        {
            bagian.push(b.clone());
        }
        bagian.join(" — ")
    }
}

/// Missing and unknown keys are reported by the loader, which knows their lines; serde only
/// checks the types here.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct StudiKasus {
    pub judul: String,
    pub lokasi: Lokasi,
    pub jenis_kerja_sama: String,
    #[serde(default)]
    pub bidang: Vec<String>,
    #[serde(default)]
    pub tahun: Option<u16>,
    #[serde(default)]
    pub mitra: Vec<String>,
    pub hasil: String,
    #[serde(default)]
    pub pelajaran: Option<String>,
    #[serde(default)]
    pub regulasi: Vec<String>,
    #[serde(deserialize_with = "satu_atau_banyak")]
    pub sumber: Vec<String>,
    #[serde(default)]
    pub catatan: Option<String>,
}

impl StudiKasus {
    pub const KUNCI: &[&str] = &[
        "judul",
        "lokasi",
        "jenis_kerja_sama",
        "bidang",
        "tahun",
        "mitra",
        "hasil",
        "pelajaran",
        "regulasi",
        "sumber",
        "catatan",
    ];
    pub const WAJIB: &[&str] = &[
        "judul",
        "lokasi",
        "jenis_kerja_sama",
        "bidang",
        "hasil",
        "sumber",
    ];
}

/// Missing and unknown keys are reported by the loader, which knows their lines; serde only
/// checks the types here.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Templat {
    pub judul: String,
    pub tahap: String,
    #[serde(default)]
    pub dasar_hukum: Vec<String>,
    #[serde(default)]
    pub bidang: Vec<String>,
    pub panduan: String,
    #[serde(default)]
    pub catatan: Option<String>,
    /// The form that fills the document; a templat without one is guidance only.
    #[serde(default)]
    pub formulir: Vec<Kolom>,
    /// The typst layout in `templates/dokumen/` (file name without `.typ`); the id by default.
    #[serde(default)]
    pub tata_letak: Option<String>,
    /// Version of the wording, printed in the PDF's metadata.
    #[serde(default)]
    pub versi: Option<String>,
    /// How an issued document of this type is numbered.
    #[serde(default)]
    pub penomoran: Option<PenomoranTemplat>,
    /// Cross-field rules of the form, as written (see `dokumen::aturan`).
    #[serde(default)]
    pub aturan: Vec<AturanMentah>,
    /// The same rules checked against the form when the content loaded.
    #[serde(skip)]
    pub aturan_terurai: Vec<Aturan>,
}

/// `penomoran: {register: perdes, kolom: nomor_peraturan}` — the register that numbers an issued
/// document, and the form field that receives the number (`desa[].nomor_peraturan`: a number
/// per signing village).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PenomoranTemplat {
    pub register: String,
    pub kolom: String,
}

impl Templat {
    pub const KUNCI: &[&str] = &[
        "judul",
        "tahap",
        "dasar_hukum",
        "bidang",
        "panduan",
        "catatan",
        "formulir",
        "tata_letak",
        "versi",
        "penomoran",
        "aturan",
    ];
    pub const WAJIB: &[&str] = &["judul", "tahap", "panduan"];
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Soal {
    pub pertanyaan: String,
    #[serde(default)]
    pub pilihan: Vec<String>,
    pub jawaban: String,
}

/// Missing and unknown keys are reported by the loader, which knows their lines; serde only
/// checks the types here.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Materi {
    pub judul: String,
    pub urutan: u16,
    /// Minutes.
    pub durasi: u16,
    pub tujuan: Vec<String>,
    #[serde(default)]
    pub pertanyaan_diskusi: Vec<String>,
    pub kuis: Vec<Soal>,
    #[serde(default)]
    pub regulasi: Vec<String>,
    #[serde(default)]
    pub studi_kasus: Vec<String>,
    #[serde(default)]
    pub bidang: Vec<String>,
    #[serde(default)]
    pub catatan: Option<String>,
}

impl Materi {
    pub const KUNCI: &[&str] = &[
        "judul",
        "urutan",
        "durasi",
        "tujuan",
        "pertanyaan_diskusi",
        "kuis",
        "regulasi",
        "studi_kasus",
        "bidang",
        "catatan",
    ];
    pub const WAJIB: &[&str] = &["judul", "urutan", "durasi", "tujuan", "kuis"];
}

/// One glossary term (`content/istilah.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Istilah {
    pub istilah: String,
    #[serde(default)]
    pub kepanjangan: Option<String>,
    pub definisi: String,
    #[serde(default, deserialize_with = "satu_atau_banyak_opsional")]
    pub sumber: Vec<String>,
}

impl Istilah {
    /// The anchor of this term on the glossary page: `/istilah#bum-desa`.
    pub fn anchor(&self) -> String {
        self.istilah
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect()
    }
}

fn satu_atau_banyak_opsional<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    satu_atau_banyak(d)
}

/// A `YYYY-MM-DD` date that exists in the calendar.
pub fn tanggal_sah(s: &str) -> bool {
    crate::format::urai_tanggal(s).is_some()
}

pub fn url_sah(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > 10
        && !s.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert!(tanggal_sah("2014-01-15"));
        assert!(tanggal_sah("2024-02-29"));
        assert!(!tanggal_sah("2023-02-29"));
        assert!(!tanggal_sah("15-01-2014"));
        assert!(!tanggal_sah("2014-13-01"));
    }

    #[test]
    fn corpus_id_only_for_kinds_in_the_corpus() {
        let r: Regulasi = serde_yaml::from_str(
            "judul: x\nbentuk: Undang-Undang\nsingkatan_bentuk: UU\nnomor: 6\ntahun: 2014\n\
             tentang: Desa\nteu_badan: x\nstatus: berlaku\nsumber: https://example.org/a\n",
        )
        .expect("valid");
        assert_eq!(r.id_korpus().as_deref(), Some("uu-6-2014"));
    }
}
