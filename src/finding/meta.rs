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
    /// `across`: a value two filings must not share, checked across all
    /// the filings of a run.
    Across,
    /// `change`: what a change between two versions of a filing involves
    /// (`icp diff`).
    Change,
}

impl KindName {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [KindName; 12] = [
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
        KindName::Across,
        KindName::Change,
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
            KindName::Across => "across",
            KindName::Change => "change",
        }
    }
}

/// What kind of document a source is: what its word is worth as evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A law, a ministry's regulation or notice (also as relayed by a host).
    Regulation,
    /// A national or international standard (GB, RFC, Unicode).
    Standard,
    /// A maintained data set that transcribes a plan or registry
    /// (libphonenumber, the division codes).
    Data,
    /// A hosting provider's (接入商) own reading of bureau practice.
    Provider,
    /// A third party's page (a blog, a host's repost, a library's
    /// patterns): an inference at most.
    ThirdParty,
    /// `icp`'s own documentation: the filing format itself.
    Product,
}

impl SourceKind {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Regulation,
        SourceKind::Standard,
        SourceKind::Data,
        SourceKind::Provider,
        SourceKind::ThirdParty,
        SourceKind::Product,
    ];

    /// The spelling in rule files.
    pub fn key(self) -> &'static str {
        match self {
            SourceKind::Regulation => "regulation",
            SourceKind::Standard => "standard",
            SourceKind::Data => "data",
            SourceKind::Provider => "provider",
            SourceKind::ThirdParty => "third-party",
            SourceKind::Product => "product",
        }
    }

    /// Parses the rule-file spelling.
    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.key() == s)
    }

    /// Whether the source binds by itself (a regulation, a standard, an
    /// authoritative data set): one is enough for an error.
    pub fn authoritative(self) -> bool {
        matches!(
            self,
            SourceKind::Regulation | SourceKind::Standard | SourceKind::Data
        )
    }
}

/// A source a rule cites.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// The key the rule file names it by (`TC-FAQ-subj`); `None` for a
    /// source written inside a rule.
    pub key: Option<String>,
    /// Title of the document.
    pub title: String,
    /// Where it can be read.
    pub url: Option<String>,
    /// The date the document shows (published, effective or "as of"):
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// For an undated document: the earliest it can be from (inferred).
    pub not_before: Option<String>,
    /// For an undated document: the latest it can be from (inferred).
    pub not_after: Option<String>,
    /// An undated page of a provider's current documentation, still
    /// published when it was checked.
    pub current: bool,
    /// When it was last checked.
    pub checked: Option<String>,
    /// What kind of document it is (`None`: the file does not say).
    pub kind: Option<SourceKind>,
    /// The providers whose reading it is (keys of `providers:`); a page
    /// that bundles several providers' documents names each.
    pub providers: Vec<Arc<str>>,
}

/// The last year whose documents count as old: a rule that only they
/// state is a warning (the practice of the bureaus has moved since).
pub const OLD_UNTIL_YEAR: i16 = 2018;

impl Source {
    /// Whether the document is known to be old: dated (or known to
    /// predate) 2018 or earlier, and not a page still published.
    pub fn old(&self) -> bool {
        let year = |d: &Option<String>| d.as_deref().and_then(|d| d.get(..4)?.parse::<i16>().ok());
        !self.current
            && year(&self.date)
                .or(year(&self.not_after))
                .is_some_and(|y| y <= OLD_UNTIL_YEAR)
    }
}

/// How sure the reference is of a rule, as the rule file tags it: the
/// vocabulary of the reference sheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// `X`: sources conflict; both sides are recorded (`conflict`).
    Conflict,
    /// `I`: inferred by the rule's authors from what sources say.
    Inferred,
    /// `C`: stated by one source (or several of one provider).
    Confirmed,
    /// `C+`: stated by two or more independent providers.
    Corroborated,
}

impl Confidence {
    /// The tag as rule files write it.
    pub fn tag(self) -> &'static str {
        match self {
            Confidence::Conflict => "X",
            Confidence::Inferred => "I",
            Confidence::Confirmed => "C",
            Confidence::Corroborated => "C+",
        }
    }

    /// Parses a tag.
    pub fn parse(s: &str) -> Option<Confidence> {
        Some(match s {
            "X" => Confidence::Conflict,
            "I" => Confidence::Inferred,
            "C" => Confidence::Confirmed,
            "C+" => Confidence::Corroborated,
            _ => return None,
        })
    }
}

/// What a rule's default severity rests on: a class of rule whose severity
/// the file decides, or the weight of its evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Reported by the loader: the file cannot be read as a filing.
    Load,
    /// A step of the process: information by nature.
    Step,
    /// What a change involves (`icp diff`): the rule file decides.
    Change,
    /// Switched off (a template a province switches on, or a relaxation).
    Off,
    /// A rule of the filing format itself (it cites `icp`'s documentation).
    Format,
    /// A document to provide: a warning, so a filing can be committed
    /// before its scans arrive.
    Document,
    /// A regulation, a standard or an authoritative data set states it.
    Regulation,
    /// Two or more independent providers state it.
    Corroborated,
    /// One provider states it.
    SingleSource,
    /// Only documents from 2018 or earlier state it.
    OldSources,
    /// Inferred by the rule's authors (or only third parties say it).
    Inferred,
    /// Sources conflict.
    Conflict,
}

impl Basis {
    /// Every basis.
    pub const ALL: [Basis; 12] = [
        Basis::Load,
        Basis::Step,
        Basis::Change,
        Basis::Off,
        Basis::Format,
        Basis::Document,
        Basis::Regulation,
        Basis::Corroborated,
        Basis::SingleSource,
        Basis::OldSources,
        Basis::Inferred,
        Basis::Conflict,
    ];

