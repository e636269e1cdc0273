//! Forms: data checked against each document type's form, with bounded problems at known paths; form paths allocate within bounds.

use super::*;

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
