//! The full texts of national regulations: the list and one page per regulation, one anchor per
//! article.

use std::sync::Arc;

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::Keadaan;
use super::halaman::{galat, render, tidak_ditemukan};
use super::koleksi::tautan;
use crate::konten::{Data, Koleksi};
use crate::opsi::Jenis;
use crate::search::query::{BagianPeraturan, RingkasPeraturan};

type S = State<Arc<Keadaan>>;

/// Regulations per page of the browsing list.
const PER_HALAMAN: usize = 50;

/// Kinds of regulation the corpus holds, as slug and label.
const BENTUK: &[(&str, &str)] = &[
    ("uu", "Undang-Undang"),
    ("perppu", "Perppu"),
    ("pp", "Peraturan Pemerintah"),
    ("perpres", "Peraturan Presiden"),
    ("permenkeu", "Peraturan Menteri Keuangan"),
];

fn label_status(s: &str) -> &'static str {
    match s {
        "berlaku" => "Berlaku",
        "tidak berlaku" => "Tidak berlaku",
        _ => "Belum tercatat",
    }
}

/// `/peraturan?bentuk=&tahun=&nomor=&status=&halaman=`: the full texts listed as a JDIH lists
/// them, newest first, narrowed by kind, year, number and status. Status comes only from the
/// curated entries (`content/regulasi/`); the corpus itself does not say it.
pub async fn daftar_peraturan(
    State(k): S,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let m = k.muatan();
    let ambil = |n: &str| {
        params
            .get(n)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let bentuk = ambil("bentuk");
    if let Some(b) = &bentuk
        && !BENTUK.iter().any(|(s, _)| s == b)
    {
        let pilihan: Vec<&str> = BENTUK.iter().map(|(s, _)| *s).collect();
        return galat(
            &k,
            StatusCode::BAD_REQUEST,
            "Permintaan tidak valid",
            &format!(
                "parameter `bentuk` harus salah satu dari {}, bukan `{b}`",
                pilihan.join(", ")
            ),
        );
    }
    let angka = |n: &str, batas: std::ops::RangeInclusive<u64>| -> Result<Option<u64>, String> {
        match ambil(n) {
            None => Ok(None),
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|x| batas.contains(x))
                .map(Some)
                .ok_or_else(|| {
                    format!(
                        "parameter `{n}` harus bilangan {}–{}, bukan `{v}`",
                        batas.start(),
                        batas.end()
                    )
                }),
        }
    };
    let (tahun, halaman) = match (angka("tahun", 1900..=2100), angka("halaman", 1..=10_000)) {
        (Ok(t), Ok(h)) => (t, h.unwrap_or(1) as usize),
        (Err(e), _) | (_, Err(e)) => {
            return galat(&k, StatusCode::BAD_REQUEST, "Permintaan tidak valid", &e);
        }
    };
    let nomor = ambil("nomor").map(|n| n.to_lowercase());
    let status = ambil("status");
    if let Some(s) = &status
        && !["berlaku", "tidak berlaku", "belum tercatat"].contains(&s.as_str())
    {
        return galat(
            &k,
            StatusCode::BAD_REQUEST,
            "Permintaan tidak valid",
            &format!(
                "parameter `status` harus `berlaku`, `tidak berlaku` atau `belum tercatat`, bukan `{s}`"
            ),
        );
    }
    let mm = m.clone();
    let semua =
        match tokio::task::spawn_blocking(move || mm.indeks.daftar_peraturan().map(<[_]>::to_vec))
            .await
        {
            Ok(Ok(d)) => d,
            _ => {
                return galat(
                    &k,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Daftar tidak dapat dibaca",
                    "Terjadi kesalahan saat membaca indeks. Coba lagi.",
                );
            }
        };
    let cocok: Vec<&RingkasPeraturan> = semua
        .iter()
        .filter(|r| bentuk.as_ref().is_none_or(|b| &r.bentuk == b))
        .filter(|r| tahun.is_none_or(|t| r.tahun == t))
        .filter(|r| nomor.as_ref().is_none_or(|n| r.nomor.to_lowercase() == *n))
        .filter(|r| {
            status.as_ref().is_none_or(|s| match s.as_str() {
                "belum tercatat" => r.status.is_empty(),
                s => r.status == s,
            })
        })
        .collect();
    let jumlah_halaman = cocok.len().div_ceil(PER_HALAMAN).max(1);
    let baris: Vec<Value> = cocok
        .iter()
        .skip((halaman - 1) * PER_HALAMAN)
        .take(PER_HALAMAN)
        .map(|r| {
            json!({"url": format!("/peraturan/{}", r.id), "judul": r.judul, "nomor": r.nomor,
                   "tahun": r.tahun, "tentang": r.tentang,
                   "bentuk": BENTUK.iter().find(|(s, _)| *s == r.bentuk).map_or("", |(_, l)| *l),
                   "status": label_status(&r.status)})
        })
        .collect();
    let tautan = |h: usize| {
        let mut pasangan: Vec<(&str, String)> = Vec::new();
        for (n, v) in [
            ("bentuk", bentuk.clone()),
            ("tahun", tahun.map(|t| t.to_string())),
            ("nomor", nomor.clone()),
            ("status", status.clone()),
        ] {
            if let Some(v) = v {
                pasangan.push((n, v));
            }
        }
        if h > 1 {
            pasangan.push(("halaman", h.to_string()));
        }
        let q = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&pasangan)
            .finish();
        format!("/peraturan?{q}")
    };
    let pilihan_bentuk: Vec<Value> = BENTUK
        .iter()
        .map(|(s, l)| json!({"nilai": s, "label": l, "aktif": bentuk.as_deref() == Some(*s)}))
        .collect();
    render(
        &k,
        StatusCode::OK,
        "peraturan-daftar.html",
        json!({"jumlah": m.indeks.meta().peraturan, "dilewati": m.indeks.meta().dilewati,
               "jenis": Jenis::Peraturan.slug(), "baris": baris, "cocok": cocok.len(),
               "pilihan_bentuk": pilihan_bentuk, "tahun": tahun, "nomor": nomor.clone().unwrap_or_default(),
               "status": status.clone().unwrap_or_default(), "halaman": halaman,
               "jumlah_halaman": jumlah_halaman,
               "sebelumnya": (halaman > 1).then(|| tautan(halaman - 1)),
               "berikutnya": (halaman < jumlah_halaman).then(|| tautan(halaman + 1))}),
    )
}

