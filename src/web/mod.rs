//! The web service: HTML pages (tera) and a JSON API over the same content and index.
//!
//! Helpers return `Result<_, Response>` to answer early; a response is large, and boxing it
//! for the error path would buy nothing, hence the lint allowance.
#![allow(clippy::result_large_err)]

mod akun;
pub mod api;
mod cari;
mod cetak;
mod desa;
mod dokumen;
mod draf;
mod formulir;
mod halaman;
mod isian;
mod istilah;
mod jaga;
mod koleksi;
mod layanan;
mod parameter;
mod pelatihan;
mod peraturan;
mod register;
mod sesi;
mod statis;
mod tembolok;
mod terbit;
mod unduhan;

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::dokumen::Mesin;
use crate::konten::Konten;
use crate::search::Indeks;
use crate::search::generasi;

/// Content and index, swapped together when a new index generation appears.
pub struct Muatan {
    pub konten: Konten,
    pub indeks: Indeks,
    pub mesin: Mesin,
}

pub struct Keadaan {
    tera: tera::Tera,
    muatan: RwLock<Arc<Muatan>>,
    content_dir: PathBuf,
    index_dir: PathBuf,
    templates_dir: PathBuf,
    zona: crate::opsi::Zona,
    /// Accounts, profiles, drafts, issued documents.
    gudang: crate::simpan::Gudang,
    /// A TLS proxy is in front: cookies are `Secure`, the client address is the proxy's
    /// `X-Forwarded-For`.
    https_di_depan: bool,
    /// The public address of the site (`--url-publik`), printed in QR codes; the request's
    /// host when not set.
    url_publik: Option<String>,
    /// Whether the verification page offers the issued PDF for download.
    unduhan_publik: bool,
    /// Searches are CPU work and run here, one thread per core, never on the async workers.
    kolam_cari: rayon::ThreadPool,
    /// PDF compiles run here: a fixed set of long-lived threads, one per compile slot. With
    /// tokio's blocking pool, threads came and went and each new one could take a new malloc
    /// arena; memory kept stepping up over 20,000 renders.
    kolam_dokumen: rayon::ThreadPool,
    /// PDF compiles at once; beyond this the server answers 503 instead of queueing.
    izin_dokumen: tokio::sync::Semaphore,
}

