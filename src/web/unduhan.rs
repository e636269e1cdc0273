//! What a request asks to be made and what it gets: the format (PDF or DOCX) read with a message
//! that names the option, the compile on the bounded pool, generated files as downloads (content
//! type, file name, never cached), and the answer when every compile slot is busy. The print
//! options themselves are read in `cetak`.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use serde_json::Value;

use super::{Keadaan, api};
use crate::dokumen::{DokumenError, Format, Opsi};

pub(super) fn pdf(nama: &str, bytes: Vec<u8>) -> Response {
    berkas(nama, Format::Pdf, bytes)
}

/// A ZIP of generated files as a download (never kept by a cache).
pub(super) fn berkas_zip(nama: &str, bytes: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/zip".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{nama}.zip\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// A generated document as a download.
pub(super) fn berkas(nama: &str, format: Format, bytes: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, format.jenis_mime().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{nama}.{}\"", format.ekstensi()),
            ),
            // Generated for one request; never kept by a shared cache.
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

pub(super) fn sibuk() -> Response {
    let mut r = api::galat(
        StatusCode::SERVICE_UNAVAILABLE,
        "server sedang menyusun banyak dokumen; coba lagi sebentar lagi",
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
    r
}

/// The format asked for: `?format=`, else an `Accept` header that names DOCX and not PDF.
pub(super) fn format_diminta(q: Option<&str>, headers: &HeaderMap) -> Result<Format, String> {
    if let Some(f) = q.filter(|s| !s.trim().is_empty()) {
        return f.parse::<Format>().map_err(|e| format!("format: {e}"));
    }
    let terima = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let docx = Format::Docx.jenis_mime();
    if terima.contains(docx) && !terima.contains(Format::Pdf.jenis_mime()) {
        Ok(Format::Docx)
    } else {
        Ok(Format::Pdf)
    }
}

/// Reads the data and compiles on the blocking pool, at most as many at once as permits allow;
/// none free → None. Reading (YAML and JSON parsing) happens under the same permit, so parsing
/// cost is bounded by the number of permits too.
pub(super) async fn susun(
    k: &Keadaan,
    id: &str,
    baca: impl FnOnce() -> Result<Value, DokumenError> + Send + 'static,
    opsi: Opsi,
    format: Format,
) -> Option<Result<Vec<u8>, DokumenError>> {
    let izin = k.izin_dokumen.try_acquire().ok()?;
    let m = k.muatan();
    let id = id.to_string();
    let hasil = k
        .di_kolam_dokumen(move || m.mesin.render_sebagai(&id, &baca()?, &opsi, format))
        .await;
    drop(izin);
    Some(hasil.unwrap_or_else(|| Err(DokumenError::Typst(vec!["penyusunan terhenti".into()]))))
}
