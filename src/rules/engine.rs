//! Running the rules of a view over a loaded filing: facts in, findings out.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Arc;

use jiff::civil::Date;

use super::compile::{DocOwner, Kind, Words};
use super::condition::Tri;
use super::{RuleSet, Variant, View};
use crate::facts::{Ctx, Each, Env, Fact, Memo, Place, Value};
use crate::filing::{Documents, Filing, Loaded, Owner};
use crate::finding::{Args, Finding, Severity};

/// The dates a filing is judged by.
#[derive(Clone, Copy, Debug)]
pub struct Dates {
    /// The system date.
    pub today: Date,
    /// `--today`, when given.
    pub forced: Option<Date>,
}

impl Dates {
    /// The environment for one filing: `--today`, else its `prepared_on`,
    /// else the system date.
    pub fn env_for(&self, filing: &Filing) -> Env {
        let prepared = filing.prepared_on.as_ref().map(|d| d.value);
        Env {
            as_of: self.forced.or(prepared).unwrap_or(self.today),
            today: self.today,
            as_of_is_prepared_on: self.forced.is_none() && prepared.is_some(),
        }
    }
}

impl RuleSet {
    /// Checks one loaded filing; findings are sorted by position.
    pub fn check(&self, loaded: &Loaded, dates: Dates) -> Vec<Finding> {
        let filing = &loaded.filing;
        let env = dates.env_for(filing);
        let view = self.view(filing.province());
        let mut out = Vec::new();
        for issue in &loaded.issues {
            let Some(rule) = view.get(issue.rule).and_then(|r| r.on(env.as_of)) else {
                continue;
            };
            if rule.severity != Severity::Off {
                out.push(Finding {
                    rule: rule.clone(),
                    span: issue.span.clone(),
                    path: issue.path.clone(),
                    args: issue.args.clone(),
                    facts: Vec::new(),
                });
            }
        }
        if loaded.parsed {
            let before = out.len();
            self.run(&view, filing, &env, &mut out);
            // A value the loader already reported (wrong type, unknown value)
            // is absent from the model; saying it is missing would repeat it.
            let reported: Vec<String> = out[..before].iter().map(|f| f.path.clone()).collect();
            let mut index = 0;
            out.retain(|f| {
                index += 1;
                index <= before
                    || !matches!(f.rule.kind.as_ref(), Kind::Require(_))
                    || !reported.contains(&f.path)
            });
        }
        out.sort_by(|a, b| {
            let key = |f: &Finding| f.span.as_ref().map(|s| (s.start, s.end));
            key(a).cmp(&key(b)).then_with(|| a.rule.id.cmp(&b.rule.id))
        });
        out
    }

    /// The process steps (`step:` rules) that apply to a filing, in rule
    /// order: in force on its as-of date, in scope, and their `when` true.
    pub fn steps(&self, loaded: &Loaded, dates: Dates) -> Vec<Arc<Variant>> {
        let filing = &loaded.filing;
        let env = dates.env_for(filing);
        let view = self.view(filing.province());
        let memo = Memo::default();
        let ctx = Ctx::new(filing, &env, &memo);
        let nature = filing.nature();
        let filing_type = filing.filing_type.as_ref().map(|t| t.value);
        view.rules
            .iter()
            .filter_map(|r| r.applying(env.as_of, nature, filing_type))
            .filter(|v| matches!(v.kind.as_ref(), Kind::Step) && v.severity != Severity::Off)
            .filter(|v| v.when.as_ref().is_none_or(|w| w.eval(&ctx) == Tri::True))
            .cloned()
            .collect()
    }

    fn run(&self, view: &View, filing: &Filing, env: &Env, out: &mut Vec<Finding>) {
        let memo = Memo::default();
        let key = (
            env.as_of,
            filing.nature(),
            filing.filing_type.as_ref().map(|t| t.value),
        );
        for rule in view.plan(key).iter() {
            for_each(rule.each, filing, env, &memo, |ctx| {
                if let Some(when) = &rule.when {
                    if when.eval(&ctx) != Tri::True {
                        return;
                    }
                }
                self.apply(rule, &ctx, out);
            });
        }
    }

