//! Views: the rules as they apply to filings of one province, each rule
//! resolved into its dated variants, and the plans that say which variants
//! run on a filing.
//!
//! A view is resolved the first time a filing of its province is checked
//! and shared by every later one; a plan (the variants for one as-of date,
//! nature and filing type) is worked out once per view and kind of filing.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::RuleSet;
use super::builtin::slot;
use super::compile::{Examples, Fragment, Kind, Scope, SourceRef};
use super::condition::Cond;
use super::evidence;
use super::layer::Entry;
use crate::data::Province;
use crate::facts::{Each, Fact};
use crate::finding::{Origin, RuleMeta, Severity};
use crate::lang::Text;

/// A rule as it applies to filings of one province, in one date range: what
/// reports see of it ([`RuleMeta`], shared with its findings) and what runs.
#[derive(Debug)]
pub struct Variant {
    /// Id, severity, texts, sources, origin.
    pub meta: Arc<RuleMeta>,
    /// Which filings it applies to.
    pub scope: Arc<Scope>,
    /// What it iterates over.
    pub each: Each,
    /// A further condition.
    pub when: Option<Arc<Cond>>,
    /// What it checks.
    pub kind: Arc<Kind>,
    /// Where its findings point, when the rule says.
    pub at: Option<Fact>,
    /// The fix `icp fix` applies to the value its findings point at.
    pub fix: Option<super::fix::Fix>,
    /// In force from (inclusive).
    pub since: Option<Date>,
    /// In force until (exclusive).
    pub until: Option<Date>,
    /// Examples.
    pub examples: Option<Arc<Examples>>,
    /// Facts its message or help names as `{subject.city}` placeholders.
    pub fact_args: Vec<(String, Fact)>,
}

impl Variant {
    /// The rule id.
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// Its severity.
    pub fn severity(&self) -> Severity {
        self.meta.severity
    }

    /// Whether it is in force on a date.
    pub fn in_force(&self, date: Date) -> bool {
        self.since.is_none_or(|s| s <= date) && self.until.is_none_or(|u| date < u)
    }

    /// Whether its condition or its check reads a fact (what the wizard
    /// asks about an optional field only a province's rules need).
    pub fn reads(&self, fact: Fact) -> bool {
        let mut facts = Vec::new();
        if let Some(when) = &self.when {
            when.facts(&mut facts);
        }
        match self.kind.as_ref() {
            Kind::Assert(c) => c.facts(&mut facts),
            Kind::Require(fs) | Kind::Forbid(fs) | Kind::Check { fields: fs, .. } => {
                facts.extend(fs.iter().copied())
            }
            Kind::Note { field, .. } => facts.push(*field),
            Kind::Words { field, unless, .. } => {
                facts.extend(std::iter::once(*field).chain(*unless))
            }
            Kind::Limit { fact, .. } => facts.push(*fact),
            Kind::Document { .. } | Kind::Load | Kind::Step | Kind::Across(_) | Kind::Change(_) => {
            }
        }
        facts.contains(&fact)
    }
}

/// One rule resolved for a province: its dated variants.
#[derive(Debug)]
pub struct Resolved {
    /// The id.
    pub id: Arc<str>,
    /// Variants, in file order.
    pub variants: Vec<Arc<Variant>>,
}

impl Resolved {
    /// The variant in force on a date.
    pub fn on(&self, date: Date) -> Option<&Arc<Variant>> {
        self.variants.iter().find(|v| v.in_force(date))
    }

    /// The first variant in force on a date whose scope covers a nature and
    /// filing type (variants may differ in scope as well as in dates).
    pub fn applying(
        &self,
        date: Date,
        nature: Option<crate::filing::Nature>,
        filing_type: Option<crate::filing::FilingType>,
    ) -> Option<&Arc<Variant>> {
        self.variants
            .iter()
            .find(|v| v.in_force(date) && v.scope.covers(nature, filing_type))
    }
}

