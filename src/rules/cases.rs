//! The rule cases (`rules/cases/*.toml`, compiled in) read as examples for
//! `icp explain`. The cases are the tests of every rule (`tests/it/rules.rs`):
//! each changes a clean example filing so that one rule trips, which is
//! exactly what an example of a rule should show.

use super::builtin::rule_cases;
use crate::data::Province;

/// An example of a rule tripping, from its rule cases: the example filing
/// it starts from and every change the case makes to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The example filing changed: `enterprise-gd`, `provinces/xj-unit`.
    pub base: String,
    /// Each change: (text that passes, text that trips it).
    pub changes: Vec<(String, String)>,
}

/// Examples of a rule from the rule cases, each with all of its changes to
/// a clean example filing. The cases of `province` come first; cases of
/// one one-line change come before longer ones.
pub fn examples(id: &str, province: Option<&Province>) -> Vec<Example> {
    use toml::de::{DeTable, DeValue};
    let mut out: Vec<Example> = Vec::new();
    let preferred = province.map(|p| format!("{}.toml", p.code));
    let mut files: Vec<&(&str, &str)> = rule_cases().iter().collect();
    files.sort_by_key(|(name, _)| {
        preferred.as_deref() != Some(name.rsplit('/').next().unwrap_or(name))
    });
    for (_, text) in files {
        let Ok(doc) = DeTable::parse(text) else {
            continue;
        };
        let Some(DeValue::Array(cases)) = doc.get_ref().get("case").map(|v| v.get_ref()) else {
            continue;
        };
        for case in cases.iter() {
            let DeValue::Table(case) = case.get_ref() else {
                continue;
            };
            let rule = case.get("rule").and_then(|r| r.get_ref().as_str());
            // A case that expects nothing shows where the rule stays quiet
            // (a province relaxing it): not an example of it tripping.
            let expects_nothing = matches!(
                case.get("expect").map(|e| e.get_ref()),
                Some(DeValue::Array(e)) if e.is_empty()
            );
            if rule != Some(id) || case.contains_key("enable") || expects_nothing {
                continue;
            }
            let Some(DeValue::Array(pairs)) = case.get("replace").map(|r| r.get_ref()) else {
                continue;
            };
            let base = case
                .get("base")
                .and_then(|b| b.get_ref().as_str())
                .unwrap_or("enterprise-gd")
                .to_owned();
            let mut changes = Vec::new();
            for pair in pairs.iter() {
                let DeValue::Array(pair) = pair.get_ref() else {
                    continue;
                };
                let text = |i: usize| pair.get(i).and_then(|v| v.get_ref().as_str());
                if let (Some(from), Some(to)) = (text(0), text(1)) {
                    changes.push((from.to_owned(), to.to_owned()));
                }
            }
            let example = Example { base, changes };
            // Province files often repeat the national case.
            if !example.changes.is_empty() && !out.contains(&example) {
                out.push(example);
            }
        }
    }
    out.sort_by_key(|e| {
        e.changes.len() > 1
            || e.changes
                .iter()
                .any(|(from, to)| from.contains('\n') || to.contains('\n'))
    });
    out
}
