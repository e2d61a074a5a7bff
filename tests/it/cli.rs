//! The `icp` binary as users run it: output, formats, flags and exit codes.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

use crate::common::icp;

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

#[test]
fn the_json_report() {
    let out = stdout(icp().args([
        "validate",
        "tests/fixtures/broken.filing.toml",
        "--today",
        "2026-11-28",
        "--format",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    insta::assert_json_snapshot!(json);
}

#[test]
fn json_fields_are_the_documented_ones() {
    let out = stdout(icp().args([
        "validate",
        "tests/fixtures/broken.filing.toml",
        "--format",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&json), ["files", "summary", "version"]);
    let file = &json["files"][0];
    assert_eq!(keys(file), ["diagnostics", "path", "province"]);
    assert_eq!(file["path"], "tests/fixtures/broken.filing.toml");
    assert_eq!(file["province"], "gd");
    assert_eq!(
        keys(&file["diagnostics"][0]),
        [
            "column", "help", "line", "message", "path", "rule", "severity", "source"
        ]
    );
    assert_eq!(
        keys(&json["summary"]),
        ["errors", "files", "infos", "warnings"]
    );
    let phone = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "phone-area-mismatch")
        .expect("the area-code finding");
    assert_eq!(phone["path"], "subject.principal.office_phone");
    assert_eq!(phone["severity"], "error");
    // `office_phone = "086-020-…"`: the value starts at column 16.
    assert_eq!(phone["column"], 16);
}

#[test]
fn invalid_toml_is_a_finding_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    std::fs::write(&path, "version = 1\n[subject\nname = 1\n").unwrap();
    icp()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("toml-syntax"));
}

#[test]
fn the_as_of_date_decides_validity() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    let text = std::fs::read_to_string("examples/enterprise-gd.filing.toml")
        .unwrap()
        .replace("id_expires = 2036-05-01", "id_expires = 2027-01-01");
    std::fs::write(&path, text).unwrap();
    // prepared_on 2026-11-28: less than three months left.
    icp()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("id-validity-short"));
    // Judged a year earlier, the ID is fine.
    icp()
        .arg("validate")
        .arg(&path)
        .args(["--today", "2025-11-28"])
        .assert()
        .code(0);
}

#[test]
fn language_from_flag_and_environment() {
    let args = ["validate", "tests/fixtures/broken.filing.toml"];
    let zh = "手机号码相同";
    let en = "own mobile";
    assert!(stdout(icp().args(args).env("LANG", "zh_CN.UTF-8")).contains(zh));
    assert!(stdout(icp().args(args).env("LANG", "en_US.UTF-8")).contains(en));
    assert!(
        stdout(
            icp()
                .args(args)
                .env("LANG", "zh_CN.UTF-8")
                .env("ICP_LANG", "en")
        )
        .contains(en)
    );
    assert!(
        stdout(
            icp()
                .args(args)
                .env("ICP_LANG", "en")
                .args(["--lang", "zh"])
        )
        .contains(zh)
    );
}

#[test]
fn directories_are_walked_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let example = std::fs::read_to_string("examples/enterprise-gd.filing.toml").unwrap();
    let broken = std::fs::read_to_string("tests/fixtures/broken.filing.toml").unwrap();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("b/filing.toml", &example);
    write("a/acme.filing.toml", &broken);
    write("a/notes.toml", &broken); // not a filing name: skipped
    write(".hidden/filing.toml", &broken); // hidden directory: skipped
    write("target/filing.toml", &broken); // build output: skipped
    let out =
        stdout(
            icp()
                .arg("validate")
                .arg(root)
                .args(["--format", "json", "--today", "2026-11-28"]),
        );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = f["path"].as_str().unwrap();
            Path::new(p)
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(paths, ["a/acme.filing.toml", "b/filing.toml"]);
    // A file named on the command line is validated whatever its name.
    icp()
        .arg("validate")
        .arg(root.join("a/notes.toml"))
        .assert()
        .code(1);
}

#[test]
fn an_empty_directory_says_so() {
    let dir = tempfile::tempdir().unwrap();
    icp()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("no filing files found"));
}

#[test]
fn a_broken_rule_file_is_reported_with_its_span() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.yaml"),
        "rules:\n  - id: house-rule\n    severity: error\n    assert: { fact: subject.nmae, present: true }\n    message: { zh: 名称, en: name }\n    help: { zh: 帮助, en: help }\n    source: SEED\n",
    )
    .unwrap();
    let out = icp()
        .args(["validate", "examples/enterprise-gd.filing.toml", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("unknown fact subject.nmae"), "{stderr}");
    assert!(stderr.contains("did you mean subject.name"), "{stderr}");
    assert!(stderr.contains("house.yaml:4:"), "{stderr}");
}

/// A placeholder the rule never fills in would reach users as written: the
/// rule file is refused, pointing at the text.
#[test]
fn a_placeholder_the_rule_never_fills_in_is_a_rule_file_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.yaml"),
        "rules:\n  - id: house-rule\n    severity: error\n    require: [subject.name]\n    message: { zh: \"缺少 {count}\", en: \"{feild} is missing\" }\n    help: { zh: 帮助, en: help }\n    source: { title: t, date: \"2026-01-01\" }\n",
    )
    .unwrap();
    let out = icp()
        .args([
            "validate",
            "examples/enterprise-gd.filing.toml",
            "--lang",
            "en",
        ])
        .arg("--rules")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("has a placeholder {count} the rule never fills in"),
        "{stderr}"
    );
    // The suggestion may wrap onto the next line.
    assert!(stderr.contains("(did you mean"), "{stderr}");
    assert!(stderr.contains("{field}?)"), "{stderr}");
    assert!(stderr.contains("house.yaml:5:14"), "{stderr}");
}
