//! `icp validate`.

use std::path::PathBuf;

use icp::report::{self, Summary};
use icp::rules::RuleSet;

use super::{Context, ERROR, FAIL, OK, emit};
use crate::cli::{FormatArg, ValidateArgs};

pub fn run(ctx: &Context, rules: &RuleSet, args: ValidateArgs, terminal: bool) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let (mut files, mut path_errors) = icp::validate::collect(&paths);
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
    let mut reports = Vec::with_capacity(files.len());
    for result in icp::validate::files(rules, &files, ctx.dates) {
        match result {
            // Redacted before any renderer sees it: every format is masked.
            Ok(r) if args.redact => reports.push(icp::redact::file_report(r)),
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
    if files.is_empty() && path_errors.is_empty() && excluded == 0 {
        eprintln!("{}", icp::i18n::Msg::NoFilings.get(ctx.lang));
    }
    match args.format {
        FormatArg::Human => emit(&report::human::render(&reports, ctx.style(terminal))),
        FormatArg::Json => emit(&report::json::render(&reports, ctx.lang)),
    }
    if !path_errors.is_empty() {
        ERROR
    } else if Summary::of(&reports).fails(deny_warnings) {
        FAIL
    } else {
        OK
    }
}
