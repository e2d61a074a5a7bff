//! Running the rules of a view over a loaded filing: facts in, findings out.

use std::borrow::Cow;
use std::cell::RefCell;
// foldhash: see facts::memo.
use foldhash::HashSet;
use std::rc::Rc;
use std::sync::Arc;

use jiff::civil::Date;

use super::algorithm::{Algorithm, Outcome};
use super::compile::{DocOwner, Kind, Words};
use super::condition::Tri;
use super::{RuleSet, Variant, View};
use crate::facts::{Choices, Ty};
use crate::facts::{Ctx, DocTable, Each, Env, Fact, KindNames, Memo, Place, Scans, Value};
use crate::filing::{Document, Documents, Filing, Loaded, Owner, Vocabulary};
use crate::finding::{Arg, Args, Finding, KindName, Severity};
use crate::{Lang, Text};

/// The dates a filing is judged by.
#[derive(Clone, Copy, Debug)]
pub struct Dates {
    /// The system date.
    pub today: Date,
    /// `--today`, when given.
    pub forced: Option<Date>,
}

impl Dates {
    /// The environment for one filing: the as-of date is `--today`, else
    /// its `prepared_on`, else the system date; the date of the check is
    /// `--today`, else the system date or the as-of date, whichever is
    /// later; `scans` are where its documents' files are.
    pub fn env_for<'s>(&self, filing: &Filing, scans: Option<&'s dyn Scans>) -> Env<'s> {
        let prepared = filing.prepared_on.as_ref().map(|d| d.value);
        let as_of = self.forced.or(prepared).unwrap_or(self.today);
        Env {
            as_of,
            today: self.today,
            // `--today` keeps a check reproducible: the system date is then
            // not looked at.
            now: self.forced.unwrap_or(self.today.max(as_of)),
            as_of_is_prepared_on: self.forced.is_none() && prepared.is_some(),
            scans,
        }
    }
}

impl KindNames for RuleSet {
    fn canonical(&self, written: &str) -> Option<&str> {
        self.document_kind(written).map(|k| k.key.as_str())
    }
}

/// Whether a required document is there.
#[derive(Clone, Debug)]
pub enum DocStatus {
    /// Declared, and its file is usable (or not looked at: no scans).
    Provided {
        /// The file as declared.
        file: String,
    },
    /// Not declared.
    Missing,
    /// Declared, but its file cannot be uploaded.
    Unusable {
        /// The file as declared.
        file: String,
        /// Why: the findings of the `document-*` rules its file trips.
        problems: Vec<Finding>,
    },
}

/// One document a filing needs, and whether it has it.
#[derive(Clone, Debug)]
pub struct Requirement {
    /// The rule that asks for it.
    pub rule: Arc<Variant>,
    /// The document kind's key.
    pub kind: String,
    /// The table that should hold it.
    pub table: DocTable,
    /// Copies (for paper forms).
    pub count: u32,
    /// The domain it is for, when one is needed per domain.
    pub domain: Option<String>,
    /// The pre-approval category it is for.
    pub category: Option<String>,
    /// Whether it is there.
    pub status: DocStatus,
}

impl RuleSet {
    /// Checks one loaded filing that was not read from a directory (its
    /// scans are not looked at); findings are sorted by position.
    pub fn check(&self, loaded: &Loaded, dates: Dates) -> Vec<Finding> {
        self.check_in(loaded, dates, None)
    }

