//! The real server on an ephemeral port, queried over HTTP as a browser or script would.

mod common;

use common::{REGULASI_SAH, Server, konten_bawaan, pohon};

fn server() -> Server {
    Server::mulai(&konten_bawaan(), &[])
}

#[tokio::test]
async fn health_and_home() {
    let s = server();
    let (st, j) = s.json("/healthz").await;
    assert_eq!(st, 200);
    assert_eq!(j["status"], "ok");
    let (st, html) = s.get("/").await;
    assert_eq!(st, 200);
    for tahap in [
        "Persiapan",
        "Penawaran",
        "Penyusunan perjanjian",
        "Pelaksanaan dan pelaporan",
    ] {
        assert!(html.contains(tahap), "home page names stage {tahap}");
    }
}

#[tokio::test]
async fn api_returns_the_documented_shape() {
    let s = server();
    let (st, j) = s.json("/api/cari?q=kerja+sama+antar-desa&limit=5").await;
    assert_eq!(st, 200);
    assert!(j["total"].as_u64().expect("total") >= 5);
    let hits = j["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 5);
    for h in hits {
        for k in ["id", "judul", "jenis", "skor", "cuplikan"] {
            assert!(!h[k].is_null(), "hit has {k}: {h}");
        }
    }
    assert!(
        j["facets"]["jenis"]["regulasi"]
            .as_u64()
            .is_some_and(|n| n > 0),
        "{}",
        j["facets"]
    );
    assert!(j["facets"]["bidang"].is_object());
}

#[tokio::test]
async fn forms_of_a_word_find_the_same_entries() {
    let s = server();
    let mut ids = Vec::new();
    for q in [
        "kerja+sama+antar+desa",
        "kerjasama+antardesa",
        "bekerja+sama+antar-desa",
    ] {
        let (_, j) = s.json(&format!("/api/cari?q={q}&limit=3")).await;
        let mut v: Vec<String> = j["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["id"].as_str().unwrap_or("").to_string())
            .collect();
        v.sort();
        ids.push(v);
    }
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2]);
}

