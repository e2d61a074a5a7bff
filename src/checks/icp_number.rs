//! ICP filing numbers of websites: `<abbr>ICP备<serial>号`, optionally `-<n>`
//! for the n-th website of the same filer (`蜀ICP备2026007879号-1`).
//!
//! Whether the abbreviation belongs to the filer's province is judged by the
//! prefixes bureaus actually issue ([`crate::data::Province::icp_prefixes`]),
//! not by every official abbreviation: Yunnan numbers read 滇ICP备 and Shaanxi
//! numbers 陕ICP备, although 云 and 秦 are abbreviations of those provinces too.

use std::sync::LazyLock;

use regex::Regex;

use crate::data::Province;

/// The parts of a website filing number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcpNumber {
    /// The province abbreviation before `ICP备`: `蜀`.
    pub abbr: String,
    /// The serial, digits only: `2026007879` (8 digits in older numbers, 10 in newer).
    pub serial: String,
    /// The website number after `号-`, if any: `1`.
    pub site: Option<u32>,
}

static PATTERN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(\p{Han})ICP备([0-9]{1,16})号(?:-([1-9][0-9]{0,8}))?$").ok());

/// Reads a website filing number; `None` if it is not one (app numbers such as `-2A` included).
pub fn parse(s: &str) -> Option<IcpNumber> {
    let caps = PATTERN.as_ref()?.captures(s)?;
    let site = match caps.get(3) {
        Some(m) => Some(m.as_str().parse().ok()?),
        None => None,
    };
    Some(IcpNumber {
        abbr: caps.get(1)?.as_str().to_owned(),
        serial: caps.get(2)?.as_str().to_owned(),
        site,
    })
}

/// Whether a number's abbreviation is one the province's bureau issues.
pub fn prefix_fits(number: &IcpNumber, province: &Province) -> bool {
    province.icp_prefixes.iter().any(|p| *p == number.abbr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_the_issued_ones_not_every_abbreviation() {
        let fits = |number: &str, code: &str| {
            let province = crate::data::province(code).unwrap();
            prefix_fits(&parse(number).unwrap(), province)
        };
        for (number, code) in [
            ("滇ICP备12345678号", "yn"),
            ("陕ICP备12345678号", "sn"),
            ("黔ICP备12345678号", "gz"),
            ("贵ICP备12345678号", "gz"),
            ("川ICP备12345678号", "sc"),
            ("蜀ICP备12345678号", "sc"),
            ("甘ICP备12345678号", "gs"),
            ("陇ICP备12345678号", "gs"),
            ("粤ICP备12345678号-1", "gd"),
        ] {
            assert!(fits(number, code), "{number} in {code}");
        }
        // Official abbreviations that never appear in filing numbers.
        assert!(!fits("云ICP备12345678号", "yn"));
        assert!(!fits("秦ICP备12345678号", "sn"));
        assert!(!fits("京ICP备12345678号", "gd"));
    }

    #[test]
    fn website_numbers() {
        assert_eq!(
            parse("蜀ICP备2026007879号-1"),
            Some(IcpNumber {
                abbr: "蜀".into(),
                serial: "2026007879".into(),
                site: Some(1)
            })
        );
        assert_eq!(
            parse("粤ICP备08130115号"),
            Some(IcpNumber {
                abbr: "粤".into(),
                serial: "08130115".into(),
                site: None
            })
        );
        assert_eq!(parse("京ICP备11018762号-12").and_then(|n| n.site), Some(12));
    }

    #[test]
    fn not_website_numbers() {
        for s in [
            "",
            "ICP备12345678号",
            "粤ICP备号",
            "粤ICP备12345678",
            "粤icp备12345678号",
            "粤ICP证150476号",
            "粤B2-20090059",
            "粤ICP备12345678号-",
            "粤ICP备12345678号-0",
            "粤ICP备12345678号-2A",
            "粤ICP备12345678号-1 ",
            "粤粤ICP备12345678号",
            "AICP备12345678号",
            "粤ICP备１2345678号",
            "粤ICP备12345678号-99999999999",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }
}
