//! Hostile input: whatever the bytes, `icp validate` reports a finding
//! (exit 1) with the right rule and path, or a clean error (exit 2), and
//! never panics (a panic exits with 101).

use assert_cmd::Command;
use serde_json::Value;

struct Outcome {
    code: i32,
    findings: Vec<(String, String)>,
}

impl Outcome {
    fn has(&self, rule: &str, path: &str) -> bool {
        self.findings.iter().any(|(r, p)| r == rule && p == path)
    }
}

fn validate(bytes: &[u8]) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    // The example's scans, so that only the hostile part is reported.
    crate::common::copy_example_scans(dir.path());
    let path = dir.path().join("filing.toml");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::cargo_bin("icp")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["validate", "--format", "json", "--today", "2026-11-28"])
        .arg(&path)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert_ne!(
        code,
        101,
        "icp panicked: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let findings = json["files"][0]["diagnostics"]
        .as_array()
        .map(|ds| {
            ds.iter()
                .map(|d| {
                    (
                        d["rule"].as_str().unwrap_or("").to_owned(),
                        d["path"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Outcome { code, findings }
}

fn example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/enterprise-gd.filing.toml"
    ))
    .unwrap()
}

#[test]
fn empty_file() {
    let out = validate(b"");
    assert_eq!(out.code, 1);
    assert!(out.has("version-required", "version"), "{:?}", out.findings);
    assert!(out.has("subject-field-required", "subject.province"));
    assert!(out.has("subject-principal-required", "subject.principal"));
    assert!(out.has("website-count", "websites"));
}

#[test]
fn binary_junk() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let out = validate(&junk);
    assert_eq!(out.code, 1);
    assert_eq!(out.findings, [("not-utf8".to_owned(), String::new())]);
}

#[test]
fn invalid_utf8_inside_a_string() {
    let mut bytes = example().into_bytes();
    let at = bytes
        .windows(4)
        .position(|w| w == b"\"\xe5\xbc\xa0")
        .unwrap()
        + 1;
    bytes[at] = 0xff;
    let out = validate(&bytes);
    assert_eq!(out.code, 1);
    assert_eq!(out.findings, [("not-utf8".to_owned(), String::new())]);
}

#[test]
fn deep_nesting() {
    for deep in [
        format!("a = {}", "[".repeat(20_000)),
        format!("a = {}1{}", "[".repeat(20_000), "]".repeat(20_000)),
        format!("a = {}", "{b = ".repeat(20_000)),
        format!("{} = 1", vec!["a"; 20_000].join(".")),
        "[a]\n".to_string() + &"[[a.b]]\n".repeat(20_000),
    ] {
        let out = validate(deep.as_bytes());
        assert_eq!(out.code, 1);
        assert!(
            out.has("toml-syntax", "") || out.has("unknown-key", "a"),
            "{:?}",
            out.findings
        );
    }
}

#[test]
fn three_mebibytes() {
    let big = "# padding\n".repeat(3 * 1024 * 1024 / 10);
    let out = validate(big.as_bytes());
    assert_eq!(out.code, 1);
    assert_eq!(out.findings, [("file-too-large".to_owned(), String::new())]);
}

#[test]
fn a_long_line_just_under_the_limit() {
    let text = example().replace(
        "note = \"\"",
        &format!("note = \"{}\"", "长".repeat(300_000)),
    );
    assert!(text.len() < 1024 * 1024);
    let out = validate(text.as_bytes());
    assert_eq!(out.code, 0, "{:?}", out.findings);
}

#[test]
fn wrong_types() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "[[websites]]",
            "websites = \"example.com\"\n[[sites]]",
            "websites",
        ),
        (
            "legal_representative = true",
            "legal_representative = \"yes\"",
            "subject.principal.legal_representative",
        ),
        (
            "prepared_on = 2026-11-28",
            "prepared_on = 2026-11-28T10:00:00",
            "prepared_on",
        ),
        ("version = 1", "version = 99999999999999999999", "version"),
        (
            "homepages = [\"www.example.com\"]",
            "homepages = \"www.example.com\"",
            "websites[0].homepages",
        ),
        (
            "ips = [\"119.29.168.10\"]",
            "ips = [119]",
            "websites[0].hosting.ips[0]",
        ),
    ];
    for (from, to, path) in cases {
        let text = example().replacen(from, to, 1);
        let out = validate(text.as_bytes());
        assert_eq!(out.code, 1, "{to}");
        assert!(
            out.findings.iter().any(|(r, p)| p == path
                && (r == "wrong-type" || r == "invalid-value" || r == "toml-syntax")),
            "{to}: {:?}",
            out.findings
        );
    }
}

