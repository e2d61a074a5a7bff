//! Conditions: the compiled form of `when:` and `assert:` in rule files, and
//! their three-valued evaluation.
//!
//! A test on a fact that is absent or not yet known is *unknown*, never
//! false: `when` applies a rule only when its condition is true, `assert`
//! reports only when its condition is false. So the same condition works on a
//! complete filing, on a half-filled one (the wizard) and, rendered as prose,
//! with no filing at all.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::ToSpan;
use jiff::civil::Date;
use regex::Regex;

use crate::facts::{Ctx, Env, Fact, Value};

/// A truth value that may be unknown (Kleene logic).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    /// Holds.
    True,
    /// Does not hold.
    False,
    /// Cannot be decided (a value is missing or not known yet).
    Unknown,
}

impl Tri {
    fn from_bool(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }

    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

/// A compiled condition.
#[derive(Clone, Debug)]
pub enum Cond {
    /// Every condition holds.
    All(Vec<Cond>),
    /// At least one holds.
    Any(Vec<Cond>),
    /// Negation.
    Not(Box<Cond>),
    /// A test of one fact.
    Test {
        /// The fact.
        fact: Fact,
        /// The test.
        op: Op,
    },
}

/// A literal a fact is compared with, already converted to the fact's type.
#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A text (for vocabularies: the canonical key; for provinces: the code).
    Text(String),
    /// A date.
    Date(Date),
    /// A date relative to the as-of date (`today+3m`) or to the date of
    /// the check (`now+3m`).
    Relative(RelativeDate),
}

/// The date a relative date counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateBase {
    /// `today`: the as-of date (the filing's `prepared_on`, else the date
    /// of the check), which also picks the rules in force.
    AsOf,
    /// `now`: the date of the check (the system date in China, or
    /// `--today`), never earlier than the as-of date. It differs from the
    /// as-of date only for a filing prepared on an earlier day: an ID valid
    /// on `prepared_on` may have expired by the day the filing goes in.
    Now,
}

impl DateBase {
    /// The word in rule files.
    pub fn word(self) -> &'static str {
        match self {
            DateBase::AsOf => "today",
            DateBase::Now => "now",
        }
    }

    /// The date it stands for in an evaluation.
    pub fn date(self, env: &crate::facts::Env<'_>) -> Date {
        match self {
            DateBase::AsOf => env.as_of,
            DateBase::Now => env.now,
        }
    }
}

/// `today`, `today+3m`, `today-16y`, `today+90d`; `now`, `now+3m`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelativeDate {
    /// What it counts from.
    pub base: DateBase,
    /// Signed number of units.
    pub amount: i32,
    /// `d`, `m` or `y`.
    pub unit: char,
}

impl RelativeDate {
    /// Parses `today` or `now` with an optional signed offset.
    pub fn parse(s: &str) -> Option<RelativeDate> {
        let s = s.trim();
        let (base, rest) = match (s.strip_prefix("today"), s.strip_prefix("now")) {
            (Some(rest), _) => (DateBase::AsOf, rest),
            (_, Some(rest)) => (DateBase::Now, rest),
            _ => return None,
        };
        if rest.is_empty() {
            return Some(RelativeDate {
                base,
                amount: 0,
                unit: 'd',
            });
        }
        let unit = rest.chars().last()?;
        if !matches!(unit, 'd' | 'm' | 'y') {
            return None;
        }
        let number = &rest[..rest.len() - 1];
        let amount: i32 = number.strip_prefix('+').unwrap_or(number).parse().ok()?;
        if !number.starts_with(['+', '-']) || amount.abs() > 1000 {
            return None;
        }
        Some(RelativeDate { base, amount, unit })
    }

    /// The date it names when its base is `base`.
    pub fn on(self, base: Date) -> Option<Date> {
        let span = match self.unit {
            'y' => self.amount.years(),
            'm' => self.amount.months(),
            _ => self.amount.days(),
        };
        base.checked_add(span).ok()
    }
}

impl std::fmt::Display for Lit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Lit::Bool(b) => write!(f, "{b}"),
            Lit::Int(i) => write!(f, "{i}"),
            Lit::Text(t) => f.write_str(t),
            Lit::Date(d) => write!(f, "{d}"),
            Lit::Relative(r) if r.amount == 0 => f.write_str(r.base.word()),
            Lit::Relative(r) => write!(f, "{}{:+}{}", r.base.word(), r.amount, r.unit),
        }
    }
}

