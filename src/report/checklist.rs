//! The checklist as a terminal table, a client-ready Markdown page with
//! checkboxes, or JSON with stable field names.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, presets};
use serde::Serialize;

use super::json::display_path;
use super::snippet::escape;
use crate::Lang;
use crate::checklist::{Checklist, Section};
use crate::facts::DocTable;
use crate::filing::{Filing, Owner, Vocabulary};
use crate::finding::Finding;
use crate::lang::fill;
use crate::report::prose;
use crate::rules::{DocStatus, Kind, Requirement, RuleSet, Variant};

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// Whose table a document belongs to, in words ("网站 1（示例科技）").
pub fn owner_label(filing: &Filing, table: DocTable, lang: Lang) -> String {
    let site = |i: usize| {
        let name = filing
            .websites
            .get(i)
            .and_then(|w| w.name.as_ref())
            .map(|n| escape(n.value.trim()).into_owned())
            .unwrap_or_default();
        match (lang, name.is_empty()) {
            (Lang::Zh, false) => format!("网站 {}（{name}）", i + 1),
            (Lang::Zh, true) => format!("网站 {}", i + 1),
            (Lang::En, false) => format!("website {} ({name})", i + 1),
            (Lang::En, true) => format!("website {}", i + 1),
        }
    };
    match table {
        DocTable::Subject => pick(lang, "主办单位", "the subject"),
        DocTable::Principal(Owner::Subject) => pick(lang, "主体负责人", "the subject principal"),
        DocTable::Principal(Owner::Website(i)) => match lang {
            Lang::Zh => format!("{}的负责人", site(i)),
            Lang::En => format!("the principal of {}", site(i)),
        },
        DocTable::Website(i) => site(i),
    }
}

