//! Rules in words: conditions, kinds and scopes rendered as sentences in
//! either language, for `icp rules show`, `icp explain` and, without a
//! filing, `icp checklist --province` ("if the website principal is not the
//! legal representative: a letter of authorisation").

use crate::Lang;
use crate::facts::{Fact, Ty};
use crate::filing::Vocabulary;
use crate::finding::{KindName, RuleMeta};
use crate::rules::{Cond, DateBase, DocOwner, Kind, Lit, Op, RuleSet, Scope, Variant, Words};

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// A literal as a reader sees it: choices by label, provinces by name.
fn literal(lit: &Lit, ty: Ty, lang: Lang) -> String {
    match (lit, ty) {
        (Lit::Text(key), Ty::Choice(c) | Ty::ChoiceList(c)) => c
            .label(key, lang)
            .map_or_else(|| key.clone(), str::to_owned),
        (Lit::Text(code), Ty::Province) => {
            crate::data::province(code).map_or_else(|| code.clone(), |p| p.name_in(lang))
        }
        (Lit::Bool(b), _) => pick(
            lang,
            if *b { "是" } else { "否" },
            if *b { "yes" } else { "no" },
        ),
        (Lit::Relative(r), _) => {
            let (n, unit_zh, unit_en) = match r.unit {
                'y' => (r.amount, "年", "years"),
                'm' => (r.amount, "个月", "months"),
                _ => (r.amount, "天", "days"),
            };
            let (base_zh, base_en) = match r.base {
                DateBase::AsOf => ("判断日期", "the as-of date"),
                DateBase::Now => ("检查当天", "the day of the check"),
            };
            match (n.signum(), lang) {
                (0, Lang::Zh) => base_zh.into(),
                (0, Lang::En) => base_en.into(),
                (1, Lang::Zh) => format!("{base_zh}后 {n} {unit_zh}"),
                (1, Lang::En) => format!("{n} {unit_en} after {base_en}"),
                (_, Lang::Zh) => format!("{base_zh}前 {} {unit_zh}", -n),
                (_, Lang::En) => format!("{} {unit_en} before {base_en}", -n),
            }
        }
        (lit, _) => lit.to_string(),
    }
}

fn join(items: Vec<String>, lang: Lang) -> String {
    items.join(if lang == Lang::Zh { "、" } else { ", " })
}

/// A fact's label in a language.
pub fn fact_label(fact: Fact, lang: Lang) -> String {
    fact.label().get(lang).to_owned()
}

/// A condition as a sentence.
pub fn condition(cond: &Cond, lang: Lang) -> String {
    match cond {
        Cond::All(items) => {
            let parts: Vec<String> = items.iter().map(|c| condition(c, lang)).collect();
            parts.join(&pick(lang, "，且", " and "))
        }
        Cond::Any(items) => {
            let parts: Vec<String> = items.iter().map(|c| condition(c, lang)).collect();
            parts.join(&pick(lang, "，或", " or "))
        }
        Cond::Not(inner) => match lang {
            Lang::Zh => format!("并非（{}）", condition(inner, lang)),
            Lang::En => format!("not ({})", condition(inner, lang)),
        },
        Cond::Test { fact, op } => test(*fact, op, lang),
    }
}

