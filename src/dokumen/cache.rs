//! Recently made documents, for identical requests.

use typst::syntax::FileId;

use crate::opsi::Format;

/// Recently made documents by what made them (layout, format, data, image): an identical request is
/// answered with the same bytes without typesetting again. At most [`CACHE_PDF_BYTE`] bytes;
/// the least recently used half goes when full.
#[derive(Default)]
pub(super) struct CachePdf {
    isi: std::sync::Mutex<IsiCachePdf>,
}

/// A clock that ticks on every use, bytes held, and each PDF with the tick it was last used at.
type IsiCachePdf = (
    u64,
    usize,
    std::collections::HashMap<u128, (u64, std::sync::Arc<Vec<u8>>)>,
);

const CACHE_PDF_BYTE: usize = 4 * 1024 * 1024;

impl CachePdf {
    pub(super) fn kunci(
        &self,
        tata_letak: FileId,
        format: Format,
        data: &[u8],
        gambar: Option<&[u8]>,
    ) -> u128 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&tata_letak.into_raw().get().to_le_bytes());
        h.update(format.ekstensi().as_bytes());
        h.update(&(data.len() as u64).to_le_bytes());
        h.update(data);
        if let Some(g) = gambar {
            h.update(g);
        }
        h.digest128()
    }

    pub(super) fn ambil(&self, kunci: u128) -> Option<Vec<u8>> {
        let mut g = self.isi.lock().ok()?;
        g.0 += 1;
        let jam = g.0;
        let (dipakai, pdf) = g.2.get_mut(&kunci)?;
        *dipakai = jam;
        Some(pdf.as_ref().clone())
    }

    pub(super) fn simpan(&self, kunci: u128, pdf: &[u8]) {
        let Ok(mut g) = self.isi.lock() else { return };
        if pdf.len() > CACHE_PDF_BYTE / 8 {
            return;
        }
        if g.1 + pdf.len() > CACHE_PDF_BYTE {
            let mut umur: Vec<u64> = g.2.values().map(|(d, _)| *d).collect();
            umur.sort_unstable();
            let batas = umur.get(umur.len() / 2).copied().unwrap_or(0);
            g.2.retain(|_, (d, _)| *d > batas);
            g.1 = g.2.values().map(|(_, p)| p.len()).sum();
        }
        g.0 += 1;
        let jam = g.0;
        g.1 += pdf.len();
        if let Some((_, lama)) = g.2.insert(kunci, (jam, std::sync::Arc::new(pdf.to_vec()))) {
            g.1 -= lama.len();
        }
    }
}