    /// Checks one loaded filing whose document files `scans` looks at.
    pub fn check_in(
        &self,
        loaded: &Loaded,
        dates: Dates,
        scans: Option<&dyn Scans>,
    ) -> Vec<Finding> {
        let filing = &loaded.filing;
        let env = dates.env_for(filing, scans);
        let view = self.view(filing.province());
        let mut out = Vec::new();
        for issue in &loaded.issues {
            let Some(rule) = view.get(issue.rule).and_then(|r| r.on(env.as_of)) else {
                continue;
            };
            if rule.meta.severity != Severity::Off {
                out.push(Finding {
                    rule: rule.meta.clone(),
                    span: issue.span.clone(),
                    path: issue.path.clone(),
                    args: issue.args.clone(),
                    facts: Vec::new(),
                    fix: None,
                });
            }
        }
        if loaded.parsed {
            let before = out.len();
            self.run(&view, filing, &env, &mut out);
            // A value the loader already reported (wrong type, unknown value)
            // is absent from the model; saying it is missing would repeat it.
            let reported: Vec<String> = out[..before].iter().map(|f| f.path.clone()).collect();
            // A value that is missing (or blank) has nothing else wrong with
            // it worth saying: "the city is required" is the whole story, not
            // also "\"\" is not a city of 广东".
            let missing: HashSet<String> = out[before..]
                .iter()
                .filter(|f| f.rule.kind == KindName::Require)
                .map(|f| f.path.clone())
                .collect();
            let mut index = 0;
            out.retain(|f| {
                index += 1;
                if index <= before {
                    return true;
                }
                if f.rule.kind == KindName::Require {
                    !reported.contains(&f.path)
                } else {
                    !missing.contains(&f.path)
                }
            });
            // The filing's own `[[waive]]` last: it sees every finding.
            super::waivers::apply(self, &view, filing, env.as_of, &mut out);
        }
        self.fixes(&view, loaded, env.as_of, &mut out);
        out.sort_by(|a, b| {
            let key = |f: &Finding| f.span.as_ref().map(|s| (s.start, s.end));
            key(a).cmp(&key(b)).then_with(|| a.rule.id.cmp(&b.rule.id))
        });
        out
    }

    /// Fills in [`Finding::fix`]: for each finding of a rule with a fix whose
    /// span is a string literal of the filing, the value the fix gives it.
    fn fixes(&self, view: &View, loaded: &Loaded, as_of: Date, out: &mut [Finding]) {
        if !loaded.parsed {
            return;
        }
        let province = loaded.filing.province();
        let city = province.and_then(|p| {
            let city = loaded.filing.subject.as_ref()?.city.as_ref()?;
            crate::data::city_in_province(p, &city.value)
        });
        for finding in out.iter_mut().filter(|f| f.rule.fix.is_some()) {
            let Some(fix) = view
                .get(&finding.rule.id)
                .and_then(|r| r.on(as_of))
                .and_then(|v| v.fix)
            else {
                continue;
            };
            // A date fix on `invalid-value` repairs dates only, not a value
            // of a vocabulary that happens to look like one.
            if fix == super::fix::Fix::Date
                && !finding.args.iter().any(|(k, v)| {
                    *k == "allowed" && v.get(crate::Lang::En).starts_with("YYYY-MM-DD")
                })
            {
                continue;
            }
            let raw = finding
                .span
                .as_ref()
                .and_then(|s| loaded.text.get(s.clone()))
                .and_then(super::fix::string_literal);
            finding.fix = raw.and_then(|raw| fix.apply(&raw, province, city));
        }
    }

    /// The process steps (`step:` rules) that apply to a filing, in rule
    /// order: in force on its as-of date, in scope, and their `when` true.
    pub fn steps(&self, loaded: &Loaded, dates: Dates) -> Vec<Arc<Variant>> {
        let filing = &loaded.filing;
        let env = dates.env_for(filing, None);
        let view = self.view(filing.province());
        let memo = Memo::default();
        let ctx = Ctx::new(filing, &env, &memo, self);
        let nature = filing.nature();
        let filing_type = filing.filing_type.as_ref().map(|t| t.value);
        view.rules
            .iter()
            .filter_map(|r| r.applying(env.as_of, nature, filing_type))
            .filter(|v| matches!(v.kind.as_ref(), Kind::Step) && v.meta.severity != Severity::Off)
            .filter(|v| v.when.as_ref().is_none_or(|w| w.eval(&ctx) == Tri::True))
            .cloned()
            .collect()
    }

    fn run(&self, view: &View, filing: &Filing, env: &Env<'_>, out: &mut Vec<Finding>) {
        let memo = Memo::default();
        let outcomes = OutcomeMemo::default();
        let key = (
            env.as_of,
            filing.nature(),
            filing.filing_type.as_ref().map(|t| t.value),
        );
        for rule in view.plan(key).iter() {
            for_each(rule.each, filing, env, &memo, self, |ctx| {
                if let Some(when) = &rule.when {
                    if when.eval(&ctx) != Tri::True {
                        return;
                    }
                }
                self.apply(rule, &ctx, &outcomes, out);
            });
        }
    }

