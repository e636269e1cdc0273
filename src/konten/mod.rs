//! The curated content: four collections of Markdown files with YAML front-matter, plus the
//! glossary. Loading validates everything and reports every problem at once.

mod frontmatter;
mod kolom;
mod kosakata;
pub(crate) mod markdown;
mod muat;
mod periksa;
mod pesan;
pub(crate) mod skema;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

pub use muat::{BATAS_BERKAS, berkas_konten, muat};
pub use skema::{
    Bidang, Istilah, JenisKolom, Kolom, Lokasi, Materi, PasalKunci, Regulasi, Soal, StudiKasus,
    TAHAP, Templat, URAIAN_TAHAP, label_tahap,
};

/// The four curated collections; the folder name is also the URL segment and the `jenis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Koleksi {
    Regulasi,
    StudiKasus,
    Templat,
    Materi,
}

impl Koleksi {
    pub const SEMUA: [Koleksi; 4] = [
        Koleksi::Regulasi,
        Koleksi::StudiKasus,
        Koleksi::Templat,
        Koleksi::Materi,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Koleksi::Regulasi => "regulasi",
            Koleksi::StudiKasus => "studi-kasus",
            Koleksi::Templat => "templat",
            Koleksi::Materi => "materi",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Koleksi::Regulasi => "Regulasi",
            Koleksi::StudiKasus => "Studi kasus",
            Koleksi::Templat => "Templat dokumen",
            Koleksi::Materi => "Materi sosialisasi",
        }
    }

    pub fn dari_slug(s: &str) -> Option<Koleksi> {
        Koleksi::SEMUA.into_iter().find(|k| k.slug() == s)
    }
}

/// A problem in the content, at `path:line:col`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masalah {
    pub path: PathBuf,
    pub baris: usize,
    pub kolom: usize,
    pub pesan: String,
}

impl fmt::Display for Masalah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.baris,
            self.kolom,
            self.pesan
        )
    }
}

/// Every problem found in a content tree.
#[derive(Debug, thiserror::Error)]
#[error("{} masalah ditemukan di konten", .0.len())]
pub struct KontenTidakSah(pub Vec<Masalah>);

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "koleksi", content = "data", rename_all = "kebab-case")]
pub enum Data {
    Regulasi(Regulasi),
    StudiKasus(StudiKasus),
    Templat(Templat),
    Materi(Materi),
}

/// One validated entry.
#[derive(Debug, Clone, Serialize)]
pub struct Entri {
    pub id: String,
    pub koleksi: Koleksi,
    #[serde(skip)]
    pub path: PathBuf,
    pub judul: String,
    pub bidang: Vec<Bidang>,
    pub tahun: Option<u16>,
    /// Markdown body as written.
    pub body: String,
    #[serde(flatten)]
    pub data: Data,
}

impl Entri {
    pub fn url(&self) -> String {
        format!("/{}/{}", self.koleksi.slug(), self.id)
    }

    /// The entry in one line, under its title in lists and results: "UU 6/2014 · Berlaku",
    /// "Kerja sama antar-Desa · Desa A — Kabupaten B", "Tahap persiapan", "Modul 3 · 60 menit".
    pub fn ringkas(&self) -> String {
        match &self.data {
            Data::Regulasi(r) => format!(
                "{} · {}",
                r.sebutan(),
                if r.berlaku() {
                    "Berlaku"
                } else {
                    "Tidak berlaku"
                }
            ),
            Data::StudiKasus(s) => {
                let jenis = if s.jenis_kerja_sama == "antar-desa" {
                    "Kerja sama antar-Desa"
                } else {
                    "Kerja sama dengan pihak ketiga"
                };
                format!("{jenis} · {}", s.lokasi.ringkas())
            }
            Data::Templat(t) => format!("Tahap {}", label_tahap(&t.tahap).to_lowercase()),
            Data::Materi(m) => format!("Modul {} · {} menit", m.urutan, m.durasi),
        }
    }

    /// Ids this entry points to, with the collection each must be in and the key that names them.
    fn rujukan(&self) -> Vec<(&'static str, Koleksi, &str)> {
        let daftar: Vec<(&'static str, Koleksi, &[String])> = match &self.data {
            Data::Regulasi(x) => vec![
                ("mengubah", Koleksi::Regulasi, &x.mengubah),
                ("diubah_dengan", Koleksi::Regulasi, &x.diubah_dengan),
                ("mencabut", Koleksi::Regulasi, &x.mencabut),
                ("dicabut_dengan", Koleksi::Regulasi, &x.dicabut_dengan),
            ],
            Data::StudiKasus(x) => vec![("regulasi", Koleksi::Regulasi, &x.regulasi)],
            Data::Templat(x) => vec![("dasar_hukum", Koleksi::Regulasi, &x.dasar_hukum)],
            Data::Materi(x) => vec![
                ("regulasi", Koleksi::Regulasi, &x.regulasi),
                ("studi_kasus", Koleksi::StudiKasus, &x.studi_kasus),
            ],
        };
        daftar
            .into_iter()
            .flat_map(|(kunci, k, ids)| ids.iter().map(move |id| (kunci, k, id.as_str())))
            .collect()
    }
}

/// The whole loaded content tree.
#[derive(Debug, Default)]
pub struct Konten {
    pub root: PathBuf,
    entri: Vec<Entri>,
    per_id: HashMap<String, usize>,
    pub istilah: Vec<Istilah>,
}

impl Konten {
    pub fn semua(&self) -> &[Entri] {
        &self.entri
    }

    pub fn koleksi(&self, k: Koleksi) -> impl Iterator<Item = &Entri> {
        self.entri.iter().filter(move |e| e.koleksi == k)
    }

    /// The entry with this id, in any collection.
    pub fn entri(&self, id: &str) -> Option<&Entri> {
        self.per_id.get(id).map(|&i| &self.entri[i])
    }

    pub fn dapatkan(&self, k: Koleksi, id: &str) -> Option<&Entri> {
        self.entri(id).filter(|e| e.koleksi == k)
    }

    /// Entries that point at `id`, with the key they use (`regulasi`, `mencabut`, …).
    pub fn dirujuk_oleh(&self, id: &str) -> Vec<(&'static str, &Entri)> {
        let mut hasil = Vec::new();
        for e in &self.entri {
            for (kunci, _, target) in e.rujukan() {
                if target == id {
                    hasil.push((kunci, e));
                }
            }
        }
        hasil
    }

    /// Materi modules in teaching order.
    pub fn materi_urut(&self) -> Vec<(&Entri, &Materi)> {
        let mut m: Vec<_> = self
            .entri
            .iter()
            .filter_map(|e| match &e.data {
                Data::Materi(x) => Some((e, x)),
                _ => None,
            })
            .collect();
        m.sort_by_key(|(e, x)| (x.urutan, e.id.clone()));
        m
    }
}
