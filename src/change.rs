//! `icp diff`: what changed between two versions of a filing, which filing
//! the change needs (the `change:` rules of the rule files), and which
//! findings the new version has that the old one did not.
//!
//! Both versions are flattened into dotted field paths (`websites[0].name`)
//! and compared; a field that is new (or gone) is reported at the
//! shallowest path the other version lacks, so a website added is one
//! change (`websites[1]`), not one per key. Bookkeeping fields — `version`,
//! `type`, `prepared_on`, `[[waive]]` and the `documents` lists — are not
//! changes of the filing.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use crate::Lang;
use crate::finding::{Finding, Severity};
use crate::rules::engine::Dates;
use crate::rules::{Change, Kind, RuleSet, Variant};

/// One changed field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field path (indices as in the new version, or the old for a
    /// removal).
    pub path: String,
    /// `changed`, `added` or `removed`.
    pub how: &'static str,
    /// The old value, as TOML writes it (`None` when added).
    pub old: Option<String>,
    /// The new value (`None` when removed).
    pub new: Option<String>,
}

/// A change rule that applies, with the fields it is about.
#[derive(Clone, Debug)]
pub struct Needed {
    /// The rule.
    pub rule: Arc<Variant>,
    /// What it says.
    pub change: Arc<Change>,
    /// The changes it covers.
    pub fields: Vec<FieldChange>,
}

/// The comparison of two versions.
#[derive(Clone, Debug)]
pub struct Diff {
    /// Every change, in path order.
    pub changes: Vec<FieldChange>,
    /// The change rules that apply, in rule order.
    pub needed: Vec<Needed>,
    /// Changes no change rule covers: the rule files (and the sources
    /// behind them) say nothing of them.
    pub uncovered: Vec<FieldChange>,
    /// Findings of the new version that the old one did not have.
    pub introduced: Vec<Finding>,
    /// The new version's text (for positions of the findings).
    pub new_text: String,
}

/// Flattens a TOML document into leaf paths and their values; `None` when
/// the text is not TOML.
fn flatten(text: &str) -> Option<BTreeMap<String, String>> {
    let table: toml::Table = text.parse().ok()?;
    let mut out = BTreeMap::new();
    fn walk(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
        match value {
            toml::Value::Table(t) => {
                for (k, v) in t {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&p, v, out);
                }
            }
            toml::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(&format!("{prefix}[{i}]"), v, out);
                }
            }
            toml::Value::String(s) => {
                out.insert(prefix.to_owned(), s.clone());
            }
            other => {
                out.insert(prefix.to_owned(), other.to_string());
            }
        }
    }
    walk("", &toml::Value::Table(table), &mut out);
    Some(out)
}

/// Whether a path is bookkeeping rather than a change of the filing.
fn bookkeeping(path: &str) -> bool {
    let head = path.split(['.', '[']).next().unwrap_or("");
    matches!(head, "version" | "type" | "prepared_on" | "waive")
        || path.contains(".documents")
        || path.starts_with("documents")
}

/// Every prefix of a path that names a field (`a.b[0].c` → `a`, `a.b`,
/// `a.b[0]`, `a.b[0].c`).
fn prefixes(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, c) in path.char_indices() {
        if (c == '.' || c == '[') && i > 0 {
            out.push(&path[..i]);
        }
    }
    out.push(path);
    out
}

/// The shallowest prefix of `path` that `other` lacks: what was added (or
/// removed) as a whole. An array is never that part but its items are: the
/// first website added to a filing without one is `websites[0]`, as the
/// second is `websites[1]`, so the same rules cover both.
fn added_part<'a>(path: &'a str, other: &BTreeSet<String>) -> &'a str {
    prefixes(path)
        .into_iter()
        .find(|p| !other.contains(*p) && !path[p.len()..].starts_with('['))
        .unwrap_or(path)
}