/// The parts of regulation `id`, or the page to answer instead.
async fn bagian(k: &Keadaan, id: &str) -> Result<Vec<BagianPeraturan>, Response> {
    let m = k.muatan();
    let idc = id.to_string();
    match tokio::task::spawn_blocking(move || m.indeks.peraturan(&idc)).await {
        Ok(Ok(b)) if !b.is_empty() => Ok(b),
        Ok(Ok(_)) => Err(tidak_ditemukan(k, &format!("Peraturan `{id}`"))),
        _ => Err(galat(
            k,
            StatusCode::INTERNAL_SERVER_ERROR,
            "Naskah tidak dapat dibaca",
            "Terjadi kesalahan saat membaca indeks. Coba lagi.",
        )),
    }
}

/// The parts as the templates show them: anchor, heading, context, text, the article's own
/// permalink and the anchor of its explanation.
fn tampilan(id: &str, bagian: &[BagianPeraturan]) -> Vec<Value> {
    bagian
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let anchor = if i == 0 { "pembukaan" } else { b.anchor() };
            let permalink = anchor
                .strip_prefix("pasal-")
                .map(|n| format!("/peraturan/{id}/pasal/{n}"));
            json!({"anchor": anchor,
                   "judul": if i == 0 { "Pembukaan".to_string() } else { b.judul.clone() },
                   "konteks": b.konteks, "teks": b.teks, "permalink": permalink,
                   "penjelasan": b.penjelasan})
        })
        .collect()
}

pub async fn peraturan(State(k): S, Path(id): Path<String>) -> Response {
    let bagian = match bagian(&k, &id).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let m = k.muatan();
    let judul = bagian[0].judul.clone();
    let kurasi = m
        .konten
        .koleksi(Koleksi::Regulasi)
        .find(|e| matches!(&e.data, Data::Regulasi(r) if r.id_korpus().as_deref() == Some(id.as_str())))
        .map(tautan);
    let tampil = tampilan(&id, &bagian);
    let daftar: Vec<Value> = tampil.iter().skip(1).cloned().collect();
    render(
        &k,
        StatusCode::OK,
        "peraturan.html",
        json!({"judul": judul, "bagian": tampil, "daftar_pasal": daftar, "kurasi": kurasi,
               "cetak": format!("/peraturan/{id}/cetak")}),
    )
}

/// `/peraturan/{id}/cetak`: the whole text for printing, without the site's navigation.
pub async fn cetak(State(k): S, Path(id): Path<String>) -> Response {
    let bagian = match bagian(&k, &id).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let judul = bagian[0].judul.clone();
    render(
        &k,
        StatusCode::OK,
        "peraturan-cetak.html",
        json!({"judul": judul, "bagian": tampilan(&id, &bagian),
               "kembali": format!("/peraturan/{id}")}),
    )
}

/// `/peraturan/{id}/pasal/{nomor}`: one article on its own page (a permalink to cite), with its
/// explanation from the Penjelasan when the text has one, and the articles before and after.
pub async fn pasal(State(k): S, Path((id, nomor)): Path<(String, String)>) -> Response {
    let bagian = match bagian(&k, &id).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let anchor = format!("pasal-{}", nomor.to_lowercase());
    let Some(i) = bagian.iter().position(|b| b.anchor() == anchor) else {
        return tidak_ditemukan(&k, &format!("Pasal {nomor} dari `{id}`"));
    };
    let tampil = tampilan(&id, &bagian);
    let penjelasan = bagian
        .iter()
        .find(|b| !bagian[i].penjelasan.is_empty() && b.anchor() == bagian[i].penjelasan)
        .map(|b| {
            json!({"judul": b.judul, "teks": b.teks,
                        "url": format!("/peraturan/{id}#{}", b.anchor())})
        });
    let pasal_di = |j: usize| {
        tampil
            .get(j)
            .filter(|v| v["permalink"].is_string())
            .cloned()
    };
    render(
        &k,
        StatusCode::OK,
        "peraturan-pasal.html",
        json!({"judul_peraturan": bagian[0].judul, "url_peraturan": format!("/peraturan/{id}"),
               "pasal": tampil[i], "penjelasan": penjelasan,
               "sebelumnya": i.checked_sub(1).and_then(pasal_di), "berikutnya": pasal_di(i + 1)}),
    )
}
