//! The summary of a batch: after the findings of several files, one row per
//! file (path, province, nature, errors, warnings) and the totals, so an
//! agency checking a directory of clients sees at a glance which filings
//! need work. Built from the reports already in memory: no file is read
//! again.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::Summary;
use super::json::display_path;
use crate::Lang;
use crate::filing::Vocabulary;
use crate::finding::Severity;
use crate::i18n::Msg;
use crate::validate::FileReport;

/// The table of the reports; `width` in columns, `None` to fit the terminal.
pub fn table(reports: &[FileReport], lang: Lang, width: Option<u16>) -> String {
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
    for r in reports {
        table.add_row(vec![
            Cell::new(super::snippet::escape(&display_path(&r.path))),
            Cell::new(
                r.province
                    .map_or_else(|| "—".to_owned(), |p| province(p, lang)),
            ),
            Cell::new(r.nature.map_or("—", |n| n.label(lang))),
            count(r.count(Severity::Error)),
            count(r.count(Severity::Warning)),
        ]);
    }
    let s = Summary::of(reports);
    table.add_row(vec![
        Cell::new(Msg::Total.get(lang)),
        Cell::new(""),
        Cell::new(""),
        count(s.errors),
        count(s.warnings),
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
