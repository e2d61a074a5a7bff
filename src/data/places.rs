//! Cities and districts (`rules/data/cities.csv`, `rules/data/counties.csv`).
//!
//! A "city" is what a filing's `city` field names: a prefecture-level
//! division, one of the four municipalities itself, or a county-level unit that
//! sits directly under its province (仙桃市, 济源市, 石河子市, Hainan's counties).
//! Districts are the county-level divisions under a city; a municipality's
//! districts are all of its districts and counties.
//!
//! Names match exactly or without their generic suffix (深圳 = 深圳市, 南山 =
//! 南山区); an autonomous prefecture or county also matches without its
//! ethnic-group part (延边 and 延边州 = 延边朝鲜族自治州). Each city and district
//! also carries the pinyin of that short form (shenzhen, chaoyang; the
//! `pinyin` column, rules/data/README.md): what a filer types without a
//! Chinese input method is looked up by it, but is not itself a name the
//! filing may use (`icp fix` writes the Chinese name when it is one place). The spellings are
//! worked out in `names.rs`: at build time for cities (every spelling is in
//! the sorted index `CITY_FORMS`), at run time for the few districts of one
//! city.

use super::names::short_form;
use super::tables::{CITIES, CITY_FORMS, DISTRICT_FORMS, DISTRICT_PINYIN, DISTRICTS};
use super::{Province, equal_range};

/// A city-level division that a filing's `city` field can name.
#[derive(Debug, PartialEq, Eq)]
pub struct City {
    /// GB/T 2260 code: 440300 (municipalities: 110000, 120000, 310000, 500000).
    pub code: u32,
    /// Full name: 深圳市.
    pub name: &'static str,
    /// GB/T 2260 code of the province: 44.
    pub province_gb: u8,
    /// The pinyin of the name without its suffix: shenzhen, lu'an, yanbian.
    pub pinyin: &'static str,
}

/// Whether `input` names the division `full`, exactly or in a short form.
fn name_matches(full: &str, input: &str) -> bool {
    if input == full {
        return true;
    }
    match short_form(full) {
        Some((base, extra)) => {
            input == base || extra.is_some_and(|e| input.strip_prefix(base) == Some(e))
        }
        None => false,
    }
}

/// The cities spelled `form` (full name or short form), in code order.
fn cities_spelled(form: &str) -> impl Iterator<Item = &'static City> + use<> {
    equal_range(CITY_FORMS, form, |f| f.0)
        .iter()
        .filter_map(|&(_, i)| CITIES.get(usize::from(i)))
}

/// The districts and counties of city `code`, (city code, full name), in code order.
fn districts(code: u32) -> &'static [(u32, &'static str)] {
    equal_range(DISTRICTS, &code, |d| &d.0)
}

/// The city with this GB/T 2260 code, if any.
pub fn city(code: u32) -> Option<&'static City> {
    let at = CITIES.binary_search_by_key(&code, |c| c.code).ok()?;
    CITIES.get(at)
}

/// The city of province `p` named `city`, exactly or without its suffix (深圳 = 深圳市).
pub fn city_in_province(p: &Province, city: &str) -> Option<&'static City> {
    let city = city.trim();
    let mut in_province = cities_spelled(city).filter(|c| c.province_gb == p.gb);
    let first = in_province.next()?;
    // Prefer an exact full-name match if two cities share a short form.
    Some(
        std::iter::once(first)
            .chain(in_province)
            .find(|c| c.name == city)
            .unwrap_or(first),
    )
}

/// Every city named `city` (exactly or in short form), in any province, in code order.
pub fn find_city(city: &str) -> Vec<&'static City> {
    cities_spelled(city.trim()).collect()
}

/// Whether `district` names a district or county of city `c`, exactly or without its suffix.
pub fn district_in_city(c: &City, district: &str) -> bool {
    let district = district.trim();
    !district.is_empty()
        && districts(c.code)
            .iter()
            .any(|&(_, name)| name_matches(name, district))
}

/// Whether `name` names city `c` itself, exactly or without its suffix (仙桃 = 仙桃市).
pub fn city_named(c: &City, name: &str) -> bool {
    name_matches(c.name, name.trim())
}

/// The length in bytes of the longest spelling of the division `full` that
/// `text` starts with: its full name, its short form, or the short form with
/// its one-character suffix (延边州). `None` when `text` starts with none.
fn spelled_at_start(full: &str, text: &str) -> Option<usize> {
    if text.starts_with(full) {
        return Some(full.len());
    }
    let (base, extra) = short_form(full)?;
    let rest = text.strip_prefix(base)?;
    Some(match extra {
        Some(e) if rest.starts_with(e) => base.len() + e.len(),
        _ => base.len(),
    })
}

