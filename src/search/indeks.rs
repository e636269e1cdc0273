//! An open index: searching it (the query from `penyusun`, facet counts, snippets from
//! `cuplikan`) and reading a full-text regulation back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::schema::{Facet, Field, Value};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument};

use super::analyzer;
use super::cuplikan::Penyorot;
use super::generasi::Meta;
use super::index::{Fields, IndexError, daftarkan_analyzer};
use super::penyusun::{EJAAN_MAKS, Penyusun, gabung, saring, term_mentah};
use super::query::{BagianPeraturan, Facets, Hasil, Hit, Permintaan};

/// An open index with its reader.
pub struct Indeks {
    index: Index,
    reader: IndexReader,
    f: Fields,
    meta: Meta,
    /// The generation folder this index lives in.
    dir: PathBuf,
    /// Spelling decisions already made for this index: word → the indexed word to search
    /// instead, or none when it is not a typo. Bounded; cleared when full.
    ejaan: std::sync::Mutex<std::collections::HashMap<String, Option<String>>>,
}

impl Indeks {
    /// What the index was built from.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The generation folder this index lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Files of the index whose checksum does not match their contents.
    pub(crate) fn checksum_salah(&self) -> tantivy::Result<Vec<PathBuf>> {
        let mut salah: Vec<PathBuf> = self.index.validate_checksum()?.into_iter().collect();
        salah.sort();
        Ok(salah)
    }

    /// Opens the tantivy index in generation folder `dir`, built as `meta` says.
    pub(crate) fn buka_folder(dir: &Path, meta: Meta) -> Result<Indeks, IndexError> {
        let index = Index::open_in_dir(dir)?;
        daftarkan_analyzer(&index);
        let f = Fields::dari(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Indeks {
            index,
            reader,
            f,
            meta,
            dir: dir.to_path_buf(),
            ejaan: Default::default(),
        })
    }

    fn penyusun<'a>(&'a self, kamus: &'a analyzer::Kamus, searcher: &'a Searcher) -> Penyusun<'a> {
        Penyusun {
            f: &self.f,
            kamus,
            searcher,
            koreksi: Default::default(),
            bonus: Default::default(),
            memo_ejaan: &self.ejaan,
            sisa_ejaan: std::cell::Cell::new(EJAAN_MAKS),
            terlihat: Default::default(),
        }
    }

    /// Runs a search. Facet counts for a dimension ignore that dimension's own filter, so a user
    /// sees what choosing another value would give.
    pub fn cari(&self, p: &Permintaan) -> tantivy::Result<Hasil> {
        let searcher = self.reader.searcher();
        let kamus = analyzer::kamus();
        let penyusun = self.penyusun(&kamus, &searcher);
        let kelompok = penyusun.kelompok(&p.q);
        let bonus = penyusun.bonus();
        let saringan = saring(&self.f, p);
        let banyak = kelompok.len() > 1;
        let dengan_bonus = |wajib: Occur| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(
                kelompok
                    .iter()
                    .map(|q| (wajib, q.box_clone()))
                    .chain(bonus.iter().map(|q| (Occur::Should, q.box_clone())))
                    .collect(),
            ))
        };
        let (utama, mut semua_kata): (Box<dyn Query>, bool) = if kelompok.is_empty() {
            (Box::new(AllQuery), true)
        } else {
            (dengan_bonus(Occur::Must), true)
        };
        let limit = p.limit.clamp(1, 100);
        let kumpul = |q: &dyn Query| {
            let mut fj = FacetCollector::for_field("f_jenis");
            fj.add_facet(Facet::root());
            let mut fb = FacetCollector::for_field("f_bidang");
            fb.add_facet(Facet::root());
            let top = TopDocs::with_limit(limit)
                .and_offset(p.offset)
                .order_by_score();
            searcher.search(q, &(top, Count, fj, fb))
        };
        // One pass gives hits, total and both facets; a fallback and filtered facets cost more.
        let mut penuh = gabung(utama.as_ref(), &saringan, None);
        let (mut top, mut total, mut fj, mut fb) = kumpul(penuh.as_ref())?;
        let mut utama = utama;
        if total == 0 && banyak {
            // Nothing has every word: rank by how many words match instead.
            utama = dengan_bonus(Occur::Should);
            penuh = gabung(utama.as_ref(), &saringan, None);
            (top, total, fj, fb) = kumpul(penuh.as_ref())?;
            semua_kata = false;
        }
        let mut facets = Facets {
            jenis: anak_facet(&fj),
            bidang: anak_facet(&fb),
        };
        if p.jenis.is_some() {
            let q = gabung(utama.as_ref(), &saringan, Some("jenis"));
            facets.jenis = hitung_facet(&searcher, q.as_ref(), "f_jenis")?;
        }
        if p.bidang.is_some() {
            let q = gabung(utama.as_ref(), &saringan, Some("bidang"));
            facets.bidang = hitung_facet(&searcher, q.as_ref(), "f_bidang")?;
        }
        let sorot = Penyorot::new(&kamus, akar_sorotan(&searcher, penuh.as_ref(), self.f.cari));
        let mut hits = Vec::with_capacity(top.len());
        for (skor, alamat) in top {
            hits.push(self.hit(&searcher, &sorot, skor, alamat)?);
        }
        Ok(Hasil {
            total,
            hits,
            facets,
            semua_kata,
            koreksi: penyusun.koreksi.into_inner().into_iter().collect(),
        })
    }

    fn hit(
        &self,
        searcher: &Searcher,
        sorot: &Penyorot,
        skor: f32,
        alamat: DocAddress,
    ) -> tantivy::Result<Hit> {
        let f = &self.f;
        let doc: TantivyDocument = searcher.doc(alamat)?;
        let isi = teks_tersimpan(&doc, f.isi);
        let cuplikan = sorot.cuplik(&isi, PANJANG_CUPLIKAN);
        let induk = teks_tersimpan(&doc, f.induk_judul);
        let judul = teks_tersimpan(&doc, f.judul);
        Ok(Hit {
            id: teks_tersimpan(&doc, f.id),
            judul: if induk.is_empty() || induk == judul {
                judul
            } else {
                format!("{judul} — {induk}")
            },
            jenis: teks_tersimpan(&doc, f.jenis),
            skor,
            cuplikan,
            url: teks_tersimpan(&doc, f.url),
            ringkas: teks_tersimpan(&doc, f.ringkas),
            konteks: teks_tersimpan(&doc, f.konteks),
            peraturan: Some(teks_tersimpan(&doc, f.induk)).filter(|s| !s.is_empty()),
            bidang: doc
                .get_all(f.bidang)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            tahun: doc.get_first(f.tahun).and_then(|v| v.as_u64()),
        })
    }

    /// Every stored part of one full-text regulation, in order (opening, articles, explanation).
    pub fn peraturan(&self, id: &str) -> tantivy::Result<Vec<BagianPeraturan>> {
        let searcher = self.reader.searcher();
        let q = term_mentah(self.f.induk, id);
        let top = searcher.search(q.as_ref(), &TopDocs::with_limit(20_000).order_by_score())?;
        let mut bagian = Vec::with_capacity(top.len());
        for (_, alamat) in top {
            let doc: TantivyDocument = searcher.doc(alamat)?;
            bagian.push(BagianPeraturan {
                id: teks_tersimpan(&doc, self.f.id),
                judul: teks_tersimpan(&doc, self.f.judul),
                konteks: teks_tersimpan(&doc, self.f.konteks),
                teks: teks_tersimpan(&doc, self.f.isi),
                urutan: doc
                    .get_first(self.f.urutan)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0),
            });
        }
        bagian.sort_by_key(|b| b.urutan);
        // Long articles are indexed in parts (`…#pasal-81@2`): join them for reading.
        let mut gabungan: Vec<BagianPeraturan> = Vec::with_capacity(bagian.len());
        for b in bagian {
            match (gabungan.last_mut(), b.id.split_once('@')) {
                (Some(akhir), Some((induk, _))) if akhir.id == induk => {
                    akhir.teks.push_str(&b.teks)
                }
                _ => gabungan.push(b),
            }
        }
        Ok(gabungan)
    }
}

