//! The two languages every user-facing text exists in.
//!
//! Rule messages carry both languages in the rule files ([`Text`]); the few
//! texts that belong to the tool itself (report headers, summaries, CLI errors)
//! live in [`crate::i18n`].

use serde::{Deserialize, Serialize};

/// Output language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Simplified Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Parses `zh`, `en` and locale strings such as `zh_CN.UTF-8` or `en-US`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") || s == "c" || s == "posix" || s.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from the environment, as docs/commands.md orders it: `ICP_LANG`,
    /// else Chinese when `LC_ALL`/`LANG` starts with `zh`, else English.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = get("ICP_LANG").as_deref().and_then(Lang::parse) {
            return lang;
        }
        for var in ["LC_ALL", "LANG"] {
            if let Some(value) = get(var).filter(|v| !v.is_empty()) {
                return if value.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    /// The code used on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// One of a fixed text's two spellings, for words of a page's layout
    /// (headings, column names) written beside the code that lays it out.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A text in both languages, as written in the rule files:
/// `message: { zh: "…", en: "…" }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Both languages at once.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Replaces `{name}` placeholders in `template` with `args`; unknown
/// placeholders are left as written so a typo in a rule file stays visible.
///
/// An optional group `{?…?}` is kept only when every placeholder inside it has
/// a value, not empty: `{?Did you mean {suggestion}??}` disappears when there
/// is no suggestion.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    if !template.contains('{') {
        return template.to_owned();
    }
    if let Some(start) = template.find("{?") {
        if let Some(len) = template[start + 2..].find("?}") {
            let inner = &template[start + 2..start + 2 + len];
            let rest = &template[start + 2 + len + 2..];
            let keep = placeholders(inner)
                .all(|name| args.iter().any(|(k, v)| *k == name && !v.is_empty()));
            let mut out = fill_plain(&template[..start], args);
            if keep {
                out.push_str(&fill_plain(inner, args));
            }
            out.push_str(&fill(rest, args));
            return out;
        }
    }
    fill_plain(template, args)
}

/// A template as a text about no finding in particular (SARIF's rule
/// descriptions, a rule named without its findings): optional groups drop
/// out, and any other placeholder, which only a finding could fill in,
/// reads "…".
pub fn generic(template: &str) -> String {
    let without_groups = fill(template, &[]);
    let names: Vec<(&str, String)> = placeholders(&without_groups)
        .map(|name| (name, "…".to_owned()))
        .collect();
    fill(&without_groups, &names)
}

/// The placeholder names in a text, inside optional groups or not: what
/// follows a `{` up to the next `}`, when no other `{` comes first.
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(open) = text[at..].find('{') {
            let start = at + open + 1;
            let end = text[start..]
                .find(['{', '}'])
                .map_or(text.len(), |n| start + n);
            at = end;
            if text[end..].starts_with('}') {
                at += 1;
                let name = &text[start..end];
                if is_placeholder(name) {
                    return Some(name);
                }
            }
        }
        None
    })
}

fn fill_plain(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if is_placeholder(&after[..end]) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_placeholder(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("ICP_LANG", "zh"), ("LC_ALL", "en_US")])),
            Lang::Zh
        );
    }

    #[test]
    fn placeholders() {
        let args = [("max", "10".to_string()), ("value", "12".to_string())];
        assert_eq!(fill("{value} > {max}", &args), "12 > 10");
        assert_eq!(fill("{unknown} {", &args), "{unknown} {");
        assert_eq!(
            fill("{ not a placeholder }", &args),
            "{ not a placeholder }"
        );
        assert_eq!(fill("无占位符", &args), "无占位符");
        assert_eq!(fill("a{? ({max})?} b", &args), "a (10) b");
        assert_eq!(fill("a{? ({nope})?} b", &args), "a b");
        assert_eq!(fill("{?x {max}?}{?y {nope}?}!", &args), "x 10!");
        let empty = [("none", String::new())];
        assert_eq!(fill("a{? ({none})?} b", &empty), "a b");
    }

    #[test]
    fn generic_texts_show_no_placeholder() {
        assert_eq!(generic("写作 {fixed}。"), "写作 …。");
        assert_eq!(generic("域名写作小写{?：{fixed}?}。"), "域名写作小写。");
        assert_eq!(generic("{ kind = \"x\" }"), "{ kind = \"x\" }");
    }

    #[test]
    fn placeholder_names() {
        let names: Vec<&str> =
            super::placeholders("{?是否应为 {a}？?}{b.c} { d } {{e}} {f").collect();
        assert_eq!(names, ["a", "b.c", "e"]);
    }
}
