//! The tool's own texts (report chrome and command errors) in both languages.
//! Rule messages are not here: they live in the rule files.

use crate::Lang;

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
    /// No filing files were found under the given paths.
    NoFilings,
    /// A path could not be read.
    Unreadable,
    /// A rule file is invalid.
    InvalidRules,
    /// A rules directory could not be read.
    RulesUnreadable,
    /// "file"
    File,
    /// "files"
    Files,
    /// Label for a value the finding points at.
    Here,
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
            Msg::Unreadable => ("无法读取", "cannot read"),
            Msg::InvalidRules => ("规则文件无效", "invalid rule file"),
            Msg::RulesUnreadable => ("无法读取规则目录", "cannot read the rules directory"),
            Msg::File => ("个文件", "file"),
            Msg::Files => ("个文件", "files"),
            Msg::Here => ("此处", "here"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
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
