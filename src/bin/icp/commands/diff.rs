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

/// Runs git with `args` in `dir`: its output, or what went wrong, led by
/// `what` when git itself said no.
fn git(dir: &Path, args: &[&str], what: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
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
            "{what}{}{}",
            lang.pick("：", ": "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

/// `git show REV:./FILE`, run in the file's directory (so the path is the
/// file's, relative to it, whatever the current directory).
fn git_show(rev: &str, file: &Path, lang: Lang) -> Result<String, String> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let what = format!(
        "{} {rev}:{}",
        lang.pick("无法读取", "cannot read"),
        file.display()
    );
    let out = git(dir, &["show", &format!("{rev}:./{name}")], &what, lang)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The filings that differ between `rev` and the working tree, under the
/// current directory, as (status letter, path): `git diff --name-status`
/// (renames as a removal and an addition), and files git does not track
/// yet (and does not ignore) as added.
fn git_changed(rev: &str, lang: Lang) -> Result<Vec<(char, PathBuf)>, String> {
    let mut changed = git_paths(
        &[
            "diff",
            "--name-status",
            "--no-renames",
            "-z",
            "--relative",
            rev,
            "--",
        ],
        true,
        lang,
    )?;
    changed.extend(git_paths(
        &["ls-files", "-z", "--others", "--exclude-standard"],
        false,
        lang,
    )?);
    Ok(changed)
}

/// The filings among the NUL-separated paths git prints for `args`, each
/// after its status letter when `status`, else marked added.
fn git_paths(args: &[&str], status: bool, lang: Lang) -> Result<Vec<(char, PathBuf)>, String> {
    let what = format!("git {}", args.join(" "));
    let out = git(Path::new("."), args, &what, lang)?;
    let text = String::from_utf8_lossy(&out);
    let mut fields = text.split('\0').filter(|f| !f.is_empty());
    let mut changed = Vec::new();
    loop {
        let letter = if status { fields.next() } else { Some("A") };
        let (Some(status), Some(path)) = (letter, fields.next()) else {
            break;
        };
        let path = PathBuf::from(path);
        let filing = path
            .file_name()
            .is_some_and(|n| icp::discover::is_filing_name(&n.to_string_lossy()));
        if let Some(letter) = status.chars().next().filter(|_| filing) {
            changed.push((letter, path));
        }
    }
    Ok(changed)
}

/// One comparison's old and new text and names.
struct Versions {
    old: String,
    old_name: String,
    new: String,
    new_name: String,
}

fn at_rev(rev: &str, file: &Path, lang: Lang) -> Result<Versions, String> {
    let old = git_show(rev, file, lang)?;
    let new = read(file, lang)?;
    Ok(Versions {
        old,
        old_name: format!("{rev}:{}", file.display()),
        new,
        new_name: file.display().to_string(),
    })
}

pub fn run(ctx: &Context, rules: &RuleSet, args: DiffArgs) -> u8 {
    let lang = ctx.lang;
    let Some(rev) = &args.rev else {
        let [old, new] = args.files.as_slice() else {
            eprintln!(
                "{}",
                lang.pick(
                    "用法：icp diff 旧文件 新文件，或 icp diff --rev 版本 [文件]...",
                    "usage: icp diff OLD NEW, or icp diff --rev REV [FILE]...",
                )
            );
            return ERROR;
        };
        let versions = read(old, lang).and_then(|o| {
            read(new, lang).map(|n| Versions {
                old: o,
                old_name: old.display().to_string(),
                new: n,
                new_name: new.display().to_string(),
            })
        });
        return match versions {
            Ok(v) => one(ctx, rules, &args, &v),
            Err(e) => {
                eprintln!("{e}");
                ERROR
            }
        };
    };
    if let [file] = args.files.as_slice() {
        return match at_rev(rev, file, lang) {
            Ok(v) => one(ctx, rules, &args, &v),
            Err(e) => {
                eprintln!("{e}");
                ERROR
            }
        };
    }
    // Several files, or every filing git sees changed since REV.
    let (files, added, removed) = if args.files.is_empty() {
        let changed = match git_changed(rev, lang) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{e}");
                return ERROR;
            }
        };
        let excluded = |p: &PathBuf| {
            ctx.settings
                .file
                .as_ref()
                .is_some_and(|c| c.excludes(p, &ctx.settings.cwd))
        };
        let of = |letter: char| -> Vec<PathBuf> {
            changed
                .iter()
                .filter(|(l, p)| *l == letter && !excluded(p))
                .map(|(_, p)| p.clone())
                .collect()
        };
        let mut modified = of('M');
        modified.extend(of('T'));
        (modified, of('A'), of('D'))
    } else {
        (args.files.clone(), Vec::new(), Vec::new())
    };
    many(ctx, rules, &args, rev, &files, &added, &removed)
}

