//! Search: the Indonesian analyzer, the index (schema, generations on disk) and queries.

mod analyzer;
mod cocok;
mod cuplikan;
mod dekat;
pub mod generasi;
mod hitung;
mod indeks;
pub(crate) mod index;
mod ordinal;
mod pangkas;
pub(crate) mod penyusun;
mod peraturan;
mod peringkat;
pub mod query;

pub use cocok::Pencocok;
pub use cuplikan::Cuplikan;
pub use indeks::Indeks;
pub use index::IndexError;