/// A regular expression of a rule file. An agency's is checked when its
/// file is loaded ([`Pattern::new`]); a built-in file's is checked by the
/// tests instead ([`Pattern::trusted`]). Either is compiled the first time
/// a rule uses it, so rules that never apply cost nothing at start-up.
#[derive(Debug)]
pub struct Pattern {
    source: String,
    compiled: OnceLock<Option<Regex>>,
}

impl Clone for Pattern {
    fn clone(&self) -> Self {
        Pattern::unchecked(self.source.clone())
    }
}

impl Pattern {
    /// Checks the syntax, and that the engine accepts the pattern (a
    /// pattern over its size limit, `\w{5000}`, parses but does not
    /// compile: it would never match, so an `assert` would fire on every
    /// value); the error message says what is wrong. Short patterns without
    /// a counted repetition are within any limit and compile on first use.
    pub fn new(source: &str) -> Result<Pattern, String> {
        regex_syntax::Parser::new()
            .parse(source)
            .map_err(|e| e.to_string())?;
        let pattern = Pattern::unchecked(source.to_owned());
        if source.len() > 64 || source.contains('{') {
            let compiled = Regex::new(source).map_err(|e| e.to_string())?;
            let _ = pattern.compiled.set(Some(compiled));
        }
        Ok(pattern)
    }

    /// A pattern of a built-in rule file, compiled on first use: the tests
    /// check every built-in pattern as [`Pattern::new`] does (they read the
    /// files from YAML), so start-up need not compile them all again.
    pub fn trusted(source: &str) -> Pattern {
        Pattern::unchecked(source.to_owned())
    }

    fn unchecked(source: String) -> Pattern {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the text matches. A pattern whose syntax parsed but that the
    /// regex engine still refuses (e.g. too big) never matches.
    pub fn is_match(&self, text: &str) -> bool {
        self.compiled
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
            .is_some_and(|re| re.is_match(text))
    }
}

/// A test of a fact.
#[derive(Clone, Debug)]
pub enum Op {
    /// Equal.
    Eq(Lit),
    /// Not equal.
    Ne(Lit),
    /// One of.
    In(Vec<Lit>),
    /// None of.
    NotIn(Vec<Lit>),
    /// Less than.
    Lt(Lit),
    /// At most.
    Le(Lit),
    /// More than.
    Gt(Lit),
    /// At least.
    Ge(Lit),
    /// Text contains any of (case-insensitive for Latin letters), or a list
    /// contains any of.
    Contains(Vec<String>),
    /// Text starts with any of.
    StartsWith(Vec<String>),
    /// Text ends with any of.
    EndsWith(Vec<String>),
    /// Text (or any list item) matches.
    Matches(Pattern),
    /// Filled in (true) or not (false).
    Present(bool),
    /// Text contains another fact's text.
    ContainsFact(Fact),
    /// Equal to another fact.
    EqFact(Fact),
    /// Not equal to another fact.
    NeFact(Fact),
    /// In the row of `table` selected by `key`'s value; no row: anything.
    InBy {
        /// The fact selecting the row.
        key: Fact,
        /// Rows.
        table: HashMap<String, Vec<Lit>>,
    },
}

impl Cond {
    /// Whether the condition holds whatever the filing, e.g. a filing type in
    /// the list of every type (a province override that widens a national
    /// rule's condition writes one): nothing worth saying as a reason.
    pub fn always(&self) -> bool {
        match self {
            Cond::All(items) => items.iter().all(Cond::always),
            Cond::Any(items) => items.iter().any(Cond::always),
            Cond::Not(_) => false,
            Cond::Test {
                fact,
                op: Op::In(values),
            } => match fact.ty() {
                crate::facts::Ty::Choice(c) => {
                    let distinct: std::collections::HashSet<&str> = values
                        .iter()
                        .filter_map(|v| match v {
                            Lit::Text(t) => Some(t.as_str()),
                            _ => None,
                        })
                        .collect();
                    c.count().is_some_and(|n| distinct.len() >= n)
                }
                _ => false,
            },
            Cond::Test { .. } => false,
        }
    }

    /// Evaluates the condition.
    pub fn eval(&self, ctx: &Ctx<'_>) -> Tri {
        match self {
            Cond::All(items) => {
                let mut result = Tri::True;
                for c in items {
                    match c.eval(ctx) {
                        Tri::False => return Tri::False,
                        Tri::Unknown => result = Tri::Unknown,
                        Tri::True => {}
                    }
                }
                result
            }
            Cond::Any(items) => {
                let mut result = Tri::False;
                for c in items {
                    match c.eval(ctx) {
                        Tri::True => return Tri::True,
                        Tri::Unknown => result = Tri::Unknown,
                        Tri::False => {}
                    }
                }
                result
            }
            Cond::Not(c) => c.eval(ctx).not(),
            Cond::Test { fact, op } => op.test(&ctx.value(*fact), ctx),
        }
    }

