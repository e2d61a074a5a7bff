//! `--format json` (SPEC §4): one JSON document on stdout with stable field
//! names.

use rayon::prelude::*;
use serde::Serialize;

use super::{Summary, line_column};
use crate::Lang;
use crate::finding::Finding;
use crate::lang::fill;
use crate::validate::FileReport;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: Summary,
}

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
    source: String,
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

fn diagnostic<'a>(f: &'a Finding, text: &str, lang: Lang) -> Diagnostic<'a> {
    let args = f.placeholders(lang);
    let (line, column) = match &f.span {
        Some(span) => {
            let (l, c) = line_column(text, span.start);
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
        source: super::source_line(&f.rule),
        fixable: f.fixable(),
        fix: f.fix.as_deref(),
    }
}

/// Renders the reports as the JSON document.
pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let doc = Document {
        version: 1,
        // Built on all cores: a batch may hold tens of thousands of findings.
        files: reports
            .par_iter()
            .map(|r| File {
                path: display_path(&r.path),
                province: r.province,
                diagnostics: r
                    .findings
                    .iter()
                    .map(|f| diagnostic(f, &r.text, lang))
                    .collect(),
            })
            .collect(),
        summary: Summary::of(reports),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::report::testing;

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
