//! JSON written by people we do not control (API bodies, `--data` files): read with
//! `serde_json`, whose syntax errors are English, and said again in Indonesian with their line
//! and column, as `yaml` does for YAML.

use serde_json::Value;

/// Why a JSON text was not read. Line and column are 1-based, within the text given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("baris {baris}, kolom {kolom}: JSON tidak dapat dibaca: {pesan}")]
pub struct GalatJson {
    pub baris: usize,
    pub kolom: usize,
    pub pesan: String,
}

/// Parses `teks` as a JSON value; bytes that are not UTF-8 are a syntax error with their place.
pub fn baca(teks: &[u8]) -> Result<Value, GalatJson> {
    serde_json::from_slice(teks).map_err(|e| GalatJson {
        baris: e.line().max(1),
        kolom: e.column().max(1),
        pesan: pesan(&e),
    })
}

/// serde_json's word for what went wrong, in Indonesian.
fn pesan(e: &serde_json::Error) -> String {
    if e.is_eof() {
        return "teks berakhir sebelum JSON selesai: ada kurung atau tanda kutip yang belum \
                ditutup"
            .to_string();
    }
    let inggris = e.to_string();
    let inggris = inggris.split(" at line ").next().unwrap_or(&inggris);
    const TERJEMAHAN: &[(&str, &str)] = &[
        ("expected `:`", "titik dua (`:`) harus menyusul nama kolom"),
        (
            "expected `,` or `]`",
            "butir daftar harus dipisah koma dan ditutup `]`",
        ),
        (
            "expected `,` or `}`",
            "kolom harus dipisah koma dan ditutup `}`",
        ),
        (
            "expected ident",
            "kata yang tidak dikenal: teks ditulis dalam tanda kutip ganda, dan true, false, null \
             dengan huruf kecil",
        ),
        (
            "expected value",
            "nilai diharapkan: teks dalam tanda kutip ganda, angka, `[ ]`, `{ }`, atau true, false, \
             null dengan huruf kecil",
        ),
        (
            "key must be a string",
            "nama kolom harus dalam tanda kutip ganda",
        ),
        ("trailing comma", "koma berlebih sebelum kurung penutup"),
        ("trailing characters", "ada teks sesudah JSON selesai"),
        ("invalid escape", "urutan `\\` yang tidak sah dalam teks"),
        ("invalid number", "angka tidak sah"),
        ("number out of range", "angka terlalu besar"),
        (
            "control character",
            "teks memuat baris baru atau tab; tulis sebagai `\\n` atau `\\t`",
        ),
        ("unicode", "kode Unicode yang tidak sah dalam teks"),
        ("surrogate", "kode Unicode yang tidak sah dalam teks"),
        ("recursion limit exceeded", "bersarang terlalu dalam"),
    ];
    crate::konten::skema::terjemahkan_sintaks(inggris, TERJEMAHAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_json_is_read() {
        assert_eq!(
            baca(br#"{"nama": "Desa", "n": [1, 2]}"#).expect("reads"),
            serde_json::json!({"nama": "Desa", "n": [1, 2]})
        );
    }

    /// The mistakes people make writing JSON by hand are said in Indonesian, with where.
    #[test]
    fn syntax_errors_are_said_in_indonesian_with_line_and_column() {
        for (teks, baris, harap) in [
            ("{\"nama\": ", 1, "belum ditutup"),
            ("{\"a\": 1,}", 1, "koma berlebih"),
            ("{\"a\" 1}", 1, "titik dua"),
            ("{\"a\": 1\n \"b\": 2}", 2, "dipisah koma"),
            ("{a: 1}", 1, "tanda kutip ganda"),
            ("{\"a\": Desa}", 1, "teks dalam tanda kutip ganda"),
            ("{\"a\": True}", 1, "huruf kecil"),
            ("{\"a\": tru}", 1, "kata yang tidak dikenal"),
            ("{\"a\": \"x\ty\"}", 1, "tab"),
            ("{\"a\": 1} x", 1, "sesudah JSON selesai"),
        ] {
            let e = baca(teks.as_bytes()).unwrap_err();
            let s = e.to_string();
            assert!(s.contains(harap), "{teks:?}: {s}");
            assert_eq!(e.baris, baris, "{teks:?}: {s}");
            assert!(!s.contains(" at line "), "{s}");
        }
        let e = baca(b"{\"a\": \"\xff\"}").unwrap_err();
        assert!(e.to_string().contains("kode Unicode"), "{e}");
    }
}
