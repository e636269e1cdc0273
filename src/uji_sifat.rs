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

// ---------------------------------------------------------------------------------------------
// Front-matter and content trees

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// `belah` splits at the first fence after the opening one, or says the file has none;
    /// what it returns are the file's own pieces, in order.
    #[test]
    fn belah_splits_at_the_fences(teks in berkas_md()) {
        let tanpa_bom = teks.strip_prefix('\u{feff}').unwrap_or(&teks);
        let mut baris = tanpa_bom.split_inclusive('\n');
        let dibuka = baris.next().is_some_and(|b| b.trim_end() == "---");
        let ditutup = dibuka && baris.any(|b| b.trim_end() == "---");
        match frontmatter::belah(&teks) {
            Ok(t) => {
                prop_assert!(ditutup);
                prop_assert_eq!(t.baris_awal, 2);
                let pembuka = tanpa_bom.split_inclusive('\n').next().unwrap_or("");
                prop_assert_eq!(&tanpa_bom[pembuka.len()..pembuka.len() + t.yaml.len()], t.yaml);
                prop_assert!(t.yaml.split_inclusive('\n').all(|b| b.trim_end() != "---"));
                let sisa = &tanpa_bom[pembuka.len() + t.yaml.len()..];
                let penutup = sisa.split_inclusive('\n').next().unwrap_or("");
                prop_assert_eq!(penutup.trim_end(), "---");
                prop_assert_eq!(&sisa[penutup.len()..], t.body);
            }
            Err(g) => {
                prop_assert!(!ditutup);
                prop_assert!(g.baris >= 1 && g.baris <= baris_terakhir(&teks));
            }
        }
    }
}

const KOLEKSI: [&str; 4] = ["regulasi", "studi-kasus", "templat", "materi"];

/// One file of a generated content tree: collection (4 is `istilah.yaml`), name, text.
fn berkas_pohon() -> impl Strategy<Value = (usize, String, String)> {
    let nama = prop_oneof![
        3 => "[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}",
        1 => "[A-Za-z0-9_. -]{1,8}",
    ];
    let istilah = vec(baris_yaml(), 0..10).prop_map(|b| b.join("\n"));
    prop_oneof![
        6 => (0..4usize, nama, berkas_md()),
        1 => istilah.prop_map(|t| (4, String::new(), t)),
    ]
}

/// Writes a content tree; returns each file's path and text.
fn tulis_pohon(root: &Path, berkas: &[(usize, String, String)]) -> Vec<(PathBuf, String)> {
    let mut tertulis: Vec<(PathBuf, String)> = Vec::new();
    for (k, nama, teks) in berkas {
        let path = match KOLEKSI.get(*k) {
            Some(koleksi) => root.join(koleksi).join(format!("{nama}.md")),
            None => root.join("istilah.yaml"),
        };
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, teks).expect("write");
        tertulis.retain(|(p, _)| *p != path);
        tertulis.push((path, teks.clone()));
    }
    tertulis
}

/// A valid entry of a generated shape, with arbitrary text wherever text may go.
#[derive(Debug, Clone)]
struct EntriSah {
    koleksi: &'static str,
    id: String,
    judul: String,
    front_matter: Value,
    body: String,
}

