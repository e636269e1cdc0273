//! Top-k ranking that skips what cannot reach the page (MaxScore, Turtle & Flood 1995).
//!
//! A broad query ("desa") matches nearly every entry, and its words say almost nothing there:
//! what orders the results is the short fields (title, designation, key fields) and the prior.
//! Each part of the query has an upper bound of what it can add to a score, so once the page's
//! worst score is known, an entry that matches only parts whose bounds add up to less is never
//! scored: the walk then goes over the entries that have one of the remaining parts (tantivy's
//! buffered union, which sums their scores), not over every match. A candidate is then asked
//! for the left-out parts, the largest first, and dropped as soon as what they could still add
//! leaves it under the page; only what remains has its required words looked up (a broad
//! query's words are on nearly every entry, so they decide least). Bounds use each segment's own
//! largest prior. The answer is what scoring everything gives: the same scores place by place
//! and the same documents, except that two whose scores differ only in the last bits of a sum
//! (tantivy adds the parts in another order) may swap. Each score here is summed in the order
//! the parts were given, so equal documents tie exactly and fall by address (as in tantivy's
//! `TopDocs`) on every run. The tests check it against [`super::peringkat::peringkat`] and
//! through `Indeks`.
//!
//! tantivy's own block-max WAND (`Weight::for_each_pruning`) was tried for the union: with the
//! prior multiplying scores by up to 1.75 and the left-out parts' bounds added, the threshold it
//! could be given was near zero, and "kerja sama desa" on a million entries took 1.5× as long.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering as Atom};

use tantivy::query::{
    Bm25Weight, BooleanQuery, BoostQuery, EnableScoring, Occur, PhraseQuery, Query, Scorer,
    TermQuery, Weight,
};
use tantivy::{DocAddress, DocId, DocSet, Executor, Score, Searcher, SegmentReader, TERMINATED};

use super::peringkat::{bobot_kolom, faktor_bobot, faktor_maks};

/// A query with its score multiplied by `kali`, whose parts stay visible (tantivy's
/// `BoostQuery` hides its inner query, and the bound of a boosted part is needed).
#[derive(Debug)]
pub(crate) struct Dorong {
    pub q: Box<dyn Query>,
    pub kali: Score,
}

impl Clone for Dorong {
    fn clone(&self) -> Self {
        Dorong {
            q: self.q.box_clone(),
            kali: self.kali,
        }
    }
}

impl Query for Dorong {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        BoostQuery::new(self.q.box_clone(), self.kali).weight(scoring)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        self.q.query_terms(visitor);
    }
}

/// The most `q` can add to a document's score; `None` for a kind of query whose bound is not
/// known here (the caller then scores every match).
pub(super) fn batas(q: &dyn Query, s: &Searcher) -> Option<Score> {
    let terbatas = |w: tantivy::Result<Bm25Weight>| {
        w.ok()
            .map(|w| w.max_score())
            .filter(|b| b.is_finite() && *b >= 0.0)
    };
    if let Some(t) = q.downcast_ref::<TermQuery>() {
        return terbatas(Bm25Weight::for_terms(s, std::slice::from_ref(t.term())));
    }
    if let Some(d) = q.downcast_ref::<Dorong>() {
        if d.kali == 0.0 {
            return Some(0.0);
        }
        return (d.kali > 0.0)
            .then(|| batas(d.q.as_ref(), s))
            .flatten()
            .map(|b| b * d.kali);
    }
    if let Some(p) = q.downcast_ref::<PhraseQuery>() {
        return terbatas(Bm25Weight::for_terms(s, &p.phrase_terms()));
    }
    if let Some(b) = q.downcast_ref::<BooleanQuery>() {
        let mut jumlah = 0.0;
        for (occur, c) in b.clauses() {
            if *occur != Occur::MustNot {
                jumlah += batas(c.as_ref(), s)?;
            }
        }
        return Some(jumlah);
    }
    None
}

