#!/usr/bin/env bash
# Times the release binary (docs/development.md#performance):
#   1. one filing, as a whole process (pre-commit runs it on every commit);
#   2. a directory of N filings (default 10,000) against a program that only
#      finds, reads and parses the same files (bench/parse_only.rs);
#   3. the peak memory of `icp validate` in every format over 10 × N empty
#      filings (`--memory [N]`: that alone, over N, default 100,000).
# Uses hyperfine when installed, else the fastest of repeated runs timed with
# bash's clock.
# Usage: bash bench/run.sh [N]
#        bash bench/run.sh --memory [N]
set -euo pipefail
cd "$(dirname "$0")/.."
memory_only=false
if [ "${1:-}" = "--memory" ]; then
  memory_only=true
  shift
fi
n="${1:-10000}"
# Two directories of the same filings: with the scans they declare (complete
# filings, the state before submission) and without (a public repository that
# keeps scans out of git: a warning per declared scan, so a report to write).
with="target/bench-filings-$n"
without="target/bench-filings-$n-no-scans"

# The helpers are bench targets (Cargo.toml says why): `cargo bench --no-run`
# builds them and icp with the release settings, and names each executable
# in its JSON messages (a bench's file name carries a hash).
built=$(cargo bench --no-run --quiet --bench parse-only --bench generate-filings --message-format=json)
executable() {
  printf '%s\n' "$built" | grep "\"name\":\"$1\"" |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n 1
}
icp=$(executable icp)
parse=$(executable parse-only)
generate=$(executable generate-filings)

# Peak memory (maximum resident set, GNU time's %M) of `icp validate` over
# many empty filings (nine findings each) in every format: the report is
# streamed (the table of files of the human format laid out a thousand rows
# at a time, SARIF's rules described after the results, `--output-file`
# written to its temporary file as it goes), so it stays flat in the number
# of files. The goal: at most 64 MiB for 100,000 filings.
memory() {
  local count=$1
  local empty="target/bench-filings-$count-empty"
  [ -d "$empty" ] || "$generate" "$empty" "$count" --empty >/dev/null
  if [ ! -x /usr/bin/time ]; then
    echo "peak memory: /usr/bin/time (GNU time) is not installed"
    return
  fi
  for format in human concise github json sarif; do
    /usr/bin/time -f %M -o target/bench-rss "$icp" validate "$empty" --format "$format" >/dev/null 2>&1 || true
    kb=$(tail -n 1 target/bench-rss)
    echo "$count empty filings, --format $format: peak RSS $((kb / 1024)) MiB"
  done
  /usr/bin/time -f %M -o target/bench-rss "$icp" validate "$empty" --format sarif --output-file target/bench-report.sarif >/dev/null 2>&1 || true
  kb=$(tail -n 1 target/bench-rss)
  echo "$count empty filings, --format sarif --output-file: peak RSS $((kb / 1024)) MiB"
  rm -f target/bench-report.sarif
  /usr/bin/time -f %M -o target/bench-rss "$icp" report "$empty" --format json >/dev/null 2>&1 || true
  kb=$(tail -n 1 target/bench-rss)
  echo "$count empty filings, icp report --format json: peak RSS $((kb / 1024)) MiB"
}

# Peak memory of `icp validate` and `icp report` over complete filings: both
# keep what the rules across filings compare of each filing (names, ID
# numbers, domains, scans, dates), and the report a row per filing.
index_memory() {
  [ -x /usr/bin/time ] || return 0
  local dir=$1
  for command in validate report; do
    /usr/bin/time -f %M -o target/bench-rss "$icp" "$command" "$dir" --format json >/dev/null 2>&1 || true
    kb=$(tail -n 1 target/bench-rss)
    echo "  icp $command --format json: peak RSS $((kb / 1024)) MiB"
  done
}

if $memory_only; then
  memory "${1:-100000}"
  exit 0
fi

[ -d "$with" ] || "$generate" "$with" "$n" >/dev/null
[ -d "$without" ] || "$generate" "$without" "$n" --no-scans >/dev/null
one=examples/enterprise-gd.filing.toml

# Fastest wall-clock time of a command over runs, in microseconds (after
# one warm-up). The minimum is the estimate least disturbed by whatever else
# the machine is doing; the mean of a shared machine's runs wanders. The
# clock is bash's $EPOCHREALTIME: reading it starts no process, which would
# add a millisecond or more to a run that takes a few.
min_us() {
  local runs=$1; shift
  "$@" >/dev/null 2>&1 || true
  local best=0 start end t
  for _ in $(seq "$runs"); do
    start=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>&1 || true
    end=${EPOCHREALTIME/./}
    t=$((end - start))
    if [ "$best" -eq 0 ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}

ms() { printf '%d.%03d ms' $(($1 / 1000)) $(($1 % 1000)); }

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 -N "$icp validate $one"
  for dir in "$with" "$without"; do
    hyperfine --warmup 2 "$parse $dir" "$icp validate $dir --format json" "$icp report $dir --format json"
  done
else
  echo "one filing, whole process:   $(ms "$(min_us 50 "$icp" validate "$one")")"
  for dir in "$with" "$without"; do
    base=$(min_us 10 "$parse" "$dir")
    full=$(min_us 10 "$icp" validate "$dir" --format json)
    echo "$dir:"
    echo "  parse only:                $(ms "$base")"
    echo "  icp validate --format json: $(ms "$full")"
    awk -v a="$full" -v b="$base" 'BEGIN { printf "  ratio icp / parse-only:    %.2f\n", a / b }'
    # `icp report` checks the same files and adds the book: at most 1.2x validate.
    book=$(min_us 10 "$icp" report "$dir" --format json)
    echo "  icp report --format json:   $(ms "$book")"
    awk -v a="$book" -v b="$full" 'BEGIN { printf "  ratio report / validate:   %.2f\n", a / b }'
    index_memory "$dir"
  done
fi

# One filing just under the 1 MiB limit, of as many websites as fit (about
# 2,400, each with findings): the cost must stay linear in the file's size.
big="target/bench-one-big"
[ -f "$big/big.filing.toml" ] || "$generate" "$big" 1 --one-big >/dev/null
for format in human json; do
  echo "1 MiB filing of websites, --format $format: $(ms "$(min_us 3 "$icp" validate "$big/big.filing.toml" --format "$format")")"
done

memory $((n * 10))
