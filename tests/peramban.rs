//! Browser tests (feature `peramban`).
