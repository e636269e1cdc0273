//! Sinergi remembers (issue 11), through the real server and command line: accounts and
//! sign-in, authorization both ways, CSRF, drafts that survive a failed render, versions,
//! issuing with numbers and a QR code that leads to the verification page, verification of an
//! uploaded file, revoking, backup and restore while serving, restarts and `kill -9`.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::{PgUji, Server, bin, konten_bawaan};

const DESA_A: &str = "32.05.03.2001";
const DESA_B: &str = "32.05.03.2002";
const DESA_LAIN_KAB: &str = "32.06.01.2001";
const SANDI: &str = "sandi-uji-panjang";
const PERDES: &str = "perdes-kerja-sama-desa";

/// Creates an account in the server's storage through the command line.
fn akun(s: &Server, nama: &str, peran: &str, kode: &str) {
    let flag = if peran == "admin" {
        "--kabupaten"
    } else {
        "--desa"
    };
    let mut c = bin()
        .args(&s.simpanan)
        .args([
            "pengguna",
            "tambah",
            nama,
            "--peran",
            peran,
            flag,
            kode,
            "--sandi-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    c.stdin
        .take()
        .expect("stdin")
        .write_all(format!("{SANDI}\n").as_bytes())
        .expect("write");
    let out = c.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A client that keeps one session cookie, never follows redirects, and sends what a browser
/// sends on its own site's forms.
struct Klien {
    http: reqwest::Client,
    base: String,
    kuki: Option<String>,
}

impl Klien {
    fn baru(s: &Server) -> Klien {
        Klien {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            base: s.base.clone(),
            kuki: None,
        }
    }

    fn req(&self, m: reqwest::Method, jalur: &str) -> reqwest::RequestBuilder {
        let mut r = self
            .http
            .request(m, format!("{}{jalur}", self.base))
            .header("sec-fetch-site", "same-origin");
        if let Some(k) = &self.kuki {
            r = r.header("cookie", k);
        }
        r
    }

    async fn masuk(&mut self, nama: &str, sandi: &str) -> u16 {
        let r = self
            .req(reqwest::Method::POST, "/masuk")
            .form(&[("nama", nama), ("sandi", sandi), ("lanjut", "/akun")])
            .send()
            .await
            .expect("post");
        if let Some(c) = r.headers().get("set-cookie") {
            let c = c.to_str().expect("cookie");
            assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax"), "{c}");
            self.kuki = Some(c.split(';').next().unwrap_or("").to_string());
        }
        r.status().as_u16()
    }

    async fn get(&self, jalur: &str) -> (u16, String) {
        let r = self
            .req(reqwest::Method::GET, jalur)
            .send()
            .await
            .expect("get");
        let s = r.status().as_u16();
        (s, r.text().await.expect("body"))
    }

    async fn post(&self, jalur: &str, form: &[(&str, &str)]) -> (u16, String, Option<String>) {
        let r = self
            .req(reqwest::Method::POST, jalur)
            .form(form)
            .send()
            .await
            .expect("post");
        let s = r.status().as_u16();
        let lokasi = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        (s, r.text().await.expect("body"), lokasi)
    }

    /// The CSRF token of the signed-in session, read from a page's form.
    async fn csrf(&self) -> String {
        let (_, html) = self.get("/akun").await;
        nilai_input(&html, "_csrf").expect("a CSRF token on the account page")
    }
}

/// The value of the first `<input … name="nama" value="…">` in `html`.
fn nilai_input(html: &str, nama: &str) -> Option<String> {
    let i = html.find(&format!("name=\"{nama}\" value=\""))?;
    let sisa = &html[i + nama.len() + 15..];
    Some(sisa[..sisa.find('"')?].to_string())
}

/// The example of a document type, as the urlencoded pairs a browser sends.
fn contoh_form(jenis: &str) -> Vec<(String, String)> {
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["dokumen", jenis, "--contoh"])
        .output()
        .expect("example");
    let v: serde_json::Value = serde_yaml::from_slice(&out.stdout).expect("yaml");
    let mut pasangan = Vec::new();
    fn ratakan(v: &serde_json::Value, jalur: &str, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    let j = if jalur.is_empty() {
                        k.clone()
                    } else {
                        format!("{jalur}.{k}")
                    };
                    ratakan(x, &j, out);
                }
            }
            serde_json::Value::Array(a) if a.iter().all(|x| !x.is_object()) => out.push((
                jalur.into(),
                a.iter()
                    .map(|x| {
                        x.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| x.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            )),
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    ratakan(x, &format!("{jalur}[{i}]"), out);
                }
            }
            serde_json::Value::String(t) => out.push((jalur.into(), t.clone())),
            serde_json::Value::Number(n) => out.push((jalur.into(), n.to_string())),
            serde_json::Value::Bool(true) => out.push((jalur.into(), "ya".into())),
            _ => {}
        }
    }
    ratakan(&v, "", &mut pasangan);
    pasangan
}

