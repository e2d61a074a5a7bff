//! The rule set: rule files loaded, merged by id, and resolved per province.
//!
//! A rule goes from its file to the filings it checks in a few steps, each
//! in a module of its own:
//!
//! - [`file`]: the rule-file format as serde types ([`file::BodyDef`]);
//! - [`builtin`]: the files compiled into the binary, and the deferred
//!   reading of the rules of their province files;
//! - [`load`]: parsing files and adding what each defines, in load order;
//! - [`compile`]: one definition checked and compiled ([`compile::Fragment`]);
//! - [`layer`]: the definitions of an id merged, overrides and the
//!   `[severity]` of `icp.toml` last;
//! - [`placeholders`]: the `{placeholders}` of messages checked against what
//!   the rule fills in;
//! - [`view`]: the rules of one province resolved into [`Variant`]s, and the
//!   plans of the variants that run on a kind of filing;
//! - [`engine`]: running a view over a filing: findings out;
//! - [`diag`]: every mistake a rule file can hold, as a typed value.
//!
//! [`cases`] reads the rule cases as examples for `icp explain`. Reports
//! see a rule through this module's public types ([`Variant`], [`View`],
//! [`Kind`], [`Cond`] …) and a finding's rule through
//! [`crate::finding::RuleMeta`].

pub mod across;
pub mod algorithm;
mod builtin;
mod cases;
pub mod compile;
pub mod condition;
pub mod diag;
pub mod engine;
pub mod evidence;
pub mod file;
pub mod fix;
mod layer;
mod load;
mod placeholders;
mod view;
pub mod waivers;

use std::collections::HashMap;

use foldhash::HashSet;
use std::sync::{Arc, OnceLock};

use crate::data::Province;
use crate::finding::{Basis, Severity};
use crate::lang::Text;
use layer::{Rules, SeverityOverride};

pub use crate::finding::{Origin, Source};
pub use builtin::{Json, RuleText, builtin_texts};
pub use cases::{Example, examples};
pub use compile::{Across, Change, DocOwner, Examples, Kind, Match, Scope, WordSet, Words};
pub use condition::{Cond, DateBase, Lit, Op, Tri};
pub use diag::{Diag, RuleError};
pub use engine::{Dates, DocStatus, Requirement};
pub use load::{RuleFileErrors, RulesError};
pub use view::{Plan, PlanKey, Resolved, Variant, View};

/// A document kind (docs/filing-format.md and rule files).
#[derive(Clone, Debug)]
pub struct DocumentKind {
    /// Key.
    pub key: String,
    /// Names.
    pub name: Text,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// Every rule file, merged.
#[derive(Debug)]
pub struct RuleSet {
    /// The rules of every file but the deferred ones.
    rules: Rules,
    /// Built-in province files whose rules are read when first needed, in
    /// load order. Only files loaded last are deferred: a later file that is
    /// not has them added first.
    deferred: Vec<builtin::Deferred>,
    /// `rules` with the deferred rules of one province, by province as
    /// `views`: what its view is resolved from.
    with_province: Vec<OnceLock<Rules>>,
    /// `rules` with every deferred file's, in load order: the whole set, for
    /// what lists or looks up every rule.
    all: OnceLock<Rules>,
    /// Severities set by `icp.toml`, applied after every definition.
    severities: Vec<SeverityOverride>,
    lists: HashMap<String, Vec<String>>,
    /// The lists as sets of normalised entries (no surrounding dots, lower
    /// case), for membership tests such as domain suffixes.
    list_sets: foldhash::HashMap<String, HashSet<String>>,
    /// The lists as word sets, for `words: { list_ref }`.
    list_words: foldhash::HashMap<String, Arc<WordSet>>,
    /// Sources by key, with the file that defined each.
    sources: HashMap<String, (Arc<str>, Arc<Source>)>,
    /// Provider names by key.
    providers: HashMap<String, Text>,
    /// Severities set for a whole class of evidence by `icp.toml`.
    class_severities: evidence::ClassSeverities,
    document_kinds: Vec<DocumentKind>,
    /// Views by province: slot 0 for filings without a (known) province.
    views: Vec<OnceLock<Arc<View>>>,
    /// The ids of the `across` rules, worked out when first asked.
    across_ids: OnceLock<Vec<String>>,
}

/// The findings about a file as a whole, reported when it cannot be read
/// as a filing at all (no other rule then runs): they are always errors,
/// and `icp.toml` cannot set them lower (a broken file would pass).
pub const FILE_LEVEL: [&str; 3] = ["file-too-large", "not-utf8", "toml-syntax"];

/// A rule id no rule file defines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl RuleSet {
    /// The rules compiled into the binary.
    pub fn builtin() -> Result<RuleSet, RulesError> {
        RuleSet::from_texts(builtin_texts())
    }

