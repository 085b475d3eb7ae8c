#!/usr/bin/env bash
# Whole-run timing and peak memory of newsreport on a corpus (default: all of
# ../shared/corpora), with 1 and 2 threads, several runs each, alternating.
# Usage: benches/whole_run.sh [CORPUS_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora}
runs=${2:-3}
cargo build --release -q
bin=target/release/newsreport
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bytes=$(find -L "$corpus" -name '*.txt' -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $corpus ($((bytes / 1000000)) MB of .txt), machine: $(nproc) cores, $(date -u +%F)"
for i in $(seq "$runs"); do
  for t in 1 2; do
    /usr/bin/time -f "threads=$t seconds=%e peak_rss_kb=%M" "$bin" "$corpus" -o "$out/report" -q --threads "$t" 2>&1 >/dev/null | tail -1
  done
done > "$out/times"
for t in 1 2; do
  runs_t=$(awk -F'[ =]' -v t="$t" '$2 == t { printf " %s", $4 }' "$out/times")
  med=$(awk -F'[ =]' -v t="$t" '$2 == t { print $4 }' "$out/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  rss=$(awk -F'[ =]' -v t="$t" '$2 == t && $6 > m { m = $6 } END { print m }' "$out/times")
  awk -v t="$t" -v med="$med" -v rss="$rss" -v runs="$runs_t" -v bytes="$bytes" 'BEGIN {
    printf "threads %s: median %.2f s (%s), %.1f MB/s, peak RSS %d MB\n", t, med, runs, bytes / 1e6 / med, rss / 1024 }'
done
