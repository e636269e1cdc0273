//! One function per command. Each loads what it needs, calls the library, and prints.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use sinergi::dokumen::{DokumenError, Format, Huruf, Kertas, Margin, Mesin, Opsi};
use sinergi::konten::{self, Bidang, JenisKolom, Kolom, KontenTidakSah};
use sinergi::opsi::{Jenis, Tahun, Zona};
use sinergi::pelatihan::{self, Acara};
use sinergi::search::generasi::{self, Periksa};
use sinergi::search::query::{Hasil, Permintaan};
use sinergi::simpan::{Gudang, Sumber};
use sinergi::web::api::HasilCari;

use super::argumen::{MateriPerintah, OpsiAcara};
use super::kemajuan::Laporan;

/// Where the commands find content, index and templates (`--content`, `--index`,
/// `--templates`).
pub struct Folder {
    pub content: PathBuf,
    pub index: PathBuf,
    pub templates: PathBuf,
    pub zona: Zona,
    /// `--data`: the SQLite database's folder.
    pub data: PathBuf,
    /// `--database` / `DATABASE_URL`: PostgreSQL instead.
    pub database: Option<String>,
}

impl Folder {
    fn dokumen(&self) -> PathBuf {
        self.templates.join("dokumen")
    }

    /// Where the data lives: PostgreSQL when a URL is given, else SQLite under `--data`.
    pub fn sumber(&self) -> Sumber {
        match &self.database {
            Some(url) if !url.trim().is_empty() => Sumber::Url(url.clone()),
            _ => Sumber::Folder(self.data.clone()),
        }
    }
}

fn muat_konten(content: &Path) -> Result<konten::Konten> {
    konten::muat(content).map_err(|KontenTidakSah(masalah)| {
        for m in &masalah {
            eprintln!("{m}");
        }
        anyhow::anyhow!(
            "konten di {} tidak valid ({} masalah); perbaiki lalu jalankan lagi (`sinergi check`)",
            content.display(),
            masalah.len()
        )
    })
}

fn muat_mesin(konten: &konten::Konten, f: &Folder) -> Result<Mesin> {
    let mesin = Mesin::muat(konten, &f.dokumen())?.dengan_zona(f.zona);
    for m in &mesin.masalah {
        eprintln!("peringatan: {m}");
    }
    Ok(mesin)
}

fn tulis_pdf(out: &Path, pdf: Vec<u8>) -> Result<()> {
    std::fs::write(out, pdf).with_context(|| format!("{} tidak dapat ditulis", out.display()))?;
    tulis!("PDF ditulis: {}", out.display());
    Ok(())
}

