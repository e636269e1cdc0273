//! The PDF helpers of `tests/common` on a real rendered document: positioned lines land where
//! the page puts them, the text reads as printed, and the structural check catches broken files.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};

use common::{
    A4_PT, Baris, F4_PT, SHY, bin, pdf_baris, pdf_contoh, pdf_halaman, pdf_jumlah_halaman, pdf_sah,
    pdf_teks, pdf_ukuran_halaman, pohon, ukuran_sama,
};

const PKS: &str = "perjanjian-kerja-sama-pihak-ketiga";
/// 1 cm in points.
const CM: f64 = 72.0 / 2.54;

fn baris_dengan<'a>(halaman: &'a [Baris], awal: &str) -> &'a Baris {
    halaman
        .iter()
        .find(|b| b.teks.starts_with(awal))
        .unwrap_or_else(|| panic!("a line starting {awal:?} in {halaman:#?}"))
}

#[test]
fn lines_of_the_agreement_sit_where_the_page_puts_them() {
    let pdf = pdf_contoh(PKS, &[]);
    let semua = pdf_baris(&pdf);
    let n = pdf_jumlah_halaman(&pdf);
    assert!(n >= 2, "{n} pages");
    assert_eq!(semua.len(), n, "lines for every page");
    let (lebar, tinggi) = A4_PT;
    // The template's margins: 3 cm left, 2.5 cm right, 2.5 cm top.
    let (kiri, kanan) = (3.0 * CM, lebar - 2.5 * CM);

    for (i, halaman) in semua.iter().enumerate() {
        assert!(!halaman.is_empty(), "page {} has text", i + 1);
        for b in halaman {
            assert!(
                b.x >= kiri - 0.5 && b.x_akhir <= kanan + 6.0 && b.x < b.x_akhir,
                "page {}: {b:?} between the margins",
                i + 1
            );
            assert!(
                b.y > 2.5 * CM && b.y < tinggi,
                "page {}: {b:?} below the top margin",
                i + 1
            );
            assert!(b.ukuran >= 8.0 && b.ukuran < 20.0, "{b:?}");
            assert_eq!(
                b.teks,
                b.kata
                    .iter()
                    .map(|k| k.teks.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
        // Reading order: down the page within a block (a column, one side of the signatures).
        assert!(
            halaman
                .windows(2)
                .all(|w| w[0].blok != w[1].blok || w[0].y < w[1].y),
            "page {}: lines of a block top to bottom",
            i + 1
        );
        // The footer, last on the page, centred on the text area, numbers the page.
        let kaki = halaman.last().expect("a line");
        assert_eq!(kaki.teks, format!("Halaman {} dari {n}", i + 1));
        assert!((kaki.ukuran - 9.0).abs() < 0.1, "{kaki:?}");
        assert!(
            (kaki.x_tengah() - (kiri + kanan) / 2.0).abs() < 1.0,
            "{kaki:?}"
        );
        assert!(kaki.y > tinggi - 2.5 * CM, "{kaki:?} in the bottom margin");
    }

    let satu = &semua[0];
    // The title comes first, larger than the body, centred between the margins (so 7 pt right
    // of the page's middle, the left margin being wider).
    let judul = &satu[0];
    assert_eq!(judul.teks, "PERJANJIAN KERJA SAMA");
    assert!(judul.ukuran > 12.5, "{judul:?}");
    assert!(
        (judul.x_tengah() - (kiri + kanan) / 2.0).abs() < 1.0,
        "{judul:?} centred between the margins at {}",
        (kiri + kanan) / 2.0
    );
    assert!((judul.x_tengah() - lebar / 2.0).abs() < 10.0, "{judul:?}");
    // The first paragraph starts at the left margin, in 12 pt, below the title.
    let pembuka = baris_dengan(satu, "Pada hari ini Jumat, tanggal 11 Juli 2025");
    assert!((pembuka.x - kiri).abs() < 0.5, "{pembuka:?}");
    assert!((pembuka.ukuran - 12.0).abs() < 0.1, "{pembuka:?}");
    assert!(pembuka.y > judul.y + 3.0 * 12.0, "{pembuka:?}");
    // Justified: a full line ends at the right margin.
    assert!((pembuka.x_akhir - kanan).abs() < 1.0, "{pembuka:?}");
    // The party list hangs: the continuation of item 1 starts under its text, not its number.
    let pihak = satu
        .iter()
        .position(|b| b.teks.starts_with("1. Asep Sunandar"))
        .expect("item 1");
    let teks_x = satu[pihak].x_dari("Asep").expect("the name's x");
    assert!(teks_x > satu[pihak].x + 5.0, "{:?}", satu[pihak]);
    let lanjutan = &satu[pihak + 1];
    assert!(
        (lanjutan.x - teks_x).abs() < 0.5,
        "{lanjutan:?} starts at {teks_x}, under the item's text"
    );
    assert!(
        (lanjutan.y - satu[pihak].y - 1.3 * 12.0).abs() < 1.0,
        "the next line, one baseline ({} pt) down: {lanjutan:?}",
        1.3 * 12.0
    );
    // Positions of words in the line.
    let kata = &pembuka.kata;
    assert_eq!(kata[0].teks, "Pada");
    assert!(kata.windows(2).all(|w| w[0].x_akhir < w[1].x));
    assert_eq!(pembuka.x_dari("Pada"), Some(kata[0].x));
    assert_eq!(pembuka.x_dari("Juli"), Some(kata[6].x));
    assert_eq!(pembuka.x_dari("tidak ada"), None);
}

#[test]
fn text_reads_as_printed() {
    let pdf = pdf_contoh(PKS, &[]);
    let halaman = pdf_halaman(&pdf);
    assert_eq!(halaman.len(), pdf_jumlah_halaman(&pdf));
    assert!(halaman[0].starts_with("PERJANJIAN KERJA SAMA\nANTARA\n"));
    assert!(halaman[0].contains("\nHalaman 1 dari "));
    assert!(halaman[1].contains("\nHalaman 2 dari "));
    assert!(!halaman[0].contains("Halaman 2 dari"));
    let teks = pdf_teks(&pdf);
    assert_eq!(teks, halaman.join("\n\u{c}"));
    // A line broken at the hyphen of a compound reads whole, with its hyphen.
    assert!(teks.contains("005/BA-Musdes/VI/2025"), "{teks}");
    // Words are separated by one space whatever the justification stretched.
    assert!(!teks.contains("  "));
    // The signatures: each name on a line of its own, in the signature block on the last page.
    let akhir = halaman.last().expect("a page");
    for nama in ["Asep Sunandar", "Dedi Kurniawan"] {
        assert!(akhir.lines().any(|l| l == nama), "{nama} in {akhir}");
    }
}

#[test]
fn words_typst_hyphenated_read_whole() {
    // Indonesian has no hyphenation patterns in typst: English in a narrow column breaks words.
    let konten = pohon(&[
        (
            "templat/uji.md",
            "---\njudul: Uji\ntahap: persiapan\npanduan: x\nformulir:\n  - {nama: nama, label: Nama, jenis: teks, contoh: A}\n---\nHalo.\n",
        ),
        ("d.yaml", "nama: A\n"),
    ]);
    let templates = pohon(&[(
        "dokumen/uji.typ",
        "#set text(lang: \"en\", hyphenate: true)\n#set par(justify: true)\n\
         #block(width: 3cm)[internationalization responsibilities extraordinary characteristically well-known]\n",
    )]);
    let pdf = konten.path().join("uji.pdf");
    let out = bin()
        .arg("--content")
        .arg(konten.path())
        .arg("--templates")
        .arg(templates.path())
        .args(["render", "uji", "--data"])
        .arg(konten.path().join("d.yaml"))
        .arg("--out")
        .arg(&pdf)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(&pdf).expect("read");
    let baris = &pdf_baris(&pdf)[0];
    assert!(
        baris.iter().filter(|b| b.teks.ends_with(SHY)).count() >= 2,
        "words broken at line ends: {baris:#?}"
    );
    assert_eq!(
        pdf_teks(&pdf).split_whitespace().collect::<Vec<_>>(),
        [
            "internationalization",
            "responsibilities",
            "extraordinary",
            "characteristically",
            // Mid-line, the hyphen that maps to U+00AD too is a hyphen.
            "well-known"
        ]
    );
}

#[test]
fn page_sizes_are_the_paper_asked_for() {
    for (kertas, ukuran) in [("a4", A4_PT), ("f4", F4_PT)] {
        let pdf = pdf_contoh(PKS, &["--kertas", kertas]);
        let semua = pdf_ukuran_halaman(&pdf);
        assert_eq!(semua.len(), pdf_jumlah_halaman(&pdf));
        for u in semua {
            assert!(ukuran_sama(u, ukuran), "{kertas}: {u:?}");
        }
    }
    assert!(!ukuran_sama(A4_PT, F4_PT));
}

/// The message `pdf_sah` panics with on `pdf`, or None when it passes.
fn tolak(pdf: &[u8]) -> Option<String> {
    let e = catch_unwind(AssertUnwindSafe(|| pdf_sah(pdf))).err()?;
    Some(
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default(),
    )
}

fn cari(h: &[u8], jarum: &[u8]) -> usize {
    h.windows(jarum.len())
        .position(|w| w == jarum)
        .unwrap_or_else(|| panic!("{:?} in the PDF", String::from_utf8_lossy(jarum)))
}

/// Lowers the last digit of the number after `kunci` (0 becomes 9), keeping the file's length
/// so that no offset moves.
fn ubah_angka(pdf: &[u8], kunci: &[u8]) -> Vec<u8> {
    let mut rusak = pdf.to_vec();
    let mut i = cari(pdf, kunci) + kunci.len();
    while rusak[i] == b' ' {
        i += 1;
    }
    while rusak[i + 1].is_ascii_digit() {
        i += 1;
    }
    rusak[i] = if rusak[i] == b'0' { b'9' } else { rusak[i] - 1 };
    rusak
}

#[test]
fn structural_check_passes_real_files_and_names_what_is_broken() {
    let pdf = pdf_contoh(PKS, &[]);
    assert_eq!(tolak(&pdf), None, "a rendered document is valid");

    let mut kasus: Vec<(&str, Vec<u8>, &str)> = Vec::new();
    kasus.push(("not a PDF", b"<html>bukan pdf</html>".to_vec(), "%PDF"));
    kasus.push(("truncated", pdf[..pdf.len() * 2 / 3].to_vec(), "%%EOF"));
    // One byte after the header: every offset is off by one.
    let mut geser = pdf.clone();
    geser.insert(cari(&pdf, b"\n") + 1, b'\n');
    kasus.push(("shifted", geser, "startxref"));
    kasus.push(("startxref", ubah_angka(&pdf, b"startxref"), "startxref"));
    // An xref entry (object 1's, after the free entry of object 0) pointing elsewhere.
    let nol = cari(&pdf, b"\nxref\n0 ") + 1;
    let satu = nol + cari(&pdf[nol..], b" 65535 f") - 10 + 20;
    let mut entri = pdf.clone();
    entri[satu + 9] = if pdf[satu + 9] == b'9' {
        b'8'
    } else {
        pdf[satu + 9] + 1
    };
    kasus.push(("xref entry", entri, "xref entry for object 1 0"));
    // A page tree that counts a page it does not have.
    kasus.push(("count", ubah_angka(&pdf, b"/Type/Pages/Count"), "/Count"));
    // A stream whose /Length is not the length of its data.
    kasus.push(("length", ubah_angka(&pdf, b"/Length"), "/Length"));
    // A trailer whose /Size does not cover the objects.
    let mut ukuran = pdf.clone();
    let i = cari(&pdf, b"trailer");
    let mut j = i + cari(&pdf[i..], b"/Size ") + b"/Size ".len();
    while pdf[j + 1].is_ascii_digit() {
        j += 1;
    }
    ukuran[j] = b' ';
    kasus.push(("size", ukuran, "/Size"));
    // Compressed data that does not decompress (qpdf --check let this pass).
    let mut aliran = pdf.clone();
    let i = cari(&pdf, b"/FlateDecode");
    let j = i + cari(&pdf[i..], b"stream\n") + b"stream\n".len();
    aliran[j..j + 2].copy_from_slice(b"\xff\xff");
    kasus.push(("flate", aliran, "cannot be decoded"));

    for (nama, rusak, pesan) in kasus {
        let e = tolak(&rusak).unwrap_or_else(|| panic!("{nama}: a broken PDF passed the check"));
        assert!(e.contains(pesan), "{nama}: {pesan:?} in {e:?}");
    }
}
