//! The YAML rule-file format, as serde types. These mirror what an author
//! writes; [`super::compile`] checks them and turns them into the engine's
//! types. Every key is optional here so that an override can give just the
//! fields it changes; completeness is checked after merging.
//!
//! The build script also reads this file (`build/rules.rs`): it parses the
//! built-in YAML into these types and writes them back as JSON, so YAML's
//! typing (`off` read as a boolean where a string is meant) is settled by
//! the types, as when `icp` reads YAML itself.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::lang::Text;

/// One rule file: `rules/national.yaml`, `rules/provinces/<code>.yaml`, or an
/// agency's file under `--rules DIR`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileDef {
    /// Format version of the rule file (1).
    #[serde(default)]
    pub version: Option<u32>,
    /// The province this file is for (`gd`): its rules apply only there.
    #[serde(default)]
    pub province: Option<Spanned<String>>,
    /// The province's name, checked against `rules/data/provinces.csv`.
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    /// The province's abbreviations (粤; 川, 蜀), checked against
    /// `rules/data/provinces.csv`, where they live.
    #[serde(default)]
    pub abbreviations: Option<Spanned<Vec<String>>>,
    /// The providers sources are the reading of (`tencent: { zh: 腾讯云,
    /// en: Tencent Cloud }`): two sources of one provider are one
    /// confirmation, not two.
    #[serde(default)]
    pub providers: BTreeMap<String, Text>,
    /// Sources the rules cite by key.
    #[serde(default)]
    pub sources: BTreeMap<String, SourceDef>,
    /// Named word lists and suffix lists.
    #[serde(default)]
    pub lists: BTreeMap<String, Spanned<ListDef>>,
    /// Document kinds (docs/filing-format.md); files may add kinds.
    #[serde(default)]
    pub document_kinds: Vec<DocumentKindDef>,
    /// The rules.
    #[serde(default)]
    pub rules: Vec<BodyDef>,
}

/// A source a rule cites.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    /// Title of the document.
    pub title: String,
    /// Where it can be read.
    #[serde(default)]
    pub url: Option<String>,
    /// The date the document shows (published, effective or "as of"):
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// For an undated document: the earliest it can be from, inferred.
    #[serde(default)]
    pub not_before: Option<String>,
    /// For an undated document: the latest it can be from, inferred.
    #[serde(default)]
    pub not_after: Option<String>,
    /// An undated page of a provider's current documentation, still
    /// published when checked.
    #[serde(default)]
    pub current: Option<bool>,
    /// When it was last checked.
    #[serde(default)]
    pub checked: Option<String>,
    /// What kind of document: `regulation`, `standard`, `data`,
    /// `provider`, `third-party` or `product`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Whose reading it is: a key of `providers:`, or several for a page
    /// that bundles several providers' documents.
    #[serde(default)]
    pub provider: Option<OneOrMany>,
}

/// A list: a plain list defines (or replaces) it; `add` / `remove` edit a
/// list defined by an earlier file.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(untagged)]
pub enum ListDef {
    /// The whole list.
    Replace(Vec<String>),
    /// Changes to an existing list.
    Edit {
        /// Entries to add.
        #[serde(default)]
        add: Vec<String>,
        /// Entries to remove.
        #[serde(default)]
        remove: Vec<String>,
    },
}

/// A document kind.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentKindDef {
    /// The key written in filings (`authorization-letter`).
    pub key: String,
    /// The Chinese name, also accepted in filings.
    pub zh: String,
    /// The English name.
    pub en: String,
    /// Other accepted spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Where a rule's source is: keys of `sources`, or the source itself.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(untagged)]
pub enum SourceRefDef {
    /// One key.
    Key(String),
    /// Several keys.
    Keys(Vec<String>),
    /// An inline source.
    Inline(SourceDef),
}

