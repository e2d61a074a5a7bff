//! The machine formats (`concise`, `github`, `sarif`), `--output-file`, and
//! batches (the summary table, the progress bar), through the binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::common::icp;

const BROKEN: &str = "tests/fixtures/broken.filing.toml";
const WARNINGS: &str = "tests/fixtures/warnings.filing.toml";
const CLEAN: &str = "examples/enterprise-gd.filing.toml";

/// Runs `icp validate ARGS --today 2026-11-28`; (exit code, stdout, stderr).
fn validate(cmd: &mut Command, args: &[&str]) -> (i32, String, String) {
    let out = cmd
        .arg("validate")
        .args(args)
        .args(["--today", "2026-11-28"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

// --- concise -------------------------------------------------------------

#[test]
fn concise_lines_have_one_shape() {
    let (_, out, _) = validate(&mut icp(), &[BROKEN, "--format", "concise", "--lang", "zh"]);
    assert!(!out.is_empty());
    for line in out.lines() {
        // file:line:col: severity rule message — in Chinese, the severity
        // keeps the word parsers look for.
        let rest = line
            .strip_prefix("tests/fixtures/broken.filing.toml:")
            .unwrap_or_else(|| panic!("no file: {line}"));
        let mut parts = rest.splitn(3, ':');
        let line_no: usize = parts.next().unwrap().parse().unwrap();
        let col: usize = parts.next().unwrap().parse().unwrap();
        assert!(line_no >= 1 && col >= 1, "{line}");
        let words: Vec<&str> = parts.next().unwrap().trim_start().splitn(3, ' ').collect();
        assert!(["error", "warning", "info"].contains(&words[0]), "{line}");
        assert!(
            words[1]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        );
        assert!(!words[2].is_empty());
    }
}

#[test]
fn a_finding_about_the_whole_file_is_at_0_0() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.filing.toml");
    // Over the 1 MiB limit: refused before it is read, without a position.
    std::fs::write(&big, "#".repeat(1024 * 1024 + 10)).unwrap();
    let (code, out, _) = validate(
        icp().current_dir(dir.path()),
        &["big.filing.toml", "--format", "concise", "--lang", "en"],
    );
    assert_eq!(code, 1);
    assert!(
        out.starts_with("big.filing.toml:0:0: error file-too-large "),
        "{out}"
    );
    // GitHub: an annotation of the file, without a line.
    let (_, out, _) = validate(
        icp().current_dir(dir.path()),
        &["big.filing.toml", "--format", "github"],
    );
    assert!(
        out.starts_with("::error file=big.filing.toml,title=file-too-large::"),
        "{out}"
    );
}

// --- github --------------------------------------------------------------

#[test]
fn github_commands_are_one_line_each_and_escaped() {
    // A directory whose name has the characters that end a property value.
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("a,b:c%d");
    std::fs::create_dir(&odd).unwrap();
    std::fs::copy(manifest(BROKEN), odd.join("filing.toml")).unwrap();
    let (_, out, _) = validate(icp().current_dir(dir.path()), &[".", "--format", "github"]);
    assert!(!out.is_empty());
    for line in out.lines() {
        assert!(
            line.starts_with("::error file=a%2Cb%3Ac%25d/filing.toml,")
                || line.starts_with("::warning file=a%2Cb%3Ac%25d/filing.toml,")
                || line.starts_with("::notice file=a%2Cb%3Ac%25d/filing.toml,"),
            "{line}"
        );
        // Message and help are joined by an escaped line break.
        let (_, body) = line.split_once("::").unwrap().1.split_once("::").unwrap();
        assert!(body.contains("%0A"), "{line}");
    }
}

// --- sarif ---------------------------------------------------------------

fn sarif(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--format", "sarif"];
    all.extend_from_slice(args);
    let (code, out, err) = validate(&mut icp(), &all);
    assert!(code == 0 || code == 1, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn the_sarif_report() {
    let log = sarif(&[BROKEN, "--lang", "en"]);
    insta::assert_json_snapshot!(log, {
        ".runs[].tool.driver.version" => "[version]",
        ".runs[].tool.driver.semanticVersion" => "[version]",
        ".runs[].tool.driver.fullName" => "[name and version]",
    });
}

#[test]
fn sarif_results_point_at_the_value() {
    let log = sarif(&[BROKEN, "--lang", "en"]);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    let phone = results
        .iter()
        .find(|r| r["ruleId"] == "phone-area-mismatch")
        .expect("the area-code finding");
    assert_eq!(phone["level"], "warning");
    let index = usize::try_from(phone["ruleIndex"].as_u64().unwrap()).unwrap();
    assert_eq!(rules[index]["id"], "phone-area-mismatch");
    assert!(rules[index]["properties"]["source"].as_str().unwrap().len() > 10);
    let location = &phone["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "tests/fixtures/broken.filing.toml"
    );
    // `office_phone = "086-020-86013388"`: the value, quotes included, is
    // columns 16 to 34 (exclusive) of line 27, as in the JSON report.
    let region = &location["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 27);
    assert_eq!(region["startColumn"], 16);
    assert_eq!(region["endLine"], 27);
    assert_eq!(region["endColumn"], 34);
    assert_eq!(
        location["logicalLocations"][0]["fullyQualifiedName"],
        "subject.principal.office_phone"
    );
    // Each rule is described once, whatever the number of its results.
    let mut ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

/// The published SARIF 2.1.0 schema, from the shared data beside the
/// repository (it is not copied into it). `None` when absent, outside CI.
fn sarif_schema() -> Option<serde_json::Value> {
    let path = manifest("../shared/data/sarif-schema-2.1.0.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).unwrap()),
        Err(e) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "the SARIF schema is required in CI: {}: {e}",
                path.display()
            );
            eprintln!("skipped: no SARIF schema at {} ({e})", path.display());
            None
        }
    }
}

#[test]
fn sarif_is_valid_against_the_published_schema() {
    let Some(schema) = sarif_schema() else {
        return;
    };
    // A draft-07 schema: the crate knows the draft's meta-schema, so nothing
    // is fetched.
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("客户 A");
    std::fs::create_dir(&odd).unwrap();
    std::fs::copy(manifest(BROKEN), odd.join("filing.toml")).unwrap();
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("broken", vec![BROKEN, "--lang", "en"]),
        ("broken in Chinese", vec![BROKEN, "--lang", "zh"]),
        ("clean", vec![CLEAN]),
        ("warnings", vec![WARNINGS]),
        // Findings `icp fix` repairs carry SARIF fixes.
        ("fixable", vec!["tests/fixtures/fix/mixed.before.toml"]),
    ];
    for (name, args) in cases {
        let log = sarif(&args);
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    // A path with spaces and Chinese characters is an encoded URI.
    let (_, out, _) = validate(icp().current_dir(dir.path()), &[".", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "%E5%AE%A2%E6%88%B7%20A/filing.toml"
    );
}

// --- --output-file -------------------------------------------------------

/// The report is written to `--output-file`'s temporary file as the files
/// are checked: SIGTERM, SIGHUP or SIGINT at any moment of a run leaves the
/// old file or the whole new report, never half of one nor the temporary
/// file.
#[cfg(unix)]
#[test]
fn a_kill_during_a_streamed_output_file_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let filings = dir.path().join("filings");
    for i in 0..300 {
        let sub = filings.join(format!("c{i:03}"));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join("filing.toml"), "").unwrap();
    }
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("report.sarif");
    let icp = assert_cmd::cargo::cargo_bin("icp");
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    for i in 0..12 {
        std::fs::write(&report, "old").unwrap();
        let mut child = std::process::Command::new(&icp)
            .args([
                "--no-config",
                "validate",
                "--format",
                "sarif",
                "--output-file",
            ])
            .arg(&report)
            .arg(&filings)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        crate::common::interrupt(
            &mut child,
            &mut rng,
            std::time::Duration::from_micros(300_000),
            i,
        );
        let text = std::fs::read_to_string(&report).unwrap();
        if text != "old" {
            let log: serde_json::Value = serde_json::from_str(&text).expect("a whole report");
            assert_eq!(log["runs"][0]["results"].as_array().unwrap().len() % 300, 0);
        }
        let left = crate::common::temporary_files(&out);
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn output_file_gets_the_machine_format_and_the_terminal_the_human_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("icp.sarif");
    std::fs::write(&file, "old contents").unwrap();
    let file_arg = file.to_str().unwrap();
    let (code, out, err) = validate(
        &mut icp(),
        &[
            BROKEN,
            "--format",
            "sarif",
            "--output-file",
            file_arg,
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(err, "");
    // The terminal: the same human report as without --output-file.
    let (_, human, _) = validate(&mut icp(), &[BROKEN, "--lang", "en"]);
    assert_eq!(out, human);
    // The file: the same SARIF as on stdout, replacing what was there.
    let (_, sarif_out, _) = validate(&mut icp(), &[BROKEN, "--format", "sarif", "--lang", "en"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), sarif_out);
    // Nothing else was left in the directory (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    for format in ["json", "github", "concise"] {
        let (code, _, _) = validate(
            &mut icp(),
            &[BROKEN, "--format", format, "--output-file", file_arg],
        );
        assert_eq!(code, 1);
        let (_, expected, _) = validate(&mut icp(), &[BROKEN, "--format", format]);
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            expected,
            "{format}"
        );
    }
}

#[test]
fn output_file_needs_a_machine_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    let (code, out, err) = validate(
        &mut icp(),
        &[
            BROKEN,
            "--output-file",
            file.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("--format json, sarif, github or concise"),
        "{err}"
    );
    assert!(!file.exists());
}

#[test]
fn an_unwritable_output_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no/such/dir/icp.json");
    let (code, out, err) = validate(
        &mut icp(),
        &[
            CLEAN,
            "--format",
            "json",
            "--output-file",
            file.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.starts_with("cannot write "), "{err}");
    // The terminal still gets the report.
    assert_eq!(out, "✓ 1 file: no problems found\n");
}

// --- batches -------------------------------------------------------------

/// A directory `clients/` of a few filings: one broken, one with warnings,
/// one without a scan (warnings), one personal filing.
fn clients() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, from) in [
        ("clients/acme/filing.toml", BROKEN),
        ("clients/bright.filing.toml", WARNINGS),
        (
            "clients/chen/filing.toml",
            "examples/personal-sc.filing.toml",
        ),
        ("clients/delta.filing.toml", CLEAN),
    ] {
        let to = dir.path().join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(manifest(from), to).unwrap();
    }
    dir
}

/// The table and the summary line: the end of the human report.
fn table_part(out: &str) -> String {
    let start = out.find('┌').expect("a table");
    out[start..].to_owned()
}

#[test]
fn the_summary_table_of_a_batch() {
    let dir = clients();
    let (code, out, err) = validate(icp().current_dir(dir.path()), &["clients", "--lang", "en"]);
    assert_eq!(code, 1);
    assert_eq!(err, "");
    insta::assert_snapshot!(table_part(&out));
}

#[test]
fn verbose_lists_every_file_of_a_batch() {
    let dir = clients();
    let (code, out, _) = validate(
        icp().current_dir(dir.path()),
        &["clients", "--lang", "en", "--verbose"],
    );
    assert_eq!(code, 1);
    let table = table_part(&out);
    for file in [
        "acme/filing.toml",
        "bright.filing.toml",
        "chen/filing.toml",
        "delta.filing.toml",
    ] {
        assert!(table.contains(file), "{file} missing in\n{table}");
    }
    assert!(!table.contains("--verbose"), "{table}");
    // Warnings fail under --deny-warnings: every file is listed as failing.
    let (_, out, _) = validate(
        icp().current_dir(dir.path()),
        &["clients", "--lang", "en", "--deny-warnings"],
    );
    assert!(out.ends_with("in 4 files; 4 files failed\n"), "{out}");
}

#[test]
fn the_summary_table_of_a_batch_in_chinese() {
    let dir = clients();
    let (_, out, _) = validate(icp().current_dir(dir.path()), &["clients", "--lang", "zh"]);
    insta::assert_snapshot!(table_part(&out));
}

#[test]
fn one_file_has_no_table_and_machine_formats_none() {
    let (_, out, _) = validate(&mut icp(), &[BROKEN, "--lang", "en"]);
    assert!(!out.contains('┌'));
    let dir = clients();
    for format in ["json", "sarif", "github", "concise"] {
        let (_, out, _) = validate(
            icp().current_dir(dir.path()),
            &["clients", "--format", format],
        );
        assert!(!out.contains('┌'), "{format}");
    }
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = clients();
    for format in ["human", "json", "sarif", "github", "concise"] {
        let (_, _, err) = validate(
            icp().current_dir(dir.path()),
            &["clients", "--format", format],
        );
        assert_eq!(err, "", "{format}");
    }
    let out = dir.path().join("out.json");
    let (_, _, err) = validate(
        icp().current_dir(dir.path()),
        &[
            "clients",
            "--format",
            "json",
            "--output-file",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(err, "");
}

/// `icp validate ARGS` on a real pseudo-terminal (stdout and stderr both);
/// everything it printed, as rexpect reads it (bytes as Latin-1 characters).
fn on_a_terminal(dir: &Path, args: &[&str]) -> String {
    use assert_cmd::cargo::CommandCargoExt;
    let mut cmd = std::process::Command::cargo_bin("icp").unwrap();
    cmd.current_dir(dir)
        .arg("validate")
        .args(args)
        .args(["--today", "2026-11-28", "--lang", "en"])
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    // Generous: a debug build on a busy CI machine.
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).unwrap();
    p.exp_eof().unwrap()
}

#[test]
fn a_progress_bar_when_stderr_is_a_terminal() {
    let dir = clients();
    let out = on_a_terminal(dir.path(), &["clients"]);
    // Drawn as the batch starts, then cleared before the report.
    assert!(out.contains("checking ["), "{out}");
    assert!(out.contains("/4 "), "{out}");
    assert!(out.contains("\x1b[2K"), "the bar is cleared: {out}");
    assert!(out.contains("in 4 files"), "{out}");
    // One file: nothing to show progress of.
    let out = on_a_terminal(Path::new(env!("CARGO_MANIFEST_DIR")), &[BROKEN]);
    assert!(!out.contains("checking ["), "{out}");
    // A machine format on stdout: never, even on a terminal.
    let out = on_a_terminal(dir.path(), &["clients", "--format", "json"]);
    assert!(!out.contains("checking ["), "{out}");
}
