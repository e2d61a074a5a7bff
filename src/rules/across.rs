//! Rules across filings (`across:` rules): what no single filing can show —
//! a domain two filings claim, an ID number under two names, an ICP number
//! on two subjects, a scan two clients declare, a person who is principal
//! of several subjects.
//!
//! Checking a filing records an [`Entry`]: the few values these rules
//! compare, with their field paths and spans, and the filing's waivers of
//! such rules. Nothing else of the filing is kept, so a run over thousands
//! of filings holds only these entries (about 2 KB each). When
//! every filing was checked, [`check`] compares the entries and gives each
//! filing its findings, at the severity its province's rules give, with
//! its own waivers applied.

// foldhash: see facts::memo (keys from the filings being checked).
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use super::compile::{Across, Kind};
use super::engine::Dates;
use super::{RuleSet, View};
use crate::data::Province;
use crate::filing::{FilingType, Loaded, Nature, Span};
use crate::finding::{Args, Finding, Severity};

/// What the cross-filing rules need of one filing.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The filing's path, as given or found.
    pub path: PathBuf,
    province: Option<&'static Province>,
    nature: Option<Nature>,
    filing_type: Option<FilingType>,
    as_of: Date,
    /// Who the client is: the unit certificate number, else the subject
    /// principal's ID number, else the subject's name, else the path.
    client: String,
    items: Vec<Item>,
    /// `[[waive]]` of `across` rules: the rule id, its span and index.
    waivers: Vec<(String, Span, usize)>,
    /// The subject's name (主办单位名称), when given.
    pub name: Option<String>,
    /// The subject's ICP number, else the first website's, when given.
    pub icp_number: Option<String>,
    /// Dated expiries of ID documents, the unit certificate and domains:
    /// the field path and the date, in file order (长期 is left out).
    pub expiries: Vec<(String, Date, String)>,
}

impl Entry {
    /// The province of the filing, when known.
    pub fn province(&self) -> Option<&'static Province> {
        self.province
    }

    /// The subject's nature, when known.
    pub fn nature(&self) -> Option<Nature> {
        self.nature
    }

    /// Whether the entry can take part in no finding across filings: it
    /// has no value to compare and waives no rule across filings (an empty
    /// filing, say). [`check`] finds nothing of such an entry, so a caller
    /// that keeps every file's entry need not keep it.
    pub fn compares_nothing(&self) -> bool {
        self.items.is_empty() && self.waivers.is_empty()
    }

    /// The filing type, when known.
    pub fn filing_type(&self) -> Option<FilingType> {
        self.filing_type
    }

    /// The as-of date the filing was judged at.
    pub fn as_of(&self) -> Date {
        self.as_of
    }

    /// The soonest expiry, with its field path.
    pub fn next_expiry(&self) -> Option<&(String, Date, String)> {
        self.expiries.iter().min_by_key(|(_, d, _)| *d)
    }
}

/// One compared value.
#[derive(Clone, Debug)]
struct Item {
    key: Across,
    /// Normalised: what is compared.
    value: String,
    /// As written.
    shown: String,
    /// The name the value goes with (a person's or the subject's).
    name: String,
    path: String,
    span: Span,
}

/// Upper case without surrounding blanks (ID and certificate numbers).
fn number(s: &str) -> String {
    s.trim().to_uppercase()
}

/// A path with `.` and `..` resolved without asking the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

