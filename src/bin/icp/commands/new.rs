//! `icp new`: the wizard, or a template.

use std::io::IsTerminal;

use icp::report;
use icp::rules::RuleSet;

use super::{Context, ERROR, FAIL, OK, emit, terminal_width};
use crate::cli::NewArgs;

/// Held while a file is being written, so that Ctrl-C waits for the write to
/// finish (or fail) instead of leaving a temporary file behind.
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

pub fn run(ctx: &Context, rules: &RuleSet, args: NewArgs) -> u8 {
    use icp::filing::draft::{Draft, Mode};
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
        let mut text = canonical(
            rules,
            ctx,
            Draft::template(kind, province, nature, today).render(Mode::Template),
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
            Ok(draft) => canonical(rules, ctx, draft.render(Mode::Filing)),
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
    let written = {
        let _guard = WRITING.lock();
        icp::write::atomically(&args.file, text.as_bytes(), overwrite)
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
