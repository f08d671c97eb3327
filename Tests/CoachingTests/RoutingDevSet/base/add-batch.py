# Appends an independent labelled file (label<TAB>message) to dev.tsv as a new source batch, split by the same hash as
# the other batches (FNV-1a 64 of the message text % 5 == 0 is held out). Lines already in dev.tsv are skipped.
# Usage: python3 add-batch.py <dev.tsv> <batch.tsv> <source name>
import sys

def fnv(text):
    h = 0xcbf29ce484222325
    for byte in text.encode():
        h ^= byte
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h

dev_path, batch_path, source = sys.argv[1:4]
present = set()
for line in open(dev_path, encoding="utf-8"):
    if not line.startswith("#") and line.strip():
        present.add(line.rstrip("\n").split("\t", 3)[3])
rows, skipped = [], 0
for line in open(batch_path, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("#") or not line.strip():
        continue
    label, text = line.split("\t", 1)
    if text in present:
        skipped += 1
        continue
    present.add(text)
    rows.append(f"{'holdout' if fnv(text) % 5 == 0 else 'tune'}\t{label}\t{source}\t{text}")
with open(dev_path, "a", encoding="utf-8") as out:
    out.write("\n".join(rows) + "\n")
print(len(rows), "added,", sum(r.startswith("holdout") for r in rows), "held out,", skipped, "already present")
