//! Running the subcommands: the glue between the command line and the
//! library. Each command returns its exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use icp::Lang;
use icp::i18n::Msg;
use icp::lang::fill;
use icp::report::{self, human::Style};
use icp::rules::RuleSet;
use icp::rules::engine::Dates;

use crate::cli::{Cli, ColorArg, Command, LangArg, RulesCommand};

mod book;
mod checklist;
mod completions;
mod config;
mod diff;
mod fix;
mod new;
mod rules;
mod schema;
mod validate;

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
    /// The project configuration in force (`icp.toml`, flags, environment).
    pub settings: icp::config::Settings,
}

impl Context {
    fn style(&self, terminal: bool) -> Style {
        Context::style_for(self.lang, self.color, terminal)
    }

    fn style_for(lang: Lang, color: bool, terminal: bool) -> Style {
        Style {
            lang,
            color,
            // The terminal's width (miette's own guess stops at 80 columns
            // and the batch table's at 100); a fixed width off the terminal
            // keeps piped and tested output stable.
            width: Some(usize::from(terminal_width(terminal, 100))),
            batch: Default::default(),
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> u8 {
    let stdout_tty = std::io::stdout().is_terminal();
    let stderr_tty = std::io::stderr().is_terminal();
    let color = match cli.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => stdout_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let flags = icp::config::Flags {
        config: cli.config.clone(),
        no_config: cli.no_config,
        lang: cli.lang.map(|l| match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }),
        rules: cli.rules.clone(),
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let settings = match icp::config::resolve(&flags, &cwd, |k| std::env::var(k).ok()) {
        Ok(settings) => settings,
        Err((lang, e)) => {
            let style = Context::style_for(lang, color, stderr_tty);
            eprint!("{}", report::config::errors(&e, style));
            return ERROR;
        }
    };
    let lang = settings.lang.0;
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
        settings,
    };
    // Completions describe the command line, not the rules: a broken
    // `--rules` directory must not stop them.
    let command = match cli.command {
        Command::Completions(args) => return completions::run(&ctx, args),
        command => command,
    };
    let agency_rules = match &ctx.settings.rules_dir {
        Some((dir, _)) => icp::discover::rule_files(dir),
        None => Ok(Vec::new()),
    };
    let mut rules = match agency_rules.and_then(RuleSet::with_files) {
        Ok(rules) => rules,
        Err(e) => {
            eprint!("{}", report::human::rule_errors(&e, ctx.style(stderr_tty)));
            return ERROR;
        }
    };
    // `[severity]` of icp.toml: set on the rules after every rule file; an
    // unknown rule id is an error in icp.toml.
    if let Some(file) = &ctx.settings.file {
        if let Err(e) = file.apply_severity(&mut rules) {
            eprint!("{}", report::config::errors(&e, ctx.style(stderr_tty)));
            return ERROR;
        }
    }
    // The rule set lives until the process exits: leaking it spares
    // freeing thousands of small allocations on the way out.
    let rules = &*Box::leak(Box::new(rules));
    match command {
        Command::Validate(args) => validate::run(&ctx, rules, args, stdout_tty),
        Command::Fix(args) => fix::run(&ctx, rules, args, stdout_tty),
        Command::Report(args) => book::run(&ctx, rules, args, stdout_tty),
        Command::Diff(args) => diff::run(&ctx, rules, args),
        Command::Rules(RulesCommand::List(args)) => rules::list(&ctx, rules, args, stdout_tty),
        Command::Rules(RulesCommand::Show(args)) => rules::show(&ctx, rules, args),
        Command::Explain(args) => rules::explain(&ctx, rules, args),
        Command::Checklist(args) => checklist::run(&ctx, rules, args, stdout_tty),
        Command::New(args) => new::run(&ctx, rules, args),
        Command::Config => config::run(&ctx),
        Command::Schema => schema::run(rules),
        // Handled before the rules are loaded.
        Command::Completions(_) => OK,
    }
}

/// The as-of date of commands that take no filing: `--today`, else today.
pub fn as_of(ctx: &Context) -> jiff::civil::Date {
    ctx.dates.forced.unwrap_or(ctx.dates.today)
}

/// The width of tables and reports: `COLUMNS` when exported (most shells
/// set it without exporting it), else the width of the terminal when stdout
/// is one, else `piped` (a fixed width keeps piped and tested output
/// stable).
pub fn terminal_width(terminal: bool, piped: u16) -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|w: &u16| *w > 0)
        .or_else(|| {
            terminal
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(w, _)| w.0)
        })
        .unwrap_or(piped)
}

/// Whether `out`, a file a command is to write its report to, is one it
/// reads (a path given, a file found, the configuration): then it says so
/// and the command stops, the file untouched.
pub fn output_is_input(ctx: &Context, out: &Path, paths: &[PathBuf], files: &[PathBuf]) -> bool {
    let config = ctx.settings.file.as_ref().map(|c| c.path.as_path());
    let read = paths
        .iter()
        .chain(files)
        .map(PathBuf::as_path)
        .chain(config);
    if read.into_iter().any(|p| icp::write::same_file(p, out)) {
        let shown = icp::report::snippet::escape(&out.display().to_string()).into_owned();
        eprintln!(
            "{}",
            fill(Msg::OutputIsInput.get(ctx.lang), &[("path", shown)])
        );
        return true;
    }
    false
}

/// Says that the report could not be written to `out`, and why.
pub fn cannot_write(ctx: &Context, out: &Path, error: &std::io::Error) {
    let path = icp::report::snippet::escape(&out.display().to_string()).into_owned();
    let error = icp::i18n::io_error(error).get(ctx.lang).to_owned();
    eprintln!(
        "{}",
        fill(
            Msg::CannotWrite.get(ctx.lang),
            &[("path", path), ("error", error)]
        )
    );
}

/// Writes to stdout; a closed pipe (`icp validate | head`) is not an error.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
