//! `icp report`: the agency's whole book of filings at a glance — one row
//! per filing, what expires soon, and the findings across filings — as a
//! terminal table, Markdown, JSON, CSV or a self-contained HTML page.
//!
//! Built from the reports `validate` made (and the index entries of the
//! rules across filings, which carry the expiry dates): no file is read
//! again.

use std::fmt::Write as _;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use jiff::civil::Date;
use serde::Serialize;

use super::json::display_path;
use super::{Summary, line_column};
use crate::Lang;
use crate::filing::Vocabulary;
use crate::finding::{KindName, Severity};
use crate::validate::FileReport;

/// One filing's row.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The file.
    pub path: String,
    /// The client: the subject's name.
    pub client: Option<String>,
    /// The province code.
    pub province: Option<&'static str>,
    /// The filing type's key.
    #[serde(rename = "type")]
    pub filing_type: Option<&'static str>,
    /// The ICP number, when the filing gives one.
    pub icp_number: Option<String>,
    /// `errors`, `warnings` or `clean` (infos do not count).
    pub status: &'static str,
    /// Findings at error severity.
    pub errors: usize,
    /// Findings at warning severity.
    pub warnings: usize,
    /// Documents the rules ask for that are not declared.
    pub documents_missing: usize,
    /// Declared documents whose file cannot be uploaded.
    pub documents_unusable: usize,
    /// The soonest expiry among IDs, the unit certificate and domains.
    pub next_expiry: Option<Expiring>,
}

/// Something that expires, of one filing.
#[derive(Clone, Debug, Serialize)]
pub struct Expiring {
    /// The file.
    pub path: String,
    /// The client.
    pub client: Option<String>,
    /// The field path of the date.
    pub field: String,
    /// What expires: the person's name, the domain, the unit.
    pub what: String,
    /// The date.
    pub date: String,
    /// Days from the as-of date (negative: already expired).
    pub days: i64,
}

/// A finding across filings, as the report lists it.
#[derive(Clone, Debug, Serialize)]
pub struct Across {
    /// The file.
    pub path: String,
    /// The rule.
    pub rule: String,
    /// Its severity.
    pub severity: &'static str,
    /// The field.
    pub field: String,
    /// The message in the report's language.
    pub message: String,
    /// Line of the field, when known.
    pub line: Option<usize>,
}

/// The whole report.
#[derive(Clone, Debug, Serialize)]
pub struct Book {
    /// The as-of date of the expiry window (`2026-11-28` in JSON).
    #[serde(serialize_with = "as_text")]
    pub as_of: Date,
    /// The window, in days.
    pub within_days: i64,
    /// One row per filing, in the order of the files.
    pub filings: Vec<Row>,
    /// What expires on or before the as-of date plus the window, soonest
    /// first.
    pub expiring: Vec<Expiring>,
    /// The findings of the rules across filings.
    pub across: Vec<Across>,
    /// Totals.
    pub summary: Summary,
}

/// A value as it displays (a date as `2026-11-28`).
fn as_text<T: std::fmt::Display, S: serde::Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

fn days(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |s| i64::from(s.get_days()))
}

