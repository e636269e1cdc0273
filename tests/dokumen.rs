//! Documents: every type renders from its example, the text that matters is in the PDF, hostile
//! values print literally, bad data is refused with every message, and the API and form behave.
//! PDFs are read with the helpers of `tests/common` (no external tool).

mod common;

use std::path::Path;

use common::{
    A4_PT, F4_PT, Server, bin, konten_bawaan, pdf_sah, pdf_teks, pdf_ukuran_halaman, pohon,
    sinergi_ok, ukuran_sama,
};

const PKS: &str = "perjanjian-kerja-sama-pihak-ketiga";

fn teks_pdf(pdf: &Path) -> String {
    pdf_teks(&std::fs::read(pdf).expect("read the PDF"))
}

fn jenis_dokumen() -> Vec<String> {
    let out = sinergi_ok(&["dokumen", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    v.as_array()
        .expect("array")
        .iter()
        .map(|j| {
            for k in ["id", "judul", "tahap"] {
                assert!(j[k].is_string(), "{k} in {j}");
            }
            j["id"].as_str().expect("id").to_string()
        })
        .collect()
}

fn render(jenis: &str, data: &Path, out: &Path, ekstra: &[&str]) -> std::process::Output {
    bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["render", jenis, "--data"])
        .arg(data)
        .arg("--out")
        .arg(out)
        .args(ekstra)
        .output()
        .expect("run")
}

fn contoh(jenis: &str) -> String {
    let out = sinergi_ok(&["dokumen", jenis, "--contoh"]);
    String::from_utf8(out.stdout).expect("utf8")
}

/// Values of `nama` keys anywhere in the data (villages, heads, partners).
fn kumpulkan_nama(v: &serde_yaml::Value, out: &mut Vec<String>) {
    match v {
        serde_yaml::Value::Mapping(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    (Some("nama"), serde_yaml::Value::String(s)) => out.push(s.clone()),
                    _ => kumpulkan_nama(x, out),
                }
            }
        }
        serde_yaml::Value::Sequence(a) => a.iter().for_each(|x| kumpulkan_nama(x, out)),
        _ => {}
    }
}

#[test]
fn every_document_type_renders_from_its_example() {
    let jenis = jenis_dokumen();
    assert!(jenis.contains(&PKS.to_string()), "{jenis:?}");
    let dir = tempfile::tempdir().expect("tempdir");
    for j in &jenis {
        let data = dir.path().join(format!("{j}.yaml"));
        std::fs::write(&data, contoh(j)).expect("write");
        for (kertas, ukuran) in [("a4", A4_PT), ("f4", F4_PT)] {
            let pdf = dir.path().join(format!("{j}-{kertas}.pdf"));
            let out = render(j, &data, &pdf, &["--kertas", kertas]);
            assert!(
                out.status.success(),
                "{j} {kertas}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let isi = std::fs::read(&pdf).expect("read the PDF");
            pdf_sah(&isi);
            for u in pdf_ukuran_halaman(&isi) {
                assert!(ukuran_sama(u, ukuran), "{j} {kertas}: page of {u:?} pt");
            }
            // The people and places of the example are printed (some layouts in capitals).
            let teks = pdf_teks(&isi)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let v: serde_yaml::Value =
                serde_yaml::from_str(&std::fs::read_to_string(&data).expect("read")).expect("yaml");
            let mut nama = Vec::new();
            kumpulkan_nama(&v, &mut nama);
            assert!(!nama.is_empty(), "{j}: the example names someone");
            for n in nama.iter().take(8) {
                assert!(
                    teks.contains(&n.to_lowercase()),
                    "{j} {kertas}: {n:?} in the PDF"
                );
            }
        }
    }
}

#[test]
fn agreement_has_the_text_that_matters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("pks.yaml");
    std::fs::write(&data, contoh(PKS)).expect("write");
    let pdf = dir.path().join("pks.pdf");
    assert!(render(PKS, &data, &pdf, &[]).status.success());
    let t = teks_pdf(&pdf);
    for harap in [
        "PERJANJIAN KERJA SAMA",
        "PEMERINTAH DESA SUKAMAJU",
        "Jumat, tanggal 11 Juli 2025",
        "Asep Sunandar",
        "Dedi Kurniawan",
        "3 (tiga) tahun",
        "Rp150.000.000,00 (seratus lima puluh juta rupiah)",
        "Keadaan Memaksa",
        "Penyelesaian Perselisihan",
        "2 (dua) rangkap",
        "Saksi-saksi",
        "Halaman 1 dari",
    ] {
        assert!(t.contains(harap), "{harap:?} in the PDF text:\n{t}");
    }
}

