//! `icp checklist`: the documents a filing needs with their status, the
//! steps left, and what a province asks without a filing.

use std::path::Path;

use serde_json::Value;

use crate::common::{example, icp};

/// A small but real JPEG (SOI, JFIF header, EOI): the checks read the size
/// and the first bytes.
const JPEG: &[u8] = &[
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF,
    0xD9,
];
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

/// A client directory: the filing and the scans it declares, each written
/// as `scan` says (a missing entry leaves the file out).
fn client(dir: &Path, filing: &str, scans: &[(&str, &[u8])]) -> std::path::PathBuf {
    std::fs::create_dir_all(dir.join("scans")).unwrap();
    for (name, bytes) in scans {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let path = dir.join("filing.toml");
    std::fs::write(&path, filing).unwrap();
    path
}

fn json(path: &Path) -> (i32, Value) {
    let out = icp()
        .args(["checklist", "--format", "json", "--today", "2026-11-28"])
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

fn status_of<'a>(doc: &'a Value, kind: &str) -> &'a Value {
    doc["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {doc:#}"))
}

#[test]
fn every_status_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let big = {
        let mut b = JPEG.to_vec();
        b.resize(2 * 1024 * 1024 + 1, 0);
        b
    };
    let path = client(
        dir.path(),
        &example("enterprise-gd"),
        &[
            ("scans/license.jpg", JPEG),
            ("scans/commitment.jpg", JPEG),
            ("scans/zhangsan-front.jpg", PNG), // a PNG renamed .jpg
            ("scans/zhangsan-back.jpg", &big), // over 2 MiB
                                               // scans/sheet.jpg left out: missing file
        ],
    );
    let (code, doc) = json(&path);
    assert_eq!(code, 1);
    assert_eq!(status_of(&doc, "business-license")["status"], "provided");
    let front = status_of(&doc, "id-card-front");
    assert_eq!(front["status"], "unusable");
    assert_eq!(front["problems"][0], "document-not-jpeg");
    let back = status_of(&doc, "id-card-back");
    assert_eq!(back["problems"][0], "document-too-large");
    let sheet = status_of(&doc, "verification-sheet");
    assert_eq!(sheet["status"], "unusable");
    assert_eq!(sheet["problems"][0], "document-file-missing");
    assert_eq!(sheet["count"], 2);
    assert_eq!(sheet["owner_path"], "websites[0].documents");
    assert_eq!(doc["summary"]["provided"], 2);
    assert_eq!(doc["summary"]["unusable"], 3);
    let steps: Vec<&str> = doc["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["rule"].as_str().unwrap())
        .collect();
    assert!(steps.contains(&"sms-verification"), "{steps:?}");
}

/// The reason a file is unusable is the message validate gives, with its
/// values: a placeholder of the rule never shows as written.
#[test]
fn an_unusable_file_says_why_with_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let big = {
        let mut b = JPEG.to_vec();
        b.resize(2 * 1024 * 1024 + 1, 0);
        b
    };
    let path = client(
        dir.path(),
        &example("enterprise-gd"),
        &[
            ("scans/license.jpg", JPEG),
            ("scans/commitment.jpg", JPEG),
            ("scans/zhangsan-front.jpg", JPEG),
            ("scans/zhangsan-back.jpg", &big),
            ("scans/sheet.jpg", JPEG),
        ],
    );
    for (lang, reason) in [
        (
            "en",
            "unusable: the document file scans/zhangsan-back.jpg has 2097153 bytes, over 2 MiB",
        ),
        (
            "zh",
            "不可用：材料文件 scans/zhangsan-back.jpg 有 2097153 字节，超过 2 MiB",
        ),
    ] {
        let out = icp()
            .args(["checklist", "--format", "markdown", "--today", "2026-11-28"])
            .args(["--lang", lang])
            .arg(&path)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(reason), "{text}");
        assert!(!text.contains('{'), "{text}");
    }
}

#[test]
fn an_empty_file_and_a_wrong_suffix() {
    let dir = tempfile::tempdir().unwrap();
    let text = example("enterprise-gd").replace("scans/sheet.jpg", "scans/sheet.png");
    let path = client(
        dir.path(),
        &text,
        &[
            ("scans/license.jpg", b""),
            ("scans/zhangsan-front.jpg", JPEG),
            ("scans/zhangsan-back.jpg", JPEG),
            ("scans/sheet.png", JPEG),
        ],
    );
    let (_, doc) = json(&path);
    assert_eq!(
        status_of(&doc, "business-license")["problems"][0],
        "document-empty"
    );
    assert_eq!(
        status_of(&doc, "verification-sheet")["problems"][0],
        "document-suffix"
    );
}

