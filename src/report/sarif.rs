//! `--format sarif`: SARIF 2.1.0, the format code-scanning services read
//! (GitHub's `upload-sarif`, GitLab, Azure DevOps, editors' SARIF viewers).
//!
//! One run. `tool.driver.rules` describes each rule that has a result, in
//! the order of first appearance: what it requires (`shortDescription`), why
//! (`fullDescription`), how to fix it (`help`), its source (`helpUri` and
//! `properties.source`) and its severity (`defaultConfiguration.level`).
//! Each result names its rule, a level (`error`, `warning`, `note` for info),
//! the message in `--lang`, the file as a URI relative to the current
//! directory, and the region of the value, columns counted in Unicode
//! characters (`columnKind: unicodeCodePoints`, docs/output-formats.md); the field path
//! (`subject.principal.mobile`) is the logical location.

use std::collections::HashMap;
use std::path::Path;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};
use serde_sarif::sarif;

use super::{Lines, artifact_path};
use crate::Lang;
use crate::finding::{Finding, RuleMeta, Severity};
use crate::lang::generic;
use crate::report::prose;
use crate::rules::RuleSet;
use crate::validate::FileReport;

/// The published schema the output follows.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Characters kept as they are in a URI path: RFC 3986's unreserved set and
/// the separator. Everything else (spaces, `:`, `#`, Chinese names) is
/// percent-encoded as UTF-8, so the `uri` is a valid URI reference.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// Renders the reports as one SARIF log.
pub fn render(reports: &[FileReport], rules: &RuleSet, lang: Lang) -> String {
    let mut log = Log::new(rules, lang);
    let mut out = log.start();
    out.push_str(&log.files(reports));
    out.push_str(&log.end());
    out
}

/// A SARIF log written in parts, as the files are checked: [`Log::start`],
/// [`Log::files`] for each batch of files, [`Log::end`]. The parts join
/// into exactly what [`render`] gives for all the files at once — the
/// members of each object in the order of their names, `results` before
/// `tool` — so only the descriptions of the rules that have results are
/// kept until the end, never the results.
pub struct Log<'a> {
    rules: &'a RuleSet,
    lang: Lang,
    /// Each rule's place in `tool.driver.rules`, in the order of first
    /// appearance.
    index: HashMap<String, usize>,
    descriptors: Vec<sarif::ReportingDescriptor>,
    /// Whether a result was written (the next one follows a comma).
    any: bool,
}

impl<'a> Log<'a> {
    /// A log of results of `rules`, in `lang`.
    pub fn new(rules: &'a RuleSet, lang: Lang) -> Log<'a> {
        Log {
            rules,
            lang,
            index: HashMap::new(),
            descriptors: Vec::new(),
            any: false,
        }
    }

    /// The log up to the first result.
    pub fn start(&self) -> String {
        let language = match self.lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en-US",
        };
        format!(
            "{{\n  \"$schema\": {},\n  \"runs\": [\n    {{\n      \"columnKind\": \"unicodeCodePoints\",\n      \"language\": {},\n      \"results\": [",
            json!(SCHEMA),
            json!(language)
        )
    }

    /// The results of some files, in their order.
    pub fn files(&mut self, reports: &[FileReport]) -> String {
        let (rules, lang) = (self.rules, self.lang);
        // Rules are numbered as they first appear, file by file.
        for report in reports {
            if report.findings.is_empty() {
                continue;
            }
            let view = rules.view(report.province.and_then(crate::data::province));
            for f in &report.findings {
                if self.index.contains_key(f.id()) {
                    continue;
                }
                // What the rule requires is said in words made from the rule
                // that fired when its file gives no summary.
                let requirement = match view.variant_of(&f.rule) {
                    Some(v) => prose::requirement(rules, v, lang),
                    None => prose::summary(&f.rule, lang),
                };
                self.descriptors
                    .push(descriptor(&f.rule, requirement, lang));
                self.index
                    .insert(f.id().to_owned(), self.descriptors.len() - 1);
            }
        }
        let index = &self.index;
        let out = super::per_file(reports, |report| {
            let uri = uri(&report.path);
            let lines = Lines::new(&report.text);
            let mut out = String::new();
            for f in &report.findings {
                let rule_index = index.get(f.id()).copied().unwrap_or(0);
                out.push_str(",\n        ");
                out.push_str(&indented(&result(f, &lines, &uri, rule_index, lang), 8));
            }
            out
        });
        match out.strip_prefix(',') {
            Some(first) if !self.any => {
                self.any = true;
                first.to_owned()
            }
            _ => out,
        }
    }

