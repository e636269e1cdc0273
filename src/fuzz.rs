//! Entry points for the fuzz targets in `fuzz/` (feature `fuzzing`; not part of the service).
//! Each takes the fuzzer's bytes, feeds them to a crate-private parser or checker and asserts
//! what the property tests in `uji_sifat` assert, so that a broken promise is a crash the
//! fuzzer reports, like a panic.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::dokumen::{
    formulir as isian, gambar as citra, jalur as jalur_form, naskah as teks_dokumen,
};
use crate::konten::{self, Data, JenisKolom, Koleksi, Kolom, Konten};
use crate::search::{Indeks, generasi, penyusun, query::Permintaan};

/// The repository's bundled content.
fn konten_bawaan() -> &'static Konten {
    static KONTEN: OnceLock<Konten> = OnceLock::new();
    KONTEN.get_or_init(|| {
        konten::muat(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .expect("the bundled content is valid")
    })
}

/// The forms of the bundled document types.
fn formulir_bawaan() -> &'static [Vec<Kolom>] {
    static FORMULIR: OnceLock<Vec<Vec<Kolom>>> = OnceLock::new();
    FORMULIR.get_or_init(|| {
        konten_bawaan()
            .koleksi(Koleksi::Templat)
            .filter_map(|e| match &e.data {
                Data::Templat(t) if !t.formulir.is_empty() => Some(t.formulir.clone()),
                _ => None,
            })
            .collect()
    })
}

/// A folder of this process for files the targets write; left behind (fuzzing is by hand).
fn folder_kerja() -> &'static Path {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("sinergi-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("work folder");
        dir
    })
}

/// The last line a problem in `teks` can point at: the empty line after a final line break
/// included, and lines counted as YAML counts them (a lone CR, NEL, LS and PS end a line too).
fn baris_terakhir(teks: &str) -> usize {
    1 + teks
        .replace("\r\n", "\n")
        .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .count()
}

/// The first byte picks the collection (or the glossary); the rest is one content file,
/// split at its fences, then loaded and checked as a content tree of that one file. Every
/// problem must point into the file.
pub fn konten(data: &[u8]) {
    let Some((&pilih, isi)) = data.split_first() else {
        return;
    };
    let Ok(teks) = std::str::from_utf8(isi) else {
        return;
    };
    if let Err(g) = konten::frontmatter::belah(teks) {
        assert!(g.baris >= 1 && g.baris <= baris_terakhir(teks), "{g:?}");
    }
    let root = folder_kerja().join("konten");
    let _ = std::fs::remove_dir_all(&root);
    let path = match Koleksi::SEMUA.get(usize::from(pilih % 5)) {
        Some(k) => root.join(k.slug()).join("entri.md"),
        None => root.join("istilah.yaml"),
    };
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
    std::fs::write(&path, teks).expect("write");
    if let Err(e) = konten::muat(&root) {
        for m in &e.0 {
            assert_eq!(m.path, path, "{m}");
            assert!(
                m.baris >= 1 && m.baris <= baris_terakhir(teks) && m.kolom >= 1,
                "{m}"
            );
        }
    }
}

/// The first byte picks a document type; the rest is JSON checked against its form. At most
/// the cap of problems, each at a path of the form, a key sent, or the data as a whole.
pub fn formulir(data: &[u8]) {
    let Some((&pilih, isi)) = data.split_first() else {
        return;
    };
    let Ok(nilai) = serde_json::from_slice::<Value>(isi) else {
        return;
    };
    let semua = formulir_bawaan();
    let kolom = &semua[usize::from(pilih) % semua.len()];
    let Err(galat) = isian::periksa(kolom, &[], &nilai) else {
        return;
    };
    assert!(!galat.is_empty() && galat.len() <= isian::BATAS_MASALAH + 1);
    let dikirim: Vec<String> = nilai
        .as_object()
        .map(|m| m.keys().map(|k| k.chars().take(60).collect()).collect())
        .unwrap_or_default();
    for g in &galat {
        let kepala = g.jalur.split(['.', '[']).next().unwrap_or("");
        assert!(
            g.jalur == "(data)"
                || kolom.iter().any(|k| k.nama == kepala)
                || dikirim.contains(&g.jalur),
            "{g}"
        );
    }
}