fn entri_sah() -> impl Strategy<Value = EntriSah> {
    let bidang = proptest::sample::subsequence(
        vec![
            "ekonomi dan usaha bersama",
            "budaya",
            "lingkungan hidup",
            "pemberdayaan masyarakat",
        ],
        1..3,
    );
    let data = prop_oneof![
        (
            1..1000u16,
            1..600u16,
            vec(teks_isi(30), 1..3),
            vec((teks_isi(30), teks_isi(10)), 1..3)
        )
            .prop_map(|(urutan, durasi, tujuan, kuis)| {
                let kuis: Vec<Value> = kuis
                    .into_iter()
                    .map(|(p, j)| json!({"pertanyaan": p, "jawaban": j}))
                    .collect();
                (
                    "materi",
                    json!({"urutan": urutan, "durasi": durasi, "tujuan": tujuan, "kuis": kuis}),
                )
            }),
        (
            vec(teks_isi(20), 0..3),
            teks(20),
            select(vec!["antar-desa", "pihak-ketiga"]),
            bidang,
            teks_isi(60)
        )
            .prop_map(|(desa, kabupaten, jenis, bidang, hasil)| {
                (
                    "studi-kasus",
                    json!({
                        "lokasi": {"desa": desa, "kabupaten": kabupaten},
                        "jenis_kerja_sama": jenis,
                        "bidang": bidang,
                        "hasil": hasil,
                        "sumber": ["https://example.org/sumber"],
                    }),
                )
            }),
        (
            select(vec!["persiapan", "penawaran", "perjanjian", "pelaksanaan"]),
            teks_isi(60)
        )
            .prop_map(|(tahap, panduan)| ("templat", json!({"tahap": tahap, "panduan": panduan}))),
    ];
    (
        "[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}",
        teks_isi(40),
        data,
        teks(200),
    )
        .prop_map(|(id, judul, (koleksi, mut fm), body)| {
            fm["judul"] = Value::String(judul.clone());
            EntriSah {
                koleksi,
                id,
                judul,
                front_matter: fm,
                body,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Loading any content tree never panics; every problem names a file of the tree and a
    /// line within it.
    #[test]
    fn muat_points_every_problem_into_the_file(berkas in vec(berkas_pohon(), 1..5)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("content");
        let tertulis = tulis_pohon(&root, &berkas);
        match konten::muat(&root) {
            Ok(k) => {
                let md = tertulis.iter().filter(|(p, _)| p.extension().is_some_and(|x| x == "md"));
                prop_assert_eq!(k.semua().len(), md.count());
            }
            Err(konten::KontenTidakSah(masalah)) => {
                prop_assert!(!masalah.is_empty());
                for m in &masalah {
                    let (_, teks) = tertulis
                        .iter()
                        .find(|(p, _)| *p == m.path)
                        .ok_or_else(|| TestCaseError::fail(format!("{m}: not a file of the tree")))?;
                    prop_assert!(
                        m.baris >= 1 && m.baris <= baris_terakhir(teks) && m.kolom >= 1,
                        "{} is outside the file ({} lines):\n{:?}", m, baris_terakhir(teks), teks
                    );
                }
            }
        }
    }

    /// A valid entry loads, whatever text its title, fields and body hold, and keeps them.
    #[test]
    fn a_valid_entry_loads(e in entri_sah()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("content");
        let yaml = serde_yaml::to_string(&e.front_matter).expect("yaml");
        // serde_yaml writes some text it cannot read back (a U+2028 in a block scalar, which
        // YAML 1.1 takes for a line break): not what an author writes, and not ours to fix.
        prop_assume!(serde_yaml::from_str::<Value>(&yaml).is_ok_and(|v| v == e.front_matter));
        let teks = format!("---\n{yaml}---\n{}", e.body);
        tulis_pohon(&root, &[(KOLEKSI.iter().position(|k| *k == e.koleksi).expect("koleksi"), e.id.clone(), teks.clone())]);
        let k = konten::muat(&root).map_err(|m| {
            TestCaseError::fail(format!("{:?}\nin\n{teks}", m.0.iter().map(ToString::to_string).collect::<Vec<_>>()))
        })?;
        let [entri] = k.semua() else {
            return Err(TestCaseError::fail("one entry"));
        };
        prop_assert_eq!(&entri.id, &e.id);
        prop_assert_eq!(entri.koleksi.slug(), e.koleksi);
        prop_assert_eq!(entri.judul.as_str(), e.judul.trim());
        prop_assert_eq!(&entri.body, &e.body);
    }
}

/// YAML-ish text with aliases (and no anchors) between every kind of line break YAML knows.
fn yaml_beralias() -> impl Strategy<Value = String> {
    let potong = prop_oneof![
        3 => baris_yaml(),
        2 => select(vec![
            "*x", "[*x, *x]", "- *x", "a: *x", "{a: *x}", "# c", "a: |", "b: >-", "  x", "'", "\"",
            "? ", ": ", "!!str *x",
        ])
        .prop_map(str::to_string),
    ];
    let pemisah = select(vec![
        "\n", "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", " ", "\t", "  ",
    ]);
    vec((potong, pemisah), 0..12).prop_map(|v| {
        v.into_iter()
            .flat_map(|(a, b)| [a, b.to_string()])
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// The alias guard sees every alias serde_yaml would resolve: text it lets through never
    /// makes serde_yaml look an alias up (here every alias is unknown, so one would show).
    #[test]
    fn yaml_guard_sees_every_alias(t in yaml_beralias()) {
        if crate::yaml::tanpa_alias(&t).is_ok()
            && let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(&t)
        {
            prop_assert!(!e.to_string().contains("unknown anchor"), "{}: {:?}", e, t);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Forms

struct Jenis {
    id: String,
    formulir: Vec<Kolom>,
    aturan: Vec<crate::dokumen::aturan::Aturan>,
    contoh: Value,
}

/// The document types of the bundled content, loaded once.
fn jenis_dokumen() -> &'static [Jenis] {
    static JENIS: OnceLock<Vec<Jenis>> = OnceLock::new();
    JENIS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let konten = konten::muat(&root.join("content")).expect("bundled content is valid");
        let mesin = Mesin::muat(&konten, &root.join("templates/dokumen")).expect("engine");
        assert!(mesin.masalah.is_empty(), "{:?}", mesin.masalah);
        let jenis: Vec<Jenis> = mesin
            .daftar()
            .map(|j| Jenis {
                id: j.id.clone(),
                formulir: j.formulir.clone(),
                aturan: j.aturan.clone(),
                contoh: j.contoh(),
            })
            .collect();
        assert!(jenis.len() >= 7, "the bundled document types");
        jenis
    })
}

/// Every field name at any depth of every bundled form.
fn semua_nama() -> Vec<String> {
    fn kumpul(kolom: &[Kolom], keluar: &mut BTreeSet<String>) {
        for k in kolom {
            keluar.insert(k.nama.clone());
            kumpul(&k.kolom, keluar);
        }
    }
    let mut nama = BTreeSet::new();
    for j in jenis_dokumen() {
        kumpul(&j.formulir, &mut nama);
    }
    nama.into_iter().collect()
}

/// Any JSON, with keys that are often field names and values that are often almost right.
fn json() -> impl Strategy<Value = Value> {
    let daun = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        teks(30).prop_map(Value::from),
        select(vec![
            "",
            " ",
            "2025-07-11",
            "2025-02-30",
            "Rp1.500.000,00",
            "1e400",
            "-0",
            "12.5",
            "999999999999999",
            "1000000000000000",
            "ya",
            "tidak",
            "a4",
            "f4",
            "satu\ndua\n\nx",
            "data:image/png;base64,iVBORw0KGgo=",
            "data:image/jpeg;base64,/9j/",
            "desa[1].nama",
        ])
        .prop_map(Value::from),
    ];
    let kunci = prop_oneof![3 => select(semua_nama()), 1 => teks(10)];
    daun.prop_recursive(4, 48, 8, move |dalam| {
        prop_oneof![
            vec(dalam.clone(), 0..8).prop_map(Value::Array),
            vec((kunci.clone(), dalam), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A change to a value: at the `pilih`-th place in it, do `op` with `nilai`.
#[derive(Debug, Clone)]
struct Ubah {
    pilih: usize,
    op: u8,
    nilai: Value,
    n: usize,
}

fn ubah() -> impl Strategy<Value = Ubah> {
    (any::<usize>(), 0..5u8, json(), 0..160usize).prop_map(|(pilih, op, nilai, n)| Ubah {
        pilih,
        op,
        nilai,
        n,
    })
}

/// JSON pointers of every place in `v`, the root first.
fn tempat(v: &Value, awalan: String, keluar: &mut Vec<String>) {
    keluar.push(awalan.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let k = k.replace('~', "~0").replace('/', "~1");
                tempat(x, format!("{awalan}/{k}"), keluar);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                tempat(x, format!("{awalan}/{i}"), keluar);
            }
        }
        _ => {}
    }
}

/// Applies a change: replace the value, remove it, add a key or item beside it, repeat the
/// first item of a list many times, or add many unknown keys.
fn terapkan(v: &mut Value, u: &Ubah) {
    let mut semua = Vec::new();
    tempat(v, String::new(), &mut semua);
    let p = semua[u.pilih % semua.len()].clone();
    match u.op {
        0 => {
            if let Some(x) = v.pointer_mut(&p) {
                *x = u.nilai.clone();
            }
        }
        1 => {
            if let Some((induk, akhir)) = p.rsplit_once('/') {
                let akhir = akhir.replace("~1", "/").replace("~0", "~");
                match v.pointer_mut(induk) {
                    Some(Value::Object(m)) => {
                        m.remove(&akhir);
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(i) = akhir.parse::<usize>() {
                            a.remove(i);
                        }
                    }
                    _ => {}
                }
            }
        }
        2 => match v.pointer_mut(&p) {
            Some(Value::Object(m)) => {
                m.insert(format!("x{}", u.n), u.nilai.clone());
            }
            Some(Value::Array(a)) => a.push(u.nilai.clone()),
            _ => {}
        },
        3 => {
            if let Some(Value::Array(a)) = v.pointer_mut(&p)
                && let Some(pertama) = a.first().cloned()
            {
                a.extend(std::iter::repeat_n(pertama, u.n));
            }
        }
        _ => {
            if let Some(Value::Object(m)) = v.pointer_mut(&p) {
                for i in 0..u.n {
                    m.insert(format!("tak_dikenal_{i}"), u.nilai.clone());
                }
            }
        }
    }
}

/// Form data to check: any JSON, or a type's example with changes.
fn isian() -> impl Strategy<Value = (usize, Value)> {
    let n = jenis_dokumen().len();
    prop_oneof![
        1 => (0..n, json()),
        3 => (0..n, vec(ubah(), 0..6)).prop_map(|(j, ubah)| {
            let mut v = jenis_dokumen()[j].contoh.clone();
            for u in &ubah {
                terapkan(&mut v, u);
            }
            (j, v)
        }),
    ]
}

fn ada_gambar(kolom: &[Kolom]) -> bool {
    kolom
        .iter()
        .any(|k| k.jenis == JenisKolom::Gambar || ada_gambar(&k.kolom))
}

#[test]
fn every_example_validates() {
    for j in jenis_dokumen() {
        if let Err(g) = formulir::periksa(&j.formulir, &j.aturan, &j.contoh) {
            panic!("{}: its example is refused: {g:?}", j.id);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The validator never panics, reports at most the cap (plus the line saying how many more),
    /// names each problem by a field of the form (or a key the data sent, or the data as a
    /// whole), and a form it accepts comes back with exactly the form's fields and checks again
    /// to the same value.
    #[test]
    fn periksa_reports_bounded_problems_at_known_paths((j, data) in isian()) {
        let jenis = &jenis_dokumen()[j];
        match formulir::periksa(&jenis.formulir, &jenis.aturan, &data) {
            Ok(t) => {
                let Value::Object(m) = &t.isian else {
                    return Err(TestCaseError::fail("normalized data is an object"));
                };
                let kunci: Vec<&String> = m.keys().collect();
                let mut nama: Vec<&String> = jenis.formulir.iter().map(|k| &k.nama).collect();
                nama.sort();
                prop_assert_eq!(kunci, nama);
                if !ada_gambar(&jenis.formulir) {
                    let lagi = formulir::periksa(&jenis.formulir, &jenis.aturan, &t.isian)
                        .map_err(|g| TestCaseError::fail(format!("normalized data refused: {g:?}")))?;
                    prop_assert_eq!(&lagi.isian, &t.isian, "normalizing twice changes nothing");
                }
            }
            Err(galat) => {
                prop_assert!(!galat.is_empty());
                prop_assert!(galat.len() <= formulir::BATAS_MASALAH + 1, "{} problems", galat.len());
                let dikirim: Vec<String> = data
                    .as_object()
                    .map(|m| m.keys().map(|k| k.chars().take(60).collect()).collect())
                    .unwrap_or_default();
                for g in &galat {
                    let kepala = g.jalur.split(['.', '[']).next().unwrap_or("");
                    prop_assert!(
                        g.jalur == "(data)"
                            || jenis.formulir.iter().any(|k| k.nama == kepala)
                            || dikirim.contains(&g.jalur),
                        "{}: path {:?} names no field of {}", g, g.jalur, jenis.id
                    );
                    prop_assert!(!g.pesan.is_empty());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Form paths

/// A form path: made of the forms' field names with rows (often valid, sometimes past the
/// bound, sometimes huge), or any text.
fn nama_jalur() -> impl Strategy<Value = String> {
    let baris = prop_oneof![
        3 => (0..12u64).prop_map(|i| format!("[{i}]")),
        1 => (0..2000u64).prop_map(|i| format!("[{i}]")),
        1 => any::<u64>().prop_map(|i| format!("[{i}]")),
        1 => select(vec!["[]", "[-1]", "[01]", "[1", "]", "[+1]", "[ 1]", "[1][2]"]).prop_map(str::to_string),
        3 => Just(String::new()),
    ];
    let seg = (select(semua_nama()), baris).prop_map(|(n, b)| format!("{n}{b}"));
    prop_oneof![
        4 => vec(seg, 1..5).prop_map(|s| s.join(".")),
        1 => teks(40),
    ]
}

/// Every repeated group in `v` holds at most its bound of rows, and every key is a field.
fn dalam_batas(kolom: &[Kolom], v: &Value) -> Result<(), String> {
    let Value::Object(m) = v else { return Ok(()) };
    for (nama, x) in m {
        let k = kolom
            .iter()
            .find(|k| &k.nama == nama)
            .ok_or_else(|| format!("`{nama}` is not a field"))?;
        match x {
            Value::Array(a) if k.jenis == JenisKolom::Grup && k.ulang => {
                if a.len() > formulir::batas_butir(k) {
                    return Err(format!(
                        "`{nama}` has {} rows, bound {}",
                        a.len(),
                        formulir::batas_butir(k)
                    ));
                }
                for baris in a {
                    dalam_batas(&k.kolom, baris)?;
                }
            }
            _ if k.jenis == JenisKolom::Grup => dalam_batas(&k.kolom, x)?,
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Resolving any path never panics; what resolves is set where `ambil` finds it again, and
    /// the data built from resolved paths has only the form's fields and no more rows than each
    /// group's bound.
    #[test]
    fn form_paths_allocate_within_bounds(jalur_jalur in vec(nama_jalur(), 1..8), grup_boleh in any::<bool>()) {
        for jenis in jenis_dokumen() {
            let mut akar = Value::Object(Map::new());
            for (i, nama) in jalur_jalur.iter().enumerate() {
                match jalur::urai_jalur(&jenis.formulir, nama, grup_boleh) {
                    Ok(j) => {
                        prop_assert_eq!(j.langkah.len(), nama.split('.').count());
                        prop_assert!(grup_boleh || j.kolom.jenis != JenisKolom::Grup, "{}", nama);
                        jalur::pasang(&mut akar, &j, json!(i));
                        prop_assert_eq!(jalur::ambil(&mut akar, &j).cloned(), Some(json!(i)));
                    }
                    Err(pesan) => prop_assert!(!pesan.is_empty()),
                }
            }
            dalam_batas(&jenis.formulir, &akar).map_err(|e| TestCaseError::fail(format!("{}: {e}", jenis.id)))?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Wording

/// Markdown-ish text: constructs at line starts and inline, mixed with any text.
fn markdown() -> impl Strategy<Value = String> {
    let potong = prop_oneof![
        2 => select(vec![
            "# ", "### ", "- ", "* ", "1. ", "3) ", "> ", "    ", "```", "~~~", "| a | b |",
            "|---|---|", "***", "---", "===", "<div>", "</div>", "<!-- x -->", "[x](y)", "![i](j)",
            "**", "__", "_", "~~", "`", "\\", "  \n", "\n", "\n\n", "&amp;", "&#0;", "[^1]",
            "{{ x }}", "- [ ] ", "\t",
        ])
        .prop_map(str::to_string),
        1 => teks(12),
    ];
    vec(potong, 0..40).prop_map(|p| p.concat())
}

/// The text of blocks that may only be paragraphs of plain text; anything else is an error.
fn teks_polos(blok: &[Blok]) -> Result<String, String> {
    let mut keluar = String::new();
    for b in blok {
        let Blok::Paragraf { isi } = b else {
            return Err(format!("not a paragraph: {b:?}"));
        };
        for s in isi {
            match s {
                Sebaris::Teks { v } => keluar.push_str(v),
                Sebaris::Baris => keluar.push('\n'),
                lain => return Err(format!("not plain text: {lain:?}")),
            }
        }
        keluar.push('\n');
    }
    Ok(keluar)
}

fn terlihat(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any Markdown becomes blocks without a panic.
    #[test]
    fn ke_blok_takes_any_markdown(md in markdown()) {
        let blok = naskah::ke_blok(&md);
        prop_assert!(blok.len() <= md.len() + 1);
    }

    /// A value escaped for the wording comes out as plain paragraphs with the same visible
    /// characters: it cannot make a heading, a list, code, a link or markup of any kind.
    #[test]
    fn escaped_text_prints_as_written(s in prop_oneof![teks(200), markdown()]) {
        let mut md = Vec::new();
        naskah::escape_markdown(&s, &mut md).expect("write to a Vec");
        let md = String::from_utf8(md).expect("UTF-8");
        let blok = naskah::ke_blok(&md);
        let polos = teks_polos(&blok).map_err(|e| TestCaseError::fail(format!("{e}\nfrom {md:?}")))?;
        prop_assert_eq!(terlihat(&polos), terlihat(&s), "escaped as {:?}", md);
    }
}

// ---------------------------------------------------------------------------------------------
// Queries

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// The query splitter keeps every visible character but the quotes, in order, in parts
    /// that are never blank; text inside an odd pair of quotes is a phrase.
    #[test]
    fn pisah_kueri_loses_nothing(q in prop_oneof![teks(120), "[a-z \"]{0,40}"]) {
        let bagian = pisah_kueri(&q);
        let mut sisa = q.as_str();
        let mut gabung = String::new();
        for b in &bagian {
            let (t, frasa) = match b {
                Bagian::Kata(t) => (*t, false),
                Bagian::Frasa(t) => (*t, true),
            };
            prop_assert!(!t.trim().is_empty() && !t.contains('"'));
            let di = sisa.find(t).ok_or_else(|| TestCaseError::fail(format!("{t:?} not in order")))?;
            let kutip_sebelum = q.len() - sisa.len() + di;
            let ganjil = q[..kutip_sebelum].matches('"').count() % 2 == 1;
            prop_assert_eq!(frasa, ganjil, "{:?}", t);
            sisa = &sisa[di + t.len()..];
            gabung.push_str(t);
        }
        prop_assert_eq!(terlihat(&gabung), terlihat(&q.replace('"', "")));
    }
}

/// Queries up to 500 characters: any text, or the words people type (some mistyped, some
/// quoted, with query-language punctuation).
fn kueri() -> impl Strategy<Value = String> {
    let kata = select(vec![
        "kerja",
        "sama",
        "kerjasama",
        "desa",
        "bkad",
        "BPD",
        "\"",
        "keadaan",
        "memaksa",
        "kerjsama",
        "pembangunan",
        "perdes",
        "peraturan",
        "musdes",
        "AND",
        "OR",
        "NOT",
        "-",
        "+",
        "*",
        "(",
        ")",
        ":",
        "~2",
        "^3",
        "judul:desa",
        "2014",
        "uu",
        "6/2014",
        "lingkngan",
        "pemberdayaaan",
    ]);
    prop_oneof![
        1 => teks(500),
        2 => vec(prop_oneof![4 => kata.prop_map(str::to_string), 1 => teks(12)], 0..60)
            .prop_map(|k| k.join(" ")),
    ]
    .prop_map(|q| q.chars().take(500).collect())
}

/// Search on a small index of the bundled content never fails on any query, and counts at
/// least the hits it returns.
#[test]
fn search_answers_any_query() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let konten = konten::muat(&root.join("content")).expect("bundled content is valid");
    let dir = tempfile::tempdir().expect("tempdir");
    generasi::bangun(&konten, None, dir.path(), &mut |_| {}).expect("index built");
    let indeks = generasi::buka(dir.path(), generasi::Periksa::Ukuran).expect("index opened");
    let mut runner = TestRunner::new(ProptestConfig::with_cases(64));
    let strategi = (
        kueri(),
        1..20usize,
        prop_oneof![3 => Just(0usize), 1 => 0..60usize],
    );
    runner
        .run(&strategi, |(q, limit, offset)| {
            let p = Permintaan {
                q: q.clone(),
                limit,
                offset,
                ..Default::default()
            };
            let h = indeks
                .cari(&p)
                .map_err(|e| TestCaseError::fail(format!("{q:?}: {e}")))?;
            prop_assert!(
                h.total >= h.hits.len(),
                "{:?}: {} < {}",
                q,
                h.total,
                h.hits.len()
            );
            prop_assert!(h.hits.len() <= limit);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

// ---------------------------------------------------------------------------------------------
// Indonesian formatting, read back by independent parsers

/// Reads a number written in Indonesian words, as `terbilang` should write it: `seratus`,
/// `seribu`, `sepuluh`, `sebelas` for one hundred, thousand, ten, eleven; `satu` never before
/// `ratus`, `puluh`, `belas` or `ribu`; parts in descending order. `None` for anything else.
fn baca_terbilang(s: &str) -> Option<u64> {
    if s == "nol" {
        return Some(0);
    }
    let mut total: u64 = 0;
    // The part below a thousand being read, and a unit word waiting for what follows it.
    let mut kelompok: u64 = 0;
    let mut satuan: Option<u64> = None;
    let mut skala_lalu = u64::MAX;
    // A waiting unit stands alone: only after nothing, hundreds, or twenty and up.
    fn lepas(kelompok: &mut u64, satuan: &mut Option<u64>) -> Option<()> {
        if let Some(d) = satuan.take() {
            let puluhan = *kelompok % 100;
            if puluhan != 0 && (puluhan < 20 || !puluhan.is_multiple_of(10)) {
                return None;
            }
            *kelompok += d;
        }
        Some(())
    }
    for w in s.split(' ') {
        let digit = [
            "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        ]
        .iter()
        .position(|x| *x == w);
        if let Some(d) = digit {
            lepas(&mut kelompok, &mut satuan)?;
            satuan = Some(d as u64 + 1);
            continue;
        }
        let pengali = |satuan: &mut Option<u64>| satuan.take().filter(|d| (2..=9).contains(d));
        match w {
            "seratus" | "ratus" => {
                let d = if w == "seratus" {
                    lepas(&mut kelompok, &mut satuan)?;
                    1
                } else {
                    pengali(&mut satuan)?
                };
                if kelompok != 0 {
                    return None;
                }
                kelompok = d * 100;
            }
            "sepuluh" | "sebelas" | "puluh" | "belas" => {
                let n = match w {
                    "sepuluh" => {
                        lepas(&mut kelompok, &mut satuan)?;
                        10
                    }
                    "sebelas" => {
                        lepas(&mut kelompok, &mut satuan)?;
                        11
                    }
                    "puluh" => pengali(&mut satuan)? * 10,
                    _ => pengali(&mut satuan)? + 10,
                };
                if !kelompok.is_multiple_of(100) {
                    return None;
                }
                kelompok += n;
            }
            "seribu" | "ribu" | "juta" | "miliar" | "triliun" => {
                lepas(&mut kelompok, &mut satuan)?;
                let skala = match w {
                    "seribu" | "ribu" => 1_000,
                    "juta" => 1_000_000,
                    "miliar" => 1_000_000_000,
                    _ => 1_000_000_000_000,
                };
                if w == "seribu" {
                    if kelompok != 0 {
                        return None;
                    }
                    kelompok = 1;
                } else if kelompok == 0 || (skala == 1_000 && kelompok == 1) {
                    return None;
                }
                if skala >= skala_lalu {
                    return None;
                }
                skala_lalu = skala;
                total += kelompok * skala;
                kelompok = 0;
            }
            _ => return None,
        }
    }
    lepas(&mut kelompok, &mut satuan)?;
    if total == 0 && kelompok == 0 {
        return None;
    }
    Some(total + kelompok)
}

/// Reads a Roman numeral written the standard way (subtractive pairs, at most three of a
/// kind), 1–3999.
fn baca_romawi(s: &str) -> Option<u32> {
    const TEMPAT: [(u32, [&str; 10]); 4] = [
        (1000, ["", "M", "MM", "MMM", "", "", "", "", "", ""]),
        (
            100,
            ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"],
        ),
        (
            10,
            ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"],
        ),
        (
            1,
            ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"],
        ),
    ];
    let mut sisa = s;
    let mut n = 0;
    for (nilai, angka) in TEMPAT {
        // The longest way this place can be written at the front.
        let (d, tulisan) = angka
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.is_empty() && sisa.starts_with(*a))
            .max_by_key(|(_, a)| a.len())
            .unwrap_or((0, &""));
        n += nilai * d as u32;
        sisa = &sisa[tulisan.len()..];
    }
    (sisa.is_empty() && n > 0).then_some(n)
}

#[test]
fn the_test_parsers_refuse_wrong_forms() {
    for (kata, n) in [
        ("satu juta lima ratus ribu", Some(1_500_000)),
        ("seribu satu", Some(1_001)),
        ("sebelas ribu", Some(11_000)),
        ("seratus sebelas", Some(111)),
        ("dua ratus lima puluh", Some(250)),
        ("satu ribu", None),
        ("satu ratus", None),
        ("satu puluh", None),
        ("satu belas", None),
        ("sepuluh satu", None),
        ("dua belas tiga", None),
        ("dua puluh sebelas", None),
        ("seratus dua ratus", None),
        ("dua ribu tiga juta", None),
        ("dua dua", None),
        ("juta", None),
        ("", None),
        ("nol nol", None),
        ("satu kuadriliun", None),
    ] {
        assert_eq!(baca_terbilang(kata), n, "{kata:?}");
    }
    for (r, n) in [
        ("MCMXCIV", Some(1994)),
        ("IV", Some(4)),
        ("IIII", None),
        ("IIV", None),
        ("VX", None),
        ("MMMM", None),
        ("", None),
        ("IC", None),
    ] {
        assert_eq!(baca_romawi(r), n, "{r:?}");
    }
}

#[test]
fn romawi_round_trips_from_1_to_3999() {
    assert_eq!(format::romawi(0), "");
    for n in 1..=3999 {
        let r = format::romawi(n);
        assert_eq!(baca_romawi(&r), Some(n), "{n} → {r}");
    }
}

fn nama_bulan(b: time::Month) -> &'static str {
    use time::Month::*;
    match b {
        January => "Januari",
        February => "Februari",
        March => "Maret",
        April => "April",
        May => "Mei",
        June => "Juni",
        July => "Juli",
        August => "Agustus",
        September => "September",
        October => "Oktober",
        November => "November",
        December => "Desember",
    }
}

fn nama_hari(h: time::Weekday) -> &'static str {
    use time::Weekday::*;
    match h {
        Monday => "Senin",
        Tuesday => "Selasa",
        Wednesday => "Rabu",
        Thursday => "Kamis",
        Friday => "Jumat",
        Saturday => "Sabtu",
        Sunday => "Minggu",
    }
}

fn tanggal_sah() -> impl Strategy<Value = time::Date> {
    let awal = time::Date::from_calendar_date(1000, time::Month::January, 1).expect("date");
    let akhir = time::Date::from_calendar_date(9999, time::Month::December, 31).expect("date");
    (awal.to_julian_day()..=akhir.to_julian_day())
        .prop_map(|j| time::Date::from_julian_day(j).expect("in range"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// `terbilang` writes exactly the number, in the canonical words.
    #[test]
    fn terbilang_reads_back(n in prop_oneof![0..1_000u64, 0..1_000_000u64, 0..1_000_000_000_000_000u64]) {
        let kata = format::terbilang(n);
        prop_assert_eq!(baca_terbilang(&kata), Some(n), "{} → {:?}", n, kata);
    }

    /// `rupiah` keeps every digit, grouped by three with dots, and the cents.
    #[test]
    fn rupiah_keeps_the_digits(n in any::<u64>()) {
        let r = format::rupiah(n);
        let isi = r.strip_prefix("Rp").and_then(|r| r.strip_suffix(",00"));
        let isi = isi.ok_or_else(|| TestCaseError::fail(format!("{r}: not Rp…,00")))?;
        let kelompok: Vec<&str> = isi.split('.').collect();
        prop_assert!((1..=3).contains(&kelompok[0].len()), "{}", r);
        prop_assert!(kelompok[1..].iter().all(|k| k.len() == 3), "{}", r);
        prop_assert!(kelompok.len() == 1 || !kelompok[0].starts_with('0'), "{}", r);
        prop_assert_eq!(kelompok.concat(), n.to_string());
    }

    /// Long dates and day names agree with the `time` crate's calendar.
    #[test]
    fn dates_agree_with_the_calendar(t in tanggal_sah()) {
        let iso = format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day());
        prop_assert_eq!(
            format::tanggal_panjang(&iso),
            format!("{} {} {}", t.day(), nama_bulan(t.month()), t.year())
        );
        prop_assert_eq!(format::hari(&iso), Some(nama_hari(t.weekday())));
    }

    /// A day that is not in the calendar has no day name and is printed as written.
    #[test]
    fn only_real_dates_are_dates(y in 1000..=9999i32, m in 0..=13u8, d in 0..=32u8) {
        let iso = format!("{y:04}-{m:02}-{d:02}");
        let ada = time::Month::try_from(m)
            .ok()
            .and_then(|b| time::Date::from_calendar_date(y, b, d).ok())
            .is_some();
        prop_assert_eq!(format::hari(&iso).is_some(), ada, "{}", iso);
        if !ada {
            prop_assert_eq!(format::tanggal_panjang(&iso), iso);
        }
    }
}