fn dengan(mut p: Vec<(String, String)>, tambah: &[(&str, &str)]) -> Vec<(String, String)> {
    for (k, v) in tambah {
        p.retain(|(a, _)| a != k);
        p.push((k.to_string(), v.to_string()));
    }
    p
}

async fn kirim(k: &Klien, jalur: &str, p: &[(String, String)]) -> (u16, String, Option<String>) {
    let pasangan: Vec<(&str, &str)> = p.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    k.post(jalur, &pasangan).await
}

#[tokio::test]
async fn sign_in_tokens_and_csrf() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    sign_in_tokens_and_csrf_di(&s).await;
}

#[tokio::test]
async fn sign_in_tokens_and_csrf_on_postgres() {
    let Some(pg) = PgUji::baru("sign_in_tokens_and_c").await else {
        return;
    };
    let s = Server::mulai_postgres(&konten_bawaan(), &pg.url, &[]);
    sign_in_tokens_and_csrf_di(&s).await;
    drop(s);
    pg.hapus().await;
}

async fn sign_in_tokens_and_csrf_di(s: &Server) {
    akun(s, "ops-a", "operator", DESA_A);
    let mut k = Klien::baru(s);
    assert_eq!(k.masuk("ops-a", "salah-sekali").await, 401);
    assert!(k.kuki.is_none());
    assert_eq!(k.masuk("ops-a", SANDI).await, 303);
    let (st, html) = k.get("/akun").await;
    assert_eq!(st, 200);
    assert!(
        html.contains("ops-a") && html.contains("Wanaraja"),
        "{html}"
    );
    // A state-changing form without the session's token is refused.
    let (st, _, _) = k.post("/akun/token", &[("nama", "skrip")]).await;
    assert_eq!(st, 403);
    let (st, _, _) = k
        .post("/akun/token", &[("nama", "skrip"), ("_csrf", "palsu")])
        .await;
    assert_eq!(st, 403);
    let csrf = k.csrf().await;
    let (st, html, _) = k
        .post("/akun/token", &[("nama", "skrip"), ("_csrf", &csrf)])
        .await;
    assert_eq!(st, 200);
    let token = html
        .split("<code class=\"token\">")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .expect("the new token is shown once")
        .to_string();
    // The API takes the personal token.
    let api = |kode: &str| {
        reqwest::Client::new()
            .get(s.url(&format!("/api/desa/{kode}/profil")))
            .bearer_auth(&token)
            .send()
    };
    assert_eq!(api(DESA_A).await.expect("get").status(), 200);
    assert_eq!(api(DESA_B).await.expect("get").status(), 403);
    // A profile that is not JSON, or names a field the profile does not have, is refused in
    // Indonesian with where and what.
    let simpan = |isi: &'static str| {
        reqwest::Client::new()
            .put(s.url(&format!("/api/desa/{DESA_A}/profil")))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(isi)
            .send()
    };
    let r = simpan("{\"telepon\": ").await.expect("put");
    assert_eq!(r.status(), 400);
    let galat = r.text().await.expect("body");
    assert!(
        galat.contains("baris 1, kolom 12: JSON tidak dapat dibaca: teks berakhir"),
        "{galat}"
    );
    let r = simpan("{\"telpon\": \"0262\"}").await.expect("put");
    assert_eq!(r.status(), 422);
    let galat = r.text().await.expect("body");
    assert!(galat.contains("kolom `telpon` tidak dikenal"), "{galat}");
    let tanpa = reqwest::get(s.url(&format!("/api/desa/{DESA_A}/profil")))
        .await
        .expect("get");
    assert_eq!(tanpa.status(), 401);
    // Signing out ends the session.
    let (st, _, _) = k.post("/keluar", &[("_csrf", &csrf)]).await;
    assert_eq!(st, 303);
    let (st, _) = k.get("/akun").await;
    assert_eq!(st, 303, "back to the sign-in page");
}

#[tokio::test]
async fn operators_and_admins_reach_only_their_villages() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    operators_and_admins_reach_only_their_villages_di(&s).await;
}

#[tokio::test]
async fn operators_and_admins_reach_only_their_villages_on_postgres() {
    let Some(pg) = PgUji::baru("operators_and_admins").await else {
        return;
    };
    let s = Server::mulai_postgres(&konten_bawaan(), &pg.url, &[]);
    operators_and_admins_reach_only_their_villages_di(&s).await;
    drop(s);
    pg.hapus().await;
}

