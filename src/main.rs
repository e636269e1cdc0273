//! The `sinergi` command: check content, build the index, search, serve.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use sinergi::dokumen::{DokumenError, Kertas, Mesin, Opsi};
use sinergi::konten::{self, Bidang, Koleksi, Kolom, KontenTidakSah};
use sinergi::pelatihan::{self, Acara};
use sinergi::search::generasi::{self, Kemajuan, Periksa};
use sinergi::search::index::{Indeks, PERATURAN};
use sinergi::search::query::{Hasil, Permintaan};

#[derive(Parser)]
#[command(
    name = "sinergi",
    version,
    about = "Basis pengetahuan dan layanan kerja sama desa",
    long_about = "Sinergi: basis pengetahuan kerja sama desa (regulasi, studi kasus, templat, materi) \
                  yang dapat dicari, lewat baris perintah dan layanan web.",
    subcommand_help_heading = "Perintah",
    subcommand_value_name = "PERINTAH",
    disable_help_subcommand = true
)]
struct Cli {
    /// Folder konten (Markdown dengan front-matter YAML)
    #[arg(long, global = true, default_value = "content", value_name = "DIR")]
    content: PathBuf,
    /// Folder indeks pencarian
    #[arg(long, global = true, default_value = "index", value_name = "DIR")]
    index: PathBuf,
    /// Folder templat (HTML dan tata letak dokumen di dokumen/)
    #[arg(long, global = true, default_value = "templates", value_name = "DIR")]
    templates: PathBuf,
    #[command(subcommand)]
    perintah: Perintah,
}

#[derive(Subcommand)]
enum Perintah {
    /// Periksa seluruh konten; tampilkan setiap masalah sebagai berkas:baris:kolom: pesan
    Check,
    /// Bangun indeks pencarian dari konten (dan korpus peraturan, jika diberikan)
    Index {
        /// Folder naskah lengkap peraturan (mis. ../shared/corpus/peraturan)
        #[arg(long, value_name = "DIR")]
        korpus: Option<PathBuf>,
    },
    /// Cari di basis pengetahuan
    Search {
        /// Kata kunci; tanda kutip untuk frasa utuh
        query: String,
        /// Jenis: regulasi, studi-kasus, templat, materi, peraturan
        #[arg(long)]
        jenis: Option<String>,
        /// Bidang kerja sama (slug atau label)
        #[arg(long)]
        bidang: Option<String>,
        /// Tahun
        #[arg(long)]
        tahun: Option<u16>,
        /// Jumlah hasil (1–100)
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Keluaran JSON
        #[arg(long)]
        json: bool,
    },
    /// Daftar jenis dokumen, atau contoh isian lengkap satu jenis (--contoh)
    Dokumen {
        /// Jenis dokumen (lihat daftarnya tanpa argumen)
        jenis: Option<String>,
        /// Cetak contoh isian lengkap yang valid sebagai YAML
        #[arg(long)]
        contoh: bool,
        /// Keluaran JSON
        #[arg(long)]
        json: bool,
    },
    /// Buat PDF dari isian (YAML atau JSON)
    Render {
        /// Jenis dokumen
        jenis: String,
        /// Berkas isian: .yaml, .yml atau .json
        #[arg(long, value_name = "BERKAS")]
        data: PathBuf,
        /// Berkas PDF yang ditulis
        #[arg(long, value_name = "BERKAS")]
        out: PathBuf,
        /// Ukuran kertas: a4 atau f4
        #[arg(long, default_value = "a4")]
        kertas: String,
        /// Huruf: bookman, times atau arial
        #[arg(long, default_value = "bookman")]
        huruf: String,
    },
    /// Bahan sosialisasi: modul (handout), slide, dan kit acara
    Materi {
        #[command(subcommand)]
        jenis: MateriPerintah,
    },
    /// Jalankan layanan web (membangun indeks bila konten berubah)
    Serve {
        /// Alamat yang dilayani
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Folder naskah lengkap peraturan
        #[arg(long, value_name = "DIR")]
        korpus: Option<PathBuf>,
    },
}