impl Book {
    /// An empty book, judged at `as_of` with a window of `within` days:
    /// [`Book::add`] each file's report as it is checked, then
    /// [`Book::add_across`] the findings across filings, then
    /// [`Book::finish`]. Only the rows are kept, never the reports, so a
    /// book of many filings costs a row each.
    pub fn new(as_of: Date, within: i64) -> Book {
        Book {
            as_of,
            within_days: within,
            filings: Vec::new(),
            expiring: Vec::new(),
            across: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// The book of `reports` (with the findings across filings already
    /// added), judged at `as_of` with a window of `within` days.
    pub fn of(reports: &[FileReport], as_of: Date, within: i64, lang: Lang) -> Book {
        let mut book = Book::new(as_of, within);
        for r in reports {
            book.add(r, lang);
        }
        book.finish()
    }

    /// Adds a file's row, what of it expires within the window, and the
    /// findings across filings its report already holds.
    pub fn add(&mut self, r: &FileReport, lang: Lang) {
        let as_of = self.as_of;
        let path = display_path(&r.path);
        let entry = r.across.as_ref();
        let client = entry.and_then(|e| e.name.clone());
        let expiry = |(field, date, what): &(String, Date, String)| Expiring {
            path: path.clone(),
            client: client.clone(),
            field: field.clone(),
            what: what.clone(),
            date: date.to_string(),
            days: days(as_of, *date),
        };
        if let Some(e) = entry {
            self.expiring.extend(
                e.expiries
                    .iter()
                    .map(expiry)
                    .filter(|x| x.days <= self.within_days),
            );
        }
        let document = |f: &&crate::finding::Finding| f.severity() != Severity::Off;
        let missing = r
            .findings
            .iter()
            .filter(document)
            .filter(|f| f.rule.kind == KindName::Document)
            .count();
        let unusable = r
            .findings
            .iter()
            .filter(document)
            .filter(|f| f.rule.kind != KindName::Document && f.id().starts_with("document-"))
            .count();
        self.filings.push(Row {
            path: path.clone(),
            client: client.clone(),
            province: r.province,
            filing_type: entry.and_then(|e| e.filing_type()).map(|t| t.key()),
            icp_number: entry.and_then(|e| e.icp_number.clone()),
            status: "clean",
            errors: 0,
            warnings: 0,
            documents_missing: missing,
            documents_unusable: unusable,
            next_expiry: entry.and_then(|e| e.next_expiry()).map(expiry),
        });
        self.summary.add(&Summary::of(std::slice::from_ref(r)));
        let at = self.filings.len() - 1;
        self.count(at, r, lang);
    }

    /// Adds findings across filings that came after the files were added
    /// (`r` holds only those, of the file of row `at`).
    pub fn add_across(&mut self, at: usize, r: &FileReport, lang: Lang) {
        let mut counts = Summary::of(std::slice::from_ref(r));
        // The file was counted already.
        counts.files = 0;
        self.summary.add(&counts);
        self.count(at, r, lang);
    }

    /// Counts `r`'s findings into row `at`, and lists its findings across
    /// filings.
    fn count(&mut self, at: usize, r: &FileReport, lang: Lang) {
        let Some(row) = self.filings.get_mut(at) else {
            return;
        };
        row.errors += r.count(Severity::Error);
        row.warnings += r.count(Severity::Warning);
        row.status = if row.errors > 0 {
            "errors"
        } else if row.warnings > 0 {
            "warnings"
        } else {
            "clean"
        };
        let path = &row.path;
        for f in r
            .findings
            .iter()
            .filter(|f| f.rule.kind == KindName::Across)
        {
            self.across.push(Across {
                path: path.clone(),
                rule: f.id().to_owned(),
                severity: f.severity().as_str(),
                field: f.path.clone(),
                message: f.message(lang),
                line: f.span.as_ref().map(|s| line_column(&r.text, s.start).0),
            });
        }
    }

    /// Puts what expires in order, soonest first.
    pub fn finish(mut self) -> Book {
        self.expiring
            .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.path.cmp(&b.path)));
        self
    }
}

fn headers(lang: Lang) -> [&'static str; 9] {
    [
        lang.pick("文件", "file"),
        lang.pick("客户", "client"),
        lang.pick("省份", "province"),
        lang.pick("备案类型", "type"),
        lang.pick("备案号", "ICP number"),
        lang.pick("状态", "status"),
        lang.pick("缺材料", "missing"),
        lang.pick("材料不可用", "unusable"),
        lang.pick("最近到期", "next expiry"),
    ]
}

