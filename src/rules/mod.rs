//! The rule set: rule files loaded, merged by id, and resolved per province.
//!
//! Rule files are layered. The first definition of an id is the rule; every
//! later definition with the same id overrides the fields it gives. A
//! definition in a province file (one that says `province: gd`) applies only
//! to filings of that province, so a province relaxes or tightens a national
//! rule by repeating its id. Variants (`variants:`) give a rule dated forms;
//! the fields of a variant replace the rule's, and the fields of a later
//! override replace the variant's.
//!
//! Load order: `rules/national.yaml`, then `rules/provinces/*.yaml` (all
//! compiled into the binary), then the files of `--rules DIR` in path order.
//! A view of the rules for one province is resolved the first time a filing
//! of that province is checked and shared by every later one.
//!
//! The rules of the built-in province files are most of the start-up time,
//! and a run rarely checks filings of more than one or two provinces: their
//! rules are read and compiled the first time they are needed (the rest of
//! each file, its sources, lists and document kinds, is read at once). A
//! province file's definitions apply only to its own province, so a view
//! resolved from the national rules and that one file is the view of the
//! whole set.

pub mod algorithm;
pub mod compile;
pub mod condition;
pub mod engine;
pub mod file;
pub mod waivers;

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use jiff::civil::Date;

use crate::data::{self, Province};
use crate::facts::Each;
use crate::finding::{RuleMeta, Severity};
use crate::lang::Text;
use compile::{Compiler, Fragment, SourceRef};
pub use compile::{DocOwner, Examples, Kind, Match, RuleError, Scope, WordSet, Words};
pub use condition::{Cond, Lit, Op, Tri};
pub use engine::{Dates, DocStatus, Requirement};
use file::{BodyDef, FileDef, ListDef};

// The rule files compiled into the binary (see build/rules.rs).
include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// A rule file's text and the name it is reported under.
#[derive(Clone, Debug)]
pub struct RuleText {
    /// The path shown in errors.
    pub name: String,
    /// The YAML (borrowed for the built-in files: no copy at start-up).
    pub text: std::borrow::Cow<'static, str>,
    /// The same file as JSON, converted at build time for the built-in files
    /// (parsing JSON is what keeps start-up fast).
    pub json: Option<Json>,
}

/// A built-in rule file as JSON, in two parts: the rules of a province file
/// are read only when a filing of that province is checked.
#[derive(Clone, Copy, Debug)]
pub struct Json {
    /// The file without its rules.
    pub header: &'static str,
    /// Its rules (an array).
    pub rules: &'static str,
}

/// A rule file that could not be used, with its errors.
#[derive(Clone, Debug)]
pub struct RuleFileErrors {
    /// The file.
    pub file: RuleText,
    /// What is wrong, with spans into the YAML.
    pub errors: Vec<RuleError>,
}

/// Why a rule set could not be loaded (exit 2).
#[derive(Clone, Debug)]
pub enum RulesError {
    /// A `--rules` directory could not be read.
    Io {
        /// The path.
        path: String,
        /// The error.
        message: String,
    },
    /// One or more rule files are broken.
    Invalid(Vec<RuleFileErrors>),
}

pub use crate::finding::{Origin, Source};

#[derive(Clone, Debug)]
struct Definition {
    origin: Origin,
    top: Fragment,
    variants: Option<Vec<Fragment>>,
}

#[derive(Clone, Debug)]
struct Entry {
    id: Arc<str>,
    definitions: Vec<Definition>,
}

/// Definitions merged by id, in the order the ids were first defined.
#[derive(Clone, Debug, Default)]
struct Rules {
    entries: Vec<Entry>,
    index: HashMap<Arc<str>, usize>,
}

/// A built-in province file whose rules are not read yet.
#[derive(Debug)]
struct Deferred {
    file: Arc<str>,
    province: &'static Province,
    rules: &'static str,
}

/// A rule as it applies to filings of one province, in one date range: what
/// reports see of it ([`RuleMeta`], shared with its findings) and what runs.
#[derive(Debug)]
pub struct Variant {
    /// Id, severity, texts, sources, origin.
    pub meta: Arc<RuleMeta>,
    /// Which filings it applies to.
    pub scope: Arc<Scope>,
    /// What it iterates over.
    pub each: Each,
    /// A further condition.
    pub when: Option<Arc<Cond>>,
    /// What it checks.
    pub kind: Arc<Kind>,
    /// Where its findings point, when the rule says.
    pub at: Option<crate::facts::Fact>,
    /// In force from (inclusive).
    pub since: Option<Date>,
    /// In force until (exclusive).
    pub until: Option<Date>,
    /// Examples.
    pub examples: Option<Arc<Examples>>,
    /// Facts its message or help names as `{subject.city}` placeholders.
    pub fact_args: Vec<(String, crate::facts::Fact)>,
}

