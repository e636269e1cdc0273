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

    /// The font's name in a word processor, which an editable copy (DOCX) asks for.
    pub fn nama_kantor(self) -> &'static str {
        match self {
            Huruf::Bookman => "Bookman Old Style",
            Huruf::Times => "Times New Roman",
            Huruf::Arial => "Arial",
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

/// What a document is made into: the PDF (the reference, as printed) or an editable DOCX with
/// the same wording and structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Pdf,
    Docx,
}

impl Format {
    pub fn ekstensi(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    pub fn jenis_mime(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }
}

impl FromStr for Format {
    type Err = NilaiTidakSah;
    fn from_str(s: &str) -> Result<Format, NilaiTidakSah> {
        match s.trim().to_lowercase().as_str() {
            "pdf" => Ok(Format::Pdf),
            "docx" => Ok(Format::Docx),
            s => Err(tidak_dikenal(s, "pdf atau docx")),
        }
    }
}

/// Page margins in whole millimetres, written `atas,bawah,kiri,kanan` (`30,30,40,30`), each
/// 10–60 mm. Without one a document keeps its layout's margins (regulations 30/30/40/30, other
/// documents 25/25/30/25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Margin {
    pub atas: u8,
    pub bawah: u8,
    pub kiri: u8,
    pub kanan: u8,
}

impl Margin {
    /// The narrowest and widest margin accepted, in millimetres.
    pub const MIN: u8 = 10;
    pub const MAKS: u8 = 60;
}

impl FromStr for Margin {
    type Err = NilaiTidakSah;
    fn from_str(s: &str) -> Result<Margin, NilaiTidakSah> {
        let contoh = "tulis empat angka milimeter atas,bawah,kiri,kanan, mis. 30,30,40,30";
        let bagian: Vec<&str> = s.trim().split(',').map(str::trim).collect();
        if bagian.len() != 4 {
            let tampil: String = s.trim().chars().take(40).collect();
            return Err(NilaiTidakSah(format!(
                "`{tampil}` bukan margin: {contoh} (ada {} angka)",
                bagian.len()
            )));
        }
        let mut mm = [0u8; 4];
        for ((sisi, b), keluar) in ["atas", "bawah", "kiri", "kanan"]
            .into_iter()
            .zip(bagian)
            .zip(mm.iter_mut())
        {
            let angka = b.strip_suffix("mm").unwrap_or(b).trim();
            let tampil: String = b.chars().take(20).collect();
            let n: u32 = angka.parse().map_err(|_| {
                NilaiTidakSah(format!(
                    "margin {sisi} `{tampil}` bukan bilangan bulat milimeter; {contoh}"
                ))
            })?;
            if !(u32::from(Margin::MIN)..=u32::from(Margin::MAKS)).contains(&n) {
                return Err(NilaiTidakSah(format!(
                    "margin {sisi} {n} mm di luar batas {}–{} mm",
                    Margin::MIN,
                    Margin::MAKS
                )));
            }
            *keluar = n as u8;
        }
        let [atas, bawah, kiri, kanan] = mm;
        Ok(Margin {
            atas,
            bawah,
            kiri,
            kanan,
        })
    }
}

impl fmt::Display for Margin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{},{},{},{}",
            self.atas, self.bawah, self.kiri, self.kanan
        )
    }
}

/// The time zone of the villages served, for the date documents carry ("today"): a PDF made
/// at 06.00 in Garut bears that day's date, not yesterday's in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zona {
    /// Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West and Central Kalimantan).
    #[default]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

impl Zona {
    pub fn offset(self) -> time::UtcOffset {
        let jam = match self {
            Zona::Wib => 7,
            Zona::Wita => 8,
            Zona::Wit => 9,
        };
        time::UtcOffset::from_hms(jam, 0, 0).unwrap_or(time::UtcOffset::UTC)
    }

    pub fn singkatan(self) -> &'static str {
        match self {
            Zona::Wib => "WIB",
            Zona::Wita => "WITA",
            Zona::Wit => "WIT",
        }
    }

    /// The date in this zone at the instant `saat`.
    pub fn tanggal(self, saat: time::OffsetDateTime) -> time::Date {
        saat.to_offset(self.offset()).date()
    }

    /// Today's date in this zone.
    pub fn hari_ini(self) -> time::Date {
        self.tanggal(time::OffsetDateTime::now_utc())
    }
}

impl FromStr for Zona {
    type Err = NilaiTidakSah;
    fn from_str(s: &str) -> Result<Zona, NilaiTidakSah> {
        match s.trim().to_uppercase().as_str() {
            "WIB" => Ok(Zona::Wib),
            "WITA" => Ok(Zona::Wita),
            "WIT" => Ok(Zona::Wit),
            _ => Err(tidak_dikenal(s.trim(), "WIB, WITA atau WIT")),
        }
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
        let m: Margin = " 30, 30 ,40mm,25 ".parse().expect("margin");
        assert_eq!((m.atas, m.bawah, m.kiri, m.kanan), (30, 30, 40, 25));
        assert_eq!(m.to_string().parse::<Margin>(), Ok(m));
        assert_eq!("wita".parse::<Zona>(), Ok(Zona::Wita));
        assert_eq!(Zona::Wib.offset().whole_hours(), 7);
    }

    #[test]
    fn six_in_the_morning_in_garut_is_that_day() {
        // 2025-07-10 23:00 UTC is 06.00 on 11 July in Garut (WIB), 08.00 in Jayapura (WIT).
        let saat = time::Date::from_calendar_date(2025, time::Month::July, 10)
            .and_then(|d| d.with_hms(23, 0, 0))
            .expect("valid")
            .assume_utc();
        for z in [Zona::Wib, Zona::Wita, Zona::Wit] {
            assert_eq!(z.tanggal(saat).day(), 11, "{z:?}");
        }
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
            ("30,30,40".parse::<Margin>().map(|_| ()), "ada 3 angka"),
            (
                "30,30,40,x".parse::<Margin>().map(|_| ()),
                "margin kanan `x`",
            ),
            (
                "30,30,9,30".parse::<Margin>().map(|_| ()),
                "margin kiri 9 mm di luar batas 10–60",
            ),
            (
                "30,61,40,30".parse::<Margin>().map(|_| ()),
                "margin bawah 61 mm",
            ),
            (
                "30,30,40.5,30".parse::<Margin>().map(|_| ()),
                "bilangan bulat",
            ),
        ] {
            let e = salah.expect_err("refused");
            assert!(e.0.contains(kata), "{e}");
        }
    }
}
