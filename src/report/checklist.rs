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
use crate::rules::{DocStatus, Kind, Requirement, RuleSet};

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
            document_name(rules, r, lang),
            owner_label(filing, r.table, lang),
            format!("{}\n{}", reason(rules, r, lang), r.rule.id()),
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
        let copies = if r.count > 1 {
            match lang {
                Lang::Zh => format!("，{} 份", r.count),
                Lang::En => format!(", {} copies", r.count),
            }
        } else {
            String::new()
        };
        out.push_str(&format!(
            "- [{}] **{}** — {}{copies} — {}\n  {}\n",
            if done { "x" } else { " " },
            document_name(rules, r, lang),
            owner_label(filing, r.table, lang),
            status(r, lang),
            reason(rules, r, lang),
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

/// What a province asks, without a filing: each document with the
/// condition under which it is needed, then the steps; as Markdown (also
/// what the terminal shows).
pub fn province(
    rules: &RuleSet,
    province: &crate::data::Province,
    sections: &[Section],
    lang: Lang,
) -> String {
    let mut out = String::new();
    for s in sections {
        out.push_str(&format!("# {}\n\n", section_title(s, province, lang)));
        out.push_str(&format!("## {}\n\n", pick(lang, "材料", "Documents")));
        for v in &s.documents {
            let what = prose::generated(rules, v, lang);
            let mut conditions = Vec::new();
            if let Some(w) = v.when.as_ref().filter(|w| !w.always()) {
                conditions.push(prose::condition(w, lang));
            }
            let line = if conditions.is_empty() {
                format!("- [ ] {what}")
            } else {
                match lang {
                    Lang::Zh => format!("- [ ] 如果{}：{what}", conditions.join("，且")),
                    Lang::En => format!("- [ ] if {}: {what}", conditions.join(" and ")),
                }
            };
            let copies = match v.kind.as_ref() {
                Kind::Document { count, .. } if *count > 1 => match lang {
                    Lang::Zh => format!("，{count} 份"),
                    Lang::En => format!(", {count} copies"),
                },
                _ => String::new(),
            };
            out.push_str(&format!("{line}{copies} `{}`\n", v.id()));
        }
        if !s.steps.is_empty() {
            out.push_str(&format!("\n## {}\n\n", pick(lang, "待办事项", "Steps")));
            for v in &s.steps {
                out.push_str(&format!(
                    "- [ ] {} `{}`\n",
                    v.meta.message.get(lang),
                    v.id()
                ));
            }
        }
        out.push('\n');
    }
    out
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
    struct Sec<'a> {
        nature: &'static str,
        filing_type: Option<&'static str>,
        documents: Vec<Doc<'a>>,
        steps: Vec<JsonStep<'a>>,
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
                steps: s
                    .steps
                    .iter()
                    .map(|v| JsonStep {
                        rule: v.id(),
                        text: v.meta.message.get(lang),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}
