//! Request options shared by the command line and the web: what to search (collection or full
//! texts), bidang, year, paper and font. Each is parsed once, here, with one Indonesian message
//! for a wrong value; the CLI and the web only say which option or parameter it was.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::konten::{Bidang, Koleksi};

/// A value an option does not accept; the message says what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NilaiTidakSah(pub String);

fn tidak_dikenal(nilai: &str, pilihan: &str) -> NilaiTidakSah {
    NilaiTidakSah(format!("`{nilai}` tidak dikenal; pilih {pilihan}"))
}

/// What a search is limited to: one curated collection, or the full texts of regulations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Jenis {
    Koleksi(Koleksi),
    /// The full texts of national regulations (the corpus).
    Peraturan,
}

impl Jenis {
    pub const SEMUA: [Jenis; 5] = [
        Jenis::Koleksi(Koleksi::Regulasi),
        Jenis::Koleksi(Koleksi::StudiKasus),
        Jenis::Koleksi(Koleksi::Templat),
        Jenis::Koleksi(Koleksi::Materi),
        Jenis::Peraturan,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Jenis::Koleksi(k) => k.slug(),
            Jenis::Peraturan => "peraturan",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Jenis::Koleksi(k) => k.label(),
            Jenis::Peraturan => "Naskah peraturan",
        }
    }
}

impl FromStr for Jenis {
    type Err = NilaiTidakSah;
    fn from_str(s: &str) -> Result<Jenis, NilaiTidakSah> {
        let s = s.trim();
        Jenis::SEMUA
            .into_iter()
            .find(|j| j.slug() == s)
            .ok_or_else(|| {
                tidak_dikenal(s, "regulasi, studi-kasus, templat, materi atau peraturan")
            })
    }
}

impl fmt::Display for Jenis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl Serialize for Jenis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.slug())
    }
}

/// A bidang by its slug (`lingkungan-hidup`) or its label (`lingkungan hidup`).
impl FromStr for Bidang {
    type Err = NilaiTidakSah;
    fn from_str(s: &str) -> Result<Bidang, NilaiTidakSah> {
        let s = s.trim();
        Bidang::dari_slug(s)
            .or_else(|| Bidang::dari_label(s))
            .ok_or_else(|| {
                let slug: Vec<&str> = Bidang::semua().map(Bidang::slug).collect();
                tidak_dikenal(s, &format!("salah satu dari: {}", slug.join(", ")))
            })
    }
}

/// A year, four digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Tahun(pub u16);

impl FromStr for Tahun {
    type Err = NilaiTidakSah;
    fn from_str(s: &str) -> Result<Tahun, NilaiTidakSah> {
        let s = s.trim();
        s.parse::<u16>()
            .ok()
            .filter(|t| (1900..=2100).contains(t))
            .map(Tahun)
            .ok_or_else(|| {
                NilaiTidakSah(format!("harus tahun empat angka (1900–2100), bukan `{s}`"))
            })
    }
}

/// Paper sizes offices use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kertas {
    #[default]
    A4,
    /// Folio, 215 × 330 mm.
    F4,
}

impl FromStr for Kertas {
    type Err = NilaiTidakSah;
    fn from_str(s: &str) -> Result<Kertas, NilaiTidakSah> {
        match s.trim().to_lowercase().as_str() {
            "a4" => Ok(Kertas::A4),
            "f4" | "folio" => Ok(Kertas::F4),
            _ => Err(tidak_dikenal(s.trim(), "a4 atau f4")),
        }
    }
}

/// The fonts documents are printed in, by the name offices know them by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Huruf {
    /// Bookman Old Style, printed with its free look-alike TeX Gyre Bonum.
    #[default]
    Bookman,
    /// Times New Roman, printed with Liberation Serif.
    Times,
    /// Arial, printed with Liberation Sans.
    Arial,
}

impl Huruf {
    pub const SEMUA: [Huruf; 3] = [Huruf::Bookman, Huruf::Times, Huruf::Arial];

    pub fn nama(self) -> &'static str {
        match self {
            Huruf::Bookman => "bookman",
            Huruf::Times => "times",
            Huruf::Arial => "arial",
        }
    }

    /// The embedded font family that prints it.
    pub fn keluarga(self) -> &'static str {
        match self {
            Huruf::Bookman => "TeX Gyre Bonum",
            Huruf::Times => "Liberation Serif",
            Huruf::Arial => "Liberation Sans",
        }
    }
}

impl FromStr for Huruf {
    type Err = NilaiTidakSah;
    fn from_str(s: &str) -> Result<Huruf, NilaiTidakSah> {
        let s = s.trim().to_lowercase();
        Huruf::SEMUA
            .into_iter()
            .find(|h| h.nama() == s)
            .ok_or_else(|| tidak_dikenal(&s, "bookman, times atau arial"))
    }
}

impl fmt::Display for Huruf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.nama())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_round_trips_and_names_its_choices() {
        for j in Jenis::SEMUA {
            assert_eq!(j.slug().parse::<Jenis>(), Ok(j));
        }
        for h in Huruf::SEMUA {
            assert_eq!(h.nama().parse::<Huruf>(), Ok(h));
        }
        assert_eq!("F4".parse::<Kertas>(), Ok(Kertas::F4));
        assert_eq!(
            "lingkungan hidup".parse::<Bidang>(),
            "lingkungan-hidup".parse::<Bidang>()
        );
        assert_eq!("2014".parse::<Tahun>(), Ok(Tahun(2014)));
        for (salah, kata) in [
            ("buku".parse::<Jenis>().map(|_| ()), "peraturan"),
            ("legal".parse::<Kertas>().map(|_| ()), "a4 atau f4"),
            ("comic".parse::<Huruf>().map(|_| ()), "bookman"),
            (
                "pariwisata".parse::<Bidang>().map(|_| ()),
                "lingkungan-hidup",
            ),
            ("20x".parse::<Tahun>().map(|_| ()), "empat angka"),
            ("1800".parse::<Tahun>().map(|_| ()), "1900"),
        ] {
            let e = salah.expect_err("refused");
            assert!(e.0.contains(kata), "{e}");
        }
    }
}
