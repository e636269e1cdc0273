//! Form data checked against a document's field schema: every problem at once (up to a cap),
//! each with the path of its field (`desa[2].nama`), and the data normalized for the wording and
//! the layout.

use serde::Serialize;
use serde_json::{Map, Value};

use super::aturan::{self, Aturan};
use super::gambar::{self, Gambar};
use crate::format;
use crate::konten::{JenisKolom, Kolom};

/// One problem in the submitted data.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct GalatIsian {
    /// `desa[2].nama`
    pub jalur: String,
    pub pesan: String,
}

impl std::fmt::Display for GalatIsian {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.jalur, self.pesan)
    }
}

/// At most this many problems are reported; a hostile body must not get a reply larger than
/// itself.
pub const BATAS_MASALAH: usize = 50;
/// Rows of a repeated group or items of a list when the schema sets no `maks`.
const BATAS_BUTIR: usize = 100;
/// Characters of a `teks` / `paragraf` field when the schema sets no `maks`.
const BATAS_TEKS: usize = 500;
const BATAS_PARAGRAF: usize = 20_000;
/// Amounts and numbers are printed in words, which go up to 999 triliun.
pub const BATAS_ANGKA: f64 = 999_999_999_999_999.0;

/// The most rows a repeated group (or items a list) may have.
pub fn batas_butir(k: &Kolom) -> usize {
    k.maks
        .filter(|m| *m >= 0.0)
        .map(|m| (m as usize).min(BATAS_BUTIR * 10))
        .unwrap_or(BATAS_BUTIR)
}

/// The most characters of a text field.
fn batas_teks(k: &Kolom) -> usize {
    k.maks
        .filter(|m| *m >= 0.0)
        .map(|m| m as usize)
        .unwrap_or(if k.jenis == JenisKolom::Paragraf {
            BATAS_PARAGRAF
        } else {
            BATAS_TEKS
        })
}

/// Checked data, ready for the wording: values normalized, the image read.
#[derive(Debug)]
pub struct Terperiksa {
    /// The data, with each image field replaced by `true`.
    pub isian: Value,
    /// The emblem, if the form has an image field and it was filled.
    pub gambar: Option<Gambar>,
}

/// Problems found so far, at most [`BATAS_MASALAH`] kept.
struct Catatan {
    galat: Vec<GalatIsian>,
    lain: usize,
    gambar: Option<Gambar>,
}

impl Catatan {
    fn catat(&mut self, jalur: &str, pesan: String) {
        if self.galat.len() < BATAS_MASALAH {
            self.galat.push(GalatIsian {
                jalur: jalur.into(),
                pesan,
            });
        } else {
            self.lain += 1;
        }
    }

    fn penuh(&self) -> bool {
        self.galat.len() >= BATAS_MASALAH
    }
}

/// Checks `data` against the fields of `kolom`, then against the form's cross-field rules on
/// the normalized data: a rule's message goes on the field to fix, unless that field already
/// has a problem of its own. On success the data comes back normalized: text trimmed, numbers
/// as numbers, yes/no as booleans, defaults filled in, absent optional values as null.
pub fn periksa(
    kolom: &[Kolom],
    aturan: &[Aturan],
    data: &Value,
) -> Result<Terperiksa, Vec<GalatIsian>> {
    let mut c = Catatan {
        galat: Vec::new(),
        lain: 0,
        gambar: None,
    };
    let hasil = periksa_grup(kolom, data, "", &mut c);
    if !aturan.is_empty() && !c.penuh() {
        let sudah: Vec<String> = c.galat.iter().map(|g| g.jalur.clone()).collect();
        let mut dari_aturan: Vec<GalatIsian> = Vec::new();
        for g in aturan::periksa(aturan, &hasil) {
            if !sudah.contains(&g.jalur) && !dari_aturan.contains(&g) {
                dari_aturan.push(g);
            }
        }
        for g in dari_aturan {
            c.catat(&g.jalur, g.pesan);
        }
    }
    if c.galat.is_empty() {
        return Ok(Terperiksa {
            isian: hasil,
            gambar: c.gambar,
        });
    }
    if c.lain > 0 {
        c.galat.push(GalatIsian {
            jalur: "(data)".into(),
            pesan: format!("dan {} masalah lain yang tidak ditampilkan", c.lain),
        });
    }
    Err(c.galat)
}

fn jalur_anak(awalan: &str, nama: &str) -> String {
    if awalan.is_empty() {
        nama.to_string()
    } else {
        format!("{awalan}.{nama}")
    }
}

fn kosong(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(kosong),
        _ => false,
    }
}

