//! The index: one schema, and the documents made from content entries and the full texts of
//! regulations. Generations on disk (builds, swaps, checks) are `search::generasi`.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::{Index, TantivyDocument};

use super::analyzer::{self, Analyzer, Mode};
use super::generasi::Kemajuan;
use super::peraturan::{Kurasi, dokumen_peraturan};
use crate::konten::{self, Data, Konten, markdown};
use crate::korpus;

/// The `jenis` of the full-text regulations.
pub const PERATURAN: &str = "peraturan";

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("indeks: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("indeks: {konteks}: {}", crate::berkas::pesan_io(.sumber))]
    Io {
        konteks: String,
        sumber: std::io::Error,
    },
    #[error("belum ada indeks di {0}; jalankan `sinergi index` terlebih dahulu")]
    BelumAda(PathBuf),
    #[error("indeks di {0} dibuat oleh versi lain; jalankan `sinergi index` lagi")]
    VersiLain(PathBuf),
    #[error("indeks di {0} rusak ({1})")]
    Rusak(PathBuf, String),
    #[error("indeks di {0} sedang dibangun oleh proses lain")]
    Terkunci(PathBuf),
    #[error("folder korpus {0} tidak dapat dibaca: {io}", io = crate::berkas::pesan_io(.1))]
    Korpus(PathBuf, std::io::Error),
}

pub(crate) fn io(konteks: impl Into<String>) -> impl FnOnce(std::io::Error) -> IndexError {
    let konteks = konteks.into();
    move |sumber| IndexError::Io { konteks, sumber }
}

/// The fields of the index, in one place.
#[derive(Clone, Debug)]
pub(crate) struct Fields {
    pub kunci: Field,
    pub id: Field,
    pub jenis: Field,
    pub f_jenis: Field,
    pub f_bidang: Field,
    pub bidang: Field,
    pub tahun: Field,
    pub judul: Field,
    pub judul_persis: Field,
    /// What a word must occur in to match: title, designation, key fields and body together.
    /// The short fields beside it only add to the score (see `search::query`).
    pub cari: Field,
    pub kunci_teks: Field,
    pub sebutan: Field,
    /// The body text, stored for snippets and reading.
    pub isi: Field,
    pub isi_persis: Field,
    pub url: Field,
    pub ringkas: Field,
    pub konteks: Field,
    pub induk: Field,
    pub induk_judul: Field,
    pub urutan: Field,
    /// The prior: [`BOBOT_KURASI`] for curated regulations, [`BOBOT_PASAL_KUNCI`] for the
    /// articles they name as key articles, 0 otherwise (see `search::penyusun`).
    pub bobot: Field,
    /// On a regulation's opening part: kind (`uu`, `pp`, …), number, subject and status, for
    /// browsing the full texts.
    pub bentuk: Field,
    pub nomor: Field,
    pub tentang: Field,
    pub status: Field,
    /// On an article: the anchor of its own explanation in the Penjelasan, when it has one.
    pub penjelasan: Field,
}

/// Prior of a curated regulation entry. The codes rise with the factor they stand for
/// (`search::peringkat::faktor_bobot`), so a segment's largest code gives its largest factor.
pub(crate) const BOBOT_KURASI: u64 = 1;
/// Prior of an article a curated entry names in `pasal_kunci`.
pub(crate) const BOBOT_PASAL_KUNCI: u64 = 2;

fn teks(analyzer: &str, simpan: bool) -> TextOptions {
    let o = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if simpan { o.set_stored() } else { o }
}

