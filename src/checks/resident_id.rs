//! Resident identity numbers (公民身份号码, GB 11643-1999) and the residence
//! permits for Hong Kong, Macau and Taiwan residents that share their layout.
//!
//! Layout: 6-digit address code, 8-digit birth date, 3-digit sequence, and an
//! ISO 7064 MOD 11-2 check character (`0`–`9` or `X`). The check is lenient
//! about the address code: any code that ever existed, or one of the legacy
//! patterns, or any code under a known prefecture, is accepted, because a
//! number keeps its original code for life and the historic lists are
//! incomplete. How good the evidence is ([`crate::data::address_code_known`])
//! and whether the code was in use in the birth year
//! ([`crate::data::address_code_in_use`]) are separate, stricter questions a
//! rule can ask for a warning.
//!
//! Input is expected to be cleaned already ([`super::chars::clean`]).

use jiff::civil::Date;

use crate::data::{AddressCodeStatus, address_code_known};

/// Which document the number is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// A citizen's resident identity card: the region must be a known mainland address code.
    Citizen,
    /// 港澳台居民居住证: the region must be 810000, 820000 or 830000.
    HmtResidencePermit,
}

/// One thing wrong with an ID number. A number can have several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// Not 18 characters (and not a valid first-generation 15-digit number).
    Length,
    /// A valid-looking 15-digit first-generation number; the 18-digit one is needed.
    Legacy15,
    /// The first 17 characters are not all digits, or the last is not a digit or X.
    Characters,
    /// The check character is wrong.
    Checksum {
        /// The check character the first 17 digits call for.
        expected: char,
    },
    /// The birth date is not a real date, or is before 1900.
    BirthDate,
    /// The birth date is after the as-of date.
    FutureBirth {
        /// The birth date the number gives.
        birth: Date,
    },
    /// The address code is not one this kind of document uses.
    UnknownRegion {
        /// The six-digit address code.
        code: u32,
    },
}

/// What a well-formed number says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResidentId {
    /// Six-digit address code: 440305.
    pub region: u32,
    /// GB/T 2260 province code, the first two digits: 44.
    pub province_gb: u8,
    /// Date of birth.
    pub birth: Date,
    /// The check character was written as a lower-case `x`.
    pub lowercase_x: bool,
}

/// Weights of positions 1–17 for MOD 11-2: 2^(18−i) mod 11.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each value of (Σ digit·weight) mod 11.
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The ISO 7064 MOD 11-2 check character for 17 ASCII digits, or `None` if `body` is not that.
pub fn check_char(body: &str) -> Option<char> {
    if body.len() != 17 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK_CHARS.get((sum % 11) as usize).copied()
}

