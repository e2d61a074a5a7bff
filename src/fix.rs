//! Repairing filings in place (`icp fix`): the fixes the rules declare
//! ([`crate::rules::fix`]) applied to the values their findings point at.
//!
//! Only the bytes of a repaired value change: each one is a string literal
//! at a finding's span, replaced by a literal of its canonical spelling in
//! the same quoting style. Comments, key order, blank lines and every other
//! byte stay as they were. A repair can make another rule's fix apply (a
//! phone with full-width digits is first made ASCII, then written the
//! office way), so the rules run again on the result until nothing is left
//! to repair. A filing that does not parse is never touched, and neither is
//! one whose repaired text would not parse.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::discover::read_bounded;
use crate::filing;
use crate::finding::Finding;
use crate::rules::RuleSet;
use crate::rules::engine::Dates;
use crate::rules::fix::{literal, string_literal};

/// At most this many rounds of repairs (each round's repairs can make the
/// next round's fixes apply; two or three are all the fixes ever need).
const ROUNDS: usize = 8;

/// One value repaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The rules whose fixes repaired it, in order.
    pub rules: Vec<Arc<str>>,
    /// The field path.
    pub path: String,
    /// The value as the filing wrote it.
    pub old: String,
    /// The value as it is now written.
    pub new: String,
    /// The line of the value (1-based) in the filing.
    pub line: usize,
}

/// Why a filing was left as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// It is not valid TOML: the fixes do not guess what was meant.
    Syntax,
    /// It is not UTF-8 text (`validate` says `not-utf8`).
    NotUtf8,
    /// Its repaired text would not parse (a guard: no fix should do this).
    WouldNotParse,
    /// It is a symbolic link: writing would replace the link, or reach out
    /// of the tree.
    Symlink,
    /// It is read-only.
    ReadOnly,
    /// Reading it failed.
    Unreadable(crate::lang::Text),
    /// Writing it failed.
    Io(crate::lang::Text),
}

/// The repairs of one filing's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repaired {
    /// The repaired text (the original when nothing changed).
    pub text: String,
    /// What changed, in file order.
    pub changes: Vec<Change>,
}

/// Repairs a filing's text. `Err` when it does not parse, before or after.
pub fn text(rules: &RuleSet, original: &str, dates: Dates) -> Result<Repaired, Refusal> {
    let mut text = original.to_owned();
    let mut changes: Vec<Change> = Vec::new();
    for round in 0..ROUNDS {
        let loaded = filing::load(text.as_bytes().to_vec());
        if !loaded.parsed {
            return Err(if round == 0 {
                Refusal::Syntax
            } else {
                Refusal::WouldNotParse
            });
        }
        let findings = rules.check(&loaded, dates);
        let edits = edits(&text, &findings);
        if edits.is_empty() {
            break;
        }
        let next = splice(&text, &edits).ok_or(Refusal::WouldNotParse)?;
        for edit in &edits {
            let before = text.get(..edit.span.start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            record(&mut changes, edit, line);
        }
        text = next;
    }
    changes.sort_by_key(|c| c.line);
    Ok(Repaired { text, changes })
}

/// A change of this round, merged with the one of an earlier round it
/// continues (the same field, from where that one left it).
fn record(changes: &mut Vec<Change>, edit: &Edit, line: usize) {
    if let Some(earlier) = changes
        .iter_mut()
        .find(|c| c.path == edit.path && c.new == edit.old)
    {
        earlier.new.clone_from(&edit.new);
        earlier.rules.push(edit.rule.clone());
        return;
    }
    changes.push(Change {
        rules: vec![edit.rule.clone()],
        path: edit.path.clone(),
        old: edit.old.clone(),
        new: edit.new.clone(),
        line,
    });
}

/// One literal to replace.
#[derive(Clone, Debug)]
struct Edit {
    span: Range<usize>,
    rule: Arc<str>,
    path: String,
    old: String,
    new: String,
}

/// The repairs the findings offer: one per span (the first rule's, by
/// position then id; the next round sees the rest), never overlapping.
fn edits(text: &str, findings: &[Finding]) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::new();
    for f in findings {
        let (Some(new), Some(span)) = (&f.fix, &f.span) else {
            continue;
        };
        let Some(old) = text.get(span.clone()).and_then(string_literal) else {
            continue;
        };
        if out
            .iter()
            .any(|e| e.span.start < span.end && span.start < e.span.end)
        {
            continue;
        }
        out.push(Edit {
            span: span.clone(),
            rule: f.rule.id.clone(),
            path: f.path.clone(),
            old,
            new: new.clone(),
        });
    }
    out
}

