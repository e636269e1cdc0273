//! The full texts of national regulations: the list and one page per regulation, one anchor per
//! article.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::Keadaan;
use super::halaman::{galat, render, tidak_ditemukan};
use super::koleksi::tautan;
use crate::konten::{Data, Koleksi};
use crate::opsi::Jenis;

type S = State<Arc<Keadaan>>;

pub async fn daftar_peraturan(State(k): S) -> Response {
    let m = k.muatan();
    render(
        &k,
        StatusCode::OK,
        "peraturan-daftar.html",
        json!({"jumlah": m.indeks.meta().peraturan, "dilewati": m.indeks.meta().dilewati, "jenis": Jenis::Peraturan.slug()}),
    )
}

pub async fn peraturan(State(k): S, Path(id): Path<String>) -> Response {
    let m = k.muatan();
    let mm = m.clone();
    let idc = id.clone();
    let bagian = tokio::task::spawn_blocking(move || mm.indeks.peraturan(&idc)).await;
    let bagian = match bagian {
        Ok(Ok(b)) if !b.is_empty() => b,
        Ok(Ok(_)) => return tidak_ditemukan(&k, &format!("Peraturan `{id}`")),
        _ => {
            return galat(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Naskah tidak dapat dibaca",
                "Terjadi kesalahan saat membaca indeks. Coba lagi.",
            );
        }
    };
    let judul = bagian[0].judul.clone();
    let kurasi = m
        .konten
        .koleksi(Koleksi::Regulasi)
        .find(|e| matches!(&e.data, Data::Regulasi(r) if r.id_korpus().as_deref() == Some(id.as_str())))
        .map(tautan);
    let tampil: Vec<Value> = bagian
        .iter()
        .enumerate()
        .map(|(i, b)| {
            json!({"anchor": if i == 0 { "pembukaan" } else { b.anchor() },
                   "judul": if i == 0 { "Pembukaan".to_string() } else { b.judul.clone() },
                   "konteks": b.konteks, "teks": b.teks})
        })
        .collect();
    let daftar: Vec<Value> = tampil.iter().skip(1).cloned().collect();
    render(
        &k,
        StatusCode::OK,
        "peraturan.html",
        json!({"judul": judul, "bagian": tampil, "daftar_pasal": daftar, "kurasi": kurasi}),
    )
}
