//! `--redact`: no ID number, phone number or e-mail address of the filing
//! reaches any output format, source snippets included; without it they do
//! (so the test would see a leak).

use assert_cmd::Command;

/// A personal filing whose ID number, phones and e-mail addresses stand on
/// lines with findings (so the human report quotes them), in placeholders
/// (the repaired number in a help) and in scan file names (in messages),
/// and in a comment.
const FILING: &str = r#"version = 1
type = "new"
prepared_on = 2026-11-28

[subject]
province = "sc"
city = "成都市"
district = "锦江区"
nature = "personal"
name = "李四"
address = "四川省成都市锦江区红星路三段1号2栋3单元401"

[subject.principal]
name = "李四"
id_type = "id-card"
id_number = "11010519491231002x"
id_expires = 2035-06-01
office_phone = "086-010-86013388"   # 备用 0755-86017777，backup.li@example.org
mobile = "１３９１２３４５６７８"
emergency_phone = "13700137000"
email = "lisi.sc@example.cn"
documents = [
  { kind = "id-card-front", file = "scans/13700137000-front.jpg" },
  { kind = "id-card-back", file = "scans/lisi.sc@example.cn-back.jpg" },
]

[[websites]]
name = "李四的编程笔记"
domains = ["lisi-notes.cn"]
homepages = ["www.lisi-notes.cn"]
service = "personal"
languages = ["zh-CN"]
hosting = { type = "cloud-server", ips = ["119.29.168.11"] }
documents = [{ kind = "verification-sheet", file = "scans/sheet.jpg" }]
"#;

/// Every personal value of the filing, and the forms it takes in output
/// (the ID number's repaired upper-case X, the mobile in half-width digits).
const SECRETS: &[&str] = &[
    "11010519491231002",
    "86013388",
    "86017777",
    "backup.li",
    "１３９１２３４５６７８",
    "13912345678",
    "13700137000",
    "lisi.sc",
];

/// The values every format shows unredacted: the scan file names that hold
/// them are in messages.
const IN_MESSAGES: &[&str] = &["13700137000", "lisi.sc"];

fn icp(dir: &std::path::Path) -> Command {
    let mut cmd = crate::common::icp();
    cmd.current_dir(dir);
    cmd
}

fn filing() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("filing.toml"), FILING).unwrap();
    dir
}

/// stdout and stderr of a run, together.
fn output(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

/// The values of `--format`, as the binary itself lists them: a format
/// added later is covered without touching this test.
fn formats() -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let err = output(icp(dir.path()).args(["validate", "--format", "no-such-format"]));
    let list = err
        .split("[possible values: ")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("no list of formats in: {err}"));
    let formats: Vec<String> = list.split(", ").map(|f| f.trim().to_owned()).collect();
    assert!(formats.iter().any(|f| f == "human") && formats.iter().any(|f| f == "json"));
    formats
}

fn leaks<'a>(out: &str, secrets: &[&'a str]) -> Vec<&'a str> {
    secrets
        .iter()
        .copied()
        .filter(|s| out.contains(s))
        .collect()
}

#[test]
fn every_validate_format_is_redacted() {
    let dir = filing();
    for format in formats() {
        for lang in ["en", "zh"] {
            let validate = |redact: bool| {
                let mut cmd = icp(dir.path());
                cmd.args([
                    "validate",
                    "filing.toml",
                    "--lang",
                    lang,
                    "--format",
                    &format,
                ]);
                if redact {
                    cmd.arg("--redact");
                }
                output(&mut cmd)
            };
            let plain = validate(false);
            let shown: &[&str] = if format == "human" {
                SECRETS
            } else {
                IN_MESSAGES
            };
            let missing: Vec<&str> = shown
                .iter()
                .copied()
                .filter(|s| !plain.contains(s))
                .collect();
            assert!(
                missing.is_empty(),
                "--format {format} --lang {lang} without --redact should show {missing:?}:\n{plain}"
            );
            let redacted = validate(true);
            let leaked = leaks(&redacted, SECRETS);
            assert!(
                leaked.is_empty(),
                "--format {format} --lang {lang} --redact leaks {leaked:?}:\n{redacted}"
            );
        }
    }
}

