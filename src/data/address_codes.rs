//! Six-digit address codes (GB/T 2260) as they appear at the start of ID numbers.
//!
//! An ID number keeps the code of the place where it was first issued for
//! life, so a code abolished decades ago is still valid on a card. Sources, in
//! the order they are consulted:
//!
//! - current codes: the 2023 cities and counties tables, and the province codes;
//! - `rules/data/address_codes.csv`: every code of the yearly lists 1980–2020,
//!   with the years it was listed;
//! - `rules/data/address_codes_extra.csv`: codes that were used but are missing
//!   from those lists (placeholders such as 110100, 441282 罗定市 in 1993, …);
//! - the legacy patterns xxxx01/02/11/20 under a known prefecture (see
//!   [`AddressCodeStatus::LegacyPattern`]);
//! - any other code under a known prefecture, as weak evidence
//!   ([`AddressCodeStatus::PrefectureOnly`]).

use super::equal_range;
use super::tables::{ADDRESS_CODES, CURRENT_CODES, HISTORY_END};

/// What the tables know about a six-digit address code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressCodeStatus {
    /// In the current (2023) division list.
    Current,
    /// Listed in the past only, first and last year it was listed.
    Historic {
        /// First year the code was listed.
        first_year: u16,
        /// Last year the code was listed.
        last_year: u16,
    },
    /// Not listed, but a legacy pattern under a known prefecture.
    ///
    /// xxxx01 (市辖区), xxxx02 (first urban district), xxxx11 (suburban
    /// district) or xxxx20 (市区, 1980–1982): such codes appear on real cards.
    LegacyPattern,
    /// Not listed and no legacy pattern, but under a known prefecture: weak evidence.
    ///
    /// The yearly lists are incomplete (320219 is on a validator's test card;
    /// 441282 was in use in 1993 yet never listed), so such a code is accepted,
    /// but a rule may warn about it.
    PrefectureOnly,
    /// Not known at all, not even its prefecture.
    Unknown,
}

/// Whether `code` is in the current (2023) list.
fn current(code: u32) -> bool {
    CURRENT_CODES.binary_search(&code).is_ok()
}

/// The runs of years `code` was listed, (code, first, last), first year
/// ascending; `last` is `OPEN` when still in use at the end of the data.
fn runs(code: u32) -> &'static [(u32, u16, u16)] {
    equal_range(ADDRESS_CODES, &code, |r| &r.0)
}

/// What is known about address code `code`: current, historic, a legacy pattern, or unknown.
pub fn address_code_known(code: u32) -> AddressCodeStatus {
    if current(code) {
        return AddressCodeStatus::Current;
    }
    let listed = runs(code);
    if !listed.is_empty() {
        let first_year = listed.iter().map(|r| r.1).min().unwrap_or(0);
        let last_year = listed
            .iter()
            .map(|r| r.2.min(HISTORY_END))
            .max()
            .unwrap_or(0);
        return AddressCodeStatus::Historic {
            first_year,
            last_year,
        };
    }
    let prefecture = code / 100 * 100;
    let known_prefecture =
        prefecture % 10_000 != 0 && (current(prefecture) || !runs(prefecture).is_empty());
    if !known_prefecture {
        AddressCodeStatus::Unknown
    } else if matches!(code % 100, 1 | 2 | 11 | 20) {
        AddressCodeStatus::LegacyPattern
    } else {
        AddressCodeStatus::PrefectureOnly
    }
}

/// Whether `code` was listed in `year`; `None` when the tables have no years for it.
///
/// Codes created after 2020, legacy patterns and unknown codes have no years.
pub fn address_code_in_use(code: u32, year: i16) -> Option<bool> {
    let listed = runs(code);
    if listed.is_empty() {
        return None;
    }
    let year = u16::try_from(year).ok()?;
    Some(
        listed
            .iter()
            .any(|&(_, first, last)| first <= year && year <= last),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use AddressCodeStatus::*;

    #[test]
    fn table_sizes() {
        assert_eq!(ADDRESS_CODES.len(), 6830 + 78);
        assert!(CURRENT_CODES.binary_search(&110100).is_ok());
    }

    #[test]
    fn statuses() {
        assert_eq!(address_code_known(440305), Current);
        assert_eq!(address_code_known(440300), Current);
        assert_eq!(address_code_known(440000), Current);
        assert_eq!(address_code_known(110100), Current);
        assert_eq!(address_code_known(500154), Current);
        assert_eq!(
            address_code_known(110201),
            Historic {
                first_year: 1980,
                last_year: 1981
            }
        );
        assert_eq!(
            address_code_known(441282),
            Historic {
                first_year: 1993,
                last_year: 1993
            }
        );
        assert_eq!(address_code_known(440401), LegacyPattern);
        assert_eq!(address_code_known(140120), LegacyPattern);
        assert_eq!(address_code_known(320219), PrefectureOnly);
        assert_eq!(address_code_known(440399), PrefectureOnly);
        assert_eq!(address_code_known(111111), Unknown);
        assert_eq!(address_code_known(990426), Unknown);
        // Not a legacy pattern: no prefecture 9904, and xx00xx is no prefecture.
        assert_eq!(address_code_known(990401), Unknown);
        assert_eq!(address_code_known(110001), Unknown);
        assert_eq!(address_code_known(0), Unknown);
        assert_eq!(address_code_known(u32::MAX), Unknown);
    }

    #[test]
    fn statistical_only_codes_are_not_address_codes() {
        // 130171 石家庄高新技术产业开发区 is an NBS statistics code only: not
        // listed, so it gets no better than its prefecture.
        assert_eq!(address_code_known(130171), PrefectureOnly);
    }

    #[test]
    fn years_in_use() {
        assert_eq!(address_code_in_use(110111, 1980), Some(false));
        assert_eq!(address_code_in_use(110111, 1986), Some(true));
        assert_eq!(address_code_in_use(110111, 2024), Some(true));
        assert_eq!(address_code_in_use(362324, 1981), Some(true));
        assert_eq!(address_code_in_use(362324, 2005), Some(false));
        assert_eq!(address_code_in_use(110100, 2024), Some(true));
        assert_eq!(address_code_in_use(440401, 1990), None);
        assert_eq!(address_code_in_use(110111, -5), None);
    }
}
