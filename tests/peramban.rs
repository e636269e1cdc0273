//! Browser tests: a real Chromium, driven through chromedriver, on the pages a village
//! secretary uses (feature `peramban`; `.ci/peramban` installs both and runs them).
//!
//! `CHROMEDRIVER` and `CHROMIUM` name the programs (default: `chromedriver`, `/usr/bin/chromium`);
//! `SINERGI_TANGKAPAN` the folder for screenshots (default `/tmp/shots`).

mod common;

use std::time::{Duration, Instant};

use common::peramban::*;
use fantoccini::Locator;

const PKS: &str = "perjanjian-kerja-sama-pihak-ketiga";
const PERDES: &str = "perdes-kerja-sama-desa";

#[tokio::test]
async fn an_emblem_too_large_keeps_the_form_and_a_photo_is_shrunk_with_a_thumbnail() {
    let p = Peramban::mulai().await;
    let dir = tempfile::tempdir().expect("tempdir");
    // 16 MB that starts like a PNG: over the 15 MB limit the form states.
    let besar = dir.path().join("besar.png");
    let mut isi = b"\x89PNG\r\n\x1a\n".to_vec();
    isi.resize(16 * 1024 * 1024, 0);
    std::fs::write(&besar, isi).expect("write");
    p.buka(&format!("/dokumen/{PERDES}?contoh=1")).await;
    let bantuan = p
        .js("return document.querySelector('#bantuan-lambang').textContent")
        .await;
    assert!(
        bantuan.as_str().unwrap_or("").contains("15 MB"),
        "{bantuan}"
    );
    let nama = p.c.find(Locator::Id("desa-nama")).await.expect("desa.nama");
    nama.clear().await.expect("clear");
    nama.send_keys("Sukamaju Tetap").await.expect("type");
    p.c.find(Locator::Id("lambang"))
        .await
        .expect("file input")
        .send_keys(besar.to_str().expect("path"))
        .await
        .expect("choose file");
    p.kirim("button[name=_aksi][value=buat]:not(.tersembunyi)")
        .await;
    assert!(p.jalur().await.starts_with(&format!("/dokumen/{PERDES}")));
    let nilai = p
        .js("return document.getElementById('desa-nama').value")
        .await;
    assert_eq!(nilai, "Sukamaju Tetap", "what was typed is kept");
    let pesan = p
        .js("return document.getElementById('pesan-lambang').textContent")
        .await;
    let pesan = pesan.as_str().unwrap_or("");
    assert!(
        pesan.contains("15 MB") && !pesan.contains("base64"),
        "{pesan}"
    );
    let aria = p
        .js("return document.getElementById('lambang').getAttribute('aria-invalid')")
        .await;
    assert_eq!(aria, "true");
    assert!(
        !p.js("return document.body.innerText")
            .await
            .as_str()
            .unwrap_or("")
            .contains("payload")
    );

    // A 3,000 × 2,000 phone photo (several MB) is shrunk and shown small, and can be removed.
    let jpeg = dir.path().join("foto.jpg");
    foto(3000, 2000, &jpeg);
    assert!(std::fs::metadata(&jpeg).expect("meta").len() > 2 * 1024 * 1024);
    p.c.find(Locator::Id("lambang"))
        .await
        .expect("file input")
        .send_keys(jpeg.to_str().expect("path"))
        .await
        .expect("choose file");
    // "+ Tambah" keeps the photo without making the PDF.
    p.kirim("button[value^='tambah:']").await;
    assert!(
        p.ada(".terlampir img.pratinjau").await,
        "a thumbnail of the attached emblem"
    );
    let lebar = p
        .js("return document.querySelector('.terlampir img').naturalWidth")
        .await;
    assert_eq!(lebar, 1000, "shrunk to print size");
    p.kirim(".terlampir button").await;
    assert!(!p.ada(".terlampir").await, "the emblem is removed");
}

/// The repeated group "Saksi" (at most 4, at least 0) of the agreement.
async fn baris_saksi(p: &Peramban) -> usize {
    p.js("return document.querySelectorAll('#grup-saksi fieldset.baris').length")
        .await
        .as_u64()
        .expect("count") as usize
}