async fn operators_and_admins_reach_only_their_villages_di(s: &Server) {
    akun(s, "ops-a", "operator", DESA_A);
    akun(s, "ops-b", "operator", DESA_B);
    akun(s, "dpmd-garut", "admin", "32.05");
    let mut a = Klien::baru(s);
    a.masuk("ops-a", SANDI).await;
    let mut b = Klien::baru(s);
    b.masuk("ops-b", SANDI).await;
    let mut admin = Klien::baru(s);
    admin.masuk("dpmd-garut", SANDI).await;
    // Profiles, by page and by form.
    assert_eq!(a.get(&format!("/desa/{DESA_A}")).await.0, 200);
    assert_eq!(a.get(&format!("/desa/{DESA_B}")).await.0, 403);
    let csrf_a = a.csrf().await;
    let (st, _, _) = a
        .post(
            &format!("/desa/{DESA_B}"),
            &[("_csrf", &csrf_a), ("alamat_kantor", "x")],
        )
        .await;
    assert_eq!(st, 403);
    assert_eq!(admin.get(&format!("/desa/{DESA_B}")).await.0, 200);
    assert_eq!(admin.get(&format!("/desa/{DESA_LAIN_KAB}")).await.0, 403);
    // Drafts: B's draft is not A's.
    let csrf_b = b.csrf().await;
    let form = dengan(
        contoh_form(PERDES),
        &[("_csrf", &csrf_b), ("_aksi", "simpan")],
    );
    let (st, html, _) = kirim(&b, &format!("/dokumen/{PERDES}"), &form).await;
    assert_eq!(st, 200, "{html}");
    let id = nilai_input(&html, "_draf").expect("draft id in the form");
    assert_eq!(b.get(&format!("/draf/{id}")).await.0, 200);
    assert_eq!(a.get(&format!("/draf/{id}")).await.0, 403);
    assert_eq!(admin.get(&format!("/draf/{id}")).await.0, 200);
    assert_eq!(
        a.get(&format!("/draf?desa={DESA_B}")).await.0,
        200,
        "an operator sees only their own list"
    );
    assert!(!a.get("/draf").await.1.contains(&id));
    // Appending to B's draft from A's session is refused too.
    let form = dengan(
        contoh_form(PERDES),
        &[("_csrf", &csrf_a), ("_aksi", "simpan"), ("_draf", &id)],
    );
    let (_, html, _) = kirim(&a, &format!("/dokumen/{PERDES}"), &form).await;
    assert_ne!(nilai_input(&html, "_draf").as_deref(), Some(id.as_str()));
    // An admin cannot save a draft for a village of another kabupaten.
    let csrf_admin = admin.csrf().await;
    let form = dengan(
        contoh_form(PERDES),
        &[
            ("_csrf", &csrf_admin),
            ("_aksi", "simpan"),
            ("_desa", DESA_LAIN_KAB),
        ],
    );
    assert_eq!(
        kirim(&admin, &format!("/dokumen/{PERDES}"), &form).await.0,
        403
    );
}

#[tokio::test]
async fn a_draft_survives_a_failed_render_and_keeps_its_versions() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    a_draft_survives_a_failed_render_and_keeps_its_versions_di(&s).await;
}

#[tokio::test]
async fn a_draft_survives_a_failed_render_and_keeps_its_versions_on_postgres() {
    let Some(pg) = PgUji::baru("a_draft_survives_a_f").await else {
        return;
    };
    let s = Server::mulai_postgres(&konten_bawaan(), &pg.url, &[]);
    a_draft_survives_a_failed_render_and_keeps_its_versions_di(&s).await;
    drop(s);
    pg.hapus().await;
}

