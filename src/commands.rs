//! Running the subcommands: the glue between the command line and the
//! library. Each command returns its exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use icp::Lang;
use icp::report::{self, Summary, human::Style};
use icp::rules::RuleSet;
use icp::rules::engine::Dates;

use crate::cli::{
    ChecklistArgs, ChecklistFormat, Cli, ColorArg, Command, ExplainArgs, FormatArg, LangArg,
    ListFormat, NewArgs, RulesCommand, RulesListArgs, RulesShowArgs, ValidateArgs,
};

/// Nothing fails.
pub const OK: u8 = 0;
/// Something fails: a finding, a missing document.
pub const FAIL: u8 = 1;
/// The command could not run: usage, an unreadable path, a broken rule file.
pub const ERROR: u8 = 2;

/// Global settings every command uses.
pub struct Context {
    pub lang: Lang,
    pub color: bool,
    pub dates: Dates,
}

impl Context {
    fn style(&self, terminal: bool) -> Style {
        Style {
            lang: self.lang,
            color: self.color,
            // A fixed width off the terminal keeps piped and tested output stable.
            width: if terminal { None } else { Some(100) },
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> u8 {
    let lang = match cli.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(|k| std::env::var(k).ok()),
    };
    let stdout_tty = std::io::stdout().is_terminal();
    let color = match cli.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => stdout_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    // "Today" is the date in China (UTC+8), the date the administration
    // judges by, whatever time zone the machine (or a CI runner) is set to.
    // A fixed offset also spares loading the time-zone database.
    let today = jiff::tz::Offset::constant(8)
        .to_datetime(jiff::Timestamp::now())
        .date();
    let ctx = Context {
        lang,
        color,
        dates: Dates {
            today,
            forced: cli.today,
        },
    };
    let rules = match RuleSet::with_dir(cli.rules.as_deref()) {
        // The rule set lives until the process exits: leaking it spares
        // freeing thousands of small allocations on the way out.
        Ok(rules) => &*Box::leak(Box::new(rules)),
        Err(e) => {
            let stderr_tty = std::io::stderr().is_terminal();
            eprint!("{}", report::human::rule_errors(&e, ctx.style(stderr_tty)));
            return ERROR;
        }
    };
    match cli.command {
        Command::Validate(args) => validate(&ctx, rules, args, stdout_tty),
        Command::Rules(RulesCommand::List(args)) => rules_list(&ctx, rules, args, stdout_tty),
        Command::Rules(RulesCommand::Show(args)) => rules_show(&ctx, rules, args),
        Command::Explain(args) => explain(&ctx, rules, args),
        Command::Checklist(args) => checklist(&ctx, rules, args, stdout_tty),
        Command::New(args) => new(&ctx, rules, args),
    }
}

fn checklist(ctx: &Context, rules: &RuleSet, args: ChecklistArgs, terminal: bool) -> u8 {
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
            _ => report::checklist::province(rules, province, &sections, lang),
        };
        emit(&text);
        return OK;
    }
    let Some(file) = args.file else {
        return ERROR;
    };
    let list = match icp::checklist::for_file(rules, &file, ctx.dates) {
        Ok(list) => list,
        Err(e) => {
            eprintln!(
                "{}: {}: {}",
                icp::i18n::Msg::Unreadable.get(lang),
                e.path.display(),
                e.message
            );
            return ERROR;
        }
    };
    let text = match args.format {
        ChecklistFormat::Table => {
            let width = if terminal {
                terminal_width().min(120)
            } else {
                80
            };
            report::checklist::table(rules, &list, lang, width)
        }
        ChecklistFormat::Markdown => report::checklist::markdown(rules, &list, lang),
        ChecklistFormat::Json => report::checklist::json(rules, &list, lang),
    };
    emit(&text);
    if list.fails() { FAIL } else { OK }
}

/// The as-of date of commands that take no filing: `--today`, else today.
fn as_of(ctx: &Context) -> jiff::civil::Date {
    ctx.dates.forced.unwrap_or(ctx.dates.today)
}

