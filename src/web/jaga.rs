//! What every request passes through: a path that is not UTF-8 gets the 400 page, a
//! state-changing request sent by another site is refused, and every response carries the
//! headers that keep pages from being framed, sniffed or given scripts.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::Keadaan;
use super::halaman::galat;

/// No script at all, styles and images from this site (images also as data URLs: the emblem
/// preview), forms only to this site, never in a frame.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub async fn jaga(State(k): State<Arc<Keadaan>>, req: Request, next: Next) -> Response {
    let mut tembolok = super::tembolok::Permintaan::dari(req.method(), req.headers(), false);
    let jalur_sah = percent_encoding::percent_decode_str(req.uri().path())
        .decode_utf8()
        .is_ok();
    // The API answers in JSON, pages with a page.
    let api = req.uri().path().starts_with("/api/");
    let tolak = |status: StatusCode, judul: &str, pesan: &str| {
        if api {
            super::api::galat(status, pesan)
        } else {
            galat(&k, status, judul, pesan)
        }
    };
    let mut res = if !jalur_sah {
        tolak(
            StatusCode::BAD_REQUEST,
            "Alamat tidak valid",
            "Alamat halaman memuat karakter yang tidak dapat dibaca. Periksa alamatnya.",
        )
    } else if mengubah(req.method()) && !dari_situs_ini(req.headers()) {
        tolak(
            StatusCode::FORBIDDEN,
            "Permintaan ditolak",
            "Formulir ini hanya dapat dikirim dari halaman Sinergi sendiri.",
        )
    } else {
        let h = req.headers();
        let masuk = if h.contains_key(header::COOKIE) || h.contains_key(header::AUTHORIZATION) {
            super::sesi::baca(&k.gudang, h).await
        } else {
            None
        };
        let asal = match &k.url_publik {
            Some(u) => u.clone(),
            None => {
                let host = h
                    .get(header::HOST)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("localhost");
                let skema = if k.https_di_depan { "https" } else { "http" };
                format!("{skema}://{host}")
            }
        };
        tembolok.bermasuk = masuk.is_some();
        let jalur = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default();
        super::sesi::dengan(masuk, asal, jalur, next.run(req)).await
    };
    // An extractor's own refusal of a body over the limit is English plain text: say it in
    // Indonesian, as a page or as the API's JSON.
    let teks_polos = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/plain"));
    if res.status() == StatusCode::PAYLOAD_TOO_LARGE && teks_polos {
        res = if api {
            super::api::galat(
                StatusCode::PAYLOAD_TOO_LARGE,
                super::pesan_terlalu_besar_api(),
            )
        } else {
            galat(
                &k,
                StatusCode::PAYLOAD_TOO_LARGE,
                "Isian terlalu besar",
                &super::pesan_terlalu_besar(),
            )
        };
    }
    // A path asked with a method it does not take gets axum's empty 405 (its `Allow` header is
    // added after this layer): say so in Indonesian.
    if res.status() == StatusCode::METHOD_NOT_ALLOWED
        && !res.headers().contains_key(header::CONTENT_TYPE)
    {
        // A page reader mostly meets it by opening the address of a form's button.
        let pesan = if api {
            "Alamat ini tidak menerima cara permintaan itu (GET, POST, …); kepala Allow pada \
             jawaban ini menyebut cara yang diterima."
        } else {
            "Alamat ini dipakai oleh tombol formulir di Sinergi dan tidak dapat dibuka langsung. \
             Buka halaman formulirnya, lalu kirim dari sana."
        };
        res = tolak(
            StatusCode::METHOD_NOT_ALLOWED,
            "Cara permintaan tidak diterima",
            pesan,
        );
    }
    let h = res.headers_mut();
    for (nama, nilai) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
    ] {
        h.entry(nama).or_insert(HeaderValue::from_static(nilai));
    }
    super::tembolok::atur(res, &tembolok).await
}

fn mengubah(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether a state-changing request comes from this site. Browsers say where a request comes
/// from (`Sec-Fetch-Site`, or at least `Origin`); a request that says neither is not from a
/// browser page (curl, a script using the API) and cannot carry a visitor's cookies by
/// accident, so it passes.
fn dari_situs_ini(h: &HeaderMap) -> bool {
    if let Some(situs) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(situs, "same-origin" | "none");
    }
    let Some(asal) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    let host_asal = asal
        .split_once("://")
        .map(|(_, sisa)| sisa.trim_end_matches('/'));
    host.is_some() && host_asal == host
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kepala(pasangan: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pasangan {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn same_site_posts_pass_and_cross_site_posts_do_not() {
        for (h, sah) in [
            (vec![("sec-fetch-site", "same-origin")], true),
            (vec![("sec-fetch-site", "none")], true),
            (vec![("sec-fetch-site", "cross-site")], false),
            (vec![("sec-fetch-site", "same-site")], false),
            (
                vec![
                    ("origin", "http://127.0.0.1:8080"),
                    ("host", "127.0.0.1:8080"),
                ],
                true,
            ),
            (
                vec![
                    ("origin", "https://jahat.example"),
                    ("host", "127.0.0.1:8080"),
                ],
                false,
            ),
            (vec![("origin", "null"), ("host", "127.0.0.1:8080")], false),
            (vec![], true),
        ] {
            assert_eq!(dari_situs_ini(&kepala(&h)), sah, "{h:?}");
        }
    }
}