#[test]
fn hostile_values_print_literally() {
    let dir = tempfile::tempdir().expect("tempdir");
    let jahat = r#"#read("/etc/passwd") ] $x$ *tebal* @ref <label> \ _miring_ [tautan](x)"#;
    let mut v: serde_yaml::Value = serde_yaml::from_str(&contoh(PKS)).expect("yaml");
    v["pihak_kedua"]["nama"] = serde_yaml::Value::String(jahat.into());
    v["maksud_kerja_sama"] = serde_yaml::Value::String(format!("# Judul\n\n- butir {jahat}"));
    let data = dir.path().join("jahat.yaml");
    std::fs::write(&data, serde_yaml::to_string(&v).expect("yaml")).expect("write");
    let pdf = dir.path().join("jahat.pdf");
    let out = render(PKS, &data, &pdf, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = teks_pdf(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!t.contains("root:"), "no file contents leaked");
    for potongan in [
        r#"#read("/etc/passwd")"#,
        "$x$",
        "*tebal*",
        "@ref",
        "<label>",
        "_miring_",
        "[tautan](x)",
        "# Judul",
        "- butir",
    ] {
        assert!(
            t.contains(potongan),
            "{potongan:?} printed literally in:\n{t}"
        );
    }
}

#[test]
fn invalid_data_writes_no_file_and_names_every_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("salah.yaml");
    std::fs::write(&data, "desa:\n  nama: ''\njangka_waktu_tahun: tiga\npenandatanganan:\n  tanggal: 2025-02-30\nwarna: merah\n").expect("write");
    let pdf = dir.path().join("salah.pdf");
    let out = render(PKS, &data, &pdf, &[]);
    assert!(!out.status.success());
    assert!(!pdf.exists(), "no PDF for invalid data");
    let e = String::from_utf8_lossy(&out.stderr);
    for jalur in [
        "desa.nama",
        "jangka_waktu_tahun",
        "penandatanganan.tanggal",
        "warna",
        "kepala_desa.nama",
    ] {
        assert!(e.contains(&format!("{jalur}: ")), "{jalur} in:\n{e}");
    }
    let out = render(PKS, &data, &pdf, &["--kertas", "legal"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--kertas"));
}

/// A `--data` file larger than the server takes as a body (2 MB) is refused before it is
/// read, with what and how large, and no PDF; the same data just under it still renders.
#[test]
fn an_oversized_data_file_is_refused_and_writes_no_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let contoh = contoh(PKS);
    let data = dir.path().join("besar.yaml");
    let pdf = dir.path().join("besar.pdf");
    let isi_komentar = |n: usize| format!("{contoh}\n# {}\n", "x".repeat(n));
    std::fs::write(&data, isi_komentar(2 * 1024 * 1024)).expect("write");
    let out = render(PKS, &data, &pdf, &[]);
    assert!(!out.status.success());
    assert!(!pdf.exists(), "no PDF for a refused file");
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("besar.yaml terlalu besar (paling besar 2 MB)"),
        "{e}"
    );
    std::fs::write(&data, isi_komentar(1024 * 1024)).expect("write");
    let out = render(PKS, &data, &pdf, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(pdf.exists());
}

/// A missing, binary or folder `--data` is named with what is wrong in Indonesian, not in the
/// operating system's English.
#[test]
fn unreadable_data_files_are_explained_in_indonesian() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("x.pdf");
    let biner = dir.path().join("foto.yaml");
    std::fs::write(&biner, [0xff, 0xfe, 0x00, 0x89]).expect("write");
    for (data, pesan) in [
        (
            dir.path().join("tidak-ada.yaml"),
            "berkas atau folder itu tidak ada",
        ),
        (biner, "isinya bukan teks UTF-8"),
        (dir.path().to_path_buf(), "itu folder, bukan berkas"),
    ] {
        let out = render(PKS, &data, &pdf, &[]);
        assert!(!out.status.success());
        let e = String::from_utf8_lossy(&out.stderr);
        assert!(
            e.contains(&format!("{} tidak dapat dibaca: {pesan}", data.display())),
            "{e}"
        );
        assert!(!e.contains("os error"), "{e}");
    }
    assert!(!pdf.exists());
}

