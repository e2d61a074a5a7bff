//! Unified Social Credit Code positions 1–2 (`rules/data/uscc_registration.csv`).

use super::tables::USCC_REGISTRATIONS;

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

/// The registration authority and entity type for USCC positions 1–2, if assigned.
pub fn uscc_registration(authority: char, kind: char) -> Option<&'static UsccRegistration> {
    let at = USCC_REGISTRATIONS
        .binary_search_by_key(&(authority, kind), |r| (r.authority, r.kind))
        .ok()?;
    USCC_REGISTRATIONS.get(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(USCC_REGISTRATIONS.len(), 36);
        assert_eq!(
            USCC_REGISTRATIONS.iter().filter(|r| r.in_standard).count(),
            12
        );
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