impl Entry {
    /// The entry of a loaded filing read from `path`, judged at the as-of
    /// date `dates` give it.
    pub fn of(rules: &RuleSet, loaded: &Loaded, path: &Path, dates: Dates) -> Entry {
        let filing = &loaded.filing;
        let env = dates.env_for(filing, None);
        let subject = filing.subject.as_ref();
        let text = |f: &Option<crate::filing::Spanned<String>>| {
            f.as_ref()
                .map(|s| (s.value.trim().to_owned(), s.span.clone()))
                .filter(|(v, _)| !v.is_empty())
        };
        let subject_name = subject
            .and_then(|s| text(&s.name))
            .map(|(n, _)| n)
            .unwrap_or_default();
        let mut items = Vec::new();
        let mut push = |key, value: String, shown: String, name: &str, path: String, span| {
            items.push(Item {
                key,
                value,
                shown,
                name: name.to_owned(),
                path,
                span,
            });
        };
        let certificate = subject.and_then(|s| text(&s.certificate_number));
        if let Some((n, span)) = &certificate {
            let path = "subject.certificate_number".to_owned();
            push(
                Across::IdNumber,
                number(n),
                n.clone(),
                &subject_name,
                path,
                span.clone(),
            );
        }
        if let Some((n, span)) = subject.and_then(|s| text(&s.icp_number)) {
            push(
                Across::IcpNumber,
                icp_base(&n),
                n,
                &subject_name,
                "subject.icp_number".into(),
                span,
            );
        }
        // Each person once, at the first table that names them.
        let mut people: Vec<String> = Vec::new();
        let mut principal_id = None;
        let owners = std::iter::once(crate::filing::Owner::Subject)
            .chain((0..filing.websites.len()).map(crate::filing::Owner::Website));
        for owner in owners {
            let Some(p) = filing.principal(owner) else {
                continue;
            };
            let Some((id, span)) = text(&p.id_number) else {
                continue;
            };
            let value = number(&id);
            if owner == crate::filing::Owner::Subject {
                principal_id = Some(value.clone());
            }
            if people.contains(&value) {
                continue;
            }
            people.push(value.clone());
            let name = text(&p.name).map(|(n, _)| n).unwrap_or_default();
            let path = format!("{}.id_number", owner.path());
            push(
                Across::IdNumber,
                value.clone(),
                id.clone(),
                &name,
                path.clone(),
                span.clone(),
            );
            push(Across::Principal, value, id, &name, path, span);
        }
        for (i, site) in filing.websites.iter().enumerate() {
            for (j, d) in site.domains.iter().enumerate() {
                if let Some((name, span)) = text(&d.name) {
                    let value = name.trim_end_matches('.').to_lowercase();
                    let path = format!("websites[{i}].domains[{j}]");
                    push(Across::Domain, value, name, &subject_name, path, span);
                }
            }
            if let Some((n, span)) = text(&site.icp_number) {
                let path = format!("websites[{i}].icp_number");
                push(
                    Across::IcpNumber,
                    icp_base(&n),
                    n,
                    &subject_name,
                    path,
                    span,
                );
            }
        }
        let dir = path.parent().unwrap_or(Path::new(""));
        // Sets and maps, not lists searched per document: a filing may
        // declare tens of thousands of documents.
        let mut scans: HashSet<String> = HashSet::new();
        let paths = document_paths(filing);
        for doc in filing.documents() {
            if let Some((file, span)) = text(&doc.file) {
                let value = lexical(&dir.join(&file)).to_string_lossy().into_owned();
                if !scans.insert(value.clone()) {
                    continue;
                }
                let path = paths
                    .get(&(doc.span.start, doc.span.end))
                    .cloned()
                    .unwrap_or_default();
                push(Across::Scan, value, file, &subject_name, path, span);
            }
        }
        let mut expiries = Vec::new();
        let dated = |e: &Option<crate::filing::Spanned<crate::filing::Expiry>>| match e {
            Some(s) => match s.value {
                crate::filing::Expiry::Date(d) => Some(d),
                crate::filing::Expiry::LongTerm => None,
            },
            None => None,
        };
        let person =
            |p: &crate::filing::Principal| text(&p.name).map(|(n, _)| n).unwrap_or_default();
        if let Some(d) = subject.and_then(|s| dated(&s.certificate_expires)) {
            let path = "subject.certificate_expires".to_owned();
            expiries.push((path, d, subject_name.clone()));
        }
        if let Some(p) = filing.subject_principal() {
            if let Some(d) = dated(&p.id_expires) {
                expiries.push(("subject.principal.id_expires".to_owned(), d, person(p)));
            }
        }
        for (i, site) in filing.websites.iter().enumerate() {
            if let Some(p) = site.principal.as_ref().filter(|p| !p.is_same_as_subject()) {
                if let Some(d) = dated(&p.id_expires) {
                    expiries.push((format!("websites[{i}].principal.id_expires"), d, person(p)));
                }
            }
            for (j, domain) in site.domains.iter().enumerate() {
                if let Some(d) = &domain.expires {
                    let name = text(&domain.name).map(|(n, _)| n).unwrap_or_default();
                    expiries.push((format!("websites[{i}].domains[{j}].expires"), d.value, name));
                }
            }
        }
        let icp_number = subject
            .and_then(|s| text(&s.icp_number))
            .or_else(|| filing.websites.iter().find_map(|w| text(&w.icp_number)))
            .map(|(n, _)| n);
        let client = certificate
            .map(|(n, _)| number(&n))
            .or(principal_id)
            .unwrap_or_else(|| {
                if subject_name.is_empty() {
                    path.display().to_string()
                } else {
                    subject_name.clone()
                }
            });
        let view = rules.view(filing.province());
        let waivers = filing
            .waivers
            .iter()
            .enumerate()
            .filter_map(|(i, w)| {
                let rule = w.rule.as_ref()?;
                let id = rule.value.trim();
                let reason = w.reason.as_ref()?.value.trim();
                // A waiver of an error waives nothing (the filing's own
                // check reports it).
                let of_error = view
                    .get(id)
                    .and_then(|r| r.on(env.as_of))
                    .is_some_and(|v| v.meta.severity == Severity::Error);
                (rules.is_across(id) && !reason.is_empty() && !of_error)
                    .then(|| (id.to_owned(), rule.span.clone(), i))
            })
            .collect();
        Entry {
            path: path.to_path_buf(),
            province: filing.province(),
            nature: filing.nature(),
            filing_type: filing.filing_type.as_ref().map(|t| t.value),
            as_of: env.as_of,
            client,
            items,
            waivers,
            name: (!subject_name.is_empty()).then(|| subject_name.clone()),
            icp_number,
            expiries,
        }
    }
}

