//! The Kemendagri codes of Indonesia's provinces, regencies, districts and villages (ODbL; see
//! `content/wilayah/README.md`), embedded in the binary and read once. Every place that names a
//! village names it by its code; this module says what the code is.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

const PROVINSI: &str = include_str!("../content/wilayah/provinces.csv");
const KABUPATEN: &str = include_str!("../content/wilayah/regencies.csv");
const KECAMATAN: &str = include_str!("../content/wilayah/districts.csv");
const DESA: &str = include_str!("../content/wilayah/villages.csv");

/// One area: its code, the code of the area it lies in, its name.
#[derive(Debug, Clone)]
struct Daerah {
    kode: String,
    induk: String,
    nama: String,
    /// The name in lowercase, for search.
    cari: String,
}

/// A village with the areas it lies in, as forms and letterheads print them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Desa {
    /// `32.05.03.2001`
    pub kode: String,
    pub nama: String,
    /// A kelurahan (urban) rather than a desa.
    pub kelurahan: bool,
    pub kode_kecamatan: String,
    pub kecamatan: String,
    pub kode_kabupaten: String,
    /// As the source writes it: "Kabupaten Garut", "Kota Bandung".
    pub kabupaten: String,
    pub provinsi: String,
}

impl Desa {
    /// "Garut" from "Kabupaten Garut".
    pub fn nama_kabupaten(&self) -> &str {
        self.kabupaten
            .strip_prefix("Kabupaten ")
            .or_else(|| self.kabupaten.strip_prefix("Kota "))
            .unwrap_or(&self.kabupaten)
    }

    /// Whether the village lies in a kota (its head is a Wali Kota, not a Bupati).
    pub fn di_kota(&self) -> bool {
        self.kabupaten.starts_with("Kota ")
    }
}

/// A regency (kabupaten or kota).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kabupaten {
    pub kode: String,
    pub nama: String,
    pub provinsi: String,
}

struct Data {
    provinsi: Vec<Daerah>,
    kabupaten: Vec<Daerah>,
    kecamatan: Vec<Daerah>,
    desa: Vec<Daerah>,
    /// Code → index, per level.
    indeks: [HashMap<String, usize>; 4],
}

fn baca(csv: &str, dengan_induk: bool) -> Vec<Daerah> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.as_bytes());
    r.records()
        .flatten()
        .filter_map(|b| {
            let kode = b.get(0)?.to_string();
            let (induk, nama) = if dengan_induk {
                (b.get(1)?.to_string(), b.get(2)?.to_string())
            } else {
                (String::new(), b.get(1)?.to_string())
            };
            Some(Daerah {
                cari: nama.to_lowercase(),
                kode,
                induk,
                nama,
            })
        })
        .collect()
}

static DATA: LazyLock<Data> = LazyLock::new(|| {
    let provinsi = baca(PROVINSI, false);
    let kabupaten = baca(KABUPATEN, true);
    let kecamatan = baca(KECAMATAN, true);
    let desa = baca(DESA, true);
    let peta = |v: &[Daerah]| {
        v.iter()
            .enumerate()
            .map(|(i, d)| (d.kode.clone(), i))
            .collect::<HashMap<_, _>>()
    };
    let indeks = [
        peta(&provinsi),
        peta(&kabupaten),
        peta(&kecamatan),
        peta(&desa),
    ];
    Data {
        provinsi,
        kabupaten,
        kecamatan,
        desa,
        indeks,
    }
});

fn lengkap(d: &Daerah) -> Option<Desa> {
    let data = &*DATA;
    let kec = &data.kecamatan[*data.indeks[2].get(&d.induk)?];
    let kab = &data.kabupaten[*data.indeks[1].get(&kec.induk)?];
    let prov = &data.provinsi[*data.indeks[0].get(&kab.induk)?];
    Some(Desa {
        kode: d.kode.clone(),
        nama: d.nama.clone(),
        kelurahan: d
            .kode
            .rsplit('.')
            .next()
            .is_some_and(|s| s.starts_with('1')),
        kode_kecamatan: kec.kode.clone(),
        kecamatan: kec.nama.clone(),
        kode_kabupaten: kab.kode.clone(),
        kabupaten: kab.nama.clone(),
        provinsi: prov.nama.clone(),
    })
}

