//! Office (landline) and mobile phone numbers.
//!
//! Filing systems want an office phone written exactly
//! `086-<area code with its 0>-<local number>`, e.g. `086-0755-86013388`.
//! The local-number length depends on the area code (8 digits for the large
//! cities, 7 elsewhere, either for a few); the table is
//! [`crate::data::area_code`]. Mobile numbers are 11 digits starting with 1,
//! written without `+86`; the assigned blocks are
//! [`crate::data::mobile_block_known`].
//!
//! Input is expected to be cleaned already ([`super::chars::clean`]), except
//! for [`suggest_office`] and [`is_mobile_shaped`], which accept the usual
//! ways of writing a number.

use crate::data::{area_code, mobile_block_known};

use super::chars::clean;

/// A well-formed office phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landline {
    /// The area code with its leading 0: `0755`.
    pub area_code: String,
    /// The local number: `86013388`.
    pub local: String,
}

impl Landline {
    /// Whether the local number starts with 2–8, as subscriber numbers do.
    ///
    /// Service numbers after an area code (10xxx, 95xxx, 96xxx) start with 1
    /// or 9; a rule may warn about those in a contact field.
    pub fn usual_first_digit(&self) -> bool {
        matches!(self.local.as_bytes().first(), Some(b'2'..=b'8'))
    }
}

/// What is wrong with an office phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficePhoneProblem {
    /// Not written `086-<area code>-<local number>` with digits only.
    Format,
    /// An 11-digit mobile number was given instead of a landline.
    Mobile,
    /// The area code is not assigned.
    UnknownAreaCode {
        /// The area code as written, with its 0.
        code: String,
    },
    /// The local number is too short or too long for its area code.
    LocalLength {
        /// The area code, with its 0.
        area_code: String,
        /// Allowed length, (min, max).
        expected: (u8, u8),
    },
    /// The local number starts with 0, or (after 0807) with anything but 8.
    ///
    /// A first digit of 1 or 9 is only unusual: see [`Landline::usual_first_digit`].
    LocalFirstDigit,
}

/// What is wrong with a mobile number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MobileProblem {
    /// Not 11 digits starting with 13 to 19 (a `+86` prefix is not allowed either).
    Format,
    /// A well-formed number in a block that is not assigned to mobile service.
    UnknownBlock,
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks an office phone written `086-<area code>-<local number>`.
pub fn office_phone(s: &str) -> Result<Landline, OfficePhoneProblem> {
    if is_mobile_shaped(s) {
        return Err(OfficePhoneProblem::Mobile);
    }
    let mut parts = s.split('-');
    let (Some("086"), Some(code), Some(local), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(OfficePhoneProblem::Format);
    };
    if !all_digits(code)
        || !code.starts_with('0')
        || !(3..=4).contains(&code.len())
        || !all_digits(local)
    {
        return Err(OfficePhoneProblem::Format);
    }
    let Some(area) = area_code(code) else {
        return Err(OfficePhoneProblem::UnknownAreaCode {
            code: code.to_owned(),
        });
    };
    let (min, max) = area.local_digits;
    if !(usize::from(min)..=usize::from(max)).contains(&local.len()) {
        return Err(OfficePhoneProblem::LocalLength {
            area_code: code.to_owned(),
            expected: area.local_digits,
        });
    }
    let first_ok = match area.local_prefix {
        Some(prefix) => local.starts_with(prefix),
        None => !local.starts_with('0'),
    };
    if !first_ok {
        return Err(OfficePhoneProblem::LocalFirstDigit);
    }
    Ok(Landline {
        area_code: code.to_owned(),
        local: local.to_owned(),
    })
}

