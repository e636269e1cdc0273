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

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::formulir::GalatIsian;
use crate::format;
use crate::konten::{JenisKolom, Kolom};

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
        deserialize_with = "satu_atau_banyak",
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

fn satu_atau_banyak<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
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

/// A field path of a rule (`desa[].nama`), resolved against the form.
#[derive(Debug, Clone)]
struct JalurAturan {
    teks: String,
    ruas: Vec<Ruas>,
    jenis: JenisKolom,
    /// The path ends at a repeated group (the rows themselves).
    ujung_ulang: bool,
}

#[derive(Debug, Clone)]
struct Ruas {
    nama: String,
    /// Every row of this repeated group.
    baris: bool,
}

impl JalurAturan {
    /// Whether the path goes through the rows of a repeated group.
    fn per_baris(&self) -> bool {
        self.ruas.iter().any(|r| r.baris)
    }

    /// The path up to its first `[]`: the repeated group whose rows are meant.
    fn grup(&self) -> String {
        let mut bagian = Vec::new();
        for r in &self.ruas {
            bagian.push(r.nama.as_str());
            if r.baris {
                break;
            }
        }
        bagian.join(".")
    }

    /// Every value at this path, each with its concrete path (`desa[1].nama`); an absent value
    /// is null.
    fn nilai<'v>(&self, data: &'v Value) -> Vec<(String, &'v Value)> {
        static KOSONG: Value = Value::Null;
        let mut sekarang: Vec<(String, &Value)> = vec![(String::new(), data)];
        for r in &self.ruas {
            let mut berikut = Vec::with_capacity(sekarang.len());
            for (jalur, v) in sekarang {
                let anak = v.get(&r.nama).unwrap_or(&KOSONG);
                let jalur = if jalur.is_empty() {
                    r.nama.clone()
                } else {
                    format!("{jalur}.{}", r.nama)
                };
                if r.baris {
                    if let Value::Array(a) = anak {
                        for (i, x) in a.iter().enumerate() {
                            berikut.push((format!("{jalur}[{i}]"), x));
                        }
                    }
                } else {
                    berikut.push((jalur, anak));
                }
            }
            sekarang = berikut;
        }
        sekarang
    }

    /// The one value of a path without rows.
    fn satu<'v>(&self, data: &'v Value) -> &'v Value {
        static KOSONG: Value = Value::Null;
        self.nilai(data)
            .into_iter()
            .next()
            .map(|(_, v)| v)
            .unwrap_or(&KOSONG)
    }
}

/// Resolves a rule path against the form: every segment a field of its group, `[]` exactly on
/// the repeated groups passed through (a repeated group at the end without `[]` means its rows).
fn urai_jalur(formulir: &[Kolom], teks: &str) -> Result<JalurAturan, String> {
    let salah = || format!("`{teks}` bukan kolom formulir ini");
    let mut sekarang = formulir;
    let mut ruas = Vec::new();
    let mut akhir: Option<&Kolom> = None;
    let bagian: Vec<&str> = teks.split('.').collect();
    for (i, seg) in bagian.iter().enumerate() {
        let (nama, baris) = match seg.strip_suffix("[]") {
            Some(n) => (n, true),
            None => (*seg, false),
        };
        let k = sekarang.iter().find(|k| k.nama == nama).ok_or_else(salah)?;
        let ulang = k.jenis == JenisKolom::Grup && k.ulang;
        let terakhir = i + 1 == bagian.len();
        if baris && !ulang {
            return Err(format!(
                "`{teks}`: `{nama}` bukan grup berulang, jadi tidak memakai `[]`"
            ));
        }
        if ulang && !baris && !terakhir {
            return Err(format!(
                "`{teks}`: `{nama}` grup berulang; tulis `{nama}[]` untuk kolom di setiap barisnya"
            ));
        }
        if baris && terakhir {
            return Err(format!(
                "`{teks}`: sebut kolom di dalam barisnya, mis. `{nama}[].{}`",
                k.kolom.first().map(|x| x.nama.as_str()).unwrap_or("nama")
            ));
        }
        if !terakhir && k.jenis != JenisKolom::Grup {
            return Err(salah());
        }
        ruas.push(Ruas {
            nama: k.nama.clone(),
            baris,
        });
        sekarang = &k.kolom;
        akhir = Some(k);
    }
    let k = akhir.ok_or_else(salah)?;
    Ok(JalurAturan {
        teks: teks.to_string(),
        ruas,
        jenis: k.jenis,
        ujung_ulang: k.jenis == JenisKolom::Grup && k.ulang,
    })
}

/// The field at the end of a path, for its type and choices.
fn kolom_di<'a>(formulir: &'a [Kolom], j: &JalurAturan) -> Option<&'a Kolom> {
    let mut sekarang = formulir;
    let mut akhir = None;
    for r in &j.ruas {
        let k = sekarang.iter().find(|k| k.nama == r.nama)?;
        sekarang = &k.kolom;
        akhir = Some(k);
    }
    akhir
}