/// A ranked document; the heap keeps the worst on top.
#[derive(Clone, Copy)]
struct Calon {
    skor: Score,
    alamat: DocAddress,
}

impl Calon {
    /// Better first: higher score, then lower address (as `TopDocs`).
    fn urut(&self, lain: &Calon) -> Ordering {
        lain.skor
            .total_cmp(&self.skor)
            .then_with(|| self.alamat.cmp(&lain.alamat))
    }
}

impl PartialEq for Calon {
    fn eq(&self, lain: &Self) -> bool {
        self.urut(lain) == Ordering::Equal
    }
}
impl Eq for Calon {}
impl PartialOrd for Calon {
    fn partial_cmp(&self, lain: &Self) -> Option<Ordering> {
        Some(self.cmp(lain))
    }
}
impl Ord for Calon {
    fn cmp(&self, lain: &Self) -> Ordering {
        self.urut(lain)
    }
}

/// The best `n` documents that match every query in `wajib`, scored as the sum of all
/// matching queries of `wajib` and `pilihan` times the document's prior: what
/// [`super::peringkat::peringkat`] answers for a `BooleanQuery` of `wajib` as `Must` and
/// `pilihan` as `Should`. `None` when a part's bound is not known.
pub(super) fn peringkat_pangkas(
    searcher: &Searcher,
    pelaksana: &Executor,
    wajib: &[Box<dyn Query>],
    pilihan: &[Box<dyn Query>],
    n: usize,
) -> tantivy::Result<Option<Vec<(Score, DocAddress)>>> {
    let n = n.max(1);
    if wajib.is_empty() {
        return Ok(None);
    }
    let skor = EnableScoring::enabled_from_searcher(searcher);
    let mut r = 0.0;
    let mut w = Vec::with_capacity(wajib.len());
    for q in wajib {
        let Some(b) = batas(q.as_ref(), searcher) else {
            return Ok(None);
        };
        r += b;
        w.push(q.weight(skor)?);
    }
    let mut o = Vec::with_capacity(pilihan.len());
    for q in pilihan {
        let Some(b) = batas(q.as_ref(), searcher) else {
            return Ok(None);
        };
        o.push((b, q.weight(skor)?, q.box_clone(), o.len()));
    }
    // Ascending bounds: the cheapest parts are the first to be left out.
    o.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Where each part went, in the order they were given.
    let mut urut_asli: Vec<usize> = (0..o.len()).collect();
    urut_asli.sort_by_key(|&j| o[j].3);
    let mut batas_o = Vec::with_capacity(o.len());
    let mut pilihan_w = Vec::with_capacity(o.len());
    let mut pilihan_q = Vec::with_capacity(o.len());
    for (b, w, q, _) in o {
        batas_o.push(b);
        pilihan_w.push(w);
        pilihan_q.push(q);
    }
    let rencana = Rencana {
        searcher,
        wajib: w,
        batas_wajib: r,
        gabungan: (0..batas_o.len()).map(|_| OnceLock::new()).collect(),
        batas: batas_o,
        pilihan: pilihan_w,
        pilihan_q,
        urut_asli,
        n,
        ambang: AtomicU32::new(0),
    };
    let segmen: Vec<(u32, &SegmentReader)> = searcher
        .segment_readers()
        .iter()
        .enumerate()
        .map(|(i, s)| (i as u32, s))
        .collect();
    let hasil = pelaksana.map(|(ord, seg)| rencana.segmen(ord, seg), segmen.into_iter())?;
    let mut semua: Vec<Calon> = hasil.into_iter().flatten().collect();
    semua.sort_unstable();
    semua.truncate(n);
    Ok(Some(
        semua.into_iter().map(|c| (c.skor, c.alamat)).collect(),
    ))
}

