//! Privacy (`icp validate --redact`): ID numbers, phone numbers and e-mail
//! addresses masked in a report before any renderer sees it, so that every
//! output format — miette's source snippets included — shows only masked
//! values.
//!
//! A masked value keeps a short prefix and suffix: `4403**********123X`,
//! `138****8000`, `086-0755-****3388`, `z*******@example.com`. Masking
//! replaces each hidden character by one of the same UTF-8 length (`*`, or
//! `＊` for a full-width character), so every byte offset (the spans of the
//! findings) and every column stays where it was.
//!
//! Three nets, so that a value slips through none of them:
//! - the values of the keys that hold such numbers (the fields the field
//!   table marks personal: `id_number`, `mobile`, `office_phone`,
//!   `emergency_phone`, `email`), found in the text itself rather than in
//!   the loaded model, so that a value of the wrong type, an inline table or
//!   a file that is not valid TOML is masked too;
//!   The keys are read as TOML reads them (quoted, escaped: `"id\u005Fnumber"`),
//!   and a key that is not the format's but reads like a personal one (a
//!   typo such as `id_numbr`, `phone`, `passport_no`) masks its value too;
//! - anything that looks like one of them anywhere else (a comment, a note, a
//!   file name, a message's placeholder): 18- and 15-digit ID numbers,
//!   mobile and landline numbers, written with or without separators
//!   (`137.1234.5670`, `0755 2654 1234`, `4403 0519 9003 0744 37`),
//!   passport and travel permit numbers (`E12345678`, `H12345678`), e-mail
//!   addresses, internationalised ones included;
//! - in a finding's placeholders: the value of a field of those kinds,
//!   and every value the filing gives those keys, wherever it appears.
//!
//! File paths are left as they are: a report must say which file it is
//! about.

use std::sync::LazyLock;

use regex::Regex;

use crate::checklist::Checklist;
use crate::filing::fields::FIELDS;
use crate::finding::Finding;
use crate::validate::FileReport;

/// What a value is, which decides how it is masked: an identity document
/// number keeps its first and last four characters; a phone number its last
/// four digits, the four before them go; an e-mail address its first
/// character and its domain.
pub use crate::filing::fields::Personal as Kind;

/// The kind of value a filing key holds (the last segment of a dotted path,
/// `websites[0].principal.mobile` → `mobile`), if it is one to mask. A key
/// is personal in every table or in none (the field table's tests see to
/// it), so the key alone decides.
pub fn field_kind(path: &str) -> Option<Kind> {
    let key = path.rsplit('.').next().unwrap_or(path);
    FIELDS.iter().find(|f| f.key == key)?.personal
}

/// A report with every ID number, phone number and e-mail address masked in
/// its text and in its findings' placeholders. Spans stay valid.
pub fn file_report(mut report: FileReport) -> FileReport {
    let known = known_values(&report.text);
    report.text = filing_text(&report.text);
    for finding in &mut report.findings {
        redact_finding(finding, &known);
    }
    report
}

/// A checklist with every ID number, phone number and e-mail address masked
/// wherever it shows the filing's text: the subject's and websites' names
/// (read again from the masked text, so whatever the checklist shows of the
/// filing is masked as `validate` masks it), the file names of its
/// documents and the findings that make one unusable.
pub fn checklist(mut list: Checklist) -> Checklist {
    use crate::rules::engine::DocStatus;
    let known = known_values(&list.loaded.text);
    if !list.loaded.text.is_empty() {
        list.loaded = crate::filing::load(filing_text(&list.loaded.text));
    }
    for doc in &mut list.documents {
        if let DocStatus::Provided { file } | DocStatus::Unusable { file, .. } = &mut doc.status {
            *file = placeholder(file, None, &known);
        }
        // The findings that make a file unusable show values, as validate's do.
        if let DocStatus::Unusable { problems, .. } = &mut doc.status {
            problems.iter_mut().for_each(|f| redact_finding(f, &known));
        }
    }
    list
}

/// A filing's text with the values of its ID, phone and e-mail keys and
/// anything else that looks like one masked; same length in bytes.
pub fn filing_text(text: &str) -> String {
    let mut hide = Hidden::new(text);
    for (kind, range) in keyed_values(text) {
        hide.value(kind, range);
    }
    hide.patterns();
    hide.apply()
}

