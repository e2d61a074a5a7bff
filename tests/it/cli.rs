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
    assert_eq!(phone["severity"], "warning");
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

/// A filing prepared long ago is judged by its `prepared_on`, but it is
/// submitted today: an ID and a domain valid then and expired since are
/// warnings naming both dates. `--today` keeps the check reproducible.
#[test]
fn what_expired_since_prepared_on_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_example_scans(dir.path());
    let path = dir.path().join("filing.toml");
    let text = crate::common::example("enterprise-gd")
        .replace("prepared_on = 2026-11-28", "prepared_on = 2020-01-01")
        .replace("id_expires = 2036-05-01", "id_expires = 2021-06-01")
        .replace("expires = 2028-03-01", "expires = 2021-06-01");
    std::fs::write(&path, text).unwrap();
    let run = |extra: &[&str]| {
        let out = icp()
            .args(["validate", "--no-config", "--format", "concise"])
            .args(extra)
            .arg(&path)
            .output()
            .unwrap();
        // Warnings and the info about the old date: the filing still passes.
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let now = run(&["--lang", "en"]);
    let rules: Vec<&str> = now.lines().filter_map(|l| l.split(' ').nth(2)).collect();
    assert_eq!(
        rules,
        ["prepared-on-old", "id-expired-now", "domain-expired-now"],
        "{now}"
    );
    assert!(
        now.contains(
            "warning id-expired-now the ID expired on 2021-06-01: it was valid on the preparation date 2020-01-01, but not today ("
        ),
        "{now}"
    );
    assert!(
        run(&["--lang", "zh"])
            .contains("证件已于 2021-06-01 过期：准备日期 2020-01-01 时有效，到今天（"),
    );
    // Judged on the day it names, the filing is clean.
    assert_eq!(run(&["--today", "2020-01-01"]), "");
}

