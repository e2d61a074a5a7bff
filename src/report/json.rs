//! `--format json` (docs/output-formats.md): one JSON document on stdout with stable field
//! names.

use rayon::prelude::*;
use serde::Serialize;

use super::{Lines, Summary};
use crate::Lang;
use crate::finding::Finding;
use crate::lang::fill;
use crate::validate::FileReport;

#[derive(Serialize)]
struct File<'a> {
    path: String,
    province: Option<&'a str>,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    rule: &'a str,
    severity: &'static str,
    path: &'a str,
    message: String,
    help: String,
    line: Option<usize>,
    column: Option<usize>,
    source: &'a str,
    /// Present (and true) when `icp fix` repairs it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    fixable: bool,
    /// What `icp fix` writes instead of the value, when it is fixable.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a str>,
}

/// The path as shown: forward slashes on every platform.
pub fn display_path(path: &std::path::Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn diagnostic<'a>(f: &'a Finding, lines: &Lines, lang: Lang) -> Diagnostic<'a> {
    let args = f.placeholders(lang);
    let (line, column) = match &f.span {
        Some(span) => {
            let (l, c) = lines.line_column(span.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    Diagnostic {
        rule: f.id(),
        severity: f.severity().as_str(),
        path: &f.path,
        message: fill(f.rule.message.get(lang), &args),
        help: fill(f.rule.help.get(lang), &args),
        line,
        column,
        source: f.rule.source_line(),
        fixable: f.fixable(),
        fix: f.fix.as_deref(),
    }
}

/// Renders the reports as the JSON document.
pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let mut out = start();
    out.push_str(&files(reports, lang, true));
    out.push_str(&end(&Summary::of(reports), reports.is_empty()));
    out
}

/// The document's start, up to its first file: the document is written in
/// parts ([`start`], [`files`] for each batch of files in order, [`end`]),
/// so a report of any number of files is written as they are checked; the
/// parts join into exactly what [`render`] gives.
pub fn start() -> String {
    "{\n  \"version\": 1,\n  \"files\": [".to_owned()
}

/// The entries of some files; `first` when no file came before them.
pub fn files(reports: &[FileReport], lang: Lang, first: bool) -> String {
    // Built on all cores: a batch may hold tens of thousands of findings.
    let parts: Vec<String> = reports
        .par_iter()
        .map(|r| {
            let lines = Lines::new(&r.text);
            let file = File {
                path: display_path(&r.path),
                province: r.province,
                diagnostics: r
                    .findings
                    .iter()
                    .map(|f| diagnostic(f, &lines, lang))
                    .collect(),
            };
            // Serialising plain structs of strings and numbers cannot fail.
            let text = serde_json::to_string_pretty(&file).unwrap_or_default();
            // At the depth of an entry of `files`: no string holds a line
            // break (JSON escapes it), so indenting lines is indenting
            // the entry.
            let mut entry = String::with_capacity(text.len() + text.len() / 8);
            for line in text.lines() {
                entry.push_str("\n    ");
                entry.push_str(line);
            }
            entry
        })
        .collect();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 || !first {
            out.push(',');
        }
        out.push_str(part);
    }
    out
}

/// The document's end: the summary; `empty` when there was no file at all.
pub fn end(summary: &Summary, empty: bool) -> String {
    end_with_across(summary, empty, &[], Lang::En)
}

/// [`end`], with the findings of the rules across filings, which are known
/// only once every file was checked, as entries of their own under
/// `across` (left out when there are none): `files` was written already.
pub fn end_with_across(
    summary: &Summary,
    empty: bool,
    across: &[FileReport],
    lang: Lang,
) -> String {
    let summary = serde_json::to_string_pretty(summary).unwrap_or_default();
    let summary = summary.replace('\n', "\n  ");
    let close = if empty { "]" } else { "\n  ]" };
    let across = if across.is_empty() {
        String::new()
    } else {
        format!(",\n  \"across\": [{}\n  ]", files(across, lang, true))
    };
    format!("{close}{across},\n  \"summary\": {summary}\n}}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::report::testing;

    /// The document written in parts is the one serde writes whole.
    #[test]
    fn the_parts_make_the_whole_document() {
        #[derive(Serialize)]
        struct Document<'a> {
            version: u32,
            files: Vec<File<'a>>,
            summary: Summary,
        }
        let reports = [
            testing::report(vec![
                testing::finding(testing::rule("mobile-format", Severity::Warning), false),
                testing::finding(testing::rule("not-utf8", Severity::Error), true),
            ]),
            testing::report(Vec::new()),
            testing::report(vec![testing::finding(
                testing::rule("a-rule", Severity::Info),
                false,
            )]),
        ];
        for n in 0..=reports.len() {
            let reports = &reports[..n];
            let doc = Document {
                version: 1,
                files: reports
                    .iter()
                    .map(|r| File {
                        path: display_path(&r.path),
                        province: r.province,
                        diagnostics: r
                            .findings
                            .iter()
                            .map(|f| diagnostic(f, &Lines::new(&r.text), Lang::En))
                            .collect(),
                    })
                    .collect(),
                summary: Summary::of(reports),
            };
            let whole = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            assert_eq!(render(reports, Lang::En), whole);
            // In batches of one.
            let mut parts = start();
            for (i, r) in reports.iter().enumerate() {
                parts.push_str(&files(std::slice::from_ref(r), Lang::En, i == 0));
            }
            parts.push_str(&end(&Summary::of(reports), reports.is_empty()));
            assert_eq!(parts, whole);
        }
    }

    #[test]
    fn each_finding_is_a_diagnostic_with_stable_fields() {
        let reports = [testing::report(vec![
            testing::finding(testing::rule("mobile-format", Severity::Warning), false),
            testing::finding(testing::rule("not-utf8", Severity::Error), true),
        ])];
        let doc: serde_json::Value = serde_json::from_str(&render(&reports, Lang::En)).unwrap();
        let file = &doc["files"][0];
        assert_eq!(file["path"], "clients/a.filing.toml");
        assert_eq!(file["province"], "gd");
        let d = &file["diagnostics"][0];
        assert_eq!(d["rule"], "mobile-format");
        assert_eq!(d["severity"], "warning");
        assert_eq!(d["path"], "subject.mobile");
        assert_eq!(d["message"], "mobile 1380013800 is not 11 digits");
        assert_eq!(d["help"], "write 11 digits");
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(2), Some(10))
        );
        assert_eq!(
            d["source"],
            "MIIT <https://beian.miit.gov.cn/> (2026-01-01)"
        );
        let whole = &file["diagnostics"][1];
        assert!(whole["line"].is_null() && whole["column"].is_null());
        assert_eq!(doc["summary"]["errors"], 1);
        assert_eq!(doc["summary"]["warnings"], 1);
    }
}