#[tokio::test]
async fn add_and_remove_return_to_the_group_with_focus_and_respect_its_bounds() {
    let p = Peramban::mulai().await;
    p.c.set_window_size(390, 844).await.expect("phone size");
    p.buka(&format!("/dokumen/{PKS}?contoh=1")).await;
    assert_eq!(baris_saksi(&p).await, 2);
    for n in [3, 4] {
        p.kirim("#grup-saksi > button[value^='tambah:']").await;
        assert_eq!(baris_saksi(&p).await, n);
        assert!(
            p.jalur().await.ends_with("#grup-saksi"),
            "{}",
            p.jalur().await
        );
        let fokus = p
            .js("return document.activeElement.closest('#grup-saksi') !== null")
            .await;
        assert_eq!(fokus, true, "focus stays in the group");
        let atas = p
            .js("return document.getElementById('grup-saksi').getBoundingClientRect().top")
            .await;
        let atas = atas.as_f64().expect("top");
        assert!(
            (-5.0..200.0).contains(&atas),
            "the group is in view, not the page top: {atas}"
        );
    }
    // At the maximum there is no "+ Tambah".
    assert!(
        !p.ada("#grup-saksi button[value^='tambah:']").await,
        "no Tambah at maks"
    );
    for n in (0..4).rev() {
        p.kirim("#grup-saksi button[value^='hapus:']").await;
        assert_eq!(baris_saksi(&p).await, n);
        assert!(p.jalur().await.ends_with("#grup-saksi"));
    }
    // At the minimum there is no "Hapus"; "+ Tambah" is back.
    assert!(
        !p.ada("#grup-saksi button[value^='hapus:']").await,
        "no Hapus at min"
    );
    assert!(p.ada("#grup-saksi button[value^='tambah:']").await);
}

#[tokio::test]
async fn the_error_summary_names_fields_by_label_and_inputs_point_at_their_messages() {
    let p = Peramban::mulai().await;
    p.buka(&format!("/dokumen/{PKS}?contoh=1")).await;
    let dana =
        p.c.find(Locator::Id("pendanaan-apb-desa"))
            .await
            .expect("rupiah field");
    dana.clear().await.expect("clear");
    dana.send_keys("banyak sekali").await.expect("type");
    p.kirim("button[name=_aksi][value=buat]:not(.tersembunyi)")
        .await;
    let ringkasan = p
        .js("return document.getElementById('ringkasan-galat').innerText")
        .await;
    let ringkasan = ringkasan.as_str().expect("a summary");
    assert!(
        !ringkasan.contains("pendanaan.") && !ringkasan.contains("_"),
        "{ringkasan}"
    );
    assert!(ringkasan.contains("Dana dari APB Desa"), "{ringkasan}");
    assert_eq!(
        p.js("return document.querySelectorAll('[role=alert]').length")
            .await,
        1
    );
    // Each invalid input: aria-invalid, and aria-describedby naming its message, which exists.
    let cek = p
        .js(
            "return [...document.querySelectorAll('[aria-invalid=true]')].map(e => \
               (e.getAttribute('aria-describedby') || '').split(' ')
                 .some(id => id.startsWith('pesan-') && document.getElementById(id)))",
        )
        .await;
    let cek = cek.as_array().expect("list");
    assert!(!cek.is_empty() && cek.iter().all(|b| b == true), "{cek:?}");
    // The link leads to the field.
    p.klik("#ringkasan-galat a").await;
    assert_eq!(
        p.js("return document.activeElement.id").await,
        "pendanaan-apb-desa"
    );
}

/// Heading levels of the main content in order: never a jump of more than one down.
async fn judul_berurutan(p: &Peramban) {
    let t = p
        .js("return [...document.querySelectorAll('main h1,main h2,main h3,main h4,main h5,main h6')].map(h => +h.tagName[1])")
        .await;
    let t: Vec<u64> = t
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|v| v.as_u64())
        .collect();
    assert_eq!(t.first(), Some(&1), "{t:?}");
    for w in t.windows(2) {
        assert!(w[1] <= w[0] + 1, "heading jump in {t:?}");
    }
}