/// A rule, a variant of a rule, or an override: every key optional.
///
/// The larger parts are boxed: a rule uses few of them, and unboxed a rule
/// took 5.6 KB (a condition alone 1.2 KB), so reading the built-in files
/// touched megabytes of fresh memory each start (a page fault per 4 KB).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BodyDef {
    /// Stable kebab-case id.
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    /// error, warning, info or off.
    #[serde(default)]
    pub severity: Option<Spanned<String>>,
    /// Which filings the rule applies to.
    #[serde(default)]
    pub scope: Option<ScopeDef>,
    /// What the rule iterates over.
    #[serde(default)]
    pub each: Option<Spanned<String>>,
    /// A further condition for the rule to apply.
    #[serde(default)]
    pub when: Option<Spanned<Box<CondDef>>>,
    /// Kind `assert`: a condition that must hold.
    #[serde(default)]
    pub assert: Option<Spanned<Box<CondDef>>>,
    /// Kind `require`: fields that must be filled in.
    #[serde(default)]
    pub require: Option<Vec<Spanned<String>>>,
    /// Kind `forbid`: fields that must not be given.
    #[serde(default)]
    pub forbid: Option<Vec<Spanned<String>>>,
    /// Kind `note`: a note that must contain a phrase.
    #[serde(default)]
    pub note: Option<Box<NoteDef>>,
    /// Kind `words`: words a field must not contain.
    #[serde(default)]
    pub words: Option<Box<WordsDef>>,
    /// Kind `limit`: bounds on a count.
    #[serde(default)]
    pub limit: Option<Box<LimitDef>>,
    /// Kind `check`: an algorithm of `icp` applied to fields.
    #[serde(default)]
    pub check: Option<Box<CheckDef>>,
    /// Kind `document`: a document that must be provided.
    #[serde(default)]
    pub document: Option<Box<DocumentDef>>,
    /// Kind `load`: reported by the filing loader.
    #[serde(default)]
    pub load: Option<bool>,
    /// Kind `step`: a process step shown by the checklist.
    #[serde(default)]
    pub step: Option<bool>,
    /// Kind `across`: a value no two filings of a run may share (`domain`,
    /// `id-number`, `icp-number`, `scan`, `principal`).
    #[serde(default)]
    pub across: Option<Spanned<String>>,
    /// Kind `change`: what a change of some fields involves (`icp diff`).
    #[serde(default)]
    pub change: Option<Box<ChangeDef>>,
    /// The fact whose field a finding points at.
    #[serde(default)]
    pub at: Option<Spanned<String>>,
    /// The fix `icp fix` applies to the value a finding points at: a name
    /// (`fix: domain`) or a name with parameters (`fix: { name: phone,
    /// mobile: true }`).
    #[serde(default)]
    pub fix: Option<Spanned<FixDef>>,
    /// What the rule requires, in one sentence, for people reading the rules
    /// (`icp rules show`, `icp explain`, the checklist).
    #[serde(default)]
    pub summary: Option<Text>,
    /// The message, with `{placeholders}`.
    #[serde(default)]
    pub message: Option<Spanned<Text>>,
    /// How to fix it, with `{placeholders}`.
    #[serde(default)]
    pub help: Option<Spanned<Text>>,
    /// Why the rule exists (for `icp explain`).
    #[serde(default)]
    pub why: Option<Text>,
    /// What sources disagree on, when they do.
    #[serde(default)]
    pub conflict: Option<Text>,
    /// The source(s).
    #[serde(default)]
    pub source: Option<Box<SourceRefDef>>,
    /// Confidence tag of the reference: C, C+, I, X.
    #[serde(default)]
    pub confidence: Option<Spanned<String>>,
    /// Why the severity differs from the default its evidence gives.
    #[serde(default)]
    pub severity_reason: Option<Text>,
    /// In force from this date (inclusive).
    #[serde(default)]
    pub since: Option<Spanned<String>>,
    /// In force until this date (exclusive).
    #[serde(default)]
    pub until: Option<Spanned<String>>,
    /// Example filings (TOML fragments) for `icp explain`.
    #[serde(default)]
    pub examples: Option<ExamplesDef>,
    /// Dated variants; each key of a variant replaces the rule's.
    #[serde(default)]
    pub variants: Option<Vec<BodyDef>>,
    /// The rule's line in its YAML file, added by the build script to the
    /// JSON form of the built-in files (YAML positions are known anyway).
    #[serde(default, rename = "_line")]
    pub line: Option<u64>,
}

