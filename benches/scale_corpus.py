#!/usr/bin/env python3
"""Makes a corpus N times larger from a real one, for the linearity and memory runs.

Copy 0 of every .txt file is the file itself; copies 1..N-1 change every fourth word of the
body (letters appended to it, different for every copy), so every five-word shingle differs
and near-duplicate detection keeps them all, while dates, titles, sentence structure and
reporting verbs stay as they were. The header (a `date ...` line, the title) is kept as is.

    benches/scale_corpus.py SRC_DIR DEST_DIR COPIES

DEST_DIR must be outside the project (it can be large). Files keep their relative paths,
under copy<k>/.
"""

import os
import re
import sys
from pathlib import Path

WORD = re.compile(r"[A-Za-z]+")


def changed(body: str, k: int) -> str:
    n = 0
    # Copies 1-3 as always; from copy 4 on a "q" per round of four, so that no two copies
    # are the same (before, copy 5 was copy 1 again and was left out as a duplicate).
    suffix = "xyzw"[k % 4] + "q" * (k // 4)

    def sub(m):
        nonlocal n
        n += 1
        return m.group(0) + suffix if n % 4 == k % 4 else m.group(0)

    return WORD.sub(sub, body)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, dest, copies = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    files = sorted(p for p in src.rglob("*.txt") if p.is_file())
    for k in range(copies):
        for p in files:
            out = dest / f"copy{k}" / p.relative_to(src)
            out.parent.mkdir(parents=True, exist_ok=True)
            data = p.read_bytes()
            if k == 0:
                out.write_bytes(data)
                continue
            text = data.decode("utf-8", errors="surrogateescape")
            head, sep, body = text.partition("\n\n")
            if not sep:
                head, body = "", text
            out.write_bytes((head + sep + changed(body, k)).encode("utf-8", errors="surrogateescape"))
    print(f"{len(files)} files x {copies} copies in {dest}", file=sys.stderr)


if __name__ == "__main__":
    main()