#[test]
fn zero_width_and_full_width_characters() {
    let cases = [
        (
            "\"440305199003074437\"",
            "\"440305\u{200b}199003074437\"",
            "number-characters",
            "subject.principal.id_number",
        ),
        (
            "\"13800138000\"",
            "\"１３８００１３８０００\"",
            "number-characters",
            "subject.principal.mobile",
        ),
        (
            "\"086-0755-86013388\"",
            "\"086-0755-8601\u{feff}3388\"",
            "number-characters",
            "subject.principal.office_phone",
        ),
        (
            "name = \"example.com\"",
            "name = \"example\u{200d}.com\"",
            "domain-characters",
            "websites[0].domains[0]",
        ),
        (
            "name = \"example.com\"",
            "name = \"ｅｘａｍｐｌｅ.com\"",
            "domain-characters",
            "websites[0].domains[0]",
        ),
    ];
    for (from, to, rule, path) in cases {
        let text = example().replacen(from, to, 1);
        let out = validate(text.as_bytes());
        assert_eq!(out.code, 1);
        assert_eq!(out.findings, [(rule.to_owned(), path.to_owned())], "{to}");
    }
}

#[test]
fn homoglyph_domains() {
    // Cyrillic а and р in a Latin label.
    let text = example()
        .replacen("name = \"example.com\"", "name = \"exаmрle.com\"", 1)
        .replacen("\"www.example.com\"", "\"www.exаmрle.com\"", 1);
    let out = validate(text.as_bytes());
    assert_eq!(out.code, 1);
    assert_eq!(
        out.findings,
        [(
            "domain-mixed-script".to_owned(),
            "websites[0].domains[0]".to_owned()
        )]
    );
}

#[test]
fn control_characters_and_odd_keys() {
    let out = validate(b"version = 1\n\"\xe5\x90\x8d\xe5\xad\x97\" = \"x\"\nname = \"a\x01b\"\n");
    assert_eq!(out.code, 1);
    assert!(out.has("toml-syntax", ""), "{:?}", out.findings);
    let out = validate("version = 1\n\"名字\" = \"x\"\n".as_bytes());
    assert!(out.has("unknown-key", "名字"), "{:?}", out.findings);
}

#[test]
fn a_thousand_websites() {
    let site = "[[websites]]\nname = \"示例科技\"\n";
    let text = format!("version = 1\ntype = \"new\"\n{}", site.repeat(1000));
    let out = validate(text.as_bytes());
    assert_eq!(out.code, 1);
    assert!(out.has("website-count-max", "websites"));
}

/// A scan that is a named pipe: opening it would wait for a writer forever,
/// so it must be looked at without being opened, and reported as unusable.
#[cfg(unix)]
#[test]
fn a_scan_that_is_a_named_pipe() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_example_scans(dir.path());
    let pipe = dir.path().join("scans/license.jpg");
    std::fs::remove_file(&pipe).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "mkfifo is required in CI"
        );
        eprintln!("skipped: no mkfifo");
        return;
    }
    let path = dir.path().join("filing.toml");
    std::fs::write(&path, example()).unwrap();
    let out = Command::cargo_bin("icp")
        .unwrap()
        .args(["validate", "--format", "json", "--today", "2026-11-28"])
        .arg(&path)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("a report, not a hang");
    let rules: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(rules, ["document-file-missing"], "{json}");
}

