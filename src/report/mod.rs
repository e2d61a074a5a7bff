//! Reporters: findings in, text out. Every output format is rendered here and
//! nowhere else; the rules and the engine never format text.

pub mod batch;
pub mod checklist;
pub mod concise;
pub mod config;
pub mod github;
pub mod human;
pub mod json;
pub mod rules;
pub mod sarif;

use std::path::Path;

use rayon::prelude::*;

use crate::finding::{Finding, Severity};
use crate::validate::FileReport;

/// Totals over all files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Findings at error severity.
    pub errors: usize,
    /// Findings at warning severity.
    pub warnings: usize,
    /// Findings at info severity.
    pub infos: usize,
}

impl Summary {
    /// Counts the findings of the reports.
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for r in reports {
            s.errors += r.count(Severity::Error);
            s.warnings += r.count(Severity::Warning);
            s.infos += r.count(Severity::Info);
        }
        s
    }

    /// Whether the run fails: an error, or a warning under `--deny-warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.errors > 0 || (deny_warnings && self.warnings > 0)
    }
}

/// Renders each file's part of a report on all cores and joins the parts in
/// the files' order: a batch of thousands of filings with findings spends
/// as long rendering them as checking them.
pub fn per_file(reports: &[FileReport], render: impl Fn(&FileReport) -> String + Sync) -> String {
    reports
        .par_iter()
        .map(|r| {
            if r.findings.is_empty() {
                String::new()
            } else {
                render(r)
            }
        })
        .collect::<Vec<String>>()
        .concat()
}

/// 1-based line and column (in Unicode characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Where a finding points, 1-based, columns in Unicode characters; the end
/// is exclusive (the position just after the value), as SARIF and GitHub
/// read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// Line of the first character.
    pub line: usize,
    /// Column of the first character.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column just after the last character.
    pub end_column: usize,
}

/// The region of a finding in its file's text; `None` for a finding about the
/// whole file.
pub fn region(f: &Finding, text: &str) -> Option<Region> {
    let span = f.span.as_ref()?;
    let (line, column) = line_column(text, span.start);
    let (end_line, end_column) = line_column(text, span.end.max(span.start));
    Some(Region {
        line,
        column,
        end_line,
        end_column,
    })
}

/// A file's path as CI tools want it: relative to the current directory
/// (where CI runs, the repository's root) when it lies under it, with
/// forward slashes and without a leading `./`.
pub fn artifact_path(path: &Path) -> String {
    let relative = if path.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
    } else {
        None
    };
    let shown = json::display_path(relative.as_deref().unwrap_or(path));
    let mut rest = shown.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r.trim_start_matches('/');
    }
    rest.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_paths_are_relative_and_plain() {
        assert_eq!(
            artifact_path(Path::new("./a/b.filing.toml")),
            "a/b.filing.toml"
        );
        assert_eq!(artifact_path(Path::new("././a.toml")), "a.toml");
        assert_eq!(artifact_path(Path::new("a/../b.toml")), "a/../b.toml");
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(artifact_path(&cwd.join("x/filing.toml")), "x/filing.toml");
    }

    #[test]
    fn columns_count_characters() {
        let text = "a = 1\r\nname = \"示例\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        let at = text.find('"').unwrap();
        assert_eq!(line_column(text, at), (2, 8));
        let after = text.find("\"\n").unwrap();
        assert_eq!(line_column(text, after), (2, 11));
        assert_eq!(line_column(text, 10_000), (3, 1));
    }
}