/// The diff of one pair of versions, in the format asked.
fn diff_of(ctx: &Context, rules: &RuleSet, args: &DiffArgs, v: &Versions) -> icp::change::Diff {
    let mut diff = icp::change::diff(rules, &v.old, &v.new, ctx.dates);
    if args.redact {
        diff.redact();
    }
    diff
}

fn one(ctx: &Context, rules: &RuleSet, args: &DiffArgs, v: &Versions) -> u8 {
    let diff = diff_of(ctx, rules, args, v);
    let lang = ctx.lang;
    let (old, new) = (v.old_name.as_str(), v.new_name.as_str());
    emit(&match args.format {
        DiffFormat::Human => icp::report::change::text(&diff, rules, old, new, lang, false),
        DiffFormat::Markdown => icp::report::change::text(&diff, rules, old, new, lang, true),
        DiffFormat::Json => icp::report::change::json(&diff, old, new, lang),
    });
    if diff.fails() { FAIL } else { OK }
}

/// Several comparisons against `rev`: each file's diff in turn, then the
/// filings added and removed since `rev` (a new filing is checked by
/// `validate`, not compared; a removed one may be a cancellation). JSON is
/// one document: `{"version", "rev", "diffs": [...], "added", "removed"}`.
fn many(
    ctx: &Context,
    rules: &RuleSet,
    args: &DiffArgs,
    rev: &str,
    files: &[PathBuf],
    added: &[PathBuf],
    removed: &[PathBuf],
) -> u8 {
    let lang = ctx.lang;
    let mut code = OK;
    let mut out = String::new();
    let mut diffs = Vec::new();
    for file in files {
        let v = match at_rev(rev, file, lang) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{e}");
                code = ERROR;
                continue;
            }
        };
        let diff = diff_of(ctx, rules, args, &v);
        if diff.fails() && code == OK {
            code = FAIL;
        }
        let (old, new) = (v.old_name.as_str(), v.new_name.as_str());
        match args.format {
            DiffFormat::Json => diffs.push(icp::report::change::json_value(&diff, old, new, lang)),
            format => {
                if !out.is_empty() {
                    out.push('\n');
                }
                let markdown = format == DiffFormat::Markdown;
                out.push_str(&icp::report::change::text(
                    &diff, rules, old, new, lang, markdown,
                ));
            }
        }
    }
    let names = |paths: &[PathBuf]| -> Vec<String> {
        paths.iter().map(|p| p.display().to_string()).collect()
    };
    if args.format == DiffFormat::Json {
        let doc = serde_json::json!({
            "version": 1,
            "rev": rev,
            "diffs": diffs,
            "added": names(added),
            "removed": names(removed),
        });
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
        text.push('\n');
        emit(&text);
        return code;
    }
    let item = if args.format == DiffFormat::Markdown {
        "- "
    } else {
        "  "
    };
    let mut list = |title: &str, paths: &[PathBuf]| {
        if paths.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(title);
        out.push('\n');
        for p in paths {
            out.push_str(item);
            out.push_str(&icp::report::snippet::escape(&p.display().to_string()));
            out.push('\n');
        }
    };
    list(
        &fill_rev(
            lang.pick(
                "{rev} 之后新增的备案文件（新的备案，用 icp validate 检查，不是变更）：",
                "Filings added since {rev} (new filings, checked by icp validate, not changes):",
            ),
            rev,
        ),
        added,
    );
    list(
        &fill_rev(
            lang.pick(
                "{rev} 之后删除的备案文件（若备案不再需要，应办理注销，而非变更）：",
                "Filings removed since {rev} (if the filing is to end, that is a cancellation, not a change):",
            ),
            rev,
        ),
        removed,
    );
    if out.is_empty() {
        out = fill_rev(
            lang.pick(
                "自 {rev} 以来没有备案文件改动。\n",
                "No filing changed since {rev}.\n",
            ),
            rev,
        );
    }
    emit(&out);
    code
}

fn fill_rev(text: &str, rev: &str) -> String {
    icp::lang::fill(
        text,
        &[("rev", icp::report::snippet::escape(rev).into_owned())],
    )
}
