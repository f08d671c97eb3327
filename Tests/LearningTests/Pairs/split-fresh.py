# Splits an independent pairs file into a tuning part and a held-out fifth by a hash of the pair text
# (FNV-1a 64 of "label<TAB>name<TAB>name" % 5 == 0 is held out), the same hash the routing dev set uses.
# Usage: python3 split-fresh.py <fresh.tsv> <tune.tsv> <holdout.tsv>
import sys

def fnv(text):
    h = 0xcbf29ce484222325
    for byte in text.encode():
        h ^= byte
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h

source, tune_path, holdout_path = sys.argv[1:4]
comments, tune, holdout = [], [], []
for line in open(source, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip():
        continue
    if line.startswith("#"):
        comments.append(line)
        continue
    (holdout if fnv(line) % 5 == 0 else tune).append(line)
header = ["# Written by an independent writer who saw neither the code, the lexicon (prompts/task-concepts.txt) nor the",
          "# other pair files; split by split-fresh.py (FNV-1a 64 of the whole line % 5 == 0 is held out) before any",
          "# matcher was scored on it. Their own header:"] + comments
for path, rows, part in [(tune_path, tune, "tuning part (cross-validation only)"), (holdout_path, holdout, "held-out fifth: never tuned on")]:
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(header + [f"# This file: the {part}, {len(rows)} pairs."] + rows) + "\n")
print(len(tune), "tune,", len(holdout), "held out")
