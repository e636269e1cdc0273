//! Counting a query's matches and their facets: exactly up to [`BATAS_HITUNG`], estimated by
//! sampling past it.

use std::collections::BTreeMap;

use tantivy::query::{EnableScoring, Query};
use tantivy::schema::Facet;
use tantivy::{DocId, DocSet, Searcher, TERMINATED};

use super::ordinal::{Kolom, NamaOrdinal};
use super::query::BATAS_HITUNG;

/// Match counts and facet counts of a query.
pub(super) struct Hitungan {
    pub total: u64,
    pub tepat: bool,
    pub jenis: BTreeMap<String, u64>,
    pub bidang: BTreeMap<String, u64>,
}

/// Windows the rest of a segment is sampled in once [`BATAS_HITUNG`] matches were counted,
/// and matches counted per window at most.
const JENDELA: u32 = 32;
const PER_JENDELA: u32 = 32;

/// Counts the matches of `q` with their `f_jenis` and `f_bidang` facets: one by one up to
/// [`BATAS_HITUNG`], then by sampling what is left (each segment's rest cut into [`JENDELA`]
/// windows, each window's matches counted up to [`PER_JENDELA`] and scaled by how much of the
/// window that covered). Counting a million matches one by one was most of a broad search's
/// cost; this visits at most about 10,000 plus 1,000 per segment.
pub(super) fn hitung(
    searcher: &Searcher,
    nama: &NamaOrdinal,
    q: &dyn Query,
) -> tantivy::Result<Hitungan> {
    let weight = q.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut pasti = 0u64;
    let mut kira = 0f64;
    let mut tepat = true;
    let mut jenis: BTreeMap<String, f64> = BTreeMap::new();
    let mut bidang: BTreeMap<String, f64> = BTreeMap::new();
    for reader in searcher.segment_readers() {
        let mut scorer = weight.scorer(reader, 1.0)?;
        let fj = reader.facet_reader("f_jenis")?;
        let fb = reader.facet_reader("f_bidang")?;
        let mut nj = vec![0f64; fj.num_facets()];
        let mut nb = vec![0f64; fb.num_facets()];
        let hidup = |d: DocId| reader.alive_bitset().is_none_or(|a| a.is_alive(d));
        let mut tambah = |d: DocId, w: f64| {
            for o in fj.facet_ords(d) {
                if let Some(x) = nj.get_mut(o as usize) {
                    *x += w;
                }
            }
            for o in fb.facet_ords(d) {
                if let Some(x) = nb.get_mut(o as usize) {
                    *x += w;
                }
            }
        };
        let mut doc = scorer.doc();
        while tepat && doc != TERMINATED {
            if pasti >= BATAS_HITUNG as u64 {
                tepat = false;
                break;
            }
            if hidup(doc) {
                pasti += 1;
                tambah(doc, 1.0);
            }
            doc = scorer.advance();
        }
        if !tepat && doc != TERMINATED {
            let maks = reader.max_doc();
            let lebar = (maks - doc).div_ceil(JENDELA).max(1);
            let mut a = doc;
            let mut jendela = Vec::with_capacity(PER_JENDELA as usize);
            while a < maks {
                let b = a.saturating_add(lebar).min(maks);
                if doc < a {
                    doc = scorer.seek(a);
                }
                jendela.clear();
                let mut akhir = a;
                while doc < b && (jendela.len() as u32) < PER_JENDELA {
                    if hidup(doc) {
                        jendela.push(doc);
                    }
                    akhir = doc;
                    doc = scorer.advance();
                }
                // Stopped early: the window's density so far, over all of it.
                let faktor = if doc < b {
                    f64::from(b - a) / f64::from(akhir - a + 1)
                } else {
                    1.0
                };
                kira += jendela.len() as f64 * faktor;
                for &d in &jendela {
                    tambah(d, faktor);
                }
                a = b;
            }
        }
        let mut facet = Facet::root();
        for (n, peta, fr, kolom) in [
            (&nj, &mut jenis, &fj, Kolom::FacetJenis),
            (&nb, &mut bidang, &fb, Kolom::FacetBidang),
        ] {
            for (o, &x) in n.iter().enumerate() {
                if x <= 0.0 {
                    continue;
                }
                let s = nama.nama(reader.segment_id(), kolom, o as u64, |buf| {
                    fr.facet_from_ord(o as u64, &mut facet)?;
                    buf.push_str(facet.to_path_string().trim_start_matches('/'));
                    Ok(())
                })?;
                *peta.entry(s.to_string()).or_default() += x;
            }
        }
    }
    let bulat = |m: BTreeMap<String, f64>| -> BTreeMap<String, u64> {
        m.into_iter()
            .map(|(k, v)| (k, v.round() as u64))
            .filter(|(_, v)| *v > 0)
            .collect()
    };
    Ok(Hitungan {
        total: pasti + kira.round() as u64,
        tepat,
        jenis: bulat(jenis),
        bidang: bulat(bidang),
    })
}
