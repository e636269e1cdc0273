//! Training material from the bundled content: the handout, the slides and the event kit, with
//! their text read by the PDF helpers of `tests/common`.

mod common;

use std::path::Path;

use common::{
    F4_PT, Server, bin, konten_bawaan, pdf_halaman, pdf_jumlah_halaman, pdf_sah, pdf_teks,
    pdf_ukuran_halaman, sinergi_ok, ukuran_sama,
};

fn baca(pdf: &Path) -> Vec<u8> {
    std::fs::read(pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()))
}

/// The whole text, whitespace collapsed to single spaces.
fn teks_pdf(pdf: &Path) -> String {
    pdf_teks(&baca(pdf))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Number of pages and the size of the first, in points.
fn halaman(pdf: &Path) -> (usize, (f64, f64)) {
    let isi = baca(pdf);
    pdf_sah(&isi);
    let ukuran = pdf_ukuran_halaman(&isi);
    (pdf_jumlah_halaman(&isi), ukuran[0])
}

/// Every module's title, in teaching order.
fn judul_modul() -> Vec<String> {
    modul_acara(u64::MAX)
        .into_iter()
        .map(|(_, judul, _)| judul)
        .collect()
}

#[test]
fn handout_has_modules_in_order_cases_and_glossary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("modul.pdf");
    sinergi_ok(&[
        "materi",
        "modul",
        "--tanggal",
        "2025-07-11",
        "--tempat",
        "Aula DPMD",
        "--out",
        pdf.to_str().expect("path"),
    ]);
    let t = teks_pdf(&pdf);
    let mut dari = 0;
    // After the table of contents, every module title appears, in teaching order.
    let isi = &t[t
        .find("Mekanisme Kerja Sama Desa Kerja sama desa berjalan")
        .expect("mechanism page")..];
    for j in judul_modul() {
        let awal: String = j.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        let pos = isi[dari..]
            .find(&awal)
            .unwrap_or_else(|| panic!("{awal:?} after position {dari}"));
        dari += pos + awal.len();
    }
    for harap in [
        "Daftar Isi",
        "Benteng",
        "Boddie",
        "Daftar Istilah",
        "BKAD",
        "Badan Permusyawaratan Desa",
        "11 Juli 2025",
        "Halaman 2 dari",
    ] {
        assert!(t.contains(harap), "{harap:?} in the handout");
    }
}

#[test]
fn slides_are_16_by_9_with_diagram_cases_and_quiz() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("slide.pdf");
    sinergi_ok(&[
        "materi",
        "slide",
        "--tanggal",
        "2025-07-11",
        "--out",
        pdf.to_str().expect("path"),
    ]);
    let (n, (lebar, tinggi)) = halaman(&pdf);
    assert!(n > 20, "{n} slides");
    assert!(
        (lebar / tinggi - 16.0 / 9.0).abs() < 0.01,
        "{lebar} × {tinggi} pt"
    );
    let t = teks_pdf(&pdf);
    for harap in [
        "Mekanisme kerja sama desa",
        "Penyusunan perjanjian",
        "Studi Kasus",
        "Benteng",
        "Kuis",
        "Tujuan pembelajaran",
    ] {
        assert!(t.contains(harap), "{harap:?} in the slides");
    }
}

