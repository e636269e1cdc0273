//! The four collections: a list per collection with its facets, and one page per entry with
//! its metadata and its relations both ways.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use serde_json::{Value, json};

use super::halaman::{galat, render, tidak_ditemukan};
use super::{Keadaan, Muatan};
use crate::format;
use crate::konten::{Bidang, Data, Entri, Koleksi, TAHAP, label_tahap, markdown};
use crate::opsi::Jenis;
use crate::search::index::tanpa_penanda;

type S = State<Arc<Keadaan>>;
type Params = Query<HashMap<String, String>>;

pub(super) fn uraian_koleksi(k: Koleksi) -> &'static str {
    match k {
        Koleksi::Regulasi => {
            "Dasar hukum kerja sama desa: ringkasan, pasal kunci, status dan hubungan antarperaturan."
        }
        Koleksi::StudiKasus => {
            "Contoh nyata kerja sama antar-Desa dan dengan pihak ketiga, beserta pelajarannya."
        }
        Koleksi::Templat => {
            "Jenis dokumen kerja sama desa, panduan penyusunan, dan naskah bakunya."
        }
        Koleksi::Materi => {
            "Modul sosialisasi kerja sama desa, lengkap dengan tujuan, diskusi dan kuis."
        }
    }
}

pub async fn koleksi(State(k): S, Path(slug): Path<String>, Query(params): Params) -> Response {
    let Some(kol) = Koleksi::dari_slug(&slug) else {
        return tidak_ditemukan(&k, &format!("Halaman /{slug}"));
    };
    let bidang = match params
        .get("bidang")
        .map(|b| b.trim())
        .filter(|b| !b.is_empty())
    {
        None => None,
        Some(b) => match Bidang::dari_slug(b).or_else(|| Bidang::dari_label(b)) {
            Some(b) => Some(b),
            None => {
                return galat(
                    &k,
                    StatusCode::BAD_REQUEST,
                    "Permintaan tidak valid",
                    &format!("bidang `{b}` tidak dikenal"),
                );
            }
        },
    };
    let tahap = params
        .get("tahap")
        .map(|t| t.trim())
        .filter(|t| !t.is_empty());
    if let Some(t) = tahap
        && (kol != Koleksi::Templat || label_tahap(t).is_empty())
    {
        return galat(
            &k,
            StatusCode::BAD_REQUEST,
            "Permintaan tidak valid",
            &format!(
                "tahap `{t}` tidak dikenal; pilih persiapan, penawaran, perjanjian atau pelaksanaan"
            ),
        );
    }
    let m = k.muatan();
    let tahap_dari = |e: &Entri| match &e.data {
        Data::Templat(t) => Some(t.tahap.clone()),
        _ => None,
    };
    let semua: Vec<&Entri> = m.konten.koleksi(kol).collect();
    let lolos_tahap = |e: &Entri| tahap.is_none() || tahap_dari(e).as_deref() == tahap;
    let lolos_bidang = |e: &Entri| bidang.is_none_or(|b| e.bidang.contains(&b));
    let mut entri: Vec<&Entri> = semua
        .iter()
        .copied()
        .filter(|e| lolos_tahap(e) && lolos_bidang(e))
        .collect();
    entri.sort_by_key(|e| match &e.data {
        Data::Materi(x) => (x.urutan as i64, String::new()),
        Data::Regulasi(r) => (-(r.tahun as i64), e.judul.clone()),
        _ => (0, e.judul.to_lowercase()),
    });
    let tautan = |b: Option<&str>, t: Option<&str>| {
        let mut q = Vec::new();
        if let Some(t) = t {
            q.push(format!("tahap={t}"));
        }
        if let Some(b) = b {
            q.push(format!("bidang={b}"));
        }
        if q.is_empty() {
            format!("/{slug}")
        } else {
            format!("/{slug}?{}", q.join("&"))
        }
    };
    let facet_bidang: Vec<Value> = Bidang::semua()
        .filter_map(|b| {
            let n = semua
                .iter()
                .filter(|e| lolos_tahap(e) && e.bidang.contains(&b))
                .count();
            (n > 0).then(|| {
                json!({"label": b.label(), "jumlah": n, "aktif": bidang == Some(b),
                                   "url": tautan(Some(b.slug()), tahap)})
            })
        })
        .collect();
    let facet_tahap: Vec<Value> = if kol == Koleksi::Templat {
        TAHAP
            .iter()
            .filter_map(|(s, l)| {
                let n = semua
                    .iter()
                    .filter(|e| lolos_bidang(e) && tahap_dari(e).as_deref() == Some(*s))
                    .count();
                (n > 0).then(|| {
                    json!({"label": l, "jumlah": n, "aktif": tahap == Some(*s),
                                       "url": tautan(bidang.map(|b| b.slug()), Some(s))})
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let daftar: Vec<Value> = entri
        .iter()
        .map(|e| {
            let mati = matches!(&e.data, Data::Regulasi(r) if r.status != "berlaku");
            json!({"url": e.url(), "judul": e.judul, "ringkas": e.ringkas(),
                   "bidang": e.bidang, "status_mati": mati})
        })
        .collect();
    render(
        &k,
        StatusCode::OK,
        "koleksi.html",
        json!({
            "slug": slug, "label": kol.label(), "uraian": uraian_koleksi(kol), "entri": daftar,
            "facet_bidang": facet_bidang, "facet_tahap": facet_tahap,
            "bidang": bidang.map(|b| b.slug()).unwrap_or(""), "tahap": tahap.unwrap_or(""),
            "jumlah_semua": semua.iter().filter(|e| lolos_tahap(e)).count(), "jenis": slug,
        }),
    )
}

#[derive(Serialize)]
pub(super) struct Tautan {
    judul: String,
    url: String,
}

pub(super) fn tautan(e: &Entri) -> Tautan {
    Tautan {
        judul: e.judul.clone(),
        url: e.url(),
    }
}

/// Relations of an entry as labelled link lists: those it declares and those declared of it.
fn relasi(m: &Muatan, e: &Entri) -> Vec<Value> {
    let kon = &m.konten;
    let resolusi = |ids: &[String]| -> Vec<Tautan> {
        ids.iter()
            .filter_map(|id| kon.entri(id))
            .map(tautan)
            .collect()
    };
    let dirujuk = kon.dirujuk_oleh(&e.id);
    let terbalik = |kunci: &str, kol: Option<Koleksi>| -> Vec<Tautan> {
        dirujuk
            .iter()
            .filter(|(k, x)| *k == kunci && kol.is_none_or(|kol| x.koleksi == kol))
            .map(|(_, x)| tautan(x))
            .collect()
    };
    let gabung = |mut a: Vec<Tautan>, b: Vec<Tautan>| {
        for t in b {
            if !a.iter().any(|x| x.url == t.url) {
                a.push(t);
            }
        }
        a
    };
    let mut daftar: Vec<(&str, Vec<Tautan>)> = Vec::new();
    match &e.data {
        Data::Regulasi(r) => {
            daftar.push((
                "Mengubah",
                gabung(resolusi(&r.mengubah), terbalik("diubah_dengan", None)),
            ));
            daftar.push((
                "Diubah dengan",
                gabung(resolusi(&r.diubah_dengan), terbalik("mengubah", None)),
            ));
            daftar.push((
                "Mencabut",
                gabung(resolusi(&r.mencabut), terbalik("dicabut_dengan", None)),
            ));
            daftar.push((
                "Dicabut dengan",
                gabung(resolusi(&r.dicabut_dengan), terbalik("mencabut", None)),
            ));
            daftar.push((
                "Dirujuk studi kasus",
                terbalik("regulasi", Some(Koleksi::StudiKasus)),
            ));
            daftar.push(("Dasar hukum templat", terbalik("dasar_hukum", None)));
            daftar.push((
                "Dipakai dalam materi",
                terbalik("regulasi", Some(Koleksi::Materi)),
            ));
        }
        Data::StudiKasus(s) => {
            daftar.push(("Dasar hukum", resolusi(&s.regulasi)));
            daftar.push(("Dibahas dalam materi", terbalik("studi_kasus", None)));
        }
        Data::Templat(t) => daftar.push(("Dasar hukum", resolusi(&t.dasar_hukum))),
        Data::Materi(x) => {
            daftar.push(("Dasar hukum", resolusi(&x.regulasi)));
            daftar.push(("Studi kasus", resolusi(&x.studi_kasus)));
        }
    }
    daftar
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(label, entri)| json!({"label": label, "entri": entri}))
        .collect()
}

/// Moves the headings of an HTML fragment down so the highest becomes `ke` (h3 under the
/// page's h1 and section h2), keeping their order: no jumps from the page's own headings.
fn geser_judul(html: &str, ke: u8) -> String {
    let tingkat = |s: &str| -> Option<u8> {
        let b = s.as_bytes();
        (b.len() > 2
            && b[0] == b'h'
            && (b'1'..=b'6').contains(&b[1])
            && !b[2].is_ascii_alphanumeric())
        .then(|| b[1] - b'0')
    };
    let tertinggi = html
        .split('<')
        .skip(1)
        .filter_map(|s| tingkat(s.trim_start_matches('/')))
        .min();
    let Some(t) = tertinggi else {
        return html.to_string();
    };
    if t >= ke {
        return html.to_string();
    }
    let geser = ke - t;
    let mut keluar = String::with_capacity(html.len());
    for (i, s) in html.split('<').enumerate() {
        if i > 0 {
            keluar.push('<');
        }
        let (garis, isi) = match s.strip_prefix('/') {
            Some(r) => ("/", r),
            None => ("", s),
        };
        match tingkat(isi) {
            Some(n) => {
                keluar.push_str(garis);
                keluar.push('h');
                keluar.push(char::from(b'0' + (n + geser).min(6)));
                keluar.push_str(&isi[2..]);
            }
            None => keluar.push_str(s),
        }
    }
    keluar
}

/// Marks the blanks («nama desa») of rendered wording so they stand out. The guillemets are
/// plain text in the escaped HTML, never part of a tag.
fn tandai_kosong(html: &str) -> String {
    html.replace('«', "<span class=\"kosong\">«")
        .replace('»', "»</span>")
}

/// Template wording for display: placeholders shown as «nama», control tags removed.
fn naskah_tampil(md: &str) -> String {
    let diganti = md.replace("{{", "«").replace("}}", "»");
    let tanpa_tag = tanpa_penanda(&diganti);
    tanpa_tag
        .split('«')
        .enumerate()
        .map(|(i, s)| {
            if i == 0 {
                s.to_string()
            } else {
                let (isi, sisa) = s.split_once('»').unwrap_or((s, ""));
                // Filters (`| upper`) are layout, not what the user fills in.
                let nama = isi.split('|').next().unwrap_or(isi);
                format!("«{}»{sisa}", nama.trim())
            }
        })
        .collect()
}

pub async fn entri(State(k): S, Path((slug, id)): Path<(String, String)>) -> Response {
    let Some(kol) = Koleksi::dari_slug(&slug) else {
        return tidak_ditemukan(&k, &format!("Halaman /{slug}/{id}"));
    };
    let m = k.muatan();
    let Some(e) = m.konten.dapatkan(kol, &id) else {
        return tidak_ditemukan(&k, &format!("Entri {} `{id}`", kol.label().to_lowercase()));
    };
    let data = match &e.data {
        Data::Regulasi(x) => json!(x),
        Data::StudiKasus(x) => json!(x),
        Data::Templat(x) => json!(x),
        Data::Materi(x) => json!(x),
    };
    let tautan: Vec<markdown::Tautan> = m
        .konten
        .istilah
        .iter()
        .map(|i| markdown::Tautan {
            istilah: &i.istilah,
            url: format!("/istilah#{}", i.anchor()),
        })
        .collect();
    let html = match &e.data {
        // The wording with plain blanks where the form's values go; a templat without a form
        // shows its placeholders by name.
        Data::Templat(_) => tandai_kosong(&geser_judul(
            &markdown::ke_html(
                &m.mesin
                    .naskah_baku(&e.id)
                    .unwrap_or_else(|_| naskah_tampil(&e.body)),
            ),
            3,
        )),
        _ => markdown::ke_html_dengan_istilah(&e.body, &tautan),
    };
    let mut ctx = json!({
        "e": {"id": e.id, "judul": e.judul, "koleksi": kol.slug(), "bidang": e.bidang,
              "ringkas": e.ringkas()},
        "label_koleksi": kol.label(), "d": data, "html": html, "relasi": relasi(&m, e),
    });
    match &e.data {
        Data::Regulasi(r) => {
            let korpus = r.id_korpus().and_then(|idk| {
                let bagian = m.indeks.peraturan(&idk).ok()?;
                (!bagian.is_empty()).then_some((idk, bagian))
            });
            // The full wording once per article, under its last summarized ayat.
            let terakhir: std::collections::HashMap<&str, usize> = r
                .pasal_kunci
                .iter()
                .enumerate()
                .map(|(i, p)| (p.pasal.trim(), i))
                .collect();
            let pasal: Vec<Value> = r
                .pasal_kunci
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let anchor = format!("pasal-{}", p.pasal.trim().to_lowercase());
                    let tampil = terakhir.get(p.pasal.trim()) == Some(&i);
                    let lengkap = korpus.as_ref().filter(|_| tampil).and_then(|(idk, b)| {
                        b.iter().find(|x| x.anchor() == anchor).map(|x| {
                            (
                                x.teks.clone(),
                                format!("/{}/{idk}#{anchor}", Jenis::Peraturan.slug()),
                            )
                        })
                    });
                    json!({"pasal": p.pasal, "ayat": p.ayat, "ringkasan": p.ringkasan,
                           "teks_lengkap": lengkap.as_ref().map(|l| &l.0),
                           "url_lengkap": lengkap.as_ref().map(|l| &l.1)})
                })
                .collect();
            ctx["pasal_kunci"] = json!(pasal);
            ctx["tanggal_penetapan"] =
                json!(r.tanggal_penetapan.as_deref().map(format::tanggal_panjang));
            ctx["tanggal_pengundangan"] = json!(
                r.tanggal_pengundangan
                    .as_deref()
                    .map(format::tanggal_panjang)
            );
            ctx["korpus_url"] =
                json!(korpus.map(|(idk, _)| format!("/{}/{idk}", Jenis::Peraturan.slug())));
        }
        Data::StudiKasus(s) => ctx["lokasi"] = json!(s.lokasi.ringkas()),
        Data::Templat(t) => {
            ctx["label_tahap"] = json!(label_tahap(&t.tahap));
            ctx["panduan_html"] = json!(geser_judul(&markdown::ke_html(&t.panduan), 3));
            ctx["formulir"] = json!(m.mesin.jenis(&e.id).is_some());
        }
        Data::Materi(x) => {
            let kuis: Vec<Value> = x
                .kuis
                .iter()
                .map(|s| {
                    let kunci = match s.jawaban.trim().to_lowercase().bytes().next() {
                        Some(h) if !s.pilihan.is_empty() => {
                            let i = (h - b'a') as usize;
                            format!(
                                "{}. {}",
                                h as char,
                                s.pilihan.get(i).map(String::as_str).unwrap_or("")
                            )
                        }
                        _ => s.jawaban.clone(),
                    };
                    json!({"pertanyaan": s.pertanyaan, "pilihan": s.pilihan, "kunci": kunci})
                })
                .collect();
            ctx["kuis"] = json!(kuis);
        }
    }
    render(&k, StatusCode::OK, "entri.html", ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_move_down_without_jumps() {
        assert_eq!(
            geser_judul("<h1 id=\"a\">A</h1><p>x</p><h2>B</h2><hr>", 3),
            "<h3 id=\"a\">A</h3><p>x</p><h4>B</h4><hr>"
        );
        assert_eq!(geser_judul("<h4>A</h4>", 3), "<h4>A</h4>");
        assert_eq!(geser_judul("<p>a < b</p>", 3), "<p>a < b</p>");
    }

    #[test]
    fn template_wording_shows_placeholders() {
        assert_eq!(
            naskah_tampil("Nama: {{ pihak_kedua.nama | upper }}{% if x %} (ya){% endif %}"),
            "Nama: «pihak_kedua.nama» (ya)"
        );
    }
}
