//! Index generations on disk: each build writes a new `index/gen-*` folder beside the current
//! one and swaps it in by replacing the small pointer file `index/CURRENT` (written whole, then
//! renamed over the old one: atomic on Unix and Windows alike). The previous generation is
//! kept, so a generation found damaged when it is opened (a file missing, a size changed, a
//! checksum that fails, unreadable metadata) is skipped for the one before it, loudly.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::Indeks;
use super::index::{self, IndexError, io};
use crate::konten::{self, Konten};
use crate::korpus::{self, GagalBaca};

/// Bump when the schema or the analyzer changes, so old indexes are rebuilt.
pub(crate) const VERSI: u32 = 7;
const META: &str = "sinergi.json";
const PENUNJUK: &str = "CURRENT";
/// The corpus folder of the last build, beside the generations: kept even when every
/// generation's metadata is lost, so a rebuild never silently drops the corpus.
const KORPUS: &str = "KORPUS";
/// Generations kept: the current one and the one before it, to fall back to.
const DISIMPAN: usize = 2;

/// What an index was built from; written beside it as `sinergi.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub versi: u32,
    pub sidik_jari: String,
    /// The fingerprint of the content alone (see [`sidik_konten`]): what `sinergi search`
    /// checks before answering from this generation.
    #[serde(default)]
    pub sidik_konten: String,
    /// Unix seconds.
    pub dibuat: u64,
    pub dokumen: u64,
    pub korpus: Option<PathBuf>,
    pub peraturan: usize,
    pub dilewati: usize,
    /// Every file of the generation with its size, checked each time it is opened.
    #[serde(default)]
    pub berkas: BTreeMap<String, u64>,
}

/// How thoroughly a generation is checked when opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Periksa {
    /// Every file present with the size it was written with: for one-shot commands.
    Ukuran,
    /// Sizes and every file's checksum: for the long-running server.
    Penuh,
}

/// A fingerprint of everything an index is built from: the content files, the corpus listing
/// (names, sizes and modification times: hashing 127 MB on every start would be wasteful), the
/// search vocabulary and the index version.
pub fn sidik_jari(konten_root: &Path, korpus: Option<&Path>) -> Result<String, IndexError> {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    isi_sidik_konten(&mut h, konten_root)?;
    if let Some(k) = korpus {
        h.update(b"korpus");
        for p in korpus::daftar_berkas(k).map_err(|e| IndexError::Korpus(k.to_path_buf(), e))? {
            let m = std::fs::metadata(&p).map_err(io(format!("membaca {}", p.display())))?;
            let waktu = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            h.update(p.strip_prefix(k).unwrap_or(&p).to_string_lossy().as_bytes());
            h.update(&m.len().to_le_bytes());
            h.update(&waktu.to_le_bytes());
        }
    }
    Ok(format!("{:032x}", h.digest128()))
}

fn isi_sidik_konten(h: &mut xxhash_rust::xxh3::Xxh3, konten_root: &Path) -> Result<(), IndexError> {
    h.update(&VERSI.to_le_bytes());
    h.update(include_bytes!("padanan.yaml"));
    for p in konten::berkas_konten(konten_root).map_err(io("membaca konten"))? {
        let rel = p.strip_prefix(konten_root).unwrap_or(&p);
        h.update(rel.to_string_lossy().as_bytes());
        h.update(&std::fs::read(&p).map_err(io(format!("membaca {}", p.display())))?);
    }
    Ok(())
}

/// A fingerprint of the content files, the search vocabulary and the index version, without
/// the corpus: reading the corpus listing (5,875 files) was most of a one-shot search's time.
pub fn sidik_konten(konten_root: &Path) -> Result<String, IndexError> {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    isi_sidik_konten(&mut h, konten_root)?;
    Ok(format!("{:032x}", h.digest128()))
}