    /// The rest of the log: the end of the results, and the tool with the
    /// rules that have results.
    pub fn end(self) -> String {
        let mut out = if self.any {
            "\n      ]".to_owned()
        } else {
            "]".to_owned()
        };
        let tool = sarif::Tool::builder()
            .driver(driver(self.descriptors))
            .build();
        out.push_str(",\n      \"tool\": ");
        out.push_str(&indented(&tool, 6));
        out.push_str("\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n");
        out
    }
}

/// A value as pretty JSON, its lines after the first indented by `by`
/// spaces: where it stands in the log. A string's line break is written
/// `\n` in JSON, so every line break is the layout's.
fn indented(value: &impl serde::Serialize, by: usize) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let pad = " ".repeat(by);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&pad);
        }
        out.push_str(line);
    }
    out
}

/// The tool as the log describes it, with the rules its results name.
fn driver(rules: Vec<sarif::ReportingDescriptor>) -> sarif::ToolComponent {
    let driver = sarif::ToolComponent::builder()
        .name("icp")
        .full_name(format!("icp {}", env!("CARGO_PKG_VERSION")))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    sarif::ToolComponent {
        information_uri: information_uri().map(str::to_owned),
        ..driver
    }
}

/// Where the tool is documented: the repository or home page `Cargo.toml`
/// declares, when it declares one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty())
}

/// A file's path as a URI reference: relative paths stay relative (resolved
/// against the directory `icp` ran in, the repository's root in CI); absolute
/// ones become `file:` URIs.
fn uri(path: &Path) -> String {
    let shown = artifact_path(path);
    let encoded = utf8_percent_encode(&shown, PATH).to_string();
    if !Path::new(&shown).is_absolute() {
        encoded
    } else if shown.starts_with('/') {
        format!("file://{encoded}")
    } else {
        // A Windows drive path (`C:/…`): the drive's colon stays as it is.
        match shown.split_once(':') {
            Some((drive, rest)) => format!("file:///{drive}:{}", utf8_percent_encode(rest, PATH)),
            None => encoded,
        }
    }
}

fn level(severity: Severity) -> Value {
    json!(match severity {
        Severity::Error | Severity::Off => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    })
}

fn text(s: String) -> sarif::MultiformatMessageString {
    sarif::MultiformatMessageString::builder().text(s).build()
}

/// The rule as SARIF describes it, with what it requires in words. Message
/// and help are rule files' templates: as generic texts, their optional
/// `{?…?}` parts drop out and any other placeholder reads "…".
fn descriptor(v: &RuleMeta, requirement: String, lang: Lang) -> sarif::ReportingDescriptor {
    let mut full = requirement.clone();
    if let Some(why) = &v.why {
        full.push_str("\n\n");
        full.push_str(why.get(lang));
    }
    let mut help = generic(v.help.get(lang));
    help.push_str(&match lang {
        Lang::Zh => format!("\n\n详细说明：icp explain {}", v.id),
        Lang::En => format!("\n\nDetails: icp explain {}", v.id),
    });
    let source = super::source_line(v);
    if !source.is_empty() {
        help.push_str(&match lang {
            Lang::Zh => format!("\n依据：{source}"),
            Lang::En => format!("\nSource: {source}"),
        });
    }
    let mut properties = std::collections::BTreeMap::new();
    properties.insert("source".to_owned(), json!(source));
    let descriptor = sarif::ReportingDescriptor::builder()
        .id(v.id.to_string())
        .short_description(text(requirement))
        .full_description(text(full))
        .help(text(help))
        .default_configuration(
            sarif::ReportingConfiguration::builder()
                .level(level(v.severity))
                .build(),
        )
        .properties(
            sarif::PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        )
        .build();
    // Some sources cite a place inside a repository in words after the URL
    // (`https://… (path)`): `helpUri` takes the first that is a URI alone.
    match v
        .sources
        .iter()
        .filter_map(|s| s.url.as_ref())
        .find(|u| is_web_uri(u))
    {
        Some(url) => sarif::ReportingDescriptor {
            help_uri: Some(url.clone()),
            ..descriptor
        },
        None => descriptor,
    }
}

