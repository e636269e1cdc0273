//! Cross-field rules declared with each form (`aturan:` in the templat front-matter): for every
//! kind of rule, data that breaks it is answered by the API with 422 and the rule's message on
//! the path of the field to fix, and by the web form with 422 and the message beside that
//! field. The wording itself no longer checks anything (`throw`), and the print options the
//! API reads (`?margin=`) are refused with the parameter named.

mod common;

use std::path::Path;

use common::{Server, konten_bawaan, pasang, pdf_sah, pesan_di_samping, ratakan, sinergi_ok};
use serde_json::{Value, json};

const PERDES: &str = "perdes-kerja-sama-desa";
const PB: &str = "peraturan-bersama-kerja-sama-antar-desa";
const BKAD: &str = "peraturan-bersama-pembentukan-bkad";
const PKS: &str = "perjanjian-kerja-sama-pihak-ketiga";
const BA: &str = "berita-acara-musyawarah";
const LAPORAN: &str = "laporan-pelaksanaan-kerja-sama";
const SURAT: &str = "surat-penawaran-kerja-sama";

/// A document type's complete example, as JSON.
fn contoh(jenis: &str) -> Value {
    let yaml: serde_yaml::Value =
        serde_yaml::from_slice(&sinergi_ok(&["dokumen", jenis, "--contoh"]).stdout).expect("yaml");
    serde_json::to_value(yaml).expect("json")
}

