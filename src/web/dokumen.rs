//! Document pages and API: the list of document types, the form generated from each schema
//! (repeatable groups added and removed without JavaScript), and PDFs.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::Keadaan;
use super::halaman::{galat, render, tidak_ditemukan};
use crate::dokumen::{
    DokumenError, GalatIsian, JenisDokumen, Kertas, Opsi, PILIHAN_HURUF, formulir,
};
use crate::format::escape_html as esc;
use crate::konten::{JenisKolom, Kolom, label_tahap};

type S = State<Arc<Keadaan>>;

pub async fn daftar(State(k): S) -> Response {
    let m = k.muatan();
    let jenis: Vec<Value> = m
        .mesin
        .daftar()
        .map(|j| {
            let dasar: Vec<Value> = j
                .dasar_hukum
                .iter()
                .filter_map(|id| m.konten.cari(id))
                .map(|e| json!({"judul": e.judul, "url": e.url()}))
                .collect();
            json!({"id": j.id, "judul": j.judul, "tahap": label_tahap(&j.tahap),
                   "dasar_hukum": dasar})
        })
        .collect();
    render(
        &k,
        StatusCode::OK,
        "dokumen-daftar.html",
        json!({"jenis_dokumen": jenis}),
    )
}

pub async fn api_daftar(State(k): S) -> Json<Value> {
    let m = k.muatan();
    Json(Value::Array(
        m.mesin
            .daftar()
            .map(|j| {
                json!({"id": j.id, "judul": j.judul, "tahap": j.tahap, "dasar_hukum": j.dasar_hukum,
                       "versi": j.versi, "formulir": j.formulir, "contoh": j.contoh()})
            })
            .collect(),
    ))
}

fn opsi_dari(kertas: Option<&str>, huruf: Option<&str>) -> Result<Opsi, String> {
    let mut o = Opsi::default();
    if let Some(k) = kertas.filter(|s| !s.is_empty()) {
        o.kertas = Kertas::dari(k)
            .ok_or_else(|| format!("kertas `{k}` tidak dikenal; pilih a4 atau f4"))?;
    }
    if let Some(h) = huruf.filter(|s| !s.is_empty()) {
        if !PILIHAN_HURUF.iter().any(|(n, _)| *n == h) {
            return Err(format!(
                "huruf `{h}` tidak dikenal; pilih bookman, times atau arial"
            ));
        }
        o.huruf = h.to_string();
    }
    Ok(o)
}

pub(super) fn pdf(id: &str, bytes: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{id}.pdf\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub(super) fn sibuk() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "1")],
        Json(json!({"galat": "server sedang menyusun banyak dokumen; coba lagi sebentar lagi"})),
    )
        .into_response()
}

/// Reads the data and compiles on the blocking pool, at most as many at once as permits allow;
/// none free → None. Reading (YAML and JSON parsing) happens under the same permit, so parsing
/// cost is bounded by the number of permits too.
async fn susun(
    k: &Keadaan,
    id: &str,
    baca: impl FnOnce() -> Result<Value, DokumenError> + Send + 'static,
    opsi: Opsi,
) -> Option<Result<Vec<u8>, DokumenError>> {
    let izin = k.izin_dokumen.try_acquire().ok()?;
    let m = k.muatan();
    let id = id.to_string();
    let hasil = tokio::task::spawn_blocking(move || m.mesin.render(&id, &baca()?, &opsi)).await;
    drop(izin);
    Some(hasil.unwrap_or_else(|e| Err(DokumenError::Typst(vec![e.to_string()]))))
}