    fn apply(
        &self,
        rule: &Arc<Variant>,
        ctx: &Ctx<'_>,
        memo: &OutcomeMemo,
        out: &mut Vec<Finding>,
    ) {
        let report = |out: &mut Vec<Finding>, place: Place, args: Args| {
            let facts = rule
                .fact_args
                .iter()
                .map(|(name, fact)| (name.clone(), self.fact_arg(*fact, &ctx.value(*fact))))
                .collect();
            out.push(Finding {
                rule: rule.meta.clone(),
                span: place.span,
                path: place.path,
                args,
                facts,
                fix: None,
            });
        };
        let at = |fallback: Option<Fact>| rule.at.or(fallback);
        match rule.kind.as_ref() {
            Kind::Load | Kind::Step | Kind::Across(_) | Kind::Change(_) => {}
            Kind::Assert(cond) => {
                if cond.eval(ctx) == Tri::False {
                    let fact = at(cond.first_fact());
                    let (place, args) = match fact {
                        Some(f) => (
                            ctx.place(f),
                            vec![("value", self.fact_arg(f, &ctx.value(f)))],
                        ),
                        None => (fallback_place(ctx), Vec::new()),
                    };
                    report(out, place, args);
                }
            }
            Kind::Require(facts) => {
                for fact in facts {
                    if ctx.value(*fact).is_present() == Some(false) {
                        let place = ctx.place(*fact);
                        let field = place.path.clone();
                        report(out, place, vec![("field", field.into())]);
                    }
                }
            }
            Kind::Forbid(facts) => {
                for fact in facts {
                    if ctx.value(*fact).is_present() == Some(true) {
                        let place = ctx.place(*fact);
                        let field = place.path.clone();
                        report(out, place, vec![("field", field.into())]);
                    }
                }
            }
            Kind::Note {
                field,
                phrases,
                all_phrases,
                min_chars,
            } => {
                let value = ctx.value(*field);
                let text = match &value {
                    Value::Unknown => return,
                    Value::Text(t) => t.trim().to_owned(),
                    _ => String::new(),
                };
                let lacks_phrase =
                    !phrases.is_empty() && !phrases.iter().any(|p| text.contains(p.as_str()));
                let missing: Vec<&str> = all_phrases
                    .iter()
                    .filter(|p| !text.contains(p.as_str()))
                    .map(String::as_str)
                    .collect();
                let too_short = min_chars.is_some_and(|m| text.chars().count() < m);
                if lacks_phrase || !missing.is_empty() || too_short {
                    let place = ctx.place(at(Some(*field)).unwrap_or(*field));
                    let mut args = vec![
                        ("phrase", phrases.join(" / ").into()),
                        ("phrases", all_phrases.join("、").into()),
                    ];
                    if !missing.is_empty() {
                        args.push(("missing", missing.join("、").into()));
                    }
                    if let Some(m) = min_chars {
                        args.push(("min_chars", m.to_string().into()));
                    }
                    report(out, place, args);
                }
            }
            Kind::Words {
                field,
                words,
                mode,
                unless,
            } => {
                let Value::Text(text) = ctx.value(*field) else {
                    return;
                };
                let excused: Vec<String> = match unless.map(|u| ctx.value(u)) {
                    Some(Value::List(items)) => items.iter().map(Value::display).collect(),
                    _ => Vec::new(),
                };
                // Most values have no capital letter (Chinese names,
                // lower-case domains): lowered only when one does.
                let trimmed = text.trim();
                let changes = |c: char| {
                    c.is_ascii_uppercase()
                        || (!c.is_ascii() && c.to_lowercase().ne(std::iter::once(c)))
                };
                let lowered: Cow<'_, str> = if trimmed.chars().any(changes) {
                    Cow::Owned(trimmed.to_lowercase())
                } else {
                    Cow::Borrowed(trimmed)
                };
                let found: Vec<&str> = match words {
                    Words::Plain(set) => set
                        .find(&lowered, *mode)
                        .into_iter()
                        .map(|i| set.words()[i].as_str())
                        .collect(),
                    Words::Named(name) => match self.list_words(name) {
                        Some(set) => set
                            .find(&lowered, *mode)
                            .into_iter()
                            .map(|i| set.words()[i].as_str())
                            .collect(),
                        None => Vec::new(),
                    },
                    Words::Mapped(set, keys) => set
                        .find(&lowered, *mode)
                        .into_iter()
                        .filter(|&i| !excused.iter().any(|e| *e == keys[i]))
                        .map(|i| set.words()[i].as_str())
                        .collect(),
                };
                if !found.is_empty() {
                    let place = ctx.place(at(Some(*field)).unwrap_or(*field));
                    report(
                        out,
                        place,
                        vec![
                            ("word", found.join("、").into()),
                            ("value", text.to_string().into()),
                        ],
                    );
                }
            }
            Kind::Limit { fact, min, max } => {
                let Value::Int(n) = ctx.value(*fact) else {
                    return;
                };
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    let place = ctx.place(at(Some(*fact)).unwrap_or(*fact));
                    let mut args = vec![("count", n.to_string().into())];
                    if let Some(m) = min {
                        args.push(("min", m.to_string().into()));
                    }
                    if let Some(m) = max {
                        args.push(("max", m.to_string().into()));
                    }
                    report(out, place, args);
                }
            }
            Kind::Check {
                algorithm,
                fields,
                report: wanted,
                lists,
                lists_key,
                pattern,
            } => {
                let lists: Vec<(&str, &HashSet<String>)> = lists
                    .iter()
                    .filter_map(|(param, name)| Some((*param, self.list_set(name)?)))
                    .collect();
                for field in fields {
                    let Value::Text(value) = ctx.value(*field) else {
                        continue;
                    };
                    // One finding per field and rule: the first outcome it reports.
                    // Algorithms without parameters give the same outcomes to
                    // every rule that reports one of them: run them once per
                    // field of the filing.
                    let run = || algorithm.run(&value, ctx, &lists, pattern.as_ref());
                    let outcomes = match &value {
                        Cow::Borrowed(v) if pattern.is_none() => {
                            memo.outcomes(*algorithm, *lists_key, v, run)
                        }
                        _ => Some(std::rc::Rc::new(run())),
                    };
                    let outcomes = outcomes.as_deref().map_or(&[][..], Vec::as_slice);
                    if let Some(outcome) = outcomes
                        .iter()
                        .find(|o| wanted.as_ref().is_none_or(|w| w.contains(&o.code)))
                    {
                        let mut args = outcome.args.clone();
                        args.push(("value", value.to_string().into()));
                        report(out, ctx.place(at(Some(*field)).unwrap_or(*field)), args);
                    }
                }
            }
            Kind::Document { .. } => {
                // Validate reports what is missing; an unusable file is
                // reported by the document-* rules at the document itself.
                for need in self.needs(rule, ctx, Files::Skip) {
                    if !matches!(need.status, DocStatus::Missing) {
                        continue;
                    }
                    let name = self
                        .document_kind(&need.kind)
                        .map(|k| k.name.clone())
                        .unwrap_or_else(|| {
                            crate::lang::Text::new(need.kind.clone(), need.kind.clone())
                        });
                    let (span, path) = table_place(ctx, need.table);
                    let mut args = vec![
                        ("kind", need.kind.clone().into()),
                        ("document_zh", name.zh.clone().into()),
                        ("document_en", name.en.clone().into()),
                    ];
                    if let Some(domain) = &need.domain {
                        args.push(("domain", domain.clone().into()));
                    }
                    report(out, Place { span, path }, args);
                }
            }
        }
    }

    /// The documents a document rule asks for in a context, and whether the
    /// filing has them; `files` says whether a declared document's file is
    /// judged (usable or not) or only its declaration counts.
    fn needs(&self, rule: &Arc<Variant>, ctx: &Ctx<'_>, files: Files) -> Vec<Requirement> {
        let Kind::Document {
            kind,
            alternatives,
            owner,
            count,
            per_domain,
        } = rule.kind.as_ref()
        else {
            return Vec::new();
        };
        let owner = Kind::document_owner(*owner, rule.each);
        let Some((table, docs)) = documents_of(ctx, owner) else {
            return Vec::new();
        };
        let category = ctx.preapproval.map(|(_, p)| p.value.key().to_owned());
        // On a website with one domain, a document that names no domain can
        // only be that domain's.
        let single_domain = *per_domain && ctx.website.is_some_and(|(_, w)| w.domains.len() == 1);
        let status = |domain: Option<&str>| -> DocStatus {
            let matching: Vec<&Document> = docs
                .items
                .iter()
                .filter(|d| {
                    let kind_ok = d.kind.as_ref().is_some_and(|k| {
                        let have = ctx.document_kind(&k.value);
                        have == kind.as_str() || alternatives.iter().any(|a| have == a.as_str())
                    });
                    let domain_ok = domain.is_none_or(|want| match &d.domain {
                        Some(have) => have.value.trim().eq_ignore_ascii_case(want),
                        None => single_domain,
                    });
                    let category_ok = category.as_deref().is_none_or(|want| {
                        d.category
                            .as_ref()
                            .is_some_and(|have| have.value.key() == want)
                    });
                    kind_ok && domain_ok && category_ok
                })
                .collect();
            let Some(first) = matching.first() else {
                return DocStatus::Missing;
            };
            let file_of = |d: &Document| {
                d.file
                    .as_ref()
                    .map_or_else(String::new, |f| f.value.clone())
            };
            if files == Files::Skip {
                return DocStatus::Provided {
                    file: file_of(first),
                };
            }
            let mut first_problems = Vec::new();
            for d in &matching {
                let problems = self.file_problems(ctx, d);
                if problems.is_empty() {
                    return DocStatus::Provided { file: file_of(d) };
                }
                if first_problems.is_empty() {
                    first_problems = problems;
                }
            }
            DocStatus::Unusable {
                file: file_of(first),
                problems: first_problems,
            }
        };
        let need = |domain: Option<String>| Requirement {
            rule: rule.clone(),
            kind: kind.clone(),
            table,
            count: *count,
            status: status(domain.as_deref()),
            domain,
            category: category.clone(),
        };
        if *per_domain {
            let Some((_, site)) = ctx.website else {
                return Vec::new();
            };
            site.domains
                .iter()
                .filter_map(|d| d.name.as_ref())
                .map(|n| need(Some(n.value.trim().to_owned())))
                .collect()
        } else {
            vec![need(None)]
        }
    }

    /// The findings of the `each: document` rules a declared document's
    /// file trips (none when its file is not looked at): the same findings
    /// `validate` reports at the document.
    fn file_problems(&self, ctx: &Ctx<'_>, d: &Document) -> Vec<Finding> {
        let view = self.view(ctx.filing.province());
        let nature = ctx.filing.nature();
        let filing_type = ctx.filing.filing_type.as_ref().map(|t| t.value);
        let table = ctx.document.map_or(DocTable::Subject, |(t, _, _)| t);
        let here = Ctx {
            document: Some((table, 0, d)),
            ..*ctx
        };
        let mut out = Vec::new();
        let outcomes = OutcomeMemo::default();
        for v in view.plan((ctx.env.as_of, nature, filing_type)).iter() {
            if v.each != Each::Document {
                continue;
            }
            let about_the_file = matches!(v.kind.as_ref(), Kind::Assert(_) | Kind::Limit { .. });
            if about_the_file && v.when.as_ref().is_none_or(|w| w.eval(&here) == Tri::True) {
                self.apply(v, &here, &outcomes, &mut out);
            }
        }
        out
    }

    /// Every document the filing needs, in rule order, with its status.
    /// Document files are looked at by `scans` (not at all without).
    pub fn requirements(
        &self,
        loaded: &Loaded,
        dates: Dates,
        scans: Option<&dyn Scans>,
    ) -> Vec<Requirement> {
        let filing = &loaded.filing;
        if !loaded.parsed {
            return Vec::new();
        }
        let env = dates.env_for(filing, scans);
        let view = self.view(filing.province());
        let memo = Memo::default();
        let key = (
            env.as_of,
            filing.nature(),
            filing.filing_type.as_ref().map(|t| t.value),
        );
        let mut out = Vec::new();
        for rule in view.plan(key).iter() {
            if !matches!(rule.kind.as_ref(), Kind::Document { .. }) {
                continue;
            }
            for_each(rule.each, filing, &env, &memo, self, |ctx| {
                if rule.when.as_ref().is_none_or(|w| w.eval(&ctx) == Tri::True) {
                    out.extend(self.needs(rule, &ctx, Files::Judge));
                }
            });
        }
        out
    }
}

