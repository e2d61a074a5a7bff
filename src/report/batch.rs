//! The summary of a batch: after the findings of several files, one row per
//! file (path, province, nature, errors, warnings) and the totals, so an
//! agency checking a directory of clients sees at a glance which filings
//! need work. Built from the reports already in memory: no file is read
//! again.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::json::display_path;
use crate::Lang;
use crate::filing::Vocabulary;
use crate::finding::Severity;
use crate::i18n::Msg;
use crate::validate::FileReport;

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
pub fn table(reports: &[FileReport], lang: Lang, width: Option<u16>) -> String {
    let rows: Vec<Row> = reports.iter().map(Row::of).collect();
    rows_table(&rows, lang, width)
}

/// The table of the rows of the files; `width` as for [`table`].
pub fn rows_table(rows: &[Row], lang: Lang, width: Option<u16>) -> String {
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
        table.add_row(vec![
            Cell::new(&r.path),
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
    format!("{table}\n")
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
