//! The rule set as documents: `icp rules list` (a table, JSON or Markdown),
//! `icp rules show P` (what a province asks, grouped, to print for a
//! client) and `icp explain RULE` (one rule in full).

use std::sync::Arc;

use comfy_table::{ContentArrangement, Table, presets};
use jiff::civil::Date;
use serde::Serialize;

use crate::Lang;
use crate::data::{self, Province};
use crate::facts::Each;
use crate::filing::{Nature, Vocabulary};
use crate::finding::{Confidence, Severity, SourceKind};
use crate::lang::Text;
use crate::report::prose;
use crate::rules::{Kind, RuleSet, Variant};

/// One rule of the list.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The id.
    pub id: String,
    /// The province whose file defines it (`null`: national or agency).
    pub province: Option<&'static str>,
    /// The kind (assert, require, document, step, …).
    pub kind: &'static str,
    /// Severity of the variant in force on the date of the list.
    pub severity: &'static str,
    /// Natures it is restricted to (empty: all).
    pub natures: Vec<&'static str>,
    /// Filing types it is restricted to (empty: all).
    pub types: Vec<&'static str>,
    /// Provinces it is restricted to (empty: all, or its file's province).
    pub provinces: Vec<&'static str>,
    /// Its dated forms.
    pub variants: Vec<VariantRow>,
    /// Its sources.
    pub sources: Vec<SourceRow>,
    /// Confidence tag of the rule file (C+, C, I, X).
    pub confidence: Option<&'static str>,
    /// What its default severity rests on (`single-source`,
    /// `corroborated`, `regulation`, `document`, `format` …).
    pub evidence: &'static str,
    /// The severity its evidence gives (`null`: the rule file decides, as
    /// for steps and the rules of the filing format).
    pub default_severity: Option<&'static str>,
    /// Why its severity is not the default, when it is not.
    pub severity_reason: Option<Text>,
    /// Only documents from 2018 or earlier state it.
    pub stale: bool,
}

/// One dated form of a rule.
#[derive(Debug, Serialize)]
pub struct VariantRow {
    /// In force from (inclusive).
    pub since: Option<String>,
    /// In force until (exclusive).
    pub until: Option<String>,
    /// Severity of this form.
    pub severity: &'static str,
    /// What its default severity rests on.
    pub evidence: &'static str,
    /// The severity its evidence gives.
    pub default_severity: Option<&'static str>,
}

/// A source.
#[derive(Debug, Serialize)]
pub struct SourceRow {
    /// The key its rule file names it by (`icp-docs` for this
    /// documentation; `null`: written in the rule).
    pub key: Option<String>,
    /// Title.
    pub title: String,
    /// Where to read it.
    pub url: Option<String>,
    /// The date it shows.
    pub date: Option<String>,
    /// For an undated document, the earliest it can be from.
    pub not_before: Option<String>,
    /// For an undated document, the latest it can be from.
    pub not_after: Option<String>,
    /// An undated page still published when checked.
    pub current: bool,
    /// When it was last checked.
    pub checked: Option<String>,
    /// What kind of document (regulation, standard, data, provider,
    /// third-party, product).
    pub kind: Option<&'static str>,
    /// Whose reading it is.
    pub providers: Vec<String>,
}

/// What to list.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filter {
    /// Only the rules in force in this province (national and its own, with
    /// its overrides applied).
    pub province: Option<&'static Province>,
    /// Only rules that can apply to this nature.
    pub nature: Option<Nature>,
}

