//! Memory over time: 20,000 different documents rendered through `POST /api/dokumen/…` of the
//! real server (two clients), the server's RSS printed every 2,000. It must level off: the last
//! four readings within 5 % of each other. Prints numbers; asserts nothing.
//! Run: `cargo bench --bench memori`.

mod bersama;

use std::path::Path;
use std::time::Instant;

const PKS: &str = "perjanjian-kerja-sama-pihak-ketiga";
const JUMLAH: usize = 20_000;
const SELANG: usize = 2_000;

/// The server's resident memory, in MB.
fn rss_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// The example with a different name in it, so no render repeats another.
fn varian(contoh: &serde_json::Value, i: usize) -> serde_json::Value {
    let mut v = contoh.clone();
    if let Some(nama) = v
        .pointer_mut("/pihak_kedua/nama")
        .and_then(|n| n.as_str().map(|s| format!("{s} {i}")))
    {
        v["pihak_kedua"]["nama"] = serde_json::json!(nama);
    }
    v
}

fn main() {
    let akar = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sinergi"))
        .current_dir(akar)
        .args(["dokumen", PKS, "--contoh"])
        .output()
        .expect("example");
    let contoh: serde_json::Value = serde_yaml::from_slice(&out.stdout).expect("example YAML");
    let idx = tempfile::tempdir().expect("tempdir");
    let (mut server, alamat) = bersama::mulai_server(
        akar,
        &[std::ffi::OsStr::new("--index"), idx.path().as_os_str()],
    )
    .expect("server");
    let pid = server.id();
    let url = format!("{alamat}/api/dokumen/{PKS}");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    println!("Sinergi memory benchmark: {JUMLAH} different PKS documents through the API");
    let mulai = Instant::now();
    let mut bacaan = Vec::new();
    rt.block_on(async {
        let klien = reqwest::Client::new();
        let mut selesai = 0;
        while selesai < JUMLAH {
            // Two clients, each taking every other document of this stretch.
            let tugas: Vec<_> = (0..2)
                .map(|c| {
                    let (klien, url, contoh) = (klien.clone(), url.clone(), contoh.clone());
                    tokio::spawn(async move {
                        let mut i = selesai + c;
                        while i < selesai + SELANG {
                            loop {
                                let r = klien.post(&url).json(&varian(&contoh, i)).send().await;
                                match r.map(|r| r.status().as_u16()) {
                                    Ok(200) => break,
                                    Ok(503) => {
                                        tokio::time::sleep(std::time::Duration::from_millis(5))
                                            .await
                                    }
                                    other => panic!("render {i}: {other:?}"),
                                }
                            }
                            i += 2;
                        }
                    })
                })
                .collect();
            for t in tugas {
                t.await.expect("client");
            }
            selesai += SELANG;
            let mb = rss_mb(pid);
            bacaan.push(mb);
            println!(
                "after {selesai:>6} renders: RSS {mb:6.1} MB ({:.0} s)",
                mulai.elapsed().as_secs_f64()
            );
        }
    });
    let _ = server.kill();
    let _ = server.wait();
    let akhir = &bacaan[bacaan.len().saturating_sub(4)..];
    let (min, maks) = akhir
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(*x), b.max(*x)));
    println!(
        "last four readings within {:.1} % of each other (target ≤ 5 %): {}",
        (maks / min - 1.0) * 100.0,
        if maks / min - 1.0 <= 0.05 {
            "levels off"
        } else {
            "still growing"
        }
    );
}