/// The current generation, when it was built from the content as it is now: a one-shot search
/// answers from it without loading and checking the content, and without listing the corpus
/// (a changed corpus is picked up by `sinergi index` and `sinergi serve`). None when the
/// content changed or the generation cannot be opened: then [`siapkan`] decides.
pub fn buka_bila_segar(konten_root: &Path, index_dir: &Path) -> Option<Indeks> {
    let indeks = buka(index_dir, Periksa::Ukuran).ok()?;
    let sidik = sidik_konten(konten_root).ok()?;
    (!indeks.meta().sidik_konten.is_empty() && indeks.meta().sidik_konten == sidik)
        .then_some(indeks)
}

fn nama_sah(nama: &str) -> bool {
    nama.strip_prefix("gen-")
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The generation folder `index_dir/CURRENT` names, if it names one.
pub fn generasi_sekarang(index_dir: &Path) -> Option<PathBuf> {
    let teks = std::fs::read_to_string(index_dir.join(PENUNJUK)).ok()?;
    let nama = teks.trim();
    nama_sah(nama).then(|| index_dir.join(nama))
}

/// Generation folders, newest first.
fn daftar_generasi(index_dir: &Path) -> Vec<PathBuf> {
    let mut nama: Vec<(u128, String)> = std::fs::read_dir(index_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            let angka = n.strip_prefix("gen-")?.parse().ok()?;
            nama_sah(&n).then_some((angka, n))
        })
        .collect();
    nama.sort_by(|a, b| b.cmp(a));
    nama.into_iter().map(|(_, n)| index_dir.join(n)).collect()
}

fn baca_meta(dir: &Path) -> Option<Meta> {
    serde_json::from_slice(&std::fs::read(dir.join(META)).ok()?).ok()
}

/// The corpus folder the last readable generation was built from: the current one, or else
/// the newest other one (so a damaged current generation does not lose the corpus).
pub fn korpus_terakhir(index_dir: &Path) -> Option<PathBuf> {
    generasi_sekarang(index_dir)
        .into_iter()
        .chain(daftar_generasi(index_dir))
        .find_map(|d| baca_meta(&d))
        .map(|m| m.korpus)
        .unwrap_or_else(|| {
            let teks = std::fs::read_to_string(index_dir.join(KORPUS)).ok()?;
            Some(PathBuf::from(teks.trim_end_matches(['\n', '\r'])))
        })
}

/// Opens one generation after checking it.
fn buka_generasi(dir: &Path, periksa: Periksa) -> Result<Indeks, IndexError> {
    let rusak = |alasan: String| IndexError::Rusak(dir.to_path_buf(), alasan);
    let meta = baca_meta(dir).ok_or_else(|| rusak(format!("{META} tidak terbaca")))?;
    if meta.versi != VERSI {
        return Err(IndexError::VersiLain(dir.to_path_buf()));
    }
    if meta.berkas.is_empty() {
        return Err(rusak("daftar berkas tidak ada".into()));
    }
    for (nama, ukuran) in &meta.berkas {
        match std::fs::metadata(dir.join(nama)) {
            Ok(m) if m.len() == *ukuran => {}
            Ok(m) => {
                return Err(rusak(format!(
                    "{nama} berukuran {} byte, seharusnya {ukuran}",
                    m.len()
                )));
            }
            Err(_) => return Err(rusak(format!("{nama} hilang"))),
        }
    }
    let indeks = Indeks::buka_folder(dir, meta)?;
    if periksa == Periksa::Penuh {
        let salah = indeks.checksum_salah()?;
        if !salah.is_empty() {
            let nama: Vec<String> = salah.iter().map(|p| p.display().to_string()).collect();
            return Err(rusak(format!("checksum salah: {}", nama.join(", "))));
        }
    }
    Ok(indeks)
}

