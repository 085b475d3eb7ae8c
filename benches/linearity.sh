#!/usr/bin/env bash
# Does a run scale linearly? Makes a corpus COPIES times larger (benches/scale_corpus.py:
# copies with every fourth word changed, so duplicates are not removed), then times the
# original (copy0) and the whole scaled corpus, alternating, and prints the medians, the time
# ratio next to the size ratio, and the peak RSS of each. Each run's files are read once just
# before it, so that the larger corpus finds them in the page cache as the original does (a
# first read of a 16x copy took 67 s on the 2-core machine, a second 13 s).
# Usage: benches/linearity.sh [CORPUS_DIR] [COPIES] [RUNS] [SCALED_DIR]
# SCALED_DIR (default /tmp/newsreport-scaled<COPIES>) must be outside the project; it is kept
# between runs and made only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora}
copies=${2:-4}
runs=${3:-2}
scaled=${4:-/tmp/newsreport-scaled$copies}
cargo build --release -q
bin=target/release/newsreport
[ -d "$scaled/copy0" ] || python3 benches/scale_corpus.py "$corpus" "$scaled" "$copies"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
size() { find -L "$1" -name '*.txt' -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1; }
b1=$(size "$scaled/copy0"); bn=$(size "$scaled")
echo "1x: $scaled/copy0 ($((b1 / 1000000)) MB); ${copies}x: $scaled ($((bn / 1000000)) MB); $(nproc) cores; $(date -u +%F)"
warm() { find -L "$1" -type f -print0 | xargs -0 cat >/dev/null; }
for i in $(seq "$runs"); do
  warm "$scaled/copy0"
  /usr/bin/time -f "one %e %M" "$bin" "$scaled/copy0" -o "$work/one" -q 2>>"$work/times" >/dev/null
  warm "$scaled"
  /usr/bin/time -f "all %e %M" "$bin" "$scaled" -o "$work/all" -q 2>>"$work/times" >/dev/null
  grep -E '^(one|all) ' "$work/times" | tail -2 >&2
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
m1=$(awk '$1 == "one" { print $2 }' "$work/times" | median)
mn=$(awk '$1 == "all" { print $2 }' "$work/times" | median)
r1=$(awk '$1 == "one" && $3 > m { m = $3 } END { print m }' "$work/times")
rn=$(awk '$1 == "all" && $3 > m { m = $3 } END { print m }' "$work/times")
awk -v m1="$m1" -v mn="$mn" -v b1="$b1" -v bn="$bn" -v r1="$r1" -v rn="$rn" 'BEGIN {
  printf "1x: median %.2f s, %.1f MB/s, peak RSS %d MB\n", m1, b1 / 1e6 / m1, r1 / 1024
  printf "%.2fx the input: median %.2f s, %.1f MB/s, peak RSS %d MB\n", bn / b1, mn, bn / 1e6 / mn, rn / 1024
  printf "time ratio %.2f for size ratio %.2f\n", mn / m1, bn / b1 }'
