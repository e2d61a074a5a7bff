//! Fixes: the named, safe transformations a rule may declare (`fix: domain`).
//!
//! A fix changes how a value is spelled, never what it means: full-width
//! characters to ASCII, invisible characters and stray spaces removed, a
//! phone written the office way, a domain in lower case, a date written
//! `YYYY-MM-DD`. It is given the value as the filing writes it and returns
//! the canonical spelling, or `None` when it has nothing certain to offer
//! (the value is already canonical, or repairing it would need a judgement:
//! a wrong check digit, an area code that cannot be told). Every fix is
//! idempotent: applied to its own result it returns `None`.
//!
//! Rule files name them; `icp fix` applies them to the findings of the rules
//! that declare one, and `validate` marks those findings fixable.

use crate::checks::{chars, phone};
use crate::data::{self, City, Province};

/// A fix a rule can declare, with its parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fix {
    /// `half-width`: full-width letters, digits and signs to ASCII; every
    /// space and invisible character removed (numbers, phones, e-mail
    /// addresses, domains: none of them has a space).
    HalfWidth,
    /// `strip-invisible`: zero-width and other invisible characters removed,
    /// spaces at either end trimmed; spaces inside kept (names, holders).
    StripInvisible,
    /// `phone`: a landline written `086-<area code>-<number>` when the area
    /// code is certain (given with a leading 0 or after the country code);
    /// with `mobile: true` a mobile also becomes its 11 digits.
    Phone {
        /// Also write mobiles as 11 digits.
        mobile: bool,
    },
    /// `mobile`: a mobile written as its 11 digits (no `+86`, spaces or
    /// hyphens).
    Mobile,
    /// `domain`: half-width, lower case, no trailing dot.
    Domain,
    /// `upper-case`: half-width, ASCII letters in upper case (the `X` of an
    /// ID number, the letters of a credit code).
    UpperCase,
    /// `date`: `2024/1/2`, `2024.01.02`, `2024年1月2日` and full-width
    /// digits to `2024-01-02`, when it is a real date.
    Date,
    /// `city`: a city of the filing's province written by its short form
    /// (深圳) or in pinyin (shenzhen, Shen Zhen) to its full name (深圳市),
    /// when the province makes the pinyin name one city.
    City,
    /// `district`: a district of the filing's city written in pinyin
    /// (chaoyang) to its full name (朝阳区), when the city makes it one.
    District,
}

impl Fix {
    /// Every fix by its rule-file name, in the order the documentation lists them.
    pub const NAMES: [&'static str; 9] = [
        "half-width",
        "strip-invisible",
        "phone",
        "mobile",
        "domain",
        "upper-case",
        "date",
        "city",
        "district",
    ];

    /// The fix named `name`, with its default parameters.
    pub fn parse(name: &str) -> Option<Fix> {
        Some(match name {
            "half-width" => Fix::HalfWidth,
            "strip-invisible" => Fix::StripInvisible,
            "phone" => Fix::Phone { mobile: false },
            "mobile" => Fix::Mobile,
            "domain" => Fix::Domain,
            "upper-case" => Fix::UpperCase,
            "date" => Fix::Date,
            "city" => Fix::City,
            "district" => Fix::District,
            _ => return None,
        })
    }

    /// The rule-file name.
    pub fn name(self) -> &'static str {
        match self {
            Fix::HalfWidth => "half-width",
            Fix::StripInvisible => "strip-invisible",
            Fix::Phone { .. } => "phone",
            Fix::Mobile => "mobile",
            Fix::Domain => "domain",
            Fix::UpperCase => "upper-case",
            Fix::Date => "date",
            Fix::City => "city",
            Fix::District => "district",
        }
    }

    /// The parameters it takes.
    pub fn parameters(self) -> &'static [&'static str] {
        match self {
            Fix::Phone { .. } => &["mobile"],
            _ => &[],
        }
    }

    /// The canonical spelling of `raw`, when it differs and is certain.
    /// `province` is the filing's (for `city`), `city` its city (for
    /// `district`).
    pub fn apply(
        self,
        raw: &str,
        province: Option<&Province>,
        city: Option<&City>,
    ) -> Option<String> {
        let fixed = match self {
            Fix::HalfWidth => chars::clean(raw).value.into_owned(),
            Fix::StripInvisible => raw
                .chars()
                .filter(|c| !chars::is_invisible(*c))
                .collect::<String>()
                .trim()
                .to_owned(),
            Fix::Phone { mobile } => {
                let cleaned = chars::clean(raw).value;
                if phone::is_mobile_shaped(&cleaned) {
                    if !mobile {
                        return None;
                    }
                    mobile_digits(&cleaned)?
                } else {
                    office(&cleaned)?
                }
            }
            Fix::Mobile => mobile_digits(&chars::clean(raw).value)?,
            Fix::Domain => {
                let cleaned = chars::clean(raw).value.to_lowercase();
                let trimmed = cleaned.trim_end_matches('.');
                if trimmed.is_empty() {
                    return None;
                }
                trimmed.to_owned()
            }
            Fix::UpperCase => chars::clean(raw).value.to_ascii_uppercase(),
            Fix::Date => date(&chars::clean(raw).value)?,
            Fix::City => {
                let province = province?;
                match data::city_in_province(province, raw) {
                    Some(city) => city.name.to_owned(),
                    None => match data::cities_by_pinyin(province, raw).as_slice() {
                        [one] => one.name.to_owned(),
                        _ => return None,
                    },
                }
            }
            Fix::District => match data::districts_by_pinyin(city?, raw).as_slice() {
                [one] => (*one).to_owned(),
                _ => return None,
            },
        };
        (fixed != raw && !fixed.is_empty()).then_some(fixed)
    }
}