fn result(f: &Finding, lines: &Lines, uri: &str, rule_index: usize, lang: Lang) -> sarif::Result {
    let artifact = sarif::ArtifactLocation::builder()
        .uri(uri.to_owned())
        .build();
    let physical = match lines.region(f) {
        Some(r) => sarif::PhysicalLocation::builder()
            .artifact_location(artifact)
            .region(
                sarif::Region::builder()
                    .start_line(as_i64(r.line))
                    .start_column(as_i64(r.column))
                    .end_line(as_i64(r.end_line))
                    .end_column(as_i64(r.end_column))
                    .build(),
            )
            .build(),
        // A finding about the whole file points at the file alone.
        None => sarif::PhysicalLocation::builder()
            .artifact_location(artifact)
            .build(),
    };
    let location = if f.path.is_empty() {
        sarif::Location::builder()
            .physical_location(physical)
            .build()
    } else {
        sarif::Location::builder()
            .physical_location(physical)
            .logical_locations(vec![
                sarif::LogicalLocation::builder()
                    .fully_qualified_name(f.path.clone())
                    .build(),
            ])
            .build()
    };
    let mut properties = std::collections::BTreeMap::new();
    // The help with this finding's values filled in (the rule's `help` is
    // the generic text).
    properties.insert("help".to_owned(), json!(f.help(lang)));
    let fixes = fixes(f, lines, uri, lang);
    let mut result = sarif::Result::builder()
        .rule_id(f.id().to_owned())
        .rule_index(as_i64(rule_index))
        .level(match f.severity() {
            Severity::Error | Severity::Off => sarif::ResultLevel::Error,
            Severity::Warning => sarif::ResultLevel::Warning,
            Severity::Info => sarif::ResultLevel::Note,
        })
        .message(sarif::Message::builder().text(f.message(lang)).build())
        .locations(vec![location])
        .properties(
            sarif::PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        )
        .build();
    if !fixes.is_empty() {
        result.fixes = Some(fixes);
    }
    result
}

/// What `icp fix` does to a fixable finding, as a SARIF fix: the value's
/// literal replaced by the literal of its canonical spelling.
fn fixes(f: &Finding, lines: &Lines, uri: &str, lang: Lang) -> Vec<sarif::Fix> {
    let text = lines.text();
    let (Some(new), Some(span), Some(r)) = (&f.fix, &f.span, lines.region(f)) else {
        return Vec::new();
    };
    let Some(old) = text.get(span.clone()) else {
        return Vec::new();
    };
    let value = [("value", super::snippet::quoted(new))];
    let description = crate::lang::fill(crate::i18n::Msg::Fixable.get(lang), &value);
    let replacement = sarif::Replacement::builder()
        .deleted_region(
            sarif::Region::builder()
                .start_line(as_i64(r.line))
                .start_column(as_i64(r.column))
                .end_line(as_i64(r.end_line))
                .end_column(as_i64(r.end_column))
                .build(),
        )
        .inserted_content(
            sarif::ArtifactContent::builder()
                .text(crate::rules::fix::literal(new, old))
                .build(),
        )
        .build();
    vec![
        sarif::Fix::builder()
            .description(sarif::Message::builder().text(description).build())
            .artifact_changes(vec![
                sarif::ArtifactChange::builder()
                    .artifact_location(
                        sarif::ArtifactLocation::builder()
                            .uri(uri.to_owned())
                            .build(),
                    )
                    .replacements(vec![replacement])
                    .build(),
            ])
            .build(),
    ]
}

/// Whether a source's URL is an absolute web URI as it stands: a scheme,
/// and no character a URI may not hold (spaces, non-ASCII, `<>"{}|\^` and
/// the backtick).
fn is_web_uri(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"<>\"{}|\\^`".contains(&b))
}

