//! The command line, defined once: help, completions and the man page all
//! come from these types.

use std::path::PathBuf;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};
use jiff::civil::Date;

/// icp — 离线准备和检查 ICP 备案 / prepare and validate China ICP filings offline.
#[derive(Debug, Parser)]
#[command(name = "icp", version, about, long_about = None)]
pub struct Cli {
    /// 输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// 彩色输出 / coloured output (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// 额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]
    #[arg(long, global = true, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub rules: Option<PathBuf>,

    /// 判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing's prepared_on, else today]
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date, value_hint = ValueHint::Other)]
    pub today: Option<Date>,

    /// 项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config", value_hint = ValueHint::FilePath)]
    pub config: Option<PathBuf>,

    /// 不读取 icp.toml / ignore icp.toml
    #[arg(long, global = true)]
    pub no_config: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查备案文件或目录 / validate filing files and directories
    Validate(ValidateArgs),
    /// 就地修正机械性错误（全角数字、电话和日期写法等），保留注释和排版 / repair mechanical mistakes in place (full-width digits, phone and date spellings…), comments and layout kept
    Fix(FixArgs),
    /// 全部客户的备案总览：状态、即将到期、跨备案问题 / the whole book of filings: status, what expires soon, conflicts across filings
    Report(ReportArgs),
    /// 比较备案文件的两个版本：改了什么、需办理什么 / compare two versions of a filing: what changed, which filing the change needs
    Diff(DiffArgs),
    /// 规则列表与各省要求 / the rule set: list every rule, or show a province's
    #[command(subcommand)]
    Rules(RulesCommand),
    /// 一条规则的完整说明 / one rule in full: what, why, how to fix, source
    Explain(ExplainArgs),
    /// 备案材料清单 / the documents a filing needs and which are missing; or, with --province, what a province asks
    Checklist(ChecklistArgs),
    /// 交互式填写新备案 / write a new filing by answering questions (or a template with --template)
    New(NewArgs),
    /// 生效的配置及每项的来源 / the configuration in force and where each value came from
    Config,
    /// 备案文件格式的 JSON Schema，供编辑器使用 / the JSON Schema of the filing format, for editors (taplo, VS Code)
    Schema,
    /// shell 补全脚本；--dir 写入全部脚本和手册页 / a shell completion script; with --dir, every script and the man pages
    Completions(CompletionsArgs),
}

/// `icp completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// 要输出补全脚本的 shell / the shell to print a completion script for
    #[arg(
        value_name = "SHELL",
        required_unless_present = "dir",
        conflicts_with = "dir"
    )]
    pub shell: Option<clap_complete::Shell>,

    /// 把五种 shell 的补全脚本和手册页写入该目录 / write the scripts for all five shells and the man pages into DIR
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

/// `icp new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// 要写入的文件（- 表示标准输出，仅限 --template）/ the file to write (- for stdout, with --template)
    #[arg(value_name = "FILE", default_value = "filing.toml", value_hint = ValueHint::FilePath)]
    pub file: PathBuf,

    /// 覆盖已存在的文件 / replace the file if it exists
    #[arg(long)]
    pub force: bool,

    /// 不提问，写一份带注释的模板 / write a commented template, no questions asked
    #[arg(long)]
    pub template: bool,

    /// 与 --template 一起：省份 / with --template: the province
    #[arg(long, value_name = "PROVINCE", value_parser = province_parser(), hide_possible_values = true, requires = "template")]
    pub province: Option<&'static icp::data::Province>,

    /// 与 --template 一起：主办单位性质（默认企业）/ with --template: the nature [default: enterprise]
    #[arg(long, value_name = "NATURE", value_parser = nature_parser(), hide_possible_values = true, requires = "template")]
    pub nature: Option<icp::filing::Nature>,

    /// 与 --template 一起：备案类型（默认首次备案）/ with --template: the filing type [default: new]
    #[arg(long = "type", value_name = "TYPE", value_parser = filing_type_parser(), hide_possible_values = true, requires = "template")]
    pub filing_type: Option<icp::filing::FilingType>,
}

