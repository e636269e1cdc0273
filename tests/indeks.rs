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

/// `sinergi search Q` on `content` with its index at `index`.
fn cari(content: &std::path::Path, index: &std::path::Path, q: &str) -> std::process::Output {
    bin()
        .arg("--content")
        .arg(content)
        .arg("--index")
        .arg(index)
        .args(["search", q])
        .output()
        .expect("run")
}

/// The generation `index/CURRENT` names.
fn penunjuk(index: &std::path::Path) -> String {
    std::fs::read_to_string(index.join("CURRENT"))
        .expect("CURRENT")
        .trim()
        .to_string()
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
    let sebelum = penunjuk(idx.path());

    // A corpus folder that does not exist makes the build fail.
    let out = index(content.path(), idx.path(), &["--korpus", "/tidak/ada"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("korpus"));
    assert_eq!(penunjuk(idx.path()), sebelum);
    assert_eq!(generasi(idx.path()).len(), 1, "no stray generation is left");

    // Invalid content never reaches the index either.
    std::fs::write(content.path().join("regulasi/uu-6-2014.md"), "rusak").expect("write");
    assert!(!index(content.path(), idx.path(), &[]).status.success());
    assert_eq!(penunjuk(idx.path()), sebelum);
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
    let sisa = generasi(idx.path());
    assert!(!sisa.contains(&"gen-1".to_string()), "{sisa:?}");
    assert_eq!(
        sisa.len(),
        2,
        "the current generation and the one before: {sisa:?}"
    );
}

#[test]
fn unchanged_content_is_not_indexed_again() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let idx = tempfile::tempdir().expect("tempdir");
    assert!(index(content.path(), idx.path(), &[]).status.success());
    let pertama = generasi(idx.path());
    let out = cari(content.path(), idx.path(), "desa");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("membangun indeks"));
    assert_eq!(generasi(idx.path()), pertama);
    // A changed file is picked up.
    tambah_pamong(content.path());
    let out = cari(content.path(), idx.path(), "desa");
    assert!(String::from_utf8_lossy(&out.stderr).contains("membangun indeks"));
    assert_ne!(generasi(idx.path()), pertama);
}

/// Words found nowhere get "Tidak ada hasil" with what to try, not "0 hasil" with a note about
/// partial matches and an empty facet line.
#[test]
fn a_search_that_finds_nothing_says_so() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let idx = tempfile::tempdir().expect("tempdir");
    assert!(index(content.path(), idx.path(), &[]).status.success());
    let out = cari(content.path(), idx.path(), "zzqxyfoo blorg");
    assert!(out.status.success());
    let teks = String::from_utf8_lossy(&out.stdout);
    assert!(
        teks.starts_with("Tidak ada hasil untuk \"zzqxyfoo blorg\"."),
        "{teks}"
    );
    assert!(
        !teks.contains("Jenis:") && !teks.contains("sebagian"),
        "{teks}"
    );
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

fn cari_json(
    content: &std::path::Path,
    idx: &std::path::Path,
    q: &str,
) -> (bool, serde_json::Value, String) {
    let out = bin()
        .arg("--content")
        .arg(content)
        .arg("--index")
        .arg(idx)
        .args(["search", q, "--json"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let j = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.success(), j, stderr)
}

/// The largest file of the current generation of `idx`, with the given extension.
fn berkas_segmen(idx: &std::path::Path, ext: &str) -> std::path::PathBuf {
    let gen_dir = idx.join(penunjuk(idx));
    std::fs::read_dir(&gen_dir)
        .expect("gen dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("segment file")
}

#[test]
fn damaged_generation_falls_back_to_the_previous_one() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let idx = tempfile::tempdir().expect("tempdir");
    assert!(index(content.path(), idx.path(), &[]).status.success());
    tambah_pamong(content.path());
    assert!(index(content.path(), idx.path(), &[]).status.success());
    let baru = penunjuk(idx.path());
    // A deleted positions file: the newest generation is not used, the one before it is, and
    // since that one is stale the index is rebuilt rather than searched half-broken.
    std::fs::remove_file(berkas_segmen(idx.path(), "pos")).expect("rm");
    let (ok, j, stderr) = cari_json(content.path(), idx.path(), "pamong");
    assert!(ok, "{stderr}");
    assert_eq!(j["total"], 1, "{j}");
    assert!(stderr.contains("rusak"), "the damage is reported: {stderr}");
    assert_ne!(
        penunjuk(idx.path()),
        baru,
        "a new generation replaced the damaged one"
    );
}

#[test]
fn garbage_pointer_or_metadata_keeps_the_corpus() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let korpus = pohon(&[(
        "uu/2014/6.md",
        "# UNDANG-UNDANG REPUBLIK INDONESIA\n# NOMOR 6 TAHUN 2014\n# TENTANG\n# DESA\n\nPasal 1\n\nDalam Undang-Undang ini yang dimaksud dengan Desa adalah kesatuan masyarakat hukum.\n",
    )]);
    let idx = tempfile::tempdir().expect("tempdir");
    let out = index(
        content.path(),
        idx.path(),
        &["--korpus", &korpus.path().display().to_string()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, j, _) = cari_json(content.path(), idx.path(), "kesatuan masyarakat hukum");
    let sebelum = j["total"].as_u64().expect("total");
    assert!(sebelum >= 1, "{j}");
    // Garbage in the generation's metadata, then a pointer to nowhere.
    let gen_dir = idx.path().join(penunjuk(idx.path()));
    std::fs::write(gen_dir.join("sinergi.json"), "{ sampah").expect("write");
    let (ok, j, stderr) = cari_json(content.path(), idx.path(), "kesatuan masyarakat hukum");
    assert!(ok, "{stderr}");
    assert_eq!(
        j["total"], sebelum,
        "the corpus is still searched: {stderr}"
    );
    std::fs::write(idx.path().join("CURRENT"), "gen-42\n").expect("write");
    let (ok, j, stderr) = cari_json(content.path(), idx.path(), "kesatuan masyarakat hukum");
    assert!(ok, "{stderr}");
    assert_eq!(
        j["total"], sebelum,
        "the corpus is still searched: {stderr}"
    );
}

#[tokio::test]
async fn server_refuses_an_overwritten_store_and_uses_the_previous_generation() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let idx = tempfile::tempdir().expect("tempdir");
    assert!(index(content.path(), idx.path(), &[]).status.success());
    assert!(index(content.path(), idx.path(), &[]).status.success());
    // Same size, different bytes: only a checksum notices.
    let store = berkas_segmen(idx.path(), "store");
    let panjang = std::fs::metadata(&store).expect("meta").len() as usize;
    std::fs::write(&store, vec![0x5a; panjang]).expect("overwrite");
    let server = Server::mulai_dengan_index(content.path(), idx, &[]);
    for _ in 0..3 {
        let (st, j) = server.json("/api/cari?q=desa").await;
        assert_eq!(st, 200, "{j}");
        assert_eq!(j["total"], 1, "{j}");
    }
}
