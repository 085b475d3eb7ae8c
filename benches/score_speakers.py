#!/usr/bin/env python3
"""Scores speaker attribution (a quotes.csv) against a hand-annotated gold file, exactly as
the end-to-end test does (tests/e2e.rs, `score_speakers`), so that newsreport and the peer
tools in ../shared/tools/peer_speakers are measured by one rule.

Gold: CSV `doc_id,cue,speaker,kind,how,verb`. Predictions: any quotes.csv with the columns
`doc_id`, `speaker`, `how` and `text` (newsreport's, or the peers', which use its names).

- doc_id is compared by its part after the last `/`: newsreport run on a data folder writes
  `articles/<stem>`, run on a folder of .txt files `<stem>`, the peers always `<stem>`.
- Only predictions of the gold's documents count.
- Gold rows are taken in file order; one is found when a prediction not used yet, of the same
  document, contains the gold cue in its `text` and names the same surname (last word of the
  speaker, lower-cased, after a company's legal form: "Cominco Ltd" and "Cominco" agree; the
  forms are the crate's src/lexicon/company_suffixes.txt). Predictions are tried in file order and the first that fits is used.
- Class: resolved when `how` is `pronoun` or `description`, named otherwise (`named`,
  `according-to`).
- Precision = found / predicted, recall = found / gold, per class; 1.0 when the divisor is 0.

Standard library only.

    score_speakers.py GOLD.csv QUOTES.csv [QUOTES.csv ...] [--label NAME ...] [--json]
                      [--no-header] [--set NAME]

Prints a Markdown table, one row per quotes file; --json prints the same as a JSON list.
"""
import argparse
import csv
import json
import os
import sys

# Rust's char::is_whitespace (Unicode White_Space), which str::split_whitespace uses.
# Python's str.split() also splits at U+001C..U+001F, so it is not used.
WHITE_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)
RESOLVED = ("pronoun", "description")
# The crate's list of words that end a company's name (inc., corp., ltd., co, plc, llc).
LEGAL_FORMS = frozenset(
    line.strip().lower().rstrip(".")
    for line in open(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "lexicon", "company_suffixes.txt"),
        encoding="utf-8",
    )
    if line.strip() and not line.startswith("#")
)


def read_table(path):
    """(header, rows) of a CSV file; every row must have the header's length."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    if not rows:
        sys.exit(f"{path}: empty file, no header")
    header, body = rows[0], rows[1:]
    for i, r in enumerate(body, 2):
        if len(r) != len(header):
            sys.exit(f"{path}: row {i} has {len(r)} fields, header {len(header)}")
    return header, body


def column(header, name, path):
    try:
        return header.index(name)
    except ValueError:
        sys.exit(f"{path}: no column {name!r}")


def doc_key(doc_id):
    return doc_id.rsplit("/", 1)[-1]


def surname(name):
    words, word = [], []
    for ch in name:
        if ch in WHITE_SPACE:
            if word:
                words.append("".join(word))
                word = []
        else:
            word.append(ch)
    if word:
        words.append("".join(word))
    # A company's legal form is not its name: "Cominco Ltd" and "Cominco" agree.
    while len(words) > 1 and words[-1].lower().rstrip(".") in LEGAL_FORMS:
        words.pop()
    return words[-1].lower() if words else ""


def is_resolved(how):
    return how in RESOLVED


def ratio(a, b):
    return 1.0 if b == 0 else a / b


def score(gold_path, quotes_path):
    """Counts and precision/recall per class (named, resolved)."""
    gh, grows = read_table(gold_path)
    gd, gc, gs, gw = (column(gh, c, gold_path) for c in ("doc_id", "cue", "speaker", "how"))
    qh, qrows = read_table(quotes_path)
    qd, qs, qw, qt = (column(qh, c, quotes_path) for c in ("doc_id", "speaker", "how", "text"))
    docs = {doc_key(r[gd]) for r in grows}
    pred = [r for r in qrows if doc_key(r[qd]) in docs]
    pred_doc = [doc_key(p[qd]) for p in pred]
    pred_sur = [surname(p[qs]) for p in pred]
    used = [False] * len(pred)
    gold_n, tp, found = [0, 0], [0, 0], [0, 0]
    for row in grows:
        cls = int(is_resolved(row[gw]))
        gold_n[cls] += 1
        doc, cue, sur = doc_key(row[gd]), row[gc], surname(row[gs])
        for i, p in enumerate(pred):
            if not used[i] and pred_doc[i] == doc and cue in p[qt] and pred_sur[i] == sur:
                used[i] = True
                tp[cls] += 1
                break
    for p in pred:
        found[int(is_resolved(p[qw]))] += 1
    out = {}
    for cls, name in enumerate(("named", "resolved")):
        out[name] = {
            "precision": ratio(tp[cls], found[cls]),
            "recall": ratio(tp[cls], gold_n[cls]),
            "matched": tp[cls],
            "predicted": found[cls],
            "gold": gold_n[cls],
        }
    out["documents"] = len(docs)
    out["predictions_all_documents"] = len(qrows)
    return out


COLUMNS = [
    "gold set", "docs", "tool",
    "named P", "named R", "resolved P", "resolved R",
    "named found/pred/gold", "resolved found/pred/gold",
]


def markdown_row(r):
    n, s = r["named"], r["resolved"]
    return "| " + " | ".join([
        r["set"], str(r["documents"]), r["tool"],
        f"{n['precision']:.3f}", f"{n['recall']:.3f}",
        f"{s['precision']:.3f}", f"{s['recall']:.3f}",
        f"{n['matched']}/{n['predicted']}/{n['gold']}",
        f"{s['matched']}/{s['predicted']}/{s['gold']}",
    ]) + " |"


def main():
    ap = argparse.ArgumentParser(
        description="Speaker precision/recall of quotes.csv files against a gold CSV "
                    "(the rule of tests/e2e.rs score_speakers).")
    ap.add_argument("gold", help="gold CSV: doc_id,cue,speaker,kind,how,verb")
    ap.add_argument("quotes", nargs="+", help="quotes.csv of a tool")
    ap.add_argument("--label", action="append", default=[],
                    help="tool name of each quotes file, in order (default: its folder name)")
    ap.add_argument("--set", help="gold set name (default: the gold file's stem)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--no-header", action="store_true", help="table rows only (to append)")
    a = ap.parse_args()
    if a.label and len(a.label) != len(a.quotes):
        ap.error("give --label once per quotes file, or not at all")
    labels = a.label or [os.path.basename(os.path.dirname(os.path.abspath(q))) for q in a.quotes]
    name = a.set or os.path.splitext(os.path.basename(a.gold))[0]
    results = []
    for label, q in zip(labels, a.quotes):
        r = {"set": name, "tool": label, "gold_file": a.gold, "quotes_file": q}
        r.update(score(a.gold, q))
        results.append(r)
    if a.json:
        json.dump(results, sys.stdout, indent=1)
        print()
        return
    if not a.no_header:
        print("| " + " | ".join(COLUMNS) + " |")
        print("|" + "|".join("---" if i < 3 else "---:" for i in range(len(COLUMNS))) + "|")
    for r in results:
        print(markdown_row(r))


if __name__ == "__main__":
    main()
