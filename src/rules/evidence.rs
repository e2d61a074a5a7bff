//! Severity follows evidence: the default severity of each rule, worked out
//! from what kind of rule it is, the confidence its file gives it, whether
//! its sources conflict, and who its sources are and when they wrote.
//!
//! The policy, in the words of the reference sheets: a rule confirmed by
//! several independent providers, or by a regulation, is an **error**; a
//! rule resting on a single source, or only on documents from 2018 or
//! earlier, is a **warning**; where sources conflict the rule is a warning
//! that states both sides. Some classes of rule have no evidence default:
//! the loader's rules, steps, rules switched off and the rules of the
//! filing format itself (they cite `icp`'s documentation, a `product`
//! source) are what their file says; a document to provide is a warning,
//! so that a filing can be committed before its scans arrive.
//!
//! A built-in rule whose severity is not its default says why in
//! `severity_reason`; [`RuleSet::evidence_problems`] finds those that do
//! not (the catalog test runs it: resolving every province's rules is more
//! than start-up should do). An agency's rule files and `icp.toml` set
//! severities freely.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::RuleSet;
use super::diag::{Diag, RuleError};
use super::file::{OneOrMany, SourceDef};
use super::view::Variant;
use crate::finding::{
    Basis, Confidence, Evidence, KindName, OLD_UNTIL_YEAR, Severity, Source, SourceKind,
};
use crate::lang::Text;

/// Whether `s` is a date as sources give it: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`, a real one.
pub fn partial_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => number(y, 4),
        [y, m] => number(y, 4) && number(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => number(y, 4) && number(m, 2) && number(d, 2) && s.parse::<Date>().is_ok(),
        _ => false,
    }
}

/// A source as its file writes it, checked: its kind is known, its dates
/// are dates, and an undated one's bounds are in order. `key` names it in
/// what is reported (`None` for a source written in a rule).
pub fn source(key: Option<&str>, def: SourceDef, errors: &mut Vec<RuleError>) -> Source {
    let name = || key.unwrap_or(def.title.as_str()).to_owned();
    let mut report = |diag: Diag| errors.push(RuleError::new(None, diag));
    let mut kind = def.kind.as_deref().and_then(|k| {
        let kind = SourceKind::parse(k.trim());
        if kind.is_none() {
            report(Diag::UnknownSourceKind {
                source: name(),
                value: k.to_owned(),
            });
        }
        kind
    });
    let dated = |field: &'static str, value: &Option<String>, report: &mut dyn FnMut(Diag)| {
        let value = value.as_deref()?.trim().to_owned();
        if partial_date(&value) {
            Some(value)
        } else {
            report(Diag::SourceDate {
                source: name(),
                field,
                value,
            });
            None
        }
    };
    let date = dated("date", &def.date, &mut report);
    let not_before = dated("not_before", &def.not_before, &mut report);
    let not_after = dated("not_after", &def.not_after, &mut report);
    let bounds_in_order = match (&not_before, &not_after) {
        // Partial dates of equal length compare as text.
        (Some(a), Some(b)) => a[..4] <= b[..4] && (a.len() != b.len() || a <= b),
        _ => true,
    };
    if (date.is_some() && (not_before.is_some() || not_after.is_some())) || !bounds_in_order {
        report(Diag::SourceBounds { source: name() });
    }
    let providers: Vec<Arc<str>> = def
        .provider
        .map(OneOrMany::into_vec)
        .unwrap_or_default()
        .iter()
        .map(|p| Arc::from(p.trim()))
        .collect();
    // A provider's document is the default kind of a source that names
    // its provider.
    if def.kind.is_none() && !providers.is_empty() {
        kind = Some(SourceKind::Provider);
    }
    if providers.is_empty() && kind == Some(SourceKind::Provider) {
        report(Diag::SourceWithoutProvider { source: name() });
    }
    Source {
        title: def.title,
        url: def.url,
        date,
        not_before,
        not_after,
        current: def.current.unwrap_or(false),
        checked: def.checked,
        kind,
        providers,
    }
}

/// A variant that ended by the first day of 2019 is judged by the documents
/// of its own time: old documents count against a rule in force after that.
fn old_counts(until: Option<Date>) -> bool {
    until.is_none_or(|u| u > Date::new(OLD_UNTIL_YEAR + 1, 1, 1).unwrap_or(Date::MAX))
}

