//! `icp validate`.

use std::io::IsTerminal;
use std::path::PathBuf;

use icp::Lang;
use icp::i18n::{Msg, io_error};
use icp::lang::fill;
use icp::report::{self, Summary};
use icp::rules::RuleSet;
use icp::validate::FileReport;
use icp::write::{Overwrite, atomically};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Context, ERROR, FAIL, OK, emit};
use crate::cli::{FormatArg, ValidateArgs};

pub fn run(ctx: &Context, rules: &RuleSet, args: ValidateArgs, terminal: bool) -> u8 {
    // `--output-file` sends the machine format to the file and the human
    // report to the terminal: with `--format human` there is nothing to send.
    if args.output_file.is_some() && args.format == FormatArg::Human {
        eprintln!("{}", Msg::OutputFileNeedsMachineFormat.get(ctx.lang));
        return ERROR;
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let (mut files, mut path_errors) = icp::discover::collect(&paths);
    // `exclude` of icp.toml, for named files too: pre-commit names them.
    let found = files.len();
    if let Some(config) = &ctx.settings.file {
        files.retain(|f| !config.excludes(f, &ctx.settings.cwd));
    }
    let excluded = found - files.len();
    let deny_warnings = if args.deny_warnings {
        true
    } else if args.no_deny_warnings {
        false
    } else {
        ctx.settings.deny_warnings.0
    };
    let human_on_stdout = args.format == FormatArg::Human || args.output_file.is_some();
    let bar = progress_bar(files.len(), human_on_stdout, ctx.lang);
    let results = match &bar {
        // The bar moves as each file finishes; indicatif keeps the position
        // in an atomic and redraws at most a few times a second, so the
        // workers never wait on the terminal.
        Some(bar) => icp::validate::files_with_progress(rules, &files, ctx.dates, &|| bar.inc(1)),
        None => icp::validate::files(rules, &files, ctx.dates),
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut reports = Vec::with_capacity(files.len());
    for result in results {
        match result {
            Ok(r) => reports.push(r),
            Err(e) => path_errors.push(e),
        }
    }
    // The rules across filings, once every file was checked; their
    // findings join each file's.
    icp::validate::add_across(rules, &mut reports);
    if args.redact {
        // Redacted before any renderer sees it: every format is masked.
        reports = reports.into_iter().map(icp::redact::file_report).collect();
    }
    for e in &path_errors {
        let values = [
            ("path", e.path.display().to_string()),
            ("error", e.message.get(ctx.lang).to_owned()),
        ];
        eprintln!("{}", fill(Msg::Unreadable.get(ctx.lang), &values));
    }
    if files.is_empty() && path_errors.is_empty() {
        // Say why nothing was checked: a pattern that excludes too much
        // would otherwise pass every commit in silence.
        match &ctx.settings.file {
            Some(config) if excluded > 0 => eprintln!(
                "{}",
                fill(
                    Msg::AllExcluded.get(ctx.lang),
                    &[
                        ("count", excluded.to_string()),
                        ("config", config.path.display().to_string())
                    ]
                )
            ),
            _ => eprintln!("{}", Msg::NoFilings.get(ctx.lang)),
        }
    }
    let mut code = if !path_errors.is_empty() {
        ERROR
    } else if Summary::of(&reports).fails(deny_warnings) {
        FAIL
    } else {
        OK
    };
    let machine = machine_format(args.format, &reports, rules, ctx.lang);
    match (&args.output_file, machine) {
        (Some(file), Some(text)) => {
            // The file is one the user named: replacing it is the point.
            if let Err(e) = atomically(file, text.as_bytes(), Overwrite::Allow) {
                let path = file.display().to_string();
                eprintln!(
                    "{}",
                    fill(
                        Msg::CannotWrite.get(ctx.lang),
                        &[
                            ("path", path),
                            ("error", io_error(&e).get(ctx.lang).to_owned())
                        ]
                    )
                );
                code = ERROR;
            }
            emit(&report::human::render(&reports, ctx.style(terminal)));
        }
        (None, Some(text)) => emit(&text),
        (_, None) => emit(&report::human::render(&reports, ctx.style(terminal))),
    }
    code
}

/// The report in a machine format; `None` for the human one.
fn machine_format(
    format: FormatArg,
    reports: &[FileReport],
    rules: &RuleSet,
    lang: Lang,
) -> Option<String> {
    Some(match format {
        FormatArg::Human => return None,
        FormatArg::Json => report::json::render(reports, lang),
        FormatArg::Concise => report::concise::render(reports, lang),
        FormatArg::Github => report::github::render(reports, lang),
        FormatArg::Sarif => report::sarif::render(reports, rules, lang),
    })
}

/// A progress bar on stderr for a batch, only when a person watches: stderr
/// is a terminal and stdout carries the human report (a machine format on
/// stdout is read by a program, and its logs want no bar).
fn progress_bar(files: usize, human_on_stdout: bool, lang: Lang) -> Option<ProgressBar> {
    if files < 2 || !human_on_stdout || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(
        Some(u64::try_from(files).unwrap_or(u64::MAX)),
        ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(Msg::Checking.get(lang));
    Some(bar)
}
