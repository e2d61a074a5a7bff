//! Mistakes in rule files, as typed values.
//!
//! Every mistake the loader or the compiler can find is a variant of
//! [`Diag`] carrying the data its message needs; the texts of all of them,
//! in both languages, are in one place, [`Diag::text`], beside the enum. The
//! code that finds a mistake builds a value and never formats text; the
//! human report renders it with the span into the YAML ([`RuleError`]).

use std::ops::Range;

use crate::data::Province;
use crate::facts::{Each, Ty};
use crate::finding::{Basis, KindName, Severity, SourceKind};
use crate::lang::Text;

use super::algorithm::Algorithm;

/// A mistake in a rule file, where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleError {
    /// Byte span in the YAML, when known.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub diag: Diag,
}

impl RuleError {
    /// A mistake at a span.
    pub fn new(span: Option<Range<usize>>, diag: Diag) -> RuleError {
        RuleError { span, diag }
    }

    /// What is wrong, in both languages.
    pub fn text(&self) -> Text {
        self.diag.text()
    }
}

/// A field every rule needs once its definitions are merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `severity`.
    Severity,
    /// One of the kinds (`assert`, `require` … `step`).
    Kind,
    /// `message`.
    Message,
    /// `help`.
    Help,
    /// `source`.
    Source,
}

/// A text of a rule whose placeholders are filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    /// `message`.
    Message,
    /// `help`.
    Help,
}

impl TextField {
    fn key(self) -> &'static str {
        match self {
            TextField::Message => "message",
            TextField::Help => "help",
        }
    }
}

/// What a literal of a condition should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `true` or `false`.
    Bool,
    /// An integer.
    Integer,
    /// A text.
    Text,
    /// A date, absolute or relative to the as-of date.
    DateOrRelative,
    /// A date.
    Date,
    /// A province.
    Province,
}

