//! Uploaded image bytes checked, decoded and scaled.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sinergi::fuzz::gambar(data));