/// Strips the country code from a run of digits (after `+`, `0086`, `086`
/// or `86`) and returns the national number with its trunk 0.
fn national_number(digits: &str, had_plus: bool) -> Option<String> {
    let rest = if had_plus {
        digits.strip_prefix("86")?
    } else if let Some(rest) = digits.strip_prefix("0086") {
        rest
    } else if let Some(rest) = digits.strip_prefix("086") {
        // No area code starts with 086, so this is always the country code.
        rest
    } else if let Some(rest) = digits.strip_prefix("86") {
        rest
    } else {
        digits
    };
    Some(if rest.starts_with('0') {
        rest.to_owned()
    } else {
        format!("0{rest}")
    })
}

/// The office-phone form `086-0755-86013388` of a landline written another usual way, if valid.
///
/// Accepts `0755-86013388`, `(0755)86013388`, `0755 8601 3388`, `+86 755
/// 86013388`, `0086-755-86013388` and full-width digits. A number already in
/// office form gives itself back.
pub fn suggest_office(s: &str) -> Option<String> {
    let cleaned = clean(s).value;
    let mut digits = String::with_capacity(cleaned.len());
    let mut had_plus = false;
    for (i, c) in cleaned.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => had_plus = true,
            '-' | '(' | ')' | '.' | '/' | '\u{2010}'..='\u{2015}' => {}
            _ => return None,
        }
    }
    let national = national_number(&digits, had_plus)?;
    // 3-character codes (010, 02x) never share a prefix with a 4-character one.
    let split = if national.get(..3).and_then(area_code).is_some() {
        3
    } else {
        4
    };
    let (code, local) = (national.get(..split)?, national.get(split..)?);
    let candidate = format!("086-{code}-{local}");
    office_phone(&candidate).ok().map(|_| candidate)
}

/// Checks a mobile number: 11 digits starting with 13 to 19, in an assigned block.
///
/// Every mobile block lies in 130–199; a number starting 10, 11 or 12 cannot
/// be a mobile at all (a format problem), while an unassigned block of
/// 13x–19x may just be newer than the table (a segment problem).
pub fn mobile(s: &str) -> Result<(), MobileProblem> {
    if s.len() != 11 || !s.starts_with('1') || !all_digits(s) {
        return Err(MobileProblem::Format);
    }
    if !matches!(s.as_bytes().get(1), Some(b'3'..=b'9')) {
        return Err(MobileProblem::Format);
    }
    if mobile_block_known(s) {
        Ok(())
    } else {
        Err(MobileProblem::UnknownBlock)
    }
}

