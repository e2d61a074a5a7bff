//! `icp report`: the whole book of filings.

use std::path::{Path, PathBuf};

use icp::i18n::Msg;
use icp::lang::fill;
use icp::report::book::{self, Book};
use icp::rules::RuleSet;
use icp::write::{Overwrite, atomically};

use super::{Context, ERROR, OK, as_of, emit};
use crate::cli::{ReportArgs, ReportFormat};

/// Exit 0 whatever the filings hold (the report is for reading; `validate`
/// is the gate), 2 when a path cannot be read or the report not written.
pub fn run(ctx: &Context, rules: &RuleSet, args: ReportArgs, terminal: bool) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    // The same files, configuration and rules as `validate`.
    let (mut files, mut path_errors) = icp::discover::collect(&paths);
    if let Some(config) = &ctx.settings.file {
        files.retain(|f| !config.excludes(f, &ctx.settings.cwd));
    }
    if let Some(out) = &args.output_file
        && super::output_is_input(ctx, out, &paths, &files)
    {
        return ERROR;
    }
    let within = i64::from(args.within);
    let mut book = Book::new(as_of(ctx), within);
    // Files are checked a batch at a time and only their rows kept (with
    // what the rules across filings compare): memory grows by a row per
    // filing, not by a report.
    let mut index: Vec<icp::rules::across::Entry> = Vec::new();
    let mut index_at: Vec<usize> = Vec::new();
    let batch = rayon::current_num_threads().max(1) * 64;
    for chunk in files.chunks(batch) {
        for result in icp::validate::files(rules, chunk, ctx.dates) {
            let mut r = match result {
                Ok(r) if args.redact => icp::redact::file_report(r),
                Ok(r) => r,
                Err(e) => {
                    path_errors.push(e);
                    continue;
                }
            };
            book.add(&r, ctx.lang);
            // A file with nothing to compare takes no room in the index.
            if let Some(entry) = r.across.take().filter(|e| !e.compares_nothing()) {
                index_at.push(book.filings.len() - 1);
                index.push(entry);
            }
        }
    }
    for (i, r) in icp::validate::across_entries(rules, &index) {
        let r = if args.redact {
            icp::redact::file_report(r)
        } else {
            r
        };
        book.add_across(index_at[i], &r, ctx.lang);
    }
    drop(index);
    let book = book.finish();
    for e in &path_errors {
        let values = [
            ("path", e.path.display().to_string()),
            ("error", e.message.get(ctx.lang).to_owned()),
        ];
        eprintln!("{}", fill(Msg::Unreadable.get(ctx.lang), &values));
    }
    if files.is_empty() && path_errors.is_empty() {
        eprintln!("{}", Msg::NoFilings.get(ctx.lang));
    }
    // Off a terminal (a file, a pipe, a test) rows are as long as they need.
    let width = (terminal && args.output_file.is_none()).then(|| super::terminal_width(true, 100));
    let text = match args.format {
        ReportFormat::Table => book::table(&book, ctx.lang, width),
        ReportFormat::Markdown => book::markdown(&book, ctx.lang),
        ReportFormat::Json => book::json(&book),
        ReportFormat::Csv => book::csv(&book),
        ReportFormat::Html => book::html(&book, ctx.lang),
    };
    let code = if path_errors.is_empty() { OK } else { ERROR };
    let mut code = code;
    match &args.output_file {
        // An incomplete report never replaces the file: it may hold the
        // last complete one.
        Some(out) if code == ERROR => {
            let path = icp::report::snippet::escape(&out.display().to_string()).into_owned();
            eprintln!("{}", fill(Msg::OutputKept.get(ctx.lang), &[("path", path)]));
        }
        Some(out) => {
            if !write(ctx, out, &text) {
                code = ERROR;
            }
        }
        // Every path failed: the errors are the whole answer, not an empty
        // report.
        None if book.filings.is_empty() && !path_errors.is_empty() => {}
        None => emit(&text),
    }
    code
}

/// Writes the report to the file the user named (replacing it is the
/// point), saying why when it cannot.
fn write(ctx: &Context, out: &Path, text: &str) -> bool {
    let written = atomically(out, text.as_bytes(), Overwrite::Allow);
    if let Err(e) = &written {
        super::cannot_write(ctx, out, e);
    }
    written.is_ok()
}
