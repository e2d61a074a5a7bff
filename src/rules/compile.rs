//! Compiling rule-file definitions ([`super::file`]) into the engine's types:
//! fact names become [`Fact`]s, literals are converted to the fact's type,
//! regular expressions are built, and every mistake is reported with the span
//! of the YAML that caused it.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use jiff::civil::Date;
use serde_saphyr::{Location, Spanned};

use super::algorithm::{Algorithm, OutcomeName};
use super::condition::{Cond, Lit, Op, Pattern, RelativeDate};
use super::diag::{Diag, Expected, RuleError};
use super::file::*;
use super::fix::Fix;
use crate::data::{self, Province};
use crate::facts::{Choices, Each, Fact, Ty};
use crate::filing::{FilingType, Nature, Vocabulary};
use crate::finding::{Confidence, KindName, Severity, Source};
use crate::lang::Text;
use crate::suggest::closest;

/// The byte span of a YAML location.
pub fn byte_span(loc: &Location) -> Option<Range<usize>> {
    let span = loc.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len().unwrap_or(0)).ok()?;
    Some(start..start + len.max(1))
}

/// Which filings a rule applies to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scope {
    /// Natures, when restricted.
    pub natures: Option<Vec<Nature>>,
    /// Filing types, when restricted.
    pub types: Option<Vec<FilingType>>,
    /// Provinces, when restricted.
    pub provinces: Option<Vec<&'static Province>>,
}

impl Scope {
    /// Whether the scope covers a nature and filing type (an unknown one is
    /// outside every restricted scope).
    pub fn covers(&self, nature: Option<Nature>, filing_type: Option<FilingType>) -> bool {
        self.natures
            .as_ref()
            .is_none_or(|ns| nature.is_some_and(|n| ns.contains(&n)))
            && self
                .types
                .as_ref()
                .is_none_or(|ts| filing_type.is_some_and(|t| ts.contains(&t)))
    }
}

/// How `words` match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// Anywhere in the text.
    Contains,
    /// At the start.
    Prefix,
    /// The whole text.
    Exact,
}

/// The words of a `words` rule.
#[derive(Clone, Debug)]
pub enum Words {
    /// A list in the rule.
    Plain(Arc<WordSet>),
    /// Words mapped to the value of `unless` that excuses them (by index).
    Mapped(Arc<WordSet>, Vec<String>),
    /// A named list of `lists:`.
    Named(String),
}

/// Words to look for in a text, lower-cased, with a one-pass searcher built
/// on first use.
#[derive(Debug)]
pub struct WordSet {
    words: Vec<String>,
    searcher: OnceLock<Option<AhoCorasick>>,
}

