#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the
# repository: the examples, the rule cases and the rule files, the
# configuration files of the tests, and every input that once crashed a
# target (tests/fuzz/<target>/).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/filing fuzz/corpus/rule_file fuzz/corpus/config
find examples tests/fixtures -name '*.toml' ! -name icp.toml -exec cp -t fuzz/corpus/filing {} +
# A rule case holds a change to an example: its TOML is a filing fragment.
i=0
for case in rules/cases/*.toml; do
    cp "$case" "fuzz/corpus/filing/case-$((i++)).toml"
done
cp rules/national.yaml fuzz/corpus/rule_file/
for f in rules/provinces/*.yaml; do cp "$f" "fuzz/corpus/rule_file/$(basename "$f")"; done
find tests -name 'icp.toml' | while read -r f; do
    cp "$f" "fuzz/corpus/config/$(echo "$f" | tr / _)"
done
printf 'lang = "en"\ndeny_warnings = true\nexclude = ["drafts/**"]\n[severity]\nphone-area-mismatch = "error"\n' \
    > fuzz/corpus/config/sample.toml
for t in filing rule_file config; do
    find "tests/fuzz/$t" -type f ! -name .gitkeep -exec cp -t "fuzz/corpus/$t" {} + || true
done