#[test]
fn case_studies_are_taught_in_their_module_not_again_after_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("slide.pdf");
    sinergi_ok(&["materi", "slide", "--out", pdf.to_str().expect("path")]);
    let halaman: Vec<String> = pdf_halaman(&baca(&pdf))
        .iter()
        .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let semua = halaman.join(" ");
    let awal = halaman
        .iter()
        .position(|h| h.starts_with("Modul 9 "))
        .expect("the divider of module 9");
    let kuis = halaman
        .iter()
        .position(|h| h.starts_with("Uji pemahaman Kuis"))
        .expect("the quiz divider");
    // The quiz follows the last module's discussion: no section of cases in between.
    assert!(
        halaman[kuis - 1].starts_with("Diskusi"),
        "before the quiz: {}",
        halaman[kuis - 1]
    );
    let modul9 = halaman[awal..kuis].join(" ");
    for e in std::fs::read_dir(konten_bawaan().join("studi-kasus")).expect("cases") {
        let t = std::fs::read_to_string(e.expect("entry").path()).expect("read");
        let fm = t.split("---").nth(1).expect("front-matter");
        let v: serde_yaml::Value = serde_yaml::from_str(fm).expect("yaml");
        let judul = v["judul"].as_str().expect("judul");
        assert!(
            !semua.contains(judul),
            "{judul:?}: a slide again after the modules"
        );
        // Module 9 tells it, by a village or the kabupaten.
        let mut nama: Vec<&str> = v["lokasi"]["desa"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(|d| d.as_str())
            .collect();
        let kabupaten = v["lokasi"]["kabupaten"].as_str().expect("kabupaten");
        nama.push(
            kabupaten
                .trim_start_matches("Kabupaten ")
                .trim_start_matches("Kota "),
        );
        assert!(
            nama.iter().any(|n| modul9.contains(n)),
            "{judul:?} ({nama:?}) in module 9"
        );
    }
}

#[test]
fn kit_from_the_example_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let contoh = sinergi_ok(&["materi", "kit", "--contoh"]).stdout;
    let acara = dir.path().join("acara.yaml");
    std::fs::write(&acara, &contoh).expect("write");
    let v: serde_yaml::Value = serde_yaml::from_slice(&contoh).expect("yaml");
    let desa: Vec<String> = v["desa_undangan"]
        .as_sequence()
        .expect("villages")
        .iter()
        .map(|d| d["nama"].as_str().expect("name").to_string())
        .collect();
    let out = dir.path().join("kit");
    sinergi_ok(&[
        "materi",
        "kit",
        "--acara",
        acara.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ]);
    let (n, _) = halaman(&out.join("undangan.pdf"));
    assert_eq!(
        n,
        2 * desa.len(),
        "one invitation page per village, and its schedule"
    );
    let undangan = teks_pdf(&out.join("undangan.pdf"));
    let hadir = teks_pdf(&out.join("daftar-hadir.pdf"));
    for d in &desa {
        assert!(
            undangan.contains(&format!("Kepala Desa {d}")),
            "{d} invited"
        );
        assert!(hadir.contains(d), "{d} on the attendance sheet");
    }
    let pre = teks_pdf(&out.join("pre-test.pdf"));
    let post = teks_pdf(&out.join("post-test.pdf"));
    let kunci = teks_pdf(&out.join("kunci-jawaban.pdf"));
    assert!(pre.contains("PRE-TEST") && post.contains("POST-TEST"));
    assert!(!pre.contains("KUNCI"), "the sheet has no answers");
    assert!(kunci.contains("KUNCI JAWABAN"));
    assert!(
        pre.contains("Menurut UU 6/2014"),
        "questions from the quiz bank"
    );
}

/// The modules, in teaching order, that an event of `menit` minutes teaches (as `--durasi`
/// takes them: one that does not fit is left out and the next ones still tried).
fn modul_acara(menit: u64) -> Vec<(u64, String, u64)> {
    let mut m: Vec<(u64, String, u64)> = std::fs::read_dir(konten_bawaan().join("materi"))
        .expect("materi")
        .flatten()
        .map(|e| {
            let t = std::fs::read_to_string(e.path()).expect("read");
            let fm = t.split("---").nth(1).expect("front-matter");
            let v: serde_yaml::Value = serde_yaml::from_str(fm).expect("yaml");
            (
                v["urutan"].as_u64().expect("urutan"),
                v["judul"].as_str().expect("judul").to_string(),
                v["durasi"].as_u64().expect("durasi"),
            )
        })
        .collect();
    m.sort();
    let mut sisa = menit;
    m.retain(|(_, _, d)| {
        let muat = *d <= sisa;
        if muat {
            sisa -= d;
        }
        muat
    });
    m
}

