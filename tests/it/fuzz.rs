//! The inputs that once made a fuzz target (`fuzz/`) crash, replayed on
//! stable: each file of `tests/fuzz/<target>/` runs through the function
//! the target runs (`icp::fuzz::<target>`), which must return.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    inputs.sort();
    for input in inputs {
        let bytes = std::fs::read(&input).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} panics", input.display());
    }
}

#[test]
fn filing_inputs() {
    replay("filing", icp::fuzz::filing);
}

#[test]
fn rule_file_inputs() {
    replay("rule_file", icp::fuzz::rule_file);
}

#[test]
fn config_inputs() {
    replay("config", icp::fuzz::config);
}
