//! Validating filings: reading them, running the rules on all cores, and
//! collecting results in a stable order. Which files those are is
//! [`crate::discover`]'s business.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::discover::{PathError, read_bounded};
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

/// Loads and checks one file.
pub fn file(rules: &RuleSet, path: &Path, dates: Dates) -> Result<FileReport, PathError> {
    let bytes = read_bounded(path).map_err(|e| PathError {
        path: path.to_path_buf(),
        message: crate::i18n::io_error(&e),
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

/// The findings of the rules on one field of a draft (a dotted path such as
/// `subject.principal.id_number`, and anything below it) when it is checked
/// as a filing whose documents are relative to `dir`: how the wizard checks
/// each answer with the rules `validate` runs.
pub fn draft_field(
    rules: &RuleSet,
    draft: &crate::filing::draft::Draft,
    dates: Dates,
    dir: Option<&Path>,
    path: &str,
) -> Vec<Finding> {
    use crate::filing::draft::{Mode, is_within};
    let loaded = filing::load(draft.render(Mode::Filing));
    let scans = dir.map(crate::scans::Disk::new);
    rules
        .check_in(&loaded, dates, scans.as_ref().map(|s| s as _))
        .into_iter()
        .filter(|f| is_within(&f.path, path))
        .collect()
}
