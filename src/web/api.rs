//! The JSON API's shapes, in one place: the types handlers answer with, from which the OpenAPI
//! description at `/api/openapi.json` is generated. The command line's `--json` prints the same
//! shapes.

use std::collections::BTreeMap;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::dokumen::GalatIsian;
use crate::format::tulis_html;
use crate::konten::{JenisKolom, Kolom};
use crate::search::Cuplikan;
use crate::search::query::{Hasil, Hit, PasalLain};

/// An error: what went wrong, in Indonesian, naming the parameter or field.
#[derive(Debug, Serialize, ToSchema)]
pub struct Galat {
    pub galat: String,
}

/// A `{"galat": …}` answer with `status`.
pub fn galat(status: StatusCode, pesan: impl Into<String>) -> Response {
    (
        status,
        Json(Galat {
            galat: pesan.into(),
        }),
    )
        .into_response()
}

/// Form data that does not fit the document's form: every problem with its field's path.
#[derive(Debug, Serialize, ToSchema)]
pub struct GalatIsianJson {
    /// "3 masalah pada isian"
    pub galat: String,
    pub isian: Vec<GalatIsian>,
}

/// Search results.
#[derive(Debug, Serialize, ToSchema)]
pub struct HasilCari {
    /// How many entries match in all (not only this page); an estimate when `total_tepat` is
    /// false.
    pub total: usize,
    /// False when more than 10,000 matched: `total` and the facet counts are then estimates
    /// (at least 10,000 match).
    pub total_tepat: bool,
    pub hits: Vec<HitCari>,
    pub facets: FacetCari,
    /// False when no entry had every word and the results match only some of them.
    pub semua_kata: bool,
    /// Words taken as typos, with the word searched instead.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub koreksi: BTreeMap<String, String>,
    /// Village legal products from the register that match (the published ones, and those of
    /// the signed-in account's village or kabupaten): how many, and the first three. Absent
    /// when none match or when `jenis=produk-hukum` makes them the hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub produk_hukum: Option<RingkasProduk>,
}

/// Matching legal products from the register, beside the knowledge base's results.
#[derive(Debug, Serialize, ToSchema)]
pub struct RingkasProduk {
    pub total: usize,
    pub hits: Vec<HitCari>,
}

/// One search result.
#[derive(Debug, Serialize, ToSchema)]
pub struct HitCari {
    pub id: String,
    pub judul: String,
    /// `regulasi`, `studi-kasus`, `templat`, `materi`, `peraturan` or `produk-hukum`.
    pub jenis: String,
    pub skor: f32,
    /// HTML: the text escaped, the matching words in `<b>`.
    pub cuplikan: String,
    pub url: String,
    pub ringkas: String,
    /// BAB and Bagian of an article of a regulation.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub konteks: String,
    /// The regulation an article belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peraturan: Option<String>,
    /// Slugs.
    pub bidang: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tahun: Option<u64>,
    /// Other matching parts (articles, explanations) of the same regulation, best first, at
    /// most 20: one regulation is one result.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pasal_lain: Vec<PasalLain>,
    /// How many other parts of the regulation matched in all.
    #[serde(skip_serializing_if = "is_zero")]
    pub jumlah_pasal_lain: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Counts per value of each facet; a facet's own filter is ignored in its counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCari {
    pub jenis: BTreeMap<String, u64>,
    pub bidang: BTreeMap<String, u64>,
    /// False when the counts are estimates (more than 10,000 matched).
    pub tepat: bool,
}

/// A snippet as HTML: the text escaped, the matches in `<b>`.
pub fn cuplikan_html(c: &Cuplikan) -> String {
    let mut html = String::with_capacity(c.teks.len() + c.sorot.len() * 7);
    for (teks, cocok) in c.bagian() {
        if cocok {
            html.push_str("<b>");
            tulis_html(&mut html, teks);
            html.push_str("</b>");
        } else {
            tulis_html(&mut html, teks);
        }
    }
    html
}

impl From<&Hit> for HitCari {
    fn from(h: &Hit) -> HitCari {
        HitCari {
            id: h.id.clone(),
            judul: h.judul.clone(),
            jenis: h.jenis.clone(),
            skor: h.skor,
            cuplikan: cuplikan_html(&h.cuplikan),
            url: h.url.clone(),
            ringkas: h.ringkas.clone(),
            konteks: h.konteks.clone(),
            peraturan: h.peraturan.clone(),
            bidang: h.bidang.clone(),
            tahun: h.tahun,
            pasal_lain: h.pasal_lain.clone(),
            jumlah_pasal_lain: h.jumlah_pasal_lain,
        }
    }
}

impl From<&Hasil> for HasilCari {
    fn from(h: &Hasil) -> HasilCari {
        HasilCari {
            total: h.total,
            total_tepat: h.total_tepat,
            hits: h.hits.iter().map(HitCari::from).collect(),
            facets: FacetCari {
                jenis: h.facets.jenis.clone(),
                bidang: h.facets.bidang.clone(),
                tepat: h.facets.tepat,
            },
            semua_kata: h.semua_kata,
            koreksi: h.koreksi.clone(),
            produk_hukum: None,
        }
    }
}

