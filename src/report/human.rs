//! The human report: miette's graphical diagnostics, one per finding, with
//! the rule id as the code, a label on the exact span, the help and the
//! rule's source; then a one-line summary.

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report,
};

use super::json::display_path;
use super::{Lines, Summary};
use crate::Lang;
use crate::finding::{Finding, Severity};
use crate::i18n::{Msg, summary};
use crate::lang::fill;
use crate::validate::FileReport;

/// How the human report looks.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Output language.
    pub lang: Lang,
    /// ANSI colours.
    pub color: bool,
    /// Width in columns; `None` lets miette ask the terminal.
    pub width: Option<usize>,
}

pub(crate) fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_context_lines(1);
    match style.width {
        Some(width) => handler.with_width(width),
        None => handler,
    }
}

/// Renders one finding.
pub fn finding(f: &Finding, path: &str, text: &str, style: Style) -> String {
    finding_in(f, path, text, &Lines::new(text), style)
}

/// Renders one finding of a file whose lines are indexed.
pub fn finding_in(f: &Finding, path: &str, text: &str, lines: &Lines, style: Style) -> String {
    let lang = style.lang;
    let args = f.placeholders(lang);
    let message = fill(f.rule.message.get(lang), &args);
    let mut help = fill(f.rule.help.get(lang), &args);
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let source = super::source_titles(&f.rule);
    if !source.is_empty() {
        help.push_str(&format!("\n{}{colon}{source}", Msg::Source.get(lang)));
    }
    help.push_str(&format!(
        "\n{}{colon}icp explain {}",
        Msg::Explain.get(lang),
        f.id()
    ));
    let severity = match f.severity() {
        Severity::Error | Severity::Off => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let mut diag = MietteDiagnostic::new(match &f.span {
        Some(_) => message,
        None => format!("{path}: {message}"),
    })
    .with_code(f.id().to_owned())
    .with_severity(severity)
    .with_help(help);
    let mut out = String::new();
    let rendered = match &f.span {
        Some(span) => {
            let len = span.end.saturating_sub(span.start);
            diag = diag.with_label(LabeledSpan::new(None, span.start, len));
            let report = match Window::around(lines, text, span) {
                Some(window) => Report::new(diag).with_source_code(NamedSource::new(path, window)),
                None => Report::new(diag).with_source_code(NamedSource::new(path, text.to_owned())),
            };
            handler(style).render_report(&mut out, report.as_ref())
        }
        None => handler(style).render_report(&mut out, &diag),
    };
    if rendered.is_err() {
        // Rendering into a String does not fail; keep the message if it ever does.
        out = format!("{}: {}\n", f.id(), fill(f.rule.message.get(lang), &args));
    }
    out
}

/// The lines of a file around one finding, as miette reads them: a few lines
/// copied out of the text, and where they stand in it. Giving miette the
/// whole text would copy it and read it from its start for every finding,
/// a cost that grows with the square of a file with many findings.
struct Window {
    /// The lines.
    text: String,
    /// The byte offset of their first character in the file.
    offset: usize,
    /// The lines before them.
    line: usize,
}

impl Window {
    /// The lines of `text` from two before the span's first to two after its
    /// last: miette shows one line of context on each side. `None` when the
    /// text has a carriage return alone, which miette counts as a line break
    /// of its own.
    fn around(lines: &Lines, text: &str, span: &std::ops::Range<usize>) -> Option<Window> {
        if lines.has_lone_cr() {
            return None;
        }
        let first = lines.line_index(span.start).saturating_sub(2);
        let last = lines.line_index(span.end.max(span.start)) + 2;
        let range = lines.line_range(first, last);
        Some(Window {
            text: text.get(range.clone())?.to_owned(),
            offset: range.start,
            line: first,
        })
    }
}

impl miette::SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let local =
            miette::SourceSpan::new(span.offset().saturating_sub(self.offset).into(), span.len());
        let inner = self.text.read_span(&local, before, after)?;
        let data = inner.data();
        let at = inner.span().offset() + self.offset;
        Ok(Box::new(miette::MietteSpanContents::new(
            data,
            miette::SourceSpan::new(at.into(), inner.span().len()),
            inner.line() + self.line,
            inner.column(),
            inner.line_count() + self.line,
        )))
    }
}

/// Renders every file's findings, the table of files when there are
/// several, and the summary line.
pub fn render(reports: &[FileReport], style: Style) -> String {
    let mut out = findings(reports, style);
    let rows: Vec<super::batch::Row> = reports.iter().map(super::batch::Row::of).collect();
    out.push_str(&end(&rows, &Summary::of(reports), style));
    out
}

/// The findings of some files, in their order: the report is written in
/// parts ([`findings`] for each batch of files, then [`end`]), as the files
/// are checked; the parts join into exactly what [`render`] gives.
pub fn findings(reports: &[FileReport], style: Style) -> String {
    super::per_file(reports, |report| {
        let path = display_path(&report.path);
        let lines = Lines::new(&report.text);
        report
            .findings
            .iter()
            .map(|f| finding_in(f, &path, &report.text, &lines, style))
            .collect()
    })
}

