//! The rules across filings (`across:` rules): `validate DIR` over the
//! agency's book of tests/fixtures/book, where every conflict occurs once,
//! and over filings that share nothing.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::icp;

const BOOK: &str = "tests/fixtures/book";

/// (file name, rule, field path, severity) of every `across-*` finding.
fn across(json: &Value) -> BTreeSet<(String, String, String, String)> {
    let mut out = BTreeSet::new();
    // `validate` lists them under `across`, after the files.
    for file in json["across"].as_array().into_iter().flatten() {
        let name = file["path"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned();
        for d in file["diagnostics"].as_array().unwrap() {
            let rule = d["rule"].as_str().unwrap();
            if rule.starts_with("across-") || rule == "waiver-unused" {
                out.insert((
                    name.clone(),
                    rule.to_owned(),
                    d["path"].as_str().unwrap().to_owned(),
                    d["severity"].as_str().unwrap().to_owned(),
                ));
            }
        }
    }
    out
}

fn validate(args: &[&str]) -> Value {
    let out = icp()
        .args([
            "validate",
            "--today",
            "2026-11-28",
            "--lang",
            "en",
            "--format",
            "json",
        ])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn set(items: &[(&str, &str, &str, &str)]) -> BTreeSet<(String, String, String, String)> {
    items
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect()
}

#[test]
fn every_conflict_of_the_book_is_found_in_both_filings() {
    let json = validate(&[BOOK, "--no-config"]);
    let id = "subject.principal.id_number";
    let expected = set(&[
        (
            "c01.filing.toml",
            "across-domain",
            "websites[0].domains[0]",
            "error",
        ),
        (
            "c11.filing.toml",
            "across-domain",
            "websites[0].domains[0]",
            "error",
        ),
        ("c02.filing.toml", "across-id-number", id, "error"),
        ("c12.filing.toml", "across-id-number", id, "error"),
        (
            "c03.filing.toml",
            "across-icp-number",
            "subject.icp_number",
            "error",
        ),
        (
            "c13.filing.toml",
            "across-icp-number",
            "subject.icp_number",
            "error",
        ),
        (
            "c04.filing.toml",
            "across-scan",
            "subject.documents[0].file",
            "warning",
        ),
        (
            "c14.filing.toml",
            "across-scan",
            "subject.documents[0].file",
            "warning",
        ),
        // c17 declares the same sheet and waives the warning: only c08 has it.
        (
            "c08.filing.toml",
            "across-scan",
            "websites[0].documents[0].file",
            "warning",
        ),
        ("c05.filing.toml", "across-principal", id, "info"),
        ("c15.filing.toml", "across-principal", id, "info"),
        ("c16.filing.toml", "across-principal", id, "info"),
        // One ID number under two names is also one person of two subjects.
        ("c02.filing.toml", "across-principal", id, "info"),
        ("c12.filing.toml", "across-principal", id, "info"),
    ]);
    assert_eq!(across(&json), expected);
    let message = |file: &str, rule: &str| -> String {
        json["across"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["path"].as_str().unwrap().ends_with(file))
            .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
            .find(|d| d["rule"] == rule)
            .map(|d| d["message"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(
        message("c01.filing.toml", "across-domain"),
        "the domain kehu01.com also appears in tests/fixtures/book/c11.filing.toml"
    );
    assert_eq!(
        message("c12.filing.toml", "across-id-number"),
        "the number 440305199003071025 belongs to 赵二 here and to 王二 in tests/fixtures/book/c02.filing.toml"
    );
    assert_eq!(
        message("c05.filing.toml", "across-principal"),
        "王五 (44030519900307105X) is the principal of 3 subjects"
    );
}

#[test]
fn one_filing_alone_has_nothing_to_compare() {
    let json = validate(&["tests/fixtures/book/c01.filing.toml", "--no-config"]);
    assert_eq!(across(&json), BTreeSet::new());
}

#[test]
fn filings_that_share_nothing_trip_no_across_rule() {
    let json = validate(&["examples", "--no-config"]);
    assert_eq!(across(&json), BTreeSet::new());
    assert_eq!(json["summary"]["errors"], 0);
}

#[test]
fn the_findings_are_in_chinese_too() {
    let out = icp()
        .args([
            "validate",
            "--today",
            "2026-11-28",
            "--lang",
            "zh",
            "--no-config",
        ])
        .args(["--format", "concise", BOOK])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("域名 kehu01.com 也出现在 tests/fixtures/book/c11.filing.toml 中"),
        "{text}"
    );
    assert!(
        text.contains("王五（44030519900307105X）是 3 个主办单位的负责人"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn severity_of_icp_toml_and_redaction_apply() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("icp.toml");
    std::fs::write(
        &config,
        "[severity]\nacross-scan = \"error\"\nacross-principal = \"off\"\n",
    )
    .unwrap();
    let json = validate(&[BOOK, "--config", config.to_str().unwrap(), "--redact"]);
    let found = across(&json);
    assert!(found.contains(&(
        "c04.filing.toml".into(),
        "across-scan".into(),
        "subject.documents[0].file".into(),
        "error".into()
    )));
    assert!(
        !found.iter().any(|f| f.1 == "across-principal"),
        "{found:?}"
    );
    let text = json.to_string();
    assert!(!text.contains("440305199003071025"), "not redacted: {text}");
}

#[test]
fn a_waiver_of_an_across_rule_that_waives_nothing_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a", "b"] {
        let text = std::fs::read_to_string(format!(
            "{BOOK}/c0{}.filing.toml",
            if name == "a" { 1 } else { 2 }
        ))
        .unwrap()
        .replace("#:schema ../../../schema/filing.schema.json\n", "")
        .replace(
            "prepared_on = 2026-11-28",
            "prepared_on = 2026-11-28\n[[waive]]\nrule = \"across-domain\"\nreason = \"转入中\"\n",
        );
        std::fs::write(dir.path().join(format!("{name}.filing.toml")), text).unwrap();
    }
    let json = validate(&[dir.path().to_str().unwrap(), "--no-config"]);
    let found = across(&json);
    // An error cannot be waived: the per-file check says so.
    assert!(
        found.is_empty(),
        "across-domain is an error, so waiver-of-error applies instead: {found:?}"
    );
    let text = json.to_string();
    assert!(text.contains("waiver-of-error"), "{text}");
    // A warning-level across rule waived with nothing to waive.
    for name in ["a", "b"] {
        let path = dir.path().join(format!("{name}.filing.toml"));
        let t = std::fs::read_to_string(&path)
            .unwrap()
            .replace("across-domain", "across-scan");
        std::fs::write(&path, t).unwrap();
    }
    let found = across(&validate(&[dir.path().to_str().unwrap(), "--no-config"]));
    assert_eq!(
        found,
        set(&[
            ("a.filing.toml", "waiver-unused", "waive[0].rule", "warning"),
            ("b.filing.toml", "waiver-unused", "waive[0].rule", "warning"),
        ])
    );
}
