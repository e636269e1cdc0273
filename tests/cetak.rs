//! What the village secretary and the DPMD legal officer see on the printed page: signatures
//! never apart from what they sign, labels that hang, names under signatures in one convention,
//! numbers and codes whole on their line, regulations with their margins and gazette numbers,
//! letters that can be sent, and training material that fits the event. PDFs are read with the
//! helpers of `tests/common` (no external tool).

mod common;

use std::path::Path;

use common::{Baris, bin, contoh, pdf_baris, pdf_halaman, pdf_teks, render, sinergi_ok};
use serde_yaml::Value;

const PKS: &str = "perjanjian-kerja-sama-pihak-ketiga";
const PERDES: &str = "perdes-kerja-sama-desa";
const PB: &str = "peraturan-bersama-kerja-sama-antar-desa";
const BKAD: &str = "peraturan-bersama-pembentukan-bkad";
const BA: &str = "berita-acara-musyawarah";
const SURAT: &str = "surat-penawaran-kerja-sama";
const LAPORAN: &str = "laporan-pelaksanaan-kerja-sama";

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;

/// Words separated by single spaces, lines joined.
fn rata(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text without the page footers, so that a sentence across a page reads whole.
fn tanpa_kaki(pdf: &[u8]) -> String {
    rata(
        &pdf_halaman(pdf)
            .iter()
            .flat_map(|h| h.lines())
            .filter(|l| !(l.starts_with("Halaman ") && l.contains(" dari ")))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn s(v: &str) -> Value {
    Value::String(v.into())
}

/// `n` villages with distinct names, built from the example's first village.
fn desa_banyak(data: &mut Value, n: usize) {
    const NAMA: [&str; 10] = common::DESA_CONTOH;
    const KADES: [&str; 10] = [
        "Asep Sunandar",
        "Euis Komariah",
        "Dadang Supriatna",
        "Ujang Rahmat",
        "Nining Kurniasih",
        "Ade Suryana",
        "Tatang Sutisna",
        "Iis Rohayati",
        "Dedi Mulyadi",
        "Yayat Hidayat",
    ];
    let dasar = data["desa"][0].clone();
    let desa: Vec<Value> = (0..n)
        .map(|i| {
            let mut d = dasar.clone();
            d["nama"] = s(NAMA[i]);
            d["kepala_desa"] = s(KADES[i]);
            d["nomor_peraturan"] = s(&(i + 1).to_string());
            d
        })
        .collect();
    data["desa"] = Value::Sequence(desa);
}

// ---------------------------------------------------------------------------------------------
// Signatures stay with what they sign.

#[test]
fn the_closing_and_every_signature_share_a_page_on_a4_and_f4() {
    // (type, the closing sentence, what must be on its page: parties, witnesses, "Mengetahui")
    let kasus: [(&str, &str, &[&str]); 7] = [
        (
            PKS,
            "dalam keadaan sadar dan tanpa paksaan",
            &[
                "PIHAK KEDUA",
                "Dedi Kurniawan",
                "Asep Sunandar",
                "Saksi-saksi",
                "Hj. Euis Rohaeti",
                "Rudi Hartono",
            ],
        ),
        (
            BA,
            "untuk dipergunakan sebagaimana mestinya",
            &[
                "Rina Marlina",
                "Hj. Euis Rohaeti",
                "Mengetahui",
                "Asep Sunandar",
            ],
        ),
        (
            PERDES,
            "penempatannya dalam Lembaran Desa Sukamaju",
            &[
                "ASEP SUNANDAR",
                "YAYAN HIDAYAT",
                "LEMBARAN DESA SUKAMAJU TAHUN 2025",
            ],
        ),
        (
            PB,
            "disebarluaskan kepada masyarakat di setiap Desa",
            &[
                "Ditetapkan di",
                "ASEP SUNANDAR",
                "EUIS KOMARIAH",
                "DADANG SUPRIATNA",
            ],
        ),
        (
            BKAD,
            "disebarluaskan kepada masyarakat di setiap Desa",
            &["Ditetapkan di", "ASEP SUNANDAR", "DADANG SUPRIATNA"],
        ),
        (SURAT, "kami ucapkan terima kasih", &["Asep Sunandar"]),
        (LAPORAN, "papan informasi Desa", &["Asep Sunandar"]),
    ];
    for (jenis, penutup, tanda_tangan) in kasus {
        for kertas in ["a4", "f4"] {
            let halaman: Vec<String> =
                pdf_halaman(&render(jenis, &contoh(jenis), &["--kertas", kertas]))
                    .iter()
                    .map(|h| rata(h))
                    .collect();
            let i = halaman
                .iter()
                .rposition(|h| h.contains(penutup))
                .unwrap_or_else(|| panic!("{jenis} {kertas}: {penutup:?} printed"));
            for t in tanda_tangan {
                assert!(
                    halaman[i].contains(t),
                    "{jenis} {kertas}: {t:?} on page {} with {penutup:?}:\n{}",
                    i + 1,
                    halaman[i]
                );
            }
        }
    }
}

#[test]
fn ten_villages_keep_their_signatures_and_berita_desa_together() {
    for kertas in ["a4", "f4"] {
        let mut data = contoh(PB);
        desa_banyak(&mut data, 10);
        data["berita_desa"] = Value::Bool(true);
        data["tanggal_pengundangan"] = data["tanggal_penetapan"].clone();
        let desa = data["desa"].as_sequence().expect("villages").clone();
        for (i, d) in data["desa"]
            .as_sequence_mut()
            .expect("villages")
            .iter_mut()
            .enumerate()
        {
            d["nomor_berita_desa"] = s(&(i + 1).to_string());
            d["sekretaris_desa"] = s(&format!("Sekdes Nomor {}", i + 1));
        }
        let halaman: Vec<String> = pdf_halaman(&render(PB, &data, &["--kertas", kertas]))
            .iter()
            .map(|h| rata(h))
            .collect();
        let ditetapkan = halaman
            .iter()
            .position(|h| h.contains("Ditetapkan di"))
            .expect("Ditetapkan");
        assert!(
            halaman[ditetapkan].contains("mulai berlaku"),
            "{kertas}: the last article on the page of the enactment"
        );
        for d in &desa {
            let nama = d["nama"].as_str().expect("name").to_uppercase();
            let berita = format!("BERITA DESA {nama} TAHUN");
            let p = halaman
                .iter()
                .position(|h| h.contains(&berita))
                .unwrap_or_else(|| panic!("{kertas}: {berita:?} printed"));
            assert!(
                halaman[p].contains(&format!("SEKRETARIS DESA {nama},")),
                "{kertas}: {berita:?} on the page of its Sekretaris Desa:\n{}",
                halaman[p]
            );
        }
        // No page of Berita Desa lines alone: each has a signature block with it.
        for h in halaman.iter().filter(|h| h.contains("BERITA DESA")) {
            assert!(h.contains("Diundangkan di"), "{kertas}: {h}");
        }
        // Two rows of promulgations (four villages) fit on a page: ten take three pages at most.
        let undang = halaman
            .iter()
            .filter(|h| h.contains("Diundangkan di"))
            .count();
        assert!(undang <= 3, "{kertas}: promulgations on {undang} pages");
    }
}

// ---------------------------------------------------------------------------------------------
// Names under signatures.

#[test]
fn regulations_print_names_in_capitals_without_titles_or_upper_cased_degrees() {
    let mut data = contoh(PB);
    data["desa"][1]["kepala_desa"] = s("Hj. Euis Komariah, S.Kom.");
    let t = pdf_teks(&render(PB, &data, &[]));
    assert!(t.contains("EUIS KOMARIAH"), "{t}");
    for salah in ["S.KOM", "HJ.", "Hj. EUIS"] {
        assert!(!t.contains(salah), "{salah:?} printed");
    }
    // A degree the office wants printed comes from its own field, as typed.
    data["desa"][1]["gelar_kepala_desa"] = s("S.Kom.");
    let t = pdf_teks(&render(PB, &data, &[]));
    assert!(t.contains("EUIS KOMARIAH, S.Kom."), "{t}");
    assert!(!t.contains("S.KOM"));

    let mut data = contoh(PERDES);
    data["kepala_desa"]["nama"] = s("Drs. H. Asep Sunandar, M.Si.");
    let t = pdf_teks(&render(PERDES, &data, &[]));
    assert!(t.lines().any(|l| l == "ASEP SUNANDAR"), "{t}");
    assert!(!t.contains("M.SI") && !t.contains("DRS."));
}

#[test]
fn letters_and_agreements_print_names_as_the_office_writes_them() {
    let mut surat = contoh(SURAT);
    surat["kepala_desa"]["nama"] = s("Drs. Asep Sunandar, S.Kom.");
    let t = pdf_teks(&render(SURAT, &surat, &[]));
    assert!(t.lines().any(|l| l == "Drs. Asep Sunandar, S.Kom."), "{t}");
    assert!(!t.contains("S.KOM"));

    let mut pks = contoh(PKS);
    pks["pihak_kedua"]["penanda_tangan"] = s("Ir. Dedi Kurniawan, M.M.");
    let halaman = pdf_halaman(&render(PKS, &pks, &[]));
    let akhir = halaman.last().expect("a page");
    assert!(
        akhir.lines().any(|l| l == "Ir. Dedi Kurniawan, M.M."),
        "{akhir}"
    );
}

// ---------------------------------------------------------------------------------------------
// Numbers and codes.

/// Where `kode` is split over two lines of one block: the part before the break and the rest.
fn terbelah(halaman: &[Vec<Baris>], kode: &str) -> Option<String> {
    for baris in halaman {
        for w in baris.windows(2) {
            if w[0].blok != w[1].blok {
                continue;
            }
            let (a, b) = (w[0].teks.as_str(), w[1].teks.as_str());
            for (k, _) in kode.char_indices().skip(1) {
                let (awal, sisa) = kode.split_at(k);
                if a.ends_with(awal.trim_end()) && b.starts_with(sisa.trim_start()) {
                    return Some(format!("{a:?} / {b:?}"));
                }
            }
        }
    }
    None
}

#[test]
fn numbers_and_codes_never_split_at_a_line_end() {
    const KODE: [&str; 5] = [
        "005/BA-Musdes/VI/2025",
        "Rp1.500.000,00",
        "2.000 m²",
        "0812-2345-6789",
        "19700101 199503 1 001",
    ];
    // The codes many times over, after words of every length, so that some fall at line ends.
    let kata = [
        "a", "di", "dan", "atas", "lahan", "sesuai", "bersama", "kegiatan",
    ];
    let mut isi = Vec::new();
    for (i, k) in KODE.iter().cycle().take(40).enumerate() {
        isi.push(kata[i % kata.len()]);
        isi.push(k);
    }
    let teks = isi.join(" ");
    let mut data = contoh(PKS);
    data["maksud_kerja_sama"] = s(&teks[..teks.len().min(600)]);
    data["musyawarah_desa"]["nomor_berita_acara"] = s("005/BA-Musdes/VI/2025");
    for kertas in ["a4", "f4"] {
        let baris = pdf_baris(&render(PKS, &data, &["--kertas", kertas]));
        let mut dilihat = 0;
        for k in KODE {
            assert_eq!(terbelah(&baris, k), None, "{kertas}: {k:?} split");
            dilihat += baris
                .iter()
                .flatten()
                .filter(|b| b.teks.contains(k))
                .count();
        }
        assert!(
            dilihat >= 20,
            "{kertas}: the codes were printed ({dilihat})"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Hanging labels.

/// The line of `halaman` containing `potongan`, the next line of its block, and the left edge
/// of the text on that page.
fn dan_lanjutannya<'a>(halaman: &'a [Vec<Baris>], potongan: &str) -> (&'a Baris, &'a Baris, f64) {
    for baris in halaman {
        if let Some(i) = baris.iter().position(|b| b.teks.contains(potongan)) {
            let lanjut = baris[i + 1..]
                .iter()
                .find(|b| b.blok == baris[i].blok)
                .unwrap_or_else(|| panic!("a continuation of {:?}", baris[i]));
            let kiri = baris.iter().map(|b| b.x).fold(f64::INFINITY, f64::min);
            return (&baris[i], lanjut, kiri);
        }
    }
    panic!("{potongan:?} printed");
}

#[test]
fn ayat_recitals_and_items_hang_under_their_text() {
    let pdf = pdf_baris(&render(PKS, &contoh(PKS), &[]));
    // (where the first line has it, the word that starts the text after the label)
    for (potongan, awal) in [
        ("Untuk melaksanakan Perjanjian ini", "Untuk"),
        ("bahwa PIHAK PERTAMA adalah", "bahwa"),
        ("Asep Sunandar, Kepala Desa", "Asep"),
    ] {
        let (baris, lanjut, kiri) = dan_lanjutannya(&pdf, potongan);
        let x = baris.x_dari(awal).expect("the text's x");
        // The label stands left of the text (in this line or in a block of its own).
        assert!(x > kiri + 5.0, "a label before the text: {baris:?}");
        assert!(
            (lanjut.x - x).abs() < 0.5,
            "{lanjut:?} starts under the text at {x}, not at the margin ({kiri})"
        );
    }
    // Lettered items inside an ayat hang under their own text, right of the ayat's.
    let pdf = pdf_baris(&render(PERDES, &contoh(PERDES), &[]));
    let (baris, lanjut, kiri) = dan_lanjutannya(&pdf, "pengembangan usaha bersama");
    let x = baris.x_dari("pengembangan").expect("x");
    assert!(x > kiri + 30.0, "under the ayat's text: {baris:?}");
    assert!((lanjut.x - x).abs() < 0.5, "{baris:?} / {lanjut:?}");
}

// ---------------------------------------------------------------------------------------------
// Wording and layout of the agreement and the regulations.

#[test]
fn one_original_is_not_each_of_several() {
    let mut data = contoh(PKS);
    for (n, harap, tidak) in [
        (
            1,
            "dibuat dalam 1 (satu) rangkap asli bermeterai cukup",
            true,
        ),
        (
            2,
            "2 (dua) rangkap asli, masing-masing bermeterai cukup",
            false,
        ),
    ] {
        data["jumlah_rangkap"] = Value::Number(n.into());
        let t = rata(&pdf_teks(&render(PKS, &data, &[])));
        let penutup = &t[t.rfind("Penutup").expect("closing article")..];
        assert!(penutup.contains(harap), "{n}: {penutup}");
        assert_eq!(!penutup.contains("masing-masing"), tidak, "{n}: {penutup}");
    }
}

#[test]
fn day_counts_are_spelled_out_and_the_meterai_shows_its_value() {
    let t = rata(&pdf_teks(&render(PKS, &contoh(PKS), &[])));
    for harap in [
        "14 (empat belas) hari",
        "7 (tujuh) hari",
        "30 (tiga puluh) hari",
        "60 (enam puluh) hari",
        "METERAI Rp10.000",
        "sebagaimana dimaksud dalam Pasal 11 ayat (3)",
    ] {
        assert!(t.contains(harap), "{harap:?} in {t}");
    }
}

#[test]
fn regulations_have_the_office_margins() {
    for (jenis, kertas) in [(PERDES, "f4"), (PB, "a4")] {
        let baris = pdf_baris(&render(jenis, &contoh(jenis), &["--kertas", kertas]));
        let lebar = if kertas == "f4" { 215.0 } else { 210.0 } * MM;
        let semua: Vec<&Baris> = baris.iter().flatten().collect();
        let kiri = semua.iter().map(|b| b.x).fold(f64::INFINITY, f64::min);
        assert!((kiri - 40.0 * MM).abs() < 1.0, "{jenis}: left edge {kiri}");
        // Justified lines end at the right margin (a closing comma or hyphen hangs a little
        // beyond it, as typst sets them).
        let kanan = lebar - 30.0 * MM;
        let di_tepi = semua
            .iter()
            .filter(|b| (b.x_akhir - kanan).abs() < 0.5)
            .count();
        assert!(di_tepi >= 20, "{jenis}: {di_tepi} lines end at {kanan}");
        assert!(
            semua.iter().all(|b| b.x_akhir < kanan + 4.0),
            "{jenis}: nothing in the right margin"
        );
    }
}

#[test]
fn a_margin_option_moves_the_text() {
    let kiri = |baris: &[Vec<Baris>]| {
        baris
            .iter()
            .flatten()
            .map(|b| b.x)
            .fold(f64::INFINITY, f64::min)
    };
    // A letter-like document (30 mm left by default) and a regulation (40 mm).
    for (jenis, bawaan) in [(PKS, 30.0), (PERDES, 40.0)] {
        let data = contoh(jenis);
        let biasa = pdf_baris(&render(jenis, &data, &[]));
        assert!(
            (kiri(&biasa) - bawaan * MM).abs() < 1.0,
            "{jenis}: left edge {} by default",
            kiri(&biasa)
        );
        let baris = pdf_baris(&render(jenis, &data, &["--margin", "25,25,50,20"]));
        assert!(
            (kiri(&baris) - 50.0 * MM).abs() < 1.0,
            "{jenis}: left edge {} with a 50 mm left margin",
            kiri(&baris)
        );
        let kanan = 210.0 * MM - 20.0 * MM;
        let di_tepi = baris
            .iter()
            .flatten()
            .filter(|b| (b.x_akhir - kanan).abs() < 0.5)
            .count();
        assert!(
            di_tepi >= 10,
            "{jenis}: {di_tepi} lines end at the 20 mm right margin"
        );
    }
    // A margin out of bounds is refused before anything is written, naming the option.
    let dir = tempfile::tempdir().expect("tempdir");
    let isian = dir.path().join("isian.yaml");
    std::fs::write(&isian, serde_yaml::to_string(&contoh(PKS)).expect("yaml")).expect("write");
    let pdf = dir.path().join("hasil.pdf");
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["render", PKS, "--data"])
        .arg(&isian)
        .arg("--out")
        .arg(&pdf)
        .args(["--margin", "30,30,70,30"])
        .output()
        .expect("run sinergi");
    assert!(!out.status.success());
    assert!(!pdf.exists());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("--margin") && e.contains("margin kiri 70 mm di luar batas 10–60 mm"),
        "{e}"
    );
}

#[test]
fn centred_lines_are_centred_not_stretched() {
    let mut data = contoh(PERDES);
    data["desa"]["nama"] = s("Sukamaju Mekarwangi Sirnagalih Cibeureum Karangsari");
    let baris = pdf_baris(&render(PERDES, &data, &["--kertas", "f4"]));
    let akhir = baris.last().expect("a page");
    let tengah = (40.0 * MM + 215.0 * MM - 30.0 * MM) / 2.0;
    let lembaran: Vec<&Baris> = akhir
        .iter()
        .skip_while(|b| !b.teks.starts_with("LEMBARAN DESA"))
        .take_while(|b| !b.teks.starts_with("Halaman"))
        .collect();
    assert!(
        lembaran.len() >= 2,
        "a line long enough to wrap: {akhir:#?}"
    );
    for b in lembaran {
        assert!(
            (b.x_tengah() - tengah).abs() < 1.5,
            "{b:?} centred on {tengah}"
        );
    }
}

#[test]
fn joint_regulations_name_the_villages_alike_and_quote_the_title_in_title_case() {
    let t = rata(&pdf_teks(&render(PB, &contoh(PB), &[])));
    assert!(
        !t.contains("KECAMATAN TAROGONG"),
        "no kecamatan in the heading"
    );
    for harap in [
        "KEPALA DESA SUKAMAJU, KEPALA DESA MEKARWANGI, DAN KEPALA DESA SIRNAGALIH",
        "PERATURAN BERSAMA KEPALA DESA SUKAMAJU, KEPALA DESA MEKARWANGI, DAN KEPALA DESA SIRNAGALIH TENTANG",
        "tentang Kerja Sama antar-Desa dalam Pengelolaan Air Bersih Perdesaan;",
    ] {
        assert!(t.contains(harap), "{harap:?} in {t}");
    }
}

#[test]
fn mengingat_cites_gazette_numbers_or_leaves_them_to_fill() {
    for jenis in [PERDES, PB, BKAD] {
        let t = tanpa_kaki(&render(jenis, &contoh(jenis), &[]));
        for harap in [
            "Undang-Undang Nomor 3 Tahun 2024 tentang Perubahan Kedua atas Undang-Undang Nomor 6 Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia Tahun 2024 Nomor 77, Tambahan Lembaran Negara Republik Indonesia Nomor 6914)",
            "Pedoman Teknis Peraturan di Desa (Berita Negara Republik Indonesia Tahun …… Nomor ……)",
            "di Bidang Pemerintahan Desa (Berita Negara Republik Indonesia Tahun …… Nomor ……)",
        ] {
            assert!(t.contains(harap), "{jenis}: {harap:?} in {t}");
        }
    }
    let mut data = contoh(PERDES);
    data["pengundangan_dasar_hukum"] = serde_yaml::from_str(
        "{permendagri_96_2017_bn_tahun: 2017, permendagri_96_2017_bn_nomor: '9999'}",
    )
    .expect("yaml");
    let t = tanpa_kaki(&render(PERDES, &data, &[]));
    assert!(t.contains("(Berita Negara Republik Indonesia Tahun 2017 Nomor 9999)"));
}

// ---------------------------------------------------------------------------------------------
// Letters and reports.

#[test]
fn copies_go_to_officials_without_arsip_and_a_kota_is_a_kota() {
    for jenis in [SURAT, LAPORAN] {
        let t = rata(&pdf_teks(&render(jenis, &contoh(jenis), &[])));
        let tembusan = &t[t.find("Tembusan disampaikan").expect("tembusan")..];
        assert!(!tembusan.contains("Arsip"), "{jenis}: {tembusan}");
        assert!(!tembusan.contains("melalui Camat"), "{jenis}: {tembusan}");
    }
    let t = rata(&pdf_teks(&render(LAPORAN, &contoh(LAPORAN), &[])));
    assert!(
        t.contains("1. Bupati Garut; 2. Camat Tarogong Kidul."),
        "{t}"
    );
    // The report's letterhead: the village's office and its address, before the title.
    let kop = &t[..t.find("LAPORAN PELAKSANAAN").expect("title")];
    for harap in [
        "PEMERINTAH KABUPATEN GARUT",
        "KECAMATAN TAROGONG KIDUL",
        "DESA SUKAMAJU",
        "Jl. Raya Sukamaju No. 1",
    ] {
        assert!(kop.contains(harap), "{harap:?} in {kop}");
    }

    let mut data = contoh(SURAT);
    data["kabupaten"]["jenis"] = s("kota");
    data["kabupaten"]["nama"] = s("Banjar");
    let t = rata(&pdf_teks(&render(SURAT, &data, &[])));
    assert!(t.contains("PEMERINTAH KOTA BANJAR"), "{t}");
    assert!(!t.contains("KABUPATEN BANJAR"));
    let mut data = contoh(BA);
    data["kabupaten"]["jenis"] = s("kota");
    let t = rata(&pdf_teks(&render(BA, &data, &[])));
    assert!(t.contains("KECAMATAN TAROGONG KIDUL, KOTA GARUT"), "{t}");
}

// ---------------------------------------------------------------------------------------------
// Training material.

/// The example event file in `dir`, with `tambahan` lines appended.
fn acara(dir: &Path, tambahan: &str) -> std::path::PathBuf {
    let mut teks =
        String::from_utf8(sinergi_ok(&["materi", "kit", "--contoh"]).stdout).expect("utf8");
    teks.push_str(tambahan);
    let p = dir.join("acara.yaml");
    std::fs::write(&p, teks).expect("write");
    p
}

/// A 1 × 1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54,
    0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 5, 0, 1, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0, 0,
    0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Whether a PDF embeds an image (an XObject of subtype Image, however the dictionary is spaced).
fn ada_gambar(pdf: &[u8]) -> bool {
    let teks = String::from_utf8_lossy(pdf);
    teks.match_indices("/Subtype").any(|(i, _)| {
        teks[i + "/Subtype".len()..]
            .trim_start()
            .starts_with("/Image")
    })
}

#[test]
fn the_invitation_is_ready_to_send() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("lambang.png"), PNG).expect("write");
    let berkas = acara(dir.path(), "lambang: lambang.png\n");
    let out = dir.path().join("kit");
    sinergi_ok(&[
        "materi",
        "kit",
        "--acara",
        berkas.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ]);
    let pdf = std::fs::read(out.join("undangan.pdf")).expect("read");
    assert!(ada_gambar(&pdf), "the emblem on the letterhead");
    // The handout's cover carries the same emblem, served to typst as an image.
    let modul = dir.path().join("modul.pdf");
    sinergi_ok(&[
        "materi",
        "modul",
        "--acara",
        berkas.to_str().expect("path"),
        "--out",
        modul.to_str().expect("path"),
    ]);
    assert!(
        ada_gambar(&std::fs::read(&modul).expect("read")),
        "the emblem on the cover"
    );
    let halaman = pdf_halaman(&pdf);
    let satu = &halaman[0];
    let t = rata(satu);
    for harap in [
        "PEMERINTAH KABUPATEN GARUT",
        "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
        "Jl. Contoh Nomor 1, Garut 44100",
        "Telepon (0262) 000000",
        "Garut, 1 Juli 2025",
        "Penting",
        "1 (satu) lembar jadwal acara",
    ] {
        assert!(t.contains(harap), "{harap:?} in {t}");
    }
    assert_eq!(
        t.matches("KABUPATEN GARUT").count(),
        1,
        "the regency once: {t}"
    );
    assert!(
        satu.lines().any(|l| l == "Dengan hormat,"),
        "\"Dengan hormat,\" on its own line: {satu}"
    );

    // Without an emblem there is no image; a file that is no PNG or JPEG is refused clearly.
    let tanpa = tempfile::tempdir().expect("tempdir");
    let out = tanpa.path().join("kit");
    let berkas = acara(tanpa.path(), "");
    sinergi_ok(&[
        "materi",
        "kit",
        "--acara",
        berkas.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ]);
    assert!(!ada_gambar(
        &std::fs::read(out.join("undangan.pdf")).expect("read")
    ));
    std::fs::write(tanpa.path().join("palsu.png"), "bukan gambar").expect("write");
    let berkas = acara(tanpa.path(), "lambang: palsu.png\n");
    let hasil = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["materi", "kit", "--acara"])
        .arg(&berkas)
        .arg("--out")
        .arg(tanpa.path().join("kit2"))
        .output()
        .expect("run");
    assert!(!hasil.status.success());
    let e = String::from_utf8_lossy(&hasil.stderr);
    assert!(
        e.contains("lambang") && e.contains("bukan gambar PNG atau JPEG"),
        "{e}"
    );
}