/// Every repeated group in `v` holds at most its bound of rows, and every key is a field.
fn dalam_batas(kolom: &[Kolom], v: &Value) {
    let Value::Object(m) = v else { return };
    for (nama, x) in m {
        let k = kolom
            .iter()
            .find(|k| &k.nama == nama)
            .unwrap_or_else(|| panic!("`{nama}` is not a field"));
        match x {
            Value::Array(a) if k.jenis == JenisKolom::Grup && k.ulang => {
                assert!(
                    a.len() <= isian::batas_butir(k),
                    "`{nama}`: {} rows",
                    a.len()
                );
                for baris in a {
                    dalam_batas(&k.kolom, baris);
                }
            }
            _ if k.jenis == JenisKolom::Grup => dalam_batas(&k.kolom, x),
            _ => {}
        }
    }
}

/// Each line is a form field path, resolved against every bundled form (the first byte says
/// whether a path may end at a group) and set: the data built stays within the bounds.
pub fn jalur(data: &[u8]) {
    let Some((&pilih, isi)) = data.split_first() else {
        return;
    };
    let Ok(teks) = std::str::from_utf8(isi) else {
        return;
    };
    for kolom in formulir_bawaan() {
        let mut akar = Value::Object(Map::new());
        for nama in teks.split('\n') {
            if let Ok(j) = jalur_form::urai_jalur(kolom, nama, pilih & 1 == 1) {
                jalur_form::pasang(&mut akar, &j, Value::Bool(true));
            }
        }
        dalam_batas(kolom, &akar);
    }
}

fn terlihat(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Any text as Markdown becomes blocks; escaped, it comes out as plain paragraphs with the
/// same visible characters.
pub fn naskah(data: &[u8]) {
    use teks_dokumen::{Blok, Sebaris};
    let Ok(teks) = std::str::from_utf8(data) else {
        return;
    };
    teks_dokumen::ke_blok(teks);
    let mut md = Vec::new();
    teks_dokumen::escape_markdown(teks, &mut md).expect("write to a Vec");
    let md = String::from_utf8(md).expect("UTF-8");
    let mut polos = String::new();
    for b in teks_dokumen::ke_blok(&md) {
        let Blok::Paragraf { isi } = b else {
            panic!("not a paragraph: {b:?} from {md:?}");
        };
        for s in isi {
            match s {
                Sebaris::Teks { v } => polos.push_str(&v),
                Sebaris::Baris => {}
                lain => panic!("not plain text: {lain:?} from {md:?}"),
            }
        }
    }
    assert_eq!(terlihat(&polos), terlihat(teks), "escaped as {md:?}");
}

/// A small index of the bundled content, built once per process.
fn indeks() -> &'static Indeks {
    static INDEKS: OnceLock<Indeks> = OnceLock::new();
    INDEKS.get_or_init(|| {
        let dir = folder_kerja().join("indeks");
        generasi::bangun(konten_bawaan(), None, &dir, &mut |_| {}).expect("index built");
        generasi::buka(&dir, generasi::Periksa::Ukuran).expect("index opened")
    })
}

/// Any text as a query: split into words and phrases, then searched (the first byte sets the
/// limit and offset). No error, and at least as many counted as returned.
pub fn cari(data: &[u8]) {
    let Some((&pilih, isi)) = data.split_first() else {
        return;
    };
    let Ok(q) = std::str::from_utf8(isi) else {
        return;
    };
    for b in penyusun::pisah_kueri(q) {
        let (penyusun::Bagian::Kata(t) | penyusun::Bagian::Frasa(t)) = b;
        assert!(!t.trim().is_empty() && !t.contains('"'));
    }
    let p = Permintaan {
        q: q.to_string(),
        limit: usize::from(pilih % 16) + 1,
        offset: usize::from(pilih / 16) * 3,
        ..Default::default()
    };
    let h = indeks().cari(&p).unwrap_or_else(|e| panic!("{q:?}: {e}"));
    assert!(h.total >= h.hits.len() && h.hits.len() <= p.limit);
}

/// Any text read as user YAML: an error says a line ≥ 1, and text the alias guard lets
/// through never makes serde_yaml look an alias up.
pub fn yaml(data: &[u8]) {
    let Ok(teks) = std::str::from_utf8(data) else {
        return;
    };
    match crate::yaml::baca::<Value>(teks) {
        Ok(_) => {}
        Err(e) => {
            let (baris, kolom) = e.letak();
            assert!(baris >= 1 && kolom >= 1, "{e:?}");
        }
    }
    if crate::yaml::tanpa_alias(teks).is_ok()
        && let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(teks)
    {
        assert!(!e.to_string().contains("unknown anchor"), "{e}");
    }
}

/// Any bytes as an uploaded image: refused, or a print-sized image.
pub fn gambar(data: &[u8]) {
    if let Ok(g) = citra::baca(data.to_vec()) {
        assert!(g.lebar >= 1 && g.tinggi >= 1 && g.lebar.max(g.tinggi) <= 1_000);
        assert!(!g.bytes.is_empty());
    }
}
