//! The curated content: four collections of Markdown files with YAML front-matter, plus the
//! glossary. Loading validates everything and reports every problem at once.

mod frontmatter;
pub mod markdown;
pub mod skema;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use frontmatter::Peta;
pub use skema::{
    Bidang, Istilah, JenisKolom, Kolom, Lokasi, Materi, PasalKunci, Regulasi, Soal, StudiKasus,
    TAHAP, Templat, URAIAN_TAHAP, label_tahap,
};

/// The four curated collections; the folder name is also the URL segment and the `jenis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Koleksi {
    Regulasi,
    StudiKasus,
    Templat,
    Materi,
}

impl Koleksi {
    pub const SEMUA: [Koleksi; 4] = [
        Koleksi::Regulasi,
        Koleksi::StudiKasus,
        Koleksi::Templat,
        Koleksi::Materi,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Koleksi::Regulasi => "regulasi",
            Koleksi::StudiKasus => "studi-kasus",
            Koleksi::Templat => "templat",
            Koleksi::Materi => "materi",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Koleksi::Regulasi => "Regulasi",
            Koleksi::StudiKasus => "Studi kasus",
            Koleksi::Templat => "Templat dokumen",
            Koleksi::Materi => "Materi sosialisasi",
        }
    }

    pub fn dari_slug(s: &str) -> Option<Koleksi> {
        Koleksi::SEMUA.into_iter().find(|k| k.slug() == s)
    }
}

/// A problem in the content, at `path:line:col`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masalah {
    pub path: PathBuf,
    pub baris: usize,
    pub kolom: usize,
    pub pesan: String,
}

impl fmt::Display for Masalah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.baris,
            self.kolom,
            self.pesan
        )
    }
}

/// Every problem found in a content tree.
#[derive(Debug, thiserror::Error)]
#[error("{} masalah ditemukan di konten", .0.len())]
pub struct KontenTidakSah(pub Vec<Masalah>);

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "koleksi", content = "data", rename_all = "kebab-case")]
pub enum Data {
    Regulasi(Regulasi),
    StudiKasus(StudiKasus),
    Templat(Templat),
    Materi(Materi),
}

/// One validated entry.
#[derive(Debug, Clone, Serialize)]
pub struct Entri {
    pub id: String,
    pub koleksi: Koleksi,
    #[serde(skip)]
    pub path: PathBuf,
    pub judul: String,
    pub bidang: Vec<Bidang>,
    pub tahun: Option<u16>,
    /// Markdown body as written.
    pub body: String,
    #[serde(flatten)]
    pub data: Data,
}

impl Entri {
    pub fn url(&self) -> String {
        format!("/{}/{}", self.koleksi.slug(), self.id)
    }

    /// Ids this entry points to, with the collection each must be in and the key that names them.
    fn rujukan(&self) -> Vec<(&'static str, Koleksi, &str)> {
        let daftar: Vec<(&'static str, Koleksi, &[String])> = match &self.data {
            Data::Regulasi(x) => vec![
                ("mengubah", Koleksi::Regulasi, &x.mengubah),
                ("diubah_dengan", Koleksi::Regulasi, &x.diubah_dengan),
                ("mencabut", Koleksi::Regulasi, &x.mencabut),
                ("dicabut_dengan", Koleksi::Regulasi, &x.dicabut_dengan),
            ],
            Data::StudiKasus(x) => vec![("regulasi", Koleksi::Regulasi, &x.regulasi)],
            Data::Templat(x) => vec![("dasar_hukum", Koleksi::Regulasi, &x.dasar_hukum)],
            Data::Materi(x) => vec![
                ("regulasi", Koleksi::Regulasi, &x.regulasi),
                ("studi_kasus", Koleksi::StudiKasus, &x.studi_kasus),
            ],
        };
        daftar
            .into_iter()
            .flat_map(|(kunci, k, ids)| ids.iter().map(move |id| (kunci, k, id.as_str())))
            .collect()
    }
}

/// The whole loaded content tree.
#[derive(Debug, Default)]
pub struct Konten {
    pub root: PathBuf,
    entri: Vec<Entri>,
    per_id: HashMap<String, usize>,
    pub istilah: Vec<Istilah>,
}

impl Konten {
    pub fn semua(&self) -> &[Entri] {
        &self.entri
    }

    pub fn koleksi(&self, k: Koleksi) -> impl Iterator<Item = &Entri> {
        self.entri.iter().filter(move |e| e.koleksi == k)
    }

    pub fn cari(&self, id: &str) -> Option<&Entri> {
        self.per_id.get(id).map(|&i| &self.entri[i])
    }

    pub fn dapatkan(&self, k: Koleksi, id: &str) -> Option<&Entri> {
        self.cari(id).filter(|e| e.koleksi == k)
    }

    /// Entries that point at `id`, with the key they use (`regulasi`, `mencabut`, …).
    pub fn dirujuk_oleh(&self, id: &str) -> Vec<(&'static str, &Entri)> {
        let mut hasil = Vec::new();
        for e in &self.entri {
            for (kunci, _, target) in e.rujukan() {
                if target == id {
                    hasil.push((kunci, e));
                }
            }
        }
        hasil
    }

