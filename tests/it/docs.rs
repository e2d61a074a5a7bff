//! The documentation states facts about the code: the keys of the filing
//! format and of rule files, the rule kinds, facts and algorithms, every flag
//! and `--format` of every command. These tests take each list from the code
//! itself — the rule-file parser through the binary, the committed man pages
//! (which `tests/it/completions.rs` pins to the clap definition), the committed
//! JSON Schema (pinned by `tests/it/schema.rs`), the library's tables — and fail
//! when the documentation lacks an entry, when a link leads nowhere, or when
//! README stops being a short front page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::common::icp;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The two commands README's quick start gives, exactly.
const QUICK_START: &str =
    "```sh\ncargo run --release -- validate examples/enterprise-gd.filing.toml\ncargo test\n```\n";

/// README is a front page: the reference lives under docs/.
const README_MAX_BYTES: usize = 20_000;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn doc(name: &str) -> String {
    read(&format!("docs/{name}"))
}

/// README and every page under docs/, as (path relative to the root, text).
fn pages() -> Vec<(PathBuf, String)> {
    let mut out = vec![(PathBuf::from("README.md"), read("README.md"))];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    for path in docs {
        let rel = path.strip_prefix(ROOT).unwrap().to_path_buf();
        let text = std::fs::read_to_string(&path).unwrap();
        out.push((rel, text));
    }
    out
}

// --- reading Markdown ---------------------------------------------------

/// The lines of a Markdown text outside fenced code blocks, with their
/// byte offsets (a `# comment` in a code block is not a heading).
fn prose_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut fenced = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push((at, line.trim_end_matches('\n')));
        }
        at += line.len();
    }
    out
}

/// The headings of a Markdown text: (level, title, byte offset).
fn headings(text: &str) -> Vec<(usize, &str, usize)> {
    prose_lines(text)
        .into_iter()
        .filter_map(|(at, line)| {
            let level = line.chars().take_while(|c| *c == '#').count();
            let title = line.get(level..)?.strip_prefix(' ')?;
            (1..=6)
                .contains(&level)
                .then_some((level, title.trim(), at))
        })
        .collect()
}

