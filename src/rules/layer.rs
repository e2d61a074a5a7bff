//! Layering: the definitions of a rule merged by id.
//!
//! The first definition of an id is the rule; every later definition with
//! the same id overrides the fields it gives. A definition in a province
//! file (one that says `province: gd`) applies only to filings of that
//! province, so a province relaxes or tightens a national rule by repeating
//! its id. Variants (`variants:`) give a rule dated forms; the fields of a
//! variant replace the rule's, and the fields of a later override replace
//! the variant's. The `[severity]` table of `icp.toml` comes last of all.

use std::collections::HashMap;
use std::sync::Arc;

use super::compile::{Compiler, Fragment, byte_span};
use super::diag::{Diag, Field, RuleError};
use super::file::BodyDef;
use super::placeholders;
use crate::data::Province;
use crate::facts::Each;
use crate::finding::{Origin, Severity};

/// One definition of a rule: what one file says about it.
#[derive(Clone, Debug)]
pub(super) struct Definition {
    /// Where it was written.
    pub origin: Origin,
    /// Its fields.
    pub top: Fragment,
    /// Its variants, when it gives them (they replace the rule's).
    pub variants: Option<Vec<Fragment>>,
}

/// The definitions of one id, in load order.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// The id.
    pub id: Arc<str>,
    /// The first is the rule; the others override it.
    pub definitions: Vec<Definition>,
}

/// Definitions merged by id, in the order the ids were first defined.
#[derive(Clone, Debug, Default)]
pub(super) struct Rules {
    /// The rules.
    pub entries: Vec<Entry>,
    /// Their positions by id.
    pub index: HashMap<Arc<str>, usize>,
}

/// A severity set by `icp.toml`, applied after every definition.
#[derive(Clone, Debug)]
pub(super) struct SeverityOverride {
    /// The rule.
    pub id: Arc<str>,
    /// Its severity everywhere, in every variant.
    pub severity: Severity,
    /// The line of `icp.toml` that says so.
    pub origin: Origin,
}

/// A rule merged for one province: its forms (one per variant, or one)
/// and where it was overridden.
pub(super) struct Merged {
    /// The merged fields of each form.
    pub forms: Vec<Fragment>,
    /// The definitions (and severity overrides) layered over the first.
    pub overrides: Vec<Origin>,
}

fn applies(origin: &Origin, province: Option<&Province>) -> bool {
    origin
        .province
        .is_none_or(|p| province.is_some_and(|q| q.code == p.code))
}

impl Entry {
    /// The rule as it applies in a province (or without one); `None` when
    /// it is another province's rule.
    pub fn merged(
        &self,
        province: Option<&Province>,
        severities: &[SeverityOverride],
    ) -> Option<Merged> {
        let base = &self.definitions[0];
        if !applies(&base.origin, province) {
            return None;
        }
        let mut top = base.top.clone();
        let mut variants = base.variants.clone();
        let mut overrides = Vec::new();
        let severity_fragments: Vec<(Fragment, &Origin)> = severities
            .iter()
            .filter(|s| s.id == self.id)
            .map(|s| {
                let fragment = Fragment {
                    severity: Some(s.severity),
                    ..Fragment::default()
                };
                (fragment, &s.origin)
            })
            .collect();
        let layers = self.definitions[1..]
            .iter()
            .filter(|d| applies(&d.origin, province))
            .map(|d| (&d.top, d.variants.as_ref(), &d.origin))
            .chain(severity_fragments.iter().map(|(f, o)| (f, None, *o)));
        for (over, over_variants, origin) in layers {
            top = top.under(over);
            variants = match over_variants {
                Some(vs) => Some(vs.clone()),
                None => variants.map(|vs| vs.iter().map(|v| v.under(over)).collect()),
            };
            overrides.push(origin.clone());
        }
        let forms = match variants {
            Some(vs) => vs.iter().map(|v| top.under(v)).collect(),
            None => vec![top],
        };
        Some(Merged { forms, overrides })
    }
}

/// Whether an id is lower-case kebab-case.
fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The fields a merged form lacks to be a rule.
fn missing_fields(f: &Fragment) -> Vec<Field> {
    let mut missing = Vec::new();
    if f.severity.is_none() {
        missing.push(Field::Severity);
    }
    if f.kind.is_none() {
        missing.push(Field::Kind);
    }
    if f.message.is_none() {
        missing.push(Field::Message);
    }
    if f.help.is_none() {
        missing.push(Field::Help);
    }
    if f.sources.is_none() {
        missing.push(Field::Source);
    }
    missing
}

