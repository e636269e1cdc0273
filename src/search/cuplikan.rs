//! Highlighted snippets: the stretch of a hit's text where most of the query's words occur
//! together, returned as data — the text and the ranges of its matching words. The web makes
//! HTML of it, the command line plain text.
//!
//! Stemming every word of every hit was most of a search's cost, so only words that could have a
//! query root are stemmed, found in one pass of a multi-pattern searcher. Indonesian affixes wrap
//! the root and change at most its first letter, and only a p, s, t or k (me-nulis → tulis,
//! pe-nyapu → sapu), so the written word contains the root, less such a first letter (checked on
//! every word of the bundled content by a test, and on the 14.7 million of the full corpus once).
//! Words whose roots do not show in their form (joined compounds, the root list) are looked for
//! by name.

use aho_corasick::{AhoCorasick, MatchKind, packed};
use rustc_hash::FxHashMap;

use super::analyzer::Kamus;

/// A stretch of a hit's text with the words that match the query marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cuplikan {
    /// The text, whitespace collapsed; "…" where it was cut.
    pub teks: String,
    /// Byte ranges of `teks` that match the query, in order, not overlapping.
    pub sorot: Vec<std::ops::Range<usize>>,
}

impl Cuplikan {
    /// The text in parts, each with whether it is a match: what a renderer walks.
    pub fn bagian(&self) -> impl Iterator<Item = (&str, bool)> {
        let mut pos = 0;
        let mut keluar = Vec::with_capacity(self.sorot.len() * 2 + 1);
        for r in &self.sorot {
            if r.start > pos {
                keluar.push((&self.teks[pos..r.start], false));
            }
            keluar.push((&self.teks[r.clone()], true));
            pos = r.end;
        }
        if pos < self.teks.len() {
            keluar.push((&self.teks[pos..], false));
        }
        keluar.into_iter()
    }
}

/// Builds snippets for one query.
pub struct Penyorot<'k> {
    kamus: &'k Kamus,
    /// Each query root with its index in `bobot`.
    akar: FxHashMap<String, usize>,
    /// How much finding each root adds to a stretch: rarer roots weigh more.
    bobot: Vec<f32>,
    /// Finds words that may have a query root; `None` when there is nothing to look for.
    calon: Option<Calon>,
}

enum Calon {
    Vektor(packed::Searcher),
    Otomat(AhoCorasick),
}

impl Calon {
    /// Start and end of every (non-overlapping) pattern found in `teks`.
    fn cari<'a>(&'a self, teks: &'a str) -> Box<dyn Iterator<Item = (usize, usize)> + 'a> {
        match self {
            Calon::Vektor(s) => Box::new(s.find_iter(teks).map(|m| (m.start(), m.end()))),
            Calon::Otomat(a) => Box::new(a.find_iter(teks).map(|m| (m.start(), m.end()))),
        }
    }
}

struct Cocok {
    dari: usize,
    sampai: usize,
    akar: usize,
}

/// The part of `akar` every word with that root contains.
pub fn jarum(akar: &str) -> &str {
    match akar.as_bytes().first() {
        Some(b'p' | b's' | b't' | b'k') if akar.len() > 1 => &akar[1..],
        _ => akar,
    }
}

