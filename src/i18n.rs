//! The tool's own texts (report chrome and command errors) in both languages.
//! Rule messages are not here: they live in the rule files.

use crate::Lang;
use crate::lang::Text;

/// A text of the tool, by key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Summary when nothing was found.
    AllClean,
    /// "error"
    Error,
    /// "warning"
    Warning,
    /// "info"
    Info,
    /// "source"
    Source,
    /// "rule"
    Rule,
    /// "explain"
    Explain,
    /// No filing files were found under the given paths, and that is
    /// fine (`--allow-empty`).
    NoFilings,
    /// No filing files were found under the given paths (`{paths}`): an
    /// error.
    NoFilingsIn,
    /// Every filing found is excluded by `exclude` of icp.toml.
    AllExcluded,
    /// A path could not be read (`{path}`, `{error}`).
    Unreadable,
    /// A rule file is invalid.
    InvalidRules,
    /// A rules directory could not be read (`{path}`, `{error}`).
    RulesUnreadable,
    /// "file"
    File,
    /// "files"
    Files,
    /// Label for a value the finding points at.
    Here,
    /// `icp new` would replace a file (`{path}`).
    FileExists,
    /// `icp new` without a terminal.
    NoTerminal,
    /// `icp new --template` without `--province`.
    TemplateNeedsProvince,
    /// A file was written (`{path}`).
    Wrote,
    /// A file could not be written (`{path}`, `{error}`).
    CannotWrite,
    /// The wizard was interrupted.
    Cancelled,
    /// The wizard's closing line before the checklist.
    StillMissing,
    /// Column of the batch summary: the file.
    ColumnFile,
    /// Column of the batch summary: the province.
    ColumnProvince,
    /// Column of the batch summary: the nature.
    ColumnNature,
    /// Column of the batch summary: errors.
    ColumnErrors,
    /// Column of the batch summary: warnings.
    ColumnWarnings,
    /// The totals row of the batch summary.
    Total,
    /// The progress bar's label while files are checked.
    Checking,
    /// `--output-file` with `--format human`.
    OutputFileNeedsMachineFormat,
    /// On a fixable finding: what `icp fix` writes (`{value}`).
    Fixable,
    /// Human format: the findings of a file past those drawn (`{count}`).
    MoreInShort,
    /// `icp fix`: a file that is not valid TOML (`{path}`).
    FixSyntax,
    /// `icp fix`: a repair that would not parse (`{path}`).
    FixWouldNotParse,
    /// `icp fix`: a symbolic link (`{path}`).
    FixSymlink,
    /// `icp fix`: a read-only file (`{path}`).
    FixReadOnly,
    /// `icp fix`: a file that is not UTF-8.
    FixNotUtf8,
    /// `icp fix`: nothing to repair.
    FixNothing,
    /// `icp fix`: the heading of what is left after the repairs.
    FixLeft,
    /// `--output-file` names a file the command reads.
    OutputIsInput,
    /// `icp report --output-file`: a path could not be read, so the
    /// incomplete report is not written.
    OutputKept,
}