#[test]
fn a_generic_handout_needs_no_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("modul.pdf");
    sinergi_ok(&["materi", "modul", "--out", pdf.to_str().expect("path")]);
    let halaman = pdf_halaman(&std::fs::read(&pdf).expect("read"));
    let sampul = &halaman[0];
    assert!(sampul.contains("Modul Peserta"), "{sampul}");
    const BULAN: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    assert!(
        !BULAN.iter().any(|b| sampul.contains(b)),
        "no event date on the cover: {sampul}"
    );
    assert!(
        sampul
            .lines()
            .any(|l| l.len() == 4 && l.starts_with("20") && l.parse::<u32>().is_ok()),
        "the year on the cover: {sampul}"
    );
    assert!(halaman.len() > 20, "the modules follow");
}

#[test]
fn the_event_minutes_choose_the_modules_of_the_slides_and_tests() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("slide.pdf");
    let jalan = |durasi: &[&str]| {
        let out = bin()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["materi", "slide", "--tanggal", "2025-07-11", "--out"])
            .arg(&pdf)
            .args(durasi)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            rata(&pdf_teks(&std::fs::read(&pdf).expect("read"))),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (semua, _) = jalan(&[]);
    let (sebagian, pesan) = jalan(&["--durasi", "420"]);
    for modul in [
        "Monitoring dan Evaluasi Kerja Sama Desa",
        "Kerja Sama Desa di Berbagai Daerah",
    ] {
        assert!(semua.contains(modul), "{modul} in the full deck");
        assert!(!sebagian.contains(modul), "{modul} left out of 420 minutes");
        assert!(pesan.contains(modul), "{modul} named on stderr: {pesan}");
    }
    assert!(
        sebagian.contains("Pelaporan Kerja Sama Desa"),
        "module 7 fits"
    );
}

