//! No printed text runs over other text: at the fields' length limits (a village name of 60
//! characters, ten villages with long names and officials with long family names) a cell's text
//! stays in its cell, a letter's place and date leave room for its Nomor (whole) and Perihal, and a
//! Lampiran heading runs onto the next page rather than over the footer. Lines are read with the
//! PDF helpers of `tests/common`. At those limits, the signatures of ten villages also fill their
//! pages in full rows.

mod common;

use common::{Baris, contoh, pdf_baris, pdf_halaman, render};
use serde_yaml::{Mapping, Value};

const SURAT: &str = "surat-penawaran-kerja-sama";
const BKAD: &str = "peraturan-bersama-pembentukan-bkad";
const PB: &str = "peraturan-bersama-kerja-sama-antar-desa";

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

/// Words that run over their neighbour on a line, and pairs of lines of a page that overlap: on
/// (nearly) the same baseline and over each other.
fn tumpang_tindih(halaman: &[Vec<Baris>]) -> Vec<String> {
    let mut hasil = Vec::new();
    for (h, baris) in halaman.iter().enumerate() {
        // Words within one line (a line may run across table cells on one baseline).
        for b in baris {
            for w in b.kata.windows(2) {
                let lewat = w[0].x_akhir - w[1].x;
                if lewat > 0.5 {
                    hasil.push(format!(
                        "page {}: {:?} over {:?} by {lewat:.1} pt",
                        h + 1,
                        w[0].teks,
                        w[1].teks
                    ));
                }
            }
        }
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
            // Long words that typst cannot hyphenate in Indonesian: the column must hold them.
            p.insert(
                s("jabatan"),
                s(["Ketua", "Sekretaris", "Bendahara"]
                    .get(k)
                    .copied()
                    .unwrap_or("Anggota Bidang Permusyawaratan dan Kemasyarakatan")),
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
        // A word running into the next cell merges with it, letter by letter, on the line read
        // back: each of the 27 members' long word must read whole in the table.
        let lampiran = halaman
            .iter()
            .position(|h| h.iter().any(|b| b.teks.contains("SUSUNAN PENGURUS")))
            .expect("the Lampiran");
        let utuh = halaman[lampiran..]
            .iter()
            .flatten()
            .flat_map(|b| &b.kata)
            .filter(|k| k.teks == "Permusyawaratan")
            .count();
        assert_eq!(utuh, 27, "{kertas}: \"Permusyawaratan\" whole in the table");
    }
}

#[test]
fn ten_villages_at_the_limits_sign_in_full_rows() {
    let mut data = contoh(PB);
    let dasar = data["desa"][0].clone();
    let desa: Vec<Value> = common::DESA_CONTOH
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut v = dasar.clone();
            v["nama"] = s(&panjang(d, 60));
            v["kepala_desa"] = s(&panjang("Asep Sunandar", 60));
            v["nomor_peraturan"] = s(&(i + 1).to_string());
            v["nomor_berita_desa"] = s(&(i + 1).to_string());
            v["sekretaris_desa"] = s(&panjang("Rina Marlina", 60));
            v
        })
        .collect();
    data["desa"] = Value::Sequence(desa);
    data["berita_desa"] = Value::Bool(true);
    data["tanggal_pengundangan"] = data["tanggal_penetapan"].clone();
    for kertas in ["a4", "f4"] {
        let pdf = render(PB, &data, &["--kertas", kertas]);
        let halaman: Vec<String> = pdf_halaman(&pdf)
            .iter()
            .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let pertama = halaman
            .iter()
            .position(|h| h.contains("Ditetapkan di"))
            .expect("Ditetapkan");
        // The heads' signatures: after the page of the enactment, a page never holds a single
        // row (two heads) unless the promulgations begin under it.
        let kepala: Vec<(usize, bool)> = halaman[pertama..]
            .iter()
            .map(|h| {
                (
                    h.matches("KEPALA DESA ").count(),
                    h.contains("Diundangkan di"),
                )
            })
            .take_while(|&(n, _)| n > 0)
            .collect();
        assert_eq!(
            kepala.iter().map(|k| k.0).sum::<usize>(),
            10,
            "{kertas}: {kepala:?}"
        );
        assert!(
            kepala[1..].iter().all(|&(n, undang)| n > 2 || undang),
            "{kertas}: heads per page {kepala:?}"
        );
        // Each promulgation row is whole: two villages on a page, never one alone.
        for (i, h) in halaman.iter().enumerate() {
            let n = h.matches("Diundangkan di").count();
            assert!(n % 2 == 0, "{kertas}: page {}: {n} promulgations", i + 1);
        }
        let t = tumpang_tindih(&pdf_baris(&pdf));
        assert!(t.is_empty(), "{kertas}: {t:#?}");
    }
}
