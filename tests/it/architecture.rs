//! The library's shape, read from its source. Data flows one way (load →
//! facts → rules → findings → report), so no top-level module of the library
//! (`src/<name>.rs` with `src/<name>/`) may depend, directly or through
//! others, on a module that depends on it; and the library never writes to
//! the terminal (only the binary, `src/bin/`, does).
//!
//! A module's dependencies are the `crate::…` paths of its code (and the
//! `super::…` paths that climb out of it), outside comments, string literals
//! and `#[cfg(test)]` items: tests may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// A library source file with comments and literals blanked out.
struct Source {
    /// Relative to the repository, for messages.
    path: String,
    /// Its module path: `src/rules/engine.rs` is `["rules", "engine"]`.
    module: Vec<String>,
    /// Its code, comments, strings and `#[cfg(test)]` items blanked out
    /// (newlines kept, so offsets still give line numbers).
    code: String,
}

impl Source {
    fn line(&self, offset: usize) -> usize {
        self.code[..offset].matches('\n').count() + 1
    }
}

/// Every file of the library but the crate root, whose `pub use` lines are
/// read apart ([`reexports`]).
fn library() -> Vec<Source> {
    let root = Path::new(SRC);
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path != root.join("bin") {
                    dirs.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") && path != root.join("lib.rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let rel: PathBuf = path.strip_prefix(root).unwrap().with_extension("");
            let mut module: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            Source {
                path: format!("src/{}", path.strip_prefix(root).unwrap().display()),
                module,
                code: without_tests(&blank_comments_and_literals(&text)),
            }
        })
        .collect()
}

