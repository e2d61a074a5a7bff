//! `icp diff`: two versions of a filing, from two files or from git.

use std::path::{Path, PathBuf};
use std::process::Command;

use icp::Lang;
use icp::rules::RuleSet;

use super::{Context, ERROR, FAIL, OK, emit};
use crate::cli::{DiffArgs, DiffFormat};

fn read(path: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    icp::discover::read_bounded(path).map_err(|e| {
        format!(
            "{}{}{}",
            path.display(),
            lang.pick("：", ": "),
            icp::i18n::io_error(&e).get(lang)
        )
    })
}

/// Which of the two versions a text is, for errors.
#[derive(Clone, Copy)]
enum Which {
    Old,
    New,
}

/// A version's bytes loaded as `validate` loads a file: its text, or an
/// error naming the version and the first file-level finding (not UTF-8,
/// not TOML, too large) — such a version is not an empty filing.
fn load(
    rules: &RuleSet,
    ctx: &Context,
    bytes: Vec<u8>,
    name: &str,
    which: Which,
) -> Result<String, String> {
    let lang = ctx.lang;
    let (loaded, findings) = icp::validate::bytes_report(rules, bytes, ctx.dates);
    let broken = findings
        .iter()
        .find(|f| icp::rules::FILE_LEVEL.contains(&f.id()));
    match broken {
        None if loaded.parsed => Ok(loaded.text),
        broken => {
            let what = match which {
                Which::Old => lang.pick("旧版本", "the old version"),
                Which::New => lang.pick("新版本", "the new version"),
            };
            let at = broken
                .and_then(|f| f.span.as_ref())
                .map_or_else(String::new, |s| {
                    let (line, column) = icp::report::line_column(&loaded.text, s.start);
                    format!(":{line}:{column}")
                });
            let why = broken.map_or_else(String::new, |f| {
                format!("{}{} {}", lang.pick("：", ": "), f.id(), f.message(lang))
            });
            Err(format!(
                "{}{at}{}{what}{}{why}",
                icp::report::snippet::escape(name),
                lang.pick("：", ": "),
                lang.pick("不是有效的备案文件", " is not a valid filing"),
            ))
        }
    }
}

/// Runs git with `args` in `dir`: its output, or what went wrong, led by
/// `what` when git itself said no (git's first `fatal:` or `error:` line,
/// not its usage text).
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
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines = || stderr.lines().map(str::trim).filter(|l| !l.is_empty());
        let reason = lines()
            .find(|l| l.starts_with("fatal:") || l.starts_with("error:"))
            .or_else(|| lines().next())
            .unwrap_or_default();
        return Err(format!("{what}{}{reason}", lang.pick("：", ": ")));
    }
    Ok(out.stdout)
}

/// That `dir` is inside a git work tree and `rev` names a commit there:
/// one line saying which is not so, instead of git's usage text.
fn check_repo(dir: &Path, rev: &str, lang: Lang) -> Result<(), String> {
    let inside = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output();
    match inside {
        Err(e) => {
            return Err(format!(
                "git{}{}",
                lang.pick("：", ": "),
                icp::i18n::io_error(&e).get(lang)
            ));
        }
        Ok(out) if !out.status.success() || out.stdout.trim_ascii() != b"true" => {
            let place = if dir == Path::new(".") {
                lang.pick("当前目录", "the current directory").to_owned()
            } else {
                dir.display().to_string()
            };
            return Err(format!(
                "{place}{}",
                lang.pick(
                    "：不在 git 仓库（的工作区）中，--rev 需要 git 仓库",
                    ": not inside a git work tree; --rev needs a git repository",
                )
            ));
        }
        Ok(_) => {}
    }
    let what = format!(
        "{} {}",
        lang.pick("未知的版本", "unknown revision"),
        icp::report::snippet::escape(rev)
    );
    git(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{rev}^{{commit}}"),
        ],
        &what,
        lang,
    )
    .map_err(|e| e.trim_end_matches(lang.pick("：", ": ")).to_owned())?;
    Ok(())
}

/// The directory to run git in for `file` (its nearest existing ancestor:
/// a removed file's directory may be gone) and the file's path relative to
/// it, as `./…` for `REV:./…`.
fn git_place(file: &Path) -> (PathBuf, String) {
    let mut dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut rest = vec![
        file.file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
    ];
    loop {
        if dir.as_os_str().is_empty() {
            dir = PathBuf::from(".");
            break;
        }
        if dir.is_dir() {
            break;
        }
        let Some(name) = dir.file_name() else { break };
        rest.push(name.to_string_lossy().into_owned());
        dir = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    }
    rest.reverse();
    (dir, format!("./{}", rest.join("/")))
}

