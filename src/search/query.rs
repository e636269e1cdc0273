//! Queries: the user's words become a tantivy query (stemmed and exact fields, synonyms, quoted
//! phrases, typo tolerance for unknown longer words), with facet counts and highlighted snippets.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::analyzer::{self, Kamus, Mode};
use super::cuplikan::Penyorot;
use super::index::{Bidang as Kolom, Indeks};

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Permintaan {
    pub q: String,
    /// A collection slug or `peraturan`.
    pub jenis: Option<String>,
    /// A bidang slug.
    pub bidang: Option<String>,
    pub tahun: Option<u16>,
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub judul: String,
    pub jenis: String,
    pub skor: f32,
    /// HTML: the text escaped, matches in `<b>`.
    pub cuplikan: String,
    pub url: String,
    pub ringkas: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub konteks: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peraturan: Option<String>,
    pub bidang: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tahun: Option<u64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub jenis: BTreeMap<String, u64>,
    pub bidang: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hasil {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// False when no entry had every word and the results match only some of them.
    pub semua_kata: bool,
    /// Words taken as typos, with the word searched instead.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub koreksi: BTreeMap<String, String>,
}

/// Quoted phrases and loose words of a query.
#[derive(Debug, PartialEq)]
enum Bagian<'a> {
    Kata(&'a str),
    Frasa(&'a str),
}

fn pisah_kueri(q: &str) -> Vec<Bagian<'_>> {
    let mut hasil = Vec::new();
    for (i, potong) in q.split('"').enumerate() {
        if potong.trim().is_empty() {
            continue;
        }
        hasil.push(if i % 2 == 1 {
            Bagian::Frasa(potong)
        } else {
            Bagian::Kata(potong)
        });
    }
    hasil
}

/// Weights of the short fields. A word must occur in the search field (`cari`: everything
/// together); where it also occurs in a short field, that adds to the score. Matching on one
/// posting list per word and scoring the short fields only for what matched keeps a query
/// cheap: requiring each word in one of five fields (a union per word) took 1.4× as long.
/// Writing the short fields into `cari` several times instead (BM25F by repetition) was faster
/// still, but long texts then outranked the exact designation.
const BOBOT_JUDUL: f32 = 3.0;
const BOBOT_KUNCI: f32 = 2.0;
/// The designation ("Permendagri 96/2017") is the strongest signal that a regulation is meant.
const BOBOT_SEBUTAN: f32 = 4.0;
const BOBOT_JUDUL_PERSIS: f32 = 1.5;
const BOBOT_ISI_PERSIS: f32 = 0.5;

fn boost(q: Box<dyn Query>, b: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, b))
}

fn term(field: Field, teks: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, teks),
        IndexRecordOption::WithFreqs,
    ))
}