/// Event details for the cover, from a file or options.
#[derive(clap::Args, Clone)]
struct OpsiAcara {
    /// Berkas acara.yaml (lihat `sinergi materi kit --contoh`)
    #[arg(long, value_name = "BERKAS")]
    acara: Option<PathBuf>,
    /// Nama acara (menimpa berkas acara)
    #[arg(long)]
    nama_acara: Option<String>,
    /// Penyelenggara
    #[arg(long)]
    penyelenggara: Option<String>,
    /// Tempat
    #[arg(long)]
    tempat: Option<String>,
    /// Tanggal (TTTT-BB-HH); tanpa tanggal dan tanpa --acara, modul dan slide umum tanpa acara
    #[arg(long)]
    tanggal: Option<String>,
    /// Lama acara dalam menit (mis. 420 untuk 08.00–15.00): slide dan tes memuat modul, menurut
    /// urutan, yang muat; menimpa `durasi` pada berkas acara
    #[arg(long, value_name = "MENIT")]
    durasi: Option<u32>,
    /// Ukuran kertas: a4 atau f4 (modul dan kit)
    #[arg(long, default_value = "a4")]
    kertas: String,
    /// Huruf: bookman, times atau arial
    #[arg(long, default_value = "bookman")]
    huruf: String,
}

#[derive(Subcommand)]
enum MateriPerintah {
    /// Modul (handout) dari materi sosialisasi, berurutan
    Modul {
        #[command(flatten)]
        acara: OpsiAcara,
        /// Berkas PDF yang ditulis
        #[arg(long, value_name = "BERKAS")]
        out: PathBuf,
    },
    /// Slide 16:9 dari materi yang sama
    Slide {
        #[command(flatten)]
        acara: OpsiAcara,
        #[arg(long, value_name = "BERKAS")]
        out: PathBuf,
    },
    /// Kit acara: undangan, daftar hadir, pre-test, post-test, kunci jawaban
    Kit {
        #[command(flatten)]
        acara: OpsiAcara,
        /// Folder keluaran
        #[arg(long, value_name = "DIR", required_unless_present = "contoh")]
        out: Option<PathBuf>,
        /// Cetak contoh acara.yaml yang valid
        #[arg(long)]
        contoh: bool,
    },
}

