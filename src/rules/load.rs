//! Loading rule files: parsing each (the built-in JSON, or YAML), checking
//! what a file says about itself (its province, name and abbreviations),
//! adding its sources, lists, document kinds and rules in load order, and
//! checking what can only be checked once every file is in (cited sources
//! and lists exist).
//!
//! Load order: `rules/national.yaml`, then `rules/provinces/*.yaml` (all
//! compiled into the binary), then the files of `--rules DIR` in path order.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::builtin::{Deferred, RuleText, parse_json, slots};
use super::compile::{Kind, SourceRef, WordSet, Words, byte_span};
use super::diag::{self, Diag, RuleError};
use super::evidence;
use super::file::{FileDef, ListDef};
use super::{DocumentKind, RuleSet};
use crate::data;
use crate::lang::Text;

/// A rule file that could not be used, with its errors.
#[derive(Clone, Debug)]
pub struct RuleFileErrors {
    /// The file.
    pub file: RuleText,
    /// What is wrong, with spans into the YAML.
    pub errors: Vec<RuleError>,
}

/// Why a rule set could not be loaded (exit 2).
#[derive(Clone, Debug)]
pub enum RulesError {
    /// A `--rules` directory could not be read.
    Io {
        /// The path.
        path: String,
        /// What went wrong, in both languages.
        message: crate::lang::Text,
    },
    /// One or more rule files are broken.
    Invalid(Vec<RuleFileErrors>),
}

impl RuleSet {
    /// Loads more rule files on top of the set, as if they came after its
    /// last file (severities set by [`RuleSet::set_severity`] still come
    /// after every definition).
    pub fn layer(&mut self, texts: Vec<RuleText>) -> Result<(), RulesError> {
        // Views resolved so far no longer hold: they are resolved again.
        self.views = slots();
        self.with_province = slots();
        let set = self;
        let mut failures = Vec::new();
        let mut loaded = Vec::new();
        let parse = |file: &RuleText| {
            // The JSON of a built-in file was made from the YAML at build
            // time; if it ever failed, the YAML parse reports why, with spans.
            match file.json.and_then(parse_json) {
                Some(parsed) => Ok(parsed),
                None => serde_saphyr::from_str::<FileDef>(&file.text).map(|def| (def, None)),
            }
        };
        // The files are parsed, then added in order (later files override
        // earlier ones). Several YAML files (`--rules DIR`) are parsed in
        // parallel; the built-in JSON is read faster than threads start.
        let parsed: Vec<_> = if texts.iter().filter(|t| t.json.is_none()).count() > 1 {
            texts.par_iter().map(parse).collect()
        } else {
            texts.iter().map(parse).collect()
        };
        for (file, parsed) in texts.into_iter().zip(parsed) {
            let mut errors = Vec::new();
            match parsed {
                Ok((def, deferred)) => set.add_file(&file, def, deferred, &mut errors),
                Err(e) => errors.push(diag::yaml(&e, &file.text)),
            }
            if !errors.is_empty() {
                failures.push(RuleFileErrors { file, errors });
            } else {
                loaded.push(file);
            }
        }
        set.finish(&mut failures, &loaded);
        if failures.is_empty() {
            Ok(())
        } else {
            Err(RulesError::Invalid(failures))
        }
    }

    /// Adds a file; `deferred` is the JSON of its rules when they are read
    /// only once needed (`def` then has none).
    fn add_file(
        &mut self,
        file: &RuleText,
        def: FileDef,
        deferred: Option<&'static str>,
        errors: &mut Vec<RuleError>,
    ) {
        if let Some(version) = def.version.filter(|v| *v != 1) {
            // The span of the key, found in the text (the value carries none).
            let span = file.text.lines().scan(0, |at, line| {
                let start = *at;
                *at += line.len() + 1;
                Some((start, line))
            });
            let span = span
                .filter(|(_, line)| line.starts_with("version:"))
                .map(|(start, line)| start..start + line.trim_end().len())
                .next();
            errors.push(RuleError::new(span, Diag::UnsupportedVersion { version }));
            return;
        }
        let province = match &def.province {
            None => None,
            Some(code) => match data::province(code.value.trim()) {
                Some(p) if p.mainland => Some(p),
                _ => {
                    let diag = Diag::UnknownProvinceCode {
                        code: code.value.clone(),
                    };
                    errors.push(RuleError::new(byte_span(&code.referenced), diag));
                    return;
                }
            },
        };
        if let (Some(p), Some(name)) = (province, &def.name) {
            let n = name.value.trim();
            if n != p.name && n != p.short_name {
                let diag = Diag::ProvinceName {
                    name: n.to_owned(),
                    province: p,
                };
                errors.push(RuleError::new(byte_span(&name.referenced), diag));
            }
        }
        if let (Some(p), Some(abbrs)) = (province, &def.abbreviations) {
            let given: Vec<&str> = abbrs.value.iter().map(|a| a.trim()).collect();
            if given != p.abbrs {
                let diag = Diag::Abbreviations {
                    given: given.iter().map(|a| (*a).to_owned()).collect(),
                    province: p,
                };
                errors.push(RuleError::new(byte_span(&abbrs.referenced), diag));
            }
        }
        let file_name: Arc<str> = Arc::from(file.name.as_str());
        for (name, text) in def.providers {
            self.providers.insert(name, text);
        }
        for (key, source) in def.sources {
            let source = evidence::source(Some(&key), source, errors);
            self.sources
                .insert(key, (file_name.clone(), Arc::new(source)));
        }
        for (name, list) in def.lists {
            match list.value {
                ListDef::Replace(items) => {
                    self.lists.insert(name, items);
                }
                ListDef::Edit { add, remove } => match self.lists.get_mut(&name) {
                    Some(items) => {
                        items.retain(|i| !remove.contains(i));
                        for a in add {
                            if !items.contains(&a) {
                                items.push(a);
                            }
                        }
                    }
                    None => errors.push(RuleError::new(
                        byte_span(&list.referenced),
                        Diag::NoListToEdit { name },
                    )),
                },
            }
        }
        for kind in def.document_kinds {
            self.document_kinds.retain(|k| k.key != kind.key);
            self.document_kinds.push(DocumentKind {
                key: kind.key,
                name: Text::new(kind.zh, kind.en),
                aliases: kind.aliases,
            });
        }
        if let (Some(rules), Some(province)) = (deferred, province) {
            self.deferred.push(Deferred {
                file: file_name,
                province,
                rules,
            });
            self.all = OnceLock::new();
            return;
        }
        // A file loaded after deferred ones may override their rules.
        self.undefer();
        // The JSON of a built-in file was made at build time.
        let builtin = file.json.is_some();
        self.rules
            .add_rules(def.rules, &file_name, province, builtin, errors);
    }