/// A document type: its form and a complete example of its data.
#[derive(Debug, Serialize, ToSchema)]
pub struct JenisDokumenJson {
    pub id: String,
    pub judul: String,
    /// `persiapan`, `penawaran`, `perjanjian` or `pelaksanaan`.
    pub tahap: String,
    /// Ids of regulasi entries.
    pub dasar_hukum: Vec<String>,
    pub versi: String,
    pub formulir: Vec<Kolom>,
    /// Valid data for this document: what `POST /api/dokumen/{jenis}` accepts.
    #[schema(value_type = Object)]
    pub contoh: serde_json::Value,
    /// The data the form takes, as JSON Schema (2020-12). The form's cross-field rules are not
    /// in it.
    #[schema(value_type = Object)]
    pub skema: serde_json::Value,
}

/// Liveness and what is loaded.
#[derive(Debug, Serialize, ToSchema)]
pub struct Kesehatan {
    /// Always `ok`.
    pub status: String,
    /// Entries of the knowledge base.
    pub entri: usize,
    /// Documents in the search index (entries and parts of full texts).
    pub dokumen_indeks: u64,
    /// Full-text regulations indexed.
    pub peraturan: usize,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sinergi API",
        description = "Basis pengetahuan dan dokumen kerja sama desa: pencarian, jenis dokumen, \
                       dan pembuatan PDF dari isian formulir.",
        version = env!("CARGO_PKG_VERSION"),
    ),
    paths(
        super::cari::api_cari,
        super::dokumen::api_daftar,
        super::dokumen::api_buat,
        super::halaman::healthz,
    ),
    components(schemas(Galat, GalatIsianJson, GalatIsian, HasilCari, HitCari, PasalLain, FacetCari, RingkasProduk,
                       JenisDokumenJson, Kolom, JenisKolom, Kesehatan))
)]
pub struct DokumenApi;

/// `/api/openapi.json`: the description of this API (OpenAPI 3.1), with the document types this
/// server knows listed as the values `{jenis}` takes, and one operation per type whose body is
/// described by the type's form.
pub async fn openapi(
    axum::extract::State(k): axum::extract::State<std::sync::Arc<super::Keadaan>>,
) -> Response {
    let mut doc = DokumenApi::openapi();
    let jenis: Vec<serde_json::Value> = k
        .muatan()
        .mesin
        .daftar()
        .map(|j| serde_json::Value::String(j.id.clone()))
        .collect();
    if let Some(op) = doc
        .paths
        .paths
        .get_mut("/api/dokumen/{jenis}")
        .and_then(|p| p.post.as_mut())
        && let Some(params) = op.parameters.as_mut()
    {
        for p in params.iter_mut().filter(|p| p.name == "jenis") {
            p.schema = Some(utoipa::openapi::RefOr::T(
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some(jenis.clone()))
                    .into(),
            ));
        }
    }
    // One operation per document type as well, with the data its form takes as the body's
    // schema, so a client can be made from the description and a tester sends valid data.
    let Ok(mut json) = serde_json::to_value(&doc) else {
        return Json(doc).into_response();
    };
    if let Some(paths) = json.get_mut("paths").and_then(|p| p.as_object_mut())
        && let Some(umum) = paths.get("/api/dokumen/{jenis}").cloned()
    {
        for j in k.muatan().mesin.daftar() {
            let mut op = umum.clone();
            if let Some(post) = op.get_mut("post") {
                post["operationId"] = format!("buat_{}", j.id.replace('-', "_")).into();
                post["summary"] = format!("Buat {}", j.judul).into();
                post["description"] = "Isian sesuai skema di bawah. Aturan antar-kolom formulir \
                     (mis. urutan tanggal, jangka waktu yang cocok dengan tanggalnya) tidak \
                     tercantum di skema; pelanggarannya dijawab 422 dengan jalur kolomnya."
                    .into();
                if let Some(params) = post.get_mut("parameters").and_then(|p| p.as_array_mut()) {
                    params.retain(|p| p["name"] != "jenis");
                }
                post["requestBody"]["content"]["application/json"]["schema"] = j.skema_json();
                post["requestBody"]["content"]["application/json"]["example"] = j.contoh();
            }
            paths.insert(format!("/api/dokumen/{}", j.id), op);
        }
    }
    Json(json).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_html_escapes_text_and_marks_matches() {
        let c = Cuplikan {
            teks: "<a> desa & \"desa\"".into(),
            sorot: vec![4..8, 12..16],
        };
        assert_eq!(
            cuplikan_html(&c),
            "&lt;a&gt; <b>desa</b> &amp; &quot;<b>desa</b>&quot;"
        );
    }
}
