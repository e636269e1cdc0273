//! An open index: searching it (the query from `penyusun`, facet counts, snippets from
//! `cuplikan`) and reading a full-text regulation back.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument};

use super::analyzer;
use super::cuplikan::Penyorot;
use super::dekat;
use super::generasi::Meta;
use super::hitung::hitung;
use super::index::{Fields, IndexError, daftarkan_analyzer};
use super::ordinal::NamaOrdinal;
use super::pangkas::{Dorong, peringkat_pangkas};
use super::penyusun::{EJAAN_MAKS, Penyusun, gabung, saring, term_mentah};
use super::peringkat::{kelompokkan, peringkat};
use super::query::{
    BagianPeraturan, Facets, Hasil, Hit, PASAL_LAIN_MAKS, PasalLain, Permintaan, RingkasPeraturan,
};

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
    cache: Cache,
    /// Threads to rank one search's segments on, for a large index.
    paralel: Option<tantivy::Executor>,
    /// Searches running now: a search ranks in parallel only when it is the only one.
    berjalan: std::sync::atomic::AtomicUsize,
    /// Names of `induk` and facet ordinals already read.
    ordinal: NamaOrdinal,
    /// The browsing list of full texts, read on first use.
    daftar: std::sync::OnceLock<Vec<RingkasPeraturan>>,
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
        // Ranking visits every match: on a large index, an idle server ranks the segments of a
        // search on all cores (a broad query on 1,000,000 entries took about half the time on 2
        // cores). Under load the cores are busy anyway, and handing work over only costs.
        let inti = std::thread::available_parallelism().map_or(1, |n| n.get());
        let paralel = if inti > 1 && meta.dokumen >= PARALEL_MULAI {
            Some(tantivy::Executor::multi_thread(inti, "sinergi-peringkat-")?)
        } else {
            None
        };
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
            cache: Cache::default(),
            ordinal: NamaOrdinal::default(),
            paralel,
            berjalan: Default::default(),
            daftar: std::sync::OnceLock::new(),
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

    /// Runs a search; answers recently given for the same request come from a small cache
    /// (the index of a generation never changes). Facet counts for a dimension ignore that
    /// dimension's own filter, so a user sees what choosing another value would give.
    pub fn cari(&self, p: &Permintaan) -> tantivy::Result<Hasil> {
        let kunci = format!(
            "{}\u{1}{:?}\u{1}{:?}\u{1}{:?}\u{1}{}\u{1}{}",
            p.q, p.jenis, p.bidang, p.tahun, p.limit, p.offset
        );
        if let Some(h) = self.cache.ambil(&kunci) {
            return Ok(h);
        }
        let h = self.cari_segar(p)?;
        self.cache.simpan(kunci, &h);
        Ok(h)
    }

    /// [`Indeks::cari`] without the cache: what benchmarks measure.
    pub fn cari_segar(&self, p: &Permintaan) -> tantivy::Result<Hasil> {
        self.cari_dengan(p, true)
    }

    /// A search; with `pangkas`, a broad one ranks by [`peringkat_pangkas`].
    fn cari_dengan(&self, p: &Permintaan, pangkas: bool) -> tantivy::Result<Hasil> {
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
        let (mut utama, mut semua_kata): (Box<dyn Query>, bool) = if kelompok.is_empty() {
            (Box::new(AllQuery), true)
        } else {
            (dengan_bonus(Occur::Must), true)
        };
        let limit = p.limit.clamp(1, 100);
        let mut penuh = gabung(utama.as_ref(), &saringan, None);
        let mut hitungan = hitung(&searcher, &self.ordinal, penuh.as_ref())?;
        if hitungan.total == 0 && banyak {
            // Nothing has every word: rank by how many words match instead.
            utama = dengan_bonus(Occur::Should);
            penuh = gabung(utama.as_ref(), &saringan, None);
            hitungan = hitung(&searcher, &self.ordinal, penuh.as_ref())?;
            semua_kata = false;
        }
        let mut facets = Facets {
            jenis: hitungan.jenis.clone(),
            bidang: hitungan.bidang.clone(),
            tepat: hitungan.tepat,
        };
        if p.jenis.is_some() {
            let q = gabung(utama.as_ref(), &saringan, Some("jenis"));
            let h = hitung(&searcher, &self.ordinal, q.as_ref())?;
            facets.jenis = h.jenis;
            facets.tepat &= h.tepat;
        }
        if p.bidang.is_some() {
            let q = gabung(utama.as_ref(), &saringan, Some("bidang"));
            let h = hitung(&searcher, &self.ordinal, q.as_ref())?;
            facets.bidang = h.bidang;
            facets.tepat &= h.tepat;
        }
        let mut grup = Vec::new();
        if hitungan.total > p.offset as u64 {
            // Parts of one regulation are one result: take enough of the best to fill the page
            // after grouping.
            // Every page takes at least the candidates nearness reorders, so the pages agree.
            let ambil = ((p.offset + limit) * 4 + 40).clamp(dekat::CALON, 2_000);
            let top = {
                use std::sync::atomic::Ordering::SeqCst;
                let sendiri = self.berjalan.fetch_add(1, SeqCst) == 0;
                let pelaksana = match &self.paralel {
                    Some(p) if sendiri => p,
                    _ => &tantivy::Executor::SingleThread,
                };
                let top = if pangkas && semua_kata && !kelompok.is_empty() && !hitungan.tepat {
                    // Every word required and too many matches to count: the parts that only
                    // add to the score let the ranking skip what cannot reach the page. Fewer
                    // matches are scored all at once, which costs less than setting that up.
                    let wajib: Vec<Box<dyn Query>> = kelompok
                        .iter()
                        .map(|q| q.box_clone())
                        .chain(saringan.iter().map(|(_, q)| {
                            Box::new(Dorong {
                                q: q.box_clone(),
                                kali: 0.0,
                            }) as Box<dyn Query>
                        }))
                        .collect();
                    match peringkat_pangkas(&searcher, pelaksana, &wajib, &bonus, ambil) {
                        Ok(Some(top)) => Ok(top),
                        Ok(None) => peringkat(&searcher, pelaksana, penuh.as_ref(), ambil),
                        Err(e) => Err(e),
                    }
                } else {
                    peringkat(&searcher, pelaksana, penuh.as_ref(), ambil)
                };
                self.berjalan.fetch_sub(1, SeqCst);
                let mut top = top?;
                if semua_kata {
                    let istilah = dekat::istilah_kelompok(&kelompok, self.f.cari);
                    let n = top.len().min(dekat::CALON);
                    let lebar = dekat::lebar_kueri(&kamus, &p.q);
                    dekat::dekatkan(&searcher, self.f.cari, &istilah, lebar, &mut top[..n])?;
                }
                top
            };
            grup = kelompokkan(&searcher, &self.ordinal, top)?;
        }
        let sorot = Penyorot::new(&kamus, akar_sorotan(&searcher, penuh.as_ref(), self.f.cari));
        let mut hits = Vec::with_capacity(limit);
        for g in grup.into_iter().skip(p.offset).take(limit) {
            let mut hit = self.hit(&searcher, &sorot, g.skor, g.alamat)?;
            hit.jumlah_pasal_lain = g.lain.len();
            for alamat in g.lain.into_iter().take(PASAL_LAIN_MAKS) {
                let doc: TantivyDocument = searcher.doc(alamat)?;
                hit.pasal_lain.push(PasalLain {
                    id: teks_tersimpan(&doc, self.f.id),
                    judul: teks_tersimpan(&doc, self.f.judul),
                    url: teks_tersimpan(&doc, self.f.url),
                });
            }
            hits.push(hit);
        }
        Ok(Hasil {
            total: hitungan.total as usize,
            total_tepat: hitungan.tepat,
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
            pasal_lain: Vec::new(),
            jumlah_pasal_lain: 0,
        })
    }

    /// Every full-text regulation, newest first (year, then number, both descending): read
    /// from the index on first use and kept.
    pub fn daftar_peraturan(&self) -> tantivy::Result<&[RingkasPeraturan]> {
        if let Some(d) = self.daftar.get() {
            return Ok(d);
        }
        let searcher = self.reader.searcher();
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                term_mentah(self.f.jenis, super::index::PERATURAN),
            ),
            (
                Occur::Must,
                Box::new(tantivy::query::TermQuery::new(
                    tantivy::Term::from_field_u64(self.f.urutan, 0),
                    tantivy::schema::IndexRecordOption::Basic,
                )) as Box<dyn Query>,
            ),
        ]);
        let semua = searcher.search(
            &q,
            &TopDocs::with_limit(searcher.num_docs().max(1) as usize).order_by_score(),
        )?;
        let mut daftar = Vec::with_capacity(semua.len());
        for (_, alamat) in semua {
            let doc: TantivyDocument = searcher.doc(alamat)?;
            let f = &self.f;
            daftar.push(RingkasPeraturan {
                id: teks_tersimpan(&doc, f.induk),
                bentuk: teks_tersimpan(&doc, f.bentuk),
                nomor: teks_tersimpan(&doc, f.nomor),
                tahun: doc.get_first(f.tahun).and_then(|v| v.as_u64()).unwrap_or(0),
                tentang: teks_tersimpan(&doc, f.tentang),
                judul: teks_tersimpan(&doc, f.judul),
                status: teks_tersimpan(&doc, f.status),
            });
        }
        let angka = |n: &str| {
            let digit: String = n.chars().take_while(char::is_ascii_digit).collect();
            (digit.parse::<u64>().unwrap_or(0), n.to_string())
        };
        daftar.sort_by(|a, b| {
            (b.tahun, angka(&b.nomor), &b.id).cmp(&(a.tahun, angka(&a.nomor), &a.id))
        });
        Ok(self.daftar.get_or_init(|| daftar))
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
                penjelasan: teks_tersimpan(&doc, self.f.penjelasan),
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

