//! See fuzz/README.md and `icp::fuzz::rule_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| icp::fuzz::rule_file(data));
