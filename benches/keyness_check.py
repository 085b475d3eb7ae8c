#!/usr/bin/env python3
"""Independent check of keyness.csv: recomputes every row from the run's own per-document
counts (doc_terms.csv, written with --matrix) and each document's group (documents.csv's
source column, or --by COLUMN), with plain Python (math.log, math.erfc), and compares.

    newsreport CORPUS --matrix --compare source -o OUT
    python3 benches/keyness_check.py OUT [--by source] [--show GROUP]

Checks counts and document counts exactly, per_10k, g2, log_ratio and p_value to the
printed decimals; --show GROUP prints that group's first rows with the exact 2x2 counts and
Python's values to 17 digits (the figures of the crate's real-group unit test).
"""
import csv
import math
import sys
from collections import defaultdict


def g2(a, b, na, nb):
    n = na + nb
    c, d = na - a, nb - b
    w, wo = a + b, c + d

    def cell(o, e):
        return o * math.log(o / e) if o > 0 else 0.0

    g = 2 * (cell(a, na * w / n) + cell(b, nb * w / n) + cell(c, na * wo / n) + cell(d, nb * wo / n))
    g = max(g, 0.0)
    return g if a * nb >= b * na else -g


def log_ratio(a, b, na, nb):
    h = lambda x: 0.5 if x == 0 else x
    return math.log2((h(a) / max(na, 1)) / (h(b) / max(nb, 1)))


def main():
    out = sys.argv[1]
    by = sys.argv[sys.argv.index("--by") + 1] if "--by" in sys.argv else "source"
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    group_of = {}
    with open(f"{out}/documents.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["status"] == "ok":
                group_of[r["doc_id"]] = r.get(by, "")
    rows = list(csv.DictReader(open(f"{out}/keyness.csv", newline="", encoding="utf-8")))
    groups = sorted({r["group"] for r in rows})
    count = defaultdict(lambda: defaultdict(int))
    docs = defaultdict(lambda: defaultdict(int))
    total = defaultdict(int)
    with open(f"{out}/doc_terms.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            g = group_of.get(r["doc_id"])
            if g not in groups:
                continue
            n = int(r["count"])
            count[g][r["stem"]] += n
            docs[g][r["stem"]] += 1
            total[g] += n
    all_total = sum(total[g] for g in groups)
    bad = 0
    for r in rows:
        g, s = r["group"], r["stem"]
        a = count[g][s]
        b = sum(count[h][s] for h in groups if h != g)
        da = docs[g][s]
        db = sum(docs[h][s] for h in groups if h != g)
        na, nb = total[g], all_total - total[g]
        want = {
            "count": str(a),
            "count_rest": str(b),
            "docs": str(da),
            "docs_rest": str(db),
            "per_10k": f"{a * 1e4 / na:.3f}",
            "per_10k_rest": f"{b * 1e4 / nb:.3f}",
            "g2": f"{g2(a, b, na, nb):.6f}",
            "log_ratio": f"{log_ratio(a, b, na, nb):.6f}",
            "p_value": f"{math.erfc(math.sqrt(abs(g2(a, b, na, nb)) / 2)):.6f}",
        }
        for k, v in want.items():
            if r[k] != v:
                bad += 1
                if bad <= 10:
                    print(f"differs: {g} {s} {k}: csv {r[k]} python {v}")
        if show == g and int(r["rank"]) <= 3:
            print(f"{g} {r['direction']} {s}: a={a} b={b} na={na} nb={nb} "
                  f"g2={g2(a, b, na, nb)!r} log_ratio={log_ratio(a, b, na, nb)!r}")
    print(f"{len(rows)} rows of keyness.csv checked over {len(groups)} groups: {bad} differences")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