/// `fix:`: a fix's name, alone or with parameters.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(untagged)]
pub enum FixDef {
    /// `fix: domain`.
    Name(String),
    /// `fix: { name: phone, mobile: true }`.
    Table(FixTableDef),
}

/// `fix: { name: …, … }`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FixTableDef {
    /// The fix.
    pub name: String,
    /// `phone`: also write mobiles as their 11 digits.
    #[serde(default)]
    pub mobile: Option<bool>,
}

/// `scope:`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeDef {
    /// Natures (or `unit` for every nature but personal).
    #[serde(default)]
    pub natures: Option<Vec<Spanned<String>>>,
    /// Filing types.
    #[serde(default)]
    pub types: Option<Vec<Spanned<String>>>,
    /// Provinces (codes, names or abbreviations).
    #[serde(default)]
    pub provinces: Option<Vec<Spanned<String>>>,
}

/// A condition: exactly one of `all`, `any`, `not` or a test of `fact`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CondDef {
    /// Every condition holds.
    #[serde(default)]
    pub all: Option<Vec<Spanned<CondDef>>>,
    /// At least one holds.
    #[serde(default)]
    pub any: Option<Vec<Spanned<CondDef>>>,
    /// The condition does not hold.
    #[serde(default)]
    pub not: Option<Box<Spanned<CondDef>>>,
    /// The fact a test reads.
    #[serde(default)]
    pub fact: Option<Spanned<String>>,
    /// Equal to.
    #[serde(default)]
    pub eq: Option<Spanned<Scalar>>,
    /// Not equal to.
    #[serde(default)]
    pub ne: Option<Spanned<Scalar>>,
    /// One of.
    #[serde(rename = "in", default)]
    pub in_: Option<Vec<Spanned<Scalar>>>,
    /// None of.
    #[serde(default)]
    pub not_in: Option<Vec<Spanned<Scalar>>>,
    /// Less than.
    #[serde(default)]
    pub lt: Option<Spanned<Scalar>>,
    /// At most.
    #[serde(default)]
    pub le: Option<Spanned<Scalar>>,
    /// More than.
    #[serde(default)]
    pub gt: Option<Spanned<Scalar>>,
    /// At least.
    #[serde(default)]
    pub ge: Option<Spanned<Scalar>>,
    /// Text contains any of / list contains any of.
    #[serde(default)]
    pub contains: Option<OneOrMany>,
    /// Text starts with any of.
    #[serde(default)]
    pub starts_with: Option<OneOrMany>,
    /// Text ends with any of.
    #[serde(default)]
    pub ends_with: Option<OneOrMany>,
    /// Text matches a regular expression.
    #[serde(default)]
    pub matches: Option<Spanned<String>>,
    /// The value is (true) or is not (false) filled in.
    #[serde(default)]
    pub present: Option<bool>,
    /// Text contains another fact's text.
    #[serde(default)]
    pub contains_fact: Option<Spanned<String>>,
    /// Equal to another fact.
    #[serde(default)]
    pub eq_fact: Option<Spanned<String>>,
    /// Not equal to another fact.
    #[serde(default)]
    pub ne_fact: Option<Spanned<String>>,
    /// One of the values the table lists for another fact's value.
    #[serde(default)]
    pub in_by: Option<InByDef>,
}

/// `in_by: { key: subject.nature, table: { enterprise: [...] } }`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InByDef {
    /// The fact whose value selects a row.
    pub key: Spanned<String>,
    /// Allowed values per key value; a key value without a row allows anything.
    pub table: BTreeMap<String, Vec<Scalar>>,
}

