//! No printed text runs over other text: at the fields' length limits (a village name of 60
//! characters, ten villages with long names and officials with long family names) a cell's text
//! stays in its cell, a letter's place and date leave room for its Nomor (whole) and Perihal, and a
//! Lampiran heading runs onto the next page rather than over the footer. Lines are read with the
//! PDF helpers of `tests/common`.

mod common;

use common::{Baris, contoh, pdf_baris, render};
use serde_yaml::{Mapping, Value};

const SURAT: &str = "surat-penawaran-kerja-sama";
const BKAD: &str = "peraturan-bersama-pembentukan-bkad";

fn s(v: &str) -> Value {
    Value::String(v.into())
}

/// `awal` lengthened with family names to exactly `n` characters.
fn panjang(awal: &str, n: usize) -> String {
    const TAMBAH: [&str; 6] = [
        "Wiradikusumah",
        "Suryadilaga",
        "Kartanegara",
        "Natakusumah",
        "Prawiranegara",
        "Sastraatmadja",
    ];
    let mut t = awal.to_string();
    for k in TAMBAH.iter().cycle() {
        if t.chars().count() >= n {
            break;
        }
        t.push(' ');
        t.push_str(k);
    }
    t.chars().take(n).collect::<String>().trim_end().to_string()
}

/// Pairs of lines of a page that overlap: on (nearly) the same baseline and over each other.
fn tumpang_tindih(halaman: &[Vec<Baris>]) -> Vec<String> {
    let mut hasil = Vec::new();
    for (h, baris) in halaman.iter().enumerate() {
        for (i, a) in baris.iter().enumerate() {
            for b in &baris[i + 1..] {
                let tinggi = a.ukuran.min(b.ukuran);
                let atas_bawah = (a.y - b.y).abs() < 0.6 * tinggi;
                let kiri_kanan = a.x_akhir.min(b.x_akhir) - a.x.max(b.x);
                if atas_bawah && kiri_kanan > 0.5 {
                    hasil.push(format!(
                        "page {}: {:?} over {:?} by {kiri_kanan:.1} pt",
                        h + 1,
                        a.teks,
                        b.teks
                    ));
                }
            }
        }
    }
    hasil
}

#[test]
fn a_long_village_name_leaves_the_letter_header_readable() {
    let mut data = contoh(SURAT);
    data["desa"]["nama"] = s(&panjang("Sukamaju", 60));
    for kertas in ["a4", "f4"] {
        let halaman = pdf_baris(&render(SURAT, &data, &["--kertas", kertas]));
        let t = tumpang_tindih(&halaman);
        assert!(t.is_empty(), "{kertas}: {t:#?}");
        // Nomor and Perihal keep a readable column: "Perihal" and the start of its value share a
        // line.
        let perihal = halaman[0]
            .iter()
            .find(|b| b.teks.starts_with("Perihal"))
            .expect("the Perihal line");
        assert!(
            halaman[0]
                .iter()
                .any(|b| (b.y - perihal.y).abs() < 1.0 && b.teks.contains("Penawaran Kerja")),
            "{kertas}: the Perihal's value wraps word by word"
        );
        // The letter's number stays whole on its line.
        let nomor = data["surat"]["nomor"].as_str().expect("nomor");
        assert!(
            halaman[0].iter().any(|b| b.teks.contains(nomor)),
            "{kertas}: {nomor} on one line"
        );
    }
}

#[test]
fn ten_villages_at_the_limits_print_without_overlaps() {
    let mut data = contoh(BKAD);
    let desa = common::DESA_CONTOH;
    let dasar = data["desa"][0].clone();
    let mut baris = Vec::new();
    let mut pengurus = Vec::new();
    for (i, d) in desa.iter().enumerate() {
        let nama = panjang(d, 60);
        let mut v = dasar.clone();
        v["nama"] = s(&nama);
        v["kepala_desa"] = s(&panjang("Asep Sunandar", 80));
        v["nomor_peraturan"] = s(&(i + 1).to_string());
        baris.push(v);
        for w in 0..3 {
            let k = i * 3 + w;
            let mut p = Mapping::new();
            p.insert(s("asal_desa"), s(&nama));
            p.insert(
                s("jabatan"),
                s(["Ketua", "Sekretaris", "Bendahara"]
                    .get(k)
                    .copied()
                    .unwrap_or("Anggota")),
            );
            p.insert(s("nama"), s(&panjang("Euis Rahmat", 80)));
            p.insert(s("unsur"), s("lembaga kemasyarakatan Desa"));
            pengurus.push(Value::Mapping(p));
        }
    }
    data["desa"] = Value::Sequence(baris);
    data["pengurus"] = Value::Sequence(pengurus);
    data["jumlah_wakil_per_desa"] = Value::Number(3.into());
    data["bkad"]["nama"] = s(&panjang("Badan Kerja Sama antar-Desa Sauyunan", 120));
    for kertas in ["a4", "f4"] {
        let halaman = pdf_baris(&render(BKAD, &data, &["--kertas", kertas]));
        let t = tumpang_tindih(&halaman);
        assert!(t.is_empty(), "{kertas}: {} overlaps: {t:#?}", t.len());
    }
}
