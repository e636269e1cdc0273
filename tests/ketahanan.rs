//! One request must not take the service down: each reproduction from the probe of the running
//! service (issue 8), kept as a regression test. Every hostile request gets a small, quick,
//! Indonesian answer, and the server goes on serving.

mod common;

use std::io::Cursor;

use base64::Engine;
use common::{Server, bin, konten_bawaan, pohon};

const PKS: &str = "perjanjian-kerja-sama-pihak-ketiga";
const ANTAR_DESA: &str = "peraturan-bersama-kerja-sama-antar-desa";
const LAPORAN: &str = "laporan-pelaksanaan-kerja-sama";

async fn kirim_form(s: &Server, jenis: &str, body: String) -> (u16, String) {
    let r = reqwest::Client::new()
        .post(s.url(&format!("/dokumen/{jenis}")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("post");
    let status = r.status().as_u16();
    (status, r.text().await.expect("body"))
}

async fn kirim_api(s: &Server, jenis: &str, jenis_isi: &str, body: Vec<u8>) -> (u16, Vec<u8>) {
    let r = reqwest::Client::new()
        .post(s.url(&format!("/api/dokumen/{jenis}")))
        .header("content-type", jenis_isi)
        .body(body)
        .send()
        .await
        .expect("post");
    let status = r.status().as_u16();
    (status, r.bytes().await.expect("body").to_vec())
}

async fn masih_hidup(s: &Server) {
    let (status, _) = s.get("/healthz").await;
    assert_eq!(status, 200, "the server must still answer");
}

fn contoh_json(jenis: &str) -> serde_json::Value {
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["dokumen", jenis, "--contoh"])
        .output()
        .expect("run sinergi");
    serde_yaml::from_slice(&out.stdout).expect("example is YAML")
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let mut b = Vec::new();
    image::GrayImage::new(w, h)
        .write_to(&mut Cursor::new(&mut b), image::ImageFormat::Png)
        .expect("encode");
    b
}

fn data_url(jenis: &str, b: &[u8]) -> String {
    format!(
        "data:{jenis};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(b)
    )
}

/// A PNG whose header says `w` × `h` (with a correct checksum) over a 1×1 image's data.
fn png_header_saja(w: u32, h: u32) -> Vec<u8> {
    let mut b = png(1, 1);
    b[16..20].copy_from_slice(&w.to_be_bytes());
    b[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&b[12..29]);
    b[29..33].copy_from_slice(&crc.to_be_bytes());
    b
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[tokio::test]
async fn deep_form_names_are_refused_not_a_stack_overflow() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let body = format!("{}x=1", "x.".repeat(8_000));
    let (status, html) = kirim_form(&s, PKS, body).await;
    assert_eq!(status, 400);
    assert!(
        html.contains("tidak dikenal"),
        "{}",
        &html[..html.len().min(500)]
    );
    assert!(
        html.len() < 20_000,
        "the answer is small: {} bytes",
        html.len()
    );
    masih_hidup(&s).await;
}

#[tokio::test]
async fn form_rows_beyond_the_schema_are_refused_before_allocation() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    for baris in ["100000", "1000000", "18446744073709551616"] {
        let (status, html) = kirim_form(&s, ANTAR_DESA, format!("desa%5B{baris}%5D.nama=x")).await;
        assert_eq!(status, 400, "desa[{baris}]");
        assert!(html.len() < 20_000, "small answer: {} bytes", html.len());
    }
    // Within the schema's bound (2–10 villages) a row is fine: the form comes back with errors.
    let (status, _) = kirim_form(&s, ANTAR_DESA, "desa%5B3%5D.nama=x".into()).await;
    assert_eq!(status, 422);
    // Unknown fields and rows on fields that do not repeat are refused too.
    for nama in ["warna=merah", "kabupaten%5B2%5D.nama=x", "desa.nama=x"] {
        let (status, _) = kirim_form(&s, ANTAR_DESA, nama.into()).await;
        assert_eq!(status, 400, "{nama}");
    }
    masih_hidup(&s).await;
}

