//! `icp config` (the settings in force and where each came from) and the
//! errors of a broken `icp.toml` (miette diagnostics pointing into it).

use std::path::{Component, Path, PathBuf};

use miette::MietteDiagnostic;
use unicode_width::UnicodeWidthStr;

use super::human::{Style, handler, render_at};
use super::snippet::{escape, escape_lines};
use crate::Lang;
use crate::config::{Choice, ConfigError, Origin, Settings};

fn origin(o: &Origin, lang: Lang) -> String {
    match (o, lang) {
        (Origin::Flag(flag), Lang::Zh) => format!("命令行 {flag}"),
        (Origin::Flag(flag), Lang::En) => format!("flag {flag}"),
        (Origin::Env(var), Lang::Zh) => format!("环境变量 {var}"),
        (Origin::Env(var), Lang::En) => format!("environment {var}"),
        (Origin::File { path, line }, _) => format!("{}:{line}", path.display()),
        (Origin::Locale(var), Lang::Zh) => format!("区域设置 {var}"),
        (Origin::Locale(var), Lang::En) => format!("locale {var}"),
        (Origin::Default, Lang::Zh) => "默认".to_owned(),
        (Origin::Default, Lang::En) => "default".to_owned(),
    }
}

/// The settings in force, one line each: key, value, where it came from.
pub fn render(settings: &Settings, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let cwd = settings.cwd.display();
    let file = settings.file.as_ref().map(|f| f.path.display().to_string());
    let file = file.as_deref().unwrap_or("");
    let head = match (settings.choice, zh) {
        (Choice::Found, true) => format!("配置文件：{file}（从 {cwd} 向上找到的最近一个）"),
        (Choice::Found, false) => {
            format!("configuration file: {file} (the nearest icp.toml from {cwd} up)")
        }
        (Choice::Flag, true) => format!("配置文件：{file}（--config）"),
        (Choice::Flag, false) => format!("configuration file: {file} (--config)"),
        (Choice::Disabled, true) => "配置文件：不读取（--no-config）".to_owned(),
        (Choice::Disabled, false) => "configuration file: none (--no-config)".to_owned(),
        (Choice::NotFound, true) => format!("配置文件：无（{cwd} 及其上级目录中没有 icp.toml）"),
        (Choice::NotFound, false) => {
            format!("configuration file: none (no icp.toml in {cwd} or above)")
        }
    };
    let none = if zh { "（无）" } else { "(none)" };
    let mut rows: Vec<[String; 3]> = vec![[
        if zh { "设置" } else { "setting" }.to_owned(),
        if zh { "取值" } else { "value" }.to_owned(),
        if zh { "来源" } else { "from" }.to_owned(),
    ]];
    let (l, o) = &settings.lang;
    rows.push(["lang".into(), l.code().into(), origin(o, lang)]);
    rows.push(match &settings.rules_dir {
        Some((dir, o)) => [
            "rules_dir".into(),
            relative(dir, &settings.cwd).display().to_string(),
            origin(o, lang),
        ],
        None => [
            "rules_dir".into(),
            none.into(),
            origin(&Origin::Default, lang),
        ],
    });
    let (d, o) = &settings.deny_warnings;
    rows.push(["deny_warnings".into(), d.to_string(), origin(o, lang)]);
    let file = settings.file.as_ref();
    let excludes = file.map_or(&[][..], |f| f.exclude.as_slice());
    if excludes.is_empty() {
        rows.push([
            "exclude".into(),
            none.into(),
            origin(&Origin::Default, lang),
        ]);
    }
    for (f, pattern) in file
        .into_iter()
        .flat_map(|f| f.exclude.iter().map(move |p| (f, p)))
    {
        rows.push([
            "exclude".into(),
            pattern.value.clone(),
            origin(&f.origin(&pattern.span), lang),
        ]);
    }
    let overrides = file.map_or(&[][..], |f| f.severity.as_slice());
    let classes = file.map_or(&[][..], |f| f.evidence.as_slice());
    if overrides.is_empty() && classes.is_empty() {
        rows.push([
            "severity".into(),
            none.into(),
            origin(&Origin::Default, lang),
        ]);
    }
    for (f, o) in file
        .into_iter()
        .flat_map(|f| f.severity.iter().map(move |o| (f, o)))
    {
        rows.push([
            format!("severity.{}", o.rule.value),
            o.severity.value.as_str().to_owned(),
            origin(&f.origin(&o.rule.span), lang),
        ]);
    }
    for (f, o) in file
        .into_iter()
        .flat_map(|f| f.evidence.iter().map(move |o| (f, o)))
    {
        rows.push([
            format!("severity.evidence.{}", o.class.value.key()),
            o.severity.value.as_str().to_owned(),
            origin(&f.origin(&o.class.span), lang),
        ]);
    }
    let widths: Vec<usize> = (0..2)
        .map(|i| rows.iter().map(|r| r[i].width()).max().unwrap_or(0))
        .collect();
    let mut out = head + "\n\n";
    for row in &rows {
        for (i, cell) in row.iter().enumerate().take(2) {
            out.push_str(cell);
            out.push_str(&" ".repeat(widths[i] - cell.width() + 2));
        }
        out.push_str(&row[2]);
        out.push('\n');
    }
    out
}

/// Renders what is wrong with a configuration file (exit 2).
pub fn errors(error: &ConfigError, style: Style) -> String {
    let lang = style.lang;
    let name = escape(&error.path.display().to_string()).into_owned();
    let mut out = String::new();
    for p in &error.problems {
        let mut diag = MietteDiagnostic::new(escape_lines(p.message.get(lang)).into_owned())
            .with_code(p.code)
            .with_severity(miette::Severity::Error);
        if let Some(help) = &p.help {
            diag = diag.with_help(help.get(lang).to_owned());
        }
        let rendered = match &p.span {
            Some(span) if !error.text.is_empty() => {
                render_at(style, diag, &name, &error.text, span.clone())
            }
            _ => {
                diag.message = format!("{name}: {}", diag.message);
                let mut text = String::new();
                handler(style)
                    .render_report(&mut text, &diag)
                    .map(|()| text)
            }
        };
        match rendered {
            Ok(text) => out.push_str(&text),
            Err(_) => out.push_str(&format!("{name}: {}\n", escape_lines(p.message.get(lang)))),
        }
    }
    out
}

/// A path as seen from `base` (`../house-rules`), as a user would type it
/// there; unchanged when it is relative already or on another root.
fn relative(path: &Path, base: &Path) -> PathBuf {
    if !path.is_absolute() || !base.is_absolute() {
        return path.to_path_buf();
    }
    let (mut p, mut b) = (path.components().peekable(), base.components().peekable());
    if p.peek() != b.peek() {
        return path.to_path_buf();
    }
    while let (Some(x), Some(y)) = (p.peek(), b.peek()) {
        if x != y {
            break;
        }
        p.next();
        b.next();
    }
    let mut out: PathBuf = b.map(|_| Component::ParentDir).collect();
    out.extend(p);
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_from_the_current_directory() {
        let r = |p: &str, b: &str| relative(Path::new(p), Path::new(b));
        assert_eq!(r("/p/house", "/p/clients"), Path::new("../house"));
        assert_eq!(r("/p/clients/x", "/p/clients"), Path::new("x"));
        assert_eq!(r("/p", "/p"), Path::new("."));
        assert_eq!(r("rules", "/p"), Path::new("rules"));
    }
}
