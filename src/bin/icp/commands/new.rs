//! `icp new`: the wizard, or a template.

use std::io::IsTerminal;

use icp::report;
use icp::rules::RuleSet;

use super::{Context, ERROR, FAIL, OK, emit, terminal_width};
use crate::cli::NewArgs;

/// Held while a file is being written, so that Ctrl-C waits for the write to
/// finish (or fail) instead of leaving a temporary file behind.
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());
/// Whether the file was written (a signal after it cancels nothing).
static WRITTEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn run(ctx: &Context, rules: &RuleSet, args: NewArgs) -> u8 {
    use icp::filing::draft::{Draft, Mode};
    use icp::i18n::Msg;
    let lang = ctx.lang;
    let shown = icp::report::snippet::escape(&args.file.display().to_string()).into_owned();
    let with_path = |m: Msg| icp::lang::fill(m.get(lang), &[("path", shown.clone())]);
    let to_stdout = args.template && args.file.as_os_str() == "-";
    // Ctrl-C, SIGTERM and SIGHUP end the process at once, except while the
    // file is being written: the handler waits for the write to finish (the
    // file is then complete) or fail (its temporary file is then removed),
    // so no `.icp-*.tmp` is ever left behind. The handler also restores the
    // cursor the wizard's selection prompts hide.
    let cancelled = Msg::Cancelled.get(lang);
    // Installed before anything touches the disk.
    let _ = ctrlc::set_handler(move || {
        let _guard = WRITING.lock();
        let _ = dialoguer::console::Term::stderr().show_cursor();
        if !WRITTEN.load(std::sync::atomic::Ordering::SeqCst) {
            eprintln!("\n{cancelled}");
        }
        std::process::exit(i32::from(ERROR));
    });
    // Refuse before asking anything: answers would otherwise be lost.
    if !to_stdout && !args.force && args.file.exists() {
        eprintln!("{}", with_path(Msg::FileExists));
        return ERROR;
    }
    // Nor may the file be unwritable: a missing or read-only directory, a
    // link to nothing.
    if !to_stdout {
        // It creates (and removes) a temporary file: a signal waits for it.
        let checked = {
            let _guard = WRITING.lock();
            icp::write::check_writable(&args.file)
        };
        if let Err(e) = checked {
            eprintln!(
                "{}",
                icp::lang::fill(
                    Msg::CannotWrite.get(lang),
                    &[
                        ("path", shown.clone()),
                        ("error", icp::i18n::io_error(&e).get(lang).to_owned())
                    ]
                )
            );
            return ERROR;
        }
    }
    let today = ctx.dates.forced.unwrap_or(ctx.dates.today);
    let text = if args.template {
        let Some(province) = args.province else {
            eprintln!("{}", Msg::TemplateNeedsProvince.get(lang));
            return ERROR;
        };
        let nature = args.nature.unwrap_or(icp::filing::Nature::Enterprise);
        let kind = args.filing_type.unwrap_or(icp::filing::FilingType::New);
        let mut text = canonical(
            rules,
            ctx,
            Draft::template(kind, province, nature, today).render(Mode::Template, lang),
        );
        // The documents the province asks of such a filing, by kind.
        let sections = icp::checklist::for_province(rules, province, &[nature], Some(kind), today);
        text.push_str(&report::checklist::template_documents(
            rules, province, &sections, lang,
        ));
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
        match crate::wizard::Wizard::new(rules, ctx.dates, lang, &args.file).run() {
            Ok(draft) => canonical(rules, ctx, draft.render(Mode::Filing, lang)),
            Err(e) => {
                let _ = dialoguer::console::Term::stderr().show_cursor();
                // Interrupted is how the prompts end on Ctrl-C or a closed
                // terminal: cancelling says all there is to say. Any other
                // failure is named in the user's language.
                let dialoguer::Error::IO(e) = e;
                if e.kind() == std::io::ErrorKind::Interrupted {
                    eprintln!("{cancelled}");
                } else {
                    let why = icp::i18n::io_error(&e);
                    match lang {
                        icp::Lang::Zh => eprintln!("{cancelled}（{}）", why.zh),
                        icp::Lang::En => eprintln!("{cancelled} ({})", why.en),
                    }
                }
                return ERROR;
            }
        }
    };
    let overwrite = if args.force {
        icp::write::Overwrite::Allow
    } else {
        icp::write::Overwrite::Never
    };
    // A pipe or a device is written through (like `> fifo`): no temporary
    // file to protect, and opening a pipe blocks until a reader comes, so a
    // signal must not wait for it — the write is not guarded.
    let through = std::fs::metadata(&args.file).is_ok_and(|m| !m.is_file() && !m.is_dir());
    let written = {
        let _guard = (!through).then(|| WRITING.lock());
        let written = icp::write::atomically(&args.file, text.as_bytes(), overwrite);
        WRITTEN.store(written.is_ok(), std::sync::atomic::Ordering::SeqCst);
        written
    };
    if let Err(e) = written {
        eprintln!(
            "{}",
            icp::lang::fill(
                Msg::CannotWrite.get(lang),
                &[
                    ("path", shown.clone()),
                    ("error", icp::i18n::io_error(&e).get(lang).to_owned())
                ]
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
            report::checklist::table(rules, &list, lang, terminal_width(true, 100))
        );
    }
    code
}

/// The text with its values spelled as `icp fix` writes them (the wizard
/// writes them so as they are answered; this is the last word). A text the
/// fixes cannot read is kept as it is: `validate` reports it after writing.
fn canonical(rules: &RuleSet, ctx: &Context, text: String) -> String {
    match icp::fix::text(rules, &text, ctx.dates) {
        Ok(repaired) => repaired.text,
        Err(_) => text,
    }
}