/// `icp` in a temporary directory, with no configuration but the one given.
fn icp_in(dir: &std::path::Path) -> Command {
    let mut cmd = crate::common::icp();
    cmd.current_dir(dir)
        .timeout(std::time::Duration::from_secs(20));
    cmd
}

/// Findings far into a long line are drawn around their label, in every
/// format: miette's renderer panics past 65,535 columns.
#[test]
fn a_finding_at_column_100_000() {
    let dir = tempfile::tempdir().unwrap();
    let pad = "x".repeat(100_000);
    let text = format!("version = 1\nsubject = {{ name = \"{pad}\", bogus = 1 }}\n");
    std::fs::write(dir.path().join("long.filing.toml"), &text).unwrap();
    let column = text.lines().nth(1).unwrap().find("bogus").unwrap() + 1;
    assert!(column > 100_000);
    for format in ["human", "json", "concise", "github", "sarif"] {
        for lang in ["en", "zh"] {
            let out = icp_in(dir.path())
                .args([
                    "--no-config",
                    "--lang",
                    lang,
                    "validate",
                    "--format",
                    format,
                ])
                .arg("long.filing.toml")
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(stdout.contains("unknown-key"), "{format}");
            match format {
                "human" => {
                    assert!(
                        stdout.contains(&format!("long.filing.toml:2:{column}]")),
                        "{stdout}"
                    );
                    // The line is shortened around the label.
                    assert!(stdout.lines().all(|l| l.chars().count() < 400));
                    assert!(stdout.contains("…"));
                }
                "concise" => assert!(
                    stdout.contains(&format!("long.filing.toml:2:{column}: error unknown-key")),
                    "{stdout}"
                ),
                _ => assert!(stdout.contains(&column.to_string()), "{format}"),
            }
        }
    }
}

/// A long line in a rule file or in icp.toml: its error is drawn like a
/// finding's, even when the report itself is JSON.
#[test]
fn errors_at_column_100_000_in_rule_files_and_icp_toml() {
    let dir = tempfile::tempdir().unwrap();
    let pad = "x".repeat(100_000);
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/agency.yaml"),
        format!("version: 1\nrules: [{{id: \"{pad}\", bogus: 1}}]\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("filing.toml"), example()).unwrap();
    let out = icp_in(dir.path())
        .args([
            "--no-config",
            "--rules",
            "rules",
            "validate",
            "--format",
            "json",
        ])
        .arg("filing.toml")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("agency.yaml:2:100018]"), "{stderr}");
    std::fs::write(
        dir.path().join("icp.toml"),
        format!("exclude = [\"{pad}\", 5]\n"),
    )
    .unwrap();
    let out = icp_in(dir.path())
        .args(["validate", "--format", "json", "filing.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("icp.toml:1:100016]"), "{stderr}");
}

fn mkfifo(path: &std::path::Path) -> bool {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    if made.is_ok_and(|s| s.success()) {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "mkfifo is required in CI"
    );
    eprintln!("skipped: no mkfifo");
    false
}

/// `--output-file` writes through a named pipe (and a device) instead of
/// replacing it with a regular file.
#[cfg(unix)]
#[test]
fn output_file_writes_through_a_pipe_and_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.filing.toml"), example()).unwrap();
    let pipe = dir.path().join("report.pipe");
    if !mkfifo(&pipe) {
        return;
    }
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
    };
    let out = icp_in(dir.path())
        .args([
            "--no-config",
            "validate",
            "--format",
            "json",
            "--output-file",
        ])
        .arg(&pipe)
        .arg("a.filing.toml")
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(2), "{out:?}");
    let json: Value = serde_json::from_str(&reader.join().unwrap()).unwrap();
    assert!(json["files"].is_array());
    assert!(
        std::fs::symlink_metadata(&pipe)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let out = icp_in(dir.path())
        .args(["--no-config", "validate", "--format", "json"])
        .args(["--output-file", "/dev/null", "a.filing.toml"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(2), "{out:?}");
    let null = std::fs::metadata("/dev/null").unwrap();
    assert!(null.file_type().is_char_device());
}

/// An output file that is one of the files read is refused, untouched.
#[test]
fn output_file_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.filing.toml"), example()).unwrap();
    for args in [
        &["a.filing.toml"][..],
        &["."][..],
        &["./a.filing.toml", "--today", "2026-11-28"][..],
    ] {
        let out = icp_in(dir.path())
            .args(["--no-config", "validate", "--format", "json"])
            .args(["--output-file", "a.filing.toml"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("is one of the files read"),
            "{out:?}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.filing.toml")).unwrap(),
            example()
        );
    }
}