/// Every mistake a rule file can hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Diag {
    /// Not YAML, or YAML that does not fit the rule-file format.
    Yaml {
        /// The YAML parser's message.
        message: String,
    },
    /// `province:` names no mainland province.
    UnknownProvinceCode {
        /// As written.
        code: String,
    },
    /// `name:` is not the province's.
    ProvinceName {
        /// As written.
        name: String,
        /// The province of `province:`.
        province: &'static Province,
    },
    /// `abbreviations:` are not the province's.
    Abbreviations {
        /// As written.
        given: Vec<String>,
        /// The province of `province:`.
        province: &'static Province,
    },
    /// `add`/`remove` on a list no earlier file defines.
    NoListToEdit {
        /// The list.
        name: String,
    },
    /// A rule without `id`.
    MissingId,
    /// An id that is not kebab-case.
    IdNotKebab {
        /// The id.
        id: String,
    },
    /// The same id twice in one file.
    IdTwice {
        /// The id.
        id: String,
    },
    /// A rule about the file as a whole set below error.
    FileLevelSeverity {
        /// The id.
        id: String,
    },
    /// A new rule of a province file without the province's prefix.
    IdWithoutPrefix {
        /// The id.
        id: String,
        /// The file's province.
        province: &'static Province,
    },
    /// A variant with its own `id` or `variants`.
    VariantWithId,
    /// A new rule lacks fields.
    Incomplete {
        /// The rule.
        id: String,
        /// What it lacks.
        missing: Vec<Field>,
    },
    /// A source key no file defines.
    UndefinedSource {
        /// The rule.
        id: String,
        /// The line of its definition.
        line: u64,
        /// The key.
        key: String,
    },
    /// A list no file defines.
    UndefinedList {
        /// The rule.
        id: String,
        /// The line of its definition.
        line: u64,
        /// The list.
        name: String,
    },
    /// A fact name that does not exist.
    UnknownFact {
        /// As written.
        name: String,
        /// The nearest fact name, if one is close.
        suggestion: Option<String>,
    },
    /// A fact the rule's iteration does not provide.
    FactUnavailable {
        /// As written.
        name: String,
        /// The rule's `each`.
        each: Each,
    },
    /// A fact of the wrong type for where it is used.
    FactType {
        /// Where (`note`, `words.unless`, `limit` …).
        what: &'static str,
        /// The type wanted.
        want: Ty,
        /// As written.
        name: String,
    },
    /// A literal that does not fit the fact's type.
    Literal {
        /// As written.
        value: String,
        /// What it should be.
        expected: Expected,
    },
    /// A value outside a vocabulary.
    NotAllowed {
        /// As written.
        value: String,
        /// The nearest allowed spelling, if one is close.
        suggestion: Option<String>,
    },
    /// A condition with none or several of `all`, `any`, `not`, `fact`.
    ConditionShape,
    /// `lt`/`le`/`gt`/`ge` on a fact that is neither a number nor a date.
    NotOrdered {
        /// The fact as written.
        name: String,
    },
    /// A regular expression that does not compile.
    Regex {
        /// The regex crate's message.
        error: String,
    },
    /// `fact:` without any test.
    TestsNothing {
        /// The fact as written.
        name: String,
    },
    /// `since` later than `until`: the rule would never be in force.
    SinceAfterUntil {
        /// `since` as written.
        since: String,
        /// `until` as written.
        until: String,
    },
    /// A `version:` this `icp` does not read.
    UnsupportedVersion {
        /// As written.
        version: u32,
    },
    /// `since`/`until` that is not a date.
    NotADate {
        /// As written.
        value: String,
    },
    /// An unknown nature in `scope`.
    UnknownNature {
        /// As written.
        value: String,
    },
    /// An unknown filing type in `scope`.
    UnknownFilingType {
        /// As written.
        value: String,
    },
    /// An unknown province in `scope`.
    UnknownProvince {
        /// As written.
        value: String,
    },
    /// An unknown severity.
    UnknownSeverity {
        /// As written.
        value: String,
    },
    /// An unknown `each`.
    UnknownEach {
        /// As written.
        value: String,
    },
    /// More than one kind in one rule.
    SeveralKinds,
    /// An unknown `words.match`.
    UnknownMatch {
        /// As written.
        value: String,
    },
    /// `words` without `list` or `list_ref` (or with both).
    WordsWithoutList,
    /// `limit` without `min` or `max`.
    LimitWithoutBound,
    /// `document` with an empty list of kinds.
    EmptyDocumentKinds,
    /// A document owner the rule's iteration does not provide.
    OwnerUnavailable {
        /// As written.
        owner: String,
    },
    /// An unknown document owner.
    UnknownOwner {
        /// As written.
        owner: String,
    },
    /// An unknown value of `across`.
    UnknownAcross {
        /// As written.
        value: String,
    },
    /// An unknown algorithm.
    UnknownAlgorithm {
        /// As written.
        name: String,
        /// The nearest algorithm, if one is close.
        suggestion: Option<String>,
    },
    /// `fix:` names no fix of `icp`'s.
    UnknownFix {
        /// As written.
        name: String,
        /// The nearest fix, if one is close.
        suggestion: Option<String>,
    },
    /// `fix:` gives a parameter the fix does not take.
    FixParameter {
        /// The fix.
        fix: &'static str,
        /// The parameter.
        param: &'static str,
    },
    /// `check` without a field.
    CheckWithoutField,
    /// `report:` names an outcome the algorithm does not have.
    UnknownOutcome {
        /// The algorithm.
        algorithm: Algorithm,
        /// As written.
        outcome: String,
    },
    /// `lists:` names a parameter the algorithm does not take.
    UnknownListParam {
        /// The algorithm.
        algorithm: Algorithm,
        /// As written.
        param: String,
    },
    /// `algorithm: pattern` without `pattern`.
    PatternMissing,
    /// `pattern` with another algorithm.
    PatternNotAllowed,
    /// A `{placeholder}` of a message or help the rule never fills in.
    UnknownPlaceholder {
        /// The rule.
        id: String,
        /// Which text.
        field: TextField,
        /// The placeholder's name.
        name: String,
        /// The values the rule does fill in.
        provided: Vec<String>,
        /// Whether it fills in facts too (`{subject.city}`).
        facts: bool,
        /// The nearest value or fact it fills in, if one is close.
        suggestion: Option<String>,
    },
    /// A `{placeholder}` whose value would be a bare `true` or `false`.
    BooleanPlaceholder {
        /// The rule.
        id: String,
        /// Which text.
        field: TextField,
        /// The placeholder's name.
        name: String,
    },
    /// A source's `kind` outside the vocabulary.
    UnknownSourceKind {
        /// The source's key (or title).
        source: String,
        /// As written.
        value: String,
    },
    /// A source's `date`, `not_before` or `not_after` that is not a date.
    SourceDate {
        /// The source's key (or title).
        source: String,
        /// Which field.
        field: &'static str,
        /// As written.
        value: String,
    },
    /// A source with both a date and inferred bounds, or bounds out of order.
    SourceBounds {
        /// The source's key (or title).
        source: String,
    },
    /// A provider's document that names no provider.
    SourceWithoutProvider {
        /// The source's key (or title).
        source: String,
    },
    /// A provider no file declares under `providers:`.
    UnknownProvider {
        /// The source's key.
        source: String,
        /// As written.
        provider: String,
        /// The nearest declared provider, if one is close.
        suggestion: Option<String>,
    },
    /// A source that says neither its kind nor its provider.
    SourceWithoutKind {
        /// The source's key.
        source: String,
    },
    /// A provider's document with neither a date nor inferred bounds, and
    /// not a current page.
    SourceUndated {
        /// The source's key.
        source: String,
    },
    /// A `confidence` outside the vocabulary.
    UnknownConfidence {
        /// As written.
        value: String,
    },
    /// A confidence its sources do not give (`C+` on one provider's word).
    ConfidenceOverclaim {
        /// The rule.
        id: String,
        /// The province whose file made it what it is, if any.
        province: Option<&'static str>,
        /// The tag.
        claimed: &'static str,
        /// The independent providers among its sources.
        providers: Vec<String>,
    },
    /// `confidence: X` without a `conflict`, or a `conflict` not tagged `X`.
    ConflictTag {
        /// The rule.
        id: String,
        /// The province whose file made it what it is, if any.
        province: Option<&'static str>,
        /// Whether it is tagged `X` (and lacks the conflict).
        tagged_x: bool,
    },
    /// A severity other than the evidence default, without `severity_reason`.
    SeverityWithoutReason {
        /// The rule.
        id: String,
        /// The province whose file made it what it is, if any.
        province: Option<&'static str>,
        /// The variant's dates (`since..until`), if it has any.
        dates: String,
        /// Its severity.
        severity: Severity,
        /// The default its evidence gives.
        default: Severity,
        /// What the default rests on.
        basis: Basis,
    },
    /// A rule whose sources conflict that is an error (even with a reason:
    /// a conflict is a warning that states both sides).
    ConflictIsError {
        /// The rule.
        id: String,
        /// The province whose file made it what it is, if any.
        province: Option<&'static str>,
        /// The variant's dates (`since..until`), if it has any.
        dates: String,
    },
    /// A `severity_reason` on a rule that has its default severity (or whose
    /// class has none).
    ReasonWithoutDeviation {
        /// The rule.
        id: String,
        /// The province whose file made it what it is, if any.
        province: Option<&'static str>,
        /// The variant's dates (`since..until`), if it has any.
        dates: String,
        /// Its severity.
        severity: Severity,
    },
}

