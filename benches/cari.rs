//! Search benchmark: index throughput on the real corpus and on synthetic entries (10k, 100k),
//! warm query latency (p50/p99) over realistic queries, and the server's search throughput under
//! loopback load. Prints numbers against the targets; asserts nothing.
//!
//! Run: `cargo bench --bench cari` (set SINERGI_KORPUS to the corpus folder if it is not at
//! `../shared/corpus/peraturan`; SINERGI_BENCH_CEPAT=1 skips the synthetic runs, SINERGI_BENCH_TANPA_SERVER=1 the
//! server load, SINERGI_BENCH_RINCI=1 prints each query's median).

mod bersama;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sinergi::konten;
use sinergi::search::generasi;
use sinergi::search::query::Permintaan;

const KUERI: &[&str] = &[
    "kerja sama antar desa",
    "kerjasama desa dengan pihak ketiga",
    "badan kerja sama antar-desa",
    "BKAD",
    "bumdes bersama",
    "peraturan bersama kepala desa",
    "\"keadaan memaksa\"",
    "musyawarah antar desa",
    "pasal 92 uu desa",
    "permendagri 96 2017",
    "penyelesaian perselisihan",
    "tanah kas desa",
    "pelaporan kepada bpd",
    "pengelolaan keuangan desa",
    "anggaran pendapatan dan belanja desa",
    "pembangunan kawasan perdesaan",
    "hak dan kewajiban para pihak",
    "jangka waktu perjanjian",
    "pemberdayaan masyarakat",
    "air minum",
    "pariwisata desa",
    "monitoring dan evaluasi",
    "perdes",
    "lembaga kemasyarakatan desa",
    "musyawara desa",
    "pajak daerah dan retribusi",
    "perlindungan lingkungan hidup",
    "keamanan dan ketertiban",
    "cipta kerja",
    "otonomi daerah",
];

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn persentil(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn ukuran_folder(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|r| {
            r.flatten()
                .map(|e| {
                    let m = e
                        .metadata()
                        .map(|m| (m.is_dir(), m.len()))
                        .unwrap_or((false, 0));
                    if m.0 { ukuran_folder(&e.path()) } else { m.1 }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// A repeatable stream of pseudo-random numbers (xorshift), so every run measures the same data.
fn acak(mut x: u64) -> impl FnMut() -> usize {
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as usize
    }
}

/// Synthetic case studies built from real words of the corpus, so the vocabulary is realistic.
fn sintetis(n: usize, kosakata: &[String], dir: &Path) {
    let bidang = [
        "ekonomi dan usaha bersama",
        "sosial kemasyarakatan",
        "lingkungan hidup",
        "pelayanan publik",
        "infrastruktur",
    ];
    let folder = dir.join("studi-kasus");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let mut berikut = acak(0x9E37_79B9_7F4A_7C15);
    for i in 0..n {
        let mut kata = |k: usize| -> String {
            (0..k)
                .map(|_| kosakata[berikut() % kosakata.len()].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let judul = kata(6);
        let body = format!("{}.\n\n{}.\n\n{}.\n", kata(60), kata(80), kata(40));
        let teks = format!(
            "---\njudul: \"{judul}\"\nlokasi:\n  desa: [\"{}\"]\n  kabupaten: \"{}\"\n\
             jenis_kerja_sama: antar-desa\nbidang: [{}]\ntahun: {}\nhasil: \"{}\"\n\
             sumber: https://example.org/kasus/{i}\n---\n{body}",
            kata(1),
            kata(1),
            bidang[i % bidang.len()],
            2000 + (i % 25),
            kata(12)
        );
        std::fs::write(folder.join(format!("kasus-{i}.md")), teks).expect("write");
    }
}

fn kosakata(korpus: Option<&Path>) -> Vec<String> {
    let teks = korpus
        .and_then(|k| std::fs::read_to_string(k.join("uu/2014/6.md")).ok())
        .unwrap_or_else(|| {
            "desa kerja sama antar pihak ketiga badan musyawarah pembangunan pemberdayaan \
             masyarakat keuangan perjanjian pelaksanaan pelaporan pengawasan bersama usaha"
                .repeat(10)
        });
    let mut v: Vec<String> = teks
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect();
    v.sort();
    v.dedup();
    v
}

fn bangun(konten_dir: &Path, korpus: Option<&Path>, index_dir: &Path) -> (Duration, Duration, u64) {
    let t0 = Instant::now();
    let k = konten::muat(konten_dir).expect("content is valid");
    let muat = t0.elapsed();
    let t1 = Instant::now();
    let meta = generasi::bangun(&k, korpus, index_dir, &mut |_| {}).expect("index builds");
    (muat, t1.elapsed(), meta.dokumen)
}

fn latensi(indeks: &sinergi::search::Indeks, putaran: usize) -> (f64, f64, f64) {
    for q in KUERI {
        let _ = indeks.cari(&Permintaan {
            q: q.to_string(),
            limit: 10,
            ..Default::default()
        });
    }
    let mut waktu = Vec::new();
    for _ in 0..putaran {
        for q in KUERI {
            let t = Instant::now();
            let h = indeks
                .cari(&Permintaan {
                    q: q.to_string(),
                    limit: 10,
                    ..Default::default()
                })
                .expect("search");
            std::hint::black_box(h);
            waktu.push(ms(t.elapsed()));
        }
    }
    if std::env::var_os("SINERGI_BENCH_RINCI").is_some() {
        // Per-query medians, to see which queries cost most.
        for (i, q) in KUERI.iter().enumerate() {
            let mut w: Vec<f64> = waktu.iter().skip(i).step_by(KUERI.len()).copied().collect();
            println!("  {:>7.2} ms  {q}", persentil(&mut w, 0.5));
        }
    }
    let p50 = persentil(&mut waktu, 0.5);
    let p99 = persentil(&mut waktu, 0.99);
    let maks = persentil(&mut waktu, 1.0);
    (p50, p99, maks)
}

/// Loads the real `sinergi serve` binary (release) on loopback with wrk: once with the realistic
/// queries in turn, once with `acak` (distinct queries, so nothing is answered from warm state
/// built by earlier requests for the same words).
fn beban_server(konten_dir: &Path, index_dir: &Path, acak: &[String]) {
    let args = [
        std::ffi::OsStr::new("--content"),
        konten_dir.as_os_str(),
        std::ffi::OsStr::new("--index"),
        index_dir.as_os_str(),
    ];
    let (mut server, alamat) =
        match bersama::mulai_server(Path::new(env!("CARGO_MANIFEST_DIR")), &args) {
            Ok(s) => s,
            Err(e) => {
                println!("server load: cannot start sinergi ({e}); skipped");
                return;
            }
        };
    let realistis: Vec<String> = KUERI.iter().map(|q| q.to_string()).collect();
    for (nama, kueri) in [
        (
            format!("{} realistic queries in turn", KUERI.len()),
            &realistis,
        ),
        (
            format!("{} distinct two-word queries", acak.len()),
            &acak.to_vec(),
        ),
    ] {
        wrk(&alamat, &nama, kueri);
    }
    let _ = server.kill();
    let _ = server.wait();
}

fn wrk(alamat: &str, nama: &str, kueri: &[String]) {
    let skrip = std::env::temp_dir().join("sinergi-wrk.lua");
    let daftar: Vec<String> = kueri
        .iter()
        .map(|q| {
            format!(
                "\"/api/cari?limit=10&q={}\"",
                q.replace(' ', "+").replace('"', "%22")
            )
        })
        .collect();
    std::fs::write(
        &skrip,
        format!(
            "local p = {{{}}}\nlocal i = 0\nrequest = function()\n  i = i % #p + 1\n  return wrk.format(\"GET\", p[i])\nend\n",
            daftar.join(", ")
        ),
    )
    .expect("write lua");
    let wrk = std::process::Command::new("wrk")
        .args(["-t2", "-c32", "-d10s", "--latency", "-s"])
        .arg(&skrip)
        .arg(alamat)
        .output();
    match wrk {
        Ok(out) if out.status.success() => {
            let teks = String::from_utf8_lossy(&out.stdout);
            let rps = teks
                .lines()
                .find(|l| l.starts_with("Requests/sec:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<f64>().ok())
                .unwrap_or(0.0);
            let p50 = teks
                .lines()
                .find(|l| l.trim_start().starts_with("50%"))
                .unwrap_or("")
                .trim();
            let p99 = teks
                .lines()
                .find(|l| l.trim_start().starts_with("99%"))
                .unwrap_or("")
                .trim();
            println!(
                "server /api/cari (sinergi serve, {nama}) under wrk on the same 2 cores \
                 (2 threads, 32 connections, 10 s): {rps:.0} req/s (target ≥ 3000: {:.2}×); \
                 latency {p50}, {p99}",
                rps / 3000.0
            );
        }
        Ok(out) => println!(
            "server load: wrk failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(e) => println!("server load: cannot run wrk ({e}; apt-get install wrk); skipped"),
    }
}

/// `n` distinct queries of two words of the vocabulary (five letters or more).
fn kueri_acak(kosakata: &[String], n: usize) -> Vec<String> {
    let kata: Vec<&String> = kosakata.iter().filter(|k| k.len() >= 5).collect();
    let mut berikut = acak(0x2545_F491_4F6C_DD1D);
    let mut hasil = std::collections::BTreeSet::new();
    while hasil.len() < n.min(kata.len() * kata.len() / 2) {
        let (a, b) = (kata[berikut() % kata.len()], kata[berikut() % kata.len()]);
        if a != b {
            hasil.insert(format!("{a} {b}"));
        }
    }
    hasil.into_iter().collect()
}

fn main() {
    let korpus: Option<PathBuf> = std::env::var_os("SINERGI_KORPUS")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from("../shared/corpus/peraturan")))
        .filter(|p| p.is_dir());
    let konten_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let kerja = tempfile::tempdir().expect("tempdir");
    println!(
        "Sinergi search benchmark ({} cores)",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );

    if let Some(k) = &korpus {
        let mb = ukuran_folder(k) as f64 / 1e6;
        let idx = kerja.path().join("index-korpus");
        let (_, t, dok) = bangun(&konten_dir, Some(k), &idx);
        println!(
            "corpus: {mb:.0} MB indexed in {:.1} s ({:.1} MB/s, {:.0} docs/s, {dok} docs; target < 60 s: {:.2}×)",
            t.as_secs_f64(),
            mb / t.as_secs_f64(),
            dok as f64 / t.as_secs_f64(),
            t.as_secs_f64() / 60.0
        );
        let indeks = generasi::buka(&idx, generasi::Periksa::Ukuran).expect("open");
        let (p50, p99, maks) = latensi(&indeks, 20);
        println!(
            "warm query (corpus + content, 10 hits with snippets and facets), {} queries × 20: \
             p50 {p50:.2} ms, p99 {p99:.2} ms, max {maks:.2} ms (target p99 < 10 ms: {:.2}×)",
            KUERI.len(),
            p99 / 10.0
        );
        if std::env::var_os("SINERGI_BENCH_TANPA_SERVER").is_none() {
            beban_server(&konten_dir, &idx, &kueri_acak(&kosakata(Some(k)), 2000));
        }
    } else {
        println!("corpus: not found (set SINERGI_KORPUS); skipped");
    }

    let kosakata = kosakata(korpus.as_deref());
    let ukuran: &[usize] = if std::env::var_os("SINERGI_BENCH_CEPAT").is_some() {
        &[]
    } else {
        &[10_000, 100_000]
    };
    for &n in ukuran {
        let dir = kerja.path().join(format!("sintetis-{n}"));
        sintetis(n, &kosakata, &dir);
        let idx = kerja.path().join(format!("index-{n}"));
        let (muat, t, dok) = bangun(&dir, None, &idx);
        println!(
            "synthetic {n} entries: load+validate {:.1} s, index {:.1} s ({:.0} docs/s, {dok} docs; \
             total {:.1} s, target < 60 s: {:.2}×)",
            muat.as_secs_f64(),
            t.as_secs_f64(),
            dok as f64 / t.as_secs_f64(),
            (muat + t).as_secs_f64(),
            (muat + t).as_secs_f64() / 60.0
        );
        let indeks = generasi::buka(&idx, generasi::Periksa::Ukuran).expect("open");
        let (p50, p99, _) = latensi(&indeks, 5);
        println!("  warm query on {n}: p50 {p50:.2} ms, p99 {p99:.2} ms");
    }
}
