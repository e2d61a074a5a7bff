//! Project configuration: an `icp.toml` found by walking up from the current
//! directory (the nearest wins), or named by `--config`, or ignored under
//! `--no-config`.
//!
//! ```toml
//! rules_dir = "house-rules"      # like --rules; relative to this file's directory
//! lang = "zh"                    # zh | en
//! deny_warnings = true           # validate: warnings fail too
//! exclude = ["drafts/**"]        # globs relative to this file's directory
//!
//! [severity]                     # per-rule severity: error | warning | info | off
//! address-house-number = "off"
//!
//! [severity.evidence]            # every rule of a class of evidence at once
//! single-source = "error"
//! ```
//!
//! Every setting is resolved in one order: a command-line flag, then the
//! environment (`ICP_LANG`), then the file, then the default; [`Settings`]
//! keeps where each value came from, for `icp config`. Severity overrides
//! are set on the rule set after every rule file ([`ConfigFile::
//! apply_severity`]), so what an override means is decided in one place, the
//! rule set.
//!
//! The file is read with spans: an unknown key, a wrong type or an unknown
//! rule id is an error that points into it (`icp` then exits 2).

use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use toml::Spanned as TomlSpanned;
use toml::de::{DeTable, DeValue};

use crate::Lang;
use crate::filing::load::TomlType;
use crate::filing::{Field, Span, Spanned};
use crate::finding::{Basis, Severity};
use crate::lang::Text;
use crate::rules::{RuleSet, UnknownRule};

/// The name of the configuration file.
pub const FILE_NAME: &str = "icp.toml";

/// A configuration file larger than this is refused unread.
const MAX_BYTES: u64 = 1024 * 1024;

const KEYS: &[&str] = &["rules_dir", "lang", "deny_warnings", "exclude", "severity"];

const SEVERITIES: &[&str] = &["error", "warning", "info", "off"];

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag, such as `--lang`.
    Flag(&'static str),
    /// An environment variable, such as `ICP_LANG`.
    Env(&'static str),
    /// The configuration file, at a 1-based line.
    File {
        /// The file.
        path: PathBuf,
        /// The line of the key.
        line: usize,
    },
    /// The locale (`LC_ALL` or `LANG`): the language's default.
    Locale(&'static str),
    /// The built-in default.
    Default,
}

/// How the configuration file was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The nearest `icp.toml` from the current directory up.
    Found,
    /// Named by `--config`.
    Flag,
    /// `--no-config`: none is read.
    Disabled,
    /// None was found.
    NotFound,
}

/// One `[severity]` entry: a rule id and the severity it gets.
#[derive(Clone, Debug)]
pub struct SeverityOverride {
    /// The rule id, with the span of its key.
    pub rule: Spanned<String>,
    /// The severity, with the span of its value.
    pub severity: Spanned<Severity>,
}

/// One `[severity.evidence]` entry: a class of evidence and the severity
/// every rule of that class gets (unless its file says why it has another,
/// or `[severity]` names it).
#[derive(Clone, Debug)]
pub struct ClassOverride {
    /// The class, with the span of its key.
    pub class: Spanned<Basis>,
    /// The severity, with the span of its value.
    pub severity: Spanned<Severity>,
}

/// A parsed `icp.toml`.
#[derive(Clone, Debug)]
pub struct ConfigFile {
    /// The file (absolute).
    pub path: PathBuf,
    /// Its directory: `rules_dir` and `exclude` are relative to it.
    pub dir: PathBuf,
    /// Its text, for spans.
    pub text: String,
    /// `rules_dir`, resolved against [`ConfigFile::dir`].
    pub rules_dir: Field<PathBuf>,
    /// `lang`.
    pub lang: Field<Lang>,
    /// `deny_warnings`.
    pub deny_warnings: Field<bool>,
    /// `exclude`, as written.
    pub exclude: Vec<Spanned<String>>,
    /// `[severity]`, in file order.
    pub severity: Vec<SeverityOverride>,
    /// `[severity.evidence]`, in file order.
    pub evidence: Vec<ClassOverride>,
    globs: GlobSet,
}

/// Why a configuration file could not be used (exit 2).
#[derive(Clone, Debug)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Its text (empty when it could not be read).
    pub text: String,
    /// What is wrong.
    pub problems: Vec<Problem>,
}

