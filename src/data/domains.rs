//! Domain suffixes approved or refused for ICP filing (`rules/data/domain_suffixes.csv`).
//!
//! MIIT publishes no machine-readable list; this one is the best public copy
//! found (Tencent Cloud's table of 2020-07-24 plus a few documented additions
//! and refusals). Each row keeps its source and date.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{field, leak, rows};

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

struct Suffixes {
    list: Vec<DomainSuffix>,
    by_suffix: HashMap<&'static str, usize>,
}

static SUFFIXES: LazyLock<Suffixes> = LazyLock::new(|| {
    let list: Vec<DomainSuffix> = rows(include_str!("../../rules/data/domain_suffixes.csv"))
        .filter(|r| !field(r, 0).is_empty())
        .map(|r| DomainSuffix {
            suffix: leak(field(&r, 0)),
            approved: field(&r, 1) == "approved",
            source: leak(field(&r, 2)),
            note: leak(field(&r, 3)),
        })
        .collect();
    let by_suffix = list
        .iter()
        .enumerate()
        .map(|(i, s)| (s.suffix, i))
        .collect();
    Suffixes { list, by_suffix }
});

/// Every suffix of the table, approved and refused, in file order.
pub fn domain_suffixes() -> &'static [DomainSuffix] {
    &SUFFIXES.list
}

/// The table's entry for exactly this suffix (Unicode, lower case, no leading dot).
pub fn domain_suffix(suffix: &str) -> Option<&'static DomainSuffix> {
    let s = &*SUFFIXES;
    s.by_suffix.get(suffix).and_then(|&i| s.list.get(i))
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
