//! Landline area codes, mobile number blocks and where mobiles were issued
//! (`rules/data/area_codes.csv`, `rules/data/mobile_blocks.csv`,
//! `rules/data/mobile_regions.csv`).

use super::tables::{
    AREA_CODE_CITIES, AREA_CODES, CITIES, CITY_AREA_CODES, MOBILE_BLOCKS, MOBILE_REGION_CITIES,
    MOBILE_REGION_STARTS, UNPLACED,
};
use super::{City, city, equal_range, province_by_gb};

/// A landline area code (长途区号) and the local numbers it takes.
#[derive(Debug, PartialEq, Eq)]
pub struct AreaCode {
    /// With its leading 0: `0755`, `010`.
    pub code: &'static str,
    /// Allowed length of the local number, (min, max): (8, 8), (7, 8) or (7, 7).
    pub local_digits: (u8, u8),
    /// A prefix every local number must start with (`8` for 0807), if any.
    pub local_prefix: Option<&'static str>,
}

/// The area code `code` (with its leading 0: `0755`), if it is assigned.
pub fn area_code(code: &str) -> Option<&'static AreaCode> {
    let at = AREA_CODES.binary_search_by(|a| a.code.cmp(code)).ok()?;
    AREA_CODES.get(at)
}

/// The area codes used in city `c` (`["0755"]`; two for a city listed under two codes).
pub fn area_codes_of_city(c: &City) -> Vec<&'static str> {
    equal_range(CITY_AREA_CODES, &c.code, |l| &l.0)
        .iter()
        .map(|l| l.1)
        .collect()
}

/// The cities that use area code `code` (024 → 沈阳, 抚顺, 本溪, 铁岭).
pub fn area_code_cities(code: &str) -> Vec<&'static City> {
    equal_range(AREA_CODE_CITIES, code, |l| l.0)
        .iter()
        .filter_map(|l| city(l.1))
        .collect()
}

/// Whether the 3-, 4- or 5-digit block of the 11-digit mobile number `number` is assigned.
pub fn mobile_block_known(number: &str) -> bool {
    number.len() == 11
        && number.bytes().all(|b| b.is_ascii_digit())
        && [3, 4, 5].iter().any(|&n| {
            number
                .get(..n)
                .is_some_and(|p| MOBILE_BLOCKS.binary_search_by(|b| (*b).cmp(p)).is_ok())
        })
}

/// The city the 11-digit mobile number `number` was issued in, from its
/// first seven digits: `None` when it is not 11 ASCII digits or its prefix is
/// in no source (the newer segments 16x, 19x …). A number keeps the region it
/// was issued in when it changes carriers.
pub fn mobile_city(number: &str) -> Option<&'static City> {
    if number.len() != 11 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix: u32 = number.get(..7)?.parse().ok()?;
    let run = MOBILE_REGION_STARTS
        .partition_point(|&start| start <= prefix)
        .checked_sub(1)?;
    match *MOBILE_REGION_CITIES.get(run)? {
        UNPLACED => None,
        at => CITIES.get(usize::from(at)),
    }
}