impl WordSet {
    /// A set of words (trimmed and lower-cased; empty words dropped).
    pub fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        WordSet {
            words: words
                .into_iter()
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect(),
            searcher: OnceLock::new(),
        }
    }

    /// The words.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The indexes of the words found in `text` (lower-cased by the caller),
    /// in list order.
    pub fn find(&self, text: &str, mode: Match) -> Vec<usize> {
        let mut found: Vec<usize> = match mode {
            Match::Contains => {
                // A plain NFA builds in microseconds; a DFA would search
                // names of a few characters no faster.
                let searcher = self.searcher.get_or_init(|| {
                    AhoCorasick::builder()
                        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                        .build(&self.words)
                        .ok()
                });
                match searcher {
                    Some(ac) => ac
                        .find_overlapping_iter(text)
                        .map(|m| m.pattern().as_usize())
                        .collect(),
                    None => (0..self.words.len())
                        .filter(|&i| text.contains(self.words[i].as_str()))
                        .collect(),
                }
            }
            Match::Prefix => (0..self.words.len())
                .filter(|&i| text.starts_with(self.words[i].as_str()))
                .collect(),
            Match::Exact => (0..self.words.len())
                .filter(|&i| text == self.words[i])
                .collect(),
        };
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Whose `documents` hold a required document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocOwner {
    /// `subject.documents`.
    Subject,
    /// The current principal (`each: principal`).
    Principal,
    /// `subject.principal.documents`.
    SubjectPrincipal,
    /// The current website.
    Website,
    /// The current website's principal.
    WebsitePrincipal,
}

impl DocOwner {
    fn parse(s: &str) -> Option<DocOwner> {
        Some(match s {
            "subject" => DocOwner::Subject,
            "principal" => DocOwner::Principal,
            "subject.principal" => DocOwner::SubjectPrincipal,
            "website" => DocOwner::Website,
            "website.principal" => DocOwner::WebsitePrincipal,
            _ => return None,
        })
    }

    fn default_for(each: Each) -> DocOwner {
        match each {
            Each::Filing => DocOwner::Subject,
            Each::Principal => DocOwner::Principal,
            _ => DocOwner::Website,
        }
    }

    fn available_in(self, each: Each) -> bool {
        match self {
            DocOwner::Subject | DocOwner::SubjectPrincipal => true,
            DocOwner::Principal => each == Each::Principal,
            DocOwner::Website | DocOwner::WebsitePrincipal => {
                !matches!(each, Each::Filing | Each::Principal)
            }
        }
    }
}

/// What a rule checks.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A condition that must hold.
    Assert(Cond),
    /// Fields that must be filled in.
    Require(Vec<Fact>),
    /// Fields that must not be given.
    Forbid(Vec<Fact>),
    /// A note that must contain a phrase and/or have a length.
    Note {
        /// The note.
        field: Fact,
        /// One of these must appear.
        phrases: Vec<String>,
        /// All of these must appear.
        all_phrases: Vec<String>,
        /// Minimum length in characters.
        min_chars: Option<usize>,
    },
    /// Words a text must not contain.
    Words {
        /// The text.
        field: Fact,
        /// The words.
        words: Words,
        /// How they match.
        mode: Match,
        /// A list fact whose values excuse mapped words.
        unless: Option<Fact>,
    },
    /// Bounds on a number.
    Limit {
        /// The number.
        fact: Fact,
        /// Inclusive lower bound.
        min: Option<i64>,
        /// Inclusive upper bound.
        max: Option<i64>,
    },
    /// An algorithm applied to fields.
    Check {
        /// The algorithm.
        algorithm: Algorithm,
        /// The fields.
        fields: Vec<Fact>,
        /// The outcomes reported (all when `None`).
        report: Option<Vec<OutcomeName>>,
        /// Named lists by the algorithm's parameter name.
        lists: Vec<(&'static str, String)>,
        /// A fingerprint of `lists`: runs with the same lists share outcomes.
        lists_key: u64,
        /// The regular expression of `algorithm: pattern`.
        pattern: Option<Pattern>,
    },
    /// A document that must be declared.
    Document {
        /// The document kind key: the one asked for.
        kind: String,
        /// Other kinds that satisfy the rule as well.
        alternatives: Vec<String>,
        /// Whose table holds it (`None`: decided by `each`).
        owner: Option<DocOwner>,
        /// Copies needed.
        count: u32,
        /// One per domain.
        per_domain: bool,
    },
    /// Reported by the loader.
    Load,
    /// A step of the process that cannot be uploaded (the SMS verification,
    /// posting signed forms): shown by `icp checklist`, never a finding.
    Step,
    /// A value no two filings of a run may share: checked by
    /// [`crate::rules::across`] after every filing was read.
    Across(Across),
    /// What a change of some fields involves: read by `icp diff`, never a
    /// finding of `validate`.
    Change(Arc<Change>),
}

/// A compiled `change:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Field patterns (`[*]` for any index).
    pub fields: Vec<String>,
    /// `changed`, `added`, `removed` or `any`.
    pub on: &'static str,
    /// The filing it needs.
    pub filing: &'static str,
    /// Document kinds.
    pub documents: Vec<String>,
    /// Whose mobile receives the SMS check.
    pub sms: &'static str,
    /// Whether the site may stay online.
    pub online: &'static str,
}

impl Change {
    /// The values of `on`.
    pub const ON: [&'static str; 4] = ["any", "changed", "added", "removed"];
    /// The values of `filing`.
    pub const FILINGS: [&'static str; 7] = [
        "subject-change",
        "website-change",
        "add-website",
        "access",
        "cancel-website",
        "cancel-subject",
        "new-filing",
    ];
    /// The values of `sms`.
    pub const SMS: [&'static str; 5] = [
        "subject-principal",
        "website-principal",
        "both",
        "none",
        "unknown",
    ];
    /// The values of `online`.
    pub const ONLINE: [&'static str; 3] = ["yes", "no", "unknown"];
}

/// What an `across` rule compares between filings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Across {
    /// A domain in two filings.
    Domain,
    /// An ID or certificate number under two different names.
    IdNumber,
    /// An ICP filing number on two subjects.
    IcpNumber,
    /// A scan file declared by two clients.
    Scan,
    /// One person as principal of several subjects.
    Principal,
}

impl Across {
    /// Every value, in documentation order.
    pub const ALL: [Across; 5] = [
        Across::Domain,
        Across::IdNumber,
        Across::IcpNumber,
        Across::Scan,
        Across::Principal,
    ];

    /// The spelling in rule files.
    pub fn key(self) -> &'static str {
        match self {
            Across::Domain => "domain",
            Across::IdNumber => "id-number",
            Across::IcpNumber => "icp-number",
            Across::Scan => "scan",
            Across::Principal => "principal",
        }
    }

    /// Parses the rule-file spelling.
    pub fn parse(s: &str) -> Option<Across> {
        Across::ALL.into_iter().find(|a| a.key() == s)
    }

    /// The placeholders its findings fill in.
    pub fn args(self) -> &'static [&'static str] {
        match self {
            Across::Domain | Across::IcpNumber | Across::Scan => &["value", "other", "others"],
            Across::IdNumber => &["value", "name", "other", "other_name", "others"],
            Across::Principal => &["value", "name", "count"],
        }
    }
}