#[test]
fn templates_reach_no_other_file_and_unknown_fonts_are_errors() {
    let konten = pohon(&[(
        "templat/uji.md",
        "---\njudul: Uji\ntahap: persiapan\npanduan: x\nformulir:\n  - {nama: nama, label: Nama, jenis: teks, contoh: A}\n---\nHalo {{ nama }}.\n",
    )]);
    for (typ, harap) in [
        ("#read(\"/etc/passwd\")", "access denied"),
        ("#set text(font: \"Comic Sans MS\")\nHalo", "font"),
    ] {
        let templates = pohon(&[("dokumen/uji.typ", typ)]);
        let data = konten.path().join("d.yaml");
        std::fs::write(&data, "nama: A\n").expect("write");
        let pdf = konten.path().join("tidak-boleh.pdf");
        let out = bin()
            .arg("--content")
            .arg(konten.path())
            .arg("--templates")
            .arg(templates.path())
            .args(["render", "uji", "--data"])
            .arg(&data)
            .arg("--out")
            .arg(&pdf)
            .output()
            .expect("run");
        let e = String::from_utf8_lossy(&out.stderr).to_lowercase();
        assert!(!out.status.success(), "{typ}");
        assert!(!pdf.exists(), "no PDF when the template fails");
        assert!(e.contains(harap), "{harap} in {e}");
        // The folder in use (`--templates`), not the default one.
        let berkas = templates
            .path()
            .join("dokumen/uji.typ")
            .display()
            .to_string()
            .to_lowercase();
        assert!(
            e.contains(&format!("{berkas}:")),
            "message names the template in use and its line: {e}"
        );
    }
}

#[tokio::test]
async fn api_returns_pdf_or_field_errors() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let klien = reqwest::Client::new();
    let (st, daftar) = s.json("/api/dokumen").await;
    assert_eq!(st, 200);
    let pks = daftar
        .as_array()
        .expect("array")
        .iter()
        .find(|j| j["id"] == PKS)
        .expect("pks")
        .clone();
    assert!(pks["formulir"].is_array());

    let r = klien
        .post(s.url(&format!("/api/dokumen/{PKS}?kertas=f4")))
        .json(&pks["contoh"])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let pdf = r.bytes().await.expect("body");
    pdf_sah(&pdf);
    for u in pdf_ukuran_halaman(&pdf) {
        assert!(
            ukuran_sama(u, F4_PT),
            "?kertas=f4 gives F4 pages, not {u:?}"
        );
    }

    let r = klien
        .post(s.url(&format!("/api/dokumen/{PKS}")))
        .header("content-type", "application/yaml")
        .body(contoh(PKS))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 200, "YAML body");

    let r = klien
        .post(s.url(&format!("/api/dokumen/{PKS}")))
        .json(&serde_json::json!({"desa": {"nama": ""}}))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 422);
    let j: serde_json::Value = r.json().await.expect("json");
    assert!(
        j["isian"]
            .as_array()
            .expect("errors")
            .iter()
            .any(|g| g["jalur"] == "desa.nama")
    );

    let r = klien
        .post(s.url("/api/dokumen/tidak-ada"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 404);
    let r = klien
        .post(s.url(&format!("/api/dokumen/{PKS}")))
        .body("{bukan json")
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 400);
    // Last, on its own connection: the server stops reading a body that is too large.
    let klien = reqwest::Client::new();
    let r = klien
        .post(s.url(&format!("/api/dokumen/{PKS}")))
        .body(vec![b' '; 3 * 1024 * 1024])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 413);
}

