//! Province-level divisions (`rules/data/provinces.csv`).

use super::tables::PROVINCES;

/// A province-level division: province, autonomous region, municipality or SAR.
#[derive(Debug, PartialEq, Eq)]
pub struct Province {
    /// ISO 3166-2:CN letters in lower case, also the `.cn` second level: `gd`.
    pub code: &'static str,
    /// GB/T 2260 two-digit code: 44.
    pub gb: u8,
    /// Full name: 广东省.
    pub name: &'static str,
    /// Short name: 广东.
    pub short_name: &'static str,
    /// One-character abbreviations, the standard one first: `["川", "蜀"]`.
    pub abbrs: &'static [&'static str],
    /// Abbreviations seen before `ICP备` in real filing numbers (empty for 71/81/82).
    pub icp_prefixes: &'static [&'static str],
    /// One of the four municipalities (北京, 天津, 上海, 重庆).
    pub municipality: bool,
    /// False for Taiwan (71), Hong Kong (81) and Macau (82).
    pub mainland: bool,
    /// The short name in pinyin without tones: `guangdong`.
    pub pinyin: &'static str,
}

impl Province {
    /// The name in English: the usual English spelling where there is one
    /// (Inner Mongolia, Tibet, Shaanxi, Hong Kong, Macau), else the pinyin
    /// of the short name, capitalised (`Guangdong`).
    pub fn name_en(&self) -> String {
        if let Some(name) = english_spelling(self.code) {
            return name.to_owned();
        }
        let mut name = self.pinyin.to_owned();
        if let Some(first) = name.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        name
    }

    /// The name in both languages: 广东省 / Guangdong.
    pub fn names(&self) -> crate::lang::Text {
        crate::lang::Text::new(self.name, self.name_en())
    }

    /// The name in a language.
    pub fn name_in(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Zh => self.name.to_owned(),
            crate::Lang::En => self.name_en(),
        }
    }
}

/// The divisions whose English name is not their capitalised pinyin.
fn english_spelling(code: &str) -> Option<&'static str> {
    Some(match code {
        "nm" => "Inner Mongolia",
        "xz" => "Tibet",
        "hk" => "Hong Kong",
        "mo" => "Macau",
        _ => return None,
    })
}

/// All province-level divisions: the 31 mainland ones first in GB order, then 71, 81, 82.
pub fn provinces() -> &'static [Province] {
    PROVINCES
}

/// The division with this exact lower-case two-letter code (`gd`), if any.
pub fn province(code: &str) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.code == code)
}

/// A mainland division named by code (any case), full name, short name, any
/// abbreviation or pinyin (any case).
pub fn find_province(input: &str) -> Option<&'static Province> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    PROVINCES.iter().filter(|p| p.mainland).find(|p| {
        p.code.eq_ignore_ascii_case(input)
            || p.name == input
            || p.short_name == input
            || p.abbrs.contains(&input)
            || p.pinyin.eq_ignore_ascii_case(input)
            || english_spelling(p.code).is_some_and(|n| n.eq_ignore_ascii_case(input))
    })
}

/// The division with this GB/T 2260 two-digit code (44 → 广东省), if any.
pub fn province_by_gb(gb: u8) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.gb == gb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_names_as_english_writes_them() {
        let name = |code| province(code).map(Province::name_en);
        assert_eq!(name("nm").as_deref(), Some("Inner Mongolia"));
        assert_eq!(name("xz").as_deref(), Some("Tibet"));
        assert_eq!(name("gd").as_deref(), Some("Guangdong"));
        assert_eq!(name("sn").as_deref(), Some("Shaanxi"));
        assert_eq!(find_province("inner mongolia").map(|p| p.code), Some("nm"));
        assert_eq!(find_province("Tibet").map(|p| p.code), Some("xz"));
        assert_eq!(find_province("neimenggu").map(|p| p.code), Some("nm"));
    }

    #[test]
    fn table_has_34_rows_mainland_first() {
        let all = provinces();
        assert_eq!(all.len(), 34);
        assert_eq!(all.iter().filter(|p| p.mainland).count(), 31);
        assert!(all[..31].iter().all(|p| p.mainland));
        assert!(all[..31].windows(2).all(|w| w[0].gb < w[1].gb));
        assert_eq!(all[0].code, "bj");
        assert_eq!(all[33].gb, 82);
    }

    #[test]
    fn lookups() {
        let gd = province("gd").unwrap();
        assert_eq!((gd.gb, gd.name, gd.short_name), (44, "广东省", "广东"));
        assert_eq!(gd.abbrs, &["粤"]);
        assert!(!gd.municipality && gd.mainland);
        assert!(province("GD").is_none());
        assert_eq!(province_by_gb(51).unwrap().abbrs, &["川", "蜀"]);
        assert!(province_by_gb(50).unwrap().municipality);
        assert!(!province_by_gb(81).unwrap().mainland);
        assert!(province_by_gb(10).is_none());
    }

    #[test]
    fn find_province_accepts_every_spelling() {
        for input in [
            "sc",
            "SC",
            " Sc ",
            "四川省",
            "四川",
            "川",
            "蜀",
            "sichuan",
            "Sichuan",
        ] {
            assert_eq!(find_province(input).map(|p| p.gb), Some(51), "{input}");
        }
        assert_eq!(find_province("黔").map(|p| p.code), Some("gz"));
        assert_eq!(find_province("sn").map(|p| p.name), Some("陕西省"));
        assert_eq!(find_province("sx").map(|p| p.name), Some("山西省"));
        assert_eq!(find_province("shaanxi").map(|p| p.code), Some("sn"));
        assert_eq!(find_province("shanxi").map(|p| p.code), Some("sx"));
        // Not mainland, or not a province at all.
        for input in ["hk", "香港", "台湾省", "xianggang", "", "  ", "广", "guang"] {
            assert!(find_province(input).is_none(), "{input}");
        }
    }

    #[test]
    fn icp_prefixes_cover_both_forms_where_observed() {
        assert_eq!(province("gz").unwrap().icp_prefixes, &["黔", "贵"]);
        assert_eq!(province("yn").unwrap().icp_prefixes, &["滇"]);
        assert!(province_by_gb(71).unwrap().icp_prefixes.is_empty());
    }
}