    fn apply(&self, rule: &Arc<Variant>, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let report = |out: &mut Vec<Finding>, place: Place, args: Args| {
            let facts = rule
                .fact_args
                .iter()
                .map(|(name, fact)| (name.clone(), display_fact(ctx, *fact)))
                .collect();
            out.push(Finding {
                rule: rule.clone(),
                span: place.span,
                path: place.path,
                args,
                facts,
            });
        };
        let at = |fallback: Option<Fact>| rule.at.or(fallback);
        match rule.kind.as_ref() {
            Kind::Load | Kind::Step => {}
            Kind::Assert(cond) => {
                if cond.eval(ctx) == Tri::False {
                    let fact = at(cond.first_fact());
                    let (place, args) = match fact {
                        Some(f) => (ctx.place(f), vec![("value", ctx.value(f).display())]),
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
                        report(out, place, vec![("field", field)]);
                    }
                }
            }
            Kind::Forbid(facts) => {
                for fact in facts {
                    if ctx.value(*fact).is_present() == Some(true) {
                        let place = ctx.place(*fact);
                        let field = place.path.clone();
                        report(out, place, vec![("field", field)]);
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
                let too_short = min_chars.is_some_and(|m| text.chars().count() < m);
                if lacks_phrase || too_short {
                    let place = ctx.place(at(Some(*field)).unwrap_or(*field));
                    let mut args = vec![
                        ("phrase", phrases.join(" / ")),
                        ("phrases", all_phrases.join("、")),
                    ];
                    if let Some(m) = min_chars {
                        args.push(("min_chars", m.to_string()));
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
                let lowered = text.trim().to_lowercase();
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
                        vec![("word", found.join("、")), ("value", text.to_string())],
                    );
                }
            }
            Kind::Limit { fact, min, max } => {
                let Value::Int(n) = ctx.value(*fact) else {
                    return;
                };
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    let place = ctx.place(at(Some(*fact)).unwrap_or(*fact));
                    let mut args = vec![("count", n.to_string())];
                    if let Some(m) = min {
                        args.push(("min", m.to_string()));
                    }
                    if let Some(m) = max {
                        args.push(("max", m.to_string()));
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
                            ctx.memo.outcomes(*algorithm, *lists_key, v, run)
                        }
                        _ => Some(std::rc::Rc::new(run())),
                    };
                    let outcomes = outcomes.as_deref().map_or(&[][..], Vec::as_slice);
                    if let Some(outcome) = outcomes
                        .iter()
                        .find(|o| wanted.as_ref().is_none_or(|w| w.contains(&o.code)))
                    {
                        let mut args = outcome.args.clone();
                        args.push(("value", value.to_string()));
                        report(out, ctx.place(at(Some(*field)).unwrap_or(*field)), args);
                    }
                }
            }
            Kind::Document {
                kind,
                owner,
                count: _,
                per_domain,
            } => {
                let owner = Kind::document_owner(*owner, rule.each);
                let Some((docs, table_span, path)) = documents_of(ctx, owner) else {
                    return;
                };
                let matching = |domain: Option<&str>| {
                    docs.items.iter().any(|d| {
                        let kind_ok = d.kind.as_ref().is_some_and(|k| {
                            self.document_kind(&k.value)
                                .map_or(k.value.trim() == kind, |dk| dk.key == *kind)
                        });
                        let domain_ok = domain.is_none_or(|want| {
                            d.domain
                                .as_ref()
                                .is_some_and(|have| have.value.trim().eq_ignore_ascii_case(want))
                        });
                        kind_ok && domain_ok
                    })
                };
                let span = docs.span.clone().or(table_span);
                let doc_name = self
                    .document_kind(kind)
                    .map(|k| k.name.clone())
                    .unwrap_or_else(|| crate::lang::Text::new(kind.clone(), kind.clone()));
                if *per_domain {
                    let Some((_, site)) = ctx.website else { return };
                    for d in &site.domains {
                        let Some(name) = d.name.as_ref() else {
                            continue;
                        };
                        if !matching(Some(name.value.trim())) {
                            report(
                                out,
                                Place {
                                    span: span.clone(),
                                    path: path.clone(),
                                },
                                vec![
                                    ("kind", kind.clone()),
                                    ("document_zh", doc_name.zh.clone()),
                                    ("document_en", doc_name.en.clone()),
                                    ("domain", name.value.clone()),
                                ],
                            );
                        }
                    }
                } else if !matching(None) {
                    report(
                        out,
                        Place { span, path },
                        vec![
                            ("kind", kind.clone()),
                            ("document_zh", doc_name.zh.clone()),
                            ("document_en", doc_name.en.clone()),
                        ],
                    );
                }
            }
        }
    }
}

/// A fact's value for a message: provinces by name, choices by label.
fn display_fact(ctx: &Ctx<'_>, fact: Fact) -> String {
    let value = ctx.value(fact);
    match (fact.ty(), &value) {
        (crate::facts::Ty::Province, Value::Text(code)) => {
            crate::data::province(code).map_or_else(|| code.to_string(), |p| p.name.to_owned())
        }
        _ => value.display(),
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

/// The `documents` of an owner in the context, with the owner table's span
/// and the documents' field path.
fn documents_of<'a>(
    ctx: &Ctx<'a>,
    owner: DocOwner,
) -> Option<(&'a Documents, Option<crate::filing::Span>, String)> {
    let filing = ctx.filing;
    match owner {
        DocOwner::Subject => {
            let s = filing.subject.as_ref()?;
            Some((
                &s.documents,
                Some(s.span.clone()),
                "subject.documents".into(),
            ))
        }
        DocOwner::SubjectPrincipal => {
            let p = filing.subject_principal()?;
            Some((
                &p.documents,
                Some(p.span.clone()),
                "subject.principal.documents".into(),
            ))
        }
        DocOwner::Principal => {
            let (o, p) = ctx.principal?;
            Some((
                &p.documents,
                Some(p.span.clone()),
                format!("{}.documents", o.path()),
            ))
        }
        DocOwner::Website => {
            let (i, w) = ctx.website?;
            Some((
                &w.documents,
                Some(w.span.clone()),
                format!("websites[{i}].documents"),
            ))
        }
        DocOwner::WebsitePrincipal => {
            let (i, _) = ctx.website?;
            let (o, p) = filing.website_principal(i)?;
            Some((
                &p.documents,
                Some(p.span.clone()),
                format!("{}.documents", o.path()),
            ))
        }
    }
}

/// Calls `f` with a context for every item `each` iterates over.
pub fn for_each<'a>(
    each: Each,
    filing: &'a Filing,
    env: &'a Env,
    memo: &'a Memo,
    mut f: impl FnMut(Ctx<'a>),
) {
    let base = Ctx::new(filing, env, memo);
    match each {
        Each::Filing => f(base),
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
                    Each::Filing | Each::Principal => {}
                }
            }
        }
    }
}