pub async fn api_buat(
    State(k): S,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let salah =
        |status: StatusCode, pesan: String| (status, Json(json!({"galat": pesan}))).into_response();
    if k.muatan().mesin.jenis(&id).is_none() {
        return salah(
            StatusCode::NOT_FOUND,
            format!("jenis dokumen `{id}` tidak dikenal"),
        );
    }
    let opsi = match opsi_dari(
        q.get("kertas").map(String::as_str),
        q.get("huruf").map(String::as_str),
    ) {
        Ok(o) => o,
        Err(p) => return salah(StatusCode::BAD_REQUEST, p),
    };
    let jenis_isi = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let jenis_isi = jenis_isi
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    // No type at all is read as JSON (what curl users forget); a type the API does not
    // document is refused.
    let yaml = match jenis_isi.as_str() {
        "" | "application/json" => false,
        "application/yaml" | "application/x-yaml" | "text/yaml" => true,
        _ => {
            return salah(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "kirim isian sebagai application/json atau application/yaml".into(),
            );
        }
    };
    let baca = move || -> Result<Value, DokumenError> {
        let teks = std::str::from_utf8(&body)
            .map_err(|_| DokumenError::Permintaan("isi permintaan harus teks UTF-8".into()))?;
        if yaml {
            crate::yaml::baca(teks).map_err(|e| DokumenError::Permintaan(e.to_string()))
        } else {
            serde_json::from_str(teks)
                .map_err(|e| DokumenError::Permintaan(format!("JSON tidak valid: {e}")))
        }
    };
    match susun(&k, &id, baca, opsi).await {
        None => sibuk(),
        Some(Ok(b)) => pdf(&id, b),
        Some(Err(DokumenError::Permintaan(p))) => salah(StatusCode::BAD_REQUEST, p),
        Some(Err(DokumenError::Isian(g))) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"galat": format!("{} masalah pada isian", g.len()), "isian": g})),
        )
            .into_response(),
        Some(Err(e)) => {
            tracing::error!("dokumen {id}: {e}");
            salah(
                StatusCode::INTERNAL_SERVER_ERROR,
                "dokumen tidak dapat disusun".into(),
            )
        }
    }
}

// ---- The HTML form ----

/// Form options besides the fields (`_kertas`, `_huruf`) and the button pressed (`_aksi`).
const OPSI_FORM: [&str; 2] = ["kertas", "huruf"];

/// The JSON data of a submitted form, the print options, and the action asked for. Field names
/// are resolved against the schema first: an unknown name, a path deeper than the schema or a
/// row beyond a group's `maks` is refused before anything is allocated for it.
fn dari_form(
    j: &JenisDokumen,
    pasangan: Vec<(String, String)>,
) -> Result<(Value, Map<String, Value>, String), String> {
    let mut data = Value::Object(Map::new());
    let mut lain = Map::new();
    let mut aksi = "buat".to_string();
    for (nama, nilai) in pasangan {
        if let Some(opsi) = nama.strip_prefix('_') {
            if opsi == "aksi" {
                aksi = nilai;
            } else if OPSI_FORM.contains(&opsi) {
                lain.insert(opsi.to_string(), json!(nilai));
            }
            continue;
        }
        let jalur = formulir::urai_jalur(&j.formulir, &nama, false)?;
        // Lists of text come from one textarea, one item per line.
        let v = if jalur.kolom.jenis == JenisKolom::Daftar {
            Value::Array(
                nilai
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .take(formulir::batas_butir(jalur.kolom) + 1)
                    .map(|s| json!(s))
                    .collect(),
            )
        } else {
            json!(nilai)
        };
        formulir::pasang(&mut data, &jalur, v);
    }
    Ok((data, lain, aksi))
}

fn nilai_di<'a>(data: &'a Value, nama: &str) -> Option<&'a Value> {
    data.get(nama)
}

fn teks_nilai(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| x.to_string())
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Some(v) => v.to_string(),
    }
}

