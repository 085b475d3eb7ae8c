# Sampling rule for the reuters21578 gold (run: python3 sample_reuters.py)
import hashlib, os
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "corpora", "reuters21578", "articles")
names = os.listdir(D)                                                     # step 1
rows = sorted((hashlib.sha1(n.encode("utf-8")).hexdigest(), n) for n in names)  # step 2
kept = []
for h, n in rows:                                                         # step 3
    data = open(os.path.join(D, n), "rb").read()
    lines = data.split(b"\n")
    # body = everything after the first empty line (header: [date line], [title line], empty line)
    idx = lines.index(b"") if b"" in lines else len(lines)
    body = b"\n".join(lines[idx+1:])
    if 600 <= len(body) <= 5000:
        kept.append((h, n, len(body)))
    if len(kept) == 18:
        break
print("pos\tfile\tsha1(name)\tbody_bytes\tsplit")
for k, (h, n, s) in enumerate(kept, 1):                                   # step 4
    print(f"{k}\t{n}\t{h}\t{s}\t{'heldout' if k % 3 == 0 else 'dev'}")
