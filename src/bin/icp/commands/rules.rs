//! `icp rules list`, `icp rules show`, `icp explain`.

use icp::Lang;
use icp::report;
use icp::rules::RuleSet;

use super::{Context, ERROR, OK, as_of, emit, terminal_width};
use crate::cli::{ExplainArgs, ListFormat, RulesListArgs, RulesShowArgs};

pub fn list(ctx: &Context, rules: &RuleSet, args: RulesListArgs, terminal: bool) -> u8 {
    let filter = report::rules::Filter {
        province: args.province,
        nature: args.nature,
    };
    let rows = report::rules::list(rules, filter, as_of(ctx));
    let text = match args.format {
        ListFormat::Table => {
            let width = if terminal { terminal_width() } else { 100 };
            report::rules::table(&rows, ctx.lang, width)
        }
        ListFormat::Json => report::rules::json(&rows),
        ListFormat::Markdown => report::rules::markdown(&rows, ctx.lang),
    };
    emit(&text);
    OK
}

pub fn show(ctx: &Context, rules: &RuleSet, args: RulesShowArgs) -> u8 {
    emit(&report::rules::show(
        rules,
        args.province,
        as_of(ctx),
        ctx.lang,
    ));
    OK
}

pub fn explain(ctx: &Context, rules: &RuleSet, args: ExplainArgs) -> u8 {
    let id = args.rule.trim();
    let examples = icp::rules::examples(id, args.province);
    let today = as_of(ctx);
    match report::rules::explain(rules, id, args.province, &examples, today, ctx.lang) {
        Some(text) => {
            emit(&text);
            OK
        }
        None => {
            // A rule of a province file is found in that province's view.
            let home = rules
                .origins()
                .find(|(rid, _)| *rid == id)
                .and_then(|(_, p)| p);
            if let Some(text) = home.and_then(|p| {
                report::rules::explain(rules, id, Some(p), &examples, today, ctx.lang)
            }) {
                emit(&text);
                return OK;
            }
            let near = icp::suggest::nearest(id, rules.ids(), 5);
            let (unknown, suggest) = match ctx.lang {
                Lang::Zh => ("没有这条规则", "相近的规则"),
                Lang::En => ("there is no rule", "rules with a similar id"),
            };
            eprintln!("{unknown}: {id}");
            if !near.is_empty() {
                eprintln!("{suggest}: {}", near.join(", "));
            }
            ERROR
        }
    }
}