impl Variant {
    /// The rule id.
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// Its severity.
    pub fn severity(&self) -> Severity {
        self.meta.severity
    }

    /// Whether it is in force on a date.
    pub fn in_force(&self, date: Date) -> bool {
        self.since.is_none_or(|s| s <= date) && self.until.is_none_or(|u| date < u)
    }
}

/// One rule resolved for a province: its dated variants.
#[derive(Debug)]
pub struct Resolved {
    /// The id.
    pub id: Arc<str>,
    /// Variants, in file order.
    pub variants: Vec<Arc<Variant>>,
}

impl Resolved {
    /// The variant in force on a date.
    pub fn on(&self, date: Date) -> Option<&Arc<Variant>> {
        self.variants.iter().find(|v| v.in_force(date))
    }

    /// The first variant in force on a date whose scope covers a nature and
    /// filing type (variants may differ in scope as well as in dates).
    pub fn applying(
        &self,
        date: Date,
        nature: Option<crate::filing::Nature>,
        filing_type: Option<crate::filing::FilingType>,
    ) -> Option<&Arc<Variant>> {
        self.variants
            .iter()
            .find(|v| v.in_force(date) && v.scope.covers(nature, filing_type))
    }
}

/// The rules as they apply to filings of one province.
#[derive(Debug, Default)]
pub struct View {
    /// Every rule that applies in the province, in definition order.
    pub rules: Vec<Resolved>,
    index: HashMap<Arc<str>, usize>,
    /// The rules that run for one kind of filing, by as-of date, nature and
    /// filing type: most filings of a run share them, so each list is worked
    /// out once (see [`View::plan`]).
    plans: std::sync::Mutex<HashMap<PlanKey, Plan>>,
}

/// What decides which rules run on a filing, besides its province.
pub type PlanKey = (
    Date,
    Option<crate::filing::Nature>,
    Option<crate::filing::FilingType>,
);

/// The variants that run on a filing, in definition order.
pub type Plan = Arc<[Arc<Variant>]>;

impl View {
    /// A rule by id.
    pub fn get(&self, id: &str) -> Option<&Resolved> {
        self.index.get(id).map(|&i| &self.rules[i])
    }

    /// The variant of this view a finding's rule belongs to (each variant
    /// shares its [`RuleMeta`] with its findings).
    pub fn variant_of(&self, meta: &RuleMeta) -> Option<&Arc<Variant>> {
        self.get(&meta.id)?
            .variants
            .iter()
            .find(|v| std::ptr::eq(v.meta.as_ref(), meta))
    }

    /// The variants in force on the as-of date, switched on and in scope for
    /// this nature and filing type.
    pub fn plan(&self, key: PlanKey) -> Plan {
        let (date, nature, filing_type) = key;
        // A poisoned lock only means another thread panicked mid-insert; the
        // map is still usable.
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(plan) = plans.get(&key) {
            return plan.clone();
        }
        let plan: Plan = self
            .rules
            .iter()
            .filter_map(|r| r.applying(date, nature, filing_type))
            .filter(|v| {
                v.meta.severity != Severity::Off
                    && !matches!(v.kind.as_ref(), Kind::Load | Kind::Step)
            })
            .cloned()
            .collect();
        plans.insert(key, plan.clone());
        plan
    }
}

