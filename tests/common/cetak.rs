//! Documents made through the command line, as the print tests need them.

use serde_yaml::Value;

use super::{bin, sinergi_ok};

/// Ten village names of the Garut area for documents with many villages.
pub const DESA_CONTOH: [&str; 10] = [
    "Sukamaju",
    "Mekarwangi",
    "Sirnagalih",
    "Cibeureum",
    "Karangsari",
    "Wanasari",
    "Pasirjambu",
    "Sindangkerta",
    "Cikoneng",
    "Margamulya",
];

/// The complete example of a document type, as `sinergi dokumen JENIS --contoh` prints it.
pub fn contoh(jenis: &str) -> Value {
    serde_yaml::from_slice(&sinergi_ok(&["dokumen", jenis, "--contoh"]).stdout).expect("yaml")
}

/// The PDF of `jenis` filled with `data` (extra `render` arguments such as `--kertas f4`).
pub fn render(jenis: &str, data: &Value, ekstra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let isian = dir.path().join("isian.yaml");
    std::fs::write(&isian, serde_yaml::to_string(data).expect("yaml")).expect("write");
    let pdf = dir.path().join("hasil.pdf");
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["render", jenis, "--data"])
        .arg(&isian)
        .arg("--out")
        .arg(&pdf)
        .args(ekstra)
        .output()
        .expect("run sinergi");
    assert!(
        out.status.success(),
        "{jenis}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(&pdf).expect("the PDF was written")
}
