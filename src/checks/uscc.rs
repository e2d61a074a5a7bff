//! Unified Social Credit Codes (统一社会信用代码, GB 32100-2015), the
//! organization codes they embed (组织机构代码, GB 11714-1997), and the
//! 15-digit business registration numbers they replaced (工商注册号).
//!
//! A USCC is 18 characters from a 31-character alphabet (no I, O, S, V, Z):
//! registration authority (1), entity type (1), area code of the registering
//! authority (6 digits), organization code (8 + its own check character), and
//! a MOD 31 check character. Positions 1–2 may be letters (authority `A`, `N`,
//! `Y`), so they are looked up in [`crate::data::uscc_registration`] rather
//! than required to be digits.
//!
//! Input is expected to be cleaned already ([`super::chars::clean`]).

use crate::data::{province_by_gb, uscc_registration};

/// The USCC alphabet; a character's value is its index.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1–17: 3^(i−1) mod 31.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// GB 11714 weights of the 8 body positions.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// What a readable USCC says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uscc {
    /// Position 1, registration authority: `9` (market regulation).
    pub authority: char,
    /// Position 2, entity type: `1` (enterprise).
    pub kind: char,
    /// Positions 3–8, area code of the registering authority: 440300.
    pub region: u32,
}

/// One thing wrong with a USCC. A code can have several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsccProblem {
    /// Not 18 characters.
    Length,
    /// A character outside `0-9A-Z` minus I, O, S, V, Z (lower case included).
    Alphabet,
    /// Positions 3–8 are not digits naming a mainland province (or 10, national level).
    Region,
    /// The USCC check character (position 18) is wrong.
    Checksum {
        /// The check character the first 17 characters call for.
        expected: char,
    },
    /// The embedded organization code's check character (position 17) is wrong.
    OrgCode {
        /// The check character positions 9–16 call for.
        expected: char,
    },
    /// Positions 1–2 are not an assigned authority and entity type.
    UnknownRegistration {
        /// Position 1.
        authority: char,
        /// Position 2.
        kind: char,
    },
}

/// The value of a USCC alphabet character.
fn value(c: u8) -> Option<u32> {
    ALPHABET
        .iter()
        .position(|&a| a == c)
        .and_then(|i| u32::try_from(i).ok())
}

/// The GB 32100 check character for the first 17 characters, if they are in the alphabet.
pub fn check_char(body: &str) -> Option<char> {
    if body.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in body.bytes().zip(WEIGHTS) {
        sum += value(c)? * w;
    }
    ALPHABET
        .get(((31 - sum % 31) % 31) as usize)
        .map(|&b| char::from(b))
}

/// The GB 11714 check character (`0`–`9` or `X`) for an 8-character body of digits and capitals.
pub fn org_check_char(body: &str) -> Option<char> {
    if body.len() != 8 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in body.bytes().zip(ORG_WEIGHTS) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return None,
        };
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10)?,
    })
}

/// Checks a USCC; it is valid when the problem list is empty.
///
/// The [`Uscc`] is returned whenever the code is readable (18 alphabet
/// characters with digits in positions 3–8), even with problems.
pub fn check(s: &str) -> (Option<Uscc>, Vec<UsccProblem>) {
    if s.chars().count() != 18 {
        return (None, vec![UsccProblem::Length]);
    }
    if !s.bytes().all(|c| value(c).is_some()) {
        return (None, vec![UsccProblem::Alphabet]);
    }
    // From here on `s` is 18 ASCII characters.
    let b = s.as_bytes();
    let mut problems = Vec::new();
    let (authority, kind) = match b {
        [a, k, ..] => (char::from(*a), char::from(*k)),
        _ => return (None, vec![UsccProblem::Length]),
    };
    if uscc_registration(authority, kind).is_none() {
        problems.push(UsccProblem::UnknownRegistration { authority, kind });
    }
    let region = s
        .get(2..8)
        .filter(|r| r.bytes().all(|c| c.is_ascii_digit()));
    let region: Option<u32> = region.and_then(|r| r.parse().ok());
    let region_ok = region.is_some_and(|r| {
        let gb = r / 10_000;
        gb == 10
            || u8::try_from(gb)
                .ok()
                .and_then(province_by_gb)
                .is_some_and(|p| p.mainland)
    });
    if !region_ok {
        problems.push(UsccProblem::Region);
    }
    if let (Some(body), Some(given)) = (s.get(8..16), b.get(16)) {
        if let Some(expected) = org_check_char(body) {
            if char::from(*given) != expected {
                problems.push(UsccProblem::OrgCode { expected });
            }
        }
    }
    if let (Some(expected), Some(given)) = (s.get(..17).and_then(check_char), b.get(17)) {
        if char::from(*given) != expected {
            problems.push(UsccProblem::Checksum { expected });
        }
    }
    let uscc = region.map(|region| Uscc {
        authority,
        kind,
        region,
    });
    (uscc, problems)
}

