//! Foreigner's permanent-residence ID card numbers (外国人永久居留身份证).
//!
//! - 2023 version (issued from 2023-12-01): 18 characters, `9` then 16 digits
//!   then an ISO 7064 MOD 11-2 check character, as on a resident ID. The
//!   internal field split is not published, so only the shape and the check
//!   character are verified.
//! - 2017 version: 15 characters, three Latin capital letters (nationality)
//!   then 12 digits, with no check character.

use super::resident_id::check_char;

/// What is wrong with a permanent-residence ID number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Neither `9` + 16 digits + check character, nor 3 letters + 12 digits.
    Format,
    /// A 2023-format number whose check character is wrong.
    Checksum {
        /// The check character the first 17 digits call for.
        expected: char,
    },
}

/// Checks a 2023 (18-character) or 2017 (15-character) permanent-residence ID number.
pub fn check(s: &str) -> Result<(), Problem> {
    let b = s.as_bytes();
    match b {
        [b'9', body @ .., last] if b.len() == 18 => {
            if !body.iter().all(u8::is_ascii_digit) || !(last.is_ascii_digit() || *last == b'X') {
                return Err(Problem::Format);
            }
            let expected = s.get(..17).and_then(check_char).ok_or(Problem::Format)?;
            if char::from(*last) == expected {
                Ok(())
            } else {
                Err(Problem::Checksum { expected })
            }
        }
        [a, b2, c, digits @ ..]
            if b.len() == 15
                && [a, b2, c].iter().all(|x| x.is_ascii_uppercase())
                && digits.iter().all(u8::is_ascii_digit) =>
        {
            Ok(())
        }
        _ => Err(Problem::Format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_check(body: &str) -> String {
        format!("{body}{}", check_char(body).unwrap())
    }

    #[test]
    fn format_2023() {
        let good = with_check("93605619900101001");
        assert_eq!(check(&good), Ok(()));
        let expected = good.chars().last().unwrap();
        let wrong = if expected == '0' { '1' } else { '0' };
        let bad = format!("{}{wrong}", &good[..17]);
        assert_eq!(check(&bad), Err(Problem::Checksum { expected }));
        // Citizen numbers start with 1–8.
        assert_eq!(
            check(&with_check("43605619900101001")),
            Err(Problem::Format)
        );
        assert_eq!(check("9360561990010100"), Err(Problem::Format));
        assert_eq!(check("93605619900101001x"), Err(Problem::Format));
        assert_eq!(check("9360561990A101001X"), Err(Problem::Format));
    }

    #[test]
    fn x_check_character() {
        // Find a body whose check character is X and make sure it is accepted.
        let body = (0..1000)
            .map(|n| format!("9360561990010{n:04}"))
            .find(|b| check_char(b) == Some('X'))
            .unwrap();
        assert_eq!(check(&format!("{body}X")), Ok(()));
    }

    #[test]
    fn format_2017() {
        assert_eq!(check("USA110090123456"), Ok(()));
        assert_eq!(check("usa110090123456"), Err(Problem::Format));
        assert_eq!(check("US1110090123456"), Err(Problem::Format));
        assert_eq!(check("USA11009012345"), Err(Problem::Format));
        assert_eq!(check(""), Err(Problem::Format));
        assert_eq!(check("中国人110090123"), Err(Problem::Format));
    }
}
