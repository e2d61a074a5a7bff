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
pub mod snippet;
pub mod words;

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
    /// Findings `icp fix` repairs (left out of JSON when there are none).
    #[serde(skip_serializing_if = "is_zero")]
    pub fixable: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
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
            s.fixable += r.findings.iter().filter(|f| f.fixable()).count();
        }
        s
    }

    /// Adds the totals of another batch of files.
    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.fixable += other.fixable;
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

/// 1-based line and column (in Unicode characters) of a byte offset. Reads
/// the text up to the offset: a reporter asking about many findings of one
/// file uses [`Lines`], which reads the text once.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    Lines::new(text).line_column(offset)
}

/// Where the lines of a text start, and how many characters come before
/// every 1,024th byte: the line and column of any offset in logarithmic
/// time plus at most a kilobyte read, so that the positions of a file's
/// findings cost what the file's size does, however many findings it has
/// and however long its lines.
pub struct Lines<'a> {
    text: &'a str,
    /// The byte offset of each line's first character.
    starts: Vec<usize>,
    /// For each block of [`BLOCK`] bytes, the characters before its first
    /// character boundary, and that boundary: counted on first need (a
    /// column past the first kilobyte of a line of wide characters).
    marks: std::sync::OnceLock<Vec<(usize, usize)>>,
    /// Whether every character is one byte.
    ascii: bool,
    /// Whether a carriage return stands without a line feed after it.
    lone_cr: bool,
}

/// The bytes between two marks of [`Lines`].
const BLOCK: usize = 1024;

impl<'a> Lines<'a> {
    /// Reads the text once (where its lines start).
    pub fn new(text: &'a str) -> Lines<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        Lines {
            text,
            starts,
            marks: std::sync::OnceLock::new(),
            ascii: text.is_ascii(),
            // Most files have no carriage return at all.
            lone_cr: memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n')),
        }
    }

    /// The marks of [`Lines::marks`], counted once.
    fn marks(&self) -> &[(usize, usize)] {
        self.marks.get_or_init(|| {
            let text = self.text;
            let mut marks = Vec::with_capacity(text.len() / BLOCK + 1);
            let mut chars = 0;
            let mut at = 0;
            for block in 0..=text.len() / BLOCK {
                let mut boundary = (block * BLOCK).min(text.len());
                while !text.is_char_boundary(boundary) {
                    boundary += 1;
                }
                chars += text[at..boundary].chars().count();
                at = boundary;
                marks.push((boundary, chars));
            }
            marks
        })
    }

    /// The text the lines are of.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Whether a carriage return stands without a line feed after it.
    pub fn has_lone_cr(&self) -> bool {
        self.lone_cr
    }

    /// The 0-based line of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }

    /// The bytes of lines `first` to `last` (0-based, inclusive; clipped to
    /// the text), line feed included.
    pub fn line_range(&self, first: usize, last: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(first).copied().unwrap_or(self.text.len());
        let end = self
            .starts
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len());
        start..end.max(start)
    }

    /// Characters before a byte offset (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let marks = self.marks();
        let i = marks.partition_point(|(b, _)| *b <= offset);
        let (boundary, chars) = marks[i.saturating_sub(1)];
        chars + self.text[boundary..offset].chars().count()
    }

    /// 1-based line and column (in Unicode characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The lines that start at or before the offset.
        let line = self.starts.partition_point(|s| *s <= offset);
        let start = self.starts[line - 1];
        let column = if self.ascii {
            offset - start
        } else if offset - start < BLOCK {
            self.text[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line, column + 1)
    }

    /// The region of a finding in the text; `None` for a finding about the
    /// whole file.
    pub fn region(&self, f: &Finding) -> Option<Region> {
        let span = f.span.as_ref()?;
        let (line, column) = self.line_column(span.start);
        let (end_line, end_column) = self.line_column(span.end.max(span.start));
        Some(Region {
            line,
            column,
            end_line,
            end_column,
        })
    }
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
/// whole file. Reads the text: for many findings of one file, see [`Lines`].
pub fn region(f: &Finding, text: &str) -> Option<Region> {
    Lines::new(text).region(f)
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
    rule.source_line().to_owned()
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
            fix: None,
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

    /// The index agrees with reading the text from its start, on long lines
    /// of mixed widths too.
    #[test]
    fn the_line_index_agrees_with_counting() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(["a", "示", "😀", "\n", "ab\r\n", "é"][i % 6]);
            if i % 1000 == 999 {
                text.push_str(&"备x".repeat(900));
            }
        }
        let lines = Lines::new(&text);
        for offset in (0..=text.len() + 3).step_by(7) {
            let mut at = offset.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before[start..].chars().count() + 1;
            assert_eq!(lines.line_column(offset), (line, column), "at {offset}");
        }
    }
}