impl Keadaan {
    /// Runs `kerja` on the document threads; None when it panicked.
    async fn di_kolam_dokumen<T: Send + 'static>(
        &self,
        kerja: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        let (kirim, terima) = tokio::sync::oneshot::channel();
        self.kolam_dokumen.spawn(move || {
            let _ = kirim.send(kerja());
        });
        terima.await.ok()
    }

    fn muatan(&self) -> Arc<Muatan> {
        self.muatan
            .read()
            .map(|m| m.clone())
            .unwrap_or_else(|e| e.into_inner().clone())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("templat HTML tidak valid: {0}")]
    Templat(#[from] tera::Error),
    #[error("tidak dapat memulai thread pencarian: {0}")]
    Thread(#[from] rayon::ThreadPoolBuildError),
    #[error("tidak dapat membuka alamat {0}: {io}", io = crate::berkas::pesan_io(.1))]
    Alamat(SocketAddr, std::io::Error),
}

macro_rules! templat {
    ($($nama:literal),* $(,)?) => {
        [$(($nama, include_str!(concat!("../../templates/", $nama)))),*]
    };
}

fn muat_tera() -> Result<tera::Tera, tera::Error> {
    let mut t = tera::Tera::new();
    // Counts as Indonesian readers write them: 4.181, not 4181.
    t.register_filter("ribuan", |x: i64, _: tera::Kwargs, _: &tera::State| {
        let tanda = if x < 0 { "-" } else { "" };
        format!("{tanda}{}", crate::format::ribuan(x.unsigned_abs()))
    });
    t.add_raw_templates(templat![
        "dasar.html",
        "_formulir.html",
        "_form_cari.html",
        "beranda.html",
        "cari.html",
        "koleksi.html",
        "entri.html",
        "peraturan.html",
        "peraturan-daftar.html",
        "peraturan-pasal.html",
        "peraturan-cetak.html",
        "istilah.html",
        "galat.html",
        "dokumen-daftar.html",
        "dokumen-formulir.html",
        "materi-unduh.html",
        "masuk.html",
        "akun.html",
        "desa-daftar.html",
        "desa-profil.html",
        "draf-daftar.html",
        "draf-riwayat.html",
        "verifikasi.html",
        "verifikasi-unggah.html",
        "terbitan-daftar.html",
        "register.html",
        "produk-hukum.html",
        "penawaran.html",
    ])?;
    Ok(t)
}

/// Where the server finds its content, index and templates.
#[derive(Debug, Clone)]
pub struct Folder {
    pub content: PathBuf,
    pub index: PathBuf,
    pub templates: PathBuf,
    /// The villages' time zone, for document dates.
    pub zona: crate::opsi::Zona,
}

/// A whole request (body upload included, on a slow phone connection) must finish within this.
const BATAS_PERMINTAAN: Duration = Duration::from_secs(120);

/// JSON and YAML bodies of the API larger than this get a 413 (an emblem as a data URL fits).
/// The same data given to the command line (`--data`, `--acara`) is refused above it too.
pub const BATAS_BODY: usize = 2 * 1024 * 1024;

/// Form bodies larger than this get a 413: room for a phone photo as an emblem
/// ([`crate::dokumen::gambar::BATAS_UNGGAH`]) with the rest of the form, so that a photo too
/// large to use is read and refused beside its field, with the form kept; beyond this the
/// body is not read at all.
pub(crate) const BATAS_FORM: usize = 20 * 1024 * 1024;

/// What a page says about a body over [`BATAS_FORM`].
pub(crate) fn pesan_terlalu_besar() -> String {
    format!(
        "Isian yang dikirim lebih dari {} MB, sehingga tidak dibaca. Kembali ke formulir dan \
         pilih foto atau berkas yang lebih kecil.",
        BATAS_FORM / (1024 * 1024)
    )
}

/// What the API says about a body over [`BATAS_BODY`].
pub(crate) fn pesan_terlalu_besar_api() -> String {
    format!(
        "isi permintaan lebih dari {} MB",
        BATAS_BODY / (1024 * 1024)
    )
}

/// How the server is deployed (the `serve` options).
pub struct Layanan {
    pub https_di_depan: bool,
    pub url_publik: Option<String>,
    pub unduhan_publik: bool,
}

/// What the server keeps and how it is deployed.
pub struct Pengaturan {
    pub gudang: crate::simpan::Gudang,
    /// `--https-di-depan`
    pub https_di_depan: bool,
    /// `--url-publik`
    pub url_publik: Option<String>,
    /// Verification pages offer the issued PDF (`--tanpa-unduhan-verifikasi` turns it off).
    pub unduhan_publik: bool,
}

/// The router, for the server and for tests.
pub fn router(
    muatan: Muatan,
    folder: Folder,
    pengaturan: Pengaturan,
) -> Result<(Router, Arc<Keadaan>), WebError> {
    let inti = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let keadaan = Arc::new(Keadaan {
        tera: muat_tera()?,
        muatan: RwLock::new(Arc::new(muatan)),
        content_dir: folder.content,
        index_dir: folder.index,
        templates_dir: folder.templates,
        zona: folder.zona,
        gudang: pengaturan.gudang,
        https_di_depan: pengaturan.https_di_depan,
        url_publik: pengaturan
            .url_publik
            .map(|u| u.trim_end_matches('/').to_string()),
        unduhan_publik: pengaturan.unduhan_publik,
        kolam_cari: rayon::ThreadPoolBuilder::new()
            .num_threads(inti)
            .thread_name(|i| format!("cari-{i}"))
            // A search that panics fails its request (its answer channel closes); the
            // server goes on.
            .panic_handler(|_| tracing::error!("pencarian gagal: panic di thread pencarian"))
            .build()?,
        kolam_dokumen: rayon::ThreadPoolBuilder::new()
            .num_threads(inti * 2)
            .thread_name(|i| format!("dokumen-{i}"))
            .panic_handler(|_| tracing::error!("penyusunan dokumen gagal: panic"))
            .build()?,
        izin_dokumen: tokio::sync::Semaphore::new(inti * 2),
    });
    let app = Router::new()
        .route("/", get(halaman::beranda))
        .route("/cari", get(cari::cari))
        .route("/api/cari", get(cari::api_cari))
        .route("/api/openapi.json", get(api::openapi))
        .route("/healthz", get(halaman::healthz))
        .route("/istilah", get(istilah::istilah))
        .route("/peraturan", get(peraturan::daftar_peraturan))
        .route("/peraturan/{id}", get(peraturan::peraturan))
        .route("/peraturan/{id}/pasal/{nomor}", get(peraturan::pasal))
        .route("/peraturan/{id}/cetak", get(peraturan::cetak))
        .route(
            "/materi/unduh",
            get(pelatihan::formulir_unduh).post(pelatihan::unduh),
        )
        .route("/dokumen", get(dokumen::daftar))
        .route(
            "/dokumen/{jenis}",
            get(dokumen::formulir).post(dokumen::kirim),
        )
        .route("/api/dokumen", get(dokumen::api_daftar))
        .route(
            "/api/dokumen/{jenis}",
            axum::routing::post(dokumen::api_buat)
                .layer(axum::extract::DefaultBodyLimit::max(BATAS_BODY)),
        )
        .route("/masuk", get(akun::masuk_form).post(akun::masuk))
        .route("/keluar", axum::routing::post(akun::keluar))
        .route("/akun", get(akun::akun))
        .route("/akun/sandi", axum::routing::post(akun::ganti_sandi))
        .route("/akun/token", axum::routing::post(akun::buat_token))
        .route("/akun/token/cabut", axum::routing::post(akun::cabut_token))
        .route("/desa", get(desa::daftar))
        .route("/desa/{kode}", get(desa::profil).post(desa::simpan))
        .route(
            "/api/desa/{kode}/profil",
            get(desa::api_profil)
                .put(desa::api_simpan_profil)
                .layer(axum::extract::DefaultBodyLimit::max(BATAS_BODY)),
        )
        .route("/api/wilayah/desa", get(desa::cari_wilayah))
        .route("/draf", get(draf::daftar))
        .route("/draf/{id}", get(draf::buka))
        .route("/draf/{id}/riwayat", get(draf::riwayat))
        .route("/draf/{id}/pulihkan", axum::routing::post(draf::pulihkan))
        .route("/terbitan", get(terbit::daftar))
        .route("/terbitan/{kode}", get(terbit::detail))
        .route("/terbitan/{kode}/cabut", axum::routing::post(terbit::cabut))
        .route(
            "/verifikasi",
            get(terbit::periksa_form).post(terbit::periksa_unggahan),
        )
        .route("/verifikasi/{kode}", get(terbit::verifikasi))
        .route("/penawaran", get(terbit::penawaran))
        .route("/verifikasi/{kode}/pdf", get(terbit::unduh))
        .route("/register", get(register::lihat).post(register::catat))
        .route(
            "/register/{id}/status",
            axum::routing::post(register::status),
        )
        .route("/register/{id}/pdf", get(register::pdf))
        .route("/produk-hukum/{id}", get(register::produk))
        .route("/register/{berkas}", get(register::ekspor))
        .route("/statis/{berkas}", get(statis::berkas))
        .route("/api/{*sisa}", axum::routing::any(halaman::api_tidak_ada))
        .route("/{koleksi}", get(koleksi::koleksi))
        .route("/{koleksi}/{id}", get(koleksi::entri))
        .fallback(halaman::tidak_ada)
        .layer(axum::middleware::from_fn_with_state(
            keadaan.clone(),
            jaga::jaga,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(BATAS_FORM))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            BATAS_PERMINTAAN,
        ))
        .layer(
            // PDFs and ZIPs are compressed already.
            CompressionLayer::new().compress_when(
                DefaultPredicate::new()
                    .and(NotForContentType::const_new("application/pdf"))
                    .and(NotForContentType::const_new("application/zip")),
            ),
        )
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &axum::extract::Request| {
                    // The path only: queries may carry what people typed.
                    tracing::info_span!("http", metode = %req.method(), jalur = %req.uri().path())
                })
                .on_request(())
                .on_response(
                    |res: &axum::response::Response, lama: Duration, _: &tracing::Span| {
                        tracing::info!(
                            status = res.status().as_u16(),
                            ms = format_args!("{:.1}", lama.as_secs_f64() * 1000.0),
                            "selesai"
                        );
                    },
                )
                .on_failure(()),
        )
        .with_state(keadaan.clone());
    Ok((app, keadaan))
}

