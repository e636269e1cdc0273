//! Search: the results page (snippets, facets, pages) and its JSON API.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use utoipa::IntoParams;

use super::api::{self, HasilCari, HitCari};
use super::halaman::{galat, render};
use super::{Keadaan, parameter};
use crate::konten::Bidang;
use crate::opsi::Jenis;
use crate::search::query::{Hasil, Permintaan};

type S = State<Arc<Keadaan>>;

/// Runs a search on the search threads. Handing each search to a thread pool kept warm cost
/// less than `block_in_place`, which moved the async worker to a new thread every time.
async fn jalankan_cari(k: &Keadaan, p: Permintaan) -> Result<Hasil, String> {
    let m = k.muatan();
    let (kirim, terima) = tokio::sync::oneshot::channel();
    k.kolam_cari.spawn(move || {
        let _ = kirim.send(m.indeks.cari(&p));
    });
    match terima.await {
        Ok(hasil) => hasil.map_err(|e| e.to_string()),
        Err(_) => Err("pencarian terhenti".to_string()),
    }
}

/// The query parameters of `/api/cari` (and `/cari`), as the API documents them.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ParameterCari {
    /// Kata kunci; tanda kutip untuk frasa utuh. Paling banyak 500 karakter.
    #[param(max_length = 500)]
    q: Option<String>,
    /// Batasi pada satu jenis.
    #[param(inline, value_type = Option<String>,
            pattern = "^(regulasi|studi-kasus|templat|materi|peraturan)$")]
    jenis: Option<String>,
    /// Bidang kerja sama: slug (`lingkungan-hidup`) atau label.
    bidang: Option<String>,
    #[param(minimum = 1900, maximum = 2100)]
    tahun: Option<u16>,
    /// Jumlah hasil per halaman.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u16>,
    /// Hasil pertama yang ditampilkan (dihitung dari 0).
    #[param(minimum = 0, maximum = 10000)]
    offset: Option<u16>,
    /// Halaman (menggantikan `offset`).
    #[param(minimum = 1, maximum = 1000)]
    halaman: Option<u16>,
}

/// Search the knowledge base (and the full texts, when indexed).
#[utoipa::path(
    get,
    path = "/api/cari",
    params(ParameterCari),
    responses(
        (status = 200, description = "Hasil pencarian", body = HasilCari),
        (status = 400, description = "Parameter tidak valid", body = api::Galat),
        (status = 500, description = "Pencarian gagal", body = api::Galat),
    )
)]
pub async fn api_cari(State(k): S, Query(params): Query<HashMap<String, String>>) -> Response {
    let (p, _) = match parameter::permintaan(&params) {
        Ok(p) => p,
        Err(pesan) => return api::galat(StatusCode::BAD_REQUEST, pesan),
    };
    match jalankan_cari(&k, p).await {
        Ok(h) => Json(HasilCari::from(&h)).into_response(),
        Err(e) => {
            tracing::error!("pencarian gagal: {e}");
            api::galat(
                StatusCode::INTERNAL_SERVER_ERROR,
                "pencarian gagal; coba lagi",
            )
        }
    }
}

/// `/cari?…` with some parameters changed (and the page reset unless given).
fn url_cari(p: &Permintaan, ubah: &[(&str, Option<&str>)], halaman: Option<usize>) -> String {
    let mut pasangan: BTreeMap<&str, String> = BTreeMap::new();
    pasangan.insert("q", p.q.clone());
    if let Some(j) = p.jenis {
        pasangan.insert("jenis", j.slug().to_string());
    }
    if let Some(b) = p.bidang {
        pasangan.insert("bidang", b.slug().to_string());
    }
    if let Some(t) = p.tahun {
        pasangan.insert("tahun", t.to_string());
    }
    for (k, v) in ubah {
        match v {
            Some(v) => pasangan.insert(k, v.to_string()),
            None => pasangan.remove(k),
        };
    }
    if let Some(h) = halaman.filter(|h| *h > 1) {
        pasangan.insert("halaman", h.to_string());
    }
    let q = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&pasangan)
        .finish();
    format!("/cari?{q}")
}