#[tokio::test]
async fn a_template_page_leads_to_its_form_and_shows_plain_blanks() {
    let p = Peramban::mulai().await;
    p.buka(&format!("/templat/{PKS}")).await;
    let tombol = p.js("return [...document.querySelectorAll('a')].filter(a => a.textContent.trim() == 'Isi formulir').length").await;
    assert!(
        tombol.as_u64() >= Some(2),
        "at the top and the bottom: {tombol}"
    );
    let teks = p
        .js("return document.querySelector('main').innerText")
        .await;
    let teks = teks.as_str().expect("text");
    for kode in ["{%", "{{", "loop.", "throw(", "desa.nama", "index0"] {
        assert!(!teks.contains(kode), "engine code `{kode}` shown");
    }
    assert!(teks.contains("«nama desa»"), "plain blanks");
    judul_berurutan(&p).await;
    p.kirim("main a.tombol").await;
    assert_eq!(p.jalur().await, format!("/dokumen/{PKS}"));
    assert!(p.ada("form.formulir").await);
    p.buka("/dokumen").await;
    judul_berurutan(&p).await;
}

#[tokio::test]
async fn search_past_the_last_page_goes_to_the_last_and_a_long_query_is_kept_cut() {
    let p = Peramban::mulai().await;
    p.buka("/cari?q=desa&halaman=99").await;
    let u = p.jalur().await;
    let n: usize = u
        .split("halaman=")
        .nth(1)
        .and_then(|s| s.split('&').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    assert!(n < 99, "{u}");
    let teks = p
        .js("return document.querySelector('nav.halaman').innerText")
        .await;
    assert!(
        teks.as_str()
            .unwrap_or("")
            .contains(&format!("Halaman {n} dari {n}")),
        "{teks}"
    );
    assert_eq!(
        p.js("return document.querySelector('input[name=q]').getAttribute('maxlength')")
            .await,
        "500"
    );
    let panjang = "kerja sama ".repeat(60);
    p.buka(&format!("/cari?q={}", panjang.replace(' ', "+")))
        .await;
    let isi = p
        .js("return document.querySelector('input[name=q]').value")
        .await;
    let isi = isi.as_str().expect("value");
    assert!(
        !isi.is_empty() && isi.chars().count() <= 500,
        "{}",
        isi.len()
    );
    let teks = p
        .js("return document.querySelector('main').innerText")
        .await;
    assert!(
        teks.as_str().unwrap_or("").contains("terlalu panjang"),
        "said in plain words"
    );
    // On a phone the filters are folded; the year filter is there.
    p.c.set_window_size(390, 844).await.expect("phone size");
    p.buka("/cari?q=desa").await;
    let terlipat = p
        .js("return document.querySelector('details.saring').open")
        .await;
    assert_eq!(terlipat, false);
    assert!(p.ada("input[name=tahun]").await);
}

#[tokio::test]
async fn the_training_kit_arrives_as_one_zip_by_post() {
    let p = Peramban::mulai().await;
    p.buka("/materi/unduh").await;
    p.c.find(Locator::Id("nama_acara"))
        .await
        .expect("field")
        .send_keys("Bimtek BKAD")
        .await
        .expect("type");
    p.js("document.getElementById('tanggal').value = '2025-07-11'")
        .await;
    p.c.find(Locator::Id("tempat"))
        .await
        .expect("field")
        .send_keys("Aula Kantor Kecamatan")
        .await
        .expect("type");
    p.c.find(Locator::Id("desa"))
        .await
        .expect("field")
        .send_keys("Sukamaju, Tarogong Kidul")
        .await
        .expect("type");
    p.c.find(Locator::Id("ttd_nip"))
        .await
        .expect("field")
        .send_keys("198001012005011001")
        .await
        .expect("type");
    p.klik("button[value=semua]").await;
    let awal = Instant::now();
    let zip = loop {
        let selesai = std::fs::read_dir(p.unduhan.path())
            .expect("downloads")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|f| f.extension().is_some_and(|x| x == "zip"));
        if let Some(f) = selesai {
            break f;
        }
        if awal.elapsed() > Duration::from_secs(150) || p.ada("[role=alert]").await {
            let ada: Vec<_> = std::fs::read_dir(p.unduhan.path())
                .expect("downloads")
                .filter_map(Result::ok)
                .map(|e| e.file_name())
                .collect();
            let teks = p.js("return document.body.innerText.slice(0, 500)").await;
            panic!(
                "no ZIP downloaded: {ada:?} at {} showing {teks}",
                p.jalur().await
            );
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    assert_eq!(
        zip.file_name().and_then(|n| n.to_str()),
        Some("bimtek-bkad-2025-07-11-kit.zip")
    );
    let arsip = zip::ZipArchive::new(std::fs::File::open(&zip).expect("open")).expect("a ZIP");
    assert_eq!(arsip.len(), 7, "modul, slide and the five kit files");
    // The NIP went in the body, not the address.
    assert!(!p.jalur().await.contains("1980"), "{}", p.jalur().await);
}

/// Pages as a secretary sees them, at phone and desktop widths, for a person to look at.
#[tokio::test]
async fn screenshots_at_390_and_1280_pixels() {
    let p = Peramban::mulai().await;
    let dir = folder_tangkapan();
    let halaman = [
        ("beranda", "/".to_string()),
        ("cari", "/cari?q=kerja+sama+antar-desa".to_string()),
        ("dokumen", "/dokumen".to_string()),
        ("formulir", format!("/dokumen/{PKS}?contoh=1")),
        ("templat", format!("/templat/{PKS}")),
        ("materi-unduh", "/materi/unduh".to_string()),
        ("regulasi", "/regulasi/uu-6-2014".to_string()),
    ];
    for lebar in [390u32, 1280] {
        for (nama, jalur) in &halaman {
            p.c.set_window_size(lebar, 900).await.expect("size");
            p.buka(jalur).await;
            // The whole page, not only the first screen.
            let tinggi = p
                .js("return document.documentElement.scrollHeight")
                .await
                .as_u64()
                .unwrap_or(900)
                .min(6000) as u32;
            p.c.set_window_size(lebar, tinggi.max(900))
                .await
                .expect("size");
            let png = p.c.screenshot().await.expect("screenshot");
            std::fs::write(dir.join(format!("{nama}-{lebar}.png")), png).expect("write");
            if tinggi >= 6000 {
                // Longer than one picture: its end too.
                p.c.set_window_size(lebar, 900).await.expect("size");
                p.js("window.scrollTo(0, document.documentElement.scrollHeight)")
                    .await;
                let png = p.c.screenshot().await.expect("screenshot");
                std::fs::write(dir.join(format!("{nama}-{lebar}-akhir.png")), png).expect("write");
            }
        }
    }
    // An attached emblem (a phone photo, shrunk) and one refused, on a phone.
    let sementara = tempfile::tempdir().expect("tempdir");
    let jpeg = sementara.path().join("foto.jpg");
    foto(2400, 1600, &jpeg);
    let besar = sementara.path().join("besar.png");
    let mut isi = b"\x89PNG\r\n\x1a\n".to_vec();
    isi.resize(16 * 1024 * 1024, 0);
    std::fs::write(&besar, isi).expect("write");
    p.c.set_window_size(390, 900).await.expect("size");
    for (nama, berkas, tombol) in [
        ("lambang-terlampir-390", &jpeg, "button[value^='tambah:']"),
        (
            "lambang-ditolak-390",
            &besar,
            "button[name=_aksi][value=buat]:not(.tersembunyi)",
        ),
    ] {
        p.buka(&format!("/dokumen/{PERDES}?contoh=1")).await;
        p.c.find(Locator::Id("lambang"))
            .await
            .expect("file input")
            .send_keys(berkas.to_str().expect("path"))
            .await
            .expect("choose");
        p.kirim(tombol).await;
        p.js("document.getElementById('lambang').scrollIntoView({block: 'center'})")
            .await;
        let png = p.c.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{nama}.png")), png).expect("write");
    }
    // The error summary on a phone.
    p.c.set_window_size(390, 900).await.expect("size");
    p.buka(&format!("/dokumen/{PKS}?contoh=1")).await;
    let dana =
        p.c.find(Locator::Id("pendanaan-apb-desa"))
            .await
            .expect("field");
    dana.clear().await.expect("clear");
    dana.send_keys("banyak").await.expect("type");
    p.kirim("button[name=_aksi][value=buat]:not(.tersembunyi)")
        .await;
    let png = p.c.screenshot().await.expect("screenshot");
    std::fs::write(dir.join("formulir-galat-390.png"), png).expect("write");
}
