#!/usr/bin/env python3
"""NMI between the dominant topics of two document_topics.csv files (the first row of each
document is its heaviest topic): how much two runs agree on which topic each article is.

    topics_nmi.py A/document_topics.csv B/document_topics.csv [LABEL]

Standard library only."""
import csv, sys, math, collections
def dominant(path):
    d = {}
    for r in csv.DictReader(open(path, encoding='utf-8')):
        d.setdefault(r['doc_id'], r['topic'])   # heaviest first per document
    return d
a, b = dominant(sys.argv[1]), dominant(sys.argv[2])
docs = sorted(set(a) & set(b)); n = len(docs)
ca = collections.Counter(a[x] for x in docs); cb = collections.Counter(b[x] for x in docs)
cab = collections.Counter((a[x], b[x]) for x in docs)
h = lambda c: -sum(v/n*math.log(v/n) for v in c.values())
mi = sum(v/n*math.log((v/n)/((ca[i]/n)*(cb[j]/n))) for (i,j),v in cab.items())
nmi = mi / math.sqrt(h(ca)*h(cb)) if h(ca)*h(cb) > 0 else 1.0
print(f"{sys.argv[3] if len(sys.argv)>3 else ''} docs {n} (only in a: {len(set(a)-set(b))}, only in b: {len(set(b)-set(a))}) NMI {nmi:.3f}")
