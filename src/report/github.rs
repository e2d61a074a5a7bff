//! `--format github`: GitHub Actions workflow commands, one per finding,
//! which GitHub shows as annotations on the pull request's changed lines:
//!
//! ```text
//! ::error file=a.filing.toml,line=26,endLine=26,col=16,endColumn=34,title=phone-area-mismatch::message%0Ahelp
//! ```
//!
//! `error` and `warning` keep their names; `info` becomes `notice`. The body
//! is the message and, on the next line, how to fix it, in `--lang`. Values
//! are escaped as GitHub's toolkit does (`escapeData`, `escapeProperty`): a
//! line break in a filing's value can neither end the annotation early nor
//! start a workflow command of its own.

use std::fmt::Write;

use super::snippet::{escape, text};
use super::{Lines, artifact_path};
use crate::Lang;
use crate::finding::Severity;
use crate::validate::FileReport;

/// Renders every finding of every file as a workflow command.
pub fn render(reports: &[FileReport], lang: Lang) -> String {
    super::per_file(reports, |report| {
        let mut out = String::new();
        let file = escape_property(&escape(&artifact_path(&report.path)));
        let lines = Lines::new(&report.text);
        for f in &report.findings {
            let command = match f.severity() {
                Severity::Error | Severity::Off => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut properties = format!("file={file}");
            // A finding about the whole file has no position: GitHub then
            // annotates the file itself.
            if let Some(r) = lines.region(f) {
                let _ = write!(
                    properties,
                    ",line={},endLine={},col={},endColumn={}",
                    r.line, r.end_line, r.column, r.end_column
                );
            }
            let _ = write!(properties, ",title={}", escape_property(f.id()));
            let mut body = format!("{}\n{}", text(f, lang, false), text(f, lang, true));
            if let Some(fix) = &f.fix {
                let value = [("value", super::snippet::quoted(fix))];
                body.push('\n');
                body.push_str(&crate::lang::fill(
                    crate::i18n::Msg::Fixable.get(lang),
                    &value,
                ));
            }
            let _ = writeln!(out, "::{command} {properties}::{}", escape_data(&body));
        }
        out
    })
}

/// The message part of a command: `%`, CR and LF are percent-encoded.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as data, and `:` and `,` too, which would otherwise end
/// the value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing;

    #[test]
    fn findings_become_annotations() {
        let reports = [testing::report(vec![
            testing::finding(testing::rule("mobile-format", Severity::Info), false),
            testing::finding(testing::rule("not-utf8", Severity::Error), true),
        ])];
        let out = render(&reports, Lang::En);
        assert_eq!(
            out,
            "::notice file=clients/a.filing.toml,line=2,endLine=2,col=10,endColumn=22,\
             title=mobile-format::mobile 1380013800 is not 11 digits%0Awrite 11 digits\n\
             ::error file=clients/a.filing.toml,title=not-utf8::\
             mobile 1380013800 is not 11 digits%0Awrite 11 digits\n"
        );
    }

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(
            escape_property("C:\\x,y%z\n"),
            "C%3A\\x%2Cy%25z%0A".to_owned()
        );
        // `%` goes first, so the escapes themselves are not escaped twice.
        assert_eq!(escape_property("%3A"), "%253A");
    }
}