    /// Materi modules in teaching order.
    pub fn materi_urut(&self) -> Vec<(&Entri, &Materi)> {
        let mut m: Vec<_> = self
            .entri
            .iter()
            .filter_map(|e| match &e.data {
                Data::Materi(x) => Some((e, x)),
                _ => None,
            })
            .collect();
        m.sort_by_key(|(e, x)| (x.urutan, e.id.clone()));
        m
    }
}

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
    let ukuran = std::fs::metadata(path)
        .map_err(|e| format!("tidak dapat dibaca: {e}"))?
        .len();
    if ukuran > BATAS_BERKAS {
        return Err(format!(
            "berkas {} KB terlalu besar (paling besar {} KB); bagi menjadi beberapa entri",
            ukuran / 1024,
            BATAS_BERKAS / 1024
        ));
    }
    std::fs::read_to_string(path).map_err(|e| format!("tidak dapat dibaca: {e}"))
}

fn masalah(path: &Path, (baris, kolom): (usize, usize), pesan: impl Into<String>) -> Masalah {
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
                format!("folder konten tidak dapat dibaca: {e}"),
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

fn muat_entri(
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
    let data = match data {
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

/// Checks on values that the type system cannot express; every failure is recorded.
struct Pemeriksa<'a> {
    path: &'a Path,
    peta: &'a Peta<'a>,
    masalah: &'a mut Vec<Masalah>,
    /// Whether a key is written at all; an absent required key is already reported.
    ada: &'a dyn Fn(&str) -> bool,
}

impl Pemeriksa<'_> {
    fn catat(&mut self, pos: (usize, usize), pesan: String) {
        self.masalah.push(masalah(self.path, pos, pesan));
    }

    fn tidak_kosong(&mut self, kunci: &str, nilai: &str) {
        if (self.ada)(kunci) && nilai.trim().is_empty() {
            self.catat(
                self.peta.kunci(kunci),
                format!("kolom `{kunci}` tidak boleh kosong"),
            );
        }
    }

    fn pilihan(&mut self, kunci: &str, nilai: &str, sah: &[&str]) {
        if (self.ada)(kunci) && !sah.contains(&nilai) {
            self.catat(
                self.peta.nilai(kunci, nilai),
                format!(
                    "`{kunci}` bernilai `{nilai}`, padahal harus salah satu dari: {}",
                    sah.join(", ")
                ),
            );
        }
    }

    fn bidang(&mut self, label: &[String]) -> Vec<Bidang> {
        let mut hasil = Vec::new();
        for l in label {
            match Bidang::dari_label(l) {
                Some(b) => hasil.push(b),
                None => self.catat(
                    self.peta.nilai("bidang", l),
                    format!(
                        "bidang `{l}` tidak ada dalam daftar baku; pilih dari: {}",
                        Bidang::daftar_label()
                    ),
                ),
            }
        }
        hasil
    }

    fn tahun(&mut self, tahun: u16) {
        if (self.ada)("tahun") && !(1945..=2100).contains(&tahun) {
            self.catat(
                self.peta.kunci("tahun"),
                format!("tahun {tahun} tidak masuk akal (1945–2100)"),
            );
        }
    }

    fn sumber(&mut self, sumber: &[String]) {
        if !(self.ada)("sumber") {
            return;
        }
        if sumber.is_empty() {
            self.catat(
                self.peta.kunci("sumber"),
                "kolom `sumber` harus memuat sedikitnya satu URL".into(),
            );
        }
        for s in sumber {
            if !skema::url_sah(s) {
                self.catat(
                    self.peta.nilai("sumber", s),
                    format!("sumber `{s}` bukan URL (harus diawali https:// atau http://)"),
                );
            }
        }
    }

    fn regulasi(&mut self, r: &Regulasi) {
        for (k, v) in [
            ("bentuk", &r.bentuk),
            ("singkatan_bentuk", &r.singkatan_bentuk),
            ("nomor", &r.nomor),
            ("tentang", &r.tentang),
            ("teu_badan", &r.teu_badan),
        ] {
            self.tidak_kosong(k, v);
        }
        self.pilihan("status", &r.status, &skema::STATUS);
        for (k, v) in [
            ("tanggal_penetapan", &r.tanggal_penetapan),
            ("tanggal_pengundangan", &r.tanggal_pengundangan),
        ] {
            if let Some(v) = v
                && !skema::tanggal_sah(v)
            {
                self.catat(
                    self.peta.nilai(k, v),
                    format!(
                        "`{k}` bernilai `{v}`: tulis tanggal sebagai TTTT-BB-HH, mis. 2014-01-15"
                    ),
                );
            }
        }
        if !r.dicabut_dengan.is_empty() && r.status == "berlaku" {
            self.catat(
                self.peta.kunci("status"),
                "regulasi yang sudah dicabut (`dicabut_dengan`) tidak boleh berstatus `berlaku`"
                    .into(),
            );
        }
        for (i, p) in r.pasal_kunci.iter().enumerate() {
            if p.pasal.trim().is_empty() || p.ringkasan.trim().is_empty() {
                self.catat(
                    self.peta.kunci("pasal_kunci"),
                    format!("pasal_kunci[{i}]: `pasal` dan `ringkasan` harus diisi"),
                );
            }
        }
        self.sumber(&r.sumber);
    }

    /// The form schema itself: names, types, choices and nesting.
    fn formulir(&mut self, kolom: &[Kolom], awalan: &str) {
        let mut nama_terlihat = std::collections::HashSet::new();
        for k in kolom {
            let jalur = format!("{awalan}{}", k.nama);
            let pos = self.peta.nilai("formulir", &format!("nama: {}", k.nama));
            let nama_sah = !k.nama.is_empty()
                && k.nama
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !nama_sah {
                self.catat(
                    pos,
                    format!("formulir: nama kolom `{jalur}` hanya boleh huruf kecil, angka dan _"),
                );
            }
            if !nama_terlihat.insert(k.nama.as_str()) {
                self.catat(pos, format!("formulir: kolom `{jalur}` ditulis dua kali"));
            }
            if k.jenis == JenisKolom::Pilihan && k.pilihan.is_empty() {
                self.catat(
                    pos,
                    format!(
                        "formulir: `{jalur}` berjenis pilihan tetapi tidak punya daftar `pilihan`"
                    ),
                );
            }
            if k.jenis == JenisKolom::Grup {
                if k.kolom.is_empty() {
                    self.catat(pos, format!("formulir: grup `{jalur}` tidak punya `kolom`"));
                }
                self.formulir(&k.kolom, &format!("{jalur}."));
            }
        }
    }

    fn studi_kasus(&mut self, s: &StudiKasus) {
        self.pilihan(
            "jenis_kerja_sama",
            &s.jenis_kerja_sama,
            &skema::JENIS_KERJA_SAMA,
        );
        self.tidak_kosong("hasil", &s.hasil);
        if (self.ada)("bidang") && s.bidang.is_empty() {
            self.catat(
                self.peta.kunci("bidang"),
                "studi kasus harus punya sedikitnya satu bidang".into(),
            );
        }
        self.sumber(&s.sumber);
    }

    fn materi(&mut self, x: &Materi) {
        if (self.ada)("urutan") && x.urutan == 0 {
            self.catat(self.peta.kunci("urutan"), "`urutan` dimulai dari 1".into());
        }
        if (self.ada)("durasi") && x.durasi == 0 {
            self.catat(
                self.peta.kunci("durasi"),
                "`durasi` (menit) harus lebih dari 0".into(),
            );
        }
        if (self.ada)("tujuan") && x.tujuan.is_empty() {
            self.catat(
                self.peta.kunci("tujuan"),
                "tuliskan sedikitnya satu tujuan pembelajaran".into(),
            );
        }
        if (self.ada)("kuis") && x.kuis.is_empty() {
            self.catat(
                self.peta.kunci("kuis"),
                "kuis harus memuat sedikitnya satu soal".into(),
            );
        }
        for (i, soal) in x.kuis.iter().enumerate() {
            let pos = self.peta.nilai(
                "kuis",
                soal.pertanyaan
                    .get(..20.min(soal.pertanyaan.len()))
                    .unwrap_or(""),
            );
            if soal.pertanyaan.trim().is_empty() {
                self.catat(pos, format!("kuis[{i}]: pertanyaan kosong"));
            }
            if soal.jawaban.trim().is_empty() {
                self.catat(pos, format!("kuis[{i}]: kunci jawaban kosong"));
            } else if !soal.pilihan.is_empty() {
                let huruf: Vec<String> = (0..soal.pilihan.len())
                    .map(|n| ((b'a' + n as u8) as char).to_string())
                    .collect();
                if soal.pilihan.len() < 2 {
                    self.catat(
                        pos,
                        format!("kuis[{i}]: soal pilihan ganda perlu sedikitnya dua pilihan"),
                    );
                }
                if !huruf.contains(&soal.jawaban.trim().to_lowercase()) {
                    self.catat(
                        pos,
                        format!(
                            "kuis[{i}]: jawaban `{}` harus huruf pilihan ({})",
                            soal.jawaban,
                            huruf.join(", ")
                        ),
                    );
                }
            }
        }
    }
}

fn muat_istilah(path: &Path, teks: &str) -> Result<Vec<Istilah>, Vec<Masalah>> {
    if let Err(e) = crate::yaml::tanpa_alias(teks) {
        let pesan = e.to_string();
        let pesan = pesan.split_once(": ").map(|(_, p)| p).unwrap_or(&pesan);
        return Err(vec![masalah(path, e.letak(), pesan)]);
    }
    let daftar: Vec<Istilah> = serde_yaml::from_str(teks).map_err(|e| {
        vec![masalah(
            path,
            lokasi_yaml(&e, 1),
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