impl Msg {
    /// The text in a language.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Msg::AllClean => ("未发现问题", "no problems found"),
            Msg::Error => ("错误", "error"),
            Msg::Warning => ("警告", "warning"),
            Msg::Info => ("提示", "info"),
            Msg::Source => ("依据", "source"),
            Msg::Rule => ("规则", "rule"),
            Msg::Explain => ("详细说明", "details"),
            Msg::NoFilings => (
                "没有找到备案文件（filing.toml 或 *.filing.toml）",
                "no filing files found (filing.toml or *.filing.toml)",
            ),
            Msg::NoFilingsIn => (
                "在 {paths} 中没有找到备案文件（filing.toml 或 *.filing.toml）；请检查路径，或加 --allow-empty 允许没有文件",
                "no filing files found in {paths} (filing.toml or *.filing.toml): check the path, or add --allow-empty if none is fine",
            ),
            Msg::AllExcluded => (
                "找到 {count} 个备案文件，均被 {config} 的 exclude 排除，未检查任何文件",
                "found {count} filing file(s), all excluded by exclude in {config}; nothing was checked",
            ),
            Msg::Unreadable => ("无法读取 {path}：{error}", "cannot read {path}: {error}"),
            Msg::InvalidRules => ("规则文件无效", "invalid rule file"),
            Msg::RulesUnreadable => (
                "无法读取规则目录 {path}：{error}",
                "cannot read the rules directory {path}: {error}",
            ),
            Msg::File => ("个文件", "file"),
            Msg::Files => ("个文件", "files"),
            Msg::Here => ("此处", "here"),
            Msg::FileExists => (
                "{path} 已存在；要覆盖请加 --force",
                "{path} already exists; add --force to replace it",
            ),
            Msg::NoTerminal => (
                "icp new 需要在终端中交互运行；没有终端时请用 icp new --template --province <省份> 生成模板",
                "icp new asks questions and needs a terminal; without one, use icp new --template --province <province> to write a template",
            ),
            Msg::TemplateNeedsProvince => (
                "--template 需要 --province（如 --province gd）",
                "--template needs --province (e.g. --province gd)",
            ),
            Msg::Wrote => ("已写入 {path}", "wrote {path}"),
            Msg::CannotWrite => ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
            Msg::Cancelled => ("已取消，未写入任何文件", "cancelled; nothing was written"),
            Msg::StillMissing => ("材料清单：", "Documents:"),
            Msg::ColumnFile => ("文件", "file"),
            Msg::ColumnProvince => ("省份", "province"),
            Msg::ColumnNature => ("性质", "nature"),
            Msg::ColumnErrors => ("错误", "errors"),
            Msg::ColumnWarnings => ("警告", "warnings"),
            Msg::Total => ("合计", "total"),
            Msg::Checking => ("检查中", "checking"),
            Msg::OutputIsInput => (
                "--output-file {path} 是要读取的文件之一：报告不会写在它上面（文件未改动）",
                "--output-file {path} is one of the files read: the report is not written over it (the file is untouched)",
            ),
            Msg::OutputKept => (
                "有路径无法读取，报告不完整：--output-file {path} 没有写入（原有文件未改动）",
                "a path could not be read, so the report is incomplete: --output-file {path} was not written (an existing file is untouched)",
            ),
            Msg::OutputFileNeedsMachineFormat => (
                "--output-file 写入机器可读的格式：请同时给出 --format json、sarif、github 或 concise（终端仍显示易读的报告）",
                "--output-file writes a machine format: add --format json, sarif, github or concise (the terminal still gets the human report)",
            ),
            Msg::Fixable => (
                "可自动修正：icp fix 会写作 {value}",
                "fixable: icp fix writes {value}",
            ),
            Msg::MoreInShort => (
                "……另有 {count} 条，每条一行（与 --format concise 相同）：",
                "… {count} more, one line each (as --format concise prints them):",
            ),
            Msg::FixSyntax => (
                "{path}：不是有效的 TOML，未作修改（icp validate 会指出错误位置）",
                "{path}: not valid TOML; left as it was (icp validate shows where)",
            ),
            Msg::FixNotUtf8 => (
                "{path}：不是 UTF-8 编码的文本，未作修改（icp validate 会指出位置）",
                "{path}: not UTF-8 text; left as it was (icp validate shows where)",
            ),
            Msg::FixWouldNotParse => (
                "{path}：修正后的文件将无法解析，未作修改",
                "{path}: the repaired file would not parse; left as it was",
            ),
            Msg::FixSymlink => (
                "{path}：这是符号链接，icp fix 不通过链接写入，未作修改；请修正链接指向的文件",
                "{path}: a symbolic link; icp fix does not write through links, so it is left as it was (fix the file it points to)",
            ),
            Msg::FixReadOnly => (
                "{path}：文件是只读的，未作修改",
                "{path}: the file is read-only; left as it was",
            ),
            Msg::FixNothing => ("没有可自动修正的内容", "nothing to fix"),
            Msg::FixLeft => ("修正后仍需处理：", "What is left:"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The error of a path that names something other than a regular file.
pub const NOT_REGULAR: &str = "not a regular file";

/// [`NOT_REGULAR`] as an I/O error, which [`io_error`] puts in words.
pub fn not_regular() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, NOT_REGULAR)
}