/// Follows `index/CURRENT`: when another process (`sinergi index`) swaps in a new generation,
/// the server loads it with the content and switches over; until then it answers from the old.
/// A generation that cannot be used is tried once, not every two seconds.
async fn pantau_indeks(keadaan: Arc<Keadaan>) {
    let mut jeda = tokio::time::interval(Duration::from_secs(2));
    let mut dicoba = Some(keadaan.muatan().indeks.dir().to_path_buf());
    loop {
        jeda.tick().await;
        let baru = generasi::generasi_sekarang(&keadaan.index_dir);
        if baru.is_none() || baru == dicoba {
            continue;
        }
        dicoba = baru;
        let k = keadaan.clone();
        let hasil = tokio::task::spawn_blocking(move || {
            let konten = crate::konten::muat(&k.content_dir).map_err(|e| e.to_string())?;
            let indeks = generasi::buka(&k.index_dir, generasi::Periksa::Penuh)
                .map_err(|e| e.to_string())?;
            let mesin = Mesin::muat(&konten, &k.templates_dir.join("dokumen"))
                .map_err(|e| e.to_string())?
                .dengan_zona(k.zona);
            Ok::<_, String>(Muatan {
                konten,
                indeks,
                mesin,
            })
        })
        .await;
        match hasil {
            Ok(Ok(m)) => {
                tracing::info!(dir = %m.indeks.dir().display(), "indeks baru dipakai");
                if let Ok(mut g) = keadaan.muatan.write() {
                    *g = Arc::new(m);
                }
            }
            Ok(Err(e)) => tracing::warn!("indeks baru belum dapat dipakai: {e}"),
            Err(e) => tracing::warn!("pemuatan indeks gagal: {e}"),
        }
    }
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn jalankan(
    addr: SocketAddr,
    muatan: Muatan,
    folder: Folder,
    pengaturan: Pengaturan,
) -> Result<(), WebError> {
    let (app, keadaan) = router(muatan, folder, pengaturan)?;
    tokio::spawn(pantau_indeks(keadaan));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| WebError::Alamat(addr, e))?;
    let alamat = listener.local_addr().unwrap_or(addr);
    // Not `eprintln!`: a server whose stderr was closed must go on serving.
    let _ = writeln!(
        std::io::stderr(),
        "Sinergi melayani di http://{alamat} (Ctrl-C untuk berhenti)"
    );
    layanan::layani(listener, app, sinyal_berhenti()).await;
    Ok(())
}

async fn sinyal_berhenti() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    /// Counts read as Indonesian readers write them, and a negative one keeps its sign.
    #[test]
    fn the_ribuan_filter_groups_digits_and_keeps_the_sign() {
        let mut t = super::muat_tera().expect("templates");
        t.add_raw_template("uji", "{{ a | ribuan }} {{ b | ribuan }} {{ c | ribuan }}")
            .expect("template");
        let ctx = tera::Context::from_serialize(&serde_json::json!({
            "a": 4181, "b": -1500000, "c": 0
        }))
        .expect("context");
        assert_eq!(t.render("uji", &ctx).expect("render"), "4.181 -1.500.000 0");
    }
}
