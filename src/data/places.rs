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
//! ethnic-group part (延边 and 延边州 = 延边朝鲜族自治州).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Province, field, leak, rows};

/// A city-level division that a filing's `city` field can name.
#[derive(Debug, PartialEq, Eq)]
pub struct City {
    /// GB/T 2260 code: 440300 (municipalities: 110000, 120000, 310000, 500000).
    pub code: u32,
    /// Full name: 深圳市.
    pub name: &'static str,
    /// GB/T 2260 code of the province: 44.
    pub province_gb: u8,
}

/// A county-level division under a city.
struct District {
    name: &'static str,
}

struct Places {
    cities: Vec<City>,
    by_code: HashMap<u32, usize>,
    /// Every accepted spelling (full name and short forms) → cities.
    by_form: HashMap<String, Vec<usize>>,
    by_province: HashMap<u8, Vec<usize>>,
    /// City code → its districts, in code order.
    districts: HashMap<u32, Vec<District>>,
}

static PLACES: LazyLock<Places> = LazyLock::new(|| {
    let mut cities: Vec<City> = rows(include_str!("../../rules/data/cities.csv"))
        .filter_map(|r| {
            let code: u32 = field(&r, 0).parse().ok()?;
            Some(City {
                code,
                name: leak(field(&r, 1)),
                province_gb: u8::try_from(code / 10_000).ok()?,
            })
        })
        .collect();
    cities.sort_by_key(|c| c.code);
    let mut by_code = HashMap::with_capacity(cities.len());
    let mut by_form: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_province: HashMap<u8, Vec<usize>> = HashMap::new();
    for (i, c) in cities.iter().enumerate() {
        by_code.insert(c.code, i);
        by_province.entry(c.province_gb).or_default().push(i);
        for form in forms(c.name) {
            let entry = by_form.entry(form).or_default();
            if !entry.contains(&i) {
                entry.push(i);
            }
        }
    }
    let mut districts: HashMap<u32, Vec<District>> = HashMap::new();
    let mut county_rows: Vec<(u32, &'static str)> =
        rows(include_str!("../../rules/data/counties.csv"))
            .filter_map(|r| Some((field(&r, 0).parse().ok()?, leak(field(&r, 1)))))
            .collect();
    county_rows.sort_by_key(|(code, _)| *code);
    for (code, name) in county_rows {
        let prefecture = code / 100 * 100;
        let province = code / 10_000 * 10_000;
        // A municipality's districts sit under placeholder prefectures
        // (110100 市辖区, 500200 县); they belong to the municipality itself.
        let city = if by_code.contains_key(&prefecture) {
            prefecture
        } else {
            province
        };
        if by_code.contains_key(&city) {
            districts.entry(city).or_default().push(District { name });
        }
    }
    Places {
        cities,
        by_code,
        by_form,
        by_province,
        districts,
    }
});

/// Generic suffixes a division name may be written without, longest first.
const SUFFIXES: &[&str] = &[
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "市",
    "盟",
    "区",
    "县",
    "旗",
];

/// Ethnic-group names as they appear inside autonomous division names, without
/// 族 (各族 = "all ethnic groups", as in 龙胜各族自治县). One-character ones are
/// stripped only when 族 follows them.
const ETHNIC: &[&str] = &[
    "各",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
];

/// Removes the trailing ethnic-group names of an autonomous division's name
/// (延边朝鲜族 → 延边, 双江拉祜族佤族布朗族傣族 → 双江), keeping at least two
/// characters.
fn strip_ethnic(mut base: &str) -> &str {
    loop {
        let next = if let Some(before) = base.strip_suffix('族') {
            let rest = ETHNIC
                .iter()
                .filter_map(|e| before.strip_suffix(e))
                .min_by_key(|rest| rest.len());
            match rest {
                // The place is named after the group itself (东乡族自治县 →
                // 东乡): keep the name, drop 族.
                Some(rest) if rest.chars().count() < 2 && before.chars().count() >= 2 => {
                    return before;
                }
                _ => rest,
            }
        } else {
            ETHNIC
                .iter()
                .filter(|e| e.chars().count() >= 2)
                .filter_map(|e| base.strip_suffix(e))
                .min_by_key(|rest| rest.len())
        };
        match next {
            Some(rest) if rest.chars().count() >= 2 => base = rest,
            _ => return base,
        }
    }
}

/// The short spelling of a division name and, for autonomous divisions, the
/// one-character suffix it is also written with (延边朝鲜族自治州 → 延边, 州).
/// `None` when no suffix applies or the rest would be a single character
/// (城区, 郊区 have no short form).
fn short_form(full: &str) -> Option<(&str, Option<&'static str>)> {
    let (suffix, base) = SUFFIXES
        .iter()
        .find_map(|s| full.strip_suffix(s).map(|base| (*s, base)))?;
    let (base, extra) = match suffix {
        "自治州" => (strip_ethnic(base), Some("州")),
        "自治县" => (strip_ethnic(base), Some("县")),
        "自治旗" => (strip_ethnic(base), Some("旗")),
        _ => (base, None),
    };
    (base.chars().count() >= 2).then_some((base, extra))
}

/// Every accepted spelling of a division name.
fn forms(full: &str) -> Vec<String> {
    let mut out = vec![full.to_owned()];
    if let Some((base, extra)) = short_form(full) {
        out.push(base.to_owned());
        if let Some(extra) = extra {
            out.push(format!("{base}{extra}"));
        }
    }
    out
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

/// The city with this GB/T 2260 code, if any.
pub fn city(code: u32) -> Option<&'static City> {
    let places = &*PLACES;
    places
        .by_code
        .get(&code)
        .and_then(|&i| places.cities.get(i))
}

/// The city of province `p` named `city`, exactly or without its suffix (深圳 = 深圳市).
pub fn city_in_province(p: &Province, city: &str) -> Option<&'static City> {
    let city = city.trim();
    let places = &*PLACES;
    let candidates = places.by_form.get(city)?;
    let mut in_province = candidates
        .iter()
        .filter_map(|&i| places.cities.get(i))
        .filter(|c| c.province_gb == p.gb);
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
    let places = &*PLACES;
    places
        .by_form
        .get(city.trim())
        .map(|v| v.iter().filter_map(|&i| places.cities.get(i)).collect())
        .unwrap_or_default()
}

