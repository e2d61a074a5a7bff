//! The `{placeholders}` of messages and help, checked when rules load.
//!
//! A finding fills in the values its rule's kind gives (`{field}` of
//! `require`, `{count}` of `limit`, the values of an algorithm's outcome…)
//! and the facts its texts name (`{subject.city}`). A placeholder nothing
//! fills in would reach users as written, and one whose value is a bare
//! `true`/`false` says nothing a reader understands: both are rule-file
//! errors, reported at the definition that brings them together.

use std::ops::Range;
use std::sync::Arc;

use super::compile::{Fragment, Kind, byte_span};
use super::diag::{Diag, RuleError, TextField};
use super::file::BodyDef;
use super::layer::{Definition, Entry};
use crate::data::Province;
use crate::facts::{Fact, Ty};
use crate::lang::{Text, placeholders};
use crate::suggest::closest;

/// The values the filing loader (`src/filing/load.rs`) and the waivers
/// (`waivers.rs`) give the findings of `load` rules.
const LOAD_VALUES: &[&str] = &[
    "size",
    "max",
    "detail",
    "key",
    "suggestion",
    "expected",
    "found",
    "value",
    "allowed",
    "rule",
];

/// What the findings of a rule fill in.
struct Provided {
    /// Values by name, and whether the value is a bare `true`/`false`.
    values: Vec<(&'static str, bool)>,
    /// Whether the facts its texts name are filled in too.
    facts: bool,
}

/// What a rule of a kind fills in, given its `at`.
fn provided(kind: &Kind, at: Option<Fact>) -> Provided {
    let plain = |names: &[&'static str]| names.iter().map(|n| (*n, false)).collect();
    let values: Vec<(&'static str, bool)> = match kind {
        Kind::Assert(cond) => match at.or(cond.first_fact()) {
            Some(fact) => vec![("value", fact.ty() == Ty::Bool)],
            None => Vec::new(),
        },
        Kind::Require(_) | Kind::Forbid(_) => plain(&["field"]),
        Kind::Note {
            all_phrases,
            min_chars,
            ..
        } => {
            let mut names = vec!["phrase", "phrases"];
            if !all_phrases.is_empty() {
                names.push("missing");
            }
            if min_chars.is_some() {
                names.push("min_chars");
            }
            plain(&names)
        }
        Kind::Words { .. } => plain(&["word", "value"]),
        Kind::Limit { min, max, .. } => {
            let mut names = vec!["count"];
            if min.is_some() {
                names.push("min");
            }
            if max.is_some() {
                names.push("max");
            }
            plain(&names)
        }
        Kind::Check {
            algorithm, report, ..
        } => {
            let mut names = vec!["value"];
            let reported = algorithm
                .outcomes()
                .iter()
                .filter(|(o, _)| report.as_ref().is_none_or(|r| r.contains(o)));
            for (_, args) in reported {
                for arg in *args {
                    if !names.contains(arg) {
                        names.push(arg);
                    }
                }
            }
            plain(&names)
        }
        Kind::Document { per_domain, .. } => {
            let mut names = vec!["kind", "document_zh", "document_en"];
            if *per_domain {
                names.push("domain");
            }
            plain(&names)
        }
        Kind::Load => plain(LOAD_VALUES),
        // A step's message is shown as written (`icp checklist`).
        Kind::Step => Vec::new(),
        Kind::Across(across) => plain(across.args()),
        Kind::Change(_) => plain(&["old", "new", "field"]),
    };
    Provided {
        values,
        facts: !matches!(
            kind,
            Kind::Load | Kind::Step | Kind::Across(_) | Kind::Change(_)
        ),
    }
}

/// What can be wrong with a placeholder.
enum Problem {
    /// Nothing fills it in.
    Unknown,
    /// What fills it in is a bare `true` or `false`.
    Boolean,
}

/// What is wrong with a placeholder, if anything.
fn problem(name: &str, provided: &Provided) -> Option<Problem> {
    if let Some((_, boolean)) = provided.values.iter().find(|(n, _)| *n == name) {
        return boolean.then_some(Problem::Boolean);
    }
    match Fact::parse(name) {
        Some(fact) if provided.facts => (fact.ty() == Ty::Bool).then_some(Problem::Boolean),
        _ => Some(Problem::Unknown),
    }
}

/// The diagnostic of a problem.
fn diag(problem: Problem, id: &str, field: TextField, name: &str, provided: &Provided) -> Diag {
    let (id, name) = (id.to_owned(), name.to_owned());
    match problem {
        Problem::Boolean => Diag::BooleanPlaceholder { id, field, name },
        Problem::Unknown => {
            let values = provided.values.iter().map(|(n, _)| *n);
            let facts = if provided.facts {
                Fact::names()
            } else {
                Vec::new()
            };
            let known = values.chain(facts.iter().map(String::as_str));
            let suggestion = closest(&name, known).map(str::to_owned);
            Diag::UnknownPlaceholder {
                id,
                field,
                name,
                provided: provided.values.iter().map(|(n, _)| n.to_string()).collect(),
                facts: provided.facts,
                suggestion,
            }
        }
    }
}

/// The forms the texts of an entry's last definition, an override, end up
/// in: the rule merged for the override's province, or, for an override
/// that applies everywhere, for every province the rule's definitions name
/// (and for none).
pub(super) fn override_forms(entry: &Entry) -> Vec<Fragment> {
    let mut provinces: Vec<Option<&'static Province>> = vec![None];
    match entry.definitions.last().and_then(|d| d.origin.province) {
        Some(p) => provinces = vec![Some(p)],
        None => {
            for p in entry.definitions.iter().filter_map(|d| d.origin.province) {
                if !provinces
                    .iter()
                    .any(|o| o.is_some_and(|q| q.code == p.code))
                {
                    provinces.push(Some(p));
                }
            }
        }
    }
    provinces
        .into_iter()
        .filter_map(|p| entry.merged(p, &[]))
        .flat_map(|m| m.forms)
        .collect()
}

/// Checks the placeholders of the forms a definition (`added`, compiled
/// from `def`; `id_span`, the span of its id) ends up in. Only what that
/// definition brings is reported: the texts it gives (at the text), or any
/// text when it gives a new kind or `at` (at its id).
pub(super) fn check(
    id: &str,
    added: &Definition,
    def: &BodyDef,
    forms: &[Fragment],
    id_span: Option<Range<usize>>,
    errors: &mut Vec<RuleError>,
) {
    // The definition's fragments, each with the YAML it was compiled from.
    let fragments = || {
        std::iter::once((&added.top, def)).chain(
            added
                .variants
                .iter()
                .flatten()
                .zip(def.variants.iter().flatten()),
        )
    };
    let gives_rule = fragments().any(|(f, _)| f.kind.is_some() || f.at.is_some());
    // Where a text was written, when the definition gives it.
    let written = |field: TextField, text: &Arc<Text>| {
        fragments().find_map(|(f, body)| {
            let (own, spanned) = match field {
                TextField::Message => (&f.message, &body.message),
                TextField::Help => (&f.help, &body.help),
            };
            own.as_ref().filter(|own| Arc::ptr_eq(own, text))?;
            Some(spanned.as_ref().and_then(|s| byte_span(&s.referenced)))
        })
    };
    let mut found: Vec<RuleError> = Vec::new();
    for form in forms {
        let Some(kind) = &form.kind else { continue };
        // Most texts name nothing: what the kind fills in is worked out
        // only for those that do.
        let mut provided_once = None;
        let texts = [
            (TextField::Message, &form.message),
            (TextField::Help, &form.help),
        ];
        for (field, text) in texts {
            let Some(text) = text else { continue };
            let mut names = placeholders(&text.zh)
                .chain(placeholders(&text.en))
                .peekable();
            if names.peek().is_none() {
                continue;
            }
            let span = match written(field, text) {
                Some(span) => span.or_else(|| id_span.clone()),
                None if gives_rule => id_span.clone(),
                None => continue,
            };
            let provided = provided_once.get_or_insert_with(|| provided(kind, form.at));
            for name in names {
                if let Some(problem) = problem(name, provided) {
                    let error =
                        RuleError::new(span.clone(), diag(problem, id, field, name, provided));
                    // A name in both languages, or in several forms, once.
                    if !found.contains(&error) {
                        found.push(error);
                    }
                }
            }
        }
    }
    errors.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::rules::{RuleSet, RuleText, RulesError};

    /// The placeholder diagnostics of rule files loaded over the national
    /// file, with the text each points at.
    fn problems(files: &[&str]) -> Vec<(String, String)> {
        let mut texts: Vec<RuleText> = crate::rules::builtin_texts()
            .into_iter()
            .filter(|t| t.name.ends_with("national.yaml"))
            .collect();
        for (i, text) in files.iter().enumerate() {
            texts.push(RuleText {
                name: format!("house{i}.yaml"),
                text: text.to_string().into(),
                json: None,
            });
        }
        let Err(RulesError::Invalid(failures)) = RuleSet::from_texts(texts) else {
            return Vec::new();
        };
        failures
            .iter()
            .flat_map(|f| {
                f.errors.iter().map(|e| {
                    let at = e.span.clone().map_or("", |s| &f.file.text[s]);
                    (e.text().en, at.to_owned())
                })
            })
            .collect()
    }

    const SOURCE: &str = "source: { title: t, date: \"2026-01-01\" }";

    #[test]
    fn what_the_kind_fills_in_is_accepted() {
        let file = format!(
            "rules:\n  - id: x-a\n    severity: error\n    each: website\n    \
             limit: {{ fact: website.name_length, max: 8 }}\n    \
             message: {{ zh: \"{{count}} > {{max}}\", en: \"{{website.name}} {{count}}\" }}\n    \
             help: {{ zh: a, en: a }}\n    {SOURCE}\n"
        );
        assert_eq!(problems(&[&file]), []);
    }

    #[test]
    fn an_unknown_placeholder_is_an_error_at_its_text() {
        let file = format!(
            "rules:\n  - id: x-a\n    severity: error\n    require: [subject.name]\n    \
             message: {{ zh: \"{{field}}\", en: \"{{count}}\" }}\n    \
             help: {{ zh: a, en: a }}\n    {SOURCE}\n"
        );
        let found = problems(&[&file]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].0.starts_with(
                "the message of rule x-a has a placeholder {count} the rule never fills in; it fills in {field}"
            ),
            "{found:?}"
        );
        assert_eq!(found[0].1, "{");
    }

    #[test]
    fn a_bare_boolean_is_an_error() {
        let file = format!(
            "rules:\n  - id: x-a\n    severity: error\n    \
             assert: {{ fact: subject.principal.legal_representative, eq: true }}\n    \
             message: {{ zh: a, en: a }}\n    \
             help: {{ zh: \"{{value}}\", en: \"{{subject.principal.legal_representative}}\" }}\n    {SOURCE}\n"
        );
        let found: Vec<String> = problems(&[&file]).into_iter().map(|(m, _)| m).collect();
        assert_eq!(
            found,
            [
                "the help of rule x-a has a placeholder {value} that would show a bare true or false; say it in words",
                "the help of rule x-a has a placeholder {subject.principal.legal_representative} that would show a bare true or false; say it in words",
            ]
        );
    }

    #[test]
    fn an_override_is_checked_against_the_rule_it_changes() {
        // A message that names what the national rule does not fill in.
        let message = "rules:\n  - id: address-house-number\n    \
                       message: { zh: \"{count}\", en: \"{count}\" }\n";
        let found = problems(&[message]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.contains("{count}"), "{found:?}");
        // A new kind under the national message (which names `{field}`),
        // reported at the id.
        let kind = "rules:\n  - id: subject-field-required\n    \
                    limit: { fact: filing.website_count, max: 3 }\n";
        let found = problems(&[kind]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.contains("{field}"), "{found:?}");
        assert_eq!(found[0].1, "subject-field-required");
        // A province's override is merged with the province's view only.
        let province = "province: gd\nrules:\n  - id: address-house-number\n    \
                        message: { zh: \"{subject.city}\", en: \"{subject.city}\" }\n";
        assert_eq!(problems(&[province]), []);
    }

    #[test]
    fn steps_and_loader_rules_fill_in_no_facts() {
        let file = format!(
            "rules:\n  - id: x-a\n    severity: info\n    step: true\n    \
             message: {{ zh: \"{{subject.name}}\", en: a }}\n    \
             help: {{ zh: a, en: a }}\n    {SOURCE}\n"
        );
        let found = problems(&[&file]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.ends_with("; it fills in none"), "{found:?}");
    }
}
