//! Query splitting and search on a small index of the bundled content.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sinergi::fuzz::cari(data));
