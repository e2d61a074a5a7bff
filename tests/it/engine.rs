//! The rule engine is real: an agency adds rules of every kind through
//! `--rules DIR` alone, with no change to `icp`, and each fires where it
//! should and stays quiet where it should.

use assert_cmd::Command;
use serde_json::Value;

const HOUSE_RULES: &str = r#"
sources:
  HOUSE:
    title: Agency house rules
    date: "2026-11-01"
lists:
  house-words: [禁词]
  approved-suffixes: { add: [app] }
document_kinds:
  - { key: access-contract, zh: 接入合同, en: access contract }
rules:
  - id: house-investor-unit
    severity: error
    scope: { natures: [unit] }
    assert: { fact: subject.investor, matches: '(有限公司|集团)$' }
    message: { zh: 投资人应为单位全称, en: the investor should be a unit's full name }
    help: { zh: 写全称, en: give the full name }
    source: HOUSE
  - id: house-district-required
    severity: error
    require: [subject.district]
    message: { zh: 缺少区县, en: "{field} is missing" }
    help: { zh: 填写区县, en: give the district }
    source: HOUSE
  - id: house-no-number-on-new
    severity: error
    scope: { types: [new] }
    forbid: [subject.icp_number]
    message: { zh: 首次备案不填备案号, en: a first filing has no number }
    help: { zh: 删除, en: remove it }
    source: HOUSE
  - id: house-official-note
    severity: error
    each: website
    when: { fact: website.name, contains: 官网 }
    note: { field: website.note, contains: [官方网站] }
    message: { zh: 官网须在备注中说明, en: "an official site says so in its note ({phrase})" }
    help: { zh: 写明官方网站, en: write 官方网站 }
    source: HOUSE
  - id: house-declaration
    severity: error
    each: website
    when: { fact: website.name, contains: 声明 }
    note: { field: website.note, contains_all: [本人承诺, 非经营性] }
    message: { zh: "备注缺少：{missing}", en: "the note lacks {missing}" }
    help: { zh: 写明全部声明, en: write every declaration }
    source: HOUSE
  - id: house-competitor-words
    severity: warning
    each: website
    words: { field: website.name, list: [竞品] }
    message: { zh: "名称含 {word}", en: "the name contains {word}" }
    help: { zh: 改名, en: rename }
    source: HOUSE
  - id: house-listed-words
    severity: error
    each: website
    words: { field: website.name, list_ref: house-words, match: contains }
    message: { zh: "名称含 {word}", en: "the name contains {word}" }
    help: { zh: 改名, en: rename }
    source: HOUSE
  - id: house-short-names
    severity: error
    each: website
    limit: { fact: website.name_length, max: 8 }
    message: { zh: "名称过长（{count}）", en: "the name is too long ({count} > {max})" }
    help: { zh: 缩短, en: shorten it }
    source: HOUSE
  - id: house-company-mail
    severity: error
    each: principal
    check: { algorithm: pattern, field: principal.email, pattern: '@example\.com$' }
    message: { zh: 请用公司邮箱, en: use the company mailbox }
    help: { zh: 改为 @example.com, en: use @example.com }
    source: HOUSE
  - id: house-access-contract
    severity: error
    scope: { natures: [unit] }
    document: { kind: access-contract, owner: subject }
    message: { zh: "缺少{document_zh}", en: "the {document_en} is missing" }
    help: { zh: 上传合同, en: upload the contract }
    source: HOUSE
  - id: house-dated
    severity: error
    each: website
    variants:
      - until: "2020-01-01"
        limit: { fact: website.name_length, min: 10 }
        message: { zh: 2020 年前网站名称至少 10 个字, en: before 2020 names had 10 characters }
      - since: "2020-01-01"
        severity: off
        limit: { fact: website.name_length, min: 10 }
        message: { zh: 已取消, en: withdrawn }
    help: { zh: 无, en: none }
    source: HOUSE
  # Turning a national rule off.
  - id: resident-id-checksum
    severity: off
"#;

const GD_RULES: &str = r#"
province: gd
rules:
  # A province tightens a national rule for itself: same id.
  - id: office-phone-mobile
    severity: error
  # A new province rule needs the province prefix.
  - id: gd-house-rule
    severity: warning
    assert: { fact: subject.name, starts_with: 深圳市 }
    message: { zh: 须为深圳企业, en: must be a Shenzhen company }
    help: { zh: 无, en: none }
    source: { title: Guangdong house note, date: "2026-11-01" }
"#;

use crate::common::example;

struct Run {
    code: i32,
    findings: Vec<(String, String, String)>,
}

impl Run {
    fn fired(&self, rule: &str) -> Vec<&str> {
        self.findings
            .iter()
            .filter(|(r, _, _)| r == rule)
            .map(|(_, p, _)| p.as_str())
            .collect()
    }

    fn severity(&self, rule: &str) -> Option<&str> {
        self.findings
            .iter()
            .find(|(r, _, _)| r == rule)
            .map(|(_, _, s)| s.as_str())
    }
}

fn run(text: &str, today: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(rules.join("provinces")).unwrap();
    std::fs::write(rules.join("house.yaml"), HOUSE_RULES).unwrap();
    std::fs::write(rules.join("provinces/gd.yaml"), GD_RULES).unwrap();
    // The example's scans, and the contract the house rules ask for.
    crate::common::copy_example_scans(dir.path());
    let scans = dir.path().join("scans");
    std::fs::copy(scans.join("license.jpg"), scans.join("contract.jpg")).unwrap();
    let filing = dir.path().join("filing.toml");
    std::fs::write(&filing, text).unwrap();
    let out = Command::cargo_bin("icp")
        .unwrap()
        .args(["validate", "--format", "json", "--today", today, "--rules"])
        .arg(&rules)
        .arg(&filing)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert_ne!(code, 2, "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            (s("rule"), s("path"), s("severity"))
        })
        .collect();
    Run { code, findings }
}

