//! Form data checked against a document's field schema: every problem at once, each with the
//! path of its field (`desa[2].nama`), and the data normalized for the wording and the layout.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::format;
use crate::konten::Kolom;

/// One problem in the submitted data.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// Checks `data` against `kolom`. On success the data comes back normalized: text trimmed,
/// numbers as numbers, yes/no as booleans, defaults filled in, absent optional values as null.
pub fn periksa(kolom: &[Kolom], data: &Value) -> Result<Value, Vec<GalatIsian>> {
    let mut galat = Vec::new();
    let hasil = periksa_grup(kolom, data, "", &mut galat);
    if galat.is_empty() {
        Ok(hasil)
    } else {
        Err(galat)
    }
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

fn periksa_grup(kolom: &[Kolom], data: &Value, awalan: &str, galat: &mut Vec<GalatIsian>) -> Value {
    let kosong_map = Map::new();
    let peta = match data {
        Value::Object(m) => m,
        Value::Null => &kosong_map,
        _ => {
            galat.push(GalatIsian {
                jalur: if awalan.is_empty() {
                    "(data)".into()
                } else {
                    awalan.into()
                },
                pesan: "harus berupa kumpulan kolom (`nama: nilai`)".into(),
            });
            return Value::Null;
        }
    };
    for k in peta.keys() {
        if !kolom.iter().any(|x| &x.nama == k) {
            galat.push(GalatIsian {
                jalur: jalur_anak(awalan, k),
                pesan: "kolom ini tidak dikenal untuk dokumen ini".into(),
            });
        }
    }
    let mut keluar = Map::new();
    for k in kolom {
        let jalur = jalur_anak(awalan, &k.nama);
        let nilai = peta
            .get(&k.nama)
            .filter(|v| !kosong(v))
            .or(k.bawaan.as_ref());
        keluar.insert(k.nama.clone(), periksa_kolom(k, nilai, &jalur, galat));
    }
    Value::Object(keluar)
}

fn batas_jumlah(k: &Kolom, n: usize, jalur: &str, galat: &mut Vec<GalatIsian>) {
    if let Some(min) = k.min
        && (n as f64) < min
    {
        galat.push(GalatIsian {
            jalur: jalur.into(),
            pesan: format!("isi paling sedikit {min} butir"),
        });
    }
    if let Some(maks) = k.maks
        && (n as f64) > maks
    {
        galat.push(GalatIsian {
            jalur: jalur.into(),
            pesan: format!("paling banyak {maks} butir"),
        });
    }
}

fn periksa_kolom(
    k: &Kolom,
    nilai: Option<&Value>,
    jalur: &str,
    galat: &mut Vec<GalatIsian>,
) -> Value {
    let mut salah = |pesan: String| {
        galat.push(GalatIsian {
            jalur: jalur.into(),
            pesan,
        });
        Value::Null
    };
    let Some(v) = nilai else {
        return match k.jenis.as_str() {
            "ya-tidak" => Value::Bool(false),
            // A required group is always there (its own fields say what must be filled); an
            // optional one left empty is null, so the wording can ask `{% if perdes %}`.
            "grup" if !k.ulang && k.wajib => periksa_grup(&k.kolom, &Value::Null, jalur, galat),
            "daftar" | "grup" if k.ulang || k.jenis == "daftar" => {
                if k.wajib || k.min.is_some_and(|m| m > 0.0) {
                    salah(format!("{} wajib diisi", k.label))
                } else {
                    Value::Array(Vec::new())
                }
            }
            _ if k.wajib => salah(format!("{} wajib diisi", k.label)),
            _ => Value::Null,
        };
    };
    match k.jenis.as_str() {
        "teks" | "paragraf" => {
            let s = match v {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                _ => return salah(format!("{} harus berupa teks", k.label)),
            };
            let s = if k.jenis == "teks" {
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                s
            };
            let n = s.chars().count() as f64;
            if let Some(min) = k.min
                && n < min
            {
                return salah(format!("paling sedikit {min} karakter"));
            }
            if let Some(maks) = k.maks
                && n > maks
            {
                return salah(format!("paling banyak {maks} karakter (sekarang {n})"));
            }
            Value::String(s)
        }
        "tanggal" => match v.as_str().map(str::trim) {
            Some(s) if format::urai_tanggal(s).is_some() => Value::String(s.to_string()),
            _ => salah(format!(
                "{} harus tanggal yang ada, ditulis TTTT-BB-HH (mis. 2025-07-11)",
                k.label
            )),
        },
        "angka" | "rupiah" => {
            let n: Option<f64> = match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => {
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
                return salah(format!("{} harus bilangan", k.label));
            };
            if k.jenis == "rupiah" && (n < 0.0 || n.fract() != 0.0) {
                return salah(format!(
                    "{} harus bilangan bulat rupiah, tanpa minus",
                    k.label
                ));
            }
            if let Some(min) = k.min
                && n < min
            {
                return salah(format!("paling kecil {min}"));
            }
            if let Some(maks) = k.maks
                && n > maks
            {
                return salah(format!("paling besar {maks}"));
            }
            if n.fract() == 0.0 && n.abs() < 9e15 {
                Value::from(n as i64)
            } else {
                Value::from(n)
            }
        }
        "pilihan" => match v.as_str().map(str::trim) {
            Some(s) if k.pilihan.iter().any(|p| p == s) => Value::String(s.to_string()),
            _ => salah(format!("pilih salah satu: {}", k.pilihan.join(", "))),
        },
        "ya-tidak" => match v {
            Value::Bool(b) => Value::Bool(*b),
            Value::String(s) if matches!(s.trim(), "ya" | "true" | "on" | "1") => Value::Bool(true),
            Value::String(s) if matches!(s.trim(), "tidak" | "false" | "off" | "0") => {
                Value::Bool(false)
            }
            _ => salah(format!("{} harus ya atau tidak", k.label)),
        },
        "gambar" => match v.as_str().and_then(gambar) {
            Some(_) => v.clone(),
            None => salah(format!(
                "{} harus gambar PNG atau JPEG (data:image/png;base64,…) paling besar 1 MB",
                k.label
            )),
        },
        "daftar" => {
            let butir: Vec<String> = match v {
                Value::Array(a) => a
                    .iter()
                    .map(|x| match x {
                        Value::String(s) => s.trim().to_string(),
                        other => other.to_string(),
                    })
                    .filter(|s| !s.is_empty())
                    .collect(),
                Value::String(s) => s
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                _ => return salah(format!("{} harus daftar teks", k.label)),
            };
            batas_jumlah(k, butir.len(), jalur, galat);
            Value::from(butir)
        }
        "grup" if k.ulang => {
            let Value::Array(a) = v else {
                return salah(format!("{} harus daftar", k.label));
            };
            let a: Vec<&Value> = a.iter().filter(|x| !kosong(x)).collect();
            batas_jumlah(k, a.len(), jalur, galat);
            Value::Array(
                a.iter()
                    .enumerate()
                    .map(|(i, x)| periksa_grup(&k.kolom, x, &format!("{jalur}[{i}]"), galat))
                    .collect(),
            )
        }
        "grup" => periksa_grup(&k.kolom, v, jalur, galat),
        lain => salah(format!("jenis kolom `{lain}` tidak dikenal")),
    }
}

/// The bytes of an image given as a data URL, when it is a PNG or JPEG of at most 1 MB.
pub fn gambar(s: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let (kepala, isi) = s.trim().split_once(',')?;
    if !matches!(
        kepala,
        "data:image/png;base64" | "data:image/jpeg;base64" | "data:image/jpg;base64"
    ) {
        return None;
    }
    let b = base64::engine::general_purpose::STANDARD
        .decode(isi.trim())
        .ok()?;
    let sah = b.starts_with(&[0x89, b'P', b'N', b'G']) || b.starts_with(&[0xff, 0xd8, 0xff]);
    (sah && b.len() <= 1_000_000).then_some(b)
}

/// A complete, valid example: each field's `contoh` (or `bawaan`); repeated groups get two items
/// unless their example says otherwise.
pub fn contoh(kolom: &[Kolom]) -> Value {
    let mut m = Map::new();
    for k in kolom {
        let v = match (&k.contoh, k.jenis.as_str()) {
            (Some(c), "grup") if k.ulang => match c {
                Value::Array(a) => Value::Array(a.clone()),
                _ => Value::Array(vec![contoh(&k.kolom), contoh(&k.kolom)]),
            },
            (Some(c), _) => c.clone(),
            (None, "grup") if k.ulang => Value::Array(vec![contoh(&k.kolom), contoh(&k.kolom)]),
            (None, "grup") => contoh(&k.kolom),
            (None, _) => match &k.bawaan {
                Some(b) => b.clone(),
                None => continue,
            },
        };
        m.insert(k.nama.clone(), v);
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skema() -> Vec<Kolom> {
        serde_yaml::from_str(
            r#"
- {nama: judul, label: Judul, jenis: teks, wajib: true, maks: 20}
- {nama: tanggal, label: Tanggal, jenis: tanggal, wajib: true}
- {nama: nilai, label: Nilai, jenis: rupiah}
- {nama: setuju, label: Setuju, jenis: ya-tidak}
- {nama: kertas, label: Kertas, jenis: pilihan, pilihan: [a4, f4], bawaan: a4}
- nama: desa
  label: Desa
  jenis: grup
  ulang: true
  min: 2
  kolom:
    - {nama: nama, label: Nama desa, jenis: teks, wajib: true}
    - {nama: kepala_desa, label: Kepala desa, jenis: teks, wajib: true}
"#,
        )
        .expect("schema")
    }

    #[test]
    fn reports_every_problem_with_its_path() {
        let data = serde_json::json!({
            "judul": "x".repeat(30),
            "tanggal": "2025-02-30",
            "nilai": "-5",
            "kertas": "legal",
            "warna": "merah",
            "desa": [{"nama": "A", "kepala_desa": "B"}, {"nama": "C"}],
        });
        let g = periksa(&skema(), &data).unwrap_err();
        let jalur: Vec<&str> = g.iter().map(|g| g.jalur.as_str()).collect();
        for j in [
            "judul",
            "tanggal",
            "nilai",
            "kertas",
            "warna",
            "desa[1].kepala_desa",
        ] {
            assert!(jalur.contains(&j), "{j} in {jalur:?}");
        }
    }

    #[test]
    fn normalizes_valid_data() {
        let data = serde_json::json!({
            "judul": "  Kerja   sama ",
            "tanggal": "2025-07-11",
            "nilai": "Rp1.500.000,00",
            "setuju": "ya",
            "desa": [{"nama": "A", "kepala_desa": "B"}, {"nama": "C", "kepala_desa": "D"}, {}],
        });
        let v = periksa(&skema(), &data).expect("valid");
        assert_eq!(v["judul"], "Kerja sama");
        assert_eq!(v["nilai"], 1_500_000);
        assert_eq!(v["setuju"], true);
        assert_eq!(v["kertas"], "a4", "default applied");
        assert_eq!(
            v["desa"].as_array().map(Vec::len),
            Some(2),
            "empty rows dropped"
        );
    }

    #[test]
    fn too_few_repeated_items() {
        let data = serde_json::json!({"judul": "x", "tanggal": "2025-07-11",
                                      "desa": [{"nama": "A", "kepala_desa": "B"}]});
        let g = periksa(&skema(), &data).unwrap_err();
        assert_eq!(g[0].jalur, "desa");
    }
}
