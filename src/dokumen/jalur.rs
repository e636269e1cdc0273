//! Paths of form fields (`desa[2].nama`), resolved against the schema before anything is
//! allocated for them: how an HTML form's flat names become nested data safely.

use serde_json::{Map, Value};

use super::formulir::batas_butir;
use crate::konten::{JenisKolom, Kolom};

/// One step of a field path: a field, with the row when the field is a repeated group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Langkah {
    pub nama: String,
    pub baris: Option<usize>,
}

/// A form field name (`desa[2].nama`) resolved against the schema: every segment names a field
/// of its group, rows only on repeated groups and below their `maks`, values only on leaves.
/// What cannot be resolved is refused before anything is allocated for it.
#[derive(Debug, Clone)]
pub struct Jalur<'a> {
    pub langkah: Vec<Langkah>,
    /// The field at the end.
    pub kolom: &'a Kolom,
}

/// Resolves `nama` against `kolom`. With `grup_boleh`, the path may end at a group (the target
/// of "add a row").
pub fn urai_jalur<'a>(
    kolom: &'a [Kolom],
    nama: &str,
    grup_boleh: bool,
) -> Result<Jalur<'a>, String> {
    let tampil: String = nama.chars().take(80).collect();
    let tidak_dikenal = || format!("kolom `{tampil}` tidak dikenal untuk dokumen ini");
    let mut sekarang = kolom;
    let mut langkah = Vec::new();
    let mut akhir: Option<&Kolom> = None;
    for seg in nama.split('.') {
        if akhir.is_some_and(|k| k.jenis != JenisKolom::Grup) {
            return Err(tidak_dikenal());
        }
        let (nama_seg, baris) = match seg.split_once('[') {
            Some((n, sisa)) => {
                let angka = sisa.strip_suffix(']').ok_or_else(tidak_dikenal)?;
                let i = angka
                    .parse::<usize>()
                    .ok()
                    .filter(|_| angka.len() <= 6)
                    .ok_or_else(tidak_dikenal)?;
                (n, Some(i))
            }
            None => (seg, None),
        };
        let k = sekarang
            .iter()
            .find(|k| k.nama == nama_seg)
            .ok_or_else(tidak_dikenal)?;
        let berulang = k.jenis == JenisKolom::Grup && k.ulang;
        match baris {
            Some(_) if !berulang => return Err(tidak_dikenal()),
            Some(i) if i >= batas_butir(k) => {
                return Err(format!(
                    "{}: paling banyak {} butir (baris ke-{} diminta)",
                    k.label,
                    batas_butir(k),
                    i + 1
                ));
            }
            None if berulang && !grup_boleh => return Err(tidak_dikenal()),
            _ => {}
        }
        langkah.push(Langkah {
            nama: k.nama.clone(),
            baris,
        });
        sekarang = &k.kolom;
        akhir = Some(k);
    }
    let kolom = akhir.ok_or_else(tidak_dikenal)?;
    if kolom.jenis == JenisKolom::Grup && !grup_boleh {
        return Err(tidak_dikenal());
    }
    Ok(Jalur { langkah, kolom })
}

/// Sets the value at a resolved path, creating the groups and rows on the way (rows are
/// bounded by the path's resolution).
pub fn pasang(akar: &mut Value, jalur: &Jalur<'_>, nilai: Value) {
    let mut sekarang = akar;
    for l in &jalur.langkah {
        if !sekarang.is_object() {
            *sekarang = Value::Object(Map::new());
        }
        let Value::Object(m) = sekarang else { return };
        let anak = m.entry(l.nama.clone()).or_insert(Value::Null);
        sekarang = match l.baris {
            Some(ix) => {
                if !anak.is_array() {
                    *anak = Value::Array(Vec::new());
                }
                let Value::Array(a) = anak else { return };
                while a.len() <= ix {
                    a.push(Value::Object(Map::new()));
                }
                &mut a[ix]
            }
            None => anak,
        };
    }
    *sekarang = nilai;
}

/// The value at a resolved path, if present.
pub fn ambil<'v>(akar: &'v mut Value, jalur: &Jalur<'_>) -> Option<&'v mut Value> {
    let mut sekarang = akar;
    for l in &jalur.langkah {
        sekarang = sekarang.get_mut(&l.nama)?;
        if let Some(i) = l.baris {
            sekarang = sekarang.get_mut(i)?;
        }
    }
    Some(sekarang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skema() -> Vec<Kolom> {
        serde_yaml::from_str(
            r#"
- {nama: judul, label: Judul, jenis: teks, wajib: true, maks: 20}
- nama: desa
  label: Desa
  jenis: grup
  ulang: true
  min: 2
  maks: 10
  kolom:
    - {nama: nama, label: Nama desa, jenis: teks, wajib: true}
"#,
        )
        .expect("schema")
    }

    #[test]
    fn form_paths_resolve_against_the_schema() {
        let k = skema();
        let j = urai_jalur(&k, "desa[1].nama", false).expect("valid");
        let mut v = Value::Object(Map::new());
        pasang(&mut v, &j, serde_json::json!("B"));
        assert_eq!(v, serde_json::json!({"desa": [{}, {"nama": "B"}]}));
        for salah in [
            "warna",
            "desa.nama",
            "desa[1]",
            "judul[0]",
            "judul.x",
            "desa[1].nama.x",
            "desa[100].nama",
            "desa[99999999999].nama",
            "desa[-1].nama",
            "desa[1.nama",
        ] {
            assert!(urai_jalur(&k, salah, false).is_err(), "{salah}");
        }
        assert!(
            urai_jalur(&k, "desa", true).is_ok(),
            "a group may be named to add a row"
        );
    }
}