/// `git show REV:./FILE`, run in the file's directory (so the path is the
/// file's, relative to it, whatever the current directory).
fn git_show(rev: &str, file: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    let (dir, name) = git_place(file);
    let what = format!(
        "{} {rev}:{}",
        lang.pick("无法读取", "cannot read"),
        file.display()
    );
    git(&dir, &["show", &format!("{rev}:{name}")], &what, lang)
}

/// Whether `file` exists at `rev` (which [`check_repo`] found valid).
fn in_rev(rev: &str, file: &Path) -> bool {
    let (dir, name) = git_place(file);
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "-e", &format!("{rev}:{name}")])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
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

fn at_rev(ctx: &Context, rules: &RuleSet, rev: &str, file: &Path) -> Result<Versions, String> {
    let lang = ctx.lang;
    let old_name = format!("{rev}:{}", file.display());
    let new_name = file.display().to_string();
    let old = git_show(rev, file, lang)?;
    let new = read(file, lang)?;
    Ok(Versions {
        old: load(rules, ctx, old, &old_name, Which::Old)?,
        new: load(rules, ctx, new, &new_name, Which::New)?,
        old_name,
        new_name,
    })
}

/// What became of a named file since `rev`: changed (or unreadable: the
/// comparison says why), added (in the working tree only) or removed (at
/// `rev` only).
#[derive(PartialEq)]
enum Fate {
    Compared,
    Added,
    Removed,
}

fn fate(rev: &str, file: &Path) -> Fate {
    let here = std::fs::symlink_metadata(file).is_ok();
    match (here, in_rev(rev, file)) {
        (true, false) => Fate::Added,
        (false, true) => Fate::Removed,
        _ => Fate::Compared,
    }
}

pub fn run(ctx: &Context, rules: &RuleSet, args: DiffArgs) -> u8 {
    // Every error stops the command the same way: said, exit 2.
    compare(ctx, rules, &args).unwrap_or_else(|e| {
        eprintln!("{e}");
        ERROR
    })
}

fn compare(ctx: &Context, rules: &RuleSet, args: &DiffArgs) -> Result<u8, String> {
    let lang = ctx.lang;
    let Some(rev) = &args.rev else {
        let [old, new] = args.files.as_slice() else {
            return Err(lang
                .pick(
                    "用法：icp diff 旧文件 新文件，或 icp diff --rev 版本 [文件]...",
                    "usage: icp diff OLD NEW, or icp diff --rev REV [FILE]...",
                )
                .to_owned());
        };
        let (old_name, new_name) = (old.display().to_string(), new.display().to_string());
        let old = load(rules, ctx, read(old, lang)?, &old_name, Which::Old)?;
        let new = load(rules, ctx, read(new, lang)?, &new_name, Which::New)?;
        let versions = Versions {
            old,
            old_name,
            new,
            new_name,
        };
        return Ok(one(ctx, rules, args, &versions));
    };
    // Named files: each in its own repository (its directory's); without,
    // the current directory's.
    let dirs: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.files.iter().map(|f| git_place(f).0).collect()
    };
    let mut checked: Vec<&PathBuf> = Vec::new();
    for dir in &dirs {
        if !checked.contains(&dir) {
            checked.push(dir);
            check_repo(dir, rev, lang)?;
        }
    }
    // Every filing git sees changed since REV, or the files named: those
    // in both versions compared, the others listed as added or removed.
    let (files, added, removed) = if args.files.is_empty() {
        let changed = git_changed(rev, lang)?;
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
        let (mut files, mut added, mut removed) = (Vec::new(), Vec::new(), Vec::new());
        for file in &args.files {
            match fate(rev, file) {
                Fate::Compared => files.push(file.clone()),
                Fate::Added => added.push(file.clone()),
                Fate::Removed => removed.push(file.clone()),
            }
        }
        if let ([file], [], []) = (files.as_slice(), added.as_slice(), removed.as_slice()) {
            return Ok(one(ctx, rules, args, &at_rev(ctx, rules, rev, file)?));
        }
        (files, added, removed)
    };
    Ok(many(ctx, rules, args, rev, &files, &added, &removed))
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
        let v = match at_rev(ctx, rules, rev, file) {
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
    let markdown = args.format == DiffFormat::Markdown;
    let mut list = |title: &str, paths: &[PathBuf]| {
        if paths.is_empty() {
            return;
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        if !out.is_empty() {
            out.push('\n');
        }
        if markdown {
            // A section of the page: `## title`, a blank line, the list.
            let title = title.trim_end_matches(['：', ':']);
            out.push_str("## ");
            out.push_str(title);
            out.push_str("\n\n");
        } else {
            out.push_str(title);
            out.push('\n');
        }
        for p in paths {
            out.push_str(if markdown { "- " } else { "  " });
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
    if out.is_empty() && code == ERROR {
        // Something failed (said on stderr): not "nothing changed".
        return code;
    }
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