impl Rules {
    /// Adds the rules of one file. The placeholders of a built-in file's
    /// own rules are not checked: the tests check them, from the YAML
    /// (`tests/it/rules.rs`), and start-up need not do it again every time.
    pub fn add_rules(
        &mut self,
        rules: Vec<BodyDef>,
        file: &Arc<str>,
        province: Option<&'static Province>,
        builtin: bool,
        errors: &mut Vec<RuleError>,
    ) {
        let mut seen_here: Vec<String> = Vec::new();
        for rule in rules {
            self.add_rule(rule, file, province, builtin, errors, &mut seen_here);
        }
    }

    fn add_rule(
        &mut self,
        rule: BodyDef,
        file: &Arc<str>,
        province: Option<&'static Province>,
        builtin: bool,
        errors: &mut Vec<RuleError>,
        seen_here: &mut Vec<String>,
    ) {
        let Some(id) = rule.id.clone() else {
            errors.push(RuleError::new(None, Diag::MissingId));
            return;
        };
        let id_text = id.value.trim().to_owned();
        let span = byte_span(&id.referenced);
        let error = |diag: Diag| RuleError::new(span.clone(), diag);
        if !is_kebab(&id_text) {
            errors.push(error(Diag::IdNotKebab { id: id_text }));
            return;
        }
        if seen_here.contains(&id_text) {
            errors.push(error(Diag::IdTwice { id: id_text }));
            return;
        }
        seen_here.push(id_text.clone());
        let existing = self.index.get(id_text.as_str()).copied();
        if let (None, Some(p)) = (existing, province) {
            if !id_text.starts_with(&format!("{}-", p.code)) {
                let diag = Diag::IdWithoutPrefix {
                    id: id_text,
                    province: p,
                };
                errors.push(error(diag));
                return;
            }
        }
        // A file that cannot be read is checked by nothing else: no rule
        // file may let it pass (as `[severity]` of icp.toml may not).
        let below_error = |f: &BodyDef| {
            f.severity
                .as_ref()
                .is_some_and(|s| s.value.trim() != "error")
        };
        if !builtin
            && super::FILE_LEVEL.contains(&id_text.as_str())
            && (below_error(&rule) || rule.variants.iter().flatten().any(below_error))
        {
            errors.push(error(Diag::FileLevelSeverity { id: id_text }));
            return;
        }
        let inherited_each: Option<Each> =
            existing.and_then(|i| self.entries[i].definitions[0].top.each);
        let before = errors.len();
        let mut compiler = Compiler { errors, builtin };
        let top = compiler.body(&rule, inherited_each);
        let each = top.each.or(inherited_each);
        let variants = rule.variants.as_ref().map(|vs| {
            vs.iter()
                .map(|v| {
                    if v.id.is_some() || v.variants.is_some() {
                        compiler.errors.push(error(Diag::VariantWithId));
                    }
                    compiler.body(v, each)
                })
                .collect::<Vec<_>>()
        });
        if errors.len() > before {
            return;
        }
        let definition = Definition {
            origin: Origin {
                file: file.clone(),
                line: match id.referenced.line() {
                    0 => rule.line.unwrap_or(0),
                    line => line,
                },
                province,
            },
            top,
            variants,
        };
        let Some(i) = existing else {
            // The first definition is the rule: it must be complete.
            let merged: Vec<Fragment> = definition
                .variants
                .iter()
                .flatten()
                .map(|v| definition.top.under(v))
                .collect();
            let forms = match &definition.variants {
                Some(_) => merged.as_slice(),
                None => std::slice::from_ref(&definition.top),
            };
            for form in forms {
                let missing = missing_fields(form);
                if !missing.is_empty() {
                    errors.push(error(Diag::Incomplete {
                        id: id_text,
                        missing,
                    }));
                    return;
                }
            }
            if !builtin {
                placeholders::check(&id_text, &definition, &rule, forms, span, errors);
            }
            let id: Arc<str> = Arc::from(id_text.as_str());
            self.index.insert(id.clone(), self.entries.len());
            self.entries.push(Entry {
                id,
                definitions: vec![definition],
            });
            return;
        };
        let entry = &mut self.entries[i];
        entry.definitions.push(definition);
        if builtin {
            return;
        }
        let forms = placeholders::override_forms(entry);
        let added = &entry.definitions[entry.definitions.len() - 1];
        placeholders::check(&entry.id, added, &rule, &forms, span, errors);
    }
}
