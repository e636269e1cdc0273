//! Form field paths, one per line, resolved against every bundled form and set.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sinergi::fuzz::jalur(data));