/// The end of the report: the table of files when there are several, and
/// the summary line.
pub fn end(rows: &[super::batch::Row], s: &Summary, style: Style) -> String {
    let mut out = String::new();
    if rows.len() > 1 {
        let width = style.width.map(|w| u16::try_from(w).unwrap_or(u16::MAX));
        out.push_str(&super::batch::rows_table(rows, style.lang, width));
    }
    if s.errors + s.warnings + s.infos == 0 {
        let files = match style.lang {
            Lang::Zh => format!("{} 个文件", s.files),
            Lang::En if s.files == 1 => "1 file".to_owned(),
            Lang::En => format!("{} files", s.files),
        };
        let colon = if style.lang == Lang::Zh { "：" } else { ": " };
        out.push_str(&format!(
            "✓ {files}{colon}{}\n",
            Msg::AllClean.get(style.lang)
        ));
    } else {
        let mark = if s.errors > 0 { "✗" } else { "!" };
        out.push_str(&format!(
            "{mark} {}\n",
            summary(style.lang, s.files, s.errors, s.warnings, s.infos)
        ));
    }
    out
}

/// Renders the errors of broken rule files (exit 2).
pub fn rule_errors(errors: &crate::rules::RulesError, style: Style) -> String {
    use crate::rules::RulesError;
    let lang = style.lang;
    let mut out = String::new();
    match errors {
        RulesError::Io { path, message } => {
            let values = [
                ("path", path.clone()),
                ("error", message.get(lang).to_owned()),
            ];
            out.push_str(&fill(Msg::RulesUnreadable.get(lang), &values));
            out.push('\n');
        }
        RulesError::Invalid(files) => {
            for file in files {
                for e in &file.errors {
                    let message = e.text();
                    let mut diag = MietteDiagnostic::new(message.get(lang).to_owned())
                        .with_code("rule-file")
                        .with_severity(miette::Severity::Error);
                    let rendered = match &e.span {
                        Some(span) if !file.file.text.is_empty() => {
                            let start = span.start.min(file.file.text.len());
                            let len = span.end.min(file.file.text.len()).saturating_sub(start);
                            diag = diag.with_label(LabeledSpan::new(None, start, len));
                            let report = Report::new(diag).with_source_code(NamedSource::new(
                                &file.file.name,
                                file.file.text.clone(),
                            ));
                            handler(style).render_report(&mut out, report.as_ref())
                        }
                        _ => {
                            let diag = MietteDiagnostic::new(format!(
                                "{}: {}",
                                file.file.name,
                                message.get(lang)
                            ))
                            .with_code("rule-file");
                            handler(style).render_report(&mut out, &diag)
                        }
                    };
                    if rendered.is_err() {
                        out.push_str(&format!("{}: {}\n", file.file.name, message.get(lang)));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing;

    fn style(lang: Lang) -> Style {
        Style {
            lang,
            color: false,
            width: Some(100),
        }
    }

    #[test]
    fn a_finding_shows_its_rule_value_help_and_source() {
        let f = testing::finding(testing::rule("mobile-format", Severity::Error), false);
        let out = finding(&f, "a.filing.toml", testing::TEXT, style(Lang::En));
        for part in [
            "mobile-format",
            "mobile 1380013800 is not 11 digits",
            "a.filing.toml:2:10",
            "write 11 digits",
            "source: MIIT (2026-01-01)",
            "details: icp explain mobile-format",
        ] {
            assert!(out.contains(part), "missing {part:?} in\n{out}");
        }
        let zh = finding(&f, "a.filing.toml", testing::TEXT, style(Lang::Zh));
        assert!(zh.contains("手机号 1380013800 不是 11 位"), "{zh}");
    }

    #[test]
    fn a_finding_about_the_whole_file_names_the_file() {
        let f = testing::finding(testing::rule("not-utf8", Severity::Error), true);
        let out = finding(&f, "a.filing.toml", testing::TEXT, style(Lang::En));
        assert!(
            out.contains("a.filing.toml: mobile 1380013800 is not 11 digits"),
            "{out}"
        );
    }

    #[test]
    fn the_summary_counts_by_severity() {
        let reports = [testing::report(vec![
            testing::finding(testing::rule("a-rule", Severity::Error), false),
            testing::finding(testing::rule("b-rule", Severity::Warning), false),
        ])];
        let out = render(&reports, style(Lang::En));
        assert!(out.ends_with("✗ 1 error, 1 warning in 1 file\n"), "{out}");
        let clean = render(&[testing::report(Vec::new())], style(Lang::En));
        assert!(clean.starts_with("✓ 1 file: "), "{clean}");
    }
}
