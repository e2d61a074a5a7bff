#!/usr/bin/env bash
# Times the release binary (SPEC §7):
#   1. one filing, as a whole process (pre-commit runs it on every commit);
#   2. a directory of N filings (default 10,000) against a program that only
#      finds, reads and parses the same files (bench/parse_only.rs).
# Uses hyperfine when installed, else repeated runs timed with `date`.
# Usage: bash bench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
dir="target/bench-filings-$n"

cargo build --release --quiet --bin icp --example parse-only --example generate-filings
icp=target/release/icp
parse=target/release/examples/parse-only
if [ ! -d "$dir" ]; then
  target/release/examples/generate-filings "$dir" "$n" >/dev/null
fi
one=examples/enterprise-gd.filing.toml

# Mean wall-clock milliseconds of a command over runs (after one warm-up).
mean_ms() {
  local runs=$1; shift
  "$@" >/dev/null 2>&1 || true
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000 ))   # microseconds
}

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 -N "$icp validate $one"
  hyperfine --warmup 2 "$parse $dir" "$icp validate $dir --format json"
else
  single=$(mean_ms 50 "$icp" validate "$one")
  base=$(mean_ms 5 "$parse" "$dir")
  full=$(mean_ms 5 "$icp" validate "$dir" --format json)
  printf 'one filing:            %6d.%03d ms\n' $((single / 1000)) $((single % 1000))
  printf '%d filings, parse only: %6d ms\n' "$n" $((base / 1000))
  printf '%d filings, icp:        %6d ms\n' "$n" $((full / 1000))
  awk -v a="$full" -v b="$base" 'BEGIN { printf "ratio icp / parse-only: %.2f (goal: at most 1.50)\n", a / b }'
fi
