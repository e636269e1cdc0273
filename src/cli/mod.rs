//! The command line: arguments (`argumen`), help and mistakes in Indonesian (`bantuan`), one
//! function per command (`perintah`). Library policy (whether the index is fresh, what `check`
//! checks) lives in the library; this is the edge where errors become `anyhow` messages.

/// `println!` for command output: a closed pipe (`sinergi search … | head -1`) is an error
/// the command returns, which ends it quietly, rather than a panic.
macro_rules! tulis {
    () => {
        std::io::Write::write_all(&mut std::io::stdout().lock(), b"\n")?
    };
    ($($t:tt)+) => {
        std::io::Write::write_fmt(
            &mut std::io::stdout().lock(),
            format_args!("{}\n", format_args!($($t)+)),
        )?
    };
}

/// `print!` for command output, as [`tulis!`].
macro_rules! cetak {
    ($($t:tt)+) => {
        std::io::Write::write_fmt(&mut std::io::stdout().lock(), format_args!($($t)+))?
    };
}

mod akun;
mod argumen;
mod bantuan;
mod kemajuan;
mod perintah;

use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches};

use argumen::{Cli, Perintah};
use perintah::{Cari, Folder, Render};

/// Parses the command line; a mistake or a request for help ends here with its exit code.
pub fn urai() -> Result<Cli, ExitCode> {
    let perintah = bantuan::perintah_indonesia(Cli::command()).arg(
        clap::Arg::new("versi")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help("Tampilkan versi")
            .help_heading("Opsi"),
    );
    perintah
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
        .map_err(bantuan::galat_argumen)
}

/// Runs the command `cli` names.
pub fn jalankan(cli: Cli) -> Result<ExitCode> {
    let f = Folder {
        content: cli.content,
        index: cli.index,
        templates: cli.templates,
        zona: cli.zona_waktu,
        data: cli.data,
        database: cli.database,
    };
    match cli.perintah {
        Perintah::Check => perintah::check(&f),
        Perintah::Index { korpus } => perintah::index(&f, korpus.as_deref()),
        Perintah::Search {
            query,
            jenis,
            bidang,
            tahun,
            limit,
            json,
        } => perintah::search(
            &f,
            Cari {
                query,
                jenis,
                bidang,
                tahun,
                limit,
                json,
            },
        ),
        Perintah::Dokumen {
            jenis,
            contoh,
            json,
        } => perintah::dokumen(&f, jenis, contoh, json),
        Perintah::Render {
            jenis,
            data,
            out,
            format,
            kertas,
            huruf,
            margin,
        } => perintah::render(
            &f,
            Render {
                jenis,
                data,
                out,
                format,
                kertas,
                huruf,
                margin,
            },
        ),
        Perintah::Materi { jenis } => perintah::materi(&f, jenis),
        Perintah::Serve {
            addr,
            korpus,
            https_di_depan,
            url_publik,
            tanpa_unduhan_verifikasi,
        } => perintah::serve(
            &f,
            addr,
            korpus.as_deref(),
            sinergi::web::Layanan {
                https_di_depan,
                url_publik,
                unduhan_publik: !tanpa_unduhan_verifikasi,
            },
        ),
        Perintah::Pengguna { perintah: p } => akun::pengguna(&f, p),
        Perintah::Cadangan { out } => akun::cadangan(&f, &out),
        Perintah::Pulihkan { berkas } => akun::pulihkan(&f, &berkas),
    }
}
