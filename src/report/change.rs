//! `icp diff`: the comparison of two versions of a filing as text (the
//! terminal, Markdown to send to a client) or JSON.

use std::fmt::Write as _;

use serde::Serialize;

use super::line_column;
use crate::Lang;
use crate::change::{Diff, FieldChange};

/// The filing a change rule names, in words.
pub fn filing_name(key: &str, lang: Lang) -> &'static str {
    match key {
        "subject-change" => lang.pick("主体变更（变更主体信息）", "subject change (主体变更)"),
        "website-change" => lang.pick("网站变更（变更网站信息）", "website change (网站变更)"),
        "add-website" => lang.pick("新增网站", "new website (新增网站, add-website)"),
        "access" => lang.pick("接入备案", "access filing (接入备案)"),
        "cancel-website" => lang.pick("注销网站", "cancel the website (注销网站)"),
        "cancel-subject" => lang.pick("注销主体", "cancel the subject (注销主体)"),
        _ => lang.pick(
            "不能通过变更办理：注销后重新备案",
            "no change filing can do it: cancel and file anew",
        ),
    }
}

fn sms(key: &str, lang: Lang) -> &'static str {
    match key {
        "subject-principal" => lang.pick("主体负责人手机", "the subject principal's mobile"),
        "website-principal" => lang.pick("网站负责人手机", "the website principal's mobile"),
        "both" => lang.pick(
            "主体负责人和网站负责人的手机",
            "the subject and the website principal's mobiles",
        ),
        "none" => lang.pick("无需短信核验", "no SMS check"),
        _ => lang.pick("资料未说明", "the sources do not say"),
    }
}

fn online(key: &str, lang: Lang) -> &'static str {
    match key {
        "yes" => lang.pick("可以保持访问", "may stay online"),
        "no" => lang.pick("备案通过前不能开通访问", "stays offline until approved"),
        _ => lang.pick("资料未说明", "the sources do not say"),
    }
}

fn value(v: &Option<String>) -> String {
    v.as_deref()
        .map_or_else(|| "—".to_owned(), |s| format!("\"{s}\""))
}

fn change_line(c: &FieldChange, lang: Lang) -> String {
    match (c.how, lang) {
        ("added", Lang::Zh) => format!("{}：新增 {}", c.path, value(&c.new)),
        ("added", Lang::En) => format!("{}: added {}", c.path, value(&c.new)),
        ("removed", Lang::Zh) => format!("{}：删除 {}", c.path, value(&c.old)),
        ("removed", Lang::En) => format!("{}: removed {}", c.path, value(&c.old)),
        (_, Lang::Zh) => format!("{}：{} → {}", c.path, value(&c.old), value(&c.new)),
        (_, Lang::En) => format!("{}: {} → {}", c.path, value(&c.old), value(&c.new)),
    }
}

fn document_name(rules: &crate::rules::RuleSet, key: &str, lang: Lang) -> String {
    rules
        .document_kind(key)
        .map_or_else(|| key.to_owned(), |k| k.name.get(lang).to_owned())
}