/// What the system says when a file cannot be read or written is said in
/// the user's language, not in the operating system's English.
#[test]
fn io_errors_are_in_the_language_of_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.filing.toml");
    let stderr = |args: &[&std::ffi::OsStr]| {
        let out = icp().args(["--lang", "zh"]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let english = |s: &str| s.contains("No such file") || s.contains("os error");
    let read = stderr(&["validate".as_ref(), missing.as_os_str()]);
    assert!(read.contains("nope.filing.toml：路径不存在"), "{read}");
    assert!(read.starts_with("无法读取 "), "{read}");
    let listed = stderr(&["checklist".as_ref(), missing.as_os_str()]);
    assert!(listed.contains("：路径不存在"), "{listed}");
    let rules = stderr(&[
        "validate".as_ref(),
        "examples/enterprise-gd.filing.toml".as_ref(),
        "--rules".as_ref(),
        missing.as_os_str(),
    ]);
    assert!(rules.starts_with("无法读取规则目录 "), "{rules}");
    assert!(rules.contains("：路径不存在"), "{rules}");
    let written = stderr(&[
        "validate".as_ref(),
        "examples/enterprise-gd.filing.toml".as_ref(),
        "--today".as_ref(),
        "2026-11-28".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        "--output-file".as_ref(),
        dir.path().join("no/such/dir/report.json").as_os_str(),
    ]);
    assert!(written.contains("report.json：路径不存在"), "{written}");
    for text in [&read, &listed, &rules, &written] {
        assert!(!english(text), "{text}");
    }
    let en = icp()
        .args(["--lang", "en", "validate"])
        .arg(&missing)
        .output()
        .unwrap();
    let en = String::from_utf8(en.stderr).unwrap();
    assert!(
        en.contains("cannot read ") && en.contains("nope.filing.toml: the path does not exist"),
        "{en}"
    );
}

/// Findings hold values, not words of one language: a choice, a province,
/// the kind of an IP address and a TOML type are said in the language of
/// the report, and a document is named the same way by `validate` and
/// `checklist`.
#[test]
fn values_are_said_in_the_language_of_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let unit = write(
        "unit.filing.toml",
        crate::common::example("enterprise-gd")
            .replace(
                "certificate_type = \"business-license\"",
                "certificate_type = \"institution-certificate\"",
            )
            .replace("mobile = \"13800138000\"", "mobile = 13800138000")
            .replace("\"119.29.168.10\"", "\"192.168.0.1\""),
    );
    let personal = write(
        "personal.filing.toml",
        crate::common::example("personal-sc").replace(
            "service = \"其他\"",
            "service = \"其他\"\npreapprovals = [\"news\", \"bbs\"]",
        ),
    );
    let cq = write(
        "cq.filing.toml",
        crate::common::example("provinces/cq-personal")
            .replace("\"500103199208114626\"", "\"440305199003074437\""),
    );
    let concise = |lang: &str, path: &Path| {
        stdout(
            icp()
                .args([
                    "validate",
                    "--no-config",
                    "--format",
                    "concise",
                    "--today",
                    "2026-11-28",
                ])
                .args(["--lang", lang])
                .arg(path),
        )
    };
    let zh = concise("zh", &unit) + &concise("zh", &personal) + &concise("zh", &cq);
    let en = concise("en", &unit) + &concise("en", &personal) + &concise("en", &cq);
    for said in [
        "证件类型“事业单位法人证书”不适用于主办单位性质“企业”",
        "此处应为字符串，实际是整数",
        "192.168.0.1 是私有地址，不是公网地址",
        "个人网站不能涉及前置审批内容（新闻、电子公告服务）",
        "缺少前置审批文件（电子公告服务）",
        "身份证由广东省签发",
    ] {
        assert!(zh.contains(said), "{said}\n{zh}");
    }
    for said in [
        "the certificate type “public institution certificate” does not go with the nature “enterprise”",
        "expected string here, found integer",
        "the address 192.168.0.1 is private, not public",
        "(news, bulletin board services)",
        "the ID was issued in Guangdong",
    ] {
        assert!(en.contains(said), "{said}\n{en}");
    }
    for english in [
        "institution-certificate",
        "enterprise",
        "private",
        "string",
        "integer",
        "bbs",
    ] {
        assert!(!zh.contains(english), "{english}\n{zh}");
    }
    assert!(!en.contains("广东省"), "{en}");
    // The checklist names the pre-approval document as validate does.
    let list = stdout(
        icp()
            .args([
                "checklist",
                "--no-config",
                "--format",
                "markdown",
                "--today",
                "2026-11-28",
            ])
            .args(["--lang", "zh"])
            .arg(&personal),
    );
    assert!(list.contains("前置审批文件（电子公告服务）"), "{list}");
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
fn an_empty_directory_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a filing").unwrap();
    icp()
        .args(["validate", "--lang", "en"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no filing files found in "))
        .stderr(predicate::str::contains("--allow-empty"));
    icp()
        .args(["validate", "--lang", "zh"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("没有找到备案文件"));
}

#[test]
fn allow_empty_lets_an_empty_directory_pass() {
    let dir = tempfile::tempdir().unwrap();
    icp()
        .args(["validate", "--lang", "en", "--allow-empty"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("no filing files found"))
        .stderr(predicate::str::contains("--allow-empty").not());
}

#[test]
fn a_broken_rule_file_is_reported_with_its_span() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.yaml"),
        "rules:\n  - id: house-rule\n    severity: error\n    assert: { fact: subject.nmae, present: true }\n    message: { zh: 名称, en: name }\n    help: { zh: 帮助, en: help }\n    source: TC-guide-2018\n",
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

/// An unknown key is named with its table: the same key under several
/// websites' principals is told apart.
#[test]
fn an_unknown_key_is_named_with_its_table_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.filing.toml");
    let text = crate::common::example("enterprise-gd").replacen(
        "[websites.principal]",
        "[websites.principal]
unknown_key_0 = 1
#",
        1,
    );
    assert!(text.contains("unknown_key_0"));
    std::fs::write(&path, text).unwrap();
    let out = stdout(
        icp()
            .args([
                "validate",
                "--format",
                "concise",
                "--lang",
                "en",
                "--no-config",
            ])
            .arg(&path),
    );
    assert!(
        out.contains("error unknown-key unknown key websites[0].principal.unknown_key_0"),
        "{out}"
    );
}

/// A command line that cannot be understood is answered in the language
/// `icp.toml` sets, as every other message is.
#[test]
fn command_line_mistakes_follow_the_configured_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("icp.toml"), "lang = \"zh\"\n").unwrap();
    let run = |args: &[&str]| {
        let out = icp()
            .current_dir(dir.path())
            .env_remove("ICP_LANG")
            .env_remove("LC_ALL")
            .env_remove("LANG")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let zh = run(&["valdate"]);
    assert!(zh.contains("运行 --help 查看更多说明"), "{zh}");
    let en = run(&["--no-config", "valdate"]);
    assert!(en.contains("unrecognized subcommand"), "{en}");
}
