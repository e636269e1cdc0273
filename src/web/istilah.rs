//! The glossary page.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::Keadaan;
use super::halaman::render;

type S = State<Arc<Keadaan>>;

pub async fn istilah(State(k): S) -> Response {
    let m = k.muatan();
    let mut daftar: Vec<Value> = m
        .konten
        .istilah
        .iter()
        .map(|i| {
            json!({"istilah": i.istilah, "kepanjangan": i.kepanjangan, "definisi": i.definisi,
                   "sumber": i.sumber, "anchor": i.anchor()})
        })
        .collect();
    daftar.sort_by_key(|v| v["istilah"].as_str().unwrap_or("").to_lowercase());
    render(
        &k,
        StatusCode::OK,
        "istilah.html",
        json!({"istilah": daftar}),
    )
}