/// The text with the edits made, if it still parses as TOML.
fn splice(text: &str, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        let old_literal = text.get(e.span.clone())?;
        out.push_str(text.get(at..e.span.start)?);
        out.push_str(&literal(&e.new, old_literal));
        at = e.span.end;
    }
    out.push_str(text.get(at..)?);
    parses(&out).then_some(out)
}

/// Whether a text is a TOML document the filing loader reads.
fn parses(text: &str) -> bool {
    text.parse::<toml_edit::DocumentMut>().is_ok() && filing::load(text.as_bytes().to_vec()).parsed
}

/// What `icp fix` did, or would do, to one file.
#[derive(Debug)]
pub struct FileFix {
    /// The path as given or found.
    pub path: PathBuf,
    /// The text read.
    pub before: String,
    /// The repairs (`Err`: why the file is left as it was).
    pub result: Result<Repaired, Refusal>,
}

impl FileFix {
    /// Whether the file's text would change.
    pub fn changes(&self) -> bool {
        matches!(&self.result, Ok(r) if r.text != self.before)
    }
}

/// Reads a filing and works out its repairs; writes nothing.
pub fn plan(rules: &RuleSet, path: &Path, dates: Dates) -> FileFix {
    let (before, result) = match read_bounded(path) {
        Err(e) => (
            String::new(),
            Err(Refusal::Unreadable(crate::i18n::io_error(&e))),
        ),
        Ok(bytes) => match String::from_utf8(bytes) {
            // Not UTF-8 is not a filing the loader reads: nothing to repair.
            Err(_) => (String::new(), Err(Refusal::NotUtf8)),
            Ok(before) => {
                let result = text(rules, &before, dates);
                (before, result)
            }
        },
    };
    FileFix {
        path: path.to_path_buf(),
        before,
        result,
    }
}

/// Writes a planned repair: atomically, keeping the file's permissions and
/// owner; never through a symbolic link, never over a read-only file. A
/// file that would not change is not written. On `Err`, the file is as it
/// was.
pub fn write(fix: &FileFix) -> Result<(), Refusal> {
    let Ok(repaired) = &fix.result else {
        return Ok(());
    };
    if !fix.changes() {
        return Ok(());
    }
    let io = |e: &std::io::Error| Refusal::Io(crate::i18n::io_error(e));
    let meta = std::fs::symlink_metadata(&fix.path).map_err(|e| io(&e))?;
    if meta.file_type().is_symlink() {
        return Err(Refusal::Symlink);
    }
    if meta.permissions().readonly() {
        return Err(Refusal::ReadOnly);
    }
    // The file changed since it was read: leave it to the next run.
    if read_bounded(&fix.path).map_err(|e| io(&e))? != fix.before.as_bytes() {
        return Err(Refusal::Io(crate::lang::Text::new(
            "读取后文件已被修改",
            "the file changed after it was read",
        )));
    }
    crate::write::replace(&fix.path, repaired.text.as_bytes()).map_err(|e| io(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_keep_their_style() {
        assert_eq!(literal("a.com", "'A.com'"), "'a.com'");
        assert_eq!(literal("a'b", "'x'"), "\"a'b\"");
        assert_eq!(literal("a\"b\\", "\"x\""), "\"a\\\"b\\\\\"");
        assert_eq!(literal("x", "'''x'''"), "\"x\"");
        for v in ["a\u{1}b", "tab\there", "引号\"", "'"] {
            assert_eq!(string_literal(&literal(v, "'x'")).as_deref(), Some(v));
            assert_eq!(string_literal(&literal(v, "\"x\"")).as_deref(), Some(v));
        }
    }

    #[test]
    fn an_edit_that_breaks_the_file_is_refused() {
        let text = "version = 1\nname = \"x\"\n";
        let start = text.find("\"x\"").unwrap();
        let edit = Edit {
            span: start..start + 3,
            rule: Arc::from("r"),
            path: "name".into(),
            old: "x".into(),
            new: "y".into(),
        };
        assert!(splice(text, std::slice::from_ref(&edit)).is_some());
        // A span that cuts the line in two gives text that does not parse.
        let broken = Edit {
            span: start..start + 1,
            ..edit
        };
        assert_eq!(splice(text, &[broken]), None);
    }
}