fn id_html(jalur: &str) -> String {
    jalur
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn kolom_html(
    out: &mut String,
    kolom: &[Kolom],
    data: &Value,
    awalan: &str,
    galat: &HashMap<String, Vec<String>>,
    boleh_ulang: bool,
) {
    for k in kolom {
        let jalur = if awalan.is_empty() {
            k.nama.clone()
        } else {
            format!("{awalan}.{}", k.nama)
        };
        let v = nilai_di(data, &k.nama);
        let pesan = |out: &mut String, j: &str| {
            for p in galat.get(j).into_iter().flatten() {
                out.push_str(&format!(
                    "<div class=\"galat-isian\" role=\"alert\">{}</div>",
                    esc(p)
                ));
            }
        };
        if k.jenis == JenisKolom::Grup && k.ulang && boleh_ulang {
            out.push_str(&format!(
                "<fieldset class=\"grup\"><legend>{}</legend>",
                esc(&k.label)
            ));
            if let Some(b) = &k.bantuan {
                out.push_str(&format!("<p class=\"bantuan\">{}</p>", esc(b)));
            }
            pesan(out, &jalur);
            let baris: Vec<Value> = v.and_then(Value::as_array).cloned().unwrap_or_default();
            for (i, b) in baris.iter().enumerate() {
                out.push_str(&format!(
                    "<fieldset class=\"baris\"><legend>{} ke-{}</legend>",
                    esc(&k.label),
                    i + 1
                ));
                kolom_html(out, &k.kolom, b, &format!("{jalur}[{i}]"), galat, false);
                out.push_str(&format!(
                    "<button type=\"submit\" name=\"_aksi\" value=\"hapus:{}:{i}\" class=\"kedua\" formnovalidate>Hapus {} ke-{}</button></fieldset>",
                    esc(&jalur),
                    esc(&k.label.to_lowercase()),
                    i + 1
                ));
            }
            out.push_str(&format!(
                "<button type=\"submit\" name=\"_aksi\" value=\"tambah:{}\" class=\"kedua\" formnovalidate>+ Tambah {}</button></fieldset>",
                esc(&jalur),
                esc(&k.label.to_lowercase())
            ));
            continue;
        }
        if k.jenis == JenisKolom::Grup {
            out.push_str(&format!(
                "<fieldset class=\"grup\"><legend>{}</legend>",
                esc(&k.label)
            ));
            pesan(out, &jalur);
            kolom_html(
                out,
                &k.kolom,
                v.unwrap_or(&Value::Null),
                &jalur,
                galat,
                false,
            );
            out.push_str("</fieldset>");
            continue;
        }
        let id = id_html(&jalur);
        let bintang = if k.wajib {
            " <span class=\"wajib\" title=\"wajib\">*</span>"
        } else {
            ""
        };
        out.push_str("<div class=\"kolom\">");
        let teks = teks_nilai(v);
        let wajib = if k.wajib { " required" } else { "" };
        let maks = k
            .maks
            .filter(|_| matches!(k.jenis, JenisKolom::Teks | JenisKolom::Paragraf))
            .map(|m| format!(" maxlength=\"{m}\""))
            .unwrap_or_default();
        match k.jenis {
            JenisKolom::YaTidak => {
                let cek = if v.and_then(Value::as_bool).unwrap_or(false)
                    || teks == "ya"
                    || teks == "on"
                {
                    " checked"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "<label><input type=\"checkbox\" id=\"{id}\" name=\"{}\" value=\"ya\"{cek}> {}</label>",
                    esc(&jalur),
                    esc(&k.label)
                ));
            }
            _ => {
                out.push_str(&format!(
                    "<label for=\"{id}\">{}{bintang}</label>",
                    esc(&k.label)
                ));
                match k.jenis {
                    JenisKolom::Paragraf | JenisKolom::Daftar => out.push_str(&format!(
                        "<textarea id=\"{id}\" name=\"{}\" rows=\"{}\"{wajib}{maks}>{}</textarea>",
                        esc(&jalur),
                        if k.jenis == JenisKolom::Daftar { 4 } else { 3 },
                        esc(&teks)
                    )),
                    JenisKolom::Pilihan => {
                        out.push_str(&format!(
                            "<select id=\"{id}\" name=\"{}\"{wajib}>",
                            esc(&jalur)
                        ));
                        if !k.wajib {
                            out.push_str("<option value=\"\">—</option>");
                        }
                        for p in &k.pilihan {
                            let sel = if *p == teks { " selected" } else { "" };
                            out.push_str(&format!("<option{sel}>{}</option>", esc(p)));
                        }
                        out.push_str("</select>");
                    }
                    JenisKolom::Gambar => {
                        if !teks.is_empty() {
                            out.push_str(&format!(
                                "<input type=\"hidden\" name=\"{}\" value=\"{}\"><small class=\"bantuan\">Gambar sudah terlampir; pilih berkas lain untuk menggantinya.</small>",
                                esc(&jalur),
                                esc(&teks)
                            ));
                        }
                        out.push_str(&format!(
                            "<input type=\"file\" id=\"{id}\" name=\"{}\" accept=\"image/png,image/jpeg\">",
                            esc(&jalur)
                        ));
                    }
                    jenis => {
                        let tipe = match jenis {
                            JenisKolom::Tanggal => "date",
                            JenisKolom::Angka | JenisKolom::Rupiah => "text\" inputmode=\"numeric",
                            _ => "text",
                        };
                        out.push_str(&format!(
                            "<input type=\"{tipe}\" id=\"{id}\" name=\"{}\" value=\"{}\"{wajib}{maks}>",
                            esc(&jalur),
                            esc(&teks)
                        ));
                    }
                }
            }
        }
        let mut bantuan = k.bantuan.clone().unwrap_or_default();
        if k.jenis == JenisKolom::Daftar {
            bantuan = format!("{bantuan} Satu butir per baris.")
                .trim()
                .to_string();
        }
        if k.jenis == JenisKolom::Gambar {
            bantuan = format!("{bantuan} PNG atau JPEG, paling besar 1 MB.")
                .trim()
                .to_string();
        }
        if !bantuan.is_empty() {
            out.push_str(&format!(
                "<small class=\"bantuan\">{}</small>",
                esc(&bantuan)
            ));
        }
        pesan(out, &jalur);
        out.push_str("</div>");
    }
}