/// A text with anything that looks like an ID number, a phone number or an
/// e-mail address masked; same length in bytes.
pub fn text(s: &str) -> String {
    let mut hide = Hidden::new(s);
    hide.patterns();
    hide.apply()
}

fn redact_finding(finding: &mut Finding, known: &[(Kind, String)]) {
    let field = field_kind(&finding.path);
    for (name, value) in &mut finding.args {
        // `value` and `fixed` are the field's value (as written, or
        // repaired); other placeholders (an age, a check digit, an area
        // code) are facts about it.
        let whole = field.filter(|_| matches!(*name, "value" | "fixed"));
        for text in value.texts_mut() {
            *text = placeholder(text, whole, known);
        }
    }
    for (name, value) in &mut finding.facts {
        let kind = field_kind(name);
        for text in value.texts_mut() {
            *text = placeholder(text, kind, known);
        }
    }
    // What `icp fix` would write is the field's value, repaired.
    if let Some(fix) = &mut finding.fix {
        *fix = placeholder(fix, field, known);
    }
}

/// A placeholder's value masked: as a whole when it is a value of that kind,
/// wherever it holds a value the filing gives a masked key, and wherever
/// something looks like one.
fn placeholder(s: &str, whole: Option<Kind>, known: &[(Kind, String)]) -> String {
    let mut hide = Hidden::new(s);
    if let Some(kind) = whole.filter(|k| looks_like(*k, s)) {
        hide.value(kind, 0..s.len());
    }
    for (kind, value) in known {
        for (at, _) in s.match_indices(value.as_str()) {
            hide.value(*kind, at..at + value.len());
        }
    }
    hide.patterns();
    hide.apply()
}

/// Whether a placeholder of a field of this kind holds such a value rather
/// than something derived from it (`false`, an age of `15`).
fn looks_like(kind: Kind, s: &str) -> bool {
    match kind {
        Kind::Id | Kind::Phone => s.chars().filter(|c| c.is_numeric()).count() >= 5,
        Kind::Email => s.contains('@'),
    }
}

/// `key = value` for any key, in any TOML spelling: a bare or quoted key
/// (escapes included: `"id\u005Fnumber"`), a dotted key, inside an inline
/// table; a value that is a string of any kind (even unterminated) or a
/// bare word (a number written without quotes). Which keys are masked is
/// decided on the decoded key ([`key_kind`]): a mistyped key masks its value
/// too.
static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?m)(?:^|[^A-Za-z0-9_-])([A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')[ \t]*=[ \t]*"#,
        r#"("""(?s:.*?)(?:"""|\z)|'''(?s:.*?)(?:'''|\z)|"(?:[^"\\\n]|\\.)*"?|'[^'\n]*'?|[^\s,}\]#]+)"#,
    ))
    .expect("a valid regex")
});