/// `icp checklist`.
#[derive(Debug, Args)]
pub struct ChecklistArgs {
    /// 备案文件 / the filing
    #[arg(
        value_name = "FILE",
        value_hint = ValueHint::FilePath,
        required_unless_present = "province",
        conflicts_with = "province"
    )]
    pub file: Option<PathBuf>,

    /// 不看备案文件，列出该省的要求 / without a filing: what this province asks
    #[arg(long, value_name = "PROVINCE", value_parser = province_parser(), hide_possible_values = true)]
    pub province: Option<&'static icp::data::Province>,

    /// 与 --province 一起：主办单位性质（默认个人和企业）/ with --province: the nature [default: personal and enterprise]
    #[arg(long, value_name = "NATURE", value_parser = nature_parser(), hide_possible_values = true, requires = "province")]
    pub nature: Option<icp::filing::Nature>,

    /// 与 --province 一起：备案类型 / with --province: the filing type
    #[arg(long = "type", value_name = "TYPE", value_parser = filing_type_parser(), hide_possible_values = true, requires = "province")]
    pub filing_type: Option<icp::filing::FilingType>,

    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = ChecklistFormat::Table)]
    pub format: ChecklistFormat,

    /// 隐去文件名中的身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses (in scan file names)
    #[arg(long)]
    pub redact: bool,
}

/// `icp checklist --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChecklistFormat {
    /// 终端表格 / a table for the terminal
    Table,
    /// 带复选框的 Markdown 页面，可发给客户 / a Markdown page with checkboxes, to send to a client
    Markdown,
    /// 带复选框的独立 HTML 页面，可打印给客户 / one self-contained HTML page with checkboxes, to print for a client
    Html,
    /// JSON（供脚本使用）/ JSON
    Json,
}

/// `icp rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// 列出所有规则 / every rule with its severity, scope, dates and source
    List(RulesListArgs),
    /// 某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client
    Show(RulesShowArgs),
}

/// `icp rules list`.
#[derive(Debug, Args)]
pub struct RulesListArgs {
    /// 只列出该省适用的规则 / only the rules in force in this province (code, name or abbreviation)
    #[arg(long, value_name = "PROVINCE", value_parser = province_parser(), hide_possible_values = true)]
    pub province: Option<&'static icp::data::Province>,

    /// 只列出适用于该性质的规则 / only rules that can apply to this nature
    #[arg(long, value_name = "NATURE", value_parser = nature_parser(), hide_possible_values = true)]
    pub nature: Option<icp::filing::Nature>,

    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// `icp rules show`.
#[derive(Debug, Args)]
pub struct RulesShowArgs {
    /// 省份：代码、名称或简称 / the province: code (gd), name (广东省) or abbreviation (粤)
    #[arg(value_name = "PROVINCE", value_parser = province_parser(), hide_possible_values = true)]
    pub province: &'static icp::data::Province,

    /// 列出全部规则（含编号和校验细节），而不只是客户需要知道的 / every rule, with its id and the checks' mechanics, not only what a client must know
    #[arg(long)]
    pub all: bool,
}

/// `icp explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// 规则编号 / the rule id, e.g. phone-area-mismatch
    #[arg(value_name = "RULE", value_parser = rule_id_parser(), hide_possible_values = true)]
    pub rule: String,

    /// 按该省的规定说明 / as the rule applies in this province
    #[arg(long, value_name = "PROVINCE", value_parser = province_parser(), hide_possible_values = true)]
    pub province: Option<&'static icp::data::Province>,
}

/// `icp rules list --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// 终端表格 / a table for the terminal
    Table,
    /// JSON（供脚本使用）/ JSON
    Json,
    /// Markdown 表格 / a Markdown table
    Markdown,
}

/// `icp validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// 备案文件或目录（默认当前目录）/ filing files or directories [default: .]
    #[arg(value_name = "PATH", value_hint = ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,

    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    /// 把 --format 的机器格式写入此文件，终端仍显示易读的报告 / write the --format machine format to this file; the terminal still gets the human report
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// 警告也视为失败 / warnings also fail (exit 1) [default: deny_warnings of icp.toml]
    #[arg(long, overrides_with = "no_deny_warnings")]
    pub deny_warnings: bool,

    /// 警告不视为失败（覆盖 icp.toml）/ warnings do not fail, whatever icp.toml says
    #[arg(long, overrides_with = "deny_warnings")]
    pub no_deny_warnings: bool,

    /// 隐去身份证号、电话号码和电子邮箱（所有输出格式）/ mask ID numbers, phone numbers and e-mail addresses in every output, e.g. 4403**********123X
    #[arg(long)]
    pub redact: bool,

    /// 汇总表列出所有文件，而不只是未通过的 / the summary table of a batch lists every file, not only those that failed
    #[arg(long, short = 'v')]
    pub verbose: bool,

    /// 没有找到备案文件（空目录）时不报错 / finding no filing (an empty directory) is not an error
    #[arg(long)]
    pub allow_empty: bool,
}

