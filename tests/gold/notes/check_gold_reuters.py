# Format check for the reuters21578 gold (run from anywhere: python3 tests/gold/notes/check_gold_reuters.py)
import csv, os, collections, re
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))  # the repository
G = os.path.join(ROOT, "tests/gold"); D = os.path.join(ROOT, "tests/data/gold_reuters")
SRC = os.path.join(ROOT, "../shared/corpora/reuters21578/articles")
H = ["doc_id","cue","speaker","kind","how","verb"]
split = {}
for line in open(os.path.join(ROOT, "tests/gold/notes/sampling_reuters.txt")):
    p = line.rstrip("\n").split("\t")
    if len(p) == 5 and p[0].isdigit():
        split["articles/" + p[1][:-4]] = "reuters21578.csv" if p[4] == "dev" else "reuters21578_heldout.csv"
ok = True
files = sorted(os.listdir(f"{D}/articles"))
for f in files:
    if open(f"{D}/articles/{f}", "rb").read() != open(f"{SRC}/{f}", "rb").read():
        print("COPY DIFFERS", f); ok = False
print("article files:", len(files), "; all identical to corpus:", ok)
if set("articles/" + f[:-4] for f in files) != set(split): print("FILES != SAMPLING"); ok = False
docs_with_rows = set()
for name in ("reuters21578.csv", "reuters21578_heldout.csv"):
    raw = open(f"{G}/{name}", encoding="utf-8", newline="").read()
    rows = list(csv.reader(raw.splitlines(keepends=True)))
    if rows[0] != H: print(name, "BAD HEADER", rows[0]); ok = False
    by = collections.Counter(); kinds = collections.Counter(); seen = set(); docs = set()
    for i, r in enumerate(rows[1:], 2):
        if len(r) != 6: print(name, i, "FIELDS", len(r)); ok = False; continue
        doc, cue, spk, kind, how, verb = r
        p = f"{D}/{doc}.txt"
        if not os.path.isfile(p): print(name, i, "NO FILE", p); ok = False; continue
        text = open(p, encoding="utf-8").read()
        if "\n" in cue or "\r" in cue: print(name, i, "NEWLINE IN CUE", cue); ok = False
        if cue not in text: print(name, i, "CUE NOT IN ARTICLE", repr(cue)); ok = False
        n = text.count(cue)
        if n != 1: print(name, i, "cue occurs", n, "times:", repr(cue))
        nw = len(cue.split())
        if not 4 <= nw <= 15: print(name, i, "WORDS", nw, repr(cue)); ok = False
        if kind not in ("person", "organisation"): print(name, i, "KIND", kind); ok = False
        if how not in ("named", "pronoun", "description", "according-to"): print(name, i, "HOW", how); ok = False
        if not spk or not verb: print(name, i, "EMPTY FIELD"); ok = False
        if split.get(doc) != name: print(name, i, "WRONG SPLIT", doc); ok = False
        if tuple(r) in seen: print(name, i, "DUPLICATE ROW"); ok = False
        seen.add(tuple(r)); by[how] += 1; kinds[kind] += 1; docs.add(doc)
    docs_with_rows |= docs
    print(f"{name}: {len(rows)-1} rows, {len(docs)} docs with rows, by how: {dict(sorted(by.items()))}, by kind: {dict(sorted(kinds.items()))}")
print("files without any row:", sorted(set(split) - docs_with_rows))
print("ALL CHECKS PASSED" if ok else "CHECKS FAILED")
