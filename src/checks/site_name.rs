//! Website names: how long a name counts as, how many Han characters it has,
//! and whether it visibly relates to the unit that files it.
//!
//! Providers count a name's length with brackets, hyphens and spaces left
//! out; a Latin letter or a digit counts as one character like a Han
//! character does. Other symbols also count as one here (they are a separate
//! finding, since names should not contain them).

use unicode_script::{Script, UnicodeScript};

use super::chars;
use crate::data;

/// Words a website name may end with that say "website", not what the site
/// is: they are left out when a name is compared with the unit's name.
const SITE_WORDS: &[&str] = &[
    "官方网站",
    "门户网站",
    "网站",
    "官网",
    "门户",
    "主页",
    "首页",
    "网",
];

/// Legal-form endings of unit names, longest first: left out to find a
/// unit's core name (its trade name and line of business).
const LEGAL_FORMS: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "集团公司",
    "分公司",
    "公司",
];

/// A unit's name without the place names it starts with and without its
/// legal form: 重庆示例物流有限公司 → 示例物流, 广东省深圳市南山区示例科技有限公司 → 示例科技.
pub fn core_name(unit: &str) -> String {
    let cleaned = chars::clean(unit);
    let mut name: &str = cleaned.value.as_ref();
    // A place is left out only when at least three characters remain:
    // 北京大学 is not 大学 of 北京.
    let enough = |rest: &str| rest.chars().count() >= 3;
    if let Some(rest) = data::provinces()
        .iter()
        .filter(|p| p.mainland)
        .find_map(|p| {
            name.strip_prefix(p.name)
                .or_else(|| name.strip_prefix(p.short_name))
        })
        .filter(|rest| enough(rest))
    {
        name = rest;
    }
    let city = data::cities_at_start(name)
        .into_iter()
        .max_by_key(|(_, len)| *len);
    if let Some((city, len)) = city {
        let rest = name.get(len..).unwrap_or_default();
        let after_district = data::district_at_start(city, rest)
            .and_then(|n| rest.get(n..))
            .unwrap_or(rest);
        if enough(after_district) {
            name = after_district;
        } else if enough(rest) {
            name = rest;
        }
    }
    let core = LEGAL_FORMS
        .iter()
        .find_map(|f| name.strip_suffix(f))
        .unwrap_or(name);
    core.to_owned()
}

/// A website name without the words that only say "website" at its end:
/// 示例物流官网 → 示例物流.
fn without_site_words(site: &str) -> &str {
    SITE_WORDS
        .iter()
        .find_map(|w| {
            site.strip_suffix(w)
                .filter(|rest| rest.chars().count() >= 2)
        })
        .unwrap_or(site)
}

/// A website name without the words at its end that only say "website" and
/// without a trailing 的: 李四的网站 → 李四, 成都市网 → 成都市.
pub fn name_core(site: &str) -> String {
    let cleaned = chars::clean(site);
    let core = without_site_words(cleaned.value.as_ref());
    let core = core
        .strip_suffix('的')
        .filter(|c| !c.is_empty())
        .unwrap_or(core);
    core.to_owned()
}

/// Whether a website name, without its website words
/// ([`name_core`]), is the name of a province, city, district or county, in
/// full or short (成都市, 成都, 锦江区, 四川).
pub fn is_place(site: &str) -> bool {
    let core = name_core(site);
    let core = core.as_str();
    !core.is_empty()
        && (data::provinces()
            .iter()
            .any(|p| p.mainland && (p.name == core || p.short_name == core))
            || !data::find_city(core).is_empty()
            || data::district_named(core))
}

/// Whether a website name visibly relates to the unit's name: it is the full
/// name or a part of it (a short name such as 示例物流 or 示例, with 官网, 网站
/// … allowed after it), or it contains the unit's core name, or it contains
/// the first two characters of the core name (the trade name: 示例商城 or
/// 西湖示例商城 for 杭州西湖示例网络有限公司).
pub fn relates_to(unit: &str, site: &str) -> bool {
    let unit_clean = chars::clean(unit);
    let site_clean = chars::clean(site);
    let (unit, site) = (unit_clean.value.as_ref(), site_clean.value.as_ref());
    if unit.is_empty() || site.is_empty() {
        return false;
    }
    let short = without_site_words(site);
    if short.chars().count() >= 2 && unit.contains(short) {
        return true;
    }
    let core = core_name(unit);
    if core.chars().count() >= 2 && site.contains(core.as_str()) {
        return true;
    }
    let trade: String = core.chars().take(2).collect();
    core.chars().count() >= 3 && site.contains(trade.as_str())
}

