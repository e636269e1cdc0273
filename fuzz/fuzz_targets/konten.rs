//! One content file (front-matter and body) split, loaded and checked; the first byte picks the collection.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sinergi::fuzz::konten(data));