fn tampilkan_form(
    k: &Keadaan,
    j: &JenisDokumen,
    data: &Value,
    lain: &Map<String, Value>,
    galat: &[GalatIsian],
    status: StatusCode,
) -> Response {
    let mut peta: HashMap<String, Vec<String>> = HashMap::new();
    for g in galat {
        peta.entry(g.jalur.clone())
            .or_default()
            .push(g.pesan.clone());
    }
    let mut html = String::new();
    kolom_html(&mut html, &j.formulir, data, "", &peta, true);
    let pilih = |nama: &str| {
        lain.get(nama)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    render(
        k,
        status,
        "dokumen-formulir.html",
        json!({
            "id": j.id, "judul": j.judul, "tahap": label_tahap(&j.tahap), "kolom_html": html,
            "galat": galat, "kertas": pilih("kertas"), "huruf": pilih("huruf"),
        }),
    )
}

/// Empty rows so each repeatable group starts with as many as it needs.
fn baris_awal(kolom: &[Kolom]) -> Value {
    let mut m = Map::new();
    for k in kolom {
        if k.jenis == JenisKolom::Grup && k.ulang {
            let n = k.min.unwrap_or(1.0).max(1.0) as usize;
            m.insert(
                k.nama.clone(),
                Value::Array(vec![Value::Object(Map::new()); n]),
            );
        }
    }
    Value::Object(m)
}

pub async fn formulir(
    State(k): S,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let m = k.muatan();
    let Some(j) = m.mesin.jenis(&id) else {
        return tidak_ditemukan(&k, &format!("Jenis dokumen `{id}`"));
    };
    let data = if q.contains_key("contoh") {
        j.contoh()
    } else {
        baris_awal(&j.formulir)
    };
    tampilkan_form(&k, j, &data, &Map::new(), &[], StatusCode::OK)
}

/// The name–value pairs of a submitted form, urlencoded or multipart (with an image upload,
/// which becomes a data URL like the API takes). Errors carry the status to answer with.
async fn pasangan_form(
    k: &Arc<Keadaan>,
    req: axum::extract::Request,
) -> Result<Vec<(String, String)>, (StatusCode, String)> {
    use axum::extract::FromRequest;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("multipart/form-data"));
    let terlalu_besar = || {
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "Isian terlalu besar (lebih dari {} MB).",
                super::BATAS_BODY / (1024 * 1024)
            ),
        )
    };
    if !multipart {
        let body = Bytes::from_request(req, k).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                terlalu_besar()
            } else {
                (StatusCode::BAD_REQUEST, e.body_text())
            }
        })?;
        return Ok(form_urlencoded::parse(&body).into_owned().collect());
    }
    let salah = |status: StatusCode, teks: String| {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            terlalu_besar()
        } else {
            (StatusCode::BAD_REQUEST, teks)
        }
    };
    let mut m = axum::extract::Multipart::from_request(req, k)
        .await
        .map_err(|e| salah(e.status(), e.body_text()))?;
    let mut pasangan = Vec::new();
    while let Some(field) = m
        .next_field()
        .await
        .map_err(|e| salah(e.status(), e.body_text()))?
    {
        let nama = field.name().unwrap_or("").to_string();
        if field.file_name().is_some() {
            let isi = field
                .bytes()
                .await
                .map_err(|e| salah(e.status(), e.body_text()))?;
            if isi.is_empty() {
                continue;
            }
            // The type a browser claims for a file is often wrong; the bytes say what it is.
            let jenis = if isi.starts_with(b"\x89PNG") {
                "image/png"
            } else if isi.starts_with(&[0xff, 0xd8, 0xff]) {
                "image/jpeg"
            } else {
                "application/octet-stream"
            };
            use base64::Engine;
            let b64 = base64::engine::general_purpose::STANDARD.encode(&isi);
            pasangan.push((nama, format!("data:{jenis};base64,{b64}")));
        } else {
            pasangan.push((
                nama,
                field
                    .text()
                    .await
                    .map_err(|e| salah(e.status(), e.body_text()))?,
            ));
        }
    }
    Ok(pasangan)
}