/// The pages of a kit's invitations, whitespace collapsed, from an event file: the example
/// with `ganti` lines replacing those that start alike and `tambahan` appended.
fn undangan(dir: &Path, ganti: &[&str], tambahan: &str) -> Result<Vec<String>, String> {
    let contoh =
        String::from_utf8(sinergi_ok(&["materi", "kit", "--contoh"]).stdout).expect("utf8");
    let mut teks: String = contoh
        .lines()
        .map(|l| {
            let kunci = l.split(':').next().unwrap_or("");
            ganti
                .iter()
                .find(|g| !kunci.starts_with(' ') && g.starts_with(&format!("{kunci}:")))
                .map_or(l.to_string(), |g| g.to_string())
        })
        .collect::<Vec<_>>()
        .join("\n");
    teks.push('\n');
    teks.push_str(tambahan);
    let acara = dir.join("acara.yaml");
    std::fs::write(&acara, teks).expect("write");
    let out = dir.join("kit");
    let hasil = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["materi", "kit", "--acara"])
        .arg(&acara)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    if !hasil.status.success() {
        return Err(String::from_utf8_lossy(&hasil.stderr).into_owned());
    }
    Ok(pdf_halaman(&baca(&out.join("undangan.pdf")))
        .iter()
        .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect())
}

/// An event file over 2 MB is refused before it is read, naming the file and the limit.
#[test]
fn an_oversized_event_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let besar = format!("# {}\n", "x".repeat(2 * 1024 * 1024));
    let e = undangan(dir.path(), &[], &besar).expect_err("refused");
    assert!(
        e.contains("acara.yaml terlalu besar (paling besar 2 MB)"),
        "{e}"
    );
    assert!(!dir.path().join("kit").exists(), "nothing written");
}

#[test]
fn the_invitation_attaches_the_schedule_of_the_modules_taught() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The example: 420 minutes from 08.00–15.00 WIB, no breaks.
    let h = undangan(dir.path(), &[], "").expect("the example kit");
    let modul = modul_acara(420);
    assert!(modul.len() < judul_modul().len(), "some modules left out");
    for (surat, jadwal) in h.iter().step_by(2).zip(h.iter().skip(1).step_by(2)) {
        assert!(
            surat.contains("Lampiran : 1 (satu) lembar jadwal acara"),
            "{surat}"
        );
        assert!(
            jadwal.contains("JADWAL ACARA") && jadwal.contains("Nomor : 005/123/DPMD/2025"),
            "{jadwal}"
        );
        let mut dari = 0;
        let mut mulai = 8 * 60;
        for (n, judul, menit) in &modul {
            let baris = format!("Modul {n} – {judul}");
            let pos = jadwal[dari..]
                .find(&baris)
                .unwrap_or_else(|| panic!("{baris:?} in order in {jadwal}"));
            dari += pos + baris.len();
            let selesai = mulai + menit;
            let waktu = format!(
                "{:02}.{:02}–{:02}.{:02}",
                mulai / 60,
                mulai % 60,
                selesai / 60,
                selesai % 60
            );
            assert!(jadwal.contains(&waktu), "{waktu} for {baris:?}: {jadwal}");
            mulai = selesai;
        }
        assert_eq!(mulai, 15 * 60, "the last module ends at 15.00");
        assert!(jadwal.contains("Jumlah 420 menit"), "{jadwal}");
        assert!(
            !jadwal.contains("stirahat"),
            "no break the file does not give"
        );
        for (n, judul, _) in modul_acara(10_000).iter().filter(|m| !modul.contains(m)) {
            assert!(!jadwal.contains(judul.as_str()), "Modul {n} is not taught");
        }
    }

    // A break the file describes, and no start time: durations only.
    let h = undangan(
        dir.path(),
        &["durasi: 360", "waktu: sehari penuh"],
        "istirahat:\n- {setelah_modul: 2, menit: 15, keterangan: Rehat kopi}\n",
    )
    .expect("a kit with a break");
    let jadwal = &h[1];
    let (rehat, kedua, ketiga) = (
        jadwal.find("Rehat kopi 15 menit").expect("the break"),
        jadwal.find("Modul 2 –").expect("module 2"),
        jadwal.find("Modul 3 –").expect("module 3"),
    );
    assert!(kedua < rehat && rehat < ketiga, "{jadwal}");
    assert!(
        !jadwal.contains("08.00"),
        "no times without a start: {jadwal}"
    );

    // Lampiran as the organiser writes it: "-" attaches nothing, other words stay.
    let h = undangan(dir.path(), &["lampiran: '-'"], "").expect("a kit without attachment");
    assert_eq!(h.len(), 4, "one page per village");
    assert!(h.iter().all(|p| !p.contains("JADWAL ACARA")));
    let h = undangan(dir.path(), &["lampiran: 2 (dua) berkas"], "").expect("a kit");
    assert!(h[0].contains("Lampiran : 2 (dua) berkas") && h[1].contains("JADWAL ACARA"));

    // A break that makes the day longer than `waktu` is refused, not printed.
    let e = undangan(
        dir.path(),
        &[],
        "istirahat:\n- {setelah_modul: 3, menit: 60}\n",
    )
    .expect_err("refused");
    assert!(e.contains("waktu:") && e.contains("16.00"), "{e}");

    // Without `durasi`, the modules taught are chosen to fit `waktu` less its breaks.
    let h = undangan(
        dir.path(),
        &["durasi: null"],
        "istirahat:\n- {setelah_modul: 3, menit: 60}\n",
    )
    .expect("a kit fitted to waktu");
    let jadwal = &h[1];
    let b = jadwal.as_bytes();
    let akhir = (0..b.len().saturating_sub(4))
        .filter(|&i| {
            b[i..i + 2].iter().all(u8::is_ascii_digit)
                && b[i + 2] == b'.'
                && b[i + 3..i + 5].iter().all(u8::is_ascii_digit)
        })
        .filter_map(|i| jadwal[i..i + 5].replace('.', "").parse::<u32>().ok())
        .max();
    assert!(
        akhir.is_some_and(|a| a <= 1500) && jadwal.contains("Istirahat"),
        "ends by 15.00 with the break: {jadwal}"
    );
}

