//! `icp fix`.

use std::fmt::Write as _;
use std::path::PathBuf;

use icp::Lang;
use icp::fix::{FileFix, Refusal};
use icp::i18n::{Msg, fixed};
use icp::lang::fill;
use icp::report::{self, Summary};
use icp::rules::RuleSet;
use rayon::prelude::*;

use super::{Context, ERROR, FAIL, OK, emit};
use crate::cli::FixArgs;

pub fn run(ctx: &Context, rules: &RuleSet, args: FixArgs, terminal: bool) -> u8 {
    let lang = ctx.lang;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    // The files `validate` would check: same walk, same `exclude`.
    let (mut files, path_errors) = icp::discover::collect(&paths);
    if let Some(config) = &ctx.settings.file {
        files.retain(|f| !config.excludes(f, &ctx.settings.cwd));
    }
    let mut failed = !path_errors.is_empty();
    for e in &path_errors {
        let values = [
            ("path", e.path.display().to_string()),
            ("error", e.message.get(lang).to_owned()),
        ];
        eprintln!("{}", fill(Msg::Unreadable.get(lang), &values));
    }
    if files.is_empty() && path_errors.is_empty() {
        eprintln!("{}", Msg::NoFilings.get(lang));
    }
    let plans: Vec<FileFix> = files
        .par_iter()
        .map(|path| icp::fix::plan(rules, path, ctx.dates))
        .collect();
    let dry_run = args.check || args.diff;
    let mut out = String::new();
    let (mut values, mut changed_files) = (0, 0);
    for plan in &plans {
        let path = report::json::display_path(&plan.path);
        let repaired = match &plan.result {
            Ok(r) => r,
            Err(refusal) => {
                failed |= !matches!(refusal, Refusal::Syntax | Refusal::NotUtf8);
                eprintln!("{}", refusal_text(refusal, &path, lang));
                continue;
            }
        };
        if !plan.changes() {
            continue;
        }
        if !dry_run {
            if let Err(refusal) = icp::fix::write(plan) {
                failed = true;
                eprintln!("{}", refusal_text(&refusal, &path, lang));
                continue;
            }
        }
        changed_files += 1;
        values += repaired.changes.len();
        if args.diff {
            let diff = similar::TextDiff::from_lines(&plan.before, &repaired.text);
            let _ = write!(
                out,
                "{}",
                diff.unified_diff().header(&path, &path).context_radius(2)
            );
        } else {
            for c in &repaired.changes {
                let rules: Vec<&str> = c.rules.iter().map(|r| &**r).collect();
                let _ = writeln!(
                    out,
                    "{path}:{}: {}: {} → {} ({})",
                    c.line,
                    c.path,
                    icp::report::snippet::quoted(&c.old),
                    icp::report::snippet::quoted(&c.new),
                    rules.join(", ")
                );
            }
        }
    }
    if values == 0 {
        if !plans.is_empty() && !args.diff {
            let _ = writeln!(out, "{}", Msg::FixNothing.get(lang));
        }
    } else if !args.diff {
        let _ = writeln!(out, "{}", fixed(lang, values, changed_files, dry_run));
    }
    emit(&out);
    if dry_run {
        return if failed {
            ERROR
        } else if values > 0 {
            FAIL
        } else {
            OK
        };
    }
    // What is left, as `validate` reports it.
    let results = icp::validate::files(rules, &files, ctx.dates);
    let reports: Vec<_> = results.into_iter().filter_map(Result::ok).collect();
    if !reports.is_empty() {
        if values > 0 {
            emit(&format!("\n{}\n", Msg::FixLeft.get(lang)));
        }
        emit(&report::human::render(&reports, ctx.style(terminal)));
    }
    let deny_warnings = if args.deny_warnings {
        true
    } else if args.no_deny_warnings {
        false
    } else {
        ctx.settings.deny_warnings.0
    };
    if failed {
        ERROR
    } else if Summary::of(&reports).fails(deny_warnings) {
        FAIL
    } else {
        OK
    }
}

/// Why a file was left as it was, in a sentence.
fn refusal_text(refusal: &Refusal, path: &str, lang: Lang) -> String {
    let values = [("path", path.to_owned())];
    match refusal {
        Refusal::Syntax => fill(Msg::FixSyntax.get(lang), &values),
        Refusal::NotUtf8 => fill(Msg::FixNotUtf8.get(lang), &values),
        Refusal::WouldNotParse => fill(Msg::FixWouldNotParse.get(lang), &values),
        Refusal::Symlink => fill(Msg::FixSymlink.get(lang), &values),
        Refusal::ReadOnly => fill(Msg::FixReadOnly.get(lang), &values),
        Refusal::Unreadable(e) => fill(
            Msg::Unreadable.get(lang),
            &[("path", path.to_owned()), ("error", e.get(lang).to_owned())],
        ),
        Refusal::Io(e) => fill(
            Msg::CannotWrite.get(lang),
            &[("path", path.to_owned()), ("error", e.get(lang).to_owned())],
        ),
    }
}
