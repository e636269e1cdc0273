//! Caching of responses, decided in one place for every route.
//!
//! - What a handler has already decided stays: the stylesheet is the same for everyone
//!   (`immutable`), generated PDFs and DOCX files are never kept (`no-store`).
//! - A response for a signed-in request (session cookie or API token) is `private, no-store`:
//!   it carries the account's name and CSRF token, and no cache may keep it, let alone hand it
//!   to someone else.
//! - A successful GET of a page or JSON for an anonymous request gets a weak ETag (a hash of
//!   its body; the compression layer may still re-encode it) and `public, no-cache`: caches may
//!   keep it but must ask again, and an unchanged page answers 304 without a body — on a slow
//!   connection that is most of the page. `Vary: Cookie` keeps a cache from giving the anonymous
//!   page to a signed-in visitor.
//! - Everything else (errors, form answers, redirects) is `no-store`.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Bodies larger than this are not hashed (no page comes close).
const BATAS_HASH: usize = 8 * 1024 * 1024;

/// What the cache decision needs to know about the request.
pub(super) struct Permintaan {
    pub metode: Method,
    pub bermasuk: bool,
    pub jika_tidak_cocok: Option<String>,
}

impl Permintaan {
    pub fn dari(metode: &Method, h: &HeaderMap, bermasuk: bool) -> Permintaan {
        Permintaan {
            metode: metode.clone(),
            bermasuk,
            jika_tidak_cocok: h
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
        }
    }
}

/// Whether `If-None-Match` names `etag` (weak comparison, as for GET).
pub(super) fn cocok(jika_tidak_cocok: Option<&str>, etag: &str) -> bool {
    let tanpa_w = |t: &str| t.trim().trim_start_matches("W/").to_string();
    jika_tidak_cocok
        .is_some_and(|v| v.trim() == "*" || v.split(',').any(|t| tanpa_w(t) == tanpa_w(etag)))
}

pub(super) async fn atur(res: Response, p: &Permintaan) -> Response {
    let (mut bagian, body) = res.into_parts();
    let h = &mut bagian.headers;
    // The handler knew better: the same for everyone (the stylesheet) or never kept (PDFs).
    if h.contains_key(header::CACHE_CONTROL) {
        return Response::from_parts(bagian, body);
    }
    if p.bermasuk {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        return Response::from_parts(bagian, body);
    }
    let dapat_disimpan = matches!(p.metode, Method::GET | Method::HEAD)
        && bagian.status == StatusCode::OK
        && !h.contains_key(header::SET_COOKIE);
    if !dapat_disimpan {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return Response::from_parts(bagian, body);
    }
    // Only bodies already whole in memory are hashed; a stream passes as it is.
    let ukuran = axum::body::HttpBody::size_hint(&body).exact();
    if ukuran.is_none_or(|n| n > BATAS_HASH as u64) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        return Response::from_parts(bagian, body);
    }
    let Ok(isi) = axum::body::to_bytes(body, BATAS_HASH).await else {
        // Not readable whole: answer without a body rather than half of one.
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let etag = format!("W/\"{:016x}\"", xxhash_rust::xxh3::xxh3_64(&isi));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, no-cache"),
    );
    h.append(header::VARY, HeaderValue::from_static("Cookie"));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    if cocok(p.jika_tidak_cocok.as_deref(), &etag) {
        bagian.status = StatusCode::NOT_MODIFIED;
        h.remove(header::CONTENT_LENGTH);
        h.remove(header::CONTENT_TYPE);
        return Response::from_parts(bagian, Body::empty());
    }
    Response::from_parts(bagian, Body::from(isi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists() {
        let etag = "W/\"00ab\"";
        assert!(cocok(Some("W/\"00ab\""), etag));
        assert!(cocok(Some("\"00ab\""), etag));
        assert!(cocok(Some("\"x\", W/\"00ab\""), etag));
        assert!(cocok(Some("*"), etag));
        assert!(!cocok(Some("W/\"00ac\""), etag));
        assert!(!cocok(None, etag));
    }
}
