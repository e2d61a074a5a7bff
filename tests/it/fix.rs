//! `icp fix`: each fix on a filing with comments and odd layouts, compared
//! byte for byte with the expected result; idempotence; what it must never
//! touch (judgements, files that do not parse, links, read-only files).

use std::path::{Path, PathBuf};

use crate::common::icp;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fix");
const TODAY: &str = "2026-11-28";

/// A copy of `tests/fixtures/fix/<name>.before.toml` as `filing.toml` in a
/// temporary directory.
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    std::fs::copy(format!("{FIXTURES}/{name}.before.toml"), &path).unwrap();
    (dir, path)
}

fn fix(path: &Path) -> assert_cmd::assert::Assert {
    icp()
        .args(["fix", "--today", TODAY, "--lang", "en"])
        .arg(path)
        .assert()
}

#[test]
fn every_fix_gives_its_expected_file_byte_for_byte() {
    let names = [
        "half-width",
        "strip-invisible",
        "phone",
        "mobile",
        "domain",
        "upper-case",
        "date",
        "city",
        "city-pinyin",
    ];
    for name in names {
        let (_dir, path) = copy(name);
        let before = std::fs::read(&path).unwrap();
        let out = fix(&path).get_output().clone();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let after = std::fs::read(&path).unwrap();
        let expected = std::fs::read(format!("{FIXTURES}/{name}.after.toml")).unwrap();
        assert_ne!(before, after, "{name}: nothing changed\n{stdout}");
        assert!(
            after == expected,
            "{name}: got\n{}\n{stdout}",
            String::from_utf8_lossy(&after)
        );
        assert!(stdout.contains("fixed "), "{name}: {stdout}");
        // Nothing fixable is left, and a second run changes nothing.
        assert!(!stdout.contains("fixable"), "{name}: {stdout}");
        let again = fix(&path).get_output().stdout.clone();
        assert!(
            String::from_utf8_lossy(&again).starts_with("nothing to fix\n"),
            "{name}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), expected, "{name}");
    }
}

#[test]
fn a_city_and_district_in_pinyin_are_listed_and_leave_nothing_fixable() {
    let (_dir, path) = copy("city-pinyin");
    let out = fix(&path).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("subject.city: \"Shen Zhen\" → \"深圳市\" (city-not-in-province)"),
        "{out}"
    );
    assert!(
        out.contains("subject.district: \"nanshan\" → \"南山区\" (district-not-in-city)"),
        "{out}"
    );
    // validate after fix: no finding at the city or district, none fixable.
    let out = icp()
        .args(["validate", "--format", "json", "--today", TODAY])
        .arg(&path)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = report.to_string();
    assert!(!text.contains("\"fixable\":true"), "{text}");
    assert!(
        !text.contains("subject.city") && !text.contains("subject.district"),
        "{text}"
    );
}

/// A pinyin spelling that names two districts of the city (临夏市 and 临夏县
/// are both linxia) is not guessed: the value stays, and the finding lists
/// both.
#[test]
fn an_ambiguous_pinyin_district_is_left_with_its_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    let text = crate::common::example("enterprise-gd")
        .replace("province = \"gd\"", "province = \"gs\"")
        .replace("city = \"深圳市\"", "city = \"linxia\"")
        .replace("district = \"南山区\"", "district = \"linxia\"");
    assert!(text.contains("city = \"linxia\"") && text.contains("district = \"linxia\""));
    std::fs::write(&path, &text).unwrap();
    fix(&path);
    let after = std::fs::read_to_string(&path).unwrap();
    // The city is one (临夏回族自治州); the district is either of two.
    assert!(after.contains("city = \"临夏回族自治州\""), "{after}");
    assert!(after.contains("district = \"linxia\""), "{after}");
    let out = icp()
        .args([
            "validate", "--format", "json", "--lang", "en", "--today", TODAY,
        ])
        .arg(&path)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["files"][0]["diagnostics"].as_array().unwrap();
    let district = findings
        .iter()
        .find(|f| f["rule"] == "district-not-in-city")
        .unwrap_or_else(|| panic!("{report:#}"));
    assert_ne!(district["fixable"], true, "{district:#}");
    assert_eq!(
        district["message"],
        "linxia is not a district of 临夏回族自治州 (in pinyin it may name 临夏市, 临夏县: choose one)",
        "{district:#}"
    );
    // In Chinese the places are listed with 、, not ", ".
    let out = icp()
        .args([
            "validate", "--format", "json", "--lang", "zh", "--today", TODAY,
        ])
        .arg(&path)
        .output()
        .unwrap();
    let zh = String::from_utf8_lossy(&out.stdout);
    assert!(
        zh.contains("（拼音可指：临夏市、临夏县，请选定一个）"),
        "{zh}"
    );
    // A city of another province is named with its province.
    std::fs::write(
        &path,
        text.replace("province = \"gs\"", "province = \"gd\""),
    )
    .unwrap();
    let out = icp()
        .args([
            "validate", "--format", "json", "--lang", "zh", "--today", TODAY,
        ])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("linxia 不是广东省的城市（拼音可指：临夏回族自治州（甘肃省））"),
        "{text}"
    );
}

