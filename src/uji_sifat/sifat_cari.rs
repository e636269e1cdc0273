//! Queries: the splitter loses nothing and search answers any query.

use super::*;

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
