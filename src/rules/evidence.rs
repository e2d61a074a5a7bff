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
        key: key.map(str::to_owned),
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
        _ if form.kind == KindName::Change => Basis::Change,
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
        let mut keys: Vec<&String> = self.sources.keys().collect();
        keys.sort();
        for key in keys {
            let (file, s) = &self.sources[key];
            if s.kind.is_none() {
                push(
                    file,
                    Diag::SourceWithoutKind {
                        source: key.clone(),
                    },
                );
            }
            let evidence = matches!(s.kind, Some(SourceKind::Provider | SourceKind::ThirdParty));
            let dated = s.date.is_some() || s.not_before.is_some() || s.not_after.is_some();
            if evidence && !dated && !s.current {
                push(
                    file,
                    Diag::SourceUndated {
                        source: key.clone(),
                    },
                );
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
                    // Reported against the last file that changed the rule.
                    let file = v
                        .meta
                        .overrides
                        .last()
                        .map_or(&v.meta.origin.file, |o| &o.file);
                    // A national rule is judged once, in the national view.
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
                providers: meta
                    .evidence
                    .providers
                    .iter()
                    .map(|p| p.to_string())
                    .collect(),
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
    let conflicted = meta.conflict.is_some() || tagged_x;
    if conflicted && meta.severity == Severity::Error {
        out.push(Diag::ConflictIsError {
            id: id.clone(),
            province,
            dates: dates.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RuleSet, RuleText, RulesError};

    fn source(kind: SourceKind, providers: &[&str], date: Option<&str>) -> Arc<Source> {
        Arc::new(Source {
            title: "t".into(),
            date: date.map(str::to_owned),
            kind: Some(kind),
            providers: providers.iter().map(|p| Arc::from(*p)).collect(),
            ..Source::default()
        })
    }

    fn provider(p: &str, date: &str) -> Arc<Source> {
        source(SourceKind::Provider, &[p], Some(date))
    }

    /// The evidence of an `assert` rule at `severity` on `sources`.
    fn of(sources: &[Arc<Source>], confidence: Option<Confidence>) -> Evidence {
        evidence(&Form {
            kind: KindName::Assert,
            severity: Severity::Error,
            sources,
            confidence,
            conflict: false,
            until: None,
        })
    }

    #[test]
    fn a_regulation_or_two_providers_make_an_error() {
        let regulation = of(
            &[source(SourceKind::Regulation, &[], Some("2019-04-21"))],
            None,
        );
        assert_eq!(regulation.basis, Basis::Regulation);
        assert_eq!(regulation.default_severity(), Some(Severity::Error));
        let two = of(
            &[provider("qingcloud", "2020-08"), provider("huawei", "2025")],
            None,
        );
        assert_eq!(two.basis, Basis::Corroborated);
        assert_eq!(two.default_severity(), Some(Severity::Error));
        assert_eq!(two.providers.len(), 2);
    }

    #[test]
    fn one_provider_is_a_warning_however_many_of_its_documents() {
        let one = of(
            &[
                provider("tencent", "2020"),
                provider("tencent", "2023-12-08"),
            ],
            None,
        );
        assert_eq!(one.basis, Basis::SingleSource);
        assert_eq!(one.default_severity(), Some(Severity::Warning));
        // A page bundling two providers' notices counts both.
        let bundle = of(
            &[source(
                SourceKind::Provider,
                &["huawei", "qingcloud"],
                Some("2020"),
            )],
            None,
        );
        assert_eq!(bundle.basis, Basis::Corroborated);
    }

    #[test]
    fn only_old_documents_make_a_stale_warning_unless_the_rule_ended_by_2019() {
        let sources = [
            provider("tencent", "2017-06-05"),
            provider("alibaba", "2018"),
        ];
        let old = of(&sources, None);
        assert_eq!(old.basis, Basis::OldSources);
        assert!(old.stale);
        assert_eq!(old.default_severity(), Some(Severity::Warning));
        // One recent document of either provider is enough.
        let recent = of(
            &[
                provider("tencent", "2017-06-05"),
                provider("alibaba", "2022-05-10"),
            ],
            None,
        );
        assert_eq!(recent.basis, Basis::Corroborated);
        // A form that ended by 2019-01-01 is judged by the documents of its time.
        let ended = evidence(&Form {
            until: Date::new(2018, 6, 1).ok(),
            ..Form {
                kind: KindName::Assert,
                severity: Severity::Error,
                sources: &sources,
                confidence: None,
                conflict: false,
                until: None,
            }
        });
        assert_eq!(ended.basis, Basis::Corroborated);
        assert!(!ended.stale);
    }

    #[test]
    fn an_undated_current_page_or_an_inferred_floor_is_not_old() {
        let mut current = (*provider("tencent", "2017")).clone();
        current.current = true;
        assert!(!current.old());
        let floor = Source {
            not_before: Some("2017".into()),
            ..Source::default()
        };
        assert!(!floor.old(), "a floor says nothing of the latest date");
        let ceiling = Source {
            not_after: Some("2017-06-05".into()),
            ..Source::default()
        };
        assert!(ceiling.old());
    }

    #[test]
    fn the_file_may_claim_less_but_not_more() {
        let sources = [
            provider("qingcloud", "2020-08"),
            provider("tencent", "2020"),
        ];
        let less = of(&sources, Some(Confidence::Confirmed));
        assert_eq!(less.basis, Basis::SingleSource);
        let more = of(
            &[provider("tencent", "2020")],
            Some(Confidence::Corroborated),
        );
        assert_eq!(
            more.basis,
            Basis::SingleSource,
            "a claim of more counts for what the sources give"
        );
        let regulation = [source(SourceKind::Regulation, &[], None)];
        assert_eq!(
            of(&regulation, Some(Confidence::Confirmed)).basis,
            Basis::SingleSource
        );
        assert_eq!(
            of(&sources, Some(Confidence::Inferred)).basis,
            Basis::Inferred
        );
    }

    #[test]
    fn a_conflict_is_a_warning() {
        let sources = [provider("qingcloud", "2020-08"), provider("jd", "2020")];
        assert_eq!(
            of(&sources, Some(Confidence::Conflict)).basis,
            Basis::Conflict
        );
        let text = evidence(&Form {
            kind: KindName::Assert,
            severity: Severity::Error,
            sources: &sources,
            confidence: None,
            conflict: true,
            until: None,
        });
        assert_eq!(text.basis, Basis::Conflict);
        assert_eq!(text.default_severity(), Some(Severity::Warning));
    }

    #[test]
    fn third_parties_only_infer_and_unknown_providers_count_once() {
        let third = of(
            &[source(SourceKind::ThirdParty, &[], Some("2022-06-07"))],
            None,
        );
        assert_eq!(third.basis, Basis::Inferred);
        // Sources that say nothing about themselves are one unknown provider.
        let anonymous = Arc::new(Source {
            title: "a".into(),
            ..Source::default()
        });
        let two = of(&[anonymous.clone(), anonymous], None);
        assert_eq!(two.basis, Basis::SingleSource);
    }

    #[test]
    fn some_classes_have_no_evidence_default() {
        let sources = [provider("tencent", "2020")];
        let form = |kind, severity| {
            evidence(&Form {
                kind,
                severity,
                sources: &sources,
                confidence: None,
                conflict: false,
                until: None,
            })
        };
        assert_eq!(form(KindName::Load, Severity::Error).basis, Basis::Load);
        assert_eq!(form(KindName::Step, Severity::Info).basis, Basis::Step);
        assert_eq!(form(KindName::Assert, Severity::Off).basis, Basis::Off);
        for basis in [Basis::Load, Basis::Step, Basis::Off, Basis::Format] {
            assert_eq!(basis.default_severity(), None);
        }
        let document = form(KindName::Document, Severity::Warning);
        assert_eq!(document.basis, Basis::Document);
        assert_eq!(document.default_severity(), Some(Severity::Warning));
        let product = [
            source(SourceKind::Product, &[], None),
            provider("tencent", "2020"),
        ];
        let format = evidence(&Form {
            kind: KindName::Require,
            severity: Severity::Error,
            sources: &product,
            confidence: None,
            conflict: false,
            until: None,
        });
        assert_eq!(format.basis, Basis::Format);
    }

    #[test]
    fn dates_of_sources() {
        for ok in ["2018", "2018-08", "2018-08-15", "2024-02-29"] {
            assert!(partial_date(ok), "{ok}");
        }
        for bad in [
            "18",
            "2018-8",
            "2018-13",
            "2023-02-29",
            "2018-08-15T00",
            "c. 2018",
            "",
        ] {
            assert!(!partial_date(bad), "{bad}");
        }
    }

    /// The diagnostics of rule files loaded over the national file.
    fn problems(file: &str) -> Vec<String> {
        let mut texts: Vec<RuleText> = crate::rules::builtin_texts()
            .into_iter()
            .filter(|t| t.name.ends_with("national.yaml"))
            .collect();
        texts.push(RuleText {
            name: "house.yaml".into(),
            text: file.to_owned().into(),
            json: None,
        });
        match RuleSet::from_texts(texts) {
            Ok(_) => Vec::new(),
            Err(RulesError::Invalid(failures)) => failures
                .iter()
                .flat_map(|f| f.errors.iter().map(|e| e.text().en))
                .collect(),
            Err(RulesError::Io { message, .. }) => vec![message.en],
        }
    }

    #[test]
    fn sources_are_checked_when_files_load() {
        let found = problems(
            "sources:\n  A: { title: a, kind: blog }\n  B: { title: b, date: \"2018-13\" }\n  \
             C: { title: c, date: \"2020\", not_before: \"2019\" }\n  D: { title: d, kind: provider }\n  \
             E: { title: e, provider: tencnet }\n",
        );
        let expected = [
            "source A: unknown kind blog",
            "source B: date 2018-13 is not a date",
            "source C: a dated document takes no not_before / not_after",
            "source D is a provider's document: name the provider",
            "source E: provider tencnet is not declared under providers (did you mean tencent?)",
        ];
        for e in expected {
            assert!(
                found.iter().any(|f| f.starts_with(e)),
                "{e:?} not in {found:?}"
            );
        }
        assert_eq!(found.len(), expected.len(), "{found:?}");
        // A provider the file declares itself is known.
        let declared = "providers:\n  house: { zh: 本公司, en: our agency }\n\
                        sources:\n  H: { title: h, provider: house, date: \"2026\" }\n";
        assert_eq!(problems(declared), Vec::<String>::new());
    }

    /// What the evidence check finds in the national file and one more.
    fn policy(file: &str) -> Vec<String> {
        let mut texts: Vec<RuleText> = crate::rules::builtin_texts()
            .into_iter()
            .filter(|t| t.name.ends_with("national.yaml"))
            .collect();
        texts.push(RuleText {
            name: "house.yaml".into(),
            text: file.to_owned().into(),
            json: None,
        });
        let rules = RuleSet::from_texts(texts).unwrap();
        rules
            .evidence_problems()
            .iter()
            .map(|(file, e)| format!("{file}: {}", e.text().en))
            .collect()
    }

    #[test]
    fn the_evidence_check_finds_what_departs_from_the_policy() {
        assert_eq!(policy("version: 1\n"), Vec::<String>::new());
        // One provider's rule made an error without a word of why.
        let found = policy("rules:\n  - id: phone-area-mismatch\n    severity: error\n");
        assert_eq!(
            found,
            [
                "house.yaml: rule phone-area-mismatch is error but its evidence (only one provider states it) makes it warning by default: make it warning, or say why in severity_reason"
            ]
        );
        // With a reason it passes; a reason where the default holds does not.
        let reasoned = "rules:\n  - id: phone-area-mismatch\n    severity: error\n    \
                        severity_reason: { zh: 本机构的经验, en: our experience }\n";
        assert_eq!(policy(reasoned), Vec::<String>::new());
        let idle = "rules:\n  - id: phone-area-mismatch\n    \
                    severity_reason: { zh: 无, en: none }\n";
        assert_eq!(policy(idle).len(), 1, "{:?}", policy(idle));
        assert!(policy(idle)[0].ends_with("drop severity_reason"));
        // A claim the sources do not give, and X without its two sides.
        let claims = "rules:\n  - id: phone-area-mismatch\n    confidence: C+\n  \
                      - id: address-house-number\n    confidence: X\n";
        let found = policy(claims);
        assert!(
            found.iter().any(|f| f.contains(
                "phone-area-mismatch is tagged C+ but its sources come from tencent only"
            )),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.contains("address-house-number is tagged X but states no conflict")),
            "{found:?}"
        );
        // A conflict is never an error, reason or not.
        let conflict = "rules:\n  - id: office-phone-mobile\n    severity: error\n    \
                        severity_reason: { zh: 无, en: none }\n";
        let found = policy(conflict);
        assert!(
            found
                .iter()
                .any(|f| f.contains("rests on conflicting sources and cannot be an error")),
            "{found:?}"
        );
        // A provider's document with no date at all.
        let undated = "sources:\n  U: { title: u, provider: tencent }\n";
        assert_eq!(
            policy(undated),
            [
                "house.yaml: source U has no date: give date, an inferred not_before / not_after, or current: true (an undated page still published)"
            ]
        );
    }

    #[test]
    fn confidence_is_a_vocabulary() {
        let found = problems(
            "rules:\n  - id: x-a\n    severity: warning\n    confidence: \"C, 2017\"\n    \
             require: [subject.name]\n    message: { zh: a, en: a }\n    help: { zh: a, en: a }\n    \
             source: { title: t, date: \"2026-01-01\" }\n",
        );
        assert_eq!(found, ["unknown confidence C, 2017 (C+, C, I, X)"]);
    }
}
