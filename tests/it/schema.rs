//! `icp schema` and the committed `schema/filing.schema.json`: current, in
//! step with the loader both ways, satisfied by every example, and picked up
//! by the real taplo through the examples' `#:schema` line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command as Process;

use icp::Lang;
use icp::filing::fields::{FIELDS, Table};
use icp::filing::load::FORMAT_VERSION;
use icp::rules::RuleSet;
use serde_json::Value;

use crate::common::icp;

const SCHEMA: &str = "schema/filing.schema.json";
const REGENERATE: &str = "cargo run -- schema > schema/filing.schema.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn committed_text() -> String {
    std::fs::read_to_string(root().join(SCHEMA))
        .unwrap_or_else(|e| panic!("{SCHEMA}: {e}; generate it with `{REGENERATE}`"))
}

fn committed() -> Value {
    serde_json::from_str(&committed_text()).unwrap()
}

/// TOML as editors hand it to the validator: dates become strings
/// (`2026-11-28`), as taplo does.
fn to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn toml_file(path: &Path) -> toml::Value {
    let text = std::fs::read_to_string(path).unwrap();
    toml::Value::Table(toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&committed())
        .expect("the schema is a valid draft 2020-12 schema")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_what_icp_schema_prints() {
    let out = icp().arg("schema").output().unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(
        printed == committed_text(),
        "{SCHEMA} is out of date: regenerate it with `{REGENERATE}` and commit it"
    );
    let value: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(
        value["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn the_schema_is_valid_draft_2020_12() {
    let schema = committed();
    jsonschema::meta::validate(&schema).expect("valid against the draft 2020-12 meta-schema");
}

#[test]
fn every_example_and_the_warnings_fixture_validate() {
    let validator = validator();
    let mut files = crate::common::example_files();
    files.push(root().join("tests/fixtures/warnings.filing.toml"));
    let mut failures = Vec::new();
    for path in files {
        for e in errors(&validator, &to_json(&toml_file(&path))) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_example_points_at_the_schema_on_its_first_line() {
    for path in crate::common::example_files() {
        let rel = path.strip_prefix(root()).unwrap();
        let depth = rel.components().count() - 1;
        let expected = format!("#:schema {}{SCHEMA}", "../".repeat(depth));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(expected.as_str()),
            "{}",
            rel.display()
        );
        // The line resolves, relative to the file, to the committed schema.
        let target = path.parent().unwrap().join(&expected["#:schema ".len()..]);
        assert!(target.is_file(), "{}", target.display());
    }
}

#[test]
fn mistakes_the_loader_reports_are_flagged() {
    let validator = validator();
    let base = toml_file(&root().join("examples/enterprise-gd.filing.toml"));
    type Change = fn(&mut toml::Value);
    let cases: &[(&str, Change)] = &[
        ("a top-level typo", |f| {
            f.as_table_mut().unwrap().insert("verison".into(), 1.into());
        }),
        ("a typo in [subject]", |f| {
            f["subject"]
                .as_table_mut()
                .unwrap()
                .insert("provice".into(), "gd".into());
        }),
        ("a typo in a document", |f| {
            f["subject"]["documents"][0]
                .as_table_mut()
                .unwrap()
                .insert("fiel".into(), "x.jpg".into());
        }),
        ("a nature nobody spells so", |f| {
            f["subject"]["nature"] = "enterprize".into();
        }),
        ("a province that does not exist", |f| {
            f["subject"]["province"] = "xx".into();
        }),
        ("a mobile written as a number", |f| {
            f["subject"]["principal"]["mobile"] = 13800138000_i64.into();
        }),
        ("a date with a time", |f| {
            f["prepared_on"] = "2026-11-28T10:00:00"
                .parse::<toml::value::Datetime>()
                .unwrap()
                .into();
        }),
        ("no version", |f| {
            f.as_table_mut().unwrap().remove("version");
        }),
        ("an unknown document kind", |f| {
            f["subject"]["documents"][0]["kind"] = "licence".into();
        }),
    ];
    for (what, change) in cases {
        let mut filing = base.clone();
        change(&mut filing);
        assert!(
            !errors(&validator, &to_json(&filing)).is_empty(),
            "the schema accepts {what}"
        );
    }
    // Both spellings of a value, and a string date, are fine.
    let mut filing = base.clone();
    filing["subject"]["nature"] = "企业".into();
    filing["subject"]["province"] = "粤".into();
    filing["prepared_on"] = "2026-11-28".into();
    filing["subject"]["certificate_expires"] = "long-term".into();
    assert_eq!(errors(&validator, &to_json(&filing)), Vec::<String>::new());
}

/// The keys of every table of the schema, by the name the field table
/// gives the table ([`Table::name`]: the key it is found under; `""` for the
/// top).
fn schema_tables(schema: &Value) -> BTreeMap<String, BTreeSet<String>> {
    schema_properties(schema)
        .into_iter()
        .map(|(name, props)| (name, props.keys().cloned().collect()))
        .collect()
}

/// The properties of every table of the schema, by the name of the table.
fn schema_properties(schema: &Value) -> BTreeMap<String, serde_json::Map<String, Value>> {
    type Out = BTreeMap<String, serde_json::Map<String, Value>>;
    fn walk(root: &Value, node: &Value, name: &str, out: &mut Out) {
        let node = resolve(root, node);
        if let Some(props) = node["properties"].as_object() {
            if let Some(seen) = out.get(name) {
                assert_eq!(seen, props, "two `{name}` tables of the schema differ");
            }
            out.insert(name.to_owned(), props.clone());
            for (key, sub) in props {
                walk(root, sub, key, out);
            }
        }
        if node.get("items").is_some() {
            walk(root, &node["items"], name, out);
        }
        for branch in node["anyOf"].as_array().into_iter().flatten() {
            walk(root, branch, name, out);
        }
    }
    let mut out = BTreeMap::new();
    walk(schema, schema, "", &mut out);
    out
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node["$ref"].as_str() {
        Some(r) => root
            .pointer(r.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("dangling $ref {r}")),
        None => node,
    }
}

/// `[[waive]]` is in the schema ahead of the loader while the per-filing
/// waivers are being added on another branch; once the loader knows the
/// key, its table must match like any other.
fn loader_knows_waive() -> bool {
    Table::Top.field("waive").is_some()
}

#[test]
fn the_schema_has_exactly_the_keys_the_loader_knows() {
    let schema = schema_tables(&committed());
    // The loader reads exactly the keys of the field table.
    let loader: BTreeMap<String, BTreeSet<String>> = Table::ALL
        .iter()
        .map(|table| {
            (
                table.name().to_owned(),
                table.keys().map(str::to_owned).collect(),
            )
        })
        .collect();
    let mut problems = Vec::new();
    for (table, keys) in &loader {
        let Some(described) = schema.get(table) else {
            problems.push(format!("the schema has no `{table}` table"));
            continue;
        };
        let mut described = described.clone();
        if table.is_empty() && !loader_knows_waive() {
            described.remove("waive");
        }
        for key in keys.difference(&described) {
            problems.push(format!(
                "the loader reads `{table}.{key}`; the schema lacks it"
            ));
        }
        for key in described.difference(keys) {
            problems.push(format!(
                "the schema has `{table}.{key}`; the loader does not read it"
            ));
        }
    }
    for table in schema.keys() {
        let pending = table == "waive" && !loader_knows_waive();
        if !loader.contains_key(table) && !pending {
            problems.push(format!(
                "the schema has a `{table}` table the loader does not know"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n(list new keys in src/filing/fields.rs, then `{REGENERATE}`)",
        problems.join("\n")
    );
}

#[test]
fn every_field_is_described_by_the_field_table() {
    let schema = schema_properties(&committed());
    let version = FORMAT_VERSION.to_string();
    for f in FIELDS {
        let at = format!("{}.{}", f.table.name(), f.key);
        let property = schema
            .get(f.table.name())
            .and_then(|props| props.get(f.key))
            .unwrap_or_else(|| panic!("the schema lacks {at}"));
        let [zh, en] =
            [Lang::Zh, Lang::En].map(|l| f.description(l).replace("{version}", &version));
        assert_eq!(property["description"], format!("{zh} / {en}"), "{at}");
        // A description built on the label shows it.
        let zh_en = [(&zh, f.doc.zh, f.label.zh), (&en, f.doc.en, f.label.en)];
        for (text, doc, label) in zh_en {
            if doc.contains("{label}") {
                assert!(text.contains(label), "{at}: {text} lacks {label}");
            }
        }
    }
}

/// One segment of a path into a TOML value.
#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Builds a filing that uses every key of the schema, each with a value of
/// the schema's type, and records where the enumerations are.
struct Sampler<'a> {
    root: &'a Value,
    enums: Vec<(Vec<Seg>, Vec<String>)>,
}

impl Sampler<'_> {
    fn sample(&mut self, node: &Value, path: &[Seg]) -> toml::Value {
        let node = resolve(self.root, node);
        if let Some(branches) = node["anyOf"].as_array() {
            let mut values: Vec<toml::Value> =
                branches.iter().map(|b| self.sample(b, path)).collect();
            return values.remove(0);
        }
        if let Some(c) = node.get("const") {
            return toml::Value::Integer(c.as_i64().expect("integer const"));
        }
        if let Some(values) = node["enum"].as_array() {
            let values: Vec<String> = values
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            self.enums.push((path.to_vec(), values.clone()));
            return toml::Value::String(values[0].clone());
        }
        match node["type"].as_str() {
            Some("object") => {
                let mut table = toml::Table::new();
                for (key, sub) in node["properties"].as_object().unwrap() {
                    let mut p = path.to_vec();
                    p.push(Seg::Key(key.clone()));
                    table.insert(key.clone(), self.sample(sub, &p));
                }
                toml::Value::Table(table)
            }
            Some("array") => {
                let items = resolve(self.root, &node["items"]);
                // One item per alternative: a domain as a string and as a table.
                let alternatives: Vec<&Value> = match items["anyOf"].as_array() {
                    Some(branches) => branches.iter().collect(),
                    None => vec![items],
                };
                let mut out = Vec::new();
                for (i, alt) in alternatives.into_iter().enumerate() {
                    let mut p = path.to_vec();
                    p.push(Seg::Index(i));
                    out.push(self.sample(alt, &p));
                }
                toml::Value::Array(out)
            }
            Some("string") if node["format"] == "date" => {
                toml::Value::Datetime("2026-11-28".parse().unwrap())
            }
            Some("string") => toml::Value::String("x".into()),
            Some("integer") => toml::Value::Integer(1),
            Some("boolean") => toml::Value::Boolean(true),
            other => panic!("no sample for type {other:?} at {path:?}"),
        }
    }
}

fn set(value: &mut toml::Value, path: &[Seg], new: toml::Value) {
    match path.split_first() {
        None => *value = new,
        Some((Seg::Key(k), rest)) => set(&mut value[k.as_str()], rest, new),
        Some((Seg::Index(i), rest)) => set(&mut value[*i], rest, new),
    }
}

/// Loads a sample; the issues that mean the schema and the loader disagree.
fn disagreements(filing: &toml::Value) -> Vec<String> {
    let text = toml::to_string(filing).unwrap();
    icp::filing::load(text.as_bytes())
        .issues
        .iter()
        .filter(|i| matches!(i.rule, "unknown-key" | "wrong-type" | "invalid-value"))
        .map(|i| format!("{} at {} {:?}", i.rule, i.path, i.args))
        .collect()
}

#[test]
fn a_filing_with_every_key_and_value_of_the_schema_loads_cleanly() {
    let schema = committed();
    let mut sampler = Sampler {
        root: &schema,
        enums: Vec::new(),
    };
    let mut filing = sampler.sample(&schema, &[]);
    let waive_pending = !loader_knows_waive();
    if waive_pending {
        filing.as_table_mut().unwrap().remove("waive");
    }
    let problems = disagreements(&filing);
    assert!(problems.is_empty(), "{problems:#?}");

    // Every spelling the schema offers is one the loader (or, for document
    // kinds and rule ids, the rule set) accepts.
    let rules = RuleSet::builtin().unwrap();
    let mut tried = 0;
    for (path, values) in &sampler.enums {
        let last = match path.last() {
            Some(Seg::Key(k)) => k.as_str(),
            _ => "",
        };
        let first = match path.first() {
            Some(Seg::Key(k)) => k.as_str(),
            _ => "",
        };
        for value in values {
            match (first, last) {
                ("waive", _) => {
                    assert!(rules.ids().any(|id| id == value), "no rule {value}");
                    if waive_pending {
                        continue;
                    }
                }
                (_, "kind") => {
                    assert!(rules.document_kind(value).is_some(), "no kind {value}");
                }
                _ => {}
            }
            let mut f = filing.clone();
            set(&mut f, path, toml::Value::String(value.clone()));
            let problems = disagreements(&f);
            assert!(problems.is_empty(), "{value:?} at {path:?}: {problems:#?}");
            tried += 1;
        }
    }
    assert!(tried > 300, "only {tried} values tried");
}

#[test]
fn every_key_is_described_in_chinese_and_english() {
    fn walk(root: &Value, node: &Value, path: &str, bad: &mut Vec<String>) {
        let node = resolve(root, node);
        if let Some(props) = node["properties"].as_object() {
            for (key, sub) in props {
                let p = format!("{path}.{key}");
                let described = sub["description"].as_str().unwrap_or("");
                let bilingual = described.split_once(" / ").is_some_and(|(zh, en)| {
                    zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                        && en.chars().any(|c| c.is_ascii_alphabetic())
                });
                if !bilingual {
                    bad.push(format!("{p}: {described:?}"));
                }
                walk(root, sub, &p, bad);
            }
        }
        if node.get("items").is_some() {
            walk(root, &node["items"], &format!("{path}[]"), bad);
        }
        for branch in node["anyOf"].as_array().into_iter().flatten() {
            walk(root, branch, path, bad);
        }
    }
    let schema = committed();
    let mut bad = Vec::new();
    walk(&schema, &schema, "", &mut bad);
    assert!(
        bad.is_empty(),
        "not described as \"中文 / English\": {bad:#?}"
    );
}

#[test]
fn enumerations_offer_both_spellings() {
    use icp::filing::{Nature, Vocabulary};
    let schema = committed();
    let nature = &schema["properties"]["subject"]["properties"]["nature"];
    for n in Nature::ALL {
        for spelling in [n.key(), n.zh()] {
            assert!(
                nature["enum"]
                    .as_array()
                    .unwrap()
                    .contains(&Value::from(spelling)),
                "{spelling}"
            );
        }
    }
    let kinds = schema["$defs"]["document"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap();
    for spelling in [
        "business-license",
        "营业执照",
        "id-card-front",
        "身份证人像面",
    ] {
        assert!(kinds.contains(&Value::from(spelling)), "{spelling}");
    }
}

/// The real taplo (PyPI `taplo`, installed by `.ci/run`), when present:
/// it reads the examples' `#:schema` line, finds them valid, and flags a
/// typo and a misspelt value in a copy. Skipped without taplo, except in CI.
#[test]
fn taplo_checks_filings_against_the_schema() {
    let found = Process::new("taplo").arg("--version").output();
    if !found.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "taplo is not installed (pip install taplo; .ci/run does)"
        );
        eprintln!("skipped: taplo is not installed (pip install taplo)");
        return;
    }
    let taplo = |args: &[&str], dir: &Path| {
        Process::new("taplo")
            .args(["lint", "--no-auto-config", "--colors", "never"])
            .args(args)
            .current_dir(dir)
            .env("RUST_LOG", "error")
            .output()
            .unwrap()
    };
    let files: Vec<String> = crate::common::example_files()
        .iter()
        .map(|p| {
            p.strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let out = taplo(&files, root());
    assert!(
        out.status.success(),
        "taplo rejects the examples:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A copy elsewhere, its #:schema line pointing at the committed schema.
    let dir = tempfile::tempdir().unwrap();
    let example =
        std::fs::read_to_string(root().join("examples/enterprise-gd.filing.toml")).unwrap();
    let (_, rest) = example.split_once('\n').unwrap();
    let broken = format!(
        "#:schema {}\n{}",
        root().join(SCHEMA).display(),
        rest.replacen("nature = \"enterprise\"", "nature = \"enterprize\"", 1)
            .replacen("\nemail = ", "\nemial = ", 1)
    );
    std::fs::write(dir.path().join("filing.toml"), broken).unwrap();
    let out = taplo(&["filing.toml"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "taplo accepts a broken filing:\n{stderr}"
    );
    assert!(stderr.contains("enterprize"), "{stderr}");
    assert!(stderr.contains("emial"), "{stderr}");
}