fn test(fact: Fact, op: &Op, lang: Lang) -> String {
    let label = fact_label(fact, lang);
    let ty = fact.ty();
    let lit = |l: &Lit| literal(l, ty, lang);
    let list = |ls: &[Lit]| join(ls.iter().map(lit).collect(), lang);
    // Values of a list of choices (pre-approvals) read as their labels.
    let words = |ws: &[String]| {
        let shown = ws
            .iter()
            .map(|w| match ty {
                crate::facts::Ty::ChoiceList(c) => c.label(w, lang).unwrap_or(w).to_owned(),
                _ => w.clone(),
            })
            .collect();
        join(shown, lang)
    };
    let is_date = matches!(ty, crate::facts::Ty::Date);
    match (op, lang) {
        (Op::Eq(Lit::Bool(true)), Lang::Zh) => format!("{label}：是"),
        (Op::Eq(Lit::Bool(false)), Lang::Zh) => format!("{label}：否"),
        (Op::Eq(Lit::Bool(true)), Lang::En) => format!("{label}: yes"),
        (Op::Eq(Lit::Bool(false)), Lang::En) => format!("{label}: no"),
        (Op::Eq(l), Lang::Zh) => format!("{label}为{}", lit(l)),
        (Op::Eq(l), Lang::En) => format!("{label} is {}", lit(l)),
        (Op::Ne(l), Lang::Zh) => format!("{label}不是{}", lit(l)),
        (Op::Ne(l), Lang::En) => format!("{label} is not {}", lit(l)),
        (Op::In(ls), Lang::Zh) => format!("{label}为{}之一", list(ls)),
        (Op::In(ls), Lang::En) => format!("{label} is one of {}", list(ls)),
        (Op::NotIn(ls), Lang::Zh) => format!("{label}不是{}", list(ls)),
        (Op::NotIn(ls), Lang::En) => format!("{label} is none of {}", list(ls)),
        (Op::Lt(l), Lang::Zh) if is_date => format!("{label}早于{}", lit(l)),
        (Op::Lt(l), Lang::En) if is_date => format!("{label} is before {}", lit(l)),
        (Op::Le(l), Lang::Zh) if is_date => format!("{label}不晚于{}", lit(l)),
        (Op::Le(l), Lang::En) if is_date => format!("{label} is on or before {}", lit(l)),
        (Op::Gt(l), Lang::Zh) if is_date => format!("{label}晚于{}", lit(l)),
        (Op::Gt(l), Lang::En) if is_date => format!("{label} is after {}", lit(l)),
        (Op::Ge(l), Lang::Zh) if is_date => format!("{label}不早于{}", lit(l)),
        (Op::Ge(l), Lang::En) if is_date => format!("{label} is on or after {}", lit(l)),
        (Op::Lt(l), Lang::Zh) => format!("{label}小于{}", lit(l)),
        (Op::Lt(l), Lang::En) => format!("{label} is under {}", lit(l)),
        (Op::Le(l), Lang::Zh) => format!("{label}不超过{}", lit(l)),
        (Op::Le(l), Lang::En) => format!("{label} is at most {}", lit(l)),
        (Op::Gt(l), Lang::Zh) => format!("{label}超过{}", lit(l)),
        (Op::Gt(l), Lang::En) => format!("{label} is over {}", lit(l)),
        (Op::Ge(l), Lang::Zh) => format!("{label}不少于{}", lit(l)),
        (Op::Ge(l), Lang::En) => format!("{label} is at least {}", lit(l)),
        (Op::Contains(ws), Lang::Zh) => format!("{label}含有{}", words(ws)),
        (Op::Contains(ws), Lang::En) => format!("{label} contains {}", words(ws)),
        (Op::StartsWith(ws), Lang::Zh) => format!("{label}以{}开头", words(ws)),
        (Op::StartsWith(ws), Lang::En) => format!("{label} starts with {}", words(ws)),
        (Op::EndsWith(ws), Lang::Zh) => format!("{label}以{}结尾", words(ws)),
        (Op::EndsWith(ws), Lang::En) => format!("{label} ends with {}", words(ws)),
        (Op::Matches(p), Lang::Zh) => format!("{label}符合格式 {}", p.as_str()),
        (Op::Matches(p), Lang::En) => format!("{label} matches {}", p.as_str()),
        (Op::Present(true), Lang::Zh) => format!("已填写{label}"),
        (Op::Present(true), Lang::En) => format!("{label} is given"),
        (Op::Present(false), Lang::Zh) => format!("未填写{label}"),
        (Op::Present(false), Lang::En) => format!("{label} is not given"),
        (Op::ContainsFact(o), Lang::Zh) => format!("{label}含有{}", fact_label(*o, lang)),
        (Op::ContainsFact(o), Lang::En) => format!("{label} contains the {}", fact_label(*o, lang)),
        (Op::EqFact(o), Lang::Zh) => format!("{label}与{}相同", fact_label(*o, lang)),
        (Op::EqFact(o), Lang::En) => format!("{label} is the {}", fact_label(*o, lang)),
        (Op::NeFact(o), Lang::Zh) => format!("{label}与{}不同", fact_label(*o, lang)),
        (Op::NeFact(o), Lang::En) => format!("{label} differs from the {}", fact_label(*o, lang)),
        (Op::InBy { key, .. }, Lang::Zh) => {
            format!("{label}与{}相符", fact_label(*key, lang))
        }
        (Op::InBy { key, .. }, Lang::En) => {
            format!("{label} fits the {}", fact_label(*key, lang))
        }
    }
}

/// The document kind's name.
pub fn document_name(rules: &RuleSet, kind: &str, lang: Lang) -> String {
    rules
        .document_kind(kind)
        .map_or_else(|| kind.to_owned(), |k| k.name.get(lang).to_owned())
}

