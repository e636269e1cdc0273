//! Matching short texts kept outside the index — the titles in the register of village legal
//! products, which live in the database and change with every entry — by the index's own
//! analyzer, so the same query finds the same word forms there as in the knowledge base
//! (`kerjasama` meets "Kerja Sama", `sama` does not meet "Bersama").

use std::sync::Arc;

use super::Cuplikan;
use super::analyzer::{self, Kamus, Mode};
use super::cuplikan::{Penyorot, jarum};

/// The words of one query, as roots.
pub struct Pencocok {
    kamus: Arc<Kamus>,
    akar: Vec<String>,
}

/// Queries beyond this many roots are cut (titles are short).
const AKAR_MAKS: usize = 8;

impl Pencocok {
    pub fn new(q: &str) -> Self {
        let kamus = analyzer::kamus();
        let mut akar: Vec<String> = Vec::new();
        for t in analyzer::analisis(&kamus, q, Mode::Akar) {
            if !akar.contains(&t.text) && akar.len() < AKAR_MAKS {
                akar.push(t.text);
            }
        }
        Pencocok { kamus, akar }
    }

    /// True when the query has no word to look for (empty, or stop words only).
    pub fn kosong(&self) -> bool {
        self.akar.is_empty()
    }

    /// For each root, a piece every word with that root contains, lowercased: a cheap
    /// prefilter (`LIKE '%…%'`) before [`Pencocok::cocok`] decides.
    pub fn jarum(&self) -> Vec<String> {
        self.akar.iter().map(|a| jarum(a).to_string()).collect()
    }

    /// Whether `teks` holds every word of the query in some form.
    pub fn cocok(&self, teks: &str) -> bool {
        let ada: Vec<String> = analyzer::analisis(&self.kamus, teks, Mode::Akar)
            .into_iter()
            .map(|t| t.text)
            .collect();
        self.akar.iter().all(|a| ada.contains(a))
    }

    /// `teks` (up to `panjang` bytes) with the query's words marked.
    pub fn sorot(&self, teks: &str, panjang: usize) -> Cuplikan {
        Penyorot::new(&self.kamus, self.akar.iter().map(|a| (a.clone(), 1.0))).cuplik(teks, panjang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_forms_meet_as_in_the_index() {
        let p = Pencocok::new("kerjasama pengelolaan");
        assert!(p.cocok("Peraturan Desa tentang Kerja Sama Pengelolaan Air Bersih"));
        assert!(p.cocok("Bekerja sama mengelola pasar"));
        assert!(
            !p.cocok("Peraturan Desa tentang Pengelolaan Pasar"),
            "every word needed"
        );
        let sama = Pencocok::new("sama");
        assert!(
            !sama.cocok("Peraturan Bersama Kepala Desa"),
            "bersama is its own word"
        );
        assert!(Pencocok::new("yang dan").kosong(), "stop words only");
    }

    #[test]
    fn the_prefilter_never_drops_a_match() {
        let p = Pencocok::new("pengelolaan kerjasama sampah");
        let judul = "Kerja Sama Mengelola Sampah";
        assert!(p.cocok(judul));
        let kecil = judul.to_lowercase();
        for j in p.jarum() {
            assert!(kecil.contains(&j), "{j} not in {kecil}");
        }
    }

    #[test]
    fn highlights_the_matching_words() {
        let c = Pencocok::new("pasar desa").sorot("Pengelolaan Pasar Desa Bersama", 200);
        let ditandai: Vec<&str> = c.bagian().filter(|(_, s)| *s).map(|(t, _)| t).collect();
        assert_eq!(ditandai, ["Pasar", "Desa"]);
    }
}
