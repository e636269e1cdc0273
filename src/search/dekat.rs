//! Nearness: among the best matches of several words, those where the words stand together
//! rise. An article that says what the query says ("perselisihan kerja sama Desa", PP 43/2014
//! Pasal 148, for "sengketa kerja sama desa") otherwise ranks below entries that name each word
//! more often, but in different sentences.
//!
//! This is a second stage over the first stage's best matches (the page and the parts to group
//! under it): it reads each candidate's word positions in the search field, which the first
//! stage does not, so it costs a few postings per candidate and never touches the rest.

use std::collections::BTreeMap;

use tantivy::postings::Postings;
use tantivy::query::Query;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, Term};

use super::analyzer::{self, Kamus};

/// The terms of each word group of a query in `field`: an occurrence of any of them (a word,
/// its synonyms, the words of a phrase) counts as the group standing there. Groups without a
/// term in `field` are left out.
pub(super) fn istilah_kelompok(kelompok: &[Box<dyn Query>], field: Field) -> Vec<Vec<Term>> {
    kelompok
        .iter()
        .map(|q| {
            let mut t: Vec<Term> = Vec::new();
            q.query_terms(&mut |term, _| {
                if term.field() == field && !t.contains(term) {
                    t.push(term.clone());
                }
            });
            t
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// How many positions the query's words span, stop words and quoted phrases included: the
/// width its words stand in when written as in the query.
pub(super) fn lebar_kueri(kamus: &Kamus, q: &str) -> u32 {
    let akar = analyzer::analisis(kamus, &q.replace('"', " "), analyzer::Mode::Akar);
    match (akar.first(), akar.last()) {
        (Some(a), Some(z)) => z.position.saturating_sub(a.position) as u32 + 1,
        _ => 0,
    }
}

/// How much a candidate's score is multiplied when its `n` word groups all stand within a
/// window of `rentang` positions, the query's own words spanning `lebar` (stop words and
/// compounds included): by 1 + [`DORONG_MAKS`] when they stand as in the query, falling with
/// every word more between them, and not at all once `n` more words stand between them (a
/// sentence, not a passage).
fn faktor(n: usize, lebar: u32, rentang: u32) -> Score {
    let n = n as Score;
    let sela = (rentang as Score - n.max(lebar as Score)).max(0.0);
    let dekat = (1.0 - sela / n).max(0.0);
    1.0 + DORONG_MAKS * dekat * dekat
}

/// The most nearness multiplies a score by, less one.
const DORONG_MAKS: Score = 1.0;

/// How many of the first stage's best matches nearness reorders.
pub(super) const CALON: usize = 100;

/// The narrowest window of positions that holds one occurrence of every group, as the number
/// of positions it spans; `None` when some group does not occur. `posisi` holds (position,
/// group) pairs sorted by position.
fn rentang_terkecil(posisi: &[(u32, usize)], n: usize) -> Option<u32> {
    let mut hitung = vec![0u32; n];
    let mut ada = 0;
    let mut kiri = 0;
    let mut terbaik: Option<u32> = None;
    for &(pos, g) in posisi {
        if hitung[g] == 0 {
            ada += 1;
        }
        hitung[g] += 1;
        while ada == n {
            let (awal, h) = posisi[kiri];
            let lebar = pos - awal + 1;
            terbaik = Some(terbaik.map_or(lebar, |b| b.min(lebar)));
            hitung[h] -= 1;
            if hitung[h] == 0 {
                ada -= 1;
            }
            kiri += 1;
        }
    }
    terbaik
}

/// Multiplies the scores in `top` by their nearness ([`faktor`]) and sorts them again, best
/// first; candidates of equal score keep their order. Nothing changes for fewer than two groups.
pub(super) fn dekatkan(
    searcher: &Searcher,
    field: Field,
    kelompok: &[Vec<Term>],
    lebar: u32,
    top: &mut [(Score, DocAddress)],
) -> tantivy::Result<()> {
    let n = kelompok.len();
    if n < 2 || top.is_empty() {
        return Ok(());
    }
    // Candidates by segment, in document order, as postings are read forwards.
    let mut per_segmen: BTreeMap<u32, Vec<(DocId, usize)>> = BTreeMap::new();
    for (i, (_, alamat)) in top.iter().enumerate() {
        per_segmen
            .entry(alamat.segment_ord)
            .or_default()
            .push((alamat.doc_id, i));
    }
    let mut posisi: Vec<Vec<(u32, usize)>> = vec![Vec::new(); top.len()];
    let mut buf = Vec::new();
    for (seg, mut calon) in per_segmen {
        calon.sort_unstable();
        let indeks = searcher.segment_reader(seg).inverted_index(field)?;
        for (g, istilah) in kelompok.iter().enumerate() {
            for term in istilah {
                let Some(mut postings) =
                    indeks.read_postings(term, IndexRecordOption::WithFreqsAndPositions)?
                else {
                    continue;
                };
                for &(doc, i) in &calon {
                    if postings.doc() < doc {
                        postings.seek(doc);
                    }
                    if postings.doc() == doc {
                        postings.positions(&mut buf);
                        posisi[i].extend(buf.iter().map(|&p| (p, g)));
                    }
                }
            }
        }
    }
    for (i, p) in posisi.iter_mut().enumerate() {
        p.sort_unstable();
        if let Some(r) = rentang_terkecil(p, n) {
            top[i].0 *= faktor(n, lebar, r);
        }
    }
    top.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_narrowest_window_holds_every_group_once() {
        // hak(0) atas(1) tanah(2) … fungsi(9) sosial(10) … hak(12) atas(13) tanah(14)
        let p = [
            (0, 0),
            (1, 1),
            (2, 2),
            (9, 3),
            (10, 4),
            (12, 0),
            (13, 1),
            (14, 2),
        ];
        assert_eq!(rentang_terkecil(&p, 5), Some(6));
        assert_eq!(rentang_terkecil(&p[..4], 5), None);
        assert_eq!(rentang_terkecil(&[(3, 0), (3, 1)], 2), Some(1));
    }

    #[test]
    fn the_query_width_counts_its_stop_words() {
        let k = analyzer::kamus();
        assert_eq!(lebar_kueri(&k, "hak dan kewajiban para pihak"), 5);
        assert_eq!(lebar_kueri(&k, "\"keadaan memaksa\" desa"), 3);
        assert_eq!(lebar_kueri(&k, ""), 0);
    }

    #[test]
    fn nearness_falls_with_every_word_between() {
        assert_eq!(faktor(5, 5, 5), 1.0 + DORONG_MAKS);
        assert!(faktor(5, 5, 6) > faktor(5, 5, 7));
        assert_eq!(faktor(5, 5, 10), 1.0);
        assert_eq!(faktor(5, 5, 500), 1.0);
        assert_eq!(faktor(2, 2, 1), 1.0 + DORONG_MAKS);
        // "hak dan kewajiban para pihak": three roots over five positions, as in the query.
        assert_eq!(faktor(3, 5, 5), 1.0 + DORONG_MAKS);
        assert!(faktor(3, 5, 6) < faktor(3, 5, 5));
    }
}