    /// The first fact the condition tests: where a failed assertion points
    /// when the rule does not say `at:`.
    pub fn first_fact(&self) -> Option<Fact> {
        match self {
            Cond::All(items) | Cond::Any(items) => items.iter().find_map(Cond::first_fact),
            Cond::Not(c) => c.first_fact(),
            Cond::Test { fact, .. } => Some(*fact),
        }
    }

    /// Every fact the condition reads (for checking availability).
    pub fn facts(&self, out: &mut Vec<Fact>) {
        match self {
            Cond::All(items) | Cond::Any(items) => items.iter().for_each(|c| c.facts(out)),
            Cond::Not(c) => c.facts(out),
            Cond::Test { fact, op } => {
                out.push(*fact);
                match op {
                    Op::EqFact(other) | Op::NeFact(other) | Op::ContainsFact(other) => {
                        out.push(*other)
                    }
                    Op::InBy { key, .. } => out.push(*key),
                    _ => {}
                }
            }
        }
    }
}

fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

impl Op {
    fn test(&self, value: &Value<'_>, ctx: &Ctx<'_>) -> Tri {
        if let Op::Present(want) = self {
            return match value.is_present() {
                Some(present) => Tri::from_bool(present == *want),
                None => Tri::Unknown,
            };
        }
        if matches!(value, Value::Unknown | Value::Null) {
            return Tri::Unknown;
        }
        let env = ctx.env;
        match self {
            Op::Present(_) => Tri::Unknown,
            Op::Eq(lit) => equals(value, lit, env),
            Op::Ne(lit) => equals(value, lit, env).not(),
            Op::In(lits) => any_of(lits.iter().map(|l| equals(value, l, env))),
            Op::NotIn(lits) => any_of(lits.iter().map(|l| equals(value, l, env))).not(),
            Op::Lt(lit) => compare(value, lit, env, |o| o.is_lt()),
            Op::Le(lit) => compare(value, lit, env, |o| o.is_le()),
            Op::Gt(lit) => compare(value, lit, env, |o| o.is_gt()),
            Op::Ge(lit) => compare(value, lit, env, |o| o.is_ge()),
            Op::Contains(needles) => match value {
                Value::Text(t) => {
                    let hay = lower(t);
                    Tri::from_bool(needles.iter().any(|n| hay.contains(lower(n).as_ref())))
                }
                Value::List(items) => Tri::from_bool(items.iter().any(|item| {
                    matches!(item, Value::Text(t) if needles.iter().any(|n| n == t.as_ref()))
                })),
                _ => Tri::Unknown,
            },
            Op::StartsWith(prefixes) => text_test(value, |t| {
                let t = lower(t);
                prefixes.iter().any(|p| t.starts_with(lower(p).as_ref()))
            }),
            Op::EndsWith(suffixes) => text_test(value, |t| {
                let t = lower(t);
                suffixes.iter().any(|s| t.ends_with(lower(s).as_ref()))
            }),
            Op::Matches(re) => match value {
                Value::List(items) => Tri::from_bool(
                    items
                        .iter()
                        .any(|i| matches!(i, Value::Text(t) if re.is_match(t))),
                ),
                _ => text_test(value, |t| re.is_match(t)),
            },
            Op::ContainsFact(other) => match (value, ctx.value(*other)) {
                (Value::Text(t), Value::Text(o)) if !visible(&o).is_empty() => {
                    Tri::from_bool(visible(t).contains(visible(&o).as_ref()))
                }
                _ => Tri::Unknown,
            },
            Op::EqFact(other) => same(value, &ctx.value(*other)),
            Op::NeFact(other) => same(value, &ctx.value(*other)).not(),
            Op::InBy { key, table } => match ctx.value(*key) {
                Value::Text(k) => match table.get(k.as_ref()) {
                    Some(allowed) => any_of(allowed.iter().map(|l| equals(value, l, env))),
                    None => Tri::True,
                },
                _ => Tri::Unknown,
            },
        }
    }
}

fn any_of(results: impl Iterator<Item = Tri>) -> Tri {
    let mut out = Tri::False;
    for r in results {
        match r {
            Tri::True => return Tri::True,
            Tri::Unknown => out = Tri::Unknown,
            Tri::False => {}
        }
    }
    out
}

fn text_test(value: &Value<'_>, test: impl Fn(&str) -> bool) -> Tri {
    match value {
        Value::Text(t) => Tri::from_bool(test(t)),
        _ => Tri::Unknown,
    }
}

fn equals(value: &Value<'_>, lit: &Lit, env: &Env<'_>) -> Tri {
    match (value, lit) {
        (Value::Bool(a), Lit::Bool(b)) => Tri::from_bool(a == b),
        (Value::Int(a), Lit::Int(b)) => Tri::from_bool(a == b),
        (Value::Text(a), Lit::Text(b)) => Tri::from_bool(a.trim() == b.as_str()),
        (Value::Date(a), Lit::Date(b)) => Tri::from_bool(a == b),
        (Value::Date(a), Lit::Relative(r)) => match r.on(r.base.date(env)) {
            Some(b) => Tri::from_bool(*a == b),
            None => Tri::Unknown,
        },
        _ => Tri::Unknown,
    }
}

fn compare(
    value: &Value<'_>,
    lit: &Lit,
    env: &Env<'_>,
    accept: impl Fn(std::cmp::Ordering) -> bool,
) -> Tri {
    let ordering = match (value, lit) {
        (Value::Int(a), Lit::Int(b)) => a.cmp(b),
        (Value::Date(a), Lit::Date(b)) => a.cmp(b),
        (Value::Date(a), Lit::Relative(r)) => match r.on(r.base.date(env)) {
            Some(b) => a.cmp(&b),
            None => return Tri::Unknown,
        },
        _ => return Tri::Unknown,
    };
    Tri::from_bool(accept(ordering))
}

/// A text as a reader sees it: trimmed, without invisible characters (a
/// zero-width space pasted into 李\u{200B}四). Two facts compared with each
/// other are compared this way, so that a finding never says two values
/// differ that look the same; the invisible character is reported by the
/// rule that checks that field's characters.
fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let s = s.trim();
    if s.chars().any(crate::checks::chars::is_invisible) {
        std::borrow::Cow::Owned(
            s.chars()
                .filter(|c| !crate::checks::chars::is_invisible(*c))
                .collect::<String>()
                .trim()
                .to_owned(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn same(a: &Value<'_>, b: &Value<'_>) -> Tri {
    match (a, b) {
        (Value::Unknown | Value::Null, _) | (_, Value::Unknown | Value::Null) => Tri::Unknown,
        (Value::Text(x), Value::Text(y)) => Tri::from_bool(visible(x) == visible(y)),
        (x, y) => Tri::from_bool(x == y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates() {
        let d: Date = "2026-11-28".parse().unwrap();
        let r = RelativeDate::parse("today+3m").unwrap();
        assert_eq!(r.on(d), Some("2027-02-28".parse().unwrap()));
        let r = RelativeDate::parse("today-16y").unwrap();
        assert_eq!(r.on(d), Some("2010-11-28".parse().unwrap()));
        assert_eq!(RelativeDate::parse("today").unwrap().on(d), Some(d));
        assert!(RelativeDate::parse("today3m").is_none());
        let r = RelativeDate::parse("now+3m").unwrap();
        assert_eq!((r.base, r.amount, r.unit), (DateBase::Now, 3, 'm'));
        assert_eq!(Lit::Relative(r).to_string(), "now+3m");
        assert_eq!(RelativeDate::parse("now").unwrap().base, DateBase::Now);
        assert!(RelativeDate::parse("nowhere").is_none());
        assert!(RelativeDate::parse("tomorrow").is_none());
        assert!(RelativeDate::parse("today+3w").is_none());
    }

    #[test]
    fn compared_texts_ignore_invisible_characters() {
        let text = |s: &'static str| Value::Text(std::borrow::Cow::Borrowed(s));
        assert_eq!(same(&text("李\u{200B}四"), &text("李四")), Tri::True);
        assert_eq!(same(&text(" 李四\u{FEFF}"), &text("李四")), Tri::True);
        assert_eq!(same(&text("李四"), &text("李五")), Tri::False);
        assert_eq!(visible("\u{200B}"), "");
        assert_eq!(visible("示例\u{200D}科技"), "示例科技");
    }

    #[test]
    fn kleene_logic() {
        assert_eq!(any_of([Tri::False, Tri::Unknown].into_iter()), Tri::Unknown);
        assert_eq!(any_of([Tri::Unknown, Tri::True].into_iter()), Tri::True);
        assert_eq!(Tri::Unknown.not(), Tri::Unknown);
    }
}