/// `icp fix`.
#[derive(Debug, Args)]
pub struct FixArgs {
    /// 备案文件或目录（默认当前目录）/ filing files or directories [default: .]
    #[arg(value_name = "PATH", value_hint = ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,

    /// 只显示统一格式的差异，不写入 / print a unified diff of the repairs and write nothing
    #[arg(long, conflicts_with = "check")]
    pub diff: bool,

    /// 不写入；有可修正的内容时以 1 退出 / write nothing; exit 1 when anything would change
    #[arg(long)]
    pub check: bool,

    /// 修正后的检查中警告也视为失败 / warnings left after the repairs also fail (exit 1) [default: deny_warnings of icp.toml]
    #[arg(long, overrides_with = "no_deny_warnings")]
    pub deny_warnings: bool,

    /// 警告不视为失败（覆盖 icp.toml）/ warnings do not fail, whatever icp.toml says
    #[arg(long, overrides_with = "deny_warnings")]
    pub no_deny_warnings: bool,
}

/// `icp report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// 备案文件或目录（默认当前目录）/ filing files or directories [default: .]
    #[arg(value_name = "PATH", value_hint = ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,

    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,

    /// 列出判断日期起多少天内到期的证件和域名 / list IDs, certificates and domains that expire within this many days of the as-of date
    #[arg(long, value_name = "DAYS", default_value_t = 90, value_parser = clap::value_parser!(u32).range(0..=36600))]
    pub within: u32,

    /// 隐去身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses
    #[arg(long)]
    pub redact: bool,

    /// 把报告写入此文件（原子写入，替换已有文件），而不是标准输出 / write the report to this file (atomically, replacing it) instead of stdout
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output_file: Option<PathBuf>,
}

/// `icp diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// 旧版本和新版本；与 --rev 一起：要比较的文件，不给则比较自该版本以来改动的全部备案文件 / the old and the new version; with --rev, the files to compare (none: every filing changed since REV)
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub files: Vec<PathBuf>,

    /// 与该 git 版本中的同一文件比较（git show REV:FILE）/ compare each FILE with its version at this git revision (git show REV:FILE)
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,

    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// 隐去身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses
    #[arg(long)]
    pub redact: bool,
}

/// `icp diff --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// 终端文本 / text for the terminal
    Human,
    /// Markdown 页面，可发给客户 / a Markdown page, to send to a client
    Markdown,
    /// JSON（供脚本使用）/ JSON
    Json,
}

/// `icp report --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// 终端表格 / tables for the terminal
    Table,
    /// Markdown 页面 / a Markdown page
    Markdown,
    /// JSON（供脚本使用）/ JSON
    Json,
    /// 备案文件表的 CSV，用于电子表格 / the table of filings as CSV, for a spreadsheet
    Csv,
    /// 带到期时间线的独立 HTML 页面 / one self-contained HTML page with an expiry timeline
    Html,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    /// 中文 / Chinese
    Zh,
    /// 英文 / English
    En,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// 输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset
    Auto,
    /// 总是彩色 / always colour
    Always,
    /// 从不彩色 / never colour
    Never,
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// 易读的诊断，多个文件时附文件表 / miette diagnostics, and a table of files for several
    Human,
    /// 每个问题一行：文件:行:列: 级别 规则 说明 / one line per finding: file:line:col: severity rule message
    Concise,
    /// 一个 JSON 文档，供脚本使用 / one JSON document, for scripts
    Json,
    /// SARIF 2.1.0，用于代码扫描 / SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions 工作流命令（注释）/ GitHub Actions workflow commands (annotations)
    Github,
}

/// A value parser that also lists the values shells complete. Clap only
/// shows these values (in help, completions and the man page); the wrapped
/// parser still decides what is accepted, so a province may also be written
/// 广东省 or 粤 although completion offers `gd`.
#[derive(Clone)]
struct Completing<P> {
    parser: P,
    values: fn() -> Vec<PossibleValue>,
}

impl<P: TypedValueParser> TypedValueParser for Completing<P> {
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        self.parser.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.values)().into_iter()))
    }
}

type ParseFn<T> = fn(&str) -> Result<T, BadValue>;

/// Province arguments complete the 31 codes, each with its name.
fn province_parser() -> Completing<ParseFn<&'static icp::data::Province>> {
    Completing {
        parser: parse_province,
        values: || {
            icp::data::provinces()
                .iter()
                .filter(|p| p.mainland)
                .map(|p| PossibleValue::new(p.code).help(icp::schema::province_label(p)))
                .collect()
        },
    }
}