impl<'k> Penyorot<'k> {
    /// `akar`: the roots searched in the text with their weights.
    pub fn new(kamus: &'k Kamus, akar: impl IntoIterator<Item = (String, f32)>) -> Self {
        let mut peta = FxHashMap::default();
        let mut bobot = Vec::new();
        for (a, b) in akar {
            peta.entry(a).or_insert_with(|| {
                bobot.push(b);
                bobot.len() - 1
            });
        }
        let mut pola: Vec<&str> = peta.keys().map(|a| jarum(a)).collect();
        pola.extend(
            kamus
                .kata_khusus()
                .filter(|(_, akar)| akar.iter().any(|a| peta.contains_key(a)))
                .map(|(k, _)| k),
        );
        let calon = if pola.is_empty() || pola.iter().any(|p| p.is_empty()) {
            None
        } else {
            // Searched in lowercased text. A few short patterns per query: a vector (Teddy)
            // searcher builds in no time and finds fastest; where the CPU has none, an
            // automaton.
            packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostFirst)
                .builder()
                .extend(&pola)
                .build()
                .map(Calon::Vektor)
                .or_else(|| {
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostFirst)
                        .build(&pola)
                        .ok()
                        .map(Calon::Otomat)
                })
        };
        Penyorot {
            kamus,
            akar: peta,
            bobot,
            calon,
        }
    }

    fn cocok(&self, teks: &str) -> Vec<Cocok> {
        let mut hasil = Vec::new();
        let Some(calon) = &self.calon else {
            return hasil;
        };
        let mut kata = String::new();
        let mut buf = String::new();
        let mut sampai_tadi = 0;
        // ASCII lowercasing keeps every byte offset.
        let kecil = teks.to_ascii_lowercase();
        for (awal, akhir) in calon.cari(&kecil) {
            if awal < sampai_tadi {
                continue;
            }
            let dari = batas_kata_mundur(&kecil, awal);
            let sampai = akhir_kata(&kecil, akhir);
            sampai_tadi = sampai;
            kata.clear();
            kata.extend(kecil[dari..sampai].chars().flat_map(char::to_lowercase));
            let mut akar = None;
            self.kamus.akar_kata(&kata, &mut buf, |a| {
                if akar.is_none() {
                    akar = self.akar.get(a).copied();
                }
            });
            if let Some(akar) = akar {
                hasil.push(Cocok { dari, sampai, akar });
            }
        }
        hasil
    }

    /// About `panjang` bytes of `teks` around its best stretch of matches (its beginning when
    /// nothing matches). Cut ends are marked with "…".
    pub fn cuplik(&self, teks: &str, panjang: usize) -> Cuplikan {
        let cocok = self.cocok(teks);
        // The stretch of at most `panjang` bytes whose different roots weigh most; then the one
        // with more matches; then the earliest.
        let mut terbaik: Option<(f32, usize, usize, usize)> = None;
        let mut hitung = vec![0u32; self.bobot.len()];
        let mut skor = 0.0f32;
        let mut j = 0;
        for i in 0..cocok.len() {
            while j < cocok.len() && cocok[j].sampai - cocok[i].dari <= panjang {
                let a = cocok[j].akar;
                if hitung[a] == 0 {
                    skor += self.bobot[a];
                }
                hitung[a] += 1;
                j += 1;
            }
            let lebih_baik =
                terbaik.is_none_or(|(s, n, _, _)| skor > s || (skor == s && j - i > n));
            if lebih_baik {
                terbaik = Some((skor, j - i, i, j));
            }
            let a = cocok[i].akar;
            hitung[a] -= 1;
            if hitung[a] == 0 {
                skor -= self.bobot[a];
            }
        }
        let (dari, sampai, sorot) = match terbaik {
            Some((_, _, i, j)) if j > i => {
                let (awal, akhir) = (cocok[i].dari, cocok[j - 1].sampai);
                // Some words before the first match, for context; the rest after.
                let sisa = panjang.saturating_sub(akhir - awal);
                let dari = batas_kata_mundur(teks, awal.saturating_sub(sisa / 4));
                let sampai = batas_kata_maju(teks, dari + panjang).max(akhir);
                (dari, sampai, &cocok[i..j])
            }
            _ => {
                let sampai = match batas_kata_maju(teks, panjang) {
                    0 => teks.floor_char_boundary(panjang),
                    s => s,
                };
                (0, sampai, &cocok[..0])
            }
        };
        let mut keluar = Cuplikan {
            teks: String::with_capacity(sampai - dari + 8),
            sorot: Vec::with_capacity(sorot.len()),
        };
        if dari > 0 {
            keluar.teks.push('…');
        }
        let mut pos = dari;
        for c in sorot {
            tulis_teks(&mut keluar.teks, &teks[pos..c.dari]);
            let mulai = keluar.teks.len();
            tulis_teks(&mut keluar.teks, &teks[c.dari..c.sampai]);
            keluar.sorot.push(mulai..keluar.teks.len());
            pos = c.sampai;
        }
        tulis_teks(&mut keluar.teks, &teks[pos..sampai]);
        let panjang_isi = keluar.teks.trim_end().len();
        keluar.teks.truncate(panjang_isi);
        if sampai < teks.len() {
            keluar.teks.push('…');
        }
        keluar
    }
}

