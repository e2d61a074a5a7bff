//! Per-filing waivers (`[[waive]]`): a filing may go without a warning-level
//! rule when it says why. They are applied right after the rules ran, so the
//! engine's semantics stay in one place and a waiver sees exactly the
//! findings the filing would otherwise get.
//!
//! A waiver covers the whole filing: every warning and info of its rule is
//! dropped. Errors are never dropped — what the administration would
//! certainly reject cannot be waived. A waiver that cannot or does not apply
//! is itself a finding of a `waiver-*` rule (`rules/national.yaml`), so a
//! stale waiver (the domain transfer is done, the warning is gone) is noticed
//! and removed.

use jiff::civil::Date;

use super::{RuleSet, View};
use crate::filing::{Filing, Span, Waiver};
use crate::finding::{Args, Finding, Severity};

/// Rule ids of the findings about waivers.
const WITHOUT_REASON: &str = "waiver-without-reason";
const UNKNOWN_RULE: &str = "waiver-unknown-rule";
const OF_ERROR: &str = "waiver-of-error";
const UNUSED: &str = "waiver-unused";

/// A waiver that was applied: the rule, the reason, and how many findings
/// it dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The waived rule's id.
    pub rule: String,
    /// The reason as written.
    pub reason: String,
    /// Findings dropped.
    pub dropped: usize,
}

/// What a waiver does to a filing, before it is applied.
enum Verdict {
    /// It names no rule the rule set knows.
    Unknown,
    /// The rule is at error severity for this filing.
    OfError,
    /// No reason, or a blank one.
    WithoutReason,
    /// It may drop the rule's warnings and infos.
    Waives,
}

/// Drops the findings the filing's waivers cover from `out` and adds the
/// findings about waivers that cannot or do not apply. Returns the waivers
/// that were applied.
pub fn apply(
    rules: &RuleSet,
    view: &View,
    filing: &Filing,
    as_of: Date,
    out: &mut Vec<Finding>,
) -> Vec<Applied> {
    let mut applied = Vec::new();
    let mut found = Vec::new();
    let nature = filing.nature();
    let filing_type = filing.filing_type.as_ref().map(|t| t.value);
    for (i, waiver) in filing.waivers.iter().enumerate() {
        let id = waiver.rule.as_ref().map(|r| r.value.trim()).unwrap_or("");
        let verdict = if !rules.ids().any(|known| known == id) {
            Verdict::Unknown
        } else if view
            .get(id)
            .and_then(|r| {
                r.applying(as_of, nature, filing_type)
                    .or_else(|| r.on(as_of))
            })
            .is_some_and(|v| v.meta.severity == Severity::Error)
        {
            Verdict::OfError
        } else if waiver
            .reason
            .as_ref()
            .is_none_or(|r| r.value.trim().is_empty())
        {
            Verdict::WithoutReason
        } else {
            Verdict::Waives
        };
        let rule_place = || {
            let span = waiver.rule.as_ref().map_or(&waiver.span, |r| &r.span);
            (span.clone(), format!("waive[{i}].rule"))
        };
        match verdict {
            Verdict::Unknown => {
                let mut args = vec![("rule", id.to_owned().into())];
                if let Some(best) = crate::suggest::closest(id, rules.ids()) {
                    args.push(("suggestion", best.to_owned().into()));
                }
                let args = if id.is_empty() { Vec::new() } else { args };
                found.push((UNKNOWN_RULE, rule_place(), args));
            }
            Verdict::OfError => {
                found.push((OF_ERROR, rule_place(), vec![("rule", id.to_owned().into())]));
            }
            Verdict::WithoutReason => {
                let span = waiver.reason.as_ref().map_or(&waiver.span, |r| &r.span);
                let place = (span.clone(), format!("waive[{i}].reason"));
                found.push((WITHOUT_REASON, place, vec![("rule", id.to_owned().into())]));
            }
            Verdict::Waives => {
                let before = out.len();
                out.retain(|f| !(f.id() == id && f.severity() < Severity::Error));
                let dropped = before - out.len();
                // An `across` rule's findings come after every filing was
                // read: `across::check` applies its waivers.
                let across = view.get(id).is_some_and(|r| {
                    r.variants
                        .iter()
                        .any(|v| matches!(v.kind.as_ref(), super::Kind::Across(_)))
                });
                if across {
                } else if dropped == 0 {
                    found.push((UNUSED, rule_place(), vec![("rule", id.to_owned().into())]));
                } else {
                    applied.push(Applied {
                        rule: id.to_owned(),
                        reason: reason(waiver),
                        dropped,
                    });
                }
            }
        }
    }
    for (rule, (span, path), args) in found {
        report(view, as_of, rule, span, path, args, out);
    }
    applied
}

fn reason(waiver: &Waiver) -> String {
    waiver
        .reason
        .as_ref()
        .map_or_else(String::new, |r| r.value.trim().to_owned())
}

/// A finding of one of the `waiver-*` rules, unless the rule is switched off.
pub(super) fn report(
    view: &View,
    as_of: Date,
    rule: &str,
    span: Span,
    path: String,
    args: Args,
    out: &mut Vec<Finding>,
) {
    let Some(variant) = view.get(rule).and_then(|r| r.on(as_of)) else {
        return;
    };
    if variant.meta.severity != Severity::Off {
        out.push(Finding {
            rule: variant.meta.clone(),
            span: Some(span),
            path,
            args,
            facts: Vec::new(),
            fix: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::engine::Dates;

    #[test]
    fn applied_waivers_say_what_they_dropped() {
        let rules = RuleSet::builtin().unwrap();
        // An address without a house number: a warning.
        let text = "[subject]\nprovince = \"gd\"\naddress = \"广东省深圳市南山区\"\n\
                    [[waive]]\nrule = \"address-house-number\"\nreason = \" 园区地址 \"\n";
        let loaded = crate::filing::load(text.as_bytes());
        let date = Date::new(2026, 11, 28).unwrap();
        let dates = Dates {
            today: date,
            forced: Some(date),
        };
        let mut out = rules.check(&loaded, dates);
        assert!(!out.iter().any(|f| f.id() == "address-house-number"));
        // Run the rules again without the waiver step to see what it drops.
        let view = rules.view(loaded.filing.province());
        let unwaived = crate::filing::load(
            text.split("[[waive]]")
                .next()
                .unwrap_or_default()
                .as_bytes(),
        );
        let mut before = rules.check(&unwaived, dates);
        let dropped = before
            .iter()
            .filter(|f| f.id() == "address-house-number")
            .count();
        assert!(dropped > 0);
        let applied = apply(&rules, &view, &loaded.filing, date, &mut before);
        assert_eq!(
            applied,
            [Applied {
                rule: "address-house-number".into(),
                reason: "园区地址".into(),
                dropped,
            }]
        );
        // Applied twice, the second time it waives nothing.
        apply(&rules, &view, &loaded.filing, date, &mut out);
        assert!(out.iter().any(|f| f.id() == "waiver-unused"));
    }
}