/// The subject's part of an ICP number: without the website's `-n`.
fn icp_base(n: &str) -> String {
    let n: String = n.chars().filter(|c| !c.is_whitespace()).collect();
    match n.rfind('-') {
        Some(i)
            if n[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit()) =>
        {
            n[..i].to_owned()
        }
        _ => n,
    }
}

/// The field path of each declared document, by its span.
fn document_paths(filing: &crate::filing::Filing) -> HashMap<(usize, usize), String> {
    let tables = filing
        .subject
        .iter()
        .map(|s| (crate::filing::DocTable::Subject, &s.documents))
        .chain(filing.subject_principal().map(|p| {
            (
                crate::filing::DocTable::Principal(crate::filing::Owner::Subject),
                &p.documents,
            )
        }))
        .chain(filing.websites.iter().enumerate().flat_map(|(i, w)| {
            std::iter::once((crate::filing::DocTable::Website(i), &w.documents)).chain(
                w.principal.iter().map(move |p| {
                    (
                        crate::filing::DocTable::Principal(crate::filing::Owner::Website(i)),
                        &p.documents,
                    )
                }),
            )
        }));
    let mut paths = HashMap::new();
    for (table, docs) in tables {
        for (k, d) in docs.items.iter().enumerate() {
            paths
                .entry((d.span.start, d.span.end))
                .or_insert_with(|| format!("{}[{k}].file", table.path()));
        }
    }
    paths
}

impl RuleSet {
    /// Whether a rule id names an `across` rule (in any province).
    pub fn is_across(&self, id: &str) -> bool {
        self.across_ids().iter().any(|a| a == id)
    }

    fn across_ids(&self) -> &[String] {
        self.across_ids
            .get_or_init(|| {
                let view = self.view(None);
                view.rules
                    .iter()
                    .filter(|r| {
                        r.variants
                            .iter()
                            .any(|v| matches!(v.kind.as_ref(), Kind::Across(_)))
                    })
                    .map(|r| r.id.to_string())
                    .collect()
            })
            .as_slice()
    }
}