/// The text with every comment, string and character literal replaced by
/// spaces (newlines kept).
fn blank_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            // Block comments nest.
            let mut depth = 0;
            loop {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !is_ident(chars.get(i.wrapping_sub(1)))
        {
            // A raw string: r"…", r#"…"#, and so on.
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            let start = i;
            i += 2 + hashes;
            while i < chars.len()
                && !chars[i..]
                    .iter()
                    .take(close.len())
                    .copied()
                    .eq(close.chars())
            {
                i += 1;
            }
            i = (i + close.len()).min(chars.len());
            chars[start..i].iter().for_each(|c| blank(&mut out, *c));
        } else if c == '"' {
            blank(&mut out, c);
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
            if i < chars.len() {
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{…}'), or a lifetime ('a).
            let len = if next == Some('\\') {
                // The escaped character may be a quote: '\''.
                chars[i + 3..]
                    .iter()
                    .position(|c| *c == '\'')
                    .map(|p| p + 4)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(3)
            } else {
                None
            };
            match len {
                Some(len) => {
                    chars[i..i + len].iter().for_each(|c| blank(&mut out, *c));
                    i += len;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The code with every `#[cfg(test)]` item, statement or field blanked out:
/// up to the end of its `{ … }` body, its `;`, or the `,` or `}` that ends
/// a field.
fn without_tests(code: &str) -> String {
    let attribute = regex::Regex::new(r"#\s*\[\s*cfg\s*\(\s*test\s*\)\s*\]").unwrap();
    let mut out = code.to_owned();
    let bytes = code.as_bytes();
    for m in attribute.find_iter(code) {
        let mut depth = 0i32;
        let mut end = m.end();
        while end < bytes.len() {
            match bytes[end] {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b'{' if depth == 0 => {
                    end = matching_brace(bytes, end) + 1;
                    break;
                }
                b';' if depth == 0 => {
                    end += 1;
                    break;
                }
                b',' | b'}' if depth == 0 => break,
                _ => {}
            }
            end += 1;
        }
        let blanked: String = code[m.start()..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        // Same length in bytes only when the text is ASCII; it is code with
        // literals and comments already blanked, so it is.
        assert_eq!(blanked.len(), end - m.start(), "non-ASCII code");
        out.replace_range(m.start()..end, &blanked);
    }
    out
}

fn matching_brace(bytes: &[u8], open: usize) -> usize {
    let mut depth = 0;
    for (i, b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    bytes.len() - 1
}

/// The names the crate root re-exports, and the module each comes from
/// (`pub use lang::{Lang, Text};`).
fn reexports() -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    let line = regex::Regex::new(r"(?m)^pub use ([a-z_]+)::(?:\{([^}]*)\}|([A-Za-z_]+));").unwrap();
    let mut out = BTreeMap::new();
    for cap in line.captures_iter(&lib) {
        let names = cap.get(2).or(cap.get(3)).unwrap().as_str();
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            out.insert(name.to_owned(), cap[1].to_owned());
        }
    }
    out
}

/// Where a dependency was seen first.
type Edges = BTreeMap<String, BTreeMap<String, String>>;

/// The dependencies between the top-level modules.
fn dependencies(sources: &[Source]) -> Edges {
    let modules: BTreeSet<&str> = sources.iter().map(|s| s.module[0].as_str()).collect();
    let reexports = reexports();
    // A path from the crate root or from a parent: `crate::rules::RuleSet`,
    // `super::super::fields`, `crate::{filing, rules}`.
    let path = regex::Regex::new(
        r"\b(crate|super)((?:\s*::\s*super)*)\s*::\s*(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)",
    )
    .unwrap();
    let mut edges = Edges::new();
    let mut unknown = Vec::new();
    for source in sources {
        let from = &source.module[0];
        for cap in path.captures_iter(&source.code) {
            // How many levels below the root the path starts.
            let ups = cap[2].matches("super").count() + usize::from(&cap[1] == "super");
            let depth = if &cap[1] == "crate" {
                0
            } else {
                source.module.len().saturating_sub(ups)
            };
            if depth > 0 {
                continue; // inside the file's own top-level module
            }
            let named = cap[3].trim_start_matches('{').trim_end_matches('}');
            // In a group, the first name of each entry.
            let firsts = named
                .split(',')
                .filter_map(|entry| entry.split("::").next())
                .map(str::trim)
                .filter(|n| !n.is_empty() && *n != "self");
            for name in firsts {
                let to = if modules.contains(name) {
                    name.to_owned()
                } else if let Some(m) = reexports.get(name) {
                    m.clone()
                } else {
                    unknown.push(format!(
                        "{}:{}: crate::{name}",
                        source.path,
                        source.line(cap.get(0).unwrap().start())
                    ));
                    continue;
                };
                if &to != from {
                    let at = format!(
                        "{}:{}",
                        source.path,
                        source.line(cap.get(0).unwrap().start())
                    );
                    edges
                        .entry(from.clone())
                        .or_default()
                        .entry(to)
                        .or_insert(at);
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "paths that name neither a module nor a re-export of the crate root:\n{}",
        unknown.join("\n")
    );
    edges
}

/// A cycle of the graph, as the modules along it (the first repeated last).
fn find_cycle(edges: &Edges) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        edges: &Edges,
        state: &mut BTreeMap<String, State>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(State::Done) => return None,
            Some(State::Open) => {
                let start = stack.iter().position(|n| n == node).unwrap();
                let mut cycle = stack[start..].to_vec();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        state.insert(node.to_owned(), State::Open);
        stack.push(node.to_owned());
        for next in edges.get(node).into_iter().flat_map(BTreeMap::keys) {
            if let Some(cycle) = visit(next, edges, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(node.to_owned(), State::Done);
        None
    }
    let mut state = BTreeMap::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut state, &mut Vec::new()))
}

#[test]
fn no_import_cycle_between_library_modules() {
    let sources = library();
    let edges = dependencies(&sources);
    // The reading works: it finds the dependencies the design names.
    for (from, to) in [
        ("rules", "filing"),
        ("rules", "finding"),
        ("report", "finding"),
        ("validate", "rules"),
    ] {
        assert!(
            edges.get(from).is_some_and(|e| e.contains_key(to)),
            "no dependency {from} → {to} found: {edges:#?}"
        );
    }
    if let Some(cycle) = find_cycle(&edges) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("  {} → {}  ({})", w[0], w[1], edges[&w[0]][&w[1]]))
            .collect();
        panic!(
            "the library's modules depend on each other in a cycle:\n{}",
            steps.join("\n")
        );
    }
}

#[test]
fn the_library_never_prints() {
    let printing =
        regex::Regex::new(r"\b(e?print(ln)?!|dbg!|(io\s*::\s*)?std(out|err)\s*\(\s*\))").unwrap();
    let mut found = Vec::new();
    for source in library() {
        for m in printing.find_iter(&source.code) {
            found.push(format!(
                "{}:{}: {}",
                source.path,
                source.line(m.start()),
                m.as_str()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "library code writes to the terminal:\n{}",
        found.join("\n")
    );
}