/// The rules as they apply to filings of one province.
#[derive(Debug, Default)]
pub struct View {
    /// Every rule that applies in the province, in definition order.
    pub rules: Vec<Resolved>,
    index: foldhash::HashMap<Arc<str>, usize>,
    /// The rules that run for one kind of filing, by as-of date, nature and
    /// filing type: most filings of a run share them, so each list is worked
    /// out once (see [`View::plan`]).
    plans: std::sync::Mutex<HashMap<PlanKey, Plan>>,
}

/// What decides which rules run on a filing, besides its province.
pub type PlanKey = (
    Date,
    Option<crate::filing::Nature>,
    Option<crate::filing::FilingType>,
);

/// The variants that run on a filing, in definition order.
pub type Plan = Arc<[Arc<Variant>]>;

impl View {
    /// A rule by id.
    pub fn get(&self, id: &str) -> Option<&Resolved> {
        self.index.get(id).map(|&i| &self.rules[i])
    }

    /// The variant of this view a finding's rule belongs to (each variant
    /// shares its [`RuleMeta`] with its findings).
    pub fn variant_of(&self, meta: &RuleMeta) -> Option<&Arc<Variant>> {
        self.get(&meta.id)?
            .variants
            .iter()
            .find(|v| std::ptr::eq(v.meta.as_ref(), meta))
    }

    /// The variants in force on the as-of date, switched on and in scope for
    /// this nature and filing type.
    pub fn plan(&self, key: PlanKey) -> Plan {
        let (date, nature, filing_type) = key;
        // A poisoned lock only means another thread panicked mid-insert; the
        // map is still usable.
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(plan) = plans.get(&key) {
            return plan.clone();
        }
        let plan: Plan = self
            .rules
            .iter()
            .filter_map(|r| r.applying(date, nature, filing_type))
            .filter(|v| {
                v.meta.severity != Severity::Off
                    && !matches!(
                        v.kind.as_ref(),
                        Kind::Load | Kind::Step | Kind::Across(_) | Kind::Change(_)
                    )
            })
            .cloned()
            .collect();
        plans.insert(key, plan.clone());
        plan
    }

    /// Whether a rule that runs on this kind of filing reads a fact.
    pub fn reads(&self, key: PlanKey, fact: Fact) -> bool {
        self.plan(key).iter().any(|v| v.reads(fact))
    }
}

impl RuleSet {
    /// The rules as they apply to a province (or to filings without one).
    pub fn view(&self, province: Option<&'static Province>) -> Arc<View> {
        self.views[slot(province)]
            .get_or_init(|| Arc::new(self.resolve(province)))
            .clone()
    }

    fn resolve(&self, province: Option<&'static Province>) -> View {
        // Definitions in another province's file never apply here.
        let rules = self.rules_for(province);
        let mut view = View::default();
        for entry in &rules.entries {
            let Some(merged) = entry.merged(province, &self.severities) else {
                continue;
            };
            // A scope naming provinces is decided here, once per province.
            let variants: Vec<Arc<Variant>> = merged
                .forms
                .into_iter()
                .filter_map(|form| self.complete(entry, form, &merged.overrides))
                .filter(|v| {
                    v.scope.provinces.as_ref().is_none_or(|ps| {
                        province.is_some_and(|q| ps.iter().any(|p| p.code == q.code))
                    })
                })
                .map(Arc::new)
                .collect();
            if variants.is_empty() {
                continue;
            }
            view.index.insert(entry.id.clone(), view.rules.len());
            view.rules.push(Resolved {
                id: entry.id.clone(),
                variants,
            });
        }
        view
    }