fn baca_acara(o: &OpsiAcara) -> Result<(Acara, Opsi)> {
    let mut acara = match &o.acara {
        Some(p) => {
            let teks = std::fs::read_to_string(p)
                .with_context(|| format!("berkas acara {} tidak dapat dibaca", p.display()))?;
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
    let kertas = Kertas::dari(&o.kertas)
        .with_context(|| format!("--kertas `{}` tidak dikenal; pilih a4 atau f4", o.kertas))?;
    Ok((
        acara,
        Opsi {
            kertas,
            huruf: o.huruf.clone(),
        },
    ))
}

/// Says on stderr which modules do not fit the event's minutes (slides and tests leave them out).
fn modul_tertinggal(konten: &konten::Konten, a: &Acara) {
    let (_, tertinggal) = pelatihan::pilih_modul(konten, a.durasi);
    if let (Some(menit), false) = (a.durasi, tertinggal.is_empty()) {
        eprintln!(
            "Tidak muat dalam {menit} menit, tidak dimuat di slide dan tes: {}",
            tertinggal.join("; ")
        );
    }
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "sinergi=info,warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let perintah = perintah_indonesia(Cli::command()).arg(
        clap::Arg::new("versi")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help("Tampilkan versi")
            .help_heading("Opsi"),
    );
    let cli = match perintah
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(c) => c,
        Err(e) => return galat_argumen(e),
    };
    match jalankan(cli) {
        Ok(kode) => kode,
        Err(e) => {
            eprintln!("galat: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Help in Indonesian: headings and usage line, for every subcommand.
fn perintah_indonesia(c: clap::Command) -> clap::Command {
    c.help_template("{about-with-newline}\nPemakaian: {usage}\n\n{all-args}{after-help}")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("bantuan")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Tampilkan bantuan ini"),
        )
        .mut_args(|a| {
            let judul = if a.is_positional() { "Argumen" } else { "Opsi" };
            a.help_heading(judul)
        })
        .mut_subcommands(perintah_indonesia)
}

/// Command-line mistakes, said in Indonesian (clap's own messages are English).
fn galat_argumen(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let konteks = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let pesan = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::MissingRequiredArgument => {
            format!(
                "argumen wajib belum diberikan: {}",
                konteks(ContextKind::InvalidArg)
            )
        }
        ErrorKind::MissingSubcommand => "perintah belum diberikan".to_string(),
        ErrorKind::InvalidSubcommand => {
            format!(
                "perintah `{}` tidak dikenal",
                konteks(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => {
            format!(
                "argumen `{}` tidak dikenal",
                konteks(ContextKind::InvalidArg)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "nilai `{}` tidak sah untuk {}",
            konteks(ContextKind::InvalidValue),
            konteks(ContextKind::InvalidArg)
        ),
        ErrorKind::ArgumentConflict => format!(
            "{} tidak dapat dipakai bersama {}",
            konteks(ContextKind::InvalidArg),
            konteks(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            format!(
                "terlalu banyak nilai untuk {}",
                konteks(ContextKind::InvalidArg)
            )
        }
        _ => "perintah tidak dapat dibaca".to_string(),
    };
    eprintln!("galat: {pesan}");
    eprintln!("Lihat `sinergi --help` atau `sinergi PERINTAH --help`.");
    ExitCode::from(2)
}

fn jalankan(cli: Cli) -> Result<ExitCode> {
    match cli.perintah {
        Perintah::Check => Ok(periksa(&cli.content, &cli.templates)),
        Perintah::Index { korpus } => {
            let konten = muat_konten(&cli.content)?;
            let meta = bangun(&konten, korpus.as_deref(), &cli.index)?;
            println!(
                "Indeks selesai: {} dokumen{} di {}",
                meta.dokumen,
                if meta.peraturan > 0 {
                    format!(
                        " ({} peraturan dari korpus, {} berkas dilewati)",
                        meta.peraturan, meta.dilewati
                    )
                } else {
                    String::new()
                },
                cli.index.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Perintah::Search {
            query,
            jenis,
            bidang,
            tahun,
            limit,
            json,
        } => {
            if let Some(j) = &jenis
                && j != PERATURAN
                && Koleksi::dari_slug(j).is_none()
            {
                bail!(
                    "--jenis `{j}` tidak dikenal; pilih regulasi, studi-kasus, templat, materi atau peraturan"
                );
            }
            let bidang = match bidang {
                None => None,
                Some(b) => Some(
                    Bidang::dari_slug(&b)
                        .or_else(|| Bidang::dari_label(&b))
                        .with_context(|| {
                            format!(
                                "--bidang `{b}` tidak dikenal; pilih dari: {}",
                                Bidang::daftar_label()
                            )
                        })?
                        .slug()
                        .to_string(),
                ),
            };
            if !(1..=100).contains(&limit) {
                bail!("--limit harus 1–100, bukan {limit}");
            }
            let (_, indeks) = siapkan(&cli.content, &cli.index, None, Periksa::Ukuran)?;
            let hasil = indeks
                .cari(&Permintaan {
                    q: query.clone(),
                    jenis,
                    bidang,
                    tahun,
                    limit,
                    offset: 0,
                })
                .context("pencarian gagal")?;
            if json {
                println!("{}", serde_json::to_string_pretty(&hasil)?);
            } else {
                cetak_hasil(&query, &hasil);
            }
            Ok(ExitCode::SUCCESS)
        }
        Perintah::Dokumen {
            jenis,
            contoh,
            json,
        } => {
            let konten = muat_konten(&cli.content)?;
            let mesin = muat_mesin(&konten, &cli.templates)?;
            match jenis {
                None => {
                    let daftar: Vec<serde_json::Value> = mesin
                        .daftar()
                        .map(|j| {
                            serde_json::json!({"id": j.id, "judul": j.judul, "tahap": j.tahap,
                                               "dasar_hukum": j.dasar_hukum, "versi": j.versi})
                        })
                        .collect();
                    if json {
                        println!("{}", serde_json::to_string_pretty(&daftar)?);
                    } else {
                        for j in mesin.daftar() {
                            println!("{:<42} {:<12} {}", j.id, j.tahap, j.judul);
                        }
                    }
                }
                Some(id) => {
                    let j = mesin
                        .jenis(&id)
                        .ok_or_else(|| DokumenError::TidakDikenal(id.clone()))?;
                    if contoh {
                        print!("{}", serde_yaml::to_string(&j.contoh())?);
                    } else if json {
                        println!("{}", serde_json::to_string_pretty(&j.formulir)?);
                    } else {
                        println!("{} ({})", j.judul, j.id);
                        cetak_kolom(&j.formulir, "");
                        println!("\nContoh isian lengkap: sinergi dokumen {id} --contoh");
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Perintah::Render {
            jenis,
            data,
            out,
            kertas,
            huruf,
        } => {
            let kertas = Kertas::dari(&kertas)
                .with_context(|| format!("--kertas `{kertas}` tidak dikenal; pilih a4 atau f4"))?;
            let teks = std::fs::read_to_string(&data)
                .with_context(|| format!("berkas isian {} tidak dapat dibaca", data.display()))?;
            let isian: serde_json::Value = if data.extension().is_some_and(|x| x == "json") {
                serde_json::from_str(&teks)
                    .with_context(|| format!("{}: JSON tidak valid", data.display()))?
            } else {
                sinergi::yaml::baca(&teks)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", data.display()))?
            };
            let konten = muat_konten(&cli.content)?;
            let mesin = muat_mesin(&konten, &cli.templates)?;
            match mesin.render(&jenis, &isian, &Opsi { kertas, huruf }) {
                Ok(pdf) => {
                    std::fs::write(&out, pdf)
                        .with_context(|| format!("{} tidak dapat ditulis", out.display()))?;
                    println!("PDF ditulis: {}", out.display());
                    Ok(ExitCode::SUCCESS)
                }
                Err(DokumenError::Isian(galat)) => {
                    for g in &galat {
                        eprintln!("{}: {g}", data.display());
                    }
                    eprintln!("{} masalah pada isian; PDF tidak dibuat.", galat.len());
                    Ok(ExitCode::FAILURE)
                }
                Err(e) => Err(e.into()),
            }
        }
        Perintah::Materi { jenis } => {
            if let MateriPerintah::Kit { contoh: true, .. } = &jenis {
                print!("{}", serde_yaml::to_string(&Acara::contoh())?);
                return Ok(ExitCode::SUCCESS);
            }
            let konten = muat_konten(&cli.content)?;
            let mesin = muat_mesin(&konten, &cli.templates)?;
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
                        println!("PDF ditulis: {}", p.display());
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Perintah::Serve { addr, korpus } => {
            let (konten, indeks) =
                siapkan(&cli.content, &cli.index, korpus.as_deref(), Periksa::Penuh)?;
            let mesin = muat_mesin(&konten, &cli.templates)?;
            let rt = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .context("runtime tokio")?;
            rt.block_on(sinergi::web::jalankan(
                addr,
                sinergi::web::Muatan {
                    konten,
                    indeks,
                    mesin,
                },
                sinergi::web::Folder {
                    content: cli.content.clone(),
                    index: cli.index.clone(),
                    templates: cli.templates.clone(),
                },
            ))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn periksa(content: &Path, templates: &Path) -> ExitCode {
    match konten::muat(content) {
        Ok(k) => {
            // Document types: layout present, wording parses, and the example renders.
            let mut gagal = 0;
            match Mesin::muat(&k, &templates.join("dokumen")) {
                Ok(mesin) => {
                    for m in &mesin.masalah {
                        println!("{m}");
                        gagal += 1;
                    }
                    for j in mesin.daftar() {
                        if let Err(e) = mesin.render(&j.id, &j.contoh(), &Opsi::default()) {
                            println!(
                                "content/templat/{}.md: contoh isian tidak menghasilkan PDF: {e}",
                                j.id
                            );
                            if let DokumenError::Isian(g) = &e {
                                for x in g {
                                    println!("  {x}");
                                }
                            }
                            gagal += 1;
                        }
                    }
                }
                Err(e) => {
                    println!("{e}");
                    gagal += 1;
                }
            }
            if gagal > 0 {
                eprintln!("{gagal} masalah ditemukan pada dokumen.");
                return ExitCode::FAILURE;
            }
            println!(
                "Konten valid: {} entri ({} regulasi, {} studi kasus, {} templat, {} materi), {} istilah.",
                k.semua().len(),
                k.koleksi(Koleksi::Regulasi).count(),
                k.koleksi(Koleksi::StudiKasus).count(),
                k.koleksi(Koleksi::Templat).count(),
                k.koleksi(Koleksi::Materi).count(),
                k.istilah.len()
            );
            ExitCode::SUCCESS
        }
        Err(KontenTidakSah(masalah)) => {
            for m in &masalah {
                println!("{m}");
            }
            eprintln!("{} masalah ditemukan.", masalah.len());
            ExitCode::FAILURE
        }
    }
}

fn muat_konten(content: &Path) -> Result<konten::Konten> {
    konten::muat(content).map_err(|KontenTidakSah(masalah)| {
        for m in &masalah {
            eprintln!("{m}");
        }
        anyhow::anyhow!(
            "konten tidak valid ({} masalah); perbaiki lalu jalankan lagi (`sinergi check`)",
            masalah.len()
        )
    })
}

/// Progress of an index build on stderr: a bar on a terminal, a line every 500 files otherwise.
struct Laporan {
    terminal: bool,
    bar: Option<ProgressBar>,
    selesai: u64,
    total: u64,
}

impl Laporan {
    fn baru() -> Laporan {
        Laporan {
            terminal: std::io::stderr().is_terminal(),
            bar: None,
            selesai: 0,
            total: 0,
        }
    }

    fn lapor(&mut self, k: Kemajuan) {
        match k {
            Kemajuan::Membangun(alasan) => eprintln!("{alasan}"),
            Kemajuan::Mulai(n) => {
                self.total = n;
                eprintln!("Mengindeks korpus: {n} berkas…");
                if self.terminal {
                    let b = ProgressBar::new(n);
                    b.set_style(
                        ProgressStyle::with_template("{bar:40} {pos}/{len} berkas ({eta} lagi)")
                            .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    );
                    self.bar = Some(b);
                }
            }
            Kemajuan::Maju => {
                self.selesai += 1;
                match &self.bar {
                    Some(b) => b.inc(1),
                    None if self.selesai.is_multiple_of(500) || self.selesai == self.total => {
                        eprintln!("  {}/{} berkas", self.selesai, self.total)
                    }
                    None => {}
                }
            }
            Kemajuan::Dilewati(g) => {
                let pesan = format!("dilewati: {g}");
                match &self.bar {
                    Some(b) => b.println(pesan),
                    None => eprintln!("{pesan}"),
                }
            }
        }
    }

    fn selesai(self) {
        if let Some(b) = self.bar {
            b.finish_and_clear();
        }
    }
}

fn bangun(
    konten: &konten::Konten,
    korpus: Option<&Path>,
    index_dir: &Path,
) -> Result<generasi::Meta> {
    let mut laporan = Laporan::baru();
    let meta = generasi::bangun(konten, korpus, index_dir, &mut |k| laporan.lapor(k))?;
    laporan.selesai();
    Ok(meta)
}

/// Loads the content and opens an index that matches it (see `generasi::siapkan`).
fn siapkan(
    content: &Path,
    index_dir: &Path,
    korpus: Option<&Path>,
    periksa: Periksa,
) -> Result<(konten::Konten, Indeks)> {
    let konten = muat_konten(content)?;
    let mut laporan = Laporan::baru();
    let indeks = generasi::siapkan(&konten, index_dir, korpus, periksa, &mut |k| {
        laporan.lapor(k)
    })?;
    laporan.selesai();
    Ok((konten, indeks))
}

fn teks_cuplikan(html: &str, terminal: bool) -> String {
    let (buka, tutup) = if terminal {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    html.replace("<b>", buka)
        .replace("</b>", tutup)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
        .replace('\n', " ")
}

fn cetak_hasil(q: &str, h: &Hasil) {
    let terminal = std::io::stdout().is_terminal();
    for (salah, benar) in &h.koreksi {
        println!("Ejaan dibetulkan: {salah} → {benar}");
    }
    println!("{} hasil untuk \"{q}\"", h.total);
    if !h.semua_kata {
        println!("(tidak ada yang memuat semua kata; ditampilkan yang memuat sebagian)");
    }
    for (i, hit) in h.hits.iter().enumerate() {
        println!();
        println!(
            "{:>2}. {}  [{}] {}  (skor {:.2})",
            i + 1,
            hit.judul,
            hit.jenis,
            hit.id,
            hit.skor
        );
        if !hit.ringkas.is_empty() {
            println!("    {}", hit.ringkas);
        }
        println!("    {}", teks_cuplikan(&hit.cuplikan, terminal));
    }
    let facet = |m: &std::collections::BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!();
    println!("Jenis: {}", facet(&h.facets.jenis));
    if !h.facets.bidang.is_empty() {
        println!("Bidang: {}", facet(&h.facets.bidang));
    }
}

fn tulis_pdf(out: &Path, pdf: Vec<u8>) -> Result<()> {
    std::fs::write(out, pdf).with_context(|| format!("{} tidak dapat ditulis", out.display()))?;
    println!("PDF ditulis: {}", out.display());
    Ok(())
}

fn muat_mesin(konten: &konten::Konten, templates: &Path) -> Result<Mesin> {
    let mesin = Mesin::muat(konten, &templates.join("dokumen"))?;
    for m in &mesin.masalah {
        eprintln!("peringatan: {m}");
    }
    Ok(mesin)
}

fn cetak_kolom(kolom: &[Kolom], awalan: &str) {
    for k in kolom {
        let wajib = if k.wajib { " (wajib)" } else { "" };
        let ulang = if k.ulang { ", berulang" } else { "" };
        println!(
            "  {awalan}{:<36} {}{ulang}{wajib} — {}",
            k.nama, k.jenis, k.label
        );
        if k.jenis == konten::JenisKolom::Grup {
            let anak = if k.ulang {
                format!("{awalan}{}[].", k.nama)
            } else {
                format!("{awalan}{}.", k.nama)
            };
            cetak_kolom(&k.kolom, &anak);
        }
    }
}