impl Kind {
    /// Which kind it is.
    pub fn name(&self) -> KindName {
        match self {
            Kind::Assert(_) => KindName::Assert,
            Kind::Require(_) => KindName::Require,
            Kind::Forbid(_) => KindName::Forbid,
            Kind::Note { .. } => KindName::Note,
            Kind::Words { .. } => KindName::Words,
            Kind::Limit { .. } => KindName::Limit,
            Kind::Check { .. } => KindName::Check,
            Kind::Document { .. } => KindName::Document,
            Kind::Load => KindName::Load,
            Kind::Step => KindName::Step,
            Kind::Across(_) => KindName::Across,
            Kind::Change(_) => KindName::Change,
        }
    }

    /// The owner of a document rule, given the rule's iteration.
    pub fn document_owner(owner: Option<DocOwner>, each: Each) -> DocOwner {
        owner.unwrap_or(DocOwner::default_for(each))
    }
}

/// Where a rule's source is given.
#[derive(Clone, Debug)]
pub enum SourceRef {
    /// A key of some file's `sources:`.
    Key(String),
    /// Given in the rule.
    Inline(Arc<Source>),
}

/// Examples for `icp explain`.
#[derive(Clone, Debug, Default)]
pub struct Examples {
    /// A fragment that trips the rule.
    pub trips: Option<String>,
    /// A fragment that passes.
    pub passes: Option<String>,
}

/// One definition (or variant) of a rule, compiled; every field optional so
/// definitions can be layered (see [`super::RuleSet`]).
#[derive(Clone, Debug, Default)]
pub struct Fragment {
    pub(crate) severity: Option<Severity>,
    pub(crate) scope: Option<Arc<Scope>>,
    pub(crate) each: Option<Each>,
    pub(crate) when: Option<Arc<Cond>>,
    pub(crate) kind: Option<Arc<Kind>>,
    pub(crate) at: Option<Fact>,
    pub(crate) fix: Option<Fix>,
    pub(crate) summary: Option<Arc<Text>>,
    pub(crate) message: Option<Arc<Text>>,
    pub(crate) help: Option<Arc<Text>>,
    pub(crate) why: Option<Arc<Text>>,
    pub(crate) conflict: Option<Arc<Text>>,
    pub(crate) sources: Option<Arc<[SourceRef]>>,
    pub(crate) confidence: Option<Confidence>,
    pub(crate) severity_reason: Option<Arc<Text>>,
    pub(crate) since: Option<Date>,
    pub(crate) until: Option<Date>,
    pub(crate) examples: Option<Arc<Examples>>,
}

impl Fragment {
    /// This fragment with every field `top` gives replaced by `top`'s.
    /// A conflict is between the sources that state it: `top` giving its
    /// own sources and no conflict has none. A severity reason explains one
    /// severity on one set of sources: `top` giving either without a reason
    /// has none.
    pub(crate) fn under(&self, top: &Fragment) -> Fragment {
        macro_rules! pick {
            ($($f:ident),*) => { Fragment { $($f: top.$f.clone().or_else(|| self.$f.clone()),)* } };
        }
        let mut merged = pick!(
            severity,
            scope,
            each,
            when,
            kind,
            at,
            fix,
            summary,
            message,
            help,
            why,
            conflict,
            sources,
            confidence,
            severity_reason,
            since,
            until,
            examples
        );
        if top.sources.is_some() && top.conflict.is_none() {
            merged.conflict = None;
        }
        if (top.sources.is_some() || top.severity.is_some()) && top.severity_reason.is_none() {
            merged.severity_reason = None;
        }
        merged
    }
}

/// Whether a definition gives a kind (its key is there).
fn gives(def: &BodyDef, kind: KindName) -> bool {
    match kind {
        KindName::Assert => def.assert.is_some(),
        KindName::Require => def.require.is_some(),
        KindName::Forbid => def.forbid.is_some(),
        KindName::Note => def.note.is_some(),
        KindName::Words => def.words.is_some(),
        KindName::Limit => def.limit.is_some(),
        KindName::Check => def.check.is_some(),
        KindName::Document => def.document.is_some(),
        KindName::Load => def.load.is_some(),
        KindName::Step => def.step.is_some(),
        KindName::Across => def.across.is_some(),
        KindName::Change => def.change.is_some(),
    }
}

/// Compiles definitions, collecting errors.
pub struct Compiler<'a> {
    /// Errors found so far.
    pub errors: &'a mut Vec<RuleError>,
    /// Whether the definitions are a built-in file's, read from the JSON
    /// made at build time: their regular expressions are not compiled to
    /// check them at start-up (the tests read the same files from YAML,
    /// which checks them), only when a rule first uses one.
    pub builtin: bool,
}