/// What the system said when reading or writing failed, in both languages:
/// the error's kind in words (the operating system's own text is in
/// English, or in the machine's language), with its number when the kind
/// has no name of its own here.
pub fn io_error(e: &std::io::Error) -> Text {
    use std::io::ErrorKind as K;
    if e.kind() == K::InvalidInput && e.get_ref().is_some_and(|r| r.to_string() == NOT_REGULAR) {
        return Text::new(
            "不是普通文件（例如设备或命名管道），不读取",
            "not a regular file (a device or a named pipe, say): not read",
        );
    }
    let (zh, en) = match e.kind() {
        K::NotFound => ("路径不存在", "the path does not exist"),
        K::PermissionDenied => ("没有访问权限", "permission denied"),
        K::AlreadyExists => ("文件已存在", "the file already exists"),
        K::IsADirectory => ("这是一个目录，不是文件", "is a directory, not a file"),
        K::NotADirectory => (
            "路径中有一部分不是目录",
            "a part of the path is not a directory",
        ),
        K::DirectoryNotEmpty => ("目录不为空", "the directory is not empty"),
        K::ReadOnlyFilesystem => ("文件系统是只读的", "the file system is read-only"),
        K::StorageFull => ("磁盘空间已满", "no space left on the device"),
        K::QuotaExceeded => ("超出磁盘配额", "disk quota exceeded"),
        K::FileTooLarge => ("文件过大", "the file is too large"),
        K::InvalidFilename => ("文件名无效", "invalid file name"),
        K::InvalidData => (
            "内容无效（例如不是 UTF-8 文本）",
            "invalid data (e.g. not UTF-8 text)",
        ),
        K::UnexpectedEof => ("文件意外结束", "unexpected end of file"),
        K::Interrupted => ("操作被中断", "interrupted"),
        K::TimedOut => ("操作超时", "timed out"),
        K::ResourceBusy | K::WouldBlock => ("资源正忙", "the resource is busy"),
        K::CrossesDevices => ("不能跨设备移动", "cannot move across devices"),
        K::TooManyLinks => ("链接过多", "too many links"),
        _ => {
            return match e.raw_os_error() {
                Some(code) => Text::new(
                    format!("输入输出错误（系统错误码 {code}）"),
                    format!("input/output error (os error {code})"),
                ),
                None => Text::new("输入输出错误", "input/output error"),
            };
        }
    };
    Text::new(zh, en)
}

/// "3 errors, 1 warning in 2 files" / "2 个文件：3 个错误，1 个警告".
pub fn summary(lang: Lang, files: usize, errors: usize, warnings: usize, infos: usize) -> String {
    match lang {
        Lang::Zh => {
            let mut s = format!("{files} 个文件：{errors} 个错误，{warnings} 个警告");
            if infos > 0 {
                s.push_str(&format!("，{infos} 个提示"));
            }
            s
        }
        Lang::En => {
            let plural = |n: usize, word: &str| {
                if n == 1 {
                    format!("{n} {word}")
                } else {
                    format!("{n} {word}s")
                }
            };
            let mut s = format!(
                "{}, {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            );
            if infos > 0 {
                s.push_str(&format!(", {}", plural(infos, "info")));
            }
            format!("{s} in {}", plural(files, "file"))
        }
    }
}

/// "2 fixable with `icp fix`" / "其中 2 项可用 `icp fix` 自动修正".
pub fn fixable(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("其中 {count} 项可用 `icp fix` 自动修正"),
        Lang::En => format!("{count} fixable with `icp fix`"),
    }
}

/// "fixed 3 values in 2 files" (or "would fix", `--check` and `--diff`).
pub fn fixed(lang: Lang, values: usize, files: usize, dry_run: bool) -> String {
    match lang {
        Lang::Zh if dry_run => format!("{files} 个文件中有 {values} 处可修正（未写入）"),
        Lang::Zh => format!("已修正 {files} 个文件中的 {values} 处"),
        Lang::En => {
            let plural = |n: usize, word: &str| match n {
                1 => format!("{n} {word}"),
                _ => format!("{n} {word}s"),
            };
            let verb = if dry_run { "would fix" } else { "fixed" };
            format!(
                "{verb} {} in {}",
                plural(values, "value"),
                plural(files, "file")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_in_words() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            io_error(&missing),
            Text::new("路径不存在", "the path does not exist")
        );
        // A kind without words of its own keeps the system's number.
        let other = std::io::Error::from_raw_os_error(4242);
        assert!(
            io_error(&other).zh.contains("4242"),
            "{:?}",
            io_error(&other)
        );
    }
}