fn status(row: &Row, lang: Lang) -> String {
    match (row.status, lang) {
        ("clean", _) => format!("✓ {}", lang.pick("无问题", "clean")),
        ("errors", Lang::Zh) => format!("✗ {} 错误 {} 警告", row.errors, row.warnings),
        ("errors", Lang::En) => format!("✗ {} E {} W", row.errors, row.warnings),
        (_, Lang::Zh) => format!("! {} 警告", row.warnings),
        (_, Lang::En) => format!("! {} W", row.warnings),
    }
}

fn filing_type(row: &Row, lang: Lang) -> String {
    row.filing_type
        .and_then(crate::filing::FilingType::parse)
        .map_or_else(|| "—".to_owned(), |t| t.label(lang).to_owned())
}

fn province(row: &Row, lang: Lang) -> String {
    match row.province.and_then(crate::data::find_province) {
        Some(p) => match lang {
            Lang::Zh => format!("{} {}", p.code, p.short_name),
            Lang::En => format!("{} {}", p.code, p.name_en()),
        },
        None => "—".to_owned(),
    }
}

/// What expires, in words: "ID of 王五", "domain kehu01.com".
fn what(e: &Expiring, lang: Lang) -> String {
    let kind = if e.field.ends_with("certificate_expires") {
        lang.pick("单位证件", "unit certificate")
    } else if e.field.ends_with("id_expires") {
        lang.pick("证件", "ID of")
    } else {
        lang.pick("域名", "domain")
    };
    match lang {
        Lang::Zh if kind == "证件" => format!("{}的证件", e.what),
        _ if e.what.is_empty() => kind.to_owned(),
        _ if kind == "unit certificate" || kind == "单位证件" => kind.to_owned(),
        _ => format!("{kind} {}", e.what),
    }
}

fn in_days(e: &Expiring, lang: Lang) -> String {
    match (e.days, lang) {
        (d, Lang::Zh) if d < 0 => format!("已过期 {} 天", -d),
        (d, Lang::En) if d < 0 => format!("expired {} days ago", -d),
        (0, _) => lang.pick("今天", "today").to_owned(),
        (d, Lang::Zh) => format!("{d} 天后"),
        (d, Lang::En) => format!("in {d} days"),
    }
}

fn next_expiry(row: &Row, lang: Lang) -> String {
    row.next_expiry.as_ref().map_or_else(
        || "—".to_owned(),
        |e| format!("{} ({})", e.date, what(e, lang)),
    )
}

fn cells(row: &Row, lang: Lang) -> [String; 9] {
    [
        row.path.clone(),
        row.client.clone().unwrap_or_else(|| "—".into()),
        province(row, lang),
        filing_type(row, lang),
        row.icp_number.clone().unwrap_or_else(|| "—".into()),
        status(row, lang),
        row.documents_missing.to_string(),
        row.documents_unusable.to_string(),
        next_expiry(row, lang),
    ]
}

fn expiring_title(book: &Book, lang: Lang) -> String {
    // A window of 0 days holds only what has expired (and what expires on
    // the day itself).
    match (lang, book.within_days) {
        (Lang::Zh, 0) => format!("已到期（截至 {}）", book.as_of),
        (Lang::En, 0) => format!("Expired (as of {})", book.as_of),
        (Lang::Zh, _) => format!("即将到期（{} 起 {} 天内）", book.as_of, book.within_days),
        (Lang::En, _) => format!(
            "Expiring (within {} days of {})",
            book.within_days, book.as_of
        ),
    }
}

/// The step of the timeline's ticks for a window: the smallest of 30 days,
/// a quarter, half a year, a year or multiples of two years that draws at
/// most 12 of them after the start.
fn tick_step(within: i64) -> i64 {
    const STEPS: [i64; 4] = [30, 90, 180, 365];
    STEPS
        .into_iter()
        .chain((1..).map(|n| 730 * n))
        .find(|step| within / step <= 12)
        .unwrap_or(within.max(1))
}