impl Compiler<'_> {
    fn error(&mut self, loc: &Location, diag: Diag) {
        self.errors.push(RuleError::new(byte_span(loc), diag));
    }

    /// A fact name; `each` is the iteration it must be available in.
    pub fn fact(&mut self, name: &Spanned<String>, each: Each) -> Option<Fact> {
        let Some(fact) = Fact::parse(name.value.trim()) else {
            let names = Fact::names();
            let suggestion =
                closest(&name.value, names.iter().map(String::as_str)).map(str::to_owned);
            self.error(
                &name.referenced,
                Diag::UnknownFact {
                    name: name.value.clone(),
                    suggestion,
                },
            );
            return None;
        };
        if !fact.available_in(each) {
            self.error(
                &name.referenced,
                Diag::FactUnavailable {
                    name: name.value.clone(),
                    each,
                },
            );
        }
        Some(fact)
    }

    fn typed_fact(
        &mut self,
        name: &Spanned<String>,
        each: Each,
        want: &[Ty],
        what: &'static str,
    ) -> Option<Fact> {
        let fact = self.fact(name, each)?;
        let ty = fact.ty();
        let ok = want.iter().any(|w| match (w, ty) {
            (Ty::Choice(_), Ty::Choice(_)) | (Ty::ChoiceList(_), Ty::ChoiceList(_)) => true,
            (a, b) => *a == b,
        });
        if !ok {
            self.error(
                &name.referenced,
                Diag::FactType {
                    what,
                    want: want[0],
                    name: name.value.clone(),
                },
            );
            return None;
        }
        Some(fact)
    }

    /// A literal for a fact of type `ty`.
    fn lit(&mut self, ty: Ty, scalar: &Spanned<Scalar>) -> Option<Lit> {
        let loc = &scalar.referenced;
        let bad = |c: &mut Self, expected: Expected| {
            let value = scalar.value.to_string();
            c.error(loc, Diag::Literal { value, expected });
            None
        };
        match (ty, &scalar.value) {
            (Ty::Bool, Scalar::Bool(b)) => Some(Lit::Bool(*b)),
            (Ty::Bool, _) => bad(self, Expected::Bool),
            (Ty::Int, Scalar::Int(i)) => Some(Lit::Int(*i)),
            (Ty::Int, _) => bad(self, Expected::Integer),
            (Ty::Text | Ty::TextList, Scalar::Str(s)) => Some(Lit::Text(s.clone())),
            (Ty::Text | Ty::TextList, Scalar::Int(i)) => Some(Lit::Text(i.to_string())),
            (Ty::Text | Ty::TextList, Scalar::Bool(_)) => bad(self, Expected::Text),
            (Ty::Date, Scalar::Str(s)) => match (s.parse::<Date>(), RelativeDate::parse(s)) {
                (Ok(d), _) => Some(Lit::Date(d)),
                (_, Some(r)) => Some(Lit::Relative(r)),
                _ => bad(self, Expected::DateOrRelative),
            },
            (Ty::Date, _) => bad(self, Expected::Date),
            (Ty::Province, Scalar::Str(s)) => match data::find_province(s) {
                Some(p) => Some(Lit::Text(p.code.to_owned())),
                None => bad(self, Expected::Province),
            },
            (Ty::Province, _) => bad(self, Expected::Province),
            (Ty::Choice(c) | Ty::ChoiceList(c), Scalar::Str(s)) => {
                self.choice(c, s, loc).map(Lit::Text)
            }
            (Ty::Choice(_) | Ty::ChoiceList(_), _) => bad(self, Expected::Text),
        }
    }

    fn choice(&mut self, choices: Choices, s: &str, loc: &Location) -> Option<String> {
        if choices == Choices::DocumentKind {
            return Some(s.trim().to_owned());
        }
        match choices.canonical(s) {
            Some(key) => Some(key.to_owned()),
            None => {
                let suggestion = closest(s, choices.spellings().iter().copied()).map(str::to_owned);
                let value = s.to_owned();
                self.error(loc, Diag::NotAllowed { value, suggestion });
                None
            }
        }
    }

    fn strings_for(&mut self, ty: Ty, values: Vec<String>, loc: &Location) -> Vec<String> {
        match ty {
            Ty::Choice(c) | Ty::ChoiceList(c) => values
                .iter()
                .filter_map(|v| self.choice(c, v, loc))
                .collect(),
            _ => values,
        }
    }

    /// A regular expression of the file: checked now unless the file is
    /// built in (see [`Compiler::builtin`]).
    fn pattern(&self, source: &str) -> Result<Pattern, String> {
        if self.builtin {
            Ok(Pattern::trusted(source))
        } else {
            Pattern::new(source)
        }
    }

    /// A condition (a rule's `when` and `assert` are boxed: see
    /// [`BodyDef`](super::file::BodyDef)).
    pub fn cond<C: std::borrow::Borrow<CondDef>>(
        &mut self,
        def: &Spanned<C>,
        each: Each,
    ) -> Option<Cond> {
        let d: &CondDef = def.value.borrow();
        let loc = &def.referenced;
        let shapes = [
            d.all.is_some(),
            d.any.is_some(),
            d.not.is_some(),
            d.fact.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if shapes != 1 {
            self.error(loc, Diag::ConditionShape);
            return None;
        }
        if let Some(items) = &d.all {
            return Some(Cond::All(
                items.iter().filter_map(|c| self.cond(c, each)).collect(),
            ));
        }
        if let Some(items) = &d.any {
            return Some(Cond::Any(
                items.iter().filter_map(|c| self.cond(c, each)).collect(),
            ));
        }
        if let Some(inner) = &d.not {
            return self.cond(inner, each).map(|c| Cond::Not(Box::new(c)));
        }
        let name = d.fact.as_ref()?;
        let fact = self.fact(name, each)?;
        let ty = fact.ty();
        let mut ops: Vec<Op> = Vec::new();
        macro_rules! single {
            ($field:ident, $op:ident) => {
                if let Some(v) = &d.$field {
                    if let Some(l) = self.lit(ty, v) {
                        ops.push(Op::$op(l));
                    }
                }
            };
        }
        single!(eq, Eq);
        single!(ne, Ne);
        for (field, is_in) in [(&d.in_, true), (&d.not_in, false)] {
            if let Some(values) = field {
                let lits: Vec<Lit> = values.iter().filter_map(|v| self.lit(ty, v)).collect();
                ops.push(if is_in { Op::In(lits) } else { Op::NotIn(lits) });
            }
        }
        for (field, op) in [(&d.lt, 0), (&d.le, 1), (&d.gt, 2), (&d.ge, 3)] {
            if let Some(v) = field {
                if !matches!(ty, Ty::Int | Ty::Date) {
                    let name = name.value.clone();
                    self.error(&v.referenced, Diag::NotOrdered { name });
                    continue;
                }
                if let Some(l) = self.lit(ty, v) {
                    ops.push(match op {
                        0 => Op::Lt(l),
                        1 => Op::Le(l),
                        2 => Op::Gt(l),
                        _ => Op::Ge(l),
                    });
                }
            }
        }
        if let Some(v) = &d.contains {
            let values = self.strings_for(ty, v.clone().into_vec(), &name.referenced);
            ops.push(Op::Contains(values));
        }
        if let Some(v) = &d.starts_with {
            ops.push(Op::StartsWith(v.clone().into_vec()));
        }
        if let Some(v) = &d.ends_with {
            ops.push(Op::EndsWith(v.clone().into_vec()));
        }
        if let Some(pattern) = &d.matches {
            match self.pattern(&pattern.value) {
                Ok(re) => ops.push(Op::Matches(re)),
                Err(error) => self.error(&pattern.referenced, Diag::Regex { error }),
            }
        }
        if let Some(p) = d.present {
            ops.push(Op::Present(p));
        }
        if let Some(other) = &d.contains_fact {
            if let Some(o) = self.fact(other, each) {
                ops.push(Op::ContainsFact(o));
            }
        }
        for (field, eq) in [(&d.eq_fact, true), (&d.ne_fact, false)] {
            if let Some(other) = field {
                if let Some(o) = self.fact(other, each) {
                    ops.push(if eq { Op::EqFact(o) } else { Op::NeFact(o) });
                }
            }
        }
        if let Some(by) = &d.in_by {
            if let Some(key) = self.fact(&by.key, each) {
                let key_ty = key.ty();
                let mut table = HashMap::new();
                for (k, values) in &by.table {
                    let row_key = match key_ty {
                        Ty::Choice(c) => self.choice(c, k, &by.key.referenced),
                        Ty::Province => data::find_province(k).map(|p| p.code.to_owned()),
                        _ => Some(k.clone()),
                    };
                    let lits: Vec<Lit> = values
                        .iter()
                        .filter_map(|v| {
                            let spanned = Spanned {
                                value: v.clone(),
                                referenced: by.key.referenced,
                                defined: by.key.defined,
                            };
                            self.lit(ty, &spanned)
                        })
                        .collect();
                    if let Some(row_key) = row_key {
                        table.insert(row_key, lits);
                    }
                }
                ops.push(Op::InBy { key, table });
            }
        }
        match ops.len() {
            0 => {
                let name = name.value.clone();
                self.error(loc, Diag::TestsNothing { name });
                None
            }
            1 => ops.pop().map(|op| Cond::Test { fact, op }),
            _ => Some(Cond::All(
                ops.into_iter().map(|op| Cond::Test { fact, op }).collect(),
            )),
        }
    }

    fn date(&mut self, value: &Spanned<String>) -> Option<Date> {
        match value.value.trim().parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                let value_text = value.value.clone();
                self.error(&value.referenced, Diag::NotADate { value: value_text });
                None
            }
        }
    }

    fn scope(&mut self, def: &ScopeDef) -> Scope {
        let mut scope = Scope::default();
        if let Some(natures) = &def.natures {
            let mut out = Vec::new();
            for n in natures {
                if n.value.trim() == "unit" {
                    out.extend(
                        Nature::ALL
                            .iter()
                            .copied()
                            .filter(|n| *n != Nature::Personal),
                    );
                } else if let Some(v) = Nature::parse(&n.value) {
                    out.push(v);
                } else {
                    let value = n.value.clone();
                    self.error(&n.referenced, Diag::UnknownNature { value });
                }
            }
            scope.natures = Some(out);
        }
        if let Some(types) = &def.types {
            let mut out = Vec::new();
            for t in types {
                match FilingType::parse(&t.value) {
                    Some(v) => out.push(v),
                    None => {
                        let value = t.value.clone();
                        self.error(&t.referenced, Diag::UnknownFilingType { value })
                    }
                }
            }
            scope.types = Some(out);
        }
        if let Some(provinces) = &def.provinces {
            let mut out = Vec::new();
            for p in provinces {
                match data::find_province(&p.value) {
                    Some(v) => out.push(v),
                    None => {
                        let value = p.value.clone();
                        self.error(&p.referenced, Diag::UnknownProvince { value })
                    }
                }
            }
            scope.provinces = Some(out);
        }
        scope
    }

    /// Compiles one definition. `inherited_each` is the iteration of the rule
    /// this definition layers onto, for checking fact availability.
    pub fn body(&mut self, def: &BodyDef, inherited_each: Option<Each>) -> Fragment {
        let mut f = Fragment::default();
        if let Some(s) = &def.severity {
            match Severity::parse(s.value.trim()) {
                Some(sev) => f.severity = Some(sev),
                None => {
                    let value = s.value.clone();
                    self.error(&s.referenced, Diag::UnknownSeverity { value })
                }
            }
        }
        if let Some(e) = &def.each {
            match Each::parse(e.value.trim()) {
                Some(each) => f.each = Some(each),
                None => {
                    let value = e.value.clone();
                    self.error(&e.referenced, Diag::UnknownEach { value })
                }
            }
        }
        let each = f.each.or(inherited_each).unwrap_or_default();
        f.scope = def.scope.as_ref().map(|s| Arc::new(self.scope(s)));
        f.when = def
            .when
            .as_ref()
            .and_then(|c| self.cond(c, each))
            .map(Arc::new);
        f.at = def.at.as_ref().and_then(|a| self.fact(a, each));
        f.kind = self.kind(def, each).map(Arc::new);
        f.fix = def.fix.as_ref().and_then(|d| self.fix(d));
        f.summary = def.summary.clone().map(Arc::new);
        f.message = def.message.as_ref().map(|m| Arc::new(m.value.clone()));
        f.help = def.help.as_ref().map(|h| Arc::new(h.value.clone()));
        f.why = def.why.clone().map(Arc::new);
        f.conflict = def.conflict.clone().map(Arc::new);
        f.sources = def.source.as_deref().map(|s| match s {
            SourceRefDef::Key(k) => Arc::from(vec![SourceRef::Key(k.clone())]),
            SourceRefDef::Keys(ks) => ks.iter().map(|k| SourceRef::Key(k.clone())).collect(),
            SourceRefDef::Inline(def) => {
                let source = super::evidence::source(None, def.clone(), self.errors);
                Arc::from(vec![SourceRef::Inline(Arc::new(source))])
            }
        });
        if let Some(c) = &def.confidence {
            match Confidence::parse(c.value.trim()) {
                Some(confidence) => f.confidence = Some(confidence),
                None => {
                    let value = c.value.clone();
                    self.error(&c.referenced, Diag::UnknownConfidence { value })
                }
            }
        }
        f.severity_reason = def.severity_reason.clone().map(Arc::new);
        f.since = def.since.as_ref().and_then(|d| self.date(d));
        f.until = def.until.as_ref().and_then(|d| self.date(d));
        if let (Some(since), Some(until), Some(until_def)) = (f.since, f.until, &def.until) {
            if since > until {
                let diag = Diag::SinceAfterUntil {
                    since: since.to_string(),
                    until: until.to_string(),
                };
                self.error(&until_def.referenced, diag);
            }
        }
        f.examples = def.examples.as_ref().map(|e| {
            Arc::new(Examples {
                trips: e.trips.clone(),
                passes: e.passes.clone(),
            })
        });
        f
    }

    fn kind(&mut self, def: &BodyDef, each: Each) -> Option<Kind> {
        if KindName::ALL.iter().filter(|k| gives(def, **k)).count() > 1 {
            if let Some(id) = &def.id {
                self.error(&id.referenced, Diag::SeveralKinds);
            }
            return None;
        }
        if let Some(c) = &def.assert {
            return self.cond(c, each).map(Kind::Assert);
        }
        if let Some(fields) = &def.require {
            let facts: Vec<Fact> = fields.iter().filter_map(|f| self.fact(f, each)).collect();
            return Some(Kind::Require(facts));
        }
        if let Some(fields) = &def.forbid {
            let facts: Vec<Fact> = fields.iter().filter_map(|f| self.fact(f, each)).collect();
            return Some(Kind::Forbid(facts));
        }
        if let Some(n) = &def.note {
            let field = self.typed_fact(&n.field, each, &[Ty::Text], "note")?;
            return Some(Kind::Note {
                field,
                phrases: n
                    .contains
                    .clone()
                    .map(OneOrMany::into_vec)
                    .unwrap_or_default(),
                all_phrases: n
                    .contains_all
                    .clone()
                    .map(OneOrMany::into_vec)
                    .unwrap_or_default(),
                min_chars: n.min_chars,
            });
        }
        if let Some(w) = &def.words {
            let field = self.typed_fact(&w.field, each, &[Ty::Text], "words")?;
            let unless = match &w.unless {
                Some(u) => Some(self.typed_fact(
                    u,
                    each,
                    &[Ty::TextList, Ty::ChoiceList(Choices::Preapproval)],
                    "words.unless",
                )?),
                None => None,
            };
            let mode = match w.r#match.as_ref().map(|m| m.value.trim()) {
                None | Some("contains") => Match::Contains,
                Some("prefix") => Match::Prefix,
                Some("exact") => Match::Exact,
                Some(other) => {
                    let loc = w
                        .r#match
                        .as_ref()
                        .map(|m| m.referenced)
                        .unwrap_or(w.field.referenced);
                    let value = other.to_owned();
                    self.error(&loc, Diag::UnknownMatch { value });
                    Match::Contains
                }
            };
            let words = match (&w.list, &w.list_ref) {
                (Some(WordList::Plain(words)), None) => {
                    Words::Plain(Arc::new(WordSet::new(words.iter().cloned())))
                }
                (Some(WordList::Mapped(map)), None) => {
                    let ty = unless.map_or(Ty::TextList, Fact::ty);
                    let mut pairs = Vec::new();
                    for (word, key) in map {
                        let keys = self.strings_for(ty, vec![key.clone()], &w.field.referenced);
                        if let Some(k) = keys.into_iter().next() {
                            pairs.push((word.clone(), k));
                        }
                    }
                    // Empty words are dropped here, with their keys, so the
                    // word set's indexes stay aligned with `keys`.
                    let (words, keys): (Vec<String>, Vec<String>) = pairs
                        .into_iter()
                        .filter(|(w, _)| !w.trim().is_empty())
                        .unzip();
                    Words::Mapped(Arc::new(WordSet::new(words)), keys)
                }
                (None, Some(name)) => Words::Named(name.value.clone()),
                _ => {
                    self.error(&w.field.referenced, Diag::WordsWithoutList);
                    return None;
                }
            };
            return Some(Kind::Words {
                field,
                words,
                mode,
                unless,
            });
        }
        if let Some(l) = &def.limit {
            let fact = self.typed_fact(&l.fact, each, &[Ty::Int], "limit")?;
            if l.min.is_none() && l.max.is_none() {
                self.error(&l.fact.referenced, Diag::LimitWithoutBound);
            }
            return Some(Kind::Limit {
                fact,
                min: l.min,
                max: l.max,
            });
        }
        if let Some(c) = &def.check {
            return self.check(c, each);
        }
        if let Some(d) = &def.document {
            let owner = match &d.owner {
                Some(o) => match DocOwner::parse(o.value.trim()) {
                    Some(owner) if owner.available_in(each) => Some(owner),
                    Some(_) => {
                        let owner = o.value.clone();
                        self.error(&o.referenced, Diag::OwnerUnavailable { owner });
                        None
                    }
                    None => {
                        let owner = o.value.clone();
                        self.error(&o.referenced, Diag::UnknownOwner { owner });
                        None
                    }
                },
                None => None,
            };
            let mut kinds = d
                .kind
                .value
                .clone()
                .into_vec()
                .into_iter()
                .map(|k| k.trim().to_owned());
            let Some(kind) = kinds.next() else {
                self.error(&d.kind.referenced, Diag::EmptyDocumentKinds);
                return None;
            };
            return Some(Kind::Document {
                kind,
                alternatives: kinds.collect(),
                owner,
                count: d.count.unwrap_or(1),
                per_domain: d.per_domain.unwrap_or(false),
            });
        }
        if def.load == Some(true) {
            return Some(Kind::Load);
        }
        if def.step == Some(true) {
            return Some(Kind::Step);
        }
        if let Some(a) = &def.across {
            let Some(across) = Across::parse(a.value.trim()) else {
                let value = a.value.clone();
                self.error(&a.referenced, Diag::UnknownAcross { value });
                return None;
            };
            return Some(Kind::Across(across));
        }
        if let Some(c) = &def.change {
            return self.change(c);
        }
        None
    }

    /// `fix:`: a fix of [`Fix::NAMES`], with the parameters it takes.
    fn fix(&mut self, def: &Spanned<FixDef>) -> Option<Fix> {
        let (name, mobile) = match &def.value {
            FixDef::Name(name) => (name, None),
            FixDef::Table(t) => (&t.name, t.mobile),
        };
        let Some(fix) = Fix::parse(name.trim()) else {
            let suggestion = closest(name, Fix::NAMES).map(str::to_owned);
            let name = name.clone();
            self.error(&def.referenced, Diag::UnknownFix { name, suggestion });
            return None;
        };
        match (fix, mobile) {
            (Fix::Phone { .. }, Some(mobile)) => Some(Fix::Phone { mobile }),
            (_, None) => Some(fix),
            (fix, Some(_)) => {
                self.error(
                    &def.referenced,
                    Diag::FixParameter {
                        fix: fix.name(),
                        param: "mobile",
                    },
                );
                None
            }
        }
    }

    fn change(&mut self, c: &super::file::ChangeDef) -> Option<Kind> {
        let mut ok = true;
        let mut pick = |value: Option<&Spanned<String>>,
                        allowed: &[&'static str],
                        default: &'static str,
                        key: &'static str|
         -> &'static str {
            let Some(v) = value else {
                return default;
            };
            match allowed.iter().find(|a| **a == v.value.trim()) {
                Some(a) => a,
                None => {
                    ok = false;
                    let value = format!("{key}: {}", v.value);
                    self.errors.push(RuleError::new(
                        byte_span(&v.referenced),
                        Diag::UnknownAcross { value },
                    ));
                    default
                }
            }
        };
        let on = pick(c.on.as_ref(), &Change::ON, "any", "on");
        let filing = pick(Some(&c.filing), &Change::FILINGS, "new-filing", "filing");
        let sms = pick(c.sms.as_ref(), &Change::SMS, "unknown", "sms");
        let online = pick(c.online.as_ref(), &Change::ONLINE, "unknown", "online");
        ok.then(|| {
            Kind::Change(Arc::new(Change {
                fields: c.fields.iter().map(|f| f.value.trim().to_owned()).collect(),
                on,
                filing,
                documents: c
                    .documents
                    .iter()
                    .map(|d| d.value.trim().to_owned())
                    .collect(),
                sms,
                online,
            }))
        })
    }

    fn check(&mut self, c: &CheckDef, each: Each) -> Option<Kind> {
        let Some(algorithm) = Algorithm::parse(c.algorithm.value.trim()) else {
            let names = Algorithm::ALL.iter().map(|(n, _)| *n);
            let suggestion = closest(&c.algorithm.value, names).map(str::to_owned);
            let name = c.algorithm.value.clone();
            self.error(
                &c.algorithm.referenced,
                Diag::UnknownAlgorithm { name, suggestion },
            );
            return None;
        };
        let mut fields = Vec::new();
        for f in c.field.iter().chain(c.fields.iter().flatten()) {
            if let Some(fact) = self.typed_fact(f, each, &[Ty::Text], "check") {
                fields.push(fact);
            }
        }
        if fields.is_empty() {
            self.error(&c.algorithm.referenced, Diag::CheckWithoutField);
        }
        let report = c.report.as_ref().map(|outcomes| {
            outcomes
                .iter()
                .filter_map(|o| {
                    let found = algorithm.outcome(o.value.trim());
                    if found.is_none() {
                        let outcome = o.value.clone();
                        self.error(&o.referenced, Diag::UnknownOutcome { algorithm, outcome });
                    }
                    found
                })
                .collect()
        });
        let mut lists = Vec::new();
        for (param, default) in algorithm.lists() {
            let name = c
                .lists
                .get(*param)
                .map_or((*default).to_owned(), |n| n.value.trim().to_owned());
            lists.push((*param, name));
        }
        for (param, name) in &c.lists {
            if !algorithm.lists().iter().any(|(p, _)| p == param) {
                let param = param.clone();
                self.error(
                    &name.referenced,
                    Diag::UnknownListParam { algorithm, param },
                );
            }
        }
        let pattern = match (&c.pattern, algorithm) {
            (Some(p), Algorithm::Pattern) => match self.pattern(&p.value) {
                Ok(re) => Some(re),
                Err(error) => {
                    self.error(&p.referenced, Diag::Regex { error });
                    None
                }
            },
            (None, Algorithm::Pattern) => {
                self.error(&c.algorithm.referenced, Diag::PatternMissing);
                None
            }
            (Some(p), _) => {
                self.error(&p.referenced, Diag::PatternNotAllowed);
                None
            }
            (None, _) => None,
        };
        // FNV-1a over the list names: stable, and enough to tell lists apart.
        let lists_key = lists
            .iter()
            .flat_map(|(p, n)| p.bytes().chain([b'=']).chain(n.bytes()).chain([b';']))
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        Some(Kind::Check {
            algorithm,
            fields,
            report,
            lists,
            lists_key,
            pattern,
        })
    }
}
