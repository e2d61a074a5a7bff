//! The summary of a batch: after the findings of several files, one row per
//! failing file (path, province, nature, errors, warnings; every file with
//! `--verbose`) and the totals, so an agency checking a directory of
//! clients sees at a glance which filings need work. Built from the reports
//! already in memory: no file is read again.

use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets,
};
use unicode_width::UnicodeWidthStr;

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
/// of any size is written as it is checked and only its rows are kept
/// (about a hundred bytes a file).
#[derive(Clone, Debug)]
pub struct Row {
    /// The path as shown.
    pub path: Box<str>,
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
            path: display_path(&r.path).into_boxed_str(),
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
    let mut out = String::new();
    rows_table_to(rows, lang, width, filter, &mut |part| out.push_str(part));
    out
}

/// The rows a table of many files renders at a time: the table is written
/// in parts of this many rows, so that a table of 100,000 files takes the
/// memory of its rows, not of the whole table laid out.
const CHUNK: usize = 1000;

/// [`rows_table`], handed to `out` in parts as it is laid out.
pub fn rows_table_to(
    rows: &[Row],
    lang: Lang,
    width: Option<u16>,
    filter: Rows,
    out: &mut dyn FnMut(&str),
) {
    chunked(rows, lang, width, filter, CHUNK, out);
}

/// The cells of a file's row.
fn cells(r: &Row, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::new(super::snippet::escape(&r.path)),
        Cell::new(
            r.province
                .map_or_else(|| "—".to_owned(), |p| province(p, lang)),
        ),
        Cell::new(r.nature.map_or("—", |n| n.label(lang))),
        count(r.errors),
        count(r.warnings),
    ]
}

fn count(n: usize) -> Cell {
    Cell::new(n).set_alignment(CellAlignment::Right)
}

/// A table with its style and width (and its header, with `header`),
/// without rows.
fn empty_table(lang: Lang, width: Option<u16>, header: bool) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = width {
        table.set_width(width);
    }
    if !header {
        return table;
    }
    table.set_header(vec![
        Cell::new(Msg::ColumnFile.get(lang)),
        Cell::new(Msg::ColumnProvince.get(lang)),
        Cell::new(Msg::ColumnNature.get(lang)),
        Cell::new(Msg::ColumnErrors.get(lang)),
        Cell::new(Msg::ColumnWarnings.get(lang)),
    ]);
    table
}