fn row(v: &Arc<Variant>, all: &[Arc<Variant>], today: Date) -> Row {
    let current = all.iter().find(|x| x.in_force(today)).unwrap_or(v);
    Row {
        id: v.id().to_owned(),
        province: v.meta.province.map(|p| p.code),
        kind: v.kind.name().key(),
        severity: current.severity().as_str(),
        natures: v.scope.natures.iter().flatten().map(|n| n.key()).collect(),
        types: v.scope.types.iter().flatten().map(|t| t.key()).collect(),
        provinces: v.scope.provinces.iter().flatten().map(|p| p.code).collect(),
        variants: all
            .iter()
            .map(|x| VariantRow {
                since: x.since.map(|d| d.to_string()),
                until: x.until.map(|d| d.to_string()),
                severity: x.severity().as_str(),
                evidence: x.meta.evidence.basis.key(),
                default_severity: x.meta.evidence.default_severity().map(Severity::as_str),
            })
            .collect(),
        sources: current
            .meta
            .sources
            .iter()
            .map(|s| SourceRow {
                // The product's own documentation is one source to a reader
                // whatever its rule file calls it.
                key: if s.kind == Some(SourceKind::Product) {
                    Some("icp-docs".to_owned())
                } else {
                    s.key.clone()
                },
                title: s.title.clone(),
                url: s.url.clone(),
                date: s.date.clone(),
                not_before: s.not_before.clone(),
                not_after: s.not_after.clone(),
                current: s.current,
                checked: s.checked.clone(),
                kind: s.kind.map(SourceKind::key),
                providers: s.providers.iter().map(|p| p.to_string()).collect(),
            })
            .collect(),
        confidence: current.meta.confidence.map(Confidence::tag),
        evidence: current.meta.evidence.basis.key(),
        default_severity: current
            .meta
            .evidence
            .default_severity()
            .map(Severity::as_str),
        severity_reason: current.meta.severity_reason.as_deref().cloned(),
        stale: current.meta.evidence.stale,
    }
}

/// The rules a filter selects, in definition order.
pub fn list(rules: &RuleSet, filter: Filter, today: Date) -> Vec<Row> {
    let mut out = Vec::new();
    let mut push = |province: Option<&'static Province>, only_own: bool| {
        let view = rules.view(province);
        for r in &view.rules {
            let Some(first) = r.variants.first() else {
                continue;
            };
            if only_own && first.meta.province.is_none() {
                continue;
            }
            let fits_nature = filter.nature.is_none_or(|n| {
                r.variants
                    .iter()
                    .any(|v| v.scope.natures.as_ref().is_none_or(|ns| ns.contains(&n)))
            });
            if fits_nature {
                out.push(row(first, &r.variants, today));
            }
        }
    };
    match filter.province {
        Some(p) => push(Some(p), false),
        None => {
            push(None, false);
            for p in data::provinces().iter().filter(|p| p.mainland) {
                push(Some(p), true);
            }
        }
    }
    out
}