#[tokio::test]
async fn yaml_aliases_are_refused() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let mut body = format!("a: &a \"{}\"\nb: [", "x".repeat(200_000));
    for _ in 0..10_000 {
        body.push_str("*a, ");
    }
    body.push_str("]\n");
    let (status, isi) = kirim_api(&s, PKS, "application/yaml", body.into_bytes()).await;
    assert_eq!(status, 400);
    let v: serde_json::Value = serde_json::from_slice(&isi).expect("json error");
    assert!(
        v["galat"].as_str().is_some_and(|g| g.contains("alias")),
        "{v}"
    );
    // Plain YAML still works.
    let contoh = serde_yaml::to_string(&contoh_json(PKS)).expect("yaml");
    let (status, pdf) = kirim_api(&s, PKS, "application/yaml", contoh.into_bytes()).await;
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF"));
}

#[tokio::test]
async fn image_bombs_and_broken_images_are_field_errors() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let mut data = contoh_json(LAPORAN);
    let kasus: Vec<(&str, String)> = vec![
        // 5,000 × 5,000 is 25 megapixels of real, decodable image in a few KB.
        ("real bomb", data_url("image/png", &png(5_000, 5_000))),
        (
            "header 20000²",
            data_url("image/png", &png_header_saja(20_000, 20_000)),
        ),
        (
            "header 100000²",
            data_url("image/png", &png_header_saja(100_000, 100_000)),
        ),
        ("lying header 3000²", {
            data_url("image/png", &png_header_saja(3_000, 3_000))
        }),
        ("truncated", {
            let mut b = png(300, 300);
            b.truncate(b.len() / 2);
            data_url("image/png", &b)
        }),
        ("jpeg 65500²", {
            // SOI, then a baseline SOF0 declaring 65500 × 65500, then nothing.
            let mut b = vec![
                0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xdc, 0xff, 0xdc,
            ];
            b.extend([0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
            data_url("image/jpeg", &b)
        }),
    ];
    for (nama, url) in kasus {
        data["lambang"] = serde_json::json!(url);
        let (status, isi) = kirim_api(
            &s,
            LAPORAN,
            "application/json",
            serde_json::to_vec(&data).expect("json"),
        )
        .await;
        assert_eq!(status, 422, "{nama}: {}", String::from_utf8_lossy(&isi));
        let v: serde_json::Value = serde_json::from_slice(&isi).expect("json");
        assert_eq!(v["isian"][0]["jalur"], "lambang", "{nama}: {v}");
    }
    // A normal emblem still prints.
    data["lambang"] = serde_json::json!(data_url("image/png", &png(300, 300)));
    let (status, pdf) = kirim_api(
        &s,
        LAPORAN,
        "application/json",
        serde_json::to_vec(&data).expect("json"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF"));
}

#[tokio::test]
async fn a_huge_list_gets_one_problem_not_a_huge_answer() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let mut data = contoh_json(ANTAR_DESA);
    data["desa"] = serde_json::Value::Array(vec![serde_json::json!({"nama": 1}); 100_000]);
    data["tidak_dikenal_1"] = serde_json::json!(1);
    let (status, isi) = kirim_api(
        &s,
        ANTAR_DESA,
        "application/json",
        serde_json::to_vec(&data).expect("json"),
    )
    .await;
    assert_eq!(status, 422);
    assert!(isi.len() < 20_000, "answer of {} bytes", isi.len());
    let v: serde_json::Value = serde_json::from_slice(&isi).expect("json");
    let isian = v["isian"].as_array().expect("isian");
    assert!(
        isian
            .iter()
            .any(|g| g["jalur"] == "desa" && g["pesan"].as_str().is_some_and(|p| p.contains("10"))),
        "{v}"
    );
    // Many unknown fields: at most 50 reported, and the rest counted.
    let mut banyak = contoh_json(PKS);
    for i in 0..5_000 {
        banyak[format!("x{i}")] = serde_json::json!(i);
    }
    let (status, isi) = kirim_api(
        &s,
        PKS,
        "application/json",
        serde_json::to_vec(&banyak).expect("json"),
    )
    .await;
    assert_eq!(status, 422);
    let v: serde_json::Value = serde_json::from_slice(&isi).expect("json");
    let isian = v["isian"].as_array().expect("isian");
    assert!(isian.len() <= 51, "{} problems", isian.len());
    assert!(
        isian
            .last()
            .and_then(|g| g["pesan"].as_str())
            .is_some_and(|p| p.contains("masalah lain")),
        "{v}"
    );
}

#[tokio::test]
async fn amounts_beyond_words_are_field_errors_not_500() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let mut data = contoh_json(LAPORAN);
    for nilai in [serde_json::json!(9e15), serde_json::json!(1e300)] {
        data["anggaran"][0]["rencana"] = nilai.clone();
        let (status, isi) = kirim_api(
            &s,
            LAPORAN,
            "application/json",
            serde_json::to_vec(&data).expect("json"),
        )
        .await;
        assert_eq!(status, 422, "{nilai}: {}", String::from_utf8_lossy(&isi));
        let v: serde_json::Value = serde_json::from_slice(&isi).expect("json");
        assert_eq!(v["isian"][0]["jalur"], "anggaran[0].rencana");
    }
    data["anggaran"][0]["rencana"] = serde_json::json!(999_999_999_999_999u64);
    let (status, _) = kirim_api(
        &s,
        LAPORAN,
        "application/json",
        serde_json::to_vec(&data).expect("json"),
    )
    .await;
    assert_eq!(status, 200, "the largest amount still prints");
}

#[tokio::test]
async fn oversized_multipart_is_413_and_png_is_sniffed() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    // A 3 MB file (a phone photo's size) is read: what is wrong with it is said beside its
    // field, with the form kept.
    let besar = vec![b'x'; 3 * 1024 * 1024];
    let form = reqwest::multipart::Form::new()
        .text("desa.nama", "Sukamaju Tetap")
        .part(
            "lambang",
            reqwest::multipart::Part::bytes(besar)
                .file_name("foto.png")
                .mime_str("image/png")
                .expect("mime"),
        );
    let r = reqwest::Client::new()
        .post(s.url("/dokumen/perdes-kerja-sama-desa"))
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.expect("body");
    assert!(
        html.contains("value=\"Sukamaju Tetap\""),
        "the form is kept"
    );
    assert!(
        html.contains("id=\"pesan-lambang\""),
        "the message is beside the field"
    );
    // Past the form limit (20 MB) the body is not read: a page in Indonesian says so.
    let besar = vec![b'x'; 21 * 1024 * 1024];
    let form = reqwest::multipart::Form::new().part(
        "lambang",
        reqwest::multipart::Part::bytes(besar)
            .file_name("foto.png")
            .mime_str("image/png")
            .expect("mime"),
    );
    let r = reqwest::Client::new()
        .post(s.url("/dokumen/perdes-kerja-sama-desa"))
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status().as_u16(), 413);
    let html = r.text().await.expect("body");
    assert!(
        html.contains("20 MB") && !html.contains("payload"),
        "{html}"
    );
    // A PNG sent with the wrong part type is still a PNG: the answer is the form with other
    // problems, not a complaint about the image.
    let form = reqwest::multipart::Form::new().part(
        "lambang",
        reqwest::multipart::Part::bytes(png(20, 20))
            .file_name("lambang.png")
            .mime_str("text/plain")
            .expect("mime"),
    );
    let r = reqwest::Client::new()
        .post(s.url("/dokumen/perdes-kerja-sama-desa"))
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.expect("body");
    assert!(!html.contains("harus gambar PNG atau JPEG"), "png refused");
    assert!(html.contains("Gambar sudah terlampir"));
}