/// "rule x (gd, 2018-01-01..)" in both languages.
fn rule_name(id: &str, province: Option<&str>, dates: &str) -> (String, String) {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(province);
    if !dates.is_empty() {
        parts.push(dates);
    }
    if parts.is_empty() {
        (format!("规则 {id}"), format!("rule {id}"))
    } else {
        (
            format!("规则 {id}（{}）", parts.join("，")),
            format!("rule {id} ({})", parts.join(", ")),
        )
    }
}

/// " (did you mean x?)" in both languages, or nothing.
fn did_you_mean(suggestion: &Option<String>) -> (String, String) {
    suggestion
        .as_ref()
        .map(|s| {
            (
                format!("（是否应为 {s}？）"),
                format!(" (did you mean {s}?)"),
            )
        })
        .unwrap_or_default()
}

fn ty_name(ty: Ty) -> &'static str {
    match ty {
        Ty::Text => "text",
        Ty::Bool => "boolean",
        Ty::Int => "integer",
        Ty::Date => "date",
        Ty::Province => "province",
        Ty::Choice(_) => "choice",
        Ty::TextList => "list",
        Ty::ChoiceList(_) => "list",
    }
}

fn each_name(each: Each) -> &'static str {
    Each::NAMES
        .iter()
        .copied()
        .find(|n| Each::parse(n) == Some(each))
        .unwrap_or("filing")
}