const TODAY: &str = "2026-11-28";

/// The clean example, with the contract the house rules ask for.
fn base() -> String {
    example("enterprise-gd").replace(
        "{ kind = \"business-license\", file = \"scans/license.jpg\" },",
        "{ kind = \"business-license\", file = \"scans/license.jpg\" }, { kind = \"接入合同\", file = \"scans/contract.jpg\" },",
    )
}

#[test]
fn a_clean_filing_trips_no_house_rule() {
    let r = run(&base(), TODAY);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.code, 0);
}

/// `contains_all`: every phrase, not one of them.
#[test]
fn a_note_needs_every_phrase() {
    let with_note = |note: &str| {
        base()
            .replace("name = \"示例科技\"", "name = \"示例科技声明\"")
            .replace(
                "note = \"\"                    # 网站备注",
                &format!("note = \"{note}\""),
            )
    };
    for (note, fires) in [
        ("", true),
        ("本人承诺", true),
        ("非经营性网站", true),
        ("本人承诺本网站为非经营性网站", false),
    ] {
        let r = run(&with_note(note), TODAY);
        assert_eq!(
            r.fired("house-declaration"),
            if fires {
                vec!["websites[0].note"]
            } else {
                vec![]
            },
            "{note:?}"
        );
    }
}

#[test]
fn every_kind_fires_through_rules_alone() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "house-investor-unit",
            "investor = \"深圳市示例控股有限公司\"",
            "investor = \"张三\"",
            "subject.investor",
        ),
        (
            "house-district-required",
            "district = \"南山区\"\n",
            "",
            "subject.district",
        ),
        (
            "house-no-number-on-new",
            "investor = ",
            "icp_number = \"粤ICP备12345678号\"\ninvestor = ",
            "subject.icp_number",
        ),
        (
            "house-official-note",
            "name = \"示例科技\"",
            "name = \"示例科技官网\"",
            "websites[0].note",
        ),
        (
            "house-competitor-words",
            "name = \"示例科技\"",
            "name = \"示例竞品科技\"",
            "websites[0].name",
        ),
        (
            "house-listed-words",
            "name = \"示例科技\"",
            "name = \"示例禁词科技\"",
            "websites[0].name",
        ),
        (
            "house-short-names",
            "name = \"示例科技\"",
            "name = \"示例科技有限公司门户\"",
            "websites[0].name",
        ),
        (
            "house-company-mail",
            "\"zhangsan@example.com\"",
            "\"zhangsan@other.cn\"",
            "subject.principal.email",
        ),
        (
            "house-access-contract",
            ", { kind = \"接入合同\", file = \"scans/contract.jpg\" }",
            "",
            "subject.documents",
        ),
        (
            "gd-house-rule",
            "name = \"深圳市示例科技有限公司\"",
            "name = \"示例科技有限公司\"",
            "subject.name",
        ),
    ];
    for (rule, from, to, path) in cases {
        let text = base().replacen(from, to, 1);
        assert_ne!(text, base(), "{rule}: the replacement did not apply");
        let r = run(&text, TODAY);
        assert_eq!(r.fired(rule), [*path], "{rule}: {:?}", r.findings);
    }
}

