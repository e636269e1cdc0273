//! Help and command-line mistakes in Indonesian (clap's own words are English).

use std::process::ExitCode;

/// Help in Indonesian: headings and usage line, for every subcommand.
pub fn perintah_indonesia(c: clap::Command) -> clap::Command {
    let c = if c.has_subcommands() {
        c.subcommand_help_heading("Perintah")
            .subcommand_value_name("PERINTAH")
    } else {
        c
    };
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
pub fn galat_argumen(e: clap::Error) -> ExitCode {
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
        ErrorKind::ValueValidation => {
            // The option types say what they accept; their message follows the option's name.
            let nilai = konteks(ContextKind::InvalidValue);
            let sebab = match std::error::Error::source(&e) {
                Some(s) => sebab_nilai(s, &nilai),
                None => format!("nilai `{nilai}` tidak sah"),
            };
            format!("{}: {sebab}", konteks(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue => format!(
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

/// Why a value was refused. The option types of this crate say it in Indonesian already; the
/// standard library's number and address parsers say it in English, so theirs is said here.
fn sebab_nilai(s: &(dyn std::error::Error + 'static), nilai: &str) -> String {
    use std::num::IntErrorKind;
    if let Some(p) = s.downcast_ref::<std::num::ParseIntError>() {
        return match p.kind() {
            IntErrorKind::Empty => "tidak boleh kosong".to_string(),
            IntErrorKind::PosOverflow => format!("`{nilai}` terlalu besar"),
            _ => format!("harus bilangan bulat, bukan `{nilai}`"),
        };
    }
    if s.is::<std::net::AddrParseError>() {
        return format!("harus alamat IP dengan port, mis. 127.0.0.1:8080, bukan `{nilai}`");
    }
    s.to_string()
}