#[tokio::test]
async fn abbreviations_find_their_long_forms() {
    let s = server();
    // "BUMDes" is written "BUM Desa" in the content; "kahar" is a synonym of keadaan memaksa.
    let (_, j) = s.json("/api/cari?q=bumdes&jenis=regulasi").await;
    let ids: Vec<&str> = j["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    assert!(ids.contains(&"pp-11-2021"), "{ids:?}");
    // The template with the clause, beside Permendagri 1/2016 (curated, so first among equals),
    // which requires a force majeure clause in every lease of village assets.
    let (_, j) = s.json("/api/cari?q=kahar").await;
    let ids: Vec<&str> = j["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .take(2)
        .filter_map(|h| h["id"].as_str())
        .collect();
    assert!(ids.contains(&"perjanjian-kerja-sama-pihak-ketiga"), "{j}");
}

#[tokio::test]
async fn quoted_clause_finds_the_template() {
    let s = server();
    let (_, j) = s.json("/api/cari?q=%22keadaan+memaksa%22").await;
    assert_eq!(
        j["hits"][0]["id"], "perjanjian-kerja-sama-pihak-ketiga",
        "{j}"
    );
    assert!(
        j["hits"][0]["cuplikan"]
            .as_str()
            .expect("snippet")
            .contains("<b>")
    );
}

#[tokio::test]
async fn typos_in_longer_words_are_forgiven() {
    let s = server();
    let (_, benar) = s.json("/api/cari?q=musyawarah&limit=1").await;
    let (_, salah) = s.json("/api/cari?q=musyawarha&limit=1").await;
    assert_eq!(salah["koreksi"]["musyawarha"], "musyawarah", "{salah}");
    assert_eq!(benar["total"], salah["total"]);
    assert_eq!(benar["hits"][0]["id"], salah["hits"][0]["id"]);
}

#[tokio::test]
async fn a_query_corrects_a_few_typos_not_every_word() {
    // A server of its own: corrections are remembered per index.
    let s = server();
    let salah = [
        "musyawarha",
        "pembangnuan",
        "pemberdayan",
        "kabupatne",
        "perselisihn",
        "kesepakatn",
    ];
    // One query corrects at most four words, so a query of many made-up words cannot make the
    // server scan its dictionary over and over…
    let (_, j) = s
        .json(&format!("/api/cari?q={}&limit=1", salah.join("+")))
        .await;
    let koreksi = j["koreksi"].as_object().expect("corrections");
    assert_eq!(koreksi.len(), 4, "{j}");
    // …though each of these alone is corrected.
    for w in salah {
        let (_, j) = s.json(&format!("/api/cari?q={w}&limit=1")).await;
        assert!(j["koreksi"][w].is_string(), "{w}: {j}");
    }
}

#[tokio::test]
async fn exact_numbers_rank_first() {
    let s = server();
    let (_, j) = s.json("/api/cari?q=permendagri+96+2017&limit=1").await;
    assert_eq!(j["hits"][0]["id"], "permendagri-96-2017", "{j}");
}

#[tokio::test]
async fn filters_and_facets() {
    let s = server();
    let (_, semua) = s.json("/api/cari?q=desa&limit=100").await;
    let (_, kasus) = s.json("/api/cari?q=desa&jenis=studi-kasus&limit=100").await;
    let n_kasus = semua["facets"]["jenis"]["studi-kasus"]
        .as_u64()
        .expect("count");
    assert_eq!(kasus["total"].as_u64(), Some(n_kasus));
    assert!(
        kasus["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .all(|h| h["jenis"] == "studi-kasus")
    );
    // Facet counts for jenis ignore the jenis filter, so other choices stay visible.
    assert_eq!(kasus["facets"]["jenis"], semua["facets"]["jenis"]);
    let (_, lh) = s
        .json("/api/cari?q=desa&bidang=lingkungan-hidup&limit=100")
        .await;
    assert!(lh["total"].as_u64().expect("total") > 0);
    assert!(lh["hits"].as_array().expect("hits").iter().all(|h| {
        h["bidang"]
            .as_array()
            .is_some_and(|b| b.iter().any(|x| x == "lingkungan-hidup"))
    }));
}

#[tokio::test]
async fn bad_parameters_get_a_400_with_a_message() {
    let s = server();
    for (q, param) in [
        ("limit=abc", "limit"),
        ("limit=1000", "limit"),
        ("jenis=buku", "jenis"),
        ("tahun=x", "tahun"),
    ] {
        let (st, j) = s.json(&format!("/api/cari?q=desa&{q}")).await;
        assert_eq!(st, 400, "{q}");
        assert!(j["galat"].as_str().expect("message").contains(param), "{j}");
    }
    let (st, html) = s.get("/cari?q=desa&limit=-1").await;
    assert_eq!(st, 400);
    assert!(html.contains("limit"));
}

#[tokio::test]
async fn unknown_pages_get_a_404_page() {
    let s = server();
    for p in [
        "/tidak-ada",
        "/regulasi/tidak-ada",
        "/peraturan/uu-1-1900",
        "/a/b/c",
    ] {
        let (st, html) = s.get(p).await;
        assert_eq!(st, 404, "{p}");
        assert!(html.contains("tidak ditemukan"), "{p}");
    }
}

#[tokio::test]
async fn user_input_is_escaped() {
    let s = server();
    let (st, html) = s.get("/cari?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(st, 200);
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn search_page_has_snippets_facets_and_pages() {
    let s = server();
    let (st, html) = s.get("/cari?q=desa").await;
    assert_eq!(st, 200);
    assert!(html.contains("<b>"), "highlighted snippet");
    assert!(html.contains("Studi kasus</a> ("), "facet link with count");
    assert!(html.contains("halaman=2"), "link to the next page");
    let (_, h2) = s.get("/cari?q=desa&halaman=2").await;
    assert!(h2.contains("Halaman 2 dari"));
}

#[tokio::test]
async fn regulation_page_links_relations_both_ways() {
    let s = server();
    let (st, html) = s.get("/regulasi/uu-6-2014").await;
    assert_eq!(st, 200);
    assert!(html.contains("Diubah dengan"));
    assert!(html.contains("/regulasi/uu-3-2024"));
    assert!(
        html.contains("Dirujuk studi kasus"),
        "case studies citing it are listed"
    );
    // The revoked predecessor shows what revoked it, declared only on the other side or both.
    let (_, lama) = s.get("/regulasi/permendagri-38-2007").await;
    assert!(lama.contains("Dicabut dengan"));
    assert!(lama.contains("/regulasi/permendagri-96-2017"));
    assert!(lama.contains("Tidak berlaku"));
}

#[tokio::test]
async fn pages_link_glossary_terms() {
    let s = server();
    let (_, html) = s.get("/materi/05-bkad").await;
    assert!(
        html.contains("class=\"istilah\" href=\"/istilah#"),
        "a term is linked"
    );
    let (_, istilah) = s.get("/istilah").await;
    assert!(
        istilah.contains("id=\"bkad\""),
        "the glossary has the anchor"
    );
}

#[tokio::test]
async fn collection_pages_have_facets() {
    let s = server();
    for k in ["regulasi", "studi-kasus", "templat", "materi"] {
        let (st, html) = s.get(&format!("/{k}")).await;
        assert_eq!(st, 200, "{k}");
        assert!(html.contains("Bidang"), "{k}");
    }
    let (_, html) = s.get("/studi-kasus?bidang=lingkungan-hidup").await;
    assert!(
        html.contains("Sungai Tlingsing") || html.contains("Tlingsing"),
        "filtered list"
    );
    let (_, html) = s.get("/templat?tahap=penawaran").await;
    assert!(html.contains("Surat Penawaran"));
    assert!(!html.contains("Berita Acara Musyawarah"));
}

#[tokio::test]
async fn serves_any_content_tree() {
    let dir = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let s = Server::mulai(dir.path(), &[]);
    let (_, j) = s.json("/api/cari?q=desa").await;
    assert_eq!(j["total"], 1);
    assert_eq!(j["hits"][0]["id"], "uu-6-2014");
}

#[tokio::test]
async fn pages_describe_themselves_mark_the_current_link_and_answer_304_when_unchanged() {
    let s = server();
    let (st, html) = s.get("/regulasi/uu-6-2014").await;
    assert_eq!(st, 200);
    assert!(
        html.contains("<meta name=\"description\" content=\""),
        "{html}"
    );
    assert!(html.contains("<meta property=\"og:title\" content=\""));
    assert!(html.contains("<a class=\"lewati\" href=\"#isi\">"));
    assert!(html.contains("href=\"/regulasi\" aria-current=\"true\""));
    let klien = reqwest::Client::new();
    let r = klien.get(s.url("/regulasi")).send().await.expect("get");
    assert_eq!(r.headers()["cache-control"], "public, no-cache");
    let etag = r.headers()["etag"].clone();
    assert!(
        r.text()
            .await
            .expect("body")
            .contains("aria-current=\"page\"")
    );
    let r = klien
        .get(s.url("/regulasi"))
        .header("if-none-match", etag)
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 304);
}

#[tokio::test]
async fn a_search_page_past_the_last_goes_to_the_last() {
    let s = server();
    let klien = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let r = klien
        .get(s.url("/cari?q=desa&halaman=99"))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 303);
    let ke = r.headers()["location"]
        .to_str()
        .expect("location")
        .to_string();
    assert!(
        ke.starts_with("/cari?halaman=") && ke.contains("q=desa"),
        "{ke}"
    );
    let (st, html) = s.get(&ke).await;
    assert_eq!(st, 200);
    let n = ke
        .split("halaman=")
        .nth(1)
        .and_then(|x| x.split('&').next())
        .expect("n");
    assert!(html.contains(&format!("Halaman {n} dari {n}")), "{html}");
    let (st, html) = s.get(&format!("/cari?q={}", "desa+".repeat(200))).await;
    assert_eq!(st, 200, "a long query is cut, not refused");
    assert!(html.contains("terlalu panjang") && html.contains("maxlength=\"500\""));
}

/// Where `nilai` breaks `skema` (the JSON Schema keywords the form schemas use), as paths.
fn tidak_cocok(skema: &serde_json::Value, nilai: &serde_json::Value, jalur: &str) -> Vec<String> {
    use serde_json::Value;
    let mut salah = Vec::new();
    let jenis = skema["type"].as_str().unwrap_or("");
    let sesuai = match (jenis, nilai) {
        ("object", Value::Object(_)) | ("array", Value::Array(_)) => true,
        ("string", Value::String(_)) | ("boolean", Value::Bool(_)) => true,
        ("integer", Value::Number(n)) => n.is_i64() || n.is_u64(),
        _ => false,
    };
    if !sesuai {
        return vec![format!("{jalur}: not {jenis}: {nilai}")];
    }
    if let Some(pilihan) = skema["enum"].as_array()
        && !pilihan.contains(nilai)
    {
        salah.push(format!("{jalur}: {nilai} not in enum"));
    }
    match nilai {
        Value::Object(m) => {
            let sifat = skema["properties"].as_object().expect("properties");
            for (k, v) in m {
                match sifat.get(k) {
                    Some(s) => salah.extend(tidak_cocok(s, v, &format!("{jalur}.{k}"))),
                    None => salah.push(format!("{jalur}.{k}: not in properties")),
                }
            }
            for w in skema["required"].as_array().into_iter().flatten() {
                let w = w.as_str().expect("name");
                if !m.contains_key(w) {
                    salah.push(format!("{jalur}.{w}: required, missing"));
                }
            }
        }
        Value::Array(a) => {
            let n = a.len() as u64;
            if skema["minItems"].as_u64().is_some_and(|m| n < m)
                || skema["maxItems"].as_u64().is_some_and(|m| n > m)
            {
                salah.push(format!("{jalur}: {n} items"));
            }
            for (i, v) in a.iter().enumerate() {
                salah.extend(tidak_cocok(&skema["items"], v, &format!("{jalur}[{i}]")));
            }
        }
        Value::String(s) => {
            let n = s.chars().count() as u64;
            if skema["maxLength"].as_u64().is_some_and(|m| n > m)
                || skema["minLength"].as_u64().is_some_and(|m| n < m)
                || (skema["pattern"] == "\\S" && s.trim().is_empty())
            {
                salah.push(format!("{jalur}: length or blank"));
            }
            if skema["format"] == "date"
                && time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
                    .is_err()
            {
                salah.push(format!("{jalur}: not a date"));
            }
        }
        Value::Number(n) => {
            let n = n.as_f64().expect("number");
            if skema["minimum"].as_f64().is_some_and(|m| n < m)
                || skema["maximum"].as_f64().is_some_and(|m| n > m)
            {
                salah.push(format!("{jalur}: {n} out of range"));
            }
        }
        _ => {}
    }
    salah
}

/// The API description has an operation per document type whose body schema is the type's form
/// as JSON Schema (also listed by `GET /api/dokumen`). The complete example of every type fits
/// it, and the example sent to that path gives the PDF; a required field is required.
#[tokio::test]
async fn the_description_has_an_operation_per_document_type_that_its_example_fits() {
    let s = server();
    let (st, daftar) = s.json("/api/dokumen").await;
    assert_eq!(st, 200);
    let (st, doc) = s.json("/api/openapi.json").await;
    assert_eq!(st, 200);
    let jenis = daftar.as_array().expect("types");
    assert!(jenis.len() >= 7);
    for j in jenis {
        let id = j["id"].as_str().expect("id");
        let op = &doc["paths"][format!("/api/dokumen/{id}")]["post"];
        let isi = &op["requestBody"]["content"]["application/json"];
        assert_eq!(isi["schema"], j["skema"], "{id}: the listed schema");
        assert_eq!(isi["schema"]["additionalProperties"], false, "{id}");
        let masalah = tidak_cocok(&isi["schema"], &j["contoh"], id);
        assert!(masalah.is_empty(), "{masalah:#?}");
        assert!(
            op["parameters"]
                .as_array()
                .is_some_and(|p| p.iter().all(|p| p["name"] != "jenis")),
            "{id}: the type is in the path"
        );
        let r = reqwest::Client::new()
            .post(s.url(&format!("/api/dokumen/{id}")))
            .json(&j["contoh"])
            .send()
            .await
            .expect("request");
        assert_eq!(r.status(), 200, "{id}");
        assert!(r.bytes().await.expect("body").starts_with(b"%PDF"), "{id}");
    }
    let pks = &doc["paths"]["/api/dokumen/perjanjian-kerja-sama-pihak-ketiga"]["post"];
    let skema = &pks["requestBody"]["content"]["application/json"]["schema"];
    let wajib = skema["required"].as_array().expect("required");
    assert!(
        wajib.contains(&"desa".into()) && wajib.contains(&"pihak_kedua".into()),
        "{wajib:?}"
    );
    assert_eq!(
        skema["properties"]["desa"]["properties"]["nama"]["pattern"],
        "\\S"
    );
}