impl Expected {
    /// Said the same in both languages: these are the rule file's words.
    fn words(self) -> &'static str {
        match self {
            Expected::Bool => "true/false",
            Expected::Integer => "an integer",
            Expected::Text => "a text",
            Expected::DateOrRelative => {
                "a date (YYYY-MM-DD, today, today+3m, today-16y, now, now+3m)"
            }
            Expected::Date => "a date",
            Expected::Province => "a province",
        }
    }
}

impl Field {
    fn key(self) -> String {
        match self {
            Field::Severity => "severity".into(),
            Field::Kind => KindName::ALL
                .iter()
                .map(|k| k.key())
                .collect::<Vec<_>>()
                .join("/"),
            Field::Message => "message".into(),
            Field::Help => "help".into(),
            Field::Source => "source".into(),
        }
    }
}

impl Diag {
    /// What is wrong, in both languages: the one place these texts live.
    pub fn text(&self) -> Text {
        let t = |zh: String, en: String| Text::new(zh, en);
        match self {
            Diag::Yaml { message } => t(
                format!("规则文件不是有效的 YAML 或格式不符：{message}"),
                format!("not a valid rule file: {message}"),
            ),
            Diag::UnknownProvinceCode { code } => t(
                format!("未知的省份代码 {code}（例如 gd、sc、bj）"),
                format!("unknown province code {code} (e.g. gd, sc, bj)"),
            ),
            Diag::ProvinceName { name, province: p } => t(
                format!("省份名称 {name} 与代码 {} 不符（应为 {}）", p.code, p.name),
                format!("name {name} does not match code {} ({})", p.code, p.name),
            ),
            Diag::Abbreviations { given, province: p } => t(
                format!(
                    "简称 {} 与 rules/data/provinces.csv 不符（应为 {}）",
                    given.join("、"),
                    p.abbrs.join("、")
                ),
                format!(
                    "abbreviations {} do not match rules/data/provinces.csv ({})",
                    given.join(", "),
                    p.abbrs.join(", ")
                ),
            ),
            Diag::NoListToEdit { name } => t(
                format!("名单 {name} 不存在，无法 add/remove（请直接给出完整名单）"),
                format!("there is no list {name} to add to or remove from (give the whole list)"),
            ),
            Diag::MissingId => t("规则缺少 id".into(), "a rule has no id".into()),
            Diag::IdNotKebab { id } => t(
                format!("规则 id {id} 必须是小写 kebab-case"),
                format!("rule id {id} must be lower-case kebab-case"),
            ),
            Diag::IdTwice { id } => t(
                format!("规则 id {id} 在同一文件中重复"),
                format!("rule id {id} appears twice in this file"),
            ),
            Diag::FileLevelSeverity { id } => t(
                format!(
                    "{id} 关乎整个文件，级别只能是 error：文件读不出来时其他规则都无法运行，这样的文件不能通过"
                ),
                format!(
                    "{id} is about the file as a whole: its severity can only be error (when a file cannot be read no other rule runs, so such a file never passes)"
                ),
            ),
            Diag::IdWithoutPrefix { id, province: p } => t(
                format!(
                    "省份文件中的新规则 id 必须以 {}- 开头（或使用全国规则的 id 来覆盖它）：{id}",
                    p.code
                ),
                format!(
                    "a new rule in a province file needs the prefix {}- (or a national rule's id to override it): {id}",
                    p.code
                ),
            ),
            Diag::VariantWithId => t(
                "变体中不能再有 id 或 variants".into(),
                "a variant cannot have its own id or variants".into(),
            ),
            Diag::Incomplete { id, missing } => {
                let keys: Vec<String> = missing.iter().map(|f| f.key()).collect();
                t(
                    format!("规则 {id} 缺少：{}", keys.join("、")),
                    format!("rule {id} lacks: {}", keys.join(", ")),
                )
            }
            Diag::UndefinedSource { id, line, key } => t(
                format!("规则 {id}（第 {line} 行）引用了未定义的来源 {key}"),
                format!("rule {id} (line {line}) cites an undefined source {key}"),
            ),
            Diag::UndefinedList { id, line, name } => t(
                format!("规则 {id}（第 {line} 行）引用了不存在的名单 {name}"),
                format!("rule {id} (line {line}) uses an undefined list {name}"),
            ),
            Diag::UnknownFact { name, suggestion } => {
                let (zh, en) = did_you_mean(suggestion);
                t(
                    format!("未知的事实 {name}{zh}"),
                    format!("unknown fact {name}{en}"),
                )
            }
            Diag::FactUnavailable { name, each } => {
                let each = each_name(*each);
                t(
                    format!("事实 {name} 在 each: {each} 中不可用（请设置合适的 each）"),
                    format!(
                        "fact {name} is not available with each: {each} (set a fitting `each`)"
                    ),
                )
            }
            Diag::FactType { what, want, name } => {
                let want = ty_name(*want);
                t(
                    format!("{what} 需要 {want} 类型的事实，{name} 不是"),
                    format!("{what} needs a fact of type {want}; {name} is not"),
                )
            }
            Diag::Literal { value, expected } => {
                let expected = expected.words();
                t(
                    format!("值 {value} 不是 {expected}"),
                    format!("value {value} is not {expected}"),
                )
            }
            Diag::NotAllowed { value, suggestion } => {
                let (zh, en) = did_you_mean(suggestion);
                t(
                    format!("{value} 不是可用的取值{zh}"),
                    format!("{value} is not an allowed value{en}"),
                )
            }
            Diag::ConditionShape => t(
                "条件必须恰好包含 all、any、not 或 fact 之一".into(),
                "a condition needs exactly one of all, any, not or fact".into(),
            ),
            Diag::NotOrdered { name } => t(
                format!("{name} 不是数字或日期，不能比较大小"),
                format!("{name} is not a number or date and cannot be ordered"),
            ),
            Diag::Regex { error } => t(
                format!("正则表达式无效：{error}"),
                format!("invalid regular expression: {error}"),
            ),
            Diag::TestsNothing { name } => t(
                format!("条件没有对 {name} 做任何判断（eq、in、lt、present …）"),
                format!("the condition tests nothing about {name} (eq, in, lt, present …)"),
            ),
            Diag::SinceAfterUntil { since, until } => t(
                format!("since（{since}）晚于 until（{until}）：这条规则永远不会生效"),
                format!(
                    "since ({since}) is later than until ({until}): the rule would never be in force"
                ),
            ),
            Diag::UnsupportedVersion { version } => t(
                format!("不支持规则文件格式版本 {version}：这个版本的 icp 只读取 version: 1"),
                format!(
                    "rule-file format version {version} is not supported: this icp reads version: 1"
                ),
            ),
            Diag::NotADate { value } => t(
                format!("{value} 不是日期（YYYY-MM-DD）"),
                format!("{value} is not a date (YYYY-MM-DD)"),
            ),
            Diag::UnknownNature { value } => t(
                format!("未知的主办单位性质 {value}"),
                format!("unknown nature {value}"),
            ),
            Diag::UnknownFilingType { value } => t(
                format!("未知的备案类型 {value}"),
                format!("unknown filing type {value}"),
            ),
            Diag::UnknownProvince { value } => t(
                format!("未知的省份 {value}"),
                format!("unknown province {value}"),
            ),
            Diag::UnknownSeverity { value } => t(
                format!("未知的严重程度 {value}（error、warning、info、off）"),
                format!("unknown severity {value} (error, warning, info, off)"),
            ),
            Diag::UnknownEach { value } => t(
                format!("未知的 each：{value}（{}）", Each::NAMES.join("、")),
                format!("unknown each: {value} ({})", Each::NAMES.join(", ")),
            ),
            Diag::SeveralKinds => {
                let keys: Vec<&str> = KindName::ALL.iter().map(|k| k.key()).collect();
                t(
                    format!("一条规则只能有一种检查（{} 之一）", keys.join("、")),
                    format!("a rule has one kind of check (one of {})", keys.join(", ")),
                )
            }
            Diag::UnknownMatch { value } => t(
                format!("未知的匹配方式 {value}（contains、prefix、exact）"),
                format!("unknown match {value} (contains, prefix, exact)"),
            ),
            Diag::WordsWithoutList => t(
                "words 需要 list 或 list_ref 之一".into(),
                "words needs one of list or list_ref".into(),
            ),
            Diag::LimitWithoutBound => t(
                "limit 需要 min 或 max".into(),
                "limit needs min or max".into(),
            ),
            Diag::EmptyDocumentKinds => t(
                "document 的 kind 至少要有一种材料".into(),
                "document needs at least one kind".into(),
            ),
            Diag::OwnerUnavailable { owner } => t(
                format!("材料归属 {owner} 在 each 的当前取值下不可用"),
                format!("document owner {owner} is not available with this rule's each"),
            ),
            Diag::UnknownOwner { owner } => t(
                format!(
                    "未知的材料归属 {owner}（subject、principal、subject.principal、website、website.principal）"
                ),
                format!(
                    "unknown document owner {owner} (subject, principal, subject.principal, website, website.principal)"
                ),
            ),
            Diag::UnknownAcross { value } => {
                let all: Vec<&str> = super::compile::Across::ALL
                    .iter()
                    .map(|a| a.key())
                    .collect();
                t(
                    format!("未知的 across 取值 {value}（{}）", all.join("、")),
                    format!("unknown across value {value} ({})", all.join(", ")),
                )
            }
            Diag::UnknownAlgorithm { name, suggestion } => {
                let (zh, en) = did_you_mean(suggestion);
                t(
                    format!("未知的算法 {name}{zh}"),
                    format!("unknown algorithm {name}{en}"),
                )
            }
            Diag::UnknownFix { name, suggestion } => {
                let (zh, en) = did_you_mean(suggestion);
                t(
                    format!(
                        "未知的修正 {name}{zh}（可用：{}）",
                        super::fix::Fix::NAMES.join("、")
                    ),
                    format!(
                        "unknown fix {name}{en} (known: {})",
                        super::fix::Fix::NAMES.join(", ")
                    ),
                )
            }
            Diag::FixParameter { fix, param } => t(
                format!("修正 {fix} 没有参数 {param}"),
                format!("the fix {fix} takes no parameter {param}"),
            ),
            Diag::CheckWithoutField => t(
                "check 需要 field 或 fields".into(),
                "check needs field or fields".into(),
            ),
            Diag::UnknownOutcome { algorithm, outcome } => {
                let name = algorithm.name();
                let outcomes: Vec<&str> =
                    algorithm.outcomes().iter().map(|(o, _)| o.key()).collect();
                t(
                    format!(
                        "算法 {name} 没有结果 {outcome}（可用：{}）",
                        outcomes.join("、")
                    ),
                    format!(
                        "algorithm {name} has no outcome {outcome} (it has: {})",
                        outcomes.join(", ")
                    ),
                )
            }
            Diag::UnknownListParam { algorithm, param } => t(
                format!("算法 {} 不使用名单参数 {param}", algorithm.name()),
                format!(
                    "algorithm {} takes no list parameter {param}",
                    algorithm.name()
                ),
            ),
            Diag::PatternMissing => t(
                "算法 pattern 需要 pattern 参数".into(),
                "algorithm pattern needs a pattern".into(),
            ),
            Diag::PatternNotAllowed => t(
                "只有算法 pattern 使用 pattern 参数".into(),
                "only algorithm pattern takes a pattern".into(),
            ),
            Diag::UnknownPlaceholder {
                id,
                field,
                name,
                provided,
                facts,
                suggestion,
            } => {
                let field = field.key();
                let (zh_hint, en_hint) =
                    did_you_mean(&suggestion.as_ref().map(|s| format!("{{{s}}}")));
                let mut shown: Vec<String> = provided.iter().map(|p| format!("{{{p}}}")).collect();
                let (zh_facts, en_facts) = if *facts {
                    ("事实（如 {subject.city}）", "facts such as {subject.city}")
                } else {
                    ("", "")
                };
                let zh = match (shown.is_empty(), *facts) {
                    (true, false) => "这条规则不填入任何占位符".to_owned(),
                    _ => {
                        let mut all = shown.clone();
                        if *facts {
                            all.push(zh_facts.to_owned());
                        }
                        format!("可用：{}", all.join("、"))
                    }
                };
                if *facts {
                    shown.push(en_facts.to_owned());
                }
                let en = match shown.len() {
                    0 => "it fills in none".to_owned(),
                    1 => format!("it fills in {}", shown[0]),
                    n => format!(
                        "it fills in {} and {}",
                        shown[..n - 1].join(", "),
                        shown[n - 1]
                    ),
                };
                t(
                    format!("规则 {id} 的 {field} 中的占位符 {{{name}}} 不会被填入{zh_hint}；{zh}"),
                    format!(
                        "the {field} of rule {id} has a placeholder {{{name}}} the rule never fills in{en_hint}; {en}"
                    ),
                )
            }
            Diag::UnknownSourceKind { source, value } => {
                let kinds: Vec<&str> = SourceKind::ALL.iter().map(|k| k.key()).collect();
                t(
                    format!(
                        "来源 {source} 的 kind 未知：{value}（{}）",
                        kinds.join("、")
                    ),
                    format!(
                        "source {source}: unknown kind {value} ({})",
                        kinds.join(", ")
                    ),
                )
            }
            Diag::SourceDate {
                source,
                field,
                value,
            } => t(
                format!(
                    "来源 {source} 的 {field} 不是日期：{value}（YYYY、YYYY-MM 或 YYYY-MM-DD）"
                ),
                format!(
                    "source {source}: {field} {value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                ),
            ),
            Diag::SourceBounds { source } => t(
                format!(
                    "来源 {source}：有 date 的文件不再推断 not_before / not_after，且 not_before 不能晚于 not_after"
                ),
                format!(
                    "source {source}: a dated document takes no not_before / not_after, and not_before comes before not_after"
                ),
            ),
            Diag::SourceWithoutProvider { source } => t(
                format!("来源 {source} 是服务商的资料，须用 provider 写明是哪一家"),
                format!("source {source} is a provider's document: name the provider"),
            ),
            Diag::UnknownProvider {
                source,
                provider,
                suggestion,
            } => {
                let (zh, en) = did_you_mean(suggestion);
                t(
                    format!("来源 {source} 的 provider {provider} 未在 providers 中声明{zh}"),
                    format!(
                        "source {source}: provider {provider} is not declared under providers{en}"
                    ),
                )
            }
            Diag::SourceWithoutKind { source } => {
                let kinds: Vec<&str> = SourceKind::ALL.iter().map(|k| k.key()).collect();
                t(
                    format!(
                        "来源 {source} 既没有写明 provider，也没有写明 kind（{}）",
                        kinds.join("、")
                    ),
                    format!(
                        "source {source} names neither its provider nor its kind ({})",
                        kinds.join(", ")
                    ),
                )
            }
            Diag::SourceUndated { source } => t(
                format!(
                    "来源 {source} 没有日期：请写 date，或推断的 not_before / not_after，或 current: true（仍在发布的无日期页面）"
                ),
                format!(
                    "source {source} has no date: give date, an inferred not_before / not_after, or current: true (an undated page still published)"
                ),
            ),
            Diag::UnknownConfidence { value } => t(
                format!("未知的可信度 {value}（C+、C、I、X）"),
                format!("unknown confidence {value} (C+, C, I, X)"),
            ),
            Diag::ConfidenceOverclaim {
                id,
                province,
                claimed,
                providers,
            } => {
                let (zh, en) = rule_name(id, *province, "");
                let (zh_p, en_p) = match providers.len() {
                    0 => ("没有服务商资料".to_owned(), "no provider".to_owned()),
                    _ => (
                        format!("来源只来自 {}", providers.join("、")),
                        format!("its sources come from {} only", providers.join(", ")),
                    ),
                };
                t(
                    format!("{zh} 标为 {claimed}，但{zh_p}（C+ 须有两家独立的服务商或法规、标准）"),
                    format!(
                        "{en} is tagged {claimed} but {en_p} (C+ takes two independent providers, or a regulation or standard)"
                    ),
                )
            }
            Diag::ConflictTag {
                id,
                province,
                tagged_x,
            } => {
                let (zh, en) = rule_name(id, *province, "");
                if *tagged_x {
                    t(
                        format!("{zh} 标为 X，但没有用 conflict 写明两方的说法"),
                        format!("{en} is tagged X but states no conflict (conflict: {{ zh, en }})"),
                    )
                } else {
                    t(
                        format!("{zh} 写有 conflict，可信度应标为 X"),
                        format!("{en} records a conflict: tag it confidence: X"),
                    )
                }
            }
            Diag::SeverityWithoutReason {
                id,
                province,
                dates,
                severity,
                default,
                basis,
            } => {
                let (zh, en) = rule_name(id, *province, dates);
                let why = basis.describe();
                t(
                    format!(
                        "{zh} 的级别是 {}，但按依据（{}）默认应为 {}：请改为 {}，或用 severity_reason 写明理由",
                        severity.as_str(),
                        why.zh,
                        default.as_str(),
                        default.as_str()
                    ),
                    format!(
                        "{en} is {} but its evidence ({}) makes it {} by default: make it {}, or say why in severity_reason",
                        severity.as_str(),
                        why.en,
                        default.as_str(),
                        default.as_str()
                    ),
                )
            }
            Diag::ConflictIsError {
                id,
                province,
                dates,
            } => {
                let (zh, en) = rule_name(id, *province, dates);
                t(
                    format!(
                        "{zh} 的来源相互矛盾，不能是 error：请改为 warning，并在 conflict 中写明两方的说法"
                    ),
                    format!(
                        "{en} rests on conflicting sources and cannot be an error: make it a warning that states both sides in conflict"
                    ),
                )
            }
            Diag::ReasonWithoutDeviation {
                id,
                province,
                dates,
                severity,
            } => {
                let (zh, en) = rule_name(id, *province, dates);
                t(
                    format!(
                        "{zh} 的级别 {} 就是默认级别（或这类规则没有默认级别），不需要 severity_reason",
                        severity.as_str()
                    ),
                    format!(
                        "{en} has its default severity {} (or its class has none): drop severity_reason",
                        severity.as_str()
                    ),
                )
            }
            Diag::BooleanPlaceholder { id, field, name } => {
                let field = field.key();
                t(
                    format!(
                        "规则 {id} 的 {field} 中的占位符 {{{name}}} 只会显示 true 或 false，请改用文字说明"
                    ),
                    format!(
                        "the {field} of rule {id} has a placeholder {{{name}}} that would show a bare true or false; say it in words"
                    ),
                )
            }
        }
    }
}

/// The message of a YAML error, without serde-saphyr's position and
/// snippet (the report shows both), at the error's location in `text`.
pub fn yaml(e: &serde_saphyr::Error, text: &str) -> RuleError {
    use serde_saphyr::{DefaultMessageFormatter, Error, MessageFormatter};
    // The error the parser met, under the wrappers that add snippets and
    // the places of aliases.
    let mut inner = e;
    while let Error::WithSnippet { error, .. } | Error::AliasError { error, .. } = inner {
        inner = error;
    }
    let message = DefaultMessageFormatter.format_message(inner);
    // The message may quote the file (an unknown key): control characters
    // are shown escaped, as serde-saphyr's own rendering does.
    let mut shown = String::with_capacity(message.len());
    for c in message.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            shown.extend(c.escape_debug());
        } else {
            shown.push(c);
        }
    }
    // The scanner's errors know their line and column but not their byte
    // offset.
    let span = e.location().and_then(|loc| {
        super::compile::byte_span(&loc).or_else(|| {
            let line = usize::try_from(loc.line()).ok()?;
            let column = usize::try_from(loc.column()).ok()?;
            line_column_span(text, line, column)
        })
    });
    RuleError::new(span, Diag::Yaml { message: shown })
}

