//! Document pages and API: the list of document types, the form of each (see `formulir`), and
//! PDFs.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::Keadaan;
use super::api::{self, GalatIsianJson, JenisDokumenJson};
use super::cetak::{opsi_dari, opsi_kiriman};
use super::formulir::{self as form, Kiriman};
use super::halaman::{galat, render, tidak_ditemukan};
use super::unduhan::format_diminta;
use super::unduhan::susun;
pub(super) use super::unduhan::{berkas, berkas_zip, pdf, sibuk};
use crate::dokumen::{DokumenError, Format, GalatIsian, JenisDokumen};
use crate::konten::label_tahap;

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
                .filter_map(|id| m.konten.entri(id))
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

/// The document types, each with its form and a complete example.
#[utoipa::path(
    get,
    path = "/api/dokumen",
    responses((status = 200, description = "Jenis dokumen", body = Vec<JenisDokumenJson>))
)]
pub async fn api_daftar(State(k): S) -> Json<Vec<JenisDokumenJson>> {
    let m = k.muatan();
    Json(
        m.mesin
            .daftar()
            .map(|j| JenisDokumenJson {
                id: j.id.clone(),
                judul: j.judul.clone(),
                tahap: j.tahap.clone(),
                dasar_hukum: j.dasar_hukum.clone(),
                versi: j.versi.clone(),
                formulir: j.formulir.clone(),
                contoh: j.contoh(),
                skema: j.skema_json(),
            })
            .collect(),
    )
}

/// The print options of the document API.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ParameterDokumen {
    /// Ukuran kertas.
    #[param(inline, value_type = Option<String>, pattern = "^(a4|f4|A4|F4|folio)$")]
    kertas: Option<String>,
    /// Huruf.
    #[param(inline, value_type = Option<String>, pattern = "^(bookman|times|arial)$")]
    huruf: Option<String>,
    /// `pdf` (bawaan; naskah rujukan) atau `docx` (salinan yang dapat disunting, dengan kata
    /// dan susunan yang sama). Dapat juga diminta dengan header `Accept`.
    #[param(inline, value_type = Option<String>, pattern = "^(pdf|docx|PDF|DOCX)$")]
    format: Option<String>,
    /// Margin dalam milimeter: atas,bawah,kiri,kanan, masing-masing 10–60 (mis. 30,30,40,30);
    /// tanpa parameter ini, margin baku jenis dokumennya.
    #[param(inline, value_type = Option<String>, pattern = "^[0-9]{2},[0-9]{2},[0-9]{2},[0-9]{2}$")]
    margin: Option<String>,
}