/// The human report (`markdown: false`) or a Markdown page (`true`).
pub fn text(
    diff: &Diff,
    rules: &crate::rules::RuleSet,
    old: &str,
    new: &str,
    lang: Lang,
    markdown: bool,
) -> String {
    let mut out = String::new();
    let (h1, h2, item) = if markdown {
        ("# ", "## ", "- ")
    } else {
        ("", "", "  ")
    };
    // One blank line before a section, whatever ended the one before.
    let section = |out: &mut String| {
        while out.ends_with("\n\n") {
            out.pop();
        }
        out.push('\n');
    };
    let _ = writeln!(
        out,
        "{h1}{} {old} → {new}",
        lang.pick("备案变更：", "Changes of the filing:")
    );
    section(&mut out);
    let _ = writeln!(out, "{h2}{}", lang.pick("改动", "What changed"));
    if markdown {
        out.push('\n');
    }
    if diff.changes.is_empty() {
        let _ = writeln!(out, "{item}{}", lang.pick("无改动", "nothing"));
    }
    for c in &diff.changes {
        let line = change_line(c, lang);
        let _ = writeln!(out, "{item}{line}");
    }
    section(&mut out);
    let _ = writeln!(
        out,
        "{h2}{}",
        lang.pick("需要办理", "What the change needs")
    );
    if markdown {
        out.push('\n');
    }
    if diff.needed.is_empty() && diff.uncovered.is_empty() {
        let _ = writeln!(out, "{item}{}", lang.pick("无需办理", "nothing to file"));
    }
    for n in &diff.needed {
        let f = &n.fields[0];
        let args = vec![
            ("field", f.path.clone()),
            ("old", f.old.clone().unwrap_or_default()),
            ("new", f.new.clone().unwrap_or_default()),
        ];
        let message = crate::lang::fill(n.rule.meta.message.get(lang), &args);
        let help = crate::lang::fill(n.rule.meta.help.get(lang), &args);
        let colon = lang.pick("：", ": ");
        if markdown {
            let _ = writeln!(
                out,
                "### {} (`{}`)\n",
                filing_name(n.change.filing, lang),
                n.rule.id()
            );
        } else {
            let mark = match n.rule.meta.severity {
                crate::finding::Severity::Error => "✗",
                crate::finding::Severity::Warning => "!",
                _ => "•",
            };
            let _ = writeln!(
                out,
                "{item}{mark} {} [{}]",
                filing_name(n.change.filing, lang),
                n.rule.id()
            );
        }
        let sub = if markdown { "- " } else { "      " };
        let _ = writeln!(out, "{sub}{message}");
        let docs: Vec<String> = n
            .change
            .documents
            .iter()
            .map(|d| document_name(rules, d, lang))
            .collect();
        let docs = if docs.is_empty() {
            lang.pick("资料未列出", "none listed by the sources")
                .to_owned()
        } else {
            docs.join(lang.pick("、", ", "))
        };
        let _ = writeln!(out, "{sub}{}{colon}{docs}", lang.pick("材料", "documents"));
        let _ = writeln!(
            out,
            "{sub}{}{colon}{}",
            lang.pick("短信核验", "SMS check"),
            sms(n.change.sms, lang)
        );
        let _ = writeln!(
            out,
            "{sub}{}{colon}{}",
            lang.pick("网站访问", "the site"),
            online(n.change.online, lang)
        );
        let _ = writeln!(out, "{sub}{help}");
        let _ = writeln!(
            out,
            "{sub}{}{colon}icp explain {}",
            lang.pick("详情", "details"),
            n.rule.id()
        );
        if markdown {
            out.push('\n');
        }
    }
    if !diff.uncovered.is_empty() {
        let _ = writeln!(
            out,
            "{item}{}",
            lang.pick("以下改动没有规则说明（参考资料未提及），请向接入商确认需办理的手续：",
                "no rule covers these changes (the reference says nothing of them); ask the provider what they need:"
            )
        );
        for c in &diff.uncovered {
            let _ = writeln!(out, "{item}  {}", change_line(c, lang));
        }
    }
    section(&mut out);
    let _ = writeln!(
        out,
        "{h2}{}",
        lang.pick("改动带来的新问题", "Findings the change introduced")
    );
    if markdown {
        out.push('\n');
    }
    if diff.introduced.is_empty() {
        let _ = writeln!(out, "{item}{}", lang.pick("无", "none"));
    }
    for f in &diff.introduced {
        let line = f.span.as_ref().map_or_else(String::new, |s| {
            format!(":{}", line_column(&diff.new_text, s.start).0)
        });
        let _ = writeln!(
            out,
            "{item}{new}{line}: {} {} {}",
            severity_word(f.severity(), lang),
            f.id(),
            f.message(lang)
        );
    }
    out
}

/// A severity in words: the fixed English words in English, 错误/警告/提示
/// in Chinese (JSON keeps the English words).
fn severity_word(severity: crate::finding::Severity, lang: Lang) -> &'static str {
    use crate::finding::Severity;
    use crate::i18n::Msg;
    match severity {
        Severity::Error => Msg::Error.get(lang),
        Severity::Warning => Msg::Warning.get(lang),
        Severity::Info => Msg::Info.get(lang),
        Severity::Off => severity.as_str(),
    }
}

/// `--format json`.
pub fn json(diff: &Diff, old: &str, new: &str, lang: Lang) -> String {
    let mut out = serde_json::to_string_pretty(&json_value(diff, old, new, lang))
        .unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}

/// The JSON document of [`json`], as a value to put in a larger one.
pub fn json_value(diff: &Diff, old: &str, new: &str, lang: Lang) -> serde_json::Value {
    #[derive(Serialize)]
    struct Needed<'a> {
        rule: &'a str,
        severity: &'static str,
        filing: &'a str,
        message: String,
        documents: &'a [String],
        sms: &'a str,
        online: &'a str,
        fields: &'a [FieldChange],
    }
    #[derive(Serialize)]
    struct Introduced<'a> {
        rule: &'a str,
        severity: &'static str,
        path: &'a str,
        message: String,
        line: Option<usize>,
    }
    #[derive(Serialize)]
    struct Document<'a> {
        version: u32,
        old: &'a str,
        new: &'a str,
        changes: &'a [FieldChange],
        needed: Vec<Needed<'a>>,
        uncovered: &'a [FieldChange],
        introduced: Vec<Introduced<'a>>,
    }
    let doc = Document {
        version: 1,
        old,
        new,
        changes: &diff.changes,
        needed: diff
            .needed
            .iter()
            .map(|n| {
                let f = &n.fields[0];
                let args = vec![
                    ("field", f.path.clone()),
                    ("old", f.old.clone().unwrap_or_default()),
                    ("new", f.new.clone().unwrap_or_default()),
                ];
                Needed {
                    rule: n.rule.id(),
                    severity: n.rule.meta.severity.as_str(),
                    filing: n.change.filing,
                    message: crate::lang::fill(n.rule.meta.message.get(lang), &args),
                    documents: &n.change.documents,
                    sms: n.change.sms,
                    online: n.change.online,
                    fields: &n.fields,
                }
            })
            .collect(),
        uncovered: &diff.uncovered,
        introduced: diff
            .introduced
            .iter()
            .map(|f| Introduced {
                rule: f.id(),
                severity: f.severity().as_str(),
                path: &f.path,
                message: f.message(lang),
                line: f
                    .span
                    .as_ref()
                    .map(|s| line_column(&diff.new_text, s.start).0),
            })
            .collect(),
    };
    serde_json::to_value(&doc).unwrap_or_default()
}
