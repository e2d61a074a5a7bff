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
    /// What the rules across filings compare ([`across`]); `None` when the
    /// file was not parsed.
    pub across: Option<crate::rules::across::Entry>,
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
    let across = loaded
        .parsed
        .then(|| crate::rules::across::Entry::of(rules, &loaded, path, dates));
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
        across,
    })
}

/// The findings of the rules across filings ([`crate::rules::across`]),
/// once every file was checked: one report per file that has any, in the
/// order of `reports`, holding only those findings (and the file's text
/// when a finding points into it). A renderer that streams each file's
/// report as it is checked shows these after every file.
pub fn across(rules: &RuleSet, reports: &[FileReport]) -> Vec<FileReport> {
    across_at(rules, reports)
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

/// [`across`], each report with the index of its file in `reports`.
pub fn across_at(rules: &RuleSet, reports: &[FileReport]) -> Vec<(usize, FileReport)> {
    let entries: Vec<crate::rules::across::Entry> =
        reports.iter().filter_map(|r| r.across.clone()).collect();
    let at: Vec<usize> = reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.across.is_some())
        .map(|(i, _)| i)
        .collect();
    crate::rules::across::check(rules, &entries)
        .into_iter()
        .map(|(e, findings)| {
            let report = &reports[at[e]];
            let text = if report.text.is_empty() {
                read_bounded(&report.path)
                    .map(|b| filing::load(b).text)
                    .unwrap_or_default()
            } else {
                report.text.clone()
            };
            let extra = FileReport {
                path: report.path.clone(),
                province: report.province,
                nature: report.nature,
                text,
                findings,
                across: None,
            };
            (at[e], extra)
        })
        .collect()
}

/// [`across_at`] over what was kept of each file as the files went by
/// (their [`crate::rules::across::Entry`], not their reports): one report
/// per entry that has findings, with the index of its entry. A finding's
/// file is read again for its text.
pub fn across_entries(
    rules: &RuleSet,
    entries: &[crate::rules::across::Entry],
) -> Vec<(usize, FileReport)> {
    crate::rules::across::check(rules, entries)
        .into_iter()
        .map(|(e, findings)| {
            let entry = &entries[e];
            let text = read_bounded(&entry.path)
                .map(|b| filing::load(b).text)
                .unwrap_or_default();
            let report = FileReport {
                path: entry.path.clone(),
                province: entry.province().map(|p| p.code),
                nature: entry.nature(),
                text,
                findings,
                across: None,
            };
            (e, report)
        })
        .collect()
}

/// [`across`], its findings added to each file's report (re-sorted by
/// position): how `validate` reports them when it shows every file at the
/// end.
pub fn add_across(rules: &RuleSet, reports: &mut [FileReport]) {
    for (i, next) in across_at(rules, reports) {
        let report = &mut reports[i];
        if report.text.is_empty() {
            report.text = next.text;
        }
        report.findings.extend(next.findings);
        report.findings.sort_by(|a, b| {
            let key = |f: &Finding| f.span.as_ref().map(|s| (s.start, s.end));
            key(a).cmp(&key(b)).then_with(|| a.rule.id.cmp(&b.rule.id))
        });
    }
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
    let loaded = filing::load(draft.render(Mode::Filing, crate::Lang::Zh));
    let scans = dir.map(crate::scans::Disk::new);
    rules
        .check_in(&loaded, dates, scans.as_ref().map(|s| s as _))
        .into_iter()
        .filter(|f| is_within(&f.path, path))
        .collect()
}
