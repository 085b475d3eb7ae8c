#!/usr/bin/env bash
# The floor under any whole run on a corpus: the time to open and read every .txt file once
# (two processes, as newsreport uses two threads), and to count its words with `wc -w`, the
# least any word-counting tool does. Several runs each; prints the medians.
# Usage: benches/floor.sh [CORPUS_DIR] [RUNS]
set -euo pipefail
corpus=${1:-../shared/corpora}
runs=${2:-3}
cd "$(dirname "$0")/.."
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
t() { /usr/bin/time -f "%e" bash -c "$1" 2>&1 >/dev/null | tail -1; }
read_all="find -L '$corpus' -name '*.txt' -type f -print0 | xargs -0 -P 2 -n 500 cat > /dev/null"
count_all="find -L '$corpus' -name '*.txt' -type f -print0 | xargs -0 -P 2 -n 500 cat | wc -w > /dev/null"
for i in $(seq "$runs"); do echo "read $(t "$read_all")"; echo "wc $(t "$count_all")"; done > /tmp/floor.$$
for k in read wc; do
  echo "$k: median $(awk -v k=$k '$1 == k { print $2 }' /tmp/floor.$$ | median) s (runs: $(awk -v k=$k '$1 == k { printf "%s ", $2 }' /tmp/floor.$$))"
done
rm -f /tmp/floor.$$
