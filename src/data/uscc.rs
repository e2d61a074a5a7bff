//! Unified Social Credit Code positions 1–2 (`rules/data/uscc_registration.csv`).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{field, leak, rows};

/// A registration authority and entity type pair (USCC positions 1 and 2).
#[derive(Debug, PartialEq, Eq)]
pub struct UsccRegistration {
    /// Position 1, the registration authority code: `9`.
    pub authority: char,
    /// Position 2, the entity type code: `1`.
    pub kind: char,
    /// Registration authority: 工商.
    pub authority_name: &'static str,
    /// Entity type: 企业.
    pub type_name: &'static str,
    /// Defined in GB 32100-2015 itself (false: a later assignment from a secondary source).
    pub in_standard: bool,
}

static REGISTRATIONS: LazyLock<HashMap<(char, char), UsccRegistration>> = LazyLock::new(|| {
    rows(include_str!("../../rules/data/uscc_registration.csv"))
        .filter_map(|r| {
            let single = |s: &str| {
                let mut chars = s.chars();
                chars.next().filter(|_| chars.next().is_none())
            };
            let authority = single(field(&r, 0))?;
            let kind = single(field(&r, 2))?;
            Some((
                (authority, kind),
                UsccRegistration {
                    authority,
                    kind,
                    authority_name: leak(field(&r, 1)),
                    type_name: leak(field(&r, 3)),
                    in_standard: field(&r, 4) == "1",
                },
            ))
        })
        .collect()
});

/// The registration authority and entity type for USCC positions 1–2, if assigned.
pub fn uscc_registration(authority: char, kind: char) -> Option<&'static UsccRegistration> {
    REGISTRATIONS.get(&(authority, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(REGISTRATIONS.len(), 36);
        assert_eq!(REGISTRATIONS.values().filter(|r| r.in_standard).count(), 12);
        let ent = uscc_registration('9', '1').unwrap();
        assert_eq!(
            (ent.authority_name, ent.type_name, ent.in_standard),
            ("工商", "企业", true)
        );
        let mil = uscc_registration('A', '1').unwrap();
        assert!(!mil.in_standard);
        assert!(uscc_registration('N', '3').is_some());
        assert!(uscc_registration('Y', '1').is_some());
        assert!(uscc_registration('9', '4').is_none());
        assert!(uscc_registration('B', '7').is_none());
        assert!(uscc_registration('L', '8').is_none());
    }
}