/// Whether `district` names a district or county of city `c`, exactly or without its suffix.
pub fn district_in_city(c: &City, district: &str) -> bool {
    let district = district.trim();
    !district.is_empty()
        && PLACES
            .districts
            .get(&c.code)
            .is_some_and(|ds| ds.iter().any(|d| name_matches(d.name, district)))
}

/// The full names of city `c`'s districts and counties, in code order.
///
/// Empty for county-level units directly under a province.
pub fn districts_of(c: &City) -> Vec<&'static str> {
    PLACES
        .districts
        .get(&c.code)
        .map(|ds| ds.iter().map(|d| d.name).collect())
        .unwrap_or_default()
}

/// The cities of province `p`, in code order.
pub fn cities_of(p: &Province) -> Vec<&'static City> {
    let places = &*PLACES;
    places
        .by_province
        .get(&p.gb)
        .map(|v| v.iter().filter_map(|&i| places.cities.get(i)).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{province, province_by_gb};

    #[test]
    fn table_sizes() {
        assert_eq!(PLACES.cities.len(), 369);
        let districts: usize = PLACES.districts.values().map(Vec::len).sum();
        assert_eq!(districts, 2822);
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
    fn find_city_across_provinces() {
        let found = find_city("深圳");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].province_gb, 44);
        assert!(find_city("不存在市").is_empty());
        // 海南 is also 海南藏族自治州 in 青海.
        assert!(find_city("海南").iter().any(|c| c.province_gb == 63));
    }

    #[test]
    fn short_forms() {
        assert_eq!(short_form("深圳市"), Some(("深圳", None)));
        assert_eq!(short_form("延边朝鲜族自治州"), Some(("延边", Some("州"))));
        assert_eq!(
            short_form("双江拉祜族佤族布朗族傣族自治县"),
            Some(("双江", Some("县")))
        );
        assert_eq!(
            short_form("博尔塔拉蒙古自治州"),
            Some(("博尔塔拉", Some("州")))
        );
        assert_eq!(
            short_form("察布查尔锡伯自治县"),
            Some(("察布查尔", Some("县")))
        );
        assert_eq!(short_form("鄂伦春自治旗"), Some(("鄂伦春", Some("旗"))));
        assert_eq!(short_form("鄂温克族自治旗"), Some(("鄂温克", Some("旗"))));
        assert_eq!(short_form("东乡族自治县"), Some(("东乡", Some("县"))));
        assert_eq!(short_form("龙胜各族自治县"), Some(("龙胜", Some("县"))));
        assert_eq!(short_form("浦东新区"), Some(("浦东", None)));
        assert_eq!(short_form("城区"), None);
        assert_eq!(short_form("矿区"), None);
    }

    #[test]
    fn every_autonomous_name_keeps_a_place_part() {
        let places = &*PLACES;
        let names = places
            .cities
            .iter()
            .map(|c| c.name)
            .chain(places.districts.values().flatten().map(|d| d.name));
        for name in names.filter(|n| n.contains("自治")) {
            let (base, _) = short_form(name).unwrap();
            assert!(!base.ends_with('族'), "{name} → {base}");
            assert!(base.chars().count() >= 2, "{name} → {base}");
        }
    }
}