/// The start of the word `i` falls in (or `i` itself when it is between words).
fn batas_kata_mundur(teks: &str, i: usize) -> usize {
    let i = teks.floor_char_boundary(i);
    teks[..i]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// The end of the word `i` is in (`i` itself when it ends there).
fn akhir_kata(teks: &str, i: usize) -> usize {
    teks[i..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(teks.len(), |(p, _)| i + p)
}

/// `i` when it is between words, else the start of the word it falls in, so no word is cut
/// (the text's end when `i` is past it).
fn batas_kata_maju(teks: &str, i: usize) -> usize {
    if i >= teks.len() {
        return teks.len();
    }
    let i = teks.floor_char_boundary(i);
    match teks[i..].chars().next() {
        Some(c) if c.is_alphanumeric() => batas_kata_mundur(teks, i),
        _ => i,
    }
}

/// Escaped text with runs of whitespace as one space.
/// Appends `teks` with its whitespace collapsed to single spaces.
fn tulis_teks(keluar: &mut String, teks: &str) {
    let spasi = |keluar: &mut String| {
        if !keluar.is_empty() && !keluar.ends_with([' ', '…']) {
            keluar.push(' ');
        }
    };
    if teks.starts_with(char::is_whitespace) {
        spasi(keluar);
    }
    for (n, kata) in teks.split_whitespace().enumerate() {
        if n > 0 {
            spasi(keluar);
        }
        keluar.push_str(kata);
    }
    if teks.ends_with(char::is_whitespace) {
        spasi(keluar);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyzer::{self, Mode, analisis, kamus};

    /// The snippet with its matches in `<b>`, for readable assertions.
    fn b(c: Cuplikan) -> String {
        c.bagian()
            .map(|(t, s)| {
                if s {
                    format!("<b>{t}</b>")
                } else {
                    t.to_string()
                }
            })
            .collect()
    }

    fn penyorot<'a>(k: &'a Kamus, q: &str) -> Penyorot<'a> {
        let akar: Vec<(String, f32)> = analisis(k, q, Mode::Akar)
            .into_iter()
            .map(|t| (t.text, 1.0))
            .collect();
        Penyorot::new(k, akar)
    }

    #[test]
    fn best_stretch_has_the_most_query_words() {
        let k = kamus();
        let teks = format!(
            "{}Desa boleh bekerja sama.{}Kerja sama antar-Desa dibahas dalam musyawarah antar-Desa.{}",
            "awal ".repeat(100),
            " tengah ".repeat(100),
            " akhir".repeat(100)
        );
        let h = b(penyorot(&k, "kerja sama musyawarah").cuplik(&teks, 220));
        assert!(h.contains("<b>Kerja</b> <b>sama</b>"), "{h}");
        assert!(h.contains("<b>musyawarah</b>"), "{h}");
        assert!(h.starts_with('…') && h.ends_with('…'), "{h}");
        assert!(h.len() < 400, "{h}");
    }

    #[test]
    fn affixed_and_joined_forms_are_highlighted() {
        let k = kamus();
        let h = b(penyorot(&k, "pembangunan kerja sama").cuplik(
            "Desa membangun jalan; kerjasama dengan pihak ketiga dan penulisan laporan.",
            220,
        ));
        assert!(h.contains("<b>membangun</b>"), "{h}");
        assert!(h.contains("<b>kerjasama</b>"), "{h}");
        assert!(!h.contains('…'), "{h}");
        let kades = b(penyorot(&k, "kepala desa").cuplik("Surat kades dan kepala desa.", 220));
        assert!(kades.contains("<b>kades</b>"), "{kades}");
        let nasal = b(penyorot(&k, "susun").cuplik("Tahap penyusunan perjanjian.", 220));
        assert!(nasal.contains("<b>penyusunan</b>"), "{nasal}");
    }

    #[test]
    fn whitespace_is_collapsed_and_ranges_point_at_the_matches() {
        let k = kamus();
        let c = penyorot(&k, "desa").cuplik("<script>desa</script>\n\n  & \"desa\"", 220);
        assert_eq!(c.teks, "<script>desa</script> & \"desa\"");
        let sorot: Vec<&str> = c.sorot.iter().map(|r| &c.teks[r.clone()]).collect();
        assert_eq!(sorot, ["desa", "desa"]);
        assert_eq!(b(c), "<script><b>desa</b></script> & \"<b>desa</b>\"");
    }

    #[test]
    fn without_a_match_the_beginning_is_shown() {
        let k = kamus();
        let teks = "Bagian awal teks. ".repeat(40);
        let h = b(penyorot(&k, "tidakada").cuplik(&teks, 100));
        assert!(h.starts_with("Bagian awal") && h.ends_with('…'), "{h}");
        assert!(!h.contains("<b>"));
        assert_eq!(b(penyorot(&k, "x").cuplik("pendek", 100)), "pendek");
    }

    #[test]
    fn vector_searcher_and_automaton_find_the_same() {
        let pola = ["esa", "erja", "bumdes", "musyawarah"];
        let teks = "kerja sama desa; bumdes dan musyawarah desa, bekerja".repeat(20);
        let vektor = Calon::Vektor(
            packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostFirst)
                .builder()
                .extend(pola)
                .build()
                .expect("a vector searcher on this CPU"),
        );
        let otomat = Calon::Otomat(
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(pola)
                .expect("automaton"),
        );
        let a: Vec<_> = vektor.cari(&teks).collect();
        assert_eq!(a, otomat.cari(&teks).collect::<Vec<_>>());
        assert_eq!(a.len(), 20 * 6);
    }

    /// The cheap test before stemming must never hide a match: every word of the bundled content
    /// contains the needle of its root, or is a listed special word.
    #[test]
    fn prefilter_never_hides_a_match_in_the_content() {
        let k = kamus();
        let khusus: Vec<&str> = k.kata_khusus().map(|(kata, _)| kata).collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut teks = String::new();
        for koleksi in std::fs::read_dir(&dir).expect("content dir").flatten() {
            for berkas in std::fs::read_dir(koleksi.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                teks.push_str(&std::fs::read_to_string(berkas.path()).unwrap_or_default());
            }
        }
        let mut diperiksa = 0;
        let mut buf = String::new();
        analyzer::pindai(&teks, |_, _, kata| {
            if khusus.contains(&kata) {
                return;
            }
            k.akar_kata(kata, &mut buf, |akar| {
                assert!(kata.contains(jarum(akar)), "{kata} → {akar}");
                diperiksa += 1;
            });
        });
        assert!(diperiksa > 20_000, "{diperiksa}");
    }
}
