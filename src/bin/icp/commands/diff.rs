//! `icp diff`: two versions of a filing, from two files or from git.

use std::path::{Path, PathBuf};
use std::process::Command;

use icp::Lang;
use icp::rules::RuleSet;

use super::{Context, ERROR, FAIL, OK, emit};
use crate::cli::{DiffArgs, DiffFormat};

fn read(path: &Path, lang: Lang) -> Result<String, String> {
    let bytes = icp::discover::read_bounded(path).map_err(|e| {
        format!(
            "{}{}{}",
            path.display(),
            lang.pick("：", ": "),
            icp::i18n::io_error(&e).get(lang)
        )
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `git show REV:./FILE`, run in the file's directory (so the path is the
/// file's, relative to it, whatever the current directory).
fn git_show(rev: &str, file: &Path, lang: Lang) -> Result<String, String> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .arg("show")
        .arg(format!("{rev}:./{name}"))
        .output()
        .map_err(|e| {
            format!(
                "git{}{}",
                lang.pick("：", ": "),
                icp::i18n::io_error(&e).get(lang)
            )
        })?;
    if !out.status.success() {
        return Err(format!(
            "{} {rev}:{}{}{}",
            lang.pick("无法读取", "cannot read"),
            file.display(),
            lang.pick("：", ": "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn run(ctx: &Context, rules: &RuleSet, args: DiffArgs) -> u8 {
    let lang = ctx.lang;
    let versions = match (&args.rev, args.files.as_slice()) {
        (Some(rev), [file]) => git_show(rev, file, lang).and_then(|old| {
            read(file, lang)
                .map(|new| (old, format!("{rev}:{}", file.display()), new, file.clone()))
        }),
        (None, [old, new]) => read(old, lang)
            .and_then(|o| read(new, lang).map(|n| (o, old.display().to_string(), n, new.clone()))),
        _ => Err(lang
            .pick(
                "用法：icp diff 旧文件 新文件，或 icp diff --rev 版本 文件",
                "usage: icp diff OLD NEW, or icp diff --rev REV FILE",
            )
            .to_owned()),
    };
    let (old, old_name, new, new_path): (String, String, String, PathBuf) = match versions {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{e}");
            return ERROR;
        }
    };
    let new_name = new_path.display().to_string();
    let mut diff = icp::change::diff(rules, &old, &new, ctx.dates);
    if args.redact {
        diff.redact();
    }
    let text = match args.format {
        DiffFormat::Human => {
            icp::report::change::text(&diff, rules, &old_name, &new_name, lang, false)
        }
        DiffFormat::Markdown => {
            icp::report::change::text(&diff, rules, &old_name, &new_name, lang, true)
        }
        DiffFormat::Json => icp::report::change::json(&diff, &old_name, &new_name, lang),
    };
    emit(&text);
    if diff.fails() { FAIL } else { OK }
}
