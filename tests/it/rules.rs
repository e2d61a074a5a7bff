//! Every rule has a case that trips it and the clean examples trip nothing.
//!
//! Cases live in `rules/cases/*.toml` (they are also the examples `icp
//! explain` shows): each starts from a clean example
//! (`examples/<base>.filing.toml`), changes its text with exact replacements,
//! and says where the rule must fire. The case fails if the rule does not
//! fire exactly there, or if anything else fires that the case does not
//! allow in `also`. A test also fails when a rule has no case.

use std::collections::BTreeSet;
use std::path::Path;

use icp::rules::{Dates, RuleSet};
use jiff::civil::Date;
use toml_edit::{DocumentMut, Item};

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

struct Case {
    file: String,
    /// A `step:` rule: it must apply to the filing (steps are not findings),
    /// and its message in English must contain this text.
    step: Option<String>,
    /// A `step:` rule that must not apply (e.g. before its date).
    absent: bool,
    /// Switch the rule on with this severity first, as an agency's
    /// `--rules` file would (for national rules that are off until a
    /// province turns them on).
    enable: Option<String>,
    /// Check the filing in a directory with its declared scans: each is a
    /// small JPEG unless this table says `absent`, `empty`, `png` or `large`.
    scans: Option<Vec<(String, String)>>,
    rule: String,
    /// The severity the rule's findings must have (`error`, `warning`,
    /// `info`), when the case says: a change of severity is a change of
    /// the case.
    severity: Option<String>,
    base: String,
    replace: Vec<(String, String)>,
    expect: Vec<String>,
    also: Vec<String>,
    dates: Dates,
}

