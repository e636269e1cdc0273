//! Ranking: the best matches of a query with each entry's prior, and the parts of one
//! regulation gathered under its best one.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::TopDocs;
use tantivy::columnar::ColumnValues;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocId, Executor, Score, Searcher, SegmentReader};

use super::index::{BOBOT_KURASI, BOBOT_PASAL_KUNCI};
use super::ordinal::{Kolom, NamaOrdinal};

/// How much the prior multiplies a score: curated regulations and the articles they name as
/// key articles are the legal basis of what the content is about, so among matches they come
/// first (issue 13: "kerja sama antar desa" put Permendagri 96/2017 17th, below templates).
pub(super) fn faktor_bobot(bobot: u64) -> Score {
    match bobot {
        BOBOT_KURASI => 1.6,
        BOBOT_PASAL_KUNCI => 1.75,
        _ => 1.0,
    }
}

/// The largest [`faktor_bobot`] among a segment's entries. The prior codes rise with their
/// factor, so it is the factor of the largest code; a segment of content without curated
/// regulations or key articles is bounded by 1.0 rather than by the key articles' 1.75.
pub(super) fn faktor_maks(bobot: &dyn ColumnValues<u64>) -> Score {
    faktor_bobot(bobot.max_value())
}

/// The prior column of a segment. Every entry has a prior, so the column is read directly
/// (through the optional-column wrapper this lookup was a tenth of a broad query's time).
pub(super) fn bobot_kolom(seg: &SegmentReader) -> Option<Arc<dyn ColumnValues<u64>>> {
    seg.fast_fields().u64("bobot").ok().map(|c| match c.index {
        tantivy::columnar::ColumnIndex::Full => c.values,
        _ => c.first_or_default_col(0),
    })
}

/// The best `n` matches of `q`, scores multiplied by their prior.
pub(super) fn peringkat(
    searcher: &Searcher,
    pelaksana: &Executor,
    q: &dyn Query,
    n: usize,
) -> tantivy::Result<Vec<(Score, DocAddress)>> {
    let top = TopDocs::with_limit(n.max(1)).tweak_score(|seg: &SegmentReader| {
        let bobot = bobot_kolom(seg);
        move |doc: DocId, skor: Score| match &bobot {
            Some(b) => skor * faktor_bobot(b.get_val(doc)),
            None => skor,
        }
    });
    searcher.search_with_executor(
        q,
        &top,
        pelaksana,
        EnableScoring::enabled_from_searcher(searcher),
    )
}

/// One result: an entry, or the best part of a regulation with the others that matched.
pub(super) struct Grup {
    pub skor: Score,
    pub alamat: DocAddress,
    pub lain: Vec<DocAddress>,
}

/// Ranked matches with the parts of one regulation gathered under its best one.
pub(super) fn kelompokkan(
    searcher: &Searcher,
    nama: &NamaOrdinal,
    top: Vec<(Score, DocAddress)>,
) -> tantivy::Result<Vec<Grup>> {
    let mut kolom: HashMap<u32, Option<tantivy::columnar::StrColumn>> = HashMap::new();
    let mut per_induk: HashMap<Arc<str>, usize> = HashMap::new();
    let mut grup: Vec<Grup> = Vec::with_capacity(top.len());
    for (skor, alamat) in top {
        let seg = searcher.segment_reader(alamat.segment_ord);
        let k = kolom
            .entry(alamat.segment_ord)
            .or_insert_with(|| seg.fast_fields().str("induk").ok().flatten());
        let induk = match k
            .as_ref()
            .and_then(|k| Some((k, k.term_ords(alamat.doc_id).next()?)))
        {
            Some((k, ord)) => Some(nama.nama(seg.segment_id(), Kolom::Induk, ord, |buf| {
                k.ord_to_str(ord, buf)?;
                Ok(())
            })?),
            None => None,
        };
        match induk.filter(|n| !n.is_empty()) {
            None => grup.push(Grup {
                skor,
                alamat,
                lain: Vec::new(),
            }),
            Some(n) => match per_induk.get(&n) {
                Some(&i) => grup[i].lain.push(alamat),
                None => {
                    per_induk.insert(n, grup.len());
                    grup.push(Grup {
                        skor,
                        alamat,
                        lain: Vec::new(),
                    });
                }
            },
        }
    }
    Ok(grup)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`faktor_maks`] takes the factor of a segment's largest code: that is the segment's
    /// largest factor only while the codes rise with their factors.
    #[test]
    fn prior_codes_rise_with_their_factor() {
        let kode = [0, BOBOT_KURASI, BOBOT_PASAL_KUNCI];
        for pasang in kode.windows(2) {
            assert!(pasang[0] < pasang[1]);
            assert!(faktor_bobot(pasang[0]) < faktor_bobot(pasang[1]));
        }
        assert_eq!(faktor_bobot(0), 1.0);
    }
}