#[test]
fn a_list_extended_through_rules() {
    // `.app` is on neither built-in list (a warning); the house file approves it.
    let text = base()
        .replace("name = \"example.com\"", "name = \"example.app\"")
        .replace("\"www.example.com\"", "\"www.example.app\"");
    let r = run(&text, TODAY);
    assert!(
        r.fired("domain-suffix-unknown").is_empty(),
        "{:?}",
        r.findings
    );
}

#[test]
fn dated_variants_follow_the_as_of_date() {
    let in_2019 = run(&base(), "2019-06-01");
    assert_eq!(in_2019.fired("house-dated"), ["websites[0].name"]);
    let today = run(&base(), TODAY);
    assert!(today.fired("house-dated").is_empty());
}

#[test]
fn a_national_rule_turned_off() {
    let text = base().replace("\"440305199003074437\"", "\"440305199003074438\"");
    let r = run(&text, TODAY);
    assert!(
        r.fired("resident-id-checksum").is_empty(),
        "{:?}",
        r.findings
    );
}

#[test]
fn a_province_tightens_a_national_rule_for_itself_only() {
    let text = base().replace("\"086-0755-86013388\"", "\"13700137000\"");
    let gd = run(&text, TODAY);
    assert_eq!(gd.severity("office-phone-mobile"), Some("error"));
    assert_eq!(gd.code, 1);
    // The same filing in Sichuan (city, district, credit code and phone moved
    // there) keeps the national warning, and the gd-only rule is silent.
    let sc = text
        .replace("province = \"gd\"", "province = \"sc\"")
        .replace("city = \"深圳市\"", "city = \"成都市\"")
        .replace("district = \"南山区\"", "district = \"锦江区\"")
        .replace("\"91440300MA5F12342Q\"", "\"91510100MA5F12342Q\"");
    let r = run(&sc, TODAY);
    assert_eq!(
        r.severity("office-phone-mobile"),
        Some("warning"),
        "{:?}",
        r.findings
    );
    assert!(r.fired("gd-house-rule").is_empty());
}

#[test]
fn a_new_province_rule_without_its_prefix_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sc.yaml"),
        "province: sc\nrules:\n  - id: house-rule\n    severity: error\n    require: [subject.name]\n    message: { zh: a, en: a }\n    help: { zh: a, en: a }\n    source: { title: t }\n",
    )
    .unwrap();
    let out = Command::cargo_bin("icp")
        .unwrap()
        .args(["validate", "--lang", "en", "--rules"])
        .arg(dir.path())
        .arg(format!("{}/examples", env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs the prefix sc-"));
}