/// A reader that goes away (`sinergi dokumen --json | head -1`) ends the command quietly: no
/// panic, no error message, exit 0, as ripgrep does. The pipe's reading end is closed before
/// the command starts, so its first line already meets a closed pipe.
#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    for args in [
        &["dokumen", "--json"][..],
        &["dokumen", PKS],
        &["dokumen", PKS, "--contoh"],
        &["check"],
    ] {
        let (baca, tulis) = std::io::pipe().expect("pipe");
        drop(baca);
        let out = bin()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .stdout(tulis)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("run");
        let galat = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {galat}", out.status);
        assert!(galat.trim().is_empty(), "{args:?}: {galat}");
    }
    // A one-time password that cannot reach anyone is a failure, said on stderr.
    let data = tempfile::tempdir().expect("tempdir");
    let (baca, tulis) = std::io::pipe().expect("pipe");
    drop(baca);
    let out = bin()
        .arg("--data")
        .arg(data.path())
        .args(["pengguna", "tambah", "uji-pipa", "--peran", "operator"])
        .args(["--desa", "32.05.03.2001"])
        .stdout(tulis)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run");
    let galat = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{galat}");
    assert!(
        galat.contains("akun uji-pipa sudah dibuat, tetapi kata sandinya tidak dapat ditulis"),
        "{galat}"
    );
}