    /// The built-in rules, then `files` (the agency's: `--rules DIR`, read
    /// by [`crate::discover::rule_files`]).
    pub fn with_files(files: Vec<RuleText>) -> Result<RuleSet, RulesError> {
        let mut texts = builtin_texts();
        texts.extend(files);
        RuleSet::from_texts(texts)
    }

    /// Loads rule files in order.
    pub fn from_texts(texts: Vec<RuleText>) -> Result<RuleSet, RulesError> {
        let mut set = RuleSet {
            rules: Rules::default(),
            deferred: Vec::new(),
            with_province: Vec::new(),
            all: OnceLock::new(),
            severities: Vec::new(),
            lists: load::seed_lists(),
            list_sets: foldhash::HashMap::default(),
            list_words: foldhash::HashMap::default(),
            sources: HashMap::new(),
            providers: HashMap::new(),
            class_severities: HashMap::new(),
            document_kinds: Vec::new(),
            views: Vec::new(),
            across_ids: OnceLock::new(),
        };
        set.layer(texts)?;
        Ok(set)
    }

    /// Sets the severity of a rule in every province, variant and date, as
    /// the `[severity]` table of `icp.toml` does: after every definition of
    /// every rule file, recorded as an override at `origin` (which `icp
    /// explain` shows).
    pub fn set_severity(
        &mut self,
        id: &str,
        severity: Severity,
        origin: Origin,
    ) -> Result<(), UnknownRule> {
        if !self.contains(id) {
            return Err(UnknownRule(id.to_owned()));
        }
        self.severities.push(SeverityOverride {
            id: Arc::from(id),
            severity,
            origin,
        });
        // Views resolved so far no longer hold.
        self.views = builtin::slots();
        Ok(())
    }

    /// Sets the severity of every rule whose default severity rests on one
    /// class of evidence (`single-source`, `old-sources`, `inferred`,
    /// `conflict`), as `[severity.evidence]` of `icp.toml` does. It changes
    /// only the rules that have their default severity (a rule whose file
    /// says why it differs keeps it), and a severity set for the rule
    /// itself ([`RuleSet::set_severity`]) wins over it.
    pub fn set_class_severity(&mut self, class: Basis, severity: Severity, origin: Origin) {
        self.class_severities.insert(class, (severity, origin));
        // Views resolved so far no longer hold.
        self.views = builtin::slots();
    }

    /// Whether a rule file defines the id.
    pub fn contains(&self, id: &str) -> bool {
        if self.rules.index.contains_key(id) {
            return true;
        }
        // A new rule of a province file carries the province's prefix, so
        // only that province's deferred file can define it.
        self.deferred.iter().any(|d| {
            id.strip_prefix(d.province.code)
                .is_some_and(|rest| rest.starts_with('-'))
                && self.rules_for(Some(d.province)).index.contains_key(id)
        })
    }

    /// A named list.
    pub fn list(&self, name: &str) -> &[String] {
        self.lists.get(name).map_or(&[], Vec::as_slice)
    }

    /// A named list as a set of words.
    pub fn list_words(&self, name: &str) -> Option<&WordSet> {
        self.list_words.get(name).map(|w| w.as_ref())
    }

    /// A named list as a set of normalised entries (no surrounding dots,
    /// lower case).
    pub fn list_set(&self, name: &str) -> Option<&HashSet<String>> {
        self.list_sets.get(name)
    }

    /// The document kinds.
    pub fn document_kinds(&self) -> &[DocumentKind] {
        &self.document_kinds
    }

    /// The canonical key of a document kind written as key, label or alias.
    pub fn document_kind(&self, input: &str) -> Option<&DocumentKind> {
        let input = input.trim();
        self.document_kinds.iter().find(|k| {
            k.key.eq_ignore_ascii_case(input)
                || k.name.zh == input
                || k.aliases.iter().any(|a| a == input)
        })
    }

    /// Every rule id.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.all().entries.iter().map(|e| e.id.as_ref())
    }

    /// Every rule id with the province of the file that defined it (`None`
    /// for national and agency rules), in definition order.
    pub fn origins(&self) -> impl Iterator<Item = (&str, Option<&'static Province>)> {
        self.all()
            .entries
            .iter()
            .map(|e| (e.id.as_ref(), e.definitions[0].origin.province))
    }

    /// Where a rule is overridden: the definitions after its first, then the
    /// severity overrides.
    pub fn overrides(&self, id: &str) -> Vec<Origin> {
        let rules = self.all();
        let Some(&i) = rules.index.get(id) else {
            return Vec::new();
        };
        rules.entries[i].definitions[1..]
            .iter()
            .map(|d| d.origin.clone())
            .chain(
                self.severities
                    .iter()
                    .filter(|s| &*s.id == id)
                    .map(|s| s.origin.clone()),
            )
            .collect()
    }
}