/// The byte span of one character at a 1-based line and column.
fn line_column_span(text: &str, line: usize, column: usize) -> Option<Range<usize>> {
    let line_start = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let rest = text.get(line_start..)?;
    let (offset, ch) = rest.char_indices().nth(column.checked_sub(1)?)?;
    Some(line_start + offset..line_start + offset + ch.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_fields_name_every_kind() {
        let text = Diag::Incomplete {
            id: "x".into(),
            missing: vec![Field::Kind, Field::Message],
        }
        .text();
        assert_eq!(
            text.en,
            "rule x lacks: assert/require/forbid/note/words/limit/check/document/load/step/across/change, message"
        );
        assert_eq!(
            text.zh,
            "规则 x 缺少：assert/require/forbid/note/words/limit/check/document/load/step/across/change、message"
        );
    }

    #[test]
    fn a_yaml_error_gives_its_message_and_span_without_position_text() {
        let text = "rules:\n  - id: x-a\n    severity: [error\n";
        let e = serde_saphyr::from_str::<super::super::file::FileDef>(text).unwrap_err();
        let error = yaml(&e, text);
        let Diag::Yaml { message } = &error.diag else {
            panic!("{error:?}")
        };
        assert!(!message.contains("line"), "{message}");
        let span = error.span.unwrap();
        assert_eq!(&text[span.start..span.start + 1], "[");
    }
}
