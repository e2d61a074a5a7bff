//! What the terminal is shown of a user's file and values: control
//! characters escaped, and the lines quoted around a finding shortened.
//!
//! A file name or a value may hold a line break (which would forge a line of
//! `--format concise` or split a table) or an escape sequence (which the
//! terminal would obey: colours, titles, links, even with `--color never`);
//! [`escape`] writes them out visibly. The lines quoted around a label are
//! rewritten the same way, and a line longer than [`LONG_LINE`] bytes keeps
//! only the parts around the label's ends (the rest becomes `…`): a finding
//! far into a long line (a one-line filing of 70 KB) would otherwise be
//! drawn with one column per character, and miette's renderer panics past
//! 65,535 of them. Line and column in the header are those of the file.

use std::borrow::Cow;
use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines longer than this (in bytes) are shortened around the label.
pub const LONG_LINE: usize = 240;
/// Bytes kept on each side of each end of the label in a shortened line.
const KEEP: usize = 60;

/// Whether a character is written out by [`escape`]: C0 and C1 controls,
/// DEL, and the bidirectional overrides and isolates (which reorder what
/// the reader sees).
fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text with its control characters written out: `\n`, `\r`, `\t`, or
/// `\u{1b}`. Text without any is borrowed.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Like [`escape`], keeping line breaks: for messages made of several lines.
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && hidden(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split('\n').map(escape).collect::<Vec<_>>().join("\n"))
}

/// Whether a reader cannot see a character, or cannot tell it from a plain
/// space: what [`escape`] writes out, zero-width and direction marks, the
/// byte-order mark, variation selectors and the unusual spaces (no-break,
/// ideographic, thin, …).
fn invisible(c: char) -> bool {
    hidden(c)
        || matches!(
            c,
            '\u{a0}'
                | '\u{ad}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{180e}'
                | '\u{2000}'..='\u{200f}'
                | '\u{2028}'..='\u{202f}'
                | '\u{205f}'..='\u{206f}'
                | '\u{3000}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
        )
}

/// A value between double quotes, for the user: each character they could
/// not see written as `<U+200B>` (`"示例<U+200B>科技"`), the others as they
/// are (not Rust's `\u{200b}` escapes).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if invisible(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        c => out.push(c),
    }
}

/// A finding's message (or help, with `help`) in a language, its values
/// escaped.
pub fn text(f: &crate::finding::Finding, lang: crate::Lang, help: bool) -> String {
    let args: Vec<(&str, String)> = f
        .placeholders(lang)
        .into_iter()
        .map(|(k, v)| (k, escape(&v).into_owned()))
        .collect();
    let template = if help { &f.rule.help } else { &f.rule.message };
    crate::lang::fill(template.get(lang), &args)
}

/// The lines around a label, rewritten for the terminal, as miette's source.
pub struct Window {
    name: String,
    text: String,
    /// Lines of the file before the window.
    first_line: usize,
    /// The label's start in `text`.
    label_start: usize,
    /// The label's start in the file: 0-based line, column in characters.
    line: usize,
    column: usize,
}

impl Window {
    /// The window around `span` of `text` (the label's line, and one line
    /// before and after), and the label within it.
    pub fn new(name: &str, text: &str, span: Range<usize>) -> (Window, Range<usize>) {
        Window::within(name, text, &super::Lines::new(text), span)
    }

    /// [`Window::new`] for a file whose lines are indexed: the window is
    /// found without reading the text from its start, so many findings in
    /// one large file cost what they show, not the file's size each.
    pub fn within(
        name: &str,
        text: &str,
        lines: &super::Lines,
        span: Range<usize>,
    ) -> (Window, Range<usize>) {
        let start = floor(text, span.start.min(text.len()));
        let end = floor(text, span.end.clamp(start, text.len()));
        let line = lines.line_index(start);
        // One line before.
        let first_line = line.saturating_sub(1);
        let from = lines.line_range(first_line, first_line).start;
        // The line of the label's last character, and one line after (with
        // its line break: miette shows an empty line as one).
        let last = if end > start {
            floor(text, end - 1)
        } else {
            start
        };
        let last_line = lines.line_index(last);
        let to = lines.line_range(last_line, last_line + 1).end.max(start);
        let column = lines.line_column(start).1.saturating_sub(1);
        let (shown, label) = rewrite(&text[from..to], start - from, end - from);
        (
            Window {
                name: escape(name).into_owned(),
                text: shown,
                first_line,
                label_start: label.start,
                line,
                column,
            },
            label,
        )
    }
}