/// A key as TOML reads it: quotes removed, escapes decoded.
fn decode_key(raw: &str) -> String {
    if let Some(inner) = raw.strip_prefix('\'') {
        return inner.strip_suffix('\'').unwrap_or(inner).to_owned();
    }
    let Some(inner) = raw.strip_prefix('"') else {
        return raw.to_owned();
    };
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next() {
            Some(n @ ('u' | 'U')) => {
                let digits: String = chars.by_ref().take(if n == 'u' { 4 } else { 8 }).collect();
                u32::from_str_radix(&digits, 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            Some('n') => Some('\n'),
            Some('t') => Some('\t'),
            other => other,
        };
        out.extend(decoded);
    }
    out
}

/// The kind of value a key (decoded) holds, if it is one to mask: the keys
/// of the personal fields, and keys that are none of the filing format's
/// but read like one of them (`id_numbr`, `Mobile`, `phone`, `passport_no`):
/// a mistyped key is a finding, and its value is shown with it.
pub fn key_kind(key: &str) -> Option<Kind> {
    if let Some(field) = FIELDS.iter().find(|f| f.key == key) {
        return field.personal;
    }
    let plain: String = key
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(field) = FIELDS.iter().find(|f| f.key.replace('_', "") == plain) {
        return field.personal;
    }
    for (word, kind) in [
        ("phone", Kind::Phone),
        ("mobile", Kind::Phone),
        ("tel", Kind::Phone),
        ("mail", Kind::Email),
        ("passport", Kind::Id),
        ("permit", Kind::Id),
        ("idn", Kind::Id),
        ("idcard", Kind::Id),
    ] {
        if plain.contains(word) {
            return Some(kind);
        }
    }
    // One or two letters off a personal key.
    FIELDS
        .iter()
        .filter_map(|f| Some((f.key.replace('_', ""), f.personal?)))
        .find(|(k, _)| strsim::damerau_levenshtein(k, &plain) <= 2)
        .map(|(_, kind)| kind)
}

/// The value ranges (delimiters excluded) of the keys to mask.
fn keyed_values(text: &str) -> Vec<(Kind, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for caps in KEYED.captures_iter(text) {
        let (Some(key), Some(value)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let Some(kind) = key_kind(&decode_key(key.as_str())) else {
            continue;
        };
        out.push((kind, inner(text, value.range())));
    }
    out
}

/// A string value's range without its quotes.
fn inner(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let s = &text[range.clone()];
    for delim in ["\"\"\"", "'''", "\"", "'"] {
        if let Some(rest) = s.strip_prefix(delim) {
            let end = if rest.ends_with(delim) && !rest.is_empty() {
                range.end - delim.len()
            } else {
                range.end
            };
            return range.start + delim.len()..end.max(range.start + delim.len());
        }
    }
    range
}

/// The values the filing gives the masked keys, as written (longest first,
/// so a value inside another is not found first). Short ones are left out:
/// they would match everywhere and are no one's number.
fn known_values(text: &str) -> Vec<(Kind, String)> {
    let mut values: Vec<(Kind, String)> = keyed_values(text)
        .into_iter()
        .map(|(kind, range)| (kind, text[range].trim().to_owned()))
        .filter(|(_, v)| v.chars().count() >= 5)
        .collect();
    values.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.1.cmp(&b.1)));
    values.dedup();
    values
}

/// An e-mail address, internationalised ones included (`张三@例子.中国`; a
/// filing's address field is masked whatever it holds).
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+").expect("a valid regex")
});

/// A run of digits, half- or full-width, perhaps ending in the X of an ID
/// number; what it is depends on its length.
static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9０-９]+[XxＸｘ]?").expect("a valid regex"));

/// Groups of digits joined by one kind of separator (`137.1234.5670`,
/// `0755 2654 1234`, `4403 0519 9003 0744 37`): what it is depends on how
/// many digits it has ([`separated_kind`]).
static SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    let d = "[0-9０-９]+";
    let x = "[XxＸｘ]?";
    Regex::new(&format!(
        "{d}(?:[.．]{d})+{x}|{d}(?:[ \u{3000}]{d})+{x}|{d}(?:[\\-－]{d})+{x}"
    ))
    .expect("a valid regex")
});

/// A passport, travel permit or foreign permanent residence ID number: one
/// to three Latin letters, then seven to twelve digits (`E12345678`,
/// `H12345678`, `ABC123456789012`).
static DOCUMENT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z]{1,3}[0-9]{7,12}").expect("a valid regex"));

/// A phone number written with separators: landlines (`0755-86013388`,
/// `086-0755-86013388`, `+86 755 86013388`) and mobiles (`138 0013 8000`,
/// `+86-138-0013-8000`).
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:(?:\+|00)86[ \-]?|086-)?0?[0-9０-９]{2,3}[ \-][0-9０-９]{7,8}",
        r"|(?:(?:\+|00)86[ \-]?)?[1１][0-9０-９]{2}[ \-][0-9０-９]{4}[ \-][0-9０-９]{4}",
    ))
    .expect("a valid regex")
});

/// A letter or digit, half- or full-width: a number next to one is part of
/// a longer code (a credit code, a serial), not a number of its own.
fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

/// Whether a match stands on its own: no letter or digit right before or
/// after it.
fn stands_alone(s: &str, range: &std::ops::Range<usize>) -> bool {
    let before = s[..range.start].chars().next_back();
    let after = s[range.end..].chars().next();
    !before.is_some_and(is_code_char) && !after.is_some_and(is_code_char)
}