/// Parses `YYYYMMDD` (8 ASCII digits) into a real date, if it is one.
fn parse_date(digits: &str) -> Option<Date> {
    let num = |r: std::ops::Range<usize>| digits.get(r)?.parse::<i16>().ok();
    let (year, month, day) = (num(0..4)?, num(4..6)?, num(6..8)?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Region and birth-date problems shared by 18- and 15-digit numbers.
fn region_and_birth(
    region: u32,
    date_digits: &str,
    today: Date,
    kind: IdKind,
    problems: &mut Vec<IdProblem>,
) -> Option<Date> {
    let region_ok = match kind {
        IdKind::HmtResidencePermit => matches!(region, 810_000 | 820_000 | 830_000),
        IdKind::Citizen => {
            // 71 (Taiwan in GB/T 2260), 81/82/83 (permits) and 9 (foreigners)
            // are never on a citizen's card.
            let province = region / 10_000;
            !matches!(province, 71 | 81..=83 | 90..)
                && address_code_known(region) != AddressCodeStatus::Unknown
        }
    };
    if !region_ok {
        problems.push(IdProblem::UnknownRegion { code: region });
    }
    match parse_date(date_digits) {
        Some(birth) if birth.year() >= 1900 => {
            if birth > today {
                problems.push(IdProblem::FutureBirth { birth });
            }
            Some(birth)
        }
        _ => {
            problems.push(IdProblem::BirthDate);
            None
        }
    }
}

/// Checks an 18-character ID number of `kind` as of `today`; valid when no problems are returned.
///
/// The [`ResidentId`] is returned whenever the number is readable (18
/// characters of the right kinds and a real birth date), even if it has
/// problems, so a caller can still name the province or compute an age.
pub fn check(s: &str, today: Date, kind: IdKind) -> (Option<ResidentId>, Vec<IdProblem>) {
    let mut problems = Vec::new();
    let bytes = s.as_bytes();
    if bytes.len() == 15 && bytes.iter().all(u8::is_ascii_digit) && kind == IdKind::Citizen {
        let valid = s
            .get(..6)
            .and_then(|r| r.parse::<u32>().ok())
            .is_some_and(|region| {
                let mut inner = Vec::new();
                let date = format!("19{}", s.get(6..12).unwrap_or(""));
                region_and_birth(region, &date, today, kind, &mut inner);
                inner.is_empty()
            });
        problems.push(if valid {
            IdProblem::Legacy15
        } else {
            IdProblem::Length
        });
        return (None, problems);
    }
    if s.chars().count() != 18 {
        return (None, vec![IdProblem::Length]);
    }
    let (Some(body), Some(last)) = (s.get(..17), s.get(17..)) else {
        // 18 characters but not all ASCII: a multi-byte character somewhere.
        return (None, vec![IdProblem::Characters]);
    };
    let last_ok = matches!(last.as_bytes(), [b'0'..=b'9' | b'X' | b'x']);
    if !body.bytes().all(|b| b.is_ascii_digit()) || !last_ok {
        return (None, vec![IdProblem::Characters]);
    }
    let region: u32 = body.get(..6).and_then(|r| r.parse().ok()).unwrap_or(0);
    let birth = region_and_birth(
        region,
        body.get(6..14).unwrap_or(""),
        today,
        kind,
        &mut problems,
    );
    let expected = check_char(body).unwrap_or('?');
    let given = last.chars().next().map(|c| c.to_ascii_uppercase());
    if given != Some(expected) {
        problems.push(IdProblem::Checksum { expected });
    }
    let id = birth.map(|birth| ResidentId {
        region,
        province_gb: u8::try_from(region / 10_000).unwrap_or(0),
        birth,
        lowercase_x: last == "x",
    });
    (id, problems)
}

/// The 18-digit number for a 15-digit first-generation one; `None` unless `s` is 15 ASCII digits.
///
/// `19` is inserted before the YYMMDD birth date and the check character is
/// appended. The 15-digit number itself is not validated.
pub fn upgrade15(s: &str) -> Option<String> {
    if s.len() != 15 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let body = format!("{}19{}", s.get(..6)?, s.get(6..)?);
    let check = check_char(&body)?;
    Some(format!("{body}{check}"))
}

/// Age in completed years on `today` (a 29 February birthday counts from 1 March).
pub fn age_on(birth: Date, today: Date) -> i32 {
    let years = i32::from(today.year()) - i32::from(birth.year());
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years - 1
    } else {
        years
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 28);

    fn problems(s: &str) -> Vec<IdProblem> {
        check(s, TODAY, IdKind::Citizen).1
    }

    #[test]
    fn check_char_examples() {
        assert_eq!(check_char("36042619910101007"), Some('1'));
        assert_eq!(check_char("44011320141005001"), Some('X'));
        assert_eq!(check_char("11010119900307867"), Some('0'));
        assert_eq!(check_char("1101011990030786"), None);
        assert_eq!(check_char("1101011990030786A"), None);
    }

    #[test]
    fn valid_number() {
        let (id, p) = check("440308199901101512", TODAY, IdKind::Citizen);
        assert!(p.is_empty(), "{p:?}");
        let id = id.unwrap();
        assert_eq!((id.region, id.province_gb), (440308, 44));
        assert_eq!(id.birth, date(1999, 1, 10));
        assert!(!id.lowercase_x);
    }

    #[test]
    fn lower_case_x_is_accepted_and_flagged() {
        let (id, p) = check("44011320141005001x", TODAY, IdKind::Citizen);
        assert!(p.is_empty(), "{p:?}");
        assert!(id.unwrap().lowercase_x);
        let (id, _) = check("44011320141005001X", TODAY, IdKind::Citizen);
        assert!(!id.unwrap().lowercase_x);
    }

    #[test]
    fn impossible_dates() {
        // 1999-02-30 with a correct check character.
        assert_eq!(problems("440308199902301516"), vec![IdProblem::BirthDate]);
        // Month 13 (check character correct).
        assert_eq!(problems("360426199113010079"), vec![IdProblem::BirthDate]);
        // Month 13 and a wrong check character: both reported.
        let p = problems("360426199113010070");
        assert!(p.contains(&IdProblem::BirthDate), "{p:?}");
        assert!(p.contains(&IdProblem::Checksum { expected: '9' }), "{p:?}");
        let (id, _) = check("360426199113010070", TODAY, IdKind::Citizen);
        assert!(id.is_none());
        // Before 1900.
        let body = "44030818991231151";
        let s = format!("{body}{}", check_char(body).unwrap());
        let (id, p) = check(&s, TODAY, IdKind::Citizen);
        assert_eq!(p, vec![IdProblem::BirthDate]);
        assert!(id.is_none());
    }

    #[test]
    fn future_birth() {
        let body = "44030820270101151";
        let s = format!("{body}{}", check_char(body).unwrap());
        let (id, p) = check(&s, TODAY, IdKind::Citizen);
        assert_eq!(
            p,
            vec![IdProblem::FutureBirth {
                birth: date(2027, 1, 1)
            }]
        );
        assert_eq!(id.unwrap().birth, date(2027, 1, 1));
        // Born today is fine.
        let body = "44030820261128151";
        let s = format!("{body}{}", check_char(body).unwrap());
        assert!(problems(&s).is_empty());
    }

    #[test]
    fn every_problem_is_reported() {
        // Unknown region 111111, bad date, and a wrong check character.
        let p = problems("111111199902301510");
        assert!(
            p.contains(&IdProblem::UnknownRegion { code: 111111 }),
            "{p:?}"
        );
        assert!(p.contains(&IdProblem::BirthDate), "{p:?}");
        assert!(
            p.iter().any(|x| matches!(x, IdProblem::Checksum { .. })),
            "{p:?}"
        );
    }

    #[test]
    fn checksum_expected_char() {
        assert_eq!(
            problems("36042619910102009X"),
            vec![IdProblem::Checksum { expected: '3' }]
        );
    }

    #[test]
    fn legacy_region_codes_are_accepted() {
        for s in [
            "44040119580101000X",
            "140120197901010008",
            "441282198101011230",
        ] {
            assert!(problems(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn hmt_residence_permits() {
        for s in ["810000199408230021", "830000199201300022"] {
            let (id, p) = check(s, TODAY, IdKind::HmtResidencePermit);
            assert!(p.is_empty(), "{s}: {p:?}");
            assert_eq!(id.unwrap().region, s[..6].parse::<u32>().unwrap());
            // Not a citizen's number.
            let p = problems(s);
            assert_eq!(
                p,
                vec![IdProblem::UnknownRegion {
                    code: s[..6].parse().unwrap()
                }]
            );
        }
        // A citizen's number is not a permit.
        let (_, p) = check("440308199901101512", TODAY, IdKind::HmtResidencePermit);
        assert_eq!(p, vec![IdProblem::UnknownRegion { code: 440308 }]);
        // 710000 is never used on cards.
        let body = "71000019900101002";
        let s = format!("{body}{}", check_char(body).unwrap());
        assert_eq!(
            problems(&s),
            vec![IdProblem::UnknownRegion { code: 710000 }]
        );
    }

    #[test]
    fn shape_problems() {
        assert_eq!(problems("44030819990110"), vec![IdProblem::Length]);
        assert_eq!(problems(""), vec![IdProblem::Length]);
        assert_eq!(problems("4403081999011015123"), vec![IdProblem::Length]);
        assert_eq!(problems("T60426199101010078"), vec![IdProblem::Characters]);
        assert_eq!(problems("44030819990110151Y"), vec![IdProblem::Characters]);
        // Full-width digits must be cleaned first.
        assert_eq!(problems("４40308199901101512"), vec![IdProblem::Characters]);
        assert_eq!(problems("44030819990110151１"), vec![IdProblem::Characters]);
    }

    #[test]
    fn fifteen_digit_numbers() {
        assert_eq!(problems("610104620927690"), vec![IdProblem::Legacy15]);
        assert_eq!(problems("610104620932690"), vec![IdProblem::Length]);
        assert_eq!(problems("954321700422319"), vec![IdProblem::Length]);
        let (_, p) = check("610104620927690", TODAY, IdKind::HmtResidencePermit);
        assert_eq!(p, vec![IdProblem::Length]);
        assert_eq!(
            upgrade15("610104620927690").as_deref(),
            Some("610104196209276908")
        );
        assert_eq!(
            upgrade15("411702700422319").as_deref(),
            Some("41170219700422319X")
        );
        assert_eq!(upgrade15("61010462092769"), None);
        assert_eq!(upgrade15("61010462092769X"), None);
    }

    #[test]
    fn ages() {
        let birth = date(2008, 11, 28);
        assert_eq!(age_on(birth, date(2026, 11, 27)), 17);
        assert_eq!(age_on(birth, date(2026, 11, 28)), 18);
        let leap = date(2008, 2, 29);
        assert_eq!(age_on(leap, date(2026, 2, 28)), 17);
        assert_eq!(age_on(leap, date(2026, 3, 1)), 18);
        assert_eq!(age_on(date(2030, 1, 1), TODAY), -4);
    }
}