/// Numbers and addresses that cannot be read are refused in Indonesian, naming the option and
/// the value (the standard library says it in English), and the help of a command with
/// subcommands heads them "Perintah" as the top level does.
#[test]
fn command_line_values_and_help_are_in_indonesian() {
    for (args, harap) in [
        (
            &["search", "--limit", "abc", "desa"][..],
            "--limit <LIMIT>: harus bilangan bulat, bukan `abc`",
        ),
        (
            &["search", "--limit", "99999999999999999999999", "desa"],
            "terlalu besar",
        ),
        (
            &["serve", "--addr", "xyz"],
            "--addr <ADDR>: harus alamat IP dengan port, mis. 127.0.0.1:8080, bukan `xyz`",
        ),
    ] {
        let out = bin().args(args).output().expect("run");
        let galat = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {galat}");
        assert!(galat.contains(harap), "{args:?}: {galat}");
    }
    for perintah in ["materi", "pengguna"] {
        let out = bin().args([perintah, "--help"]).output().expect("run");
        let bantuan = String::from_utf8_lossy(&out.stdout);
        assert!(bantuan.contains("\nPerintah:\n"), "{bantuan}");
        assert!(bantuan.contains("<PERINTAH>"), "{bantuan}");
        assert!(!bantuan.contains("Commands"), "{bantuan}");
    }
}

#[test]
fn content_symlink_loops_aliases_and_huge_entries_are_reported() {
    let dir = pohon(&[
        (
            "regulasi/alias.md",
            "---\njudul: &j Judul\nbentuk: *j\n---\nIsi.\n",
        ),
        ("istilah.yaml", "- istilah: &i A\n  definisi: *i\n"),
    ]);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path(), dir.path().join("regulasi/putaran"))
            .expect("symlink");
    }
    std::fs::write(
        dir.path().join("regulasi/besar.md"),
        format!("---\njudul: x\n---\n{}", "kata ".repeat(500_000)),
    )
    .expect("write");
    let out = bin()
        .arg("--content")
        .arg(dir.path())
        .arg("check")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let teks = String::from_utf8_lossy(&out.stdout);
    assert!(
        teks.contains("regulasi/alias.md:2:") && teks.contains("alias"),
        "{teks}"
    );
    assert!(teks.contains("istilah.yaml:1:"), "{teks}");
    assert!(teks.contains("besar.md:1:1: berkas"), "{teks}");
    assert!(
        !teks.contains("putaran"),
        "the loop is not followed: {teks}"
    );
    assert!(teks.lines().count() < 30, "{teks}");
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_pages_are_compressed() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let klien = reqwest::Client::new();
    for jalur in [
        "/",
        "/cari?q=bkad",
        "/api/cari?q=bkad",
        "/tidak-ada",
        "/healthz",
    ] {
        let r = klien
            .get(s.url(jalur))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .expect("get");
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().expect("csp");
        assert!(csp.contains("frame-ancestors 'none'"), "{jalur}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{jalur}: {csp}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{jalur}");
        assert!(h.contains_key("referrer-policy"), "{jalur}");
        if jalur != "/healthz" {
            assert_eq!(
                h.get("content-encoding").map(|v| v.to_str().unwrap_or("")),
                Some("gzip"),
                "{jalur}"
            );
        }
    }
    // The stylesheet is a file of its own (no inline style under this policy), cached.
    let (_, html) = s.get("/").await;
    assert!(!html.contains("<style"), "no inline style");
    let href = html
        .split("href=\"/statis/gaya.css")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("stylesheet link");
    let r = klien
        .get(s.url(&format!("/statis/gaya.css{href}")))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["cache-control"]
            .to_str()
            .expect("cc")
            .contains("immutable")
    );
    let etag = r.headers()["etag"].clone();
    let r = klien
        .get(s.url("/statis/gaya.css"))
        .header("if-none-match", etag)
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 304);
    // A PDF is not compressed again.
    let r = klien
        .post(s.url(&format!("/api/dokumen/{PKS}")))
        .header("accept-encoding", "gzip")
        .json(&contoh_json(PKS))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("content-encoding").is_none());
}

