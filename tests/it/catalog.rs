//! The rule set as documents: every rule complete in both languages with a
//! source, every severity following its evidence, and the commands that
//! list, show and explain rules.

use std::collections::BTreeSet;

use assert_cmd::Command;
use icp::rules::{Kind, RuleSet};

use crate::common::icp;

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

#[test]
fn every_rule_has_both_languages_a_source_and_a_unique_id() {
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
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Severity follows evidence: every built-in rule has the severity its
/// confidence, conflict and sources give it, or says in `severity_reason`
/// why not; every source says what the policy needs (kind, provider, a
/// date or inferred bounds); no rule claims a confidence its sources do
/// not give, and a rule records a conflict exactly when it is tagged X.
#[test]
fn severity_follows_evidence() {
    let rules = RuleSet::builtin().unwrap();
    let problems: Vec<String> = rules
        .evidence_problems()
        .iter()
        .map(|(file, e)| format!("{file}: {}", e.text().en))
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
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
    // Each form's default severity and what it rests on: the 2018 guide
    // alone before 2019-04-22, MIIT's notice since.
    assert_eq!(row["variants"][0]["evidence"], "old-sources");
    assert_eq!(row["variants"][0]["default_severity"], "warning");
    assert_eq!(row["variants"][1]["evidence"], "regulation");
    assert_eq!(row["default_severity"], "error");
    assert_eq!(row["sources"][0]["kind"], "regulation");
    // A rule kept off its default says why, in both languages.
    let segment = rows.iter().find(|r| r["id"] == "mobile-segment").unwrap();
    assert_eq!(segment["severity"], "warning");
    assert_eq!(segment["default_severity"], "error");
    assert!(
        !segment["severity_reason"]["zh"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    assert!(
        !segment["severity_reason"]["en"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    // A province's single-source rule: a warning, and the provider named.
    let bj = rows
        .iter()
        .find(|r| r["id"] == "bj-personal-id-card")
        .unwrap();
    assert_eq!(
        (&bj["severity"], &bj["evidence"]),
        (&"warning".into(), &"single-source".into())
    );
    assert_eq!(bj["sources"][0]["providers"][0], "jd");

    let md = stdout(icp().args(["rules", "list", "--format", "markdown", "--lang", "en"]));
    assert!(md.starts_with("| rule | severity |"), "{md}");
    assert!(md.contains("| `phone-area-mismatch` | warning |"));

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
fn explain_a_rule() {
    let out = stdout(icp().args(["explain", "resident-id-checksum", "--lang", "en"]));
    for part in [
        "resident-id-checksum",
        "How to fix:",
        "Sources:",
        "GB 11643",
        "Examples (",
        "Defined in: rules/national.yaml:",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
    // The default severity, what it rests on, and why the rule has another.
    let out = stdout(icp().args(["explain", "mobile-segment", "--lang", "en"]));
    assert!(out.starts_with("mobile-segment  [warning]"), "{out}");
    assert!(out.contains("Default severity: error (a regulation, a standard or an authoritative data set states it)"), "{out}");
    assert!(
        out.contains("Why not the default: The table of blocks lags behind"),
        "{out}"
    );
    let out = stdout(icp().args([
        "explain",
        "office-phone-not-own-mobile",
        "--province",
        "bj",
        "--lang",
        "zh",
    ]));
    assert!(
        out.contains("默认级别：warning（仅有一家服务商的资料；服务商：腾讯云）"),
        "{out}"
    );
    // A rule with dated forms is explained in the form in force: Beijing's
    // 2017 refusals rest on one provider's page, its 2019 list on three.
    let bj = [
        "explain",
        "domain-suffix-refused",
        "--province",
        "bj",
        "--lang",
        "en",
    ];
    let out = stdout(icp().args(bj).args(["--today", "2018-05-01"]));
    assert!(out.starts_with("domain-suffix-refused  [warning]"), "{out}");
    assert!(
        out.contains("Default severity: warning (only one provider states it"),
        "{out}"
    );
    let out = stdout(icp().args(bj).args(["--today", "2026-11-28"]));
    assert!(out.starts_with("domain-suffix-refused  [error]"), "{out}");
    // The dated forms of a rule that changed.
    let out = stdout(icp().args(["explain", "domains-per-website", "--lang", "zh"]));
    assert!(out.contains("各时期的规定"), "{out}");
    assert!(out.contains("2019-04-22"), "{out}");
}

#[test]
fn explain_an_unknown_rule_suggests_the_nearest() {
    let out = icp()
        .args(["explain", "resident-id-chksum", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("resident-id-checksum"), "{err}");
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
    assert!(
        out.starts_with("# 在广东省备案：您需要知道和准备的"),
        "{out}"
    );
    for topic in [
        "## 谁可以做负责人",
        "## 要上传的材料",
        "## 备注要写明",
        "## 不被接受的",
        "## 要做的事",
    ] {
        assert!(out.contains(topic), "{topic} missing in\n{out}");
    }
    // A page or two, without check-digit mechanics or rule ids.
    assert!(out.lines().count() < 120, "{out}");
    assert!(!out.contains("校验"), "{out}");
    assert!(!out.contains('`'), "{out}");
    assert!(out.contains("单位的主体负责人是法定代表人"), "{out}");
    // --all keeps every rule, with ids.
    let all = stdout(icp().args([
        "rules",
        "show",
        "广东",
        "--all",
        "--lang",
        "zh",
        "--today",
        "2026-11-28",
    ]));
    assert!(all.starts_with("# 广东省（粤）备案要求"), "{all}");
    assert!(all.contains("## 负责人"));
    assert!(all.contains("## 流程"));
    assert!(all.contains("`resident-id-checksum`"), "{all}");
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

/// `rules/NOT-ENCODED.md`: every entry says why no rule checks it — one of
/// the four kinds of out of reach — and none is pending a field or table
/// of the filing format (every such gap is closed; a new one is a gap to
/// close, not an entry to add).
#[test]
fn every_unencoded_fact_says_why() {
    const REASONS: [&str; 4] = [
        "*(out of reach: scan content)*",
        "*(out of reach: records)*",
        "*(out of reach: live site)*",
        "*(out of reach: judgement)*",
    ];
    const PENDING: &str = "*(pending: needs a field or table)*";
    let text = std::fs::read_to_string("rules/NOT-ENCODED.md").unwrap();
    // An entry: a top-level bullet and its indented continuation lines.
    let mut entries: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("- ") {
            entries.push(rest.to_owned());
        } else if line.starts_with("  ") && !line.trim().is_empty() {
            if let Some(last) = entries.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        }
    }
    // The legend lists the marks themselves.
    let entries: Vec<&String> = entries
        .iter()
        .filter(|e| !e.starts_with("*(out of reach") && !e.starts_with("*(pending"))
        .collect();
    assert!(entries.len() > 100, "{} entries read", entries.len());
    let mut pending = 0;
    let mut problems = Vec::new();
    for entry in &entries {
        let marks = REASONS.iter().filter(|r| entry.ends_with(*r)).count();
        if entry.ends_with(PENDING) {
            pending += 1;
        } else if marks != 1 {
            problems.push(entry.chars().take(80).collect::<String>());
        }
    }
    assert!(
        problems.is_empty(),
        "entries of rules/NOT-ENCODED.md without a reason at their end:\n{}",
        problems.join("\n")
    );
    assert_eq!(
        pending, 0,
        "entries pending a field or table: give the filing format or the data what they need"
    );
}