#[test]
fn slides_number_the_agenda_down_columns_and_keep_titles_to_two_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("slide.pdf");
    sinergi_ok(&["materi", "slide", "--out", pdf.to_str().expect("path")]);
    let slide = pdf_baris(&std::fs::read(&pdf).expect("read"));
    let agenda = slide
        .iter()
        .find(|h| h.first().is_some_and(|b| b.teks == "Agenda"))
        .expect("the agenda slide");
    let nomor = |n: usize| {
        agenda
            .iter()
            .find(|b| b.teks.starts_with(&format!("{n}. ")) || b.teks == format!("{n}."))
            .unwrap_or_else(|| panic!("item {n} in {agenda:#?}"))
    };
    // Nine modules: 1–5 down the left column, 6–9 down the right.
    assert!((nomor(2).x - nomor(1).x).abs() < 1.0 && nomor(2).y > nomor(1).y);
    assert!((nomor(5).x - nomor(1).x).abs() < 1.0 && nomor(5).y > nomor(4).y);
    assert!(nomor(6).x > nomor(1).x + 100.0 && nomor(6).y < nomor(2).y);
    // A quiz slide's title, above the module's name in small type, takes at most two lines.
    let mut kuis = 0;
    for h in slide
        .iter()
        .filter(|h| h.first().is_some_and(|b| b.teks.starts_with("Kuis")))
    {
        kuis += 1;
        let judul = h.iter().take_while(|b| b.ukuran > 15.0).count();
        assert!((1..=2).contains(&judul), "title on {judul} lines: {h:#?}");
        assert!(h[judul].ukuran < 15.0, "the module named under it: {h:#?}");
    }
    assert!(kuis >= 9, "{kuis} quiz slides");
}