/// One ranking, shared by the segments it runs over.
struct Rencana<'a> {
    searcher: &'a Searcher,
    wajib: Vec<Box<dyn Weight>>,
    batas_wajib: Score,
    /// Bounds of `pilihan`, ascending.
    batas: Vec<Score>,
    pilihan: Vec<Box<dyn Weight>>,
    pilihan_q: Vec<Box<dyn Query>>,
    /// Positions in `pilihan` in the order the parts were given: a score is always summed in
    /// this order, so equal documents get equal scores whichever way they were reached, and
    /// ties fall by address on every run.
    urut_asli: Vec<usize>,
    /// `gabungan[e]`: the union of `pilihan[e..]`, made when first needed.
    gabungan: Vec<OnceLock<Box<dyn Weight>>>,
    n: usize,
    /// The best page-worst score any segment has reached (f32 bits; scores are never negative,
    /// so their bits order as they do). A document that cannot pass it is skipped everywhere.
    ambang: AtomicU32,
}

/// Moves `s` to the first document at or after `d`.
fn ke(s: &mut dyn Scorer, d: DocId) -> DocId {
    if s.doc() < d { s.seek(d) } else { s.doc() }
}

/// The first document at or after `d` that every scorer of `w` is on, asked in the order
/// `urut`.
fn selaras(w: &mut [Box<dyn Scorer>], urut: &[usize], mut d: DocId) -> DocId {
    loop {
        let mut sama = true;
        for &i in urut {
            let x = ke(w[i].as_mut(), d);
            if x == TERMINATED {
                return TERMINATED;
            }
            if x > d {
                d = x;
                sama = false;
            }
        }
        if sama {
            return d;
        }
    }
}

/// Whether `d`, with prior `f` and `s` from the parts already counted (or their bound), can
/// still pass `longgar` once the first `e` optional parts `o` are added: the largest are asked
/// first, and the answer is no as soon as what they could still add falls short.
fn lolos(
    o: &mut [Box<dyn Scorer>],
    awal: &[Score],
    e: usize,
    d: DocId,
    f: Score,
    mut s: Score,
    longgar: Score,
) -> bool {
    for j in (0..e).rev() {
        if f * (s + awal[j + 1]) < longgar {
            return false;
        }
        if ke(o[j].as_mut(), d) == d {
            s += o[j].score();
        }
    }
    f * s >= longgar
}