/// One kind of rule, broken: the document, the changes to its example, and the field and
/// message expected.
struct Kasus {
    jenis_aturan: &'static str,
    dokumen: &'static str,
    ubah: Vec<(&'static str, Value)>,
    jalur: &'static str,
    pesan: &'static str,
}

fn kasus() -> Vec<Kasus> {
    vec![
        Kasus {
            jenis_aturan: "urutan (tanggal)",
            dokumen: PERDES,
            ubah: vec![("tanggal_pengundangan", json!("2025-07-06"))],
            jalur: "tanggal_pengundangan",
            pesan: "Tanggal pengundangan tidak boleh sebelum tanggal penetapan.",
        },
        Kasus {
            jenis_aturan: "urutan (pukul)",
            dokumen: BA,
            ubah: vec![("musyawarah.waktu_selesai", json!("08.30"))],
            jalur: "musyawarah.waktu_selesai",
            pesan: "Pukul selesai harus sesudah pukul mulai.",
        },
        Kasus {
            jenis_aturan: "lengkap-bersama",
            dokumen: PERDES,
            ubah: vec![(
                "pengundangan_dasar_hukum.permendagri_111_2014_bn_tahun",
                json!(2014),
            )],
            jalur: "pengundangan_dasar_hukum.permendagri_111_2014_bn_nomor",
            pesan: "Isi tahun dan nomor Berita Negara Permendagri 111/2014 bersama-sama.",
        },
        Kasus {
            jenis_aturan: "wajib-bila",
            dokumen: BA,
            ubah: vec![("keputusan", json!("ditolak"))],
            jalur: "alasan_penolakan",
            pesan: "Isi alasan penolakan bila musyawarah tidak menyetujui kerja sama.",
        },
        Kasus {
            jenis_aturan: "hanya-bila",
            dokumen: PB,
            ubah: vec![("desa[1].nomor_berita_desa", json!("5"))],
            jalur: "desa[1].nomor_berita_desa",
            pesan: "Diisi hanya bila Berita Desa dicantumkan.",
        },
        Kasus {
            jenis_aturan: "unik",
            dokumen: PB,
            ubah: vec![("desa[2].nama", json!("sukamaju"))],
            jalur: "desa[2].nama",
            pesan: "Nama desa sudah dipakai desa lain dalam Peraturan Bersama ini.",
        },
        Kasus {
            jenis_aturan: "termasuk",
            dokumen: BKAD,
            ubah: vec![("pengurus[0].asal_desa", json!("Cibeureum"))],
            jalur: "pengurus[0].asal_desa",
            pesan: "Asal desa harus salah satu desa yang membentuk BKAD.",
        },
        Kasus {
            jenis_aturan: "berbeda",
            dokumen: SURAT,
            ubah: vec![
                ("jenis_kerja_sama", json!("antar-desa")),
                ("tujuan_surat.desa", json!("Sukamaju")),
            ],
            jalur: "tujuan_surat.desa",
            pesan: "Desa yang diajak bekerja sama harus desa lain, bukan Desa Sukamaju sendiri.",
        },
        Kasus {
            jenis_aturan: "jumlah-per-nilai",
            dokumen: BKAD,
            ubah: vec![("jumlah_wakil_per_desa", json!(2))],
            jalur: "pengurus",
            pesan: "Desa Sukamaju mempunyai 3 wakil dalam susunan pengurus, sedangkan Pasal 4 ayat (1) menyebut 2 orang dari setiap Desa.",
        },
        Kasus {
            jenis_aturan: "jangka-waktu",
            dokumen: PKS,
            ubah: vec![("jangka_waktu_tahun", json!(5))],
            jalur: "tanggal_berakhir",
            pesan: "Jangka waktu 5 (lima) tahun sejak 1 Agustus 2025 berakhir pada 31 Juli 2030, bukan 31 Juli 2028; sesuaikan tanggal berakhir atau jangka waktu.",
        },
        Kasus {
            jenis_aturan: "jumlah-baris",
            dokumen: LAPORAN,
            ubah: vec![
                ("jenis_kerja_sama", json!("antar-desa")),
                ("bkad.nama", json!("Badan Kerja Sama antar-Desa Sauyunan")),
                ("bkad.ketua", json!("Entis Sutisna")),
            ],
            jalur: "desa",
            pesan: "Kerja sama antar-Desa melibatkan paling sedikit 2 desa; baru 1 yang diisi.",
        },
        Kasus {
            jenis_aturan: "memuat",
            dokumen: BKAD,
            ubah: vec![("pengurus[2].jabatan", json!("Wakil Bendahara"))],
            jalur: "pengurus",
            pesan: "Susunan pengurus belum memuat jabatan Bendahara (Pasal 5 ayat (1)); tulis jabatannya \"Bendahara\".",
        },
    ]
}

/// The data of a case: its document's example with the changes.
fn data_kasus(k: &Kasus) -> Value {
    let mut v = contoh(k.dokumen);
    for (jalur, nilai) in &k.ubah {
        pasang(&mut v, jalur, nilai.clone());
    }
    v
}

#[tokio::test]
async fn each_kind_of_rule_is_a_field_error_in_the_api_and_the_form() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let klien = reqwest::Client::new();
    let semua = kasus();
    for k in &semua {
        let nama = format!("{} ({})", k.jenis_aturan, k.dokumen);
        let data = data_kasus(k);

        let r = klien
            .post(s.url(&format!("/api/dokumen/{}", k.dokumen)))
            .json(&data)
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 422, "{nama}: the API refuses the data");
        let j: Value = r.json().await.expect("json");
        let isian = j["isian"].as_array().expect("field errors");
        assert!(
            isian
                .iter()
                .any(|g| g["jalur"] == k.jalur && g["pesan"] == k.pesan),
            "{nama}: {} / {:?} in {j}",
            k.jalur,
            k.pesan
        );

        let mut form = Vec::new();
        ratakan(&data, "", &mut form);
        form.push(("_aksi".into(), "buat".into()));
        let r = klien
            .post(s.url(&format!("/dokumen/{}", k.dokumen)))
            .form(&form)
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 422, "{nama}: the form refuses the data");
        let html = r.text().await.expect("body");
        let di_samping = pesan_di_samping(&html, k.jalur);
        assert!(
            di_samping.iter().any(|p| p == k.pesan),
            "{nama}: {:?} beside {} (found {di_samping:?})",
            k.pesan,
            k.jalur
        );
    }
    // Every kind of rule is tried.
    for jenis in [
        "urutan",
        "lengkap-bersama",
        "wajib-bila",
        "hanya-bila",
        "unik",
        "termasuk",
        "berbeda",
        "jumlah-per-nilai",
        "jangka-waktu",
        "jumlah-baris",
        "memuat",
    ] {
        assert!(
            semua.iter().any(|k| k.jenis_aturan.starts_with(jenis)),
            "{jenis} has a case"
        );
    }

    // Each case's document renders once the broken rule is mended (the example itself).
    for jenis in [PERDES, PB, BKAD, PKS, BA, LAPORAN, SURAT] {
        let r = klien
            .post(s.url(&format!("/api/dokumen/{jenis}")))
            .json(&contoh(jenis))
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 200, "{jenis}: its example");
        pdf_sah(&r.bytes().await.expect("body"));
    }
}