/// How many bytes of `text` name city `c` at its start (深圳市…, 深圳…), if any.
pub fn city_at_start(c: &City, text: &str) -> Option<usize> {
    spelled_at_start(c.name, text)
}

/// How many bytes of `text` name one of city `c`'s districts or counties at
/// its start (南山区…, 南山…), if any: the longest match.
pub fn district_at_start(c: &City, text: &str) -> Option<usize> {
    districts(c.code)
        .iter()
        .filter_map(|&(_, name)| spelled_at_start(name, text))
        .max()
}

/// Every city whose full name or short form starts `text`, with the length of
/// that spelling in bytes.
pub fn cities_at_start(text: &str) -> Vec<(&'static City, usize)> {
    let mut out = Vec::new();
    // City spellings have 2 to 12 characters.
    for (count, (at, c)) in text.char_indices().skip(1).enumerate() {
        if count >= 12 {
            break;
        }
        let end = at + c.len_utf8();
        if let Some(form) = text.get(..end) {
            out.extend(cities_spelled(form).map(|city| (city, end)));
        }
    }
    out
}

/// The cities that have a district or county whose full name is `name` (鼓楼区
/// is one of 南京, 福州, 徐州, 开封), in code order.
pub fn cities_with_district(name: &str) -> Vec<&'static City> {
    let mut codes: Vec<u32> = equal_range(DISTRICT_FORMS, name, |f| f.0)
        .iter()
        .filter_map(|&(_, i)| DISTRICTS.get(usize::from(i)))
        .filter(|d| d.1 == name)
        .map(|d| d.0)
        .collect();
    codes.dedup();
    codes.into_iter().filter_map(city).collect()
}

/// Whether `name` names some district or county, exactly or without its
/// suffix (南山区, 南山, 三都县).
pub fn district_named(name: &str) -> bool {
    !equal_range(DISTRICT_FORMS, name.trim(), |f| f.0).is_empty()
}

/// The full names of city `c`'s districts and counties, in code order.
///
/// Empty for county-level units directly under a province.
pub fn districts_of(c: &City) -> Vec<&'static str> {
    districts(c.code).iter().map(|&(_, name)| name).collect()
}

/// Pinyin as it is compared: lower case, without spaces, hyphens or
/// apostrophes, ü (or v) as u; `None` for a text that is not pinyin (a
/// Chinese name, digits). With `apostrophes`, they are kept (yun'an, not
/// yunan).
fn pinyin_key(text: &str, apostrophes: bool) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            'ü' | 'Ü' | 'v' | 'V' => out.push('u'),
            'a'..='z' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\'' | '’' if apostrophes => out.push('\''),
            ' ' | '-' | '\'' | '’' => {}
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The generic suffixes of a division name in pinyin, as a filer may add
/// them (Shenzhen Shi, chaoyangqu): tried when the name alone matches nothing.
const PINYIN_SUFFIXES: &[&str] = &["shi", "qu", "xian", "zhou", "meng", "qi", "diqu"];

/// The indices of `pinyins` that `input` spells, exactly (apostrophes
/// kept) when that tells one, else loosely (case, spaces, apostrophes and
/// the generic suffix aside). Empty for an input that is not pinyin.
pub fn by_pinyin(pinyins: &[&str], input: &str) -> Vec<usize> {
    let matching = |key: &str, apostrophes: bool| -> Vec<usize> {
        (0..pinyins.len())
            .filter(|&i| pinyin_key(pinyins[i], apostrophes).as_deref() == Some(key))
            .collect()
    };
    if let Some(exact) = pinyin_key(input, true) {
        let found = matching(&exact, true);
        if found.len() == 1 {
            return found;
        }
    }
    let Some(key) = pinyin_key(input, false) else {
        return Vec::new();
    };
    let found = matching(&key, false);
    if !found.is_empty() {
        return found;
    }
    PINYIN_SUFFIXES
        .iter()
        .filter_map(|s| key.strip_suffix(s).filter(|k| !k.is_empty()))
        .map(|k| matching(k, false))
        .find(|f| !f.is_empty())
        .unwrap_or_default()
}

