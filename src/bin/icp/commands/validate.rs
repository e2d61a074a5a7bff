//! `icp validate`.

use std::io::IsTerminal;
use std::path::PathBuf;

use icp::Lang;
use icp::i18n::Msg;
use icp::lang::fill;
use icp::report::{self, Summary};
use icp::rules::RuleSet;
use icp::write::{Atomic, Overwrite};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;

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
    // The report never goes over a file it is about (nor the configuration).
    if let Some(out) = &args.output_file
        && super::output_is_input(ctx, out, &paths, &files)
    {
        return ERROR;
    }
    let deny_warnings = if args.deny_warnings {
        true
    } else if args.no_deny_warnings {
        false
    } else {
        ctx.settings.deny_warnings.0
    };
    let human_on_stdout = args.format == FormatArg::Human || args.output_file.is_some();
    let bar = progress_bar(files.len(), human_on_stdout, ctx.lang);
    let mut style = ctx.style(terminal);
    style.batch = report::batch::Rows {
        all: args.verbose,
        deny_warnings,
    };
    // The report is written as the files are checked, in their order: a
    // batch of files is checked on all cores, its part of the report
    // written, and its reports dropped before the next, so memory stays
    // flat whatever the number of files. Every format: SARIF's results come
    // before the tool that describes their rules, and `--output-file` is a
    // temporary file written as it goes, renamed over the target at the end.
    let machine = if args.format == FormatArg::Human {
        None
    } else {
        Some(args.format)
    };
    let mut out = Out::new(args.output_file.as_deref());
    let mut summary = Summary::default();
    let mut rows = Vec::new();
    let mut sarif =
        (machine == Some(FormatArg::Sarif)).then(|| report::sarif::Log::new(rules, ctx.lang));
    let mut first = true;
    // What the rules across filings compare, kept of each file as it goes
    // by (their entries, not the reports; none for a file with nothing to
    // compare): their findings come once every file was checked, after the
    // files' own.
    let mut index: Vec<icp::rules::across::Entry> = Vec::new();
    let mut index_at: Vec<usize> = Vec::new();
    let mut seen = 0usize;
    if machine == Some(FormatArg::Json) {
        out.machine(&report::json::start());
    }
    if let Some(log) = &sarif {
        out.machine(&log.start());
    }
    // Enough files per batch to keep every core busy, few enough that
    // their reports take little memory.
    let batch = rayon::current_num_threads().max(1) * 64;
    for chunk in files.chunks(batch) {
        let results = match &bar {
            // The bar moves as each file finishes; indicatif keeps the
            // position in an atomic and redraws at most a few times a
            // second, so the workers never wait on the terminal.
            Some(bar) => {
                icp::validate::files_with_progress(rules, chunk, ctx.dates, &|| bar.inc(1))
            }
            None => icp::validate::files(rules, chunk, ctx.dates),
        };
        let mut reports = Vec::with_capacity(chunk.len());
        for result in results {
            match result {
                // Redacted before any renderer sees it: every format is masked.
                Ok(r) if args.redact => reports.push(icp::redact::file_report(r)),
                Ok(r) => reports.push(r),
                Err(e) => path_errors.push(e),
            }
        }
        for (i, r) in reports.iter_mut().enumerate() {
            if let Some(entry) = r.across.take() {
                if !entry.compares_nothing() {
                    index.push(entry);
                    index_at.push(seen + i);
                }
            }
        }
        seen += reports.len();
        summary.add(&Summary::of(&reports));
        if human_on_stdout {
            rows.extend(reports.iter().map(report::batch::Row::of));
            emit(&report::human::findings(&reports, style));
        }
        let part = match machine {
            Some(FormatArg::Json) => report::json::files(&reports, ctx.lang, first),
            Some(FormatArg::Concise) => report::concise::render(&reports, ctx.lang),
            Some(FormatArg::Github) => report::github::render(&reports, ctx.lang),
            Some(FormatArg::Sarif) => sarif
                .as_mut()
                .map(|log| log.files(&reports))
                .unwrap_or_default(),
            _ => String::new(),
        };
        first &= reports.is_empty();
        out.machine(&part);
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // The findings across filings, as reports of their own after the files'.
    let across: Vec<(usize, icp::validate::FileReport)> =
        icp::validate::across_entries(rules, &index)
            .into_iter()
            .map(|(i, r)| {
                let r = if args.redact {
                    icp::redact::file_report(r)
                } else {
                    r
                };
                (index_at[i], r)
            })
            .collect();
    drop(index);
    let mut across_json = Vec::new();
    if !across.is_empty() {
        let (ats, extra): (Vec<usize>, Vec<icp::validate::FileReport>) = across.into_iter().unzip();
        let mut counts = Summary::of(&extra);
        // The files were counted already.
        counts.files = 0;
        summary.add(&counts);
        if human_on_stdout {
            for (at, r) in ats.iter().zip(&extra) {
                if let Some(row) = rows.get_mut(*at) {
                    let more = report::batch::Row::of(r);
                    row.errors += more.errors;
                    row.warnings += more.warnings;
                }
            }
            emit(&report::human::findings(&extra, style));
        }
        let part = match machine {
            // JSON lists them under `across`, at the end.
            Some(FormatArg::Json) => String::new(),
            Some(FormatArg::Concise) => report::concise::render(&extra, ctx.lang),
            Some(FormatArg::Github) => report::github::render(&extra, ctx.lang),
            // SARIF lists each finding with its file, wherever it came from.
            Some(FormatArg::Sarif) => sarif
                .as_mut()
                .map(|log| log.files(&extra))
                .unwrap_or_default(),
            _ => String::new(),
        };
        out.machine(&part);
        if machine == Some(FormatArg::Json) {
            across_json = extra;
        }
    }
    if machine == Some(FormatArg::Json) {
        out.machine(&report::json::end_with_across(
            &summary,
            first,
            &across_json,
            ctx.lang,
        ));
    }
    if let Some(log) = sarif {
        out.machine(&log.end());
    }
    for e in &path_errors {
        let values = [
            (
                "path",
                icp::report::snippet::escape(&e.path.display().to_string()).into_owned(),
            ),
            ("error", e.message.get(ctx.lang).to_owned()),
        ];
        eprintln!("{}", fill(Msg::Unreadable.get(ctx.lang), &values));
    }
    // A directory without a filing is a usage error: a mistyped directory
    // must not pass in CI. Filings all excluded by icp.toml are what was
    // asked for, and so are scans no filing declares (pre-commit names
    // every changed scan).
    let mut nothing_found = false;
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
            _ => {
                let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                let message = if args.allow_empty || !paths.iter().any(|p| p.is_dir()) {
                    Msg::NoFilings
                } else {
                    nothing_found = true;
                    Msg::NoFilingsIn
                };
                eprintln!(
                    "{}",
                    fill(message.get(ctx.lang), &[("paths", shown.join(" "))])
                );
            }
        }
    }
    let mut code = if !path_errors.is_empty() || nothing_found {
        ERROR
    } else if summary.fails(deny_warnings) {
        FAIL
    } else {
        OK
    };
    if let Some(file) = &args.output_file {
        // The file is one the user named: replacing it is the point.
        if let Err(e) = out.finish() {
            super::cannot_write(ctx, file, &e);
            code = ERROR;
        }
    }
    // Paths that do not exist checked nothing: no "0 files, no problems".
    if human_on_stdout && !(rows.is_empty() && code == ERROR) {
        report::human::end_to(&rows, &summary, style, &mut |part| emit(part));
    }
    code
}

