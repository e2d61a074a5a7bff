//! Per-filing waivers (`[[waive]]`) through the binary: a waived warning
//! disappears, errors stay, and every waiver that cannot or does not apply
//! is reported where it is written.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A filing whose findings are warnings only: `address-house-number`, and
/// `commitment-letter` (Guangdong asks for a commitment letter it lacks).
fn warnings() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/warnings.filing.toml");
    std::fs::read_to_string(path).unwrap()
}

/// Writes a filing with the given `[[waive]]` tables beside the fixture's
/// scans, so the only findings are the rules' own.
fn filing(dir: &Path, waivers: &str) -> PathBuf {
    let path = dir.join("filing.toml");
    std::fs::write(&path, format!("{}\n{waivers}", warnings())).unwrap();
    let scans = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scans");
    std::fs::create_dir_all(dir.join("scans")).unwrap();
    for entry in std::fs::read_dir(scans).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("scans").join(entry.file_name())).unwrap();
    }
    path
}

fn icp(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("icp").unwrap();
    cmd.env_remove("ICP_LANG")
        .env_remove("LC_ALL")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(["--no-config", "--today", "2026-11-28"]);
    cmd
}

/// (rule, severity, path) of every finding, from the JSON report.
fn findings(cmd: &mut Command) -> (Option<i32>, Vec<(String, String, String)>) {
    let out = cmd.args(["--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or("").to_owned();
            (s("rule"), s("severity"), s("path"))
        })
        .collect();
    (out.status.code(), found)
}

fn rules(found: &[(String, String, String)]) -> Vec<&str> {
    found.iter().map(|(r, _, _)| r.as_str()).collect()
}

#[test]
fn the_fixture_has_the_warnings_the_tests_waive() {
    let dir = tempfile::tempdir().unwrap();
    let path = filing(dir.path(), "");
    let (code, found) = findings(icp(dir.path()).arg("validate").arg(&path));
    assert_eq!(code, Some(0));
    assert_eq!(rules(&found), ["address-house-number", "commitment-letter"]);
}

#[test]
fn a_waived_warning_disappears() {
    let dir = tempfile::tempdir().unwrap();
    let path = filing(
        dir.path(),
        "[[waive]]\nrule = \"address-house-number\"\nreason = \"园区地址没有门牌号，已由园区管委会出具证明\"\n",
    );
    let (code, found) = findings(icp(dir.path()).arg("validate").arg(&path));
    assert_eq!(code, Some(0));
    assert_eq!(rules(&found), ["commitment-letter"]);
    // Both waived: nothing is left, and --deny-warnings passes.
    let path = filing(
        dir.path(),
        "[[waive]]\nrule = \"address-house-number\"\nreason = \"园区地址没有门牌号\"\n\n[[waive]]\nrule = \"commitment-letter\"\nreason = \"承诺书在主体备案时已提交\"\n",
    );
    icp(dir.path())
        .arg("validate")
        .arg(&path)
        .arg("--deny-warnings")
        .assert()
        .code(0)
        .stdout("✓ 1 file: no problems found\n");
}

#[test]
fn bad_waivers_are_reported_where_they_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = filing(
        dir.path(),
        "[[waive]]\nrule = \"address-house-number\"\n\n\
         [[waive]]\nrule = \"commitment-leter\"\nreason = \"已提交\"\n\n\
         [[waive]]\nrule = \"version-required\"\nreason = \"不需要\"\n\n\
         [[waive]]\nrule = \"domain-expired\"\nreason = \"续费中\"\n\n\
         [[waive]]\nrule = \"emergency-phone-same-as-mobile\"\nreason = \"老板只有一个手机\"\n",
    );
    let (code, found) = findings(icp(dir.path()).arg("validate").arg(&path));
    // Waiver findings are warnings: the filing still passes without
    // --deny-warnings, and the warnings they failed to waive remain.
    assert_eq!(code, Some(0));
    let waiver_findings: Vec<(&str, &str, &str)> = found
        .iter()
        .filter(|(r, _, _)| r.starts_with("waiver-"))
        .map(|(r, s, p)| (r.as_str(), s.as_str(), p.as_str()))
        .collect();
    assert_eq!(
        waiver_findings,
        [
            ("waiver-without-reason", "warning", "waive[0].reason"),
            ("waiver-unknown-rule", "warning", "waive[1].rule"),
            ("waiver-of-error", "warning", "waive[2].rule"),
            ("waiver-of-error", "warning", "waive[3].rule"),
            ("waiver-of-error", "warning", "waive[4].rule"),
        ]
    );
    assert!(rules(&found).contains(&"address-house-number"));
    assert!(rules(&found).contains(&"commitment-letter"));
    // The unknown rule gets a suggestion.
    let out = icp(dir.path()).arg("validate").arg(&path).output().unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(human.contains("Did you mean commitment-letter?"), "{human}");
}

#[test]
fn a_waiver_that_waives_nothing_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = filing(
        dir.path(),
        "[[waive]]\nrule = \"domain-suffix-unknown\"\nreason = \"后缀已获批\"\n\n\
         [[waive]]\nrule = \"address-house-number\"\nreason = \"园区地址\"\n\n\
         [[waive]]\nrule = \"address-house-number\"\nreason = \"重复\"\n",
    );
    let (_, found) = findings(icp(dir.path()).arg("validate").arg(&path));
    let unused: Vec<&str> = found
        .iter()
        .filter(|(r, _, _)| r == "waiver-unused")
        .map(|(_, _, p)| p.as_str())
        .collect();
    // A rule with nothing to say in this filing, and a second waiver of a
    // rule the first already waived.
    assert_eq!(unused, ["waive[0].rule", "waive[2].rule"]);
}

#[test]
fn errors_cannot_be_waived_unless_the_agency_lowers_them() {
    let dir = tempfile::tempdir().unwrap();
    let text = warnings().replace(
        "holder = \"深圳市示例科技有限公司\"",
        "holder = \"深圳市别家科技有限公司\"",
    );
    assert_ne!(text, warnings(), "the fixture names the holder");
    let waiver =
        "\n[[waive]]\nrule = \"domain-holder\"\nreason = \"域名在转入中，持有者变更凭证已提交\"\n";
    let path = dir.path().join("filing.toml");
    std::fs::write(&path, format!("{text}{waiver}")).unwrap();
    let (code, found) = findings(icp(dir.path()).arg("validate").arg(&path));
    assert_eq!(code, Some(1));
    assert!(rules(&found).contains(&"domain-holder"));
    assert!(rules(&found).contains(&"waiver-of-error"));
    // An agency that lowers the rule to a warning in icp.toml may waive it.
    let config = dir.path().join("icp.toml");
    std::fs::write(&config, "[severity]\ndomain-holder = \"warning\"\n").unwrap();
    let mut cmd = Command::cargo_bin("icp").unwrap();
    cmd.env_remove("ICP_LANG")
        .env_remove("LC_ALL")
        .env_remove("LANG")
        .current_dir(dir.path())
        .args(["--today", "2026-11-28", "validate"])
        .arg(&path);
    let (_, found) = findings(&mut cmd);
    assert!(!rules(&found).contains(&"domain-holder"), "{found:?}");
    assert!(!rules(&found).iter().any(|r| r.starts_with("waiver-")));
}

#[test]
fn waiver_messages_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = filing(
        dir.path(),
        "[[waive]]\nrule = \"domain-holder\"\nreason = \"\"\n",
    );
    let out = icp(dir.path())
        .args(["validate", "--lang", "zh"])
        .arg(&path)
        .output()
        .unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.contains("规则 domain-holder 是错误级别，不能豁免"),
        "{human}"
    );
}