/// A city's name with its province's, as a place is written in Chinese:
/// 山东省济南市; a municipality alone: 北京市.
pub fn city_full_name(c: &City) -> String {
    match province_by_gb(c.province_gb) {
        Some(p) if p.name != c.name => format!("{}{}", p.name, c.name),
        _ => c.name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_sizes() {
        assert_eq!(AREA_CODES.len(), 329);
        assert_eq!(AREA_CODE_CITIES.len(), 377);
        assert_eq!(CITY_AREA_CODES.len(), 377);
        assert_eq!(MOBILE_BLOCKS.len(), 77);
        // Every link points at a real city and a real code.
        for &(code, c) in AREA_CODE_CITIES {
            assert!(city(c).is_some() && area_code(code).is_some());
        }
    }

    #[test]
    fn local_lengths() {
        let lens = |c: &str| area_code(c).map(|a| a.local_digits);
        assert_eq!(lens("010"), Some((8, 8)));
        assert_eq!(lens("0755"), Some((8, 8)));
        assert_eq!(lens("0351"), Some((7, 7)));
        assert_eq!(lens("0433"), Some((7, 8)));
        assert_eq!(lens("0978"), Some((7, 7)));
        let naqu = area_code("0807").unwrap();
        assert_eq!((naqu.local_digits, naqu.local_prefix), ((8, 8), Some("8")));
        assert_eq!(area_code("0755").unwrap().local_prefix, None);
        assert!(area_code("026").is_none());
        assert!(area_code("755").is_none());
    }

    #[test]
    fn cities_and_codes() {
        assert_eq!(area_codes_of_city(city(440300).unwrap()), vec!["0755"]);
        let mut tieling = area_codes_of_city(city(211200).unwrap());
        tieling.sort_unstable();
        assert_eq!(tieling, vec!["024", "0410"]);
        assert_eq!(area_codes_of_city(city(110000).unwrap()), vec!["010"]);
        assert_eq!(area_codes_of_city(city(469021).unwrap()), vec!["0898"]);
        let shenyang_area: Vec<u32> = area_code_cities("024").iter().map(|c| c.code).collect();
        assert_eq!(shenyang_area, vec![210100, 210400, 210500, 211200]);
        assert!(area_code_cities("0978").is_empty());
        // The corps cities of Xinjiang: eight with a sourced code, three without.
        assert_eq!(area_codes_of_city(city(659002).unwrap()), vec!["0997"]);
        assert_eq!(area_codes_of_city(city(659008).unwrap()), vec!["0999"]);
        assert!(area_codes_of_city(city(659010).unwrap()).is_empty());
        let aksu_area: Vec<u32> = area_code_cities("0997").iter().map(|c| c.code).collect();
        assert_eq!(aksu_area, vec![652900, 659002]);
        assert!(area_code_cities("nope").is_empty());
    }

    #[test]
    fn mobile_regions() {
        assert_eq!(MOBILE_REGION_STARTS.len(), MOBILE_REGION_CITIES.len());
        assert_eq!(MOBILE_REGION_STARTS.len(), 71_100);
        let from = |n: &str| mobile_city(n).map(city_full_name);
        // The first and last rows of the source.
        assert_eq!(from("13000001234").as_deref(), Some("山东省济南市"));
        assert_eq!(from("18999801234"), None);
        assert_eq!(from("13000101234").as_deref(), Some("北京市"));
        // 巢湖 (abolished 2011) is placed in 合肥; 地区 that became cities.
        assert_eq!(from("13000021234").as_deref(), Some("安徽省合肥市"));
        assert_eq!(from("13703112233").as_deref(), Some("河北省石家庄市"));
        // A prefix between two runs the source does not place.
        assert_eq!(from("13000031234"), None);
        // Newer segments, malformed numbers.
        assert_eq!(from("19912345678"), None);
        assert_eq!(from("16612345678"), None);
        assert_eq!(from("1300000123"), None);
        assert_eq!(from("130000012345"), None);
        assert_eq!(from("1300000123x"), None);
        assert_eq!(from("10000001234"), None);
        assert_eq!(from(""), None);
        // Every run names a real city.
        assert!(
            MOBILE_REGION_CITIES
                .iter()
                .all(|&c| c == UNPLACED || CITIES.get(usize::from(c)).is_some())
        );
    }

    #[test]
    fn mobile_blocks() {
        assert!(mobile_block_known("13800138000"));
        assert!(mobile_block_known("16101234567"));
        assert!(mobile_block_known("17405123456"));
        assert!(!mobile_block_known("17406123456"));
        assert!(!mobile_block_known("16112345678"));
        assert!(!mobile_block_known("14012345678"));
        assert!(!mobile_block_known("1380013800"));
        assert!(!mobile_block_known("１３８00138000"));
        assert!(!mobile_block_known(""));
    }
}