fn salah_satu(q: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if q.len() == 1 {
        return q.into_iter().next().expect("one element");
    }
    Box::new(BooleanQuery::new(
        q.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// Builds queries for one index; holds what is needed to look at term statistics.
struct Penyusun<'a> {
    f: &'a Kolom,
    kamus: &'a Kamus,
    searcher: &'a Searcher,
    /// Mistyped words and the indexed words used instead.
    koreksi: std::cell::RefCell<Vec<(String, String)>>,
    /// The query's words (root, form as written), scored in the short fields.
    bonus: std::cell::RefCell<Vec<(String, Option<String>)>>,
    memo_ejaan: &'a std::sync::Mutex<std::collections::HashMap<String, Option<String>>>,
    /// Term-dictionary scans for typos left in this query.
    sisa_ejaan: std::cell::Cell<usize>,
}

/// Typos corrected per query at most: each new one scans the term dictionary (about a
/// millisecond), and a query of many made-up words must not cost a hundred.
const EJAAN_MAKS: usize = 4;

impl Penyusun<'_> {
    /// One stemmed word, required in the search field; it and its form as written are kept for
    /// scoring in the short fields. A longer word that occurs nowhere is taken as a typo and
    /// replaced by the closest indexed word.
    fn kata(&self, akar: &str, persis: Option<&str>) -> Box<dyn Query> {
        if let Some(p) = persis
            && let Some(benar) = self.ejaan(akar, p)
        {
            self.koreksi
                .borrow_mut()
                .push((p.to_string(), benar.clone()));
            let akar_benar = self.kamus.akar(&benar);
            return self.kata_persis(&akar_benar, Some(&benar));
        }
        self.kata_persis(akar, persis)
    }

    fn kata_persis(&self, akar: &str, persis: Option<&str>) -> Box<dyn Query> {
        self.bonus
            .borrow_mut()
            .push((akar.to_string(), persis.map(str::to_string)));
        term(self.f.cari, akar)
    }

    /// Optional clauses for the words in the short fields: they only add to the score of what
    /// the words already match.
    fn bonus(&self) -> Vec<Box<dyn Query>> {
        let mut kata = self.bonus.take();
        kata.sort();
        kata.dedup();
        let f = self.f;
        let mut q = Vec::new();
        for (i, (akar, persis)) in kata.iter().enumerate() {
            if i == 0 || kata[i - 1].0 != *akar {
                q.push(boost(term(f.judul, akar), BOBOT_JUDUL));
                q.push(boost(term(f.kunci_teks, akar), BOBOT_KUNCI));
                q.push(boost(term(f.sebutan, akar), BOBOT_SEBUTAN));
            }
            if let Some(p) = persis {
                q.push(boost(term(f.judul_persis, p), BOBOT_JUDUL_PERSIS));
            }
        }
        q
    }

    /// The indexed word closest to `kata` (one edit for short words, two for long ones), the
    /// most frequent among equally close ones.
    fn kata_terdekat(&self, kata: &str) -> Option<String> {
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
        calon
            .into_iter()
            .min_by_key(|(k, n)| {
                (
                    strsim::damerau_levenshtein(kata, k),
                    std::cmp::Reverse(*n),
                    k.clone(),
                )
            })
            .map(|(k, _)| k)
    }

    /// The indexed word to search instead of `persis`, when it is a typo; remembered per index,
    /// since looking through the term dictionary is the costly part of a search with a typo.
    fn ejaan(&self, akar: &str, persis: &str) -> Option<String> {
        if persis.chars().count() < 5 || persis.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        if let Ok(memo) = self.memo_ejaan.lock()
            && let Some(k) = memo.get(persis)
        {
            return k.clone();
        }
        let benar = if self.typo_mungkin(akar, persis) {
            if self.sisa_ejaan.get() == 0 {
                // Not looked up, so not remembered either.
                return None;
            }
            self.sisa_ejaan.set(self.sisa_ejaan.get() - 1);
            self.kata_terdekat(persis)
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

    /// A longer word that appears nowhere is probably mistyped.
    fn typo_mungkin(&self, akar: &str, persis: &str) -> bool {
        if persis.chars().count() < 5 || persis.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        let f = self.f;
        let df = |field: Field, t: &str| {
            self.searcher
                .doc_freq(&Term::from_field_text(field, t))
                .unwrap_or(1)
        };
        df(f.cari, akar) == 0 && df(f.isi_persis, persis) == 0
    }

    /// Stemmed tokens at their positions as a phrase in the search field. A phrase made only of
    /// words that fill a large part of the index ("undang undang") is matched in titles only: in
    /// body text it says little and costs much.
    fn frasa(&self, token: &[(usize, String)]) -> Box<dyn Query> {
        let awal = token.first().map(|t| t.0).unwrap_or(0);
        let f = self.f;
        let batas = self.searcher.num_docs() / 10;
        let jarang = token.iter().any(|(_, t)| {
            self.searcher
                .doc_freq(&Term::from_field_text(f.cari, t))
                .is_ok_and(|n| n < batas)
        });
        let (field, b) = if jarang {
            (f.cari, 1.0)
        } else {
            (f.judul, BOBOT_JUDUL)
        };
        let terms = token
            .iter()
            .map(|(p, t)| (p - awal, Term::from_field_text(field, t)))
            .collect();
        boost(Box::new(PhraseQuery::new_with_offset(terms)), b)
    }

    /// The BM25 weight (idf) of stemmed words matched together, as tantivy sums it for a
    /// phrase; 0 when a word occurs nowhere.
    fn idf(&self, kata: &[&str]) -> f32 {
        let n = self.searcher.num_docs() as f32;
        let mut jumlah = 0.0;
        for k in kata {
            let df = self
                .searcher
                .doc_freq(&Term::from_field_text(self.f.cari, k))
                .unwrap_or(0);
            if df == 0 {
                return 0.0;
            }
            let df = df as f32;
            jumlah += (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        }
        jumlah
    }

    /// The groups of a run of loose words: each must match; synonyms widen a group.
    fn kelompok_kata(&self, teks: &str) -> Vec<Box<dyn Query>> {
        let akar = analyzer::analisis(self.kamus, teks, Mode::Akar);
        let persis = analyzer::analisis(self.kamus, teks, Mode::Persis);
        let persis_di = |pos: usize| {
            persis
                .iter()
                .find(|t| t.position == pos)
                .map(|t| t.text.as_str())
        };
        let teks_akar: Vec<&str> = akar.iter().map(|t| t.text.as_str()).collect();
        let mut hasil = Vec::new();
        let mut i = 0;
        while i < akar.len() {
            if let Some((panjang, lain)) = self.sinonim_di(&teks_akar[i..]) {
                // All spellings of one concept weigh the same: each is scored with the weight
                // (idf) of the most common one, so a rare spelling ("force majeure" mentioned
                // once) does not outrank the entries that use the common one throughout.
                let bobot_asli = self.idf(&teks_akar[i..i + panjang]);
                let asli: Vec<Box<dyn Query>> = akar[i..i + panjang]
                    .iter()
                    .map(|t| self.kata(&t.text, persis_di(t.position)))
                    .collect();
                let mut pilihan = vec![(
                    bobot_asli,
                    if asli.len() == 1 {
                        asli.into_iter().next().expect("one element")
                    } else {
                        Box::new(BooleanQuery::new(
                            asli.into_iter().map(|q| (Occur::Must, q)).collect(),
                        )) as Box<dyn Query>
                    },
                )];
                for anggota in lain {
                    let token: Vec<(usize, String)> = anggota
                        .iter()
                        .enumerate()
                        .map(|(p, t)| (p, t.clone()))
                        .collect();
                    let kata: Vec<&str> = anggota.iter().map(String::as_str).collect();
                    pilihan.push((
                        self.idf(&kata),
                        if token.len() == 1 {
                            self.kata(&token[0].1, None)
                        } else {
                            self.frasa(&token)
                        },
                    ));
                }
                let umum = pilihan
                    .iter()
                    .map(|(b, _)| *b)
                    .filter(|b| *b > 0.0)
                    .fold(f32::INFINITY, f32::min);
                hasil.push(salah_satu(
                    pilihan
                        .into_iter()
                        .map(|(b, q)| {
                            if b > 0.0 && umum.is_finite() {
                                boost(q, umum / b)
                            } else {
                                q
                            }
                        })
                        .collect(),
                ));
                i += panjang;
            } else {
                let t = &akar[i];
                hasil.push(self.kata(&t.text, persis_di(t.position)));
                i += 1;
            }
        }
        if akar.is_empty() {
            // Only stop words: search them as written.
            for t in &persis {
                hasil.push(salah_satu(vec![
                    boost(term(self.f.judul_persis, &t.text), BOBOT_JUDUL_PERSIS),
                    boost(term(self.f.isi_persis, &t.text), BOBOT_ISI_PERSIS),
                ]));
            }
        }
        hasil
    }

    /// The longest synonym member that starts the token run, with the group's other members.
    fn sinonim_di<'k>(&'k self, token: &[&str]) -> Option<(usize, Vec<&'k Vec<String>>)> {
        let mut terbaik: Option<(usize, Vec<&Vec<String>>)> = None;
        for grup in &self.kamus.sinonim {
            for (n, anggota) in grup.iter().enumerate() {
                let cocok = !anggota.is_empty()
                    && anggota.len() <= token.len()
                    && anggota.iter().zip(token).all(|(a, b)| a == b);
                if cocok && terbaik.as_ref().is_none_or(|(p, _)| anggota.len() > *p) {
                    let lain = grup
                        .iter()
                        .enumerate()
                        .filter(|(m, _)| *m != n)
                        .map(|(_, a)| a)
                        .collect();
                    terbaik = Some((anggota.len(), lain));
                }
            }
        }
        terbaik
    }

    fn kelompok(&self, q: &str) -> Vec<Box<dyn Query>> {
        let mut hasil = Vec::new();
        for bagian in pisah_kueri(q) {
            match bagian {
                Bagian::Kata(t) => hasil.extend(self.kelompok_kata(t)),
                Bagian::Frasa(t) => {
                    let token: Vec<(usize, String)> = analyzer::analisis(self.kamus, t, Mode::Akar)
                        .into_iter()
                        .map(|t| (t.position, t.text))
                        .collect();
                    match token.len() {
                        0 => {}
                        1 => hasil.push(self.kata(&token[0].1, None)),
                        _ => hasil.push(self.frasa(&token)),
                    }
                }
            }
        }
        hasil
    }
}

/// Filters as (which facet they narrow, query).
fn saring(f: &Kolom, p: &Permintaan) -> Vec<(&'static str, Box<dyn Query>)> {
    let mut s: Vec<(&'static str, Box<dyn Query>)> = Vec::new();
    if let Some(j) = &p.jenis {
        s.push(("jenis", term_mentah(f.jenis, j)));
    }
    if let Some(b) = &p.bidang {
        s.push((
            "bidang",
            Box::new(TermQuery::new(
                Term::from_facet(f.f_bidang, &Facet::from_path([b.as_str()])),
                IndexRecordOption::Basic,
            )),
        ));
    }
    if let Some(t) = p.tahun {
        s.push((
            "tahun",
            Box::new(TermQuery::new(
                Term::from_field_u64(f.tahun, t.into()),
                IndexRecordOption::Basic,
            )),
        ));
    }
    s
}

fn term_mentah(field: Field, teks: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, teks),
        IndexRecordOption::Basic,
    ))
}

fn gabung(
    utama: &dyn Query,
    saringan: &[(&'static str, Box<dyn Query>)],
    kecuali: Option<&str>,
) -> Box<dyn Query> {
    let mut bagian: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, utama.box_clone())];
    for (nama, q) in saringan {
        if Some(*nama) != kecuali {
            bagian.push((Occur::Must, boost(q.box_clone(), 0.0)));
        }
    }
    Box::new(BooleanQuery::new(bagian))
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

impl Indeks {
    /// Runs a search. Facet counts for a dimension ignore that dimension's own filter, so a user
    /// sees what choosing another value would give.
    pub fn cari(&self, p: &Permintaan) -> tantivy::Result<Hasil> {
        let searcher = self.reader.searcher();
        let kamus = analyzer::kamus();
        let penyusun = Penyusun {
            f: &self.f,
            kamus: &kamus,
            searcher: &searcher,
            koreksi: Default::default(),
            bonus: Default::default(),
            memo_ejaan: &self.ejaan,
            sisa_ejaan: std::cell::Cell::new(EJAAN_MAKS),
        };
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

/// One stored part of a full-text regulation.
#[derive(Debug, Clone, Serialize)]
pub struct BagianPeraturan {
    /// `uu-6-2014` for the opening, `uu-6-2014#pasal-92` for an article.
    pub id: String,
    pub judul: String,
    pub konteks: String,
    pub teks: String,
    pub urutan: u64,
}

impl BagianPeraturan {
    /// The anchor of an article (`pasal-92`), empty for the opening.
    pub fn anchor(&self) -> &str {
        self.id.split_once('#').map(|(_, a)| a).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_quoted_phrases() {
        assert_eq!(
            pisah_kueri(r#"bkad "keadaan memaksa" desa"#),
            vec![
                Bagian::Kata("bkad "),
                Bagian::Frasa("keadaan memaksa"),
                Bagian::Kata(" desa")
            ]
        );
        assert_eq!(
            pisah_kueri(r#""tanpa tutup"#),
            vec![Bagian::Frasa("tanpa tutup")]
        );
        assert!(pisah_kueri("  ").is_empty());
    }
}