/// Whether `s` is a valid organization code, written `XXXXXXXX-X` or as 9 characters.
///
/// The bodies PDY00001–PDY99999 are reserved for internal use and rejected.
pub fn org_code_valid(s: &str) -> bool {
    let (body, check) = match (s.len(), s.as_bytes().get(8)) {
        (10, Some(b'-')) => (s.get(..8), s.get(9..)),
        (9, _) => (s.get(..8), s.get(8..)),
        _ => return false,
    };
    let (Some(body), Some(check)) = (body, check) else {
        return false;
    };
    let reserved = body
        .strip_prefix("PDY")
        .is_some_and(|n| n.bytes().all(|c| c.is_ascii_digit()));
    !reserved
        && org_check_char(body)
            .is_some_and(|expected| check.len() == 1 && check.starts_with(expected))
}

/// Whether `s` is a valid 15-digit business registration number (pre-USCC 工商注册号).
///
/// Positions 1–2 must be a mainland province (or 10, national level) and the
/// last digit the ISO 7064 MOD 11,10 check digit.
pub fn registration_number_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 15 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let gb = match b {
        [x, y, ..] => (x - b'0') * 10 + (y - b'0'),
        _ => return false,
    };
    let region_ok = gb == 10 || province_by_gb(gb).is_some_and(|p| p.mainland);
    let mut p: u32 = 10;
    for &d in b.get(..14).unwrap_or_default() {
        let mut s = (p + u32::from(d - b'0')) % 10;
        if s == 0 {
            s = 10;
        }
        p = (2 * s) % 11;
    }
    let expected = (11 - p) % 10;
    region_ok && b.get(14).is_some_and(|&c| u32::from(c - b'0') == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_of_the_standard() {
        assert_eq!(check_char("91350100M000100Y4"), Some('3'));
        assert_eq!(
            check("91350100M000100Y43"),
            (
                Some(Uscc {
                    authority: '9',
                    kind: '1',
                    region: 350100
                }),
                vec![]
            )
        );
        assert_eq!(org_check_char("D2143569"), Some('X'));
    }

    #[test]
    fn valid_codes() {
        for s in [
            "91110000600037341L",
            "91320621MA1MRHG205",
            "121200004013590816",
            "92340603MA2UK3DF0N",
        ] {
            let (u, p) = check(s);
            assert!(p.is_empty(), "{s}: {p:?}");
            assert!(u.is_some());
        }
    }

    #[test]
    fn problems() {
        assert_eq!(check("12345"), (None, vec![UsccProblem::Length]));
        assert_eq!(
            check("9111000060003IOZSV"),
            (None, vec![UsccProblem::Alphabet])
        );
        assert_eq!(
            check("91110000600037341l"),
            (None, vec![UsccProblem::Alphabet])
        );
        assert_eq!(
            check("91110000600037341N").1,
            vec![UsccProblem::Checksum { expected: 'L' }]
        );
        assert_eq!(
            check("A1110000600037341L").1,
            vec![UsccProblem::Checksum { expected: 'K' }]
        );
        assert_eq!(
            check("A1320621MA1MRHG217").1,
            vec![UsccProblem::OrgCode { expected: '0' }]
        );
        assert_eq!(
            check("B7320621MA1MRHG20G").1,
            vec![UsccProblem::UnknownRegistration {
                authority: 'B',
                kind: '7'
            }]
        );
        assert_eq!(
            check("L8320621MA1MRHG204").1,
            vec![UsccProblem::UnknownRegistration {
                authority: 'L',
                kind: '8'
            }]
        );
        // Region 99 is no province; region with letters is unreadable.
        let body = "91990000MA1MRHG20";
        let s = format!("{body}{}", check_char(body).unwrap());
        assert_eq!(check(&s).1, vec![UsccProblem::Region]);
        let body = "9199A000MA1MRHG20";
        let s = format!("{body}{}", check_char(body).unwrap());
        let (u, p) = check(&s);
        assert_eq!((u, p), (None, vec![UsccProblem::Region]));
        // Non-ASCII characters never panic.
        assert_eq!(
            check("９1110000600037341L"),
            (None, vec![UsccProblem::Alphabet])
        );
    }

    #[test]
    fn national_level_region() {
        let body = "11100000MA1MRHG20";
        let s = format!("{body}{}", check_char(body).unwrap());
        assert_eq!(check(&s).1, vec![]);
    }

    #[test]
    fn organization_codes() {
        for s in [
            "D2143569-X",
            "D2143569X",
            "60003734-1",
            "M000100Y-4",
            "MA1MRHG2-0",
        ] {
            assert!(org_code_valid(s), "{s}");
        }
        for s in [
            "MA1MRHG2-1",
            "D2143569-x",
            "D2143569_X",
            "D2143569",
            "d2143569-X",
            "",
            "D2143569-XX",
        ] {
            assert!(!org_code_valid(s), "{s}");
        }
        // Reserved PDY bodies are rejected even with a correct check character.
        let check = org_check_char("PDY00001").unwrap();
        assert!(!org_code_valid(&format!("PDY00001-{check}")));
        let check = org_check_char("PDYA0001").unwrap();
        assert!(org_code_valid(&format!("PDYA0001-{check}")));
    }

    #[test]
    fn registration_numbers() {
        assert!(registration_number_valid("110108000000016"));
        assert!(!registration_number_valid("110108000000017"));
        assert!(!registration_number_valid("191108000000014"));
        assert!(!registration_number_valid("11010800000001"));
        assert!(!registration_number_valid("11010800000001X"));
    }
}
