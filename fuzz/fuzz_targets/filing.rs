//! See fuzz/README.md and `icp::fuzz::filing`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| icp::fuzz::filing(data));
