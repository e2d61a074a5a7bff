//! Reporters: findings in, text out. Every output format is rendered here and
//! nowhere else; the rules and the engine never format text.

pub mod checklist;
pub mod config;
pub mod human;
pub mod json;
pub mod rules;

use crate::finding::Severity;
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

#[cfg(test)]
mod tests {
    use super::*;

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