/// Whether [`RuleSet::needs`] judges the files of declared documents.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Files {
    /// Run the `document-*` rules on each: a checklist tells a document
    /// whose file cannot be uploaded from one that is there.
    Judge,
    /// Only whether a document is declared: `validate` reports what is
    /// missing, and the `document-*` rules report a bad file at the document
    /// itself (judging each file again per rule would double their cost).
    Skip,
}

/// The span and path of the `documents` of a table (the table's header when
/// it has no `documents` yet).
fn table_place(ctx: &Ctx<'_>, table: DocTable) -> (Option<crate::filing::Span>, String) {
    let filing = ctx.filing;
    let (docs, span) = match table {
        DocTable::Subject => match &filing.subject {
            Some(s) => (Some(&s.documents), Some(s.span.clone())),
            None => (None, None),
        },
        DocTable::Principal(owner) => match filing.principal(owner) {
            Some(p) => (Some(&p.documents), Some(p.span.clone())),
            None => (None, None),
        },
        DocTable::Website(i) => match filing.websites.get(i) {
            Some(w) => (Some(&w.documents), Some(w.span.clone())),
            None => (None, None),
        },
    };
    (docs.and_then(|d| d.span.clone()).or(span), table.path())
}

impl RuleSet {
    /// A fact's value for a message, language-neutral: a choice by its
    /// label and a province by its name, in each language (the reporter
    /// picks one); anything else as the filing writes it.
    fn fact_arg(&self, fact: Fact, value: &Value<'_>) -> Arg {
        let words = |key: &str| -> Option<Text> {
            match fact.ty() {
                Ty::Province => crate::data::province(key).map(|p| p.names()),
                Ty::Choice(Choices::DocumentKind) | Ty::ChoiceList(Choices::DocumentKind) => {
                    self.document_kind(key).map(|k| k.name.clone())
                }
                Ty::Choice(c) | Ty::ChoiceList(c) => {
                    Some(Text::new(c.label(key, Lang::Zh)?, c.label(key, Lang::En)?))
                }
                _ => None,
            }
        };
        match value {
            Value::Text(key) => {
                words(key.trim()).map_or_else(|| value.display().into(), Arg::Words)
            }
            Value::List(items) if matches!(fact.ty(), Ty::ChoiceList(_)) => {
                let (mut zh, mut en) = (Vec::new(), Vec::new());
                for item in items {
                    let text = match item {
                        Value::Text(key) => words(key.trim()),
                        _ => None,
                    }
                    .unwrap_or_else(|| Text::new(item.display(), item.display()));
                    zh.push(text.zh);
                    en.push(text.en);
                }
                Arg::Words(Text::new(zh.join("、"), en.join(", ")))
            }
            // Any other list (the places a pinyin spelling may mean): each
            // language's separator.
            Value::List(items) => {
                let shown: Vec<String> = items.iter().map(Value::display).collect();
                Arg::Words(Text::new(shown.join("、"), shown.join(", ")))
            }
            _ => value.display().into(),
        }
    }
}