/// The name of the person whose document a principal's requirement is, as
/// the filing gives it.
fn person(filing: &Filing, table: DocTable) -> Option<String> {
    let principal = match table {
        DocTable::Principal(Owner::Subject) => filing.subject.as_ref()?.principal.as_ref()?,
        DocTable::Principal(Owner::Website(i)) => {
            let p = filing.websites.get(i)?.principal.as_ref()?;
            if p.same_as_subject.as_ref().is_some_and(|s| s.value) {
                filing.subject.as_ref()?.principal.as_ref()?
            } else {
                p
            }
        }
        _ => return None,
    };
    let name = principal.name.as_ref()?.value.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// The document of a filing's row, naming its person: 张三的身份证人像面.
fn row_document(rules: &RuleSet, filing: &Filing, r: &Requirement, lang: Lang) -> String {
    let name = document_name(rules, r, lang);
    match (person(filing, r.table), lang) {
        (Some(who), Lang::Zh) => format!("{who}的{name}"),
        (Some(who), Lang::En) => format!("{name} of {who}"),
        (None, _) => name,
    }
}

/// Why a filing's row is needed, in words: the rule's condition with what
/// the filing's nature and type settle taken out, else what it requires.
fn row_reason(filing: &Filing, r: &Requirement, lang: Lang) -> String {
    let known = prose::Known {
        nature: filing.nature(),
        filing_type: filing.filing_type.as_ref().map(|t| t.value),
    };
    let v = &r.rule;
    let mut text = match v
        .when
        .as_ref()
        .filter(|w| !w.always())
        .map(|w| known.settle(w))
    {
        Some(prose::Settled::Open(c)) => prose::plain(&c, lang),
        _ => prose::summary(&v.meta, lang),
    };
    if let Some(p) = v.meta.changed_by_province() {
        text.push_str(&match lang {
            Lang::Zh => format!("（{}）", p.name),
            Lang::En => format!(" ({})", p.name_en()),
        });
    }
    text
}

/// The document a requirement asks for, with its domain or category.
pub fn document_name(rules: &RuleSet, r: &Requirement, lang: Lang) -> String {
    let mut name = prose::document_name(rules, &r.kind, lang);
    if let Some(domain) = &r.domain {
        let domain = escape(domain);
        name.push_str(&match lang {
            Lang::Zh => format!("（{domain}）"),
            Lang::En => format!(" ({domain})"),
        });
    }
    if let Some(category) = &r.category {
        let label = crate::filing::Preapproval::parse(category)
            .map_or(category.as_str(), |c| c.label(lang));
        name.push_str(&match lang {
            Lang::Zh => format!("（{label}）"),
            Lang::En => format!(" ({label})"),
        });
    }
    name
}

/// Why a document is needed: the rule's condition when it has one (else
/// what it requires), and the province when the rule is the province's.
pub fn reason(rules: &RuleSet, r: &Requirement, lang: Lang) -> String {
    let v = &r.rule;
    let mut text = match &v.when {
        Some(w) if !w.always() => prose::condition(w, lang),
        _ => prose::requirement(rules, v, lang),
    };
    if let Some(p) = v.meta.changed_by_province() {
        text.push_str(&match lang {
            Lang::Zh => format!("（{}）", p.name),
            Lang::En => format!(" ({})", p.name_en()),
        });
    }
    text
}

/// Why a declared file is unusable: the messages of the findings its file
/// gets, naming the file as the status does.
fn problems(file: &str, findings: &[Finding], lang: Lang) -> String {
    let texts: Vec<String> = findings
        .iter()
        .map(|f| {
            let mut values = vec![("document.file", escape(file).into_owned())];
            values.extend(
                f.placeholders(lang)
                    .into_iter()
                    .map(|(k, v)| (k, escape(&v).into_owned())),
            );
            fill(f.rule.message.get(lang), &values)
        })
        .collect();
    texts.join(if lang == Lang::Zh { "；" } else { "; " })
}

fn status(r: &Requirement, lang: Lang) -> String {
    match &r.status {
        DocStatus::Provided { .. } => pick(lang, "已提供", "provided"),
        DocStatus::Missing => pick(lang, "缺少", "missing"),
        DocStatus::Unusable { file, problems: p } => match lang {
            Lang::Zh => format!("不可用：{}", problems(file, p, lang)),
            Lang::En => format!("unusable: {}", problems(file, p, lang)),
        },
    }
}

fn title(list: &Checklist, lang: Lang) -> String {
    let subject = list
        .loaded
        .filing
        .subject
        .as_ref()
        .and_then(|s| s.name.as_ref())
        .map(|n| n.value.trim().to_owned())
        .unwrap_or_else(|| display_path(&list.path));
    let subject = escape(&subject);
    match lang {
        Lang::Zh => format!("备案材料清单：{subject}"),
        Lang::En => format!("Filing checklist: {subject}"),
    }
}

fn summary_line(list: &Checklist, lang: Lang) -> String {
    let (provided, missing, unusable) = list.counts();
    match lang {
        Lang::Zh => format!(
            "共需 {} 项材料：已提供 {provided}，缺少 {missing}，不可用 {unusable}（按 {} 的规则）。",
            list.documents.len(),
            list.as_of
        ),
        Lang::En => format!(
            "{} documents needed: {provided} provided, {missing} missing, {unusable} unusable (rules of {}).",
            list.documents.len(),
            list.as_of
        ),
    }
}

/// The checklist as a table that fits `width` columns, then the steps.
pub fn table(rules: &RuleSet, list: &Checklist, lang: Lang, width: u16) -> String {
    let filing = &list.loaded.filing;
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(match lang {
            Lang::Zh => ["材料", "提供者", "原因", "份数", "状态"],
            Lang::En => ["document", "from", "why", "copies", "status"],
        });
    if let Some(c) = table.column_mut(3) {
        c.set_constraint(ColumnConstraint::ContentWidth);
    }
    // The rule id goes on its own line and is never broken: it is what a
    // user types after `icp explain`.
    let longest_id = list.documents.iter().map(|r| r.rule.id().len()).max();
    if let (Some(c), Some(n)) = (table.column_mut(2), longest_id) {
        // Plus the cell padding.
        let n = u16::try_from(n + 2).unwrap_or(u16::MAX).min(width / 2);
        c.set_constraint(ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(
            n,
        )));
    }
    for r in &list.documents {
        table.add_row([
            row_document(rules, filing, r, lang),
            owner_label(filing, r.table, lang),
            format!("{}\n{}", row_reason(filing, r, lang), r.rule.id()),
            r.count.to_string(),
            status(r, lang),
        ]);
    }
    let mut out = format!(
        "{}\n{table}\n{}\n",
        title(list, lang),
        summary_line(list, lang)
    );
    if !list.steps.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            pick(lang, "待办事项：", "What is left to do:")
        ));
        for (i, s) in list.steps.iter().enumerate() {
            let label = format!("{}. ", i + 1);
            let indent = " ".repeat(label.len());
            let options = textwrap::Options::new(usize::from(width).max(20))
                .initial_indent(&label)
                .subsequent_indent(&indent)
                .word_separator(textwrap::WordSeparator::UnicodeBreakProperties);
            for line in textwrap::wrap(s.meta.message.get(lang), options) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// The checklist as a Markdown page to send to a client.
pub fn markdown(rules: &RuleSet, list: &Checklist, lang: Lang) -> String {
    let filing = &list.loaded.filing;
    let mut out = format!(
        "# {}\n\n{}\n\n",
        title(list, lang),
        summary_line(list, lang)
    );
    out.push_str(&format!("## {}\n\n", pick(lang, "需要的材料", "Documents")));
    for r in &list.documents {
        let done = matches!(r.status, DocStatus::Provided { .. });
        let copies = copies(r.count, lang);
        out.push_str(&format!(
            "- [{}] **{}** — {}{copies} — {}\n  {}\n",
            if done { "x" } else { " " },
            row_document(rules, filing, r, lang),
            owner_label(filing, r.table, lang),
            status(r, lang),
            row_reason(filing, r, lang),
        ));
    }
    if !list.steps.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            pick(lang, "待办事项", "What is left to do")
        ));
        for s in &list.steps {
            out.push_str(&format!("- [ ] {}\n", s.meta.message.get(lang)));
        }
    }
    out
}