/// One thing wrong with a configuration file.
#[derive(Clone, Debug)]
pub struct Problem {
    /// A short code (`config-unknown-key`, …).
    pub code: &'static str,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub help: Option<Text>,
}

/// What the command line says about configuration.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    /// `--config FILE`.
    pub config: Option<PathBuf>,
    /// `--no-config`.
    pub no_config: bool,
    /// `--lang`.
    pub lang: Option<Lang>,
    /// `--rules DIR`.
    pub rules: Option<PathBuf>,
}

/// The settings in force, each with where it came from.
#[derive(Clone, Debug)]
pub struct Settings {
    /// How the file was chosen.
    pub choice: Choice,
    /// The file, when one was read.
    pub file: Option<ConfigFile>,
    /// The directory `icp` runs in (where discovery starts; relative paths
    /// are relative to it).
    pub cwd: PathBuf,
    /// Output language.
    pub lang: (Lang, Origin),
    /// Extra rule files.
    pub rules_dir: Option<(PathBuf, Origin)>,
    /// Whether warnings fail `validate` (before its own flags).
    pub deny_warnings: (bool, Origin),
}

/// The nearest `icp.toml` in `start` or a directory above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Resolves the settings: flag, then environment, then the file, then the
/// default. `env` reads an environment variable. On error, also returns the
/// language to report it in (worked out without the file).
pub fn resolve(
    flags: &Flags,
    cwd: &Path,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Settings, (Lang, ConfigError)> {
    let (choice, path) = if flags.no_config {
        (Choice::Disabled, None)
    } else if let Some(path) = &flags.config {
        (Choice::Flag, Some(normalize(&cwd.join(path))))
    } else {
        match find(cwd) {
            Some(path) => (Choice::Found, Some(path)),
            None => (Choice::NotFound, None),
        }
    };
    let file = match path {
        Some(path) => match read(&path) {
            Ok(file) => Some(file),
            Err(e) => return Err((language(flags, None, &env).0, e)),
        },
        None => None,
    };
    let lang = language(flags, file.as_ref(), &env);
    let rules_dir = match (&flags.rules, &file) {
        (Some(dir), _) => Some((dir.clone(), Origin::Flag("--rules"))),
        (None, Some(f)) => f
            .rules_dir
            .as_ref()
            .map(|d| (d.value.clone(), f.origin(&d.span))),
        (None, None) => None,
    };
    let deny_warnings = match file
        .as_ref()
        .and_then(|f| Some((f, f.deny_warnings.as_ref()?)))
    {
        Some((f, d)) => (d.value, f.origin(&d.span)),
        None => (false, Origin::Default),
    };
    Ok(Settings {
        choice,
        file,
        cwd: cwd.to_path_buf(),
        lang,
        rules_dir,
        deny_warnings,
    })
}

/// The language: `--lang`, `ICP_LANG`, the file's `lang`, the locale, English.
fn language(
    flags: &Flags,
    file: Option<&ConfigFile>,
    env: &impl Fn(&str) -> Option<String>,
) -> (Lang, Origin) {
    if let Some(lang) = flags.lang {
        return (lang, Origin::Flag("--lang"));
    }
    if let Some(lang) = env("ICP_LANG").as_deref().and_then(Lang::parse) {
        return (lang, Origin::Env("ICP_LANG"));
    }
    if let Some((f, lang)) = file.and_then(|f| Some((f, f.lang.as_ref()?))) {
        return (lang.value, f.origin(&lang.span));
    }
    for var in ["LC_ALL", "LANG"] {
        if env(var).is_some_and(|v| !v.is_empty()) {
            // The same rule as Lang::from_env: zh* is Chinese, any other
            // locale English.
            let lang = Lang::from_env(|k| if k == var { env(k) } else { None });
            return (lang, Origin::Locale(var));
        }
    }
    (Lang::En, Origin::Default)
}

/// Reads and parses a configuration file.
pub fn read(path: &Path) -> Result<ConfigFile, ConfigError> {
    let unreadable = |message: Text| ConfigError {
        path: path.to_path_buf(),
        text: String::new(),
        problems: vec![Problem {
            code: "config-unreadable",
            span: None,
            message: Text::new(
                format!("无法读取配置文件：{}", message.zh),
                format!("cannot read the configuration file: {}", message.en),
            ),
            help: None,
        }],
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(crate::i18n::io_error(&e)))?;
    if !meta.is_file() {
        return Err(unreadable(Text::new("不是文件", "not a file")));
    }
    if meta.len() > MAX_BYTES {
        return Err(unreadable(Text::new(
            format!("超过 {MAX_BYTES} 字节"),
            format!("over {MAX_BYTES} bytes"),
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(crate::i18n::io_error(&e)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| unreadable(Text::new("不是 UTF-8 文本", "not UTF-8 text")))?;
    parse(path, text)
}

/// Parses the text of a configuration file at `path` (absolute: the
/// relative paths in it are resolved against its directory).
pub fn parse(path: &Path, text: String) -> Result<ConfigFile, ConfigError> {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let mut problems = Vec::new();
    let mut file = ConfigFile {
        path: path.to_path_buf(),
        dir,
        text: String::new(),
        rules_dir: None,
        lang: None,
        deny_warnings: None,
        exclude: Vec::new(),
        severity: Vec::new(),
        evidence: Vec::new(),
        globs: GlobSet::empty(),
    };
    match DeTable::parse(&text) {
        Err(e) => problems.push(Problem {
            code: "config-syntax",
            span: e.span(),
            message: Text::new(
                format!("TOML 语法错误：{}", e.message().trim()),
                format!("TOML syntax error: {}", e.message().trim()),
            ),
            help: None,
        }),
        Ok(table) => {
            for (key, value) in table.get_ref().iter() {
                read_key(&mut file, key, value, &mut problems);
            }
        }
    }
    match globs(&file.exclude) {
        Ok(set) => file.globs = set,
        Err(mut more) => problems.append(&mut more),
    }
    // Tables iterate in key order; report in the order of the file.
    problems.sort_by_key(|p| p.span.as_ref().map_or(usize::MAX, |s| s.start));
    file.severity.sort_by_key(|o| o.rule.span.start);
    file.evidence.sort_by_key(|o| o.class.span.start);
    if problems.is_empty() {
        file.text = text;
        Ok(file)
    } else {
        Err(ConfigError {
            path: path.to_path_buf(),
            text,
            problems,
        })
    }
}

type Value<'i> = TomlSpanned<DeValue<'i>>;

fn read_key(
    file: &mut ConfigFile,
    key: &TomlSpanned<std::borrow::Cow<'_, str>>,
    value: &Value<'_>,
    problems: &mut Vec<Problem>,
) {
    let name = key.get_ref().as_ref();
    match name {
        "rules_dir" => {
            if let Some(s) = string(value, name, problems) {
                file.rules_dir = Some(Spanned::new(
                    normalize(&file.dir.join(s.value.trim())),
                    s.span,
                ));
            }
        }
        "lang" => {
            if let Some(s) = string(value, name, problems) {
                match s.value.trim() {
                    "zh" => file.lang = Some(Spanned::new(Lang::Zh, s.span)),
                    "en" => file.lang = Some(Spanned::new(Lang::En, s.span)),
                    other => problems.push(invalid(&s.span, other, &["zh", "en"])),
                }
            }
        }
        "deny_warnings" => match value.get_ref() {
            DeValue::Boolean(b) => file.deny_warnings = Some(Spanned::new(*b, value.span())),
            _ => problems.push(wrong_type(
                value,
                name,
                Text::new("布尔值（true / false）", "boolean (true / false)"),
            )),
        },
        "exclude" => match value.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    if let Some(s) = string(item, name, problems) {
                        file.exclude.push(s);
                    }
                }
            }
            _ => problems.push(wrong_type(
                value,
                name,
                Text::new("字符串数组", "array of strings"),
            )),
        },
        "severity" => match value.get_ref() {
            DeValue::Table(t) => {
                for (rule, level) in t.iter() {
                    if rule.get_ref() == EVIDENCE {
                        read_evidence(file, level, problems);
                        continue;
                    }
                    let Some(s) = string(level, rule.get_ref(), problems) else {
                        continue;
                    };
                    match Severity::parse(s.value.trim()) {
                        Some(severity) => file.severity.push(SeverityOverride {
                            rule: Spanned::new(rule.get_ref().trim().to_owned(), rule.span()),
                            severity: Spanned::new(severity, s.span),
                        }),
                        None => problems.push(invalid(&s.span, &s.value, SEVERITIES)),
                    }
                }
            }
            _ => problems.push(wrong_type(
                value,
                name,
                Text::new("表（[severity]）", "table ([severity])"),
            )),
        },
        _ => {
            let suggestion = crate::suggest::closest(name, KEYS.iter().copied());
            problems.push(Problem {
                code: "config-unknown-key",
                span: Some(key.span()),
                message: Text::new(format!("未知配置项 {name}"), format!("unknown key {name}")),
                help: Some(with_suggestion(
                    suggestion,
                    &format!("可用的配置项：{}", KEYS.join("、")),
                    &format!("The keys are: {}", KEYS.join(", ")),
                )),
            });
        }
    }
}

/// The key of `[severity]` whose table sets classes of evidence.
const EVIDENCE: &str = "evidence";

/// `[severity.evidence]`: a severity per class of evidence.
fn read_evidence(file: &mut ConfigFile, value: &Value<'_>, problems: &mut Vec<Problem>) {
    let DeValue::Table(t) = value.get_ref() else {
        problems.push(wrong_type(
            value,
            "severity.evidence",
            Text::new("表（[severity.evidence]）", "table ([severity.evidence])"),
        ));
        return;
    };
    let classes: Vec<&str> = Basis::CLASSES.iter().map(|b| b.key()).collect();
    for (key, level) in t.iter() {
        let name = key.get_ref().trim();
        let Some(class) = Basis::class(name) else {
            problems.push(Problem {
                code: "config-unknown-class",
                span: Some(key.span()),
                message: Text::new(
                    format!("未知的依据类别 {name}"),
                    format!("unknown class of evidence {name}"),
                ),
                help: Some(with_suggestion(
                    crate::suggest::closest(name, classes.iter().copied()),
                    &format!("[severity.evidence] 的类别：{}", classes.join("、")),
                    &format!("The classes of [severity.evidence]: {}", classes.join(", ")),
                )),
            });
            continue;
        };
        let Some(s) = string(level, name, problems) else {
            continue;
        };
        match Severity::parse(s.value.trim()) {
            Some(severity) => file.evidence.push(ClassOverride {
                class: Spanned::new(class, key.span()),
                severity: Spanned::new(severity, s.span),
            }),
            None => problems.push(invalid(&s.span, &s.value, SEVERITIES)),
        }
    }
}

fn string(value: &Value<'_>, key: &str, problems: &mut Vec<Problem>) -> Field<String> {
    match value.get_ref() {
        DeValue::String(s) => Some(Spanned::new(s.to_string(), value.span())),
        _ => {
            problems.push(wrong_type(value, key, TomlType::String.words()));
            None
        }
    }
}

fn wrong_type(value: &Value<'_>, key: &str, expected: Text) -> Problem {
    let found = TomlType::of(value.get_ref()).words();
    Problem {
        code: "config-wrong-type",
        span: Some(value.span()),
        message: Text::new(
            format!("{key} 应为{}，实际是{}", expected.zh, found.zh),
            format!("{key}: expected {}, found {}", expected.en, found.en),
        ),
        help: Some(Text::new(
            "配置项的写法见 docs/configuration.md（项目配置）。",
            "docs/configuration.md (project configuration) shows every key.",
        )),
    }
}

fn invalid(span: &Span, found: &str, allowed: &[&str]) -> Problem {
    let suggestion = crate::suggest::closest(found.trim(), allowed.iter().copied());
    Problem {
        code: "config-invalid-value",
        span: Some(span.clone()),
        message: Text::new(
            format!("无法识别的取值 {found}"),
            format!("unrecognised value {found}"),
        ),
        help: Some(with_suggestion(
            suggestion,
            &format!("可用取值：{}", allowed.join("、")),
            &format!("Allowed: {}", allowed.join(", ")),
        )),
    }
}

fn with_suggestion(suggestion: Option<&str>, zh: &str, en: &str) -> Text {
    match suggestion {
        Some(s) => Text::new(
            format!("是否应为 {s}？{zh}"),
            format!("Did you mean {s}? {en}"),
        ),
        None => Text::new(zh, en),
    }
}

/// The `exclude` patterns as one set: `*` does not cross `/`, `**` does.
fn globs(patterns: &[Spanned<String>]) -> Result<GlobSet, Vec<Problem>> {
    let mut builder = GlobSetBuilder::new();
    let mut problems = Vec::new();
    for p in patterns {
        let pattern = p.value.trim();
        let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
        match GlobBuilder::new(pattern).literal_separator(true).build() {
            Ok(glob) => {
                builder.add(glob);
            }
            Err(e) => problems.push(Problem {
                code: "config-invalid-glob",
                span: Some(p.span.clone()),
                message: Text::new(
                    format!("无效的匹配模式：{}", e.kind()),
                    format!("invalid glob pattern: {}", e.kind()),
                ),
                help: Some(Text::new(
                    "模式相对于 icp.toml 所在目录，例如 \"drafts/**\"、\"**/*.draft.filing.toml\"。",
                    "Patterns are relative to the directory of icp.toml, e.g. \"drafts/**\" or \"**/*.draft.filing.toml\".",
                )),
            }),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    builder.build().map_err(|e| {
        vec![Problem {
            code: "config-invalid-glob",
            span: None,
            message: Text::new(
                format!("无效的匹配模式：{e}"),
                format!("invalid glob pattern: {e}"),
            ),
            help: None,
        }]
    })
}

impl ConfigFile {
    /// The 1-based line of a byte offset.
    pub fn line_of(&self, span: &Span) -> usize {
        let end = span.start.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    /// The origin of a value of this file.
    pub fn origin(&self, span: &Span) -> Origin {
        Origin::File {
            path: self.path.clone(),
            line: self.line_of(span),
        }
    }

    /// Sets the severities of `[severity]` and `[severity.evidence]` on the
    /// rule set, each recorded as an override at the line of its key (`icp
    /// explain` names it). A rule id the rule set does not know is an error
    /// that points at it.
    pub fn apply_severity(&self, rules: &mut RuleSet) -> Result<(), ConfigError> {
        let file: std::sync::Arc<str> = std::sync::Arc::from(self.path.display().to_string());
        let mut problems = Vec::new();
        for o in &self.evidence {
            let origin = crate::rules::Origin {
                file: file.clone(),
                line: u64::try_from(self.line_of(&o.class.span)).unwrap_or(u64::MAX),
                province: None,
            };
            rules.set_class_severity(o.class.value, o.severity.value, origin);
        }
        for o in &self.severity {
            let origin = crate::rules::Origin {
                file: file.clone(),
                line: u64::try_from(self.line_of(&o.rule.span)).unwrap_or(u64::MAX),
                province: None,
            };
            if crate::rules::FILE_LEVEL.contains(&o.rule.value.as_str())
                && o.severity.value != Severity::Error
            {
                let id = &o.rule.value;
                problems.push(Problem {
                    code: "config-file-level",
                    span: Some(o.severity.span.clone()),
                    message: Text::new(
                        format!("{id} 关乎整个文件，级别只能是 error"),
                        format!("{id} is about the file as a whole: its severity can only be error"),
                    ),
                    help: Some(Text::new(
                        "文件读不出来（过大、不是 UTF-8、TOML 语法错误）时其他规则都无法运行，这样的文件不能通过；请删除这一行。",
                        "When a file cannot be read (too large, not UTF-8, invalid TOML) no other rule runs, so such a file never passes: remove this line.",
                    )),
                });
                continue;
            }
            let Err(UnknownRule(id)) = rules.set_severity(&o.rule.value, o.severity.value, origin)
            else {
                continue;
            };
            let suggestion = crate::suggest::closest(&id, rules.ids());
            // A class of evidence written where rule ids go.
            let help = match Basis::class(&id) {
                Some(_) => Text::new(
                    format!("{id} 是依据类别，不是规则：请写在 [severity.evidence] 之下。"),
                    format!(
                        "{id} is a class of evidence, not a rule: put it under [severity.evidence]."
                    ),
                ),
                None => with_suggestion(
                    suggestion,
                    "全部规则编号见 icp rules list。",
                    "icp rules list lists every rule id.",
                ),
            };
            problems.push(Problem {
                code: "config-unknown-rule",
                span: Some(o.rule.span.clone()),
                message: Text::new(
                    format!("没有这条规则：{id}"),
                    format!("there is no rule {id}"),
                ),
                help: Some(help),
            });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError {
                path: self.path.clone(),
                text: self.text.clone(),
                problems,
            })
        }
    }

    /// Whether an `exclude` pattern matches a filing (or a directory above
    /// it, up to this file's directory). `file` is as given on the command
    /// line or found by walking, relative to `cwd`. A file outside this
    /// file's directory is never excluded.
    pub fn excludes(&self, file: &Path, cwd: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let absolute = normalize(&cwd.join(file));
        let relative = match absolute.strip_prefix(&self.dir) {
            Ok(r) => r.to_path_buf(),
            // A symlinked directory on the way (macOS's /tmp): compare the
            // real paths.
            Err(_) => match (absolute.canonicalize(), self.dir.canonicalize()) {
                (Ok(a), Ok(d)) => match a.strip_prefix(&d) {
                    Ok(r) => r.to_path_buf(),
                    Err(_) => return false,
                },
                _ => return false,
            },
        };
        relative
            .ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .any(|p| self.globs.is_match(p))
    }
}

/// A path with `.` and `..` resolved by its text alone (symlinks are not
/// followed: the path need not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<ConfigFile, ConfigError> {
        parse(Path::new("/p/icp.toml"), text.to_owned())
    }

    #[test]
    fn every_key() {
        let f = parsed(
            "rules_dir = \"house\"\nlang = \"en\"\ndeny_warnings = true\nexclude = [\"drafts/**\"]\n\n[severity]\naddress-house-number = \"off\"\n",
        )
        .unwrap();
        assert_eq!(f.rules_dir.unwrap().value, Path::new("/p/house"));
        assert_eq!(f.lang.unwrap().value, Lang::En);
        assert!(f.deny_warnings.unwrap().value);
        assert_eq!(f.severity[0].rule.value, "address-house-number");
        assert_eq!(f.severity[0].severity.value, Severity::Off);
    }

    #[test]
    fn problems_point_into_the_file() {
        let text =
            "lang = \"fr\"\ndeny_warning = true\nexclude = \"x\"\n[severity]\na = \"warn\"\n";
        let e = parsed(text).unwrap_err();
        let codes: Vec<(&str, &str)> = e
            .problems
            .iter()
            .map(|p| (p.code, &text[p.span.clone().unwrap()]))
            .collect();
        assert_eq!(
            codes,
            [
                ("config-invalid-value", "\"fr\""),
                ("config-unknown-key", "deny_warning"),
                ("config-wrong-type", "\"x\""),
                ("config-invalid-value", "\"warn\""),
            ]
        );
        assert!(
            e.problems[1]
                .help
                .as_ref()
                .unwrap()
                .en
                .contains("deny_warnings")
        );
        assert!(e.problems[3].help.as_ref().unwrap().en.contains("warning"));
    }

    #[test]
    fn overrides_keep_their_lines() {
        let f = parsed("lang = \"zh\"\n\n[severity]\n# comment\naddress-house-number = \"off\"\n")
            .unwrap();
        let mut rules = RuleSet::builtin().unwrap();
        f.apply_severity(&mut rules).unwrap();
        let overrides = rules.overrides("address-house-number");
        let last = overrides.last().unwrap();
        assert_eq!((&*last.file, last.line), ("/p/icp.toml", 5));
        let view = rules.view(None);
        let rule = view.get("address-house-number").unwrap();
        assert!(rule.variants.iter().all(|v| v.severity() == Severity::Off));
        // An id no rule file defines points at its key.
        let f = parsed("[severity]\nfoo-bar = \"off\"\n").unwrap();
        let e = f.apply_severity(&mut rules).unwrap_err();
        assert_eq!(e.problems[0].code, "config-unknown-rule");
        assert_eq!(&f.text[e.problems[0].span.clone().unwrap()], "foo-bar");
    }

    #[test]
    fn exclude_matches_relative_to_the_file() {
        let f = parsed("exclude = [\"drafts/**\", \"old\", \"*.tmp.filing.toml\"]\n").unwrap();
        let cwd = Path::new("/p/clients");
        assert!(f.excludes(Path::new("../drafts/a/filing.toml"), cwd));
        assert!(f.excludes(Path::new("/p/old/x/filing.toml"), cwd));
        assert!(f.excludes(Path::new("/p/a.tmp.filing.toml"), cwd));
        // `*` does not cross directories.
        assert!(!f.excludes(Path::new("acme/a.tmp.filing.toml"), cwd));
        assert!(!f.excludes(Path::new("acme/filing.toml"), cwd));
        assert!(!f.excludes(Path::new("/elsewhere/drafts/filing.toml"), cwd));
    }
}
