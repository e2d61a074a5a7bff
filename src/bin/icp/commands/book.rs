//! `icp report`: the whole book of filings.

use std::path::PathBuf;

use icp::i18n::Msg;
use icp::lang::fill;
use icp::report::book::{self, Book};
use icp::rules::RuleSet;

use super::{Context, ERROR, OK, as_of, emit};
use crate::cli::{ReportArgs, ReportFormat};

/// Exit 0 whatever the filings hold (the report is for reading; `validate`
/// is the gate), 2 when a path cannot be read.
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
    let mut reports = Vec::with_capacity(files.len());
    for result in icp::validate::files(rules, &files, ctx.dates) {
        match result {
            Ok(r) => reports.push(r),
            Err(e) => path_errors.push(e),
        }
    }
    icp::validate::add_across(rules, &mut reports);
    if args.redact {
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
        eprintln!("{}", Msg::NoFilings.get(ctx.lang));
    }
    let book = Book::of(&reports, as_of(ctx), i64::from(args.within), ctx.lang);
    // Off a terminal (a file, a pipe, a test) rows are as long as they need.
    let width = terminal.then(|| super::terminal_width(true, 100));
    emit(&match args.format {
        ReportFormat::Table => book::table(&book, ctx.lang, width),
        ReportFormat::Markdown => book::markdown(&book, ctx.lang),
        ReportFormat::Json => book::json(&book),
        ReportFormat::Csv => book::csv(&book),
        ReportFormat::Html => book::html(&book, ctx.lang),
    });
    if path_errors.is_empty() { OK } else { ERROR }
}
