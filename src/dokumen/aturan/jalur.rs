//! The field paths a rule names (`desa[].nama`), resolved against the form.

use serde_json::Value;

use crate::konten::{JenisKolom, Kolom};

/// A field path of a rule (`desa[].nama`), resolved against the form.
#[derive(Debug, Clone)]
pub(super) struct JalurAturan {
    pub(super) teks: String,
    pub(super) ruas: Vec<Ruas>,
    pub(super) jenis: JenisKolom,
    /// The path ends at a repeated group (the rows themselves).
    pub(super) ujung_ulang: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Ruas {
    pub(super) nama: String,
    /// Every row of this repeated group.
    pub(super) baris: bool,
}

impl JalurAturan {
    /// Whether the path goes through the rows of a repeated group.
    pub(super) fn per_baris(&self) -> bool {
        self.ruas.iter().any(|r| r.baris)
    }

    /// The path up to its first `[]`: the repeated group whose rows are meant.
    pub(super) fn grup(&self) -> String {
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
    pub(super) fn nilai<'v>(&self, data: &'v Value) -> Vec<(String, &'v Value)> {
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
    pub(super) fn satu<'v>(&self, data: &'v Value) -> &'v Value {
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
pub(super) fn urai_jalur(formulir: &[Kolom], teks: &str) -> Result<JalurAturan, String> {
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
pub(super) fn kolom_di<'a>(formulir: &'a [Kolom], j: &JalurAturan) -> Option<&'a Kolom> {
    let mut sekarang = formulir;
    let mut akhir = None;
    for r in &j.ruas {
        let k = sekarang.iter().find(|k| k.nama == r.nama)?;
        sekarang = &k.kolom;
        akhir = Some(k);
    }
    akhir
}
