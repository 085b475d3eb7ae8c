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
    /usr/bin/time -f "threads=$t seconds=%e peak_rss_kb=%M" "$bin" "$corpus" -o "$out" -q --threads "$t" 2>&1 >/dev/null | tail -1
  done
done | sort | awk -v bytes="$bytes" '
  { split($1,a,"="); split($2,b,"="); split($3,c,"="); t=a[2]; s[t]=s[t] " " b[2]; m[t]=c[2] }
  END { for (t in s) { n=split(s[t],v," "); asort(v); med=v[int((n+1)/2)];
        printf "threads %s: median %.2f s (%s), %.1f MB/s, peak RSS %d MB\n", t, med, s[t], bytes/1e6/med, m[t]/1024 } }'
