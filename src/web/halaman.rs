//! What every page shares: rendering a tera template with the site-wide context, the error
//! and not-found pages; and the home page.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde_json::{Value, json};

use super::Keadaan;
use super::api::Kesehatan;
use super::koleksi::uraian_koleksi;
use crate::konten::{Koleksi, TAHAP, URAIAN_TAHAP};
use crate::opsi::Jenis;

type S = State<Arc<Keadaan>>;

pub(super) fn render(k: &Keadaan, status: StatusCode, nama: &str, mut ctx: Value) -> Response {
    if let Some(m) = ctx.as_object_mut() {
        m.entry("q").or_insert(json!(""));
        m.entry("jenis").or_insert(json!(""));
        m.insert(
            "pilihan_jenis".into(),
            json!(
                Jenis::SEMUA
                    .iter()
                    .map(|j| json!({"slug": j.slug(), "label": j.label()}))
                    .collect::<Vec<_>>()
            ),
        );
        m.insert("aset_gaya".into(), json!(super::statis::versi_gaya()));
    }
    let hasil = tera::Context::from_serialize(&ctx).and_then(|c| k.tera.render(nama, &c));
    match hasil {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!("templat {nama}: {e:?}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html("<h1>Terjadi kesalahan</h1><p>Halaman tidak dapat ditampilkan.</p>"),
            )
                .into_response()
        }
    }
}

pub(super) fn galat(k: &Keadaan, status: StatusCode, judul: &str, pesan: &str) -> Response {
    render(
        k,
        status,
        "galat.html",
        json!({"judul": judul, "pesan": pesan}),
    )
}

pub(super) fn tidak_ditemukan(k: &Keadaan, apa: &str) -> Response {
    galat(
        k,
        StatusCode::NOT_FOUND,
        "Halaman tidak ditemukan",
        &format!("{apa} tidak ada. Periksa alamatnya, atau cari dengan kata kunci."),
    )
}

pub async fn tidak_ada(State(k): S) -> Response {
    tidak_ditemukan(&k, "Halaman yang Anda minta")
}

/// Liveness, with what is loaded.
#[utoipa::path(
    get,
    path = "/healthz",
    responses((status = 200, description = "Layanan hidup", body = Kesehatan))
)]
pub async fn healthz(State(k): S) -> Json<Kesehatan> {
    let m = k.muatan();
    Json(Kesehatan {
        status: "ok".into(),
        entri: m.konten.semua().len(),
        dokumen_indeks: m.indeks.meta().dokumen,
        peraturan: m.indeks.meta().peraturan,
    })
}

pub async fn beranda(State(k): S) -> Response {
    let m = k.muatan();
    let tahap: Vec<Value> = TAHAP
        .iter()
        .zip(URAIAN_TAHAP)
        .map(|((slug, label), uraian)| json!({"slug": slug, "label": label, "uraian": uraian}))
        .collect();
    let koleksi: Vec<Value> = Koleksi::SEMUA
        .iter()
        .map(|kol| {
            json!({"slug": kol.slug(), "label": kol.label(), "uraian": uraian_koleksi(*kol),
                   "jumlah": m.konten.koleksi(*kol).count()})
        })
        .collect();
    render(
        &k,
        StatusCode::OK,
        "beranda.html",
        json!({"tahap": tahap, "koleksi": koleksi, "jumlah_peraturan": m.indeks.meta().peraturan}),
    )
}