#[derive(Serialize)]
struct JsonChecklist<'a> {
    version: u32,
    path: String,
    province: Option<&'static str>,
    as_of: String,
    documents: Vec<JsonDocument<'a>>,
    steps: Vec<JsonStep<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    kind: &'a str,
    document: String,
    owner: String,
    owner_path: String,
    rule: &'a str,
    reason: String,
    count: u32,
    domain: Option<&'a str>,
    category: Option<&'a str>,
    status: &'static str,
    file: Option<&'a str>,
    problems: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    rule: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    required: usize,
    provided: usize,
    missing: usize,
    unusable: usize,
}

/// The checklist as JSON (field names documented in README).
pub fn json(rules: &RuleSet, list: &Checklist, lang: Lang) -> String {
    let filing = &list.loaded.filing;
    let (provided, missing, unusable) = list.counts();
    let doc = JsonChecklist {
        version: 1,
        path: display_path(&list.path),
        province: filing.province().map(|p| p.code),
        as_of: list.as_of.to_string(),
        documents: list
            .documents
            .iter()
            .map(|r| {
                let (status, file, problems) = match &r.status {
                    DocStatus::Provided { file } => ("provided", Some(file.as_str()), Vec::new()),
                    DocStatus::Missing => ("missing", None, Vec::new()),
                    DocStatus::Unusable { file, problems } => (
                        "unusable",
                        Some(file.as_str()),
                        problems.iter().map(Finding::id).collect(),
                    ),
                };
                JsonDocument {
                    kind: &r.kind,
                    document: document_name(rules, r, lang),
                    owner: owner_label(filing, r.table, lang),
                    owner_path: r.table.path(),
                    rule: r.rule.id(),
                    reason: reason(rules, r, lang),
                    count: r.count,
                    domain: r.domain.as_deref(),
                    category: r.category.as_deref(),
                    status,
                    file,
                    problems,
                }
            })
            .collect(),
        steps: list
            .steps
            .iter()
            .map(|s| JsonStep {
                rule: s.id(),
                text: s.meta.message.get(lang),
            })
            .collect(),
        summary: JsonSummary {
            required: list.documents.len(),
            provided,
            missing,
            unusable,
        },
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn section_title(s: &Section, province: &crate::data::Province, lang: Lang) -> String {
    let nature = s.nature.label(lang);
    let ty = s.filing_type.map(|t| t.label(lang));
    match (lang, ty) {
        (Lang::Zh, Some(t)) => format!("{}·{nature}·{t}", province.name),
        (Lang::Zh, None) => format!("{}·{nature}", province.name),
        (Lang::En, Some(t)) => format!("{} · {nature} · {t}", province.name_en()),
        (Lang::En, None) => format!("{} · {nature}", province.name_en()),
    }
}

/// One line of a province's page: what is needed, and when.
#[derive(Debug)]
struct PageLine {
    what: String,
    when: Option<String>,
    copies: u32,
    rule: String,
}

/// A section of a province's page, in words.
#[derive(Debug)]
struct Page {
    title: String,
    documents: Vec<PageLine>,
    requirements: Vec<PageLine>,
    /// Steps under a heading each (`None`: every filing).
    steps: Vec<(Option<String>, Vec<String>)>,
}

/// When a rule applies on a page that settles `known`: `Err(())` when it
/// never does there, `Ok(None)` when always.
fn when_on_page(v: &Variant, known: prose::Known, lang: Lang) -> Result<Option<String>, ()> {
    let mut parts = Vec::new();
    if let Some(w) = v.when.as_ref().filter(|w| !w.always()) {
        match known.settle(w) {
            prose::Settled::False => return Err(()),
            prose::Settled::True => {}
            prose::Settled::Open(c) => parts.push(prose::plain(&c, lang)),
        }
    }
    // A rule of each pre-approval applies only to websites that need one.
    if v.each == crate::facts::Each::Preapproval {
        parts.push(pick(
            lang,
            "网站内容需要前置审批",
            "the website's content needs a pre-approval",
        ));
    }
    Ok((!parts.is_empty()).then(|| parts.join(&pick(lang, "，且", " and "))))
}

fn page(rules: &RuleSet, province: &crate::data::Province, s: &Section, lang: Lang) -> Page {
    let known = prose::Known {
        nature: Some(s.nature),
        filing_type: s.filing_type,
    };
    let line = |v: &std::sync::Arc<Variant>, what: String| -> Option<PageLine> {
        let when = when_on_page(v, known, lang).ok()?;
        Some(PageLine {
            what,
            when,
            copies: match v.kind.as_ref() {
                Kind::Document { count, .. } => *count,
                _ => 1,
            },
            rule: v.id().to_owned(),
        })
    };
    let documents = s
        .documents
        .iter()
        .filter_map(|v| line(v, prose::generated(rules, v, lang)))
        .collect();
    let requirements = s
        .requirements
        .iter()
        .filter_map(|v| line(v, prose::requirement(rules, v, lang)))
        .collect();
    let text = |v: &std::sync::Arc<Variant>| v.meta.message.get(lang).to_owned();
    let mut steps = Vec::new();
    if !s.steps.is_empty() {
        steps.push((None, s.steps.iter().map(text).collect()));
    }
    for (t, list) in &s.type_steps {
        steps.push((
            Some(t.label(lang).to_owned()),
            list.iter().map(text).collect(),
        ));
    }
    Page {
        title: section_title(s, province, lang),
        documents,
        requirements,
        steps,
    }
}

fn requirements_heading(lang: Lang) -> String {
    pick(
        lang,
        "受理条件（不是材料，但不满足时备案会被退回）",
        "Conditions for acceptance (not documents, but a filing that misses one is returned)",
    )
}

fn steps_heading(ty: Option<&str>, lang: Lang) -> String {
    match (ty, lang) {
        (None, Lang::Zh) => "待办事项".into(),
        (None, Lang::En) => "Steps".into(),
        (Some(t), Lang::Zh) => format!("待办事项：仅{t}"),
        (Some(t), Lang::En) => format!("Steps of an {t} only")
            .replace("an first", "a first")
            .replace("an new", "a new")
            .replace("an change", "a change"),
    }
}

/// `，2 份` / `, 2 copies` after a document asked for more than once.
fn copies(count: u32, lang: Lang) -> String {
    match (count > 1, lang) {
        (false, _) => String::new(),
        (true, Lang::Zh) => format!("，{count} 份"),
        (true, Lang::En) => format!(", {count} copies"),
    }
}

fn line_text(l: &PageLine, lang: Lang) -> String {
    let copies = copies(l.copies, lang);
    match (&l.when, lang) {
        (None, _) => format!("{}{copies}", l.what),
        (Some(w), Lang::Zh) => format!("{}{copies}——{w}时", l.what),
        (Some(w), Lang::En) => format!("{}{copies} — when {w}", l.what),
    }
}

/// What a province asks, without a filing: each document with the
/// condition under which it is needed (in words, without what the page's
/// nature and type settle), the province's conditions for acceptance, then
/// the steps; a Markdown page to send to a client.
pub fn province(
    rules: &RuleSet,
    province: &crate::data::Province,
    sections: &[Section],
    lang: Lang,
) -> String {
    let mut out = String::new();
    for s in sections {
        let p = page(rules, province, s, lang);
        out.push_str(&format!("# {}\n\n", p.title));
        out.push_str(&format!("## {}\n\n", pick(lang, "材料", "Documents")));
        for l in &p.documents {
            out.push_str(&format!("- [ ] {}\n", line_text(l, lang)));
        }
        if !p.requirements.is_empty() {
            out.push_str(&format!("\n## {}\n\n", requirements_heading(lang)));
            for l in &p.requirements {
                out.push_str(&format!("- [ ] {}\n", line_text(l, lang)));
            }
        }
        for (ty, steps) in &p.steps {
            out.push_str(&format!("\n## {}\n\n", steps_heading(ty.as_deref(), lang)));
            for step in steps {
                out.push_str(&format!("- [ ] {step}\n"));
            }
        }
        out.push('\n');
    }
    out
}

/// What a province asks, as terminal tables: one per section, with the
/// rule of each line (what `icp explain` takes), then the steps.
pub fn province_table(
    rules: &RuleSet,
    province: &crate::data::Province,
    sections: &[Section],
    lang: Lang,
    width: u16,
) -> String {
    let mut out = String::new();
    for s in sections {
        let p = page(rules, province, s, lang);
        out.push_str(&format!("{}\n", p.title));
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width)
            .set_header(match lang {
                Lang::Zh => ["需要", "何时", "份数", "规则"],
                Lang::En => ["needed", "when", "copies", "rule"],
            });
        let always = pick(lang, "总是", "always");
        for l in p.documents.iter().chain(&p.requirements) {
            table.add_row([
                l.what.clone(),
                l.when.clone().unwrap_or_else(|| always.clone()),
                l.copies.to_string(),
                l.rule.clone(),
            ]);
        }
        for i in [2, 3] {
            if let Some(c) = table.column_mut(i) {
                c.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        super::words::keep_words(&mut table);
        out.push_str(&format!("{table}\n"));
        for (ty, steps) in &p.steps {
            out.push_str(&format!("{}:\n", steps_heading(ty.as_deref(), lang)));
            for (i, step) in steps.iter().enumerate() {
                let label = format!("{}. ", i + 1);
                let indent = " ".repeat(label.len());
                let options = textwrap::Options::new(usize::from(width).max(20))
                    .initial_indent(&label)
                    .subsequent_indent(&indent)
                    .word_separator(textwrap::WordSeparator::UnicodeBreakProperties);
                for line in textwrap::wrap(step, options) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
        out.push('\n');
    }
    out
}

/// The documents a province asks of a template's filing, as TOML comments
/// under the template: each with the `kind` to declare it as, its name, and
/// when it is needed (Guangdong's letter of commitment, for one).
pub fn template_documents(
    rules: &RuleSet,
    province: &crate::data::Province,
    sections: &[Section],
    lang: Lang,
) -> String {
    let mut out = String::new();
    for s in sections {
        let known = prose::Known {
            nature: Some(s.nature),
            filing_type: s.filing_type,
        };
        // One line per kind: a kind several rules ask for under different
        // conditions lists them all (and none when one asks always).
        let mut kinds: Vec<(&str, Option<Vec<String>>)> = Vec::new();
        for v in &s.documents {
            let Kind::Document { kind, .. } = v.kind.as_ref() else {
                continue;
            };
            let Ok(when) = when_on_page(v, known, lang) else {
                continue;
            };
            let at = match kinds.iter().position(|(k, _)| k == kind) {
                Some(at) => at,
                None => {
                    kinds.push((kind, Some(Vec::new())));
                    kinds.len() - 1
                }
            };
            let conditions = &mut kinds[at].1;
            match (when, conditions.as_mut()) {
                (None, _) => *conditions = None,
                (Some(w), Some(list)) if !list.contains(&w) => list.push(w),
                _ => {}
            }
        }
        let mut lines = Vec::new();
        for (kind, conditions) in kinds {
            let name = prose::document_name(rules, kind, lang);
            let mut line = format!("#   kind = {}  {name}", crate::filing::draft::quote(kind));
            if let Some(list) = conditions.filter(|l| !l.is_empty()) {
                line.push_str(&match lang {
                    Lang::Zh => format!("（{}时）", list.join("时，或")),
                    Lang::En => format!(" (when {})", list.join(", or when ")),
                });
            }
            lines.push(line);
        }
        if lines.is_empty() {
            continue;
        }
        out.push_str(&match lang {
            Lang::Zh => format!(
                "\n# {}要求的材料：写入所属表的 documents，如 {{ kind = \"…\", file = \"scans/….jpg\" }}\n",
                province.name
            ),
            Lang::En => format!(
                "\n# Documents {} asks for: declare each in its table's documents, e.g. {{ kind = \"…\", file = \"scans/….jpg\" }}\n",
                province.name_en()
            ),
        });
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// Text made safe for HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The style of the HTML pages: readable on screen, one clean column on
/// paper (no colours to waste ink, boxes to tick with a pen).
const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.5rem;border-bottom:2px solid #333;padding-bottom:.3rem}
h2{font-size:1.15rem;margin-top:1.5rem}
ul{list-style:none;padding-left:0}
li{margin:.4rem 0;padding-left:1.8rem;text-indent:-1.8rem}
li input{width:1rem;height:1rem;margin:0 .6rem 0 0;vertical-align:-.15rem}
.when,.why{color:#555}
.summary{color:#333}
section{page-break-after:always}
section:last-of-type{page-break-after:auto}
@media print{body{margin:0;max-width:none;font-size:11pt}h1,h2{page-break-after:avoid}li{page-break-inside:avoid}.when,.why{color:#000}}
";

fn html_page(lang: Lang, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        if lang == Lang::Zh { "zh-CN" } else { "en" },
        esc(title)
    )
}

fn html_item(checked: bool, text: &str, note: Option<(&str, &str)>) -> String {
    let note = note.map_or(String::new(), |(class, n)| {
        format!(" <span class=\"{class}\">{}</span>", esc(n))
    });
    format!(
        "<li><label><input type=\"checkbox\"{}>{}</label>{note}</li>\n",
        if checked { " checked" } else { "" },
        esc(text)
    )
}

/// What a province asks, as one self-contained HTML page to print for a
/// client: no script, no outside file, a print style sheet, and a box to
/// tick before each line.
pub fn province_html(
    rules: &RuleSet,
    province: &crate::data::Province,
    sections: &[Section],
    lang: Lang,
) -> String {
    let mut body = String::new();
    let mut first_title = None;
    for s in sections {
        let p = page(rules, province, s, lang);
        first_title.get_or_insert_with(|| p.title.clone());
        body.push_str(&format!("<section>\n<h1>{}</h1>\n", esc(&p.title)));
        body.push_str(&format!(
            "<h2>{}</h2>\n<ul>\n",
            esc(&pick(lang, "材料", "Documents"))
        ));
        let when = |l: &PageLine| {
            l.when.as_ref().map(|w| match lang {
                Lang::Zh => format!("——{w}时"),
                Lang::En => format!("— when {w}"),
            })
        };
        let what = |l: &PageLine| {
            if l.copies > 1 {
                match lang {
                    Lang::Zh => format!("{}，{} 份", l.what, l.copies),
                    Lang::En => format!("{}, {} copies", l.what, l.copies),
                }
            } else {
                l.what.clone()
            }
        };
        for l in &p.documents {
            body.push_str(&html_item(
                false,
                &what(l),
                when(l).as_deref().map(|w| ("when", w)),
            ));
        }
        body.push_str("</ul>\n");
        if !p.requirements.is_empty() {
            body.push_str(&format!(
                "<h2>{}</h2>\n<ul>\n",
                esc(&requirements_heading(lang))
            ));
            for l in &p.requirements {
                body.push_str(&html_item(
                    false,
                    &what(l),
                    when(l).as_deref().map(|w| ("when", w)),
                ));
            }
            body.push_str("</ul>\n");
        }
        for (ty, steps) in &p.steps {
            body.push_str(&format!(
                "<h2>{}</h2>\n<ul>\n",
                esc(&steps_heading(ty.as_deref(), lang))
            ));
            for step in steps {
                body.push_str(&html_item(false, step, None));
            }
            body.push_str("</ul>\n");
        }
        body.push_str("</section>\n");
    }
    html_page(lang, &first_title.unwrap_or_default(), &body)
}

/// A filing's checklist as one self-contained HTML page: what is provided
/// is ticked.
pub fn html(rules: &RuleSet, list: &Checklist, lang: Lang) -> String {
    let filing = &list.loaded.filing;
    let title = title(list, lang);
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"summary\">{}</p>\n<h2>{}</h2>\n<ul>\n",
        esc(&title),
        esc(&summary_line(list, lang)),
        esc(&pick(lang, "需要的材料", "Documents"))
    );
    for r in &list.documents {
        let done = matches!(r.status, DocStatus::Provided { .. });
        let copies = copies(r.count, lang);
        let text = format!(
            "{} — {}{copies} — {}",
            row_document(rules, filing, r, lang),
            owner_label(filing, r.table, lang),
            status(r, lang)
        );
        let why = row_reason(filing, r, lang);
        body.push_str(&html_item(done, &text, Some(("why", &why))));
    }
    body.push_str("</ul>\n");
    if !list.steps.is_empty() {
        body.push_str(&format!(
            "<h2>{}</h2>\n<ul>\n",
            esc(&pick(lang, "待办事项", "What is left to do"))
        ));
        for s in &list.steps {
            body.push_str(&html_item(false, s.meta.message.get(lang), None));
        }
        body.push_str("</ul>\n");
    }
    html_page(lang, &title, &body)
}

/// What a province asks, as JSON.
pub fn province_json(
    province: &crate::data::Province,
    sections: &[Section],
    rules: &RuleSet,
    lang: Lang,
) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        rule: &'a str,
        document: String,
        condition: Option<String>,
        count: u32,
    }
    #[derive(Serialize)]
    struct TypeSteps<'a> {
        filing_type: &'static str,
        steps: Vec<JsonStep<'a>>,
    }
    #[derive(Serialize)]
    struct Sec<'a> {
        nature: &'static str,
        filing_type: Option<&'static str>,
        documents: Vec<Doc<'a>>,
        requirements: Vec<JsonStep<'a>>,
        steps: Vec<JsonStep<'a>>,
        type_steps: Vec<TypeSteps<'a>>,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        version: u32,
        province: &'static str,
        sections: Vec<Sec<'a>>,
    }
    let out = Out {
        version: 1,
        province: province.code,
        sections: sections
            .iter()
            .map(|s| Sec {
                nature: s.nature.key(),
                filing_type: s.filing_type.map(|t| t.key()),
                documents: s
                    .documents
                    .iter()
                    .map(|v| Doc {
                        rule: v.id(),
                        document: prose::generated(rules, v, lang),
                        condition: v
                            .when
                            .as_ref()
                            .filter(|w| !w.always())
                            .map(|w| prose::condition(w, lang)),
                        count: match v.kind.as_ref() {
                            Kind::Document { count, .. } => *count,
                            _ => 1,
                        },
                    })
                    .collect(),
                requirements: s
                    .requirements
                    .iter()
                    .map(|v| JsonStep {
                        rule: v.id(),
                        text: v.meta.message.get(lang),
                    })
                    .collect(),
                steps: s
                    .steps
                    .iter()
                    .map(|v| JsonStep {
                        rule: v.id(),
                        text: v.meta.message.get(lang),
                    })
                    .collect(),
                type_steps: s
                    .type_steps
                    .iter()
                    .map(|(t, list)| TypeSteps {
                        filing_type: t.key(),
                        steps: list
                            .iter()
                            .map(|v| JsonStep {
                                rule: v.id(),
                                text: v.meta.message.get(lang),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}