/// The path with every index written `[*]`.
fn pattern_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[*]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether a rule's field pattern covers a path: equal, or the path lies
/// below it.
fn covers(pattern: &str, path: &str) -> bool {
    let p = pattern_of(path);
    p == pattern
        || p.strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// The changes between two flattened versions: leaves that differ, and the
/// shallowest missing path of each added or removed part.
fn changes(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Vec<FieldChange> {
    let all_prefixes = |m: &BTreeMap<String, String>| -> BTreeSet<String> {
        m.keys()
            .flat_map(|k| prefixes(k).into_iter().map(str::to_owned))
            .collect()
    };
    let (old_p, new_p) = (all_prefixes(old), all_prefixes(new));
    let value_at = |m: &BTreeMap<String, String>, root: &str| -> String {
        // A leaf's value, else the first named value below it (a site's
        // name, a domain's name), else the leaves joined.
        if let Some(v) = m.get(root) {
            return v.clone();
        }
        let below: Vec<(&String, &String)> = m
            .iter()
            .filter(|(k, _)| covers(&pattern_of(root), k) && k.starts_with(root))
            .collect();
        let own = format!("{root}.name");
        below
            .iter()
            .find(|(k, _)| **k == own)
            .or_else(|| below.iter().find(|(k, _)| k.ends_with(".name")))
            .map(|(_, v)| (*v).clone())
            .unwrap_or_else(|| {
                below
                    .iter()
                    .map(|(_, v)| v.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
    };
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (k, v) in new {
        if bookkeeping(k) {
            continue;
        }
        match old.get(k) {
            Some(o) if o == v => {}
            Some(o) => out.push(FieldChange {
                path: k.clone(),
                how: "changed",
                old: Some(o.clone()),
                new: Some(v.clone()),
            }),
            None => {
                let root = added_part(k, &old_p);
                if seen.insert(("added", root.to_owned())) {
                    out.push(FieldChange {
                        path: root.to_owned(),
                        how: "added",
                        old: None,
                        new: Some(value_at(new, root)),
                    });
                }
            }
        }
    }
    for k in old.keys() {
        if bookkeeping(k) || new.contains_key(k) {
            continue;
        }
        let root = added_part(k, &new_p);
        if seen.insert(("removed", root.to_owned())) {
            out.push(FieldChange {
                path: root.to_owned(),
                how: "removed",
                old: Some(value_at(old, root)),
                new: None,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path).then(a.how.cmp(b.how)));
    out
}

/// What makes two findings the same finding across versions: the rule,
/// the field and the message.
fn key(f: &Finding) -> (String, String, String) {
    (f.id().to_owned(), f.path.clone(), f.message(Lang::En))
}

/// Compares two versions of a filing given as text.
pub fn diff(rules: &RuleSet, old: &str, new: &str, dates: Dates) -> Diff {
    let empty = BTreeMap::new();
    let old_map = flatten(old);
    let new_map = flatten(new);
    let changes = changes(
        old_map.as_ref().unwrap_or(&empty),
        new_map.as_ref().unwrap_or(&empty),
    );
    let (new_loaded, new_findings) = crate::validate::bytes_report(rules, new.as_bytes(), dates);
    let (_, old_findings) = crate::validate::bytes_report(rules, old.as_bytes(), dates);
    let before: BTreeSet<_> = old_findings.iter().map(key).collect();
    let introduced = new_findings
        .into_iter()
        .filter(|f| !before.contains(&key(f)))
        .collect();
    // The change rules of the new version's province (else the old one's),
    // in force on its as-of date.
    let filing = &new_loaded.filing;
    let province = filing
        .province()
        .or_else(|| crate::filing::load(old.as_bytes()).filing.province());
    let as_of = dates.env_for(filing, None).as_of;
    let view = rules.view(province);
    let mut needed = Vec::new();
    let mut covered = vec![false; changes.len()];
    for resolved in &view.rules {
        let Some(variant) = resolved.on(as_of) else {
            continue;
        };
        let Kind::Change(change) = variant.kind.as_ref() else {
            continue;
        };
        if variant.meta.severity == Severity::Off {
            continue;
        }
        let mut fields = Vec::new();
        for (i, c) in changes.iter().enumerate() {
            let on = change.on == "any" || change.on == c.how;
            // A rule about adding or removing a part names that part;
            // other rules cover the fields below their paths too.
            let matches = |p: &String| match change.on {
                "added" | "removed" => pattern_of(&c.path) == *p,
                _ => covers(p, &c.path),
            };
            if on && change.fields.iter().any(matches) {
                fields.push(c.clone());
                covered[i] = true;
            }
        }
        if !fields.is_empty() {
            needed.push(Needed {
                rule: variant.clone(),
                change: change.clone(),
                fields,
            });
        }
    }
    let uncovered = changes
        .iter()
        .zip(&covered)
        .filter(|(_, c)| !**c)
        .map(|(c, _)| c.clone())
        .collect();
    Diff {
        changes,
        needed,
        uncovered,
        introduced,
        new_text: new_loaded.text,
    }
}

impl Diff {
    /// Whether the change fails: a change rule at error severity (what no
    /// change filing can do) or an error the new version introduced.
    pub fn fails(&self) -> bool {
        self.needed
            .iter()
            .any(|n| n.rule.meta.severity == Severity::Error)
            || self
                .introduced
                .iter()
                .any(|f| f.severity() == Severity::Error)
    }

    /// Masks ID numbers, phone numbers and e-mail addresses in the values
    /// and the introduced findings.
    pub fn redact(&mut self) {
        let mask = |c: &mut FieldChange| {
            for v in [&mut c.old, &mut c.new].into_iter().flatten() {
                *v = crate::redact::text(v);
            }
        };
        self.changes.iter_mut().for_each(mask);
        self.uncovered.iter_mut().for_each(mask);
        for n in &mut self.needed {
            n.fields.iter_mut().for_each(mask);
        }
        for f in &mut self.introduced {
            let values = f.args.iter_mut().map(|(_, a)| a);
            for a in values.chain(f.facts.iter_mut().map(|(_, a)| a)) {
                for t in a.texts_mut() {
                    *t = crate::redact::text(t);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_cover_paths_below_them() {
        assert!(covers("websites[*]", "websites[1]"));
        assert!(covers("websites[*].domains[*]", "websites[0].domains[1]"));
        assert!(!covers("websites[*].domains[*]", "websites[1]"));
        assert!(covers("websites[*].hosting", "websites[0].hosting.ips[0]"));
        assert!(!covers("subject.name", "subject.names"));
    }

    #[test]
    fn an_added_table_is_one_change() {
        let old = flatten("[[websites]]\nname = \"a\"\n").unwrap();
        let new = flatten("[[websites]]\nname = \"a\"\n[[websites]]\nname = \"b\"\nnote = \"x\"\n")
            .unwrap();
        let c = changes(&old, &new);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].path, "websites[1]");
        assert_eq!(c[0].new.as_deref(), Some("b"));
    }

    /// A whole array added or removed is its items added or removed: the
    /// first website is `websites[0]`, named by its name, like any other.
    #[test]
    fn an_added_array_is_its_items() {
        let old = flatten("[subject]\nname = \"s\"\n").unwrap();
        let new = flatten(
            "[subject]\nname = \"s\"\n[[websites]]\nname = \"a\"\n\
             domains = [{ name = \"a.cn\" }, { name = \"b.cn\" }]\n",
        )
        .unwrap();
        let added = changes(&old, &new);
        assert_eq!(added.len(), 1, "{added:?}");
        assert_eq!(added[0].path, "websites[0]");
        assert_eq!(added[0].new.as_deref(), Some("a"));
        let removed = changes(&new, &old);
        assert_eq!(removed.len(), 1, "{removed:?}");
        assert_eq!(removed[0].path, "websites[0]");
        assert_eq!(removed[0].how, "removed");
        let more = flatten(
            "[subject]\nname = \"s\"\n[[websites]]\nname = \"a\"\n\
             domains = [{ name = \"a.cn\" }, { name = \"b.cn\" }]\nhomepages = [\"a.cn\"]\n",
        )
        .unwrap();
        let c = changes(&new, &more);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].path, "websites[0].homepages[0]");
    }
}