async fn a_draft_survives_a_failed_render_and_keeps_its_versions_di(s: &Server) {
    akun(s, "ops-a", "operator", DESA_A);
    let mut a = Klien::baru(s);
    a.masuk("ops-a", SANDI).await;
    let csrf = a.csrf().await;
    // Invalid data: the render fails with field errors, and the submission is still kept.
    let rusak = dengan(
        contoh_form(PERDES),
        &[("_csrf", &csrf), ("tanggal_penetapan", "2025-02-30")],
    );
    let (st, html, _) = kirim(&a, &format!("/dokumen/{PERDES}"), &rusak).await;
    assert_eq!(st, 422);
    assert!(html.contains("Draf tersimpan (versi 1)"), "{html}");
    let id = nilai_input(&html, "_draf").expect("draft id");
    let (st, html) = a.get(&format!("/draf/{id}")).await;
    assert_eq!(st, 200);
    assert!(
        html.contains("value=\"2025-02-30\""),
        "the typed value is back"
    );
    // A second version, then the first restored as the third.
    let kedua = dengan(
        rusak.clone(),
        &[
            ("_draf", &id),
            ("_aksi", "simpan"),
            ("tanggal_penetapan", "2025-07-20"),
        ],
    );
    let (_, html, _) = kirim(&a, &format!("/dokumen/{PERDES}"), &kedua).await;
    assert!(html.contains("versi 2"), "{html}");
    let (_, riwayat) = a.get(&format!("/draf/{id}/riwayat")).await;
    assert!(riwayat.contains("Versi 1") && riwayat.contains("Versi 2"));
    let (st, _, lokasi) = a
        .post(
            &format!("/draf/{id}/pulihkan"),
            &[("_csrf", &csrf), ("versi", "1")],
        )
        .await;
    assert_eq!(
        (st, lokasi.as_deref()),
        (303, Some(format!("/draf/{id}").as_str()))
    );
    let (_, html) = a.get(&format!("/draf/{id}")).await;
    assert!(
        html.contains("versi 3") && html.contains("value=\"2025-02-30\""),
        "{html}"
    );
    // The list shows type, title and who changed it.
    let (_, daftar) = a.get("/draf").await;
    assert!(
        daftar.contains("Peraturan Desa tentang Kerja Sama Desa") && daftar.contains("ops-a"),
        "{daftar}"
    );
}

/// The text of the first QR code on page 1 of `pdf` (tried at a few resolutions, as a phone
/// camera would from different distances).
fn baca_qr(pdf: &[u8]) -> Option<String> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    let dok = Pdf::new(std::sync::Arc::new(pdf.to_vec())).ok()?;
    [4.0f32, 6.0, 3.0].into_iter().find_map(|skala| {
        let halaman = hayro::render_pdf(&dok, skala, InterpreterSettings::default(), Some(0..=0))?;
        let p = halaman.first()?;
        let (w, h) = (usize::from(p.width()), usize::from(p.height()));
        let rgba = p.data_as_u8_slice();
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
            let i = (y * w + x) * 4;
            // Premultiplied over transparent: blend onto white.
            let a = u16::from(rgba[i + 3]);
            let g = (u16::from(rgba[i]) + u16::from(rgba[i + 1]) + u16::from(rgba[i + 2])) / 3;
            (g + (255 - a)).min(255) as u8
        });
        let grid = img.detect_grids();
        grid.first()?.decode().ok().map(|(_, teks)| teks)
    })
}

async fn unggah(s: &Server, pdf: Vec<u8>) -> String {
    let form = reqwest::multipart::Form::new().part(
        "berkas",
        reqwest::multipart::Part::bytes(pdf)
            .file_name("dokumen.pdf")
            .mime_str("application/pdf")
            .expect("mime"),
    );
    reqwest::Client::new()
        .post(s.url("/verifikasi"))
        .multipart(form)
        .send()
        .await
        .expect("post")
        .text()
        .await
        .expect("body")
}

#[tokio::test]
async fn issued_documents_are_numbered_carry_a_qr_code_and_verify() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    issued_documents_are_numbered_carry_a_qr_code_and_verify_di(&s).await;
}

#[tokio::test]
async fn issued_documents_are_numbered_carry_a_qr_code_and_verify_on_postgres() {
    let Some(pg) = PgUji::baru("issued_documents_are").await else {
        return;
    };
    let s = Server::mulai_postgres(&konten_bawaan(), &pg.url, &[]);
    issued_documents_are_numbered_carry_a_qr_code_and_verify_di(&s).await;
    drop(s);
    pg.hapus().await;
}

