#!/usr/bin/env python3
"""Adds the `pinyin` column to rules/data/cities.csv and rules/data/counties.csv.

Usage: python3 rules/data/place_pinyin.py            (rewrites both files in place)
       python3 rules/data/place_pinyin.py --check    (exits 1 when they would change)
       python3 rules/data/place_pinyin.py --review   (names with polyphonic characters, and
                                                     those read otherwise than the character's usual reading)

Needs pypinyin (MIT; `pip install pypinyin`; written with 0.55.0). The build
never runs this script: the column is committed like the rest of the table.

The pinyin is that of the name's short form, the spelling `src/data/names.rs`
accepts without its generic suffix (深圳市 → 深圳 → shenzhen, 朝阳区 →
chaoyang, 延边朝鲜族自治州 → 延边 → yanbian); a name with no short form (城区,
义县: the rest would be one character) keeps its suffix (chengqu, yixian). Hanyu
Pinyin without tones, lower case, ü written ü, syllables run together with an
apostrophe before one that starts with a, o or e (lu'an, xi'an). pypinyin's
reading of a polyphonic character is checked against READINGS, a hand list of
the established readings of place names, which wins where they differ.
"""
import csv
import io
import os
import sys

from pypinyin import Style, lazy_pinyin, pinyin

HERE = os.path.dirname(os.path.abspath(__file__))

# The same suffixes and ethnic-group names as src/data/names.rs (short_form).
SUFFIXES = ["自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
            "市", "盟", "区", "县", "旗"]
ETHNIC = ["各", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满",
          "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲",
          "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬",
          "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒",
          "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
          "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"]

# Established readings of place names where a character has several
# (the official romanisations of the divisions, as in the Ministry of Civil
# Affairs' and the divisions' own English pages and standard dictionaries):
# short form → syllables. Every entry is checked against pypinyin; the list
# keeps the ones pypinyin also gets right, as a test that it still does.
READINGS = {
    "重庆": "chong qing",
    "厦门": "xia men",
    "长沙": "chang sha",
    "长春": "chang chun",
    "长治": "chang zhi",
    "蚌埠": "beng bu",
    "六安": "lu an",
    "六盘水": "liu pan shui",
    "丽水": "li shui",
    "丽江": "li jiang",
    "乐山": "le shan",
    "乐清": "yue qing",
    "乐亭": "lao ting",
    "乐昌": "le chang",
    "大理": "da li",
    "东莞": "dong guan",
    "番禺": "pan yu",
    "涡阳": "guo yang",
    "铅山": "yan shan",
    "莘县": "shen xian",
    "朝阳": "chao yang",
    "洪洞": "hong tong",
    "繁峙": "fan shi",
    "郫都": "pi du",
    "蔚县": "yu xian",
    "单县": "shan xian",
    "亳州": "bo zhou",
    "濮阳": "pu yang",
    "枞阳": "zong yang",
    "歙县": "she xian",
    "荥阳": "xing yang",
    "浚县": "xun xian",
    "阆中": "lang zhong",
    "犍为": "qian wei",
    "筠连": "jun lian",
    "临朐": "lin qu",
    "东阿": "dong e",
    "茌平": "chi ping",
    "耒阳": "lei yang",
    "郴州": "chen zhou",
    "百色": "bai se",
    "儋州": "dan zhou",
    "会理": "hui li",
    "会东": "hui dong",
    "会同": "hui tong",
    "汨罗": "mi luo",
    "鄱阳": "po yang",
    "睢宁": "sui ning",
    "盱眙": "xu yi",
    "宿迁": "su qian",
    "宿州": "su zhou",
    "嵊州": "sheng zhou",
    "天台": "tian tai",
    "台州": "tai zhou",
    "蠡县": "li xian",
    "曲阳": "qu yang",
    "大名": "da ming",
    "吕梁": "lü liang",
    "六合": "lu he",
    "长子": "zhang zi",
    "龙圩": "long xu",
    "伽师": "jia shi",
    "泊头": "bo tou",
    "崆峒": "kong tong",
    "珲春": "hun chun",
    "闵行": "min hang",
    "穆棱": "mu ling",
    "召陵": "shao ling",
    "荥经": "ying jing",
    "曾都": "zeng du",
    "宕昌": "tan chang",
    "漯河": "luo he",
    "马尾": "ma wei",
    "南乐": "nan le",
    "民乐": "min le",
    "浪卡子": "lang ka zi",
}

