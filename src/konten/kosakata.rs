//! The fixed vocabularies of the content: bidang, the four stages, statuses, kinds of
//! cooperation.

use serde::Serialize;

/// The fixed `bidang` vocabulary: (slug for URLs and facets, label as written in content).
const BIDANG: [(&str, &str); 8] = [
    ("ekonomi-dan-usaha-bersama", "ekonomi dan usaha bersama"),
    ("sosial-kemasyarakatan", "sosial kemasyarakatan"),
    ("budaya", "budaya"),
    ("lingkungan-hidup", "lingkungan hidup"),
    ("pelayanan-publik", "pelayanan publik"),
    ("infrastruktur", "infrastruktur"),
    ("keamanan-dan-ketertiban", "keamanan dan ketertiban"),
    ("pemberdayaan-masyarakat", "pemberdayaan masyarakat"),
];

/// One value of the fixed `bidang` vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bidang(usize);

impl Bidang {
    pub fn semua() -> impl Iterator<Item = Bidang> {
        (0..BIDANG.len()).map(Bidang)
    }
    pub fn slug(self) -> &'static str {
        BIDANG[self.0].0
    }
    pub fn label(self) -> &'static str {
        BIDANG[self.0].1
    }
    pub fn dari_label(label: &str) -> Option<Bidang> {
        let label = label.trim().to_lowercase();
        BIDANG.iter().position(|(_, l)| *l == label).map(Bidang)
    }
    pub fn dari_slug(slug: &str) -> Option<Bidang> {
        BIDANG.iter().position(|(s, _)| *s == slug).map(Bidang)
    }
    pub fn daftar_label() -> String {
        BIDANG.map(|(_, l)| l).join(", ")
    }
}

impl Serialize for Bidang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("slug", self.slug())?;
        m.serialize_entry("label", self.label())?;
        m.end()
    }
}

/// The four stages of kerja sama desa, in order.
pub const TAHAP: [(&str, &str); 4] = [
    ("persiapan", "Persiapan"),
    ("penawaran", "Penawaran"),
    ("perjanjian", "Penyusunan perjanjian"),
    ("pelaksanaan", "Pelaksanaan dan pelaporan"),
];

/// What happens in each stage, in the order of [`TAHAP`] (the DPMD mechanism).
pub const URAIAN_TAHAP: [&str; 4] = [
    "Inventarisasi potensi desa, penyusunan skala prioritas, dan analisis manfaat serta biaya kerja sama.",
    "Pemerintah desa menyusun dan mempublikasikan penawaran kerja sama kepada pihak ketiga.",
    "Menyusun dokumen kerja sama formal: ruang lingkup, tata pelaksanaan, hak dan kewajiban, pendanaan, penyelesaian perselisihan; Perdes sebagai dasar.",
    "Melaksanakan kegiatan sesuai perjanjian dan melapor berkala kepada BPD dan pemerintah daerah, disertai pemantauan dan evaluasi.",
];

/// The label of a stage slug (`perjanjian` → "Penyusunan perjanjian"); empty if unknown.
pub fn label_tahap(slug: &str) -> &'static str {
    TAHAP
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|(_, l)| *l)
        .unwrap_or("")
}

pub const STATUS: [&str; 2] = ["berlaku", "tidak berlaku"];
pub const JENIS_KERJA_SAMA: [&str; 2] = ["antar-desa", "pihak-ketiga"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidang_vocabulary_round_trips() {
        for b in Bidang::semua() {
            assert_eq!(Bidang::dari_label(b.label()), Some(b));
            assert_eq!(Bidang::dari_slug(b.slug()), Some(b));
        }
        assert_eq!(Bidang::dari_label("Pariwisata"), None);
    }
}
