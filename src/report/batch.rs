//! The summary of a batch: after the findings of several files, one row per
//! failing file (path, province, nature, errors, warnings; every file with
//! `--verbose`) and the totals, so an agency checking a directory of
//! clients sees at a glance which filings need work. Built from the reports
//! already in memory: no file is read again.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::json::display_path;
use crate::Lang;
use crate::filing::Vocabulary;
use crate::finding::Severity;
use crate::i18n::Msg;
use crate::validate::FileReport;

/// Which files the table lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    /// Every file, passing or not (`--verbose`).
    pub all: bool,
    /// Warnings fail too (`--deny-warnings`).
    pub deny_warnings: bool,
}

impl Rows {
    /// Whether a file fails the run.
    pub fn fails(self, r: &Row) -> bool {
        r.errors > 0 || (self.deny_warnings && r.warnings > 0)
    }
}

/// How many files fail.
pub fn failed(reports: &[FileReport], rows: Rows) -> usize {
    reports.iter().filter(|r| rows.fails(&Row::of(r))).count()
}

/// How many of the files of `rows` fail.
pub fn failed_rows(rows: &[Row], filter: Rows) -> usize {
    rows.iter().filter(|r| filter.fails(r)).count()
}

/// What the summary line adds for a batch: how many of its files failed.
pub fn failed_text(failed: usize, files: usize, lang: Lang) -> String {
    if files < 2 {
        return String::new();
    }
    match lang {
        Lang::Zh => format!("；{failed} 个文件未通过"),
        Lang::En if failed == 1 => "; 1 file failed".to_owned(),
        Lang::En => format!("; {failed} files failed"),
    }
}

/// What the table says of one file: all it keeps of a report, so a batch
/// of any size is written as it is checked and only its rows are kept.
#[derive(Clone, Debug)]
pub struct Row {
    /// The path as shown.
    pub path: String,
    /// The filing's province code, when known.
    pub province: Option<&'static str>,
    /// The subject's nature, when known.
    pub nature: Option<crate::filing::Nature>,
    /// Findings at error severity.
    pub errors: usize,
    /// Findings at warning severity.
    pub warnings: usize,
}

impl Row {
    /// The row of a report.
    pub fn of(r: &FileReport) -> Row {
        Row {
            path: display_path(&r.path),
            province: r.province,
            nature: r.nature,
            errors: r.count(Severity::Error),
            warnings: r.count(Severity::Warning),
        }
    }
}

/// The table of the reports; `width` in columns, `None` to fit the terminal.
/// Without `filter.all` only the failing files have a row, and a line under
/// the table says how to see the others; when no file fails there is no
/// table.
pub fn table(reports: &[FileReport], lang: Lang, width: Option<u16>, filter: Rows) -> String {
    let rows: Vec<Row> = reports.iter().map(Row::of).collect();
    rows_table(&rows, lang, width, filter)
}

/// The table of the rows of the files; `width` and `filter` as for [`table`].
pub fn rows_table(rows: &[Row], lang: Lang, width: Option<u16>, filter: Rows) -> String {
    let listed: Vec<&Row> = rows
        .iter()
        .filter(|r| filter.all || filter.fails(r))
        .collect();
    if listed.is_empty() {
        return String::new();
    }
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = width {
        table.set_width(width);
    }
    table.set_header(vec![
        Cell::new(Msg::ColumnFile.get(lang)),
        Cell::new(Msg::ColumnProvince.get(lang)),
        Cell::new(Msg::ColumnNature.get(lang)),
        Cell::new(Msg::ColumnErrors.get(lang)),
        Cell::new(Msg::ColumnWarnings.get(lang)),
    ]);
    let count = |n: usize| Cell::new(n).set_alignment(CellAlignment::Right);
    let (mut errors, mut warnings) = (0, 0);
    for r in rows {
        errors += r.errors;
        warnings += r.warnings;
    }
    for r in &listed {
        table.add_row(vec![
            Cell::new(super::snippet::escape(&r.path)),
            Cell::new(
                r.province
                    .map_or_else(|| "—".to_owned(), |p| province(p, lang)),
            ),
            Cell::new(r.nature.map_or("—", |n| n.label(lang))),
            count(r.errors),
            count(r.warnings),
        ]);
    }
    table.add_row(vec![
        Cell::new(Msg::Total.get(lang)),
        Cell::new(""),
        Cell::new(""),
        count(errors),
        count(warnings),
    ]);
    super::words::keep_words(&mut table);
    let mut out = format!("{table}\n");
    if listed.len() < rows.len() {
        out.push_str(&match lang {
            Lang::Zh => format!(
                "列出未通过的 {} 个文件（共 {} 个）；--verbose 列出全部文件\n",
                listed.len(),
                rows.len()
            ),
            Lang::En => format!(
                "{} of {} files listed: those that failed; --verbose lists every file\n",
                listed.len(),
                rows.len()
            ),
        });
    }
    out
}

/// `gd 广东` / `gd Guangdong`: the code users type, and a name to read.
fn province(code: &str, lang: Lang) -> String {
    let Some(p) = crate::data::find_province(code) else {
        return code.to_owned();
    };
    match lang {
        Lang::Zh => format!("{} {}", p.code, p.short_name),
        Lang::En => format!("{} {}", p.code, p.name_en()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing;

    #[test]
    fn only_failing_files_unless_all() {
        let failing = testing::report(vec![testing::finding(
            testing::rule("a-rule", Severity::Error),
            false,
        )]);
        let mut passing = testing::report(vec![testing::finding(
            testing::rule("b-rule", Severity::Warning),
            false,
        )]);
        passing.path = "clients/ok.filing.toml".into();
        let reports = [failing, passing];
        let t = table(&reports, Lang::En, Some(100), Rows::default());
        assert!(t.contains("clients/a.filing.toml"), "{t}");
        assert!(!t.contains("clients/ok.filing.toml"), "{t}");
        assert!(t.contains("1 of 2 files listed"), "{t}");
        let all = Rows {
            all: true,
            ..Rows::default()
        };
        let t = table(&reports, Lang::En, Some(100), all);
        assert!(t.contains("clients/ok.filing.toml"), "{t}");
        assert!(!t.contains("listed"), "{t}");
        let strict = Rows {
            deny_warnings: true,
            ..Rows::default()
        };
        assert_eq!(failed(&reports, strict), 2);
        assert_eq!(failed(&reports, Rows::default()), 1);
        assert_eq!(failed_text(1, 2, Lang::En), "; 1 file failed");
        assert_eq!(failed_text(1, 1, Lang::En), "");
    }

    #[test]
    fn no_table_when_nothing_fails() {
        let reports = [testing::report(Vec::new()), testing::report(Vec::new())];
        assert_eq!(table(&reports, Lang::Zh, None, Rows::default()), "");
    }
}
