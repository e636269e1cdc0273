//! Full texts of regulations as a fifth collection: hits land on the article, curated entries
//! link to the full text, and unreadable files are reported and skipped.

mod common;

use common::{REGULASI_SAH, Server, bin, pohon};

const UU_DESA: &str = "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 6 TAHUN 2014 TENTANG DESA
DENGAN RAHMAT TUHAN YANG MAHA ESA
Menimbang :
a. bahwa Desa memiliki hak asal usul dan hak tradisional;
BAB XI KERJA SAMA DESA
Pasal 91
Desa dapat mengadakan kerja sama dengan Desa lain dan/atau kerja sama dengan pihak ketiga.
Bagian Kesatu Kerja Sama antar-Desa
Pasal 92
(1) Kerja sama antar-Desa meliputi:
a. pengembangan usaha bersama yang dimiliki oleh Desa;
(2) Kerja sama antar-Desa dituangkan dalam Peraturan Bersama Kepala Desa melalui kesepakatan musyawarah antar-Desa.
";

const PP_43: &str = "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 43 TAHUN 2014 TENTANG PERATURAN PELAKSANAAN UNDANG-UNDANG NOMOR 6 TAHUN 2014 TENTANG DESA
Pasal 143
(1) Kerja sama Desa dilakukan antar-Desa dan/atau dengan pihak ketiga.
";

fn korpus() -> tempfile::TempDir {
    let dir = pohon(&[
        ("uu/2014/6.md", UU_DESA),
        ("pp/2014/43.md", PP_43),
        ("uu/2000/1.md", "   \n\n"),
        ("lain/catatan.md", "Surat biasa tanpa judul peraturan"),
    ]);
    std::fs::write(dir.path().join("uu/2000/2.md"), [0xff, 0xfe, 0x00, 0x41]).expect("write");
    dir
}

#[test]
fn unreadable_files_are_reported_and_skipped() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let k = korpus();
    let idx = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .arg("--content")
        .arg(content.path())
        .arg("--index")
        .arg(idx.path())
        .arg("index")
        .arg("--korpus")
        .arg(k.path())
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains("2 peraturan dari korpus, 3 berkas dilewati"),
        "{stdout}"
    );
    for berkas in ["uu/2000/1.md", "uu/2000/2.md", "lain/catatan.md"] {
        assert!(
            stderr.contains(berkas),
            "skip of {berkas} reported: {stderr}"
        );
    }
}

#[tokio::test]
async fn hits_land_on_the_article_and_entries_show_its_wording() {
    let content = pohon(&[("regulasi/uu-6-2014.md", REGULASI_SAH)]);
    let k = korpus();
    let korpus_arg = k.path().to_string_lossy().into_owned();
    let s = Server::mulai(content.path(), &["--korpus", &korpus_arg]);

    let (_, j) = s
        .json("/api/cari?q=peraturan+bersama+kepala+desa&jenis=peraturan")
        .await;
    assert_eq!(j["hits"][0]["id"], "uu-6-2014#pasal-92", "{j}");
    assert_eq!(j["hits"][0]["url"], "/peraturan/uu-6-2014#pasal-92");
    assert!(
        j["hits"][0]["judul"]
            .as_str()
            .expect("judul")
            .starts_with("Pasal 92")
    );

    // Asking for an article by number and law finds the article itself first.
    let (_, j) = s.json("/api/cari?q=pasal+92+uu+desa").await;
    assert_eq!(j["hits"][0]["id"], "uu-6-2014#pasal-92", "{j}");

    let (st, html) = s.get("/peraturan/uu-6-2014").await;
    assert_eq!(st, 200);
    assert!(html.contains("id=\"pasal-92\""));
    assert!(html.contains("BAB XI KERJA SAMA DESA › Bagian Kesatu Kerja Sama antar-Desa"));
    assert!(
        html.contains("href=\"/regulasi/uu-6-2014\""),
        "links back to the curated summary"
    );

    let (_, html) = s.get("/regulasi/uu-6-2014").await;
    assert!(
        html.contains("href=\"/peraturan/uu-6-2014\""),
        "curated entry links the full text"
    );
    assert!(
        html.contains("melalui kesepakatan musyawarah antar-Desa"),
        "key article's full wording"
    );

    let (_, h) = s.json("/healthz").await;
    assert_eq!(h["peraturan"], 2);
}
