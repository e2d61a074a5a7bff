//! Reference tables compiled in from `rules/data/*.csv`.
//!
//! The build script (`build/data.rs`) reads the CSV files, checks them, and
//! generates Rust source with one `static` slice per table, sorted by the
//! key it is looked up by, plus the few secondary indexes the lookups need
//! (city spellings, area code ↔ city). `tables` includes that source. So the
//! binary needs nothing beside itself, and nothing is parsed, hashed or
//! allocated at run time: a lookup is a binary search (a linear scan for the
//! 34 provinces) over read-only data, as fast on the first call as on any
//! other. The `&'static str` fields point into those statics. Where the
//! tables come from, and how they were derived, is in `rules/data/README.md`.
//!
//! The CSV files stay the single source of truth. A malformed row (bad
//! number, unknown value, duplicate key, a county or area code under no city)
//! fails the build with its file and line; the unit tests pin every table's
//! row count, so an edit that drops or adds rows by mistake fails the tests.

mod address_codes;
mod domains;
mod names;
mod phone;
mod places;
mod provinces;
mod registrar_key;
mod registrars;
mod tables;
mod uscc;

pub use address_codes::{AddressCodeStatus, address_code_in_use, address_code_known};
pub use domains::{DomainSuffix, domain_suffix, domain_suffixes};
pub use phone::{
    AreaCode, area_code, area_code_cities, area_codes_of_city, city_full_name, mobile_block_known,
    mobile_city,
};
pub use places::{
    City, by_pinyin, by_pinyin_prefix, cities_at_start, cities_by_pinyin, cities_of,
    cities_with_district, city, city_at_start, city_in_province, city_named, district_at_start,
    district_in_city, district_named, district_pinyins, districts_by_pinyin, districts_of,
    find_city, find_city_by_pinyin,
};
pub use provinces::{Province, find_province, province, province_by_gb, provinces};
pub use registrar_key::registrar_key;
pub use registrars::{Registrar, registrar, registrars};
pub use uscc::{UsccRegistration, uscc_registration};

/// A division name without its suffix (深圳市 → 深圳, 延边朝鲜族自治州 →
/// 延边), or the name itself when it has none.
pub fn short_name(full: &str) -> &str {
    names::short_form(full).map_or(full, |(base, _)| base)
}

/// The entries of `table` (sorted by `key`) whose key is `wanted`, in table order.
fn equal_range<T, K: Ord + ?Sized>(
    table: &'static [T],
    wanted: &K,
    key: impl Fn(&T) -> &K,
) -> &'static [T] {
    let start = table.partition_point(|t| key(t) < wanted);
    let rest = &table[start..];
    &rest[..rest.partition_point(|t| key(t) == wanted)]
}

#[cfg(test)]
mod tests {
    use super::tables::*;
    use super::*;

    #[test]
    fn equal_range_finds_every_match() {
        static T: &[(u32, char)] = &[(1, 'a'), (3, 'b'), (3, 'c'), (7, 'd')];
        assert_eq!(equal_range(T, &3, |t| &t.0), &[(3, 'b'), (3, 'c')]);
        assert_eq!(equal_range(T, &7, |t| &t.0), &[(7, 'd')]);
        assert!(equal_range(T, &0, |t| &t.0).is_empty());
        assert!(equal_range(T, &5, |t| &t.0).is_empty());
        assert!(equal_range(T, &9, |t| &t.0).is_empty());
    }

    /// The lookups binary-search these; the build script sorts them.
    #[test]
    fn generated_tables_are_sorted() {
        fn strictly<T, K: Ord>(t: &[T], key: impl Fn(&T) -> K) -> bool {
            t.windows(2).all(|w| key(&w[0]) < key(&w[1]))
        }
        fn loosely<T, K: Ord>(t: &[T], key: impl Fn(&T) -> K) -> bool {
            t.windows(2).all(|w| key(&w[0]) <= key(&w[1]))
        }
        assert!(strictly(CITIES, |c| c.code));
        assert!(strictly(CITY_FORMS, |&(f, i)| (f, i)));
        assert!(strictly(DISTRICT_FORMS, |&(f, i)| (f, i)));
        assert!(loosely(DISTRICTS, |d| d.0));
        assert!(strictly(CURRENT_CODES, |&c| c));
        assert!(strictly(ADDRESS_CODES, |&r| r));
        assert!(strictly(AREA_CODES, |a| a.code));
        assert!(loosely(AREA_CODE_CITIES, |l| l.0));
        assert!(loosely(CITY_AREA_CODES, |l| l.0));
        assert!(strictly(MOBILE_BLOCKS, |&b| b));
        assert!(strictly(MOBILE_REGION_STARTS, |&s| s));
        assert!(strictly(USCC_REGISTRATIONS, |r| (r.authority, r.kind)));
        assert!(strictly(DOMAIN_SUFFIX_INDEX, |s| s.0));
        assert!(
            DOMAIN_SUFFIX_INDEX
                .iter()
                .all(|&(s, i)| DOMAIN_SUFFIXES[usize::from(i)].suffix == s)
        );
        assert!(
            CITY_FORMS
                .iter()
                .all(|&(_, i)| usize::from(i) < CITIES.len())
        );
        assert!(
            DISTRICT_FORMS
                .iter()
                .all(|&(_, i)| usize::from(i) < DISTRICTS.len())
        );
    }
}