/// The `{placeholders}` of a message, or why it cannot be read.
fn isian_dalam(pesan: &str) -> Result<Vec<&str>, String> {
    let mut nama = Vec::new();
    let mut sisa = pesan;
    while let Some(buka) = sisa.find(['{', '}']) {
        if sisa[buka..].starts_with('}') {
            return Err("`}` tanpa `{` di pesan".into());
        }
        let setelah = &sisa[buka + 1..];
        let tutup = setelah
            .find('}')
            .ok_or_else(|| "`{` tanpa `}` di pesan".to_string())?;
        nama.push(&setelah[..tutup]);
        sisa = &setelah[tutup + 1..];
    }
    Ok(nama)
}

/// `pesan` with each `{nama}` replaced.
fn isi_pesan(pesan: &str, isian: &[(&str, String)]) -> String {
    let mut keluar = pesan.to_string();
    for (nama, nilai) in isian {
        keluar = keluar.replace(&format!("{{{nama}}}"), nilai);
    }
    keluar
}

/// Checks a written rule against `formulir` and turns it into an [`Aturan`]; the message says
/// what is wrong, naming the key.
pub fn urai(m: &AturanMentah, formulir: &[Kolom]) -> Result<Aturan, String> {
    let jenis = m.jenis;
    let nama_jenis = jenis.nama();
    // Keys the kind does not use are mistakes, not silence.
    let dipakai: &[&str] = match jenis {
        JenisAturan::Urutan => &["awal", "akhir", "boleh_sama", "pada"],
        JenisAturan::LengkapBersama | JenisAturan::WajibBila | JenisAturan::HanyaBila => &["kolom"],
        JenisAturan::Unik => &["kolom"],
        JenisAturan::Termasuk | JenisAturan::Berbeda => &["kolom", "dari"],
        JenisAturan::JumlahPerNilai => &["kolom", "untuk", "sama_dengan"],
        JenisAturan::JangkaWaktu => &["mulai", "berakhir", "tahun"],
        JenisAturan::JumlahBaris => &["kolom", "min", "maks"],
        JenisAturan::Memuat => &["kolom", "nilai"],
    };
    let ditulis = [
        ("kolom", !m.kolom.is_empty()),
        ("awal", m.awal.is_some()),
        ("akhir", m.akhir.is_some()),
        ("boleh_sama", m.boleh_sama.is_some()),
        ("pada", m.pada.is_some()),
        ("dari", m.dari.is_some()),
        ("untuk", m.untuk.is_some()),
        ("sama_dengan", m.sama_dengan.is_some()),
        ("mulai", m.mulai.is_some()),
        ("berakhir", m.berakhir.is_some()),
        ("tahun", m.tahun.is_some()),
        ("min", m.min.is_some()),
        ("maks", m.maks.is_some()),
        ("nilai", !m.nilai.is_empty()),
    ];
    for (kunci, ada) in ditulis {
        if ada && !dipakai.contains(&kunci) {
            return Err(format!(
                "`{kunci}` tidak dipakai aturan `{nama_jenis}` (yang dipakai: {})",
                dipakai.join(", ")
            ));
        }
    }
    if m.pesan.trim().is_empty() {
        return Err("`pesan` tidak boleh kosong".into());
    }
    let boleh = jenis.isian_pesan();
    for n in isian_dalam(&m.pesan)? {
        if !boleh.contains(&n) {
            return Err(if boleh.is_empty() {
                format!("pesan aturan `{nama_jenis}` tidak memakai isian, tetapi ada `{{{n}}}`")
            } else {
                format!(
                    "isian `{{{n}}}` tidak dikenal untuk aturan `{nama_jenis}`; yang ada: {}",
                    boleh
                        .iter()
                        .map(|b| format!("{{{b}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            });
        }
    }

    let wajib_kunci = |kunci: &str, v: &Option<String>| -> Result<JalurAturan, String> {
        let teks = v
            .as_deref()
            .ok_or_else(|| format!("aturan `{nama_jenis}` memerlukan `{kunci}`"))?;
        urai_jalur(formulir, teks).map_err(|e| format!("{kunci}: {e}"))
    };
    let satu_kolom = || -> Result<JalurAturan, String> {
        match m.kolom.as_slice() {
            [k] => urai_jalur(formulir, k).map_err(|e| format!("kolom: {e}")),
            [] => Err(format!("aturan `{nama_jenis}` memerlukan `kolom`")),
            _ => Err(format!("aturan `{nama_jenis}` memakai satu `kolom` saja")),
        }
    };
    let banyak_kolom = |min: usize| -> Result<Vec<JalurAturan>, String> {
        if m.kolom.len() < min {
            return Err(format!(
                "aturan `{nama_jenis}` memerlukan sedikitnya {min} kolom di `kolom`"
            ));
        }
        m.kolom
            .iter()
            .map(|k| urai_jalur(formulir, k).map_err(|e| format!("kolom: {e}")))
            .collect()
    };
    let jenis_kolom = |j: &JalurAturan, kunci: &str, sah: &[JenisKolom]| -> Result<(), String> {
        if j.ujung_ulang || !sah.contains(&j.jenis) {
            let nama: Vec<&str> = sah.iter().map(|x| x.nama()).collect();
            return Err(format!(
                "{kunci}: `{}` berjenis {}, padahal aturan `{nama_jenis}` memerlukan {}",
                j.teks,
                if j.ujung_ulang {
                    "grup berulang"
                } else {
                    j.jenis.nama()
                },
                nama.join(" atau ")
            ));
        }
        Ok(())
    };
    let tanpa_baris = |j: &JalurAturan, kunci: &str| -> Result<(), String> {
        if j.per_baris() {
            return Err(format!(
                "{kunci}: `{}` ada di dalam grup berulang; aturan `{nama_jenis}` hanya untuk kolom di luar grup berulang",
                j.teks
            ));
        }
        Ok(())
    };
    let dengan_baris = |j: &JalurAturan, kunci: &str| -> Result<(), String> {
        if !j.per_baris() {
            return Err(format!(
                "{kunci}: aturan `{nama_jenis}` memerlukan kolom di setiap baris grup berulang, mis. `desa[].nama`; `{}` bukan",
                j.teks
            ));
        }
        Ok(())
    };
    let teks_atau_pilihan = [JenisKolom::Teks, JenisKolom::Pilihan];

    let bentuk = match jenis {
        JenisAturan::Urutan => {
            let awal = wajib_kunci("awal", &m.awal)?;
            let akhir = wajib_kunci("akhir", &m.akhir)?;
            tanpa_baris(&awal, "awal")?;
            tanpa_baris(&akhir, "akhir")?;
            let pukul = match (awal.jenis, akhir.jenis) {
                (JenisKolom::Tanggal, JenisKolom::Tanggal) => false,
                (JenisKolom::Teks, JenisKolom::Teks) => true,
                _ => {
                    return Err(format!(
                        "`awal` dan `akhir` harus keduanya tanggal, atau keduanya teks berisi pukul (JJ.MM); `{}` berjenis {} dan `{}` berjenis {}",
                        awal.teks, awal.jenis, akhir.teks, akhir.jenis
                    ));
                }
            };
            let boleh_sama = m.boleh_sama.ok_or_else(|| {
                "aturan `urutan` memerlukan `boleh_sama` (true: boleh pada saat yang sama; false: harus sesudahnya)".to_string()
            })?;
            let pada_awal = match m.pada.as_deref() {
                None => false,
                Some(p) if p == awal.teks => true,
                Some(p) if p == akhir.teks => false,
                Some(p) => {
                    return Err(format!(
                        "pada: `{p}` harus salah satu dari `{}` dan `{}`",
                        awal.teks, akhir.teks
                    ));
                }
            };
            Bentuk::Urutan {
                awal,
                akhir,
                boleh_sama,
                pada_awal,
                pukul,
            }
        }
        JenisAturan::LengkapBersama => {
            let k = banyak_kolom(2)?;
            for j in &k {
                tanpa_baris(j, "kolom")?;
                if j.jenis == JenisKolom::Grup {
                    return Err(format!(
                        "kolom: `{}` adalah grup, bukan kolom isian",
                        j.teks
                    ));
                }
            }
            Bentuk::LengkapBersama(k)
        }
        JenisAturan::WajibBila | JenisAturan::HanyaBila => {
            let k = banyak_kolom(1)?;
            for j in &k {
                if j.jenis == JenisKolom::Grup && !j.ujung_ulang {
                    return Err(format!(
                        "kolom: `{}` adalah grup; sebut kolom di dalamnya",
                        j.teks
                    ));
                }
            }
            if m.bila.is_none() {
                return Err(format!("aturan `{nama_jenis}` memerlukan `bila`"));
            }
            if jenis == JenisAturan::WajibBila {
                Bentuk::Wajib(k)
            } else {
                Bentuk::Kosong(k)
            }
        }
        JenisAturan::Unik => {
            let k = satu_kolom()?;
            dengan_baris(&k, "kolom")?;
            jenis_kolom(
                &k,
                "kolom",
                &[JenisKolom::Teks, JenisKolom::Pilihan, JenisKolom::Angka],
            )?;
            Bentuk::Unik(k)
        }
        JenisAturan::Termasuk | JenisAturan::Berbeda => {
            let kolom = satu_kolom()?;
            jenis_kolom(&kolom, "kolom", &teks_atau_pilihan)?;
            let dari = wajib_kunci("dari", &m.dari)?;
            jenis_kolom(&dari, "dari", &teks_atau_pilihan)?;
            Bentuk::Termasuk {
                kolom,
                dari,
                berbeda: jenis == JenisAturan::Berbeda,
            }
        }
        JenisAturan::JumlahPerNilai => {
            let kolom = satu_kolom()?;
            dengan_baris(&kolom, "kolom")?;
            jenis_kolom(&kolom, "kolom", &teks_atau_pilihan)?;
            let untuk = wajib_kunci("untuk", &m.untuk)?;
            jenis_kolom(&untuk, "untuk", &teks_atau_pilihan)?;
            let sama_dengan = wajib_kunci("sama_dengan", &m.sama_dengan)?;
            tanpa_baris(&sama_dengan, "sama_dengan")?;
            jenis_kolom(&sama_dengan, "sama_dengan", &[JenisKolom::Angka])?;
            Bentuk::JumlahPerNilai {
                kolom,
                untuk,
                sama_dengan,
            }
        }
        JenisAturan::JangkaWaktu => {
            let mulai = wajib_kunci("mulai", &m.mulai)?;
            let berakhir = wajib_kunci("berakhir", &m.berakhir)?;
            let tahun = wajib_kunci("tahun", &m.tahun)?;
            for (j, kunci, sah) in [
                (&mulai, "mulai", JenisKolom::Tanggal),
                (&berakhir, "berakhir", JenisKolom::Tanggal),
                (&tahun, "tahun", JenisKolom::Angka),
            ] {
                tanpa_baris(j, kunci)?;
                jenis_kolom(j, kunci, &[sah])?;
            }
            Bentuk::JangkaWaktu {
                mulai,
                berakhir,
                tahun,
            }
        }
        JenisAturan::JumlahBaris => {
            let kolom = satu_kolom()?;
            tanpa_baris(&kolom, "kolom")?;
            if !(kolom.ujung_ulang || kolom.jenis == JenisKolom::Daftar) {
                return Err(format!(
                    "kolom: `{}` harus grup berulang atau daftar",
                    kolom.teks
                ));
            }
            if m.min.is_none() && m.maks.is_none() {
                return Err("aturan `jumlah-baris` memerlukan `min`, `maks`, atau keduanya".into());
            }
            if let (Some(a), Some(b)) = (m.min, m.maks)
                && a > b
            {
                return Err(format!("`min` ({a}) lebih besar dari `maks` ({b})"));
            }
            Bentuk::JumlahBaris {
                kolom,
                min: m.min,
                maks: m.maks,
            }
        }
        JenisAturan::Memuat => {
            let kolom = satu_kolom()?;
            dengan_baris(&kolom, "kolom")?;
            jenis_kolom(&kolom, "kolom", &teks_atau_pilihan)?;
            if m.nilai.is_empty() || m.nilai.iter().any(|n| n.trim().is_empty()) {
                return Err(
                    "aturan `memuat` memerlukan `nilai`: daftar nilai yang tidak kosong".into(),
                );
            }
            if let Some(k) = kolom_di(formulir, &kolom)
                && k.jenis == JenisKolom::Pilihan
                && let Some(n) = m.nilai.iter().find(|n| !k.pilihan.contains(n))
            {
                return Err(format!(
                    "nilai: `{n}` bukan pilihan `{}` ({})",
                    kolom.teks,
                    k.pilihan.join(", ")
                ));
            }
            Bentuk::Memuat {
                kolom,
                nilai: m.nilai.clone(),
            }
        }
    };
    let bila = match &m.bila {
        None => None,
        Some(s) => Some(urai_syarat(s, formulir, jenis == JenisAturan::HanyaBila)?),
    };
    Ok(Aturan {
        bentuk,
        bila,
        pesan: m.pesan.trim().to_string(),
    })
}

fn urai_syarat(s: &SyaratMentah, formulir: &[Kolom], balik: bool) -> Result<Syarat, String> {
    let kolom = urai_jalur(formulir, &s.kolom).map_err(|e| format!("bila: {e}"))?;
    if kolom.per_baris() || kolom.jenis == JenisKolom::Grup {
        return Err(format!(
            "bila: `{}` harus satu kolom isian di luar grup berulang",
            kolom.teks
        ));
    }
    let uji = match (&s.sama, &s.bukan, s.terisi) {
        (Some(v), None, None) => Uji::Sama(v.clone()),
        (None, Some(v), None) => Uji::Bukan(v.clone()),
        (None, None, Some(t)) => Uji::Terisi(t),
        _ => return Err("bila: tulis tepat satu dari `sama`, `bukan` atau `terisi`".into()),
    };
    if let Uji::Sama(v) | Uji::Bukan(v) = &uji {
        let k = kolom_di(formulir, &kolom)
            .ok_or_else(|| format!("bila: `{}` tidak ada", kolom.teks))?;
        match k.jenis {
            JenisKolom::Pilihan => {
                if !v.as_str().is_some_and(|x| k.pilihan.iter().any(|p| p == x)) {
                    return Err(format!(
                        "bila: `{v}` bukan pilihan `{}` ({})",
                        kolom.teks,
                        k.pilihan.join(", ")
                    ));
                }
            }
            JenisKolom::YaTidak => {
                if !v.is_boolean() {
                    return Err(format!(
                        "bila: `{}` berjenis ya-tidak; bandingkan dengan true atau false",
                        kolom.teks
                    ));
                }
            }
            j => {
                return Err(format!(
                    "bila: `{}` berjenis {j}; `sama` dan `bukan` hanya untuk pilihan dan ya-tidak (pakai `terisi` untuk yang lain)",
                    kolom.teks
                ));
            }
        }
    }
    Ok(Syarat { kolom, uji, balik })
}

/// Whether a normalized value says something: not null, not blank, not an empty list, not
/// "tidak".
fn terisi(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => o.values().any(terisi),
        Value::Number(_) => true,
    }
}

/// Text compared as people mean it: case and spacing ignored.
fn baku(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!s.is_empty()).then_some(s)
}

/// `09.00` (or `09:00`, `9.00`) as minutes after midnight.
fn pukul(v: &Value) -> Option<u32> {
    let s = v.as_str()?.trim();
    let (j, m) = s.split_once(['.', ':'])?;
    if j.is_empty() || j.len() > 2 || m.len() != 2 {
        return None;
    }
    let (j, m): (u32, u32) = (j.parse().ok()?, m.parse().ok()?);
    (j < 24 && m < 60).then_some(j * 60 + m)
}

/// The same day `n` years later (29 February becomes 28 February in a common year).
fn tambah_tahun(t: time::Date, n: i64) -> Option<time::Date> {
    let tahun = i32::try_from(i64::from(t.year()) + n).ok()?;
    time::Date::from_calendar_date(tahun, t.month(), t.day())
        .or_else(|_| time::Date::from_calendar_date(tahun, t.month(), t.day() - 1))
        .ok()
}

impl Syarat {
    fn berlaku(&self, data: &Value) -> bool {
        let v = self.kolom.satu(data);
        let hasil = match &self.uji {
            Uji::Sama(x) => v == x,
            Uji::Bukan(x) => v != x,
            Uji::Terisi(t) => terisi(v) == *t,
        };
        hasil != self.balik
    }
}

/// Every rule broken by `data` (normalized by the field checks), in the rules' order.
pub fn periksa(aturan: &[Aturan], data: &Value) -> Vec<GalatIsian> {
    let mut galat = Vec::new();
    for a in aturan {
        if a.bila.as_ref().is_some_and(|s| !s.berlaku(data)) {
            continue;
        }
        a.periksa(data, &mut galat);
    }
    galat
}

impl Aturan {
    fn periksa(&self, data: &Value, galat: &mut Vec<GalatIsian>) {
        let mut catat = |jalur: &str, pesan: String| {
            galat.push(GalatIsian {
                jalur: jalur.to_string(),
                pesan,
            })
        };
        let pesan = |isian: &[(&str, String)]| isi_pesan(&self.pesan, isian);
        match &self.bentuk {
            Bentuk::Urutan {
                awal,
                akhir,
                boleh_sama,
                pada_awal,
                pukul: jam,
            } => {
                let (va, vb) = (awal.satu(data), akhir.satu(data));
                if !terisi(va) || !terisi(vb) {
                    return;
                }
                let urut = if *jam {
                    let (a, b) = (pukul(va), pukul(vb));
                    for (x, j) in [(a, awal), (b, akhir)] {
                        if x.is_none() {
                            catat(&j.teks, "Tulis pukul sebagai JJ.MM, mis. 09.00.".into());
                        }
                    }
                    match (a, b) {
                        (Some(a), Some(b)) => a.cmp(&b),
                        _ => return,
                    }
                } else {
                    match (
                        va.as_str().and_then(format::urai_tanggal),
                        vb.as_str().and_then(format::urai_tanggal),
                    ) {
                        (Some(a), Some(b)) => a.cmp(&b),
                        _ => return,
                    }
                };
                let salah = match urut {
                    std::cmp::Ordering::Greater => true,
                    std::cmp::Ordering::Equal => !boleh_sama,
                    std::cmp::Ordering::Less => false,
                };
                if salah {
                    catat(
                        if *pada_awal { &awal.teks } else { &akhir.teks },
                        pesan(&[]),
                    );
                }
            }
            Bentuk::LengkapBersama(kolom) => {
                let nilai: Vec<(&JalurAturan, bool)> =
                    kolom.iter().map(|j| (j, terisi(j.satu(data)))).collect();
                if nilai.iter().any(|(_, t)| *t) {
                    for (j, t) in nilai {
                        if !t {
                            catat(&j.teks, pesan(&[]));
                        }
                    }
                }
            }
            Bentuk::Wajib(kolom) => {
                for j in kolom {
                    if j.per_baris() {
                        for (p, v) in j.nilai(data) {
                            if !terisi(v) {
                                catat(&p, pesan(&[]));
                            }
                        }
                    } else if !terisi(j.satu(data)) {
                        catat(&j.teks, pesan(&[]));
                    }
                }
            }
            Bentuk::Kosong(kolom) => {
                for j in kolom {
                    for (p, v) in j.nilai(data) {
                        if terisi(v) {
                            catat(&p, pesan(&[]));
                        }
                    }
                }
            }
            Bentuk::Unik(kolom) => {
                let mut terlihat: HashSet<String> = HashSet::new();
                for (p, v) in kolom.nilai(data) {
                    if let Some(b) = baku(v)
                        && !terlihat.insert(b)
                    {
                        catat(&p, pesan(&[("nilai", tampil(v))]));
                    }
                }
            }
            Bentuk::Termasuk {
                kolom,
                dari,
                berbeda,
            } => {
                let himpunan: Vec<String> = dari
                    .nilai(data)
                    .into_iter()
                    .filter_map(|(_, v)| baku(v))
                    .collect();
                for (p, v) in kolom.nilai(data) {
                    let Some(b) = baku(v) else { continue };
                    if himpunan.contains(&b) == *berbeda {
                        catat(&p, pesan(&[("nilai", tampil(v))]));
                    }
                }
            }
            Bentuk::JumlahPerNilai {
                kolom,
                untuk,
                sama_dengan,
            } => {
                let Some(harus) = sama_dengan.satu(data).as_i64() else {
                    return;
                };
                let mut hitung: HashMap<String, i64> = HashMap::new();
                for (_, v) in kolom.nilai(data) {
                    if let Some(b) = baku(v) {
                        *hitung.entry(b).or_default() += 1;
                    }
                }
                let mut sudah: Vec<String> = Vec::new();
                for (_, v) in untuk.nilai(data) {
                    let Some(b) = baku(v) else { continue };
                    if sudah.contains(&b) {
                        continue;
                    }
                    let n = hitung.get(&b).copied().unwrap_or(0);
                    if n != harus {
                        catat(
                            &kolom.grup(),
                            pesan(&[
                                ("nilai", tampil(v)),
                                ("jumlah", n.to_string()),
                                ("harus", harus.to_string()),
                            ]),
                        );
                    }
                    sudah.push(b);
                }
            }
            Bentuk::JangkaWaktu {
                mulai,
                berakhir,
                tahun,
            } => {
                let (Some(awal), Some(akhir), Some(n)) = (
                    mulai.satu(data).as_str().and_then(format::urai_tanggal),
                    berakhir.satu(data).as_str().and_then(format::urai_tanggal),
                    tahun.satu(data).as_i64(),
                ) else {
                    return;
                };
                let Some(genap) = tambah_tahun(awal, n) else {
                    return;
                };
                // "Sejak … sampai dengan …": the term ends the day before the anniversary;
                // the anniversary itself is accepted too.
                let sehari_sebelum = genap.previous_day().unwrap_or(genap);
                if akhir != genap && akhir != sehari_sebelum {
                    catat(
                        &berakhir.teks,
                        pesan(&[
                            ("tahun", n.to_string()),
                            ("tahun_terbilang", format::terbilang_bilangan(n as f64)),
                            ("mulai", format::tanggal_panjang_dari(awal)),
                            ("berakhir", format::tanggal_panjang_dari(akhir)),
                            ("seharusnya", format::tanggal_panjang_dari(sehari_sebelum)),
                        ]),
                    );
                }
            }
            Bentuk::JumlahBaris { kolom, min, maks } => {
                let n = match kolom.satu(data) {
                    Value::Array(a) => a.len(),
                    _ => 0,
                };
                let kurang = min.is_some_and(|m| n < m as usize);
                let lebih = maks.is_some_and(|m| n > m as usize);
                if kurang || lebih {
                    catat(
                        &kolom.teks,
                        pesan(&[
                            ("jumlah", n.to_string()),
                            ("min", min.map(|m| m.to_string()).unwrap_or_default()),
                            ("maks", maks.map(|m| m.to_string()).unwrap_or_default()),
                        ]),
                    );
                }
            }
            Bentuk::Memuat { kolom, nilai } => {
                let ada: Vec<String> = kolom
                    .nilai(data)
                    .into_iter()
                    .filter_map(|(_, v)| baku(v))
                    .collect();
                for n in nilai {
                    let b = baku(&Value::String(n.clone())).unwrap_or_default();
                    if !ada.contains(&b) {
                        catat(&kolom.grup(), pesan(&[("nilai", n.clone())]));
                    }
                }
            }
        }
    }
}

/// A value as the message shows it: the text as typed, trimmed.
fn tampil(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        x => x.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn formulir() -> Vec<Kolom> {
        serde_yaml::from_str(
            r#"
- {nama: jenis, label: Jenis, jenis: pilihan, pilihan: [satu, banyak], bawaan: satu}
- {nama: mulai, label: Mulai, jenis: tanggal}
- {nama: akhir, label: Akhir, jenis: tanggal}
- {nama: tahun, label: Tahun, jenis: angka}
- {nama: jam_mulai, label: Jam mulai, jenis: teks}
- {nama: jam_selesai, label: Jam selesai, jenis: teks}
- {nama: wakil, label: Wakil per desa, jenis: angka}
- {nama: aktif, label: Aktif, jenis: ya-tidak}
- {nama: catatan, label: Catatan, jenis: teks}
- nama: perdes
  label: Perdes
  jenis: grup
  kolom:
    - {nama: nomor, label: Nomor, jenis: teks}
    - {nama: tahun, label: Tahun, jenis: angka}
- nama: desa
  label: Desa
  jenis: grup
  ulang: true
  kolom:
    - {nama: nama, label: Nama, jenis: teks}
    - {nama: catatan, label: Catatan, jenis: teks}
- nama: pengurus
  label: Pengurus
  jenis: grup
  ulang: true
  kolom:
    - {nama: jabatan, label: Jabatan, jenis: teks}
    - {nama: asal, label: Asal, jenis: teks}
"#,
        )
        .expect("schema")
    }

    fn aturan(yaml: &str) -> Result<Aturan, String> {
        let m: AturanMentah = serde_yaml::from_str(yaml).map_err(|e| e.to_string())?;
        urai(&m, &formulir())
    }

    fn jalur(yaml: &str, data: Value) -> Vec<(String, String)> {
        let a = aturan(yaml).expect("a valid rule");
        periksa(&[a], &data)
            .into_iter()
            .map(|g| (g.jalur, g.pesan))
            .collect()
    }

    #[test]
    fn dates_in_order() {
        let r = "{jenis: urutan, awal: mulai, akhir: akhir, boleh_sama: true, pesan: Akhir sebelum mulai.}";
        assert_eq!(
            jalur(r, json!({"mulai": "2025-07-02", "akhir": "2025-07-01"})),
            [("akhir".into(), "Akhir sebelum mulai.".into())]
        );
        assert!(jalur(r, json!({"mulai": "2025-07-01", "akhir": "2025-07-01"})).is_empty());
        assert!(jalur(r, json!({"mulai": "2025-07-01", "akhir": null})).is_empty());
        let ketat = r.replace("boleh_sama: true", "boleh_sama: false, pada: mulai");
        assert_eq!(
            jalur(
                &ketat,
                json!({"mulai": "2025-07-01", "akhir": "2025-07-01"})
            )[0]
            .0,
            "mulai"
        );
    }

    #[test]
    fn times_of_day_in_order() {
        let r = "{jenis: urutan, awal: jam_mulai, akhir: jam_selesai, boleh_sama: false, pesan: x}";
        assert_eq!(
            jalur(r, json!({"jam_mulai": "13.00", "jam_selesai": "12.30"})).len(),
            1
        );
        assert!(jalur(r, json!({"jam_mulai": "9.00", "jam_selesai": "12:30"})).is_empty());
        let g = jalur(r, json!({"jam_mulai": "pagi", "jam_selesai": "12.30"}));
        assert_eq!(g[0].0, "jam_mulai");
        assert!(g[0].1.contains("JJ.MM"), "{g:?}");
    }

    #[test]
    fn all_or_none_required_when_and_only_when() {
        let r =
            "{jenis: lengkap-bersama, kolom: [perdes.nomor, perdes.tahun], pesan: Isi bersama.}";
        assert_eq!(
            jalur(r, json!({"perdes": {"nomor": "3", "tahun": null}})),
            [("perdes.tahun".into(), "Isi bersama.".into())]
        );
        assert!(jalur(r, json!({"perdes": null})).is_empty());

        let r = "{jenis: wajib-bila, kolom: [catatan, 'desa[].catatan', desa], bila: {kolom: jenis, sama: banyak}, pesan: Wajib.}";
        let g = jalur(
            r,
            json!({"jenis": "banyak", "desa": [{"nama": "A", "catatan": "x"}, {"nama": "B"}]}),
        );
        let p: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(p, ["catatan", "desa[1].catatan"]);
        assert_eq!(
            jalur(r, json!({"jenis": "banyak", "desa": []}))[1].0,
            "desa"
        );
        assert!(jalur(r, json!({"jenis": "satu"})).is_empty());

        let r = "{jenis: hanya-bila, kolom: [catatan, 'desa[].catatan'], bila: {kolom: aktif, sama: true}, pesan: Hanya bila aktif.}";
        let data =
            json!({"aktif": false, "catatan": "x", "desa": [{"catatan": ""}, {"catatan": "y"}]});
        let p: Vec<String> = jalur(r, data.clone()).into_iter().map(|x| x.0).collect();
        assert_eq!(p, ["catatan", "desa[1].catatan"]);
        let mut aktif = data;
        aktif["aktif"] = json!(true);
        assert!(jalur(r, aktif).is_empty());
    }

    #[test]
    fn unique_membership_counts_and_contents() {
        let desa = json!([{"nama": "Sukamaju"}, {"nama": " sukamaju "}, {"nama": "Mekarwangi"}]);
        let r = "{jenis: unik, kolom: 'desa[].nama', pesan: 'Desa {nilai} sudah ada.'}";
        assert_eq!(
            jalur(r, json!({"desa": desa})),
            [("desa[1].nama".into(), "Desa sukamaju sudah ada.".into())]
        );

        let r = "{jenis: termasuk, kolom: 'pengurus[].asal', dari: 'desa[].nama', pesan: '{nilai} bukan desa pembentuk.'}";
        let data =
            json!({"desa": desa, "pengurus": [{"asal": "Mekarwangi"}, {"asal": "Cibeureum"}]});
        assert_eq!(
            jalur(r, data.clone()),
            [(
                "pengurus[1].asal".into(),
                "Cibeureum bukan desa pembentuk.".into()
            )]
        );
        let r =
            "{jenis: berbeda, kolom: catatan, dari: 'desa[].nama', pesan: 'Sama dengan {nilai}.'}";
        assert_eq!(
            jalur(r, json!({"desa": desa, "catatan": "MEKARWANGI"})).len(),
            1
        );

        let r = "{jenis: jumlah-per-nilai, kolom: 'pengurus[].asal', untuk: 'desa[].nama', sama_dengan: wakil, pesan: 'Desa {nilai}: {jumlah} wakil, harus {harus}.'}";
        let g = jalur(
            r,
            json!({"wakil": 1, "desa": desa, "pengurus": [{"asal": "Mekarwangi"}, {"asal": "Mekarwangi"}]}),
        );
        assert_eq!(
            g,
            [
                ("pengurus".into(), "Desa Sukamaju: 0 wakil, harus 1.".into()),
                (
                    "pengurus".into(),
                    "Desa Mekarwangi: 2 wakil, harus 1.".into()
                ),
            ]
        );

        let r = "{jenis: memuat, kolom: 'pengurus[].jabatan', nilai: [Ketua, Bendahara], pesan: 'Tidak ada {nilai}.'}";
        assert_eq!(
            jalur(
                r,
                json!({"pengurus": [{"jabatan": "ketua"}, {"jabatan": "Anggota"}]})
            ),
            [("pengurus".into(), "Tidak ada Bendahara.".into())]
        );
    }

    #[test]
    fn term_matches_the_dates() {
        let r = "{jenis: jangka-waktu, mulai: mulai, berakhir: akhir, tahun: tahun, pesan: '{tahun} ({tahun_terbilang}) tahun sejak {mulai} berakhir {seharusnya}, bukan {berakhir}.'}";
        for akhir in ["2028-07-31", "2028-08-01"] {
            assert!(
                jalur(
                    r,
                    json!({"mulai": "2025-08-01", "akhir": akhir, "tahun": 3})
                )
                .is_empty(),
                "{akhir}"
            );
        }
        assert_eq!(
            jalur(
                r,
                json!({"mulai": "2025-08-01", "akhir": "2027-07-31", "tahun": 3})
            ),
            [(
                "akhir".into(),
                "3 (tiga) tahun sejak 1 Agustus 2025 berakhir 31 Juli 2028, bukan 31 Juli 2027."
                    .into()
            )]
        );
        // 29 February: the anniversary in a common year is 28 February.
        assert!(
            jalur(
                r,
                json!({"mulai": "2024-02-29", "akhir": "2025-02-27", "tahun": 1})
            )
            .is_empty()
        );
    }

    #[test]
    fn rows_counted_when_a_choice_holds() {
        let r = "{jenis: jumlah-baris, kolom: desa, min: 2, bila: {kolom: jenis, sama: banyak}, pesan: 'Paling sedikit {min}, ada {jumlah}.'}";
        assert_eq!(
            jalur(r, json!({"jenis": "banyak", "desa": [{"nama": "A"}]})),
            [("desa".into(), "Paling sedikit 2, ada 1.".into())]
        );
        assert!(jalur(r, json!({"jenis": "satu", "desa": [{"nama": "A"}]})).is_empty());
        let r = "{jenis: jumlah-baris, kolom: desa, maks: 1, bila: {kolom: catatan, terisi: false}, pesan: Satu saja.}";
        assert_eq!(jalur(r, json!({"desa": [{}, {}]})).len(), 1);
        assert!(jalur(r, json!({"catatan": "x", "desa": [{}, {}]})).is_empty());
    }

    #[test]
    fn wrong_rules_say_what_is_wrong() {
        for (yaml, harap) in [
            (
                "{jenis: urutan, awal: mulai, akhir: selesai, boleh_sama: true, pesan: x}",
                "`selesai` bukan kolom",
            ),
            (
                "{jenis: urutan, awal: mulai, akhir: tahun, boleh_sama: true, pesan: x}",
                "keduanya tanggal",
            ),
            (
                "{jenis: urutan, awal: mulai, akhir: akhir, pesan: x}",
                "boleh_sama",
            ),
            (
                "{jenis: urutan, awal: mulai, akhir: akhir, boleh_sama: true, pesan: x, kolom: [a]}",
                "`kolom` tidak dipakai",
            ),
            ("{jenis: unik, kolom: desa.nama, pesan: x}", "grup berulang"),
            (
                "{jenis: unik, kolom: 'perdes[].nomor', pesan: x}",
                "bukan grup berulang",
            ),
            ("{jenis: unik, kolom: catatan, pesan: x}", "setiap baris"),
            (
                "{jenis: unik, kolom: 'desa[].nama', pesan: 'Ada {jumlah}.'}",
                "`{jumlah}` tidak dikenal",
            ),
            (
                "{jenis: urutan, awal: mulai, akhir: akhir, boleh_sama: true, pesan: 'Ada {nilai}.'}",
                "tidak memakai isian",
            ),
            (
                "{jenis: wajib-bila, kolom: [catatan], pesan: x}",
                "memerlukan `bila`",
            ),
            (
                "{jenis: wajib-bila, kolom: [catatan], bila: {kolom: jenis, sama: tiga}, pesan: x}",
                "bukan pilihan",
            ),
            (
                "{jenis: wajib-bila, kolom: [catatan], bila: {kolom: aktif, sama: ya}, pesan: x}",
                "true atau false",
            ),
            (
                "{jenis: wajib-bila, kolom: [catatan], bila: {kolom: jenis}, pesan: x}",
                "tepat satu",
            ),
            (
                "{jenis: jangka-waktu, mulai: mulai, berakhir: akhir, tahun: catatan, pesan: x}",
                "memerlukan angka",
            ),
            (
                "{jenis: jumlah-baris, kolom: catatan, min: 1, pesan: x}",
                "grup berulang atau daftar",
            ),
            (
                "{jenis: jumlah-baris, kolom: desa, min: 3, maks: 2, pesan: x}",
                "lebih besar",
            ),
            (
                "{jenis: lengkap-bersama, kolom: [catatan], pesan: x}",
                "sedikitnya 2",
            ),
            (
                "{jenis: memuat, kolom: 'pengurus[].jabatan', pesan: x}",
                "memerlukan `nilai`",
            ),
            (
                "{jenis: termasuk, kolom: catatan, dari: 'desa[].nama', pesan: '  '}",
                "`pesan` tidak boleh kosong",
            ),
            (
                "{jenis: termasuk, kolom: catatan, dari: 'desa[].nama', pesan: 'a {nilai'}",
                "tanpa `}`",
            ),
        ] {
            let e = aturan(yaml).expect_err(yaml);
            assert!(e.contains(harap), "{harap:?} in {e:?} for {yaml}");
        }
        let e = serde_yaml::from_str::<AturanMentah>("{jenis: lebih-dari, pesan: x}")
            .expect_err("unknown kind")
            .to_string();
        assert!(e.contains("lebih-dari"), "{e}");
    }
}
