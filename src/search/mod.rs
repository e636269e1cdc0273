//! Search: the Indonesian analyzer, the index (schema, generations on disk) and queries.

mod analyzer;
mod cuplikan;
pub mod generasi;
mod indeks;
pub mod index;
mod penyusun;
pub mod query;

pub use cuplikan::Cuplikan;
pub use indeks::Indeks;