/// The table laid out `chunk` rows at a time. Up to `chunk` listed files,
/// one table as comfy-table lays it out. More: the width of each column is
/// what comfy-table gives a table of the header, the total and, for each
/// column, the row of its widest cell and that of its longest word (what
/// the layout depends on); the rows are then laid out `chunk` at a time in
/// columns of those widths, and the parts joined without the borders
/// between them — the same text as the whole table.
fn chunked(
    rows: &[Row],
    lang: Lang,
    width: Option<u16>,
    filter: Rows,
    chunk: usize,
    out: &mut dyn FnMut(&str),
) {
    let listed = || rows.iter().filter(|r| filter.all || filter.fails(r));
    let count_listed = listed().count();
    if count_listed == 0 {
        return;
    }
    let (mut errors, mut warnings) = (0, 0);
    for r in rows {
        errors += r.errors;
        warnings += r.warnings;
    }
    let total = vec![
        Cell::new(Msg::Total.get(lang)),
        Cell::new(""),
        Cell::new(""),
        count(errors),
        count(warnings),
    ];
    if count_listed <= chunk {
        let mut table = empty_table(lang, width, true);
        for r in listed() {
            table.add_row(cells(r, lang));
        }
        table.add_row(total);
        super::words::keep_words(&mut table);
        out(&format!("{table}\n"));
    } else {
        // The rows that decide the layout: for each column, the first of
        // the widest cells and the first of the longest words.
        let mut widest = [(0usize, 0usize); 5];
        let mut wordiest = [(0usize, 0usize); 5];
        for (i, r) in listed().enumerate() {
            for (c, cell) in cells(r, lang).iter().enumerate() {
                let content = cell.content();
                let wide = content
                    .split('\n')
                    .map(UnicodeWidthStr::width)
                    .max()
                    .unwrap_or(0);
                if wide > widest[c].0 {
                    widest[c] = (wide, i);
                }
                let word = super::words::longest_word(&content);
                if word > wordiest[c].0 {
                    wordiest[c] = (word, i);
                }
            }
        }
        let mut deciding: Vec<usize> = widest.iter().chain(&wordiest).map(|(_, i)| *i).collect();
        deciding.sort_unstable();
        deciding.dedup();
        let mut layout = empty_table(lang, width, true);
        let mut at = deciding.iter().peekable();
        for (i, r) in listed().enumerate() {
            if at.peek() == Some(&&i) {
                at.next();
                layout.add_row(cells(r, lang));
            }
        }
        layout.add_row(total.clone());
        super::words::keep_words(&mut layout);
        // The widths, padding included, read off the top border.
        let laid = layout.to_string();
        let border = laid.lines().next().unwrap_or_default();
        let widths: Vec<u16> = border
            .trim_start_matches('┌')
            .trim_end_matches('┐')
            .split('┬')
            .map(|w| u16::try_from(w.chars().count()).unwrap_or(u16::MAX))
            .collect();
        drop(laid);
        let mut listed = listed().peekable();
        let mut first = true;
        while listed.peek().is_some() {
            let mut table = empty_table(lang, width, first);
            for r in listed.by_ref().take(chunk) {
                table.add_row(cells(r, lang));
            }
            let last = listed.peek().is_none();
            if last {
                table.add_row(total.clone());
            }
            for (i, w) in widths.iter().enumerate() {
                if let Some(column) = table.column_mut(i) {
                    column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(*w)));
                }
            }
            let text = table.to_string();
            let mut lines: Vec<&str> = text.lines().collect();
            if !last {
                lines.pop();
            }
            if !first && !lines.is_empty() {
                lines.remove(0);
            }
            let mut part = lines.join("\n");
            part.push('\n');
            out(&part);
            first = false;
        }
    }
    if count_listed < rows.len() {
        out(&match lang {
            Lang::Zh => format!(
                "列出未通过的 {} 个文件（共 {} 个）；--verbose 列出全部文件\n",
                count_listed,
                rows.len()
            ),
            Lang::En => format!(
                "{} of {} files listed: those that failed; --verbose lists every file\n",
                count_listed,
                rows.len()
            ),
        });
    }
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

    /// A table of many files, laid out a part at a time, is the table laid
    /// out whole: narrow and wide, in both languages, every file or the
    /// failing ones.
    #[test]
    fn a_table_in_parts_is_the_whole_table() {
        let mut rows = Vec::new();
        for i in 0..23usize {
            rows.push(Row {
                path: match i {
                    5 => "clients/a very long name of a client with spaces/filing.toml".into(),
                    9 => "客户/广州示例科技有限公司/filing.toml".into(),
                    14 => "clients/averyveryverylongwordwithoutanyspaceatall/filing.toml".into(),
                    _ => format!("clients/{i}/filing.toml").into(),
                },
                province: [Some("gd"), None, Some("sc")][i % 3],
                nature: [
                    Some(crate::filing::Nature::Enterprise),
                    None,
                    Some(crate::filing::Nature::Personal),
                ][i % 3],
                errors: if i % 4 == 0 { 0 } else { i * 37 },
                warnings: i * i * 101,
            });
        }
        for lang in [Lang::En, Lang::Zh] {
            for width in [None, Some(40), Some(60), Some(100), Some(200)] {
                for all in [false, true] {
                    let filter = Rows {
                        all,
                        deny_warnings: false,
                    };
                    let mut whole = String::new();
                    chunked(&rows, lang, width, filter, usize::MAX, &mut |p| {
                        whole.push_str(p)
                    });
                    for chunk in [1, 2, 5, 22] {
                        let mut parts = String::new();
                        chunked(&rows, lang, width, filter, chunk, &mut |p| {
                            parts.push_str(p)
                        });
                        assert_eq!(parts, whole, "{lang:?}, width {width:?}, parts of {chunk}");
                    }
                }
            }
        }
    }

    #[test]
    fn no_table_when_nothing_fails() {
        let reports = [testing::report(Vec::new()), testing::report(Vec::new())];
        assert_eq!(table(&reports, Lang::Zh, None, Rows::default()), "");
    }
}
