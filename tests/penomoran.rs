//! Numbers never collide and leave no gaps: 50 documents issued by 8 concurrent clients get 50
//! distinct consecutive numbers — on SQLite, and on PostgreSQL when `DATABASE_URL` names one
//! (`.ci/run` starts a server and sets it).

mod common;

use std::path::Path;
use std::sync::Arc;

use sinergi::dokumen::Mesin;
use sinergi::konten;
use sinergi::simpan::{Gudang, Sumber};
use sinergi::terbit::{self, Penerbitan};

use common::PgUji;

const PERDES: &str = "perdes-kerja-sama-desa";
const DESA: &str = "32.05.03.2001";

async fn terbitkan_banyak(g: Gudang) {
    let akar = Path::new(env!("CARGO_MANIFEST_DIR"));
    let k = konten::muat(&akar.join("content")).expect("content");
    let mesin = Arc::new(Mesin::muat(&k, &akar.join("templates/dokumen")).expect("engine"));
    let g = Arc::new(g);
    let tugas: Vec<_> = (0..8)
        .map(|klien| {
            let (g, mesin) = (g.clone(), mesin.clone());
            tokio::spawn(async move {
                let j = mesin.jenis(PERDES).expect("perdes");
                let mut contoh = j.contoh();
                contoh["desa"]["nama"] = serde_json::json!("Wanaraja");
                let mut nomor = Vec::new();
                let jumlah = if klien < 2 { 7 } else { 6 };
                for _ in 0..jumlah {
                    let t = terbit::terbitkan(
                        &g,
                        Penerbitan {
                            jenis: PERDES,
                            judul_jenis: &j.judul,
                            formulir: &j.formulir,
                            penomoran: j.penomoran.as_ref(),
                            data: &contoh,
                            desa: &[DESA.to_string()],
                            draf: None,
                            menggantikan: None,
                            oleh: "uji",
                            hari_ini: "2025-11-29",
                        },
                        |kode| format!("http://uji/verifikasi/{kode}"),
                        |_data, v| async move {
                            // A stand-in for the PDF: unique per document, rendered slowly
                            // enough that issuers overlap.
                            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                            Ok(format!("%PDF-uji {}", v.kode).into_bytes())
                        },
                    )
                    .await
                    .expect("issued");
                    nomor.push(t.nomor[0].urut);
                }
                nomor
            })
        })
        .collect();
    let mut semua = Vec::new();
    for t in tugas {
        semua.extend(t.await.expect("client"));
    }
    semua.sort();
    assert_eq!(
        semua,
        (1..=50).collect::<Vec<i64>>(),
        "50 distinct consecutive numbers"
    );
    // The register of legal products holds each Peraturan Desa once.
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM produk_hukum WHERE kode_desa = $1")
        .bind(DESA)
        .fetch_one(g.pool())
        .await
        .expect("count");
    assert_eq!(n, 50);
    g.tutup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_issuers_get_consecutive_numbers_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = Gudang::buka(&Sumber::Folder(dir.path().to_path_buf()))
        .await
        .expect("db");
    terbitkan_banyak(g).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_issuers_get_consecutive_numbers_on_postgres() {
    let Some(pg) = PgUji::baru("penomoran").await else {
        eprintln!("DATABASE_URL is not set: the PostgreSQL run is left to .ci/run");
        return;
    };
    let g = Gudang::buka(&Sumber::Url(pg.url.clone()))
        .await
        .expect("postgres");
    terbitkan_banyak(g).await;
    pg.hapus().await;
}
