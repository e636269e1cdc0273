//! Building a query from the user's words: stemmed and exact fields, synonyms, quoted phrases,
//! typo tolerance for unknown longer words, and the filters.

use tantivy::Searcher;
use tantivy::Term;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};

use super::analyzer::{self, Kamus, Mode};
use super::index::Fields;
use super::pangkas::Dorong;
use super::query::Permintaan;

mod ejaan;

/// Quoted phrases and loose words of a query.
#[derive(Debug, PartialEq)]
pub(crate) enum Bagian<'a> {
    Kata(&'a str),
    Frasa(&'a str),
}

pub(crate) fn pisah_kueri(q: &str) -> Vec<Bagian<'_>> {
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

fn boost(q: Box<dyn Query>, kali: f32) -> Box<dyn Query> {
    Box::new(Dorong { q, kali })
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
pub(super) struct Penyusun<'a> {
    pub(super) f: &'a Fields,
    pub(super) kamus: &'a Kamus,
    pub(super) searcher: &'a Searcher,
    /// Mistyped words and the indexed words used instead.
    pub(super) koreksi: std::cell::RefCell<Vec<(String, String)>>,
    /// The query's words (root, form as written), scored in the short fields.
    pub(super) bonus: std::cell::RefCell<Vec<(String, Option<String>)>>,
    pub(super) memo_ejaan: &'a std::sync::Mutex<std::collections::HashMap<String, Option<String>>>,
    /// Term-dictionary scans for typos left in this query.
    pub(super) sisa_ejaan: std::cell::Cell<usize>,
    /// Word groups already in the query (a word written twice is searched once).
    pub(super) terlihat: std::cell::RefCell<std::collections::HashSet<String>>,
}

/// Word groups (a word, a synonym run or a phrase) a query keeps at most, and words a phrase
/// keeps: a query's cost grows with them, and 250 one-letter words took 200 ms.
const MAKS_KELOMPOK: usize = 16;

/// Typos corrected per query at most: each new one scans the term dictionary (about a
/// millisecond), and a query of many made-up words must not cost a hundred.
pub(super) const EJAAN_MAKS: usize = 4;

impl Penyusun<'_> {
    /// Whether another group `kunci` joins the query: not seen before, and room left.
    fn boleh(&self, kunci: String) -> bool {
        let mut t = self.terlihat.borrow_mut();
        if t.len() >= MAKS_KELOMPOK || t.contains(&kunci) {
            return false;
        }
        t.insert(kunci);
        true
    }

    /// One stemmed word, required in the search field; it and its form as written are kept for
    /// scoring in the short fields. A longer word that is missing or no more than noise while a
    /// close word is far more common is taken as a typo and replaced by that word (see
    /// [`Penyusun::ejaan`]).
    fn kata(&self, akar: &str, persis: Option<&str>) -> Box<dyn Query> {
        if let Some(p) = persis
            && let Some(benar) = self.ejaan(akar, p)
        {
            self.koreksi
                .borrow_mut()
                .push((p.to_string(), benar.clone()));
            // A correction may be a compound written apart ("kerjsama" → "kerja sama"):
            // every part is required.
            let bagian: Vec<Box<dyn Query>> = benar
                .split_whitespace()
                .map(|b| self.kata_persis(&self.kamus.akar(b), Some(b)))
                .collect();
            return if bagian.len() == 1 {
                bagian.into_iter().next().expect("one part")
            } else {
                Box::new(BooleanQuery::new(
                    bagian.into_iter().map(|q| (Occur::Must, q)).collect(),
                ))
            };
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
    pub(super) fn bonus(&self) -> Vec<Box<dyn Query>> {
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

    fn df(&self, field: Field, teks: &str) -> u64 {
        self.searcher
            .doc_freq(&Term::from_field_text(field, teks))
            .unwrap_or(0)
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
                if !self.boleh(teks_akar[i..i + panjang].join(" ")) {
                    i += panjang;
                    continue;
                }
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
                if self.boleh(t.text.clone()) {
                    hasil.push(self.kata(&t.text, persis_di(t.position)));
                }
                i += 1;
            }
        }
        if akar.is_empty() {
            // Only stop words: search them as written.
            for t in persis.iter().filter(|t| self.boleh(format!("={}", t.text))) {
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

    pub(super) fn kelompok(&self, q: &str) -> Vec<Box<dyn Query>> {
        let mut hasil = Vec::new();
        for bagian in pisah_kueri(q) {
            match bagian {
                Bagian::Kata(t) => hasil.extend(self.kelompok_kata(t)),
                Bagian::Frasa(t) => {
                    let token: Vec<(usize, String)> = analyzer::analisis(self.kamus, t, Mode::Akar)
                        .into_iter()
                        .take(MAKS_KELOMPOK)
                        .map(|t| (t.position, t.text))
                        .collect();
                    let kunci: Vec<&str> = token.iter().map(|(_, t)| t.as_str()).collect();
                    if token.is_empty() || !self.boleh(format!("\"{}", kunci.join(" "))) {
                        continue;
                    }
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
pub(super) fn saring(f: &Fields, p: &Permintaan) -> Vec<(&'static str, Box<dyn Query>)> {
    let mut s: Vec<(&'static str, Box<dyn Query>)> = Vec::new();
    if let Some(j) = &p.jenis {
        s.push(("jenis", term_mentah(f.jenis, j.slug())));
    }
    if let Some(b) = &p.bidang {
        s.push((
            "bidang",
            Box::new(TermQuery::new(
                Term::from_facet(f.f_bidang, &Facet::from_path([b.slug()])),
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

pub(super) fn term_mentah(field: Field, teks: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, teks),
        IndexRecordOption::Basic,
    ))
}

pub(super) fn gabung(
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
