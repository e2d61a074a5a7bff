//! `--format concise`: one line per finding,
//! `file:line:col: severity rule-id message`, the shape compilers print and
//! that editors (Vim's quickfix, Emacs' compilation mode), CI log viewers and
//! `grep` already understand.
//!
//! Nothing else is printed: no summary line, so `wc -l` counts the findings
//! and a clean run prints nothing (the exit code tells the outcome). The
//! severity is the fixed English word (`error`, `warning`, `info`) whatever
//! `--lang` says, for the parsers that key on it; the message follows `--lang`.
//! A finding about the whole file (no position) is at `file:0:0`, so every
//! line keeps the same shape. A finding `icp fix` repairs ends in
//! ` [fixable]`.

use super::snippet::{escape, text};
use super::{Lines, artifact_path};
use crate::Lang;
use crate::finding::Finding;
use crate::validate::FileReport;

/// Renders every finding of every file, one line each.
pub fn render(reports: &[FileReport], lang: Lang) -> String {
    super::per_file(reports, |report| {
        let mut out = String::new();
        let path = escape(&artifact_path(&report.path)).into_owned();
        let lines = Lines::new(&report.text);
        for f in &report.findings {
            out.push_str(&line(f, &path, &lines, lang));
        }
        out
    })
}

/// One finding's line, `path` already escaped, with its line break.
pub fn line(f: &Finding, path: &str, lines: &Lines, lang: Lang) -> String {
    let (line, column) = lines.region(f).map_or((0, 0), |r| (r.line, r.column));
    // `[fixable]`, like the severity, is the same in every language.
    format!(
        "{path}:{line}:{column}: {} {} {}{}\n",
        f.severity().as_str(),
        f.id(),
        one_line(&text(f, lang, false)),
        if f.fixable() { " [fixable]" } else { "" }
    )
}

/// A message on one line: a line break would split the finding in two for
/// every tool that reads the output line by line.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::report::testing;

    #[test]
    fn one_line_per_finding_with_its_position() {
        let reports = [testing::report(vec![
            testing::finding(testing::rule("mobile-format", Severity::Warning), false),
            testing::finding(testing::rule("not-utf8", Severity::Error), true),
        ])];
        assert_eq!(
            render(&reports, Lang::Zh),
            "clients/a.filing.toml:2:10: warning mobile-format 手机号 1380013800 不是 11 位\n\
             clients/a.filing.toml:0:0: error not-utf8 手机号 1380013800 不是 11 位\n"
        );
    }

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("a\r\nb\n\n  c "), "a b c");
        assert_eq!(one_line("plain"), "plain");
    }
}
