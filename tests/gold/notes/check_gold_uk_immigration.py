#!/usr/bin/env python3
"""Checks the uk_immigration gold CSVs: header, 6 fields per row, doc file exists,
cue verbatim substring of the article, no newline, 4..15 words, allowed kind/how values,
verb appears in cue (reported when not), duplicates."""
import csv, os, sys
root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))  # the repository
data = os.path.join(root, 'tests/data/gold_uk_immigration')
bad = 0
for name in ('uk_immigration_news_2014.csv', 'uk_immigration_news_2014_heldout.csv'):
    path = os.path.join(root, 'tests/gold', name)
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    if header != ['doc_id', 'cue', 'speaker', 'kind', 'how', 'verb']:
        print(name, 'BAD HEADER', header); bad += 1
    docs = set(); seen = set(); verb_not_in_cue = []
    for i, r in enumerate(body, start=2):
        if len(r) != 6:
            print(name, i, 'FIELDS', len(r), r); bad += 1; continue
        doc, cue, spk, kind, how, verb = r
        fp = os.path.join(data, doc + '.txt')
        if not os.path.isfile(fp):
            print(name, i, 'NO FILE', doc); bad += 1; continue
        docs.add(doc)
        text = open(fp, encoding='utf-8').read()
        if '\n' in cue or '\r' in cue:
            print(name, i, 'NEWLINE IN CUE'); bad += 1
        if cue not in text:
            print(name, i, 'CUE NOT FOUND', repr(cue)); bad += 1
        n = len(cue.split())
        if not 4 <= n <= 15:
            print(name, i, 'CUE WORDS', n, repr(cue)); bad += 1
        if kind not in ('person', 'organisation'):
            print(name, i, 'KIND', kind); bad += 1
        if how not in ('named', 'pronoun', 'description', 'according-to'):
            print(name, i, 'HOW', how); bad += 1
        if not spk.strip() or not verb.strip():
            print(name, i, 'EMPTY speaker/verb'); bad += 1
        if (doc, cue, spk) in seen:
            print(name, i, 'DUPLICATE', doc, cue, spk); bad += 1
        seen.add((doc, cue, spk))
        if verb.split()[0] not in cue.split():
            verb_not_in_cue.append((i, verb, cue))
    print(f'{name}: {len(body)} rows, {len(docs)} documents with rows')
    for v in verb_not_in_cue:
        print('  note: verb not literally in cue (line %d): %r / %r' % v)
print('problems:', bad)
sys.exit(1 if bad else 0)
