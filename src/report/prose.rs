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
    let lower = noun.to_ascii_lowercase();
    // A vowel letter that sounds "you" or "w" takes "a" (a unit, a user).
    if ["uni", "use", "usu", "eu", "one"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return "a";
    }
    match lower.chars().next() {
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
            Lang::Zh => format!("当{}", plain(when, lang)),
            Lang::En => format!("when {}", plain(when, lang)),
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

/// What a page already settles about every filing it is for: its nature and
/// filing type. Conditions on them are true or false on the whole page and
/// are not repeated on its lines.
#[derive(Clone, Copy, Debug, Default)]
pub struct Known {
    /// The nature of the page's filings.
    pub nature: Option<crate::filing::Nature>,
    /// The filing type of the page's filings.
    pub filing_type: Option<crate::filing::FilingType>,
}

/// A condition with what the page settles taken out.
#[derive(Clone, Debug)]
pub enum Settled {
    /// Always true on the page.
    True,
    /// Never true on the page: what it guards does not apply.
    False,
    /// What is left to say.
    Open(Cond),
}

impl Known {
    /// The value of a fact the page settles, as a literal.
    fn value(self, fact: Fact) -> Option<Lit> {
        use crate::filing::{FilingType, Nature};
        match fact.name().as_str() {
            "subject.is_unit" => self.nature.map(|n| Lit::Bool(n != Nature::Personal)),
            "subject.nature" => self.nature.map(|n| Lit::Text(n.key().to_owned())),
            "filing.type" => self.filing_type.map(|t| Lit::Text(t.key().to_owned())),
            // A first filing's and a new website's websites are new; an
            // access filing moves filed ones.
            "website.filed" => match self.filing_type? {
                FilingType::New | FilingType::AddWebsite => Some(Lit::Bool(false)),
                FilingType::Access => Some(Lit::Bool(true)),
                FilingType::Change => None,
            },
            _ => None,
        }
    }

    /// Settles what can be of a condition.
    pub fn settle(self, cond: &Cond) -> Settled {
        match cond {
            Cond::All(items) => {
                let mut open = Vec::new();
                for c in items {
                    match self.settle(c) {
                        Settled::False => return Settled::False,
                        Settled::True => {}
                        Settled::Open(c) => open.push(c),
                    }
                }
                match open.len() {
                    0 => Settled::True,
                    1 => Settled::Open(open.remove(0)),
                    _ => Settled::Open(Cond::All(open)),
                }
            }
            Cond::Any(items) => {
                let mut open = Vec::new();
                for c in items {
                    match self.settle(c) {
                        Settled::True => return Settled::True,
                        Settled::False => {}
                        Settled::Open(c) => open.push(c),
                    }
                }
                match open.len() {
                    0 => Settled::False,
                    1 => Settled::Open(open.remove(0)),
                    _ => Settled::Open(Cond::Any(open)),
                }
            }
            Cond::Not(inner) => match self.settle(inner) {
                Settled::True => Settled::False,
                Settled::False => Settled::True,
                Settled::Open(c) => Settled::Open(Cond::Not(Box::new(c))),
            },
            Cond::Test { fact, op } => {
                let Some(value) = self.value(*fact) else {
                    return Settled::Open(cond.clone());
                };
                let holds = match op {
                    Op::Eq(l) => Some(*l == value),
                    Op::Ne(l) => Some(*l != value),
                    Op::In(ls) => Some(ls.contains(&value)),
                    Op::NotIn(ls) => Some(!ls.contains(&value)),
                    _ => None,
                };
                match holds {
                    Some(true) => Settled::True,
                    Some(false) => Settled::False,
                    None => Settled::Open(cond.clone()),
                }
            }
        }
    }
}

/// A boolean fact as a person says it, in the positive form of each value
/// ("持外省身份证", not "本省身份证：否"); `None` for the facts without a
/// phrase of their own.
fn phrase(fact: Fact, value: bool, lang: Lang) -> Option<String> {
    let name = fact.name();
    let who = |zh: &str, en: &str| -> (String, String) {
        if name.starts_with("subject.principal.") {
            (
                format!("主体负责人{zh}"),
                format!("the subject principal {en}"),
            )
        } else if name.starts_with("website.principal.") {
            (
                format!("网站负责人{zh}"),
                format!("the website principal {en}"),
            )
        } else {
            (format!("负责人{zh}"), format!("the principal {en}"))
        }
    };
    let field = name.rsplit('.').next().unwrap_or("");
    let (zh, en) = match (field, value) {
        ("id_local", true) => who("持本省身份证", "has an ID card of this province"),
        ("id_local", false) => who("持外省身份证", "has an ID card of another province"),
        ("legal_representative", true) => who("是法定代表人", "is the legal representative"),
        ("legal_representative", false) => who("不是法定代表人", "is not the legal representative"),
        ("is_subject_principal", true) => who("与主体负责人是同一人", "is the subject principal"),
        ("is_subject_principal", false) => who(
            "与主体负责人不是同一人",
            "is someone other than the subject principal",
        ),
        ("filed", true) => ("网站已备案".into(), "the website is already filed".into()),
        ("filed", false) => (
            "网站是新网站（未备案）".into(),
            "the website is new (not yet filed)".into(),
        ),
        ("is_unit", true) => ("主办单位是单位".into(), "the subject is a unit".into()),
        ("is_unit", false) => ("个人备案".into(), "the filing is personal".into()),
        ("self_employed", true) => (
            "主办单位是个体工商户".into(),
            "the subject is self-employed".into(),
        ),
        ("self_employed", false) => (
            "主办单位不是个体工商户".into(),
            "the subject is not self-employed".into(),
        ),
        ("id_long_term", true) => who("的证件长期有效", "has an ID valid without end"),
        ("id_long_term", false) => who("的证件有到期日", "has an ID with an expiry date"),
        ("certificate_long_term", true) => (
            "主办单位证件长期有效".into(),
            "the subject's certificate is valid without end".into(),
        ),
        ("certificate_long_term", false) => (
            "主办单位证件有到期日".into(),
            "the subject's certificate has an expiry date".into(),
        ),
        ("city_has_districts", true) => {
            ("所在城市下设区县".into(), "the city has districts".into())
        }
        ("city_has_districts", false) => (
            "所在城市不设区县（如东莞市）".into(),
            "the city has no districts (such as 东莞市)".into(),
        ),
        ("city_in_province", true) => (
            "城市属于所选省份".into(),
            "the city lies in the province".into(),
        ),
        ("city_in_province", false) => (
            "城市不属于所选省份".into(),
            "the city is not in the province".into(),
        ),
        ("name_relates_to_subject", true) => (
            "网站名称与主办单位名称相关".into(),
            "the website name relates to the subject's name".into(),
        ),
        ("name_relates_to_subject", false) => (
            "网站名称与主办单位名称无明显关联".into(),
            "the website name does not relate to the subject's name".into(),
        ),
        ("certificate_in_province", true) => (
            "主办单位证件在本省登记".into(),
            "the subject's certificate is registered in this province".into(),
        ),
        ("certificate_in_province", false) => (
            "主办单位证件在外省登记".into(),
            "the subject's certificate is registered in another province".into(),
        ),
        _ => return None,
    };
    Some(pick(lang, &zh, &en))
}

/// A condition as a person writes it: boolean facts in their positive
/// form, and groups that cannot be misread ("（A，且 B）或 C").
pub fn plain(cond: &Cond, lang: Lang) -> String {
    plain_in(cond, lang, false)
}

fn plain_in(cond: &Cond, lang: Lang, nested: bool) -> String {
    let wrap = |s: String| {
        if nested {
            pick(lang, &format!("（{s}）"), &format!("({s})"))
        } else {
            s
        }
    };
    match cond {
        Cond::All(items) => {
            let parts: Vec<String> = items.iter().map(|c| plain_in(c, lang, true)).collect();
            wrap(parts.join(&pick(lang, "，且", " and ")))
        }
        Cond::Any(items) => {
            let parts: Vec<String> = items.iter().map(|c| plain_in(c, lang, true)).collect();
            wrap(parts.join(&pick(lang, "，或", " or ")))
        }
        Cond::Not(inner) => match inner.as_ref() {
            Cond::Test {
                fact,
                op: Op::Eq(Lit::Bool(b)),
            } => phrase(*fact, !b, lang).unwrap_or_else(|| condition(cond, lang)),
            // "not (a is b)" reads "a is not b".
            Cond::Test { fact, op } => {
                let negated = match op {
                    Op::Eq(l) => Some(Op::Ne(l.clone())),
                    Op::Ne(l) => Some(Op::Eq(l.clone())),
                    Op::In(ls) => Some(Op::NotIn(ls.clone())),
                    Op::NotIn(ls) => Some(Op::In(ls.clone())),
                    Op::EqFact(o) => Some(Op::NeFact(*o)),
                    Op::NeFact(o) => Some(Op::EqFact(*o)),
                    Op::Present(p) => Some(Op::Present(!p)),
                    _ => None,
                };
                match (negated, op) {
                    (Some(op), _) => test(*fact, &op, lang),
                    (None, Op::Contains(_)) => test(*fact, op, lang)
                        .replacen("含有", "不含有", 1)
                        .replacen(" contains ", " does not contain ", 1),
                    (None, _) => condition(cond, lang),
                }
            }
            _ => condition(cond, lang),
        },
        Cond::Test {
            fact,
            op: Op::Eq(Lit::Bool(b)),
        } => phrase(*fact, *b, lang).unwrap_or_else(|| condition(cond, lang)),
        Cond::Test { .. } => condition(cond, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{PrincipalFact, SubjectFact, WebsiteFact, Who};
    use crate::filing::{FilingType, Nature};

    fn is(fact: Fact, b: bool) -> Cond {
        Cond::Test {
            fact,
            op: Op::Eq(Lit::Bool(b)),
        }
    }

    #[test]
    fn a_page_settles_its_nature_and_type() {
        let unit = is(Fact::Subject(SubjectFact::IsUnit), true);
        let new_site = is(Fact::Website(WebsiteFact::Filed), false);
        let local = is(Fact::Principal(Who::Subject, PrincipalFact::IdLocal), false);
        let personal_new = Known {
            nature: Some(Nature::Personal),
            filing_type: Some(FilingType::New),
        };
        assert!(matches!(personal_new.settle(&unit), Settled::False));
        assert!(matches!(personal_new.settle(&new_site), Settled::True));
        // (unit and X) or (not unit and local): on a personal page, local.
        let either = Cond::Any(vec![
            Cond::All(vec![unit.clone(), new_site.clone()]),
            Cond::All(vec![
                is(Fact::Subject(SubjectFact::IsUnit), false),
                local.clone(),
            ]),
        ]);
        match personal_new.settle(&either) {
            Settled::Open(c) => {
                assert_eq!(plain(&c, Lang::Zh), "主体负责人持外省身份证");
                assert_eq!(
                    plain(&c, Lang::En),
                    "the subject principal has an ID card of another province"
                );
            }
            other => panic!("{other:?}"),
        }
        // Nothing known: the condition stays whole, grouped.
        match Known::default().settle(&either) {
            Settled::Open(c) => assert_eq!(
                plain(&c, Lang::Zh),
                "（主办单位是单位，且网站是新网站（未备案）），或（个人备案，且主体负责人持外省身份证）"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_vowel_that_sounds_you_takes_a() {
        assert_eq!(article("unit certificate"), "a");
        assert_eq!(article("ID card"), "an");
        assert_eq!(article("letter"), "a");
    }
}