fn as_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing;

    /// The log as one value, built whole: what [`Log`]'s parts must join into.
    fn whole(reports: &[FileReport], rules: &RuleSet, lang: Lang) -> String {
        let mut descriptors = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut results = Vec::new();
        for report in reports {
            if report.findings.is_empty() {
                continue;
            }
            let uri = uri(&report.path);
            let lines = Lines::new(&report.text);
            let view = rules.view(report.province.and_then(crate::data::province));
            for f in &report.findings {
                let rule_index = *index.entry(f.id()).or_insert_with(|| {
                    // What the rule requires is said in words made from the rule
                    // that fired when its file gives no summary.
                    let requirement = match view.variant_of(&f.rule) {
                        Some(v) => prose::requirement(rules, v, lang),
                        None => prose::summary(&f.rule, lang),
                    };
                    descriptors.push(descriptor(&f.rule, requirement, lang));
                    descriptors.len() - 1
                });
                results.push(result(f, &lines, &uri, rule_index, lang));
            }
        }
        let run = sarif::Run::builder()
            .tool(sarif::Tool::builder().driver(driver(descriptors)).build())
            .results(results)
            .column_kind(json!("unicodeCodePoints"))
            .language(match lang {
                Lang::Zh => "zh-CN",
                Lang::En => "en-US",
            })
            .build();
        let log = sarif::Sarif::builder()
            .schema(SCHEMA)
            .version(json!("2.1.0"))
            .runs(vec![run])
            .build();
        // Serialising plain structs of strings and numbers cannot fail.
        serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
    }

    /// The log written in parts, batch by batch, is byte for byte the log
    /// built whole, for no result, one file, and files in several batches.
    #[test]
    fn the_parts_join_into_the_whole_log() {
        let rules = RuleSet::builtin().unwrap();
        let rule = testing::rule("mobile-format", Severity::Error);
        let other = testing::rule("other-rule", Severity::Warning);
        let mut reports = Vec::new();
        for i in 0..5 {
            let mut findings = vec![testing::finding(rule.clone(), i % 2 == 0)];
            if i == 3 {
                findings.push(testing::finding(other.clone(), false));
            }
            if i == 1 {
                findings.clear();
            }
            let mut r = testing::report(findings);
            r.path = format!("clients/{i}.filing.toml").into();
            reports.push(r);
        }
        for lang in [Lang::En, Lang::Zh] {
            for reports in [&reports[..0], &reports[1..2], &reports[..1], &reports[..]] {
                let whole = whole(reports, &rules, lang);
                assert_eq!(render(reports, &rules, lang), whole);
                for size in [1, 2, 3] {
                    let mut log = Log::new(&rules, lang);
                    let mut parts = log.start();
                    for batch in reports.chunks(size) {
                        parts.push_str(&log.files(batch));
                    }
                    parts.push_str(&log.end());
                    assert_eq!(parts, whole, "batches of {size}");
                }
            }
        }
    }

    #[test]
    fn a_result_names_its_rule_level_message_and_region() {
        let f = testing::finding(testing::rule("mobile-format", Severity::Info), false);
        let r = serde_json::to_value(result(
            &f,
            &Lines::new(testing::TEXT),
            "a.toml",
            3,
            Lang::En,
        ))
        .unwrap();
        assert_eq!(r["ruleId"], "mobile-format");
        assert_eq!(r["ruleIndex"], 3);
        assert_eq!(r["level"], "note");
        assert_eq!(r["message"]["text"], "mobile 1380013800 is not 11 digits");
        assert_eq!(r["properties"]["help"], "write 11 digits");
        let location = &r["locations"][0];
        assert_eq!(
            location["physicalLocation"]["artifactLocation"]["uri"],
            "a.toml"
        );
        let region = &location["physicalLocation"]["region"];
        assert_eq!(
            (
                &region["startLine"],
                &region["startColumn"],
                &region["endColumn"]
            ),
            (&json!(2), &json!(10), &json!(22))
        );
        assert_eq!(
            location["logicalLocations"][0]["fullyQualifiedName"],
            "subject.mobile"
        );
        // A finding about the whole file has neither region nor field.
        let whole = testing::finding(f.rule.clone(), true);
        let r = serde_json::to_value(result(
            &whole,
            &Lines::new(testing::TEXT),
            "a.toml",
            3,
            Lang::En,
        ))
        .unwrap();
        assert!(r["locations"][0]["physicalLocation"]["region"].is_null());
        assert!(r["locations"][0]["logicalLocations"].is_null());
    }

    #[test]
    fn a_descriptor_describes_the_rule() {
        let rule = testing::rule("mobile-format", Severity::Warning);
        let d = serde_json::to_value(descriptor(&rule, "a valid mobile".into(), Lang::En)).unwrap();
        assert_eq!(d["id"], "mobile-format");
        assert_eq!(d["shortDescription"]["text"], "a valid mobile");
        assert_eq!(d["defaultConfiguration"]["level"], "warning");
        assert_eq!(d["helpUri"], "https://beian.miit.gov.cn/");
        let help = d["help"]["text"].as_str().unwrap();
        assert!(
            help.starts_with("write 11 digits\n\nDetails: icp explain mobile-format"),
            "{help}"
        );
        assert!(
            help.ends_with("Source: MIIT <https://beian.miit.gov.cn/> (2026-01-01)"),
            "{help}"
        );
        // The template's placeholders are left for the reader: no values.
        assert_eq!(
            crate::report::prose::summary(&rule, Lang::En),
            "a valid mobile"
        );
    }

    #[test]
    fn uris_are_encoded_references() {
        let uri = |p: &str| uri(Path::new(p));
        assert_eq!(uri("./a/b.filing.toml"), "a/b.filing.toml");
        assert_eq!(
            uri("客户 A/filing.toml"),
            "%E5%AE%A2%E6%88%B7%20A/filing.toml"
        );
        // On Unix, `a:b` is a directory's name, not a drive.
        assert_eq!(uri("a:b/filing.toml"), "a%3Ab/filing.toml");
        #[cfg(unix)]
        assert_eq!(uri("/srv/x y/filing.toml"), "file:///srv/x%20y/filing.toml");
        #[cfg(windows)]
        assert_eq!(uri("D:\\x y\\filing.toml"), "file:///D:/x%20y/filing.toml");
    }

    #[test]
    fn help_uris_are_plain_uris() {
        assert!(is_web_uri("https://beian.miit.gov.cn/#/Integrated/index"));
        assert!(!is_web_uri("https://github.com/a/b (docs/x.md)"));
        assert!(!is_web_uri("https://example.com/备案"));
        assert!(!is_web_uri("ftp://example.com/x"));
    }
}
