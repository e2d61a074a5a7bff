#!/usr/bin/env python3
"""Derives rules/data/mobile_regions.csv from libphonenumber's +86 geocoding.

Usage: python3 rules/data/mobile_regions.py PATH/TO/86.txt > rules/data/mobile_regions.csv

Reads the mobile rows (`86` + the first seven digits of a number) of
libphonenumber's `resources/geocoding/zh/86.txt`, maps each place name
(`山东省济南市`) to a city code of `cities.csv`, and writes the table as
runs: each row is the first seven-digit prefix of a run of consecutive
prefixes issued in the same city, and the run lasts until the next row's
prefix. A row whose city is empty starts a run of prefixes the source does
not place. Place names that do not map are listed on standard error and
their prefixes left unplaced (the build then finds no region for them).
"""
import csv
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))

# Written after the source's licence header.
NOTE = """# Derived from libphonenumber resources/geocoding/zh/86.txt, commit
# f7e3e88c92b905c8d6edb81f336dbe25edc05b52 (release 9.0.35, 2026-07-16), by
# mobile_regions.py: the mobile rows as runs of seven-digit prefixes, the
# place names mapped to cities.csv codes. See README.md (mobile_regions.csv).
"""

# Names of 2011 that are no longer divisions, or are spelt otherwise today:
# the place's current prefecture (a number keeps the region it was issued in).
RENAMED = {
    "安徽省巢湖市": "合肥市",  # abolished 2011; most of it joined 合肥 (the rest 芜湖, 马鞍山)
    "山东省莱芜市": "济南市",  # merged into 济南 in 2019
    "湖北省襄樊市": "襄阳市",  # renamed 2010
}

# The province part as the source writes it: full names, and the short
# names of the autonomous regions (广西, 内蒙古, 宁夏, 新疆, 西藏).
def provinces():
    out = []
    with open(os.path.join(HERE, "provinces.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.append((row["name"], row["gb"]))
            out.append((row["short_name"], row["gb"]))
    # Longest first, so 内蒙古自治区 is tried before 内蒙古.
    return sorted(set(out), key=lambda p: -len(p[0]))


def cities():
    by_province = {}
    with open(os.path.join(HERE, "cities.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_province.setdefault(row["code"][:2], {})[row["name"]] = row["code"]
    return by_province


def place_code(place, provinces, cities):
    for name, gb in provinces:
        if place.startswith(name):
            rest = place[len(name):]
            break
    else:
        return None
    known = cities.get(gb, {})
    if rest == "":
        # A municipality names no city: the municipality is the city.
        return known.get(name) if name in known else None
    rest = RENAMED.get(place, rest)
    if rest in known:
        return known[rest]
    # 2011's 地区 that became cities (吐鲁番地区 → 吐鲁番市, 毕节地区 → 毕节市).
    if rest.endswith("地区") and rest[:-2] + "市" in known:
        return known[rest[:-2] + "市"]
    return None


def main():
    source = sys.argv[1]
    provs, cits = provinces(), cities()
    rows = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^86(1\d{6})\|(.+)$", line.rstrip("\n"))
            if m:
                rows[int(m.group(1))] = m.group(2)
    codes, unmapped = {}, Counter()
    for place in set(rows.values()):
        code = place_code(place, provs, cits)
        if code is None:
            unmapped[place] = 0
        codes[place] = code
    for prefix, place in rows.items():
        if codes[place] is None:
            unmapped[place] += 1
    with open(source, encoding="utf-8") as f:
        notice = [next(f) for _ in range(13)]
    sys.stdout.write("".join(notice))
    sys.stdout.write(NOTE)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["prefix", "city"])
    current = object()
    for prefix in range(min(rows), max(rows) + 2):
        place = rows.get(prefix)
        code = codes.get(place) if place else None
        code = code or ""
        if code != current:
            out.writerow([prefix, code])
            current = code
    for place, count in sorted(unmapped.items()):
        print(f"unmapped: {place} ({count} prefixes)", file=sys.stderr)
    print(f"{len(rows)} prefixes, {len(codes)} places, {len(unmapped)} unmapped",
          file=sys.stderr)


if __name__ == "__main__":
    main()
