//! What the integration tests share: the binary with a clean environment,
//! the shipped examples and their scans.

use std::path::Path;
use std::time::Duration;

/// `icp` with no language or colour from the environment, run from the
/// repository root.
pub fn icp() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("icp").unwrap();
    cmd.env_remove("ICP_LANG")
        .env_remove("LC_ALL")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The text of `examples/<name>.filing.toml`.
pub fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/examples/{name}.filing.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Copies the examples' scans into `dir/scans`, so that a filing written
/// into `dir` has every document file it declares.
pub fn copy_example_scans(dir: &Path) {
    let scans = dir.join("scans");
    std::fs::create_dir_all(&scans).unwrap();
    let from = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/scans");
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), scans.join(entry.file_name())).unwrap();
    }
}

/// Every `*.filing.toml` under `examples/`, as absolute paths, sorted.
pub fn example_files() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_string_lossy().ends_with(".filing.toml") {
                out.push(path);
            }
        }
    }
    out.sort();
    assert!(out.len() > 60, "examples not found");
    out
}

/// The temporary files `icp` writes before a rename (`.icp-*`) left in
/// `dir`: a write that was stopped must leave none.
pub fn temporary_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".icp-"))
        .collect()
}

/// Stops `child` with SIGTERM, SIGHUP or SIGINT (the `i`-th run's, in turn)
/// after a pseudo-random wait of up to `within` (xorshift on `rng`, so a
/// failing run can be replayed), and waits for it to end.
pub fn interrupt(child: &mut std::process::Child, rng: &mut u64, within: Duration, i: usize) {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    let micros = u64::try_from(within.as_micros()).unwrap_or(u64::MAX).max(1);
    std::thread::sleep(Duration::from_micros(*rng % micros));
    let signal = ["-TERM", "-HUP", "-INT"][i % 3];
    let _ = std::process::Command::new("kill")
        .arg(signal)
        .arg(child.id().to_string())
        .status();
    let _ = child.wait();
}
