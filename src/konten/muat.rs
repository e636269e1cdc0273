//! Loading a content tree: every file read (with a size cap, without following directory
//! links), its front-matter parsed (anchors and aliases refused) and checked, relations between
//! entries resolved. Every problem is collected, with its place.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::frontmatter::{self, Peta};
use super::periksa::Pemeriksa;
use super::skema::{self, Istilah, Materi, Regulasi, StudiKasus, TAHAP, Templat};
use super::{Data, Entri, Koleksi, Konten, KontenTidakSah, Masalah};

/// Files that make up the content, relative to its root, in a stable order; `istilah.yaml` too.
pub fn berkas_konten(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut semua = Vec::new();
    for k in Koleksi::SEMUA {
        let dir = root.join(k.slug());
        if dir.is_dir() {
            kumpulkan_md(&dir, &mut semua)?;
        }
    }
    let istilah = root.join("istilah.yaml");
    if istilah.is_file() {
        semua.push(istilah);
    }
    semua.sort();
    Ok(semua)
}

/// Markdown files under `dir`. Directory symlinks are not followed (a loop would never end);
/// a symlink to a file is read like the file.
fn kumpulkan_md(dir: &Path, keluar: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let p = e.path();
        let jenis = e.file_type()?;
        if jenis.is_dir() {
            kumpulkan_md(&p, keluar)?;
        } else if p.extension().is_some_and(|x| x == "md") && p.is_file() {
            keluar.push(p);
        }
    }
    Ok(())
}

/// The largest content file read; a knowledge-base entry is a few dozen KB.
pub const BATAS_BERKAS: u64 = 1024 * 1024;

/// Reads a content file, refusing one larger than [`BATAS_BERKAS`] before reading it.
fn baca_berkas(path: &Path) -> Result<String, String> {
    crate::berkas::baca_teks(path, BATAS_BERKAS).map_err(|e| match e {
        crate::berkas::GalatBaca::TerlaluBesar { .. } => {
            format!("berkas {e}; bagi menjadi beberapa entri")
        }
        e => format!("tidak dapat dibaca: {e}"),
    })
}

pub(super) fn masalah(
    path: &Path,
    (baris, kolom): (usize, usize),
    pesan: impl Into<String>,
) -> Masalah {
    Masalah {
        path: path.to_path_buf(),
        baris,
        kolom,
        pesan: pesan.into(),
    }
}

/// Loads and validates the content under `root`. Either everything is valid, or every problem
/// is returned, sorted by file and line.
pub fn muat(root: &Path) -> Result<Konten, KontenTidakSah> {
    let mut semua_masalah = Vec::new();
    if !root.is_dir() {
        return Err(KontenTidakSah(vec![masalah(
            root,
            (1, 1),
            "folder konten tidak ditemukan (pakai --content DIR)",
        )]));
    }
    let berkas = match berkas_konten(root) {
        Ok(b) => b,
        Err(e) => {
            return Err(KontenTidakSah(vec![masalah(
                root,
                (1, 1),
                format!(
                    "folder konten tidak dapat dibaca: {}",
                    crate::berkas::pesan_io(&e)
                ),
            )]));
        }
    };
    let mut entri = Vec::new();
    // Front-matter of each entry, kept to point cross-entry errors at the right line.
    let mut yaml_entri: Vec<(String, usize)> = Vec::new();
    let mut istilah = Vec::new();
    for path in &berkas {
        let teks = match baca_berkas(path) {
            Ok(t) => t,
            Err(e) => {
                semua_masalah.push(masalah(path, (1, 1), e));
                continue;
            }
        };
        if path.file_name().is_some_and(|n| n == "istilah.yaml") {
            match muat_istilah(path, &teks) {
                Ok(i) => istilah = i,
                Err(m) => semua_masalah.extend(m),
            }
            continue;
        }
        let koleksi = Koleksi::SEMUA
            .into_iter()
            .find(|k| path.starts_with(root.join(k.slug())))
            .expect("berkas_konten only lists collection folders");
        match muat_entri(path, koleksi, &teks) {
            Ok((e, yaml, baris_awal, m)) => {
                // Kept even with problems, so its relations and id are checked too.
                semua_masalah.extend(m);
                entri.push(e);
                yaml_entri.push((yaml, baris_awal));
            }
            Err(m) => semua_masalah.extend(m),
        }
    }

    let mut per_id: HashMap<String, usize> = HashMap::new();
    for (i, e) in entri.iter().enumerate() {
        if let Some(&lain) = per_id.get(&e.id) {
            semua_masalah.push(masalah(
                &e.path,
                (1, 1),
                format!(
                    "id `{}` sudah dipakai oleh {}; setiap entri harus punya nama berkas yang unik",
                    e.id,
                    entri[lain].path.display()
                ),
            ));
        } else {
            per_id.insert(e.id.clone(), i);
        }
    }
    for (e, (yaml, baris_awal)) in entri.iter().zip(&yaml_entri) {
        let peta = Peta::new(yaml, *baris_awal);
        for (kunci, kol, target) in e.rujukan() {
            let ok = per_id.get(target).is_some_and(|&i| entri[i].koleksi == kol);
            if !ok {
                let pesan = match per_id.get(target) {
                    Some(&i) => format!(
                        "`{kunci}` merujuk `{target}`, tetapi itu entri {} , bukan {}",
                        entri[i].koleksi.slug(),
                        kol.slug()
                    ),
                    None => format!(
                        "`{kunci}` merujuk id `{target}` yang tidak ada di {}/",
                        kol.slug()
                    ),
                };
                semua_masalah.push(masalah(&e.path, peta.nilai(kunci, target), pesan));
            }
        }
    }
    let mut urutan: BTreeMap<u16, &Entri> = BTreeMap::new();
    for e in &entri {
        if let Data::Materi(m) = &e.data
            && let Some(lain) = urutan.insert(m.urutan, e)
        {
            semua_masalah.push(masalah(
                &e.path,
                (1, 1),
                format!(
                    "urutan {} sudah dipakai oleh materi `{}`",
                    m.urutan, lain.id
                ),
            ));
        }
    }

    if !semua_masalah.is_empty() {
        semua_masalah.sort_by(|a, b| (&a.path, a.baris, a.kolom).cmp(&(&b.path, b.baris, b.kolom)));
        semua_masalah.dedup();
        return Err(KontenTidakSah(semua_masalah));
    }
    Ok(Konten {
        root: root.to_path_buf(),
        entri,
        per_id,
        istilah,
    })
}

