//! Findings: what the rules report, as typed values. Reporters turn them into
//! text; nothing here formats a message.
//!
//! A finding carries the [`RuleMeta`] of the rule that fired, not the rule
//! itself: this module depends on nothing of the rule engine, and neither do
//! the reporters that render findings.

mod meta;

use std::sync::Arc;

use serde::Serialize;

use crate::Lang;
use crate::lang::Text;

pub use meta::{
    Basis, Confidence, Evidence, KindName, OLD_UNTIL_YEAR, Origin, RuleMeta, Source, SourceKind,
};

/// A byte range in a filing's text (the loader's `filing::Span`, named here
/// so that findings depend on nothing else of the crate's).
pub type Span = std::ops::Range<usize>;

/// Values for a message's `{placeholders}`.
pub type Args = Vec<(&'static str, Arg)>;

/// The value of a placeholder, as a finding holds it: language-neutral.
/// Most values read the same in every language (a number, a date, a value
/// as the filing writes it); a word of the tool's own (a choice's label, a
/// province's name, the kind of an IP address) has one text per language,
/// and the reporter picks the one of `--lang` when it renders the finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// The same text in every language.
    Plain(String),
    /// A text in each language.
    Words(Text),
}

impl Arg {
    /// The text in a language.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Arg::Plain(s) => s,
            Arg::Words(t) => t.get(lang),
        }
    }

    /// Every text it holds (one, or one per language), to be changed in
    /// place (masking).
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Arg::Plain(s) => vec![s],
            Arg::Words(t) => vec![&mut t.zh, &mut t.en],
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Plain(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Plain(s.to_owned())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Words(t)
    }
}

impl PartialEq<&str> for Arg {
    /// A plain value equal to the text (tests compare values so).
    fn eq(&self, other: &&str) -> bool {
        matches!(self, Arg::Plain(s) if s == other)
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Disabled: the rule does not run.
    Off,
    /// For information only.
    Info,
    /// Should be fixed; fails only under `--deny-warnings`.
    Warning,
    /// The filing would be rejected.
    Error,
}

impl Severity {
    /// Parses the rule-file spelling.
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            "off" => Severity::Off,
            _ => return None,
        })
    }

    /// The spelling in rule files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Off => "off",
        }
    }
}

/// A problem found before any rule ran (by the loader), named by rule id.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// The id of the rule that describes it.
    pub rule: &'static str,
    /// Where, when known.
    pub span: Option<Span>,
    /// The field path.
    pub path: String,
    /// Placeholder values.
    pub args: Args,
}

impl Issue {
    /// An issue.
    pub fn new(
        rule: &'static str,
        span: Option<Span>,
        path: impl Into<String>,
        args: Args,
    ) -> Self {
        Issue {
            rule,
            span,
            path: path.into(),
            args,
        }
    }
}

/// One finding of one rule about one place in a filing.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The rule that fired, as it applies to this filing (message, help,
    /// sources, severity).
    pub rule: Arc<RuleMeta>,
    /// The span in the filing; `None` for findings about the whole file.
    pub span: Option<Span>,
    /// The dotted field path.
    pub path: String,
    /// Placeholder values for the message.
    pub args: Args,
    /// Values of the facts the message names (`{subject.city}`).
    pub facts: Vec<(String, Arg)>,
    /// What `icp fix` would write instead of the value at `span`: the value
    /// in canonical spelling, when the rule declares a fix and it applies.
    pub fix: Option<String>,
}

impl Finding {
    /// Every placeholder value in a language, for filling in message and
    /// help.
    pub fn placeholders(&self, lang: Lang) -> Vec<(&str, String)> {
        self.args
            .iter()
            .map(|(k, v)| (*k, v.get(lang).to_owned()))
            .chain(
                self.facts
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.get(lang).to_owned())),
            )
            .collect()
    }

    /// The severity (the rule's).
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }

    /// The rule id.
    pub fn id(&self) -> &str {
        &self.rule.id
    }

    /// The message in a language, its placeholders filled in.
    pub fn message(&self, lang: Lang) -> String {
        crate::lang::fill(self.rule.message.get(lang), &self.placeholders(lang))
    }

    /// Whether `icp fix` repairs it.
    pub fn fixable(&self) -> bool {
        self.fix.is_some()
    }

    /// The help in a language, its placeholders filled in.
    pub fn help(&self, lang: Lang) -> String {
        crate::lang::fill(self.rule.help.get(lang), &self.placeholders(lang))
    }
}