/// What the sources alone establish: a regulation (or standard, or
/// authoritative data set) says so, or how many independent providers, or
/// only third parties. An undeclared kind counts as a provider, and the
/// providers of sources that name none as one unknown provider.
fn computed(sources: &[Arc<Source>]) -> (Option<Confidence>, bool, Vec<Arc<str>>) {
    let authoritative = sources
        .iter()
        .any(|s| s.kind.is_some_and(SourceKind::authoritative));
    let mut providers: Vec<Arc<str>> = Vec::new();
    let mut third_party = false;
    for s in sources {
        match s.kind {
            Some(SourceKind::ThirdParty) => third_party = true,
            Some(SourceKind::Provider) | None => {
                if s.providers.is_empty() {
                    providers.push(Arc::from("?"));
                }
                providers.extend(s.providers.iter().cloned());
            }
            _ => {}
        }
    }
    providers.sort();
    providers.dedup();
    let level = match providers.len() {
        _ if authoritative => None,
        0 if third_party => Some(Confidence::Inferred),
        0 => None,
        1 => Some(Confidence::Confirmed),
        _ => Some(Confidence::Corroborated),
    };
    (level, authoritative, providers)
}

/// The facts of one form of a rule that decide its default severity.
pub struct Form<'a> {
    /// Its kind.
    pub kind: KindName,
    /// Its severity as the rule files set it.
    pub severity: Severity,
    /// Its sources.
    pub sources: &'a [Arc<Source>],
    /// The confidence its file gives it.
    pub confidence: Option<Confidence>,
    /// Whether it records a conflict between sources.
    pub conflict: bool,
    /// The end of its force.
    pub until: Option<Date>,
}

/// The default severity of a form of a rule, and what it rests on.
pub fn evidence(form: &Form<'_>) -> Evidence {
    let (level, authoritative, providers) = computed(form.sources);
    let evidence_sources = form.sources.iter().filter(|s| {
        matches!(
            s.kind,
            Some(SourceKind::Provider | SourceKind::ThirdParty) | None
        )
    });
    let stale = !authoritative
        && old_counts(form.until)
        && evidence_sources.clone().next().is_some()
        && evidence_sources.clone().all(|s| s.old());
    let product = form
        .sources
        .iter()
        .any(|s| s.kind == Some(SourceKind::Product));
    let basis = match () {
        _ if form.kind == KindName::Load => Basis::Load,
        _ if form.kind == KindName::Step => Basis::Step,
        _ if form.severity == Severity::Off => Basis::Off,
        _ if product => Basis::Format,
        _ if form.kind == KindName::Document => Basis::Document,
        _ if form.conflict || form.confidence == Some(Confidence::Conflict) => Basis::Conflict,
        _ if form.confidence == Some(Confidence::Inferred) => Basis::Inferred,
        // A file may claim less than its sources give (`C`: only one of
        // them states this form of the rule), never more: a claim of more
        // counts for what the sources give (and `evidence_problems`
        // reports it).
        _ if authoritative && form.confidence != Some(Confidence::Confirmed) => Basis::Regulation,
        _ if stale => Basis::OldSources,
        _ => {
            let effective = match (form.confidence, level) {
                (Some(Confidence::Confirmed), Some(l)) => Some(l.min(Confidence::Confirmed)),
                (Some(Confidence::Confirmed), None) => Some(Confidence::Confirmed),
                _ => level,
            };
            match effective {
                Some(Confidence::Corroborated) => Basis::Corroborated,
                Some(Confidence::Confirmed) => Basis::SingleSource,
                _ => Basis::Inferred,
            }
        }
    };
    Evidence {
        basis,
        providers,
        stale,
    }
}

impl RuleSet {
    /// The names of the providers, as the rule files declare them.
    pub fn provider_name(&self, key: &str) -> Option<&Text> {
        self.providers.get(key)
    }