fn periksa_grup(kolom: &[Kolom], data: &Value, awalan: &str, c: &mut Catatan) -> Value {
    let kosong_map = Map::new();
    let peta = match data {
        Value::Object(m) => m,
        Value::Null => &kosong_map,
        _ => {
            c.catat(
                if awalan.is_empty() { "(data)" } else { awalan },
                "harus berupa kumpulan kolom (`nama: nilai`)".into(),
            );
            return Value::Null;
        }
    };
    for k in peta.keys() {
        if c.penuh() {
            c.lain += 1;
            continue;
        }
        if !kolom.iter().any(|x| &x.nama == k) {
            let nama: String = k.chars().take(60).collect();
            c.catat(
                &jalur_anak(awalan, &nama),
                "kolom ini tidak dikenal untuk dokumen ini".into(),
            );
        }
    }
    let mut keluar = Map::new();
    for k in kolom {
        let jalur = jalur_anak(awalan, &k.nama);
        let nilai = peta
            .get(&k.nama)
            .filter(|v| !kosong(v))
            .or(k.bawaan.as_ref());
        keluar.insert(k.nama.clone(), periksa_kolom(k, nilai, &jalur, c));
    }
    Value::Object(keluar)
}

/// Whether a list's length is within bounds; an over-long list is not looked into further.
fn batas_jumlah(k: &Kolom, n: usize, jalur: &str, c: &mut Catatan) -> bool {
    if let Some(min) = k.min
        && (n as f64) < min
    {
        c.catat(jalur, format!("isi paling sedikit {min} butir"));
    }
    let maks = batas_butir(k);
    if n > maks {
        c.catat(jalur, format!("paling banyak {maks} butir (sekarang {n})"));
        return false;
    }
    true
}

