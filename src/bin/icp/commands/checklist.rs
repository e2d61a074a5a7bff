//! `icp checklist`.

use icp::report;
use icp::rules::RuleSet;

use super::{Context, ERROR, FAIL, OK, as_of, emit, terminal_width};
use crate::cli::{ChecklistArgs, ChecklistFormat};

pub fn run(ctx: &Context, rules: &RuleSet, args: ChecklistArgs, terminal: bool) -> u8 {
    let lang = ctx.lang;
    if let Some(province) = args.province {
        use icp::filing::Nature;
        let natures = match args.nature {
            Some(n) => vec![n],
            None => vec![Nature::Personal, Nature::Enterprise],
        };
        let sections =
            icp::checklist::for_province(rules, province, &natures, args.filing_type, as_of(ctx));
        let text = match args.format {
            ChecklistFormat::Json => {
                report::checklist::province_json(province, &sections, rules, lang)
            }
            ChecklistFormat::Table => report::checklist::province_table(
                rules,
                province,
                &sections,
                lang,
                terminal_width(terminal, 100),
            ),
            ChecklistFormat::Html => {
                report::checklist::province_html(rules, province, &sections, lang)
            }
            ChecklistFormat::Markdown => {
                report::checklist::province(rules, province, &sections, lang)
            }
        };
        emit(&text);
        return OK;
    }
    let Some(file) = args.file else {
        return ERROR;
    };
    // A file that is not a filing (not TOML, not UTF-8, too large, empty,
    // without a province or a subject's nature) has no checklist: it gets
    // what `validate` says of it, and its exit code.
    match icp::validate::file(rules, &file, ctx.dates) {
        Ok(report) if report.province.is_none() || report.nature.is_none() => {
            let report = if args.redact {
                icp::redact::file_report(report)
            } else {
                report
            };
            let fails = report.count(icp::finding::Severity::Error) > 0;
            let reports = [report];
            emit(&match args.format {
                ChecklistFormat::Json => report::json::render(&reports, lang),
                _ => report::human::render(&reports, ctx.style(terminal)),
            });
            return if fails { FAIL } else { OK };
        }
        _ => {}
    }
    let list = match icp::checklist::for_file(rules, &file, ctx.dates) {
        Ok(list) if args.redact => icp::redact::checklist(list),
        Ok(list) => list,
        Err(e) => {
            let values = [
                (
                    "path",
                    icp::report::snippet::escape(&e.path.display().to_string()).into_owned(),
                ),
                ("error", e.message.get(lang).to_owned()),
            ];
            eprintln!(
                "{}",
                icp::lang::fill(icp::i18n::Msg::Unreadable.get(lang), &values)
            );
            return ERROR;
        }
    };
    let text = match args.format {
        ChecklistFormat::Table => {
            let width = terminal_width(terminal, 80);
            report::checklist::table(rules, &list, lang, width)
        }
        ChecklistFormat::Markdown => report::checklist::markdown(rules, &list, lang),
        ChecklistFormat::Html => report::checklist::html(rules, &list, lang),
        ChecklistFormat::Json => report::checklist::json(rules, &list, lang),
    };
    emit(&text);
    if list.fails() { FAIL } else { OK }
}
