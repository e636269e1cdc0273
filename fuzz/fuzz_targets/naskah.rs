//! Markdown to blocks; escaped text prints as written.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sinergi::fuzz::naskah(data));