/// Whether `s` looks like a mobile number, in whatever common notation.
///
/// 11 digits starting with 1, possibly after `+86`, `0086`, `086` or `86`,
/// with spaces or hyphens between groups.
pub fn is_mobile_shaped(s: &str) -> bool {
    let compact: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let body = compact.strip_prefix('+').unwrap_or(&compact);
    if !all_digits(body) {
        return false;
    }
    let is_mobile = |d: &str| d.len() == 11 && d.starts_with('1');
    is_mobile(body)
        || ["0086", "086", "86"]
            .iter()
            .any(|p| body.strip_prefix(p).is_some_and(is_mobile))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn landline(code: &str, local: &str) -> Result<Landline, OfficePhoneProblem> {
        Ok(Landline {
            area_code: code.into(),
            local: local.into(),
        })
    }

    #[test]
    fn office_phone_valid() {
        assert_eq!(
            office_phone("086-0755-86013388"),
            landline("0755", "86013388")
        );
        assert_eq!(office_phone("086-010-12345678").unwrap().area_code, "010");
        assert!(office_phone("086-0351-2345678").is_ok());
        assert!(office_phone("086-0433-2345678").is_ok());
        assert!(office_phone("086-0433-23456789").is_ok());
        assert!(office_phone("086-0807-81234567").is_ok());
    }

    #[test]
    fn unusual_first_digits_are_only_flagged() {
        let usual = |s: &str| office_phone(s).map(|l| l.usual_first_digit());
        assert_eq!(usual("086-0755-86013388"), Ok(true));
        assert_eq!(usual("086-0351-2345678"), Ok(true));
        // libphonenumber's own example number for Beijing.
        assert_eq!(usual("086-010-12345678"), Ok(false));
        assert_eq!(usual("086-0755-96013388"), Ok(false));
    }

    #[test]
    fn office_phone_problems() {
        use OfficePhoneProblem::*;
        for s in [
            "0755-86013388",
            "086-0755-8601-3388",
            "086 0755 86013388",
            "086-755-86013388",
            "",
            "086--",
            "086-0755-8601338８",
        ] {
            assert_eq!(office_phone(s), Err(Format), "{s}");
        }
        assert_eq!(office_phone("13800138000"), Err(Mobile));
        assert_eq!(office_phone("086-13800138000"), Err(Mobile));
        assert_eq!(office_phone("+86 138 0013 8000"), Err(Mobile));
        assert_eq!(
            office_phone("086-026-12345678"),
            Err(UnknownAreaCode { code: "026".into() })
        );
        assert_eq!(
            office_phone("086-0755-2345678"),
            Err(LocalLength {
                area_code: "0755".into(),
                expected: (8, 8)
            })
        );
        assert_eq!(
            office_phone("086-0351-23456789"),
            Err(LocalLength {
                area_code: "0351".into(),
                expected: (7, 7)
            })
        );
        assert_eq!(office_phone("086-0755-06013388"), Err(LocalFirstDigit));
        assert_eq!(office_phone("086-0807-71234567"), Err(LocalFirstDigit));
    }

    #[test]
    fn suggestions() {
        let want = Some("086-0755-86013388".to_owned());
        for s in [
            "0755-86013388",
            "(0755)86013388",
            "（0755）86013388",
            "0755 8601 3388",
            "+86 755 86013388",
            "+86-755-86013388",
            "0086-755-86013388",
            "0086 0755 86013388",
            "86-755-86013388",
            "086-0755-86013388",
            "０７５５－８６０１３３８８",
            "075586013388",
        ] {
            assert_eq!(suggest_office(s), want, "{s}");
        }
        assert_eq!(
            suggest_office("010-12345678").as_deref(),
            Some("086-010-12345678")
        );
        assert_eq!(
            suggest_office("+86 10 1234 5678").as_deref(),
            Some("086-010-12345678")
        );
        // Not valid afterwards, or not a number at all.
        for s in [
            "0755-2345678",
            "13800138000",
            "0755-86013388转801",
            "hello",
            "",
            "+",
            "026-12345678",
            "8+6",
        ] {
            assert_eq!(suggest_office(s), None, "{s}");
        }
    }

    #[test]
    fn mobiles() {
        assert_eq!(mobile("13800138000"), Ok(()));
        assert_eq!(mobile("17400123456"), Ok(()));
        assert_eq!(mobile("14012345678"), Err(MobileProblem::UnknownBlock));
        assert_eq!(mobile("16112345678"), Err(MobileProblem::UnknownBlock));
        for s in [
            "1380013800",
            "138001380001",
            "+8613800138000",
            "23800138000",
            "138-0013-8000",
            "１3800138000",
            "",
            // No mobile block starts 10, 11 or 12.
            "12345678901",
            "10086100861",
            "11012345678",
        ] {
            assert_eq!(mobile(s), Err(MobileProblem::Format), "{s}");
        }
    }

    #[test]
    fn mobile_shapes() {
        for s in [
            "13800138000",
            "+86 138 0013 8000",
            "+8613800138000",
            "0086-13800138000",
            "086-13800138000",
            "8613800138000",
            "138-0013-8000",
        ] {
            assert!(is_mobile_shaped(s), "{s}");
        }
        for s in [
            "086-0755-86013388",
            "0755-86013388",
            "1380013800",
            "23800138000",
            "",
            "+",
            "+86",
        ] {
            assert!(!is_mobile_shaped(s), "{s}");
        }
    }
}
