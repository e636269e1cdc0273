//! What a request asks to be made and what it gets: print options (paper, font, margins) and
//! format read with messages that name the option; generated files as downloads (content type,
//! file name, never cached); the answer when every compile slot is busy.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use serde_json::Value;

use super::formulir::Kiriman;
use super::{Keadaan, api};
use crate::dokumen::{DokumenError, Format, Huruf, Kertas, Margin, Opsi};

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

/// A print option a request got wrong: its name (`kertas`, `huruf`, `margin`) and why.
pub(super) struct OpsiSalah {
    pub nama: &'static str,
    pub pesan: String,
}

impl std::fmt::Display for OpsiSalah {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.nama, self.pesan)
    }
}

/// Paper, font and margins from a request; an error names the option.
pub(super) fn opsi_dari(
    kertas: Option<&str>,
    huruf: Option<&str>,
    margin: Option<&str>,
) -> Result<Opsi, OpsiSalah> {
    let salah = |nama: &'static str| {
        move |e: crate::opsi::NilaiTidakSah| OpsiSalah {
            nama,
            pesan: e.to_string(),
        }
    };
    fn isi(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|s| !s.is_empty())
    }
    let mut o = Opsi::default();
    if let Some(k) = isi(kertas) {
        o.kertas = k.parse::<Kertas>().map_err(salah("kertas"))?;
    }
    if let Some(h) = isi(huruf) {
        o.huruf = h.parse::<Huruf>().map_err(salah("huruf"))?;
    }
    if let Some(m) = isi(margin) {
        o.margin = Some(m.parse::<Margin>().map_err(salah("margin"))?);
    }
    Ok(o)
}

/// The print options of a submitted form.
pub(super) fn opsi_kiriman(kiriman: &Kiriman) -> Result<Opsi, OpsiSalah> {
    let teks = |n: &str| kiriman.opsi.get(n).and_then(Value::as_str);
    opsi_dari(teks("kertas"), teks("huruf"), teks("margin"))
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