/// The value of a TOML string literal (`"a"`, `'a'`, multi-line ones too),
/// `None` for any other TOML value.
pub fn string_literal(literal: &str) -> Option<String> {
    let literal = literal.trim();
    if !(literal.starts_with('"') || literal.starts_with('\'')) {
        return None;
    }
    let value: toml_edit::Value = literal.parse().ok()?;
    value.as_str().map(str::to_owned)
}

/// `value` as a TOML string literal in the style of `old`: a literal
/// string (`'…'`) stays one when it can hold the value, anything else is a
/// basic string (`"…"`).
pub fn literal(value: &str, old: &str) -> String {
    let plain = |c: char| c != '\'' && c != '\u{7f}' && (c >= ' ' || c == '\t');
    if old.starts_with('\'') && !old.starts_with("'''") && value.chars().all(plain) {
        return format!("'{value}'");
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A landline in office form, when its area code is certain: written with
/// its leading 0, or after the country code (`+86 755 …`, `86-755-…`). A
/// number without either is a local number whose area code is a guess.
fn office(cleaned: &str) -> Option<String> {
    let body = cleaned.strip_prefix('+').unwrap_or(cleaned);
    let body = body.trim_start_matches('(');
    if !(body.starts_with('0') || body.starts_with("86")) {
        return None;
    }
    phone::suggest_office(cleaned)
}

/// The 11 digits of a mobile written with a country code, spaces or hyphens.
fn mobile_digits(cleaned: &str) -> Option<String> {
    if !phone::is_mobile_shaped(cleaned) {
        return None;
    }
    let digits: String = cleaned.chars().filter(char::is_ascii_digit).collect();
    let national = digits.get(digits.len().checked_sub(11)?..)?;
    national.starts_with('1').then(|| national.to_owned())
}

/// `YYYY-MM-DD` of a date written with `/`, `.`, `-` or 年月日 between its
/// parts, when it is a real date.
fn date(cleaned: &str) -> Option<String> {
    let s = cleaned.strip_suffix('日').unwrap_or(cleaned);
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)) {
        return None;
    }
    let date = jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()?;
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(name: &str, raw: &str) -> Option<String> {
        Fix::parse(name)
            .unwrap()
            .apply(raw, data::province("gd"), data::city(440300))
    }

    #[test]
    fn every_name_parses_back() {
        for name in Fix::NAMES {
            assert_eq!(Fix::parse(name).unwrap().name(), name);
        }
        assert_eq!(Fix::parse("lowercase"), None);
    }

    #[test]
    fn half_width() {
        assert_eq!(
            fix("half-width", "１３８００１３８０００").unwrap(),
            "13800138000"
        );
        assert_eq!(
            fix("half-width", "zhang\u{200B}san＠example.com ").unwrap(),
            "zhangsan@example.com"
        );
        assert_eq!(fix("half-width", "13800138000"), None);
    }

    #[test]
    fn strip_invisible_keeps_inner_spaces() {
        assert_eq!(fix("strip-invisible", "张\u{200B}三").unwrap(), "张三");
        assert_eq!(
            fix("strip-invisible", " John\u{FEFF} Smith ").unwrap(),
            "John Smith"
        );
        assert_eq!(fix("strip-invisible", "John Smith"), None);
    }

    #[test]
    fn phones_when_the_area_code_is_certain() {
        for raw in [
            "0755-83451234",
            "(0755)83451234",
            "+86 755 8345 1234",
            "86-755-83451234",
            "０７５５－８３４５１２３４",
            "0086-755-83451234",
        ] {
            assert_eq!(
                fix("phone", raw).as_deref(),
                Some("086-0755-83451234"),
                "{raw}"
            );
        }
        // Already canonical; no area code; a wrong area code: nothing.
        assert_eq!(fix("phone", "086-0755-83451234"), None);
        assert_eq!(fix("phone", "83451234"), None);
        assert_eq!(fix("phone", "755-83451234"), None);
        assert_eq!(fix("phone", "0266-83451234"), None);
        // A mobile only with `mobile: true`.
        assert_eq!(fix("phone", "+86 138 0013 8000"), None);
        let contact = Fix::Phone { mobile: true };
        assert_eq!(
            contact.apply("+86 138 0013 8000", None, None).as_deref(),
            Some("13800138000")
        );
        assert_eq!(fix("mobile", "138-0013-8000").unwrap(), "13800138000");
        assert_eq!(fix("mobile", "13800138000"), None);
    }

    #[test]
    fn domains_dates_letters_cities() {
        assert_eq!(fix("domain", "Example.COM.").unwrap(), "example.com");
        assert_eq!(
            fix("domain", "ｅｘａｍｐｌｅ．ｃｏｍ").unwrap(),
            "example.com"
        );
        assert_eq!(fix("domain", "example.com"), None);
        assert_eq!(fix("domain", "."), None);
        assert_eq!(
            fix("upper-case", "44030519900307443x").unwrap(),
            "44030519900307443X"
        );
        assert_eq!(
            fix("upper-case", "91440300ma5f12342q").unwrap(),
            "91440300MA5F12342Q"
        );
        assert_eq!(fix("date", "2024/1/2").unwrap(), "2024-01-02");
        assert_eq!(fix("date", "2024.01.02").unwrap(), "2024-01-02");
        assert_eq!(fix("date", "2024年1月2日").unwrap(), "2024-01-02");
        assert_eq!(fix("date", "２０２４-０１-０２").unwrap(), "2024-01-02");
        assert_eq!(fix("date", "2024/2/30"), None);
        assert_eq!(fix("date", "1/2/2024"), None);
        assert_eq!(fix("date", "2024-01-02"), None);
        assert_eq!(fix("city", "深圳").unwrap(), "深圳市");
        assert_eq!(fix("city", "深圳市"), None);
        assert_eq!(fix("city", "成都"), None);
    }

    #[test]
    fn cities_and_districts_in_pinyin() {
        for raw in ["shenzhen", "Shenzhen", "ShenZhen", "shen zhen", "SHEN-ZHEN"] {
            assert_eq!(fix("city", raw).as_deref(), Some("深圳市"), "{raw}");
        }
        // A city of another province, or no city at all: nothing.
        assert_eq!(fix("city", "hangzhou"), None);
        assert_eq!(fix("city", "atlantis"), None);
        // The province tells 泰州 from 台州.
        let taizhou = |p| Fix::City.apply("Taizhou", data::province(p), None);
        assert_eq!(taizhou("js").as_deref(), Some("泰州市"));
        assert_eq!(taizhou("zj").as_deref(), Some("台州市"));
        assert_eq!(fix("district", "nanshan").as_deref(), Some("南山区"));
        assert_eq!(fix("district", "Nan Shan").as_deref(), Some("南山区"));
        assert_eq!(fix("district", "南山区"), None);
        assert_eq!(fix("district", "chaoyang"), None);
        // The city tells one 朝阳区 from the other.
        let chaoyang = |c| Fix::District.apply("chaoyang", None, data::city(c));
        assert_eq!(chaoyang(110000).as_deref(), Some("朝阳区"));
        assert_eq!(chaoyang(220100).as_deref(), Some("朝阳区"));
        // Two districts of one city spelled alike: no guess.
        assert_eq!(
            Fix::District.apply("linxia", None, data::city(622900)),
            None
        );
        assert_eq!(Fix::District.apply("nanshan", None, None), None);
    }

    #[test]
    fn every_fix_is_idempotent() {
        let samples = [
            "０７５５－８３４５１２３４",
            "+86 755 8345 1234",
            "Example.COM.",
            "2024/1/2",
            "44030519900307443x",
            " 张\u{200B}三 ",
            "深圳",
            "shenzhen",
            "nanshan",
            "+86 138 0013 8000",
        ];
        for name in Fix::NAMES {
            for raw in samples {
                if let Some(once) = fix(name, raw) {
                    assert_eq!(fix(name, &once), None, "{name} {raw} -> {once}");
                }
            }
        }
    }
}
