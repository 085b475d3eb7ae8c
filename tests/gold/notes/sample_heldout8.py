#!/usr/bin/env python3
# Sampling for held-out set 8 (continuation of the earlier sha1 walks).
# Run from the repository root: python3 tests/gold/notes/sample_heldout8.py
import csv, glob, hashlib, os
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
C = os.path.join(ROOT, "..", "shared", "corpora")
gold = set()
# Every earlier gold, not this set's own (so that the sample can be reproduced).
for f in glob.glob(os.path.join(ROOT, "tests", "gold", "*.csv")):
    if os.path.basename(f).startswith("heldout8"):
        continue
    for r in csv.DictReader(open(f, encoding="utf-8", newline="")):
        gold.add(r["doc_id"].split("/")[-1])
sha = lambda n: hashlib.sha1(n.encode("utf-8")).hexdigest()
def body_after_blank(data):
    i = data.find(b"\n\n")
    return data[i + 2:] if i >= 0 else b""
def walk(names, d, ok, skip_n, take):
    kept = []; out = []
    for n in sorted(names, key=sha):
        data = open(os.path.join(d, n), "rb").read()
        s = ok(data)
        if s is None: continue
        kept.append(n)
        if len(kept) <= skip_n: continue
        if n[:-4] in gold: print("  skip (in earlier gold):", n); continue
        out.append((len(kept), n, sha(n), s))
        if len(out) == take: break
    return out
res = []
rows = list(csv.DictReader(open(f"{C}/usnews/index.tsv", encoding="utf-8"), delimiter="\t"))
for src in ("wsj", "wapo"):
    names = [r["file"] for r in rows if r["source"] == src]
    def ok(data):
        b = len(body_after_blank(data)); return b if b >= 900 else None
    for k, n, h, s in walk(names, f"{C}/usnews/articles", ok, 16, 4): res.append(("usnews-" + src, k, n, h, s))
def okr(data):
    lines = data.split(b"\n")
    idx = lines.index(b"") if b"" in lines else len(lines)
    b = len(b"\n".join(lines[idx + 1:])); return b if 600 <= b <= 5000 else None
for k, n, h, s in walk(os.listdir(f"{C}/reuters21578/articles"), f"{C}/reuters21578/articles", okr, 24, 6):
    res.append(("reuters21578", k, n, h, s))
uk = [l.rstrip("\n").split("\t") for l in open(f"{C}/uk_immigration_news_2014/index.tsv", encoding="utf-8")][1:]
def oku(data): return len(data) if 1500 <= len(data) <= 7000 else None
for p in ("guardian", "telegraph", "mail", "times", "independent", "ft"):
    names = [r[0] for r in uk if r[1] == p]
    for k, n, h, s in walk(names, f"{C}/uk_immigration_news_2014/articles", oku, 4, 1): res.append(("uk-" + p, k, n, h, s))
print("group\tkept_pos\tfile\tsha1_of_name\tbytes(body or file)")
for r in res: print("\t".join(map(str, r)))
