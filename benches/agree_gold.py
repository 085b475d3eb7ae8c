#!/usr/bin/env python3
"""Agreement of two speaker annotations of the same articles (gold A, second B).
A row of B matches a row of A when: same document, the two cues overlap in the article
text (their first occurrences' character spans intersect), and the speakers' surnames agree
(last word, lower-case, legal form dropped, as benches/score_speakers.py). Each row used once.
Class by A's `how` (named/according-to vs pronoun/description) for recall, by B's for precision.

    agree_gold.py A.csv B.csv ARTICLES_DIR [x]   (x: also list the rows only B has)

Used for the inter-annotator agreement of tests/gold/heldout7.csv (A) and
tests/gold/heldout7_second.csv (B, annotated independently from the same written conventions):
    python3 benches/agree_gold.py tests/gold/heldout7.csv tests/gold/heldout7_second.csv \\
        tests/data/gold_heldout7/articles
Standard library only."""
import csv, sys, os
A, B, ART = sys.argv[1], sys.argv[2], sys.argv[3]
LEGAL = {"inc", "corp", "ltd", "co", "plc", "llc", "corporation", "company", "group"}
def surname(s):
    w = [x.strip(".,").lower() for x in s.split()]
    while len(w) > 1 and w[-1] in LEGAL: w.pop()
    return w[-1] if w else ""
def rows(p): return list(csv.DictReader(open(p, encoding="utf-8")))
a, b = rows(A), rows(B)
text = {}
def span(r):
    d = r["doc_id"].split("/")[-1]
    if d not in text: text[d] = open(os.path.join(ART, d + ".txt"), encoding="utf-8").read()
    i = text[d].find(r["cue"])
    return (d, i, i + len(r["cue"])) if i >= 0 else (d, -1, -1)
cls = lambda r: "resolved" if r["how"] in ("pronoun", "description") else "named"
used = set(); found = {"named": 0, "resolved": 0}; foundB = {"named": 0, "resolved": 0}; sameclass = 0
for ra in a:
    da, s, e = span(ra)
    for j, rb in enumerate(b):
        if j in used: continue
        db, s2, e2 = span(rb)
        if da == db and s >= 0 and s2 >= 0 and s < e2 and s2 < e and surname(ra["speaker"]) == surname(rb["speaker"]):
            used.add(j); found[cls(ra)] += 1; foundB[cls(rb)] += 1; sameclass += cls(ra) == cls(rb); break
na = {c: sum(cls(r) == c for r in a) for c in found}; nb = {c: sum(cls(r) == c for r in b) for c in found}
for c in ("named", "resolved"):
    print(f"{c}: A rows {na[c]}, B rows {nb[c]}, B's precision vs A {foundB[c]/max(nb[c],1):.3f}, B's recall of A {found[c]/max(na[c],1):.3f}")
tot = sum(found.values()); print(f"all: A {len(a)}, B {len(b)}, matched {tot}, P {tot/len(b):.3f} R {tot/len(a):.3f} F1 {2*tot/(len(a)+len(b)):.3f}; same class {sameclass}")
if len(sys.argv) > 4:
    for j, rb in enumerate(b):
        if j not in used: print("ONLY B:", rb["doc_id"], "|", rb["cue"], "|", rb["speaker"], rb["how"])