#[tokio::test]
async fn form_keeps_input_adds_rows_and_shows_messages() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let klien = reqwest::Client::new();
    let (st, html) = s.get("/dokumen").await;
    assert_eq!(st, 200);
    assert!(html.contains(&format!("/dokumen/{PKS}")));
    let (st, html) = s.get(&format!("/dokumen/{PKS}")).await;
    assert_eq!(st, 200);
    assert!(html.contains("name=\"desa.nama\""));

    // Adding a witness row keeps what was typed.
    let r = klien
        .post(s.url(&format!("/dokumen/{PKS}")))
        .form(&[
            ("desa.nama", "Sukamaju <b>"),
            ("saksi[0].nama", "Euis"),
            ("_aksi", "tambah:saksi"),
        ])
        .send()
        .await
        .expect("post");
    let html = r.text().await.expect("body");
    assert!(
        html.contains("value=\"Sukamaju &lt;b&gt;\""),
        "input kept and escaped"
    );
    assert!(html.contains("name=\"saksi[1].nama\""), "a second row");
    assert!(html.contains("value=\"Euis\""));

    // Submitting incomplete data shows the messages beside the fields, input kept.
    let r = klien
        .post(s.url(&format!("/dokumen/{PKS}")))
        .form(&[("desa.nama", "Sukamaju"), ("_aksi", "buat")])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 422);
    let html = r.text().await.expect("body");
    assert!(html.contains("Kecamatan wajib diisi"));
    assert!(html.contains("value=\"Sukamaju\""));

    // The example data fills the form.
    let (_, contoh_html) = s.get(&format!("/dokumen/{PKS}?contoh=1")).await;
    assert!(contoh_html.contains("value=\"Asep Sunandar\""));
}

#[tokio::test]
async fn form_uploads_the_emblem_and_returns_the_pdf() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let jenis = "perdes-kerja-sama-desa";
    let contoh: serde_yaml::Value = serde_yaml::from_str(&contoh(jenis)).expect("yaml");
    // The form as a browser sends it: every example value under its path, plus a PNG file.
    fn ratakan(v: &serde_yaml::Value, jalur: &str, out: &mut Vec<(String, String)>) {
        match v {
            serde_yaml::Value::Mapping(m) => {
                for (k, x) in m {
                    let k = k.as_str().unwrap_or("");
                    let j = if jalur.is_empty() {
                        k.to_string()
                    } else {
                        format!("{jalur}.{k}")
                    };
                    ratakan(x, &j, out);
                }
            }
            serde_yaml::Value::Sequence(a) if a.iter().all(|x| !x.is_mapping()) => out.push((
                jalur.to_string(),
                a.iter()
                    .map(|x| {
                        x.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| format!("{x:?}"))
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            )),
            serde_yaml::Value::Sequence(a) => {
                for (i, x) in a.iter().enumerate() {
                    ratakan(x, &format!("{jalur}[{i}]"), out);
                }
            }
            serde_yaml::Value::String(t) => out.push((jalur.to_string(), t.clone())),
            serde_yaml::Value::Number(n) => out.push((jalur.to_string(), n.to_string())),
            serde_yaml::Value::Bool(true) => out.push((jalur.to_string(), "ya".into())),
            _ => {}
        }
    }
    let mut pasangan = Vec::new();
    ratakan(&contoh, "", &mut pasangan);
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in pasangan {
        form = form.text(k, v);
    }
    // A 1×1 PNG.
    let png: Vec<u8> = vec![
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 5, 0, 1, 0xff, 0x89, 0x99,
        0x3d, 0x1d, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    form = form
        .part(
            "lambang",
            reqwest::multipart::Part::bytes(png)
                .file_name("lambang.png")
                .mime_str("image/png")
                .expect("mime"),
        )
        .text("_aksi", "buat");
    let r = reqwest::Client::new()
        .post(s.url(&format!("/dokumen/{jenis}")))
        .multipart(form)
        .send()
        .await
        .expect("post");
    let status = r.status();
    let body = r.bytes().await.expect("body");
    assert_eq!(
        status,
        200,
        "{}",
        String::from_utf8_lossy(&body[..body.len().min(3000)])
    );
    pdf_sah(&body);
}
