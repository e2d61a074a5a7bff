//! The human report: miette's graphical diagnostics, one per finding, with
//! the rule id as the code, a label on the exact span, the help and the
//! rule's source; then a one-line summary.

use std::ops::Range;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, Report};

use super::json::display_path;
use super::snippet::{Window, escape, escape_lines};
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
    /// Which files the table of a batch lists.
    pub batch: super::batch::Rows,
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

/// Renders a diagnostic with a label on `span` of a file's `text`: the
/// lines around it escaped and, when long, shortened (see
/// [`super::snippet`]).
pub(crate) fn render_at(
    style: Style,
    diag: MietteDiagnostic,
    name: &str,
    text: &str,
    span: Range<usize>,
) -> Result<String, std::fmt::Error> {
    render_in(style, diag, name, text, &Lines::new(text), span)
}

/// [`render_at`] for a file whose lines are indexed.
pub(crate) fn render_in(
    style: Style,
    diag: MietteDiagnostic,
    name: &str,
    text: &str,
    lines: &Lines,
    span: Range<usize>,
) -> Result<String, std::fmt::Error> {
    let (window, label) = Window::within(name, text, lines, span);
    let diag = diag.with_label(LabeledSpan::new(None, label.start, label.len()));
    let report = Report::new(diag).with_source_code(window);
    let mut out = String::new();
    handler(style).render_report(&mut out, report.as_ref())?;
    Ok(out)
}

/// Renders one finding. `path` is shown as it is: escape it first.
pub fn finding(f: &Finding, path: &str, text: &str, style: Style) -> String {
    finding_in(f, path, text, &Lines::new(text), style)
}

/// Renders one finding of a file whose lines are indexed.
pub fn finding_in(f: &Finding, path: &str, text: &str, lines: &Lines, style: Style) -> String {
    let lang = style.lang;
    // Values come from the user: no control character reaches the terminal.
    let args: Vec<(&str, String)> = f
        .placeholders(lang)
        .into_iter()
        .map(|(k, v)| (k, escape(&v).into_owned()))
        .collect();
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
    if let Some(fix) = &f.fix {
        let value = [("value", super::snippet::quoted(fix))];
        help.push_str(&format!("\n{}", fill(Msg::Fixable.get(lang), &value)));
    }
    let severity = match f.severity() {
        Severity::Error | Severity::Off => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let diag = MietteDiagnostic::new(match &f.span {
        Some(_) => message,
        None => format!("{path}: {message}"),
    })
    .with_code(f.id().to_owned())
    .with_severity(severity)
    .with_help(help);
    let rendered = match &f.span {
        Some(span) => render_in(style, diag, path, text, lines, span.clone()),
        None => {
            let mut out = String::new();
            handler(style).render_report(&mut out, &diag).map(|()| out)
        }
    };
    // Rendering into a String does not fail; keep the message if it ever does.
    let out = rendered
        .unwrap_or_else(|_| format!("{}: {}\n", f.id(), fill(f.rule.message.get(lang), &args)));
    match lang {
        Lang::Zh => help_label_zh(out),
        Lang::En => out,
    }
}

/// miette labels the help `help:` in every language: in Chinese it becomes
/// `帮助：`, as wide as `help: ` (six columns), so the lines under it stay
/// aligned. Only the label at the start of a line (after blanks and colour
/// codes) is replaced, once.
fn help_label_zh(out: String) -> String {
    // Skips blanks and colour codes (ESC [ … m) at the start of `s`.
    fn lead(mut s: &str) -> &str {
        loop {
            let before = s.len();
            s = s.trim_start_matches(' ');
            if let Some(code) = s.strip_prefix("\x1b[") {
                match code.find('m') {
                    Some(end) => s = &code[end + 1..],
                    None => return s,
                }
            }
            if s.len() == before {
                return s;
            }
        }
    }
    let Some(line_start) = out
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .find(|(_, line)| lead(line).starts_with("help:"))
        .map(|(start, line)| start + line.len() - lead(line).len())
    else {
        return out;
    };
    let after = &out[line_start + "help:".len()..];
    // The blank after the label goes (帮助： is one column wider than
    // help:), before or after a colour reset.
    let (codes, rest) = match after.strip_prefix(' ') {
        Some(rest) => ("", rest),
        None => {
            let skipped = lead(after);
            let codes = &after[..after.len() - skipped.len()];
            match codes.trim_end_matches(' ').len() < codes.len() {
                true => (codes.trim_end_matches(' '), skipped),
                false => return out,
            }
        }
    };
    let mut fixed = String::with_capacity(out.len() + 4);
    fixed.push_str(&out[..line_start]);
    fixed.push_str("帮助：");
    fixed.push_str(codes);
    fixed.push_str(rest);
    fixed
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
        let path = escape(&display_path(&report.path)).into_owned();
        let lines = Lines::new(&report.text);
        let (drawn, rest) = report
            .findings
            .split_at(report.findings.len().min(DRAWN_PER_FILE));
        // A blank line after each finding: one block of text for hundreds
        // of findings is hard to read.
        let mut out: String = drawn
            .iter()
            .map(|f| finding_in(f, &path, &report.text, &lines, style) + "\n")
            .collect();
        if !rest.is_empty() {
            let count = [("count", rest.len().to_string())];
            out.push_str(&fill(Msg::MoreInShort.get(style.lang), &count));
            out.push('\n');
            for f in rest {
                out.push_str(&super::concise::line(f, &path, &lines, style.lang));
            }
        }
        out
    })
}

