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
            let width = terminal_width(terminal, 100);
            report::rules::table(&rows, ctx.lang, width)
        }
        ListFormat::Json => report::rules::json(&rows),
        ListFormat::Markdown => report::rules::markdown(&rows, ctx.lang),
    };
    emit(&text);
    OK
}

pub fn show(ctx: &Context, rules: &RuleSet, args: RulesShowArgs) -> u8 {
    let show = if args.all {
        report::rules::show
    } else {
        report::rules::show_client
    };
    emit(&show(rules, args.province, as_of(ctx), ctx.lang));
    OK
}

pub fn explain(ctx: &Context, rules: &RuleSet, args: ExplainArgs) -> u8 {
    let id = args.rule.trim();
    let examples = icp::rules::examples(id, args.province);
    let today = as_of(ctx);
    if let Some(text) = report::rules::explain(rules, id, args.province, &examples, today, ctx.lang)
    {
        emit(&text);
        return OK;
    }
    // A rule of another province's file is found in that province's view,
    // and said not to apply in the province asked about.
    let home = rules
        .origins()
        .find(|(rid, _)| *rid == id)
        .and_then(|(_, p)| p);
    if let Some(text) =
        home.and_then(|p| report::rules::explain(rules, id, Some(p), &examples, today, ctx.lang))
    {
        if let (Some(asked), Some(home)) = (args.province, home) {
            emit(&match ctx.lang {
                Lang::Zh => format!(
                    "此规则不适用于{}：它是{}的规则。\n\n",
                    asked.name, home.name
                ),
                Lang::En => format!(
                    "This rule does not apply in {}: it is a rule of {}.\n\n",
                    asked.name_en(),
                    home.name_en()
                ),
            });
        }
        emit(&text);
        return OK;
    }
    // Not an id: a word of the rules' texts, in either language.
    let found = report::rules::find(rules, id, ctx.lang);
    if found.len() == 1 {
        let (only, _) = &found[0];
        let examples = icp::rules::examples(only, args.province);
        let view_province = args.province.or_else(|| {
            rules
                .origins()
                .find(|(rid, _)| rid == only)
                .and_then(|(_, p)| p)
        });
        if let Some(text) =
            report::rules::explain(rules, only, view_province, &examples, today, ctx.lang)
        {
            emit(&text);
            return OK;
        }
    }
    if !found.is_empty() {
        emit(&match ctx.lang {
            Lang::Zh => format!("与“{id}”有关的规则（icp explain 规则 查看其一）：\n"),
            Lang::En => format!("rules about “{id}” (icp explain RULE shows one):\n"),
        });
        let wide = found.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        for (rule, summary) in &found {
            emit(&format!("  {rule:wide$}  {summary}\n"));
        }
        return OK;
    }
    let near = icp::suggest::nearest(id, rules.ids(), 5);
    let (unknown, suggest) = match ctx.lang {
        Lang::Zh => ("没有这条规则，也没有规则提到这个词", "相近的规则"),
        Lang::En => (
            "there is no rule, nor a rule that mentions it",
            "rules with a similar id",
        ),
    };
    eprintln!("{unknown}: {id}");
    if !near.is_empty() {
        eprintln!("{suggest}: {}", near.join(", "));
    }
    ERROR
}
