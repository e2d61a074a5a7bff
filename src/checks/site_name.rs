//! Website names: how long a name counts as, and how many Han characters it has.
//!
//! Providers count a name's length with brackets, hyphens and spaces left
//! out; a Latin letter or a digit counts as one character like a Han
//! character does. Other symbols also count as one here (they are a separate
//! finding, since names should not contain them).

use unicode_script::{Script, UnicodeScript};

/// Characters that do not count towards a name's length.
fn uncounted(c: char) -> bool {
    matches!(c, '(' | ')' | '（' | '）' | '-') || c.is_whitespace()
}

/// The length of a website name as filing systems count it (brackets, `-` and whitespace excluded).
pub fn counted_length(name: &str) -> usize {
    name.chars().filter(|&c| !uncounted(c)).count()
}

/// The number of Han (Chinese) characters in a name.
pub fn han_count(name: &str) -> usize {
    name.chars().filter(|&c| is_han(c)).count()
}

/// Whether a character is a Han character. The common ideograph blocks are
/// tested first by range; anything else asks the Unicode script tables.
fn is_han(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => true,
        c if c.is_ascii() => false,
        c => c.script() == Script::Han,
    }
}

/// The distinct symbols in a name: characters other than letters (of any
/// script, Han included), digits, whitespace, brackets, `-` and `·`. Empty
/// when there are none.
pub fn symbols(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let allowed = c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(c, '(' | ')' | '（' | '）' | '-' | '·');
        if !allowed && !out.contains(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_listed_once() {
        assert_eq!(symbols("示例科技"), "");
        assert_eq!(symbols("示例(深圳)-官网 Example·2"), "");
        assert_eq!(symbols("示例★科技★!"), "★!");
        assert_eq!(symbols("www.示例.com"), ".");
    }

    #[test]
    fn lengths() {
        assert_eq!(counted_length("示例科技"), 4);
        assert_eq!(counted_length("示例(深圳)"), 4);
        assert_eq!(counted_length("示例（深圳）-官网"), 6);
        assert_eq!(counted_length("ABC 123"), 6);
        assert_eq!(counted_length("  \u{3000}"), 0);
        assert_eq!(counted_length(""), 0);
    }

    #[test]
    fn han() {
        assert_eq!(han_count("示例科技"), 4);
        assert_eq!(han_count("示例ABC123"), 2);
        assert_eq!(han_count("ABC"), 0);
        assert_eq!(han_count("（）-"), 0);
    }
}
