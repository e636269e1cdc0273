//! Static files embedded in the binary (the stylesheet), served with an ETag and long caching:
//! pages link them with their content hash (`?v=…`), so a new binary means a new address.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

struct Berkas {
    nama: &'static str,
    jenis: &'static str,
    isi: &'static [u8],
}

const BERKAS: &[Berkas] = &[Berkas {
    nama: "gaya.css",
    jenis: "text/css; charset=utf-8",
    isi: include_bytes!("../../templates/statis/gaya.css"),
}];

/// The content hash of each file, as an ETag value without quotes.
static SIDIK: LazyLock<Vec<String>> = LazyLock::new(|| {
    BERKAS
        .iter()
        .map(|b| format!("{:016x}", xxhash_rust::xxh3::xxh3_64(b.isi)))
        .collect()
});

/// The hash pages put in the stylesheet's address.
pub fn versi_gaya() -> &'static str {
    SIDIK.first().map(String::as_str).unwrap_or("")
}

pub async fn berkas(Path(nama): Path<String>, kepala: HeaderMap) -> Response {
    let Some(i) = BERKAS.iter().position(|b| b.nama == nama) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = format!("\"{}\"", SIDIK[i]);
    let cocok = super::tembolok::cocok(
        kepala
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok()),
        &etag,
    );
    let mut h = HeaderMap::new();
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    if cocok {
        return (StatusCode::NOT_MODIFIED, h).into_response();
    }
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(BERKAS[i].jenis),
    );
    (StatusCode::OK, h, BERKAS[i].isi).into_response()
}
