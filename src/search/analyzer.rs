//! The Indonesian analyzer: words are lowercased, joined compounds split ("kerjasama" → "kerja
//! sama"), stop words dropped and affixes stemmed with Snowball's Indonesian stemmer, corrected by
//! a root list for the words it gets wrong. Vocabulary lives in `padanan.yaml`.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Arc, LazyLock};

use frostem::{Algorithm, Stemmer};
use serde::Deserialize;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the stemming analyzer is registered in the index.
pub const AKAR: &str = "id_akar";
/// Name of the analyzer that keeps words as written (lowercased), for exact matches.
pub const PERSIS: &str = "id_persis";

const PADANAN: &str = include_str!("padanan.yaml");

const KATA_HENTI: &[&str] = &[
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "pada",
    "dalam",
    "ini",
    "itu",
    "atau",
    "adalah",
    "oleh",
    "akan",
    "juga",
    "tersebut",
    "sebagaimana",
    "dimaksud",
    "bahwa",
    "serta",
    "para",
    "agar",
    "secara",
    "karena",
    "maka",
    "bagi",
    "sebagai",
    "telah",
    "yaitu",
    "yakni",
    "tentang",
    "nya",
    "pun",
    "se",
    "the",
    "of",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Berkas {
    pecah: HashMap<String, String>,
    sinonim: Vec<Vec<String>>,
    akar: HashMap<String, String>,
}

/// The search vocabulary: compounds, synonyms, roots and stop words.
pub struct Kamus {
    pecah: FxHashMap<String, Vec<String>>,
    akar: FxHashMap<String, String>,
    henti: FxHashSet<&'static str>,
    stemmer: Stemmer,
    /// Each synonym group, every member as the token sequence the stemming analyzer gives it.
    pub sinonim: Vec<Vec<Vec<String>>>,
    /// Words whose roots do not show in their written form (joined compounds, the root list),
    /// each with its roots.
    khusus: Vec<(String, Vec<String>)>,
    /// Every word the vocabulary names (compounds, roots, synonym members): never a typo.
    dikenal: FxHashSet<String>,
}

static KAMUS: LazyLock<Arc<Kamus>> = LazyLock::new(|| {
    let berkas: Berkas =
        serde_yaml::from_str(PADANAN).expect("padanan.yaml is checked by a unit test");
    let mut k = Kamus {
        pecah: berkas
            .pecah
            .into_iter()
            .map(|(a, b)| (a, b.split_whitespace().map(str::to_string).collect()))
            .collect(),
        akar: berkas.akar.into_iter().collect(),
        henti: KATA_HENTI.iter().copied().collect(),
        stemmer: Stemmer::new(Algorithm::Indonesian),
        sinonim: Vec::new(),
        khusus: Vec::new(),
        dikenal: FxHashSet::default(),
    };
    k.dikenal = k
        .pecah
        .keys()
        .chain(k.akar.keys())
        .cloned()
        .chain(
            berkas
                .sinonim
                .iter()
                .flatten()
                .flat_map(|a| a.split_whitespace().map(str::to_lowercase)),
        )
        .collect();
    let mut buf = String::new();
    k.khusus = k
        .pecah
        .keys()
        .chain(k.akar.keys())
        .map(|kata| {
            let mut akar = Vec::new();
            k.akar_kata(kata, &mut buf, |a| akar.push(a.to_string()));
            (kata.clone(), akar)
        })
        .collect();
    k.sinonim = berkas
        .sinonim
        .iter()
        .map(|grup| {
            grup.iter()
                .map(|anggota| {
                    analisis(&k, anggota, Mode::Akar)
                        .into_iter()
                        .map(|t| t.text)
                        .collect()
                })
                .collect()
        })
        .collect();
    Arc::new(k)
});

pub fn kamus() -> Arc<Kamus> {
    KAMUS.clone()
}

/// Stemming is the analyzer's main cost (snippets re-analyze every hit's text); words repeat, so
/// each thread remembers the roots it computed, up to a bound.
const MEMO_MAKS: usize = 100_000;

thread_local! {
    static MEMO: std::cell::RefCell<FxHashMap<String, String>> = Default::default();
}

impl Kamus {
    /// The root of one lowercased word.
    pub fn akar(&self, kata: &str) -> String {
        let mut keluar = String::new();
        self.akar_ke(kata, &mut keluar);
        keluar
    }

    /// The parts a lowercased word is indexed as: a joined compound's parts, nothing for an
    /// overlong word, else the word itself.
    fn bagian<'a>(&'a self, kata: &'a str) -> impl Iterator<Item = &'a str> {
        let pecahan = self.pecah.get(kata);
        let utuh = (pecahan.is_none() && kata.len() <= PANJANG_MAKS).then_some(kata);
        pecahan
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(utuh)
    }

    /// Calls `f` with the root of every part of one lowercased word that is not a stop word.
    pub fn akar_kata(&self, kata: &str, keluar: &mut String, mut f: impl FnMut(&str)) {
        for bg in self.bagian(kata) {
            if !self.henti.contains(bg) {
                self.akar_ke(bg, keluar);
                f(keluar);
            }
        }
    }

    /// The parts of a compound written joined (`kerjasama` → `kerja`, `sama`).
    pub fn pecahan(&self, kata: &str) -> Option<&[String]> {
        self.pecah.get(kata).map(Vec::as_slice)
    }

    /// The compounds the vocabulary splits, as written joined.
    pub fn majemuk(&self) -> impl Iterator<Item = &str> {
        self.pecah.keys().map(String::as_str)
    }

    /// Whether the vocabulary names this word (so it is never taken for a typo).
    pub fn dikenal(&self, kata: &str) -> bool {
        self.dikenal.contains(kata)
    }

    /// Words whose roots do not show in their written form (joined compounds, the root list),
    /// each with its roots; worked out once, not per query.
    pub fn kata_khusus(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.khusus.iter().map(|(k, a)| (k.as_str(), a.as_slice()))
    }

    /// Writes the root of `kata` into `keluar`, reusing its buffer.
    fn akar_ke(&self, kata: &str, keluar: &mut String) {
        keluar.clear();
        if let Some(a) = self.akar.get(kata) {
            keluar.push_str(a);
        } else if kata.chars().count() <= 4 || kata.bytes().any(|b| b.is_ascii_digit()) {
            keluar.push_str(kata);
        } else {
            MEMO.with_borrow_mut(|memo| match memo.get(kata) {
                Some(a) => keluar.push_str(a),
                None => {
                    let a = self.stemmer.stem(kata);
                    keluar.push_str(&a);
                    if memo.len() >= MEMO_MAKS {
                        memo.clear();
                    }
                    memo.insert(kata.to_string(), a.into_owned());
                }
            });
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Stop words dropped, words stemmed.
    Akar,
    /// Every word kept as written, lowercased.
    Persis,
}

/// Tokens of `teks`. Positions count every word, dropped stop words too, so phrases keep their
/// gaps; a split compound takes one position per part.
pub fn analisis(k: &Kamus, teks: &str, mode: Mode) -> Vec<Token> {
    let mut keluar = Vec::new();
    analisis_ke(k, teks, mode, &mut keluar);
    keluar
}

fn analisis_ke(k: &Kamus, teks: &str, mode: Mode, keluar: &mut Vec<Token>) {
    // Tokens (and their text buffers) of the previous call are reused: snippets re-analyze
    // every hit's text, and allocation was most of that cost.
    let mut n = 0usize;
    let mut posisi = 0usize;
    pindai(teks, |a, b, kata| {
        if kata.len() > PANJANG_MAKS {
            posisi += 1;
        }
        for bg in k.bagian(kata) {
            dorong(k, mode, bg, (a, b), &mut posisi, keluar, &mut n);
        }
    });
    keluar.truncate(n);
}

/// Longer "words" (hashes, runs of OCR noise) are skipped, keeping their position.
const PANJANG_MAKS: usize = 40;

/// Calls `f(from, to, word)` for every word of `teks`, lowercased, with its byte offsets.
pub fn pindai(teks: &str, mut f: impl FnMut(usize, usize, &str)) {
    let b = teks.as_bytes();
    let mut kata = String::new();
    let mut awal = None;
    let mut i = 0;
    while i < b.len() {
        // ASCII directly; other characters decoded (most texts are nearly all ASCII).
        let (huruf, lebar) = if b[i].is_ascii() {
            (b[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = teks[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if huruf {
            if awal.is_none() {
                awal = Some(i);
                kata.clear();
            }
            if lebar == 1 {
                kata.push(char::from(b[i].to_ascii_lowercase()));
            } else {
                kata.extend(teks[i..i + lebar].chars().flat_map(char::to_lowercase));
            }
        } else if let Some(a) = awal.take() {
            f(a, i, &kata);
        }
        i += lebar;
    }
    if let Some(a) = awal {
        f(a, teks.len(), &kata);
    }
}

fn dorong(
    k: &Kamus,
    mode: Mode,
    kata: &str,
    (offset_from, offset_to): (usize, usize),
    posisi: &mut usize,
    keluar: &mut Vec<Token>,
    n: &mut usize,
) {
    let henti = mode == Mode::Akar && k.henti.contains(kata);
    if !henti {
        if *n == keluar.len() {
            keluar.push(Token::default());
        }
        let t = &mut keluar[*n];
        match mode {
            Mode::Persis => {
                t.text.clear();
                t.text.push_str(kata);
            }
            Mode::Akar => k.akar_ke(kata, &mut t.text),
        }
        t.offset_from = offset_from;
        t.offset_to = offset_to;
        t.position = *posisi;
        t.position_length = 1;
        *n += 1;
    }
    *posisi += 1;
}

/// The analyzer as a tantivy tokenizer; register it under [`AKAR`] or [`PERSIS`].
#[derive(Clone)]
pub struct Analyzer {
    kamus: Arc<Kamus>,
    mode: Mode,
    token: Vec<Token>,
}

impl Analyzer {
    pub fn new(mode: Mode) -> Self {
        Analyzer {
            kamus: kamus(),
            mode,
            token: Vec::new(),
        }
    }
}

pub struct Aliran<'a> {
    token: &'a mut Vec<Token>,
    i: usize,
}

impl Tokenizer for Analyzer {
    type TokenStream<'a> = Aliran<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Aliran<'a> {
        analisis_ke(&self.kamus, text, self.mode, &mut self.token);
        Aliran {
            token: &mut self.token,
            i: usize::MAX,
        }
    }
}

impl TokenStream for Aliran<'_> {
    fn advance(&mut self) -> bool {
        self.i = self.i.wrapping_add(1);
        self.i < self.token.len()
    }
    fn token(&self) -> &Token {
        &self.token[self.i]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token[self.i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn akar(teks: &str) -> Vec<String> {
        analisis(&kamus(), teks, Mode::Akar)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn vocabulary_file_parses() {
        assert!(!kamus().sinonim.is_empty());
    }

    #[test]
    fn forms_of_kerja_sama_meet() {
        let kerja_sama = akar("kerja sama");
        assert_eq!(kerja_sama, ["kerja", "sama"]);
        for bentuk in [
            "bekerja sama",
            "kerjasama",
            "Kerja Samanya",
            "kerja-sama",
            "bekerjasama",
        ] {
            assert_eq!(akar(bentuk), kerja_sama, "{bentuk}");
        }
    }

    #[test]
    fn stemming_pairs_meet() {
        let pasangan = [
            ("pembangunan", "membangun"),
            ("membangun", "bangun"),
            ("pengelolaan", "mengelola"),
            ("pengawasan", "mengawasi"),
            ("perjanjian", "janji"),
            ("ditetapkan", "menetapkan"),
            ("penetapan", "tetap"),
            ("permusyawaratan", "musyawarah"),
            ("pelaporan", "laporan"),
            ("kesepakatan", "disepakati"),
            ("penawaran", "menawarkan"),
            ("pemberdayaan", "memberdayakan"),
            ("kerjasamanya", "kerja sama"),
            ("periksa", "pemeriksaan"),
            ("perintah", "memerintahkan"),
            ("kelola", "pengelolaan"),
            ("terima", "penerimaan"),
            ("menerima", "diterima"),
            ("tugas", "penugasan"),
            ("kembang", "pengembangan"),
            ("berkembang", "mengembangkan"),
            ("tindakan", "tindak"),
            ("peran", "peranan"),
            ("tengah", "menengah"),
            ("kirim", "pengiriman"),
            ("tanggung", "menanggung"),
            ("tanggulang", "penanggulangan"),
            ("kuasa", "penguasaan"),
            ("kumpul", "pengumpulan"),
            ("kuat", "penguatan"),
            ("memperkuat", "kuat"),
            ("tulis", "penulisan"),
            ("timbang", "menimbang"),
            ("pertimbangan", "menimbang"),
            ("tindak lanjut", "menindaklanjuti"),
            ("tanggung jawab", "pertanggungjawaban"),
        ];
        for (a, b) in pasangan {
            assert_eq!(akar(a), akar(b), "{a} ~ {b}");
        }
    }

    #[test]
    fn protected_words_keep_their_meaning() {
        assert_eq!(akar("kepala"), ["kepala"]);
        assert_eq!(akar("perangkat"), ["perangkat"]);
        assert_eq!(akar("ketua"), ["ketua"]);
        assert_ne!(akar("ketua"), akar("tua"));
        assert_ne!(akar("pengawasan"), akar("kawasan"));
    }

    #[test]
    fn stop_words_leave_position_gaps() {
        let t = analisis(&kamus(), "keadaan yang memaksa", Mode::Akar);
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].position - t[0].position, 2);
    }

    #[test]
    fn numbers_and_exact_forms_survive() {
        assert_eq!(akar("Pasal 92"), ["pasal", "92"]);
        let persis: Vec<String> = analisis(&kamus(), "Kerjasama Desa", Mode::Persis)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(persis, ["kerja", "sama", "desa"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let teks = "Badan Kerja Sama Antar-Desa";
        for t in analisis(&kamus(), teks, Mode::Akar) {
            assert!(teks.is_char_boundary(t.offset_from) && t.offset_to <= teks.len());
        }
    }
}
