//! Sinergi: a knowledge base and document service for kerja sama desa.
//!
//! `konten` loads and validates the curated Markdown collections, `korpus` reads the full texts of
//! national regulations, `search` builds and queries the tantivy index, `web` serves it all.

pub mod dokumen;
pub mod format;
pub mod konten;
pub mod korpus;
pub mod pelatihan;
pub mod search;
pub mod web;
pub mod yaml;