/// The query with each corrected word replaced by `ganti(word, correction)`.
fn ubah_kata(
    q: &str,
    koreksi: &BTreeMap<String, String>,
    ganti: impl Fn(&str, &str) -> String,
) -> String {
    q.split_whitespace()
        .map(|w| {
            let inti = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            match koreksi.get(&inti) {
                Some(benar) => ganti(w, benar),
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn label_jenis(slug: &str) -> &'static str {
    slug.parse::<Jenis>().map(Jenis::label).unwrap_or("Lainnya")
}

pub async fn cari(State(k): S, Query(params): Query<HashMap<String, String>>) -> Response {
    let (p, halaman) = match parameter::permintaan(&params) {
        Ok(p) => p,
        Err(pesan) => {
            return galat(
                &k,
                StatusCode::BAD_REQUEST,
                "Permintaan tidak valid",
                &pesan,
            );
        }
    };
    let jenis = p.jenis.map(Jenis::slug).unwrap_or("");
    if p.q.is_empty() {
        return render(
            &k,
            StatusCode::OK,
            "cari.html",
            json!({"q": "", "jenis": jenis}),
        );
    }
    let hasil = match jalankan_cari(&k, p.clone()).await {
        Ok(h) => h,
        Err(e) => {
            tracing::error!("pencarian gagal: {e}");
            return galat(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Pencarian gagal",
                "Terjadi kesalahan saat mencari. Coba lagi sebentar lagi.",
            );
        }
    };
    let facet_jenis: Vec<Value> = hasil
        .facets
        .jenis
        .iter()
        .map(|(j, n)| {
            json!({"label": label_jenis(j), "jumlah": n, "aktif": j == jenis,
                   "url": url_cari(&p, &[("jenis", Some(j))], None)})
        })
        .collect();
    let facet_bidang: Vec<Value> = hasil
        .facets
        .bidang
        .iter()
        .filter_map(|(b, n)| {
            let bidang = Bidang::dari_slug(b)?;
            Some(
                json!({"label": bidang.label(), "jumlah": n, "aktif": Some(bidang) == p.bidang,
                        "url": url_cari(&p, &[("bidang", Some(b))], None)}),
            )
        })
        .collect();
    let jumlah_halaman = hasil.total.div_ceil(p.limit).max(1);
    let hits: Vec<Value> = hasil
        .hits
        .iter()
        .map(|h| {
            let mut v = json!(HitCari::from(h));
            v["label_jenis"] = json!(label_jenis(&h.jenis));
            v
        })
        .collect();
    let q_koreksi = ubah_kata(&p.q, &hasil.koreksi, |_, benar| benar.to_string());
    let q_persis = ubah_kata(&p.q, &hasil.koreksi, |w, _| format!("\"{w}\""));
    let tautan_q = |q: &str| {
        let mut lain = p.clone();
        lain.q = q.to_string();
        url_cari(&lain, &[], None)
    };
    render(
        &k,
        StatusCode::OK,
        "cari.html",
        json!({
            "q_koreksi": q_koreksi, "tautan_koreksi": tautan_q(&q_koreksi),
            "tautan_persis": tautan_q(&q_persis), "q_persis": q_persis,
            "total_tepat": hasil.total_tepat, "facet_tepat": hasil.facets.tepat,
            "q": p.q, "jenis": jenis, "bidang": p.bidang.map(Bidang::slug).unwrap_or(""),
            "total": hasil.total, "semua_kata": hasil.semua_kata, "hits": hits, "koreksi": hasil.koreksi,
            "facet_jenis": facet_jenis, "facet_bidang": facet_bidang,
            "tautan_semua_jenis": url_cari(&p, &[("jenis", None)], None),
            "tautan_semua_bidang": url_cari(&p, &[("bidang", None)], None),
            "mulai": p.offset + 1, "halaman": halaman, "jumlah_halaman": jumlah_halaman,
            "sebelumnya": (halaman > 1).then(|| url_cari(&p, &[], Some(halaman - 1))),
            "berikutnya": (halaman < jumlah_halaman).then(|| url_cari(&p, &[], Some(halaman + 1))),
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_links_encode_values() {
        let p = Permintaan {
            q: "kerja sama & \"bkad\"".into(),
            ..Default::default()
        };
        assert_eq!(
            url_cari(&p, &[("jenis", Some("regulasi"))], Some(2)),
            "/cari?halaman=2&jenis=regulasi&q=kerja+sama+%26+%22bkad%22"
        );
    }
}