/// Whose table holds a document, in words.
pub fn owner(owner: DocOwner, lang: Lang) -> String {
    let (zh, en) = match owner {
        DocOwner::Subject => ("主办单位", "the subject"),
        DocOwner::Principal => ("该负责人", "the principal"),
        DocOwner::SubjectPrincipal => ("主体负责人", "the subject principal"),
        DocOwner::Website => ("网站", "the website"),
        DocOwner::WebsitePrincipal => ("网站负责人", "the website principal"),
    };
    pick(lang, zh, en)
}

/// What a rule requires, as a sentence: its `summary` when the rule file
/// gives one, else words made from its kind.
pub fn requirement(rules: &RuleSet, v: &Variant, lang: Lang) -> String {
    match (&v.meta.summary, v.kind.as_ref()) {
        // A step's message is the instruction itself, with its dated details.
        (_, Kind::Step) => v.meta.message.get(lang).to_owned(),
        (Some(summary), _) => summary.get(lang).to_owned(),
        (None, _) => generated(rules, v, lang),
    }
}

/// What a rule requires as far as its texts say, for when the rule itself
/// is not at hand: its summary, else its message as a generic text.
pub fn summary(rule: &RuleMeta, lang: Lang) -> String {
    match (&rule.summary, rule.kind) {
        (Some(summary), kind) if kind != KindName::Step => summary.get(lang).to_owned(),
        _ => crate::lang::generic(rule.message.get(lang)),
    }
}

/// What a rule requires, in words made from its kind.
pub fn generated(rules: &RuleSet, v: &Variant, lang: Lang) -> String {
    let facts = |fs: &[Fact]| join(fs.iter().map(|f| fact_label(*f, lang)).collect(), lang);
    match (v.kind.as_ref(), lang) {
        (Kind::Assert(c), Lang::Zh) => format!("须满足：{}", condition(c, lang)),
        (Kind::Assert(c), Lang::En) => format!("must hold: {}", condition(c, lang)),
        (Kind::Require(fs), Lang::Zh) => format!("须填写：{}", facts(fs)),
        (Kind::Require(fs), Lang::En) => format!("must be given: {}", facts(fs)),
        (Kind::Forbid(fs), Lang::Zh) => format!("不应填写：{}", facts(fs)),
        (Kind::Forbid(fs), Lang::En) => format!("must not be given: {}", facts(fs)),
        (
            Kind::Note {
                field,
                phrases,
                all_phrases,
                min_chars,
            },
            _,
        ) => {
            let mut parts = Vec::new();
            if !phrases.is_empty() {
                parts.push(match lang {
                    Lang::Zh => format!("含有“{}”", phrases.join("”或“")),
                    Lang::En => format!("contain “{}”", phrases.join("” or “")),
                });
            }
            if !all_phrases.is_empty() {
                parts.push(match lang {
                    Lang::Zh => format!("同时含有“{}”", all_phrases.join("”“")),
                    Lang::En => format!("contain each of “{}”", all_phrases.join("”, “")),
                });
            }
            if let Some(n) = min_chars {
                parts.push(pick(
                    lang,
                    &format!("至少 {n} 个字"),
                    &format!("have at least {n} characters"),
                ));
            }
            match lang {
                Lang::Zh => format!("{}须{}", fact_label(*field, lang), parts.join("，")),
                Lang::En => format!(
                    "the {} must {}",
                    fact_label(*field, lang),
                    parts.join(" and ")
                ),
            }
        }
        (Kind::Words { field, words, .. }, _) => {
            let list: Vec<String> = match words {
                Words::Plain(set) | Words::Mapped(set, _) => set.words().to_vec(),
                Words::Named(name) => rules.list(name).to_vec(),
            };
            let shown: Vec<String> = list.iter().take(12).cloned().collect();
            let more = if list.len() > shown.len() {
                pick(lang, "等", " …")
            } else {
                String::new()
            };
            match lang {
                Lang::Zh => format!(
                    "{}不能含有：{}{more}",
                    fact_label(*field, lang),
                    shown.join("、")
                ),
                Lang::En => format!(
                    "the {} must not contain: {}{more}",
                    fact_label(*field, lang),
                    shown.join(", ")
                ),
            }
        }
        (Kind::Limit { fact, min, max }, _) => {
            let l = fact_label(*fact, lang);
            match (min, max, lang) {
                (Some(a), Some(b), Lang::Zh) => format!("{l}须在 {a} 至 {b} 之间"),
                (Some(a), Some(b), Lang::En) => format!("{l} must be between {a} and {b}"),
                (Some(a), None, Lang::Zh) => format!("{l}至少为 {a}"),
                (Some(a), None, Lang::En) => format!("{l} must be at least {a}"),
                (None, Some(b), Lang::Zh) => format!("{l}至多为 {b}"),
                (None, Some(b), Lang::En) => format!("{l} must be at most {b}"),
                (None, None, _) => l,
            }
        }
        (
            Kind::Check {
                algorithm, fields, ..
            },
            Lang::Zh,
        ) => {
            format!("{}须为{}", facts(fields), algorithm.label().0)
        }
        (
            Kind::Check {
                algorithm, fields, ..
            },
            Lang::En,
        ) => {
            format!("{}: {}", facts(fields), algorithm.label().1)
        }
        (
            Kind::Document {
                kind,
                owner: who,
                per_domain,
                ..
            },
            _,
        ) => {
            let who = Kind::document_owner(*who, v.each);
            let name = document_name(rules, kind, lang);
            match (per_domain, lang) {
                (true, Lang::Zh) => format!("每个域名一份{name}（{}提供）", owner(who, lang)),
                (true, Lang::En) => format!(
                    "{} {name} for each domain (from {})",
                    article(&name),
                    owner(who, lang)
                ),
                (false, Lang::Zh) => format!("需要{name}（{}提供）", owner(who, lang)),
                (false, Lang::En) => {
                    format!("{} {name} (from {})", article(&name), owner(who, lang))
                }
            }
        }
        (Kind::Load, Lang::Zh) => "读取备案文件时检查".into(),
        (Kind::Load, Lang::En) => "checked while reading the filing".into(),
        (Kind::Step, _) => v.meta.message.get(lang).to_owned(),
        (Kind::Across(_), Lang::Zh) => "在同一次检查的各份备案之间比对".into(),
        (Kind::Across(_), Lang::En) => "checked across all the filings of a run".into(),
        (Kind::Change(_), Lang::Zh) => "比较备案文件的两个版本时说明（icp diff）".into(),
        (Kind::Change(_), Lang::En) => {
            "shown when two versions of a filing are compared (icp diff)".into()
        }
    }
}