#[test]
fn masks_keep_a_prefix_and_a_suffix_and_the_snippets_their_place() {
    let dir = filing();
    let out = output(icp(dir.path()).args(["validate", "filing.toml", "--lang", "en", "--redact"]));
    for masked in [
        "id_number = \"1101**********002x\"",
        "capital X: 1101**********002X.",
        "office_phone = \"086-010-****3388\"   # 备用 0755-****7777，b********@example.org",
        "mobile = \"１３９＊＊＊＊５６７８\"",
        "Write it as 139****5678: ",
        "emergency_phone = \"137****7000\"",
        "email = \"l******@example.cn\"",
        "the document file scans/137****7000-front.jpg does not exist",
    ] {
        assert!(out.contains(masked), "no {masked:?} in:\n{out}");
    }
    // The labels under the snippets point at the same columns: the JSON
    // report's lines and columns are those of the unredacted one.
    let json = |redact: bool| {
        let mut cmd = icp(dir.path());
        cmd.args(["validate", "filing.toml", "--format", "json"]);
        if redact {
            cmd.arg("--redact");
        }
        let doc: serde_json::Value = serde_json::from_str(&output(&mut cmd)).unwrap();
        doc["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["rule"].clone(), d["line"].clone(), d["column"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(json(true), json(false));
}

#[test]
fn a_filing_that_is_not_valid_toml_is_redacted_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("filing.toml"),
        "[subject.principal]\nid_number = 11010519491231002X\nmobile = \"13700137000\nemail = lisi.sc@example.cn\n",
    )
    .unwrap();
    let plain = output(icp(dir.path()).args(["validate", "filing.toml", "--lang", "en"]));
    assert!(plain.contains("13700137000"), "{plain}");
    let out = output(icp(dir.path()).args(["validate", "filing.toml", "--lang", "en", "--redact"]));
    let leaked = leaks(&out, SECRETS);
    assert!(leaked.is_empty(), "leaks {leaked:?}:\n{out}");
    assert!(out.contains("toml-syntax"), "{out}");
}

#[test]
fn checklist_redacts_scan_file_names() {
    let dir = filing();
    // The table renders the same file names, wrapped in its cells.
    for format in ["markdown", "json"] {
        let checklist = |redact: bool| {
            let mut cmd = icp(dir.path());
            cmd.args([
                "checklist",
                "filing.toml",
                "--lang",
                "en",
                "--format",
                format,
            ]);
            if redact {
                cmd.arg("--redact");
            }
            output(&mut cmd)
        };
        let plain = checklist(false);
        assert!(plain.contains("13700137000"), "{format}:\n{plain}");
        let redacted = checklist(true);
        let leaked = leaks(&redacted, SECRETS);
        assert!(leaked.is_empty(), "{format} leaks {leaked:?}:\n{redacted}");
    }
}

/// Values that look like personal data where no known key holds them: under
/// a mistyped key, an escaped key spelling, numbers in groups, passport and
/// permit numbers, an internationalised e-mail address, a phone number in a
/// website's name. Each stands on a line with a finding, so the human report
/// quotes it.
const HIDDEN: &str = r#"version = 1
type = "new"
prepared_on = 2026-11-28

[subject]
province = "sc"
city = "成都市"
district = "锦江区"
nature = "personal"
name = "李四"
address = "四川省成都市锦江区红星路三段1号2栋3单元401"

[subject.principal]
name = "李四"
id_type = "id-card"
id_numbr = "H87654321"   # 备用 137.2468.1357，座机 0755 2654 9876
id_number_old = "4403 0519 9003 0744 37"   # 护照 E87654321，通行证 M13572468
mail_box = "张三丰@例子.中国"
"emergency\u005Fphone2" = "13755556666"

[[websites]]
name = "李四13812345678博客"
bogus = 1
domains = ["lisi-notes.cn"]
"#;

const HIDDEN_SECRETS: &[&str] = &[
    "87654321",
    "137.2468.1357",
    "0755 2654 9876",
    "4403 0519 9003 0744 37",
    "13572468",
    "张三丰@",
    "13755556666",
    "13812345678",
];

#[test]
fn values_that_look_personal_are_redacted_wherever_they_stand() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("filing.toml"), HIDDEN).unwrap();
    let run = |args: &[&str], redact: bool| {
        let mut cmd = icp(dir.path());
        cmd.args(args);
        if redact {
            cmd.arg("--redact");
        }
        output(&mut cmd)
    };
    // Without --redact the human report shows each of them: the test sees
    // a leak when there is one.
    let plain = run(&["validate", "filing.toml", "--lang", "en"], false);
    let missing: Vec<&str> = HIDDEN_SECRETS
        .iter()
        .copied()
        .filter(|s| !plain.contains(s))
        .collect();
    assert!(missing.is_empty(), "not shown: {missing:?}\n{plain}");
    for format in formats() {
        for lang in ["en", "zh"] {
            let args = [
                "validate",
                "filing.toml",
                "--lang",
                lang,
                "--format",
                &format,
            ];
            let out = run(&args, true);
            let leaked = leaks(&out, HIDDEN_SECRETS);
            assert!(
                leaked.is_empty(),
                "--format {format} --lang {lang} leaks {leaked:?}:\n{out}"
            );
        }
    }
    // The checklist shows the website's name: masked as validate masks it
    // (the table renders the same name, wrapped in its cell).
    for format in ["markdown", "json"] {
        let args = [
            "checklist",
            "filing.toml",
            "--lang",
            "en",
            "--format",
            format,
        ];
        assert!(run(&args, false).contains("13812345678"), "{format}");
        let out = run(&args, true);
        let leaked = leaks(&out, HIDDEN_SECRETS);
        assert!(
            leaked.is_empty(),
            "checklist --format {format} leaks {leaked:?}:\n{out}"
        );
        assert!(out.contains("138****5678"), "{format}:\n{out}");
    }
}