/// The indices of `pinyins` that start with what `input` spells (shen:
/// shenzhen, shenyang), loosely; empty for an input that is not pinyin.
pub fn by_pinyin_prefix(pinyins: &[&str], input: &str) -> Vec<usize> {
    let Some(key) = pinyin_key(input, false) else {
        return Vec::new();
    };
    (0..pinyins.len())
        .filter(|&i| pinyin_key(pinyins[i], false).is_some_and(|p| p.starts_with(&key)))
        .collect()
}

/// The cities of province `p` whose name `input` writes in pinyin
/// (shenzhen, Shenzhen, ShenZhen, shen zhen, Shenzhen Shi), in code order:
/// one, several when the spelling is shared, or none.
pub fn cities_by_pinyin(p: &Province, input: &str) -> Vec<&'static City> {
    let cities = cities_of(p);
    let pinyins: Vec<&str> = cities.iter().map(|c| c.pinyin).collect();
    by_pinyin(&pinyins, input)
        .into_iter()
        .map(|i| cities[i])
        .collect()
}

/// Every city, in any province, whose name `input` writes in pinyin.
pub fn find_city_by_pinyin(input: &str) -> Vec<&'static City> {
    let pinyins: Vec<&str> = CITIES.iter().map(|c| c.pinyin).collect();
    by_pinyin(&pinyins, input)
        .into_iter()
        .filter_map(|i| CITIES.get(i))
        .collect()
}

/// The pinyin of a city's districts and counties, in the order of [`districts_of`].
pub fn district_pinyins(c: &City) -> Vec<&'static str> {
    let start = DISTRICTS.partition_point(|d| d.0 < c.code);
    let count = districts(c.code).len();
    DISTRICT_PINYIN
        .get(start..start + count)
        .unwrap_or_default()
        .to_vec()
}

/// The full names of city `c`'s districts and counties whose name `input`
/// writes in pinyin (chaoyang, Nan Shan), in code order.
pub fn districts_by_pinyin(c: &City, input: &str) -> Vec<&'static str> {
    let names = districts_of(c);
    by_pinyin(&district_pinyins(c), input)
        .into_iter()
        .filter_map(|i| names.get(i).copied())
        .collect()
}