/// "a" or "an" before an English noun phrase (by its first letter: good
/// enough for document names, none of which starts with a silent h or a
/// "you" sound).
fn article(noun: &str) -> &'static str {
    match noun.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// Which filings a scope covers, in words ("" when it covers all).
pub fn scope(scope: &Scope, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(natures) = &scope.natures {
        let units = crate::filing::Nature::ALL
            .iter()
            .filter(|n| **n != crate::filing::Nature::Personal)
            .all(|n| natures.contains(n));
        if units && !natures.contains(&crate::filing::Nature::Personal) {
            parts.push(pick(lang, "单位", "units"));
        } else {
            let names: Vec<&str> = natures.iter().map(|n| n.label(lang)).collect();
            parts.push(names.join(if lang == Lang::Zh { "、" } else { ", " }));
        }
    }
    if let Some(types) = &scope.types {
        let names: Vec<&str> = types.iter().map(|t| t.label(lang)).collect();
        parts.push(names.join(if lang == Lang::Zh { "、" } else { ", " }));
    }
    if let Some(provinces) = &scope.provinces {
        let names: Vec<String> = provinces.iter().map(|p| p.name_in(lang)).collect();
        parts.push(names.join(if lang == Lang::Zh { "、" } else { ", " }));
    }
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}

/// When a rule applies, in words: its scope, its `when`, its dates.
pub fn applies(v: &Variant, lang: Lang) -> String {
    let mut parts = Vec::new();
    let s = scope(&v.scope, lang);
    if !s.is_empty() {
        parts.push(s);
    }
    if let Some(when) = v.when.as_ref().filter(|w| !w.always()) {
        parts.push(match lang {
            Lang::Zh => format!("当{}", condition(when, lang)),
            Lang::En => format!("when {}", condition(when, lang)),
        });
    }
    match (v.since, v.until, lang) {
        (Some(a), Some(b), Lang::Zh) => parts.push(format!("{a} 至 {b}")),
        (Some(a), Some(b), Lang::En) => parts.push(format!("from {a} until {b}")),
        (Some(a), None, Lang::Zh) => parts.push(format!("自 {a} 起")),
        (Some(a), None, Lang::En) => parts.push(format!("since {a}")),
        (None, Some(b), Lang::Zh) => parts.push(format!("{b} 之前")),
        (None, Some(b), Lang::En) => parts.push(format!("before {b}")),
        (None, None, _) => {}
    }
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}
