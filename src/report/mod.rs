//! Reporters: findings in, text out. Every output format is rendered here and
//! nowhere else; the rules and the engine never format text.

pub mod batch;
pub mod book;
pub mod change;
pub mod checklist;
pub mod concise;
pub mod config;
pub mod github;
pub mod human;
pub mod json;
pub mod prose;
pub mod rules;
pub mod sarif;

use std::path::Path;

use rayon::prelude::*;

use crate::finding::{Finding, RuleMeta, Severity};
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

/// A rule's sources' titles and dates, for the terminal (`icp explain` and
/// JSON give the URLs).
pub fn source_titles(rule: &RuleMeta) -> String {
    rule.sources
        .iter()
        .map(|s| match s.date.as_ref() {
            Some(date) => format!("{} ({date})", s.title),
            None => s.title.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A rule's sources as one line for reports: title, URL and date of each.
pub fn source_line(rule: &RuleMeta) -> String {
    rule.sources
        .iter()
        .map(|s| {
            let mut line = s.title.clone();
            if let Some(url) = &s.url {
                line.push_str(&format!(" <{url}>"));
            }
            if let Some(date) = s.date.as_ref().or(s.checked.as_ref()) {
                line.push_str(&format!(" ({date})"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("; ")
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

/// Findings built by hand, for the reporters' tests: no rule set needed.
#[cfg(test)]
pub(crate) mod testing {
    use std::path::PathBuf;
    use std::sync::Arc;

    use crate::finding::{Finding, KindName, Origin, RuleMeta, Severity, Source};
    use crate::lang::Text;
    use crate::validate::FileReport;

    /// A filing with one value worth a finding.
    pub const TEXT: &str = "[subject]\nmobile = \"1380013800\"\n";

    /// A rule with a message and help that name `{value}`, and one source.
    pub fn rule(id: &str, severity: Severity) -> Arc<RuleMeta> {
        let origin = Origin {
            file: Arc::from("rules/national.yaml"),
            line: 7,
            province: None,
        };
        let mut rule = RuleMeta::new(
            id,
            severity,
            KindName::Check,
            Text::new(
                "手机号 {value} 不是 11 位",
                "mobile {value} is not 11 digits",
            ),
            Text::new("写 11 位手机号", "write 11 digits"),
            origin,
        );
        rule.summary = Some(Arc::new(Text::new("手机号有效", "a valid mobile")));
        rule.sources = vec![Arc::new(Source {
            title: "MIIT".into(),
            url: Some("https://beian.miit.gov.cn/".into()),
            date: Some("2026-01-01".into()),
            kind: Some(crate::finding::SourceKind::Regulation),
            ..Source::default()
        })];
        Arc::new(rule)
    }

    /// A finding of `rule` at the mobile's value (or, with `whole_file`,
    /// about the file).
    pub fn finding(rule: Arc<RuleMeta>, whole_file: bool) -> Finding {
        let start = TEXT.find("\"1380").unwrap_or(0);
        Finding {
            rule,
            span: (!whole_file).then(|| start..start + "\"1380013800\"".len()),
            path: if whole_file {
                String::new()
            } else {
                "subject.mobile".into()
            },
            args: vec![("value", "1380013800".into())],
            facts: Vec::new(),
        }
    }

    /// One file's report.
    pub fn report(findings: Vec<Finding>) -> FileReport {
        FileReport {
            path: PathBuf::from("clients/a.filing.toml"),
            province: Some("gd"),
            nature: None,
            text: TEXT.into(),
            findings,
            across: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_read_as_one_line() {
        let rule = testing::rule("mobile-format", Severity::Error);
        assert_eq!(source_titles(&rule), "MIIT (2026-01-01)");
        assert_eq!(
            source_line(&rule),
            "MIIT <https://beian.miit.gov.cn/> (2026-01-01)"
        );
    }

    #[test]
    fn regions_count_from_one_and_end_after_the_value() {
        let f = testing::finding(testing::rule("mobile-format", Severity::Error), false);
        let r = region(&f, testing::TEXT).unwrap();
        assert_eq!((r.line, r.column, r.end_line, r.end_column), (2, 10, 2, 22));
        let whole = testing::finding(f.rule.clone(), true);
        assert_eq!(region(&whole, testing::TEXT), None);
    }

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
