//! Sinergi: a knowledge base and document service for kerja sama desa.
//!
//! The public surface is what the `sinergi` binary, the benchmarks and the tests use:
//!
//! - [`konten`]: [`konten::muat`] loads and validates a content tree into [`konten::Konten`]
//!   (entries, [`konten::Koleksi`], the form schema [`konten::Kolom`]); problems as
//!   [`konten::KontenTidakSah`].
//! - [`periksa::periksa`]: what `sinergi check` checks (content, and every document example
//!   rendered).
//! - [`search`]: [`search::generasi`] builds, verifies and opens index generations
//!   (`siapkan` decides whether the index is fresh); [`search::Indeks::cari`] answers a
//!   [`search::query::Permintaan`] with a [`search::query::Hasil`].
//! - [`dokumen`]: [`dokumen::Mesin`] renders a document type's PDF from form data, with
//!   [`dokumen::Opsi`] (paper, font).
//! - [`pelatihan`]: handout, slides and event kit for a sosialisasi.
//! - [`opsi`]: request options parsed once for the CLI and the web (collection, bidang, year,
//!   paper, font, time zone).
//! - [`web`]: [`web::jalankan`] serves pages and the JSON API; [`web::api`] holds the JSON
//!   shapes (also printed by `--json`).
//! - [`yaml`]: YAML from users, read with anchors and aliases refused.
//! - [`json`]: JSON from users, its syntax errors said in Indonesian with line and column.
//! - [`berkas`]: files named by a user, read up to a limit, with errors in Indonesian.
//!
//! Everything else is `pub(crate)`: Indonesian formatting (`format`), the full-text corpus reader
//! (`korpus`), the analyzer and snippets inside `search`, forms and layouts inside `dokumen`.

/// Typesetting and ranking allocate many small, short-lived values: mimalloc serves them faster
/// than the system allocator (figures in the README's Performance section).
#[global_allocator]
static ALOKATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod akun;
pub mod berkas;
pub mod desa;
pub mod dokumen;
pub mod draf;
pub mod format;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzz;
pub mod json;
pub mod konten;
pub(crate) mod korpus;
pub mod opsi;
pub mod pelatihan;
pub mod periksa;
pub mod register;
pub mod search;
pub mod simpan;
pub mod terbit;
#[cfg(test)]
mod uji_sifat;
pub mod web;
pub mod wilayah;
pub mod yaml;
