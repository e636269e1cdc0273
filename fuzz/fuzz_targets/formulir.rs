//! JSON checked against a bundled document form; the first byte picks the form.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sinergi::fuzz::formulir(data));