/// The village with this code (`32.05.03.2001`).
pub fn desa(kode: &str) -> Option<Desa> {
    let data = &*DATA;
    lengkap(&data.desa[*data.indeks[3].get(kode.trim())?])
}

/// The regency with this code (`32.05`).
pub fn kabupaten(kode: &str) -> Option<Kabupaten> {
    let data = &*DATA;
    let k = &data.kabupaten[*data.indeks[1].get(kode.trim())?];
    let p = &data.provinsi[*data.indeks[0].get(&k.induk)?];
    Some(Kabupaten {
        kode: k.kode.clone(),
        nama: k.nama.clone(),
        provinsi: p.nama.clone(),
    })
}

/// Villages matching `q` — a code or its beginning, or words of the name (each must occur) —
/// best first: exact name, then names that start with it, then the rest; optionally only
/// within one regency. At most `batas`.
pub fn cari_desa(q: &str, dalam_kabupaten: Option<&str>, batas: usize) -> Vec<Desa> {
    let q = q.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let data = &*DATA;
    let kode = q.chars().all(|c| c.is_ascii_digit() || c == '.');
    let kata: Vec<&str> = q.split_whitespace().collect();
    let mut calon: Vec<(u8, &Daerah)> = Vec::new();
    for d in &data.desa {
        if let Some(kab) = dalam_kabupaten
            && !d.kode.starts_with(&format!("{kab}."))
        {
            continue;
        }
        let peringkat = if kode {
            if d.kode == q {
                0
            } else if d.kode.starts_with(&q) {
                1
            } else {
                continue;
            }
        } else if d.cari == q {
            0
        } else if kata.iter().all(|k| d.cari.contains(k)) {
            if d.cari.starts_with(&q) { 1 } else { 2 }
        } else {
            continue;
        };
        calon.push((peringkat, d));
    }
    calon.sort_by(|a, b| (a.0, &a.1.nama, &a.1.kode).cmp(&(b.0, &b.1.nama, &b.1.kode)));
    calon
        .into_iter()
        .take(batas)
        .filter_map(|(_, d)| lengkap(d))
        .collect()
}

/// How many villages the data holds (83,762).
pub fn jumlah_desa() -> usize {
    DATA.desa.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_village_and_its_areas_are_known() {
        assert_eq!(jumlah_desa(), 83_762);
        assert_eq!(DATA.provinsi.len(), 38);
        assert_eq!(DATA.kabupaten.len(), 514);
        assert_eq!(DATA.kecamatan.len(), 7_285);
        let garut = DATA
            .desa
            .iter()
            .filter(|d| d.kode.starts_with("32.05."))
            .count();
        assert_eq!(garut, 442);
        // Quoted names with commas and doubled quotes are read whole.
        assert_eq!(
            desa("12.07.28.1007").map(|d| d.nama),
            Some("Lubuk Pakam I,II".into())
        );
        assert_eq!(
            desa("35.13.15.2017").map(|d| d.nama),
            Some("Soka\"an".into())
        );
    }

    #[test]
    fn a_village_knows_its_district_regency_and_province() {
        let d = desa("32.05.03.2001").expect("a Garut village");
        assert_eq!(d.kode_kabupaten, "32.05");
        assert_eq!(d.kabupaten, "Kabupaten Garut");
        assert_eq!(d.nama_kabupaten(), "Garut");
        assert_eq!(d.provinsi, "Jawa Barat");
        assert!(!d.kelurahan && !d.di_kota());
        assert!(desa("99.99.99.9999").is_none());
        assert_eq!(
            kabupaten("32.05").map(|k| k.nama),
            Some("Kabupaten Garut".into())
        );
    }

    #[test]
    fn villages_are_found_by_name_or_code() {
        let d = desa("32.05.03.2001").expect("village");
        let hasil = cari_desa(&d.nama, Some("32.05"), 10);
        assert_eq!(
            hasil.first().map(|h| h.kode.as_str()),
            Some("32.05.03.2001")
        );
        assert!(hasil.iter().all(|h| h.kode_kabupaten == "32.05"));
        let kode = cari_desa("32.05.03.20", None, 100);
        assert!(!kode.is_empty() && kode.iter().all(|h| h.kode.starts_with("32.05.03.20")));
        assert!(cari_desa("zzqxy", None, 10).is_empty());
    }
}
