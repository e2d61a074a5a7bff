//! Spellings of division names, shared by the run-time lookups and the build
//! script (`build/data.rs` includes this file with `#[path]`, to index every
//! city under each spelling): a name matches exactly or without its generic
//! suffix (深圳 = 深圳市, 南山 = 南山区); an autonomous prefecture or county
//! also matches without its ethnic-group part (延边 and 延边州 = 延边朝鲜族自治州).
//!
//! Only `std` may be used here: the build script has no other crates.

/// Generic suffixes a division name may be written without, longest first.
const SUFFIXES: &[&str] = &[
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "市",
    "盟",
    "区",
    "县",
    "旗",
];

/// Ethnic-group names as they appear inside autonomous division names, without
/// 族 (各族 = "all ethnic groups", as in 龙胜各族自治县). One-character ones are
/// stripped only when 族 follows them.
const ETHNIC: &[&str] = &[
    "各",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
];

/// Removes the trailing ethnic-group names of an autonomous division's name
/// (延边朝鲜族 → 延边, 双江拉祜族佤族布朗族傣族 → 双江), keeping at least two
/// characters.
fn strip_ethnic(mut base: &str) -> &str {
    loop {
        let next = if let Some(before) = base.strip_suffix('族') {
            let rest = ETHNIC
                .iter()
                .filter_map(|e| before.strip_suffix(e))
                .min_by_key(|rest| rest.len());
            match rest {
                // The place is named after the group itself (东乡族自治县 →
                // 东乡): keep the name, drop 族.
                Some(rest) if rest.chars().count() < 2 && before.chars().count() >= 2 => {
                    return before;
                }
                _ => rest,
            }
        } else {
            ETHNIC
                .iter()
                .filter(|e| e.chars().count() >= 2)
                .filter_map(|e| base.strip_suffix(e))
                .min_by_key(|rest| rest.len())
        };
        match next {
            Some(rest) if rest.chars().count() >= 2 => base = rest,
            _ => return base,
        }
    }
}

/// The short spelling of a division name and, for autonomous divisions, the
/// one-character suffix it is also written with (延边朝鲜族自治州 → 延边, 州).
/// `None` when no suffix applies or the rest would be a single character
/// (城区, 郊区 have no short form).
pub(super) fn short_form(full: &str) -> Option<(&str, Option<&'static str>)> {
    let (suffix, base) = SUFFIXES
        .iter()
        .find_map(|s| full.strip_suffix(s).map(|base| (*s, base)))?;
    let (base, extra) = match suffix {
        "自治州" => (strip_ethnic(base), Some("州")),
        "自治县" => (strip_ethnic(base), Some("县")),
        "自治旗" => (strip_ethnic(base), Some("旗")),
        _ => (base, None),
    };
    (base.chars().count() >= 2).then_some((base, extra))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        assert_eq!(short_form("深圳市"), Some(("深圳", None)));
        assert_eq!(short_form("延边朝鲜族自治州"), Some(("延边", Some("州"))));
        assert_eq!(
            short_form("双江拉祜族佤族布朗族傣族自治县"),
            Some(("双江", Some("县")))
        );
        assert_eq!(
            short_form("博尔塔拉蒙古自治州"),
            Some(("博尔塔拉", Some("州")))
        );
        assert_eq!(
            short_form("察布查尔锡伯自治县"),
            Some(("察布查尔", Some("县")))
        );
        assert_eq!(short_form("鄂伦春自治旗"), Some(("鄂伦春", Some("旗"))));
        assert_eq!(short_form("鄂温克族自治旗"), Some(("鄂温克", Some("旗"))));
        assert_eq!(short_form("东乡族自治县"), Some(("东乡", Some("县"))));
        assert_eq!(short_form("龙胜各族自治县"), Some(("龙胜", Some("县"))));
        assert_eq!(short_form("浦东新区"), Some(("浦东", None)));
        assert_eq!(short_form("城区"), None);
        assert_eq!(short_form("矿区"), None);
    }
}