    /// Checks what can only be checked once every file is loaded: cited
    /// sources and named lists exist.
    fn finish(&mut self, failures: &mut Vec<RuleFileErrors>, loaded: &[RuleText]) {
        self.list_words = self
            .lists
            .iter()
            .map(|(name, items)| {
                let set = WordSet::new(items.iter().cloned());
                (name.clone(), Arc::new(set))
            })
            .collect();
        self.list_sets = self
            .lists
            .iter()
            .map(|(name, items)| {
                let set = items
                    .iter()
                    .map(|i| i.trim().trim_matches('.').to_lowercase())
                    .collect();
                (name.clone(), set)
            })
            .collect();
        let mut problems: BTreeMap<Arc<str>, Vec<RuleError>> = BTreeMap::new();
        for entry in &self.rules.entries {
            for def in &entry.definitions {
                let fragments = std::iter::once(&def.top).chain(def.variants.iter().flatten());
                let mut report = |diag: Diag| {
                    problems
                        .entry(def.origin.file.clone())
                        .or_default()
                        .push(RuleError::new(None, diag));
                };
                for fragment in fragments {
                    for source in fragment.sources.iter().flat_map(|s| s.iter()) {
                        if let SourceRef::Key(key) = source {
                            if !self.sources.contains_key(key) {
                                report(Diag::UndefinedSource {
                                    id: entry.id.to_string(),
                                    line: def.origin.line,
                                    key: key.clone(),
                                });
                            }
                        }
                    }
                    if let Some(kind) = &fragment.kind {
                        let mut names: Vec<&str> = Vec::new();
                        match kind.as_ref() {
                            Kind::Words {
                                words: Words::Named(n),
                                ..
                            } => names.push(n),
                            Kind::Check { lists, .. } => {
                                names.extend(lists.iter().map(|(_, n)| n.as_str()))
                            }
                            _ => {}
                        }
                        for name in names {
                            if !self.lists.contains_key(name) {
                                report(Diag::UndefinedList {
                                    id: entry.id.to_string(),
                                    line: def.origin.line,
                                    name: name.to_owned(),
                                });
                            }
                        }
                    }
                }
            }
        }
        // The providers sources name are declared (a misspelt provider
        // would count as one more independent confirmation).
        let mut keys: Vec<&String> = self.sources.keys().collect();
        keys.sort();
        for key in keys {
            let (file, source) = &self.sources[key];
            for p in &source.providers {
                if !self.providers.contains_key(p.as_ref()) {
                    let names = self.providers.keys().map(String::as_str);
                    let suggestion = crate::suggest::closest(p, names).map(str::to_owned);
                    problems
                        .entry(file.clone())
                        .or_default()
                        .push(RuleError::new(
                            None,
                            Diag::UnknownProvider {
                                source: key.clone(),
                                provider: p.to_string(),
                                suggestion,
                            },
                        ));
                }
            }
        }
        for (file, errors) in problems {
            let text = loaded
                .iter()
                .find(|t| t.name.as_str() == file.as_ref())
                .cloned()
                .unwrap_or(RuleText {
                    name: file.to_string(),
                    text: Cow::Borrowed(""),
                    json: None,
                });
            failures.push(RuleFileErrors { file: text, errors });
        }
    }
}

/// Lists seeded from the data tables, so rule files can extend them.
pub(super) fn seed_lists() -> HashMap<String, Vec<String>> {
    let mut approved = Vec::new();
    let mut refused = Vec::new();
    for s in data::domain_suffixes() {
        if s.approved {
            approved.push(s.suffix.to_owned());
        } else {
            refused.push(s.suffix.to_owned());
        }
    }
    HashMap::from([
        ("approved-suffixes".to_owned(), approved),
        ("refused-suffixes".to_owned(), refused),
    ])
}