fn id_sah(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|b| {
            !b.is_empty()
                && b.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn lokasi_yaml(e: &serde_yaml::Error, baris_awal: usize) -> (usize, usize) {
    e.location()
        .map(|l| (l.line() + baris_awal - 1, l.column()))
        .unwrap_or((baris_awal, 1))
}

pub(super) fn muat_entri(
    path: &Path,
    koleksi: Koleksi,
    teks: &str,
) -> Result<(Entri, String, usize, Vec<Masalah>), Vec<Masalah>> {
    let t = frontmatter::belah(teks).map_err(|g| vec![masalah(path, (g.baris, 1), g.pesan)])?;
    let mut m = Vec::new();
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !id_sah(&id) {
        m.push(masalah(
            path,
            (1, 1),
            format!(
                "nama berkas `{id}` tidak dapat menjadi id: pakai huruf kecil, angka dan tanda hubung saja"
            ),
        ));
    }
    let peta = Peta::new(t.yaml, t.baris_awal);
    let galat_yaml = |e: serde_yaml::Error| {
        masalah(
            path,
            lokasi_yaml(&e, t.baris_awal),
            skema::terjemahkan_serde(&e.to_string()),
        )
    };
    if let Err(e) = crate::yaml::tanpa_alias(t.yaml) {
        let (baris, kolom) = e.letak();
        m.push(masalah(
            path,
            (baris + t.baris_awal - 1, kolom),
            e.to_string()
                .split_once(": ")
                .map(|(_, p)| p.to_string())
                .unwrap_or_else(|| e.to_string()),
        ));
        return Err(m);
    }
    let nilai: serde_yaml::Value = match serde_yaml::from_str(t.yaml) {
        Ok(v) => v,
        Err(e) => {
            m.push(galat_yaml(e));
            return Err(m);
        }
    };
    let Some(peta_yaml) = nilai.as_mapping() else {
        m.push(masalah(
            path,
            (t.baris_awal, 1),
            "front-matter harus berupa pasangan `kunci: nilai`",
        ));
        return Err(m);
    };
    let (kunci_sah, wajib) = match koleksi {
        Koleksi::Regulasi => (Regulasi::KUNCI, Regulasi::WAJIB),
        Koleksi::StudiKasus => (StudiKasus::KUNCI, StudiKasus::WAJIB),
        Koleksi::Templat => (Templat::KUNCI, Templat::WAJIB),
        Koleksi::Materi => (Materi::KUNCI, Materi::WAJIB),
    };
    for k in peta_yaml.keys() {
        let nama = k.as_str().unwrap_or("?");
        if !kunci_sah.contains(&nama) {
            m.push(masalah(
                path,
                peta.kunci(nama),
                format!(
                    "kolom `{nama}` tidak dikenal untuk {}; kolom yang berlaku: {}",
                    koleksi.slug(),
                    kunci_sah.join(", ")
                ),
            ));
        }
    }
    for w in wajib {
        if !peta_yaml.contains_key(*w) {
            m.push(masalah(
                path,
                (1, 1),
                format!("kolom wajib `{w}` belum diisi"),
            ));
        }
    }
    let data = match koleksi {
        Koleksi::Regulasi => serde_yaml::from_str(t.yaml).map(Data::Regulasi),
        Koleksi::StudiKasus => serde_yaml::from_str(t.yaml).map(Data::StudiKasus),
        Koleksi::Templat => serde_yaml::from_str(t.yaml).map(Data::Templat),
        Koleksi::Materi => serde_yaml::from_str(t.yaml).map(Data::Materi),
    };
    let mut data = match data {
        Ok(d) => d,
        Err(e) => {
            m.push(galat_yaml(e));
            return Err(m);
        }
    };
    let ada = |k: &str| peta_yaml.contains_key(k);
    let mut periksa = Pemeriksa {
        path,
        peta: &peta,
        masalah: &mut m,
        ada: &ada,
    };
    if let Data::Templat(x) = &mut data {
        x.aturan_terurai = periksa.aturan(&x.aturan, &x.formulir);
    }
    let (judul, bidang_teks, tahun) = match &data {
        Data::Regulasi(r) => {
            periksa.regulasi(r);
            (&r.judul, &r.bidang, Some(r.tahun))
        }
        Data::StudiKasus(s) => {
            periksa.studi_kasus(s);
            (&s.judul, &s.bidang, s.tahun)
        }
        Data::Templat(x) => {
            periksa.pilihan("tahap", &x.tahap, &TAHAP.map(|(s, _)| s));
            periksa.tidak_kosong("panduan", &x.panduan);
            periksa.formulir(&x.formulir, "");
            if let Some(pn) = &x.penomoran {
                periksa.penomoran(pn, &x.formulir);
            }
            (&x.judul, &x.bidang, None)
        }
        Data::Materi(x) => {
            periksa.materi(x);
            (&x.judul, &x.bidang, None)
        }
    };
    periksa.tidak_kosong("judul", judul);
    let bidang = periksa.bidang(bidang_teks);
    if let Some(th) = tahun {
        periksa.tahun(th);
    }
    let entri = Entri {
        id,
        koleksi,
        path: path.to_path_buf(),
        judul: judul.trim().to_string(),
        bidang,
        tahun,
        body: t.body.to_string(),
        data,
    };
    Ok((entri, t.yaml.to_string(), t.baris_awal, m))
}

fn muat_istilah(path: &Path, teks: &str) -> Result<Vec<Istilah>, Vec<Masalah>> {
    // The parsers put the end of a text without a final newline on the line after it: such a
    // place is the end of the last line.
    let akhir = teks.split('\n').count();
    let di_berkas = |(baris, kolom): (usize, usize)| {
        if baris > akhir {
            (
                akhir,
                teks.rsplit('\n').next().unwrap_or("").chars().count() + 1,
            )
        } else {
            (baris, kolom)
        }
    };
    if let Err(e) = crate::yaml::tanpa_alias(teks) {
        let pesan = e.to_string();
        let pesan = pesan.split_once(": ").map(|(_, p)| p).unwrap_or(&pesan);
        return Err(vec![masalah(path, di_berkas(e.letak()), pesan)]);
    }
    let daftar: Vec<Istilah> = serde_yaml::from_str(teks).map_err(|e| {
        vec![masalah(
            path,
            di_berkas(lokasi_yaml(&e, 1)),
            skema::terjemahkan_serde(&e.to_string()),
        )]
    })?;
    let mut m = Vec::new();
    let mut terlihat = HashMap::new();
    for i in &daftar {
        if i.istilah.trim().is_empty() || i.definisi.trim().is_empty() {
            m.push(masalah(
                path,
                (baris_teks(teks, &i.istilah), 1),
                "istilah dan definisi harus diisi",
            ));
        }
        if terlihat.insert(i.istilah.to_lowercase(), ()).is_some() {
            m.push(masalah(
                path,
                (baris_teks(teks, &format!("istilah: {}", i.istilah)), 1),
                format!("istilah `{}` ditulis dua kali", i.istilah),
            ));
        }
        for s in &i.sumber {
            if !skema::url_sah(s) {
                m.push(masalah(
                    path,
                    (baris_teks(teks, s), 1),
                    format!("sumber `{s}` bukan URL"),
                ));
            }
        }
    }
    if m.is_empty() { Ok(daftar) } else { Err(m) }
}

fn baris_teks(teks: &str, cari: &str) -> usize {
    teks.lines()
        .position(|b| b.contains(cari))
        .map(|i| i + 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_errors_at_the_end_stay_in_the_file() {
        // Found by the property tests: the YAML scan put this error on line 3 of a 2-line file.
        let m = muat_istilah(Path::new("istilah.yaml"), "- ?\n!").expect_err("not a glossary");
        assert_eq!((m[0].baris, m[0].kolom), (2, 2), "{m:?}");
    }
}