/// What a run of digits is, by its length and first digits.
fn digits_kind(run: &str) -> Option<Kind> {
    let digits: String = run
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            'Ｘ' | 'ｘ' | 'x' => 'X',
            c => c,
        })
        .collect();
    let n = digits.len();
    let all_digits = !digits.ends_with('X');
    let mobile = |d: &str| d.len() == 11 && d.starts_with('1');
    if all_digits
        && (mobile(&digits)
            || digits.strip_prefix("86").is_some_and(mobile)
            || digits.strip_prefix("0086").is_some_and(mobile))
    {
        Some(Kind::Phone)
    } else if n == 18 || (n == 15 && all_digits) {
        Some(Kind::Id)
    } else if all_digits && (10..=12).contains(&n) && digits.starts_with('0') {
        // A landline with its area code, written without a separator.
        Some(Kind::Phone)
    } else {
        None
    }
}

/// What digits joined by separators are, by how many digits they hold: an
/// ID number (15 or 18, not starting with 0), a phone number (10 to 14:
/// a mobile, a landline with its area code, either with a country code);
/// an IPv4 address, a date and short numbers are none.
fn separated_kind(run: &str) -> Option<Kind> {
    let groups: Vec<&str> = run
        .split(|c: char| !(c.is_numeric() || matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')))
        .collect();
    let ipv4 = groups.len() == 4 && groups.iter().all(|g| g.chars().count() <= 3);
    if ipv4 {
        return None;
    }
    let joined: String = groups.concat();
    let n = joined.chars().count();
    let first_zero = joined.starts_with(['0', '０']);
    if (n == 15 || n == 18) && !first_zero {
        Some(Kind::Id)
    } else if (10..=14).contains(&n) && !joined.ends_with(['X', 'x', 'Ｘ', 'ｘ']) {
        Some(Kind::Phone)
    } else {
        None
    }
}

/// Which characters of a text to hide, by the byte offset they start at.
struct Hidden<'a> {
    text: &'a str,
    hide: Vec<bool>,
}

impl<'a> Hidden<'a> {
    fn new(text: &'a str) -> Self {
        Hidden {
            text,
            hide: vec![false; text.len()],
        }
    }

    /// Hides the part of a value of a kind that its mask hides.
    fn value(&mut self, kind: Kind, range: std::ops::Range<usize>) {
        let Some(s) = self.text.get(range.clone()) else {
            return;
        };
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        if kind != Kind::Email && s.contains('\\') {
            // An escape (`\u0031`) hides what it spells: hide it all.
            for (i, c) in &chars {
                if !c.is_whitespace() {
                    self.hide[range.start + i] = true;
                }
            }
            return;
        }
        let hidden: Vec<usize> = match kind {
            Kind::Id => {
                let sig: Vec<usize> = chars
                    .iter()
                    .filter(|(_, c)| c.is_alphanumeric())
                    .map(|(i, _)| *i)
                    .collect();
                let keep = (sig.len() / 4).min(4);
                sig[keep..sig.len() - keep].to_vec()
            }
            Kind::Phone => {
                let sig: Vec<usize> = chars
                    .iter()
                    .filter(|(_, c)| c.is_numeric())
                    .map(|(i, _)| *i)
                    .collect();
                let keep = (sig.len() / 2).min(4);
                let hide = (sig.len() - keep).min(4);
                sig[sig.len() - keep - hide..sig.len() - keep].to_vec()
            }
            Kind::Email => {
                let local = s.rfind('@').map_or(chars.as_slice(), |at| {
                    let n = chars.partition_point(|(i, _)| *i < at);
                    &chars[..n]
                });
                let keep = usize::from(local.len() >= 3);
                local[keep..]
                    .iter()
                    .filter(|(_, c)| !c.is_whitespace())
                    .map(|(i, _)| *i)
                    .collect()
            }
        };
        for i in hidden {
            self.hide[range.start + i] = true;
        }
    }

    /// Hides whatever looks like an ID number, a phone number or an e-mail
    /// address.
    fn patterns(&mut self) {
        let text = self.text;
        for m in EMAIL.find_iter(text) {
            self.value(Kind::Email, m.range());
        }
        for m in PHONE.find_iter(text) {
            if stands_alone(text, &m.range()) {
                self.value(Kind::Phone, m.range());
            }
        }
        for m in SEPARATED.find_iter(text) {
            if stands_alone(text, &m.range()) {
                if let Some(kind) = separated_kind(m.as_str()) {
                    self.value(kind, m.range());
                }
            }
        }
        for m in DIGITS.find_iter(text) {
            if stands_alone(text, &m.range()) {
                if let Some(kind) = digits_kind(m.as_str()) {
                    self.value(kind, m.range());
                }
            }
        }
        for m in DOCUMENT_NUMBER.find_iter(text) {
            if stands_alone(text, &m.range()) {
                self.value(Kind::Id, m.range());
            }
        }
    }

    /// The text with the hidden characters masked, each by a character of
    /// the same UTF-8 length.
    fn apply(self) -> String {
        let mut out = String::with_capacity(self.text.len());
        for (i, c) in self.text.char_indices() {
            if !self.hide[i] || c == '\n' || c == '\r' {
                out.push(c);
            } else if c.len_utf8() == 3 {
                // Full-width digits and letters: as wide as the mask.
                out.push('＊');
            } else {
                out.extend(std::iter::repeat_n('*', c.len_utf8()));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of the field table is masked by its key iff it is
    /// personal, as what the table says it is: in the filing's text, in any
    /// table, and in a finding about it.
    #[test]
    fn exactly_the_personal_fields_are_masked() {
        for f in FIELDS {
            // A value no pattern recognises: only the key can mask it.
            let text = format!("{} = \"ab12cd34\"\n", f.key);
            let found: Vec<Kind> = keyed_values(&text).into_iter().map(|(k, _)| k).collect();
            assert_eq!(
                found,
                Vec::from_iter(f.personal),
                "{}.{}",
                f.table.name(),
                f.key
            );
            assert_eq!(filing_text(&text) != text, f.personal.is_some(), "{text}");
            let inline = format!("x = {{ {} = 'ab12cd34' }}\n", f.key);
            assert_eq!(
                filing_text(&inline) != inline,
                f.personal.is_some(),
                "{inline}"
            );
            let path = format!("websites[0].principal.{}", f.key);
            assert_eq!(field_kind(&path), f.personal, "{path}");
        }
    }

    #[test]
    fn masks_keep_a_prefix_and_a_suffix() {
        assert_eq!(text("440305199003074437"), "4403**********4437");
        assert_eq!(text("44030519900307123X"), "4403**********123X");
        assert_eq!(text("13800138000"), "138****8000");
        assert_eq!(text("086-0755-86013388"), "086-0755-****3388");
        assert_eq!(text("0755-86013388"), "0755-****3388");
        assert_eq!(text("+86 138 0013 8000"), "+86 138 **** 8000");
        assert_eq!(text("zhangsan@example.com"), "z*******@example.com");
    }

    #[test]
    fn other_numbers_stay() {
        for s in [
            "91440300MA5F12342Q",
            "粤ICP备12345678号-1",
            "2026-11-28",
            "119.29.168.10",
            "version = 1",
            "44030519900307443",
        ] {
            assert_eq!(text(s), s);
        }
    }

    #[test]
    fn numbers_inside_chinese_text() {
        assert_eq!(text("电话13800138000转"), "电话138****8000转");
        assert_eq!(
            text("身份证４４０３０５１９９００３０７４４３７"),
            "身份证４４０３＊＊＊＊＊＊＊＊＊＊４４３７"
        );
    }

    #[test]
    fn keyed_values_whatever_they_hold() {
        let filing = concat!(
            "[subject.principal]\n",
            "id_number = \"E1234567\"\n",
            "mobile = 1380013800 # a typo, and no quotes\n",
            "'email' = \"zhangsan\"\n",
            "principal = { office_phone = \"8601 3388\", name = \"x\" }\n",
            "note = \"call 020-86013388\"\n",
            "unterminated.mobile = \"13912345678\n",
        );
        let masked = filing_text(filing);
        assert_eq!(masked.len(), filing.len());
        assert_eq!(
            masked,
            concat!(
                "[subject.principal]\n",
                "id_number = \"E1****67\"\n",
                "mobile = 13****3800 # a typo, and no quotes\n",
                "'email' = \"z*******\"\n",
                "principal = { office_phone = \"**** 3388\", name = \"x\" }\n",
                "note = \"call 020-****3388\"\n",
                "unterminated.mobile = \"139****5678\n",
            )
        );
    }

    #[test]
    fn spans_survive_full_width_values() {
        let filing = "mobile = \"１３８００１３８０００\"\nemail = \"é@x.cn\"\n";
        let masked = filing_text(filing);
        assert_eq!(masked.len(), filing.len());
        assert_eq!(
            masked,
            "mobile = \"１３８＊＊＊＊８０００\"\nemail = \"**@x.cn\"\n"
        );
        for (i, _) in filing.char_indices() {
            assert!(masked.is_char_boundary(i));
        }
    }

    #[test]
    fn odd_text_keeps_its_length_and_boundaries() {
        for s in [
            "",
            "mobile =",
            "mobile = \"",
            "email = '''",
            "id_number = \"\"\"\n44030519900307443X\n",
            r#"mobile = "\u0031\u0033\u0038""#,
            "email = \"😀😀😀@例子.中国\"",
            "email = \"a@b@c\"",
            "office_phone = \"\u{200b}0755\u{3000}86013388\"",
            "x = \"1\u{301}3800138000\"",
            "13800138000138001380001380013800013800138000",
            "+86 +86 +86 138 0013 8000 0086-0755-86013388",
            "@@@ a@ @b. x@y.z",
        ] {
            for masked in [filing_text(s), text(s)] {
                assert_eq!(masked.len(), s.len(), "{s:?} → {masked:?}");
                for (i, _) in s.char_indices() {
                    assert!(masked.is_char_boundary(i), "{s:?} → {masked:?}");
                }
            }
        }
        // An escaped number is hidden whole.
        assert_eq!(
            filing_text(r#"mobile = "\u0031\u0033\u0038""#),
            r#"mobile = "******************""#
        );
    }

    #[test]
    fn placeholders_of_masked_fields() {
        let known = vec![(Kind::Id, "E1234567".to_owned())];
        assert_eq!(placeholder("15", Some(Kind::Id), &known), "15");
        assert_eq!(placeholder("false", Some(Kind::Id), &known), "false");
        assert_eq!(
            placeholder("44030519900307443", Some(Kind::Id), &known),
            "4403*********7443"
        );
        assert_eq!(
            placeholder("id E1234567 ok", None, &known),
            "id E1****67 ok"
        );
    }

    #[test]
    fn numbers_with_separators_are_masked() {
        assert_eq!(text("137.1234.5670"), "137.****.5670");
        assert_eq!(text("0755 2654 1234"), "0755 **** 1234");
        assert_eq!(
            text("id 4403 0519 9003 0744 37"),
            "id 4403 **** **** **44 37"
        );
        assert_eq!(text("075526541234"), "0755****1234");
        // Dates, addresses and short numbers stay.
        for s in [
            "2026-11-28 10:00:00",
            "119.29.168.10",
            "1.2.3",
            "room 301 2",
        ] {
            assert_eq!(text(s), s);
        }
    }

    #[test]
    fn passport_and_permit_numbers_are_masked() {
        assert_eq!(text("护照 E12345678 有效"), "护照 E1*****78 有效");
        assert_eq!(text("permit H12345678."), "permit H1*****78.");
        assert_eq!(text("ABC123456789012"), "ABC*********012");
    }

    #[test]
    fn internationalised_emails_are_masked() {
        assert_eq!(text("张三丰@例子.中国"), "张＊＊@例子.中国");
        assert_eq!(text("mail zhangsan@例子.公司"), "mail z*******@例子.公司");
    }

    #[test]
    fn mistyped_and_escaped_keys_mask_their_values() {
        for (filing, masked) in [
            ("id_numbr = \"H12345678\"\n", "id_numbr = \"H1*****78\"\n"),
            ("Mobile = \"abc-12345\"\n", "Mobile = \"abc-***45\"\n"),
            (
                "\"id\\u005Fnumber\" = \"ab12345678\"\n",
                "\"id\\u005Fnumber\" = \"ab******78\"\n",
            ),
            ("passport_no = 'X1234'\n", "passport_no = 'X***4'\n"),
            ("e_mail = \"lisi\"\n", "e_mail = \"l***\"\n"),
        ] {
            assert_eq!(filing_text(filing), masked, "{filing}");
        }
        // The format's other keys are no one's number.
        for key in ["name", "id_type", "id_expires", "holder", "note", "ips"] {
            assert_eq!(key_kind(key), None, "{key}");
        }
    }
}