/// A replaced report keeps its mode; a new one follows the umask; a
/// symbolic link stays a link to the file it names.
#[cfg(unix)]
#[test]
fn output_file_modes_follow_the_file_and_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.filing.toml"), example()).unwrap();
    let icp = assert_cmd::cargo::cargo_bin("icp");
    let run = |umask: &str, out: &str| {
        let status = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(format!(
                "umask {umask}; \"$0\" --no-config validate --format json --output-file {out} a.filing.toml"
            ))
            .arg(&icp)
            .status()
            .unwrap();
        assert_ne!(status.code(), Some(2));
    };
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    run("027", "new.json");
    assert_eq!(mode("new.json"), 0o640);
    run("022", "other.json");
    assert_eq!(mode("other.json"), 0o644);
    std::fs::set_permissions(
        dir.path().join("new.json"),
        std::fs::Permissions::from_mode(0o604),
    )
    .unwrap();
    run("077", "new.json");
    assert_eq!(mode("new.json"), 0o604);
    std::os::unix::fs::symlink("new.json", dir.path().join("link.json")).unwrap();
    run("022", "link.json");
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.json"))
            .unwrap()
            .is_symlink()
    );
    // `new --template --force` over a link writes the file it names.
    let out = icp_in(dir.path())
        .args(["--no-config", "new", "--template", "link.json", "--force"])
        .args(["--province", "gd"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.json"))
            .unwrap()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(dir.path().join("new.json"))
            .unwrap()
            .contains("version = 1")
    );
    assert_eq!(mode("new.json"), 0o604);
}

/// `checklist` reads like `validate`: a broken file gets the same findings
/// and exit code, never "nothing to provide".
#[test]
fn checklist_of_a_broken_file_reports_what_validate_says() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let big = "# padding\n".repeat(3 * 1024 * 1024 / 10).into_bytes();
    for (name, bytes) in [
        ("empty.filing.toml", b"".to_vec()),
        ("syntax.filing.toml", b"version = = 1\n".to_vec()),
        ("junk.filing.toml", junk),
        ("big.filing.toml", big),
    ] {
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        let validate = icp_in(dir.path())
            .args(["--no-config", "validate", "--format", "json", name])
            .output()
            .unwrap();
        let checklist = icp_in(dir.path())
            .args(["--no-config", "checklist", "--format", "json", name])
            .output()
            .unwrap();
        assert_eq!(checklist.status.code(), Some(1), "{name}");
        assert_eq!(checklist.status.code(), validate.status.code(), "{name}");
        let rules = |out: &[u8]| -> Vec<String> {
            let json: Value = serde_json::from_slice(out).unwrap();
            json["files"][0]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["rule"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(rules(&checklist.stdout), rules(&validate.stdout), "{name}");
    }
}

/// A device or a named pipe named on the command line is refused before it
/// is opened: no hang on a pipe, no endless read of /dev/zero.
#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_on_the_command_line_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("x.filing.toml");
    if !mkfifo(&pipe) {
        return;
    }
    for command in ["validate", "checklist"] {
        for path in [pipe.as_path(), std::path::Path::new("/dev/zero")] {
            let out = icp_in(dir.path())
                .args(["--no-config", command])
                .arg(path)
                .timeout(std::time::Duration::from_secs(10))
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{command} {}", path.display());
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("not a regular file"),
                "{out:?}"
            );
        }
    }
    // Found by a directory walk, it is refused the same way (not skipped in
    // silence), and the other filings are still checked.
    std::fs::write(dir.path().join("a.filing.toml"), example()).unwrap();
    for command in ["validate", "report", "fix"] {
        let out = icp_in(dir.path())
            .args(["--no-config", "--lang", "en", command, "."])
            .timeout(std::time::Duration::from_secs(10))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {stderr}");
        assert!(stderr.contains("x.filing.toml"), "{command}: {stderr}");
        assert!(stderr.contains("not a regular file"), "{command}: {stderr}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("a.filing.toml") || command == "fix",
            "{command}: {out:?}"
        );
    }
}