fn rules_list(ctx: &Context, rules: &RuleSet, args: RulesListArgs, terminal: bool) -> u8 {
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

/// The terminal's width, from `COLUMNS` (set by shells) or 100.
fn terminal_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn rules_show(ctx: &Context, rules: &RuleSet, args: RulesShowArgs) -> u8 {
    emit(&report::rules::show(
        rules,
        args.province,
        as_of(ctx),
        ctx.lang,
    ));
    OK
}

fn explain(ctx: &Context, rules: &RuleSet, args: ExplainArgs) -> u8 {
    let id = args.rule.trim();
    let examples = icp::rules::examples(id);
    match report::rules::explain(rules, id, args.province, &examples, ctx.lang) {
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
            if let Some(text) =
                home.and_then(|p| report::rules::explain(rules, id, Some(p), &examples, ctx.lang))
            {
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

/// Held while a file is being written, so that Ctrl-C waits for the write to
/// finish (or fail) instead of leaving a temporary file behind.
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn new(ctx: &Context, rules: &RuleSet, args: NewArgs) -> u8 {
    use icp::draft::{Draft, Mode};
    use icp::i18n::Msg;
    let lang = ctx.lang;
    let shown = args.file.display().to_string();
    let with_path = |m: Msg| icp::lang::fill(m.get(lang), &[("path", shown.clone())]);
    let to_stdout = args.template && args.file.as_os_str() == "-";
    // Refuse before asking anything: answers would otherwise be lost.
    if !to_stdout && !args.force && args.file.exists() {
        eprintln!("{}", with_path(Msg::FileExists));
        return ERROR;
    }
    let today = ctx.dates.forced.unwrap_or(ctx.dates.today);
    let text = if args.template {
        let Some(province) = args.province else {
            eprintln!("{}", Msg::TemplateNeedsProvince.get(lang));
            return ERROR;
        };
        let nature = args.nature.unwrap_or(icp::filing::Nature::Enterprise);
        let kind = args.filing_type.unwrap_or(icp::filing::FilingType::New);
        let text = Draft::template(kind, province, nature, today).render(Mode::Template);
        if to_stdout {
            emit(&text);
            return OK;
        }
        text
    } else {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            eprintln!("{}", Msg::NoTerminal.get(lang));
            return ERROR;
        }
        let cancelled = Msg::Cancelled.get(lang);
        // Ctrl-C kills the process at once (nothing has been written); the
        // handler only restores the cursor the selection prompts hide.
        let _ = ctrlc::set_handler(move || {
            let _guard = WRITING.lock();
            let _ = dialoguer::console::Term::stderr().show_cursor();
            eprintln!("\n{cancelled}");
            std::process::exit(i32::from(ERROR));
        });
        match crate::wizard::Wizard::new(rules, ctx.dates, lang, &args.file).run() {
            Ok(draft) => draft.render(Mode::Filing),
            Err(e) => {
                let _ = dialoguer::console::Term::stderr().show_cursor();
                eprintln!("{cancelled} ({e})");
                return ERROR;
            }
        }
    };
    let overwrite = if args.force {
        icp::write::Overwrite::Allow
    } else {
        icp::write::Overwrite::Never
    };
    let written = {
        let _guard = WRITING.lock();
        icp::write::atomically(&args.file, text.as_bytes(), overwrite)
    };
    if let Err(e) = written {
        eprintln!(
            "{}",
            icp::lang::fill(
                Msg::CannotWrite.get(lang),
                &[("path", shown.clone()), ("error", e.to_string())]
            )
        );
        return if e.kind() == std::io::ErrorKind::AlreadyExists {
            eprintln!("{}", with_path(Msg::FileExists));
            ERROR
        } else {
            ERROR
        };
    }
    eprintln!("{}", with_path(Msg::Wrote));
    if args.template {
        return OK;
    }
    // What validate and checklist say about the new file.
    let stderr_tty = std::io::stderr().is_terminal();
    let code = match icp::validate::file(rules, &args.file, ctx.dates) {
        Ok(report) if !report.findings.is_empty() => {
            let fails = report.count(icp::finding::Severity::Error) > 0;
            eprint!(
                "{}",
                report::human::render(&[report], ctx.style(stderr_tty))
            );
            if fails { FAIL } else { OK }
        }
        _ => OK,
    };
    if let Ok(list) = icp::checklist::for_file(rules, &args.file, ctx.dates) {
        eprintln!("\n{}", Msg::StillMissing.get(lang));
        eprint!(
            "{}",
            report::checklist::table(rules, &list, lang, terminal_width())
        );
    }
    code
}

/// Writes to stdout; a closed pipe (`icp validate | head`) is not an error.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn validate(ctx: &Context, rules: &RuleSet, args: ValidateArgs, terminal: bool) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let (files, mut path_errors) = icp::validate::collect(&paths);
    let mut reports = Vec::with_capacity(files.len());
    for result in icp::validate::files(rules, &files, ctx.dates) {
        match result {
            Ok(r) => reports.push(r),
            Err(e) => path_errors.push(e),
        }
    }
    for e in &path_errors {
        eprintln!(
            "{}: {}: {}",
            icp::i18n::Msg::Unreadable.get(ctx.lang),
            e.path.display(),
            e.message
        );
    }
    if files.is_empty() && path_errors.is_empty() {
        eprintln!("{}", icp::i18n::Msg::NoFilings.get(ctx.lang));
    }
    match args.format {
        FormatArg::Human => emit(&report::human::render(&reports, ctx.style(terminal))),
        FormatArg::Json => emit(&report::json::render(&reports, ctx.lang)),
    }
    if !path_errors.is_empty() {
        ERROR
    } else if Summary::of(&reports).fails(args.deny_warnings) {
        FAIL
    } else {
        OK
    }
}
