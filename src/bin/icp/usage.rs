//! Command-line mistakes in the user's language. clap words its errors in
//! English; in Chinese the common ones are said again here, with the same
//! facts (the argument, the value, the suggestion, the usage line). The
//! language is chosen as for any other message: `--lang` as written,
//! `ICP_LANG`, the `lang` of `icp.toml` (the one `--config` names, else the
//! one found from the current directory; none under `--no-config`), the
//! locale.

use std::path::{Path, PathBuf};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use icp::Lang;

/// Prints the error (or the help or version clap was asked for) and exits:
/// 0 for help and version, 2 for a mistake.
pub fn exit(e: clap::Error) -> ! {
    let asked = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if asked || language() == Lang::En {
        e.exit();
    }
    match chinese(&e) {
        Some(text) => {
            eprint!("{text}");
            std::process::exit(2);
        }
        None => e.exit(),
    }
}

/// The language of the command line that could not be understood.
fn language() -> Lang {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    language_of(&args, &cwd, |k| std::env::var(k).ok())
}

/// The language the configuration flags among `args` give, read as
/// [`icp::config::resolve`] reads them (a configuration file that cannot
/// be read is passed over: the mistake on the command line comes first).
fn language_of(args: &[String], cwd: &Path, env: impl Fn(&str) -> Option<String>) -> Lang {
    let flags = icp::config::Flags {
        config: flag_value(args, "--config").map(PathBuf::from),
        no_config: before_paths(args).any(|a| a == "--no-config"),
        lang: flag_value(args, "--lang").and_then(Lang::parse),
        rules: None,
    };
    match icp::config::resolve(&flags, cwd, env) {
        Ok(settings) => settings.lang.0,
        Err((lang, _)) => lang,
    }
}

/// The arguments before `--` (after it, everything is a path).
fn before_paths(args: &[String]) -> impl Iterator<Item = &str> {
    args.iter().map(String::as_str).take_while(|a| *a != "--")
}

/// The value of the last `NAME VALUE` or `NAME=VALUE` before `--`; for
/// `--lang`, the last that names a language.
fn flag_value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let args: Vec<&str> = before_paths(args).collect();
    let mut given = None;
    for (i, arg) in args.iter().enumerate() {
        let value = match arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            Some(v) => Some(v),
            None if *arg == name => args.get(i + 1).copied(),
            None => None,
        };
        if let Some(v) = value.filter(|v| name != "--lang" || Lang::parse(v).is_some()) {
            given = Some(v);
        }
    }
    given
}

fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Why a value was refused, in Chinese: the project's own parsers say it in
/// both languages; clap's number parsers are said again here.
fn reason_zh(source: &(dyn std::error::Error + 'static)) -> String {
    if let Some(bad) = source.downcast_ref::<crate::cli::BadValue>() {
        return bad.0.zh.clone();
    }
    if source.downcast_ref::<std::num::ParseIntError>().is_some() {
        return "不是整数".to_owned();
    }
    let text = source.to_string();
    // clap's range check: "99999 is not in 0..=36600".
    if let Some((_, range)) = text.split_once(" is not in ") {
        if let Some((low, high)) = range.split_once("..=") {
            return format!("应在 {low} 到 {high} 之间");
        }
    }
    text
}

/// The error in Chinese, or `None` for a kind not said again here (clap's
/// English then).
fn chinese(e: &clap::Error) -> Option<String> {
    let arg = || text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = || text(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut out = match e.kind() {
        ErrorKind::InvalidValue => {
            let mut s = format!("错误：{} 的值 '{}' 无效", arg(), value());
            if let Some(valid) = text(e, ContextKind::ValidValue) {
                s.push_str(&format!("\n  [可选的值：{valid}]"));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e)
                .map(|s| format!("：{}", reason_zh(s)))
                .unwrap_or_default();
            format!("错误：{} 的值 '{}' 无效{reason}", arg(), value())
        }
        ErrorKind::UnknownArgument => format!("错误：未知的参数 '{}'", arg()),
        ErrorKind::InvalidSubcommand => format!(
            "错误：未知的子命令 '{}'",
            text(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => {
            let other = text(e, ContextKind::PriorArg).unwrap_or_default();
            format!("错误：参数 '{}' 不能与 '{other}' 同时使用", arg())
        }
        ErrorKind::MissingRequiredArgument => {
            format!("错误：缺少必需的参数：{}", arg())
        }
        ErrorKind::MissingSubcommand => "错误：缺少子命令".to_owned(),
        ErrorKind::TooManyValues => format!("错误：多余的值 '{}'", value()),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("错误：{} 的值的个数不对", arg())
        }
        _ => return None,
    };
    out.push('\n');
    for kind in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg] {
        if let Some(s) = text(e, kind) {
            out.push_str(&format!("\n  提示：是否要用 '{s}'？\n"));
        }
    }
    if let Some(usage) = text(e, ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n用法：{usage}\n"));
    }
    out.push_str("\n运行 --help 查看更多说明。\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn the_language_of_a_mistake() {
        let empty = tempfile::tempdir().unwrap();
        let cwd = empty.path();
        let none = |_: &str| None;
        let zh_env = |k: &str| (k == "LANG").then(|| "zh_CN.UTF-8".to_owned());
        let of =
            |line: &str, env: &dyn Fn(&str) -> Option<String>| language_of(&args(line), cwd, env);
        assert_eq!(of("validate --lang zh x", &none), Lang::Zh);
        assert_eq!(of("--lang=zh valdate", &none), Lang::Zh);
        assert_eq!(of("validate x", &zh_env), Lang::Zh);
        assert_eq!(of("validate --lang en", &zh_env), Lang::En);
        assert_eq!(of("validate x", &none), Lang::En);
        // After `--`, `--lang` is a path.
        assert_eq!(of("validate -- --lang zh", &none), Lang::En);
    }

    /// `lang` in `icp.toml` counts as it does for every other message,
    /// after `--lang` and `ICP_LANG`, and not under `--no-config`.
    #[test]
    fn the_configuration_file_sets_the_language_of_a_mistake() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("icp.toml"), "lang = \"zh\"\n").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let other = dir.path().join("other.toml");
        std::fs::write(&other, "lang = \"en\"\n").unwrap();
        let none = |_: &str| None;
        let icp_lang_en = |k: &str| (k == "ICP_LANG").then(|| "en".to_owned());
        let sub = dir.path().join("sub");
        assert_eq!(language_of(&args("valdate x"), &sub, none), Lang::Zh);
        assert_eq!(
            language_of(&args("valdate --lang en"), &sub, none),
            Lang::En
        );
        assert_eq!(language_of(&args("valdate x"), &sub, icp_lang_en), Lang::En);
        assert_eq!(
            language_of(&args("valdate --no-config"), &sub, none),
            Lang::En
        );
        let named = format!("valdate --config {}", other.display());
        assert_eq!(language_of(&args(&named), &sub, none), Lang::En);
        // A broken file does not hide the mistake: the language without it.
        std::fs::write(dir.path().join("icp.toml"), "lang = [").unwrap();
        assert_eq!(language_of(&args("valdate x"), &sub, none), Lang::En);
    }
}
