//! Property tests: the code that reads what users and content authors write (front-matter,
//! content trees, form data, form paths, wording, queries) must not panic on any input, must
//! point its problems at real places and keep its bounds; the Indonesian formatters must say
//! exactly the number or date they were given. Each property is checked against an independent
//! reading in the test (a parser of the words, of Roman numerals, the `time` crate), not
//! against the code itself.
//!
//! Case counts are modest so the whole file runs in seconds in a debug build on 2 cores;
//! `PROPTEST_CASES=10000 cargo test --lib uji_sifat` runs more.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestRunner;
use serde_json::{Map, Value, json};

use crate::dokumen::naskah::{Blok, Sebaris};
use crate::dokumen::{Mesin, formulir, jalur, naskah};
use crate::format;
use crate::konten::{self, JenisKolom, Kolom, frontmatter};
use crate::search::generasi;
use crate::search::penyusun::{Bagian, pisah_kueri};
use crate::search::query::Permintaan;

// ---------------------------------------------------------------------------------------------
// Text that reaches the parsers

/// Characters that mean something to YAML, Markdown, form paths or queries, plus line endings
/// and invisible characters, mixed with letters and any character at all.
const KHUSUS: &str =
    "-:#&*!|>'\"%@`{}[],?\\<=+_~.()$/ \t\n\r0123456789\u{feff}\u{a0}\u{85}\u{2028}\u{0}\u{7f}é→";

fn huruf() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => select(KHUSUS.chars().collect::<Vec<_>>()),
        3 => proptest::char::range('a', 'z'),
        1 => any::<char>(),
    ]
}

fn teks(maks: usize) -> impl Strategy<Value = String> {
    vec(huruf(), 0..maks).prop_map(|v| v.into_iter().collect())
}

/// Text with something visible in it, as a required field needs.
fn teks_isi(maks: usize) -> impl Strategy<Value = String> {
    teks(maks).prop_filter("visible text", |s| !s.trim().is_empty())
}

/// A line of YAML-ish front-matter: keys the collections know (and some they do not), values
/// of every shape, indentation, fences.
fn baris_yaml() -> impl Strategy<Value = String> {
    let mut nama: Vec<&'static str> = [
        konten::Regulasi::KUNCI,
        konten::StudiKasus::KUNCI,
        konten::Templat::KUNCI,
        konten::Materi::KUNCI,
    ]
    .concat();
    nama.extend([
        "nama", "label", "jenis", "kolom", "ulang", "istilah", "definisi", "pasal", "desa",
    ]);
    let kunci = prop_oneof![
        3 => select(nama).prop_map(str::to_string),
        1 => "[a-z_]{1,8}",
        1 => teks(8),
    ];
    let nilai = prop_oneof![
        2 => teks(20),
        3 => select(vec![
            "", "[]", "{}", "[a, b]", "[budaya]", "|", ">-", "&a x", "*a", "!!str x", "'x", "\"x",
            "2014", "-1", "0", "65536", "1.5", "null", "~", "true", "https://example.org/x",
            "2014-01-15", "2023-02-29", "berlaku", "antar-desa", "persiapan", "lingkungan hidup",
            "{nama: a, label: A, jenis: teks}", "{nama: g, label: G, jenis: grup}",
            "[{pertanyaan: p, jawaban: a}]", "[{pertanyaan: p, pilihan: [x], jawaban: z}]",
            "{desa: [A]}", "[{pasal: 1, ringkasan: ''}]",
        ])
        .prop_map(str::to_string),
    ];
    let indent = select(vec!["", "", "", "  ", "    ", "\t", "- ", "  - ", "? "]);
    prop_oneof![
        4 => (indent.clone(), kunci, nilai.clone()).prop_map(|(i, k, v)| format!("{i}{k}: {v}")),
        2 => (indent, nilai).prop_map(|(i, v)| format!("{i}{v}")),
        1 => select(vec!["---", "--- ", "---\t", " ---", "----", "---\r", "...", "%YAML 1.2"])
            .prop_map(str::to_string),
        1 => teks(30),
    ]
}

/// A content file: mostly front-matter between fences (sometimes unclosed), then a body; or
/// anything at all.
fn berkas_md() -> impl Strategy<Value = String> {
    let bom = prop_oneof![5 => Just(""), 1 => Just("\u{feff}")];
    let nl = select(vec!["\n", "\r\n"]);
    prop_oneof![
        1 => teks(200),
        4 => (bom, nl, vec(baris_yaml(), 0..12), prop::bool::weighted(0.8), teks(100)).prop_map(
            |(bom, nl, baris, tutup, body)| {
                let mut s = format!("{bom}---{nl}");
                for b in baris {
                    s.push_str(&b);
                    s.push_str(nl);
                }
                if tutup {
                    s.push_str("---");
                    s.push_str(nl);
                }
                s.push_str(&body);
                s
            }
        ),
    ]
}

/// The last line a problem in `teks` can point at: the empty line after a final line break
/// included, and lines counted as YAML counts them (a lone CR, NEL, LS and PS end a line too).
fn baris_terakhir(teks: &str) -> usize {
    1 + teks
        .replace("\r\n", "\n")
        .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .count()
}

/// The visible characters of `s`, in order.
fn terlihat(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

mod sifat_cari;
mod sifat_format;
mod sifat_formulir;
mod sifat_konten;
mod sifat_naskah;