/// One occurrence of a value: the entry and its item.
type Hit = (usize, usize);

/// Compares the entries; returns, for each entry with findings, its index
/// and its findings (sorted by position).
pub fn check(rules: &RuleSet, entries: &[Entry]) -> Vec<(usize, Vec<Finding>)> {
    let mut groups: HashMap<(Across, &str), Vec<Hit>> = HashMap::new();
    for (e, entry) in entries.iter().enumerate() {
        for (i, item) in entry.items.iter().enumerate() {
            groups
                .entry((item.key, &item.value))
                .or_default()
                .push((e, i));
        }
    }
    // (entry, key, item, args)
    let mut found: Vec<(usize, Across, usize, Args)> = Vec::new();
    let mut keys: Vec<&(Across, &str)> = groups.keys().collect();
    keys.sort();
    for key in keys {
        let hits = &groups[key];
        if hits.len() < 2 {
            continue;
        }
        let item = |(e, i): Hit| &entries[e].items[i];
        let path = |e: usize| entries[e].path.display().to_string();
        // At most this many other files are named; `{others}` counts them
        // all. A value shared by thousands of filings stays linear.
        const NAMED: usize = 3;
        let name_others = |e: usize, keep: &dyn Fn(Hit) -> bool| -> (Vec<String>, usize) {
            let mut named: Vec<String> = Vec::new();
            let mut seen: Vec<usize> = Vec::new();
            for &h in hits {
                if h.0 == e || !keep(h) || seen.contains(&h.0) {
                    continue;
                }
                if named.len() < NAMED {
                    named.push(path(h.0));
                    seen.push(h.0);
                } else {
                    break;
                }
            }
            (named, 0)
        };
        let mut distinct: Vec<usize> = hits.iter().map(|h| h.0).collect();
        distinct.dedup();
        match key.0 {
            Across::Domain => {
                if distinct.len() < 2 {
                    continue;
                }
                for &(e, i) in hits {
                    let (others, _) = name_others(e, &|_| true);
                    if !others.is_empty() {
                        found.push((e, key.0, i, args(item((e, i)), &others, distinct.len() - 1)));
                    }
                }
            }
            Across::IcpNumber | Across::Scan => {
                let mut clients: Vec<&str> =
                    hits.iter().map(|h| entries[h.0].client.as_str()).collect();
                clients.sort_unstable();
                clients.dedup();
                if clients.len() < 2 {
                    continue;
                }
                for &(e, i) in hits {
                    let mine = entries[e].client.as_str();
                    let (others, _) = name_others(e, &|h| entries[h.0].client != mine);
                    let count = hits
                        .iter()
                        .filter(|h| entries[h.0].client != mine)
                        .count()
                        .min(hits.len());
                    if !others.is_empty() {
                        found.push((e, key.0, i, args(item((e, i)), &others, count)));
                    }
                }
            }
            Across::IdNumber => {
                let squeeze =
                    |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                let mut names: Vec<String> = hits.iter().map(|&h| squeeze(&item(h).name)).collect();
                names.sort_unstable();
                names.dedup();
                if names.len() < 2 {
                    continue;
                }
                for &(e, i) in hits {
                    let mine = item((e, i));
                    let (others, _) = name_others(e, &|h| !same_name(&item(h).name, &mine.name));
                    let Some(first) = hits
                        .iter()
                        .copied()
                        .find(|&h| h.0 != e && !same_name(&item(h).name, &mine.name))
                    else {
                        continue;
                    };
                    let count = others.len();
                    let mut a = args(mine, &others, count);
                    a.push(("name", mine.name.clone().into()));
                    a.push(("other_name", item(first).name.clone().into()));
                    found.push((e, key.0, i, a));
                }
            }
            Across::Principal => {
                let mut clients: Vec<&str> =
                    hits.iter().map(|h| entries[h.0].client.as_str()).collect();
                clients.sort_unstable();
                clients.dedup();
                if clients.len() < 2 {
                    continue;
                }
                for &(e, i) in hits {
                    let mine = item((e, i));
                    found.push((
                        e,
                        key.0,
                        i,
                        vec![
                            ("value", mine.shown.clone().into()),
                            ("name", mine.name.clone().into()),
                            ("count", clients.len().to_string().into()),
                        ],
                    ));
                }
            }
        }
    }
    let mut by_entry: HashMap<usize, Vec<(Across, usize, Args)>> = HashMap::new();
    for (e, key, i, a) in found {
        by_entry.entry(e).or_default().push((key, i, a));
    }
    let mut out = Vec::new();
    let mut with: Vec<usize> = by_entry.keys().copied().collect();
    // Entries whose waivers may be unused are looked at too.
    with.extend(
        entries
            .iter()
            .enumerate()
            .filter(|(e, entry)| !entry.waivers.is_empty() && !by_entry.contains_key(e))
            .map(|(e, _)| e),
    );
    with.sort_unstable();
    for e in with {
        let entry = &entries[e];
        let view = rules.view(entry.province);
        let mut findings = Vec::new();
        for (key, i, a) in by_entry.remove(&e).unwrap_or_default() {
            let item = &entry.items[i];
            for variant in variants(&view, entry, key) {
                findings.push(Finding {
                    rule: variant.meta.clone(),
                    span: Some(item.span.clone()),
                    path: item.path.clone(),
                    args: a.clone(),
                    facts: Vec::new(),
                    fix: None,
                });
            }
        }
        for (id, span, k) in &entry.waivers {
            let before = findings.len();
            findings.retain(|f| !(f.id() == id && f.severity() < Severity::Error));
            if findings.len() == before {
                super::waivers::report(
                    &view,
                    entry.as_of,
                    "waiver-unused",
                    span.clone(),
                    format!("waive[{k}].rule"),
                    vec![("rule", id.clone().into())],
                    &mut findings,
                );
            }
        }
        if findings.is_empty() {
            continue;
        }
        findings.sort_by(|a, b| {
            let key = |f: &Finding| f.span.as_ref().map(|s| (s.start, s.end));
            key(a).cmp(&key(b)).then_with(|| a.rule.id.cmp(&b.rule.id))
        });
        out.push((e, findings));
    }
    out
}

