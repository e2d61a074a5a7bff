//! Domain registrars and where they are based (`rules/data/registrars.csv`):
//! enough to tell a registrar in mainland China from a foreign one by the
//! name a filing gives. A name the table does not know is unknown, never
//! guessed.

use super::registrar_key::registrar_key;
use super::tables::{REGISTRAR_ALIASES, REGISTRARS};

/// A registrar of the table.
#[derive(Debug, PartialEq, Eq)]
pub struct Registrar {
    /// Its usual name: `阿里云（万网）`, `GoDaddy`.
    pub name: &'static str,
    /// Where it is based: `cn` for mainland China, else the ISO 3166 code.
    pub country: &'static str,
    /// Whether it is based outside mainland China.
    pub foreign: bool,
}

/// Every registrar of the table, in file order.
pub fn registrars() -> &'static [Registrar] {
    REGISTRARS
}

/// The registrar a written name stands for: the row of the longest alias
/// the name contains (compared by [`registrar_key`]). `None` when no alias
/// is in it, or when aliases of a registrar in China and of a foreign one
/// both are (`transferred from GoDaddy to 阿里云`): such a name decides
/// nothing.
pub fn registrar(written: &str) -> Option<&'static Registrar> {
    let key = registrar_key(written);
    if key.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &'static Registrar)> = None;
    let (mut cn, mut foreign) = (false, false);
    for &(alias, index) in REGISTRAR_ALIASES {
        if !key.contains(alias) {
            continue;
        }
        let Some(r) = REGISTRARS.get(usize::from(index)) else {
            continue;
        };
        if r.foreign {
            foreign = true;
        } else {
            cn = true;
        }
        if best.is_none_or(|(len, _)| alias.len() > len) {
            best = Some((alias.len(), r));
        }
    }
    if cn && foreign {
        return None;
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let all = registrars();
        assert_eq!(all.len(), 37);
        assert!(all.iter().all(|r| r.foreign == (r.country != "cn")));
    }

    #[test]
    fn names_in_their_spellings() {
        let country = |s: &str| registrar(s).map(|r| r.country);
        for cn in [
            "阿里云",
            "阿里云计算有限公司",
            "Alibaba Cloud Computing (Beijing) Co., Ltd.",
            "HiChina",
            "万网",
            "腾讯云",
            "DNSPod, Inc.",
            "华为云计算技术有限公司",
            "西部数码",
            "west.cn",
            "新网",
            "Xin Net Technology Corporation",
            "易名中国",
            "爱名网",
            "22.cn",
            "百度智能云",
            "京东云",
            "美橙互联",
            "35互联",
        ] {
            assert_eq!(country(cn), Some("cn"), "{cn}");
        }
        for (name, code) in [
            ("GoDaddy.com, LLC", "us"),
            ("godaddy", "us"),
            ("NameCheap, Inc.", "us"),
            ("Name.com", "us"),
            ("Cloudflare, Inc.", "us"),
            ("Porkbun LLC", "us"),
            ("DYNADOT LLC", "us"),
            ("Gandi SAS", "fr"),
            ("Google Domains", "us"),
            ("Squarespace Domains II LLC", "us"),
            ("Tucows Domains Inc.", "ca"),
            ("Network Solutions, LLC", "us"),
            ("eNom, LLC", "us"),
            ("NameSilo, LLC", "us"),
        ] {
            assert_eq!(country(name), Some(code), "{name}");
            assert!(registrar(name).is_some_and(|r| r.foreign), "{name}");
        }
        for unknown in [
            "",
            "  ",
            "某某注册商",
            "Example Registrar",
            "从 GoDaddy 转入阿里云",
        ] {
            assert_eq!(registrar(unknown), None, "{unknown}");
        }
    }
}