fn teks_tersimpan(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

const PANJANG_CUPLIKAN: usize = 220;

/// Entries from which a search's segments may be ranked on several cores. On the corpus
/// (184,000 entries) it gained nothing in process and cost the server a fifth of its distinct
/// queries per second.
const PARALEL_MULAI: u64 = 500_000;

/// Answers of recent searches: the index of a generation never changes, and the broadest
/// queries are also the most asked. At most [`CACHE_MAKS`] answers; the least recently used
/// quarter goes when it is full.
#[derive(Default)]
struct Cache {
    isi: std::sync::Mutex<IsiCache>,
}

/// A clock that ticks on every use, and each answer with the tick it was last used at.
type IsiCache = (u64, HashMap<String, (u64, Hasil)>);

const CACHE_MAKS: usize = 2_048;

impl Cache {
    fn ambil(&self, kunci: &str) -> Option<Hasil> {
        let mut g = self.isi.lock().ok()?;
        g.0 += 1;
        let jam = g.0;
        let (dipakai, h) = g.1.get_mut(kunci)?;
        *dipakai = jam;
        Some(h.clone())
    }

    fn simpan(&self, kunci: String, h: &Hasil) {
        let Ok(mut g) = self.isi.lock() else { return };
        if g.1.len() >= CACHE_MAKS {
            let mut umur: Vec<u64> = g.1.values().map(|(d, _)| *d).collect();
            umur.sort_unstable();
            let batas = umur[umur.len() / 4];
            g.1.retain(|_, (d, _)| *d > batas);
        }
        g.0 += 1;
        let jam = g.0;
        g.1.insert(kunci, (jam, h.clone()));
    }
}

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

    /// The bundled regulation entries cloned `n` times over with made-up titles and bodies of
    /// common words, so broad queries match more than can be counted; one in twelve is dated
    /// 2015, the others 2014.
    fn klon_regulasi(konten: &crate::konten::Konten, n: usize) -> Vec<crate::konten::Entri> {
        const KATA: &[&str] = &[
            "desa",
            "desa",
            "desa",
            "kerja",
            "sama",
            "peraturan",
            "antar",
            "mitra",
            "usaha",
            "badan",
            "aset",
            "dana",
            "bersama",
            "musyawarah",
        ];
        let asal: Vec<_> = konten
            .semua()
            .iter()
            .filter(|e| matches!(e.data, crate::konten::Data::Regulasi(_)))
            .collect();
        let mut r = fastrand::Rng::with_seed(0x9E37_79B9_7F4A_7C15);
        (0..n)
            .map(|i| {
                let mut kata = |k: usize| {
                    (0..k)
                        .map(|_| KATA[r.usize(..KATA.len())])
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let mut e = asal[i % asal.len()].clone();
                e.id = format!("{}-k{i}", e.id);
                e.tahun = Some(if i % 12 == 0 { 2015 } else { 2014 });
                e.judul = kata(5);
                e.body = format!("{}.\n", kata(30));
                e
            })
            .collect()
    }

    #[test]
    fn broad_searches_rank_the_same_pruned_or_not() {
        let konten = crate::konten::muat(Path::new("content")).expect("bundled content");
        let dir = tempfile::tempdir().expect("tempdir");
        let mut klon = klon_regulasi(&konten, 12_000).into_iter();
        generasi::bangun_dengan(&konten, &mut klon, None, dir.path(), &mut |_| {}).expect("index");
        let indeks = generasi::buka(dir.path(), generasi::Periksa::Ukuran).expect("open");
        let regulasi = Some(crate::opsi::Jenis::Koleksi(
            crate::konten::Koleksi::Regulasi,
        ));
        for (q, jenis, tahun) in [
            ("desa", None, None),
            ("kerja sama desa", None, None),
            ("peraturan desa", regulasi, Some(2014)),
            ("aset desa", None, Some(2014)),
        ] {
            for offset in [0, 20] {
                let p = Permintaan {
                    q: q.into(),
                    jenis,
                    tahun,
                    limit: 20,
                    offset,
                    ..Default::default()
                };
                let dipangkas = indeks.cari_dengan(&p, true).expect("search");
                let penuh = indeks.cari_dengan(&p, false).expect("search");
                assert!(!dipangkas.total_tepat, "{q}: too many to count");
                assert_eq!(dipangkas.hits.len(), 20, "{q}");
                // The same scores place by place; the same entries wherever a score is not
                // (to the last bits of a sum taken in another order) a tie.
                for (a, b) in dipangkas.hits.iter().zip(&penuh.hits) {
                    assert!(
                        (a.skor - b.skor).abs() < 1e-4,
                        "{q}: {} vs {}",
                        a.skor,
                        b.skor
                    );
                }
                let batas = penuh.hits.last().map_or(0.0, |h| h.skor) + 1e-3;
                let atas = |h: &Hasil| {
                    let mut v: Vec<String> = h
                        .hits
                        .iter()
                        .filter(|x| x.skor > batas)
                        .map(|x| x.id.clone())
                        .collect();
                    v.sort();
                    v
                };
                assert_eq!(atas(&dipangkas), atas(&penuh), "{q} from {offset}");
                // Ties fall the same way on every run, so paging never repeats or skips one.
                let id = |h: &Hasil| h.hits.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
                let lagi = indeks.cari_dengan(&p, true).expect("search");
                assert_eq!(id(&dipangkas), id(&lagi), "{q} from {offset}");
            }
        }
    }

    /// An article that says what the query says ranks above one that uses the same words more
    /// often but apart (the dispute article of kerja sama Desa against one that names disputes
    /// in one sentence and kerja sama Desa in others); without nearness the other wins.
    #[test]
    fn words_standing_together_rank_above_the_same_words_scattered() {
        let konten = crate::konten::muat(Path::new("content")).expect("bundled content");
        let asal = konten
            .semua()
            .iter()
            .find(|e| matches!(e.data, crate::konten::Data::Regulasi(_)))
            .expect("a regulation entry")
            .clone();
        let entri = |id: &str, body: &str| {
            let mut e = asal.clone();
            e.id = id.into();
            e.judul = "Pasal".into();
            e.body = body.into();
            e
        };
        let tersebar = entri(
            "tersebar",
            "Perselisihan diselesaikan secara musyawarah. Perselisihan yang tidak selesai \
             dibawa ke pengadilan. Kerja sama Desa dilaporkan kepada bupati, dan kerja sama \
             Desa dievaluasi setiap tahun oleh camat.\n",
        );
        let rapat = entri(
            "rapat",
            "Setiap perselisihan kerja sama Desa diselesaikan secara musyawarah serta \
             dilandasi semangat kekeluargaan oleh para pihak yang bersangkutan.\n",
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let mut tambahan = vec![tersebar, rapat].into_iter();
        generasi::bangun_dengan(&konten, &mut tambahan, None, dir.path(), &mut |_| {})
            .expect("index");
        let indeks = generasi::buka(dir.path(), generasi::Periksa::Ukuran).expect("open");
        let hasil = indeks
            .cari(&Permintaan {
                q: "perselisihan kerja sama desa".into(),
                limit: 100,
                ..Default::default()
            })
            .expect("search");
        let urutan: Vec<&str> = hasil.hits.iter().map(|h| h.id.as_str()).collect();
        let di = |id: &str| urutan.iter().position(|x| *x == id);
        assert!(
            di("rapat") < di("tersebar") && di("tersebar").is_some(),
            "{urutan:?}"
        );
    }

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
