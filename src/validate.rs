//! Validating files and directories: finding the filings, reading them,
//! running the rules on all cores, and collecting results in a stable order.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::facts::Scans;
use crate::filing::{self, Loaded};
use crate::finding::{Finding, Severity};
use crate::rules::RuleSet;
use crate::rules::engine::Dates;

/// The result for one file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given or found.
    pub path: PathBuf,
    /// The filing's province code, when known.
    pub province: Option<&'static str>,
    /// The subject's nature, when known (for the summary of a batch).
    pub nature: Option<crate::filing::Nature>,
    /// The source text, kept only when there are findings to show.
    pub text: String,
    /// Findings, sorted by position.
    pub findings: Vec<Finding>,
}

impl FileReport {
    /// Findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }
}

/// A path that could not be used (exit 2).
#[derive(Debug)]
pub struct PathError {
    /// The path.
    pub path: PathBuf,
    /// Why.
    pub message: String,
}

/// Whether a file name is that of a filing (`filing.toml`, `*.filing.toml`).
pub fn is_filing_name(name: &str) -> bool {
    name == "filing.toml" || (name.ends_with(".filing.toml") && name.len() > ".filing.toml".len())
}

/// The filing files under the given paths: files named on the command line
/// whatever their name (except scans, `.jpg`/`.jpeg`, which stand for the
/// filings that declare them: see [`crate::scans::declaring`]), and in
/// directories (recursively, symlinks not
/// followed, hidden directories and `target/` skipped) the files with a
/// filing's name, each directory's in name order.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(PathError {
                path: path.clone(),
                message: e.to_string(),
            }),
            Ok(meta) if meta.is_dir() => {
                let walker = walkdir::WalkDir::new(path)
                    .follow_links(false)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0
                            || !(e.file_type().is_dir()
                                && skipped_dir(&e.file_name().to_string_lossy()))
                    });
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            if is_filing_name(&e.file_name().to_string_lossy()) {
                                files.push(e.into_path());
                            }
                        }
                        Ok(_) => {}
                        Err(e) => errors.push(PathError {
                            path: e.path().map_or_else(|| path.clone(), Path::to_path_buf),
                            message: e.to_string(),
                        }),
                    }
                }
            }
            // A scan (pre-commit passes the changed ones) stands for the
            // filings that declare it.
            Ok(_) if crate::scans::is_scan(path) => files.extend(crate::scans::declaring(path)),
            Ok(_) => files.push(path.clone()),
        }
    }
    // A filing named twice, or named and declaring a named scan, is checked once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    (files, errors)
}

fn skipped_dir(name: &str) -> bool {
    name.starts_with('.') || name == "target"
}

/// Reads a file, refusing to read more than the filing limit: a larger file
/// becomes a `file-too-large` finding without being read.
pub(crate) fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let limit = filing::load::MAX_FILING_BYTES as u64;
    // The size is a hint (the file may change while it is read): it saves
    // growing the buffer step by step.
    let hint = file.metadata().map_or(0, |m| m.len()).min(limit + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0) + 1);
    // Read one byte past the limit so the loader sees the file is too big.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Loads and checks one file.
pub fn file(rules: &RuleSet, path: &Path, dates: Dates) -> Result<FileReport, PathError> {
    let bytes = read_bounded(path).map_err(|e| PathError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let loaded = filing::load(bytes);
    // Its documents' files are relative to its directory.
    let scans = path.parent().map(crate::scans::Disk::new);
    let findings = rules.check_in(&loaded, dates, scans.as_ref().map(|s| s as &dyn Scans));
    Ok(FileReport {
        path: path.to_path_buf(),
        province: loaded.filing.province().map(|p| p.code),
        nature: loaded.filing.nature(),
        text: if findings.is_empty() {
            String::new()
        } else {
            loaded.text
        },
        findings,
    })
}

/// Loads and checks a filing given as bytes.
pub fn bytes_report(
    rules: &RuleSet,
    bytes: impl Into<Vec<u8>>,
    dates: Dates,
) -> (Loaded, Vec<Finding>) {
    let loaded = filing::load(bytes);
    let findings = rules.check(&loaded, dates);
    (loaded, findings)
}

/// Checks files in parallel; results keep the order of `paths`.
pub fn files(
    rules: &RuleSet,
    paths: &[PathBuf],
    dates: Dates,
) -> Vec<Result<FileReport, PathError>> {
    files_with_progress(rules, paths, dates, &|| {})
}

/// [`files`], calling `done` once as each file is finished (from the worker
/// threads, in no particular order): the binary moves a progress bar with it.
/// `done` must be cheap; it runs once per file on the validation's hot path.
pub fn files_with_progress(
    rules: &RuleSet,
    paths: &[PathBuf],
    dates: Dates,
    done: &(dyn Fn() + Sync),
) -> Vec<Result<FileReport, PathError>> {
    let check = |path: &PathBuf| {
        let result = file(rules, path, dates);
        done();
        result
    };
    // One filing (a pre-commit hook's usual call) is checked on this
    // thread: starting the thread pool would cost more than it saves.
    match paths {
        [path] => vec![check(path)],
        _ => paths.par_iter().map(check).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filing_names() {
        assert!(is_filing_name("filing.toml"));
        assert!(is_filing_name("acme.filing.toml"));
        assert!(!is_filing_name(".filing.toml"));
        assert!(!is_filing_name("filing.toml.bak"));
        assert!(!is_filing_name("Cargo.toml"));
    }
}