fn periksa_kolom(k: &Kolom, nilai: Option<&Value>, jalur: &str, c: &mut Catatan) -> Value {
    let salah = |c: &mut Catatan, pesan: String| {
        c.catat(jalur, pesan);
        Value::Null
    };
    let Some(v) = nilai else {
        return match k.jenis {
            JenisKolom::YaTidak => Value::Bool(false),
            // A required group is always there (its own fields say what must be filled); an
            // optional one left empty is null, so the wording can ask `{% if perdes %}`.
            JenisKolom::Grup if !k.ulang && k.wajib => {
                periksa_grup(&k.kolom, &Value::Null, jalur, c)
            }
            JenisKolom::Daftar | JenisKolom::Grup if k.ulang || k.jenis == JenisKolom::Daftar => {
                if k.wajib || k.min.is_some_and(|m| m > 0.0) {
                    salah(c, format!("{} wajib diisi", k.label))
                } else {
                    Value::Array(Vec::new())
                }
            }
            _ if k.wajib => salah(c, format!("{} wajib diisi", k.label)),
            _ => Value::Null,
        };
    };
    match k.jenis {
        JenisKolom::Teks | JenisKolom::Paragraf => {
            let s = match v {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                _ => return salah(c, format!("{} harus berupa teks", k.label)),
            };
            let s = if k.jenis == JenisKolom::Teks {
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                s
            };
            let n = s.chars().count();
            if let Some(min) = k.min
                && (n as f64) < min
            {
                return salah(c, format!("paling sedikit {min} karakter"));
            }
            let maks = batas_teks(k);
            if n > maks {
                return salah(c, format!("paling banyak {maks} karakter (sekarang {n})"));
            }
            Value::String(s)
        }
        JenisKolom::Tanggal => match v.as_str().map(str::trim) {
            Some(s) if format::urai_tanggal(s).is_some() => Value::String(s.to_string()),
            _ => salah(
                c,
                format!(
                    "{} harus tanggal yang ada, ditulis TTTT-BB-HH (mis. 2025-07-11)",
                    k.label
                ),
            ),
        },
        JenisKolom::Angka | JenisKolom::Rupiah => {
            let n: Option<f64> = match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) if s.len() <= 40 => {
                    let bersih: String = s
                        .trim()
                        .trim_start_matches("Rp")
                        .trim_end_matches(",00")
                        .chars()
                        .filter(|c| !matches!(c, '.' | ' '))
                        .collect();
                    bersih.parse().ok()
                }
                _ => None,
            };
            let Some(n) = n.filter(|n| n.is_finite()) else {
                return salah(c, format!("{} harus bilangan", k.label));
            };
            if k.jenis == JenisKolom::Rupiah && (n < 0.0 || n.fract() != 0.0) {
                return salah(
                    c,
                    format!("{} harus bilangan bulat rupiah, tanpa minus", k.label),
                );
            }
            // Counts, years and days: whole numbers, printed as written and in words.
            if k.jenis == JenisKolom::Angka && n.fract() != 0.0 {
                return salah(c, format!("{} harus bilangan bulat", k.label));
            }
            if let Some(min) = k.min
                && n < min
            {
                return salah(c, format!("paling kecil {min}"));
            }
            if let Some(maks) = k.maks
                && n > maks
            {
                return salah(c, format!("paling besar {maks}"));
            }
            if n.abs() > BATAS_ANGKA {
                return salah(
                    c,
                    format!(
                        "{} paling besar {} (999 triliun)",
                        k.label,
                        format::ribuan(BATAS_ANGKA as u64)
                    ),
                );
            }
            Value::from(n as i64)
        }
        JenisKolom::Pilihan => match v.as_str().map(str::trim) {
            Some(s) if k.pilihan.iter().any(|p| p == s) => Value::String(s.to_string()),
            _ => salah(c, format!("pilih salah satu: {}", k.pilihan.join(", "))),
        },
        JenisKolom::YaTidak => match v {
            Value::Bool(b) => Value::Bool(*b),
            Value::String(s) if matches!(s.trim(), "ya" | "true" | "on" | "1") => Value::Bool(true),
            Value::String(s) if matches!(s.trim(), "tidak" | "false" | "off" | "0") => {
                Value::Bool(false)
            }
            _ => salah(c, format!("{} harus ya atau tidak", k.label)),
        },
        JenisKolom::Gambar => match v.as_str().map(gambar::baca_data_url) {
            Some(Ok(g)) => {
                c.gambar = Some(g);
                Value::Bool(true)
            }
            Some(Err(e)) => salah(c, format!("{}: {e}", k.label)),
            None => salah(
                c,
                format!("{}: {}", k.label, gambar::GalatGambar::BukanGambar),
            ),
        },
        JenisKolom::Daftar => {
            let butir: Vec<&Value> = match v {
                Value::Array(a) => a.iter().collect(),
                Value::String(_) => vec![v],
                _ => return salah(c, format!("{} harus daftar teks", k.label)),
            };
            let mut teks = Vec::new();
            for x in butir {
                match x {
                    Value::String(s) => teks.extend(
                        s.lines()
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    ),
                    Value::Number(n) => teks.push(n.to_string()),
                    _ => return salah(c, format!("{} harus daftar teks", k.label)),
                }
                if teks.len() > batas_butir(k) {
                    break;
                }
            }
            if !batas_jumlah(k, teks.len(), jalur, c) {
                return Value::Null;
            }
            if let Some(panjang) = teks.iter().find(|t| t.chars().count() > BATAS_TEKS * 2) {
                return salah(
                    c,
                    format!(
                        "setiap butir paling banyak {} karakter (ada yang {})",
                        BATAS_TEKS * 2,
                        panjang.chars().count()
                    ),
                );
            }
            Value::from(teks)
        }
        JenisKolom::Grup if k.ulang => {
            let Value::Array(a) = v else {
                return salah(c, format!("{} harus daftar", k.label));
            };
            // Too many rows: said once, and the rows are not looked into.
            let maks = batas_butir(k);
            if a.len() > maks {
                c.catat(
                    jalur,
                    format!("paling banyak {maks} butir (sekarang {})", a.len()),
                );
                return Value::Null;
            }
            let a: Vec<&Value> = a.iter().filter(|x| !kosong(x)).collect();
            batas_jumlah(k, a.len(), jalur, c);
            Value::Array(
                a.iter()
                    .enumerate()
                    .map(|(i, x)| periksa_grup(&k.kolom, x, &format!("{jalur}[{i}]"), c))
                    .collect(),
            )
        }
        JenisKolom::Grup => periksa_grup(&k.kolom, v, jalur, c),
    }
}

