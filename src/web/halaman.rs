//! Page and API handlers.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

use super::{Keadaan, Muatan, parameter};
use crate::format;
use crate::konten::{Bidang, Data, Entri, Koleksi, TAHAP, URAIAN_TAHAP, label_tahap, markdown};
use crate::search::index::{PERATURAN, tanpa_penanda};
use crate::search::query::{Hasil, Permintaan};

type S = State<Arc<Keadaan>>;
type Params = Query<HashMap<String, String>>;

fn uraian_koleksi(k: Koleksi) -> &'static str {
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

fn label_jenis(j: &str) -> &'static str {
    if j == PERATURAN {
        return "Naskah peraturan";
    }
    Koleksi::dari_slug(j)
        .map(Koleksi::label)
        .unwrap_or("Lainnya")
}

fn pilihan_jenis() -> Vec<Value> {
    let mut v: Vec<Value> = Koleksi::SEMUA
        .iter()
        .map(|k| json!({"slug": k.slug(), "label": k.label()}))
        .collect();
    v.push(json!({"slug": PERATURAN, "label": label_jenis(PERATURAN)}));
    v
}

pub(super) fn render(k: &Keadaan, status: StatusCode, nama: &str, mut ctx: Value) -> Response {
    if let Some(m) = ctx.as_object_mut() {
        m.entry("q").or_insert(json!(""));
        m.entry("jenis").or_insert(json!(""));
        m.insert("pilihan_jenis".into(), json!(pilihan_jenis()));
        m.insert("aset_gaya".into(), json!(super::statis::versi_gaya()));
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

pub async fn healthz(State(k): S) -> Json<Value> {
    let m = k.muatan();
    Json(json!({
        "status": "ok",
        "entri": m.konten.semua().len(),
        "dokumen_indeks": m.indeks.meta.dokumen,
        "peraturan": m.indeks.meta.peraturan,
    }))
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
        json!({"tahap": tahap, "koleksi": koleksi, "jumlah_peraturan": m.indeks.meta.peraturan}),
    )
}

/// Runs a search on the search threads. Handing each search to a thread pool kept warm cost
/// less than `block_in_place`, which moved the async worker to a new thread every time.
async fn jalankan_cari(k: &Keadaan, p: Permintaan) -> Result<Hasil, String> {
    let m = k.muatan();
    let (kirim, terima) = tokio::sync::oneshot::channel();
    k.kolam_cari.spawn(move || {
        let _ = kirim.send(m.indeks.cari(&p));
    });
    match terima.await {
        Ok(hasil) => hasil.map_err(|e| e.to_string()),
        Err(_) => Err("pencarian terhenti".to_string()),
    }
}

pub async fn api_cari(State(k): S, Query(params): Params) -> Response {
    let (p, _) = match parameter::permintaan(&params) {
        Ok(p) => p,
        Err(pesan) => {
            return (StatusCode::BAD_REQUEST, Json(json!({"galat": pesan}))).into_response();
        }
    };
    match jalankan_cari(&k, p).await {
        Ok(h) => Json(h).into_response(),
        Err(e) => {
            tracing::error!("pencarian gagal: {e}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({"galat": "pencarian gagal; coba lagi"})),
            )
                .into_response()
        }
    }
}

/// `/cari?…` with one parameter changed (and the page reset).
fn url_cari(p: &Permintaan, ubah: &[(&str, Option<&str>)], halaman: Option<usize>) -> String {
    let mut pasangan: BTreeMap<&str, String> = BTreeMap::new();
    pasangan.insert("q", p.q.clone());
    if let Some(j) = &p.jenis {
        pasangan.insert("jenis", j.clone());
    }
    if let Some(b) = &p.bidang {
        pasangan.insert("bidang", b.clone());
    }
    if let Some(t) = p.tahun {
        pasangan.insert("tahun", t.to_string());
    }
    for (k, v) in ubah {
        match v {
            Some(v) => pasangan.insert(k, v.to_string()),
            None => pasangan.remove(k),
        };
    }
    if let Some(h) = halaman.filter(|h| *h > 1) {
        pasangan.insert("halaman", h.to_string());
    }
    let q: String = form_urlencoded(&pasangan);
    format!("/cari?{q}")
}

fn form_urlencoded(p: &BTreeMap<&str, String>) -> String {
    p.iter()
        .map(|(k, v)| format!("{k}={}", enkode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn enkode(s: &str) -> String {
    let mut keluar = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                keluar.push(b as char)
            }
            b' ' => keluar.push('+'),
            _ => keluar.push_str(&format!("%{b:02X}")),
        }
    }
    keluar
}

pub async fn cari(State(k): S, Query(params): Params) -> Response {
    let (p, halaman) = match parameter::permintaan(&params) {
        Ok(p) => p,
        Err(pesan) => {
            return galat(
                &k,
                StatusCode::BAD_REQUEST,
                "Permintaan tidak valid",
                &pesan,
            );
        }
    };
    let jenis = p.jenis.clone().unwrap_or_default();
    if p.q.is_empty() {
        return render(
            &k,
            StatusCode::OK,
            "cari.html",
            json!({"q": "", "jenis": jenis}),
        );
    }
    let hasil = match jalankan_cari(&k, p.clone()).await {
        Ok(h) => h,
        Err(e) => {
            tracing::error!("pencarian gagal: {e}");
            return galat(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Pencarian gagal",
                "Terjadi kesalahan saat mencari. Coba lagi sebentar lagi.",
            );
        }
    };
    let facet_jenis: Vec<Value> = hasil
        .facets
        .jenis
        .iter()
        .map(|(j, n)| {
            json!({"label": label_jenis(j), "jumlah": n, "aktif": Some(j) == p.jenis.as_ref(),
                   "url": url_cari(&p, &[("jenis", Some(j))], None)})
        })
        .collect();
    let facet_bidang: Vec<Value> = hasil
        .facets
        .bidang
        .iter()
        .filter_map(|(b, n)| {
            let bidang = Bidang::dari_slug(b)?;
            Some(
                json!({"label": bidang.label(), "jumlah": n, "aktif": Some(b) == p.bidang.as_ref(),
                        "url": url_cari(&p, &[("bidang", Some(b))], None)}),
            )
        })
        .collect();
    let jumlah_halaman = hasil.total.div_ceil(p.limit).max(1);
    let hits: Vec<Value> = hasil
        .hits
        .iter()
        .map(|h| {
            let mut v = json!(h);
            v["label_jenis"] = json!(label_jenis(&h.jenis));
            v
        })
        .collect();
    render(
        &k,
        StatusCode::OK,
        "cari.html",
        json!({
            "q": p.q, "jenis": jenis, "bidang": p.bidang.clone().unwrap_or_default(),
            "total": hasil.total, "semua_kata": hasil.semua_kata, "hits": hits, "koreksi": hasil.koreksi,
            "facet_jenis": facet_jenis, "facet_bidang": facet_bidang,
            "tautan_semua_jenis": url_cari(&p, &[("jenis", None)], None),
            "tautan_semua_bidang": url_cari(&p, &[("bidang", None)], None),
            "mulai": p.offset + 1, "halaman": halaman, "jumlah_halaman": jumlah_halaman,
            "sebelumnya": (halaman > 1).then(|| url_cari(&p, &[], Some(halaman - 1))),
            "berikutnya": (halaman < jumlah_halaman).then(|| url_cari(&p, &[], Some(halaman + 1))),
        }),
    )
}

fn ringkas_entri(e: &Entri) -> String {
    match &e.data {
        Data::Regulasi(r) => format!(
            "{} {}/{} · {}",
            r.singkatan_bentuk, r.nomor, r.tahun, r.tentang
        ),
        Data::StudiKasus(s) => s.lokasi.ringkas(),
        Data::Templat(t) => format!("Tahap {}", label_tahap(&t.tahap).to_lowercase()),
        Data::Materi(m) => format!("Modul {} · {} menit", m.urutan, m.durasi),
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
            json!({"url": e.url(), "judul": e.judul, "ringkas": ringkas_entri(e),
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
struct Tautan {
    judul: String,
    url: String,
}

fn tautan(e: &Entri) -> Tautan {
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
            .filter_map(|id| kon.cari(id))
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
        Data::Templat(_) => markdown::ke_html(&naskah_tampil(&e.body)),
        _ => markdown::ke_html_dengan_istilah(&e.body, &tautan),
    };
    let mut ctx = json!({
        "e": {"id": e.id, "judul": e.judul, "koleksi": kol.slug(), "bidang": e.bidang},
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
                        b.iter()
                            .find(|x| x.anchor() == anchor)
                            .map(|x| (x.teks.clone(), format!("/{PERATURAN}/{idk}#{anchor}")))
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
            ctx["korpus_url"] = json!(korpus.map(|(idk, _)| format!("/{PERATURAN}/{idk}")));
        }
        Data::StudiKasus(s) => ctx["lokasi"] = json!(s.lokasi.ringkas()),
        Data::Templat(t) => {
            ctx["label_tahap"] = json!(label_tahap(&t.tahap));
            ctx["panduan_html"] = json!(markdown::ke_html(&t.panduan));
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

pub async fn daftar_peraturan(State(k): S) -> Response {
    let m = k.muatan();
    render(
        &k,
        StatusCode::OK,
        "peraturan-daftar.html",
        json!({"jumlah": m.indeks.meta.peraturan, "dilewati": m.indeks.meta.dilewati, "jenis": PERATURAN}),
    )
}

pub async fn peraturan(State(k): S, Path(id): Path<String>) -> Response {
    let m = k.muatan();
    let mm = m.clone();
    let idc = id.clone();
    let bagian = tokio::task::spawn_blocking(move || mm.indeks.peraturan(&idc)).await;
    let bagian = match bagian {
        Ok(Ok(b)) if !b.is_empty() => b,
        Ok(Ok(_)) => return tidak_ditemukan(&k, &format!("Peraturan `{id}`")),
        _ => {
            return galat(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Naskah tidak dapat dibaca",
                "Terjadi kesalahan saat membaca indeks. Coba lagi.",
            );
        }
    };
    let judul = bagian[0].judul.clone();
    let kurasi = m
        .konten
        .koleksi(Koleksi::Regulasi)
        .find(|e| matches!(&e.data, Data::Regulasi(r) if r.id_korpus().as_deref() == Some(id.as_str())))
        .map(tautan);
    let tampil: Vec<Value> = bagian
        .iter()
        .enumerate()
        .map(|(i, b)| {
            json!({"anchor": if i == 0 { "pembukaan" } else { b.anchor() },
                   "judul": if i == 0 { "Pembukaan".to_string() } else { b.judul.clone() },
                   "konteks": b.konteks, "teks": b.teks})
        })
        .collect();
    let daftar: Vec<Value> = tampil.iter().skip(1).cloned().collect();
    render(
        &k,
        StatusCode::OK,
        "peraturan.html",
        json!({"judul": judul, "bagian": tampil, "daftar_pasal": daftar, "kurasi": kurasi}),
    )
}

pub async fn istilah(State(k): S) -> Response {
    let m = k.muatan();
    let mut daftar: Vec<Value> = m
        .konten
        .istilah
        .iter()
        .map(|i| {
            json!({"istilah": i.istilah, "kepanjangan": i.kepanjangan, "definisi": i.definisi,
                   "sumber": i.sumber, "anchor": i.anchor()})
        })
        .collect();
    daftar.sort_by_key(|v| v["istilah"].as_str().unwrap_or("").to_lowercase());
    render(
        &k,
        StatusCode::OK,
        "istilah.html",
        json!({"istilah": daftar}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_wording_shows_placeholders() {
        assert_eq!(
            naskah_tampil("Nama: {{ pihak_kedua.nama | upper }}{% if x %} (ya){% endif %}"),
            "Nama: «pihak_kedua.nama» (ya)"
        );
    }

    #[test]
    fn search_links_encode_values() {
        let p = Permintaan {
            q: "kerja sama & \"bkad\"".into(),
            ..Default::default()
        };
        assert_eq!(
            url_cari(&p, &[("jenis", Some("regulasi"))], Some(2)),
            "/cari?halaman=2&jenis=regulasi&q=kerja+sama+%26+%22bkad%22"
        );
    }
}