/// `sinergi check`
pub fn check(f: &Folder) -> Result<ExitCode> {
    let laporan = sinergi::periksa::periksa(&f.content, &f.dokumen());
    for m in &laporan.masalah {
        tulis!("{m}");
    }
    if !laporan.masalah.is_empty() {
        eprintln!("{} masalah ditemukan.", laporan.masalah.len());
        return Ok(ExitCode::FAILURE);
    }
    if let Some(r) = laporan.ringkasan() {
        tulis!("{r}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `sinergi index [--korpus DIR]`
pub fn index(f: &Folder, korpus: Option<&Path>) -> Result<ExitCode> {
    let konten = muat_konten(&f.content)?;
    let mut laporan = Laporan::baru();
    let meta = generasi::bangun(&konten, korpus, &f.index, &mut |k| laporan.lapor(k))?;
    laporan.selesai();
    let korpus = if meta.peraturan > 0 {
        format!(
            " ({} peraturan dari korpus, {} berkas dilewati)",
            meta.peraturan, meta.dilewati
        )
    } else {
        String::new()
    };
    tulis!(
        "Indeks selesai: {} dokumen{korpus} di {}",
        meta.dokumen,
        f.index.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Loads the content and opens an index that matches it (see `generasi::siapkan`).
fn siapkan(
    f: &Folder,
    korpus: Option<&Path>,
    periksa: Periksa,
) -> Result<(konten::Konten, sinergi::search::Indeks)> {
    let konten = muat_konten(&f.content)?;
    let mut laporan = Laporan::baru();
    let indeks = generasi::siapkan(&konten, &f.index, korpus, periksa, &mut |k| {
        laporan.lapor(k)
    })?;
    laporan.selesai();
    Ok((konten, indeks))
}

/// What `sinergi search` asks for.
pub struct Cari {
    pub query: String,
    pub jenis: Option<Jenis>,
    pub bidang: Option<Bidang>,
    pub tahun: Option<Tahun>,
    pub limit: usize,
    pub json: bool,
}

/// `sinergi search QUERY …`
pub fn search(f: &Folder, c: Cari) -> Result<ExitCode> {
    if !(1..=100).contains(&c.limit) {
        anyhow::bail!("--limit harus 1–100, bukan {}", c.limit);
    }
    // An index built from the content as it is answers at once; otherwise load, check and
    // rebuild as every other command does.
    let indeks = match generasi::buka_bila_segar(&f.content, &f.index) {
        Some(i) => i,
        None => siapkan(f, None, Periksa::Ukuran)?.1,
    };
    let hasil = indeks
        .cari(&Permintaan {
            q: c.query.clone(),
            jenis: c.jenis,
            bidang: c.bidang,
            tahun: c.tahun.map(|t| t.0),
            limit: c.limit,
            offset: 0,
        })
        .context("pencarian gagal")?;
    if c.json {
        tulis!(
            "{}",
            serde_json::to_string_pretty(&HasilCari::from(&hasil))?
        );
    } else {
        cetak_hasil(&c.query, &hasil)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn cetak_hasil(q: &str, h: &Hasil) -> Result<()> {
    let terminal = std::io::stdout().is_terminal();
    let (buka, tutup) = if terminal {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    for (salah, benar) in &h.koreksi {
        tulis!("Ejaan dibetulkan: {salah} → {benar}");
    }
    if h.total == 0 {
        tulis!(
            "Tidak ada hasil untuk \"{q}\". Coba kata lain, hapus saringan, atau periksa ejaan."
        );
        return Ok(());
    }
    tulis!(
        "{} untuk \"{q}\"",
        sinergi::search::query::jumlah_teks(h.total, h.total_tepat)
    );
    if !h.semua_kata {
        tulis!("(tidak ada yang memuat semua kata; ditampilkan yang memuat sebagian)");
    }
    for (i, hit) in h.hits.iter().enumerate() {
        tulis!();
        tulis!(
            "{:>2}. {}  [{}] {}  (skor {:.2})",
            i + 1,
            hit.judul,
            hit.jenis,
            hit.id,
            hit.skor
        );
        if !hit.ringkas.is_empty() {
            tulis!("    {}", hit.ringkas);
        }
        let cuplikan: String = hit
            .cuplikan
            .bagian()
            .map(|(t, cocok)| {
                if cocok {
                    format!("{buka}{t}{tutup}")
                } else {
                    t.to_string()
                }
            })
            .collect();
        tulis!("    {cuplikan}");
    }
    let facet = |m: &std::collections::BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k} {}", sinergi::format::ribuan(*v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    tulis!();
    tulis!("Jenis: {}", facet(&h.facets.jenis));
    if !h.facets.bidang.is_empty() {
        tulis!("Bidang: {}", facet(&h.facets.bidang));
    }
    Ok(())
}

/// `sinergi dokumen [JENIS] [--contoh] [--json]`
pub fn dokumen(f: &Folder, jenis: Option<String>, contoh: bool, json: bool) -> Result<ExitCode> {
    let konten = muat_konten(&f.content)?;
    let mesin = muat_mesin(&konten, f)?;
    let Some(id) = jenis else {
        if json {
            let daftar: Vec<serde_json::Value> = mesin
                .daftar()
                .map(|j| {
                    serde_json::json!({"id": j.id, "judul": j.judul, "tahap": j.tahap,
                                       "dasar_hukum": j.dasar_hukum, "versi": j.versi})
                })
                .collect();
            tulis!("{}", serde_json::to_string_pretty(&daftar)?);
        } else {
            for j in mesin.daftar() {
                tulis!("{:<42} {:<12} {}", j.id, j.tahap, j.judul);
            }
        }
        return Ok(ExitCode::SUCCESS);
    };
    let j = mesin
        .jenis(&id)
        .ok_or_else(|| DokumenError::TidakDikenal(id.clone()))?;
    if contoh {
        cetak!("{}", serde_yaml::to_string(&j.contoh())?);
    } else if json {
        tulis!("{}", serde_json::to_string_pretty(&j.formulir)?);
    } else {
        tulis!("{} ({})", j.judul, j.id);
        cetak_kolom(&j.formulir, "")?;
        tulis!("\nContoh isian lengkap: sinergi dokumen {id} --contoh");
    }
    Ok(ExitCode::SUCCESS)
}

fn cetak_kolom(kolom: &[Kolom], awalan: &str) -> Result<()> {
    for k in kolom {
        let wajib = if k.wajib { " (wajib)" } else { "" };
        let ulang = if k.ulang { ", berulang" } else { "" };
        tulis!(
            "  {awalan}{:<36} {}{ulang}{wajib} — {}",
            k.nama,
            k.jenis,
            k.label
        );
        if k.jenis == JenisKolom::Grup {
            let anak = if k.ulang {
                format!("{awalan}{}[].", k.nama)
            } else {
                format!("{awalan}{}.", k.nama)
            };
            cetak_kolom(&k.kolom, &anak)?;
        }
    }
    Ok(())
}

/// What `sinergi render` asks for.
pub struct Render {
    pub jenis: String,
    pub data: PathBuf,
    pub out: PathBuf,
    /// None: from the extension of `out`.
    pub format: Option<Format>,
    pub kertas: Kertas,
    pub huruf: Huruf,
    pub margin: Option<Margin>,
}

/// Reads a data file named on the command line (`apa`: what it is, for messages), up to the
/// size the server takes as a request body.
fn baca_berkas_data(p: &Path, apa: &str) -> Result<String> {
    sinergi::berkas::baca_teks(p, sinergi::web::BATAS_BODY as u64).map_err(|e| match e {
        sinergi::berkas::GalatBaca::TerlaluBesar { .. } => {
            anyhow::anyhow!("{apa} {} {e}", p.display())
        }
        e => anyhow::anyhow!("{apa} {} tidak dapat dibaca: {e}", p.display()),
    })
}

/// `sinergi render JENIS --data isian.yaml --out hasil.pdf`
pub fn render(f: &Folder, r: Render) -> Result<ExitCode> {
    let teks = baca_berkas_data(&r.data, "berkas isian")?;
    let isian: serde_json::Value = if r.data.extension().is_some_and(|x| x == "json") {
        sinergi::json::baca(teks.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", r.data.display()))?
    } else {
        sinergi::yaml::baca(&teks).map_err(|e| anyhow::anyhow!("{}: {e}", r.data.display()))?
    };
    let konten = muat_konten(&f.content)?;
    let mesin = muat_mesin(&konten, f)?;
    let opsi = Opsi {
        kertas: r.kertas,
        huruf: r.huruf,
        margin: r.margin,
    };
    let format = r.format.unwrap_or_else(|| {
        if r.out
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("docx"))
        {
            Format::Docx
        } else {
            Format::Pdf
        }
    });
    match mesin.render_sebagai(&r.jenis, &isian, &opsi, format) {
        Ok(b) => {
            std::fs::write(&r.out, b)
                .with_context(|| format!("{} tidak dapat ditulis", r.out.display()))?;
            tulis!(
                "{} ditulis: {}",
                format.ekstensi().to_uppercase(),
                r.out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(DokumenError::Isian(galat)) => {
            for g in &galat {
                eprintln!("{}: {g}", r.data.display());
            }
            eprintln!(
                "{} masalah pada isian; {} tidak dibuat.",
                galat.len(),
                format.ekstensi().to_uppercase()
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

fn baca_acara(o: &OpsiAcara) -> Result<(Acara, Opsi)> {
    let mut acara = match &o.acara {
        Some(p) => {
            let teks = baca_berkas_data(p, "berkas acara")?;
            let mut a = sinergi::yaml::baca::<Acara>(&teks)
                .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            // The emblem's path is read from the folder of the event file.
            if let Some(l) = a.lambang.take() {
                a.lambang = Some(match p.parent() {
                    Some(dir) if l.is_relative() => dir.join(l),
                    _ => l,
                });
            }
            a
        }
        None => Acara {
            nama_acara: "Sosialisasi Kerja Sama Desa".into(),
            penyelenggara: "Dinas Pemberdayaan Masyarakat dan Desa".into(),
            tempat: String::new(),
            tanggal: String::new(),
            waktu: None,
            kabupaten: None,
            lambang: None,
            narahubung: None,
            peserta_per_desa: Vec::new(),
            ..Acara::contoh()
        },
    };
    if let Some(v) = &o.nama_acara {
        acara.nama_acara = v.clone();
    }
    if let Some(v) = &o.penyelenggara {
        acara.penyelenggara = v.clone();
    }
    if let Some(v) = &o.tempat {
        acara.tempat = v.clone();
    }
    if let Some(v) = &o.tanggal {
        acara.tanggal = v.clone();
    }
    if o.durasi.is_some() {
        acara.durasi = o.durasi;
    }
    if o.acara.is_none() {
        // Without an event file there is no letter to send: a handout or a deck, for an event
        // given by the options or for none (no date: a generic cover).
        acara.desa_undangan.clear();
        acara.penanda_tangan = None;
        acara.nomor_surat = None;
        acara.tanggal_surat = None;
        acara.sifat = None;
        acara.lampiran = None;
        acara.alamat = None;
        acara.telepon = None;
        acara.durasi = o.durasi;
    }
    Ok((
        acara,
        Opsi {
            kertas: o.kertas,
            huruf: o.huruf,
            margin: None,
        },
    ))
}

/// Says on stderr which modules do not fit the event's minutes (slides and tests leave them out).
fn modul_tertinggal(konten: &sinergi::konten::Konten, a: &Acara) {
    let (_, tertinggal) = pelatihan::pilih_modul(konten, a.menit_materi());
    if let (Some(menit), false) = (a.menit_materi(), tertinggal.is_empty()) {
        eprintln!(
            "Tidak muat dalam {menit} menit, tidak dimuat di slide dan tes: {}",
            tertinggal.join("; ")
        );
    }
}

/// `sinergi materi modul|slide|kit …`
pub fn materi(f: &Folder, jenis: MateriPerintah) -> Result<ExitCode> {
    if let MateriPerintah::Kit { contoh: true, .. } = &jenis {
        cetak!("{}", serde_yaml::to_string(&Acara::contoh())?);
        return Ok(ExitCode::SUCCESS);
    }
    let konten = muat_konten(&f.content)?;
    let mesin = muat_mesin(&konten, f)?;
    match jenis {
        MateriPerintah::Modul { acara, out } => {
            let (a, opsi) = baca_acara(&acara)?;
            tulis_pdf(&out, pelatihan::modul(&mesin, &konten, &a, &opsi)?)?;
        }
        MateriPerintah::Slide { acara, out } => {
            let (a, opsi) = baca_acara(&acara)?;
            modul_tertinggal(&konten, &a);
            tulis_pdf(&out, pelatihan::slide(&mesin, &konten, &a, &opsi)?)?;
        }
        MateriPerintah::Kit { acara, out, .. } => {
            let (a, opsi) = baca_acara(&acara)?;
            modul_tertinggal(&konten, &a);
            let out = out.context("--out DIR wajib diberikan")?;
            for p in pelatihan::kit(&mesin, &konten, &a, &opsi, &out)? {
                tulis!("PDF ditulis: {}", p.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `sinergi serve [--addr …] [--korpus DIR]`
pub fn serve(
    f: &Folder,
    addr: SocketAddr,
    korpus: Option<&Path>,
    layanan: sinergi::web::Layanan,
) -> Result<ExitCode> {
    let (konten, indeks) = siapkan(f, korpus, Periksa::Penuh)?;
    let mesin = muat_mesin(&konten, f)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("runtime tokio")?;
    let gudang = rt.block_on(Gudang::buka(&f.sumber()))?;
    rt.block_on(sinergi::web::jalankan(
        addr,
        sinergi::web::Muatan {
            konten,
            indeks,
            mesin,
        },
        sinergi::web::Folder {
            content: f.content.clone(),
            index: f.index.clone(),
            templates: f.templates.clone(),
            zona: f.zona,
        },
        sinergi::web::Pengaturan {
            gudang,
            https_di_depan: layanan.https_di_depan,
            url_publik: layanan.url_publik,
            unduhan_publik: layanan.unduhan_publik,
        },
    ))?;
    Ok(ExitCode::SUCCESS)
}
