//! `sinergi check`: every problem at once, as `path:line:col: message` in Indonesian.

mod common;

use common::{REGULASI_SAH, bin, konten_bawaan, pohon};

#[test]
fn bundled_content_is_valid() {
    let out = bin()
        .arg("--content")
        .arg(konten_bawaan())
        .arg("check")
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("Konten valid"), "{stdout}");
}

fn cek(files: &[(&str, &str)]) -> (bool, Vec<String>) {
    let dir = pohon(files);
    let out = bin()
        .arg("--content")
        .arg(dir.path())
        .arg("check")
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let baris = stdout
        .lines()
        .map(|l| l.replace(&format!("{}/", dir.path().display()), ""))
        .collect();
    (out.status.success(), baris)
}

#[test]
fn reports_every_problem_with_its_line() {
    let (ok, baris) = cek(&[
        ("regulasi/uu-6-2014.md", REGULASI_SAH),
        (
            "regulasi/pp-43-2014.md",
            "---\njudul: PP 43/2014\nbentuk: Peraturan Pemerintah\nsingkatan_bentuk: PP\nnomor: 43\n\
             tahun: 2014\ntentang: x\nteu_badan: x\nstatus: dicabut\nwarna: merah\nbidang:\n  - pariwisata\n\
             mengubah:\n  - uu-99-2099\n---\nIsi\n",
        ),
        (
            "studi-kasus/uu-6-2014.md",
            "---\njudul: Kasus\nlokasi:\n  desa: [A]\njenis_kerja_sama: antar-desa\nbidang: [budaya]\n\
             hasil: baik\nsumber: https://example.org/x\n---\n",
        ),
        (
            "materi/01-a.md",
            "---\njudul: A\nurutan: 1\ndurasi: 30\ntujuan: [x]\nkuis:\n  - pertanyaan: Apa?\n    \
             pilihan: [satu, dua]\n---\n",
        ),
    ]);
    assert!(!ok);
    let semua = baris.join("\n");
    for harap in [
        "regulasi/pp-43-2014.md:1:1: kolom wajib `sumber` belum diisi",
        "regulasi/pp-43-2014.md:10:1: kolom `warna` tidak dikenal",
        "regulasi/pp-43-2014.md:9:9: `status` bernilai `dicabut`",
        "regulasi/pp-43-2014.md:12:5: bidang `pariwisata` tidak ada dalam daftar baku",
        "regulasi/pp-43-2014.md:14:5: `mengubah` merujuk id `uu-99-2099` yang tidak ada",
        "studi-kasus/uu-6-2014.md:1:1: id `uu-6-2014` sudah dipakai",
        "materi/01-a.md:7:5: kuis[0]: kolom wajib `jawaban` belum diisi",
    ] {
        assert!(semua.contains(harap), "missing {harap:?} in:\n{semua}");
    }
}

#[test]
fn regulasi_without_sumber_fails() {
    let tanpa = REGULASI_SAH.replace("sumber:\n  - https://example.org/uu-6-2014\n", "");
    let (ok, baris) = cek(&[("regulasi/uu-6-2014.md", &tanpa)]);
    assert!(!ok);
    assert!(
        baris.iter().any(|b| b.contains("`sumber` belum diisi")),
        "{baris:?}"
    );
}

#[test]
fn yaml_syntax_error_points_at_the_line() {
    let (ok, baris) = cek(&[(
        "templat/a.md",
        "---\njudul: A\ntahap: [persiapan\npanduan: x\n---\n",
    )]);
    assert!(!ok);
    assert!(baris[0].starts_with("templat/a.md:"), "{baris:?}");
    assert!(
        !baris[0].starts_with("templat/a.md:1:"),
        "line of the YAML error, not 1: {baris:?}"
    );
}

#[test]
fn missing_front_matter_is_explained() {
    let (ok, baris) = cek(&[("templat/a.md", "judul: A\n")]);
    assert!(!ok);
    assert!(
        baris[0].contains("templat/a.md:1:1: berkas harus diawali baris `---`"),
        "{baris:?}"
    );
}

#[test]
fn clean_tree_exits_zero() {
    let (ok, baris) = cek(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    assert!(ok, "{baris:?}");
}