impl Rencana<'_> {
    /// The union of `pilihan[e..]` on `seg`: its score is the sum of the parts a document has.
    fn gabungan(&self, e: usize, seg: &SegmentReader) -> tantivy::Result<Box<dyn Scorer>> {
        let w = match self.gabungan[e].get() {
            Some(w) => w,
            None => {
                let q = BooleanQuery::new(
                    self.pilihan_q[e..]
                        .iter()
                        .map(|q| (Occur::Should, q.box_clone()))
                        .collect(),
                );
                let w = q.weight(EnableScoring::enabled_from_searcher(self.searcher))?;
                self.gabungan[e].get_or_init(|| w)
            }
        };
        w.scorer(seg, 1.0)
    }

    fn segmen(&self, ord: u32, seg: &SegmentReader) -> tantivy::Result<Vec<Calon>> {
        let mut w: Vec<Box<dyn Scorer>> = self
            .wajib
            .iter()
            .map(|x| x.scorer(seg, 1.0))
            .collect::<tantivy::Result<_>>()?;
        // Rarest first: the others are then only asked about its documents.
        let mut urut_w: Vec<usize> = (0..w.len()).collect();
        urut_w.sort_by_key(|&i| w[i].size_hint());
        let mut o: Vec<Box<dyn Scorer>> = self
            .pilihan
            .iter()
            .map(|x| x.scorer(seg, 1.0))
            .collect::<tantivy::Result<_>>()?;
        let m = o.len();
        // awal[j]: the sum of the bounds of pilihan[..j].
        let mut awal = vec![0.0; m + 1];
        for j in 0..m {
            awal[j + 1] = awal[j] + self.batas[j];
        }
        let bobot = bobot_kolom(seg);
        let faktor_maks = bobot.as_ref().map_or(1.0, |b| faktor_maks(b.as_ref()));
        let faktor = |d: DocId| bobot.as_ref().map_or(1.0, |b| faktor_bobot(b.get_val(d)));
        let hidup = seg.alive_bitset();
        let mati = |d: DocId| hidup.is_some_and(|h| !h.is_alive(d));
        let mut heap: BinaryHeap<Calon> = BinaryHeap::with_capacity(self.n + 1);
        let mut pos: DocId = 0;
        // The union of the parts still worth walking, and from which of them it starts.
        let mut uni: Option<(usize, Box<dyn Scorer>)> = None;
        // The first `e` parts are left out at the threshold `ambang_e`.
        let (mut e, mut ambang_e) = (0, -1.0);
        loop {
            // The score a document must pass to reach the page (ties go to the earlier one).
            let sendiri = if heap.len() >= self.n {
                heap.peek().map_or(0.0, |c| c.skor)
            } else {
                0.0
            };
            let ambang = sendiri.max(f32::from_bits(self.ambang.load(Atom::Relaxed)));
            // Pruning compares sums taken in another order: a hair of slack keeps a document
            // whose own sum would tie.
            let longgar = ambang * (1.0 - 1e-5);
            let tembus = |b: Score| faktor_maks * b >= ambang;
            let (d, f) = if tembus(self.batas_wajib) {
                // A document with none of the optional parts may still make the page: walk
                // every match.
                let d = selaras(&mut w, &urut_w, pos);
                if d == TERMINATED {
                    break;
                }
                pos = d + 1;
                if mati(d) {
                    continue;
                }
                let f = faktor(d);
                let wajib: Score = w.iter_mut().map(|x| x.score()).sum();
                if !lolos(&mut o, &awal, m, d, f, wajib, longgar) {
                    continue;
                }
                (d, f)
            } else {
                // Parts whose bounds together cannot lift a match onto the page are left out;
                // a candidate must have one of the rest.
                if ambang != ambang_e {
                    ambang_e = ambang;
                    e = 0;
                    while e < m && !tembus(self.batas_wajib + awal[e + 1]) {
                        e += 1;
                    }
                }
                if e == m {
                    break;
                }
                if uni.as_ref().is_none_or(|(lama, _)| *lama != e) {
                    let mut u = self.gabungan(e, seg)?;
                    ke(u.as_mut(), pos);
                    uni = Some((e, u));
                }
                let Some((_, u)) = uni.as_mut() else { break };
                let d = if u.doc().checked_add(1) == Some(pos) {
                    u.advance()
                } else {
                    ke(u.as_mut(), pos)
                };
                if d == TERMINATED {
                    break;
                }
                pos = d + 1;
                // Before anything is looked up: what the walked parts give on `d`, with the
                // most the rest could add, under the largest prior and then under `d`'s own.
                let atas = u.score() + self.batas_wajib;
                if faktor_maks * (atas + awal[e]) < longgar {
                    continue;
                }
                let f = faktor(d);
                // The left-out parts next, the largest first, and only then the required
                // words: a broad query's words are on nearly every document, so they say
                // least about whether it can make the page.
                if !lolos(&mut o, &awal, e, d, f, atas, longgar) {
                    continue;
                }
                let jumpa = selaras(&mut w, &urut_w, d);
                if jumpa != d {
                    if jumpa == TERMINATED {
                        break;
                    }
                    pos = jumpa;
                    continue;
                }
                if mati(d) {
                    continue;
                }
                (d, f)
            };
            // The score itself, its parts summed in the order they were given.
            let mut s: Score = w.iter_mut().map(|x| x.score()).sum();
            for &j in &self.urut_asli {
                if ke(o[j].as_mut(), d) == d {
                    s += o[j].score();
                }
            }
            let skor = f * s;
            if skor < ambang {
                continue;
            }
            let calon = Calon {
                skor,
                alamat: DocAddress::new(ord, d),
            };
            if heap.len() < self.n {
                heap.push(calon);
            } else if heap.peek().is_some_and(|terburuk| calon < *terburuk) {
                heap.pop();
                heap.push(calon);
            } else {
                continue;
            }
            if heap.len() >= self.n
                && let Some(c) = heap.peek()
            {
                self.ambang.fetch_max(c.skor.to_bits(), Atom::Relaxed);
            }
        }
        Ok(heap.into_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::peringkat::peringkat;
    use tantivy::schema::{FAST, Field, IndexRecordOption, STRING, Schema, TEXT};
    use tantivy::{Index, IndexWriter, Term, doc};

    type Kueri = Vec<Box<dyn Query>>;

    struct Uji {
        index: Index,
        cari: Field,
        judul: Field,
        sebutan: Field,
        jenis: Field,
    }

    /// Words drawn with a skewed frequency, so some are in nearly every document.
    const KATA: &[&str] = &[
        "desa",
        "desa",
        "desa",
        "desa",
        "kerja",
        "kerja",
        "sama",
        "sama",
        "peraturan",
        "bersama",
        "mitra",
        "usaha",
        "aset",
        "sengketa",
        "badan",
        "dana",
    ];

    /// 3,000 documents in six segments, some deleted.
    fn bangun() -> Uji {
        let mut s = Schema::builder();
        let cari = s.add_text_field("cari", TEXT);
        let judul = s.add_text_field("judul", TEXT);
        let sebutan = s.add_text_field("sebutan", TEXT);
        let jenis = s.add_text_field("jenis", STRING);
        let bobot = s.add_u64_field("bobot", FAST);
        let index = Index::create_in_ram(s.build());
        let mut w: IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let mut r = fastrand::Rng::with_seed(0x2545_F491_4F6C_DD1D);
        for seg in 0..6 {
            for i in 0..500 {
                let mut kata = |n: usize| -> String {
                    (0..n)
                        .map(|_| KATA[r.usize(..KATA.len())])
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let isi = kata(40);
                let j = kata(4);
                let se = if i % 17 == 0 { kata(2) } else { String::new() };
                // Segments with every prior, without key articles, and with none: each is
                // bounded by its own largest prior.
                let b = match seg % 3 {
                    0 => [0u64, 0, 0, 0, 1, 2][(i + seg) % 6],
                    1 => [0, 0, 1][i % 3],
                    _ => 0,
                };
                w.add_document(doc!(
                    cari => isi,
                    judul => j,
                    sebutan => se,
                    jenis => if i % 3 == 0 { "regulasi" } else { "materi" },
                    bobot => b,
                ))
                .expect("add");
            }
            w.commit().expect("commit");
        }
        // Deletions leave holes in the segments that ranking must skip.
        w.delete_term(Term::from_field_text(judul, "dana"));
        w.commit().expect("commit");
        Uji {
            index,
            cari,
            judul,
            sebutan,
            jenis,
        }
    }

    fn t(f: Field, s: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f, s),
            IndexRecordOption::WithFreqs,
        ))
    }

    fn dorong(q: Box<dyn Query>, kali: Score) -> Box<dyn Query> {
        Box::new(Dorong { q, kali })
    }

    #[test]
    fn pruned_ranking_equals_scoring_every_match() {
        let u = bangun();
        let reader = u.index.reader().expect("reader");
        let searcher = reader.searcher();
        assert!(searcher.segment_readers().len() >= 2);
        let paralel = Executor::multi_thread(2, "uji-").expect("threads");
        let bonus = |kata: &[&str]| -> Vec<Box<dyn Query>> {
            kata.iter()
                .flat_map(|k| {
                    [
                        dorong(t(u.judul, k), 3.0),
                        dorong(t(u.sebutan, k), 4.0),
                        dorong(t(u.cari, k), 0.5),
                    ]
                })
                .collect()
        };
        let frasa: Box<dyn Query> = Box::new(PhraseQuery::new(vec![
            Term::from_field_text(u.cari, "kerja"),
            Term::from_field_text(u.cari, "sama"),
        ]));
        let sinonim: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Should, t(u.cari, "sengketa")),
            (Occur::Should, dorong(t(u.cari, "mitra"), 0.7)),
        ]));
        let filter = dorong(t(u.jenis, "regulasi"), 0.0);
        let kasus: Vec<(Kueri, Kueri)> = vec![
            (vec![t(u.cari, "desa")], bonus(&["desa"])),
            (
                vec![t(u.cari, "kerja"), t(u.cari, "sama"), t(u.cari, "desa")],
                bonus(&["kerja", "sama", "desa"]),
            ),
            (vec![t(u.cari, "aset")], bonus(&["aset"])),
            (vec![frasa, t(u.cari, "desa")], bonus(&["kerja", "desa"])),
            (vec![sinonim, filter], bonus(&["sengketa", "mitra"])),
            (vec![t(u.cari, "bersama")], Vec::new()),
        ];
        let mut dipangkas = 0;
        for (wajib, pilihan) in &kasus {
            let q = BooleanQuery::new(
                wajib
                    .iter()
                    .map(|q| (Occur::Must, q.box_clone()))
                    .chain(pilihan.iter().map(|q| (Occur::Should, q.box_clone())))
                    .collect(),
            );
            for n in [1, 10, 80, 5_000] {
                for pelaksana in [&Executor::SingleThread, &paralel] {
                    let semua = peringkat(&searcher, pelaksana, &q, n).expect("rank");
                    let pangkas = peringkat_pangkas(&searcher, pelaksana, wajib, pilihan, n)
                        .expect("rank")
                        .expect("bounds known");
                    assert_eq!(semua.len(), pangkas.len(), "{q:?} n={n}");
                    for (a, b) in semua.iter().zip(&pangkas) {
                        assert!((a.0 - b.0).abs() < 1e-4, "{q:?} n={n}: {a:?} vs {b:?}");
                    }
                    // Documents clearly above the last score are the same (ties at the cut
                    // may go either way only by rounding).
                    let batas = semua.last().map_or(0.0, |x| x.0) + 1e-4;
                    let atas = |v: &[(Score, DocAddress)]| {
                        let mut a: Vec<DocAddress> =
                            v.iter().filter(|x| x.0 > batas).map(|x| x.1).collect();
                        a.sort();
                        a
                    };
                    assert_eq!(atas(&semua), atas(&pangkas), "{q:?} n={n}");
                    if pangkas.len() == n {
                        dipangkas += 1;
                    }
                }
            }
        }
        assert!(dipangkas > 10, "the cases fill their pages");
    }

    #[test]
    fn an_unknown_kind_of_query_falls_back() {
        let u = bangun();
        let searcher = u.index.reader().expect("reader").searcher();
        let semua: Vec<Box<dyn Query>> = vec![Box::new(tantivy::query::AllQuery)];
        assert!(
            peringkat_pangkas(&searcher, &Executor::SingleThread, &semua, &[], 10)
                .expect("rank")
                .is_none()
        );
    }

    /// Each segment is bounded by the largest prior of its own entries: 1.75 with key
    /// articles, 1.6 with curated regulations only, 1.0 with neither.
    #[test]
    fn each_segment_is_bounded_by_its_own_largest_prior() {
        let u = bangun();
        let searcher = u.index.reader().expect("reader").searcher();
        let mut dilihat = Vec::new();
        for seg in searcher.segment_readers() {
            let b = bobot_kolom(seg).expect("prior column");
            let terbesar = (0..seg.max_doc())
                .map(|d| faktor_bobot(b.get_val(d)))
                .fold(1.0, Score::max);
            assert_eq!(faktor_maks(b.as_ref()), terbesar);
            dilihat.push(terbesar);
        }
        for f in [1.0, 1.6, 1.75] {
            assert!(dilihat.contains(&f), "a segment bounded by {f}");
        }
    }
}
