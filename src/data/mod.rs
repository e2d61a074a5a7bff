//! Reference tables compiled in from `rules/data/*.csv`.
//!
//! The CSV files are embedded with `include_str!`, so the binary needs nothing
//! beside itself. Each table is parsed once, on first use, into a
//! [`LazyLock`](std::sync::LazyLock) that holds the rows and the hash indexes
//! every lookup goes through; a lookup is O(1) after that. Where the tables
//! come from, and how they were derived, is in `rules/data/README.md`.
//!
//! A malformed row is skipped rather than aborting (the data is ours and the
//! unit tests pin every table's row count, so a broken edit fails the tests,
//! not a user's run). Strings handed out as `&'static str` are leaked once at
//! load time: the tables live as long as the process anyway.

mod address_codes;
mod domains;
mod phone;
mod places;
mod provinces;
mod uscc;

pub use address_codes::{AddressCodeStatus, address_code_in_use, address_code_known};
pub use domains::{DomainSuffix, domain_suffix, domain_suffixes};
pub use phone::{AreaCode, area_code, area_code_cities, area_codes_of_city, mobile_block_known};
pub use places::{
    City, cities_of, city, city_in_province, district_in_city, districts_of, find_city,
};
pub use provinces::{Province, find_province, province, province_by_gb, provinces};
pub use uscc::{UsccRegistration, uscc_registration};

/// The data rows of a compiled-in CSV table (header skipped, bad rows dropped).
fn rows(text: &'static str) -> impl Iterator<Item = csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes())
        .into_records()
        .filter_map(Result::ok)
}

/// A field of a row, or "" when the row is short.
fn field(row: &csv::StringRecord, index: usize) -> &str {
    row.get(index).unwrap_or("")
}

/// Gives a table string the `'static` lifetime the public structs use. Called
/// only while a table is built, once per process.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// Splits a `|`-separated list field into a leaked slice (empty field → `[]`).
fn leak_list(s: &str) -> &'static [&'static str] {
    let items: Vec<&'static str> = s.split('|').filter(|x| !x.is_empty()).map(leak).collect();
    Box::leak(items.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skips_header_and_reads_quoted_fields() {
        let text: &'static str = "a,b\n1,\"x,y\"\n2,z\n";
        let all: Vec<_> = rows(text).collect();
        assert_eq!(all.len(), 2);
        assert_eq!(field(&all[0], 1), "x,y");
        assert_eq!(field(&all[1], 5), "");
    }

    #[test]
    fn leak_list_splits_on_bars() {
        assert_eq!(leak_list("川|蜀"), &["川", "蜀"]);
        assert!(leak_list("").is_empty());
    }
}