fn strings(item: Option<&Item>) -> Vec<String> {
    item.and_then(Item::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("rules/cases")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: DocumentMut = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for case in doc["case"]
            .as_array_of_tables()
            .expect("[[case]] tables")
            .iter()
        {
            let get = |k: &str| case.get(k).and_then(Item::as_str).map(str::to_owned);
            let rule = get("rule").unwrap_or_else(|| panic!("{file}: a case without rule"));
            let replace = case
                .get("replace")
                .and_then(Item::as_array)
                .map(|a| {
                    a.iter()
                        .map(|pair| {
                            let pair = pair.as_array().expect("replace pairs");
                            let s =
                                |i: usize| pair.get(i).and_then(|v| v.as_str()).unwrap().to_owned();
                            (s(0), s(1))
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.push(Case {
                file: file.clone(),
                step: get("step"),
                absent: case.get("absent").and_then(Item::as_bool).unwrap_or(false),
                enable: get("enable"),
                scans: case.get("scans").and_then(Item::as_table_like).map(|t| {
                    t.iter()
                        .map(|(k, v)| (k.to_owned(), v.as_str().unwrap_or("").to_owned()))
                        .collect()
                }),
                base: get("base").unwrap_or_else(|| "enterprise-gd".into()),
                expect: strings(case.get("expect")),
                also: strings(case.get("also")),
                dates: match (get("today"), get("system_today")) {
                    (_, Some(system)) => Dates {
                        today: system.parse().unwrap(),
                        forced: None,
                    },
                    (Some(t), None) => forced(t.parse().unwrap()),
                    (None, None) => forced(today()),
                },
                severity: get("severity"),
                rule,
                replace,
            });
        }
    }
    out
}

fn example(base: &str) -> String {
    let path = Path::new("examples").join(format!("{base}.filing.toml"));
    // A missing base shows up as a case whose replacements do not apply.
    std::fs::read_to_string(&path).unwrap_or_default()
}

fn forced(date: Date) -> Dates {
    Dates {
        today: date,
        forced: Some(date),
    }
}

fn findings(rules: &RuleSet, text: &str, dates: Dates) -> Vec<(String, String, String)> {
    let (_, found) = icp::validate::bytes_report(rules, text.as_bytes(), dates);
    triples(&found)
}

/// Each finding as (rule id, field path, severity): what the cases compare.
fn triples(found: &[icp::finding::Finding]) -> Vec<(String, String, String)> {
    found
        .iter()
        .map(|f| {
            (
                f.id().to_owned(),
                f.path.clone(),
                f.severity().as_str().to_owned(),
            )
        })
        .collect()
}

/// A JPEG as small as they come: the checks read a file's size and first
/// bytes only.
const TINY_JPEG: &[u8] = &[
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 0xFF, 0xD9,
];

/// Findings of a filing written into a directory with its declared scans.
fn findings_in_dir(
    rules: &RuleSet,
    text: &str,
    dates: Dates,
    scans: &[(String, String)],
) -> Vec<(String, String, String)> {
    triples(&in_dir(rules, text, dates, scans).1)
}

/// A filing written as `filing.toml` into a directory with its declared
/// scans, and its findings.
fn in_dir(
    rules: &RuleSet,
    text: &str,
    dates: Dates,
    scans: &[(String, String)],
) -> (tempfile::TempDir, Vec<icp::finding::Finding>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("filing.toml"), text).unwrap();
    let loaded = icp::filing::load(text.as_bytes());
    let declared = {
        let f = &loaded.filing;
        let mut docs: Vec<&icp::filing::Documents> = Vec::new();
        if let Some(s) = &f.subject {
            docs.push(&s.documents);
            docs.extend(s.principal.as_ref().map(|p| &p.documents));
        }
        for w in &f.websites {
            docs.push(&w.documents);
            docs.extend(w.principal.as_ref().map(|p| &p.documents));
        }
        docs.into_iter()
            .flat_map(|d| d.items.iter())
            .filter_map(|d| d.file.as_ref().map(|f| f.value.clone()))
            .collect::<Vec<_>>()
    };
    for file in declared {
        let how = scans
            .iter()
            .find(|(f, _)| *f == file)
            .map_or("jpeg", |(_, h)| h.as_str());
        let path = dir.path().join(&file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match how {
            "absent" => {}
            "empty" => std::fs::write(&path, b"").unwrap(),
            "png" => std::fs::write(&path, b"\x89PNG\r\n\x1a\n").unwrap(),
            "large" => {
                let mut big = TINY_JPEG.to_vec();
                big.resize(2 * 1024 * 1024 + 1, 0);
                std::fs::write(&path, big).unwrap()
            }
            _ => std::fs::write(&path, TINY_JPEG).unwrap(),
        }
    }
    let found = rules.check_in(&loaded, dates, Some(&icp::scans::Disk::new(dir.path())));
    (dir, found)
}

#[test]
fn examples_are_clean() {
    let rules = RuleSet::builtin().unwrap();
    for path in crate::common::example_files() {
        let report = icp::validate::file(&rules, &path, forced(today())).unwrap();
        let found: Vec<(&str, &str)> = report
            .findings
            .iter()
            .map(|f| (f.id(), f.path.as_str()))
            .collect();
        assert!(
            found.is_empty(),
            "{} is not clean: {found:?}",
            path.display()
        );
    }
}

#[test]
fn every_case_trips_its_rule_and_nothing_else() {
    let builtin = RuleSet::builtin().unwrap();
    // The national cases test the national file alone: a province that
    // overrides a rule for itself (as Guangdong and Sichuan, the examples'
    // provinces, do) has its own cases.
    let national_texts = || -> Vec<icp::rules::RuleText> {
        icp::rules::builtin_texts()
            .into_iter()
            .filter(|t| t.name.ends_with("national.yaml"))
            .collect()
    };
    let national = RuleSet::from_texts(national_texts()).unwrap();
    let mut failures = Vec::new();
    for case in cases() {
        let is_national = case.file == "national.toml";
        let enabled;
        let rules = match &case.enable {
            None if is_national => &national,
            None => &builtin,
            Some(severity) => {
                let mut texts = if is_national {
                    national_texts()
                } else {
                    icp::rules::builtin_texts()
                };
                texts.push(icp::rules::RuleText {
                    name: "enable.yaml".into(),
                    text: format!("rules:\n  - id: {}\n    severity: {severity}\n", case.rule)
                        .into(),
                    json: None,
                });
                enabled = RuleSet::from_texts(texts).unwrap();
                &enabled
            }
        };
        let mut text = example(&case.base);
        let mut replaced = true;
        for (from, to) in &case.replace {
            let n = text.matches(from.as_str()).count();
            if n != 1 {
                failures.push(format!(
                    "{} / {}: {from:?} occurs {n} times in {}",
                    case.file, case.rule, case.base
                ));
                replaced = false;
            }
            text = text.replacen(from.as_str(), to, 1);
        }
        if !replaced {
            continue;
        }
        if case.absent {
            let loaded = icp::filing::load(text.as_bytes());
            if rules
                .steps(&loaded, case.dates)
                .iter()
                .any(|s| s.id() == case.rule)
            {
                failures.push(format!("{} / {}: the step applies", case.file, case.rule));
            }
            continue;
        }
        if let Some(want) = &case.step {
            let loaded = icp::filing::load(text.as_bytes());
            let steps = rules.steps(&loaded, case.dates);
            match steps.iter().find(|s| s.id() == case.rule) {
                Some(s) if s.meta.message.en.contains(want.as_str()) => {}
                Some(s) => failures.push(format!(
                    "{} / {}: the step says {:?}, not {want:?}",
                    case.file, case.rule, s.meta.message.en
                )),
                None => failures.push(format!(
                    "{} / {}: the step does not apply",
                    case.file, case.rule
                )),
            }
            continue;
        }
        let found = match &case.scans {
            None => findings(rules, &text, case.dates),
            Some(scans) => findings_in_dir(rules, &text, case.dates, scans),
        };
        let fired: BTreeSet<&str> = found
            .iter()
            .filter(|(rule, _, _)| *rule == case.rule)
            .map(|(_, path, _)| path.as_str())
            .collect();
        let expected: BTreeSet<&str> = case.expect.iter().map(String::as_str).collect();
        let unexpected: Vec<_> = found
            .iter()
            .filter(|(rule, _, _)| *rule != case.rule && !case.also.contains(rule))
            .collect();
        if fired != expected || !unexpected.is_empty() {
            failures.push(format!(
                "{} / {}: expected {:?}, fired {:?}, also fired {:?}",
                case.file, case.rule, expected, fired, unexpected
            ));
        }
        if let Some(severity) = &case.severity {
            let other: BTreeSet<&str> = found
                .iter()
                .filter(|(rule, _, s)| *rule == case.rule && s != severity)
                .map(|(_, _, s)| s.as_str())
                .collect();
            if !other.is_empty() {
                failures.push(format!(
                    "{} / {}: expected severity {severity}, found {other:?}",
                    case.file, case.rule
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Rules whose cases are elsewhere, with where.
const COVERED_ELSEWHERE: &[(&str, &str)] = &[
    ("file-too-large", "tests/it/hostile.rs"),
    ("not-utf8", "tests/it/hostile.rs"),
    ("across-domain", "tests/it/across.rs"),
    ("across-id-number", "tests/it/across.rs"),
    ("across-icp-number", "tests/it/across.rs"),
    ("across-scan", "tests/it/across.rs"),
    ("across-principal", "tests/it/across.rs"),
    ("change-subject-principal", "tests/it/diff.rs"),
    ("change-legal-representative", "tests/it/diff.rs"),
    ("change-subject-details", "tests/it/diff.rs"),
    ("change-certificate-number", "tests/it/diff.rs"),
    ("change-add-website", "tests/it/diff.rs"),
    ("change-add-domain", "tests/it/diff.rs"),
    ("change-remove-website", "tests/it/diff.rs"),
    ("change-website", "tests/it/diff.rs"),
    ("change-hosting", "tests/it/diff.rs"),
];

#[test]
fn every_rule_has_a_case() {
    let rules = RuleSet::builtin().unwrap();
    let covered: BTreeSet<String> = cases().into_iter().map(|c| c.rule).collect();
    let missing: Vec<&str> = rules
        .ids()
        .filter(|id| !covered.contains(*id) && !COVERED_ELSEWHERE.iter().any(|(r, _)| r == id))
        .collect();
    assert!(missing.is_empty(), "rules without a case: {missing:?}");
    for rule in &covered {
        assert!(
            rules.ids().any(|id| id == rule),
            "a case names an unknown rule {rule}"
        );
    }
}

/// The built-in files are read from JSON made at build time; read from
/// their YAML they must give the same rules (and the YAML path, the one
/// that reports errors with spans and checks every placeholder of every
/// message, must accept them).
#[test]
fn builtin_yaml_and_json_agree() {
    let from_json = RuleSet::builtin().unwrap();
    let yaml_only: Vec<_> = icp::rules::builtin_texts()
        .into_iter()
        .map(|mut t| {
            assert!(
                t.json.is_some(),
                "{} was not converted at build time",
                t.name
            );
            t.json = None;
            t
        })
        .collect();
    let from_yaml = RuleSet::from_texts(yaml_only).unwrap();
    assert_eq!(
        from_json.ids().collect::<Vec<_>>(),
        from_yaml.ids().collect::<Vec<_>>()
    );
    for province in std::iter::once(None).chain(icp::data::provinces().iter().map(Some)) {
        let (a, b) = (from_json.view(province), from_yaml.view(province));
        for (x, y) in a.rules.iter().zip(&b.rules) {
            assert_eq!(x.id, y.id);
            assert_eq!(x.variants.len(), y.variants.len());
            for (v, w) in x.variants.iter().zip(&y.variants) {
                let (v, w) = (&v.meta, &w.meta);
                assert_eq!(v.severity, w.severity, "{}", v.id);
                assert_eq!(v.message, w.message, "{}", v.id);
                assert_eq!(v.origin.line, w.origin.line, "{}", v.id);
            }
        }
    }
}

/// A filing is judged by the rules of its as-of date: before MIIT began
/// checking domains at filing (2018-01-01) a `.io` domain was not refused,
/// and before 2019-04-22 a website could carry several domains.
#[test]
fn rules_not_yet_in_force_stay_quiet() {
    let rules = RuleSet::builtin().unwrap();
    let text = example("enterprise-gd")
        .replace("name = \"example.com\"", "name = \"example.io\"")
        .replace("\"www.example.com\"", "\"www.example.io\"")
        .replace("expires = 2028-03-01", "expires = 2019-03-01");
    let in_2017 = findings(&rules, &text, forced(Date::new(2017, 6, 1).unwrap()));
    assert!(in_2017.is_empty(), "{in_2017:?}");
    let in_2026 = findings(&rules, &text, forced(today()));
    let fired: Vec<&str> = in_2026.iter().map(|(r, _, _)| r.as_str()).collect();
    assert!(fired.contains(&"domain-suffix-refused"), "{fired:?}");
    assert!(fired.contains(&"domain-expired"), "{fired:?}");
}

// --- what a person reads -------------------------------------------------

/// The literal text of a template: every placeholder left out (optional
/// groups kept), i.e. what the rule file itself writes.
fn literal(template: &str) -> String {
    let names: Vec<(&str, String)> = icp::lang::placeholders(template)
        .map(|n| (n, String::new()))
        .collect();
    icp::lang::fill(template, &names)
}

/// How often a word stands alone in a text (`true`, not `untrue`).
fn word_count(text: &str, word: &str) -> usize {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
        .count()
}

/// A rendered text shows nothing a placeholder should have replaced: no
/// brace and no bare `true`/`false` beyond those its templates write
/// themselves (a help may say `same_as_subject = true`).
fn reads_well(failures: &mut Vec<String>, place: &str, rendered: &str, templates: &[&str]) {
    let written: String = templates
        .iter()
        .map(|t| literal(t))
        .collect::<Vec<_>>()
        .join("\n");
    let more = |needle: &str| {
        if needle.starts_with(char::is_alphabetic) {
            word_count(rendered, needle) > word_count(&written, needle)
        } else {
            rendered.matches(needle).count() > written.matches(needle).count()
        }
    };
    for needle in ["{", "}", "true", "false"] {
        if more(needle) {
            failures.push(format!("{place}: {needle:?} in {rendered:?}"));
            return;
        }
    }
}

/// A value for a fact of each type, as the engine would show it.
fn sample_fact(fact: icp::facts::Fact) -> icp::finding::Arg {
    use icp::facts::Ty;
    use icp::finding::Arg;
    match fact.ty() {
        Ty::Text => Arg::Plain("示例文字".into()),
        Ty::Bool => Arg::Plain("true".into()),
        Ty::Int => Arg::Plain("12".into()),
        Ty::Date => Arg::Plain("2026-11-28".into()),
        Ty::Province => Arg::Words(icp::Text::new("广东省", "Guangdong")),
        Ty::Choice(_) | Ty::ChoiceList(_) => Arg::Words(icp::Text::new("企业", "enterprise")),
        Ty::TextList => Arg::Plain("example.com, example.cn".into()),
    }
}

/// The values a rule's findings fill in, as the engine makes them for its
/// kind, with representative values.
fn sample_args(v: &icp::rules::Variant) -> icp::finding::Args {
    use icp::finding::Arg;
    use icp::rules::Kind;
    let plain = |names: &[&'static str]| -> icp::finding::Args {
        names
            .iter()
            .map(|n| (*n, Arg::Plain("示例".into())))
            .collect()
    };
    match v.kind.as_ref() {
        Kind::Assert(cond) => {
            v.at.or(cond.first_fact())
                .map(|f| vec![("value", sample_fact(f))])
                .unwrap_or_default()
        }
        Kind::Require(_) | Kind::Forbid(_) => vec![("field", "subject.name".into())],
        Kind::Note { .. } => vec![
            ("phrase", "个人网站".into()),
            ("phrases", "个人、非经营性".into()),
            ("missing", "非经营性".into()),
            ("min_chars", "10".into()),
        ],
        Kind::Words { .. } => vec![("word", "彩票".into()), ("value", "示例彩票网".into())],
        Kind::Limit { .. } => vec![
            ("count", "12".into()),
            ("min", "1".into()),
            ("max", "10".into()),
        ],
        Kind::Check {
            algorithm, report, ..
        } => {
            let mut args = plain(&["value"]);
            for (outcome, names) in algorithm.outcomes() {
                if report.as_ref().is_none_or(|r| r.contains(outcome)) {
                    args.extend(plain(names));
                }
            }
            args
        }
        Kind::Document { .. } => vec![
            ("kind", "business-license".into()),
            ("document_zh", "营业执照".into()),
            ("document_en", "business licence".into()),
            ("domain", "example.com".into()),
        ],
        Kind::Load => {
            let mut args = plain(&[
                "size",
                "max",
                "detail",
                "key",
                "suggestion",
                "value",
                "allowed",
                "rule",
            ]);
            args.push(("expected", Arg::Words(icp::Text::new("字符串", "string"))));
            args.push(("found", Arg::Words(icp::Text::new("整数", "integer"))));
            args
        }
        Kind::Step => Vec::new(),
        Kind::Across(across) => plain(across.args()),
        Kind::Change(_) => plain(&["old", "new", "field"]),
    }
}

/// Every message a set of findings shows, in every output format and both
/// languages, reads without a placeholder or a bare boolean.
fn check_rendered(
    failures: &mut Vec<String>,
    label: &str,
    rules: &RuleSet,
    text: &str,
    findings: Vec<icp::finding::Finding>,
) {
    use icp::Lang;
    use icp::report;
    if findings.is_empty() {
        return;
    }
    let file = icp::validate::FileReport {
        path: "filing.toml".into(),
        province: None,
        nature: None,
        text: text.to_owned(),
        findings,
        across: None,
    };
    let reports = std::slice::from_ref(&file);
    for lang in [Lang::Zh, Lang::En] {
        let at = |format: &str, f: &icp::finding::Finding| {
            format!("{label} / {} / {format} / {}", lang.code(), f.id())
        };
        let templates = |f: &icp::finding::Finding| -> Vec<String> {
            vec![
                f.rule.message.get(lang).to_owned(),
                f.rule.help.get(lang).to_owned(),
            ]
        };
        let json: serde_json::Value =
            serde_json::from_str(&report::json::render(reports, lang)).unwrap();
        let concise = report::concise::render(reports, lang);
        let github = report::github::render(reports, lang);
        let sarif: serde_json::Value =
            serde_json::from_str(&report::sarif::render(reports, rules, lang)).unwrap();
        let mut concise = concise.lines();
        let mut github = github.lines();
        for (i, f) in file.findings.iter().enumerate() {
            let t = templates(f);
            let t: Vec<&str> = t.iter().map(String::as_str).collect();
            let d = &json["files"][0]["diagnostics"][i];
            for key in ["message", "help"] {
                reads_well(failures, &at("json", f), d[key].as_str().unwrap(), &t);
            }
            let line = concise.next().unwrap_or_default();
            let message = line
                .split_once(&format!(" {} ", f.id()))
                .map_or(line, |(_, m)| m);
            reads_well(failures, &at("concise", f), message, &t);
            let line = github.next().unwrap_or_default();
            let body = line.splitn(3, "::").nth(2).unwrap_or_default();
            let body = body
                .replace("%0A", "\n")
                .replace("%0D", "\r")
                .replace("%25", "%");
            reads_well(failures, &at("github", f), &body, &t);
            let result = &sarif["runs"][0]["results"][i];
            reads_well(
                failures,
                &at("sarif", f),
                result["message"]["text"].as_str().unwrap(),
                &t,
            );
            reads_well(
                failures,
                &at("sarif help", f),
                result["properties"]["help"].as_str().unwrap(),
                &t,
            );
            let style = report::human::Style {
                lang,
                color: false,
                width: Some(10_000),
                batch: Default::default(),
            };
            // The report less the filing's own lines it quotes.
            let human: String = report::human::finding(f, "filing.toml", text, style)
                .lines()
                .filter(|l| !l.contains(['│', '·', '╭', '╰']))
                .collect::<Vec<_>>()
                .join("\n");
            let mut with_sources = t.clone();
            let sources = report::source_titles(&f.rule);
            with_sources.push(&sources);
            reads_well(failures, &at("human", f), &human, &with_sources);
        }
        // The rules as SARIF describes them: generic texts, no finding's values.
        for rule in sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
        {
            let id = rule["id"].as_str().unwrap();
            let meta = &file.findings.iter().find(|f| f.id() == id).unwrap().rule;
            let help = meta.help.get(lang);
            for key in ["help", "fullDescription", "shortDescription"] {
                let shown = rule[key]["text"].as_str().unwrap();
                let place = format!("{label} / {} / sarif rule {key} / {id}", lang.code());
                // A help written for findings that reads "…" without one.
                if icp::lang::placeholders(shown).next().is_some()
                    || shown.matches('…').count() > help.matches('…').count()
                {
                    failures.push(format!("{place}: a placeholder in {shown:?}"));
                }
                reads_well(failures, &place, shown, &[help]);
            }
        }
    }
}

/// Every message, help and summary of every rule reads as text, in both
/// languages and every output format: no `{placeholder}` left as written,
/// no bare `true`/`false` where a value belongs. The findings are the
/// engine's own, from every case of `rules/cases` (with the checklist of
/// those that have scans); every form of every rule in every province (a
/// dated variant, a province's override) is also rendered with
/// representative values of the types its placeholders take.
#[test]
fn every_message_reads_without_placeholders_or_booleans() {
    use std::collections::HashSet;
    let builtin = RuleSet::builtin().unwrap();
    let national = RuleSet::from_texts(
        icp::rules::builtin_texts()
            .into_iter()
            .filter(|t| t.name.ends_with("national.yaml"))
            .collect(),
    )
    .unwrap();
    let mut failures = Vec::new();
    let mut rendered = 0;
    for case in cases() {
        if case.step.is_some() || case.absent || case.enable.is_some() {
            continue;
        }
        let rules = if case.file == "national.toml" {
            &national
        } else {
            &builtin
        };
        let mut text = example(&case.base);
        for (from, to) in &case.replace {
            text = text.replacen(from.as_str(), to, 1);
        }
        let label = format!("{} / {}", case.file, case.rule);
        let found = match &case.scans {
            None => icp::validate::bytes_report(rules, text.as_bytes(), case.dates).1,
            Some(scans) => {
                let (dir, found) = in_dir(rules, &text, case.dates, scans);
                // The checklist names an unusable file's problems with the
                // same messages.
                let list =
                    icp::checklist::for_file(rules, &dir.path().join("filing.toml"), case.dates)
                        .unwrap();
                for lang in [icp::Lang::Zh, icp::Lang::En] {
                    let page = icp::report::checklist::markdown(rules, &list, lang);
                    let problems: Vec<&str> = page
                        .lines()
                        .filter(|l| l.contains("不可用：") || l.contains("unusable: "))
                        .collect();
                    for line in problems {
                        let templates = found_templates(rules, lang);
                        let templates: Vec<&str> = templates.iter().map(String::as_str).collect();
                        reads_well(
                            &mut failures,
                            &format!("{label} / checklist"),
                            line,
                            &templates,
                        );
                    }
                }
                found
            }
        };
        rendered += found.len();
        check_rendered(&mut failures, &label, rules, &text, found);
    }
    assert!(rendered > 500, "only {rendered} findings rendered");
    // Every form of every rule, with representative values.
    let mut seen = HashSet::new();
    let mut samples = Vec::new();
    for province in std::iter::once(None).chain(icp::data::provinces().iter().map(Some)) {
        for rule in &builtin.view(province).rules {
            for v in &rule.variants {
                let meta = &v.meta;
                for lang in [icp::Lang::Zh, icp::Lang::En] {
                    if let Some(summary) = &meta.summary {
                        reads_well(
                            &mut failures,
                            &format!("summary / {}", meta.id),
                            summary.get(lang),
                            &[],
                        );
                    }
                }
                let key = format!(
                    "{} {:?} {:?} {:?} {:?}",
                    meta.id, meta.message, meta.help, v.kind, v.at
                );
                if !seen.insert(key) {
                    continue;
                }
                let facts = v
                    .fact_args
                    .iter()
                    .map(|(name, fact)| (name.clone(), sample_fact(*fact)))
                    .collect();
                samples.push(icp::finding::Finding {
                    rule: meta.clone(),
                    span: None,
                    path: "subject".into(),
                    args: sample_args(v),
                    facts,
                    fix: None,
                });
            }
        }
    }
    let ids: HashSet<&str> = samples.iter().map(|f| f.id()).collect();
    assert_eq!(ids.len(), builtin.ids().count(), "a rule without a form");
    check_rendered(&mut failures, "every form", &builtin, "", samples);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The message templates of the `each: document` rules, whose findings the
/// checklist shows as an unusable file's problems.
fn found_templates(rules: &RuleSet, lang: icp::Lang) -> Vec<String> {
    rules
        .view(None)
        .rules
        .iter()
        .flat_map(|r| r.variants.iter())
        .filter(|v| v.each == icp::facts::Each::Document)
        .map(|v| v.meta.message.get(lang).to_owned())
        .collect()
}