/// The `across` rules of a key that apply to an entry's filing.
fn variants<'v>(
    view: &'v View,
    entry: &Entry,
    key: Across,
) -> impl Iterator<Item = &'v std::sync::Arc<super::Variant>> {
    let (as_of, nature, filing_type) = (entry.as_of, entry.nature, entry.filing_type);
    view.rules
        .iter()
        .filter_map(move |r| r.applying(as_of, nature, filing_type))
        .filter(move |v| {
            matches!(v.kind.as_ref(), Kind::Across(k) if *k == key)
                && v.meta.severity != Severity::Off
        })
}

fn args(item: &Item, others: &[String], count: usize) -> Args {
    let (mut zh, mut en) = (others.join("、"), others.join(", "));
    if count > others.len() {
        zh.push_str(&format!("（另 {} 个）", count - others.len()));
        en.push_str(&format!(" (+{})", count - others.len()));
    }
    vec![
        ("value", item.shown.clone().into()),
        (
            "other",
            crate::finding::Arg::Words(crate::lang::Text::new(zh, en)),
        ),
        ("others", count.max(others.len()).to_string().into()),
    ]
}

/// Names compared without blanks (a name written with or without a space
/// is the same name).
fn same_name(a: &str, b: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(a) == squeeze(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icp_numbers_lose_the_website_suffix() {
        assert_eq!(icp_base("粤ICP备12345678号-2"), "粤ICP备12345678号");
        assert_eq!(icp_base(" 粤ICP备12345678号 "), "粤ICP备12345678号");
    }

    #[test]
    fn scan_paths_resolve_dot_dot() {
        assert_eq!(
            lexical(Path::new("clients/a/../shared/./x.jpg")),
            PathBuf::from("clients/shared/x.jpg")
        );
        assert_eq!(lexical(Path::new("../x.jpg")), PathBuf::from("../x.jpg"));
    }
}