    /// A merged form as a variant (`None` if it lacks a field, which the
    /// loader has already reported).
    fn complete(&self, entry: &Entry, f: Fragment, overrides: &[Origin]) -> Option<Variant> {
        let base = &entry.definitions[0];
        let sources = f
            .sources
            .iter()
            .flat_map(|s| s.iter())
            .filter_map(|s| match s {
                SourceRef::Key(k) => self.sources.get(k).map(|(_, s)| s.clone()),
                SourceRef::Inline(def) => Some(def.clone()),
            })
            .collect::<Vec<_>>();
        let message = f.message?;
        let help = f.help?;
        let fact_args = fact_placeholders(&[&message, &help]);
        let kind = f.kind?;
        let mut severity = f.severity?;
        let evidence = evidence::evidence(&evidence::Form {
            kind: kind.name(),
            severity,
            sources: &sources,
            confidence: f.confidence,
            conflict: f.conflict.is_some(),
            until: f.until,
        });
        let mut overrides = overrides.to_vec();
        // `[severity.evidence]` of `icp.toml`: the rules of a class that
        // have their default severity, unless `[severity]` names the rule.
        if let Some((class_severity, origin)) = self.class_severities.get(&evidence.basis) {
            let named = self.severities.iter().any(|s| s.id == entry.id);
            let file_level = super::FILE_LEVEL.contains(&&*entry.id);
            if !named && !file_level && evidence.default_severity() == Some(severity) {
                severity = *class_severity;
                overrides.push(origin.clone());
            }
        }
        let meta = RuleMeta {
            id: entry.id.clone(),
            severity,
            kind: kind.name(),
            summary: f.summary,
            message,
            help,
            why: f.why,
            conflict: f.conflict,
            sources,
            confidence: f.confidence,
            evidence,
            severity_reason: f.severity_reason,
            fix: f.fix.map(|f| f.name()),
            province: base.origin.province,
            origin: base.origin.clone(),
            overrides,
            source_line_cache: std::sync::OnceLock::new(),
        };
        Some(Variant {
            meta: Arc::new(meta),
            scope: f.scope.unwrap_or_default(),
            each: f.each.unwrap_or_default(),
            when: f.when,
            kind,
            at: f.at,
            fix: f.fix,
            since: f.since,
            until: f.until,
            examples: f.examples,
            fact_args,
        })
    }
}

/// The `{prefix.fact}` placeholders of texts that name facts.
fn fact_placeholders(texts: &[&Text]) -> Vec<(String, Fact)> {
    let mut out: Vec<(String, Fact)> = Vec::new();
    for text in texts {
        // Inside optional groups too: `{?…{subject.city_pinyin}…?}`.
        for s in [&text.zh, &text.en] {
            for name in crate::lang::placeholders(s) {
                if let Some(fact) = Fact::parse(name) {
                    if !out.iter().any(|(n, _)| n == name) {
                        out.push((name.to_owned(), fact));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{FilingFact, SubjectFact};
    use crate::filing::{FilingType, Nature};

    fn reads(province: &str, nature: Nature, filing_type: FilingType, fact: Fact) -> bool {
        let rules = RuleSet::builtin().unwrap();
        let view = rules.view(crate::data::province(province));
        let date = Date::constant(2026, 11, 28);
        view.reads((date, Some(nature), Some(filing_type)), fact)
    }

    #[test]
    fn a_plan_reads_the_facts_of_its_rules_only() {
        let scope = Fact::Subject(SubjectFact::BusinessScope);
        // Sichuan's commitment and the national finance words read the scope
        // of a unit; nothing reads an individual's.
        assert!(reads("sc", Nature::Enterprise, FilingType::New, scope));
        assert!(!reads("sc", Nature::Personal, FilingType::New, scope));
        // Jiangxi counts the websites filed in a new-website filing, not the
        // domains; Guangdong counts neither.
        let filed = Fact::Subject(SubjectFact::FiledWebsites);
        let filed_domains = Fact::Subject(SubjectFact::FiledDomains);
        assert!(reads(
            "jx",
            Nature::Enterprise,
            FilingType::AddWebsite,
            filed
        ));
        assert!(!reads(
            "jx",
            Nature::Enterprise,
            FilingType::AddWebsite,
            filed_domains
        ));
        assert!(!reads(
            "gd",
            Nature::Enterprise,
            FilingType::AddWebsite,
            filed
        ));
        // Shanghai's construction plan counts the subject's websites; the
        // national rules count only an individual's.
        let total = Fact::Filing(FilingFact::SubjectWebsiteCount);
        assert!(reads(
            "sh",
            Nature::Enterprise,
            FilingType::AddWebsite,
            total
        ));
        assert!(!reads(
            "gd",
            Nature::Enterprise,
            FilingType::AddWebsite,
            total
        ));
        assert!(reads("gd", Nature::Personal, FilingType::AddWebsite, total));
    }
}