/// Fill a document type's form and get its PDF (or DOCX).
#[utoipa::path(
    post,
    path = "/api/dokumen/{jenis}",
    params(
        ("jenis" = String, Path, description = "Id jenis dokumen (lihat `GET /api/dokumen`)"),
        ParameterDokumen,
    ),
    request_body(
        description = "Isian formulir sebagai JSON, atau YAML dengan `Content-Type: application/yaml`",
        content(
            (Object = "application/json"),
            (String = "application/yaml"),
        ),
    ),
    responses(
        (status = 200, description = "PDF, atau DOCX dengan `format=docx`",
            content(
                (Vec<u8> = "application/pdf"),
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            )),
        (status = 400, description = "Isi atau parameter tidak dapat dibaca", body = api::Galat),
        (status = 403, description = "Dikirim dari situs lain", body = api::Galat),
        (status = 404, description = "Jenis dokumen tidak dikenal", body = api::Galat),
        (status = 413, description = "Isi lebih dari 2 MB", body = api::Galat),
        (status = 415, description = "Jenis isi bukan JSON atau YAML", body = api::Galat),
        (status = 422, description = "Isian tidak sesuai formulir", body = GalatIsianJson),
        (status = 500, description = "Dokumen tidak dapat disusun", body = api::Galat),
        (status = 503, description = "Server sibuk; coba lagi (lihat Retry-After)", body = api::Galat),
    )
)]
pub async fn api_buat(
    State(k): S,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Response {
    if k.muatan().mesin.jenis(&id).is_none() {
        return api::galat(
            StatusCode::NOT_FOUND,
            format!("jenis dokumen `{id}` tidak dikenal"),
        );
    }
    let opsi = match opsi_dari(
        q.get("kertas").map(String::as_str),
        q.get("huruf").map(String::as_str),
        q.get("margin").map(String::as_str),
    ) {
        Ok(o) => o,
        Err(p) => return api::galat(StatusCode::BAD_REQUEST, p.to_string()),
    };
    let format = match format_diminta(q.get("format").map(String::as_str), &headers) {
        Ok(f) => f,
        Err(p) => return api::galat(StatusCode::BAD_REQUEST, p),
    };
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return api::galat(
                StatusCode::PAYLOAD_TOO_LARGE,
                super::pesan_terlalu_besar_api(),
            );
        }
        Err(e) => return api::galat(StatusCode::BAD_REQUEST, e.body_text()),
    };
    let jenis_isi = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
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
            return api::galat(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "kirim isian sebagai application/json atau application/yaml",
            );
        }
    };
    let baca = move || -> Result<Value, DokumenError> {
        let teks = std::str::from_utf8(&body)
            .map_err(|_| DokumenError::Permintaan("isi permintaan harus teks UTF-8".into()))?;
        if yaml {
            crate::yaml::baca(teks).map_err(|e| DokumenError::Permintaan(e.to_string()))
        } else {
            crate::json::baca(teks.as_bytes()).map_err(|e| DokumenError::Permintaan(e.to_string()))
        }
    };
    match susun(&k, &id, baca, opsi, format).await {
        None => sibuk(),
        Some(Ok(b)) => berkas(&id, format, b),
        Some(Err(DokumenError::Permintaan(p))) => api::galat(StatusCode::BAD_REQUEST, p),
        Some(Err(DokumenError::Isian(g))) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(GalatIsianJson {
                galat: format!("{} masalah pada isian", g.len()),
                isian: g,
            }),
        )
            .into_response(),
        Some(Err(e)) => {
            tracing::error!("dokumen {id}: {e}");
            api::galat(
                StatusCode::INTERNAL_SERVER_ERROR,
                "dokumen tidak dapat disusun",
            )
        }
    }
}

/// What a signed-in form shows besides the fields.
#[derive(Default)]
pub(super) struct Konteks<'a> {
    /// A message at the top ("Draf disimpan, versi 3").
    pub pesan: &'a str,
    /// A problem with the village choice.
    pub galat_desa: &'a str,
    /// A problem with the margins asked for.
    pub galat_margin: &'a str,
}

/// The form page: `data` in the fields, `galat` beside them and summed up at the top; for a
/// signed-in user also the village, the draft and the buttons that keep and issue it.
pub(super) fn tampilkan_form(
    k: &Keadaan,
    j: &JenisDokumen,
    kiriman: &Kiriman,
    galat_isian: &[GalatIsian],
    status: StatusCode,
) -> Response {
    tampilkan_form_dengan(k, j, kiriman, galat_isian, status, &Konteks::default())
}