/// Where the report goes: the machine format to stdout, or to the
/// `--output-file`, written as it comes to a temporary file put in place
/// at the end; the human report always to stdout.
struct Out {
    /// The `--output-file`: being written, or why it cannot be.
    file: Option<std::io::Result<Atomic>>,
}

/// The temporary file of the `--output-file` being written: removed when a
/// signal (Ctrl-C, SIGTERM, SIGHUP) ends the run first.
static TEMP: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

impl Out {
    fn new(file: Option<&std::path::Path>) -> Out {
        let Some(path) = file else {
            return Out { file: None };
        };
        // A stopped run leaves the file as it was, and nothing beside it.
        let _ = ctrlc::set_handler(|| {
            if let Ok(temp) = TEMP.lock() {
                if let Some(temp) = temp.as_ref() {
                    let _ = std::fs::remove_file(temp);
                }
            }
            std::process::exit(i32::from(ERROR));
        });
        let file = {
            let mut temp = TEMP
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // The file is one the user named: replacing it is the point.
            let file = Atomic::create(path, Overwrite::Allow);
            if let Ok(f) = &file {
                *temp = f.temp_path().map(std::path::Path::to_path_buf);
            }
            file
        };
        Out { file: Some(file) }
    }

    /// A part of the machine format.
    fn machine(&mut self, text: &str) {
        match &mut self.file {
            None => emit(text),
            Some(Ok(file)) => {
                if let Err(e) = file.write_all(text.as_bytes()) {
                    self.file = Some(Err(e));
                }
            }
            // The error is told at the end.
            Some(Err(_)) => {}
        }
    }

    /// Puts the `--output-file` in place.
    fn finish(self) -> std::io::Result<()> {
        let mut temp = TEMP
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let done = match self.file {
            None => Ok(()),
            Some(file) => file.and_then(Atomic::finish),
        };
        *temp = None;
        done
    }
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
