//! The command line, defined once: help, completions and the man page all
//! come from these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

/// icp — 离线准备和检查 ICP 备案 / prepare and validate China ICP filings offline.
#[derive(Debug, Parser)]
#[command(name = "icp", version, about, long_about = None)]
pub struct Cli {
    /// 输出语言 / output language [default: ICP_LANG, else zh when LC_ALL/LANG is zh*, else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// 彩色输出 / coloured output (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// 额外或覆盖的规则文件目录 / directory of extra or overriding rule files
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// 判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing's prepared_on, else today]
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查备案文件或目录 / validate filing files and directories
    Validate(ValidateArgs),
}

/// `icp validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// 备案文件或目录（默认当前目录）/ filing files or directories [default: .]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    /// 警告也视为失败 / warnings also fail (exit 1)
    #[arg(long)]
    pub deny_warnings: bool,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// colour when writing to a terminal and NO_COLOR is unset
    Auto,
    /// always colour
    Always,
    /// never colour
    Never,
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// miette diagnostics
    Human,
    /// one JSON document (SPEC §4)
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.trim()
        .parse::<Date>()
        .map_err(|_| format!("not a date (YYYY-MM-DD): {s}"))
}
