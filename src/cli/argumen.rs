//! The command line's arguments: commands and options, with typed values parsed by the
//! library's own option types.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use sinergi::dokumen::{Format, Huruf, Kertas, Margin};
use sinergi::konten::Bidang;
use sinergi::opsi::{Jenis, Tahun, Zona};

#[derive(Parser)]
#[command(
    name = "sinergi",
    version,
    about = "Basis pengetahuan dan layanan kerja sama desa",
    long_about = "Sinergi: basis pengetahuan kerja sama desa (regulasi, studi kasus, templat, materi) \
                  yang dapat dicari, lewat baris perintah dan layanan web.",
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Folder konten (Markdown dengan front-matter YAML)
    #[arg(long, global = true, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// Folder indeks pencarian
    #[arg(long, global = true, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Folder templat (HTML dan tata letak dokumen di dokumen/)
    #[arg(long, global = true, default_value = "templates", value_name = "DIR")]
    pub templates: PathBuf,
    /// Zona waktu desa untuk tanggal dokumen: WIB, WITA atau WIT
    #[arg(
        long,
        global = true,
        default_value = "WIB",
        env = "SINERGI_ZONA_WAKTU",
        value_name = "ZONA"
    )]
    pub zona_waktu: Zona,
    /// Folder data (basis data SQLite `sinergi.db`, dibuat bila belum ada)
    #[arg(long, global = true, default_value = "data", value_name = "DIR")]
    pub data: PathBuf,
    /// Basis data PostgreSQL (postgres://…) sebagai ganti SQLite di folder data
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database: Option<String>,
    #[command(subcommand)]
    pub perintah: Perintah,
}

#[derive(Subcommand)]
pub enum Perintah {
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
        jenis: Option<Jenis>,
        /// Bidang kerja sama (slug atau label)
        #[arg(long)]
        bidang: Option<Bidang>,
        /// Tahun
        #[arg(long)]
        tahun: Option<Tahun>,
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
    /// Buat PDF (atau DOCX yang dapat disunting) dari isian (YAML atau JSON)
    Render {
        /// Jenis dokumen
        jenis: String,
        /// Berkas isian: .yaml, .yml atau .json
        #[arg(long, value_name = "BERKAS")]
        data: PathBuf,
        /// Berkas yang ditulis: .pdf, atau .docx untuk salinan yang dapat disunting
        #[arg(long, value_name = "BERKAS")]
        out: PathBuf,
        /// pdf atau docx (bawaan: menurut akhiran --out, selain itu pdf)
        #[arg(long)]
        format: Option<Format>,
        /// Ukuran kertas: a4 atau f4
        #[arg(long, default_value = "a4")]
        kertas: Kertas,
        /// Huruf: bookman, times atau arial
        #[arg(long, default_value = "bookman")]
        huruf: Huruf,
        /// Margin dalam milimeter, atas,bawah,kiri,kanan (masing-masing 10–60), mis. 30,30,40,30;
        /// tanpa opsi ini, margin baku jenis dokumennya
        #[arg(long, value_name = "ATAS,BAWAH,KIRI,KANAN")]
        margin: Option<Margin>,
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
        /// Ada proksi TLS di depan: kuki sesi diberi tanda Secure
        #[arg(long)]
        https_di_depan: bool,
        /// Alamat publik situs (mis. https://sinergi.garutkab.go.id) untuk kode QR dokumen terbit
        #[arg(long, value_name = "URL")]
        url_publik: Option<String>,
        /// Halaman verifikasi tidak menawarkan unduhan PDF yang diterbitkan
        #[arg(long)]
        tanpa_unduhan_verifikasi: bool,
    },
    /// Akun pengguna: admin (kabupaten) dan operator (desa)
    Pengguna {
        #[command(subcommand)]
        perintah: PenggunaPerintah,
    },
    /// Cadangan basis data SQLite yang konsisten, juga saat server berjalan
    Cadangan {
        /// Berkas cadangan yang ditulis (belum boleh ada)
        #[arg(long, value_name = "BERKAS")]
        out: PathBuf,
    },
    /// Pulihkan cadangan ke folder data yang kosong (--data)
    Pulihkan {
        /// Berkas cadangan
        berkas: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum PenggunaPerintah {
    /// Buat akun; kata sandi sekali pakai dicetak (atau dibaca dari stdin dengan --sandi-stdin)
    Tambah {
        /// Nama pengguna untuk masuk (huruf kecil, angka, . _ -)
        nama: String,
        /// admin (satu kabupaten) atau operator (satu desa)
        #[arg(long)]
        peran: String,
        /// Kode kabupaten Kemendagri, untuk admin (mis. 32.05)
        #[arg(long, value_name = "KODE", conflicts_with = "desa")]
        kabupaten: Option<String>,
        /// Kode desa Kemendagri, untuk operator (mis. 32.05.03.2001)
        #[arg(long, value_name = "KODE")]
        desa: Option<String>,
        /// Baca kata sandi dari baris pertama stdin alih-alih membuatnya
        #[arg(long)]
        sandi_stdin: bool,
    },
    /// Daftar akun
    Daftar,
    /// Nonaktifkan akun: tidak dapat masuk lagi, sesi dan tokennya berhenti
    Nonaktif { nama: String },
}

/// Event details for the cover, from a file or options.
#[derive(clap::Args, Clone)]
pub struct OpsiAcara {
    /// Berkas acara.yaml (lihat `sinergi materi kit --contoh`)
    #[arg(long, value_name = "BERKAS")]
    pub acara: Option<PathBuf>,
    /// Nama acara (menimpa berkas acara)
    #[arg(long)]
    pub nama_acara: Option<String>,
    /// Penyelenggara
    #[arg(long)]
    pub penyelenggara: Option<String>,
    /// Tempat
    #[arg(long)]
    pub tempat: Option<String>,
    /// Tanggal (TTTT-BB-HH); tanpa tanggal dan tanpa --acara, modul dan slide umum tanpa acara
    #[arg(long)]
    pub tanggal: Option<String>,
    /// Lama acara dalam menit (mis. 420 untuk 08.00–15.00): slide dan tes memuat modul, menurut
    /// urutan, yang muat; menimpa `durasi` pada berkas acara
    #[arg(long, value_name = "MENIT")]
    pub durasi: Option<u32>,
    /// Ukuran kertas: a4 atau f4 (modul dan kit)
    #[arg(long, default_value = "a4")]
    pub kertas: Kertas,
    /// Huruf: bookman, times atau arial
    #[arg(long, default_value = "bookman")]
    pub huruf: Huruf,
}

#[derive(Subcommand)]
pub enum MateriPerintah {
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