/// The body lines of a slide: its text without the footer (10 pt).
fn isi_slide(h: &[Baris]) -> Vec<&Baris> {
    h.iter().filter(|b| b.ukuran > 11.0).collect()
}

#[test]
fn slides_keep_a_list_under_its_lead_in_and_fill_by_amount_of_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("slide.pdf");
    sinergi_ok(&["materi", "slide", "--out", pdf.to_str().expect("path")]);
    let slide = pdf_baris(&std::fs::read(&pdf).expect("read"));
    let berisi = |h: &[Baris], potongan: &str| {
        rata(
            &h.iter()
                .map(|b| b.teks.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
        .contains(potongan)
    };
    let halaman_dengan = |potongan: &str| {
        slide
            .iter()
            .find(|h| berisi(h, potongan))
            .unwrap_or_else(|| panic!("a slide with {potongan:?}"))
    };
    // A lead-in and its whole list on one slide, the list indented under it; what follows
    // shares the slide while it fits, however many points that makes.
    for (pengantar, butir) in [
        (
            "BKAD beranggotakan:",
            &[
                "Pemerintah Desa;",
                "anggota BPD;",
                "lembaga kemasyarakatan Desa;",
                "lembaga Desa lainnya;",
                "tokoh masyarakat",
            ][..],
        ),
        (
            "ajukan pertanyaan sederhana ini",
            &[
                "Siapa yang akan menikmati manfaatnya",
                "Berapa biayanya",
                "Apa risikonya",
                "Apakah desa sanggup",
            ][..],
        ),
        (
            "Keduanya paling sedikit memuat delapan hal",
            &[
                "ruang lingkup kerja sama;",
                "jangka waktu;",
                "penyelesaian perselisihan.",
            ][..],
        ),
    ] {
        let h = halaman_dengan(pengantar);
        let awal = h
            .iter()
            .find(|b| b.teks.starts_with('•'))
            .expect("a bulleted point");
        let x_teks = awal
            .kata
            .get(1)
            .map(|k| k.x)
            .expect("text after the bullet");
        for b in butir {
            assert!(berisi(h, b), "{b:?} with {pengantar:?}: {h:#?}");
            let baris = h.iter().find(|l| l.teks.contains(b)).expect("its line");
            let x = baris.x_dari(b).expect("x");
            assert!(
                x > x_teks + 5.0,
                "{b:?} indented under {pengantar:?}: {baris:?}"
            );
        }
    }
    let anggota = halaman_dengan("BKAD beranggotakan:");
    assert!(berisi(anggota, "Organisasi, tata kerja"), "{anggota:#?}");
    let delapan = halaman_dengan("Keduanya paling sedikit memuat delapan hal");
    for n in 1..=8 {
        assert!(
            delapan
                .iter()
                .any(|b| b.teks.starts_with(&format!("{n}. "))),
            "item {n} numbered: {delapan:#?}"
        );
    }
    // No slide stops after a point that introduces what follows.
    for h in &slide {
        if let Some(akhir) = isi_slide(h).last() {
            assert!(!akhir.teks.ends_with(':'), "ends with a lead-in: {h:#?}");
        }
    }
}

#[test]
fn tests_and_the_attendance_sheet_are_laid_out_to_be_filled_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let berkas = acara(dir.path(), "");
    let out = dir.path().join("kit");
    sinergi_ok(&[
        "materi",
        "kit",
        "--acara",
        berkas.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ]);
    // The test has only multiple-choice questions: its instructions speak of nothing else.
    let pre = rata(&pdf_teks(
        &std::fs::read(out.join("pre-test.pdf")).expect("read"),
    ));
    assert!(
        pre.contains("Lingkari huruf jawaban yang paling tepat"),
        "{pre}"
    );
    assert!(!pre.contains("Uraian") && !pre.contains("uraian"), "{pre}");
    // A wrapped choice hangs under its text, not under its letter.
    let baris = pdf_baris(&std::fs::read(out.join("pre-test.pdf")).expect("read"));
    let (pilihan, lanjut, _) = dan_lanjutannya(&baris, "Mempercepat dan meningkatkan");
    let x = pilihan.x_dari("Mempercepat").expect("x");
    assert!((lanjut.x - x).abs() < 0.5, "{pilihan:?} / {lanjut:?}");

    // Attendance: rows at least 12 mm apart, and "Mengetahui" on the page of the last row.
    let hadir = pdf_baris(&std::fs::read(out.join("daftar-hadir.pdf")).expect("read"));
    // The row numbers of the first column: (page, baseline).
    let nomor: Vec<(usize, f64)> = hadir
        .iter()
        .enumerate()
        .flat_map(|(p, h)| {
            h.iter()
                .filter(|b| b.teks.parse::<usize>().is_ok())
                .map(move |b| (p, b.y))
        })
        .collect();
    assert!(nomor.len() >= 10, "numbered rows: {nomor:?}");
    for w in nomor.windows(2).filter(|w| w[0].0 == w[1].0) {
        assert!(
            w[1].1 - w[0].1 >= 12.0 * MM - 0.5,
            "rows {w:?} at least 12 mm apart"
        );
    }
    let halaman = pdf_halaman(&std::fs::read(out.join("daftar-hadir.pdf")).expect("read"));
    let akhir = rata(halaman.last().expect("a page"));
    assert!(
        akhir.contains("Mengetahui,") && akhir.contains("Nama Kepala Dinas"),
        "{akhir}"
    );
}