/// Research caveats for editors: they belong in an entry's `catatan`, never in what
/// participants read.
const CATATAN_PENYUNTING: [&str; 5] = [
    "belum dicocokkan",
    "dicocokkan dulu",
    "mintalah petunjuk dpmd",
    "perlu dicek",
    "belum dapat dipastikan",
];

#[test]
fn participants_read_no_research_caveats() {
    // The bundled content carries such caveats for editors, so the test can fail.
    let mut di_konten = 0;
    for kol in ["regulasi", "studi-kasus", "materi"] {
        for e in std::fs::read_dir(konten_bawaan().join(kol)).expect("folder") {
            let t = std::fs::read_to_string(e.expect("entry").path()).expect("read");
            let t = t.to_lowercase();
            di_konten += CATATAN_PENYUNTING.iter().filter(|f| t.contains(*f)).count();
        }
    }
    assert!(di_konten > 0, "no caveat in the content to keep out");

    let dir = tempfile::tempdir().expect("tempdir");
    let acara = dir.path().join("acara.yaml");
    std::fs::write(&acara, sinergi_ok(&["materi", "kit", "--contoh"]).stdout).expect("write");
    let a = acara.to_str().expect("path");
    let kit = dir.path().join("kit");
    sinergi_ok(&[
        "materi",
        "kit",
        "--acara",
        a,
        "--out",
        kit.to_str().expect("path"),
    ]);
    let mut dibaca = vec![kit.join("pre-test.pdf"), kit.join("post-test.pdf")];
    for jenis in ["modul", "slide"] {
        let pdf = dir.path().join(format!("{jenis}.pdf"));
        sinergi_ok(&["materi", jenis, "--out", pdf.to_str().expect("path")]);
        dibaca.push(pdf);
    }
    for pdf in &dibaca {
        let t = teks_pdf(pdf).to_lowercase();
        for f in CATATAN_PENYUNTING {
            assert!(
                !t.contains(f),
                "{}: {f:?} reaches participants: …{}…",
                pdf.display(),
                t.find(f)
                    .map(|i| &t[t.floor_char_boundary(i.saturating_sub(120))..i + f.len()])
                    .unwrap_or("")
            );
        }
    }
}