pub async fn kirim(State(k): S, Path(id): Path<String>, req: axum::extract::Request) -> Response {
    let m = k.muatan();
    let Some(j) = m.mesin.jenis(&id) else {
        return tidak_ditemukan(&k, &format!("Jenis dokumen `{id}`"));
    };
    let tidak_terbaca = |e: &str| galat(&k, StatusCode::BAD_REQUEST, "Formulir tidak terbaca", e);
    let pasangan = match pasangan_form(&k, req).await {
        Ok(p) => p,
        Err((status, e)) => return galat(&k, status, "Formulir tidak terbaca", &e),
    };
    let (mut data, lain, aksi) = match dari_form(j, pasangan) {
        Ok(x) => x,
        Err(e) => return tidak_terbaca(&e),
    };
    if let Some(sisa) = aksi.strip_prefix("tambah:") {
        let Ok(jalur) = formulir::urai_jalur(&j.formulir, sisa, true) else {
            return tidak_terbaca("tombol tambah menunjuk kolom yang tidak dikenal");
        };
        if jalur.kolom.jenis != JenisKolom::Grup || !jalur.kolom.ulang {
            return tidak_terbaca("tombol tambah menunjuk kolom yang tidak dikenal");
        }
        let maks = formulir::batas_butir(jalur.kolom);
        match formulir::ambil(&mut data, &jalur) {
            Some(Value::Array(a)) if a.len() < maks => a.push(Value::Object(Map::new())),
            Some(Value::Array(_)) => {}
            _ => formulir::pasang(&mut data, &jalur, json!([{}])),
        }
        return tampilkan_form(&k, j, &data, &lain, &[], StatusCode::OK);
    }
    if let Some(sisa) = aksi.strip_prefix("hapus:") {
        if let Some((nama, i)) = sisa.rsplit_once(':')
            && let Ok(i) = i.parse::<usize>()
            && let Ok(jalur) = formulir::urai_jalur(&j.formulir, nama, true)
            && let Some(Value::Array(a)) = formulir::ambil(&mut data, &jalur)
            && i < a.len()
        {
            a.remove(i);
        }
        return tampilkan_form(&k, j, &data, &lain, &[], StatusCode::OK);
    }
    let opsi = match opsi_dari(
        lain.get("kertas").and_then(Value::as_str),
        lain.get("huruf").and_then(Value::as_str),
    ) {
        Ok(o) => o,
        Err(p) => return galat(&k, StatusCode::BAD_REQUEST, "Permintaan tidak valid", &p),
    };
    let data_tampil = data.clone();
    match susun(&k, &id, move || Ok(data), opsi).await {
        None => sibuk(),
        Some(Ok(b)) => pdf(&id, b),
        Some(Err(DokumenError::Isian(g))) => tampilkan_form(
            &k,
            j,
            &data_tampil,
            &lain,
            &g,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Some(Err(e)) => {
            tracing::error!("dokumen {id}: {e}");
            galat(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Dokumen tidak dapat disusun",
                "Terjadi kesalahan saat menyusun PDF. Isian Anda tidak hilang: kembali dan coba lagi.",
            )
        }
    }
}
