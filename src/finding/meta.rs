//! What a finding knows about the rule that fired: its id, severity, texts,
//! sources and where it was defined. Reporters need nothing more to render a
//! finding; the runnable part of a rule (conditions, scope, kind, dates)
//! stays in [`crate::rules`], which builds one [`RuleMeta`] per resolved
//! variant and shares it with every finding of that variant.
//!
//! Nothing here depends on the rule engine, so a reporter can be tested with
//! a finding built by hand.

use std::sync::Arc;

use crate::data::Province;
use crate::finding::Severity;
use crate::lang::Text;

/// The kinds of rule, by their key in rule files. The one list of them: the
/// rule-file parser, its "missing field" message, the documentation test and
/// the reports all read it, so they cannot drift apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KindName {
    /// `assert`: a condition that must hold.
    Assert,
    /// `require`: fields that must be filled in.
    Require,
    /// `forbid`: fields that must not be given.
    Forbid,
    /// `note`: a note that must contain a phrase or have a length.
    Note,
    /// `words`: words a text must not contain.
    Words,
    /// `limit`: bounds on a number.
    Limit,
    /// `check`: an algorithm applied to fields.
    Check,
    /// `document`: a document that must be declared.
    Document,
    /// `load`: reported by the filing loader (and the waivers).
    Load,
    /// `step`: a step of the process, shown by the checklist.
    Step,
}

impl KindName {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [KindName; 10] = [
        KindName::Assert,
        KindName::Require,
        KindName::Forbid,
        KindName::Note,
        KindName::Words,
        KindName::Limit,
        KindName::Check,
        KindName::Document,
        KindName::Load,
        KindName::Step,
    ];

    /// The key in rule files.
    pub fn key(self) -> &'static str {
        match self {
            KindName::Assert => "assert",
            KindName::Require => "require",
            KindName::Forbid => "forbid",
            KindName::Note => "note",
            KindName::Words => "words",
            KindName::Limit => "limit",
            KindName::Check => "check",
            KindName::Document => "document",
            KindName::Load => "load",
            KindName::Step => "step",
        }
    }
}

/// A source a rule cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Title of the document.
    pub title: String,
    /// Where it can be read.
    pub url: Option<String>,
    /// The date the document shows (published, effective or "as of").
    pub date: Option<String>,
    /// When it was last checked.
    pub checked: Option<String>,
}

/// Where a definition of a rule was written: a rule file, or the
/// `[severity]` table of `icp.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file.
    pub file: Arc<str>,
    /// The line of the rule's id.
    pub line: u64,
    /// The province of the file, if it is a province file.
    pub province: Option<&'static Province>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A rule as reports see it, in one form (one province, one date range).
#[derive(Clone, Debug)]
pub struct RuleMeta {
    /// The rule id.
    pub id: Arc<str>,
    /// Its severity in this form.
    pub severity: Severity,
    /// What kind of rule it is.
    pub kind: KindName,
    /// What it requires, in one sentence, when the rule file says.
    pub summary: Option<Arc<Text>>,
    /// The message, with `{placeholders}`.
    pub message: Arc<Text>,
    /// How to fix it, with `{placeholders}`.
    pub help: Arc<Text>,
    /// Why it exists.
    pub why: Option<Arc<Text>>,
    /// What sources disagree on.
    pub conflict: Option<Arc<Text>>,
    /// Its sources.
    pub sources: Vec<Arc<Source>>,
    /// Confidence tag of the reference (C, C+, I, X).
    pub confidence: Option<Arc<str>>,
    /// Only old (2017 or earlier) sources say so.
    pub stale: bool,
    /// The province of the file that defined the rule (`None` for national
    /// and agency rules).
    pub province: Option<&'static Province>,
    /// Where the rule was first defined.
    pub origin: Origin,
    /// Where it was changed for this form (province files, agency files,
    /// `icp.toml`), in order.
    pub overrides: Vec<Origin>,
}

impl RuleMeta {
    /// A rule with the texts reports always need; everything else empty,
    /// to be filled in by field.
    pub fn new(
        id: &str,
        severity: Severity,
        kind: KindName,
        message: Text,
        help: Text,
        origin: Origin,
    ) -> RuleMeta {
        RuleMeta {
            id: Arc::from(id),
            severity,
            kind,
            summary: None,
            message: Arc::new(message),
            help: Arc::new(help),
            why: None,
            conflict: None,
            sources: Vec::new(),
            confidence: None,
            stale: false,
            province: None,
            origin,
            overrides: Vec::new(),
        }
    }

    /// The province whose file made the rule what it is here: the defining
    /// file's, else the first province file that changed it.
    pub fn changed_by_province(&self) -> Option<&'static Province> {
        self.province
            .or_else(|| self.overrides.iter().find_map(|o| o.province))
    }
}
