//! Character clean-up shared by every number, phone and domain check.
//!
//! Values copied from Chinese documents, chat messages and web forms often
//! carry full-width digits (１３８…), ideographic spaces, or invisible
//! characters (a zero-width space pasted with the text). [`clean`] removes them
//! and says which kinds it found, so a rule can report them and its help can
//! show the value as it should be written.

use std::borrow::Cow;

/// A value after clean-up, and what was removed or converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned<'a> {
    /// The cleaned value: half-width, no whitespace, no invisible characters
    /// (borrowed when nothing had to change, the common case).
    pub value: Cow<'a, str>,
    /// Full-width ASCII forms (U+FF01–U+FF5E) or U+3000 were converted.
    pub fullwidth: bool,
    /// Whitespace was removed (including U+3000).
    pub whitespace: bool,
    /// Zero-width, format or bidi control characters were removed.
    pub invisible: bool,
}

impl Cleaned<'_> {
    /// True if nothing had to be changed.
    pub fn unchanged(&self) -> bool {
        !(self.fullwidth || self.whitespace || self.invisible)
    }
}

/// Whether `c` is an invisible character that never belongs in a number or a domain.
///
/// Zero-width spaces and joiners, direction marks, embeddings, overrides and
/// isolates, word joiners and invisible operators, the BOM, the soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Converts full-width forms and U+3000 to ASCII and removes whitespace and invisible characters.
pub fn clean(s: &str) -> Cleaned<'_> {
    // Fast path: printable ASCII without spaces is already clean.
    if s.bytes().all(|b| b.is_ascii_graphic()) {
        return Cleaned {
            value: Cow::Borrowed(s),
            fullwidth: false,
            whitespace: false,
            invisible: false,
        };
    }
    let mut value = String::with_capacity(s.len());
    let (mut fullwidth, mut whitespace, mut invisible) = (false, false, false);
    for c in s.chars() {
        if is_invisible(c) {
            invisible = true;
        } else if c == '\u{3000}' {
            fullwidth = true;
            whitespace = true;
        } else if c.is_whitespace() {
            whitespace = true;
        } else if let Some(ascii) = halfwidth(c) {
            fullwidth = true;
            value.push(ascii);
        } else {
            value.push(c);
        }
    }
    // Nothing removed or converted (e.g. a Chinese domain): keep the borrow.
    let value = if fullwidth || whitespace || invisible {
        Cow::Owned(value)
    } else {
        Cow::Borrowed(s)
    };
    Cleaned {
        value,
        fullwidth,
        whitespace,
        invisible,
    }
}

/// The ASCII character for a full-width form U+FF01–U+FF5E (！ → !, ０ → 0, Ａ → A).
fn halfwidth(c: char) -> Option<char> {
    let code = u32::from(c);
    if (0xFF01..=0xFF5E).contains(&code) {
        char::from_u32(code - 0xFEE0)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_is_untouched() {
        let c = clean("91350100M000100Y43");
        assert_eq!(c.value, "91350100M000100Y43");
        assert!(c.unchanged());
        assert!(clean("").unchanged());
    }

    #[test]
    fn fullwidth_digits_and_letters() {
        let c = clean("１３８００１３８０００");
        assert_eq!(c.value, "13800138000");
        assert!(c.fullwidth && !c.whitespace && !c.invisible);
        assert_eq!(clean("ｅｘａｍｐｌｅ．ｃｏｍ").value, "example.com");
        assert_eq!(
            clean("４４０１１３２０１４１００５００１ｘ").value,
            "44011320141005001x"
        );
        assert_eq!(clean("（0755）－86013388").value, "(0755)-86013388");
    }

    #[test]
    fn whitespace_of_every_kind() {
        let c = clean(" 0755 8601\t3388\n");
        assert_eq!(c.value, "075586013388");
        assert!(c.whitespace && !c.fullwidth && !c.invisible);
        let c = clean("0755\u{3000}86013388\u{00A0}");
        assert_eq!(c.value, "075586013388");
        assert!(c.whitespace && c.fullwidth);
    }

    #[test]
    fn zero_width_and_bidi_characters() {
        let c = clean("exa\u{200B}mple.com\u{FEFF}");
        assert_eq!(c.value, "example.com");
        assert!(c.invisible && !c.whitespace && !c.fullwidth);
        for ch in [
            '\u{00AD}', '\u{200D}', '\u{200F}', '\u{202E}', '\u{2060}', '\u{2064}', '\u{2067}',
        ] {
            let text = format!("1{ch}2");
            let c = clean(&text);
            assert_eq!(c.value, "12", "{:X}", u32::from(ch));
            assert!(c.invisible);
        }
    }

    #[test]
    fn chinese_text_is_kept() {
        let c = clean("深圳市 南山区");
        assert_eq!(c.value, "深圳市南山区");
        assert!(c.whitespace && !c.fullwidth);
        // Not a full-width form: the ideographic full stop stays.
        assert_eq!(clean("示例。中国").value, "示例。中国");
    }
}