fn fallback_place(ctx: &Ctx<'_>) -> Place {
    if let Some((i, w)) = ctx.website {
        return Place {
            span: Some(w.span.clone()),
            path: format!("websites[{i}]"),
        };
    }
    Place {
        span: ctx.filing.subject.as_ref().map(|s| s.span.clone()),
        path: "subject".into(),
    }
}

/// The `documents` of an owner in the context, and which table they are.
fn documents_of<'a>(ctx: &Ctx<'a>, owner: DocOwner) -> Option<(DocTable, &'a Documents)> {
    let filing = ctx.filing;
    match owner {
        DocOwner::Subject => Some((DocTable::Subject, &filing.subject.as_ref()?.documents)),
        DocOwner::SubjectPrincipal => Some((
            DocTable::Principal(Owner::Subject),
            &filing.subject_principal()?.documents,
        )),
        DocOwner::Principal => {
            let (o, p) = ctx.principal?;
            Some((DocTable::Principal(o), &p.documents))
        }
        DocOwner::Website => {
            let (i, w) = ctx.website?;
            Some((DocTable::Website(i), &w.documents))
        }
        DocOwner::WebsitePrincipal => {
            let (i, _) = ctx.website?;
            let (o, p) = filing.website_principal(i)?;
            Some((DocTable::Principal(o), &p.documents))
        }
    }
}