async fn issued_documents_are_numbered_carry_a_qr_code_and_verify_di(s: &Server) {
    akun(s, "ops-a", "operator", DESA_A);
    let mut a = Klien::baru(s);
    a.masuk("ops-a", SANDI).await;
    let csrf = a.csrf().await;
    // The example names another village: issuing it for Wanaraja is refused beside the field.
    let form = dengan(
        contoh_form(PERDES),
        &[("_csrf", &csrf), ("_aksi", "terbitkan")],
    );
    let (st, html, _) = kirim(&a, &format!("/dokumen/{PERDES}"), &form).await;
    assert_eq!(st, 422);
    assert!(
        html.contains("padahal dokumen ini diterbitkan untuk Desa Wanaraja"),
        "{html}"
    );
    let form = dengan(form, &[("desa.nama", "Wanaraja")]);
    let (st, html, lokasi) = kirim(&a, &format!("/dokumen/{PERDES}"), &form).await;
    assert_eq!(st, 303, "{html}");
    let lokasi = lokasi.expect("to the issued document");
    let kode = lokasi.trim_start_matches("/terbitan/").to_string();
    let (st, halaman) = a.get(&lokasi).await;
    assert_eq!(st, 200);
    assert!(
        halaman.contains("<td>1 Tahun 2025</td>"),
        "first number of 2025: {halaman}"
    );
    // The public page and the file.
    let (st, publik) = s.get(&format!("/verifikasi/{kode}")).await;
    assert_eq!(st, 200);
    assert!(
        publik.contains("Dokumen terdaftar") && publik.contains("Wanaraja"),
        "{publik}"
    );
    let pdf = reqwest::get(s.url(&format!("/verifikasi/{kode}/pdf")))
        .await
        .expect("get")
        .bytes()
        .await
        .expect("pdf")
        .to_vec();
    assert!(pdf.starts_with(b"%PDF"));
    let teks = common::pdf_teks(&pdf);
    assert!(teks.contains("NOMOR 1 TAHUN 2025"), "the number is printed");
    // The QR code leads to the verification page.
    let url = baca_qr(&pdf).expect("a QR code on page 1");
    assert_eq!(url, format!("{}/verifikasi/{kode}", s.base));
    let (st, _) = s.get(url.trim_start_matches(&s.base)).await;
    assert_eq!(st, 200);
    // The very file verifies; a changed one does not.
    assert!(unggah(s, pdf.clone()).await.contains("Sama persis"));
    let mut diubah = pdf.clone();
    let i = diubah.len() / 2;
    diubah[i] ^= 0x01;
    assert!(unggah(s, diubah).await.contains("Tidak cocok"));
    // The next document of the year takes the next number.
    let (_, _, lokasi2) = kirim(&a, &format!("/dokumen/{PERDES}"), &form).await;
    let (_, halaman2) = a.get(&lokasi2.expect("issued")).await;
    assert!(halaman2.contains("<td>2 Tahun 2025</td>"), "{halaman2}");
    // Revoked: the public page says so, with the date and reason.
    let (st, _, _) = a
        .post(
            &format!("/terbitan/{kode}/cabut"),
            &[("_csrf", &csrf), ("alasan", "salah ketik nama mitra")],
        )
        .await;
    assert_eq!(st, 303);
    let (_, publik) = s.get(&format!("/verifikasi/{kode}")).await;
    assert!(publik.contains("dicabut") && publik.contains("salah ketik nama mitra"));
    // The register of legal products lists both.
    let (_, daftar) = a.get("/terbitan").await;
    assert!(daftar.contains("dicabut") && daftar.contains("berlaku"));
}

/// The draft id and version a save answered with.
fn versi_tersimpan(html: &str) -> Option<(String, i64)> {
    let id = nilai_input(html, "_draf")?;
    let i = html.find("Draf tersimpan (versi ")?;
    let sisa = &html[i + 22..];
    let n = sisa[..sisa.find(')')?].parse().ok()?;
    Some((id, n))
}