#[test]
fn each_change_is_listed_with_its_rule_path_and_values() {
    let (_dir, path) = copy("phone");
    let out = fix(&path).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains(
            "filing.toml:30: subject.principal.office_phone: \"(0755)86013388\" → \"086-0755-86013388\" (office-phone-format)"
        ),
        "{out}"
    );
    assert!(out.contains("fixed 2 values in 1 file"), "{out}");
}

#[test]
fn diff_and_check_write_nothing() {
    let (_dir, path) = copy("domain");
    let before = std::fs::read(&path).unwrap();
    let out = icp()
        .args(["fix", "--diff", "--today", TODAY])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("-  { name = \"EXAMPLE.com.\""), "{out}");
    assert!(out.contains("+  { name = \"example.com\""), "{out}");
    assert!(out.starts_with("--- "), "{out}");
    icp()
        .args(["fix", "--check", "--today", TODAY, "--lang", "en"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("would fix 1 value in 1 file"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Once fixed, --check passes.
    fix(&path);
    icp()
        .args(["fix", "--check", "--today", TODAY])
        .arg(&path)
        .assert()
        .code(0);
}

#[test]
fn a_check_digit_is_a_judgement_and_survives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    // A lower-case x whose value is also the wrong check character: the
    // case is fixed, the number is not "corrected".
    let text = crate::common::example("enterprise-gd").replace(
        "id_number = \"440305199003074437\"",
        "id_number = \"440305199003074431\"  # 校验位错",
    );
    std::fs::write(&path, &text).unwrap();
    let out = fix(&path).code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert!(out.starts_with("nothing to fix\n"), "{out}");
    assert!(out.contains("resident-id-checksum"), "{out}");
}

#[test]
fn a_file_that_does_not_parse_is_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    let text = "version = 1\nmobile = \"+86 138 0013 8000\"\n[subject\nname = \"x\u{200B}\"\n";
    std::fs::write(&path, text).unwrap();
    icp()
        .args(["fix", "--lang", "en"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "not valid TOML; left as it was (icp validate shows where)",
        ))
        .stdout(predicates::str::contains("toml-syntax"));
    assert_eq!(std::fs::read(&path).unwrap(), text.as_bytes());
    // Not UTF-8: said as such (validate's not-utf8), not "not valid TOML".
    let bytes = b"version = 1\nname = \"\xff\xfe\"\n";
    std::fs::write(&path, bytes).unwrap();
    let out = icp()
        .args(["fix", "--lang", "en"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "not UTF-8 text; left as it was (icp validate shows where)",
        ))
        .stdout(predicates::str::contains("not-utf8"))
        .get_output()
        .stderr
        .clone();
    assert!(!String::from_utf8_lossy(&out).contains("TOML"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn diff_and_check_together_are_a_usage_error() {
    let (_dir, path) = copy("domain");
    let before = std::fs::read(&path).unwrap();
    icp()
        .args(["fix", "--diff", "--check", "--today", TODAY])
        .arg(&path)
        .assert()
        .code(2)
        .stdout("");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn invisible_characters_are_shown_by_their_code_point() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    let text = crate::common::example("enterprise-gd").replacen(
        "name = \"张三\"",
        "name = \"张\u{200b}三\"",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let out = icp()
        .args(["fix", "--check", "--today", TODAY, "--lang", "en"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains(": \"张<U+200B>三\" → \"张三\" ("), "{out}");
    assert!(!out.contains("\\u{"), "{out}");
}

#[cfg(unix)]
#[test]
fn a_symlinked_filing_is_refused_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("real.toml");
    std::fs::copy(format!("{FIXTURES}/domain.before.toml"), &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    let link = dir.path().join("filing.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    icp()
        .args(["fix", "--lang", "en", "--today", TODAY])
        .arg(&link)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "a symbolic link; icp fix does not write through links",
        ));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
    // A directory walk does not follow the link at all.
    icp()
        .args(["fix", "--lang", "en", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicates::str::contains("no filing files found"));
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_filing_is_refused_and_nothing_is_lost() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = copy("date");
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    icp()
        .args(["fix", "--lang", "zh", "--today", TODAY])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("文件是只读的，未作修改"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = copy("mobile");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    fix(&path);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn validate_marks_what_fix_repairs() {
    let path = format!("{FIXTURES}/domain.before.toml");
    let json = icp()
        .args(["validate", "--format", "json", "--today", TODAY])
        .arg(&path)
        .output()
        .unwrap()
        .stdout;
    let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let diagnostics = doc["files"][0]["diagnostics"].as_array().unwrap();
    let fixable: Vec<&serde_json::Value> = diagnostics
        .iter()
        .filter(|d| d["fixable"] == true)
        .collect();
    assert!(!fixable.is_empty());
    assert!(
        fixable.iter().all(|d| d["fix"] == "example.com"),
        "{fixable:?}"
    );
    assert_eq!(doc["summary"]["fixable"], fixable.len());
    icp()
        .args(["validate", "--lang", "en", "--today", TODAY])
        .arg(&path)
        .assert()
        .stdout(predicates::str::contains(
            "fixable: icp fix writes \"example.com\"",
        ))
        .stdout(predicates::str::contains(format!(
            "  {} fixable with `icp fix`\n",
            fixable.len()
        )));
    icp()
        .args(["validate", "--lang", "zh", "--today", TODAY])
        .arg(&path)
        .assert()
        .stdout(predicates::str::contains("可用 `icp fix` 自动修正"));
    icp()
        .args([
            "validate", "--format", "github", "--lang", "en", "--today", TODAY,
        ])
        .arg(&path)
        .assert()
        .stdout(predicates::str::contains(
            "%0Afixable: icp fix writes \"example.com\"\n",
        ));
    let sarif = icp()
        .args(["validate", "--format", "sarif", "--today", TODAY])
        .arg(&path)
        .output()
        .unwrap()
        .stdout;
    let sarif: serde_json::Value = serde_json::from_slice(&sarif).unwrap();
    let fixes: Vec<&serde_json::Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.get("fixes"))
        .collect();
    assert_eq!(fixes.len(), fixable.len());
    let replacement = &fixes[0][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "\"example.com\"");
    assert!(replacement["deletedRegion"]["startLine"].is_number());
    icp()
        .args(["validate", "--format", "concise", "--today", TODAY])
        .arg(&path)
        .assert()
        .stdout(
            predicates::str::contains("domain-trailing-dot")
                .and(predicates::str::contains(" [fixable]\n")),
        );
}

#[test]
fn an_unknown_fix_is_a_rule_file_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("agency.yaml"),
        "rules:\n  - id: domain-uppercase\n    fix: lower-case\n",
    )
    .unwrap();
    icp()
        .args(["--lang", "en", "--rules"])
        .arg(dir.path())
        .args(["validate", "examples/enterprise-gd.filing.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown fix lower-case"));
    std::fs::write(
        dir.path().join("agency.yaml"),
        "rules:\n  - id: domain-uppercase\n    fix: { name: domain, mobile: true }\n",
    )
    .unwrap();
    icp()
        .args(["--lang", "en", "--rules"])
        .arg(dir.path())
        .args(["validate", "examples/enterprise-gd.filing.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "the fix domain takes no parameter mobile",
        ));
}

#[test]
fn an_agency_rule_can_declare_a_fix() {
    // Filing dates written with slashes are repaired by the national
    // `invalid-value`; an agency whose clients write a website's name with
    // stray spaces around it declares a rule of its own, with a fix.
    let rules = tempfile::tempdir().unwrap();
    std::fs::write(
        rules.path().join("agency.yaml"),
        r#"rules:
  - id: x-website-name-trimmed
    severity: warning
    each: website
    assert: { not: { fact: website.name, matches: '^\s|\s$' } }
    fix: strip-invisible
    message: { zh: "网站名称前后有空格", en: "the website name has spaces around it" }
    help: { zh: "删除空格。", en: "Remove them." }
    source: { title: "An agency's house style", kind: product, date: "2026-01-01" }
  - id: city-full-name
    severity: warning
"#,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    let text = crate::common::example("enterprise-gd");
    let sloppy = text
        .replace("name = \"示例科技\"", "name = \" 示例科技 \"")
        .replace("city = \"深圳市\"", "city = \"深圳\"");
    assert_ne!(sloppy, text);
    std::fs::write(&path, &sloppy).unwrap();
    icp()
        .args(["--lang", "en", "--rules"])
        .arg(rules.path())
        .args(["validate", "--format", "concise", "--today", TODAY])
        .arg(&path)
        .assert()
        .stdout(
            predicates::str::contains("warning city-full-name")
                .and(predicates::str::contains("warning x-website-name-trimmed")),
        );
    icp()
        .args(["--lang", "en", "--rules"])
        .arg(rules.path())
        .args(["fix", "--today", TODAY])
        .arg(&path)
        .assert()
        .stdout(predicates::str::contains(
            "subject.city: \"深圳\" → \"深圳市\" (city-full-name)",
        ))
        .stdout(predicates::str::contains(
            "websites[0].name: \" 示例科技 \" → \"示例科技\" (x-website-name-trimmed)",
        ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

use predicates::prelude::PredicateBooleanExt;

/// A small deterministic generator (xorshift): the property test needs no
/// dependency, and a failure names the seed that reproduces it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// The mechanical mistakes people make, each a way to misspell one value of
/// the example: some fixable, some (a wrong digit, a missing area code) not.
fn misspell(text: &str, rng: &mut Rng) -> String {
    let fullwidth = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
                c => c,
            })
            .collect()
    };
    let spellings: [(&str, Vec<String>); 10] = [
        (
            "city = \"深圳市\"",
            vec![
                "city = \"深圳\"".into(),
                "city = \"shenzhen\"".into(),
                "city = 'ShenZhen'".into(),
                "city = \"Shen Zhen\"".into(),
                // Not a city of the province: left for the filer.
                "city = \"hangzhou\"".into(),
            ],
        ),
        (
            "district = \"南山区\"",
            vec![
                "district = \"nanshan\"".into(),
                "district = \"Nan Shan\"".into(),
            ],
        ),
        (
            "086-0755-86013388",
            vec![
                "0755-86013388".into(),
                "(0755)86013388".into(),
                "+86 755 8601 3388".into(),
                "86-755-86013388".into(),
                fullwidth("0755-86013388"),
                "86013388".into(),
                "0755-8601338".into(),
            ],
        ),
        (
            "13800138000",
            vec![
                "+86 138 0013 8000".into(),
                "138-0013-8000".into(),
                fullwidth("13800138000"),
                "1380013800".into(),
            ],
        ),
        (
            "zhangsan@example.com",
            vec![
                "zhangsan＠example.com".into(),
                "zhang san@example.com".into(),
                "zhangsan@example.com\u{200B}".into(),
            ],
        ),
        (
            "\"example.com\"",
            vec![
                "\"Example.COM\"".into(),
                "\"example.com.\"".into(),
                "'EXAMPLE.com.'".into(),
                format!("\"{}\"", fullwidth("example.com")),
            ],
        ),
        (
            "91440300MA5F12342Q",
            vec![
                "91440300ma5f12342q".into(),
                "91440300MA5F12343Q".into(),
                fullwidth("91440300MA5F12342Q"),
            ],
        ),
        (
            "id_expires = 2036-05-01",
            vec![
                "id_expires = \"2036/5/1\"".into(),
                "id_expires = \"2036.05.01\"".into(),
                "id_expires = \"2036年5月1日\"".into(),
                "id_expires = \"2036/2/30\"".into(),
            ],
        ),
        (
            "name = \"张三\"",
            vec![
                "name = \"张\u{200B}三\"".into(),
                "name = ' 张三\u{FEFF} '".into(),
            ],
        ),
        (
            "440305199003074437",
            vec!["440305199003074431".into(), fullwidth("440305199003074437")],
        ),
    ];
    let mut out = text.to_owned();
    for (right, wrongs) in &spellings {
        if rng.next() % 3 != 0 {
            let wrong: &String = rng.pick(wrongs);
            out = out.replacen(right, wrong, 1);
        }
    }
    out
}

#[test]
fn fix_is_idempotent_and_leaves_nothing_fixable() {
    let rules = icp::rules::RuleSet::builtin().unwrap();
    let dates = icp::rules::engine::Dates {
        today: TODAY.parse().unwrap(),
        forced: Some(TODAY.parse().unwrap()),
    };
    let example = crate::common::example("enterprise-gd");
    for seed in 1..=200u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let before = misspell(&example, &mut rng);
        let once = icp::fix::text(&rules, &before, dates)
            .unwrap_or_else(|e| panic!("seed {seed}: {e:?}\n{before}"));
        // Idempotent: a second run changes nothing.
        let twice = icp::fix::text(&rules, &once.text, dates).unwrap();
        assert!(twice.changes.is_empty(), "seed {seed}: {:?}", twice.changes);
        assert_eq!(twice.text, once.text, "seed {seed}");
        // Nothing fixable is left for validate to report.
        let (_, findings) = icp::validate::bytes_report(&rules, once.text.clone(), dates);
        let fixable: Vec<&str> = findings
            .iter()
            .filter(|f| f.fixable())
            .map(|f| f.id())
            .collect();
        assert!(
            fixable.is_empty(),
            "seed {seed}: {fixable:?}\n{}",
            once.text
        );
        // Only the values changed: every line without a change is kept.
        assert_eq!(
            once.text.lines().count(),
            before.lines().count(),
            "seed {seed}"
        );
        // A wrong check digit is never "fixed".
        if before.contains("440305199003074431") {
            assert!(once.text.contains("440305199003074431"), "seed {seed}");
        }
    }
}

#[test]
fn every_fix_is_documented() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    for name in icp::rules::fix::Fix::NAMES {
        assert!(
            doc.contains(&format!("| `{name}` |")),
            "docs/rules.md lacks the fix {name}"
        );
    }
}

#[test]
fn templates_are_written_in_canonical_form() {
    let rules = icp::rules::RuleSet::builtin().unwrap();
    let dates = icp::rules::engine::Dates {
        today: TODAY.parse().unwrap(),
        forced: Some(TODAY.parse().unwrap()),
    };
    for p in ["gd", "sc", "bj"] {
        let out = icp()
            .args(["new", "--template", "-", "--province", p, "--today", TODAY])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let repaired = icp::fix::text(&rules, &text, dates).unwrap();
        assert!(repaired.changes.is_empty(), "{p}: {:?}", repaired.changes);
        let (_, findings) = icp::validate::bytes_report(&rules, text, dates);
        assert!(findings.iter().all(|f| !f.fixable()), "{p}");
    }
}

#[test]
fn explain_names_the_fix_of_a_rule() {
    icp()
        .args(["explain", "office-phone-format", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Automatic fix:\n  icp fix rewrites the value when it is certain (fix phone)",
        ));
    // A judgement has none.
    icp()
        .args(["explain", "resident-id-checksum", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Automatic fix").not());
}

#[test]
fn junk_never_makes_fix_panic_or_write_what_does_not_parse() {
    let rules = icp::rules::RuleSet::builtin().unwrap();
    let dates = icp::rules::engine::Dates {
        today: TODAY.parse().unwrap(),
        forced: Some(TODAY.parse().unwrap()),
    };
    let sloppy = std::fs::read_to_string(format!("{FIXTURES}/mixed.before.toml")).unwrap();
    let bytes = sloppy.as_bytes();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for round in 0..300 {
        // Cut, duplicate or overwrite a few bytes: often not UTF-8, often
        // not TOML, sometimes still a filing with things to repair.
        let mut junk = bytes.to_vec();
        for _ in 0..(1 + rng.next() % 4) {
            let at = (rng.next() as usize) % junk.len().max(1);
            match rng.next() % 3 {
                0 => {
                    junk.remove(at);
                }
                1 => junk.insert(at, *rng.pick(b"\"'[]=\n#\\x\xE4")),
                _ => junk[at] = (rng.next() & 0xFF) as u8,
            }
        }
        let Ok(text) = String::from_utf8(junk) else {
            continue;
        };
        if let Ok(repaired) = icp::fix::text(&rules, &text, dates) {
            assert!(
                icp::filing::load(repaired.text.clone()).parsed,
                "round {round}: wrote what does not parse\n{}",
                repaired.text
            );
        }
    }
}