#[test]
fn kit_without_villages_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let acara = dir.path().join("acara.yaml");
    std::fs::write(
        &acara,
        "nama_acara: X\npenyelenggara: DPMD\ntempat: Aula\ntanggal: 2025-02-30\n",
    )
    .expect("write");
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "materi",
            "kit",
            "--acara",
            acara.to_str().expect("path"),
            "--out",
        ])
        .arg(dir.path().join("kit"))
        .output()
        .expect("run");
    assert!(!out.status.success());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("tanggal") && e.contains("desa_undangan"), "{e}");
}

#[tokio::test]
async fn downloads_from_the_web() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let (st, html) = s.get("/materi/unduh").await;
    assert_eq!(st, 200);
    assert!(html.contains("name=\"tanggal\""));
    assert!(
        html.contains("method=\"post\""),
        "names and NIP stay out of URLs"
    );
    let klien = reqwest::Client::new();
    let kirim = |isian: &[(&str, &str)]| klien.post(s.url("/materi/unduh")).form(isian).send();
    let r = kirim(&[
        ("berkas", "modul"),
        ("nama_acara", "Sosialisasi Kerja Sama Desa"),
        ("tanggal", "2025-07-11"),
        ("kertas", "f4"),
    ])
    .await
    .expect("post");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert_eq!(
        r.headers()["content-disposition"],
        "attachment; filename=\"sosialisasi-kerja-sama-desa-2025-07-11-modul.pdf\""
    );
    let modul = r.bytes().await.expect("body");
    pdf_sah(&modul);
    for u in pdf_ukuran_halaman(&modul) {
        assert!(ukuran_sama(u, F4_PT), "kertas=f4 gives F4 pages, not {u:?}");
    }
    let r = kirim(&[
        ("berkas", "undangan.pdf"),
        ("tanggal", "2025-07-11"),
        ("tempat", "Aula"),
    ])
    .await
    .expect("post");
    assert_eq!(r.status(), 422, "no invited villages");
    let html = r.text().await.expect("body");
    assert!(
        html.contains("Desa yang diundang:") && !html.contains("desa_undangan:"),
        "the problem names the form's label: {html}"
    );
    // A GET with the old parameters downloads nothing: it shows the form.
    let r = reqwest::get(s.url("/materi/unduh?berkas=modul&tanggal=2025-07-11"))
        .await
        .expect("get");
    assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
}

#[tokio::test]
async fn the_whole_kit_comes_as_one_zip_named_after_the_event() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let r = reqwest::Client::new()
        .post(s.url("/materi/unduh"))
        .form(&[
            ("berkas", "semua"),
            ("nama_acara", "Bimtek BKAD Garut"),
            ("tanggal", "2025-07-11"),
            ("tempat", "Aula"),
            ("desa", "Sukamaju, Tarogong Kidul\nMekarwangi"),
            ("peserta", "Kepala Desa"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/zip");
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert_eq!(
        r.headers()["content-disposition"],
        "attachment; filename=\"bimtek-bkad-garut-2025-07-11-kit.zip\""
    );
    let isi = r.bytes().await.expect("body");
    let mut arsip = zip::ZipArchive::new(std::io::Cursor::new(isi.to_vec())).expect("a ZIP");
    let mut nama: Vec<String> = arsip.file_names().map(str::to_string).collect();
    nama.sort();
    let awalan = "bimtek-bkad-garut-2025-07-11";
    let mut harap: Vec<String> = [
        "modul",
        "slide",
        "undangan",
        "daftar-hadir",
        "pre-test",
        "post-test",
        "kunci-jawaban",
    ]
    .iter()
    .map(|n| format!("{awalan}-{n}.pdf"))
    .collect();
    harap.sort();
    assert_eq!(nama, harap);
    for n in &harap {
        let mut f = arsip.by_name(n).expect("file");
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut b).expect("read");
        pdf_sah(&b);
    }
}
