//! How a registrar's name is compared: shared with the build script, so that
//! the aliases it checks and the run-time lookup agree.

/// The comparison form of a registrar's name: lower case, letters, digits
/// and CJK characters only (`GoDaddy.com, LLC` → `godaddycomllc`, `阿里云
/// (万网)` → `阿里云万网`).
pub fn registrar_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
