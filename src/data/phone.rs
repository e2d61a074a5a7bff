//! Landline area codes and mobile number blocks
//! (`rules/data/area_codes.csv`, `rules/data/mobile_blocks.csv`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::{City, city, field, leak, rows};

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

struct AreaCodes {
    codes: HashMap<&'static str, AreaCode>,
    cities_by_code: HashMap<&'static str, Vec<u32>>,
    codes_by_city: HashMap<u32, Vec<&'static str>>,
}

static AREA_CODES: LazyLock<AreaCodes> = LazyLock::new(|| {
    let mut t = AreaCodes {
        codes: HashMap::new(),
        cities_by_code: HashMap::new(),
        codes_by_city: HashMap::new(),
    };
    for r in rows(include_str!("../../rules/data/area_codes.csv")) {
        let (Ok(min), Ok(max)) = (field(&r, 1).parse(), field(&r, 2).parse()) else {
            continue;
        };
        let code_text = field(&r, 0);
        let code = match t.codes.get_key_value(code_text) {
            Some((k, _)) => *k,
            None => {
                let code = leak(code_text);
                let prefix = field(&r, 3);
                t.codes.insert(
                    code,
                    AreaCode {
                        code,
                        local_digits: (min, max),
                        local_prefix: (!prefix.is_empty()).then(|| leak(prefix)),
                    },
                );
                code
            }
        };
        // 0978 is a valid code with no known place: no city column.
        if let Ok(city) = field(&r, 4).parse::<u32>() {
            t.cities_by_code.entry(code).or_default().push(city);
            t.codes_by_city.entry(city).or_default().push(code);
        }
    }
    t
});

static MOBILE_BLOCKS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    rows(include_str!("../../rules/data/mobile_blocks.csv"))
        .map(|r| leak(field(&r, 0)))
        .filter(|p| !p.is_empty())
        .collect()
});

/// The area code `code` (with its leading 0: `0755`), if it is assigned.
pub fn area_code(code: &str) -> Option<&'static AreaCode> {
    AREA_CODES.codes.get(code)
}

/// The area codes used in city `c` (`["0755"]`; two for a city listed under two codes).
pub fn area_codes_of_city(c: &City) -> Vec<&'static str> {
    AREA_CODES
        .codes_by_city
        .get(&c.code)
        .cloned()
        .unwrap_or_default()
}

/// The cities that use area code `code` (024 → 沈阳, 抚顺, 本溪, 铁岭).
pub fn area_code_cities(code: &str) -> Vec<&'static City> {
    AREA_CODES
        .cities_by_code
        .get(code)
        .map(|v| v.iter().filter_map(|&c| city(c)).collect())
        .unwrap_or_default()
}

/// Whether the 3-, 4- or 5-digit block of the 11-digit mobile number `number` is assigned.
pub fn mobile_block_known(number: &str) -> bool {
    number.len() == 11
        && number.bytes().all(|b| b.is_ascii_digit())
        && [3, 4, 5]
            .iter()
            .any(|&n| number.get(..n).is_some_and(|p| MOBILE_BLOCKS.contains(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_sizes() {
        assert_eq!(AREA_CODES.codes.len(), 329);
        let links: usize = AREA_CODES.cities_by_code.values().map(Vec::len).sum();
        assert_eq!(links, 369);
        assert_eq!(MOBILE_BLOCKS.len(), 77);
        // Every city link points at a real city.
        for cities in AREA_CODES.cities_by_code.values() {
            assert!(cities.iter().all(|&c| city(c).is_some()));
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
        assert!(area_code_cities("nope").is_empty());
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
