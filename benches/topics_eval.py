#!/usr/bin/env python3
"""How well newsreport's discovered topics match known categories, next to scikit-learn's NMF.

Reads a newsreport report made with --matrix (document_topics.csv, topic_matrix.csv: the exact
TF-IDF matrix our NMF factorised) and the corpus's index.tsv (category column: `category` for
bbc, `group` for newsgroups20). Runs scikit-learn's NMF with the same k on the same matrix
(its defaults: init="nndsvda", solver="cd", max_iter=200, tol=1e-4) and reports, for both, the
purity and normalised mutual information (arithmetic mean) of each document's heaviest topic
against its category, over the documents newsreport analysed (duplicates left out).

    newsreport CORPUS/articles --out OUT --topics-k K --matrix
    /tmp/newsreport-peer/bin/python benches/topics_eval.py CORPUS OUT [--seed 1]
"""

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.decomposition import NMF
from sklearn.metrics import normalized_mutual_info_score


def purity(labels, clusters):
    by_cluster = defaultdict(Counter)
    for l, c in zip(labels, clusters):
        by_cluster[c][l] += 1
    return sum(max(c.values()) for c in by_cluster.values()) / len(labels)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path, help="corpus folder holding index.tsv")
    ap.add_argument("report", type=Path, help="newsreport --out folder (made with --matrix)")
    ap.add_argument("--seed", type=int, default=1, help="random_state for scikit-learn")
    a = ap.parse_args()

    with open(a.corpus / "index.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    column = next(c for c in ("category", "group") if c in rows[0])
    category = {Path(r["file"]).stem: r[column] for r in rows}

    with open(a.report / "documents.csv", newline="", encoding="utf-8") as f:
        docs = [r["doc_id"] for r in csv.DictReader(f) if r["status"] == "ok"]
    index = {d: i for i, d in enumerate(docs)}

    ours = np.full(len(docs), -1)
    best = np.zeros(len(docs))
    with open(a.report / "document_topics.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            i, w = index[r["doc_id"]], float(r["weight"])
            if w > best[i]:  # rows come heaviest first, so ties keep the first
                ours[i], best[i] = int(r["topic"]), w
    k = int(max(ours))
    with open(a.report / "topics.csv", newline="", encoding="utf-8") as f:
        k = max(k, max(int(r["topic"]) for r in csv.DictReader(f)))

    vocab, ri, ci, vals = {}, [], [], []
    with open(a.report / "topic_matrix.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ri.append(index[r["doc_id"]])
            ci.append(vocab.setdefault(r["stem"], len(vocab)))
            vals.append(float(r["tfidf"]))
    x = csr_matrix((vals, (ri, ci)), shape=(len(docs), len(vocab)))

    started = time.perf_counter()
    model = NMF(n_components=k, random_state=a.seed)
    w = model.fit_transform(x)
    seconds = time.perf_counter() - started
    theirs = np.where(w.sum(axis=1) > 0, w.argmax(axis=1), -1)

    labels = [category[d] for d in docs]
    print(f"{a.corpus.name}: {len(docs)} documents, {len(set(labels))} categories, "
          f"k = {k}, matrix {x.shape[0]} x {x.shape[1]}, {x.nnz} nonzeros")
    print(f"{'':12} {'purity':>7} {'NMI':>7}  no topic")
    for name, clusters in (("newsreport", ours), ("scikit-learn", theirs)):
        print(f"{name:12} {purity(labels, clusters):7.4f} "
              f"{normalized_mutual_info_score(labels, clusters):7.4f}  {int((clusters < 0).sum())}")
    print(f"scikit-learn NMF: {seconds:.2f} s, {model.n_iter_} iterations, "
          f"loss 0.5||X-WH||^2 = {0.5 * model.reconstruction_err_ ** 2:.4f}")


if __name__ == "__main__":
    sys.exit(main())