/// The cities of province `p`, in code order.
pub fn cities_of(p: &Province) -> Vec<&'static City> {
    equal_range(CITIES, &p.gb, |c| &c.province_gb)
        .iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{province, province_by_gb};

    #[test]
    fn table_sizes() {
        assert_eq!(CITIES.len(), 369);
        assert_eq!(DISTRICTS.len(), 2822);
        assert_eq!(cities_of(province("bj").unwrap()).len(), 1);
        assert_eq!(cities_of(province("gd").unwrap()).len(), 21);
        assert!(cities_of(province_by_gb(81).unwrap()).is_empty());
    }

    #[test]
    fn city_spellings() {
        let gd = province("gd").unwrap();
        assert_eq!(city_in_province(gd, "深圳市").map(|c| c.code), Some(440300));
        assert_eq!(city_in_province(gd, "深圳").map(|c| c.code), Some(440300));
        assert_eq!(city_in_province(gd, " 深圳 ").map(|c| c.code), Some(440300));
        assert!(city_in_province(gd, "杭州市").is_none());
        assert!(city_in_province(gd, "").is_none());
        let jl = province("jl").unwrap();
        assert_eq!(city_in_province(jl, "延边").map(|c| c.code), Some(222400));
        assert_eq!(city_in_province(jl, "延边州").map(|c| c.code), Some(222400));
        assert_eq!(city_in_province(jl, "吉林").map(|c| c.code), Some(220200));
        let nm = province("nm").unwrap();
        assert_eq!(city_in_province(nm, "兴安").map(|c| c.code), Some(152200));
    }

    #[test]
    fn municipalities_are_their_own_city() {
        let bj = province("bj").unwrap();
        for name in ["北京市", "北京"] {
            assert_eq!(city_in_province(bj, name).map(|c| c.code), Some(110000));
        }
        assert!(city_in_province(bj, "市辖区").is_none());
        let cq = city(500000).unwrap();
        // Districts and counties of 重庆 are both there.
        assert!(district_in_city(cq, "渝中区"));
        assert!(district_in_city(cq, "城口县"));
        assert!(district_in_city(cq, "石柱"));
        assert!(districts_of(cq).len() > 30);
    }

    #[test]
    fn county_level_units_under_a_province_are_cities() {
        for (prov, name, code) in [
            ("hb", "仙桃市", 429004),
            ("ha", "济源", 419001),
            ("xj", "石河子市", 659001),
            ("hi", "定安县", 469021),
            ("hb", "神农架", 429021),
        ] {
            let p = province(prov).unwrap();
            assert_eq!(
                city_in_province(p, name).map(|c| c.code),
                Some(code),
                "{name}"
            );
        }
        assert!(districts_of(city(429004).unwrap()).is_empty());
        let alar = city(659002).unwrap();
        assert!(city_named(alar, "阿拉尔市") && city_named(alar, " 阿拉尔"));
        assert!(!city_named(alar, "阿克苏市"));
    }

    #[test]
    fn districts() {
        let sz = city(440300).unwrap();
        assert!(district_in_city(sz, "南山区"));
        assert!(district_in_city(sz, "南山"));
        assert!(!district_in_city(sz, "海淀区"));
        assert!(!district_in_city(sz, ""));
        assert_eq!(districts_of(sz).first(), Some(&"罗湖区"));
        // Statistical-only units (development zones) are not districts.
        assert!(!district_in_city(
            city(130100).unwrap(),
            "石家庄高新技术产业开发区"
        ));
        // Autonomous counties without the ethnic part.
        let enshi = city(422800).unwrap();
        assert!(district_in_city(enshi, "鹤峰县"));
        let qiannan = city(522700).unwrap();
        assert!(district_in_city(qiannan, "三都水族自治县"));
        assert!(district_in_city(qiannan, "三都"));
        assert!(district_in_city(qiannan, "三都县"));
    }

    #[test]
    fn names_at_the_start_of_a_text() {
        let sz = city(440300).unwrap();
        assert_eq!(city_at_start(sz, "深圳市南山区"), Some("深圳市".len()));
        assert_eq!(city_at_start(sz, "深圳南山区"), Some("深圳".len()));
        assert_eq!(city_at_start(sz, "广州市"), None);
        assert_eq!(district_at_start(sz, "南山区科技园"), Some("南山区".len()));
        assert_eq!(district_at_start(sz, "南山科技园"), Some("南山".len()));
        assert_eq!(district_at_start(sz, "天河区"), None);
        let yanbian = city(222400).unwrap();
        assert_eq!(city_at_start(yanbian, "延边州延吉市"), Some("延边州".len()));
        let found: Vec<(u32, usize)> = cities_at_start("广州市天河区")
            .iter()
            .map(|(c, n)| (c.code, *n))
            .collect();
        assert_eq!(
            found,
            vec![(440100, "广州".len()), (440100, "广州市".len())]
        );
        assert!(cities_at_start("天河区").is_empty());
        assert!(cities_at_start("").is_empty());
        let gulou: Vec<u32> = cities_with_district("鼓楼区")
            .iter()
            .map(|c| c.code)
            .collect();
        assert!(
            gulou.contains(&320100) && gulou.contains(&350100),
            "{gulou:?}"
        );
        assert_eq!(
            cities_with_district("天河区")
                .iter()
                .map(|c| c.code)
                .collect::<Vec<_>>(),
            vec![440100]
        );
        assert!(cities_with_district("高新区").is_empty());
        assert!(district_named("南山区") && district_named("南山") && district_named("三都"));
        assert!(!district_named("示例") && !district_named(""));
    }

    #[test]
    fn find_city_across_provinces() {
        let found = find_city("深圳");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].province_gb, 44);
        assert!(find_city("不存在市").is_empty());
        // 海南 is also 海南藏族自治州 in 青海.
        assert!(find_city("海南").iter().any(|c| c.province_gb == 63));
    }

    #[test]
    fn pinyin_spellings() {
        let gd = province("gd").unwrap();
        for input in [
            "shenzhen",
            "Shenzhen",
            "ShenZhen",
            "shen zhen",
            "SHENZHEN",
            "Shenzhen Shi",
        ] {
            let found: Vec<u32> = cities_by_pinyin(gd, input).iter().map(|c| c.code).collect();
            assert_eq!(found, vec![440300], "{input}");
        }
        assert!(cities_by_pinyin(gd, "hangzhou").is_empty());
        assert!(cities_by_pinyin(gd, "深圳").is_empty());
        assert!(cities_by_pinyin(gd, "").is_empty());
        // Shared across provinces, told apart by the province.
        let js = province("js").unwrap();
        let zj = province("zj").unwrap();
        assert_eq!(cities_by_pinyin(js, "taizhou")[0].name, "泰州市");
        assert_eq!(cities_by_pinyin(zj, "taizhou")[0].name, "台州市");
        assert_eq!(find_city_by_pinyin("taizhou").len(), 2);
        let bj = city(110000).unwrap();
        assert_eq!(districts_by_pinyin(bj, "chaoyang"), vec!["朝阳区"]);
        assert_eq!(
            districts_by_pinyin(city(220100).unwrap(), "Chao Yang"),
            vec!["朝阳区"]
        );
        // Two districts of one city with one spelling: both, for the user to pick.
        let linxia = city(622900).unwrap();
        assert_eq!(
            districts_by_pinyin(linxia, "linxia"),
            vec!["临夏市", "临夏县"]
        );
        // The apostrophe tells 云安 (yun'an) from 郁南 (yunan).
        let yunfu = city(445300).unwrap();
        assert_eq!(districts_by_pinyin(yunfu, "yun'an"), vec!["云安区"]);
        assert_eq!(districts_by_pinyin(yunfu, "Yunan"), vec!["郁南县"]);
        assert_eq!(districts_by_pinyin(yunfu, "yunnan"), Vec::<&str>::new());
    }

    #[test]
    fn polyphonic_readings() {
        // The readings place names take, where a character has several.
        let cities = [
            (500000, "chongqing"),
            (350200, "xiamen"),
            (430100, "changsha"),
            (340300, "bengbu"),
            (341500, "lu'an"),
            (331100, "lishui"),
            (511100, "leshan"),
            (532900, "dali"),
            (441900, "dongguan"),
            (140400, "changzhi"),
            (510100, "chengdu"),
            (141100, "lüliang"),
            (152500, "xilinguole"),
            (411100, "luohe"),
        ];
        for (code, pinyin) in cities {
            assert_eq!(city(code).unwrap().pinyin, pinyin, "{code}");
        }
        let districts = [
            (440100, "番禺区", "panyu"),
            (341600, "涡阳县", "guoyang"),
            (361100, "铅山县", "yanshan"),
            (371500, "莘县", "shenxian"),
            (110000, "朝阳区", "chaoyang"),
            (371700, "单县", "shanxian"),
            (140400, "长子县", "zhangzi"),
            (320100, "六合区", "luhe"),
            (141000, "洪洞县", "hongtong"),
            (510100, "郫都区", "pidu"),
            (310000, "闵行区", "minhang"),
            (330300, "乐清市", "yueqing"),
            (350100, "马尾区", "mawei"),
            (621200, "宕昌县", "tanchang"),
            (130200, "乐亭县", "laoting"),
            (130700, "蔚县", "yuxian"),
        ];
        for (code, name, pinyin) in districts {
            let c = city(code).unwrap();
            let at = districts_of(c).iter().position(|n| *n == name);
            let at = at.unwrap_or_else(|| panic!("{name}"));
            assert_eq!(district_pinyins(c)[at], pinyin, "{name}");
        }
    }

    #[test]
    fn pinyin_has_a_syllable_for_each_character_of_the_short_form() {
        // The generator drops the same suffixes as `short_form` (深圳市 →
        // shenzhen, not shenzhenshi): as many syllables as characters, a
        // syllable starting at each consonant followed by a vowel, or at a
        // vowel after an apostrophe or at the start.
        let names = CITIES.iter().map(|c| (c.name, c.pinyin)).chain(
            DISTRICTS
                .iter()
                .zip(DISTRICT_PINYIN)
                .map(|(d, p)| (d.1, *p)),
        );
        for (name, pinyin) in names {
            let base = short_form(name).map_or(name, |(b, _)| b);
            let chars = base.chars().count();
            // Every syllable has a vowel; consecutive vowels can share one.
            let groups = pinyin
                .split('\'')
                .map(|part| {
                    part.chars()
                        .collect::<Vec<_>>()
                        .windows(2)
                        .filter(|w| !"aeiouü".contains(w[0]) && "aeiouü".contains(w[1]))
                        .count()
                        + usize::from(part.starts_with(|c: char| "aeiouü".contains(c)))
                })
                .sum::<usize>();
            assert_eq!(groups, chars, "{name} {pinyin}");
        }
    }

    #[test]
    fn every_autonomous_name_keeps_a_place_part() {
        let names = CITIES
            .iter()
            .map(|c| c.name)
            .chain(DISTRICTS.iter().map(|d| d.1));
        for name in names.filter(|n| n.contains("自治")) {
            let (base, _) = short_form(name).unwrap();
            assert!(!base.ends_with('族'), "{name} → {base}");
            assert!(base.chars().count() >= 2, "{name} → {base}");
        }
    }
}