/// A YAML scalar. Read by hand, not as an untagged enum: that would try
/// each variant in turn, and a text (most scalars) would first fail as a
/// boolean and an integer, building an error each time — a tenth of
/// start-up.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Scalar {
    /// true / false.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// Anything else, including dates (`2019-04-22`, `today+3m`).
    Str(String),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a boolean, an integer or a text")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(i))
            }
            fn visit_u64<E: serde::de::Error>(self, u: u64) -> Result<Scalar, E> {
                i64::try_from(u)
                    .map(Scalar::Int)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(u), &self))
            }
            fn visit_str<E>(self, s: &str) -> Result<Scalar, E> {
                Ok(Scalar::Str(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Scalar, E> {
                Ok(Scalar::Str(s))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl std::fmt::Display for Scalar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scalar::Bool(b) => write!(f, "{b}"),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Str(s) => f.write_str(s),
        }
    }
}

/// One string or a list of strings (read by hand, as [`Scalar`] is).
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One.
    One(String),
    /// Several.
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<OneOrMany, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text or a list of texts")
            }
            fn visit_str<E>(self, s: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(s))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut items = Vec::new();
                while let Some(ListText(item)) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany::Many(items))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A list item of [`OneOrMany`]: a text, asked for as whatever the node is
/// (asked for as a string, the YAML reader would hand over `3` or `yes` as
/// text, which the untagged enum this replaces refused).
struct ListText(String);

impl<'de> Deserialize<'de> for ListText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ListText, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ListText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E>(self, s: &str) -> Result<ListText, E> {
                Ok(ListText(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<ListText, E> {
                Ok(ListText(s))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl OneOrMany {
    /// As a list.
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// `note:`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NoteDef {
    /// The note field (a fact).
    pub field: Spanned<String>,
    /// The note must contain one of these phrases.
    #[serde(default)]
    pub contains: Option<OneOrMany>,
    /// The note must contain all of these phrases.
    #[serde(default)]
    pub contains_all: Option<OneOrMany>,
    /// The note must have at least this many characters.
    #[serde(default)]
    pub min_chars: Option<usize>,
}

/// `words:`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WordsDef {
    /// The text field checked.
    pub field: Spanned<String>,
    /// The words (a list), or words mapped to the value of `unless` that
    /// excuses them (`新闻: news`).
    #[serde(default)]
    pub list: Option<WordList>,
    /// A named list of `lists:`.
    #[serde(default)]
    pub list_ref: Option<Spanned<String>>,
    /// `contains` (default), `prefix` or `exact`.
    #[serde(default)]
    pub r#match: Option<Spanned<String>>,
    /// A list fact; a word mapped to a value in it is excused.
    #[serde(default)]
    pub unless: Option<Spanned<String>>,
}

/// Words, plain or mapped.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(untagged)]
pub enum WordList {
    /// Plain words.
    Plain(Vec<String>),
    /// Word → the value that excuses it.
    Mapped(BTreeMap<String, String>),
}

/// `limit:`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LimitDef {
    /// An integer fact.
    pub fact: Spanned<String>,
    /// Lower bound (inclusive).
    #[serde(default)]
    pub min: Option<i64>,
    /// Upper bound (inclusive).
    #[serde(default)]
    pub max: Option<i64>,
}

/// `check:`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckDef {
    /// The algorithm's name.
    pub algorithm: Spanned<String>,
    /// The field checked.
    #[serde(default)]
    pub field: Option<Spanned<String>>,
    /// Several fields checked alike.
    #[serde(default)]
    pub fields: Option<Vec<Spanned<String>>>,
    /// Which of the algorithm's outcomes this rule reports (default: all).
    #[serde(default)]
    pub report: Option<Vec<Spanned<String>>>,
    /// For `algorithm: pattern`: the regular expression the value must match.
    #[serde(default)]
    pub pattern: Option<Spanned<String>>,
    /// Named lists the algorithm uses (e.g. `approved: approved-suffixes`).
    #[serde(default)]
    pub lists: BTreeMap<String, Spanned<String>>,
}

/// `document:`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentDef {
    /// The document kind, or a list of kinds any one of which satisfies the
    /// rule (the first is the one asked for).
    pub kind: Spanned<OneOrMany>,
    /// Whose table holds it: `subject`, `principal`, `website`,
    /// `website.principal`, `subject.principal` (default: by `each`).
    #[serde(default)]
    pub owner: Option<Spanned<String>>,
    /// How many copies (for paper forms).
    #[serde(default)]
    pub count: Option<u32>,
    /// One per domain of the website.
    #[serde(default)]
    pub per_domain: Option<bool>,
    /// For pre-approval documents: the category (a fact or a key).
    #[serde(default)]
    pub category: Option<Spanned<String>>,
}