    /// The classes an agency can set the severity of all at once
    /// (`[severity.evidence]` of `icp.toml`): the evidence that makes a
    /// rule a warning by default.
    pub const CLASSES: [Basis; 4] = [
        Basis::SingleSource,
        Basis::OldSources,
        Basis::Inferred,
        Basis::Conflict,
    ];

    /// The key in JSON and `icp.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Basis::Load => "load",
            Basis::Step => "step",
            Basis::Change => "change",
            Basis::Off => "off",
            Basis::Format => "format",
            Basis::Document => "document",
            Basis::Regulation => "regulation",
            Basis::Corroborated => "corroborated",
            Basis::SingleSource => "single-source",
            Basis::OldSources => "old-sources",
            Basis::Inferred => "inferred",
            Basis::Conflict => "conflict",
        }
    }

    /// A class of [`Basis::CLASSES`] by its key.
    pub fn class(key: &str) -> Option<Basis> {
        Basis::CLASSES.into_iter().find(|b| b.key() == key)
    }

    /// The default severity of a rule on this basis; `None` where the rule
    /// file decides (loader rules, steps, rules switched off, format rules).
    pub fn default_severity(self) -> Option<Severity> {
        match self {
            Basis::Load | Basis::Step | Basis::Change | Basis::Off | Basis::Format => None,
            Basis::Regulation | Basis::Corroborated => Some(Severity::Error),
            Basis::Document
            | Basis::SingleSource
            | Basis::OldSources
            | Basis::Inferred
            | Basis::Conflict => Some(Severity::Warning),
        }
    }

    /// What it means, in words.
    pub fn describe(self) -> Text {
        let t = Text::new;
        match self {
            Basis::Load => t("读取文件时报告", "reported while reading the file"),
            Basis::Change => t(
                "变更备案的说明，级别由规则文件决定",
                "what a change involves; the rule file sets the severity",
            ),
            Basis::Step => t(
                "流程步骤，仅作提示",
                "a step of the process, shown as information",
            ),
            Basis::Off => t("默认关闭", "switched off"),
            Basis::Format => t(
                "备案文件格式本身的规则",
                "a rule of the filing format itself",
            ),
            Basis::Document => t(
                "须提供的材料：缺少时为警告，扫描件到齐前也可提交备案文件",
                "a document to provide: a warning, so a filing can be committed before its scans arrive",
            ),
            Basis::Regulation => t(
                "法规、标准或权威数据有明确规定",
                "a regulation, a standard or an authoritative data set states it",
            ),
            Basis::Corroborated => t(
                "两家及以上互相独立的服务商资料均有说明",
                "two or more independent providers state it",
            ),
            Basis::SingleSource => t("仅有一家服务商的资料", "only one provider states it"),
            Basis::OldSources => t(
                "仅有 2018 年及以前的资料",
                "only documents from 2018 or earlier state it",
            ),
            Basis::Inferred => t("据资料推断", "inferred from what sources say"),
            Basis::Conflict => t("资料之间相互矛盾", "sources conflict"),
        }
    }
}

/// A rule's default severity and what it rests on, worked out from its
/// kind, confidence, conflict and sources ([`crate::rules`] does it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// What the default rests on.
    pub basis: Basis,
    /// The independent providers among its sources.
    pub providers: Vec<Arc<str>>,
    /// Only old documents (2018 or earlier) state it.
    pub stale: bool,
}

impl Evidence {
    /// The default severity (`None`: the rule file decides).
    pub fn default_severity(&self) -> Option<Severity> {
        self.basis.default_severity()
    }
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
    /// Confidence tag of the rule file (C, C+, I, X).
    pub confidence: Option<Confidence>,
    /// Its default severity and what it rests on.
    pub evidence: Evidence,
    /// Why its severity differs from the default, when it does.
    pub severity_reason: Option<Arc<Text>>,
    /// The name of the fix `icp fix` applies to its findings, if it has one.
    pub fix: Option<&'static str>,
    /// The province of the file that defined the rule (`None` for national
    /// and agency rules).
    pub province: Option<&'static Province>,
    /// Where the rule was first defined.
    pub origin: Origin,
    /// Where it was changed for this form (province files, agency files,
    /// `icp.toml`), in order.
    pub overrides: Vec<Origin>,
    /// [`RuleMeta::source_line`], worked out once: reports print it with
    /// every finding of the rule.
    pub source_line_cache: std::sync::OnceLock<String>,
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
            evidence: Evidence {
                basis: Basis::Format,
                providers: Vec::new(),
                stale: false,
            },
            severity_reason: None,
            fix: None,
            province: None,
            origin,
            overrides: Vec::new(),
            source_line_cache: std::sync::OnceLock::new(),
        }
    }

    /// Its sources as one line for reports: title, URL and date of each
    /// (set `sources` before asking: the line is kept).
    pub fn source_line(&self) -> &str {
        self.source_line_cache.get_or_init(|| {
            self.sources
                .iter()
                .map(|s| {
                    let mut line = s.title.clone();
                    if let Some(url) = &s.url {
                        line.push_str(&format!(" <{url}>"));
                    }
                    if let Some(date) = s.date.as_ref().or(s.checked.as_ref()) {
                        line.push_str(&format!(" ({date})"));
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    /// The province whose file made the rule what it is here: the defining
    /// file's, else the first province file that changed it.
    pub fn changed_by_province(&self) -> Option<&'static Province> {
        self.province
            .or_else(|| self.overrides.iter().find_map(|o| o.province))
    }
}