/// A field that only adds to scores: no positions.
fn teks_skor(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

pub fn skema() -> Schema {
    let mut s = Schema::builder();
    s.add_text_field("kunci", STRING | STORED);
    s.add_text_field("id", STRING | STORED);
    s.add_text_field("jenis", STRING | STORED);
    s.add_facet_field("f_jenis", FacetOptions::default());
    s.add_facet_field("f_bidang", FacetOptions::default());
    s.add_text_field("bidang", STORED);
    s.add_u64_field("tahun", INDEXED | FAST | STORED);
    s.add_text_field("judul", teks(analyzer::AKAR, true));
    s.add_text_field("judul_persis", teks(analyzer::PERSIS, false));
    s.add_text_field("kunci_teks", teks_skor(analyzer::AKAR));
    s.add_text_field("sebutan", teks_skor(analyzer::AKAR));
    s.add_text_field("cari", teks(analyzer::AKAR, false));
    s.add_text_field("isi", STORED);
    s.add_text_field("isi_persis", teks(analyzer::PERSIS, false));
    s.add_text_field("url", STORED);
    s.add_text_field("ringkas", STORED);
    s.add_text_field("konteks", STORED);
    s.add_text_field("induk", STRING | STORED | FAST);
    s.add_text_field("induk_judul", STORED);
    s.add_u64_field("urutan", INDEXED | FAST | STORED);
    s.add_u64_field("bobot", FAST | STORED);
    s.add_text_field("bentuk", STRING | STORED);
    s.add_text_field("nomor", STORED);
    s.add_text_field("tentang", STORED);
    s.add_text_field("status", STRING | STORED);
    s.add_text_field("penjelasan", STORED);
    s.build()
}

impl Fields {
    pub(crate) fn dari(s: &Schema) -> tantivy::Result<Fields> {
        let f = |n: &str| s.get_field(n);
        Ok(Fields {
            kunci: f("kunci")?,
            id: f("id")?,
            jenis: f("jenis")?,
            f_jenis: f("f_jenis")?,
            f_bidang: f("f_bidang")?,
            bidang: f("bidang")?,
            tahun: f("tahun")?,
            judul: f("judul")?,
            judul_persis: f("judul_persis")?,
            cari: f("cari")?,
            kunci_teks: f("kunci_teks")?,
            sebutan: f("sebutan")?,
            isi: f("isi")?,
            isi_persis: f("isi_persis")?,
            url: f("url")?,
            ringkas: f("ringkas")?,
            konteks: f("konteks")?,
            induk: f("induk")?,
            induk_judul: f("induk_judul")?,
            urutan: f("urutan")?,
            bobot: f("bobot")?,
            bentuk: f("bentuk")?,
            nomor: f("nomor")?,
            tentang: f("tentang")?,
            status: f("status")?,
            penjelasan: f("penjelasan")?,
        })
    }
}

pub(crate) fn daftarkan_analyzer(index: &Index) {
    index
        .tokenizers()
        .register(analyzer::AKAR, Analyzer::new(Mode::Akar));
    index
        .tokenizers()
        .register(analyzer::PERSIS, Analyzer::new(Mode::Persis));
}

/// How many documents a build wrote.
pub(crate) struct Jumlah {
    pub dokumen: u64,
    pub peraturan: usize,
    pub dilewati: usize,
}

/// Writes the documents of `konten`, of `tambahan` (more entries, for benchmarks) and of the
/// corpus into a new index in `dir`.
pub(crate) fn isi_generasi(
    konten: &Konten,
    tambahan: &mut dyn Iterator<Item = konten::Entri>,
    korpus_dir: Option<&Path>,
    dir: &Path,
    kemajuan: &mut dyn FnMut(Kemajuan),
) -> Result<Jumlah, IndexError> {
    let index = Index::create_in_dir(dir, skema())?;
    daftarkan_analyzer(&index);
    let f = Fields::dari(&index.schema())?;
    let benang = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(4);
    // Large in-memory segments and no merging while writing: merging rewrote every document
    // two or three times, and a million entries took 12 minutes instead of about two. Each
    // thread's segment is written whole when its 384 MB fill; a million entries make about
    // ten segments, which search as fast as a few.
    let mut writer = index.writer_with_num_threads(benang, 384_000_000 * benang)?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let mut dokumen = 0u64;
    for e in konten.semua() {
        writer.add_document(dokumen_entri(&f, e))?;
        dokumen += 1;
    }
    for e in tambahan {
        writer.add_document(dokumen_entri(&f, &e))?;
        dokumen += 1;
    }
    let kurasi = Kurasi::dari(konten);
    let (mut peraturan, mut dilewati) = (0, 0);
    if let Some(k) = korpus_dir {
        let berkas = korpus::daftar_berkas(k).map_err(|e| IndexError::Korpus(k.into(), e))?;
        kemajuan(Kemajuan::Mulai(berkas.len() as u64));
        for p in berkas {
            let rel = p.strip_prefix(k).unwrap_or(&p).to_path_buf();
            match korpus::baca(&p, &rel) {
                Ok(per) => {
                    for d in dokumen_peraturan(&f, &per, &kurasi) {
                        writer.add_document(d)?;
                        dokumen += 1;
                    }
                    peraturan += 1;
                }
                Err(g) => {
                    dilewati += 1;
                    kemajuan(Kemajuan::Dilewati(&g));
                }
            }
            kemajuan(Kemajuan::Maju);
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(Jumlah {
        dokumen,
        peraturan,
        dilewati,
    })
}

static RE_PENANDA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{[^}]*\}\}|\{%[^%]*%\}|\{#[^#]*#\}").expect("valid regex"));

/// Template wording with its tera placeholders and tags taken out, for the index.
pub fn tanpa_penanda(md: &str) -> String {
    RE_PENANDA
        .replace_all(
            md,
            |c: &regex::Captures| {
                if c[0].starts_with("{{") { "…" } else { "" }
            },
        )
        .into_owned()
}

fn dokumen_entri(f: &Fields, e: &konten::Entri) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    let jenis = e.koleksi.slug();
    d.add_text(f.kunci, format!("{jenis}/{}", e.id));
    d.add_text(f.id, &e.id);
    d.add_text(f.jenis, jenis);
    d.add_facet(f.f_jenis, Facet::from_path([jenis]));
    for b in &e.bidang {
        d.add_facet(f.f_bidang, Facet::from_path([b.slug()]));
        d.add_text(f.bidang, b.slug());
    }
    if let Some(t) = e.tahun {
        d.add_u64(f.tahun, t.into());
    }
    let kurasi = matches!(e.data, Data::Regulasi(_));
    d.add_u64(f.bobot, if kurasi { BOBOT_KURASI } else { 0 });
    d.add_text(f.judul, &e.judul);
    d.add_text(f.judul_persis, &e.judul);
    d.add_text(f.url, e.url());
    let mut sebutan = String::new();
    d.add_u64(f.urutan, 0);
    let mut kunci: Vec<String> = Vec::new();
    match &e.data {
        Data::Regulasi(r) => {
            kunci.extend([r.bentuk.clone(), r.tentang.clone(), r.teu_badan.clone()]);
            kunci.extend(r.subjek.iter().cloned());
            for p in &r.pasal_kunci {
                kunci.push(format!("Pasal {} {}", p.pasal, p.ringkasan));
            }
            sebutan = format!(
                "{} {} Nomor {} Tahun {}",
                r.sebutan(),
                r.singkatan_bentuk,
                r.nomor,
                r.tahun
            );
            d.add_text(f.sebutan, &sebutan);
        }
        Data::StudiKasus(s) => {
            kunci.push(s.lokasi.ringkas());
            kunci.extend(s.mitra.iter().cloned());
            kunci.push(s.hasil.clone());
            kunci.extend(s.pelajaran.iter().cloned());
        }
        Data::Templat(t) => kunci.push(markdown::ke_teks(&t.panduan)),
        Data::Materi(m) => {
            kunci.extend(m.tujuan.iter().cloned());
            kunci.extend(m.pertanyaan_diskusi.iter().cloned());
            kunci.extend(m.kuis.iter().map(|s| s.pertanyaan.clone()));
        }
    }
    let ringkas = e.ringkas();
    let kunci = kunci.join("\n");
    d.add_text(f.kunci_teks, &kunci);
    d.add_text(f.ringkas, ringkas);
    let body = match &e.data {
        Data::Templat(_) => tanpa_penanda(&e.body),
        _ => e.body.clone(),
    };
    let isi = markdown::ke_teks(&body);
    d.add_text(f.isi_persis, &isi);
    teks_cari(&mut d, f, [&e.judul, &sebutan, &kunci, &isi]);
    d.add_text(f.isi, isi);
    d
}

/// Fills the search field. Each part is a separate value, so phrases never run across parts.
pub(super) fn teks_cari(d: &mut TantivyDocument, f: &Fields, bagian: [&str; 4]) {
    for b in bagian {
        if !b.trim().is_empty() {
            d.add_text(f.cari, b);
        }
    }
}

/// Long texts are indexed in parts of about this many bytes, so a hit lands near its words and
/// snippets stay cheap; the parts are joined again for reading.
const PANJANG_BAGIAN: usize = 2000;

/// Splits `teks` at line ends into parts of about [`PANJANG_BAGIAN`] bytes.
pub(super) fn potong_bagian(teks: &str) -> Vec<&str> {
    let mut bagian = Vec::new();
    let mut mulai = 0;
    while teks.len() - mulai > PANJANG_BAGIAN * 3 / 2 {
        let batas = teks.floor_char_boundary(mulai + PANJANG_BAGIAN);
        let akhir = teks[batas..]
            .find('\n')
            .map(|i| batas + i + 1)
            .or_else(|| teks[batas..].find(". ").map(|i| batas + i + 2))
            .unwrap_or(teks.len());
        bagian.push(&teks[mulai..akhir]);
        mulai = akhir;
    }
    if mulai < teks.len() || bagian.is_empty() {
        bagian.push(&teks[mulai..]);
    }
    bagian
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_at_line_ends_and_lose_nothing() {
        let baris = "kata ".repeat(30) + "\n";
        let teks = baris.repeat(200);
        let bagian = potong_bagian(&teks);
        assert!(bagian.len() > 1);
        assert!(bagian.iter().all(|b| b.ends_with('\n')));
        assert_eq!(bagian.concat(), teks);
        assert_eq!(potong_bagian("pendek"), ["pendek"]);
    }

    #[test]
    fn placeholders_leave_the_indexed_wording() {
        assert_eq!(
            tanpa_penanda("Pihak {{ pihak_kedua.nama }} {% if x %}setuju{% endif %}."),
            "Pihak … setuju."
        );
    }
}
