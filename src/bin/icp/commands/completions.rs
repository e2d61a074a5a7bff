//! `icp completions`: shell completion scripts and the man pages, all
//! generated from the one definition of the command line (`src/bin/icp/cli.rs`).
//! The generated files are committed under `completions/`; `tests/it/completions.rs`
//! fails when they are out of date.

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;
use icp::i18n::Msg;
use icp::lang::fill;
use icp::write::{Overwrite, atomically};

use super::{Context, ERROR, OK, emit};
use crate::cli::{Cli, CompletionsArgs};

/// The shells `--dir` writes a script for.
const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// The name the scripts complete.
const BIN: &str = "icp";

pub fn run(ctx: &Context, args: CompletionsArgs) -> u8 {
    match (args.dir, args.shell) {
        (Some(dir), _) => write_all(ctx, &dir),
        (None, Some(shell)) => {
            emit(&String::from_utf8_lossy(&script(shell)));
            OK
        }
        // clap requires one of the two.
        (None, None) => ERROR,
    }
}

/// Writes every script and man page into `dir` (created if missing), each
/// file atomically, replacing older versions.
fn write_all(ctx: &Context, dir: &Path) -> u8 {
    let cannot = |path: &Path, e: std::io::Error| {
        eprintln!(
            "{}",
            fill(
                Msg::CannotWrite.get(ctx.lang),
                &[
                    ("path", path.display().to_string()),
                    ("error", icp::i18n::io_error(&e).get(ctx.lang).to_owned())
                ]
            )
        );
        ERROR
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        return cannot(dir, e);
    }
    for (name, bytes) in files() {
        let path = dir.join(name);
        if let Err(e) = atomically(&path, &bytes, Overwrite::Allow).and_then(|()| readable(&path)) {
            return cannot(&path, e);
        }
        eprintln!(
            "{}",
            fill(
                Msg::Wrote.get(ctx.lang),
                &[("path", path.display().to_string())]
            )
        );
    }
    OK
}

/// Every generated file: its name and contents.
fn files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = SHELLS
        .iter()
        .map(|&shell| {
            (
                clap_complete::Generator::file_name(&shell, BIN),
                script(shell),
            )
        })
        .collect();
    // `icp help` is left out, as clap_mangen's own `generate_to` does: its
    // pages would only repeat the others.
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    man_pages(&cmd, &mut files);
    files
}

/// Scripts and man pages are read by every user of the machine (the
/// temporary file they were written through is private).
#[cfg(unix)]
fn readable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable(_: &Path) -> std::io::Result<()> {
    Ok(())
}

fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut out);
    out
}

/// `icp.1`, then one page per subcommand (`icp-validate.1`, `icp-rules-list.1`, …),
/// as `man icp-validate` expects them.
fn man_pages(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) {
    // Every page names the version (subcommands have none of their own).
    let man =
        clap_mangen::Man::new(cmd.clone()).source(format!("{BIN} {}", env!("CARGO_PKG_VERSION")));
    let mut page = Vec::new();
    // Rendering into memory cannot fail.
    if man.render(&mut page).is_ok() {
        out.push((man.get_filename(), page));
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub, out);
    }
}
