//! Index builds are atomic: a failed or interrupted build never leaves a broken index, and a
//! running server answers from the old index until the new one is swapped in.

mod common;

use std::time::{Duration, Instant};

use common::{REGULASI_SAH, Server, bin, pohon};

fn index(
    content: &std::path::Path,
    index: &std::path::Path,
    ekstra: &[&str],
) -> std::process::Output {
    bin()
        .arg("--content")
        .arg(content)
        .arg("--index")
        .arg(index)
        .arg("index")
        .args(ekstra)
        .output()
        .expect("run")
}

fn generasi(index: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(index)
        .expect("index dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("gen-"))
        .collect();
    v.sort();
    v
}

/// Edits the one entry so that it mentions "pamong", a word nothing else has.
fn tambah_pamong(content: &std::path::Path) {
    std::fs::write(
        content.join("regulasi/uu-6-2014.md"),
        REGULASI_SAH.replace(
            "Undang-undang tentang desa.",
            "Undang-undang tentang desa dan pamong.",
        ),
    )
    .expect("write");
}

#[test]
fn failed_build_keeps_the_current_index() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let idx = tempfile::tempdir().expect("tempdir");
    assert!(index(content.path(), idx.path(), &[]).status.success());
    let sebelum = std::fs::read_link(idx.path().join("current")).expect("current link");

    // A corpus folder that does not exist makes the build fail.
    let out = index(content.path(), idx.path(), &["--korpus", "/tidak/ada"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("korpus"));
    assert_eq!(
        std::fs::read_link(idx.path().join("current")).expect("link"),
        sebelum
    );
    assert_eq!(generasi(idx.path()).len(), 1, "no stray generation is left");

    // Invalid content never reaches the index either.
    std::fs::write(content.path().join("regulasi/uu-6-2014.md"), "rusak").expect("write");
    assert!(!index(content.path(), idx.path(), &[]).status.success());
    assert_eq!(
        std::fs::read_link(idx.path().join("current")).expect("link"),
        sebelum
    );
}

#[test]
fn interrupted_build_leftovers_are_cleaned_and_ignored() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let idx = tempfile::tempdir().expect("tempdir");
    assert!(index(content.path(), idx.path(), &[]).status.success());
    // What a killed build leaves behind: a half-written generation that `current` never saw.
    std::fs::create_dir_all(idx.path().join("gen-1/sampah")).expect("mkdir");
    let out = bin()
        .arg("--content")
        .arg(content.path())
        .arg("--index")
        .arg(idx.path())
        .args(["search", "desa", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(j["total"], 1);
    assert!(index(content.path(), idx.path(), &[]).status.success());
    assert_eq!(generasi(idx.path()).len(), 1);
}

#[test]
fn unchanged_content_is_not_indexed_again() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let idx = tempfile::tempdir().expect("tempdir");
    assert!(index(content.path(), idx.path(), &[]).status.success());
    let pertama = generasi(idx.path());
    let cari = || {
        bin()
            .arg("--content")
            .arg(content.path())
            .arg("--index")
            .arg(idx.path())
            .args(["search", "desa"])
            .output()
            .expect("run")
    };
    let out = cari();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("membangun indeks"));
    assert_eq!(generasi(idx.path()), pertama);
    // A changed file is picked up.
    tambah_pamong(content.path());
    let out = cari();
    assert!(String::from_utf8_lossy(&out.stderr).contains("membangun indeks"));
    assert_ne!(generasi(idx.path()), pertama);
}

#[tokio::test]
async fn running_server_switches_to_a_new_index_without_a_gap() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let idx = tempfile::tempdir().expect("tempdir");
    let idx_path = idx.path().to_path_buf();
    let server = Server::mulai_dengan_index(content.path(), idx, &[]);
    let (_, j) = server.json("/api/cari?q=pamong").await;
    assert_eq!(j["total"], 0);

    tambah_pamong(content.path());
    let builder = {
        let c = content.path().to_path_buf();
        let i = idx_path.clone();
        std::thread::spawn(move || index(&c, &i, &[]))
    };
    // While the build runs and after it, every request is answered from a whole index.
    let batas = Instant::now() + Duration::from_secs(60);
    let mut baru = false;
    while Instant::now() < batas {
        let (st, j) = server.json("/api/cari?q=desa").await;
        assert_eq!(st, 200);
        assert_eq!(j["total"], 1, "never a half index: {j}");
        let (_, p) = server.json("/api/cari?q=pamong").await;
        if p["total"] == 1 {
            baru = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(builder.join().expect("thread").status.success());
    assert!(baru, "the server picked up the new index");
}