fn expiring_headers(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick("到期日", "date"),
        lang.pick("剩余", "when"),
        lang.pick("客户", "client"),
        lang.pick("到期项", "what"),
        lang.pick("文件", "file"),
        lang.pick("字段", "field"),
    ]
}

fn expiring_cells(e: &Expiring, lang: Lang) -> [String; 6] {
    [
        e.date.clone(),
        in_days(e, lang),
        e.client.clone().unwrap_or_else(|| "—".into()),
        what(e, lang),
        e.path.clone(),
        e.field.clone(),
    ]
}

fn across_title(lang: Lang) -> &'static str {
    lang.pick("跨备案检查", "Across filings")
}

fn nothing(lang: Lang) -> &'static str {
    lang.pick("无", "none")
}

fn summary_line(book: &Book, lang: Lang) -> String {
    let s = book.summary;
    crate::i18n::summary(lang, s.files, s.errors, s.warnings, s.infos)
}

/// `--format table`: tables for the terminal; `width` in columns, `None`
/// for rows as long as they need (piped output).
pub fn table(book: &Book, lang: Lang, width: Option<u16>) -> String {
    let new_table = |header: Vec<&str>| {
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        match width {
            Some(w) => {
                table
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(w);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table.set_header(header);
        table
    };
    let mut out = String::new();
    let mut rows = new_table(headers(lang).to_vec());
    for row in &book.filings {
        let c = cells(row, lang);
        rows.add_row(c.into_iter().enumerate().map(|(i, s)| {
            let cell = Cell::new(s);
            if i == 6 || i == 7 {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    let _ = writeln!(out, "{rows}");
    let _ = writeln!(out, "\n{}", expiring_title(book, lang));
    if book.expiring.is_empty() {
        let _ = writeln!(out, "  {}", nothing(lang));
    } else {
        let mut exp = new_table(expiring_headers(lang).to_vec());
        for e in &book.expiring {
            exp.add_row(expiring_cells(e, lang).to_vec());
        }
        let _ = writeln!(out, "{exp}");
    }
    let _ = writeln!(out, "\n{}", across_title(lang));
    if book.across.is_empty() {
        let _ = writeln!(out, "  {}", nothing(lang));
    }
    for a in &book.across {
        let line = a.line.map_or_else(String::new, |l| format!(":{l}"));
        let _ = writeln!(
            out,
            "  {}{line}: {} {} {}",
            a.path, a.severity, a.rule, a.message
        );
    }
    let _ = writeln!(out, "\n{}", summary_line(book, lang));
    out
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// `--format markdown`.
pub fn markdown(book: &Book, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", lang.pick("备案总览", "Filings report"));
    let row = |out: &mut String, cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| md_escape(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    };
    let h: Vec<String> = headers(lang).iter().map(|s| s.to_string()).collect();
    row(&mut out, &h);
    let _ = writeln!(out, "|{}", " --- |".repeat(h.len()));
    for r in &book.filings {
        row(&mut out, &cells(r, lang));
    }
    let _ = writeln!(out, "\n## {}\n", expiring_title(book, lang));
    if book.expiring.is_empty() {
        let _ = writeln!(out, "{}", nothing(lang));
    } else {
        let h: Vec<String> = expiring_headers(lang)
            .iter()
            .map(|s| s.to_string())
            .collect();
        row(&mut out, &h);
        let _ = writeln!(out, "|{}", " --- |".repeat(h.len()));
        for e in &book.expiring {
            row(&mut out, &expiring_cells(e, lang));
        }
    }
    let _ = writeln!(out, "\n## {}\n", across_title(lang));
    if book.across.is_empty() {
        let _ = writeln!(out, "{}", nothing(lang));
    }
    for a in &book.across {
        let line = a.line.map_or_else(String::new, |l| format!(":{l}"));
        let _ = writeln!(
            out,
            "- `{}{line}` **{}** `{}`: {}",
            a.path,
            a.severity,
            a.rule,
            md_escape(&a.message)
        );
    }
    let _ = writeln!(out, "\n{}", summary_line(book, lang));
    out
}

/// `--format json`.
pub fn json(book: &Book) -> String {
    #[derive(Serialize)]
    struct Document<'a> {
        version: u32,
        #[serde(flatten)]
        book: &'a Book,
    }
    let mut out = serde_json::to_string_pretty(&Document { version: 1, book })
        .unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// `--format csv`: the table of filings (RFC 4180, a header row, values
/// as JSON gives them: keys, not labels), for a spreadsheet.
pub fn csv(book: &Book) -> String {
    let mut out = String::from(
        "path,client,province,type,icp_number,status,errors,warnings,documents_missing,documents_unusable,next_expiry,next_expiry_field\r\n",
    );
    for r in &book.filings {
        let fields = [
            r.path.clone(),
            r.client.clone().unwrap_or_default(),
            r.province.unwrap_or_default().to_owned(),
            r.filing_type.unwrap_or_default().to_owned(),
            r.icp_number.clone().unwrap_or_default(),
            r.status.to_owned(),
            r.errors.to_string(),
            r.warnings.to_string(),
            r.documents_missing.to_string(),
            r.documents_unusable.to_string(),
            r.next_expiry
                .as_ref()
                .map(|e| e.date.clone())
                .unwrap_or_default(),
            r.next_expiry
                .as_ref()
                .map(|e| e.field.clone())
                .unwrap_or_default(),
        ];
        let fields: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The expiry timeline: one dot per expiring item on a line from the
/// as-of date to the end of the window (already expired ones at the left
/// edge, in red), labelled with the client. Plain SVG, drawn by hand.
pub fn timeline(book: &Book, lang: Lang) -> String {
    let row_h = 22.0;
    let (left, right, top) = (200.0, 40.0, 40.0);
    let width = 900.0;
    let plot = width - left - right;
    let n = book.expiring.len().max(1);
    let height = top + row_h * n as f64 + 30.0;
    let span = book.within_days.max(1) as f64;
    let x = |days: i64| left + plot * (days.clamp(0, book.within_days.max(1)) as f64) / span;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = write!(
        svg,
        "<title>{}</title>",
        html_escape(&expiring_title(book, lang))
    );
    let _ = write!(
        svg,
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    // The axis: the as-of date, the end of the window, ticks every 30 days
    // or more (at most a dozen).
    let axis_y = top - 12.0;
    let _ = write!(
        svg,
        "<line x1=\"{left}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#555\"/>",
        left + plot
    );
    let step = tick_step(book.within_days);
    let mut tick = 0;
    while tick <= book.within_days {
        let tx = x(tick);
        let _ = write!(
            svg,
            "<line x1=\"{tx}\" y1=\"{}\" x2=\"{tx}\" y2=\"{}\" stroke=\"#ddd\"/><text x=\"{tx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">+{tick}</text>",
            axis_y,
            height - 20.0,
            axis_y - 6.0
        );
        tick += step;
    }
    for (i, e) in book.expiring.iter().enumerate() {
        let y = top + row_h * i as f64 + row_h / 2.0;
        let cx = x(e.days);
        let color = if e.days < 0 {
            "#c0392b"
        } else if e.days <= 30 {
            "#e67e22"
        } else {
            "#2c7be5"
        };
        let label = format!(
            "{} · {}",
            e.client.clone().unwrap_or_else(|| e.path.clone()),
            what(e, lang)
        );
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#222\">{}</text>",
            left - 8.0,
            y + 4.0,
            html_escape(&label)
        );
        let _ = write!(
            svg,
            "<line x1=\"{left}\" y1=\"{y}\" x2=\"{cx}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"6\" stroke-linecap=\"round\" opacity=\"0.35\"/>"
        );
        let _ = write!(
            svg,
            "<circle cx=\"{cx}\" cy=\"{y}\" r=\"6\" fill=\"{color}\"><title>{} {}</title></circle>",
            html_escape(&e.date),
            html_escape(&in_days(e, lang))
        );
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" fill=\"#222\">{}</text>",
            cx + 10.0,
            y + 4.0,
            html_escape(&e.date)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// `--format html`: one self-contained page (no script, no link, no
/// network): the table of filings, the expiry timeline as inline SVG and
/// its table, the findings across filings.
pub fn html(book: &Book, lang: Lang) -> String {
    let title = lang.pick("备案总览", "Filings report");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n\
         body {{ font-family: sans-serif; margin: 2em; color: #222; background: #fff; }}\n\
         table {{ border-collapse: collapse; margin: 1em 0; }}\n\
         th, td {{ border: 1px solid #ccc; padding: 4px 8px; text-align: left; }}\n\
         th {{ background: #f0f0f0; }}\n\
         td.num {{ text-align: right; }}\n\
         .errors {{ color: #c0392b; font-weight: bold; }}\n\
         .warnings {{ color: #b9770e; }}\n\
         .clean {{ color: #1e8449; }}\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    );
    let _ = writeln!(out, "<p>{}</p>", html_escape(&summary_line(book, lang)));
    out.push_str("<table id=\"filings\">\n<tr>");
    for h in headers(lang) {
        let _ = write!(out, "<th>{}</th>", html_escape(h));
    }
    out.push_str("</tr>\n");
    for r in &book.filings {
        out.push_str("<tr>");
        for (i, c) in cells(r, lang).iter().enumerate() {
            let class = match i {
                5 => format!(" class=\"{}\"", r.status),
                6 | 7 => " class=\"num\"".to_owned(),
                _ => String::new(),
            };
            let _ = write!(out, "<td{class}>{}</td>", html_escape(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    let _ = writeln!(out, "<h2>{}</h2>", html_escape(&expiring_title(book, lang)));
    if book.expiring.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", nothing(lang));
    } else {
        let _ = writeln!(
            out,
            "<figure id=\"timeline\">{}</figure>",
            timeline(book, lang)
        );
        out.push_str("<table id=\"expiring\">\n<tr>");
        for h in expiring_headers(lang) {
            let _ = write!(out, "<th>{}</th>", html_escape(h));
        }
        out.push_str("</tr>\n");
        for e in &book.expiring {
            out.push_str("<tr>");
            for c in expiring_cells(e, lang) {
                let _ = write!(out, "<td>{}</td>", html_escape(&c));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    let _ = writeln!(out, "<h2>{}</h2>", across_title(lang));
    if book.across.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", nothing(lang));
    } else {
        out.push_str("<ul id=\"across\">\n");
        for a in &book.across {
            let line = a.line.map_or_else(String::new, |l| format!(":{l}"));
            let _ = writeln!(
                out,
                "<li class=\"{}\"><code>{}{line}</code> <b>{}</b> <code>{}</code>: {}</li>",
                a.severity,
                html_escape(&a.path),
                a.severity,
                html_escape(&a.rule),
                html_escape(&a.message)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html_escape("<a href='x'>&</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn timeline_ticks_are_a_dozen_at_most() {
        assert_eq!(tick_step(0), 30);
        assert_eq!(tick_step(90), 30);
        assert_eq!(tick_step(360), 30);
        assert_eq!(tick_step(400), 90);
        assert_eq!(tick_step(2000), 180);
        assert_eq!(tick_step(4000), 365);
        for within in [0, 1, 30, 365, 1000, 5000, 36600, 1_000_000] {
            assert!(within / tick_step(within) <= 12, "{within}");
        }
    }

    #[test]
    fn days_count_both_ways() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(days(d("2026-11-28"), d("2027-01-15")), 48);
        assert_eq!(days(d("2026-11-28"), d("2026-11-20")), -8);
    }
}