#[tokio::test]
async fn conditional_rules_follow_their_choice() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let klien = reqwest::Client::new();
    let kirim = |jenis: &'static str, data: Value| {
        let klien = klien.clone();
        let url = s.url(&format!("/api/dokumen/{jenis}"));
        async move {
            let r = klien.post(url).json(&data).send().await.expect("post");
            let status = r.status().as_u16();
            let isi = if status == 422 {
                r.json::<Value>().await.expect("json")
            } else {
                Value::Null
            };
            (status, isi)
        }
    };
    let jalur = |v: &Value| -> Vec<String> {
        v["isian"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|g| g["jalur"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };

    // A Musyawarah antar-Desa: two participant villages, the host among them, each
    // representative's village among them; no candidate partner.
    let mut ba = contoh(BA);
    pasang(&mut ba, "jenis_musyawarah", json!("musyawarah-antar-desa"));
    pasang(
        &mut ba,
        "desa_peserta",
        json!([{"nama": "Sukamaju", "kepala_desa": "Asep Sunandar"}]),
    );
    pasang(
        &mut ba,
        "wakil_desa",
        json!([{"nama": "Ade", "unsur": "BPD"}, {"nama": "Yuyun", "unsur": "BPD", "desa": "Cibeureum"}]),
    );
    let (st, v) = kirim(BA, ba.clone()).await;
    assert_eq!(st, 422);
    let p = jalur(&v);
    for harap in [
        "desa_peserta",
        "penyelenggara",
        "wakil_desa[0].desa",
        "wakil_desa[1].desa",
        "calon_mitra",
    ] {
        assert!(p.contains(&harap.to_string()), "{harap} in {v}");
    }
    assert!(
        !p.contains(&"kepala_desa".to_string()),
        "no Kepala Desa asked for at a Musyawarah antar-Desa: {v}"
    );
    pasang(
        &mut ba,
        "desa_peserta",
        json!([
        {"nama": "Sukamaju", "kepala_desa": "Asep Sunandar"},
        {"nama": "Mekarwangi", "kepala_desa": "Euis Komariah"}]),
    );
    pasang(&mut ba, "penyelenggara", json!("BKAD Sauyunan"));
    pasang(
        &mut ba,
        "wakil_desa",
        json!([{"nama": "Ade", "unsur": "BPD", "desa": "Mekarwangi"}]),
    );
    pasang(&mut ba, "calon_mitra", Value::Null);
    pasang(&mut ba, "kepala_desa", Value::Null);
    let (st, v) = kirim(BA, ba.clone()).await;
    assert_eq!(st, 200, "a complete Musyawarah antar-Desa: {v}");
    // The host must be a participant.
    pasang(&mut ba, "desa.nama", json!("Sirnagalih"));
    let (st, v) = kirim(BA, ba).await;
    assert_eq!(st, 422);
    assert_eq!(jalur(&v), ["desa.nama"], "{v}");

    // A report on cooperation with a third party comes from one village and names the partner.
    let mut laporan = contoh(LAPORAN);
    pasang(
        &mut laporan,
        "desa[1]",
        json!({"nama": "Mekarwangi", "kecamatan": "Tarogong Kidul", "kepala_desa": "Euis"}),
    );
    pasang(&mut laporan, "mitra.nama", Value::Null);
    pasang(&mut laporan, "laporan.periode_akhir", json!("2028-08-31"));
    let (st, v) = kirim(LAPORAN, laporan).await;
    assert_eq!(st, 422);
    let mut p = jalur(&v);
    p.sort();
    assert_eq!(
        p,
        [
            "desa",
            "laporan.periode_akhir",
            "laporan.tanggal",
            "mitra.nama"
        ],
        "{v}"
    );

    // Money from the village budget says what it is for; a Perdes is cited whole.
    let mut pks = contoh(PKS);
    pasang(&mut pks, "pendanaan.apb_desa_untuk", Value::Null);
    pasang(&mut pks, "perdes.tentang", Value::Null);
    let (st, v) = kirim(PKS, pks).await;
    assert_eq!(st, 422);
    let mut p = jalur(&v);
    p.sort();
    assert_eq!(p, ["pendanaan.apb_desa_untuk", "perdes.tentang"], "{v}");

    // A rule never speaks about a field that already has a problem of its own.
    let mut perdes = contoh(PERDES);
    pasang(&mut perdes, "tanggal_pengundangan", json!("2025-02-30"));
    let (st, v) = kirim(PERDES, perdes).await;
    assert_eq!(st, 422);
    assert_eq!(jalur(&v), ["tanggal_pengundangan"], "one problem: {v}");
}

#[tokio::test]
async fn margin_parameter_is_checked_and_applied() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let klien = reqwest::Client::new();
    for salah in ["30,30,40", "30,30,70,30", "a,b,c,d"] {
        let r = klien
            .post(s.url(&format!("/api/dokumen/{PKS}?margin={salah}")))
            .json(&contoh(PKS))
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 400, "{salah}");
        let j: Value = r.json().await.expect("json");
        let g = j["galat"].as_str().unwrap_or("");
        assert!(g.starts_with("margin: "), "the parameter is named: {g}");
    }
    let r = klien
        .post(s.url(&format!("/api/dokumen/{PKS}?margin=20,20,45,20")))
        .json(&contoh(PKS))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 200);
    let pdf = r.bytes().await.expect("body");
    let kiri = common::pdf_baris(&pdf)
        .iter()
        .flatten()
        .map(|b| b.x)
        .fold(f64::INFINITY, f64::min);
    assert!(
        (kiri - 45.0 * 72.0 / 25.4).abs() < 1.0,
        "the text starts 45 mm from the left edge, not at {kiri} pt"
    );

    // The form offers the margins beside paper and font.
    let (st, html) = s.get(&format!("/dokumen/{PKS}")).await;
    assert_eq!(st, 200);
    assert!(
        html.contains("name=\"_margin\""),
        "a margin field in the form"
    );

    // A wrong `_margin` in the form: 422, the message beside the margin field, the input kept.
    let kirim_form = |margin: &'static str| {
        let mut form = Vec::new();
        ratakan(&contoh(PKS), "", &mut form);
        form.push(("_margin".into(), margin.into()));
        form.push(("_aksi".into(), "buat".into()));
        let r = klien
            .post(s.url(&format!("/dokumen/{PKS}")))
            .form(&form)
            .send();
        async move { r.await.expect("post") }
    };
    let r = kirim_form("5,5,5,5").await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.expect("body");
    assert_eq!(
        pesan_di_samping(&html, "margin"),
        ["margin atas 5 mm di luar batas 10–60 mm"],
        "beside the margin field"
    );
    assert!(
        html.contains("value=\"5,5,5,5\""),
        "the margin typed is kept"
    );
    assert!(
        html.contains("value=\"Sukamaju\""),
        "the fields typed are kept"
    );
    // A right one moves the text as the API parameter does.
    let r = kirim_form("20,20,45,20").await;
    assert_eq!(r.status(), 200);
    let kiri = common::pdf_baris(&r.bytes().await.expect("body"))
        .iter()
        .flatten()
        .map(|b| b.x)
        .fold(f64::INFINITY, f64::min);
    assert!((kiri - 45.0 * 72.0 / 25.4).abs() < 1.0, "form: {kiri} pt");
}

#[test]
fn no_wording_checks_anything_itself() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/templat");
    let mut dilihat = 0;
    for e in std::fs::read_dir(&dir).expect("templat folder") {
        let p = e.expect("entry").path();
        if p.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let teks = std::fs::read_to_string(&p).expect("read");
        dilihat += 1;
        assert!(
            !teks.contains("throw("),
            "{}: a check inside the wording; declare it under `aturan:`",
            p.display()
        );
    }
    assert!(dilihat >= 7, "{dilihat} templat files");
}