    /// What the evidence policy finds wrong with the rules, by the file that
    /// defined each: a severity other than the default without a written
    /// reason (or a reason where there is none to give), a confidence the
    /// sources do not give, a conflict not tagged `X`, and sources that do
    /// not say what the policy needs (their kind, provider and date).
    ///
    /// The built-in rules pass (the catalog test checks); an agency's own
    /// files need not, which is why loading does not run it.
    pub fn evidence_problems(&self) -> Vec<(Arc<str>, RuleError)> {
        let mut out: Vec<(Arc<str>, RuleError)> = Vec::new();
        let mut push = |file: &Arc<str>, diag: Diag| {
            let error = RuleError::new(None, diag);
            if !out.iter().any(|(f, e)| f == file && *e == error) {
                out.push((file.clone(), error));
            }
        };
        let mut keys: Vec<(&String, &(Arc<str>, Arc<Source>))> = self.sources.iter().collect();
        keys.sort_by_key(|(k, _)| *k);
        for (key, (file, s)) in keys {
            if s.kind.is_none() {
                push(&file, Diag::SourceWithoutKind { source: key.clone() });
            }
            let evidence = matches!(s.kind, Some(SourceKind::Provider | SourceKind::ThirdParty));
            let dated = s.date.is_some() || s.not_before.is_some() || s.not_after.is_some();
            if evidence && !dated && !s.current {
                push(&file, Diag::SourceUndated { source: key.clone() });
            }
        }
        let views = std::iter::once(None).chain(
            crate::data::provinces()
                .iter()
                .filter(|p| p.mainland)
                .map(Some),
        );
        for province in views {
            let view = self.view(province);
            for resolved in &view.rules {
                for v in &resolved.variants {
                    // A national rule is judged once, in the national view.
                    let file = v
                        .meta
                        .overrides
                        .iter()
                        .rev()
                        .find(|o| o.province.is_some())
                        .map_or(&v.meta.origin.file, |o| &o.file);
                    if province.is_some() && v.meta.changed_by_province().is_none() {
                        continue;
                    }
                    for diag in variant_problems(v) {
                        push(file, diag);
                    }
                }
            }
        }
        out
    }
}

/// What is wrong with one form of a rule.
fn variant_problems(v: &Variant) -> Vec<Diag> {
    let meta = &v.meta;
    let mut out = Vec::new();
    let id = meta.id.to_string();
    let province = meta.changed_by_province().map(|p| p.code);
    let dates = match (v.since, v.until) {
        (None, None) => String::new(),
        (s, u) => format!(
            "{}..{}",
            s.map(|d| d.to_string()).unwrap_or_default(),
            u.map(|d| d.to_string()).unwrap_or_default()
        ),
    };
    let (level, _, _) = computed(&meta.sources);
    let authoritative = meta
        .sources
        .iter()
        .any(|s| s.kind.is_some_and(SourceKind::authoritative));
    if let Some(claimed) = meta.confidence {
        let over = match claimed {
            Confidence::Corroborated => !authoritative && level != Some(Confidence::Corroborated),
            Confidence::Confirmed => !authoritative && level.is_none_or(|l| l < claimed),
            _ => false,
        };
        if over {
            out.push(Diag::ConfidenceOverclaim {
                id: id.clone(),
                province,
                claimed: claimed.tag(),
                providers: meta.evidence.providers.iter().map(|p| p.to_string()).collect(),
            });
        }
    }
    let tagged_x = meta.confidence == Some(Confidence::Conflict);
    if tagged_x != meta.conflict.is_some() && meta.evidence.basis != Basis::Off {
        out.push(Diag::ConflictTag {
            id: id.clone(),
            province,
            tagged_x,
        });
    }
    let default = meta.evidence.default_severity();
    match (default, &meta.severity_reason) {
        (Some(d), None) if d != meta.severity => out.push(Diag::SeverityWithoutReason {
            id,
            province,
            dates,
            severity: meta.severity,
            default: d,
            basis: meta.evidence.basis,
        }),
        (d, Some(_)) if d.is_none_or(|d| d == meta.severity) => {
            out.push(Diag::ReasonWithoutDeviation {
                id,
                province,
                dates,
                severity: meta.severity,
            })
        }
        _ => {}
    }
    out
}

/// Severities an agency sets for a whole class of evidence
/// (`[severity.evidence]` of `icp.toml`).
pub(super) type ClassSeverities = HashMap<Basis, (Severity, crate::finding::Origin)>;
