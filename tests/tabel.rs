//! Tables in the wording are kept whole on a page when they are short enough to fit one: a total
//! row never stands alone under a repeated header on the next page.

mod common;

use common::{pdf_halaman, render, sinergi_ok};
use serde_yaml::{Mapping, Value};

const BA: &str = "berita-acara-musyawarah";

fn s(v: &str) -> Value {
    Value::String(v.into())
}

const DESA: [&str; 10] = common::DESA_CONTOH;

/// A Musyawarah antar-Desa of `n` villages with long names, and `unsur` rows of participants:
/// the participants' table starts lower on the page as `n` grows and is taller as `unsur` grows.
fn musyawarah(n: usize, unsur: usize) -> Value {
    let mut d: Value =
        serde_yaml::from_slice(&sinergi_ok(&["dokumen", BA, "--contoh"]).stdout).expect("yaml");
    let panjang = |nama: &str| format!("{nama} Wiradikusumah Suryadilaga Kartanegara");
    d["jenis_musyawarah"] = s("musyawarah-antar-desa");
    d["penyelenggara"] = s("Badan Kerja Sama antar-Desa Sauyunan");
    d["desa"]["nama"] = s(&panjang(DESA[0]));
    let mut peserta = Vec::new();
    let mut wakil = Vec::new();
    for nama in DESA.iter().take(n) {
        let mut p = Mapping::new();
        p.insert(s("nama"), s(&panjang(nama)));
        p.insert(s("kepala_desa"), s(&format!("Raden {nama} Natakusumah")));
        peserta.push(Value::Mapping(p));
        let mut w = Mapping::new();
        w.insert(s("nama"), s(&format!("Wakil {nama}")));
        w.insert(s("unsur"), s("BPD"));
        w.insert(s("desa"), s(&panjang(nama)));
        wakil.push(Value::Mapping(w));
    }
    d["desa_peserta"] = Value::Sequence(peserta);
    d["wakil_desa"] = Value::Sequence(wakil);
    if let Value::Mapping(m) = &mut d {
        m.remove("kepala_desa");
        m.remove("calon_mitra");
    }
    let baris: Vec<Value> = (0..unsur)
        .map(|i| {
            let mut u = Mapping::new();
            u.insert(s("unsur"), s(&format!("Unsur peserta ke-{}", i + 1)));
            u.insert(s("jumlah"), Value::Number(3.into()));
            Value::Mapping(u)
        })
        .collect();
    d["unsur_peserta"] = Value::Sequence(baris);
    d
}

#[test]
fn the_participants_table_is_never_split() {
    let mut dilihat = 0;
    for n in [2, 6, 10] {
        for unsur in [6, 15] {
            let data = musyawarah(n, unsur);
            for kertas in ["a4", "f4"] {
                let halaman = pdf_halaman(&render(BA, &data, &["--kertas", kertas]));
                // The header "No. Unsur Jumlah" (one line per cell) is printed once: on a
                // second page it would be repeated above the rows carried over.
                let kepala: Vec<usize> = halaman
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.contains("No.\nUnsur\nJumlah\n"))
                    .map(|(i, _)| i + 1)
                    .collect();
                assert_eq!(
                    kepala.len(),
                    1,
                    "{n} villages, {unsur} rows, {kertas}: the table's header on pages {kepala:?}"
                );
                dilihat += 1;
            }
        }
    }
    assert_eq!(dilihat, 12);
}

/// A report whose activity table is nearly a page tall (six or seven activities whose names are
/// long words at their limit, one word per line in the narrow column): the table breaks between
/// rows under its heading; no page holds the heading "III. PELAKSANAAN KEGIATAN" and nothing
/// else, as it did when such a table was kept whole.
#[test]
fn a_tall_table_breaks_under_its_heading() {
    const LAPORAN: &str = "laporan-pelaksanaan-kerja-sama";
    for n in [6, 7] {
        let mut d: Value =
            serde_yaml::from_slice(&sinergi_ok(&["dokumen", LAPORAN, "--contoh"]).stdout)
                .expect("yaml");
        let dasar = d["kegiatan"][0].clone();
        let kegiatan: Vec<Value> = (0..n)
            .map(|i| {
                let mut k = dasar.clone();
                let mut nama = format!("Kegiatan {} pembangunan", i + 1);
                while nama.chars().count() < 145 {
                    nama.push_str(" Wiradikusumah");
                }
                k["nama"] = s(&nama);
                k
            })
            .collect();
        d["kegiatan"] = Value::Sequence(kegiatan);
        periksa_laporan(LAPORAN, &d, n);
    }
}

/// No page of the report holds a single line (its footer aside), and all `n` activities print.
fn periksa_laporan(jenis: &str, d: &Value, n: usize) {
    for kertas in ["a4", "f4"] {
        let halaman = pdf_halaman(&render(jenis, d, &["--kertas", kertas]));
        for (i, h) in halaman.iter().enumerate() {
            let baris: Vec<&str> = h
                .lines()
                .filter(|l| !(l.starts_with("Halaman ") && l.contains(" dari ")))
                .collect();
            assert!(
                baris.len() > 1,
                "{n} activities, {kertas}: page {} holds only {baris:?}",
                i + 1
            );
        }
        let semua = halaman.join("\n");
        for i in 1..=n {
            assert!(
                semua.contains(&format!("Kegiatan {i} pembangunan")),
                "{kertas}: activity {i} printed"
            );
        }
    }
}