/// Control characters in a file name or in a decoded value never reach the
/// terminal: no forged line in `--format concise`, no escape sequence in
/// any text format, even with `--color never`.
#[cfg(unix)]
#[test]
fn control_characters_in_names_and_values_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a\nx.filing.toml:1:1: error forged \u{1b}]0;title\u{7}.filing.toml";
    let text = example().replacen(
        "name = \"example.com\"",
        "name = \"exa\\u001b[31mmple\\r\\n.com\"",
        1,
    );
    std::fs::write(dir.path().join(name), text).unwrap();
    for format in ["human", "concise", "github"] {
        let out = icp_in(dir.path())
            .args([
                "--no-config",
                "--color",
                "never",
                "validate",
                "--format",
                format,
            ])
            .arg(name)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.contains('\u{1b}'), "{format}: {stdout}");
        assert!(!stdout.contains('\u{7}'), "{format}: {stdout}");
        assert!(stdout.contains("a\\nx.filing.toml"), "{format}: {stdout}");
        assert!(stdout.contains("\\u{1b}"), "{format}: {stdout}");
        if format != "human" {
            assert!(
                stdout.lines().all(|l| l.contains("a\\nx.filing.toml")),
                "{format}: {stdout}"
            );
        }
    }
    // Two files: the table of the batch is not split either.
    std::fs::write(dir.path().join("b.filing.toml"), example()).unwrap();
    let out = icp_in(dir.path())
        .args(["--no-config", "--color", "never", "validate", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert!(stdout.contains("a\\nx.filing.toml"), "{stdout}");
}

/// The findings about the file as a whole cannot be turned off or lowered
/// in icp.toml: a broken file would pass.
#[test]
fn file_level_findings_cannot_be_lowered() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.filing.toml"), "version = = 1\n").unwrap();
    for (rule, severity) in [
        ("toml-syntax", "off"),
        ("file-too-large", "warning"),
        ("not-utf8", "info"),
    ] {
        std::fs::write(
            dir.path().join("icp.toml"),
            format!("[severity]\n{rule} = \"{severity}\"\n"),
        )
        .unwrap();
        let out = icp_in(dir.path())
            .args(["validate", "a.filing.toml"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("config-file-level"), "{stderr}");
        assert!(
            stderr.contains("its severity can only be error"),
            "{stderr}"
        );
    }
    // Error is what it is already: allowed.
    std::fs::write(
        dir.path().join("icp.toml"),
        "[severity]\ntoml-syntax = \"error\"\n",
    )
    .unwrap();
    let out = icp_in(dir.path())
        .args(["validate", "a.filing.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // A class of evidence does not lower them either.
    for class in ["single-source", "old-sources", "inferred", "conflict"] {
        std::fs::write(
            dir.path().join("icp.toml"),
            format!("[severity.evidence]\n{class} = \"off\"\n"),
        )
        .unwrap();
        let out = icp_in(dir.path())
            .args(["validate", "--format", "concise", "a.filing.toml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{class}: {out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("error toml-syntax"));
    }
}

/// `icp new` refuses an unwritable target before the first question: a
/// missing directory, a link to nothing, a directory.
#[cfg(unix)]
#[test]
fn new_checks_the_target_before_asking() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("nowhere.toml", dir.path().join("dangling.filing.toml")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for target in ["missing/filing.toml", "dangling.filing.toml", "sub"] {
        for extra in [&[][..], &["--template", "--province", "gd"][..]] {
            // No terminal: without the check, the wizard would say so instead.
            let out = icp_in(dir.path())
                .args(["--no-config", "--lang", "en", "new"])
                .args(extra)
                .arg(target)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{target}: {stderr}");
            assert!(
                stderr.contains("cannot write") || stderr.contains("already exists"),
                "{target} {extra:?}: {stderr}"
            );
        }
    }
    assert!(!dir.path().join("nowhere.toml").exists());
    let left = crate::common::temporary_files(dir.path());
    assert!(left.is_empty(), "{left:?}");
}

/// SIGTERM, SIGHUP or SIGINT at any moment of `new --template`'s write
/// leaves either the whole file or nothing, never a temporary file.
#[cfg(unix)]
#[test]
fn a_kill_during_the_template_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let icp = assert_cmd::cargo::cargo_bin("icp");
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    for i in 0..90 {
        let target = dir.path().join(format!("t{i}.filing.toml"));
        let mut child = std::process::Command::new(&icp)
            .args(["--no-config", "new", "--template", "--province", "gd"])
            .arg(&target)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        crate::common::interrupt(
            &mut child,
            &mut rng,
            std::time::Duration::from_micros(30_000),
            i,
        );
        if target.exists() {
            let text = std::fs::read_to_string(&target).unwrap();
            assert!(text.contains("version = 1"), "a partial file: {text}");
        }
    }
    let left = crate::common::temporary_files(dir.path());
    assert!(left.is_empty(), "{left:?}");
}

/// A pipe no one reads blocks the template's write (it is written through,
/// like `> fifo`), but a signal still ends the process at once.
#[cfg(unix)]
#[test]
fn a_signal_ends_a_template_write_blocked_on_a_pipe() {
    for signal in ["-TERM", "-INT"] {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("t.filing.toml");
        if !mkfifo(&pipe) {
            return;
        }
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("icp"))
            .args([
                "--no-config",
                "new",
                "--template",
                "--province",
                "gd",
                "--force",
            ])
            .arg(&pipe)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_secs(1));
        assert!(child.try_wait().unwrap().is_none(), "blocked on the pipe");
        let _ = std::process::Command::new("kill")
            .arg(signal)
            .arg(child.id().to_string())
            .status();
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if start.elapsed() > std::time::Duration::from_secs(5) {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let status = status.unwrap_or_else(|| panic!("{signal} did not end the process"));
        assert_eq!(status.code(), Some(2), "{signal}");
        let left = crate::common::temporary_files(dir.path());
        assert!(left.is_empty(), "{left:?}");
    }
}

const AGENCY_RULE: &str = r#"
sources:
  HOUSE: { title: Agency house rules, date: "2026-11-01" }
rules:
  - id: house-investor-unit
    severity: error
    scope: { natures: [unit] }
    assert: { fact: subject.investor, matches: 'PATTERN' }
    message: { zh: 投资人应为单位全称, en: the investor should be a unit's full name }
    help: { zh: 写全称, en: give the full name }
    source: HOUSE
    DATES
"#;

/// Runs `validate` with one agency rule file; returns the exit code and stderr.
fn with_rule_file(yaml: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/house.yaml"), yaml).unwrap();
    std::fs::write(dir.path().join("a.filing.toml"), example()).unwrap();
    let out = icp_in(dir.path())
        .args([
            "--no-config",
            "--lang",
            "en",
            "--rules",
            "rules",
            "validate",
        ])
        .args(["--format", "json", "a.filing.toml"])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A regex over the engine's size limit, `version: 2`, and `since` later
/// than `until` are rule-file errors, not rules that fire on everything or
/// never.
#[test]
fn rule_files_that_cannot_work_are_errors() {
    let rule = |pattern: &str, dates: &str| {
        AGENCY_RULE
            .replace("PATTERN", pattern)
            .replace("DATES", dates)
    };
    // The file as it should be loads (the examples' investor is a unit).
    let (code, stderr) = with_rule_file(&rule("(有限公司|集团)$", ""));
    assert_ne!(code, Some(2), "{stderr}");
    let (code, stderr) = with_rule_file(&rule(r"^\w{1000}\w{1000}$", ""));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("invalid regular expression"), "{stderr}");
    assert!(stderr.contains("size limit"), "{stderr}");
    let (code, stderr) = with_rule_file(&format!("version: 2\n{}", rule("x", "")));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("format version 2 is not supported"),
        "{stderr}"
    );
    let (code, stderr) = with_rule_file(&rule("x", "since: 2026-06-01\n    until: 2025-01-01"));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("since (2026-06-01) is later than until (2025-01-01)"),
        "{stderr}"
    );
    let (code, stderr) = with_rule_file(&rule("x", "since: 2025-01-01\n    until: 2026-06-01"));
    assert_ne!(code, Some(2), "{stderr}");
    // A rule about the file as a whole cannot be lowered by a rule file
    // (nor by icp.toml): invalid TOML would pass.
    for severity in ["off", "warning"] {
        let (code, stderr) = with_rule_file(&format!(
            "version: 1\nrules:\n  - id: toml-syntax\n    severity: {severity}\n"
        ));
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains("toml-syntax is about the file as a whole"),
            "{stderr}"
        );
    }
    let (code, stderr) = with_rule_file(
        "version: 1\nrules:\n  - id: not-utf8\n    variants:\n      - since: 2020-01-01\n        severity: info\n",
    );
    assert_eq!(code, Some(2), "{stderr}");
    let (code, stderr) =
        with_rule_file("version: 1\nrules:\n  - id: toml-syntax\n    severity: error\n");
    assert_ne!(code, Some(2), "{stderr}");
}

/// A symbolic link to a rule file is followed; a link to nothing is an
/// error, never passed over in silence.
#[cfg(unix)]
#[test]
fn linked_rule_files_are_followed_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    // A rule that fires on the example: its investor is a unit.
    let yaml = AGENCY_RULE
        .replace("PATTERN", "^never$")
        .replace("DATES", "");
    std::fs::write(dir.path().join("shared/house.yaml"), yaml).unwrap();
    std::os::unix::fs::symlink("../shared/house.yaml", dir.path().join("rules/house.yaml"))
        .unwrap();
    std::fs::write(dir.path().join("a.filing.toml"), example()).unwrap();
    let run = || {
        icp_in(dir.path())
            .args([
                "--no-config",
                "--lang",
                "en",
                "--rules",
                "rules",
                "validate",
            ])
            .args(["--format", "concise", "a.filing.toml"])
            .output()
            .unwrap()
    };
    let out = run();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("house-investor-unit"),
        "{out:?}"
    );
    std::os::unix::fs::symlink("../shared/gone.yaml", dir.path().join("rules/gone.yaml")).unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("gone.yaml"),
        "{out:?}"
    );
}

/// A FIFO named like a rule file is an error, not a hang nor a file
/// passed over in silence.
#[cfg(unix)]
#[test]
fn a_fifo_among_rule_files_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    if !mkfifo(&dir.path().join("rules/pipe.yaml")) {
        return;
    }
    std::fs::write(dir.path().join("a.filing.toml"), example()).unwrap();
    let out = icp_in(dir.path())
        .args(["--no-config", "--lang", "en", "--rules", "rules"])
        .args(["validate", "a.filing.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("pipe.yaml") && stderr.contains("not a regular file"),
        "{stderr}"
    );
}
