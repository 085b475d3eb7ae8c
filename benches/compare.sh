#!/usr/bin/env bash
# newsreport side by side with the scikit-learn reference pipeline (../shared/tools/
# peer_pipeline.py, TF + TF-IDF only) on the same files and the same two cores, alternating
# the two so machine noise hits both alike. Prints each run, the medians and the ratio.
# Usage: benches/compare.sh [CORPUS_DIR] [RUNS]
# Needs the reference venv: ../shared/tools/setup.sh (PY defaults to /tmp/newsreport-peer/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora}
runs=${2:-3}
py=${PY:-/tmp/newsreport-peer/bin/python}
peer=${PEER:-../shared/tools/peer_pipeline.py}
[ -x "$py" ] || { echo "no Python at $py: run ../shared/tools/setup.sh, or set PY" >&2; exit 2; }
cargo build --release -q
bin=target/release/newsreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bytes=$(find -L "$corpus" -name '*.txt' -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
files=$(find -L "$corpus" -name '*.txt' -type f | wc -l)
echo "corpus: $corpus ($files files, $((bytes / 1000000)) MB of .txt); machine: $(nproc) cores; $(date -u +%F)"
for i in $(seq "$runs"); do
  /usr/bin/time -f "newsreport %e %M" "$bin" "$corpus" -o "$work/ours" -q --threads 2 2>>"$work/times" >/dev/null
  /usr/bin/time -f "reference %e %M" "$py" "$peer" "$corpus" --out "$work/peer" --jobs 2 2>>"$work/times" >/dev/null
  grep -E '^(newsreport|reference) ' "$work/times" | tail -2 >&2
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for k in newsreport reference; do
  runs_k=$(awk -v k="$k" '$1 == k { printf " %s", $2 }' "$work/times")
  med=$(awk -v k="$k" '$1 == k { print $2 }' "$work/times" | median)
  rss=$(awk -v k="$k" '$1 == k && $3 > m { m = $3 } END { print m }' "$work/times")
  echo "$k $med $rss$runs_k"
done | awk -v bytes="$bytes" -v files="$files" '
  { med[$1] = $2; printf "%-10s median %7.2f s (runs:", $1, $2; for (i = 4; i <= NF; i++) printf " %s", $i;
    printf ")  %6.1f MB/s  %7.0f docs/s  peak RSS %d MB\n", bytes / 1e6 / $2, files / $2, $3 / 1024 }
  END { printf "ratio: newsreport is %.1fx faster than the reference pipeline\n", med["reference"] / med["newsreport"] }'
