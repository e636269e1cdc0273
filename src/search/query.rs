//! What a search asks for and what it answers: the request, the hits with their snippets and
//! facet counts, and the stored parts of a full-text regulation.

use std::collections::BTreeMap;

use super::cuplikan::Cuplikan;
use crate::konten::Bidang;
use crate::opsi::Jenis;

/// Matches counted one by one; past this many, the rest are estimated.
pub const BATAS_HITUNG: usize = 10_000;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Permintaan {
    pub q: String,
    pub jenis: Option<Jenis>,
    pub bidang: Option<Bidang>,
    pub tahun: Option<u16>,
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub id: String,
    pub judul: String,
    pub jenis: String,
    pub skor: f32,
    pub cuplikan: Cuplikan,
    pub url: String,
    pub ringkas: String,
    /// BAB and Bagian of an article; empty for entries.
    pub konteks: String,
    pub peraturan: Option<String>,
    pub bidang: Vec<String>,
    pub tahun: Option<u64>,
    /// Other matching parts of the same regulation, best first: one regulation is one result.
    pub pasal_lain: Vec<PasalLain>,
    /// How many other parts matched in all (`pasal_lain` lists at most [`PASAL_LAIN_MAKS`]).
    pub jumlah_pasal_lain: usize,
}

/// Other parts of a regulation listed under its best one.
pub const PASAL_LAIN_MAKS: usize = 20;

/// Another matching part of the same regulation.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PasalLain {
    pub id: String,
    /// "Pasal 12", "Penjelasan Pasal 12"
    pub judul: String,
    pub url: String,
}

#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub jenis: BTreeMap<String, u64>,
    pub bidang: BTreeMap<String, u64>,
    /// False when some count is an estimate (more than [`BATAS_HITUNG`] matched).
    pub tepat: bool,
}

#[derive(Debug, Clone)]
pub struct Hasil {
    /// Matching entries and parts; an estimate when `total_tepat` is false.
    pub total: usize,
    /// False when more than [`BATAS_HITUNG`] matched: then `total` and the facet counts are
    /// estimates from a sample spread over the whole index, and at least `BATAS_HITUNG` match.
    pub total_tepat: bool,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// False when no entry had every word and the results match only some of them.
    pub semua_kata: bool,
    /// Words taken as typos, with the word searched instead.
    pub koreksi: BTreeMap<String, String>,
}

/// How many matched, as the results page and the terminal say it: "4.181 hasil", or past the
/// count (`tepat` false) "Lebih dari 10.000 hasil (perkiraan sekitar 63.871)".
pub fn jumlah_teks(total: usize, tepat: bool) -> String {
    let ribuan = |n: usize| crate::format::ribuan(n as u64);
    if tepat {
        format!("{} hasil", ribuan(total))
    } else {
        format!(
            "Lebih dari {} hasil (perkiraan sekitar {})",
            ribuan(BATAS_HITUNG),
            ribuan(total)
        )
    }
}

/// One stored part of a full-text regulation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BagianPeraturan {
    /// `uu-6-2014` for the opening, `uu-6-2014#pasal-92` for an article.
    pub id: String,
    pub judul: String,
    pub konteks: String,
    pub teks: String,
    pub urutan: u64,
    /// The anchor of this article's explanation in the Penjelasan, empty when it has none.
    pub penjelasan: String,
}

/// One full-text regulation in the browsing list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RingkasPeraturan {
    /// `uu-6-2014`
    pub id: String,
    /// `uu`, `pp`, `perppu`, `permenkeu`, `perpres`
    pub bentuk: String,
    pub nomor: String,
    pub tahun: u64,
    pub tentang: String,
    pub judul: String,
    /// `berlaku` or `tidak berlaku` where the curated content records it; empty otherwise.
    pub status: String,
}

impl BagianPeraturan {
    /// The anchor of an article (`pasal-92`), empty for the opening.
    pub fn anchor(&self) -> &str {
        self.id.split_once('#').map(|(_, a)| a).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_reads_in_indonesian_and_an_estimate_says_so() {
        assert_eq!(jumlah_teks(4181, true), "4.181 hasil");
        assert_eq!(
            jumlah_teks(63871, false),
            "Lebih dari 10.000 hasil (perkiraan sekitar 63.871)"
        );
    }
}
