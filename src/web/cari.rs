//! Search: the results page (snippets, facets, pages) and its JSON API.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::{Value, json};
use utoipa::IntoParams;

use super::api::{self, HasilCari, HitCari};
use super::halaman::{galat, render};
use super::{Keadaan, parameter, sesi};
use crate::akun::Peran;
use crate::konten::Bidang;
use crate::opsi::Jenis;
use crate::register::{self, Lingkup, Temuan};
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

/// The collection of the register of village legal products: not in the index (the entries
/// live in the database), searched beside it.
const PRODUK_HUKUM: &str = "produk-hukum";

/// At most this many legal products are read for one search.
const PRODUK_MAKS: i64 = 1000;

/// Takes `jenis=produk-hukum` out of the parameters (the index does not know it): whether it
/// was there.
fn pisah_produk(params: &mut HashMap<String, String>) -> bool {
    let ada = params
        .get("jenis")
        .is_some_and(|j| j.trim() == PRODUK_HUKUM);
    if ada {
        params.remove("jenis");
    }
    ada
}

/// Legal products matching the query that the asker may see: the published ones, and those of
/// an operator's village or an admin's kabupaten. They have no bidang, so a bidang filter
/// leaves none.
async fn cari_produk(k: &Keadaan, p: &Permintaan) -> Vec<Temuan> {
    if p.bidang.is_some() {
        return Vec::new();
    }
    let awalan = match sesi::saya() {
        None => Vec::new(),
        Some(m) => {
            let u = m.pengguna();
            match u.peran {
                Peran::Operator => vec![u.kode_wilayah.clone()],
                Peran::Admin => vec![format!("{}.", u.kode_wilayah)],
            }
        }
    };
    let lingkup = Lingkup { awalan };
    match register::cari(&k.gudang, &p.q, &lingkup, p.tahun, PRODUK_MAKS).await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!("pencarian register: {e}");
            Vec::new()
        }
    }
}

fn hit_produk(t: &Temuan) -> HitCari {
    let p = &t.produk;
    let desa = crate::wilayah::desa(&p.kode_desa)
        .map(|d| format!("Desa {}, {}", d.nama, d.nama_kabupaten()))
        .unwrap_or_else(|| p.kode_desa.clone());
    HitCari {
        id: p.id.clone(),
        judul: t.sebutan.clone(),
        jenis: PRODUK_HUKUM.to_string(),
        skor: 0.0,
        cuplikan: api::cuplikan_html(&t.cuplikan),
        url: format!("/produk-hukum/{}", p.id),
        ringkas: format!("{desa} · {}", p.status),
        konteks: String::new(),
        peraturan: None,
        bidang: Vec::new(),
        tahun: u64::try_from(p.tahun).ok(),
        pasal_lain: Vec::new(),
        jumlah_pasal_lain: 0,
    }
}

/// The index's answer with the register's: counted as a `jenis`; when that is the filter, the
/// page's hits; otherwise the first few listed beside the results (`produk_hukum`).
fn gabung(h: &Hasil, produk: &[Temuan], hanya_produk: bool, p: &Permintaan) -> HasilCari {
    let mut hasil = HasilCari::from(h);
    if !produk.is_empty() {
        hasil
            .facets
            .jenis
            .insert(PRODUK_HUKUM.to_string(), produk.len() as u64);
    }
    if hanya_produk {
        hasil.total = produk.len();
        hasil.total_tepat = true;
        hasil.semua_kata = true;
        hasil.hits = produk
            .iter()
            .skip(p.offset)
            .take(p.limit)
            .map(hit_produk)
            .collect();
    } else if !produk.is_empty() {
        hasil.produk_hukum = Some(api::RingkasProduk {
            total: produk.len(),
            hits: produk.iter().take(3).map(hit_produk).collect(),
        });
    }
    hasil
}