pub(super) fn tampilkan_form_dengan(
    k: &Keadaan,
    j: &JenisDokumen,
    kiriman: &Kiriman,
    galat_isian: &[GalatIsian],
    status: StatusCode,
    konteks: &Konteks,
) -> Response {
    let mut peta: HashMap<String, Vec<String>> = HashMap::new();
    for g in galat_isian {
        peta.entry(g.jalur.clone())
            .or_default()
            .push(g.pesan.clone());
    }
    let mut label = HashMap::new();
    let kolom = form::tampil(&j.formulir, &kiriman.data, "", "", &peta, &mut label);
    let pilih = |nama: &str| {
        kiriman
            .opsi
            .get(nama)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    // The village a signed-in user works for: an operator's own, an admin's choice among the
    // kabupaten's villages (offered as a list the browser filters as one types).
    let saya = super::sesi::saya();
    // The kabupaten's villages are offered wherever a village code is typed (the browser
    // filters the list as one types; no script needed).
    let pilihan = |kab: &str| -> Vec<Value> {
        crate::wilayah::cari_desa(kab, None, 1000)
            .into_iter()
            .filter(|d| d.kode_kabupaten == kab)
            .map(|d| json!({"kode": d.kode, "label": format!("{} — Kec. {}", d.nama, d.kecamatan)}))
            .collect()
    };
    let (desa, pilihan_desa, pilih_desa) = match saya.as_ref().map(|m| m.pengguna()) {
        Some(p) if p.peran == crate::akun::Peran::Operator => (
            p.kode_wilayah.clone(),
            pilihan(p.kode_wilayah.get(..5).unwrap_or("")),
            false,
        ),
        Some(p) => (pilih("desa"), pilihan(&p.kode_wilayah), true),
        None => (String::new(), Vec::new(), false),
    };
    let nama_desa = crate::wilayah::desa(&desa).map(|d| d.nama);
    render(
        k,
        status,
        "dokumen-formulir.html",
        json!({
            "id": j.id, "judul": j.judul, "tahap": label_tahap(&j.tahap), "kolom": kolom,
            "galat": form::ringkasan(galat_isian, &label),
            "kertas": pilih("kertas"), "huruf": pilih("huruf"), "margin": pilih("margin"),
            "desa": desa, "nama_desa": nama_desa, "pilihan_desa": pilihan_desa,
            "pilih_desa": pilih_desa,
            "draf": pilih("draf"), "menggantikan": pilih("menggantikan"),
            "bernomor": j.penomoran.is_some(),
            "pesan": konteks.pesan, "galat_desa": konteks.galat_desa,
            "galat_margin": konteks.galat_margin,
        }),
    )
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
    let mut data = if q.contains_key("contoh") {
        j.contoh()
    } else {
        form::baris_awal(&j.formulir)
    };
    let mut opsi = Map::new();
    // Signed in: start from the village's profile.
    if let Some(saya) = super::sesi::saya() {
        let p = saya.pengguna();
        let kode = match p.peran {
            crate::akun::Peran::Operator => Some(p.kode_wilayah.clone()),
            crate::akun::Peran::Admin => q.get("desa").cloned(),
        };
        if let Some(kode) = kode.filter(|kd| crate::akun::izin::boleh_desa(p, kd)) {
            if let Ok(pd) = crate::desa::baca(&k.gudang, &kode).await {
                crate::desa::isi_formulir(&j.formulir, &mut data, std::slice::from_ref(&pd));
            }
            opsi.insert("desa".into(), json!(kode));
        }
        if let Some(ganti) = q.get("menggantikan") {
            opsi.insert("menggantikan".into(), json!(ganti));
        }
    }
    let kiriman = Kiriman {
        data,
        opsi,
        aksi: String::new(),
    };
    tampilkan_form(&k, j, &kiriman, &[], StatusCode::OK)
}

pub async fn kirim(State(k): S, Path(id): Path<String>, req: axum::extract::Request) -> Response {
    let m = k.muatan();
    let Some(j) = m.mesin.jenis(&id) else {
        return tidak_ditemukan(&k, &format!("Jenis dokumen `{id}`"));
    };
    let tidak_terbaca =
        |status: StatusCode, e: &str| galat(&k, status, "Formulir tidak terbaca", e);
    let terbaca = match form::pasangan_form(&k, req).await {
        Ok(p) => p,
        Err((status, e)) => return tidak_terbaca(status, &e),
    };
    // Uploads refused while reading (a photo past the limits) are shown beside their field,
    // with everything else kept, whatever button was pressed.
    let ditolak = terbaca.ditolak;
    if let Some(g) = ditolak
        .iter()
        .find(|g| crate::dokumen::jalur::urai_jalur(&j.formulir, &g.jalur, false).is_err())
    {
        return tidak_terbaca(
            StatusCode::BAD_REQUEST,
            &format!("kolom `{}` tidak dikenal", g.jalur),
        );
    }
    let mut kiriman = match form::dari_form(j, terbaca.pasangan) {
        Ok(x) => x,
        Err(e) => return tidak_terbaca(StatusCode::BAD_REQUEST, &e),
    };
    // Signed in: the submission is kept as a new version of its draft before anything else.
    let mut pesan = String::new();
    if let Some(saya) = super::sesi::saya() {
        match super::draf::simpan_kiriman(&k, &saya, j, &mut kiriman).await {
            Ok(versi) => pesan = format!("Draf tersimpan (versi {versi})."),
            Err(super::draf::TidakTersimpan::Tanggapan(r)) => return r,
            Err(super::draf::TidakTersimpan::Desa(p)) => {
                return tampilkan_form_dengan(
                    &k,
                    j,
                    &kiriman,
                    &ditolak,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &Konteks {
                        galat_desa: &p,
                        ..Default::default()
                    },
                );
            }
        }
    }
    // The form again, with the refused uploads' messages and any others (one per field).
    let dengan_pesan = |kiriman: &Kiriman, lain: &[GalatIsian], pesan: &str| {
        let mut semua = ditolak.clone();
        semua.extend(
            lain.iter()
                .filter(|g| !ditolak.iter().any(|d| d.jalur == g.jalur))
                .cloned(),
        );
        let status = if semua.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        tampilkan_form_dengan(
            &k,
            j,
            kiriman,
            &semua,
            status,
            &Konteks {
                pesan,
                ..Default::default()
            },
        )
    };
    match form::ubah_baris(j, &mut kiriman) {
        Ok(Some(_)) => return dengan_pesan(&kiriman, &[], &pesan),
        Ok(None) => {}
        Err(e) => return tidak_terbaca(StatusCode::BAD_REQUEST, &e),
    }
    match kiriman.aksi.as_str() {
        "simpan" => return dengan_pesan(&kiriman, &[], &pesan),
        "isi" => {
            super::draf::isi_dari_profil(&k, j, &mut kiriman).await;
            return dengan_pesan(
                &kiriman,
                &[],
                "Kolom yang kosong diisi dari profil desa; periksa lalu simpan.",
            );
        }
        _ => {}
    }
    if !ditolak.is_empty() {
        // Whatever else is wrong is said at the same time.
        let lain = match m.mesin.siapkan(&id, &kiriman.data) {
            Err(DokumenError::Isian(g)) => g,
            _ => Vec::new(),
        };
        return dengan_pesan(&kiriman, &lain, &pesan);
    }
    let format = if kiriman.aksi == "docx" {
        Format::Docx
    } else {
        Format::Pdf
    };
    // Print options are checked before printing or issuing: a wrong margin is shown beside
    // its field with the input kept, as a field's problem is.
    let opsi = match opsi_kiriman(&kiriman) {
        Ok(o) => o,
        Err(e) if e.nama == "margin" => {
            return tampilkan_form_dengan(
                &k,
                j,
                &kiriman,
                &[],
                StatusCode::UNPROCESSABLE_ENTITY,
                &Konteks {
                    pesan: &pesan,
                    galat_margin: &e.pesan,
                    ..Default::default()
                },
            );
        }
        Err(e) => {
            return galat(
                &k,
                StatusCode::BAD_REQUEST,
                "Permintaan tidak valid",
                &e.to_string(),
            );
        }
    };
    if kiriman.aksi == "terbitkan" {
        return super::terbit::terbitkan_kiriman(&k, j, &kiriman, opsi).await;
    }
    let data = kiriman.data.clone();
    match susun(&k, &id, move || Ok(data), opsi, format).await {
        None => sibuk(),
        Some(Ok(b)) => berkas(&id, format, b),
        Some(Err(DokumenError::Isian(g))) => dengan_pesan(&kiriman, &g, &pesan),
        Some(Err(e)) => {
            tracing::error!("dokumen {id}: {e}");
            galat(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Dokumen tidak dapat disusun",
                "Terjadi kesalahan saat menyusun dokumen. Isian Anda tidak hilang: kembali dan coba lagi.",
            )
        }
    }
}