fn dates(row: &Row) -> String {
    row.variants
        .iter()
        .filter(|v| v.since.is_some() || v.until.is_some())
        .map(|v| {
            format!(
                "{}–{}",
                v.since.as_deref().unwrap_or(""),
                v.until.as_deref().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn scope_text(row: &Row) -> String {
    let mut parts = Vec::new();
    if let Some(p) = row.province {
        parts.push(p.to_owned());
    }
    let units: Vec<&str> = Nature::ALL
        .iter()
        .filter(|n| **n != Nature::Personal)
        .map(|n| n.key())
        .collect();
    if !row.natures.is_empty()
        && row.natures.len() == units.len()
        && units.iter().all(|u| row.natures.contains(u))
    {
        parts.push("units".to_owned());
    } else if !row.natures.is_empty() {
        parts.push(row.natures.join(", "));
    }
    for list in [&row.types, &row.provinces] {
        if !list.is_empty() {
            parts.push(list.join(", "));
        }
    }
    parts.join("; ")
}

/// The sources of a row in full: titles and dates (Markdown).
fn source_text(row: &Row) -> String {
    row.sources
        .iter()
        .map(|s| match &s.date {
            Some(d) => format!("{} ({d})", s.title),
            None => s.title.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The sources of a row by key, for the terminal table (`icp explain`
/// gives titles and addresses); the product's own documentation reads as
/// `icp docs`, a source without a key by its title.
fn source_keys(row: &Row) -> String {
    let mut keys: Vec<String> = Vec::new();
    for s in &row.sources {
        let key = s.key.clone().unwrap_or_else(|| s.title.clone());
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys.join(" ")
}

fn headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => ["规则", "级别", "类型", "适用范围", "生效日期", "依据"],
        Lang::En => ["rule", "severity", "kind", "scope", "in force", "source"],
    }
}

/// The list as a terminal table, `width` columns wide.
pub fn table(rows: &[Row], lang: Lang, width: u16) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(headers(lang));
    // Ids, severities and kinds never wrap; scope, dates and sources do.
    for i in 0..3 {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
    for r in rows {
        let mut id = r.id.clone();
        if r.stale {
            id.push_str(" †");
        }
        table.add_row([
            id,
            r.severity.to_owned(),
            r.kind.to_owned(),
            scope_text(r),
            dates(r),
            source_keys(r),
        ]);
    }
    crate::report::words::keep_words(&mut table);
    let note = match lang {
        Lang::Zh => format!(
            "共 {} 条规则；† 表示仅有 2018 年及以前的来源；来源的标题和网址见 icp explain 规则 或 --format markdown。",
            rows.len()
        ),
        Lang::En => format!(
            "{} rules; † marks rules only sources from 2018 or earlier state; icp explain RULE or --format markdown gives each source's title and address.",
            rows.len()
        ),
    };
    format!("{table}\n{note}\n")
}

/// The list as Markdown.
pub fn markdown(rows: &[Row], lang: Lang) -> String {
    let h = headers(lang);
    let mut out = format!("| {} |\n|{}\n", h.join(" | "), " --- |".repeat(h.len()));
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    for r in rows {
        let id = if r.stale {
            format!("`{}` †", r.id)
        } else {
            format!("`{}`", r.id)
        };
        out.push_str(&format!(
            "| {id} | {} | {} | {} | {} | {} |\n",
            r.severity,
            r.kind,
            cell(&scope_text(r)),
            cell(&dates(r)),
            cell(&source_text(r))
        ));
    }
    out
}

/// The list as JSON.
pub fn json(rows: &[Row]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_default() + "\n"
}

/// The groups of `rules show`, in the order of the filing form: by what
/// the rule iterates over, else by the first fact it reads.
fn group(v: &Variant) -> usize {
    use crate::facts::Fact;
    let first_fact = || -> Option<Fact> {
        match v.kind.as_ref() {
            Kind::Assert(c) => c.first_fact(),
            Kind::Require(fs) | Kind::Forbid(fs) => fs.first().copied(),
            Kind::Note { field, .. } | Kind::Words { field, .. } => Some(*field),
            Kind::Limit { fact, .. } => Some(*fact),
            Kind::Check { fields, .. } => fields.first().copied(),
            _ => None,
        }
    };
    match (v.kind.as_ref(), v.each) {
        (Kind::Load, _) => 0,
        (Kind::Step, _) => 6,
        (Kind::Across(_), _) => 0,
        (Kind::Change(_), _) => 6,
        (Kind::Document { .. }, _) => 5,
        (_, Each::Principal) => 2,
        (_, Each::Website | Each::Homepage | Each::Preapproval | Each::Ip) => 3,
        (_, Each::Domain) => 4,
        (_, Each::Document) => 5,
        (_, Each::Filing) => match first_fact() {
            Some(Fact::Principal(..)) => 2,
            Some(Fact::Filing(_)) if v.id().starts_with("website") => 3,
            Some(Fact::Website(_)) => 3,
            Some(Fact::Filing(_)) => 0,
            _ => 1,
        },
    }
}

const GROUPS: [(&str, &str); 7] = [
    ("文件格式", "The file"),
    ("主办单位", "The subject"),
    ("负责人", "Principals"),
    ("网站", "Websites"),
    ("域名", "Domains"),
    ("材料", "Documents"),
    ("流程", "Steps of the process"),
];

/// The topics of the client's page of `rules show`.
const TOPICS: [(&str, &str); 7] = [
    ("谁可以做负责人", "Who may be the principal"),
    ("要上传的材料", "What to upload"),
    ("备注要写明", "What the notes must say"),
    ("不被接受的", "What is refused"),
    ("主办单位、网站和域名", "The subject, websites and domains"),
    ("要做的事", "What to do"),
    ("", ""),
];

/// The topic of a rule on the client's page, `None` for what a client
/// need not read: how the file is read, check digits and formats of
/// numbers, fields the form requires anyway.
fn topic(v: &Variant) -> Option<usize> {
    use crate::finding::Basis;
    if matches!(
        v.meta.evidence.basis,
        Basis::Format | Basis::Load | Basis::Off
    ) {
        return None;
    }
    match v.kind.as_ref() {
        Kind::Load | Kind::Check { .. } | Kind::Require(_) => None,
        Kind::Step => Some(5),
        Kind::Document { .. } => Some(1),
        Kind::Note { .. } => Some(2),
        Kind::Words { .. } | Kind::Forbid(_) => Some(3),
        _ if group(v) == 2 => Some(0),
        _ if group(v) == 0 => None,
        _ => Some(4),
    }
}

/// Whether a condition tests a date.
fn on_dates(c: &crate::rules::Cond) -> bool {
    use crate::rules::Cond;
    match c {
        Cond::All(items) | Cond::Any(items) => items.iter().any(on_dates),
        Cond::Not(inner) => on_dates(inner),
        Cond::Test { fact, .. } => matches!(fact.ty(), crate::facts::Ty::Date),
    }
}

/// What a client must know and do in a province, on a date: who may be the
/// principal, what to upload, what the notes must say, what is refused,
/// what to do; errors and warnings only, in plain words, without rule ids
/// (`show` gives every rule).
pub fn show_client(rules: &RuleSet, province: &'static Province, date: Date, lang: Lang) -> String {
    let view = rules.view(Some(province));
    let mut topics: Vec<Vec<String>> = vec![Vec::new(); TOPICS.len()];
    let in_force = view
        .rules
        .iter()
        .flat_map(|r| r.variants.iter().filter(|v| v.in_force(date)));
    for v in in_force {
        let shown = match v.severity() {
            crate::finding::Severity::Error | crate::finding::Severity::Warning => true,
            crate::finding::Severity::Info => matches!(v.kind.as_ref(), Kind::Step),
            crate::finding::Severity::Off => false,
        };
        // The "-now" rules repeat a validity rule from the day of the
        // check rather than the filing's date: one line says it to a client.
        if !shown || v.id().ends_with("-now") {
            continue;
        }
        let Some(t) = topic(v) else { continue };
        let what = prose::requirement(rules, v, lang);
        let mut parts = Vec::new();
        let scope = prose::scope(&v.scope, lang);
        if !scope.is_empty() {
            parts.push(scope);
        }
        // A condition on dates only says when a date can be judged; the
        // requirement itself says what the date must be.
        if let Some(when) = v.when.as_ref().filter(|w| !w.always() && !on_dates(w)) {
            let known = prose::Known::default();
            if let prose::Settled::Open(c) = known.settle(when) {
                parts.push(match lang {
                    Lang::Zh => format!("{}时", prose::plain(&c, lang)),
                    Lang::En => format!("when {}", prose::plain(&c, lang)),
                });
            }
        }
        let mut line = format!("- {what}");
        if !parts.is_empty() {
            line.push_str(&match lang {
                Lang::Zh => format!("（{}）", parts.join("；")),
                Lang::En => format!(" ({})", parts.join("; ")),
            });
        }
        if v.meta.changed_by_province().is_some() {
            line.push_str(" ★");
        }
        line.push('\n');
        if !topics[t].contains(&line) {
            topics[t].push(line);
        }
    }
    let (title, intro) = match lang {
        Lang::Zh => (
            format!("# 在{}备案：您需要知道和准备的", province.name),
            format!(
                "按 {date} 生效的规则。★ 为{}特有或与全国不同的要求。完整的规则列表：icp rules show {} --all。",
                province.short_name, province.code
            ),
        ),
        Lang::En => (
            format!(
                "# Filing in {}: what you need to know and prepare",
                province.name_en()
            ),
            format!(
                "Rules in force on {date}. ★ marks what {} asks beyond or unlike the national rules. Every rule: icp rules show {} --all.",
                province.name_en(),
                province.code
            ),
        ),
    };
    let mut out = format!("{title}\n\n{intro}\n");
    for (i, lines) in topics.iter().enumerate() {
        if lines.is_empty() || TOPICS[i].0.is_empty() {
            continue;
        }
        let (zh, en) = TOPICS[i];
        out.push_str(&format!(
            "\n## {}\n\n",
            if lang == Lang::Zh { zh } else { en }
        ));
        for l in lines {
            out.push_str(l);
        }
    }
    out
}

/// The rules in force in a province on a date, grouped and in words.
pub fn show(rules: &RuleSet, province: &'static Province, date: Date, lang: Lang) -> String {
    let view = rules.view(Some(province));
    let mut groups: Vec<Vec<String>> = vec![Vec::new(); GROUPS.len()];
    // A rule may have several forms in force at once, for different natures
    // or filing types: each is a line of its own.
    let in_force = view
        .rules
        .iter()
        .flat_map(|r| r.variants.iter().filter(|v| v.in_force(date)));
    for v in in_force {
        // The rules of the file format concern the TOML, not the filing.
        if v.severity() == crate::finding::Severity::Off || group(v) == 0 {
            continue;
        }
        let mark = match (v.severity(), lang) {
            (crate::finding::Severity::Error, Lang::Zh) => "【必须】",
            (crate::finding::Severity::Error, Lang::En) => "[must]",
            (crate::finding::Severity::Warning, Lang::Zh) => "【建议】",
            (crate::finding::Severity::Warning, Lang::En) => "[should]",
            (_, Lang::Zh) => "【提示】",
            (_, Lang::En) => "[note]",
        };
        let mut line = format!("- {mark} {}", prose::requirement(rules, v, lang));
        let applies = prose::applies(v, lang);
        if !applies.is_empty() {
            line.push_str(&match lang {
                Lang::Zh => format!("（{applies}）"),
                Lang::En => format!(" ({applies})"),
            });
        }
        line.push_str(&format!(" `{}`", v.id()));
        if v.meta.province.is_some() || !v.meta.overrides.is_empty() {
            line.push_str(match lang {
                Lang::Zh => " ★",
                Lang::En => " ★",
            });
        }
        line.push('\n');
        // Help with placeholders speaks of a finding; without one it is advice.
        let help = v.meta.help.get(lang);
        if !help.contains('{') {
            line.push_str(&format!("  {help}\n"));
        }
        groups[group(v)].push(line);
    }
    let (title, intro) = match lang {
        Lang::Zh => (
            format!(
                "# {}（{}）备案要求",
                province.name,
                province.abbrs.join("、")
            ),
            format!("按 {date} 生效的规则。★ 为本省特有或与全国不同的规则。"),
        ),
        Lang::En => (
            format!(
                "# ICP filing requirements in {} ({}, {})",
                province.name,
                province.code,
                province.abbrs.join("/")
            ),
            format!(
                "Rules in force on {date}. ★ marks rules of this province or set differently here."
            ),
        ),
    };
    let mut out = format!("{title}\n\n{intro}\n");
    for (i, lines) in groups.iter().enumerate() {
        if lines.is_empty() {
            continue;
        }
        let (zh, en) = GROUPS[i];
        out.push_str(&format!(
            "\n## {}\n\n",
            if lang == Lang::Zh { zh } else { en }
        ));
        for l in lines {
            out.push_str(l);
        }
    }
    out
}

/// One rule in full, as it applies in a province (or nationally), in the
/// form in force on `today` (else its first).
pub fn explain(
    rules: &RuleSet,
    id: &str,
    province: Option<&'static Province>,
    examples: &[crate::rules::Example],
    today: Date,
    lang: Lang,
) -> Option<String> {
    let view = rules.view(province);
    let resolved = view.get(id)?;
    let first = resolved.on(today).or(resolved.variants.first())?;
    let zh = lang == Lang::Zh;
    let label = |zh_text: &str, en_text: &str| {
        if zh {
            zh_text.to_owned()
        } else {
            en_text.to_owned()
        }
    };
    let rule = &first.meta;
    let mut out = format!("{}  [{}]\n\n", rule.id, rule.severity.as_str());
    out.push_str(&format!("{}\n", prose::requirement(rules, first, lang)));
    let applies = prose::applies(first, lang);
    if !applies.is_empty() {
        out.push_str(&format!("{}{applies}\n", label("适用：", "Applies: ")));
    }
    out.push_str(&format!(
        "\n{}\n  {}\n",
        label("提示信息：", "Message:"),
        rule.message.get(lang)
    ));
    out.push_str(&format!(
        "{}\n  {}\n",
        label("如何修改：", "How to fix:"),
        rule.help.get(lang)
    ));
    if let Some(fix) = rule.fix {
        out.push_str(&format!(
            "{}\n  {}\n",
            label("自动修正：", "Automatic fix:"),
            match lang {
                Lang::Zh => format!("icp fix 会改写能确定的值（修正 {fix}）"),
                Lang::En => format!("icp fix rewrites the value when it is certain (fix {fix})"),
            }
        ));
    }
    if let Some(why) = &rule.why {
        out.push_str(&format!(
            "{}\n  {}\n",
            label("为什么：", "Why:"),
            why.get(lang)
        ));
    }
    if let Some(conflict) = &rule.conflict {
        out.push_str(&format!(
            "{}\n  {}\n",
            label("来源之间的分歧：", "Where sources disagree:"),
            conflict.get(lang)
        ));
    }
    if resolved.variants.len() > 1 {
        out.push_str(&format!(
            "\n{}\n",
            label("各时期的规定：", "Forms over time:")
        ));
        for v in &resolved.variants {
            out.push_str(&format!(
                "  - [{}] {}{}\n",
                v.severity().as_str(),
                prose::requirement(rules, v, lang),
                match prose::applies(v, lang) {
                    a if a.is_empty() => String::new(),
                    a => format!(" ({a})"),
                }
            ));
        }
    }
    if let Some(p) = province {
        if let Some(why) = not_here(first, resolved, p, today, lang) {
            out.push_str(&format!("\n{why}\n"));
        }
    }
    if !examples.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            label(
                "示例（对示例备案文件的改动，每组改动一起触发此规则）：",
                "Examples (changes to an example filing; each example's changes together trip the rule):"
            )
        ));
        let show = |s: &str| {
            if s.trim().is_empty() {
                label("（删除此行）", "(the line removed)")
            } else {
                s.trim().replace('\n', "\n           ")
            }
        };
        for (n, example) in examples.iter().take(3).enumerate() {
            out.push_str(&format!(
                "  {}. examples/{}.filing.toml\n",
                n + 1,
                example.base
            ));
            for (passes, trips) in &example.changes {
                out.push_str(&format!(
                    "     {} {}\n     {} {}\n",
                    label("原为：", "was:"),
                    show(passes),
                    label("改为：", "now:"),
                    show(trips)
                ));
            }
        }
    }
    out.push_str(&format!("\n{}\n", label("依据：", "Sources:")));
    for s in &rule.sources {
        out.push_str(&format!("  - {}", s.title));
        if let Some(url) = &s.url {
            out.push_str(&format!(" <{url}>"));
        }
        let names: Vec<&str> = s
            .providers
            .iter()
            .map(|p| rules.provider_name(p).map_or(p.as_ref(), |n| n.get(lang)))
            .collect();
        if !names.is_empty() {
            out.push_str(&format!("{}{}", label("，", ", by "), names.join("、")));
        }
        out.push_str(&source_dates(s, zh));
        out.push('\n');
    }
    out.push_str(&evidence_lines(rules, rule, lang));
    out.push_str(&format!(
        "{}{}\n",
        label("定义于：", "Defined in: "),
        rule.origin
    ));
    let mut overrides = rules.overrides(id);
    // `[severity.evidence]` of icp.toml changes the forms of its class only.
    for o in resolved
        .variants
        .iter()
        .flat_map(|v| v.meta.overrides.iter())
    {
        if !overrides.contains(o) {
            overrides.push(o.clone());
        }
    }
    if !overrides.is_empty() {
        let places: Vec<String> = overrides.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "{}{}\n",
            label("覆盖于：", "Overridden in: "),
            places.join(", ")
        ));
    }
    Some(out)
}

/// Why a rule does not apply in the province asked about, when it does
/// not: another province's rule, a scope without it, or turned off there.
fn not_here(
    first: &Variant,
    resolved: &crate::rules::Resolved,
    p: &'static Province,
    today: Date,
    lang: Lang,
) -> Option<String> {
    let name = p.name_in(lang);
    if let Some(home) = first.meta.province.filter(|home| home.code != p.code) {
        return Some(match lang {
            Lang::Zh => format!("此规则不适用于{name}：它是{}的规则。", home.name),
            Lang::En => format!(
                "This rule does not apply in {name}: it is a rule of {}.",
                home.name_en()
            ),
        });
    }
    let outside = resolved.variants.iter().all(|v| {
        v.scope
            .provinces
            .as_ref()
            .is_some_and(|ps| !ps.iter().any(|x| x.code == p.code))
    });
    if outside {
        return Some(match lang {
            Lang::Zh => format!("此规则不适用于{name}（适用省份见上）。"),
            Lang::En => format!("This rule does not apply in {name} (see where it applies above)."),
        });
    }
    let off = resolved
        .on(today)
        .is_some_and(|v| v.severity() == crate::finding::Severity::Off);
    off.then(|| match lang {
        Lang::Zh => format!("此规则在{name}不检查（该省的规则关闭了它）。"),
        Lang::En => {
            format!("This rule is not checked in {name}: the province's rules turn it off.")
        }
    })
}

/// Rules whose id, summary or message contains a word, in either language
/// (`区号`, `area-code`): (id, summary in `lang`), in definition order.
pub fn find(rules: &RuleSet, word: &str, lang: Lang) -> Vec<(String, String)> {
    let norm = |s: &str| s.to_lowercase().replace(['-', '_'], " ");
    let word = norm(word.trim());
    if word.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (id, province) in rules.origins() {
        if !seen.insert(id.to_owned()) {
            continue;
        }
        let view = rules.view(province);
        let Some(first) = view.get(id).and_then(|r| r.variants.first()) else {
            continue;
        };
        let meta = &first.meta;
        let mut texts = vec![id.to_owned()];
        for t in [Some(&*meta.message), meta.summary.as_deref()]
            .into_iter()
            .flatten()
        {
            texts.push(t.zh.clone());
            texts.push(t.en.clone());
        }
        if texts.iter().any(|t| norm(t).contains(&word)) {
            out.push((id.to_owned(), prose::summary(meta, lang)));
        }
    }
    out
}

/// The dates of a source as `icp explain` shows them.
fn source_dates(s: &crate::rules::Source, zh: bool) -> String {
    let mut out = String::new();
    let mut add = |zh_text: &str, en_text: &str, value: &str| {
        out.push_str(&format!("{}{value}", if zh { zh_text } else { en_text }));
    };
    if let Some(date) = &s.date {
        add("，日期 ", ", dated ", date);
    }
    if let Some(d) = &s.not_before {
        add("，无日期，不早于 ", ", undated, not before ", d);
    }
    if let Some(d) = &s.not_after {
        add("，无日期，不晚于 ", ", undated, not after ", d);
    }
    if s.current && s.date.is_none() {
        add("，无日期的现行页面", ", an undated current page", "");
    }
    if let Some(checked) = &s.checked {
        add("，核对于 ", ", checked ", checked);
    }
    out
}

/// The confidence of a rule, its default severity and what it rests on, and
/// the reason its severity differs, when it does: the lines of `icp
/// explain` below its sources.
fn evidence_lines(rules: &RuleSet, rule: &crate::finding::RuleMeta, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let evidence = &rule.evidence;
    let providers: Vec<&str> = evidence
        .providers
        .iter()
        .map(|p| rules.provider_name(p).map_or(p.as_ref(), |n| n.get(lang)))
        .collect();
    if let Some(c) = rule.confidence {
        out.push_str(&format!(
            "{}{}",
            if zh { "可信度：" } else { "Confidence: " },
            c.tag()
        ));
        if evidence.stale {
            out.push_str(if zh {
                "（仅有 2018 年及以前的来源）"
            } else {
                " (only sources from 2018 or earlier)"
            });
        }
        out.push('\n');
    }
    let basis = evidence.basis.describe();
    let basis = basis.get(lang);
    let with_providers = if providers.is_empty() {
        basis.to_owned()
    } else if zh {
        format!("{basis}；服务商：{}", providers.join("、"))
    } else {
        format!("{basis}; providers: {}", providers.join(", "))
    };
    match evidence.default_severity() {
        Some(default) => out.push_str(&if zh {
            format!("默认级别：{}（{with_providers}）\n", default.as_str())
        } else {
            format!(
                "Default severity: {} ({with_providers})\n",
                default.as_str()
            )
        }),
        None => out.push_str(&if zh {
            format!("默认级别：由规则文件决定（{with_providers}）\n")
        } else {
            format!("Default severity: as the rule file says ({with_providers})\n")
        }),
    }
    if let Some(reason) = &rule.severity_reason {
        out.push_str(&format!(
            "{}{}\n",
            if zh {
                "不取默认级别的理由："
            } else {
                "Why not the default: "
            },
            reason.get(lang)
        ));
    }
    out
}
