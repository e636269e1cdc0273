//! Search: the Indonesian analyzer, the index (schema, atomic builds) and queries.

pub mod analyzer;
pub mod cuplikan;
pub mod generasi;
pub mod index;
pub mod query;
