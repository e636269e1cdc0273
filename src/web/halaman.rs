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

/// The main navigation: address and label.
const NAVIGASI: [(&str, &str); 7] = [
    ("/regulasi", "Regulasi"),
    ("/studi-kasus", "Studi kasus"),
    ("/templat", "Templat"),
    ("/materi", "Materi"),
    ("/dokumen", "Buat dokumen"),
    ("/peraturan", "Peraturan"),
    ("/istilah", "Istilah"),
];

/// The navigation with the current page marked: `aria-current="page"` on the link to this very
/// page, `"true"` on the section it belongs to (`/dokumen` on `/dokumen/…`).
fn navigasi(jalur: &str) -> Value {
    let jalur = jalur.split('?').next().unwrap_or("");
    let aktif = |url: &str| {
        if jalur == url {
            "page"
        } else if url != "/" && jalur.starts_with(&format!("{url}/")) {
            "true"
        } else {
            ""
        }
    };
    json!({
        "utama": NAVIGASI
            .iter()
            .map(|(url, label)| json!({"url": url, "label": label, "aktif": aktif(url)}))
            .collect::<Vec<_>>(),
        "beranda": aktif("/"),
        "akun": aktif("/akun"),
        "masuk": aktif("/masuk"),
    })
}

/// What a shared link shows (WhatsApp reads these tags): the page's title and a sentence about
/// it, from what the page itself displays, else a description of Sinergi.
fn pratinjau(ctx: &serde_json::Map<String, Value>) -> (String, String) {
    let teks = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let e = ctx.get("e");
    let judul = teks(ctx.get("judul"))
        .or_else(|| teks(e.and_then(|e| e.get("judul"))))
        .unwrap_or_else(|| "Sinergi".into());
    let deskripsi = teks(ctx.get("deskripsi"))
        .or_else(|| teks(e.and_then(|e| e.get("ringkas"))))
        .unwrap_or_else(|| DESKRIPSI.into());
    let deskripsi = match deskripsi.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", deskripsi[..i].trim_end()),
        None => deskripsi,
    };
    (judul, deskripsi)
}

const DESKRIPSI: &str = "Basis pengetahuan kerja sama desa: dasar hukum, studi kasus, templat \
                         dokumen dan materi sosialisasi yang dapat dicari dalam bahasa Indonesia, \
                         dengan formulir dokumen desa siap cetak.";

pub(super) fn render(k: &Keadaan, status: StatusCode, nama: &str, mut ctx: Value) -> Response {
    if let Some(m) = ctx.as_object_mut() {
        let jalur = super::sesi::jalur();
        m.insert("navigasi".into(), navigasi(&jalur));
        // The page's own address, for link previews, when the public address is known.
        let url = k
            .url_publik
            .as_ref()
            .map(|u| format!("{u}{jalur}"))
            .unwrap_or_default();
        m.insert("url_halaman".into(), json!(url));
        let (judul, deskripsi) = pratinjau(m);
        m.insert("og_judul".into(), json!(judul));
        m.insert("og_deskripsi".into(), json!(deskripsi));
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
        if let Some(saya) = super::sesi::saya() {
            let p = saya.pengguna();
            m.insert(
                "saya".into(),
                json!({"nama": p.nama, "peran": p.peran, "kode_wilayah": p.kode_wilayah,
                       "keterangan": p.keterangan(), "csrf": saya.csrf()}),
            );
        }
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

/// Something could not be read or stored: logged with what was being done, answered with a 500
/// page that asks to try again.
pub(super) fn gagal(k: &Keadaan, judul: &str, log: std::fmt::Arguments<'_>) -> Response {
    tracing::error!("{log}");
    galat(k, StatusCode::INTERNAL_SERVER_ERROR, judul, "Coba lagi.")
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

/// An API path no route takes: the API's JSON, not a page (`/api/x` would otherwise be read as
/// the collection page `/{koleksi}/{id}`).
pub async fn api_tidak_ada() -> Response {
    super::api::galat(
        StatusCode::NOT_FOUND,
        "alamat API ini tidak ada; daftarnya di /api/openapi.json",
    )
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
