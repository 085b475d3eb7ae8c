#!/usr/bin/env python3
"""Format and consistency check for heldout8.csv (stdlib only).

Checks: header; UTF-8; field values; every cue occurs verbatim on one physical line of its
article; the verb occurs in the cue; doc_ids are among the 20 sampled files (and every sampled
file without rows is listed as having none); rows follow sampling.tsv order and, within an
article, text order of the cues; no duplicate rows. Warnings (not failures): cue occurs more
than once in the article, cue length outside 4-15 words.
"""
import csv, os, re, sys

# The repository's layout: the gold in tests/gold, its articles in tests/data/gold_heldout8.
NOTES = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.dirname(NOTES)
DATA = os.path.join(os.path.dirname(GOLD), 'data', 'gold_heldout8')
CSV = sys.argv[1] if len(sys.argv) > 1 else os.path.join(GOLD, 'heldout8.csv')
HEADER = ['doc_id', 'cue', 'speaker', 'kind', 'how', 'verb']
KINDS = {'person', 'organisation'}
HOWS = {'named', 'pronoun', 'description', 'according-to'}
# articles that were read and found to contain no reporting clause
NO_ROWS = {'articles/usnews_842613620'}

errors, warnings = [], []

def err(msg):
    errors.append(msg)

# sampling order
order = []
with open(os.path.join(NOTES, 'sampling_heldout8.tsv'), encoding='utf-8') as f:
    rd = csv.reader(f, delimiter='\t')
    head = next(rd)
    fi = head.index('file')
    for r in rd:
        if r:
            order.append('articles/' + r[fi][:-4] if r[fi].endswith('.txt') else 'articles/' + r[fi])
if len(order) != 20 or len(set(order)) != 20:
    err('sampling.tsv does not list 20 distinct files: %d' % len(order))
on_disk = sorted('articles/' + n[:-4] for n in os.listdir(os.path.join(DATA, 'articles')) if n.endswith('.txt'))
if sorted(order) != on_disk:
    err('articles/ and sampling.tsv differ: %s' % sorted(set(order) ^ set(on_disk)))

texts = {}
for d in order:
    with open(os.path.join(DATA, d + '.txt'), encoding='utf-8') as f:
        texts[d] = f.read()

raw = open(CSV, 'rb').read()
try:
    raw.decode('utf-8')
except UnicodeDecodeError as e:
    err('not UTF-8: %s' % e)
if b'\r' in raw:
    err('CSV has CR characters (LF line ends expected)')

with open(CSV, encoding='utf-8', newline='') as f:
    rows = list(csv.reader(f))
if not rows or rows[0] != HEADER:
    err('bad header: %r' % (rows[0] if rows else None))
rows = rows[1:]

seen = set()
last_doc_idx, last_pos = -1, -1
docs_with_rows = set()
for n, r in enumerate(rows, start=2):
    if len(r) != 6:
        err('line %d: %d fields' % (n, len(r)))
        continue
    doc, cue, spk, kind, how, verb = r
    for name, val in zip(HEADER, r):
        if val != val.strip() or not val:
            err('line %d: field %s empty or has outer spaces: %r' % (n, name, val))
    if doc not in texts:
        err('line %d: unknown doc_id %r' % (n, doc))
        continue
    docs_with_rows.add(doc)
    if kind not in KINDS:
        err('line %d: bad kind %r' % (n, kind))
    if how not in HOWS:
        err('line %d: bad how %r' % (n, how))
    if '\n' in cue or '\r' in cue:
        err('line %d: cue spans lines' % n)
    text = texts[doc]
    lines = text.split('\n')
    if not any(cue in ln for ln in lines):
        err('line %d: cue not found verbatim on one line of %s: %r' % (n, doc, cue))
        continue
    k = text.count(cue)
    if k > 1:
        warnings.append('line %d: cue occurs %d times in %s: %r' % (n, k, doc, cue))
    nw = len(cue.split())
    if not 4 <= nw <= 15:
        warnings.append('line %d: cue has %d words: %r' % (n, nw, cue))
    vre = r'(?<![A-Za-z])' + re.escape(verb) + r'(?![A-Za-z])'
    if not re.search(vre, cue):
        # Reuters wrap rule (CONVENTIONS_extra.md): when the verb sits on a wrapped line of
        # fewer than 4 words (`they added.`), the cue is the preceding line of the sentence.
        li = [i for i, ln in enumerate(lines) if cue in ln]
        nxt = lines[li[0] + 1].strip() if li and li[0] + 1 < len(lines) else ''
        if doc.startswith('articles/reut-') and len(nxt.split()) < 4 and re.search(vre, nxt):
            warnings.append('line %d: Reuters wrap rule, verb %r on next line %r' % (n, verb, nxt))
        else:
            err('line %d: verb %r not in cue %r' % (n, verb, cue))
    if how == 'according-to' and 'according' not in cue.lower():
        err('line %d: according-to row without "according" in cue' % n)
    key = (doc, cue, spk)
    if key in seen:
        err('line %d: duplicate row %r' % (n, key))
    seen.add(key)
    # order
    di = order.index(doc)
    pos = text.find(cue)
    if di < last_doc_idx:
        err('line %d: %s out of sampling.tsv order' % (n, doc))
    elif di == last_doc_idx and pos < last_pos:
        err('line %d: cue out of text order in %s: %r' % (n, doc, cue))
    if di != last_doc_idx:
        last_pos = -1
    last_doc_idx, last_pos = di, pos

for d in order:
    if d not in docs_with_rows and d not in NO_ROWS:
        err('%s has no rows and is not in NO_ROWS' % d)
    if d in docs_with_rows and d in NO_ROWS:
        err('%s is in NO_ROWS but has rows' % d)

for w in warnings:
    print('WARN', w)
for e in errors:
    print('ERROR', e)
print('%d rows, %d articles with rows, %d errors, %d warnings' % (len(rows), len(docs_with_rows), len(errors), len(warnings)))
sys.exit(1 if errors else 0)