/// The query parameters of `/api/cari` (and `/cari`), as the API documents them.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ParameterCari {
    /// Kata kunci; tanda kutip untuk frasa utuh. Paling banyak 500 karakter.
    #[param(max_length = 500)]
    q: Option<String>,
    /// Batasi pada satu jenis. `produk-hukum`: register produk hukum desa (yang diterbitkan
    /// untuk umum, ditambah milik desa/kabupaten akun yang masuk).
    #[param(inline, value_type = Option<String>,
            pattern = "^(regulasi|studi-kasus|templat|materi|peraturan|produk-hukum)$")]
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
pub async fn api_cari(State(k): S, Query(mut params): Query<HashMap<String, String>>) -> Response {
    let hanya_produk = pisah_produk(&mut params);
    let (p, _) = match parameter::permintaan(&params) {
        Ok(p) => p,
        Err(pesan) => return api::galat(StatusCode::BAD_REQUEST, pesan),
    };
    match jalankan_cari(&k, p.clone()).await {
        Ok(h) => {
            let produk = cari_produk(&k, &p).await;
            Json(gabung(&h, &produk, hanya_produk, &p)).into_response()
        }
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
    if slug == PRODUK_HUKUM {
        return "Produk hukum desa";
    }
    slug.parse::<Jenis>().map(Jenis::label).unwrap_or("Lainnya")
}

/// Cuts a query longer than the limit to its first words within it: what was typed stays in the
/// box, and the page says it was cut. Returns whether it was.
fn potong_q(params: &mut HashMap<String, String>) -> bool {
    let Some(q) = params.get_mut("q") else {
        return false;
    };
    let Some((batas, _)) = q.trim().char_indices().nth(parameter::PANJANG_Q_MAKS) else {
        return false;
    };
    let awal = &q.trim()[..batas];
    // At the last space, unless that leaves little.
    let potong = match awal.rfind(char::is_whitespace) {
        Some(i) if i > batas / 2 => &awal[..i],
        _ => awal,
    };
    *q = potong.trim_end().to_string();
    true
}

pub async fn cari(State(k): S, Query(mut params): Query<HashMap<String, String>>) -> Response {
    let hanya_produk = pisah_produk(&mut params);
    let dipotong = potong_q(&mut params);
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
    let jenis = match p.jenis {
        Some(j) => j.slug(),
        None if hanya_produk => PRODUK_HUKUM,
        None => "",
    };
    if p.q.is_empty() {
        return render(
            &k,
            StatusCode::OK,
            "cari.html",
            json!({"q": "", "jenis": jenis, "panjang_maks": parameter::PANJANG_Q_MAKS}),
        );
    }
    let hasil = match jalankan_cari(&k, p.clone()).await {
        Ok(h) => gabung(&h, &cari_produk(&k, &p).await, hanya_produk, &p),
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
    // Pages of the register's results keep its filter.
    let tetap: &[(&str, Option<&str>)] = if hanya_produk {
        &[("jenis", Some(PRODUK_HUKUM))]
    } else {
        &[]
    };
    // A page past the last (an old link, a typed number): the last page.
    if halaman > jumlah_halaman {
        return Redirect::to(&url_cari(&p, tetap, Some(jumlah_halaman))).into_response();
    }
    let dengan_label = |h: &HitCari| {
        let mut v = json!(h);
        v["label_jenis"] = json!(label_jenis(&h.jenis));
        v
    };
    let hits: Vec<Value> = hasil.hits.iter().map(dengan_label).collect();
    let produk_hukum = hasil
        .produk_hukum
        .as_ref()
        .filter(|_| halaman == 1)
        .map(|r| {
            json!({"total": r.total, "hits": r.hits.iter().map(dengan_label).collect::<Vec<_>>(),
               "semua": url_cari(&p, &[("jenis", Some(PRODUK_HUKUM))], None)})
        });
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
            "jumlah_teks": crate::search::query::jumlah_teks(hasil.total, hasil.total_tepat), "facet_tepat": hasil.facets.tepat,
            "batas_hitung": crate::search::query::BATAS_HITUNG,
            "produk_hukum": produk_hukum,
            "q": p.q, "jenis": jenis, "bidang": p.bidang.map(Bidang::slug).unwrap_or(""),
            "total": hasil.total, "semua_kata": hasil.semua_kata, "hits": hits, "koreksi": hasil.koreksi,
            "facet_jenis": facet_jenis, "facet_bidang": facet_bidang,
            "tautan_semua_jenis": url_cari(&p, &[("jenis", None)], None),
            "tautan_semua_bidang": url_cari(&p, &[("bidang", None)], None),
            "tahun": p.tahun, "tautan_semua_tahun": url_cari(&p, &[("tahun", None)], None),
            "dipotong": dipotong, "panjang_maks": parameter::PANJANG_Q_MAKS,
            "mulai": p.offset + 1, "halaman": halaman, "jumlah_halaman": jumlah_halaman,
            "sebelumnya": (halaman > 1).then(|| url_cari(&p, tetap, Some(halaman - 1))),
            "berikutnya": (halaman < jumlah_halaman).then(|| url_cari(&p, tetap, Some(halaman + 1))),
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_query_is_cut_at_a_word_within_the_limit() {
        let kata = "kerjasama ".repeat(80);
        let mut p: HashMap<String, String> = [("q".to_string(), kata)].into();
        assert!(potong_q(&mut p));
        let q = &p["q"];
        assert!(
            q.chars().count() <= parameter::PANJANG_Q_MAKS,
            "{}",
            q.len()
        );
        assert!(q.ends_with("kerjasama"), "{q}");
        let mut pendek: HashMap<String, String> = [("q".to_string(), "bkad".to_string())].into();
        assert!(!potong_q(&mut pendek));
        assert_eq!(pendek["q"], "bkad");
    }

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