/// Calls `f` with a context for every item `each` iterates over.
pub fn for_each<'a>(
    each: Each,
    filing: &'a Filing,
    env: &'a Env<'a>,
    memo: &'a Memo,
    kinds: &'a dyn KindNames,
    mut f: impl FnMut(Ctx<'a>),
) {
    let base = Ctx::new(filing, env, memo, kinds);
    match each {
        Each::Filing => f(base),
        Each::Document => {
            let mut tables: Vec<(DocTable, &'a Documents)> = Vec::new();
            if let Some(s) = &filing.subject {
                tables.push((DocTable::Subject, &s.documents));
                if let Some(p) = &s.principal {
                    tables.push((DocTable::Principal(Owner::Subject), &p.documents));
                }
            }
            for (i, w) in filing.websites.iter().enumerate() {
                tables.push((DocTable::Website(i), &w.documents));
                if let Some(p) = &w.principal {
                    tables.push((DocTable::Principal(Owner::Website(i)), &p.documents));
                }
            }
            for (table, docs) in tables {
                let website = match table {
                    DocTable::Website(i) | DocTable::Principal(Owner::Website(i)) => {
                        filing.websites.get(i).map(|w| (i, w))
                    }
                    _ => None,
                };
                for (j, d) in docs.items.iter().enumerate() {
                    f(Ctx {
                        document: Some((table, j, d)),
                        website,
                        ..base
                    });
                }
            }
        }
        Each::Principal => {
            if let Some(p) = filing.subject_principal() {
                f(Ctx {
                    principal: Some((Owner::Subject, p)),
                    ..base
                });
            }
            for (i, w) in filing.websites.iter().enumerate() {
                if let Some(p) = w.principal.as_ref().filter(|p| !p.is_same_as_subject()) {
                    f(Ctx {
                        principal: Some((Owner::Website(i), p)),
                        website: Some((i, w)),
                        ..base
                    });
                }
            }
        }
        Each::Website | Each::Domain | Each::Homepage | Each::Preapproval | Each::Ip => {
            for (i, w) in filing.websites.iter().enumerate() {
                let site = Ctx {
                    website: Some((i, w)),
                    ..base
                };
                match each {
                    Each::Website => f(site),
                    Each::Domain => {
                        for (j, d) in w.domains.iter().enumerate() {
                            f(Ctx {
                                domain: Some((j, d)),
                                ..site
                            });
                        }
                    }
                    Each::Homepage => {
                        for (j, h) in w.homepages.iter().enumerate() {
                            f(Ctx {
                                homepage: Some((j, h)),
                                ..site
                            });
                        }
                    }
                    Each::Preapproval => {
                        for (j, p) in w.preapprovals.iter().enumerate() {
                            f(Ctx {
                                preapproval: Some((j, p)),
                                ..site
                            });
                        }
                    }
                    Each::Ip => {
                        if let Some(h) = &w.hosting {
                            for (j, ip) in h.ips.iter().enumerate() {
                                f(Ctx {
                                    ip: Some((j, ip)),
                                    ..site
                                });
                            }
                        }
                    }
                    Each::Filing | Each::Principal | Each::Document => {}
                }
            }
        }
    }
}

/// An algorithm's outcomes on one value (`None`: nothing to report, the
/// common case, kept without allocating).
type Outcomes = Option<Rc<Vec<Outcome>>>;

/// An algorithm, its parameters' fingerprint, and a value's address and length.
type OutcomeKey = (Algorithm, u64, *const u8, usize);

/// The outcomes of `check:` algorithms on the values of one filing, each
/// computed once: algorithms without parameters give the same outcomes to
/// every rule that reads the same field. The engine keeps it beside the
/// facts' [`Memo`]: outcomes are the rules' business, not the facts'.
#[derive(Default)]
struct OutcomeMemo {
    /// Hashed: a filing of thousands of websites has thousands of values.
    // foldhash: see facts::memo.
    entries: RefCell<foldhash::HashMap<OutcomeKey, Outcomes>>,
}

impl OutcomeMemo {
    /// The outcomes of an algorithm on a value of the filing, computed once.
    ///
    /// The value is known by its address: a field borrowed from the filing,
    /// which outlives this memo, so an address names one value for the
    /// memo's whole life. Derived values that own their text must not be
    /// passed here (the engine runs the algorithm on those itself).
    ///
    /// `params` tells apart runs of one algorithm with different parameters
    /// (e.g. other suffix lists).
    fn outcomes(
        &self,
        algorithm: Algorithm,
        params: u64,
        value: &str,
        compute: impl FnOnce() -> Vec<Outcome>,
    ) -> Outcomes {
        let key: OutcomeKey = (algorithm, params, value.as_ptr(), value.len());
        if let Some(v) = self.entries.borrow().get(&key) {
            return v.clone();
        }
        let found = compute();
        let value = (!found.is_empty()).then(|| Rc::new(found));
        self.entries.borrow_mut().insert(key, value.clone());
        value
    }
}
