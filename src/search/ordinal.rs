//! Names of column ordinals (a regulation's id in `induk`, a facet's path), read once per
//! segment and kept. A generation never changes, so neither do they; reading one from the column
//! dictionary decompresses a whole block with a new zstd context each time, which was the largest
//! cost of an ordinary search (about an eighth of it, with the page faults of its buffers).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;

/// Which column an ordinal belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kolom {
    Induk,
    FacetJenis,
    FacetBidang,
}

/// Ordinal names per (segment, column, ordinal); at most [`MAKS`] kept, all dropped when full.
#[derive(Default)]
pub(super) struct NamaOrdinal {
    peta: Mutex<HashMap<(SegmentId, Kolom, u64), Arc<str>>>,
}

/// Regulations of the full-text corpus times segments, with room to spare.
const MAKS: usize = 200_000;

impl NamaOrdinal {
    /// The name of `ord` in `kolom` of segment `seg`, read with `baca` the first time.
    pub(super) fn nama(
        &self,
        seg: SegmentId,
        kolom: Kolom,
        ord: u64,
        baca: impl FnOnce(&mut String) -> tantivy::Result<()>,
    ) -> tantivy::Result<Arc<str>> {
        let kunci = (seg, kolom, ord);
        if let Ok(peta) = self.peta.lock()
            && let Some(n) = peta.get(&kunci)
        {
            return Ok(n.clone());
        }
        let mut buf = String::new();
        baca(&mut buf)?;
        let nama: Arc<str> = buf.into();
        if let Ok(mut peta) = self.peta.lock() {
            if peta.len() >= MAKS {
                peta.clear();
            }
            peta.insert(kunci, nama.clone());
        }
        Ok(nama)
    }
}