/// `change:` of a rule: which changed fields it is about and what they
/// involve.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeDef {
    /// Field paths, `[*]` for any index (`websites[*].domains`); a path
    /// covers everything below it.
    pub fields: Vec<Spanned<String>>,
    /// `changed` (a value given in both versions differs), `added`,
    /// `removed` or `any` (default).
    #[serde(default)]
    pub on: Option<Spanned<String>>,
    /// The filing it needs: `subject-change`, `website-change`,
    /// `add-website`, `access`, `cancel-website`, `cancel-subject`,
    /// `new-filing` (cancel and file anew).
    pub filing: Spanned<String>,
    /// Document kinds it needs.
    #[serde(default)]
    pub documents: Vec<Spanned<String>>,
    /// Whose mobile receives the SMS check: `subject-principal`,
    /// `website-principal`, `both`, `none`, `unknown` (default: the
    /// sources do not say).
    #[serde(default)]
    pub sms: Option<Spanned<String>>,
    /// Whether the site may stay online meanwhile: `yes`, `no`, `unknown`
    /// (default).
    #[serde(default)]
    pub online: Option<Spanned<String>>,
}

/// `examples:` for `icp explain`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesDef {
    /// A TOML fragment that trips the rule.
    #[serde(default)]
    pub trips: Option<String>,
    /// A TOML fragment that passes.
    #[serde(default)]
    pub passes: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::{OneOrMany, Scalar};

    /// The hand-written readers take what the untagged enums took, from
    /// YAML (agency files) and JSON (built-in files), and refuse what they
    /// refused (one difference: a YAML tag such as `!foo x` is now read as
    /// its value, where the enums refused it).
    #[test]
    fn scalars_and_lists_read_as_before() {
        let yaml: Vec<Scalar> =
            serde_saphyr::from_str("[true, 3, -4, '5', 2019-04-22, today+3m, x]").unwrap();
        let json: Vec<Scalar> =
            serde_json::from_str(r#"[true, 3, -4, "5", "2019-04-22", "today+3m", "x"]"#).unwrap();
        let want = vec![
            Scalar::Bool(true),
            Scalar::Int(3),
            Scalar::Int(-4),
            Scalar::Str("5".into()),
            Scalar::Str("2019-04-22".into()),
            Scalar::Str("today+3m".into()),
            Scalar::Str("x".into()),
        ];
        assert_eq!(yaml, want);
        assert_eq!(json, want);
        assert!(serde_saphyr::from_str::<Scalar>("1.5").is_err());
        assert!(serde_json::from_str::<Scalar>("18446744073709551615").is_err());
        assert!(serde_saphyr::from_str::<Scalar>("[a]").is_err());

        let one: OneOrMany = serde_saphyr::from_str("a").unwrap();
        let many: OneOrMany = serde_saphyr::from_str("[a, b]").unwrap();
        assert_eq!(one.into_vec(), ["a"]);
        assert_eq!(many.into_vec(), ["a", "b"]);
        let many: OneOrMany = serde_json::from_str(r#"["a", "b"]"#).unwrap();
        assert_eq!(many.into_vec(), ["a", "b"]);
        assert!(serde_saphyr::from_str::<OneOrMany>("{a: b}").is_err());
        for refused in ["[1, [2]]", "[1, 2]", "[true]", "[yes, 3]", "[a, 1.5]", "3"] {
            assert!(
                serde_saphyr::from_str::<OneOrMany>(refused).is_err(),
                "{refused}"
            );
        }
        assert!(serde_json::from_str::<OneOrMany>(r#"["a", 1]"#).is_err());
    }
}
