//! The rule set as documents: every rule complete in both languages with a
//! dated source, and the commands that list, show and explain rules.

use std::collections::BTreeSet;

use assert_cmd::Command;
use icp::rules::{Kind, RuleSet};

use crate::common::icp;

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

#[test]
fn every_rule_has_both_languages_a_dated_source_and_a_unique_id() {
    let rules = RuleSet::builtin().unwrap();
    let ids: Vec<&str> = rules.ids().collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids");
    let mut problems = Vec::new();
    let views = std::iter::once(None).chain(
        icp::data::provinces()
            .iter()
            .filter(|p| p.mainland)
            .map(Some),
    );
    for province in views {
        for resolved in &rules.view(province).rules {
            for v in &resolved.variants {
                let (id, rule) = (v.id(), &v.meta);
                let texts = [("message", &*rule.message), ("help", &*rule.help)]
                    .into_iter()
                    .chain(rule.summary.as_deref().map(|s| ("summary", s)));
                for (what, text) in texts {
                    if text.zh.trim().is_empty() || text.en.trim().is_empty() {
                        problems.push(format!("{id}: {what} lacks a language"));
                    }
                }
                // `icp rules show` prints the summary: every rule has one
                // (the loader's own rules are reported, never shown).
                if rule.summary.is_none() && !matches!(v.kind.as_ref(), Kind::Load) {
                    problems.push(format!("{id}: no summary"));
                }
                if rule.sources.is_empty() {
                    problems.push(format!("{id}: no source"));
                }
                for s in &rule.sources {
                    if s.date.is_none() && s.checked.is_none() {
                        problems.push(format!("{id}: source {:?} has no date", s.title));
                    }
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn rules_list_in_every_format() {
    let json = stdout(icp().args(["rules", "list", "--format", "json"]));
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = rows.as_array().unwrap();
    let row = rows
        .iter()
        .find(|r| r["id"] == "domains-per-website")
        .unwrap();
    assert_eq!(row["variants"].as_array().unwrap().len(), 2);
    assert_eq!(row["variants"][1]["since"], "2019-04-22");
    assert!(!row["sources"].as_array().unwrap().is_empty());

    let md = stdout(icp().args(["rules", "list", "--format", "markdown", "--lang", "en"]));
    assert!(md.starts_with("| rule | severity |"), "{md}");
    assert!(md.contains("| `phone-area-mismatch` | error |"));

    let table = stdout(icp().args(["rules", "list", "--lang", "zh"]));
    assert!(table.contains("phone-area-mismatch"));
    assert!(table.contains("条规则"));
}

#[test]
fn rules_list_filters() {
    let ids = |args: &[&str]| -> BTreeSet<String> {
        let json = stdout(icp().args(["rules", "list", "--format", "json"]).args(args));
        let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        rows.iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let personal = ids(&["--nature", "个人"]);
    assert!(personal.contains("personal-content-note"));
    assert!(!personal.contains("investor-required"));
    let all = ids(&[]);
    assert!(all.contains("investor-required"));
    assert!(all.len() > personal.len());
}

#[test]
fn rules_show_a_province() {
    let out = stdout(icp().args([
        "rules",
        "show",
        "广东",
        "--lang",
        "zh",
        "--today",
        "2026-11-28",
    ]));
    assert!(out.starts_with("# 广东省（粤）备案要求"), "{out}");
    assert!(out.contains("## 负责人"));
    assert!(out.contains("## 流程"));
    icp().args(["rules", "show", "xx"]).assert().code(2);
}

#[test]
fn the_human_report_points_to_explain() {
    let out = stdout(icp().args([
        "validate",
        "tests/fixtures/broken.filing.toml",
        "--lang",
        "en",
    ]));
    assert!(
        out.contains("details: icp explain resident-id-checksum"),
        "{out}"
    );
}