#[tokio::test]
async fn cross_site_posts_and_undocumented_types_are_refused() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    let klien = reqwest::Client::new();
    // What a hostile page's hidden form would send.
    let r = klien
        .post(s.url(&format!("/dokumen/{PKS}")))
        .header("origin", "https://jahat.example")
        .header("sec-fetch-site", "cross-site")
        .form(&[("pihak_kedua.nama", "x")])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 403);
    assert!(r.text().await.expect("body").contains("Permintaan ditolak"));
    let r = klien
        .post(s.url(&format!("/api/dokumen/{PKS}")))
        .header("origin", "https://jahat.example")
        .json(&contoh_json(PKS))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 403);
    // The same form from the site itself is read (and answered with its field errors).
    let r = klien
        .post(s.url(&format!("/dokumen/{PKS}")))
        .header("origin", s.base.clone())
        .header("sec-fetch-site", "same-origin")
        .form(&[("pihak_kedua.nama", "x")])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 422);
    for jenis in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "text/html",
    ] {
        let r = klien
            .post(s.url(&format!("/api/dokumen/{PKS}")))
            .header("content-type", jenis)
            .body("{}")
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 415, "{jenis}");
    }
    // A page's form sent as something else is refused in Indonesian, not in axum's English.
    let r = klien
        .post(s.url("/masuk"))
        .json(&serde_json::json!({"nama": "x", "sandi": "y"}))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 415);
    let teks = r.text().await.expect("body");
    assert!(
        teks.contains("isian harus dikirim sebagai formulir"),
        "{teks}"
    );
    // A method a path does not take is said in Indonesian, with the methods it does take.
    let r = klien
        .get(s.url(&format!("/api/dokumen/{PKS}")))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"], "POST");
    let j: serde_json::Value = r.json().await.expect("JSON");
    assert!(
        j["galat"]
            .as_str()
            .is_some_and(|g| g.contains("tidak menerima")),
        "{j}"
    );
    // An API path that does not exist is answered in the API's JSON, not with a page.
    let r = klien
        .get(s.url("/api/tidak-ada"))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 404);
    let j: serde_json::Value = r.json().await.expect("JSON");
    assert!(
        j["galat"]
            .as_str()
            .is_some_and(|g| g.contains("alamat API ini tidak ada")),
        "{j}"
    );
}

#[tokio::test]
async fn a_path_that_is_not_utf8_gets_the_400_page() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    for jalur in ["/regulasi/%FF%FE", "/%C3%28", "/peraturan/%80"] {
        let (status, html) = s.get(jalur).await;
        assert_eq!(status, 400, "{jalur}");
        assert!(html.contains("Alamat tidak valid"), "{jalur}: {html}");
    }
}

#[tokio::test]
async fn half_sent_headers_are_cut_off_and_sigterm_still_exits() {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    let mut s = Server::mulai(&konten_bawaan(), &[]);
    let alamat = s.base.trim_start_matches("http://").to_string();
    let mut lambat = std::net::TcpStream::connect(&alamat).expect("connect");
    lambat
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Lambat: ")
        .expect("write");
    // Others are served meanwhile.
    let (status, _) = s.get("/healthz").await;
    assert_eq!(status, 200);
    // Within the header deadline (20 s) the server closes the connection.
    lambat
        .set_read_timeout(Some(Duration::from_secs(40)))
        .expect("timeout");
    let mulai = Instant::now();
    let mut buf = [0u8; 256];
    let n = lambat.read(&mut buf).unwrap_or(0);
    assert!(
        mulai.elapsed() < Duration::from_secs(35),
        "closed after {:?} ({n} bytes)",
        mulai.elapsed()
    );
    // A second slow client, then SIGTERM: the server exits anyway.
    let mut lambat2 = std::net::TcpStream::connect(&alamat).expect("connect");
    lambat2.write_all(b"GET / HTTP/1.1\r\n").expect("write");
    let mulai = Instant::now();
    assert!(
        s.berhenti(Duration::from_secs(30)),
        "server exited after SIGTERM"
    );
    assert!(mulai.elapsed() < Duration::from_secs(30));
}
