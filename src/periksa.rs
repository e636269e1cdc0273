//! What `sinergi check` checks: the whole content tree, and every document type rendered from
//! its own example, so a broken layout or wording is found before a user finds it.

use std::path::Path;

use crate::dokumen::{DokumenError, Mesin, Opsi};
use crate::konten::{self, Koleksi, Konten, KontenTidakSah};

/// The outcome of a check: every problem (`path:line:col: message` for content), and the
/// loaded content when it was valid.
pub struct Laporan {
    pub masalah: Vec<String>,
    pub konten: Option<Konten>,
}

impl Laporan {
    /// "Konten valid: 45 entri (15 regulasi, …), 39 istilah."
    pub fn ringkasan(&self) -> Option<String> {
        let k = self.konten.as_ref()?;
        Some(format!(
            "Konten valid: {} entri ({} regulasi, {} studi kasus, {} templat, {} materi), {} istilah.",
            k.semua().len(),
            k.koleksi(Koleksi::Regulasi).count(),
            k.koleksi(Koleksi::StudiKasus).count(),
            k.koleksi(Koleksi::Templat).count(),
            k.koleksi(Koleksi::Materi).count(),
            k.istilah.len()
        ))
    }
}

/// Checks the content under `content` and the document layouts under `dokumen` (the
/// `templates/dokumen` folder in use).
pub fn periksa(content: &Path, dokumen: &Path) -> Laporan {
    let konten = match konten::muat(content) {
        Ok(k) => k,
        Err(KontenTidakSah(m)) => {
            return Laporan {
                masalah: m.iter().map(ToString::to_string).collect(),
                konten: None,
            };
        }
    };
    let mut masalah = Vec::new();
    match Mesin::muat(&konten, dokumen) {
        Ok(mesin) => {
            masalah.extend(mesin.masalah.iter().map(ToString::to_string));
            for j in mesin.daftar() {
                if let Err(e) = mesin.render(&j.id, &j.contoh(), &Opsi::default()) {
                    masalah.push(format!(
                        "{}: contoh isian tidak menghasilkan PDF: {e}",
                        j.berkas.display()
                    ));
                    if let DokumenError::Isian(g) = &e {
                        masalah.extend(g.iter().map(|x| format!("  {x}")));
                    }
                }
            }
        }
        Err(e) => masalah.push(e.to_string()),
    }
    Laporan {
        masalah,
        konten: Some(konten),
    }
}