/// Findings of one file drawn with their source lines; past these, each is
/// one line (as `--format concise` prints it). A file with tens of
/// thousands of findings (a pasted spreadsheet) then costs a line each,
/// not a drawing each, and nobody reads past the first screens anyway.
pub const DRAWN_PER_FILE: usize = 200;

/// The end of the report: the table of files when there are several, and
/// the summary line.
pub fn end(rows: &[super::batch::Row], s: &Summary, style: Style) -> String {
    let mut out = String::new();
    end_to(rows, s, style, &mut |part| out.push_str(part));
    out
}

/// [`end`], handed to `out` in parts: the table of many files is laid out
/// a part at a time.
pub fn end_to(rows: &[super::batch::Row], s: &Summary, style: Style, out: &mut dyn FnMut(&str)) {
    if rows.len() > 1 {
        let width = style.width.map(|w| u16::try_from(w).unwrap_or(u16::MAX));
        super::batch::rows_table_to(rows, style.lang, width, style.batch, out);
    }
    let failed = super::batch::failed_rows(rows, style.batch);
    if s.errors + s.warnings + s.infos == 0 {
        let files = match style.lang {
            Lang::Zh => format!("{} 个文件", s.files),
            Lang::En if s.files == 1 => "1 file".to_owned(),
            Lang::En => format!("{} files", s.files),
        };
        let colon = if style.lang == Lang::Zh { "：" } else { ": " };
        out(&format!(
            "✓ {files}{colon}{}\n",
            Msg::AllClean.get(style.lang)
        ));
    } else {
        let mark = if s.errors > 0 { "✗" } else { "!" };
        let mut line = format!(
            "{mark} {}{}\n",
            summary(style.lang, s.files, s.errors, s.warnings, s.infos),
            super::batch::failed_text(failed, s.files, style.lang)
        );
        if s.fixable > 0 {
            line.push_str(&format!(
                "  {}\n",
                crate::i18n::fixable(style.lang, s.fixable)
            ));
        }
        out(&line);
    }
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
                let name = escape(&file.file.name);
                for e in &file.errors {
                    let message = e.text();
                    let message = escape_lines(message.get(lang));
                    let diag = MietteDiagnostic::new(message.clone().into_owned())
                        .with_code("rule-file")
                        .with_severity(miette::Severity::Error);
                    let rendered = match &e.span {
                        Some(span) if !file.file.text.is_empty() => {
                            render_at(style, diag, &name, &file.file.text, span.clone())
                        }
                        _ => {
                            let diag = MietteDiagnostic::new(format!("{name}: {message}"))
                                .with_code("rule-file");
                            let mut text = String::new();
                            handler(style)
                                .render_report(&mut text, &diag)
                                .map(|()| text)
                        }
                    };
                    match rendered {
                        Ok(text) => out.push_str(&text),
                        Err(_) => out.push_str(&format!("{name}: {message}\n")),
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
            batch: Default::default(),
        }
    }

    #[test]
    fn the_help_label_is_chinese_and_as_wide() {
        let plain = "  ⚠ x\n  help: 写门牌号\n        依据：y\n".to_owned();
        assert_eq!(
            help_label_zh(plain),
            "  ⚠ x\n  帮助：写门牌号\n        依据：y\n"
        );
        let coloured = "\x1b[36m  help: \x1b[0m写门牌号\n".to_owned();
        assert_eq!(help_label_zh(coloured), "\x1b[36m  帮助：\x1b[0m写门牌号\n");
        // Only a label at the start of a line.
        let inside = "  ⚠ see help: here\n".to_owned();
        assert_eq!(help_label_zh(inside.clone()), inside);
        let f = testing::finding(testing::rule("mobile-format", Severity::Error), false);
        let zh = finding(&f, "a.filing.toml", testing::TEXT, style(Lang::Zh));
        assert!(zh.contains("  帮助：") && !zh.contains("help:"), "{zh}");
    }

    #[test]
    fn past_the_drawn_findings_each_is_one_line() {
        let f = testing::finding(testing::rule("mobile-format", Severity::Error), false);
        let reports = [testing::report(vec![f; DRAWN_PER_FILE + 3])];
        let out = findings(&reports, style(Lang::En));
        let drawn = out.matches("details: icp explain mobile-format").count();
        assert_eq!(drawn, DRAWN_PER_FILE);
        let (_, rest) = out.split_once("… 3 more, one line each").unwrap();
        let short: Vec<&str> = rest.lines().skip(1).collect();
        assert_eq!(short.len(), 3, "{rest}");
        assert!(
            short.iter().all(|l| l.starts_with(
                "clients/a.filing.toml:2:10: error mobile-format mobile 1380013800 is not 11 digits"
            )),
            "{rest}"
        );
        let one = [testing::report(vec![testing::finding(
            testing::rule("mobile-format", Severity::Error),
            false,
        )])];
        assert!(!findings(&one, style(Lang::En)).contains("more, one line each"));
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
