//! The form schema of a document type: its fields, each with a type parsed when the templat is
//! loaded.

use serde::{Deserialize, Serialize};

/// One field of a document form.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Kolom {
    /// Key in the data: lowercase letters, digits and `_`.
    pub nama: String,
    pub label: String,
    #[serde(default)]
    pub bantuan: Option<String>,
    pub jenis: JenisKolom,
    #[serde(default)]
    pub wajib: bool,
    /// Length (teks, paragraf), value (angka, rupiah) or count (daftar, repeated grup) limits.
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub maks: Option<f64>,
    /// The choices of a `pilihan` field.
    #[serde(default)]
    pub pilihan: Vec<String>,
    #[serde(default)]
    #[schema(value_type = Option<Value>)]
    pub bawaan: Option<serde_json::Value>,
    /// The value used in the complete example (`sinergi dokumen JENIS --contoh`).
    #[serde(default)]
    #[schema(value_type = Option<Value>)]
    pub contoh: Option<serde_json::Value>,
    /// A `grup` that repeats (a list of villages, of witnesses).
    #[serde(default)]
    pub ulang: bool,
    /// The fields of a `grup`.
    #[serde(default)]
    #[schema(no_recursion)]
    pub kolom: Vec<Kolom>,
}

/// The type of a form field, parsed when the templat is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum JenisKolom {
    /// One line of text.
    Teks,
    /// Several lines of text.
    Paragraf,
    /// `YYYY-MM-DD`.
    Tanggal,
    Angka,
    /// A whole, non-negative amount of rupiah.
    Rupiah,
    /// One of the field's `pilihan`.
    Pilihan,
    YaTidak,
    /// A PNG or JPEG image as a data URL (the emblem).
    Gambar,
    /// A list of text.
    Daftar,
    /// Nested fields; repeated when `ulang`.
    Grup,
}

impl JenisKolom {
    pub fn nama(self) -> &'static str {
        match self {
            JenisKolom::Teks => "teks",
            JenisKolom::Paragraf => "paragraf",
            JenisKolom::Tanggal => "tanggal",
            JenisKolom::Angka => "angka",
            JenisKolom::Rupiah => "rupiah",
            JenisKolom::Pilihan => "pilihan",
            JenisKolom::YaTidak => "ya-tidak",
            JenisKolom::Gambar => "gambar",
            JenisKolom::Daftar => "daftar",
            JenisKolom::Grup => "grup",
        }
    }
}

impl std::fmt::Display for JenisKolom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.nama())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::konten::skema::terjemahkan_serde;

    #[test]
    fn unknown_field_type_names_the_choices() {
        let e = serde_yaml::from_str::<Kolom>("{nama: a, label: A, jenis: warna}")
            .expect_err("unknown type");
        let pesan = terjemahkan_serde(&e.to_string());
        assert!(pesan.contains("`warna` tidak dikenal"), "{pesan}");
        assert!(pesan.contains("ya-tidak"), "{pesan}");
    }
}