fn nature_parser() -> Completing<ParseFn<icp::filing::Nature>> {
    Completing {
        parser: parse_nature,
        values: vocabulary_values::<icp::filing::Nature>,
    }
}

fn filing_type_parser() -> Completing<ParseFn<icp::filing::FilingType>> {
    Completing {
        parser: parse_filing_type,
        values: vocabulary_values::<icp::filing::FilingType>,
    }
}

/// The English keys of a vocabulary, each with its labels.
fn vocabulary_values<V: icp::filing::Vocabulary>() -> Vec<PossibleValue> {
    V::ALL
        .iter()
        .map(|v| PossibleValue::new(v.key()).help(format!("{} / {}", v.zh(), v.en())))
        .collect()
}

/// `explain RULE` completes the ids of the built-in rules (rules of a
/// `--rules` directory are not known when the scripts are generated); any id
/// is accepted and an unknown one gets "did you mean".
fn rule_id_parser() -> Completing<StringValueParser> {
    Completing {
        parser: StringValueParser::new(),
        values: || {
            // Loaded only when help, completions or the man page ask.
            let Ok(rules) = icp::rules::RuleSet::builtin() else {
                return Vec::new();
            };
            let mut ids: Vec<String> = rules.ids().map(str::to_owned).collect();
            ids.sort();
            ids.into_iter().map(PossibleValue::new).collect()
        },
    }
}

/// A value the command line cannot take, said in both languages: clap
/// prints the English, `usage` the Chinese.
#[derive(Debug)]
pub struct BadValue(pub icp::lang::Text);

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for BadValue {}

fn parse_province(s: &str) -> Result<&'static icp::data::Province, BadValue> {
    icp::data::find_province(s).ok_or_else(|| {
        BadValue(icp::lang::Text::new(
            format!("不是省份（代码如 gd，名称如 广东省，或简称如 粤）：{s}"),
            format!("not a province (a code such as gd, a name such as 广东省, or an abbreviation such as 粤): {s}"),
        ))
    })
}

/// "not a nature: foo (one of …)", for a vocabulary's values.
fn not_one_of<V: icp::filing::Vocabulary>(s: &str, all: &[V], zh: &str, en: &str) -> BadValue {
    let zh_values: Vec<String> = all
        .iter()
        .map(|v| format!("{}（{}）", v.key(), v.zh()))
        .collect();
    let en_values: Vec<String> = all
        .iter()
        .map(|v| format!("{} ({})", v.key(), v.zh()))
        .collect();
    BadValue(icp::lang::Text::new(
        format!("不是{zh}：{s}（可选：{}）", zh_values.join("、")),
        format!("not a {en}: {s} (one of {})", en_values.join(", ")),
    ))
}

fn parse_nature(s: &str) -> Result<icp::filing::Nature, BadValue> {
    use icp::filing::Vocabulary;
    let all = icp::filing::Nature::ALL;
    icp::filing::Nature::parse(s).ok_or_else(|| not_one_of(s, all, "主体性质", "nature"))
}

fn parse_filing_type(s: &str) -> Result<icp::filing::FilingType, BadValue> {
    use icp::filing::Vocabulary;
    let all = icp::filing::FilingType::ALL;
    icp::filing::FilingType::parse(s).ok_or_else(|| not_one_of(s, all, "备案类型", "filing type"))
}

fn parse_date(s: &str) -> Result<Date, BadValue> {
    s.trim().parse::<Date>().map_err(|_| {
        BadValue(icp::lang::Text::new(
            format!("不是日期（年-月-日，如 2026-11-28）：{s}"),
            format!("not a date (YYYY-MM-DD): {s}"),
        ))
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Every value's help line (`--format table`: …) is given in both
    /// languages (`中文 / English`), as the flags' are: `--help` is read
    /// under either.
    #[test]
    fn every_help_and_value_is_bilingual() {
        fn bilingual(text: &str) -> bool {
            text.split_once("/ ").is_some_and(|(zh, en)| {
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    && en.chars().any(|c| c.is_ascii_alphabetic())
            })
        }
        fn walk(cmd: &clap::Command, bad: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                for value in arg.get_possible_values() {
                    let help = value
                        .get_help()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    // Values without a help (booleans, rule ids) say nothing
                    // to translate.
                    if !help.is_empty() && !bilingual(&help) {
                        bad.push(format!(
                            "{} --{:?} {}: {help:?}",
                            cmd.get_name(),
                            arg.get_id(),
                            value.get_name()
                        ));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, bad);
            }
        }
        let mut bad = Vec::new();
        walk(&super::Cli::command(), &mut bad);
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