#[test]
fn a_missing_declaration_and_a_complete_filing() {
    let dir = tempfile::tempdir().unwrap();
    let text = example("enterprise-gd").replace(
        "documents = [{ kind = \"verification-sheet\", file = \"scans/sheet.jpg\" }]\n",
        "",
    );
    let all = [
        ("scans/license.jpg", JPEG),
        ("scans/commitment.jpg", JPEG),
        ("scans/zhangsan-front.jpg", JPEG),
        ("scans/zhangsan-back.jpg", JPEG),
        ("scans/sheet.jpg", JPEG),
    ];
    let path = client(dir.path(), &text, &all);
    let (code, doc) = json(&path);
    assert_eq!(code, 1);
    assert_eq!(status_of(&doc, "verification-sheet")["status"], "missing");

    let complete = client(dir.path(), &example("enterprise-gd"), &all);
    let (code, doc) = json(&complete);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(doc["summary"]["missing"], 0);
}

#[test]
fn validate_shows_the_same_gaps_as_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = client(dir.path(), &example("enterprise-gd"), &[]);
    let out = icp()
        .args(["validate", "--format", "json", "--today", "2026-11-28"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings alone pass");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = doc["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            d["rule"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        rules
            .iter()
            .filter(|r| **r == "document-file-missing")
            .count(),
        5
    );
    icp()
        .args(["validate", "--deny-warnings", "--today", "2026-11-28"])
        .arg(&path)
        .assert()
        .code(1);
}

#[test]
fn the_table_and_the_markdown() {
    let out = icp()
        .args([
            "checklist",
            "examples/enterprise-gd.filing.toml",
            "--lang",
            "en",
            "--today",
            "2026-11-28",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    // Fits 80 columns, counting Chinese characters as two.
    for line in table.lines() {
        let width: usize = line
            .chars()
            .map(|c| {
                if (c as u32) >= 0x1100 && !"─┆│┌┐└┘├┤┬┴┼═╞╡╪".contains(c)
                {
                    2
                } else {
                    1
                }
            })
            .sum();
        assert!(width <= 80, "{width} columns: {line}");
    }
    assert!(table.contains("What is left to do:"), "{table}");

    let md = icp()
        .args([
            "checklist",
            "examples/personal-sc.filing.toml",
            "--format",
            "markdown",
            "--lang",
            "zh",
            "--today",
            "2026-11-28",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# 备案材料清单：李四"), "{md}");
    assert!(md.contains("- [x] **李四的身份证人像面**"), "{md}");
    assert!(md.contains("## 待办事项"), "{md}");
}

#[test]
fn every_province_without_a_filing() {
    for p in icp::data::provinces().iter().filter(|p| p.mainland) {
        for format in ["table", "markdown", "json"] {
            let out = icp()
                .args([
                    "checklist",
                    "--province",
                    p.code,
                    "--format",
                    format,
                    "--lang",
                    "zh",
                ])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", p.code);
            let text = String::from_utf8(out.stdout).unwrap();
            if format == "json" {
                let doc: Value = serde_json::from_str(&text).unwrap();
                assert_eq!(doc["sections"].as_array().unwrap().len(), 2, "{}", p.code);
            } else {
                let mark = if format == "markdown" { "# " } else { "" };
                assert!(
                    text.contains(&format!("{mark}{}·个人", p.name)),
                    "{}",
                    p.code
                );
                assert!(
                    text.contains(&format!("{mark}{}·企业", p.name)),
                    "{}",
                    p.code
                );
                // No document is on a page without its condition when it
                // has one, and no fact reads as "label: no".
                assert!(!text.contains("：否"), "{}: {text}", p.code);
                assert!(!text.contains("单位主体"), "{}: {text}", p.code);
                for line in text.lines().filter(|l| l.contains("前置审批文件")) {
                    assert!(!line.contains("总是"), "{}: {line}", p.code);
                    if format == "markdown" {
                        assert!(line.contains("时"), "{}: {line}", p.code);
                    }
                }
            }
        }
    }
    // One nature and type: one section.
    let out = icp()
        .args([
            "checklist",
            "--province",
            "粤",
            "--nature",
            "enterprise",
            "--type",
            "new",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["sections"][0]["filing_type"], "new");
    assert!(doc["sections"][1].is_null());
}

/// `icp checklist --province` as a client reads it.
fn page(args: &[&str]) -> String {
    let out = icp()
        .args(["checklist", "--today", "2026-11-28"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_page_drops_what_its_context_settles() {
    // On a personal first-filing page, "a unit: no" and "already filed: no"
    // go without saying.
    let md = page(&[
        "--province",
        "js",
        "--nature",
        "personal",
        "--type",
        "new",
        "--format",
        "markdown",
        "--lang",
        "zh",
    ]);
    assert!(!md.contains("已备案"), "{md}");
    assert!(!md.contains("单位主体"), "{md}");
    assert!(
        md.contains("需要居住证（主体负责人提供）——主体负责人持外省身份证时"),
        "{md}"
    );
    // The construction plan keeps the personal half of its condition only.
    let plan = md.lines().find(|l| l.contains("建设方案书")).unwrap();
    assert!(plan.contains("域名总数超过10"), "{plan}");
    assert!(!plan.contains("30"), "{plan}");
}

#[test]
fn a_page_without_a_type_heads_each_types_steps() {
    let md = page(&[
        "--province",
        "gd",
        "--nature",
        "enterprise",
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    for heading in [
        "## Steps of a first filing only",
        "## Steps of an access filing only",
        "## Steps of a change filing only",
    ] {
        assert!(md.contains(heading), "{heading} missing in\n{md}");
    }
    let sms = md.lines().filter(|l| l.contains("MIIT SMS check")).count();
    let sections = md.matches("## Steps").count();
    assert!(sms <= sections, "{md}");
}

#[test]
fn a_province_page_lists_its_conditions_for_acceptance() {
    for (p, lang, text) in [
        ("sh", "zh", "主体负责人是法定代表人"),
        ("gd", "zh", "主体负责人是法定代表人"),
        ("sh", "en", "Conditions for acceptance"),
    ] {
        let md = page(&[
            "--province",
            p,
            "--nature",
            "enterprise",
            "--type",
            "new",
            "--format",
            "markdown",
            "--lang",
            lang,
        ]);
        let section = md
            .split("## ")
            .find(|s| s.starts_with("受理条件") || s.starts_with("Conditions"))
            .unwrap_or("");
        assert!(section.contains(text), "{p} {lang}: {md}");
    }
    // A personal page of Sichuan has no such section of units' rules.
    let md = page(&[
        "--province",
        "sc",
        "--nature",
        "personal",
        "--type",
        "new",
        "--format",
        "markdown",
        "--lang",
        "zh",
    ]);
    assert!(!md.contains("法定代表人"), "{md}");
}

#[test]
fn the_table_page_differs_from_markdown_and_english_is_english() {
    let args = [
        "--province",
        "gd",
        "--nature",
        "enterprise",
        "--type",
        "new",
        "--lang",
        "en",
    ];
    let md = page(&[&args[..], &["--format", "markdown"]].concat());
    let table = page(&[&args[..], &["--format", "table"]].concat());
    assert_ne!(md, table);
    assert!(table.contains('┆'), "{table}");
    assert!(
        md.starts_with("# Guangdong · enterprise · first filing"),
        "{md}"
    );
    assert!(!md.contains("an unit"), "{md}");
    assert!(md.contains("a unit certificate"), "{md}");
}

/// The browser the HTML page is printed with: Chromium from the system
/// packages (`.ci/run` installs it). Outside CI a machine without one skips
/// the test; under `CI=true` its absence fails it.
fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but no chromium on PATH: .ci/run installs it"
        );
        eprintln!("skipped: no chromium on PATH (CI installs it)");
    }
    found
}

#[test]
fn the_html_page_prints_in_a_real_browser() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let html = page(&[
        "--province",
        "gd",
        "--nature",
        "enterprise",
        "--type",
        "new",
        "--format",
        "html",
        "--lang",
        "en",
    ]);
    // Self-contained: no script, no outside file, a print style sheet.
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    for absent in ["<script", "http-equiv", "<link", "src=", "@import"] {
        assert!(!html.contains(absent), "{absent} in\n{html}");
    }
    assert!(html.contains("@media print"), "{html}");
    let file = dir.path().join("gd.html");
    std::fs::write(&file, &html).unwrap();
    let url = format!("file://{}", file.display());
    let run = |extra: &[String]| {
        std::process::Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
            ])
            .args(extra)
            .arg(&url)
            .output()
            .unwrap()
    };
    // The page as the browser parsed it: every line has its box.
    let dom = String::from_utf8(run(&["--dump-dom".to_owned()]).stdout).unwrap();
    assert!(
        dom.contains("Guangdong · enterprise · first filing"),
        "{dom}"
    );
    let boxes = dom.matches("type=\"checkbox\"").count();
    assert!(boxes > 10, "{boxes} boxes in\n{dom}");
    assert!(dom.contains("Conditions for acceptance"), "{dom}");
    // Printed to PDF: a real document, and its text when pdftotext is there.
    let pdf = dir.path().join("gd.pdf");
    run(&[
        format!("--print-to-pdf={}", pdf.display()),
        "--no-pdf-header-footer".to_owned(),
    ]);
    let bytes = std::fs::read(&pdf).expect("chromium wrote no PDF");
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    assert!(bytes.len() > 5_000, "a PDF of {} bytes", bytes.len());
    if let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        for part in ["Guangdong", "Documents", "a letter of commitment", "Steps"] {
            assert!(text.contains(part), "{part} missing in the PDF:\n{text}");
        }
    }
    // A screenshot is not blank: many distinct bytes of image data.
    let png = dir.path().join("gd.png");
    run(&[
        format!("--screenshot={}", png.display()),
        "--window-size=900,1200".to_owned(),
    ]);
    let image = std::fs::read(&png).expect("chromium wrote no screenshot");
    assert!(
        image.len() > 10_000,
        "a screenshot of {} bytes",
        image.len()
    );
}

#[test]
fn the_html_checklist_of_a_filing_ticks_what_is_provided() {
    let out = icp()
        .args([
            "checklist",
            "--today",
            "2026-11-28",
            "--format",
            "html",
            "--lang",
            "zh",
            "examples/personal-sc.filing.toml",
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"), "{html}");
    assert!(
        html.contains("<input type=\"checkbox\" checked>李四的身份证人像面"),
        "{html}"
    );
    assert!(html.contains("<h2>待办事项</h2>"), "{html}");
}