#[tokio::test]
async fn answered_saves_survive_kill_9_and_everything_persists_across_a_restart() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    akun(&s, "ops-a", "operator", DESA_A);
    let mut a = Klien::baru(&s);
    a.masuk("ops-a", SANDI).await;
    let csrf = a.csrf().await;
    let form = dengan(
        contoh_form(PERDES),
        &[("_csrf", &csrf), ("_aksi", "simpan")],
    );
    let (_, html, _) = kirim(&a, &format!("/dokumen/{PERDES}"), &form).await;
    let (id, _) = versi_tersimpan(&html).expect("first save");
    let form = dengan(form, &[("_draf", &id)]);
    // A burst of saves from 8 clients; the server is killed in the middle of it.
    let dijawab = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let tugas: Vec<_> = (0..8)
        .map(|_| {
            let (form, dijawab) = (form.clone(), dijawab.clone());
            let (base, kuki) = (s.base.clone(), a.kuki.clone());
            tokio::spawn(async move {
                let k = Klien {
                    http: reqwest::Client::new(),
                    base,
                    kuki,
                };
                for _ in 0..200 {
                    match tokio::time::timeout(
                        std::time::Duration::from_secs(5),
                        kirim(&k, &format!("/dokumen/{PERDES}"), &form),
                    )
                    .await
                    {
                        Ok((200, html, _)) => {
                            if let Some(v) = versi_tersimpan(&html) {
                                dijawab.lock().expect("lock").push(v.1);
                            }
                        }
                        _ => break,
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let (index, data) = s.bunuh();
    for t in tugas {
        let _ = t.await;
    }
    let dijawab = dijawab.lock().expect("lock").clone();
    assert!(
        dijawab.len() > 5,
        "the burst was under way: {} saves",
        dijawab.len()
    );
    // Restarted on the same folders: the session, the account and every answered save are there.
    let s = Server::mulai_dengan_data(&konten_bawaan(), index, data, &[]);
    let a = Klien {
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        base: s.base.clone(),
        kuki: a.kuki.clone(),
    };
    for n in &dijawab {
        let (st, html) = a.get(&format!("/draf/{id}?versi={n}")).await;
        assert_eq!(st, 200, "version {n} was answered and must be kept");
        assert!(html.contains(&format!("versi {n}")), "version {n}");
    }
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_into_an_empty_folder() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    akun(&s, "ops-a", "operator", DESA_A);
    let mut a = Klien::baru(&s);
    a.masuk("ops-a", SANDI).await;
    let csrf = a.csrf().await;
    let form = dengan(
        contoh_form(PERDES),
        &[("_csrf", &csrf), ("_aksi", "simpan")],
    );
    let (_, html, _) = kirim(&a, &format!("/dokumen/{PERDES}"), &form).await;
    let (id, _) = versi_tersimpan(&html).expect("saved");
    // Saves keep coming while the backup is taken.
    let form = dengan(form, &[("_draf", &id)]);
    let sibuk = {
        let (base, kuki) = (s.base.clone(), a.kuki.clone());
        tokio::spawn(async move {
            let k = Klien {
                http: reqwest::Client::new(),
                base,
                kuki,
            };
            for _ in 0..20 {
                kirim(&k, &format!("/dokumen/{PERDES}"), &form).await;
            }
        })
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let cadangan = tmp.path().join("sinergi-cadangan.db");
    let out = bin()
        .args(&s.simpanan)
        .arg("cadangan")
        .arg("--out")
        .arg(&cadangan)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    sibuk.await.expect("saves");
    // Not over existing data; into an empty folder, yes.
    let out = bin()
        .args(&s.simpanan)
        .arg("pulihkan")
        .arg(&cadangan)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tidak kosong"));
    let baru = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .arg("--data")
        .arg(baru.path())
        .arg("pulihkan")
        .arg(&cadangan)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = tempfile::tempdir().expect("tempdir");
    let pulih = Server::mulai_dengan_data(&konten_bawaan(), index, baru, &[]);
    let mut b = Klien::baru(&pulih);
    assert_eq!(b.masuk("ops-a", SANDI).await, 303, "the account came back");
    let (st, html) = b.get(&format!("/draf/{id}")).await;
    assert_eq!(st, 200);
    assert!(html.contains("Peraturan Desa"), "{html}");
}

#[tokio::test]
async fn the_register_of_legal_products_records_numbers_made_elsewhere_and_exports() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    akun(&s, "ops-a", "operator", DESA_A);
    akun(&s, "ops-b", "operator", DESA_B);
    let mut a = Klien::baru(&s);
    a.masuk("ops-a", SANDI).await;
    let csrf = a.csrf().await;
    let form = reqwest::multipart::Form::new()
        .text("_csrf", csrf.clone())
        .text("jenis", "perdes")
        .text("nomor", "4")
        .text("tahun", "2025")
        .text("judul", "Pungutan Desa atas Pasar Desa")
        .text("tanggal_penetapan", "2025-03-01")
        .part(
            "pdf",
            reqwest::multipart::Part::bytes(b"%PDF-1.7 salinan bertanda tangan".to_vec())
                .file_name("perdes-4.pdf")
                .mime_str("application/pdf")
                .expect("mime"),
        );
    let r = a
        .req(reqwest::Method::POST, "/register")
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 303);
    let (_, html) = a.get("/register").await;
    assert!(
        html.contains("Pungutan Desa atas Pasar Desa") && html.contains("4 / 2025"),
        "{html}"
    );
    // The next Peraturan Desa of 2025 issued through Sinergi takes number 5.
    let form = dengan(
        contoh_form(PERDES),
        &[
            ("_csrf", &csrf),
            ("_aksi", "terbitkan"),
            ("desa.nama", "Wanaraja"),
        ],
    );
    let (st, _, lokasi) = kirim(&a, &format!("/dokumen/{PERDES}"), &form).await;
    assert_eq!(st, 303);
    let (_, halaman) = a.get(&lokasi.expect("issued")).await;
    assert!(halaman.contains("<td>5 Tahun 2025</td>"), "{halaman}");
    // Both are in the register, and in its exports.
    let r = a
        .req(reqwest::Method::GET, "/register/ekspor.csv")
        .send()
        .await
        .expect("csv");
    assert_eq!(r.status(), 200);
    let csv = r.text().await.expect("body");
    assert!(
        csv.contains("Peraturan Desa,4,2025,Pungutan Desa atas Pasar Desa"),
        "{csv}"
    );
    assert!(csv.contains("Peraturan Desa,5,2025,"), "{csv}");
    let r = a
        .req(reqwest::Method::GET, "/register/ekspor.pdf")
        .send()
        .await
        .expect("pdf");
    assert_eq!(r.status(), 200);
    let pdf = r.bytes().await.expect("pdf");
    common::pdf_sah(&pdf);
    let teks = common::pdf_teks(&pdf);
    assert!(
        teks.contains("BUKU PERATURAN DI DESA") && teks.contains("Pungutan Desa"),
        "{teks}"
    );
    // Private to its village.
    let mut b = Klien::baru(&s);
    b.masuk("ops-b", SANDI).await;
    let (_, html_b) = b.get("/register").await;
    assert!(!html_b.contains("Pungutan Desa"));
    assert_eq!(
        b.get(&format!("/register?desa={DESA_A}")).await.0,
        200,
        "an operator only ever sees their own"
    );
}

/// Records a legal product made elsewhere in the signed-in operator's register.
async fn catat_produk(k: &Klien, nomor: &str, judul: &str, publik: bool) {
    let mut form = reqwest::multipart::Form::new()
        .text("_csrf", k.csrf().await)
        .text("jenis", "perdes")
        .text("nomor", nomor.to_string())
        .text("tahun", "2025")
        .text("judul", judul.to_string());
    if publik {
        form = form.text("publik", "ya");
    }
    let r = k
        .req(reqwest::Method::POST, "/register")
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 303, "{judul}");
}

/// `/api/cari?q=…&jenis=produk-hukum` as `k` sees it: the hits' titles and urls.
async fn cari_produk(k: &Klien, q: &str) -> Vec<(String, String)> {
    let (st, body) = k
        .get(&format!(
            "/api/cari?jenis=produk-hukum&q={}",
            q.replace(' ', "+")
        ))
        .await;
    assert_eq!(st, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(
        v["total"].as_u64(),
        v["hits"].as_array().map(|h| h.len() as u64)
    );
    v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            assert_eq!(h["jenis"], "produk-hukum");
            (
                h["judul"].as_str().unwrap_or("").to_string(),
                h["url"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn legal_products_are_found_by_search_as_their_readers_may_see_them() {
    let s = Server::mulai(&konten_bawaan(), &[]);
    legal_products_are_found_di(&s).await;
}

#[tokio::test]
async fn legal_products_are_found_by_search_on_postgres() {
    let Some(pg) = PgUji::baru("legal_products_search").await else {
        return;
    };
    let s = Server::mulai_postgres(&konten_bawaan(), &pg.url, &[]);
    legal_products_are_found_di(&s).await;
    drop(s);
    pg.hapus().await;
}

async fn legal_products_are_found_di(s: &Server) {
    akun(s, "ops-a", "operator", DESA_A);
    akun(s, "ops-b", "operator", DESA_B);
    akun(s, "dpmd", "admin", "32.05");
    let mut a = Klien::baru(s);
    a.masuk("ops-a", SANDI).await;
    catat_produk(&a, "2", "Kerjasama Pengelolaan Pasar Desa", true).await;
    catat_produk(&a, "3", "Kerja Sama Pengelolaan Air Bersih", false).await;
    catat_produk(&a, "4", "Pembentukan Badan Kerja Sama Antar-Desa", true).await;

    // The public finds the published one by any form of the words, not the private one.
    let umum = Klien::baru(s);
    let q = "kerja sama pengelolaan";
    let hits = cari_produk(&umum, q).await;
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        hits[0].0,
        "Peraturan Desa Nomor 2 Tahun 2025 tentang Kerjasama Pengelolaan Pasar Desa"
    );
    let (st, html) = umum.get(&hits[0].1).await;
    assert_eq!(st, 200, "{html}");
    assert!(html.contains("Kerjasama Pengelolaan Pasar Desa"), "{html}");
    // Its village, and the kabupaten's admin, find both; another village only the published.
    let semua = cari_produk(&a, q).await;
    assert_eq!(semua.len(), 2, "{semua:?}");
    let (_, url_pribadi) = semua
        .iter()
        .find(|(j, _)| j.contains("Air Bersih"))
        .expect("the private one, for its village");
    let mut dpmd = Klien::baru(s);
    dpmd.masuk("dpmd", SANDI).await;
    assert_eq!(cari_produk(&dpmd, q).await.len(), 2);
    let mut b = Klien::baru(s);
    b.masuk("ops-b", SANDI).await;
    assert_eq!(cari_produk(&b, q).await.len(), 1);
    assert_eq!(umum.get(url_pribadi).await.0, 404, "private stays private");
    assert_eq!(b.get(url_pribadi).await.0, 404);
    assert_eq!(a.get(url_pribadi).await.0, 200);
    // "sama" alone does not meet "Bersama"; a year filter keeps its year.
    assert_eq!(cari_produk(&umum, "pasar").await.len(), 1);
    assert!(cari_produk(&umum, "badan kerjasama").await.len() == 1);
    let (_, body) = umum.get("/api/cari?q=pasar+desa&tahun=2024").await;
    assert!(!body.contains("produk_hukum"), "{body}");

    // Beside the knowledge base: counted as a kind, the first ones listed on the page.
    let (_, body) = umum.get("/api/cari?q=pengelolaan+pasar").await;
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["facets"]["jenis"]["produk-hukum"], 1, "{body}");
    assert_eq!(v["produk_hukum"]["total"], 1, "{body}");
    assert!(
        v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .all(|h| h["jenis"] != "produk-hukum"),
        "the knowledge base's own results stay as they were"
    );
    let (_, html) = umum.get("/cari?q=pengelolaan+pasar").await;
    assert!(
        html.contains("Produk hukum desa") && html.contains("<b>Pengelolaan</b> <b>Pasar</b>"),
        "{html}"
    );
    let (_, html) = umum
        .get("/cari?q=pengelolaan+pasar&jenis=produk-hukum")
        .await;
    assert!(html.contains("1 hasil"), "{html}");
    assert!(html.contains(&hits[0].1), "{html}");
}

#[tokio::test]
async fn issued_offers_are_published_until_revoked() {
    const PENAWARAN: &str = "surat-penawaran-kerja-sama";
    let s = Server::mulai(&konten_bawaan(), &[]);
    let umum = Klien::baru(&s);
    let (st, html) = umum.get("/penawaran").await;
    assert_eq!(st, 200);
    assert!(html.contains("Belum ada penawaran"), "{html}");
    akun(&s, "ops-a", "operator", DESA_A);
    let mut a = Klien::baru(&s);
    a.masuk("ops-a", SANDI).await;
    let csrf = a.csrf().await;
    // A wrong field keeps the form as typed, with the message beside the field.
    let (st, html, _) = a
        .post(
            &format!("/desa/{DESA_A}"),
            &[
                ("_csrf", &csrf),
                ("surel", "pemdes-wanaraja"),
                ("telepon", "(0262) 123456"),
            ],
        )
        .await;
    assert_eq!(st, 422, "{html}");
    assert!(
        html.contains("alamat surel harus memuat @") && html.contains("(0262) 123456"),
        "{html}"
    );
    // Letters are numbered with the office's classification code, set in the profile.
    let (st, html, _) = a
        .post(
            &format!("/desa/{DESA_A}"),
            &[
                ("_csrf", &csrf),
                ("nomor.surat.kode_klasifikasi", "100.3.5"),
            ],
        )
        .await;
    assert!(st == 200 && html.contains("Profil disimpan"), "{html}");
    let form = dengan(
        contoh_form(PENAWARAN),
        &[
            ("_csrf", &csrf),
            ("_aksi", "terbitkan"),
            ("desa.nama", "Wanaraja"),
        ],
    );
    let (st, html, lokasi) = kirim(&a, &format!("/dokumen/{PENAWARAN}"), &form).await;
    assert_eq!(st, 303, "{html}");
    let kode = lokasi
        .expect("issued")
        .trim_start_matches("/terbitan/")
        .to_string();
    // Anyone sees it, with its village and a way to its verification page and file.
    let (_, html) = umum.get("/penawaran").await;
    assert!(
        html.contains(&format!("/verifikasi/{kode}")) && html.contains("Desa Wanaraja"),
        "{html}"
    );
    assert!(html.contains(&format!("/verifikasi/{kode}/pdf")), "{html}");
    // A revoked offer is no longer offered.
    let (st, _, _) = a
        .post(
            &format!("/terbitan/{kode}/cabut"),
            &[("_csrf", &csrf), ("alasan", "mitra sudah didapat")],
        )
        .await;
    assert_eq!(st, 303);
    let (_, html) = umum.get("/penawaran").await;
    assert!(!html.contains(&kode), "{html}");
}
