//! Project configuration (`icp.toml`) through the binary: discovery, the
//! flags that choose or ignore it, every key, precedence, errors and
//! `icp config`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// A project directory in a temporary directory.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Project {
        Project {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The real path: `icp` sees the current directory that way.
    fn root(&self) -> PathBuf {
        self.dir.path().canonicalize().unwrap()
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// `icp` run in a directory of the project, with a stable environment.
    fn icp(&self, cwd: &str) -> Command {
        let dir = self.root().join(cwd);
        std::fs::create_dir_all(&dir).unwrap();
        let mut cmd = crate::common::icp();
        cmd.current_dir(dir);
        cmd
    }

    /// Output with the project's path replaced by `[PROJECT]`.
    fn stable(&self, bytes: &[u8]) -> String {
        String::from_utf8(bytes.to_vec())
            .unwrap()
            .replace(&self.root().display().to_string(), "[PROJECT]")
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

fn broken() -> String {
    fixture("tests/fixtures/broken.filing.toml")
}

/// A filing whose only findings are warnings (address-house-number and the
/// missing scans).
fn warnings() -> String {
    fixture("tests/fixtures/warnings.filing.toml")
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

const CHINESE_SUMMARY: &str = "个文件";

#[test]
fn found_from_a_subdirectory() {
    let p = Project::new();
    p.write("icp.toml", "lang = \"zh\"\n");
    p.write("clients/acme/filing.toml", &broken());
    let out = stdout(p.icp("clients/acme").args(["validate", "filing.toml"]));
    assert!(out.contains(CHINESE_SUMMARY), "{out}");
}

#[test]
fn the_nearest_wins() {
    let p = Project::new();
    p.write("icp.toml", "lang = \"zh\"\n");
    p.write("clients/icp.toml", "lang = \"en\"\n");
    p.write("clients/acme/filing.toml", &broken());
    let out = stdout(p.icp("clients/acme").args(["validate", "filing.toml"]));
    assert!(out.contains("in 1 file"), "{out}");
    // From the root, the root's file.
    let out = stdout(p.icp("").args(["validate", "clients/acme/filing.toml"]));
    assert!(out.contains(CHINESE_SUMMARY), "{out}");
}

#[test]
fn config_names_one() {
    let p = Project::new();
    p.write("icp.toml", "lang = \"en\"\n");
    p.write("other/settings.toml", "lang = \"zh\"\n");
    p.write("filing.toml", &broken());
    let out =
        stdout(
            p.icp("")
                .args(["validate", "filing.toml", "--config", "other/settings.toml"]),
        );
    assert!(out.contains(CHINESE_SUMMARY), "{out}");
    // A file that does not exist cannot be used.
    p.icp("")
        .args(["validate", "--config", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
    // --config and --no-config exclude each other.
    p.icp("")
        .args(["config", "--config", "icp.toml", "--no-config"])
        .assert()
        .code(2);
}

#[test]
fn no_config_ignores_it() {
    let p = Project::new();
    p.write("icp.toml", "lang = \"zh\"\nnot_a_key = 1\n");
    p.write("filing.toml", &broken());
    p.icp("").args(["validate", "filing.toml"]).assert().code(2);
    let out = stdout(p.icp("").args(["validate", "filing.toml", "--no-config"]));
    assert!(out.contains("in 1 file"), "{out}");
}

#[test]
fn exclude_applies_to_files_named_on_the_command_line() {
    let p = Project::new();
    p.write(
        "icp.toml",
        "exclude = [\"drafts/**\", \"**/*.old.filing.toml\"]\n",
    );
    p.write("drafts/acme/filing.toml", &broken());
    p.write("clients/acme.old.filing.toml", &broken());
    p.write("clients/beta.filing.toml", &broken());
    // As pre-commit passes them: named one by one, from a subdirectory too.
    p.icp("")
        .args(["validate", "drafts/acme/filing.toml"])
        .assert()
        .code(0)
        .stdout("✓ 0 files: no problems found\n")
        .stderr(
            predicate::str::starts_with("found 1 filing file(s), all excluded by exclude in ")
                .and(predicate::str::ends_with("icp.toml; nothing was checked\n")),
        );
    p.icp("clients")
        .args([
            "validate",
            "acme.old.filing.toml",
            "../drafts/acme/filing.toml",
        ])
        .assert()
        .code(0);
    // A file no pattern matches is still checked.
    p.icp("clients")
        .args(["validate", "acme.old.filing.toml", "beta.filing.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("in 1 file"));
    // Walking a directory skips them as well.
    let out = stdout(p.icp("").args(["validate", ".", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./clients/beta.filing.toml"]);
    // Without the configuration all three fail.
    let out = stdout(p.icp("").args(["validate", ".", "--no-config"]));
    assert!(out.contains("in 3 files"), "{out}");
}

#[test]
fn severity_overrides_take_effect() {
    let p = Project::new();
    p.write("filing.toml", &warnings());
    let args = ["validate", "filing.toml", "--today", "2026-11-28"];
    // Without configuration: a warning, and the run passes.
    let out = stdout(p.icp("").args(args));
    assert!(out.contains("⚠ the communications address"), "{out}");
    // Raised to an error, it fails the run.
    p.write("icp.toml", "[severity]\naddress-house-number = \"error\"\n");
    p.icp("")
        .args(args)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("× the communications address"));
    // Switched off, it is gone.
    p.write("icp.toml", "[severity]\naddress-house-number = \"off\"\n");
    let out = stdout(p.icp("").args(args));
    assert!(!out.contains("address-house-number"), "{out}");
    // `icp explain` names the line of icp.toml that overrides it.
    let out = stdout(p.icp("").args(["explain", "address-house-number"]));
    assert!(
        p.stable(out.as_bytes()).contains("[PROJECT]/icp.toml:2"),
        "{out}"
    );
}

/// One line raises every rule that only one provider states: an agency
/// that trusts single sources needs no list of them. A rule named under
/// `[severity]` keeps the severity given there, and documents keep theirs.
#[test]
fn a_class_of_evidence_at_once() {
    let p = Project::new();
    p.write("filing.toml", &warnings());
    let args = [
        "validate",
        "filing.toml",
        "--today",
        "2026-11-28",
        "--lang",
        "en",
    ];
    let concise = |p: &Project| stdout(p.icp("").args(args).args(["--format", "concise"]));
    // address-house-number rests on Tencent alone: a warning by default.
    let out = concise(&p);
    assert!(out.contains("warning address-house-number"), "{out}");
    p.write(
        "icp.toml",
        "[severity.evidence]\nsingle-source = \"error\"\n",
    );
    p.icp("").args(args).assert().code(1);
    let out = concise(&p);
    assert!(out.contains("error address-house-number"), "{out}");
    // A document to provide stays a warning.
    assert!(out.contains("warning commitment-letter"), "{out}");
    // `icp explain` names the line that raised it; `icp config` shows it.
    let out = stdout(
        p.icp("")
            .args(["explain", "address-house-number", "--lang", "en"]),
    );
    let out = p.stable(out.as_bytes());
    assert!(out.starts_with("address-house-number  [error]"), "{out}");
    assert!(out.contains("Default severity: warning"), "{out}");
    assert!(out.contains("Overridden in: [PROJECT]/icp.toml:2"), "{out}");
    let out = p.stable(stdout(p.icp("").args(["config", "--lang", "en"])).as_bytes());
    assert!(
        out.lines()
            .any(|l| l.starts_with("severity.evidence.single-source")
                && l.contains("error")
                && l.ends_with("[PROJECT]/icp.toml:2")),
        "{out}"
    );
    // The rule's own entry wins, wherever it stands in the file.
    p.write(
        "icp.toml",
        "[severity]\naddress-house-number = \"warning\"\n\n[severity.evidence]\nsingle-source = \"error\"\n",
    );
    p.icp("").args(args).assert().code(0);
    let out = concise(&p);
    assert!(out.contains("warning address-house-number"), "{out}");
}

#[test]
fn an_unknown_class_of_evidence_is_an_error() {
    let p = Project::new();
    p.write(
        "icp.toml",
        "[severity.evidence]\nsingle-sources = \"error\"\n",
    );
    let out = p.icp("").args(["config", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown class of evidence single-sources"),
        "{err}"
    );
    assert!(err.contains("Did you mean single-source?"), "{err}");
    // A class written where rule ids go says where it belongs.
    p.write("icp.toml", "[severity]\nsingle-source = \"error\"\n");
    let out = p.icp("").args(["config", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("[severity.evidence]"), "{err}");
}

#[test]
fn deny_warnings_from_the_file_and_the_flags() {
    let p = Project::new();
    p.write("filing.toml", &warnings());
    p.write("icp.toml", "deny_warnings = true\n");
    let args = ["validate", "filing.toml", "--today", "2026-11-28"];
    p.icp("").args(args).assert().code(1);
    p.icp("")
        .args(args)
        .arg("--no-deny-warnings")
        .assert()
        .code(0);
    p.write("icp.toml", "deny_warnings = false\n");
    p.icp("").args(args).assert().code(0);
    p.icp("").args(args).arg("--deny-warnings").assert().code(1);
}

#[test]
fn rules_dir_is_relative_to_the_file() {
    let p = Project::new();
    p.write("filing.toml", &warnings());
    p.write("icp.toml", "rules_dir = \"house-rules\"\n");
    p.write(
        "house-rules/agency.yaml",
        "rules:\n  - id: address-house-number\n    severity: error\n",
    );
    p.icp("sub")
        .args(["validate", "../filing.toml", "--today", "2026-11-28"])
        .assert()
        .code(1);
    // --rules wins over rules_dir.
    p.write("flag-rules/agency.yaml", "rules: []\n");
    p.icp("sub")
        .args(["validate", "../filing.toml", "--today", "2026-11-28"])
        .args(["--rules", "../flag-rules"])
        .assert()
        .code(0);
}

#[test]
fn language_precedence() {
    let p = Project::new();
    p.write("icp.toml", "lang = \"zh\"\n");
    p.write("filing.toml", &broken());
    let run = |cmd: &mut Command| stdout(cmd.args(["validate", "filing.toml"]));
    // The file beats the locale.
    assert!(run(p.icp("").env("LANG", "en_US.UTF-8")).contains(CHINESE_SUMMARY));
    // The environment beats the file.
    assert!(run(p.icp("").env("ICP_LANG", "en")).contains("in 1 file"));
    // The flag beats the environment.
    let out = run(p.icp("").env("ICP_LANG", "en").args(["--lang", "zh"]));
    assert!(out.contains(CHINESE_SUMMARY));
}

#[test]
fn an_unknown_key_points_into_the_file() {
    let p = Project::new();
    p.write(
        "icp.toml",
        "lang = \"en\"\ndeny_warning = true\n\n[severity]\naddress-house-number = \"warn\"\n",
    );
    let out = p.icp("").args(["validate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(p.stable(&out.stderr));
}

#[test]
fn an_unknown_rule_id_suggests_the_nearest() {
    let p = Project::new();
    p.write("icp.toml", "[severity]\nadress-house-number = \"off\"\n");
    let out = p.icp("").args(["config"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(p.stable(&out.stderr));
}

#[test]
fn config_shows_every_value_and_its_origin() {
    let p = Project::new();
    p.write(
        "icp.toml",
        "# The agency's settings\nrules_dir = \"house-rules\"\nlang = \"zh\"\ndeny_warnings = true\nexclude = [\"drafts/**\", \"**/*.old.filing.toml\"]\n\n[severity]\naddress-house-number = \"off\"\ncommitment-letter = \"info\"\n",
    );
    p.write("house-rules/agency.yaml", "rules: []\n");
    let out = p
        .icp("clients")
        .args(["config", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("config_en", p.stable(&out.stdout));
    let out = p
        .icp("clients")
        .env("ICP_LANG", "zh")
        .args(["config", "--rules", "../house-rules"])
        .output()
        .unwrap();
    insta::assert_snapshot!("config_zh", p.stable(&out.stdout));
    let out = p.icp("").args(["config", "--no-config"]).output().unwrap();
    insta::assert_snapshot!("config_none", p.stable(&out.stdout));
}
