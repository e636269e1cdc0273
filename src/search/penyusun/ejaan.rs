//! Spelling: a longer word that occurs nowhere, or no more than noise, is searched as the
//! closest spelling that is common in its own right and much more common.

use tantivy::Term;
use tantivy::query::FuzzyTermQuery;

use super::Penyusun;

impl Penyusun<'_> {
    /// How common a spelling is: the entries its written form is in; for a compound written
    /// joined ("kerjasama", indexed as its parts), those its rarest part is in.
    fn df_ejaan(&self, kata: &str) -> u64 {
        match self.kamus.pecahan(kata) {
            Some(bagian) => bagian
                .iter()
                .map(|b| self.df(self.f.isi_persis, b))
                .min()
                .unwrap_or(0),
            None => self.df(self.f.isi_persis, kata),
        }
    }

    /// The spellings closest to `kata` (one edit for short words, two for long ones): indexed
    /// words, and the compounds the vocabulary splits (indexed only as their parts), each
    /// with its edit distance and how common it is.
    fn calon_ejaan(&self, kata: &str) -> Vec<(String, usize, u64)> {
        let jarak = if kata.chars().count() >= 8 { 2 } else { 1 };
        let fuzzy =
            FuzzyTermQuery::new(Term::from_field_text(self.f.isi_persis, kata), jarak, true);
        let mut calon: std::collections::HashMap<String, u64> = Default::default();
        for segmen in self.searcher.segment_readers() {
            let (Ok(indeks), Ok(dfa)) =
                (segmen.inverted_index(self.f.isi_persis), fuzzy.automaton())
            else {
                continue;
            };
            let Ok(mut aliran) = indeks.terms().search(dfa).into_stream() else {
                continue;
            };
            while aliran.advance() {
                if let Ok(k) = std::str::from_utf8(aliran.key()) {
                    *calon.entry(k.to_string()).or_default() += u64::from(aliran.value().doc_freq);
                }
            }
        }
        for majemuk in self.kamus.majemuk() {
            if majemuk != kata && strsim::damerau_levenshtein(kata, majemuk) <= usize::from(jarak) {
                calon.insert(majemuk.to_string(), self.df_ejaan(majemuk));
            }
        }
        calon
            .into_iter()
            .filter(|(k, n)| k != kata && *n > 0)
            .map(|(k, n)| {
                let d = strsim::damerau_levenshtein(kata, &k);
                (k, d, n)
            })
            .collect()
    }

    /// The spelling to search instead of `persis`, when it is a typo (see
    /// [`pilih_ejaan`]); a compound comes back written apart ("kerja sama"). Remembered per
    /// index, since looking through the term dictionary is the costly part of a search with
    /// a typo.
    pub(super) fn ejaan(&self, akar: &str, persis: &str) -> Option<String> {
        if persis.chars().count() < 5
            || persis.bytes().any(|b| b.is_ascii_digit())
            || self.kamus.dikenal(persis)
        {
            return None;
        }
        if let Ok(memo) = self.memo_ejaan.lock()
            && let Some(k) = memo.get(persis)
        {
            return k.clone();
        }
        let n = self.searcher.num_docs();
        let ada = self
            .df(self.f.isi_persis, persis)
            .max(self.df(self.f.cari, akar));
        let benar = if ada <= batas_derau(n) {
            if self.sisa_ejaan.get() == 0 {
                // Not looked up, so not remembered either.
                return None;
            }
            self.sisa_ejaan.set(self.sisa_ejaan.get() - 1);
            pilih_ejaan(ada, n, self.calon_ejaan(persis)).map(|k| match self.kamus.pecahan(&k) {
                Some(bagian) => bagian.join(" "),
                None => k,
            })
        } else {
            None
        };
        if let Ok(mut memo) = self.memo_ejaan.lock() {
            if memo.len() >= 10_000 {
                memo.clear();
            }
            memo.insert(persis.to_string(), benar.clone());
        }
        benar
    }
}

/// Entries a word may be in and still be noise rather than a word (OCR joins and drops
/// letters: "kerjsama" is in 6 of the corpus' 184,000 parts): at most one in 10,000, and one.
fn batas_derau(n: u64) -> u64 {
    (n / 10_000).max(1)
}

/// How many times more common a spelling must be than the word written, to replace it.
const LEBIH_UMUM: u64 = 20;

/// The spelling to search instead of a word found in `ada` of `n` entries, among `calon`
/// (spelling, edit distance, entries): the closest, then the most common; taken only when it
/// is common in its own right (in at least one entry in 2,000, and two) and, for a word that
/// occurs at all (no more than noise: see `batas_derau`), [`LEBIH_UMUM`] times more common. So "kerjsama" (OCR noise) becomes "kerja
/// sama", while a made-up "blorg" is not turned into "borg", a word of 15 old texts.
pub(super) fn pilih_ejaan(ada: u64, n: u64, calon: Vec<(String, usize, u64)>) -> Option<String> {
    let umum = (n / 2_000).max(2);
    calon
        .into_iter()
        .filter(|(_, _, df)| *df >= umum && *df >= ada.saturating_mul(LEBIH_UMUM))
        .min_by_key(|(k, d, df)| (*d, std::cmp::Reverse(*df), k.clone()))
        .map(|(k, _, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_is_corrected_only_to_much_more_common_words() {
        let c = |v: &[(&str, usize, u64)]| -> Vec<(String, usize, u64)> {
            v.iter().map(|(k, d, n)| (k.to_string(), *d, *n)).collect()
        };
        // A word missing from the index: the closest common spelling.
        assert_eq!(
            pilih_ejaan(
                0,
                136_000,
                c(&[("kerjasama", 1, 40_000), ("kerja", 3, 60_000)])
            ),
            Some("kerjasama".into())
        );
        // OCR noise that occurs in 6 texts: corrected, the correction being far more common.
        assert_eq!(
            pilih_ejaan(6, 136_000, c(&[("kerjasama", 1, 40_000)])),
            Some("kerjasama".into())
        );
        // A made-up word is not turned into a rare one.
        assert_eq!(pilih_ejaan(0, 136_000, c(&[("borg", 1, 15)])), None);
        // A word that occurs is kept unless the other is 20 times more common.
        assert_eq!(pilih_ejaan(10, 136_000, c(&[("bagian", 1, 150)])), None);
        // Among equally close spellings, the more common; on a small index, two entries do.
        assert_eq!(
            pilih_ejaan(0, 50, c(&[("desa", 1, 40), ("dewa", 1, 2)])),
            Some("desa".into())
        );
        assert_eq!(batas_derau(136_000), 13);
        assert_eq!(batas_derau(60), 1);
    }
}
