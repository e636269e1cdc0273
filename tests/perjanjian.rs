//! Wording points of the agreement and the letters that a legal officer reads before signing: a
//! "sebagai berikut:" is always followed by its list, and the two signature columns of the
//! Perjanjian stay level when one title wraps; the funding list joins its last two items with
//! "; dan" whichever sources are filled in. PDFs are read with the helpers of `tests/common`.

mod common;

use common::{Baris, contoh, pdf_baris, pdf_teks, render, sinergi_ok};
use serde_yaml::Value;

const PKS: &str = "perjanjian-kerja-sama-pihak-ketiga";

/// Every document type's id.
fn jenis_dokumen() -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_slice(&sinergi_ok(&["dokumen", "--json"]).stdout).expect("json");
    v.as_array()
        .expect("list")
        .iter()
        .map(|j| j["id"].as_str().expect("id").to_string())
        .collect()
}

/// Whether a printed line starts a list item: "1.", "a.", "(1)".
fn butir(teks: &str) -> bool {
    let t = teks.trim_start();
    let kepala: String = t.chars().take_while(|c| !c.is_whitespace()).collect();
    let angka = kepala.trim_end_matches('.');
    (kepala.ends_with('.')
        && !angka.is_empty()
        && (angka.chars().all(|c| c.is_ascii_digit())
            || (angka.chars().count() == 1 && angka.chars().all(|c| c.is_ascii_lowercase()))))
        || (kepala.starts_with('(')
            && kepala.ends_with(')')
            && kepala[1..kepala.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit()))
}

#[test]
fn a_list_follows_every_sebagai_berikut() {
    let mut dilihat = 0;
    for jenis in jenis_dokumen() {
        for kertas in ["a4", "f4"] {
            let halaman = pdf_baris(&render(&jenis, &contoh(&jenis), &["--kertas", kertas]));
            // Lines in reading order, page footers left out.
            let baris: Vec<&Baris> = halaman
                .iter()
                .flatten()
                .filter(|b| !(b.teks.starts_with("Halaman ") && b.teks.contains(" dari ")))
                .collect();
            for (i, b) in baris.iter().enumerate() {
                if !b.teks.trim_end().ends_with("sebagai berikut:") {
                    continue;
                }
                dilihat += 1;
                let lanjut = baris.get(i + 1).map(|x| x.teks.as_str()).unwrap_or("");
                assert!(
                    butir(lanjut),
                    "{jenis} ({kertas}): {:?} is followed by {lanjut:?}, not a list",
                    b.teks
                );
            }
        }
    }
    assert!(
        dilihat >= 10,
        "{dilihat} lines ending in \"sebagai berikut:\""
    );
}

#[test]
fn the_signature_columns_stay_level_when_a_title_wraps() {
    let mut data = contoh(PKS);
    // A title at the field's limit wraps over several lines in its column.
    data["pihak_kedua"]["jabatan"] =
        Value::String("Direktur Utama Bidang Pengolahan dan Pemasaran Hasil Tani".into());
    let kedua = data["pihak_kedua"]["penanda_tangan"]
        .as_str()
        .expect("signer")
        .to_string();
    let pertama = data["kepala_desa"]["nama"]
        .as_str()
        .expect("head")
        .to_string();
    for kertas in ["a4", "f4"] {
        let halaman = pdf_baris(&render(PKS, &data, &["--kertas", kertas]));
        let akhir = halaman.last().expect("a page");
        let y = |teks: &str| -> Vec<f64> {
            akhir
                .iter()
                .filter(|b| b.teks.trim() == teks)
                .map(|b| b.y)
                .collect()
        };
        let (a, b) = (y(&kedua), y(&pertama));
        assert!(
            a.len() == 1 && b.len() == 1,
            "{kertas}: one line each for {kedua:?} {a:?} and {pertama:?} {b:?}"
        );
        assert!(
            (a[0] - b[0]).abs() < 0.5,
            "{kertas}: names at {} and {} pt",
            a[0],
            b[0]
        );
        let meterai: Vec<f64> = akhir
            .iter()
            .filter(|b| b.teks.contains("METERAI"))
            .map(|b| b.y)
            .collect();
        assert_eq!(meterai.len(), 2, "{kertas}: two meterai boxes");
        assert!(
            (meterai[0] - meterai[1]).abs() < 0.5,
            "{kertas}: meterai at {meterai:?}"
        );
        // The title did wrap: its first and last words are on different lines.
        let baris_dengan = |kata: &str| {
            akhir
                .iter()
                .find(|b| b.y < a[0] && b.teks.contains(kata))
                .map(|b| b.y)
        };
        let (awal, ujung) = (baris_dengan("Direktur Utama"), baris_dengan("Sejahtera,"));
        assert!(
            awal.is_some() && ujung.is_some() && awal != ujung,
            "{kertas}: the title wraps ({awal:?}, {ujung:?})"
        );
    }
}

#[test]
fn the_funding_list_joins_its_last_two_items_with_dan() {
    // (APB Desa, PIHAK KEDUA, another source) filled in or left empty.
    for isi in 1..8u8 {
        let mut data = contoh(PKS);
        let dana = data["pendanaan"].as_mapping_mut().expect("pendanaan");
        if isi & 1 == 0 {
            dana.remove("apb_desa");
            dana.remove("apb_desa_untuk");
        }
        if isi & 2 == 0 {
            dana.remove("pihak_kedua");
            dana.remove("pihak_kedua_untuk");
        }
        if isi & 4 != 0 {
            dana.insert(
                Value::from("sumber_lain"),
                Value::from("hibah Pemerintah Daerah Provinsi Jawa Barat"),
            );
        }
        let t = pdf_teks(&render(PKS, &data, &[]));
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let awal = t
            .find("ditanggung sebagai berikut:")
            .expect("the funding list");
        let akhir = awal + t[awal..].find("(2) Dana").expect("ayat (2)");
        let daftar = &t[awal..akhir];
        assert_eq!(daftar.matches("; dan").count(), 1, "{isi}: {daftar}");
        assert!(
            daftar.contains("; dan b. biaya lain")
                || daftar.contains("; dan c. biaya lain")
                || daftar.contains("; dan d. biaya lain"),
            "{isi}: \"; dan\" before the last item: {daftar}"
        );
    }
}
