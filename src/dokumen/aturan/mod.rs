//! Cross-field rules of a document form, declared with the form in the templat's front-matter
//! (`aturan:`) rather than written as `throw` inside the wording: a rule broken is a field
//! problem ([`GalatIsian`]) on the path of the field to fix, so the API answers 422 and the web
//! form shows the message beside the field.
//!
//! A rule is written as a small mapping ([`AturanMentah`]), checked against the form when the
//! content loads (a wrong kind, a path that is not a field of the form, a field of the wrong type
//! or an unknown `{placeholder}` is a `sinergi check` error with its line) and kept as an
//! [`Aturan`]. Rules run on the normalized data after the field checks; a value that is empty or
//! failed its own check is left to those checks, so a rule never speaks about a field twice.
//!
//! ```yaml
//! aturan:
//!   - jenis: urutan                 # awal ≤ akhir (dates, or JJ.MM times of teks fields)
//!     awal: musyawarah_desa.tanggal
//!     akhir: tanggal_penetapan
//!     boleh_sama: true              # false: akhir must be strictly later
//!     pesan: Tanggal penetapan tidak boleh sebelum tanggal Musyawarah Desa.
//!   - jenis: wajib-bila
//!     kolom: [penyelenggara]
//!     bila: {kolom: jenis_musyawarah, sama: musyawarah-antar-desa}
//!     pesan: Wajib diisi untuk Musyawarah antar-Desa.
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The kinds of rule, as written in `jenis:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum JenisAturan {
    /// `awal` comes before `akhir` (or on the same day when `boleh_sama`).
    Urutan,
    /// The fields of `kolom` are filled all together or not at all.
    LengkapBersama,
    /// The fields of `kolom` must be filled when `bila` holds.
    WajibBila,
    /// The fields of `kolom` may be filled only when `bila` holds.
    HanyaBila,
    /// The values of `kolom` (a field of a repeated group) differ row from row.
    Unik,
    /// The value of `kolom` is one of the values of `dari`.
    Termasuk,
    /// The value of `kolom` is none of the values of `dari`.
    Berbeda,
    /// For each value of `untuk`, the rows whose `kolom` has that value number `sama_dengan`.
    JumlahPerNilai,
    /// `berakhir` is `tahun` years after `mulai` (that date, or the day before it).
    JangkaWaktu,
    /// A repeated group (or list) has between `min` and `maks` rows.
    JumlahBaris,
    /// Among the values of `kolom` (a field of a repeated group) is each of `nilai`.
    Memuat,
}

impl JenisAturan {
    pub fn nama(self) -> &'static str {
        match self {
            JenisAturan::Urutan => "urutan",
            JenisAturan::LengkapBersama => "lengkap-bersama",
            JenisAturan::WajibBila => "wajib-bila",
            JenisAturan::HanyaBila => "hanya-bila",
            JenisAturan::Unik => "unik",
            JenisAturan::Termasuk => "termasuk",
            JenisAturan::Berbeda => "berbeda",
            JenisAturan::JumlahPerNilai => "jumlah-per-nilai",
            JenisAturan::JangkaWaktu => "jangka-waktu",
            JenisAturan::JumlahBaris => "jumlah-baris",
            JenisAturan::Memuat => "memuat",
        }
    }

    /// The `{placeholders}` its message may use.
    fn isian_pesan(self) -> &'static [&'static str] {
        match self {
            JenisAturan::Unik
            | JenisAturan::Termasuk
            | JenisAturan::Berbeda
            | JenisAturan::Memuat => &["nilai"],
            JenisAturan::JumlahPerNilai => &["nilai", "jumlah", "harus"],
            JenisAturan::JangkaWaktu => &[
                "tahun",
                "tahun_terbilang",
                "mulai",
                "berakhir",
                "seharusnya",
            ],
            JenisAturan::JumlahBaris => &["jumlah", "min", "maks"],
            JenisAturan::Urutan
            | JenisAturan::LengkapBersama
            | JenisAturan::WajibBila
            | JenisAturan::HanyaBila => &[],
        }
    }
}

/// A rule as written in the front-matter; see the module documentation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AturanMentah {
    pub jenis: JenisAturan,
    /// One path or a list of paths (`desa[].nama`: that field in every row).
    #[serde(
        default,
        deserialize_with = "crate::konten::skema::satu_atau_banyak",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub kolom: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub akhir: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boleh_sama: Option<bool>,
    /// Which of `awal` and `akhir` the message is put on (`akhir` unless said).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pada: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dari: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub untuk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sama_dengan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mulai: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub berakhir: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maks: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nilai: Vec<String>,
    /// When the rule applies (for `hanya-bila`: when the fields may be filled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bila: Option<SyaratMentah>,
    /// The message shown beside the field, in Indonesian.
    pub pesan: String,
}

/// `bila: {kolom: jenis_musyawarah, sama: musyawarah-antar-desa}`; exactly one of `sama`,
/// `bukan` and `terisi`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SyaratMentah {
    pub kolom: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sama: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bukan: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terisi: Option<bool>,
}

/// A rule checked against its form.
#[derive(Debug, Clone)]
pub struct Aturan {
    bentuk: Bentuk,
    /// The rule is checked only when this holds.
    bila: Option<Syarat>,
    pesan: String,
}

#[derive(Debug, Clone)]
enum Bentuk {
    Urutan {
        awal: JalurAturan,
        akhir: JalurAturan,
        boleh_sama: bool,
        /// The message goes on `awal` rather than `akhir`.
        pada_awal: bool,
        /// Times of day (`09.00`) in text fields rather than dates.
        pukul: bool,
    },
    LengkapBersama(Vec<JalurAturan>),
    /// Each must be filled (when `bila` holds).
    Wajib(Vec<JalurAturan>),
    /// Each must be empty (when `bila`, the negation of the written condition, holds).
    Kosong(Vec<JalurAturan>),
    Unik(JalurAturan),
    Termasuk {
        kolom: JalurAturan,
        dari: JalurAturan,
        berbeda: bool,
    },
    JumlahPerNilai {
        kolom: JalurAturan,
        untuk: JalurAturan,
        sama_dengan: JalurAturan,
    },
    JangkaWaktu {
        mulai: JalurAturan,
        berakhir: JalurAturan,
        tahun: JalurAturan,
    },
    JumlahBaris {
        kolom: JalurAturan,
        min: Option<u32>,
        maks: Option<u32>,
    },
    Memuat {
        kolom: JalurAturan,
        nilai: Vec<String>,
    },
}

#[derive(Debug, Clone)]
struct Syarat {
    kolom: JalurAturan,
    uji: Uji,
    /// The rule applies when the test fails (`hanya-bila`).
    balik: bool,
}

#[derive(Debug, Clone)]
enum Uji {
    Sama(Value),
    Bukan(Value),
    Terisi(bool),
}

mod jalur;
mod periksa;
mod urai;

use jalur::JalurAturan;
pub use periksa::periksa;
pub use urai::urai;

#[cfg(test)]
mod tests;