# Characters whose reading in place names is always the same, whatever
# pypinyin picks from the words around them (成都, 昌都, 曾都 are all du;
# 锡林郭勒, 库尔勒 le; 阿图什, 克什克腾 shi). READINGS still wins (长子).
CHARS = {
    "都": "du",
    "长": "chang",
    "什": "shi",
    "勒": "le",
    "蚌": "beng",
    "佛": "fo",
}


def strip_ethnic(base):
    while True:
        if base.endswith("族"):
            before = base[:-1]
            rests = [before[: -len(e)] for e in ETHNIC if before.endswith(e)]
            rest = min(rests, key=len) if rests else None
            if rest is not None and len(rest) < 2 and len(before) >= 2:
                return before
            nxt = rest
        else:
            rests = [base[: -len(e)] for e in ETHNIC if len(e) >= 2 and base.endswith(e)]
            nxt = min(rests, key=len) if rests else None
        if nxt is not None and len(nxt) >= 2:
            base = nxt
        else:
            return base


def short_form(full):
    for s in SUFFIXES:
        if full.endswith(s):
            base = full[: -len(s)]
            if s in ("自治州", "自治县", "自治旗"):
                base = strip_ethnic(base)
            return base if len(base) >= 2 else None
    return None


def syllables(name):
    sylls = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True)
    if len(sylls) != len(name):
        raise SystemExit(f"{name}: not one syllable per character: {sylls}")
    sylls = [CHARS.get(c, s) for c, s in zip(name, sylls)]
    # A hand reading holds wherever its word appears (长沙县 with 长沙).
    for known, reading in READINGS.items():
        at = name.find(known)
        while at >= 0:
            sylls[at : at + len(known)] = reading.split()
            at = name.find(known, at + len(known))
    return sylls


def join(sylls):
    out = ""
    for i, s in enumerate(sylls):
        if i and s[0] in "aoe":
            out += "'"
        out += s
    return out


def spelled(full):
    return join(syllables(short_form(full) or full))


def rewrite(path, header):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    rows = list(csv.reader(io.StringIO(text)))
    head = rows[0][: len(header)]
    assert head == header, (path, rows[0])
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header + ["pinyin"])
    for r in rows[1:]:
        w.writerow(r[: len(header)] + [spelled(r[1])])
    return text, out.getvalue()


def review():
    """Prints each name with a character of several readings in context, and
    each name a character of which is read otherwise than its usual reading
    (the first pypinyin gives for it alone: 马尾 read ma yi, not ma wei)."""
    for name in ("cities.csv", "counties.csv"):
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            for r in list(csv.reader(f))[1:]:
                base = short_form(r[1]) or r[1]
                sylls = syllables(base)
                many = [c for c, p in zip(base, pinyin(base, style=Style.NORMAL, heteronym=True)) if len(set(p)) > 1]
                odd = []
                for c, s in zip(base, sylls):
                    usual = pinyin(c, style=Style.NORMAL, heteronym=True, v_to_u=True)[0]
                    if len(usual) > 1 and s != usual[0]:
                        odd.append(f"{c}:{s} (usually {usual[0]})")
                if many or odd:
                    print(r[0], r[1], base, spelled(r[1]), "".join(many), " ".join(odd))


def main():
    for known, reading in READINGS.items():
        got = lazy_pinyin(known, style=Style.NORMAL, v_to_u=True)
        if got != reading.split():
            print(f"override: {known} pypinyin {' '.join(got)} → {reading}", file=sys.stderr)
    if "--review" in sys.argv:
        review()
        return 0
    changed = False
    for name, header in (("cities.csv", ["code", "name", "kind"]), ("counties.csv", ["code", "name"])):
        path = os.path.join(HERE, name)
        old, new = rewrite(path, header)
        if old != new:
            changed = True
            if "--check" not in sys.argv:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(new)
    return 1 if changed and "--check" in sys.argv else 0


if __name__ == "__main__":
    sys.exit(main())