/// The section under the heading titled `title`, up to the next heading of
/// the same or a higher level (subsections included).
fn section<'a>(text: &'a str, title: &str) -> &'a str {
    let all = headings(text);
    let Some(i) = all.iter().position(|(_, t, _)| *t == title) else {
        panic!("no heading {title:?}");
    };
    let (level, _, start) = all[i];
    let end = all[i + 1..]
        .iter()
        .find(|(l, _, _)| *l <= level)
        .map_or(text.len(), |(_, _, at)| *at);
    &text[start..end]
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces
/// as hyphens.
fn slug(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a page, with GitHub's `-1`, `-2` for repeated headings.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeSet::new();
    for (_, title, _) in headings(text) {
        let base = slug(title);
        let n = seen.entry(base.clone()).or_insert(0);
        out.insert(if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        *n += 1;
    }
    out
}

/// The words written as code — in `inline code` or in code blocks — split
/// at anything that cannot be part of a key, a flag or a value.
fn code_words(text: &str) -> BTreeSet<String> {
    let mut code = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if fenced {
            code.push_str(line);
            code.push('\n');
        } else {
            for (i, part) in line.split('`').enumerate() {
                if i % 2 == 1 {
                    code.push_str(part);
                    code.push('\n');
                }
            }
        }
    }
    code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .flat_map(|w| {
            // `website.note` names `website` and `note` as well.
            std::iter::once(w).chain(w.split('.'))
        })
        .map(|w| w.trim_matches('.').to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

// --- README ---------------------------------------------------------------

#[test]
fn readme_is_a_short_front_page_with_the_two_commands() {
    let readme = read("README.md");
    assert!(
        readme.len() <= README_MAX_BYTES,
        "README is {} bytes; the front page stays under {README_MAX_BYTES} (move reference text to docs/)",
        readme.len()
    );
    let quick = section(&readme, "Quick start");
    assert!(
        quick.contains(QUICK_START),
        "README's quick start lacks the two commands:\n{QUICK_START}"
    );
    // Every page of docs/ is reachable from the front page.
    for (path, _) in pages().iter().skip(1) {
        let link = format!("]({})", path.display());
        assert!(readme.contains(&link), "README does not link {link}");
    }
}

/// The quick start says its first command passes: it does.
#[test]
fn the_quick_start_example_passes() {
    let args: Vec<&str> = QUICK_START
        .lines()
        .find_map(|l| l.strip_prefix("cargo run --release -- "))
        .unwrap()
        .split_whitespace()
        .collect();
    icp().args(&args).assert().success();
}

// --- links ----------------------------------------------------------------

/// Every relative link of README and docs/ leads to a file that exists, and
/// its `#anchor` to a heading of that file.
#[test]
fn every_relative_link_resolves() {
    let link = Regex::new(r"\]\(([^)\s]+)\)").unwrap();
    let mut broken = Vec::new();
    for (path, text) in pages() {
        let dir = path.parent().unwrap_or(Path::new(""));
        for (_, line) in prose_lines(&text) {
            // Links inside `inline code` are examples, not links.
            let prose: String = line
                .split('`')
                .enumerate()
                .filter(|(i, _)| i % 2 == 0)
                .map(|(_, s)| s)
                .collect::<Vec<_>>()
                .join(" ");
            for cap in link.captures_iter(&prose) {
                let target = &cap[1];
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
                let resolved = if file.is_empty() {
                    path.clone()
                } else {
                    dir.join(file)
                };
                let on_disk = Path::new(ROOT).join(&resolved);
                if !on_disk.exists() {
                    broken.push(format!(
                        "{}: {target}: no file {}",
                        path.display(),
                        resolved.display()
                    ));
                    continue;
                }
                if !anchor.is_empty() {
                    let target_text = std::fs::read_to_string(&on_disk).unwrap_or_default();
                    if !anchors(&target_text).contains(anchor) {
                        broken.push(format!(
                            "{}: {target}: no heading #{anchor}",
                            path.display()
                        ));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

// --- no outside citations -------------------------------------------------

/// What users read cites the project's own documents, never the design
/// contract or an issue tracker: README, docs/, the man pages (clap's help),
/// the sources `icp explain` and every report print, and the shipped rule
/// files (agencies read them to write their own; their source keys too).
#[test]
fn nothing_users_read_cites_the_spec_or_an_issue() {
    let citation = Regex::new(r"\bSPEC\b|(?i)\bissue\s*#?\d+|/issues/\d+").unwrap();
    let mut texts: Vec<(String, String)> = pages()
        .into_iter()
        .map(|(p, t)| (p.display().to_string(), t))
        .collect();
    for entry in std::fs::read_dir(Path::new(ROOT).join("completions")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        texts.push((path.display().to_string(), text));
    }
    for dir in ["rules", "rules/provinces"] {
        for entry in std::fs::read_dir(Path::new(ROOT).join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(&path).unwrap();
                texts.push((path.display().to_string(), text));
            }
        }
    }
    let out = icp()
        .args(["rules", "list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for rule in rules.as_array().unwrap() {
        texts.push((
            format!("sources of rule {}", rule["id"]),
            rule["sources"].to_string(),
        ));
    }
    let found: Vec<String> = texts
        .iter()
        .flat_map(|(name, text)| {
            text.lines()
                .filter(|l| citation.is_match(l))
                .map(move |l| format!("{name}: {}", l.trim()))
        })
        .collect();
    assert!(
        found.is_empty(),
        "cites the spec or an issue:\n{}",
        found.join("\n")
    );
}

// --- rule files -------------------------------------------------------------

/// Runs `icp rules list` with one rule file and returns the message it
/// reports the file with (on stderr, wrapped: the lines are joined again).
fn rule_file_error(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("probe.yaml"), yaml).unwrap();
    let out = icp()
        .args(["--lang", "en", "--rules"])
        .arg(dir.path())
        .args(["rules", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{yaml} was accepted");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let message: Vec<&str> = stderr
        .lines()
        .map(str::trim_start)
        .skip_while(|l| !l.starts_with('×'))
        .take_while(|l| l.starts_with('×') || l.starts_with('│'))
        .map(|l| l.trim_start_matches(['×', '│']).trim())
        .collect();
    assert!(!message.is_empty(), "no message in:\n{stderr}");
    message.join(" ")
}

/// The keys the parser accepts where `probe` stands: it names them when it
/// meets a key it does not know (`_line` is the build script's, not a key
/// anyone writes).
fn accepted_keys(yaml_with_probe: &str) -> Vec<String> {
    let message = rule_file_error(yaml_with_probe);
    let list = Regex::new(r"expected one of ([a-z_, ]+)")
        .unwrap()
        .captures(&message)
        .unwrap_or_else(|| panic!("no list of keys in: {message}"))[1]
        .to_owned();
    let keys: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty() && !k.starts_with('_'))
        .map(str::to_owned)
        .collect();
    assert!(keys.len() > 1, "no keys in {list:?}");
    keys
}

/// Every key the rule-file parser accepts, at every level, is in
/// docs/rules.md.
#[test]
fn every_key_of_a_rule_file_is_documented() {
    let rule = |body: &str| {
        format!(
            "version: 1\nrules:\n  - id: probe-rule\n    severity: info\n    message: {{ zh: x, en: x }}\n    help: {{ zh: x, en: x }}\n    source: {{ title: t, date: \"2026-01-01\" }}\n{body}"
        )
    };
    let probes = [
        ("the file", "version: 1\nprobe: 1\n".to_owned()),
        (
            "a rule",
            rule("    require: [subject.name]\n    probe: 1\n"),
        ),
        (
            "scope",
            rule("    require: [subject.name]\n    scope: { probe: 1 }\n"),
        ),
        (
            "a condition",
            rule("    assert: { fact: subject.name, probe: 1 }\n"),
        ),
        (
            "in_by",
            rule(
                "    assert: { fact: subject.name, in_by: { key: subject.nature, table: {}, probe: 1 } }\n",
            ),
        ),
        (
            "note",
            rule("    note: { field: subject.note, probe: 1 }\n"),
        ),
        (
            "words",
            rule("    words: { field: subject.name, probe: 1 }\n"),
        ),
        (
            "limit",
            rule("    limit: { fact: filing.website_count, probe: 1 }\n"),
        ),
        ("check", rule("    check: { algorithm: email, probe: 1 }\n")),
        (
            "document",
            rule("    document: { kind: other, probe: 1 }\n"),
        ),
        (
            "examples",
            rule("    require: [subject.name]\n    examples: { probe: 1 }\n"),
        ),
        (
            "a source",
            "version: 1\nsources:\n  X: { title: t, probe: 1 }\n".to_owned(),
        ),
        (
            "a document kind",
            "version: 1\ndocument_kinds:\n  - { key: k, zh: k, en: k, probe: 1 }\n".to_owned(),
        ),
    ];
    let documented = code_words(&doc("rules.md"));
    let mut missing = Vec::new();
    for (where_, yaml) in probes {
        for key in accepted_keys(&yaml) {
            if !documented.contains(&key) {
                missing.push(format!("{key} (in {where_})"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/rules.md lacks the keys {missing:?}"
    );
}

/// The rule kinds: every kind the rule-file parser knows (one enum, the
/// list every message and page takes its names from). Each has its row in
/// the table of kinds.
#[test]
fn every_rule_kind_is_documented() {
    let kinds: BTreeSet<String> = icp::finding::KindName::ALL
        .iter()
        .map(|k| k.key().to_owned())
        .collect();
    assert!(kinds.len() >= 10, "{kinds:?}");
    let rules_md = doc("rules.md");
    let table = section(&rules_md, "Rule kinds");
    let missing: Vec<&String> = kinds
        .iter()
        .filter(|k| !table.lines().any(|l| l.starts_with(&format!("| `{k}"))))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/rules.md has no row for the kinds {missing:?}"
    );
}

#[test]
fn every_fact_is_documented() {
    let rules_md = doc("rules.md");
    let table = section(&rules_md, "Facts");
    let mut missing = Vec::new();
    for name in icp::facts::Fact::names() {
        // The table lists `principal.*` once for its three prefixes.
        let name = name
            .strip_prefix("subject.")
            .or_else(|| name.strip_prefix("website."))
            .filter(|n| n.starts_with("principal."))
            .map_or(name.clone(), str::to_owned);
        let (prefix, key) = name.rsplit_once('.').unwrap();
        let row = table
            .lines()
            .find(|l| l.starts_with(&format!("| `{prefix}.*` |")))
            .unwrap_or("");
        if !row.contains(&format!("`{key}`")) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/rules.md lacks the facts {missing:?}"
    );
}

/// Each algorithm has its row in the table, naming every outcome it can
/// report and every list it reads, with the list's default name.
#[test]
fn every_algorithm_and_outcome_is_documented() {
    let rules_md = doc("rules.md");
    let table = section(&rules_md, "Algorithms");
    let mut missing = Vec::new();
    for (name, algorithm) in icp::rules::algorithm::Algorithm::ALL {
        let Some(row) = table
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}` |")))
        else {
            missing.push(name.to_string());
            continue;
        };
        for (outcome, _) in algorithm.outcomes() {
            let outcome = outcome.key();
            if !row.contains(&format!("`{outcome}`")) {
                missing.push(format!("{name}: outcome {outcome}"));
            }
        }
        for (list, default) in algorithm.lists() {
            if !row.contains(&format!("`{list}`")) || !row.contains(&format!("`{default}`")) {
                missing.push(format!("{name}: list {list} (default {default})"));
            }
        }
    }
    assert!(missing.is_empty(), "docs/rules.md lacks {missing:?}");
}

/// The table of provinces counts each province file's own rules and the
/// national rules it changes; it is kept in step with the files here. On a
/// mismatch the test prints the table to paste.
#[test]
fn the_province_table_is_current() {
    let rules = icp::rules::RuleSet::builtin().unwrap();
    let mut table = String::from(
        "| code | province | abbreviations | own rules | national rules changed |\n\
         | --- | --- | --- | ---: | ---: |\n",
    );
    let (mut own_total, mut changed_total) = (0, 0);
    for p in icp::data::provinces().iter().filter(|p| p.mainland) {
        let own = rules
            .origins()
            .filter(|(_, origin)| *origin == Some(p))
            .count();
        let changed = rules
            .origins()
            .filter(|(id, origin)| {
                origin.is_none() && rules.overrides(id).iter().any(|o| o.province == Some(p))
            })
            .count();
        own_total += own;
        changed_total += changed;
        table.push_str(&format!(
            "| `{}` | {} | {} | {own} | {changed} |\n",
            p.code,
            p.name,
            p.abbrs.join(" ")
        ));
    }
    table.push_str(&format!(
        "| | **31 provinces** | | **{own_total}** | **{changed_total}** |\n"
    ));
    assert!(
        section(&doc("rules.md"), "Provinces").contains(&table),
        "the province table of docs/rules.md is out of date; it should read:\n\n{table}"
    );
}

// --- the filing format --------------------------------------------------------

/// The property names of a JSON Schema, at every depth.
fn schema_keys(schema: &serde_json::Value, out: &mut BTreeSet<String>) {
    match schema {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|v| schema_keys(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| schema_keys(v, out)),
        _ => {}
    }
}

/// Every key of the committed JSON Schema — which `tests/it/schema.rs` keeps
/// equal to what the loader reads — is in docs/filing-format.md.
#[test]
fn every_key_of_the_filing_format_is_documented() {
    let schema: serde_json::Value =
        serde_json::from_str(&read("schema/filing.schema.json")).unwrap();
    let mut keys = BTreeSet::new();
    schema_keys(&schema, &mut keys);
    assert!(keys.len() > 40, "{keys:?}");
    let documented = code_words(&doc("filing-format.md"));
    let missing: Vec<&String> = keys.iter().filter(|k| !documented.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "docs/filing-format.md lacks the keys {missing:?}"
    );
}

/// Every enumerated value has a row with its key and its Chinese label, and
/// every document kind the national rules declare is listed.
#[test]
fn every_enumerated_value_and_document_kind_is_documented() {
    use icp::filing::Vocabulary;
    fn rows<V: Vocabulary>() -> Vec<(&'static str, &'static str)> {
        V::ALL.iter().map(|v| (v.key(), v.zh())).collect()
    }
    let text = doc("filing-format.md");
    let mut values = Vec::new();
    values.extend(rows::<icp::filing::FilingType>());
    values.extend(rows::<icp::filing::Nature>());
    values.extend(rows::<icp::filing::CertificateType>());
    values.extend(rows::<icp::filing::IdType>());
    values.extend(rows::<icp::filing::Service>());
    values.extend(rows::<icp::filing::Preapproval>());
    values.extend(rows::<icp::filing::HostingType>());
    let rules = icp::rules::RuleSet::builtin().unwrap();
    let province_prefix = |key: &str| {
        icp::data::provinces()
            .iter()
            .any(|p| key.starts_with(&format!("{}-", p.code)))
    };
    let kinds: Vec<(String, String)> = rules
        .document_kinds()
        .iter()
        .filter(|k| !province_prefix(&k.key))
        .map(|k| (k.key.clone(), k.name.zh.clone()))
        .collect();
    assert!(kinds.len() > 10, "{kinds:?}");
    let mut missing = Vec::new();
    let all = values
        .iter()
        .map(|(k, zh)| (k.to_string(), zh.to_string()))
        .chain(kinds);
    for (key, zh) in all {
        let row = format!("`{key}`");
        if !text
            .lines()
            .any(|l| l.starts_with('|') && l.contains(&row) && l.contains(&zh))
        {
            missing.push(format!("{key} {zh}"));
        }
    }
    assert!(
        missing.is_empty(),
        "docs/filing-format.md has no row for {missing:?}"
    );
}

// --- commands and formats ----------------------------------------------------

/// One option of a man page: its flags (`--format`) or, for an argument, its
/// value name (`PATH`), and the possible values it lists.
#[derive(Debug)]
struct ManOption {
    flags: Vec<String>,
    argument: Option<String>,
    values: Vec<String>,
}

fn unescape(roff: &str) -> String {
    roff.replace("\\-", "-")
}

/// The options of a committed man page.
fn man_options(page: &str) -> Vec<ManOption> {
    let flag = Regex::new(r"\\fB((?:\\-|[A-Za-z0-9])+)\\fR").unwrap();
    let argument = Regex::new(r"^[\[<]\\fI([A-Z_-]+)\\fR[\]>]").unwrap();
    let text = read(&format!("completions/{page}"));
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i] == ".TP" && i + 1 < lines.len() {
            let header = lines[i + 1];
            let mut option = ManOption {
                flags: flag
                    .captures_iter(header)
                    .map(|c| unescape(&c[1]))
                    .filter(|f| f.starts_with("--"))
                    .collect(),
                argument: argument.captures(header).map(|c| c[1].to_owned()),
                values: Vec::new(),
            };
            i += 2;
            while i < lines.len() && lines[i] != ".TP" {
                if lines[i] == ".IP \\(bu 2" && i + 1 < lines.len() {
                    let value = lines[i + 1].split(':').next().unwrap();
                    option.values.push(unescape(value));
                }
                i += 1;
            }
            out.push(option);
        } else {
            i += 1;
        }
    }
    out
}

fn man_pages() -> Vec<String> {
    let mut pages: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("completions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".1"))
        .collect();
    pages.sort();
    pages
}

/// The heading of docs/commands.md that documents a man page's command.
fn command_heading(page: &str) -> String {
    match page.strip_suffix(".1").unwrap() {
        "icp" => "Global flags".to_owned(),
        name => format!("`{}`", name.replace('-', " ")),
    }
}

fn mentions_flag(text: &str, flag: &str) -> bool {
    Regex::new(&format!(r"(^|[^a-z-]){}([^a-z-]|$)", regex::escape(flag)))
        .unwrap()
        .is_match(text)
}

/// Every flag, argument and possible value of every man page is documented in
/// docs/commands.md: the global ones under "Global flags", the others in the
/// section of their command.
#[test]
fn every_flag_of_every_command_is_documented() {
    let commands = doc("commands.md");
    let global: BTreeSet<String> = man_options("icp.1")
        .into_iter()
        .flat_map(|o| o.flags)
        .collect();
    assert!(global.contains("--lang"), "{global:?}");
    let pages = man_pages();
    assert!(pages.len() >= 10, "{pages:?}");
    let mut missing = Vec::new();
    for page in &pages {
        let heading = command_heading(page);
        let text = section(&commands, &heading);
        let words = code_words(text);
        for option in man_options(page) {
            let own = page == "icp.1" || option.flags.iter().all(|f| !global.contains(f));
            if !own
                || option
                    .flags
                    .iter()
                    .any(|f| f == "--help" || f == "--version")
            {
                continue;
            }
            for flag in &option.flags {
                if !mentions_flag(text, flag) {
                    missing.push(format!("{heading}: {flag}"));
                }
            }
            if let Some(arg) = &option.argument {
                if !words.contains(arg) {
                    missing.push(format!("{heading}: argument {arg}"));
                }
            }
            for value in &option.values {
                if !words.contains(value) {
                    missing.push(format!("{heading}: {:?} value {value}", option.flags));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/commands.md lacks:\n{}",
        missing.join("\n")
    );
}

/// Every value of every `--format` has its own heading in the command's
/// section of docs/output-formats.md.
#[test]
fn every_output_format_is_documented() {
    let formats = doc("output-formats.md");
    let mut checked = 0;
    let mut missing = Vec::new();
    for page in man_pages() {
        let Some(format) = man_options(&page)
            .into_iter()
            .find(|o| o.flags.iter().any(|f| f == "--format"))
        else {
            continue;
        };
        let heading = command_heading(&page);
        let text = section(&formats, &heading);
        let titles: Vec<&str> = headings(text).into_iter().map(|(_, t, _)| t).collect();
        for value in &format.values {
            checked += 1;
            let code = format!("`{value}`");
            if !titles.iter().any(|t| t.contains(&code)) {
                missing.push(format!("{heading}: --format {value}"));
            }
        }
    }
    assert!(
        checked >= 11,
        "only {checked} formats found in the man pages"
    );
    assert!(
        missing.is_empty(),
        "docs/output-formats.md has no heading for {missing:?}"
    );
}
