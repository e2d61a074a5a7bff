//! The binary as data: each `tests/cmd/*.toml` is one run of `icp` (its
//! arguments, and environment when it matters) with the exit code it must
//! give; its stdout and stderr are inline (`stdout = "…"`) or in
//! `<case>.stdout` / `<case>.stderr` beside it. A new behaviour is a new case
//! file; `TRYCMD=overwrite cargo test --test it cmd` rewrites the expected
//! output of the cases that differ (review it with `git diff`).
//!
//! Runs that need more than arguments — a temporary project, a terminal, a
//! property checked over many runs — stay Rust tests in the other modules.

use std::path::{Path, PathBuf};

const CASES: &str = "tests/cmd";

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("icp", Path::new(env!("CARGO_BIN_EXE_icp")))
        // icp reads its language from ICP_LANG, LC_ALL and LANG, the width
        // of tables from COLUMNS, and takes an empty value for an absent one:
        // a case's output depends on its own arguments and environment only.
        .env("ICP_LANG", "")
        .env("LC_ALL", "")
        .env("LANG", "")
        .env("COLUMNS", "")
        .env("NO_COLOR", "1")
        .case(format!("{CASES}/*.toml"));
}

/// Every case runs `icp` and pins both of its streams, so a case cannot
/// pass by checking nothing: trycmd skips a stream with no expectation.
#[test]
fn every_case_pins_its_output() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(CASES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "only {} cases in {CASES}", cases.len());
    let mut problems = Vec::new();
    for path in &cases {
        let text = std::fs::read_to_string(path).unwrap();
        let case: toml_edit::DocumentMut = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if case.get("bin").and_then(|b| b.get("name")?.as_str()) != Some("icp") {
            problems.push(format!("{}: bin.name is not \"icp\"", path.display()));
        }
        for stream in ["stdout", "stderr"] {
            if case.get(stream).is_none() && !path.with_extension(stream).is_file() {
                problems.push(format!("{}: nothing says what {stream} is", path.display()));
            }
        }
    }
    // Expected output without its case.
    for entry in std::fs::read_dir(CASES).unwrap() {
        let path = entry.unwrap().path();
        if !path.with_extension("toml").is_file() {
            problems.push(format!("{}: no case", path.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
