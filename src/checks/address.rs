//! Addresses: whether a free-text address lies in the filer's city.
//!
//! A filing's addresses are free text, usually written from the province down
//! (`广东省深圳市南山区科技园路1号`), often from the city or the district only
//! (`深圳市南山区…`, `南山区科技园路1号`). [`in_city`] reads the place names at
//! the start of such a text against the division tables and answers in three
//! values: the address names the city or one of its districts (`true`); it
//! names another province, another city, or a district that only other
//! cities have (`false`); or it names nothing recognisable, or only a
//! district name several cities share (unknown). Only clear evidence gives
//! `false`: street names such as 北京路 or 西藏中路 are not read as places.

use super::chars;
use crate::data::{self, City, Province};

/// Characters that end the full name of a district or county.
const DISTRICT_ENDS: &[char] = &['区', '县', '旗', '市'];

/// Whether `address` lies in `city` of `province`: `Some(true)` when it names
/// the city or one of its districts, `Some(false)` when it names another
/// province, city or district, `None` when it cannot be told.
pub fn in_city(province: &Province, city: &City, address: &str) -> Option<bool> {
    let cleaned = chars::clean(address);
    let mut text: &str = cleaned.value.as_ref();
    for country in ["中华人民共和国", "中国"] {
        if let Some(rest) = text.strip_prefix(country) {
            text = rest;
            break;
        }
    }
    if let Some((named, len)) = leading_province(text) {
        if named.gb != province.gb {
            return Some(false);
        }
        // A municipality is its own city.
        if province.municipality {
            return Some(true);
        }
        text = text.get(len..).unwrap_or_default();
    }
    if data::city_at_start(city, text).is_some() || data::district_at_start(city, text).is_some() {
        return Some(true);
    }
    // Another city, in full (广州市…) or by its short name followed by one of
    // its districts (广州天河区…).
    for (other, len) in data::cities_at_start(text) {
        if other.code == city.code {
            continue;
        }
        let rest = text.get(len..).unwrap_or_default();
        if text.starts_with(other.name) || data::district_at_start(other, rest).is_some() {
            return Some(false);
        }
    }
    // A district only other cities have (天河区 for 深圳市).
    if let Some(owners) = leading_district(text) {
        return Some(owners.iter().any(|o| o.code == city.code));
    }
    // The city named further on (…自由贸易试验区深圳市前海…).
    if text.contains(city.name) {
        return Some(true);
    }
    None
}

/// The province a text starts with, and the length of its name: a full name
/// (广东省, 北京市), or a short name directly followed by one of its cities
/// (广东深圳…) or, for a municipality, one of its districts (北京海淀区…).
fn leading_province(text: &str) -> Option<(&'static Province, usize)> {
    let mainland = || data::provinces().iter().filter(|p| p.mainland);
    if let Some(p) = mainland().find(|p| text.starts_with(p.name)) {
        return Some((p, p.name.len()));
    }
    mainland().find_map(|p| {
        let rest = text.strip_prefix(p.short_name)?;
        let city_follows = data::cities_at_start(rest)
            .iter()
            .any(|(c, _)| c.province_gb == p.gb);
        let district_follows = p.municipality
            && data::city(u32::from(p.gb) * 10_000)
                .is_some_and(|c| data::district_at_start(c, rest).is_some());
        (city_follows || district_follows).then_some((p, p.short_name.len()))
    })
}

/// The cities owning the district or county whose full name starts the text
/// (天河区…, 昆山市…), if one does.
fn leading_district(text: &str) -> Option<Vec<&'static City>> {
    text.char_indices()
        .skip(1)
        .take(8)
        .filter(|(_, c)| DISTRICT_ENDS.contains(c))
        .find_map(|(at, c)| {
            let name = text.get(..at + c.len_utf8())?;
            let owners = data::cities_with_district(name);
            (!owners.is_empty()).then_some(owners)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(province: &str, city_code: u32, address: &str) -> Option<bool> {
        let p = data::province(province).unwrap();
        let c = data::city(city_code).unwrap();
        in_city(p, c, address)
    }

    #[test]
    fn addresses_in_the_city() {
        for address in [
            "广东省深圳市南山区粤海街道科技园路1号",
            "深圳市南山区科技园路1号",
            "广东深圳南山区科技园路1号",
            "南山区科技园路1号",
            "南山科技园路1号",
            "中国广东省深圳市福田区",
            " 深圳市 南山区 ",
            "中国（广东）自由贸易试验区深圳市前海深港合作区",
        ] {
            assert_eq!(check("gd", 440300, address), Some(true), "{address}");
        }
        // Districts named without the city: 金水区 is 郑州's, 长安区 石家庄's.
        assert_eq!(check("ha", 410100, "金水区花园路1号A座301"), Some(true));
        assert_eq!(check("he", 130100, "长安区中山东路1号"), Some(true));
        // A municipality is its own city.
        assert_eq!(check("bj", 110000, "北京市海淀区中关村大街1号"), Some(true));
        assert_eq!(check("bj", 110000, "北京海淀区中关村大街1号"), Some(true));
        assert_eq!(check("bj", 110000, "海淀区中关村大街1号"), Some(true));
        assert_eq!(check("cq", 500000, "重庆市渝北区金开大道1号"), Some(true));
        // County-level units under their province, and autonomous prefectures.
        assert_eq!(check("hb", 429004, "湖北省仙桃市仙桃大道1号"), Some(true));
        assert_eq!(
            check("xj", 659002, "新疆维吾尔自治区阿拉尔市胜利大道1号"),
            Some(true)
        );
        assert_eq!(
            check("jl", 222400, "吉林省延边州延吉市光明街1号"),
            Some(true)
        );
        // 鼓楼区 is a district of 南京 among others: the filer's city decides.
        assert_eq!(check("js", 320100, "鼓楼区中山路1号"), Some(true));
    }

    #[test]
    fn addresses_elsewhere() {
        for address in [
            "广东省广州市天河区天河路1号",
            "广州市天河区天河路1号",
            "广州天河区天河路1号",
            "天河区天河路1号",
            "北京市海淀区中关村大街1号",
            "湖南省长沙市岳麓区",
            "江苏省昆山市花桥镇",
        ] {
            assert_eq!(check("gd", 440300, address), Some(false), "{address}");
        }
        // 吉林 is a province and a city: the province's full name is not the city.
        assert_eq!(check("jl", 220200, "吉林省长春市朝阳区"), Some(false));
        assert_eq!(check("jl", 220200, "吉林省吉林市船营区"), Some(true));
        // Same province, other city.
        assert_eq!(
            check("he", 130100, "河北省保定市竞秀区朝阳北大街100号"),
            Some(false)
        );
        assert_eq!(
            check("ha", 410100, "河南省洛阳市西工区中州中路1号"),
            Some(false)
        );
        // 鼓楼区 belongs to several cities, none of them 深圳.
        assert_eq!(check("gd", 440300, "鼓楼区中山路1号"), Some(false));
    }

    #[test]
    fn addresses_that_say_nothing_certain() {
        for address in [
            "科技园路1号",
            "",
            "高新区科技路1号",
            // Street names are not places: 北京路 is in 广州, 西藏中路 in 上海.
            "北京路1号",
            "西藏中路100号",
            "上海路1号",
        ] {
            assert_eq!(check("gd", 440300, address), None, "{address}");
        }
        assert_eq!(check("sh", 310000, "西藏中路100号"), None);
    }
}
