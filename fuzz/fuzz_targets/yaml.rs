//! User YAML read with anchors and aliases refused.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sinergi::fuzz::yaml(data));