/// Characters that do not count towards a name's length (invisible ones are
/// a finding of their own, `website-name-characters`).
fn uncounted(c: char) -> bool {
    matches!(c, '(' | ')' | '（' | '）' | '-') || c.is_whitespace() || chars::is_invisible(c)
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
/// script, Han included), digits, whitespace, brackets, `-` and `·`, and
/// other than invisible characters (reported on their own). Empty when there
/// are none.
pub fn symbols(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let allowed = c.is_alphanumeric()
            || c.is_whitespace()
            || chars::is_invisible(c)
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
        assert_eq!(symbols("示例\u{200B}科技"), "");
    }

    #[test]
    fn lengths() {
        assert_eq!(counted_length("示例科技"), 4);
        assert_eq!(counted_length("示例(深圳)"), 4);
        assert_eq!(counted_length("示例（深圳）-官网"), 6);
        assert_eq!(counted_length("ABC 123"), 6);
        assert_eq!(counted_length("  \u{3000}"), 0);
        assert_eq!(counted_length("示例\u{200B}科技"), 4);
        assert_eq!(counted_length(""), 0);
    }

    #[test]
    fn site_cores_and_places() {
        assert_eq!(name_core("李四的网站"), "李四");
        assert_eq!(name_core("李四的主页"), "李四");
        assert_eq!(name_core("李四网"), "李四");
        assert_eq!(name_core("李四的编程笔记"), "李四的编程笔记");
        assert_eq!(name_core(" 成都市 "), "成都市");
        for name in [
            "成都市",
            "成都",
            "成都网",
            "锦江区",
            "四川省",
            "四川",
            "九寨沟县",
            "延边州",
        ] {
            assert!(is_place(name), "{name}");
        }
        for name in [
            "李四的编程笔记",
            "成都美食笔记",
            "锦江夜话",
            "sc",
            "SC",
            "川",
            "sichuan",
            "",
        ] {
            assert!(!is_place(name), "{name}");
        }
    }

    #[test]
    fn core_names() {
        assert_eq!(core_name("重庆示例物流有限公司"), "示例物流");
        assert_eq!(core_name("广东省深圳市南山区示例科技有限公司"), "示例科技");
        assert_eq!(core_name("深圳示例科技股份有限公司"), "示例科技");
        assert_eq!(core_name("杭州西湖示例网络有限公司"), "示例网络");
        assert_eq!(core_name("腾讯科技（深圳）有限公司"), "腾讯科技(深圳)");
        assert_eq!(core_name("北京大学"), "北京大学");
        assert_eq!(core_name("示例协会"), "示例协会");
    }

    #[test]
    fn names_related_to_the_unit() {
        let unit = "重庆示例物流有限公司";
        for site in [
            "重庆示例物流有限公司",
            "示例物流",
            "示例",
            "示例物流官网",
            "示例物流官方网站",
            "重庆示例物流网",
            "示例物流商城",
            "示例商城",
            " 示例物流 ",
        ] {
            assert!(relates_to(unit, site), "{site}");
        }
        for site in [
            "渝城快递服务",
            "物流商城",
            "重庆物流网",
            "快递之家",
            "示",
            "",
        ] {
            assert!(!relates_to(unit, site), "{site}");
        }
        assert!(relates_to("哈尔滨示例冰雪科技有限公司", "示例冰雪科技"));
        assert!(relates_to("深圳市示例科技有限公司", "示例科技官网"));
        assert!(relates_to("浙江示例金融发展基金会", "西湖示例网络"));
        assert!(!relates_to("深圳市示例科技有限公司", "天天好物"));
    }

    #[test]
    fn han() {
        assert_eq!(han_count("示例科技"), 4);
        assert_eq!(han_count("示例ABC123"), 2);
        assert_eq!(han_count("ABC"), 0);
        assert_eq!(han_count("（）-"), 0);
    }
}