fn hitung_facet(
    searcher: &Searcher,
    q: &dyn Query,
    field: &str,
) -> tantivy::Result<BTreeMap<String, u64>> {
    let mut c = FacetCollector::for_field(field);
    c.add_facet(Facet::root());
    Ok(anak_facet(&searcher.search(q, &c)?))
}

fn anak_facet(counts: &tantivy::collector::FacetCounts) -> BTreeMap<String, u64> {
    counts
        .get(Facet::root())
        .map(|(facet, n)| {
            let s = facet.to_path_string();
            (s.trim_start_matches('/').to_string(), n)
        })
        .collect()
}

fn teks_tersimpan(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

const PANJANG_CUPLIKAN: usize = 220;

/// The roots a query searches in body text, weighted by rarity, for highlighting.
fn akar_sorotan(searcher: &Searcher, q: &dyn Query, field: Field) -> Vec<(String, f32)> {
    let n = searcher.num_docs() as f32;
    let mut akar = Vec::new();
    q.query_terms(&mut |term, _| {
        if term.field() == field
            && let Some(teks) = term.value().as_str()
        {
            let df = searcher.doc_freq(term).unwrap_or(0) as f32;
            akar.push((teks.to_string(), (1.0 + n / (df + 1.0)).ln()));
        }
    });
    akar
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::generasi;

    #[test]
    fn a_query_keeps_each_word_once_and_at_most_sixteen_groups() {
        let konten = crate::konten::muat(Path::new("content")).expect("bundled content");
        let dir = tempfile::tempdir().expect("tempdir");
        generasi::bangun(&konten, None, dir.path(), &mut |_| {}).expect("index");
        let indeks = generasi::buka(dir.path(), generasi::Periksa::Ukuran).expect("open");
        let kamus = analyzer::kamus();
        let searcher = indeks.reader.searcher();
        let n = |q: &str| indeks.penyusun(&kamus, &searcher).kelompok(q).len();
        assert_eq!(n("desa desa desa"), 1);
        assert_eq!(n(&"a ".repeat(250)), 1, "stop words alone, once");
        let banyak: Vec<String> = (0..60).map(|i| format!("kata{i}")).collect();
        assert_eq!(n(&banyak.join(" ")), 16);
        assert_eq!(n("\"desa desa\" \"desa desa\" kerja"), 2);
        // Results do not change when a word is repeated.
        let cari = |q: &str| {
            indeks
                .cari(&Permintaan {
                    q: q.into(),
                    limit: 10,
                    ..Default::default()
                })
                .expect("search")
                .total
        };
        assert_eq!(cari("bkad bkad bkad"), cari("bkad"));
    }
}
