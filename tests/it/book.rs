//! `icp report`: the book of tests/fixtures/book in every format, and the
//! HTML page rendered by a real headless browser.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::icp;

const BOOK: &str = "tests/fixtures/book";

fn report(args: &[&str]) -> (i32, String) {
    let out = icp()
        .args(["report", "--today", "2026-11-28", "--no-config"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn json(args: &[&str]) -> Value {
    let mut all = vec![BOOK, "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&report(&all).1).unwrap()
}

fn file<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["filings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with(name))
        .unwrap()
}

#[test]
fn one_row_per_filing_with_status_documents_and_next_expiry() {
    let json = json(&["--lang", "en"]);
    assert_eq!(json["filings"].as_array().unwrap().len(), 20);
    let c05 = file(&json, "c05.filing.toml");
    assert_eq!(c05["client"], "深圳市戊戊科技有限公司");
    assert_eq!(c05["province"], "gd");
    assert_eq!(c05["type"], "new");
    assert_eq!(c05["status"], "clean");
    let c18 = file(&json, "c18.filing.toml");
    assert_eq!(c18["status"], "errors");
    assert_eq!(c18["documents_missing"], 1);
    assert_eq!(c18["documents_unusable"], 1);
    assert_eq!(c18["next_expiry"]["date"], "2026-12-18");
    assert_eq!(c18["next_expiry"]["field"], "subject.principal.id_expires");
    assert_eq!(file(&json, "c04.filing.toml")["status"], "warnings");
    assert_eq!(
        file(&json, "c13.filing.toml")["icp_number"],
        "粤ICP备2024000003号"
    );
}

#[test]
fn expiring_lists_the_window_soonest_first_expired_included() {
    let json = json(&["--lang", "en"]);
    let dates: Vec<(&str, i64)> = json["expiring"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["date"].as_str().unwrap(), e["days"].as_i64().unwrap()))
        .collect();
    // c06's domain expired; c10's domain (2027-06-01) is outside 90 days.
    assert_eq!(
        dates,
        [
            ("2026-11-20", -8),
            ("2026-12-18", 20),
            ("2026-12-20", 22),
            ("2027-01-15", 48)
        ]
    );
    let wider = json_with_window("200");
    assert!(
        wider["expiring"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["date"] == "2027-06-01")
    );
    let none = json_with_window("0");
    assert_eq!(
        none["expiring"].as_array().unwrap().len(),
        1,
        "only the expired one"
    );
}

fn json_with_window(days: &str) -> Value {
    json(&["--within", days])
}

#[test]
fn across_filings_are_listed_and_the_exit_code_is_zero() {
    let (code, out) = report(&[BOOK, "--lang", "en"]);
    assert_eq!(code, 0);
    for part in [
        "Expiring (within 90 days of 2026-11-28)",
        "expired 8 days ago",
        "in 20 days",
        "Across filings",
        "tests/fixtures/book/c01.filing.toml:42: error across-domain the domain kehu01.com also appears in tests/fixtures/book/c11.filing.toml",
        "王五 (44030519900307105X) is the principal of 3 subjects",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
    assert!(
        !out.contains("2027-06-01 ┆ in"),
        "outside the window:\n{out}"
    );
    let json = json(&[]);
    assert_eq!(json["across"].as_array().unwrap().len(), 14);
}

#[test]
fn chinese_tables() {
    let (_, out) = report(&[BOOK, "--lang", "zh"]);
    for part in [
        "即将到期（2026-11-28 起 90 天内）",
        "已过期 8 天",
        "跨备案检查",
        "首次备案",
        "✓ 无问题",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
}

#[test]
fn markdown_and_csv() {
    let (_, md) = report(&[BOOK, "--lang", "en", "--format", "markdown"]);
    assert!(md.starts_with("# Filings report\n"), "{md}");
    assert!(
        md.contains("\n## Expiring (within 90 days of 2026-11-28)\n"),
        "{md}"
    );
    assert!(
        md.contains("| 2026-11-20 | expired 8 days ago | 深圳市己己科技有限公司 |"),
        "{md}"
    );
    let (_, csv) = report(&[BOOK, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "path");
    assert_eq!(&headers[10], "next_expiry");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 20);
    let c13 = rows
        .iter()
        .find(|r| r[0].ends_with("c13.filing.toml"))
        .unwrap();
    assert_eq!(&c13[3], "change");
    assert_eq!(&c13[4], "粤ICP备2024000003号");
    assert_eq!(&c13[5], "errors");
}

#[test]
fn redact_masks_the_numbers_of_across_findings() {
    let (_, out) = report(&[BOOK, "--lang", "en", "--redact"]);
    assert!(!out.contains("440305199003071025"), "{out}");
    assert!(out.contains("across-id-number"), "{out}");
}

#[test]
fn the_html_page_is_self_contained() {
    let (code, html) = report(&[BOOK, "--lang", "en", "--format", "html"]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for banned in ["<script", "<link", "src=", "url(", "@import"] {
        assert!(!html.contains(banned), "{banned} in the page");
    }
    // The only URL is the SVG namespace, which is never fetched.
    assert_eq!(html.matches("http").count(), 1, "{html}");
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(
        html.matches("<circle").count(),
        4,
        "one dot per expiring item"
    );
}

/// A headless Chromium (or Chrome) on PATH.
fn browser() -> Option<&'static str> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .into_iter()
    .find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// The distinct rows of pixels of a PNG (after inflating; filter bytes
/// included): a blank page has one or two, a page of text hundreds.
fn distinct_rows(png: &[u8]) -> usize {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let mut pos = 8;
    let (mut width, mut bpp, mut idat) = (0usize, 4usize, Vec::new());
    while pos + 8 <= png.len() {
        let len = u32::from_be_bytes(png[pos..pos + 4].try_into().unwrap()) as usize;
        let kind = &png[pos + 4..pos + 8];
        let data = &png[pos + 8..pos + 8 + len];
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(data[..4].try_into().unwrap()) as usize;
                bpp = match data[9] {
                    2 => 3,
                    6 => 4,
                    0 => 1,
                    4 => 2,
                    _ => 1,
                };
            }
            b"IDAT" => idat.extend_from_slice(data),
            _ => {}
        }
        pos += 12 + len;
    }
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&idat).unwrap();
    let stride = width * bpp + 1;
    let rows: std::collections::HashSet<&[u8]> = raw.chunks(stride).collect();
    rows.len()
}

#[test]
fn the_html_page_renders_in_a_headless_browser() {
    let Some(browser) = browser() else {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "CI=true but no chromium: .ci/run installs it"
        );
        eprintln!("skipped: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = report(&[BOOK, "--lang", "en", "--format", "html"]);
    let page = dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let url = format!("file://{}", page.display());
    let shot = dir.path().join("shot.png");
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--hide-scrollbars",
        "--window-size=1200,1400",
    ];
    let profile = format!("--user-data-dir={}", dir.path().join("profile").display());
    let out = Command::new(browser)
        .args(common)
        .arg(&profile)
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        shot.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    let rows = distinct_rows(&png);
    assert!(
        rows > 50,
        "the screenshot looks blank ({rows} distinct rows)"
    );
    let dom = Command::new(browser)
        .args(common)
        .arg(&profile)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    for part in [
        "Filings report",
        "Expiring (within 90 days of 2026-11-28)",
        "深圳市戊戊科技有限公司",
        "across-domain",
        "<svg",
        "expired 8 days ago",
    ] {
        assert!(dom.contains(part), "the browser's DOM lacks {part:?}");
    }
    let _ = Path::new(&url);
}

#[test]
fn output_file_holds_the_report_and_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("book.md");
    let (code, stdout) = report(&[
        BOOK,
        "--format",
        "markdown",
        "--output-file",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "", "the report goes to the file only");
    let (_, expected) = report(&[BOOK, "--format", "markdown"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
    // A filing the report reads is never replaced by it.
    let filing = dir.path().join("a.filing.toml");
    std::fs::copy(format!("{BOOK}/c01.filing.toml"), &filing).unwrap();
    let before = std::fs::read(&filing).unwrap();
    let run = icp()
        .args(["report", "--no-config", "--lang", "en"])
        .arg(dir.path())
        .arg("--output-file")
        .arg(&filing)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("a.filing.toml"));
    assert_eq!(std::fs::read(&filing).unwrap(), before);
}

#[test]
fn every_path_failing_prints_only_the_errors_and_keeps_the_output_file() {
    let run = icp()
        .args([
            "report",
            "/nonexistent/icp-book",
            "--no-config",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "", "no empty table");
    assert!(String::from_utf8_lossy(&run.stderr).contains("/nonexistent/icp-book"));
    // Nor is an output file written then.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("book.md");
    let run = icp()
        .args([
            "report",
            "/nonexistent/icp-book",
            "--no-config",
            "--lang",
            "en",
        ])
        .arg("--output-file")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists());
    assert!(String::from_utf8_lossy(&run.stderr).contains("was not written"));
    // A path unreadable beside readable ones: the incomplete report does
    // not replace the last one.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("book.md");
    std::fs::write(&out, "the last complete report\n").unwrap();
    let run = icp()
        .args([
            "report",
            BOOK,
            "/nonexistent/icp-book",
            "--no-config",
            "--lang",
            "en",
        ])
        .args(["--format", "markdown", "--output-file"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("was not written"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the last complete report\n"
    );
}

#[test]
fn a_long_window_draws_a_dozen_ticks_and_a_window_of_zero_says_expired() {
    let (code, html) = report(&[
        BOOK, "--lang", "en", "--format", "html", "--within", "36600",
    ]);
    assert_eq!(code, 0);
    let ticks = html
        .matches("text-anchor=\"middle\" fill=\"#555\">+")
        .count();
    assert!((2..=13).contains(&ticks), "{ticks} ticks");
    let (_, zh) = report(&[BOOK, "--lang", "zh", "--within", "0"]);
    assert!(zh.contains("已到期（截至 2026-11-28）"), "{zh}");
    assert!(!zh.contains("0 天内"), "{zh}");
    let (_, en) = report(&[BOOK, "--lang", "en", "--within", "0"]);
    assert!(en.contains("Expired (as of 2026-11-28)"), "{en}");
}