/// Opens the current generation, or — when it is damaged — the newest one before it that is
/// whole, with a warning naming what was wrong.
pub fn buka(index_dir: &Path, periksa: Periksa) -> Result<Indeks, IndexError> {
    let sekarang = generasi_sekarang(index_dir);
    let calon: Vec<PathBuf> = sekarang
        .iter()
        .cloned()
        .chain(
            daftar_generasi(index_dir)
                .into_iter()
                .filter(|d| Some(d) != sekarang.as_ref()),
        )
        .collect();
    let mut pertama: Option<IndexError> = None;
    for dir in calon {
        match buka_generasi(&dir, periksa) {
            Ok(i) => {
                if let Some(e) = &pertama {
                    tracing::warn!("{e}; memakai generasi sebelumnya {}", dir.display());
                }
                return Ok(i);
            }
            Err(e) => {
                if pertama.is_none() {
                    pertama = Some(e);
                } else {
                    tracing::warn!("{e}");
                }
            }
        }
    }
    Err(pertama.unwrap_or_else(|| IndexError::BelumAda(index_dir.into())))
}

/// Progress of a build, for a progress bar or log lines.
pub enum Kemajuan<'a> {
    /// The corpus has this many files.
    Mulai(u64),
    /// One more corpus file done.
    Maju,
    Dilewati(&'a GagalBaca),
    /// The index is being built, and why.
    Membangun(&'a str),
}

/// Builds a fresh index of `konten` (and the corpus, if given) beside the current one, then
/// swaps it in. A failed or interrupted build leaves the current index as it was.
pub fn bangun(
    konten: &Konten,
    korpus_dir: Option<&Path>,
    index_dir: &Path,
    kemajuan: &mut dyn FnMut(Kemajuan),
) -> Result<Meta, IndexError> {
    bangun_dengan(
        konten,
        &mut std::iter::empty(),
        korpus_dir,
        index_dir,
        kemajuan,
    )
}

/// [`bangun`] with more entries beside `konten`'s, under `konten`'s fingerprint: for
/// benchmarks, which index a million made-up entries without writing a million files, and
/// serve them with the bundled content.
pub fn bangun_dengan(
    konten: &Konten,
    tambahan: &mut dyn Iterator<Item = konten::Entri>,
    korpus_dir: Option<&Path>,
    index_dir: &Path,
    kemajuan: &mut dyn FnMut(Kemajuan),
) -> Result<Meta, IndexError> {
    std::fs::create_dir_all(index_dir).map_err(io(format!("membuat {}", index_dir.display())))?;
    let kunci =
        std::fs::File::create(index_dir.join(".kunci")).map_err(io("membuat berkas kunci"))?;
    if kunci.try_lock().is_err() {
        return Err(IndexError::Terkunci(index_dir.into()));
    }
    let sidik = sidik_jari(&konten.root, korpus_dir)?;
    let nama = format!(
        "gen-{}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    );
    let dir = index_dir.join(&nama);
    std::fs::create_dir_all(&dir).map_err(io(format!("membuat {}", dir.display())))?;
    let meta = match isi(konten, tambahan, korpus_dir, &dir, sidik, kemajuan) {
        Ok(m) => m,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
    };
    tulis_penunjuk(index_dir, &nama).map_err(io("menukar indeks"))?;
    let catatan_korpus = index_dir.join(KORPUS);
    match &meta.korpus {
        Some(k) => std::fs::write(&catatan_korpus, format!("{}\n", k.display())),
        None => std::fs::remove_file(&catatan_korpus).or(Ok(())),
    }
    .map_err(io("mencatat folder korpus"))?;
    bersihkan(index_dir);
    drop(kunci);
    Ok(meta)
}

fn isi(
    konten: &Konten,
    tambahan: &mut dyn Iterator<Item = konten::Entri>,
    korpus_dir: Option<&Path>,
    dir: &Path,
    sidik_jari: String,
    kemajuan: &mut dyn FnMut(Kemajuan),
) -> Result<Meta, IndexError> {
    let sidik_konten = sidik_konten(&konten.root)?;
    let jumlah = index::isi_generasi(konten, tambahan, korpus_dir, dir, kemajuan)?;
    let mut berkas = BTreeMap::new();
    for e in std::fs::read_dir(dir).map_err(io("membaca indeks baru"))? {
        let e = e.map_err(io("membaca indeks baru"))?;
        let m = e.metadata().map_err(io("membaca indeks baru"))?;
        if m.is_file() {
            berkas.insert(e.file_name().to_string_lossy().into_owned(), m.len());
        }
    }
    // Tantivy's lock and bookkeeping files (`.managed.json`, `.tantivy-*.lock`) may change
    // when the index is merely opened; the segment files and `meta.json` never do.
    berkas.retain(|n, _| !n.starts_with('.'));
    let meta = Meta {
        versi: VERSI,
        sidik_jari,
        sidik_konten,
        dibuat: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
        dokumen: jumlah.dokumen,
        korpus: korpus_dir.map(|k| std::path::absolute(k).unwrap_or_else(|_| k.to_path_buf())),
        peraturan: jumlah.peraturan,
        dilewati: jumlah.dilewati,
        berkas,
    };
    let mut f = std::fs::File::create(dir.join(META)).map_err(io("menulis meta indeks"))?;
    f.write_all(&serde_json::to_vec_pretty(&meta).unwrap_or_default())
        .and_then(|_| f.sync_all())
        .map_err(io("menulis meta indeks"))?;
    Ok(meta)
}

/// Points `CURRENT` at generation `nama`: written whole to a temporary file, synced, then
/// renamed over the old pointer. Readers see the old name or the new one, never a mix.
fn tulis_penunjuk(index_dir: &Path, nama: &str) -> std::io::Result<()> {
    let sementara = index_dir.join(format!("{PENUNJUK}.{nama}.baru"));
    {
        let mut f = std::fs::File::create(&sementara)?;
        f.write_all(nama.as_bytes())?;
        f.write_all(b"\n")?;
        f.sync_all()?;
    }
    std::fs::rename(&sementara, index_dir.join(PENUNJUK))?;
    // Make the rename itself durable where the platform allows syncing a folder.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(index_dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Keeps the current generation and the one before it; removes older ones, unfinished builds
/// and leftover pointer files. A server still reading a removed one keeps its open files until
/// it switches.
fn bersihkan(index_dir: &Path) {
    let sekarang = generasi_sekarang(index_dir);
    let mut disimpan = 0;
    for dir in daftar_generasi(index_dir) {
        let utuh = baca_meta(&dir).is_some();
        if (utuh && disimpan < DISIMPAN) || Some(&dir) == sekarang.as_ref() {
            disimpan += 1;
            continue;
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    if let Ok(isi) = std::fs::read_dir(index_dir) {
        for e in isi.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&format!("{PENUNJUK}.")) || n == "current" {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Opens an index that matches `konten` (and the corpus), building one when the content or
/// the corpus changed since the last build, or when no whole generation is left. Without
/// `korpus`, the corpus of the last build is kept, read from the newest generation that still
/// says what it was.
pub fn siapkan(
    konten: &Konten,
    index_dir: &Path,
    korpus: Option<&Path>,
    periksa: Periksa,
    kemajuan: &mut dyn FnMut(Kemajuan),
) -> Result<Indeks, IndexError> {
    let korpus: Option<PathBuf> = korpus
        .map(Path::to_path_buf)
        .or_else(|| korpus_terakhir(index_dir).filter(|k| k.is_dir()));
    let sidik = sidik_jari(&konten.root, korpus.as_deref())?;
    let alasan = match buka(index_dir, periksa) {
        Ok(i) if i.meta().sidik_jari == sidik => return Ok(i),
        Ok(_) => "Konten berubah sejak indeks terakhir; membangun indeks…".to_string(),
        Err(IndexError::BelumAda(_)) => "Belum ada indeks; membangun indeks…".to_string(),
        Err(e) => format!("{e}; membangun indeks baru…"),
    };
    kemajuan(Kemajuan::Membangun(&alasan));
    bangun(konten, korpus.as_deref(), index_dir, kemajuan)?;
    buka(index_dir, periksa)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_generation_names_are_followed() {
        assert!(nama_sah("gen-1732870000000000000"));
        for n in ["", "gen-", "gen-1/../..", "../gen-1", "gen-1a", "current"] {
            assert!(!nama_sah(n), "{n}");
        }
    }
}
