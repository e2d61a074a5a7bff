//! `icp diff`: each kind of change against the Guangdong example, and a
//! file against its version at a git revision.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{example, icp};

const OLD: &str = "examples/enterprise-gd.filing.toml";

/// Runs `icp diff OLD <changed>` in JSON; the changed text is the example
/// with `replace` applied (each exactly once) and `append` added.
fn diff_of(replace: &[(&str, &str)], append: &str) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    let mut text = example("enterprise-gd");
    for (from, to) in replace {
        assert_eq!(text.matches(from).count(), 1, "{from}");
        text = text.replacen(from, to, 1);
    }
    text.push_str(append);
    let new = dir.path().join("new.filing.toml");
    std::fs::write(&new, text).unwrap();
    let out = icp()
        .args(["diff", OLD, new.to_str().unwrap(), "--format", "json"])
        .args(["--lang", "en", "--today", "2026-11-28", "--no-config"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), json)
}

fn needed(json: &Value) -> Vec<(String, String)> {
    json["needed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["rule"].as_str().unwrap().to_owned(),
                n["filing"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const SITE: &str = r#"
[[websites]]
name = "示例商城"
domains = [{ name = "example-shop.com", holder = "深圳市示例科技有限公司", expires = 2028-03-01 }]
homepages = ["www.example-shop.com"]
service = "enterprise-portal"
languages = ["zh-CN"]
note = ""
hosting = { type = "cloud-server", ips = ["119.29.168.10"] }
documents = [{ kind = "verification-sheet", file = "scans/sheet.jpg" }]

[websites.principal]
same_as_subject = true
"#;

#[test]
fn nothing_changed_needs_nothing() {
    let (code, json) = diff_of(
        &[("prepared_on = 2026-11-28", "prepared_on = 2026-12-01")],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(json["changes"].as_array().unwrap().len(), 0, "{json}");
    assert!(needed(&json).is_empty());
}

#[test]
fn a_new_subject_principal_is_a_subject_change() {
    let (code, json) = diff_of(
        &[
            ("name = \"张三\"", "name = \"李雷\""),
            ("440305199003074437", "44030519900307105X"),
        ],
        "",
    );
    assert_eq!(
        needed(&json),
        pairs(&[("change-subject-principal", "subject-change")])
    );
    let n = &json["needed"][0];
    assert_eq!(n["sms"], "subject-principal");
    assert_eq!(n["online"], "yes");
    assert_eq!(n["documents"][0], "id-card-front");
    let fields: Vec<&str> = n["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["subject.principal.id_number", "subject.principal.name"]
    );
    assert_eq!(n["fields"][1]["old"], "张三");
    assert_eq!(n["fields"][1]["new"], "李雷");
    assert_eq!(code, 0);
}

#[test]
fn a_new_legal_representative_and_what_it_introduced() {
    let (code, json) = diff_of(
        &[(
            "legal_representative = true",
            "legal_representative = false",
        )],
        "",
    );
    assert_eq!(
        needed(&json),
        pairs(&[("change-legal-representative", "subject-change")])
    );
    // Guangdong wants the legal representative as principal: a new error.
    let introduced: Vec<&str> = json["introduced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(introduced, ["subject-principal-legal-rep"]);
    assert_eq!(code, 1);
}

#[test]
fn a_new_address_is_a_subject_change() {
    let (_, json) = diff_of(
        &[(
            "address = \"广东省深圳市南山区粤海街道科技园路1号A座301\"",
            "address = \"广东省深圳市南山区粤海街道科技园路2号B座502\"",
        )],
        "",
    );
    assert_eq!(
        needed(&json),
        pairs(&[("change-subject-details", "subject-change")])
    );
    assert!(json["introduced"].as_array().unwrap().is_empty());
}

#[test]
fn a_website_added_is_a_new_website_filing_offline_until_approved() {
    let (code, json) = diff_of(&[], SITE);
    assert_eq!(
        needed(&json),
        pairs(&[("change-add-website", "add-website")])
    );
    let n = &json["needed"][0];
    assert_eq!(n["sms"], "both");
    assert_eq!(n["online"], "no");
    // The help names the sheet and the principal's ID: so do the documents.
    assert_eq!(
        n["documents"],
        serde_json::json!(["verification-sheet", "id-card-front", "id-card-back"])
    );
    assert_eq!(n["fields"][0]["path"], "websites[1]");
    assert_eq!(n["fields"][0]["new"], "示例商城");
    assert_eq!(code, 0);
}

#[test]
fn a_domain_added_to_a_filed_website_cannot_be_a_change() {
    let (code, json) = diff_of(
        &[(
            "domains = [{ name = \"example.com\", holder = \"深圳市示例科技有限公司\", expires = 2028-03-01 }]",
            "domains = [{ name = \"example.com\", holder = \"深圳市示例科技有限公司\", expires = 2028-03-01 }, { name = \"example.cn\", holder = \"深圳市示例科技有限公司\", expires = 2028-03-01 }]",
        )],
        "",
    );
    assert_eq!(
        needed(&json),
        pairs(&[("change-add-domain", "add-website")])
    );
    assert_eq!(json["needed"][0]["severity"], "error");
    assert_eq!(code, 1);
}

#[test]
fn new_hosting_is_an_access_filing() {
    let (_, json) = diff_of(&[("119.29.168.10", "47.92.1.10")], "");
    assert_eq!(needed(&json), pairs(&[("change-hosting", "access")]));
    assert_eq!(json["needed"][0]["sms"], "website-principal");
}

#[test]
fn a_new_certificate_number_means_cancel_and_file_anew() {
    let (code, json) = diff_of(&[("91440300MA5F12342Q", "91440300MA5F12351Q")], "");
    assert_eq!(
        needed(&json),
        pairs(&[("change-certificate-number", "new-filing")])
    );
    assert_eq!(
        json["needed"][0]["message"],
        "subject.certificate_number changed from 91440300MA5F12342Q to 91440300MA5F12351Q: no change filing can do this; cancel the filing and file anew"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_website_removed_and_a_site_name_changed() {
    let dir = tempfile::tempdir().unwrap();
    let two = dir.path().join("two.filing.toml");
    std::fs::write(&two, format!("{}{SITE}", example("enterprise-gd"))).unwrap();
    let out = icp()
        .args([
            "diff",
            two.to_str().unwrap(),
            OLD,
            "--format",
            "json",
            "--no-config",
        ])
        .args(["--lang", "en", "--today", "2026-11-28"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        needed(&json),
        pairs(&[("change-remove-website", "cancel-website")])
    );
    assert_eq!(
        json["needed"][0]["sms"], "unknown",
        "the sources are silent"
    );
    let (_, json) = diff_of(&[("name = \"示例科技\"", "name = \"示例科技官网\"")], "");
    assert_eq!(
        needed(&json),
        pairs(&[("change-website", "website-change")])
    );
}

#[test]
fn a_change_no_rule_covers_says_so() {
    let (_, json) = diff_of(
        &[(
            "languages = [\"zh-CN\"]",
            "languages = [\"zh-CN\"]\nicp_number = \"粤ICP备2024000001号-1\"",
        )],
        "",
    );
    let uncovered: Vec<&str> = json["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(uncovered, ["websites[0].icp_number"]);
}

#[test]
fn human_markdown_chinese_and_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.filing.toml");
    std::fs::write(
        &new,
        example("enterprise-gd").replace("440305199003074437", "44030519900307105X"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = icp()
            .args([
                "diff",
                OLD,
                new.to_str().unwrap(),
                "--no-config",
                "--today",
                "2026-11-28",
            ])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let zh = run(&["--lang", "zh"]);
    for part in [
        "需要办理",
        "主体变更（变更主体信息）",
        "主体负责人手机",
        "可以保持访问",
    ] {
        assert!(zh.contains(part), "{part} missing in\n{zh}");
    }
    let md = run(&["--lang", "en", "--format", "markdown"]);
    assert!(md.starts_with("# Changes of the filing:"), "{md}");
    assert!(md.contains("\n## What the change needs\n"), "{md}");
    assert!(
        md.contains("\n### subject change (主体变更) (`change-subject-principal`)\n"),
        "{md}"
    );
    assert!(!md.contains("\n\n\n"), "{md}");
    assert!(
        md.contains("\n\n## Findings the change introduced\n"),
        "{md}"
    );
    let redacted = run(&["--lang", "en", "--redact"]);
    assert!(!redacted.contains("44030519900307105X"), "{redacted}");
    assert!(!redacted.contains("440305199003074437"), "{redacted}");
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn a_file_against_its_version_at_a_git_revision() {
    let dir = tempfile::tempdir().unwrap();
    let clients = dir.path().join("clients");
    std::fs::create_dir_all(&clients).unwrap();
    let file = clients.join("acme.filing.toml");
    std::fs::write(&file, example("enterprise-gd")).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "filed"]);
    std::fs::write(
        &file,
        example("enterprise-gd").replace("name = \"张三\"", "name = \"李雷\""),
    )
    .unwrap();
    let out = icp()
        .args([
            "diff",
            "--rev",
            "HEAD",
            file.to_str().unwrap(),
            "--format",
            "json",
        ])
        .args(["--lang", "en", "--no-config", "--today", "2026-11-28"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(
        needed(&json),
        pairs(&[("change-subject-principal", "subject-change")])
    );
    assert!(json["old"].as_str().unwrap().starts_with("HEAD:"));
    // A revision that does not hold the file: exit 2 with git's reason.
    let out = icp()
        .args([
            "diff",
            "--rev",
            "HEAD~5",
            file.to_str().unwrap(),
            "--lang",
            "en",
            "--no-config",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unknown revision HEAD~5"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Two files with --rev, or one without: a usage error.
    let out = icp().args(["diff", OLD, "--no-config"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_filing_changed_since_a_git_revision() {
    let dir = tempfile::tempdir().unwrap();
    let clients = dir.path().join("clients");
    std::fs::create_dir_all(&clients).unwrap();
    let gd = example("enterprise-gd");
    for name in ["acme", "beta", "gone"] {
        std::fs::write(clients.join(format!("{name}.filing.toml")), &gd).unwrap();
    }
    std::fs::write(clients.join("notes.toml"), "x = 1\n").unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "filed"]);
    // acme: a new principal; beta untouched; gone removed; new: not yet
    // tracked; notes.toml changed but not a filing.
    std::fs::write(
        clients.join("acme.filing.toml"),
        gd.replace("name = \"张三\"", "name = \"李雷\""),
    )
    .unwrap();
    std::fs::remove_file(clients.join("gone.filing.toml")).unwrap();
    std::fs::write(clients.join("new.filing.toml"), &gd).unwrap();
    std::fs::write(clients.join("notes.toml"), "x = 2\n").unwrap();
    let run = |format: &str| {
        icp()
            .args(["diff", "--rev", "HEAD", "--format", format])
            .args(["--lang", "en", "--no-config", "--today", "2026-11-28"])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = run("json");
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(json["rev"], "HEAD");
    let diffs = json["diffs"].as_array().unwrap();
    assert_eq!(diffs.len(), 1, "{json:#}");
    assert_eq!(diffs[0]["new"], "clients/acme.filing.toml");
    assert_eq!(
        needed(&diffs[0]),
        pairs(&[("change-subject-principal", "subject-change")])
    );
    assert_eq!(
        json["added"],
        serde_json::json!(["clients/new.filing.toml"])
    );
    assert_eq!(
        json["removed"],
        serde_json::json!(["clients/gone.filing.toml"])
    );
    let out = run("human");
    let text = String::from_utf8_lossy(&out.stdout);
    for part in [
        "Changes of the filing: HEAD:clients/acme.filing.toml → clients/acme.filing.toml",
        "Filings added since HEAD (new filings, checked by icp validate, not changes):\n  clients/new.filing.toml",
        "Filings removed since HEAD (if the filing is to end, that is a cancellation, not a change):\n  clients/gone.filing.toml",
    ] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
    assert!(!text.contains("beta") && !text.contains("notes"), "{text}");
    // Several files named: each compared, in one JSON document.
    let out = icp()
        .args(["diff", "--rev", "HEAD", "clients/acme.filing.toml"])
        .args(["clients/beta.filing.toml", "--format", "json"])
        .args(["--lang", "en", "--no-config", "--today", "2026-11-28"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diffs"].as_array().unwrap().len(), 2);
    assert!(json["diffs"][1]["changes"].as_array().unwrap().is_empty());
    // Nothing changed since the working tree's own state.
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "changed"]);
    let out = run("human");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "No filing changed since HEAD.\n"
    );
    assert_eq!(out.status.code(), Some(0));
    // Outside a repository: exit 2 with git's reason.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = icp()
        .args(["diff", "--rev", "HEAD", "--no-config", "--lang", "en"])
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not inside a git work tree"), "{stderr}");
    assert!(out.stdout.is_empty());
}

/// Writes `bytes` as a new version and runs `icp diff OLD NEW` (or the
/// other way round when `old_side`).
fn diff_bytes(bytes: &[u8], old_side: bool) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.filing.toml");
    std::fs::write(&bad, bytes).unwrap();
    let bad = bad.to_str().unwrap();
    let (old, new) = if old_side { (bad, OLD) } else { (OLD, bad) };
    icp()
        .args(["diff", old, new, "--lang", "en", "--no-config"])
        .output()
        .unwrap()
}

#[test]
fn a_version_that_is_not_a_filing_is_an_error_naming_it() {
    for (bytes, old_side, which, rule) in [
        (
            &b"name = [unclosed\n"[..],
            true,
            "the old version",
            "toml-syntax",
        ),
        (
            &b"a = \"\xff\xfe\"\n"[..],
            false,
            "the new version",
            "not-utf8",
        ),
        (
            &[0u8, 1, 2, 0xff, 0x80, 0, 0, 7][..],
            false,
            "the new version",
            "not-utf8",
        ),
    ] {
        let out = diff_bytes(bytes, old_side);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            out.stdout.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&format!(": {which} is not a valid filing: {rule} ")),
            "{stderr}"
        );
        assert!(stderr.contains(rule), "{stderr}");
    }
    // The same file valid: compared as usual.
    let out = diff_bytes(example("enterprise-gd").as_bytes(), false);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn named_files_added_removed_or_unreadable_since_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    let gd = example("enterprise-gd");
    std::fs::write(dir.path().join("kept.filing.toml"), &gd).unwrap();
    std::fs::write(dir.path().join("gone.filing.toml"), &gd).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "filed"]);
    std::fs::remove_file(dir.path().join("gone.filing.toml")).unwrap();
    std::fs::write(dir.path().join("new.filing.toml"), &gd).unwrap();
    let run = |files: &[&str], format: &str| {
        icp()
            .args(["diff", "--rev", "HEAD"])
            .args(files)
            .args(["--format", format, "--lang", "en", "--no-config"])
            .args(["--today", "2026-11-28"])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = run(
        &["kept.filing.toml", "gone.filing.toml", "new.filing.toml"],
        "json",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diffs"].as_array().unwrap().len(), 1, "{json:#}");
    assert_eq!(json["added"], serde_json::json!(["new.filing.toml"]));
    assert_eq!(json["removed"], serde_json::json!(["gone.filing.toml"]));
    // One removed file alone: listed, not an error.
    let out = run(&["gone.filing.toml"], "markdown");
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.starts_with("## Filings removed since HEAD (if the filing is to end, that is a cancellation, not a change)\n\n- gone.filing.toml\n"),
        "{md}"
    );
    // Files in neither version: errors only, never "No filing changed".
    let out = run(&["a.filing.toml", "b.filing.toml"], "human");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 2);
}

#[test]
fn chinese_reports_name_severities_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.filing.toml");
    std::fs::write(
        &new,
        example("enterprise-gd").replace(
            "legal_representative = true",
            "legal_representative = false",
        ),
    )
    .unwrap();
    for format in ["human", "markdown"] {
        let out = icp()
            .args(["diff", OLD, new.to_str().unwrap(), "--format", format])
            .args(["--lang", "zh", "--no-config", "--today", "2026-11-28"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let introduced = text.split("改动带来的新问题").nth(1).unwrap();
        assert!(
            introduced.contains(": 警告 ") || introduced.contains(": 错误 "),
            "{text}"
        );
        assert!(
            !introduced.contains(" warning ") && !introduced.contains(" error "),
            "{text}"
        );
    }
}

/// The first website of a filing that had none is a website added, like
/// any later one (not a `websites` array no rule knows).
#[test]
fn the_first_website_added_is_a_new_website_filing() {
    let dir = tempfile::tempdir().unwrap();
    let full = example("enterprise-gd");
    let cut = full.find("[[websites]]").unwrap();
    let old = dir.path().join("old.filing.toml");
    std::fs::write(&old, &full[..cut]).unwrap();
    let out = icp()
        .args(["diff", old.to_str().unwrap(), OLD, "--format", "json"])
        .args(["--lang", "en", "--today", "2026-11-28", "--no-config"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        needed(&json),
        pairs(&[("change-add-website", "add-website")])
    );
    assert_eq!(json["needed"][0]["fields"][0]["path"], "websites[0]");
    assert_eq!(json["needed"][0]["fields"][0]["new"], "示例科技");
    assert_eq!(json["uncovered"], serde_json::json!([]), "{json}");
}