/// The largest char boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary at or after `at`.
fn ceil(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Escapes and shortens the lines of `text`, mapping the label's ends.
fn rewrite(text: &str, start: usize, end: usize) -> (String, Range<usize>) {
    let mut out = String::with_capacity(text.len().min(4 * LONG_LINE));
    let (mut new_start, mut new_end) = (None, None);
    let mut mark = |out: &String, at: usize| {
        if at == start && new_start.is_none() {
            new_start = Some(out.len());
        }
        if at == end && new_end.is_none() {
            new_end = Some(out.len());
        }
    };
    let mut line_at = 0;
    for line in text.split_inclusive('\n') {
        let body_len = line
            .strip_suffix('\n')
            .map_or(line.len(), |b| b.strip_suffix('\r').unwrap_or(b).len());
        let body = &line[..body_len];
        let kept = if body.len() > LONG_LINE {
            let mut ranges = Vec::new();
            for point in [start, end] {
                if (line_at..=line_at + body_len).contains(&point) {
                    let p = point - line_at;
                    ranges.push(floor(body, p.saturating_sub(KEEP))..ceil(body, p + KEEP));
                }
            }
            if ranges.is_empty() {
                ranges.push(0..ceil(body, 2 * KEEP));
            }
            ranges.sort_by_key(|r| r.start);
            let mut merged: Vec<Range<usize>> = Vec::new();
            for r in ranges {
                match merged.last_mut() {
                    Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                    _ => merged.push(r),
                }
            }
            merged
        } else {
            let whole = 0..body.len();
            vec![whole]
        };
        let mut at = 0;
        for r in kept {
            if r.start > at {
                out.push('…');
            }
            for (i, c) in body[r.clone()].char_indices() {
                mark(&out, line_at + r.start + i);
                if c == '\t' {
                    out.push(c);
                } else if hidden(c) {
                    push_escaped(&mut out, c);
                } else {
                    out.push(c);
                }
            }
            at = r.end;
        }
        if at < body.len() {
            mark(&out, line_at + at);
            out.push('…');
        }
        // The line break (as `\n`: a lone `\r` was escaped above).
        mark(&out, line_at + body_len);
        if line.len() > body_len {
            out.push('\n');
        }
        line_at += line.len();
    }
    mark(&out, line_at);
    let new_start = new_start.unwrap_or(out.len());
    let new_end = new_end.unwrap_or(new_start).max(new_start);
    (out, new_start..new_end)
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        // The header's position is the label's in the file.
        let (line, column) = if before == 0 && after == 0 && span.offset() == self.label_start {
            (self.line, self.column)
        } else {
            (inner.line() + self.first_line, inner.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_show_what_cannot_be_seen() {
        assert_eq!(quoted("示例\u{200b}科技"), "\"示例<U+200B>科技\"");
        assert_eq!(
            quoted("a\u{3000}b\u{feff}\n"),
            "\"a<U+3000>b<U+FEFF><U+000A>\""
        );
        assert_eq!(quoted("plain text 示例"), "\"plain text 示例\"");
    }

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(escape("a.toml"), "a.toml");
        assert_eq!(escape("a\nb\u{1b}]0;x\u{7}"), "a\\nb\\u{1b}]0;x\\u{7}");
        assert_eq!(escape("\u{202e}lmth.exe"), "\\u{202e}lmth.exe");
        assert_eq!(escape_lines("one\ntwo\r"), "one\ntwo\\r");
    }

    #[test]
    fn long_lines_keep_the_label() {
        let text = format!("a = 1\nb = \"{}\" c\nd = 2\n", "x".repeat(100_000));
        let at = text.find(" c").unwrap() + 1;
        let (window, label) = Window::new("f.toml", &text, at..at + 1);
        assert!(window.text.len() < 600, "{}", window.text.len());
        assert_eq!(&window.text[label.clone()], "c");
        assert_eq!((window.line, window.column), (1, 100_007));
        assert!(window.text.starts_with("a = 1\n…xx"), "{}", window.text);
        assert!(window.text.ends_with("x\" c\nd = 2\n"), "{}", window.text);
    }

    #[test]
    fn short_lines_are_unchanged_but_escaped() {
        let text = "one\ntwo\nthr\u{1b}ee\nfour\nfive\n";
        let at = text.find("ee").unwrap();
        let (window, label) = Window::new("f", text, at..at + 2);
        assert_eq!(window.text, "two\nthr\\u{1b}ee\nfour\n");
        assert_eq!(&window.text[label], "ee");
        assert_eq!(window.first_line, 1);
        assert_eq!((window.line, window.column), (2, 4));
    }
}