/// A document kind (SPEC §2.2 and rule files).
#[derive(Clone, Debug)]
pub struct DocumentKind {
    /// Key.
    pub key: String,
    /// Names.
    pub name: Text,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// Every rule file, merged.
#[derive(Debug)]
pub struct RuleSet {
    /// The rules of every file but the deferred ones.
    rules: Rules,
    /// Built-in province files whose rules are read when first needed, in
    /// load order. Only files loaded last are deferred: a later file that is
    /// not has them added first.
    deferred: Vec<Deferred>,
    /// `rules` with the deferred rules of one province, by province as
    /// `views`: what its view is resolved from.
    with_province: Vec<OnceLock<Rules>>,
    /// `rules` with every deferred file's, in load order: the whole set, for
    /// what lists or looks up every rule.
    all: OnceLock<Rules>,
    lists: HashMap<String, Vec<String>>,
    /// The lists as sets of normalised entries (no surrounding dots, lower
    /// case), for membership tests such as domain suffixes.
    list_sets: HashMap<String, HashSet<String>>,
    /// The lists as word sets, for `words: { list_ref }`.
    list_words: HashMap<String, Arc<compile::WordSet>>,
    sources: HashMap<String, Arc<Source>>,
    document_kinds: Vec<DocumentKind>,
    /// Views by province: slot 0 for filings without a (known) province.
    views: Vec<OnceLock<Arc<View>>>,
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl RuleSet {
    /// The rules compiled into the binary.
    pub fn builtin() -> Result<RuleSet, RulesError> {
        RuleSet::from_texts(builtin_texts())
    }

    /// The built-in rules plus the files of `dir` (`*.yaml`, `*.yml`,
    /// recursively, in path order).
    pub fn with_dir(dir: Option<&Path>) -> Result<RuleSet, RulesError> {
        let mut texts = builtin_texts();
        if let Some(dir) = dir {
            texts.extend(read_dir(dir)?);
        }
        RuleSet::from_texts(texts)
    }

    /// Loads rule files in order.
    pub fn from_texts(texts: Vec<RuleText>) -> Result<RuleSet, RulesError> {
        let mut set = RuleSet {
            rules: Rules::default(),
            deferred: Vec::new(),
            with_province: Vec::new(),
            all: OnceLock::new(),
            lists: seed_lists(),
            list_sets: HashMap::new(),
            list_words: HashMap::new(),
            sources: HashMap::new(),
            document_kinds: Vec::new(),
            views: Vec::new(),
        };
        set.layer(texts)?;
        Ok(set)
    }

    /// Loads more rule files on top of the set, as if they came after its
    /// last file (the severity overrides of `icp.toml` are layered this way
    /// once the ids they name are known to exist).
    pub fn layer(&mut self, texts: Vec<RuleText>) -> Result<(), RulesError> {
        // Views resolved so far no longer hold: they are resolved again.
        self.views = slots();
        self.with_province = slots();
        let set = self;
        let mut failures = Vec::new();
        let mut loaded = Vec::new();
        let parse = |file: &RuleText| {
            // The JSON of a built-in file was made from the YAML at build
            // time; if it ever failed, the YAML parse reports why, with spans.
            match file.json.and_then(parse_json) {
                Some(parsed) => Ok(parsed),
                None => serde_saphyr::from_str::<FileDef>(&file.text).map(|def| (def, None)),
            }
        };
        // The files are parsed, then added in order (later files override
        // earlier ones). Several YAML files (`--rules DIR`) are parsed in
        // parallel; the built-in JSON is read faster than threads start.
        let parsed: Vec<_> = if texts.iter().filter(|t| t.json.is_none()).count() > 1 {
            texts.par_iter().map(parse).collect()
        } else {
            texts.iter().map(parse).collect()
        };
        for (file, parsed) in texts.into_iter().zip(parsed) {
            let mut errors = Vec::new();
            match parsed {
                Ok((def, deferred)) => set.add_file(&file, def, deferred, &mut errors),
                Err(e) => {
                    let (message, at) = plain_yaml_error(&e);
                    let span = e
                        .location()
                        .as_ref()
                        .and_then(compile::byte_span)
                        .or_else(|| at.and_then(|(l, c)| line_column_span(&file.text, l, c)));
                    errors.push(RuleError {
                        span,
                        message: Text::new(
                            format!("规则文件不是有效的 YAML 或格式不符：{message}"),
                            format!("not a valid rule file: {message}"),
                        ),
                    });
                }
            }
            if !errors.is_empty() {
                failures.push(RuleFileErrors { file, errors });
            } else {
                loaded.push(file);
            }
        }
        set.finish(&mut failures, &loaded);
        if failures.is_empty() {
            Ok(())
        } else {
            Err(RulesError::Invalid(failures))
        }
    }

    /// Adds a file; `deferred` is the JSON of its rules when they are read
    /// only once needed (`def` then has none).
    fn add_file(
        &mut self,
        file: &RuleText,
        def: FileDef,
        deferred: Option<&'static str>,
        errors: &mut Vec<RuleError>,
    ) {
        let province = match &def.province {
            None => None,
            Some(code) => match data::province(code.value.trim()) {
                Some(p) if p.mainland => Some(p),
                _ => {
                    errors.push(RuleError {
                        span: compile::byte_span(&code.referenced),
                        message: Text::new(
                            format!("未知的省份代码 {}（例如 gd、sc、bj）", code.value),
                            format!("unknown province code {} (e.g. gd, sc, bj)", code.value),
                        ),
                    });
                    return;
                }
            },
        };
        if let (Some(p), Some(name)) = (province, &def.name) {
            let n = name.value.trim();
            if n != p.name && n != p.short_name {
                errors.push(RuleError {
                    span: compile::byte_span(&name.referenced),
                    message: Text::new(
                        format!("省份名称 {n} 与代码 {} 不符（应为 {}）", p.code, p.name),
                        format!("name {n} does not match code {} ({})", p.code, p.name),
                    ),
                });
            }
        }
        if let (Some(p), Some(abbrs)) = (province, &def.abbreviations) {
            let given: Vec<&str> = abbrs.value.iter().map(|a| a.trim()).collect();
            if given != p.abbrs {
                errors.push(RuleError {
                    span: compile::byte_span(&abbrs.referenced),
                    message: Text::new(
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
                });
            }
        }
        for (key, source) in def.sources {
            self.sources.insert(key, Arc::new(compile::source(source)));
        }
        for (name, list) in def.lists {
            match list.value {
                ListDef::Replace(items) => {
                    self.lists.insert(name, items);
                }
                ListDef::Edit { add, remove } => match self.lists.get_mut(&name) {
                    Some(items) => {
                        items.retain(|i| !remove.contains(i));
                        for a in add {
                            if !items.contains(&a) {
                                items.push(a);
                            }
                        }
                    }
                    None => errors.push(RuleError {
                        span: compile::byte_span(&list.referenced),
                        message: Text::new(
                            format!("名单 {name} 不存在，无法 add/remove（请直接给出完整名单）"),
                            format!("there is no list {name} to add to or remove from (give the whole list)"),
                        ),
                    }),
                },
            }
        }
        for kind in def.document_kinds {
            self.document_kinds.retain(|k| k.key != kind.key);
            self.document_kinds.push(DocumentKind {
                key: kind.key,
                name: Text::new(kind.zh, kind.en),
                aliases: kind.aliases,
            });
        }
        let file_name: Arc<str> = Arc::from(file.name.as_str());
        if let (Some(rules), Some(province)) = (deferred, province) {
            self.deferred.push(Deferred {
                file: file_name,
                province,
                rules,
            });
            self.all = OnceLock::new();
            return;
        }
        // A file loaded after deferred ones may override their rules: they
        // are added first, in order, as if none had been deferred.
        if !self.deferred.is_empty() {
            // The whole set is often known already: `icp.toml` names rule
            // ids that are checked before its severities are layered.
            self.rules = self
                .all
                .take()
                .unwrap_or_else(|| self.with_deferred(|_| true));
            self.deferred.clear();
        }
        self.rules
            .add_rules(def.rules, &file_name, province, errors);
    }

    /// `rules` with the deferred files `pick` chooses added, in order.
    fn with_deferred(&self, pick: impl Fn(&Deferred) -> bool) -> Rules {
        let mut rules = self.rules.clone();
        for deferred in self.deferred.iter().filter(|d| pick(d)) {
            // Both were made at build time from a file the YAML parse
            // accepts, and the tests load every built-in file without
            // deferring (where errors are reported): neither can fail.
            let defs: Vec<BodyDef> =
                serde_json::from_str(deferred.rules).expect("built-in rules JSON is valid");
            let mut errors = Vec::new();
            rules.add_rules(defs, &deferred.file, Some(deferred.province), &mut errors);
            assert!(
                errors.is_empty(),
                "built-in rule file {} does not load: {errors:?}",
                deferred.file
            );
        }
        rules
    }

    /// The rules of every file.
    fn all(&self) -> &Rules {
        if self.deferred.is_empty() {
            return &self.rules;
        }
        self.all.get_or_init(|| self.with_deferred(|_| true))
    }
}

impl Rules {
    fn add_rules(
        &mut self,
        rules: Vec<BodyDef>,
        file: &Arc<str>,
        province: Option<&'static Province>,
        errors: &mut Vec<RuleError>,
    ) {
        let mut seen_here: Vec<String> = Vec::new();
        for rule in rules {
            self.add_rule(rule, file, province, errors, &mut seen_here);
        }
    }

    fn add_rule(
        &mut self,
        rule: BodyDef,
        file: &Arc<str>,
        province: Option<&'static Province>,
        errors: &mut Vec<RuleError>,
        seen_here: &mut Vec<String>,
    ) {
        let Some(id) = rule.id.clone() else {
            errors.push(RuleError {
                span: None,
                message: Text::new("规则缺少 id", "a rule has no id"),
            });
            return;
        };
        let id_text = id.value.trim().to_owned();
        let span = compile::byte_span(&id.referenced);
        let mut push = |zh: String, en: String| {
            errors.push(RuleError {
                span: span.clone(),
                message: Text::new(zh, en),
            })
        };
        if !is_kebab(&id_text) {
            push(
                format!("规则 id {id_text} 必须是小写 kebab-case"),
                format!("rule id {id_text} must be lower-case kebab-case"),
            );
            return;
        }
        if seen_here.contains(&id_text) {
            push(
                format!("规则 id {id_text} 在同一文件中重复"),
                format!("rule id {id_text} appears twice in this file"),
            );
            return;
        }
        seen_here.push(id_text.clone());
        let existing = self.index.get(id_text.as_str()).copied();
        if let (None, Some(p)) = (existing, province) {
            if !id_text.starts_with(&format!("{}-", p.code)) {
                push(
                    format!(
                        "省份文件中的新规则 id 必须以 {}- 开头（或使用全国规则的 id 来覆盖它）：{id_text}",
                        p.code
                    ),
                    format!(
                        "a new rule in a province file needs the prefix {}- (or a national rule's id to override it): {id_text}",
                        p.code
                    ),
                );
                return;
            }
        }
        let inherited_each = existing.and_then(|i| {
            let first = &self.entries[i].definitions[0];
            first.top.each
        });
        let before = errors.len();
        let mut compiler = Compiler { errors };
        let top = compiler.body(&rule, inherited_each);
        let each = top.each.or(inherited_each);
        let variants = rule.variants.as_ref().map(|vs| {
            vs.iter()
                .map(|v| {
                    if v.id.is_some() || v.variants.is_some() {
                        compiler.errors.push(RuleError {
                            span: span.clone(),
                            message: Text::new(
                                "变体中不能再有 id 或 variants",
                                "a variant cannot have its own id or variants",
                            ),
                        });
                    }
                    compiler.body(v, each)
                })
                .collect::<Vec<_>>()
        });
        if errors.len() > before {
            return;
        }
        let definition = Definition {
            origin: Origin {
                file: file.clone(),
                line: match id.referenced.line() {
                    0 => rule.line.unwrap_or(0),
                    line => line,
                },
                province,
            },
            top,
            variants,
        };
        match existing {
            Some(i) => self.entries[i].definitions.push(definition),
            None => {
                // The first definition is the rule: it must be complete.
                let forms: Vec<Fragment> = match &definition.variants {
                    Some(vs) => vs.iter().map(|v| definition.top.under(v)).collect(),
                    None => vec![definition.top.clone()],
                };
                for form in &forms {
                    let missing = missing_fields(form);
                    if !missing.is_empty() {
                        errors.push(RuleError {
                            span: span.clone(),
                            message: Text::new(
                                format!("规则 {id_text} 缺少：{}", missing.join("、")),
                                format!("rule {id_text} lacks: {}", missing.join(", ")),
                            ),
                        });
                        return;
                    }
                }
                let id: Arc<str> = Arc::from(id_text.as_str());
                self.index.insert(id.clone(), self.entries.len());
                self.entries.push(Entry {
                    id,
                    definitions: vec![definition],
                });
            }
        }
    }
}

impl RuleSet {
    /// Checks what can only be checked once every file is loaded: cited
    /// sources and named lists exist.
    fn finish(&mut self, failures: &mut Vec<RuleFileErrors>, loaded: &[RuleText]) {
        self.list_words = self
            .lists
            .iter()
            .map(|(name, items)| {
                let set = compile::WordSet::new(items.iter().cloned());
                (name.clone(), Arc::new(set))
            })
            .collect();
        self.list_sets = self
            .lists
            .iter()
            .map(|(name, items)| {
                let set = items
                    .iter()
                    .map(|i| i.trim().trim_matches('.').to_lowercase())
                    .collect();
                (name.clone(), set)
            })
            .collect();
        let mut problems: BTreeMap<Arc<str>, Vec<RuleError>> = BTreeMap::new();
        for entry in &self.rules.entries {
            for def in &entry.definitions {
                let fragments = std::iter::once(&def.top).chain(def.variants.iter().flatten());
                for fragment in fragments {
                    for source in fragment.sources.iter().flat_map(|s| s.iter()) {
                        if let SourceRef::Key(key) = source {
                            if !self.sources.contains_key(key) {
                                problems.entry(def.origin.file.clone()).or_default().push(
                                    RuleError {
                                        span: None,
                                        message: Text::new(
                                            format!(
                                                "规则 {}（第 {} 行）引用了未定义的来源 {key}",
                                                entry.id, def.origin.line
                                            ),
                                            format!(
                                                "rule {} (line {}) cites an undefined source {key}",
                                                entry.id, def.origin.line
                                            ),
                                        ),
                                    },
                                );
                            }
                        }
                    }
                    if let Some(kind) = &fragment.kind {
                        let mut names: Vec<&str> = Vec::new();
                        match kind.as_ref() {
                            Kind::Words {
                                words: compile::Words::Named(n),
                                ..
                            } => names.push(n),
                            Kind::Check { lists, .. } => {
                                names.extend(lists.iter().map(|(_, n)| n.as_str()))
                            }
                            _ => {}
                        }
                        for name in names {
                            if !self.lists.contains_key(name) {
                                problems.entry(def.origin.file.clone()).or_default().push(
                                    RuleError {
                                        span: None,
                                        message: Text::new(
                                            format!(
                                                "规则 {}（第 {} 行）引用了不存在的名单 {name}",
                                                entry.id, def.origin.line
                                            ),
                                            format!(
                                                "rule {} (line {}) uses an undefined list {name}",
                                                entry.id, def.origin.line
                                            ),
                                        ),
                                    },
                                );
                            }
                        }
                    }
                }
            }
        }
        for (file, errors) in problems {
            let text = loaded
                .iter()
                .find(|t| t.name.as_str() == file.as_ref())
                .cloned()
                .unwrap_or(RuleText {
                    name: file.to_string(),
                    text: std::borrow::Cow::Borrowed(""),
                    json: None,
                });
            failures.push(RuleFileErrors { file: text, errors });
        }
    }

    /// A named list.
    pub fn list(&self, name: &str) -> &[String] {
        self.lists.get(name).map_or(&[], Vec::as_slice)
    }

    /// A named list as a set of words.
    pub fn list_words(&self, name: &str) -> Option<&compile::WordSet> {
        self.list_words.get(name).map(|w| w.as_ref())
    }

    /// A named list as a set of normalised entries (no surrounding dots,
    /// lower case).
    pub fn list_set(&self, name: &str) -> Option<&HashSet<String>> {
        self.list_sets.get(name)
    }

    /// The document kinds.
    pub fn document_kinds(&self) -> &[DocumentKind] {
        &self.document_kinds
    }

    /// The canonical key of a document kind written as key, label or alias.
    pub fn document_kind(&self, input: &str) -> Option<&DocumentKind> {
        let input = input.trim();
        self.document_kinds.iter().find(|k| {
            k.key.eq_ignore_ascii_case(input)
                || k.name.zh == input
                || k.aliases.iter().any(|a| a == input)
        })
    }

    /// Every rule id.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.all().entries.iter().map(|e| e.id.as_ref())
    }

    /// Every rule id with the province of the file that defined it (`None`
    /// for national and agency rules), in definition order.
    pub fn origins(&self) -> impl Iterator<Item = (&str, Option<&'static Province>)> {
        self.all()
            .entries
            .iter()
            .map(|e| (e.id.as_ref(), e.definitions[0].origin.province))
    }

    /// The provinces whose files override a rule, and where.
    pub fn overrides(&self, id: &str) -> Vec<Origin> {
        let rules = self.all();
        rules
            .index
            .get(id)
            .map(|&i| {
                rules.entries[i].definitions[1..]
                    .iter()
                    .map(|d| d.origin.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The rules as they apply to a province (or to filings without one).
    pub fn view(&self, province: Option<&'static Province>) -> Arc<View> {
        let slot = province
            .and_then(|p| data::provinces().iter().position(|q| q.code == p.code))
            .map_or(0, |i| i + 1);
        self.views[slot]
            .get_or_init(|| Arc::new(self.resolve(province, slot)))
            .clone()
    }

    fn resolve(&self, province: Option<&'static Province>, slot: usize) -> View {
        // Definitions in another province's file never apply here.
        let rules = match province {
            Some(p) if self.deferred.iter().any(|d| d.province.code == p.code) => self
                .with_province[slot]
                .get_or_init(|| self.with_deferred(|d| d.province.code == p.code)),
            _ => &self.rules,
        };
        let mut view = View::default();
        for entry in &rules.entries {
            let base = &entry.definitions[0];
            if let Some(p) = base.origin.province {
                if province.is_none_or(|q| q.code != p.code) {
                    continue;
                }
            }
            let mut top = base.top.clone();
            let mut variants = base.variants.clone();
            let mut overrides = Vec::new();
            for def in &entry.definitions[1..] {
                if let Some(p) = def.origin.province {
                    if province.is_none_or(|q| q.code != p.code) {
                        continue;
                    }
                }
                top = top.under(&def.top);
                variants = match &def.variants {
                    Some(vs) => Some(vs.clone()),
                    None => variants.map(|vs| vs.iter().map(|v| v.under(&def.top)).collect()),
                };
                overrides.push(def.origin.clone());
            }
            let forms = match variants {
                Some(vs) => vs.iter().map(|v| top.under(v)).collect(),
                None => vec![top],
            };
            // A scope naming provinces is decided here, once per province.
            let variants: Vec<Arc<Variant>> = forms
                .into_iter()
                .filter_map(|form| self.complete(&entry.id, form, base, &overrides))
                .filter(|v| {
                    v.scope.provinces.as_ref().is_none_or(|ps| {
                        province.is_some_and(|q| ps.iter().any(|p| p.code == q.code))
                    })
                })
                .map(Arc::new)
                .collect();
            if variants.is_empty() {
                continue;
            }
            view.index.insert(entry.id.clone(), view.rules.len());
            view.rules.push(Resolved {
                id: entry.id.clone(),
                variants,
            });
        }
        view
    }

    fn complete(
        &self,
        id: &Arc<str>,
        f: Fragment,
        base: &Definition,
        overrides: &[Origin],
    ) -> Option<Variant> {
        let sources = f
            .sources
            .iter()
            .flat_map(|s| s.iter())
            .filter_map(|s| match s {
                SourceRef::Key(k) => self.sources.get(k).cloned(),
                SourceRef::Inline(def) => Some(def.clone()),
            })
            .collect();
        let message = f.message?;
        let help = f.help?;
        let fact_args = fact_placeholders(&[&message, &help]);
        let kind = f.kind?;
        let meta = RuleMeta {
            id: id.clone(),
            severity: f.severity?,
            kind: kind.name(),
            summary: f.summary,
            message,
            help,
            why: f.why,
            conflict: f.conflict,
            sources,
            confidence: f.confidence,
            stale: f.stale.unwrap_or(false),
            province: base.origin.province,
            origin: base.origin.clone(),
            overrides: overrides.to_vec(),
        };
        Some(Variant {
            meta: Arc::new(meta),
            scope: f.scope.unwrap_or_default(),
            each: f.each.unwrap_or_default(),
            when: f.when,
            kind,
            at: f.at,
            since: f.since,
            until: f.until,
            examples: f.examples,
            fact_args,
        })
    }
}

/// The `{prefix.fact}` placeholders of texts that name facts.
fn fact_placeholders(texts: &[&Text]) -> Vec<(String, crate::facts::Fact)> {
    let mut out: Vec<(String, crate::facts::Fact)> = Vec::new();
    for text in texts {
        for s in [&text.zh, &text.en] {
            let mut rest = s.as_str();
            while let Some(start) = rest.find('{') {
                rest = &rest[start + 1..];
                let Some(end) = rest.find('}') else { break };
                let name = &rest[..end];
                if let Some(fact) = crate::facts::Fact::parse(name) {
                    if !out.iter().any(|(n, _)| n == name) {
                        out.push((name.to_owned(), fact));
                    }
                }
                rest = &rest[end + 1..];
            }
        }
    }
    out
}

fn missing_fields(f: &Fragment) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if f.severity.is_none() {
        missing.push("severity");
    }
    if f.kind.is_none() {
        missing.push("assert/require/forbid/note/words/limit/check/document/load");
    }
    if f.message.is_none() {
        missing.push("message");
    }
    if f.help.is_none() {
        missing.push("help");
    }
    if f.sources.is_none() {
        missing.push("source");
    }
    missing
}

/// The YAML error's message without serde-saphyr's snippet and position
/// (the report shows both), and the position when the error gives one only
/// in its text.
fn plain_yaml_error(e: &serde_saphyr::Error) -> (String, Option<(usize, usize)>) {
    let text = e.to_string();
    let first = text.lines().next().unwrap_or("").trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // "line 3 column 24: while parsing …"
    if let Some(rest) = first.strip_prefix("line ") {
        let mut parts = rest.splitn(2, ": ");
        let position = parts.next().unwrap_or("");
        let message = parts.next().unwrap_or(first).to_owned();
        let mut numbers = position
            .split(" column ")
            .map(|n| n.trim().parse::<usize>());
        if let (Some(Ok(line)), Some(Ok(column))) = (numbers.next(), numbers.next()) {
            return (message, Some((line, column)));
        }
    }
    (
        first.split(" at line ").next().unwrap_or(first).to_owned(),
        None,
    )
}

/// The byte span of one character at a 1-based line and column.
fn line_column_span(text: &str, line: usize, column: usize) -> Option<std::ops::Range<usize>> {
    let line_start = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let rest = text.get(line_start..)?;
    let (offset, ch) = rest.char_indices().nth(column.checked_sub(1)?)?;
    Some(line_start + offset..line_start + offset + ch.len_utf8())
}

/// Examples of a rule from the rule cases: pairs of (text that passes, text
/// that trips it), as the cases change a clean example filing. The cases of
/// `province` come first; one-line changes come before longer ones.
pub fn examples(id: &str, province: Option<&Province>) -> Vec<(String, String)> {
    use toml::de::{DeTable, DeValue};
    let mut out = Vec::new();
    let preferred = province.map(|p| format!("{}.toml", p.code));
    let mut files: Vec<&(&str, &str)> = RULE_CASES.iter().collect();
    files.sort_by_key(|(name, _)| {
        preferred.as_deref() != Some(name.rsplit('/').next().unwrap_or(name))
    });
    for (_, text) in files {
        let Ok(doc) = DeTable::parse(text) else {
            continue;
        };
        let Some(DeValue::Array(cases)) = doc.get_ref().get("case").map(|v| v.get_ref()) else {
            continue;
        };
        for case in cases.iter() {
            let DeValue::Table(case) = case.get_ref() else {
                continue;
            };
            let rule = case.get("rule").and_then(|r| r.get_ref().as_str());
            // A case that expects nothing shows where the rule stays quiet
            // (a province relaxing it): not an example of it tripping.
            let expects_nothing = matches!(
                case.get("expect").map(|e| e.get_ref()),
                Some(DeValue::Array(e)) if e.is_empty()
            );
            if rule != Some(id) || case.contains_key("enable") || expects_nothing {
                continue;
            }
            let Some(DeValue::Array(pairs)) = case.get("replace").map(|r| r.get_ref()) else {
                continue;
            };
            for pair in pairs.iter() {
                let DeValue::Array(pair) = pair.get_ref() else {
                    continue;
                };
                let text = |i: usize| pair.get(i).and_then(|v| v.get_ref().as_str());
                if let (Some(from), Some(to)) = (text(0), text(1)) {
                    // Province files often repeat the national case.
                    let example = (from.to_owned(), to.to_owned());
                    if !out.contains(&example) {
                        out.push(example);
                    }
                }
            }
        }
    }
    out.sort_by_key(|(from, to)| from.contains('\n') || to.contains('\n'));
    out
}

/// The built-in rule files, parsed from their JSON form.
pub fn builtin_texts() -> Vec<RuleText> {
    BUILTIN_RULES
        .iter()
        .map(|(name, yaml, header, rules)| RuleText {
            name: (*name).to_owned(),
            text: std::borrow::Cow::Borrowed(yaml),
            json: (!header.is_empty()).then_some(Json { header, rules }),
        })
        .collect()
}

/// A slot per province and one for filings without a (known) province.
fn slots<T>() -> Vec<OnceLock<T>> {
    (0..=data::provinces().len())
        .map(|_| OnceLock::new())
        .collect()
}

/// A built-in file from its JSON, with the JSON of its rules when they are
/// read only once needed (those of a province file); `None` if it does not
/// parse (the YAML parse then says why).
fn parse_json(json: Json) -> Option<(FileDef, Option<&'static str>)> {
    let mut def: FileDef = serde_json::from_str(json.header).ok()?;
    if def.province.is_some() {
        return Some((def, Some(json.rules)));
    }
    def.rules = serde_json::from_str(json.rules).ok()?;
    Some((def, None))
}

/// Lists seeded from the data tables, so rule files can extend them.
fn seed_lists() -> HashMap<String, Vec<String>> {
    let mut approved = Vec::new();
    let mut refused = Vec::new();
    for s in data::domain_suffixes() {
        if s.approved {
            approved.push(s.suffix.to_owned());
        } else {
            refused.push(s.suffix.to_owned());
        }
    }
    HashMap::from([
        ("approved-suffixes".to_owned(), approved),
        ("refused-suffixes".to_owned(), refused),
    ])
}

fn read_dir(dir: &Path) -> Result<Vec<RuleText>, RulesError> {
    let io = |path: &Path, e: &dyn std::fmt::Display| RulesError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let meta = std::fs::metadata(dir).map_err(|e| io(dir, &e))?;
    if !meta.is_dir() {
        return Err(io(dir, &"not a directory"));
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| io(dir, &e))?;
        let is_yaml = entry
            .path()
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml");
        if entry.file_type().is_file() && is_yaml {
            paths.push(entry.into_path());
        }
    }
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, &e))?;
        out.push(RuleText {
            name: path.display().to_string(),
            text: text.into(),
            json: None,
        });
    }
    Ok(out)
}
