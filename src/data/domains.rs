//! Domain suffixes approved or refused for ICP filing (`rules/data/domain_suffixes.csv`).
//!
//! MIIT publishes no machine-readable list; this one is the best public copy
//! found (Tencent Cloud's table of 2020-07-24 plus a few documented additions
//! and refusals). Each row keeps its source and date.

use super::tables::{DOMAIN_SUFFIX_INDEX, DOMAIN_SUFFIXES};

/// A domain suffix and whether domains under it can be filed.
#[derive(Debug, PartialEq, Eq)]
pub struct DomainSuffix {
    /// In Unicode, without a leading dot: `com`, `com.cn`, `中国`, `政务.cn`.
    pub suffix: &'static str,
    /// True if approved for filing, false if filings under it are refused.
    pub approved: bool,
    /// Source key and date: `TC-TLD 2020-07-24`.
    pub source: &'static str,
    /// Caveats, e.g. regional refusals (may be empty).
    pub note: &'static str,
}

/// Every suffix of the table, approved and refused, in file order.
pub fn domain_suffixes() -> &'static [DomainSuffix] {
    DOMAIN_SUFFIXES
}

/// The table's entry for exactly this suffix (Unicode, lower case, no leading dot).
pub fn domain_suffix(suffix: &str) -> Option<&'static DomainSuffix> {
    let at = DOMAIN_SUFFIX_INDEX
        .binary_search_by(|&(s, _)| s.cmp(suffix))
        .ok()?;
    let &(_, index) = DOMAIN_SUFFIX_INDEX.get(at)?;
    DOMAIN_SUFFIXES.get(usize::from(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let all = domain_suffixes();
        assert_eq!(all.len(), 177);
        assert_eq!(all.iter().filter(|s| !s.approved).count(), 8);
        for s in [
            "cn",
            "com.cn",
            "政务.cn",
            "gs.cn",
            "中国",
            "com",
            "top",
            "cc",
            "tv",
        ] {
            assert!(domain_suffix(s).is_some_and(|d| d.approved), "{s}");
        }
        for s in ["org", "io", "me", "jp", "hk", "tw", "win", "dev"] {
            assert!(domain_suffix(s).is_some_and(|d| !d.approved), "{s}");
        }
        assert_eq!(domain_suffix("com").unwrap().source, "TC-TLD 2020-07-24");
        assert!(domain_suffix("xn--fiqs8s").is_none());
        assert!(domain_suffix("app").is_none());
        assert!(
            all.iter()
                .all(|s| !s.suffix.starts_with('.') && !s.source.is_empty())
        );
    }
}
