//! The rule files compiled into the binary, and the deferred reading of the
//! rules of their province files.
//!
//! Each built-in file is embedded as YAML (what errors are shown against)
//! and as JSON converted at build time (`build/rules.rs`), which is what is
//! read at start-up: JSON parses several times faster. The rules of the
//! built-in province files are most of the start-up time, and a run rarely
//! checks filings of more than one or two provinces: their rules are read
//! and compiled the first time they are needed (the rest of each file, its
//! sources, lists and document kinds, is read at once). A province file's
//! definitions apply only to its own province, so the rules of the national
//! file and that one province file are all a view of that province needs.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use super::RuleSet;
use super::file::{BodyDef, FileDef};
use super::layer::Rules;
use crate::data::{self, Province};

// The rule files and the rule cases compiled into the binary (see
// build/rules.rs).
include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The rule cases (`rules/cases/*.toml`): path and text.
pub(super) fn rule_cases() -> &'static [(&'static str, &'static str)] {
    RULE_CASES
}

/// A rule file's text and the name it is reported under.
#[derive(Clone, Debug)]
pub struct RuleText {
    /// The path shown in errors.
    pub name: String,
    /// The YAML (borrowed for the built-in files: no copy at start-up).
    pub text: Cow<'static, str>,
    /// The same file as JSON, converted at build time for the built-in files
    /// (parsing JSON is what keeps start-up fast).
    pub json: Option<Json>,
}

/// A built-in rule file as JSON, in two parts: the rules of a province file
/// are read only when a filing of that province is checked.
#[derive(Clone, Copy, Debug)]
pub struct Json {
    /// The file without its rules.
    pub header: &'static str,
    /// Its rules (an array).
    pub rules: &'static str,
}

/// The built-in rule files, in load order: the national file, then the
/// province files by name.
pub fn builtin_texts() -> Vec<RuleText> {
    BUILTIN_RULES
        .iter()
        .map(|(name, yaml, header, rules)| RuleText {
            name: (*name).to_owned(),
            text: Cow::Borrowed(yaml),
            json: (!header.is_empty()).then_some(Json { header, rules }),
        })
        .collect()
}

/// A built-in province file whose rules are not read yet.
#[derive(Debug)]
pub(super) struct Deferred {
    /// The file's name.
    pub file: Arc<str>,
    /// Its province.
    pub province: &'static Province,
    /// The JSON of its rules.
    pub rules: &'static str,
}

/// A built-in file from its JSON, with the JSON of its rules when they are
/// read only once needed (those of a province file); `None` if it does not
/// parse (the YAML parse then says why).
pub(super) fn parse_json(json: Json) -> Option<(FileDef, Option<&'static str>)> {
    let mut def: FileDef = serde_json::from_str(json.header).ok()?;
    if def.province.is_some() {
        return Some((def, Some(json.rules)));
    }
    def.rules = serde_json::from_str(json.rules).ok()?;
    Some((def, None))
}

/// A slot per province and one for filings without a (known) province.
pub(super) fn slots<T>() -> Vec<OnceLock<T>> {
    (0..=data::provinces().len())
        .map(|_| OnceLock::new())
        .collect()
}

/// The slot of a province (0: none, or not a known one).
pub(super) fn slot(province: Option<&Province>) -> usize {
    province
        .and_then(|p| data::provinces().iter().position(|q| q.code == p.code))
        .map_or(0, |i| i + 1)
}

impl RuleSet {
    /// The rules of every file but the deferred ones, with the deferred
    /// files `pick` chooses added, in order.
    pub(super) fn with_deferred(&self, pick: impl Fn(&Deferred) -> bool) -> Rules {
        let mut rules = self.rules.clone();
        for deferred in self.deferred.iter().filter(|d| pick(d)) {
            // Both were made at build time from a file the YAML parse
            // accepts, and the tests load every built-in file without
            // deferring (where errors are reported): neither can fail.
            let defs: Vec<BodyDef> =
                serde_json::from_str(deferred.rules).expect("built-in rules JSON is valid");
            let mut errors = Vec::new();
            let (file, province) = (&deferred.file, Some(deferred.province));
            rules.add_rules(defs, file, province, true, &mut errors);
            assert!(
                errors.is_empty(),
                "built-in rule file {} does not load: {errors:?}",
                deferred.file
            );
        }
        rules
    }

    /// The rules a view of a province is resolved from: the rules of every
    /// file but the deferred ones, and the province's deferred file.
    pub(super) fn rules_for(&self, province: Option<&'static Province>) -> &Rules {
        match province {
            Some(p) if self.deferred.iter().any(|d| d.province.code == p.code) => self
                .with_province[slot(Some(p))]
            .get_or_init(|| self.with_deferred(|d| d.province.code == p.code)),
            _ => &self.rules,
        }
    }

    /// The rules of every file.
    pub(super) fn all(&self) -> &Rules {
        if self.deferred.is_empty() {
            return &self.rules;
        }
        self.all.get_or_init(|| self.with_deferred(|_| true))
    }

    /// Adds the rules of files loaded after the deferred ones: the deferred
    /// rules are added first, in order, as if none had been deferred.
    pub(super) fn undefer(&mut self) {
        if self.deferred.is_empty() {
            return;
        }
        // The whole set is often known already (listing every id reads it).
        self.rules = self
            .all
            .take()
            .unwrap_or_else(|| self.with_deferred(|_| true));
        self.deferred.clear();
    }
}