/// A complete, valid example: each field's `contoh` (or `bawaan`); repeated groups get two items
/// unless their example says otherwise.
pub fn contoh(kolom: &[Kolom]) -> Value {
    let mut m = Map::new();
    for k in kolom {
        let v = match (&k.contoh, k.jenis) {
            (Some(c), JenisKolom::Grup) if k.ulang => match c {
                Value::Array(a) => Value::Array(a.clone()),
                _ => Value::Array(vec![contoh(&k.kolom), contoh(&k.kolom)]),
            },
            (Some(c), _) => c.clone(),
            (None, JenisKolom::Grup) if k.ulang => {
                Value::Array(vec![contoh(&k.kolom), contoh(&k.kolom)])
            }
            (None, JenisKolom::Grup) => contoh(&k.kolom),
            (None, _) => match &k.bawaan {
                Some(b) => b.clone(),
                None => continue,
            },
        };
        m.insert(k.nama.clone(), v);
    }
    Value::Object(m)
}
/// The data a form takes, as JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it): the canonical
/// shape of each field, with its limits. It is stricter than [`periksa`], which also takes
/// numbers written as text ("Rp1.500.000") and "ya"/"tidak" for yes-no; the cross-field rules of
/// the form (`aturan:`) are not in it.
pub fn skema_json(kolom: &[Kolom]) -> Value {
    let mut sifat = Map::new();
    let mut wajib = Vec::new();
    for k in kolom {
        let mut s = skema_kolom(k);
        if let Value::Object(m) = &mut s {
            m.insert("title".into(), Value::from(k.label.clone()));
            if let Some(b) = &k.bantuan {
                m.insert("description".into(), Value::from(b.clone()));
            }
            if let Some(b) = &k.bawaan {
                m.insert("default".into(), b.clone());
            }
        }
        // A yes-no field left out is "tidak"; a list or repeated group with a minimum is needed.
        let daftar = k.jenis == JenisKolom::Daftar || (k.jenis == JenisKolom::Grup && k.ulang);
        let perlu = k.wajib || (daftar && k.min.is_some_and(|m| m > 0.0));
        if perlu && k.jenis != JenisKolom::YaTidak {
            wajib.push(Value::from(k.nama.clone()));
        }
        sifat.insert(k.nama.clone(), s);
    }
    serde_json::json!({
        "type": "object",
        "properties": sifat,
        "required": wajib,
        "additionalProperties": false,
    })
}

fn skema_kolom(k: &Kolom) -> Value {
    use serde_json::json;
    let mut m = Map::new();
    match k.jenis {
        JenisKolom::Teks | JenisKolom::Paragraf => {
            m.insert("type".into(), json!("string"));
            m.insert("maxLength".into(), json!(batas_teks(k)));
            if let Some(min) = k.min.filter(|m| *m > 0.0) {
                m.insert("minLength".into(), json!(min as u64));
            }
            if k.wajib {
                // Spaces alone are empty.
                m.insert("pattern".into(), json!("\\S"));
            }
        }
        JenisKolom::Tanggal => {
            m.insert("type".into(), json!("string"));
            m.insert("format".into(), json!("date"));
        }
        JenisKolom::Angka | JenisKolom::Rupiah => {
            m.insert("type".into(), json!("integer"));
            let bawah = if k.jenis == JenisKolom::Rupiah {
                0.0
            } else {
                -BATAS_ANGKA
            };
            m.insert(
                "minimum".into(),
                json!(k.min.unwrap_or(bawah).max(bawah) as i64),
            );
            m.insert(
                "maximum".into(),
                json!(k.maks.unwrap_or(BATAS_ANGKA).min(BATAS_ANGKA) as i64),
            );
        }
        JenisKolom::Pilihan => {
            m.insert("type".into(), json!("string"));
            m.insert("enum".into(), json!(k.pilihan));
        }
        JenisKolom::YaTidak => {
            m.insert("type".into(), json!("boolean"));
        }
        JenisKolom::Gambar => {
            m.insert("type".into(), json!("string"));
            m.insert(
                "pattern".into(),
                json!("^data:image/(png|jpeg|jpg);base64,"),
            );
            m.insert(
                "description".into(),
                json!("PNG atau JPEG sebagai data URL, paling besar 1 MB"),
            );
        }
        JenisKolom::Daftar => {
            m.insert("type".into(), json!("array"));
            m.insert(
                "items".into(),
                json!({"type": "string", "maxLength": BATAS_TEKS * 2, "pattern": "\\S"}),
            );
            m.insert("maxItems".into(), json!(batas_butir(k)));
            if let Some(min) = k.min.filter(|m| *m > 0.0) {
                m.insert("minItems".into(), json!(min as u64));
            } else if k.wajib {
                m.insert("minItems".into(), json!(1));
            }
        }
        JenisKolom::Grup if k.ulang => {
            m.insert("type".into(), json!("array"));
            m.insert("items".into(), skema_json(&k.kolom));
            m.insert("maxItems".into(), json!(batas_butir(k)));
            if let Some(min) = k.min.filter(|m| *m > 0.0) {
                m.insert("minItems".into(), json!(min as u64));
            } else if k.wajib {
                m.insert("minItems".into(), json!(1));
            }
        }
        JenisKolom::Grup => return skema_json(&k.kolom),
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests;
