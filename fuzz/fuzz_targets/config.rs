//! See fuzz/README.md and `icp::fuzz::config`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| icp::fuzz::config(data));
